//! Goal seek: the value of one lever that clears the deficit by the
//! agreement end, or brings the in-year balance to £0 by a chosen year.
//!
//! Each continuous lever moves the target one way (more growth, more INMSS,
//! more inflation: more deficit; more saving: less), which the tests check;
//! so halving the lever's allowed range finds the point where the target is
//! just met. Conditional Safety Valve payments can make the deficit jump at
//! a point (a payment released); the answer is then that point, where the
//! target is first met. The plan's target year is a whole year, so every
//! year is tried.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::format::{millions, percent};
use super::projection::{RunKind, levers, simulate};
use super::scenario::Scenario;
use super::setting::{PerSetting, Setting};
use super::validate::{MAX_RATE, MIN_RATE, validate};
use super::whatif;
use super::year::FinYear;

/// What can be moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lever {
    /// EHCP growth in the plan, the same each year from this year on.
    Growth(FinYear),
    /// The planned share of independent and non-maintained special schools,
    /// the unlocked others rescaled in proportion (`true` = locked, in the
    /// order of [`Setting::ALL`]).
    InmssShare(PerSetting<bool>),
    /// The year the planned mix is reached.
    TargetYear,
    /// Cost inflation, the same in every setting.
    Inflation,
    /// An extra saving, the same each year from this year to the agreement
    /// end.
    ExtraSaving(FinYear),
}

/// Which lever, without its year or locks: what a user picks from a list
/// (`hnb solve --lever`, the page's "Change" box).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LeverKind {
    /// [`Lever::Growth`].
    #[default]
    Growth,
    /// [`Lever::ExtraSaving`].
    Saving,
    /// [`Lever::InmssShare`].
    Inmss,
    /// [`Lever::Inflation`].
    Inflation,
    /// [`Lever::TargetYear`].
    TargetYear,
}

impl LeverKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [LeverKind; 5] = [
        LeverKind::Growth,
        LeverKind::Saving,
        LeverKind::Inmss,
        LeverKind::Inflation,
        LeverKind::TargetYear,
    ];

    /// Its name in `hnb solve --lever` and the page's option values.
    pub fn id(self) -> &'static str {
        match self {
            LeverKind::Growth => "growth",
            LeverKind::Inmss => "inmss",
            LeverKind::TargetYear => "target-year",
            LeverKind::Inflation => "inflation",
            LeverKind::Saving => "saving",
        }
    }

    /// What a user reads in the list.
    pub fn name(self) -> &'static str {
        match self {
            LeverKind::Growth => "EHCP growth",
            LeverKind::Saving => "An extra yearly saving",
            LeverKind::Inmss => "The planned share in independent special schools",
            LeverKind::Inflation => "Cost inflation",
            LeverKind::TargetYear => "The year the planned mix is reached",
        }
    }

    /// Whether it needs a year to start from.
    pub fn needs_from(self) -> bool {
        matches!(self, LeverKind::Growth | LeverKind::Saving)
    }

    /// The lever, from `from` (growth and saving) with `locked` settings
    /// kept (INMSS share).
    pub fn lever(self, from: FinYear, locked: PerSetting<bool>) -> Lever {
        match self {
            LeverKind::Growth => Lever::Growth(from),
            LeverKind::Saving => Lever::ExtraSaving(from),
            LeverKind::Inmss => Lever::InmssShare(locked),
            LeverKind::Inflation => Lever::Inflation,
            LeverKind::TargetYear => Lever::TargetYear,
        }
    }
}

impl std::str::FromStr for LeverKind {
    type Err = String;

    /// Reads an [`id`](LeverKind::id); the error says what is allowed.
    fn from_str(s: &str) -> Result<Self, String> {
        LeverKind::ALL
            .into_iter()
            .find(|k| k.id() == s)
            .ok_or_else(|| {
                let ids: Vec<&str> = LeverKind::ALL.iter().map(|k| k.id()).collect();
                format!("must be one of {}", ids.join(", "))
            })
    }
}

impl Lever {
    /// Which kind of lever it is.
    pub fn kind(self) -> LeverKind {
        match self {
            Lever::Growth(_) => LeverKind::Growth,
            Lever::InmssShare(_) => LeverKind::Inmss,
            Lever::TargetYear => LeverKind::TargetYear,
            Lever::Inflation => LeverKind::Inflation,
            Lever::ExtraSaving(_) => LeverKind::Saving,
        }
    }

    /// Its name in `hnb solve --lever` and the page.
    pub fn id(self) -> &'static str {
        self.kind().id()
    }

    /// What applying it changed, in words ("EHCP growth from 2026-27").
    pub fn changed_words(self) -> String {
        match self {
            Lever::Growth(y) => format!("EHCP growth from {y}"),
            Lever::InmssShare(_) => "the planned INMSS share".into(),
            Lever::TargetYear => "the year the planned mix is reached".into(),
            Lever::Inflation => "cost inflation".into(),
            Lever::ExtraSaving(y) => format!("an extra saving from {y}"),
        }
    }

    /// The allowed range, lowest first.
    pub fn range(self, s: &Scenario) -> (Decimal, Decimal) {
        match self {
            Lever::Growth(_) | Lever::Inflation => (MIN_RATE, MAX_RATE),
            Lever::InmssShare(locked) => (
                Decimal::ZERO,
                Decimal::ONE - whatif::locked_plan_share(s, Setting::Inmss, &locked),
            ),
            Lever::TargetYear => (
                Decimal::from(s.about.first_year.start() + 1),
                Decimal::from(s.about.last_year().start()),
            ),
            // Up to twice the first year's income: any more is not a saving.
            Lever::ExtraSaving(_) => (Decimal::ZERO, max_saving(s)),
        }
    }

    /// The lever's value in `s` now.
    pub fn current(self, s: &Scenario) -> Option<Decimal> {
        match self {
            Lever::Growth(from) => {
                let years: Vec<FinYear> = s.about.years().collect();
                let i = years.iter().position(|y| *y == from)?;
                super::projection::growth_path(&s.demand.growth, &years)
                    .get(i)
                    .copied()
            }
            Lever::InmssShare(_) => Some(s.placements.settings[Setting::Inmss].share_plan),
            Lever::TargetYear => Some(Decimal::from(s.placements.target_year.start())),
            Lever::Inflation => {
                let first = s.placements.settings.0[0].inflation;
                s.placements
                    .settings
                    .0
                    .iter()
                    .all(|p| p.inflation == first)
                    .then_some(first)
            }
            Lever::ExtraSaving(_) => Some(Decimal::ZERO),
        }
    }

    /// `s` with the lever set to `v`.
    pub fn apply(self, s: &Scenario, v: Decimal) -> Scenario {
        let mut out = s.clone();
        match self {
            Lever::Growth(from) => whatif::set_growth_from(&mut out, from, v),
            Lever::InmssShare(locked) => {
                whatif::set_plan_share_keeping(&mut out, Setting::Inmss, v, &locked)
            }
            Lever::TargetYear => {
                let y = u16::try_from(v.trunc().mantissa()).unwrap_or(0);
                if let Some(y) = FinYear::new(y) {
                    out.placements.target_year = y;
                }
            }
            Lever::Inflation => whatif::set_inflation(&mut out, v),
            Lever::ExtraSaving(from) => whatif::add_extra_saving(&mut out, from, v),
        }
        out
    }
}

fn max_saving(s: &Scenario) -> Decimal {
    let income = simulate(&levers::<Decimal>(s, RunKind::Mitigated))
        .first()
        .map_or(Decimal::ZERO, |r| r.income.max(r.gross_spend));
    (income * Decimal::TWO)
        .max(dec!(1_000_000))
        .min(super::field::MAX_MONEY)
        .round()
}

/// What to reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The remaining deficit at £0 or less by the end of the agreement end
    /// year.
    Cleared,
    /// An in-year balance of £0 or more in this year.
    Balance(FinYear),
}

impl Target {
    /// How far `s` is from the target: £0 or less means it is met.
    pub fn gap(self, s: &Scenario) -> Decimal {
        let rows = simulate(&levers::<Decimal>(s, RunKind::Mitigated));
        let at = |y: FinYear| rows.iter().find(|r| r.year == y).or(rows.last());
        match self {
            Target::Cleared => {
                at(s.about.agreement_end).map_or(Decimal::ZERO, |r| r.remaining_deficit)
            }
            Target::Balance(y) => at(y).map_or(Decimal::ZERO, |r| -r.in_year_balance),
        }
    }

    /// "the deficit to be cleared by the end of 2027-28".
    pub fn words(self, s: &Scenario) -> String {
        match self {
            Target::Cleared => format!(
                "the deficit to be cleared by the end of {}",
                s.about.agreement_end
            ),
            Target::Balance(y) => format!("spending to be within income in {y}"),
        }
    }

    /// "the deficit would still be cleared by the end of 2027-28".
    fn still(self, s: &Scenario) -> String {
        match self {
            Target::Cleared => format!(
                "the deficit would still be cleared by the end of {}",
                s.about.agreement_end
            ),
            Target::Balance(y) => format!("spending would still be within income in {y}"),
        }
    }
}

/// The answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Solved {
    /// At `value` the target is just met; `scenario` is `s` with it applied.
    Found {
        /// The lever's value.
        value: Decimal,
        /// The scenario with the value applied.
        scenario: Box<Scenario>,
        /// The gap there (£0 or a little less).
        gap: Decimal,
    },
    /// The target is met anywhere in the lever's range.
    Always,
    /// Not met anywhere in the range; `best` is the value that comes
    /// closest, `gap` what is still missing there.
    Unreachable {
        /// The value that comes closest.
        best: Decimal,
        /// The gap at it.
        gap: Decimal,
    },
    /// The inputs are not valid, or the lever does not apply (a year
    /// outside the horizon).
    NotApplicable(String),
}

/// Finds the value of `lever` that just meets `target`.
pub fn solve(s: &Scenario, lever: Lever, target: Target) -> Solved {
    if !validate(s).is_empty() {
        return Solved::NotApplicable("the scenario has problems to fix first".into());
    }
    match (lever, target) {
        (Lever::Growth(_), _) if s.demand.by_age.is_some() => {
            return Solved::NotApplicable(
                "demand is projected by age, so EHCP growth is not used: change the growth in new EHCPs instead".into(),
            );
        }
        (Lever::Growth(y) | Lever::ExtraSaving(y), _) if s.about.index_of(y).is_none() => {
            return Solved::NotApplicable(format!("{y} is not within the years shown"));
        }
        (_, Target::Balance(y)) if s.about.index_of(y).is_none() => {
            return Solved::NotApplicable(format!("{y} is not within the years shown"));
        }
        _ => {}
    }
    let gap = |v: Decimal| target.gap(&lever.apply(s, v));
    let (lo, hi) = lever.range(s);
    if lever == Lever::TargetYear {
        return target_year(s, target);
    }
    let (g_lo, g_hi) = (gap(lo), gap(hi));
    match (g_lo <= Decimal::ZERO, g_hi <= Decimal::ZERO) {
        (true, true) => return Solved::Always,
        (false, false) => {
            let (best, gap) = if g_lo <= g_hi { (lo, g_lo) } else { (hi, g_hi) };
            return Solved::Unreachable { best, gap };
        }
        _ => {}
    }
    // `good` meets the target, `bad` does not; halve until they meet.
    let (mut good, mut bad) = if g_lo <= Decimal::ZERO {
        (lo, hi)
    } else {
        (hi, lo)
    };
    let tolerance = match lever {
        Lever::ExtraSaving(_) => dec!(0.01),
        _ => dec!(0.0000000001),
    };
    for _ in 0..80 {
        if (good - bad).abs() <= tolerance {
            break;
        }
        let mid = ((good + bad) / Decimal::TWO).round_dp(12);
        if gap(mid) <= Decimal::ZERO {
            good = mid;
        } else {
            bad = mid;
        }
    }
    let value = match lever {
        Lever::ExtraSaving(_) => good.round_dp(2),
        _ => good.round_dp(10),
    };
    let scenario = lever.apply(s, value);
    let gap = target.gap(&scenario);
    // Rounding the answer can step just past the boundary; take the side
    // that meets the target.
    let (value, scenario, gap) = if gap > Decimal::ZERO {
        let step = if good > bad { tolerance } else { -tolerance };
        let v = value + step;
        let sc = lever.apply(s, v);
        let g = target.gap(&sc);
        (v, sc, g)
    } else {
        (value, scenario, gap)
    };
    // The answer must itself be a scenario the calculator accepts (a plan
    // with 100 projects has no room for one more, say).
    if let Some(p) = validate(&scenario).first() {
        return Solved::NotApplicable(format!(
            "the answer cannot be applied: {}",
            super::format::lower_first(&p.message)
        ));
    }
    Solved::Found {
        value,
        scenario: Box::new(scenario),
        gap,
    }
}

/// The latest year by which the planned mix must be reached.
fn target_year(s: &Scenario, target: Target) -> Solved {
    let (lo, hi) = Lever::TargetYear.range(s);
    let years: Vec<Decimal> = s
        .about
        .years()
        .skip(1)
        .map(|y| Decimal::from(y.start()))
        .filter(|y| *y >= lo && *y <= hi)
        .collect();
    if years.is_empty() {
        return Solved::NotApplicable(
            "with one year there is no later year by which to reach the planned mix".into(),
        );
    }
    // Only years the scenario can take count (a plan's own waypoints, say,
    // can rule the earlier ones out): an answer is always one to apply.
    let mut problem = None;
    let gaps: Vec<(Decimal, Decimal)> = years
        .iter()
        .filter_map(|&y| {
            let tried = Lever::TargetYear.apply(s, y);
            match validate(&tried).first() {
                Some(p) => {
                    problem.get_or_insert_with(|| p.message.clone());
                    None
                }
                None => Some((y, target.gap(&tried))),
            }
        })
        .collect();
    if gaps.is_empty() {
        return Solved::NotApplicable(format!(
            "no year can be applied: {}",
            super::format::lower_first(problem.as_deref().unwrap_or("every year has a problem"))
        ));
    }
    if gaps.iter().all(|(_, g)| *g <= Decimal::ZERO) {
        return Solved::Always;
    }
    match gaps.iter().rev().find(|(_, g)| *g <= Decimal::ZERO) {
        Some(&(y, g)) => Solved::Found {
            value: y,
            scenario: Box::new(Lever::TargetYear.apply(s, y)),
            gap: g,
        },
        None => {
            let &(best, gap) = gaps
                .iter()
                .min_by_key(|(_, g)| *g)
                .unwrap_or(&(lo, Decimal::ZERO));
            Solved::Unreachable { best, gap }
        }
    }
}

/// The lever's value in words: "3.1% a year", "£1.2m a year", "2025-26".
pub fn value_words(lever: Lever, v: Decimal) -> String {
    match lever {
        Lever::Growth(_) | Lever::Inflation => {
            format!("{} a year", percent(v, 1).replace('-', "−"))
        }
        Lever::InmssShare(_) => percent(v, 1),
        Lever::TargetYear => year_of(v),
        Lever::ExtraSaving(_) => format!("{} a year", millions(v)),
    }
}

fn year_of(v: Decimal) -> String {
    u16::try_from(v.trunc().mantissa())
        .ok()
        .and_then(FinYear::new)
        .map_or_else(|| v.to_string(), |y| y.to_string())
}

/// The answer as a sentence.
pub fn answer_words(s: &Scenario, lever: Lever, target: Target, solved: &Solved) -> String {
    let goal = target.words(s);
    let what = match lever {
        Lever::Growth(from) => format!("EHCP growth from {from}"),
        Lever::InmssShare(_) => {
            "the planned share of children in independent special schools".into()
        }
        Lever::TargetYear => "the year the planned mix is reached".into(),
        Lever::Inflation => "cost inflation in every setting".into(),
        Lever::ExtraSaving(from) => format!("an extra saving each year from {from}"),
    };
    let now = lever.current(s);
    match solved {
        Solved::Found { value, .. } => {
            let mut v = value_words(lever, *value);
            // Close to today's value, show enough places to tell them apart.
            let now_words = now.map(|n| {
                let w = value_words(lever, n);
                if w == v
                    && matches!(
                        lever,
                        Lever::Growth(_) | Lever::Inflation | Lever::InmssShare(_)
                    )
                {
                    let fine = |x: Decimal| percent(x, 2).replace('-', "−");
                    let unit = if matches!(lever, Lever::InmssShare(_)) {
                        ""
                    } else {
                        " a year"
                    };
                    v = format!("{}{unit}", fine(*value));
                    format!("{}{unit}", fine(n))
                } else {
                    w
                }
            });
            let more_is_worse = !matches!(lever, Lever::ExtraSaving(_) | Lever::TargetYear);
            match (lever, now) {
                (Lever::ExtraSaving(from), _) => format!(
                    "It would take an extra saving of {v} from {from} to the end of {} for {goal}.",
                    s.about.agreement_end
                ),
                (Lever::TargetYear, _) => {
                    format!(
                        "The planned mix would have to be reached by {v} at the latest for {goal}."
                    )
                }
                (_, Some(n)) if (*value >= n) == more_is_worse => format!(
                    "{} could rise to {v} (it is {} now) and {}.",
                    capital(&what),
                    now_words.unwrap_or_default(),
                    target.still(s)
                ),
                (_, Some(_)) => format!(
                    "{} would have to fall to {v} (it is {} now) for {goal}.",
                    capital(&what),
                    now_words.unwrap_or_default()
                ),
                (_, None) => format!("{} would have to be {v} for {goal}.", capital(&what)),
            }
        }
        Solved::Always => format!(
            "Whatever {what} is, within what the calculator allows, {}.",
            target.still(s).replace(" would still be ", " is ")
        ),
        Solved::Unreachable { best, gap } => format!(
            "Not reachable by changing {what} alone: even at {}, {} would still be missing.",
            value_words(lever, *best),
            millions(*gap)
        ),
        Solved::NotApplicable(why) => format!("Cannot say: {why}."),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::find;
    use crate::results::{ExtraSaving, extra_saving};

    const NONE: PerSetting<bool> = PerSetting([false; 10]);

    #[test]
    fn an_answer_is_always_a_valid_scenario_or_words() {
        // One year: there is no target year to move, not "always".
        let mut one = find("average").unwrap().scenario();
        one.about.years = 1;
        one.about.agreement_end = one.about.first_year;
        one.placements.target_year = one.about.first_year;
        one.placements.waypoints.clear();
        assert!(validate(&one).is_empty());
        assert!(matches!(
            solve(&one, Lever::TargetYear, Target::Cleared),
            Solved::NotApplicable(_)
        ));
        // A plan that already has 100 projects has no room for the extra
        // saving: said in words, never an answer that fails validation.
        let mut full = find("average").unwrap().scenario();
        let from = full.about.first_year.plus(1);
        while full.savings.projects.len() < crate::validate::MAX_ITEMS {
            full.savings.projects.push(crate::scenario::Project {
                reference: String::new(),
                name: "p".into(),
                workstream: String::new(),
                savings: Default::default(),
                status: crate::scenario::Status::OnTrack,
                confidence: None,
                achieved: Default::default(),
            });
        }
        match solve(&full, Lever::ExtraSaving(from), Target::Cleared) {
            Solved::NotApplicable(why) => assert!(why.contains("at most 100 projects"), "{why}"),
            Solved::Found { scenario, .. } => panic!("{:?}", validate(&scenario)),
            other => panic!("{other:?}"),
        }
    }

    fn year(y: u16) -> FinYear {
        FinYear::new(y).unwrap()
    }

    #[test]
    fn each_lever_moves_the_deficit_the_way_goal_seek_assumes() {
        for id in ["average", "haringey", "isle-of-wight"] {
            let s = find(id).unwrap().scenario();
            let gap = |l: Lever, v: Decimal| Target::Cleared.gap(&l.apply(&s, v));
            let from = s.about.first_year.plus(1);
            assert!(gap(Lever::Growth(from), dec!(0.02)) < gap(Lever::Growth(from), dec!(0.08)));
            assert!(
                gap(Lever::InmssShare(NONE), dec!(0.03)) < gap(Lever::InmssShare(NONE), dec!(0.08))
            );
            assert!(gap(Lever::Inflation, dec!(0.01)) < gap(Lever::Inflation, dec!(0.05)));
            assert!(
                gap(Lever::ExtraSaving(from), dec!(2_000_000))
                    < gap(Lever::ExtraSaving(from), dec!(1_000_000))
            );
        }
    }

    #[test]
    fn growth_answer_lands_within_a_thousand_pounds() {
        let s = find("average").unwrap().scenario();
        let lever = Lever::Growth(year(2025));
        match solve(&s, lever, Target::Cleared) {
            Solved::Found {
                value,
                scenario,
                gap,
            } => {
                assert!(gap <= Decimal::ZERO && gap > dec!(-1000), "{gap}");
                assert_eq!(Target::Cleared.gap(&scenario), gap);
                assert!(value < dec!(0.09));
                let words = answer_words(
                    &s,
                    lever,
                    Target::Cleared,
                    &solve(&s, lever, Target::Cleared),
                );
                assert!(
                    words.starts_with("EHCP growth from 2025-26 would have to fall to"),
                    "{words}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn extra_saving_agrees_with_the_exact_answer() {
        for id in ["average", "southwark", "haringey", "wokingham"] {
            let s = find(id).unwrap().scenario();
            let from = s.about.first_year.plus(1);
            let exact = extra_saving(&s, from);
            match (solve(&s, Lever::ExtraSaving(from), Target::Cleared), exact) {
                (Solved::Found { value, .. }, ExtraSaving::Needed { per_year, .. }) => {
                    assert!(
                        (value - per_year).abs() <= dec!(1),
                        "{id}: {value} vs {per_year}"
                    );
                }
                (Solved::Always, ExtraSaving::NotNeeded { .. }) => {}
                (a, b) => panic!("{id}: {a:?} vs {b:?}"),
            }
        }
    }

    #[test]
    fn unreachable_and_not_applicable_are_said() {
        let mut s = find("average").unwrap().scenario();
        s.opening_deficit = dec!(5_000_000_000);
        let solved = solve(&s, Lever::InmssShare(NONE), Target::Cleared);
        assert!(matches!(solved, Solved::Unreachable { .. }), "{solved:?}");
        let words = answer_words(&s, Lever::InmssShare(NONE), Target::Cleared, &solved);
        assert!(words.starts_with("Not reachable by changing"), "{words}");
        assert!(matches!(
            solve(&s, Lever::Growth(year(2040)), Target::Cleared),
            Solved::NotApplicable(_)
        ));
    }

    #[test]
    fn target_year_is_the_latest_that_works() {
        let s = find("haringey").unwrap().scenario();
        let t = Target::Balance(s.about.last_year());
        if let Solved::Found { value, .. } = solve(&s, Lever::TargetYear, t) {
            let y = u16::try_from(value.mantissa()).unwrap();
            assert!(t.gap(&Lever::TargetYear.apply(&s, value)) <= Decimal::ZERO);
            if y < s.about.last_year().start() {
                assert!(t.gap(&Lever::TargetYear.apply(&s, Decimal::from(y + 1))) > Decimal::ZERO);
            }
        }
    }
}
