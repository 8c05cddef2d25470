//! The page's entry point, built to WebAssembly by Trunk.

fn main() {
    yew::Renderer::<hnb::app::App>::with_props(hnb::app::boot()).render();
}
