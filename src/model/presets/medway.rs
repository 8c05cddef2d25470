//! Medway, from its November 2022 report to the Children and Young People
//! Overview and Scrutiny Committee on the Safety Valve plan (seed 004).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use super::{Builder, by_year, spread};
use crate::model::scenario::{Growth, Scenario, Series, SourceKind::*};
use crate::model::setting::{PerSetting, Setting};

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

/// The factor on national costs per child at which the plan as submitted
/// clears the deficit by the end of 2025-26 (from
/// `calibrate::cost_scale_to_clear`).
pub const CALIBRATED_COST_FACTOR: Decimal = dec!(0.7337);

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

pub fn uncalibrated() -> Scenario {
    let mut b = Builder::new("Medway", 2022, 4, 2025);
    b.about(
        Seed,
        &format!("2022-23 to 2025-26: 'If the plan is agreed and delivered, the deficit will be recovered by end of the financial year 2025-26' (§7.8): {SEED}."),
    );
    b.cite(
        "placements.target_year",
        Seed,
        &format!("Table 3 runs to 2025-26: {SEED}."),
    );
    b.s.opening_deficit = dec!(20_800_000);
    b.cite(
        "opening_deficit",
        Seed,
        &format!("Cumulative deficit of £20.8m at the end of 2021-22 (§1.4): {SEED}."),
    );
    b.s.demand.ehcps = Decimal::from(TABLE_2[1].1);
    b.cite(
        "demand.ehcps",
        Seed,
        &format!("2,853 EHCPs projected for January 2023 (Table 2): {SEED}."),
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
        "demand.growth",
        Seed,
        &format!("Growth between Table 2's projected counts (2,853, 2,995, 3,135, 3,254), to six places; the table prints them rounded as 5.0%, 4.7% and 3.8%: {SEED}."),
    );
    b.s.baseline.growth = Growth::constant(dec!(0.076));
    b.cite(
        "baseline.growth",
        Seed,
        &format!("7.6%, the growth to January 2022 before the plan (Table 2), held: {SEED}."),
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
    let mix_note = format!(
        "Table 3 (projected movement of pupils with EHCPs), 2022-23 to 2025-26; resourced provision split from mainstream, and the settings Table 3 does not list, in Medway's January 2023 proportions ({SEN2}): {SEED}."
    );
    b.cite("placements.settings", Seed, &mix_note);
    b.cite("placements.waypoints", Seed, &mix_note);
    for s in crate::model::setting::Setting::ALL {
        let base = format!("placements.settings.{}", s.id());
        b.s.sources.remove(&format!("{base}.share_now"));
        b.s.sources.remove(&format!("{base}.share_plan"));
    }
    b.hnb_from_dsg(
        dec!(51_225_727),
        &[(2023, dec!(56_669_839))],
        "2022-23 and 2023-24 (2021-22's £45.5m matches the paper's §1.4)",
    );
    b.other_spend(
        "Alternative provision (capped)",
        Series::flat(dec!(3_704_539)),
        Seed,
        &format!("£3,704,539 currently spent on alternative provision, capped for the next three years (§7.3): {SEED}."),
    );
    let payments = spread(dec!(17_700_000), 4);
    b.s.agreement.payments = (2022..2026)
        .zip(payments)
        .map(|(y, v)| (super::year(y), v))
        .collect();
    b.cite(
        "agreement.payments",
        Seed,
        &format!("£17.7m requested from the DfE (§7.6), spread evenly over the four years as an illustration; the paper gives no schedule: {SEED}."),
    );
    b.build()
}

/// The preset: national costs per child scaled by the calibrated factor.
pub fn scenario() -> Scenario {
    let mut s = uncalibrated();
    super::calibrate::apply_cost_factor(
        &mut s,
        CALIBRATED_COST_FACTOR,
        &format!(
            "the factor at which the plan as submitted, with the £17.7m requested, clears the deficit by the end of 2025-26 (§7.6, §7.8 of {SEED})."
        ),
    );
    s
}
