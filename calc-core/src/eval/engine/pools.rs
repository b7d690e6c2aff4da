//! The pools in integers: each municipality's pool, its measures in the order they act,
//! and the tonnes each moves per year, at full effect, over the period and discounted, with
//! every effect at its central, low and high value.

use super::bands::{Bands, CENTRAL, HIGH, LOW};
use crate::eval::factors::NR;
use crate::eval::pool::pool_members;
use crate::eval::results::{CalcError, Warning};
use crate::fixed::{self, ONE};
use crate::model::{Measure, Municipality, Pool, Route, ScbCode};
use crate::scenario::{Scenario, ScenarioItem};
use crate::units::{Tonnes, Year};

/// Tonnes per route (10⁻¹⁵ t).
pub(super) type Routes = [i128; NR];

/// Tonnes a measure moves out of each route, and their sum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Flow {
    pub(super) out: Routes,
    pub(super) moved: i128,
}

impl Flow {
    fn add(&mut self, o: &Flow) -> Option<()> {
        if o.moved == 0 {
            return Some(());
        }
        for (a, b) in self.out.iter_mut().zip(&o.out) {
            *a = a.checked_add(*b)?;
        }
        self.moved = self.moved.checked_add(o.moved)?;
        Some(())
    }

    fn add_times(&mut self, o: &Flow, q: u128) -> Option<()> {
        if o.moved == 0 {
            return Some(());
        }
        for (a, b) in self.out.iter_mut().zip(&o.out) {
            if *b != 0 {
                *a = a.checked_add(fixed::mul(*b, q)?)?;
            }
        }
        self.moved = self.moved.checked_add(fixed::mul(o.moved, q)?)?;
        Some(())
    }
}

/// One item placed in its pool.
#[derive(Clone, Debug)]
pub(super) struct Member {
    /// Index by [`Scenario::item_at`].
    pub(super) item: usize,
    acts_on: [bool; NR],
    /// effect × reach at the effect's central, low and high value (shares).
    share: Bands<u128>,
    /// Place in the pool's order (1-based).
    pub(super) order: u32,
    pub(super) pool_tonnes: Tonnes,
    pub(super) reachable: Tonnes,
}

/// The members of one pool in one municipality, in the order they act.
#[derive(Clone, Debug)]
pub(super) struct Group {
    initial: Routes,
    pub(super) members: Vec<Member>,
}

impl Group {
    /// Runs the members in order with the effects at `end`, member `i`'s share times
    /// `scale(i)`; writes each member's flow to `out`.
    fn run(&self, end: usize, scale: impl Fn(usize) -> u128, out: &mut Vec<Flow>) -> Option<()> {
        let mut stock = self.initial;
        out.clear();
        for (i, m) in self.members.iter().enumerate() {
            let s = scale(i);
            let share = *m.share.get(end)?;
            let k = if s == ONE {
                share
            } else {
                fixed::mul_shares(share, s)?
            };
            let mut flow = Flow::default();
            if k != 0 {
                for ((st, o), on) in stock.iter_mut().zip(flow.out.iter_mut()).zip(&m.acts_on) {
                    if *on && *st != 0 {
                        let moved = fixed::mul(*st, k)?;
                        *st = st.checked_sub(moved)?;
                        *o = moved;
                        flow.moved = flow.moved.checked_add(moved)?;
                    }
                }
            }
            out.push(flow);
        }
        Some(())
    }
}

fn overflow(item: &ScenarioItem) -> CalcError {
    CalcError::Overflow {
        measure: item.measure().id.clone(),
        municipality: item.municipality().code.clone(),
    }
}

/// The scenario's pools with their members (see [`pool_members`] for the order) and the
/// warnings about what a measure cannot reach.
pub(super) fn groups(scenario: &Scenario) -> Result<(Vec<Group>, Vec<Warning>), CalcError> {
    let mut groups = Vec::new();
    let mut warnings = Vec::new();
    for members in pool_members(scenario) {
        let Some(first) = members.first().and_then(|i| scenario.item_at(*i)) else {
            continue;
        };
        let pool_tonnes = first.pool_tonnes().ok_or_else(|| overflow(first))?;
        let initial = initial_routes(
            &first.measure().pool,
            &first.municipality().code,
            pool_tonnes,
        )
        .ok_or_else(|| overflow(first))?;
        let mut placed = Vec::with_capacity(members.len());
        for (order, i) in members.into_iter().enumerate() {
            let Some(item) = scenario.item_at(i) else {
                continue;
            };
            placed.push(member(
                item,
                i,
                order,
                &initial,
                pool_tonnes,
                &mut warnings,
            )?);
        }
        groups.push(Group {
            initial,
            members: placed,
        });
    }
    Ok((groups, warnings))
}

fn member(
    item: &ScenarioItem,
    i: usize,
    order: usize,
    initial: &Routes,
    pool_tonnes: Tonnes,
    warnings: &mut Vec<Warning>,
) -> Result<Member, CalcError> {
    let m = item.measure();
    let (acts_on, available) = in_routes(&m.acts_on, initial).ok_or_else(|| overflow(item))?;
    let quantity = item.reach_tonnes().ok_or_else(|| overflow(item))?;
    let r = reach(quantity, available).ok_or_else(|| overflow(item))?;
    match r.capped {
        Capped::NothingThere if !item.effect().value().is_zero() => {
            warnings.push(Warning::NoTonnesInRoutes {
                municipality: item.municipality().code.clone(),
                measure: m.id.clone(),
                pool: m.pool.id.clone(),
                routes: m.acts_on.clone(),
            });
        }
        Capped::AtPool(q) => warnings.push(Warning::QuantityExceedsPool {
            municipality: item.municipality().code.clone(),
            measure: m.id.clone(),
            pool: m.pool.id.clone(),
            quantity: q,
            available: r.tonnes,
        }),
        _ => {}
    }
    let (reach_share, reachable) = (r.share, r.tonnes);
    let effects = item.effect_range();
    let mut share = [0_u128; 3];
    let at = |s: crate::units::Share| {
        fixed::share(s.value()).and_then(|e| fixed::mul_shares(e, reach_share))
    };
    for (end, e) in [
        (CENTRAL, item.effect()),
        (LOW, effects.low()),
        (HIGH, effects.high()),
    ] {
        if let Some(slot) = share.get_mut(end) {
            *slot = at(e).ok_or_else(|| overflow(item))?;
        }
    }
    Ok(Member {
        item: i,
        acts_on,
        share,
        order: u32::try_from(order).unwrap_or(u32::MAX).saturating_add(1),
        pool_tonnes,
        reachable,
    })
}

/// Tonnes per route of a pool in a municipality (10⁻¹⁵ t) before any measure acts.
fn initial_routes(pool: &Pool, code: &ScbCode, pool_tonnes: Tonnes) -> Option<Routes> {
    let pool_t = fixed::tonnes(pool_tonnes.value())?;
    let mut initial = [0_i128; NR];
    for (route, share) in pool.baseline_for(code).shares() {
        if let Some(slot) = initial.get_mut(route.index()) {
            *slot = fixed::share(share.value()).and_then(|q| fixed::mul(pool_t, q))?;
        }
    }
    Some(initial)
}

/// The routes a measure acts on, and the tonnes the pool has in them (10⁻¹⁵ t).
fn in_routes(acts_on: &[Route], initial: &Routes) -> Option<([bool; NR], i128)> {
    let mut on = [false; NR];
    let mut available: i128 = 0;
    for r in acts_on {
        if let Some(a) = on.get_mut(r.index()) {
            *a = true;
        }
        available = available.checked_add(initial.get(r.index()).copied().unwrap_or_default())?;
    }
    Some((on, available))
}

/// Why a measure reaches less than asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Capped {
    /// It reaches what it asks for (its quantity, or everything in its routes).
    No,
    /// The pool has nothing in the routes it acts on.
    NothingThere,
    /// Its quantity (given) is more than the pool has there: capped at the pool.
    AtPool(Tonnes),
}

/// What a measure reaches: the tonnes, and their share of what its routes hold.
#[derive(Clone, Copy, Debug)]
struct Reach {
    tonnes: Tonnes,
    share: u128,
    capped: Capped,
}

/// What a measure with `quantity` (`None`: all of its routes) reaches of `available`
/// tonnes (10⁻¹⁵ t): the quantity, capped at what the routes hold. The one rule of the
/// cap, for the evaluation and for [`reachable_tonnes`].
fn reach(quantity: Option<Tonnes>, available: i128) -> Option<Reach> {
    if available == 0 {
        return Some(Reach {
            tonnes: Tonnes::ZERO,
            share: 0,
            capped: Capped::NothingThere,
        });
    }
    let all = fixed::to_decimal(available, fixed::TONNES).map(|d| Tonnes::new(d.normalize()))?;
    let Some(q) = quantity else {
        return Some(Reach {
            tonnes: all,
            share: ONE,
            capped: Capped::No,
        });
    };
    let qf = fixed::tonnes(q.value())?;
    if qf > available {
        return Some(Reach {
            tonnes: all,
            share: ONE,
            capped: Capped::AtPool(q),
        });
    }
    let share = fixed::ratio(u128::try_from(qf).ok()?, u128::try_from(available).ok()?)?;
    Some(Reach {
        tonnes: q,
        share,
        capped: Capped::No,
    })
}

/// The tonnes per year `measure` can reach in `municipality` before any other measure
/// acts, as the evaluation computes them: its `quantity` (`None`: the catalogue basis ×
/// population, or everything the pool has in the routes it acts on), capped at what
/// `pool` (with any own figures laid over it) has in those routes. `None` on overflow.
///
/// ```
/// use calc_core::{demo, evaluate, reachable_tonnes};
/// let s = demo::scenario()?;
/// let e = evaluate(&demo::table()?, &s)?;
/// for (item, result) in s.items.iter().zip(&e.items) {
///     let m = item.measure();
///     let reach = reachable_tonnes(m, &m.pool, item.municipality(), item.quantity_override());
///     // The tonnes the evaluation reports as the measure's reach.
///     assert_eq!(reach, Some(result.affected_tonnes_per_year));
/// }
/// # Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
/// ```
#[must_use]
pub fn reachable_tonnes(
    measure: &Measure,
    pool: &Pool,
    municipality: &Municipality,
    quantity: Option<Tonnes>,
) -> Option<Tonnes> {
    let pool_tonnes = pool.tonnes_for(&municipality.code, municipality.population)?;
    let initial = initial_routes(pool, &municipality.code, pool_tonnes)?;
    let (_, available) = in_routes(&measure.acts_on, &initial)?;
    let quantity = match (quantity, &measure.basis) {
        (Some(q), _) => Some(q),
        (None, Some(b)) => Some(b.tonnes_for(municipality.population)?),
        (None, None) => None,
    };
    reach(quantity, available).map(|r| r.tonnes)
}

/// Share of full effect in `year` (see [`crate::ramp`]).
pub(super) fn ramp(year: Year, start: Year, full: Year) -> Option<u128> {
    if year < start {
        Some(0)
    } else if year >= full {
        Some(ONE)
    } else {
        let done = u128::from(year.get().checked_sub(start.get())?.checked_add(1)?);
        let steps = u128::from(full.get().checked_sub(start.get())?.checked_add(1)?);
        fixed::ratio(done, steps)
    }
}

/// One item's flows at one end of the effects.
#[derive(Clone, Debug, Default)]
pub(super) struct ItemFlows {
    pub(super) full: Flow,
    pub(super) years: Vec<Flow>,
    pub(super) cumulative: Flow,
    pub(super) discounted: Flow,
}

/// Each item's flows (by [`Scenario::item_at`]'s index) with the effects at `end`: at full
/// effect, per year when `rows`, summed over the period and discounted by `discount`.
pub(super) fn item_flows(
    scenario: &Scenario,
    groups: &[Group],
    ramps: &[Vec<u128>],
    discount: &[u128],
    end: usize,
    rows: bool,
) -> Option<Vec<ItemFlows>> {
    let n = scenario.items.len() + scenario.reference.len();
    let mut flows = vec![ItemFlows::default(); n];
    let years = discount.len();
    let mut full = Vec::new();
    let mut yf = Vec::new();
    let mut scales: Vec<u128> = Vec::new();
    let mut prev: Vec<u128> = Vec::new();
    for g in groups {
        g.run(end, |_| ONE, &mut full)?;
        for (m, f) in g.members.iter().zip(&full) {
            let slot = flows.get_mut(m.item)?;
            slot.full = *f;
            if rows {
                slot.years.reserve_exact(years);
            }
        }
        prev.clear();
        for (k, d) in discount.iter().enumerate() {
            scales.clear();
            for m in &g.members {
                scales.push(*ramps.get(m.item)?.get(k)?);
            }
            // The same scales give the same flows: every member at full effect gives the
            // full-effect flows, and a year like the one before gives its flows.
            let this: &[Flow] = if scales.iter().all(|s| *s == ONE) {
                &full
            } else {
                if scales != prev || yf.is_empty() {
                    g.run(end, |i| scales.get(i).copied().unwrap_or_default(), &mut yf)?;
                }
                &yf
            };
            for (m, f) in g.members.iter().zip(this) {
                let slot = flows.get_mut(m.item)?;
                slot.cumulative.add(f)?;
                slot.discounted.add_times(f, *d)?;
                if rows {
                    slot.years.push(*f);
                }
            }
            std::mem::swap(&mut scales, &mut prev);
        }
    }
    Some(flows)
}
