//! The simulation worker: a second WebAssembly module, built by Trunk
//! (`data-type="worker"` in index.html), that the page starts the first time
//! it draws simulated futures. It answers each request
//! ([`hnb_model::wire`]) with progress every thousand futures and then the
//! fan, off the page's main thread, so a slider never waits for it. It
//! holds the model only: no page, no storage, no requests of its own.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(text) = e.data().as_string() {
                hnb_model::wire::serve(
                    &text,
                    hnb_model::uncertainty::PATHS,
                    hnb_model::uncertainty::SEED,
                    |m| {
                        let _ = reply.post_message(&JsValue::from_str(&m));
                    },
                );
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this point are lost (the module loads
    // asynchronously), so the page waits for this before sending any.
    let _ = scope.post_message(&JsValue::from_str(hnb_model::wire::READY));
}
