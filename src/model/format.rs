//! Words and figures for people: money, rates and counts, rounded half away
//! from zero as finance papers do.

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

/// Rounds half away from zero to `dp` decimal places.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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
    let m = round(d / dec!(1_000_000), dp);
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
pub fn percent(d: Decimal, dp: u32) -> String {
    let p = round(d * dec!(100), dp).normalize();
    let p = if p.is_zero() { Decimal::ZERO } else { p };
    format!("{p}%")
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
}
