//! "How sure can we be?": the simulated futures. The run itself is the
//! [`use_simulation`] hook; this draws its fan and lets the reader change
//! how uncertain each input is.

use std::rc::Rc;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use crate::app::chart::ChartTable;

use super::{pct_text, read_percent};
use crate::app::chart::{Frame, Scale, num, tick_label, whole};
use crate::app::disclosure::Disclosure;
use crate::app::hooks::use_simulation;
use crate::model::Scenario;
use crate::model::field::{Bounds, Measure};
use crate::model::format::{count, millions, millions_dp};
use crate::model::uncertainty::{self, Fan, Spread};

/// Props: the settled scenario.
#[derive(Properties, PartialEq, Clone)]
pub(super) struct FanProps {
    pub scenario: Rc<Scenario>,
    /// The figures above have moved on from `scenario` (input has not
    /// paused).
    pub pending: bool,
}

/// One of the spread's five figures, as its box shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Knob {
    GrowthShift,
    GrowthYearly,
    InflationShift,
    DeliveryLow,
    DeliveryHigh,
}

impl Knob {
    const ALL: [Knob; 5] = [
        Knob::GrowthShift,
        Knob::GrowthYearly,
        Knob::InflationShift,
        Knob::DeliveryLow,
        Knob::DeliveryHigh,
    ];

    fn id(self) -> &'static str {
        match self {
            Knob::GrowthShift => "spread-growth",
            Knob::GrowthYearly => "spread-yearly",
            Knob::InflationShift => "spread-inflation",
            Knob::DeliveryLow => "spread-low",
            Knob::DeliveryHigh => "spread-high",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Knob::GrowthShift => "Growth shift, either way (points)",
            Knob::GrowthYearly => "Yearly wobble in growth, either way (points)",
            Knob::InflationShift => "Inflation shift, either way (points)",
            Knob::DeliveryLow => "Savings delivered, lowest (per cent)",
            Knob::DeliveryHigh => "Savings delivered, highest (per cent)",
        }
    }

    /// What the simulation accepts: shifts up to 200 points, delivery from
    /// none to all (lowest) or all to double (highest).
    fn bounds(self) -> Bounds {
        match self {
            Knob::DeliveryLow => Bounds::new(Decimal::ZERO, Decimal::ONE, Measure::Rate, ""),
            Knob::DeliveryHigh => Bounds::new(Decimal::ONE, dec!(2), Measure::Rate, ""),
            _ => Bounds::new(Decimal::ZERO, dec!(2), Measure::Rate, ""),
        }
    }

    fn get(self, s: &Spread) -> Decimal {
        match self {
            Knob::GrowthShift => s.growth_shift,
            Knob::GrowthYearly => s.growth_yearly,
            Knob::InflationShift => s.inflation_shift,
            Knob::DeliveryLow => s.delivery_low,
            Knob::DeliveryHigh => s.delivery_high,
        }
    }

    fn set(self, s: &mut Spread, v: Decimal) {
        match self {
            Knob::GrowthShift => s.growth_shift = v,
            Knob::GrowthYearly => s.growth_yearly = v,
            Knob::InflationShift => s.inflation_shift = v,
            Knob::DeliveryLow => s.delivery_low = v,
            Knob::DeliveryHigh => s.delivery_high = v,
        }
    }
}

/// The simulated futures.
#[component]
pub(super) fn FanView(p: &FanProps) -> Html {
    let spread = use_state(Spread::default);
    // Text typed into a box that did not read, with its message; the
    // simulation keeps the last good value.
    let typed = use_state(Vec::<(Knob, String, String)>::new);
    let sim = use_simulation(p.scenario.clone(), *spread);
    let edit = |knob: Knob| {
        let spread = spread.clone();
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = el.value();
            let mut t = (*typed).clone();
            t.retain(|(k, ..)| *k != knob);
            match read_percent(&text, knob.label(), &knob.bounds()) {
                Ok(v) => {
                    let mut s = *spread;
                    knob.set(&mut s, v);
                    spread.set(s);
                }
                Err(message) => t.push((knob, text, message)),
            }
            typed.set(t);
        })
    };
    let shown = |knob: Knob| {
        typed
            .iter()
            .find(|(k, ..)| *k == knob)
            .map(|(_, text, _)| text.clone())
            .unwrap_or_else(|| pct_text(knob.get(&spread)))
    };
    let message = |knob: Knob| {
        typed
            .iter()
            .find(|(k, ..)| *k == knob)
            .map(|(.., m)| m.clone())
    };
    let busy = sim.done < sim.total && sim.error.is_none();
    let sp = *spread;
    html! {
        <div class="fan">
            <p>{ format!("The calculator runs the plan {} times. Each time, EHCP growth, cost inflation and the savings delivered come out differently, within the ranges below; the chart shows the spread of the deficit left each year across all those simulated futures.", count(Decimal::from(sim.total))) }</p>
            if busy {
                <p class="fan__progress">
                    <label for="fan-progress">{ format!("Simulating: {} of {} futures", count(Decimal::from(sim.done)), count(Decimal::from(sim.total))) }</label>
                    <progress id="fan-progress" max={sim.total.to_string()} value={sim.done.to_string()}></progress>
                </p>
            }
            if let Some(why) = sim.error.clone() {
                <p class="error-message" role="alert" id="fan-error">{ why }</p>
            }
            if let Some(f) = sim.fan.clone() {
                <div aria-busy={p.pending.to_string()}>
                    <p class="fan__chance" id="fan-chance" data-compute-ms={whole(sim.compute_ms).to_string()}><strong>{ format!("The deficit is cleared by the end of {} in {} of 100 simulated futures.", f.agreement_end, f.in_100()) }</strong></p>
                    { fan_svg(&f) }
                </div>
            }
            <h3 class="fan__subtitle">{ "What is uncertain, and how much" }</h3>
            <ul class="fan__ranges">
                <li>{ format!("EHCP growth: each future shifts the plan's growth by up to {} points either way for every year, most likely not at all, and each year wobbles by up to {} more.", pct_text(sp.growth_shift), pct_text(sp.growth_yearly)) }</li>
                <li>{ format!("Cost inflation: up to {} points either way in every setting, most likely as planned.", pct_text(sp.inflation_shift)) }</li>
                <li>{ format!("Savings: between {}% and {}% of the savings the plan counts are delivered, most likely 100%.", pct_text(sp.delivery_low), pct_text(sp.delivery_high)) }</li>
            </ul>
            <Disclosure class="details" summary={html! { "Change how uncertain each is" }}>
                <div class="fan__inputs">
                    { for Knob::ALL.into_iter().map(|knob| {
                        let error = message(knob);
                        let error_id = format!("{}-error", knob.id());
                        html! {
                            <div class="field">
                                <label class="field__label" for={knob.id()}>{ knob.label() }</label>
                                if let Some(m) = &error {
                                    <p class="error-message" id={error_id.clone()}>{ format!("Error: {m}.") }</p>
                                }
                                <input class="number-box" id={knob.id()} inputmode="decimal" value={shown(knob)} onchange={edit(knob)}
                                    aria-invalid={error.is_some().to_string()} aria-describedby={error.is_some().then_some(error_id)} />
                            </div>
                        }
                    }) }
                </div>
            </Disclosure>
            <h3 class="fan__subtitle">{ "Read it with care" }</h3>
            <ul>
                <li>{ "Only these three uncertainties are simulated. Costs per child, the mix of schools, the grant and DfE payments are taken as planned, so the real spread is wider." }</li>
                <li>{ "The ranges are judgements, not measurements: change them above to see what a more or less cautious view does." }</li>
                <li>{ format!("The futures are drawn the same way every time (seed {}), so the same figures always give the same chart.", uncertainty::SEED) }</li>
            </ul>
        </div>
    }
}

fn fan_svg(f: &Fan) -> Html {
    let frame = Frame::new(640.0, 320.0, 110.0);
    let n = f.years.len();
    let mm = |v: f64| v / 1_000_000.0;
    let scale = Scale::covering(
        f.bands
            .iter()
            .flat_map(|b| [mm(b.p10()), mm(b.p90())])
            .chain(f.plan.iter().map(|v| mm(*v))),
    );
    let pt = |i: usize, v: f64| format!("{},{}", num(frame.x(i, n)), num(scale.y(&frame, mm(v))));
    // Deciles `lo` and `hi` (1 to 9) joined into a band.
    let band = |lo: usize, hi: usize| {
        let mut pts: Vec<String> = (0..n).map(|i| pt(i, f.bands[i].decile(hi))).collect();
        pts.extend((0..n).rev().map(|i| pt(i, f.bands[i].decile(lo))));
        pts.join(" ")
    };
    let line = |vals: Vec<f64>| {
        vals.iter()
            .enumerate()
            .map(|(i, v)| format!("{}{}", if i == 0 { "M" } else { "L" }, pt(i, *v)))
            .collect::<String>()
    };
    let last = n.saturating_sub(1);
    let end = |v: f64| num(scale.y(&frame, mm(v)) + 4.0);
    let pounds = |v: f64| millions(uncertainty::pounds(v));
    let desc = match (f.bands.last(), f.years.last()) {
        (Some(b), Some(y)) => format!(
            "By {y}, half the simulated futures leave more than {} and half less; one in ten leaves less than {} and one in ten more than {}.",
            pounds(b.median()),
            pounds(b.p10()),
            pounds(b.p90())
        ),
        _ => String::new(),
    };
    html! {
        <figure class="chart" id="fan-chart">
            <figcaption class="chart__title">{ "Deficit left each year across the simulated futures (£ million)" }</figcaption>
            <ul class="legend" aria-hidden="true">
                <li class="legend__item"><svg class="legend__swatch" width="36" height="12" viewBox="0 0 36 12" focusable="false"><rect class="fan__band fan__band--1" width="36" height="12" /></svg>{ "Middle 80% of futures" }</li>
                <li class="legend__item"><svg class="legend__swatch" width="36" height="12" viewBox="0 0 36 12" focusable="false"><rect class="fan__band fan__band--3" width="36" height="12" /></svg>{ "Middle 40%" }</li>
                <li class="legend__item"><svg class="legend__swatch" width="36" height="12" viewBox="0 0 36 12" focusable="false"><path class="line line--median" d="M2,6 L34,6" /></svg>{ "Middle future (median)" }</li>
                <li class="legend__item"><svg class="legend__swatch" width="36" height="12" viewBox="0 0 36 12" focusable="false"><path class="line line--plan" d="M2,6 L34,6" /></svg>{ "The plan as it stands" }</li>
            </ul>
            <svg class="chart__svg" viewBox={format!("0 0 {} {}", num(frame.width), num(frame.height))} role="img" aria-labelledby="fan-svg-title fan-svg-desc" focusable="false">
                <title id="fan-svg-title">{ "How sure can we be" }</title>
                <desc id="fan-svg-desc">{ desc }</desc>
                { for scale.ticks.iter().map(|t| {
                    let y = scale.y(&frame, *t);
                    html! { <g>
                        <line class={if *t == 0.0 { "gridline gridline--zero" } else { "gridline" }} x1={num(frame.left)} x2={num(frame.left + frame.plot_width())} y1={num(y)} y2={num(y)} />
                        <text class="tick" x={num(frame.left - 6.0)} y={num(y + 4.0)} text-anchor="end">{ tick_label(*t, "£", "m") }</text>
                    </g> }
                }) }
                { for f.years.iter().enumerate().map(|(i, y)| html! {
                    <text class="tick" x={num(frame.x(i, n))} y={num(frame.top + frame.plot_height() + 18.0)} text-anchor="middle">{ y.to_string() }</text>
                }) }
                { for [(1usize, 9usize), (2, 8), (3, 7), (4, 6)].iter().enumerate().map(|(k, (lo, hi))| html! {
                    <polygon class={format!("fan__band fan__band--{}", k)} points={band(*lo, *hi)} />
                }) }
                <path class="line line--plan" d={line(f.plan.clone())} />
                <path class="line line--median" d={line(f.median())} />
                if let Some(b) = f.bands.get(last) {
                    <text class="line-label" x={num(frame.left + frame.plot_width() + 8.0)} y={end(b.p90())}>{ "9 in 10 below" }</text>
                    <text class="line-label" x={num(frame.left + frame.plot_width() + 8.0)} y={end(b.median())}>{ "Median" }</text>
                    <text class="line-label" x={num(frame.left + frame.plot_width() + 8.0)} y={end(b.p10())}>{ "1 in 10 below" }</text>
                }
            </svg>
            <ChartTable summary="Show these figures as a table" label="Simulated futures, as a table" id="fan-table" caption="Deficit left each year, £ million: the plan, and the futures at the 10th, 50th and 90th percentiles">
                        <thead><tr><th scope="col">{ "Year" }</th><th scope="col" class="num">{ "The plan" }</th><th scope="col" class="num">{ "1 in 10 below" }</th><th scope="col" class="num">{ "Median" }</th><th scope="col" class="num">{ "9 in 10 below" }</th></tr></thead>
                        <tbody>
                            { for f.years.iter().enumerate().map(|(i, y)| html! {
                                <tr data-deciles={f.bands[i].iter().map(|v| format!("{:.2}", uncertainty::pounds(*v))).collect::<Vec<_>>().join(",")}>
                                    <th scope="row">{ y.to_string() }</th>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.plan[i]), 2) }</td>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.bands[i].p10()), 2) }</td>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.bands[i].median()), 2) }</td>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.bands[i].p90()), 2) }</td>
                                </tr>
                            }) }
                        </tbody>
            </ChartTable>
        </figure>
    }
}
