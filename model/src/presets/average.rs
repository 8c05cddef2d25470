//! An illustrative average English authority, from national figures.

use crate::field::{Field, Part, Run};
use crate::node::Group;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::{self, SEN2};
use super::{Builder, shares_from_counts};
use crate::scenario::{Growth, Scenario, Series, SourceKind::*};
use crate::setting::Setting;

/// Illustrative non-placement High Needs spend for an average authority.
pub const OTHER_SPEND: [(&str, Decimal); 4] = [
    ("Outreach and SEN support", dec!(3_500_000)),
    ("Central SEND services", dec!(2_500_000)),
    ("Hospital education", dec!(800_000)),
    ("Early years inclusion fund", dec!(1_000_000)),
];

pub fn scenario() -> Scenario {
    let mut b = Builder::new("An average English authority (illustrative)", 2024, 6, 2027);
    b.about(
        Illustrative,
        "Six years from 2024-25. The deficit is measured at the end of 2027-28, when the statutory override is due to end (written parliamentary answer, 8 July 2025).",
    );
    b.cite(
        Group::TargetYear,
        Illustrative,
        "Illustrative: the planned mix is reached by 2027-28.",
    );
    let per_la = |total: Decimal| (total / national::AUTHORITIES).round();
    b.s.demand.ehcps = per_la(national::EHCPS_2025);
    b.cite(
        Field::Ehcps,
        National,
        &format!("638,745 EHCPs in England in January 2025 ({SEN2}) divided by 153 authorities."),
    );
    b.s.baseline.growth = Growth::constant(dec!(0.108));
    b.cite(
        Group::Growth(Run::Baseline),
        National,
        &format!("10.8%, England's net EHCP growth in the year to January 2025, computed from {SEN2}, held."),
    );
    b.s.demand.growth = Growth {
        start: dec!(0.09),
        end: dec!(0.05),
        ..Growth::default()
    };
    b.cite(
        Group::Growth(Run::Plan),
        Illustrative,
        "Illustrative plan: growth slows from 9% to 5% a year as early support and clearer thresholds take effect.",
    );
    b.s.income.hnb = Series {
        first: per_la(national::HIGH_NEEDS_2024_25),
        growth: dec!(0.03),
        ..Series::default()
    };
    b.cite(
        Field::Hnb(Part::First),
        National,
        "£10.7bn of high needs funding in England in 2024-25 (National Audit Office, October 2024) divided by 153 authorities.",
    );
    b.cite(
        Field::Hnb(Part::Growth),
        Illustrative,
        "Illustrative 3% a year growth in the allocation.",
    );
    b.s.opening_deficit = per_la(national::DSG_DEFICITS_2024_25);
    b.cite(
        Field::OpeningDeficit,
        National,
        "About £3.3bn of DSG deficits in England in 2024-25 (Institute for Fiscal Studies, December 2024) divided by 153 authorities.",
    );
    // Illustrative plan: a point less in INMSS, more in resourced provision
    // and state special schools.
    let mut plan = shares_from_counts(national::MIX_2025);
    plan[Setting::Inmss] -= dec!(0.01);
    plan[Setting::ResourcedProvision] += dec!(0.006);
    plan[Setting::StateSpecial] += dec!(0.004);
    b.plan_mix(
        &plan,
        Illustrative,
        "Illustrative plan: one point of the mix moves from independent special schools to resourced provision (0.6) and state special schools (0.4) by 2027-28.",
    );
    for (name, amount) in OTHER_SPEND {
        b.other_spend_line(
            name,
            amount,
            Illustrative,
            "Illustrative non-placement High Needs spend for an authority of this size, growing 3% a year.",
        );
    }
    b.build()
}
