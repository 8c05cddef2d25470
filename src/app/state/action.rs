//! What a person (or the page's own hooks) can do: every change to the
//! [`State`](super::State) is one of these.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::app::units::Unit;
use crate::model::field::{Field, Mix};
use crate::model::scenario::{Scenario, Status, TransferKind};
use crate::model::setting::Setting;
use crate::model::year::FinYear;

/// Everything that changes the page's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start again from a preset.
    LoadPreset(String),
    /// Text typed in a number box.
    Type {
        /// The field.
        field: Field,
        /// What was typed.
        text: String,
        /// Its unit as shown.
        unit: Unit,
        /// The field's name as the page shows it, for messages.
        label: String,
    },
    /// Text typed in a number box that may be left empty (the agreed path,
    /// a year's saving): empty text removes the year's figure.
    TypeOptional {
        /// The field.
        field: Field,
        /// What was typed.
        text: String,
        /// Its unit as shown.
        unit: Unit,
        /// The field's name as the page shows it, for messages.
        label: String,
    },
    /// A value from a slider, in model units.
    Slide {
        /// The field.
        field: Field,
        /// The value.
        value: Decimal,
    },
    /// A setting's share, today's or planned, with the rest rebalanced.
    Share {
        /// Today's or the plan's.
        mix: Mix,
        /// Which setting.
        setting: Setting,
        /// The new share (a fraction), or the message for text that is not
        /// one.
        value: Result<Decimal, String>,
        /// What was typed, if it came from the number box.
        text: Option<String>,
    },
    /// Text typed in a text field (a name, reference or workstream).
    Text {
        /// The field.
        field: Field,
        /// What was typed.
        text: String,
    },
    /// Forget a year's explicit figure (back to the line or growth).
    ClearYear(Field),
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
    /// A project's delivery status.
    ProjectStatus(usize, Status),
    /// Count a project at its status's default confidence.
    DefaultConfidence(usize),
    /// Whether DfE payments depend on staying on the agreed path.
    Conditional(bool),
    /// Project demand by age with these levers (from the council's own
    /// figures by age, loaded first), or by growth rate (`None`).
    ByAge(Option<crate::model::scenario::AgeLevers>),
    /// Keep each secondary age's mainstream share as it is today (no
    /// planned share).
    SecondaryAsToday,
    /// Council `code`'s figures by age have loaded: check the scenario
    /// again and project it.
    AgesLoaded(&'static str),
    /// Council `code`'s figures by age could not be loaded, for reason
    /// `why` (kept only if the results still wait for them).
    AgesFailed {
        /// The council.
        code: &'static str,
        /// Why, in words.
        why: String,
    },
    /// Try loading the figures by age the results wait for again.
    RetryAges,
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
    /// Add a contribution line (council, health or other).
    AddContribution,
    /// Remove contribution line `i`.
    RemoveContribution(usize),
    /// The first year of the extra saving that would clear the deficit.
    ExtraFrom(FinYear),
    /// Open a whole scenario (from a link, a file, saved work or an answer
    /// applied from "Test the plan").
    Open {
        /// The preset it started from.
        preset: String,
        /// The scenario; it opens only if it validates.
        scenario: Rc<Scenario>,
        /// What to tell the reader about it.
        notice: Option<Notice>,
    },
    /// Keep the scenario on the page in this browser under `name`
    /// (replacing any saved scenario of that name).
    Save {
        /// Its name.
        name: String,
        /// The time now (ISO 8601), from the browser.
        at: String,
    },
    /// Open saved scenario `i`.
    OpenSaved(usize),
    /// Delete saved scenario `i`.
    DeleteSaved(usize),
    /// Show another view of the page.
    Show(View),
    /// Show the results in children and places (`true`) or in money.
    Parents(bool),
    /// The share link has been written to the address bar.
    Linked(String),
    /// Tell the reader something about the page as a whole.
    Notify(Notice),
    /// Dismiss notice `i`.
    Dismiss(usize),
}

/// What the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    /// The calculator.
    #[default]
    Calculator,
    /// The scenario beside saved scenario `i`, or beside its preset as
    /// published.
    Compare(Option<usize>),
    /// The committee paper.
    Print,
}

/// How every message about figures by age that could not be loaded
/// begins, so one that has loaded since clears it.
pub const AGES_NOT_LOADED: &str = "The figures by age could not be loaded";

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
