//! EHCPs and their growth, in the plan and without it.

use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::disclosure::Disclosure;
use super::super::state::Action;
use super::super::units::Unit;
use super::{Section, Spec};
use crate::model::projection::growth_path;
use crate::model::scenario::Growth;

/// Growth rates year by year: the line's value, or an explicit one.
fn yearly(
    base: &str,
    label: &str,
    g: &Growth,
    years: &[crate::model::FinYear],
    state: &super::super::state::State,
    dispatch: &super::super::context::Dispatch,
) -> Html {
    let path = growth_path(g, years);
    html! {
        <ul class="year-list">
            { for years.iter().zip(path).skip(1).map(|(y, rate)| {
                let p = format!("{base}.by_year.{y}");
                let set = g.by_year.contains_key(y);
                let clear = {
                    let dispatch = dispatch.clone();
                    let p = p.clone();
                    Callback::from(move |_| dispatch.dispatch(Action::ClearYear(p.clone())))
                };
                html! {
                    <li>
                        { Spec::new(p, format!("{label} into {y}"), Unit::Percent, rate).words("a year").compact().render(state, html! {
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

super::panel_props!(DemandProps, &["demand.", "baseline."], |a, b| a
    .draft
    .demand
    == b.draft.demand
    && a.draft.baseline == b.draft.baseline);

/// EHCP numbers and growth.
#[component]
pub fn DemandPanel(p: &DemandProps) -> Html {
    let state = p.state.clone();
    let dispatch = use_dispatch();
    let s = &state.draft;
    let o = &state.origin;
    let years: Vec<_> = s.about.years().collect();
    html! {
        <Section id="demand" terms={{ const T: &[(&str, &str)] = &[("ehcp", "EHCP"), ("sen2", "SEN2")]; T }} force={super::has_messages(&state, |p| p.starts_with("demand.") || p.starts_with("baseline."))} title="Children with EHCPs" open=true
            summary="How many children and young people have an education, health and care plan, and how fast that number grows.">
            { Spec::new("demand.ehcps", format!("EHCPs in {}", s.about.first_year), Unit::Count, s.demand.ehcps)
                .hint("The January census count for the first year.")
                .words("children and young people")
                .up_to(o.demand.ehcps, dec!(1000), dec!(1))
                .show(&state) }
            { Spec::new("demand.growth.start", "EHCP growth a year, at the start of the plan", Unit::Percent, s.demand.growth.start)
                .hint("Net growth into the second year. Nationally it has been about 10% a year.")
                .words("a year")
                .show(&state) }
            { Spec::new("demand.growth.end", "EHCP growth a year, by the end of the plan", Unit::Percent, s.demand.growth.end)
                .hint("Growth into the last year; the years between follow a straight line.")
                .words("a year")
                .show(&state) }
            <Disclosure class="details" body_class="details__body" summary={html! { "Set growth year by year" }}
                force={super::has_messages(&state, |p| p.starts_with("demand.growth.by_year"))}>
                { yearly("demand.growth", "EHCP growth", &s.demand.growth, &years, &state, &dispatch) }
            </Disclosure>
            <Disclosure class="details" body_class="details__body" summary={html! { "Growth without the plan (the unmitigated forecast)" }}
                force={super::has_messages(&state, |p| p.starts_with("baseline."))}>
                    <p class="hint">{ "The “do nothing” forecast uses this growth, today's placement mix, no new places, no savings plan, no Schools Block transfer and no DfE payments." }</p>
                    { Spec::new("baseline.growth.start", "Growth without the plan, at the start", Unit::Percent, s.baseline.growth.start).words("a year").show(&state) }
                    { Spec::new("baseline.growth.end", "Growth without the plan, by the end", Unit::Percent, s.baseline.growth.end).words("a year").show(&state) }
                    { yearly("baseline.growth", "Growth without the plan", &s.baseline.growth, &years, &state, &dispatch) }
            </Disclosure>
        </Section>
    }
}
