//! The state, shared with every component through a context.

use std::rc::Rc;

use yew::prelude::*;

use super::state::State;

/// What components get from the page: the state and a way to change it.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    /// The current state.
    pub state: Rc<State>,
    /// Sends actions to the reducer.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The current state.
#[hook]
pub fn use_state_ctx() -> Rc<State> {
    use_context::<Ctx>().map(|c| c.state).unwrap_or_else(|| Rc::new(State::initial()))
}

/// The dispatcher (stable across renders, so components that take only data
/// as props are not re-rendered needlessly).
#[hook]
pub fn use_dispatch() -> Dispatch {
    Dispatch(use_context::<Ctx>().map(|c| c.dispatch))
}

/// Sends actions, or does nothing outside a page (in render tests).
#[derive(Clone, PartialEq)]
pub struct Dispatch(Option<UseReducerDispatcher<State>>);

impl Dispatch {
    /// Sends `action` to the reducer.
    pub fn dispatch(&self, action: super::state::Action) {
        if let Some(d) = &self.0 {
            d.dispatch(action);
        }
    }
}
