//! Every number in a scenario, each with its field path. The paths are the
//! ones validation messages and [`Scenario::sources`] use, so a preset can
//! be checked to cite a source for every figure, and two scenarios can be
//! compared input by input.

use rust_decimal::Decimal;

use super::scenario::{ByYear, Growth, Line, Scenario, Series, Transfer};

/// Every numeric input of `s`, with its path, in a stable order.
pub fn figures(s: &Scenario) -> Vec<(String, Decimal)> {
    let mut out = Vec::new();
    let mut put = |path: String, v: Decimal| out.push((path, v));
    put("opening_deficit".into(), s.opening_deficit);
    series(&mut put, "income.hnb", &s.income.hnb);
    match &s.income.schools_block_transfer {
        Transfer::None => {}
        Transfer::Percent {
            rate,
            schools_block,
        } => {
            put("income.schools_block_transfer.rate".into(), *rate);
            series(
                &mut put,
                "income.schools_block_transfer.schools_block",
                schools_block,
            );
        }
        Transfer::Amount { amount } => {
            series(&mut put, "income.schools_block_transfer.amount", amount);
        }
    }
    lines(
        &mut put,
        "income.other_contributions",
        &s.income.other_contributions,
    );
    put("demand.ehcps".into(), s.demand.ehcps);
    growth(&mut put, "demand.growth", &s.demand.growth);
    for (setting, p) in s.placements.settings.iter() {
        let base = format!("placements.settings.{}", setting.id());
        put(format!("{base}.share_now"), p.share_now);
        put(format!("{base}.share_plan"), p.share_plan);
        put(format!("{base}.cost"), p.cost);
        put(format!("{base}.inflation"), p.inflation);
        if let Some(places) = &p.places {
            put(format!("{base}.places.now"), places.now);
            by_year(
                &mut put,
                &format!("{base}.places.new_by_year"),
                &places.new_by_year,
            );
        }
    }
    for (year, mix) in &s.placements.waypoints {
        for (setting, v) in mix.iter() {
            put(format!("placements.waypoints.{year}.{}", setting.id()), *v);
        }
    }
    lines(&mut put, "other_spend", &s.other_spend);
    let c = &s.savings.confidence;
    put("savings.confidence.complete".into(), c.complete);
    put("savings.confidence.on_track".into(), c.on_track);
    put("savings.confidence.delayed".into(), c.delayed);
    put("savings.confidence.at_risk".into(), c.at_risk);
    for (i, p) in s.savings.projects.iter().enumerate() {
        let base = format!("savings.projects[{i}]");
        by_year(&mut put, &format!("{base}.savings"), &p.savings);
        if let Some(c) = p.confidence {
            put(format!("{base}.confidence"), c);
        }
        by_year(&mut put, &format!("{base}.achieved"), &p.achieved);
    }
    by_year(&mut put, "agreement.payments", &s.agreement.payments);
    by_year(&mut put, "agreement.agreed_path", &s.agreement.agreed_path);
    growth(&mut put, "baseline.growth", &s.baseline.growth);
    out
}

fn by_year(put: &mut impl FnMut(String, Decimal), base: &str, m: &ByYear) {
    for (year, v) in m {
        put(format!("{base}.{year}"), *v);
    }
}

fn series(put: &mut impl FnMut(String, Decimal), base: &str, s: &Series) {
    put(format!("{base}.first"), s.first);
    put(format!("{base}.growth"), s.growth);
    by_year(put, &format!("{base}.by_year"), &s.by_year);
}

fn growth(put: &mut impl FnMut(String, Decimal), base: &str, g: &Growth) {
    put(format!("{base}.start"), g.start);
    put(format!("{base}.end"), g.end);
    by_year(put, &format!("{base}.by_year"), &g.by_year);
}

fn lines(put: &mut impl FnMut(String, Decimal), base: &str, ls: &[Line]) {
    for (i, l) in ls.iter().enumerate() {
        series(put, &format!("{base}[{i}].amount"), &l.amount);
    }
}
