//! The integer arithmetic the draw loop is written over: fast i64 or saturating i128.

use crate::decide::wide::{mul_i64_wide, mul_u64_wide};

/// 10^YIELD_DP.
const YIELD_SCALE_I64: i64 = 1_000_000;

/// Integer arithmetic of a draw loop: i64 values with widening products and wrapping i128
/// sums ([`flat`](super::engine::flat): its bounds prove nothing wraps), or i128 values with saturating
/// arithmetic throughout (any model). The draw loop is written once over it.
pub(super) trait Num: Copy {
    /// Tonnes (10⁻⁶ t, non-negative) as a value.
    fn tonnes(t: u128) -> Self;
    /// A coefficient (within [`flat`](super::engine::flat)'s bounds for i64).
    fn from_wide(c: i128) -> Self;
    /// `a × b` as an i128 sum term.
    fn mul(a: Self, b: Self) -> i128;
    fn add(a: i128, b: i128) -> i128;
    fn sub(a: i128, b: i128) -> i128;
    /// `(t × share) >> 32` for tonnes `t ≥ 0`.
    fn share(t: Self, share: u64) -> Self;
    /// `t × y / 10⁶` (a yield's part of tonnes `t`, truncated) and the rest `t − part`.
    fn split(t: Self, y: Self) -> (Self, Self);
}

impl Num for i64 {
    #[inline(always)]
    fn tonnes(t: u128) -> Self {
        // Within Flat's bounds a sink's tonnes are below 2⁶².
        t as i64
    }
    #[inline(always)]
    fn from_wide(c: i128) -> Self {
        c as i64
    }
    #[inline(always)]
    fn mul(a: Self, b: Self) -> i128 {
        mul_i64_wide(a, b)
    }
    #[inline(always)]
    fn add(a: i128, b: i128) -> i128 {
        a.wrapping_add(b)
    }
    #[inline(always)]
    fn sub(a: i128, b: i128) -> i128 {
        a.wrapping_sub(b)
    }
    #[inline(always)]
    fn share(t: Self, share: u64) -> Self {
        (mul_u64_wide(t.unsigned_abs(), share) >> 32) as i64
    }
    #[inline(always)]
    fn split(t: Self, y: Self) -> (Self, Self) {
        // Truncating division is the same in i64 and i128.
        let p = mul_i64_wide(t, y);
        let part = match i64::try_from(p) {
            Ok(q) => q / YIELD_SCALE_I64,
            Err(_) => (p / i128::from(YIELD_SCALE_I64)) as i64,
        };
        (part, t.wrapping_sub(part))
    }
}

impl Num for i128 {
    fn tonnes(t: u128) -> Self {
        i128::try_from(t).unwrap_or(i128::MAX)
    }
    fn from_wide(c: i128) -> Self {
        c
    }
    fn mul(a: Self, b: Self) -> i128 {
        a.saturating_mul(b)
    }
    fn add(a: i128, b: i128) -> i128 {
        a.saturating_add(b)
    }
    fn sub(a: i128, b: i128) -> i128 {
        a.saturating_sub(b)
    }
    fn share(t: Self, share: u64) -> Self {
        // (t_hi 2³² + t_lo) × share >> 32 = t_hi × share + (t_lo × share) >> 32
        let (hi, lo) = (t >> 32, t & 0xFFFF_FFFF);
        let s = i128::from(share);
        hi.saturating_mul(s)
            .saturating_add(lo.saturating_mul(s) >> 32)
    }
    fn split(t: Self, y: Self) -> (Self, Self) {
        let part = t.saturating_mul(y) / i128::from(YIELD_SCALE_I64);
        (part, t.saturating_sub(part))
    }
}
