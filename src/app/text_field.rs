//! A text field (a project's name, reference or workstream).

use yew::prelude::*;

use super::context::use_dispatch;
use super::field::field_id;
use super::state::Action;
use crate::model::field::Field;

/// Props of [`TextField`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The field.
    pub field: Field,
    /// The label.
    pub label: AttrValue,
    /// The text (kept exactly as typed).
    pub value: AttrValue,
    /// Messages about this field.
    #[prop_or_default]
    pub errors: Vec<String>,
    /// Wide box.
    #[prop_or_default]
    pub wide: bool,
}

/// A labelled text box. What is typed is shown as text, never as markup.
#[component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let dispatch = use_dispatch();
    let id = field_id(p.field);
    let error_id = format!("{id}-error");
    let has_error = !p.errors.is_empty();
    let field = p.field;
    let oninput = Callback::from(move |e: InputEvent| {
        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
        dispatch.dispatch(Action::Text {
            field,
            text: el.value(),
        });
    });
    html! {
        <div class={classes!("field", "field--compact", has_error.then_some("field--error"))}>
            <label class="field__label" for={id.clone()}>{ p.label.clone() }</label>
            if has_error {
                <p id={error_id.clone()} class="error-message">
                    <span class="visually-hidden">{ "Error: " }</span>{ p.errors.join(". ") }
                </p>
            }
            <input type="text" {id} class={classes!("text-box", p.wide.then_some("text-box--wide"), has_error.then_some("number-box--error"))}
                value={p.value.clone()} autocomplete="off" maxlength="200"
                aria-invalid={has_error.then_some("true")}
                aria-describedby={has_error.then_some(error_id)}
                {oninput} />
        </div>
    }
}
