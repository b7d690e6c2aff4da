//! The draws' fixed-point scales and the conversions from and to decimals.

use rust_decimal::Decimal;

/// Scale of factor values in fixed point: 10⁻⁴ kg CO2e/t or SEK/t.
pub(super) const FACTOR_DP: u32 = 4;
/// Scale of tonnes (and of coefficients) in fixed point: 10⁻⁶ t.
pub(super) const COEFF_DP: u32 = 6;

/// Largest magnitude a fixed-point value may have (10²⁴), so that products of a value,
/// a 32-bit uniform and another value stay far inside i128.
pub(super) const FIXED_LIMIT: i128 = 1_000_000_000_000_000_000_000_000;

/// 1 in binary fixed point (shares: effects, reaches, ramps, target shares).
pub(super) const ONE: u64 = 1 << 32;

/// Largest tonnes per route of one pool in 10⁻⁶ t (2⁵⁵, 3.6 × 10¹⁰ t a year): a year's
/// take times the number of years (at most 100 < 2⁷) stays below 2⁶² in a u64.
pub(super) const POOL_LIMIT: u64 = 1 << 55;

pub(super) fn to_fixed(d: Decimal, dp: u32) -> Option<i128> {
    let scaled = d
        .checked_mul(Decimal::from(10_i64.checked_pow(dp)?))?
        .round();
    // A rounded Decimal with scale 0 is its mantissa.
    let v = scaled.mantissa();
    (v.abs() <= FIXED_LIMIT).then_some(v)
}

pub(super) fn from_fixed(v: i128, dp: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(v, dp).ok()
}

/// A share in 0–1 in units of 2⁻³², rounded to the nearest (1 is exactly [`ONE`]).
pub(super) fn to_binary(d: Decimal) -> Option<u64> {
    let v = d.checked_mul(Decimal::from(ONE))?.round().mantissa();
    u64::try_from(v.clamp(0, i128::from(ONE))).ok()
}

/// Fixed-point scale of yields (10⁻⁶).
pub(super) const YIELD_DP: u32 = 6;
