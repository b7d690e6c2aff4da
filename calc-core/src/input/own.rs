//! [`OwnFigureInput`]: a municipality's own figures for one pool as typed or saved.

use super::{Field, Refusals};
use crate::model::{Municipality, Pool, RouteMix};
use crate::targets::{OwnFigure, OwnQuantity};
use crate::units::{GramsPerPortion, KgPerInhabitant, Tonnes, Year};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A municipality's own figures for one pool, as a form or a baseline file gives them (the
/// app saves and shares them in this shape).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnFigureInput {
    /// SCB code or name.
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
    /// Route shares in percent by route id (empty or all zero: the built-in shares).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shares_pct: BTreeMap<String, Decimal>,
    /// Where the figures come from.
    pub source: String,
    /// A note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl OwnFigureInput {
    /// The own figure, checked: the municipality and pool known, at most one quantity, the
    /// route shares 0–100 % summing to 100 %, and what [`OwnFigure::new`] checks.
    ///
    /// # Errors
    /// Every field at fault, each with why.
    pub fn check(
        &self,
        pools: &[Arc<Pool>],
        municipalities: &[Arc<Municipality>],
    ) -> Result<OwnFigure, Refusals> {
        let mut refused = Vec::new();
        let k = super::municipality(municipalities, &self.municipality)
            .map_err(|e| refused.push((Field::Municipality, e)))
            .ok();
        let pool = super::pool(pools, &self.pool)
            .map_err(|e| refused.push((Field::Pool, e)))
            .ok();
        let quantity = match (self.tonnes, self.kg_per_inhabitant, self.g_per_portion) {
            (None, None, None) => None,
            (Some(t), None, None) => Some(OwnQuantity::Tonnes(Tonnes::new(t))),
            (None, Some(k), None) => Some(OwnQuantity::KgPerInhabitant(
                KgPerInhabitant::new_unchecked(k),
            )),
            (None, None, Some(g)) => Some(OwnQuantity::GramsPerPortion(
                GramsPerPortion::new_unchecked(g),
            )),
            _ => {
                refused.push((Field::Quantity, crate::ModelError::OneQuantity));
                None
            }
        };
        let mut shares = Vec::new();
        for (id, pct) in &self.shares_pct {
            match super::route(id) {
                Ok(r) => shares.push((r, *pct)),
                Err(e) => refused.push((Field::Routes, e)),
            }
        }
        let routes = RouteMix::from_percent(shares)
            .map_err(|e| refused.extend(e))
            .ok()
            .flatten();
        let (Some(k), Some(pool)) = (k, pool) else {
            return Err(refused);
        };
        match OwnFigure::new(
            k.code.clone(),
            pool,
            Year(self.year),
            quantity,
            routes,
            self.source.as_str(),
        ) {
            Ok(mut f) if refused.is_empty() => {
                f.note.clone_from(&self.note);
                Ok(f)
            }
            Ok(_) => Err(refused),
            Err(e) => {
                refused.extend(e);
                Err(refused)
            }
        }
    }
}

impl From<&OwnFigure> for OwnFigureInput {
    fn from(f: &OwnFigure) -> Self {
        let (mut tonnes, mut kg, mut g) = (None, None, None);
        match f.quantity {
            Some(OwnQuantity::Tonnes(t)) => tonnes = Some(t.value()),
            Some(OwnQuantity::KgPerInhabitant(k)) => kg = Some(k.value()),
            Some(OwnQuantity::GramsPerPortion(x)) => g = Some(x.value()),
            None => {}
        }
        Self {
            municipality: f.municipality.as_str().to_string(),
            pool: f.pool.as_str().to_string(),
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
