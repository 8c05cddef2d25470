//! Share links: a whole scenario in the part of an address after `#`.
//!
//! A link holds only what differs from the preset it started from, as a
//! JSON merge patch (RFC 7386) of the scenario file, in URL-safe base64:
//!
//! ```text
//! v=1&p=haringey&f=3f2a91c0&d=eyJkZW1hbmQiOnsiZ3Jvd3RoIjp7InN0YXJ0IjoiMC4wOSJ9fX0
//! ```
//!
//! `v` is the link format, `p` the preset, `f` a fingerprint of the preset
//! as it was when the link was made (so a later change to the preset is
//! noticed and said, not silently mixed in) and `d` the changes (absent when
//! there are none). The fragment never reaches a server.
//!
//! A link is text anyone can write, so nothing here computes with what it
//! holds until validation has passed it; `cargo clippy` denies unchecked
//! arithmetic in this module.
#![deny(clippy::arithmetic_side_effects)]

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use super::io::{parse_json, read_value, to_value};
use super::presets;
use super::scenario::Scenario;
use super::validate::Problem;

/// The link format this version writes and reads.
pub const LINK_FORMAT: u32 = 1;

/// Longest link text read: enough for any valid scenario, whose JSON is
/// within a file's limit of 1 MB (base64 makes it a third longer), and
/// within the 2 MB that browsers keep in an address. A link holding a
/// typical scenario's changes is a few hundred characters.
pub const MAX_LINK_CHARS: usize = 1_400_000;

/// A scenario opened from a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The preset it started from.
    pub preset: String,
    /// The scenario.
    pub scenario: Scenario,
    /// Whether the preset has changed since the link was made (its changes
    /// were applied to the preset as it is now).
    pub preset_changed: bool,
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Longer than [`MAX_LINK_CHARS`].
    TooLong,
    /// No `v=` part.
    NoVersion,
    /// A link format this version does not know.
    Version(String),
    /// A link format newer than this version.
    Newer(u32),
    /// No `p=` part.
    NoPreset,
    /// A preset this version does not have.
    UnknownPreset(String),
    /// The changes are not URL-safe base64 of a JSON object.
    Damaged(String),
    /// The changes give a scenario with problems.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong => write!(
                f,
                "The link is too long to be a scenario (over {} characters); it may have been joined to other text",
                MAX_LINK_CHARS
            ),
            LinkError::NoVersion => write!(
                f,
                "The link does not say which link format it uses (no \"v=\"); it may have been cut short"
            ),
            LinkError::Version(v) => write!(
                f,
                "The link says it is format \"{}\", which this calculator does not know; it reads format {LINK_FORMAT}",
                shorten(v)
            ),
            LinkError::Newer(v) => write!(
                f,
                "The link was made by a newer version of the calculator (link format {v}); this one reads format {LINK_FORMAT}. Open it in the latest version"
            ),
            LinkError::NoPreset => write!(
                f,
                "The link does not say which scenario it starts from (no \"p=\"); it may have been cut short"
            ),
            LinkError::UnknownPreset(p) => write!(
                f,
                "The link starts from a scenario called \"{}\", which this calculator does not have",
                shorten(p)
            ),
            LinkError::Damaged(why) => write!(
                f,
                "The link's changes cannot be read ({why}); it may have been cut short or altered"
            ),
            LinkError::Invalid(problems) => {
                write!(f, "The link's scenario has problems: ")?;
                for (i, p) in problems.iter().take(3).enumerate() {
                    if i > 0 {
                        write!(f, "; ")?;
                    }
                    f.write_str(&p.message)?;
                }
                if problems.len() > 3 {
                    write!(f, "; and {} more", problems.len().saturating_sub(3))?;
                }
                Ok(())
            }
        }
    }
}

/// At most 40 characters of text from a link, for a message.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The fragment (without `#`) of a link to `scenario`, which started from
/// preset `preset` whose scenario is `base`.
pub fn encode(preset: &str, base: &Scenario, scenario: &Scenario) -> String {
    let base = to_value(base);
    let mut out = format!("v={LINK_FORMAT}&p={preset}&f={:08x}", fingerprint(&base));
    if let Some(patch) = diff(&base, &to_value(scenario)) {
        out.push_str("&d=");
        out.push_str(&URL_SAFE_NO_PAD.encode(patch.to_string()));
    }
    out
}

/// Opens a link fragment (with or without its `#`), finding presets among
/// the built-in ones.
pub fn decode(fragment: &str) -> Result<Opened, LinkError> {
    decode_with(fragment, |id| presets::find(id).map(|p| p.scenario()))
}

/// Opens a link fragment, finding its preset with `preset`.
pub fn decode_with(
    fragment: &str,
    preset: impl Fn(&str) -> Option<Scenario>,
) -> Result<Opened, LinkError> {
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let part = |key: &str| {
        fragment
            .split('&')
            .find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
    };
    let version = part("v").ok_or(LinkError::NoVersion)?;
    let version: u32 = match version.parse() {
        Ok(v) if v >= 1 => v,
        _ => return Err(LinkError::Version(version.into())),
    };
    if version > LINK_FORMAT {
        return Err(LinkError::Newer(version));
    }
    let id = part("p")
        .filter(|p| !p.is_empty())
        .ok_or(LinkError::NoPreset)?;
    let base = preset(id).ok_or_else(|| LinkError::UnknownPreset(id.into()))?;
    let mut value = to_value(&base);
    let preset_changed = match part("f") {
        None => false,
        Some(f) if f.len() == 8 && f.bytes().all(|b| b.is_ascii_hexdigit()) => {
            f != format!("{:08x}", fingerprint(&value))
        }
        Some(_) => {
            return Err(LinkError::Damaged(
                "the preset's fingerprint is not 8 hex digits".into(),
            ));
        }
    };
    if let Some(d) = part("d") {
        let bytes = URL_SAFE_NO_PAD
            .decode(d.trim_end_matches('='))
            .map_err(|_| LinkError::Damaged("not URL-safe base64".into()))?;
        let text = String::from_utf8(bytes).map_err(|_| LinkError::Damaged("not text".into()))?;
        let patch: Value =
            parse_json(&text).map_err(|e| LinkError::Damaged(format!("not JSON: {e}")))?;
        if !patch.is_object() {
            return Err(LinkError::Damaged("not a set of changes".into()));
        }
        let patch = migrate(version, patch);
        apply(&mut value, &patch);
    }
    let scenario = read_value(value).map_err(LinkError::Invalid)?;
    Ok(Opened {
        preset: id.into(),
        scenario,
        preset_changed,
    })
}

/// Brings a link's changes from link format `from` to the current one.
/// Format 1 is the only one so far; a new format adds a step here, so that
/// older links keep opening.
fn migrate(from: u32, patch: Value) -> Value {
    debug_assert!(from <= LINK_FORMAT);
    patch
}

/// 32-bit FNV-1a of the value's compact JSON: the same on every platform.
fn fingerprint(v: &Value) -> u32 {
    v.to_string().bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The merge patch (RFC 7386) that turns `from` into `to`, or `None` if
/// they are equal. Objects are compared key by key; anything else is
/// replaced whole.
pub fn diff(from: &Value, to: &Value) -> Option<Value> {
    match (from, to) {
        (Value::Object(a), Value::Object(b)) => {
            let mut patch = Map::new();
            for key in a.keys().filter(|k| !b.contains_key(*k)) {
                patch.insert(key.clone(), Value::Null);
            }
            for (key, new) in b {
                match a.get(key) {
                    Some(old) => {
                        if let Some(p) = diff(old, new) {
                            patch.insert(key.clone(), p);
                        }
                    }
                    None => {
                        patch.insert(key.clone(), new.clone());
                    }
                }
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        _ if from == to => None,
        _ => Some(to.clone()),
    }
}

/// Applies a merge patch (RFC 7386) to `target`.
pub fn apply(target: &mut Value, patch: &Value) {
    let Value::Object(changes) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(map) = target {
        for (key, change) in changes {
            if change.is_null() {
                map.remove(key);
            } else {
                apply(map.entry(key.clone()).or_insert(Value::Null), change);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;
    use rust_decimal_macros::dec;

    #[test]
    fn an_unchanged_preset_is_a_short_link() {
        for p in &PRESETS {
            let s = p.scenario();
            let link = encode(&p.id, &s, &s);
            assert!(!link.contains("&d="), "{link}");
            let opened = decode(&link).unwrap();
            assert_eq!(opened.scenario, s);
            assert_eq!(opened.preset, p.id);
            assert!(!opened.preset_changed);
        }
    }

    #[test]
    fn a_change_round_trips_and_the_link_is_compact() {
        let base = presets::find("haringey").unwrap().scenario();
        let mut s = base.clone();
        s.demand.growth.start = dec!(0.09);
        s.savings.projects.remove(2);
        s.placements.settings[crate::Setting::Inmss].places = None;
        let link = encode("haringey", &base, &s);
        let opened = decode(&format!("#{link}")).unwrap();
        assert_eq!(opened.scenario, s);
        let just_growth = {
            let mut t = base.clone();
            t.demand.growth.start = dec!(0.09);
            encode("haringey", &base, &t)
        };
        assert!(just_growth.len() < 100, "{just_growth}");
    }

    #[test]
    fn a_changed_preset_is_noticed() {
        let base = presets::find("medway").unwrap().scenario();
        let mut s = base.clone();
        s.opening_deficit = dec!(1000000);
        let link = encode("medway", &base, &s);
        let mut later = base.clone();
        later.demand.ehcps += dec!(1);
        let opened = decode_with(&link, |_| Some(later.clone())).unwrap();
        assert!(opened.preset_changed);
        assert_eq!(opened.scenario.opening_deficit, dec!(1000000));
        assert_eq!(opened.scenario.demand.ehcps, later.demand.ehcps);
    }

    #[test]
    fn bad_links_say_why() {
        let base = presets::find("average").unwrap().scenario();
        let mut s = base.clone();
        s.opening_deficit = dec!(123456789);
        let good = encode("average", &base, &s);
        assert!(good.contains("&d="));
        let cases: Vec<(String, &str)> = vec![
            ("".into(), "no \"v=\""),
            ("p=average".into(), "no \"v=\""),
            ("v=abc&p=average".into(), "format \"abc\""),
            ("v=0&p=average".into(), "format \"0\""),
            ("v=7&p=average".into(), "newer version"),
            ("v=1".into(), "no \"p=\""),
            ("v=1&p=narnia".into(), "\"narnia\""),
            ("v=1&p=average&d=***".into(), "base64"),
            (
                format!("v=1&p=average&d={}", URL_SAFE_NO_PAD.encode([0xff, 0xfe])),
                "not text",
            ),
            (
                format!("v=1&p=average&d={}", URL_SAFE_NO_PAD.encode("{\"a\":")),
                "not JSON",
            ),
            (
                format!("v=1&p=average&d={}", URL_SAFE_NO_PAD.encode("[1]")),
                "not a set of changes",
            ),
            (
                format!(
                    "v=1&p=average&d={}",
                    URL_SAFE_NO_PAD.encode("{\"demand\":{\"ehcps\":\"-5\"}}")
                ),
                "The number of EHCPs cannot be negative (it is -5)",
            ),
            (
                format!(
                    "v=1&p=average&d={}",
                    URL_SAFE_NO_PAD.encode("{\"castle\":1}")
                ),
                "nothing called “castle”",
            ),
            // A rate of 1e27: the words of the message must not overflow.
            (
                "v=1&p=average&d=eyJwbGFjZW1lbnRzIjp7InNldHRpbmdzIjp7ImlubXNzIjp7ImluZmxhdGlvbiI6IjFlMjcifX19fQ".into(),
                "Yearly cost inflation in Independent special school (INMSS) must be between -50% and 100% a year (it is 1e29%)",
            ),
            (good[..good.len() - 3].to_string(), "cannot be read"),
            ("v=1&p=average&f=12ab".into(), "fingerprint"),
            ("x".repeat(MAX_LINK_CHARS + 1), "too long"),
        ];
        for (link, expected) in cases {
            let e = decode(&link).unwrap_err().to_string();
            assert!(e.contains(expected), "{link:.60}: {e}");
        }
    }

    #[test]
    fn merge_patch_matches_rfc_7386_examples() {
        let cases = [
            (r#"{"a":"b"}"#, r#"{"a":"c"}"#, r#"{"a":"c"}"#),
            (r#"{"a":"b"}"#, r#"{"b":"c"}"#, r#"{"a":"b","b":"c"}"#),
            (r#"{"a":"b"}"#, r#"{"a":null}"#, r#"{}"#),
            (r#"{"a":["b"]}"#, r#"{"a":"c"}"#, r#"{"a":"c"}"#),
            (
                r#"{"a":{"b":"c"}}"#,
                r#"{"a":{"b":"d","c":null}}"#,
                r#"{"a":{"b":"d"}}"#,
            ),
            (r#"["a","b"]"#, r#"["c","d"]"#, r#"["c","d"]"#),
            (r#"{"a":"foo"}"#, r#""bar""#, r#""bar""#),
            (r#"{"e":null}"#, r#"{"a":1}"#, r#"{"e":null,"a":1}"#),
            (r#"[1,2]"#, r#"{"a":"b","c":null}"#, r#"{"a":"b"}"#),
        ];
        for (target, patch, result) in cases {
            let mut t: Value = serde_json::from_str(target).unwrap();
            apply(&mut t, &serde_json::from_str(patch).unwrap());
            assert_eq!(
                t,
                serde_json::from_str::<Value>(result).unwrap(),
                "{target} + {patch}"
            );
        }
    }
}
