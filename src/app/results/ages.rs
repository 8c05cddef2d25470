//! Children with a plan by age, for a scenario by age: how many start
//! secondary school in a special school (the parents' sentence), and the
//! children in each phase by setting this year and in the target year, as
//! a chart and, age by age, as a table.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::ResultProps;
use crate::app::chart::{ChartTable, as_f64, num, whole};
use crate::model::age::{self, AGES, GROUPS, Grouped};
use crate::model::format::count;
use crate::model::setting::Setting;

/// The colour of each of [`GROUPS`]: that of its first setting.
const COLOURS: [Setting; 4] = [
    Setting::Mainstream,
    Setting::StateSpecial,
    Setting::FeCollege,
    Setting::Eotas,
];

/// The sum of a group's children (for drawing; the model's figures are
/// within bounds, so it cannot overflow, and saturates if it ever did).
fn total(v: &Grouped) -> Decimal {
    v.iter().fold(Decimal::ZERO, |a, x| a.saturating_add(*x))
}

/// Children by age and setting, this year and in the target year, for a
/// scenario by age; nothing for one by growth rate.
#[component]
pub fn ChildrenByAge(p: &ResultProps) -> Html {
    let Some(v) = age::view(&p.scenario) else {
        return html! {};
    };
    let (first, target) = (v.first, v.target);
    let sentence = age::starting_secondary_words(&v);
    let rows = v.phases();
    let widest = rows
        .iter()
        .flat_map(|(_, x, y)| [total(x), total(y)])
        .max()
        .map_or(1.0, as_f64)
        .max(1.0);
    // Each phase: its name on a line, then a bar for each year with its
    // total after it, so nothing is cut off on a phone.
    let (width, name_h, bar_h, gap) = (640.0, 26.0, 20.0, 4.0);
    let row_h = name_h + bar_h * 2.0 + gap + 12.0;
    let height = row_h * rows.len() as f64;
    let label_w = 0.0;
    let plot = width - 230.0;
    let bar = |y: f64, values: &Grouped, when: String| {
        let mut x = label_w;
        let sum = total(values);
        html! {
            <g>
                { for values.iter().zip(GROUPS.iter().zip(COLOURS)).map(|(v, ((name, _), colour))| {
                    let w = as_f64(*v) / widest * plot;
                    let at = x;
                    x += w;
                    html! {
                        <rect class={format!("fill fill--{}", colour.id())} x={num(at)} y={num(y)} width={num(w)} height={num(bar_h)}>
                            <title>{ format!("{name}, {when}: {}", count(*v)) }</title>
                        </rect>
                    }
                }) }
                <text class="tick" x={num(x + 6.0)} y={num(y + bar_h - 4.0)}>{ format!("{} in {when}", count(sum)) }</text>
            </g>
        }
    };
    let desc = rows
        .iter()
        .map(|(name, now, then)| {
            format!(
                "{name}: {} in {first}, {} in {target}, of whom {} and {} in special school.",
                count(total(now)),
                count(total(then)),
                count(now[1]),
                count(then[1])
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let cells = |v: &Grouped| {
        html! {
            <>
                <td class="num">{ count(total(v)) }</td>
                { for v.iter().map(|c| html! { <td class="num">{ count(*c) }</td> }) }
            </>
        }
    };
    html! {
        <figure class="chart" id="ages-chart">
            <figcaption class="chart__title">{ format!("Children and young people with a plan by age and setting, {first} and {target} with the plan") }</figcaption>
            if let Some(sentence) = sentence {
                <p class="chart__lede" id="ages-sentence">{ sentence }</p>
            }
            <ul class="legend legend--settings" aria-hidden="true">
                { for GROUPS.iter().zip(COLOURS).map(|((name, _), colour)| html! {
                    <li class="legend__item">
                        <svg class="legend__swatch" width="14" height="14" viewBox="0 0 14 14" focusable="false">
                            <rect class={format!("fill fill--{}", colour.id())} x="0.5" y="0.5" width="13" height="13" />
                        </svg>
                        { *name }
                    </li>
                }) }
            </ul>
            <svg class="chart__svg" viewBox={format!("0 0 {} {}", whole(width), whole(height))} role="img" aria-labelledby="ages-svg-title ages-svg-desc" focusable="false">
                <title id="ages-svg-title">{ format!("Children with a plan by age and setting, {first} and {target}") }</title>
                <desc id="ages-svg-desc">{ desc }</desc>
                { for rows.iter().enumerate().map(|(i, (name, now, then))| {
                    let y = row_h * i as f64;
                    html! {
                        <g>
                            <text class="axis-title" x="0" y={num(y + name_h - 6.0)}>{ *name }</text>
                            { bar(y + name_h, now, first.to_string()) }
                            { bar(y + name_h + bar_h + gap, then, target.to_string()) }
                        </g>
                    }
                }) }
            </svg>
            <ChartTable summary="Show children by age as a table" label="Children by age and setting, as a table" id="ages-table"
                caption={format!("Children and young people with a plan at each age, by setting, in {first} and in {target} with the plan")}>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="colgroup" colspan="5">{ first.to_string() }</th>
                        <th scope="colgroup" colspan="5">{ format!("{target}, with the plan") }</th>
                    </tr>
                    <tr>
                        <th scope="col">{ "Age in January" }</th>
                        { for (0..2).map(|_| html! {
                            <>
                                <th scope="col" class="num">{ "All" }</th>
                                { for GROUPS.iter().map(|(name, _)| html! { <th scope="col" class="num">{ *name }</th> }) }
                            </>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for (0..AGES).map(|a| {
                        html! {
                            <tr>
                                <th scope="row">{ age::age_label(a) }</th>
                                { cells(&v.now[a]) }
                                { cells(&v.then[a]) }
                            </tr>
                        }
                    }) }
                </tbody>
            </ChartTable>
        </figure>
    }
}
