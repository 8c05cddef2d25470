//! Demand by age in the "Children with EHCPs" panel: the choice between one
//! growth rate and the council's own figures by age, and the levers a plan
//! pulls by age (growth in new plans; the share of 11-to-15-year-olds in
//! mainstream school), each beside today's figure from the council's data.

use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::browser;
use super::super::context::Dispatch;
use super::super::state::{AGES_NOT_LOADED, Action, FieldState, Notice};
use super::super::units::Unit;
use super::Spec;
use crate::model::age;
use crate::model::authorities::{self, AgeData};
use crate::model::field::{Field, Run};
use crate::model::format;
use crate::model::scenario::{About, AgeLevers};

/// The choice of how plans change, for a council's scenario starting in
/// the year its figures by age allow; nothing otherwise.
pub fn form_choice(about: &About, by_age: bool, dispatch: &Dispatch) -> Html {
    let Some(council) = authorities::find(&about.code) else {
        return html! {};
    };
    if about.first_year.start() != age::FIRST_YEAR {
        return html! {};
    }
    let code = council.code;
    let rate = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ByAge(None)))
    };
    let ages = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match authorities::ages_of(code) {
                    Some(d) => Ok(d),
                    None => crate::app::hooks::load_ages(code).await.and_then(|()| {
                        authorities::ages_of(code)
                            .ok_or_else(|| "the figures by age did not load".to_string())
                    }),
                };
                dispatch.dispatch(match loaded {
                    Ok(_) => Action::ByAge(Some(age::default_levers())),
                    Err(why) => {
                        // The scenario still grows by one rate: so must the
                        // choice shown.
                        browser::check("demand-rate");
                        Action::Notify(Notice::error(
                            format!("{AGES_NOT_LOADED}, so plans still grow by one rate."),
                            vec![why],
                        ))
                    }
                });
            });
        })
    };
    html! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{ "How the number of plans changes" }</legend>
            <div class="radio">
                <input type="radio" name="demand-form" id="demand-rate" checked={!by_age} onchange={rate} />
                <label for="demand-rate">{ "By one growth rate for all ages" }</label>
            </div>
            <div class="radio">
                <input type="radio" name="demand-form" id="demand-age" checked={by_age} onchange={ages} />
                <label for="demand-age">{ format!("By age, from {}'s own figures (children a year older each year, new and ended plans by age)", council.name) }</label>
            </div>
        </fieldset>
    }
}

/// The levers by age, with today's figures from the council's data `d`.
pub fn levers(
    levers: &AgeLevers,
    d: &AgeData,
    name: &str,
    fields: &FieldState,
    dispatch: &Dispatch,
) -> Html {
    let [a, b, c] = age::new_plans(d).map(|n| format::count(n.into()));
    let young = age::new_under_11(d)
        .map(|y| {
            format!(
                ", {} of 2024's for children under 11",
                format::percent(y, 0)
            )
        })
        .unwrap_or_default();
    let growth_hint = format!(
        "New plans started in {name}: {a} in 2022, {b} in 2023 and {c} in 2024 (DfE SEN2){young}. At 0% each year starts as many as 2024."
    );
    let today = age::secondary_mainstream_today(d);
    let planned = levers.secondary_mainstream.unwrap_or(today);
    let mainstream_hint = format!(
        "Today {} of {name}'s 11-year-olds with a plan are in mainstream school (DfE SEN2, January {}). The plan's share is reached by the target year and applies at every age from 11 to 15, with the children moving from or to special schools.",
        format::percent(today, 0),
        d.settings_year
    );
    let as_today = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::SecondaryAsToday))
    };
    html! {
        <>
            { Spec::new(Field::NewPlanGrowth(Run::Plan), "Growth in new EHCPs a year, in the plan", Unit::Percent, levers.new_growth)
                .hint(&growth_hint)
                .range(dec!(-20), dec!(40), dec!(0.5))
                .words("a year")
                .show(fields, dispatch) }
            { Spec::new(Field::SecondaryMainstream, "Share of 11-year-olds with an EHCP in mainstream school (moving from primary to secondary), in the plan", Unit::Percent, planned)
                .hint(&mainstream_hint)
                .range(dec!(0), dec!(100), dec!(1))
                .render(fields, dispatch, html! {
                    if levers.secondary_mainstream.is_some() {
                        <button type="button" class="button button--link" onclick={as_today}>{ "Keep today's shares" }</button>
                    }
                }) }
        </>
    }
}

/// Growth in new plans without the plan.
pub fn baseline(levers: &AgeLevers, fields: &FieldState, dispatch: &Dispatch) -> Html {
    Spec::new(
        Field::NewPlanGrowth(Run::Baseline),
        "Growth in new EHCPs a year, without the plan",
        Unit::Percent,
        levers.new_growth_baseline,
    )
    .range(dec!(-20), dec!(40), dec!(0.5))
    .words("a year")
    .show(fields, dispatch)
}
