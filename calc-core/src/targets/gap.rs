//! The least-cost package of measures that closes a target's gap in one municipality.
//!
//! The budget optimizer ([`crate::optimize()`]) turned around: instead of the most CO2e
//! within a budget, the least cost that meets a target. Each scenario measure in the
//! municipality on a pool the target counts can be left out or done at `k / steps` of its
//! scenario effect. Measures on the same pool interact, so, as in the budget optimizer,
//! every combination of their levels is evaluated exactly with the pooled model (at the
//! target year, with the measures' ramps). Every indicator is `n / d` with `n` and `d`
//! linear in the tonnes per route, so "the projection meets the target" is one linear
//! condition `n − c·d ≥ 0` (or `≤ 0`) over the pools' contributions, and the search is a
//! multiple-choice covering problem: depth-first, cheapest options first, pruned when the
//! best the remaining pools can add cannot meet the target or the cost reaches the best
//! found. The result is exact.
//!
//! The cost of a measure is its one-time cost plus its running cost × the years of the
//! plan period (central values, whoever pays), scaled by its level.

use super::progress::subtract;
use super::{Baseline, Direction, Model, Target};
use crate::eval::{CalcError, NR, PerRoute, ramp};
use crate::model::{FactorTable, MeasureId, Municipality, ScbCode};
use crate::optimize::MAX_STEPS;
use crate::optimize::levels::Combinations;
use crate::scenario::Scenario;
use crate::units::Sek;
use rust_decimal::Decimal;
use std::sync::Arc;

/// A measure in the package and its level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapChoice {
    /// The measure.
    pub measure: MeasureId,
    /// Its level as a share of its scenario effect (`k / steps`).
    pub level: Decimal,
    /// Its cost at this level over the plan period.
    pub cost_sek: Sek,
}

/// The least-cost package that meets a target in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapPlan {
    /// The target's id.
    pub target: String,
    /// The municipality.
    pub municipality: ScbCode,
    /// The measures in the package (scenario order); empty when the target is met without
    /// any.
    pub chosen: Vec<GapChoice>,
    /// The package's cost over the plan period.
    pub cost_sek: Sek,
    /// The value it projects in the target year.
    pub projected_value: Decimal,
    /// The target value.
    pub target_value: Decimal,
}

/// How far below the linear condition a branch may be and still be searched: the check at
/// a leaf is on the rounded indicator (`LEVEL_DECIMALS`), which can meet a target the
/// unrounded condition misses by rounding noise.
const SLACK: Decimal = Decimal::from_parts(1, 0, 0, false, 3);

struct Opt {
    levels: Vec<u32>,
    value: Decimal,
    cost: Decimal,
    out: PerRoute,
}

struct Search<'a> {
    comps: &'a [Vec<Opt>],
    max_rest: Vec<Decimal>,
    need: Decimal,
    best: Option<(Decimal, Vec<usize>)>,
    pick: Vec<usize>,
    check: &'a dyn Fn(&[usize]) -> bool,
}

impl Search<'_> {
    fn go(&mut self, i: usize, value: Decimal, cost: Decimal) {
        if self.best.as_ref().is_some_and(|(b, _)| cost >= *b) {
            return;
        }
        let Some(opts) = self.comps.get(i) else {
            if (self.check)(&self.pick) {
                self.best = Some((cost, self.pick.clone()));
            }
            return;
        };
        let rest = self.max_rest.get(i + 1).copied().unwrap_or_default();
        for (k, o) in opts.iter().enumerate() {
            let v = value.saturating_add(o.value);
            if v.saturating_add(rest) < self.need.saturating_sub(SLACK) {
                continue;
            }
            let c = cost.saturating_add(o.cost);
            if self.best.as_ref().is_some_and(|(b, _)| c >= *b) {
                // Options are cheapest first: none after this one can do better.
                break;
            }
            if let Some(p) = self.pick.get_mut(i) {
                *p = k;
            }
            self.go(i + 1, v, c);
        }
    }
}

/// The least-cost package of the scenario's measures that makes the projection meet
/// `target` in `municipality` in the target year, on `baseline` (as
/// [`progress()`](super::progress()) projects it: the scenario is laid over the baseline);
/// `None` when no package of these measures at up to their scenario effect meets it, or the
/// target has no base value there.
///
/// Each measure is left out or done at `k / steps` of its scenario effect; `steps` must be
/// 1–[`MAX_STEPS`] ([`CalcError::Steps`] otherwise), as for [`crate::candidates`].
/// Measures on the same pool interact, so every combination of their levels is evaluated
/// exactly with the pooled model at the target year (with the measures' ramps). Every
/// indicator is `n / d` with `n` and `d` linear in the tonnes per route, so "the projection
/// meets the target" is one linear condition over the pools' contributions; the search
/// goes cheapest options first and prunes what cannot meet the target or cannot beat the
/// best cost found, so the result is exact. The cost of a measure is its one-time cost plus
/// its running cost × the years of the plan period (central values, whoever pays), scaled by
/// its level.
///
/// ```
/// use calc_core::{Baseline, BaseValue, Indicator, OwnFigures, Sek, Target, TargetValue, Year, close_gap, demo};
/// use rust_decimal_macros::dec;
/// use std::sync::Arc;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let scenario = demo::scenario()?;
/// let baseline = Baseline::new(&[Arc::clone(&scenario.items[0].measure().pool)], OwnFigures::new());
/// // At least 40 % of food waste to biogas (today 0 %): collection at full effect sends
/// // 40 % of the 10 t to digestion for 15 000 SEK once; prevention (4 000 SEK a year,
/// // 24 000 SEK over 2025–2030) would not help: 2 t of the 5 t left is 40 % too.
/// let t = Target::new("biogas", Indicator::FoodWasteToBiogasPercent,
///     BaseValue { year: Year(2025), value: None, source: String::new() },
///     TargetValue::Absolute(dec!(40)), Year(2030)).map_err(|(_, e)| e)?;
/// let plan = close_gap(&demo::table()?, &baseline, &scenario, &demo::town(), &t, 2)?.unwrap();
/// assert_eq!(plan.chosen.len(), 1);
/// assert_eq!(plan.chosen[0].measure.as_str(), "food_collection");
/// assert_eq!(plan.cost_sek, Sek::new(dec!(15000)));
/// assert_eq!(plan.projected_value, dec!(40));
/// # Ok(())
/// # }
/// ```
pub fn close_gap(
    table: &FactorTable,
    baseline: &Baseline,
    scenario: &Scenario,
    municipality: &Municipality,
    target: &Target,
    steps: u32,
) -> Result<Option<GapPlan>, CalcError> {
    if !(1..=MAX_STEPS).contains(&steps) {
        return Err(CalcError::Steps {
            steps,
            max: MAX_STEPS,
        });
    }
    let overflow = CalcError::TotalOverflow;
    let scenario = baseline.lay_over(scenario);
    let scenario = scenario.as_ref();
    let sd = Decimal::from(steps);
    let model = Model::new(table, scenario)?;
    let ind = target.indicator;
    let scope = model
        .scope(scenario, baseline.pools(), target, municipality)
        .ok_or(overflow.clone())?;
    let level0 = ind.level(&scope.initial, &scope);
    let (base, _) = target.base_for(&municipality.code);
    let Some(base_value) = base.value.or(level0) else {
        return Ok(None);
    };
    let target_value = target.target_value(base_value).ok_or(overflow.clone())?;
    let Some(l0) = level0 else {
        // The model cannot move this indicator here: met already, or never.
        return Ok(
            (ind.shortfall(base_value, target_value) <= Decimal::ZERO).then(|| GapPlan {
                target: target.id.clone(),
                municipality: municipality.code.clone(),
                chosen: Vec::new(),
                cost_sek: Sek::ZERO,
                projected_value: base_value,
                target_value,
            }),
        );
    };
    // projected = base + n/d − l0 meets the target ⇔ n/d ≤ c (lower) or ≥ c (higher).
    let c = target_value
        .checked_sub(base_value)
        .and_then(|x| x.checked_add(l0))
        .ok_or(overflow.clone())?;
    let sign = match ind.direction() {
        Direction::Lower => Decimal::NEGATIVE_ONE,
        Direction::Higher => Decimal::ONE,
    };
    // s × (n − c·(d + d0)) of a state; linear in the state except for the constant d0.
    let value_of = |state: &PerRoute, with_const: bool| -> Option<Decimal> {
        let (n, d, d0) = ind.parts(state, &scope)?;
        let den = if with_const { d.checked_add(d0)? } else { d };
        sign.checked_mul(n.checked_sub(c.checked_mul(den)?)?)
    };
    let need = value_of(&scope.initial, true)
        .and_then(|v| Decimal::ZERO.checked_sub(v))
        .ok_or(overflow.clone())?;
    let year = target.target_year;
    let years = Decimal::from(u64::try_from(scenario.period.len()).unwrap_or(u64::MAX));
    let item_cost = |item: usize| -> Option<Decimal> {
        // A legal duty of the reference path is not the plan's to pay: no cost.
        let Some(it) = scenario.items.get(item) else {
            return Some(Decimal::ZERO);
        };
        let once = it.implementation_cost()?.central().value();
        let run = it.running_cost()?.central().value();
        once.max(Decimal::ZERO)
            .checked_add(run.max(Decimal::ZERO).checked_mul(years)?)
    };
    let mut comps: Vec<Vec<Opt>> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for gi in &scope.groups {
        let g = model.groups.get(*gi).ok_or(overflow.clone())?;
        let items: Vec<usize> = g.members.iter().map(|m| m.item).collect();
        // The legal duties of the reference path (past the plan's items) are not choices:
        // they act in full in every option.
        let fixed: Vec<bool> = items.iter().map(|i| *i >= scenario.items.len()).collect();
        let combos = Combinations::new(steps, fixed, || {
            items
                .iter()
                .filter_map(|i| scenario.items.get(*i).map(|it| it.measure().id.as_str()))
                .collect()
        })?;
        let ramps: Vec<Decimal> = items
            .iter()
            .map(|i| {
                scenario.item_at(*i).map_or(Decimal::ZERO, |it| {
                    ramp(year, it.start_year(), it.full_effect_year())
                })
            })
            .collect();
        let costs: Vec<Decimal> = items
            .iter()
            .map(|i| item_cost(*i))
            .collect::<Option<_>>()
            .ok_or(overflow.clone())?;
        let mut opts = Vec::with_capacity(usize::try_from(combos.count()).unwrap_or(0));
        for levels in combos.iter() {
            let scale = |i: usize| -> Decimal {
                let l = levels.get(i).copied().map_or(Decimal::ZERO, Decimal::from);
                ramps
                    .get(i)
                    .copied()
                    .unwrap_or_default()
                    .checked_mul(l)
                    .and_then(|x| x.checked_div(sd))
                    .unwrap_or_default()
            };
            let outs = model.net_out(g, ind, scale).ok_or(overflow.clone())?;
            let mut out = [Decimal::ZERO; NR];
            for w in &outs {
                for (o, x) in out.iter_mut().zip(w) {
                    *o = o.checked_add(*x).ok_or(overflow.clone())?;
                }
            }
            // Moving `out` away lowers the state: its value is minus the out's value.
            let value = value_of(&out, false)
                .and_then(|v| Decimal::ZERO.checked_sub(v))
                .ok_or(overflow.clone())?;
            let mut cost = Decimal::ZERO;
            for (l, c) in levels.iter().zip(&costs) {
                cost = Decimal::from(*l)
                    .checked_mul(*c)
                    .and_then(|x| x.checked_div(sd))
                    .and_then(|x| cost.checked_add(x))
                    .ok_or(overflow.clone())?;
            }
            opts.push(Opt {
                levels,
                value,
                cost,
                out,
            });
        }
        // Cheapest first (ties: fewer levels first, by the combination's order).
        crate::sort::sort_by_key(&mut opts, |o| o.cost);
        comps.push(opts);
        members.push(items);
    }
    let n = comps.len();
    let mut max_rest = vec![Decimal::ZERO; n + 1];
    for i in (0..n).rev() {
        let best = comps
            .get(i)
            .and_then(|o| o.iter().map(|x| x.value).max())
            .unwrap_or_default();
        let next = max_rest.get(i + 1).copied().unwrap_or_default();
        if let Some(slot) = max_rest.get_mut(i) {
            *slot = next.saturating_add(best);
        }
    }
    let final_state = |pick: &[usize]| -> Option<PerRoute> {
        let mut state = scope.initial;
        for (opts, k) in comps.iter().zip(pick) {
            subtract(&mut state, &opts.get(*k)?.out)?;
        }
        Some(state)
    };
    // The projection as `progress` computes it (rounded level) meets the target; an
    // undefined level (no generated waste left) does not.
    let check = |pick: &[usize]| {
        final_state(pick)
            .and_then(|s| ind.level(&s, &scope))
            .and_then(|l| base_value.checked_add(l.checked_sub(l0)?))
            .is_some_and(|p| ind.shortfall(p, target_value) <= Decimal::ZERO)
    };
    let mut search = Search {
        comps: &comps,
        max_rest,
        need,
        best: None,
        pick: vec![0; n],
        check: &check,
    };
    search.go(0, Decimal::ZERO, Decimal::ZERO);
    let Some((cost, pick)) = search.best else {
        return Ok(None);
    };
    let state = final_state(&pick).ok_or(overflow.clone())?;
    let projected_value = ind
        .level(&state, &scope)
        .and_then(|l| base_value.checked_add(l.checked_sub(l0)?))
        .ok_or(overflow.clone())?;
    let mut chosen: Vec<(usize, GapChoice)> = Vec::new();
    for ((opts, k), items) in comps.iter().zip(&pick).zip(&members) {
        let Some(o) = opts.get(*k) else { continue };
        for (l, item) in o.levels.iter().zip(items) {
            if *l == 0 {
                continue;
            }
            let Some(it) = scenario.items.get(*item) else {
                continue;
            };
            let level = Decimal::from(*l).checked_div(sd).unwrap_or(Decimal::ONE);
            let cost = item_cost(*item)
                .and_then(|c| c.checked_mul(level))
                .ok_or(overflow.clone())?;
            chosen.push((
                *item,
                GapChoice {
                    measure: it.measure().id.clone(),
                    level,
                    cost_sek: Sek::new(cost),
                },
            ));
        }
    }
    crate::sort::sort_by_key(&mut chosen, |(i, _)| *i);
    Ok(Some(GapPlan {
        target: target.id.clone(),
        municipality: municipality.code.clone(),
        chosen: chosen.into_iter().map(|(_, c)| c).collect(),
        cost_sek: Sek::new(cost),
        projected_value,
        target_value,
    }))
}

/// The candidates for [`close_gap`] at full ambition: every measure of `measures` on a
/// pool `target` counts, in `municipality`, at 100 % effect, so levels `k / steps` run from
/// nothing to everything the measure can do. A measure the scenario already has there keeps
/// its years and overrides; another starts in the plan's first year with its catalogue
/// ramp. `measures` are the catalogue's: [`close_gap`] lays its baseline (the own figures)
/// over the candidates.
///
/// ```
/// use calc_core::{BaseValue, Indicator, Target, TargetValue, Year, demo, full_ambition};
/// use rust_decimal_macros::dec;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let t = Target::new("t", Indicator::FoodWasteToBiogasPercent,
///     BaseValue { year: Year(2025), value: None, source: String::new() },
///     TargetValue::Absolute(dec!(60)), Year(2030)).map_err(|(_, e)| e)?;
/// let mut scenario = demo::scenario()?;
/// scenario.items.truncate(1);
/// let all = full_ambition(&scenario, &demo::measures()?, &demo::town(), &t);
/// assert_eq!(all.items.len(), 2);
/// assert!(all.items.iter().all(|i| i.effect().value() == dec!(1)));
/// # Ok(())
/// # }
/// ```
#[must_use]
pub fn full_ambition(
    scenario: &Scenario,
    measures: &[Arc<crate::model::Measure>],
    municipality: &Arc<Municipality>,
    target: &Target,
) -> Scenario {
    let mut out = scenario.clone();
    out.items.clear();
    for m in measures.iter().filter(|m| target.counts(&m.pool.id)) {
        let existing = scenario
            .items
            .iter()
            .find(|i| i.measure().id == m.id && i.municipality().code == municipality.code);
        let item = match existing {
            Some(i) => i.clone(),
            None => crate::scenario::ScenarioItem::new(
                Arc::clone(m),
                Arc::clone(municipality),
                scenario.period.start(),
            ),
        };
        out.items.push(item.with_effect(crate::units::Share::ONE));
    }
    out
}
