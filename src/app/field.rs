//! A number field: a slider with a number box beside it for exact values,
//! its label, hint, messages and the figure's source. The slider and the box
//! edit the same figure; the box keeps exactly what was typed. It is
//! controlled, like the boids example's slider: it shows what its props
//! say and reports what was done through one callback, and the panel that
//! draws it ([`Spec`](super::controls::Spec)) turns that into an action.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::disclosure::Disclosure;
use super::units::Unit;
use crate::model::node::Node;
use crate::model::scenario::Source;

/// The element id for a part of the scenario (also the error summary's
/// link target): its path with every character that is not a letter or
/// digit made a hyphen.
pub fn field_id(node: impl Into<Node>) -> String {
    let mut id = String::from("f-");
    for c in node.into().to_string().chars() {
        id.push(if c.is_ascii_alphanumeric() { c } else { '-' });
    }
    id
}

/// What a person did to a number field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldInput {
    /// Moved the slider to a value, in model units.
    Slid(Decimal),
    /// Typed text in the number box (kept exactly as typed).
    Typed(String),
}

/// Props of [`NumberField`]: everything it shows, and one callback for
/// what is done to it. It knows nothing of the scenario or the reducer.
#[derive(Properties, PartialEq, Clone)]
pub struct NumberFieldProps {
    /// The slider's element id (the box's is the same with `-box`).
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// Hint text under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Display unit.
    pub unit: Unit,
    /// The value, in model units.
    pub value: Decimal,
    /// Slider range and step, in display units.
    pub min: Decimal,
    /// See `min`.
    pub max: Decimal,
    /// See `min`.
    pub step: Decimal,
    /// Words after the value for screen readers, e.g. "a year".
    #[prop_or_default]
    pub words: AttrValue,
    /// Text as typed, when it differs from the value.
    #[prop_or_default]
    pub typed: Option<AttrValue>,
    /// Messages about this field.
    #[prop_or_default]
    pub errors: Vec<String>,
    /// Where the figure came from.
    #[prop_or_default]
    pub source: Option<Source>,
    /// Anything to show after the number box (a lock, say).
    #[prop_or_default]
    pub children: Html,
    /// A smaller layout for fields in a grid.
    #[prop_or_default]
    pub compact: bool,
    /// Show the slider (a number box alone for figures with no natural
    /// range, such as a project's saving in a year).
    #[prop_or(true)]
    pub slider: bool,
    /// What was done to it.
    pub on_input: Callback<FieldInput>,
}

/// A slider with a number box.
#[component]
pub fn NumberField(p: &NumberFieldProps) -> Html {
    let id = p.id.to_string();
    let box_id = format!("{id}-box");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let unit = p.unit;
    let shown = unit.to_display(p.value);
    let slider_value = shown.clamp(p.min, p.max);
    let text = p.typed.clone().unwrap_or_else(|| unit.show(p.value).into());

    let on_slide = {
        let on_input = p.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(v) = input
                .value()
                .parse::<Decimal>()
                .ok()
                .and_then(|d| unit.from_display(d))
            {
                on_input.emit(FieldInput::Slid(v));
            }
        })
    };
    let on_type = p.on_input.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        FieldInput::Typed(input.value())
    });

    let has_error = !p.errors.is_empty();
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    if has_error {
        described.push(error_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let num = |d: Decimal| d.normalize().to_string();
    html! {
        <div class={classes!("field", p.compact.then_some("field--compact"), has_error.then_some("field--error"))}>
            <label for={if p.slider { id.clone() } else { box_id.clone() }} class="field__label">{ p.label.clone() }</label>
            if let Some(hint) = &p.hint {
                <div id={hint_id} class="hint">{ hint.clone() }</div>
            }
            if has_error {
                <p id={error_id} class="error-message">
                    <span class="visually-hidden">{ "Error: " }</span>
                    { p.errors.join(". ") }
                </p>
            }
            <div class="field__controls">
                if p.slider {
                    <input type="range" id={id.clone()}
                        min={num(p.min)} max={num(p.max)} step={num(p.step)}
                        value={num(slider_value)}
                        aria-valuetext={unit.words(p.value, &p.words)}
                        aria-describedby={described.clone()}
                        oninput={on_slide} />
                }
                <span class="field__box">
                    if !unit.prefix().is_empty() { <span class="field__affix" aria-hidden="true">{ unit.prefix() }</span> }
                    <input type="text" inputmode="decimal" id={box_id} class={classes!("number-box", has_error.then_some("number-box--error"))}
                        value={text} autocomplete="off" spellcheck="false"
                        aria-label={p.slider.then(|| format!("{} ({})", p.label, unit_name(unit)))}
                        aria-invalid={has_error.then_some("true")}
                        aria-describedby={described}
                        oninput={on_type} />
                    if !unit.suffix().is_empty() { <span class="field__affix" aria-hidden="true">{ unit.suffix() }</span> }
                </span>
                { p.children.clone() }
            </div>
            if let Some(src) = &p.source {
                <Disclosure class="source" summary={html! { <>{ "Source: " }{ src.kind.label() }</> }}>
                    <p>{ src.detail.clone() }</p>
                </Disclosure>
            }
        </div>
    }
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "per cent",
        Unit::Millions => "millions of pounds",
        Unit::Pounds => "pounds",
        Unit::Count => "number",
    }
}
