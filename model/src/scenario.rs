//! A scenario: every input of the model, as plain versioned data.
//!
//! Money is `Decimal` pounds and rates are decimal fractions (`0.045` is
//! 4.5%). In JSON every `Decimal` is a string, so nothing is lost to
//! floating point. Per-year figures are maps keyed by financial year
//! (`"2024-25"`); entries outside the scenario's horizon are kept but
//! ignored, so changing the horizon never throws work away.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::node::Node;
use super::setting::{PerSetting, Setting};
use super::year::FinYear;

/// The scenario format this build reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

/// Per-year figures, keyed by financial year.
pub type ByYear = BTreeMap<FinYear, Decimal>;

/// Every input of the model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    /// Format version; see [`SCENARIO_VERSION`].
    pub version: u32,
    /// Who and when.
    pub about: About,
    /// Cumulative DSG deficit carried into the first year (`D0`);
    /// positive is a deficit.
    pub opening_deficit: Decimal,
    /// Money coming in.
    pub income: Income,
    /// EHCPs and their growth in the plan.
    pub demand: Demand,
    /// Where children are placed and what each place costs.
    pub placements: Placements,
    /// High Needs spend not tied to a placement.
    pub other_spend: Vec<Line>,
    /// The plan's projects beyond what the sliders model.
    pub savings: SavingsPlan,
    /// The Safety Valve agreement with the DfE.
    pub agreement: Agreement,
    /// The "do nothing" levers for the unmitigated forecast.
    pub baseline: Baseline,
    /// Figures already published for years of the projection, shown beside
    /// it (never used to compute it).
    #[serde(skip_serializing_if = "Outturn::is_empty")]
    pub outturn: Outturn,
    /// Where each figure came from, by the field or group it covers (see
    /// [`Scenario::source_of`]).
    pub sources: BTreeMap<Node, Source>,
}

/// Who the scenario is for and the years it covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct About {
    /// The local authority's name.
    pub authority: String,
    /// The first financial year projected.
    pub first_year: FinYear,
    /// How many years are projected (1 to 15).
    pub years: u8,
    /// The year the agreement must reach a £0 deficit.
    pub agreement_end: FinYear,
    /// Free text shown with the scenario.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The council's ONS code (`E09000014`), where the scenario is a
    /// council's: the page then shows the council's published history.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub code: String,
}

impl About {
    /// The first year of an extra saving, unless the reader picks another:
    /// the year after the first (the first is usually under way), or the
    /// first if the agreement ends in it.
    pub fn extra_from(&self) -> FinYear {
        if self.years > 1 && self.agreement_end > self.first_year {
            self.first_year.plus(1)
        } else {
            self.first_year
        }
    }

    /// The last year projected.
    pub fn last_year(&self) -> FinYear {
        self.first_year.plus(u16::from(self.years.max(1)) - 1)
    }

    /// Every year projected, in order.
    pub fn years(&self) -> impl Iterator<Item = FinYear> + '_ {
        (0..u16::from(self.years)).map(|y| self.first_year.plus(y))
    }

    /// Index of `year` in the horizon, if inside it.
    pub fn index_of(&self, year: FinYear) -> Option<usize> {
        let k = self.first_year.years_until(year);
        (0..i32::from(self.years))
            .contains(&k)
            .then_some(k as usize)
    }
}

/// A yearly amount: a first-year figure growing at a fixed rate, with any
/// year's figure overridden by an explicit one.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct Series {
    /// The first year's amount.
    pub first: Decimal,
    /// Yearly growth of the amount.
    pub growth: Decimal,
    /// Explicit amounts for particular years, replacing the grown figure.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_year: ByYear,
}

impl Series {
    /// A constant amount.
    pub fn flat(amount: Decimal) -> Self {
        Series {
            first: amount,
            ..Series::default()
        }
    }
}

/// A named yearly amount (a spend line or a contribution).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// What it is, as the council names it.
    pub name: String,
    /// How much, year by year.
    pub amount: Series,
}

/// Money coming into the High Needs Block.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Income {
    /// The HNB allocation.
    pub hnb: Series,
    /// A transfer from the Schools Block (plan only).
    pub schools_block_transfer: Transfer,
    /// The council's reference for the transfer where its savings plan
    /// lists it among the projects (Haringey's B8, say).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub transfer_reference: String,
    /// Contributions from the council, health or others (both runs).
    pub other_contributions: Vec<Line>,
}

/// A transfer from the Schools Block to the High Needs Block. 0.5% is the
/// usual ask of the Schools Forum; more needs the Secretary of State.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Transfer {
    /// No transfer.
    #[default]
    None,
    /// A share of a stated Schools Block.
    Percent {
        /// The share transferred each year.
        rate: Decimal,
        /// The Schools Block it is a share of.
        schools_block: Series,
    },
    /// A sum of money each year.
    Amount {
        /// The amount transferred.
        amount: Series,
    },
}

/// Children and young people with an EHCP.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Demand {
    /// EHCPs in the first year (January census).
    pub ehcps: Decimal,
    /// Net growth in the plan.
    pub growth: Growth,
    /// Demand by age instead of by a growth rate, when present (docs/MODEL.md
    /// §15); the growth rates are then not used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_age: Option<AgeLevers>,
}

/// Demand by age: the council's plans by age in January 2025, its new and
/// ended plans by age in 2024 and its settings by age come from the DfE's
/// SEN2 data built into the calculator ([`crate::authorities::AGE_DATA`], by
/// [`About::code`]); these are what a plan changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgeLevers {
    /// Yearly growth in new plans, in the plan.
    pub new_growth: Decimal,
    /// Yearly growth in new plans without the plan.
    pub new_growth_baseline: Decimal,
    /// In the plan, the share of 11-year-olds with a plan who are in
    /// mainstream school, once the planned mix is reached; the same change
    /// applies at every age from 11 to 15, from or to special schools. `None`
    /// keeps each age's share as it is today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secondary_mainstream: Option<Decimal>,
}

/// Net yearly growth: a straight line from `start` (the growth into the
/// second year) to `end` (the growth into the last year), with any year's
/// rate overridden by an explicit one.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct Growth {
    /// Growth into the second year.
    pub start: Decimal,
    /// Growth into the last year.
    pub end: Decimal,
    /// Explicit rates: the growth from the year before into that year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_year: ByYear,
}

impl Growth {
    /// The same rate every year.
    pub fn constant(rate: Decimal) -> Self {
        Growth {
            start: rate,
            end: rate,
            by_year: ByYear::new(),
        }
    }
}

/// Placements: the mix of settings now and in the plan, and their costs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placements {
    /// The year the planned mix is reached (held after it).
    pub target_year: FinYear,
    /// Each setting's share, cost and places.
    pub settings: PerSetting<Placement>,
    /// Published mixes for years between the first and the target year; the
    /// path runs in straight lines through them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub waypoints: BTreeMap<FinYear, PerSetting<Decimal>>,
}

/// One setting's share, cost and places.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct Placement {
    /// Share of EHCPs in this setting in the first year.
    pub share_now: Decimal,
    /// Share in the plan, reached in the target year.
    pub share_plan: Decimal,
    /// Annual HNB cost per child in the first year.
    pub cost: Decimal,
    /// Yearly inflation of that cost.
    pub inflation: Decimal,
    /// Places, for a setting with limited capacity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<Places>,
}

/// Limited places in a setting; children beyond them go to the overflow
/// setting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Places {
    /// Places in the first year.
    pub now: Decimal,
    /// New places opening in each year (plan only).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub new_by_year: ByYear,
    /// Where children go when places run out; must not itself be limited.
    pub overflow_to: Setting,
}

/// The savings plan: projects beyond what the sliders already model.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct SavingsPlan {
    /// The projects.
    pub projects: Vec<Project>,
    /// Confidence counted for each status when a project gives none.
    pub confidence: StatusConfidence,
}

/// A savings project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Project {
    /// The council's reference, e.g. `B6`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// What the project does.
    pub name: String,
    /// The workstream it belongs to.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub workstream: String,
    /// Planned saving per year; negative is a net cost.
    pub savings: ByYear,
    /// Delivery status.
    pub status: Status,
    /// Share of the planned saving counted; `None` uses the status default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Decimal>,
    /// Savings reported as achieved; counted in full instead of the plan.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub achieved: ByYear,
}

/// A project's delivery status, as Safety Valve monitoring reports rate it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Delivered.
    Complete,
    /// On track.
    OnTrack,
    /// Delayed, but expected within the programme.
    Delayed,
    /// At risk of not delivering.
    AtRisk,
}

impl Status {
    /// Every status, in order.
    pub const ALL: [Status; 4] = [
        Status::Complete,
        Status::OnTrack,
        Status::Delayed,
        Status::AtRisk,
    ];

    /// Words for the status.
    pub fn label(self) -> &'static str {
        match self {
            Status::Complete => "Complete",
            Status::OnTrack => "On track",
            Status::Delayed => "Delayed",
            Status::AtRisk => "At risk",
        }
    }
}

/// The share of a planned saving counted for each status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusConfidence {
    /// For complete projects.
    pub complete: Decimal,
    /// For projects on track.
    pub on_track: Decimal,
    /// For delayed projects.
    pub delayed: Decimal,
    /// For projects at risk.
    pub at_risk: Decimal,
}

impl Default for StatusConfidence {
    /// Illustrative defaults: 100%, 90%, 70% and 40%.
    fn default() -> Self {
        StatusConfidence {
            complete: Decimal::ONE,
            on_track: Decimal::new(9, 1),
            delayed: Decimal::new(7, 1),
            at_risk: Decimal::new(4, 1),
        }
    }
}

impl StatusConfidence {
    /// The default confidence for `status`.
    pub fn of(&self, status: Status) -> Decimal {
        match status {
            Status::Complete => self.complete,
            Status::OnTrack => self.on_track,
            Status::Delayed => self.delayed,
            Status::AtRisk => self.at_risk,
        }
    }
}

/// The Safety Valve agreement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// DfE payment due in each year.
    pub payments: ByYear,
    /// Whether a payment is withheld in a year the cumulative deficit is
    /// above the agreed path.
    pub conditional: bool,
    /// The agreed (published mitigated) cumulative deficit per year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub agreed_path: ByYear,
    /// How far the cumulative deficit may be above the agreed path before a
    /// conditional payment is withheld (`τ`). The DfE publishes no numeric
    /// rule; a difference within the precision the path was published to
    /// is rounding, not a missed target.
    pub tolerance: Decimal,
    /// The year by which the council's paper expects the deficit cleared,
    /// where it says so: a claim to set beside the projection, never an
    /// input to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_clear: Option<FinYear>,
}

/// The default tolerance on the agreed path: £0.1m, the precision to which
/// agreed paths are published (Southwark's, for one).
pub const DEFAULT_TOLERANCE: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);

impl Default for Agreement {
    fn default() -> Self {
        Agreement {
            payments: ByYear::new(),
            conditional: false,
            agreed_path: ByYear::new(),
            tolerance: DEFAULT_TOLERANCE,
            expected_clear: None,
        }
    }
}

/// Published results for years of the projection: what happened, to set
/// beside what the plan expected.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct Outturn {
    /// The DSG balance carried forward at the end of each year (section 251
    /// outturn, line 1.9.3), positive a deficit. It covers the whole DSG and
    /// is net of any Safety Valve payments received, so it compares with
    /// the remaining deficit.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub dsg_balance: ByYear,
}

impl Outturn {
    /// Whether nothing is published.
    pub fn is_empty(&self) -> bool {
        self.dsg_balance.is_empty()
    }
}

/// The "do nothing" version of the levers. The unmitigated forecast uses
/// this growth, today's placement shares held constant, no new places, no
/// savings plan, no Schools Block transfer and no Safety Valve payments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Baseline {
    /// EHCP growth without the plan.
    pub growth: Growth,
}

/// Where a figure came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// What kind of source.
    pub kind: SourceKind,
    /// The document and section, statistic, or reasoning.
    pub detail: String,
}

/// Kinds of source, from most to least direct.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A council's own published paper (one of the seeds).
    Seed,
    /// A national statistic.
    National,
    /// Published local authority data (DfE SEN2 or DSG tables).
    Data,
    /// Chosen so the model reproduces a published figure.
    Calibrated,
    /// A reasonable figure with no published source.
    Illustrative,
    /// Entered by the user.
    User,
}

impl SourceKind {
    /// Words for the kind.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Seed => "Council paper",
            SourceKind::National => "National statistic",
            SourceKind::Data => "DfE data",
            SourceKind::Calibrated => "Calibrated",
            SourceKind::Illustrative => "Illustrative",
            SourceKind::User => "Your figure",
        }
    }
}

impl Project {
    /// A new, empty project at position `n` (counting from 1) of a
    /// register, on track, with nothing saved yet.
    pub fn numbered(n: usize) -> Self {
        Project {
            reference: String::new(),
            name: format!("New project {n}"),
            workstream: String::new(),
            savings: ByYear::new(),
            status: Status::OnTrack,
            confidence: None,
            achieved: ByYear::new(),
        }
    }
}

impl Line {
    /// A new contribution line at position `n` (counting from 1), of
    /// nothing until the reader enters an amount.
    pub fn contribution(n: usize) -> Self {
        Line {
            name: format!("Contribution {n} (council or health)"),
            amount: Series::default(),
        }
    }
}

impl Source {
    /// A source of `kind` described by `detail`.
    pub fn new(kind: SourceKind, detail: impl Into<String>) -> Self {
        Source {
            kind,
            detail: detail.into(),
        }
    }
}

impl Scenario {
    /// The source recorded for `node`, or for the nearest group holding
    /// it (a source for the setting `inmss` covers its cost).
    pub fn source_of(&self, node: impl Into<Node>) -> Option<&Source> {
        node.into().ancestry().find_map(|n| self.sources.get(&n))
    }
}

/// The forms a Schools Block transfer takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransferKind {
    /// No transfer.
    None,
    /// A percentage of a stated Schools Block.
    Percent,
    /// Pounds a year.
    Amount,
}

/// The usual Schools Block transfer a Schools Forum is asked for (0.5%).
pub const USUAL_TRANSFER: Decimal = Decimal::from_parts(5, 0, 0, false, 3);

impl Transfer {
    /// The transfer's form.
    pub fn kind(&self) -> TransferKind {
        match self {
            Transfer::None => TransferKind::None,
            Transfer::Percent { .. } => TransferKind::Percent,
            Transfer::Amount { .. } => TransferKind::Amount,
        }
    }

    /// The transfer in another form, carrying over what it can: a percentage
    /// keeps its rate and Schools Block; an amount is the percentage's first
    /// year (or the usual 0.5% of the Schools Block). Where no Schools Block
    /// is stated, it starts at five times the High Needs Block (`hnb`),
    /// growing as it does: an illustrative first figure for the user to
    /// replace with the council's own (in England in 2023-24 the whole DSG
    /// was £57.2bn and the High Needs Block £10.0bn, so the Schools Block
    /// was roughly four to five times the High Needs Block). Every figure
    /// made here is within its field's bounds, whatever `self` and `hnb`
    /// hold.
    pub fn switched(&self, kind: TransferKind, hnb: &Series) -> Transfer {
        let max = super::field::MAX_MONEY;
        let block = match self {
            Transfer::Percent { schools_block, .. } => schools_block.clone(),
            _ => Series {
                first: hnb
                    .first
                    .checked_mul(Decimal::from(5))
                    .unwrap_or(max)
                    .clamp(Decimal::ZERO, max),
                growth: hnb.growth,
                by_year: ByYear::new(),
            },
        };
        let share_of = |rate: Decimal, of: Decimal| {
            rate.checked_mul(of)
                .unwrap_or_default()
                .round()
                .clamp(Decimal::ZERO, max)
        };
        match kind {
            TransferKind::None => Transfer::None,
            TransferKind::Percent => Transfer::Percent {
                rate: match self {
                    Transfer::Percent { rate, .. } => *rate,
                    _ => USUAL_TRANSFER,
                },
                schools_block: block,
            },
            TransferKind::Amount => Transfer::Amount {
                amount: match self {
                    Transfer::Amount { amount } => amount.clone(),
                    Transfer::Percent {
                        rate,
                        schools_block,
                    } => Series::flat(share_of(*rate, schools_block.first)),
                    Transfer::None => Series::flat(share_of(USUAL_TRANSFER, block.first)),
                },
            },
        }
    }
}

impl Places {
    /// Places for a setting whose limit is switched on: as many as the
    /// children placed there in the first year (`ehcps × share`), overflowing
    /// into independent special schools (or, for those, into other
    /// arrangements).
    pub fn for_setting(setting: Setting, ehcps: Decimal, share: Decimal) -> Places {
        Places {
            now: ehcps
                .checked_mul(share)
                .unwrap_or_default()
                .round()
                .clamp(Decimal::ZERO, super::field::MAX_COUNT),
            new_by_year: ByYear::new(),
            overflow_to: Places::default_overflow(setting),
        }
    }

    /// Where children go when `setting`'s places run out, unless a scenario
    /// says otherwise: independent special schools, or, for those, other
    /// arrangements.
    pub fn default_overflow(setting: Setting) -> Setting {
        if setting == Setting::Inmss {
            Setting::Eotas
        } else {
            Setting::Inmss
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::{MAX_COUNT, MAX_MONEY};
    use rust_decimal_macros::dec;

    fn y(start: u16) -> FinYear {
        FinYear::new(start).unwrap()
    }

    fn hnb(first: Decimal) -> Series {
        Series {
            first,
            growth: dec!(0.03),
            by_year: ByYear::new(),
        }
    }

    #[test]
    fn a_new_transfer_is_half_a_percent_of_five_times_the_hnb() {
        let t = Transfer::None.switched(TransferKind::Percent, &hnb(dec!(70_000_000)));
        let Transfer::Percent {
            rate,
            schools_block,
        } = &t
        else {
            panic!("{t:?}")
        };
        assert_eq!(*rate, USUAL_TRANSFER);
        assert_eq!(schools_block.first, dec!(350_000_000));
        assert_eq!(schools_block.growth, dec!(0.03));
        // As an amount: the percentage's first year.
        let a = t.switched(TransferKind::Amount, &hnb(dec!(70_000_000)));
        assert_eq!(
            a,
            Transfer::Amount {
                amount: Series::flat(dec!(1_750_000))
            }
        );
        // And back: a percentage made from an amount starts again at 0.5%.
        assert_eq!(
            a.switched(TransferKind::None, &hnb(Decimal::ZERO)),
            Transfer::None
        );
    }

    #[test]
    fn made_figures_stay_within_bounds_at_any_size() {
        for first in [MAX_MONEY, Decimal::MAX, Decimal::ZERO] {
            for from in [
                Transfer::None,
                Transfer::None.switched(TransferKind::Percent, &hnb(first)),
            ] {
                for kind in [TransferKind::Percent, TransferKind::Amount] {
                    match from.switched(kind, &hnb(first)) {
                        Transfer::Percent { schools_block, .. } => {
                            assert!(schools_block.first <= MAX_MONEY)
                        }
                        Transfer::Amount { amount } => assert!(amount.first <= MAX_MONEY),
                        Transfer::None => unreachable!(),
                    }
                }
            }
        }
        let p = Places::for_setting(Setting::StateSpecial, Decimal::MAX, Decimal::ONE);
        assert_eq!(p.now, MAX_COUNT);
    }

    #[test]
    fn places_start_at_todays_children_and_overflow_to_inmss() {
        let p = Places::for_setting(Setting::StateSpecial, dec!(4175), dec!(0.2581));
        assert_eq!(p.now, dec!(1078));
        assert_eq!(p.overflow_to, Setting::Inmss);
        assert!(p.new_by_year.is_empty());
        let p = Places::for_setting(Setting::Inmss, dec!(4175), dec!(0.05));
        assert_eq!(p.overflow_to, Setting::Eotas);
    }

    #[test]
    fn an_extra_saving_starts_in_the_second_year_unless_the_agreement_ends_first() {
        let about = |years, end| About {
            authority: String::new(),
            first_year: y(2024),
            years,
            agreement_end: y(end),
            notes: String::new(),
            code: String::new(),
        };
        assert_eq!(about(6, 2027).extra_from(), y(2025));
        assert_eq!(about(6, 2024).extra_from(), y(2024));
        assert_eq!(about(1, 2024).extra_from(), y(2024));
    }
}
