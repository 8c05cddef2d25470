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
//! ([`crate::backtest::place_funding_check`]); without the place
//! funding the two are far apart. The method page gives the figures, kept
//! current by `tests/pages.rs`.
//!
//! **Costs per child** ([`anchor`]): the national costs, every one
//! multiplied by the same factor, so that placements plus the other spend
//! lines come to that first-year spending; the relativities between
//! settings are the national ones. A council's paper preset starts from
//! the same [`base`] and keeps any cost its paper gives. [`cost_scale`]
//! gives the same factor directly, for the tests.

use crate::field::{Field, Part};
use crate::node::Group;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::Builder;
use super::national::{self, SEN2};
use crate::authorities::{AUTHORITIES, Authority, Jump, LAST_CENSUS, SafetyValve};
use crate::format::{count, millions_dp, percent};
use crate::projection::{RunKind, levers, simulate};
use crate::scenario::{Growth, Scenario, Series, SourceKind::*};
use crate::setting::Setting;

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
    let end = (v.year + u16::from(v.years) - 1).min(2027);
    let mut b = base(a, v, end, v.census);
    anchor(&mut b, a);
    b.build()
}

/// Everything of the council's scenario from its published data but the
/// costs per child: the years from `v` to `end` (the agreement end), its
/// EHCPs in January `v.census` and their growth (the average to that
/// census, then, for the years to January `known`, the published counts),
/// its placement mix, allocation, opening balance and other spend. A
/// council's paper preset starts here and puts in what its paper states;
/// [`anchor`] then sets the costs per child it leaves out.
pub(crate) fn base(a: &Authority, v: Vintage, end: u16, known: u16) -> Builder {
    let mut b = Builder::new(a.name, v.year, v.years, end);
    b.s.about.code = a.code.to_string();
    b.about(
        Data,
        &format!("{} years from {}-{:02}, the year of {}'s census of January {} and of its published spending. The deficit is measured at the end of {}-{:02}.", v.years, v.year, (v.year + 1) % 100, a.name, v.census, end, (end + 1) % 100),
    );
    b.cite(
        Group::TargetYear,
        Illustrative,
        &format!(
            "Illustrative: any planned mix is reached by {end}-{:02}.",
            (end + 1) % 100
        ),
    );
    let ehcps = a.ehcps_in(v.census).unwrap_or(0);
    b.ehcps_from_sen2(ehcps, &format!("January {}", v.census));

    let rate = a.growth_as_of(v.census);
    let from = a.growth_from_as_of(v.census);
    let mut growth = Growth::constant(rate);
    let mut words = format!(
        "{} a year, the compound average growth in {}'s EHCPs from January {from} ({}) to January {} ({}), computed from {SEN2}.",
        percent(rate, 1),
        a.name,
        count(Decimal::from(a.ehcps_in(from).unwrap_or(0))),
        v.census,
        count(Decimal::from(ehcps)),
    );
    // The years whose counts are published: the growth that happened.
    let mut actual = Vec::new();
    for census in v.census + 1..=known.min(LAST_CENSUS) {
        if let (Some(before), Some(after)) = (a.ehcps_in(census - 1), a.ehcps_in(census))
            && before > 0
        {
            let r = (Decimal::from(after) / Decimal::from(before) - Decimal::ONE).round_dp(4);
            growth
                .by_year
                .insert(super::year(census - 1), r.clamp(dec!(-0.5), Decimal::ONE));
            actual.push(format!("{} to January {census}", percent(r, 1)));
        }
    }
    if !actual.is_empty() {
        words = format!("As published: {}; then {words}", actual.join(", "));
    }
    words.push_str(" The published data hold no plan, so the plan starts at the same growth.");
    if let Some(c) = caution(a) {
        words.push(' ');
        words.push_str(&c);
    }
    b.growth_both(growth, Data, &words);

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
    if v.year == NOW.year {
        opening_balance(&mut b, a);
    } else if let Some((balance, _)) = a.balance(v.year.saturating_sub(1)) {
        b.s.opening_deficit = Decimal::from(balance);
        b.cite(
            Field::OpeningDeficit,
            Data,
            &format!(
                "{}'s DSG deficit at the end of {}-{:02}, the latest published before the first year: DfE's DSG balance as a share of the grant (SEND and AP inclusion dashboard) times the grant; whole DSG, approximate (about ±£15,000).",
                a.name,
                v.year - 1,
                v.year % 100
            ),
        );
    }
    other_spend(&mut b, a);
    b
}

/// The High Needs Block: the council's 2023-24 allocation raised by an
/// illustrative 3%, with its own recent growth beside it.
fn allocation(b: &mut Builder, a: &Authority, v: Vintage, share: Decimal, share_words: &str) {
    let own = match (a.allocation(2019), a.allocation(2023)) {
        (Some(from), Some(to)) if from > 0 => Some(crate::authorities::compound_rate(
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
            b.cite(Field::Hnb(Part::First), Data, &detail);
            // Later years' allocations, where published.
            let later: Vec<u16> = (v.year + 1..=v.year + u16::from(v.years) - 1)
                .filter(|y| a.allocation(*y).is_some())
                .collect();
            for y in &later {
                if let Some(p) = a.allocation(*y) {
                    b.s.income
                        .hnb
                        .by_year
                        .insert(super::year(*y), Decimal::from(p));
                }
            }
            if let (Some(first), Some(last)) = (later.first(), later.last()) {
                b.cite(
                    Group::HnbYears,
                    Data,
                    &format!(
                        "{}'s High Needs Block allocations before deductions for {first}-{:02} to {last}-{:02} ({DSG}).",
                        a.name,
                        (first + 1) % 100,
                        (last + 1) % 100
                    ),
                );
            }
        }
        None => {
            b.s.income.hnb = Series {
                first: thousands(national::HIGH_NEEDS_2024_25 * share),
                growth: dec!(0.03),
                ..Series::default()
            };
            b.cite(
                Field::Hnb(Part::First),
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
        Field::Hnb(Part::Growth),
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
                Field::OpeningDeficit,
                Data,
                &format!(
                    "{}'s DSG balance carried forward at 31 March 2024, {what} of {} ({S251}, 2023-24, line 1.9.3). It covers the whole DSG and is net of any Safety Valve payments already received.",
                    a.name,
                    crate::format::pounds(Decimal::from(amount))
                ),
            );
        }
        None => {
            let per = balance_per_ehcp();
            let ehcps = a.ehcps_in(2024).unwrap_or(a.latest());
            b.s.opening_deficit = thousands(per * Decimal::from(ehcps));
            b.cite(
                Field::OpeningDeficit,
                Illustrative,
                &format!(
                    "Fallback: {S251} publishes no DSG balance for {} at 31 March 2024, so this is England's net balance per EHCP over the 148 councils that published one ({} a child) times its {} EHCPs in January 2024. Replace it with the figure in the council's budget papers.",
                    a.name,
                    crate::format::pounds(per),
                    count(Decimal::from(ehcps))
                ),
            );
        }
    }
}

/// Other spend: the average council's non-placement lines, scaled to the
/// council's size and never more than a third of its first-year spending.
fn other_spend(b: &mut Builder, a: &Authority) {
    let target = first_year_spending(a, &b.s);
    let scale = Decimal::from(a.latest()) / (national::EHCPS_2025 / national::AUTHORITIES);
    let lines: Vec<(&str, Decimal)> = super::average::OTHER_SPEND
        .iter()
        .map(|(name, amount)| (*name, thousands(*amount * scale)))
        .collect();
    let other: Decimal = lines.iter().map(|(_, v)| *v).sum();
    let lines = match target {
        Some(t) if other * dec!(3) > t => {
            let k = t / (other * dec!(3));
            lines.iter().map(|(n, v)| (*n, thousands(*v * k))).collect()
        }
        _ => lines,
    };
    for (name, amount) in &lines {
        b.other_spend_line(
            name,
            *amount,
            Illustrative,
            "Illustrative non-placement High Needs spend for an average authority, scaled to this council's number of EHCPs, growing 3% a year. The section 251 outturn gives only the total.",
        );
    }
}

/// Sets the costs per child the scenario's own sources do not give (a
/// council paper's costs stay as they are) so that the first year's gross
/// spending is the council's own outturn plus place funding (module docs):
/// every one is the national cost times the same factor, to the nearest
/// £10. The first year's spending is found by running the model, so places
/// and overflow count as they will in the projection. Without published
/// spending for the first year the national costs stay.
pub(crate) fn anchor(b: &mut Builder, a: &Authority) {
    let Some(outturn) = first_year_spending(a, &b.s) else {
        return;
    };
    // The outturn is spending after any savings the plan made that year.
    let saved = simulate(&levers::<Decimal>(&b.s, RunKind::Mitigated))
        .first()
        .map_or(Decimal::ZERO, |r| r.savings);
    let target = outturn + saved;
    let year = b.s.about.first_year.start();
    let fixed: Vec<bool> = Setting::ALL
        .iter()
        .map(|t| {
            b.s.sources
                .get(&Field::Cost(*t).into())
                .is_some_and(|src| src.kind == Seed)
        })
        .collect();
    let at = |s: &mut Scenario, k: Decimal| {
        for (i, t) in Setting::ALL.iter().enumerate() {
            if !fixed[i] {
                s.placements.settings[*t].cost = national::cost(*t).0 * k;
            }
        }
        first_year(s).0
    };
    let mut s = b.s.clone();
    let g0 = at(&mut s, Decimal::ZERO);
    let g1 = at(&mut s, Decimal::ONE);
    if g1 <= g0 {
        return;
    }
    let k = ((target - g0) / (g1 - g0)).round_dp(4);
    let (deductions, own, _) = place_funding(a, year, children_in_places(&b.s));
    let net = Decimal::from(a.spend(year).unwrap_or(0));
    for (i, setting) in Setting::ALL.iter().enumerate() {
        if fixed[i] {
            continue;
        }
        let (national_cost, _, detail) = national::cost(*setting);
        b.placement(*setting).cost = ((national_cost * k / dec!(10)).round() * dec!(10))
            .clamp(Decimal::ZERO, crate::field::MAX_COST);
        b.cite(
            Field::Cost(*setting),
            Calibrated,
            &format!(
                "The national figure, £{} ({}), times {k}: the factor that brings {}'s first-year spending to {}: its {}-{:02} high needs spending of {} ({S251}, lines 1.2) plus place funding of {} ({} of ESFA deductions for directly funded places, and £10,000 for each of {} places it funds itself). Every setting whose cost the sources do not give is scaled alike.",
                count(national_cost),
                detail.split(':').next().unwrap_or(detail),
                a.name,
                millions_dp(outturn, 1),
                year,
                (year + 1) % 100,
                millions_dp(net, 1),
                millions_dp(outturn - net, 1),
                millions_dp(deductions, 1),
                count(own)
            ),
        );
    }
    let own_growth = spend_growth(a);
    for setting in Setting::ALL {
        let field = Field::Inflation(setting);
        if let (Some(g), Some(src)) = (own_growth, b.s.sources.get(&field.into()).cloned())
            && src.kind != Seed
        {
            b.cite(
                field,
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

/// For a scenario that starts before its council's latest published year
/// (a paper preset): the spending of every later year whose outturn is
/// published is the outturn plus place funding, as the first year's is.
/// One other-spend line, labelled calibrated, carries the difference
/// between that and what the model's placements cost (net of the plan's
/// savings, which the outturn is taken to include); after the last
/// published year it grows 3% a year. Nothing here looks at the deficit:
/// only at published spending.
pub(crate) fn follow_outturn(b: &mut Builder, a: &Authority) {
    let first = b.s.about.first_year.start();
    let years: Vec<u16> =
        b.s.about
            .years()
            .map(|y| y.start())
            .filter(|y| *y > first && a.spend(*y).is_some())
            .collect();
    if years.is_empty() {
        return;
    }
    let rows = simulate(&levers::<Decimal>(&b.s, RunKind::Mitigated));
    let mut line = crate::scenario::ByYear::new();
    let mut words = Vec::new();
    for y in &years {
        let Some(r) = rows.iter().find(|r| r.year.start() == *y) else {
            continue;
        };
        let children = [
            Setting::StateSpecial,
            Setting::ResourcedProvision,
            Setting::AlternativeProvision,
        ]
        .iter()
        .map(|t| r.children[*t])
        .sum();
        let net = Decimal::from(a.spend(*y).unwrap_or(0));
        let target = net + place_funding(a, *y, children).2;
        let gap = thousands(target - (r.gross_spend - r.savings));
        line.insert(super::year(*y), gap);
        words.push(format!(
            "{y}-{:02}: {} ({} spent, lines 1.2, plus place funding)",
            (y + 1) % 100,
            millions_dp(gap, 1),
            millions_dp(net, 1)
        ));
    }
    b.other_spend(
        "Spending the outturn shows beyond the model's placements (calibrated)",
        Series {
            first: Decimal::ZERO,
            growth: dec!(0.03),
            by_year: line,
        },
        Calibrated,
        &format!(
            "Set so that each year's spending, less the plan's savings, is {}'s published outturn plus place funding, as the first year's is: {} ({S251}). The plan's savings are taken to be in the outturn. Growing 3% a year after the last published year.",
            a.name,
            words.join("; ")
        ),
    );
}

/// For a scenario that starts before 2024-25 (a paper preset): the deficit
/// carried in is set so that the plan's remaining deficit at the end of
/// 2023-24 is the council's published DSG balance at 31 March 2024, given
/// the spending (which [`follow_outturn`] ties to the outturn) and the
/// payments in between. The deficit at the start of those years is only
/// estimated in the published data, and the balance also moves with the
/// DSG's other blocks; the one published figure fixes both. Nothing here
/// looks past 31 March 2024.
pub(crate) fn through_published_balance(b: &mut Builder, a: &Authority) {
    let Some(published) = a.dsg_balance_2024 else {
        return;
    };
    let published = Decimal::from(published);
    let remaining = |s: &Scenario| {
        simulate(&levers::<Decimal>(s, RunKind::Mitigated))
            .iter()
            .find(|r| r.year.start() == 2023)
            .map(|r| r.remaining_deficit)
    };
    let Some(now) = remaining(&b.s) else {
        return;
    };
    let estimate = b.s.opening_deficit;
    let year = b.s.about.first_year;
    b.s.opening_deficit = (estimate + published - now).round();
    b.cite(
        Field::OpeningDeficit,
        Calibrated,
        &format!(
            "Set so that the remaining deficit at the end of 2023-24 is {}'s published DSG balance at 31 March 2024, {} ({S251}, line 1.9.3), given the published spending and the DfE payments in between. The DfE's own measure put the deficit carried into {year} at about {}; the difference is what that estimate, the DSG's other blocks and the place-funding estimate leave out.",
            a.name,
            millions_dp(published, 2),
            millions_dp(estimate, 1)
        ),
    );
}

/// The council's own yearly change in high needs spending (lines 1.2) per
/// EHCP, 2021-22 to 2024-25.
pub fn spend_growth(a: &Authority) -> Option<Decimal> {
    let from = Decimal::from(a.spend(2021)?) / Decimal::from(a.ehcps_in(2022).filter(|n| *n > 0)?);
    let to = Decimal::from(a.spend(2024)?) / Decimal::from(a.ehcps_in(2025).filter(|n| *n > 0)?);
    Some(crate::authorities::compound_rate(from, to, 3))
}

/// The first year's gross spending and income of `s` without the plan (the
/// spending the outturn is set beside; the plan's savings come after it).
pub fn first_year(s: &Scenario) -> (Decimal, Decimal) {
    simulate(&levers::<Decimal>(s, RunKind::Unmitigated))
        .first()
        .map_or((Decimal::ZERO, Decimal::ZERO), |r| {
            (r.gross_spend, r.income)
        })
}
