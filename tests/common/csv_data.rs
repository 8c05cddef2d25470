//! The published data in `data/*.csv`, read as the generators of the
//! built-in tables read it.

use std::collections::BTreeMap;

/// The calculator's ten settings as the data's columns name them, in the
/// order of `Setting::ALL`.
pub const SETTINGS: [&str; 10] = [
    "mainstream",
    "resourced_provision",
    "state_special",
    "inmss",
    "alternative_provision",
    "fe_college",
    "specialist_post16",
    "eotas_other",
    "early_years",
    "neet_or_home_educated",
];

/// Every row of the CSV file at `path`, as column name → value.
pub fn read(path: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|row| {
            let row = row.unwrap();
            headers
                .iter()
                .zip(row.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}
