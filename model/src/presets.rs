//! Ready-made scenarios: five councils from their Safety Valve papers (the
//! seeds), an illustrative average English authority built from national
//! figures, and every English council from the DfE data built into the page
//! (`la:` and its ONS code). Every figure carries its source in
//! [`Scenario::sources`].
//!
//! A paper preset starts from its council's published data, exactly as the
//! council's own preset does ([`council::base`]), and puts in what the paper
//! states: the paper wins where it states a fact. What neither holds is
//! filled by the recipes in [`council`], each fixed by a published figure
//! (the outturn, the DSG balance), never by a result the reader is meant to
//! learn, such as a year of balance or a clearing date. Where the model and
//! a paper's own claim disagree, the page says so in words.

pub mod average;
pub mod council;
pub mod haringey;
pub mod isle_of_wight;
pub mod medway;
pub mod national;
pub mod southwark;
pub mod wokingham;

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::authorities::{self, AUTHORITIES, Authority};
use super::field::{Field, Mix, Run};
use super::node::{Group, Node};
use super::scenario::{
    About, Agreement, Baseline, ByYear, Demand, Growth, Income, Line, Placement, Placements,
    SCENARIO_VERSION, SavingsPlan, Scenario, Series, Source, SourceKind, Transfer,
};
use super::setting::{PerSetting, Setting};
use super::year::FinYear;

/// A ready-made scenario.
#[derive(Clone, Debug)]
pub struct Preset {
    /// Identifier for links and `hnb preset ID`.
    pub id: Cow<'static, str>,
    /// Name in the picker.
    pub name: Cow<'static, str>,
    /// One sentence on where it comes from (a council's is written when
    /// asked for: see [`Preset::summary`]).
    summary: Cow<'static, str>,
    /// The council's ONS code, for a council's preset.
    pub code: Option<&'static str>,
    build: Build,
}

#[derive(Clone, Copy, Debug)]
enum Build {
    Fixed(fn() -> Scenario),
    Council(&'static Authority),
}

impl Preset {
    /// Builds the scenario.
    pub fn scenario(&self) -> Scenario {
        match self.build {
            Build::Fixed(f) => {
                let mut s = f();
                if let Some(a) = self.code.and_then(authorities::find) {
                    s.about.code = a.code.to_string();
                    published_outturn(&mut s, a);
                }
                s
            }
            Build::Council(a) => {
                let mut s = council::scenario(a);
                published_outturn(&mut s, a);
                s
            }
        }
    }

    /// A few sentences on where it comes from, for the picker.
    pub fn summary(&self) -> Cow<'static, str> {
        match self.build {
            Build::Fixed(_) => self.summary.clone(),
            Build::Council(a) => Cow::Owned(council::summary(a)),
        }
    }

    /// The council, for a preset built from the DfE data.
    pub fn authority(&self) -> Option<&'static Authority> {
        match self.build {
            Build::Fixed(_) => None,
            Build::Council(a) => Some(a),
        }
    }

    /// The preset of `a`'s DfE data.
    pub fn of_council(a: &'static Authority) -> Self {
        Preset {
            id: Cow::Owned(a.preset_id()),
            name: Cow::Owned(format!("{}: published data", a.name)),
            summary: Cow::Borrowed(""),
            code: Some(a.code),
            build: Build::Council(a),
        }
    }
}

const fn fixed(
    id: &'static str,
    name: &'static str,
    summary: &'static str,
    code: Option<&'static str>,
    build: fn() -> Scenario,
) -> Preset {
    Preset {
        id: Cow::Borrowed(id),
        name: Cow::Borrowed(name),
        summary: Cow::Borrowed(summary),
        code,
        build: Build::Fixed(build),
    }
}

/// The council's published DSG balance for each year of `s` it has one
/// for, as the plan's outturn, with its source.
fn published_outturn(s: &mut Scenario, a: &Authority) {
    // Only the section 251 outturn: the earlier figures are estimates.
    let Some(balance) = a.dsg_balance_2024 else {
        return;
    };
    let year = FinYear::new(2023).unwrap_or(FinYear::MIN);
    s.outturn.dsg_balance.insert(year, Decimal::from(balance));
    s.sources.insert(
        Group::PublishedBalances.into(),
        Source::new(
            SourceKind::Data,
            format!(
                "{}'s DSG balance carried forward at 31 March 2024 ({}, 2023-24, line 1.9.3; positive a deficit). It covers the whole DSG and is net of any Safety Valve payments received, so it compares with the remaining deficit.",
                a.name,
                council::S251
            ),
        ),
    );
}

/// The preset loaded when nothing else is asked for.
pub const DEFAULT_PRESET: &str = "average";

/// The average authority and the five seed councils, default first.
pub static PRESETS: [Preset; 6] = [
    fixed(
        "average",
        "An average English authority (illustrative)",
        "National figures divided by England's 153 authorities, with illustrative costs and plan.",
        None,
        average::scenario,
    ),
    fixed(
        "haringey",
        "Haringey: from its Safety Valve papers",
        "Haringey's 2023-24 position statement: 16 costed projects and the £29.9m agreement.",
        Some("E09000014"),
        haringey::scenario,
    ),
    fixed(
        "southwark",
        "Southwark: from its Safety Valve papers",
        "Southwark's November 2024 update: its unmitigated and mitigated forecasts and DfE payments.",
        Some("E09000028"),
        southwark::scenario,
    ),
    fixed(
        "isle-of-wight",
        "Isle of Wight: from its Safety Valve papers",
        "Isle of Wight's May 2024 monitoring return: 9% then 4.5% growth and new island places.",
        Some("E06000046"),
        isle_of_wight::scenario,
    ),
    fixed(
        "wokingham",
        "Wokingham: from its Safety Valve papers",
        "Wokingham's March 2024 scrutiny update: a 0.5% Schools Block transfer and 240 free school places.",
        Some("E06000041"),
        wokingham::scenario,
    ),
    fixed(
        "medway",
        "Medway: from its Safety Valve papers",
        "Medway's November 2022 plan: its EHCP projection and placement mix to 2025-26.",
        Some("E06000035"),
        medway::scenario,
    ),
];

/// The preset with identifier `id`: one of [`PRESETS`], or `la:` and a
/// council's ONS code.
pub fn find(id: &str) -> Option<Preset> {
    match id.strip_prefix(authorities::PRESET_PREFIX) {
        Some(code) => authorities::find(code)
            .filter(|a| a.code == code)
            .map(Preset::of_council),
        None => PRESETS.iter().find(|p| p.id == id).cloned(),
    }
}

/// Every preset: [`PRESETS`], then every council's DfE data by name.
pub fn all() -> impl Iterator<Item = Preset> {
    let mut councils: Vec<&'static Authority> = AUTHORITIES.iter().collect();
    super::order::sort_small_by_key(&mut councils, |a| a.name);
    PRESETS
        .iter()
        .cloned()
        .chain(councils.into_iter().map(Preset::of_council))
}

/// Builds a scenario figure by figure, recording each figure's source.
pub(crate) struct Builder {
    pub s: Scenario,
}

pub(crate) fn year(start: u16) -> FinYear {
    FinYear::new(start).unwrap_or(FinYear::MIN)
}

/// Per-year figures from `(start year, value)` pairs.
pub(crate) fn by_year(pairs: &[(u16, Decimal)]) -> ByYear {
    super::order::map_of(pairs.iter().map(|&(y, v)| (year(y), v)))
}

/// Shares from counts of children, to 0.01 points, adding up to exactly
/// 100% (largest remainders take the rounding).
pub fn shares_from_counts(counts: [u32; 10]) -> PerSetting<Decimal> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return PerSetting::from_fn(|i| if i == 0 { Decimal::ONE } else { Decimal::ZERO });
    }
    // Work in units of 0.0001 (0.01 percentage points).
    let units = 10_000u64;
    let exact: Vec<(u64, u64)> = counts
        .iter()
        .map(|&c| {
            let scaled = u64::from(c) * units;
            (scaled / total, scaled % total)
        })
        .collect();
    let mut floor: Vec<u64> = exact.iter().map(|e| e.0).collect();
    let short = units - floor.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..10).collect();
    super::order::sort_small_by(&mut order, |&a, &b| {
        exact[b].1.cmp(&exact[a].1).then(a.cmp(&b))
    });
    for &i in order.iter().take(short as usize) {
        floor[i] += 1;
    }
    PerSetting::from_fn(|i| Decimal::new(floor[i] as i64, 4))
}

/// Splits `total` pounds into `n` whole-pound parts, the last taking any
/// remainder, so the parts add up to `total` exactly.
pub(crate) fn spread(total: Decimal, n: usize) -> Vec<Decimal> {
    if n == 0 {
        return Vec::new();
    }
    let each = (total / Decimal::from(n)).round();
    let mut out = vec![each; n];
    let rest = total - each * Decimal::from(n - 1);
    if let Some(last) = out.last_mut() {
        *last = rest;
    }
    out
}

impl Builder {
    /// A scenario for `authority` with national defaults for everything a
    /// council's paper does not give.
    pub fn new(authority: &str, first_year: u16, years: u8, agreement_end: u16) -> Self {
        let (settings, sources) = national::placements();
        let mut b = Builder {
            s: Scenario {
                version: SCENARIO_VERSION,
                about: About {
                    authority: authority.to_string(),
                    first_year: year(first_year),
                    years,
                    agreement_end: year(agreement_end),
                    notes: String::new(),
                    code: String::new(),
                },
                opening_deficit: Decimal::ZERO,
                income: Income {
                    hnb: Series::default(),
                    schools_block_transfer: Transfer::None,
                    transfer_reference: String::new(),
                    other_contributions: Vec::new(),
                },
                demand: Demand {
                    ehcps: Decimal::ZERO,
                    growth: Growth::default(),
                    by_age: None,
                },
                placements: Placements {
                    target_year: year(agreement_end),
                    settings,
                    waypoints: Default::default(),
                },
                other_spend: Vec::new(),
                savings: SavingsPlan::default(),
                agreement: Agreement::default(),
                baseline: Baseline {
                    growth: Growth::default(),
                },
                outturn: Default::default(),
                sources: Default::default(),
            },
        };
        for (path, src) in sources {
            b.s.sources.insert(path, src);
        }
        b.cite(
            Group::Confidence,
            SourceKind::Illustrative,
            "Illustrative delivery confidence by status: complete 100%, on track 90%, delayed 70%, at risk 40%.",
        );
        b.cite(
            Field::Tolerance,
            SourceKind::Illustrative,
            "The calculator's default: £0.1m, the precision to which agreed paths are published. The DfE publishes no numeric rule for withholding a payment.",
        );
        b
    }

    /// Records where the figure or figures at `node` came from.
    pub fn cite(&mut self, node: impl Into<Node>, kind: SourceKind, detail: &str) -> &mut Self {
        self.s
            .sources
            .insert(node.into(), Source::new(kind, detail));
        self
    }

    /// Sets the years and the agreement end's source.
    pub fn about(&mut self, kind: SourceKind, detail: &str) -> &mut Self {
        self.cite(Group::About, kind, detail)
    }

    /// Sets both today's and the planned shares from counts.
    pub fn mix_from_counts(
        &mut self,
        counts: [u32; 10],
        kind: SourceKind,
        detail: &str,
    ) -> &mut Self {
        let shares = shares_from_counts(counts);
        for (setting, v) in shares.iter() {
            let p = &mut self.s.placements.settings[setting];
            p.share_now = *v;
            p.share_plan = *v;
        }
        for s in Setting::ALL {
            self.cite(Field::Share(Mix::Now, s), kind, detail);
            self.cite(
                Field::Share(Mix::Plan, s),
                kind,
                &format!("{detail} Held in the plan unless stated."),
            );
        }
        self
    }

    /// Sets the planned shares.
    pub fn plan_mix(
        &mut self,
        shares: &PerSetting<Decimal>,
        kind: SourceKind,
        detail: &str,
    ) -> &mut Self {
        for (setting, v) in shares.iter() {
            self.s.placements.settings[setting].share_plan = *v;
            self.cite(Field::Share(Mix::Plan, setting), kind, detail);
        }
        self
    }

    /// EHCPs in the first year from the SEN2 census.
    pub fn ehcps_from_sen2(&mut self, count: u32, when: &str) -> &mut Self {
        self.s.demand.ehcps = Decimal::from(count);
        let detail = format!(
            "{} EHCPs in {} in {when}: {}.",
            super::format::count(Decimal::from(count)),
            self.s.about.authority,
            national::SEN2
        );
        self.cite(Field::Ehcps, SourceKind::Data, &detail)
    }

    /// The same growth with and without the plan.
    pub fn growth_both(&mut self, growth: Growth, kind: SourceKind, detail: &str) -> &mut Self {
        self.s.demand.growth = growth.clone();
        self.s.baseline.growth = growth;
        self.cite(Group::Growth(Run::Plan), kind, detail);
        self.cite(Group::Growth(Run::Baseline), kind, detail)
    }

    /// One line of other High Needs spend growing 3% a year.
    pub fn other_spend_line(
        &mut self,
        name: &str,
        first: Decimal,
        kind: SourceKind,
        detail: &str,
    ) -> &mut Self {
        self.other_spend(
            name,
            Series {
                first,
                growth: Decimal::new(3, 2),
                ..Series::default()
            },
            kind,
            detail,
        )
    }

    /// Changes one setting's placement.
    pub fn placement(&mut self, s: Setting) -> &mut Placement {
        &mut self.s.placements.settings[s]
    }

    /// Adds an other-spend line.
    pub fn other_spend(
        &mut self,
        name: &str,
        amount: Series,
        kind: SourceKind,
        detail: &str,
    ) -> &mut Self {
        let i = self.s.other_spend.len();
        self.s.other_spend.push(Line {
            name: name.to_string(),
            amount,
        });
        self.cite(Group::OtherSpendLine(i), kind, detail)
    }

    /// The finished scenario.
    pub fn build(&mut self) -> Scenario {
        self.s.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn shares_add_to_exactly_one() {
        let s = shares_from_counts([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(s.0.iter().sum::<Decimal>(), Decimal::ONE);
        assert_eq!(s.0[0], dec!(0.3334));
        let s = shares_from_counts([847, 3, 319, 76, 17, 121, 4, 52, 82, 46]);
        assert_eq!(s.0.iter().sum::<Decimal>(), Decimal::ONE);
        assert_eq!(
            shares_from_counts([0; 10]).0.iter().sum::<Decimal>(),
            Decimal::ONE
        );
    }

    #[test]
    fn spread_is_exact() {
        let parts = spread(dec!(1013000), 3);
        assert_eq!(parts, vec![dec!(337667), dec!(337667), dec!(337666)]);
        assert_eq!(
            spread(dec!(-634000), 4).iter().sum::<Decimal>(),
            dec!(-634000)
        );
        assert!(spread(dec!(5), 0).is_empty());
    }
}
