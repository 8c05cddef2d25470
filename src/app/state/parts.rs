//! The draft scenario in the parts the panels show. Each part is
//! [`Shared`]: compared by pointer, as yew-chart compares its data, and
//! replaced only when its value changes ([`Parts::refreshed`] compares each
//! part once, after every change). So a panel's props say exactly whether
//! its part changed, and an edit elsewhere does not redraw it; nothing
//! lists the fields a panel reads, so nothing can forget one
//! (`tests/panels.rs` checks every field of every preset).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use rust_decimal::Decimal;

use crate::model::Problem;
use crate::model::field::Field;
use crate::model::node::Node;
use crate::model::scenario::{
    About, Agreement, Baseline, Demand, Income, Line, Places, SavingsPlan, Scenario, Source,
};
use crate::model::setting::PerSetting;
use crate::model::year::FinYear;

/// A value shared between renders, equal to another only if it is the same
/// value in memory: comparing props is one pointer comparison.
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// A new shared value.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T: PartialEq> Shared<T> {
    /// This value if `value` equals it (so panels showing it need not
    /// redraw), else `value`, newly shared.
    pub fn or_new(&self, value: T) -> Self {
        if *self.0 == value {
            self.clone()
        } else {
            Shared::new(value)
        }
    }
}

impl<T: PartialEq + Clone> Shared<T> {
    /// This value if `value` equals it, else a copy of `value`, newly
    /// shared: nothing is copied while a part is unchanged.
    pub fn or_copy(&self, value: &T) -> Self {
        if *self.0 == *value {
            self.clone()
        } else {
            Shared::new(value.clone())
        }
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Today's and the planned share of each setting.
pub type Shares = PerSetting<[Decimal; 2]>;
/// Each setting's cost per child and yearly inflation.
pub type Costs = PerSetting<[Decimal; 2]>;

/// The draft, part by part. Two `Parts` are equal when their values are
/// (each part's own comparison is by pointer, for the panels).
#[derive(Clone, Debug)]
pub struct Parts {
    /// Who it is for and its years.
    pub about: Shared<About>,
    /// The deficit carried in.
    pub opening_deficit: Decimal,
    /// Money in.
    pub income: Shared<Income>,
    /// EHCPs and their growth.
    pub demand: Shared<Demand>,
    /// Growth without the plan.
    pub baseline: Shared<Baseline>,
    /// The placement mix.
    pub shares: Shared<Shares>,
    /// The year the planned mix is reached.
    pub target_year: FinYear,
    /// What a place costs.
    pub costs: Shared<Costs>,
    /// Limits on places.
    pub places: Shared<PerSetting<Option<Places>>>,
    /// Other spend lines.
    pub other_spend: Shared<Vec<Line>>,
    /// The savings plan.
    pub savings: Shared<SavingsPlan>,
    /// The Safety Valve agreement.
    pub agreement: Shared<Agreement>,
    /// Where each figure came from.
    pub sources: Shared<BTreeMap<Node, Source>>,
}

impl PartialEq for Parts {
    fn eq(&self, o: &Self) -> bool {
        *self.about == *o.about
            && self.opening_deficit == o.opening_deficit
            && *self.income == *o.income
            && *self.demand == *o.demand
            && *self.baseline == *o.baseline
            && *self.shares == *o.shares
            && self.target_year == o.target_year
            && *self.costs == *o.costs
            && *self.places == *o.places
            && *self.other_spend == *o.other_spend
            && *self.savings == *o.savings
            && *self.agreement == *o.agreement
            && *self.sources == *o.sources
    }
}

fn shares(s: &Scenario) -> Shares {
    s.placements
        .settings
        .map(|_, p| [p.share_now, p.share_plan])
}

fn costs(s: &Scenario) -> Costs {
    s.placements.settings.map(|_, p| [p.cost, p.inflation])
}

fn places(s: &Scenario) -> PerSetting<Option<Places>> {
    s.placements.settings.map(|_, p| p.places.clone())
}

impl Parts {
    /// The parts of `s`, each newly shared.
    pub fn of(s: &Scenario) -> Self {
        Parts {
            about: Shared::new(s.about.clone()),
            opening_deficit: s.opening_deficit,
            income: Shared::new(s.income.clone()),
            demand: Shared::new(s.demand.clone()),
            baseline: Shared::new(s.baseline.clone()),
            shares: Shared::new(shares(s)),
            target_year: s.placements.target_year,
            costs: Shared::new(costs(s)),
            places: Shared::new(places(s)),
            other_spend: Shared::new(s.other_spend.clone()),
            savings: Shared::new(s.savings.clone()),
            agreement: Shared::new(s.agreement.clone()),
            sources: Shared::new(s.sources.clone()),
        }
    }

    /// The parts of `s`, keeping each of these that has not changed.
    pub fn refreshed(&self, s: &Scenario) -> Self {
        Parts {
            about: self.about.or_copy(&s.about),
            opening_deficit: s.opening_deficit,
            income: self.income.or_copy(&s.income),
            demand: self.demand.or_copy(&s.demand),
            baseline: self.baseline.or_copy(&s.baseline),
            shares: self.shares.or_new(shares(s)),
            target_year: s.placements.target_year,
            costs: self.costs.or_new(costs(s)),
            places: self.places.or_new(places(s)),
            other_spend: self.other_spend.or_copy(&s.other_spend),
            savings: self.savings.or_copy(&s.savings),
            agreement: self.agreement.or_copy(&s.agreement),
            sources: self.sources.or_copy(&s.sources),
        }
    }
}

/// What a panel shows of its fields besides their values: the text typed
/// into them, their messages and their sources.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldState {
    /// Text typed into the panel's number boxes, kept as typed.
    pub typed: Rc<BTreeMap<Field, String>>,
    /// Messages about the panel's fields and groups.
    pub messages: Rc<Vec<Problem>>,
    /// Every source of the scenario.
    pub sources: Shared<BTreeMap<Node, Source>>,
}

impl FieldState {
    /// The text typed into `field`, if it is not the value as shown.
    pub fn typed(&self, field: Field) -> Option<&str> {
        self.typed.get(&field).map(String::as_str)
    }

    /// The messages about `node` itself.
    pub fn messages(&self, node: impl Into<Node>) -> Vec<String> {
        let node = node.into();
        self.messages
            .iter()
            .filter(|p| p.is_at(node))
            .map(|p| p.message.clone())
            .collect()
    }

    /// Whether anything inside `node` has a message (so the part of the
    /// page holding it is held open).
    pub fn has_messages_within(&self, node: impl Into<Node>) -> bool {
        let node = node.into();
        self.messages.iter().any(|p| p.is_within(node))
    }

    /// The source of `node`, or of the nearest group holding it.
    pub fn source(&self, node: impl Into<Node>) -> Option<&Source> {
        node.into().ancestry().find_map(|n| self.sources.get(&n))
    }
}
