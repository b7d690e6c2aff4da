//! Following a target: each municipality's path, projection, gap, status and the
//! measures' contributions, from the pooled model.

use super::indicator::Scope;
use super::{Actual, BaseFrom, BaseValue, Baseline, Indicator, Status, Target, path};
use crate::eval::{CalcError, MeasureSpec, NR, PerRoute, PoolGroup, measure_specs};
use crate::eval::{pool_groups, ramp};
use crate::model::{FactorTable, MeasureId, Municipality, Pool, PoolId, QuantityBasis, ScbCode};
use crate::scenario::Scenario;
use crate::units::Year;
use rust_decimal::Decimal;
use std::sync::Arc;

/// One year of a target's progress in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearPoint {
    /// The year.
    pub year: Year,
    /// The straight path's value.
    pub path: Decimal,
    /// The value the measures project.
    pub projected: Decimal,
    /// The observed value, if any.
    pub actual: Option<Decimal>,
}

/// One measure's change of an indicator at the target year (negative: down).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetContribution {
    /// The measure.
    pub measure: MeasureId,
    /// Its change, in the indicator's unit.
    pub change: Decimal,
}

/// A target's progress in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The target's id.
    pub target: String,
    /// The indicator.
    pub indicator: Indicator,
    /// The municipality.
    pub municipality: ScbCode,
    /// The base year.
    pub base_year: Year,
    /// The base value.
    pub base_value: Decimal,
    /// Where the base value comes from.
    pub base_from: BaseFrom,
    /// The target year.
    pub target_year: Year,
    /// The target value.
    pub target_value: Decimal,
    /// The projected value in the target year.
    pub projected_value: Decimal,
    /// The gap in the target year (positive: short of the target).
    pub gap: Decimal,
    /// The latest actual's gap to the path in its year (positive: worse than the path).
    pub actual_gap: Option<Decimal>,
    /// On track, behind or reached.
    pub status: Status,
    /// The municipality's own figures the model used for the target's pools (pool ids).
    pub own_figures: Vec<PoolId>,
    /// Every year from the base year (or the first actual) to the target year (or the last
    /// actual).
    pub years: Vec<YearPoint>,
    /// The measures' changes at the target year, in scenario order; they add up to
    /// `projected_value − base_value`.
    pub contributions: Vec<TargetContribution>,
}

/// A target × municipality without a base value: the target data gives none and the
/// model cannot compute the indicator there (e.g. no pool counted in portions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoBase {
    /// The target's id.
    pub target: String,
    /// The municipality.
    pub municipality: ScbCode,
}

/// The progress of every target in every municipality.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetReport {
    /// One row per target × municipality, targets in order, then municipalities.
    pub progress: Vec<Progress>,
    /// The target × municipality pairs without a base value.
    pub no_base: Vec<NoBase>,
}

/// The scenario's pool groups with their measures' specs, built once for all targets.
pub(crate) struct Model {
    pub(crate) groups: Vec<PoolGroup>,
    pub(crate) specs: Vec<Arc<MeasureSpec>>,
    pub(crate) central_yields: Vec<Vec<Decimal>>,
    /// Yield 1 for every yield of every measure: what is sent, before rejects.
    pub(crate) sent_yields: Vec<Vec<Decimal>>,
}

impl Model {
    pub(crate) fn new(table: &FactorTable, scenario: &Scenario) -> Result<Self, CalcError> {
        let specs = measure_specs(table, scenario)?;
        let (groups, _) = pool_groups(scenario, crate::eval::EffectAt::Central)?;
        let central_yields = specs
            .iter()
            .map(|s| s.yields.iter().map(|y| y.value.central().value()).collect())
            .collect();
        let sent_yields = specs
            .iter()
            .map(|s| vec![Decimal::ONE; s.yields.len()])
            .collect();
        Ok(Self {
            groups,
            specs,
            central_yields,
            sent_yields,
        })
    }

    /// The scope of a target in one municipality.
    pub(crate) fn scope(
        &self,
        scenario: &Scenario,
        pools: &[Arc<Pool>],
        target: &Target,
        municipality: &Municipality,
    ) -> Option<Scope> {
        let mut initial = [Decimal::ZERO; NR];
        let mut portions = Decimal::ZERO;
        let code = &municipality.code;
        for p in pools.iter().filter(|p| target.counts(&p.id)) {
            let tonnes = p.tonnes_for(code, municipality.population)?;
            for (route, share) in p.baseline_for(code).shares() {
                if let Some(slot) = initial.get_mut(route.index()) {
                    *slot = slot.checked_add(tonnes.value().checked_mul(share.value())?)?;
                }
            }
            if let QuantityBasis::PerPortion {
                portions_per_inhabitant,
                ..
            } = p.basis_for(code)
            {
                portions = portions.checked_add(
                    portions_per_inhabitant.checked_mul(Decimal::from(municipality.population))?,
                )?;
            }
        }
        let groups = self
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.members
                    .first()
                    .and_then(|m| scenario.item_at(m.item))
                    .is_some_and(|it| {
                        &it.municipality().code == code && target.counts(&it.measure().pool.id)
                    })
            })
            .map(|(i, _)| i)
            .collect();
        Some(Scope {
            initial,
            portions,
            population: municipality.population,
            groups,
        })
    }

    /// Net tonnes out of each route (out − in, central yields, or yield 1 where the
    /// indicator [counts what is sent](Indicator::counts_sent)) of every member of group
    /// `g`, with member `i` at `scale(i)`.
    pub(crate) fn net_out(
        &self,
        g: &PoolGroup,
        indicator: Indicator,
        scale: impl FnMut(usize) -> Decimal,
    ) -> Option<Vec<PerRoute>> {
        let flows = g.run(scale)?;
        let yields = if indicator.counts_sent() {
            &self.sent_yields
        } else {
            &self.central_yields
        };
        g.members
            .iter()
            .zip(&flows)
            .map(|(m, f)| {
                let spec = self.specs.get(m.item)?;
                let ys = yields.get(m.item)?;
                f.weights(spec, ys)
            })
            .collect()
    }
}

pub(super) fn subtract(state: &mut PerRoute, w: &PerRoute) -> Option<()> {
    for (s, x) in state.iter_mut().zip(w) {
        *s = s.checked_sub(*x)?;
    }
    Some(())
}

/// The state in `year` (measures at their ramps) and, when `steps` is wanted, the level
/// after each member in order.
fn run_year(
    model: &Model,
    scenario: &Scenario,
    scope: &Scope,
    indicator: Indicator,
    year: Year,
    mut steps: Option<&mut Vec<(usize, Option<Decimal>)>>,
) -> Option<PerRoute> {
    let mut state = scope.initial;
    for gi in &scope.groups {
        let g = model.groups.get(*gi)?;
        let ramps: Vec<Decimal> = g
            .members
            .iter()
            .map(|m| {
                scenario.item_at(m.item).map_or(Decimal::ZERO, |it| {
                    ramp(year, it.start_year(), it.full_effect_year())
                })
            })
            .collect();
        let outs = model.net_out(g, indicator, |i| ramps.get(i).copied().unwrap_or_default())?;
        for (m, w) in g.members.iter().zip(&outs) {
            subtract(&mut state, w)?;
            if let Some(s) = steps.as_deref_mut() {
                s.push((m.item, indicator.level(&state, scope)));
            }
        }
    }
    Some(state)
}

/// Follows every target in every municipality: path, projection, actuals, gap, status and
/// the measures' contributions (see the [module docs](crate::targets) for the rules).
///
/// A target counts its tonnes in the `baseline`'s pools (the catalogue's, with the
/// municipalities' own figures laid over them), and the `scenario`'s measures take theirs
/// from the same pools: `scenario` may be given with or without the own figures
/// ([`Baseline::scenario`] lays them over it, here as for the evaluation).
///
/// ```
/// use calc_core::{Baseline, BaseValue, Indicator, OwnFigures, Status, Target, TargetValue, Year, demo, progress};
/// use rust_decimal_macros::dec;
/// use std::sync::Arc;
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let scenario = demo::scenario()?;
/// let baseline = Baseline::new(&[Arc::clone(&scenario.items[0].measure().pool)], OwnFigures::new());
/// // 10 kg per inhabitant in 2025, halved by 2030. Prevention takes 5 kg from 2025 on.
/// let t = Target::new("halve", Indicator::FoodWasteKgPerInhabitant,
///     BaseValue { year: Year(2025), value: Some(dec!(10)), source: String::new() },
///     TargetValue::ChangePercent(dec!(-50)), Year(2030)).map_err(|(_, e)| e)?;
/// let r = progress(&demo::table()?, &baseline, &scenario, &[demo::town()], &[t], &[])?;
/// let p = &r.progress[0];
/// assert_eq!((p.target_value, p.projected_value, p.gap), (dec!(5), dec!(5), dec!(0)));
/// assert_eq!(p.status, Status::OnTrack);
/// // Collection to biogas moves tonnes between routes of generated waste: no change.
/// assert_eq!(p.contributions[0].change, dec!(-5));
/// assert_eq!(p.contributions[1].change, dec!(0));
/// # Ok(())
/// # }
/// ```
pub fn progress(
    table: &FactorTable,
    baseline: &Baseline,
    scenario: &Scenario,
    municipalities: &[Arc<Municipality>],
    targets: &[Target],
    actuals: &[Actual],
) -> Result<TargetReport, CalcError> {
    let scenario = baseline.lay_over(scenario);
    let scenario = scenario.as_ref();
    let model = Model::new(table, scenario)?;
    let mut report = TargetReport::default();
    for target in targets {
        for k in municipalities {
            match target_progress(&model, scenario, baseline, k, target, actuals) {
                Some(Ok(p)) => report.progress.push(p),
                Some(Err(e)) => return Err(e),
                None => report.no_base.push(NoBase {
                    target: target.id.clone(),
                    municipality: k.code.clone(),
                }),
            }
        }
    }
    Ok(report)
}

fn target_progress(
    model: &Model,
    scenario: &Scenario,
    baseline: &Baseline,
    k: &Municipality,
    target: &Target,
    actuals: &[Actual],
) -> Option<Result<Progress, CalcError>> {
    let overflow = CalcError::TotalOverflow;
    let ind = target.indicator;
    let Some(scope) = model.scope(scenario, baseline.pools(), target, k) else {
        return Some(Err(overflow));
    };
    let level0 = ind.level(&scope.initial, &scope);
    let (base, own_base) = target.base_for(&k.code);
    let own_figures: Vec<PoolId> = baseline
        .own()
        .for_municipality(&k.code)
        .filter(|r| target.counts(&r.pool))
        .map(|r| r.pool.clone())
        .collect();
    let (base_value, base_from) = match (base.value, level0) {
        (Some(v), _) if own_base => (v, BaseFrom::Municipality),
        (Some(v), _) => (v, BaseFrom::Target),
        (None, Some(l)) => (
            l,
            BaseFrom::Model {
                own_figures: !own_figures.is_empty(),
            },
        ),
        (None, None) => return None,
    };
    Some(
        build_progress(
            model,
            scenario,
            &scope,
            k,
            target,
            actuals,
            base,
            base_value,
            base_from,
            level0,
            own_figures,
        )
        .ok_or(overflow),
    )
}

#[allow(clippy::too_many_arguments)]
fn build_progress(
    model: &Model,
    scenario: &Scenario,
    scope: &Scope,
    k: &Municipality,
    target: &Target,
    actuals: &[Actual],
    base: &BaseValue,
    base_value: Decimal,
    base_from: BaseFrom,
    level0: Option<Decimal>,
    own_figures: Vec<PoolId>,
) -> Option<Progress> {
    let ind = target.indicator;
    let target_value = target.target_value(base_value)?;
    let projected_at = |level: Option<Decimal>| -> Option<Decimal> {
        match (level, level0) {
            (Some(l), Some(l0)) => base_value.checked_add(l.checked_sub(l0)?),
            _ => Some(base_value),
        }
    };
    let mut own_actuals: Vec<&Actual> = actuals
        .iter()
        .filter(|a| a.indicator == ind && a.municipality == k.code)
        .collect();
    crate::sort::sort_by_key(&mut own_actuals, |a| a.year);
    let first = own_actuals
        .first()
        .map_or(base.year, |a| a.year.min(base.year));
    let last = own_actuals
        .last()
        .map_or(target.target_year, |a| a.year.max(target.target_year));
    let mut years = Vec::new();
    for y in first.get()..=last.get() {
        let year = Year(y);
        let state = run_year(model, scenario, scope, ind, year, None)?;
        years.push(YearPoint {
            year,
            path: path(
                base_value,
                base.year,
                target_value,
                target.target_year,
                year,
            )?,
            projected: projected_at(ind.level(&state, scope))?,
            actual: own_actuals
                .iter()
                .rev()
                .find(|a| a.year == year)
                .map(|a| a.value),
        });
    }
    let mut steps = Vec::new();
    let state = run_year(
        model,
        scenario,
        scope,
        ind,
        target.target_year,
        Some(&mut steps),
    )?;
    let projected_value = projected_at(ind.level(&state, scope))?;
    let gap = ind.shortfall(projected_value, target_value);
    let mut contributions: Vec<TargetContribution> = Vec::new();
    let mut before = level0;
    for (item, level) in steps {
        let change = match (level, before) {
            (Some(a), Some(b)) => a.checked_sub(b)?,
            _ => Decimal::ZERO,
        };
        before = level;
        let id = &scenario.item_at(item)?.measure().id;
        match contributions.iter_mut().find(|c| &c.measure == id) {
            Some(c) => c.change = c.change.checked_add(change)?,
            None => contributions.push(TargetContribution {
                measure: id.clone(),
                change,
            }),
        }
    }
    // Scenario order for the reader.
    crate::sort::sort_by_key(&mut contributions, |c| {
        scenario
            .items
            .iter()
            .position(|it| it.measure().id == c.measure)
    });
    let actual_gap = match own_actuals.last() {
        Some(a) => Some(ind.shortfall(
            a.value,
            path(
                base_value,
                base.year,
                target_value,
                target.target_year,
                a.year,
            )?,
        )),
        None => None,
    };
    let status = match (own_actuals.last(), actual_gap) {
        (Some(a), _) if ind.shortfall(a.value, target_value) <= Decimal::ZERO => Status::Reached,
        (Some(_), Some(g)) if g <= Decimal::ZERO => Status::OnTrack,
        (Some(_), _) => Status::Behind,
        (None, _) if gap <= Decimal::ZERO => Status::OnTrack,
        (None, _) => Status::Behind,
    };
    Some(Progress {
        target: target.id.clone(),
        indicator: ind,
        municipality: k.code.clone(),
        base_year: base.year,
        base_value,
        base_from,
        target_year: target.target_year,
        target_value,
        projected_value,
        gap,
        actual_gap,
        status,
        own_figures,
        years,
        contributions,
    })
}
