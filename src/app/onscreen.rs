//! Results follow every input in the frame after it, but only those a
//! reader can see need to: a chart three screens down is redrawn when it
//! comes within half a screen of view, or as soon as input pauses,
//! whichever is first. So dragging a slider redraws what is on screen
//! (every chart and table there, open or not), not the whole page, and
//! nothing is ever out of date once the drag stops or where anyone looks.

use yew::prelude::*;

use super::browser;

/// Props of [`OnScreen`].
#[derive(Properties, PartialEq)]
pub struct OnScreenProps {
    /// What to draw.
    pub children: Html,
    /// Input has paused: draw the latest even far off screen.
    pub settled: bool,
}

/// Draws its children with the latest results while it is on or near the
/// screen or input has paused; otherwise keeps what it last drew.
///
/// When the page opens, a block near the screen draws at once and one
/// further down after the next frame, each in a task of its own, so the
/// first screen is not held up by the whole page; until then it holds a
/// space of about its size. Natively (the render tests) it draws at once.
#[component]
pub fn OnScreen(p: &OnScreenProps) -> Html {
    let node = use_node_ref();
    // `None` until the page has looked where the block is.
    let near = use_state_eq(|| (!IN_BROWSER).then_some(true));
    // Whether a block off screen has had its turn to draw after opening.
    let ready = use_state_eq(|| !IN_BROWSER);
    let shown = use_mut_ref(|| None::<Html>);
    if *near == Some(true) || (p.settled && *ready) {
        let mut last = shown.borrow_mut();
        if last.as_ref() != Some(&p.children) {
            *last = Some(p.children.clone());
        }
    }
    {
        let node = node.clone();
        let near = near.clone();
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let el = node.cast::<web_sys::Element>();
            // A block further down takes its turn once the first screen has
            // been painted: after the next frame, in a task of its own.
            let turn = std::rc::Rc::new(std::cell::RefCell::new(None));
            let mut frame = None;
            if el.as_ref().is_none_or(browser::is_near) {
                near.set(Some(true));
                ready.set(true);
            } else {
                near.set(Some(false));
                let ready = ready.clone();
                let turn = turn.clone();
                frame = Some(gloo::render::request_animation_frame(move |_| {
                    *turn.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, move || {
                        ready.set(true)
                    }));
                }));
            }
            let watch = el.and_then(|el| browser::watch_near(&el, move |is| near.set(Some(is))));
            move || {
                drop(watch);
                drop(frame);
                turn.borrow_mut().take();
            }
        });
    }
    // `data-near` says what the page last saw, for tests and for anyone
    // inspecting why a block has not redrawn.
    let near_attr = near.map(|n| if n { "true" } else { "false" });
    match shown.borrow().clone() {
        Some(drawn) => html! {
            <div ref={node} class="onscreen" data-near={near_attr}>{ drawn }</div>
        },
        None => {
            html! { <div ref={node} class="onscreen onscreen--waiting" data-near={near_attr}></div> }
        }
    }
}

/// Built for the browser (rather than natively, for the render tests).
const IN_BROWSER: bool = cfg!(target_arch = "wasm32");
