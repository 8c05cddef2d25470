//! EHCP demand over time.

use rust_decimal::Decimal;

/// EHCPs after `years` years of compound growth at `rate` a year
/// (`rate` is a fraction: `0.045` is 4.5%).
pub fn ehcps_after(start: Decimal, rate: Decimal, years: u32) -> Decimal {
    let factor = Decimal::ONE + rate;
    (0..years).fold(start, |e, _| e * factor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn compounds_yearly() {
        assert_eq!(ehcps_after(dec!(1000), dec!(0.1), 2), dec!(1210));
        assert_eq!(ehcps_after(dec!(1000), dec!(0.1), 0), dec!(1000));
    }
}
