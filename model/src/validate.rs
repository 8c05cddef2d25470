//! Validation: every problem in a scenario at once, each naming its field's
//! path and saying, in words, what was given and what is allowed.
//!
//! The bounds (each [`Field`]'s [`Bounds`](super::field::Bounds)) also make
//! the projection's arithmetic safe: with at most 15 years, growth and
//! inflation of at most +100% a year, at most 2,000,000 EHCPs and costs of
//! at most £2m a child, no intermediate figure comes near `Decimal`'s limit
//! of about 7.9 × 10²⁸ (see `tests/bounds.rs`).
//!
//! Validation itself runs on values nobody has checked yet (a file, a link,
//! a draft being typed), so it compares and never computes: the words of
//! each message are written by [`format`](super::format), which takes any
//! value. `cargo clippy` denies unchecked arithmetic in this module.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::field::{Field, Kind, Mix};
pub use super::field::{
    MAX_COST, MAX_COUNT, MAX_MONEY, MAX_RATE, MAX_TEXT, MAX_TRANSFER, MIN_RATE,
};
use super::figures::fields;
use super::format::lower_first;
use super::node::{Group, Node};
use super::scenario::{SCENARIO_VERSION, Scenario};
use super::setting::PerSetting;
use super::year::FinYear;

/// The most years a projection covers.
pub const MAX_YEARS: u8 = 15;
/// How far shares may sum from 100% (0.01 percentage points).
pub const SHARE_TOLERANCE: Decimal = dec!(0.0001);
/// Most projects, spend lines or contributions.
pub const MAX_ITEMS: usize = 100;
/// Most sources a scenario may cite (a preset cites about 55). With the
/// other limits this keeps the largest valid scenario well within a file
/// ([`MAX_FILE_BYTES`](super::io::MAX_FILE_BYTES)) and a share link
/// ([`MAX_LINK_CHARS`](super::share::MAX_LINK_CHARS)): `tests/bounds.rs`
/// checks both.
pub const MAX_SOURCES: usize = 300;
/// Longest source text.
pub const MAX_SOURCE_TEXT: usize = 1_000;

/// One thing wrong with a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a part of the scenario, or (for a file or link that cannot
    /// be read as one) a place in the text.
    pub at: Place,
    /// What is wrong and what is allowed, in words.
    pub message: String,
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// A field or group of the scenario.
    Node(Node),
    /// A place in a file or link that is no part of a scenario: a key the
    /// scenario has no use for, or the text as a whole. Its path as read,
    /// cleaned of control characters.
    Text(String),
}

impl Problem {
    /// A problem with the part `at`.
    pub fn new(at: impl Into<Node>, message: impl Into<String>) -> Self {
        Problem {
            at: Place::Node(at.into()),
            message: message.into(),
        }
    }

    /// A problem at a place in a file or link: a part of the scenario if
    /// `path` names one, else the path as read.
    pub fn in_text(path: impl std::fmt::Display, message: impl Into<String>) -> Self {
        let path = path.to_string();
        Problem {
            at: path
                .parse::<Node>()
                .map_or_else(|_| Place::Text(path), Place::Node),
            message: message.into(),
        }
    }

    /// Whether the problem is with `node` itself.
    pub fn is_at(&self, node: impl Into<Node>) -> bool {
        self.at == Place::Node(node.into())
    }

    /// Whether the problem is with `node` or a part inside it.
    pub fn is_within(&self, node: impl Into<Node>) -> bool {
        match self.at {
            Place::Node(n) => n.is_within(node),
            Place::Text(_) => false,
        }
    }

    /// The node, if the problem is with a part of the scenario.
    pub fn node(&self) -> Option<Node> {
        match self.at {
            Place::Node(n) => Some(n),
            Place::Text(_) => None,
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Node(n) => n.fmt(f),
            Place::Text(t) => f.write_str(t),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Every problem in `s`; empty when it can be projected.
pub fn validate(s: &Scenario) -> Vec<Problem> {
    check(s, true)
}

/// Every problem in `s` but one: a scenario by age whose council's figures
/// by age this program has not loaded yet ([`crate::age::awaiting`]) is
/// not refused for that. A link, file or saved scenario is read with this,
/// so that the page can open it and then fetch the figures.
pub fn validate_before_loading(s: &Scenario) -> Vec<Problem> {
    check(s, false)
}

fn check(s: &Scenario, loaded: bool) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |at: Node, message: String| out.push(Problem::new(at, message));
    structure(s, &mut push);
    for (field, v) in fields(s) {
        if let Some(b) = field.bounds()
            && !b.allows(v)
            && let Some(message) = b.problem(&field.label(s), v)
        {
            push(field.into(), message);
        }
    }
    for field in text_fields(s) {
        if let (Some(text), Kind::Text { required }) = (field.text(s), field.kind())
            && let Some(message) = text_problem(&field.label(s), text, required)
        {
            push(field.into(), message);
        }
    }
    for mix in [Mix::Now, Mix::Plan] {
        let shares = s.placements.settings.map(|_, p| match mix {
            Mix::Now => p.share_now,
            Mix::Plan => p.share_plan,
        });
        if let Some(m) = sum_problem(&shares, mix.when()) {
            push(Group::Shares(mix).into(), m);
        }
    }
    for (year, mix) in &s.placements.waypoints {
        if let Some(m) = sum_problem(mix, &format!("in {year}")) {
            push(Group::Waypoint(*year).into(), m);
        }
    }
    if s.demand.by_age.is_some()
        && (loaded || crate::age::awaiting(s).is_none())
        && let Err(m) = crate::age::data_for(s)
    {
        push(Group::Demand.into(), m);
    }
    sources(s, &mut push);
    out
}

/// The problem with a text field's text, if any.
pub fn text_problem(label: &str, text: &str, required: bool) -> Option<String> {
    if required && text.trim().is_empty() {
        Some(format!("Enter {}", lower_first(label)))
    } else if text.len() > MAX_TEXT && text.chars().count() > MAX_TEXT {
        Some(format!(
            "{label} must be at most {MAX_TEXT} characters (it has {})",
            text.chars().count()
        ))
    } else {
        None
    }
}

/// Every text field of `s`.
fn text_fields(s: &Scenario) -> impl Iterator<Item = Field> {
    use super::field::ProjectText;
    let projects = (0..s.savings.projects.len()).flat_map(|i| {
        [
            ProjectText::Name,
            ProjectText::Reference,
            ProjectText::Workstream,
        ]
        .map(|t| Field::ProjectText(i, t))
    });
    [Field::Authority, Field::Notes]
        .into_iter()
        .chain((0..s.income.other_contributions.len()).map(Field::ContributionName))
        .chain((0..s.other_spend.len()).map(Field::OtherSpendName))
        .chain(projects)
}

/// Whether shares add up to 100%; not asked while a share is itself outside
/// 0% to 100%, so that share is reported once, on its own.
fn sum_problem(shares: &PerSetting<Decimal>, when: &str) -> Option<String> {
    if shares
        .0
        .iter()
        .any(|v| *v < Decimal::ZERO || *v > Decimal::ONE)
    {
        return None;
    }
    let total = shares
        .0
        .iter()
        .map(|v| (*v).clamp(Decimal::ZERO, Decimal::ONE))
        .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
    (total.saturating_sub(Decimal::ONE).abs() > SHARE_TOLERANCE).then(|| {
        format!(
            "Shares {when} must add up to 100% (they add up to {})",
            super::format::percent(total.round_dp(6), 4)
        )
    })
}

fn structure(s: &Scenario, push: &mut impl FnMut(Node, String)) {
    if s.version != SCENARIO_VERSION {
        push(
            Group::Version.into(),
            format!(
                "This calculator reads scenario version {SCENARIO_VERSION}; this one is version {}",
                s.version
            ),
        );
    }
    let a = &s.about;
    if a.code.len() > 20 {
        push(
            Group::Code.into(),
            format!(
                "The council's ONS code must be at most 20 characters, like E09000014 (it is {})",
                super::format::quote(&a.code)
            ),
        );
    }
    let in_horizon = |at: Group, what: &str, y: FinYear, push: &mut dyn FnMut(Node, String)| {
        if a.index_of(y).is_none() {
            push(
                at.into(),
                format!(
                    "{what} must be between {} and {} (it is {y})",
                    a.first_year,
                    a.last_year()
                ),
            );
        }
    };
    if a.years == 0 || a.years > MAX_YEARS {
        push(
            Group::Years.into(),
            format!(
                "The number of years must be between 1 and {MAX_YEARS} (it is {})",
                a.years
            ),
        );
    } else if u32::from(a.first_year.start()).saturating_add(u32::from(a.years))
        > u32::from(super::year::MAX_YEAR).saturating_add(1)
    {
        push(
            Group::Years.into(),
            "The projection must end by 2100-01".into(),
        );
    } else {
        in_horizon(
            Group::AgreementEnd,
            "The agreement end",
            a.agreement_end,
            push,
        );
        in_horizon(
            Group::TargetYear,
            "The plan's target year",
            s.placements.target_year,
            push,
        );
    }
    let pl = &s.placements;
    for (setting, p) in pl.settings.iter() {
        if let Some(places) = &p.places {
            let target = places.overflow_to;
            let name = setting.label();
            if target == setting {
                push(
                    Group::OverflowTo(setting).into(),
                    format!("{name} cannot overflow into itself"),
                );
            } else if pl.settings[target].places.is_some() {
                push(
                    Group::OverflowTo(setting).into(),
                    format!(
                        "{name} overflows into {}, which has limited places itself; choose a setting without a limit",
                        target.label()
                    ),
                );
            }
        }
    }
    for year in pl.waypoints.keys() {
        if *year <= a.first_year || *year >= pl.target_year {
            push(
                Group::Waypoint(*year).into(),
                format!(
                    "A published mix for {year} must fall after {} and before the target year {}",
                    a.first_year, pl.target_year
                ),
            );
        }
    }
    for (at, what, n) in [
        (
            Group::Contributions,
            "contributions",
            s.income.other_contributions.len(),
        ),
        (Group::OtherSpend, "spend lines", s.other_spend.len()),
        (Group::Projects, "projects", s.savings.projects.len()),
    ] {
        if n > MAX_ITEMS {
            push(
                at.into(),
                format!("At most {MAX_ITEMS} {what} are allowed (there are {n})"),
            );
        }
    }
}

fn sources(s: &Scenario, push: &mut impl FnMut(Node, String)) {
    if s.sources.len() > MAX_SOURCES {
        push(
            Group::Sources.into(),
            format!(
                "At most {MAX_SOURCES} sources are allowed (there are {})",
                s.sources.len()
            ),
        );
    }
    for (node, src) in &s.sources {
        if src.detail.len() > MAX_SOURCE_TEXT {
            push(
                *node,
                format!(
                    "The source for {} must be at most {MAX_SOURCE_TEXT} bytes of text (it has {})",
                    super::format::quote(&node.to_string()),
                    src.detail.len()
                ),
            );
        }
    }
}
