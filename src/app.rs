//! The calculator page.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;
use yew::prelude::*;

use crate::model::presets;
use crate::model::scenario::Growth;

/// The page.
#[component]
pub fn App() -> Html {
    // Growth in tenths of a percentage point, as the slider reports it.
    let tenths = use_state(|| 100_i64);
    let rate = Decimal::new(*tenths, 3);
    let base = use_memo((), |_| {
        presets::find(presets::DEFAULT_PRESET).map(|p| p.scenario())
    });
    let (start, in_five) = match base.as_ref() {
        Some(s) => {
            let mut s = s.clone();
            s.demand.growth = Growth::constant(rate);
            let last = crate::model::project(&s)
                .ok()
                .and_then(|p| p.mitigated.last().map(|r| r.ehcps));
            (s.demand.ehcps, last.unwrap_or_default())
        }
        None => (Decimal::ZERO, Decimal::ZERO),
    };
    let in_five = in_five.round().to_i64().unwrap_or_default();
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
                { format!("An authority with {} EHCPs now would have ", start) }
                <strong>{ in_five }</strong>{ " in five years." }
            </p>
        </main>
    }
}
