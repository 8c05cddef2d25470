//! "What this means": the results in short sentences, and the parents'
//! view in children and places.

use yew::prelude::*;

use super::ResultProps;
use crate::model::format::{count, pounds};
use crate::model::words::{settings_story, what_this_means};

/// The results in plain words.
#[component]
pub fn Meaning(p: &ResultProps) -> Html {
    let sentences = what_this_means(&p.scenario, &p.projection);
    html! {
        <section class="meaning" id="meaning" aria-labelledby="meaning-title">
            <h2 id="meaning-title" class="section-title">{ "What this means" }</h2>
            <ul class="meaning__list">
                { for sentences.into_iter().map(|s| html! { <li>{ s }</li> }) }
            </ul>
            <p class="meaning__more">
                <a href="pages/glossary.html">{ "What the words mean" }</a>{ " · " }
                <a href="pages/method.html">{ "How the calculator works" }</a>
            </p>
        </section>
    }
}

/// The parents' view: how many children are in each kind of setting, what
/// a place costs, and what the plan changes.
#[component]
pub fn Parents(p: &ResultProps) -> Html {
    let story = settings_story(&p.projection);
    let (Some(first), Some(last)) = (
        p.projection.mitigated.first(),
        p.projection.mitigated.last(),
    ) else {
        return Html::default();
    };
    let (fy, ly) = (first.year, last.year);
    let moved: Vec<String> = story
        .iter()
        .filter(|x| x.last_plan.saturating_sub(x.last_without).abs() >= rust_decimal::Decimal::ONE)
        .map(|x| {
            let d = x.last_plan.saturating_sub(x.last_without);
            format!(
                "About {} {} ({} instead of {}).",
                count(d.abs()),
                if d > rust_decimal::Decimal::ZERO {
                    format!("more children in: {}", x.setting.label())
                } else {
                    format!("fewer children in: {}", x.setting.label())
                },
                count(x.last_plan),
                count(x.last_without)
            )
        })
        .collect();
    html! {
        <section class="parents" aria-labelledby="parents-title">
            <h2 id="parents-title" class="section-title">{ "Children and places" }</h2>
            <p>{ format!("How many children and young people with an EHCP are in each kind of school or setting, in {fy} and, with the plan, in {ly}; and what one place costs the council for a year.") }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="parents-title">
                <table class="table" id="parents-table">
                    <thead><tr>
                        <th scope="col">{ "Kind of setting" }<span class="table__note">{ " (" }<a href="pages/glossary.html#inmss">{ "what these are" }</a>{ ")" }</span></th>
                        <th scope="col" class="num">{ format!("Children, {fy}") }</th>
                        <th scope="col" class="num">{ format!("Children, {ly}, with the plan") }</th>
                        <th scope="col" class="num">{ format!("Children, {ly}, without it") }</th>
                        <th scope="col" class="num">{ format!("A place for a year, {fy}") }</th>
                        <th scope="col" class="num">{ format!("A place for a year, {ly}") }</th>
                    </tr></thead>
                    <tbody>
                        { for story.iter().map(|x| html! { <tr>
                            <th scope="row">{ x.setting.label() }</th>
                            <td class="num">{ count(x.first) }</td>
                            <td class="num">{ count(x.last_plan) }</td>
                            <td class="num">{ count(x.last_without) }</td>
                            <td class="num">{ pounds(x.cost_first) }</td>
                            <td class="num">{ pounds(x.cost_last) }</td>
                        </tr> }) }
                        <tr class="table__total">
                            <th scope="row">{ "All children with an EHCP" }</th>
                            <td class="num">{ count(first.ehcps) }</td>
                            <td class="num">{ count(last.ehcps) }</td>
                            <td class="num">{ count(p.projection.unmitigated.last().map_or(last.ehcps, |r| r.ehcps)) }</td>
                            <td></td><td></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <h3>{ format!("What the plan changes by {ly}") }</h3>
            if moved.is_empty() {
                <p>{ "The plan does not change where children are placed." }</p>
            } else {
                <ul id="parents-changes">{ for moved.into_iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }
        </section>
    }
}
