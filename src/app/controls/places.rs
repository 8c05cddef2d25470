//! Places in settings with limited capacity, and new places opening.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::disclosure::Disclosure;
use super::super::state::{Action, FieldState, Shared};
use super::super::units::Unit;
use super::{Section, Spec, has_messages};
use crate::model::field::Field;
use crate::model::node::{Group, Node};
use crate::model::scenario::{About, Places, Scenario};
use crate::model::setting::{PerSetting, Setting};

/// Props of [`PlacesPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlacesProps {
    /// The years.
    pub about: Shared<About>,
    /// Each setting's limit on places, if it has one.
    pub places: Shared<PerSetting<Option<Places>>>,
    /// The scenario as loaded, for slider ranges.
    pub origin: Shared<Scenario>,
    /// The panel's typed text, messages and sources.
    pub fields: FieldState,
}

/// Every part of the scenario the places panel shows.
pub fn nodes() -> Vec<Node> {
    Setting::ALL
        .iter()
        .map(|s| Group::Places(*s).into())
        .collect()
}

/// Limits on places, and new places by year.
#[component]
pub fn PlacesPanel(p: &PlacesProps) -> Html {
    let dispatch = use_dispatch();
    let f = &p.fields;
    let years: Vec<_> = p.about.years().collect();
    html! {
        <Section id="places" force={has_messages(f, &nodes())} title="Places and new places"
            summary="For settings with a limited number of places: children beyond the places go to the overflow setting (usually an independent special school). Only the plan opens new places.">
            { for Setting::ALL.into_iter().map(|setting| {
                let id = format!("limit-{}", setting.id());
                let limited = p.places[setting].is_some();
                let onchange = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |e: Event| {
                        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                        dispatch.dispatch(Action::LimitPlaces { setting, limited: el.checked() });
                    })
                };
                let origin_places = p.origin.placements.settings[setting].places.as_ref().map_or(dec!(100), |pl| pl.now);
                html! {
                    <div class="places">
                        <div class="checkbox">
                            <input type="checkbox" id={id.clone()} checked={limited} {onchange} />
                            <label for={id}>{ format!("{} has limited places", setting.label()) }</label>
                        </div>
                        if let Some(places) = &p.places[setting] {
                            <div class="places__body">
                                { Spec::new(Field::PlacesNow(setting), format!("{}: places in {}", setting.label(), p.about.first_year), Unit::Count, places.now)
                                    .up_to(origin_places, dec!(100), dec!(1)).words("places").show(f, &dispatch) }
                                { for f.messages(Group::OverflowTo(setting)).into_iter().map(|m| html! {
                                    <p class="error-message">{ m }</p>
                                }) }
                                <p class="hint">{ format!("Children beyond these places go to: {}.", places.overflow_to.label()) }</p>
                                <Disclosure class="details" body_class="details__body"
                                    summary={html! { { format!("New places opening in {}", setting.label()) } }}
                                    force={has_messages(f, &[Group::NewPlaces(setting).into()])}>
                                        <ul class="year-list">
                                            { for years.iter().map(|y| {
                                                let v = places.new_by_year.get(y).copied().unwrap_or(Decimal::ZERO);
                                                html! { <li>{ Spec::new(Field::NewPlaces(setting, *y), format!("New places in {y}"), Unit::Count, v)
                                                    .range(dec!(0), dec!(200), dec!(1)).words("new places").compact().show(f, &dispatch) }</li> }
                                            }) }
                                        </ul>
                                </Disclosure>
                            </div>
                        }
                    </div>
                }
            }) }
        </Section>
    }
}
