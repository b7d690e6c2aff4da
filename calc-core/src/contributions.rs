//! What drives the result: each factor's, each pool quantity's and each measure cost's share
//! of the scenario's CO2e and of the municipality's net SEK over the plan period.
//!
//! Results are linear in the emission and cost factors (for given quantities, effects and
//! yields), so the total is exactly Σ factor value × coefficient: each term is that
//! factor's contribution, and the contributions of the factors (and, for SEK, the measure
//! costs) add up to 100 %. Yields are not listed as factors: they are inside the
//! coefficients, at their central values. A second, independent split is by pool: the
//! results of the measures on each pool add up to the total too, so the pool quantities'
//! shares add up to 100 % on their own.

use crate::decide::{FactorKind, LinearModel};
use crate::eval::CalcError;
use crate::model::{FactorRef, FactorTable, Perspective, SourceId, SourceKind};
use rust_decimal::Decimal;
use serde::Serialize;

/// What a contribution belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    /// An emission or cost factor (`ef.<fraction>.<route>`, `cf.<fraction>.<route>`).
    Factor,
    /// A pool's quantity (`pool.<id>`): the results of the measures on it.
    Quantity,
    /// A measure's own costs (`cost.<measure>.implementation|running|fixed`).
    Cost,
}

/// One input's part of the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    /// Factor, quantity or cost.
    pub kind: ContributionKind,
    /// The input's id.
    pub id: String,
    /// Its source, when the data names one.
    pub source: Option<SourceId>,
    /// Published, derived or estimate.
    pub source_kind: Option<SourceKind>,
    /// kg CO2e over the plan period this input accounts for.
    pub co2e_kg: Decimal,
    /// The municipality's net SEK over the plan period this input accounts for.
    pub net_sek: Decimal,
    /// Share of the total CO2e, percent (may be negative or above 100 when inputs offset).
    pub co2e_share_pct: Decimal,
    /// Share of the municipality's total net SEK, percent.
    pub net_sek_share_pct: Decimal,
}

/// The contributions of a scenario, largest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contributions {
    /// kg CO2e saved over the plan period.
    pub co2e_total_kg: Decimal,
    /// The municipality's (waste fee + budget) net SEK saved over the plan period.
    pub net_sek_total: Decimal,
    /// Factors and costs (each split adds up to 100 %) and pool quantities (adding up to
    /// 100 % on their own), largest first by weight: the larger of the input's shares of
    /// the gross CO2e and gross SEK flows (sums of absolute contributions).
    pub items: Vec<Contribution>,
}

fn pct(part: Decimal, total: Decimal) -> Decimal {
    if total.is_zero() {
        Decimal::ZERO
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(total))
            .unwrap_or(Decimal::ZERO)
    }
}

fn source_of(table: &FactorTable, id: &str) -> Option<SourceId> {
    table
        .emission_factors()
        .find(|f| f.id.as_str() == id)
        .map(|f| f.source.clone())
        .or_else(|| {
            table
                .cost_factors()
                .find(|f| f.id.as_str() == id)
                .map(|f| f.source.clone())
        })
}

/// Each factor's, pool quantity's and measure cost's share of the scenario's CO2e and of
/// the municipality's net SEK over the plan period, at central values. `cost_sources`
/// gives the source of each measure's costs (`(measure id, source)`).
pub fn contributions(
    model: &LinearModel,
    table: &FactorTable,
    cost_sources: &[(String, SourceId)],
) -> Result<Contributions, CalcError> {
    let too_big = || CalcError::TotalOverflow;
    let muni = |p| Perspective::Municipality.includes(p);
    let v: Vec<Decimal> = model.factors.iter().map(|f| f.value.central()).collect();
    let val = |i: usize| v.get(i).copied().unwrap_or_default();
    let n = model.factors.len();
    let mut co2e = vec![Decimal::ZERO; n];
    let mut sek = vec![Decimal::ZERO; n];
    let mut fixed: Vec<(String, Decimal)> = Vec::new();
    let add = |slot: Option<&mut Decimal>, x: Option<Decimal>| -> Option<()> {
        let s = slot?;
        *s = s.checked_add(x?)?;
        Some(())
    };
    for m in &model.measures {
        for (i, c) in &m.co2e {
            add(co2e.get_mut(*i), val(*i).checked_mul(*c)).ok_or_else(too_big)?;
        }
        for (i, p, c) in m.sek.iter().chain(&m.costs) {
            if muni(*p) {
                add(sek.get_mut(*i), val(*i).checked_mul(*c)).ok_or_else(too_big)?;
            }
        }
        for t in &m.yields {
            let yt = val(t.y).checked_mul(t.tonnes).ok_or_else(too_big)?;
            add(co2e.get_mut(t.ef_reject), yt.checked_mul(val(t.ef_reject))).ok_or_else(too_big)?;
            add(
                co2e.get_mut(t.ef_route),
                yt.checked_mul(val(t.ef_route)).map(|x| -x),
            )
            .ok_or_else(too_big)?;
            if muni(t.payer_reject) {
                add(sek.get_mut(t.cf_reject), yt.checked_mul(val(t.cf_reject)))
                    .ok_or_else(too_big)?;
            }
            if muni(t.payer_route) {
                add(
                    sek.get_mut(t.cf_route),
                    yt.checked_mul(val(t.cf_route)).map(|x| -x),
                )
                .ok_or_else(too_big)?;
            }
        }
        let f = m
            .fixed_costs
            .waste_fee
            .checked_add(m.fixed_costs.municipal_budget)
            .ok_or_else(too_big)?;
        if !f.is_zero() {
            fixed.push((crate::model::measure_cost_id(&m.id, "fixed").0, -f));
        }
    }
    let total_co2e = co2e
        .iter()
        .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b))
        .ok_or_else(too_big)?;
    let total_sek = sek
        .iter()
        .chain(fixed.iter().map(|(_, x)| x))
        .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b))
        .ok_or_else(too_big)?;
    let kind_of = |s: &Option<SourceId>| {
        s.as_ref()
            .and_then(|id| table.source(id))
            .map(|src| src.kind)
    };
    let mut items = Vec::new();
    for ((f, c), s) in model.factors.iter().zip(&co2e).zip(&sek) {
        let (kind, source) = match f.kind {
            FactorKind::Yield | FactorKind::Effect => continue,
            FactorKind::Emission | FactorKind::Cost => {
                (ContributionKind::Factor, source_of(table, f.id.as_str()))
            }
            FactorKind::MeasureCost => {
                let measure = match f.id.parts() {
                    Some(FactorRef::MeasureCost { measure, .. }) => measure,
                    _ => "",
                };
                let src = cost_sources
                    .iter()
                    .find(|(m, _)| m == measure)
                    .map(|(_, s)| s.clone());
                (ContributionKind::Cost, src)
            }
        };
        if c.is_zero() && s.is_zero() {
            continue;
        }
        items.push(Contribution {
            kind,
            id: f.id.as_str().to_string(),
            source_kind: kind_of(&source),
            source,
            co2e_kg: *c,
            net_sek: *s,
            co2e_share_pct: pct(*c, total_co2e),
            net_sek_share_pct: pct(*s, total_sek),
        });
    }
    for (id, x) in fixed {
        items.push(Contribution {
            kind: ContributionKind::Cost,
            id,
            source: None,
            source_kind: None,
            co2e_kg: Decimal::ZERO,
            net_sek: x,
            co2e_share_pct: Decimal::ZERO,
            net_sek_share_pct: pct(x, total_sek),
        });
    }
    // By pool: the measures' results on each pool.
    let eval = &model.central;
    let (mut pc, mut ps) = (Decimal::ZERO, Decimal::ZERO);
    let mut by_pool: Vec<(String, Option<SourceId>, Decimal, Decimal)> = Vec::new();
    for item in &eval.items {
        let c = item.summary.co2e_saved_kg_cumulative.central.value();
        let s = item
            .summary
            .net_sek_cumulative(Perspective::Municipality)
            .ok_or_else(too_big)?
            .central
            .value();
        pc = pc.checked_add(c).ok_or_else(too_big)?;
        ps = ps.checked_add(s).ok_or_else(too_big)?;
        let id = format!("pool.{}", item.pool);
        match by_pool.iter_mut().find(|(k, ..)| *k == id) {
            Some((_, _, a, b)) => {
                *a = a.checked_add(c).ok_or_else(too_big)?;
                *b = b.checked_add(s).ok_or_else(too_big)?;
            }
            None => {
                let src = model
                    .pools
                    .iter()
                    .find(|(p, _)| *p == item.pool)
                    .and_then(|(_, s)| s.clone());
                by_pool.push((id, src, c, s));
            }
        }
    }
    for (id, source, c, s) in by_pool {
        items.push(Contribution {
            kind: ContributionKind::Quantity,
            id,
            source_kind: kind_of(&source),
            source,
            co2e_kg: c,
            net_sek: s,
            co2e_share_pct: pct(c, pc),
            net_sek_share_pct: pct(s, ps),
        });
    }
    // Ranked by weight: the larger of the input's shares of the gross flows (the sum of
    // the absolute contributions of its split), for CO2e and for SEK. Net shares explode
    // when a net is near zero (SEK often is); gross shares compare CO2e and SEK drivers
    // on one scale.
    let gross = |kind_q: bool, f: fn(&Contribution) -> Decimal| -> Decimal {
        items
            .iter()
            .filter(|x| (x.kind == ContributionKind::Quantity) == kind_q)
            .map(|x| f(x).abs())
            .fold(Decimal::ZERO, |a, b| a.saturating_add(b))
    };
    let (gc, gs) = (gross(false, |x| x.co2e_kg), gross(false, |x| x.net_sek));
    let (qc, qs) = (gross(true, |x| x.co2e_kg), gross(true, |x| x.net_sek));
    let weight = |x: &Contribution| -> Decimal {
        let (c, s) = if x.kind == ContributionKind::Quantity {
            (qc, qs)
        } else {
            (gc, gs)
        };
        pct(x.co2e_kg.abs(), c).max(pct(x.net_sek.abs(), s))
    };
    crate::sort::sort_by(&mut items, |a, b| {
        weight(b).cmp(&weight(a)).then_with(|| a.id.cmp(&b.id))
    });
    for x in &mut items {
        x.co2e_kg = x.co2e_kg.normalize();
        x.net_sek = x.net_sek.normalize();
        x.co2e_share_pct = x.co2e_share_pct.normalize();
        x.net_sek_share_pct = x.net_sek_share_pct.normalize();
    }
    Ok(Contributions {
        co2e_total_kg: total_co2e.normalize(),
        net_sek_total: total_sek.normalize(),
        items,
    })
}
