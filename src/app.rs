//! The calculator page: one reducer holds the state; the projection of the
//! last valid scenario is memoised from it, never stored.
//!
//! **No unchecked arithmetic on the page.** The page handles what people
//! type, links anyone can write and files anyone can open, and a panic in
//! WebAssembly blanks it. So `cargo clippy` denies unchecked arithmetic
//! everywhere under `app`: sums and products use checked or saturating
//! operations (or, where a bound is proven, carry an `allow` with the
//! bound as its reason). The projection's own arithmetic lives in the
//! model and runs only on validated scenarios.
#![deny(clippy::arithmetic_side_effects)]

pub mod browser;
pub mod chart;
pub mod compare;
mod context;
pub mod controls;
pub mod disclosure;
pub mod errors;
pub mod field;
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

use self::compare::{Compare, Side};
use self::context::Ctx;
use self::controls::Controls;
use self::errors::ErrorSummary;
use self::picker::PresetPicker;
use self::print::PrintView;
use self::results::{
    Analysis, DeficitChart, Headline, History, Meaning, Parents, ResultProps, StackChart,
    StackKind, YearTable,
};
use self::state::{Action, Notice, State};
use self::tools::Tools;
use crate::model::presets;
use crate::model::project;
use crate::model::store::{AUTOSAVE_KEY, SAVED_KEY, Saved, write_saved, write_saved_list};

/// How long input must pause before the larger charts and tables redraw.
const SETTLE_MS: u32 = 120;

/// Props of [`App`]: the state to start from (the default preset unless a
/// test or a link gives another), the scenarios saved in this browser, and
/// whether the page is embedded in another site.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The starting state.
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// Scenarios saved in this browser.
    #[prop_or_default]
    pub saves: Rc<Vec<Saved>>,
    /// The compact layout for an iframe on another site (`?embed=1`).
    #[prop_or_default]
    pub embed: bool,
    /// Start with the results in children and places (`?view=parents`).
    #[prop_or_default]
    pub parents: bool,
}

/// What the page shows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum View {
    /// The calculator.
    Calculator,
    /// The scenario beside saved scenario `i`, or beside its preset as
    /// published.
    Compare(Option<usize>),
    /// The committee paper.
    Print,
}

/// Moves focus to the element with `id` (a view's title), for keyboard
/// and screen reader users after the view changes.
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The page.
#[component]
pub fn App(p: &AppProps) -> Html {
    let initial = p.initial.clone();
    let embed = p.embed;
    let state = use_reducer(move || initial.map(|s| (*s).clone()).unwrap_or_else(State::initial));
    let saves = use_state(|| p.saves.clone());
    let view = use_state(|| View::Calculator);
    let parents = use_state(|| p.parents);
    let good = state.good.clone();
    let projection = use_memo(state.generation, move |_| {
        // `good` always validates, so this is never `Err`; without a
        // projection the results are left out rather than the page blanked.
        project(&good).ok().map(|p| (good, Rc::new(p)))
    });
    let ctx = Ctx {
        dispatch: state.dispatcher(),
    };
    let dispatch = state.dispatcher();
    let results = (*projection)
        .clone()
        .map(|(scenario, projection)| ResultProps {
            scenario,
            projection,
        });
    // The headline and the deficit chart redraw on every input; the larger
    // charts and tables follow once input pauses, so a slider drag stays
    // within a frame.
    // The first paint has only the headline and deficit chart too, so the
    // page is usable sooner; the rest follows a moment later.
    // Rendered natively (server-side, and in the render tests) there is no
    // settle step, so everything is drawn at once.
    let settled = {
        let first = results.clone();
        use_state(move || {
            if cfg!(target_arch = "wasm32") {
                None
            } else {
                first
            }
        })
    };
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    // Results are announced only once something has changed since the page
    // opened: the first drawing is not news.
    let first_generation = *use_mut_ref(|| state.generation).borrow();
    let speak = use_state(|| false);
    {
        let settled = settled.clone();
        let speak = speak.clone();
        let latest = results.clone();
        let changed = state.generation != first_generation;
        use_effect_with(state.generation, move |_| {
            if *settled != latest {
                *timer.borrow_mut() =
                    Some(gloo::timers::callback::Timeout::new(SETTLE_MS, move || {
                        settled.set(latest);
                        if changed {
                            speak.set(true);
                        }
                    }));
            }
        });
    }
    // Once input pauses, the address becomes the share link and the work is
    // saved in this browser.
    let link = use_state(String::new);
    let written = use_mut_ref(String::new);
    let keep_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    // The keeping not yet done, run at once if the page is left first.
    let pending = use_mut_ref(|| None::<Box<dyn FnOnce()>>);
    {
        let pending = pending.clone();
        let link = link.clone();
        let written = written.clone();
        let st = (*state).clone();
        let dispatch = dispatch.clone();
        use_effect_with((state.generation, state.preset.clone()), move |_| {
            let first = link.is_empty();
            let keep = move || {
                let fragment = start::link_of(&st);
                browser::replace_hash(&fragment);
                link.set(format!("{}#{fragment}", browser::base_url()));
                *written.borrow_mut() = fragment;
                if st.generation > 0
                    && !browser::store(
                        AUTOSAVE_KEY,
                        &write_saved(&start::autosave_of(&st, &browser::now_iso())),
                    )
                {
                    dispatch.dispatch(Action::Notify(Notice::info(
                        "This browser is not letting the page keep your work between visits (its storage is blocked or full). Copy the link or download the scenario to keep it.",
                    )));
                }
            };
            if first {
                keep();
            } else {
                *pending.borrow_mut() = Some(Box::new(keep));
                let pending = pending.clone();
                *keep_timer.borrow_mut() =
                    Some(gloo::timers::callback::Timeout::new(SETTLE_MS, move || {
                        let job = pending.borrow_mut().take();
                        if let Some(job) = job {
                            job();
                        }
                    }));
            }
        });
    }
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let listener = browser::window().map(|w| {
                gloo::events::EventListener::new(&w, "pagehide", move |_| {
                    let job = pending.borrow_mut().take();
                    if let Some(job) = job {
                        job();
                    }
                })
            });
            move || drop(listener)
        });
    }
    // A link pasted into the address bar of the open page opens too.
    {
        let dispatch = dispatch.clone();
        let written = written.clone();
        use_effect_with((), move |_| {
            let listener = browser::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    let fragment = browser::hash();
                    if !start::is_link(&fragment) || *written.borrow() == fragment {
                        return;
                    }
                    dispatch.dispatch(match crate::model::share::decode(&fragment) {
                        Ok(o) => {
                            let (s, notice) = start::link_opened(o);
                            Action::Open {
                                preset: s.preset.clone(),
                                scenario: s.good.clone(),
                                notice,
                            }
                        }
                        Err(e) => Action::Notify(start::link_failed(&e)),
                    });
                })
            });
            move || drop(listener)
        });
    }
    {
        let v = *view;
        use_effect_with(v, move |v| match v {
            View::Print => focus("print-title"),
            View::Compare(_) => focus("compare-title"),
            View::Calculator => {}
        });
    }
    let close = {
        let view = view.clone();
        Callback::from(move |()| {
            view.set(View::Calculator);
        })
    };
    let on_save = {
        let saves = saves.clone();
        let st = state.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |name: String| {
            let mut list = (**saves).clone();
            let entry = Saved {
                name: name.clone(),
                preset: st.preset.clone(),
                saved: browser::now_iso(),
                scenario: (*st.good).clone(),
            };
            let replaced = match list.iter_mut().find(|s| s.name == name) {
                Some(old) => {
                    *old = entry;
                    true
                }
                None => {
                    list.push(entry);
                    false
                }
            };
            if browser::store(SAVED_KEY, &write_saved_list(&list)) {
                saves.set(Rc::new(list));
                dispatch.dispatch(Action::Notify(Notice::info(if replaced {
                    format!("Replaced the saved scenario \"{name}\".")
                } else {
                    format!("Saved as \"{name}\" in this browser.")
                })));
            } else {
                dispatch.dispatch(Action::Notify(Notice::error(
                    "The scenario could not be saved: this browser's storage is blocked or full.",
                    vec!["Copy the link or download the scenario to keep it.".into()],
                )));
            }
        })
    };
    let on_open = {
        let saves = saves.clone();
        let dispatch = dispatch.clone();
        let view = view.clone();
        Callback::from(move |i: usize| {
            if let Some(s) = saves.get(i) {
                dispatch.dispatch(Action::Open {
                    preset: s.preset.clone(),
                    scenario: Rc::new(s.scenario.clone()),
                    notice: Some(Notice::info(format!(
                        "Opened the saved scenario \"{}\".",
                        s.name
                    ))),
                });
                view.set(View::Calculator);
            }
        })
    };
    let on_delete = {
        let saves = saves.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |i: usize| {
            let mut list = (**saves).clone();
            if i < list.len() {
                let gone = list.remove(i);
                if browser::store(SAVED_KEY, &write_saved_list(&list)) {
                    saves.set(Rc::new(list));
                    dispatch.dispatch(Action::Notify(Notice::info(format!(
                        "Deleted the saved scenario \"{}\".",
                        gone.name
                    ))));
                }
            }
        })
    };
    let on_compare = {
        let view = view.clone();
        Callback::from(move |i: Option<usize>| view.set(View::Compare(i)))
    };
    let on_print = {
        let view = view.clone();
        Callback::from(move |()| view.set(View::Print))
    };
    let lens = {
        let parents = parents.clone();
        Callback::from(move |on: bool| parents.set(on))
    };
    // Said to screen readers once input pauses, never on every keystroke.
    let announcement = (*settled)
        .as_ref()
        .filter(|_| *speak)
        .map(|r| {
            let sum = crate::model::results::summarise(&r.scenario, &r.projection);
            match sum.cleared_year {
                Some(y) if y <= sum.agreement_end => {
                    format!("Results updated: the deficit is cleared in {y}.")
                }
                _ => format!(
                    "Results updated: {} still owed at the end of {}.",
                    crate::model::format::millions(sum.remaining_at_end),
                    sum.agreement_end
                ),
            }
        })
        .unwrap_or_default();
    let st = Rc::new((*state).clone());
    let notices = html! { <Notices notices={st.notices.clone()} /> };
    let body = match (*view, results.clone()) {
        (View::Print, Some(r)) => html! {
            <main class="page" id="main">
                { notices }
                <PrintView of={r} preset={st.preset.clone()} extra_from={st.extra_from} link={(*link).clone()} on_close={close} />
            </main>
        },
        (View::Compare(which), Some(_)) => {
            let b = match which {
                Some(i) => saves.get(i).map(|s| Side {
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
                if embed {
                    <h1 class="embed__title">{ "High Needs Block deficit calculator" }</h1>
                } else {
                    <h1>{ "High Needs Block deficit calculator" }</h1>
                    <p class="lede">
                        { "See how a council's spending on children with " }<a href="pages/glossary.html#ehcp">{ "EHCPs" }</a>
                        { ", its savings plan and its " }<a href="pages/glossary.html#safety-valve">{ "Safety Valve" }</a>
                        { " payments change its " }<a href="pages/glossary.html#high-needs-block">{ "High Needs Block" }</a>
                        { " deficit, year by year." }
                    </p>
                }
                { notices }
                <ErrorSummary messages={st.messages()} />
                <PresetPicker preset={st.preset.clone()} />
                if embed {
                    <p class="embed__open">
                        <a href={link.split_once('#').map(|(_, f)| format!("{}#{f}", browser::base_url())).unwrap_or_default()} target="_blank" rel="noopener">
                            { "Open these figures in the full calculator (new tab)" }
                        </a>
                    </p>
                } else {
                    <Tools preset={st.preset.clone()} scenario={st.good.clone()} link={(*link).clone()} saves={(*saves).clone()}
                        {on_save} {on_open} {on_delete} {on_compare} {on_print} />
                }
                <div class="layout">
                    <div class="layout__results" id="results" data-settled={(*settled == results).to_string()}>
                        <Lens parents={*parents} on_change={lens} />
                        if let Some(r) = results.clone() {
                            <Headline of={r.clone()} extra_from={st.extra_from} />
                            if !*parents {
                                <DeficitChart ..r.clone() />
                                <History code={r.scenario.about.code.clone()} />
                            }
                        }
                        <p class="visually-hidden" role="status" id="announce">{ announcement }</p>
                        if let Some(r) = (*settled).clone() {
                            <Meaning ..r.clone() />
                            if *parents {
                                <Parents ..r.clone() />
                                <StackChart of={r.clone()} kind={StackKind::Children} />
                            } else {
                                <StackChart of={r.clone()} kind={StackKind::Spend} />
                                <StackChart of={r.clone()} kind={StackKind::Children} />
                                <YearTable ..r.clone() />
                                <Analysis scenario={r.scenario.clone()} preset={st.preset.clone()} locks={st.locks_plan.0} />
                            }
                        }
                    </div>
                    <div class="layout__controls">
                        <Controls state={st.clone()} projection={results.as_ref().map(|r| r.projection.clone())} />
                    </div>
                </div>
            </main>
        },
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <div class={classes!("app", embed.then_some("app--embed"))}>
                if !embed {
                    <a class="skip-link" href="#results">{ "Skip to the results" }</a>
                    <header class="masthead no-print">
                        <div class="page masthead__inner">
                            <p class="masthead__name">{ "High Needs Block deficit calculator" }</p>
                            <p class="masthead__note">{ "Runs in your browser. Nothing you enter leaves this page." }</p>
                        </div>
                    </header>
                }
                { body }
                <footer class="footer no-print">
                    <div class="page">
                        <a href="pages/glossary.html">{ "What the words mean" }</a>
                        <a href="pages/method.html">{ "How the calculator works" }</a>
                        <a href="pages/accessibility.html">{ "Accessibility statement" }</a>
                        <p class="footer__licence" id="licence">
                            { "Council figures: DfE, Education, health and care plans (SEN2), 2025; ESFA Dedicated Schools Grant allocations, 2019-20 to 2023-24; DfE, LA and school expenditure (section 251 outturn), 2017-18 to 2024-25; DfE, Dedicated schools grant: very high deficit intervention. Contains public sector information licensed under the " }
                            <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license noopener">{ "Open Government Licence v3.0" }</a>
                            { "." }
                        </p>
                    </div>
                </footer>
            </div>
        </ContextProvider<Ctx>>
    }
}

/// Props of [`Lens`].
#[derive(Properties, PartialEq, Clone)]
struct LensProps {
    parents: bool,
    on_change: Callback<bool>,
}

/// How to show the results: in money, or in children and places.
#[component]
fn Lens(p: &LensProps) -> Html {
    let money = p.on_change.reform(|_: Event| false);
    let children = p.on_change.reform(|_: Event| true);
    html! {
        <fieldset class="lens">
            <legend class="lens__legend">{ "Show the results" }</legend>
            <label class="radio lens__option">
                <input type="radio" name="lens" id="lens-money" checked={!p.parents} onchange={money} />
                { "In money" }
            </label>
            <label class="radio lens__option">
                <input type="radio" name="lens" id="lens-parents" checked={p.parents} onchange={children} />
                { "In children and places (for parents)" }
            </label>
        </fieldset>
    }
}

/// Props of [`Notices`].
#[derive(Properties, PartialEq, Clone)]
struct NoticesProps {
    notices: Vec<Notice>,
}

/// Messages about the page as a whole, each dismissable.
#[component]
fn Notices(p: &NoticesProps) -> Html {
    let dispatch = context::use_dispatch();
    html! {
        <div class="notices" id="notices">
            { for p.notices.iter().enumerate().map(|(i, n)| {
                let dispatch = dispatch.clone();
                let dismiss = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Dismiss(i)));
                html! {
                    <div class={classes!("notice", n.error.then_some("notice--error"))} role={if n.error { "alert" } else { "status" }}>
                        <p class="notice__title">{ n.title.clone() }</p>
                        if !n.lines.is_empty() {
                            <ul class="notice__lines">
                                { for n.lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
                            </ul>
                        }
                        <button type="button" class="button button--small button--secondary notice__dismiss" onclick={dismiss} aria-label={format!("Dismiss: {}", n.title)}>{ "Dismiss" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

/// Reads the address and this browser's storage and returns the page's
/// starting props, setting aside anything in storage that cannot be read.
pub fn boot() -> AppProps {
    use crate::model::store::{SET_ASIDE_KEY, read_saved_list};
    let now = browser::now_iso();
    let embed = browser::query("embed").is_some_and(|v| v == "1" || v == "true");
    let parents = browser::query("view").is_some_and(|v| v == "parents");
    let autosaved = browser::load(AUTOSAVE_KEY);
    let council = browser::query("la");
    let start = start::choose(
        &browser::hash(),
        council.as_deref(),
        autosaved.as_deref(),
        &now,
    );
    let mut state = start.state;
    let (mut saves, damaged) = browser::load(SAVED_KEY)
        .map(|t| read_saved_list(&t))
        .unwrap_or_default();
    match start.autosave {
        start::Autosave::Keep => {}
        start::Autosave::SetAside => {
            if let Some(raw) = &autosaved {
                browser::store(&format!("{SET_ASIDE_KEY}.autosave.{now}"), raw);
            }
            browser::forget(AUTOSAVE_KEY);
        }
        start::Autosave::KeepAsSaved(w) => {
            saves.push(*w);
            browser::store(SAVED_KEY, &write_saved_list(&saves));
        }
    }
    if !damaged.is_empty() {
        let raws: Vec<&str> = damaged.iter().map(|(_, raw)| raw.as_str()).collect();
        browser::store(
            &format!("{SET_ASIDE_KEY}.saved.{now}"),
            &format!("[{}]", raws.join(",")),
        );
        browser::store(SAVED_KEY, &write_saved_list(&saves));
        state.notices.push(Notice::error(
            "Some of your saved scenarios could not be read.",
            damaged
                .iter()
                .take(10)
                .map(|(d, _)| format!("{} could not be read because {}.", d.what, d.why))
                .chain(
                    (damaged.len() > 10)
                        .then(|| format!("… and {} more.", damaged.len().saturating_sub(10))),
                )
                .chain([format!(
                    "They have been set aside, not deleted: they are in this browser's storage under a name starting \"{SET_ASIDE_KEY}\"."
                )])
                .collect(),
        ));
    }
    if embed && browser::in_frame() {
        browser::post_height_to_parent();
    }
    AppProps {
        initial: Some(Rc::new(state)),
        saves: Rc::new(saves),
        embed,
        parents,
    }
}
