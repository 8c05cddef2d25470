//! Adding, removing and moving the items of the scenario's lists (the
//! savings projects, the contributions), with what was typed into an item
//! following it to its new place.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::{Action, Change, State};
use crate::model::field::{Field, List};
use crate::model::node::Group;
use crate::model::scenario::{Line, Project};

/// Applies a change to a list.
pub(super) fn apply(s: &mut State, action: Action) -> Change {
    match action {
        Action::AddProject => {
            let d = s.draft_mut();
            let n = d.savings.projects.len().saturating_add(1);
            d.savings.projects.push(Project::numbered(n));
        }
        Action::RemoveProject(i) => {
            if i < s.draft.savings.projects.len() {
                s.draft_mut().savings.projects.remove(i);
                follow(s, List::Projects, |j| match j.cmp(&i) {
                    Ordering::Less => Some(j),
                    Ordering::Equal => None,
                    Ordering::Greater => Some(j.saturating_sub(1)),
                });
            }
        }
        Action::MoveProject { from, to } => {
            let n = s.draft.savings.projects.len();
            if from < n && to < n && from != to {
                let d = s.draft_mut();
                let p = d.savings.projects.remove(from);
                d.savings.projects.insert(to, p);
                follow(s, List::Projects, |j| {
                    Some(if j == from {
                        to
                    } else if from < to && j > from && j <= to {
                        j.saturating_sub(1)
                    } else if to < from && j >= to && j < from {
                        j.saturating_add(1)
                    } else {
                        j
                    })
                });
            }
        }
        Action::AddContribution => {
            let d = s.draft_mut();
            let n = d.income.other_contributions.len().saturating_add(1);
            d.income.other_contributions.push(Line::contribution(n));
        }
        Action::RemoveContribution(i) => {
            if i < s.draft.income.other_contributions.len() {
                s.draft_mut().income.other_contributions.remove(i);
                s.forget_within(Group::Contributions);
            }
        }
        _ => return Change::Page,
    }
    Change::Draft
}

/// Moves what was typed into items of `list` to follow a change in it:
/// `new_index(i)` gives where item `i` went, or `None` if it was removed
/// (what was typed into it goes too).
fn follow(s: &mut State, list: List, new_index: impl Fn(usize) -> Option<usize>) {
    reindex(&mut s.typed, list, &new_index);
    reindex(&mut s.unreadable, list, &new_index);
}

/// Moves the entries of `map` for items of `list` as [`follow`] says.
pub(super) fn reindex<V>(
    map: &mut BTreeMap<Field, V>,
    list: List,
    new_index: &impl Fn(usize) -> Option<usize>,
) {
    let old = std::mem::take(map);
    for (field, v) in old {
        match field.item() {
            Some((l, i)) if l == list => {
                if let Some(j) = new_index(i) {
                    map.insert(field.with_item(j), v);
                }
            }
            _ => {
                map.insert(field, v);
            }
        }
    }
}
