//! The projection (docs/MODEL.md §5, "The projection, year by year"): the same function runs on
//! the baseline levers (unmitigated) and on the plan's (mitigated).
//!
//! Rules the spec leaves open, as implemented here:
//! - Growth for year `y ≥ 1` is the explicit rate for that year if given,
//!   else a straight line from `start` (into the second year) to `end`
//!   (into the last year).
//! - The placement mix runs in straight lines from today's shares (first
//!   year) through any published waypoints to the planned shares (target
//!   year), and is held after it.
//! - Places in a year are the places now plus new places opening in that
//!   year or earlier within the horizon; only the plan opens new places.
//!   Children beyond the places go to the overflow setting at its cost.
//!   Empty places cost nothing here (place funding is not modelled apart
//!   from top-ups).
//! - A project's counted saving in a year is its reported achieved saving
//!   where there is one, else its planned saving times its confidence.
//! - A payment is withheld only when payments are conditional, the year has
//!   an agreed figure and the cumulative deficit is above it by more than
//!   the tolerance `τ` (a difference within the precision the path was
//!   published to is rounding, not a missed target).
//!
//! Precision: in `Decimal`, interpolation fractions and growth steps are
//! kept to 10 decimal places, EHCPs to 8, and costs per child and grown
//! amounts to 6 (a millionth of a pound). Without this, compounding and interpolation
//! fill all 28 digits and every product takes the slow path; with it, an
//! intermediate figure moves by at most a penny in the most extreme valid
//! scenario and by far less in any real one. Sums and the deficit itself are
//! exact.

use rust_decimal::Decimal;

use super::num::Num;
use super::scenario::{ByYear, Growth, Scenario, Series, Transfer};
use super::setting::{PerSetting, Setting};
use super::validate::{Problem, validate};
use super::year::FinYear;

/// Which version of the levers a run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RunKind {
    /// The "do nothing" forecast.
    Unmitigated,
    /// The plan.
    Mitigated,
}

impl RunKind {
    /// The name used in CSV files.
    pub fn id(self) -> &'static str {
        match self {
            RunKind::Unmitigated => "unmitigated",
            RunKind::Mitigated => "mitigated",
        }
    }
}

/// One run's inputs, resolved year by year.
#[derive(Clone, Debug, PartialEq)]
pub struct Levers<N> {
    /// The years, in order.
    pub years: Vec<FinYear>,
    /// Cumulative deficit carried in.
    pub opening_deficit: N,
    /// EHCPs in the first year.
    pub ehcps: N,
    /// Growth into each year (the first is unused).
    pub growth: Vec<N>,
    /// EHCPs each year, when demand is by age (then `growth` is unused).
    pub ehcps_path: Option<Vec<N>>,
    /// Share of EHCPs wanting each setting, per year.
    pub shares: Vec<PerSetting<N>>,
    /// Cost per child in the first year.
    pub cost: PerSetting<N>,
    /// Yearly inflation of the cost per child.
    pub inflation: PerSetting<N>,
    /// Places available per year for limited settings.
    pub places: Vec<PerSetting<Option<N>>>,
    /// Where each limited setting overflows to.
    pub overflow_to: PerSetting<Setting>,
    /// Spend not tied to a placement, per year.
    pub other_spend: Vec<N>,
    /// Savings counted, per year.
    pub savings: Vec<N>,
    /// HNB allocation, per year.
    pub hnb: Vec<N>,
    /// Schools Block transfer, per year.
    pub transfer: Vec<N>,
    /// Other contributions, per year.
    pub contributions: Vec<N>,
    /// Safety Valve payment due, per year.
    pub payments: Vec<N>,
    /// Whether payments depend on the agreed path.
    pub conditional: bool,
    /// The agreed cumulative deficit, per year, where published.
    pub agreed: Vec<Option<N>>,
    /// How far above the agreed path the deficit may be and still be on
    /// track.
    pub tolerance: N,
}

/// One year of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<N> {
    /// The year.
    pub year: FinYear,
    /// EHCPs (January census).
    pub ehcps: N,
    /// Children placed in each setting, after overflow.
    pub children: PerSetting<N>,
    /// Children who could not be placed in each limited setting for want of
    /// places (they are counted in its overflow setting).
    pub overflowed: PerSetting<N>,
    /// Cost per child in each setting.
    pub cost_per_child: PerSetting<N>,
    /// Spend in each setting.
    pub spend: PerSetting<N>,
    /// Spend on placements.
    pub placement_spend: N,
    /// Other HNB spend.
    pub other_spend: N,
    /// Gross spend `G`.
    pub gross_spend: N,
    /// Savings counted `S`.
    pub savings: N,
    /// HNB allocation.
    pub hnb: N,
    /// Schools Block transfer.
    pub transfer: N,
    /// Other contributions.
    pub contributions: N,
    /// Income `I`.
    pub income: N,
    /// In-year balance `B = I − (G − S)`; positive is a surplus.
    pub in_year_balance: N,
    /// Cumulative deficit before Safety Valve funding `CD`.
    pub cumulative_deficit: N,
    /// Safety Valve payment due this year.
    pub sv_due: N,
    /// Safety Valve payment received `V` (0 when withheld).
    pub sv_payment: N,
    /// Whether a due payment was withheld.
    pub sv_withheld: bool,
    /// The agreed cumulative deficit, where published.
    pub agreed: Option<N>,
    /// Whether `CD` is at or below the agreed figure, where published.
    pub on_track: Option<bool>,
    /// Remaining deficit `R = CD − ΣV`.
    pub remaining_deficit: N,
}

/// Both runs of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// The "do nothing" forecast.
    pub unmitigated: Vec<Row<Decimal>>,
    /// The plan.
    pub mitigated: Vec<Row<Decimal>>,
    /// The published DSG balance at the end of each year, where there is
    /// one (the scenario's outturn): what happened, beside the plan's
    /// remaining deficit. Not computed; carried through for the page, the
    /// CSV and the words.
    pub published: Vec<Option<Decimal>>,
}

impl Projection {
    /// The rows of `run`.
    pub fn run(&self, run: RunKind) -> &[Row<Decimal>] {
        match run {
            RunKind::Unmitigated => &self.unmitigated,
            RunKind::Mitigated => &self.mitigated,
        }
    }
}

/// Validates `s` and projects both runs.
pub fn project(s: &Scenario) -> Result<Projection, Vec<Problem>> {
    let problems = validate(s);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Projection {
        unmitigated: simulate(&levers(s, RunKind::Unmitigated)),
        mitigated: simulate(&levers(s, RunKind::Mitigated)),
        published: s
            .about
            .years()
            .map(|y| s.outturn.dsg_balance.get(&y).copied())
            .collect(),
    })
}

fn n<N: Num>(d: Decimal) -> N {
    N::from_decimal(d)
}

/// Decimal places kept for shares and rates.
const RATE_DP: u32 = 10;
/// Decimal places kept for EHCPs.
const COUNT_DP: u32 = 8;
/// Decimal places kept for costs per child and grown amounts.
const MONEY_DP: u32 = 6;

/// A series year by year: an explicit figure where given, else the year
/// before grown at the series' rate (so growth carries on from an explicit
/// figure).
pub fn series<N: Num>(s: &Series, years: &[FinYear]) -> Vec<N> {
    let factor = N::ONE + n(s.growth);
    let mut out: Vec<N> = Vec::with_capacity(years.len());
    for year in years {
        let v = match (s.by_year.get(year), out.last()) {
            (Some(x), _) => n(*x),
            (None, Some(prev)) => (*prev * factor).trimmed(MONEY_DP),
            (None, None) => n(s.first),
        };
        out.push(v);
    }
    out
}

fn by_year<N: Num>(m: &ByYear, years: &[FinYear]) -> Vec<N> {
    years
        .iter()
        .map(|y| m.get(y).map_or(N::ZERO, |v| n(*v)))
        .collect()
}

/// Growth into each year; index 0 is unused (0).
pub fn growth_path(g: &Growth, years: &[FinYear]) -> Vec<Decimal> {
    let last = years.len().saturating_sub(1);
    // The line's yearly step, computed once.
    let step = if last > 1 {
        ((g.end - g.start) / Decimal::from(last - 1)).round_dp(RATE_DP)
    } else {
        Decimal::ZERO
    };
    years
        .iter()
        .enumerate()
        .map(|(y, year)| {
            if y == 0 {
                Decimal::ZERO
            } else if let Some(r) = g.by_year.get(year) {
                *r
            } else if y == last {
                g.end
            } else {
                g.start + step * Decimal::from(y - 1)
            }
        })
        .collect()
}

/// The placement mix in each year of the plan: straight lines from today's
/// shares through the waypoints to the planned shares.
pub fn mix_path(s: &Scenario, years: &[FinYear]) -> Vec<PerSetting<Decimal>> {
    let pl = &s.placements;
    let now = pl.settings.map(|_, p| p.share_now);
    let plan = pl.settings.map(|_, p| p.share_plan);
    let mut points: Vec<(FinYear, &PerSetting<Decimal>)> = vec![(s.about.first_year, &now)];
    points.extend(
        pl.waypoints
            .iter()
            .filter(|(y, _)| **y > s.about.first_year && **y < pl.target_year)
            .map(|(y, m)| (*y, m)),
    );
    if pl.target_year > s.about.first_year {
        points.push((pl.target_year, &plan));
    }
    years
        .iter()
        .map(|&year| {
            if year >= pl.target_year {
                return plan;
            }
            let i = points.iter().rposition(|(y, _)| *y <= year).unwrap_or(0);
            let (ya, a) = points[i];
            match points.get(i + 1) {
                Some(&(yb, b)) if yb > ya => {
                    // Rounding the fraction (not each share) keeps the
                    // shares short and, as the line is straight, still
                    // adding up to exactly what the two ends add up to.
                    let t = (Decimal::from(ya.years_until(year))
                        / Decimal::from(ya.years_until(yb)))
                    .round_dp(RATE_DP);
                    PerSetting::from_fn(|k| a.0[k] + (b.0[k] - a.0[k]) * t)
                }
                _ => *a,
            }
        })
        .collect()
}

fn normalise(mix: PerSetting<Decimal>) -> PerSetting<Decimal> {
    let total: Decimal = mix.0.iter().sum();
    if total.is_zero() || total == Decimal::ONE {
        mix
    } else {
        mix.map(|_, v| (*v / total).round_dp(RATE_DP))
    }
}

/// Resolves the inputs of `run` year by year.
pub fn levers<N: Num>(s: &Scenario, run: RunKind) -> Levers<N> {
    let years: Vec<FinYear> = s.about.years().collect();
    let len = years.len();
    let plan = run == RunKind::Mitigated;
    let growth = growth_path(
        if plan {
            &s.demand.growth
        } else {
            &s.baseline.growth
        },
        &years,
    );
    let shares: Vec<PerSetting<Decimal>> = if plan {
        mix_path(s, &years)
    } else {
        vec![s.placements.settings.map(|_, p| p.share_now); len]
    };
    // By age, the mix follows the ages' own settings, and the plan's change
    // to the mix (from today's) comes on top.
    let by_age = crate::age::run(s, plan);
    let shares: Vec<PerSetting<Decimal>> = match &by_age {
        Some(r) => shares
            .iter()
            .enumerate()
            .map(|(y, planned)| {
                let aged = r.mix(y);
                PerSetting::from_fn(|k| {
                    let now = s.placements.settings.0[k].share_now;
                    (aged.0[k] + planned.0[k] - now).max(Decimal::ZERO)
                })
            })
            .collect(),
        None => shares,
    };
    // Shares may sum to within 0.01 points of 100%; scale them to exactly
    // 100% so that every child is placed somewhere.
    let shares: Vec<PerSetting<Decimal>> = shares.into_iter().map(normalise).collect();
    let places: Vec<PerSetting<Option<N>>> = years
        .iter()
        .map(|&year| {
            s.placements.settings.map(|_, p| {
                p.places.as_ref().map(|pl| {
                    let mut total = pl.now;
                    if plan {
                        for (_, v) in pl
                            .new_by_year
                            .iter()
                            .filter(|(y, _)| **y >= s.about.first_year && **y <= year)
                        {
                            total += *v;
                        }
                    }
                    n(total)
                })
            })
        })
        .collect();
    let mut other_spend = vec![N::ZERO; len];
    for line in &s.other_spend {
        for (o, v) in other_spend
            .iter_mut()
            .zip(series::<N>(&line.amount, &years))
        {
            *o = *o + v;
        }
    }
    let mut contributions = vec![N::ZERO; len];
    for line in &s.income.other_contributions {
        for (o, v) in contributions
            .iter_mut()
            .zip(series::<N>(&line.amount, &years))
        {
            *o = *o + v;
        }
    }
    let transfer: Vec<N> = match (&s.income.schools_block_transfer, plan) {
        (_, false) | (Transfer::None, _) => vec![N::ZERO; len],
        (
            Transfer::Percent {
                rate,
                schools_block,
            },
            true,
        ) => series::<N>(schools_block, &years)
            .into_iter()
            .map(|b| b * n(*rate))
            .collect(),
        (Transfer::Amount { amount }, true) => series(amount, &years),
    };
    // Planned savings are summed per confidence level first (whole pounds
    // add quickly), then each sum is multiplied once.
    let mut by_confidence: Vec<(Decimal, Vec<Decimal>)> = Vec::new();
    let mut savings = vec![Decimal::ZERO; len];
    if plan {
        for p in &s.savings.projects {
            let confidence = p
                .confidence
                .unwrap_or_else(|| s.savings.confidence.of(p.status));
            let k = match by_confidence.iter().position(|(c, _)| *c == confidence) {
                Some(k) => k,
                None => {
                    by_confidence.push((confidence, vec![Decimal::ZERO; len]));
                    by_confidence.len() - 1
                }
            };
            for (year, planned) in &p.savings {
                if let Some(i) = s.about.index_of(*year)
                    && !p.achieved.contains_key(year)
                {
                    by_confidence[k].1[i] += *planned;
                }
            }
            for (year, done) in &p.achieved {
                if let Some(i) = s.about.index_of(*year) {
                    savings[i] += *done;
                }
            }
        }
        for (confidence, planned) in &by_confidence {
            for (total, p) in savings.iter_mut().zip(planned) {
                *total += *p * *confidence;
            }
        }
    }
    let savings: Vec<N> = savings.into_iter().map(n).collect();
    Levers {
        opening_deficit: n(s.opening_deficit),
        ehcps: n(s.demand.ehcps),
        growth: growth.into_iter().map(n).collect(),
        ehcps_path: by_age.map(|r| {
            r.stock
                .iter()
                .map(|a| n(crate::age::total(a).round_dp(COUNT_DP)))
                .collect()
        }),
        shares: shares.into_iter().map(|p| p.map(|_, v| n(*v))).collect(),
        cost: s.placements.settings.map(|_, p| n(p.cost)),
        inflation: s.placements.settings.map(|_, p| n(p.inflation)),
        places,
        overflow_to: s.placements.settings.map(|_, p| {
            p.places
                .as_ref()
                .map_or(Setting::Inmss, |pl| pl.overflow_to)
        }),
        other_spend,
        savings,
        hnb: series(&s.income.hnb, &years),
        transfer,
        contributions,
        payments: if plan {
            by_year(&s.agreement.payments, &years)
        } else {
            vec![N::ZERO; len]
        },
        conditional: s.agreement.conditional,
        agreed: years
            .iter()
            .map(|y| s.agreement.agreed_path.get(y).map(|v| n(*v)))
            .collect(),
        tolerance: n(s.agreement.tolerance),
        years,
    }
}

/// Runs the projection on resolved levers.
pub fn simulate<N: Num>(l: &Levers<N>) -> Vec<Row<N>> {
    let mut rows = Vec::with_capacity(l.years.len());
    let mut ehcps = l.ehcps;
    let mut cost = l.cost;
    let mut cd = l.opening_deficit;
    let mut paid = N::ZERO;
    for (y, &year) in l.years.iter().enumerate() {
        if let Some(path) = &l.ehcps_path {
            ehcps = path[y];
        }
        if y > 0 {
            if l.ehcps_path.is_none() {
                ehcps = (ehcps * (N::ONE + l.growth[y])).trimmed(COUNT_DP);
            }
            for (c, i) in cost.0.iter_mut().zip(&l.inflation.0) {
                *c = (*c * (N::ONE + *i)).trimmed(MONEY_DP);
            }
        }
        let mut children = PerSetting::from_fn(|k| ehcps * l.shares[y].0[k]);
        let mut overflowed = PerSetting::from_fn(|_| N::ZERO);
        for s in Setting::ALL {
            if let Some(places) = l.places[y][s] {
                let wanted = children[s];
                if wanted > places {
                    let excess = wanted - places;
                    children[s] = places;
                    overflowed[s] = excess;
                    let to = l.overflow_to[s];
                    children[to] = children[to] + excess;
                }
            }
        }
        let spend = PerSetting::from_fn(|k| children.0[k] * cost.0[k]);
        let placement_spend = spend.0.iter().fold(N::ZERO, |a, b| a + *b);
        let gross_spend = placement_spend + l.other_spend[y];
        let income = l.hnb[y] + l.transfer[y] + l.contributions[y];
        let balance = income - (gross_spend - l.savings[y]);
        cd = cd - balance;
        let agreed = l.agreed[y];
        let on_track = agreed.map(|a| cd <= a + l.tolerance);
        let withheld = l.conditional && on_track == Some(false) && l.payments[y] > N::ZERO;
        let payment = if withheld { N::ZERO } else { l.payments[y] };
        paid = paid + payment;
        rows.push(Row {
            year,
            ehcps,
            children,
            overflowed,
            cost_per_child: cost,
            spend,
            placement_spend,
            other_spend: l.other_spend[y],
            gross_spend,
            savings: l.savings[y],
            hnb: l.hnb[y],
            transfer: l.transfer[y],
            contributions: l.contributions[y],
            income,
            in_year_balance: balance,
            cumulative_deficit: cd,
            sv_due: l.payments[y],
            sv_payment: payment,
            sv_withheld: withheld,
            agreed,
            on_track,
            remaining_deficit: cd - paid,
        });
    }
    rows
}
