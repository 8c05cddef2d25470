//! Every English council's own figures, built into the page: EHCPs each
//! January from 2019 to 2025 and the latest placement mix (DfE SEN2), and the
//! 2023-24 High Needs Block allocation (ESFA DSG tables). The table in
//! `authorities/data.rs` is generated from `data/*.csv` by
//! `tests/authorities.rs`, which fails when the two disagree.

mod data;

use rust_decimal::Decimal;

pub use data::AUTHORITIES;

/// The first January census in [`Authority::ehcps`].
pub const FIRST_CENSUS: u16 = 2019;
/// The last January census in [`Authority::ehcps`].
pub const LAST_CENSUS: u16 = 2025;
/// Years of history the default growth is averaged over.
pub const GROWTH_YEARS: u16 = 3;

/// What the DfE data say about one council.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Authority {
    /// ONS code, e.g. `E09000014`.
    pub code: &'static str,
    /// DfE's three-digit number, e.g. 309.
    pub dfe: u16,
    /// The name as DfE spells it.
    pub name: &'static str,
    /// The region.
    pub region: &'static str,
    /// EHCPs each January from [`FIRST_CENSUS`] to [`LAST_CENSUS`]; `None`
    /// before the council existed.
    pub ehcps: [Option<u32>; 7],
    /// The January whose placements are in `placements`.
    pub placement_year: u16,
    /// Children in each of the calculator's ten settings that January, in
    /// the order of [`crate::model::setting::Setting::ALL`].
    pub placements: [u32; 10],
    /// Children with no placement recorded that January.
    pub not_recorded: u32,
    /// High Needs Block allocation for 2023-24 before deductions, in
    /// pounds; `None` where the ESFA tables have none (City of London and
    /// the Isles of Scilly).
    pub hnb_2023_24: Option<u64>,
}

/// A yearly change in EHCPs that asks for a second look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Jump {
    /// The January the count moved to.
    pub year: u16,
    /// The count the January before.
    pub from: u32,
    /// The count that January.
    pub to: u32,
}

impl Authority {
    /// EHCPs in January of `year`.
    pub fn ehcps_in(&self, year: u16) -> Option<u32> {
        let i = usize::from(year.checked_sub(FIRST_CENSUS)?);
        self.ehcps.get(i).copied().flatten()
    }

    /// The latest count (January [`LAST_CENSUS`]).
    pub fn latest(&self) -> u32 {
        self.ehcps_in(LAST_CENSUS).unwrap_or(0)
    }

    /// The January the average growth is measured from: [`GROWTH_YEARS`]
    /// before the latest, or the council's first census if it is newer.
    pub fn growth_from(&self) -> u16 {
        (LAST_CENSUS - GROWTH_YEARS..LAST_CENSUS)
            .find(|&y| self.ehcps_in(y).is_some_and(|n| n > 0))
            .unwrap_or(LAST_CENSUS)
    }

    /// The compound average yearly growth in EHCPs from
    /// [`Self::growth_from`] to the latest January, to 0.1 points; zero where
    /// there is no history.
    pub fn recent_growth(&self) -> Decimal {
        let from = self.growth_from();
        let years = LAST_CENSUS - from;
        match (self.ehcps_in(from), years) {
            (Some(start), 1..) if start > 0 => compound_rate(
                Decimal::from(start),
                Decimal::from(self.latest()),
                u32::from(years),
            ),
            _ => Decimal::ZERO,
        }
    }

    /// Yearly moves over the growth window that look odd: a fall, or a rise
    /// of more than 30%. They are as published, but often come from a
    /// change in how plans were recorded.
    pub fn jumps(&self) -> Vec<Jump> {
        (self.growth_from() + 1..=LAST_CENSUS)
            .filter_map(|y| {
                let from = self.ehcps_in(y - 1)?;
                let to = self.ehcps_in(y)?;
                let odd = to < from || u64::from(to) * 10 > u64::from(from) * 13;
                odd.then_some(Jump { year: y, from, to })
            })
            .collect()
    }

    /// Children with a placement recorded in `placement_year`.
    pub fn placed(&self) -> u32 {
        self.placements.iter().sum()
    }

    /// The preset id for this council's national-data scenario.
    pub fn preset_id(&self) -> String {
        format!("{PRESET_PREFIX}{}", self.code)
    }
}

/// Preset ids of councils' national-data scenarios start with this.
pub const PRESET_PREFIX: &str = "la:";

/// The yearly rate `r`, to 0.001, with `from × (1 + r)^years = to`, found
/// by halving the interval [−50%, +100%] (the model's allowed range).
pub fn compound_rate(from: Decimal, to: Decimal, years: u32) -> Decimal {
    if from <= Decimal::ZERO || years == 0 {
        return Decimal::ZERO;
    }
    let target = to / from;
    let grows_to = |r: Decimal| {
        let mut x = Decimal::ONE;
        for _ in 0..years {
            x *= Decimal::ONE + r;
        }
        x
    };
    let (mut lo, mut hi) = (Decimal::new(-5, 1), Decimal::ONE);
    for _ in 0..40 {
        let mid = (lo + hi) / Decimal::TWO;
        if grows_to(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    ((lo + hi) / Decimal::TWO).round_dp(3)
}

/// The council with ONS code `code` (any case, surrounding space ignored).
pub fn find(code: &str) -> Option<&'static Authority> {
    let code = code.trim();
    AUTHORITIES
        .iter()
        .find(|a| a.code.eq_ignore_ascii_case(code))
}

/// Lower-case letters and digits of `s`, other characters as single spaces,
/// so "St. Helens" and "st helens" match. English council names and codes
/// are ASCII; keeping to ASCII here keeps Unicode's case tables out of the
/// page (about 9 KB compressed).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// How well `query` (already folded) matches a name or code: 0 for the
/// start of the name or the whole code, 1 for the start of a later word,
/// 2 anywhere else; `None` for no match.
pub fn rank(query: &str, name: &str, code: &str) -> Option<u8> {
    if query.is_empty() {
        return Some(2);
    }
    let name = fold(name);
    if name.starts_with(query) || code.eq_ignore_ascii_case(query) {
        Some(0)
    } else if name.contains(&format!(" {query}")) {
        Some(1)
    } else if name.contains(query) || fold(code).starts_with(query) {
        Some(2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn compound_rate_inverts_growth() {
        assert_eq!(compound_rate(dec!(1000), dec!(1331), 3), dec!(0.1));
        assert_eq!(compound_rate(dec!(1000), dec!(1000), 3), dec!(0));
        // Held within the allowed range.
        assert_eq!(compound_rate(dec!(2705), dec!(1199), 1), dec!(-0.5));
        assert_eq!(compound_rate(dec!(100), dec!(300), 1), dec!(1));
        assert_eq!(compound_rate(dec!(0), dec!(10), 3), dec!(0));
        assert_eq!(compound_rate(dec!(10), dec!(10), 0), dec!(0));
    }

    #[test]
    fn haringey_is_found_by_code_in_any_case() {
        let a = find(" e09000014 ").unwrap();
        assert_eq!(a.name, "Haringey");
        assert_eq!(a.dfe, 309);
        assert!(find("E0900001").is_none());
        assert!(find("").is_none());
    }

    #[test]
    fn growth_window_starts_at_the_first_census_of_new_councils() {
        let cumberland = AUTHORITIES.iter().find(|a| a.name == "Cumberland").unwrap();
        assert_eq!(cumberland.growth_from(), 2024);
        let haringey = find("E09000014").unwrap();
        assert_eq!(haringey.growth_from(), 2022);
    }

    #[test]
    fn odd_moves_are_noticed() {
        let newham = AUTHORITIES.iter().find(|a| a.name == "Newham").unwrap();
        assert!(newham.jumps().contains(&Jump {
            year: 2025,
            from: 2705,
            to: 1199
        }));
        let nottingham = AUTHORITIES.iter().find(|a| a.name == "Nottingham").unwrap();
        assert!(nottingham.jumps().iter().any(|j| j.year == 2024));
    }

    #[test]
    fn names_match_by_start_then_word_then_anywhere() {
        assert_eq!(fold("St. Helens"), "st helens");
        assert_eq!(rank("st helens", "St. Helens", "E08000013"), Some(0));
        assert_eq!(rank("helens", "St. Helens", "E08000013"), Some(1));
        assert_eq!(rank("elen", "St. Helens", "E08000013"), Some(2));
        assert_eq!(rank("e08000013", "St. Helens", "E08000013"), Some(0));
        assert_eq!(rank("e0800", "St. Helens", "E08000013"), Some(2));
        assert_eq!(rank("zzz", "St. Helens", "E08000013"), None);
    }
}
