//! Chart geometry: scales and ticks for the page's SVG charts. Coordinates
//! are screen positions, so they are `f64`; the figures themselves arrive as
//! `Decimal` and are converted only here, for drawing.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The drawing area inside an SVG of `width` × `height`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// SVG width.
    pub width: f64,
    /// SVG height.
    pub height: f64,
    /// Space for the y axis labels.
    pub left: f64,
    /// Space for line labels.
    pub right: f64,
    /// Space above.
    pub top: f64,
    /// Space for the x axis labels.
    pub bottom: f64,
}

impl Frame {
    /// The standard frame.
    pub const fn new(width: f64, height: f64, right: f64) -> Self {
        Frame {
            width,
            height,
            left: 56.0,
            right,
            top: 12.0,
            bottom: 44.0,
        }
    }

    /// Plot width.
    pub fn plot_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    /// Plot height.
    pub fn plot_height(&self) -> f64 {
        self.height - self.top - self.bottom
    }

    /// x of the centre of slot `i` of `n`.
    pub fn x(&self, i: usize, n: usize) -> f64 {
        let slot = self.plot_width() / n.max(1) as f64;
        self.left + slot * (i as f64 + 0.5)
    }

    /// Width of one slot of `n`.
    pub fn slot(&self, n: usize) -> f64 {
        self.plot_width() / n.max(1) as f64
    }
}

/// A linear scale from values to y positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    /// Lowest value shown.
    pub min: f64,
    /// Highest value shown.
    pub max: f64,
    /// Tick values.
    pub ticks: Vec<f64>,
}

impl Scale {
    /// A scale covering `values` (and zero) with round ticks.
    pub fn covering(values: impl IntoIterator<Item = f64>) -> Self {
        let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
        for v in values {
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        if hi - lo < 1e-9 {
            hi = lo + 1.0;
        }
        let step = nice_step((hi - lo) / 5.0);
        let min = (lo / step).floor() * step;
        let max = (hi / step).ceil() * step;
        let mut ticks = Vec::new();
        let mut t = min;
        while t <= max + step * 1e-6 && ticks.len() < 20 {
            ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
            t += step;
        }
        Scale { min, max, ticks }
    }

    /// y for value `v` in `frame`.
    pub fn y(&self, frame: &Frame, v: f64) -> f64 {
        let span = (self.max - self.min).max(1e-12);
        frame.top + frame.plot_height() * (1.0 - (v - self.min) / span)
    }
}

/// A round step (1, 2, 2.5 or 5 × 10ⁿ) at or above `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if p * m >= raw * (1.0 - 1e-9) {
            return p * m;
        }
    }
    p * 10.0
}

/// A `Decimal` in millions, for drawing.
pub fn in_millions(d: Decimal) -> f64 {
    d.checked_div(Decimal::from(1_000_000))
        .and_then(|m| m.to_f64())
        .unwrap_or(0.0)
}

/// A `Decimal` count, for drawing.
pub fn as_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Writes `x` to one decimal place (halves rounded away from zero; what is
/// not finite as `0.0`), as chart coordinates and labels are written. It
/// uses integer formatting only: the standard library's float formatting
/// would add about 5 KB (brotli) to the page's WebAssembly.
pub fn put(out: &mut String, x: f64) {
    let tenths = if x.is_finite() {
        (x * 10.0).round() as i64
    } else {
        0
    };
    if tenths < 0 {
        out.push('-');
    }
    let a = tenths.unsigned_abs();
    let _ = write!(out, "{}.{}", a / 10, a % 10);
}

/// `x` to one decimal place, as [`put`] writes it.
pub fn num(x: f64) -> String {
    let mut out = String::new();
    put(&mut out, x);
    out
}

/// `x` to the nearest whole number (what is not finite as 0).
pub fn whole(x: f64) -> i64 {
    if x.is_finite() { x.round() as i64 } else { 0 }
}

/// A tick label: whole numbers without decimals, others to one place, or
/// two where one would not be exact (a step of 0.25).
pub fn tick_label(v: f64, prefix: &str, suffix: &str) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let body = if (a - a.round()).abs() < 1e-9 {
        group(a.round() as u64)
    } else if (a * 10.0 - (a * 10.0).round()).abs() < 1e-6 {
        num(a)
    } else {
        let hundredths = whole(a * 100.0).unsigned_abs();
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
    };
    format!("{sign}{prefix}{body}{suffix}")
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && s.len().saturating_sub(i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Moves label positions apart so no two are closer than `gap`, keeping
/// their order; returns the new positions in the input order.
pub fn spread_labels(ys: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    crate::model::order::sort_small_by(&mut order, |a, b| ys[*a].total_cmp(&ys[*b]));
    let mut placed = vec![0.0; ys.len()];
    let mut last = f64::NEG_INFINITY;
    for &i in &order {
        let y = ys[i].max(last + gap).max(lo);
        placed[i] = y;
        last = y;
    }
    // If the last label ran off the bottom, shift the stack up.
    if let Some(&i) = order.last() {
        let over = placed[i] - hi;
        if over > 0.0 {
            for p in placed.iter_mut() {
                *p -= over;
            }
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_have_round_ticks_including_zero() {
        let s = Scale::covering([24.0, 72.0, -0.06]);
        assert_eq!(s.ticks.first(), Some(&-20.0));
        assert!(s.ticks.contains(&0.0));
        assert_eq!(s.ticks.last(), Some(&80.0));
        let s = Scale::covering([0.0]);
        assert_eq!((s.min, s.max), (0.0, 1.0));
        assert_eq!(nice_step(0.3), 0.5);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn labels() {
        assert_eq!(tick_label(-20.0, "£", "m"), "-£20m");
        assert_eq!(tick_label(2.5, "£", "m"), "£2.5m");
        assert_eq!(tick_label(0.25, "£", "m"), "£0.25m");
        assert_eq!(tick_label(-0.75, "£", "m"), "-£0.75m");
        assert_eq!(tick_label(12000.0, "", ""), "12,000");
        let ys = spread_labels(&[10.0, 11.0, 50.0], 14.0, 0.0, 100.0);
        assert_eq!(ys, vec![10.0, 24.0, 50.0]);
        let ys = spread_labels(&[99.0, 98.0], 14.0, 0.0, 100.0);
        assert!(ys.iter().all(|y| *y <= 100.0));
        assert!((ys[0] - ys[1]).abs() >= 14.0 - 1e-9);
    }

    #[test]
    fn numbers_are_written_to_one_place_as_the_standard_library_would() {
        for x in [
            0.0,
            12.0,
            2.5,
            -20.0,
            123.44,
            99.96,
            -3.21,
            1_234_567.8,
            0.04,
            7.349,
        ] {
            assert_eq!(num(x), format!("{x:.1}"), "{x}");
        }
        // Halves away from zero; -0.0 and what is not finite as 0.0.
        assert_eq!(num(0.25), "0.3");
        assert_eq!(num(-0.04), "0.0");
        assert_eq!(num(f64::NAN), "0.0");
        assert_eq!(num(f64::INFINITY), "0.0");
        assert!(!num(1e300).is_empty());
        assert_eq!((whole(639.6), whole(-0.4), whole(f64::NAN)), (640, 0, 0));
    }
}

/// Props of [`ChartTable`].
#[derive(yew::Properties, PartialEq, Clone)]
pub struct ChartTableProps {
    /// The words that open it ("Show these figures as a table").
    pub summary: yew::AttrValue,
    /// The name of the scrolling region, for screen readers.
    pub label: yew::AttrValue,
    /// The table's caption (read by screen readers).
    pub caption: yew::AttrValue,
    /// The table's `id`, if tests or links need one.
    #[prop_or_default]
    pub id: Option<yew::AttrValue>,
    /// The table's head and body.
    pub children: yew::Html,
}

/// A chart's figures as a table, closed until asked for: every chart has
/// one, so nothing is only in a picture.
#[yew::component]
pub fn ChartTable(p: &ChartTableProps) -> yew::Html {
    use yew::html;
    html! {
        <crate::app::disclosure::Disclosure class="details chart__table" summary={html! { { p.summary.clone() } }}>
            <div class="table-wrap" tabindex="0" role="region" aria-label={p.label.clone()}>
                <table class="table" id={p.id.clone()}>
                    <caption class="visually-hidden">{ p.caption.clone() }</caption>
                    { p.children.clone() }
                </table>
            </div>
        </crate::app::disclosure::Disclosure>
    }
}
