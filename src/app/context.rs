//! The dispatcher, shared with every component through a context. Panels
//! get the state as props, so each can skip drawing when its part of the
//! state has not changed.

use yew::prelude::*;

use super::state::{Action, State};

/// What components get from the page: a way to change the state.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    /// Sends actions to the reducer.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The dispatcher (stable across renders).
#[hook]
pub fn use_dispatch() -> Dispatch {
    Dispatch(use_context::<Ctx>().map(|c| c.dispatch))
}

/// Sends actions, or does nothing outside a page (in render tests).
#[derive(Clone, PartialEq)]
pub struct Dispatch(Option<UseReducerDispatcher<State>>);

impl Dispatch {
    /// Sends `action` to the reducer.
    pub fn dispatch(&self, action: Action) {
        if let Some(d) = &self.0 {
            d.dispatch(action);
        }
    }
}
