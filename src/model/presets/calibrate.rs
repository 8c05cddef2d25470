//! Calibration: the figures that make the model reproduce a result a paper
//! publishes without the spending behind it. Presets store the results of
//! these functions as fixed numbers (see the module docs of `presets`); the
//! `calibration_is_current` tests recompute them.

use rust_decimal::Decimal;

use crate::model::projection::{RunKind, levers, simulate};
use crate::model::scenario::{ByYear, Scenario};
use crate::model::year::FinYear;

fn cumulative(s: &Scenario, run: RunKind) -> Vec<(FinYear, Decimal)> {
    simulate(&levers::<Decimal>(s, run))
        .iter()
        .map(|r| (r.year, r.cumulative_deficit))
        .collect()
}

/// Year-by-year amounts for the first other-spend line (which should hold
/// zero in every year) that make the unmitigated cumulative deficit equal
/// `targets` in each year given. A pound more spend in a year adds a pound to
/// that year's cumulative deficit and every later one, so each year's amount
/// is the gap between the target's change and the model's change.
pub fn other_spend_for_path(s: &Scenario, targets: &ByYear) -> ByYear {
    gaps(s, RunKind::Unmitigated, targets, Decimal::ONE)
}

/// Year-by-year savings (counted in full) for one extra project that make
/// the mitigated cumulative deficit equal `targets`.
pub fn savings_for_path(s: &Scenario, targets: &ByYear) -> ByYear {
    gaps(s, RunKind::Mitigated, targets, Decimal::NEGATIVE_ONE)
}

/// Each year's amount, in whole pounds, rounded so that the run's
/// cumulative deficit ends at or below the target (by less than £1): a
/// Safety Valve payment conditional on the path is then not withheld for a
/// rounding penny. `sign` is +1 for spend, −1 for savings.
fn gaps(s: &Scenario, run: RunKind, targets: &ByYear, sign: Decimal) -> ByYear {
    let mut out = ByYear::new();
    let mut added = Decimal::ZERO;
    for (year, cd) in cumulative(s, run) {
        let Some(t) = targets.get(&year) else {
            continue;
        };
        // With amount v this year, the deficit is cd + sign·(added + v).
        let room = *t - cd - sign * added;
        let v = if sign > Decimal::ZERO {
            room.floor()
        } else {
            (-room).ceil()
        };
        added += v;
        out.insert(year, v);
    }
    out
}

/// The first-year amount of other-spend line `line` (growing at its own
/// rate, no explicit years) at which the plan's remaining deficit at the
/// agreement end is £0, rounded down to the pound. The remaining deficit is
/// linear in that amount when no payment is conditional on a path.
pub fn other_spend_to_clear(s: &Scenario, line: usize) -> Decimal {
    let at = |amount: Decimal| {
        let mut t = s.clone();
        if let Some(l) = t.other_spend.get_mut(line) {
            l.amount.first = amount;
            l.amount.by_year.clear();
        }
        let rows = simulate(&levers::<Decimal>(&t, RunKind::Mitigated));
        rows.iter()
            .find(|r| r.year == s.about.agreement_end)
            .map_or(Decimal::ZERO, |r| r.remaining_deficit)
    };
    let r0 = at(Decimal::ZERO);
    let slope = at(Decimal::from(1_000_000)) - r0;
    if slope.is_zero() {
        return Decimal::ZERO;
    }
    (-r0 * Decimal::from(1_000_000) / slope).floor()
}

/// Whether setting `i`'s cost per child may be scaled in calibration: every
/// cost except those a council's own paper gives.
fn scalable(s: &Scenario, i: usize) -> bool {
    use crate::model::scenario::SourceKind;
    let path = format!(
        "placements.settings.{}.cost",
        crate::model::setting::Setting::ALL[i].id()
    );
    s.sources
        .get(&path)
        .is_none_or(|src| src.kind != SourceKind::Seed)
}

/// Multiplies every scalable cost per child by `k`.
fn scale_costs(t: &mut Scenario, k: Decimal) {
    let which: Vec<bool> = (0..10).map(|i| scalable(t, i)).collect();
    for (p, scale) in t.placements.settings.0.iter_mut().zip(which) {
        if scale {
            p.cost *= k;
        }
    }
}

/// The factor on each scalable cost per child (see `scalable`) at which the
/// plan's remaining deficit at the agreement end is £0, rounded down to four
/// places (so the deficit is just cleared). The remaining deficit is linear
/// in a common factor on costs when no payment is conditional on a path.
pub fn cost_scale_to_clear(s: &Scenario) -> Decimal {
    let at = |k: Decimal| {
        let mut t = s.clone();
        scale_costs(&mut t, k);
        let rows = simulate(&levers::<Decimal>(&t, RunKind::Mitigated));
        rows.iter()
            .find(|r| r.year == s.about.agreement_end)
            .map_or(Decimal::ZERO, |r| r.remaining_deficit)
    };
    let r0 = at(Decimal::ZERO);
    let slope = at(Decimal::ONE) - r0;
    if slope.is_zero() {
        return Decimal::ONE;
    }
    (-r0 / slope).round_dp_with_strategy(4, rust_decimal::RoundingStrategy::ToZero)
}

/// The factor on each scalable cost per child at which the first year's
/// unmitigated in-year balance equals `balance` (negative is a deficit),
/// to four places. The balance is linear in a common factor on costs.
pub fn cost_scale_for_first_balance(s: &Scenario, balance: Decimal) -> Decimal {
    let at = |k: Decimal| {
        let mut t = s.clone();
        scale_costs(&mut t, k);
        simulate(&levers::<Decimal>(&t, RunKind::Unmitigated))
            .first()
            .map_or(Decimal::ZERO, |r| r.in_year_balance)
    };
    let b0 = at(Decimal::ZERO);
    let slope = at(Decimal::ONE) - b0;
    if slope.is_zero() {
        return Decimal::ONE;
    }
    ((balance - b0) / slope).round_dp(4)
}

/// Scales each scalable cost per child by `k` (rounded to the pound) and
/// records the calibration beside its original source.
pub fn apply_cost_factor(s: &mut Scenario, k: Decimal, why: &str) {
    use crate::model::scenario::{Source, SourceKind};
    use crate::model::setting::Setting;
    let which: Vec<bool> = (0..10).map(|i| scalable(s, i)).collect();
    for (i, p) in s.placements.settings.0.iter_mut().enumerate() {
        if !which[i] {
            continue;
        }
        p.cost = (p.cost * k).round();
        let path = format!("placements.settings.{}.cost", Setting::ALL[i].id());
        let before = s
            .sources
            .get(&path)
            .map(|src| src.detail.clone())
            .unwrap_or_default();
        s.sources.insert(
            path,
            Source::new(
                SourceKind::Calibrated,
                format!("The figure below times {k}, {why} Before calibration: {before}"),
            ),
        );
    }
}
