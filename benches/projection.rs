//! The model's speed: baseline and plan for 15 years, 10 settings and 30
//! projects. Reported in the closing notes; never asserted in tests.
//! Run with `cargo bench --bench projection`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hnb::model::presets;
use hnb::model::projection::{RunKind, levers, simulate};
use hnb::model::results::{extra_saving, summarise};
use hnb::model::scenario::{ByYear, Places, Project, Scenario, Status};
use hnb::model::{Setting, project};
use rust_decimal::Decimal;

/// The average authority stretched to 15 years, with 30 projects saving in
/// every year and two settings with limited places.
fn big_scenario() -> Scenario {
    let mut s = presets::find("average").unwrap().scenario();
    s.about.years = 15;
    let years: Vec<_> = s.about.years().collect();
    s.savings.projects = (0..30)
        .map(|i| Project {
            reference: format!("P{i}"),
            name: format!("Project {i}"),
            workstream: "Bench".into(),
            savings: years
                .iter()
                .map(|y| (*y, Decimal::new(100_000 + i * 1_000, 0)))
                .collect(),
            status: Status::ALL[i as usize % 4],
            confidence: None,
            achieved: ByYear::new(),
        })
        .collect();
    for setting in [Setting::StateSpecial, Setting::ResourcedProvision] {
        s.placements.settings[setting].places = Some(Places {
            now: Decimal::new(900, 0),
            new_by_year: years
                .iter()
                .step_by(3)
                .map(|y| (*y, Decimal::new(40, 0)))
                .collect(),
            overflow_to: Setting::Inmss,
        });
    }
    s
}

fn bench(c: &mut Criterion) {
    let s = big_scenario();
    assert!(project(&s).is_ok());
    c.bench_function(
        "project (validate + baseline + plan), 15y x 10 settings x 30 projects",
        |b| b.iter(|| project(black_box(&s))),
    );
    // The same council projected by age for 15 years (demand by age,
    // docs/MODEL.md §15), with the secondary mainstream lever set.
    let mut aged = presets::find("la:E09000014").unwrap().scenario();
    aged.about.years = 15;
    aged.demand.by_age = Some(hnb::model::scenario::AgeLevers {
        new_growth: Decimal::new(5, 2),
        new_growth_baseline: Decimal::new(8, 2),
        secondary_mainstream: Some(Decimal::new(70, 2)),
    });
    assert!(project(&aged).is_ok());
    c.bench_function(
        "project by age (validate + baseline + plan), 15y, Haringey",
        |b| b.iter(|| project(black_box(&aged))),
    );
    let mut by_rate = aged.clone();
    by_rate.demand.by_age = None;
    c.bench_function("project by growth rate, the same council, 15y", |b| {
        b.iter(|| project(black_box(&by_rate)))
    });
    let plan = levers::<Decimal>(&s, RunKind::Mitigated);
    c.bench_function("simulate one run (Decimal), levers resolved", |b| {
        b.iter(|| simulate(black_box(&plan)))
    });
    let plan_f64 = levers::<f64>(&s, RunKind::Mitigated);
    c.bench_function("simulate one run (f64), levers resolved", |b| {
        b.iter(|| simulate(black_box(&plan_f64)))
    });
    let p = project(&s).unwrap();
    c.bench_function("summarise + extra saving", |b| {
        b.iter(|| {
            (
                summarise(black_box(&s), &p),
                extra_saving(&s, s.about.first_year),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches, more, analysis_group);

fn parts(c: &mut Criterion) {
    let s = big_scenario();
    c.bench_function("validate only", |b| {
        b.iter(|| hnb::model::validate(black_box(&s)))
    });
    c.bench_function("levers (Decimal), mitigated", |b| {
        b.iter(|| levers::<Decimal>(black_box(&s), RunKind::Mitigated))
    });
}

criterion_group!(more, parts);

/// Issue 9: goal seek, the sensitivity chart and 10,000 simulated futures
/// of the average authority over 10 years.
fn analysis(c: &mut Criterion) {
    use hnb::model::{sensitivity, solve, uncertainty};
    let mut s = presets::find("average").unwrap().scenario();
    s.about.years = 10;
    let mut g = c.benchmark_group("analysis");
    g.sample_size(20);
    g.bench_function("fan: 10,000 paths, 10 years (f64)", |b| {
        b.iter(|| {
            uncertainty::fan(
                black_box(&s),
                uncertainty::Spread::default(),
                uncertainty::PATHS,
                uncertainty::SEED,
            )
        })
    });
    g.bench_function("tornado: 5 inputs x 5 points (Decimal)", |b| {
        b.iter(|| sensitivity::tornado(black_box(&s), &sensitivity::default_ranges()))
    });
    let from = s.about.first_year.plus(1);
    g.bench_function("goal seek: growth, cleared (Decimal)", |b| {
        b.iter(|| {
            solve::solve(
                black_box(&s),
                solve::Lever::Growth(from),
                solve::Target::Cleared,
            )
        })
    });
    g.finish();
}

criterion_group!(analysis_group, analysis);
