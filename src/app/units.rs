//! How each kind of figure is shown and typed: the one place text becomes
//! `Decimal` (and `Decimal` becomes text) on the page.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::format;

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

impl Unit {
    /// The value shown in a number box.
    pub fn show(self, v: Decimal) -> String {
        match self {
            Unit::Percent => format::round(v * dec!(100), 2).normalize().to_string(),
            Unit::Millions => format::round(v / dec!(1_000_000), 6)
                .normalize()
                .to_string(),
            Unit::Pounds => format::round(v, 0).normalize().to_string(),
            Unit::Count => format::round(v, 1).normalize().to_string(),
        }
    }

    /// The model value for a number in display units (from a slider).
    pub fn from_display(self, d: Decimal) -> Decimal {
        match self {
            Unit::Percent => d / dec!(100),
            Unit::Millions => d * dec!(1_000_000),
            Unit::Pounds | Unit::Count => d,
        }
    }

    /// The display-unit number for a model value (for a slider).
    pub fn to_display(self, v: Decimal) -> Decimal {
        match self {
            Unit::Percent => v * dec!(100),
            Unit::Millions => v / dec!(1_000_000),
            Unit::Pounds | Unit::Count => v,
        }
    }

    /// Reads what a person typed: spaces, commas and the unit's own symbols
    /// (`%`, `£`, `m`) are allowed. `what` names the field in the message.
    pub fn parse(self, text: &str, what: &str) -> Result<Decimal, String> {
        let t: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '£'))
            .collect();
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
            return Err(format!("Enter {what}"));
        }
        let ok = t.len() <= 24
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && t.chars().filter(|c| *c == '.').count() <= 1
            && !t[1..].contains('-');
        let d = if ok { t.parse::<Decimal>().ok() } else { None };
        match d {
            Some(d) => Ok(self.from_display(d)),
            None => Err(format!("{what} must be a number, like {example}")),
        }
    }

    /// The value in words, for screen readers (`aria-valuetext`).
    pub fn words(self, v: Decimal, suffix: &str) -> String {
        let base = match self {
            Unit::Percent => format::percent(v, 2),
            Unit::Millions => format::millions_dp(v, 2),
            Unit::Pounds => format::pounds(v),
            Unit::Count => format::count(v),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_type() {
        assert_eq!(Unit::Percent.parse("4.5", "Growth"), Ok(dec!(0.045)));
        assert_eq!(Unit::Percent.parse(" 4.5 % ", "Growth"), Ok(dec!(0.045)));
        assert_eq!(Unit::Percent.parse("-2", "Growth"), Ok(dec!(-0.02)));
        assert_eq!(Unit::Millions.parse("£12.4m", "HNB"), Ok(dec!(12_400_000)));
        assert_eq!(Unit::Pounds.parse("£23,907", "Cost"), Ok(dec!(23907)));
        assert_eq!(Unit::Count.parse("1,250", "EHCPs"), Ok(dec!(1250)));
        for bad in [
            "",
            "abc",
            "4..5",
            "1e5",
            "--1",
            "4-5",
            "12345678901234567890123456789",
        ] {
            let e = Unit::Percent.parse(bad, "EHCP growth").unwrap_err();
            assert!(e.contains("EHCP growth"), "{bad}: {e}");
        }
    }

    #[test]
    fn shows_values_plainly() {
        assert_eq!(Unit::Percent.show(dec!(0.045)), "4.5");
        assert_eq!(Unit::Millions.show(dec!(69_934_641)), "69.934641");
        assert_eq!(Unit::Pounds.show(dec!(23907)), "23907");
        assert_eq!(Unit::Count.show(dec!(4175)), "4175");
        assert_eq!(Unit::Percent.words(dec!(0.045), "a year"), "4.5% a year");
        assert_eq!(
            Unit::Pounds.words(dec!(23907), "per child"),
            "£23,907 per child"
        );
    }
}
