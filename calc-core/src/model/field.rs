//! [`Field`]: where a refusal of an input belongs.

use super::{ModelError, Route};

/// A field of an input, where a refusal belongs (a form shows it next to the field, a
/// reader at the field's column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Field {
    /// An id.
    Id,
    /// A municipality (SCB code or name).
    Municipality,
    /// A pool.
    Pool,
    /// The pools a target counts.
    Pools,
    /// An indicator.
    Indicator,
    /// A year (an own figure's or an actual's).
    Year,
    /// A quantity (tonnes, kg per inhabitant or grams per portion).
    Quantity,
    /// One route's share.
    Route(Route),
    /// The route shares together (their sum).
    Routes,
    /// An observed value.
    Value,
    /// A target's base year.
    BaseYear,
    /// A target's target value or change in percent.
    TargetValue,
    /// A target's target year.
    TargetYear,
    /// A source.
    Source,
}

/// The refusals of one input: each field at fault with why.
pub type Refusals = Vec<(Field, ModelError)>;
