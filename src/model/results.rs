//! The results a user reads first (MODEL.md, "Results a user reads first").

use rust_decimal::Decimal;

use super::num::Num;
use super::projection::{Levers, Projection, Row, RunKind, levers, simulate};
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

/// The remaining deficit at the agreement end with `extra` more saving in
/// each year from `from` to the end.
fn remaining_with<N: Num>(base: &Levers<N>, from: usize, end: usize, extra: N) -> N {
    let mut l = base.clone();
    for s in l.savings.iter_mut().take(end + 1).skip(from) {
        *s = *s + extra;
    }
    simulate(&l)
        .get(end)
        .map_or(N::ZERO, |r| r.remaining_deficit)
}

/// The constant extra yearly saving, from `from` to the agreement end, that
/// brings the remaining deficit at the agreement end to £0.
///
/// Without conditional payments the deficit falls by exactly the extra
/// saving times the number of years, so the answer is a division. With
/// conditional payments a lower deficit can also release a withheld
/// payment, so the division gives an upper bound and a bisection finds the
/// least saving (to the pound) that is enough. `s` must be valid.
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
    let base: Levers<Decimal> = levers(s, RunKind::Mitigated);
    let remaining = remaining_with(&base, start, end, Decimal::ZERO);
    if remaining <= Decimal::ZERO {
        return ExtraSaving::NotNeeded {
            headroom: -remaining,
        };
    }
    let years = (end - start + 1) as u16;
    let upper = (remaining / Decimal::from(years)).ceil();
    if !s.agreement.conditional || upper <= Decimal::ONE {
        return ExtraSaving::Needed {
            per_year: upper,
            years,
        };
    }
    // More saving never raises the deficit, so bisect on whole pounds.
    let (mut lo, mut hi) = (Decimal::ZERO, upper);
    while hi - lo > Decimal::ONE {
        let mid = ((lo + hi) / Decimal::TWO).floor();
        if remaining_with(&base, start, end, mid) <= Decimal::ZERO {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    ExtraSaving::Needed {
        per_year: hi,
        years,
    }
}
