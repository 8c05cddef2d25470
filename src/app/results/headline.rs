//! The sentences a user reads first.

use yew::prelude::*;

use super::ResultProps;
use crate::model::format::millions;
use crate::model::results::summarise;

/// Headline results of the plan.
#[component]
pub fn Headline(p: &ResultProps) -> Html {
    let s = &p.scenario;
    let sum = summarise(s, &p.projection);
    let last = s.about.last_year();
    let year = |y: crate::model::FinYear| html! { <span class="nowrap">{ y.to_string() }</span> };
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
    html! {
        <section class="headline" aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden">{ "Headline results" }</h2>
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
        </section>
    }
}
