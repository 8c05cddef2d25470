//! Wokingham, from its March 2024 Safety Valve update to Children's Services
//! Overview and Scrutiny (seed 003).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use super::{Builder, by_year};
use crate::model::scenario::{Growth, Places, Scenario, Series, SourceKind::*, Transfer};
use crate::model::setting::Setting;

const SEED: &str = "Wokingham Borough Council, Safety Valve Programme & SEND Improvement, update for Children's Services Overview and Scrutiny, 20 March 2024 (seed 003)";

/// The factor on national costs per child at which the first year's
/// in-year deficit equals the latest published yearly growth of the
/// authority's deficit (from `calibrate::cost_scale_for_first_balance`).
pub const CALIBRATED_COST_FACTOR: Decimal = dec!(0.8962);

/// The authority's latest published yearly deficit growth (2021-22).
pub const LATEST_IN_YEAR_DEFICIT: Decimal = dec!(3_506_000);

/// The preset: national costs per child scaled by the calibrated factor.
pub fn scenario() -> Scenario {
    let mut s = uncalibrated();
    super::calibrate::apply_cost_factor(
        &mut s,
        CALIBRATED_COST_FACTOR,
        "the factor at which the first year's in-year deficit is £3.5m, the growth of Wokingham's DSG deficit in 2021-22 (from £6.5m to £10.0m): DfE's DSG balance as a share of the grant (SEND and AP inclusion dashboard); whole DSG, approximate.",
    );
    s
}

/// Everything but the calibrated cost factor.
pub fn uncalibrated() -> Scenario {
    let mut b = Builder::new("Wokingham", 2023, 6, 2027);
    b.about(
        Illustrative,
        &format!("2023-24, the year of the update, to 2028-29. The update does not give the agreement's end year; 2027-28, when the statutory override ends, is illustrative: {SEED}."),
    );
    b.cite(
        "placements.target_year",
        Illustrative,
        "Illustrative: the plan's mix is reached by 2027-28.",
    );
    b.deficit_from_dsg(dec!(10_047_000), "£10.0m");
    b.ehcps_from_sen2(1948, "January 2024");
    b.s.baseline.growth = Growth {
        start: dec!(0.158),
        end: dec!(0.158),
        by_year: by_year(&[(2024, dec!(0.1324))]),
    };
    b.cite(
        "baseline.growth",
        Data,
        &format!("13.2%, the growth to January 2025, then 15.8%, the average from 2019 to 2024: computed from {SEN2}."),
    );
    b.s.demand.growth = Growth {
        start: dec!(0.1),
        end: dec!(0.06),
        by_year: by_year(&[(2024, dec!(0.1324))]),
    };
    b.cite(
        "demand.growth",
        Illustrative,
        &format!("13.2% to January 2025 ({SEN2}), then an illustrative plan falling from 10% to 6% as SEN support and the banding review take effect; the update says EHCP need is 'on course with projections' but gives no figures: {SEED}."),
    );
    b.mix_from_counts(
        [948, 60, 417, 177, 6, 222, 14, 31, 25, 48],
        Data,
        &format!("Wokingham's placements in January 2024: {SEN2}."),
    );
    let mut plan = b.s.placements.settings.map(|_, p| p.share_plan);
    plan[Setting::Inmss] -= dec!(0.03);
    plan[Setting::StateSpecial] += dec!(0.02);
    plan[Setting::ResourcedProvision] += dec!(0.01);
    b.plan_mix(
        &plan,
        Illustrative,
        &format!("Illustrative plan: three points move from independent special schools to state special schools (the 240 free school places) and resource bases (two primary resource bases from September 2024) by 2027-28: {SEED}."),
    );
    b.placement(Setting::StateSpecial).places = Some(Places {
        now: dec!(417),
        new_by_year: by_year(&[(2026, dec!(120)), (2027, dec!(120))]),
        overflow_to: Setting::Inmss,
    });
    b.cite(
        "placements.settings.state_special.places.now",
        Data,
        &format!("Places now taken as the 417 children in state special schools in January 2024 (after Oak Tree opened and the Addington satellite expanded): {SEN2}."),
    );
    b.cite(
        "placements.settings.state_special.places.new_by_year",
        Seed,
        &format!("Two new free schools 'ultimately providing 240 places'; opening 120 in 2026-27 and 120 in 2027-28 is illustrative: {SEED}."),
    );
    b.hnb_from_dsg(dec!(28_430_327), &[], "2023-24");
    b.s.income.schools_block_transfer = Transfer::Percent {
        rate: dec!(0.005),
        schools_block: Series {
            first: dec!(138_400_000),
            growth: dec!(0.03),
            ..Series::default()
        },
    };
    b.cite(
        "income.schools_block_transfer.rate",
        Seed,
        &format!("'Agreement from Schools Forum for 0.5% High Needs Block transfer': {SEED}."),
    );
    b.cite(
        "income.schools_block_transfer.schools_block",
        Data,
        "About £138.4m: the 2023-24 DSG (£180.9m) less the HNB (£28.4m) and an illustrative £14m for the early years and central blocks (ESFA DSG allocation tables); illustrative 3% a year growth.",
    );
    b.other_spend_line(
        "Other High Needs spend",
        dec!(3_400_000),
        Illustrative,
        &format!("Illustrative non-placement High Needs spend, about 12% of the allocation, growing 3% a year; the update notes spending on SEN support and inclusion is 'very low' against comparators: {SEED}."),
    );
    b.cite(
        "agreement",
        Seed,
        &format!("The update does not give DfE payments; add them in the agreement panel: {SEED}."),
    );
    b.build()
}
