//! The calculator page: an editor around the model. One reducer holds
//! everything the page remembers ([`state`]); the projection of the last
//! valid scenario is memoised from it, never stored; the effects are named
//! hooks ([`hooks`]). `ARCHITECTURE.md` at the top of the repository maps
//! the rest.
//!
//! **No unchecked arithmetic on the page.** The page handles what people
//! type, links anyone can write and files anyone can open, and a panic in
//! WebAssembly blanks it. So `cargo clippy` denies unchecked arithmetic
//! everywhere under `app`: sums and products use checked or saturating
//! operations (or, where a bound is proven, carry an `allow` with the
//! bound as its reason). The projection's own arithmetic lives in the
//! model and runs only on validated scenarios.
#![deny(clippy::arithmetic_side_effects)]

mod boot;
pub mod browser;
pub mod chart;
pub mod compare;
mod context;
pub mod controls;
pub mod disclosure;
pub mod errors;
pub mod field;
pub mod hooks;
mod layout;
mod onscreen;
mod picker;
pub mod print;
pub mod results;
pub mod start;
pub mod state;
pub mod text_field;
pub mod tools;
pub mod units;

use std::rc::Rc;

use yew::prelude::*;

pub use self::boot::boot;
use self::compare::{Compare, Side};
use self::context::Ctx;
use self::controls::Controls;
use self::errors::ErrorSummary;
use self::layout::{AgesWaiting, Footer, Intro, Lens, Masthead, Notices};
use self::onscreen::OnScreen;
use self::picker::PresetPicker;
use self::print::PrintView;
use self::results::{
    Analysis, ChildrenByAge, DeficitChart, Headline, History, Meaning, Parents, ResultProps,
    StackChart, StackKind, YearTable,
};
use self::state::{Action, State, View};
use self::tools::Tools;
use crate::model::presets;
use crate::model::project;

/// Props of [`App`]: the state to start from (the default preset unless a
/// test or a link gives another; it holds the scenarios saved in this
/// browser and the lens) and whether the page is embedded in another site.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The starting state.
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// The compact layout for an iframe on another site (`?embed=1`).
    #[prop_or_default]
    pub embed: bool,
}

/// The page.
#[component]
pub fn App(p: &AppProps) -> Html {
    let initial = p.initial.clone();
    let embed = p.embed;
    let state = use_reducer(move || {
        initial
            .map(Rc::unwrap_or_clone)
            .unwrap_or_else(State::initial)
    });
    let dispatch = state.dispatcher();
    let good = state.good.clone();
    let projection = use_memo(state.generation, move |_| {
        // `good` always validates, so this is never `Err`; without a
        // projection the results are left out rather than the page blanked.
        // A scenario by age waits for its council's figures by age: until
        // they load (`use_age_figures`), there are no results rather than
        // results by growth rate.
        if crate::model::age::awaiting(&good).is_some() {
            return None;
        }
        project(&good).ok().map(|p| (good, Rc::new(p)))
    });
    let results = (*projection)
        .clone()
        .map(|(scenario, projection)| ResultProps {
            scenario,
            projection,
        });
    let (settled, announcement) = hooks::use_settled(results.clone(), state.generation);
    // Input has paused: the results off screen are drawn too.
    let settled_now = settled == results;
    let written = hooks::use_persistence(&state, dispatch.clone());
    hooks::use_hash_listener(dispatch.clone(), written);
    hooks::use_focus_on_view(state.view);
    hooks::use_age_figures(&state, dispatch.clone());

    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::Show(View::Calculator)))
    };
    let st: &State = &state;
    let notices = html! { <Notices notices={st.notices.clone()} /> };
    let body = match (st.view, results.clone()) {
        (View::Print, Some(r)) => html! {
            <main class="page" id="main">
                { notices }
                <PrintView of={r} preset={st.preset.clone()} extra_from={st.extra_from} link={st.link.clone()} on_close={close} />
            </main>
        },
        (View::Compare(which), Some(_)) => {
            let b = match which {
                Some(i) => st.saves.get(i).map(|s| Side {
                    name: s.name.clone(),
                    scenario: Rc::new(s.scenario.clone()),
                }),
                None => presets::find(&st.preset).map(|x| Side {
                    name: format!("{} as published", x.name),
                    scenario: Rc::new(x.scenario()),
                }),
            };
            let a = Side {
                name: "On the page now".into(),
                scenario: st.good.clone(),
            };
            html! {
                <main class="page" id="main">
                    { notices }
                    if let Some(b) = b {
                        <Compare {a} {b} on_close={close} />
                    }
                </main>
            }
        }
        _ => html! {
            <main class="page" id="main">
                <Intro {embed} />
                { notices }
                <ErrorSummary messages={st.messages()} />
                <PresetPicker preset={st.preset.clone()} />
                if embed {
                    <p class="embed__open">
                        <a href={st.link.split_once('#').map(|(_, f)| format!("{}#{f}", browser::base_url())).unwrap_or_default()} target="_blank" rel="noopener">
                            { "Open these figures in the full calculator (new tab)" }
                        </a>
                    </p>
                } else {
                    <Tools preset={st.preset.clone()} scenario={st.good.clone()} link={st.link.clone()} saves={st.saves.clone()} />
                }
                <div class="layout">
                    <div class="layout__results" id="results" data-settled={settled_now.to_string()}>
                        <Lens parents={st.parents} />
                        if let Some(r) = results.clone() {
                            <Headline of={r.clone()} extra_from={st.extra_from} />
                            if !st.parents {
                                <OnScreen settled={settled_now}><DeficitChart ..r.clone() /></OnScreen>
                                <OnScreen settled={settled_now}><History code={r.scenario.about.code.clone()} /></OnScreen>
                            }
                        }
                        if let Some(code) = crate::model::age::awaiting(&st.good) {
                            <AgesWaiting name={crate::model::authorities::find(code).map_or(code, |a| a.name)} failed={st.ages_failed.as_ref().filter(|(c, _)| *c == code).map(|(_, why)| AttrValue::from(why.clone()))} />
                        }
                        <p class="visually-hidden" role="status" id="announce">{ announcement }</p>
                        if let Some(r) = results.clone() {
                            <OnScreen settled={settled_now}><Meaning ..r.clone() /></OnScreen>
                            if st.parents {
                                <OnScreen settled={settled_now}><Parents ..r.clone() /></OnScreen>
                                <OnScreen settled={settled_now}><StackChart of={r.clone()} kind={StackKind::Children} /></OnScreen>
                                <OnScreen settled={settled_now}><ChildrenByAge ..r.clone() /></OnScreen>
                            } else {
                                <OnScreen settled={settled_now}><StackChart of={r.clone()} kind={StackKind::Spend} /></OnScreen>
                                <OnScreen settled={settled_now}><StackChart of={r.clone()} kind={StackKind::Children} /></OnScreen>
                                <OnScreen settled={settled_now}><ChildrenByAge ..r.clone() /></OnScreen>
                                <OnScreen settled={settled_now}><YearTable ..r.clone() /></OnScreen>
                                if let Some(settled) = settled.clone() {
                                    <Analysis scenario={settled.scenario} preset={st.preset.clone()} locks={st.locks_plan} pending={!settled_now} />
                                }
                            }
                        }
                    </div>
                    <div class="layout__controls">
                        <Controls state={Rc::new(st.clone())} projection={results.as_ref().map(|r| r.projection.clone())} />
                    </div>
                </div>
            </main>
        },
    };
    html! {
        <ContextProvider<Ctx> context={Ctx { dispatch }}>
            <div class={classes!("app", embed.then_some("app--embed"))}>
                if !embed {
                    <a class="skip-link" href="#results">{ "Skip to the results" }</a>
                    <Masthead />
                }
                { body }
                <Footer />
            </div>
        </ContextProvider<Ctx>>
    }
}
