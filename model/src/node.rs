//! Every part of a scenario a source or a problem can be about, typed: one
//! [`Field`], or a [`Group`] of fields (a setting, a project, the Safety
//! Valve payments) or a choice that is not a number (the target year, the
//! overflow setting). Each node knows its parent, so a source recorded for
//! a setting covers that setting's cost, and a section of the page can ask
//! whether a problem lies inside it without comparing strings.
//!
//! A node's path (`Display` and `FromStr`) is the file and link format's:
//! a field's path as [`Field`] writes it, a group's the path of the part of
//! the file that holds it (`placements.settings.inmss`,
//! `savings.projects[2]`). Strings are read and written only at those
//! edges.
#![deny(clippy::arithmetic_side_effects)]

use std::fmt;
use std::str::FromStr;

use super::field::{BadPath, Field, Mix, Part, Run};
use super::setting::Setting;
use super::year::FinYear;

/// A part of a scenario that holds more than one figure, or one that is
/// not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// `version`.
    Version,
    /// `about`.
    About,
    /// `about.first_year`.
    FirstYear,
    /// `about.years`.
    Years,
    /// `about.agreement_end`.
    AgreementEnd,
    /// `about.code`.
    Code,
    /// `income`.
    Income,
    /// `income.hnb`.
    Hnb,
    /// `income.hnb.by_year`.
    HnbYears,
    /// `income.schools_block_transfer`.
    Transfer,
    /// `income.other_contributions`.
    Contributions,
    /// `income.other_contributions[i]`.
    Contribution(usize),
    /// `demand`.
    Demand,
    /// `demand.growth` or `baseline.growth`.
    Growth(Run),
    /// `baseline`.
    Baseline,
    /// `placements`.
    Placements,
    /// `placements.settings`.
    Settings,
    /// Every setting's share today or in the plan, together
    /// (`placements.settings.share_now`): where "shares must add up to
    /// 100%" is said.
    Shares(Mix),
    /// `placements.settings.SETTING`.
    Setting(Setting),
    /// `placements.settings.SETTING.places`.
    Places(Setting),
    /// `placements.settings.SETTING.places.new_by_year`.
    NewPlaces(Setting),
    /// `placements.settings.SETTING.places.overflow_to`.
    OverflowTo(Setting),
    /// `placements.target_year`.
    TargetYear,
    /// `placements.waypoints`.
    Waypoints,
    /// `placements.waypoints.YEAR`.
    Waypoint(FinYear),
    /// `other_spend`.
    OtherSpend,
    /// `other_spend[i]`.
    OtherSpendLine(usize),
    /// `savings`.
    Savings,
    /// `savings.confidence`.
    Confidence,
    /// `savings.projects`.
    Projects,
    /// `savings.projects[i]`.
    Project(usize),
    /// `agreement`.
    Agreement,
    /// `agreement.payments`.
    Payments,
    /// `agreement.agreed_path`.
    AgreedPath,
    /// `agreement.expected_clear`.
    ExpectedClear,
    /// `agreement.conditional`.
    Conditional,
    /// `outturn`.
    Outturn,
    /// `outturn.dsg_balance`.
    PublishedBalances,
    /// `sources`.
    Sources,
}

/// A field or a group: anything a source or a problem can be about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// One figure or text.
    Field(Field),
    /// A part holding several, or a choice.
    Group(Group),
}

impl From<Field> for Node {
    fn from(f: Field) -> Self {
        Node::Field(f)
    }
}

impl From<Group> for Node {
    fn from(g: Group) -> Self {
        Node::Group(g)
    }
}

impl Field {
    /// The group that holds this field, if any (`opening_deficit` stands
    /// alone).
    pub fn parent(self) -> Option<Group> {
        Some(match self {
            Field::OpeningDeficit => return None,
            Field::Hnb(Part::Year(_)) => Group::HnbYears,
            Field::Hnb(_) => Group::Hnb,
            Field::TransferRate | Field::SchoolsBlock(_) | Field::TransferAmount(_) => {
                Group::Transfer
            }
            Field::Contribution(i, _) | Field::ContributionName(i) => Group::Contribution(i),
            Field::Ehcps | Field::NewPlanGrowth(_) | Field::SecondaryMainstream => Group::Demand,
            Field::Growth(run, _) => Group::Growth(run),
            Field::Share(_, s) | Field::Cost(s) | Field::Inflation(s) => Group::Setting(s),
            Field::PlacesNow(s) => Group::Places(s),
            Field::NewPlaces(s, _) => Group::NewPlaces(s),
            Field::Waypoint(y, _) => Group::Waypoint(y),
            Field::OtherSpend(i, _) | Field::OtherSpendName(i) => Group::OtherSpendLine(i),
            Field::StatusConfidence(_) => Group::Confidence,
            Field::ProjectSaving(i, _)
            | Field::ProjectAchieved(i, _)
            | Field::ProjectConfidence(i)
            | Field::ProjectText(i, _) => Group::Project(i),
            Field::Payment(_) => Group::Payments,
            Field::AgreedPath(_) => Group::AgreedPath,
            Field::Tolerance => Group::Agreement,
            Field::PublishedBalance(_) => Group::PublishedBalances,
            Field::Authority | Field::Notes => Group::About,
        })
    }
}

impl Group {
    /// The group that holds this one; `None` at the top of the file.
    pub fn parent(self) -> Option<Group> {
        Some(match self {
            Group::Version
            | Group::About
            | Group::Income
            | Group::Demand
            | Group::Baseline
            | Group::Placements
            | Group::OtherSpend
            | Group::Savings
            | Group::Agreement
            | Group::Outturn
            | Group::Sources => return None,
            Group::FirstYear | Group::Years | Group::AgreementEnd | Group::Code => Group::About,
            Group::Hnb | Group::Transfer | Group::Contributions => Group::Income,
            Group::HnbYears => Group::Hnb,
            Group::Contribution(_) => Group::Contributions,
            Group::Growth(Run::Plan) => Group::Demand,
            Group::Growth(Run::Baseline) => Group::Baseline,
            Group::Settings | Group::TargetYear | Group::Waypoints => Group::Placements,
            Group::Shares(_) | Group::Setting(_) => Group::Settings,
            Group::Places(s) => Group::Setting(s),
            Group::NewPlaces(s) | Group::OverflowTo(s) => Group::Places(s),
            Group::Waypoint(_) => Group::Waypoints,
            Group::OtherSpendLine(_) => Group::OtherSpend,
            Group::Confidence | Group::Projects => Group::Savings,
            Group::Project(_) => Group::Projects,
            Group::Payments | Group::AgreedPath | Group::ExpectedClear | Group::Conditional => {
                Group::Agreement
            }
            Group::PublishedBalances => Group::Outturn,
        })
    }
}

impl Node {
    /// The group that holds this node, if any.
    pub fn parent(self) -> Option<Group> {
        match self {
            Node::Field(f) => f.parent(),
            Node::Group(g) => g.parent(),
        }
    }

    /// This node, then its parent, then its parent's parent, up to the top.
    pub fn ancestry(self) -> impl Iterator<Item = Node> {
        std::iter::successors(Some(self), |n| n.parent().map(Node::Group))
    }

    /// Whether this node is `within`, or inside it.
    pub fn is_within(self, within: impl Into<Node>) -> bool {
        let within = within.into();
        self.ancestry().any(|n| n == within)
    }

    /// The list item the node belongs to, for nodes that move when a list
    /// is reordered.
    pub fn item(self) -> Option<(super::field::List, usize)> {
        use super::field::List;
        match self {
            Node::Field(f) => f.item(),
            Node::Group(Group::Contribution(i)) => Some((List::Contributions, i)),
            Node::Group(Group::OtherSpendLine(i)) => Some((List::OtherSpend, i)),
            Node::Group(Group::Project(i)) => Some((List::Projects, i)),
            Node::Group(_) => None,
        }
    }

    /// The same node of item `j` of its list.
    pub fn with_item(self, j: usize) -> Node {
        match self {
            Node::Field(f) => Node::Field(f.with_item(j)),
            Node::Group(Group::Contribution(_)) => Node::Group(Group::Contribution(j)),
            Node::Group(Group::OtherSpendLine(_)) => Node::Group(Group::OtherSpendLine(j)),
            Node::Group(Group::Project(_)) => Node::Group(Group::Project(j)),
            other => other,
        }
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Group::Version => f.write_str("version"),
            Group::About => f.write_str("about"),
            Group::FirstYear => f.write_str("about.first_year"),
            Group::Years => f.write_str("about.years"),
            Group::AgreementEnd => f.write_str("about.agreement_end"),
            Group::Code => f.write_str("about.code"),
            Group::Income => f.write_str("income"),
            Group::Hnb => f.write_str("income.hnb"),
            Group::HnbYears => f.write_str("income.hnb.by_year"),
            Group::Transfer => f.write_str("income.schools_block_transfer"),
            Group::Contributions => f.write_str("income.other_contributions"),
            Group::Contribution(i) => write!(f, "income.other_contributions[{i}]"),
            Group::Demand => f.write_str("demand"),
            Group::Growth(Run::Plan) => f.write_str("demand.growth"),
            Group::Growth(Run::Baseline) => f.write_str("baseline.growth"),
            Group::Baseline => f.write_str("baseline"),
            Group::Placements => f.write_str("placements"),
            Group::Settings => f.write_str("placements.settings"),
            Group::Shares(m) => write!(f, "placements.settings.{}", m.field()),
            Group::Setting(s) => write!(f, "placements.settings.{s}"),
            Group::Places(s) => write!(f, "placements.settings.{s}.places"),
            Group::NewPlaces(s) => write!(f, "placements.settings.{s}.places.new_by_year"),
            Group::OverflowTo(s) => write!(f, "placements.settings.{s}.places.overflow_to"),
            Group::TargetYear => f.write_str("placements.target_year"),
            Group::Waypoints => f.write_str("placements.waypoints"),
            Group::Waypoint(y) => write!(f, "placements.waypoints.{y}"),
            Group::OtherSpend => f.write_str("other_spend"),
            Group::OtherSpendLine(i) => write!(f, "other_spend[{i}]"),
            Group::Savings => f.write_str("savings"),
            Group::Confidence => f.write_str("savings.confidence"),
            Group::Projects => f.write_str("savings.projects"),
            Group::Project(i) => write!(f, "savings.projects[{i}]"),
            Group::Agreement => f.write_str("agreement"),
            Group::Payments => f.write_str("agreement.payments"),
            Group::AgreedPath => f.write_str("agreement.agreed_path"),
            Group::ExpectedClear => f.write_str("agreement.expected_clear"),
            Group::Conditional => f.write_str("agreement.conditional"),
            Group::Outturn => f.write_str("outturn"),
            Group::PublishedBalances => f.write_str("outturn.dsg_balance"),
            Group::Sources => f.write_str("sources"),
        }
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Field(x) => x.fmt(f),
            Node::Group(g) => g.fmt(f),
        }
    }
}

/// Every group whose path has no index, setting or year in it.
const PLAIN: [Group; 28] = [
    Group::Version,
    Group::About,
    Group::FirstYear,
    Group::Years,
    Group::AgreementEnd,
    Group::Code,
    Group::Income,
    Group::Hnb,
    Group::HnbYears,
    Group::Transfer,
    Group::Contributions,
    Group::Demand,
    Group::Growth(Run::Plan),
    Group::Growth(Run::Baseline),
    Group::Baseline,
    Group::Placements,
    Group::Settings,
    Group::Shares(Mix::Now),
    Group::Shares(Mix::Plan),
    Group::TargetYear,
    Group::Waypoints,
    Group::OtherSpend,
    Group::Savings,
    Group::Confidence,
    Group::Projects,
    Group::Agreement,
    Group::Payments,
    Group::AgreedPath,
];

/// The rest of the plain groups (kept apart so each list reads easily).
const PLAIN_MORE: [Group; 5] = [
    Group::ExpectedClear,
    Group::Conditional,
    Group::Outturn,
    Group::PublishedBalances,
    Group::Sources,
];

/// `name[i]` with plain digits, at most six of them.
fn indexed(part: &str, name: &str) -> Option<usize> {
    let digits = part
        .strip_prefix(name)?
        .strip_prefix('[')?
        .strip_suffix(']')?;
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn group(path: &str) -> Option<Group> {
    if let Some(g) = PLAIN
        .iter()
        .chain(&PLAIN_MORE)
        .find(|g| g.to_string() == path)
    {
        return Some(*g);
    }
    let parts: Vec<&str> = path.split('.').collect();
    Some(match parts.as_slice() {
        ["income", c] => Group::Contribution(indexed(c, "other_contributions")?),
        ["placements", "settings", id, rest @ ..] => {
            let s = Setting::from_id(id)?;
            match rest {
                [] => Group::Setting(s),
                ["places"] => Group::Places(s),
                ["places", "new_by_year"] => Group::NewPlaces(s),
                ["places", "overflow_to"] => Group::OverflowTo(s),
                _ => return None,
            }
        }
        ["placements", "waypoints", y] => {
            let year: FinYear = y.parse().ok()?;
            (year.to_string() == *y).then_some(Group::Waypoint(year))?
        }
        [line] => Group::OtherSpendLine(indexed(line, "other_spend")?),
        ["savings", p] => Group::Project(indexed(p, "projects")?),
        _ => return None,
    })
}

/// Written as its path (a key of a scenario file's `sources`).
impl serde::Serialize for Node {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FromStr for Node {
    type Err = BadPath;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.parse::<Field>() {
            Ok(f) => Ok(Node::Field(f)),
            Err(e) if s.len() > 120 => Err(e),
            Err(_) => group(s)
                .map(Node::Group)
                .ok_or_else(|| BadPath(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::fields;
    use crate::presets::PRESETS;

    fn every_group() -> Vec<Group> {
        let y = FinYear::new(2025).unwrap();
        let mut out: Vec<Group> = PLAIN.iter().chain(&PLAIN_MORE).copied().collect();
        out.extend([
            Group::Contribution(3),
            Group::OtherSpendLine(0),
            Group::Project(12),
            Group::Waypoint(y),
        ]);
        for s in Setting::ALL {
            out.extend([
                Group::Setting(s),
                Group::Places(s),
                Group::NewPlaces(s),
                Group::OverflowTo(s),
            ]);
        }
        out
    }

    #[test]
    fn every_group_path_reads_back() {
        for g in every_group() {
            let path = g.to_string();
            assert_eq!(path.parse::<Node>(), Ok(Node::Group(g)), "{path}");
        }
    }

    /// A node's parent is the part of the file that holds it: its path is a
    /// prefix of the node's, so a source recorded for a part covers all it
    /// holds, as the file reads.
    #[test]
    fn a_parent_holds_its_child_in_the_file() {
        let mut nodes: Vec<Node> = every_group().into_iter().map(Node::Group).collect();
        for p in &PRESETS {
            let s = p.scenario();
            nodes.extend(fields(&s).into_iter().map(|(f, _)| Node::Field(f)));
        }
        for n in nodes {
            if let Some(parent) = n.parent() {
                let (child, holder) = (n.to_string(), parent.to_string());
                let held = child.starts_with(&format!("{holder}."))
                    || child.starts_with(&format!("{holder}["));
                assert!(held, "{holder} should hold {child}");
                assert!(n.is_within(parent));
            }
        }
    }

    #[test]
    fn paths_that_are_not_parts() {
        for bad in [
            "",
            "placements.settings.castle",
            "savings.projects[x]",
            "savings.projects[1234567]",
            "other_spend[1].amount",
            "placements.waypoints.2025/26",
            "about.nothing",
        ] {
            assert!(bad.parse::<Node>().is_err(), "{bad}");
        }
    }
}
