//! The deficit and savings model: pure Rust, money and rates as `Decimal`.

pub mod demand;
