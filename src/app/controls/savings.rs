//! The savings plan: a register of projects, each with its savings by year,
//! status and delivery confidence, and the totals as planned and as counted.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::disclosure::Disclosure;
use super::super::state::{Action, FieldState, Shared};
use super::super::text_field::TextField;
use super::super::units::{Unit, total};
use super::{Section, Spec, has_messages};
use crate::model::field::{Field, ProjectText};
use crate::model::format::{millions_dp, percent};
use crate::model::node::Group;
use crate::model::projection::series;
use crate::model::results::{ProjectSavings, project_savings_of};
use crate::model::scenario::{About, Income, SavingsPlan, Status, Transfer};
use crate::model::year::FinYear;

/// Props of [`SavingsPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct SavingsProps {
    /// The years.
    pub about: Shared<About>,
    /// The savings plan.
    pub savings: Shared<SavingsPlan>,
    /// Money in (for the Schools Block transfer, listed with the projects).
    pub income: Shared<Income>,
    /// The panel's typed text, messages and sources.
    pub fields: FieldState,
}

/// The Schools Block transfer year by year (the plan's), for showing beside
/// the projects as some councils list it among them.
fn transfer_by_year(income: &Income, years: &[FinYear]) -> Option<Vec<Decimal>> {
    match &income.schools_block_transfer {
        Transfer::None => None,
        Transfer::Percent {
            rate,
            schools_block,
        } => Some(
            series::<Decimal>(schools_block, years)
                .into_iter()
                .map(|b| b.saturating_mul(*rate))
                .collect(),
        ),
        Transfer::Amount { amount } => Some(series(amount, years)),
    }
}

/// The savings plan panel.
#[component]
pub fn SavingsPanel(p: &SavingsProps) -> Html {
    let dispatch = use_dispatch();
    let f = &p.fields;
    let plan = &p.savings;
    let years: Vec<FinYear> = p.about.years().collect();
    let totals: Vec<ProjectSavings> = plan
        .projects
        .iter()
        .map(|pr| project_savings_of(&p.about, plan, pr))
        .collect();
    let transfer = transfer_by_year(&p.income, &years);
    let sum = |f: &dyn Fn(&ProjectSavings) -> &Vec<Decimal>, y: usize| -> Decimal {
        total(totals.iter().map(|t| f(t)[y]))
    };
    let planned: Vec<Decimal> = (0..years.len()).map(|y| sum(&|t| &t.planned, y)).collect();
    let counted: Vec<Decimal> = (0..years.len()).map(|y| sum(&|t| &t.counted, y)).collect();
    // The first year with any reported achievement, for "target against
    // achieved".
    let reported: Option<FinYear> = years
        .iter()
        .copied()
        .find(|y| plan.projects.iter().any(|p| p.achieved.contains_key(y)));
    let m = |d: Decimal| millions_dp(d, 3);
    let add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::AddProject))
    };
    html! {
        <Section id="savings" force={has_messages(f, &[Group::Savings.into()])} title="Savings plan"
            summary="The plan's projects, each with its savings by year, delivery status and how much of it to count.">
            <div class="inset">
                <p><strong>{ "No double counting. " }</strong>
                    { "The sliders above already model EHCP growth, the placement mix and new places. The projects here are savings beyond those: count a project's effect in one place only." }</p>
            </div>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Confidence counted for each status" }</legend>
                <div class="hint">{ "The share of a project's planned saving counted, unless the project sets its own. Savings reported as achieved are counted in full." }</div>
                <div class="grid-2">
                    { for Status::ALL.into_iter().map(|st| {
                        Spec::new(Field::StatusConfidence(st), format!("{}: confidence", st.label()), Unit::Percent, plan.confidence.of(st))
                            .range(dec!(0), dec!(100), dec!(5)).words("counted").compact().show(f, &dispatch)
                    }) }
                </div>
            </fieldset>

            <h3>{ "Projects" }</h3>
            { for plan.projects.iter().enumerate().map(|(i, pr)| {
                let t = &totals[i];
                let title = if pr.reference.is_empty() { pr.name.clone() } else { format!("{} {}", pr.reference, pr.name) };
                let force = has_messages(f, &[Group::Project(i).into()]);
                let n = plan.projects.len();
                let text = |t: ProjectText| Field::ProjectText(i, t);
                let act = |a: Action| { let d = dispatch.clone(); Callback::from(move |_| d.dispatch(a.clone())) };
                let on_status = {
                    let d = dispatch.clone();
                    Callback::from(move |e: Event| {
                        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
                        if let Some(st) = Status::ALL.get(el.value().parse::<usize>().unwrap_or(usize::MAX)) {
                            d.dispatch(Action::ProjectStatus(i, *st));
                        }
                    })
                };
                let status_id = format!("{}-status", super::super::field::field_id(Group::Project(i)));
                html! {
                    <Disclosure class="project" {force} summary_class="project__summary" body_class="project__body"
                        summary={html! { <>
                            <span class="project__title">{ title.clone() }</span>
                            <span class="project__meta">{ format!("{} · planned {} · counted {}", pr.status.label(), m(t.planned_total()), m(t.counted_total())) }</span>
                        </> }}>
                        <div class="grid-2">
                            <TextField field={text(ProjectText::Reference)} label="Reference" value={pr.reference.clone()} errors={f.messages(text(ProjectText::Reference))} />
                            <TextField field={text(ProjectText::Workstream)} label="Workstream" value={pr.workstream.clone()} errors={f.messages(text(ProjectText::Workstream))} />
                        </div>
                        <TextField field={text(ProjectText::Name)} label="Project name" value={pr.name.clone()} errors={f.messages(text(ProjectText::Name))} wide=true />
                        if let Some(src) = f.source(Group::Project(i)) {
                            <Disclosure class="source" summary={html! { <>{ "Source, and where its effect is counted: " }{ src.kind.label() }</> }}>
                                <p>{ src.detail.clone() }</p>
                            </Disclosure>
                        }
                        <div class="field field--compact">
                            <label class="field__label" for={status_id.clone()}>{ "Delivery status" }</label>
                            <select id={status_id} class="select" onchange={on_status}>
                                { for Status::ALL.iter().enumerate().map(|(k, st)| html! {
                                    <option value={k.to_string()} selected={*st == pr.status}>{ st.label() }</option>
                                }) }
                            </select>
                        </div>
                        { Spec::new(Field::ProjectConfidence(i), "Delivery confidence (share counted)", Unit::Percent, t.confidence)
                            .range(dec!(0), dec!(100), dec!(5)).words("counted").compact()
                            .hint(if pr.confidence.is_none() { "The status's default." } else { "Set for this project." })
                            .render(f, &dispatch, if pr.confidence.is_some() { html! {
                                <button type="button" class="button button--link" onclick={act(Action::DefaultConfidence(i))}>
                                    { format!("Use the status default ({})", percent(plan.confidence.of(pr.status), 1)) }
                                </button>
                            } } else { Html::default() }) }
                        <fieldset class="fieldset">
                            <legend class="fieldset__legend">{ "Saving planned each year (£ million; negative for a net cost)" }</legend>
                            <div class="grid-3">
                                { for years.iter().map(|y| {
                                    let v = pr.savings.get(y).copied();
                                    Spec::new(Field::ProjectSaving(i, *y), y.to_string(), Unit::Millions, v.unwrap_or(Decimal::ZERO))
                                        .no_slider().optional(v.is_some()).compact().show(f, &dispatch)
                                }) }
                            </div>
                        </fieldset>
                        <Disclosure class="details" body_class="details__body" force={years.iter().any(|y| !f.messages(Field::ProjectAchieved(i, *y)).is_empty())}
                            open={!pr.achieved.is_empty()}
                            summary={html! { "Savings reported as achieved" }}>
                            <p class="hint">{ "Where a year's saving has been reported, it is counted in full instead of the plan. Leave a year empty if it has not." }</p>
                            <div class="grid-3">
                                { for years.iter().map(|y| {
                                    let v = pr.achieved.get(y).copied();
                                    Spec::new(Field::ProjectAchieved(i, *y), format!("Achieved in {y}"), Unit::Millions, v.unwrap_or(Decimal::ZERO))
                                        .no_slider().optional(v.is_some()).compact().show(f, &dispatch)
                                }) }
                            </div>
                        </Disclosure>
                        <div class="button-row">
                            <button type="button" class="button button--secondary" disabled={i == 0} onclick={act(Action::MoveProject { from: i, to: i.saturating_sub(1) })} aria-label={format!("Move up: {title}")}>
                                { "Move up" }
                            </button>
                            <button type="button" class="button button--secondary" disabled={i.saturating_add(1) >= n} onclick={act(Action::MoveProject { from: i, to: i.saturating_add(1).min(n.saturating_sub(1)) })} aria-label={format!("Move down: {title}")}>
                                { "Move down" }
                            </button>
                            <button type="button" class="button button--warning" onclick={act(Action::RemoveProject(i))} aria-label={format!("Remove: {title}")}>
                                { "Remove" }
                            </button>
                        </div>
                    </Disclosure>
                }
            }) }
            <button type="button" class="button" onclick={add}>{ "Add a project" }</button>

            <h3>{ "Register" }</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="register-caption">
                <table class="table" id="register">
                    <caption id="register-caption" class="table__caption">
                        { format!("Savings by project, {} to {} (£ million)", years.first().map(|y| y.to_string()).unwrap_or_default(), years.last().map(|y| y.to_string()).unwrap_or_default()) }
                    </caption>
                    <thead><tr>
                        <th scope="col">{ "Ref" }</th>
                        <th scope="col">{ "Project" }</th>
                        <th scope="col">{ "Status" }</th>
                        <th scope="col" class="num">{ "Confidence" }</th>
                        if let Some(y) = reported {
                            <th scope="col" class="num">{ format!("{y} target") }</th>
                            <th scope="col" class="num">{ format!("{y} achieved") }</th>
                        }
                        <th scope="col" class="num">{ "Planned (achieved where reported)" }</th>
                        <th scope="col" class="num">{ "Counted" }</th>
                    </tr></thead>
                    <tbody>
                        { for plan.projects.iter().zip(&totals).map(|(pr, t)| html! {
                            <tr>
                                <td>{ pr.reference.clone() }</td>
                                <td>{ pr.name.clone() }</td>
                                <td>{ pr.status.label() }</td>
                                <td class="num">{ percent(t.confidence, 1) }</td>
                                if let Some(y) = reported {
                                    <td class="num">{ pr.savings.get(&y).map(|v| m(*v)).unwrap_or_else(|| "–".into()) }</td>
                                    <td class="num">{ pr.achieved.get(&y).map(|v| m(*v)).unwrap_or_else(|| "–".into()) }</td>
                                }
                                <td class="num">{ m(t.planned_total()) }</td>
                                <td class="num">{ m(t.counted_total()) }</td>
                            </tr>
                        }) }
                        if let Some(tr) = &transfer {
                            <tr>
                                <td>{ p.income.transfer_reference.clone() }</td>
                                <td>{ "Schools Block transfer (set under Money in; counted in full)" }</td>
                                <td>{ "–" }</td>
                                <td class="num">{ "100%" }</td>
                                if let Some(y) = reported {
                                    <td class="num">{ years.iter().position(|x| *x == y).map(|k| m(tr[k])).unwrap_or_default() }</td>
                                    <td class="num">{ "–" }</td>
                                }
                                <td class="num">{ m(total(tr.iter().copied())) }</td>
                                <td class="num">{ m(total(tr.iter().copied())) }</td>
                            </tr>
                        }
                    </tbody>
                    <tfoot>
                        <tr class="table__total">
                            <th scope="row" colspan="4">{ if transfer.is_some() { "Total, with the transfer" } else { "Total" } }</th>
                            if let Some(y) = reported {
                                <td class="num">{ {
                                    let k = years.iter().position(|x| *x == y).unwrap_or(0);
                                    m(planned[k].saturating_add(transfer.as_ref().map_or(Decimal::ZERO, |t| t[k])))
                                } }</td>
                                <td class="num">{ m(total(plan.projects.iter().filter_map(|p| p.achieved.get(&y).copied()))) }</td>
                            }
                            <td class="num" id="register-planned-total">{ m(total(planned.iter().copied()).saturating_add(transfer.as_deref().map_or(Decimal::ZERO, |t| total(t.iter().copied())))) }</td>
                            <td class="num" id="register-counted-total">{ m(total(counted.iter().copied()).saturating_add(transfer.as_deref().map_or(Decimal::ZERO, |t| total(t.iter().copied())))) }</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="savings-years-caption">
                <table class="table" id="savings-by-year">
                    <caption id="savings-years-caption" class="table__caption">{ "Savings by year (£ million)" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Year" }</th>
                        <th scope="col" class="num">{ "Planned" }</th>
                        <th scope="col" class="num">{ "Counted" }</th>
                        if transfer.is_some() { <th scope="col" class="num">{ "Schools Block transfer" }</th> }
                    </tr></thead>
                    <tbody>
                        { for years.iter().enumerate().map(|(k, y)| html! {
                            <tr>
                                <th scope="row">{ y.to_string() }</th>
                                <td class="num">{ m(planned[k]) }</td>
                                <td class="num">{ m(counted[k]) }</td>
                                if let Some(tr) = &transfer { <td class="num">{ m(tr[k]) }</td> }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </Section>
    }
}
