//! The scenario file reader: any bytes as a file opened in the page or
//! given to `hnb`. Whatever it accepts validates and projects; whatever it
//! refuses it explains, naming a field.
#![no_main]

use hnb::model::io::read_scenario;
use hnb::model::{project, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match read_scenario(&text) {
        Ok(s) => {
            assert!(validate(&s).is_empty());
            assert!(project(&s).is_ok());
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in &problems {
                assert!(!p.at.to_string().is_empty() && !p.message.is_empty());
            }
        }
    }
});
