//! The messages between the page and its simulation worker
//! (`model/src/wire.rs`): any text as a request or a reply. A request the
//! worker accepts validates and re-encodes to one that reads back the same;
//! a reply that reads re-encodes to the same text; nothing panics.
#![no_main]

use hnb::model::wire::{decode_reply, decode_request, encode_reply, encode_request};
use hnb::model::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(r) = decode_request(&text) {
        assert!(validate(&r.scenario).is_empty());
        assert_eq!(decode_request(&encode_request(&r)), Ok(r));
    }
    if let Some(r) = decode_reply(&text) {
        // Compared as text: figures travel as bits, and a NaN is not equal
        // to itself.
        let again = decode_reply(&encode_reply(&r)).expect("a reply re-encoded reads back");
        assert_eq!(encode_reply(&again), encode_reply(&r));
    }
});
