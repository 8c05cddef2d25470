//! Every input of a scenario as a typed field: its path in files, links and
//! messages (`Display` and `FromStr`), its value (`get`, `set`), what values
//! it allows ([`Bounds`]) and its name in words.
//!
//! This is the one place the path grammar lives:
//!
//! ```text
//! opening_deficit
//! income.hnb.{first|growth|by_year.YEAR}
//! income.schools_block_transfer.rate
//! income.schools_block_transfer.{schools_block|amount}.{first|growth|by_year.YEAR}
//! income.other_contributions[i].{name|amount.{first|growth|by_year.YEAR}}
//! demand.ehcps
//! {demand|baseline}.growth.{start|end|by_year.YEAR}
//! placements.settings.SETTING.{share_now|share_plan|cost|inflation|places.now|places.new_by_year.YEAR}
//! placements.waypoints.YEAR.SETTING
//! other_spend[i].{name|amount.{first|growth|by_year.YEAR}}
//! savings.confidence.{complete|on_track|delayed|at_risk}
//! savings.projects[i].{name|reference|workstream|confidence|savings.YEAR|achieved.YEAR}
//! agreement.{payments|agreed_path}.YEAR
//! agreement.tolerance
//! outturn.dsg_balance.YEAR
//! about.{authority|notes}
//! ```
//!
//! Every bound here is what validation enforces, and the bounds together
//! are what keep the projection's `Decimal` arithmetic from overflowing.
//! A value outside them is refused before anything computes with it.
#![deny(clippy::arithmetic_side_effects)]

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::format::{self, lower_first};
use super::scenario::{ByYear, Growth, Line, Scenario, Series, Status, Transfer};
use super::setting::Setting;
use super::year::FinYear;

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
/// Longest name or label.
pub const MAX_TEXT: usize = 200;

/// Which share of a setting: today's or the plan's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mix {
    /// Today's shares.
    Now,
    /// The planned shares.
    Plan,
}

impl Mix {
    /// The field name in a path.
    pub fn field(self) -> &'static str {
        match self {
            Mix::Now => "share_now",
            Mix::Plan => "share_plan",
        }
    }

    /// Words for when: "now" or "in the plan".
    pub fn when(self) -> &'static str {
        match self {
            Mix::Now => "now",
            Mix::Plan => "in the plan",
        }
    }
}

/// Which growth line: the plan's or the baseline's (do nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Run {
    /// `demand.growth`.
    Plan,
    /// `baseline.growth`.
    Baseline,
}

/// A part of a [`Series`]: the first year's amount, its growth, or one
/// year's explicit amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// `first`.
    First,
    /// `growth`.
    Growth,
    /// `by_year.YEAR`.
    Year(FinYear),
}

/// A part of a [`Growth`] line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rate {
    /// `start`.
    Start,
    /// `end`.
    End,
    /// `by_year.YEAR`.
    Year(FinYear),
}

/// The text fields of a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProjectText {
    /// `name`.
    Name,
    /// `reference`.
    Reference,
    /// `workstream`.
    Workstream,
}

/// One input of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The deficit carried into the first year.
    OpeningDeficit,
    /// The High Needs Block allocation.
    Hnb(Part),
    /// The share of the Schools Block transferred.
    TransferRate,
    /// The Schools Block the transfer is a share of.
    SchoolsBlock(Part),
    /// The transfer as an amount of money.
    TransferAmount(Part),
    /// Contribution `i`'s amount.
    Contribution(usize, Part),
    /// Contribution `i`'s name.
    ContributionName(usize),
    /// EHCPs in the first year.
    Ehcps,
    /// Growth in EHCPs, in the plan or the baseline.
    Growth(Run, Rate),
    /// Growth in new EHCPs a year, by age, in the plan or the baseline.
    NewPlanGrowth(Run),
    /// The planned share of 11-year-olds in mainstream school, by age.
    SecondaryMainstream,
    /// A setting's share, today or in the plan.
    Share(Mix, Setting),
    /// A setting's cost per child.
    Cost(Setting),
    /// A setting's yearly cost inflation.
    Inflation(Setting),
    /// A limited setting's places in the first year.
    PlacesNow(Setting),
    /// New places in a limited setting in a year.
    NewPlaces(Setting, FinYear),
    /// A setting's share in a published mix on the way to the plan.
    Waypoint(FinYear, Setting),
    /// Other spend line `i`'s amount.
    OtherSpend(usize, Part),
    /// Other spend line `i`'s name.
    OtherSpendName(usize),
    /// The confidence counted for projects of a status.
    StatusConfidence(Status),
    /// Project `i`'s planned saving in a year.
    ProjectSaving(usize, FinYear),
    /// Project `i`'s achieved saving in a year.
    ProjectAchieved(usize, FinYear),
    /// Project `i`'s own confidence.
    ProjectConfidence(usize),
    /// Project `i`'s name, reference or workstream.
    ProjectText(usize, ProjectText),
    /// The DfE payment in a year.
    Payment(FinYear),
    /// The agreed deficit in a year.
    AgreedPath(FinYear),
    /// The published DSG balance at the end of a year.
    PublishedBalance(FinYear),
    /// The tolerance on the agreed path.
    Tolerance,
    /// The authority's name.
    Authority,
    /// Notes.
    Notes,
}

/// What kind of number a field holds, which decides how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A fraction shown as a percentage.
    Rate,
    /// Pounds.
    Money,
    /// Children or places.
    Count,
}

impl Measure {
    /// `v` in this measure's words (`4.5%`, `£23,907`, `1,250`), for any
    /// value at all: nothing here can overflow.
    pub fn show(self, v: Decimal) -> String {
        match self {
            Measure::Rate => format::percent(v, 4),
            Measure::Money => format::pounds(v),
            Measure::Count => format::count(v),
        }
    }

    /// `v` in words without rounding: "£2,000,000.4", "100.00001%".
    pub fn exact(self, v: Decimal) -> String {
        match self {
            Measure::Rate => format::percent(v, 28),
            Measure::Money | Measure::Count => {
                let whole = v.trunc();
                let rest = v.abs().fract().normalize().to_string();
                let frac = rest.strip_prefix('0').unwrap_or("");
                let sign = if v.is_sign_negative() && whole.is_zero() && !v.is_zero() {
                    "-"
                } else {
                    ""
                };
                let shown = if self == Measure::Money {
                    format::pounds(whole)
                } else {
                    format::count(whole)
                };
                format!("{sign}{shown}{frac}")
            }
        }
    }

    /// `v` in words for a message about it being out of `b`: rounded as
    /// usual, unless rounding would show it at or inside a bound.
    fn outside(self, v: Decimal, b: &Bounds) -> String {
        let shown = self.show(v);
        if shown == self.show(b.lo) || shown == self.show(b.hi) {
            self.exact(v)
        } else {
            shown
        }
    }
}

/// The values a numeric field allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// The least.
    pub lo: Decimal,
    /// The greatest.
    pub hi: Decimal,
    /// How its values are shown.
    pub measure: Measure,
    /// Words after a rate's range ("a year"), or empty.
    pub per: &'static str,
}

impl Bounds {
    /// Values from `lo` to `hi`, shown as `measure`, with `per` after a
    /// rate's range.
    pub const fn new(lo: Decimal, hi: Decimal, measure: Measure, per: &'static str) -> Self {
        Bounds {
            lo,
            hi,
            measure,
            per,
        }
    }

    /// Whether `v` is allowed.
    pub fn allows(&self, v: Decimal) -> bool {
        v >= self.lo && v <= self.hi
    }

    /// What is allowed, in words: "between -50% and 100% a year",
    /// "between £0 and £2,000,000", "at most 2,000,000".
    pub fn allowed(&self) -> String {
        let per = if self.per.is_empty() {
            String::new()
        } else {
            format!(" {}", self.per)
        };
        format!(
            "between {} and {}{per}",
            self.measure.show(self.lo),
            self.measure.show(self.hi)
        )
    }

    /// The message for `v` outside the bounds, with the field named
    /// `label`; `None` if `v` is allowed. `given` is how the value was
    /// written, shown when it is given (for text that is not a `Decimal`).
    pub fn problem(&self, label: &str, v: Decimal) -> Option<String> {
        if self.allows(v) {
            return None;
        }
        Some(if self.lo.is_zero() && v < Decimal::ZERO {
            format!(
                "{label} cannot be negative (it is {})",
                self.measure.outside(v, self)
            )
        } else {
            format!(
                "{label} must be {} (it is {})",
                self.allowed(),
                self.measure.outside(v, self)
            )
        })
    }

    /// The message for a value written as `given` that is too large or too
    /// small to be held at all (beyond about 7.9 × 10²⁸).
    pub fn beyond(&self, label: &str, given: &str) -> String {
        format!(
            "{label} must be {} (it is {})",
            self.allowed(),
            format::quote(given)
        )
    }
}

const RATE: Bounds = Bounds::new(MIN_RATE, MAX_RATE, Measure::Rate, "a year");
const FRACTION: Bounds = Bounds::new(Decimal::ZERO, Decimal::ONE, Measure::Rate, "");
const MONEY: Bounds = Bounds::new(Decimal::ZERO, MAX_MONEY, Measure::Money, "");
const SIGNED_MONEY: Bounds = Bounds::new(dec!(-10_000_000_000), MAX_MONEY, Measure::Money, "");
const COUNT: Bounds = Bounds::new(Decimal::ZERO, MAX_COUNT, Measure::Count, "");

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A number within bounds.
    Number(Bounds),
    /// Text of at most [`MAX_TEXT`] characters; `required` if it may not
    /// be empty.
    Text {
        /// Whether it may be empty.
        required: bool,
    },
}

/// Why a field could not be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no field “{0}” in this scenario")]
pub struct NoSuchField(pub String);

/// Why a path could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a field of a scenario")]
pub struct BadPath(pub String);

fn status_id(s: Status) -> &'static str {
    match s {
        Status::Complete => "complete",
        Status::OnTrack => "on_track",
        Status::Delayed => "delayed",
        Status::AtRisk => "at_risk",
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::First => f.write_str("first"),
            Part::Growth => f.write_str("growth"),
            Part::Year(y) => write!(f, "by_year.{y}"),
        }
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rate::Start => f.write_str("start"),
            Rate::End => f.write_str("end"),
            Rate::Year(y) => write!(f, "by_year.{y}"),
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::OpeningDeficit => f.write_str("opening_deficit"),
            Field::Hnb(p) => write!(f, "income.hnb.{p}"),
            Field::TransferRate => f.write_str("income.schools_block_transfer.rate"),
            Field::SchoolsBlock(p) => write!(f, "income.schools_block_transfer.schools_block.{p}"),
            Field::TransferAmount(p) => write!(f, "income.schools_block_transfer.amount.{p}"),
            Field::Contribution(i, p) => write!(f, "income.other_contributions[{i}].amount.{p}"),
            Field::ContributionName(i) => write!(f, "income.other_contributions[{i}].name"),
            Field::Ehcps => f.write_str("demand.ehcps"),
            Field::NewPlanGrowth(Run::Plan) => f.write_str("demand.by_age.new_growth"),
            Field::NewPlanGrowth(Run::Baseline) => f.write_str("demand.by_age.new_growth_baseline"),
            Field::SecondaryMainstream => f.write_str("demand.by_age.secondary_mainstream"),
            Field::Growth(Run::Plan, r) => write!(f, "demand.growth.{r}"),
            Field::Growth(Run::Baseline, r) => write!(f, "baseline.growth.{r}"),
            Field::Share(m, s) => write!(f, "placements.settings.{s}.{}", m.field()),
            Field::Cost(s) => write!(f, "placements.settings.{s}.cost"),
            Field::Inflation(s) => write!(f, "placements.settings.{s}.inflation"),
            Field::PlacesNow(s) => write!(f, "placements.settings.{s}.places.now"),
            Field::NewPlaces(s, y) => write!(f, "placements.settings.{s}.places.new_by_year.{y}"),
            Field::Waypoint(y, s) => write!(f, "placements.waypoints.{y}.{s}"),
            Field::OtherSpend(i, p) => write!(f, "other_spend[{i}].amount.{p}"),
            Field::OtherSpendName(i) => write!(f, "other_spend[{i}].name"),
            Field::StatusConfidence(st) => write!(f, "savings.confidence.{}", status_id(*st)),
            Field::ProjectSaving(i, y) => write!(f, "savings.projects[{i}].savings.{y}"),
            Field::ProjectAchieved(i, y) => write!(f, "savings.projects[{i}].achieved.{y}"),
            Field::ProjectConfidence(i) => write!(f, "savings.projects[{i}].confidence"),
            Field::ProjectText(i, t) => write!(
                f,
                "savings.projects[{i}].{}",
                match t {
                    ProjectText::Name => "name",
                    ProjectText::Reference => "reference",
                    ProjectText::Workstream => "workstream",
                }
            ),
            Field::Payment(y) => write!(f, "agreement.payments.{y}"),
            Field::AgreedPath(y) => write!(f, "agreement.agreed_path.{y}"),
            Field::PublishedBalance(y) => write!(f, "outturn.dsg_balance.{y}"),
            Field::Tolerance => f.write_str("agreement.tolerance"),
            Field::Authority => f.write_str("about.authority"),
            Field::Notes => f.write_str("about.notes"),
        }
    }
}

/// Splits `name[3]` into `("name", 3)`.
fn indexed(part: &str) -> Option<(&str, usize)> {
    let (name, rest) = part.split_once('[')?;
    let digits = rest.strip_suffix(']')?;
    // Plain digits only (no sign, no spaces), and no more than a list can hold.
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((name, digits.parse().ok()?))
}

fn year(s: &str) -> Option<FinYear> {
    // Only the canonical spelling, so that a path has one form.
    let y: FinYear = s.parse().ok()?;
    (y.to_string() == s).then_some(y)
}

fn part(rest: &[&str]) -> Option<Part> {
    match rest {
        ["first"] => Some(Part::First),
        ["growth"] => Some(Part::Growth),
        ["by_year", y] => Some(Part::Year(year(y)?)),
        _ => None,
    }
}

fn rate(rest: &[&str]) -> Option<Rate> {
    match rest {
        ["start"] => Some(Rate::Start),
        ["end"] => Some(Rate::End),
        ["by_year", y] => Some(Rate::Year(year(y)?)),
        _ => None,
    }
}

fn status(id: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|s| status_id(*s) == id)
}

fn parse(path: &str) -> Option<Field> {
    let parts: Vec<&str> = path.split('.').collect();
    Some(match parts.as_slice() {
        ["opening_deficit"] => Field::OpeningDeficit,
        ["income", "hnb", rest @ ..] => Field::Hnb(part(rest)?),
        ["income", "schools_block_transfer", "rate"] => Field::TransferRate,
        [
            "income",
            "schools_block_transfer",
            "schools_block",
            rest @ ..,
        ] => Field::SchoolsBlock(part(rest)?),
        ["income", "schools_block_transfer", "amount", rest @ ..] => {
            Field::TransferAmount(part(rest)?)
        }
        ["income", line, rest @ ..] => {
            let ("other_contributions", i) = indexed(line)? else {
                return None;
            };
            match rest {
                ["name"] => Field::ContributionName(i),
                ["amount", more @ ..] => Field::Contribution(i, part(more)?),
                _ => return None,
            }
        }
        ["demand", "ehcps"] => Field::Ehcps,
        ["demand", "by_age", "new_growth"] => Field::NewPlanGrowth(Run::Plan),
        ["demand", "by_age", "new_growth_baseline"] => Field::NewPlanGrowth(Run::Baseline),
        ["demand", "by_age", "secondary_mainstream"] => Field::SecondaryMainstream,
        ["demand", "growth", rest @ ..] => Field::Growth(Run::Plan, rate(rest)?),
        ["baseline", "growth", rest @ ..] => Field::Growth(Run::Baseline, rate(rest)?),
        ["placements", "settings", id, rest @ ..] => {
            let s = Setting::from_id(id)?;
            match rest {
                ["share_now"] => Field::Share(Mix::Now, s),
                ["share_plan"] => Field::Share(Mix::Plan, s),
                ["cost"] => Field::Cost(s),
                ["inflation"] => Field::Inflation(s),
                ["places", "now"] => Field::PlacesNow(s),
                ["places", "new_by_year", y] => Field::NewPlaces(s, year(y)?),
                _ => return None,
            }
        }
        ["placements", "waypoints", y, id] => Field::Waypoint(year(y)?, Setting::from_id(id)?),
        [line, rest @ ..] if line.starts_with("other_spend[") => {
            let (_, i) = indexed(line)?;
            match rest {
                ["name"] => Field::OtherSpendName(i),
                ["amount", more @ ..] => Field::OtherSpend(i, part(more)?),
                _ => return None,
            }
        }
        ["savings", "confidence", st] => Field::StatusConfidence(status(st)?),
        ["savings", project, rest @ ..] => {
            let ("projects", i) = indexed(project)? else {
                return None;
            };
            match rest {
                ["savings", y] => Field::ProjectSaving(i, year(y)?),
                ["achieved", y] => Field::ProjectAchieved(i, year(y)?),
                ["confidence"] => Field::ProjectConfidence(i),
                ["name"] => Field::ProjectText(i, ProjectText::Name),
                ["reference"] => Field::ProjectText(i, ProjectText::Reference),
                ["workstream"] => Field::ProjectText(i, ProjectText::Workstream),
                _ => return None,
            }
        }
        ["agreement", "payments", y] => Field::Payment(year(y)?),
        ["agreement", "agreed_path", y] => Field::AgreedPath(year(y)?),
        ["outturn", "dsg_balance", y] => Field::PublishedBalance(year(y)?),
        ["agreement", "tolerance"] => Field::Tolerance,
        ["about", "authority"] => Field::Authority,
        ["about", "notes"] => Field::Notes,
        _ => return None,
    })
}

impl FromStr for Field {
    type Err = BadPath;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() > 120 {
            return Err(BadPath(s.chars().take(60).collect()));
        }
        parse(s).ok_or_else(|| BadPath(s.to_string()))
    }
}

fn series_bounds(p: Part, may_be_negative: bool) -> Bounds {
    match p {
        Part::Growth => RATE,
        _ if may_be_negative => SIGNED_MONEY,
        _ => MONEY,
    }
}

fn series_words(what: &str, p: Part) -> String {
    match p {
        Part::First => format!("{what} in the first year"),
        Part::Growth => format!("Yearly growth of {}", lower_first(what)),
        Part::Year(y) => format!("{what} in {y}"),
    }
}

impl Field {
    /// What the field holds and allows.
    pub fn kind(self) -> Kind {
        Kind::Number(match self {
            Field::OpeningDeficit | Field::AgreedPath(_) | Field::PublishedBalance(_) => {
                SIGNED_MONEY
            }
            Field::ProjectSaving(..) | Field::ProjectAchieved(..) => SIGNED_MONEY,
            Field::Hnb(p)
            | Field::SchoolsBlock(p)
            | Field::TransferAmount(p)
            | Field::Contribution(_, p) => series_bounds(p, false),
            // A line of other spend may be a net credit (a correction that
            // brings the model's spending to a published outturn).
            Field::OtherSpend(_, p) => series_bounds(p, true),
            Field::TransferRate => Bounds::new(Decimal::ZERO, MAX_TRANSFER, Measure::Rate, ""),
            Field::Ehcps | Field::PlacesNow(_) | Field::NewPlaces(..) => COUNT,
            Field::Growth(..) | Field::NewPlanGrowth(_) | Field::Inflation(_) => RATE,
            Field::SecondaryMainstream => FRACTION,
            Field::Share(..) | Field::Waypoint(..) => FRACTION,
            Field::StatusConfidence(_) | Field::ProjectConfidence(_) => FRACTION,
            Field::Cost(_) => Bounds::new(Decimal::ZERO, MAX_COST, Measure::Money, ""),
            Field::Payment(_) | Field::Tolerance => MONEY,
            Field::ContributionName(_) | Field::OtherSpendName(_) => {
                return Kind::Text { required: true };
            }
            Field::ProjectText(_, t) => {
                return Kind::Text {
                    required: t == ProjectText::Name,
                };
            }
            Field::Authority | Field::Notes => return Kind::Text { required: false },
        })
    }

    /// The bounds of a numeric field; `None` for text.
    pub fn bounds(self) -> Option<Bounds> {
        match self.kind() {
            Kind::Number(b) => Some(b),
            Kind::Text { .. } => None,
        }
    }

    /// The field's name in words, as the start of a sentence, naming items
    /// of lists by their names in `s` (a project called "Inclusion", say).
    pub fn label(self, s: &Scenario) -> String {
        let project = |i: usize| s.savings.projects.get(i).map(|p| p.name.as_str());
        let contribution = |i: usize| s.income.other_contributions.get(i).map(|l| l.name.as_str());
        let spend = |i: usize| s.other_spend.get(i).map(|l| l.name.as_str());
        self.label_with(&|f| match f {
            Field::Contribution(i, _) | Field::ContributionName(i) => contribution(i),
            Field::OtherSpend(i, _) | Field::OtherSpendName(i) => spend(i),
            Field::ProjectSaving(i, _)
            | Field::ProjectAchieved(i, _)
            | Field::ProjectConfidence(i)
            | Field::ProjectText(i, _) => project(i),
            _ => None,
        })
    }

    /// The field's name in words, with `name` giving the name of the list
    /// item a field belongs to, where it has one (for readers that have no
    /// scenario yet).
    pub fn label_with<'a>(self, name: &dyn Fn(Field) -> Option<&'a str>) -> String {
        let named = |fallback: String| match name(self) {
            Some(n) if !format::clean(n).trim().is_empty() => {
                format::clean(n).chars().take(80).collect()
            }
            _ => fallback,
        };
        match self {
            Field::OpeningDeficit => "The deficit carried into the first year".into(),
            Field::Hnb(p) => series_words("The High Needs Block allocation", p),
            Field::TransferRate => "The share of the Schools Block transferred".into(),
            Field::SchoolsBlock(p) => series_words("The Schools Block", p),
            Field::TransferAmount(p) => series_words("The Schools Block transfer", p),
            Field::Contribution(i, p) => {
                series_words(&named(format!("Contribution {}", i.saturating_add(1))), p)
            }
            Field::ContributionName(i) => {
                format!("The name of contribution {}", i.saturating_add(1))
            }
            Field::Ehcps => "The number of EHCPs".into(),
            Field::NewPlanGrowth(Run::Plan) => "Growth in new EHCPs a year".into(),
            Field::NewPlanGrowth(Run::Baseline) => {
                "Growth in new EHCPs a year without the plan".into()
            }
            Field::SecondaryMainstream => {
                "Planned share of 11-year-olds with an EHCP in mainstream school".into()
            }
            Field::Growth(run, r) => {
                let what = match run {
                    Run::Plan => "EHCP growth",
                    Run::Baseline => "EHCP growth without the plan",
                };
                match r {
                    Rate::Start => format!("{what} at the start"),
                    Rate::End => format!("{what} at the end"),
                    Rate::Year(y) => format!("{what} into {y}"),
                }
            }
            Field::Share(m, s) => format!("{} share {}", s.label(), m.when()),
            Field::Cost(s) => format!("Cost per child in {}", s.label()),
            Field::Inflation(s) => format!("Yearly cost inflation in {}", s.label()),
            Field::PlacesNow(s) => format!("Places in {}", s.label()),
            Field::NewPlaces(s, y) => format!("New places in {} in {y}", s.label()),
            Field::Waypoint(y, s) => format!("{} share in {y}", s.label()),
            Field::OtherSpend(i, p) => series_words(
                &named(format!("Other spend line {}", i.saturating_add(1))),
                p,
            ),
            Field::OtherSpendName(i) => {
                format!("The name of other spend line {}", i.saturating_add(1))
            }
            Field::StatusConfidence(st) => {
                format!(
                    "Delivery confidence for {} projects",
                    lower_first(st.label())
                )
            }
            Field::ProjectSaving(i, y) => format!(
                "The saving from {} in {y}",
                named(format!("project {}", i.saturating_add(1)))
            ),
            Field::ProjectAchieved(i, y) => format!(
                "The achieved saving from {} in {y}",
                named(format!("project {}", i.saturating_add(1)))
            ),
            Field::ProjectConfidence(i) => format!(
                "Delivery confidence for {}",
                named(format!("project {}", i.saturating_add(1)))
            ),
            Field::ProjectText(i, t) => format!(
                "The {} of project {}",
                match t {
                    ProjectText::Name => "name",
                    ProjectText::Reference => "reference",
                    ProjectText::Workstream => "workstream",
                },
                i.saturating_add(1)
            ),
            Field::Payment(y) => format!("The DfE payment in {y}"),
            Field::AgreedPath(y) => format!("The agreed deficit in {y}"),
            Field::PublishedBalance(y) => format!("The published DSG balance at the end of {y}"),
            Field::Tolerance => "The tolerance on the agreed path".into(),
            Field::Authority => "The authority's name".into(),
            Field::Notes => "Notes".into(),
        }
    }

    /// The value of a numeric field in `s`, if `s` has it (a per-year
    /// figure may be absent; an item may not exist).
    pub fn get(self, s: &Scenario) -> Option<Decimal> {
        let series = |x: &Series, p: Part| match p {
            Part::First => Some(x.first),
            Part::Growth => Some(x.growth),
            Part::Year(y) => x.by_year.get(&y).copied(),
        };
        let growth = |g: &Growth, r: Rate| match r {
            Rate::Start => Some(g.start),
            Rate::End => Some(g.end),
            Rate::Year(y) => g.by_year.get(&y).copied(),
        };
        let pl = &s.placements.settings;
        match self {
            Field::OpeningDeficit => Some(s.opening_deficit),
            Field::Hnb(p) => series(&s.income.hnb, p),
            Field::TransferRate => match &s.income.schools_block_transfer {
                Transfer::Percent { rate, .. } => Some(*rate),
                _ => None,
            },
            Field::SchoolsBlock(p) => match &s.income.schools_block_transfer {
                Transfer::Percent { schools_block, .. } => series(schools_block, p),
                _ => None,
            },
            Field::TransferAmount(p) => match &s.income.schools_block_transfer {
                Transfer::Amount { amount } => series(amount, p),
                _ => None,
            },
            Field::Contribution(i, p) => series(&s.income.other_contributions.get(i)?.amount, p),
            Field::OtherSpend(i, p) => series(&s.other_spend.get(i)?.amount, p),
            Field::Ehcps => Some(s.demand.ehcps),
            Field::NewPlanGrowth(run) => s.demand.by_age.as_ref().map(|a| match run {
                Run::Plan => a.new_growth,
                Run::Baseline => a.new_growth_baseline,
            }),
            Field::SecondaryMainstream => s
                .demand
                .by_age
                .as_ref()
                .and_then(|a| a.secondary_mainstream),
            Field::Growth(Run::Plan, r) => growth(&s.demand.growth, r),
            Field::Growth(Run::Baseline, r) => growth(&s.baseline.growth, r),
            Field::Share(Mix::Now, st) => Some(pl[st].share_now),
            Field::Share(Mix::Plan, st) => Some(pl[st].share_plan),
            Field::Cost(st) => Some(pl[st].cost),
            Field::Inflation(st) => Some(pl[st].inflation),
            Field::PlacesNow(st) => pl[st].places.as_ref().map(|p| p.now),
            Field::NewPlaces(st, y) => pl[st].places.as_ref()?.new_by_year.get(&y).copied(),
            Field::Waypoint(y, st) => s.placements.waypoints.get(&y).map(|m| m[st]),
            Field::StatusConfidence(st) => Some(s.savings.confidence.of(st)),
            Field::ProjectSaving(i, y) => s.savings.projects.get(i)?.savings.get(&y).copied(),
            Field::ProjectAchieved(i, y) => s.savings.projects.get(i)?.achieved.get(&y).copied(),
            Field::ProjectConfidence(i) => s.savings.projects.get(i)?.confidence,
            Field::Payment(y) => s.agreement.payments.get(&y).copied(),
            Field::AgreedPath(y) => s.agreement.agreed_path.get(&y).copied(),
            Field::PublishedBalance(y) => s.outturn.dsg_balance.get(&y).copied(),
            Field::Tolerance => Some(s.agreement.tolerance),
            Field::ContributionName(_)
            | Field::OtherSpendName(_)
            | Field::ProjectText(..)
            | Field::Authority
            | Field::Notes => None,
        }
    }

    /// Writes a numeric field of `s`, creating a per-year entry (or a
    /// project's own confidence) if it is absent. Nothing is checked here:
    /// the page checks [`Field::bounds`] first, and validation after.
    pub fn set(self, s: &mut Scenario, value: Decimal) -> Result<(), NoSuchField> {
        let slot = self.slot(s).ok_or_else(|| NoSuchField(self.to_string()))?;
        *slot = value;
        Ok(())
    }

    fn slot(self, s: &mut Scenario) -> Option<&mut Decimal> {
        fn series(x: &mut Series, p: Part) -> &mut Decimal {
            match p {
                Part::First => &mut x.first,
                Part::Growth => &mut x.growth,
                Part::Year(y) => x.by_year.entry(y).or_insert(Decimal::ZERO),
            }
        }
        fn growth(g: &mut Growth, r: Rate) -> &mut Decimal {
            match r {
                Rate::Start => &mut g.start,
                Rate::End => &mut g.end,
                Rate::Year(y) => g.by_year.entry(y).or_insert(Decimal::ZERO),
            }
        }
        fn line(ls: &mut [Line], i: usize, p: Part) -> Option<&mut Decimal> {
            Some(series(&mut ls.get_mut(i)?.amount, p))
        }
        let pl = &mut s.placements.settings;
        Some(match self {
            Field::OpeningDeficit => &mut s.opening_deficit,
            Field::Hnb(p) => series(&mut s.income.hnb, p),
            Field::TransferRate => match &mut s.income.schools_block_transfer {
                Transfer::Percent { rate, .. } => rate,
                _ => return None,
            },
            Field::SchoolsBlock(p) => match &mut s.income.schools_block_transfer {
                Transfer::Percent { schools_block, .. } => series(schools_block, p),
                _ => return None,
            },
            Field::TransferAmount(p) => match &mut s.income.schools_block_transfer {
                Transfer::Amount { amount } => series(amount, p),
                _ => return None,
            },
            Field::Contribution(i, p) => line(&mut s.income.other_contributions, i, p)?,
            Field::OtherSpend(i, p) => line(&mut s.other_spend, i, p)?,
            Field::Ehcps => &mut s.demand.ehcps,
            Field::NewPlanGrowth(Run::Plan) => &mut s.demand.by_age.as_mut()?.new_growth,
            Field::NewPlanGrowth(Run::Baseline) => {
                &mut s.demand.by_age.as_mut()?.new_growth_baseline
            }
            Field::SecondaryMainstream => s
                .demand
                .by_age
                .as_mut()?
                .secondary_mainstream
                .get_or_insert(Decimal::ZERO),
            Field::Growth(Run::Plan, r) => growth(&mut s.demand.growth, r),
            Field::Growth(Run::Baseline, r) => growth(&mut s.baseline.growth, r),
            Field::Share(Mix::Now, st) => &mut pl[st].share_now,
            Field::Share(Mix::Plan, st) => &mut pl[st].share_plan,
            Field::Cost(st) => &mut pl[st].cost,
            Field::Inflation(st) => &mut pl[st].inflation,
            Field::PlacesNow(st) => &mut pl[st].places.as_mut()?.now,
            Field::NewPlaces(st, y) => pl[st]
                .places
                .as_mut()?
                .new_by_year
                .entry(y)
                .or_insert(Decimal::ZERO),
            Field::Waypoint(y, st) => &mut s.placements.waypoints.get_mut(&y)?[st],
            Field::StatusConfidence(st) => {
                let c = &mut s.savings.confidence;
                match st {
                    Status::Complete => &mut c.complete,
                    Status::OnTrack => &mut c.on_track,
                    Status::Delayed => &mut c.delayed,
                    Status::AtRisk => &mut c.at_risk,
                }
            }
            Field::ProjectSaving(i, y) => s
                .savings
                .projects
                .get_mut(i)?
                .savings
                .entry(y)
                .or_insert(Decimal::ZERO),
            Field::ProjectAchieved(i, y) => s
                .savings
                .projects
                .get_mut(i)?
                .achieved
                .entry(y)
                .or_insert(Decimal::ZERO),
            Field::ProjectConfidence(i) => s
                .savings
                .projects
                .get_mut(i)?
                .confidence
                .get_or_insert(Decimal::ZERO),
            Field::Payment(y) => s.agreement.payments.entry(y).or_insert(Decimal::ZERO),
            Field::AgreedPath(y) => s.agreement.agreed_path.entry(y).or_insert(Decimal::ZERO),
            Field::PublishedBalance(y) => s.outturn.dsg_balance.entry(y).or_insert(Decimal::ZERO),
            Field::Tolerance => &mut s.agreement.tolerance,
            Field::ContributionName(_)
            | Field::OtherSpendName(_)
            | Field::ProjectText(..)
            | Field::Authority
            | Field::Notes => return None,
        })
    }

    /// Removes a per-year figure (so the year falls back to the line or the
    /// grown figure); `false` if the field is not a per-year figure or was
    /// absent.
    pub fn clear(self, s: &mut Scenario) -> bool {
        let map: Option<&mut ByYear> = match self {
            Field::Hnb(Part::Year(_)) => Some(&mut s.income.hnb.by_year),
            Field::Growth(Run::Plan, Rate::Year(_)) => Some(&mut s.demand.growth.by_year),
            Field::Growth(Run::Baseline, Rate::Year(_)) => Some(&mut s.baseline.growth.by_year),
            Field::SchoolsBlock(Part::Year(_)) | Field::TransferAmount(Part::Year(_)) => {
                match &mut s.income.schools_block_transfer {
                    Transfer::Percent {
                        schools_block: x, ..
                    }
                    | Transfer::Amount { amount: x } => Some(&mut x.by_year),
                    Transfer::None => None,
                }
            }
            Field::Contribution(i, Part::Year(_)) => s
                .income
                .other_contributions
                .get_mut(i)
                .map(|l| &mut l.amount.by_year),
            Field::OtherSpend(i, Part::Year(_)) => {
                s.other_spend.get_mut(i).map(|l| &mut l.amount.by_year)
            }
            Field::NewPlaces(st, _) => s.placements.settings[st]
                .places
                .as_mut()
                .map(|p| &mut p.new_by_year),
            Field::ProjectSaving(i, _) => s.savings.projects.get_mut(i).map(|p| &mut p.savings),
            Field::ProjectAchieved(i, _) => s.savings.projects.get_mut(i).map(|p| &mut p.achieved),
            Field::Payment(_) => Some(&mut s.agreement.payments),
            Field::AgreedPath(_) => Some(&mut s.agreement.agreed_path),
            Field::PublishedBalance(_) => Some(&mut s.outturn.dsg_balance),
            _ => None,
        };
        match (map, self.year()) {
            (Some(m), Some(y)) => m.remove(&y).is_some(),
            _ => false,
        }
    }

    /// The year of a per-year field.
    pub fn year(self) -> Option<FinYear> {
        match self {
            Field::Hnb(Part::Year(y))
            | Field::SchoolsBlock(Part::Year(y))
            | Field::TransferAmount(Part::Year(y))
            | Field::Contribution(_, Part::Year(y))
            | Field::OtherSpend(_, Part::Year(y))
            | Field::Growth(_, Rate::Year(y))
            | Field::NewPlaces(_, y)
            | Field::Waypoint(y, _)
            | Field::ProjectSaving(_, y)
            | Field::ProjectAchieved(_, y)
            | Field::Payment(y)
            | Field::AgreedPath(y)
            | Field::PublishedBalance(y) => Some(y),
            _ => None,
        }
    }

    /// The text of a text field in `s`.
    pub fn text(self, s: &Scenario) -> Option<&str> {
        Some(match self {
            Field::ContributionName(i) => &s.income.other_contributions.get(i)?.name,
            Field::OtherSpendName(i) => &s.other_spend.get(i)?.name,
            Field::ProjectText(i, t) => {
                let p = s.savings.projects.get(i)?;
                match t {
                    ProjectText::Name => &p.name,
                    ProjectText::Reference => &p.reference,
                    ProjectText::Workstream => &p.workstream,
                }
            }
            Field::Authority => &s.about.authority,
            Field::Notes => &s.about.notes,
            _ => return None,
        })
    }

    /// Writes a text field of `s`.
    pub fn set_text(self, s: &mut Scenario, text: &str) -> Result<(), NoSuchField> {
        let missing = || NoSuchField(self.to_string());
        let slot: &mut String = match self {
            Field::ContributionName(i) => {
                &mut s
                    .income
                    .other_contributions
                    .get_mut(i)
                    .ok_or_else(missing)?
                    .name
            }
            Field::OtherSpendName(i) => &mut s.other_spend.get_mut(i).ok_or_else(missing)?.name,
            Field::ProjectText(i, t) => {
                let p = s.savings.projects.get_mut(i).ok_or_else(missing)?;
                match t {
                    ProjectText::Name => &mut p.name,
                    ProjectText::Reference => &mut p.reference,
                    ProjectText::Workstream => &mut p.workstream,
                }
            }
            Field::Authority => &mut s.about.authority,
            Field::Notes => &mut s.about.notes,
            _ => return Err(missing()),
        };
        *slot = text.to_string();
        Ok(())
    }

    /// The list item the field belongs to, as (list, index), for fields
    /// that move when a list is reordered.
    pub fn item(self) -> Option<(List, usize)> {
        match self {
            Field::Contribution(i, _) | Field::ContributionName(i) => {
                Some((List::Contributions, i))
            }
            Field::OtherSpend(i, _) | Field::OtherSpendName(i) => Some((List::OtherSpend, i)),
            Field::ProjectSaving(i, _)
            | Field::ProjectAchieved(i, _)
            | Field::ProjectConfidence(i)
            | Field::ProjectText(i, _) => Some((List::Projects, i)),
            _ => None,
        }
    }

    /// The same field of item `j` of its list.
    pub fn with_item(self, j: usize) -> Field {
        match self {
            Field::Contribution(_, p) => Field::Contribution(j, p),
            Field::ContributionName(_) => Field::ContributionName(j),
            Field::OtherSpend(_, p) => Field::OtherSpend(j, p),
            Field::OtherSpendName(_) => Field::OtherSpendName(j),
            Field::ProjectSaving(_, y) => Field::ProjectSaving(j, y),
            Field::ProjectAchieved(_, y) => Field::ProjectAchieved(j, y),
            Field::ProjectConfidence(_) => Field::ProjectConfidence(j),
            Field::ProjectText(_, t) => Field::ProjectText(j, t),
            other => other,
        }
    }

    /// The problem with `v` in this field, in words naming it as `label`
    /// does; `None` if `v` is allowed.
    pub fn problem(self, label: &str, v: Decimal) -> Option<String> {
        self.bounds()?.problem(label, v)
    }
}

/// The lists of a scenario whose items can be added, removed or moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    /// `income.other_contributions`.
    Contributions,
    /// `other_spend`.
    OtherSpend,
    /// `savings.projects`.
    Projects,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::fields;
    use crate::presets::PRESETS;

    #[test]
    fn every_figure_path_parses_back_to_its_field() {
        for p in &PRESETS {
            let s = p.scenario();
            for (field, v) in fields(&s) {
                let path = field.to_string();
                let f: Field = path.parse().unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(f, field);
                assert_eq!(f.get(&s), Some(v), "{path}");
                let mut t = s.clone();
                f.set(&mut t, v + Decimal::ONE).unwrap();
                assert_eq!(f.get(&t), Some(v + Decimal::ONE), "{path}");
                assert!(f.bounds().is_some_and(|b| b.allows(v)), "{}: {path}", p.id);
            }
        }
    }

    #[test]
    fn paths_have_one_spelling() {
        for bad in [
            "",
            "demand",
            "demand.growth.by_year.2025/26",
            "demand.growth.by_year.2025-2026",
            "savings.projects[-1].name",
            "savings.projects[+1].name",
            "savings.projects[ 1].name",
            "savings.projects[99999999999999999999].name",
            "savings.thing[1].name",
            "placements.settings.castle.cost",
            "income.other_contributions[0].amount.by_year",
            "other_spend[1]",
        ] {
            assert!(bad.parse::<Field>().is_err(), "{bad}");
        }
    }

    #[test]
    fn words_for_values_out_of_bounds_never_overflow() {
        let f = Field::Inflation(Setting::Inmss);
        let s = crate::presets::find("average").unwrap().scenario();
        let label = f.label(&s);
        assert_eq!(
            f.problem(&label, Decimal::MAX).unwrap(),
            format!(
                "Yearly cost inflation in Independent special school (INMSS) must be between -50% and 100% a year (it is {})",
                format::percent(Decimal::MAX, 4)
            )
        );
        assert!(f.problem(&label, dec!(0.05)).is_none());
        for f in [Field::OpeningDeficit, Field::Ehcps, Field::TransferRate] {
            for v in [Decimal::MAX, Decimal::MIN, dec!(1e27), dec!(-1e-28)] {
                let _ = f.problem("x", v);
            }
        }
        assert_eq!(
            Field::Cost(Setting::Mainstream)
                .problem("Cost", dec!(-5))
                .unwrap(),
            "Cost cannot be negative (it is -£5)"
        );
        // Just outside a bound is not shown rounded back inside it.
        let just = |f: Field, v: Decimal| f.problem("X", v).unwrap();
        assert!(
            just(Field::Cost(Setting::Inmss), dec!(2000000.4)).ends_with("(it is £2,000,000.4)")
        );
        assert!(just(Field::Ehcps, dec!(2000000.3)).ends_with("(it is 2,000,000.3)"));
        assert!(
            just(Field::OpeningDeficit, dec!(-10000000000.2))
                .ends_with("(it is -£10,000,000,000.2)")
        );
        assert!(
            just(Field::Growth(Run::Plan, Rate::Start), dec!(1.0000001))
                .ends_with("(it is 100.00001%)")
        );
        assert!(just(Field::Cost(Setting::Inmss), dec!(-0.4)).ends_with("(it is -£0.4)"));
    }
}
