//! Budget optimizer: the set of measures (and effect levels) that saves the most CO2e
//! within a SEK budget.
//!
//! Each measure (summed over its municipalities) can be left out or done at level
//! `k / steps` of its scenario effect, `k = 1..=steps`. Its costs scale with the level (by
//! assumption: a measure done at half its ambition costs half). With `steps = 1` a measure
//! is simply in or out. The budget limits one-time costs, running costs per year, or both,
//! counting the measure costs paid by the payers of the budget's perspective (by default
//! the municipality: waste fee and municipal budget).
//!
//! Measures that share a pool of waste interact (a prevention measure leaves fewer tonnes
//! for sorting), so the CO2e of a set is not the sum of its parts. The measures are grouped
//! into components that share a pool in some municipality; for each component every
//! combination of levels is evaluated exactly with the pooled model. The search then picks
//! one combination per component: depth-first branch and bound, pruned by the linear
//! relaxation of this multiple-choice knapsack (the upper concave hull of each component's
//! options, filled greedily), which is an upper bound on what the remaining components can
//! add. The result is exact.

pub(crate) mod levels;

use crate::decide::LinearModel;
use crate::eval::CalcError;
use crate::model::{MeasureId, Payer, Perspective};
use crate::units::{KgCo2e, Sek};
use levels::Combinations;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The most combinations of levels one component of interacting measures may have.
pub const MAX_COMBINATIONS: u64 = 4096;

/// Limits on what the chosen measures may cost. `None` means no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    /// Limit on the sum of one-time (implementation) costs.
    pub once: Option<Sek>,
    /// Limit on the sum of running costs per year.
    pub per_year: Option<Sek>,
    /// Whose spending the budget counts (default: the municipality).
    pub perspective: Perspective,
}

/// A measure the optimizer can choose, with its figures in the scenario as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The measure.
    pub measure: MeasureId,
    /// kg CO2e saved per year at full effect, in the scenario as given (after the measures
    /// before it on the same pools).
    pub co2e_saved_kg_per_year: KgCo2e,
    /// One-time cost (central).
    pub cost_once: Sek,
    /// Running cost per year (central).
    pub cost_per_year: Sek,
    /// Who pays the measure's costs.
    pub cost_payer: Payer,
}

/// One combination of levels of one component.
#[derive(Clone, Debug)]
struct Opt {
    levels: Vec<u32>,
    /// kg CO2e per year per member, in member order.
    per_member: Vec<Decimal>,
    co2e: Decimal,
}

/// Measures that share a pool somewhere, with every combination of their levels.
#[derive(Clone, Debug)]
struct Component {
    members: Vec<usize>,
    options: Vec<Opt>,
}

/// The optimizer's input: the candidates and the exact CO2e of every combination of
/// levels of interacting measures.
#[derive(Clone, Debug)]
pub struct Candidates {
    /// The measures.
    pub measures: Vec<Candidate>,
    /// Levels per measure.
    pub steps: u32,
    components: Vec<Component>,
}

/// A chosen measure and its level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The measure.
    pub measure: MeasureId,
    /// Level as a share of the scenario effect (`k / steps`).
    pub level: Decimal,
    /// kg CO2e saved per year at this level, with the other chosen measures.
    pub co2e_saved_kg_per_year: KgCo2e,
    /// One-time cost at this level.
    pub cost_once: Sek,
    /// Running cost per year at this level.
    pub cost_per_year: Sek,
}

/// What one more step would buy: the best step not taken, by CO2e per krona.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// The measure.
    pub measure: MeasureId,
    /// Its level after the step.
    pub level: Decimal,
    /// Extra kg CO2e per year.
    pub extra_co2e_kg_per_year: KgCo2e,
    /// Extra one-time and yearly SEK the step costs.
    pub extra_sek: Sek,
    /// kg CO2e per year per krona of the step.
    pub kg_co2e_per_sek: Decimal,
}

/// The optimizer's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The budget it was given.
    pub budget: Budget,
    /// The chosen measures, in candidate order.
    pub chosen: Vec<Choice>,
    /// kg CO2e saved per year by the chosen set.
    pub co2e_saved_kg_per_year: KgCo2e,
    /// Their one-time costs.
    pub cost_once: Sek,
    /// Their running costs per year.
    pub cost_per_year: Sek,
    /// The best step the budget did not allow, if any.
    pub next_step: Option<NextStep>,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = gp;
        }
        i = p;
    }
    i
}

/// The most effect levels per measure [`candidates`] takes.
pub const MAX_STEPS: u32 = 20;

/// The candidates of a scenario: one per measure, and every combination of levels of the
/// measures that share waste, evaluated with the pooled model. Each measure is left out or
/// done at `k / steps` of its effect; `steps` must be 1–[`MAX_STEPS`]
/// ([`CalcError::Steps`] otherwise).
pub fn candidates(model: &LinearModel, steps: u32) -> Result<Candidates, CalcError> {
    if !(1..=MAX_STEPS).contains(&steps) {
        return Err(CalcError::Steps {
            steps,
            max: MAX_STEPS,
        });
    }
    let sd = Decimal::from(steps);
    let eval = model.evaluation();
    let ids: Vec<MeasureId> = model.measure_ids().cloned().collect();
    let mut measures: Vec<Candidate> = ids
        .iter()
        .map(|id| Candidate {
            measure: id.clone(),
            co2e_saved_kg_per_year: eval
                .by_measure
                .iter()
                .find(|g| g.key == *id)
                .map_or(KgCo2e::ZERO, |g| g.summary.co2e_saved_kg_per_year.central),
            cost_once: Sek::ZERO,
            cost_per_year: Sek::ZERO,
            cost_payer: Payer::MunicipalBudget,
        })
        .collect();
    for (m, (once, year, payer)) in model.item_measure.iter().zip(&model.item_costs) {
        if let Some(c) = measures.get_mut(*m) {
            c.cost_once = Sek::new(c.cost_once.value().saturating_add(*once));
            c.cost_per_year = Sek::new(c.cost_per_year.value().saturating_add(*year));
            c.cost_payer = *payer;
        }
    }
    // Components: measures that share a pool group in some municipality.
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    for g in &model.groups {
        let ms: Vec<usize> = g
            .members
            .iter()
            .filter_map(|p| model.item_measure.get(p.item).copied())
            .collect();
        if let Some(first) = ms.first() {
            for m in &ms {
                let (a, b) = (find(&mut parent, *first), find(&mut parent, *m));
                if let Some(slot) = parent.get_mut(a.max(b)) {
                    *slot = a.min(b);
                }
            }
        }
    }
    let mut comp_of = vec![0_usize; ids.len()];
    let mut roots: Vec<usize> = Vec::new();
    for m in 0..ids.len() {
        let r = find(&mut parent, m);
        let c = match roots.iter().position(|x| *x == r) {
            Some(c) => c,
            None => {
                roots.push(r);
                roots.len() - 1
            }
        };
        if let Some(slot) = comp_of.get_mut(m) {
            *slot = c;
        }
    }
    let mut components = Vec::with_capacity(roots.len());
    for c in 0..roots.len() {
        let members: Vec<usize> = (0..ids.len())
            .filter(|m| comp_of.get(*m) == Some(&c))
            .collect();
        let combos = Combinations::new(steps, vec![false; members.len()], || {
            members
                .iter()
                .filter_map(|m| ids.get(*m).map(MeasureId::as_str))
                .collect()
        })?;
        let groups: Vec<usize> = model
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.members.iter().any(|p| {
                    model
                        .item_measure
                        .get(p.item)
                        .is_some_and(|m| comp_of.get(*m) == Some(&c))
                })
            })
            .map(|(i, _)| i)
            .collect();
        let mut options = Vec::with_capacity(usize::try_from(combos.count()).unwrap_or(0));
        for levels in combos.iter() {
            let level_of = |measure: usize| -> Decimal {
                members
                    .iter()
                    .position(|m| *m == measure)
                    .and_then(|p| levels.get(p))
                    .map_or(Decimal::ZERO, |l| {
                        Decimal::from(*l).checked_div(sd).unwrap_or(Decimal::ZERO)
                    })
            };
            let mut per_member = vec![Decimal::ZERO; members.len()];
            for gi in &groups {
                let Some(g) = model.groups.get(*gi) else {
                    continue;
                };
                let scales: Vec<Decimal> = g
                    .members
                    .iter()
                    .map(|p| {
                        // A legal duty of the reference path (no plan measure) is not a
                        // choice: it acts in full, whatever the plan picks.
                        model
                            .item_measure
                            .get(p.item)
                            .map_or(Decimal::ONE, |m| level_of(*m))
                    })
                    .collect();
                let flows = g
                    .run(|i| scales.get(i).copied().unwrap_or_default())
                    .ok_or(CalcError::TotalOverflow)?;
                for (p, f) in g.members.iter().zip(&flows) {
                    let (Some(m), Some(spec)) =
                        (model.item_measure.get(p.item), model.specs.get(p.item))
                    else {
                        continue;
                    };
                    let v = f.central_co2e(spec).ok_or(CalcError::TotalOverflow)?;
                    if let Some(slot) = members
                        .iter()
                        .position(|x| x == m)
                        .and_then(|pos| per_member.get_mut(pos))
                    {
                        *slot = slot.checked_add(v).ok_or(CalcError::TotalOverflow)?;
                    }
                }
            }
            let co2e = per_member
                .iter()
                .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b))
                .ok_or(CalcError::TotalOverflow)?;
            options.push(Opt {
                levels,
                per_member,
                co2e,
            });
        }
        // Best first: finds good solutions early, which prunes more; the all-off option
        // (code 0) stays ahead of options that are no better.
        crate::sort::sort_by_key(&mut options, |o| std::cmp::Reverse(o.co2e));
        components.push(Component { members, options });
    }
    Ok(Candidates {
        measures,
        steps,
        components,
    })
}

/// Costs of one option in units of `1/steps` (level k adds k × the full cost).
fn option_costs(
    c: &Candidates,
    comp: &Component,
    opt: &Opt,
    budget: &Budget,
) -> (Decimal, Decimal) {
    let mut once = Decimal::ZERO;
    let mut year = Decimal::ZERO;
    for (m, l) in comp.members.iter().zip(&opt.levels) {
        let Some(cand) = c.measures.get(*m) else {
            continue;
        };
        if !budget.perspective.includes(cand.cost_payer) {
            continue;
        }
        let k = Decimal::from(*l);
        once = once.saturating_add(cand.cost_once.value().max(Decimal::ZERO).saturating_mul(k));
        year = year.saturating_add(
            cand.cost_per_year
                .value()
                .max(Decimal::ZERO)
                .saturating_mul(k),
        );
    }
    (once, year)
}

/// The linear relaxation of one budget dimension: per suffix of components, the value
/// available at no cost and the hull segments (Δcost, ΔCO2e), best slope first.
struct Relaxation {
    base: Vec<Decimal>,
    segments: Vec<Vec<(Decimal, Decimal)>>,
}

fn hull(points: &[(Decimal, Decimal)]) -> (Decimal, Vec<(Decimal, Decimal)>) {
    let base = points
        .iter()
        .filter(|(c, _)| c.is_zero())
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(Decimal::ZERO)
        .max(Decimal::ZERO);
    let (mut c0, mut v0) = (Decimal::ZERO, base);
    let mut segs = Vec::new();
    loop {
        let mut best: Option<(Decimal, Decimal, Decimal)> = None;
        for (c, v) in points {
            if *c <= c0 || *v <= v0 {
                continue;
            }
            let slope = ratio(v.saturating_sub(v0), c.saturating_sub(c0));
            let better = best.is_none_or(|(s, bc, _)| slope > s || (slope == s && *c > bc));
            if better {
                best = Some((slope, *c, *v));
            }
        }
        let Some((_, c, v)) = best else { break };
        segs.push((c.saturating_sub(c0), v.saturating_sub(v0)));
        (c0, v0) = (c, v);
    }
    (base, segs)
}

impl Relaxation {
    fn new(points: &[Vec<(Decimal, Decimal)>]) -> Self {
        let hulls: Vec<(Decimal, Vec<(Decimal, Decimal)>)> =
            points.iter().map(|p| hull(p)).collect();
        let n = hulls.len();
        let mut base = vec![Decimal::ZERO; n + 1];
        let mut segments = vec![Vec::new(); n + 1];
        for from in (0..n).rev() {
            let (b, s) = hulls.get(from).cloned().unwrap_or_default();
            let next_base = base.get(from + 1).copied().unwrap_or_default();
            let mut segs = segments.get(from + 1).cloned().unwrap_or_default();
            segs.extend(s);
            crate::sort::sort_by_key(&mut segs, |x| std::cmp::Reverse(ratio(x.1, x.0)));
            if let Some(slot) = base.get_mut(from) {
                *slot = next_base.saturating_add(b);
            }
            if let Some(slot) = segments.get_mut(from) {
                *slot = segs;
            }
        }
        Self { base, segments }
    }

    fn bound(&self, from: usize, left: Decimal) -> Decimal {
        let mut total = self.base.get(from).copied().unwrap_or_default();
        let mut left = left;
        for (c, v) in self.segments.get(from).map_or(&[][..], Vec::as_slice) {
            if left <= Decimal::ZERO {
                break;
            }
            if *c <= left {
                total = total.saturating_add(*v);
                left = left.saturating_sub(*c);
            } else {
                let part = v
                    .checked_mul(left)
                    .and_then(|x| x.checked_div(*c))
                    .unwrap_or(*v);
                // Round up so the bound stays an upper bound.
                total = total.saturating_add(part.ceil());
                left = Decimal::ZERO;
            }
        }
        total
    }
}

struct Search<'a> {
    comps: &'a [Component],
    costs: Vec<Vec<(Decimal, Decimal)>>,
    once: Option<Decimal>,
    year: Option<Decimal>,
    relax_once: Relaxation,
    relax_year: Relaxation,
    max_rest: Vec<Decimal>,
    best: Decimal,
    best_pick: Vec<usize>,
    pick: Vec<usize>,
}

impl Search<'_> {
    fn bound(&self, from: usize, once_left: Decimal, year_left: Decimal) -> Decimal {
        let mut b = self.max_rest.get(from).copied().unwrap_or_default();
        if self.once.is_some() {
            b = b.min(self.relax_once.bound(from, once_left));
        }
        if self.year.is_some() {
            b = b.min(self.relax_year.bound(from, year_left));
        }
        b
    }

    fn go(&mut self, i: usize, co2e: Decimal, once_left: Decimal, year_left: Decimal) {
        if co2e > self.best {
            self.best = co2e;
            self.best_pick.clone_from(&self.pick);
        }
        let Some(comp) = self.comps.get(i) else {
            return;
        };
        if co2e.saturating_add(self.bound(i, once_left, year_left)) <= self.best {
            return;
        }
        for (k, opt) in comp.options.iter().enumerate() {
            let (o, y) = self
                .costs
                .get(i)
                .and_then(|c| c.get(k))
                .copied()
                .unwrap_or_default();
            let fits_once = self.once.is_none() || o <= once_left;
            let fits_year = self.year.is_none() || y <= year_left;
            if !(fits_once && fits_year) {
                continue;
            }
            if let Some(p) = self.pick.get_mut(i) {
                *p = k;
            }
            self.go(
                i + 1,
                co2e.saturating_add(opt.co2e),
                once_left.saturating_sub(o),
                year_left.saturating_sub(y),
            );
        }
        if let Some(p) = self.pick.get_mut(i) {
            *p = usize::MAX;
        }
    }
}

fn ratio(gain: Decimal, cost: Decimal) -> Decimal {
    gain.checked_div(cost).unwrap_or(Decimal::MAX)
}

/// Picks the measures and levels that save the most CO2e per year within the budget.
///
/// Exact: every combination of interacting measures is evaluated with the pooled model,
/// and the branch and bound only prunes what provably cannot beat the best found; among
/// equal optima the first found is kept.
///
/// ```
/// use calc_core::{Budget, LinearModel, Sek, candidates, demo, optimize};
/// use rust_decimal_macros::dec;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let model = LinearModel::new(&demo::table()?, &demo::scenario()?)?;
/// // 10 000 SEK once: prevention has no start-up cost; collection's 15 000 SEK does not
/// // fit in full, so it is taken at the largest of 4 steps that does: 50 %, 7 500 SEK.
/// let budget = Budget { once: Some(Sek::new(dec!(10000))), ..Budget::default() };
/// let plan = optimize(&candidates(&model, 4)?, budget);
/// let chosen: Vec<(&str, String)> =
///     plan.chosen.iter().map(|c| (c.measure.as_str(), c.level.normalize().to_string())).collect();
/// assert_eq!(chosen, [("less_food_waste", "1".to_string()), ("food_collection", "0.5".to_string())]);
/// assert_eq!(plan.cost_once, Sek::new(dec!(7500)));
/// # Ok(())
/// # }
/// ```
#[must_use]
pub fn optimize(c: &Candidates, budget: Budget) -> Plan {
    let sd = Decimal::from(c.steps);
    let once = budget.once.map(|b| b.value().saturating_mul(sd));
    let year = budget.per_year.map(|b| b.value().saturating_mul(sd));
    let costs: Vec<Vec<(Decimal, Decimal)>> = c
        .components
        .iter()
        .map(|comp| {
            comp.options
                .iter()
                .map(|o| option_costs(c, comp, o, &budget))
                .collect()
        })
        .collect();
    let points = |dim: usize| -> Vec<Vec<(Decimal, Decimal)>> {
        c.components
            .iter()
            .zip(&costs)
            .map(|(comp, cs)| {
                comp.options
                    .iter()
                    .zip(cs)
                    .map(|(o, (a, b))| (if dim == 0 { *a } else { *b }, o.co2e))
                    .collect()
            })
            .collect()
    };
    let n = c.components.len();
    let mut max_rest = vec![Decimal::ZERO; n + 1];
    for i in (0..n).rev() {
        let best = c
            .components
            .get(i)
            .and_then(|comp| comp.options.iter().map(|o| o.co2e).max())
            .unwrap_or_default()
            .max(Decimal::ZERO);
        let next = max_rest.get(i + 1).copied().unwrap_or_default();
        if let Some(slot) = max_rest.get_mut(i) {
            *slot = next.saturating_add(best);
        }
    }
    let mut search = Search {
        comps: &c.components,
        relax_once: Relaxation::new(&points(0)),
        relax_year: Relaxation::new(&points(1)),
        costs,
        once,
        year,
        max_rest,
        best: Decimal::ZERO,
        best_pick: vec![usize::MAX; n],
        pick: vec![usize::MAX; n],
    };
    search.go(
        0,
        Decimal::ZERO,
        once.unwrap_or(Decimal::MAX),
        year.unwrap_or(Decimal::MAX),
    );
    let picks = search.best_pick;
    let mut level = vec![0_u32; c.measures.len()];
    let mut co2e_of = vec![Decimal::ZERO; c.measures.len()];
    for (comp, k) in c.components.iter().zip(&picks) {
        let Some(opt) = comp.options.get(*k) else {
            continue;
        };
        for ((m, l), v) in comp.members.iter().zip(&opt.levels).zip(&opt.per_member) {
            if let Some(slot) = level.get_mut(*m) {
                *slot = *l;
            }
            if let Some(slot) = co2e_of.get_mut(*m) {
                *slot = *v;
            }
        }
    }
    let mut plan = Plan {
        budget,
        chosen: Vec::new(),
        co2e_saved_kg_per_year: KgCo2e::ZERO,
        cost_once: Sek::ZERO,
        cost_per_year: Sek::ZERO,
        next_step: None,
    };
    for ((cand, k), v) in c.measures.iter().zip(&level).zip(&co2e_of) {
        if *k == 0 {
            continue;
        }
        let lv = Decimal::from(*k).checked_div(sd).unwrap_or(Decimal::ONE);
        let part = |x: Decimal| x.max(Decimal::ZERO).checked_mul(lv).unwrap_or(x);
        let choice = Choice {
            measure: cand.measure.clone(),
            level: lv,
            co2e_saved_kg_per_year: KgCo2e::new(*v),
            cost_once: Sek::new(part(cand.cost_once.value())),
            cost_per_year: Sek::new(part(cand.cost_per_year.value())),
        };
        plan.co2e_saved_kg_per_year = KgCo2e::new(
            plan.co2e_saved_kg_per_year
                .value()
                .saturating_add(choice.co2e_saved_kg_per_year.value()),
        );
        if budget.perspective.includes(cand.cost_payer) {
            plan.cost_once = Sek::new(
                plan.cost_once
                    .value()
                    .saturating_add(choice.cost_once.value()),
            );
            plan.cost_per_year = Sek::new(
                plan.cost_per_year
                    .value()
                    .saturating_add(choice.cost_per_year.value()),
            );
        }
        plan.chosen.push(choice);
    }
    // The next krona: one step up for one measure, the others as chosen.
    let mut next: Option<NextStep> = None;
    for (comp, k) in c.components.iter().zip(&picks) {
        let Some(opt) = comp.options.get(*k) else {
            continue;
        };
        for (pos, m) in comp.members.iter().enumerate() {
            let Some(l) = opt.levels.get(pos).copied() else {
                continue;
            };
            if l >= c.steps {
                continue;
            }
            let Some(up) = comp.options.iter().find(|o| {
                o.levels.iter().enumerate().all(|(p, x)| {
                    if p == pos {
                        *x == l + 1
                    } else {
                        opt.levels.get(p) == Some(x)
                    }
                })
            }) else {
                continue;
            };
            let Some(cand) = c.measures.get(*m) else {
                continue;
            };
            let gain = up.co2e.saturating_sub(opt.co2e);
            if gain <= Decimal::ZERO {
                continue;
            }
            let step_cost = cand
                .cost_once
                .value()
                .max(Decimal::ZERO)
                .saturating_add(cand.cost_per_year.value().max(Decimal::ZERO))
                .checked_div(sd)
                .unwrap_or_default();
            let per_sek = ratio(gain, step_cost);
            let better = next
                .as_ref()
                .is_none_or(|n| per_sek.cmp(&n.kg_co2e_per_sek) == Ordering::Greater);
            if better {
                next = Some(NextStep {
                    measure: cand.measure.clone(),
                    level: Decimal::from(l + 1).checked_div(sd).unwrap_or(Decimal::ONE),
                    extra_co2e_kg_per_year: KgCo2e::new(gain),
                    extra_sek: Sek::new(step_cost),
                    kg_co2e_per_sek: per_sek,
                });
            }
        }
    }
    plan.next_step = next;
    plan
}
