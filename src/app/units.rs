//! How each kind of figure is shown and typed: the one place text becomes
//! `Decimal` (and `Decimal` becomes text) on the page.
//!
//! **Typed text is unvalidated.** Whatever a person types (24 nines, an
//! exponent, Arabic-Indic digits, nothing at all) reaches the model only
//! through [`Unit::parse`], which converts with checked arithmetic and
//! refuses, with a message in words, any value outside the bounds of the
//! field it is typed into ([`Bounds`]). So every figure in the page's draft
//! scenario is within its field's bounds, and those bounds keep every sum
//! and product on the page far from `Decimal`'s limit. Showing a value
//! never computes with it unchecked either. `cargo clippy` denies unchecked
//! arithmetic in this module; keep it that way.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::field::{Bounds, Field, Measure};
use crate::model::format::{self, lower_first};

/// The unit a field is shown and typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A rate or share shown as a percentage (model value 0.045 is "4.5").
    Percent,
    /// Money shown in millions of pounds ("12.4" is £12,400,000).
    Millions,
    /// Money shown in whole pounds ("23,907").
    Pounds,
    /// A count of children or places.
    Count,
}

/// Longest text read as a number; anything longer is not one a person
/// means (the largest figure anywhere, £10bn in pounds, has 11 digits).
const MAX_NUMBER_CHARS: usize = 40;

impl Unit {
    /// The unit the page shows `field` in: rates and shares as
    /// percentages, costs per child in pounds, other money in millions,
    /// counts as they are.
    pub fn of(field: Field) -> Unit {
        match (field, field.bounds().map(|b| b.measure)) {
            (Field::Cost(_), _) => Unit::Pounds,
            (_, Some(Measure::Rate)) => Unit::Percent,
            (_, Some(Measure::Count)) => Unit::Count,
            _ => Unit::Millions,
        }
    }

    /// The value shown in a number box.
    pub fn show(self, v: Decimal) -> String {
        format::round(self.to_display(v), self.places())
            .normalize()
            .to_string()
    }

    fn places(self) -> u32 {
        match self {
            Unit::Percent => 2,
            Unit::Millions => 6,
            Unit::Pounds => 0,
            Unit::Count => 1,
        }
    }

    /// The model value for a number in display units (from a slider or a
    /// number box); `None` if it is too large to hold.
    pub fn from_display(self, d: Decimal) -> Option<Decimal> {
        match self {
            Unit::Percent => d.checked_div(dec!(100)),
            Unit::Millions => d.checked_mul(dec!(1_000_000)),
            Unit::Pounds | Unit::Count => Some(d),
        }
    }

    /// The display-unit number for a model value (for a slider), held at
    /// `Decimal`'s limits rather than overflowing.
    pub fn to_display(self, v: Decimal) -> Decimal {
        match self {
            Unit::Percent => v.saturating_mul(dec!(100)),
            Unit::Millions => v.checked_div(dec!(1_000_000)).unwrap_or_default(),
            Unit::Pounds | Unit::Count => v,
        }
    }

    /// A model value in this unit's words: `4.5%`, `£12.4m`, `£23,907`.
    pub fn words_for(self, v: Decimal) -> String {
        match self {
            Unit::Percent => format::percent(v, 2),
            Unit::Millions => {
                let m = v.checked_div(dec!(1_000_000)).unwrap_or_default();
                let m = format::round(m, 6).normalize();
                let sign = if m.is_sign_negative() { "-" } else { "" };
                format!(
                    "{sign}£{}{}m",
                    format::count(m.abs().trunc()),
                    frac_part(m.abs())
                )
            }
            Unit::Pounds => format::pounds(v),
            Unit::Count => format::count(v),
        }
    }

    /// `v` in words for a message about it being outside `b`: as usual,
    /// unless rounding would show it at a bound ("100%" for 100.0001%).
    fn outside(self, v: Decimal, b: &Bounds) -> String {
        let shown = self.words_for(v);
        if shown != self.words_for(b.lo) && shown != self.words_for(b.hi) {
            return shown;
        }
        match self {
            Unit::Percent => format::percent(v, 28),
            Unit::Millions => {
                let m = v
                    .checked_div(dec!(1_000_000))
                    .unwrap_or_default()
                    .normalize();
                let sign = if m.is_sign_negative() { "-" } else { "" };
                format!(
                    "{sign}£{}{}m",
                    format::count(m.abs().trunc()),
                    frac_part(m.abs())
                )
            }
            Unit::Pounds | Unit::Count => b.measure.exact(v),
        }
    }

    /// What a field's bounds allow, in this unit: "between -£10,000m and
    /// £10,000m", "between -50% and 100% a year".
    pub fn allowed(self, b: &Bounds) -> String {
        let show = |v: Decimal| match (self, b.measure) {
            (Unit::Millions, Measure::Money) => self.words_for(v),
            _ => b.measure.show(v),
        };
        let per = if b.per.is_empty() {
            String::new()
        } else {
            format!(" {}", b.per)
        };
        format!("between {} and {}{per}", show(b.lo), show(b.hi))
    }

    /// Reads what a person typed: spaces, commas, a true minus sign and the
    /// unit's own symbols (`%`, `£`, `m`) are allowed. `what` names the field in the message;
    /// `bounds` are what the field allows (a value outside them is refused
    /// here, before anything computes with it).
    pub fn parse(self, text: &str, what: &str, bounds: Option<&Bounds>) -> Result<Decimal, String> {
        // The page writes negatives with a true minus sign (−), so it reads
        // them back too.
        let grouped: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '£'))
            .map(|c| if c == '−' { '-' } else { c })
            .collect();
        // Commas only between thousands ("1,250"); "4,5" is not 45.
        if grouped.contains(',') && !thousands_grouped(&grouped) {
            return Err(format!(
                "{what} must be a number written with a point for decimals, like {}",
                match self {
                    Unit::Percent => "4.5",
                    Unit::Millions => "12.4",
                    Unit::Pounds => "23,907",
                    Unit::Count => "1,250",
                }
            ));
        }
        let t: String = grouped.chars().filter(|c| *c != ',').collect();
        let t = match self {
            Unit::Percent => t.strip_suffix('%').unwrap_or(&t).to_string(),
            Unit::Millions => t
                .strip_suffix('m')
                .or_else(|| t.strip_suffix('M'))
                .unwrap_or(&t)
                .to_string(),
            Unit::Pounds | Unit::Count => t,
        };
        let example = match self {
            Unit::Percent => "4.5",
            Unit::Millions => "12.4",
            Unit::Pounds => "23,907",
            Unit::Count => "1,250",
        };
        if t.is_empty() {
            return Err(format!("Enter {}", lower_first(what)));
        }
        let digits = t.trim_start_matches('-');
        let numeric = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.chars().any(|c| c.is_ascii_digit())
            && digits.chars().filter(|c| *c == '.').count() <= 1
            && t.len().saturating_sub(digits.len()) <= 1;
        if !numeric {
            return Err(format!("{what} must be a number, like {example}"));
        }
        let beyond = || match bounds {
            Some(b) => format!(
                "{what} must be {} (it is {})",
                self.allowed(b),
                format::quote(text.trim())
            ),
            None => format!("{what} is too large (it is {})", format::quote(text.trim())),
        };
        if t.len() > MAX_NUMBER_CHARS {
            return Err(beyond());
        }
        let v = t
            .parse::<Decimal>()
            .ok()
            .and_then(|d| self.from_display(d))
            .ok_or_else(beyond)?;
        match bounds {
            Some(b) if !b.allows(v) => Err(if b.lo.is_zero() && v < Decimal::ZERO {
                format!("{what} cannot be negative (it is {})", self.outside(v, b))
            } else {
                format!(
                    "{what} must be {} (it is {})",
                    self.allowed(b),
                    self.outside(v, b)
                )
            }),
            _ => Ok(v),
        }
    }

    /// The value in words, for screen readers (`aria-valuetext`).
    pub fn words(self, v: Decimal, suffix: &str) -> String {
        let base = match self {
            Unit::Millions => format::millions_dp(v, 2),
            _ => self.words_for(v),
        };
        if suffix.is_empty() {
            base
        } else {
            format!("{base} {suffix}")
        }
    }

    /// The symbol shown before the number box.
    pub fn prefix(self) -> &'static str {
        match self {
            Unit::Millions | Unit::Pounds => "£",
            _ => "",
        }
    }

    /// The symbol shown after the number box.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Millions => "m",
            _ => "",
        }
    }
}

/// Whether the commas in `t` (a number, perhaps signed, with a unit symbol
/// after it) all sit between groups of three digits before any point.
fn thousands_grouped(t: &str) -> bool {
    let body = t.trim_start_matches(['-', '+']);
    let whole = body.split('.').next().unwrap_or(body);
    if body.split_once('.').is_some_and(|(_, f)| f.contains(',')) {
        return false;
    }
    let mut groups = whole.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok
        && groups.all(|g| {
            let digits: String = g.chars().take_while(char::is_ascii_digit).collect();
            digits.len() == 3 && (g.len() == 3 || !g[3..].contains(char::is_numeric))
        })
}

/// The sum of `values`, held at `Decimal`'s limits rather than overflowing
/// (the page's one way to add figures up; `Iterator::sum` panics on
/// overflow).
pub fn total(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values
        .into_iter()
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// The decimal part of `m` (which is not negative), with its point, or
/// nothing: ".4" for 12.4.
fn frac_part(m: Decimal) -> String {
    let text = m.to_string();
    match text.split_once('.') {
        Some((_, f)) => format!(".{f}"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::field::Field;

    #[test]
    fn reads_what_people_type() {
        let growth = Field::Growth(
            crate::model::field::Run::Plan,
            crate::model::field::Rate::Start,
        )
        .bounds()
        .unwrap();
        let g = Some(&growth);
        assert_eq!(Unit::Percent.parse("4.5", "Growth", g), Ok(dec!(0.045)));
        assert_eq!(Unit::Percent.parse(" 4.5 % ", "Growth", g), Ok(dec!(0.045)));
        assert_eq!(Unit::Percent.parse("-2", "Growth", g), Ok(dec!(-0.02)));
        assert_eq!(
            Unit::Millions.parse("£12.4m", "HNB", None),
            Ok(dec!(12_400_000))
        );
        assert_eq!(Unit::Pounds.parse("£23,907", "Cost", None), Ok(dec!(23907)));
        assert_eq!(Unit::Count.parse("1,250", "EHCPs", None), Ok(dec!(1250)));
        for bad in [
            "",
            "abc",
            "4..5",
            "1e5",
            "--1",
            "4-5",
            "-",
            ".",
            "١٢",
            "12345678901234567890123456789",
        ] {
            let e = Unit::Percent.parse(bad, "EHCP growth", g).unwrap_err();
            assert!(e.to_lowercase().contains("ehcp growth"), "{bad}: {e}");
        }
        assert!(
            Unit::Percent
                .parse("4,5", "EHCP growth", g)
                .unwrap_err()
                .contains("with a point for decimals")
        );
        assert!(Unit::Millions.parse("1,2,3", "HNB", None).is_err());
        assert!(Unit::Millions.parse("1,234.5,6", "HNB", None).is_err());
        assert_eq!(
            Unit::Millions.parse("£1,234.5m", "HNB", None),
            Ok(dec!(1_234_500_000))
        );
        assert_eq!(
            Unit::Percent
                .parse("100.0001", "EHCP growth", g)
                .unwrap_err(),
            "EHCP growth must be between -50% and 100% a year (it is 100.0001%)"
        );
        assert_eq!(
            Unit::Percent.parse("250", "EHCP growth", g).unwrap_err(),
            "EHCP growth must be between -50% and 100% a year (it is 250%)"
        );
    }

    #[test]
    fn nothing_typed_can_overflow() {
        let deficit = Field::OpeningDeficit.bounds().unwrap();
        let nines = "9".repeat(24);
        assert_eq!(
            Unit::Millions
                .parse(
                    &nines,
                    "Cumulative deficit carried into 2024-25",
                    Some(&deficit)
                )
                .unwrap_err(),
            format!(
                "Cumulative deficit carried into 2024-25 must be between -£10,000m and £10,000m (it is “{nines}”)"
            )
        );
        assert_eq!(
            Unit::Millions
                .parse("-99999", "The deficit", Some(&deficit))
                .unwrap_err(),
            "The deficit must be between -£10,000m and £10,000m (it is -£99,999m)"
        );
        for unit in [Unit::Percent, Unit::Millions, Unit::Pounds, Unit::Count] {
            for text in [
                &nines,
                "79228162514264337593543950335",
                "-79228162514264337593543950335",
                "0.0000000000000000000000000001",
            ] {
                let _ = unit.parse(text, "x", Some(&deficit));
                let _ = unit.parse(text, "x", None);
            }
            for v in [Decimal::MAX, Decimal::MIN] {
                let _ = (unit.show(v), unit.words(v, "a year"), unit.to_display(v));
            }
        }
    }

    #[test]
    fn shows_values_plainly() {
        assert_eq!(Unit::Percent.show(dec!(0.045)), "4.5");
        assert_eq!(Unit::Millions.show(dec!(69_934_641)), "69.934641");
        assert_eq!(Unit::Pounds.show(dec!(23907)), "23907");
        assert_eq!(Unit::Count.show(dec!(4175)), "4175");
        assert_eq!(Unit::Millions.words_for(dec!(12_400_000)), "£12.4m");
        assert_eq!(Unit::Millions.words_for(dec!(-10_000_000_000)), "-£10,000m");
        assert_eq!(Unit::Percent.words(dec!(0.045), "a year"), "4.5% a year");
        assert_eq!(
            Unit::Pounds.words(dec!(23907), "per child"),
            "£23,907 per child"
        );
    }
}
