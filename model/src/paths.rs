//! Reading and writing a scenario's figures by field path, the paths that
//! [`figures`](super::figures) lists and validation reports: the path
//! grammar itself is [`Field`]'s. The page edits through these, so a
//! problem's path leads straight to its field, and share links and
//! comparisons speak the same language.

use rust_decimal::Decimal;

use super::field::Field;
pub use super::field::NoSuchField;
use super::scenario::Scenario;

/// The value at `path`, if the scenario has that field.
pub fn get(s: &Scenario, path: &str) -> Option<Decimal> {
    path.parse::<Field>().ok()?.get(s)
}

/// Writes `value` at `path`. Per-year entries are created as needed.
pub fn set(s: &mut Scenario, path: &str, value: Decimal) -> Result<(), NoSuchField> {
    path.parse::<Field>()
        .map_err(|_| NoSuchField(path.to_string()))?
        .set(s, value)
}

/// Removes a per-year entry (e.g. `demand.growth.by_year.2025-26`), so the
/// year falls back to the line or the grown figure.
pub fn clear(s: &mut Scenario, path: &str) -> bool {
    path.parse::<Field>().is_ok_and(|f| f.clear(s))
}

/// Writes the text field at `path` (a project's or a line's name, a
/// project's reference or workstream, the authority's name).
pub fn set_text(s: &mut Scenario, path: &str, text: &str) -> Result<(), NoSuchField> {
    path.parse::<Field>()
        .map_err(|_| NoSuchField(path.to_string()))?
        .set_text(s, text)
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
    use crate::figures::figures;
    use crate::presets::PRESETS;
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
        let mut s = crate::presets::find("haringey").unwrap().scenario();
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
