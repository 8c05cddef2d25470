//! The page's effects, each a named hook: settling the larger results once
//! input pauses and announcing them, keeping the work (the address bar,
//! this browser's storage), following a link pasted into the address bar,
//! moving focus when the view changes, and running the simulated futures
//! in chunks between frames.
//!
//! Effects read the state and report back only by dispatching actions, so
//! everything the page remembers stays in [`State`].

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::browser;
use super::results::ResultProps;
use super::start;
use super::state::{Action, Notice, State, View};
use crate::model::Scenario;
use crate::model::store::{AUTOSAVE_KEY, SAVED_KEY, write_saved, write_saved_list};
use crate::model::uncertainty::{self, Fan, Simulation, Spread};

/// How long input must pause before the larger charts and tables redraw,
/// and before the work is kept.
pub const SETTLE_MS: u32 = 120;

/// The results the larger charts and tables show, and the words said to
/// screen readers. The headline and the deficit chart follow every input;
/// these follow once input pauses, so a slider drag stays within a frame.
/// The first paint has only the headline and the deficit chart too, so the
/// page is usable sooner. Rendered natively (the render tests) there is no
/// pause: everything is drawn at once.
#[hook]
pub fn use_settled(results: Option<ResultProps>, generation: u64) -> (Option<ResultProps>, String) {
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
    let timer = use_mut_ref(|| None::<Timeout>);
    // The first drawing is not news: results are announced only once
    // something has changed since the page opened.
    let first_generation = *use_mut_ref(|| generation).borrow();
    let speak = use_state(|| false);
    {
        let settled = settled.clone();
        let speak = speak.clone();
        let latest = results;
        let changed = generation != first_generation;
        use_effect_with(generation, move |_| {
            if *settled != latest {
                *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
                    settled.set(latest);
                    if changed {
                        speak.set(true);
                    }
                }));
            }
        });
    }
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
    ((*settled).clone(), announcement)
}

/// The last share link written to the address bar, so a `hashchange` the
/// page caused itself is not taken for a pasted link.
pub type Written = Rc<RefCell<String>>;

/// Keeps the work, the one effect keyed on what is kept: once input pauses
/// the address becomes the share link and the last valid scenario is saved
/// in this browser (at once on the first drawing, and at once if the page
/// is left before the pause ends); the saved scenarios are written as soon
/// as they change. A browser that refuses storage gets a message, and the
/// page carries on.
#[hook]
pub fn use_persistence(state: &State, dispatch: UseReducerDispatcher<State>) -> Written {
    let written = use_mut_ref(String::new);
    let timer = use_mut_ref(|| None::<Timeout>);
    // The keeping not yet done, run at once if the page is left first.
    let pending = use_mut_ref(|| None::<Box<dyn FnOnce()>>);
    {
        let pending = pending.clone();
        let written = written.clone();
        let dispatch = dispatch.clone();
        let st = state.clone();
        use_effect_with((state.generation, state.preset.clone()), move |_| {
            let first = written.borrow().is_empty();
            let keep = move || {
                let fragment = start::link_of(&st);
                browser::replace_hash(&fragment);
                dispatch.dispatch(Action::Linked(format!(
                    "{}#{fragment}",
                    browser::base_url()
                )));
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
                *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || {
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
    {
        let first = use_mut_ref(|| true);
        use_effect_with(state.saves.clone(), move |saves| {
            // The list as read at boot is already in storage.
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if !browser::store(SAVED_KEY, &write_saved_list(saves)) {
                dispatch.dispatch(Action::Notify(Notice::error(
                    "Your saved scenarios could not be kept in this browser: its storage is blocked or full.",
                    vec!["They stay on this page until you leave it. Copy the link or download the scenario to keep it.".into()],
                )));
            }
        });
    }
    written
}

/// Opens a link pasted into the address bar of the open page.
#[hook]
pub fn use_hash_listener(dispatch: UseReducerDispatcher<State>, written: Written) {
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

/// Moves focus to a view's title when the view changes, for keyboard and
/// screen reader users.
#[hook]
pub fn use_focus_on_view(view: View) {
    use_effect_with(view, move |v| match v {
        View::Print => browser::focus("print-title"),
        View::Compare(_) => browser::focus("compare-title"),
        View::Calculator => {}
    });
}

/// Paths drawn in each step of [`use_simulation`], so the page can paint in
/// between.
const CHUNK: usize = 1_000;

/// What [`use_simulation`] has so far.
#[derive(Clone, PartialEq)]
pub struct Simulated {
    /// The fan, once every path is drawn.
    pub fan: Option<Rc<Fan>>,
    /// Paths drawn so far.
    pub done: usize,
    /// Paths to draw.
    pub total: usize,
    /// Milliseconds spent computing the last run (its chunks, not the
    /// pauses between them), for the benchmark.
    pub compute_ms: f64,
}

/// Draws the simulated futures of `scenario` under `spread`: in the browser
/// [`CHUNK`] paths at a time between frames, so the page stays responsive,
/// starting again whenever either changes; natively (the render tests) all
/// at once.
#[hook]
pub fn use_simulation(scenario: Rc<Scenario>, spread: Spread) -> Simulated {
    let fan = use_state(|| None::<Rc<Fan>>);
    let progress = use_state(|| (0usize, uncertainty::PATHS));
    let run = use_mut_ref(|| 0u64);
    let compute_ms = use_mut_ref(|| 0.0f64);
    {
        let fan = fan.clone();
        let progress = progress.clone();
        let run = run.clone();
        let compute_ms = compute_ms.clone();
        use_effect_with((scenario, spread), move |(s, spread)| {
            let this = run.borrow().wrapping_add(1);
            *run.borrow_mut() = this;
            let sim = Simulation::new(s, *spread, uncertainty::PATHS, uncertainty::SEED);
            let sim = Rc::new(RefCell::new(sim));
            if cfg!(target_arch = "wasm32") {
                *compute_ms.borrow_mut() = 0.0;
                simulate_step(Stepper {
                    sim,
                    run,
                    this,
                    compute_ms,
                    fan,
                    progress,
                });
            } else {
                sim.borrow_mut().run(uncertainty::PATHS);
                progress.set(sim.borrow().progress());
                fan.set(Some(Rc::new(sim.borrow().fan())));
            }
        });
    }
    let (done, total) = *progress;
    let compute_ms = *compute_ms.borrow();
    Simulated {
        fan: (*fan).clone(),
        done,
        total,
        compute_ms,
    }
}

/// A run in progress, carried from one step to the next.
struct Stepper {
    sim: Rc<RefCell<Simulation>>,
    /// The newest run's number, and this one's: an older run stops.
    run: Rc<RefCell<u64>>,
    this: u64,
    compute_ms: Rc<RefCell<f64>>,
    fan: UseStateHandle<Option<Rc<Fan>>>,
    progress: UseStateHandle<(usize, usize)>,
}

/// Runs one chunk after the next frame, shows progress and schedules the
/// next, unless a newer run has started.
fn simulate_step(s: Stepper) {
    Timeout::new(0, move || {
        if *s.run.borrow() != s.this {
            return;
        }
        let started = js_sys::Date::now();
        let finished = s.sim.borrow_mut().run(CHUNK);
        let fan = finished.then(|| Rc::new(s.sim.borrow().fan()));
        *s.compute_ms.borrow_mut() += js_sys::Date::now() - started;
        s.progress.set(s.sim.borrow().progress());
        match fan {
            Some(f) => s.fan.set(Some(f)),
            None => simulate_step(s),
        }
    })
    .forget();
}

/// Fetches a council's figures by age when the scenario on the page (or
/// the one its results come from) is by age and they are not yet here,
/// then has the scenario checked and projected again. A failure is said in
/// words; nothing on the page changes, and the scenario still opens once
/// the figures can be fetched (choosing "by age" again tries again).
#[hook]
pub fn use_age_figures(state: &State, dispatch: UseReducerDispatcher<State>) {
    let code = crate::model::age::awaiting(&state.draft)
        .or_else(|| crate::model::age::awaiting(&state.good));
    use_effect_with(code, move |code| {
        if let Some(code) = *code {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match load_ages(code).await {
                    Ok(()) => Action::AgesLoaded,
                    Err(why) => Action::Notify(Notice::error(
                        "The figures by age could not be loaded, so the results are not yet by age.",
                        vec![why],
                    )),
                });
            });
        }
    });
}

/// Fetches and reads council `code`'s figures by age.
pub async fn load_ages(code: &'static str) -> Result<(), String> {
    let text = browser::age_figures(code).await?;
    crate::model::authorities::load_ages(&text).map(|_| ())
}
