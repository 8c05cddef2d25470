//! Random valid scenarios and their parts, for the property and fuzz tests.
#![allow(dead_code)]

use hnb::model::presets::shares_from_counts;
use hnb::model::scenario::*;
use hnb::model::validate::MAX_YEARS;
use hnb::model::{FinYear, PerSetting, Setting};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Decimals `lo..=hi` scaled by `10^-scale`.
pub fn dec(lo: i64, hi: i64, scale: u32) -> impl Strategy<Value = Decimal> + Clone {
    (lo..=hi).prop_map(move |v| Decimal::new(v, scale))
}

pub fn by_year_of(
    years: Vec<FinYear>,
    values: impl Strategy<Value = Decimal> + Clone,
) -> impl Strategy<Value = ByYear> {
    let n = years.len();
    prop::collection::vec(prop::option::of(values), n).prop_map(move |vs| {
        years
            .iter()
            .zip(vs)
            .filter_map(|(y, v)| v.map(|v| (*y, v)))
            .collect()
    })
}

prop_compose! {
    pub fn series(years: Vec<FinYear>, max_pounds: i64)(
        first in dec(0, max_pounds, 0),
        growth in dec(-500, 1500, 4),
        by_year in by_year_of(years, dec(0, max_pounds, 0)),
    ) -> Series {
        Series { first, growth, by_year }
    }
}

prop_compose! {
    pub fn growth(years: Vec<FinYear>)(
        start in dec(-2000, 3000, 4),
        end in dec(-2000, 3000, 4),
        by_year in by_year_of(years, dec(-2000, 3000, 4)),
    ) -> Growth {
        Growth { start, end, by_year }
    }
}

pub fn mix() -> impl Strategy<Value = PerSetting<Decimal>> {
    prop::array::uniform10(0u32..1000).prop_map(shares_from_counts)
}

pub fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

prop_compose! {
    pub fn project_of(years: Vec<FinYear>)(
        savings in by_year_of(years.clone(), dec(-1_000_000, 5_000_000, 0)),
        achieved in by_year_of(years, dec(-500_000, 2_000_000, 0)),
        status in status(),
        confidence in prop::option::of(dec(0, 100, 2)),
        name in "[A-Za-z][A-Za-z <>&\"']{0,19}",
    ) -> Project {
        Project { reference: String::new(), name, workstream: String::new(), savings, status, confidence, achieved }
    }
}

prop_compose! {
    pub fn horizon()(first in 2015u16..2040, years in 1u8..=MAX_YEARS)
        (first in Just(first), years in Just(years),
         end in 0..years, target in 0..years) -> (FinYear, u8, FinYear, FinYear) {
        let f = FinYear::new(first).unwrap();
        (f, years, f.plus(u16::from(end)), f.plus(u16::from(target)))
    }
}

prop_compose! {
    /// A random valid scenario.
    pub fn scenario()((first, years, end, target) in horizon())(
        first in Just(first), years in Just(years), end in Just(end), target in Just(target),
        ehcps in dec(0, 20_000, 0),
        d0 in dec(-20_000_000, 80_000_000, 0),
        hnb in series((0..years).map(|k| first.plus(k.into())).collect(), 120_000_000),
        transfer_kind in 0u8..3,
        transfer_rate in dec(0, 100, 4),
        transfer_series in series((0..years).map(|k| first.plus(k.into())).collect(), 3_000_000),
        plan_growth in growth((0..years).map(|k| first.plus(k.into())).collect()),
        base_growth in growth((0..years).map(|k| first.plus(k.into())).collect()),
        now in mix(), plan in mix(), waypoint in prop::option::of(mix()),
        costs in prop::array::uniform10(dec(0, 300_000, 0)),
        inflation in prop::array::uniform10(dec(-500, 1500, 4)),
        limited in prop::array::uniform10(prop::option::of((dec(0, 3_000, 0), by_year_of((0..years).map(|k| first.plus(k.into())).collect(), dec(0, 200, 0))))),
        sink in 0usize..10,
        other in prop::collection::vec(series((0..years).map(|k| first.plus(k.into())).collect(), 10_000_000), 0..3),
        projects in prop::collection::vec(project_of((0..years).map(|k| first.plus(k.into())).collect()), 0..5),
        payments in by_year_of((0..years).map(|k| first.plus(k.into())).collect(), dec(0, 10_000_000, 0)),
        agreed in by_year_of((0..years).map(|k| first.plus(k.into())).collect(), dec(-10_000_000, 100_000_000, 0)),
        conditional in any::<bool>(),
        tolerance in prop_oneof![Just(Decimal::ZERO), Just(Decimal::from(100_000)), dec(0, 2_000_000, 0)],
    ) -> Scenario {
        let years_list: Vec<FinYear> = (0..years).map(|k| first.plus(k.into())).collect();
        let settings = PerSetting::from_fn(|i| Placement {
            share_now: now.0[i],
            share_plan: plan.0[i],
            cost: costs[i],
            inflation: inflation[i],
            places: if i == sink { None } else {
                limited[i].clone().map(|(now, new_by_year)| Places { now, new_by_year, overflow_to: Setting::ALL[sink] })
            },
        });
        let mut waypoints = std::collections::BTreeMap::new();
        if let Some(w) = waypoint
            && target.start() >= first.start() + 2
        {
            waypoints.insert(first.plus(1), w);
        }
        let schools_block_transfer = match transfer_kind {
            0 => Transfer::None,
            1 => Transfer::Percent { rate: transfer_rate, schools_block: transfer_series.clone() },
            _ => Transfer::Amount { amount: transfer_series.clone() },
        };
        let _ = years_list;
        Scenario {
            version: SCENARIO_VERSION,
            about: About { authority: "Test".into(), first_year: first, years, agreement_end: end, notes: String::new(), code: String::new() },
            opening_deficit: d0,
            income: Income {
                hnb,
                schools_block_transfer,
                transfer_reference: String::new(),
                other_contributions: vec![Line { name: "Health".into(), amount: Series::flat(Decimal::new(250_000, 0)) }],
            },
            demand: Demand { ehcps, growth: plan_growth, by_age: None },
            placements: Placements { target_year: target, settings, waypoints },
            other_spend: other.into_iter().enumerate().map(|(i, amount)| Line { name: format!("Line {i}"), amount }).collect(),
            savings: SavingsPlan { projects, confidence: StatusConfidence::default() },
            agreement: Agreement { payments, conditional, agreed_path: agreed, tolerance, expected_clear: None },
            baseline: Baseline { growth: base_growth },
            outturn: Default::default(),
            sources: Default::default(),
        }
    }
}

/// Proptest settings with `cases` cases and no regression files.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
