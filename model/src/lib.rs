//! The deficit and savings model (docs/MODEL.md): pure Rust, with money
//! and rates as `Decimal`. The page, the CSV export and the `hnb` tool all
//! call it; nothing here knows about the browser.

pub mod age;
pub mod authorities;
pub mod backtest;
pub mod export;
pub mod field;
pub mod figures;
pub mod format;
pub mod io;
pub mod labels;
pub mod mix;
pub mod node;
pub mod num;
pub mod order;
pub mod presets;
pub mod projection;
pub mod results;
pub mod scenario;
pub mod sensitivity;
pub mod setting;
pub mod share;
pub mod solve;
pub mod store;
pub mod uncertainty;
pub mod validate;
pub mod whatif;
pub mod wire;
pub mod words;
pub mod year;

pub use projection::{Projection, Row, RunKind, project};
pub use scenario::Scenario;
pub use setting::{PerSetting, Setting};
pub use validate::{Problem, validate};
pub use year::FinYear;
