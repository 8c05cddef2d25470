//! The `hnb` command-line tool, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use hnb::model::authorities::AUTHORITIES;
use hnb::model::export::{CSV_HEADER, projection_csv};
use hnb::model::presets::{self, PRESETS};
use hnb::model::project;

fn hnb(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hnb"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hnb runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn lists_presets_one_a_line() {
    let out = hnb(&["presets"], "");
    assert!(out.status.success());
    let lines: Vec<(String, String)> = text(&out.stdout)
        .lines()
        .map(|l| {
            let (id, name) = l.split_once('\t').unwrap();
            (id.to_string(), name.to_string())
        })
        .collect();
    assert_eq!(lines.len(), PRESETS.len() + AUTHORITIES.len());
    for (p, (id, name)) in PRESETS.iter().zip(&lines) {
        assert_eq!((id.as_str(), name.as_str()), (&*p.id, &*p.name));
    }
    assert!(lines.contains(&("la:E09000014".into(), "Haringey: published data".into())));
    for (id, _) in &lines {
        assert!(presets::find(id).is_some(), "{id}");
    }
}

#[test]
fn preset_then_project_gives_the_models_csv() {
    for p in &PRESETS {
        let json = hnb(&["preset", &p.id], "");
        assert!(json.status.success(), "{}", p.id);
        let csv = hnb(&["project", "-"], &text(&json.stdout));
        assert!(csv.status.success(), "{}: {}", p.id, text(&csv.stderr));
        let csv = text(&csv.stdout);
        let s = p.scenario();
        assert_eq!(csv, projection_csv(&project(&s).unwrap()), "{}", p.id);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with(CSV_HEADER));
        assert_eq!(lines.len(), 1 + 2 * usize::from(s.about.years));
        let first = lines[1].split(',').collect::<Vec<_>>();
        assert_eq!(first[0], "unmitigated");
        assert_eq!(first[1], s.about.first_year.to_string());
        assert!(lines[1 + usize::from(s.about.years)].starts_with("mitigated,"));
        // Money to two decimal places.
        for field in &first[3..10] {
            let (_, pence) = field.split_once('.').expect("decimal point");
            assert_eq!(pence.len(), 2, "{field}");
        }
    }
}

#[test]
fn project_reads_a_file_path() {
    let dir = std::env::temp_dir().join(format!("hnb-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("medway.json");
    std::fs::write(&file, text(&hnb(&["preset", "medway"], "").stdout)).unwrap();
    let out = hnb(&["project", file.to_str().unwrap()], "");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("mitigated,2025-26,"));
    let out = hnb(&["validate", file.to_str().unwrap()], "");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let json = text(&hnb(&["preset", "average"], "").stdout)
        .replace("\"years\": 6", "\"years\": 16")
        .replace("\"ehcps\": \"4175\"", "\"ehcps\": \"-3\"");
    let out = hnb(&["validate", "-"], &json);
    assert_eq!(out.status.code(), Some(1));
    let lines = text(&out.stdout);
    assert!(
        lines.lines().any(|l| l.starts_with("about.years: ")),
        "{lines}"
    );
    assert!(
        lines.lines().any(|l| l.starts_with("demand.ehcps: ")),
        "{lines}"
    );
    let out = hnb(&["project", "-"], &json);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn malformed_input_gives_a_message_not_a_panic() {
    let cases = [
        "",
        "not json",
        "{\"version\": 1",
        "[1,2,3]",
        "{\"version\": 2, \"about\": {}}",
        "\u{feff}{}",
        "{\"version\": 1} trailing",
    ];
    for input in cases {
        for cmd in ["project", "validate"] {
            let out = hnb(&[cmd, "-"], input);
            assert_eq!(out.status.code(), Some(1), "{cmd} {input:?}");
            let err = text(&out.stderr);
            assert!(!err.contains("panicked"), "{err}");
            assert!(!err.is_empty() || !out.stdout.is_empty());
        }
    }
    let out = hnb(&["validate", "-"], "{\"version\": 2}");
    assert!(
        text(&out.stderr).contains("the file says version 2"),
        "{}",
        text(&out.stderr)
    );
    let out = hnb(&["project", "/no/such/file.json"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read"));
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["preset", "atlantis"][..],
        &["frobnicate"],
        &["project"],
        &["--nope"],
    ] {
        let out = hnb(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("Usage"));
    }
}

#[test]
fn link_then_open_round_trips_a_scenario() {
    let mut s = hnb::model::presets::find("medway").unwrap().scenario();
    s.demand.growth.start = rust_decimal::Decimal::new(9, 2);
    let json = hnb::model::io::write_scenario(&s);
    let out = hnb(&["link", "-", "medway"], &json);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let fragment = text(&out.stdout).trim().to_string();
    assert!(fragment.starts_with("v=1&p=medway&f="), "{fragment}");
    let url = format!("https://example.org/hnb/#{fragment}");
    let out = hnb(&["open", &url], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        hnb::model::io::read_scenario(&text(&out.stdout)).unwrap(),
        s
    );
    let out = hnb(&["open", "#v=1&p=medway&d=%%"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cannot be read"),
        "{}",
        text(&out.stderr)
    );
    let out = hnb(&["link", "-", "narnia"], &json);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn solve_tornado_and_fan_from_the_tool() {
    let dir = std::env::temp_dir().join(format!("hnb-cli-analysis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("s.json");
    std::fs::write(&file, text(&hnb(&["preset", "average"], "").stdout)).unwrap();
    let f = file.to_str().unwrap();

    let out = hnb(&["solve", f, "--lever", "growth", "--from", "2025-26"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let line = text(&out.stdout);
    let parts: Vec<&str> = line.trim().split('\t').collect();
    assert_eq!(parts[0], "growth");
    let gap: rust_decimal::Decimal = parts[2].parse().unwrap();
    assert!(gap <= rust_decimal::Decimal::ZERO && gap > rust_decimal::Decimal::from(-1000));
    assert!(text(&out.stderr).starts_with("EHCP growth from 2025-26 would have to fall to"));

    let out = hnb(&["solve", f, "--lever", "inmss"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Not reachable"));
    let out = hnb(&["solve", f, "--lever", "magic"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "--lever must be growth, saving, inmss, inflation or target-year, not “magic”"
        )
    );
    let out = hnb(
        &["solve", f, "--lever", "growth", "--target", "balance:2099"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));

    let tornado = text(&hnb(&["tornado", f], "").stdout);
    assert_eq!(tornado.lines().count(), 2 + 5);
    assert!(tornado.starts_with("input,low,high,"));

    let a = hnb(&["fan", f, "--paths", "500", "--seed", "3"], "");
    assert!(a.status.success());
    let b = hnb(&["fan", f, "--paths", "500", "--seed", "3"], "");
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(text(&a.stdout).lines().count(), 1 + 6);
    assert!(text(&a.stderr).contains("simulated futures"));
    std::fs::remove_dir_all(&dir).ok();
}

/// A closed pipe (`hnb … | head`) ends the tool with its usual exit code,
/// never a panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let json = text(&hnb(&["preset", "average"], "").stdout).replace("\"4175\"", "\"-4175\"");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hnb"))
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hnb runs");
    // Nobody reads its output or its messages.
    drop(child.stdout.take());
    drop(child.stderr.take());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json.as_bytes())
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "{status:?}");
}

/// `hnb assumptions` is a table a spreadsheet reads back whole: a header,
/// three columns, and free text with quotes, commas and semicolons quoted.
#[test]
fn assumptions_are_a_tsv_that_reads_back_with_awkward_text() {
    let mut s = hnb::model::presets::find("haringey").unwrap().scenario();
    let awkward = "\"Quoted\", with commas; and \"more\"";
    s.other_spend[0].name = awkward.into();
    let out = hnb(&["assumptions", "-"], &hnb::model::io::write_scenario(&s));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(out.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["what", "value", "source"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(rows.len() > 50, "{}", rows.len());
    assert!(rows.iter().all(|row| row.len() == 3));
    assert!(
        rows.iter().any(|row| row[0].contains(awkward)),
        "the awkward name comes back whole"
    );
}

/// `hnb project --by-age` prints children by age and setting for a scenario
/// by age (and says why for one without); `hnb backtest --by-age` rebuilds
/// January 2025 for England and every council.
#[test]
fn the_tool_projects_and_checks_by_age() {
    let mut s = hnb::model::presets::find("la:E09000014")
        .unwrap()
        .scenario();
    let plain = hnb::model::io::write_scenario(&s);
    s.demand.by_age = Some(hnb::model::scenario::AgeLevers {
        new_growth: rust_decimal::Decimal::new(5, 2),
        new_growth_baseline: rust_decimal::Decimal::new(8, 2),
        secondary_mainstream: None,
    });
    let out = hnb(
        &["project", "--by-age", "-"],
        &hnb::model::io::write_scenario(&s),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    let years = usize::from(s.about.years);
    assert_eq!(table.lines().count(), 1 + 2 * years * hnb::model::age::AGES);
    assert!(table.starts_with("year,run,age,plans,mainstream,"));
    assert!(table.contains("\n2024-25,mitigated,11,"));
    let out = hnb(&["project", "--by-age", "-"], &plain);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no demand by age"));

    let out = hnb(&["backtest", "--by-age"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), 1 + 1 + 153);
    assert!(text(&out.stderr).contains("153 councils"));
}
