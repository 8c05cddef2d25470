//! The print view: the scenario laid out as an A4 committee paper, with the
//! headline, the charts, the year-by-year table, every assumption with its
//! source, the date and the link that reopens it.

use yew::prelude::*;

use super::browser;
use super::results::{DeficitChart, Headline, ResultProps, StackChart, StackKind, YearTable};
use crate::model::format::millions_dp;
use crate::model::labels::assumptions;
use crate::model::presets;
use crate::model::results::project_savings;

/// Props of [`PrintView`].
#[derive(Properties, PartialEq, Clone)]
pub struct PrintProps {
    /// The results to print.
    pub of: ResultProps,
    /// The preset the work started from.
    pub preset: AttrValue,
    /// First year of the extra saving in the headline.
    pub extra_from: crate::model::FinYear,
    /// The share link.
    pub link: AttrValue,
    /// Back to the calculator.
    pub on_close: Callback<()>,
}

/// The print view.
#[component]
pub fn PrintView(p: &PrintProps) -> Html {
    let s = &p.of.scenario;
    let preset = presets::find(&p.preset);
    let base = preset.as_ref().map(|x| x.scenario());
    let rows = assumptions(s, base.as_ref());
    let date = browser::today();
    let print = Callback::from(|_: MouseEvent| browser::print());
    let close = p.on_close.reform(|_: MouseEvent| ());
    html! {
        <article class="print" aria-labelledby="print-title">
            <div class="print__actions no-print">
                <button type="button" class="button" id="print-now" onclick={print}>{ "Print or save as PDF" }</button>
                <button type="button" class="button button--secondary" id="close-print" onclick={close}>{ "Back to the calculator" }</button>
            </div>
            <h1 id="print-title" tabindex="-1">{ format!("High Needs Block deficit: {}", s.about.authority) }</h1>
            <p class="print__meta">
                { format!("Prepared on {date} with the High Needs Block deficit calculator, starting from \"{}\". ", preset.as_ref().map_or("a scenario file", |x| &x.name)) }
                { "All figures are the calculator's projection of the inputs listed below, not a forecast by the council." }
            </p>
            <Headline of={p.of.clone()} extra_from={p.extra_from} />
            <DeficitChart ..p.of.clone() />
            <StackChart of={p.of.clone()} kind={StackKind::Spend} />
            <YearTable ..p.of.clone() />
            if !s.savings.projects.is_empty() {
                <section class="print__section">
                    <h2 id="print-projects-title">{ "Savings plan" }</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="print-projects-title">
                    <table class="table" id="print-projects">
                        <thead><tr>
                            <th scope="col">{ "Project" }</th>
                            <th scope="col">{ "Status" }</th>
                            <th scope="col" class="num">{ "Planned, £m" }</th>
                            <th scope="col" class="num">{ "Counted, £m" }</th>
                        </tr></thead>
                        <tbody>
                            { for s.savings.projects.iter().map(|x| {
                                let ps = project_savings(s, x);
                                html! { <tr>
                                    <th scope="row">{ x.name.clone() }</th>
                                    <td>{ x.status.label() }</td>
                                    <td class="num">{ millions_dp(ps.planned_total(), 3) }</td>
                                    <td class="num">{ millions_dp(ps.counted_total(), 3) }</td>
                                </tr> }
                            }) }
                        </tbody>
                    </table>
                    </div>
                </section>
            }
            <section class="print__section">
                <h2 id="print-assumptions-title">{ "Assumptions and their sources" }</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="print-assumptions-title">
                <table class="table table--assumptions" id="print-assumptions">
                    <thead><tr>
                        <th scope="col">{ "Input" }</th>
                        <th scope="col" class="num">{ "Value" }</th>
                        <th scope="col">{ "Source" }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! { <tr>
                            <th scope="row">{ r.what.clone() }</th>
                            <td class="num">{ r.value.clone() }</td>
                            <td>{ r.source.clone() }</td>
                        </tr> }) }
                    </tbody>
                </table>
                </div>
            </section>
            <section class="print__section">
                <h2>{ "Open these figures" }</h2>
                <p>{ "This link opens the calculator with exactly these figures:" }</p>
                <p class="print__link" id="print-link">{ p.link.clone() }</p>
            </section>
        </article>
    }
}
