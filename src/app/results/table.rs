//! The year-by-year table.

use yew::prelude::*;

use super::ResultProps;
use crate::model::format::{count, csv_money, millions_dp};

/// Every year of both runs, in £ million.
#[component]
pub fn YearTable(p: &ResultProps) -> Html {
    let pr = &p.projection;
    let m = |d| millions_dp(d, 2);
    let published = pr.published.iter().any(Option::is_some);
    html! {
        <section class="year-table" aria-labelledby="year-table-title">
            <h2 id="year-table-title" class="section-title">{ "Year by year" }</h2>
            <p class="hint">{ "£ million. Savings are counted after delivery confidence. The remaining deficit is the cumulative deficit less every DfE payment received so far." }
                if published { { " The published balance is the council's DSG balance at the end of the year as published (section 251 outturn): it covers the whole DSG, net of DfE payments received, so it compares with the remaining deficit." } }
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="year-table-title">
                <table class="table" id="year-table">
                    <thead><tr>
                        <th scope="col">{ "Year" }</th>
                        <th scope="col" class="num">{ "EHCPs" }</th>
                        <th scope="col" class="num">{ "Gross spend" }</th>
                        <th scope="col" class="num">{ "Savings" }</th>
                        <th scope="col" class="num">{ "Income" }</th>
                        <th scope="col" class="num">{ "In-year balance" }</th>
                        <th scope="col" class="num">{ "Deficit without the plan" }</th>
                        <th scope="col" class="num">{ "Deficit with the plan" }</th>
                        <th scope="col" class="num">{ "DfE payment" }</th>
                        <th scope="col" class="num">{ "Remaining deficit" }</th>
                        if published { <th scope="col" class="num">{ "Published balance (what happened)" }</th> }
                    </tr></thead>
                    <tbody>
                        { for pr.mitigated.iter().zip(&pr.unmitigated).enumerate().map(|(y, (r, u))| html! {
                            <tr>
                                <th scope="row">{ r.year.to_string() }</th>
                                <td class="num">{ count(r.ehcps) }</td>
                                <td class="num">{ m(r.gross_spend) }</td>
                                <td class="num">{ m(r.savings) }</td>
                                <td class="num">{ m(r.income) }</td>
                                <td class="num">{ m(r.in_year_balance) }</td>
                                <td class="num" data-pounds={csv_money(u.cumulative_deficit)}>{ m(u.cumulative_deficit) }</td>
                                <td class="num" data-pounds={csv_money(r.cumulative_deficit)}>{ m(r.cumulative_deficit) }</td>
                                <td class="num">
                                    { m(r.sv_payment) }
                                    if r.sv_withheld { <span class="tag tag--red">{ " withheld" }</span> }
                                </td>
                                <td class="num" data-pounds={csv_money(r.remaining_deficit)}>{ m(r.remaining_deficit) }</td>
                                if published {
                                    <td class="num">{ pr.published.get(y).copied().flatten().map_or_else(|| "–".to_string(), m) }</td>
                                }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
