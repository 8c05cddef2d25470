//! Field paths in words, and figures in their units: for the comparison
//! of two scenarios and the list of assumptions in the printed paper.

use rust_decimal::Decimal;

use std::collections::BTreeMap;

use super::field::Field;
use super::figures::figures;
use super::format::{count, percent, pounds};
use super::scenario::Scenario;
use super::setting::Setting;

/// What kind of number a path holds.
pub use super::field::Measure as Kind;

/// The kind of number at `path` (money for a path that is not a field).
pub fn kind(path: &str) -> Kind {
    path.parse::<Field>()
        .ok()
        .and_then(Field::bounds)
        .map_or(Kind::Money, |b| b.measure)
}

fn looks_like_year(seg: &str) -> bool {
    seg.len() == 7 && seg.as_bytes()[4] == b'-' && seg[..4].bytes().all(|b| b.is_ascii_digit())
}

/// `v` in the unit of `path`.
pub fn show(path: &str, v: Decimal) -> String {
    match kind(path) {
        Kind::Rate => percent(v, 2),
        Kind::Money => pounds(v),
        Kind::Count => count(v),
    }
}

/// The field at `path` of `s` in words.
pub fn label(s: &Scenario, path: &str) -> String {
    let (head, year) = match path.rsplit_once('.') {
        Some((h, y)) if looks_like_year(y) => (h, Some(y)),
        _ => (path, None),
    };
    let head = head.strip_suffix(".by_year").unwrap_or(head);
    let base = words(s, head);
    match year {
        Some(y) => format!("{base}, {y}"),
        None => base,
    }
}

/// Item `i`'s name from a path segment like `other_spend[2]`.
fn index_in(seg: &str) -> Option<usize> {
    seg.split_once('[')?.1.strip_suffix(']')?.parse().ok()
}

fn words(s: &Scenario, path: &str) -> String {
    let mut parts = path.split('.');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let rest_of = |names: &[(&str, &str)], default: &str| -> String {
        let key = rest.join(".");
        names
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(|| format!("{default} ({key})"), |(_, w)| (*w).to_string())
    };
    if let Some(i) = index_in(first) {
        let name = s
            .other_spend
            .get(i)
            .map_or("Other spend", |l| l.name.as_str());
        return format!("{name}: {}", series_words(&rest));
    }
    match first {
        "opening_deficit" => "Deficit carried in".into(),
        "income" => match rest.first().copied().unwrap_or_default() {
            "hnb" => format!(
                "High Needs Block: {}",
                series_words(rest.get(1..).unwrap_or_default())
            ),
            "schools_block_transfer" => match rest.get(1).copied() {
                Some("rate") => "Schools Block transfer: rate".into(),
                Some("schools_block") => format!(
                    "Schools Block: {}",
                    series_words(rest.get(2..).unwrap_or_default())
                ),
                _ => format!(
                    "Schools Block transfer: {}",
                    series_words(rest.get(2..).unwrap_or_default())
                ),
            },
            other => match index_in(other) {
                Some(i) => {
                    let name = s
                        .income
                        .other_contributions
                        .get(i)
                        .map_or("Contribution", |l| l.name.as_str());
                    format!(
                        "{name}: {}",
                        series_words(rest.get(2..).unwrap_or_default())
                    )
                }
                None => rest_of(&[], "Income"),
            },
        },
        "demand" => match rest.as_slice() {
            ["ehcps"] => "EHCPs at the start".into(),
            ["growth", "start"] => "EHCP growth, first year".into(),
            ["growth", "end"] => "EHCP growth, last year".into(),
            ["growth", ..] => "EHCP growth".into(),
            _ => rest_of(&[], "Demand"),
        },
        "baseline" => match rest.as_slice() {
            ["growth", "start"] => "Growth without the plan, first year".into(),
            ["growth", "end"] => "Growth without the plan, last year".into(),
            _ => "Growth without the plan".into(),
        },
        "placements" => match rest.as_slice() {
            ["target_year"] => "Year the planned mix is reached".into(),
            ["settings", id, field @ ..] => {
                let name = Setting::ALL
                    .iter()
                    .find(|x| x.id() == *id)
                    .map_or(*id, |x| x.label());
                let what = match field {
                    ["share_now"] => "share today",
                    ["share_plan"] => "planned share",
                    ["cost"] => "cost per child a year",
                    ["inflation"] => "cost inflation a year",
                    ["places", "now"] => "places today",
                    ["places", "new_by_year", ..] => "new places",
                    _ => "placement",
                };
                format!("{name}: {what}")
            }
            ["waypoints", year, id] => {
                let name = Setting::ALL
                    .iter()
                    .find(|x| x.id() == *id)
                    .map_or(*id, |x| x.label());
                format!("{name}: share on the way, {year}")
            }
            _ => rest_of(&[], "Placements"),
        },
        "savings" => match rest.as_slice() {
            ["confidence", status] => format!(
                "Confidence counted for {} projects",
                status.replace('_', " ")
            ),
            [project, field, ..] => {
                let name = index_in(project)
                    .and_then(|i| s.savings.projects.get(i))
                    .map_or_else(
                        || "Project".to_string(),
                        |p| {
                            if p.name.is_empty() {
                                "Unnamed project".into()
                            } else {
                                p.name.clone()
                            }
                        },
                    );
                let what = match *field {
                    "savings" => "planned saving",
                    "achieved" => "achieved",
                    "confidence" => "confidence",
                    _ => "project",
                };
                format!("{name}: {what}")
            }
            _ => rest_of(&[], "Savings"),
        },
        "outturn" => "Published DSG balance at the end of the year".into(),
        "agreement" => rest_of(
            &[
                ("payments", "DfE payment"),
                ("agreed_path", "Agreed deficit path"),
                ("tolerance", "Tolerance on the agreed path"),
            ],
            "Agreement",
        ),
        other => other.replace('_', " "),
    }
}

fn series_words(rest: &[&str]) -> String {
    match rest {
        ["first"] => "first year".into(),
        ["growth"] => "growth a year".into(),
        ["by_year", ..] | [] => "amount".into(),
        [other, ..] => other.replace('_', " "),
    }
}

/// One assumption: words, value, and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumption {
    /// The input in words.
    pub what: String,
    /// Its value.
    pub value: String,
    /// Its source, or that it was changed from the starting figures.
    pub source: String,
}

/// Every input of `s` (project by project savings are listed separately)
/// with its source; a figure that differs from the starting preset's is
/// marked as changed, with the preset's figure.
pub fn assumptions(s: &Scenario, preset: Option<&Scenario>) -> Vec<Assumption> {
    let before: BTreeMap<String, Decimal> =
        super::order::map_of(preset.map(figures).unwrap_or_default());
    figures(s)
        .into_iter()
        .filter(|(path, _)| !path.starts_with("savings.projects"))
        .map(|(path, v)| {
            let changed = preset.is_some() && before.get(&path) != Some(&v);
            let source = if changed {
                match before.get(&path) {
                    Some(was) => format!(
                        "Changed for this scenario (starting figure {})",
                        show(&path, *was)
                    ),
                    None => "Added for this scenario".into(),
                }
            } else {
                s.source_of(&path).map_or_else(
                    || "Not stated".into(),
                    |src| format!("{}: {}", src.kind.label(), src.detail),
                )
            };
            Assumption {
                what: label(s, &path),
                value: show(&path, v),
                source,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::figures;
    use crate::presets::PRESETS;
    use rust_decimal_macros::dec;

    #[test]
    fn every_figure_has_words_without_a_raw_path() {
        for p in &PRESETS {
            let s = p.scenario();
            for (path, v) in figures(&s) {
                let l = label(&s, &path);
                assert!(
                    !l.contains('[') && !l.contains('_') && !l.contains('.'),
                    "{path}: {l}"
                );
                assert!(!show(&path, v).is_empty());
            }
        }
    }

    #[test]
    fn words_and_units() {
        let s = crate::presets::find("haringey").unwrap().scenario();
        let cases = [
            (
                "demand.growth.start",
                dec!(0.045),
                "EHCP growth, first year",
                "4.5%",
            ),
            (
                "demand.growth.by_year.2025-26",
                dec!(0.03),
                "EHCP growth, 2025-26",
                "3%",
            ),
            (
                "placements.settings.inmss.cost",
                dec!(57074),
                "Independent special school (INMSS): cost per child a year",
                "£57,074",
            ),
            ("demand.ehcps", dec!(3200), "EHCPs at the start", "3,200"),
            (
                "income.hnb.first",
                dec!(50000000),
                "High Needs Block: first year",
                "£50,000,000",
            ),
            (
                "agreement.payments.2024-25",
                dec!(1),
                "DfE payment, 2024-25",
                "£1",
            ),
        ];
        for (path, v, words, shown) in cases {
            assert_eq!(label(&s, path), words, "{path}");
            assert_eq!(show(path, v), shown, "{path}");
        }
    }
    #[test]
    fn assumptions_carry_sources_and_mark_changes() {
        let base = crate::presets::find("southwark").unwrap().scenario();
        let mut s = base.clone();
        s.demand.ehcps = dec!(1);
        let rows = assumptions(&s, Some(&base));
        let ehcps = rows
            .iter()
            .find(|r| r.what == "EHCPs at the start")
            .unwrap();
        assert_eq!(ehcps.value, "1");
        assert!(
            ehcps.source.starts_with("Changed for this scenario"),
            "{}",
            ehcps.source
        );
        assert!(
            rows.iter()
                .filter(|r| r.what != "EHCPs at the start")
                .all(|r| !r.source.starts_with("Changed"))
        );
        assert!(
            rows.iter().all(|r| r.source != "Not stated"),
            "every preset figure has a source"
        );
    }
}
