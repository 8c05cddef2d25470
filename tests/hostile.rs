//! Hostile input: every field of every preset set to values of every
//! size and shape, read as a file, as a share link and by the `hnb` tool.
//! Nothing may panic or abort; every refusal is in words that name the
//! field; whatever is accepted validates and projects.

use std::io::Write;
use std::process::{Command, Stdio};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::str::FromStr;

use hnb::model::field::Field;
use hnb::model::figures::fields;
use hnb::model::io::{read_value, to_value};
use hnb::model::presets::{self, PRESETS};
use hnb::model::{project, share, validate};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// Values no field allows, or that cannot be held at all.
fn extremes() -> Vec<Value> {
    vec![
        json!("1e27"),
        json!("-1e27"),
        json!("7.9e26"),
        json!("1e30"),
        json!("79228162514264337593543950335"),
        json!("-79228162514264337593543950336"),
        json!("0.00000000000000000000000000000001"),
        json!("999999999999999999999999"),
        json!("1e-400"),
        json!("abc"),
        json!(""),
        json!("١٢٣"),
        json!(true),
        json!([]),
        json!({}),
        json!(1e300),
        json!(-1e300),
        json!(u64::MAX),
        json!(i64::MIN),
    ]
}

/// The JSON location of a field path: `savings.projects[3].savings.2024-25`
/// is `savings`, `projects`, 3, `savings`, `2024-25`.
fn slot<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    let mut at = v;
    for seg in path.split('.') {
        match seg.split_once('[') {
            Some((name, rest)) => {
                let i: usize = rest.trim_end_matches(']').parse().unwrap();
                at = &mut at[name][i];
            }
            None => at = &mut at[seg],
        }
    }
    at
}

/// Words, not a type system's: what a message must never say.
fn is_jargon(message: &str) -> bool {
    [
        "expected",
        "invalid type",
        "Decimal",
        "u8",
        "u32",
        "variant",
    ]
    .iter()
    .any(|j| message.contains(j))
}

/// Whether `x` is a number that `field` allows.
fn allowed(field: Field, x: &Value) -> bool {
    let d = match x {
        Value::String(t) => Decimal::from_str(t)
            .or_else(|_| Decimal::from_scientific(t))
            .ok(),
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    };
    d.is_some_and(|d| field.bounds().is_some_and(|b| b.allows(d)))
}

/// Mutates every figure of `preset` to each value of `values`, and checks
/// the reader's answer. Returns how many mutations were tried.
fn mutate_every_field(id: &str, values: &[Value]) -> usize {
    let s = presets::find(id).unwrap().scenario();
    let base = to_value(&s);
    let mut tried = 0;
    for (field, _) in fields(&s) {
        let path = field.to_string();
        for x in values {
            let mut v = base.clone();
            *slot(&mut v, &path) = x.clone();
            tried += 1;
            match read_value(v) {
                Ok(t) => {
                    assert!(validate(&t).is_empty());
                    assert!(project(&t).is_ok(), "{id} {path} = {x}");
                }
                Err(problems) => {
                    assert!(!problems.is_empty());
                    for p in &problems {
                        assert!(!is_jargon(&p.message), "{id} {path} = {x}: {}", p.message);
                    }
                    // A value the field allows may upset the whole (shares
                    // that no longer add up); anything else is named.
                    assert!(
                        allowed(field, x) || problems.iter().any(|p| p.is_at(field)),
                        "{id} {path} = {x}: the problem names the field: {problems:?}"
                    );
                }
            }
        }
    }
    tried
}

#[test]
fn every_field_of_every_seed_preset_takes_any_value() {
    let values = extremes();
    let tried: usize = PRESETS
        .iter()
        .map(|p| mutate_every_field(&p.id, &values))
        .sum();
    assert!(tried > 9_000, "{tried}");
}

#[test]
fn every_field_of_every_council_takes_extreme_rates_and_sums() {
    let values = [json!("1e27"), json!("-1e30"), json!("lots")];
    for p in presets::all().skip(PRESETS.len()) {
        mutate_every_field(&p.id, &values);
    }
}

#[test]
fn a_link_with_any_value_in_any_field_opens_or_says_why() {
    let values = extremes();
    for p in PRESETS.iter() {
        let s = p.scenario();
        for (field, _) in fields(&s) {
            let path = field.to_string();
            for x in &values {
                let base = to_value(&s);
                let mut v = base.clone();
                *slot(&mut v, &path) = x.clone();
                let patch = share::diff(&base, &v).unwrap_or(json!({}));
                let link = format!(
                    "v=1&p={}&d={}",
                    p.id,
                    URL_SAFE_NO_PAD.encode(patch.to_string())
                );
                match share::decode(&link) {
                    Ok(o) => assert!(validate(&o.scenario).is_empty()),
                    Err(e) => assert!(!is_jargon(&e.to_string()), "{path} = {x}: {e}"),
                }
            }
        }
    }
}

fn run(args: &[&str], stdin: &str) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hnb"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hnb runs");
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// The tool, as a user runs it (stdout and stderr together): every field of the seed presets at rates
/// of about 7.9e26 and more (which aborted it), and a sum too large to
/// hold, through `validate`, `project` and `open`.
#[test]
fn the_tool_never_aborts() {
    let mut runs = 0;
    for p in PRESETS.iter() {
        let s = p.scenario();
        let base = to_value(&s);
        for (field, _) in fields(&s) {
            let path = field.to_string();
            for x in [json!("1e27"), json!("99999999999999999999999999999")] {
                let mut v = base.clone();
                *slot(&mut v, &path) = x.clone();
                for cmd in ["validate", "project"] {
                    let (code, err) = run(&[cmd, "-"], &v.to_string());
                    assert_eq!(code, Some(1), "{cmd} {} {path} = {x}: {err}", p.id);
                    assert!(!is_jargon(&err), "{err}");
                    runs += 1;
                }
            }
            let mut v = base.clone();
            *slot(&mut v, &path) = json!("1e27");
            let patch = share::diff(&base, &v).unwrap_or(json!({}));
            let link = format!(
                "#v=1&p={}&d={}",
                p.id,
                URL_SAFE_NO_PAD.encode(patch.to_string())
            );
            let (code, err) = run(&["open", &link], "");
            assert_eq!(code, Some(1), "open {} {path}: {err}", p.id);
            runs += 1;
        }
    }
    assert!(runs > 1_000, "{runs}");
}

#[test]
fn the_tool_refuses_what_it_cannot_do_in_words() {
    let json = hnb::model::io::write_scenario(&PRESETS[0].scenario());
    for (args, words) in [
        (
            &["fan", "-", "--paths", "18446744073709551615"][..],
            "--paths must be between 1 and 1000000",
        ),
        (&["fan", "-", "--paths", "0"], "--paths must be between 1"),
        (
            &["fan", "-", "--paths", "-3"],
            "--paths must be a whole number",
        ),
        (
            &["fan", "-", "--seed", "1e3"],
            "--seed must be a whole number",
        ),
    ] {
        let (code, err) = run(args, &json);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
    let (code, err) = run(&["project", "/dev/zero"], "");
    assert_eq!(code, Some(1));
    assert!(err.contains("too large"), "{err}");
    let (code, err) = run(&["validate", "-"], &format!("\u{feff}{json}"));
    assert_eq!(code, Some(0), "a byte-order mark is fine: {err}");
    let (code, err) = run(&["validate", "-"], "{\"version\": \"1\"}");
    assert_eq!(code, Some(1));
    assert!(err.contains("1 problem") || !err.is_empty());
}
