//! What has happened so far: a council's published high needs spending and
//! allocation, 2017-18 to 2024-25, and its DSG balance where published, as
//! a small chart with a table view, so a reader sees the trend the
//! projection carries on.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::deficit::{Line, LineChart};
use crate::app::disclosure::Disclosure;
use crate::model::authorities::{self, Authority, FIRST_SPEND};
use crate::model::format::millions_dp;

/// The first and last financial years shown (as the years they start).
const FROM: u16 = FIRST_SPEND;
const TO: u16 = 2024;

/// Props of [`History`]: the council's ONS code.
#[derive(Properties, PartialEq, Clone)]
pub struct HistoryProps {
    /// The council's ONS code; nothing is drawn for a code with no data.
    pub code: AttrValue,
}

fn year_words(y: u16) -> String {
    crate::model::FinYear::new(y).map_or_else(String::new, |f| f.to_string())
}

/// The lines of the council's history, in pounds.
pub fn lines(a: &Authority) -> Vec<Line> {
    let years = FROM..=TO;
    let pounds = |v: Option<u64>| v.map(Decimal::from);
    vec![
        Line {
            key: "spend",
            name: "High needs spending (published, without place funding)".into(),
            short: "Spending".into(),
            values: years.clone().map(|y| pounds(a.spend(y))).collect(),
            class: "line line--mitigated",
            markers: true,
            points_only: false,
        },
        Line {
            key: "allocation",
            name: "High Needs Block after the ESFA's deductions".into(),
            short: "Allocation".into(),
            values: years
                .clone()
                .map(|y| {
                    let after = a.allocation(y)?.checked_sub(a.deductions(y)?)?;
                    Some(Decimal::from(after))
                })
                .collect(),
            class: "line line--unmitigated",
            markers: false,
            points_only: false,
        },
        Line {
            key: "published",
            name: "DSG balance at the end of the year (deficit above zero)".into(),
            short: "Balance".into(),
            values: years
                .map(|y| a.balance(y).map(|(b, _)| Decimal::from(b)))
                .collect(),
            class: "line line--published",
            markers: true,
            points_only: true,
        },
    ]
}

/// The council's history, if the scenario is a council's.
#[component]
pub fn History(p: &HistoryProps) -> Html {
    let Some(a) = authorities::find(&p.code).filter(|a| a.code == p.code.as_str()) else {
        return Html::default();
    };
    let years: Vec<String> = (FROM..=TO).map(year_words).collect();
    let lines = lines(a);
    let spend = |y| {
        a.spend(y)
            .map_or("not published".into(), |v| millions_dp(Decimal::from(v), 1))
    };
    let balance = a.dsg_balance_2024.map_or(String::new(), |b| {
        format!(
            " At 31 March 2024 its DSG balance was {} of {}.",
            if b > 0 { "a deficit" } else { "a surplus" },
            millions_dp(Decimal::from(b.abs()), 1)
        )
    });
    let desc = format!(
        "{}'s high needs spending went from {} in {} to {} in {}.{balance}",
        a.name,
        spend(FROM),
        year_words(FROM),
        spend(TO),
        year_words(TO),
    );
    html! {
        <Disclosure class="details history" id="history" open=true body_class="details__body"
            summary={html! { { format!("What has happened so far: {}, {} to {}", a.name, year_words(FROM), year_words(TO)) } }}>
            <p class="hint">
                { "As published: high needs spending from the section 251 outturn (lines 1.2, which leave out place funding), the High Needs Block after the ESFA's deductions for the places it funds directly (2019-20 to 2023-24), and the DSG balance at the end of the year (estimated from the DfE's DSG deficit measure for 2019-20 to 2021-22; the outturn for 2023-24). The allocation also pays for places the council funds itself, which the spending leaves out, so the gap between the two lines is not the year's overspend. The projection starts from the latest of these figures." }
            </p>
            <LineChart id="history" title={format!("{}: spending, allocation and DSG balance", a.name)} {desc}
                table_label="Published high needs figures by year" lines={Rc::new(lines)} years={Rc::new(years)} />
        </Disclosure>
    }
}
