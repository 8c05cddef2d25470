//! Validation: every problem in a scenario at once, each naming its field's
//! path and saying what is allowed.
//!
//! The bounds also make the projection's arithmetic safe: with at most 15
//! years, growth and inflation of at most +100% a year, at most 2,000,000
//! EHCPs and costs of at most £2m a child, no intermediate figure comes near
//! `Decimal`'s limit of about 7.9 × 10²⁸ (see the `extreme_inputs` test).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;

use super::scenario::{ByYear, Growth, Line, SCENARIO_VERSION, Scenario, Series, Transfer};
use super::setting::PerSetting;
use super::year::FinYear;

/// The most years a projection covers.
pub const MAX_YEARS: u8 = 15;
/// Largest amount of money accepted anywhere (£10bn).
pub const MAX_MONEY: Decimal = dec!(10_000_000_000);
/// Largest annual cost per child (£2m).
pub const MAX_COST: Decimal = dec!(2_000_000);
/// Largest count of EHCPs or places.
pub const MAX_COUNT: Decimal = dec!(2_000_000);
/// Lowest growth or inflation rate (−50%).
pub const MIN_RATE: Decimal = dec!(-0.5);
/// Highest growth or inflation rate (+100%).
pub const MAX_RATE: Decimal = dec!(1);
/// Highest Schools Block transfer (10%; above 0.5% needs the Secretary of State).
pub const MAX_TRANSFER: Decimal = dec!(0.1);
/// How far shares may sum from 100% (0.01 percentage points).
pub const SHARE_TOLERANCE: Decimal = dec!(0.0001);
/// Longest name or label.
pub const MAX_TEXT: usize = 200;
/// Most projects, spend lines or contributions.
pub const MAX_ITEMS: usize = 100;
/// Most sources a scenario may cite.
pub const MAX_SOURCES: usize = 2_000;
/// Longest source text.
pub const MAX_SOURCE_TEXT: usize = 1_000;

/// One thing wrong with a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field's path, e.g. `placements.settings.inmss.share_now`.
    pub path: String,
    /// What is wrong and what is allowed, in words.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem in `s`; empty when it can be projected.
pub fn validate(s: &Scenario) -> Vec<Problem> {
    let mut v = Checker::default();
    v.scenario(s);
    v.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

/// A path or a field's name in words, built only when there is a problem
/// to report: validation runs on every keystroke, and most inputs are fine.
type Lazy<'a> = &'a dyn Fn() -> String;

fn pct(d: Decimal) -> String {
    super::format::percent(d, 4)
}

fn money(d: Decimal) -> String {
    super::format::pounds(d)
}

impl Checker {
    fn push(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    fn range(
        &mut self,
        path: Lazy,
        what: Lazy,
        v: Decimal,
        lo: Decimal,
        hi: Decimal,
        show: fn(Decimal) -> String,
    ) {
        if v < lo || v > hi {
            let message = format!(
                "{} must be between {} and {} (it is {})",
                what(),
                show(lo),
                show(hi),
                show(v)
            );
            self.push(path(), message);
        }
    }

    fn rate(&mut self, path: Lazy, what: Lazy, v: Decimal) {
        self.range(path, what, v, MIN_RATE, MAX_RATE, pct);
    }

    fn amount(&mut self, path: Lazy, what: Lazy, v: Decimal, may_be_negative: bool) {
        if !may_be_negative && v < Decimal::ZERO {
            let message = format!("{} cannot be negative (it is {})", what(), money(v));
            self.push(path(), message);
        } else {
            let lo = if may_be_negative {
                -MAX_MONEY
            } else {
                Decimal::ZERO
            };
            self.range(path, what, v, lo, MAX_MONEY, money);
        }
    }

    fn count(&mut self, path: Lazy, what: Lazy, v: Decimal) {
        if v < Decimal::ZERO {
            let message = format!("{} cannot be negative", what());
            self.push(path(), message);
        } else if v > MAX_COUNT {
            let message = format!("{} must be at most 2,000,000", what());
            self.push(path(), message);
        }
    }

    fn text(&mut self, path: Lazy, what: &str, t: &str, required: bool) {
        if required && t.trim().is_empty() {
            self.push(path(), format!("Enter {what}"));
        } else if t.len() > MAX_TEXT && t.chars().count() > MAX_TEXT {
            self.push(
                path(),
                format!("{what} must be at most {MAX_TEXT} characters"),
            );
        }
    }

    fn items(&mut self, path: &str, what: &str, n: usize) {
        if n > MAX_ITEMS {
            self.push(
                path.to_string(),
                format!("At most {MAX_ITEMS} {what} are allowed (there are {n})"),
            );
        }
    }

    fn by_year(
        &mut self,
        base: Lazy,
        what: Lazy,
        m: &ByYear,
        check: impl Fn(&mut Self, Lazy, Lazy, Decimal),
    ) {
        for (year, v) in m {
            check(
                self,
                &|| format!("{}.{year}", base()),
                &|| format!("{} in {year}", what()),
                *v,
            );
        }
    }

    fn series(&mut self, base: Lazy, what: Lazy, s: &Series, may_be_negative: bool) {
        self.amount(
            &|| format!("{}.first", base()),
            what,
            s.first,
            may_be_negative,
        );
        self.rate(
            &|| format!("{}.growth", base()),
            &|| format!("Yearly growth of {}", what().to_ascii_lowercase()),
            s.growth,
        );
        self.by_year(
            &|| format!("{}.by_year", base()),
            what,
            &s.by_year,
            |c, p, w, v| c.amount(p, w, v, may_be_negative),
        );
    }

    fn growth(&mut self, base: &str, what: &str, g: &Growth) {
        self.rate(
            &|| format!("{base}.start"),
            &|| format!("{what} at the start"),
            g.start,
        );
        self.rate(
            &|| format!("{base}.end"),
            &|| format!("{what} at the end"),
            g.end,
        );
        self.by_year(
            &|| format!("{base}.by_year"),
            &|| what.to_string(),
            &g.by_year,
            |c, p, w, v| c.rate(p, w, v),
        );
    }

    fn lines(&mut self, base: &str, what: &str, ls: &[Line]) {
        self.items(base, what, ls.len());
        for (i, l) in ls.iter().enumerate() {
            self.text(&|| format!("{base}[{i}].name"), "a name", &l.name, true);
            let label = || {
                if l.name.trim().is_empty() {
                    what.to_string()
                } else {
                    l.name.clone()
                }
            };
            self.series(&|| format!("{base}[{i}].amount"), &label, &l.amount, false);
        }
    }

    fn shares(&mut self, path: Lazy, when: Lazy, shares: &PerSetting<Decimal>) {
        let mut total = Decimal::ZERO;
        for (setting, v) in shares.iter() {
            if *v < Decimal::ZERO || *v > Decimal::ONE {
                let message = format!(
                    "{} share {} must be between 0% and 100%",
                    setting.label(),
                    when()
                );
                self.push(format!("{}.{}", path(), setting.id()), message);
            }
            total += (*v).clamp(Decimal::ZERO, Decimal::ONE);
        }
        if (total - Decimal::ONE).abs() > SHARE_TOLERANCE {
            let message = format!(
                "Shares {} must add up to 100% (they add up to {})",
                when(),
                pct(total.round_dp(6))
            );
            self.push(path(), message);
        }
    }

    fn in_horizon(&mut self, path: &str, what: &str, y: FinYear, s: &Scenario) {
        if s.about.index_of(y).is_none() {
            self.push(
                path.to_string(),
                format!(
                    "{what} must be between {} and {} (it is {y})",
                    s.about.first_year,
                    s.about.last_year()
                ),
            );
        }
    }

    fn scenario(&mut self, s: &Scenario) {
        if s.version != SCENARIO_VERSION {
            self.push(
                "version".into(),
                format!("This calculator reads scenario version {SCENARIO_VERSION}; this one is version {}", s.version),
            );
        }
        let a = &s.about;
        self.text(
            &|| "about.authority".into(),
            "The authority's name",
            &a.authority,
            false,
        );
        self.text(&|| "about.notes".into(), "Notes", &a.notes, false);
        if a.years == 0 || a.years > MAX_YEARS {
            self.push(
                "about.years".into(),
                format!(
                    "The number of years must be between 1 and {MAX_YEARS} (it is {})",
                    a.years
                ),
            );
        } else if a.first_year.start() + u16::from(a.years) - 1 > super::year::MAX_YEAR {
            self.push(
                "about.years".into(),
                "The projection must end by 2100-01".into(),
            );
        } else {
            self.in_horizon(
                "about.agreement_end",
                "The agreement end",
                a.agreement_end,
                s,
            );
            self.in_horizon(
                "placements.target_year",
                "The plan's target year",
                s.placements.target_year,
                s,
            );
        }
        self.amount(
            &|| "opening_deficit".into(),
            &|| "The opening deficit".into(),
            s.opening_deficit,
            true,
        );

        let inc = &s.income;
        self.series(
            &|| "income.hnb".into(),
            &|| "The High Needs Block allocation".into(),
            &inc.hnb,
            false,
        );
        match &inc.schools_block_transfer {
            Transfer::None => {}
            Transfer::Percent {
                rate,
                schools_block,
            } => {
                self.range(
                    &|| "income.schools_block_transfer.rate".into(),
                    &|| "The Schools Block transfer".into(),
                    *rate,
                    Decimal::ZERO,
                    MAX_TRANSFER,
                    pct,
                );
                self.series(
                    &|| "income.schools_block_transfer.schools_block".into(),
                    &|| "The Schools Block".into(),
                    schools_block,
                    false,
                );
            }
            Transfer::Amount { amount } => {
                self.series(
                    &|| "income.schools_block_transfer.amount".into(),
                    &|| "The Schools Block transfer".into(),
                    amount,
                    false,
                );
            }
        }
        self.lines(
            "income.other_contributions",
            "contributions",
            &inc.other_contributions,
        );

        self.count(
            &|| "demand.ehcps".into(),
            &|| "The number of EHCPs".into(),
            s.demand.ehcps,
        );
        self.growth("demand.growth", "EHCP growth", &s.demand.growth);
        self.growth(
            "baseline.growth",
            "Baseline EHCP growth",
            &s.baseline.growth,
        );

        let pl = &s.placements;
        self.shares(
            &|| "placements.settings.share_now".into(),
            &|| "now".into(),
            &pl.settings.map(|_, p| p.share_now),
        );
        self.shares(
            &|| "placements.settings.share_plan".into(),
            &|| "in the plan".into(),
            &pl.settings.map(|_, p| p.share_plan),
        );
        for (setting, p) in pl.settings.iter() {
            let id = setting.id();
            let name = setting.label();
            self.range(
                &|| format!("placements.settings.{id}.cost"),
                &|| format!("Cost per child in {name}"),
                p.cost,
                Decimal::ZERO,
                MAX_COST,
                money,
            );
            self.rate(
                &|| format!("placements.settings.{id}.inflation"),
                &|| format!("Yearly cost inflation in {name}"),
                p.inflation,
            );
            if let Some(places) = &p.places {
                self.count(
                    &|| format!("placements.settings.{id}.places.now"),
                    &|| format!("Places in {name}"),
                    places.now,
                );
                self.by_year(
                    &|| format!("placements.settings.{id}.places.new_by_year"),
                    &|| format!("New places in {name}"),
                    &places.new_by_year,
                    |c, p, w, v| c.count(p, w, v),
                );
                let target = places.overflow_to;
                if target == setting {
                    self.push(
                        format!("placements.settings.{id}.places.overflow_to"),
                        format!("{name} cannot overflow into itself"),
                    );
                } else if pl.settings[target].places.is_some() {
                    self.push(
                        format!("placements.settings.{id}.places.overflow_to"),
                        format!(
                            "{name} overflows into {}, which has limited places itself; choose a setting without a limit",
                            target.label()
                        ),
                    );
                }
            }
        }
        for (year, mix) in &pl.waypoints {
            if *year <= a.first_year || *year >= pl.target_year {
                self.push(
                    format!("placements.waypoints.{year}"),
                    format!(
                        "A published mix for {year} must fall after {} and before the target year {}",
                        a.first_year, pl.target_year
                    ),
                );
            }
            self.shares(
                &|| format!("placements.waypoints.{year}"),
                &|| format!("in {year}"),
                mix,
            );
        }

        self.lines("other_spend", "spend lines", &s.other_spend);

        let sp = &s.savings;
        for (name, v) in [
            ("complete", sp.confidence.complete),
            ("on_track", sp.confidence.on_track),
            ("delayed", sp.confidence.delayed),
            ("at_risk", sp.confidence.at_risk),
        ] {
            self.range(
                &|| format!("savings.confidence.{name}"),
                &|| "Delivery confidence".into(),
                v,
                Decimal::ZERO,
                Decimal::ONE,
                pct,
            );
        }
        self.items("savings.projects", "projects", sp.projects.len());
        for (i, p) in sp.projects.iter().enumerate() {
            self.text(
                &|| format!("savings.projects[{i}].name"),
                "the project's name",
                &p.name,
                true,
            );
            self.text(
                &|| format!("savings.projects[{i}].reference"),
                "The reference",
                &p.reference,
                false,
            );
            self.text(
                &|| format!("savings.projects[{i}].workstream"),
                "The workstream",
                &p.workstream,
                false,
            );
            let label = || {
                if p.name.trim().is_empty() {
                    format!("project {}", i + 1)
                } else {
                    p.name.clone()
                }
            };
            self.by_year(
                &|| format!("savings.projects[{i}].savings"),
                &|| format!("The saving from {}", label()),
                &p.savings,
                |c, p, w, v| c.amount(p, w, v, true),
            );
            self.by_year(
                &|| format!("savings.projects[{i}].achieved"),
                &|| format!("The achieved saving from {}", label()),
                &p.achieved,
                |c, p, w, v| c.amount(p, w, v, true),
            );
            if let Some(c) = p.confidence {
                self.range(
                    &|| format!("savings.projects[{i}].confidence"),
                    &|| format!("Delivery confidence for {}", label()),
                    c,
                    Decimal::ZERO,
                    Decimal::ONE,
                    pct,
                );
            }
        }

        let ag = &s.agreement;
        self.by_year(
            &|| "agreement.payments".into(),
            &|| "The DfE payment".into(),
            &ag.payments,
            |c, p, w, v| c.amount(p, w, v, false),
        );
        self.by_year(
            &|| "agreement.agreed_path".into(),
            &|| "The agreed deficit".into(),
            &ag.agreed_path,
            |c, p, w, v| c.amount(p, w, v, true),
        );
        if s.sources.len() > MAX_SOURCES {
            self.push(
                "sources".into(),
                format!("At most {MAX_SOURCES} sources are allowed"),
            );
        }
        for (path, src) in &s.sources {
            if path.len() > MAX_TEXT || src.detail.len() > MAX_SOURCE_TEXT {
                self.push(
                    format!("sources.{}", path.chars().take(MAX_TEXT).collect::<String>()),
                    format!("A source must be at most {MAX_SOURCE_TEXT} bytes, for a path of at most {MAX_TEXT}"),
                );
            }
        }
    }
}
