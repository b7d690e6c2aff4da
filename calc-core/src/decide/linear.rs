//! [`LinearModel`]: the scenario's results as coefficients of each factor.

use super::{FactorKind, UsedEffect, UsedFactor};
use crate::FactorTable;
use crate::eval::{
    CalcError, Evaluated, Evaluation, ItemFlows, MeasureSpec, NR, PoolGroup, RouteFactors, Rows,
    evaluate_full, item_flows, pool_groups,
};
use crate::model::{ByPayer, Estimate, FactorId, MeasureId, Payer, PoolId, SourceId};
use crate::scenario::Scenario;
use crate::units::Share;
use rust_decimal::Decimal;

/// A yield term: `y × tonnes × (factor[reject] − factor[route])`, split into CO2e and the
/// payers of the two routes' cost factors.
#[derive(Clone, Debug)]
pub(crate) struct YieldTerm {
    pub(crate) y: usize,
    pub(crate) tonnes: Decimal,
    pub(crate) ef_route: usize,
    pub(crate) ef_reject: usize,
    pub(crate) cf_route: usize,
    pub(crate) cf_reject: usize,
    pub(crate) payer_route: Payer,
    pub(crate) payer_reject: Payer,
}

/// Per measure: coefficients of each factor in its cumulative CO2e and net SEK.
#[derive(Clone, Debug)]
pub(crate) struct MeasureTerms {
    pub(crate) id: MeasureId,
    /// (emission factor index, tonnes), with every yield at 0 (all sorted tonnes rejected).
    pub(crate) co2e: Vec<(usize, Decimal)>,
    /// (cost factor index, payer, tonnes), likewise.
    pub(crate) sek: Vec<(usize, Payer, Decimal)>,
    /// Terms that move with a yield.
    pub(crate) yields: Vec<YieldTerm>,
    /// (measure cost factor index, payer, −inhabitant-years): costs drawn per inhabitant.
    pub(crate) costs: Vec<(usize, Payer, Decimal)>,
    /// Costs the scenario fixes in SEK (overrides), per payer, over the plan period.
    pub(crate) fixed_costs: ByPayer<Decimal>,
}

/// The scenario in linear form: results = Σ factor value × coefficient (+ yield × factor
/// terms − costs).
#[derive(Clone, Debug)]
pub struct LinearModel {
    pub(crate) factors: Vec<UsedFactor>,
    pub(crate) measures: Vec<MeasureTerms>,
    pub(crate) central: Evaluation,
    /// Each pool in the scenario with the source of its quantity.
    pub(crate) pools: Vec<(PoolId, Option<SourceId>)>,
    pub(crate) groups: Vec<PoolGroup>,
    pub(crate) specs: Vec<std::sync::Arc<MeasureSpec>>,
    /// For each scenario item: its measure's index in `measures`.
    pub(crate) item_measure: Vec<usize>,
    /// For each scenario item: one-time and yearly cost at central values, and its payer.
    pub(crate) item_costs: Vec<(Decimal, Decimal, Payer)>,
    /// The scenario, for running its pools again with other effects.
    pub(crate) scenario: Scenario,
    /// For each scenario item: its effect's low, central and high.
    pub(crate) item_effects: Vec<Estimate<Decimal>>,
    /// For each scenario item: the share of the tonnes in its routes it reaches (its share
    /// in the pool at effect 1), so its share at effect `e` is `e × reach`.
    pub(crate) reach: Vec<Decimal>,
    /// The measures whose effect has a range.
    pub(crate) effects: Vec<UsedEffect>,
}

/// The distinct factors in order of first use, with an index by id.
struct FactorIndex<'a> {
    factors: &'a mut Vec<UsedFactor>,
    by_id: std::collections::HashMap<FactorId, usize>,
}

impl<'a> FactorIndex<'a> {
    fn new(factors: &'a mut Vec<UsedFactor>) -> Self {
        let by_id = factors
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        Self { factors, by_id }
    }

    fn get(&mut self, id: &FactorId, kind: FactorKind, value: Estimate<Decimal>) -> usize {
        if let Some(i) = self.by_id.get(id) {
            return *i;
        }
        self.factors.push(UsedFactor {
            id: id.clone(),
            kind,
            value,
        });
        let i = self.factors.len() - 1;
        self.by_id.insert(id.clone(), i);
        i
    }
}

fn add_coeff<K: PartialEq + Copy>(v: &mut Vec<(K, Decimal)>, k: K, c: Decimal) -> Option<()> {
    if c.is_zero() {
        return Some(());
    }
    match v.iter_mut().find(|(i, _)| *i == k) {
        Some((_, x)) => *x = x.checked_add(c)?,
        None => v.push((k, c)),
    }
    Some(())
}

fn route_factor_indices(factors: &mut FactorIndex<'_>, f: &RouteFactors) -> (usize, usize) {
    let e = factors.get(
        &f.ef_id,
        FactorKind::Emission,
        decimal_estimate(
            f.ef.low().value(),
            f.ef.central().value(),
            f.ef.high().value(),
        ),
    );
    let c = factors.get(
        &f.cf_id,
        FactorKind::Cost,
        decimal_estimate(
            f.cf.low().value(),
            f.cf.central().value(),
            f.cf.high().value(),
        ),
    );
    (e, c)
}

/// The terms of the scenario's items (all, or those `keep` marks) from their flows: per
/// measure, in order of first appearance, and each item's measure index.
pub(crate) fn collect_terms(
    scenario: &Scenario,
    specs: &[std::sync::Arc<MeasureSpec>],
    flows: &[ItemFlows],
    factors: &mut Vec<UsedFactor>,
    keep: Option<&[bool]>,
) -> Result<(Vec<MeasureTerms>, Vec<usize>), CalcError> {
    let mut factors = FactorIndex::new(factors);
    let mut measures: Vec<MeasureTerms> = Vec::new();
    let mut item_measure = Vec::with_capacity(scenario.items.len());
    for (k, ((item, spec), flow)) in scenario.items.iter().zip(specs).zip(flows).enumerate() {
        if keep.is_some_and(|keep| !keep.get(k).copied().unwrap_or(false)) {
            item_measure.push(usize::MAX);
            continue;
        }
        let overflow = || CalcError::Overflow {
            measure: item.measure().id.clone(),
            municipality: item.municipality().code.clone(),
        };
        let m = match measures.iter().position(|m| m.id == item.measure().id) {
            Some(i) => i,
            None => {
                measures.push(MeasureTerms {
                    id: item.measure().id.clone(),
                    co2e: Vec::new(),
                    sek: Vec::new(),
                    yields: Vec::new(),
                    costs: Vec::new(),
                    fixed_costs: ByPayer::default(),
                });
                measures.len() - 1
            }
        };
        item_measure.push(m);
        let zeros: Vec<Decimal> = spec.yields.iter().map(|_| Decimal::ZERO).collect();
        let w = flow.cumulative.weights(spec, &zeros).ok_or_else(overflow)?;
        let mut idx: [Option<(usize, usize)>; NR] = Default::default();
        for (slot, f) in idx.iter_mut().zip(&spec.factors) {
            if let Some(f) = f {
                *slot = Some(route_factor_indices(&mut factors, f));
            }
        }
        let mut yields = Vec::new();
        for y in &spec.yields {
            let yi = factors.get(
                &y.id,
                FactorKind::Yield,
                decimal_estimate(
                    y.value.low().value(),
                    y.value.central().value(),
                    y.value.high().value(),
                ),
            );
            let share = spec
                .target
                .iter()
                .find(|(r, _)| *r == y.route)
                .map_or(Decimal::ZERO, |(_, s)| *s);
            let tonnes = flow
                .cumulative
                .moved
                .checked_mul(share)
                .ok_or_else(overflow)?;
            let (Some((ef_route, cf_route)), Some((ef_reject, cf_reject))) = (
                idx.get(y.route.index()).copied().flatten(),
                idx.get(y.reject.index()).copied().flatten(),
            ) else {
                continue;
            };
            yields.push(YieldTerm {
                y: yi,
                tonnes,
                ef_route,
                ef_reject,
                cf_route,
                cf_reject,
                payer_route: spec
                    .payers
                    .get(y.route.index())
                    .copied()
                    .unwrap_or(Payer::WasteFee),
                payer_reject: spec
                    .payers
                    .get(y.reject.index())
                    .copied()
                    .unwrap_or(Payer::WasteFee),
            });
        }
        // Measure costs: drawn per inhabitant, or fixed where the scenario overrides them.
        let period = scenario.period;
        let active = Decimal::from(period.years().filter(|y| *y >= item.start_year()).count());
        let starts = if period.years().any(|y| y == item.start_year()) {
            Decimal::ONE
        } else {
            Decimal::ZERO
        };
        let pop = Decimal::from(item.municipality().population);
        let measure = item.measure();
        let mut cost_terms = Vec::new();
        let mut fixed = ByPayer::<Decimal>::default();
        for (kind, per_inh, over, count) in [
            (
                "implementation",
                &measure.implementation_cost,
                item.implementation_cost_override(),
                starts,
            ),
            (
                "running",
                &measure.running_cost,
                item.running_cost_override(),
                active,
            ),
        ] {
            if count.is_zero() {
                continue;
            }
            // A cost the scenario fixes in SEK, or a per-inhabitant cost without a
            // range, is a constant; only a range is drawn.
            let fixed_value = match over {
                Some(c) => Some(c.value()),
                None if per_inh.low() == per_inh.high() => Some(
                    per_inh
                        .central()
                        .value()
                        .checked_mul(pop)
                        .ok_or_else(overflow)?,
                ),
                None => None,
            };
            match fixed_value {
                Some(c) => {
                    let slot = fixed.get_mut(spec.cost_payer);
                    *slot = slot
                        .checked_add(c.checked_mul(count).ok_or_else(overflow)?)
                        .ok_or_else(overflow)?;
                }
                None => {
                    let id = crate::model::measure_cost_id(&measure.id, kind);
                    let fi = factors.get(
                        &id,
                        FactorKind::MeasureCost,
                        decimal_estimate(
                            per_inh.low().value(),
                            per_inh.central().value(),
                            per_inh.high().value(),
                        ),
                    );
                    let c = pop.checked_mul(count).ok_or_else(overflow)?;
                    cost_terms.push((fi, spec.cost_payer, -c));
                }
            }
        }
        let Some(entry) = measures.get_mut(m) else {
            continue;
        };
        for (wr, (ix, payer)) in w.iter().zip(idx.iter().zip(&spec.payers)) {
            let Some((e, c)) = ix else { continue };
            add_coeff(&mut entry.co2e, *e, *wr).ok_or_else(overflow)?;
            match entry.sek.iter_mut().find(|(i, p, _)| i == c && p == payer) {
                Some((_, _, x)) => *x = x.checked_add(*wr).ok_or_else(overflow)?,
                None => {
                    if !wr.is_zero() {
                        entry.sek.push((*c, *payer, *wr));
                    }
                }
            }
        }
        entry.yields.extend(yields);
        for (fi, payer, c) in cost_terms {
            match entry
                .costs
                .iter_mut()
                .find(|(i, p, _)| *i == fi && *p == payer)
            {
                Some((_, _, x)) => *x = x.checked_add(c).ok_or_else(overflow)?,
                None => entry.costs.push((fi, payer, c)),
            }
        }
        entry.fixed_costs = entry
            .fixed_costs
            .try_zip(&fixed, |a, b| a.checked_add(*b))
            .ok_or_else(overflow)?;
    }
    Ok((measures, item_measure))
}

impl LinearModel {
    /// Builds the model: evaluates the scenario once (for the tonnes moved, which depend
    /// on effects and the pools but not on factors) and collects each distinct factor's
    /// coefficient per measure, and each measure's effect range.
    pub fn new(table: &FactorTable, scenario: &Scenario) -> Result<Self, CalcError> {
        let Evaluated {
            evaluation: central,
            specs,
            flows,
        } = evaluate_full(table, scenario)?;
        let (groups, _) = pool_groups(scenario, crate::eval::EffectAt::Central)?;
        let mut factors: Vec<UsedFactor> = Vec::new();
        let (measures, item_measure) = collect_terms(scenario, &specs, &flows, &mut factors, None)?;
        let item_costs = scenario
            .items
            .iter()
            .zip(&central.items)
            .zip(&specs)
            .map(|((_, result), spec)| {
                (
                    result.summary.implementation_cost_sek.central.value(),
                    result.summary.running_cost_sek_per_year.central.value(),
                    spec.cost_payer,
                )
            })
            .collect();
        let mut pools: Vec<(PoolId, Option<SourceId>)> = Vec::new();
        for item in &scenario.items {
            let p = &item.measure().pool;
            if !pools.iter().any(|(id, _)| id == &p.id) {
                pools.push((p.id.clone(), p.sources.first().cloned()));
            }
        }
        // Each item's reach: its share at effect 1 in the pools' own computation.
        let mut unit = scenario.clone();
        for item in &mut unit.items {
            *item = item.clone().with_effect(Share::ONE);
        }
        let (unit_groups, _) = pool_groups(&unit, crate::eval::EffectAt::Central)?;
        let mut reach = vec![Decimal::ZERO; scenario.items.len()];
        for p in unit_groups.iter().flat_map(|g| &g.members) {
            if let Some(slot) = reach.get_mut(p.item) {
                *slot = p.share;
            }
        }
        let item_effects: Vec<Estimate<Decimal>> = scenario
            .items
            .iter()
            .map(|item| {
                let r = item.effect_range();
                decimal_estimate(r.low().value(), r.central().value(), r.high().value())
            })
            .collect();
        let mut effects: Vec<UsedEffect> = Vec::new();
        for ((item, r), m) in scenario.items.iter().zip(&item_effects).zip(&item_measure) {
            if r.low() == r.high() || effects.iter().any(|e| e.measure_index == *m) {
                continue;
            }
            effects.push(UsedEffect {
                id: crate::decide::effect_id(&item.measure().id),
                measure: item.measure().id.clone(),
                measure_index: *m,
                value: *r,
            });
        }
        Ok(Self {
            factors,
            measures,
            central,
            pools,
            groups,
            specs,
            item_measure,
            item_costs,
            scenario: scenario.clone(),
            item_effects,
            reach,
            effects,
        })
    }

    /// The measures whose effect has a range (low < high) in some item, each with the range
    /// of its first such item: the effects the Monte Carlo draws and the tornado moves.
    #[must_use]
    pub fn effects(&self) -> &[UsedEffect] {
        &self.effects
    }

    /// The distinct factors the scenario uses.
    #[must_use]
    pub fn factors(&self) -> &[UsedFactor] {
        &self.factors
    }

    /// The central evaluation the model was built from.
    #[must_use]
    pub fn evaluation(&self) -> &Evaluation {
        &self.central
    }

    /// The measures, in order of first appearance.
    pub(crate) fn measure_ids(&self) -> impl Iterator<Item = &MeasureId> {
        self.measures.iter().map(|m| &m.id)
    }

    /// Exact cumulative CO2e and net SEK per payer at central factors with every item of
    /// measure `m` (an index into the measures) at the effect `pick` takes from its range,
    /// all other effects central: the pools of that measure are run again (each measure
    /// acting in order on what is left), and the difference their items make is added to
    /// the central totals `base`.
    pub(super) fn totals_with_effect(
        &self,
        m: usize,
        pick: impl Fn(&Estimate<Decimal>) -> Decimal,
        base: &(Decimal, ByPayer<Decimal>),
    ) -> Option<(Decimal, ByPayer<Decimal>)> {
        let mut keep = vec![false; self.scenario.items.len()];
        let mut old = Vec::new();
        let mut new = Vec::new();
        for g in &self.groups {
            if !g
                .members
                .iter()
                .any(|p| self.item_measure.get(p.item) == Some(&m))
            {
                continue;
            }
            let mut moved = g.clone();
            for p in &mut moved.members {
                // A legal duty of the reference path (past the plan's items) keeps its share.
                let Some(k) = keep.get_mut(p.item) else {
                    continue;
                };
                *k = true;
                if self.item_measure.get(p.item) == Some(&m) {
                    let e = pick(self.item_effects.get(p.item)?);
                    p.share = e.checked_mul(*self.reach.get(p.item)?)?;
                }
            }
            old.push(g.clone());
            new.push(moved);
        }
        let ones = vec![Decimal::ONE; self.scenario.period.len()];
        let terms = |groups: &[PoolGroup]| -> Option<(Vec<MeasureTerms>, Vec<Decimal>)> {
            let flows = item_flows(&self.scenario, groups, &ones, Rows::No)?;
            let mut factors = self.factors.clone();
            let (t, _) = collect_terms(
                &self.scenario,
                &self.specs,
                &flows,
                &mut factors,
                Some(&keep),
            )
            .ok()?;
            Some((t, factors.iter().map(|f| f.value.central()).collect()))
        };
        let (old_terms, v_old) = terms(&old)?;
        let (new_terms, v_new) = terms(&new)?;
        let (c_old, s_old) = totals_of(&old_terms, &v_old)?;
        let (c_new, s_new) = totals_of(&new_terms, &v_new)?;
        let co2e = base.0.checked_add(c_new)?.checked_sub(c_old)?;
        let sek = base
            .1
            .try_zip(&s_new, |a, b| a.checked_add(*b))?
            .try_zip(&s_old, |a, b| a.checked_sub(*b))?;
        Some((co2e, sek))
    }

    /// Exact cumulative CO2e and net SEK per payer of the whole scenario at the given
    /// factor values (one per [`LinearModel::factors`]).
    pub(super) fn totals_at(&self, v: &[Decimal]) -> Option<(Decimal, ByPayer<Decimal>)> {
        totals_of(&self.measures, v)
    }
}

/// Exact cumulative CO2e and net SEK per payer of `measures`' terms at the given factor
/// values.
pub(super) fn totals_of(
    measures: &[MeasureTerms],
    v: &[Decimal],
) -> Option<(Decimal, ByPayer<Decimal>)> {
    let mut co2e = Decimal::ZERO;
    let mut sek = ByPayer::<Decimal>::default();
    let val = |i: usize| v.get(i).copied();
    for m in measures {
        for (i, c) in &m.co2e {
            co2e = co2e.checked_add(val(*i)?.checked_mul(*c)?)?;
        }
        for (i, p, c) in &m.sek {
            let s = sek.get_mut(*p);
            *s = s.checked_add(val(*i)?.checked_mul(*c)?)?;
        }
        for t in &m.yields {
            let yt = val(t.y)?.checked_mul(t.tonnes)?;
            co2e = co2e
                .checked_add(yt.checked_mul(val(t.ef_reject)?.checked_sub(val(t.ef_route)?)?)?)?;
            let s = sek.get_mut(t.payer_reject);
            *s = s.checked_add(yt.checked_mul(val(t.cf_reject)?)?)?;
            let s = sek.get_mut(t.payer_route);
            *s = s.checked_sub(yt.checked_mul(val(t.cf_route)?)?)?;
        }
        for (i, p, c) in &m.costs {
            let s = sek.get_mut(*p);
            *s = s.checked_add(val(*i)?.checked_mul(*c)?)?;
        }
        for p in Payer::ALL {
            let s = sek.get_mut(p);
            *s = s.checked_sub(*m.fixed_costs.get(p))?;
        }
    }
    Some((co2e, sek))
}

/// Copies an already validated estimate's values (they are ordered, so `new` succeeds).
fn decimal_estimate(low: Decimal, central: Decimal, high: Decimal) -> Estimate<Decimal> {
    Estimate::new(low, central, high).unwrap_or(Estimate::exact(central))
}
