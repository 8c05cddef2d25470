//! Moving one setting's share while keeping the mix at 100%.

use rust_decimal::Decimal;

use super::setting::{PerSetting, Setting};

/// Decimal places shares are kept to (0.01 percentage points).
pub const SHARE_DP: u32 = 4;

/// Sets `setting`'s share to `value` and rebalances the other unlocked
/// settings in proportion to their current shares, so the mix still adds up
/// to exactly 100%. Locked settings keep their shares; `value` is clamped to
/// what the locked ones leave. If the unlocked others all stand at 0%, the
/// remainder is shared equally between them. Shares are kept to 0.01 points,
/// the rounding going to the largest remainders. With no other setting
/// unlocked, nothing can move and the mix is returned unchanged.
pub fn rebalance(
    shares: &PerSetting<Decimal>,
    locked: &PerSetting<bool>,
    setting: Setting,
    value: Decimal,
) -> PerSetting<Decimal> {
    let others: Vec<Setting> = Setting::ALL
        .into_iter()
        .filter(|s| *s != setting && !locked[*s])
        .collect();
    if others.is_empty() {
        return *shares;
    }
    let fixed: Decimal = Setting::ALL
        .into_iter()
        .filter(|s| *s != setting && locked[*s])
        .map(|s| shares[s])
        .sum();
    let room = (Decimal::ONE - fixed).max(Decimal::ZERO);
    let value = value.round_dp(SHARE_DP).clamp(Decimal::ZERO, room);
    let rest = room - value;
    let current: Decimal = others.iter().map(|s| shares[*s].max(Decimal::ZERO)).sum();
    let unit = Decimal::new(1, SHARE_DP);
    // Work in whole units of 0.0001 so the result is exact.
    let rest_units = (rest / unit).round();
    let mut out = *shares;
    out[setting] = value;
    let mut parts: Vec<(Setting, Decimal, Decimal)> = others
        .iter()
        .map(|s| {
            let exact = if current.is_zero() {
                rest_units / Decimal::from(others.len())
            } else {
                rest_units * shares[*s].max(Decimal::ZERO) / current
            };
            (*s, exact.floor(), exact - exact.floor())
        })
        .collect();
    let given: Decimal = parts.iter().map(|p| p.1).sum();
    let mut short = rest_units - given;
    super::order::sort_small_by(&mut parts, |a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    for p in parts.iter_mut() {
        if short <= Decimal::ZERO {
            break;
        }
        p.1 += Decimal::ONE;
        short -= Decimal::ONE;
    }
    for (s, units, _) in parts {
        out[s] = units * unit;
    }
    // Anything the locked shares leave over (they may not add up exactly)
    // stays with the moved setting.
    let total: Decimal = out.0.iter().sum();
    out[setting] += Decimal::ONE - total;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::shares_from_counts;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn sum(p: &PerSetting<Decimal>) -> Decimal {
        p.0.iter().sum()
    }

    #[test]
    fn moves_others_in_proportion() {
        let shares = shares_from_counts([50, 0, 30, 20, 0, 0, 0, 0, 0, 0]);
        let locks = PerSetting::from_fn(|_| false);
        let out = rebalance(&shares, &locks, Setting::Inmss, dec!(0.1));
        assert_eq!(out[Setting::Inmss], dec!(0.1));
        assert_eq!(out[Setting::Mainstream], dec!(0.5625));
        assert_eq!(out[Setting::StateSpecial], dec!(0.3375));
        assert_eq!(sum(&out), Decimal::ONE);
    }

    #[test]
    fn respects_locks_and_clamps() {
        let shares = shares_from_counts([50, 0, 30, 20, 0, 0, 0, 0, 0, 0]);
        let mut locks = PerSetting::from_fn(|_| false);
        locks[Setting::StateSpecial] = true;
        let out = rebalance(&shares, &locks, Setting::Inmss, dec!(0.9));
        assert_eq!(out[Setting::StateSpecial], dec!(0.3));
        assert_eq!(
            out[Setting::Inmss],
            dec!(0.7),
            "clamped to what the lock leaves"
        );
        assert_eq!(out[Setting::Mainstream], dec!(0));
        assert_eq!(sum(&out), Decimal::ONE);
        let all = PerSetting::from_fn(|i| i != Setting::Inmss.index());
        assert_eq!(rebalance(&shares, &all, Setting::Inmss, dec!(0.5)), shares);
    }

    #[test]
    fn spreads_equally_from_zero() {
        let shares = shares_from_counts([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        let locks = PerSetting::from_fn(|_| false);
        let out = rebalance(&shares, &locks, Setting::Inmss, dec!(0.91));
        assert_eq!(out[Setting::Mainstream], dec!(0.01));
        assert_eq!(sum(&out), Decimal::ONE);
    }

    proptest! {
        #[test]
        fn always_adds_to_one_and_keeps_locks(
            counts in prop::array::uniform10(0u32..500),
            locks in prop::array::uniform10(any::<bool>()),
            which in 0usize..10,
            value in 0i64..=12_000,
        ) {
            let shares = shares_from_counts(counts);
            let locked = PerSetting(locks);
            let setting = Setting::ALL[which];
            let out = rebalance(&shares, &locked, setting, Decimal::new(value, 4));
            prop_assert_eq!(sum(&out), Decimal::ONE);
            for s in Setting::ALL {
                prop_assert!(out[s] >= Decimal::ZERO && out[s] <= Decimal::ONE);
                prop_assert_eq!(out[s].round_dp(SHARE_DP), out[s]);
                if s != setting && locked[s] {
                    prop_assert_eq!(out[s], shares[s]);
                }
            }
        }
    }
}
