//! What the page opens with: a share link in the address if there is one,
//! else a council asked for by its code (`?la=E09000014`), else the work
//! saved in this browser last time, else the default preset.
//! Pure, so every case is tested natively; `boot` in the page feeds it the
//! address and the storage.

use std::rc::Rc;

use super::state::{Notice, State};
use crate::model::presets;
use crate::model::share::{self, LinkError};
use crate::model::store::{Saved, read_saved};

/// What to do with the autosaved work found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Autosave {
    /// Nothing to do (none, or it was restored).
    Keep,
    /// It could not be read: move it aside so it can still be recovered.
    SetAside,
    /// A link was opened instead: keep the earlier work as a saved scenario
    /// so opening a link never loses it.
    KeepAsSaved(Box<Saved>),
}

/// The page's first state.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// The state.
    pub state: State,
    /// What to do with the autosave.
    pub autosave: Autosave,
}

/// Whether a fragment is a share link rather than a jump to a part of the
/// page (element ids never contain `=`).
pub fn is_link(fragment: &str) -> bool {
    fragment.contains('=')
}

/// The message for a link that could not be opened.
pub fn link_failed(e: &LinkError) -> Notice {
    Notice::error(
        "This link could not be opened, so the calculator shows its default scenario.",
        vec![e.to_string()],
    )
}

/// The state for a link that opened.
pub fn link_opened(o: share::Opened) -> (State, Option<Notice>) {
    let notice = o.preset_changed.then(|| {
        let found = presets::find(&o.preset);
        let name = found.as_ref().map_or(o.preset.as_str(), |p| &p.name);
        Notice::info(format!(
            "This link was made with an earlier version of the \"{name}\" figures. The changes it holds are applied to today's figures, so some results may differ from what the sender saw."
        ))
    });
    (State::from_scenario(&o.preset, o.scenario), notice)
}

/// The state for a council asked for by its ONS code (`?la=`), or the
/// default with a message if there is no such council.
pub fn council_opened(code: &str) -> State {
    let found = crate::model::authorities::find(code).and_then(|a| State::preset(&a.preset_id()));
    match found {
        Some(state) => state,
        None => {
            let mut state = State::initial();
            let shown: String = code.chars().take(20).collect();
            state.notices.push(Notice::error(
                format!("There is no English council with the code \"{shown}\" in the DfE data, so the calculator shows its default scenario."),
                vec!["Council codes are ONS codes such as E09000014 (Haringey). Choose a council under \"Start from\" instead.".into()],
            ));
            state
        }
    }
}

/// Chooses the first state from the address's fragment, the council code
/// in its query (`?la=`), the autosaved text and the time now (for naming
/// kept work).
pub fn choose(fragment: &str, council: Option<&str>, autosaved: Option<&str>, now: &str) -> Start {
    let earlier = autosaved.map(read_saved);
    let asked = if is_link(fragment) {
        let (mut state, notice) = match share::decode(fragment) {
            Ok(o) => link_opened(o),
            Err(e) => (State::initial(), Some(link_failed(&e))),
        };
        state.notices.extend(notice);
        Some((state, "a link"))
    } else {
        council.map(|code| (council_opened(code), "a council's link"))
    };
    if let Some((mut state, what)) = asked {
        let autosave = match earlier {
            Some(Ok(mut w)) if w.scenario != *state.good => {
                w.name = format!(
                    "Work in progress before opening {what}, {}",
                    short_date(now)
                );
                state.notices.push(Notice::info(format!(
                    "Your earlier work in this browser is kept under Saved scenarios as \"{}\".",
                    w.name
                )));
                Autosave::KeepAsSaved(Box::new(w))
            }
            Some(Err(_)) => Autosave::SetAside,
            _ => Autosave::Keep,
        };
        return Start { state, autosave };
    }
    match earlier {
        Some(Ok(w)) => {
            let mut state = State::from_scenario(&w.preset, w.scenario);
            state.notices.push(Notice::info(format!(
                "Your work from {} has been restored. Choose a starting point above to start afresh.",
                if w.saved.is_empty() { "last time".into() } else { short_date(&w.saved) }
            )));
            Start {
                state,
                autosave: Autosave::Keep,
            }
        }
        Some(Err(why)) => {
            let mut state = State::initial();
            state.notices.push(Notice::error(
                "Your saved work could not be read, so the calculator shows its default scenario.",
                vec![
                    format!("It could not be read because {why}."),
                    format!(
                        "It has been set aside, not deleted: it is in this browser's storage under a name starting \"{}\".",
                        crate::model::store::SET_ASIDE_KEY
                    ),
                ],
            ));
            Start {
                state,
                autosave: Autosave::SetAside,
            }
        }
        None => Start {
            state: State::initial(),
            autosave: Autosave::Keep,
        },
    }
}

/// The date part of an ISO time, `2026-11-23T10:00:00Z` → `2026-11-23`.
fn short_date(iso: &str) -> String {
    iso.chars().take(10).collect()
}

/// The autosave record for `state`.
pub fn autosave_of(state: &State, now: &str) -> Saved {
    Saved {
        name: String::new(),
        preset: state.preset.clone(),
        saved: now.into(),
        scenario: Rc::unwrap_or_clone(state.good.clone()),
    }
}

/// The share link fragment for `state`'s last valid scenario.
pub fn link_of(state: &State) -> String {
    let base = presets::find(&state.preset)
        .or_else(|| presets::find(presets::DEFAULT_PRESET))
        .map(|p| (p.id.clone(), p.scenario()));
    match base {
        Some((id, base)) => share::encode(&id, &base, &state.good),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::store::write_saved;
    use rust_decimal_macros::dec;

    const NOW: &str = "2026-11-23T09:30:00.000Z";

    fn work() -> (State, String) {
        let mut s = presets::find("wokingham").unwrap().scenario();
        s.demand.growth.start = dec!(0.09);
        let state = State::from_scenario("wokingham", s);
        let text = write_saved(&autosave_of(&state, "2026-11-20T08:00:00.000Z"));
        (state, text)
    }

    #[test]
    fn nothing_gives_the_default() {
        let s = choose("", None, None, NOW);
        assert_eq!(s.state, State::initial());
        assert_eq!(s.autosave, Autosave::Keep);
        assert_eq!(choose("results", None, None, NOW).state, State::initial());
    }

    #[test]
    fn autosaved_work_comes_back() {
        let (state, text) = work();
        let s = choose("", None, Some(&text), NOW);
        assert_eq!(s.state.good, state.good);
        assert_eq!(s.state.preset, "wokingham");
        assert!(s.state.notices[0].title.contains("2026-11-20"));
    }

    #[test]
    fn damaged_autosave_is_set_aside_and_said() {
        let s = choose("", None, Some("{\"preset\": \"x\", \"scenario\": 3}"), NOW);
        assert_eq!(s.state.good, State::initial().good);
        assert_eq!(s.autosave, Autosave::SetAside);
        assert!(s.state.notices[0].error);
        assert!(s.state.notices[0].lines[1].contains("set aside"));
    }

    #[test]
    fn a_link_wins_and_earlier_work_is_kept() {
        let (state, text) = work();
        let haringey = State::preset("haringey").unwrap();
        let s = choose(&link_of(&haringey), None, Some(&text), NOW);
        assert_eq!(s.state.good, haringey.good);
        match s.autosave {
            Autosave::KeepAsSaved(w) => {
                assert_eq!(w.scenario, *state.good);
                assert!(w.name.contains("2026-11-23"));
            }
            other => panic!("{other:?}"),
        }
        let same = choose(&link_of(&state), None, Some(&text), NOW);
        assert_eq!(same.autosave, Autosave::Keep, "nothing to keep");
    }

    #[test]
    fn a_council_code_opens_its_data_and_keeps_earlier_work() {
        let (state, text) = work();
        let s = choose("", Some("e09000014"), Some(&text), NOW);
        assert_eq!(s.state.preset, "la:E09000014");
        assert_eq!(s.state.good.about.authority, "Haringey");
        assert!(s.state.notices.iter().all(|n| !n.error));
        match s.autosave {
            Autosave::KeepAsSaved(w) => {
                assert_eq!(w.scenario, *state.good);
                assert!(w.name.contains("council"), "{}", w.name);
            }
            other => panic!("{other:?}"),
        }
        // A share link made from it wins over the code, as it holds changes.
        let mut changed = s.state.clone();
        Rc::make_mut(&mut changed.good).demand.growth.start = dec!(0.02);
        let linked = choose(&link_of(&changed), Some("E09000014"), None, NOW);
        assert_eq!(linked.state.good.demand.growth.start, dec!(0.02));
        assert_eq!(linked.state.preset, "la:E09000014");
    }

    #[test]
    fn an_unknown_council_code_gives_a_message_and_the_default() {
        for code in ["E99999999", "", "<script>", "la:E09000014"] {
            let s = choose("", Some(code), None, NOW);
            assert_eq!(s.state.good, State::initial().good, "{code}");
            assert!(s.state.notices[0].error, "{code}");
            assert!(
                s.state.notices[0].title.contains("no English council"),
                "{code}"
            );
        }
    }

    #[test]
    fn a_bad_link_gives_a_message_and_the_default() {
        let s = choose("v=1&p=average&d=%%%", None, None, NOW);
        assert_eq!(s.state.good, State::initial().good);
        assert!(s.state.notices[0].error);
        assert!(s.state.notices[0].lines[0].contains("cannot be read"));
    }
}
