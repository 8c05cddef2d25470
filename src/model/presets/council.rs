//! A scenario for any English council from the published data built into
//! the page: its own EHCPs, growth and placement mix (SEN2); its own High
//! Needs Block allocation (ESFA); its own DSG balance at 31 March 2024 as
//! the deficit carried in, and its own 2024-25 high needs spending as the
//! first year's spending (DfE section 251 outturn). What the data do not
//! hold (costs per child by setting, the split of other spend) is filled by
//! a stated recipe, below, beside the figures it makes; `tests/authorities.rs`
//! recomputes it for every council.
//!
//! **The first year's spending.** Section 251 lines 1.2.1–1.2.13 leave out
//! place funding: the £10,000 a place in maintained special schools, units
//! and alternative provision that the council pays, and the places in
//! academies, free schools and colleges that the ESFA pays directly (and
//! deducts from the allocation). The model's income is the allocation
//! *before* those deductions, so its spending must include all place
//! funding. The recipe ([`first_year_spending`]):
//!
//! - the ESFA's deductions for directly funded places in 2023-24 (the
//!   allocation before deductions less after), taken as unchanged in
//!   2024-25; plus
//! - £10,000 for each child in a state special school, resourced provision
//!   or alternative provision beyond the places those deductions pay for at
//!   £10,000 each (the places the council funds itself); plus
//! - the council's 2024-25 lines 1.2.
//!
//! Checked against what was published: for the councils with every figure,
//! the overspend this gives for 2022-23 and 2023-24 together is set beside
//! the change in their published DSG balance over those two years
//! ([`crate::model::backtest::place_funding_check`]); without the place
//! funding the two are far apart. The method page gives the figures, kept
//! current by `tests/pages.rs`.
//!
//! **Costs per child** ([`cost_scale`]): the national costs, every one
//! multiplied by the same factor, so that placements plus the other spend
//! lines come to that first-year spending; the relativities between
//! settings are the national ones.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::Builder;
use super::national::{self, SEN2};
use crate::model::authorities::{AUTHORITIES, Authority, Jump, LAST_CENSUS, SafetyValve};
use crate::model::format::{count, millions_dp, percent};
use crate::model::projection::{RunKind, levers, simulate};
use crate::model::scenario::{Growth, Scenario, Series, SourceKind::*};
use crate::model::setting::Setting;

/// Where the allocation comes from, for the page's attribution.
pub const DSG: &str = "ESFA Dedicated Schools Grant allocation tables, as held in October 2023, via DfE's SEND and AP inclusion dashboard";
/// Where the outturn comes from.
pub const S251: &str = "DfE, LA and school expenditure (section 251 outturn)";
/// The place funding for a maintained place (DfE high needs funding
/// operational guide).
pub const PLACE: Decimal = dec!(10_000);
/// What was published when a scenario is made: the January census its
/// EHCPs come from, and its first financial year (whose spending is the
/// latest published). The page uses [`NOW`]; the backtest asks what the same
/// method would have made from [`BACKTEST`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vintage {
    /// The January census (2025).
    pub census: u16,
    /// The first financial year, as the year it starts (2024 for 2024-25).
    pub year: u16,
    /// Years projected.
    pub years: u8,
}

/// Today's data: January 2025, spending in 2024-25, six years.
pub const NOW: Vintage = Vintage {
    census: 2025,
    year: 2024,
    years: 6,
};

/// What was published by January 2022: EHCPs 2019–2022, spending to
/// 2021-22; four years, to 2024-25.
pub const BACKTEST: Vintage = Vintage {
    census: 2022,
    year: 2021,
    years: 4,
};

/// The council's share of England's EHCPs in January 2025.
fn share_of_england(a: &Authority) -> Decimal {
    Decimal::from(a.latest()) / national::EHCPS_2025
}

/// Pounds to the nearest £1,000.
fn thousands(d: Decimal) -> Decimal {
    (d / dec!(1000)).round() * dec!(1000)
}

/// "a fall from 2,705 to 1,199 in the year to January 2025".
pub fn jump_words(j: &Jump) -> String {
    let how = if j.to < j.from { "a fall" } else { "a rise" };
    format!(
        "{how} from {} to {} in the year to January {}",
        count(Decimal::from(j.from)),
        count(Decimal::from(j.to)),
        j.year
    )
}

/// A warning about odd moves in the council's counts, if there are any.
pub fn caution(a: &Authority) -> Option<String> {
    let jumps = a.jumps();
    if jumps.is_empty() {
        return None;
    }
    let list: Vec<String> = jumps.iter().map(jump_words).collect();
    Some(format!(
        "Check the growth: the published counts show {}. A change in how plans were recorded can cause moves like this.",
        list.join(" and ")
    ))
}

/// The council's programme in words ("in the Safety Valve programme since
/// 2022-23"), if it is in one.
pub fn programme(a: &Authority) -> Option<String> {
    let dbv = (a.dbv_tranche > 0).then(|| {
        format!(
            "Delivering Better Value (tranche {}, DfE grant letter of November 2023)",
            a.dbv_tranche
        )
    });
    let sv = match a.safety_valve {
        SafetyValve::No => None,
        SafetyValve::Signed(y) => Some(format!(
            "a Safety Valve agreement made in {y}-{:02} (DfE, Dedicated schools grant: very high deficit intervention)",
            (y + 1) % 100
        )),
        SafetyValve::SignedYearUnknown => Some(
            "a Safety Valve agreement (the council's own papers; the year is not in the DfE list)"
                .into(),
        ),
    };
    match (sv, dbv) {
        (Some(s), Some(d)) => Some(format!("{s}; earlier in {d}")),
        (Some(s), None) => Some(s),
        (None, Some(d)) => Some(d),
        (None, None) => None,
    }
}

/// A short tag for the picker: "Safety Valve 2022-23", "DBV", or nothing.
pub fn programme_tag(a: &Authority) -> Option<String> {
    match a.safety_valve {
        SafetyValve::Signed(y) => Some(format!("Safety Valve {y}-{:02}", (y + 1) % 100)),
        SafetyValve::SignedYearUnknown => Some("Safety Valve".into()),
        SafetyValve::No if a.dbv_tranche > 0 => Some("Delivering Better Value".into()),
        SafetyValve::No => None,
    }
}

/// What a preset from the council's own papers adds, for the councils that
/// have one.
pub fn paper_adds(a: &Authority) -> Option<&'static str> {
    super::PRESETS.iter().find(|p| p.code == Some(a.code))?;
    Some(
        "Its Safety Valve papers are also a preset, which adds what only the papers hold: the agreement with the DfE (its payments and agreed deficit path) and the plan as the council published it.",
    )
}

/// The one-line summary in the picker.
pub fn summary(a: &'static Authority) -> String {
    let balance = match a.dsg_balance_2024 {
        Some(b) => format!(
            "a DSG {} of {} at 31 March 2024",
            if b > 0 { "deficit" } else { "surplus" },
            millions_dp(Decimal::from(b.abs()), 1)
        ),
        None => "no published DSG balance for 31 March 2024".into(),
    };
    let mut out = format!(
        "Published data for {}: {} EHCPs in January {LAST_CENSUS}, up {} a year on average since {}; {balance}.",
        a.name,
        count(Decimal::from(a.latest())),
        percent(a.recent_growth(), 1),
        a.growth_from(),
    );
    if let Some(p) = programme(a) {
        out.push_str(&format!(" In {p}."));
    }
    out.push_str(" Costs per child are national figures scaled to its own 2024-25 spending; there is no plan until you make one.");
    if let Some(words) = super::super::backtest::sentence(a) {
        out.push(' ');
        out.push_str(&words);
    }
    if let Some(adds) = paper_adds(a) {
        out.push(' ');
        out.push_str(adds);
    }
    if let Some(c) = caution(a) {
        out.push(' ');
        out.push_str(&c);
    }
    out
}

/// England's DSG balance at 31 March 2024 per EHCP (January 2024), over the
/// councils that published one: the fallback for those that did not.
pub fn balance_per_ehcp() -> Decimal {
    let (balance, ehcps) = AUTHORITIES
        .iter()
        .filter_map(|a| Some((a.dsg_balance_2024?, a.ehcps_in(2024)?)))
        .fold((0i64, 0u64), |(b, e), (x, n)| {
            (b + i64::from(x), e + u64::from(n))
        });
    if ehcps == 0 {
        return Decimal::ZERO;
    }
    Decimal::from(balance) / Decimal::from(ehcps)
}

/// The first year's place funding, estimated as the module docs say:
/// `(deductions, places the council funds, total)`, in pounds. The
/// deductions are those of the first year, or of the year before where the
/// first year's are not published.
pub fn place_funding(
    a: &Authority,
    year: u16,
    children_in_places: Decimal,
) -> (Decimal, Decimal, Decimal) {
    let deductions = Decimal::from(
        a.deductions(year)
            .or_else(|| a.deductions(year.saturating_sub(1)))
            .unwrap_or(0),
    );
    let funded_by_esfa = (deductions / PLACE).floor();
    let own = (children_in_places - funded_by_esfa)
        .max(Decimal::ZERO)
        .round();
    (deductions, own, deductions + own * PLACE)
}

/// Children in the settings that get place funding (state special schools,
/// resourced provision, alternative provision) in the first year of `s`.
fn children_in_places(s: &Scenario) -> Decimal {
    [
        Setting::StateSpecial,
        Setting::ResourcedProvision,
        Setting::AlternativeProvision,
    ]
    .iter()
    .map(|t| s.demand.ehcps * s.placements.settings[*t].share_now)
    .sum()
}

/// The first year's spending the scenario is anchored to: the council's
/// 2024-25 high needs net expenditure plus its place funding (module docs),
/// in pounds; `None` where the outturn is not published.
pub fn first_year_spending(a: &Authority, s: &Scenario) -> Option<Decimal> {
    let year = s.about.first_year.start();
    let net = Decimal::from(a.spend(year)?);
    Some(net + place_funding(a, year, children_in_places(s)).2)
}

/// The factor every national cost per child is multiplied by so that the
/// first year's placements cost `spending` less `other`, the other spend.
pub fn cost_scale(s: &Scenario, spending: Decimal, other: Decimal) -> Decimal {
    let at_national: Decimal = Setting::ALL
        .iter()
        .map(|t| s.demand.ehcps * s.placements.settings[*t].share_now * national::cost(*t).0)
        .sum();
    if at_national <= Decimal::ZERO {
        return Decimal::ONE;
    }
    ((spending - other) / at_national).round_dp(4)
}

/// The council's scenario.
pub fn scenario(a: &Authority) -> Scenario {
    scenario_as_of(a, NOW)
}

/// The council's scenario as the same method would make it from what was
/// published by `v`.
pub fn scenario_as_of(a: &Authority, v: Vintage) -> Scenario {
    let end = v.year + u16::from(v.years) - 1;
    let mut b = Builder::new(a.name, v.year, v.years, end.min(2027));
    b.s.about.code = a.code.to_string();
    b.about(
        Data,
        &format!("{} years from {}-{:02}, the year of {}'s census of January {} and of its latest published spending. The deficit is measured at the end of 2027-28, when the statutory override is due to end (written parliamentary answer, 8 July 2025).", v.years, v.year, (v.year + 1) % 100, a.name, v.census),
    );
    b.cite(
        "placements.target_year",
        Illustrative,
        "Illustrative: any planned mix is reached by 2027-28.",
    );
    let ehcps = a.ehcps_in(v.census).unwrap_or(0);
    b.ehcps_from_sen2(ehcps, &format!("January {}", v.census));

    let rate = a.growth_as_of(v.census);
    let from = a.growth_from_as_of(v.census);
    let mut growth = format!(
        "{} a year, the compound average growth in {}'s EHCPs from January {from} ({}) to January {} ({}), computed from {SEN2}. The published data hold no plan, so the plan starts at the same growth.",
        percent(rate, 1),
        a.name,
        count(Decimal::from(a.ehcps_in(from).unwrap_or(0))),
        v.census,
        count(Decimal::from(ehcps)),
    );
    if let Some(c) = caution(a) {
        growth.push(' ');
        growth.push_str(&c);
    }
    b.growth_both(Growth::constant(rate), Data, &growth);

    let mix = if a.placed() > 0 {
        a.placements
    } else {
        national::MIX_2025
    };
    let recorded = if a.not_recorded > 0 {
        format!(
            ", with the {} children with no placement recorded spread in proportion",
            count(Decimal::from(a.not_recorded))
        )
    } else {
        String::new()
    };
    b.mix_from_counts(
        mix,
        Data,
        &format!(
            "{}'s placements in January {}{recorded}: computed from {SEN2}.",
            a.name, a.placement_year
        ),
    );

    let share = share_of_england(a);
    let share_words = percent(share, 2);
    allocation(&mut b, a, v, share, &share_words);
    if v == NOW {
        opening_balance(&mut b, a);
    } else if let Some((balance, _)) = a.balance(v.year.saturating_sub(1)) {
        b.s.opening_deficit = Decimal::from(balance);
        b.cite(
            "opening_deficit",
            Data,
            "The DSG deficit at the end of the year before, from DfE's DSG deficit measure (about ±£15,000).",
        );
    }
    spending(&mut b, a);
    b.build()
}

/// The High Needs Block: the council's 2023-24 allocation raised by an
/// illustrative 3%, with its own recent growth beside it.
fn allocation(b: &mut Builder, a: &Authority, v: Vintage, share: Decimal, share_words: &str) {
    let own = match (a.allocation(2019), a.allocation(2023)) {
        (Some(from), Some(to)) if from > 0 => Some(crate::model::authorities::compound_rate(
            Decimal::from(from),
            Decimal::from(to),
            4,
        )),
        _ => None,
    };
    let published = a
        .allocation(v.year)
        .map(|p| (p, false))
        .or_else(|| a.allocation(v.year.saturating_sub(1)).map(|p| (p, true)));
    match published {
        Some((pounds, raised)) => {
            let factor = if raised { dec!(1.03) } else { Decimal::ONE };
            b.s.income.hnb = Series {
                first: thousands(Decimal::from(pounds) * factor),
                growth: dec!(0.03),
                ..Series::default()
            };
            let detail = if raised {
                format!(
                    "{}'s High Needs Block allocation for {}-{:02} before deductions, {} ({DSG}), raised by an illustrative 3% to {}-{:02} (its allocation for that year is not in the data).",
                    a.name,
                    v.year - 1,
                    v.year % 100,
                    millions_dp(Decimal::from(pounds), 1),
                    v.year,
                    (v.year + 1) % 100
                )
            } else {
                format!(
                    "{}'s High Needs Block allocation for {}-{:02} before deductions, {} ({DSG}).",
                    a.name,
                    v.year,
                    (v.year + 1) % 100,
                    millions_dp(Decimal::from(pounds), 1)
                )
            };
            b.cite("income.hnb.first", Data, &detail);
        }
        None => {
            b.s.income.hnb = Series {
                first: thousands(national::HIGH_NEEDS_2024_25 * share),
                growth: dec!(0.03),
                ..Series::default()
            };
            b.cite(
                "income.hnb.first",
                Illustrative,
                &format!(
                    "Fallback, not in the ESFA tables for {}: England's £10.7bn of high needs funding in 2024-25 (National Audit Office, October 2024) times its share of England's EHCPs ({share_words}).",
                    a.name
                ),
            );
        }
    }
    let own_words = own.map_or(String::new(), |r| {
        format!(
            " {}'s own allocation grew {} a year from 2019-20 to 2023-24 ({DSG}), as funding for rising numbers was added; type that here to carry it on.",
            a.name,
            percent(r, 1)
        )
    });
    b.cite(
        "income.hnb.growth",
        Illustrative,
        &format!("Illustrative 3% a year growth in the allocation.{own_words}"),
    );
}

/// The deficit carried into 2024-25: the council's published DSG balance at
/// 31 March 2024, sign kept; for the five councils without one, England's
/// balance per EHCP times the council's EHCPs, said to be a fallback.
fn opening_balance(b: &mut Builder, a: &Authority) {
    match a.dsg_balance_2024 {
        Some(balance) => {
            b.s.opening_deficit = Decimal::from(balance);
            let (what, amount) = if balance > 0 {
                ("a deficit", balance)
            } else {
                ("a surplus", -balance)
            };
            b.cite(
                "opening_deficit",
                Data,
                &format!(
                    "{}'s DSG balance carried forward at 31 March 2024, {what} of {} ({S251}, 2023-24, line 1.9.3). It covers the whole DSG and is net of any Safety Valve payments already received.",
                    a.name,
                    crate::model::format::pounds(Decimal::from(amount))
                ),
            );
        }
        None => {
            let per = balance_per_ehcp();
            let ehcps = a.ehcps_in(2024).unwrap_or(a.latest());
            b.s.opening_deficit = thousands(per * Decimal::from(ehcps));
            b.cite(
                "opening_deficit",
                Illustrative,
                &format!(
                    "Fallback: {S251} publishes no DSG balance for {} at 31 March 2024, so this is England's net balance per EHCP over the 148 councils that published one ({} a child) times its {} EHCPs in January 2024. Replace it with the figure in the council's budget papers.",
                    a.name,
                    crate::model::format::pounds(per),
                    count(Decimal::from(ehcps))
                ),
            );
        }
    }
}

/// Costs per child and other spend, so that the first year's spending is
/// the council's own (module docs).
fn spending(b: &mut Builder, a: &Authority) {
    let target = first_year_spending(a, &b.s);
    // The average preset's non-placement lines, scaled to the council's
    // size, and never more than a third of its spending.
    let scale = Decimal::from(a.latest()) / (national::EHCPS_2025 / national::AUTHORITIES);
    let lines: Vec<(&str, Decimal)> = super::average::OTHER_SPEND
        .iter()
        .map(|(name, amount)| (*name, thousands(*amount * scale)))
        .collect();
    let other: Decimal = lines.iter().map(|(_, v)| *v).sum();
    let (lines, other) = match target {
        Some(t) if other * dec!(3) > t => {
            let k = t / (other * dec!(3));
            let lines: Vec<(&str, Decimal)> =
                lines.iter().map(|(n, v)| (*n, thousands(*v * k))).collect();
            let other = lines.iter().map(|(_, v)| *v).sum();
            (lines, other)
        }
        _ => (lines, other),
    };
    for (name, amount) in &lines {
        b.other_spend_line(
            name,
            *amount,
            Illustrative,
            "Illustrative non-placement High Needs spend for an average authority, scaled to this council's number of EHCPs, growing 3% a year. The section 251 outturn gives only the total.",
        );
    }
    let own_growth = spend_growth(a);
    // Without published spending (no council today) the national costs
    // stay, with their own sources.
    if let Some(t) = target {
        let k = cost_scale(&b.s, t, other);
        let year = b.s.about.first_year.start();
        let (deductions, own, _) = place_funding(a, year, children_in_places(&b.s));
        let net = Decimal::from(a.spend(year).unwrap_or(0));
        for setting in Setting::ALL {
            let (national_cost, _, detail) = national::cost(setting);
            // To the nearest £10, within what a cost per child may be.
            b.placement(setting).cost = ((national_cost * k / dec!(10)).round() * dec!(10))
                .clamp(Decimal::ZERO, crate::model::field::MAX_COST);
            b.cite(
                &format!("placements.settings.{}.cost", setting.id()),
                Calibrated,
                &format!(
                    "The national figure, £{} ({}), times {k}: the factor that brings {}'s first-year spending to {}: its {}-{:02} high needs spending of {} ({S251}, lines 1.2) plus place funding of {} ({} of ESFA deductions for directly funded places, and £10,000 for each of {} places it funds itself). Every setting is scaled alike.",
                    count(national_cost),
                    detail.split(':').next().unwrap_or(detail),
                    a.name,
                    millions_dp(t, 1),
                    year,
                    (year + 1) % 100,
                    millions_dp(net, 1),
                    millions_dp(t - net, 1),
                    millions_dp(deductions, 1),
                    count(own)
                ),
            );
        }
    }
    for setting in Setting::ALL {
        let path = format!("placements.settings.{}.inflation", setting.id());
        if let (Some(g), Some(src)) = (own_growth, b.s.sources.get(&path).cloned()) {
            b.cite(
                &path,
                src.kind,
                &format!(
                    "{} {}'s own high needs spending per child with a plan changed {} a year from 2021-22 to 2024-25 ({S251} and {SEN2}), which also carries changes in the mix.",
                    src.detail,
                    a.name,
                    percent(g, 1)
                ),
            );
        }
    }
}

/// The council's own yearly change in high needs spending (lines 1.2) per
/// EHCP, 2021-22 to 2024-25.
pub fn spend_growth(a: &Authority) -> Option<Decimal> {
    let from = Decimal::from(a.spend(2021)?) / Decimal::from(a.ehcps_in(2022).filter(|n| *n > 0)?);
    let to = Decimal::from(a.spend(2024)?) / Decimal::from(a.ehcps_in(2025).filter(|n| *n > 0)?);
    Some(crate::model::authorities::compound_rate(from, to, 3))
}

/// The first year's spending and income of `s`'s plan.
pub fn first_year(s: &Scenario) -> (Decimal, Decimal) {
    simulate(&levers::<Decimal>(s, RunKind::Mitigated))
        .first()
        .map_or((Decimal::ZERO, Decimal::ZERO), |r| {
            (r.gross_spend, r.income)
        })
}
