//! Targets and follow-up as the planner enters them: the municipality's own figures, the
//! yearly actuals and (when changed from the plan's built-in goals) the targets. Saved and
//! shared with the scenario as part of [`crate::settings::Settings`]; turned into calc-core's
//! [`OwnFigures`], [`Actual`]s and [`Target`]s here, each row through calc-core's validating
//! constructors (a row calc-core refuses is named, never dropped silently).

mod forms;
#[cfg(test)]
mod tests;

use calc_core::Municipality;
use calc_core::{
    Actual, BaseValue, GramsPerPortion, Indicator, KgPerInhabitant, OwnFigure, OwnFigures,
    OwnQuantity, PoolId, Route, RouteMix, ScbCode, Share, Target, TargetValue, Tonnes, Year,
};
use factors::Catalogue;
pub use forms::{
    ActualField, ActualForm, OwnField, OwnForm, QuantityUnit, TargetField, TargetForm,
    free_target_id,
};
pub(crate) use forms::{at_fields, cell};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

thread_local! {
    static OWN_READS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times [`FollowUp::own_figures`] ran on this thread (the reducer reads them
/// once per change: [`crate::derived`]).
#[must_use]
pub fn own_reads() -> u64 {
    OWN_READS.with(std::cell::Cell::get)
}

/// A municipality's own figures for one pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnRow {
    /// SCB code.
    pub municipality: String,
    /// Pool id.
    pub pool: String,
    /// The year the figures are for.
    pub year: u16,
    /// Tonnes per year (`None`: the built-in quantity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tonnes: Option<Decimal>,
    /// kg per inhabitant (`None`: tonnes or the built-in quantity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kg_per_inhabitant: Option<Decimal>,
    /// Grams per portion, for the kitchens' pools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub g_per_portion: Option<Decimal>,
    /// Route shares in percent by route id (empty: the built-in shares).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shares_pct: BTreeMap<String, Decimal>,
    /// Where the figures come from.
    pub source: String,
    /// A note (the baseline file's `note`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// An observed value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActualRow {
    /// SCB code.
    pub municipality: String,
    /// Indicator id.
    pub indicator: String,
    /// Year.
    pub year: u16,
    /// Value in the indicator's unit.
    pub value: Decimal,
}

/// A target as the planner sets it (the built-in goals until the list is changed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetRow {
    /// Id.
    pub id: String,
    /// The goal's text.
    #[serde(default)]
    pub text: String,
    /// Indicator id.
    pub indicator: String,
    /// Pools counted (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<String>,
    /// Base year.
    pub base_year: u16,
    /// Base value (`None`: the model's level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_value: Option<Decimal>,
    /// Absolute target value, or …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_value: Option<Decimal>,
    /// … change from the base in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_pct: Option<Decimal>,
    /// Target year.
    pub target_year: u16,
    /// Municipalities' own base years and values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<BaseRow>,
    /// The goal's text in English (empty: the Swedish text is used).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text_en: String,
    /// The plan's goal area.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    /// Where the goal comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Notes: assumptions and what the source leaves open.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the base value comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base_source: String,
}

/// A municipality's own base for a target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseRow {
    /// SCB code.
    pub municipality: String,
    /// Base year.
    pub year: u16,
    /// Base value (`None`: the model's level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
}

impl OwnRow {
    /// The row for a calc-core own figure.
    #[must_use]
    pub fn of(f: &OwnFigure) -> Self {
        let (mut tonnes, mut kg, mut g) = (None, None, None);
        match f.quantity {
            Some(OwnQuantity::Tonnes(t)) => tonnes = Some(t.value()),
            Some(OwnQuantity::KgPerInhabitant(k)) => kg = Some(k.value()),
            Some(OwnQuantity::GramsPerPortion(x)) => g = Some(x.value()),
            None => {}
        }
        Self {
            municipality: f.municipality.0.clone(),
            pool: f.pool.0.clone(),
            year: f.year.get(),
            tonnes,
            kg_per_inhabitant: kg,
            g_per_portion: g,
            shares_pct: f
                .routes
                .as_ref()
                .map(|m| {
                    m.shares()
                        .iter()
                        .map(|(r, s)| (r.id().to_string(), s.percent().normalize()))
                        .collect()
                })
                .unwrap_or_default(),
            source: f.source.clone(),
            note: f.note.clone(),
        }
    }
}

impl ActualRow {
    /// The row for a calc-core actual.
    #[must_use]
    pub fn of(a: &Actual) -> Self {
        Self {
            municipality: a.municipality.0.clone(),
            indicator: a.indicator.id().to_string(),
            year: a.year.get(),
            value: a.value,
        }
    }
}

impl TargetRow {
    /// The row for a calc-core target, with its municipal bases (its English text and
    /// sources are not kept).
    #[must_use]
    pub fn of(t: &Target) -> Self {
        let (target_value, change_pct) = match t.target {
            TargetValue::Absolute(v) => (Some(v), None),
            TargetValue::ChangePercent(c) => (None, Some(c)),
        };
        Self {
            id: t.id.clone(),
            text: t.text_sv.clone(),
            indicator: t.indicator.id().to_string(),
            pools: t.pools.iter().map(|p| p.0.clone()).collect(),
            base_year: t.base.year.get(),
            base_value: t.base.value,
            target_value,
            change_pct,
            target_year: t.target_year.get(),
            bases: t
                .bases
                .iter()
                .map(|(k, b)| BaseRow {
                    municipality: k.0.clone(),
                    year: b.year.get(),
                    value: b.value,
                })
                .collect(),
            text_en: t.text_en.clone(),
            area: t.area.clone(),
            source: t.source.clone(),
            note: t.note.clone(),
            base_source: t.base.source.clone(),
        }
    }

    /// The calc-core target, or why not.
    pub fn to_target(&self) -> Result<Target, String> {
        let indicator = Indicator::from_id(&self.indicator)
            .ok_or_else(|| format!("{}: indicator '{}'", self.id, self.indicator))?;
        let target = match (self.target_value, self.change_pct) {
            (Some(v), None) => TargetValue::Absolute(v),
            (None, Some(c)) => TargetValue::ChangePercent(c),
            _ => return Err(format!("{}: target value or change", self.id)),
        };
        if self.target_year < self.base_year {
            return Err(format!(
                "{}: {} < {}",
                self.id, self.target_year, self.base_year
            ));
        }
        let mut t = Target::new(
            self.id.clone(),
            indicator,
            BaseValue {
                year: Year(self.base_year),
                value: self.base_value,
                source: self.base_source.clone(),
            },
            target,
            Year(self.target_year),
        );
        t.text_sv.clone_from(&self.text);
        t.text_en.clone_from(if self.text_en.is_empty() {
            &self.text
        } else {
            &self.text_en
        });
        t.area.clone_from(&self.area);
        t.source.clone_from(&self.source);
        t.note.clone_from(&self.note);
        t.bases = self
            .bases
            .iter()
            .map(|b| {
                (
                    ScbCode::from(b.municipality.as_str()),
                    BaseValue {
                        year: Year(b.year),
                        value: b.value,
                        source: String::new(),
                    },
                )
            })
            .collect();
        t.pools = self
            .pools
            .iter()
            .map(|p| PoolId::from(p.as_str()))
            .collect();
        Ok(t)
    }
}

/// Everything the planner entered for follow-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Own figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own: Vec<OwnRow>,
    /// Actuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<ActualRow>,
    /// Targets (`None`: the plan's built-in goals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<TargetRow>>,
}

impl FollowUp {
    /// Nothing entered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.own.is_empty() && self.actuals.is_empty() && self.targets.is_none()
    }

    /// The own figures calc-core accepts, and a message per row it refuses; `towns` are the
    /// municipalities the settings know (Sjuhärad's and those the planner added).
    #[must_use]
    pub fn own_figures(
        &self,
        cat: &Catalogue,
        towns: &[Arc<Municipality>],
    ) -> (OwnFigures, Vec<String>) {
        OWN_READS.with(|c| c.set(c.get().wrapping_add(1)));
        let mut out = OwnFigures::new();
        let mut problems = Vec::new();
        for r in &self.own {
            match own_figure(r, cat, towns) {
                Ok(f) => {
                    out.rows
                        .retain(|x| !(x.municipality == f.municipality && x.pool == f.pool));
                    out.rows.push(f);
                }
                Err(e) => problems.push(format!("{} {}: {e}", r.municipality, r.pool)),
            }
        }
        (out, problems)
    }

    /// The actuals.
    #[must_use]
    pub fn actuals(&self) -> Vec<Actual> {
        self.actuals
            .iter()
            .filter_map(|a| {
                Some(Actual {
                    indicator: Indicator::from_id(&a.indicator)?,
                    municipality: ScbCode::from(a.municipality.as_str()),
                    year: Year(a.year),
                    value: a.value,
                    source: String::new(),
                })
            })
            .collect()
    }

    /// The targets: the planner's, or the plan's built-in goals.
    #[must_use]
    pub fn targets(&self, cat: &Catalogue) -> (Vec<Target>, Vec<String>) {
        match &self.targets {
            None => (cat.targets.clone(), Vec::new()),
            Some(rows) => {
                let mut out = Vec::new();
                let mut problems = Vec::new();
                for r in rows {
                    match r.to_target() {
                        Ok(t) => out.push(t),
                        Err(e) => problems.push(e),
                    }
                }
                (out, problems)
            }
        }
    }

    /// The target rows to edit: the planner's, or the built-in goals as rows.
    #[must_use]
    pub fn target_rows(&self, cat: &Catalogue) -> Vec<TargetRow> {
        self.targets
            .clone()
            .unwrap_or_else(|| cat.targets.iter().map(TargetRow::of).collect())
    }
}

/// One own-figure row through calc-core's constructors.
pub fn own_figure(
    r: &OwnRow,
    cat: &Catalogue,
    towns: &[Arc<Municipality>],
) -> Result<OwnFigure, String> {
    if !cat.pools.iter().any(|p| p.id.as_str() == r.pool) {
        return Err(format!("pool '{}'", r.pool));
    }
    if !towns.iter().any(|k| k.code.as_str() == r.municipality) {
        return Err(format!("municipality '{}'", r.municipality));
    }
    let quantity = match (r.tonnes, r.kg_per_inhabitant, r.g_per_portion) {
        (Some(t), _, _) if t < Decimal::ZERO => return Err(format!("{t} < 0")),
        (Some(t), _, _) => Some(OwnQuantity::Tonnes(Tonnes::new(t))),
        (None, Some(k), _) => Some(OwnQuantity::KgPerInhabitant(
            KgPerInhabitant::new(k).map_err(|_| format!("{k} < 0"))?,
        )),
        (None, None, Some(g)) => Some(OwnQuantity::GramsPerPortion(
            GramsPerPortion::new(g).map_err(|_| format!("{g} < 0"))?,
        )),
        (None, None, None) => None,
    };
    let routes = if r.shares_pct.values().all(|v| v.is_zero()) {
        None
    } else {
        let mut shares = Vec::new();
        for (id, pct) in &r.shares_pct {
            let route = Route::from_id(id).ok_or_else(|| format!("route '{id}'"))?;
            let share = Share::from_percent(*pct)
                .and_then(|s| Share::new(s.value().normalize()))
                .map_err(|_| format!("{pct} %"))?;
            if !share.value().is_zero() {
                shares.push((route, share));
            }
        }
        Some(RouteMix::new(shares).map_err(|e| e.to_string())?)
    };
    Ok(OwnFigure {
        municipality: ScbCode::from(r.municipality.as_str()),
        pool: PoolId::from(r.pool.as_str()),
        year: Year(r.year),
        quantity,
        routes,
        source: r.source.clone(),
        note: r.note.clone(),
    })
}
