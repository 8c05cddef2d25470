//! The controls: every lever of the scenario, grouped as a council's paper
//! would group them.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use super::disclosure::Disclosure;
use super::field::{NumberField, Target};
use super::state::State;
use super::units::Unit;

/// Props of a panel: the whole state, compared only on the part the panel
/// shows, so an edit elsewhere does not redraw it.
macro_rules! panel_props {
    ($name:ident, $prefixes:expr, |$a:ident, $b:ident| $same:expr) => {
        /// Props of the panel of the same name.
        #[derive(yew::Properties, Clone)]
        pub struct $name {
            /// The page's state.
            pub state: std::rc::Rc<crate::app::state::State>,
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                let ($a, $b) = (&*self.state, &*other.state);
                $a.same_fields($b, $prefixes) && $same
            }
        }
    };
}
pub(crate) use panel_props;

mod agreement;
mod demand;
mod mix;
mod money;
mod places;
mod savings;

pub use agreement::{AgreementPanel, AgreementProps};
pub use demand::{DemandPanel, DemandProps};
pub use mix::{CostsPanel, CostsProps, MixPanel, MixProps};
pub use money::{MoneyPanel, MoneyProps};
pub use places::{PlacesPanel, PlacesProps};
pub use savings::{SavingsPanel, SavingsProps};

/// What a number field shows and edits.
pub struct Spec<'a> {
    /// The figure's path.
    pub path: String,
    /// Its label.
    pub label: String,
    /// Hint text.
    pub hint: Option<&'a str>,
    /// Display unit.
    pub unit: Unit,
    /// The value, in model units.
    pub value: Decimal,
    /// Slider range, in display units.
    pub range: (Decimal, Decimal, Decimal),
    /// Words for screen readers after the value.
    pub words: &'a str,
    /// What it edits.
    pub target: Target,
    /// Compact layout.
    pub compact: bool,
    /// With a slider.
    pub slider: bool,
    /// An empty box clears the figure.
    pub optional: bool,
    /// The figure is absent: show an empty box.
    pub empty: bool,
}

impl<'a> Spec<'a> {
    /// A plain field.
    pub fn new(
        path: impl Into<String>,
        label: impl Into<String>,
        unit: Unit,
        value: Decimal,
    ) -> Self {
        let range = default_range(unit, value);
        Spec {
            path: path.into(),
            label: label.into(),
            hint: None,
            unit,
            value,
            range,
            words: "",
            target: Target::Plain,
            compact: false,
            slider: true,
            optional: false,
            empty: false,
        }
    }

    /// With a hint.
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = Some(hint);
        self
    }

    /// With words for screen readers.
    pub fn words(mut self, words: &'a str) -> Self {
        self.words = words;
        self
    }

    /// With a slider range (display units).
    pub fn range(mut self, min: Decimal, max: Decimal, step: Decimal) -> Self {
        self.range = (min, max, step);
        self
    }

    /// A slider range from 0 to a round figure above twice `origin`, at
    /// least `floor` (display units).
    pub fn up_to(mut self, origin: Decimal, floor: Decimal, step: Decimal) -> Self {
        let top = nice_ceiling(
            self.unit
                .to_display(origin)
                .saturating_mul(dec!(2))
                .max(floor),
        );
        self.range = (Decimal::ZERO, top, step);
        self
    }

    /// Editing a share.
    pub fn target(mut self, target: Target) -> Self {
        self.target = target;
        self
    }

    /// Compact layout.
    pub fn compact(mut self) -> Self {
        self.compact = true;
        self
    }

    /// A number box alone, no slider.
    pub fn no_slider(mut self) -> Self {
        self.slider = false;
        self
    }

    /// An empty box clears the figure; `present` says whether it is set.
    pub fn optional(mut self, present: bool) -> Self {
        self.optional = true;
        self.empty = !present;
        self
    }

    /// The field, with its typed text, messages and source from `state`.
    pub fn render(self, state: &State, children: Html) -> Html {
        let (min, max, step) = self.range;
        html! {
            <NumberField
                path={self.path.clone()}
                label={self.label}
                hint={self.hint.map(|h| AttrValue::from(h.to_string()))}
                unit={self.unit}
                value={self.value}
                {min} {max} {step}
                words={AttrValue::from(self.words.to_string())}
                typed={state.typed.get(&self.path).map(|t| AttrValue::from(t.clone())).or_else(|| self.empty.then(|| AttrValue::from("")))}
                errors={state.messages_for(&self.path)}
                source={state.draft.source_of(&self.path).cloned()}
                target={self.target}
                compact={self.compact}
                slider={self.slider}
                optional={self.optional}
            >
                { children }
            </NumberField>
        }
    }

    /// The field with nothing after its number box.
    pub fn show(self, state: &State) -> Html {
        self.render(state, Html::default())
    }
}

fn default_range(unit: Unit, value: Decimal) -> (Decimal, Decimal, Decimal) {
    let shown = unit.to_display(value);
    match unit {
        Unit::Percent => (dec!(-10), dec!(30), dec!(0.1)),
        Unit::Millions => (
            Decimal::ZERO,
            nice_ceiling(shown.saturating_mul(dec!(2)).max(dec!(10))),
            dec!(0.1),
        ),
        Unit::Pounds => (
            Decimal::ZERO,
            nice_ceiling(shown.saturating_mul(dec!(2)).max(dec!(1000))),
            dec!(100),
        ),
        Unit::Count => (
            Decimal::ZERO,
            nice_ceiling(shown.saturating_mul(dec!(2)).max(dec!(100))),
            dec!(1),
        ),
    }
}

/// The next round figure at or above `x` (1, 2, 2.5 or 5 times a power of
/// 10), for the top of a slider; at most 10²⁸.
pub fn nice_ceiling(x: Decimal) -> Decimal {
    if x <= Decimal::ZERO {
        return Decimal::ONE;
    }
    // Powers of ten from 10⁻⁶ to 10²⁸: the first whose round multiples
    // reach `x`.
    let mut p = dec!(0.000001);
    for _ in 0..35 {
        for m in [dec!(1), dec!(2), dec!(2.5), dec!(5)] {
            match p.checked_mul(m) {
                Some(v) if v >= x => return v,
                Some(_) => {}
                None => return p,
            }
        }
        match p.checked_mul(dec!(10)) {
            Some(next) => p = next,
            None => return p,
        }
    }
    p
}

/// Whether every section of controls is drawn open (for the render tests
/// and the fuzzer, which need every field on the page).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct OpenAll(pub bool);

/// Props of [`Controls`].
#[derive(Properties, PartialEq, Clone)]
pub struct ControlsProps {
    /// The page's state.
    pub state: std::rc::Rc<State>,
    /// The projection of the last valid scenario, for where each year
    /// stands against the agreement.
    #[prop_or_default]
    pub projection: Option<std::rc::Rc<crate::model::Projection>>,
    /// Every section open.
    #[prop_or_default]
    pub open: bool,
}

/// Every lever of the scenario, section by section.
#[component]
pub fn Controls(p: &ControlsProps) -> Html {
    let st = p.state.clone();
    html! {
        <ContextProvider<OpenAll> context={OpenAll(p.open)}>
            <DemandPanel state={st.clone()} />
            <MixPanel state={st.clone()} />
            <CostsPanel state={st.clone()} />
            <PlacesPanel state={st.clone()} />
            <MoneyPanel state={st.clone()} />
            <SavingsPanel state={st.clone()} />
            <AgreementPanel state={st} projection={p.projection.clone()} />
        </ContextProvider<OpenAll>>
    }
}

/// A collapsible section of controls.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// The heading.
    pub title: AttrValue,
    /// Open at first.
    #[prop_or_default]
    pub open: bool,
    /// Held open (it holds a field with a problem).
    #[prop_or_default]
    pub force: bool,
    /// One line on what it holds.
    #[prop_or_default]
    pub summary: Option<AttrValue>,
    /// The controls.
    pub children: Html,
    /// The element id.
    pub id: AttrValue,
    /// Glossary terms the section uses: (anchor, words).
    #[prop_or_default]
    pub terms: &'static [(&'static str, &'static str)],
}

/// A section of controls with a heading, drawn only while open.
#[component]
pub fn Section(p: &SectionProps) -> Html {
    let all = use_context::<OpenAll>().unwrap_or_default().0;
    html! {
        <Disclosure class="panel" id={p.id.clone()} open={p.open} force={p.force || all}
            summary_class="panel__summary" body_class="panel__body"
            summary={html! { <h2 class="panel__title">{ p.title.clone() }</h2> }}>
            if let Some(s) = &p.summary { <p class="hint">{ s.clone() }</p> }
            if !p.terms.is_empty() {
                <p class="hint terms">{ "What the words mean: " }
                    { for p.terms.iter().enumerate().map(|(i, (id, words))| html! { <>
                        if i > 0 { { ", " } }
                        <a href={format!("pages/glossary.html#{id}")}>{ *words }</a>
                    </> }) }
                </p>
            }
            { p.children.clone() }
        </Disclosure>
    }
}

/// Whether `state` has a message for a path `mine` accepts (so the section
/// holding that field is held open).
pub fn has_messages(state: &State, mine: impl Fn(&str) -> bool) -> bool {
    state.messages().iter().any(|m| mine(&m.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(dec!(139.9)), dec!(200));
        assert_eq!(nice_ceiling(dec!(8351)), dec!(10000));
        assert_eq!(nice_ceiling(dec!(21)), dec!(25));
        assert_eq!(nice_ceiling(dec!(0.3)), dec!(0.5));
        assert_eq!(nice_ceiling(dec!(0)), dec!(1));
    }
}
