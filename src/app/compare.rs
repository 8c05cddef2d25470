//! Two scenarios side by side: their headline results, their remaining
//! deficits on one chart, and every input that differs.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::results::{Line, LineChart};
use crate::model::field::Field;
use crate::model::figures::fields;
use crate::model::format::millions;
use crate::model::results::{ExtraSaving, extra_saving, summarise};
use crate::model::{Projection, Scenario, project};

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// Its name.
    pub name: String,
    /// The scenario.
    pub scenario: Rc<Scenario>,
}

/// Props of [`Compare`].
#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    /// The scenario on the page.
    pub a: Side,
    /// The one it is compared with.
    pub b: Side,
    /// Back to the calculator.
    pub on_close: Callback<()>,
}

/// An input that differs: its words, and its value in each scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The input in words.
    pub what: String,
    /// In the first scenario ("–" if it has none).
    pub a: String,
    /// In the second.
    pub b: String,
}

/// Every input that differs between `a` and `b`, in the order of `a`'s
/// inputs, then `b`'s; names and statuses of projects, and the scenarios'
/// years, too.
pub fn differences(a: &Scenario, b: &Scenario) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut text = |what: &str, x: String, y: String| {
        if x != y {
            out.push(Difference {
                what: what.into(),
                a: x,
                b: y,
            });
        }
    };
    text(
        "Council",
        a.about.authority.clone(),
        b.about.authority.clone(),
    );
    text(
        "Years",
        format!("{} to {}", a.about.first_year, a.about.last_year()),
        format!("{} to {}", b.about.first_year, b.about.last_year()),
    );
    text(
        "Agreement ends",
        a.about.agreement_end.to_string(),
        b.about.agreement_end.to_string(),
    );
    text(
        "Year the planned mix is reached",
        a.placements.target_year.to_string(),
        b.placements.target_year.to_string(),
    );
    let names = |s: &Scenario| {
        s.savings
            .projects
            .iter()
            .map(|p| format!("{} ({})", p.name, p.status.label()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    text("Savings projects", names(a), names(b));
    let fa = fields(a);
    let fb: BTreeMap<Field, _> = crate::model::order::map_of(fields(b));
    let in_a: BTreeMap<Field, _> = crate::model::order::map_of(fa.iter().copied());
    let none = || "–".to_string();
    for (field, va) in &fa {
        match fb.get(field) {
            Some(vb) if vb == va => {}
            Some(vb) => out.push(Difference {
                what: field.label(a),
                a: field.show(*va),
                b: field.show(*vb),
            }),
            None => out.push(Difference {
                what: field.label(a),
                a: field.show(*va),
                b: none(),
            }),
        }
    }
    for (field, vb) in &fb {
        if !in_a.contains_key(field) {
            out.push(Difference {
                what: field.label(b),
                a: none(),
                b: field.show(*vb),
            });
        }
    }
    out
}

fn summary(s: &Scenario, p: &Projection) -> Vec<(&'static str, String)> {
    let sum = summarise(s, p);
    let from = s.about.extra_from();
    vec![
        (
            "In-year balance first reached",
            sum.first_balance_year.map_or_else(
                || format!("Not by {}", s.about.last_year()),
                |y| y.to_string(),
            ),
        ),
        (
            "Deficit cleared",
            match sum.cleared_year {
                Some(y) => y.to_string(),
                None => format!("Not by {}", s.about.last_year()),
            },
        ),
        (
            "Remaining at the agreement end",
            format!("{} ({})", millions(sum.remaining_at_end), sum.agreement_end),
        ),
        (
            "Without the plan, at the agreement end",
            millions(sum.unmitigated_at_end),
        ),
        ("DfE payments withheld", millions(sum.withheld)),
        (
            "Extra saving a year to clear it",
            match extra_saving(s, from) {
                ExtraSaving::Needed { per_year, .. } => {
                    format!("{} from {from}", millions(per_year))
                }
                ExtraSaving::NotNeeded { .. } => "None needed".into(),
                ExtraSaving::TooLate => "–".into(),
            },
        ),
    ]
}

/// The comparison view.
#[component]
pub fn Compare(p: &CompareProps) -> Html {
    let pa = project(&p.a.scenario).ok();
    let pb = project(&p.b.scenario).ok();
    let (Some(pa), Some(pb)) = (pa, pb) else {
        return html! { <p>{ "One of the scenarios has problems and cannot be compared." }</p> };
    };
    let sa = summary(&p.a.scenario, &pa);
    let sb = summary(&p.b.scenario, &pb);
    let mut years: Vec<_> = pa
        .mitigated
        .iter()
        .chain(&pb.mitigated)
        .map(|r| r.year)
        .collect();
    crate::model::order::sort_small_by(&mut years, Ord::cmp);
    years.dedup();
    let line = |pr: &Projection, key, name: &str, short: &str, class| Line {
        key,
        name: name.into(),
        short: short.into(),
        values: years
            .iter()
            .map(|y| {
                pr.mitigated
                    .iter()
                    .find(|r| r.year == *y)
                    .map(|r| r.remaining_deficit)
            })
            .collect(),
        class,
        markers: true,
        points_only: false,
    };
    let lines = vec![
        line(
            &pa,
            "a",
            &format!("A: {}", p.a.name),
            "A",
            "line line--remaining",
        ),
        line(
            &pb,
            "b",
            &format!("B: {}", p.b.name),
            "B",
            "line line--compare",
        ),
    ];
    let desc = format!(
        "The remaining deficit after DfE payments in scenario A ({}) reaches {} at the agreement end; in scenario B ({}) {}.",
        p.a.name, sa[2].1, p.b.name, sb[2].1
    );
    let diffs = differences(&p.a.scenario, &p.b.scenario);
    let close = p.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title" tabindex="-1">{ "Comparing two scenarios" }</h2>
            <button type="button" class="button button--secondary no-print" id="close-compare" onclick={close}>{ "Back to the calculator" }</button>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Headline results of both scenarios">
                <table class="table compare__summary" id="compare-summary">
                    <caption>{ "Headline results" }</caption>
                    <thead><tr>
                        <th scope="col">{ "" }</th>
                        <th scope="col">{ format!("A: {}", p.a.name) }</th>
                        <th scope="col">{ format!("B: {}", p.b.name) }</th>
                    </tr></thead>
                    <tbody>
                        { for sa.iter().zip(&sb).map(|((what, a), (_, b))| html! {
                            <tr class={classes!((a != b).then_some("differs"))}>
                                <th scope="row">{ *what }</th><td>{ a.clone() }</td><td>{ b.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <LineChart id="compare-deficit" title="Remaining deficit after DfE payments, A and B" {desc}
                table_label="Remaining deficit by year, A and B" lines={Rc::new(lines)}
                years={Rc::new(years.iter().map(ToString::to_string).collect::<Vec<_>>())} />
            <h3>{ format!("Inputs that differ ({})", diffs.len()) }</h3>
            if diffs.is_empty() {
                <p id="compare-same">{ "The two scenarios have the same inputs." }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Inputs that differ">
                    <table class="table" id="compare-differences">
                        <caption class="visually-hidden">{ "Inputs that differ between A and B" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Input" }</th>
                            <th scope="col" class="num">{ "A" }</th>
                            <th scope="col" class="num">{ "B" }</th>
                        </tr></thead>
                        <tbody>
                            { for diffs.iter().map(|d| html! {
                                <tr><th scope="row">{ d.what.clone() }</th><td class="num">{ d.a.clone() }</td><td class="num">{ d.b.clone() }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::find;
    use rust_decimal_macros::dec;

    #[test]
    fn differences_list_what_changed_and_nothing_else() {
        let a = find("haringey").unwrap().scenario();
        assert!(differences(&a, &a).is_empty());
        let mut b = a.clone();
        b.demand.growth.start = dec!(0.09);
        b.savings.projects.pop();
        let d = differences(&a, &b);
        assert!(
            d.iter()
                .any(|x| x.what == "EHCP growth at the start" && x.b == "9%"),
            "{d:#?}"
        );
        assert!(d.iter().any(|x| x.what == "Savings projects"));
        assert!(
            d.iter().any(|x| x.b == "–"),
            "the removed project's figures show as missing in B"
        );
    }
}
