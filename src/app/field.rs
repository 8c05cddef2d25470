//! A number field: a slider with a number box beside it for exact values,
//! its label, hint, messages and the figure's source. The slider and the box
//! edit the same figure; the box keeps exactly what was typed.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::context::use_dispatch;
use super::disclosure::Disclosure;
use super::state::{Action, Mix, read_share};
use super::units::Unit;
use crate::model::scenario::Source;
use crate::model::setting::Setting;

/// What a field edits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// A figure at a path.
    Plain,
    /// A setting's share: moving it rebalances the others.
    Share(Mix, Setting),
}

/// The element id for a field path (also the error summary's link target).
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() { c } else { '-' });
    }
    id
}

/// Props of [`NumberField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberFieldProps {
    /// The figure's path.
    pub path: AttrValue,
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
    /// What it edits.
    #[prop_or(Target::Plain)]
    pub target: Target,
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
    /// An empty box clears the figure (for optional per-year figures).
    #[prop_or_default]
    pub optional: bool,
}

/// A slider with a number box.
#[component]
pub fn NumberField(p: &NumberFieldProps) -> Html {
    let dispatch = use_dispatch();
    let id = field_id(&p.path);
    let box_id = format!("{id}-box");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let unit = p.unit;
    let shown = unit.to_display(p.value);
    let slider_value = shown.clamp(p.min, p.max);
    let text = p.typed.clone().unwrap_or_else(|| unit.show(p.value).into());

    let on_slide = {
        let dispatch = dispatch.clone();
        let path = p.path.to_string();
        let target = p.target;
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(value) = input
                .value()
                .parse::<Decimal>()
                .ok()
                .and_then(|d| unit.from_display(d))
            else {
                return;
            };
            dispatch.dispatch(match target {
                Target::Plain => Action::Slide {
                    path: path.clone(),
                    value,
                },
                Target::Share(mix, setting) => Action::Share {
                    mix,
                    setting,
                    value: Ok(value),
                    text: None,
                },
            });
        })
    };
    let optional = p.optional;
    let on_type = {
        let path = p.path.to_string();
        let label = p.label.to_string();
        let target = p.target;
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            dispatch.dispatch(match target {
                Target::Plain if optional => Action::TypeOptional {
                    path: path.clone(),
                    text,
                    unit,
                    label: label.clone(),
                },
                Target::Plain => Action::Type {
                    path: path.clone(),
                    text,
                    unit,
                    label: label.clone(),
                },
                Target::Share(mix, setting) => Action::Share {
                    mix,
                    setting,
                    value: read_share(&text, setting, mix),
                    text: Some(text),
                },
            });
        })
    };

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
