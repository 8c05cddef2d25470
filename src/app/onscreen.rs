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
/// screen or input has paused; otherwise keeps what it last drew. Before
/// the browser has said where it is (and natively, in the render tests),
/// it counts as on screen.
#[component]
pub fn OnScreen(p: &OnScreenProps) -> Html {
    let node = use_node_ref();
    let near = use_state_eq(|| true);
    let shown = use_mut_ref(|| p.children.clone());
    if *near || p.settled {
        let mut last = shown.borrow_mut();
        if *last != p.children {
            *last = p.children.clone();
        }
    }
    {
        let node = node.clone();
        let near = near.clone();
        use_effect_with((), move |_| {
            let watch = node
                .cast::<web_sys::Element>()
                .and_then(|el| browser::watch_near(&el, move |is| near.set(is)));
            move || drop(watch)
        });
    }
    let drawn = shown.borrow().clone();
    // `data-near` says what the browser last reported, for tests and for
    // anyone inspecting why a block has not redrawn.
    let near_attr = if *near { "true" } else { "false" };
    html! { <div ref={node} class="onscreen" data-near={near_attr}>{ drawn }</div> }
}
