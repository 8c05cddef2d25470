//! Isle of Wight, from its May 2024 Safety Valve monitoring return (seed 002).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use super::{Builder, by_year};
use crate::model::scenario::{ByYear, Growth, Places, Project, Scenario, SourceKind::*, Status};
use crate::model::setting::Setting;

const SEED: &str =
    "Isle of Wight Council, Safety Valve monitoring template, submitted 31 May 2024 (seed 002)";

/// The factor on national costs per child at which the first year's
/// in-year deficit equals the latest published yearly growth of the
/// authority's deficit (from `calibrate::cost_scale_for_first_balance`).
pub const CALIBRATED_COST_FACTOR: Decimal = dec!(0.7714);

/// The authority's latest published yearly deficit growth (2021-22).
pub const LATEST_IN_YEAR_DEFICIT: Decimal = dec!(2_044_000);

/// The preset: national costs per child scaled by the calibrated factor.
pub fn scenario() -> Scenario {
    let mut s = uncalibrated();
    super::calibrate::apply_cost_factor(
        &mut s,
        CALIBRATED_COST_FACTOR,
        "the factor at which the first year's in-year deficit is £2.0m, the growth of the Isle of Wight's DSG deficit in 2021-22 (from £4.3m to £6.3m): DfE's DSG balance as a share of the grant (SEND and AP inclusion dashboard); whole DSG, approximate.",
    );
    s
}

/// Everything but the calibrated cost factor.
pub fn uncalibrated() -> Scenario {
    let mut b = Builder::new("Isle of Wight", 2023, 7, 2027);
    b.about(
        Illustrative,
        &format!("2023-24, the year the return reports on, to 2029-30. The return does not give the agreement's end year; 2027-28, when the statutory override ends, is illustrative: {SEED}."),
    );
    b.cite(
        "placements.target_year",
        Illustrative,
        "Illustrative: the plan's mix is reached by 2027-28.",
    );
    b.deficit_from_dsg(dec!(6_343_000), "£6.3m");
    b.ehcps_from_sen2(1662, "January 2024");
    b.s.demand.growth = Growth {
        start: dec!(0.045),
        end: dec!(0.045),
        by_year: by_year(&[(2024, dec!(0.09))]),
    };
    b.cite(
        "demand.growth",
        Seed,
        &format!("'Our growth model reset now at 9% but dropping for September 2025 to 4.5%' (condition 1): 9% into 2024-25, 4.5% a year from 2025-26: {SEED}."),
    );
    b.s.baseline.growth = Growth::constant(dec!(0.09));
    b.cite(
        "baseline.growth",
        Seed,
        &format!("9%, the return's growth model before the ordinarily available provision work takes effect, held: {SEED}."),
    );
    b.mix_from_counts(
        [847, 3, 319, 76, 17, 121, 4, 52, 82, 46],
        Data,
        &format!("Isle of Wight placements in January 2024, with the 95 not recorded spread pro rata: {SEN2}."),
    );
    let mut plan = b.s.placements.settings.map(|_, p| p.share_plan);
    plan[Setting::Inmss] -= dec!(0.01);
    plan[Setting::StateSpecial] += dec!(0.01);
    b.plan_mix(
        &plan,
        Illustrative,
        &format!("Illustrative plan: one point of the mix moves from mainland independent special schools to island special schools by 2027-28 (condition 4: 'increase maintained/academy specialist placements available on the Isle of Wight'): {SEED}."),
    );
    {
        let special = b.placement(Setting::StateSpecial);
        special.cost = dec!(25_000);
        special.places = Some(Places {
            now: dec!(319),
            new_by_year: by_year(&[(2024, dec!(15))]),
            overflow_to: Setting::Inmss,
        });
    }
    b.cite(
        "placements.settings.state_special.cost",
        Seed,
        &format!("£25k a place at the Studio School (condition 7 case studies): {SEED}."),
    );
    b.cite(
        "placements.settings.state_special.places.now",
        Seed,
        &format!("Island special schools are full: over 75 pupils need a specialist place that cannot be secured for lack of capacity (condition 4), so places now are the 319 children placed in January 2024 ({SEN2}): {SEED}."),
    );
    b.cite(
        "placements.settings.state_special.places.new_by_year",
        Seed,
        &format!("Studio School expansion at St George's from September 2024: 4 year 6 pupils earmarked for mainland INMSS and 11 secondary pupils (condition 2): {SEED}."),
    );
    b.placement(Setting::Inmss).cost = dec!(65_528);
    b.cite(
        "placements.settings.inmss.cost",
        National,
        "Average cost per child in an independent or non-maintained special school out of area, £65,528 a year: FOI returns from 51 councils, reported by Schools Week, March 2026. Mainland placements are out of area for the island.",
    );
    b.hnb_from_dsg(dec!(21_725_707), &[], "2023-24");
    b.other_spend_line(
        "Other High Needs spend",
        dec!(2_600_000),
        Illustrative,
        "Illustrative non-placement High Needs spend (outreach, central services, hospital education), about 12% of the allocation, growing 3% a year.",
    );
    b.s.savings.projects.push(Project {
        reference: "C7".into(),
        name: "Studio School: 4 pupils on the island instead of £250k mainland placements".into(),
        workstream: "Condition 4: island specialist places".into(),
        savings: (2024..=2029)
            .map(|y| (super::year(y), dec!(900_000)))
            .collect(),
        status: Status::Complete,
        confidence: None,
        achieved: ByYear::new(),
    });
    b.cite(
        "savings.projects[0]",
        Seed,
        &format!("'Studio school 4 pupils would have gone off Island on 250k placements each. However, the creation of the Studio School at 25k each placements has saved 900K per year' (condition 7 case studies): {SEED}."),
    );
    b.s.savings.projects.push(Project {
        reference: "C5".into(),
        name: "Primary Behaviour Service replaces primary provision at the ILC".into(),
        workstream: "Condition 5: early intervention".into(),
        savings: by_year(&[(2023, dec!(-288_000))])
            .into_iter()
            .chain((2024..=2029).map(|y| (super::year(y), dec!(226_000))))
            .collect(),
        status: Status::OnTrack,
        confidence: None,
        achieved: by_year(&[(2023, dec!(-288_000))]),
    });
    b.cite(
        "savings.projects[1]",
        Seed,
        &format!("A pressure of £288k in 2023-24 from launching the service early, then an estimated £226k a year less spend at the ILC (condition 5): {SEED}."),
    );
    b.cite(
        "agreement",
        Seed,
        &format!("The return does not give the DfE payment schedule; add it in the agreement panel: {SEED}."),
    );
    b.build()
}
