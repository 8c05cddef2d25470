//! Testing the plan: what it would take (goal seek, [`goal`]), what matters
//! most (sensitivity, [`tornado`]) and how sure we can be (simulated futures,
//! [`fan`]). Each sits in a closed section and computes nothing until
//! opened, and only from the settled scenario, so sliders stay quick.

mod fan;
mod goal;
mod tornado;

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::app::disclosure::Disclosure;
use crate::app::units::Unit;
use crate::model::Scenario;
use crate::model::field::Bounds;
use crate::model::setting::PerSetting;

/// Props of the three sections.
#[derive(Properties, PartialEq, Clone)]
pub struct AnalysisProps {
    /// The settled scenario.
    pub scenario: Rc<Scenario>,
    /// The preset it started from (kept when an answer is applied).
    pub preset: AttrValue,
    /// Settings whose planned share is locked on the page.
    pub locks: PerSetting<bool>,
    /// Input has not paused: the figures above have moved on from
    /// `scenario`, so what these tools show is out of date until it does
    /// (marked busy, and nothing from it can be applied).
    #[prop_or_default]
    pub pending: bool,
}

/// The three sections.
#[component]
pub fn Analysis(p: &AnalysisProps) -> Html {
    html! {
        <section class="analysis" aria-labelledby="analysis-title">
            <h2 id="analysis-title" class="analysis__title">{ "Test the plan" }</h2>
            <p class="hint">{ "Three ways to ask how robust the plan is. Each works out its answer when you open it, from the figures above." }</p>
            <Disclosure id="goal-seek" class="details analysis__part" summary={html! { "What would it take?" }}>
                <goal::GoalSeek ..p.clone() />
            </Disclosure>
            <Disclosure id="sensitivity" class="details analysis__part" summary={html! { "What matters most?" }}>
                <tornado::TornadoView scenario={p.scenario.clone()} pending={p.pending} />
            </Disclosure>
            <Disclosure id="uncertainty" class="details analysis__part" summary={html! { "How sure can we be?" }}>
                <fan::FanView scenario={p.scenario.clone()} pending={p.pending} />
            </Disclosure>
        </section>
    }
}

/// A percentage typed into one of these tools' boxes, read by the page's
/// one reader of typed numbers: the value, or the message naming `what`.
fn read_percent(text: &str, what: &str, bounds: &Bounds) -> Result<Decimal, String> {
    Unit::Percent.parse(text, what, Some(bounds))
}

/// A rate as these tools' boxes show it.
fn pct_text(v: Decimal) -> String {
    Unit::Percent.show(v)
}
