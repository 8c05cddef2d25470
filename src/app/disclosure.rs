//! `<details>` that draws its contents only while open. Most of the page's
//! controls, sources and table views sit in closed sections; leaving them
//! out of the document until asked for keeps every redraw small.

use yew::prelude::*;

/// Whether every disclosure inside is drawn open (for the render tests and
/// the fuzzer, which need every field on the page).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct OpenAll(pub bool);

/// Props of [`Disclosure`].
#[derive(Properties, PartialEq, Clone)]
pub struct DisclosureProps {
    /// The always-visible summary.
    pub summary: Html,
    /// Open at first.
    #[prop_or_default]
    pub open: bool,
    /// Held open (for instance while it holds a field with a problem).
    #[prop_or_default]
    pub force: bool,
    /// Class of the `<details>`.
    #[prop_or_default]
    pub class: Classes,
    /// Class of the `<summary>`.
    #[prop_or_default]
    pub summary_class: Classes,
    /// Class of the body wrapper.
    #[prop_or_default]
    pub body_class: Classes,
    /// Element id.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The contents, drawn only while open.
    #[prop_or_default]
    pub children: Html,
}

/// A disclosure that draws its body only while open.
#[component]
pub fn Disclosure(p: &DisclosureProps) -> Html {
    let open = use_state_eq(|| p.open);
    let all = use_context::<OpenAll>().unwrap_or_default().0;
    let is_open = *open || p.force || all;
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(el.open());
        })
    };
    html! {
        <details class={p.class.clone()} id={p.id.clone()} open={is_open} {ontoggle}>
            <summary class={p.summary_class.clone()}>{ p.summary.clone() }</summary>
            if is_open {
                <div class={p.body_class.clone()}>{ p.children.clone() }</div>
            }
        </details>
    }
}
