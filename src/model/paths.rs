//! Reading and writing a scenario's numbers by field path, the paths that
//! [`figures`](super::figures) lists and validation reports. The page edits
//! through these, so a problem's path leads straight to its field, and share
//! links and comparisons speak the same language.

use rust_decimal::Decimal;

use super::scenario::{ByYear, Growth, Line, Scenario, Series, Transfer};
use super::setting::Setting;
use super::year::FinYear;

/// Why a path could not be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no field “{0}” in this scenario")]
pub struct NoSuchField(pub String);

/// The value at `path`, if the scenario has that field. It works on a copy
/// of the scenario, so it is for occasional reads (comparisons, tests); the
/// page reads its fields directly.
pub fn get(s: &Scenario, path: &str) -> Option<Decimal> {
    let mut t = s.clone();
    slot(&mut t, path, false).and_then(|v| v.map(|d| *d))
}

/// Writes `value` at `path`. Per-year entries are created as needed.
pub fn set(s: &mut Scenario, path: &str, value: Decimal) -> Result<(), NoSuchField> {
    match slot(s, path, true) {
        Some(Some(v)) => {
            *v = value;
            Ok(())
        }
        _ => Err(NoSuchField(path.to_string())),
    }
}

/// Removes a per-year entry (e.g. `demand.growth.by_year.2025-26`), so the
/// year falls back to the line or the grown figure.
pub fn clear(s: &mut Scenario, path: &str) -> bool {
    let Some((base, year)) = path.rsplit_once('.') else {
        return false;
    };
    let Ok(year) = year.parse::<FinYear>() else {
        return false;
    };
    match year_map(s, base) {
        Some(m) => m.remove(&year).is_some(),
        None => false,
    }
}

/// Splits `name[3]` into `("name", 3)`.
fn indexed(part: &str) -> Option<(&str, usize)> {
    let (name, rest) = part.split_once('[')?;
    let i = rest.strip_suffix(']')?.parse().ok()?;
    Some((name, i))
}

fn year_map<'a>(s: &'a mut Scenario, base: &str) -> Option<&'a mut ByYear> {
    let parts: Vec<&str> = base.split('.').collect();
    match parts.as_slice() {
        ["income", "hnb", "by_year"] => Some(&mut s.income.hnb.by_year),
        ["demand", "growth", "by_year"] => Some(&mut s.demand.growth.by_year),
        ["baseline", "growth", "by_year"] => Some(&mut s.baseline.growth.by_year),
        ["agreement", "payments"] => Some(&mut s.agreement.payments),
        ["agreement", "agreed_path"] => Some(&mut s.agreement.agreed_path),
        ["placements", "settings", id, "places", "new_by_year"] => {
            let setting = Setting::from_id(id)?;
            s.placements.settings[setting]
                .places
                .as_mut()
                .map(|p| &mut p.new_by_year)
        }
        ["savings", project, field @ ("savings" | "achieved")] => {
            let (name, i) = indexed(project)?;
            if name != "projects" {
                return None;
            }
            let p = s.savings.projects.get_mut(i)?;
            Some(if *field == "savings" {
                &mut p.savings
            } else {
                &mut p.achieved
            })
        }
        _ => None,
    }
}

fn entry<'a>(m: &'a mut ByYear, year: &str, create: bool) -> Option<Option<&'a mut Decimal>> {
    let year: FinYear = year.parse().ok()?;
    if create {
        Some(Some(m.entry(year).or_insert(Decimal::ZERO)))
    } else {
        Some(m.get_mut(&year))
    }
}

fn series_slot<'a>(
    s: &'a mut Series,
    rest: &[&str],
    create: bool,
) -> Option<Option<&'a mut Decimal>> {
    match rest {
        ["first"] => Some(Some(&mut s.first)),
        ["growth"] => Some(Some(&mut s.growth)),
        ["by_year", year] => entry(&mut s.by_year, year, create),
        _ => None,
    }
}

fn growth_slot<'a>(
    g: &'a mut Growth,
    rest: &[&str],
    create: bool,
) -> Option<Option<&'a mut Decimal>> {
    match rest {
        ["start"] => Some(Some(&mut g.start)),
        ["end"] => Some(Some(&mut g.end)),
        ["by_year", year] => entry(&mut g.by_year, year, create),
        _ => None,
    }
}

fn line_slot<'a>(
    lines: &'a mut [Line],
    part: &str,
    rest: &[&str],
    create: bool,
) -> Option<Option<&'a mut Decimal>> {
    let (_, i) = indexed(part)?;
    match rest {
        ["amount", more @ ..] => series_slot(&mut lines.get_mut(i)?.amount, more, create),
        _ => None,
    }
}

/// The field at `path`: `None` if there is no such field, `Some(None)` if
/// it is a per-year entry that is absent (and `create` is false).
fn slot<'a>(s: &'a mut Scenario, path: &str, create: bool) -> Option<Option<&'a mut Decimal>> {
    let parts: Vec<&str> = path.split('.').collect();
    // Years contain no dots, so a path splits cleanly on them.
    match parts.as_slice() {
        ["opening_deficit"] => Some(Some(&mut s.opening_deficit)),
        ["income", "hnb", rest @ ..] => series_slot(&mut s.income.hnb, rest, create),
        ["income", "schools_block_transfer", rest @ ..] => {
            match (&mut s.income.schools_block_transfer, rest) {
                (Transfer::Percent { rate, .. }, ["rate"]) => Some(Some(rate)),
                (Transfer::Percent { schools_block, .. }, ["schools_block", more @ ..]) => {
                    series_slot(schools_block, more, create)
                }
                (Transfer::Amount { amount }, ["amount", more @ ..]) => {
                    series_slot(amount, more, create)
                }
                _ => None,
            }
        }
        ["income", part, rest @ ..] if part.starts_with("other_contributions[") => {
            line_slot(&mut s.income.other_contributions, part, rest, create)
        }
        ["demand", "ehcps"] => Some(Some(&mut s.demand.ehcps)),
        ["demand", "growth", rest @ ..] => growth_slot(&mut s.demand.growth, rest, create),
        ["baseline", "growth", rest @ ..] => growth_slot(&mut s.baseline.growth, rest, create),
        ["placements", "settings", id, rest @ ..] => {
            let p = &mut s.placements.settings[Setting::from_id(id)?];
            match rest {
                ["share_now"] => Some(Some(&mut p.share_now)),
                ["share_plan"] => Some(Some(&mut p.share_plan)),
                ["cost"] => Some(Some(&mut p.cost)),
                ["inflation"] => Some(Some(&mut p.inflation)),
                ["places", "now"] => Some(Some(&mut p.places.as_mut()?.now)),
                ["places", "new_by_year", year] => {
                    entry(&mut p.places.as_mut()?.new_by_year, year, create)
                }
                _ => None,
            }
        }
        ["placements", "waypoints", year, id] => {
            let year: FinYear = year.parse().ok()?;
            let mix = s.placements.waypoints.get_mut(&year)?;
            Some(Some(&mut mix[Setting::from_id(id)?]))
        }
        [part, rest @ ..] if part.starts_with("other_spend[") => {
            line_slot(&mut s.other_spend, part, rest, create)
        }
        ["savings", "confidence", which] => {
            let c = &mut s.savings.confidence;
            Some(Some(match *which {
                "complete" => &mut c.complete,
                "on_track" => &mut c.on_track,
                "delayed" => &mut c.delayed,
                "at_risk" => &mut c.at_risk,
                _ => return None,
            }))
        }
        ["savings", project, rest @ ..] => {
            let (name, i) = indexed(project)?;
            if name != "projects" {
                return None;
            }
            let p = s.savings.projects.get_mut(i)?;
            match rest {
                ["savings", year] => entry(&mut p.savings, year, create),
                ["achieved", year] => entry(&mut p.achieved, year, create),
                ["confidence"] => {
                    if create && p.confidence.is_none() {
                        p.confidence = Some(Decimal::ZERO);
                    }
                    Some(p.confidence.as_mut())
                }
                _ => None,
            }
        }
        ["agreement", "payments", year] => entry(&mut s.agreement.payments, year, create),
        ["agreement", "agreed_path", year] => entry(&mut s.agreement.agreed_path, year, create),
        _ => None,
    }
}

/// Writes the text field at `path` (a project's or a line's name, a
/// project's reference or workstream).
pub fn set_text(s: &mut Scenario, path: &str, text: &str) -> Result<(), NoSuchField> {
    let missing = || NoSuchField(path.to_string());
    let parts: Vec<&str> = path.split('.').collect();
    let slot: &mut String = match parts.as_slice() {
        ["savings", project, field] => {
            let (name, i) = indexed(project).ok_or_else(missing)?;
            if name != "projects" {
                return Err(missing());
            }
            let p = s.savings.projects.get_mut(i).ok_or_else(missing)?;
            match *field {
                "name" => &mut p.name,
                "reference" => &mut p.reference,
                "workstream" => &mut p.workstream,
                _ => return Err(missing()),
            }
        }
        ["income", line, "name"] if line.starts_with("other_contributions[") => {
            let (_, i) = indexed(line).ok_or_else(missing)?;
            &mut s
                .income
                .other_contributions
                .get_mut(i)
                .ok_or_else(missing)?
                .name
        }
        [line, "name"] if line.starts_with("other_spend[") => {
            let (_, i) = indexed(line).ok_or_else(missing)?;
            &mut s.other_spend.get_mut(i).ok_or_else(missing)?.name
        }
        ["about", "authority"] => &mut s.about.authority,
        _ => return Err(missing()),
    };
    *slot = text.to_string();
    Ok(())
}

/// Moves per-path entries of `map` whose path starts with `list[` to follow
/// a change in that list: `new_index(i)` gives where item `i` went, or
/// `None` if it was removed (its entries are dropped).
pub fn reindex<V>(
    map: &mut std::collections::BTreeMap<String, V>,
    list: &str,
    new_index: impl Fn(usize) -> Option<usize>,
) {
    let prefix = format!("{list}[");
    let keys: Vec<String> = map
        .keys()
        .filter(|k| k.starts_with(&prefix))
        .cloned()
        .collect();
    let mut moved = Vec::new();
    for k in keys {
        let Some(v) = map.remove(&k) else { continue };
        let rest = &k[prefix.len()..];
        let Some((i, tail)) = rest.split_once(']') else {
            continue;
        };
        if let Some(j) = i.parse().ok().and_then(&new_index) {
            moved.push((format!("{prefix}{j}]{tail}"), v));
        }
    }
    map.extend(moved);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::figures::figures;
    use crate::model::presets::PRESETS;
    use rust_decimal_macros::dec;

    #[test]
    fn every_listed_figure_can_be_read_and_written() {
        for p in &PRESETS {
            let s = p.scenario();
            for (path, v) in figures(&s) {
                assert_eq!(get(&s, &path), Some(v), "{}: {path}", p.id);
                let mut t = s.clone();
                set(&mut t, &path, v + dec!(1)).unwrap();
                assert_eq!(get(&t, &path), Some(v + dec!(1)), "{path}");
            }
        }
    }

    #[test]
    fn creates_and_clears_year_entries() {
        let mut s = PRESETS[0].scenario();
        assert_eq!(get(&s, "agreement.payments.2025-26"), None);
        set(&mut s, "agreement.payments.2025-26", dec!(5)).unwrap();
        assert_eq!(get(&s, "agreement.payments.2025-26"), Some(dec!(5)));
        assert!(clear(&mut s, "agreement.payments.2025-26"));
        assert_eq!(get(&s, "agreement.payments.2025-26"), None);
        assert!(set(&mut s, "agreement.payments.2025-27", dec!(1)).is_err());
        assert!(set(&mut s, "no.such.thing", dec!(1)).is_err());
        assert!(set(&mut s, "placements.settings.castle.cost", dec!(1)).is_err());
        assert!(set(&mut s, "savings.projects[99].confidence", dec!(1)).is_err());
        assert!(set(&mut s, "other_spend[x].amount.first", dec!(1)).is_err());
    }

    #[test]
    fn sets_text_and_reindexes() {
        let mut s = crate::model::presets::find("haringey").unwrap().scenario();
        set_text(&mut s, "savings.projects[1].name", "Renamed").unwrap();
        assert_eq!(s.savings.projects[1].name, "Renamed");
        set_text(&mut s, "savings.projects[1].reference", "Z9").unwrap();
        assert!(set_text(&mut s, "savings.projects[99].name", "x").is_err());
        assert!(set_text(&mut s, "savings.projects[1].status", "x").is_err());
        let mut m = std::collections::BTreeMap::new();
        m.insert("savings.projects[0].name".to_string(), 0);
        m.insert("savings.projects[2].savings.2024-25".to_string(), 2);
        m.insert("savings.projects[10].name".to_string(), 10);
        m.insert("demand.ehcps".to_string(), 99);
        reindex(&mut m, "savings.projects", |i| (i != 0).then(|| i - 1));
        let keys: Vec<&str> = m.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "demand.ehcps",
                "savings.projects[1].savings.2024-25",
                "savings.projects[9].name"
            ]
        );
    }
}
