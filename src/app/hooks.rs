//! The page's effects, each a named hook: noting when input pauses and
//! announcing the results then, keeping the work (the address bar,
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
use crate::model::sensitivity::{Range, Tornado};
use crate::model::solve::{Lever, Solved, Target};
use crate::model::store::{AUTOSAVE_KEY, SAVED_KEY, write_saved, write_saved_list};
use crate::model::uncertainty::{self, Fan, Simulation, Spread};
use crate::model::wire::{Job, READY, Reply, Request, decode_reply, encode_request};

/// How long input must pause before the results are announced to screen
/// readers, the heavier tools ("Test the plan") recompute, and the work is
/// kept.
pub const SETTLE_MS: u32 = 120;

/// The results once input has paused, and the words said to screen readers
/// about them. Every chart, table and sentence on the page follows every
/// input in the same frame; only the announcement (one sentence once a drag
/// ends, not one per step) and the tools that rerun the model many times
/// wait for the pause.
#[hook]
pub fn use_settled(results: Option<ResultProps>, generation: u64) -> (Option<ResultProps>, String) {
    let settled = {
        let first = results.clone();
        use_state(move || first)
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

/// What [`use_simulation`] has so far.
#[derive(Clone, PartialEq)]
pub struct Simulated {
    /// The fan, once every path is drawn.
    pub fan: Option<Rc<Fan>>,
    /// Paths drawn so far.
    pub done: usize,
    /// Paths to draw.
    pub total: usize,
    /// Milliseconds from asking for the futures to having them, for the
    /// benchmark.
    pub compute_ms: f64,
    /// Why the futures could not be drawn, in words.
    pub error: Option<String>,
}

/// The page's worker and its handlers (kept alive while it runs).
struct Running {
    worker: web_sys::Worker,
    _message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    _error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::ErrorEvent)>,
    /// Whether it is still working on a run.
    busy: Rc<std::cell::Cell<bool>>,
    /// Whether it failed (it is replaced for the next run).
    dead: Rc<std::cell::Cell<bool>>,
    /// The request to send once the worker says it is ready (`None` once
    /// it is).
    waiting: Rc<RefCell<Option<Option<String>>>>,
    /// Who hears the replies to the latest request, and of a failure.
    handlers: Rc<RefCell<Handlers>>,
    /// Gives up on a worker that has not said it is ready in time.
    _start_timer: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for Running {
    /// Stops the worker and its handlers, so nothing it had queued reaches
    /// a handler after it is dropped.
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// Who hears about the latest request: its replies, and in words why the
/// worker failed.
struct Handlers {
    reply: Rc<dyn Fn(Reply)>,
    dead: Rc<dyn Fn(String)>,
}

/// How long a worker may take to start (fetching its WebAssembly on a
/// slow connection) before the page says it could not.
const START_MS: u32 = 30_000;

/// A worker started by one component (each tool that uses it has its own,
/// so one never waits for another's run).
type Slot = Rc<RefCell<Option<Running>>>;

/// Where Trunk puts the worker's loader (`data-loader-shim`).
const WORKER: &str = "./hnb-worker_loader.js";

/// Draws the simulated futures of `scenario` under `spread`, starting again
/// whenever either changes. In the browser a worker draws them (started
/// the first time, so its WebAssembly is fetched only then), reporting
/// progress every thousand futures, so the page never waits for them;
/// natively (the render tests) all at once.
#[hook]
pub fn use_simulation(scenario: Rc<Scenario>, spread: Spread) -> Simulated {
    let fan = use_state(|| None::<Rc<Fan>>);
    let progress = use_state(|| (0usize, uncertainty::PATHS));
    let error = use_state(|| None::<String>);
    let run = use_mut_ref(|| 0u64);
    let compute_ms = use_state(|| 0.0f64);
    let running: Slot = use_mut_ref(|| None::<Running>);
    let started = use_mut_ref(|| 0.0f64);
    {
        let (fan, progress, error, compute_ms) = (
            fan.clone(),
            progress.clone(),
            error.clone(),
            compute_ms.clone(),
        );
        let running = running.clone();
        use_effect_with((scenario, spread), move |(s, spread)| {
            let this = run.borrow().wrapping_add(1);
            *run.borrow_mut() = this;
            if cfg!(target_arch = "wasm32") {
                progress.set((0, uncertainty::PATHS));
                fan.set(None);
                error.set(None);
                let request = encode_request(&Request {
                    run: this,
                    job: Job::Fan(*spread),
                    scenario: (**s).clone(),
                });
                *started.borrow_mut() = js_sys::Date::now();
                let on_reply = {
                    let error = error.clone();
                    Rc::new(move |reply: Reply| {
                        let latest = *run.borrow();
                        match reply {
                            Reply::Progress(r, done, total) if r == latest => {
                                progress.set((done, total))
                            }
                            Reply::Fan(r, f) if r == latest => {
                                progress.set((f.paths, f.paths));
                                compute_ms.set(js_sys::Date::now() - *started.borrow());
                                fan.set(Some(Rc::new(f)));
                            }
                            Reply::Error(r, why) if r == latest => error.set(Some(format!(
                                "The simulated futures could not be drawn: {why}"
                            ))),
                            _ => {}
                        }
                    })
                };
                let on_dead = {
                    let error = error.clone();
                    Rc::new(move |why: String| {
                        error.set(Some(format!(
                            "The simulated futures could not be drawn: {why}"
                        )))
                    })
                };
                if let Err(why) = post(&running, request, on_reply, on_dead) {
                    error.set(Some(format!(
                        "The simulated futures could not start: {why}"
                    )));
                }
            } else {
                let mut sim = Simulation::new(s, *spread, uncertainty::PATHS, uncertainty::SEED);
                sim.run(uncertainty::PATHS);
                progress.set(sim.progress());
                fan.set(Some(Rc::new(sim.fan())));
            }
        });
    }
    use_stop_worker(running);
    let (done, total) = *progress;
    Simulated {
        fan: (*fan).clone(),
        done,
        total,
        compute_ms: *compute_ms,
        error: (*error).clone(),
    }
}

/// What a tool worked out on the page's worker ([`use_tornado`],
/// [`use_goal`]) has.
#[derive(Clone, PartialEq)]
pub struct Worked<T> {
    /// The answer for the scenario and settings asked about now.
    pub answer: Option<Rc<T>>,
    /// While that is worked out, the last answer for earlier ones (to show
    /// as out of date, never to act on).
    pub earlier: Option<Rc<T>>,
    /// Whether the answer for the scenario and settings asked about now is
    /// still being worked out.
    pub working: bool,
    /// Why the answer for the scenario and settings asked about now could
    /// not be worked out, in words.
    pub error: Option<String>,
}

/// Works out the sensitivity chart of `scenario` across `ranges` (thirty
/// or so projections) on the page's worker.
#[hook]
pub fn use_tornado(scenario: Rc<Scenario>, ranges: Vec<Range>) -> Worked<Tornado> {
    use_worked(
        scenario,
        ranges,
        |r| Job::Tornado(r.clone()),
        |s, r| crate::model::sensitivity::tornado(s, r),
        |reply| match reply {
            Reply::Tornado(run, t) => Some((run, t)),
            _ => None,
        },
    )
}

/// Goal seek for `lever` and `target` on `scenario`, on the page's worker.
#[hook]
pub fn use_goal(scenario: Rc<Scenario>, lever: Lever, target: Target) -> Worked<Solved> {
    use_worked(
        scenario,
        (lever, target),
        |(l, t)| Job::Goal(*l, *t),
        |s, (l, t)| crate::model::solve::solve(s, *l, *t),
        |reply| match reply {
            Reply::Goal(run, solved) => Some((run, solved)),
            _ => None,
        },
    )
}

/// Works out `job(settings)` on `scenario`, again whenever either changes:
/// in the browser on the page's worker, so input never waits for it, the
/// latest request replacing any still being worked out (`answer` reads the
/// worker's reply); natively (the render tests) at once, with `native`.
/// Each answer or error is kept with the scenario and settings it is for,
/// and counts only while they are still the ones asked about.
#[hook]
fn use_worked<K, T>(
    scenario: Rc<Scenario>,
    settings: K,
    job: fn(&K) -> Job,
    native: fn(&Scenario, &K) -> T,
    answer: fn(Reply) -> Option<(u64, T)>,
) -> Worked<T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
{
    let held = use_state(|| None::<Rc<Held<K, T>>>);
    let run = use_mut_ref(|| 0u64);
    let running: Slot = use_mut_ref(|| None::<Running>);
    let asked = (scenario.clone(), settings.clone());
    {
        let held = held.clone();
        let running = running.clone();
        use_effect_with((scenario, settings), move |(s, k)| {
            let this = run.borrow().wrapping_add(1);
            *run.borrow_mut() = this;
            let keep = {
                let (held, s, k) = (held.clone(), s.clone(), k.clone());
                move |outcome: Result<Rc<T>, String>| {
                    held.set(Some(Rc::new(Held {
                        scenario: s.clone(),
                        settings: k.clone(),
                        outcome,
                    })))
                }
            };
            if !cfg!(target_arch = "wasm32") {
                keep(Ok(Rc::new(native(s, k))));
                return;
            }
            let request = encode_request(&Request {
                run: this,
                job: job(k),
                scenario: (**s).clone(),
            });
            let keep = Rc::new(keep);
            let failed: Rc<dyn Fn(String)> = {
                let keep = keep.clone();
                Rc::new(move |why| keep(Err(format!("This could not be worked out: {why}"))))
            };
            let on_reply = {
                let failed = failed.clone();
                Rc::new(move |reply: Reply| {
                    if reply.run() != *run.borrow() {
                        return;
                    }
                    if let Reply::Error(_, why) = reply {
                        failed(why);
                    } else if let Some((_, v)) = answer(reply) {
                        keep(Ok(Rc::new(v)));
                    }
                })
            };
            if let Err(why) = post(&running, request, on_reply, failed.clone()) {
                failed(why);
            }
        });
    }
    use_stop_worker(running);
    let (scenario, settings) = asked;
    let current = (*held).as_ref().filter(|h| {
        (Rc::ptr_eq(&h.scenario, &scenario) || h.scenario == scenario) && h.settings == settings
    });
    match current {
        Some(h) => Worked {
            answer: h.outcome.as_ref().ok().cloned(),
            earlier: None,
            working: false,
            error: h.outcome.as_ref().err().cloned(),
        },
        None => Worked {
            answer: None,
            earlier: (*held)
                .as_ref()
                .and_then(|h| h.outcome.as_ref().ok().cloned()),
            working: true,
            error: None,
        },
    }
}

/// An answer, or why there is none, with what it was worked out for.
struct Held<K, T> {
    scenario: Rc<Scenario>,
    settings: K,
    outcome: Result<Rc<T>, String>,
}

/// Stops a component's worker when the component goes.
#[hook]
fn use_stop_worker(running: Slot) {
    use_effect_with((), move |_| {
        move || {
            // Dropping it stops the worker.
            running.borrow_mut().take();
        }
    });
}

/// Sends `request` to the worker in `running`, starting it if there is
/// none, or afresh if it is still working on an older run (which is then
/// abandoned). Replies go to `on_reply` (the handlers of any earlier
/// request are replaced); `on_dead` hears, in words, if the worker fails,
/// does not start in time, or sends what the page cannot read. The error,
/// if it cannot be sent, is in words.
fn post(
    running: &Slot,
    request: String,
    on_reply: Rc<dyn Fn(Reply)>,
    on_dead: Rc<dyn Fn(String)>,
) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let mut slot = running.borrow_mut();
    // A worker that failed is replaced; so is one working on an older run
    // (abandoned). One still starting keeps starting: the newer request
    // replaces the one waiting for it.
    let stale = slot
        .as_ref()
        .is_some_and(|r| r.dead.get() || (r.busy.get() && r.waiting.borrow().is_none()));
    if stale {
        // Dropping it stops the worker.
        slot.take();
    }
    if slot.is_none() {
        let worker = web_sys::Worker::new(WORKER)
            .map_err(|_| "this browser did not allow the page's worker".to_string())?;
        let busy = Rc::new(std::cell::Cell::new(false));
        let dead = Rc::new(std::cell::Cell::new(false));
        let waiting: Rc<RefCell<Option<Option<String>>>> = Rc::new(RefCell::new(Some(None)));
        let handlers = Rc::new(RefCell::new(Handlers {
            reply: on_reply.clone(),
            dead: on_dead.clone(),
        }));
        let start_timer = Rc::new(RefCell::new(None::<Timeout>));
        // Marks the worker failed and tells whoever asked last why.
        let fail = {
            let (busy, dead, handlers) = (busy.clone(), dead.clone(), handlers.clone());
            Rc::new(move |why: &str| {
                busy.set(false);
                dead.set(true);
                let tell = handlers.borrow().dead.clone();
                tell(format!("{why} (changing a figure tries again)"));
            })
        };
        let message = {
            let (busy, waiting, handlers) = (busy.clone(), waiting.clone(), handlers.clone());
            let (fail, start_timer) = (fail.clone(), start_timer.clone());
            let me = worker.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let text = e.data().as_string().unwrap_or_default();
                if text == READY {
                    start_timer.borrow_mut().take();
                    if let Some(Some(request)) = waiting.borrow_mut().take() {
                        let _ = me.post_message(&wasm_bindgen::JsValue::from_str(&request));
                    }
                    return;
                }
                let Some(reply) = decode_reply(&text) else {
                    fail("the page's worker sent an answer the page could not read");
                    return;
                };
                if !matches!(reply, Reply::Progress(..)) {
                    busy.set(false);
                }
                let tell = handlers.borrow().reply.clone();
                tell(reply);
            })
        };
        let error = {
            let fail = fail.clone();
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |_: web_sys::ErrorEvent| {
                fail("the page's worker could not start or stopped")
            })
        };
        worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        {
            let (waiting, fail) = (waiting.clone(), fail.clone());
            *start_timer.borrow_mut() = Some(Timeout::new(START_MS, move || {
                if waiting.borrow().is_some() {
                    fail("the page's worker did not start within 30 seconds: check the connection");
                }
            }));
        }
        *slot = Some(Running {
            worker,
            _message: message,
            _error: error,
            busy,
            dead,
            waiting,
            handlers,
            _start_timer: start_timer,
        });
    }
    let r = slot.as_ref().ok_or("no worker")?;
    *r.handlers.borrow_mut() = Handlers {
        reply: on_reply,
        dead: on_dead,
    };
    r.busy.set(true);
    if let Some(pending) = r.waiting.borrow_mut().as_mut() {
        // Not ready yet: sent when it is (a newer request replaces this).
        *pending = Some(request);
        return Ok(());
    }
    r.worker
        .post_message(&wasm_bindgen::JsValue::from_str(&request))
        .map_err(|_| "the request could not be sent".to_string())
}

/// Fetches a council's figures by age when the scenario on the page (or
/// the one its results come from) is by age and they are not yet here,
/// then has the scenario checked and projected again. A failure is kept
/// ([`Action::AgesFailed`]) and said in words beside the results, which
/// offer to try again ([`Action::RetryAges`]) or to use one growth rate.
#[hook]
pub fn use_age_figures(state: &State, dispatch: UseReducerDispatcher<State>) {
    let code = crate::model::age::awaiting(&state.draft)
        .or_else(|| crate::model::age::awaiting(&state.good));
    // Tried again when asked (a failed try is said beside the results,
    // with a button to try again).
    use_effect_with((code, state.ages_attempt), move |(code, _)| {
        if let Some(code) = *code {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match load_ages(code).await {
                    Ok(()) => Action::AgesLoaded(code),
                    Err(why) => Action::AgesFailed { code, why },
                });
            });
        }
    });
}

/// Fetches and reads council `code`'s figures by age.
pub async fn load_ages(code: &'static str) -> Result<(), String> {
    let text = browser::age_figures(code).await?;
    let d = crate::model::authorities::load_ages(&text)?;
    if d.code != code {
        return Err(format!(
            "the file of figures by age for {code} holds another council's ({})",
            d.code
        ));
    }
    Ok(())
}
