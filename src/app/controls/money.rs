//! Money in: the High Needs Block allocation, a Schools Block transfer,
//! other contributions; other spend; and the deficit carried in.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::state::{Action, FieldState, Shared, TransferKind};
use super::super::units::Unit;
use super::{Section, Spec, has_messages};
use crate::model::field::{Field, Part};
use crate::model::node::Group;
use crate::model::scenario::{About, Income, Line, Scenario, Transfer};

/// Props of [`MoneyPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct MoneyProps {
    /// The years.
    pub about: Shared<About>,
    /// The deficit carried in.
    pub opening_deficit: Decimal,
    /// Money in.
    pub income: Shared<Income>,
    /// Other spend lines.
    pub other_spend: Shared<Vec<Line>>,
    /// The scenario as loaded, for slider ranges.
    pub origin: Shared<Scenario>,
    /// The panel's typed text, messages and sources.
    pub fields: FieldState,
}

/// Income, other spend and the opening deficit.
#[component]
pub fn MoneyPanel(p: &MoneyProps) -> Html {
    let dispatch = use_dispatch();
    let f = &p.fields;
    let income = &p.income;
    let o = &p.origin;
    let kind = match &income.schools_block_transfer {
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
    let first = p.about.first_year;
    html! {
        <Section id="money" terms={{ const T: &[(&str, &str)] = &[("high-needs-block", "High Needs Block"), ("dsg", "DSG"), ("schools-block-transfer", "Schools Block transfer"), ("cumulative-deficit", "cumulative deficit"), ("statutory-override", "statutory override")]; T }} force={has_messages(f, &[Field::OpeningDeficit.into(), Group::Income.into(), Group::OtherSpend.into()])} title="Money in, other spend and the deficit"
            summary="The High Needs Block allocation, money moved from the Schools Block, other contributions, spend not tied to a placement, and the deficit carried in.">
            { Spec::new(Field::OpeningDeficit, format!("Cumulative deficit carried into {first}"), Unit::Millions, p.opening_deficit)
                .hint("Positive is a deficit; a surplus is negative.")
                .range(dec!(-50), crate::app::controls::nice_ceiling(Unit::Millions.to_display(o.opening_deficit).saturating_mul(dec!(3)).max(dec!(50))), dec!(0.1))
                .show(f, &dispatch) }
            { Spec::new(Field::Hnb(Part::First), format!("High Needs Block allocation in {first}"), Unit::Millions, income.hnb.first)
                .up_to(o.income.hnb.first, dec!(10), dec!(0.1)).show(f, &dispatch) }
            { Spec::new(Field::Hnb(Part::Growth), "Yearly growth of the allocation", Unit::Percent, income.hnb.growth)
                .range(dec!(-5), dec!(15), dec!(0.1)).words("a year").show(f, &dispatch) }
            if !income.hnb.by_year.is_empty() {
                <p class="hint">{ format!("This scenario also sets the allocation for {}; growth carries on from those figures.",
                    income.hnb.by_year.keys().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")) }</p>
            }
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Schools Block transfer (the plan only)" }</legend>
                <div class="hint">{ "0.5% is the usual request to the Schools Forum; more needs the Secretary of State's approval." }</div>
                { radio(TransferKind::None, "transfer-none", "No transfer") }
                { radio(TransferKind::Percent, "transfer-percent", "A percentage of the Schools Block") }
                { radio(TransferKind::Amount, "transfer-amount", "An amount each year") }
                { match &income.schools_block_transfer {
                    Transfer::None => Html::default(),
                    Transfer::Percent { rate, schools_block } => html! { <>
                        { Spec::new(Field::TransferRate, "Share of the Schools Block transferred", Unit::Percent, *rate)
                            .range(dec!(0), dec!(2), dec!(0.05)).words("of the Schools Block").show(f, &dispatch) }
                        { Spec::new(Field::SchoolsBlock(Part::First), format!("Schools Block in {first}"), Unit::Millions, schools_block.first)
                            .up_to(schools_block.first, dec!(50), dec!(0.1)).show(f, &dispatch) }
                    </> },
                    Transfer::Amount { amount } => html! {
                        { Spec::new(Field::TransferAmount(Part::First), "Transfer each year", Unit::Millions, amount.first)
                            .up_to(amount.first, dec!(2), dec!(0.01)).show(f, &dispatch) }
                    },
                } }
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Other contributions (both runs)" }</legend>
                <div class="hint">{ "Money from the council's general fund, health or others towards High Needs costs." }</div>
                { for income.other_contributions.iter().enumerate().map(|(i, line)| {
                    let origin = o.income.other_contributions.get(i).map_or(line.amount.first, |l| l.amount.first);
                    let remove = {
                        let dispatch = dispatch.clone();
                        Callback::from(move |_| dispatch.dispatch(Action::RemoveContribution(i)))
                    };
                    Spec::new(Field::Contribution(i, Part::First), format!("{} in {first}", line.name), Unit::Millions, line.amount.first)
                        .up_to(origin, dec!(1), dec!(0.01)).render(f, &dispatch, html! {
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
            { for p.other_spend.iter().enumerate().map(|(i, line)| {
                let origin = o.other_spend.get(i).map_or(line.amount.first, |l| l.amount.first);
                let explicit = !line.amount.by_year.is_empty();
                html! { <>
                    { Spec::new(Field::OtherSpend(i, Part::First), format!("{} (other spend) in {first}", line.name), Unit::Millions, line.amount.first)
                        .up_to(origin, dec!(1), dec!(0.01)).show(f, &dispatch) }
                    if explicit {
                        <p class="hint">{ format!("{} also has figures set year by year, which replace the grown amount in those years.", line.name) }</p>
                    }
                </> }
            }) }
        </Section>
    }
}
