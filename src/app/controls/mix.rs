//! The placement mix, today and in the plan, and what each place costs.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::super::context::use_dispatch;
use super::super::field::{Target, field_id};
use super::super::state::{Action, Mix};
use super::super::units::Unit;
use super::{Section, Spec};
use crate::model::format;
use crate::model::setting::Setting;
use crate::model::year::FinYear;

super::panel_props!(
    MixProps,
    &["placements.settings.", "placements.target_year"],
    |a, b| a.draft.placements.target_year == b.draft.placements.target_year
        && a.locks_now == b.locks_now
        && a.locks_plan == b.locks_plan
        && a.draft
            .placements
            .settings
            .0
            .iter()
            .zip(&b.draft.placements.settings.0)
            .all(|(x, y)| x.share_now == y.share_now && x.share_plan == y.share_plan)
);

/// Today's and the planned mix, with locks and the target year.
#[component]
pub fn MixPanel(p: &MixProps) -> Html {
    let state = p.state.clone();
    let dispatch = use_dispatch();
    let s = &state.draft;
    let total = |mix: Mix| -> Decimal {
        s.placements
            .settings
            .0
            .iter()
            .map(|p| match mix {
                Mix::Now => p.share_now,
                Mix::Plan => p.share_plan,
            })
            .fold(Decimal::ZERO, Decimal::saturating_add)
    };
    let years: Vec<FinYear> = s.about.years().collect();
    let target_index = years
        .iter()
        .position(|y| *y == s.placements.target_year)
        .unwrap_or(0);
    let on_target = {
        let dispatch = dispatch.clone();
        let years = years.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(y) = el.value().parse::<usize>().ok().and_then(|i| years.get(i)) {
                dispatch.dispatch(Action::TargetYear(*y));
            }
        })
    };
    let target_errors = state.messages_for("placements.target_year");
    let lock = |mix: Mix, setting: Setting| {
        let locked = match mix {
            Mix::Now => state.locks_now[setting],
            Mix::Plan => state.locks_plan[setting],
        };
        let id = format!(
            "{}-lock",
            field_id(&format!(
                "placements.settings.{}.{}",
                setting.id(),
                mix.field()
            ))
        );
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Lock {
                mix,
                setting,
                locked: el.checked(),
            });
        });
        let when = match mix {
            Mix::Now => "today's share",
            Mix::Plan => "the planned share",
        };
        html! {
            <span class="lock">
                <input type="checkbox" id={id.clone()} checked={locked} {onchange} />
                <label for={id}>{ "Lock" }<span class="visually-hidden">{ format!(" {when} of {}", setting.label()) }</span></label>
            </span>
        }
    };
    html! {
        <Section id="mix" terms={{ const T: &[(&str, &str)] = &[("inmss", "INMSS"), ("resourced-provision", "resourced provision"), ("alternative-provision", "alternative provision"), ("eotas", "EOTAS")]; T }} force={super::has_messages(&state, |p| p.contains(".share_") || p.starts_with("placements.target_year") || p.starts_with("placements.waypoints"))} title="Where children are placed" open=true
            summary="Each setting's share of children with an EHCP, today and in the plan. Moving one share moves the others in proportion so the total stays at 100%; lock a share to keep it where it is.">
            <div class="field">
                <label class="field__label" for={field_id("placements.target_year")}>{ "The year the planned mix is reached" }</label>
                <div class="hint">{ "The mix moves in a straight line from today's to the plan's, and holds after this year." }</div>
                if !target_errors.is_empty() {
                    <p class="error-message"><span class="visually-hidden">{ "Error: " }</span>{ target_errors.join(". ") }</p>
                }
                <select id={field_id("placements.target_year")} class="select" onchange={on_target}>
                    { for years.iter().enumerate().map(|(i, y)| html! {
                        <option value={i.to_string()} selected={i == target_index}>{ y.to_string() }</option>
                    }) }
                </select>
            </div>
            <p class="mix-totals" id={field_id("placements.settings.share_now")}>
                { format!("Today's shares add up to {}. ", format::percent(total(Mix::Now), 2)) }
            </p>
            <p class="mix-totals" id={field_id("placements.settings.share_plan")}>
                { format!("Planned shares add up to {}.", format::percent(total(Mix::Plan), 2)) }
            </p>
            { for Setting::ALL.into_iter().map(|setting| {
                let p = &s.placements.settings[setting];
                let base = format!("placements.settings.{}", setting.id());
                html! {
                    <fieldset class="fieldset mix-row">
                        <legend class="fieldset__legend">{ setting.label() }</legend>
                        <div class="mix-row__fields">
                            { Spec::new(format!("{base}.share_now"), format!("{}: share today", setting.label()), Unit::Percent, p.share_now)
                                .range(dec!(0), dec!(100), dec!(0.1)).words("of children").target(Target::Share(Mix::Now, setting)).compact()
                                .render(&state, lock(Mix::Now, setting)) }
                            { Spec::new(format!("{base}.share_plan"), format!("{}: share in the plan", setting.label()), Unit::Percent, p.share_plan)
                                .range(dec!(0), dec!(100), dec!(0.1)).words("of children").target(Target::Share(Mix::Plan, setting)).compact()
                                .render(&state, lock(Mix::Plan, setting)) }
                        </div>
                    </fieldset>
                }
            }) }
        </Section>
    }
}

super::panel_props!(CostsProps, &["placements.settings."], |a, b| a
    .draft
    .placements
    .settings
    .0
    .iter()
    .zip(&b.draft.placements.settings.0)
    .all(|(x, y)| x.cost == y.cost && x.inflation == y.inflation));

/// Cost per child and its yearly inflation, per setting.
#[component]
pub fn CostsPanel(p: &CostsProps) -> Html {
    let state = p.state.clone();
    let s = &state.draft;
    let o = &state.origin;
    html! {
        <Section id="costs" force={super::has_messages(&state, |p| p.ends_with(".cost") || p.ends_with(".inflation"))} title="What a place costs"
            summary="The High Needs Block's yearly cost per child in each setting, and how fast it rises.">
            { for Setting::ALL.into_iter().map(|setting| {
                let p = &s.placements.settings[setting];
                let base = format!("placements.settings.{}", setting.id());
                html! {
                    <fieldset class="fieldset mix-row">
                        <legend class="fieldset__legend">{ setting.label() }</legend>
                        <div class="mix-row__fields">
                            { Spec::new(format!("{base}.cost"), format!("{}: cost per child a year", setting.label()), Unit::Pounds, p.cost)
                                .up_to(o.placements.settings[setting].cost, dec!(50000), dec!(100)).words("per child a year").compact().show(&state) }
                            { Spec::new(format!("{base}.inflation"), format!("{}: yearly cost inflation", setting.label()), Unit::Percent, p.inflation)
                                .range(dec!(-5), dec!(15), dec!(0.1)).words("a year").compact().show(&state) }
                        </div>
                    </fieldset>
                }
            }) }
        </Section>
    }
}
