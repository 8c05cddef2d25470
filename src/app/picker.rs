//! Choosing the council to start from: a combobox that finds a council as
//! you type its name or ONS code (the ARIA "list autocomplete with automatic
//! selection" pattern), over the average authority, the five seed councils
//! and every English council's DfE data.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::context::use_dispatch;
use super::state::Action;
use crate::model::authorities::{self, AUTHORITIES};
use crate::model::presets::council::programme_tag;
use crate::model::presets::{self, PRESETS, Preset};

/// One thing the picker offers.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The preset id.
    pub id: String,
    /// The name shown.
    pub name: String,
    /// The council's ONS code, if it is a council.
    pub code: Option<&'static str>,
    /// The council's programme ("Safety Valve 2022-23"), if it is in one.
    pub tag: Option<String>,
}

/// Everything the picker offers: the average authority and the seed
/// councils first, then every council's DfE data by name.
pub fn choices() -> Vec<Choice> {
    let seeds = PRESETS.iter().map(|p| Choice {
        id: p.id.to_string(),
        name: p.name.to_string(),
        code: p.code,
        tag: None,
    });
    let mut councils: Vec<_> = AUTHORITIES.iter().collect();
    crate::model::order::sort_small_by_key(&mut councils, |a| a.name);
    seeds
        .chain(councils.into_iter().map(|a| Choice {
            id: a.preset_id(),
            name: Preset::of_council(a).name.to_string(),
            code: Some(a.code),
            tag: programme_tag(a),
        }))
        .collect()
}

/// The positions in `all` of the choices matching `query`, best first:
/// names starting with it (or the exact code), then a later word starting
/// with it, then anywhere; ties keep the list's order.
pub fn matches(all: &[Choice], query: &str) -> Vec<usize> {
    let q = authorities::fold(query);
    let mut ranked: Vec<(u8, usize)> = all
        .iter()
        .enumerate()
        .filter_map(|(i, c)| authorities::rank(&q, &c.name, c.code.unwrap_or("")).map(|r| (r, i)))
        .collect();
    crate::model::order::sort_small_by(&mut ranked, Ord::cmp);
    ranked.into_iter().map(|(_, i)| i).collect()
}

/// Props of [`PresetPicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct PickerProps {
    /// The preset chosen.
    pub preset: AttrValue,
}

/// The picker.
#[component]
pub fn PresetPicker(p: &PickerProps) -> Html {
    let dispatch = use_dispatch();
    let all = use_memo((), |()| choices());
    let current_name = |id: &str| -> String {
        all.iter()
            .find(|c| c.id == id)
            .map_or_else(String::new, |c| c.name.clone())
    };
    let query = use_state({
        let name = current_name(&p.preset);
        move || name
    });
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    // A new preset (chosen here, or from a link or a saved scenario) shows
    // its name in the box.
    {
        let query = query.clone();
        let name = current_name(&p.preset);
        use_effect_with(p.preset.clone(), move |_| query.set(name));
    }
    let found: Rc<Vec<usize>> = Rc::new(if *open {
        // An unchanged box lists everything.
        if *query == current_name(&p.preset) {
            (0..all.len()).collect()
        } else {
            matches(&all, &query)
        }
    } else {
        Vec::new()
    });
    // Keep the active option in view as the arrows move through the list.
    use_effect_with(*active, |a| {
        if let Some(i) = a {
            browser::scroll_into_view(&format!("preset-opt-{i}"));
        }
    });

    let choose = {
        let dispatch = dispatch.clone();
        let all = all.clone();
        let query = query.clone();
        let open = open.clone();
        let active = active.clone();
        Callback::from(move |i: usize| {
            if let Some(c) = all.get(i) {
                query.set(c.name.clone());
                open.set(false);
                active.set(None);
                dispatch.dispatch(Action::LoadPreset(c.id.clone()));
            }
        })
    };
    let close = {
        let query = query.clone();
        let open = open.clone();
        let active = active.clone();
        let name = current_name(&p.preset);
        move || {
            query.set(name.clone());
            open.set(false);
            active.set(None);
        }
    };
    let oninput = {
        let query = query.clone();
        let open = open.clone();
        let active = active.clone();
        let all = all.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = el.value();
            // The best match is active, so Enter takes it.
            let best = matches(&all, &text).first().copied();
            active.set(if text.trim().is_empty() { None } else { best });
            query.set(text);
            open.set(true);
        })
    };
    let onkeydown = {
        let open = open.clone();
        let active = active.clone();
        let found = found.clone();
        let choose = choose.clone();
        let close = close.clone();
        let all = all.clone();
        let query = query.clone();
        let current = current_name(&p.preset);
        Callback::from(move |e: KeyboardEvent| {
            // The list as it will be once open.
            let list: Vec<usize> = if *open {
                (*found).clone()
            } else if *query == current {
                (0..all.len()).collect()
            } else {
                matches(&all, &query)
            };
            let at = active.and_then(|a| list.iter().position(|&i| i == a));
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    open.set(true);
                    let next =
                        at.map_or(0, |k| k.saturating_add(1).min(list.len().saturating_sub(1)));
                    active.set(list.get(next).copied());
                }
                "ArrowUp" => {
                    e.prevent_default();
                    open.set(true);
                    let prev = at.map_or(0, |k| k.saturating_sub(1));
                    active.set(list.get(prev).copied());
                }
                "Home" | "End" if *open && !list.is_empty() => {
                    e.prevent_default();
                    let k = if e.key() == "Home" {
                        0
                    } else {
                        list.len().saturating_sub(1)
                    };
                    active.set(list.get(k).copied());
                }
                "Enter" if *open => {
                    e.prevent_default();
                    if let Some(i) = *active {
                        choose.emit(i);
                    }
                }
                "Escape" if *open => {
                    e.prevent_default();
                    close();
                }
                _ => {}
            }
        })
    };
    let onblur = {
        let close = close.clone();
        Callback::from(move |_: FocusEvent| close())
    };
    // A click in the box shows the whole list.
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };

    let current = presets::find(&p.preset);
    let expanded = *open && !found.is_empty();
    let status = if *open {
        match found.len() {
            0 => "No council matches. Try part of its name, or its code.".to_string(),
            1 => "1 match. Press Enter to choose it.".to_string(),
            n => format!("{n} matches. Use the up and down arrows to choose one."),
        }
    } else {
        String::new()
    };
    html! {
        <div class="field picker">
            <label class="field__label" for="preset">{ "Start from" }</label>
            <div class="hint" id="preset-hint">
                { "Type your council's name or code (such as E09000014), or press the down arrow for the full list. Every English council starts from its own DfE figures; five also have their Safety Valve papers; everything can be changed below." }
            </div>
            <div class="combo">
                <input id="preset" class="input combo__input" type="text" role="combobox"
                    autocomplete="off" spellcheck="false"
                    aria-autocomplete="list" aria-expanded={expanded.to_string()}
                    aria-controls="preset-list" aria-describedby="preset-hint preset-summary"
                    aria-activedescendant={active.filter(|_| expanded).map(|i| format!("preset-opt-{i}"))}
                    data-preset={p.preset.clone()}
                    value={(*query).clone()} {oninput} {onkeydown} {onblur} {onclick} />
            </div>
            <ul id="preset-list" class="combo__list" role="listbox" aria-label="Councils" hidden={!expanded}>
                { for found.iter().map(|&i| {
                    let c = &all[i];
                    let selected = Some(i) == *active;
                    let onmousedown = {
                        let choose = choose.clone();
                        Callback::from(move |e: MouseEvent| {
                            // Keep focus in the box; choose on press.
                            e.prevent_default();
                            choose.emit(i);
                        })
                    };
                    html! {
                        <li id={format!("preset-opt-{i}")} role="option" class="combo__option"
                            aria-selected={selected.to_string()} data-id={c.id.clone()} {onmousedown}>
                            { c.name.clone() }
                            if let Some(code) = c.code {
                                <span class="combo__code">{ format!(" {code}") }</span>
                            }
                            if let Some(tag) = &c.tag {
                                <span class="tag tag--programme">{ format!(" {tag}") }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            <p class="visually-hidden" role="status">{ status }</p>
            <p class="picker__summary" id="preset-summary">
                { current.as_ref().map(|x| x.summary().to_string()).unwrap_or_default() }
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(q: &str) -> Vec<String> {
        let all = choices();
        matches(&all, q)
            .into_iter()
            .map(|i| all[i].name.clone())
            .collect()
    }

    #[test]
    fn offers_seeds_then_every_council() {
        let all = choices();
        assert_eq!(all.len(), PRESETS.len() + AUTHORITIES.len());
        assert_eq!(all[0].id, "average");
        assert_eq!(all[1].code, Some("E09000014"));
        for c in &all {
            assert!(presets::find(&c.id).is_some(), "{}", c.id);
        }
    }

    #[test]
    fn haringey_both_ways_by_name_or_code() {
        let want = vec![
            "Haringey: from its Safety Valve papers".to_string(),
            "Haringey: published data".to_string(),
        ];
        assert_eq!(names("harin"), want);
        assert_eq!(names("E09000014"), want);
        assert_eq!(names("  HARINGEY "), want);
    }

    #[test]
    fn start_of_name_comes_before_a_later_word() {
        let found = names("york");
        assert_eq!(found[0], "York: published data");
        assert!(found.contains(&"North Yorkshire: published data".to_string()));
        assert!(names("st helens")[0].starts_with("St. Helens"));
        assert!(names("qqq").is_empty());
    }
}
