//! Goal seek, the sensitivity chart and the simulations on random valid
//! scenarios.

mod common;

use common::strategy::*;
use hnb::model::sensitivity::{default_ranges, tornado};
use hnb::model::setting::PerSetting;
use hnb::model::solve::{Lever, Solved, Target, solve};
use hnb::model::uncertainty::{Spread, fan};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Goal seek's answer meets the target and is the boundary: within £1,000
/// of it, or at a jump (a conditional payment released), where the lever a
/// hair the other way misses.
fn check_found(
    s: &hnb::model::Scenario,
    lever: Lever,
    target: Target,
) -> Result<(), TestCaseError> {
    match solve(s, lever, target) {
        Solved::Found {
            value,
            scenario,
            gap,
        } => {
            prop_assert_eq!(target.gap(&scenario), gap);
            prop_assert!(gap <= Decimal::ZERO, "gap {}", gap);
            prop_assert!(hnb::model::validate(&scenario).is_empty());
            if gap < dec!(-1000) {
                let (lo, hi) = lever.range(s);
                let hair = match lever {
                    Lever::ExtraSaving(_) => dec!(0.02),
                    _ => dec!(0.000000001),
                };
                let near = [value - hair, value + hair];
                let misses = near
                    .iter()
                    .filter(|v| **v >= lo && **v <= hi)
                    .any(|v| target.gap(&lever.apply(s, *v)) > Decimal::ZERO);
                prop_assert!(
                    misses,
                    "{:?}: gap {} at {} is not a boundary",
                    lever,
                    gap,
                    value
                );
            }
        }
        Solved::Unreachable { .. } => {
            let (lo, hi) = lever.range(s);
            prop_assert!(target.gap(&lever.apply(s, lo)) > Decimal::ZERO);
            prop_assert!(target.gap(&lever.apply(s, hi)) > Decimal::ZERO);
        }
        Solved::Always => {
            let (lo, hi) = lever.range(s);
            prop_assert!(target.gap(&lever.apply(s, lo)) <= Decimal::ZERO);
            prop_assert!(target.gap(&lever.apply(s, hi)) <= Decimal::ZERO);
        }
        Solved::NotApplicable(why) => prop_assert!(false, "{}", why),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(1_000))]

    #[test]
    fn goal_seek_lands_on_the_target(s in scenario()) {
        let first = s.about.first_year;
        let last = s.about.last_year();
        check_found(&s, Lever::Growth(first), Target::Cleared)?;
        check_found(&s, Lever::ExtraSaving(first), Target::Cleared)?;
        check_found(&s, Lever::Inflation, Target::Balance(last))?;
        check_found(&s, Lever::InmssShare(PerSetting::default()), Target::Cleared)?;
        // With a setting locked, the others move and the locked one stays.
        let mut locked = PerSetting::<bool>::default();
        locked.0[2] = true;
        check_found(&s, Lever::InmssShare(locked), Target::Cleared)?;
        if let Solved::Found { scenario, .. } = solve(&s, Lever::InmssShare(locked), Target::Cleared) {
            prop_assert_eq!(scenario.placements.settings.0[2].share_plan, s.placements.settings.0[2].share_plan);
        }
    }

    #[test]
    fn tornado_holds_the_base_and_is_ordered(s in scenario()) {
        let t = tornado(&s, &default_ranges());
        for b in &t.bars {
            prop_assert!(b.min <= t.base && t.base <= b.max);
        }
        for w in t.bars.windows(2) {
            prop_assert!(w[0].swing() >= w[1].swing());
        }
    }

    #[test]
    fn no_spread_fan_is_the_plan(s in scenario()) {
        let f = fan(&s, Spread::none(), 20, 1);
        for (band, plan) in f.bands.iter().zip(&f.plan) {
            prop_assert!(band.iter().all(|v| v == plan));
        }
    }
}
