//! Reading and writing scenario files (JSON, Decimals as strings).

use serde::Deserialize;

use super::scenario::Scenario;
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
    let mut de = serde_json::Deserializer::from_str(text);
    let s: Scenario = serde_path_to_error::deserialize(&mut de).map_err(at_path)?;
    de.end().map_err(|e| {
        vec![Problem {
            path: "(file)".into(),
            message: describe(&e),
        }]
    })?;
    checked(s)
}

/// Reads a scenario from a JSON value (a share link's, or saved work's)
/// and validates it, as [`read_scenario`] does.
pub fn read_value(value: serde_json::Value) -> Result<Scenario, Vec<Problem>> {
    let s: Scenario = serde_path_to_error::deserialize(value).map_err(at_path)?;
    checked(s)
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

/// A reading error as a problem at the path where reading stopped.
fn at_path(e: serde_path_to_error::Error<serde_json::Error>) -> Vec<Problem> {
    let path = e.path().to_string();
    let path = if path == "." || path.is_empty() {
        "(file)".to_string()
    } else {
        path
    };
    vec![Problem {
        path,
        message: describe(e.inner()),
    }]
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
    serde_json::to_string_pretty(s).unwrap_or_default()
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
