//! Southwark, from its November 2024 High Needs Sub-Group update (seed 001).
//!
//! The paper publishes the unmitigated and mitigated forecast deficits, the
//! Safety Valve funding and the remaining deficit for 2022-23 to 2026-27, and
//! nothing of the spending, children or costs behind them. So the preset is
//! Southwark's own published data (as every council's is), with the paper's
//! agreement on top; nothing is calibrated to the paper's results. Whether
//! the plan clears the deficit is what the model finds, and the page says
//! where that differs from the paper.

use crate::node::Group;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::by_year;
use super::national::SEN2;
use crate::scenario::{ByYear, Project, Scenario, SourceKind::*, Status};

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

/// The plan's yearly savings as the paper's two forecasts give them: the
/// growth each year in the gap between its unmitigated and mitigated
/// cumulative deficits (a gap of £0.1m, £5.9m, £17.4m, £31.9m and £49.0m).
pub fn plan_savings() -> ByYear {
    let mut out = ByYear::new();
    let mut before = Decimal::ZERO;
    for ((y, u), (_, m)) in UNMITIGATED.iter().zip(MITIGATED.iter()) {
        let gap = *u - *m;
        out.insert(super::year(*y), gap - before);
        before = gap;
    }
    out
}

/// Southwark as its paper and its published figures give it: the
/// agreement (payments, the mitigated forecast as the agreed path, the
/// plan's savings as the gap between the paper's two forecasts) on top of
/// its own published data, as every council's preset starts from (the
/// deficit at the end of 2021-22, EHCPs, the mix in January 2023, the
/// allocation, and first-year spending anchored to its 2022-23 outturn).
/// The paper prints no spending, costs or growth, so the model's forecast
/// without the plan is the published data's, not the paper's; the page
/// sets the two side by side.
pub fn scenario() -> Scenario {
    let a = crate::authorities::find("E09000028").expect("Southwark is in the data");
    let v = super::council::Vintage {
        census: 2023,
        year: 2022,
        years: 5,
    };
    let mut b = super::council::base(a, v, 2026, 2025);
    b.about(
        Seed,
        &format!("2022-23 to 2026-27, the programme's years ('over the life of the programme (2022-2027)'): {SEED}."),
    );
    b.cite(
        Group::TargetYear,
        Illustrative,
        "The paper gives no planned mix, so today's is held to 2026-27, the programme's last year.",
    );
    b.mix_from_counts(
        [1230, 118, 780, 153, 5, 167, 60, 47, 8, 22],
        Data,
        &format!("Southwark's placements in January 2023, the first year's census, with the 366 not recorded spread pro rata: {SEN2}. The paper gives no mix, so it is held in the plan."),
    );
    b.s.agreement.payments = by_year(&PAYMENTS);
    b.cite(
        Group::Payments,
        Seed,
        &format!("Safety Valve funding, £9.22m, £2.77m, £2.77m, £2.77m and £5.53m: {SEED}."),
    );
    b.s.agreement.agreed_path = by_year(&MITIGATED);
    b.cite(
        Group::AgreedPath,
        Seed,
        &format!("The mitigated forecast, £23.9m, £24.1m, £23.6m, £23.1m and £23m, printed to £0.1m (the remaining deficit row implies £23.06m for the last two years): {SEED}."),
    );
    b.s.agreement.conditional = false;
    b.cite(
        Group::Conditional,
        Illustrative,
        "The DfE pays in return for keeping to the agreement, but the paper gives no rule for withholding a payment, so every payment is counted as paid. Turn on \"Payments depend on staying on the agreed path\" to see the risk.",
    );
    b.s.agreement.expected_clear = Some(super::year(2026));
    b.cite(
        Group::ExpectedClear,
        Seed,
        &format!("The remaining deficit reaches £0 in 2026-27: {SEED}."),
    );
    b.s.savings.projects.push(Project {
        reference: "SV".into(),
        name: "Safety Valve plan: the nine conditions together".into(),
        workstream: "Safety Valve conditions 1–9".into(),
        savings: plan_savings(),
        status: Status::OnTrack,
        confidence: Some(Decimal::ONE),
        achieved: ByYear::new(),
    });
    b.cite(
        Group::Project(0),
        Illustrative,
        &format!("The paper prints its unmitigated (£24m, £30m, £41m, £55m, £72m) and mitigated forecasts but no savings: each year's saving here is the growth that year in the gap between the two (£0.1m, £5.8m, £11.5m, £14.5m, £17.1m), counted in full. It is the plan as the paper gives it, set against the published figures rather than the paper's own forecast without the plan: {SEED}."),
    );
    super::council::anchor(&mut b, a);
    super::council::follow_outturn(&mut b, a);
    super::council::through_published_balance(&mut b, a);
    b.build()
}
