//! The calculator page.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;
use yew::prelude::*;

use crate::model::demand::ehcps_after;

/// EHCPs in an average English authority, January 2025: 638,745 plans
/// (DfE SEN2 2025) across 153 authorities.
const AVERAGE_EHCPS: Decimal = dec!(4175);

/// The page.
#[component]
pub fn App() -> Html {
    // Growth in tenths of a percentage point, as the slider reports it.
    let tenths = use_state(|| 100_i64);
    let rate = Decimal::new(*tenths, 3);
    let in_five = ehcps_after(AVERAGE_EHCPS, rate, 5)
        .round()
        .to_i64()
        .unwrap_or_default();
    let oninput = {
        let tenths = tenths.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<i64>() {
                tenths.set(v.clamp(-500, 1000));
            }
        })
    };
    let pct = format!("{}%", (rate * dec!(100)).normalize());
    html! {
        <main class="page">
            <h1>{ "High Needs Block deficit calculator" }</h1>
            <p class="lede">{ "See how a council's special educational needs spending, savings plan and Safety Valve payments change its High Needs deficit, year by year." }</p>
            <div class="field">
                <label for="growth">{ "EHCP growth a year" }</label>
                <input id="growth" type="range" min="-100" max="300" step="5"
                    value={tenths.to_string()} aria-valuetext={format!("{pct} a year")} {oninput} />
                <output for="growth" id="growth-value">{ pct }</output>
            </div>
            <p id="ehcps-in-five">
                { format!("An authority with {} EHCPs now would have ", AVERAGE_EHCPS) }
                <strong>{ in_five }</strong>{ " in five years." }
            </p>
        </main>
    }
}
