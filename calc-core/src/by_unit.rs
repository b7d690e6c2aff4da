//! Units of the organisation (issue 26): which municipal units carry each measure, and an
//! evaluation grouped by unit ("your part of the plan").
//!
//! Each measure has one **leading** unit (the one that carries it and usually pays for it)
//! and any number of **contributing** units (`measure_units.csv` in the built-in data, read
//! by `csvio::read_measure_units`).
//!
//! [`by_unit`] is a thin layer over an [`Evaluation`]: it evaluates nothing again, it adds up
//! the evaluation's per-measure totals ([`Evaluation::by_measure`]) and per-item years.
//! How a measure carried by several units is counted:
//!
//! - its figures are listed under **every** unit that carries it, lead or contributing
//!   ([`UnitResult::measures`], [`UnitResult::carried`]), so each unit sees all the work
//!   it takes part in; the sums over units therefore count a shared measure more than once;
//! - the unit's **share of the plan's total** ([`UnitResult::share_of_total`]) counts only
//!   the measures the unit leads ([`UnitResult::led`]), so every measure is counted once
//!   and the shares of all units add up to exactly 100 % when every measure in the
//!   evaluation has a lead unit (every catalogue measure has one: the reader checks it).
//!
//! ```
//! use calc_core::{by_unit, demo, evaluate, OrgUnit, OrgUnitId, OrgUnits, Perspective,
//!     UnitAssignment, UnitRole, MeasureId};
//! use rust_decimal_macros::dec;
//! # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
//! let e = evaluate(&demo::table()?, &demo::scenario()?)?;
//! let unit = |id: &str| OrgUnit { id: OrgUnitId::from(id), name_sv: id.into(),
//!     name_en: id.into(), description_sv: String::new(), description_en: String::new() };
//! let assign = |m: &str, u: &str, role| UnitAssignment { measure: MeasureId::from(m),
//!     unit: OrgUnitId::from(u), role, note_sv: String::new(), note_en: String::new() };
//! let units = OrgUnits::new(vec![unit("kost"), unit("avfall")], vec![
//!     assign("less_food_waste", "kost", UnitRole::Lead),
//!     assign("less_food_waste", "avfall", UnitRole::Contributing),
//!     assign("food_collection", "avfall", UnitRole::Lead),
//! ]);
//! let r = by_unit(&e, &units, None, Perspective::Municipality);
//! // The demo's 9 850 kg CO2e a year: 9 750 kg from less_food_waste (led by kost), 100 kg
//! // from food_collection (led by avfall, which also contributes to less_food_waste).
//! assert_eq!(r[0].led.co2e_saved_kg_per_year.central.value(), dec!(9750));
//! assert_eq!(r[1].led.co2e_saved_kg_per_year.central.value(), dec!(100));
//! assert_eq!(r[1].carried.co2e_saved_kg_per_year.central.value(), dec!(9850));
//! // Shares from the lead unit only: 9 750 / 9 850 and 100 / 9 850 add up to 1.
//! let total = r[0].share_of_total.ok_or("no share")? + r[1].share_of_total.ok_or("no share")?;
//! assert_eq!(total.round_dp(20), dec!(1));
//! # Ok(())
//! # }
//! ```

use crate::eval::{Evaluation, GroupSummary, ItemResult, Summary, YearTotal};
use crate::model::{ByPayer, MeasureId, Perspective, ScbCode};
use crate::rank::{RankBy, Ranked, rank_for};
use crate::targets::{Direction, TargetReport};
use crate::units::KgCo2e;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Id of a unit of the organisation, e.g. `kost` (meal services): short, Swedish, stable,
/// used in links (`?del=kost`) and on the command line (`rank --unit kost`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct OrgUnitId(pub String);

impl OrgUnitId {
    /// The id as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgUnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for OrgUnitId {
    fn from(s: &str) -> Self {
        Self(s.to_string())
    }
}

/// A unit of a municipality's organisation that carries waste plan measures (`units.csv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgUnit {
    /// Id, e.g. `kost`.
    pub id: OrgUnitId,
    /// Swedish name, e.g. `Kost och måltider`.
    pub name_sv: String,
    /// English name, e.g. `Meal services`.
    pub name_en: String,
    /// What the unit covers, in Swedish.
    pub description_sv: String,
    /// What the unit covers, in English.
    pub description_en: String,
}

impl OrgUnit {
    /// The name in a language.
    #[must_use]
    pub fn name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Sv => &self.name_sv,
            crate::Lang::En => &self.name_en,
        }
    }
}

/// Whether a unit leads a measure or contributes to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitRole {
    /// Carries the measure (one per measure).
    Lead,
    /// Takes part in it.
    Contributing,
}

impl UnitRole {
    /// The id used in files and JSON: `lead`, `contributing`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            UnitRole::Lead => "lead",
            UnitRole::Contributing => "contributing",
        }
    }

    /// The role for an id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        match id.trim() {
            "lead" => Some(UnitRole::Lead),
            "contributing" => Some(UnitRole::Contributing),
            _ => None,
        }
    }

    /// The role's name, e.g. `leder`.
    #[must_use]
    pub const fn name(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (UnitRole::Lead, crate::Lang::Sv) => "leder",
            (UnitRole::Lead, crate::Lang::En) => "leads",
            (UnitRole::Contributing, crate::Lang::Sv) => "bidrar",
            (UnitRole::Contributing, crate::Lang::En) => "contributes",
        }
    }
}

/// One unit's part in one measure, with the reason (`measure_units.csv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitAssignment {
    /// The measure.
    pub measure: MeasureId,
    /// The unit.
    pub unit: OrgUnitId,
    /// Lead or contributing.
    pub role: UnitRole,
    /// Why, in Swedish.
    pub note_sv: String,
    /// Why, in English.
    pub note_en: String,
}

/// The units and which measures each carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgUnits {
    /// The units, in the order they are shown.
    pub units: Vec<OrgUnit>,
    /// Every unit's part in every measure, in file order.
    pub assignments: Vec<UnitAssignment>,
}

impl OrgUnits {
    /// Units and assignments as given (the reader validates them).
    #[must_use]
    pub fn new(units: Vec<OrgUnit>, assignments: Vec<UnitAssignment>) -> Self {
        Self { units, assignments }
    }

    /// A unit by id.
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<&OrgUnit> {
        self.units.iter().find(|u| u.id.as_str() == id.trim())
    }

    /// The units that carry a measure, the lead first, then the contributing ones in file
    /// order.
    #[must_use]
    pub fn of_measure(&self, measure: &MeasureId) -> Vec<&UnitAssignment> {
        let mut v: Vec<&UnitAssignment> = self
            .assignments
            .iter()
            .filter(|a| &a.measure == measure)
            .collect();
        crate::sort::sort_by(&mut v, |a, b| a.role.cmp(&b.role));
        v
    }

    /// A measure's lead unit.
    #[must_use]
    pub fn lead_of(&self, measure: &MeasureId) -> Option<&OrgUnitId> {
        self.assignments
            .iter()
            .find(|a| &a.measure == measure && a.role == UnitRole::Lead)
            .map(|a| &a.unit)
    }

    /// A unit's role in a measure, or `None` when it does not carry it.
    #[must_use]
    pub fn role(&self, unit: &OrgUnitId, measure: &MeasureId) -> Option<UnitRole> {
        self.assignments
            .iter()
            .filter(|a| &a.unit == unit && &a.measure == measure)
            .map(|a| a.role)
            .min()
    }
}

/// One measure a unit carries, with its totals from the evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitMeasure {
    /// The measure.
    pub measure: MeasureId,
    /// The unit's role in it.
    pub role: UnitRole,
    /// The measure's totals over the evaluation's municipalities
    /// ([`Evaluation::by_measure`]).
    pub summary: Summary,
}

/// How much of one target's gap a unit's measures close in one municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitTarget {
    /// The target's id.
    pub target: String,
    /// The municipality.
    pub municipality: ScbCode,
    /// The change of the indicator at the target year from the measures the unit carries
    /// (lead or contributing; negative: down), in the indicator's unit: the sum of their
    /// [`crate::targets::TargetContribution`]s.
    pub change: Decimal,
    /// The change the target needs from its base: target value − base value.
    pub needed: Decimal,
    /// `change ÷ needed`, the share of the needed change the unit's measures give (1 = all
    /// of it); `None` when nothing is needed or the target is already met at its base.
    pub share_of_needed: Option<Decimal>,
    /// The gap left at the target year after all the scenario's measures (positive: short).
    pub gap_after_all: Decimal,
}

/// An evaluation seen from one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitResult {
    /// The unit.
    pub unit: OrgUnitId,
    /// The measures of the evaluation it carries, in the evaluation's order.
    pub measures: Vec<UnitMeasure>,
    /// Totals over the measures it leads (each measure counted under one unit).
    pub led: Summary,
    /// Totals over every measure it carries, lead or contributing.
    pub carried: Summary,
    /// Per year, over every measure it carries (empty for an evaluation without years,
    /// [`crate::evaluate_totals`]). `co2e_saved_kg_cumulative` runs from the first year.
    pub by_year: Vec<YearTotal>,
    /// The CO2e a year the measures it leads save as a share of the plan's total (central
    /// values at full effect); `None` when the plan's total saves no CO2e.
    pub share_of_total: Option<Decimal>,
    /// The targets its measures change, per municipality (empty without a target report).
    pub targets: Vec<UnitTarget>,
    /// Its measures by cost per tonne CO2e, cheapest first, ranks 1, 2, … within the unit.
    pub next_best: Vec<Ranked>,
}

/// Groups an evaluation by unit: one [`UnitResult`] per unit of `units`, in their order.
///
/// `targets` (from [`crate::progress`] for the same scenario) adds which targets each
/// unit's measures serve and how much of each gap they close; `perspective` is whose money
/// the cost per tonne counts for [`UnitResult::next_best`]. See the [module
/// docs](mod@crate::by_unit) for how a shared measure is counted.
#[must_use]
pub fn by_unit(
    evaluation: &Evaluation,
    units: &OrgUnits,
    targets: Option<&TargetReport>,
    perspective: Perspective,
) -> Vec<UnitResult> {
    let ranked = rank_for(evaluation, RankBy::CostPerTonne, perspective);
    units
        .units
        .iter()
        .map(|u| unit_result(evaluation, units, &u.id, targets, &ranked))
        .collect()
}

/// One unit's result ([`by_unit`] for a single unit).
#[must_use]
pub fn for_unit(
    evaluation: &Evaluation,
    units: &OrgUnits,
    unit: &OrgUnitId,
    targets: Option<&TargetReport>,
    perspective: Perspective,
) -> UnitResult {
    let ranked = rank_for(evaluation, RankBy::CostPerTonne, perspective);
    unit_result(evaluation, units, unit, targets, &ranked)
}

fn unit_result(
    evaluation: &Evaluation,
    units: &OrgUnits,
    unit: &OrgUnitId,
    targets: Option<&TargetReport>,
    ranked: &[Ranked],
) -> UnitResult {
    let measures: Vec<UnitMeasure> = evaluation
        .by_measure
        .iter()
        .filter_map(|g: &GroupSummary<MeasureId>| {
            units.role(unit, &g.key).map(|role| UnitMeasure {
                measure: g.key.clone(),
                role,
                summary: g.summary.clone(),
            })
        })
        .collect();
    let led = sum(measures
        .iter()
        .filter(|m| m.role == UnitRole::Lead)
        .map(|m| &m.summary));
    let carried = sum(measures.iter().map(|m| &m.summary));
    let total = evaluation.total.co2e_saved_kg_per_year.central.value();
    let share_of_total = if total > Decimal::ZERO {
        led.co2e_saved_kg_per_year
            .central
            .value()
            .checked_div(total)
    } else {
        None
    };
    let carries = |m: &MeasureId| measures.iter().any(|x| &x.measure == m);
    let by_year = years(evaluation, &carries);
    let targets = targets.map_or_else(Vec::new, |r| unit_targets(r, &carries));
    let next_best = ranked
        .iter()
        .filter(|r| carries(&r.measure.key))
        .enumerate()
        .map(|(i, r)| Ranked {
            rank: i + 1,
            measure: r.measure.clone(),
        })
        .collect();
    UnitResult {
        unit: unit.clone(),
        measures,
        led,
        carried,
        by_year,
        share_of_total,
        targets,
        next_best,
    }
}

/// The sum of summaries, field by field, with society's figures the payers' sums and the
/// cost per tonne from the summed figures (as the evaluation's totals). Sums past a
/// decimal's range saturate; they cannot occur for sums of an evaluation's own totals,
/// which did not overflow.
fn sum<'a>(parts: impl Iterator<Item = &'a Summary>) -> Summary {
    let mut s = Summary::default();
    for p in parts {
        s.tonnes_shifted_per_year = s
            .tonnes_shifted_per_year
            .checked_add(p.tonnes_shifted_per_year)
            .unwrap_or(s.tonnes_shifted_per_year);
        s.co2e_saved_kg_per_year = s
            .co2e_saved_kg_per_year
            .checked_add(p.co2e_saved_kg_per_year)
            .unwrap_or(s.co2e_saved_kg_per_year);
        s.route_sek_saved_per_year = s
            .route_sek_saved_per_year
            .checked_add(p.route_sek_saved_per_year)
            .unwrap_or(s.route_sek_saved_per_year);
        s.net_sek_saved_per_year_by_payer = add_payers(
            &s.net_sek_saved_per_year_by_payer,
            &p.net_sek_saved_per_year_by_payer,
        );
        s.tonnes_shifted_cumulative = s
            .tonnes_shifted_cumulative
            .checked_add(p.tonnes_shifted_cumulative)
            .unwrap_or(s.tonnes_shifted_cumulative);
        s.co2e_saved_kg_cumulative = s
            .co2e_saved_kg_cumulative
            .checked_add(p.co2e_saved_kg_cumulative)
            .unwrap_or(s.co2e_saved_kg_cumulative);
        s.net_sek_saved_cumulative_by_payer = add_payers(
            &s.net_sek_saved_cumulative_by_payer,
            &p.net_sek_saved_cumulative_by_payer,
        );
        s.net_present_value_sek_by_payer = add_payers(
            &s.net_present_value_sek_by_payer,
            &p.net_present_value_sek_by_payer,
        );
        s.implementation_cost_sek = s
            .implementation_cost_sek
            .checked_add(p.implementation_cost_sek)
            .unwrap_or(s.implementation_cost_sek);
        s.running_cost_sek_per_year = s
            .running_cost_sek_per_year
            .checked_add(p.running_cost_sek_per_year)
            .unwrap_or(s.running_cost_sek_per_year);
    }
    let society = |b: &ByPayer<crate::Band<crate::Sek>>| {
        b.for_perspective(Perspective::Society).unwrap_or_default()
    };
    s.society_net_sek_saved_per_year = society(&s.net_sek_saved_per_year_by_payer);
    s.society_net_sek_saved_cumulative = society(&s.net_sek_saved_cumulative_by_payer);
    s.society_net_present_value_sek = society(&s.net_present_value_sek_by_payer);
    s.municipality_cost_per_tonne_co2e = s.cost_per_tonne_for(Perspective::Municipality);
    s
}

fn add_payers(
    a: &ByPayer<crate::Band<crate::Sek>>,
    b: &ByPayer<crate::Band<crate::Sek>>,
) -> ByPayer<crate::Band<crate::Sek>> {
    a.checked_add(b).unwrap_or(*a)
}

/// The years of the items (and, when the totals include them, the legal duties' items)
/// whose measure the unit carries, summed per year.
fn years(evaluation: &Evaluation, carries: &dyn Fn(&MeasureId) -> bool) -> Vec<YearTotal> {
    let law: &[ItemResult] = if evaluation.includes_required_by_law {
        &evaluation.required_by_law_items
    } else {
        &[]
    };
    let mut out: Vec<YearTotal> = Vec::new();
    for item in evaluation.items.iter().chain(law) {
        if !carries(&item.measure) {
            continue;
        }
        for row in &item.years {
            let i = match out.iter().position(|y| y.year == row.year) {
                Some(i) => i,
                None => {
                    out.push(YearTotal {
                        year: row.year,
                        ..YearTotal::default()
                    });
                    out.len() - 1
                }
            };
            if let Some(y) = out.get_mut(i) {
                y.tonnes_shifted = y
                    .tonnes_shifted
                    .checked_add(row.tonnes_shifted)
                    .unwrap_or(y.tonnes_shifted);
                y.co2e_saved_kg = y
                    .co2e_saved_kg
                    .checked_add(row.co2e_saved_kg)
                    .unwrap_or(y.co2e_saved_kg);
                y.net_sek_saved_by_payer =
                    add_payers(&y.net_sek_saved_by_payer, &row.net_sek_saved_by_payer);
            }
        }
    }
    crate::sort::sort_by_key(&mut out, |y| y.year);
    let mut running = crate::Band::exact(KgCo2e::ZERO);
    for y in &mut out {
        y.society_net_sek_saved = y
            .net_sek_saved_by_payer
            .for_perspective(Perspective::Society)
            .unwrap_or_default();
        running = running.checked_add(y.co2e_saved_kg).unwrap_or(running);
        y.co2e_saved_kg_cumulative = running;
    }
    out
}

/// The targets the unit's measures change, per municipality.
fn unit_targets(report: &TargetReport, carries: &dyn Fn(&MeasureId) -> bool) -> Vec<UnitTarget> {
    let mut out = Vec::new();
    for p in &report.progress {
        let mut change = Decimal::ZERO;
        let mut serves = false;
        for c in &p.contributions {
            if carries(&c.measure) && !c.change.is_zero() {
                serves = true;
                change = change.saturating_add(c.change);
            }
        }
        if !serves {
            continue;
        }
        let needed = p.target_value.saturating_sub(p.base_value);
        let share_of_needed = if needed.is_zero() {
            None
        } else {
            change.checked_div(needed).filter(|_| {
                // A target already met at its base needs no change in its direction.
                match p.indicator.direction() {
                    Direction::Lower => needed < Decimal::ZERO,
                    Direction::Higher => needed > Decimal::ZERO,
                }
            })
        };
        out.push(UnitTarget {
            target: p.target.clone(),
            municipality: p.municipality.clone(),
            change,
            needed,
            share_of_needed,
            gap_after_all: p.gap,
        });
    }
    out
}
