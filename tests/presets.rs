//! Presets: each is complete, valid, cites a source for every figure, and
//! its calibrated figures are current.

use hnb::model::figures::figures;
use hnb::model::presets::{self, PRESETS, calibrate};
use hnb::model::scenario::{ByYear, Scenario};
use hnb::model::{FinYear, project, validate};
use rust_decimal::Decimal;

#[test]
fn every_preset_is_valid_and_projects() {
    for p in &PRESETS {
        let s = p.scenario();
        let problems = validate(&s);
        assert!(problems.is_empty(), "{}: {problems:#?}", p.id);
        let proj = project(&s).expect("projects");
        assert_eq!(proj.mitigated.len(), usize::from(s.about.years));
        let json = serde_json::to_string_pretty(&s).unwrap();
        let back: Scenario = hnb::model::io::read_scenario(&json).unwrap();
        assert_eq!(back, s, "{} survives a JSON round trip", p.id);
    }
    assert_eq!(PRESETS[0].id, presets::DEFAULT_PRESET);
}

#[test]
fn every_figure_has_a_source() {
    for p in &PRESETS {
        let s = p.scenario();
        let missing: Vec<String> = figures(&s)
            .into_iter()
            .filter(|(path, _)| s.source_of(path).is_none())
            .map(|(path, _)| path)
            .collect();
        assert!(missing.is_empty(), "{}: no source for {missing:#?}", p.id);
        for path in ["about", "placements.target_year"] {
            assert!(
                s.source_of(path).is_some(),
                "{}: no source for {path}",
                p.id
            );
        }
    }
}

fn y(start: u16) -> FinYear {
    FinYear::new(start).unwrap()
}

fn pairs(m: &ByYear) -> String {
    m.iter()
        .map(|(y, v)| format!("({}, dec!({})),", y.start(), v))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Recomputes each calibrated figure from the preset's uncalibrated form
/// and the paper's published result. On failure it prints the new figures
/// to paste into the preset.
#[test]
fn calibration_is_current() {
    let mut stale = Vec::new();

    // Southwark: other spend to the unmitigated path, then the plan's net
    // effect to the mitigated path.
    let mut s = presets::southwark::uncalibrated();
    let unmitigated: ByYear = presets::southwark::UNMITIGATED
        .iter()
        .map(|(a, v)| (y(*a), *v))
        .collect();
    let mitigated: ByYear = presets::southwark::MITIGATED
        .iter()
        .map(|(a, v)| (y(*a), *v))
        .collect();
    let spend = calibrate::other_spend_for_path(&s, &unmitigated);
    s.other_spend[0].amount.by_year = spend.clone();
    let plan = calibrate::savings_for_path(&s, &mitigated);
    let stored = presets::southwark::scenario();
    if stored.other_spend[0].amount.by_year != spend {
        stale.push(format!("southwark CALIBRATED_SPEND: {}", pairs(&spend)));
    }
    if stored.savings.projects[0].savings != plan {
        stale.push(format!("southwark CALIBRATED_PLAN: {}", pairs(&plan)));
    }

    // Medway: the cost factor at which the plan as submitted clears by 2025-26.
    let k = calibrate::cost_scale_to_clear(&presets::medway::uncalibrated());
    if presets::medway::CALIBRATED_COST_FACTOR != k {
        stale.push(format!("medway CALIBRATED_COST_FACTOR: dec!({k})"));
    }

    // Isle of Wight and Wokingham: the first year's in-year deficit equals
    // the latest published yearly deficit growth.
    let k = calibrate::cost_scale_for_first_balance(
        &presets::isle_of_wight::uncalibrated(),
        -presets::isle_of_wight::LATEST_IN_YEAR_DEFICIT,
    );
    if presets::isle_of_wight::CALIBRATED_COST_FACTOR != k {
        stale.push(format!("isle_of_wight CALIBRATED_COST_FACTOR: dec!({k})"));
    }
    let k = calibrate::cost_scale_for_first_balance(
        &presets::wokingham::uncalibrated(),
        -presets::wokingham::LATEST_IN_YEAR_DEFICIT,
    );
    if presets::wokingham::CALIBRATED_COST_FACTOR != k {
        stale.push(format!("wokingham CALIBRATED_COST_FACTOR: dec!({k})"));
    }

    // Haringey: the plan delivered in full clears by 2027-28.
    let mut s = presets::haringey::uncalibrated();
    for p in &mut s.savings.projects {
        p.confidence = Some(Decimal::ONE);
    }
    let other = calibrate::other_spend_to_clear(&s, 0);
    if presets::haringey::scenario().other_spend[0].amount.first != other {
        stale.push(format!("haringey CALIBRATED_OTHER: dec!({other})"));
    }

    assert!(
        stale.is_empty(),
        "calibration is stale; new figures:\n{}",
        stale.join("\n")
    );
}
