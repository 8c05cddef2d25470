//! Testing the plan: what it would take (goal seek), what matters most
//! (sensitivity) and how sure we can be (simulated futures). Each sits in a
//! closed section and computes nothing until opened, and only from the
//! settled scenario, so sliders stay quick.

use std::cell::RefCell;
use std::rc::Rc;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use crate::app::units::Unit;

use crate::app::chart::{Frame, Scale, tick_label};
use crate::app::context::use_dispatch;
use crate::app::disclosure::Disclosure;
use crate::app::state::{Action, Notice};
use crate::model::format::{millions, millions_dp};
use crate::model::sensitivity::{self, Input, Range, Tornado, tornado};
use crate::model::solve::{self, Lever, Solved, Target};
use crate::model::uncertainty::{self, Fan, Simulation, Spread};
use crate::model::{FinYear, Scenario};

/// Props of the three sections.
#[derive(Properties, PartialEq, Clone)]
pub struct AnalysisProps {
    /// The settled scenario.
    pub scenario: Rc<Scenario>,
    /// The preset it started from (kept when an answer is applied).
    pub preset: AttrValue,
    /// Settings whose planned share is locked on the page.
    pub locks: [bool; 10],
}

/// Reads a percentage typed in a box: "2", "-1.5", "2%" (the page's one
/// reader of typed numbers, with its checks).
fn read_percent(text: &str) -> Option<Decimal> {
    Unit::Percent
        .parse(&text.replace('−', "-"), "A range", None)
        .ok()
}

fn pct_text(v: Decimal) -> String {
    Unit::Percent.show(v)
}

/// The three sections.
#[component]
pub fn Analysis(p: &AnalysisProps) -> Html {
    html! {
        <section class="analysis" aria-labelledby="analysis-title">
            <h2 id="analysis-title" class="analysis__title">{ "Test the plan" }</h2>
            <p class="hint">{ "Three ways to ask how robust the plan is. Each works out its answer when you open it, from the figures above." }</p>
            <Disclosure id="goal-seek" class="details analysis__part" summary={html! { "What would it take?" }}>
                <GoalSeek ..p.clone() />
            </Disclosure>
            <Disclosure id="sensitivity" class="details analysis__part" summary={html! { "What matters most?" }}>
                <TornadoView ..p.clone() />
            </Disclosure>
            <Disclosure id="uncertainty" class="details analysis__part" summary={html! { "How sure can we be?" }}>
                <FanView ..p.clone() />
            </Disclosure>
        </section>
    }
}

/// A `<select>`'s change, read into `state` (a value that does not read is
/// ignored: the options are the page's own).
fn on_select<T: std::str::FromStr + 'static>(state: UseStateHandle<T>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(v) = el.value().parse() {
            state.set(v);
        }
    })
}

/// Goal seek.
#[component]
fn GoalSeek(p: &AnalysisProps) -> Html {
    let s = p.scenario.clone();
    let dispatch = use_dispatch();
    let years: Vec<FinYear> = s.about.years().collect();
    let second = years.get(1).copied().unwrap_or(s.about.first_year);
    let lever_id = use_state(|| "growth".to_string());
    let from = use_state(|| second);
    let target_id = use_state(|| "cleared".to_string());
    let year = use_state(|| s.about.agreement_end);
    // Years from another scenario fall back to ones this one has.
    let from_y = if years.contains(&*from) {
        *from
    } else {
        second
    };
    let year_y = if years.contains(&*year) {
        *year
    } else {
        s.about.agreement_end
    };
    let lever = match lever_id.as_str() {
        "inmss" => Lever::InmssShare(p.locks),
        "target-year" => Lever::TargetYear,
        "inflation" => Lever::Inflation,
        "saving" => Lever::ExtraSaving(from_y),
        _ => Lever::Growth(from_y),
    };
    let target = if *target_id == "balance" {
        Target::Balance(year_y)
    } else {
        Target::Cleared
    };
    let answer = use_memo(
        (s.clone(), lever_id.to_string(), from_y, target),
        move |(s, _, _, target)| {
            let solved = solve::solve(s, lever, *target);
            let words = solve::answer_words(s, lever, *target, &solved);
            (solved, words)
        },
    );
    let (solved, words) = &*answer;
    let on_lever = on_select(lever_id.clone());
    let on_from = on_select(from.clone());
    let on_target = on_select(target_id.clone());
    let on_year = on_select(year.clone());
    let apply = match solved {
        Solved::Found {
            scenario, value, ..
        } => {
            let scenario = Rc::new((**scenario).clone());
            let preset = p.preset.to_string();
            let done = format!(
                "Applied: {} set to {}. The figures above now include it.",
                match lever {
                    Lever::Growth(y) => format!("EHCP growth from {y}"),
                    Lever::InmssShare(_) => "the planned INMSS share".into(),
                    Lever::TargetYear => "the year the planned mix is reached".into(),
                    Lever::Inflation => "cost inflation".into(),
                    Lever::ExtraSaving(y) => format!("an extra saving from {y}"),
                },
                solve::value_words(lever, *value)
            );
            let dispatch = dispatch.clone();
            Some(Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::Open {
                    preset: preset.clone(),
                    scenario: scenario.clone(),
                    notice: Some(Notice::info(done.clone())),
                })
            }))
        }
        _ => None,
    };
    let needs_from = matches!(lever_id.as_str(), "growth" | "saving");
    html! {
        <div class="goal">
            <p>{ "Pick one thing to change and what it should achieve. The calculator finds the value that just does it, keeping everything else as it is." }</p>
            <div class="goal__form">
                <div class="field">
                    <label class="field__label" for="goal-lever">{ "Change" }</label>
                    <select id="goal-lever" class="select" onchange={on_lever}>
                        { for [("growth", "EHCP growth"), ("saving", "An extra yearly saving"), ("inmss", "The planned share in independent special schools"), ("inflation", "Cost inflation"), ("target-year", "The year the planned mix is reached")].iter().map(|(id, name)| html! {
                            <option value={*id} selected={*lever_id == *id}>{ *name }</option>
                        }) }
                    </select>
                </div>
                if needs_from {
                    <div class="field">
                        <label class="field__label" for="goal-from">{ "From" }</label>
                        <select id="goal-from" class="select" onchange={on_from}>
                            { for years.iter().skip(1).map(|y| html! {
                                <option value={y.to_string()} selected={*y == from_y}>{ y.to_string() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label class="field__label" for="goal-target">{ "So that" }</label>
                    <select id="goal-target" class="select" onchange={on_target}>
                        <option value="cleared" selected={*target_id == "cleared"}>{ format!("the deficit is cleared by the end of {}", s.about.agreement_end) }</option>
                        <option value="balance" selected={*target_id == "balance"}>{ "spending is within income in a year" }</option>
                    </select>
                </div>
                if *target_id == "balance" {
                    <div class="field">
                        <label class="field__label" for="goal-year">{ "In" }</label>
                        <select id="goal-year" class="select" onchange={on_year}>
                            { for years.iter().map(|y| html! {
                                <option value={y.to_string()} selected={*y == year_y}>{ y.to_string() }</option>
                            }) }
                        </select>
                    </div>
                }
            </div>
            <p class="goal__answer" id="goal-answer" aria-live="polite">{ words.clone() }</p>
            if let Some(onclick) = apply {
                <button type="button" class="button" id="goal-apply" {onclick}>{ "Apply this to the scenario" }</button>
            }
        </div>
    }
}

/// The sensitivity chart and its ranges.
#[component]
fn TornadoView(p: &AnalysisProps) -> Html {
    let ranges = use_state(sensitivity::default_ranges);
    let typed = use_state(Vec::<(String, String)>::new);
    let t = use_memo((p.scenario.clone(), (*ranges).clone()), |(s, r)| {
        tornado(s, r)
    });
    let edit = |i: usize, high: bool| {
        let ranges = ranges.clone();
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let key = format!("{i}-{high}");
            let mut t = (*typed).clone();
            t.retain(|(k, _)| *k != key);
            match read_percent(&el.value()) {
                Some(v) if v.abs() <= dec!(10) => {
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
                _ => t.push((key, el.value())),
            }
            typed.set(t);
        })
    };
    html! {
        <div class="tornado">
            <p>{ "Each bar moves one assumption on its own across the range below, trying five points along it, and shows the lowest and highest deficit left at the end of the agreement. The longest bar is the assumption that matters most. The line is the plan as it stands." }</p>
            { tornado_svg(&t) }
            <Disclosure class="details" summary={html! { "Change the ranges" }}>
                <table class="table ranges">
                    <caption class="visually-hidden">{ "Ranges tried, in per cent" }</caption>
                    <thead><tr><th scope="col">{ "Assumption" }</th><th scope="col">{ "From (%)" }</th><th scope="col">{ "To (%)" }</th></tr></thead>
                    <tbody>
                        { for ranges.iter().enumerate().map(|(i, r)| {
                            let bad = |high: bool| typed.iter().any(|(k, _)| *k == format!("{i}-{high}"));
                            let unit = match r.input { Input::CostPerChild => "change in cost, per cent", Input::SavingsDelivery => "share delivered, per cent", _ => "points" };
                            html! {
                                <tr>
                                    <th scope="row">{ r.input.label() }</th>
                                    <td><input class="number-box" id={format!("range-{}-low", r.input.id())} inputmode="decimal" aria-label={format!("{}: from ({unit})", r.input.label())}
                                        aria-invalid={bad(false).to_string()} value={pct_text(r.low)} onchange={edit(i, false)} /></td>
                                    <td><input class="number-box" id={format!("range-{}-high", r.input.id())} inputmode="decimal" aria-label={format!("{}: to ({unit})", r.input.label())}
                                        aria-invalid={bad(true).to_string()} value={pct_text(r.high)} onchange={edit(i, true)} /></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                if !typed.is_empty() {
                    <p class="error-message" id="range-error">{ "Error: a range must be a number of per cent, between −1,000 and 1,000. The chart uses the last good value." }</p>
                }
            </Disclosure>
        </div>
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
            <svg class="chart__svg" viewBox={format!("0 0 {width} {height}")} role="img" aria-labelledby="tornado-svg-title tornado-svg-desc" focusable="false">
                <title id="tornado-svg-title">{ "What matters most" }</title>
                <desc id="tornado-svg-desc">{ format!("As the plan stands, {} is left. {desc}.", millions_dp(t.base, 1)) }</desc>
                { for scale.ticks.iter().map(|v| html! {
                    <g>
                        <line class="gridline" x1={format!("{:.1}", x(*v))} x2={format!("{:.1}", x(*v))} y1={top.to_string()} y2={format!("{:.1}", height - 30.0)} />
                        <text class="tick" x={format!("{:.1}", x(*v))} y={format!("{:.1}", height - 14.0)} text-anchor="middle">{ tick_label(*v, "£", "m") }</text>
                    </g>
                }) }
                { for t.bars.iter().enumerate().map(|(i, b)| {
                    let y = top + row_h * i as f64;
                    let (x0, x1) = (x(m(b.min)), x(m(b.max)));
                    html! {
                        <g class={format!("bar bar--{}", b.range.input.id())}>
                            <text class="bar__label" x={(left - 16.0).to_string()} y={format!("{:.1}", y + 12.0)}>{ format!("{} ({})", b.range.input.label(), range_words(&b.range)) }</text>
                            <rect class="bar__rect" x={format!("{x0:.1}")} y={format!("{:.1}", y + 18.0)} width={format!("{:.1}", (x1 - x0).max(2.0))} height="18" />
                        </g>
                    }
                }) }
                <line class="base-line" x1={format!("{base_x:.1}")} x2={format!("{base_x:.1}")} y1={(top - 8.0).to_string()} y2={format!("{:.1}", height - 30.0)} />
                <text class="base-label" x={format!("{base_x:.1}")} y={(top - 12.0).to_string()} text-anchor={if base_x < 90.0 { "start" } else if base_x > width - 90.0 { "end" } else { "middle" }}>{ format!("The plan: {}", millions_dp(t.base, 1)) }</text>
            </svg>
            <Disclosure class="details chart__table" summary={html! { "Show these figures as a table" }}>
                <div class="table-wrap" tabindex="0" role="region" aria-label="What matters most, as a table">
                    <table class="table" id="tornado-table">
                        <caption class="visually-hidden">{ "Deficit left at the end of the agreement, £ million" }</caption>
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
                    </table>
                </div>
            </Disclosure>
        </figure>
    }
}

/// Paths drawn in each step, so the page can paint in between.
const CHUNK: usize = 1_000;

/// The simulated futures.
#[component]
fn FanView(p: &AnalysisProps) -> Html {
    let spread = use_state(Spread::default);
    let result = use_state(|| None::<Rc<Fan>>);
    let progress = use_state(|| (0usize, uncertainty::PATHS));
    let run = use_mut_ref(|| 0u64);
    // Milliseconds spent computing the last run (its chunks, not the
    // pauses between them), for the benchmark.
    let compute_ms = use_mut_ref(|| 0.0f64);
    {
        let result = result.clone();
        let progress = progress.clone();
        let run = run.clone();
        let compute_ms = compute_ms.clone();
        use_effect_with((p.scenario.clone(), *spread), move |(s, spread)| {
            let next = run.borrow().wrapping_add(1);
            *run.borrow_mut() = next;
            let this = *run.borrow();
            let sim = Rc::new(RefCell::new(Simulation::new(
                s,
                *spread,
                uncertainty::PATHS,
                uncertainty::SEED,
            )));
            if cfg!(target_arch = "wasm32") {
                *compute_ms.borrow_mut() = 0.0;
                step(sim, run, this, compute_ms, result, progress);
            } else {
                sim.borrow_mut().run(uncertainty::PATHS);
                result.set(Some(Rc::new(sim.borrow().fan())));
            }
        });
    }
    let edit = |which: usize| {
        let spread = spread.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(v) = read_percent(&el.value()) {
                let mut s = *spread;
                let v = v.clamp(Decimal::ZERO, dec!(2));
                match which {
                    0 => s.growth_shift = v,
                    1 => s.growth_yearly = v,
                    2 => s.inflation_shift = v,
                    3 => s.delivery_low = v.min(Decimal::ONE),
                    _ => s.delivery_high = v.max(Decimal::ONE),
                }
                spread.set(s);
            }
        })
    };
    let (done, total) = *progress;
    let busy = done < total;
    let sp = *spread;
    html! {
        <div class="fan">
            <p>{ format!("The calculator runs the plan {} times. Each time, EHCP growth, cost inflation and the savings delivered come out differently, within the ranges below; the chart shows the spread of the deficit left each year across all those simulated futures.", crate::model::format::count(Decimal::from(total))) }</p>
            if busy {
                <p class="fan__progress">
                    <label for="fan-progress">{ format!("Simulating: {} of {} futures", crate::model::format::count(Decimal::from(done)), crate::model::format::count(Decimal::from(total))) }</label>
                    <progress id="fan-progress" max={total.to_string()} value={done.to_string()}></progress>
                </p>
            }
            if let Some(f) = (*result).clone() {
                <p class="fan__chance" id="fan-chance" data-compute-ms={format!("{:.0}", *compute_ms.borrow())}><strong>{ format!("The deficit is cleared by the end of {} in {} of 100 simulated futures.", f.agreement_end, f.in_100()) }</strong></p>
                { fan_svg(&f) }
            }
            <h3 class="fan__subtitle">{ "What is uncertain, and how much" }</h3>
            <ul class="fan__ranges">
                <li>{ format!("EHCP growth: each future shifts the plan's growth by up to {} points either way for every year, most likely not at all, and each year wobbles by up to {} more.", pct_text(sp.growth_shift), pct_text(sp.growth_yearly)) }</li>
                <li>{ format!("Cost inflation: up to {} points either way in every setting, most likely as planned.", pct_text(sp.inflation_shift)) }</li>
                <li>{ format!("Savings: between {}% and {}% of the savings the plan counts are delivered, most likely 100%.", pct_text(sp.delivery_low), pct_text(sp.delivery_high)) }</li>
            </ul>
            <Disclosure class="details" summary={html! { "Change how uncertain each is" }}>
                <div class="fan__inputs">
                    { for [
                        ("spread-growth", "Growth shift, either way (points)", sp.growth_shift),
                        ("spread-yearly", "Yearly wobble in growth, either way (points)", sp.growth_yearly),
                        ("spread-inflation", "Inflation shift, either way (points)", sp.inflation_shift),
                        ("spread-low", "Savings delivered, lowest (per cent)", sp.delivery_low),
                        ("spread-high", "Savings delivered, highest (per cent)", sp.delivery_high),
                    ].into_iter().enumerate().map(|(i, (id, label, v))| html! {
                        <div class="field">
                            <label class="field__label" for={id}>{ label }</label>
                            <input class="number-box" {id} inputmode="decimal" value={pct_text(v)} onchange={edit(i)} />
                        </div>
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

/// Runs one chunk of the simulation, shows progress and schedules the next,
/// unless a newer run has started.
fn step(
    sim: Rc<RefCell<Simulation>>,
    run: Rc<RefCell<u64>>,
    this: u64,
    compute_ms: Rc<RefCell<f64>>,
    result: UseStateHandle<Option<Rc<Fan>>>,
    progress: UseStateHandle<(usize, usize)>,
) {
    gloo::timers::callback::Timeout::new(0, move || {
        if *run.borrow() != this {
            return;
        }
        let started = js_sys::Date::now();
        let finished = sim.borrow_mut().run(CHUNK);
        let fan = finished.then(|| Rc::new(sim.borrow().fan()));
        *compute_ms.borrow_mut() += js_sys::Date::now() - started;
        progress.set(sim.borrow().progress());
        match fan {
            Some(f) => result.set(Some(f)),
            None => step(sim, run, this, compute_ms, result, progress),
        }
    })
    .forget();
}

fn fan_svg(f: &Fan) -> Html {
    let frame = Frame::new(640.0, 320.0, 110.0);
    let n = f.years.len();
    let mm = |v: f64| v / 1_000_000.0;
    let scale = Scale::covering(
        f.bands
            .iter()
            .flat_map(|b| [mm(b[0]), mm(b[8])])
            .chain(f.plan.iter().map(|v| mm(*v))),
    );
    let pt = |i: usize, v: f64| format!("{:.1},{:.1}", frame.x(i, n), scale.y(&frame, mm(v)));
    let band = |lo: usize, hi: usize| {
        let mut pts: Vec<String> = (0..n).map(|i| pt(i, f.bands[i][hi])).collect();
        pts.extend((0..n).rev().map(|i| pt(i, f.bands[i][lo])));
        pts.join(" ")
    };
    let line = |vals: Vec<f64>| {
        vals.iter()
            .enumerate()
            .map(|(i, v)| format!("{}{}", if i == 0 { "M" } else { "L" }, pt(i, *v)))
            .collect::<String>()
    };
    let last = n.saturating_sub(1);
    let end = |v: f64| format!("{:.1}", scale.y(&frame, mm(v)) + 4.0);
    let pounds = |v: f64| millions(uncertainty::pounds(v));
    let desc = match (f.bands.last(), f.years.last()) {
        (Some(b), Some(y)) => format!(
            "By {y}, half the simulated futures leave more than {} and half less; one in ten leaves less than {} and one in ten more than {}.",
            pounds(b[4]),
            pounds(b[0]),
            pounds(b[8])
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
            <svg class="chart__svg" viewBox={format!("0 0 {} {}", frame.width, frame.height)} role="img" aria-labelledby="fan-svg-title fan-svg-desc" focusable="false">
                <title id="fan-svg-title">{ "How sure can we be" }</title>
                <desc id="fan-svg-desc">{ desc }</desc>
                { for scale.ticks.iter().map(|t| {
                    let y = scale.y(&frame, *t);
                    html! { <g>
                        <line class={if *t == 0.0 { "gridline gridline--zero" } else { "gridline" }} x1={frame.left.to_string()} x2={(frame.left + frame.plot_width()).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                        <text class="tick" x={(frame.left - 6.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end">{ tick_label(*t, "£", "m") }</text>
                    </g> }
                }) }
                { for f.years.iter().enumerate().map(|(i, y)| html! {
                    <text class="tick" x={format!("{:.1}", frame.x(i, n))} y={format!("{:.1}", frame.top + frame.plot_height() + 18.0)} text-anchor="middle">{ y.to_string() }</text>
                }) }
                { for [(0usize, 8usize), (1, 7), (2, 6), (3, 5)].iter().enumerate().map(|(k, (lo, hi))| html! {
                    <polygon class={format!("fan__band fan__band--{}", k)} points={band(*lo, *hi)} />
                }) }
                <path class="line line--plan" d={line(f.plan.clone())} />
                <path class="line line--median" d={line(f.median())} />
                if let Some(b) = f.bands.get(last) {
                    <text class="line-label" x={format!("{:.1}", frame.left + frame.plot_width() + 8.0)} y={end(b[8])}>{ "9 in 10 below" }</text>
                    <text class="line-label" x={format!("{:.1}", frame.left + frame.plot_width() + 8.0)} y={end(b[4])}>{ "Median" }</text>
                    <text class="line-label" x={format!("{:.1}", frame.left + frame.plot_width() + 8.0)} y={end(b[0])}>{ "1 in 10 below" }</text>
                }
            </svg>
            <Disclosure class="details chart__table" summary={html! { "Show these figures as a table" }}>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Simulated futures, as a table">
                    <table class="table" id="fan-table">
                        <caption class="visually-hidden">{ "Deficit left each year, £ million: the plan, and the futures at the 10th, 50th and 90th percentiles" }</caption>
                        <thead><tr><th scope="col">{ "Year" }</th><th scope="col" class="num">{ "The plan" }</th><th scope="col" class="num">{ "1 in 10 below" }</th><th scope="col" class="num">{ "Median" }</th><th scope="col" class="num">{ "9 in 10 below" }</th></tr></thead>
                        <tbody>
                            { for f.years.iter().enumerate().map(|(i, y)| html! {
                                <tr data-deciles={f.bands[i].iter().map(|v| format!("{:.2}", uncertainty::pounds(*v))).collect::<Vec<_>>().join(",")}>
                                    <th scope="row">{ y.to_string() }</th>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.plan[i]), 2) }</td>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.bands[i][0]), 2) }</td>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.bands[i][4]), 2) }</td>
                                    <td class="num">{ millions_dp(uncertainty::pounds(f.bands[i][8]), 2) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </Disclosure>
        </figure>
    }
}
