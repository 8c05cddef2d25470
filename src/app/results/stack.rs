//! Stacked bars by setting: spend, or children, each year of the plan.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::app::chart::ChartTable;

use super::ResultProps;
use crate::app::chart::{Frame, Scale, as_f64, in_millions, num, put, tick_label};
use crate::model::format::{count, millions_dp};
use crate::model::setting::Setting;

/// What the bars count.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StackKind {
    /// Spend by setting, £m.
    Spend,
    /// Children by setting.
    Children,
}

/// Props of [`StackChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct StackProps {
    /// Scenario and projection.
    pub of: ResultProps,
    /// What to show.
    pub kind: StackKind,
}

/// A stacked bar chart of the plan by setting, with its table.
#[component]
pub fn StackChart(p: &StackProps) -> Html {
    let rows = &p.of.projection.mitigated;
    let n = rows.len();
    let kind = p.kind;
    let value = |r: &crate::model::Row<Decimal>, s: Setting| match kind {
        StackKind::Spend => r.spend[s],
        StackKind::Children => r.children[s],
    };
    let draw = |d: Decimal| match kind {
        StackKind::Spend => in_millions(d),
        StackKind::Children => as_f64(d),
    };
    let text = |d: Decimal| match kind {
        StackKind::Spend => millions_dp(d, 2),
        StackKind::Children => count(d),
    };
    let (key, title, unit) = match kind {
        StackKind::Spend => (
            "spend",
            "Spend on placements by setting, with the plan",
            "£ million",
        ),
        StackKind::Children => (
            "children",
            "Children and young people by setting, with the plan",
            "children",
        ),
    };
    // Settings with nothing in any year are left out of the chart and legend.
    let shown: Vec<Setting> = Setting::ALL
        .into_iter()
        .filter(|s| rows.iter().any(|r| value(r, *s) > Decimal::ZERO))
        .collect();
    let totals: Vec<Decimal> = rows
        .iter()
        .map(|r| {
            shown
                .iter()
                .map(|s| value(r, *s))
                .fold(Decimal::ZERO, Decimal::saturating_add)
        })
        .collect();
    let frame = Frame::new(640.0, 320.0, 16.0);
    let scale = Scale::covering(totals.iter().map(|t| draw(*t)));
    let (prefix, suffix) = match kind {
        StackKind::Spend => ("£", "m"),
        StackKind::Children => ("", ""),
    };
    let bar = frame.slot(n) * 0.62;
    let (first, last) = (
        rows.first().map(|r| r.year.to_string()).unwrap_or_default(),
        rows.last().map(|r| r.year.to_string()).unwrap_or_default(),
    );
    let desc = match (rows.first(), rows.last(), totals.first(), totals.last()) {
        (Some(a), Some(b), Some(ta), Some(tb)) => {
            let biggest = shown.iter().max_by_key(|s| value(b, **s)).copied();
            format!(
                "In total, {} in {} and {} in {}.{}",
                text(*ta),
                a.year,
                text(*tb),
                b.year,
                biggest
                    .map(|s| format!(
                        " The largest part in {} is {} ({}).",
                        b.year,
                        s.label(),
                        text(value(b, s))
                    ))
                    .unwrap_or_default()
            )
        }
        _ => String::new(),
    };
    // Each shown setting's segments, bottom to top, year by year, as one
    // path: a rectangle for every year where it has any.
    let mut segments = vec![String::new(); shown.len()];
    for (i, r) in rows.iter().enumerate() {
        let x = frame.x(i, n) - bar / 2.0;
        let mut base = 0.0;
        for (k, s) in shown.iter().enumerate() {
            let y0 = scale.y(&frame, base);
            base += draw(value(r, *s));
            let y1 = scale.y(&frame, base);
            let h = (y0 - y1).max(0.0);
            if h > 0.0
                && let Some(d) = segments.get_mut(k)
            {
                for (lead, v) in [('M', x), (' ', y1), ('h', bar), ('v', h), ('h', -bar)] {
                    d.push(lead);
                    put(d, v);
                }
                d.push('z');
            }
        }
    }
    let svg_title = format!("{key}-svg-title");
    let svg_desc = format!("{key}-svg-desc");
    html! {
        <figure class="chart" id={format!("{key}-chart")}>
            <figcaption class="chart__title">{ format!("{title}, {first} to {last} ({unit})") }</figcaption>
            <ul class="legend legend--settings" aria-hidden="true">
                { for shown.iter().map(|s| html! {
                    <li class="legend__item">
                        <svg class="legend__swatch" width="14" height="14" viewBox="0 0 14 14" focusable="false">
                            <rect class={format!("fill fill--{}", s.id())} x="0.5" y="0.5" width="13" height="13" />
                        </svg>
                        { s.label() }
                    </li>
                }) }
            </ul>
            <svg class="chart__svg" viewBox={format!("0 0 {} {}", num(frame.width), num(frame.height))} role="img"
                aria-labelledby={format!("{svg_title} {svg_desc}")} focusable="false">
                <title id={svg_title}>{ format!("{title}, {first} to {last}") }</title>
                <desc id={svg_desc}>{ desc }</desc>
                <defs>
                    <pattern id={format!("hatch-{key}")} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                    </pattern>
                </defs>
                { for scale.ticks.iter().map(|t| {
                    let y = scale.y(&frame, *t);
                    html! { <g>
                        <line class="gridline" x1={num(frame.left)} x2={num(frame.left + frame.plot_width())} y1={num(y)} y2={num(y)} />
                        <text class="tick" x={num(frame.left - 6.0)} y={num(y + 4.0)} text-anchor="end">{ tick_label(*t, prefix, suffix) }</text>
                    </g> }
                }) }
                // One path per setting holding its segment of every year's bar
                // (a handful of elements to redraw rather than hundreds), with
                // the setting's figures as its tooltip.
                { for shown.iter().zip(&segments).enumerate().map(|(k, (s, d))| html! {
                    <g class="bar">
                        <path class={format!("fill fill--{}", s.id())} d={d.clone()}>
                            <title>{ format!("{}: {}", s.label(), rows.iter().map(|r| format!("{} {}", r.year, text(value(r, *s)))).collect::<Vec<_>>().join(", ")) }</title>
                        </path>
                        if k % 2 == 1 && !d.is_empty() {
                            <path class="hatch" fill={format!("url(#hatch-{key})")} d={d.clone()} />
                        }
                    </g>
                }) }
                { for rows.iter().enumerate().map(|(i, r)| html! {
                    <text class="tick" x={num(frame.x(i, n))} y={num(frame.top + frame.plot_height() + 18.0)} text-anchor="middle">{ r.year.to_string() }</text>
                }) }
                <text class="axis-title" x={num(frame.left + frame.plot_width() / 2.0)} y={num(frame.height - 4.0)} text-anchor="middle">{ "Financial year" }</text>
            </svg>
            <ChartTable summary={format!("Show {} by setting as a table", if kind == StackKind::Spend { "spend" } else { "children" })} label={format!("{title} by year")} caption={format!("{title} ({unit})")}>
                        <thead><tr>
                            <th scope="col">{ "Setting" }</th>
                            { for rows.iter().map(|r| html! { <th scope="col" class="num">{ r.year.to_string() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for Setting::ALL.into_iter().map(|s| html! {
                                <tr>
                                    <th scope="row">{ s.label() }</th>
                                    { for rows.iter().map(|r| html! { <td class="num">{ text(value(r, s)) }</td> }) }
                                </tr>
                            }) }
                            <tr class="table__total">
                                <th scope="row">{ "Total" }</th>
                                { for totals.iter().map(|t| html! { <td class="num">{ text(*t) }</td> }) }
                            </tr>
                        </tbody>
            </ChartTable>
        </figure>
    }
}
