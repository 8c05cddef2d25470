//! The parts of the page around the calculator: the masthead, the title
//! and its introduction, the footer with its sources and licence, the
//! choice of lens, and messages about the page as a whole.

use yew::prelude::*;

use super::context::use_dispatch;
use super::state::{Action, Notice};

/// The site's name and its promise, above everything.
#[component]
pub fn Masthead() -> Html {
    html! {
        <header class="masthead no-print">
            <div class="page masthead__inner">
                <p class="masthead__name">{ "High Needs Block deficit calculator" }</p>
                <p class="masthead__note">{ "Runs in your browser. Nothing you enter leaves this page." }</p>
            </div>
        </header>
    }
}

/// Props of [`Intro`].
#[derive(Properties, PartialEq, Clone)]
pub struct IntroProps {
    /// In a frame on another site: the title alone.
    pub embed: bool,
}

/// The page's title, and a sentence on what it does.
#[component]
pub fn Intro(p: &IntroProps) -> Html {
    if p.embed {
        return html! { <h1 class="embed__title">{ "High Needs Block deficit calculator" }</h1> };
    }
    html! { <>
        <h1>{ "High Needs Block deficit calculator" }</h1>
        <p class="lede">
            { "See how a council's spending on children with " }<a href="pages/glossary.html#ehcp">{ "EHCPs" }</a>
            { ", its savings plan and its " }<a href="pages/glossary.html#safety-valve">{ "Safety Valve" }</a>
            { " payments change its " }<a href="pages/glossary.html#high-needs-block">{ "High Needs Block" }</a>
            { " deficit, year by year." }
        </p>
    </> }
}

/// Where to read more, and where the council figures come from.
#[component]
pub fn Footer() -> Html {
    html! {
        <footer class="footer no-print">
            <div class="page">
                <a href="pages/glossary.html">{ "What the words mean" }</a>
                <a href="pages/method.html">{ "How the calculator works" }</a>
                <a href="pages/accessibility.html">{ "Accessibility statement" }</a>
                <p class="footer__licence" id="licence">
                    { "Council figures: DfE, Education, health and care plans (SEN2), 2025; ESFA Dedicated Schools Grant allocations, 2019-20 to 2023-24; DfE, LA and school expenditure (section 251 outturn), 2017-18 to 2024-25; DfE, Dedicated schools grant: very high deficit intervention. Contains public sector information licensed under the " }
                    <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license noopener">{ "Open Government Licence v3.0" }</a>
                    { "." }
                </p>
            </div>
        </footer>
    }
}

/// Props of [`Lens`].
#[derive(Properties, PartialEq, Clone)]
pub struct LensProps {
    /// Children and places (for parents) rather than money.
    pub parents: bool,
}

/// How to show the results: in money, or in children and places.
#[component]
pub fn Lens(p: &LensProps) -> Html {
    let dispatch = use_dispatch();
    let money = {
        let d = dispatch.clone();
        Callback::from(move |_: Event| d.dispatch(Action::Parents(false)))
    };
    let children = Callback::from(move |_: Event| dispatch.dispatch(Action::Parents(true)));
    html! {
        <fieldset class="lens">
            <legend class="lens__legend">{ "Show the results" }</legend>
            <label class="radio lens__option">
                <input type="radio" name="lens" id="lens-money" checked={!p.parents} onchange={money} />
                { "In money" }
            </label>
            <label class="radio lens__option">
                <input type="radio" name="lens" id="lens-parents" checked={p.parents} onchange={children} />
                { "In children and places (for parents)" }
            </label>
        </fieldset>
    }
}

/// Props of [`Notices`].
#[derive(Properties, PartialEq, Clone)]
pub struct NoticesProps {
    /// The messages.
    pub notices: Vec<Notice>,
}

/// Messages about the page as a whole, each dismissable.
#[component]
pub fn Notices(p: &NoticesProps) -> Html {
    let dispatch = use_dispatch();
    html! {
        <div class="notices" id="notices">
            { for p.notices.iter().enumerate().map(|(i, n)| {
                let dispatch = dispatch.clone();
                let dismiss = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Dismiss(i)));
                html! {
                    <div class={classes!("notice", n.error.then_some("notice--error"))} role={if n.error { "alert" } else { "status" }}>
                        <p class="notice__title">{ n.title.clone() }</p>
                        if !n.lines.is_empty() {
                            <ul class="notice__lines">
                                { for n.lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
                            </ul>
                        }
                        <button type="button" class="button button--small button--secondary notice__dismiss" onclick={dismiss} aria-label={format!("Dismiss: {}", n.title)}>{ "Dismiss" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

/// Props of [`AgesWaiting`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgesWaitingProps {
    /// The council whose figures by age the results wait for.
    pub name: AttrValue,
    /// Why they could not be loaded, if they could not.
    #[prop_or_default]
    pub failed: Option<AttrValue>,
}

/// Where the results would be while they wait for a council's figures by
/// age: that they are loading or, if they could not be loaded, why, with a
/// button to try again and one to project by one growth rate instead. The
/// box stays in place between the two, and takes the focus on "Try again",
/// so the focus is never lost; after "Use one growth rate instead" it
/// moves to the results.
#[component]
pub fn AgesWaiting(p: &AgesWaitingProps) -> Html {
    let dispatch = use_dispatch();
    let retry = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::RetryAges);
            super::browser::focus("ages-waiting");
        })
    };
    let by_rate = Callback::from(move |_: MouseEvent| {
        dispatch.dispatch(Action::ByAge(None));
        // Once the results are drawn.
        gloo::timers::callback::Timeout::new(0, || super::browser::focus("headline-title"))
            .forget();
    });
    html! {
        <div id="ages-waiting" tabindex="-1">
            if let Some(why) = p.failed.clone() {
                <div class="notice notice--error" role="alert" id="ages-failed">
                    <p class="notice__title">{ format!("{}'s figures by age could not be loaded, so there are no results yet.", p.name) }</p>
                    <ul class="notice__lines"><li>{ why }</li></ul>
                    <button type="button" class="button button--small" onclick={retry}>{ "Try again" }</button>
                    { " " }
                    <button type="button" class="button button--small button--secondary" onclick={by_rate}>{ "Use one growth rate instead" }</button>
                </div>
            } else {
                <p class="notice" role="status">{ format!("Loading {}'s figures by age…", p.name) }</p>
            }
        </div>
    }
}
