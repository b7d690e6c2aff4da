//! One measure in one municipality: its figures per year, at full effect, over the plan
//! period and discounted.

use super::factors::MeasureSpec;
use super::flow::{Flow, Values, central_yields};
use super::pool::{ItemFlows, Rows, ramp};
use super::results::{Band, CalcError, ItemResult, OwnFiguresUsed, Summary, YearRow, sum_payers};
use crate::model::{ByPayer, Estimate, Payer, Perspective, Route};
use crate::scenario::{PlanPeriod, ScenarioItem};
use crate::units::{KgCo2e, KgCo2ePerTonne, Sek, SekPerTonne, Tonnes};
use rust_decimal::Decimal;

fn band_kg(b: Band<Decimal>) -> Band<KgCo2e> {
    Band {
        low: KgCo2e::new(b.low),
        central: KgCo2e::new(b.central),
        high: KgCo2e::new(b.high),
    }
}

fn band_sek(b: Band<Decimal>) -> Band<Sek> {
    Band {
        low: Sek::new(b.low),
        central: Sek::new(b.central),
        high: Sek::new(b.high),
    }
}

/// Net SEK per payer: the routes' SEK minus the measure's costs for its payer.
fn net_by_payer(v: &Values, cost_payer: Payer, cost: Estimate<Sek>) -> Option<ByPayer<Band<Sek>>> {
    let mut out = v.sek.try_map(|b| Some(band_sek(*b)))?;
    let slot = out.get_mut(cost_payer);
    *slot = slot.minus_cost(cost)?;
    Some(out)
}

fn route_sek(v: &Values) -> Option<Band<Sek>> {
    sum_payers(&v.sek.try_map(|b| Some(band_sek(*b)))?)
}

fn estimate_sum(a: Estimate<Sek>, b: Estimate<Sek>) -> Option<Estimate<Sek>> {
    Estimate::new(
        a.low().checked_add(b.low())?,
        a.central().checked_add(b.central())?,
        a.high().checked_add(b.high())?,
    )
    .ok()
}

fn estimate_scale(a: Estimate<Sek>, k: Decimal) -> Option<Estimate<Sek>> {
    // k ≥ 0 (a count of years or a discount multiplier), so the order is kept.
    Estimate::new(
        a.low().checked_scale(k)?,
        a.central().checked_scale(k)?,
        a.high().checked_scale(k)?,
    )
    .ok()
}

fn estimate_band(a: Estimate<Sek>) -> Band<Sek> {
    Band {
        low: a.low(),
        central: a.central(),
        high: a.high(),
    }
}

fn per_tonne(v: Decimal, t: Decimal) -> Decimal {
    if t.is_zero() {
        Decimal::ZERO
    } else {
        v.checked_div(t).unwrap_or(Decimal::ZERO)
    }
}

/// The flows of an item with every effect at its low and at its high end.
pub(super) type Ends<'a> = Option<(&'a ItemFlows, &'a ItemFlows)>;

/// Widens `v`, the values of the central flow `c`, over the effects' range: `lo` and `hi`
/// are the same flow with every effect at its low and high end. Their values are `v`'s
/// scaled by the tonnes moved (exact for one measure on a pool; with stacked measures the
/// tonnes are exact and the mix of routes they come from is the central run's); a flow
/// whose central moves nothing is valued on its own.
fn widen_effects(
    mut v: Values,
    c: &Flow,
    ends: Option<(&Flow, &Flow)>,
    spec: &MeasureSpec,
) -> Option<Values> {
    let Some((lo, hi)) = ends else {
        return Some(v);
    };
    for e in [lo, hi] {
        if e == c {
            continue;
        }
        let ve = if c.moved.is_zero() {
            if e.moved.is_zero() {
                continue;
            }
            e.values(spec)?
        } else {
            let r = e.moved.checked_div(c.moved)?;
            let scale = |b: &Band<Decimal>| -> Option<Band<Decimal>> {
                Some(Band {
                    low: b.low.checked_mul(r)?,
                    central: b.central,
                    high: b.high.checked_mul(r)?,
                })
            };
            Values {
                co2e: scale(&v.co2e)?,
                sek: v.sek.try_map(scale)?,
            }
        };
        v.co2e.low = v.co2e.low.min(ve.co2e.low);
        v.co2e.high = v.co2e.high.max(ve.co2e.high);
        for p in Payer::ALL {
            let (a, b) = (v.sek.get_mut(p), ve.sek.get(p));
            a.low = a.low.min(b.low);
            a.high = a.high.max(b.high);
        }
    }
    Some(v)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn evaluate_item(
    item: &ScenarioItem,
    spec: &MeasureSpec,
    flows: &ItemFlows,
    ends: Ends<'_>,
    period: &PlanPeriod,
    discount: &[Decimal],
    rows: Rows,
) -> Result<ItemResult, CalcError> {
    let measure = item.measure();
    let overflow = || CalcError::Overflow {
        measure: measure.id.clone(),
        municipality: item.municipality().code.clone(),
    };
    let implementation = item.implementation_cost().ok_or_else(overflow)?;
    let running = item.running_cost().ok_or_else(overflow)?;
    let zero_cost = Estimate::exact(Sek::ZERO);

    let full_ends = ends.map(|(l, h)| (&l.full, &h.full));
    let full = widen_effects(
        flows.full.values(spec).ok_or_else(overflow)?,
        &flows.full,
        full_ends,
        spec,
    )
    .ok_or_else(overflow)?;
    let net_full = net_by_payer(&full, spec.cost_payer, running).ok_or_else(overflow)?;
    let route_full = route_sek(&full).ok_or_else(overflow)?;
    let net_full_sum = sum_payers(&net_full).ok_or_else(overflow)?;

    let mut years: Vec<YearRow> = match rows {
        Rows::Yes => Vec::with_capacity(period.len()),
        Rows::No => Vec::new(),
    };
    let (mut active_years, mut active_disc) = (Decimal::ZERO, Decimal::ZERO);
    let (mut start_in, mut start_disc) = (Decimal::ZERO, Decimal::ZERO);
    for (k, (year, d)) in period.years().zip(discount).enumerate() {
        let mut cost = zero_cost;
        if year >= item.start_year() {
            cost = running;
            active_years = active_years
                .checked_add(Decimal::ONE)
                .ok_or_else(overflow)?;
            active_disc = active_disc.checked_add(*d).ok_or_else(overflow)?;
        }
        if year == item.start_year() {
            cost = estimate_sum(cost, implementation).ok_or_else(overflow)?;
            start_in = Decimal::ONE;
            start_disc = *d;
        }
        // Without rows the flows' years are not kept: the plan period's figures below need
        // only the costs' years counted above.
        let Some(f) = flows.years.get(k).filter(|_| rows == Rows::Yes) else {
            continue;
        };
        let v = widen_effects(
            f.values(spec).ok_or_else(overflow)?,
            f,
            ends.and_then(|(l, h)| Some((l.years.get(k)?, h.years.get(k)?))),
            spec,
        )
        .ok_or_else(overflow)?;
        let net = net_by_payer(&v, spec.cost_payer, cost).ok_or_else(overflow)?;
        years.push(YearRow {
            year,
            ramp: ramp(year, item.start_year(), item.full_effect_year()),
            tonnes_shifted: Tonnes::new(f.moved),
            co2e_saved_kg: band_kg(v.co2e),
            route_sek_saved: route_sek(&v).ok_or_else(overflow)?,
            measure_cost_sek: estimate_band(cost),
            society_net_sek_saved: sum_payers(&net).ok_or_else(overflow)?,
            net_sek_saved_by_payer: net,
        });
    }
    let costs_cum = estimate_scale(running, active_years)
        .zip(estimate_scale(implementation, start_in))
        .and_then(|(a, b)| estimate_sum(a, b))
        .ok_or_else(overflow)?;
    let costs_npv = estimate_scale(running, active_disc)
        .zip(estimate_scale(implementation, start_disc))
        .and_then(|(a, b)| estimate_sum(a, b))
        .ok_or_else(overflow)?;
    let cum = widen_effects(
        flows.cumulative.values(spec).ok_or_else(overflow)?,
        &flows.cumulative,
        ends.map(|(l, h)| (&l.cumulative, &h.cumulative)),
        spec,
    )
    .ok_or_else(overflow)?;
    let net_cum = net_by_payer(&cum, spec.cost_payer, costs_cum).ok_or_else(overflow)?;
    let npv = widen_effects(
        flows.discounted.values(spec).ok_or_else(overflow)?,
        &flows.discounted,
        ends.map(|(l, h)| (&l.discounted, &h.discounted)),
        spec,
    )
    .ok_or_else(overflow)?;
    let net_npv = net_by_payer(&npv, spec.cost_payer, costs_npv).ok_or_else(overflow)?;

    let mut summary = Summary {
        tonnes_shifted_per_year: Tonnes::new(flows.full.moved),
        co2e_saved_kg_per_year: band_kg(full.co2e),
        route_sek_saved_per_year: route_full,
        society_net_sek_saved_per_year: net_full_sum,
        net_sek_saved_per_year_by_payer: net_full,
        tonnes_shifted_cumulative: Tonnes::new(flows.cumulative.moved),
        co2e_saved_kg_cumulative: band_kg(cum.co2e),
        society_net_sek_saved_cumulative: sum_payers(&net_cum).ok_or_else(overflow)?,
        net_sek_saved_cumulative_by_payer: net_cum,
        society_net_present_value_sek: sum_payers(&net_npv).ok_or_else(overflow)?,
        net_present_value_sek_by_payer: net_npv,
        implementation_cost_sek: estimate_band(implementation),
        running_cost_sek_per_year: estimate_band(running),
        municipality_cost_per_tonne_co2e: None,
    };
    summary.municipality_cost_per_tonne_co2e =
        summary.cost_per_tonne_for(Perspective::Municipality);

    // Per-tonne figures: from the full-effect flow, or, when it moves nothing, from one
    // tonne taken from the pool's routes as they are before any measure.
    let unit = if flows.full.moved.is_zero() {
        unit_flow(item)
    } else {
        flows.full
    };
    let t = unit.moved;
    let central = central_yields(spec);
    let full_w = flows.full.weights(spec, &central).ok_or_else(overflow)?;
    // The same flow gives the same values and weights: only the unit flow is computed anew.
    let (pt, w) = if flows.full.moved.is_zero() {
        (
            unit.values(spec).ok_or_else(overflow)?,
            unit.weights(spec, &central).ok_or_else(overflow)?,
        )
    } else {
        (full, full_w)
    };
    let (mut base_ef, mut target_ef) = (Decimal::ZERO, Decimal::ZERO);
    for ((out, wr), f) in unit.out.iter().zip(&w).zip(&spec.factors) {
        let Some(f) = f else { continue };
        let e = f.ef.central().value();
        let into = out.checked_sub(*wr).ok_or_else(overflow)?;
        base_ef = base_ef
            .checked_add(out.checked_mul(e).ok_or_else(overflow)?)
            .ok_or_else(overflow)?;
        target_ef = target_ef
            .checked_add(into.checked_mul(e).ok_or_else(overflow)?)
            .ok_or_else(overflow)?;
    }
    let mut destinations = Vec::new();
    for (route, (out, wr)) in Route::ALL.iter().zip(flows.full.out.iter().zip(&full_w)) {
        let into = out.checked_sub(*wr).ok_or_else(overflow)?;
        if !into.is_zero() {
            destinations.push((*route, Tonnes::new(into)));
        }
    }
    let route_pt = route_sek(&pt).ok_or_else(overflow)?;
    let mut result = identity(item, spec, flows.order, flows.pool_tonnes, flows.reachable);
    result.baseline_kg_co2e_per_tonne = KgCo2ePerTonne::new(per_tonne(base_ef, t));
    result.target_kg_co2e_per_tonne = KgCo2ePerTonne::new(per_tonne(target_ef, t));
    result.co2e_saved_per_tonne = {
        // Exactly baseline − target, as shown beside it. The bounds are divided once,
        // the central value twice, so the 28th digit can differ: keep the band ordered.
        let central = per_tonne(base_ef, t)
            .checked_sub(per_tonne(target_ef, t))
            .ok_or_else(overflow)?;
        Band {
            low: KgCo2ePerTonne::new(per_tonne(pt.co2e.low, t).min(central)),
            central: KgCo2ePerTonne::new(central),
            high: KgCo2ePerTonne::new(per_tonne(pt.co2e.high, t).max(central)),
        }
    };
    result.sek_saved_per_tonne = Band {
        low: SekPerTonne::new(per_tonne(route_pt.low.value(), t)),
        central: SekPerTonne::new(per_tonne(route_pt.central.value(), t)),
        high: SekPerTonne::new(per_tonne(route_pt.high.value(), t)),
    };
    result.destinations = destinations;
    result.summary = summary;
    result.years = years;
    Ok(result)
}

/// An item's result with what identifies it and its place in its pool, and every figure
/// zero: each evaluation fills them in.
pub(crate) fn identity(
    item: &ScenarioItem,
    spec: &MeasureSpec,
    order_in_pool: u32,
    pool_tonnes: Tonnes,
    reachable: Tonnes,
) -> ItemResult {
    let measure = item.measure();
    ItemResult {
        measure: measure.id.clone(),
        municipality: item.municipality().code.clone(),
        municipality_name: item.municipality().name.clone(),
        population: item.municipality().population,
        own_figures: measure
            .pool
            .local_baselines
            .iter()
            .find(|l| l.municipality == item.municipality().code)
            .and_then(|l| {
                l.own_year.map(|year| OwnFiguresUsed {
                    source: l.source.0.clone(),
                    year,
                })
            }),
        fraction: measure.fraction.clone(),
        pool: measure.pool.id.clone(),
        order_in_pool,
        pool_tonnes_per_year: pool_tonnes,
        affected_tonnes_per_year: reachable,
        effect: item.effect(),
        effect_range: item.effect_range(),
        required_by_law: measure.is_legal_duty(),
        start_year: item.start_year(),
        full_effect_year: item.full_effect_year(),
        baseline_kg_co2e_per_tonne: KgCo2ePerTonne::ZERO,
        target_kg_co2e_per_tonne: KgCo2ePerTonne::ZERO,
        co2e_saved_per_tonne: Band::exact(KgCo2ePerTonne::ZERO),
        sek_saved_per_tonne: Band::exact(SekPerTonne::ZERO),
        destinations: Vec::new(),
        factors: spec.factor_ids.clone(),
        sources: spec.sources.clone(),
        summary: Summary::default(),
        years: Vec::new(),
    }
}

/// One tonne out of the routes a measure acts on, spread as the pool's baseline spreads it.
pub(crate) fn unit_flow(item: &ScenarioItem) -> Flow {
    let m = item.measure();
    let baseline = m.pool.baseline_for(&item.municipality().code);
    let total: Decimal = m
        .acts_on
        .iter()
        .map(|r| baseline.share(*r).value())
        .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
    let mut f = Flow::default();
    if total.is_zero() {
        return f;
    }
    for r in &m.acts_on {
        if let Some(slot) = f.out.get_mut(r.index()) {
            *slot = baseline
                .share(*r)
                .value()
                .checked_div(total)
                .unwrap_or_default();
        }
    }
    f.moved = Decimal::ONE;
    f
}
