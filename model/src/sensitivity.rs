//! Which assumption matters most: each input moved on its own across a
//! plausible range, several points across it (so an effect that turns back
//! on itself is caught), and the remaining deficit at the agreement end
//! read at each. The bars of the "tornado" chart are the lowest and highest
//! results, biggest swing first.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::format::percent;
use super::projection::{RunKind, levers, simulate};
use super::scenario::Scenario;
use super::setting::Setting;
use super::whatif;

/// An input the chart moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// EHCP growth, every year of the plan, by points.
    Growth,
    /// Every setting's cost per child, by a share of itself.
    CostPerChild,
    /// Every setting's cost inflation, by points.
    Inflation,
    /// The planned share of independent special schools, by points.
    InmssShare,
    /// The share of the plan's counted savings delivered.
    SavingsDelivery,
}

impl Input {
    /// Every input, in the order the ranges are listed.
    pub const ALL: [Input; 5] = [
        Input::Growth,
        Input::CostPerChild,
        Input::Inflation,
        Input::InmssShare,
        Input::SavingsDelivery,
    ];

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Input::Growth => "EHCP growth",
            Input::CostPerChild => "Cost per child",
            Input::Inflation => "Cost inflation",
            Input::InmssShare => "Independent special school share",
            Input::SavingsDelivery => "Savings delivered",
        }
    }

    /// An identifier for the page and the tool.
    pub fn id(self) -> &'static str {
        match self {
            Input::Growth => "growth",
            Input::CostPerChild => "cost",
            Input::Inflation => "inflation",
            Input::InmssShare => "inmss",
            Input::SavingsDelivery => "delivery",
        }
    }

    /// The input whose [`id`](Input::id) is `id`.
    pub fn from_id(id: &str) -> Option<Input> {
        Input::ALL.into_iter().find(|i| i.id() == id)
    }

    /// The default plausible range: changes for the first four (points
    /// or a share, either way of the scenario), the share delivered for
    /// the last.
    pub fn default_range(self) -> (Decimal, Decimal) {
        match self {
            Input::Growth | Input::Inflation | Input::InmssShare => (dec!(-0.02), dec!(0.02)),
            Input::CostPerChild => (dec!(-0.1), dec!(0.1)),
            Input::SavingsDelivery => (dec!(0.5), dec!(1)),
        }
    }

    /// The value that leaves the scenario as it is.
    pub fn base(self) -> Decimal {
        match self {
            Input::SavingsDelivery => Decimal::ONE,
            _ => Decimal::ZERO,
        }
    }

    /// `s` with the input moved by `v`.
    pub fn apply(self, s: &Scenario, v: Decimal) -> Scenario {
        let mut out = s.clone();
        match self {
            Input::Growth => whatif::shift_growth(&mut out, v),
            Input::CostPerChild => whatif::scale_costs(&mut out, Decimal::ONE + v),
            Input::Inflation => whatif::shift_inflation(&mut out, v),
            Input::InmssShare => whatif::shift_plan_share(&mut out, Setting::Inmss, v),
            Input::SavingsDelivery => whatif::scale_delivery(&mut out, v),
        }
        out
    }

    /// A value of the range in words: "+2 points", "−10%", "50%".
    pub fn value_words(self, v: Decimal) -> String {
        let signed = |text: String| {
            if v > Decimal::ZERO {
                format!("+{text}")
            } else {
                text.replace('-', "−")
            }
        };
        match self {
            Input::Growth | Input::Inflation | Input::InmssShare => {
                signed(format!("{} points", (v * dec!(100)).normalize()))
            }
            Input::CostPerChild => signed(percent(v, 0)),
            Input::SavingsDelivery => percent(v, 0),
        }
    }
}

/// One input's range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// The input.
    pub input: Input,
    /// The low end.
    pub low: Decimal,
    /// The high end.
    pub high: Decimal,
}

/// The default ranges.
pub fn default_ranges() -> Vec<Range> {
    Input::ALL
        .iter()
        .map(|&input| {
            let (low, high) = input.default_range();
            Range { input, low, high }
        })
        .collect()
}

/// Points tried across each range, ends included.
pub const POINTS: usize = 5;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The range.
    pub range: Range,
    /// The remaining deficit at each point tried, low end first.
    pub points: Vec<(Decimal, Decimal)>,
    /// The lowest result.
    pub min: Decimal,
    /// The highest result.
    pub max: Decimal,
}

impl Bar {
    /// Highest less lowest.
    pub fn swing(&self) -> Decimal {
        self.max - self.min
    }

    /// The result at the low and the high end of the range.
    pub fn ends(&self) -> (Decimal, Decimal) {
        let first = self.points.first().map_or(self.min, |p| p.1);
        let last = self.points.last().map_or(self.max, |p| p.1);
        (first, last)
    }
}

/// The chart: the base result and a bar for each input, biggest swing
/// first.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// The remaining deficit at the agreement end as the scenario stands.
    pub base: Decimal,
    /// The bars.
    pub bars: Vec<Bar>,
}

fn remaining_at_end(s: &Scenario) -> Decimal {
    let rows = simulate(&levers::<Decimal>(s, RunKind::Mitigated));
    rows.iter()
        .find(|r| r.year == s.about.agreement_end)
        .or(rows.last())
        .map_or(Decimal::ZERO, |r| r.remaining_deficit)
}

/// Moves each input across its range (the base value included, so the base
/// result is within every bar) and sorts the bars by swing. `s` must be
/// valid.
pub fn tornado(s: &Scenario, ranges: &[Range]) -> Tornado {
    let base = remaining_at_end(s);
    let mut bars: Vec<Bar> = ranges
        .iter()
        .map(|r| {
            let (low, high) = if r.low <= r.high {
                (r.low, r.high)
            } else {
                (r.high, r.low)
            };
            let step = (high - low) / Decimal::from(POINTS - 1);
            let mut values: Vec<Decimal> = (0..POINTS)
                .map(|i| {
                    if i + 1 == POINTS {
                        high
                    } else {
                        low + step * Decimal::from(i)
                    }
                })
                .collect();
            let b = r.input.base();
            if !values.contains(&b) && b > low && b < high {
                values.push(b);
                super::order::sort_small_by(&mut values, Decimal::cmp);
            }
            let points: Vec<(Decimal, Decimal)> = values
                .into_iter()
                .map(|v| {
                    let out = if v == b {
                        base
                    } else {
                        remaining_at_end(&r.input.apply(s, v))
                    };
                    (v, out)
                })
                .collect();
            let min = points.iter().map(|p| p.1).fold(base, Decimal::min);
            let max = points.iter().map(|p| p.1).fold(base, Decimal::max);
            Bar {
                range: *r,
                points,
                min,
                max,
            }
        })
        .collect();
    super::order::sort_small_by_key(&mut bars, |b| std::cmp::Reverse(b.swing()));
    Tornado { base, bars }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::find;

    #[test]
    fn base_is_in_every_bar_and_bars_are_by_swing() {
        for id in ["average", "haringey", "southwark", "medway"] {
            let s = find(id).unwrap().scenario();
            let t = tornado(&s, &default_ranges());
            assert_eq!(t.bars.len(), 5);
            for b in &t.bars {
                assert!(b.min <= t.base && t.base <= b.max, "{id}: {:?}", b.range);
                assert!(b.points.len() >= POINTS);
            }
            for w in t.bars.windows(2) {
                assert!(w[0].swing() >= w[1].swing());
            }
        }
    }

    #[test]
    fn more_growth_means_more_deficit() {
        let s = find("average").unwrap().scenario();
        let t = tornado(&s, &default_ranges());
        let g = t
            .bars
            .iter()
            .find(|b| b.range.input == Input::Growth)
            .unwrap();
        let (lo, hi) = g.ends();
        assert!(lo < t.base && t.base < hi);
        assert_eq!(Input::Growth.value_words(dec!(-0.02)), "−2 points");
        assert_eq!(Input::CostPerChild.value_words(dec!(0.1)), "+10%");
    }
}
