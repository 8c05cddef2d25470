//! Everything the page remembers, in one [`State`], changed only by an
//! [`Action`] through the reducer. The reducer is pure: storage and the
//! address bar are written by the persistence hook
//! ([`hooks::use_persistence`](super::hooks::use_persistence)), never here.
//!
//! The reducer is split by area: [`edit`] changes figures and choices of
//! the scenario, [`lists`] adds, removes and moves items of its lists, and
//! [`page`] handles the rest (opening a scenario, saved work, the view,
//! messages). An area says whether it changed the draft scenario; only
//! then is the draft validated again ([`State::settle`]), so revalidation
//! is explicit, never a side effect of an arm returning early or not.
//!
//! **Nothing unvalidated is computed with.** Text typed into a number box
//! becomes a figure only through [`Unit::parse`](super::units::Unit::parse),
//! which refuses (with a message beside the field, the text kept) anything
//! outside the field's bounds; a slider's value is held to the same
//! bounds. So every figure of the draft scenario is always within its
//! [`Field`]'s bounds, and the arithmetic the panels do on it cannot
//! overflow. The figures the reducer makes itself (a default Schools
//! Block, default places, a new project) come from model functions that
//! keep them within bounds too. `cargo clippy` denies unchecked arithmetic
//! in this module.
#![deny(clippy::arithmetic_side_effects)]

mod action;
mod edit;
mod lists;
mod page;
pub mod parts;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

pub use self::action::{AGES_NOT_LOADED, Action, Notice, View};
pub use self::parts::{FieldState, Parts, Shared};
use crate::model::field::Field;
pub use crate::model::field::Mix;
use crate::model::node::Node;
use crate::model::presets::{self, DEFAULT_PRESET};
use crate::model::scenario::Scenario;
pub use crate::model::scenario::TransferKind;
use crate::model::setting::PerSetting;
use crate::model::store::Saved;
use crate::model::validate::Place;
use crate::model::year::FinYear;
use crate::model::{Problem, validate};

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
    /// The draft in the parts the panels show, each shared until it
    /// changes, so a panel redraws only when its own part does.
    pub parts: Parts,
    /// The last scenario without problems: the results come from it.
    pub good: Rc<Scenario>,
    /// Counts changes to `good`, so the projection is recomputed only then.
    pub generation: u64,
    /// Text typed in number boxes, by field, kept as typed.
    pub typed: BTreeMap<Field, String>,
    /// Text that is not a number (or not allowed), by field, with its
    /// message.
    pub unreadable: BTreeMap<Field, String>,
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
    /// The scenarios saved in this browser.
    pub saves: Rc<Vec<Saved>>,
    /// What the page shows.
    pub view: View,
    /// The results in children and places (for parents) rather than money.
    pub parents: bool,
    /// The share link of the last valid scenario, once it has been written
    /// to the address bar.
    pub link: String,
    /// The council whose figures by age the results wait for and could
    /// not be loaded, and why.
    pub ages_failed: Option<(&'static str, String)>,
    /// Counts the tries to load them again.
    pub ages_attempt: u32,
}

impl State {
    /// A state starting from `scenario`.
    pub fn from_scenario(preset: &str, scenario: Scenario) -> Self {
        let problems = validate::validate_before_loading(&scenario);
        let extra_from = scenario.about.extra_from();
        let scenario = Rc::new(scenario);
        State {
            preset: preset.to_string(),
            parts: Parts::of(&scenario),
            good: scenario.clone(),
            origin: scenario.clone(),
            draft: scenario,
            generation: 0,
            typed: BTreeMap::new(),
            unreadable: BTreeMap::new(),
            problems,
            locks_now: PerSetting::default(),
            locks_plan: PerSetting::default(),
            extra_from,
            notices: Vec::new(),
            saves: Rc::new(Vec::new()),
            view: View::Calculator,
            parents: false,
            link: String::new(),
            ages_failed: None,
            ages_attempt: 0,
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

    /// Every message to show: unreadable text first, then validation
    /// problems (for fields whose text is readable).
    pub fn messages(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = self
            .unreadable
            .iter()
            .map(|(field, message)| Problem::new(*field, message.clone()))
            .collect();
        out.extend(
            self.problems
                .iter()
                .filter(|p| !matches!(p.at, Place::Node(Node::Field(f)) if self.unreadable.contains_key(&f)))
                .cloned(),
        );
        out
    }

    /// The typed text, messages (of [`messages`](Self::messages), worked
    /// out once for all the panels) and sources of every field inside the
    /// groups `within`: what a panel shows besides its part of the
    /// scenario.
    pub fn fields_within(&self, messages: &[Problem], within: &[Node]) -> FieldState {
        let mine = |n: Node| within.iter().any(|w| n.is_within(*w));
        FieldState {
            typed: Rc::new(crate::model::order::map_of(
                self.typed
                    .iter()
                    .filter(|(f, _)| mine(Node::Field(**f)))
                    .map(|(f, t)| (*f, t.clone())),
            )),
            messages: Rc::new(
                messages
                    .iter()
                    .filter(|p| p.node().is_some_and(mine))
                    .cloned()
                    .collect(),
            ),
            sources: self.parts.sources.clone(),
        }
    }

    /// The locks of today's or the planned mix.
    pub fn locks(&self, mix: Mix) -> &PerSetting<bool> {
        match mix {
            Mix::Now => &self.locks_now,
            Mix::Plan => &self.locks_plan,
        }
    }

    /// Validates the draft again, shares its parts with the panels, and,
    /// if it has no problems, makes it the one the results come from.
    ///
    /// A scenario by age whose council's figures have not loaded yet is not
    /// a problem here: it becomes the one the results come from, and they
    /// wait for the figures ([`Action::AgesLoaded`]).
    fn settle(mut self) -> Self {
        self.problems = validate::validate_before_loading(&self.draft);
        self.parts = self.parts.refreshed(&self.draft);
        if self.problems.is_empty() && self.unreadable.is_empty() && *self.good != *self.draft {
            self.good = self.draft.clone();
            self.generation = self.generation.wrapping_add(1);
        }
        self
    }

    /// The draft, to change: copied first if anything else holds it.
    fn draft_mut(&mut self) -> &mut Scenario {
        Rc::make_mut(&mut self.draft)
    }

    /// Forgets the typed text and message of `field`.
    fn forget(&mut self, field: Field) {
        self.typed.remove(&field);
        self.unreadable.remove(&field);
    }

    /// Forgets the typed text and messages of every field inside `node`.
    fn forget_within(&mut self, node: impl Into<Node>) {
        let node = node.into();
        self.typed.retain(|f, _| !Node::Field(*f).is_within(node));
        self.unreadable
            .retain(|f, _| !Node::Field(*f).is_within(node));
    }
}

/// What an area of the reducer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    /// The draft scenario changed: validate it again.
    Draft,
    /// Only the page's own state changed.
    Page,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if matches!(action, Action::AgesLoaded(_) | Action::ByAge(Some(_))) {
            // Figures by age are in: a message that they could not be
            // loaded is out of date, and so is this council's failure.
            s.notices.retain(|n| !n.title.starts_with(AGES_NOT_LOADED));
        }
        if let Action::AgesLoaded(code) = action
            && s.ages_failed.as_ref().is_some_and(|(c, _)| *c == code)
        {
            s.ages_failed = None;
        }
        let change = match action {
            Action::LoadPreset(_) | Action::Open { .. } => {
                return Rc::new(page::replace(&self, action));
            }
            a @ (Action::Type { .. }
            | Action::TypeOptional { .. }
            | Action::Slide { .. }
            | Action::Share { .. }
            | Action::Text { .. }
            | Action::ClearYear(_)
            | Action::TargetYear(_)
            | Action::Transfer(_)
            | Action::LimitPlaces { .. }
            | Action::ProjectStatus(..)
            | Action::DefaultConfidence(_)
            | Action::Conditional(_)
            | Action::ByAge(_)
            | Action::SecondaryAsToday) => edit::apply(&mut s, a),
            Action::AgesLoaded(_) => {
                // The scenario is unchanged but can now be projected: the
                // results are worked out again even if it was already the
                // last good one (opened from a link before its figures).
                let mut s = s.settle();
                s.generation = s.generation.wrapping_add(1);
                return Rc::new(s);
            }
            a @ (Action::AddProject
            | Action::RemoveProject(_)
            | Action::MoveProject { .. }
            | Action::AddContribution
            | Action::RemoveContribution(_)) => lists::apply(&mut s, a),
            a => page::apply(&mut s, a),
        };
        Rc::new(match change {
            Change::Draft => s.settle(),
            Change::Page => s,
        })
    }
}
