//! Every number in a scenario, each with its [`Field`]. The fields' paths
//! are the ones validation messages and [`Scenario::sources`] use, so a
//! preset can be checked to cite a source for every figure, and two
//! scenarios can be compared input by input.

use rust_decimal::Decimal;

use super::field::{Field, Mix, Part, Rate, Run};
use super::scenario::{ByYear, Growth, Scenario, Series, Status, Transfer};

/// Every numeric input of `s`, with its field, in a stable order.
pub fn fields(s: &Scenario) -> Vec<(Field, Decimal)> {
    let mut out = Vec::with_capacity(128);
    let mut put = |f: Field, v: Decimal| out.push((f, v));
    put(Field::OpeningDeficit, s.opening_deficit);
    series(&mut put, Field::Hnb, &s.income.hnb);
    match &s.income.schools_block_transfer {
        Transfer::None => {}
        Transfer::Percent {
            rate,
            schools_block,
        } => {
            put(Field::TransferRate, *rate);
            series(&mut put, Field::SchoolsBlock, schools_block);
        }
        Transfer::Amount { amount } => series(&mut put, Field::TransferAmount, amount),
    }
    for (i, l) in s.income.other_contributions.iter().enumerate() {
        series(&mut put, |p| Field::Contribution(i, p), &l.amount);
    }
    put(Field::Ehcps, s.demand.ehcps);
    growth(&mut put, Run::Plan, &s.demand.growth);
    if let Some(a) = &s.demand.by_age {
        put(Field::NewPlanGrowth(Run::Plan), a.new_growth);
        put(Field::NewPlanGrowth(Run::Baseline), a.new_growth_baseline);
        if let Some(m) = a.secondary_mainstream {
            put(Field::SecondaryMainstream, m);
        }
    }
    for (setting, p) in s.placements.settings.iter() {
        put(Field::Share(Mix::Now, setting), p.share_now);
        put(Field::Share(Mix::Plan, setting), p.share_plan);
        put(Field::Cost(setting), p.cost);
        put(Field::Inflation(setting), p.inflation);
        if let Some(places) = &p.places {
            put(Field::PlacesNow(setting), places.now);
            by_year(
                &mut put,
                |y| Field::NewPlaces(setting, y),
                &places.new_by_year,
            );
        }
    }
    for (year, mix) in &s.placements.waypoints {
        for (setting, v) in mix.iter() {
            put(Field::Waypoint(*year, setting), *v);
        }
    }
    for (i, l) in s.other_spend.iter().enumerate() {
        series(&mut put, |p| Field::OtherSpend(i, p), &l.amount);
    }
    for st in Status::ALL {
        put(Field::StatusConfidence(st), s.savings.confidence.of(st));
    }
    for (i, p) in s.savings.projects.iter().enumerate() {
        by_year(&mut put, |y| Field::ProjectSaving(i, y), &p.savings);
        if let Some(c) = p.confidence {
            put(Field::ProjectConfidence(i), c);
        }
        by_year(&mut put, |y| Field::ProjectAchieved(i, y), &p.achieved);
    }
    by_year(&mut put, Field::Payment, &s.agreement.payments);
    by_year(&mut put, Field::AgreedPath, &s.agreement.agreed_path);
    put(Field::Tolerance, s.agreement.tolerance);
    by_year(&mut put, Field::PublishedBalance, &s.outturn.dsg_balance);
    growth(&mut put, Run::Baseline, &s.baseline.growth);
    out
}

fn by_year(
    put: &mut impl FnMut(Field, Decimal),
    field: impl Fn(super::year::FinYear) -> Field,
    m: &ByYear,
) {
    for (year, v) in m {
        put(field(*year), *v);
    }
}

fn series(put: &mut impl FnMut(Field, Decimal), field: impl Fn(Part) -> Field, s: &Series) {
    put(field(Part::First), s.first);
    put(field(Part::Growth), s.growth);
    by_year(put, |y| field(Part::Year(y)), &s.by_year);
}

fn growth(put: &mut impl FnMut(Field, Decimal), run: Run, g: &Growth) {
    put(Field::Growth(run, Rate::Start), g.start);
    put(Field::Growth(run, Rate::End), g.end);
    by_year(put, |y| Field::Growth(run, Rate::Year(y)), &g.by_year);
}
