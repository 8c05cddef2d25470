//! National figures for defaults, each with its published source (named in
//! the `Source` it is cited with; the method page lists every default).

use crate::field::{Field, Mix};
use crate::node::Node;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::scenario::{Placement, Source, SourceKind};
use crate::setting::{PerSetting, Setting};

/// Local authorities with SEND duties in England (DfE SEN2).
pub const AUTHORITIES: Decimal = dec!(153);
/// EHCPs in England, January 2025 (DfE SEN2 2025).
pub const EHCPS_2025: Decimal = dec!(638_745);
/// High needs funding in England, 2024-25 (National Audit Office, October 2024).
pub const HIGH_NEEDS_2024_25: Decimal = dec!(10_700_000_000);
/// National DSG deficits, 2024-25 (Institute for Fiscal Studies, December 2024).
pub const DSG_DEFICITS_2024_25: Decimal = dec!(3_300_000_000);

/// Source text for the SEN2 national figures.
pub const SEN2: &str = "DfE, Education, health and care plans (SEN2), reporting year 2025";

/// The national placement mix in January 2025, counts by setting, from the
/// SEN2 caseload (England row), with "not recorded" spread pro rata.
pub const MIX_2025: [u32; 10] = [
    253_712, 24_524, 159_852, 34_028, 4_858, 78_483, 9_675, 17_281, 4_524, 32_469,
];

/// Yearly cost inflation assumed where no council figure is given.
pub const INFLATION: Decimal = dec!(0.03);
/// Yearly INMSS fee inflation: £57,074 growing 6% a year reaches about
/// £72,000 in four years, in line with the County Councils Network and Isos
/// Partnership projection (November 2025).
pub const INMSS_INFLATION: Decimal = dec!(0.06);

/// Default cost per child in each setting, with its source.
pub fn cost(s: Setting) -> (Decimal, SourceKind, &'static str) {
    use SourceKind::{Illustrative, National};
    match s {
        Setting::Mainstream => (
            dec!(8_000),
            Illustrative,
            "Illustrative top-up for a mainstream pupil with an EHCP; no national average was found. The school pays the first £6,000 from its notional SEN budget (DfE high needs funding arrangements).",
        ),
        Setting::ResourcedProvision => (
            dec!(16_000),
            Illustrative,
            "Illustrative: £10,000 place funding (DfE high needs funding operational guide) plus a £6,000 top-up; no national average was found.",
        ),
        Setting::StateSpecial => (
            dec!(23_907),
            National,
            "Average cost per child in a state special school, £23,907 a year: FOI returns from 51 councils, reported by Schools Week, March 2026.",
        ),
        Setting::Inmss => (
            dec!(57_074),
            National,
            "Average cost per child in an independent or non-maintained special school in area, £57,074 a year (£65,528 out of area): FOI returns from 51 councils, reported by Schools Week, March 2026.",
        ),
        Setting::AlternativeProvision => (
            dec!(18_000),
            Illustrative,
            "Illustrative: £10,000 place funding plus an £8,000 top-up; no national average was found.",
        ),
        Setting::FeCollege => (
            dec!(7_000),
            Illustrative,
            "Illustrative top-up for a student with an EHCP at a general FE college or sixth form; no national average was found.",
        ),
        Setting::SpecialistPost16 => (
            dec!(45_000),
            Illustrative,
            "Illustrative cost of a specialist post-16 institution place; no national average was found.",
        ),
        Setting::Eotas => (
            dec!(25_000),
            Illustrative,
            "Illustrative cost of an education otherwise than at school package; no national average was found.",
        ),
        Setting::EarlyYears => (
            dec!(6_000),
            Illustrative,
            "Illustrative early years top-up; no national average was found.",
        ),
        Setting::NeetOrHome => (
            dec!(0),
            Illustrative,
            "Usually no High Needs cost for young people not in education, training or employment, or home educated.",
        ),
    }
}

/// National default placements (shares from the 2025 national mix, costs
/// and inflation as above) and their sources by field.
pub fn placements() -> (PerSetting<Placement>, Vec<(Node, Source)>) {
    let shares = super::shares_from_counts(MIX_2025);
    let mut sources = Vec::new();
    let settings = PerSetting::from_fn(|i| {
        let s = Setting::ALL[i];
        let (cost, kind, detail) = cost(s);
        sources.push((Field::Cost(s).into(), Source::new(kind, detail)));
        let inflation = if s == Setting::Inmss {
            sources.push((
                Field::Inflation(s).into(),
                Source::new(
                    SourceKind::National,
                    "6% a year takes £57,074 to about £72,000 in four years, as the County Councils Network and Isos Partnership project INMSS fees will reach (November 2025).",
                ),
            ));
            INMSS_INFLATION
        } else {
            sources.push((
                Field::Inflation(s).into(),
                Source::new(
                    SourceKind::Illustrative,
                    "Illustrative 3% a year cost inflation.",
                ),
            ));
            INFLATION
        };
        for mix in [Mix::Now, Mix::Plan] {
            sources.push((
                Field::Share(mix, s).into(),
                Source::new(
                    SourceKind::National,
                    format!("England's placement mix, January 2025, with placements not recorded spread pro rata: computed from {SEN2}."),
                ),
            ));
        }
        Placement {
            share_now: shares.0[i],
            share_plan: shares.0[i],
            cost,
            inflation,
            places: None,
        }
    });
    (settings, sources)
}
