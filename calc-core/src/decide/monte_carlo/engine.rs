//! The draws' model in fixed point, built once from the linear model, its draw loop, and
//! the check that the fast loop may run.

use super::draws::FlatFactor;
use super::num::Num;
use super::percentiles::Draws;
use super::pools::{DrawGroup, DrawMember, Scratch, slot_of};
use super::scales::{COEFF_DP, FACTOR_DP, POOL_LIMIT, YIELD_DP, to_binary, to_fixed};
use super::sinks::{RouteInputs, Sink, SinkTarget, payer_slot};
use crate::decide::{FactorKind, LinearModel};
use crate::eval::{NR, ramp};
use crate::model::FactorId;
use rust_decimal::Decimal;
use std::sync::Arc;

/// A measure's own costs: (input, payer slot, −inhabitant-years in 10⁻⁶) and the costs
/// the scenario fixes, per payer slot (10⁻¹⁰ SEK).
#[derive(Clone, Debug, Default)]
pub(super) struct Costs {
    terms: Vec<(usize, usize, i128)>,
    fixed: [i128; 3],
}

/// The draws' model in fixed point: the inputs' ranges, the pool groups whose tonnes vary
/// with the effects, the tonnes of those that do not, and each measure's routes and costs.
pub(super) struct Engine {
    /// Low, central and high of every input (factors 10⁻⁴, yields 10⁻⁶).
    pub(super) inputs: Vec<[i128; 3]>,
    /// One uniform per measure whose effect has a range.
    pub(super) uniforms: usize,
    /// The distinct effects of the members: (uniform, range).
    pub(super) effect_inputs: Vec<(usize, FlatFactor)>,
    /// Pool groups with an effect range among their members.
    pub(super) groups: Vec<DrawGroup>,
    /// Per sink: tonnes out of each route over the period from the groups that do not vary.
    pub(super) base: Vec<[u128; NR]>,
    pub(super) sinks: Vec<Sink>,
    /// Per measure.
    pub(super) costs: Vec<Costs>,
    /// Per sink: a bound on its tonnes (10⁻⁶ t) over the plan period.
    pub(super) sink_bounds: Vec<u128>,
}

impl Engine {
    pub(super) fn new(model: &LinearModel) -> Option<Self> {
        let inputs: Vec<[i128; 3]> = model
            .factors
            .iter()
            .map(|f| {
                let dp = if f.kind == FactorKind::Yield {
                    YIELD_DP
                } else {
                    FACTOR_DP
                };
                Some([
                    to_fixed(f.value.low(), dp)?,
                    to_fixed(f.value.central(), dp)?,
                    to_fixed(f.value.high(), dp)?,
                ])
            })
            .collect::<Option<_>>()?;
        let index_of = |id: &FactorId| model.factors.iter().position(|f| &f.id == id);
        // Sinks: one per measure and resolved spec.
        let mut sinks: Vec<Sink> = Vec::new();
        let mut sink_specs: Vec<*const crate::eval::MeasureSpec> = Vec::new();
        let mut item_sink = Vec::with_capacity(model.specs.len());
        for (spec, m) in model.specs.iter().zip(&model.item_measure) {
            let key = Arc::as_ptr(spec);
            if let Some(i) = sinks
                .iter()
                .zip(&sink_specs)
                .position(|(s, k)| s.measure == *m && *k == key)
            {
                item_sink.push(i);
                continue;
            }
            let mut routes: [Option<RouteInputs>; NR] = [None; NR];
            for ((slot, f), payer) in routes.iter_mut().zip(&spec.factors).zip(&spec.payers) {
                if let Some(f) = f {
                    *slot = Some((index_of(&f.ef_id)?, index_of(&f.cf_id)?, payer_slot(*payer)));
                }
            }
            let route = |i: usize| routes.get(i).copied().flatten();
            let mut targets = Vec::with_capacity(spec.target.len());
            for (t, share) in &spec.target {
                let share = to_binary(*share)?;
                let target = match spec.yields.iter().find(|y| y.route == *t) {
                    Some(y) => match (route(t.index()), route(y.reject.index())) {
                        (Some(to), Some(rej)) => SinkTarget {
                            share,
                            to: Some(to),
                            reject: Some((Some(index_of(&y.id)?), rej)),
                        },
                        (_, Some(rej)) => SinkTarget {
                            share,
                            to: None,
                            reject: Some((None, rej)),
                        },
                        (_, None) => SinkTarget {
                            share,
                            to: None,
                            reject: None,
                        },
                    },
                    None => SinkTarget {
                        share,
                        to: route(t.index()),
                        reject: None,
                    },
                };
                targets.push(target);
            }
            item_sink.push(sinks.len());
            sinks.push(Sink {
                measure: *m,
                routes,
                targets,
            });
            sink_specs.push(key);
        }
        let uniform_of = |m: usize| model.effects.iter().position(|e| e.measure_index == m);
        let period = model.scenario.period;
        let mut groups = Vec::new();
        let mut effect_inputs: Vec<(usize, FlatFactor)> = Vec::new();
        let mut base = vec![[0_u128; NR]; sinks.len()];
        let mut sink_bounds = vec![0_u128; sinks.len()];
        let years = u128::try_from(period.len()).ok()?;
        let mut scratch = Scratch::default();
        for g in &model.groups {
            let mut initial = [0_u64; NR];
            for (slot, t) in initial.iter_mut().zip(&g.initial) {
                let v = to_fixed(*t, COEFF_DP)?;
                *slot = u64::try_from(v).ok().filter(|v| *v < POOL_LIMIT)?;
            }
            let mut members = Vec::with_capacity(g.members.len());
            for p in &g.members {
                let Some(item) = model.scenario.items.get(p.item) else {
                    // A legal duty of the reference path: it acts in its place at its own share,
                    // not drawn, and its tonnes are not the plan's (no sink).
                    let item = model.scenario.item_at(p.item)?;
                    let one = i64::try_from(to_binary(Decimal::ONE)?).ok()?;
                    members.push(DrawMember {
                        effect: FlatFactor::new(one, one, one),
                        uniform: 0,
                        slot: slot_of(&mut effect_inputs, 0, FlatFactor::new(one, one, one)),
                        reach: to_binary(p.share)?,
                        acts_on: item
                            .measure()
                            .acts_on
                            .iter()
                            .map(|r| r.index())
                            .filter(|s| initial.get(*s).is_some_and(|t| *t > 0))
                            .collect(),
                        sink: usize::MAX,
                    });
                    continue;
                };
                let r = model.item_effects.get(p.item)?;
                let e = |d: Decimal| to_binary(d).and_then(|v| i64::try_from(v).ok());
                let sink = *item_sink.get(p.item)?;
                let m = *model.item_measure.get(p.item)?;
                // A route without tonnes stays without: it is left out of the runs.
                let acts_on: Vec<usize> = item
                    .measure()
                    .acts_on
                    .iter()
                    .map(|r| r.index())
                    .filter(|s| initial.get(*s).is_some_and(|t| *t > 0))
                    .collect();
                let reachable: u128 = acts_on
                    .iter()
                    .map(|s| u128::from(initial.get(*s).copied().unwrap_or(0)))
                    .sum();
                let b = sink_bounds.get_mut(sink)?;
                *b = b.saturating_add(reachable.saturating_mul(years));
                members.push(DrawMember {
                    effect: FlatFactor::new(e(r.low())?, e(r.central())?, e(r.high())?),
                    uniform: uniform_of(m).unwrap_or(0),
                    slot: slot_of(
                        &mut effect_inputs,
                        uniform_of(m).unwrap_or(0),
                        FlatFactor::new(e(r.low())?, e(r.central())?, e(r.high())?),
                    ),
                    reach: to_binary(*model.reach.get(p.item)?)?,
                    acts_on,
                    sink,
                });
            }
            // The distinct ramps over the period, in order of first appearance.
            let mut classes: Vec<(Vec<u64>, u64)> = Vec::new();
            for year in period.years() {
                let ramps: Vec<u64> = g
                    .members
                    .iter()
                    .map(|p| {
                        let it = model.scenario.item_at(p.item)?;
                        to_binary(ramp(year, it.start_year(), it.full_effect_year()))
                    })
                    .collect::<Option<_>>()?;
                if ramps.iter().all(|r| *r == 0) {
                    continue;
                }
                match classes.iter_mut().find(|(r, _)| *r == ramps) {
                    Some((_, n)) => *n += 1,
                    None => classes.push((ramps, 1)),
                }
            }
            let group = DrawGroup {
                initial,
                members,
                years: classes,
            };
            if group.members.iter().any(|m| m.effect.varies()) {
                groups.push(group);
            } else {
                let effects: Vec<u64> = group
                    .members
                    .iter()
                    .map(|m| m.effect.c.unsigned_abs())
                    .collect();
                group.run(&effects, &mut scratch, &mut base);
            }
        }
        let fx = |d: Decimal| to_fixed(d, COEFF_DP);
        let costs = model
            .measures
            .iter()
            .map(|m| {
                Some(Costs {
                    terms: m
                        .costs
                        .iter()
                        .map(|(i, p, c)| Some((*i, payer_slot(*p), fx(*c)?)))
                        .collect::<Option<_>>()?,
                    fixed: [
                        to_fixed(m.fixed_costs.waste_fee, FACTOR_DP + COEFF_DP)?,
                        to_fixed(m.fixed_costs.municipal_budget, FACTOR_DP + COEFF_DP)?,
                        to_fixed(m.fixed_costs.households, FACTOR_DP + COEFF_DP)?,
                    ],
                })
            })
            .collect::<Option<_>>()?;
        Some(Self {
            inputs,
            uniforms: model.effects.len(),
            effect_inputs,
            groups,
            base,
            sinks,
            costs,
            sink_bounds,
        })
    }

    /// The draw loop: per iteration, every input's value (`draw`, one generator output
    /// each, in the inputs' order), then one uniform per measure with an effect range,
    /// the pools at the drawn effects, and each measure's CO2e and SEK per payer.
    pub(super) fn run<N: Num>(
        &self,
        values: &mut [N],
        zero: N,
        mut next: impl FnMut() -> u64,
        draw: impl Fn(usize, u64) -> N,
        per_measure: &mut [Draws],
        total: &mut Draws,
    ) {
        let n = total.co2e.len();
        let mut uniforms = vec![0_u64; self.uniforms];
        let mut out = self.base.clone();
        let mut effects: Vec<u64> = Vec::new();
        let mut effect_values = vec![0_u64; self.effect_inputs.len()];
        let mut scratch = Scratch::default();
        let mut m_co2e = vec![0_i128; self.costs.len()];
        let mut m_sek = vec![[0_i128; 3]; self.costs.len()];
        for d in 0..n {
            for (i, v) in values.iter_mut().enumerate() {
                *v = draw(i, next());
            }
            for u in &mut uniforms {
                *u = next();
            }
            for (v, (u, f)) in effect_values.iter_mut().zip(&self.effect_inputs) {
                *v = f
                    .draw(uniforms.get(*u).copied().unwrap_or(1 << 63))
                    .unsigned_abs();
            }
            out.clone_from(&self.base);
            for g in &self.groups {
                effects.clear();
                effects.extend(
                    g.members
                        .iter()
                        .map(|m| effect_values.get(m.slot).copied().unwrap_or(0)),
                );
                g.run(&effects, &mut scratch, &mut out);
            }
            m_co2e.iter_mut().for_each(|x| *x = 0);
            m_sek.iter_mut().for_each(|x| *x = [0; 3]);
            for (sink, o) in self.sinks.iter().zip(&out) {
                let (c, s) = sink.values(o, values, zero);
                if let (Some(mc), Some(ms)) =
                    (m_co2e.get_mut(sink.measure), m_sek.get_mut(sink.measure))
                {
                    *mc = N::add(*mc, c);
                    for (a, b) in ms.iter_mut().zip(&s) {
                        *a = N::add(*a, *b);
                    }
                }
            }
            let mut t_co2e = 0_i128;
            let mut t_sek = [0_i128; 3];
            for (((costs, co2e), sek), draws) in self
                .costs
                .iter()
                .zip(&m_co2e)
                .zip(m_sek.iter_mut())
                .zip(per_measure.iter_mut())
            {
                for (i, p, c) in &costs.terms {
                    if let (Some(s), Some(v)) = (sek.get_mut(*p), values.get(*i)) {
                        *s = N::add(*s, N::mul(*v, N::from_wide(*c)));
                    }
                }
                for (s, f) in sek.iter_mut().zip(&costs.fixed) {
                    *s = N::sub(*s, *f);
                }
                draws.set(d, *co2e, sek);
                t_co2e = N::add(t_co2e, *co2e);
                for (t, s) in t_sek.iter_mut().zip(sek.iter()) {
                    *t = N::add(*t, *s);
                }
            }
            total.set(d, t_co2e, &t_sek);
        }
    }
}

/// Largest input magnitude for [`flat`]: 2⁴⁵ (3.5 × 10¹³ in units of 10⁻⁴), so a
/// difference squared times a 32-bit uniform stays below 2¹²⁷ in [`two_piece`](super::draws::two_piece) and none of
/// its saturating products saturates.
const FLAT_FACTOR_LIMIT: u128 = 1 << 45;
/// Largest bound on any sum for [`flat`]: far inside i128, with room for the payers' sums.
const FLAT_SUM_LIMIT: u128 = 1 << 120;
/// Largest bound on a sink's tonnes for [`flat`]: they are i64 values.
const FLAT_TONNES_LIMIT: u128 = 1 << 62;

/// Whether the usual, fast draw loop may run: every input's range below
/// [`FLAT_FACTOR_LIMIT`], every sink's tonnes below [`FLAT_TONNES_LIMIT`], every cost
/// coefficient an i64, and the sum of |input bound × tonnes or coefficient| over all terms
/// below [`FLAT_SUM_LIMIT`]. Then no sum or product comes near i128's limits, so i64 values
/// with widening products and unchecked i128 sums give exactly what the saturating loop
/// gives.
pub(super) fn flat(engine: &Engine) -> Option<Vec<FlatFactor>> {
    let bounds: Vec<u128> = engine
        .inputs
        .iter()
        .map(|f| f.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0))
        .collect();
    if bounds.iter().any(|b| *b >= FLAT_FACTOR_LIMIT) {
        return None;
    }
    let bound = |i: usize| bounds.get(i).copied();
    let mut sum: u128 = 0;
    let mut add = |f: u128, c: u128| -> Option<()> {
        sum = sum.checked_add(f.checked_mul(c)?)?;
        (sum < FLAT_SUM_LIMIT).then_some(())
    };
    for (sink, t) in engine.sinks.iter().zip(&engine.sink_bounds) {
        if *t >= FLAT_TONNES_LIMIT {
            return None;
        }
        // Each route's and each target's tonnes are at most the sink's; a target with a
        // yield splits them in two parts.
        for (e, c, _) in sink.routes.iter().flatten() {
            add(bound(*e)?, *t)?;
            add(bound(*c)?, *t)?;
        }
        for target in &sink.targets {
            for (e, c, _) in target.to.iter().chain(target.reject.iter().map(|(_, r)| r)) {
                add(bound(*e)?, *t)?;
                add(bound(*c)?, *t)?;
            }
        }
    }
    for c in &engine.costs {
        for (i, _, k) in &c.terms {
            i64::try_from(*k).ok()?;
            add(bound(*i)?, k.unsigned_abs())?;
        }
        for f in &c.fixed {
            add(1, f.unsigned_abs())?;
        }
    }
    engine
        .inputs
        .iter()
        .map(|[a, c, b]| {
            let small = |v: &i128| i64::try_from(*v).ok();
            Some(FlatFactor::new(small(a)?, small(c)?, small(b)?))
        })
        .collect()
}
