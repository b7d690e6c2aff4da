//! Pools: the stock of tonnes per municipality and pool, and the measures acting on it in
//! waste-hierarchy order, per year and at full effect.

use super::factors::{MeasureSpec, NR, PerRoute};
use super::flow::Flow;
use super::results::{CalcError, Evaluation, Warning};
use crate::model::{PoolId, ScbCode};
use crate::scenario::{PlanPeriod, Scenario, ScenarioItem};
use crate::units::{Share, Tonnes, Year};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Share of full effect in `year`: 0 before `start`, linear up to `full`, 1 from `full` on.
#[must_use]
pub fn ramp(year: Year, start: Year, full: Year) -> Decimal {
    if year < start {
        Decimal::ZERO
    } else if year >= full {
        Decimal::ONE
    } else {
        let done = Decimal::from(year.get() - start.get() + 1);
        let steps = Decimal::from(full.get() - start.get() + 1);
        done.checked_div(steps).unwrap_or(Decimal::ONE)
    }
}

/// Discount multipliers `1 / (1 + r)^(y − start)` for each year of the period: one
/// division per year per evaluation, then multiplications.
pub(super) fn discount_factors(period: &PlanPeriod, rate: Share) -> Option<Vec<Decimal>> {
    let step = Decimal::ONE.checked_add(rate.value())?;
    let mut d = Decimal::ONE;
    let mut out = Vec::with_capacity(period.len());
    for _ in period.years() {
        out.push(Decimal::ONE.checked_div(d)?);
        d = d.checked_mul(step)?;
    }
    Some(out)
}

/// One scenario item placed in its pool.
#[derive(Clone, Debug)]
pub(crate) struct Placed {
    /// Index into the scenario's items.
    pub(crate) item: usize,
    /// Which acts_on routes (by index).
    pub(crate) acts_on: [bool; NR],
    /// effect × reach: the share of what is in its routes it moves at full effect.
    pub(crate) share: Decimal,
    /// Place in the pool's order (1-based).
    pub(crate) order: u32,
    pub(crate) pool_tonnes: Tonnes,
    pub(crate) reachable: Tonnes,
}

/// The measures of one pool in one municipality, in the order they act.
#[derive(Clone, Debug)]
pub(crate) struct PoolGroup {
    /// Tonnes per route before any measure.
    pub(crate) initial: PerRoute,
    pub(crate) members: Vec<Placed>,
}

impl PoolGroup {
    /// Runs the measures in order; `scale(i)` multiplies member `i`'s share (its ramp this
    /// year, or an optimizer level). Returns each member's flow.
    pub(crate) fn run(&self, mut scale: impl FnMut(usize) -> Decimal) -> Option<Vec<Flow>> {
        let mut stock = self.initial;
        let mut out = Vec::with_capacity(self.members.len());
        for (i, m) in self.members.iter().enumerate() {
            let k = m.share.checked_mul(scale(i))?;
            let mut flow = Flow::default();
            if !k.is_zero() {
                for ((s, o), on) in stock.iter_mut().zip(flow.out.iter_mut()).zip(&m.acts_on) {
                    if *on && !s.is_zero() {
                        let moved = s.checked_mul(k)?;
                        *s = s.checked_sub(moved)?;
                        *o = moved;
                        flow.moved = flow.moved.checked_add(moved)?;
                    }
                }
            }
            out.push(flow);
        }
        Some(out)
    }
}

/// Which end of each item's effect range a pool run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EffectAt {
    Low,
    Central,
    High,
}

impl EffectAt {
    fn of(self, item: &ScenarioItem) -> Share {
        let r = item.effect_range();
        match self {
            EffectAt::Low => r.low(),
            EffectAt::Central => item.effect(),
            EffectAt::High => r.high(),
        }
    }
}

/// Whether any item's effect has a range (so the low and high runs differ from the central).
pub(crate) fn has_effect_ranges(scenario: &Scenario) -> bool {
    scenario.all_items().any(|i| {
        let r = i.effect_range();
        r.low() != r.high()
    })
}

/// Groups a scenario's items (the plan's and the reference path's, by
/// [`Scenario::item_at`]'s index) by municipality and pool, ordered within each pool by
/// waste-hierarchy stage, at each stage the legal duties first (the reference path happens
/// whatever the plan does, so a plan measure at the same step is credited with what it
/// adds beyond the law; prevention still acts before a collection duty, on all of the
/// waste), then measure id, then scenario order. Each member's share is its
/// effect at `at` times its reach.
/// The scenario's items (by [`Scenario::item_at`]'s index) grouped by municipality and
/// pool, each group in the order its members act: waste-hierarchy stage, at each stage the
/// legal duties first, then measure id, then scenario order.
pub(crate) fn pool_members(scenario: &Scenario) -> Vec<Vec<usize>> {
    let mut keys: Vec<(ScbCode, PoolId, Vec<usize>)> = Vec::new();
    for (i, item) in scenario.all_items().enumerate() {
        let code = &item.municipality().code;
        let pool = &item.measure().pool.id;
        match keys.iter_mut().find(|(c, p, _)| c == code && p == pool) {
            Some((_, _, v)) => v.push(i),
            None => keys.push((code.clone(), pool.clone(), vec![i])),
        }
    }
    keys.into_iter()
        .map(|(_, _, members)| {
            // Each member's key once (its stage is worked out from its target mix).
            let mut keyed: Vec<_> = members
                .into_iter()
                .map(|i| {
                    let m = scenario.item_at(i).map(ScenarioItem::measure);
                    (m.map(|m| (m.stage(), !m.is_legal_duty(), &m.id)), i)
                })
                .collect();
            crate::sort::sort_by(&mut keyed, |a, b| a.cmp(b));
            keyed.into_iter().map(|(_, i)| i).collect::<Vec<_>>()
        })
        .collect()
}

pub(crate) fn pool_groups(
    scenario: &Scenario,
    at: EffectAt,
) -> Result<(Vec<PoolGroup>, Vec<Warning>), CalcError> {
    let mut groups = Vec::new();
    let mut warnings = Vec::new();
    for members in pool_members(scenario) {
        let Some(first) = members.first().and_then(|i| scenario.item_at(*i)) else {
            continue;
        };
        let overflow = |item: &ScenarioItem| CalcError::Overflow {
            measure: item.measure().id.clone(),
            municipality: item.municipality().code.clone(),
        };
        let pool_tonnes = first.pool_tonnes().ok_or_else(|| overflow(first))?;
        let mut initial = [Decimal::ZERO; NR];
        let pool = &first.measure().pool;
        for (route, share) in pool.baseline_for(&first.municipality().code).shares() {
            if let Some(slot) = initial.get_mut(route.index()) {
                *slot = pool_tonnes
                    .value()
                    .checked_mul(share.value())
                    .ok_or_else(|| overflow(first))?;
            }
        }
        let mut placed = Vec::with_capacity(members.len());
        for (order, i) in members.into_iter().enumerate() {
            let Some(item) = scenario.item_at(i) else {
                continue;
            };
            let m = item.measure();
            let effect = at.of(item);
            let mut acts_on = [false; NR];
            let mut available = Decimal::ZERO;
            for r in &m.acts_on {
                if let Some(a) = acts_on.get_mut(r.index()) {
                    *a = true;
                }
                available = available
                    .checked_add(initial.get(r.index()).copied().unwrap_or_default())
                    .ok_or_else(|| overflow(item))?;
            }
            let reach = item.reach_tonnes().ok_or_else(|| overflow(item))?;
            let (reach_share, reachable) = if available.is_zero() {
                if at == EffectAt::Central && !item.effect().value().is_zero() {
                    warnings.push(Warning::NoTonnesInRoutes {
                        municipality: item.municipality().code.clone(),
                        measure: m.id.clone(),
                        pool: m.pool.id.clone(),
                        routes: m.acts_on.clone(),
                    });
                }
                (Decimal::ZERO, Decimal::ZERO)
            } else {
                match reach {
                    None => (Decimal::ONE, available),
                    Some(q) if q.value() > available => {
                        if at == EffectAt::Central {
                            warnings.push(Warning::QuantityExceedsPool {
                                municipality: item.municipality().code.clone(),
                                measure: m.id.clone(),
                                pool: m.pool.id.clone(),
                                quantity: q,
                                available: Tonnes::new(available),
                            });
                        }
                        (Decimal::ONE, available)
                    }
                    Some(q) => (
                        q.value()
                            .checked_div(available)
                            .ok_or_else(|| overflow(item))?,
                        q.value(),
                    ),
                }
            };
            placed.push(Placed {
                item: i,
                acts_on,
                share: effect
                    .value()
                    .checked_mul(reach_share)
                    .ok_or_else(|| overflow(item))?,
                order: u32::try_from(order).unwrap_or(u32::MAX).saturating_add(1),
                pool_tonnes,
                reachable: Tonnes::new(reachable),
            });
        }
        groups.push(PoolGroup {
            initial,
            members: placed,
        });
    }
    Ok((groups, warnings))
}

/// Whether an evaluation computes the year-by-year figures (each item's year rows and the
/// totals per year) or only the figures over the plan period, which come from the summed
/// and discounted flows and need no year's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rows {
    Yes,
    No,
}

/// Per item: its flows (per year, at full effect, summed and discounted over the period).
#[derive(Clone, Debug, Default)]
pub(crate) struct ItemFlows {
    pub(crate) full: Flow,
    pub(crate) years: Vec<Flow>,
    pub(crate) cumulative: Flow,
    pub(crate) discounted: Flow,
    pub(crate) order: u32,
    pub(crate) pool_tonnes: Tonnes,
    pub(crate) reachable: Tonnes,
}

/// The evaluation with the intermediate data the linear model needs.
pub(crate) struct Evaluated {
    pub(crate) evaluation: Evaluation,
    pub(crate) specs: Vec<Arc<MeasureSpec>>,
    pub(crate) flows: Vec<ItemFlows>,
}

/// Runs every pool for the full-effect year and each year of the period.
pub(crate) fn item_flows(
    scenario: &Scenario,
    groups: &[PoolGroup],
    discount: &[Decimal],
    rows: Rows,
) -> Option<Vec<ItemFlows>> {
    let period = scenario.period;
    let mut flows = vec![ItemFlows::default(); scenario.items.len() + scenario.reference.len()];
    let mut ramps: Vec<Decimal> = Vec::new();
    for g in groups {
        let full = g.run(|_| Decimal::ONE)?;
        for (m, f) in g.members.iter().zip(&full) {
            let slot = flows.get_mut(m.item)?;
            slot.full = *f;
            slot.order = m.order;
            slot.pool_tonnes = m.pool_tonnes;
            slot.reachable = m.reachable;
            if rows == Rows::Yes {
                slot.years.reserve_exact(period.len());
            }
        }
        for (year, d) in period.years().zip(discount) {
            ramps.clear();
            ramps.extend(g.members.iter().map(|m| {
                scenario.item_at(m.item).map_or(Decimal::ZERO, |it| {
                    ramp(year, it.start_year(), it.full_effect_year())
                })
            }));
            let yf = g.run(|i| ramps.get(i).copied().unwrap_or_default())?;
            for (m, f) in g.members.iter().zip(&yf) {
                let slot = flows.get_mut(m.item)?;
                slot.cumulative.add_scaled(f, Decimal::ONE)?;
                slot.discounted.add_scaled(f, *d)?;
                if rows == Rows::Yes {
                    slot.years.push(*f);
                }
            }
        }
    }
    Some(flows)
}
