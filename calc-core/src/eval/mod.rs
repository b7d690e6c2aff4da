//! The calculation: [`evaluate`] a [`Scenario`] against a [`FactorTable`].
//!
//! Per municipality and pool (one fraction from one kind of source) there is one stock of
//! tonnes per year, spread over routes as the pool's baseline says. The measures on a pool
//! act in waste-hierarchy order (prevention, then reuse, then sorting; ties by measure id),
//! each on what is still in the routes it acts on (see `docs/method.en.md`):
//!
//! ```text
//! R_r             = pool_t × baseline_r                 (before any measure)
//! share(m, y)     = effect(m) × reach(m) × ramp(m, y)   reach = min(1, quantity_m / Σ_{r∈acts_on} R_r)
//! out_r(m)        = share(m, y) × R_r,  R_r −= out_r     for r in acts_on(m), in order
//! moved(m)        = Σ_r out_r(m)
//! in_t(m)         = moved(m) × target_t × yield_t,  in_reject(t) += moved(m) × target_t × (1 − yield_t)
//! co2e_saved_kg   = Σ_r (out_r − in_r) × EF[f,r]
//! sek_saved[p]    = Σ_{r: payer(m,r) = p} (out_r − in_r) × CF[f,r] − measure costs paid by p
//! ```
//!
//! A moved tonne leaves the pool's stock, so no later measure moves it again, and the
//! measures' results add up to the pool's total. `ramp(y)` is 0 before the start year,
//! `(y − start + 1) / (full − start + 1)` up to the full-effect year and 1 from then on.
//! Results are linear in the emission and cost factors for given quantities, effects and
//! yields.

use crate::model::FactorTable;
use crate::scenario::Scenario;
use crate::units::KgCo2e;

mod engine;
pub use engine::reachable_tonnes;
mod factors;
mod flow;
mod item;
mod pool;
mod results;

pub(crate) use factors::{MeasureSpec, NR, PerRoute, RouteFactors, measure_specs};
use item::evaluate_item;
use pool::discount_factors;
pub use pool::ramp;
pub(crate) use pool::{
    EffectAt, Evaluated, ItemFlows, PoolGroup, Rows, has_effect_ranges, item_flows, pool_groups,
};
use results::sum_payers;
pub use results::{
    Band, CalcError, Evaluation, GroupSummary, ItemResult, OwnFiguresUsed, PerInhabitantFigures,
    Summary, Warning, YearRow, YearTotal,
};

fn group<K: PartialEq + Clone>(
    groups: &mut Vec<GroupSummary<K>>,
    key: &K,
    summary: &Summary,
) -> Result<(), CalcError> {
    match groups.iter_mut().find(|g| g.key == *key) {
        Some(g) => g
            .summary
            .add_parts(summary)
            .ok_or(CalcError::TotalOverflow)?,
        None => groups.push(GroupSummary {
            key: key.clone(),
            summary: summary.clone(),
        }),
    }
    Ok(())
}

fn finish_groups<K>(groups: &mut [GroupSummary<K>]) -> Result<(), CalcError> {
    for g in groups {
        g.summary.finish_sums().ok_or(CalcError::TotalOverflow)?;
    }
    Ok(())
}

/// The evaluation (in integers) with the specs and the central flows (as decimals) the
/// linear model starts from.
pub(crate) fn evaluate_full(
    table: &FactorTable,
    scenario: &Scenario,
) -> Result<Evaluated, CalcError> {
    engine::evaluated(table, scenario)
}

/// The decimal evaluation (the oracle): every year computed anew.
fn evaluate_decimal(
    table: &FactorTable,
    scenario: &Scenario,
    rows: Rows,
) -> Result<Evaluated, CalcError> {
    let period = scenario.period;
    let discount =
        discount_factors(&period, scenario.discount_rate).ok_or(CalcError::TotalOverflow)?;
    let specs = measure_specs(table, scenario)?;
    let (groups, warnings) = pool_groups(scenario, EffectAt::Central)?;
    let flows = item_flows(scenario, &groups, &discount, rows).ok_or(CalcError::TotalOverflow)?;
    // The same pools with every effect at its low and at its high end, for the bands.
    let ends = if has_effect_ranges(scenario) {
        let (low, _) = pool_groups(scenario, EffectAt::Low)?;
        let (high, _) = pool_groups(scenario, EffectAt::High)?;
        Some((
            item_flows(scenario, &low, &discount, rows).ok_or(CalcError::TotalOverflow)?,
            item_flows(scenario, &high, &discount, rows).ok_or(CalcError::TotalOverflow)?,
        ))
    } else {
        None
    };
    let n = scenario.items.len();
    let mut items = Vec::with_capacity(n);
    let mut reference = Vec::with_capacity(scenario.reference.len());
    for (k, ((item, spec), f)) in scenario.all_items().zip(&specs).zip(&flows).enumerate() {
        let item_ends = ends
            .as_ref()
            .and_then(|(l, h)| Some((l.get(k)?, h.get(k)?)));
        let result = evaluate_item(item, spec, f, item_ends, &period, &discount, rows)?;
        if k < n {
            items.push(result);
        } else {
            reference.push(result);
        }
    }
    let include = scenario.include_required_by_law;

    let mut by_measure = Vec::new();
    let mut by_municipality = Vec::new();
    let mut total = Summary::default();
    let mut required_by_law = Summary::default();
    let mut required_by_duty = Vec::new();
    for r in &reference {
        required_by_law
            .add_parts(&r.summary)
            .ok_or(CalcError::TotalOverflow)?;
        group(&mut required_by_duty, &r.measure, &r.summary)?;
    }
    finish_groups(&mut required_by_duty)?;
    if !reference.is_empty() {
        required_by_law
            .finish_sums()
            .ok_or(CalcError::TotalOverflow)?;
    }
    let mut by_year: Vec<YearTotal> = match rows {
        Rows::Yes => period
            .years()
            .map(|year| YearTotal {
                year,
                ..YearTotal::default()
            })
            .collect(),
        Rows::No => Vec::new(),
    };
    let counted = items.iter().chain(reference.iter().filter(|_| include));
    for item in counted {
        group(&mut by_measure, &item.measure, &item.summary)?;
        group(&mut by_municipality, &item.municipality, &item.summary)?;
        total
            .add_parts(&item.summary)
            .ok_or(CalcError::TotalOverflow)?;
        for (yt, row) in by_year.iter_mut().zip(&item.years) {
            yt.tonnes_shifted = yt
                .tonnes_shifted
                .checked_add(row.tonnes_shifted)
                .ok_or(CalcError::TotalOverflow)?;
            yt.co2e_saved_kg = yt
                .co2e_saved_kg
                .checked_add(row.co2e_saved_kg)
                .ok_or(CalcError::TotalOverflow)?;
            yt.net_sek_saved_by_payer = yt
                .net_sek_saved_by_payer
                .checked_add(&row.net_sek_saved_by_payer)
                .ok_or(CalcError::TotalOverflow)?;
        }
    }
    finish_groups(&mut by_measure)?;
    finish_groups(&mut by_municipality)?;
    if !items.is_empty() || (include && !reference.is_empty()) {
        total.finish_sums().ok_or(CalcError::TotalOverflow)?;
        for yt in &mut by_year {
            yt.society_net_sek_saved =
                sum_payers(&yt.net_sek_saved_by_payer).ok_or(CalcError::TotalOverflow)?;
        }
    }
    let mut running = Band::exact(KgCo2e::ZERO);
    for yt in &mut by_year {
        running = running
            .checked_add(yt.co2e_saved_kg)
            .ok_or(CalcError::TotalOverflow)?;
        yt.co2e_saved_kg_cumulative = running;
    }
    Ok(Evaluated {
        evaluation: Evaluation {
            factor_set: table.info().clone(),
            scenario: scenario.name.clone(),
            period,
            discount_rate: scenario.discount_rate,
            items,
            by_measure,
            by_municipality,
            by_year,
            total,
            case: scenario.case(),
            required_by_law_items: reference,
            required_by_law,
            required_by_law_by_duty: required_by_duty,
            includes_required_by_law: include,
            warnings,
        },
        specs,
        flows,
    })
}

/// Evaluates a scenario against a factor table.
///
/// Pure: no I/O, no clock, no randomness. Never panics; a missing factor or an overflow
/// is a [`CalcError`].
///
/// ```
/// use calc_core::{KgCo2e, Sek, demo, evaluate};
/// use rust_decimal_macros::dec;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// // 1 000 inhabitants × 10 kg of food waste = 10 t, all incinerated today. Prevention
/// // (first in the waste hierarchy) takes half: 5 t × (−50 − (−2 000)) kg = 9 750 kg;
/// // collection then sends 40 % of the 5 t left to digestion: 2 t × (−50 − (−100)) = 100 kg.
/// let e = evaluate(&demo::table()?, &demo::scenario()?)?;
/// assert_eq!(e.total.co2e_saved_kg_per_year.central, KgCo2e::new(dec!(9850)));
/// // The waste fee saves 7 t × 900 SEK of incineration and pays 2 t × 500 SEK of digestion.
/// let fee = e.total.net_sek_saved_per_year_by_payer.waste_fee.central;
/// assert_eq!(fee, Sek::new(dec!(5300)));
/// # Ok(())
/// # }
/// ```
pub fn evaluate(table: &FactorTable, scenario: &Scenario) -> Result<Evaluation, CalcError> {
    engine::evaluate(table, scenario, true)
}

/// [`evaluate`] without the year-by-year figures, for callers that show only the figures
/// over the plan period (a summary table, a CSV of summaries): every item's
/// [`ItemResult::years`] and the [`Evaluation::by_year`] totals are empty, and everything
/// else is the same decimals [`evaluate`] gives (`factors/tests/fast_path.rs`). A year's
/// values are not needed for the plan period's figures (those come from the summed and
/// discounted flows), so they are not computed: about half of the work.
///
/// ```
/// use calc_core::{demo, evaluate, evaluate_totals};
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let (table, scenario) = (demo::table()?, demo::scenario()?);
/// let totals = evaluate_totals(&table, &scenario)?;
/// assert!(totals.by_year.is_empty() && totals.items.iter().all(|i| i.years.is_empty()));
/// assert_eq!(totals.total, evaluate(&table, &scenario)?.total);
/// # Ok(())
/// # }
/// ```
pub fn evaluate_totals(table: &FactorTable, scenario: &Scenario) -> Result<Evaluation, CalcError> {
    engine::evaluate(table, scenario, false)
}

/// The decimal evaluation the integer one replaced (issue 24), computing every year anew:
/// kept for one release as the oracle `factors/tests/oracle.rs` holds [`evaluate`] to
/// (every figure within 10⁻⁶ of its unit). Not part of the API.
#[doc(hidden)]
pub fn evaluate_oracle(table: &FactorTable, scenario: &Scenario) -> Result<Evaluation, CalcError> {
    evaluate_decimal(table, scenario, Rows::Yes).map(|e| e.evaluation)
}
