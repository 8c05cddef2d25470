//! The calculator page: one reducer holds the state; the projection of the
//! last valid scenario is memoised from it, never stored.

pub mod chart;
mod context;
pub mod controls;
pub mod disclosure;
mod errors;
pub mod field;
mod picker;
pub mod results;
pub mod state;
pub mod text_field;
pub mod units;

use std::rc::Rc;

use yew::prelude::*;

use self::context::Ctx;
use self::controls::{
    AgreementPanel, CostsPanel, DemandPanel, MixPanel, MoneyPanel, PlacesPanel, SavingsPanel,
};
use self::errors::ErrorSummary;
use self::picker::PresetPicker;
use self::results::{DeficitChart, Headline, ResultProps, StackChart, StackKind, YearTable};
use self::state::State;
use crate::model::project;

/// How long input must pause before the larger charts and tables redraw.
const SETTLE_MS: u32 = 120;

/// Props of [`App`]: the state to start from (the default preset unless a
/// test or a link gives another).
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The starting state.
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
}

/// The page.
#[component]
pub fn App(p: &AppProps) -> Html {
    let initial = p.initial.clone();
    let state = use_reducer(move || initial.map(|s| (*s).clone()).unwrap_or_else(State::initial));
    let good = state.good.clone();
    let projection = use_memo(state.generation, move |_| {
        // `good` always validates, so this is never `Err`; without a
        // projection the results are left out rather than the page blanked.
        project(&good).ok().map(|p| (good, Rc::new(p)))
    });
    let ctx = Ctx {
        dispatch: state.dispatcher(),
    };
    let results = (*projection)
        .clone()
        .map(|(scenario, projection)| ResultProps {
            scenario,
            projection,
        });
    // The headline and the deficit chart redraw on every input; the larger
    // charts and tables follow once input pauses, so a slider drag stays
    // within a frame.
    let settled = use_state(|| results.clone());
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let settled = settled.clone();
        let latest = results.clone();
        use_effect_with(state.generation, move |_| {
            if *settled != latest {
                *timer.borrow_mut() =
                    Some(gloo::timers::callback::Timeout::new(SETTLE_MS, move || {
                        settled.set(latest);
                    }));
            }
        });
    }
    let st = Rc::new((*state).clone());
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip-link" href="#results">{ "Skip to the results" }</a>
            <header class="masthead">
                <div class="page masthead__inner">
                    <p class="masthead__name">{ "High Needs Block deficit calculator" }</p>
                    <p class="masthead__note">{ "Runs in your browser. Nothing you enter leaves this page." }</p>
                </div>
            </header>
            <main class="page" id="main">
                <h1>{ "High Needs Block deficit calculator" }</h1>
                <p class="lede">{ "See how a council's special educational needs spending, savings plan and Safety Valve payments change its High Needs deficit, year by year." }</p>
                <ErrorSummary messages={st.messages()} />
                <PresetPicker preset={st.preset.clone()} />
                <div class="layout">
                    <div class="layout__results" id="results" data-settled={(*settled == results).to_string()}>
                        if let Some(r) = results.clone() {
                            <Headline of={r.clone()} extra_from={st.extra_from} />
                            <DeficitChart ..r />
                        }
                        if let Some(r) = (*settled).clone() {
                            <StackChart of={r.clone()} kind={StackKind::Spend} />
                            <StackChart of={r.clone()} kind={StackKind::Children} />
                            <YearTable ..r />
                        }
                    </div>
                    <div class="layout__controls">
                        <DemandPanel state={st.clone()} />
                        <MixPanel state={st.clone()} />
                        <CostsPanel state={st.clone()} />
                        <PlacesPanel state={st.clone()} />
                        <MoneyPanel state={st.clone()} />
                        <SavingsPanel state={st.clone()} />
                        <AgreementPanel state={st} projection={results.as_ref().map(|r| r.projection.clone())} />
                    </div>
                </div>
            </main>
        </ContextProvider<Ctx>>
    }
}
