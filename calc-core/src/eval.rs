//! The calculation: [`evaluate`] a [`Scenario`] against a [`FactorTable`].
//!
//! For one measure m in municipality k and year y (see `docs/method.en.md`):
//!
//! ```text
//! shifted_t       = quantity_t(m,k) × effect(m) × ramp(y)
//! co2e_saved_kg   = shifted_t × ( Σ_r base_r × EF[f,r] − Σ_r target_r × EF[f,r] )
//! waste_sek_saved = shifted_t × ( Σ_r base_r × CF[f,r] − Σ_r target_r × CF[f,r] )
//! net_sek_saved   = waste_sek_saved − running_cost × active(y) − implementation_cost × [y = start]
//! ```
//!
//! `ramp(y)` is 0 before the start year, `(y − start + 1) / (full − start + 1)` up to the
//! full-effect year and 1 from then on. `active(y)` is 1 from the start year on.

use crate::model::{
    Estimate, FactorId, FactorSetInfo, FactorTable, FractionId, Measure, MeasureId, Route, ScbCode,
    SourceId, cost_factor_id, emission_factor_id,
};
use crate::scenario::{PlanPeriod, Scenario, ScenarioItem};
use crate::units::{
    CheckedMul, KgCo2e, KgCo2ePerTonne, Sek, SekPerTonne, SekPerTonneCo2e, Share, Tonnes, Year,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A result at low, central and high factor values.
///
/// `low ≤ central ≤ high` holds by construction: bounds come from interval arithmetic that
/// takes, for every factor, the end that makes the result smallest (or largest), respecting
/// the sign of the factor's weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Band<T> {
    /// Result at the factor values that make it smallest.
    pub low: T,
    /// Result at central factor values.
    pub central: T,
    /// Result at the factor values that make it largest.
    pub high: T,
}

impl<T: Copy> Band<T> {
    /// The same value at all three points.
    pub fn exact(v: T) -> Self {
        Self {
            low: v,
            central: v,
            high: v,
        }
    }

    fn try_map<U>(self, mut f: impl FnMut(T) -> Option<U>) -> Option<Band<U>> {
        Some(Band {
            low: f(self.low)?,
            central: f(self.central)?,
            high: f(self.high)?,
        })
    }

    fn try_zip<U, V>(
        self,
        other: Band<U>,
        mut f: impl FnMut(T, U) -> Option<V>,
    ) -> Option<Band<V>> {
        Some(Band {
            low: f(self.low, other.low)?,
            central: f(self.central, other.central)?,
            high: f(self.high, other.high)?,
        })
    }
}

macro_rules! band_add {
    ($t:ty) => {
        impl Band<$t> {
            /// Adds two bands point by point, or `None` on overflow.
            #[must_use]
            pub fn checked_add(self, other: Self) -> Option<Self> {
                self.try_zip(other, <$t>::checked_add)
            }
        }
    };
}
band_add!(KgCo2e);
band_add!(Sek);

/// Figures for one measure in one municipality, one group, or the whole scenario.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Tonnes shifted per year at full effect.
    pub tonnes_shifted_per_year: Tonnes,
    /// kg CO2e saved per year at full effect.
    pub co2e_saved_kg_per_year: Band<KgCo2e>,
    /// Waste-handling SEK saved per year at full effect (before measure costs).
    pub waste_sek_saved_per_year: Band<Sek>,
    /// Net SEK saved per year at full effect: waste SEK saved − running cost.
    pub net_sek_saved_per_year: Band<Sek>,
    /// Tonnes shifted over the plan period.
    pub tonnes_shifted_cumulative: Tonnes,
    /// kg CO2e saved over the plan period.
    pub co2e_saved_kg_cumulative: Band<KgCo2e>,
    /// Net SEK saved over the plan period, after all measure costs.
    pub net_sek_saved_cumulative: Band<Sek>,
    /// Net present value of the yearly net SEK saved, discounted to the plan's first year.
    pub net_present_value_sek: Band<Sek>,
    /// One-time costs.
    pub implementation_cost_sek: Sek,
    /// Running costs per year.
    pub running_cost_sek_per_year: Sek,
    /// SEK per tonne CO2e over the plan period (central): `−net SEK saved / t CO2e saved`.
    /// Negative when a measure saves both money and CO2e; `None` when it saves no CO2e.
    pub cost_per_tonne_co2e: Option<SekPerTonneCo2e>,
}

impl Summary {
    fn checked_add(&self, o: &Summary) -> Option<Summary> {
        let mut s = Summary {
            tonnes_shifted_per_year: self
                .tonnes_shifted_per_year
                .checked_add(o.tonnes_shifted_per_year)?,
            co2e_saved_kg_per_year: self
                .co2e_saved_kg_per_year
                .checked_add(o.co2e_saved_kg_per_year)?,
            waste_sek_saved_per_year: self
                .waste_sek_saved_per_year
                .checked_add(o.waste_sek_saved_per_year)?,
            net_sek_saved_per_year: self
                .net_sek_saved_per_year
                .checked_add(o.net_sek_saved_per_year)?,
            tonnes_shifted_cumulative: self
                .tonnes_shifted_cumulative
                .checked_add(o.tonnes_shifted_cumulative)?,
            co2e_saved_kg_cumulative: self
                .co2e_saved_kg_cumulative
                .checked_add(o.co2e_saved_kg_cumulative)?,
            net_sek_saved_cumulative: self
                .net_sek_saved_cumulative
                .checked_add(o.net_sek_saved_cumulative)?,
            net_present_value_sek: self
                .net_present_value_sek
                .checked_add(o.net_present_value_sek)?,
            implementation_cost_sek: self
                .implementation_cost_sek
                .checked_add(o.implementation_cost_sek)?,
            running_cost_sek_per_year: self
                .running_cost_sek_per_year
                .checked_add(o.running_cost_sek_per_year)?,
            cost_per_tonne_co2e: None,
        };
        s.cost_per_tonne_co2e = s.compute_cost_per_tonne();
        Some(s)
    }

    fn compute_cost_per_tonne(&self) -> Option<SekPerTonneCo2e> {
        self.net_sek_saved_cumulative
            .central
            .cost_per_tonne_co2e(self.co2e_saved_kg_cumulative.central)
    }
}

/// One year of one measure in one municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRow {
    /// The year.
    pub year: Year,
    /// Share of full effect reached this year.
    pub ramp: Decimal,
    /// Tonnes shifted this year.
    pub tonnes_shifted: Tonnes,
    /// kg CO2e saved this year.
    pub co2e_saved_kg: Band<KgCo2e>,
    /// Waste-handling SEK saved this year.
    pub waste_sek_saved: Band<Sek>,
    /// Measure costs paid this year (one-time and running).
    pub measure_cost_sek: Sek,
    /// Net SEK saved this year.
    pub net_sek_saved: Band<Sek>,
}

/// The result for one measure in one municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    /// The measure.
    pub measure: MeasureId,
    /// The municipality.
    pub municipality: ScbCode,
    /// The municipality's name.
    pub municipality_name: String,
    /// The fraction the measure acts on.
    pub fraction: FractionId,
    /// Affected tonnes per year.
    pub affected_tonnes_per_year: Tonnes,
    /// Share shifted at full effect.
    pub effect: Share,
    /// First year with effect.
    pub start_year: Year,
    /// First year with full effect.
    pub full_effect_year: Year,
    /// Emissions per tonne where the waste goes today: Σ base_r × EF (central).
    pub baseline_kg_co2e_per_tonne: KgCo2ePerTonne,
    /// Emissions per tonne where the shifted waste goes: Σ target_r × EF (central).
    pub target_kg_co2e_per_tonne: KgCo2ePerTonne,
    /// Saving per tonne shifted, at low/central/high factors.
    pub co2e_saved_per_tonne: Band<KgCo2ePerTonne>,
    /// SEK saved per tonne shifted (waste handling), at low/central/high factors.
    pub sek_saved_per_tonne: Band<SekPerTonne>,
    /// Factors used.
    pub factors: Vec<FactorId>,
    /// Sources of those factors.
    pub sources: Vec<SourceId>,
    /// Totals.
    pub summary: Summary,
    /// Year by year over the plan period.
    pub years: Vec<YearRow>,
}

/// A total for one group: a measure, a municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// The measure id or municipality code.
    pub key: String,
    /// The summed figures.
    pub summary: Summary,
}

/// The scenario's total in one year.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct YearTotal {
    /// The year.
    pub year: Year,
    /// Tonnes shifted.
    pub tonnes_shifted: Tonnes,
    /// kg CO2e saved.
    pub co2e_saved_kg: Band<KgCo2e>,
    /// Net SEK saved.
    pub net_sek_saved: Band<Sek>,
    /// kg CO2e saved from the first year up to and including this one.
    pub co2e_saved_kg_cumulative: Band<KgCo2e>,
}

/// Something a planner should know about a result that is not an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// Occurs when measures in one municipality take shares of the same waste (same
    /// fraction, same affected quantity, same baseline mix) and their effects add up to
    /// more than 100 %: the same tonnes would be counted twice.
    OverlappingEffects {
        /// The municipality.
        municipality: ScbCode,
        /// The fraction.
        fraction: FractionId,
        /// The measures that share it.
        measures: Vec<MeasureId>,
        /// Their effects added up.
        total_effect: Decimal,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::OverlappingEffects {
                municipality,
                fraction,
                measures,
                total_effect,
            } => {
                let list: Vec<&str> = measures.iter().map(MeasureId::as_str).collect();
                write!(
                    f,
                    "{municipality}: measures {} act on the same {fraction} waste with effects adding up to {} %",
                    list.join(", "),
                    total_effect
                        .checked_mul(Decimal::ONE_HUNDRED)
                        .unwrap_or(*total_effect)
                        .normalize()
                )
            }
        }
    }
}

fn overlap_warnings(scenario: &Scenario) -> Vec<Warning> {
    let mut groups: Vec<(&ScenarioItem, Vec<MeasureId>, Decimal)> = Vec::new();
    for item in &scenario.items {
        let m = item.measure();
        let same = groups.iter_mut().find(|(first, _, _)| {
            let f = first.measure();
            first.municipality().code == item.municipality().code
                && f.fraction == m.fraction
                && f.basis == m.basis
                && f.baseline == m.baseline
                && first.quantity_override() == item.quantity_override()
        });
        match same {
            Some((_, ids, total)) => {
                ids.push(m.id.clone());
                *total = total.saturating_add(item.effect().value());
            }
            None => groups.push((item, vec![m.id.clone()], item.effect().value())),
        }
    }
    groups
        .into_iter()
        .filter(|(_, ids, total)| ids.len() > 1 && *total > Decimal::ONE)
        .map(
            |(first, measures, total_effect)| Warning::OverlappingEffects {
                municipality: first.municipality().code.clone(),
                fraction: first.measure().fraction.clone(),
                measures,
                total_effect,
            },
        )
        .collect()
}

/// Everything [`evaluate`] finds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The factor set used.
    pub factor_set: FactorSetInfo,
    /// The scenario's name.
    pub scenario: String,
    /// The plan period.
    pub period: PlanPeriod,
    /// The discount rate used for the net present value.
    pub discount_rate: Share,
    /// One result per scenario item, in scenario order.
    pub items: Vec<ItemResult>,
    /// Totals per measure, in order of first appearance.
    pub by_measure: Vec<GroupSummary>,
    /// Totals per municipality, in order of first appearance.
    pub by_municipality: Vec<GroupSummary>,
    /// Totals per year.
    pub by_year: Vec<YearTotal>,
    /// The scenario's total.
    pub total: Summary,
    /// Things to check that are not errors.
    pub warnings: Vec<Warning>,
}

/// Why an evaluation could not be done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalcError {
    /// Occurs when a measure's mix uses a route the factor table has no emission factor for.
    #[error("measure {measure}: no emission factor for {fraction} × {route} in factor set {set}")]
    MissingEmissionFactor {
        /// The measure.
        measure: MeasureId,
        /// The fraction.
        fraction: FractionId,
        /// The route.
        route: Route,
        /// The factor set.
        set: String,
    },
    /// Occurs when a measure's mix uses a route the factor table has no cost factor for.
    #[error("measure {measure}: no cost factor for {fraction} × {route} in factor set {set}")]
    MissingCostFactor {
        /// The measure.
        measure: MeasureId,
        /// The fraction.
        fraction: FractionId,
        /// The route.
        route: Route,
        /// The factor set.
        set: String,
    },
    /// Occurs when a number grows past what a decimal holds (about 7.9 × 10²⁸).
    #[error("measure {measure} in {municipality}: numbers too large to compute")]
    Overflow {
        /// The measure.
        measure: MeasureId,
        /// The municipality.
        municipality: ScbCode,
    },
    /// Occurs when totals overflow.
    #[error("totals too large to compute")]
    TotalOverflow,
}

/// Per-tonne coefficients of one measure: Σ (base − target) × factor, at low/central/high.
#[derive(Clone, Debug)]
struct Coefficients {
    co2e: Band<KgCo2ePerTonne>,
    sek: Band<SekPerTonne>,
    baseline_ef: KgCo2ePerTonne,
    target_ef: KgCo2ePerTonne,
    factors: Vec<FactorId>,
    sources: Vec<SourceId>,
}

/// Adds `weight × factor` to a band; the low end takes the factor's low end when the weight
/// is positive and its high end when negative (interval arithmetic respecting signs).
fn add_weighted(acc: Decimal, weight: Decimal, value: Decimal) -> Option<Decimal> {
    acc.checked_add(weight.checked_mul(value)?)
}

/// One route of a measure: its weight (baseline share − target share) and the factors used.
#[derive(Clone, Debug)]
pub(crate) struct Term {
    pub(crate) baseline: Decimal,
    pub(crate) target: Decimal,
    pub(crate) weight: Decimal,
    pub(crate) ef_id: FactorId,
    pub(crate) ef: Estimate<KgCo2ePerTonne>,
    pub(crate) cf_id: FactorId,
    pub(crate) cf: Estimate<SekPerTonne>,
    pub(crate) sources: Vec<SourceId>,
}

pub(crate) struct FactorLookup<'a> {
    pub(crate) table: &'a FactorTable,
    pub(crate) scenario: &'a Scenario,
}

impl FactorLookup<'_> {
    /// The routes a measure uses, in hierarchy order, with weights and factors
    /// (a scenario override first, else the table's). `Err(None)` is an overflow.
    pub(crate) fn terms(&self, measure: &Measure) -> Result<Vec<Term>, Option<CalcError>> {
        let fraction = &measure.fraction;
        let mut out = Vec::new();
        for route in Route::ALL {
            let b = measure.baseline.share(route).value();
            let t = measure.target.share(route).value();
            if b.is_zero() && t.is_zero() {
                continue;
            }
            let over = self
                .scenario
                .factor_overrides
                .iter()
                .find(|o| &o.fraction == fraction && o.route == route);
            let mut sources = Vec::new();
            let (ef, ef_id) = match (
                over.and_then(|o| o.emission),
                self.table.emission(fraction, route),
            ) {
                (Some(e), _) => (
                    e,
                    FactorId(format!("override.{}", emission_factor_id(fraction, route))),
                ),
                (None, Some(f)) => {
                    sources.push(f.source.clone());
                    (f.value, f.id.clone())
                }
                (None, None) => {
                    return Err(Some(CalcError::MissingEmissionFactor {
                        measure: measure.id.clone(),
                        fraction: fraction.clone(),
                        route,
                        set: self.table.info().id.clone(),
                    }));
                }
            };
            let (cf, cf_id) = match (over.and_then(|o| o.cost), self.table.cost(fraction, route)) {
                (Some(c), _) => (
                    c,
                    FactorId(format!("override.{}", cost_factor_id(fraction, route))),
                ),
                (None, Some(f)) => {
                    if !sources.contains(&f.source) {
                        sources.push(f.source.clone());
                    }
                    (f.value, f.id.clone())
                }
                (None, None) => {
                    return Err(Some(CalcError::MissingCostFactor {
                        measure: measure.id.clone(),
                        fraction: fraction.clone(),
                        route,
                        set: self.table.info().id.clone(),
                    }));
                }
            };
            out.push(Term {
                baseline: b,
                target: t,
                weight: b.checked_sub(t).ok_or(None)?,
                ef_id,
                ef,
                cf_id,
                cf,
                sources,
            });
        }
        Ok(out)
    }

    fn coefficients(&self, measure: &Measure) -> Result<Coefficients, Option<CalcError>> {
        let mut co2e = [Decimal::ZERO; 3];
        let mut sek = [Decimal::ZERO; 3];
        let mut baseline_ef = Decimal::ZERO;
        let mut target_ef = Decimal::ZERO;
        let mut factors = Vec::new();
        let mut sources: Vec<SourceId> = Vec::new();
        for term in self.terms(measure)? {
            let Term {
                baseline: b,
                target: t,
                weight: w,
                ef,
                cf,
                ..
            } = term;
            for s in term.sources {
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
            factors.push(term.ef_id);
            factors.push(term.cf_id);
            let (ef_lo, ef_hi) = if w >= Decimal::ZERO {
                (ef.low().value(), ef.high().value())
            } else {
                (ef.high().value(), ef.low().value())
            };
            let (cf_lo, cf_hi) = if w >= Decimal::ZERO {
                (cf.low().value(), cf.high().value())
            } else {
                (cf.high().value(), cf.low().value())
            };
            let [c_lo, c_mid, c_hi] = co2e;
            co2e = [
                add_weighted(c_lo, w, ef_lo).ok_or(None)?,
                add_weighted(c_mid, w, ef.central().value()).ok_or(None)?,
                add_weighted(c_hi, w, ef_hi).ok_or(None)?,
            ];
            let [s_lo, s_mid, s_hi] = sek;
            sek = [
                add_weighted(s_lo, w, cf_lo).ok_or(None)?,
                add_weighted(s_mid, w, cf.central().value()).ok_or(None)?,
                add_weighted(s_hi, w, cf_hi).ok_or(None)?,
            ];
            baseline_ef = add_weighted(baseline_ef, b, ef.central().value()).ok_or(None)?;
            target_ef = add_weighted(target_ef, t, ef.central().value()).ok_or(None)?;
        }
        let [c_lo, c_mid, c_hi] = co2e;
        let [s_lo, s_mid, s_hi] = sek;
        Ok(Coefficients {
            co2e: Band {
                low: KgCo2ePerTonne::new(c_lo),
                central: KgCo2ePerTonne::new(c_mid),
                high: KgCo2ePerTonne::new(c_hi),
            },
            sek: Band {
                low: SekPerTonne::new(s_lo),
                central: SekPerTonne::new(s_mid),
                high: SekPerTonne::new(s_hi),
            },
            baseline_ef: KgCo2ePerTonne::new(baseline_ef),
            target_ef: KgCo2ePerTonne::new(target_ef),
            factors,
            sources,
        })
    }
}

/// Share of full effect in `year`: 0 before `start`, linear up to `full`, 1 from `full` on.
#[must_use]
pub fn ramp(year: Year, start: Year, full: Year) -> Decimal {
    if year < start {
        Decimal::ZERO
    } else if year >= full {
        Decimal::ONE
    } else {
        let done = Decimal::from(year.get() - start.get() + 1);
        let steps = Decimal::from(full.get() - start.get() + 1);
        done.checked_div(steps).unwrap_or(Decimal::ONE)
    }
}

/// Everything about one (start, full-effect) pair that does not depend on the measure:
/// the ramp per year and the sums that give cumulative values and net present values in
/// closed form (every result except measure costs is linear in the ramp).
#[derive(Clone, Debug)]
struct RampProfile {
    /// ramp(y) per year of the period.
    ramps: Vec<Decimal>,
    /// Σ ramp(y).
    ramp_sum: Decimal,
    /// Σ ramp(y) × discount(y).
    ramp_discounted: Decimal,
    /// Number of years with running costs (y ≥ start).
    active_years: Decimal,
    /// Σ discount(y) over years with running costs.
    active_discounted: Decimal,
    /// 1 if the start year is in the period, else 0.
    start_in_period: Decimal,
    /// discount(start) if the start year is in the period, else 0.
    start_discount: Decimal,
}

impl RampProfile {
    fn new(period: &PlanPeriod, discount: &[Decimal], start: Year, full: Year) -> Option<Self> {
        let mut p = RampProfile {
            ramps: Vec::with_capacity(period.len()),
            ramp_sum: Decimal::ZERO,
            ramp_discounted: Decimal::ZERO,
            active_years: Decimal::ZERO,
            active_discounted: Decimal::ZERO,
            start_in_period: Decimal::ZERO,
            start_discount: Decimal::ZERO,
        };
        for (y, d) in period.years().zip(discount) {
            let r = ramp(y, start, full);
            p.ramps.push(r);
            p.ramp_sum = p.ramp_sum.checked_add(r)?;
            p.ramp_discounted = p.ramp_discounted.checked_add(r.checked_mul(*d)?)?;
            if y >= start {
                p.active_years = p.active_years.checked_add(Decimal::ONE)?;
                p.active_discounted = p.active_discounted.checked_add(*d)?;
            }
            if y == start {
                p.start_in_period = Decimal::ONE;
                p.start_discount = *d;
            }
        }
        Some(p)
    }
}

/// Per-evaluation caches: coefficients per measure (shared by its municipalities) and
/// ramp profiles per (start, full-effect) pair.
struct Caches {
    coefficients: Vec<(*const Measure, Coefficients)>,
    ramps: Vec<((Year, Year), RampProfile)>,
}

impl Caches {
    fn coefficients(
        &mut self,
        lookup: &FactorLookup<'_>,
        measure: &Measure,
    ) -> Result<Coefficients, Option<CalcError>> {
        let key: *const Measure = measure;
        if let Some((_, c)) = self.coefficients.iter().find(|(k, _)| *k == key) {
            return Ok(c.clone());
        }
        let c = lookup.coefficients(measure)?;
        self.coefficients.push((key, c.clone()));
        Ok(c)
    }

    fn profile(
        &mut self,
        period: &PlanPeriod,
        discount: &[Decimal],
        start: Year,
        full: Year,
    ) -> Option<(usize, &RampProfile)> {
        let pos = match self.ramps.iter().position(|(k, _)| *k == (start, full)) {
            Some(p) => p,
            None => {
                let profile = RampProfile::new(period, discount, start, full)?;
                self.ramps.push(((start, full), profile));
                self.ramps.len() - 1
            }
        };
        self.ramps.get(pos).map(|(_, p)| (pos, p))
    }
}

fn scale_band<T: Copy>(
    b: Band<T>,
    r: Decimal,
    f: impl Fn(T, Decimal) -> Option<T>,
) -> Option<Band<T>> {
    if r == Decimal::ONE {
        Some(b)
    } else {
        b.try_map(|v| f(v, r))
    }
}

fn evaluate_item(
    lookup: &FactorLookup<'_>,
    caches: &mut Caches,
    item: &ScenarioItem,
    period: &PlanPeriod,
    discount: &[Decimal],
) -> Result<ItemResult, CalcError> {
    let measure = item.measure();
    let overflow = || CalcError::Overflow {
        measure: measure.id.clone(),
        municipality: item.municipality().code.clone(),
    };
    let coeff = caches
        .coefficients(lookup, measure)
        .map_err(|e| e.unwrap_or_else(overflow))?;
    let affected = item.affected_tonnes().ok_or_else(overflow)?;
    let full_shift = affected.checked_mul(item.effect()).ok_or_else(overflow)?;
    let implementation = item.implementation_cost().ok_or_else(overflow)?;
    let running = item.running_cost().ok_or_else(overflow)?;

    let co2e_full = coeff
        .co2e
        .try_map(|ef| full_shift.checked_mul(ef))
        .ok_or_else(overflow)?;
    let waste_full = coeff
        .sek
        .try_map(|cf| full_shift.checked_mul(cf))
        .ok_or_else(overflow)?;
    let net_full = waste_full
        .try_map(|w| w.checked_sub(running))
        .ok_or_else(overflow)?;

    let (_, profile) = caches
        .profile(period, discount, item.start_year(), item.full_effect_year())
        .ok_or_else(overflow)?;
    let mut years = Vec::with_capacity(period.len());
    for (year, r) in period.years().zip(&profile.ramps) {
        let r = *r;
        let shifted = if r == Decimal::ONE {
            full_shift
        } else {
            full_shift.checked_scale(r).ok_or_else(overflow)?
        };
        let co2e = scale_band(co2e_full, r, KgCo2e::checked_scale).ok_or_else(overflow)?;
        let waste = scale_band(waste_full, r, Sek::checked_scale).ok_or_else(overflow)?;
        let mut cost = Sek::ZERO;
        if year >= item.start_year() {
            cost = running;
        }
        if year == item.start_year() {
            cost = cost.checked_add(implementation).ok_or_else(overflow)?;
        }
        let net = waste
            .try_map(|w| w.checked_sub(cost))
            .ok_or_else(overflow)?;
        years.push(YearRow {
            year,
            ramp: r,
            tonnes_shifted: shifted,
            co2e_saved_kg: co2e,
            waste_sek_saved: waste,
            measure_cost_sek: cost,
            net_sek_saved: net,
        });
    }
    // Cumulative values and the net present value in closed form:
    //   Σ_y x × ramp(y) = x × Σ ramp,  Σ_y x × ramp(y) × disc(y) = x × Σ ramp × disc.
    let costs_cum = running
        .checked_scale(profile.active_years)
        .and_then(|r| r.checked_add(implementation.checked_scale(profile.start_in_period)?))
        .ok_or_else(overflow)?;
    let costs_npv = running
        .checked_scale(profile.active_discounted)
        .and_then(|r| r.checked_add(implementation.checked_scale(profile.start_discount)?))
        .ok_or_else(overflow)?;
    let tonnes_cum = full_shift
        .checked_scale(profile.ramp_sum)
        .ok_or_else(overflow)?;
    let co2e_cum = co2e_full
        .try_map(|c| c.checked_scale(profile.ramp_sum))
        .ok_or_else(overflow)?;
    let net_cum = waste_full
        .try_map(|w| w.checked_scale(profile.ramp_sum)?.checked_sub(costs_cum))
        .ok_or_else(overflow)?;
    let npv = waste_full
        .try_map(|w| {
            w.checked_scale(profile.ramp_discounted)?
                .checked_sub(costs_npv)
        })
        .ok_or_else(overflow)?;
    let mut summary = Summary {
        tonnes_shifted_per_year: full_shift,
        co2e_saved_kg_per_year: co2e_full,
        waste_sek_saved_per_year: waste_full,
        net_sek_saved_per_year: net_full,
        tonnes_shifted_cumulative: tonnes_cum,
        co2e_saved_kg_cumulative: co2e_cum,
        net_sek_saved_cumulative: net_cum,
        net_present_value_sek: npv,
        implementation_cost_sek: implementation,
        running_cost_sek_per_year: running,
        cost_per_tonne_co2e: None,
    };
    summary.cost_per_tonne_co2e = summary.compute_cost_per_tonne();
    Ok(ItemResult {
        measure: measure.id.clone(),
        municipality: item.municipality().code.clone(),
        municipality_name: item.municipality().name.clone(),
        fraction: measure.fraction.clone(),
        affected_tonnes_per_year: affected,
        effect: item.effect(),
        start_year: item.start_year(),
        full_effect_year: item.full_effect_year(),
        baseline_kg_co2e_per_tonne: coeff.baseline_ef,
        target_kg_co2e_per_tonne: coeff.target_ef,
        co2e_saved_per_tonne: coeff.co2e,
        sek_saved_per_tonne: coeff.sek,
        factors: coeff.factors,
        sources: coeff.sources,
        summary,
        years,
    })
}

/// Discount multipliers `1 / (1 + r)^(y − start)` for each year of the period: one
/// division per year per evaluation, then multiplications.
fn discount_factors(period: &PlanPeriod, rate: Share) -> Option<Vec<Decimal>> {
    let step = Decimal::ONE.checked_add(rate.value())?;
    let mut d = Decimal::ONE;
    let mut out = Vec::with_capacity(period.len());
    for _ in period.years() {
        out.push(Decimal::ONE.checked_div(d)?);
        d = d.checked_mul(step)?;
    }
    Some(out)
}

fn group(groups: &mut Vec<GroupSummary>, key: &str, summary: &Summary) -> Result<(), CalcError> {
    match groups.iter_mut().find(|g| g.key == key) {
        Some(g) => {
            g.summary = g
                .summary
                .checked_add(summary)
                .ok_or(CalcError::TotalOverflow)?;
        }
        None => groups.push(GroupSummary {
            key: key.to_string(),
            summary: summary.clone(),
        }),
    }
    Ok(())
}

/// Full-effect sums of the items that share one ramp profile.
#[derive(Default)]
struct RampGroup {
    tonnes: Tonnes,
    co2e: Band<KgCo2e>,
    waste: Band<Sek>,
    running: Sek,
    implementation: Sek,
}

/// Evaluates a scenario against a factor table.
///
/// Pure: no I/O, no clock, no randomness. Never panics; a missing factor or an overflow
/// is a [`CalcError`].
pub fn evaluate(table: &FactorTable, scenario: &Scenario) -> Result<Evaluation, CalcError> {
    let period = scenario.period;
    let discount =
        discount_factors(&period, scenario.discount_rate).ok_or(CalcError::TotalOverflow)?;
    let lookup = FactorLookup { table, scenario };
    let mut caches = Caches {
        coefficients: Vec::new(),
        ramps: Vec::new(),
    };
    let items = scenario
        .items
        .iter()
        .map(|item| evaluate_item(&lookup, &mut caches, item, &period, &discount))
        .collect::<Result<Vec<_>, _>>()?;

    let mut by_measure = Vec::new();
    let mut by_municipality = Vec::new();
    let mut ramp_groups: Vec<(usize, RampGroup)> = Vec::new();
    let mut total = Summary::default();
    let mut by_year: Vec<YearTotal> = period
        .years()
        .map(|year| YearTotal {
            year,
            ..YearTotal::default()
        })
        .collect();
    for item in &items {
        group(&mut by_measure, item.measure.as_str(), &item.summary)?;
        group(
            &mut by_municipality,
            item.municipality.as_str(),
            &item.summary,
        )?;
        total = total
            .checked_add(&item.summary)
            .ok_or(CalcError::TotalOverflow)?;
        // Items with the same ramp profile are summed first; years follow from the sums.
        let (key, _) = caches
            .profile(&period, &discount, item.start_year, item.full_effect_year)
            .ok_or(CalcError::TotalOverflow)?;
        let s = &item.summary;
        let slot = match ramp_groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g,
            None => {
                ramp_groups.push((key, RampGroup::default()));
                ramp_groups.last_mut().ok_or(CalcError::TotalOverflow)?
            }
        };
        let g = &mut slot.1;
        g.tonnes = g
            .tonnes
            .checked_add(s.tonnes_shifted_per_year)
            .ok_or(CalcError::TotalOverflow)?;
        g.co2e = g
            .co2e
            .checked_add(s.co2e_saved_kg_per_year)
            .ok_or(CalcError::TotalOverflow)?;
        g.waste = g
            .waste
            .checked_add(s.waste_sek_saved_per_year)
            .ok_or(CalcError::TotalOverflow)?;
        g.running = g
            .running
            .checked_add(s.running_cost_sek_per_year)
            .ok_or(CalcError::TotalOverflow)?;
        g.implementation = g
            .implementation
            .checked_add(s.implementation_cost_sek)
            .ok_or(CalcError::TotalOverflow)?;
    }
    for (key, g) in &ramp_groups {
        let Some(((start, _), profile)) = caches.ramps.get(*key) else {
            continue;
        };
        for ((yt, r), year) in by_year.iter_mut().zip(&profile.ramps).zip(period.years()) {
            let mut cost = Sek::ZERO;
            if year >= *start {
                cost = g.running;
            }
            if year == *start {
                cost = cost
                    .checked_add(g.implementation)
                    .ok_or(CalcError::TotalOverflow)?;
            }
            let co2e =
                scale_band(g.co2e, *r, KgCo2e::checked_scale).ok_or(CalcError::TotalOverflow)?;
            let net = scale_band(g.waste, *r, Sek::checked_scale)
                .and_then(|w| w.try_map(|w| w.checked_sub(cost)))
                .ok_or(CalcError::TotalOverflow)?;
            let tonnes = g.tonnes.checked_scale(*r).ok_or(CalcError::TotalOverflow)?;
            yt.tonnes_shifted = yt
                .tonnes_shifted
                .checked_add(tonnes)
                .ok_or(CalcError::TotalOverflow)?;
            yt.co2e_saved_kg = yt
                .co2e_saved_kg
                .checked_add(co2e)
                .ok_or(CalcError::TotalOverflow)?;
            yt.net_sek_saved = yt
                .net_sek_saved
                .checked_add(net)
                .ok_or(CalcError::TotalOverflow)?;
        }
    }
    let mut running = Band::exact(KgCo2e::ZERO);
    for yt in &mut by_year {
        running = running
            .checked_add(yt.co2e_saved_kg)
            .ok_or(CalcError::TotalOverflow)?;
        yt.co2e_saved_kg_cumulative = running;
    }
    Ok(Evaluation {
        factor_set: table.info().clone(),
        scenario: scenario.name.clone(),
        period,
        discount_rate: scenario.discount_rate,
        items,
        by_measure,
        by_municipality,
        by_year,
        total,
        warnings: overlap_warnings(scenario),
    })
}
