//! The placement mix, today and in the plan, and what each place costs.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::field::field_id;
use super::super::state::parts::{Costs, Shares};
use super::super::state::{Action, FieldState, Shared};
use super::super::units::Unit;
use super::{Section, Spec, has_messages};
use crate::model::field::{Field, Mix};
use crate::model::format;
use crate::model::node::{Group, Node};
use crate::model::scenario::{About, Scenario};
use crate::model::setting::{PerSetting, Setting};
use crate::model::year::FinYear;

/// Props of [`MixPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct MixProps {
    /// The years.
    pub about: Shared<About>,
    /// Today's and the planned share of each setting.
    pub shares: Shared<Shares>,
    /// The year the planned mix is reached.
    pub target_year: FinYear,
    /// Locked shares today.
    pub locks_now: PerSetting<bool>,
    /// Locked shares in the plan.
    pub locks_plan: PerSetting<bool>,
    /// The panel's typed text, messages and sources.
    pub fields: FieldState,
}

/// Every part of the scenario the mix panel shows: each share, the
/// shares together, the target year and the published mixes on the way.
pub fn mix_nodes() -> Vec<Node> {
    Setting::ALL
        .iter()
        .flat_map(|s| [Mix::Now, Mix::Plan].map(|m| Field::Share(m, *s).into()))
        .chain([
            Group::Shares(Mix::Now).into(),
            Group::Shares(Mix::Plan).into(),
            Group::TargetYear.into(),
            Group::Waypoints.into(),
        ])
        .collect()
}

/// Every part of the scenario the costs panel shows.
pub fn cost_nodes() -> Vec<Node> {
    Setting::ALL
        .iter()
        .flat_map(|s| [Field::Cost(*s).into(), Field::Inflation(*s).into()])
        .collect()
}

fn which(mix: Mix) -> usize {
    match mix {
        Mix::Now => 0,
        Mix::Plan => 1,
    }
}

/// Today's and the planned mix, with locks and the target year.
#[component]
pub fn MixPanel(p: &MixProps) -> Html {
    let dispatch = use_dispatch();
    let f = &p.fields;
    let total = |mix: Mix| -> Decimal {
        p.shares
            .0
            .iter()
            .map(|s| s[which(mix)])
            .fold(Decimal::ZERO, Decimal::saturating_add)
    };
    let years: Vec<FinYear> = p.about.years().collect();
    let target_index = years.iter().position(|y| *y == p.target_year).unwrap_or(0);
    let on_target = {
        let dispatch = dispatch.clone();
        let years = years.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(y) = el.value().parse::<usize>().ok().and_then(|i| years.get(i)) {
                dispatch.dispatch(Action::TargetYear(*y));
            }
        })
    };
    let target_errors = f.messages(Group::TargetYear);
    let lock = |mix: Mix, setting: Setting| {
        let locked = match mix {
            Mix::Now => p.locks_now[setting],
            Mix::Plan => p.locks_plan[setting],
        };
        let id = format!("{}-lock", field_id(Field::Share(mix, setting)));
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Lock {
                mix,
                setting,
                locked: el.checked(),
            });
        });
        let when = match mix {
            Mix::Now => "today's share",
            Mix::Plan => "the planned share",
        };
        html! {
            <span class="lock">
                <input type="checkbox" id={id.clone()} checked={locked} {onchange} />
                <label for={id}>{ "Lock" }<span class="visually-hidden">{ format!(" {when} of {}", setting.label()) }</span></label>
            </span>
        }
    };
    html! {
        <Section id="mix" terms={{ const T: &[(&str, &str)] = &[("inmss", "INMSS"), ("resourced-provision", "resourced provision"), ("alternative-provision", "alternative provision"), ("eotas", "EOTAS")]; T }} force={has_messages(f, &mix_nodes())} title="Where children are placed" open=true
            summary="Each setting's share of children with an EHCP, today and in the plan. Moving one share moves the others in proportion so the total stays at 100%; lock a share to keep it where it is.">
            <div class="field">
                <label class="field__label" for={field_id(Group::TargetYear)}>{ "The year the planned mix is reached" }</label>
                <div class="hint">{ "The mix moves in a straight line from today's to the plan's, and holds after this year." }</div>
                if !target_errors.is_empty() {
                    <p class="error-message"><span class="visually-hidden">{ "Error: " }</span>{ target_errors.join(". ") }</p>
                }
                <select id={field_id(Group::TargetYear)} class="select" onchange={on_target}>
                    { for years.iter().enumerate().map(|(i, y)| html! {
                        <option value={i.to_string()} selected={i == target_index}>{ y.to_string() }</option>
                    }) }
                </select>
            </div>
            <p class="mix-totals" id={field_id(Group::Shares(Mix::Now))}>
                { format!("Today's shares add up to {}. ", format::percent(total(Mix::Now), 2)) }
            </p>
            <p class="mix-totals" id={field_id(Group::Shares(Mix::Plan))}>
                { format!("Planned shares add up to {}.", format::percent(total(Mix::Plan), 2)) }
            </p>
            { for Setting::ALL.into_iter().map(|setting| {
                let [now, plan] = p.shares[setting];
                html! {
                    <fieldset class="fieldset mix-row">
                        <legend class="fieldset__legend">{ setting.label() }</legend>
                        <div class="mix-row__fields">
                            { Spec::new(Field::Share(Mix::Now, setting), format!("{}: share today", setting.label()), Unit::Percent, now)
                                .range(dec!(0), dec!(100), dec!(0.1)).words("of children").compact()
                                .render(f, &dispatch, lock(Mix::Now, setting)) }
                            { Spec::new(Field::Share(Mix::Plan, setting), format!("{}: share in the plan", setting.label()), Unit::Percent, plan)
                                .range(dec!(0), dec!(100), dec!(0.1)).words("of children").compact()
                                .render(f, &dispatch, lock(Mix::Plan, setting)) }
                        </div>
                    </fieldset>
                }
            }) }
        </Section>
    }
}

/// Props of [`CostsPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct CostsProps {
    /// Each setting's cost per child and yearly inflation.
    pub costs: Shared<Costs>,
    /// The scenario as loaded, for slider ranges.
    pub origin: Shared<Scenario>,
    /// The panel's typed text, messages and sources.
    pub fields: FieldState,
}

/// Cost per child and its yearly inflation, per setting.
#[component]
pub fn CostsPanel(p: &CostsProps) -> Html {
    let dispatch = use_dispatch();
    let f = &p.fields;
    html! {
        <Section id="costs" force={has_messages(f, &cost_nodes())} title="What a place costs"
            summary="The High Needs Block's yearly cost per child in each setting, and how fast it rises.">
            { for Setting::ALL.into_iter().map(|setting| {
                let [cost, inflation] = p.costs[setting];
                html! {
                    <fieldset class="fieldset mix-row">
                        <legend class="fieldset__legend">{ setting.label() }</legend>
                        <div class="mix-row__fields">
                            { Spec::new(Field::Cost(setting), format!("{}: cost per child a year", setting.label()), Unit::Pounds, cost)
                                .up_to(p.origin.placements.settings[setting].cost, dec!(50000), dec!(100)).words("per child a year").compact().show(f, &dispatch) }
                            { Spec::new(Field::Inflation(setting), format!("{}: yearly cost inflation", setting.label()), Unit::Percent, inflation)
                                .range(dec!(-5), dec!(15), dec!(0.1)).words("a year").compact().show(f, &dispatch) }
                        </div>
                    </fieldset>
                }
            }) }
        </Section>
    }
}
