//! Places in settings with limited capacity, and new places opening.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::disclosure::Disclosure;
use super::super::state::Action;
use super::super::units::Unit;
use super::{Section, Spec};
use crate::model::setting::Setting;

super::panel_props!(PlacesProps, &["placements.settings."], |a, b| a
    .draft
    .placements
    .settings
    .0
    .iter()
    .zip(&b.draft.placements.settings.0)
    .all(|(x, y)| x.places == y.places));

/// Limits on places, and new places by year.
#[component]
pub fn PlacesPanel(p: &PlacesProps) -> Html {
    let state = p.state.clone();
    let dispatch = use_dispatch();
    let s = &state.draft;
    let o = &state.origin;
    let years: Vec<_> = s.about.years().collect();
    html! {
        <Section id="places" force={super::has_messages(&state, |p| p.contains(".places"))} title="Places and new places"
            summary="For settings with a limited number of places: children beyond the places go to the overflow setting (usually an independent special school). Only the plan opens new places.">
            { for Setting::ALL.into_iter().map(|setting| {
                let p = &s.placements.settings[setting];
                let base = format!("placements.settings.{}", setting.id());
                let id = format!("limit-{}", setting.id());
                let limited = p.places.is_some();
                let onchange = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |e: Event| {
                        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                        dispatch.dispatch(Action::LimitPlaces { setting, limited: el.checked() });
                    })
                };
                let origin_places = o.placements.settings[setting].places.as_ref().map_or(dec!(100), |pl| pl.now);
                html! {
                    <div class="places">
                        <div class="checkbox">
                            <input type="checkbox" id={id.clone()} checked={limited} {onchange} />
                            <label for={id}>{ format!("{} has limited places", setting.label()) }</label>
                        </div>
                        if let Some(places) = &p.places {
                            <div class="places__body">
                                { Spec::new(format!("{base}.places.now"), format!("{}: places in {}", setting.label(), s.about.first_year), Unit::Count, places.now)
                                    .up_to(origin_places, dec!(100), dec!(1)).words("places").show(&state) }
                                { for state.messages_for(&format!("{base}.places.overflow_to")).into_iter().map(|m| html! {
                                    <p class="error-message">{ m }</p>
                                }) }
                                <p class="hint">{ format!("Children beyond these places go to: {}.", places.overflow_to.label()) }</p>
                                <Disclosure class="details" body_class="details__body"
                                    summary={html! { { format!("New places opening in {}", setting.label()) } }}
                                    force={super::has_messages(&state, |p| p.starts_with(&format!("{base}.places.new_by_year")))}>
                                        <ul class="year-list">
                                            { for years.iter().map(|y| {
                                                let v = places.new_by_year.get(y).copied().unwrap_or(Decimal::ZERO);
                                                html! { <li>{ Spec::new(format!("{base}.places.new_by_year.{y}"), format!("New places in {y}"), Unit::Count, v)
                                                    .range(dec!(0), dec!(200), dec!(1)).words("new places").compact().show(&state) }</li> }
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
