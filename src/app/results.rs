//! The results: headline sentences, charts and the year-by-year table, all
//! drawn from the projection of the last valid scenario.

mod ages;
mod analysis;
mod deficit;
mod headline;
mod history;
mod meaning;
mod stack;
mod table;

pub use ages::ChildrenByAge;
pub use analysis::Analysis;
pub use deficit::{DeficitChart, Line, LineChart};
pub use headline::{Headline, HeadlineProps};
pub use history::History;
pub use meaning::{Meaning, Parents};
pub use stack::{StackChart, StackKind};
pub use table::YearTable;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Projection, Scenario};

/// What every result component is drawn from.
#[derive(Properties, Clone)]
pub struct ResultProps {
    /// The scenario the projection came from.
    pub scenario: Rc<Scenario>,
    /// Its projection.
    pub projection: Rc<Projection>,
}

impl PartialEq for ResultProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &other.scenario)
            && Rc::ptr_eq(&self.projection, &other.projection)
    }
}
