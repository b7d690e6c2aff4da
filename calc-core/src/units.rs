//! Units as types over [`Decimal`].
//!
//! Every quantity that crosses an API boundary has a unit type.
//! Only dimensionally valid arithmetic exists: adding tonnes to tonnes, multiplying
//! tonnes by a per-tonne rate, scaling by a dimensionless [`Share`].
//! All arithmetic is checked: an overflow returns `None` (and becomes
//! [`crate::CalcError::Overflow`] in the engine), it never wraps and never panics.
//! Values keep full precision; rounding happens only for display.
//!
//! `Display` writes the value and the symbol. Without a precision it rounds to a few
//! places (whole kilograms for tonnes, two places for the rest, e.g. öre for SEK) and drops
//! trailing zeros, so `Sek::new(dec!(1) / dec!(3))` prints `0.33 SEK`, not 28 digits; a
//! precision rounds to exactly that many places: `format!("{:.1}", Tonnes::new(dec!(2)))`
//! is `2.0 t`; the alternate form `{:#}` prints the exact value (messages about a value
//! given use it). For a planner's number style (decimal comma, thousands spaces) use
//! [`crate::format`]. The value itself, unrounded, is [`Sek::value`] and alike.
//!
//! In JSON every unit is a decimal written as a string, e.g. `"1234.5"`.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Multiplication across units, checked for overflow.
///
/// Implemented only where the result has a meaning, e.g.
/// `Tonnes × KgCo2ePerTonne = KgCo2e`.
pub trait CheckedMul<Rhs> {
    /// The unit of the product.
    type Output;
    /// The product, or `None` on overflow.
    fn checked_mul(self, rhs: Rhs) -> Option<Self::Output>;
}

macro_rules! unit {
    // A unit whose values may be negative (a saving, a credit, a change in tonnes).
    ($(#[$meta:meta])* $name:ident, $symbol:literal, $places:literal) => {
        unit!(@common $(#[$meta])* $name, $symbol, $places);

        impl $name {
            /// Wraps a decimal that is already in this unit.
            #[must_use]
            pub const fn new(value: Decimal) -> Self {
                Self(value)
            }
        }
    };
    // A unit of an amount of waste, which is never negative.
    ($(#[$meta:meta])* $name:ident, $symbol:literal, $places:literal, non_negative) => {
        unit!(@common $(#[$meta])* $name, $symbol, $places);

        impl $name {
            /// A value in this unit, if it is not negative.
            pub fn new(value: Decimal) -> Result<Self, NegativeAmount> {
                if value.is_sign_negative() && !value.is_zero() {
                    Err(NegativeAmount {
                        value,
                        unit: $symbol,
                    })
                } else {
                    Ok(Self(value))
                }
            }

            /// Wraps a decimal the caller has checked is not negative (the CSV readers).
            #[must_use]
            #[cfg_attr(not(feature = "csv"), allow(dead_code))]
            pub(crate) const fn new_unchecked(value: Decimal) -> Self {
                Self(value)
            }
        }
    };
    (@common $(#[$meta:meta])* $name:ident, $symbol:literal, $places:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Decimal);

        impl $name {
            /// Zero of this unit.
            pub const ZERO: Self = Self(Decimal::ZERO);
            /// The unit's symbol, as printed after a value.
            pub const SYMBOL: &'static str = $symbol;
            /// The most decimal places `Display` prints when no precision is given.
            pub const DISPLAY_PLACES: u32 = $places;

            /// The bare decimal value in this unit.
            #[must_use]
            pub const fn value(self) -> Decimal {
                self.0
            }

            /// `self + rhs`, or `None` on overflow.
            #[must_use]
            pub fn checked_add(self, rhs: Self) -> Option<Self> {
                self.0.checked_add(rhs.0).map(Self)
            }

            /// `self − rhs`, or `None` on overflow.
            #[must_use]
            pub fn checked_sub(self, rhs: Self) -> Option<Self> {
                self.0.checked_sub(rhs.0).map(Self)
            }

            /// Multiplies by a dimensionless factor, or `None` on overflow.
            #[must_use]
            pub fn checked_scale(self, factor: Decimal) -> Option<Self> {
                self.0.checked_mul(factor).map(Self)
            }

            /// Sums values, or `None` on overflow.
            pub fn checked_sum<I: IntoIterator<Item = Self>>(values: I) -> Option<Self> {
                values
                    .into_iter()
                    .try_fold(Self::ZERO, |acc, v| acc.checked_add(v))
            }

            /// True when the value is exactly zero.
            #[must_use]
            pub fn is_zero(self) -> bool {
                self.0.is_zero()
            }
        }

        impl std::ops::Neg for $name {
            type Output = Self;
            fn neg(self) -> Self {
                // Negating a Decimal flips its sign bit and cannot overflow.
                Self(-self.0)
            }
        }

        impl CheckedMul<Share> for $name {
            type Output = Self;
            fn checked_mul(self, rhs: Share) -> Option<Self> {
                self.0.checked_mul(rhs.0).map(Self)
            }
        }

        /// The value and the unit's symbol: `{}` rounds to at most
        #[doc = concat!("[`", stringify!($name), "::DISPLAY_PLACES`] (", stringify!($places), ")")]
        /// decimal places and drops trailing zeros; `{:.1}` rounds to exactly one place;
        /// `{:#}` prints the exact value.
        /// Halves round away from zero; width, fill and alignment apply to the whole text.
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                display(self.0, Self::DISPLAY_PLACES, Self::SYMBOL, f)
            }
        }
    };
}

unit!(
    /// Mass of waste in metric tonnes (1 000 kg). Never short tons.
    Tonnes,
    "t",
    3
);
unit!(
    /// Greenhouse gas in kilograms of CO2 equivalents.
    KgCo2e,
    "kg CO2e",
    2
);
unit!(
    /// Greenhouse gas in tonnes of CO2 equivalents (for display and ratios).
    TonnesCo2e,
    "t CO2e",
    3
);
unit!(
    /// Money in Swedish kronor.
    Sek,
    "SEK",
    2
);
unit!(
    /// Cost or value per tonne of waste.
    SekPerTonne,
    "SEK/t",
    2
);
unit!(
    /// Emission factor: kg CO2e per tonne of waste.
    KgCo2ePerTonne,
    "kg CO2e/t",
    2
);
unit!(
    /// Cost-effectiveness: SEK per tonne CO2e saved.
    SekPerTonneCo2e,
    "SEK/t CO2e",
    2
);
unit!(
    /// Waste per inhabitant and year, in kilograms; never negative ([`KgPerInhabitant::new`]
    /// checks).
    KgPerInhabitant,
    "kg/inh/yr",
    2,
    non_negative
);
unit!(
    /// Waste per served portion, in grams; never negative ([`GramsPerPortion::new`] checks).
    GramsPerPortion,
    "g/portion",
    2,
    non_negative
);
unit!(
    /// Money per inhabitant (once or per year, as the field says).
    SekPerInhabitant,
    "SEK/inh",
    2
);

/// A value rounded for reading: to `precision` places exactly when a format asks for one
/// (`{:.1}`), exact with `{:#}`, otherwise to at most `places` places without trailing
/// zeros; then the symbol.
fn display(value: Decimal, places: u32, symbol: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let text = match f.precision() {
        None if f.alternate() => format!("{} {symbol}", value.normalize()),
        Some(p) => {
            let p32 = u32::try_from(p).unwrap_or(u32::MAX);
            let r = value.round_dp_with_strategy(p32, RoundingStrategy::MidpointAwayFromZero);
            format!("{r:.p$} {symbol}")
        }
        None => {
            let r = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            format!("{} {symbol}", r.normalize())
        }
    };
    pad(f, &text)
}

/// Writes `text` within the format's width, filled and aligned as it asks (right by
/// default, as numbers are).
fn pad(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    use fmt::Write;
    let len = text.chars().count();
    let extra = f.width().map_or(0, |w| w.saturating_sub(len));
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Left) => (0, extra),
        Some(fmt::Alignment::Center) => (extra / 2, extra - extra / 2),
        Some(fmt::Alignment::Right) | None => (extra, 0),
    };
    let fill = f.fill();
    for _ in 0..before {
        f.write_char(fill)?;
    }
    f.write_str(text)?;
    for _ in 0..after {
        f.write_char(fill)?;
    }
    Ok(())
}

const THOUSAND: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

impl CheckedMul<KgCo2ePerTonne> for Tonnes {
    type Output = KgCo2e;
    fn checked_mul(self, rhs: KgCo2ePerTonne) -> Option<KgCo2e> {
        self.0.checked_mul(rhs.0).map(KgCo2e)
    }
}

impl CheckedMul<SekPerTonne> for Tonnes {
    type Output = Sek;
    fn checked_mul(self, rhs: SekPerTonne) -> Option<Sek> {
        self.0.checked_mul(rhs.0).map(Sek)
    }
}

impl KgPerInhabitant {
    /// Tonnes per year for a population: `kg × inhabitants / 1000`.
    #[must_use]
    pub fn for_population(self, inhabitants: u32) -> Option<Tonnes> {
        self.0
            .checked_mul(Decimal::from(inhabitants))?
            .checked_div(THOUSAND)
            .map(Tonnes)
    }
}

impl GramsPerPortion {
    /// Tonnes for a number of portions: `g × portions / 1 000 000`.
    #[must_use]
    pub fn for_portions(self, portions: Decimal) -> Option<Tonnes> {
        self.0
            .checked_mul(portions)?
            .checked_div(MILLION)
            .map(Tonnes)
    }
}

impl SekPerInhabitant {
    /// SEK for a population.
    #[must_use]
    pub fn for_population(self, inhabitants: u32) -> Option<Sek> {
        self.0.checked_mul(Decimal::from(inhabitants)).map(Sek)
    }
}

impl KgCo2e {
    /// The same amount in tonnes CO2e: a decimal shift, so it cannot fail (a value whose
    /// 28 digits are all after the point loses its last digit, rounded).
    #[must_use]
    pub fn to_tonnes(self) -> TonnesCo2e {
        // Dividing by 1 000 neither divides by zero nor overflows.
        TonnesCo2e(self.0.checked_div(THOUSAND).unwrap_or(Decimal::ZERO))
    }
}

impl Sek {
    /// Cost per tonne CO2e saved: `−net_saved / (co2e_saved / 1000)`.
    ///
    /// `self` is the net money *saved*; a measure that saves both money and CO2e gets a
    /// negative cost per tonne. Returns `None` when no CO2e is saved (zero), so there is
    /// no division by zero.
    #[must_use]
    pub fn cost_per_tonne_co2e(self, co2e_saved: KgCo2e) -> Option<SekPerTonneCo2e> {
        let tonnes = co2e_saved.to_tonnes();
        if tonnes.is_zero() {
            return None;
        }
        (-self.0).checked_div(tonnes.0).map(SekPerTonneCo2e)
    }
}

/// A dimensionless share between 0 and 1 inclusive (a route share, an effect, a rate).
///
/// Invariant: `0 ≤ value ≤ 1`, enforced by [`Share::new`] and by deserialization.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Share(Decimal);

impl Share {
    /// Nothing: 0.
    pub const ZERO: Self = Self(Decimal::ZERO);
    /// Everything: 1.
    pub const ONE: Self = Self(Decimal::ONE);
    /// The most decimal places of a percent `Display` prints when no precision is given.
    pub const DISPLAY_PLACES: u32 = 2;

    /// A share, if `0 ≤ value ≤ 1`.
    pub fn new(value: Decimal) -> Result<Self, ShareOutOfRange> {
        if value < Decimal::ZERO || value > Decimal::ONE {
            Err(ShareOutOfRange(value))
        } else {
            Ok(Self(value))
        }
    }

    /// A share from a percentage, if `0 ≤ percent ≤ 100`.
    pub fn from_percent(percent: Decimal) -> Result<Self, ShareOutOfRange> {
        let value = percent
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or(ShareOutOfRange(percent))?;
        Self::new(value).map_err(|_| ShareOutOfRange(percent))
    }

    /// The share as a decimal between 0 and 1.
    #[must_use]
    pub const fn value(self) -> Decimal {
        self.0
    }

    /// The share as a percentage between 0 and 100.
    #[must_use]
    pub fn percent(self) -> Decimal {
        // 0 ≤ value ≤ 1, so this cannot overflow.
        self.0.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(self.0)
    }
}

impl TryFrom<Decimal> for Share {
    type Error = ShareOutOfRange;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Share> for Decimal {
    fn from(share: Share) -> Decimal {
        share.0
    }
}

/// The share as a percentage: `{}` rounds to at most [`Share::DISPLAY_PLACES`] (2) places
/// of a percent and drops trailing zeros (`0.333…` is `33.33 %`); `{:.1}` rounds to
/// exactly one place (`33.3 %`); `{:#}` prints the exact percentage.
impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        display(self.percent(), Self::DISPLAY_PLACES, "%", f)
    }
}

/// A value outside 0–1 (or 0–100 %) where a share was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not a share between 0 and 1")]
pub struct ShareOutOfRange(pub Decimal);

/// A negative value where a unit allows none: an amount of waste per inhabitant or per
/// portion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("quantity {value} {unit} is negative")]
pub struct NegativeAmount {
    /// The value given.
    pub value: Decimal,
    /// Its unit's symbol, e.g. `kg/inh/yr`.
    pub unit: &'static str,
}

impl NegativeAmount {
    /// The message in Swedish: `mängden -100 kg/inh/yr är negativ`.
    #[must_use]
    pub fn message_sv(&self) -> String {
        format!("mängden {} {} är negativ", self.value, self.unit)
    }
}

/// A calendar year.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Year(pub u16);

impl Year {
    /// The year as a number.
    #[must_use]
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn tonnes_times_emission_factor_is_kg_co2e() {
        let kg = Tonnes::new(dec!(2.5)).checked_mul(KgCo2ePerTonne::new(dec!(-400)));
        assert_eq!(kg, Some(KgCo2e::new(dec!(-1000))));
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let big = Tonnes::new(Decimal::MAX);
        assert_eq!(big.checked_add(Tonnes::new(Decimal::ONE)), None);
        assert_eq!(big.checked_mul(KgCo2ePerTonne::new(dec!(2))), None);
    }

    #[test]
    fn share_is_validated() {
        assert_eq!(Share::new(dec!(1.01)), Err(ShareOutOfRange(dec!(1.01))));
        assert_eq!(Share::new(dec!(-0.1)), Err(ShareOutOfRange(dec!(-0.1))));
        assert_eq!(
            Share::from_percent(dec!(40)).map(Share::value),
            Ok(dec!(0.4))
        );
        assert_eq!(
            Share::from_percent(dec!(140)).map_err(|e| e.to_string()),
            Err("140 is not a share between 0 and 1".to_string())
        );
    }

    #[test]
    fn share_deserialization_validates() {
        let ok: Result<Share, _> = serde_json::from_str("\"0.25\"");
        assert_eq!(ok.map(Share::value).ok(), Some(dec!(0.25)));
        let bad: Result<Share, _> = serde_json::from_str("\"1.5\"");
        assert!(bad.is_err());
    }

    #[test]
    fn cost_per_tonne_is_none_for_zero_co2e() {
        assert_eq!(Sek::new(dec!(100)).cost_per_tonne_co2e(KgCo2e::ZERO), None);
        // Saves 500 SEK and 2 000 kg CO2e: cost is −250 SEK per tonne.
        assert_eq!(
            Sek::new(dec!(500)).cost_per_tonne_co2e(KgCo2e::new(dec!(2000))),
            Some(SekPerTonneCo2e::new(dec!(-250)))
        );
    }

    #[test]
    fn display_rounds_to_a_few_places_or_the_precision_asked() {
        let third = Sek::new(dec!(1) / dec!(3));
        assert_eq!(third.value().to_string(), "0.3333333333333333333333333333");
        assert_eq!(third.to_string(), "0.33 SEK");
        assert_eq!(format!("{third:.1}"), "0.3 SEK");
        assert_eq!(format!("{third:.0}"), "0 SEK");
        assert_eq!(format!("{:.2}", Tonnes::new(dec!(2))), "2.00 t");
        assert_eq!(format!("{third:#}"), "0.3333333333333333333333333333 SEK");
        assert_eq!(format!("{:#}", Tonnes::new(dec!(32.28980))), "32.2898 t");
        // Tonnes keep whole kilograms; halves round away from zero.
        assert_eq!(Tonnes::new(dec!(1.23456)).to_string(), "1.235 t");
        assert_eq!(KgCo2e::new(dec!(-0.125)).to_string(), "-0.13 kg CO2e");
        assert_eq!(KgCo2e::new(dec!(9750.000)).to_string(), "9750 kg CO2e");
        assert_eq!(format!("{:.1}", KgCo2e::new(dec!(-2.25))), "-2.3 kg CO2e");
        // Width, fill and alignment apply to the whole text, right-aligned by default.
        assert_eq!(format!("{:>10.1}|", Sek::new(dec!(5))), "   5.0 SEK|");
        assert_eq!(format!("{:10}|", Sek::new(dec!(5))), "     5 SEK|");
        assert_eq!(format!("{:<8}|", Sek::new(dec!(5))), "5 SEK   |");
        assert_eq!(format!("{:*^9}|", Sek::new(dec!(5))), "**5 SEK**|");
        // A share prints as a percentage.
        let share = Share::new(dec!(1) / dec!(3)).unwrap();
        assert_eq!(share.to_string(), "33.33 %");
        assert_eq!(format!("{share:.1}"), "33.3 %");
        assert_eq!(Share::new(dec!(0.4)).unwrap().to_string(), "40 %");
    }

    #[test]
    fn kg_to_tonnes_is_a_shift_without_option() {
        assert_eq!(
            KgCo2e::new(dec!(-1500)).to_tonnes(),
            TonnesCo2e::new(dec!(-1.5))
        );
        assert_eq!(
            KgCo2e::new(Decimal::MAX).to_tonnes().value(),
            dec!(79228162514264337593543950.335)
        );
    }

    #[test]
    fn units_serialize_as_strings() {
        let json = serde_json::to_string(&Sek::new(dec!(12.50))).ok();
        assert_eq!(json.as_deref(), Some("\"12.50\""));
    }

    #[test]
    fn per_inhabitant_and_per_portion_give_tonnes() {
        assert_eq!(
            KgPerInhabitant::new_unchecked(dec!(15)).for_population(10_000),
            Some(Tonnes::new(dec!(150)))
        );
        assert_eq!(
            GramsPerPortion::new_unchecked(dec!(50)).for_portions(dec!(1000000)),
            Some(Tonnes::new(dec!(50)))
        );
    }

    #[test]
    fn amounts_of_waste_are_not_negative() {
        let e = KgPerInhabitant::new(dec!(-100)).map_err(|e| (e.to_string(), e.message_sv()));
        assert_eq!(
            e,
            Err((
                "quantity -100 kg/inh/yr is negative".to_string(),
                "mängden -100 kg/inh/yr är negativ".to_string()
            ))
        );
        assert_eq!(
            GramsPerPortion::new(dec!(-0.5)).map_err(|e| e.to_string()),
            Err("quantity -0.5 g/portion is negative".to_string())
        );
        // Zero, also written as -0, is an amount.
        assert_eq!(KgPerInhabitant::new(dec!(-0)), Ok(KgPerInhabitant::ZERO));
        assert_eq!(
            KgPerInhabitant::new(dec!(48)).map(KgPerInhabitant::value),
            Ok(dec!(48))
        );
    }
}
