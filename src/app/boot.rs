//! What the page starts from: the address (a share link, `?la=`,
//! `?embed=1`, `?view=parents`) and this browser's storage (the work kept
//! last time, the saved scenarios), with anything in storage that cannot
//! be read set aside rather than lost. The choice itself is
//! [`start::choose`](super::start::choose), pure and tested natively.

use std::rc::Rc;

use super::state::Notice;
use super::{AppProps, browser, start};
use crate::model::store::{
    AUTOSAVE_KEY, SAVED_KEY, SET_ASIDE_KEY, read_saved_list, write_saved_list,
};

/// Reads the address and this browser's storage and returns the page's
/// starting props, setting aside anything in storage that cannot be read.
pub fn boot() -> AppProps {
    let now = browser::now_iso();
    let embed = browser::query("embed").is_some_and(|v| v == "1" || v == "true");
    let parents = browser::query("view").is_some_and(|v| v == "parents");
    let autosaved = browser::load(AUTOSAVE_KEY);
    let council = browser::query("la");
    let start = start::choose(
        &browser::hash(),
        council.as_deref(),
        autosaved.as_deref(),
        &now,
    );
    let mut state = start.state;
    let (mut saves, damaged) = browser::load(SAVED_KEY)
        .map(|t| read_saved_list(&t))
        .unwrap_or_default();
    match start.autosave {
        start::Autosave::Keep => {}
        start::Autosave::SetAside => {
            if let Some(raw) = &autosaved {
                browser::store(&format!("{SET_ASIDE_KEY}.autosave.{now}"), raw);
            }
            browser::forget(AUTOSAVE_KEY);
        }
        start::Autosave::KeepAsSaved(w) => {
            saves.push(*w);
            browser::store(SAVED_KEY, &write_saved_list(&saves));
        }
    }
    if !damaged.is_empty() {
        let raws: Vec<&str> = damaged.iter().map(|(_, raw)| raw.as_str()).collect();
        browser::store(
            &format!("{SET_ASIDE_KEY}.saved.{now}"),
            &format!("[{}]", raws.join(",")),
        );
        browser::store(SAVED_KEY, &write_saved_list(&saves));
        state.notices.push(Notice::error(
            "Some of your saved scenarios could not be read.",
            damaged
                .iter()
                .take(10)
                .map(|(d, _)| format!("{} could not be read because {}.", d.what, d.why))
                .chain(
                    (damaged.len() > 10)
                        .then(|| format!("… and {} more.", damaged.len().saturating_sub(10))),
                )
                .chain([format!(
                    "They have been set aside, not deleted: they are in this browser's storage under a name starting \"{SET_ASIDE_KEY}\"."
                )])
                .collect(),
        ));
    }
    if embed && browser::in_frame() {
        browser::post_height_to_parent();
    }
    state.saves = Rc::new(saves);
    state.parents = parents;
    AppProps {
        initial: Some(Rc::new(state)),
        embed,
    }
}
