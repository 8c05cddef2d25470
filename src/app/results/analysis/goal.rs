//! "What would it take?": goal seek. One lever, one target; the model finds
//! the value that just meets it, and the answer can be applied.

use std::rc::Rc;

use yew::prelude::*;

use super::AnalysisProps;
use crate::app::context::use_dispatch;
use crate::app::state::{Action, Notice};
use crate::model::FinYear;
use crate::model::solve::{self, LeverKind, Solved, Target};

/// Which target the form names (its year is held apart, so switching back
/// keeps it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Goal {
    Cleared,
    Balance,
}

impl std::str::FromStr for Goal {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "cleared" => Ok(Goal::Cleared),
            "balance" => Ok(Goal::Balance),
            _ => Err(()),
        }
    }
}

/// A `<select>`'s change, read into `state` (a value that does not read is
/// ignored: the options are the page's own).
fn on_select<T: std::str::FromStr + 'static>(state: UseStateHandle<T>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(v) = el.value().parse() {
            state.set(v);
        }
    })
}

/// Goal seek.
#[component]
pub(super) fn GoalSeek(p: &AnalysisProps) -> Html {
    let s = p.scenario.clone();
    let dispatch = use_dispatch();
    let years: Vec<FinYear> = s.about.years().collect();
    let second = years.get(1).copied().unwrap_or(s.about.first_year);
    let kind = use_state(LeverKind::default);
    let from = use_state(|| second);
    let goal = use_state(|| Goal::Cleared);
    let year = use_state(|| s.about.agreement_end);
    // Years from another scenario fall back to ones this one has.
    let from_y = if years.contains(&*from) {
        *from
    } else {
        second
    };
    let year_y = if years.contains(&*year) {
        *year
    } else {
        s.about.agreement_end
    };
    let lever = kind.lever(from_y, p.locks);
    let target = match *goal {
        Goal::Balance => Target::Balance(year_y),
        Goal::Cleared => Target::Cleared,
    };
    let worked = crate::app::hooks::use_goal(s.clone(), lever, target);
    // Only an answer for the scenario and settings as they are now is shown
    // or can be applied; an earlier one is not (it takes moments).
    let solved = worked.answer.as_deref().filter(|_| !p.pending);
    let busy = worked.working || p.pending;
    let error = worked.error.as_ref().filter(|_| !p.pending);
    let words = match (error, solved) {
        (Some(why), _) => why.clone(),
        (None, Some(solved)) => solve::answer_words(&s, lever, target, solved),
        (None, None) => "Working out what it would take…".to_string(),
    };
    let apply = match solved {
        Some(Solved::Found {
            scenario, value, ..
        }) => {
            let scenario = Rc::new((**scenario).clone());
            let preset = p.preset.to_string();
            let done = format!(
                "Applied: {} set to {}. The figures above now include it.",
                lever.changed_words(),
                solve::value_words(lever, *value)
            );
            let dispatch = dispatch.clone();
            Some(Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::Open {
                    preset: preset.clone(),
                    scenario: scenario.clone(),
                    notice: Some(Notice::info(done.clone())),
                })
            }))
        }
        _ => None,
    };
    html! {
        <div class="goal">
            <p>{ "Pick one thing to change and what it should achieve. The calculator finds the value that just does it, keeping everything else as it is." }</p>
            <div class="goal__form">
                <div class="field">
                    <label class="field__label" for="goal-lever">{ "Change" }</label>
                    <select id="goal-lever" class="select" onchange={on_select(kind.clone())}>
                        { for LeverKind::ALL.iter().map(|k| html! {
                            <option value={k.id()} selected={*kind == *k}>{ k.name() }</option>
                        }) }
                    </select>
                </div>
                if kind.needs_from() {
                    <div class="field">
                        <label class="field__label" for="goal-from">{ "From" }</label>
                        <select id="goal-from" class="select" onchange={on_select(from.clone())}>
                            { for years.iter().skip(1).map(|y| html! {
                                <option value={y.to_string()} selected={*y == from_y}>{ y.to_string() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label class="field__label" for="goal-target">{ "So that" }</label>
                    <select id="goal-target" class="select" onchange={on_select(goal.clone())}>
                        <option value="cleared" selected={*goal == Goal::Cleared}>{ format!("the deficit is cleared by the end of {}", s.about.agreement_end) }</option>
                        <option value="balance" selected={*goal == Goal::Balance}>{ "spending is within income in a year" }</option>
                    </select>
                </div>
                if *goal == Goal::Balance {
                    <div class="field">
                        <label class="field__label" for="goal-year">{ "In" }</label>
                        <select id="goal-year" class="select" onchange={on_select(year.clone())}>
                            { for years.iter().map(|y| html! {
                                <option value={y.to_string()} selected={*y == year_y}>{ y.to_string() }</option>
                            }) }
                        </select>
                    </div>
                }
            </div>
            <p class="goal__answer" id="goal-answer" aria-live="polite" aria-busy={busy.to_string()}>{ words }</p>
            if let Some(onclick) = apply {
                <button type="button" class="button" id="goal-apply" {onclick}>{ "Apply this to the scenario" }</button>
            }
        </div>
    }
}
