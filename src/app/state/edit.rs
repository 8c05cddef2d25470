//! Changes to the scenario's figures and choices: typed text, sliders,
//! shares, names, the target year, the transfer's form, limits on places,
//! a project's status and confidence, and conditional payments.

use rust_decimal::Decimal;

use super::{Action, Change, State};
use crate::model::field::{Field, Mix};
use crate::model::mix::rebalance;
use crate::model::node::Group;
use crate::model::scenario::Places;
use crate::model::setting::Setting;

/// Applies an edit of the draft.
pub(super) fn apply(s: &mut State, action: Action) -> Change {
    match action {
        Action::Type {
            field,
            text,
            unit,
            label,
        } => {
            s.typed.insert(field, text.clone());
            match unit.parse(&text, &label, field.bounds().as_ref()) {
                Ok(v) => {
                    s.unreadable.remove(&field);
                    if field.set(s.draft_mut(), v).is_err() {
                        s.unreadable
                            .insert(field, format!("{label} cannot be set here"));
                    }
                }
                Err(message) => {
                    s.unreadable.insert(field, message);
                }
            }
        }
        Action::TypeOptional {
            field,
            text,
            unit,
            label,
        } => {
            if text.trim().is_empty() {
                field.clear(s.draft_mut());
                s.forget(field);
            } else {
                return apply(
                    s,
                    Action::Type {
                        field,
                        text,
                        unit,
                        label,
                    },
                );
            }
        }
        Action::Slide { field, value } => {
            // A slider cannot leave its range, which is inside the field's
            // bounds; a value outside them (a page altered in the
            // browser's tools) changes nothing.
            if field.bounds().is_some_and(|b| b.allows(value))
                && field.set(s.draft_mut(), value).is_ok()
            {
                s.forget(field);
            }
        }
        Action::Share {
            mix,
            setting,
            value,
            text,
        } => share(s, mix, setting, value, text),
        Action::Text { field, text } => {
            if field.set_text(s.draft_mut(), &text).is_err() {
                s.unreadable
                    .insert(field, "This field cannot be set here".into());
            }
        }
        Action::ClearYear(field) => {
            field.clear(s.draft_mut());
            s.forget(field);
        }
        Action::TargetYear(y) => s.draft_mut().placements.target_year = y,
        Action::Transfer(kind) => {
            let d = s.draft_mut();
            d.income.schools_block_transfer = d
                .income
                .schools_block_transfer
                .switched(kind, &d.income.hnb);
            s.forget_within(Group::Transfer);
        }
        Action::LimitPlaces { setting, limited } => {
            let current = s.good.placements.settings[setting].places.clone();
            let ehcps = s.draft.demand.ehcps;
            let p = &mut s.draft_mut().placements.settings[setting];
            p.places = if limited {
                current.or_else(|| Some(Places::for_setting(setting, ehcps, p.share_now)))
            } else {
                None
            };
            s.forget_within(Group::Places(setting));
        }
        Action::ProjectStatus(i, status) => {
            if let Some(p) = s.draft_mut().savings.projects.get_mut(i) {
                p.status = status;
            }
        }
        Action::DefaultConfidence(i) => {
            if let Some(p) = s.draft_mut().savings.projects.get_mut(i) {
                p.confidence = None;
            }
            s.forget(Field::ProjectConfidence(i));
        }
        Action::Conditional(on) => s.draft_mut().agreement.conditional = on,
        Action::ByAge(levers) => {
            let d = s.draft_mut();
            let figures = crate::model::authorities::ages_of(&d.about.code);
            if levers.is_some() {
                for (field, source) in figures
                    .into_iter()
                    .flat_map(crate::model::age::default_sources)
                {
                    d.sources.insert(field.into(), source);
                }
            } else {
                for field in crate::model::age::LEVERS {
                    d.sources.remove(&field.into());
                }
            }
            d.demand.by_age = levers;
            for f in crate::model::age::LEVERS {
                s.forget(f);
            }
        }
        Action::SecondaryAsToday => {
            if let Some(a) = s.draft_mut().demand.by_age.as_mut() {
                a.secondary_mainstream = None;
            }
            s.forget(Field::SecondaryMainstream);
        }
        _ => return Change::Page,
    }
    Change::Draft
}

/// A share moved or typed: the others rebalance around it, locked ones
/// staying put.
fn share(
    s: &mut State,
    mix: Mix,
    setting: Setting,
    value: Result<Decimal, String>,
    text: Option<String>,
) {
    let field = Field::Share(mix, setting);
    match text {
        Some(t) => {
            s.typed.insert(field, t);
        }
        None => {
            s.typed.remove(&field);
        }
    }
    let bounds = field.bounds();
    match value {
        Ok(v) if bounds.is_some_and(|b| b.allows(v)) => {
            s.unreadable.remove(&field);
            let current = s.draft.placements.settings.map(|_, p| match mix {
                Mix::Now => p.share_now,
                Mix::Plan => p.share_plan,
            });
            let locks = *s.locks(mix);
            let next = rebalance(&current, &locks, setting, v);
            for (other, v) in next.iter() {
                let p = &mut s.draft_mut().placements.settings[other];
                match mix {
                    Mix::Now => p.share_now = *v,
                    Mix::Plan => p.share_plan = *v,
                }
                if other != setting {
                    s.forget(Field::Share(mix, other));
                }
            }
        }
        Ok(v) => {
            let what = format!("{} share {}", setting.label(), mix.when());
            let message = bounds.and_then(|b| b.problem(&what, v)).unwrap_or_default();
            s.unreadable.insert(field, message);
        }
        Err(message) => {
            s.unreadable.insert(field, message);
        }
    }
}
