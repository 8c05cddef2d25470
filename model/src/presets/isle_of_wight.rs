//! Isle of Wight, from its May 2024 Safety Valve monitoring return (seed 002).
//!
//! The return is a progress report, not a financial plan. It prints growth
//! (9% now, 4.5% from September 2025), the Studio School's saving (£900k a
//! year: four pupils who would have gone to £250k mainland placements, at
//! £25k each on the island), the saving at the Island Learning Centre
//! (£226k) and two pressures of 2023-24 (£288k and £88k); no deficit,
//! spending, costs, EHCP counts or payments. So the preset starts in
//! 2024-25, the year the return looks forward from, at the island's
//! published figures (the DSG balance at 31 March 2024, which already holds
//! 2023-24's pressures, EHCPs in January 2025, spending anchored to the
//! 2024-25 outturn), and puts the return's plan on top. Each effect is
//! counted once: the Studio School as its saving, not again as places.

use crate::field::{Field, Run};
use crate::node::Group;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::by_year;
use crate::scenario::{ByYear, Growth, Project, Scenario, SourceKind::*, Status};

const SEED: &str =
    "Isle of Wight Council, Safety Valve monitoring template, submitted 31 May 2024 (seed 002)";

/// The Studio School's saving a year: 4 × (£250,000 − £25,000).
pub const STUDIO_SCHOOL: Decimal = dec!(900_000);

/// The Island Learning Centre's reduction in spend.
pub const ILC: Decimal = dec!(226_000);

/// The preset.
pub fn scenario() -> Scenario {
    let a = crate::authorities::find("E06000046").expect("the Isle of Wight is in the data");
    let mut b = super::council::base(a, super::council::NOW, 2027, 2025);
    b.about(
        Illustrative,
        &format!("2024-25, the year the return looks forward from, to 2029-30. The return does not give the agreement's end year; 2027-28, when the statutory override ends, is illustrative: {SEED}."),
    );
    b.s.demand.growth = Growth::constant(dec!(0.045));
    b.cite(
        Group::Growth(Run::Plan),
        Seed,
        &format!("'with our growth model resit now at 9% but dropping for September 2025 to 4.5%' (condition 1): 4.5% a year from 2025-26, the first census after September 2025: {SEED}. The return does not say how long 4.5% holds; here it holds to 2029-30."),
    );
    b.s.baseline.growth = Growth::constant(dec!(0.09));
    b.cite(
        Group::Growth(Run::Baseline),
        Illustrative,
        &format!("9%, the return's growth 'now', held by us as the growth without the plan, since the return puts the fall to 4.5% down to its outreach work: {SEED}."),
    );
    let years: Vec<u16> = (2024..=2029).collect();
    let studio: ByYear = years
        .iter()
        .map(|y| {
            let v = if *y == 2024 {
                // September 2024 to March 2025: seven months of the year.
                (STUDIO_SCHOOL * dec!(7) / dec!(12)).round()
            } else {
                STUDIO_SCHOOL
            };
            (super::year(*y), v)
        })
        .collect();
    b.s.savings.projects.push(Project {
        reference: "C7".into(),
        name: "Studio School at St George's: island places instead of mainland placements".into(),
        workstream: "Condition 2: sufficiency of local places".into(),
        savings: studio,
        status: Status::OnTrack,
        confidence: None,
        achieved: ByYear::new(),
    });
    b.cite(
        Group::Project(0),
        Seed,
        &format!("'Studio school 4 pupils would have gone off Island on 250k placements each, and the creation of the Studio School at 25k each placements has saved 900K per year' (condition 7), with the expansion 'agreed for September 2024' (condition 2): {SEED}. By us: seven twelfths of the year in 2024-25, and the status (the return's RAG colours are not in the text). Counted once, here: the expansion's places are not added again, and the £250k and £25k stay inside this saving rather than setting any setting's cost."),
    );
    b.cite(
        Field::ProjectSaving(0, super::year(2024)),
        Illustrative,
        &format!("Seven twelfths of the £900k a year, for September 2024 to March 2025: our reading of 'agreed for September 2024': {SEED}."),
    );
    b.s.savings.projects.push(Project {
        reference: "C5".into(),
        name: "Island Learning Centre: reduced primary provision".into(),
        workstream: "Condition 5: alternative provision".into(),
        savings: by_year(&years.iter().map(|y| (*y, ILC)).collect::<Vec<_>>()),
        status: Status::OnTrack,
        confidence: None,
        achieved: ByYear::new(),
    });
    b.cite(
        Group::Project(1),
        Illustrative,
        &format!("'Estimated reduction in spend at ILC is £226k for 20 FTEs' (condition 5): {SEED}. By us: a year from 2024-25 (the return gives no period or start), and the status. The return's 2023-24 pressures (positive behaviour support £288k, post-16 activity £88k) are in the published balance carried in, so they are not added again."),
    );
    super::council::anchor(&mut b, a);
    b.build()
}
