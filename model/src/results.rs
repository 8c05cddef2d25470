//! The results a user reads first (docs/MODEL.md §7, "Results a user reads first").

use rust_decimal::Decimal;

use super::projection::{Projection, Row, RunKind, levers, simulate};
use super::scenario::Scenario;
use super::year::FinYear;

/// The headline results of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The first year with an in-year balance (`B ≥ 0`), if any.
    pub first_balance_year: Option<FinYear>,
    /// The first year the remaining deficit reaches £0 or below, if any.
    pub cleared_year: Option<FinYear>,
    /// The agreement end year.
    pub agreement_end: FinYear,
    /// Remaining deficit at the end of the agreement end year.
    pub remaining_at_end: Decimal,
    /// Unmitigated cumulative deficit at the end of the agreement end year.
    pub unmitigated_at_end: Decimal,
    /// Safety Valve payments withheld over the horizon.
    pub withheld: Decimal,
}

/// The headline results of a projection of `s`.
pub fn summarise(s: &Scenario, p: &Projection) -> Summary {
    let m = &p.mitigated;
    let end = s.about.agreement_end;
    let at_end = |rows: &[Row<Decimal>], f: fn(&Row<Decimal>) -> Decimal| {
        rows.iter()
            .find(|r| r.year == end)
            .or(rows.last())
            .map_or(Decimal::ZERO, f)
    };
    Summary {
        first_balance_year: m
            .iter()
            .find(|r| r.in_year_balance >= Decimal::ZERO)
            .map(|r| r.year),
        cleared_year: m
            .iter()
            .find(|r| r.remaining_deficit <= Decimal::ZERO)
            .map(|r| r.year),
        agreement_end: end,
        remaining_at_end: at_end(m, |r| r.remaining_deficit),
        unmitigated_at_end: at_end(&p.unmitigated, |r| r.cumulative_deficit),
        withheld: m.iter().filter(|r| r.sv_withheld).map(|r| r.sv_due).sum(),
    }
}

/// What extra yearly saving clears the deficit by the agreement end.
#[derive(Clone, Debug, PartialEq)]
pub enum ExtraSaving {
    /// The plan already clears it, with this much to spare at the end.
    NotNeeded {
        /// The surplus at the agreement end.
        headroom: Decimal,
    },
    /// This much more saving each year, from the chosen year to the
    /// agreement end, brings the remaining deficit to £0.
    Needed {
        /// The extra saving each year, rounded up to the pound.
        per_year: Decimal,
        /// How many years it is made in.
        years: u16,
    },
    /// The chosen year is after the agreement end, so no saving from it
    /// can help.
    TooLate,
}

/// The constant extra yearly saving, from `from` to the agreement end, that
/// brings the remaining deficit at the agreement end to £0, rounded up to
/// the pound. `s` must be valid.
///
/// A saving `x` a year lowers the cumulative deficit of year `y` by `x`
/// times the number of extra-saving years up to `y`, so each deficit is a
/// straight line in `x`. Without conditional payments the remaining deficit
/// at the end is one straight line too, and the answer a division. With
/// them, a payment withheld because the deficit is above the agreed path is
/// released once `x` passes a threshold, which drops the remaining deficit
/// by that payment: the function is a straight line with downward steps.
/// Sweeping the thresholds in order finds the least `x` exactly, from one
/// projection.
pub fn extra_saving(s: &Scenario, from: FinYear) -> ExtraSaving {
    let about = &s.about;
    let Some(end) = about.index_of(about.agreement_end) else {
        return ExtraSaving::TooLate;
    };
    let start = match about.index_of(from) {
        Some(i) => i,
        None if from < about.first_year => 0,
        None => return ExtraSaving::TooLate,
    };
    if start > end {
        return ExtraSaving::TooLate;
    }
    let rows = simulate(&levers::<Decimal>(s, RunKind::Mitigated));
    let Some(last) = rows.get(end) else {
        return ExtraSaving::TooLate;
    };
    let n = Decimal::from(end - start + 1);
    // Payments that do not depend on x, and (threshold, payment) for those
    // released once x reaches the threshold.
    let mut fixed = Decimal::ZERO;
    let mut steps: Vec<(Decimal, Decimal)> = Vec::new();
    for (y, r) in rows.iter().enumerate().take(end + 1) {
        let k = if y >= start {
            Decimal::from(y - start + 1)
        } else {
            Decimal::ZERO
        };
        match (s.agreement.conditional, r.agreed) {
            (true, Some(agreed)) if r.sv_due > Decimal::ZERO => {
                let agreed = agreed + s.agreement.tolerance;
                if r.cumulative_deficit <= agreed {
                    fixed += r.sv_due;
                } else if k > Decimal::ZERO {
                    steps.push(((r.cumulative_deficit - agreed) / k, r.sv_due));
                }
            }
            _ => fixed += r.sv_due,
        }
    }
    let remaining = last.cumulative_deficit - fixed;
    if remaining <= Decimal::ZERO {
        return ExtraSaving::NotNeeded {
            headroom: -remaining,
        };
    }
    super::order::sort_small_by_key(&mut steps, |a| a.0);
    // On [t_i, t_{i+1}) the payments released are fixed; the remaining
    // deficit there is `remaining − released − x·n`.
    let mut released = Decimal::ZERO;
    let mut lower = Decimal::ZERO;
    let mut i = 0;
    loop {
        while i < steps.len() && steps[i].0 <= lower {
            released += steps[i].1;
            i += 1;
        }
        let zero = ((remaining - released) / n).max(lower);
        match steps.get(i) {
            Some(&(next, _)) if zero >= next => lower = next,
            _ => {
                return ExtraSaving::Needed {
                    per_year: zero.ceil(),
                    years: (end - start + 1) as u16,
                };
            }
        }
    }
}

/// One project's savings year by year over the horizon: as planned (with
/// the achieved figure in place of the plan's where one is reported, so the
/// total is the plan as it now stands: a council's "overall savings"), and
/// as counted (the achieved figure where reported, else planned ×
/// confidence, the same rule the projection uses).
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectSavings {
    /// Planned, per year.
    pub planned: Vec<Decimal>,
    /// Counted, per year.
    pub counted: Vec<Decimal>,
    /// The confidence applied.
    pub confidence: Decimal,
}

impl ProjectSavings {
    /// Planned over the horizon.
    pub fn planned_total(&self) -> Decimal {
        self.planned
            .iter()
            .fold(Decimal::ZERO, |a, b| a.saturating_add(*b))
    }

    /// Counted over the horizon.
    pub fn counted_total(&self) -> Decimal {
        self.counted
            .iter()
            .fold(Decimal::ZERO, |a, b| a.saturating_add(*b))
    }
}

/// The savings of project `p` of scenario `s`, year by year.
pub fn project_savings(s: &Scenario, p: &super::scenario::Project) -> ProjectSavings {
    project_savings_of(&s.about, &s.savings, p)
}

/// [`project_savings`] for a project of `plan` over the years of `about`.
pub fn project_savings_of(
    about: &super::scenario::About,
    plan: &super::scenario::SavingsPlan,
    p: &super::scenario::Project,
) -> ProjectSavings {
    let confidence = p.confidence.unwrap_or_else(|| plan.confidence.of(p.status));
    let years: Vec<FinYear> = about.years().collect();
    let plan = |y: &FinYear| p.savings.get(y).copied().unwrap_or(Decimal::ZERO);
    let planned: Vec<Decimal> = years
        .iter()
        .map(|y| p.achieved.get(y).copied().unwrap_or_else(|| plan(y)))
        .collect();
    let counted = years
        .iter()
        .map(|y| match p.achieved.get(y) {
            Some(done) => *done,
            // The page calls this on the draft being edited, whose figures
            // are within their fields' bounds but not yet validated as a
            // whole: saturating, so it can never panic.
            None => plan(y).saturating_mul(confidence),
        })
        .collect();
    ProjectSavings {
        planned,
        counted,
        confidence,
    }
}
