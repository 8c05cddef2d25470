//! The Safety Valve agreement: DfE payments by year.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::units::Unit;
use super::{Section, Spec};

super::panel_props!(AgreementProps, &["agreement."], |a, b| a.draft.agreement
    == b.draft.agreement);

/// DfE payments per year.
#[component]
pub fn AgreementPanel(p: &AgreementProps) -> Html {
    let state = p.state.clone();
    let s = &state.draft;
    let o = &state.origin;
    let top = o
        .agreement
        .payments
        .values()
        .copied()
        .max()
        .unwrap_or(Decimal::ZERO);
    html! {
        <Section id="agreement" force={super::has_messages(&state, |p| p.starts_with("agreement."))} title="DfE Safety Valve payments"
            summary="What the Department for Education pays each year towards the historic deficit. The remaining deficit is the cumulative deficit less every payment received.">
            <ul class="year-list">
                { for s.about.years().map(|y| {
                    let v = s.agreement.payments.get(&y).copied().unwrap_or(Decimal::ZERO);
                    html! { <li>{ Spec::new(format!("agreement.payments.{y}"), format!("DfE payment in {y}"), Unit::Millions, v)
                        .up_to(top, dec!(10), dec!(0.01)).compact().show(&state) }</li> }
                }) }
            </ul>
        </Section>
    }
}
