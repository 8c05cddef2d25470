//! Saved work as the page keeps it in the browser's storage: the work in
//! progress (autosaved) and scenarios saved under a name. Reading is
//! forgiving: a damaged record is reported and set aside, never fatal, and
//! one damaged saved scenario does not lose the others.
//!
//! Storage is outside the page's control (another tab, an extension or a
//! person can write to it), so nothing here computes with what it holds
//! until validation has passed it; `cargo clippy` denies unchecked
//! arithmetic in this module.
#![deny(clippy::arithmetic_side_effects)]

use serde_json::Value;

use super::io::{parse_json, read_value, to_value};
use super::scenario::Scenario;

/// Storage key of the work in progress.
pub const AUTOSAVE_KEY: &str = "hnb.autosave";
/// Storage key of the named saved scenarios.
pub const SAVED_KEY: &str = "hnb.saved";
/// Where a damaged record is moved to, so it can still be recovered.
pub const SET_ASIDE_KEY: &str = "hnb.set-aside";
/// Longest name of a saved scenario.
pub const MAX_NAME_CHARS: usize = 80;
/// Most saved scenarios read; any beyond are set aside together.
pub const MAX_SAVED: usize = 200;

/// A scenario saved in the browser.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// Its name (the autosave's is empty).
    pub name: String,
    /// The preset it started from.
    pub preset: String,
    /// When it was saved (ISO 8601, UTC).
    pub saved: String,
    /// The scenario.
    pub scenario: Scenario,
}

/// What could not be read from storage, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    /// What was damaged ("your saved work", "saved scenario 3").
    pub what: String,
    /// Why it could not be read.
    pub why: String,
}

/// Reads one record.
pub fn read_saved(text: &str) -> Result<Saved, String> {
    let value: Value = parse_json(text).map_err(|e| format!("it is not JSON: {e}"))?;
    saved_from(value)
}

fn saved_from(mut value: Value) -> Result<Saved, String> {
    let o = value.as_object_mut().ok_or("it is not a record")?;
    let scenario = o.remove("scenario").ok_or("it holds no scenario")?;
    let scenario = read_value(scenario).map_err(|problems| {
        problems
            .first()
            .map(|p| format!("{} ({})", p.message, p.at))
            .unwrap_or_default()
    })?;
    let preset = text_of(o.get("preset"));
    if preset.is_empty() {
        return Err("it does not say which preset it started from".into());
    }
    Ok(Saved {
        name: text_of(o.get("name")),
        preset,
        saved: text_of(o.get("saved")),
        scenario,
    })
}

fn text_of(v: Option<&Value>) -> String {
    v.and_then(Value::as_str)
        .map(|s| s.chars().take(MAX_NAME_CHARS * 2).collect())
        .unwrap_or_default()
}

/// Reads the list of saved scenarios: those that can be read, and what
/// could not be, with the raw text of each damaged one to set aside.
pub fn read_saved_list(text: &str) -> (Vec<Saved>, Vec<(Damaged, String)>) {
    let items: Vec<Value> = match parse_json(text) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            return (
                Vec::new(),
                vec![(
                    Damaged {
                        what: "your saved scenarios".into(),
                        why: "the list is not a list".into(),
                    },
                    text.into(),
                )],
            );
        }
        Err(e) => {
            return (
                Vec::new(),
                vec![(
                    Damaged {
                        what: "your saved scenarios".into(),
                        why: format!("it is not JSON: {e}"),
                    },
                    text.into(),
                )],
            );
        }
    };
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut items = items;
    if items.len() > MAX_SAVED {
        let rest = items.split_off(MAX_SAVED);
        bad.push((
            Damaged {
                what: format!("{} more saved scenarios", rest.len()),
                why: format!("this browser keeps at most {MAX_SAVED}"),
            },
            Value::Array(rest).to_string(),
        ));
    }
    for (i, item) in items.into_iter().enumerate() {
        let raw = item.to_string();
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .map(|n| {
                format!(
                    "saved scenario \"{}\"",
                    n.chars().take(MAX_NAME_CHARS).collect::<String>()
                )
            })
            .unwrap_or_else(|| format!("saved scenario {}", i.saturating_add(1)));
        match saved_from(item) {
            Ok(s) => good.push(s),
            Err(why) => bad.push((Damaged { what: name, why }, raw)),
        }
    }
    (good, bad)
}

/// One record as JSON.
fn saved_value(s: &Saved) -> Value {
    serde_json::json!({
        "name": s.name,
        "preset": s.preset,
        "saved": s.saved,
        "scenario": to_value(&s.scenario),
    })
}

/// One record as storage text.
pub fn write_saved(s: &Saved) -> String {
    saved_value(s).to_string()
}

/// The list as storage text.
pub fn write_saved_list(list: &[Saved]) -> String {
    Value::Array(list.iter().map(saved_value).collect()).to_string()
}

/// A name typed for a saved scenario, tidied: trimmed, at most
/// [`MAX_NAME_CHARS`] characters; `None` if nothing is left.
pub fn tidy_name(name: &str) -> Option<String> {
    let t: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
    (!t.trim().is_empty()).then(|| t.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::find;

    fn sample(name: &str) -> Saved {
        Saved {
            name: name.into(),
            preset: "southwark".into(),
            saved: "2026-11-23T10:00:00.000Z".into(),
            scenario: find("southwark").unwrap().scenario(),
        }
    }

    #[test]
    fn records_round_trip() {
        let s = sample("Growth at 9%");
        assert_eq!(read_saved(&write_saved(&s)).unwrap(), s);
        let list = vec![sample("A"), sample("<b>B</b>")];
        let (back, bad) = read_saved_list(&write_saved_list(&list));
        assert_eq!(back, list);
        assert!(bad.is_empty());
    }

    #[test]
    fn damage_is_reported_and_the_rest_kept() {
        assert!(read_saved("{").unwrap_err().contains("not JSON"));
        assert!(read_saved("{}").unwrap_err().contains("no scenario"));
        let mut v: Value = serde_json::from_str(&write_saved(&sample("x"))).unwrap();
        v["scenario"]["demand"]["ehcps"] = Value::String("-4".into());
        assert!(
            read_saved(&v.to_string())
                .unwrap_err()
                .contains("demand.ehcps")
        );
        let list = format!("[{}, 17, {}]", v, write_saved(&sample("kept")));
        let (good, bad) = read_saved_list(&list);
        assert_eq!(good.len(), 1);
        assert_eq!(good[0].name, "kept");
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].0.what, "saved scenario \"x\"");
        assert_eq!(bad[1].0.what, "saved scenario 2");
        let (good, bad) = read_saved_list("not a list");
        assert!(good.is_empty() && bad.len() == 1);
        // A list far too long is read in part, the rest set aside together.
        let long = format!("[{}]", vec!["0"; 100_000].join(","));
        let (good, bad) = read_saved_list(&long);
        assert!(good.is_empty());
        assert_eq!(bad.len(), MAX_SAVED + 1);
        assert_eq!(bad[0].0.what, "99800 more saved scenarios");
    }

    #[test]
    fn names_are_tidied() {
        assert_eq!(tidy_name("  Plan B  ").as_deref(), Some("Plan B"));
        assert_eq!(tidy_name("   "), None);
        assert_eq!(
            tidy_name(&"x".repeat(200)).unwrap().chars().count(),
            MAX_NAME_CHARS
        );
    }
}
