//! Every English council's own figures, built into the page: EHCPs each
//! January from 2019 to 2025 and the latest placement mix (DfE SEN2); High
//! Needs Block allocations 2019-20 to 2023-24 (ESFA DSG tables); high needs
//! spending 2017-18 to 2024-25 and the DSG balance at 31 March 2024 (DfE
//! section 251 outturn); the DSG deficit 2019-20 to 2021-22 (DfE's DSG
//! deficit measure); and the council's Safety Valve agreement or Delivering
//! Better Value tranche. The table in `authorities/data.rs` is generated
//! from `data/*.csv` by `tests/authorities.rs`, which fails when the two
//! disagree. `data/README.md` says where each figure comes from.

#[cfg(feature = "ages")]
mod ages;
mod data;

use rust_decimal::Decimal;

#[cfg(feature = "ages")]
pub use ages::AGE_DATA;
/// Built without the `ages` feature: no council's figures by age.
#[cfg(not(feature = "ages"))]
pub static AGE_DATA: [AgeData; 0] = [];
pub use data::AUTHORITIES;

/// What SEN2 says about one council's plans by age (generated into
/// `authorities/ages.rs` by `tests/ages.rs` from `data/sen2_la_age_*.csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeData {
    /// ONS code (`E92000001` for England).
    pub code: &'static str,
    /// Plans by age (under 3, 3, …, 25) in January 2024 and January 2025.
    pub january: [[u32; crate::age::AGES]; 2],
    /// New plans made in calendar 2024, by age when the plan started.
    pub new_2024: crate::age::PublishedFlow,
    /// Plans ended in calendar 2024, by age when the plan ended.
    pub ended_2024: crate::age::PublishedFlow,
    /// Plans by age and setting (in the order of
    /// [`crate::setting::Setting::ALL`]) in January of `settings_year`.
    pub settings: [[u32; 10]; crate::age::AGES],
    /// The January of `settings`: 2025, or 2024 where 2025 has no
    /// placements.
    pub settings_year: u16,
    /// Flow figures suppressed in the source (counted as none).
    pub suppressed: u16,
}

/// The age data of the council with ONS code `code`.
pub fn ages_of(code: &str) -> Option<&'static AgeData> {
    AGE_DATA.iter().find(|a| a.code == code)
}

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
    /// the order of [`crate::setting::Setting::ALL`].
    pub placements: [u32; 10],
    /// Children with no placement recorded that January.
    pub not_recorded: u32,
    /// High Needs Block allocation before deductions, in pounds, for
    /// 2019-20 to 2023-24 (ESFA DSG allocation tables, as held in October
    /// 2023); `None` where the tables have none (City of London and the
    /// Isles of Scilly; the new Cumbrian councils before 2023-24).
    pub hnb_before: [Option<u32>; 5],
    /// The same after the ESFA's deductions for high needs places it funds
    /// directly (in academies, free schools and colleges).
    pub hnb_after: [Option<u32>; 5],
    /// The DSG cumulative deficit at the end of 2019-20 to 2021-22, in
    /// pounds (positive is a deficit), back-calculated from DfE's published
    /// percentage of total DSG: about ±£15,000.
    pub deficit_estimate: [Option<i32>; 3],
    /// The DSG balance carried forward at 31 March 2024 (section 251
    /// outturn 2023-24, line 1.9.3), in pounds, positive a deficit, net of
    /// any Safety Valve payments received; `None` where not published.
    pub dsg_balance_2024: Option<i32>,
    /// High needs net expenditure, section 251 outturn lines 1.2.1 to
    /// 1.2.13, 2017-18 to 2024-25, in pounds. It leaves out place funding.
    pub hn_spend: [Option<u32>; 8],
    /// The council's Safety Valve agreement, if it has one.
    pub safety_valve: SafetyValve,
    /// Its Delivering Better Value tranche (1 or 2), or 0.
    pub dbv_tranche: u8,
}

/// A council's place in the DfE's Safety Valve programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafetyValve {
    /// No agreement known (33 of the 38 agreements are listed in the data).
    No,
    /// An agreement made in the financial year starting in this year.
    Signed(u16),
    /// An agreement whose year is not published in the data.
    SignedYearUnknown,
}

/// The first financial year of [`Authority::hnb_before`] (2019-20).
pub const FIRST_ALLOCATION: u16 = 2019;
/// The first financial year of [`Authority::hn_spend`] (2017-18).
pub const FIRST_SPEND: u16 = 2017;
/// The first financial year of [`Authority::deficit_estimate`] (2019-20).
pub const FIRST_DEFICIT_ESTIMATE: u16 = 2019;

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
        self.growth_from_as_of(LAST_CENSUS)
    }

    /// The January the average growth to January `census` is measured
    /// from: [`GROWTH_YEARS`] before it, or the council's first census if
    /// that is later.
    pub fn growth_from_as_of(&self, census: u16) -> u16 {
        (census.saturating_sub(GROWTH_YEARS)..census)
            .find(|&y| self.ehcps_in(y).is_some_and(|n| n > 0))
            .unwrap_or(census)
    }

    /// The compound average yearly growth in EHCPs from
    /// [`Self::growth_from`] to the latest January, to 0.1 points; zero where
    /// there is no history.
    pub fn recent_growth(&self) -> Decimal {
        self.growth_as_of(LAST_CENSUS)
    }

    /// The same growth as it could be measured in January `census`, from
    /// the counts published by then.
    pub fn growth_as_of(&self, census: u16) -> Decimal {
        let from = self.growth_from_as_of(census);
        let years = census.saturating_sub(from);
        match (self.ehcps_in(from), self.ehcps_in(census), years) {
            (Some(start), Some(end), 1..) if start > 0 => {
                compound_rate(Decimal::from(start), Decimal::from(end), u32::from(years))
            }
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

    /// The High Needs Block allocation before deductions in the financial
    /// year starting in `year` (2019 for 2019-20), in pounds.
    pub fn allocation(&self, year: u16) -> Option<u64> {
        at(&self.hnb_before, year, FIRST_ALLOCATION).map(u64::from)
    }

    /// The ESFA's deductions for directly funded places from the allocation
    /// in the financial year starting in `year`, in pounds.
    pub fn deductions(&self, year: u16) -> Option<u64> {
        let after = at(&self.hnb_after, year, FIRST_ALLOCATION)?;
        self.allocation(year)?.checked_sub(u64::from(after))
    }

    /// High needs net expenditure (section 251 lines 1.2) in the financial
    /// year starting in `year` (2024 for 2024-25), in pounds.
    pub fn spend(&self, year: u16) -> Option<u64> {
        at(&self.hn_spend, year, FIRST_SPEND).map(u64::from)
    }

    /// The DSG balance at the end of the financial year starting in `year`,
    /// in pounds (positive a deficit), and whether it is an estimate: the
    /// published outturn for 2023-24, DfE's percentage back-calculated for
    /// 2019-20 to 2021-22.
    pub fn balance(&self, year: u16) -> Option<(i64, bool)> {
        if year == 2023 {
            return self.dsg_balance_2024.map(|b| (i64::from(b), false));
        }
        at(&self.deficit_estimate, year, FIRST_DEFICIT_ESTIMATE).map(|b| (i64::from(b), true))
    }

    /// The preset id for this council's national-data scenario.
    pub fn preset_id(&self) -> String {
        format!("{PRESET_PREFIX}{}", self.code)
    }
}

/// Item `year − first` of `values`.
fn at<T: Copy>(values: &[Option<T>], year: u16, first: u16) -> Option<T> {
    values
        .get(usize::from(year.checked_sub(first)?))
        .copied()
        .flatten()
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
