//! What a number field on a panel shows and edits: a [`Spec`] names the
//! field, its words and its range, and draws a
//! [`NumberField`](crate::app::field::NumberField) with the field's typed
//! text, messages and source, turning what is done to it into an action.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use yew::prelude::*;

use crate::app::context::Dispatch;
use crate::app::field::{FieldInput, NumberField, field_id};
use crate::app::state::{Action, FieldState};
use crate::app::units::Unit;
use crate::model::field::{Field, Mix};
use crate::model::setting::Setting;

/// What a number field shows and edits.
pub struct Spec<'a> {
    /// The figure.
    pub field: Field,
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
    pub fn new(field: Field, label: impl Into<String>, unit: Unit, value: Decimal) -> Self {
        let range = default_range(unit, value);
        Spec {
            field,
            label: label.into(),
            hint: None,
            unit,
            value,
            range,
            words: "",
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

    /// The field, with its typed text, messages and source from `fields`,
    /// and `children` after its number box.
    pub fn render(self, fields: &FieldState, dispatch: &Dispatch, children: Html) -> Html {
        let (min, max, step) = self.range;
        let Spec {
            field,
            unit,
            optional,
            ..
        } = self;
        let on_input = {
            let dispatch = dispatch.clone();
            let label = self.label.clone();
            Callback::from(move |input: FieldInput| {
                dispatch.dispatch(action(field, unit, optional, &label, input));
            })
        };
        html! {
            <NumberField
                id={field_id(field)}
                label={self.label}
                hint={self.hint.map(|h| AttrValue::from(h.to_string()))}
                unit={unit}
                value={self.value}
                {min} {max} {step}
                words={AttrValue::from(self.words.to_string())}
                typed={fields.typed(field).map(|t| AttrValue::from(t.to_string())).or_else(|| self.empty.then(|| AttrValue::from("")))}
                errors={fields.messages(field)}
                source={fields.source(field).cloned()}
                compact={self.compact}
                slider={self.slider}
                {on_input}
            >
                { children }
            </NumberField>
        }
    }

    /// The field with nothing after its number box.
    pub fn show(self, fields: &FieldState, dispatch: &Dispatch) -> Html {
        self.render(fields, dispatch, Html::default())
    }
}

/// The action for what was done to `field`: a share moves the others with
/// it; an optional figure typed empty is removed.
fn action(field: Field, unit: Unit, optional: bool, label: &str, input: FieldInput) -> Action {
    match (field, input) {
        (Field::Share(mix, setting), FieldInput::Slid(v)) => Action::Share {
            mix,
            setting,
            value: Ok(v),
            text: None,
        },
        (Field::Share(mix, setting), FieldInput::Typed(text)) => Action::Share {
            mix,
            setting,
            value: read_share(&text, setting, mix),
            text: Some(text),
        },
        (_, FieldInput::Slid(value)) => Action::Slide { field, value },
        (_, FieldInput::Typed(text)) if optional => Action::TypeOptional {
            field,
            text,
            unit,
            label: label.to_string(),
        },
        (_, FieldInput::Typed(text)) => Action::Type {
            field,
            text,
            unit,
            label: label.to_string(),
        },
    }
}

/// A share typed as a percentage, read.
pub fn read_share(text: &str, setting: Setting, mix: Mix) -> Result<Decimal, String> {
    Unit::Percent.parse(
        text,
        &format!("{} share {}", setting.label(), mix.when()),
        Field::Share(mix, setting).bounds().as_ref(),
    )
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
