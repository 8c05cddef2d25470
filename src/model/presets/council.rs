//! A scenario for any English council from the DfE data built into the page:
//! its own EHCPs, growth and placement mix; the High Needs Block from the
//! ESFA tables; everything the national data do not hold from national
//! figures scaled to the council's size, and labelled so.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::Builder;
use super::national::{self, SEN2};
use crate::model::authorities::{Authority, Jump, LAST_CENSUS};
use crate::model::format::{count, millions_dp, percent};
use crate::model::projection::{RunKind, levers, simulate};
use crate::model::scenario::{Growth, Scenario, Series, SourceKind::*};

/// Where the allocation comes from, for the page's attribution.
pub const DSG: &str = "ESFA Dedicated Schools Grant allocations, 2023-24 (as held in October 2023, via DfE's SEND and AP inclusion dashboard)";

/// The council's share of England's EHCPs in January 2025.
fn share_of_england(a: &Authority) -> Decimal {
    Decimal::from(a.latest()) / national::EHCPS_2025
}

/// Pounds to the nearest £1,000.
fn thousands(d: Decimal) -> Decimal {
    (d / dec!(1000)).round() * dec!(1000)
}

/// "a fall from 2,705 to 1,199 in the year to January 2025".
pub fn jump_words(j: &Jump) -> String {
    let how = if j.to < j.from { "a fall" } else { "a rise" };
    format!(
        "{how} from {} to {} in the year to January {}",
        count(Decimal::from(j.from)),
        count(Decimal::from(j.to)),
        j.year
    )
}

/// A warning about odd moves in the council's counts, if there are any.
pub fn caution(a: &Authority) -> Option<String> {
    let jumps = a.jumps();
    if jumps.is_empty() {
        return None;
    }
    let list: Vec<String> = jumps.iter().map(jump_words).collect();
    Some(format!(
        "Check the growth: the published counts show {}. A change in how plans were recorded can cause moves like this.",
        list.join(" and ")
    ))
}

/// The one-line summary in the picker.
pub fn summary(a: &Authority) -> String {
    let mut out = format!(
        "DfE data for {}: {} EHCPs in January {LAST_CENSUS}, up {} a year on average since {}. Costs, the allocation's growth and the deficit are national figures scaled to its size; there is no plan until you make one.",
        a.name,
        count(Decimal::from(a.latest())),
        percent(a.recent_growth(), 1),
        a.growth_from(),
    );
    if let Some(c) = caution(a) {
        out.push(' ');
        out.push_str(&c);
    }
    out
}

/// The council's scenario.
pub fn scenario(a: &Authority) -> Scenario {
    let mut b = Builder::new(a.name, 2024, 6, 2027);
    b.about(
        Data,
        &format!("Six years from 2024-25, the year of {}'s latest census (January 2025). The deficit is measured at the end of 2027-28, when the statutory override is due to end (written parliamentary answer, 8 July 2025).", a.name),
    );
    b.cite(
        "placements.target_year",
        Illustrative,
        "Illustrative: any planned mix is reached by 2027-28.",
    );
    b.ehcps_from_sen2(a.latest(), "January 2025");

    let rate = a.recent_growth();
    let from = a.growth_from();
    let mut growth = format!(
        "{} a year, the compound average growth in {}'s EHCPs from January {from} ({}) to January {LAST_CENSUS} ({}), computed from {SEN2}. The national data hold no plan, so the plan starts at the same growth.",
        percent(rate, 1),
        a.name,
        count(Decimal::from(a.ehcps_in(from).unwrap_or(0))),
        count(Decimal::from(a.latest())),
    );
    if let Some(c) = caution(a) {
        growth.push(' ');
        growth.push_str(&c);
    }
    b.growth_both(Growth::constant(rate), Data, &growth);

    let mix = if a.placed() > 0 {
        a.placements
    } else {
        national::MIX_2025
    };
    let recorded = if a.not_recorded > 0 {
        format!(
            ", with the {} children with no placement recorded spread in proportion",
            count(Decimal::from(a.not_recorded))
        )
    } else {
        String::new()
    };
    b.mix_from_counts(
        mix,
        Data,
        &format!(
            "{}'s placements in January {}{recorded}: computed from {SEN2}.",
            a.name, a.placement_year
        ),
    );

    let share = share_of_england(a);
    let share_words = percent(share, 2);
    match a.hnb_2023_24 {
        Some(pounds) => {
            let first = thousands(Decimal::from(pounds) * dec!(1.03));
            b.s.income.hnb = Series {
                first,
                growth: dec!(0.03),
                ..Series::default()
            };
            b.cite(
                "income.hnb.first",
                Data,
                &format!(
                    "{}'s High Needs Block allocation for 2023-24 before deductions, {} ({DSG}), raised by an illustrative 3% to 2024-25.",
                    a.name,
                    millions_dp(Decimal::from(pounds), 1)
                ),
            );
        }
        None => {
            b.s.income.hnb = Series {
                first: thousands(national::HIGH_NEEDS_2024_25 * share),
                growth: dec!(0.03),
                ..Series::default()
            };
            b.cite(
                "income.hnb.first",
                Illustrative,
                &format!(
                    "Not in the ESFA tables for {}: England's £10.7bn of high needs funding in 2024-25 (National Audit Office, October 2024) times its share of England's EHCPs ({share_words}).",
                    a.name
                ),
            );
        }
    }
    b.cite(
        "income.hnb.growth",
        Illustrative,
        "Illustrative 3% a year growth in the allocation.",
    );
    b.s.opening_deficit = thousands(national::DSG_DEFICITS_2024_25 * share);
    b.cite(
        "opening_deficit",
        Illustrative,
        &format!(
            "Not in the national data: England's DSG deficits of about £3.3bn in 2024-25 (Institute for Fiscal Studies, December 2024) times {}'s share of England's EHCPs ({share_words}). Replace it with the figure in the council's budget papers.",
            a.name
        ),
    );
    // The average preset's non-placement lines, scaled to the council's size.
    let scale = Decimal::from(a.latest()) / (national::EHCPS_2025 / national::AUTHORITIES);
    for (name, amount) in super::average::OTHER_SPEND {
        b.other_spend_line(
            name,
            thousands(amount * scale),
            Illustrative,
            "Illustrative non-placement High Needs spend for an average authority, scaled to this council's number of EHCPs, growing 3% a year.",
        );
    }
    balance(&mut b);
    b.build()
}

/// The first year's spending and income of `s`'s plan.
fn first_year(s: &Scenario) -> (Decimal, Decimal) {
    simulate(&levers::<Decimal>(s, RunKind::Mitigated))
        .first()
        .map_or((Decimal::ZERO, Decimal::ZERO), |r| {
            (r.gross_spend, r.income)
        })
}

/// How far the average authority's first-year spending exceeds its income,
/// as a share of the income.
pub fn average_overspend() -> Decimal {
    let (spend, income) = first_year(&super::average::scenario());
    if income > Decimal::ZERO {
        ((spend - income) / income).round_dp(4)
    } else {
        Decimal::ZERO
    }
}

/// National costs per child cover placements only, and a council's real
/// High Needs spending holds much else (top-ups for children without a
/// plan, services, hospital education). Without a line for it, most
/// councils would show a surplus they do not have. So one line, labelled
/// calibrated, brings the first year's spending to the allocation plus the
/// average authority's overspend; none where placements alone exceed that.
fn balance(b: &mut Builder) {
    let ratio = average_overspend();
    let (spend, income) = first_year(&b.s);
    let gap = thousands(income * (Decimal::ONE + ratio) - spend);
    let name = b.s.about.authority.clone();
    if gap > Decimal::ZERO {
        b.other_spend_line(
            "Other High Needs spend (calibrated)",
            gap,
            Calibrated,
            &format!(
                "Not in the national data: set so that {name}'s spending in 2024-25 is {} more than its income, as the average authority's is, growing 3% a year. Replace it with the council's own budget figures.",
                percent(ratio, 1)
            ),
        );
    }
}
