//! Fuzzing the two readers of outside text, the share-link decoder and the
//! scenario file reader, with proptest: arbitrary text, and valid links and
//! files damaged at random. Neither may panic, and whatever they accept must
//! validate and project. `FUZZ_CASES` sets the cases per test (default
//! 2,000); the closing notes report runs with more.

mod common;

use common::strategy::{config, scenario};
use hnb::model::io::{read_scenario, write_scenario};
use std::sync::LazyLock;

use hnb::model::presets::{self, Preset};
use hnb::model::share::{decode, encode};
use hnb::model::{project, validate};
use proptest::prelude::*;

/// Every preset: the seeds and every council's DfE data.
static ALL: LazyLock<Vec<Preset>> = LazyLock::new(|| presets::all().collect());

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

/// One random edit of `text`: flip, insert, delete or cut.
fn damage(text: &str, how: u8, at: prop::sample::Index, byte: u8) -> Vec<u8> {
    let mut b = text.as_bytes().to_vec();
    if b.is_empty() {
        return vec![byte];
    }
    let i = at.index(b.len());
    match how % 4 {
        0 => b[i] ^= byte | 1,
        1 => b.insert(i, byte),
        2 => {
            b.remove(i);
        }
        _ => b.truncate(i),
    }
    b
}

/// A link's or file's reader accepted it: it must validate and project.
fn accepted_is_sound(s: &hnb::model::Scenario) -> Result<(), TestCaseError> {
    prop_assert!(validate(s).is_empty());
    prop_assert!(project(s).is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(config(cases()))]

    /// Any text after `#`: a message or a scenario, never a panic.
    #[test]
    fn link_decoder_takes_any_text(text in any::<String>()) {
        if let Ok(o) = decode(&text) {
            accepted_is_sound(&o.scenario)?;
        }
    }

    /// Link-shaped text with arbitrary parts.
    #[test]
    fn link_decoder_takes_any_parts(
        v in "[0-9]{0,3}|[a-z]{0,3}",
        p in prop::sample::select(ALL.iter().map(|p| p.id.to_string()).chain(["", "x", "la:", "la:E0", "la:e09000014"].map(String::from)).collect::<Vec<_>>()),
        f in "[0-9a-fA-F]{0,9}",
        d in "[A-Za-z0-9_=+/-]{0,200}",
    ) {
        if let Ok(o) = decode(&format!("v={v}&p={p}&f={f}&d={d}")) {
            accepted_is_sound(&o.scenario)?;
        }
    }

    /// Random scenarios round-trip through a link from any preset.
    #[test]
    fn links_round_trip(s in scenario(), which in 0..ALL.len()) {
        let p = &ALL[which];
        let link = encode(&p.id, &p.scenario(), &s);
        let opened = decode(&link).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(opened.scenario, s);
        prop_assert!(!opened.preset_changed);
    }

    /// A valid link damaged at one place.
    #[test]
    fn damaged_links_never_panic(s in scenario(), which in 0..ALL.len(), how in any::<u8>(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let p = &ALL[which];
        let link = encode(&p.id, &p.scenario(), &s);
        let damaged = damage(&link, how, at, byte);
        if let Ok(o) = decode(&String::from_utf8_lossy(&damaged)) {
            accepted_is_sound(&o.scenario)?;
        }
    }

    /// Any bytes as an uploaded file.
    #[test]
    fn import_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(s) = read_scenario(&String::from_utf8_lossy(&bytes)) {
            accepted_is_sound(&s)?;
        }
    }

    /// A valid scenario file damaged at one place.
    #[test]
    fn damaged_files_are_refused_or_sound(s in scenario(), how in any::<u8>(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let damaged = damage(&write_scenario(&s), how, at, byte);
        match read_scenario(&String::from_utf8_lossy(&damaged)) {
            Ok(t) => accepted_is_sound(&t)?,
            Err(problems) => prop_assert!(!problems.is_empty() && problems.iter().all(|p| !p.at.to_string().is_empty() && !p.message.is_empty())),
        }
    }
}
