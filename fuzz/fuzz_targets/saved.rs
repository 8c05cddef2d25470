//! The saved-work reader: any text as the autosave record or the list of
//! saved scenarios in the browser's storage (which another tab, an
//! extension or a person can write). Damage is reported, never fatal, and
//! what is read is sound.
#![no_main]

use hnb::model::store::{read_saved, read_saved_list, write_saved_list};
use hnb::model::{project, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(saved) = read_saved(&text) {
        assert!(validate(&saved.scenario).is_empty());
        assert!(project(&saved.scenario).is_ok());
    }
    let (good, bad) = read_saved_list(&text);
    for s in &good {
        assert!(validate(&s.scenario).is_empty());
    }
    for (damaged, _raw) in &bad {
        assert!(!damaged.why.is_empty());
    }
    // What was read can be written and read back whole.
    let (again, none) = read_saved_list(&write_saved_list(&good));
    assert!(none.is_empty());
    assert_eq!(again, good);
});
