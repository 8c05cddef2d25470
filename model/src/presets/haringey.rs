//! Haringey, from its Safety Valve position statement for 2023-24 (seed 000).

use crate::field::Field;
use crate::node::Group;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use super::{by_year, spread};
use crate::scenario::{ByYear, Project, Scenario, Series, SourceKind::*, Status, Transfer};

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
        status: Status::OnTrack,
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

/// Savings by year for a costed project: 2023-24's net saving required as
/// the plan's figure for that year, any later year the paper states, and
/// the rest of the overall figure spread evenly over the remaining years to
/// 2027-28. The project's total stays the paper's "overall savings by
/// 2027-2028": where 2023-24 delivered more or less than required (counted
/// as achieved), the later years carry the difference, since the paper
/// restates no overall figure.
pub fn profile(p: &Costed) -> ByYear {
    let mut m = ByYear::new();
    m.insert(super::year(2023), p.target_2023);
    let first = counted_2023(p).unwrap_or(p.target_2023);
    let mut left = p.overall - first;
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

/// What 2023-24 counts for a project as achieved: the paper's "savings
/// achieved in 23-24", except A6's £180k, which the paper's own net total
/// (£1.656m) leaves out because it came from extra early years funding.
pub fn counted_2023(p: &Costed) -> Option<Decimal> {
    if p.reference == "A6" {
        return None;
    }
    p.achieved_2023
}

/// Haringey as its paper and its published figures give it. The paper
/// prints the projects (their overall savings, 2023-24's required and
/// achieved savings, some later years), the Schools Block transfer, the
/// £29.9m of DfE funding and the placement shares of January 2023; it prints
/// no deficit, spending, costs, growth, payment schedule or year the deficit
/// is cleared. The rest is Haringey's published data, as every council's
/// preset starts from: the first year is 2022-23, the year the agreement was
/// made, so its spending and January 2023's census anchor the plan's start,
/// and the deficit carried in is set so that 31 March 2024 matches the
/// published balance.
pub fn scenario() -> Scenario {
    let a = crate::authorities::find("E09000014").expect("Haringey is in the data");
    let v = super::council::Vintage {
        census: 2023,
        year: 2022,
        years: 6,
    };
    let mut b = super::council::base(a, v, 2027, 2025);
    b.about(
        Seed,
        &format!("2022-23, the year the agreement was made (16 March 2023), to 2027-28, the last year of the project savings table ('Overall savings by 2027-2028'): {SEED}."),
    );
    b.cite(
        Group::TargetYear,
        Illustrative,
        "The plan's shifts between settings are in its projects' savings, so the mix is held to 2027-28.",
    );
    // January 2023, the year of every share the paper prints, with the
    // paper's definition of independent placements (INMS: independent
    // mainstream and special schools and non-maintained special schools).
    b.mix_from_counts(
        [1149, 28, 536, 202, 19, 364, 39, 42, 14, 225],
        Seed,
        &format!("Haringey's placements in January 2023 (SEN2), the year of the paper's shares, with the 9 not recorded spread pro rata: independent placements 7.7% as the paper counts them ('7.7% of children were accessing an INMS placement'), which takes in the 115 pupils in independent mainstream schools that SEN2's own grouping puts in mainstream (independent and non-maintained special schools alone are 3.3%); resourced provision 1.1%, as the paper says ('only 1.1% of children attend a resource provision'). State special schools include academies, so 20.4% where the paper's 15.7% counts LA-maintained special schools only. {SEN2}; {SEED}."),
    );
    b.s.income.schools_block_transfer = Transfer::Amount {
        amount: Series {
            first: Decimal::ZERO,
            growth: Decimal::ZERO,
            by_year: (2023..=2027).map(|y| (super::year(y), TRANSFER)).collect(),
        },
    };
    b.s.income.transfer_reference = "B8".into();
    b.cite(
        Group::Transfer,
        Seed,
        &format!("Project B8: a 0.5% Schools Block transfer, 'a £1.097m transfer to the HNB every year between 2023/24 to 2027/28' (the text also says £1m once): {SEED}."),
    );
    for (i, p) in PROJECTS.iter().enumerate() {
        // Each year the paper does not print is ours: said so on the year.
        for y in 2024..=2027 {
            if !p.stated.iter().any(|(s, _)| *s == y) {
                b.cite(
                    Field::ProjectSaving(i, super::year(y)),
                    Illustrative,
                    &format!("Spread by us: the rest of {}'s overall saving of £{} by 2027-28, after 2023-24 and the years the paper states, shared evenly over the years it does not: {SEED}.", p.reference, crate::format::count(p.overall)),
                );
            }
        }
        b.s.savings.projects.push(Project {
            reference: p.reference.into(),
            name: p.name.into(),
            workstream: p.workstream.into(),
            savings: profile(p),
            status: p.status,
            confidence: None,
            achieved: counted_2023(p)
                .map(|a| by_year(&[(2023, a)]))
                .unwrap_or_default(),
        });
    }
    b.cite(
        Group::Projects,
        Seed,
        &format!("Each project's overall savings by 2027-28, its net saving required and achieved in 2023-24, later savings the text states, and the status its recommendations imply (the RAG colours are not in the text): {SEED}. Spread by us: the rest of each overall saving, evenly over 2024-25 to 2027-28 (illustrative). A6's £180k achieved in 2023-24 is left out of that year, as the paper's own net total of £1.656m leaves it out (it came from extra early years funding). The places some projects open (15 at Earlsmead, 25 complex-needs places, about 120 in all) are counted only through these savings, not again as places."),
    );
    b.s.agreement.payments = (2023..=2027)
        .zip(spread(dec!(29_900_000), 5))
        .map(|(y, v)| (super::year(y), v))
        .collect();
    b.cite(
        Group::Payments,
        Illustrative,
        &format!("The paper gives only the total, 'Haringey Council will receive £29.9m in funding': spread evenly here over the five years of the plan, 2023-24 to 2027-28, as an illustration (an instalment may have been paid in 2022-23, when the agreement was made): {SEED}."),
    );
    b.s.agreement.conditional = false;
    b.cite(
        Group::Conditional,
        Illustrative,
        "The paper prints no agreed deficit path, so no payment can be tested against one.",
    );
    super::council::anchor(&mut b, a);
    super::council::follow_outturn(&mut b, a);
    super::council::through_published_balance(&mut b, a);
    b.build()
}
