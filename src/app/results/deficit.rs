//! The cumulative deficit chart: without the plan, with it, what remains
//! after DfE payments, and the agreed path.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::app::chart::ChartTable;

use super::ResultProps;
use crate::app::chart::{Frame, Scale, in_millions, num, put, spread_labels, tick_label};
use crate::model::format::millions_dp;

/// One line of a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Identifier, for the series' class.
    pub key: &'static str,
    /// Name in the legend and table.
    pub name: String,
    /// Short name at the line's end.
    pub short: String,
    /// A value a year, or none.
    pub values: Vec<Option<Decimal>>,
    /// The path's class (its stroke and dashes).
    pub class: &'static str,
    /// Whether each value has a marker.
    pub markers: bool,
    /// Points only, with no line between them (published figures).
    pub points_only: bool,
}

/// The deficit chart with its legend, description and table view.
#[component]
pub fn DeficitChart(p: &ResultProps) -> Html {
    let pr = &p.projection;
    let years: Vec<String> = pr.mitigated.iter().map(|r| r.year.to_string()).collect();
    let mut lines = vec![
        Line {
            key: "unmitigated",
            name: "Without the plan".into(),
            short: "Without plan".into(),
            values: pr
                .unmitigated
                .iter()
                .map(|r| Some(r.cumulative_deficit))
                .collect(),
            class: "line line--unmitigated",
            markers: false,
            points_only: false,
        },
        Line {
            key: "mitigated",
            name: "With the plan".into(),
            short: "With plan".into(),
            values: pr
                .mitigated
                .iter()
                .map(|r| Some(r.cumulative_deficit))
                .collect(),
            class: "line line--mitigated",
            markers: false,
            points_only: false,
        },
        Line {
            key: "remaining",
            name: "Remaining after DfE payments".into(),
            short: "Remaining".into(),
            values: pr
                .mitigated
                .iter()
                .map(|r| Some(r.remaining_deficit))
                .collect(),
            class: "line line--remaining",
            markers: true,
            points_only: false,
        },
    ];
    if pr.mitigated.iter().any(|r| r.agreed.is_some()) {
        lines.push(Line {
            key: "agreed",
            name: "Agreed path".into(),
            short: "Agreed path".into(),
            values: pr.mitigated.iter().map(|r| r.agreed).collect(),
            class: "line line--agreed",
            markers: false,
            points_only: false,
        });
    }
    if pr.published.iter().any(Option::is_some) {
        lines.push(Line {
            key: "published",
            name: "Published balance (what happened)".into(),
            short: "Published".into(),
            values: pr.published.clone(),
            class: "line line--published",
            markers: true,
            points_only: true,
        });
    }
    let first = years.first().cloned().unwrap_or_default();
    let last = years.last().cloned().unwrap_or_default();
    let describe = |rows: &[crate::model::Row<Decimal>],
                    f: fn(&crate::model::Row<Decimal>) -> Decimal| {
        match (rows.first(), rows.last()) {
            (Some(a), Some(b)) => format!(
                "from {} in {} to {} in {}",
                millions_dp(f(a), 1),
                a.year,
                millions_dp(f(b), 1),
                b.year
            ),
            _ => String::new(),
        }
    };
    let mut desc = format!(
        "Without the plan the cumulative deficit goes {}. With the plan it goes {}. After DfE payments the remaining deficit goes {}.",
        describe(&pr.unmitigated, |r| r.cumulative_deficit),
        describe(&pr.mitigated, |r| r.cumulative_deficit),
        describe(&pr.mitigated, |r| r.remaining_deficit),
    );
    for (r, b) in pr.mitigated.iter().zip(&pr.published) {
        if let Some(b) = b {
            desc.push_str(&format!(
                " The published balance at the end of {} was {}.",
                r.year,
                millions_dp(*b, 1)
            ));
        }
    }
    html! {
        <LineChart id="deficit" title={format!("Cumulative deficit, {first} to {last}")} {desc}
            table_label="Cumulative deficit by year" lines={Rc::new(lines)} years={Rc::new(years)} />
    }
}

/// Props of [`LineChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct LineChartProps {
    /// Prefix of the chart's element ids (`deficit` gives `deficit-chart`).
    pub id: AttrValue,
    /// The chart's title, without the unit.
    pub title: String,
    /// The chart in words.
    pub desc: String,
    /// The table view's name.
    pub table_label: AttrValue,
    /// The lines, in £.
    pub lines: Rc<Vec<Line>>,
    /// The years along the bottom.
    pub years: Rc<Vec<String>>,
}

/// A line chart of money by year, with its legend, description and table.
#[component]
pub fn LineChart(p: &LineChartProps) -> Html {
    let lines = &*p.lines;
    let years = &*p.years;
    let n = years.len();
    let id = p.id.as_str();
    let desc = p.desc.clone();
    let frame = Frame::new(640.0, 340.0, 100.0);
    let scale = Scale::covering(
        lines
            .iter()
            .flat_map(|l| l.values.iter().flatten().map(|v| in_millions(*v))),
    );
    let path = |l: &Line| {
        let mut d = String::new();
        let mut pen_down = false;
        for (i, v) in l.values.iter().enumerate() {
            match v {
                Some(v) => {
                    d.push(if pen_down { 'L' } else { 'M' });
                    put(&mut d, frame.x(i, n));
                    d.push(',');
                    put(&mut d, scale.y(&frame, in_millions(*v)));
                    d.push(' ');
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        d
    };
    let ends: Vec<f64> = lines
        .iter()
        .map(|l| {
            l.values
                .iter()
                .rev()
                .flatten()
                .next()
                .map_or(0.0, |v| scale.y(&frame, in_millions(*v)))
        })
        .collect();
    let label_ys = spread_labels(
        &ends,
        15.0,
        frame.top + 6.0,
        frame.top + frame.plot_height(),
    );
    html! {
        <figure class="chart" id={format!("{id}-chart")}>
            <figcaption class="chart__title" id={format!("{id}-title")}>{ format!("{} (£ million)", p.title) }</figcaption>
            <ul class="legend" aria-hidden="true">
                { for lines.iter().map(|l| html! {
                    <li class="legend__item">
                        <svg class="legend__swatch" width="36" height="12" viewBox="0 0 36 12" focusable="false">
                            if l.points_only { <path class="marker marker--published" d="M18,0 l6,6 l-6,6 l-6,-6 z" /> } else { <path class={l.class} d="M2,6 L34,6" /> }
                        </svg>
                        { l.name.clone() }
                    </li>
                }) }
            </ul>
            <svg class="chart__svg" viewBox={format!("0 0 {} {}", num(frame.width), num(frame.height))} role="img"
                aria-labelledby={format!("{id}-svg-title {id}-svg-desc")} focusable="false">
                <title id={format!("{id}-svg-title")}>{ p.title.clone() }</title>
                <desc id={format!("{id}-svg-desc")}>{ desc.clone() }</desc>
                <g class="axis axis--y">
                    { for scale.ticks.iter().map(|t| {
                        let y = scale.y(&frame, *t);
                        html! { <g>
                            <line class={if *t == 0.0 { "gridline gridline--zero" } else { "gridline" }} x1={num(frame.left)} x2={num(frame.left + frame.plot_width())} y1={num(y)} y2={num(y)} />
                            <text class="tick" x={num(frame.left - 6.0)} y={num(y + 4.0)} text-anchor="end">{ tick_label(*t, "£", "m") }</text>
                        </g> }
                    }) }
                </g>
                <g class="axis axis--x">
                    { for years.iter().enumerate().map(|(i, y)| html! {
                        <text class="tick" x={num(frame.x(i, n))} y={num(frame.top + frame.plot_height() + 18.0)} text-anchor="middle">{ y.clone() }</text>
                    }) }
                    <text class="axis-title" x={num(frame.left + frame.plot_width() / 2.0)} y={num(frame.height - 4.0)} text-anchor="middle">{ "Financial year" }</text>
                </g>
                { for lines.iter().zip(&label_ys).map(|(l, ly)| html! {
                    <g class={format!("series series--{}", l.key)}>
                        if !l.points_only { <path class={l.class} d={path(l)} /> }
                        if l.markers {
                            { for l.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).map(|(i, v)| {
                                let (x, y) = (frame.x(i, n), scale.y(&frame, in_millions(v)));
                                if l.points_only {
                                    // A diamond, unlike the plan's round markers.
                                    html! { <path class="marker marker--published" d={format!("M{},{} l7,7 l-7,7 l-7,-7 z", num(x), num(y - 7.0))} /> }
                                } else {
                                    html! { <circle class="marker" cx={num(x)} cy={num(y)} r="4" /> }
                                }
                            }) }
                        }
                        if !l.points_only {
                            <text class="line-label" x={num(frame.left + frame.plot_width() + 8.0)} y={num(ly + 4.0)}>{ l.short.clone() }</text>
                        }
                    </g>
                }) }
            </svg>
            <ChartTable summary="Show these figures as a table" label={p.table_label.clone()} caption={format!("{}, £ million", p.table_label)}>
                        <thead><tr>
                            <th scope="col">{ "Year" }</th>
                            { for lines.iter().map(|l| html! { <th scope="col" class="num">{ l.name.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for years.iter().enumerate().map(|(i, y)| html! {
                                <tr>
                                    <th scope="row">{ y.clone() }</th>
                                    { for lines.iter().map(|l| html! {
                                        <td class="num">{ l.values[i].map(|v| millions_dp(v, 2)).unwrap_or_else(|| "–".into()) }</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
            </ChartTable>
        </figure>
    }
}
