//! The Safety Valve agreement: DfE payments by year, whether they depend on
//! staying on the agreed path, the path itself, and where each year stands.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::field::field_id;
use super::super::state::{Action, FieldState, Shared};
use super::super::units::Unit;
use super::{Section, Spec, has_messages};
use crate::model::Projection;
use crate::model::field::Field;
use crate::model::format::millions_dp;
use crate::model::node::Group;
use crate::model::scenario::{About, Agreement, Scenario};

/// Props of [`AgreementPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgreementProps {
    /// The years.
    pub about: Shared<About>,
    /// The agreement.
    pub agreement: Shared<Agreement>,
    /// The scenario as loaded, for slider ranges.
    pub origin: Shared<Scenario>,
    /// The projection of the last valid scenario, for where each year
    /// stands.
    pub projection: Option<Shared<Projection>>,
    /// The panel's typed text, messages and sources.
    pub fields: FieldState,
}

/// DfE payments, the agreed path and where each year stands.
#[component]
pub fn AgreementPanel(p: &AgreementProps) -> Html {
    let dispatch = use_dispatch();
    let f = &p.fields;
    let a = &p.agreement;
    let o = &p.origin;
    let top = o
        .agreement
        .payments
        .values()
        .copied()
        .max()
        .unwrap_or(Decimal::ZERO);
    let path_top = o
        .agreement
        .agreed_path
        .values()
        .copied()
        .max()
        .unwrap_or(Decimal::ZERO)
        .max(o.opening_deficit);
    let on_conditional = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Conditional(el.checked()));
        })
    };
    let conditional_id = field_id(Group::Conditional);
    let m = |d: Decimal| millions_dp(d, 2);
    html! {
        <Section id="agreement" terms={{ const T: &[(&str, &str)] = &[("safety-valve", "Safety Valve"), ("agreed-path", "agreed path"), ("in-year-balance", "in-year balance")]; T }} force={has_messages(f, &[Group::Agreement.into()])} title="Safety Valve agreement"
            summary="What the Department for Education pays each year towards the historic deficit, and the path the council agreed to keep to. The remaining deficit is the cumulative deficit less every payment received.">
            <div class="checkbox">
                <input type="checkbox" id={conditional_id.clone()} checked={a.conditional} onchange={on_conditional} />
                <label for={conditional_id}>{ "Payments depend on staying on the agreed path" }</label>
            </div>
            <p class="hint">{ "When this is on, a year's payment is withheld if the cumulative deficit (before DfE payments) ends the year above the agreed figure by more than the tolerance below. In 2023-24 the DfE withheld £17.7m of £22.2m due from five councils whose agreements were suspended." }</p>
            if a.conditional {
                { Spec::new(Field::Tolerance, "Tolerance on the agreed path", Unit::Millions, a.tolerance)
                    .hint("How far above the agreed figure the deficit may end a year and still count as on track. The DfE publishes no numeric rule; a difference within the precision the path was published to (often £0.1m) is rounding, not a missed target.")
                    .range(dec!(0), dec!(5), dec!(0.05)).show(f, &dispatch) }
            }
            { for p.about.years().map(|y| {
                let pay = a.payments.get(&y).copied().unwrap_or(Decimal::ZERO);
                let agreed = a.agreed_path.get(&y).copied();
                html! {
                    <fieldset class="fieldset mix-row">
                        <legend class="fieldset__legend">{ y.to_string() }</legend>
                        <div class="mix-row__fields">
                            { Spec::new(Field::Payment(y), format!("DfE payment in {y}"), Unit::Millions, pay)
                                .up_to(top, dec!(10), dec!(0.01)).compact().show(f, &dispatch) }
                            { Spec::new(Field::AgreedPath(y), format!("Agreed deficit at the end of {y}"), Unit::Millions, agreed.unwrap_or(Decimal::ZERO))
                                .hint("Leave empty if there is no agreed figure for this year.")
                                .up_to(path_top, dec!(10), dec!(0.1)).optional(agreed.is_some()).compact().show(f, &dispatch) }
                        </div>
                    </fieldset>
                }
            }) }
            if let Some(pr) = &p.projection {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="agreement-caption">
                    <table class="table" id="agreement-table">
                        <caption id="agreement-caption" class="table__caption">{ "Where each year stands (£ million)" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col" class="num">{ "Deficit with the plan" }</th>
                            <th scope="col" class="num">{ "Agreed" }</th>
                            <th scope="col">{ "On track?" }</th>
                            <th scope="col" class="num">{ "Payment due" }</th>
                            <th scope="col" class="num">{ "Received" }</th>
                            <th scope="col" class="num">{ "Remaining deficit" }</th>
                        </tr></thead>
                        <tbody>
                            { for pr.mitigated.iter().map(|r| html! {
                                <tr>
                                    <th scope="row">{ r.year.to_string() }</th>
                                    <td class="num">{ m(r.cumulative_deficit) }</td>
                                    <td class="num">{ r.agreed.map(m).unwrap_or_else(|| "–".into()) }</td>
                                    <td>{ match r.on_track {
                                        Some(true) => html! { <span class="tag tag--green">{ "On track" }</span> },
                                        Some(false) => html! { <span class="tag tag--red">{ "Off track" }</span> },
                                        None => html! { "No agreed figure" },
                                    } }</td>
                                    <td class="num">{ m(r.sv_due) }</td>
                                    <td class="num">
                                        { m(r.sv_payment) }
                                        if r.sv_withheld { <> <br /><span class="tag tag--red">{ format!("{} withheld", m(r.sv_due)) }</span></> }
                                    </td>
                                    <td class="num">{ m(r.remaining_deficit) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </Section>
    }
}
