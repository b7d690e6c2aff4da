//! [`PriceIndex`]: one price level for every SEK value of a factor set.
//!
//! Sources state costs in their own year's prices (a 2019 price list, a 2023 report). A
//! factor set names the price year its results are expressed in; each cost factor is
//! converted from its source's price year with a consumer price index (SCB's KPI,
//! 1980 = 100, for the built-in data): `value × index(target) / index(source year)`.

use super::{ModelError, SourceId};
use crate::units::{SekPerTonne, Year};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

/// One index value: the price level of a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceLevel {
    /// The index value (e.g. KPI 1980 = 100).
    pub value: Decimal,
    /// What the value is (e.g. "annual average", "October of the previous year").
    pub basis: String,
    /// Where it comes from.
    pub source: SourceId,
}

/// A price index: a level per year, all on one base.
///
/// Invariant: every level is positive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PriceIndex {
    levels: BTreeMap<Year, PriceLevel>,
}

impl PriceIndex {
    /// An empty index.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a year's level; a second level for a year or a level ≤ 0 is an error.
    pub fn insert(&mut self, year: Year, level: PriceLevel) -> Result<(), ModelError> {
        if level.value <= Decimal::ZERO {
            return Err(ModelError::PriceLevel {
                year,
                value: level.value,
            });
        }
        if self.levels.contains_key(&year) {
            return Err(ModelError::DuplicatePriceYear { year });
        }
        self.levels.insert(year, level);
        Ok(())
    }

    /// The level of a year.
    #[must_use]
    pub fn level(&self, year: Year) -> Option<&PriceLevel> {
        self.levels.get(&year)
    }

    /// Every year with its level, earliest first.
    pub fn iter(&self) -> impl Iterator<Item = (Year, &PriceLevel)> {
        self.levels.iter().map(|(y, l)| (*y, l))
    }

    /// `index(to) / index(from)`: what one krona of `from` is worth in `to` prices.
    pub fn ratio(&self, from: Year, to: Year) -> Result<Decimal, ModelError> {
        if from == to {
            return Ok(Decimal::ONE);
        }
        let level = |year| {
            self.levels
                .get(&year)
                .map(|l| l.value)
                .ok_or(ModelError::NoPriceLevel { year })
        };
        let (f, t) = (level(from)?, level(to)?);
        // Levels are positive (the invariant), so the division is defined; it can only
        // overflow for absurd levels, reported as the missing level it effectively is.
        t.checked_div(f)
            .ok_or(ModelError::NoPriceLevel { year: from })
    }

    /// A value in `from` prices converted to `to` prices, rounded half away from zero to
    /// whole öre per tonne (data rounding, far below any display); unchanged when the
    /// years are the same.
    pub fn convert(
        &self,
        value: SekPerTonne,
        from: Year,
        to: Year,
    ) -> Result<SekPerTonne, ModelError> {
        if from == to {
            return Ok(value);
        }
        let r = self.ratio(from, to)?;
        value
            .value()
            .checked_mul(r)
            .map(|v| {
                SekPerTonne::new(
                    v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
                )
            })
            .ok_or(ModelError::NoPriceLevel { year: from })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn kpi() -> PriceIndex {
        let mut i = PriceIndex::new();
        for (y, v) in [
            (2019, dec!(334.26)),
            (2023, dec!(403.70)),
            (2025, dec!(415.51)),
        ] {
            i.insert(
                Year(y),
                PriceLevel {
                    value: v,
                    basis: "test".into(),
                    source: SourceId("kpi".into()),
                },
            )
            .unwrap();
        }
        i
    }

    #[test]
    fn converts_by_the_ratio_of_levels_rounded_to_ore() {
        let i = kpi();
        // 1 305 × 415.51 / 334.26 = 1 622.2119… → 1 622.21 (worked by hand).
        assert_eq!(
            i.convert(SekPerTonne::new(dec!(1305)), Year(2019), Year(2025))
                .unwrap(),
            SekPerTonne::new(dec!(1622.21))
        );
        // 1 900 × 415.51 / 403.70 = 1 955.5842… → 1 955.58.
        assert_eq!(
            i.convert(SekPerTonne::new(dec!(1900)), Year(2023), Year(2025))
                .unwrap(),
            SekPerTonne::new(dec!(1955.58))
        );
        // Negative values (savings) scale the same way: −52 000 × 415.51/334.26 = −64 639.861….
        assert_eq!(
            i.convert(SekPerTonne::new(dec!(-52000)), Year(2019), Year(2025))
                .unwrap(),
            SekPerTonne::new(dec!(-64639.86))
        );
    }

    #[test]
    fn same_year_is_unchanged_even_without_a_level() {
        let i = PriceIndex::new();
        assert_eq!(
            i.convert(SekPerTonne::new(dec!(12.345)), Year(2030), Year(2030))
                .unwrap(),
            SekPerTonne::new(dec!(12.345))
        );
    }

    #[test]
    fn a_missing_year_and_a_bad_level_are_named() {
        let i = kpi();
        assert_eq!(
            i.ratio(Year(2018), Year(2025)).unwrap_err().to_string(),
            "no price index level for 2018"
        );
        let mut j = kpi();
        let bad = PriceLevel {
            value: dec!(0),
            basis: String::new(),
            source: SourceId(String::new()),
        };
        assert_eq!(
            j.insert(Year(2020), bad.clone()).unwrap_err().to_string(),
            "price index level for 2020 must be positive, not 0"
        );
        assert_eq!(
            j.insert(
                Year(2019),
                PriceLevel {
                    value: dec!(1),
                    ..bad
                }
            )
            .unwrap_err()
            .to_string(),
            "price index level for 2019 given twice"
        );
    }
}
