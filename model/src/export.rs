//! The year-by-year table as CSV: the same text from `hnb project` and the
//! page's download.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::format::{csv_money, round};
use super::projection::{Projection, Row, RunKind};
use super::setting::Setting;

/// The leading columns, fixed for analysts' tools; more follow.
pub const CSV_HEADER: &str = "run,year,ehcps,gross_spend,savings,income,in_year_balance,cumulative_deficit,sv_payment,remaining_deficit";

/// The whole projection as CSV: a header, then one row per year for the
/// unmitigated run and then the mitigated. Money is in pounds to 2 decimal
/// places; EHCPs and children to 2 places.
pub fn projection_csv(p: &Projection) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str(
        ",placement_spend,other_spend,hnb_allocation,schools_block_transfer,other_contributions,sv_due,sv_withheld,agreed_path,on_track",
    );
    for s in Setting::ALL {
        let _ = write!(out, ",children_{}", s.id());
    }
    for s in Setting::ALL {
        let _ = write!(out, ",spend_{}", s.id());
    }
    // What was published for the year (empty where nothing is): beside the
    // remaining deficit, not part of it.
    out.push_str(",published_dsg_balance\n");
    for run in [RunKind::Unmitigated, RunKind::Mitigated] {
        for (y, r) in p.run(run).iter().enumerate() {
            let published = p.published.get(y).copied().flatten();
            row(&mut out, run, r, published);
        }
    }
    out
}

fn row(out: &mut String, run: RunKind, r: &Row<Decimal>, published: Option<Decimal>) {
    let m = csv_money;
    let _ = write!(
        out,
        "{},{},{:.2},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
        run.id(),
        r.year,
        round(r.ehcps, 2),
        m(r.gross_spend),
        m(r.savings),
        m(r.income),
        m(r.in_year_balance),
        m(r.cumulative_deficit),
        m(r.sv_payment),
        m(r.remaining_deficit),
        m(r.placement_spend),
        m(r.other_spend),
        m(r.hnb),
        m(r.transfer),
        m(r.contributions),
        m(r.sv_due),
        r.sv_withheld,
        r.agreed.map(m).unwrap_or_default(),
        r.on_track.map(|b| b.to_string()).unwrap_or_default(),
    );
    for (_, c) in r.children.iter() {
        let _ = write!(out, ",{:.2}", round(*c, 2));
    }
    for (_, s) in r.spend.iter() {
        let _ = write!(out, ",{}", m(*s));
    }
    let _ = writeln!(out, ",{}", published.map(m).unwrap_or_default());
}
