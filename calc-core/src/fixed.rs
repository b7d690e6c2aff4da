//! The engine's number layer: integers at fixed scales.
//!
//! Decimals ([`Decimal`]) are where numbers meet people and files: the data, the units of
//! the API, JSON and CSV. Inside the evaluation every quantity is an integer at one of
//! these scales, so sums are exact in any order and the same input gives the same bits on
//! every target (native and wasm32):
//!
//! | quantity | type | one unit is |
//! |---|---|---|
//! | tonnes of waste | `i128` | 10⁻¹⁵ t ([`TONNES`]) |
//! | per-tonne rates (kg CO2e/t, SEK/t) | `i128` | 10⁻⁹ per tonne ([`RATE`]) |
//! | kg CO2e and SEK | `i128` | 10⁻¹² ([`VALUE`]) |
//! | shares (effect, reach, ramp, route and target shares, yields, discount factors) | `u128` | 2⁻⁶² ([`Q`]) |
//!
//! A share is binary so that applying it is a multiplication and a shift; tonnes and
//! money are decimal so that they convert to [`Decimal`] exactly. A product of tonnes and
//! a rate is at 10⁻²⁴ and is summed there; each figure is rounded once to 10⁻¹². Every
//! rounding (a decimal to a scale, a product by a share, a figure to its scale) is half
//! away from zero. Every operation is checked: an overflow is `None`, which the engine
//! reports as an error, never a wrapped number.

use crate::decide::wide::{mul_i64_wide, mul_u64_wide};
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places of tonnes in the engine.
pub(crate) const TONNES: u32 = 15;
/// Decimal places of per-tonne rates in the engine.
pub(crate) const RATE: u32 = 9;
/// Decimal places of kg CO2e and SEK in the engine.
pub(crate) const VALUE: u32 = 12;
/// Binary places of shares.
pub(crate) const Q: u32 = 62;
/// The share 1.
pub(crate) const ONE: u128 = 1 << Q;
/// A product of tonnes and a rate is at 10^-(TONNES + RATE); this many places are dropped
/// to reach [`VALUE`].
const PRODUCT_DROP: u32 = TONNES + RATE - VALUE;

const DROP_DIV: i128 = 10_i128.pow(PRODUCT_DROP);

fn pow10(n: u32) -> Option<i128> {
    10_i128.checked_pow(n)
}

/// `d` at `places` decimal places, rounded half away from zero.
pub(crate) fn from_decimal(d: Decimal, places: u32) -> Option<i128> {
    let r = if d.scale() > places {
        d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
    } else {
        d
    };
    r.mantissa()
        .checked_mul(pow10(places.checked_sub(r.scale())?)?)
}

/// Tonnes (or any decimal) at [`TONNES`] places.
pub(crate) fn tonnes(d: Decimal) -> Option<i128> {
    from_decimal(d, TONNES)
}

/// A per-tonne rate at [`RATE`] places.
pub(crate) fn rate(d: Decimal) -> Option<i128> {
    from_decimal(d, RATE)
}

/// kg CO2e or SEK at [`VALUE`] places.
pub(crate) fn value(d: Decimal) -> Option<i128> {
    from_decimal(d, VALUE)
}

/// The decimal of an integer at `places` places (exact; `None` past a decimal's 96 bits).
pub(crate) fn to_decimal(v: i128, places: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(v, places).ok()
}

/// A non-negative decimal share in units of 2⁻⁶², rounded half away from zero.
pub(crate) fn share(d: Decimal) -> Option<u128> {
    if d.is_sign_negative() && !d.is_zero() {
        return None;
    }
    let scaled = d.checked_mul(Decimal::from(ONE))?;
    scaled
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .mantissa()
        .try_into()
        .ok()
}

/// `n / d` as a share, rounded half away from zero; `None` for `d = 0` or a quotient of
/// 2⁶⁶ or more.
pub(crate) fn ratio(n: u128, d: u128) -> Option<u128> {
    if d == 0 {
        return None;
    }
    let whole = n / d;
    let mut rem = n % d;
    let mut frac: u128 = 0;
    let mut bits = Q;
    // Long division, as many bits at a time as the remainder's headroom allows.
    while bits > 0 {
        let step = bits.min(d.leading_zeros());
        if step == 0 {
            return None;
        }
        let shifted = rem << step;
        frac = (frac << step) | (shifted / d);
        rem = shifted % d;
        bits -= step;
    }
    // Half away from zero: round up when the remainder is at least half the divisor.
    let up = u128::from(rem >= d - rem);
    whole
        .checked_shl(Q)
        .filter(|w| w >> Q == whole)?
        .checked_add(frac)?
        .checked_add(up)
}

/// `a × q / 2⁶²` (a quantity times a share), rounded half away from zero.
#[inline]
pub(crate) fn mul(a: i128, q: u128) -> Option<i128> {
    let m = a.unsigned_abs();
    let r = if let (Ok(m64), Ok(q64)) = (u64::try_from(m), u64::try_from(q)) {
        // One 64 × 64 → 128-bit product (inline in 32-bit halves on wasm32, where a
        // 128-bit product is a library call).
        let p = mul_u64_wide(m64, q64);
        (p >> Q) + ((p >> (Q - 1)) & 1)
    } else {
        mul_wide(m, q)?
    };
    let r = i128::try_from(r).ok()?;
    Some(if a < 0 { -r } else { r })
}

/// `m × q / 2⁶²` rounded, through a 256-bit product.
fn mul_wide(m: u128, q: u128) -> Option<u128> {
    // The 64-bit halves (the casts keep exactly the bits asked for).
    let (m1, m0) = ((m >> 64) as u64, m as u64);
    let (q1, q0) = ((q >> 64) as u64, q as u64);
    let p00 = mul_u64_wide(m0, q0);
    let p01 = mul_u64_wide(m0, q1);
    let p10 = mul_u64_wide(m1, q0);
    let p11 = mul_u64_wide(m1, q1);
    // 256-bit sum hi:lo of p11·2^128 + (p01 + p10)·2^64 + p00.
    let (mid, c1) = p01.overflowing_add(p10);
    let (lo, c2) = p00.overflowing_add(mid << 64);
    let hi = p11
        .checked_add(mid >> 64)?
        .checked_add(u128::from(c1) << 64)?
        .checked_add(u128::from(c2))?;
    // (hi:lo) >> 62, which must fit in 128 bits, plus the rounding bit.
    if hi >> Q != 0 {
        return None;
    }
    let shifted = (hi << (128 - Q)) | (lo >> Q);
    shifted.checked_add((lo >> (Q - 1)) & 1)
}

/// The product of two shares, rounded.
#[inline]
pub(crate) fn mul_shares(a: u128, b: u128) -> Option<u128> {
    let p = match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => mul_u64_wide(a, b),
        _ => a.checked_mul(b)?,
    };
    Some((p >> Q) + ((p >> (Q - 1)) & 1))
}

/// Tonnes × rate, at 10⁻²⁴: summed there, then rounded once by [`figure`].
#[inline]
pub(crate) fn product(tonnes: i128, rate: i128) -> Option<i128> {
    match (i64::try_from(tonnes), i64::try_from(rate)) {
        // Two 64-bit factors cannot overflow 128 bits: no checked 128-bit product (a
        // library call with an overflow test on wasm32).
        (Ok(t), Ok(r)) => Some(mul_i64_wide(t, r)),
        _ => tonnes.checked_mul(rate),
    }
}

/// A sum of [`product`]s rounded half away from zero to [`VALUE`] places.
#[inline]
pub(crate) fn figure(sum: i128) -> i128 {
    // 10^12 = 2^12 × 5^12: a shift, then a division by a 32-bit constant done in 32-bit
    // limbs (which the compiler turns into multiplications), instead of a 128-bit division.
    const FIVES: u64 = 5_u64.pow(PRODUCT_DROP);
    let m = sum.unsigned_abs();
    let q = div_u32(m >> PRODUCT_DROP, FIVES);
    // The remainder of m / 10^12 is below 10^12, so half the divisor decides the rounding.
    let r = m - q * DROP_DIV.unsigned_abs();
    let q = q + u128::from(r >= DROP_DIV.unsigned_abs() - r);
    // |sum| / 10^12 is far below i128::MAX, so the cast keeps the value.
    let q = q as i128;
    if sum < 0 { -q } else { q }
}

/// `x / d` for a divisor below 2³², by 32-bit limbs.
#[inline]
fn div_u32(x: u128, d: u64) -> u128 {
    let mut q: u128 = 0;
    let mut r: u64 = 0;
    for shift in [96_u32, 64, 32, 0] {
        let limb = ((x >> shift) & 0xFFFF_FFFF) as u64;
        let cur = (r << 32) | limb;
        q = (q << 32) | u128::from(cur / d);
        r = cur % d;
    }
    q
}

/// `v / d` for `d > 0`, rounded half away from zero.
pub(crate) fn round_div(v: i128, d: i128) -> i128 {
    let q = v / d;
    let r = v % d;
    if r.unsigned_abs() >= (d - r.abs()).unsigned_abs() {
        if v < 0 { q - 1 } else { q + 1 }
    } else {
        q
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn decimals_convert_at_their_scale_rounding_half_away_from_zero() {
        assert_eq!(tonnes(dec!(1.5)), Some(1_500_000_000_000_000));
        assert_eq!(rate(dec!(-0.0000000005)), Some(-1));
        assert_eq!(rate(dec!(0.0000000004)), Some(0));
        assert_eq!(to_decimal(1_500, 3), Some(dec!(1.5)));
    }

    #[test]
    fn shares_are_binary_and_round_trip_tenths_exactly_on_tonnes() {
        let s = share(dec!(0.4)).unwrap();
        // 5 t × 0.4 = 2 t exactly at 10^-15 t: the binary error is far below half a unit.
        assert_eq!(mul(tonnes(dec!(5)).unwrap(), s), tonnes(dec!(2)));
        assert_eq!(mul(-tonnes(dec!(5)).unwrap(), s), tonnes(dec!(-2)));
        assert_eq!(share(dec!(1)), Some(ONE));
        assert_eq!(share(dec!(-0.1)), None);
    }

    #[test]
    fn ratios_are_exact_to_the_last_bit() {
        assert_eq!(ratio(1, 2), Some(ONE / 2));
        assert_eq!(ratio(3, 3), Some(ONE));
        assert_eq!(ratio(7, 2), Some(ONE * 7 / 2));
        // 1/3 rounds down, 2/3 up (remainder at least half).
        assert_eq!(ratio(1, 3), Some(ONE / 3));
        assert_eq!(ratio(2, 3), Some(ONE / 3 * 2 + 1));
        // A large divisor goes bit by bit.
        let big = 1_u128 << 100;
        assert_eq!(ratio(big / 4, big), Some(ONE / 4));
        assert_eq!(ratio(1, 0), None);
    }

    #[test]
    fn wide_products_agree_with_narrow_ones() {
        let a: i128 = 123_456_789_012_345_678_901;
        let q = ONE / 3;
        // a × (1/3) through 256 bits: 1/3 in units of 2^-62 is short by less than one unit,
        // so the product is short of a/3 by at most a / 2^62 (27 here) and one for rounding.
        let r = mul(a, q).unwrap();
        assert_eq!(r, 41_152_263_004_115_226_291);
        assert!((a / 3 - r) <= (a >> 62) + 1);
        // The 64-bit path and the 256-bit path give the same product.
        assert_eq!(
            mul(1 << 40, ONE / 5),
            mul_wide(1 << 40, ONE / 5).map(|v| v as i128)
        );
        assert_eq!(mul(a, ONE), Some(a));
        assert_eq!(mul(i128::MAX, ONE * 4), None);
    }

    #[test]
    fn figures_divide_like_a_128_bit_division() {
        for v in [
            0_i128,
            1,
            999_999_999_999,
            1_000_000_000_000,
            123_456_789_012_345_678_901_234_567_890,
            -987_654_321_098_765_432_109_876,
            i128::MAX / 3,
            -(i128::MAX / 7),
        ] {
            assert_eq!(figure(v), round_div(v, DROP_DIV), "{v}");
            assert_eq!(
                figure(v + DROP_DIV / 2),
                round_div(v + DROP_DIV / 2, DROP_DIV),
                "{v}"
            );
        }
    }

    #[test]
    fn figures_round_half_away_from_zero() {
        let unit = 1_000_000_000_000_i128;
        assert_eq!(figure(unit / 2), 1);
        assert_eq!(figure(-unit / 2), -1);
        assert_eq!(figure(unit / 2 - 1), 0);
        assert_eq!(round_div(7, 2), 4);
        assert_eq!(round_div(-7, 2), -4);
        assert_eq!(round_div(5, 3), 2);
    }
}
