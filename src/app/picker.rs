//! Choosing the council to start from.

use yew::prelude::*;

use super::context::use_dispatch;
use super::state::Action;
use crate::model::presets::PRESETS;

/// Props of [`PresetPicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct PickerProps {
    /// The preset chosen.
    pub preset: AttrValue,
}

/// The preset picker.
#[component]
pub fn PresetPicker(p: &PickerProps) -> Html {
    let dispatch = use_dispatch();
    let p_preset = p.preset.as_str();
    let onchange = Callback::from(move |e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        dispatch.dispatch(Action::LoadPreset(el.value()));
    });
    let current = PRESETS.iter().find(|x| x.id == p_preset);
    html! {
        <div class="field picker">
            <label class="field__label" for="preset">{ "Start from" }</label>
            <div class="hint" id="preset-hint">{ "Five councils' Safety Valve papers, or an illustrative average authority. Everything can be changed below." }</div>
            <select id="preset" class="select" aria-describedby="preset-hint" {onchange}>
                { for PRESETS.iter().map(|x| html! {
                    <option value={x.id.to_string()} selected={x.id == p_preset}>{ x.name.to_string() }</option>
                }) }
            </select>
            if let Some(x) = current {
                <p class="picker__summary">{ x.summary.to_string() }</p>
            }
        </div>
    }
}
