//! Money in: the High Needs Block allocation, a Schools Block transfer,
//! other contributions; other spend; and the deficit carried in.

use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::state::{Action, TransferKind};
use super::super::units::Unit;
use super::{Section, Spec};
use crate::model::scenario::Transfer;

super::panel_props!(
    MoneyProps,
    &["income.", "other_spend", "opening_deficit"],
    |a, b| a.draft.income == b.draft.income
        && a.draft.other_spend == b.draft.other_spend
        && a.draft.opening_deficit == b.draft.opening_deficit
);

/// Income, other spend and the opening deficit.
#[component]
pub fn MoneyPanel(p: &MoneyProps) -> Html {
    let state = p.state.clone();
    let dispatch = use_dispatch();
    let s = &state.draft;
    let o = &state.origin;
    let kind = match &s.income.schools_block_transfer {
        Transfer::None => TransferKind::None,
        Transfer::Percent { .. } => TransferKind::Percent,
        Transfer::Amount { .. } => TransferKind::Amount,
    };
    let radio = |k: TransferKind, id: &str, label: &str| {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |_| dispatch.dispatch(Action::Transfer(k)));
        html! {
            <div class="radio">
                <input type="radio" name="transfer-kind" id={id.to_string()} checked={kind == k} {onchange} />
                <label for={id.to_string()}>{ label.to_string() }</label>
            </div>
        }
    };
    let first = s.about.first_year;
    html! {
        <Section id="money" terms={{ const T: &[(&str, &str)] = &[("high-needs-block", "High Needs Block"), ("dsg", "DSG"), ("schools-block-transfer", "Schools Block transfer"), ("cumulative-deficit", "cumulative deficit"), ("statutory-override", "statutory override")]; T }} force={super::has_messages(&state, |p| p.starts_with("income.") || p.starts_with("other_spend") || p == "opening_deficit")} title="Money in, other spend and the deficit"
            summary="The High Needs Block allocation, money moved from the Schools Block, other contributions, spend not tied to a placement, and the deficit carried in.">
            { Spec::new("opening_deficit", format!("Cumulative deficit carried into {first}"), Unit::Millions, s.opening_deficit)
                .hint("Positive is a deficit; a surplus is negative.")
                .range(dec!(-50), crate::app::controls::nice_ceiling(Unit::Millions.to_display(o.opening_deficit).saturating_mul(dec!(3)).max(dec!(50))), dec!(0.1))
                .show(&state) }
            { Spec::new("income.hnb.first", format!("High Needs Block allocation in {first}"), Unit::Millions, s.income.hnb.first)
                .up_to(o.income.hnb.first, dec!(10), dec!(0.1)).show(&state) }
            { Spec::new("income.hnb.growth", "Yearly growth of the allocation", Unit::Percent, s.income.hnb.growth)
                .range(dec!(-5), dec!(15), dec!(0.1)).words("a year").show(&state) }
            if !s.income.hnb.by_year.is_empty() {
                <p class="hint">{ format!("This scenario also sets the allocation for {}; growth carries on from those figures.",
                    s.income.hnb.by_year.keys().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")) }</p>
            }
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Schools Block transfer (the plan only)" }</legend>
                <div class="hint">{ "0.5% is the usual request to the Schools Forum; more needs the Secretary of State's approval." }</div>
                { radio(TransferKind::None, "transfer-none", "No transfer") }
                { radio(TransferKind::Percent, "transfer-percent", "A percentage of the Schools Block") }
                { radio(TransferKind::Amount, "transfer-amount", "An amount each year") }
                { match &s.income.schools_block_transfer {
                    Transfer::None => Html::default(),
                    Transfer::Percent { rate, schools_block } => html! { <>
                        { Spec::new("income.schools_block_transfer.rate", "Share of the Schools Block transferred", Unit::Percent, *rate)
                            .range(dec!(0), dec!(2), dec!(0.05)).words("of the Schools Block").show(&state) }
                        { Spec::new("income.schools_block_transfer.schools_block.first", format!("Schools Block in {first}"), Unit::Millions, schools_block.first)
                            .up_to(schools_block.first, dec!(50), dec!(0.1)).show(&state) }
                    </> },
                    Transfer::Amount { amount } => html! {
                        { Spec::new("income.schools_block_transfer.amount.first", "Transfer each year", Unit::Millions, amount.first)
                            .up_to(amount.first, dec!(2), dec!(0.01)).show(&state) }
                    },
                } }
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Other contributions (both runs)" }</legend>
                <div class="hint">{ "Money from the council's general fund, health or others towards High Needs costs." }</div>
                { for s.income.other_contributions.iter().enumerate().map(|(i, line)| {
                    let origin = o.income.other_contributions.get(i).map_or(line.amount.first, |l| l.amount.first);
                    let remove = {
                        let dispatch = dispatch.clone();
                        Callback::from(move |_| dispatch.dispatch(Action::RemoveContribution(i)))
                    };
                    Spec::new(format!("income.other_contributions[{i}].amount.first"), format!("{} in {first}", line.name), Unit::Millions, line.amount.first)
                        .up_to(origin, dec!(1), dec!(0.01)).render(&state, html! {
                            <button type="button" class="button button--link" onclick={remove}>
                                { "Remove" }<span class="visually-hidden">{ format!(" {}", line.name) }</span>
                            </button>
                        })
                }) }
                <button type="button" class="button button--secondary" onclick={
                    let dispatch = dispatch.clone();
                    Callback::from(move |_| dispatch.dispatch(Action::AddContribution))
                }>{ "Add a contribution" }</button>
            </fieldset>
            { for s.other_spend.iter().enumerate().map(|(i, line)| {
                let origin = o.other_spend.get(i).map_or(line.amount.first, |l| l.amount.first);
                let explicit = !line.amount.by_year.is_empty();
                html! { <>
                    { Spec::new(format!("other_spend[{i}].amount.first"), format!("{} (other spend) in {first}", line.name), Unit::Millions, line.amount.first)
                        .up_to(origin, dec!(1), dec!(0.01)).show(&state) }
                    if explicit {
                        <p class="hint">{ format!("{} also has figures set year by year, which replace the grown amount in those years.", line.name) }</p>
                    }
                </> }
            }) }
        </Section>
    }
}
