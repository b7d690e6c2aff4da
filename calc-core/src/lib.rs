//! # calc-core: Avfallskalkyl's calculation engine
//!
//! Computes what waste plan measures save in greenhouse gas (kg CO2e) and money (SEK),
//! per measure, municipality and year, with low–high ranges, rankings and the data for a
//! marginal abatement cost curve.
//!
//! The engine is a pure function of its inputs: [`evaluate`] takes a [`FactorTable`] and a
//! [`Scenario`] and returns an [`Evaluation`]. It holds no factor values of its own (the
//! `factors` crate ships the sourced defaults), does no I/O, reads no clock and never panics.
//! Every number is a [`Decimal`] inside a unit type; floats never appear. The [`prelude`]
//! has what the example below needs.
//!
//! ```
//! use calc_core::prelude::*;
//! use std::sync::Arc;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dec = |v: i64| Decimal::from(v);
//! let food = FractionId::from("food");
//! let mut table = FactorTable::new(FactorSetInfo {
//!     id: "demo".into(), name: "Demo".into(), version: "1".into(), year: Some(Year(2025)),
//!     price_year: None,
//! });
//! for (route, ef, cf) in [
//!     (Route::Incineration, dec(-50), dec(900)),
//!     (Route::Prevention, dec(-2000), dec(-20000)),
//! ] {
//!     table.insert_emission(EmissionFactor {
//!         id: emission_factor_id(&food, route), fraction: food.clone(), route,
//!         value: Estimate::exact(KgCo2ePerTonne::new(ef)), gwp: "AR5".into(),
//!         displacement: None, source: SourceId::from("demo"), locator: String::new(),
//!         note: String::new(),
//!     })?;
//!     table.insert_cost(CostFactor {
//!         id: cost_factor_id(&food, route), fraction: food.clone(), route,
//!         value: Estimate::exact(SekPerTonne::new(cf)), price_year: Some(Year(2025)), nominal: None,
//!         source: SourceId::from("demo"), locator: String::new(), note: String::new(),
//!     })?;
//! }
//! // One pool of food waste: 10 kg per inhabitant, all incinerated today.
//! let pool = Arc::new(Pool {
//!     id: PoolId::from("food"), fraction: food.clone(),
//!     name_sv: "Matavfall".into(), name_en: "Food waste".into(),
//!     basis: QuantityBasis::PerInhabitant { kg: KgPerInhabitant::new(dec(10))? },
//!     baseline: RouteMix::single(Route::Incineration), local_baselines: vec![], sources: vec![],
//! });
//! let measure = Arc::new(Measure {
//!     id: MeasureId::from("less_food_waste"), area: "food".into(),
//!     name_sv: "Minska matsvinnet".into(), name_en: "Less food waste".into(),
//!     description_sv: String::new(), description_en: String::new(),
//!     fraction: food.clone(), pool, acts_on: vec![Route::Incineration], basis: None,
//!     target: RouteMix::single(Route::Prevention), stage: Route::Prevention,
//!     effects: Effects::point(Share::new(Decimal::new(5, 1))?), kind: MeasureKind::Plan, ramp_years: 0,
//!     implementation_cost: Estimate::exact(SekPerInhabitant::ZERO),
//!     running_cost: Estimate::exact(SekPerInhabitant::ZERO),
//!     cost_payer: Payer::WasteFee, savings_payer: Payer::Households, cost_source: None,
//!     sources: vec![],
//! });
//! let town = Arc::new(Municipality {
//!     code: ScbCode::from("9999"), name: "Demo".into(), population: 1000,
//!     population_date: "2024-12-31".into(), source: SourceId::from("demo"),
//! });
//! let period = PlanPeriod::new(Year(2025), Year(2025))?;
//! let mut scenario = Scenario::new("demo", period, Share::ZERO);
//! scenario.items.push(ScenarioItem::new(measure, town, Year(2025)));
//!
//! let result = evaluate(&table, &scenario)?;
//! // 1000 inhabitants × 10 kg = 10 t; half of it prevented = 5 t.
//! // Each tonne saves −50 − (−2000) = 1950 kg CO2e; the waste fee saves the 900 SEK gate
//! // fee, the households the 20 000 SEK of food they do not buy.
//! assert_eq!(result.total.co2e_saved_kg_per_year.central, KgCo2e::new(dec(9750)));
//! let by_payer = &result.total.net_sek_saved_per_year_by_payer;
//! assert_eq!(by_payer.waste_fee.central, Sek::new(dec(4500)));
//! assert_eq!(by_payer.households.central, Sek::new(dec(100000)));
//! assert_eq!(result.total.society_net_sek_saved_per_year.central, Sek::new(dec(104500)));
//! # Ok(())
//! # }
//! ```
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
mod model;
mod optimize;
pub mod prelude;
mod rank;
pub mod report;
mod scenario;
pub mod sort;
pub mod targets;
pub mod units;

#[cfg(feature = "csv")]
pub mod csvio;

pub use by_unit::{
    OrgUnit, OrgUnitId, OrgUnits, UnitAssignment, UnitMeasure, UnitResult, UnitRole, UnitTarget,
    by_unit, for_unit,
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
pub use eval::{
    Band, CalcError, Evaluation, GroupSummary, ItemResult, OwnFiguresUsed, PerInhabitantFigures,
    Summary, Warning, YearRow, YearTotal, evaluate, evaluate_totals, ramp,
};
pub use format::{Lang, NumberStyle, format_fixed, format_number, format_styled};
pub use model::{
    ByPayer, Case, CostFactor, Effects, EmissionFactor, Estimate, FactorId, FactorRef,
    FactorSetInfo, FactorTable, Fraction, FractionId, GoalArea, LocalBaseline, Measure, MeasureId,
    MeasureKind, ModelError, Municipality, NominalCost, Payer, Perspective, Pool, PoolId,
    PriceIndex, PriceLevel, QuantityBasis, Route, RouteMix, ScbCode, ScbMunicipality, Source,
    SourceId, SourceKind, Yield, cost_factor_id, emission_factor_id, measure_cost_id, stage,
    yield_id,
};
pub use optimize::{
    Budget, Candidate, Candidates, Choice, MAX_COMBINATIONS, MAX_STEPS, NextStep, Plan, candidates,
    optimize,
};
pub use rank::{MaccBar, RankBy, Ranked, macc, macc_for, rank, rank_for};
pub use report::{POOL_ORDER_NOTE, RESULTS_SCHEMA_VERSION, ResultsJson};
pub use rust_decimal::Decimal;
pub use scenario::{
    FactorOverride, ItemOverrides, OverrideField, PlanPeriod, Scenario, ScenarioItem,
};
pub use targets::{
    Actual, BaseFrom, BaseValue, Direction, GapChoice, GapPlan, Indicator, LEVEL_DECIMALS, NoBase,
    OwnFigure, OwnFigures, OwnQuantity, PerInhabitant, Progress, Status, Target,
    TargetContribution, TargetReport, TargetValue, YearPoint, close_gap, full_ambition, path,
    per_inhabitant, progress,
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
