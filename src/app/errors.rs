//! The error summary at the top of the page (the GOV.UK Design System
//! pattern): every problem, each a link to its field.

use yew::prelude::*;

use super::field::field_id;
use crate::model::Problem;
use crate::model::validate::Place;

/// Props of [`ErrorSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorSummaryProps {
    /// Every message, by the part of the scenario it is about.
    pub messages: Vec<Problem>,
}

/// The list of problems, shown while there are any.
#[component]
pub fn ErrorSummary(p: &ErrorSummaryProps) -> Html {
    let messages = &p.messages;
    if messages.is_empty() {
        return Html::default();
    }
    html! {
        <div class="error-summary" id="error-summary" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 class="error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
            <p class="error-summary__note">{ "The results below are from your last valid figures. Correct these to update them; nothing you typed has been lost." }</p>
            <ul class="error-summary__list">
                { for messages.iter().map(|p| html! {
                    <li>
                        if let Place::Node(node) = p.at {
                            <a href={format!("#{}", field_id(node))}>{ p.message.clone() }</a>
                        } else {
                            { p.message.clone() }
                        }
                    </li>
                }) }
            </ul>
        </div>
    }
}
