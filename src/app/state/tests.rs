//! The reducer, natively.
use super::*;
use crate::app::units::Unit;
use crate::model::field::{Rate, Run};
use crate::model::setting::Setting;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn messages(s: &State, f: Field) -> Vec<String> {
    s.fields_within(&s.messages(), &[Node::Field(f)])
        .messages(f)
}

fn act(s: State, a: Action) -> State {
    (*Rc::new(s).reduce(a)).clone()
}

#[test]
fn a_bad_value_keeps_the_text_and_the_last_good_results() {
    let growth = Field::Growth(Run::Plan, Rate::Start);
    let s = State::initial();
    let good = s.good.clone();
    let s = act(
        s,
        Action::Type {
            field: growth,
            text: "lots".into(),
            unit: Unit::Percent,
            label: "EHCP growth".into(),
        },
    );
    assert_eq!(s.typed[&growth], "lots");
    assert!(messages(&s, growth)[0].contains("EHCP growth must be a number"));
    assert_eq!(s.good, good);
    let s = act(
        s,
        Action::Type {
            field: growth,
            text: "250".into(),
            unit: Unit::Percent,
            label: "EHCP growth".into(),
        },
    );
    assert!(messages(&s, growth)[0].contains("between -50% and 100%"));
    assert_eq!(
        s.good, good,
        "an out-of-range value leaves the results alone"
    );
    let s = act(
        s,
        Action::Type {
            field: growth,
            text: "4.5".into(),
            unit: Unit::Percent,
            label: "EHCP growth".into(),
        },
    );
    assert!(s.messages().is_empty());
    assert_eq!(s.good.demand.growth.start, dec!(0.045));
    assert_eq!(s.generation, 1);
}

#[test]
fn shares_stay_at_100_with_locks() {
    let s = State::initial();
    let s = act(
        s,
        Action::Lock {
            mix: Mix::Plan,
            setting: Setting::StateSpecial,
            locked: true,
        },
    );
    let special = s.draft.placements.settings[Setting::StateSpecial].share_plan;
    let s = act(
        s,
        Action::Share {
            mix: Mix::Plan,
            setting: Setting::Inmss,
            value: Ok(dec!(0.02)),
            text: None,
        },
    );
    let p = &s.draft.placements.settings;
    assert_eq!(p[Setting::Inmss].share_plan, dec!(0.02));
    assert_eq!(p[Setting::StateSpecial].share_plan, special);
    assert_eq!(
        p.0.iter().map(|x| x.share_plan).sum::<Decimal>(),
        Decimal::ONE
    );
    assert!(s.messages().is_empty());
}

#[test]
fn only_a_valid_scenario_opens() {
    let s = State::initial();
    let mut bad = (*s.good).clone();
    bad.demand.ehcps = dec!(-1);
    let after = act(
        s.clone(),
        Action::Open {
            preset: "average".into(),
            scenario: Rc::new(bad),
            notice: None,
        },
    );
    assert_eq!(after.good, s.good, "the results stay");
    assert_eq!(after.draft, s.draft);
    assert!(after.notices[0].error);
    assert!(
        after.notices[0].lines[0].contains("The number of EHCPs cannot be negative"),
        "{:?}",
        after.notices
    );
}

#[test]
fn presets_load_and_limits_toggle() {
    let s = act(State::initial(), Action::LoadPreset("medway".into()));
    assert_eq!(s.draft.about.authority, "Medway");
    let s = act(
        s,
        Action::LimitPlaces {
            setting: Setting::StateSpecial,
            limited: true,
        },
    );
    assert!(
        s.draft.placements.settings[Setting::StateSpecial]
            .places
            .is_some()
    );
    assert!(s.messages().is_empty(), "{:?}", s.messages());
    let s = act(s, Action::LoadPreset("atlantis".into()));
    assert_eq!(
        s.draft.about.authority, "Medway",
        "an unknown preset changes nothing"
    );
}

#[test]
fn what_was_typed_follows_a_project_when_the_register_changes() {
    let s = act(State::initial(), Action::LoadPreset("haringey".into()));
    let field = Field::ProjectConfidence(2);
    let s = act(
        s,
        Action::Type {
            field,
            text: "lots".into(),
            unit: Unit::Percent,
            label: "Confidence".into(),
        },
    );
    let s = act(s, Action::MoveProject { from: 2, to: 0 });
    assert_eq!(s.typed[&Field::ProjectConfidence(0)], "lots");
    assert!(!s.typed.contains_key(&field));
    let s = act(s, Action::RemoveProject(0));
    assert!(s.typed.is_empty() && s.unreadable.is_empty());
}

#[test]
fn saved_work_stays_when_another_scenario_opens() {
    let s = act(
        State::initial(),
        Action::Save {
            name: "Mine".into(),
            at: "2026-12-02T00:00:00Z".into(),
        },
    );
    assert_eq!(s.saves.len(), 1);
    let s = act(s, Action::Parents(true));
    let s = act(s, Action::LoadPreset("medway".into()));
    assert_eq!(s.saves.len(), 1, "a preset keeps the saved list");
    assert!(s.parents, "and the lens");
    let s = act(s, Action::Show(View::Compare(Some(0))));
    let s = act(s, Action::OpenSaved(0));
    assert_eq!(s.view, View::Calculator);
    assert_eq!(
        s.draft.about.authority,
        State::initial().draft.about.authority
    );
    let s = act(s, Action::DeleteSaved(0));
    assert!(s.saves.is_empty());
}

#[test]
fn a_panels_part_is_shared_until_it_changes() {
    let s = State::initial();
    let before = s.parts.clone();
    let s = act(
        s,
        Action::Slide {
            field: Field::Growth(Run::Plan, Rate::Start),
            value: dec!(0.07),
        },
    );
    assert_ne!(s.parts.demand, before.demand);
    assert_eq!(s.parts.costs, before.costs);
    assert_eq!(s.parts.income, before.income);
    let _ = Decimal::ZERO;
}

#[test]
fn figures_by_age_that_failed_can_be_tried_again_and_loading_them_clears_the_message() {
    // A scenario by age for Hartlepool whose figures have not loaded (the
    // native build has them; this pretends they are awaited by checking
    // only what the reducer keeps).
    let hartlepool = "E06000001";
    let s = State::preset(&format!("la:{hartlepool}")).unwrap();
    let s = act(
        s,
        Action::Notify(Notice::error(
            format!("{AGES_NOT_LOADED}, so plans still grow by one rate."),
            vec!["check the connection".into()],
        )),
    );
    let s = act(s, Action::Notify(Notice::info("Saved as \"x\".")));
    // Nothing waits for figures by age here, so a failure is not kept.
    let s = act(
        s,
        Action::AgesFailed {
            code: hartlepool,
            why: "late".into(),
        },
    );
    assert_eq!(s.ages_failed, None);
    let tried = s.ages_attempt;
    let s = act(s, Action::RetryAges);
    assert_eq!(s.ages_attempt, tried.wrapping_add(1));
    // Opening a scenario tries again too.
    let opened = act(
        s.clone(),
        Action::Open {
            preset: "average".into(),
            scenario: s.good.clone(),
            notice: None,
        },
    );
    assert_eq!(opened.ages_attempt, s.ages_attempt.wrapping_add(1));
    // A failure kept for one council is not cleared by another's success.
    let mut kept = s.clone();
    kept.ages_failed = Some((hartlepool, "check the connection".into()));
    let other = act(kept.clone(), Action::AgesLoaded("E09000014"));
    assert!(other.ages_failed.is_some());
    let s = act(kept, Action::AgesLoaded(hartlepool));
    assert_eq!(s.ages_failed, None);
    // Only the message about figures by age goes.
    let titles: Vec<_> = s.notices.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["Saved as \"x\"."]);
}
