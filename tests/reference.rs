//! Reference tests: the presets reproduce the figures their councils
//! published (../shared/seeds/). Each would fail if the model broke.

use hnb::model::presets::{self, haringey, medway, southwark};
use hnb::model::scenario::{Growth, Scenario};
use hnb::model::{FinYear, Projection, Setting, project};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn y(start: u16) -> FinYear {
    FinYear::new(start).unwrap()
}

fn preset(id: &str) -> Scenario {
    presets::find(id).unwrap().scenario()
}

fn run(s: &Scenario) -> Projection {
    project(s).unwrap_or_else(|e| panic!("invalid: {e:#?}"))
}

fn close(a: Decimal, b: Decimal, tol: Decimal) -> bool {
    (a - b).abs() <= tol
}

/// Southwark (seed 001): from the mitigated path and DfE payments, the
/// remaining deficit is £14.68m, £12.11m, £8.84m, £5.53m and £0, to within
/// the paper's rounding of £0.06m (to the pound); the forecasts themselves
/// to the pound.
#[test]
fn southwark_remaining_deficit_matches_the_paper() {
    let p = run(&preset("southwark"));
    for (row, (yr, want)) in p.mitigated.iter().zip(southwark::REMAINING) {
        assert_eq!(row.year, y(yr));
        assert!(
            close(row.remaining_deficit.round(), want, dec!(60_000)),
            "{}: remaining {} vs paper {}",
            row.year,
            row.remaining_deficit,
            want
        );
        assert!(!row.sv_withheld, "{}: payment withheld", row.year);
        assert_eq!(row.on_track, Some(true));
    }
    for (row, (_, want)) in p.unmitigated.iter().zip(southwark::UNMITIGATED) {
        assert!(
            close(row.cumulative_deficit, want, Decimal::ONE),
            "{}: {}",
            row.year,
            row.cumulative_deficit
        );
    }
    for (row, (_, want)) in p.mitigated.iter().zip(southwark::MITIGATED) {
        assert!(
            close(row.cumulative_deficit, want, Decimal::ONE),
            "{}: {}",
            row.year,
            row.cumulative_deficit
        );
        assert!(
            row.cumulative_deficit <= want,
            "calibration keeps the plan at or under its path"
        );
    }
    let paid: Decimal = p.mitigated.iter().map(|r| r.sv_payment).sum();
    assert_eq!(paid, dec!(23_060_000));
}

/// Medway (seed 004), Table 2: the printed growth rates take each year's
/// count to the next within one child; compounding them from 2,697 drifts by
/// the rates' rounding (2,996, 3,137, 3,256), and the preset's rates, taken
/// from the counts, reproduce the table from 2,697.
#[test]
fn medway_ehcp_projection_matches_table_2() {
    for (w, (yr, rate)) in medway::TABLE_2.windows(2).zip(medway::TABLE_2_GROWTH) {
        assert_eq!(w[1].0, yr);
        let next = Decimal::from(w[0].1) * (Decimal::ONE + rate);
        assert!(
            close(next, Decimal::from(w[1].1), Decimal::ONE),
            "{yr}: {next}"
        );
    }

    let from_2697 = |growth: Growth| {
        let mut s = preset("medway");
        s.about.first_year = y(2021);
        s.about.years = 5;
        s.placements.waypoints.clear();
        s.placements.target_year = y(2025);
        s.demand.ehcps = dec!(2697);
        s.demand.growth = growth;
        run(&s)
            .mitigated
            .iter()
            .map(|r| r.ehcps)
            .collect::<Vec<_>>()
    };
    let printed = from_2697(Growth {
        start: dec!(0),
        end: dec!(0),
        by_year: medway::TABLE_2_GROWTH
            .iter()
            .map(|(a, r)| (y(*a), *r))
            .collect(),
    });
    for (got, want) in printed.iter().zip([2697, 2853, 2996, 3137, 3256]) {
        assert!(
            close(*got, Decimal::from(want), Decimal::ONE),
            "printed rates: {got} vs {want}"
        );
    }
    let mut growth = preset("medway").demand.growth;
    growth.by_year.insert(
        y(2022),
        (dec!(2853) / dec!(2697) - Decimal::ONE).round_dp(6),
    );
    let from_counts = from_2697(growth);
    for (got, (_, want)) in from_counts.iter().zip(medway::TABLE_2) {
        assert!(
            close(*got, Decimal::from(want), Decimal::ONE),
            "preset rates: {got} vs {want}"
        );
    }

    // The preset itself starts from Table 2's January 2023 figure.
    let p = run(&preset("medway"));
    for (row, (_, want)) in p.mitigated.iter().zip(&medway::TABLE_2[1..]) {
        assert!(
            close(row.ehcps, Decimal::from(*want), Decimal::ONE),
            "{}: {}",
            row.year,
            row.ehcps
        );
    }
}

/// Medway (seed 004), Table 3: the plan's placement mix, year by year.
#[test]
fn medway_placement_mix_follows_table_3() {
    let p = run(&preset("medway"));
    for (row, (yr, t)) in p.mitigated.iter().zip(medway::TABLE_3) {
        assert_eq!(row.year, y(yr));
        let share = |s: &[Setting]| s.iter().map(|s| row.children[*s]).sum::<Decimal>() / row.ehcps;
        let got = [
            share(&[Setting::EarlyYears]),
            share(&[Setting::Mainstream, Setting::ResourcedProvision]),
            share(&[Setting::StateSpecial]),
            share(&[Setting::Inmss]),
            share(&[Setting::FeCollege]),
        ];
        for (g, w) in got.iter().zip(t) {
            assert!(close(*g, w, dec!(0.000001)), "{}: {g} vs {w}", row.year);
        }
    }
    // The unmitigated run holds 2022-23's mix.
    let first = &p.unmitigated[3];
    assert!(close(
        first.children[Setting::Inmss] / first.ehcps,
        dec!(0.149),
        dec!(0.000001)
    ));
}

/// Haringey (seed 000): the projects' planned savings plus the Schools Block
/// transfer over 2023-24 to 2027-28 total £48.297m, as the project table
/// does; A1 is a cost of £0.821m and B8 the £1.097m a year transfer.
#[test]
fn haringey_plan_totals_match_the_project_table() {
    let s = preset("haringey");
    let planned: Decimal = s
        .savings
        .projects
        .iter()
        .flat_map(|p| p.savings.values())
        .sum();
    let p = run(&s);
    let transfer: Decimal = p.mitigated.iter().map(|r| r.transfer).sum();
    assert_eq!(transfer, dec!(5_485_000));
    assert!(p.mitigated.iter().all(|r| r.transfer == haringey::TRANSFER));
    assert!(p.unmitigated.iter().all(|r| r.transfer.is_zero()));
    assert_eq!(planned + transfer, dec!(48_297_000));
    assert_eq!(
        s.savings.projects.len() + 1,
        16,
        "15 costed projects plus B8"
    );
    let a1 = &s.savings.projects[0];
    assert_eq!(a1.reference, "A1");
    assert_eq!(a1.savings.values().sum::<Decimal>(), dec!(-821_000));
    for (project, costed) in s.savings.projects.iter().zip(&haringey::PROJECTS) {
        assert_eq!(
            project.savings.values().sum::<Decimal>(),
            costed.overall,
            "{}",
            costed.reference
        );
        assert_eq!(project.savings.get(&y(2023)), Some(&costed.target_2023));
    }
    // 2023-24 is counted as achieved where the paper reports it.
    let counted_2023 = p.mitigated[0].savings;
    let achieved: Decimal = s
        .savings
        .projects
        .iter()
        .filter_map(|p| p.achieved.get(&y(2023)))
        .sum();
    assert_eq!(achieved, dec!(739_000));
    assert!(counted_2023 >= achieved);
}

/// Haringey: delivered in full, the plan clears the deficit by 2027-28 (the
/// calibration); counted at the default confidence, it does not.
#[test]
fn haringey_full_delivery_clears_by_the_agreement_end() {
    let mut s = preset("haringey");
    let as_counted = run(&s).mitigated.last().unwrap().remaining_deficit;
    for p in &mut s.savings.projects {
        p.confidence = Some(Decimal::ONE);
    }
    let full = run(&s).mitigated.last().unwrap().remaining_deficit;
    assert!(full <= Decimal::ZERO && full > dec!(-10), "{full}");
    assert!(as_counted > dec!(1_000_000), "{as_counted}");
}

/// Isle of Wight (seed 002): moving 4 children from a £250k placement to a
/// £25k local place saves £900k a year.
#[test]
fn isle_of_wight_studio_school_saves_900k_a_year() {
    let mut s = preset("isle-of-wight");
    s.demand.growth = Growth::constant(Decimal::ZERO);
    s.baseline.growth = Growth::constant(Decimal::ZERO);
    s.placements.settings[Setting::StateSpecial].places = None;
    for p in s.placements.settings.0.iter_mut() {
        p.inflation = Decimal::ZERO;
    }
    s.placements.settings[Setting::Inmss].cost = dec!(250_000);
    assert_eq!(
        s.placements.settings[Setting::StateSpecial].cost,
        dec!(25_000)
    );
    // Four children's worth of share, exactly: use 1,600 EHCPs so 4 is 0.25%.
    s.demand.ehcps = dec!(1600);
    let before = run(&s);
    let four = dec!(0.0025);
    s.placements.settings[Setting::Inmss].share_now -= four;
    s.placements.settings[Setting::Inmss].share_plan -= four;
    s.placements.settings[Setting::StateSpecial].share_now += four;
    s.placements.settings[Setting::StateSpecial].share_plan += four;
    let after = run(&s);
    for (b, a) in before.mitigated.iter().zip(&after.mitigated) {
        assert_eq!(b.gross_spend - a.gross_spend, dec!(900_000), "{}", b.year);
        assert_eq!(
            b.children[Setting::Inmss] - a.children[Setting::Inmss],
            dec!(4)
        );
    }
}

/// Isle of Wight: growth of 9% into 2024-25, then 4.5% a year from 2025-26.
#[test]
fn isle_of_wight_growth_is_9_then_4_5_percent() {
    let p = run(&preset("isle-of-wight"));
    let e: Vec<Decimal> = p.mitigated.iter().map(|r| r.ehcps).collect();
    assert_eq!(p.mitigated[0].year, y(2023));
    assert_eq!(e[0], dec!(1662));
    assert_eq!(e[1], dec!(1662) * dec!(1.09));
    for w in e[1..].windows(2) {
        assert!(close(w[1], w[0] * dec!(1.045), dec!(0.00000001)));
    }
    let b: Vec<Decimal> = p.unmitigated.iter().map(|r| r.ehcps).collect();
    assert!(close(
        b[2],
        dec!(1662) * dec!(1.09) * dec!(1.09),
        dec!(0.00000001)
    ));
}

/// Isle of Wight: children beyond the island's special school places
/// overflow to independent special schools.
#[test]
fn isle_of_wight_overflow_goes_to_inmss() {
    let s = preset("isle-of-wight");
    let p = run(&s);
    let places_2024 = dec!(334);
    let mut overflowed = false;
    for r in &p.mitigated {
        let placed: Decimal = r.children.0.iter().sum();
        assert!(
            close(placed, r.ehcps, dec!(0.000001)),
            "{}: every child is placed",
            r.year
        );
        let over = r.overflowed[Setting::StateSpecial];
        if over > Decimal::ZERO {
            overflowed = true;
            let places = if r.year >= y(2024) {
                places_2024
            } else {
                dec!(319)
            };
            assert_eq!(r.children[Setting::StateSpecial], places, "{}", r.year);
            let share_inmss = r.children[Setting::Inmss] - over;
            assert!(share_inmss > Decimal::ZERO);
        }
    }
    assert!(
        overflowed,
        "demand outgrows the island's places within the horizon"
    );
    // The unmitigated run never opens the Studio School's 15 places.
    let last = p.unmitigated.last().unwrap();
    assert_eq!(last.children[Setting::StateSpecial], dec!(319));
}
