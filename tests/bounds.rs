//! The arithmetic at the edges of what validation allows: no overflow, no
//! panic, and the identities still hold.

use hnb::model::presets;
use hnb::model::results::{ExtraSaving, extra_saving, summarise};
use hnb::model::scenario::*;
use hnb::model::validate::{
    MAX_COST, MAX_COUNT, MAX_ITEMS, MAX_MONEY, MAX_RATE, MAX_TRANSFER, MAX_YEARS, MIN_RATE,
};
use hnb::model::{Setting, project, validate};
use rust_decimal::Decimal;

fn at_bounds(rate: Decimal) -> Scenario {
    let mut s = presets::find("average").unwrap().scenario();
    s.about.years = MAX_YEARS;
    s.about.agreement_end = s.about.last_year();
    s.placements.target_year = s.about.last_year();
    s.opening_deficit = MAX_MONEY;
    s.demand.ehcps = MAX_COUNT;
    s.demand.growth = Growth::constant(rate);
    s.baseline.growth = Growth::constant(rate);
    for (i, p) in s.placements.settings.0.iter_mut().enumerate() {
        p.cost = MAX_COST;
        p.inflation = rate;
        if i == Setting::StateSpecial.index() {
            p.places = Some(Places {
                now: MAX_COUNT,
                new_by_year: s.about.years().map(|y| (y, MAX_COUNT)).collect(),
                overflow_to: Setting::Inmss,
            });
        }
    }
    let big = Series {
        first: MAX_MONEY,
        growth: rate,
        by_year: ByYear::new(),
    };
    s.income.hnb = big.clone();
    s.income.schools_block_transfer = Transfer::Percent {
        rate: MAX_TRANSFER,
        schools_block: big.clone(),
    };
    s.income.other_contributions = (0..MAX_ITEMS)
        .map(|i| Line {
            name: format!("c{i}"),
            amount: big.clone(),
        })
        .collect();
    s.other_spend = (0..MAX_ITEMS)
        .map(|i| Line {
            name: format!("o{i}"),
            amount: big.clone(),
        })
        .collect();
    let years: Vec<_> = s.about.years().collect();
    s.savings.projects = (0..MAX_ITEMS)
        .map(|i| Project {
            reference: String::new(),
            name: format!("p{i}"),
            workstream: String::new(),
            savings: years.iter().map(|y| (*y, -MAX_MONEY)).collect(),
            status: Status::AtRisk,
            confidence: Some(Decimal::ONE),
            achieved: ByYear::new(),
        })
        .collect();
    s.agreement.payments = years.iter().map(|y| (*y, MAX_MONEY)).collect();
    s.agreement.agreed_path = years.iter().map(|y| (*y, -MAX_MONEY)).collect();
    s.agreement.conditional = true;
    s
}

#[test]
fn extreme_inputs_project_without_overflow() {
    for rate in [MAX_RATE, MIN_RATE, Decimal::ZERO] {
        let s = at_bounds(rate);
        assert!(validate(&s).is_empty(), "{:#?}", validate(&s));
        let p = project(&s).expect("valid");
        for rows in [&p.unmitigated, &p.mitigated] {
            let balances: Decimal = rows.iter().map(|r| r.in_year_balance).sum();
            let last = rows.last().unwrap();
            assert!(
                (last.cumulative_deficit - (s.opening_deficit - balances)).abs()
                    < Decimal::new(1, 2)
            );
        }
        let _ = summarise(&s, &p);
        let from = s.about.first_year;
        match extra_saving(&s, from) {
            ExtraSaving::Needed { per_year, .. } => assert!(per_year > Decimal::ZERO),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn one_step_past_each_bound_is_refused() {
    let s = at_bounds(MAX_RATE);
    type Change = Box<dyn Fn(&mut Scenario)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "opening_deficit",
            Box::new(|s| s.opening_deficit = MAX_MONEY + Decimal::ONE),
        ),
        (
            "demand.ehcps",
            Box::new(|s| s.demand.ehcps = MAX_COUNT + Decimal::ONE),
        ),
        (
            "demand.growth.start",
            Box::new(|s| s.demand.growth.start = MAX_RATE + Decimal::new(1, 4)),
        ),
        (
            "baseline.growth.end",
            Box::new(|s| s.baseline.growth.end = MIN_RATE - Decimal::new(1, 4)),
        ),
        (
            "placements.settings.inmss.cost",
            Box::new(|s| s.placements.settings[Setting::Inmss].cost = MAX_COST + Decimal::ONE),
        ),
        (
            "placements.settings.inmss.inflation",
            Box::new(|s| {
                s.placements.settings[Setting::Inmss].inflation = MAX_RATE + Decimal::new(1, 4)
            }),
        ),
        (
            "income.schools_block_transfer.rate",
            Box::new(|s| {
                if let Transfer::Percent { rate, .. } = &mut s.income.schools_block_transfer {
                    *rate = MAX_TRANSFER + Decimal::new(1, 4);
                }
            }),
        ),
        ("about.years", Box::new(|s| s.about.years = MAX_YEARS + 1)),
        ("about.years", Box::new(|s| s.about.years = 0)),
        (
            "other_spend",
            Box::new(|s| {
                s.other_spend.push(Line {
                    name: "one more".into(),
                    amount: Series::default(),
                })
            }),
        ),
        (
            "savings.projects[0].confidence",
            Box::new(|s| s.savings.projects[0].confidence = Some(Decimal::new(101, 2))),
        ),
        (
            "savings.projects[1].name",
            Box::new(|s| s.savings.projects[1].name = "   ".into()),
        ),
        (
            "agreement.payments.2024-25",
            Box::new(|s| {
                s.agreement
                    .payments
                    .insert("2024-25".parse().unwrap(), -Decimal::ONE);
            }),
        ),
        ("version", Box::new(|s| s.version = 99)),
    ];
    for (path, change) in cases {
        let mut t = s.clone();
        change(&mut t);
        let problems = validate(&t);
        assert!(
            problems.iter().any(|p| p.at.to_string() == path),
            "{path}: {problems:#?}"
        );
        assert!(project(&t).is_err());
    }
}

/// The largest scenario validation allows (every list full, every text at
/// its longest, every source used) fits in a file and in a share link, and
/// comes back whole from both.
#[test]
fn the_largest_valid_scenario_fits_a_file_and_a_link() {
    use hnb::model::figures;
    use hnb::model::io::{MAX_FILE_BYTES, read_scenario, write_scenario};
    use hnb::model::node::Node;
    use hnb::model::share::{MAX_LINK_CHARS, decode_with, encode};
    use hnb::model::validate::{MAX_SOURCE_TEXT, MAX_SOURCES, MAX_TEXT};
    let mut s = at_bounds(MAX_RATE);
    let long = "é".repeat(MAX_TEXT);
    s.about.authority = long.clone();
    s.about.notes = long.clone();
    for p in &mut s.savings.projects {
        p.name = long.clone();
        p.reference = long.clone();
        p.workstream = long.clone();
        p.achieved = p.savings.clone();
    }
    let years: ByYear = s.about.years().map(|y| (y, MAX_MONEY)).collect();
    for l in s
        .other_spend
        .iter_mut()
        .chain(&mut s.income.other_contributions)
    {
        l.name = long.clone();
        l.amount.by_year = years.clone();
    }
    // As many figures as may carry a source, the longest-named first.
    let mut nodes: Vec<Node> = figures::fields(&s)
        .into_iter()
        .map(|(f, _)| f.into())
        .collect();
    nodes.sort_by_key(|n| std::cmp::Reverse(n.to_string().len()));
    nodes.truncate(MAX_SOURCES);
    assert_eq!(nodes.len(), MAX_SOURCES);
    s.sources = nodes
        .into_iter()
        .map(|n| {
            (
                n,
                Source::new(SourceKind::User, "x".repeat(MAX_SOURCE_TEXT)),
            )
        })
        .collect();
    assert!(validate(&s).is_empty(), "{:?}", validate(&s).first());
    let file = write_scenario(&s);
    assert!(file.len() <= MAX_FILE_BYTES, "{} bytes", file.len());
    assert_eq!(read_scenario(&file).as_ref(), Ok(&s));
    let base = presets::find("average").unwrap().scenario();
    let link = encode("average", &base, &s);
    assert!(link.len() <= MAX_LINK_CHARS, "{} characters", link.len());
    let opened = decode_with(&link, |_| Some(base.clone())).unwrap();
    assert_eq!(opened.scenario, s);
}
