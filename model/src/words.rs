//! The results in short, plain sentences: what a parent or a new
//! councillor reads first. Every number comes from the projection.

use rust_decimal::Decimal;

use super::format::{count, millions};
use super::projection::Projection;
use super::results::{ExtraSaving, extra_saving, summarise};
use super::scenario::Scenario;
use super::setting::Setting;

/// "What this means": the projection of `s` in short sentences.
pub fn what_this_means(s: &Scenario, p: &Projection) -> Vec<String> {
    let Some(first) = p.mitigated.first() else {
        return Vec::new();
    };
    let sum = summarise(s, p);
    let end = sum.agreement_end;
    let mut out = vec![
        format!(
            "In {}, about {} children and young people have an EHCP: a plan for the extra help they need at school or college.",
            first.year,
            count(first.ehcps)
        ),
        format!(
            "Their help costs the council about {} that year. It gets about {} to pay for it.",
            millions(first.gross_spend - first.savings),
            millions(first.income)
        ),
    ];
    let gap = first.in_year_balance;
    out.push(if gap < Decimal::ZERO {
        format!("So it spends {} more than it gets.", millions(-gap))
    } else {
        format!("So it spends {} less than it gets.", millions(gap))
    });
    if s.opening_deficit > Decimal::ZERO {
        out.push(format!(
            "Overspending adds up from year to year. Before {} it already owed {}.",
            first.year,
            millions(s.opening_deficit)
        ));
    } else if s.opening_deficit < Decimal::ZERO {
        out.push(format!(
            "Overspending adds up from year to year. Before {} it had {} in hand from earlier years (a surplus).",
            first.year,
            millions(-s.opening_deficit)
        ));
    }
    out.extend(beside_published(p));
    out.extend(beside_the_paper(s, p));
    out.push(format!(
        "If nothing changed, it would owe {} by the end of {end}.",
        millions(sum.unmitigated_at_end)
    ));
    out.push(match sum.cleared_year {
        Some(y) if y <= end => format!(
            "With its plan and the government's extra payments, it would pay off what it owes by the end of {y}."
        ),
        _ => format!(
            "With its plan and the government's extra payments, it would still owe {} at the end of {end}.",
            millions(sum.remaining_at_end)
        ),
    });
    let from = s.about.extra_from();
    if let ExtraSaving::Needed { per_year, .. } = extra_saving(s, from) {
        out.push(format!(
            "To pay it all off by then, it would need to save about {} more each year from {from}.",
            millions(per_year)
        ));
    }
    out
}

/// A balance in words: "a deficit of £8.7m", "a surplus of £1.5m".
fn balance_words(d: Decimal) -> String {
    if d < Decimal::ZERO {
        format!("a surplus of {}", millions(-d))
    } else {
        format!("a deficit of {}", millions(d))
    }
}

/// How far `a` is from `b`, in words: "£3.4m below", "£0.2m above".
fn difference_words(a: Decimal, b: Decimal) -> String {
    let d = a - b;
    if d < Decimal::ZERO {
        format!("{} below", millions(-d))
    } else {
        format!("{} above", millions(d))
    }
}

/// The plan beside what happened: for each year of the projection with a
/// published DSG balance, that balance beside the agreed path (where there
/// is one) and beside the remaining deficit this scenario projects. The
/// published balance is net of the DfE's payments, so it is set beside the
/// agreed path less the payments due by then (the papers' "remaining
/// deficit").
pub fn beside_published(p: &Projection) -> Vec<String> {
    let mut due = Decimal::ZERO;
    let mut out = Vec::new();
    for (r, published) in p.mitigated.iter().zip(&p.published) {
        due += r.sv_due;
        let Some(b) = *published else { continue };
        out.push(format!(
            "What happened: at the end of {} the council's published DSG balance was {}.",
            r.year,
            balance_words(b)
        ));
        if let Some(a) = r.agreed {
            let net = a - due;
            out.push(format!(
                "That is {} the agreed path ({} after the DfE's payments).",
                difference_words(b, net),
                millions(net)
            ));
        }
        out.push(format!(
            "This scenario has {} for that year.",
            millions(r.remaining_deficit)
        ));
    }
    out
}

/// The paper's own claim beside what the model makes of its plan: "The
/// council's paper expects the deficit cleared by the end of 2025-26. On
/// published spending, the plan as written leaves £4.3m then."
pub fn beside_the_paper(s: &Scenario, p: &Projection) -> Vec<String> {
    let Some(y) = s.agreement.expected_clear else {
        return Vec::new();
    };
    let Some(r) = p.mitigated.iter().find(|r| r.year == y) else {
        return Vec::new();
    };
    let claim = format!("The council's paper expects the deficit cleared by the end of {y}.");
    vec![
        claim,
        if r.remaining_deficit > Decimal::ZERO {
            format!(
                "On these figures, the plan as written leaves {} then.",
                millions(r.remaining_deficit)
            )
        } else {
            "On these figures the plan as written does that.".to_string()
        },
    ]
}

/// One kind of setting for the parents' view: children in it in the first
/// and last year, with the plan and without, and what a place costs.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingStory {
    /// The setting.
    pub setting: Setting,
    /// Children there in the first year.
    pub first: Decimal,
    /// Children there in the last year with the plan.
    pub last_plan: Decimal,
    /// Children there in the last year without the plan.
    pub last_without: Decimal,
    /// What a place costs a year, in the first year.
    pub cost_first: Decimal,
    /// What a place costs a year, in the last year (with inflation).
    pub cost_last: Decimal,
}

/// Children and places by setting, first and last year.
pub fn settings_story(p: &Projection) -> Vec<SettingStory> {
    let (Some(first), Some(last), Some(without)) = (
        p.mitigated.first(),
        p.mitigated.last(),
        p.unmitigated.last(),
    ) else {
        return Vec::new();
    };
    Setting::ALL
        .into_iter()
        .map(|setting| SettingStory {
            setting,
            first: first.children[setting],
            last_plan: last.children[setting],
            last_without: without.children[setting],
            cost_first: first.cost_per_child[setting],
            cost_last: last.cost_per_child[setting],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::find;
    use crate::project;

    #[test]
    fn sentences_are_short_and_carry_the_results() {
        for id in ["average", "haringey", "southwark", "medway"] {
            let s = find(id).unwrap().scenario();
            let p = project(&s).unwrap();
            let words = what_this_means(&s, &p);
            assert!(words.len() >= 5, "{id}");
            for sentence in &words {
                // Short sentences: none over 30 words.
                let n = sentence.split_whitespace().count();
                assert!(n <= 30, "{id}: {n} words: {sentence}");
            }
            let sum = summarise(&s, &p);
            let all = words.join(" ");
            assert!(
                all.contains(&millions(sum.unmitigated_at_end)),
                "{id}: {all}"
            );
        }
        let s = find("haringey").unwrap().scenario();
        let p = project(&s).unwrap();
        assert!(
            what_this_means(&s, &p)
                .join(" ")
                .contains("pay off what it owes by the end of 2025-26"),
            "{:?}",
            what_this_means(&s, &p)
        );
    }

    #[test]
    fn the_story_counts_every_child() {
        let s = find("wokingham").unwrap().scenario();
        let p = project(&s).unwrap();
        let story = settings_story(&p);
        let total: Decimal = story.iter().map(|x| x.first).sum();
        assert_eq!(total, p.mitigated[0].ehcps);
    }
}
