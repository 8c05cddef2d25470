//! Medway, from its November 2022 report to the Children and Young People
//! Overview and Scrutiny Committee on the Safety Valve plan (seed 004).

use crate::field::{Field, Mix, Part, Run};
use crate::node::Group;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use super::{by_year, spread};
use crate::scenario::{ByYear, Growth, Scenario, Series, SourceKind::*};
use crate::setting::{PerSetting, Setting};

const SEED: &str = "Medway, Update on the Safety Valve Intervention Programme, Children and Young People Overview and Scrutiny Committee, 29 November 2022 (seed 004)";

/// Table 2: projected EHCPs, January 2022 to January 2026.
pub const TABLE_2: [(u16, u32); 5] = [
    (2021, 2697),
    (2022, 2853),
    (2023, 2995),
    (2024, 3135),
    (2025, 3254),
];
/// Table 2's growth percentages as printed (rounded to 0.1 points).
pub const TABLE_2_GROWTH: [(u16, Decimal); 4] = [
    (2022, dec!(0.058)),
    (2023, dec!(0.050)),
    (2024, dec!(0.047)),
    (2025, dec!(0.038)),
];

/// Table 3: projected shares by setting, 2022-23 to 2025-26, as printed:
/// early years, mainstream including resourced provision, maintained
/// special, independent special, further education.
pub const TABLE_3: [(u16, [Decimal; 5]); 4] = [
    (
        2022,
        [
            dec!(0.002),
            dec!(0.354),
            dec!(0.406),
            dec!(0.149),
            dec!(0.006),
        ],
    ),
    (
        2023,
        [
            dec!(0.002),
            dec!(0.379),
            dec!(0.407),
            dec!(0.105),
            dec!(0.006),
        ],
    ),
    (
        2024,
        [
            dec!(0.002),
            dec!(0.404),
            dec!(0.411),
            dec!(0.076),
            dec!(0.006),
        ],
    ),
    (
        2025,
        [
            dec!(0.002),
            dec!(0.420),
            dec!(0.437),
            dec!(0.041),
            dec!(0.006),
        ],
    ),
];

/// Medway's placements in January 2023 (SEN2), used to split Table 3's
/// groups: resourced provision within mainstream, and the settings Table 3
/// does not list.
const SEN2_2023: [u32; 10] = [529, 337, 1116, 266, 2, 228, 75, 177, 10, 40];

/// Growth from one Table 2 count to the next, to six places.
fn growth_between(a: u32, b: u32) -> Decimal {
    (Decimal::from(b) / Decimal::from(a) - Decimal::ONE).round_dp(6)
}

/// The mix for a Table 3 year, in the calculator's ten settings.
pub fn table_3_mix(row: &[Decimal; 5]) -> PerSetting<Decimal> {
    let [early, mainstream_all, special, inmss, fe] = *row;
    let c = SEN2_2023.map(Decimal::from);
    let rp_part = c[1] / (c[0] + c[1]);
    let resourced = (mainstream_all * rp_part).round_dp(4);
    let mut mix = PerSetting::from_fn(|_| Decimal::ZERO);
    mix[Setting::EarlyYears] = early;
    mix[Setting::Mainstream] = mainstream_all - resourced;
    mix[Setting::ResourcedProvision] = resourced;
    mix[Setting::StateSpecial] = special;
    mix[Setting::Inmss] = inmss;
    mix[Setting::FeCollege] = fe;
    // The rest (8.3 to 10.1 points) goes to the unlisted settings in their
    // January 2023 proportions, the last taking the rounding.
    let rest = Decimal::ONE - mix.0.iter().sum::<Decimal>();
    let others = [
        Setting::AlternativeProvision,
        Setting::SpecialistPost16,
        Setting::Eotas,
        Setting::NeetOrHome,
    ];
    let other_total: Decimal = others.iter().map(|s| c[s.index()]).sum();
    let mut given = Decimal::ZERO;
    for (i, s) in others.iter().enumerate() {
        let v = if i + 1 == others.len() {
            rest - given
        } else {
            (rest * c[s.index()] / other_total).round_dp(4)
        };
        mix[*s] = v;
        given += v;
    }
    mix
}

/// Medway as its plan and its published figures give it. The paper prints
/// the deficit at the end of 2021-22 (£20.8m, high needs), its projection of
/// EHCPs (Table 2) and of the placement mix (Table 3) to 2025-26, the
/// alternative provision budget it caps, the £17.7m asked of the DfE, and
/// its claim that the deficit is recovered by the end of 2025-26. It prints
/// no costs, spending or savings. So costs and spending come from Medway's
/// published outturn, as every council's do, and whether the plan recovers
/// the deficit is what the model finds; the page sets that beside the
/// paper's claim. Nothing is calibrated to it.
pub fn scenario() -> Scenario {
    let a = crate::authorities::find("E06000035").expect("Medway is in the data");
    let v = super::council::Vintage {
        census: 2023,
        year: 2022,
        years: 4,
    };
    let mut b = super::council::base(a, v, 2025, 2025);
    b.about(
        Seed,
        &format!("2022-23 to 2025-26: 'If the plan is agreed and delivered, the deficit will be recovered by end of the financial year 2025-26' (§7.8): {SEED}."),
    );
    b.cite(
        Group::TargetYear,
        Seed,
        &format!("Table 3 runs to 2025-26: {SEED}."),
    );
    b.s.demand.ehcps = Decimal::from(TABLE_2[1].1);
    b.cite(
        Field::Ehcps,
        Seed,
        &format!(
            "2,853 EHCPs projected for January 2023 (Table 2; SEN2 later counted 2,854): {SEED}."
        ),
    );
    let rates: Vec<(u16, Decimal)> = TABLE_2
        .windows(2)
        .skip(1)
        .map(|w| (w[1].0, growth_between(w[0].1, w[1].1)))
        .collect();
    b.s.demand.growth = Growth {
        start: rates[0].1,
        end: rates[rates.len() - 1].1,
        by_year: by_year(&rates),
    };
    b.cite(
        Group::Growth(Run::Plan),
        Seed,
        &format!("Growth between Table 2's projected counts (2,853, 2,995, 3,135, 3,254), to six places; the table prints them rounded as 5.0%, 4.7% and 3.8%. (SEN2 later counted 3,175 in January 2024 and 3,041 in January 2025.) {SEED}."),
    );
    b.s.baseline.growth = Growth::constant(dec!(0.076));
    b.cite(
        Group::Growth(Run::Baseline),
        Illustrative,
        &format!("7.6%, the growth to January 2022 that Table 2 prints, held for the do-nothing forecast by us (the paper gives no forecast without the plan): {SEED}."),
    );
    let now = table_3_mix(&TABLE_3[0].1);
    let plan = table_3_mix(&TABLE_3[3].1);
    for s in Setting::ALL {
        let p = b.placement(s);
        p.share_now = now[s];
        p.share_plan = plan[s];
    }
    for (y, row) in &TABLE_3[1..3] {
        b.s.placements
            .waypoints
            .insert(super::year(*y), table_3_mix(row));
    }
    for s in Setting::ALL {
        for mix in [Mix::Now, Mix::Plan] {
            b.s.sources.remove(&Field::Share(mix, s).into());
        }
    }
    b.cite(
        Group::Settings,
        Seed,
        &format!("Table 3 (projected movement of pupils with EHCPs), 2022-23 to 2025-26, as printed for early years, mainstream including resourced provision, maintained special, independent special and further education: {SEED}. Split by us: resourced provision out of mainstream, and the 8 to 10 points Table 3 does not list across alternative provision, specialist post-16, other arrangements and not in education, in Medway's January 2023 proportions ({SEN2}). Table 3 counts on its own base: it gives 14.9% in independent special schools and 0.6% in further education where SEN2 has 9.6% and 8.2% for January 2023."),
    );
    b.cite(
        Group::Waypoints,
        Seed,
        &format!("Table 3's figures for 2023-24 and 2024-25, split as above: {SEED}."),
    );
    // What Table 3 does not print is ours: said so on each share.
    for s in [
        Setting::Mainstream,
        Setting::ResourcedProvision,
        Setting::AlternativeProvision,
        Setting::SpecialistPost16,
        Setting::Eotas,
        Setting::NeetOrHome,
    ] {
        let what = if matches!(s, Setting::Mainstream | Setting::ResourcedProvision) {
            "Table 3's 'Mainstream, including RP' split by us between mainstream and resourced provision"
        } else {
            "A setting Table 3 does not list: its part of the points Table 3 leaves over, split by us"
        };
        for mix in [Mix::Now, Mix::Plan] {
            b.cite(
                Field::Share(mix, s),
                Data,
                &format!("{what} in Medway's January 2023 proportions ({SEN2}): {SEED}."),
            );
        }
    }
    b.s.opening_deficit = dec!(20_800_000);
    b.cite(
        Field::OpeningDeficit,
        Seed,
        &format!(
            "Cumulative deficit of £20.8m at the end of 2021-22 (§1.4), high needs only: {SEED}."
        ),
    );
    b.other_spend(
        "Alternative provision",
        Series {
            first: dec!(3_704_539),
            growth: dec!(0.03),
            ..Series::default()
        },
        Seed,
        &format!("£3,704,539 currently spent on alternative provision (§7.3), growing an illustrative 3% a year without the plan: {SEED}."),
    );
    let line = b.s.other_spend.len() - 1;
    b.cite(
        Field::OtherSpend(line, Part::Growth),
        Illustrative,
        "Illustrative 3% a year: the paper gives no growth, only the cap.",
    );
    // The plan caps it for three years: the growth avoided is its saving.
    let ap = Series {
        first: dec!(3_704_539),
        growth: dec!(0.03),
        ..Series::default()
    };
    let years: Vec<_> = (2022..=2024).map(super::year).collect();
    let grown = crate::projection::series::<Decimal>(&ap, &years);
    let capped: ByYear = crate::order::map_of(
        years
            .iter()
            .zip(&grown)
            .skip(1)
            .map(|(y, g)| (*y, (*g - ap.first).round())),
    );
    b.s.savings.projects.push(crate::scenario::Project {
        reference: "§7.3".into(),
        name: "Cap alternative provision spending for three years".into(),
        workstream: "Alternative provision".into(),
        savings: capped,
        status: crate::scenario::Status::OnTrack,
        confidence: Some(Decimal::ONE),
        achieved: ByYear::new(),
    });
    b.cite(
        Group::Project(0),
        Seed,
        &format!("'capping this amount for the next three years' (§7.3): the growth the cap avoids in 2023-24 and 2024-25 (the third year is 2022-23, when nothing grows yet), counted once here and not in the spending line: {SEED}."),
    );
    let payments = spread(dec!(17_700_000), 4);
    b.s.agreement.payments = (2022..2026)
        .zip(payments)
        .map(|(y, v)| (super::year(y), v))
        .collect();
    b.cite(
        Group::Payments,
        Illustrative,
        &format!("'a request for £17.7m investment' (Summary; §7.6), not yet agreed ('A decision is expected in December'): spread evenly over the four years here as an illustration; the paper gives no schedule: {SEED}."),
    );
    b.s.agreement.expected_clear = Some(super::year(2025));
    b.cite(
        Group::ExpectedClear,
        Seed,
        &format!(
            "'the deficit will be recovered by end of the financial year 2025-26' (§7.8): {SEED}."
        ),
    );
    super::council::anchor(&mut b, a);
    super::council::follow_outturn(&mut b, a);
    b.build()
}
