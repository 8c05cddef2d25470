//! The results a user reads first: first balanced year, year cleared, what
//! is left at the agreement end, and the extra saving that would clear it.

mod common;

use hnb::model::presets;
use hnb::model::results::{ExtraSaving, extra_saving, summarise};
use hnb::model::scenario::{Scenario, Status};
use hnb::model::{FinYear, project};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn y(start: u16) -> FinYear {
    FinYear::new(start).unwrap()
}

fn preset(id: &str) -> Scenario {
    presets::find(id).unwrap().scenario()
}

fn remaining_with(s: &Scenario, from: FinYear, extra: Decimal) -> Decimal {
    common::remaining_with(s, from, extra).expect("valid")
}

/// Southwark on its published figures: no year of balance and a deficit
/// left at the agreement end (tests/reference.rs says why it differs from
/// the paper), every payment made (they are not conditional), and an extra
/// saving that clears it, to the pound.
#[test]
fn southwark_headlines() {
    let s = preset("southwark");
    let sum = summarise(&s, &project(&s).unwrap());
    assert_eq!(sum.first_balance_year, None);
    assert_eq!(sum.cleared_year, None);
    assert_eq!(sum.agreement_end, y(2026));
    assert!(sum.remaining_at_end > Decimal::ZERO);
    assert_eq!(sum.withheld, Decimal::ZERO);
    let ExtraSaving::Needed { per_year, .. } = extra_saving(&s, y(2024)) else {
        panic!("needed");
    };
    assert!(remaining_with(&s, y(2024), per_year) <= Decimal::ZERO);
    assert!(remaining_with(&s, y(2024), per_year - Decimal::ONE) > Decimal::ZERO);
}

#[test]
fn extra_saving_clears_the_average_authority_exactly() {
    let s = preset("average");
    let sum = summarise(&s, &project(&s).unwrap());
    assert!(
        sum.remaining_at_end > Decimal::ZERO,
        "the illustrative authority does not clear unaided"
    );
    for from in [2024, 2025, 2027] {
        let ExtraSaving::Needed { per_year, years } = extra_saving(&s, y(from)) else {
            panic!("needed");
        };
        assert_eq!(years, 2027 - from + 1);
        assert!(remaining_with(&s, y(from), per_year) <= Decimal::ZERO);
        assert!(remaining_with(&s, y(from), per_year - Decimal::ONE) > Decimal::ZERO);
    }
    assert_eq!(extra_saving(&s, y(2028)), ExtraSaving::TooLate);
}

#[test]
fn extra_saving_with_conditional_payments_is_the_least_that_works() {
    // Southwark with payments conditional on its path and 4 points more
    // growth a year: off the agreed path, payments are withheld, and extra
    // saving also releases them.
    let mut s = preset("southwark");
    s.agreement.conditional = true;
    s.demand.growth.start += dec!(0.04);
    s.demand.growth.end += dec!(0.04);
    for v in s.demand.growth.by_year.values_mut() {
        *v += dec!(0.04);
    }
    let p = project(&s).unwrap();
    let sum = summarise(&s, &p);
    assert!(
        sum.withheld > Decimal::ZERO,
        "payments withheld off the path"
    );
    assert!(sum.remaining_at_end > Decimal::ZERO);
    let ExtraSaving::Needed { per_year, .. } = extra_saving(&s, y(2023)) else {
        panic!("needed");
    };
    assert!(remaining_with(&s, y(2023), per_year) <= Decimal::ZERO);
    assert!(remaining_with(&s, y(2023), per_year - Decimal::ONE) > Decimal::ZERO);
    // Without the released payments a straight division would ask for more.
    let simple = (sum.remaining_at_end / Decimal::from(4)).ceil();
    assert!(per_year <= simple);
}

/// Changing one project's saving moves the plan's deficit by exactly its
/// counted amount, from that year on, and leaves the baseline alone.
#[test]
fn one_projects_saving_moves_the_deficit_by_its_counted_amount() {
    let s = preset("haringey");
    let before = project(&s).unwrap();
    let i = s
        .savings
        .projects
        .iter()
        .position(|p| p.reference == "B6")
        .unwrap();
    assert_eq!(s.savings.projects[i].status, Status::OnTrack);
    let mut t = s.clone();
    *t.savings.projects[i].savings.get_mut(&y(2025)).unwrap() += dec!(100_000);
    let after = project(&t).unwrap();
    for (b, a) in before.mitigated.iter().zip(&after.mitigated) {
        let moved = b.cumulative_deficit - a.cumulative_deficit;
        let want = if b.year >= y(2025) {
            dec!(90_000)
        } else {
            Decimal::ZERO
        };
        assert_eq!(moved, want, "{}", b.year);
        assert_eq!(b.remaining_deficit - a.remaining_deficit, want);
    }
    assert_eq!(before.unmitigated, after.unmitigated);
    // A year reported as achieved counts the achievement, not the plan.
    let mut t = s.clone();
    *t.savings.projects[i].savings.get_mut(&y(2023)).unwrap() += dec!(100_000);
    assert_eq!(project(&t).unwrap(), before);
}

/// Switching conditional payments on, in a scenario off its agreed path,
/// withholds payments and raises the remaining deficit by exactly them.
#[test]
fn conditional_payments_are_withheld_off_the_path() {
    let mut s = preset("southwark");
    for v in s.demand.growth.by_year.values_mut() {
        *v += dec!(0.03);
    }
    s.demand.growth.start += dec!(0.03);
    s.demand.growth.end += dec!(0.03);
    s.agreement.conditional = false;
    let off = project(&s).unwrap();
    assert!(off.mitigated.iter().all(|r| !r.sv_withheld));
    s.agreement.conditional = true;
    let on = project(&s).unwrap();
    let withheld: Decimal = on
        .mitigated
        .iter()
        .filter(|r| r.sv_withheld)
        .map(|r| r.sv_due)
        .sum();
    assert!(withheld > Decimal::ZERO);
    assert!(on.mitigated.iter().any(|r| r.on_track == Some(false)));
    let (a, b) = (off.mitigated.last().unwrap(), on.mitigated.last().unwrap());
    assert_eq!(b.remaining_deficit - a.remaining_deficit, withheld);
    assert_eq!(
        a.cumulative_deficit, b.cumulative_deficit,
        "withholding moves the remaining deficit only"
    );
    assert_eq!(summarise(&s, &on).withheld, withheld);
}
