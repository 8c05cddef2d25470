//! Reading and writing scenario files (JSON, Decimals as strings).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;

use super::scenario::{
    About, Agreement, Baseline, Demand, Growth, Income, Line, Placement, Placements, Project,
    SavingsPlan, Scenario, Series, Source, Transfer,
};
use super::validate::{Problem, validate};

/// Largest scenario file accepted (1 MB); a real one is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// Reads a scenario from JSON text and validates it. Every problem is
/// returned: a malformed file gives one problem naming where reading
/// stopped; a well-formed but invalid one gives every validation problem.
pub fn read_scenario(text: &str) -> Result<Scenario, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Problem {
            path: "(file)".into(),
            message: format!(
                "The file is too large: a scenario is at most {} KB",
                MAX_FILE_BYTES / 1000
            ),
        }]);
    }
    // Text to a JSON value first, then the value to a scenario: the one
    // path every reader shares (files, links, saved work), so the page's
    // WebAssembly holds one copy of the scenario reader, not one per source.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem {
            path: "(file)".into(),
            message: describe(&e),
        }]
    })?;
    read_value(value)
}

/// Reads a scenario from a JSON value (a share link's, or saved work's)
/// and validates it, as [`read_scenario`] does.
pub fn read_value(value: serde_json::Value) -> Result<Scenario, Vec<Problem>> {
    match Scenario::deserialize(&value) {
        Ok(s) => checked(s),
        Err(e) => Err(vec![Problem {
            path: locate(&value).unwrap_or_else(|| "(file)".into()),
            message: describe(&e),
        }]),
    }
}

/// The path of the part of `v` that cannot be read, found by reading each
/// part on its own with the same readers the whole scenario uses (so this
/// adds no code to the page beyond the calls). `None` if every part reads
/// (the problem is in the scenario as a whole, such as a missing part).
fn locate(v: &Value) -> Option<String> {
    fn bad<'a, T: Deserialize<'a>>(v: &'a Value) -> bool {
        T::deserialize(v).is_err()
    }
    fn each<'a, T: Deserialize<'a>>(base: &str, v: &'a Value) -> Option<String> {
        match v {
            Value::Array(items) => items
                .iter()
                .position(bad::<T>)
                .map(|i| format!("{base}[{i}]")),
            _ => Some(base.to_string()),
        }
    }
    let part = |name: &str| v.get(name).filter(|x| !x.is_null());
    if part("about").is_some_and(bad::<About>) {
        return Some("about".into());
    }
    if part("opening_deficit").is_some_and(bad::<Decimal>) {
        return Some("opening_deficit".into());
    }
    if let Some(income) = part("income").filter(|x| bad::<Income>(x)) {
        for (field, failed) in [
            ("hnb", income.get("hnb").is_some_and(bad::<Series>)),
            (
                "schools_block_transfer",
                income
                    .get("schools_block_transfer")
                    .is_some_and(bad::<Transfer>),
            ),
        ] {
            if failed {
                return Some(format!("income.{field}"));
            }
        }
        return match income.get("other_contributions") {
            Some(lines) if bad::<Vec<Line>>(lines) => {
                each::<Line>("income.other_contributions", lines)
            }
            _ => Some("income".into()),
        };
    }
    if let Some(demand) = part("demand").filter(|x| bad::<Demand>(x)) {
        return Some(match demand.get("growth") {
            Some(g) if bad::<Growth>(g) => "demand.growth".into(),
            _ => "demand".into(),
        });
    }
    if let Some(placements) = part("placements").filter(|x| bad::<Placements>(x)) {
        if let Some(Value::Object(settings)) = placements.get("settings") {
            for (id, p) in settings {
                if bad::<Placement>(p) {
                    return Some(format!("placements.settings.{id}"));
                }
            }
        }
        return Some("placements".into());
    }
    if let Some(lines) = part("other_spend").filter(|x| bad::<Vec<Line>>(x)) {
        return each::<Line>("other_spend", lines);
    }
    if let Some(savings) = part("savings").filter(|x| bad::<SavingsPlan>(x)) {
        return match savings.get("projects") {
            Some(projects) if bad::<Vec<Project>>(projects) => {
                each::<Project>("savings.projects", projects)
            }
            _ => Some("savings".into()),
        };
    }
    for (name, failed) in [
        ("agreement", part("agreement").is_some_and(bad::<Agreement>)),
        ("baseline", part("baseline").is_some_and(bad::<Baseline>)),
        (
            "sources",
            part("sources").is_some_and(bad::<BTreeMap<String, Source>>),
        ),
    ] {
        if failed {
            return Some(name.into());
        }
    }
    None
}

/// The scenario, or every validation problem it has.
fn checked(s: Scenario) -> Result<Scenario, Vec<Problem>> {
    let problems = validate(&s);
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(problems)
    }
}

/// A JSON error in words, with where it happened.
fn describe(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = e.to_string();
    // serde_json appends " at line L column C"; keep the reason first.
    let reason = what.split(" at line ").next().unwrap_or(&what).to_string();
    let lead = match e.classify() {
        Category::Syntax | Category::Eof => "This is not a readable scenario file (JSON)",
        Category::Data => "A value is not what this field allows",
        Category::Io => "The file could not be read",
    };
    if e.line() == 0 {
        // Read from a value, not text: there is no line to point to.
        format!("{lead}: {reason}")
    } else {
        format!(
            "{lead}: {reason} (line {}, column {})",
            e.line(),
            e.column()
        )
    }
}

/// A scenario as pretty JSON.
pub fn write_scenario(s: &Scenario) -> String {
    serde_json::to_string_pretty(&to_value(s)).unwrap_or_default()
}

/// A scenario as a JSON value (the one way scenarios are written, so the
/// page's WebAssembly holds one copy of the scenario writer).
pub fn to_value(s: &Scenario) -> serde_json::Value {
    serde_json::to_value(s).unwrap_or(serde_json::Value::Null)
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<serde_json::Value>,
}

/// The `version` a JSON text claims, if it has one (for messages about
/// files from other versions).
pub fn claimed_version(text: &str) -> Option<u64> {
    serde_json::from_str::<VersionOnly>(text)
        .ok()
        .and_then(|v| v.version)
        .and_then(|v| v.as_u64())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::find;

    fn damaged(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
        let mut v = to_value(&find("haringey").unwrap().scenario());
        edit(&mut v);
        read_scenario(&v.to_string()).unwrap_err()
    }

    type Edit = Box<dyn FnOnce(&mut Value)>;

    #[test]
    fn unreadable_parts_are_named() {
        let cases: Vec<(Edit, &str, &str)> = vec![
            (
                Box::new(|v| v["placements"]["settings"]["inmss"]["cost"] = "lots".into()),
                "placements.settings.inmss",
                "Decimal",
            ),
            (
                Box::new(|v| v["savings"]["projects"][3]["status"] = "maybe".into()),
                "savings.projects[3]",
                "unknown variant",
            ),
            (
                Box::new(|v| v["demand"]["growth"]["start"] = Value::Bool(true)),
                "demand.growth",
                "boolean",
            ),
            (
                Box::new(|v| v["income"]["hnb"]["surprise"] = 1.into()),
                "income.hnb",
                "unknown field",
            ),
            (
                Box::new(|v| v["about"]["first_year"] = "2024-26".into()),
                "about",
                "2024-26",
            ),
            (
                Box::new(|v| v["castle"] = 1.into()),
                "(file)",
                "unknown field `castle`",
            ),
            (
                Box::new(|v| {
                    v.as_object_mut().unwrap().remove("demand");
                }),
                "(file)",
                "missing field `demand`",
            ),
        ];
        for (edit, path, words) in cases {
            let problems = damaged(edit);
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].path, path, "{}", problems[0].message);
            assert!(
                problems[0].message.contains(words),
                "{}",
                problems[0].message
            );
        }
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let p = read_scenario("{\n  \"version\": 1,\n  oops\n}").unwrap_err();
        assert_eq!(p[0].path, "(file)");
        assert!(p[0].message.contains("line 3"), "{}", p[0].message);
    }
}
