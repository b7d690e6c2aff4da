//! Budget optimizer: the set of measures (and effect levels) that saves the most CO2e
//! within a SEK budget.
//!
//! Each measure (summed over its municipalities in the evaluation) can be left out or done
//! at level `k / steps` of its scenario effect, `k = 1..=steps`. CO2e saved per year scales
//! with the level (it is linear in the effect); so, by assumption, do its costs: a measure
//! done at half its ambition costs half. With `steps = 1` a measure is simply in or out.
//! The budget limits one-time costs, running costs per year, or both.
//!
//! The search is exact: depth-first branch and bound over measures, pruned by the
//! fractional-knapsack (linear relaxation) bound of each budget, which is an upper bound on
//! what the remaining measures can add. The catalogue's size (tens of measures) solves in
//! well under a millisecond.

use crate::eval::Evaluation;
use crate::model::MeasureId;
use crate::units::{KgCo2e, Sek};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Limits on what the chosen measures may cost. `None` means no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    /// Limit on the sum of one-time (implementation) costs.
    pub once: Option<Sek>,
    /// Limit on the sum of running costs per year.
    pub per_year: Option<Sek>,
}

/// A measure's option in the optimizer, at full level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The measure.
    pub measure: MeasureId,
    /// kg CO2e saved per year at full effect.
    pub co2e_saved_kg_per_year: KgCo2e,
    /// One-time cost.
    pub cost_once: Sek,
    /// Running cost per year.
    pub cost_per_year: Sek,
}

/// A chosen measure and its level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The measure.
    pub measure: MeasureId,
    /// Level as a share of the scenario effect (`k / steps`).
    pub level: Decimal,
    /// kg CO2e saved per year at this level.
    pub co2e_saved_kg_per_year: KgCo2e,
    /// One-time cost at this level.
    pub cost_once: Sek,
    /// Running cost per year at this level.
    pub cost_per_year: Sek,
}

/// What one more step would buy: the best step not taken, by CO2e per krona.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// The candidates of an evaluation: one per measure, summed over municipalities.
#[must_use]
pub fn candidates(evaluation: &Evaluation) -> Vec<Candidate> {
    evaluation
        .by_measure
        .iter()
        .map(|g| Candidate {
            measure: MeasureId(g.key.clone()),
            co2e_saved_kg_per_year: g.summary.co2e_saved_kg_per_year.central,
            cost_once: g.summary.implementation_cost_sek,
            cost_per_year: g.summary.running_cost_sek_per_year,
        })
        .collect()
}

/// One option per (measure, level) in integer units of the step, in Decimal.
#[derive(Clone, Copy, Debug)]
struct Unit {
    co2e: Decimal,
    once: Decimal,
    year: Decimal,
}

struct Search<'a> {
    units: &'a [Unit],
    steps: u32,
    once: Option<Decimal>,
    year: Option<Decimal>,
    best: Decimal,
    best_levels: Vec<u32>,
    levels: Vec<u32>,
}

impl Search<'_> {
    /// Upper bound of what measures `from..` can add with the remaining budgets:
    /// the smaller of the fractional-knapsack bounds for each limited budget.
    fn bound(&self, from: usize, once_left: Decimal, year_left: Decimal) -> Decimal {
        let rest = self.units.get(from..).unwrap_or(&[]);
        let steps = Decimal::from(self.steps);
        let full: Decimal = rest
            .iter()
            .filter(|u| u.co2e > Decimal::ZERO)
            .fold(Decimal::ZERO, |acc, u| {
                acc.saturating_add(u.co2e.saturating_mul(steps))
            });
        let mut bound = full;
        for (limit, left, cost) in [
            (
                self.once,
                once_left,
                (|u: &Unit| u.once) as fn(&Unit) -> Decimal,
            ),
            (self.year, year_left, |u: &Unit| u.year),
        ] {
            if limit.is_none() {
                continue;
            }
            bound = bound.min(fractional_bound(rest, steps, left, cost));
        }
        bound
    }

    fn go(&mut self, i: usize, co2e: Decimal, once_left: Decimal, year_left: Decimal) {
        if co2e > self.best {
            self.best = co2e;
            self.best_levels.clone_from(&self.levels);
        }
        let Some(u) = self.units.get(i).copied() else {
            return;
        };
        if co2e.saturating_add(self.bound(i, once_left, year_left)) <= self.best {
            return;
        }
        // Highest level first: finds good solutions early, which prunes more.
        if u.co2e > Decimal::ZERO {
            for k in (1..=self.steps).rev() {
                let kd = Decimal::from(k);
                let (o, y) = (u.once.saturating_mul(kd), u.year.saturating_mul(kd));
                let fits_once = self.once.is_none() || o <= once_left;
                let fits_year = self.year.is_none() || y <= year_left;
                if fits_once && fits_year {
                    if let Some(l) = self.levels.get_mut(i) {
                        *l = k;
                    }
                    self.go(
                        i + 1,
                        co2e.saturating_add(u.co2e.saturating_mul(kd)),
                        once_left.saturating_sub(o),
                        year_left.saturating_sub(y),
                    );
                    if let Some(l) = self.levels.get_mut(i) {
                        *l = 0;
                    }
                }
            }
        }
        self.go(i + 1, co2e, once_left, year_left);
    }
}

/// Fractional knapsack: best CO2e from `units` (each up to `steps` units) with `left` SEK
/// of one budget, taking units in order of CO2e per SEK and a fraction of the last.
fn fractional_bound(
    units: &[Unit],
    steps: Decimal,
    left: Decimal,
    cost: fn(&Unit) -> Decimal,
) -> Decimal {
    let mut free = Decimal::ZERO;
    let mut paid: Vec<(Decimal, Decimal)> = Vec::new();
    for u in units.iter().filter(|u| u.co2e > Decimal::ZERO) {
        let c = cost(u);
        if c <= Decimal::ZERO {
            free = free.saturating_add(u.co2e.saturating_mul(steps));
        } else {
            paid.push((u.co2e.saturating_mul(steps), c.saturating_mul(steps)));
        }
    }
    paid.sort_by_key(|p| std::cmp::Reverse(ratio(p.0, p.1)));
    let mut left = left;
    let mut total = free;
    for (gain, c) in paid {
        if left <= Decimal::ZERO {
            break;
        }
        if c <= left {
            total = total.saturating_add(gain);
            left = left.saturating_sub(c);
        } else {
            let part = gain
                .checked_mul(left)
                .and_then(|x| x.checked_div(c))
                .unwrap_or(gain);
            // Round up so the bound stays an upper bound.
            total = total.saturating_add(part.ceil());
            left = Decimal::ZERO;
        }
    }
    total
}

fn ratio(gain: Decimal, cost: Decimal) -> Decimal {
    gain.checked_div(cost).unwrap_or(Decimal::MAX)
}

/// Picks the measures and levels that save the most CO2e per year within the budget.
///
/// Exact for any number of candidates (the search is exponential in the worst case, but the
/// bound prunes the catalogue's size to a few thousand nodes); among equal optima the first
/// found is kept (earlier measures at higher levels).
#[must_use]
pub fn optimize(candidates: &[Candidate], budget: Budget, steps: u32) -> Plan {
    let steps = steps.clamp(1, 20);
    let sd = Decimal::from(steps);
    // Work in units of 1/steps of a measure: a level-k choice adds k × (full value) to
    // sums that are `steps` times the real ones, so every comparison is exact (no 1/3).
    let units: Vec<Unit> = candidates
        .iter()
        .map(|c| Unit {
            co2e: c.co2e_saved_kg_per_year.value(),
            once: c.cost_once.value().max(Decimal::ZERO),
            year: c.cost_per_year.value().max(Decimal::ZERO),
        })
        .collect();
    let once = budget.once.map(|b| b.value().saturating_mul(sd));
    let year = budget.per_year.map(|b| b.value().saturating_mul(sd));
    let mut search = Search {
        units: &units,
        steps,
        once,
        year,
        best: Decimal::ZERO,
        best_levels: vec![0; units.len()],
        levels: vec![0; units.len()],
    };
    search.go(
        0,
        Decimal::ZERO,
        once.unwrap_or(Decimal::MAX),
        year.unwrap_or(Decimal::MAX),
    );
    let levels = search.best_levels;
    let mut plan = Plan {
        budget,
        chosen: Vec::new(),
        co2e_saved_kg_per_year: KgCo2e::ZERO,
        cost_once: Sek::ZERO,
        cost_per_year: Sek::ZERO,
        next_step: None,
    };
    let mut next: Option<NextStep> = None;
    for ((c, u), k) in candidates.iter().zip(&units).zip(&levels) {
        let level = Decimal::from(*k).checked_div(sd).unwrap_or(Decimal::ONE);
        let part = |v: Decimal| v.checked_mul(level).unwrap_or(v);
        if *k > 0 {
            let choice = Choice {
                measure: c.measure.clone(),
                level,
                co2e_saved_kg_per_year: KgCo2e::new(part(u.co2e)),
                cost_once: Sek::new(part(u.once)),
                cost_per_year: Sek::new(part(u.year)),
            };
            plan.co2e_saved_kg_per_year = KgCo2e::new(
                plan.co2e_saved_kg_per_year
                    .value()
                    .saturating_add(choice.co2e_saved_kg_per_year.value()),
            );
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
            plan.chosen.push(choice);
        }
        if *k < steps && u.co2e > Decimal::ZERO {
            let step = |v: Decimal| v.checked_div(sd).unwrap_or(v);
            let extra_sek = step(u.once.saturating_add(u.year));
            let per_sek = ratio(u.co2e, u.once.saturating_add(u.year));
            let better = next
                .as_ref()
                .is_none_or(|n| per_sek.cmp(&n.kg_co2e_per_sek) == Ordering::Greater);
            if better {
                next = Some(NextStep {
                    measure: c.measure.clone(),
                    level: Decimal::from(k + 1).checked_div(sd).unwrap_or(Decimal::ONE),
                    extra_co2e_kg_per_year: KgCo2e::new(step(u.co2e)),
                    extra_sek: Sek::new(extra_sek),
                    kg_co2e_per_sek: per_sek,
                });
            }
        }
    }
    plan.next_step = next;
    plan
}
