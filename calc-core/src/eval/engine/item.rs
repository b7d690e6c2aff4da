//! One measure in one municipality, in integers: its figures per year, at full effect, over
//! the plan period and discounted; converted to decimals once, at the end.

use super::bands::{Bands, CENTRAL, HIGH, LOW, PAYERS, payer_index};
use super::pools::{Flow, ItemFlows};
use super::values::{Spec, Values, widen_effects};
use crate::eval::factors::MeasureSpec;
use crate::eval::item::{identity, unit_flow};
use crate::eval::pool::ramp;
use crate::eval::results::{Band, CalcError, ItemResult, Summary, YearRow};
use crate::fixed::{self, TONNES, VALUE};
use crate::model::{ByPayer, Payer, Perspective, Route};
use crate::scenario::{PlanPeriod, ScenarioItem};
use crate::units::{KgCo2e, KgCo2ePerTonne, Sek, SekPerTonne, Tonnes};
use rust_decimal::Decimal;

/// A figure at 10⁻¹² times this is at 10⁻²⁴, the scale of a sum of products.
const PER_VALUE: i128 = 1_000_000_000_000;

/// Money per payer (10⁻¹² SEK), low, central, high.
pub(super) type PerPayer = [Bands<i128>; PAYERS];

fn add_bands(a: &mut Bands<i128>, b: &Bands<i128>) -> Option<()> {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.checked_add(*y)?;
    }
    Some(())
}

fn add_payers(a: &mut PerPayer, b: &PerPayer) -> Option<()> {
    for (x, y) in a.iter_mut().zip(b) {
        add_bands(x, y)?;
    }
    Some(())
}

fn society(p: &PerPayer) -> Option<Bands<i128>> {
    let mut s = [0; 3];
    for b in p {
        add_bands(&mut s, b)?;
    }
    Some(s)
}

fn dec(v: i128, places: u32) -> Option<Decimal> {
    fixed::to_decimal(v, places)
}

fn band_kg(b: &Bands<i128>) -> Option<Band<KgCo2e>> {
    Some(Band {
        low: KgCo2e::new(dec(b[LOW], VALUE)?),
        central: KgCo2e::new(dec(b[CENTRAL], VALUE)?),
        high: KgCo2e::new(dec(b[HIGH], VALUE)?),
    })
}

fn band_sek(b: &Bands<i128>) -> Option<Band<Sek>> {
    Some(Band {
        low: Sek::new(dec(b[LOW], VALUE)?),
        central: Sek::new(dec(b[CENTRAL], VALUE)?),
        high: Sek::new(dec(b[HIGH], VALUE)?),
    })
}

fn by_payer(p: &PerPayer) -> Option<ByPayer<Band<Sek>>> {
    let mut out = ByPayer::<Band<Sek>>::default();
    for payer in Payer::ALL {
        *out.get_mut(payer) = band_sek(p.get(payer_index(payer))?)?;
    }
    Some(out)
}

fn tonnes(v: i128) -> Option<Tonnes> {
    dec(v, TONNES).map(Tonnes::new)
}

/// An item's or a group's figures in integers (see [`Summary`]).
#[derive(Clone, Debug, Default)]
pub(super) struct Sums {
    tonnes_per_year: i128,
    co2e_per_year: Bands<i128>,
    route_per_year: Bands<i128>,
    net_per_year: PerPayer,
    tonnes_cumulative: i128,
    co2e_cumulative: Bands<i128>,
    net_cumulative: PerPayer,
    npv: PerPayer,
    implementation: Bands<i128>,
    running: Bands<i128>,
}

impl Sums {
    pub(super) fn add(&mut self, o: &Sums) -> Option<()> {
        self.tonnes_per_year = self.tonnes_per_year.checked_add(o.tonnes_per_year)?;
        add_bands(&mut self.co2e_per_year, &o.co2e_per_year)?;
        add_bands(&mut self.route_per_year, &o.route_per_year)?;
        add_payers(&mut self.net_per_year, &o.net_per_year)?;
        self.tonnes_cumulative = self.tonnes_cumulative.checked_add(o.tonnes_cumulative)?;
        add_bands(&mut self.co2e_cumulative, &o.co2e_cumulative)?;
        add_payers(&mut self.net_cumulative, &o.net_cumulative)?;
        add_payers(&mut self.npv, &o.npv)?;
        add_bands(&mut self.implementation, &o.implementation)?;
        add_bands(&mut self.running, &o.running)
    }

    /// The decimals: society's figures are the payers' sums, exactly.
    pub(super) fn summary(&self) -> Option<Summary> {
        let mut s = Summary {
            tonnes_shifted_per_year: tonnes(self.tonnes_per_year)?,
            co2e_saved_kg_per_year: band_kg(&self.co2e_per_year)?,
            route_sek_saved_per_year: band_sek(&self.route_per_year)?,
            net_sek_saved_per_year_by_payer: by_payer(&self.net_per_year)?,
            society_net_sek_saved_per_year: band_sek(&society(&self.net_per_year)?)?,
            tonnes_shifted_cumulative: tonnes(self.tonnes_cumulative)?,
            co2e_saved_kg_cumulative: band_kg(&self.co2e_cumulative)?,
            net_sek_saved_cumulative_by_payer: by_payer(&self.net_cumulative)?,
            society_net_sek_saved_cumulative: band_sek(&society(&self.net_cumulative)?)?,
            net_present_value_sek_by_payer: by_payer(&self.npv)?,
            society_net_present_value_sek: band_sek(&society(&self.npv)?)?,
            implementation_cost_sek: band_sek(&self.implementation)?,
            running_cost_sek_per_year: band_sek(&self.running)?,
            municipality_cost_per_tonne_co2e: None,
        };
        s.municipality_cost_per_tonne_co2e = s.cost_per_tonne_for(Perspective::Municipality);
        Some(s)
    }
}

/// One year's figures in integers (see [`YearRow`]).
#[derive(Clone, Debug, Default)]
pub(super) struct Year {
    pub(super) tonnes: i128,
    pub(super) co2e: Bands<i128>,
    pub(super) route: Bands<i128>,
    pub(super) cost: Bands<i128>,
    pub(super) net: PerPayer,
}

impl Year {
    pub(super) fn row(&self, year: crate::units::Year, ramp: Decimal) -> Option<YearRow> {
        Some(YearRow {
            year,
            ramp,
            tonnes_shifted: tonnes(self.tonnes)?,
            co2e_saved_kg: band_kg(&self.co2e)?,
            route_sek_saved: band_sek(&self.route)?,
            measure_cost_sek: band_sek(&self.cost)?,
            net_sek_saved_by_payer: by_payer(&self.net)?,
            society_net_sek_saved: band_sek(&society(&self.net)?)?,
        })
    }
}

/// The values' SEK per payer minus the measure's costs for its payer (the low end pays the
/// high cost).
fn net(v: &Values, cost_payer: usize, cost: &Bands<i128>) -> Option<PerPayer> {
    let mut out = v.sek;
    let slot = out.get_mut(cost_payer)?;
    slot[LOW] = slot[LOW].checked_sub(cost[HIGH])?;
    slot[CENTRAL] = slot[CENTRAL].checked_sub(cost[CENTRAL])?;
    slot[HIGH] = slot[HIGH].checked_sub(cost[LOW])?;
    Some(out)
}

fn scaled(b: &Bands<i128>, k: impl Fn(i128) -> Option<i128>) -> Option<Bands<i128>> {
    Some([k(b[LOW])?, k(b[CENTRAL])?, k(b[HIGH])?])
}

fn cost_bands(e: Option<crate::model::Estimate<Sek>>) -> Option<Bands<i128>> {
    let e = e?;
    Some([
        fixed::value(e.low().value())?,
        fixed::value(e.central().value())?,
        fixed::value(e.high().value())?,
    ])
}

/// An item's flows at the central effects and, when effects have ranges, at their low and
/// high ends.
pub(super) struct Flows<'a> {
    pub(super) central: &'a ItemFlows,
    pub(super) ends: Option<(&'a ItemFlows, &'a ItemFlows)>,
}

/// What [`evaluate_item`] gives: the result and its figures in integers for the sums.
pub(super) struct Evaluated {
    pub(super) result: ItemResult,
    pub(super) sums: Sums,
    pub(super) years: Vec<Year>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn evaluate_item(
    item: &ScenarioItem,
    measure_spec: &MeasureSpec,
    spec: &Spec,
    flows: &Flows<'_>,
    placed: (u32, Tonnes, Tonnes),
    period: &PlanPeriod,
    discount: &[u128],
    rows: bool,
) -> Result<Evaluated, CalcError> {
    let overflow = || CalcError::Overflow {
        measure: item.measure().id.clone(),
        municipality: item.municipality().code.clone(),
    };
    evaluate_checked(
        item,
        measure_spec,
        spec,
        flows,
        placed,
        period,
        discount,
        rows,
    )
    .ok_or_else(overflow)
}

#[allow(clippy::too_many_arguments)]
fn evaluate_checked(
    item: &ScenarioItem,
    measure_spec: &MeasureSpec,
    spec: &Spec,
    flows: &Flows<'_>,
    (order, pool_tonnes, reachable): (u32, Tonnes, Tonnes),
    period: &PlanPeriod,
    discount: &[u128],
    rows: bool,
) -> Option<Evaluated> {
    let c = flows.central;
    let cost_payer = payer_index(measure_spec.cost_payer);
    let implementation = cost_bands(item.implementation_cost())?;
    let running = cost_bands(item.running_cost())?;
    let values = |f: &Flow, pick: &dyn Fn(&ItemFlows) -> Option<&Flow>| -> Option<Values> {
        let ends = match flows.ends {
            Some((l, h)) => Some((pick(l)?, pick(h)?)),
            None => None,
        };
        widen_effects(f.values(spec)?, f, ends, spec)
    };

    let full = values(&c.full, &|x| Some(&x.full))?;
    let net_full = net(&full, cost_payer, &running)?;
    let route_full = society(&full.sek)?;

    let mut years = Vec::with_capacity(if rows { period.len() } else { 0 });
    let mut rows_out = Vec::with_capacity(years.capacity());
    let (mut active_years, mut active_disc) = (0_i128, 0_u128);
    let (mut start_in, mut start_disc) = (0_i128, 0_u128);
    let mut prev: Option<(&Flow, Values)> = None;
    for (k, (year, d)) in period.years().zip(discount).enumerate() {
        let mut cost = [0_i128; 3];
        if year >= item.start_year() {
            cost = running;
            active_years = active_years.checked_add(1)?;
            active_disc = active_disc.checked_add(*d)?;
        }
        if year == item.start_year() {
            add_bands(&mut cost, &implementation)?;
            start_in = 1;
            start_disc = *d;
        }
        if !rows {
            continue;
        }
        let f = c.years.get(k)?;
        let same_ends = |j: Option<usize>| match flows.ends {
            None => true,
            Some((l, h)) => [l, h].iter().all(|e| {
                let a = e.years.get(k);
                let b = match j {
                    Some(j) => e.years.get(j),
                    None => Some(&e.full),
                };
                a.is_some() && a == b
            }),
        };
        // The same flows (central and at both ends) give the same values.
        let v = if *f == c.full && same_ends(None) {
            full
        } else if let Some((_, pv)) = prev.filter(|(pf, _)| *pf == f && same_ends(k.checked_sub(1)))
        {
            pv
        } else {
            values(f, &|x| x.years.get(k))?
        };
        let y = Year {
            tonnes: f.moved,
            co2e: v.co2e,
            route: society(&v.sek)?,
            cost,
            net: net(&v, cost_payer, &cost)?,
        };
        rows_out.push(y.row(year, ramp(year, item.start_year(), item.full_effect_year()))?);
        years.push(y);
        prev = Some((f, v));
    }
    let costs_cum = {
        let mut c = scaled(&running, |x| x.checked_mul(active_years))?;
        add_bands(
            &mut c,
            &scaled(&implementation, |x| x.checked_mul(start_in))?,
        )?;
        c
    };
    let costs_npv = {
        let mut c = scaled(&running, |x| fixed::mul(x, active_disc))?;
        add_bands(
            &mut c,
            &scaled(&implementation, |x| fixed::mul(x, start_disc))?,
        )?;
        c
    };
    let cum = values(&c.cumulative, &|x| Some(&x.cumulative))?;
    let npv = values(&c.discounted, &|x| Some(&x.discounted))?;
    let sums = Sums {
        tonnes_per_year: c.full.moved,
        co2e_per_year: full.co2e,
        route_per_year: route_full,
        net_per_year: net_full,
        tonnes_cumulative: c.cumulative.moved,
        co2e_cumulative: cum.co2e,
        net_cumulative: net(&cum, cost_payer, &costs_cum)?,
        npv: net(&npv, cost_payer, &costs_npv)?,
        implementation,
        running,
    };
    let mut result = identity(item, measure_spec, order, pool_tonnes, reachable);
    result.summary = sums.summary()?;
    result.years = rows_out;
    per_tonne(&mut result, item, spec, &c.full, &full)?;
    Some(Evaluated {
        result,
        sums,
        years,
    })
}

/// The per-tonne figures and destinations: from the full-effect flow, or, when it moves
/// nothing, from one tonne taken from the pool's routes as they are before any measure.
fn per_tonne(
    result: &mut ItemResult,
    item: &ScenarioItem,
    spec: &Spec,
    full: &Flow,
    full_values: &Values,
) -> Option<()> {
    let unit = if full.moved == 0 {
        let u = unit_flow(item);
        let mut f = Flow::default();
        for (slot, d) in f.out.iter_mut().zip(&u.out) {
            *slot = fixed::tonnes(*d)?;
        }
        f.moved = fixed::tonnes(u.moved)?;
        f
    } else {
        *full
    };
    let (pt, w) = if full.moved == 0 {
        (unit.values(spec)?, unit.central_weights(spec)?)
    } else {
        (*full_values, full.central_weights(spec)?)
    };
    let ef = spec.central_ef();
    let (mut base, mut target) = (0_i128, 0_i128);
    for ((out, wr), e) in unit.out.iter().zip(&w).zip(&ef) {
        base = base.checked_add(fixed::product(*out, *e)?)?;
        target = target.checked_add(fixed::product(out.checked_sub(*wr)?, *e)?)?;
    }
    // Per tonne at 10⁻⁹ (kg CO2e or SEK per tonne): a sum of products at 10⁻²⁴ divided by
    // tonnes at 10⁻¹⁵, rounded once.
    let t = unit.moved;
    let per_product = |sum: i128| -> Option<Decimal> {
        if t == 0 {
            return Some(Decimal::ZERO);
        }
        dec(fixed::round_div(sum, t), fixed::RATE)
    };
    let per = |v: i128| per_product(v.checked_mul(PER_VALUE)?);
    let (b, tg) = (per_product(base)?, per_product(target)?);
    let central = b.checked_sub(tg)?;
    result.baseline_kg_co2e_per_tonne = KgCo2ePerTonne::new(b);
    result.target_kg_co2e_per_tonne = KgCo2ePerTonne::new(tg);
    result.co2e_saved_per_tonne = Band {
        low: KgCo2ePerTonne::new(per(pt.co2e[LOW])?.min(central)),
        central: KgCo2ePerTonne::new(central),
        high: KgCo2ePerTonne::new(per(pt.co2e[HIGH])?.max(central)),
    };
    let route = society(&pt.sek)?;
    result.sek_saved_per_tonne = Band {
        low: SekPerTonne::new(per(route[LOW])?),
        central: SekPerTonne::new(per(route[CENTRAL])?),
        high: SekPerTonne::new(per(route[HIGH])?),
    };
    let full_w = if full.moved == 0 {
        full.central_weights(spec)?
    } else {
        w
    };
    for (route, (out, wr)) in Route::ALL.iter().zip(full.out.iter().zip(&full_w)) {
        let into = out.checked_sub(*wr)?;
        if into != 0 {
            result.destinations.push((*route, tonnes(into)?));
        }
    }
    Some(())
}
