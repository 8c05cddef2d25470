//! Property tests of docs/MODEL.md's accounting identities (§8) over random valid
//! scenarios, and of rejection (never a panic) for random invalid ones.

mod common;

use common::strategy::*;
use hnb::model::scenario::*;
use hnb::model::validate::MAX_YEARS;
use hnb::model::{FinYear, PerSetting, Projection, Setting, project};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn run(s: &Scenario) -> Projection {
    match project(s) {
        Ok(p) => p,
        Err(e) => panic!("generated scenario is invalid: {e:#?}"),
    }
}

const TOL: Decimal = Decimal::from_parts(1, 0, 0, false, 6); // 0.000001

proptest! {
    #![proptest_config(config(10_000))]

    /// CD[last] = D0 − ΣB to the penny; every child is placed; R = CD − ΣV.
    #[test]
    fn accounting_identities_hold(s in scenario()) {
        let p = run(&s);
        for rows in [&p.unmitigated, &p.mitigated] {
            let balances: Decimal = rows.iter().map(|r| r.in_year_balance).sum();
            let last = rows.last().unwrap();
            prop_assert!((last.cumulative_deficit - (s.opening_deficit - balances)).abs() < Decimal::new(1, 2));
            let mut paid = Decimal::ZERO;
            for r in rows.iter() {
                let placed: Decimal = r.children.0.iter().sum();
                prop_assert!((placed - r.ehcps).abs() <= TOL * (Decimal::TEN + r.ehcps), "{} placed {} of {}", r.year, placed, r.ehcps);
                prop_assert!(r.children.0.iter().all(|c| *c >= Decimal::ZERO));
                paid += r.sv_payment;
                prop_assert_eq!(r.remaining_deficit, r.cumulative_deficit - paid);
                prop_assert_eq!(r.in_year_balance, r.income - (r.gross_spend - r.savings));
            }
        }
        // The plan counts exactly what the projects' own totals say.
        let counted: Vec<Decimal> = (0..p.mitigated.len())
            .map(|y| s.savings.projects.iter().map(|pr| hnb::model::results::project_savings(&s, pr).counted[y]).sum())
            .collect();
        for (r, c) in p.mitigated.iter().zip(counted) {
            prop_assert_eq!(r.savings, c);
        }
        // The baseline takes no savings, transfer or payments.
        prop_assert!(p.unmitigated.iter().all(|r| r.savings.is_zero() && r.transfer.is_zero() && r.sv_payment.is_zero()));
    }

    /// Zero growth, zero inflation, no savings and income equal to spend:
    /// every year's balance is 0.
    #[test]
    fn balanced_steady_state(mut s in scenario()) {
        s.demand.growth = Growth::default();
        s.baseline.growth = Growth::default();
        for p in s.placements.settings.0.iter_mut() {
            p.inflation = Decimal::ZERO;
            p.places = None;
            p.share_plan = p.share_now;
        }
        s.placements.waypoints.clear();
        for l in &mut s.other_spend {
            l.amount.growth = Decimal::ZERO;
            l.amount.by_year.clear();
        }
        s.savings.projects.clear();
        s.income.schools_block_transfer = Transfer::None;
        s.income.other_contributions.clear();
        let spend = run(&s).unmitigated[0].gross_spend;
        prop_assume!(spend <= hnb::model::validate::MAX_MONEY);
        s.income.hnb = Series::flat(spend);
        let p = run(&s);
        for rows in [&p.unmitigated, &p.mitigated] {
            for r in rows.iter() {
                prop_assert!(r.in_year_balance.abs() < Decimal::new(1, 6), "{}: {}", r.year, r.in_year_balance);
            }
        }
    }
}

fn deficits(p: &Projection) -> Vec<Decimal> {
    p.unmitigated
        .iter()
        .chain(&p.mitigated)
        .flat_map(|r| [r.cumulative_deficit, r.remaining_deficit])
        .collect()
}

fn never_lower(before: &Projection, after: &Projection) -> bool {
    deficits(before)
        .iter()
        .zip(deficits(after))
        .all(|(b, a)| a >= *b - TOL)
}

proptest! {
    #![proptest_config(config(2_000))]

    /// Higher growth never lowers the deficit.
    #[test]
    fn higher_growth_never_lowers_the_deficit(s in scenario(), bump in dec(1, 2000, 4)) {
        let before = run(&s);
        let mut t = s.clone();
        for g in [&mut t.demand.growth, &mut t.baseline.growth] {
            g.start = (g.start + bump).min(Decimal::ONE);
            g.end = (g.end + bump).min(Decimal::ONE);
            for v in g.by_year.values_mut() {
                *v = (*v + bump).min(Decimal::ONE);
            }
        }
        prop_assert!(never_lower(&before, &run(&t)));
    }

    /// A higher cost per child never lowers the deficit.
    #[test]
    fn higher_cost_never_lowers_the_deficit(s in scenario(), which in 0usize..10, extra in dec(1, 100_000, 0)) {
        let before = run(&s);
        let mut t = s.clone();
        t.placements.settings.0[which].cost += extra;
        prop_assert!(never_lower(&before, &run(&t)));
    }

    /// A larger INMSS share, taken from settings that cost no more, never
    /// lowers the deficit. (Places are removed: with limits, children move
    /// between overflow settings whose costs the property does not order.)
    #[test]
    fn larger_inmss_share_never_lowers_the_deficit(mut s in scenario(), points in 1i64..500) {
        for p in s.placements.settings.0.iter_mut() {
            p.places = None;
            p.inflation = Decimal::ZERO;
        }
        let inmss = Setting::Inmss;
        let before = run(&s);
        let mut t = s.clone();
        let cost = t.placements.settings[inmss].cost;
        let donor = Setting::ALL.into_iter().find(|d| *d != inmss
            && t.placements.settings[*d].cost <= cost
            && t.placements.settings[*d].share_now > Decimal::ZERO
            && t.placements.settings[*d].share_plan > Decimal::ZERO
            && t.placements.waypoints.values().all(|w| w[*d] > Decimal::ZERO));
        prop_assume!(donor.is_some());
        let donor = donor.unwrap();
        let mut moves: Vec<&mut PerSetting<Decimal>> = t.placements.waypoints.values_mut().collect();
        let step = Decimal::new(points, 4);
        for w in moves.iter_mut() {
            let m = step.min(w[donor]);
            w[donor] -= m;
            w[inmss] += m;
        }
        let d = &mut t.placements.settings;
        let m_now = step.min(d[donor].share_now);
        d[donor].share_now -= m_now;
        d[inmss].share_now += m_now;
        let m_plan = step.min(d[donor].share_plan);
        d[donor].share_plan -= m_plan;
        d[inmss].share_plan += m_plan;
        prop_assert!(never_lower(&before, &run(&t)));
    }

    /// A larger saving never raises the deficit.
    #[test]
    fn larger_saving_never_raises_the_deficit(s in scenario(), extra in dec(1, 2_000_000, 0)) {
        let before = run(&s);
        let mut t = s.clone();
        let years: Vec<FinYear> = t.about.years().collect();
        t.savings.projects.push(Project {
            reference: String::new(), name: "Extra".into(), workstream: String::new(),
            savings: years.iter().map(|y| (*y, extra)).collect(),
            status: Status::Complete, confidence: None, achieved: ByYear::new(),
        });
        prop_assert!(never_lower(&run(&t), &before));
    }
}

/// Ways to break a valid scenario, each a rule from docs/MODEL.md's "Bad input" (§9).
fn break_it(s: &mut Scenario, how: u8, big: Decimal) -> &'static str {
    let inmss = Setting::Inmss;
    match how {
        0 => {
            s.demand.ehcps = -Decimal::ONE - big;
            "demand.ehcps"
        }
        1 => {
            s.placements.settings[inmss].cost = -Decimal::ONE - big;
            "placements.settings.inmss.cost"
        }
        2 => {
            s.placements.settings[inmss].share_now += Decimal::new(2, 3);
            "placements.settings.share_now"
        }
        3 => {
            s.placements.target_year = s.about.last_year().plus(1);
            "placements.target_year"
        }
        4 => {
            for x in Setting::ALL {
                s.placements.settings[x].places = None;
            }
            s.placements.settings[Setting::StateSpecial].places = Some(Places {
                now: Decimal::TEN,
                new_by_year: ByYear::new(),
                overflow_to: inmss,
            });
            s.placements.settings[inmss].places = Some(Places {
                now: Decimal::TEN,
                new_by_year: ByYear::new(),
                overflow_to: Setting::Mainstream,
            });
            "placements.settings.state_special.places.overflow_to"
        }
        5 => {
            s.demand.growth.start = Decimal::new(-51, 2) - big;
            "demand.growth.start"
        }
        6 => {
            s.baseline.growth.end = Decimal::new(101, 2) + big;
            "baseline.growth.end"
        }
        7 => {
            s.about.years = MAX_YEARS + 1;
            "about.years"
        }
        8 => {
            s.income.hnb.first = Decimal::MAX;
            "income.hnb.first"
        }
        _ => {
            s.placements.settings[inmss].inflation = Decimal::new(2, 0) + big;
            "placements.settings.inmss.inflation"
        }
    }
}

proptest! {
    #![proptest_config(config(3_000))]

    /// Each kind of bad input is refused with a problem at the field's path,
    /// and projecting it returns the problems rather than panicking.
    #[test]
    fn bad_input_is_refused_by_field(mut s in scenario(), how in 0u8..10, big in dec(0, i64::MAX, 0)) {
        let path = break_it(&mut s, how, big);
        let problems = hnb::model::validate(&s);
        prop_assert!(problems.iter().any(|p| p.at.to_string() == path), "{path} not reported in {problems:?}");
        prop_assert!(problems.iter().all(|p| !p.message.is_empty()));
        prop_assert!(project(&s).is_err());
    }

    /// Any decimal in any numeric field: validation decides, and a scenario
    /// it accepts projects without a panic.
    #[test]
    fn any_numbers_never_panic(mut s in scenario(), raw in any::<[(i64, u32); 6]>()) {
        let d = |(m, e): (i64, u32)| Decimal::new(m, e % 29);
        s.opening_deficit = d(raw[0]);
        s.demand.ehcps = d(raw[1]);
        s.placements.settings[Setting::Inmss].cost = d(raw[2]);
        s.demand.growth.end = d(raw[3]);
        s.income.hnb.growth = d(raw[4]);
        s.placements.settings[Setting::Mainstream].inflation = d(raw[5]);
        if hnb::model::validate(&s).is_empty() {
            let _ = run(&s);
        } else {
            prop_assert!(project(&s).is_err());
        }
    }

    /// Arbitrary text as a scenario file: an error or a scenario, never a
    /// panic, and a parsed scenario validates and projects without one.
    #[test]
    fn arbitrary_files_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(s) = hnb::model::io::read_scenario(&String::from_utf8_lossy(&bytes)) {
            prop_assert!(project(&s).is_ok());
        }
    }

    /// A valid file with one value replaced by arbitrary JSON.
    #[test]
    fn damaged_files_never_panic(s in scenario(), at in any::<prop::sample::Index>(), junk in prop_oneof![
        Just("null".to_string()), Just("-1".to_string()), Just("\"1e400\"".to_string()),
        Just("\"79228162514264337593543950336\"".to_string()), Just("[]".to_string()),
        Just("{}".to_string()), Just("\"2024-26\"".to_string()), "\"[0-9.eE+-]{0,30}\"",
    ]) {
        let json = serde_json::to_string(&s).unwrap();
        let values: Vec<usize> = json.match_indices(':').map(|(i, _)| i + 1).collect();
        let start = values[at.index(values.len())];
        let end = json[start..].find([',', '}']).map_or(json.len(), |e| start + e);
        let damaged = format!("{}{}{}", &json[..start], junk, &json[end..]);
        if let Ok(t) = hnb::model::io::read_scenario(&damaged) {
            prop_assert!(project(&t).is_ok());
        }
    }
}

use common::remaining_with;

proptest! {
    #![proptest_config(config(2_000))]

    /// The extra saving clears the deficit by the agreement end, and a pound
    /// less a year does not.
    #[test]
    fn extra_saving_is_the_least_that_clears(s in scenario(), offset in 0u16..15) {
        use hnb::model::results::{ExtraSaving, extra_saving};
        let from = s.about.first_year.plus(offset);
        match extra_saving(&s, from) {
            ExtraSaving::Needed { per_year, .. } => {
                prop_assume!(per_year <= hnb::model::validate::MAX_MONEY);
                let at = remaining_with(&s, from, per_year).unwrap();
                prop_assert!(at <= Decimal::ZERO, "{per_year} a year leaves {at}");
                if per_year >= Decimal::ONE {
                    let less = remaining_with(&s, from, per_year - Decimal::ONE).unwrap();
                    prop_assert!(less > Decimal::ZERO, "{} a year already clears ({less})", per_year - Decimal::ONE);
                }
            }
            ExtraSaving::NotNeeded { headroom } => {
                let p = project(&s).unwrap();
                prop_assert_eq!(hnb::model::results::summarise(&s, &p).remaining_at_end, -headroom);
                prop_assert!(headroom >= Decimal::ZERO);
            }
            ExtraSaving::TooLate => prop_assert!(from > s.about.agreement_end),
        }
    }
}
