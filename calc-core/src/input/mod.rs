//! The input layer: values as a person or a saved file gives them (ids as text, numbers as
//! decimals), each checked into a domain value by one constructor — the mirror of
//! [`crate::report`], which carries results out.
//!
//! Every check a value needs lives in its domain constructor ([`OwnFigure::new`],
//! [`Actual::new`], [`Target::new`], [`RouteMix::from_percent`]); a refusal names the
//! [`Field`] at fault and a [`ModelError`] whose message calc-core gives in Swedish and
//! English ([`ModelError::message`]). The CSV readers ([`crate::csvio`]) read a row's cells
//! into these inputs and place a refusal at the field's column; the app's forms place it at
//! the field; saved scenarios and share links deserialize the inputs (serde) and check them
//! the same way. So a rule is written once.
//!
//! ```
//! use calc_core::input::{ActualInput, Field};
//! use calc_core::{Lang, Municipality, ModelError};
//! use rust_decimal_macros::dec;
//! use std::sync::Arc;
//! let towns = [Arc::new(Municipality::new("1490", "Borås", 113_000))];
//! let typed = ActualInput {
//!     municipality: "Borås".into(),
//!     indicator: "food_waste_kg_per_inhabitant".into(),
//!     year: 2024,
//!     value: dec!(-3),
//!     source: String::new(),
//! };
//! let refused = typed.check(&towns).unwrap_err();
//! assert_eq!(refused, vec![(Field::Value, ModelError::Negative(dec!(-3)))]);
//! assert_eq!(refused[0].1.message(Lang::Sv), "-3 är negativt: det måste vara 0 eller mer");
//! ```
//!
//! [`OwnFigure::new`]: crate::OwnFigure::new
//! [`Actual::new`]: crate::Actual::new
//! [`Target::new`]: crate::Target::new
//! [`RouteMix::from_percent`]: crate::RouteMix::from_percent

mod actual;
mod own;
mod target;

pub use crate::model::lookup::{
    IdKind, MAX_SHOWN_CHARS, MAX_SUGGEST_CHARS, MAX_SUGGEST_IDS, shown, suggest,
};
pub use actual::ActualInput;
pub use own::OwnFigureInput;
pub use target::{BaseInput, TargetInput};

pub use crate::model::{Field, Refusals};
use crate::model::{ModelError, Municipality, Pool, Route, lookup};
use crate::targets::Indicator;
use std::sync::Arc;

/// A municipality by SCB code or name (ignoring case, å/ä/ö and spaces), or why not.
///
/// # Errors
/// [`ModelError::UnknownId`] with up to three names near the text.
pub fn municipality<'a>(
    municipalities: &'a [Arc<Municipality>],
    text: &str,
) -> Result<&'a Arc<Municipality>, ModelError> {
    let t = lookup::normalize(text);
    municipalities
        .iter()
        .find(|k| k.code.as_str() == text.trim() || lookup::normalize(&k.name) == t)
        .ok_or_else(|| ModelError::UnknownId {
            what: IdKind::Municipality,
            id: text.trim().to_string(),
            suggestions: lookup::suggest(
                text.trim(),
                municipalities.iter().map(|k| k.name.as_str()),
            ),
        })
}

/// A pool by id, or why not.
///
/// # Errors
/// [`ModelError::UnknownId`] with up to three ids near it.
pub fn pool<'a>(pools: &'a [Arc<Pool>], id: &str) -> Result<&'a Arc<Pool>, ModelError> {
    let t = id.trim();
    pools
        .iter()
        .find(|p| p.id.as_str() == t)
        .ok_or_else(|| ModelError::UnknownId {
            what: IdKind::Pool,
            id: t.to_string(),
            suggestions: lookup::suggest(t, pools.iter().map(|p| p.id.as_str())),
        })
}

/// A route by id, or why not.
///
/// # Errors
/// [`ModelError::UnknownId`] with up to three ids near it.
pub fn route(id: &str) -> Result<Route, ModelError> {
    Route::from_id(id).ok_or_else(|| ModelError::UnknownId {
        what: IdKind::Route,
        id: id.trim().to_string(),
        suggestions: lookup::suggest(id.trim(), Route::ALL.iter().map(|r| r.id())),
    })
}

/// An indicator by id, or why not.
///
/// # Errors
/// [`ModelError::UnknownId`] with up to three ids near it.
pub fn indicator(id: &str) -> Result<Indicator, ModelError> {
    let t = id.trim();
    Indicator::from_id(t).ok_or_else(|| ModelError::UnknownId {
        what: IdKind::Indicator,
        id: t.to_string(),
        suggestions: lookup::suggest(t, Indicator::ALL.iter().map(|i| i.id())),
    })
}

#[cfg(test)]
mod tests;
