//! Changes to a scenario that goal seek, the sensitivity chart and the
//! simulations share: one place says what "growth 2 points higher" or
//! "INMSS share of 5%" does to the inputs. Each keeps the scenario valid
//! where the value is within the allowed range.

use rust_decimal::Decimal;

use super::scenario::{Project, Scenario, Status};
use super::setting::{PerSetting, Setting};
use super::validate::{MAX_RATE, MIN_RATE};
use super::year::FinYear;

/// Decimal places kept for rates set here.
const RATE_DP: u32 = 10;

fn rate(r: Decimal) -> Decimal {
    r.clamp(MIN_RATE, MAX_RATE).round_dp(RATE_DP)
}

/// EHCP growth in the plan of `rate` a year into every year from `from` on
/// (earlier years unchanged).
pub fn set_growth_from(s: &mut Scenario, from: FinYear, r: Decimal) {
    let years: Vec<FinYear> = s.about.years().skip(1).filter(|y| *y >= from).collect();
    for y in years {
        s.demand.growth.by_year.insert(y, rate(r));
    }
}

/// EHCP growth in the plan `points` higher (lower if negative) every year.
pub fn shift_growth(s: &mut Scenario, points: Decimal) {
    let g = &mut s.demand.growth;
    g.start = rate(g.start + points);
    g.end = rate(g.end + points);
    for v in g.by_year.values_mut() {
        *v = rate(*v + points);
    }
}

/// Every setting's cost per child `factor` times what it is.
pub fn scale_costs(s: &mut Scenario, factor: Decimal) {
    for p in s.placements.settings.0.iter_mut() {
        p.cost = (p.cost * factor).max(Decimal::ZERO).round_dp(2);
    }
}

/// Every setting's cost inflation `points` higher (lower if negative).
pub fn shift_inflation(s: &mut Scenario, points: Decimal) {
    for p in s.placements.settings.0.iter_mut() {
        p.inflation = rate(p.inflation + points);
    }
}

/// The same cost inflation in every setting.
pub fn set_inflation(s: &mut Scenario, r: Decimal) {
    for p in s.placements.settings.0.iter_mut() {
        p.inflation = rate(r);
    }
}

/// The planned share of `setting` set to `share` (held within 0–100%),
/// the other settings' planned shares rescaled in proportion so the mix
/// still adds up to 100%. Unlike the page's slider, which keeps shares to
/// 0.01 points, this keeps ten decimal places, so goal seek can land within
/// a pound or so of its target.
pub fn set_plan_share(s: &mut Scenario, setting: Setting, share: Decimal) {
    set_plan_share_keeping(s, setting, share, &PerSetting::default());
}

/// The planned shares of the settings `locked` (in the order of
/// [`Setting::ALL`]) other than `setting`, added up.
pub fn locked_plan_share(s: &Scenario, setting: Setting, locked: &PerSetting<bool>) -> Decimal {
    Setting::ALL
        .iter()
        .zip(&locked.0)
        .filter(|(x, l)| **l && **x != setting)
        .map(|(x, _)| s.placements.settings[*x].share_plan.max(Decimal::ZERO))
        .sum()
}

/// As [`set_plan_share`], keeping the shares of the `locked` settings; the
/// share is held within what they leave. With every other setting locked,
/// nothing moves.
pub fn set_plan_share_keeping(
    s: &mut Scenario,
    setting: Setting,
    share: Decimal,
    locked: &PerSetting<bool>,
) {
    let free: Vec<Setting> = Setting::ALL
        .iter()
        .zip(&locked.0)
        .filter(|(x, l)| !**l && **x != setting)
        .map(|(x, _)| *x)
        .collect();
    if free.is_empty() {
        return;
    }
    let room = (Decimal::ONE - locked_plan_share(s, setting, locked)).max(Decimal::ZERO);
    let settings = &mut s.placements.settings;
    let share = share.clamp(Decimal::ZERO, room).round_dp(RATE_DP);
    let others: Decimal = free
        .iter()
        .map(|x| settings[*x].share_plan.max(Decimal::ZERO))
        .sum();
    let rest = room - share;
    let n = Decimal::from(free.len());
    let mut placed = share;
    for x in &free {
        let p = &mut settings[*x];
        p.share_plan = if others.is_zero() {
            rest / n
        } else {
            rest * p.share_plan.max(Decimal::ZERO) / others
        }
        .round_dp(RATE_DP);
        placed += p.share_plan;
    }
    // The last few ten-billionths of rounding go to the largest free share.
    if let Some(biggest) = free.iter().max_by_key(|x| settings[**x].share_plan) {
        settings[*biggest].share_plan += room - placed;
    }
    settings[setting].share_plan = share;
}

/// The planned share of `setting` moved by `points` (others rescaled).
pub fn shift_plan_share(s: &mut Scenario, setting: Setting, points: Decimal) {
    let now = s.placements.settings[setting].share_plan;
    set_plan_share(s, setting, now + points);
}

/// Every project's planned savings counted at `factor` times its
/// confidence (achieved savings are facts and stay as they are).
pub fn scale_delivery(s: &mut Scenario, factor: Decimal) {
    let defaults = s.savings.confidence.clone();
    for p in &mut s.savings.projects {
        let c = p.confidence.unwrap_or_else(|| defaults.of(p.status));
        p.confidence = Some(
            (c * factor)
                .clamp(Decimal::ZERO, Decimal::ONE)
                .round_dp(RATE_DP),
        );
    }
}

/// The name of the project [`add_extra_saving`] adds.
pub const EXTRA_SAVING: &str = "Extra saving still to find";

/// A project saving `per_year` each year from `from` to the agreement end,
/// counted in full (replacing an earlier one of the same name).
pub fn add_extra_saving(s: &mut Scenario, from: FinYear, per_year: Decimal) {
    s.savings.projects.retain(|p| p.name != EXTRA_SAVING);
    let end = s.about.agreement_end;
    let savings = super::order::map_of(
        s.about
            .years()
            .filter(|y| *y >= from && *y <= end)
            .map(|y| (y, per_year.round_dp(2))),
    );
    s.savings.projects.push(Project {
        reference: String::new(),
        name: EXTRA_SAVING.into(),
        workstream: String::new(),
        savings,
        status: Status::OnTrack,
        confidence: Some(Decimal::ONE),
        achieved: Default::default(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::find;
    use crate::validate::validate;
    use rust_decimal_macros::dec;

    #[test]
    fn plan_share_keeps_the_mix_whole_and_in_proportion() {
        let mut s = find("average").unwrap().scenario();
        let before = s.placements.settings.map(|_, p| p.share_plan);
        set_plan_share(&mut s, Setting::Inmss, dec!(0.1234567));
        let after = s.placements.settings.map(|_, p| p.share_plan);
        assert_eq!(after.0.iter().sum::<Decimal>(), Decimal::ONE);
        assert_eq!(after[Setting::Inmss], dec!(0.1234567));
        let ratio =
            |m: &crate::PerSetting<Decimal>| m[Setting::StateSpecial] / m[Setting::Mainstream];
        assert!((ratio(&before) - ratio(&after)).abs() < dec!(0.000001));
        assert!(validate(&s).is_empty());
    }

    #[test]
    fn locked_shares_stay_put() {
        let mut s = find("haringey").unwrap().scenario();
        let before = s.placements.settings.map(|_, p| p.share_plan);
        let mut locked = PerSetting::<bool>::default();
        locked[Setting::StateSpecial] = true;
        set_plan_share_keeping(&mut s, Setting::Inmss, dec!(0.2), &locked);
        let after = s.placements.settings.map(|_, p| p.share_plan);
        assert_eq!(after[Setting::StateSpecial], before[Setting::StateSpecial]);
        assert_eq!(after[Setting::Inmss], dec!(0.2));
        assert_eq!(after.0.iter().sum::<Decimal>(), Decimal::ONE);
        // No more than the locked ones leave.
        set_plan_share_keeping(&mut s, Setting::Inmss, dec!(1), &locked);
        assert_eq!(
            s.placements.settings[Setting::Inmss].share_plan,
            Decimal::ONE - before[Setting::StateSpecial]
        );
        assert!(validate(&s).is_empty());
    }

    #[test]
    fn every_edit_keeps_a_preset_valid() {
        for id in ["average", "haringey", "southwark", "medway"] {
            let mut s = find(id).unwrap().scenario();
            shift_growth(&mut s, dec!(0.02));
            let first = s.about.first_year;
            set_growth_from(&mut s, first, dec!(-0.7));
            scale_costs(&mut s, dec!(0.9));
            shift_inflation(&mut s, dec!(-0.02));
            set_inflation(&mut s, dec!(0.04));
            shift_plan_share(&mut s, Setting::Inmss, dec!(0.02));
            scale_delivery(&mut s, dec!(0.5));
            add_extra_saving(&mut s, first, dec!(1_000_000.456));
            assert!(validate(&s).is_empty(), "{id}: {:?}", validate(&s));
            assert_eq!(s.demand.growth.by_year.values().min(), Some(&dec!(-0.5)));
        }
    }
}
