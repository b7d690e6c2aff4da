//! [`ActualInput`]: an observed value as typed or saved.

use super::{Field, Refusals};
use crate::model::Municipality;
use crate::targets::Actual;
use crate::units::Year;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A value observed in a year, as a form or an actuals file gives it (the app saves and
/// shares actuals in this shape).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActualInput {
    /// SCB code or name.
    pub municipality: String,
    /// Indicator id.
    pub indicator: String,
    /// Year.
    pub year: u16,
    /// Value in the indicator's unit.
    pub value: Decimal,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl ActualInput {
    /// The actual, checked: the municipality and indicator known, and what [`Actual::new`]
    /// checks.
    ///
    /// # Errors
    /// Every field at fault, each with why.
    pub fn check(&self, municipalities: &[Arc<Municipality>]) -> Result<Actual, Refusals> {
        let mut refused = Vec::new();
        let k = super::municipality(municipalities, &self.municipality)
            .map_err(|e| refused.push((Field::Municipality, e)))
            .ok();
        let ind = super::indicator(&self.indicator)
            .map_err(|e| refused.push((Field::Indicator, e)))
            .ok();
        let value = Actual::checked_value(self.value)
            .map_err(|e| refused.push(e))
            .ok();
        let (Some(k), Some(ind), Some(value)) = (k, ind, value) else {
            return Err(refused);
        };
        // Every rule of `Actual::new` held above (`checked_value`, its one rule).
        Ok(Actual {
            indicator: ind,
            municipality: k.code.clone(),
            year: Year(self.year),
            value,
            source: self.source.clone(),
        })
    }
}

impl From<&Actual> for ActualInput {
    fn from(a: &Actual) -> Self {
        Self {
            municipality: a.municipality.as_str().to_string(),
            indicator: a.indicator.id().to_string(),
            year: a.year.get(),
            value: a.value,
            source: a.source.clone(),
        }
    }
}
