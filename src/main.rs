//! The page's entry point, built to WebAssembly by Trunk.

fn main() {
    let props = hnb::app::boot();
    let document = web_sys::window().and_then(|w| w.document());
    // The static page shown while loading gives way to the live one.
    if let Some(shell) = document.as_ref().and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(root) => yew::Renderer::<hnb::app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<hnb::app::App>::with_props(props).render(),
    };
}
