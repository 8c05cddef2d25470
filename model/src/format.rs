//! Words and figures for people: money, rates and counts, rounded half away
//! from zero as finance papers do.
//!
//! Every function here takes any `Decimal` at all, however large: they
//! write the words of error messages about values that failed validation,
//! so nothing here may overflow (`cargo clippy` checks that no unchecked
//! arithmetic creeps in).
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

/// Rounds half away from zero to `dp` decimal places.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len().saturating_mul(2));
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && digits.len().saturating_sub(i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands separators: `12,345`.
pub fn count(d: Decimal) -> String {
    let r = round(d, 0).normalize();
    let s = r.abs().to_string();
    let sign = if r.is_sign_negative() && !r.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{}", group(&s))
}

/// Pounds, whole: `£23,907`, `-£1,200`.
pub fn pounds(d: Decimal) -> String {
    let r = round(d, 0).normalize();
    let sign = if r.is_sign_negative() && !r.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}£{}", group(&r.abs().to_string()))
}

/// Millions of pounds to one decimal place: `£12.4m`.
pub fn millions(d: Decimal) -> String {
    millions_dp(d, 1)
}

/// Millions of pounds to `dp` places: `£14.68m`.
pub fn millions_dp(d: Decimal, dp: u32) -> String {
    // Dividing by a million only shrinks a value: it cannot overflow.
    let m = round(d.checked_div(dec!(1_000_000)).unwrap_or_default(), dp);
    let sign = if m.is_sign_negative() && !m.is_zero() {
        "-"
    } else {
        ""
    };
    let abs = m.abs();
    let whole = abs.trunc().to_string();
    let text = format!("{abs:.*}", dp as usize);
    let frac = text.split_once('.').map(|(_, f)| f.to_string());
    match frac {
        Some(f) => format!("{sign}£{}.{f}m", group(&whole)),
        None => format!("{sign}£{}m", group(&whole)),
    }
}

/// A rate as a percentage, up to `dp` places without trailing zeros: `4.5%`.
/// A rate too large to multiply by 100 is shown in scientific notation
/// (`7.92e30%`).
pub fn percent(d: Decimal, dp: u32) -> String {
    match d.checked_mul(dec!(100)) {
        Some(p) => {
            let p = round(p, dp).normalize();
            let p = if p.is_zero() { Decimal::ZERO } else { p };
            format!("{p}%")
        }
        None => format!("{}%", scientific(d, 2)),
    }
}

/// `d × 10^shift` in scientific notation to three significant figures
/// (`7.92e30`), for values too large to show otherwise.
pub fn scientific(d: Decimal, shift: i32) -> String {
    let text = format!("{:e}", d.abs());
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let m: String = mantissa.chars().take(4).collect();
    let m = m.trim_end_matches('0').trim_end_matches('.');
    let sign = if d.is_sign_negative() { "-" } else { "" };
    format!("{sign}{m}e{}", exp.saturating_add(shift))
}

/// `s` with a lower-case first letter, for a name inside a sentence ("The
/// deficit" becomes "the deficit"); an acronym ("EHCP growth") is kept.
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(_), Some(second)) if second.is_uppercase() => s.to_string(),
        (Some(f), _) => f.to_lowercase().chain(s.chars().skip(1)).collect(),
        (None, _) => String::new(),
    }
}

/// Text a person gave, made safe to put in a line of a message: control
/// characters (new lines among them) and the invisible marks that reorder
/// right-to-left text are left out, so a name cannot split or reorder the
/// line it is in.
pub fn clean(given: &str) -> String {
    given
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Text a person gave, quoted for a message: at most 40 characters, with
/// an ellipsis where it was cut, cleaned as [`clean`] does.
pub fn quote(given: &str) -> String {
    let clean = clean(given);
    let mut out: String = clean.chars().take(40).collect();
    if clean.chars().nth(40).is_some() {
        out.push('…');
    }
    format!("“{out}”")
}

/// Pounds to two decimal places with no symbol or separators, for CSV.
pub fn csv_money(d: Decimal) -> String {
    format!("{:.2}", round(d, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(count(dec!(2853.43)), "2,853");
        assert_eq!(count(dec!(-0.4)), "0");
        assert_eq!(count(dec!(1234567)), "1,234,567");
        assert_eq!(pounds(dec!(23907)), "£23,907");
        assert_eq!(pounds(dec!(-1200.5)), "-£1,201");
        assert_eq!(millions(dec!(12_449_999)), "£12.4m");
        assert_eq!(millions(dec!(12_450_000)), "£12.5m");
        assert_eq!(millions(dec!(-40_000)), "£0.0m");
        assert_eq!(millions(dec!(1_234_500_000)), "£1,234.5m");
        assert_eq!(millions_dp(dec!(14_680_000), 2), "£14.68m");
        assert_eq!(millions_dp(dec!(5_000_000), 0), "£5m");
        assert_eq!(percent(dec!(0.045), 1), "4.5%");
        assert_eq!(percent(dec!(0.1), 1), "10%");
        assert_eq!(percent(dec!(-0.0001), 1), "0%");
        assert_eq!(csv_money(dec!(1.005)), "1.01");
        assert_eq!(csv_money(dec!(-1.005)), "-1.01");
        assert_eq!(csv_money(dec!(7)), "7.00");
    }

    #[test]
    fn any_value_has_words() {
        assert_eq!(percent(Decimal::MAX, 2), "7.92e30%");
        assert_eq!(percent(Decimal::MIN, 2), "-7.92e30%");
        assert_eq!(percent(dec!(1e27), 4), "1e29%");
        for d in [Decimal::MAX, Decimal::MIN, dec!(1e-28), dec!(-1e-28)] {
            assert!(!count(d).is_empty());
            assert!(!pounds(d).is_empty());
            assert!(!millions_dp(d, 3).is_empty());
            assert!(!csv_money(d).is_empty());
        }
        assert_eq!(quote("abc"), "“abc”");
        assert_eq!(quote(&"9".repeat(50)), format!("“{}…”", "9".repeat(40)));
    }
}
