//! Wokingham, from its March 2024 Safety Valve update to Children's Services
//! Overview and Scrutiny (seed 003).
//!
//! The update is a slide deck: it prints a 0.5% Schools Block transfer agreed
//! by the Schools Forum, two free schools "ultimately providing 240 places"
//! and two primary resource bases opening in September 2024 (no places or
//! dates beyond that), and no deficit, spending, costs, growth or payments.
//! So the preset is Wokingham's published data from 2024-25 (the year the
//! update looks forward to), with those facts on top: the transfer, and the
//! free-school places, which take children who would otherwise go to
//! independent schools once the state special schools are full.

use crate::field::Field;
use crate::node::Group;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::national::SEN2;
use crate::scenario::{Places, Scenario, Series, SourceKind::*, Transfer};
use crate::setting::Setting;

const SEED: &str = "Wokingham Borough Council, Safety Valve Programme & SEND Improvement, update for Children's Services Overview and Scrutiny, 20 March 2024 (seed 003)";

/// The transfer the Schools Forum agreed.
pub const TRANSFER_RATE: Decimal = dec!(0.005);

/// The preset.
pub fn scenario() -> Scenario {
    let a = crate::authorities::find("E06000041").expect("Wokingham is in the data");
    let mut b = super::council::base(a, super::council::NOW, 2027, 2025);
    b.about(
        Illustrative,
        &format!("2024-25, the year the update looks forward to, to 2029-30. The update does not give the agreement's end year; 2027-28, when the statutory override ends, is illustrative: {SEED}."),
    );
    // The Schools Block is not in the data: the whole DSG less the High
    // Needs Block less an illustrative £14m for the early years and central
    // blocks, in 2023-24, raised 3%.
    let dsg = dec!(180_864_037);
    let hnb = Decimal::from(a.allocation(2023).unwrap_or(0));
    let schools_block =
        ((dsg - hnb - dec!(14_000_000)) * dec!(1.03) / dec!(1000)).round() * dec!(1000);
    let amount = (schools_block * TRANSFER_RATE).round();
    b.s.income.schools_block_transfer = Transfer::Amount {
        amount: Series {
            first: amount,
            growth: Decimal::ZERO,
            by_year: [(super::year(2025), Decimal::ZERO)].into_iter().collect(),
        },
    };
    b.cite(
        Group::Transfer,
        Illustrative,
        &format!("'Agreement from Schools Forum for 0.5% High Needs Block transfer': {SEED}. By us: for 2024-25 only (a Schools Forum agrees a year at a time; the update gives no year), of a Schools Block of about £{}m (the whole DSG of £180.9m less the High Needs Block less an illustrative £14m for the early years and central blocks, 2023-24, raised 3%).", schools_block / dec!(1_000_000)),
    );
    let now = (Decimal::from(a.ehcps_in(2025).unwrap_or(0))
        * b.s.placements.settings[Setting::StateSpecial].share_now)
        .round();
    b.placement(Setting::StateSpecial).places = Some(Places {
        now,
        new_by_year: [
            (super::year(2026), dec!(120)),
            (super::year(2027), dec!(120)),
        ]
        .into_iter()
        .collect(),
        overflow_to: Setting::Inmss,
    });
    b.cite(
        Field::PlacesNow(Setting::StateSpecial),
        Illustrative,
        &format!("Taken as full: the children in state special schools in January 2025 ({SEN2}). The update says Oak Tree opened and Addington's satellite grew, without numbers."),
    );
    b.cite(
        Group::NewPlaces(Setting::StateSpecial),
        Illustrative,
        &format!("'two new Free Schools, ultimately providing 240 places': {SEED}. By us: 120 opening in 2026-27 and 120 in 2027-28 (the update gives no dates). Counted once, as places: children beyond the places would go to independent schools, so each place used keeps one child out of them."),
    );
    b.cite(
        Group::OverflowTo(Setting::StateSpecial),
        Illustrative,
        "Children beyond the state special places go to independent special schools, where the update says the pressure is 'particularly acute'.",
    );
    super::council::anchor(&mut b, a);
    b.build()
}
