//! The page's own state: a whole scenario opened or a preset loaded, saved
//! work, the view, the lens, locks, the share link and messages.

use std::rc::Rc;

use super::{Action, Change, Notice, State, View};
use crate::model::store::Saved;
use crate::model::validate;

/// The state after opening a whole scenario or loading a preset: a fresh
/// one, keeping what belongs to the page rather than to the scenario
/// (saved work, the lens). Only a scenario that validates opens; anything
/// else is refused in words, and the work on the page stays as it was.
pub(super) fn replace(old: &State, action: Action) -> State {
    let (preset, scenario, notice) = match action {
        Action::LoadPreset(id) => match crate::model::presets::find(&id) {
            Some(p) => (p.id.to_string(), Rc::new(p.scenario()), None),
            None => return old.clone(),
        },
        Action::Open {
            preset,
            scenario,
            notice,
        } => (preset, scenario, notice),
        _ => return old.clone(),
    };
    // A scenario by age whose council's figures have not loaded yet opens:
    // its results wait for them (the page fetches them).
    let problems = validate::validate_before_loading(&scenario);
    if !problems.is_empty() {
        let mut s = old.clone();
        s.notices.push(Notice::error(
            "This scenario could not be opened, so the page is unchanged.",
            problems.iter().take(5).map(|p| p.message.clone()).collect(),
        ));
        return s;
    }
    let mut fresh = State::from_scenario(&preset, Rc::unwrap_or_clone(scenario));
    fresh.generation = old.generation.wrapping_add(1);
    fresh.notices = notice.into_iter().collect();
    fresh.saves = old.saves.clone();
    fresh.parents = old.parents;
    fresh.link = old.link.clone();
    // Opening a scenario tries its figures by age again, even for the
    // council whose figures failed before.
    fresh.ages_attempt = old.ages_attempt.wrapping_add(1);
    fresh
}

/// Applies a change to the page's own state.
pub(super) fn apply(s: &mut State, action: Action) -> Change {
    match action {
        Action::Lock {
            mix,
            setting,
            locked,
        } => match mix {
            crate::model::field::Mix::Now => s.locks_now[setting] = locked,
            crate::model::field::Mix::Plan => s.locks_plan[setting] = locked,
        },
        Action::ExtraFrom(y) => s.extra_from = y,
        Action::Save { name, at } => save(s, name, at),
        Action::OpenSaved(i) => {
            if let Some(w) = s.saves.get(i).cloned() {
                *s = replace(
                    s,
                    Action::Open {
                        preset: w.preset,
                        scenario: Rc::new(w.scenario),
                        notice: Some(Notice::info(format!(
                            "Opened the saved scenario \"{}\".",
                            w.name
                        ))),
                    },
                );
                s.view = View::Calculator;
            }
        }
        Action::DeleteSaved(i) if i < s.saves.len() => {
            let mut list = (*s.saves).clone();
            let gone = list.remove(i);
            s.saves = Rc::new(list);
            s.notices.push(Notice::info(format!(
                "Deleted the saved scenario \"{}\".",
                gone.name
            )));
            // A comparison with the deleted scenario cannot go on.
            if matches!(s.view, View::Compare(Some(_))) {
                s.view = View::Calculator;
            }
        }
        Action::Show(view) => s.view = view,
        Action::AgesFailed { code, why } => {
            // Only for figures the results (or the draft) still wait for:
            // an earlier council's answer arriving late is not this one's.
            let waiting = crate::model::age::awaiting(&s.draft)
                .or_else(|| crate::model::age::awaiting(&s.good));
            if waiting == Some(code) {
                s.ages_failed = Some((code, why));
            }
        }
        Action::RetryAges => {
            s.ages_failed = None;
            s.ages_attempt = s.ages_attempt.wrapping_add(1);
        }
        Action::Parents(on) => s.parents = on,
        Action::Linked(link) => s.link = link,
        Action::Notify(n) => {
            s.notices.retain(|x| *x != n);
            s.notices.push(n);
        }
        Action::Dismiss(i) if i < s.notices.len() => {
            s.notices.remove(i);
        }
        _ => {}
    }
    Change::Page
}

/// Keeps the last valid scenario under `name`, replacing one of that name.
fn save(s: &mut State, name: String, at: String) {
    let entry = Saved {
        name: name.clone(),
        preset: s.preset.clone(),
        saved: at,
        scenario: (*s.good).clone(),
    };
    let mut list = (*s.saves).clone();
    let replaced = match list.iter_mut().find(|w| w.name == name) {
        Some(old) => {
            *old = entry;
            true
        }
        None => {
            list.push(entry);
            false
        }
    };
    s.saves = Rc::new(list);
    s.notices.push(Notice::info(if replaced {
        format!("Replaced the saved scenario \"{name}\".")
    } else {
        format!("Saved as \"{name}\" in this browser.")
    }));
}
