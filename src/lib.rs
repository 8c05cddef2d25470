//! High Needs Block deficit calculator.
//!
//! [`model`] is the pure model (no browser code): the page, the CSV export and
//! the `hnb` command-line tool all call it. [`app`] is the Yew page.

pub mod app;
pub use hnb_model as model;
