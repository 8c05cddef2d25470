//! Demand by age (docs/MODEL.md §15): plans held at each age each January,
//! carried forward a year at a time. Most of next January's plans are this
//! January's a year older; new plans start at known ages, and plans end at
//! known ages (over half at 19 or more).
//!
//! `E[a][y]` is the stock at age `a` (under 3, 3, …, 25) in January of year
//! `y`. A year on:
//!
//! ```text
//! E[0][y+1]   = N[0][y] + M[0][y]
//! E[a+1][y+1] = E[a][y] × (1 − c[a]) + N[a+1][y] + M[a+1][y]
//! ```
//!
//! with `c[a]` the share of plans at age `a` that end in a year (ended ÷
//! stock), `N` the new plans starting at each age, and `M` a net adjustment
//! (moves between councils, revisions) calibrated so that the last published
//! January follows from the one before. Plans at 25 all end. Under-3s are
//! one band that moves to 3 a year on as one: so few hold plans (481 in
//! England in January 2024) that the band's own ageing is not worth
//! modelling.

use rust_decimal::Decimal;

use crate::setting::PerSetting;

/// Single years of age held: under 3, then 3 to 25.
pub const AGES: usize = 24;

/// Plans (or flows) at each age, under 3 first.
pub type ByAge = [Decimal; AGES];

/// Decimal places counts keep (as the projection's).
const COUNT_DP: u32 = 6;

/// The age at index `i` in words ("under 3", "3", … "25").
pub fn age_label(i: usize) -> String {
    match i {
        0 => "under 3".into(),
        i => (i + 2).to_string(),
    }
}

/// Index of a single age from 3 to 25.
pub fn index_of(age: u8) -> Option<usize> {
    (3..=25).contains(&age).then(|| usize::from(age) - 2)
}

/// Flows as SEN2 publishes them: at ages 2 and under, 3 to 19 one by one,
/// and 20 and over together, plus (for ended plans) age unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PublishedFlow {
    /// 2 and under, 3, …, 19, then 20 and over (19 bands).
    pub by_band: [u32; 19],
    /// Age not known.
    pub unknown: u32,
}

/// Sums `v`.
pub fn total(v: &ByAge) -> Decimal {
    v.iter().copied().sum()
}

/// Shares `amount` among ages `from..AGES` in proportion to `stock` (evenly
/// where the stock there is zero).
fn share_out(out: &mut ByAge, amount: Decimal, stock: &ByAge, from: usize) {
    let weight: Decimal = stock[from..].iter().copied().sum();
    let n = Decimal::from(AGES - from);
    for (a, o) in out.iter_mut().enumerate().skip(from) {
        let part = if weight.is_zero() {
            amount / n
        } else {
            amount * stock[a] / weight
        };
        *o += part;
    }
}

/// A published flow on single ages: "20 and over" shared among 20 to 25,
/// and "unknown" among all ages, each in proportion to `stock`.
pub fn spread(flow: &PublishedFlow, stock: &ByAge) -> ByAge {
    let mut out = [Decimal::ZERO; AGES];
    for (band, v) in flow.by_band.iter().take(18).enumerate() {
        out[band] = Decimal::from(*v);
    }
    share_out(&mut out, Decimal::from(flow.by_band[18]), stock, 18);
    share_out(&mut out, Decimal::from(flow.unknown), stock, 0);
    out
}

/// The share of plans at each age that end in a year: ended ÷ stock, held
/// to 0–100% (an age with no stock ends nothing).
pub fn ending_rates(stock: &ByAge, ended: &ByAge) -> ByAge {
    let mut c = [Decimal::ZERO; AGES];
    for a in 0..AGES {
        if stock[a] > Decimal::ZERO {
            c[a] = (ended[a] / stock[a]).clamp(Decimal::ZERO, Decimal::ONE);
        }
    }
    c
}

/// January a year on: each age a year older, less the plans that end, plus
/// new plans and the adjustment. A count the adjustment would take below
/// zero is held at zero.
pub fn age_on(stock: &ByAge, ending: &ByAge, new: &ByAge, adjust: &ByAge) -> ByAge {
    let mut next = [Decimal::ZERO; AGES];
    next[0] = new[0] + adjust[0];
    for a in 0..AGES - 1 {
        next[a + 1] = stock[a] * (Decimal::ONE - ending[a]) + new[a + 1] + adjust[a + 1];
    }
    next.map(|v| v.max(Decimal::ZERO).round_dp(COUNT_DP))
}

/// The adjustment `M` that makes `target` follow from `stock` with these
/// flows: what the published January holds beyond what ageing explains.
pub fn adjustment(stock: &ByAge, ending: &ByAge, new: &ByAge, target: &ByAge) -> ByAge {
    let zero = [Decimal::ZERO; AGES];
    let aged = age_on(stock, ending, new, &zero);
    let mut m = [Decimal::ZERO; AGES];
    for a in 0..AGES {
        m[a] = target[a] - aged[a];
    }
    m
}

/// Stock by age each January from `start` for `years` Januaries (the first
/// is `start`), with new plans growing by `new_growth` a year from `new`.
pub fn project(
    start: &ByAge,
    ending: &ByAge,
    new: &ByAge,
    new_growth: Decimal,
    adjust: &ByAge,
    years: usize,
) -> Vec<ByAge> {
    let mut out = Vec::with_capacity(years);
    let mut stock = *start;
    let mut new_now = *new;
    for y in 0..years {
        if y > 0 {
            stock = age_on(&stock, ending, &new_now, adjust);
            new_now = new_now.map(|v| (v * (Decimal::ONE + new_growth)).round_dp(COUNT_DP));
        }
        out.push(stock);
    }
    out
}

/// January 2025 rebuilt from January 2024 and 2024's flows (no adjustment),
/// beside what was published: how well ageing alone explains a year.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeCheck {
    /// The council (or England).
    pub code: &'static str,
    /// Plans published in January 2025.
    pub published: Decimal,
    /// Plans the model makes of January 2025.
    pub model: Decimal,
    /// Plans at the wrong age: half the sum over ages of the model's
    /// difference from the published figure, as a share of the published
    /// total (0 when every age matches).
    pub misplaced: Decimal,
    /// Flow figures suppressed in the source.
    pub suppressed: u16,
}

impl AgeCheck {
    /// The model's total less the published, as a share of the published.
    pub fn total_error(&self) -> Option<Decimal> {
        (!self.published.is_zero()).then(|| (self.model - self.published) / self.published)
    }
}

/// The January 2025 reconstruction for one council's published data.
pub fn check(d: &crate::authorities::AgeData) -> AgeCheck {
    let now = d.january[0].map(Decimal::from);
    let then = d.january[1].map(Decimal::from);
    let new = spread(&d.new_2024, &now);
    let ended = spread(&d.ended_2024, &now);
    let zero = [Decimal::ZERO; AGES];
    let model = age_on(&now, &ending_rates(&now, &ended), &new, &zero);
    let published = total(&then);
    let off: Decimal = model.iter().zip(&then).map(|(m, p)| (*m - *p).abs()).sum();
    AgeCheck {
        code: d.code,
        published,
        model: total(&model).round_dp(0),
        misplaced: if published.is_zero() {
            Decimal::ZERO
        } else {
            (off / Decimal::TWO / published).round_dp(4)
        },
        suppressed: d.suppressed,
    }
}

/// The reconstruction as CSV, England first then every council: code,
/// name, published, model, total error, share at the wrong age, suppressed
/// flow figures.
pub fn check_csv(rows: &[AgeCheck]) -> String {
    let mut out = String::from(
        "la_code,la_name,published_jan_2025,model_jan_2025,total_error,misplaced_by_age,suppressed_flows\n",
    );
    for r in rows {
        let name = crate::authorities::find(r.code).map_or("England", |a| a.name);
        out.push_str(&format!(
            "{},\"{}\",{},{},{},{},{}\n",
            r.code,
            name,
            r.published,
            r.model,
            r.total_error()
                .map_or(String::new(), |e| e.round_dp(4).to_string()),
            r.misplaced,
            r.suppressed
        ));
    }
    out
}

/// England's code: its figures by age are for checks, not a council.
const ENGLAND: &str = "E92000001";

/// The first financial year a scenario by age can start in: the one whose
/// January census (2025) is the latest by age.
pub const FIRST_YEAR: u16 = 2024;

/// The council whose figures by age a scenario by age needs and this
/// program has not yet loaded (the page fetches them when first needed;
/// the tool has every council's built in): its code, or `None` if the
/// scenario is not by age, its figures are here, or it is not a council's.
pub fn awaiting(s: &crate::Scenario) -> Option<&'static str> {
    s.demand.by_age.as_ref()?;
    let a = crate::authorities::find(&s.about.code)?;
    crate::authorities::ages_of(a.code)
        .is_none()
        .then_some(a.code)
}

/// The council's data by age for a scenario by age, or why it cannot be
/// projected by age, in words.
pub fn data_for(s: &crate::Scenario) -> Result<&'static crate::authorities::AgeData, String> {
    if let Some(code) = awaiting(s) {
        let name = crate::authorities::find(code).map_or(code, |a| a.name);
        return Err(format!(
            "The figures by age for {name} are not loaded yet: they load when the page projects {name} by age"
        ));
    }
    let code = crate::authorities::find(&s.about.code).map_or(s.about.code.as_str(), |a| a.code);
    let d = crate::authorities::ages_of(code)
        .filter(|d| d.code != ENGLAND)
        .ok_or_else(|| {
            "Demand by age needs a council's own figures by age: choose a council (its code)"
                .to_string()
        })?;
    if s.about.first_year.start() != FIRST_YEAR {
        return Err(format!(
            "Demand by age starts from the January 2025 census, so the first year must be {FIRST_YEAR}-{:02} (it is {})",
            (FIRST_YEAR + 1) % 100,
            s.about.first_year
        ));
    }
    let total: u32 = d.january[1].iter().sum();
    if s.demand.ehcps != Decimal::from(total) {
        return Err(format!(
            "Demand by age starts from the {} plans the council held in January 2025, so the number of EHCPs must be that (it is {})",
            crate::format::count(Decimal::from(total)),
            crate::format::count(s.demand.ehcps)
        ));
    }
    Ok(d)
}

/// Today's share of each setting at each age, from the council's counts; an
/// age with no placements recorded takes the council's mix over all ages.
pub fn settings_by_age(d: &crate::authorities::AgeData) -> [PerSetting<Decimal>; AGES] {
    let mut all = [0u64; 10];
    for row in &d.settings {
        for (k, v) in row.iter().enumerate() {
            all[k] += u64::from(*v);
        }
    }
    let shares = |counts: [u64; 10]| -> Option<PerSetting<Decimal>> {
        let sum: u64 = counts.iter().sum();
        (sum > 0).then(|| PerSetting(counts.map(|c| Decimal::from(c) / Decimal::from(sum))))
    };
    let overall = shares(all).unwrap_or(PerSetting([Decimal::ZERO; 10]));
    std::array::from_fn(|a| shares(d.settings[a].map(u64::from)).unwrap_or(overall))
}

/// The fields a scenario by age adds (its levers).
pub const LEVERS: [crate::field::Field; 3] = [
    crate::field::Field::NewPlanGrowth(crate::field::Run::Plan),
    crate::field::Field::NewPlanGrowth(crate::field::Run::Baseline),
    crate::field::Field::SecondaryMainstream,
];

/// A council's levers by age before a person sets them: as many new plans
/// each year as in 2024, the latest year published (new plans swing widely
/// from year to year: Haringey's fell from 401 in 2022 to 204 in 2024,
/// Southwark's more than quadrupled, so no council's own recent change is
/// a fair rate to compound for fifteen years), in the plan and without
/// it, and each age's settings kept as they are.
pub fn default_levers() -> crate::scenario::AgeLevers {
    crate::scenario::AgeLevers {
        new_growth: Decimal::ZERO,
        new_growth_baseline: Decimal::ZERO,
        secondary_mainstream: None,
    }
}

/// Where the levers of [`default_levers`] come from, for a scenario's
/// sources: new-plan growth an assumption (with the council's record), and
/// the secondary mainstream share today's, from its data.
pub fn default_sources(
    d: &crate::authorities::AgeData,
) -> [(crate::field::Field, crate::scenario::Source); 3] {
    use crate::field::{Field, Run};
    use crate::scenario::{Source, SourceKind};
    let [a, b, c] = new_plans(d);
    let growth = || Source {
        kind: SourceKind::Illustrative,
        detail: format!(
            "0%: as many new plans each year as in 2024, the latest year published (DfE SEN2 new EHCPs: {a} in 2022, {b} in 2023, {c} in 2024)"
        ),
    };
    [
        (Field::NewPlanGrowth(Run::Plan), growth()),
        (Field::NewPlanGrowth(Run::Baseline), growth()),
        (
            Field::SecondaryMainstream,
            Source {
                kind: SourceKind::Data,
                detail: format!(
                    "Today's share: DfE SEN2, EHCPs by age and setting, January {} (11-year-olds in mainstream school)",
                    d.settings_year
                ),
            },
        ),
    ]
}

/// The share of 2024's new plans (of known age) made for children under 11
/// (SEN2 bands 2 and under to 10), or `None` if there were none.
pub fn new_under_11(d: &crate::authorities::AgeData) -> Option<Decimal> {
    let all: u64 = d.new_2024.by_band.iter().map(|v| u64::from(*v)).sum();
    let young: u64 = d.new_2024.by_band[..9].iter().map(|v| u64::from(*v)).sum();
    (all > 0).then(|| Decimal::from(young) / Decimal::from(all))
}

/// New plans made in 2022, 2023 and 2024 (SEN2, all ages).
pub fn new_plans(d: &crate::authorities::AgeData) -> [u32; 3] {
    let now = d
        .new_2024
        .by_band
        .iter()
        .fold(d.new_2024.unknown, |a, v| a.saturating_add(*v));
    [d.new_earlier[0], d.new_earlier[1], now]
}

/// The share of the council's 11-year-olds with a plan who are in
/// mainstream school today (SEN2, January of `settings_year`).
pub fn secondary_mainstream_today(d: &crate::authorities::AgeData) -> Decimal {
    settings_by_age(d)[*SECONDARY.start()][crate::Setting::Mainstream]
}

/// Ages from 11 to 15: secondary school, where the planned share in
/// mainstream school applies.
pub const SECONDARY: std::ops::RangeInclusive<usize> = 9..=13;

/// A run by age: plans by age each January, and the share of each setting
/// at each age that year.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeRun {
    /// Plans by age, a January a year from the first.
    pub stock: Vec<ByAge>,
    /// The share of each setting at each age, each year.
    pub shares: Vec<[PerSetting<Decimal>; AGES]>,
}

impl AgeRun {
    /// Children in each setting at each age in year `y`.
    pub fn children(&self, y: usize) -> [PerSetting<Decimal>; AGES] {
        std::array::from_fn(|a| self.shares[y][a].map(|_, s| self.stock[y][a] * *s))
    }

    /// Each setting's share of all plans in year `y`.
    pub fn mix(&self, y: usize) -> PerSetting<Decimal> {
        let total = total(&self.stock[y]);
        let mut out = PerSetting([Decimal::ZERO; 10]);
        if total.is_zero() {
            return out;
        }
        for by_setting in self.children(y) {
            for (o, c) in out.0.iter_mut().zip(by_setting.0) {
                *o += c;
            }
        }
        out.map(|_, c| *c / total)
    }
}

/// The scenario's run by age (`plan`: with the plan's new-plan growth and
/// its secondary mainstream share, phased in by the target year as the mix
/// is), or `None` if it has no demand by age or cannot be projected by age.
pub fn run(s: &crate::Scenario, plan: bool) -> Option<AgeRun> {
    run_with(s, data_for(s).ok()?, plan)
}

/// [`run`] with the council's figures by age `d` given (whatever they are:
/// the fuzz tests give figures read from any text).
pub fn run_with(
    s: &crate::Scenario,
    d: &crate::authorities::AgeData,
    plan: bool,
) -> Option<AgeRun> {
    let levers = s.demand.by_age.as_ref()?;
    // Held to what validation allows, so that nothing here can overflow
    // even for a scenario that has not been validated.
    let years = usize::from(s.about.years.clamp(1, crate::validate::MAX_YEARS));
    let last = d.january[0].map(Decimal::from);
    let now = d.january[1].map(Decimal::from);
    let new = spread(&d.new_2024, &last);
    let ended = spread(&d.ended_2024, &last);
    let c = ending_rates(&last, &ended);
    let m = adjustment(&last, &c, &new, &now);
    let growth = if plan {
        levers.new_growth
    } else {
        levers.new_growth_baseline
    }
    .clamp(crate::validate::MIN_RATE, crate::validate::MAX_RATE);
    // New plans a year on from 2024's: the first projected January (2026)
    // takes 2025's new plans.
    let new_next = new.map(|v| (v * (Decimal::ONE + growth)).round_dp(COUNT_DP));
    let stock = project(&now, &c, &new_next, growth, &m, years);
    let today = settings_by_age(d);
    let steps = i64::from(s.placements.target_year.start()) - i64::from(s.about.first_year.start());
    let shares = (0..years)
        .map(|y| match (plan, levers.secondary_mainstream) {
            (true, Some(target)) => {
                let target = target.clamp(Decimal::ZERO, Decimal::ONE);
                let reached = if steps <= 0 {
                    Decimal::ONE
                } else {
                    (Decimal::from(y as i64) / Decimal::from(steps)).min(Decimal::ONE)
                };
                let shift =
                    (target - today[*SECONDARY.start()][crate::Setting::Mainstream]) * reached;
                std::array::from_fn(|a| {
                    if SECONDARY.contains(&a) {
                        move_to_mainstream(today[a], shift)
                    } else {
                        today[a]
                    }
                })
            }
            _ => today,
        })
        .collect();
    Some(AgeRun { stock, shares })
}

/// `shares` with `shift` of the whole moved into mainstream school from
/// state and independent special schools (or back, if negative), in
/// proportion to those two; no share goes below zero or above one.
fn move_to_mainstream(shares: PerSetting<Decimal>, shift: Decimal) -> PerSetting<Decimal> {
    use crate::Setting::{Inmss, Mainstream, StateSpecial};
    let special = shares[StateSpecial] + shares[Inmss];
    let shift = shift.clamp(-shares[Mainstream], special);
    let mut out = shares;
    out[Mainstream] += shift;
    if !special.is_zero() {
        out[StateSpecial] -= shift * shares[StateSpecial] / special;
        out[Inmss] -= shift * shares[Inmss] / special;
    }
    out.map(|_, v| (*v).clamp(Decimal::ZERO, Decimal::ONE))
}

/// The settings grouped as a parent asks about them: mainstream school
/// (with resourced provision), special school (state and independent),
/// college and post-16, and everything else.
pub const GROUPS: [(&str, &[crate::Setting]); 4] = {
    use crate::Setting::*;
    [
        ("Mainstream school", &[Mainstream, ResourcedProvision]),
        ("Special school", &[StateSpecial, Inmss]),
        ("College and post-16", &[FeCollege, SpecialistPost16]),
        (
            "Other",
            &[AlternativeProvision, Eotas, EarlyYears, NeetOrHome],
        ),
    ]
};

/// The phases ages are grouped into: (name, first age index, last).
pub const PHASES: [(&str, usize, usize); 5] = [
    ("Under 5", 0, 2),
    ("5 to 10 (primary)", 3, 8),
    ("11 to 15 (secondary)", 9, 13),
    ("16 to 19", 14, 17),
    ("20 to 25", 18, 23),
];

/// Children in each of [`GROUPS`].
pub type Grouped = [Decimal; 4];

/// Children starting secondary school: all, and those in a special school.
pub type Starting = (Decimal, Decimal);

/// Children by age in the first year and the target year of the plan, for
/// a scenario by age: what the page's "by age" view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeView {
    /// The first year.
    pub first: crate::year::FinYear,
    /// The year the plan's mix is reached (within the projection).
    pub target: crate::year::FinYear,
    /// Each age's children by group, in the first year, with the plan.
    pub now: [Grouped; AGES],
    /// Each age's children by group, in the target year, with the plan.
    pub then: [Grouped; AGES],
    /// Of the 11-year-olds in the second year (who started secondary school
    /// that September): all, and those in a special school.
    pub starting: Option<Starting>,
    /// The same in the target year (or the second, if that is sooner):
    /// the year's September, then (all, in a special school) with the plan
    /// and without it (the runs' new plans can differ, so their totals
    /// can).
    pub starting_later: Option<(u16, Starting, Starting)>,
}

impl AgeView {
    /// Each phase of [`PHASES`]: its name, and its children by group in the
    /// first year and in the target year.
    pub fn phases(&self) -> Vec<(&'static str, Grouped, Grouped)> {
        let sum = |v: &[Grouped]| {
            let mut out = [Decimal::ZERO; 4];
            for g in v {
                for (o, x) in out.iter_mut().zip(g) {
                    *o += *x;
                }
            }
            out
        };
        PHASES
            .iter()
            .map(|(name, a, b)| (*name, sum(&self.now[*a..=*b]), sum(&self.then[*a..=*b])))
            .collect()
    }
}

fn grouped(by_setting: &PerSetting<Decimal>) -> Grouped {
    GROUPS.map(|(_, settings)| settings.iter().map(|s| by_setting[*s]).sum())
}

/// Of the 11-year-olds in year `y` of `r`: (all, in a special school).
fn starting_secondary(r: &AgeRun, y: usize) -> (Decimal, Decimal) {
    use crate::Setting::{Inmss, StateSpecial};
    let a = *SECONDARY.start();
    let all = r.stock[y][a];
    let shares = r.shares[y][a];
    (all, all * (shares[StateSpecial] + shares[Inmss]))
}

/// The "by age" view of a scenario by age; `None` for one by growth rate
/// (or one that cannot be projected by age).
pub fn view(s: &crate::Scenario) -> Option<AgeView> {
    let plan = run(s, true)?;
    let none = run(s, false)?;
    let years = plan.stock.len();
    let last = years.checked_sub(1)?;
    let first = s.about.first_year;
    let steps = i64::from(s.placements.target_year.start()) - i64::from(first.start());
    let t = usize::try_from(steps).unwrap_or(0).min(last);
    let target = first.plus(u16::try_from(t).unwrap_or(0));
    let (now, then) = (plan.children(0), plan.children(t));
    let later = t.max(1);
    Some(AgeView {
        first,
        target,
        now: now.each_ref().map(grouped),
        then: then.each_ref().map(grouped),
        starting: (years > 1).then(|| starting_secondary(&plan, 1)),
        starting_later: (years > 1).then(|| {
            let september = first.plus(u16::try_from(later).unwrap_or(1)).start();
            (
                september,
                starting_secondary(&plan, later),
                starting_secondary(&none, later),
            )
        }),
    })
}

/// The parents' sentence about children starting secondary school, from
/// [`view`].
pub fn starting_secondary_words(v: &AgeView) -> Option<String> {
    use crate::format::count;
    let (all, special) = v.starting?;
    let mut out = format!(
        "Of the {} children with a plan who start secondary school in September {}, about {} will be in a special school.",
        count(all),
        v.first.start() + 1,
        count(special)
    );
    if let Some((september, (all, with), (all_none, without))) = v.starting_later
        && september > v.first.start() + 1
    {
        if count(all) == count(all_none) {
            out.push_str(&format!(
                " Of the {} starting in September {september}, about {} will be with the plan, and about {} without it.",
                count(all),
                count(with),
                count(without)
            ));
        } else {
            out.push_str(&format!(
                " In September {september}, with the plan, about {} of the {} starting will be; without it, about {} of {}.",
                count(with),
                count(all),
                count(without),
                count(all_none)
            ));
        }
    }
    Some(out)
}

/// Children by age and setting each year of both runs, as CSV, for a
/// scenario by age: year, run, age, plans, then each setting, to two
/// decimal places.
pub fn children_csv(s: &crate::Scenario) -> Option<String> {
    use crate::Setting;
    let mut out = String::from("year,run,age,plans");
    for t in Setting::ALL {
        out.push(',');
        out.push_str(t.id());
    }
    out.push('\n');
    for (plan, name) in [(false, "unmitigated"), (true, "mitigated")] {
        let r = run(s, plan)?;
        for (y, year) in s.about.years().enumerate() {
            for (a, by_setting) in r.children(y).iter().enumerate() {
                out.push_str(&format!(
                    "{year},{name},{},{}",
                    age_label(a),
                    r.stock[y][a].round_dp(2)
                ));
                for c in by_setting.0 {
                    out.push_str(&format!(",{}", c.round_dp(2)));
                }
                out.push('\n');
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn by_age(v: impl Fn(usize) -> Decimal) -> ByAge {
        std::array::from_fn(v)
    }

    #[test]
    fn ages_are_named_as_published() {
        assert_eq!(age_label(0), "under 3");
        assert_eq!(age_label(1), "3");
        assert_eq!(age_label(23), "25");
        assert_eq!(index_of(11), Some(9));
        assert_eq!(index_of(2), None);
        assert_eq!(index_of(26), None);
    }

    #[test]
    fn spreading_keeps_every_plan() {
        let stock = by_age(|a| Decimal::from(a as u32 * 10));
        let flow = PublishedFlow {
            by_band: std::array::from_fn(|b| b as u32 + 1),
            unknown: 7,
        };
        let s = spread(&flow, &stock);
        let published: u32 = flow.by_band.iter().sum::<u32>() + flow.unknown;
        assert_eq!(total(&s).round_dp(10), Decimal::from(published));
        // Each single age keeps its own band; 20 and over lands on 20 to 25.
        for (a, v) in s.iter().enumerate().take(18) {
            assert!(*v >= Decimal::from(a as u32 + 1), "{a}");
        }
        assert!(s[18..].iter().copied().sum::<Decimal>() >= Decimal::from(19));
    }

    /// Built as the page is, without the table: a scenario by age that is
    /// not a council's is refused in words, and projects nothing by age
    /// (a council's waits for its figures: `authorities::tests`).
    #[cfg(not(feature = "ages"))]
    #[test]
    fn without_the_table_a_scenario_by_age_for_no_council_is_refused_in_words() {
        let mut s = crate::presets::find("average").unwrap().scenario();
        s.demand.by_age = Some(crate::scenario::AgeLevers {
            new_growth: dec!(0.05),
            new_growth_baseline: dec!(0.05),
            secondary_mainstream: None,
        });
        let problems = crate::validate(&s);
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("choose a council")),
            "{problems:?}"
        );
        assert!(run(&s, true).is_none());
    }

    proptest! {
        /// With no new plans, no endings and no adjustment, ageing moves
        /// every child up a year and loses only the 25-year-olds.
        #[test]
        fn ageing_conserves_children(v in prop::array::uniform24(0u32..5_000)) {
            let stock = v.map(Decimal::from);
            let zero = [Decimal::ZERO; AGES];
            let next = age_on(&stock, &zero, &zero, &zero);
            prop_assert_eq!(total(&next), total(&stock) - stock[AGES - 1]);
            for a in 0..AGES - 1 {
                prop_assert_eq!(next[a + 1], stock[a]);
            }
        }

        /// The adjustment makes the target follow exactly, and the ages
        /// always sum to the total.
        #[test]
        fn the_adjustment_reaches_the_published_january(
            now in prop::array::uniform24(0u32..5_000),
            then in prop::array::uniform24(0u32..5_000),
            new in prop::array::uniform24(0u32..500),
            ended in prop::array::uniform24(0u32..500),
        ) {
            let (now, then) = (now.map(Decimal::from), then.map(Decimal::from));
            let (new, ended) = (new.map(Decimal::from), ended.map(Decimal::from));
            let c = ending_rates(&now, &ended);
            let m = adjustment(&now, &c, &new, &then);
            let next = age_on(&now, &c, &new, &m);
            prop_assert_eq!(next, then);
            let path = project(&now, &c, &new, dec!(0.05), &m, 15);
            prop_assert_eq!(path.len(), 15);
            prop_assert_eq!(path[0], now);
        }
    }
}
