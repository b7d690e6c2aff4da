//! What a tool that calls the engine needs, in one import: `use calc_core::prelude::*;`.
//!
//! [`evaluate`] and its result ([`Evaluation`], [`Summary`], [`Band`]), [`Range`] (the
//! `low()`, `central()` and `high()` of a band, an [`Estimate`] and a Monte Carlo
//! `Percentiles` alike), the unit types and [`Decimal`] they wrap, and the domain types a
//! model built in code is made of (factors, a pool, a measure, a municipality, a
//! scenario). Planning tools (the optimizer, targets,
//! Monte Carlo, organisational units) and the CSV readers stay at their own paths
//! (`calc_core::optimize`, `calc_core::csvio`, …), so a glob import does not bring names
//! such as `Plan`, `Choice`, `Target` or `path` into scope.
//!
//! `Decimal` is `rust_decimal`'s, re-exported so a tool needs no `rust_decimal` dependency
//! of its own: write values as `Decimal::from(900)`, `Decimal::new(5, 1)` (0.5) or
//! `"0.5".parse::<Decimal>()`. (`rust_decimal`'s `dec!` macro is not re-exported: it
//! expands to a path into `rust_decimal` itself, so it works only for a crate that depends
//! on `rust_decimal` directly.)

pub use crate::eval::{Band, CalcError, Evaluation, ItemResult, Summary, evaluate};
pub use crate::model::{
    ByPayer, CostFactor, Effects, EmissionFactor, Estimate, FactorSetInfo, FactorTable, FractionId,
    Measure, MeasureId, MeasureKind, ModelError, Municipality, Payer, Perspective, Pool, PoolId,
    QuantityBasis, Range, Route, RouteMix, ScbCode, SourceId, cost_factor_id, emission_factor_id,
};
pub use crate::scenario::{PlanPeriod, Scenario, ScenarioItem};
pub use crate::units::{
    CheckedMul, GramsPerPortion, KgCo2e, KgCo2ePerTonne, KgPerInhabitant, Sek, SekPerInhabitant,
    SekPerTonne, SekPerTonneCo2e, Share, Tonnes, TonnesCo2e, Year,
};
pub use rust_decimal::Decimal;

// The glob import leaves the planning tools' names free:
/// ```compile_fail
/// use calc_core::prelude::*;
/// fn takes(_: Plan) {}
/// ```
#[cfg(doctest)]
pub struct PreludeLeavesOutPlan;

// Names another module already offers are not repeated at the crate root (issue 25):
/// ```compile_fail
/// use calc_core::format_number;
/// ```
/// ```compile_fail
/// use calc_core::Direction;
/// ```
/// ```
/// use calc_core::format::format_number;
/// use calc_core::targets::Direction;
/// ```
#[cfg(doctest)]
pub struct RootNamesOnce;
