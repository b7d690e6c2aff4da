//! # calc-core: Avfallskalkyl's calculation engine
//!
//! Computes what waste plan measures save in greenhouse gas (kg CO2e) and money (SEK),
//! per measure, municipality and year, with low–high ranges, rankings and the data for a
//! marginal abatement cost curve.
//!
//! The engine is a pure function of its inputs: [`evaluate`] takes a [`FactorTable`] and a
//! [`Scenario`] and returns an [`Evaluation`]. It holds no factor values of its own (the
//! `factors` crate ships the sourced defaults), does no I/O, reads no clock and never panics.
//! Every number is a [`Decimal`] inside a unit type; floats never appear.
//!
//! A one-measure model built in code, with the [`prelude`] and the constructors that fill
//! in what a model in code does not need (names, sources, notes); every field stays public
//! for the rest. The `factors` crate's `builtin()` has the sourced Swedish data instead.
//!
//! ```
//! use calc_core::prelude::*;
//! use std::sync::Arc;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dec = |v: i64| Decimal::from(v);
//! let (food, source) = (FractionId::from("food"), SourceId::from("demo"));
//! let mut table = FactorTable::new(FactorSetInfo::named("demo"));
//! // kg CO2e and SEK per tonne of food waste incinerated, and per tonne not produced.
//! let incineration = (KgCo2ePerTonne::new(dec(-50)), SekPerTonne::new(dec(900)));
//! table.insert_exact(&food, Route::Incineration, incineration, &source)?;
//! let prevention = (KgCo2ePerTonne::new(dec(-2000)), SekPerTonne::new(dec(-20000)));
//! table.insert_exact(&food, Route::Prevention, prevention, &source)?;
//! // One pool of food waste: 10 kg per inhabitant, all incinerated today.
//! let basis = QuantityBasis::PerInhabitant { kg: KgPerInhabitant::new(dec(10))? };
//! let pool = Pool::new("food", food, basis, RouteMix::single(Route::Incineration));
//! // A measure that prevents half of it, in a town of 1 000 inhabitants, in 2025.
//! let (half, prevent) = (Share::new(Decimal::new(5, 1))?, RouteMix::single(Route::Prevention));
//! let measure = Measure::new("less_food_waste", Arc::new(pool), prevent, half);
//! let town = Municipality::new("9999", "Demo", 1000);
//! let mut scenario = Scenario::new("demo", PlanPeriod::single(Year(2025)), Share::ZERO);
//! scenario.items.push(ScenarioItem::new(Arc::new(measure), Arc::new(town), Year(2025)));
//!
//! let result = evaluate(&table, &scenario)?;
//! // 1000 inhabitants × 10 kg = 10 t; half of it prevented = 5 t.
//! // Each tonne saves −50 − (−2000) = 1950 kg CO2e; the waste fee saves the 900 SEK gate
//! // fee, the households the 20 000 SEK of food they do not buy (the payers
//! // `Measure::new` assumes; every field of `Measure` is public to set others).
//! assert_eq!(result.total.co2e_saved_kg_per_year.central, KgCo2e::new(dec(9750)));
//! let by_payer = &result.total.net_sek_saved_per_year_by_payer;
//! assert_eq!(by_payer.waste_fee.central, Sek::new(dec(4500)));
//! assert_eq!(by_payer.households.central, Sek::new(dec(100000)));
//! assert_eq!(result.total.society_net_sek_saved_per_year.central, Sek::new(dec(104500)));
//! # Ok(())
//! # }
//! ```
//!
//! Every range has the same three parts, read through [`Range`] (in the prelude):
//! `low()`, `central()` and `high()` of an input's [`Estimate`], of a result's [`Band`]
//! (its fields `low`, `central`, `high`) and of a Monte Carlo [`Percentiles`] (the 5th
//! percentile, the median and the 95th percentile: `p5`, `p50`, `p95`).
//!
//! Types whose constructors validate (an ordered [`Estimate`], a [`PlanPeriod`], a
//! [`ScenarioItem`], a [`FactorTable`], a [`RouteMix`]) cannot be built past their
//! validation by deserializing: they do not implement `Deserialize`. Input comes through
//! the [`csvio`] readers, which validate and report line and column.
//!
//! ```compile_fail
//! let _: calc_core::Estimate<calc_core::Sek> =
//!     serde_json::from_str(r#"{"low":"5","central":"1","high":"0"}"#).unwrap();
//! ```
//! ```compile_fail
//! let _: calc_core::PlanPeriod = serde_json::from_str(r#"{"start":2030,"end":2025}"#).unwrap();
//! ```
//! ```compile_fail
//! let _: calc_core::ScenarioItem = serde_json::from_str("{}").unwrap();
//! ```
//! ```compile_fail
//! let _: calc_core::FactorTable = serde_json::from_str("{}").unwrap();
//! ```
//! A [`Share`] deserializes only through its validating constructor:
//! ```
//! let bad: Result<calc_core::Share, _> = serde_json::from_str("\"1.5\"");
//! assert!(bad.is_err());
//! ```
//!
//! With the `csv` feature (on by default, works on wasm32), [`csvio`] reads factor files,
//! catalogues and scenario files written by Excel in Swedish or English locale.

pub mod by_unit;
mod contributions;
mod decide;
#[doc(hidden)]
pub mod demo;
mod eval;
mod fixed;
pub mod format;
pub mod input;
mod model;
mod optimize;
pub mod prelude;
mod rank;
pub mod report;
mod scenario;
// The workspace's shared stable sort (one copy in the wasm), used by the app too; not
// part of the engine's API.
#[doc(hidden)]
pub mod sort;
pub mod targets;
pub mod units;

#[cfg(feature = "csv")]
pub mod csvio;

pub use by_unit::{
    OrgUnit, OrgUnitId, OrgUnits, UnitAssignment, UnitResult, UnitRole, by_unit, for_unit,
};
pub use contributions::{Contribution, ContributionKind, Contributions, contributions};
pub use decide::{
    Agreement, Disagreement, FactorKind, LinearModel, McFigure, McFigures, McMeasure, MonteCarlo,
    Percentiles, SavingOdds, Sensitivity, Swing, UsedEffect, UsedFactor, effect_id, monte_carlo,
    sensitivity,
};
#[doc(hidden)]
pub use decide::{PoolDraw, monte_carlo_pool_draws, monte_carlo_saturating};
#[doc(hidden)]
pub use eval::evaluate_oracle;
pub use eval::reachable_tonnes;
pub use eval::{
    Band, CalcError, Evaluation, GroupSummary, ItemResult, OwnFiguresUsed, PerInhabitantFigures,
    Summary, Warning, YearRow, YearTotal, evaluate, evaluate_totals, ramp,
};
pub use format::Lang;
pub use model::{
    ByPayer, Case, CostFactor, Effects, EmissionFactor, Estimate, FactorId, FactorRef,
    FactorSetInfo, FactorTable, Fraction, FractionId, GoalArea, LocalBaseline, Measure, MeasureId,
    MeasureKind, ModelError, Municipality, NominalCost, Payer, Perspective, Pool, PoolId,
    PriceIndex, PriceLevel, QuantityBasis, Range, Route, RouteMix, ScbCode, ScbMunicipality,
    Source, SourceId, SourceKind, Yield, cost_factor_id, emission_factor_id, measure_cost_id,
    stage, yield_id,
};
pub use optimize::{
    Budget, Candidate, Candidates, Choice, MAX_COMBINATIONS, MAX_STEPS, NextStep, Plan, candidates,
    optimize,
};
pub use rank::{MaccBar, RankBy, Ranked, macc, macc_for, rank, rank_for};
pub use report::ResultsJson;
pub use rust_decimal::Decimal;
pub use scenario::{
    FactorOverride, ItemOverrides, OverrideField, PlanPeriod, Scenario, ScenarioItem,
};
pub use targets::{
    Actual, BaseFrom, BaseValue, Baseline, GapPlan, Indicator, OwnFigure, OwnFigures, OwnQuantity,
    PerInhabitant, Progress, Status, Target, TargetReport, TargetValue, YearPoint, close_gap,
    full_ambition, path, per_inhabitant, progress,
};
pub use units::{
    CheckedMul, GramsPerPortion, KgCo2e, KgCo2ePerTonne, KgPerInhabitant, NegativeAmount, Sek,
    SekPerInhabitant, SekPerTonne, SekPerTonneCo2e, Share, ShareOutOfRange, Tonnes, TonnesCo2e,
    Year,
};

/// The README's example, compiled and run as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
