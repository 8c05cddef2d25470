//! Financial years, April to March, written `2024-25`.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// Earliest and latest first calendar years a scenario may use.
pub const MIN_YEAR: u16 = 2000;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: u16 = 2100;

/// A financial year, held as the calendar year it starts in (`2024` is
/// `2024-25`). EHCP counts for a year are the January census inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinYear(u16);

impl FinYear {
    /// The earliest year allowed.
    pub const MIN: FinYear = FinYear(MIN_YEAR);

    /// The financial year starting in April of `start`, if within
    /// [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub fn new(start: u16) -> Option<Self> {
        (MIN_YEAR..=MAX_YEAR)
            .contains(&start)
            .then_some(Self(start))
    }

    /// The calendar year it starts in.
    pub fn start(self) -> u16 {
        self.0
    }

    /// The year `n` years later, saturating at [`MAX_YEAR`].
    pub fn plus(self, n: u16) -> Self {
        Self(self.0.saturating_add(n).min(MAX_YEAR))
    }

    /// Whole years from `self` to `later` (negative when `later` is earlier).
    pub fn years_until(self, later: FinYear) -> i32 {
        i32::from(later.0) - i32::from(self.0)
    }
}

impl fmt::Display for FinYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.0, (self.0 + 1) % 100)
    }
}

/// Why a financial year could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a financial year: write it like 2024-25, between 2000-01 and 2100-01")]
pub struct BadYear(pub String);

impl FromStr for FinYear {
    type Err = BadYear;

    /// Reads `2024-25`; also `2024/25` and `2024-2025`, as papers write them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadYear(s.chars().take(40).collect());
        let t = s.trim();
        let (a, b) = t.split_once(['-', '/', '–']).ok_or_else(bad)?;
        if a.len() != 4 || !a.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let start: u16 = a.parse().map_err(|_| bad())?;
        let year = FinYear::new(start).ok_or_else(bad)?;
        let next = start + 1;
        let ok = match b.len() {
            2 => b.parse::<u16>().ok() == Some(next % 100),
            4 => b.parse::<u16>().ok() == Some(next),
            _ => false,
        };
        if ok && b.bytes().all(|c| c.is_ascii_digit()) {
            Ok(year)
        } else {
            Err(bad())
        }
    }
}

impl Serialize for FinYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_years() {
        let y: FinYear = "2024-25".parse().unwrap();
        assert_eq!(y.start(), 2024);
        assert_eq!(y.to_string(), "2024-25");
        assert_eq!("2099-00".parse::<FinYear>().unwrap().to_string(), "2099-00");
        assert_eq!("2023/24".parse::<FinYear>().unwrap().start(), 2023);
        assert_eq!("2023-2024".parse::<FinYear>().unwrap().start(), 2023);
        for bad in [
            "2024-26", "24-25", "2024", "", "abcd-ef", "1999-00", "2101-02", "+202-03", "2024-2A",
        ] {
            assert!(bad.parse::<FinYear>().is_err(), "{bad}");
        }
    }

    #[test]
    fn orders_and_counts() {
        let a = FinYear::new(2022).unwrap();
        let b = FinYear::new(2026).unwrap();
        assert!(a < b);
        assert_eq!(a.years_until(b), 4);
        assert_eq!(b.years_until(a), -4);
        assert_eq!(FinYear::new(2099).unwrap().plus(5).start(), MAX_YEAR);
    }
}
