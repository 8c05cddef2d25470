//! Haringey, from its Safety Valve position statement for 2023-24 (seed 000).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use super::{Builder, by_year, spread};
use crate::model::scenario::{
    ByYear, Growth, Project, Scenario, Series, SourceKind::*, Status, Transfer,
};

const SEED: &str = "Haringey, Safety Valve – Position Statement for 23/24, Safety Valve Steering Group, 22 May 2024 (seed 000)";

/// A costed project from the paper's summary tables.
pub struct Costed {
    /// Reference.
    pub reference: &'static str,
    /// Name.
    pub name: &'static str,
    /// Workstream.
    pub workstream: &'static str,
    /// Overall savings by 2027-28, £ (negative is a cost).
    pub overall: Decimal,
    /// Net saving required in 2023-24, £.
    pub target_2023: Decimal,
    /// Saving achieved in 2023-24, £, where reported.
    pub achieved_2023: Option<Decimal>,
    /// A later year's saving the paper states, £.
    pub stated: &'static [(u16, Decimal)],
    /// Status read from the paper's recommendations.
    pub status: Status,
}

const A: &str = "A: earlier support";
const B: &str = "B: high needs placements and costs";

/// The fifteen costed projects (B8, the Schools Block transfer, is the
/// sixteenth and is modelled as the transfer).
pub const PROJECTS: [Costed; 15] = [
    Costed {
        reference: "A1",
        name: "Review therapeutic support for speech and language",
        workstream: A,
        overall: dec!(-821_000),
        target_2023: dec!(-187_000),
        achieved_2023: Some(dec!(-187_000)),
        stated: &[],
        status: Status::OnTrack,
    },
    Costed {
        reference: "A2",
        name: "Increase capacity of mainstream schools to meet the needs of children with autism",
        workstream: A,
        overall: dec!(1_640_000),
        target_2023: dec!(25_000),
        achieved_2023: Some(dec!(80_000)),
        stated: &[],
        status: Status::OnTrack,
    },
    Costed {
        reference: "A3",
        name: "Increase capacity of mainstream schools to meet the needs of children with SEMH",
        workstream: A,
        overall: dec!(1_200_000),
        target_2023: dec!(0),
        achieved_2023: None,
        stated: &[(2024, dec!(187_000))],
        status: Status::Delayed,
    },
    Costed {
        reference: "A4",
        name: "Thresholds and annual reviews of EHCPs",
        workstream: A,
        overall: dec!(7_587_000),
        target_2023: dec!(-156_000),
        achieved_2023: Some(dec!(-156_000)),
        stated: &[],
        status: Status::Complete,
    },
    Costed {
        reference: "A5",
        name: "Supported internships",
        workstream: A,
        overall: dec!(3_357_000),
        target_2023: dec!(0),
        achieved_2023: Some(dec!(3_000)),
        stated: &[(2024, dec!(0)), (2025, dec!(541_000))],
        status: Status::Delayed,
    },
    Costed {
        reference: "A6",
        name: "Early years",
        workstream: A,
        overall: dec!(2_319_000),
        target_2023: dec!(0),
        achieved_2023: Some(dec!(180_000)),
        stated: &[(2024, dec!(180_000))],
        status: Status::OnTrack,
    },
    Costed {
        reference: "B1.1",
        name: "Resourced provision for autism, primary (Earlsmead)",
        workstream: B,
        overall: dec!(1_094_000),
        target_2023: dec!(0),
        achieved_2023: None,
        stated: &[(2024, dec!(0))],
        status: Status::OnTrack,
    },
    Costed {
        reference: "B1.2",
        name: "Resourced provision for autism, secondary (site to be confirmed)",
        workstream: B,
        overall: dec!(2_614_000),
        target_2023: dec!(0),
        achieved_2023: None,
        stated: &[(2024, dec!(0))],
        status: Status::Delayed,
    },
    Costed {
        reference: "B2",
        name: "Cost-effective commissioning and brokerage of services post-16",
        workstream: B,
        overall: dec!(3_096_000),
        target_2023: dec!(0),
        achieved_2023: None,
        stated: &[(2024, dec!(621_000))],
        status: Status::AtRisk,
    },
    Costed {
        reference: "B3",
        name: "Complex needs places",
        workstream: B,
        overall: dec!(2_357_000),
        target_2023: dec!(0),
        achieved_2023: Some(dec!(158_000)),
        stated: &[(2024, dec!(336_000))],
        status: Status::OnTrack,
    },
    Costed {
        reference: "B4",
        name: "Remodel the alternative provision offer",
        workstream: B,
        overall: dec!(1_635_000),
        target_2023: dec!(238_000),
        achieved_2023: Some(dec!(238_000)),
        stated: &[(2024, dec!(349_000))],
        status: Status::Complete,
    },
    Costed {
        reference: "B5",
        name: "Commissioning pre- and post-16 learners",
        workstream: B,
        overall: dec!(3_174_000),
        target_2023: dec!(0),
        achieved_2023: None,
        stated: &[(2024, dec!(229_000))],
        status: Status::AtRisk,
    },
    Costed {
        reference: "B6",
        name: "Remodel financial support and top-up funding",
        workstream: B,
        overall: dec!(10_110_000),
        target_2023: dec!(343_000),
        achieved_2023: Some(dec!(423_000)),
        stated: &[],
        status: Status::OnTrack,
    },
    Costed {
        reference: "B7.1",
        name: "Primary SEMH resourced provision",
        workstream: B,
        overall: dec!(1_327_000),
        target_2023: dec!(0),
        achieved_2023: None,
        stated: &[(2024, dec!(0))],
        status: Status::OnTrack,
    },
    Costed {
        reference: "B7.2",
        name: "Secondary school provision for children with SEMH",
        workstream: B,
        overall: dec!(2_123_000),
        target_2023: dec!(0),
        achieved_2023: None,
        stated: &[(2024, dec!(0))],
        status: Status::OnTrack,
    },
];

/// B8: the 0.5% Schools Block transfer, £1.097m a year 2023-24 to 2027-28.
pub const TRANSFER: Decimal = dec!(1_097_000);

/// Other spend at which the plan, delivered in full, clears the deficit by
/// the end of 2027-28 (from `calibrate::other_spend_to_clear`).
const CALIBRATED_OTHER: Decimal = dec!(26_314_036);

/// Savings by year for a costed project: 2023-24's target, any later year
/// the paper states, and the rest of the overall figure spread evenly over
/// the remaining years to 2027-28.
pub fn profile(p: &Costed) -> ByYear {
    let mut m = ByYear::new();
    m.insert(super::year(2023), p.target_2023);
    let mut left = p.overall - p.target_2023;
    for &(y, v) in p.stated {
        m.insert(super::year(y), v);
        left -= v;
    }
    let open: Vec<u16> = (2024..=2027)
        .filter(|y| !m.contains_key(&super::year(*y)))
        .collect();
    for (y, v) in open.iter().zip(spread(left, open.len())) {
        m.insert(super::year(*y), v);
    }
    m
}

pub fn uncalibrated() -> Scenario {
    let mut b = Builder::new("Haringey", 2023, 5, 2027);
    b.about(
        Seed,
        &format!("2023-24 to 2027-28, the years of the project savings table: {SEED}."),
    );
    b.cite(
        "placements.target_year",
        Seed,
        "The plan runs to 2027-28, the last year of the project savings table (seed 000).",
    );
    b.deficit_from_dsg(dec!(20_493_000), "£20.5m");
    b.ehcps_from_sen2(2833, "January 2024");
    b.growth_both(
        Growth::constant(dec!(0.0427)),
        Data,
        &format!("4.27%, Haringey's growth to January 2025 (2,833 to 2,954), held: {SEN2}. The same in both runs, because the plan's effects are in its projects."),
    );
    b.mix_from_counts(
        [1529, 0, 546, 93, 26, 357, 31, 122, 9, 116],
        Data,
        &format!("Haringey's placements in January 2024, with the 4 not recorded spread pro rata: {SEN2}. The plan's shifts (resourced provision, fewer INMSS places) are in its projects, so the mix is held."),
    );
    b.hnb_from_dsg(dec!(57_337_596), &[], "2023-24");
    b.s.income.schools_block_transfer = Transfer::Amount {
        amount: Series::flat(TRANSFER),
    };
    b.s.income.transfer_reference = "B8".into();
    b.cite(
        "income.schools_block_transfer",
        Seed,
        &format!("Project B8: a 0.5% Schools Block transfer, £1.097m to the HNB every year from 2023-24 to 2027-28: {SEED}."),
    );
    for p in &PROJECTS {
        b.s.savings.projects.push(Project {
            reference: p.reference.into(),
            name: p.name.into(),
            workstream: p.workstream.into(),
            savings: profile(p),
            status: p.status,
            confidence: None,
            achieved: p
                .achieved_2023
                .map(|a| by_year(&[(2023, a)]))
                .unwrap_or_default(),
        });
    }
    b.cite(
        "savings.projects",
        Seed,
        &format!("Overall savings by 2027-28, the net saving required and achieved in 2023-24, later savings the text states, and the status its recommendations imply (the RAG colours are not in the text); the rest of each project's overall saving is spread evenly over 2024-25 to 2027-28 as an illustration: {SEED}."),
    );
    b.other_spend(
        "Other High Needs spend (calibrated)",
        Series {
            first: Decimal::ZERO,
            growth: dec!(0.03),
            ..Series::default()
        },
        Calibrated,
        &format!("Spend the paper does not break down, growing 3% a year, set so that the plan delivered in full, with the £29.9m of DfE funding, clears the deficit by the end of 2027-28: {SEED}."),
    );
    b.s.agreement.payments = (2023..=2027)
        .zip(spread(dec!(29_900_000), 5))
        .map(|(y, v)| (super::year(y), v))
        .collect();
    b.cite(
        "agreement.payments",
        Seed,
        &format!("£29.9m of DfE funding to offset the overspend, spread evenly over five years as an illustration; the paper gives no schedule: {SEED}."),
    );
    b.s.agreement.conditional = true;
    b.build()
}

pub fn scenario() -> Scenario {
    let mut s = uncalibrated();
    if let Some(line) = s.other_spend.first_mut() {
        line.amount.first = CALIBRATED_OTHER;
    }
    s
}
