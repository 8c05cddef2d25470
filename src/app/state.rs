//! The page's one state and its reducer. The reducer is pure: saving to
//! storage or the address bar happens in effects, never here.
//!
//! **Nothing unvalidated is computed with.** Text typed into a number box
//! becomes a figure only through [`Unit::parse`], which refuses (with a
//! message beside the field, the text kept) anything outside the field's
//! bounds; a slider's value is held to the same bounds. So every figure of
//! the draft scenario is always within its [`Field`]'s bounds, and the
//! arithmetic the panels do on it cannot overflow. The figures this
//! reducer makes itself (a default Schools Block, default places) come
//! from model functions that keep them within bounds too. `cargo clippy`
//! denies unchecked arithmetic in this module.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::Reducible;

use super::units::Unit;
use crate::model::field::Field;
pub use crate::model::field::Mix;
use crate::model::mix::rebalance;
use crate::model::presets::{self, DEFAULT_PRESET};
pub use crate::model::scenario::TransferKind;
use crate::model::scenario::{Places, Scenario, Series, Status};
use crate::model::setting::{PerSetting, Setting};
use crate::model::year::FinYear;
use crate::model::{Problem, paths, validate};

/// Everything a person can do to the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start again from a preset.
    LoadPreset(String),
    /// Text typed in a number box.
    Type {
        /// The field's path.
        path: String,
        /// What was typed.
        text: String,
        /// Its unit.
        unit: Unit,
        /// The field's name, for messages.
        label: String,
    },
    /// A value from a slider, in model units.
    Slide {
        /// The field's path.
        path: String,
        /// The value.
        value: Decimal,
    },
    /// A setting's share, today's or planned, with the rest rebalanced.
    Share {
        /// Today's or the plan's.
        mix: Mix,
        /// Which setting.
        setting: Setting,
        /// The new share (a fraction), or text to parse.
        value: Result<Decimal, String>,
        /// What was typed, if it came from the number box.
        text: Option<String>,
    },
    /// Lock or unlock a setting's share.
    Lock {
        /// Today's or the plan's.
        mix: Mix,
        /// Which setting.
        setting: Setting,
        /// Locked or not.
        locked: bool,
    },
    /// The year the plan's mix is reached.
    TargetYear(FinYear),
    /// The Schools Block transfer's form.
    Transfer(TransferKind),
    /// Limit a setting's places, or lift the limit.
    LimitPlaces {
        /// Which setting.
        setting: Setting,
        /// Limited or not.
        limited: bool,
    },
    /// Forget a year's explicit figure (back to the line or growth).
    ClearYear(String),
    /// Text typed in a text field (a name, reference or workstream).
    Text {
        /// The field's path.
        path: String,
        /// What was typed.
        text: String,
    },
    /// A per-year figure that may be left empty (the agreed path): empty
    /// text removes the year's figure.
    TypeOptional {
        /// The field's path.
        path: String,
        /// What was typed.
        text: String,
        /// Its unit.
        unit: Unit,
        /// The field's name, for messages.
        label: String,
    },
    /// A project's delivery status.
    ProjectStatus(usize, Status),
    /// Count a project at its status's default confidence.
    DefaultConfidence(usize),
    /// Add a project at the end of the register.
    AddProject,
    /// Remove project `i`.
    RemoveProject(usize),
    /// Move project `from` to position `to`.
    MoveProject {
        /// Its position now.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Whether DfE payments depend on staying on the agreed path.
    Conditional(bool),
    /// The first year of the extra saving that would clear the deficit.
    ExtraFrom(FinYear),
    /// Add a contribution line (council, health or other).
    AddContribution,
    /// Remove contribution line `i`.
    RemoveContribution(usize),
    /// Open a whole scenario (from a link, a file or saved work).
    Open {
        /// The preset it started from.
        preset: String,
        /// The scenario, already validated.
        scenario: Rc<Scenario>,
        /// What to tell the reader about it.
        notice: Option<Notice>,
    },
    /// Tell the reader something about the page as a whole.
    Notify(Notice),
    /// Dismiss notice `i`.
    Dismiss(usize),
}

/// A message about the page as a whole: a link, saved work or a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Whether something went wrong (shown as an alert) or not.
    pub error: bool,
    /// One sentence.
    pub title: String,
    /// Details, one a line (the problems with a file, by field).
    pub lines: Vec<String>,
}

impl Notice {
    /// Something went wrong.
    pub fn error(title: impl Into<String>, lines: Vec<String>) -> Self {
        Notice {
            error: true,
            title: title.into(),
            lines,
        }
    }

    /// Something worth knowing.
    pub fn info(title: impl Into<String>) -> Self {
        Notice {
            error: false,
            title: title.into(),
            lines: Vec::new(),
        }
    }
}

/// The page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The preset the work started from.
    pub preset: String,
    /// The scenario as loaded, before any change (slider ranges come from
    /// it, so they do not move under a finger).
    pub origin: Rc<Scenario>,
    /// The scenario as entered, which may have problems.
    pub draft: Rc<Scenario>,
    /// The last scenario without problems: the results come from it.
    pub good: Rc<Scenario>,
    /// Counts changes to `good`, so the projection is recomputed only then.
    pub generation: u64,
    /// Text typed in number boxes, by path, kept as typed.
    pub typed: BTreeMap<String, String>,
    /// Text that is not a number, by path, with its message.
    pub unreadable: BTreeMap<String, String>,
    /// Validation problems of the draft.
    pub problems: Vec<Problem>,
    /// Locked settings in today's mix.
    pub locks_now: PerSetting<bool>,
    /// Locked settings in the planned mix.
    pub locks_plan: PerSetting<bool>,
    /// The first year of the extra saving in the headline.
    pub extra_from: FinYear,
    /// Messages about the page as a whole.
    pub notices: Vec<Notice>,
}

impl State {
    /// A state starting from `scenario`.
    pub fn from_scenario(preset: &str, scenario: Scenario) -> Self {
        let problems = validate(&scenario);
        let draft_for_extra = scenario.clone();
        State {
            preset: preset.to_string(),
            good: Rc::new(scenario.clone()),
            origin: Rc::new(scenario.clone()),
            draft: Rc::new(scenario),
            generation: 0,
            typed: BTreeMap::new(),
            unreadable: BTreeMap::new(),
            problems,
            locks_now: PerSetting::default(),
            locks_plan: PerSetting::default(),
            extra_from: scenario_extra_from(&draft_for_extra),
            notices: Vec::new(),
        }
    }

    /// The default preset.
    pub fn initial() -> Self {
        Self::preset(DEFAULT_PRESET)
            .unwrap_or_else(|| Self::from_scenario(DEFAULT_PRESET, presets::PRESETS[0].scenario()))
    }

    /// The preset `id`, if there is one.
    pub fn preset(id: &str) -> Option<Self> {
        presets::find(id).map(|p| Self::from_scenario(&p.id, p.scenario()))
    }

    /// Every message to show, by path: unreadable text first, then
    /// validation problems (for fields whose text is readable).
    pub fn messages(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = self
            .unreadable
            .iter()
            .map(|(path, message)| Problem {
                path: path.clone(),
                message: message.clone(),
            })
            .collect();
        out.extend(
            self.problems
                .iter()
                .filter(|p| !self.unreadable.contains_key(&p.path))
                .cloned(),
        );
        out
    }

    /// The messages for the field at `path`.
    pub fn messages_for(&self, path: &str) -> Vec<String> {
        if let Some(m) = self.unreadable.get(path) {
            return vec![m.clone()];
        }
        self.problems
            .iter()
            .filter(|p| p.path == path)
            .map(|p| p.message.clone())
            .collect()
    }

    /// Whether the page is showing the last good results rather than the
    /// draft's.
    pub fn is_stale(&self) -> bool {
        !self.unreadable.is_empty() || !self.problems.is_empty()
    }

    /// Whether `self` and `other` show the same typed text, messages and
    /// sources for every field whose path starts with one of `prefixes`:
    /// what a panel needs, besides its slice of the scenario, to know it
    /// need not be drawn again.
    pub fn same_fields(&self, other: &State, prefixes: &[&str]) -> bool {
        let mine = |p: &str| prefixes.iter().any(|x| p.starts_with(x));
        let typed = |s: &State| {
            s.typed
                .iter()
                .filter(|(k, _)| mine(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>()
        };
        let unreadable = |s: &State| {
            s.unreadable
                .iter()
                .filter(|(k, _)| mine(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>()
        };
        let problems = |s: &State| {
            s.problems
                .iter()
                .filter(|p| mine(&p.path))
                .cloned()
                .collect::<Vec<_>>()
        };
        Rc::ptr_eq(&self.origin, &other.origin)
            && self.draft.sources == other.draft.sources
            && self.draft.about == other.draft.about
            && typed(self) == typed(other)
            && unreadable(self) == unreadable(other)
            && problems(self) == problems(other)
    }

    fn locks(&self, mix: Mix) -> &PerSetting<bool> {
        match mix {
            Mix::Now => &self.locks_now,
            Mix::Plan => &self.locks_plan,
        }
    }

    /// Re-validates the draft and, if it has no problems, makes it the one
    /// the results come from.
    fn settle(mut self) -> Self {
        self.problems = validate(&self.draft);
        if self.problems.is_empty() && self.unreadable.is_empty() && *self.good != *self.draft {
            self.good = self.draft.clone();
            self.generation = self.generation.wrapping_add(1);
        }
        self
    }

    fn set_share(&mut self, mix: Mix, setting: Setting, value: Decimal) {
        let settings = &self.draft.placements.settings;
        let current = settings.map(|_, p| match mix {
            Mix::Now => p.share_now,
            Mix::Plan => p.share_plan,
        });
        let locks = self.locks(mix).clone();
        let next = rebalance(&current, &locks, setting, value);
        for (s, v) in next.iter() {
            let p = &mut Rc::make_mut(&mut self.draft).placements.settings[s];
            match mix {
                Mix::Now => p.share_now = *v,
                Mix::Plan => p.share_plan = *v,
            }
            let path = format!("placements.settings.{}.{}", s.id(), mix.field());
            if s != setting {
                self.typed.remove(&path);
                self.unreadable.remove(&path);
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::LoadPreset(id) => {
                return Rc::new(match State::preset(&id) {
                    Some(mut fresh) => {
                        fresh.generation = self.generation.wrapping_add(1);
                        fresh
                    }
                    None => s,
                });
            }
            Action::Type {
                path,
                text,
                unit,
                label,
            } => {
                s.typed.insert(path.clone(), text.clone());
                match path.parse::<Field>() {
                    Ok(field) => match unit.parse(&text, &label, field.bounds().as_ref()) {
                        Ok(v) => {
                            s.unreadable.remove(&path);
                            if field.set(Rc::make_mut(&mut s.draft), v).is_err() {
                                s.unreadable
                                    .insert(path, format!("{label} cannot be set here"));
                            }
                        }
                        Err(message) => {
                            s.unreadable.insert(path, message);
                        }
                    },
                    Err(_) => {
                        s.unreadable
                            .insert(path, format!("{label} cannot be set here"));
                    }
                }
            }
            Action::Slide { path, value } => {
                // A slider cannot leave its range, which is inside the
                // field's bounds; a value outside them (a page altered in
                // the browser's tools) changes nothing.
                if let Ok(field) = path.parse::<Field>()
                    && field.bounds().is_some_and(|b| b.allows(value))
                    && field.set(Rc::make_mut(&mut s.draft), value).is_ok()
                {
                    s.typed.remove(&path);
                    s.unreadable.remove(&path);
                }
            }
            Action::Share {
                mix,
                setting,
                value,
                text,
            } => {
                let path = format!("placements.settings.{}.{}", setting.id(), mix.field());
                match text {
                    Some(t) => {
                        s.typed.insert(path.clone(), t);
                    }
                    None => {
                        s.typed.remove(&path);
                    }
                }
                let bounds = Field::Share(mix, setting).bounds();
                match value {
                    Ok(v) if bounds.is_some_and(|b| b.allows(v)) => {
                        s.unreadable.remove(&path);
                        s.set_share(mix, setting, v);
                    }
                    Ok(v) => {
                        let what = format!("{} share {}", setting.label(), mix.when());
                        let message = bounds.and_then(|b| b.problem(&what, v)).unwrap_or_default();
                        s.unreadable.insert(path, message);
                    }
                    Err(message) => {
                        s.unreadable.insert(path, message);
                    }
                }
            }
            Action::Lock {
                mix,
                setting,
                locked,
            } => {
                match mix {
                    Mix::Now => s.locks_now[setting] = locked,
                    Mix::Plan => s.locks_plan[setting] = locked,
                }
                return Rc::new(s);
            }
            Action::TargetYear(y) => Rc::make_mut(&mut s.draft).placements.target_year = y,
            Action::Transfer(kind) => {
                let d = Rc::make_mut(&mut s.draft);
                d.income.schools_block_transfer = d
                    .income
                    .schools_block_transfer
                    .switched(kind, &d.income.hnb);
                s.typed
                    .retain(|k, _| !k.starts_with("income.schools_block_transfer"));
                s.unreadable
                    .retain(|k, _| !k.starts_with("income.schools_block_transfer"));
            }
            Action::LimitPlaces { setting, limited } => {
                let current = s.good.placements.settings[setting].places.clone();
                let ehcps = s.draft.demand.ehcps;
                let p = &mut Rc::make_mut(&mut s.draft).placements.settings[setting];
                p.places = if limited {
                    current.or_else(|| Some(Places::for_setting(setting, ehcps, p.share_now)))
                } else {
                    None
                };
                let prefix = format!("placements.settings.{}.places", setting.id());
                s.typed.retain(|k, _| !k.starts_with(&prefix));
                s.unreadable.retain(|k, _| !k.starts_with(&prefix));
            }
            Action::Text { path, text } => {
                if paths::set_text(Rc::make_mut(&mut s.draft), &path, &text).is_err() {
                    s.unreadable
                        .insert(path, "This field cannot be set here".into());
                }
            }
            Action::TypeOptional {
                path,
                text,
                unit,
                label,
            } => {
                if text.trim().is_empty() {
                    paths::clear(Rc::make_mut(&mut s.draft), &path);
                    s.typed.remove(&path);
                    s.unreadable.remove(&path);
                } else {
                    return Rc::new(s).reduce(Action::Type {
                        path,
                        text,
                        unit,
                        label,
                    });
                }
            }
            Action::ProjectStatus(i, status) => {
                if let Some(p) = Rc::make_mut(&mut s.draft).savings.projects.get_mut(i) {
                    p.status = status;
                }
            }
            Action::DefaultConfidence(i) => {
                if let Some(p) = Rc::make_mut(&mut s.draft).savings.projects.get_mut(i) {
                    p.confidence = None;
                }
                let path = format!("savings.projects[{i}].confidence");
                s.typed.remove(&path);
                s.unreadable.remove(&path);
            }
            Action::AddProject => {
                let d = Rc::make_mut(&mut s.draft);
                let n = d.savings.projects.len().saturating_add(1);
                d.savings.projects.push(crate::model::scenario::Project {
                    reference: String::new(),
                    name: format!("New project {n}"),
                    workstream: String::new(),
                    savings: Default::default(),
                    status: Status::OnTrack,
                    confidence: None,
                    achieved: Default::default(),
                });
            }
            Action::RemoveProject(i) => {
                let d = Rc::make_mut(&mut s.draft);
                if i < d.savings.projects.len() {
                    d.savings.projects.remove(i);
                    let shift = |j: usize| match j.cmp(&i) {
                        std::cmp::Ordering::Less => Some(j),
                        std::cmp::Ordering::Equal => None,
                        std::cmp::Ordering::Greater => Some(j.saturating_sub(1)),
                    };
                    paths::reindex(&mut s.typed, "savings.projects", shift);
                    paths::reindex(&mut s.unreadable, "savings.projects", shift);
                }
            }
            Action::MoveProject { from, to } => {
                let d = Rc::make_mut(&mut s.draft);
                let n = d.savings.projects.len();
                if from < n && to < n && from != to {
                    let p = d.savings.projects.remove(from);
                    d.savings.projects.insert(to, p);
                    let shift = |j: usize| {
                        Some(if j == from {
                            to
                        } else if from < to && j > from && j <= to {
                            j.saturating_sub(1)
                        } else if to < from && j >= to && j < from {
                            j.saturating_add(1)
                        } else {
                            j
                        })
                    };
                    paths::reindex(&mut s.typed, "savings.projects", shift);
                    paths::reindex(&mut s.unreadable, "savings.projects", shift);
                }
            }
            Action::Conditional(on) => Rc::make_mut(&mut s.draft).agreement.conditional = on,
            Action::ExtraFrom(y) => {
                s.extra_from = y;
                return Rc::new(s);
            }
            Action::AddContribution => {
                let d = Rc::make_mut(&mut s.draft);
                let n = d.income.other_contributions.len().saturating_add(1);
                d.income
                    .other_contributions
                    .push(crate::model::scenario::Line {
                        name: format!("Contribution {n} (council or health)"),
                        amount: Series::default(),
                    });
            }
            Action::RemoveContribution(i) => {
                let d = Rc::make_mut(&mut s.draft);
                if i < d.income.other_contributions.len() {
                    d.income.other_contributions.remove(i);
                    s.typed
                        .retain(|k, _| !k.starts_with("income.other_contributions"));
                    s.unreadable
                        .retain(|k, _| !k.starts_with("income.other_contributions"));
                }
            }
            Action::ClearYear(path) => {
                paths::clear(Rc::make_mut(&mut s.draft), &path);
                s.typed.remove(&path);
                s.unreadable.remove(&path);
            }
            Action::Open {
                preset,
                scenario,
                notice,
            } => {
                // Only a scenario that validates becomes the one the results
                // come from; anything else is refused in words, and the work
                // on the page stays as it was.
                let problems = validate(&scenario);
                if !problems.is_empty() {
                    s.notices.push(Notice::error(
                        "This scenario could not be opened, so the page is unchanged.",
                        problems.iter().take(5).map(|p| p.message.clone()).collect(),
                    ));
                    return Rc::new(s);
                }
                let mut fresh = State::from_scenario(&preset, (*scenario).clone());
                fresh.generation = self.generation.wrapping_add(1);
                fresh.notices = notice.into_iter().collect();
                return Rc::new(fresh);
            }
            Action::Notify(n) => {
                s.notices.retain(|x| *x != n);
                s.notices.push(n);
                return Rc::new(s);
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
                return Rc::new(s);
            }
        }
        Rc::new(s.settle())
    }
}

/// The default first year of the extra saving: the year after the first
/// (the first is usually under way), or the first if there is only one.
fn scenario_extra_from(s: &Scenario) -> FinYear {
    if s.about.years > 1 && s.about.agreement_end > s.about.first_year {
        s.about.first_year.plus(1)
    } else {
        s.about.first_year
    }
}

/// A share typed as a percentage, read.
pub fn read_share(text: &str, setting: Setting, mix: Mix) -> Result<Decimal, String> {
    Unit::Percent.parse(
        text,
        &format!("{} share {}", setting.label(), mix.when()),
        Field::Share(mix, setting).bounds().as_ref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn act(s: State, a: Action) -> State {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn a_bad_value_keeps_the_text_and_the_last_good_results() {
        let s = State::initial();
        let good = s.good.clone();
        let s = act(
            s,
            Action::Type {
                path: "demand.growth.start".into(),
                text: "lots".into(),
                unit: Unit::Percent,
                label: "EHCP growth".into(),
            },
        );
        assert_eq!(s.typed["demand.growth.start"], "lots");
        assert!(s.messages_for("demand.growth.start")[0].contains("EHCP growth must be a number"));
        assert_eq!(s.good, good);
        let s = act(
            s,
            Action::Type {
                path: "demand.growth.start".into(),
                text: "250".into(),
                unit: Unit::Percent,
                label: "EHCP growth".into(),
            },
        );
        assert!(s.messages_for("demand.growth.start")[0].contains("between -50% and 100%"));
        assert_eq!(
            s.good, good,
            "an out-of-range value leaves the results alone"
        );
        let s = act(
            s,
            Action::Type {
                path: "demand.growth.start".into(),
                text: "4.5".into(),
                unit: Unit::Percent,
                label: "EHCP growth".into(),
            },
        );
        assert!(s.messages().is_empty());
        assert_eq!(s.good.demand.growth.start, dec!(0.045));
        assert_eq!(s.generation, 1);
    }

    #[test]
    fn shares_stay_at_100_with_locks() {
        let s = State::initial();
        let s = act(
            s,
            Action::Lock {
                mix: Mix::Plan,
                setting: Setting::StateSpecial,
                locked: true,
            },
        );
        let special = s.draft.placements.settings[Setting::StateSpecial].share_plan;
        let s = act(
            s,
            Action::Share {
                mix: Mix::Plan,
                setting: Setting::Inmss,
                value: Ok(dec!(0.02)),
                text: None,
            },
        );
        let p = &s.draft.placements.settings;
        assert_eq!(p[Setting::Inmss].share_plan, dec!(0.02));
        assert_eq!(p[Setting::StateSpecial].share_plan, special);
        assert_eq!(
            p.0.iter().map(|x| x.share_plan).sum::<Decimal>(),
            Decimal::ONE
        );
        assert!(s.messages().is_empty());
    }

    #[test]
    fn only_a_valid_scenario_opens() {
        let s = State::initial();
        let mut bad = (*s.good).clone();
        bad.demand.ehcps = dec!(-1);
        let after = act(
            s.clone(),
            Action::Open {
                preset: "average".into(),
                scenario: Rc::new(bad),
                notice: None,
            },
        );
        assert_eq!(after.good, s.good, "the results stay");
        assert_eq!(after.draft, s.draft);
        assert!(after.notices[0].error);
        assert!(
            after.notices[0].lines[0].contains("The number of EHCPs cannot be negative"),
            "{:?}",
            after.notices
        );
    }

    #[test]
    fn presets_load_and_limits_toggle() {
        let s = act(State::initial(), Action::LoadPreset("medway".into()));
        assert_eq!(s.draft.about.authority, "Medway");
        let s = act(
            s,
            Action::LimitPlaces {
                setting: Setting::StateSpecial,
                limited: true,
            },
        );
        assert!(
            s.draft.placements.settings[Setting::StateSpecial]
                .places
                .is_some()
        );
        assert!(s.messages().is_empty(), "{:?}", s.messages());
        let s = act(s, Action::LoadPreset("atlantis".into()));
        assert_eq!(
            s.draft.about.authority, "Medway",
            "an unknown preset changes nothing"
        );
    }
}
