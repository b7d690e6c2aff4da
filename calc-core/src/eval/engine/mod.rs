//! The evaluation in integers ([`crate::fixed`]): the pools run once per end of the
//! effects' range, each item's figures are computed and summed in integers, and every
//! figure becomes a decimal once, when the [`Evaluation`] is built. Sums of integers are
//! exact in any order, so the measures add up to the totals, the payers to society and the
//! municipalities to the region, in every year.

use super::factors::{MeasureSpec, measure_specs};
use super::flow::Flow;
use super::pool::{Evaluated, ItemFlows, discount_factors, has_effect_ranges};
use super::results::{Band, CalcError, Evaluation, GroupSummary, YearTotal};
use crate::fixed;
use crate::model::FactorTable;
use crate::scenario::Scenario;
use crate::units::{KgCo2e, Tonnes};
use std::sync::Arc;

mod bands;
mod item;
mod pools;
mod values;

use bands::{Bands, CENTRAL, HIGH, LOW};

pub use pools::reachable_tonnes;

/// Totals per key (a measure or a municipality) in order of first appearance.
struct Groups<K>(Vec<(K, item::Sums)>);

impl<K: PartialEq + Clone> Groups<K> {
    fn add(&mut self, key: &K, s: &item::Sums) -> Option<()> {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, sum)) => sum.add(s),
            None => {
                self.0.push((key.clone(), s.clone()));
                Some(())
            }
        }
    }

    fn summaries(self) -> Option<Vec<GroupSummary<K>>> {
        self.0
            .into_iter()
            .map(|(key, s)| {
                Some(GroupSummary {
                    key,
                    summary: s.summary()?,
                })
            })
            .collect()
    }
}

/// One year's total in integers.
#[derive(Clone, Default)]
struct YearSums {
    tonnes: i128,
    co2e: Bands<i128>,
    net: item::PerPayer,
}

/// Evaluates a scenario in integers; `rows` is whether the year-by-year figures are made.
pub(crate) fn evaluate(
    table: &FactorTable,
    scenario: &Scenario,
    rows: bool,
) -> Result<Evaluation, CalcError> {
    run(table, scenario, rows).map(|r| r.evaluation)
}

/// The evaluation with what the linear model starts from: each item's spec, and its
/// central flows (at full effect, summed and discounted) as decimals, exactly.
pub(crate) fn evaluated(table: &FactorTable, scenario: &Scenario) -> Result<Evaluated, CalcError> {
    let r = run(table, scenario, true)?;
    let flow = |f: &pools::Flow| -> Option<Flow> {
        let mut out = Flow::default();
        for (slot, v) in out.out.iter_mut().zip(&f.out) {
            *slot = fixed::to_decimal(*v, fixed::TONNES)?;
        }
        out.moved = fixed::to_decimal(f.moved, fixed::TONNES)?;
        Some(out)
    };
    let flows = r
        .central
        .iter()
        .zip(&r.placed)
        .map(|(c, (order, pool_tonnes, reachable))| {
            Some(ItemFlows {
                full: flow(&c.full)?,
                years: Vec::new(),
                cumulative: flow(&c.cumulative)?,
                discounted: flow(&c.discounted)?,
                order: *order,
                pool_tonnes: *pool_tonnes,
                reachable: *reachable,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(CalcError::TotalOverflow)?;
    Ok(Evaluated {
        evaluation: r.evaluation,
        specs: r.specs,
        flows,
    })
}

/// An evaluation and its intermediate results.
struct Run {
    evaluation: Evaluation,
    specs: Vec<Arc<MeasureSpec>>,
    central: Vec<pools::ItemFlows>,
    placed: Vec<(u32, Tonnes, Tonnes)>,
}

fn run(table: &FactorTable, scenario: &Scenario, rows: bool) -> Result<Run, CalcError> {
    let period = scenario.period;
    let overflow = || CalcError::TotalOverflow;
    let discount: Vec<u128> = discount_factors(&period, scenario.discount_rate)
        .and_then(|d| d.into_iter().map(fixed::share).collect())
        .ok_or_else(overflow)?;
    let specs = measure_specs(table, scenario)?;
    let mut fixed_specs: Vec<(*const MeasureSpec, Arc<values::Spec>)> = Vec::new();
    let mut item_specs = Vec::with_capacity(specs.len());
    for s in &specs {
        let key = Arc::as_ptr(s);
        let f = match fixed_specs.iter().find(|(k, _)| *k == key) {
            Some((_, f)) => Arc::clone(f),
            None => {
                let f = Arc::new(values::Spec::new(s).ok_or_else(overflow)?);
                fixed_specs.push((key, Arc::clone(&f)));
                f
            }
        };
        item_specs.push(f);
    }
    let (groups, warnings) = pools::groups(scenario)?;
    let ramps: Vec<Vec<u128>> = scenario
        .all_items()
        .map(|it| {
            period
                .years()
                .map(|y| pools::ramp(y, it.start_year(), it.full_effect_year()))
                .collect::<Option<Vec<_>>>()
        })
        .collect::<Option<_>>()
        .ok_or_else(overflow)?;
    let run = |end| pools::item_flows(scenario, &groups, &ramps, &discount, end, rows);
    let central = run(CENTRAL).ok_or_else(overflow)?;
    let ends = if has_effect_ranges(scenario) {
        Some((
            run(LOW).ok_or_else(overflow)?,
            run(HIGH).ok_or_else(overflow)?,
        ))
    } else {
        None
    };
    let mut placed = vec![(0_u32, Tonnes::ZERO, Tonnes::ZERO); central.len()];
    for m in groups.iter().flat_map(|g| &g.members) {
        if let Some(slot) = placed.get_mut(m.item) {
            *slot = (m.order, m.pool_tonnes, m.reachable);
        }
    }

    let n = scenario.items.len();
    let include = scenario.include_required_by_law;
    let mut items = Vec::with_capacity(n);
    let mut reference = Vec::with_capacity(scenario.reference.len());
    let (mut by_measure, mut by_municipality) = (Groups(Vec::new()), Groups(Vec::new()));
    let mut by_duty = Groups(Vec::new());
    let (mut total, mut law) = (item::Sums::default(), item::Sums::default());
    let mut years = vec![YearSums::default(); if rows { period.len() } else { 0 }];
    for (k, (((it, spec), fspec), c)) in scenario
        .all_items()
        .zip(&specs)
        .zip(&item_specs)
        .zip(&central)
        .enumerate()
    {
        let flows = item::Flows {
            central: c,
            ends: ends
                .as_ref()
                .and_then(|(l, h)| Some((l.get(k)?, h.get(k)?))),
        };
        let placed = placed.get(k).copied().ok_or_else(overflow)?;
        let e = item::evaluate_item(it, spec, fspec, &flows, placed, &period, &discount, rows)?;
        let counted = k < n || include;
        if k >= n {
            law.add(&e.sums).ok_or_else(overflow)?;
            by_duty
                .add(&e.result.measure, &e.sums)
                .ok_or_else(overflow)?;
        }
        if counted {
            by_measure
                .add(&e.result.measure, &e.sums)
                .ok_or_else(overflow)?;
            by_municipality
                .add(&e.result.municipality, &e.sums)
                .ok_or_else(overflow)?;
            total.add(&e.sums).ok_or_else(overflow)?;
            for (yt, y) in years.iter_mut().zip(&e.years) {
                add_year(yt, y).ok_or_else(overflow)?;
            }
        }
        if k < n {
            items.push(e.result);
        } else {
            reference.push(e.result);
        }
    }
    let mut by_year = Vec::with_capacity(years.len());
    let mut running = [0_i128; 3];
    for (year, y) in period.years().zip(&years) {
        for (r, v) in running.iter_mut().zip(&y.co2e) {
            *r = r.checked_add(*v).ok_or_else(overflow)?;
        }
        by_year.push(year_total(year, y, &running).ok_or_else(overflow)?);
    }
    let evaluation = Evaluation {
        factor_set: table.info().clone(),
        scenario: scenario.name.clone(),
        period,
        discount_rate: scenario.discount_rate,
        items,
        by_measure: by_measure.summaries().ok_or_else(overflow)?,
        by_municipality: by_municipality.summaries().ok_or_else(overflow)?,
        by_year,
        total: total.summary().ok_or_else(overflow)?,
        case: scenario.case(),
        required_by_law_items: reference,
        required_by_law: law.summary().ok_or_else(overflow)?,
        required_by_law_by_duty: by_duty.summaries().ok_or_else(overflow)?,
        includes_required_by_law: include,
        warnings,
    };
    Ok(Run {
        evaluation,
        specs,
        central,
        placed,
    })
}

fn add_year(t: &mut YearSums, y: &item::Year) -> Option<()> {
    t.tonnes = t.tonnes.checked_add(y.tonnes)?;
    for (a, b) in t.co2e.iter_mut().zip(&y.co2e) {
        *a = a.checked_add(*b)?;
    }
    for (a, b) in t.net.iter_mut().zip(&y.net) {
        for (x, z) in a.iter_mut().zip(b) {
            *x = x.checked_add(*z)?;
        }
    }
    Some(())
}

fn year_total(year: crate::units::Year, y: &YearSums, running: &Bands<i128>) -> Option<YearTotal> {
    let kg = |b: &Bands<i128>| -> Option<Band<KgCo2e>> {
        Some(Band {
            low: KgCo2e::new(fixed::to_decimal(b[LOW], fixed::VALUE)?),
            central: KgCo2e::new(fixed::to_decimal(b[CENTRAL], fixed::VALUE)?),
            high: KgCo2e::new(fixed::to_decimal(b[HIGH], fixed::VALUE)?),
        })
    };
    let row = item::Year {
        tonnes: y.tonnes,
        co2e: y.co2e,
        net: y.net,
        ..item::Year::default()
    }
    .row(year, rust_decimal::Decimal::ZERO)?;
    Some(YearTotal {
        year,
        tonnes_shifted: row.tonnes_shifted,
        co2e_saved_kg: row.co2e_saved_kg,
        net_sek_saved_by_payer: row.net_sek_saved_by_payer,
        society_net_sek_saved: row.society_net_sek_saved,
        co2e_saved_kg_cumulative: kg(running)?,
    })
}
