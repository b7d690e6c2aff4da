//! Domain types: fractions, routes, sources, factors, measures, municipalities.
//!
//! Constructors validate and return [`ModelError`]; once built, a value is valid.

mod error;
mod factors;
mod field;
mod ids;
pub(crate) mod lookup;
mod measure;
mod payer;
mod price;
mod route;

pub use error::ModelError;
pub(crate) use error::percent_text;
pub use factors::{
    CostFactor, EmissionFactor, Estimate, FactorRef, FactorSetInfo, FactorTable, NominalCost,
    Range, Source, SourceKind, Yield, cost_factor_id, emission_factor_id, measure_cost_id,
    yield_id,
};
pub use field::{Field, Refusals};
pub use ids::{FactorId, FractionId, MeasureId, PoolId, ScbCode, SourceId};
pub(crate) use lookup::IdKind;
pub use measure::{
    Case, Effects, Fraction, GoalArea, LocalBaseline, Measure, MeasureKind, Municipality, Pool,
    QuantityBasis, ScbMunicipality, stage,
};
pub use payer::{ByPayer, Payer, Perspective};
pub use price::{PriceIndex, PriceLevel};
pub use route::{Route, RouteMix};
