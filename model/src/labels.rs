//! Every input in words, with its value in its unit and its source: the
//! list of assumptions in the printed paper and `hnb assumptions`. Names
//! and units are each [`Field`]'s own, so there is one set of words for a
//! field wherever it is shown.

use rust_decimal::Decimal;

use std::collections::BTreeMap;

use super::field::{Field, List};
use super::figures::fields;
use super::scenario::Scenario;

impl Field {
    /// `v` in this field's unit (`4.5%`, `£23,907`, `1,250`), for any value.
    pub fn show(self, v: Decimal) -> String {
        self.bounds()
            .map_or_else(|| v.to_string(), |b| b.measure.show(v))
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
    let before: BTreeMap<Field, Decimal> =
        super::order::map_of(preset.map(fields).unwrap_or_default());
    fields(s)
        .into_iter()
        .filter(|(f, _)| !matches!(f.item(), Some((List::Projects, _))))
        .map(|(f, v)| {
            let changed = preset.is_some() && before.get(&f) != Some(&v);
            let source = if changed {
                match before.get(&f) {
                    Some(was) => format!(
                        "Changed for this scenario (starting figure {})",
                        f.show(*was)
                    ),
                    None => "Added for this scenario".into(),
                }
            } else {
                s.source_of(f).map_or_else(
                    || "Not stated".into(),
                    |src| format!("{}: {}", src.kind.label(), src.detail),
                )
            };
            Assumption {
                what: f.label(s),
                value: f.show(v),
                source,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::{Part, Rate, Run};
    use crate::presets::PRESETS;
    use crate::setting::Setting;
    use rust_decimal_macros::dec;

    #[test]
    fn every_figure_has_words_without_a_raw_path() {
        for p in &PRESETS {
            let s = p.scenario();
            for (f, v) in fields(&s) {
                let l = f.label(&s);
                assert!(
                    !l.contains('[') && !l.contains('_') && !l.contains(".by"),
                    "{f}: {l}"
                );
                assert!(!f.show(v).is_empty());
            }
        }
    }

    #[test]
    fn words_and_units() {
        let s = crate::presets::find("haringey").unwrap().scenario();
        let y = crate::year::FinYear::new(2025).unwrap();
        let cases = [
            (
                Field::Growth(Run::Plan, Rate::Start),
                dec!(0.045),
                "EHCP growth at the start",
                "4.5%",
            ),
            (
                Field::Growth(Run::Plan, Rate::Year(y)),
                dec!(0.03),
                "EHCP growth into 2025-26",
                "3%",
            ),
            (
                Field::Cost(Setting::Inmss),
                dec!(57074),
                "Cost per child in Independent special school (INMSS)",
                "£57,074",
            ),
            (Field::Ehcps, dec!(3200), "The number of EHCPs", "3,200"),
            (
                Field::Hnb(Part::First),
                dec!(50000000),
                "The High Needs Block allocation in the first year",
                "£50,000,000",
            ),
            (
                Field::Payment(y),
                dec!(1),
                "The DfE payment in 2025-26",
                "£1",
            ),
        ];
        for (f, v, words, shown) in cases {
            assert_eq!(f.label(&s), words, "{f}");
            assert_eq!(f.show(v), shown, "{f}");
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
            .find(|r| r.what == "The number of EHCPs")
            .unwrap();
        assert_eq!(ehcps.value, "1");
        assert!(
            ehcps.source.starts_with("Changed for this scenario"),
            "{}",
            ehcps.source
        );
        assert!(
            rows.iter()
                .filter(|r| r.what != "The number of EHCPs")
                .all(|r| !r.source.starts_with("Changed"))
        );
        assert!(
            rows.iter().all(|r| r.source != "Not stated"),
            "every preset figure has a source"
        );
    }
}
