//! The page's reducer: a preset, then any sequence of edits a person could
//! make (any text into any field, any slider value, any button), then the
//! part of the page the edits reach rendered: every section of controls,
//! open, with its typed text, messages and sources, and the summary of
//! problems. (The results are drawn from the last valid scenario, which
//! this target checks validates and projects; the render tests draw them
//! for every preset.) Nothing may panic; every figure of the draft stays
//! within its field's bounds; typed text is kept.
#![no_main]

use std::rc::Rc;

use arbitrary::Arbitrary;
use hnb::app::controls::{Controls, ControlsProps};
use hnb::app::errors::{ErrorSummary, ErrorSummaryProps};
use hnb::app::controls::read_share;
use hnb::app::state::{Action, State};
use hnb::app::units::Unit;
use hnb::model::field::{Field, Mix, ProjectText};
use hnb::model::figures::fields;
use hnb::model::presets::PRESETS;
use hnb::model::scenario::{Status, TransferKind};
use hnb::model::{FinYear, Setting, project, validate};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use yew::{LocalServerRenderer, Reducible};

#[derive(Arbitrary, Debug)]
enum Edit {
    /// Text into the number box of figure `field` (an index into the
    /// draft's figures).
    Type {
        field: u16,
        text: String,
    },
    /// Text into the field a path names, if it names one (any text at
    /// all is tried as a path).
    TypeAt {
        path: String,
        text: String,
    },
    /// A slider at any value.
    Slide {
        field: u16,
        mantissa: i64,
        scale: u8,
    },
    /// Text into a share's box.
    Share {
        plan: bool,
        setting: u8,
        text: String,
    },
    /// Text into a text field (a name, a reference).
    Text {
        field: u8,
        index: u8,
        text: String,
    },
    Lock {
        plan: bool,
        setting: u8,
        locked: bool,
    },
    TargetYear(u16),
    Transfer(u8),
    LimitPlaces {
        setting: u8,
        limited: bool,
    },
    ClearYear {
        field: u16,
    },
    ProjectStatus(u8, u8),
    DefaultConfidence(u8),
    AddProject,
    RemoveProject(u8),
    MoveProject(u8, u8),
    Conditional(bool),
    ExtraFrom(u16),
    AddContribution,
    RemoveContribution(u8),
    LoadPreset(u8),
}

#[derive(Arbitrary, Debug)]
struct Input {
    preset: u8,
    edits: Vec<Edit>,
}

fn setting(i: u8) -> Setting {
    Setting::ALL[usize::from(i) % Setting::ALL.len()]
}

fn mix(plan: bool) -> Mix {
    if plan { Mix::Plan } else { Mix::Now }
}

fn action(state: &State, edit: Edit) -> Option<Action> {
    let figures = fields(&state.draft);
    let figure = |i: u16| {
        figures
            .get(usize::from(i) % figures.len().max(1))
            .map(|(f, _)| *f)
    };
    Some(match edit {
        Edit::Type { field, text } => {
            let f = figure(field)?;
            let (unit, label) = (Unit::of(f), f.label(&state.draft));
            match f {
                Field::Share(mix, setting) => Action::Share {
                    mix,
                    setting,
                    value: read_share(&text, setting, mix),
                    text: Some(text),
                },
                f if f.year().is_some() => Action::TypeOptional {
                    field: f,
                    text,
                    unit,
                    label,
                },
                _ => Action::Type {
                    field: f,
                    text,
                    unit,
                    label,
                },
            }
        }
        Edit::TypeAt { path, text } => Action::Type {
            field: path.parse().ok()?,
            text,
            unit: Unit::Millions,
            label: "A figure".into(),
        },
        Edit::Slide {
            field,
            mantissa,
            scale,
        } => Action::Slide {
            field: figure(field)?,
            value: Decimal::new(mantissa, u32::from(scale % 29)),
        },
        Edit::Share {
            plan,
            setting: s,
            text,
        } => Action::Share {
            mix: mix(plan),
            setting: setting(s),
            value: read_share(&text, setting(s), mix(plan)),
            text: Some(text),
        },
        Edit::Text { field, index, text } => {
            let i = usize::from(index);
            let field = match field % 5 {
                0 => Field::ProjectText(i, ProjectText::Name),
                1 => Field::ProjectText(i, ProjectText::Reference),
                2 => Field::ProjectText(i, ProjectText::Workstream),
                3 => Field::ContributionName(i),
                _ => Field::OtherSpendName(i),
            };
            Action::Text { field, text }
        }
        Edit::Lock {
            plan,
            setting: s,
            locked,
        } => Action::Lock {
            mix: mix(plan),
            setting: setting(s),
            locked,
        },
        Edit::TargetYear(y) => Action::TargetYear(FinYear::new(2000 + y % 101)?),
        Edit::Transfer(k) => Action::Transfer(match k % 3 {
            0 => TransferKind::None,
            1 => TransferKind::Percent,
            _ => TransferKind::Amount,
        }),
        Edit::LimitPlaces {
            setting: s,
            limited,
        } => Action::LimitPlaces {
            setting: setting(s),
            limited,
        },
        Edit::ClearYear { field } => Action::ClearYear(figure(field)?),
        Edit::ProjectStatus(i, st) => Action::ProjectStatus(
            usize::from(i),
            Status::ALL[usize::from(st) % Status::ALL.len()],
        ),
        Edit::DefaultConfidence(i) => Action::DefaultConfidence(usize::from(i)),
        Edit::AddProject => Action::AddProject,
        Edit::RemoveProject(i) => Action::RemoveProject(usize::from(i)),
        Edit::MoveProject(from, to) => Action::MoveProject {
            from: usize::from(from),
            to: usize::from(to),
        },
        Edit::Conditional(on) => Action::Conditional(on),
        Edit::ExtraFrom(y) => Action::ExtraFrom(FinYear::new(2000 + y % 101)?),
        Edit::AddContribution => Action::AddContribution,
        Edit::RemoveContribution(i) => Action::RemoveContribution(usize::from(i)),
        Edit::LoadPreset(i) => {
            Action::LoadPreset(PRESETS[usize::from(i) % PRESETS.len()].id.to_string())
        }
    })
}

thread_local! {
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
}

fuzz_target!(|input: Input| {
    let preset = &PRESETS[usize::from(input.preset) % PRESETS.len()];
    let mut state = Rc::new(State::preset(&preset.id).expect("a preset"));
    for edit in input.edits.into_iter().take(64) {
        let typed = match &edit {
            Edit::Type { text, .. } | Edit::TypeAt { text, .. } => Some(text.clone()),
            _ => None,
        };
        if let Some(a) = action(&state, edit) {
            let field = match &a {
                Action::Type { field, .. } => Some(*field),
                _ => None,
            };
            state = state.reduce(a);
            if let (Some(field), Some(text)) = (field, typed) {
                assert_eq!(state.typed.get(&field), Some(&text), "typed text is kept");
            }
        }
        for (f, v) in fields(&state.draft) {
            assert!(
                f.bounds().is_some_and(|b| b.allows(v)),
                "{f} = {v} is outside its bounds"
            );
        }
    }
    assert!(validate(&state.good).is_empty());
    assert!(project(&state.good).is_ok());
    let (controls, summary) = RUNTIME.with(|rt| {
        let controls = rt.block_on(
            LocalServerRenderer::<Controls>::with_props(ControlsProps {
                state: state.clone(),
                projection: None,
                open: true,
            })
            .hydratable(false)
            .render(),
        );
        let summary = rt.block_on(
            LocalServerRenderer::<ErrorSummary>::with_props(ErrorSummaryProps {
                messages: state.messages(),
            })
            .hydratable(false)
            .render(),
        );
        (controls, summary)
    });
    assert!(controls.contains("id=\"demand\""));
    assert_eq!(summary.is_empty(), state.messages().is_empty());
});
