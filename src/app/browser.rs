//! The few things the page asks of the browser: its address, its storage,
//! downloads, the clipboard and the parent window of an embed. Every call
//! tolerates a browser that refuses (storage blocked, no clipboard, not in
//! a frame): it reports, and the page carries on.

use wasm_bindgen::{JsCast, JsValue};

/// The browser window; none outside a browser (native render tests), where
/// touching any browser object would panic.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The address's fragment, without `#`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The value of `name` in the address's query (`?embed=1`), decoded as
/// the browser decodes it (`%20` and `+` are spaces).
pub fn query(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Moves focus to the element with `id` (a view's title), for keyboard and
/// screen reader users after the view changes.
pub fn focus(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Checks the radio button (or checkbox) with `id`: for a choice the
/// page could not carry out, so what is shown is what is in use.
pub fn check(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        el.set_checked(true);
    }
}

/// The page's address without query or fragment.
pub fn base_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The page's origin (`https://example.org`).
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Puts `fragment` in the address bar without a new history entry (so the
/// address is always the share link, and Back still leaves the page).
pub fn replace_hash(fragment: &str) {
    if let Some(w) = window()
        && let Ok(h) = w.history()
    {
        let search = w.location().search().unwrap_or_default();
        let url = format!(
            "{}{search}#{fragment}",
            w.location().pathname().unwrap_or_default()
        );
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The browser's local storage, if it lets the page use it. Asked for
/// here rather than through `gloo::storage`, whose `LocalStorage` throws a
/// JavaScript exception where storage is blocked (site data turned off, a
/// sandboxed frame on a council's page): the exception would unwind through
/// the page's WebAssembly and could leave it dead. Its typed `get` and
/// `set` would also store every value as JSON text inside JSON, where the
/// page keeps its own format, read by the model's reader, which names every
/// problem in words.
fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The text stored under `key`.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `text` under `key`; `false` if the browser refused (storage
/// blocked or full).
pub fn store(key: &str, text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Forgets `key`.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Offers `text` as a file called `name` to download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "The browser would not make the file".to_string();
    let document = window().and_then(|w| w.document()).ok_or("No document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "No link element".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has started from the object URL; release it after the
    // browser has had a moment to read it.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies `text` to the clipboard.
pub async fn copy(text: String) -> Result<(), String> {
    let clipboard = window()
        .map(|w| w.navigator().clipboard())
        .ok_or("No clipboard")?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying".to_string())
}

/// The text of an uploaded file.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read".to_string())?;
    // `File.text()` turns bytes that are not UTF-8 into U+FFFD, which a
    // scenario file never holds.
    text.as_string()
        .filter(|t| !t.contains('\u{fffd}'))
        .ok_or_else(|| {
            "The file is not text (UTF-8): is it a scenario saved by this calculator?".to_string()
        })
}

/// Now, as ISO 8601 in UTC.
pub fn now_iso() -> String {
    if window().is_none() {
        return String::new();
    }
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today in words, in the reader's time zone: "23 November 2026".
pub fn today() -> String {
    if window().is_none() {
        return String::new();
    }
    let d = js_sys::Date::new_0();
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        d.get_date(),
        MONTHS.get(d.get_month() as usize).unwrap_or(&""),
        d.get_full_year()
    )
}

/// Opens the browser's print dialogue.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Whether the page is inside a frame.
pub fn in_frame() -> bool {
    window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false)
}

/// Tells the parent window the page's height whenever it changes, so an
/// embedding iframe can fit it. The observer lives as long as the page.
pub fn post_height_to_parent() {
    let Some(w) = window() else { return };
    let Some(parent) = w.parent().ok().flatten() else {
        return;
    };
    let Some(body) = w.document().and_then(|d| d.body()) else {
        return;
    };
    let send = move |height: f64| {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"hnb-height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.ceil().into());
        // The height is not private; any parent may read it.
        let _ = parent.post_message(&message, "*");
    };
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            if let Some(e) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                let el = e.target();
                let margin = 16.0;
                send(f64::from(el.scroll_height()) + margin);
            }
        },
    );
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        callback.forget();
        std::mem::forget(observer);
    }
}

/// Scrolls the element with id `id` into view if it is not, moving as
/// little as possible.
pub fn scroll_into_view(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(
    inline_js = "export function import_default(url) { return import(url).then((m) => m.default); }"
)]
extern "C" {
    /// Imports the JavaScript module at `url` and gives its default export.
    #[wasm_bindgen(catch)]
    fn import_default(url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Fetches of figures by age that failed, this visit.
static AGES_FAILURES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A council's figures by age, as the JSON the model reads, from
/// `ages/CODE.js` beside the page. It is a module rather than a fetched
/// file because after load the page's policy allows no connection
/// (`connect-src 'none'`); a module from the page's own site is allowed,
/// as the page's own scripts are. `code` must be a council's code from the
/// model's list, never text a person typed.
pub async fn age_figures(code: &'static str) -> Result<String, String> {
    // A browser may keep a failed module's failure for the address it was
    // asked for, so after a failure each try asks for another address (the
    // service worker keeps and serves the file by its path alone).
    let tries = AGES_FAILURES.load(std::sync::atomic::Ordering::Relaxed);
    let path = if tries == 0 {
        format!("ages/{code}.js")
    } else {
        format!("ages/{code}.js?try={tries}")
    };
    let failed = || {
        AGES_FAILURES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        format!(
            "the figures by age could not be fetched from this site (ages/{code}.js): check the connection and try again"
        )
    };
    let url = web_sys::Url::new_with_base(&path, &base_url())
        .map_err(|_| failed())?
        .href();
    let promise = import_default(&url).map_err(|_| failed())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(failed)
}

/// Whether `el` is on the screen or within half a screen of it now (the
/// same margin as [`watch_near`]); `true` when the browser cannot say.
pub fn is_near(el: &web_sys::Element) -> bool {
    let Some(height) = window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
    else {
        return true;
    };
    let r = el.get_bounding_client_rect();
    r.bottom() > -height / 2.0 && r.top() < height * 1.5
}

/// Watches whether `el` is on the screen or within half a screen of it,
/// calling `near` with the answer whenever it changes (and once at first).
/// Dropping the returned handle stops watching. Without the browser's
/// IntersectionObserver, nothing is watched and `near` is never called.
pub fn watch_near(
    el: &web_sys::Element,
    mut near: impl FnMut(bool) + 'static,
) -> Option<NearWatch> {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            // Only the latest entry counts when several arrive at once.
            let last = entries.length().checked_sub(1).map(|i| entries.get(i));
            if let Some(e) = last
                .as_ref()
                .and_then(|e| e.dyn_ref::<web_sys::IntersectionObserverEntry>())
            {
                near(e.is_intersecting());
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("50% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(el);
    Some(NearWatch {
        observer,
        _callback: callback,
    })
}

/// A watch started by [`watch_near`]; dropping it stops the watch.
pub struct NearWatch {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for NearWatch {
    fn drop(&mut self) {
        // Reports already queued are taken, so none reaches the callback
        // after it is dropped.
        let _ = self.observer.take_records();
        self.observer.disconnect();
    }
}
