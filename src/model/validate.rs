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

fn pct(d: Decimal) -> String {
    super::format::percent(d, 4)
}

fn money(d: Decimal) -> String {
    super::format::pounds(d)
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn range(
        &mut self,
        path: &str,
        what: &str,
        v: Decimal,
        lo: Decimal,
        hi: Decimal,
        show: fn(Decimal) -> String,
    ) {
        if v < lo || v > hi {
            self.push(
                path,
                format!(
                    "{what} must be between {} and {} (it is {})",
                    show(lo),
                    show(hi),
                    show(v)
                ),
            );
        }
    }

    fn rate(&mut self, path: &str, what: &str, v: Decimal) {
        self.range(path, what, v, MIN_RATE, MAX_RATE, pct);
    }

    fn amount(&mut self, path: &str, what: &str, v: Decimal, may_be_negative: bool) {
        let lo = if may_be_negative {
            -MAX_MONEY
        } else {
            Decimal::ZERO
        };
        if !may_be_negative && v < Decimal::ZERO {
            self.push(
                path,
                format!("{what} cannot be negative (it is {})", money(v)),
            );
        } else {
            self.range(path, what, v, lo, MAX_MONEY, money);
        }
    }

    fn count(&mut self, path: &str, what: &str, v: Decimal) {
        if v < Decimal::ZERO {
            self.push(path, format!("{what} cannot be negative"));
        } else if v > MAX_COUNT {
            self.push(path, format!("{what} must be at most 2,000,000"));
        }
    }

    fn text(&mut self, path: &str, what: &str, t: &str, required: bool) {
        if required && t.trim().is_empty() {
            self.push(path, format!("Enter {what}"));
        } else if t.chars().count() > MAX_TEXT {
            self.push(
                path,
                format!("{what} must be at most {MAX_TEXT} characters"),
            );
        }
    }

    fn items(&mut self, path: &str, what: &str, n: usize) {
        if n > MAX_ITEMS {
            self.push(
                path,
                format!("At most {MAX_ITEMS} {what} are allowed (there are {n})"),
            );
        }
    }

    fn by_year(
        &mut self,
        base: &str,
        what: &str,
        m: &ByYear,
        check: impl Fn(&mut Self, &str, &str, Decimal),
    ) {
        for (year, v) in m {
            check(
                self,
                &format!("{base}.{year}"),
                &format!("{what} in {year}"),
                *v,
            );
        }
    }

    fn series(&mut self, base: &str, what: &str, s: &Series, may_be_negative: bool) {
        self.amount(&format!("{base}.first"), what, s.first, may_be_negative);
        self.rate(
            &format!("{base}.growth"),
            &format!("Yearly growth of {}", what.to_lowercase()),
            s.growth,
        );
        self.by_year(
            &format!("{base}.by_year"),
            what,
            &s.by_year,
            |c, p, w, v| c.amount(p, w, v, may_be_negative),
        );
    }

    fn growth(&mut self, base: &str, what: &str, g: &Growth) {
        self.rate(
            &format!("{base}.start"),
            &format!("{what} at the start"),
            g.start,
        );
        self.rate(&format!("{base}.end"), &format!("{what} at the end"), g.end);
        self.by_year(
            &format!("{base}.by_year"),
            what,
            &g.by_year,
            |c, p, w, v| c.rate(p, w, v),
        );
    }

    fn lines(&mut self, base: &str, what: &str, ls: &[Line]) {
        self.items(base, what, ls.len());
        for (i, l) in ls.iter().enumerate() {
            let p = format!("{base}[{i}]");
            self.text(&format!("{p}.name"), "a name", &l.name, true);
            let label = if l.name.trim().is_empty() {
                what.to_string()
            } else {
                l.name.clone()
            };
            self.series(&format!("{p}.amount"), &label, &l.amount, false);
        }
    }

    fn shares(&mut self, path: &str, when: &str, shares: &PerSetting<Decimal>) {
        let mut total = Decimal::ZERO;
        for (setting, v) in shares.iter() {
            if *v < Decimal::ZERO || *v > Decimal::ONE {
                self.push(
                    format!("{path}.{}", setting.id()),
                    format!(
                        "{} share {when} must be between 0% and 100%",
                        setting.label()
                    ),
                );
            }
            total += (*v).clamp(Decimal::ZERO, Decimal::ONE);
        }
        if (total - Decimal::ONE).abs() > SHARE_TOLERANCE {
            self.push(
                path.to_string(),
                format!(
                    "Shares {when} must add up to 100% (they add up to {})",
                    pct(total.round_dp(6))
                ),
            );
        }
    }

    fn in_horizon(&mut self, path: &str, what: &str, y: FinYear, s: &Scenario) {
        if s.about.index_of(y).is_none() {
            self.push(
                path,
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
                "version",
                format!("This calculator reads scenario version {SCENARIO_VERSION}; this one is version {}", s.version),
            );
        }
        let a = &s.about;
        self.text(
            "about.authority",
            "the authority's name",
            &a.authority,
            false,
        );
        self.text("about.notes", "Notes", &a.notes, false);
        if a.years == 0 || a.years > MAX_YEARS {
            self.push(
                "about.years",
                format!(
                    "The number of years must be between 1 and {MAX_YEARS} (it is {})",
                    a.years
                ),
            );
        } else if a.first_year.start() + u16::from(a.years) - 1 > super::year::MAX_YEAR {
            self.push("about.years", "The projection must end by 2100-01");
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
            "opening_deficit",
            "The opening deficit",
            s.opening_deficit,
            true,
        );

        let inc = &s.income;
        self.series(
            "income.hnb",
            "The High Needs Block allocation",
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
                    "income.schools_block_transfer.rate",
                    "The Schools Block transfer",
                    *rate,
                    Decimal::ZERO,
                    MAX_TRANSFER,
                    pct,
                );
                self.series(
                    "income.schools_block_transfer.schools_block",
                    "The Schools Block",
                    schools_block,
                    false,
                );
            }
            Transfer::Amount { amount } => {
                self.series(
                    "income.schools_block_transfer.amount",
                    "The Schools Block transfer",
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

        self.count("demand.ehcps", "The number of EHCPs", s.demand.ehcps);
        self.growth("demand.growth", "EHCP growth", &s.demand.growth);
        self.growth(
            "baseline.growth",
            "Baseline EHCP growth",
            &s.baseline.growth,
        );

        let pl = &s.placements;
        self.shares(
            "placements.settings.share_now",
            "now",
            &pl.settings.map(|_, p| p.share_now),
        );
        self.shares(
            "placements.settings.share_plan",
            "in the plan",
            &pl.settings.map(|_, p| p.share_plan),
        );
        for (setting, p) in pl.settings.iter() {
            let base = format!("placements.settings.{}", setting.id());
            let name = setting.label();
            self.range(
                &format!("{base}.cost"),
                &format!("Cost per child in {name}"),
                p.cost,
                Decimal::ZERO,
                MAX_COST,
                money,
            );
            self.rate(
                &format!("{base}.inflation"),
                &format!("Yearly cost inflation in {name}"),
                p.inflation,
            );
            if let Some(places) = &p.places {
                self.count(
                    &format!("{base}.places.now"),
                    &format!("Places in {name}"),
                    places.now,
                );
                self.by_year(
                    &format!("{base}.places.new_by_year"),
                    &format!("New places in {name}"),
                    &places.new_by_year,
                    |c, p, w, v| c.count(p, w, v),
                );
                let target = places.overflow_to;
                if target == setting {
                    self.push(
                        format!("{base}.places.overflow_to"),
                        format!("{name} cannot overflow into itself"),
                    );
                } else if pl.settings[target].places.is_some() {
                    self.push(
                        format!("{base}.places.overflow_to"),
                        format!("{name} overflows into {}, which has limited places itself; choose a setting without a limit", target.label()),
                    );
                }
            }
        }
        for (year, mix) in &pl.waypoints {
            let base = format!("placements.waypoints.{year}");
            if *year <= a.first_year || *year >= pl.target_year {
                self.push(
                    base.clone(),
                    format!(
                        "A published mix for {year} must fall after {} and before the target year {}",
                        a.first_year, pl.target_year
                    ),
                );
            }
            self.shares(&base, &format!("in {year}"), mix);
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
                &format!("savings.confidence.{name}"),
                "Delivery confidence",
                v,
                Decimal::ZERO,
                Decimal::ONE,
                pct,
            );
        }
        self.items("savings.projects", "projects", sp.projects.len());
        for (i, p) in sp.projects.iter().enumerate() {
            let base = format!("savings.projects[{i}]");
            self.text(&format!("{base}.name"), "the project's name", &p.name, true);
            self.text(
                &format!("{base}.reference"),
                "The reference",
                &p.reference,
                false,
            );
            self.text(
                &format!("{base}.workstream"),
                "The workstream",
                &p.workstream,
                false,
            );
            let label = if p.name.trim().is_empty() {
                format!("Project {}", i + 1)
            } else {
                p.name.clone()
            };
            self.by_year(
                &format!("{base}.savings"),
                &format!("The saving from {label}"),
                &p.savings,
                |c, p, w, v| c.amount(p, w, v, true),
            );
            self.by_year(
                &format!("{base}.achieved"),
                &format!("The achieved saving from {label}"),
                &p.achieved,
                |c, p, w, v| c.amount(p, w, v, true),
            );
            if let Some(c) = p.confidence {
                self.range(
                    &format!("{base}.confidence"),
                    &format!("Delivery confidence for {label}"),
                    c,
                    Decimal::ZERO,
                    Decimal::ONE,
                    pct,
                );
            }
        }

        let ag = &s.agreement;
        self.by_year(
            "agreement.payments",
            "The DfE payment",
            &ag.payments,
            |c, p, w, v| c.amount(p, w, v, false),
        );
        self.by_year(
            "agreement.agreed_path",
            "The agreed deficit",
            &ag.agreed_path,
            |c, p, w, v| c.amount(p, w, v, true),
        );
        if s.sources.len() > MAX_SOURCES {
            self.push(
                "sources",
                format!("At most {MAX_SOURCES} sources are allowed"),
            );
        }
        for (path, src) in &s.sources {
            if path.len() > MAX_TEXT || src.detail.chars().count() > MAX_SOURCE_TEXT {
                self.push(
                    format!("sources.{}", path.chars().take(MAX_TEXT).collect::<String>()),
                    format!("A source must be at most {MAX_SOURCE_TEXT} characters, for a path of at most {MAX_TEXT}"),
                );
            }
        }
    }
}
