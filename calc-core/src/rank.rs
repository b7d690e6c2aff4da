//! Ranking of measures and the marginal abatement cost curve (MACC).

use crate::eval::{Evaluation, GroupSummary};
use crate::model::{MeasureId, Perspective};
use crate::units::{KgCo2e, SekPerTonneCo2e, TonnesCo2e};
use serde::Serialize;
use std::cmp::Ordering;

/// What to rank measures by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RankBy {
    /// Most kg CO2e saved per year at full effect first.
    Co2e,
    /// Most net SEK saved per year at full effect first (from the ranking's perspective).
    Sek,
    /// Lowest cost per tonne CO2e over the plan period first; measures that save no CO2e last.
    CostPerTonne,
}

/// One measure in a ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// 1 for the best.
    pub rank: usize,
    /// The measure's totals over all its municipalities.
    pub measure: GroupSummary<MeasureId>,
}

fn compare(
    by: RankBy,
    p: Perspective,
    a: &GroupSummary<MeasureId>,
    b: &GroupSummary<MeasureId>,
) -> Ordering {
    let (sa, sb) = (&a.summary, &b.summary);
    let primary = match by {
        RankBy::Co2e => sb
            .co2e_saved_kg_per_year
            .central
            .cmp(&sa.co2e_saved_kg_per_year.central),
        RankBy::Sek => sb
            .net_sek_per_year(p)
            .map(|b| b.central)
            .cmp(&sa.net_sek_per_year(p).map(|b| b.central)),
        RankBy::CostPerTonne => match (cost_if_saving(a, p), cost_if_saving(b, p)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    };
    primary.then_with(|| a.key.cmp(&b.key))
}

/// Cost per tonne from a perspective, only for measures that save CO2e (a positive saving).
fn cost_if_saving(g: &GroupSummary<MeasureId>, p: Perspective) -> Option<SekPerTonneCo2e> {
    if g.summary.co2e_saved_kg_cumulative.central > KgCo2e::ZERO {
        g.summary.cost_per_tonne_for(p)
    } else {
        None
    }
}

/// Measures ordered best first, money counted as the municipality's (waste fee and
/// budget); ties are broken by measure id so the order is stable.
#[must_use]
pub fn rank(evaluation: &Evaluation, by: RankBy) -> Vec<Ranked> {
    rank_for(evaluation, by, Perspective::Municipality)
}

/// Measures ordered best first, money counted from `perspective`.
///
/// ```
/// use calc_core::{Perspective, RankBy, demo, evaluate, rank_for};
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let e = evaluate(&demo::table()?, &demo::scenario()?)?;
/// let ranked = rank_for(&e, RankBy::Co2e, Perspective::Municipality);
/// let order: Vec<&str> = ranked.iter().map(|r| r.measure.key.as_str()).collect();
/// assert_eq!(order, ["less_food_waste", "food_collection"]);
/// # Ok(())
/// # }
/// ```
#[must_use]
pub fn rank_for(evaluation: &Evaluation, by: RankBy, perspective: Perspective) -> Vec<Ranked> {
    let mut v: Vec<&GroupSummary<MeasureId>> = evaluation.by_measure.iter().collect();
    crate::sort::sort_by(&mut v, |a, b| compare(by, perspective, a, b));
    v.into_iter()
        .enumerate()
        .map(|(i, g)| Ranked {
            rank: i + 1,
            measure: g.clone(),
        })
        .collect()
}

/// One bar of a marginal abatement cost curve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaccBar {
    /// The measure.
    pub measure: MeasureId,
    /// Where the bar starts on the x axis: t CO2e per year saved by the cheaper measures.
    pub x_start: TonnesCo2e,
    /// The bar's width: t CO2e per year this measure saves at full effect.
    pub width: TonnesCo2e,
    /// The bar's height: SEK per tonne CO2e over the plan period (negative saves money).
    pub cost_per_tonne: SekPerTonneCo2e,
}

/// The MACC from the municipality's perspective: measures that save CO2e, cheapest per
/// tonne first, bars side by side.
#[must_use]
pub fn macc(evaluation: &Evaluation) -> Vec<MaccBar> {
    macc_for(evaluation, Perspective::Municipality)
}

/// The MACC with money counted from `perspective`.
#[must_use]
pub fn macc_for(evaluation: &Evaluation, perspective: Perspective) -> Vec<MaccBar> {
    let mut x = TonnesCo2e::ZERO;
    let mut bars = Vec::new();
    for r in rank_for(evaluation, RankBy::CostPerTonne, perspective) {
        let s = &r.measure.summary;
        let Some(cost) = cost_if_saving(&r.measure, perspective) else {
            continue;
        };
        let width = s.co2e_saved_kg_per_year.central.to_tonnes();
        if width <= TonnesCo2e::ZERO {
            continue;
        }
        bars.push(MaccBar {
            measure: r.measure.key.clone(),
            x_start: x,
            width,
            cost_per_tonne: cost,
        });
        x = x.checked_add(width).unwrap_or(x);
    }
    bars
}
