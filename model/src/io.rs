//! Reading and writing scenario files (JSON, Decimals as strings).
//!
//! Writing is serde's. Reading is written out here, field by field, so that
//! every problem with a file, a link or saved work is reported in words
//! that name the field as the page does and say what was given and what is
//! allowed, all of them at once: a value of the wrong type, a number too
//! large to hold, an unknown choice, a missing or unknown field, a key
//! given twice. Nothing here computes with the values it reads (they are
//! unvalidated until [`validate`] has passed them), and `cargo clippy`
//! denies unchecked arithmetic in this module.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::field::{Bounds, Field, Mix, Part, ProjectText, Rate, Run};
use super::format::{clean, lower_first, quote};
use super::node::Node;
use super::scenario::{
    About, AgeLevers, Agreement, Baseline, ByYear, Demand, Growth, Income, Line, Outturn,
    Placement, Placements, Places, Project, SCENARIO_VERSION, SavingsPlan, Scenario, Series,
    Source, SourceKind, Status, StatusConfidence, Transfer,
};
use super::setting::{PerSetting, Setting};
use super::validate::{MAX_ITEMS, MAX_SOURCES, MAX_YEARS, Problem, validate};
use super::year::FinYear;

/// Largest scenario file accepted (1 MB); a real one is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// The path given to problems with a file as a whole.
pub const WHOLE_FILE: &str = "(file)";

/// Reads a scenario from JSON text and validates it. Every problem is
/// returned: a file that is not JSON gives one problem saying where
/// reading stopped; JSON that is not a scenario gives one problem for
/// each field that cannot be read; a scenario that reads gives every
/// validation problem. A byte-order mark at the start (as Windows Notepad
/// writes) is skipped.
pub fn read_scenario(text: &str) -> Result<Scenario, Vec<Problem>> {
    let whole = |message: String| vec![Problem::in_text(WHOLE_FILE, message)];
    if text.len() > MAX_FILE_BYTES {
        return Err(whole(format!(
            "The file is too large: a scenario is at most {} KB",
            MAX_FILE_BYTES / 1000
        )));
    }
    let value = parse_json(text).map_err(|why| {
        whole(format!(
            "This is not a readable scenario file (JSON): {why}"
        ))
    })?;
    read_value(value)
}

/// Parses JSON text strictly: a byte-order mark at the start is skipped and
/// a key given twice in one object is refused (a file in which a figure is
/// written twice is ambiguous). The error is in words, with the line and
/// column where reading stopped.
pub fn parse_json(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Strict>(text)
        .map(|s| s.0)
        .map_err(|e| describe(&e))
}

/// A JSON value read with duplicate keys refused.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "the name {} is given twice in one place, so it is not clear which value to use",
                    quote(&key)
                )));
            }
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Why JSON text could not be read, in words, with where it happened
/// ("it ends too soon, at line 3, column 1"). Callers say what the text
/// was meant to be.
fn describe(e: &serde_json::Error) -> String {
    let what = e.to_string();
    // serde_json's own words, translated; its message ends " at line L
    // column C".
    let reason = what.split(" at line ").next().unwrap_or(&what);
    let words = [
        (
            "EOF while parsing",
            "it ends too soon (it may have been cut short)",
        ),
        (
            "expected value",
            "something in it is not a value JSON allows",
        ),
        (
            "expected ident",
            "something in it is not a value JSON allows",
        ),
        ("trailing characters", "there is more text after its end"),
        (
            "trailing comma",
            "there is a comma before a closing bracket",
        ),
        ("recursion limit exceeded", "it is nested too deeply"),
        ("number out of range", "a number in it is far too large"),
        ("key must be a string", "a name in it is not in quotes"),
        ("expected `:`", "a colon is missing after a name"),
        (
            "expected `,` or `}`",
            "a comma or a closing brace } is missing",
        ),
        (
            "expected `,` or `]`",
            "a comma or a closing bracket ] is missing",
        ),
        ("control character", "text in it holds a control character"),
        (
            "invalid escape",
            "text in it has a backslash that JSON does not allow",
        ),
        (
            "invalid unicode code point",
            "text in it has a character that is not allowed",
        ),
        (
            "lone leading surrogate",
            "text in it has a character that is not allowed",
        ),
        (
            "invalid number",
            "a number in it is not written as JSON writes numbers",
        ),
    ];
    let said = words
        .iter()
        .find(|(serde, _)| reason.contains(serde))
        .map_or_else(
            || {
                if reason.contains("given twice") {
                    reason.to_string()
                } else {
                    "it is not valid JSON".to_string()
                }
            },
            |(_, w)| (*w).to_string(),
        );
    format!("{said}, at line {}, column {}", e.line(), e.column())
}

/// Reads a scenario from a JSON value (a share link's, or saved work's)
/// and validates it, as [`read_scenario`] does.
pub fn read_value(value: Value) -> Result<Scenario, Vec<Problem>> {
    let mut r = Reader::default();
    let s = r.scenario(&value);
    if !r.problems.is_empty() {
        // Every problem at once: besides what could not be read, each
        // figure that was read but is out of bounds (what could not be
        // read stands in as zero, which every field allows, and checks of
        // the whole, such as shares adding up, wait until all is read).
        let more = r.more;
        let mut problems = r.problems;
        let out_of_bounds: Vec<Problem> = validate(&s)
            .into_iter()
            .filter(|p| matches!(p.node(), Some(Node::Field(_))))
            .filter(|p| !problems.iter().any(|q| q.at == p.at))
            .collect();
        problems.extend(out_of_bounds);
        if more > 0 {
            problems.push(Problem::in_text(
                WHOLE_FILE,
                format!("… and {more} more problems like these, not listed one by one"),
            ));
        }
        return Err(problems);
    }
    let problems = crate::validate::validate_before_loading(&s);
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(problems)
    }
}

/// A JSON value in words, for a message: "“lots”", "true", "a list".
/// The path of a key inside the part at `parent`: the key cleaned of
/// control and direction characters and cut to 40 characters, after the
/// parent's path and a dot. A key with nothing left after cleaning is
/// named by its parent's path, so every problem has a path to show.
fn key_path(parent: &str, key: &str) -> String {
    let key: String = clean(key).chars().take(40).collect();
    match (parent == WHOLE_FILE, key.is_empty()) {
        (_, true) => parent.to_string(),
        (true, false) => key,
        (false, false) => format!("{parent}.{key}"),
    }
}

fn given(v: &Value) -> String {
    match v {
        Value::Null => "empty (null)".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quote(s),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a set of named values".into(),
    }
}

/// Whether `t` looks like a number (digits, one sign, a point, an
/// exponent), so that one that cannot be held is "too large", not "not a
/// number".
fn looks_numeric(t: &str) -> bool {
    let unsigned = |x: &str| {
        x.strip_prefix('-')
            .or_else(|| x.strip_prefix('+'))
            .unwrap_or(x)
            .to_string()
    };
    let t = unsigned(t);
    let (m, e) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m.to_string(), Some(unsigned(e))),
        None => (t.clone(), None),
    };
    let digits = m.bytes().filter(u8::is_ascii_digit).count();
    digits > 0
        && m.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && m.bytes().filter(|b| *b == b'.').count() <= 1
        && e.is_none_or(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit()))
}

/// Why a JSON value is not a `Decimal`.
enum NotDecimal {
    /// Not a number at all.
    NotNumber,
    /// A number too large for a `Decimal` (beyond about 7.9 × 10²⁸).
    Beyond(String),
    /// A number too small or too precise to hold (more than 28 decimal
    /// places), such as 1.5e-30.
    TooPrecise(String),
}

/// A `Decimal` from a JSON string ("0.045", "1e-3") or number (0.045).
fn decimal(v: &Value) -> Result<Decimal, NotDecimal> {
    let text = match v {
        Value::String(t) => t.trim().to_string(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Decimal::from(i));
            }
            if let Some(u) = n.as_u64() {
                return Ok(Decimal::from(u));
            }
            // A float is read as the shortest text that gives it back, so
            // 0.045 is 0.045, not 0.04499999….
            n.to_string()
        }
        _ => return Err(NotDecimal::NotNumber),
    };
    if text.len() > 200 || !looks_numeric(&text) {
        return Err(NotDecimal::NotNumber);
    }
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(&text)
    } else {
        Decimal::from_str(&text)
    };
    parsed.or_else(|_| {
        // Numeric, but not a `Decimal`: zero written oddly ("0e999"), too
        // large, or too small or precise to hold.
        let mantissa = text.split(['e', 'E']).next().unwrap_or(&text);
        if !mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            return Ok(Decimal::ZERO);
        }
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() < 1e28 => Err(NotDecimal::TooPrecise(text)),
            _ => Err(NotDecimal::Beyond(text)),
        }
    })
}

/// How a number is written in files, for messages.
fn example(b: &Bounds) -> &'static str {
    match b.measure {
        super::field::Measure::Rate => "\"0.045\" for 4.5%",
        super::field::Measure::Money => "\"1250000\" for £1.25m",
        super::field::Measure::Count => "\"1250\"",
    }
}

/// Reads, collecting a problem for everything that cannot be read and
/// carrying on with a stand-in, so one pass reports everything.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    /// Problems beyond the first hundred, counted but not kept.
    more: usize,
}

/// Most problems listed one by one; the rest are counted.
const MAX_PROBLEMS: usize = 100;

/// A part of the file: its path and its name in words.
#[derive(Clone, Copy)]
struct At<'a> {
    path: &'a str,
    what: &'a str,
}

impl Reader {
    fn bad(&mut self, path: impl fmt::Display, message: String) {
        // A file can be wrong in thousands of places; the first hundred
        // say enough.
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::in_text(path, message));
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    /// `v` as an object with only the `known` keys; `None` (after saying
    /// why) if it is not an object.
    fn object<'v>(
        &mut self,
        v: &'v Value,
        at: At,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(m) = v else {
            self.bad(
                at.path,
                format!(
                    "{} must be a set of named values in braces {{ }} (it is {})",
                    at.what,
                    given(v)
                ),
            );
            return None;
        };
        for key in m.keys().filter(|k| !known.contains(&k.as_str())) {
            self.bad(
                key_path(at.path, key),
                format!(
                    "{} has nothing called {}; what it can hold is {}",
                    at.what,
                    quote(key),
                    known.join(", ")
                ),
            );
        }
        Some(m)
    }

    /// The value of `key` in `m`, treating null as absent.
    fn get<'v>(m: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        m.get(key).filter(|v| !v.is_null())
    }

    /// The value of a required `key`; `None` (after saying so) if absent.
    fn need<'v>(&mut self, m: &'v Map<String, Value>, key: &str, at: At) -> Option<&'v Value> {
        let v = Self::get(m, key);
        if v.is_none() {
            self.bad(at.path, format!("{} is missing", at.what));
        }
        v
    }

    /// A number for `field`, named `label`.
    fn number_as(&mut self, v: &Value, field: Field, label: &str) -> Decimal {
        let b = field.bounds();
        match decimal(v) {
            Ok(d) => d,
            Err(NotDecimal::NotNumber) => {
                let ex = b.as_ref().map_or("\"12.5\"", example);
                self.bad(
                    field,
                    format!(
                        "{label} must be a number, written like {ex} (it is {})",
                        given(v)
                    ),
                );
                Decimal::ZERO
            }
            Err(NotDecimal::TooPrecise(text)) => {
                self.bad(
                    field,
                    format!(
                        "{label} has more decimal places than can be held (at most 28; it is {})",
                        quote(&text)
                    ),
                );
                Decimal::ZERO
            }
            Err(NotDecimal::Beyond(text)) => {
                let message = match b {
                    Some(b) => b.beyond(label, &text),
                    None => format!(
                        "{label} is too large to be a figure here (it is {})",
                        quote(&text)
                    ),
                };
                self.bad(field, message);
                Decimal::ZERO
            }
        }
    }

    /// A required number in `m` at `key`, for `field`.
    fn number(&mut self, m: &Map<String, Value>, key: &str, field: Field, label: &str) -> Decimal {
        match Self::get(m, key) {
            Some(v) => self.number_as(v, field, label),
            None => {
                self.bad(field, format!("{label} is missing"));
                Decimal::ZERO
            }
        }
    }

    /// An optional number in `m` at `key` (absent is zero).
    fn number_or_zero(
        &mut self,
        m: &Map<String, Value>,
        key: &str,
        field: Field,
        label: &str,
    ) -> Decimal {
        Self::get(m, key).map_or(Decimal::ZERO, |v| self.number_as(v, field, label))
    }

    /// Text at `key` (absent is empty unless `required`).
    fn text(&mut self, m: &Map<String, Value>, key: &str, at: At, required: bool) -> String {
        match Self::get(m, key) {
            Some(Value::String(s)) => s.clone(),
            None if !required => String::new(),
            None => {
                self.bad(at.path, format!("{} is missing", at.what));
                String::new()
            }
            Some(v) => {
                self.bad(
                    at.path,
                    format!("{} must be text in quotes (it is {})", at.what, given(v)),
                );
                String::new()
            }
        }
    }

    /// A financial year written like "2024-25".
    fn year_of(&mut self, v: &Value, at: At) -> Option<FinYear> {
        let y = v.as_str().and_then(|t| t.parse::<FinYear>().ok());
        if y.is_none() {
            self.bad(
                at.path,
                format!(
                    "{} must be a financial year written like \"2024-25\", between 2000-01 and 2100-01 (it is {})",
                    at.what,
                    given(v)
                ),
            );
        }
        y
    }

    fn year(&mut self, m: &Map<String, Value>, key: &str, at: At) -> FinYear {
        self.need(m, key, at)
            .and_then(|v| self.year_of(v, at))
            .unwrap_or(FinYear::MIN)
    }

    /// A whole number of at most `max` (what the field can hold); the
    /// message says what is `allowed` (validation checks that for numbers
    /// that can be held).
    fn whole(&mut self, v: &Value, at: At, max: u64, allowed: &str) -> Option<u64> {
        match v.as_u64() {
            Some(n) if n <= max => Some(n),
            _ => {
                let shown = match v {
                    Value::Number(n) => n.to_string(),
                    other => given(other),
                };
                self.bad(
                    at.path,
                    format!(
                        "{} must be a whole number {allowed}, written without quotes (it is {shown})",
                        at.what
                    ),
                );
                None
            }
        }
    }

    /// One of a fixed set of choices.
    fn choice<T: Copy>(&mut self, v: &Value, at: At, choices: &[(&str, T)]) -> Option<T> {
        let found = v
            .as_str()
            .and_then(|t| choices.iter().find(|(id, _)| *id == t).map(|(_, c)| *c));
        if found.is_none() {
            let ids: Vec<&str> = choices.iter().map(|(id, _)| *id).collect();
            let list = match ids.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => ids.join(""),
            };
            self.bad(
                at.path,
                format!("{} must be one of {list} (it is {})", at.what, given(v)),
            );
        }
        found
    }

    /// A map of figures by year for `field(year)`, at `at`.
    fn by_year(
        &mut self,
        v: Option<&Value>,
        at: At,
        field: &dyn Fn(FinYear) -> Field,
        label: &dyn Fn(Field) -> String,
    ) -> ByYear {
        let mut out = ByYear::new();
        let Some(v) = v else { return out };
        let Value::Object(m) = v else {
            self.bad(
                at.path,
                format!(
                    "{} must be figures by year in braces, like {{ \"2024-25\": \"1250000\" }} (it is {})",
                    at.what,
                    given(v)
                ),
            );
            return out;
        };
        for (key, x) in m {
            let path = key_path(at.path, key);
            let Some(y) = self.year_of(
                &Value::String(key.clone()),
                At {
                    path: &path,
                    what: &format!("Each year of {}", lower_first(at.what)),
                },
            ) else {
                continue;
            };
            let f = field(y);
            let d = self.number_as(x, f, &label(f));
            if out.insert(y, d).is_some() {
                self.bad(
                    f,
                    format!("{} is given twice (as {y} written two ways)", label(f)),
                );
            }
        }
        out
    }

    fn series(
        &mut self,
        v: Option<&Value>,
        at: At,
        field: &dyn Fn(Part) -> Field,
        label: &dyn Fn(Field) -> String,
    ) -> Series {
        let Some(v) = v else {
            self.bad(at.path, format!("{} is missing", at.what));
            return Series::default();
        };
        let Some(m) = self.object(v, at, &["first", "growth", "by_year"]) else {
            return Series::default();
        };
        let first = field(Part::First);
        let growth = field(Part::Growth);
        let by_year_path = format!("{}.by_year", at.path);
        Series {
            first: self.number(m, "first", first, &label(first)),
            growth: self.number_or_zero(m, "growth", growth, &label(growth)),
            by_year: self.by_year(
                Self::get(m, "by_year"),
                At {
                    path: &by_year_path,
                    what: at.what,
                },
                &|y| field(Part::Year(y)),
                label,
            ),
        }
    }

    fn growth(&mut self, v: Option<&Value>, run: Run, s: &Labels) -> Growth {
        let path = Field::Growth(run, Rate::Start).to_string();
        let path = path.trim_end_matches(".start");
        let what = match run {
            Run::Plan => "EHCP growth",
            Run::Baseline => "EHCP growth without the plan",
        };
        let at = At { path, what };
        let Some(v) = v else {
            self.bad(path, format!("{what} is missing"));
            return Growth::default();
        };
        let Some(m) = self.object(v, at, &["start", "end", "by_year"]) else {
            return Growth::default();
        };
        let start = Field::Growth(run, Rate::Start);
        let end = Field::Growth(run, Rate::End);
        let by_year_path = format!("{path}.by_year");
        Growth {
            start: self.number(m, "start", start, &s.label(start)),
            end: self.number(m, "end", end, &s.label(end)),
            by_year: self.by_year(
                Self::get(m, "by_year"),
                At {
                    path: &by_year_path,
                    what,
                },
                &|y| Field::Growth(run, Rate::Year(y)),
                &|f| s.label(f),
            ),
        }
    }

    fn lines(
        &mut self,
        v: Option<&Value>,
        at: At,
        amount: &dyn Fn(usize, Part) -> Field,
        name: &dyn Fn(usize) -> Field,
        s: &Labels,
    ) -> Vec<Line> {
        let Some(items) = self.list(v, at) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate().take(MAX_ITEMS.saturating_add(1)) {
            let path = format!("{}[{i}]", at.path);
            let what = format!("Item {} of {}", i.saturating_add(1), lower_first(at.what));
            let item_at = At {
                path: &path,
                what: &what,
            };
            let Some(m) = self.object(item, item_at, &["name", "amount"]) else {
                continue;
            };
            let name_path = name(i).to_string();
            let label = name(i).label_with(&|_| None);
            let line_name = self.text(
                m,
                "name",
                At {
                    path: &name_path,
                    what: &label,
                },
                true,
            );
            let amount_path = format!("{path}.amount");
            let amount = self.series(
                Self::get(m, "amount"),
                At {
                    path: &amount_path,
                    what: &format!("The amount of {}", quote_name(&line_name, &what)),
                },
                &|p| amount(i, p),
                &|f| s.label_named(f, &line_name),
            );
            out.push(Line {
                name: line_name,
                amount,
            });
        }
        out
    }

    /// `v` as a list, with at most `MAX_ITEMS + 1` items read (one more
    /// than allowed, so validation can say there are too many).
    fn list<'v>(&mut self, v: Option<&'v Value>, at: At) -> Option<&'v Vec<Value>> {
        match v? {
            Value::Array(items) => {
                if items.len() > MAX_ITEMS {
                    self.bad(
                        at.path,
                        format!(
                            "At most {MAX_ITEMS} {} are allowed (there are {})",
                            lower_first(at.what),
                            items.len()
                        ),
                    );
                }
                Some(items)
            }
            other => {
                self.bad(
                    at.path,
                    format!(
                        "{} must be a list in square brackets [ ] (it is {})",
                        at.what,
                        given(other)
                    ),
                );
                None
            }
        }
    }

    fn scenario(&mut self, v: &Value) -> Scenario {
        const KEYS: &[&str] = &[
            "version",
            "about",
            "opening_deficit",
            "income",
            "demand",
            "placements",
            "other_spend",
            "savings",
            "agreement",
            "baseline",
            "outturn",
            "sources",
        ];
        let top = At {
            path: WHOLE_FILE,
            what: "A scenario",
        };
        let empty = Map::new();
        let m = self.object(v, top, KEYS).unwrap_or(&empty);
        if !v.is_object() {
            return stand_in();
        }
        let version = match Self::get(m, "version") {
            None => {
                self.bad(
                    "version",
                    format!("The scenario's version is missing (this calculator reads version {SCENARIO_VERSION})"),
                );
                SCENARIO_VERSION
            }
            Some(x) => self
                .whole(
                    x,
                    At {
                        path: "version",
                        what: "The scenario's version",
                    },
                    u64::from(u32::MAX),
                    &format!("like {SCENARIO_VERSION}"),
                )
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(SCENARIO_VERSION),
        };
        let about = self.about(Self::get(m, "about"));
        let labels = Labels::of(m);
        let opening_deficit = self.number(
            m,
            "opening_deficit",
            Field::OpeningDeficit,
            &labels.label(Field::OpeningDeficit),
        );
        let income = self.income(Self::get(m, "income"), &labels);
        let demand = self.demand(Self::get(m, "demand"), &labels);
        let placements = self.placements(Self::get(m, "placements"), &labels);
        let other_spend = self.lines(
            Self::get(m, "other_spend"),
            At {
                path: "other_spend",
                what: "Other spend",
            },
            &Field::OtherSpend,
            &Field::OtherSpendName,
            &labels,
        );
        let savings = self.savings(Self::get(m, "savings"), &labels);
        let agreement = self.agreement(Self::get(m, "agreement"), &labels);
        let baseline = match Self::get(m, "baseline") {
            None => {
                self.bad(
                    "baseline",
                    "The baseline (growth without the plan) is missing".into(),
                );
                Baseline {
                    growth: Growth::default(),
                }
            }
            Some(b) => {
                let at = At {
                    path: "baseline",
                    what: "The baseline (growth without the plan)",
                };
                let growth = match self.object(b, at, &["growth"]) {
                    Some(bm) => self.growth(Self::get(bm, "growth"), Run::Baseline, &labels),
                    None => Growth::default(),
                };
                Baseline { growth }
            }
        };
        let outturn = self.outturn(Self::get(m, "outturn"), &labels);
        let sources = self.sources(Self::get(m, "sources"));
        Scenario {
            version,
            about,
            opening_deficit,
            income,
            demand,
            placements,
            other_spend,
            savings,
            agreement,
            baseline,
            outturn,
            sources,
        }
    }

    fn outturn(&mut self, v: Option<&Value>, s: &Labels) -> Outturn {
        let Some(v) = v else {
            return Outturn::default();
        };
        let at = At {
            path: "outturn",
            what: "The published figures",
        };
        let Some(m) = self.object(v, at, &["dsg_balance"]) else {
            return Outturn::default();
        };
        Outturn {
            dsg_balance: self.by_year(
                Self::get(m, "dsg_balance"),
                At {
                    path: "outturn.dsg_balance",
                    what: "The published DSG balances",
                },
                &Field::PublishedBalance,
                &|f| s.label(f),
            ),
        }
    }

    fn about(&mut self, v: Option<&Value>) -> About {
        let at = At {
            path: "about",
            what: "About (the authority and the years)",
        };
        let fallback = stand_in().about;
        let Some(v) = v else {
            self.bad(at.path, format!("{} is missing", at.what));
            return fallback;
        };
        let Some(m) = self.object(
            v,
            at,
            &[
                "authority",
                "first_year",
                "years",
                "agreement_end",
                "notes",
                "code",
            ],
        ) else {
            return fallback;
        };
        let authority = self.text(
            m,
            "authority",
            At {
                path: "about.authority",
                what: "The authority's name",
            },
            true,
        );
        let first_year = self.year(
            m,
            "first_year",
            At {
                path: "about.first_year",
                what: "The first year",
            },
        );
        let years_at = At {
            path: "about.years",
            what: "The number of years",
        };
        let years = self
            .need(m, "years", years_at)
            .and_then(|y| {
                self.whole(
                    y,
                    years_at,
                    u64::from(u8::MAX),
                    &format!("between 1 and {MAX_YEARS}"),
                )
            })
            .and_then(|n| u8::try_from(n).ok())
            .unwrap_or(1);
        let agreement_end = self.year(
            m,
            "agreement_end",
            At {
                path: "about.agreement_end",
                what: "The agreement end",
            },
        );
        let notes = self.text(
            m,
            "notes",
            At {
                path: "about.notes",
                what: "Notes",
            },
            false,
        );
        let code = self.text(
            m,
            "code",
            At {
                path: "about.code",
                what: "The council's ONS code",
            },
            false,
        );
        About {
            authority,
            first_year,
            years,
            agreement_end,
            notes,
            code,
        }
    }

    fn income(&mut self, v: Option<&Value>, s: &Labels) -> Income {
        let at = At {
            path: "income",
            what: "Income",
        };
        let fallback = Income {
            hnb: Series::default(),
            schools_block_transfer: Transfer::None,
            transfer_reference: String::new(),
            other_contributions: Vec::new(),
        };
        let Some(v) = v else {
            self.bad(at.path, "Income is missing".into());
            return fallback;
        };
        let Some(m) = self.object(
            v,
            at,
            &[
                "hnb",
                "schools_block_transfer",
                "transfer_reference",
                "other_contributions",
            ],
        ) else {
            return fallback;
        };
        let hnb = self.series(
            Self::get(m, "hnb"),
            At {
                path: "income.hnb",
                what: "The High Needs Block allocation",
            },
            &Field::Hnb,
            &|f| s.label(f),
        );
        let schools_block_transfer = match Self::get(m, "schools_block_transfer") {
            None => Transfer::None,
            Some(t) => self.transfer(t, s),
        };
        let transfer_reference = self.text(
            m,
            "transfer_reference",
            At {
                path: "income.transfer_reference",
                what: "The transfer's reference",
            },
            false,
        );
        let other_contributions = self.lines(
            Self::get(m, "other_contributions"),
            At {
                path: "income.other_contributions",
                what: "Other contributions",
            },
            &Field::Contribution,
            &Field::ContributionName,
            s,
        );
        Income {
            hnb,
            schools_block_transfer,
            transfer_reference,
            other_contributions,
        }
    }

    fn transfer(&mut self, v: &Value, s: &Labels) -> Transfer {
        let at = At {
            path: "income.schools_block_transfer",
            what: "The Schools Block transfer",
        };
        let Some(m) = self.object(v, at, &["kind", "rate", "schools_block", "amount"]) else {
            return Transfer::None;
        };
        #[derive(Clone, Copy)]
        enum K {
            None,
            Percent,
            Amount,
        }
        let kind_at = At {
            path: "income.schools_block_transfer.kind",
            what: "The kind of Schools Block transfer",
        };
        let Some(kind) = self.need(m, "kind", kind_at).and_then(|k| {
            self.choice(
                k,
                kind_at,
                &[
                    ("none", K::None),
                    ("percent", K::Percent),
                    ("amount", K::Amount),
                ],
            )
        }) else {
            return Transfer::None;
        };
        let unused = |r: &mut Self, key: &str, kind: &str| {
            if Self::get(m, key).is_some() {
                r.bad(
                    format!("income.schools_block_transfer.{key}"),
                    format!(
                        "A transfer of kind “{kind}” has no {}",
                        key.replace('_', " ")
                    ),
                );
            }
        };
        match kind {
            K::None => {
                for key in ["rate", "schools_block", "amount"] {
                    unused(self, key, "none");
                }
                Transfer::None
            }
            K::Percent => {
                unused(self, "amount", "percent");
                Transfer::Percent {
                    rate: self.number(
                        m,
                        "rate",
                        Field::TransferRate,
                        &s.label(Field::TransferRate),
                    ),
                    schools_block: self.series(
                        Self::get(m, "schools_block"),
                        At {
                            path: "income.schools_block_transfer.schools_block",
                            what: "The Schools Block",
                        },
                        &Field::SchoolsBlock,
                        &|f| s.label(f),
                    ),
                }
            }
            K::Amount => {
                for key in ["rate", "schools_block"] {
                    unused(self, key, "amount");
                }
                Transfer::Amount {
                    amount: self.series(
                        Self::get(m, "amount"),
                        At {
                            path: "income.schools_block_transfer.amount",
                            what: "The Schools Block transfer",
                        },
                        &Field::TransferAmount,
                        &|f| s.label(f),
                    ),
                }
            }
        }
    }

    fn demand(&mut self, v: Option<&Value>, s: &Labels) -> Demand {
        let at = At {
            path: "demand",
            what: "Demand (EHCPs and their growth)",
        };
        let fallback = Demand {
            ehcps: Decimal::ZERO,
            growth: Growth::default(),
            by_age: None,
        };
        let Some(v) = v else {
            self.bad(at.path, format!("{} is missing", at.what));
            return fallback;
        };
        let Some(m) = self.object(v, at, &["ehcps", "growth", "by_age"]) else {
            return fallback;
        };
        Demand {
            ehcps: self.number(m, "ehcps", Field::Ehcps, &s.label(Field::Ehcps)),
            growth: self.growth(Self::get(m, "growth"), Run::Plan, s),
            by_age: Self::get(m, "by_age").and_then(|v| self.by_age(v, s)),
        }
    }

    fn by_age(&mut self, v: &Value, s: &Labels) -> Option<AgeLevers> {
        let at = At {
            path: "demand.by_age",
            what: "Demand by age",
        };
        let m = self.object(
            v,
            at,
            &["new_growth", "new_growth_baseline", "secondary_mainstream"],
        )?;
        let number = |r: &mut Self, key: &str, f: Field| r.number(m, key, f, &s.label(f));
        Some(AgeLevers {
            new_growth: number(self, "new_growth", Field::NewPlanGrowth(Run::Plan)),
            new_growth_baseline: number(
                self,
                "new_growth_baseline",
                Field::NewPlanGrowth(Run::Baseline),
            ),
            secondary_mainstream: Self::get(m, "secondary_mainstream").map(|v| {
                self.number_as(
                    v,
                    Field::SecondaryMainstream,
                    &s.label(Field::SecondaryMainstream),
                )
            }),
        })
    }

    fn placements(&mut self, v: Option<&Value>, s: &Labels) -> Placements {
        let at = At {
            path: "placements",
            what: "Placements",
        };
        let fallback = stand_in().placements;
        let Some(v) = v else {
            self.bad(at.path, "Placements are missing".into());
            return fallback;
        };
        let Some(m) = self.object(v, at, &["target_year", "settings", "waypoints"]) else {
            return fallback;
        };
        let target_year = self.year(
            m,
            "target_year",
            At {
                path: "placements.target_year",
                what: "The plan's target year",
            },
        );
        let settings_at = At {
            path: "placements.settings",
            what: "The settings",
        };
        let settings = match self.need(m, "settings", settings_at) {
            Some(x) => self.per_setting(x, settings_at, &mut |r, setting, x| {
                r.placement(setting, x, s)
            }),
            None => fallback.settings,
        };
        let mut waypoints = BTreeMap::new();
        if let Some(w) = Self::get(m, "waypoints") {
            let wat = At {
                path: "placements.waypoints",
                what: "Published mixes on the way to the plan",
            };
            match w {
                Value::Object(wm) => {
                    for (key, mix) in wm {
                        let path = format!(
                            "placements.waypoints.{}",
                            key.chars().take(40).collect::<String>()
                        );
                        let Some(y) = self.year_of(
                            &Value::String(key.clone()),
                            At {
                                path: &path,
                                what: "The year of a published mix",
                            },
                        ) else {
                            continue;
                        };
                        let what = format!("The published mix for {y}");
                        let shares = self.per_setting(
                            mix,
                            At {
                                path: &path,
                                what: &what,
                            },
                            &mut |r, setting, x| {
                                let f = Field::Waypoint(y, setting);
                                r.number_as(x, f, &s.label(f))
                            },
                        );
                        if waypoints.insert(y, shares).is_some() {
                            self.bad(path, format!("{what} is given twice (as {y} written two ways)"));
                        }
                    }
                }
                other => self.bad(
                    wat.path,
                    format!(
                        "{} must be mixes by year in braces, like {{ \"2025-26\": {{ … }} }} (it is {})",
                        wat.what,
                        given(other)
                    ),
                ),
            }
        }
        Placements {
            target_year,
            settings,
            waypoints,
        }
    }

    /// One value for each of the ten settings, all ten required.
    fn per_setting<T: Default>(
        &mut self,
        v: &Value,
        at: At,
        read: &mut dyn FnMut(&mut Self, Setting, &Value) -> T,
    ) -> PerSetting<T> {
        let ids: Vec<&str> = Setting::ALL.iter().map(|s| s.id()).collect();
        let mut out = PerSetting::from_fn(|_| T::default());
        let Some(m) = self.object(v, at, &ids) else {
            return out;
        };
        for setting in Setting::ALL {
            match Self::get(m, setting.id()) {
                Some(x) => out[setting] = read(self, setting, x),
                None => self.bad(
                    format!("{}.{setting}", at.path),
                    format!(
                        "{} has no figures for {}: every one of the ten settings must be given",
                        at.what,
                        setting.label()
                    ),
                ),
            }
        }
        out
    }

    fn placement(&mut self, setting: Setting, v: &Value, s: &Labels) -> Placement {
        let path = format!("placements.settings.{setting}");
        let what = setting.label();
        let mut p = Placement::default();
        let at = At { path: &path, what };
        let Some(m) = self.object(
            v,
            at,
            &["share_now", "share_plan", "cost", "inflation", "places"],
        ) else {
            return p;
        };
        let num = |r: &mut Self, key: &str, f: Field| r.number(m, key, f, &s.label(f));
        p.share_now = num(self, "share_now", Field::Share(Mix::Now, setting));
        p.share_plan = num(self, "share_plan", Field::Share(Mix::Plan, setting));
        p.cost = num(self, "cost", Field::Cost(setting));
        let inflation = Field::Inflation(setting);
        p.inflation = self.number_or_zero(m, "inflation", inflation, &s.label(inflation));
        if let Some(pv) = Self::get(m, "places") {
            let places_path = format!("{path}.places");
            let places_what = format!("Places in {what}");
            let pat = At {
                path: &places_path,
                what: &places_what,
            };
            if let Some(pm) = self.object(pv, pat, &["now", "new_by_year", "overflow_to"]) {
                let now = Field::PlacesNow(setting);
                let overflow_path = format!("{places_path}.overflow_to");
                let overflow_what = format!("Where children go when places in {what} run out");
                let choices: Vec<(&str, Setting)> =
                    Setting::ALL.iter().map(|x| (x.id(), *x)).collect();
                let overflow_to = match Self::get(pm, "overflow_to") {
                    None => Places::default_overflow(setting),
                    Some(o) => self
                        .choice(
                            o,
                            At {
                                path: &overflow_path,
                                what: &overflow_what,
                            },
                            &choices,
                        )
                        .unwrap_or_else(|| Places::default_overflow(setting)),
                };
                p.places = Some(Places {
                    now: self.number(pm, "now", now, &s.label(now)),
                    new_by_year: self.by_year(
                        Self::get(pm, "new_by_year"),
                        At {
                            path: &format!("{places_path}.new_by_year"),
                            what: &format!("New places in {what}"),
                        },
                        &|y| Field::NewPlaces(setting, y),
                        &|f| s.label(f),
                    ),
                    overflow_to,
                });
            }
        }
        p
    }

    fn savings(&mut self, v: Option<&Value>, s: &Labels) -> SavingsPlan {
        let Some(v) = v else {
            return SavingsPlan::default();
        };
        let at = At {
            path: "savings",
            what: "The savings plan",
        };
        let Some(m) = self.object(v, at, &["projects", "confidence"]) else {
            return SavingsPlan::default();
        };
        let mut confidence = StatusConfidence::default();
        if let Some(c) = Self::get(m, "confidence") {
            let cat = At {
                path: "savings.confidence",
                what: "The confidence counted for each status",
            };
            if let Some(cm) = self.object(c, cat, &["complete", "on_track", "delayed", "at_risk"]) {
                let read = |r: &mut Self, st: Status| {
                    let f = Field::StatusConfidence(st);
                    let key = f.to_string();
                    let key = key.rsplit('.').next().unwrap_or_default().to_string();
                    r.number(cm, &key, f, &s.label(f))
                };
                confidence = StatusConfidence {
                    complete: read(self, Status::Complete),
                    on_track: read(self, Status::OnTrack),
                    delayed: read(self, Status::Delayed),
                    at_risk: read(self, Status::AtRisk),
                };
            }
        }
        let mut projects = Vec::new();
        let pat = At {
            path: "savings.projects",
            what: "Projects",
        };
        if let Some(items) = self.list(Self::get(m, "projects"), pat) {
            for (i, item) in items.iter().enumerate().take(MAX_ITEMS.saturating_add(1)) {
                if let Some(p) = self.project(i, item, s) {
                    projects.push(p);
                }
            }
        }
        SavingsPlan {
            projects,
            confidence,
        }
    }

    fn project(&mut self, i: usize, v: &Value, s: &Labels) -> Option<Project> {
        let path = format!("savings.projects[{i}]");
        let what = format!("Project {}", i.saturating_add(1));
        let m = self.object(
            v,
            At {
                path: &path,
                what: &what,
            },
            &[
                "reference",
                "name",
                "workstream",
                "savings",
                "status",
                "confidence",
                "achieved",
            ],
        )?;
        let text = |r: &mut Self, t: ProjectText, required: bool| {
            let f = Field::ProjectText(i, t);
            let key = f.to_string();
            let key = key.rsplit('.').next().unwrap_or_default().to_string();
            r.text(
                m,
                &key,
                At {
                    path: &f.to_string(),
                    what: &f.label_with(&|_| None),
                },
                required,
            )
        };
        let reference = text(self, ProjectText::Reference, false);
        let name = text(self, ProjectText::Name, true);
        let workstream = text(self, ProjectText::Workstream, false);
        let called = quote_name(&name, &format!("project {}", i.saturating_add(1)));
        let status_at_path = format!("{path}.status");
        let status_what = format!("The delivery status of {called}");
        let status_at = At {
            path: &status_at_path,
            what: &status_what,
        };
        let status = self
            .need(m, "status", status_at)
            .and_then(|x| {
                self.choice(
                    x,
                    status_at,
                    &[
                        ("complete", Status::Complete),
                        ("on_track", Status::OnTrack),
                        ("delayed", Status::Delayed),
                        ("at_risk", Status::AtRisk),
                    ],
                )
            })
            .unwrap_or(Status::OnTrack);
        let confidence = Self::get(m, "confidence").map(|c| {
            let f = Field::ProjectConfidence(i);
            self.number_as(c, f, &s.label_named(f, &name))
        });
        let savings_path = format!("{path}.savings");
        let savings = self.by_year(
            Self::get(m, "savings"),
            At {
                path: &savings_path,
                what: &format!("The savings of {called}"),
            },
            &|y| Field::ProjectSaving(i, y),
            &|f| s.label_named(f, &name),
        );
        let achieved_path = format!("{path}.achieved");
        let achieved = self.by_year(
            Self::get(m, "achieved"),
            At {
                path: &achieved_path,
                what: &format!("The achieved savings of {called}"),
            },
            &|y| Field::ProjectAchieved(i, y),
            &|f| s.label_named(f, &name),
        );
        Some(Project {
            reference,
            name,
            workstream,
            savings,
            status,
            confidence,
            achieved,
        })
    }

    fn agreement(&mut self, v: Option<&Value>, s: &Labels) -> Agreement {
        let Some(v) = v else {
            return Agreement::default();
        };
        let at = At {
            path: "agreement",
            what: "The Safety Valve agreement",
        };
        let Some(m) = self.object(
            v,
            at,
            &[
                "payments",
                "conditional",
                "agreed_path",
                "tolerance",
                "expected_clear",
            ],
        ) else {
            return Agreement::default();
        };
        let conditional = match Self::get(m, "conditional") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.bad(
                    "agreement.conditional",
                    format!(
                        "Whether payments depend on the agreed path must be true or false, without quotes (it is {})",
                        given(other)
                    ),
                );
                false
            }
        };
        Agreement {
            payments: self.by_year(
                Self::get(m, "payments"),
                At {
                    path: "agreement.payments",
                    what: "The DfE payments",
                },
                &Field::Payment,
                &|f| s.label(f),
            ),
            conditional,
            expected_clear: Self::get(m, "expected_clear").and_then(|v| {
                self.year_of(
                    v,
                    At {
                        path: "agreement.expected_clear",
                        what: "The year the council's paper expects the deficit cleared",
                    },
                )
            }),
            tolerance: match Self::get(m, "tolerance") {
                None => super::scenario::DEFAULT_TOLERANCE,
                Some(t) => self.number_as(t, Field::Tolerance, &s.label(Field::Tolerance)),
            },
            agreed_path: self.by_year(
                Self::get(m, "agreed_path"),
                At {
                    path: "agreement.agreed_path",
                    what: "The agreed path",
                },
                &Field::AgreedPath,
                &|f| s.label(f),
            ),
        }
    }

    fn sources(&mut self, v: Option<&Value>) -> BTreeMap<Node, Source> {
        let mut out = BTreeMap::new();
        let Some(v) = v else { return out };
        let at = At {
            path: "sources",
            what: "The sources",
        };
        let Value::Object(m) = v else {
            self.bad(
                at.path,
                format!(
                    "{} must be a set of named values in braces {{ }} (it is {})",
                    at.what,
                    given(v)
                ),
            );
            return out;
        };
        if m.len() > MAX_SOURCES {
            self.bad(
                at.path,
                format!(
                    "At most {MAX_SOURCES} sources are allowed (there are {})",
                    m.len()
                ),
            );
            return out;
        }
        for (key, src) in m {
            let path = key_path("sources", key);
            let what = format!("The source for {}", quote(key));
            let node = key.parse::<Node>();
            if node.is_err() {
                self.bad(
                    &path,
                    format!(
                        "{what} is for no part of a scenario: a source names a field or a group of fields, such as demand.growth or placements.settings.inmss.cost"
                    ),
                );
            }
            let sat = At {
                path: &path,
                what: &what,
            };
            let Some(sm) = self.object(src, sat, &["kind", "detail"]) else {
                continue;
            };
            let kind_path = format!("{path}.kind");
            let kind_what = format!("The kind of {}", lower_first(&what));
            let kind_at = At {
                path: &kind_path,
                what: &kind_what,
            };
            let kind = self.need(sm, "kind", kind_at).and_then(|k| {
                self.choice(
                    k,
                    kind_at,
                    &[
                        ("seed", SourceKind::Seed),
                        ("national", SourceKind::National),
                        ("data", SourceKind::Data),
                        ("calibrated", SourceKind::Calibrated),
                        ("illustrative", SourceKind::Illustrative),
                        ("user", SourceKind::User),
                    ],
                )
            });
            let detail = self.text(
                sm,
                "detail",
                At {
                    path: &format!("{path}.detail"),
                    what: &format!("The detail of {}", lower_first(&what)),
                },
                true,
            );
            if let (Some(kind), Ok(node)) = (kind, node) {
                out.insert(node, Source { kind, detail });
            }
        }
        out
    }
}

/// A name for a message: the item's own name in quotes, or `fallback`.
fn quote_name(name: &str, fallback: &str) -> String {
    if name.trim().is_empty() {
        fallback.to_string()
    } else {
        quote(name)
    }
}

/// The names of a file's list items, read from the JSON before the items
/// themselves, so messages about a project's figures can name the project.
struct Labels {
    projects: Vec<String>,
    contributions: Vec<String>,
    spend: Vec<String>,
}

impl Labels {
    fn of(m: &Map<String, Value>) -> Self {
        let names = |v: Option<&Value>| -> Vec<String> {
            v.and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .take(MAX_ITEMS.saturating_add(1))
                        .map(|x| {
                            x.get("name")
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .chars()
                                .take(80)
                                .collect()
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        Labels {
            projects: names(m.get("savings").and_then(|s| s.get("projects"))),
            contributions: names(m.get("income").and_then(|s| s.get("other_contributions"))),
            spend: names(m.get("other_spend")),
        }
    }

    fn label(&self, f: Field) -> String {
        fn pick(list: &[String], i: usize) -> Option<&str> {
            list.get(i).map(String::as_str)
        }
        f.label_with(&|f| match f {
            Field::Contribution(i, _) | Field::ContributionName(i) => pick(&self.contributions, i),
            Field::OtherSpend(i, _) | Field::OtherSpendName(i) => pick(&self.spend, i),
            Field::ProjectSaving(i, _)
            | Field::ProjectAchieved(i, _)
            | Field::ProjectConfidence(i)
            | Field::ProjectText(i, _) => pick(&self.projects, i),
            _ => None,
        })
    }

    fn label_named(&self, f: Field, name: &str) -> String {
        f.label_with(&|_| Some(name))
    }
}

/// A scenario to stand in for parts that cannot be read (never returned:
/// any problem makes reading fail).
fn stand_in() -> Scenario {
    let year = FinYear::MIN;
    Scenario {
        version: SCENARIO_VERSION,
        about: About {
            authority: String::new(),
            first_year: year,
            years: 1,
            agreement_end: year,
            notes: String::new(),
            code: String::new(),
        },
        opening_deficit: Decimal::ZERO,
        income: Income {
            hnb: Series::default(),
            schools_block_transfer: Transfer::None,
            transfer_reference: String::new(),
            other_contributions: Vec::new(),
        },
        demand: Demand {
            ehcps: Decimal::ZERO,
            growth: Growth::default(),
            by_age: None,
        },
        placements: Placements {
            target_year: year,
            settings: PerSetting::from_fn(|_| Placement::default()),
            waypoints: BTreeMap::new(),
        },
        other_spend: Vec::new(),
        savings: SavingsPlan::default(),
        agreement: Agreement::default(),
        baseline: Baseline {
            growth: Growth::default(),
        },
        outturn: Outturn::default(),
        sources: BTreeMap::new(),
    }
}

/// A scenario as pretty JSON.
pub fn write_scenario(s: &Scenario) -> String {
    serde_json::to_string_pretty(&to_value(s)).unwrap_or_default()
}

/// A scenario as a JSON value (the one way scenarios are written, so the
/// page's WebAssembly holds one copy of the scenario writer).
pub fn to_value(s: &Scenario) -> Value {
    serde_json::to_value(s).unwrap_or(Value::Null)
}

/// The `version` a JSON text claims, if it has one (for messages about
/// files from other versions).
pub fn claimed_version(text: &str) -> Option<u64> {
    parse_json(text).ok()?.get("version")?.as_u64()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::find;

    fn damaged(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
        let mut v = to_value(&find("haringey").unwrap().scenario());
        edit(&mut v);
        read_scenario(&v.to_string()).unwrap_err()
    }

    type Edit = Box<dyn FnOnce(&mut Value)>;

    /// Found by `cargo fuzz run file`: a key that is empty, or nothing but
    /// control characters, once gave a problem with no path to show.
    #[test]
    fn a_key_with_no_name_still_has_a_path() {
        for text in [
            "{\n\"\": 1\n}\n",
            "{\"\\u0007\\u202e\": 1}",
            "{\"placements\": {\"\": 1}}",
        ] {
            let problems = read_scenario(text).unwrap_err();
            assert!(!problems.is_empty());
            for p in &problems {
                assert!(
                    !p.at.to_string().is_empty() && !p.message.is_empty(),
                    "{p:?}"
                );
                assert!(!p.at.to_string().chars().any(char::is_control), "{p:?}");
            }
        }
    }

    #[test]
    fn every_preset_reads_back() {
        for p in crate::presets::PRESETS.iter() {
            let s = p.scenario();
            assert_eq!(read_scenario(&write_scenario(&s)), Ok(s), "{}", p.id);
        }
    }

    #[test]
    fn unreadable_parts_are_named_in_words() {
        let cases: Vec<(Edit, &str, &str)> = vec![
            (
                Box::new(|v| v["placements"]["settings"]["inmss"]["cost"] = "lots".into()),
                "placements.settings.inmss.cost",
                "Cost per child in Independent special school (INMSS) must be a number, written like \"1250000\" for £1.25m (it is “lots”)",
            ),
            (
                Box::new(|v| v["placements"]["settings"]["inmss"]["inflation"] = "1e30".into()),
                "placements.settings.inmss.inflation",
                "Yearly cost inflation in Independent special school (INMSS) must be between -50% and 100% a year (it is “1e30”)",
            ),
            (
                Box::new(|v| v["savings"]["projects"][3]["status"] = "maybe".into()),
                "savings.projects[3].status",
                "must be one of complete, on_track, delayed or at_risk (it is “maybe”)",
            ),
            (
                Box::new(|v| v["demand"]["growth"]["start"] = Value::Bool(true)),
                "demand.growth.start",
                "EHCP growth at the start must be a number, written like \"0.045\" for 4.5% (it is true)",
            ),
            (
                Box::new(|v| v["income"]["hnb"]["surprise"] = 1.into()),
                "income.hnb.surprise",
                "The High Needs Block allocation has nothing called “surprise”; what it can hold is first, growth, by_year",
            ),
            (
                Box::new(|v| v["about"]["first_year"] = "2024-26".into()),
                "about.first_year",
                "The first year must be a financial year written like \"2024-25\", between 2000-01 and 2100-01 (it is “2024-26”)",
            ),
            (
                Box::new(|v| v["about"]["years"] = 256.into()),
                "about.years",
                "The number of years must be a whole number between 1 and 15, written without quotes (it is 256)",
            ),
            (
                Box::new(|v| v["version"] = "1".into()),
                "version",
                "The scenario's version must be a whole number like 1, written without quotes (it is “1”)",
            ),
            (
                Box::new(|v| v["castle"] = 1.into()),
                "castle",
                "A scenario has nothing called “castle”",
            ),
            (
                Box::new(|v| {
                    v.as_object_mut().unwrap().remove("demand");
                }),
                "demand",
                "Demand (EHCPs and their growth) is missing",
            ),
            (
                Box::new(|v| {
                    v["placements"]["settings"]
                        .as_object_mut()
                        .unwrap()
                        .remove("eotas");
                }),
                "placements.settings.eotas",
                "The settings has no figures for EOTAS and other arrangements",
            ),
            (
                Box::new(|v| v["income"]["schools_block_transfer"]["kind"] = "gift".into()),
                "income.schools_block_transfer.kind",
                "must be one of none, percent or amount (it is “gift”)",
            ),
        ];
        for (edit, path, words) in cases {
            let problems = damaged(edit);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].at.to_string(), path, "{}", problems[0].message);
            assert!(
                problems[0].message.contains(words),
                "{}\n  wanted: {words}",
                problems[0].message
            );
            assert!(
                !problems[0].message.contains("expected"),
                "no type jargon: {}",
                problems[0].message
            );
        }
    }

    #[test]
    fn every_problem_at_once() {
        let problems = damaged(|v| {
            v["demand"]["ehcps"] = "many".into();
            v["opening_deficit"] = Value::Array(vec![]);
            v["agreement"]["conditional"] = "yes".into();
        });
        let paths: Vec<String> = problems.iter().map(|p| p.at.to_string()).collect();
        assert_eq!(
            paths,
            ["opening_deficit", "demand.ehcps", "agreement.conditional"]
        );
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let p = read_scenario("{\n  \"version\": 1,\n  oops\n}").unwrap_err();
        assert_eq!(p[0].at.to_string(), "(file)");
        assert_eq!(
            p[0].message,
            "This is not a readable scenario file (JSON): a name in it is not in quotes, at line 3, column 3"
        );
        let cut = read_scenario("{\"version\": 1,").unwrap_err();
        assert!(
            cut[0].message.contains("it ends too soon"),
            "{}",
            cut[0].message
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_a_key_twice_is_refused() {
        let s = find("southwark").unwrap().scenario();
        let text = format!("\u{feff}{}", write_scenario(&s));
        assert_eq!(read_scenario(&text), Ok(s));
        let twice = read_scenario("{\"version\": 1, \"version\": 1}").unwrap_err();
        assert!(
            twice[0].message.contains("“version” is given twice"),
            "{}",
            twice[0].message
        );
    }

    #[test]
    fn numbers_that_cannot_be_held_are_told_apart() {
        let message = |x: Value| {
            damaged(|v| v["demand"]["growth"]["start"] = x)
                .into_iter()
                .next()
                .map(|p| p.message)
                .unwrap_or_default()
        };
        assert!(message("1e30".into()).contains("must be between -50% and 100%"));
        assert!(message("1.5e-30".into()).contains("more decimal places than can be held"));
        assert!(message(serde_json::json!(5e-324)).contains("more decimal places"));
        for not_a_number in ["++1", "1e+-5", "--1", "1e", "e5", ".", "0x10"] {
            assert!(
                message(not_a_number.into()).contains("must be a number"),
                "{not_a_number}"
            );
        }
        // Zero written with a large exponent is zero.
        let mut v = to_value(&find("haringey").unwrap().scenario());
        v["demand"]["growth"]["start"] = "0e999999".into();
        assert!(read_value(v).is_ok());
    }

    #[test]
    fn numbers_may_be_written_without_quotes() {
        let p = damaged(|v| {
            v["demand"]["growth"]["start"] = serde_json::json!(0.045);
            v["demand"]["ehcps"] = serde_json::json!(-3);
        });
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].message,
            "The number of EHCPs cannot be negative (it is -3)"
        );
        let mut v = to_value(&find("haringey").unwrap().scenario());
        v["demand"]["growth"]["start"] = serde_json::json!(0.045);
        let s = read_value(v).unwrap();
        assert_eq!(s.demand.growth.start, rust_decimal_macros::dec!(0.045));
    }
}
