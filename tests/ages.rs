//! Demand by age from the published data: the table built into the model
//! (`model/src/authorities/ages.rs`, rewritten with `UPDATE_DATA=1 cargo
//! test --test ages`) agrees with `data/sen2_la_age_*.csv`, every council's
//! ages add up to its published total, and January 2025 follows from
//! January 2024 and 2024's flows as docs/MODEL.md §15 says.

mod common;

use common::csv_data::{SETTINGS, read};
use std::fmt::Write as _;

use hnb::model::age::{self, AGES, ByAge};
use hnb::model::authorities::{AGE_DATA, AUTHORITIES};
use rust_decimal::Decimal;

const GENERATED: &str = "model/src/authorities/ages.rs";

/// Index of a stock age ("under 3", "3" … "25").
fn stock_index(age: &str) -> usize {
    match age {
        "under 3" => 0,
        a => age::index_of(a.parse().unwrap()).unwrap(),
    }
}

/// Index of a flow band ("2 and under", "3" … "19", "20 and over").
fn band_index(age: &str) -> Option<usize> {
    match age {
        "2 and under" => Some(0),
        "20 and over" => Some(18),
        "unknown" => None,
        a => Some(usize::from(a.parse::<u8>().unwrap()) - 2),
    }
}

fn generate() -> String {
    let flows = read("data/sen2_la_age_flows.csv");
    let settings = read("data/sen2_la_age_by_setting.csv");
    let mut codes: Vec<&str> = vec!["E92000001"];
    codes.extend(AUTHORITIES.iter().map(|a| a.code));
    let mut out = String::from(
        "//! Generated from data/sen2_la_age_flows.csv and data/sen2_la_age_by_setting.csv\n\
         //! by tests/ages.rs: do not edit by hand. To update, change the data and run\n\
         //! `UPDATE_DATA=1 cargo test --test ages`.\n\n\
         use super::AgeData;\nuse crate::age::PublishedFlow;\n\n",
    );
    writeln!(
        out,
        "/// England first, then every council in the order of `AUTHORITIES`."
    )
    .unwrap();
    out.push_str("#[rustfmt::skip]\n");
    writeln!(out, "pub static AGE_DATA: [AgeData; {}] = [", codes.len()).unwrap();
    for code in codes {
        let mut january = [[0u32; AGES]; 2];
        let mut new = ([0u32; 19], 0u32);
        let mut new_earlier = [0u32; 2];
        let mut ended = ([0u32; 19], 0u32);
        let mut suppressed = 0u16;
        for r in flows.iter().filter(|r| r["la_code"] == code) {
            let v: Option<u32> = r["value"].trim().parse().ok();
            if v.is_none() {
                suppressed += 1;
            }
            let v = v.unwrap_or(0);
            match (r["measure"].as_str(), r["year"].as_str()) {
                ("ehcps_by_age_january", y @ ("2024" | "2025")) => {
                    january[usize::from(y == "2025")][stock_index(&r["age"])] = v
                }
                ("new_ehcps_by_age_calendar_year", y @ ("2022" | "2023")) => {
                    new_earlier[usize::from(y == "2023")] += v
                }
                ("new_ehcps_by_age_calendar_year", "2024") => match band_index(&r["age"]) {
                    Some(b) => new.0[b] = v,
                    None => new.1 = v,
                },
                ("ceased_ehcps_by_age_calendar_year", "2024") => match band_index(&r["age"]) {
                    Some(b) => ended.0[b] = v,
                    None => ended.1 = v,
                },
                _ => {}
            }
        }
        let by_setting = |year: &str| {
            let mut t = [[0u32; 10]; AGES];
            for r in settings
                .iter()
                .filter(|r| r["la_code"] == code && r["year"] == year)
            {
                for (k, s) in SETTINGS.iter().enumerate() {
                    t[stock_index(&r["age"])][k] = r[*s].trim().parse().unwrap_or(0);
                }
            }
            t
        };
        let placed = |t: &[[u32; 10]; AGES]| t.iter().flatten().sum::<u32>();
        let (settings_year, table) = match by_setting("2025") {
            t if placed(&t) > 0 => (2025, t),
            _ => (2024, by_setting("2024")),
        };
        writeln!(
            out,
            "    AgeData {{\n        code: {code:?},\n        january: {january:?},\n        new_earlier: {new_earlier:?},\n        new_2024: PublishedFlow {{ by_band: {:?}, unknown: {} }},\n        ended_2024: PublishedFlow {{ by_band: {:?}, unknown: {} }},\n        settings: {table:?},\n        settings_year: {settings_year},\n        suppressed: {suppressed},\n    }},",
            new.0, new.1, ended.0, ended.1
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

#[test]
fn built_in_age_table_is_generated_from_the_data() {
    let want = generate();
    if std::env::var_os("UPDATE_DATA").is_some() {
        std::fs::write(GENERATED, &want).unwrap();
    }
    let have = std::fs::read_to_string(GENERATED).unwrap_or_default();
    assert!(
        have == want,
        "{GENERATED} differs from data/sen2_la_age_*.csv: run `UPDATE_DATA=1 cargo test --test ages`"
    );
}

/// Where the page fetches a council's figures by age from, the first time
/// it projects that council by age: one small module a council (`export
/// default` the JSON [`load_ages`](hnb::model::authorities::load_ages)
/// reads), copied into the site by Trunk.
const PAGE_FILES: &str = "assets/ages";

fn page_file(d: &hnb::model::authorities::AgeData) -> String {
    let json = hnb::model::authorities::ages_json(d);
    format!(
        "// {} ({}): DfE SEN2 plans by age and setting, January 2024 and 2025, and\n// new and ended plans in 2023 and 2024. Generated by tests/ages.rs from\n// data/sen2_la_age_*.csv: do not edit by hand.\nexport default '{json}';\n",
        hnb::model::authorities::find(d.code).map_or("", |a| a.name),
        d.code
    )
}

/// The page's files of figures by age are generated from the same table,
/// one for every council (England is for checks, not a council), and each
/// reads back to that council's figures.
#[test]
fn page_files_of_figures_by_age_are_generated_from_the_data() {
    let update = std::env::var_os("UPDATE_DATA").is_some();
    if update {
        std::fs::create_dir_all(PAGE_FILES).unwrap();
    }
    for d in AGE_DATA.iter().skip(1) {
        let path = format!("{PAGE_FILES}/{}.js", d.code);
        let want = page_file(d);
        if update {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{path} differs from data/sen2_la_age_*.csv: run `UPDATE_DATA=1 cargo test --test ages`"
        );
        let json = have
            .split_once("export default '")
            .and_then(|(_, rest)| rest.strip_suffix("';\n"))
            .unwrap();
        assert!(!json.contains('\''), "{path}");
        assert_eq!(hnb::model::authorities::read_ages(json), Ok(*d));
    }
    let files = std::fs::read_dir(PAGE_FILES).unwrap().count();
    assert_eq!(
        files,
        AGE_DATA.len() - 1,
        "a file in {PAGE_FILES} for no council"
    );
}

fn decimal(v: &[u32; AGES]) -> ByAge {
    v.map(Decimal::from)
}

/// January 2025's ages add up to each council's published total, and to
/// England's 638,745.
#[test]
fn every_councils_ages_add_up_to_its_total() {
    let england = AGE_DATA.first().expect("England");
    assert_eq!(england.january[1].iter().sum::<u32>(), 638_745);
    for a in AUTHORITIES.iter() {
        let d = hnb::model::authorities::ages_of(a.code).unwrap();
        assert_eq!(
            Some(d.january[1].iter().sum::<u32>()),
            a.ehcps[6],
            "{}",
            a.name
        );
    }
}

/// With the adjustment calibrated, January 2025 follows from January 2024
/// and 2024's flows exactly, for every council; without it, ageing alone
/// conserves children (less those leaving at 25).
#[test]
fn january_2025_follows_from_2024_with_the_adjustment() {
    let zero = [Decimal::ZERO; AGES];
    for d in AGE_DATA.iter() {
        let (now, then) = (decimal(&d.january[0]), decimal(&d.january[1]));
        let new = age::spread(&d.new_2024, &now);
        let ended = age::spread(&d.ended_2024, &now);
        let c = age::ending_rates(&now, &ended);
        let m = age::adjustment(&now, &c, &new, &then);
        assert_eq!(age::age_on(&now, &c, &new, &m), then, "{}", d.code);
        let aged = age::age_on(&now, &zero, &zero, &zero);
        assert_eq!(
            age::total(&aged),
            age::total(&now) - now[AGES - 1],
            "{}",
            d.code
        );
    }
}

fn by_age(code: &str) -> hnb::model::Scenario {
    let mut s = hnb::model::presets::find(&format!("la:{code}"))
        .unwrap()
        .scenario();
    s.demand.by_age = Some(hnb::model::scenario::AgeLevers {
        new_growth: Decimal::new(5, 2),
        new_growth_baseline: Decimal::new(5, 2),
        secondary_mainstream: None,
    });
    s
}

/// Every council projects by age: it validates, both runs start from its
/// January 2025 by age, the ages sum to the EHCPs of every year, and the
/// children placed add up to them.
#[test]
fn every_council_projects_by_age() {
    for a in AUTHORITIES.iter() {
        let s = by_age(a.code);
        assert!(
            hnb::model::validate(&s).is_empty(),
            "{}: {:?}",
            a.name,
            hnb::model::validate(&s)
        );
        let p = hnb::model::project(&s).unwrap();
        for plan in [true, false] {
            let r = age::run(&s, plan).unwrap();
            let rows = if plan { &p.mitigated } else { &p.unmitigated };
            assert_eq!(r.stock.len(), rows.len());
            assert_eq!(age::total(&r.stock[0]), s.demand.ehcps, "{}", a.name);
            for (stock, row) in r.stock.iter().zip(rows.iter()) {
                let placed: Decimal = row.children.0.iter().copied().sum();
                assert_eq!(age::total(stock).round_dp(6), row.ehcps, "{}", a.name);
                assert!(
                    (placed - row.ehcps).abs() < Decimal::new(1, 3),
                    "{}",
                    a.name
                );
            }
        }
    }
}

/// Keeping more 11-to-15-year-olds in mainstream school moves children out
/// of special schools and changes the deficit; a scenario by age that does
/// not start in January 2025, or has no council, is refused in words.
#[test]
fn the_secondary_mainstream_lever_moves_special_school_places() {
    use hnb::model::Setting;
    let s = by_age("E09000014");
    let base = hnb::model::project(&s).unwrap();
    let today = age::settings_by_age(hnb::model::authorities::ages_of("E09000014").unwrap());
    let mut more = s.clone();
    more.demand.by_age.as_mut().unwrap().secondary_mainstream =
        Some(today[9][Setting::Mainstream] + Decimal::new(10, 2));
    let p = hnb::model::project(&more).unwrap();
    let last = |p: &hnb::model::Projection| p.mitigated.last().unwrap().clone();
    assert!(last(&p).children[Setting::StateSpecial] < last(&base).children[Setting::StateSpecial]);
    assert!(last(&p).children[Setting::Mainstream] > last(&base).children[Setting::Mainstream]);
    assert_ne!(last(&p).cumulative_deficit, last(&base).cumulative_deficit);
    // Without the plan nothing changes.
    assert_eq!(p.unmitigated, base.unmitigated);

    let mut wrong = s.clone();
    wrong.demand.ehcps += Decimal::ONE;
    let problems = hnb::model::validate(&wrong);
    assert!(
        problems.iter().any(|p| p.message.contains("January 2025")),
        "{problems:?}"
    );
    let mut average = hnb::model::presets::find("average").unwrap().scenario();
    average.demand.by_age = s.demand.by_age.clone();
    assert!(
        hnb::model::validate(&average)
            .iter()
            .any(|p| p.message.contains("choose a council"))
    );
}

/// A scenario by age survives a file and a share link; its fields are
/// named, read back from their paths, and goal seek on EHCP growth says it
/// does not apply.
#[test]
fn a_scenario_by_age_reads_back() {
    use hnb::model::field::Field;
    use hnb::model::io::{read_scenario, write_scenario};
    let mut s = by_age("E06000001");
    s.demand.by_age.as_mut().unwrap().secondary_mainstream = Some(Decimal::new(55, 2));
    let new: Vec<Field> = hnb::model::figures::fields(&s)
        .into_iter()
        .map(|(f, _)| f)
        .filter(|f| f.to_string().starts_with("demand.by_age."))
        .collect();
    assert_eq!(new.len(), 3);
    for f in new {
        assert_eq!(f.to_string().parse::<Field>(), Ok(f));
        assert!(!f.label(&s).is_empty());
        let mut t = s.clone();
        f.set(&mut t, Decimal::new(2, 1)).unwrap();
        assert_eq!(f.get(&t), Some(Decimal::new(2, 1)));
        assert!(f.bounds().unwrap().allows(Decimal::new(2, 1)));
    }
    let year = s.about.first_year.plus(1);
    let solved = hnb::model::solve::solve(
        &s,
        hnb::model::solve::Lever::Growth(year),
        hnb::model::solve::Target::Cleared,
    );
    assert!(matches!(solved, hnb::model::solve::Solved::NotApplicable(w) if w.contains("by age")));
    assert_eq!(read_scenario(&write_scenario(&s)), Ok(s.clone()));
    let base = hnb::model::presets::find("la:E06000001")
        .unwrap()
        .scenario();
    let link = hnb::model::share::encode("la:E06000001", &base, &s);
    let opened = hnb::model::share::decode_with(&link, |_| Some(base.clone())).unwrap();
    assert_eq!(opened.scenario, s);
}

/// The page's "by age" view: its phases hold every child of the first and
/// target years (with the plan), and of the 11-year-olds starting secondary
/// school no more are in a special school than there are; the parents'
/// sentence says so in words.
#[test]
fn the_by_age_view_holds_every_child() {
    for code in ["E09000014", "E06000001", "E10000014"] {
        let mut s = by_age(code);
        s.demand.by_age.as_mut().unwrap().secondary_mainstream = Some(Decimal::new(7, 1));
        let v = age::view(&s).unwrap();
        let r = age::run(&s, true).unwrap();
        // The target year as the scenario states it (within the years).
        let t = usize::from(s.placements.target_year.start() - s.about.first_year.start())
            .min(r.stock.len() - 1);
        assert_eq!(v.target, s.about.first_year.plus(t as u16));
        let phases = v.phases();
        let sum = |k: usize| -> Decimal {
            phases
                .iter()
                .map(|p| if k == 0 { p.1 } else { p.2 }.iter().sum::<Decimal>())
                .sum()
        };
        assert!(
            (sum(0) - age::total(&r.stock[0])).abs() < Decimal::new(1, 3),
            "{code}"
        );
        assert!(
            (sum(1) - age::total(&r.stock[t])).abs() < Decimal::new(1, 3),
            "{code}"
        );
        let (all, special) = v.starting.unwrap();
        assert!(special <= all && special >= Decimal::ZERO, "{code}");
        let (_, (_, with), (_, without)) = v.starting_later.unwrap();
        // The plan moves 11-to-15-year-olds into mainstream school.
        assert!(with < without, "{code}");
        let words = age::starting_secondary_words(&v).unwrap();
        assert!(words.starts_with("Of the "), "{words}");
        assert!(words.contains("September 2025"), "{words}");
    }
    assert_eq!(
        age::view(&hnb::model::presets::find("average").unwrap().scenario()),
        None
    );
}

/// Figures by age as the page fetches them are read only for a council,
/// with counts of a size nothing can overflow on, and anything else is
/// refused in words.
#[test]
fn figures_by_age_from_a_file_are_checked() {
    use hnb::model::authorities::{ages_json, load_ages};
    let d = AGE_DATA.iter().find(|d| d.code == "E09000014").unwrap();
    let good = ages_json(d);
    assert_eq!(hnb::model::authorities::read_ages(&good), Ok(*d));
    assert_eq!(load_ages(&good), Ok(d));
    let england = ages_json(&AGE_DATA[0]);
    assert!(
        load_ages(&england)
            .unwrap_err()
            .contains("not an English council")
    );
    assert!(
        load_ages("{")
            .unwrap_err()
            .starts_with("the figures by age could not be read")
    );
    assert!(load_ages("").is_err());
    let huge = good.replacen("\"january\":[[4,", "\"january\":[[4000000000,", 1);
    assert_ne!(huge, good);
    assert!(load_ages(&huge).unwrap_err().contains("over ten million"));
    let bad_year = good.replace("\"settings_year\":2025", "\"settings_year\":1999");
    assert_ne!(bad_year, good);
    assert!(load_ages(&bad_year).unwrap_err().contains("1999"));
    let extra = good.replacen('{', "{\"x\":1,", 1);
    assert!(load_ages(&extra).is_err());
}
