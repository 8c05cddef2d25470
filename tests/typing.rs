//! Anything typed into any number box of any seed preset, through the
//! page's reducer, then the page rendered natively: no panic, the typed
//! text kept, a message beside the field (or in the summary at the top for
//! figures without a box of their own), the last results kept, and every
//! figure of the draft still within its field's bounds.

mod common;

use std::rc::Rc;

use hnb::app::controls::read_share;
use hnb::app::controls::{Controls, ControlsProps};
use hnb::app::field::field_id;
use hnb::app::state::{Action, State};
use hnb::app::units::Unit;
use hnb::app::{App, AppProps};
use hnb::model::field::Field;
use hnb::model::figures::fields;
use hnb::model::presets::PRESETS;
use proptest::prelude::*;
use yew::{LocalServerRenderer, Reducible};

/// The page, and every section of controls drawn open.
fn render(state: State) -> (String, String) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let state = Rc::new(state);
    let page = rt.block_on(
        LocalServerRenderer::<App>::with_props(AppProps {
            initial: Some(state.clone()),
            ..AppProps::default()
        })
        .render(),
    );
    let controls = rt.block_on(
        LocalServerRenderer::<Controls>::with_props(ControlsProps {
            state,
            projection: None,
            open: true,
        })
        .render(),
    );
    (page, controls)
}

/// HTML text or an attribute's value as the browser reads it.
fn unescape(t: &str) -> String {
    t.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What people type, and worse.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{20,40}",
        "-[0-9]{20,40}",
        "0\\.0{20,40}[1-9]",
        "[0-9]{1,4}[eE][+-]?[0-9]{1,3}",
        "[+-]{0,2}[0-9]{1,6}(\\.[0-9]{0,6})?",
        "[0-9]{1,3}(,[0-9]{3}){1,8}(\\.[0-9]{1,3})?",
        "[£ ]{0,2}-?[0-9]{1,5}(\\.[0-9]{1,2})?[m%]?",
        "[٠-٩]{1,6}",
        "[０-９]{1,6}",
        Just(String::new()),
        Just("   ".to_string()),
        Just("9".repeat(24)),
        Just("79228162514264337593543950335".to_string()),
        "\\PC{0,30}",
    ]
}

proptest! {
    #![proptest_config(common::strategy::config(
        std::env::var("TYPING_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200)
    ))]

    #[test]
    fn anything_typed_anywhere_keeps_the_page(
        which in 0..PRESETS.len(),
        pick in any::<prop::sample::Index>(),
        text in typed(),
    ) {
        let preset = &PRESETS[which];
        let state = State::preset(&preset.id).unwrap();
        let all = fields(&state.draft);
        let (field, _) = all[pick.index(all.len())];
        let path = field.to_string();
        let unit = Unit::of(field);
        let label = field.label(&state.draft);
        let good = state.good.clone();
        let action = match field {
            Field::Share(mix, setting) => Action::Share {
                mix,
                setting,
                value: read_share(&text, setting, mix),
                text: Some(text.clone()),
            },
            f if f.year().is_some() => Action::TypeOptional {
                field,
                text: text.clone(),
                unit,
                label: label.clone(),
            },
            _ => Action::Type {
                field,
                text: text.clone(),
                unit,
                label: label.clone(),
            },
        };
        let after = (*Rc::new(state).reduce(action)).clone();
        // Every figure of the draft is still within its field's bounds.
        for (f, v) in fields(&after.draft) {
            prop_assert!(f.bounds().is_some_and(|b| b.allows(v)), "{f} = {v}");
        }
        let refused = after.unreadable.get(&field).cloned();
        let (html, controls) = render(after.clone());
        if let Some(message) = &refused {
            prop_assert_eq!(&after.good, &good, "the last results stay");
            prop_assert_eq!(after.typed.get(&field), Some(&text), "the text is kept");
            prop_assert!(
                unescape(&html).contains(message.as_str()),
                "{} = {:?}: the message {:?} is on the page", path, text, message
            );
            let id = field_id(field);
            let html = &controls;
            if html.contains(&format!("id=\"{id}-box\"")) {
                prop_assert!(html.contains(&format!("id=\"{id}-error\"")), "{path}: beside the field");
                let at = html.find(&format!("id=\"{id}-box\"")).unwrap_or_default();
                let start = html[..at].rfind('<').unwrap_or_default();
                let end = html[at..].find('>').map_or(html.len(), |e| at + e);
                let shown = html[start..end]
                    .split("value=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or_default()
                    .to_string();
                prop_assert_eq!(
                    unescape(&shown), text.clone(),
                    "{}: the box shows what was typed", path
                );
            }
        }
        let page = render(after).0;
        prop_assert!(page.contains("id=\"headline-cleared\""));
    }
}
