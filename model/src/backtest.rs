//! How good the councils' forecasts have been: for every council, the
//! forecast its preset's method ([`council::scenario_as_of`]) would have made
//! from what was published by January 2022 (EHCPs 2019–2022, spending to
//! 2021-22), set beside what happened (EHCPs in January 2025, spending in
//! 2024-25). `hnb backtest` prints it; the method page shows the spread;
//! each council's preset says its own line.
//!
//! The spending forecast is the model's growth in spending from 2021-22 to
//! 2024-25 (EHCPs, mix and cost inflation) applied to the council's
//! published 2021-22 spending (section 251 lines 1.2), and set beside its
//! published 2024-25 spending: both published figures, so the comparison
//! leaves out the place-funding estimate. The placement mix is the one in
//! the data (January 2025, or 2024), a little later than a forecaster in
//! 2022 would have had; it moves the spending forecast only a little.

use rust_decimal::Decimal;

use super::authorities::{AUTHORITIES, Authority};
use super::format::{count, percent};
use super::presets::council::{BACKTEST, scenario_as_of};
use super::project;

/// One council's forecast beside what happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Backtest {
    /// The council.
    pub authority: &'static Authority,
    /// EHCPs in January 2022, the forecast's start.
    pub from_ehcps: u32,
    /// The yearly growth the method would have used.
    pub growth: Decimal,
    /// The forecast of EHCPs in January 2025.
    pub forecast_ehcps: Decimal,
    /// EHCPs in January 2025.
    pub actual_ehcps: u32,
    /// High needs spending in 2021-22 (lines 1.2), where published.
    pub from_spend: Option<Decimal>,
    /// The forecast of spending in 2024-25.
    pub forecast_spend: Option<Decimal>,
    /// Spending in 2024-25.
    pub actual_spend: Option<Decimal>,
}

impl Backtest {
    /// The forecast's error in EHCPs, as a share of what happened
    /// (positive: it forecast too many).
    pub fn ehcps_error(&self) -> Option<Decimal> {
        (self.actual_ehcps > 0).then(|| {
            ((self.forecast_ehcps - Decimal::from(self.actual_ehcps))
                / Decimal::from(self.actual_ehcps))
            .round_dp(4)
        })
    }

    /// The forecast's error in spending, as a share of what happened.
    pub fn spend_error(&self) -> Option<Decimal> {
        let (f, a) = (self.forecast_spend?, self.actual_spend?);
        (a > Decimal::ZERO).then(|| ((f - a) / a).round_dp(4))
    }
}

/// The backtest of council `a`; `None` for a council that did not exist in
/// January 2022 (Cumberland, Westmorland and Furness).
pub fn backtest(a: &'static Authority) -> Option<Backtest> {
    let from_ehcps = a.ehcps_in(BACKTEST.census).filter(|n| *n > 0)?;
    let actual_ehcps = a.ehcps_in(2025)?;
    let s = scenario_as_of(a, BACKTEST);
    let p = project(&s).ok()?;
    let first = p.mitigated.first()?;
    let last = p.mitigated.last()?;
    let from_spend = a.spend(BACKTEST.year).map(Decimal::from);
    let growth = (first.gross_spend > Decimal::ZERO).then(|| last.gross_spend / first.gross_spend);
    Some(Backtest {
        authority: a,
        from_ehcps,
        growth: s.demand.growth.start,
        forecast_ehcps: last.ehcps.round(),
        actual_ehcps,
        from_spend,
        forecast_spend: from_spend.zip(growth).map(|(spend, g)| (spend * g).round()),
        actual_spend: a.spend(2024).map(Decimal::from),
    })
}

/// Every council's backtest, in the order of the data.
pub fn all() -> Vec<Backtest> {
    AUTHORITIES.iter().filter_map(backtest).collect()
}

/// How good the forecasts were, over councils.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Councils with an EHCP forecast.
    pub councils: usize,
    /// The median absolute error in EHCPs, as a share.
    pub median_ehcps: Decimal,
    /// The share of councils whose EHCP forecast was within ±10%.
    pub within_ten_ehcps: Decimal,
    /// Councils with a spending forecast.
    pub spend_councils: usize,
    /// The median absolute error in spending, as a share.
    pub median_spend: Decimal,
    /// The share within ±10% on spending.
    pub within_ten_spend: Decimal,
}

fn median(mut v: Vec<Decimal>) -> Decimal {
    super::order::sort_small_by(&mut v, |a, b| a.cmp(b));
    match v.len() {
        0 => Decimal::ZERO,
        n if n % 2 == 1 => v[n / 2],
        n => ((v[n / 2 - 1] + v[n / 2]) / Decimal::TWO).round_dp(4),
    }
}

fn within(v: &[Decimal], limit: Decimal) -> Decimal {
    if v.is_empty() {
        return Decimal::ZERO;
    }
    let n = v.iter().filter(|e| **e <= limit).count();
    (Decimal::from(n) / Decimal::from(v.len())).round_dp(4)
}

/// The summary of `rows`.
pub fn summarise(rows: &[Backtest]) -> Summary {
    let ten = Decimal::new(1, 1);
    let e: Vec<Decimal> = rows
        .iter()
        .filter_map(|r| r.ehcps_error())
        .map(|x| x.abs())
        .collect();
    let s: Vec<Decimal> = rows
        .iter()
        .filter_map(|r| r.spend_error())
        .map(|x| x.abs())
        .collect();
    Summary {
        councils: e.len(),
        median_ehcps: median(e.clone()),
        within_ten_ehcps: within(&e, ten),
        spend_councils: s.len(),
        median_spend: median(s.clone()),
        within_ten_spend: within(&s, ten),
    }
}

/// The council's own line, for its preset: "From January 2022 this method
/// would have forecast 3,851 plans for January 2025; there were 1,199."
pub fn sentence(a: &'static Authority) -> Option<String> {
    let b = backtest(a)?;
    let off = b.ehcps_error()?;
    let how = if off.is_zero() {
        "exactly right".to_string()
    } else {
        format!(
            "{} {}",
            percent(off.abs(), 0),
            if off > Decimal::ZERO {
                "too many"
            } else {
                "too few"
            }
        )
    };
    Some(format!(
        "How well this method forecasts: from January 2022 it would have forecast {} plans for January 2025; there were {} ({how}).",
        count(b.forecast_ehcps),
        count(Decimal::from(b.actual_ehcps)),
    ))
}

/// Every council's backtest as CSV, one row a council.
pub fn csv(rows: &[Backtest]) -> String {
    let mut out = String::from(
        "code,name,ehcps_jan_2022,growth,forecast_ehcps_jan_2025,actual_ehcps_jan_2025,ehcps_error,spend_2021_22,forecast_spend_2024_25,actual_spend_2024_25,spend_error\n",
    );
    let opt = |d: Option<Decimal>| d.map_or(String::new(), |d| d.to_string());
    for r in rows {
        let name = r.authority.name.replace('"', "\"\"");
        out.push_str(&format!(
            "{},\"{name}\",{},{},{},{},{},{},{},{},{}\n",
            r.authority.code,
            r.from_ehcps,
            r.growth,
            r.forecast_ehcps,
            r.actual_ehcps,
            opt(r.ehcps_error()),
            opt(r.from_spend),
            opt(r.forecast_spend),
            opt(r.actual_spend),
            opt(r.spend_error()),
        ));
    }
    out
}

/// The check of the first-year spending recipe against what was published
/// (see [`crate::presets::council`]): for each council with the
/// figures, the overspend the recipe gives for 2022-23 and 2023-24 together
/// (spending lines 1.2 plus place funding, less the allocation before
/// deductions) set beside the change in its published DSG balance from the
/// end of 2021-22 to the end of 2023-24.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceFundingCheck {
    /// Councils with every figure needed.
    pub councils: usize,
    /// The median difference (recipe less published), in pounds.
    pub median: Decimal,
    /// The mean difference, in pounds.
    pub mean: Decimal,
    /// The median difference without any place funding added back.
    pub median_without: Decimal,
}

/// The check over every council.
pub fn place_funding_check() -> PlaceFundingCheck {
    use super::presets::council::place_funding;
    let mut with = Vec::new();
    let mut without = Vec::new();
    for a in AUTHORITIES.iter() {
        let over = |year: u16, funded: bool| -> Option<Decimal> {
            let children = places_share(a) * Decimal::from(a.ehcps_in(year + 1)?);
            let pf = if funded {
                place_funding(a, year, children).2
            } else {
                Decimal::ZERO
            };
            Some(Decimal::from(a.spend(year)?) + pf - Decimal::from(a.allocation(year)?))
        };
        let change = match (a.dsg_balance_2024, a.balance(2021)) {
            (Some(end), Some((start, _))) => Decimal::from(i64::from(end) - start),
            _ => continue,
        };
        let (Some(w0), Some(w1), Some(n0), Some(n1)) = (
            over(2022, true),
            over(2023, true),
            over(2022, false),
            over(2023, false),
        ) else {
            continue;
        };
        with.push(w0 + w1 - change);
        without.push(n0 + n1 - change);
    }
    let mean = if with.is_empty() {
        Decimal::ZERO
    } else {
        (with.iter().sum::<Decimal>() / Decimal::from(with.len())).round()
    };
    PlaceFundingCheck {
        councils: with.len(),
        median: median(with).round(),
        mean,
        median_without: median(without).round(),
    }
}

/// The share of the council's children (January of its placement year) in
/// settings with place funding.
fn places_share(a: &Authority) -> Decimal {
    let placed = a.placed();
    if placed == 0 {
        return Decimal::ZERO;
    }
    let counted: u32 = [1usize, 2, 4].iter().map(|i| a.placements[*i]).sum();
    Decimal::from(counted) / Decimal::from(placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backtest_is_whole_and_sound() {
        let rows = all();
        // Every council but the two formed in April 2023.
        assert_eq!(rows.len(), 151);
        let s = summarise(&rows);
        assert!(s.median_ehcps > Decimal::ZERO && s.median_ehcps < Decimal::new(2, 1));
        let newham = rows.iter().find(|r| r.authority.name == "Newham").unwrap();
        assert_eq!(newham.actual_ehcps, 1199);
        assert!(newham.ehcps_error().unwrap() > Decimal::ONE);
        let check = place_funding_check();
        assert!(check.councils >= 140, "{check:?}");
        assert!(check.median.abs() < check.median_without.abs(), "{check:?}");
    }
}
