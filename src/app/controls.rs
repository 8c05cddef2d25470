//! The controls: every lever of the scenario, grouped as a council's paper
//! would group them. Each panel gets the parts of the scenario it shows
//! ([`Shared`](super::state::Shared), compared by pointer) and the typed
//! text, messages and sources of its own fields ([`FieldState`]), so it
//! redraws exactly when one of those changes ([`PanelProps::of`], checked
//! field by field in `tests/panels.rs`).

use std::rc::Rc;

use yew::prelude::*;

use super::disclosure::Disclosure;
use super::state::{FieldState, Shared, State};
use crate::model::Projection;
use crate::model::field::Field;
use crate::model::node::{Group, Node};

mod ages;
mod agreement;
mod demand;
mod mix;
mod money;
mod places;
mod savings;
mod spec;

pub use agreement::{AgreementPanel, AgreementProps};
pub use demand::{DemandPanel, DemandProps};
pub use mix::{CostsPanel, CostsProps, MixPanel, MixProps};
pub use money::{MoneyPanel, MoneyProps};
pub use places::{PlacesPanel, PlacesProps};
pub use savings::{SavingsPanel, SavingsProps};
pub use spec::{Spec, nice_ceiling, read_share};

pub use super::disclosure::OpenAll;

/// The props of every panel, made from the page's state.
#[derive(Clone, PartialEq)]
pub struct PanelProps {
    /// EHCPs and growth.
    pub demand: DemandProps,
    /// The placement mix.
    pub mix: MixProps,
    /// What a place costs.
    pub costs: CostsProps,
    /// Limits on places.
    pub places: PlacesProps,
    /// Money in, other spend and the deficit carried in.
    pub money: MoneyProps,
    /// The savings plan.
    pub savings: SavingsProps,
    /// The Safety Valve agreement.
    pub agreement: AgreementProps,
}

impl PanelProps {
    /// Each panel's part of `state` (and, for the agreement, the
    /// projection of the last valid scenario).
    pub fn of(state: &State, projection: Option<Rc<Projection>>) -> Self {
        let p = &state.parts;
        let origin = Shared::from(state.origin.clone());
        let m = state.messages();
        PanelProps {
            demand: DemandProps {
                about: p.about.clone(),
                demand: p.demand.clone(),
                baseline: p.baseline.clone(),
                origin: origin.clone(),
                fields: state.fields_within(&m, &[Group::Demand.into(), Group::Baseline.into()]),
                figures_by_age: crate::model::authorities::ages_of(&p.about.code).is_some(),
            },
            mix: MixProps {
                about: p.about.clone(),
                shares: p.shares.clone(),
                target_year: p.target_year,
                locks_now: state.locks_now,
                locks_plan: state.locks_plan,
                fields: state.fields_within(&m, &mix::mix_nodes()),
            },
            costs: CostsProps {
                costs: p.costs.clone(),
                origin: origin.clone(),
                fields: state.fields_within(&m, &mix::cost_nodes()),
            },
            places: PlacesProps {
                about: p.about.clone(),
                places: p.places.clone(),
                origin: origin.clone(),
                fields: state.fields_within(&m, &places::nodes()),
            },
            money: MoneyProps {
                about: p.about.clone(),
                opening_deficit: p.opening_deficit,
                income: p.income.clone(),
                other_spend: p.other_spend.clone(),
                origin: origin.clone(),
                fields: state.fields_within(
                    &m,
                    &[
                        Field::OpeningDeficit.into(),
                        Group::Income.into(),
                        Group::OtherSpend.into(),
                    ],
                ),
            },
            savings: SavingsProps {
                about: p.about.clone(),
                savings: p.savings.clone(),
                income: p.income.clone(),
                fields: state.fields_within(&m, &[Group::Savings.into()]),
            },
            agreement: AgreementProps {
                about: p.about.clone(),
                agreement: p.agreement.clone(),
                origin,
                projection: projection.map(Shared::from),
                fields: state.fields_within(&m, &[Group::Agreement.into()]),
            },
        }
    }
}

/// Props of [`Controls`].
#[derive(Properties, PartialEq, Clone)]
pub struct ControlsProps {
    /// The page's state.
    pub state: Rc<State>,
    /// The projection of the last valid scenario, for where each year
    /// stands against the agreement.
    #[prop_or_default]
    pub projection: Option<Rc<Projection>>,
    /// Every section open.
    #[prop_or_default]
    pub open: bool,
}

/// Every lever of the scenario, section by section.
#[component]
pub fn Controls(p: &ControlsProps) -> Html {
    let props = PanelProps::of(&p.state, p.projection.clone());
    html! {
        <ContextProvider<OpenAll> context={OpenAll(p.open)}>
            <DemandPanel ..props.demand />
            <MixPanel ..props.mix />
            <CostsPanel ..props.costs />
            <PlacesPanel ..props.places />
            <MoneyPanel ..props.money />
            <SavingsPanel ..props.savings />
            <AgreementPanel ..props.agreement />
        </ContextProvider<OpenAll>>
    }
}

/// A collapsible section of controls.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// The heading.
    pub title: AttrValue,
    /// Open at first.
    #[prop_or_default]
    pub open: bool,
    /// Held open (it holds a field with a problem).
    #[prop_or_default]
    pub force: bool,
    /// One line on what it holds.
    #[prop_or_default]
    pub summary: Option<AttrValue>,
    /// The controls.
    pub children: Html,
    /// The element id.
    pub id: AttrValue,
    /// Glossary terms the section uses: (anchor, words).
    #[prop_or_default]
    pub terms: &'static [(&'static str, &'static str)],
}

/// A section of controls with a heading, drawn only while open.
#[component]
pub fn Section(p: &SectionProps) -> Html {
    let all = use_context::<OpenAll>().unwrap_or_default().0;
    html! {
        <Disclosure class="panel" id={p.id.clone()} open={p.open} force={p.force || all}
            summary_class="panel__summary" body_class="panel__body"
            summary={html! { <h2 class="panel__title">{ p.title.clone() }</h2> }}>
            if let Some(s) = &p.summary { <p class="hint">{ s.clone() }</p> }
            if !p.terms.is_empty() {
                <p class="hint terms">{ "What the words mean: " }
                    { for p.terms.iter().enumerate().map(|(i, (id, words))| html! { <>
                        if i > 0 { { ", " } }
                        <a href={format!("pages/glossary.html#{id}")}>{ *words }</a>
                    </> }) }
                </p>
            }
            { p.children.clone() }
        </Disclosure>
    }
}

/// Whether `fields` has a message about anything inside any of `nodes`
/// (so the section holding them is held open).
pub fn has_messages(fields: &FieldState, nodes: &[Node]) -> bool {
    nodes.iter().any(|n| fields.has_messages_within(*n))
}
