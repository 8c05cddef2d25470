//! "What matters most?": the sensitivity chart. Each assumption is moved on
//! its own across a range the reader can change; the bars show the deficit
//! left at the end of the agreement.

use std::rc::Rc;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use crate::app::chart::ChartTable;

use super::{pct_text, read_percent};
use crate::app::chart::{Scale, num, tick_label};
use crate::app::disclosure::Disclosure;
use crate::model::Scenario;
use crate::model::field::{Bounds, Measure};
use crate::model::format::millions_dp;
use crate::model::sensitivity::{self, Input, Range, Tornado};

/// A range's end may be moved up to ten times itself either way.
const RANGE_BOUNDS: Bounds = Bounds::new(dec!(-10), dec!(10), Measure::Rate, "");

/// Props: the settled scenario.
#[derive(Properties, PartialEq, Clone)]
pub(super) struct TornadoProps {
    pub scenario: Rc<Scenario>,
    /// The figures above have moved on from `scenario` (input has not
    /// paused).
    pub pending: bool,
}

/// One end of one range: which row, and whether the upper end.
type End = (usize, bool);

/// The sensitivity chart and its ranges.
#[component]
pub(super) fn TornadoView(p: &TornadoProps) -> Html {
    let ranges = use_state(sensitivity::default_ranges);
    // Text typed into an end that did not read, with its message; the
    // chart keeps the last good value.
    let typed = use_state(Vec::<(End, String, String)>::new);
    let worked = crate::app::hooks::use_tornado(p.scenario.clone(), (*ranges).clone());
    // Out of date while its figures are worked out, or while input has
    // not paused.
    let busy = worked.working || p.pending;
    let what = |r: &Range, high: bool| {
        format!(
            "{}, {} ({})",
            r.input.label(),
            if high { "to" } else { "from" },
            unit_words(r.input)
        )
    };
    let edit = |i: usize, high: bool, what: String| {
        let ranges = ranges.clone();
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = el.value();
            let mut t = (*typed).clone();
            t.retain(|(end, ..)| *end != (i, high));
            match read_percent(&text, &what, &RANGE_BOUNDS) {
                Ok(v) => {
                    let mut r = (*ranges).clone();
                    if let Some(x) = r.get_mut(i) {
                        if high {
                            x.high = v;
                        } else {
                            x.low = v;
                        }
                    }
                    ranges.set(r);
                }
                Err(message) => t.push(((i, high), text, message)),
            }
            typed.set(t);
        })
    };
    let shown = |i: usize, high: bool, r: &Range| {
        typed
            .iter()
            .find(|(end, ..)| *end == (i, high))
            .map(|(_, text, _)| text.clone())
            .unwrap_or_else(|| pct_text(if high { r.high } else { r.low }))
    };
    html! {
        <div class="tornado">
            <p>{ "Each bar moves one assumption on its own across the range below, trying five points along it, and shows the lowest and highest deficit left at the end of the agreement. The longest bar is the assumption that matters most. The line is the plan as it stands." }</p>
            // While the chart for the figures now is worked out, the last
            // one stays, marked busy; after an error, none is shown.
            if let Some(t) = worked.answer.as_ref().or(worked.earlier.as_ref().filter(|_| worked.working)) {
                <div aria-busy={busy.to_string()}>{ tornado_svg(t) }</div>
            }
            <p class="hint" role="status" id="tornado-status">{
                if let Some(why) = worked.error.as_ref().filter(|_| !p.pending) {
                    why.clone()
                } else if busy {
                    if worked.answer.is_some() || worked.earlier.is_some() {
                        "Working out the chart again for the figures above…".to_string()
                    } else {
                        "Working out the chart…".to_string()
                    }
                } else {
                    String::new()
                }
            }</p>
            <Disclosure class="details" summary={html! { "Change the ranges" }}>
                <table class="table ranges">
                    <caption class="visually-hidden">{ "Ranges tried, in per cent" }</caption>
                    <thead><tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "From (%)" }</th><th scope="col">{ "To (%)" }</th></tr></thead>
                    <tbody>
                        { for ranges.iter().enumerate().map(|(i, r)| {
                            let bad = |high: bool| typed.iter().any(|(end, ..)| *end == (i, high));
                            html! {
                                <tr>
                                    <th scope="row">{ r.input.label() }</th>
                                    <td><input class="number-box" id={format!("range-{}-low", r.input.id())} inputmode="decimal" aria-label={what(r, false)}
                                        aria-invalid={bad(false).to_string()} value={shown(i, false, r)} onchange={edit(i, false, what(r, false))} /></td>
                                    <td><input class="number-box" id={format!("range-{}-high", r.input.id())} inputmode="decimal" aria-label={what(r, true)}
                                        aria-invalid={bad(true).to_string()} value={shown(i, true, r)} onchange={edit(i, true, what(r, true))} /></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                if !typed.is_empty() {
                    <div class="error-message" id="range-error" role="alert">
                        { for typed.iter().map(|(_, _, message)| html! { <p>{ format!("Error: {message}.") }</p> }) }
                        <p>{ "The chart uses the last good value." }</p>
                    </div>
                }
            </Disclosure>
        </div>
    }
}

/// What a range's numbers count.
fn unit_words(input: Input) -> &'static str {
    match input {
        Input::CostPerChild => "change in cost, per cent",
        Input::SavingsDelivery => "share delivered, per cent",
        _ => "points",
    }
}

fn range_words(r: &Range) -> String {
    let low = r.input.value_words(r.low);
    let high = r.input.value_words(r.high);
    match low.strip_suffix(" points") {
        Some(l) => format!("{l} to {high}"),
        None => format!("{low} to {high}"),
    }
}

fn tornado_svg(t: &Tornado) -> Html {
    let m = |d: Decimal| crate::app::chart::in_millions(d);
    let rows = t.bars.len().max(1);
    let row_h = 48.0;
    let (width, left, right, top) = (420.0, 24.0, 24.0, 30.0);
    let height = top + row_h * rows as f64 + 36.0;
    let scale = Scale::covering(
        t.bars
            .iter()
            .flat_map(|b| [m(b.min), m(b.max)])
            .chain([m(t.base)]),
    );
    let plot_w = width - left - right;
    let x = |v: f64| left + plot_w * (v - scale.min) / (scale.max - scale.min).max(1e-12);
    let base_x = x(m(t.base));
    let desc = t
        .bars
        .iter()
        .map(|b| {
            format!(
                "{} ({}): from {} to {}",
                b.range.input.label(),
                range_words(&b.range),
                millions_dp(b.min, 1),
                millions_dp(b.max, 1)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <figure class="chart" id="tornado-chart">
            <figcaption class="chart__title">{ "Deficit left at the end of the agreement, each assumption across its range (£ million)" }</figcaption>
            <svg class="chart__svg" viewBox={format!("0 0 {} {}", num(width), num(height))} role="img" aria-labelledby="tornado-svg-title tornado-svg-desc" focusable="false">
                <title id="tornado-svg-title">{ "What matters most" }</title>
                <desc id="tornado-svg-desc">{ format!("As the plan stands, {} is left. {desc}.", millions_dp(t.base, 1)) }</desc>
                { for scale.ticks.iter().map(|v| html! {
                    <g>
                        <line class="gridline" x1={num(x(*v))} x2={num(x(*v))} y1={num(top)} y2={num(height - 30.0)} />
                        <text class="tick" x={num(x(*v))} y={num(height - 14.0)} text-anchor="middle">{ tick_label(*v, "£", "m") }</text>
                    </g>
                }) }
                { for t.bars.iter().enumerate().map(|(i, b)| {
                    let y = top + row_h * i as f64;
                    let (x0, x1) = (x(m(b.min)), x(m(b.max)));
                    html! {
                        <g class={format!("bar bar--{}", b.range.input.id())}>
                            <text class="bar__label" x={num(left - 16.0)} y={num(y + 12.0)}>{ format!("{} ({})", b.range.input.label(), range_words(&b.range)) }</text>
                            <rect class="bar__rect" x={num(x0)} y={num(y + 18.0)} width={num((x1 - x0).max(2.0))} height="18" />
                        </g>
                    }
                }) }
                <line class="base-line" x1={num(base_x)} x2={num(base_x)} y1={num(top - 8.0)} y2={num(height - 30.0)} />
                <text class="base-label" x={num(base_x)} y={num(top - 12.0)} text-anchor={if base_x < 90.0 { "start" } else if base_x > width - 90.0 { "end" } else { "middle" }}>{ format!("The plan: {}", millions_dp(t.base, 1)) }</text>
            </svg>
            <ChartTable summary="Show these figures as a table" label="What matters most, as a table" id="tornado-table" caption="Deficit left at the end of the agreement, £ million">
                        <thead><tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "Range" }</th><th scope="col" class="num">{ "Lowest" }</th><th scope="col" class="num">{ "Highest" }</th><th scope="col" class="num">{ "Swing" }</th></tr></thead>
                        <tbody>
                            { for t.bars.iter().map(|b| html! {
                                <tr>
                                    <th scope="row">{ b.range.input.label() }</th>
                                    <td>{ range_words(&b.range) }</td>
                                    <td class="num">{ millions_dp(b.min, 1) }</td>
                                    <td class="num">{ millions_dp(b.max, 1) }</td>
                                    <td class="num">{ millions_dp(b.swing(), 1) }</td>
                                </tr>
                            }) }
                        </tbody>
            </ChartTable>
        </figure>
    }
}
