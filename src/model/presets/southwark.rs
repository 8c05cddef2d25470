//! Southwark, from its November 2024 High Needs Sub-Group update (seed 001).
//!
//! The paper publishes the unmitigated and mitigated forecast deficits, the
//! Safety Valve funding and the remaining deficit for 2022-23 to 2026-27, but
//! not the spending behind them. The preset takes EHCPs, the placement mix
//! and the HNB allocation from DfE data and national costs, then two
//! calibrated lines reproduce the paper: other spend for the unmitigated
//! forecast, and one savings line for the plan's net effect.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use super::{Builder, by_year};
use crate::model::scenario::{ByYear, Growth, Project, Scenario, Series, SourceKind::*, Status};

const SEED: &str = "Southwark, Safety Valve Progress, High Needs Sub-Group Update, November 2024 (seed 001), 'Safety Valve Funding Agreement' table";

/// The paper's unmitigated forecast deficit, £.
pub const UNMITIGATED: [(u16, Decimal); 5] = [
    (2022, dec!(24_000_000)),
    (2023, dec!(30_000_000)),
    (2024, dec!(41_000_000)),
    (2025, dec!(55_000_000)),
    (2026, dec!(72_000_000)),
];
/// The paper's mitigated forecast, £.
pub const MITIGATED: [(u16, Decimal); 5] = [
    (2022, dec!(23_900_000)),
    (2023, dec!(24_100_000)),
    (2024, dec!(23_600_000)),
    (2025, dec!(23_100_000)),
    (2026, dec!(23_000_000)),
];
/// Safety Valve funding, £.
pub const PAYMENTS: [(u16, Decimal); 5] = [
    (2022, dec!(9_220_000)),
    (2023, dec!(2_770_000)),
    (2024, dec!(2_770_000)),
    (2025, dec!(2_770_000)),
    (2026, dec!(5_530_000)),
];
/// The paper's remaining deficit, £.
pub const REMAINING: [(u16, Decimal); 5] = [
    (2022, dec!(14_680_000)),
    (2023, dec!(12_110_000)),
    (2024, dec!(8_840_000)),
    (2025, dec!(5_530_000)),
    (2026, dec!(0)),
];

/// Other spend that reproduces the unmitigated forecast (from
/// `calibrate::other_spend_for_path`).
const CALIBRATED_SPEND: [(u16, Decimal); 5] = [
    (2022, dec!(15980679)),
    (2023, dec!(20725306)),
    (2024, dec!(19835126)),
    (2025, dec!(17292035)),
    (2026, dec!(13879745)),
];
/// The plan's net effect that reproduces the mitigated forecast (from
/// `calibrate::savings_for_path`).
const CALIBRATED_PLAN: [(u16, Decimal); 5] = [
    (2022, dec!(100000)),
    (2023, dec!(5800000)),
    (2024, dec!(11500000)),
    (2025, dec!(14500000)),
    (2026, dec!(17100000)),
];

/// Everything but the calibrated figures (which are zero here).
pub fn uncalibrated() -> Scenario {
    let mut b = Builder::new("Southwark", 2022, 5, 2026);
    b.about(
        Seed,
        &format!("2022-23 to 2026-27, the programme's years: {SEED}."),
    );
    b.cite(
        "placements.target_year",
        Seed,
        "The plan runs to 2026-27, the programme's last year (seed 001).",
    );
    b.deficit_from_dsg(dec!(21_643_000), "£21.6m");
    b.ehcps_from_sen2(2956, "January 2023");
    // Observed growth to January 2025, then the 2019–2025 average.
    b.growth_both(
        Growth {
            start: dec!(0.08),
            end: dec!(0.08),
            by_year: by_year(&[(2023, dec!(0.0913)), (2024, dec!(0.1011))]),
        },
        Data,
        &format!("Observed growth to January 2024 (9.1%) and January 2025 (10.1%), then 8.0%, the average from 2019 to 2025: computed from {SEN2}. The paper does not give its growth assumptions, so the plan's effect is in the calibrated savings line."),
    );
    b.mix_from_counts(
        [1230, 118, 780, 153, 5, 167, 60, 47, 8, 22],
        Data,
        &format!("Southwark's placements in January 2023, with the 366 not recorded spread pro rata: {SEN2}."),
    );
    b.hnb_from_dsg(
        dec!(64_174_446),
        &[(2023, dec!(71_872_773))],
        "2022-23 and 2023-24",
    );
    b.other_spend(
        "Other High Needs spend (calibrated)",
        Series::default(),
        Calibrated,
        &format!("Spend the paper does not break down, chosen year by year so that the model's unmitigated forecast equals the paper's £24m, £30m, £41m, £55m and £72m: {SEED}."),
    );
    b.s.agreement.payments = by_year(&PAYMENTS);
    b.cite(
        "agreement.payments",
        Seed,
        &format!("Safety Valve funding: {SEED}."),
    );
    b.s.agreement.agreed_path = by_year(&MITIGATED);
    b.cite(
        "agreement.agreed_path",
        Seed,
        &format!("Mitigated forecast: {SEED}."),
    );
    b.s.agreement.conditional = true;
    b.s.savings.projects.push(Project {
        reference: "SV".into(),
        name: "Safety Valve plan: net effect of the nine conditions (calibrated)".into(),
        workstream: "Safety Valve conditions 1–9".into(),
        savings: ByYear::new(),
        status: Status::OnTrack,
        confidence: Some(Decimal::ONE),
        achieved: ByYear::new(),
    });
    b.cite(
        "savings.projects[0]",
        Calibrated,
        &format!("The difference between the paper's mitigated and unmitigated forecasts, counted in full: {SEED}."),
    );
    b.build()
}

pub fn scenario() -> Scenario {
    let mut s = uncalibrated();
    if let Some(line) = s.other_spend.first_mut() {
        line.amount.by_year = by_year(&CALIBRATED_SPEND);
    }
    if let Some(p) = s.savings.projects.first_mut() {
        p.savings = by_year(&CALIBRATED_PLAN);
    }
    s
}
