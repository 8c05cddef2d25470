//! The share-link decoder: any text after `#`. The first byte picks how
//! the rest is used: as the whole fragment, or as the changes (`d=`) to a
//! preset, base64-encoded here, so the fuzzer reaches the scenario reader
//! as well as the link's own parsing.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hnb::model::presets::PRESETS;
use hnb::model::{project, share, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    let fragment = if how & 1 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let preset = &PRESETS[usize::from(how >> 1) % PRESETS.len()];
        format!("v=1&p={}&d={}", preset.id, URL_SAFE_NO_PAD.encode(rest))
    };
    match share::decode(&fragment) {
        Ok(opened) => {
            assert!(validate(&opened.scenario).is_empty());
            assert!(project(&opened.scenario).is_ok());
        }
        Err(e) => {
            let words = e.to_string();
            assert!(!words.is_empty());
        }
    }
});
