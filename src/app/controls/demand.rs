//! EHCPs and their growth, in the plan and without it.

use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::{Dispatch, use_dispatch};
use super::super::disclosure::Disclosure;
use super::super::state::{Action, FieldState, Shared};
use super::super::units::Unit;
use super::{Section, Spec, has_messages};
use crate::model::field::{Field, Rate, Run};
use crate::model::node::Group;
use crate::model::projection::growth_path;
use crate::model::scenario::{About, Baseline, Demand, Growth, Scenario};
use crate::model::year::FinYear;

/// Props of [`DemandPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct DemandProps {
    /// The years.
    pub about: Shared<About>,
    /// EHCPs and the plan's growth.
    pub demand: Shared<Demand>,
    /// Growth without the plan.
    pub baseline: Shared<Baseline>,
    /// The scenario as loaded, for slider ranges.
    pub origin: Shared<Scenario>,
    /// The panel's typed text, messages and sources.
    pub fields: FieldState,
    /// Whether the council's figures by age are here (they load on first
    /// use), so the panel redraws once they arrive.
    #[prop_or_default]
    pub figures_by_age: bool,
}

/// Growth rates year by year: the line's value, or an explicit one.
fn yearly(
    run: Run,
    label: &str,
    g: &Growth,
    years: &[FinYear],
    fields: &FieldState,
    dispatch: &Dispatch,
) -> Html {
    let path = growth_path(g, years);
    html! {
        <ul class="year-list">
            { for years.iter().zip(path).skip(1).map(|(y, rate)| {
                let field = Field::Growth(run, Rate::Year(*y));
                let set = g.by_year.contains_key(y);
                let clear = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |_| dispatch.dispatch(Action::ClearYear(field)))
                };
                html! {
                    <li>
                        { Spec::new(field, format!("{label} into {y}"), Unit::Percent, rate).words("a year").compact().render(fields, dispatch, html! {
                            if set {
                                <button type="button" class="button button--link" onclick={clear}>
                                    { "Use the line" }<span class="visually-hidden">{ format!(" for {y}") }</span>
                                </button>
                            }
                        }) }
                    </li>
                }
            }) }
        </ul>
    }
}

/// EHCP numbers and growth.
#[component]
pub fn DemandPanel(p: &DemandProps) -> Html {
    let dispatch = use_dispatch();
    let f = &p.fields;
    let (d, b) = (&p.demand, &p.baseline);
    let years: Vec<_> = p.about.years().collect();
    let plan = Field::Growth(Run::Plan, Rate::Start);
    html! {
        <Section id="demand" terms={{ const T: &[(&str, &str)] = &[("ehcp", "EHCP"), ("sen2", "SEN2")]; T }} force={has_messages(f, &[Group::Demand.into(), Group::Baseline.into()])} title="Children with EHCPs" open=true
            summary="How many children and young people have an education, health and care plan, and how fast that number grows.">
            { Spec::new(Field::Ehcps, format!("EHCPs in {}", p.about.first_year), Unit::Count, d.ehcps)
                .hint("The January census count for the first year.")
                .words("children and young people")
                .up_to(p.origin.demand.ehcps, dec!(1000), dec!(1))
                .show(f, &dispatch) }
            { super::ages::form_choice(&p.about, d.by_age.is_some(), &dispatch) }
            if let Some(levers) = &d.by_age {
                if let Some(data) = crate::model::authorities::ages_of(&p.about.code) {
                    { super::ages::levers(levers, data, crate::model::authorities::find(data.code).map_or("", |a| a.name), f, &dispatch) }
                    <Disclosure class="details" body_class="details__body" summary={html! { "Growth without the plan (the unmitigated forecast)" }}
                        force={has_messages(f, &[Field::NewPlanGrowth(Run::Baseline).into()])}>
                        <p class="hint">{ "The “do nothing” forecast uses this growth, today's settings at every age, no new places, no savings plan, no Schools Block transfer and no DfE payments." }</p>
                        { super::ages::baseline(levers, f, &dispatch) }
                    </Disclosure>
                } else {
                    <p class="hint" role="status">{ "Loading the council's figures by age…" }</p>
                }
            } else {
            { Spec::new(plan, "EHCP growth a year, at the start of the plan", Unit::Percent, d.growth.start)
                .hint("Net growth into the second year. Nationally it has been about 10% a year.")
                .words("a year")
                .show(f, &dispatch) }
            { Spec::new(Field::Growth(Run::Plan, Rate::End), "EHCP growth a year, by the end of the plan", Unit::Percent, d.growth.end)
                .hint("Growth into the last year; the years between follow a straight line.")
                .words("a year")
                .show(f, &dispatch) }
            <Disclosure class="details" body_class="details__body" summary={html! { "Set growth year by year" }}
                force={years.iter().any(|y| !f.messages(Field::Growth(Run::Plan, Rate::Year(*y))).is_empty())}>
                { yearly(Run::Plan, "EHCP growth", &d.growth, &years, f, &dispatch) }
            </Disclosure>
            <Disclosure class="details" body_class="details__body" summary={html! { "Growth without the plan (the unmitigated forecast)" }}
                force={has_messages(f, &[Group::Baseline.into()])}>
                    <p class="hint">{ "The “do nothing” forecast uses this growth, today's placement mix, no new places, no savings plan, no Schools Block transfer and no DfE payments." }</p>
                    { Spec::new(Field::Growth(Run::Baseline, Rate::Start), "Growth without the plan, at the start", Unit::Percent, b.growth.start).words("a year").show(f, &dispatch) }
                    { Spec::new(Field::Growth(Run::Baseline, Rate::End), "Growth without the plan, by the end", Unit::Percent, b.growth.end).words("a year").show(f, &dispatch) }
                    { yearly(Run::Baseline, "Growth without the plan", &b.growth, &years, f, &dispatch) }
            </Disclosure>
            }
        </Section>
    }
}
