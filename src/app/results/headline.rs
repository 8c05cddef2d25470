//! The sentences a user reads first, and what it would take to clear the
//! deficit by the agreement end.

use yew::prelude::*;

use super::ResultProps;
use crate::app::context::use_dispatch;
use crate::app::state::Action;
use crate::model::FinYear;
use crate::model::format::millions;
use crate::model::results::{ExtraSaving, extra_saving, summarise};

/// Props of [`Headline`].
#[derive(Properties, PartialEq, Clone)]
pub struct HeadlineProps {
    /// Scenario and projection.
    pub of: ResultProps,
    /// First year of the extra saving.
    pub extra_from: FinYear,
}

/// Headline results of the plan.
#[component]
pub fn Headline(p: &HeadlineProps) -> Html {
    let dispatch = use_dispatch();
    let s = &p.of.scenario;
    let sum = summarise(s, &p.of.projection);
    let last = s.about.last_year();
    let year = |y: FinYear| html! { <span class="nowrap">{ y.to_string() }</span> };
    let balance = match sum.first_balance_year {
        Some(y) => html! { <>{ "In-year balance first reached in " }{ year(y) }</> },
        None => html! { <>{ "No in-year balance by " }{ year(last) }</> },
    };
    let cleared = match sum.cleared_year {
        Some(y) if y <= sum.agreement_end => html! { <>{ "Deficit cleared in " }{ year(y) }</> },
        _ => html! { <>
            { format!("{} still owed at the end of ", millions(sum.remaining_at_end)) }
            { year(sum.agreement_end) }
        </> },
    };
    let late = match sum.cleared_year {
        Some(y) if y > sum.agreement_end => Some(format!("It is cleared later, in {y}.")),
        _ => None,
    };
    let end = sum.agreement_end;
    let takes = match extra_saving(s, p.extra_from) {
        ExtraSaving::Needed { per_year, years } => html! { <>
            { format!("It would take an extra {} a year", millions(per_year)) }
            { if years == 1 { " in ".to_string() } else { " from ".to_string() } }
            { year(p.extra_from) }
            { " to clear the deficit by the end of " }{ year(end) }{ "." }
        </> },
        ExtraSaving::NotNeeded { headroom } => html! { <>
            { format!("The plan clears the deficit by the end of {end} with {} to spare.", millions(headroom)) }
        </> },
        ExtraSaving::TooLate => {
            html! { <>{ format!("Savings from {} come after the agreement ends in {end}.", p.extra_from) }</> }
        }
    };
    let years: Vec<FinYear> = s.about.years().filter(|y| *y <= end).collect();
    let on_from = {
        let years = years.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(y) = el.value().parse::<usize>().ok().and_then(|i| years.get(i)) {
                dispatch.dispatch(Action::ExtraFrom(*y));
            }
        })
    };
    html! {
        <section class="headline" aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden" tabindex="-1">{ "Headline results" }</h2>
            <p class="headline__authority">{ format!("{}, {} to {}", s.about.authority, s.about.first_year, last) }</p>
            <ul class="headline__list">
                <li id="headline-balance" class="headline__item">{ balance }</li>
                <li id="headline-cleared" class="headline__item headline__item--main">{ cleared }</li>
            </ul>
            <p class="headline__detail">
                if let Some(l) = late { { l } { " " } }
                { format!("Without the plan the cumulative deficit would reach {} by the end of {}.", millions(sum.unmitigated_at_end), sum.agreement_end) }
                if !sum.withheld.is_zero() {
                    { format!(" {} of DfE payments are withheld because the deficit is above the agreed path.", millions(sum.withheld)) }
                }
            </p>
            <div class="headline__takes">
                <p id="headline-takes">{ takes }</p>
                if years.len() > 1 {
                    <label for="extra-from">{ "Extra saving from" }</label>
                    <select id="extra-from" class="select select--inverse" onchange={on_from}>
                        { for years.iter().enumerate().map(|(i, y)| html! {
                            <option value={i.to_string()} selected={*y == p.extra_from}>{ y.to_string() }</option>
                        }) }
                    </select>
                }
            </div>
        </section>
    }
}
