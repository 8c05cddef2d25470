//! The number type the projection runs on. The deterministic projection
//! runs on `Decimal`; simulations may run the very same code on `f64`.

use std::ops::{Add, Mul, Neg, Sub};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// What the projection needs of a number: `+ − ×`, ordering and conversion
/// from `Decimal`. No division, so nothing can divide by zero. For
/// `Decimal`, validation bounds every input so that no sum or product can
/// overflow.
pub trait Num:
    Copy
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Neg<Output = Self>
    + std::fmt::Debug
    + 'static
{
    /// Zero.
    const ZERO: Self;
    /// One.
    const ONE: Self;
    /// Converts an input.
    fn from_decimal(d: Decimal) -> Self;
    /// The smaller of two values.
    fn min_of(self, other: Self) -> Self {
        if other < self { other } else { self }
    }
    /// The value kept to `dp` decimal places (half away from zero) where
    /// the type has decimal places to trim; `f64` is returned as it is.
    fn trimmed(self, dp: u32) -> Self;
    /// The larger of two values.
    fn max_of(self, other: Self) -> Self {
        if other > self { other } else { self }
    }
}

impl Num for Decimal {
    const ZERO: Self = Decimal::ZERO;
    const ONE: Self = Decimal::ONE;
    fn from_decimal(d: Decimal) -> Self {
        d
    }
    fn trimmed(self, dp: u32) -> Self {
        self.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    }
}

impl Num for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    fn from_decimal(d: Decimal) -> Self {
        d.to_f64().unwrap_or(0.0)
    }
    fn trimmed(self, _dp: u32) -> Self {
        self
    }
}
