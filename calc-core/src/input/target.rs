//! [`TargetInput`]: a goal as a form or a saved scenario gives it.

use super::{Field, Refusals};
use crate::model::{Municipality, Pool, PoolId};
use crate::targets::{BaseValue, Target, TargetValue};
use crate::units::Year;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A goal as a form gives it (the app saves and shares the planner's targets in this
/// shape).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetInput {
    /// Id.
    pub id: String,
    /// The goal's text (Swedish, or the only one).
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
    pub bases: Vec<BaseInput>,
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseInput {
    /// SCB code or name.
    pub municipality: String,
    /// Base year.
    pub year: u16,
    /// Base value (`None`: the model's level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
}

impl TargetInput {
    /// The target, checked: the indicator and pools known, exactly one of a target value
    /// and a change, and what [`Target::new`] and [`Target::with_base`] check.
    ///
    /// # Errors
    /// Every field at fault, each with why.
    pub fn check(
        &self,
        pools: &[Arc<Pool>],
        municipalities: &[Arc<Municipality>],
    ) -> Result<Target, Refusals> {
        let mut refused = Vec::new();
        let ind = super::indicator(&self.indicator)
            .map_err(|e| refused.push((Field::Indicator, e)))
            .ok();
        let mut pool_ids = Vec::new();
        for p in &self.pools {
            match super::pool(pools, p) {
                Ok(pool) => pool_ids.push(PoolId::clone(&pool.id)),
                Err(e) => refused.push((Field::Pools, e)),
            }
        }
        let target = match (self.target_value, self.change_pct) {
            (Some(v), None) => Some(TargetValue::Absolute(v)),
            (None, Some(c)) => Some(TargetValue::ChangePercent(c)),
            _ => {
                refused.push((Field::TargetValue, crate::ModelError::OneTargetValue));
                None
            }
        };
        let base = BaseValue {
            year: Year(self.base_year),
            value: self.base_value,
            source: self.base_source.clone(),
        };
        // Run with stand-ins where the indicator or the target value is refused, so the
        // years and the id are checked too and every refusal shows at once.
        let t = Target::new(
            self.id.trim(),
            ind.unwrap_or(crate::Indicator::FoodWasteKgPerInhabitant),
            base,
            target.unwrap_or(TargetValue::Absolute(Decimal::ZERO)),
            Year(self.target_year),
        )
        .map_err(|e| refused.push(e))
        .ok();
        let (Some(mut t), true) = (t, refused.is_empty()) else {
            return Err(refused);
        };
        for b in &self.bases {
            let k = match super::municipality(municipalities, &b.municipality) {
                Ok(k) => k.code.clone(),
                Err(e) => {
                    refused.push((Field::Municipality, e));
                    continue;
                }
            };
            let base = BaseValue {
                year: Year(b.year),
                value: b.value,
                source: String::new(),
            };
            match t.clone().with_base(k, base) {
                Ok(with) => t = with,
                Err(e) => refused.push(e),
            }
        }
        if !refused.is_empty() {
            return Err(refused);
        }
        t.pools = pool_ids;
        t.text_sv.clone_from(&self.text);
        t.text_en.clone_from(if self.text_en.is_empty() {
            &self.text
        } else {
            &self.text_en
        });
        t.area.clone_from(&self.area);
        t.source.clone_from(&self.source);
        t.note.clone_from(&self.note);
        Ok(t)
    }

    /// The target as people call it: the goal's text in `lang` (the Swedish one when there
    /// is no English), its id only when it has no text at all.
    #[must_use]
    pub fn name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::En if !self.text_en.trim().is_empty() => &self.text_en,
            _ if !self.text.trim().is_empty() => &self.text,
            _ => &self.id,
        }
    }
}

impl From<&Target> for TargetInput {
    fn from(t: &Target) -> Self {
        let (target_value, change_pct) = match t.target {
            TargetValue::Absolute(v) => (Some(v), None),
            TargetValue::ChangePercent(c) => (None, Some(c)),
        };
        Self {
            id: t.id.clone(),
            text: t.text_sv.clone(),
            indicator: t.indicator.id().to_string(),
            pools: t.pools.iter().map(|p| p.as_str().to_string()).collect(),
            base_year: t.base.year.get(),
            base_value: t.base.value,
            target_value,
            change_pct,
            target_year: t.target_year.get(),
            bases: t
                .bases
                .iter()
                .map(|(k, b)| BaseInput {
                    municipality: k.as_str().to_string(),
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
}
