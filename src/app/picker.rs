//! Choosing the council to start from.

use yew::prelude::*;

use super::context::{use_dispatch, use_state_ctx};
use super::state::Action;
use crate::model::presets::PRESETS;

/// The preset picker.
#[component]
pub fn PresetPicker() -> Html {
    let state = use_state_ctx();
    let dispatch = use_dispatch();
    let onchange = Callback::from(move |e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        dispatch.dispatch(Action::LoadPreset(el.value()));
    });
    let current = PRESETS.iter().find(|p| p.id == state.preset);
    html! {
        <div class="field picker">
            <label class="field__label" for="preset">{ "Start from" }</label>
            <div class="hint" id="preset-hint">{ "Five councils' Safety Valve papers, or an illustrative average authority. Everything can be changed below." }</div>
            <select id="preset" class="select" aria-describedby="preset-hint" {onchange}>
                { for PRESETS.iter().map(|p| html! {
                    <option value={p.id} selected={p.id == state.preset}>{ p.name }</option>
                }) }
            </select>
            if let Some(p) = current {
                <p class="picker__summary">{ p.summary }</p>
            }
        </div>
    }
}
