//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod csv_data;
pub mod strategy;

use hnb::model::FinYear;
use hnb::model::project;
use hnb::model::results::summarise;
use hnb::model::scenario::{ByYear, Project, Scenario, Status};
use rust_decimal::Decimal;

/// The remaining deficit at the agreement end with `extra` saved each year
/// from `from` to the end (one more project, counted in full), or `None` if
/// that scenario is invalid.
pub fn remaining_with(s: &Scenario, from: FinYear, extra: Decimal) -> Option<Decimal> {
    let mut t = s.clone();
    let end = t.about.agreement_end;
    t.savings.projects.push(Project {
        reference: String::new(),
        name: "Extra".into(),
        workstream: String::new(),
        savings: t
            .about
            .years()
            .filter(|y| *y >= from && *y <= end)
            .map(|y| (y, extra))
            .collect(),
        status: Status::Complete,
        confidence: Some(Decimal::ONE),
        achieved: ByYear::new(),
    });
    let p = project(&t).ok()?;
    Some(summarise(&t, &p).remaining_at_end)
}
