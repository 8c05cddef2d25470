//! The reader of a council's figures by age (the files the page fetches,
//! `ages/CODE.js`): any text. What it accepts is a council's, and projects
//! by age for fifteen years, with any levers, without a panic; what it
//! refuses it explains in words.
#![no_main]

use hnb::model::age;
use hnb::model::authorities::{find, read_ages};
use hnb::model::scenario::AgeLevers;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let (levers, text) = data.split_at(data.len().min(3));
    let text = String::from_utf8_lossy(text);
    match read_ages(&text) {
        Ok(d) => {
            let a = find(d.code).expect("only a council's figures are read");
            let mut s = hnb::model::presets::find(&a.preset_id()).unwrap().scenario();
            s.about.years = 15;
            let lever = |i: usize, scale: i64| {
                Decimal::from(i64::from(levers.get(i).copied().unwrap_or(0)) - 128) / Decimal::from(scale)
            };
            s.demand.by_age = Some(AgeLevers {
                new_growth: lever(0, 128),
                new_growth_baseline: lever(1, 256),
                secondary_mainstream: Some(lever(2, 128)),
            });
            let _ = age::check(&d);
            for plan in [true, false] {
                let r = age::run_with(&s, &d, plan).expect("a scenario by age runs");
                assert_eq!(r.stock.len(), 15);
            }
        }
        Err(why) => assert!(!why.is_empty()),
    }
});
