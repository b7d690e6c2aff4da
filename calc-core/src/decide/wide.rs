//! Widening integer products and the PCG generator's step without 128-bit library calls.
//!
//! On wasm32 every 128-bit multiplication is a call to the compiler's `__multi3`, a full
//! 128 × 128-bit product. The Monte Carlo loop only needs 64 × 64 → 128-bit products and
//! one 128-bit step of the generator per draw, which four (or three) 64-bit
//! multiplications of 32-bit halves give inline. Natively the plain 128-bit product is
//! already one or two instructions, so it is kept there. Both are exact: the same numbers
//! on every target (the split versions are tested against the plain ones natively).

use rand_core::SeedableRng;

const LOW32: u64 = 0xFFFF_FFFF;

/// `a × b` without loss, from four products of 32-bit halves.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
#[inline(always)]
fn mul_u64_wide_split(a: u64, b: u64) -> u128 {
    let (a1, a0) = (a >> 32, a & LOW32);
    let (b1, b0) = (b >> 32, b & LOW32);
    // Each product of two 32-bit halves fits in 64 bits.
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    // At most 3 × (2³² − 1): no overflow.
    let mid = (p00 >> 32) + (p01 & LOW32) + (p10 & LOW32);
    let lo = (p00 & LOW32) | ((mid & LOW32) << 32);
    // The full product is below 2¹²⁸, so its high half fits in 64 bits.
    let hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    (u128::from(hi) << 64) | u128::from(lo)
}

/// `a × b` without loss, from the magnitudes' split product and the sign.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
#[inline(always)]
fn mul_i64_wide_split(a: i64, b: i64) -> i128 {
    // The magnitudes' product is at most 2¹²⁶: it converts to i128 unchanged.
    let p = mul_u64_wide_split(a.unsigned_abs(), b.unsigned_abs()).cast_signed();
    if (a < 0) != (b < 0) { -p } else { p }
}

/// `a × b` without loss (|a × b| ≤ 2¹²⁶, so it fits in i128).
#[inline(always)]
pub(crate) fn mul_i64_wide(a: i64, b: i64) -> i128 {
    #[cfg(target_arch = "wasm32")]
    {
        mul_i64_wide_split(a, b)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        i128::from(a) * i128::from(b)
    }
}

/// `a × b` without loss.
#[inline(always)]
pub(crate) fn mul_u64_wide(a: u64, b: u64) -> u128 {
    #[cfg(target_arch = "wasm32")]
    {
        mul_u64_wide_split(a, b)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        u128::from(a) * u128::from(b)
    }
}

/// `a × b mod 2¹²⁸` from one widening and two plain 64-bit products.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
#[inline(always)]
fn mul_u128_wrapping_split(a: u128, b: u128) -> u128 {
    let (a1, a0) = ((a >> 64) as u64, a as u64);
    let (b1, b0) = ((b >> 64) as u64, b as u64);
    let cross = a0.wrapping_mul(b1).wrapping_add(a1.wrapping_mul(b0));
    mul_u64_wide_split(a0, b0).wrapping_add(u128::from(cross) << 64)
}

#[inline(always)]
fn mul_u128_wrapping(a: u128, b: u128) -> u128 {
    #[cfg(target_arch = "wasm32")]
    {
        mul_u128_wrapping_split(a, b)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        a.wrapping_mul(b)
    }
}

/// `rand_pcg`'s `Pcg64Mcg` (MCG 128, XSL RR 64 output), output for output: the same seed
/// gives the same numbers (tested against `rand_pcg`), with the step's 128-bit product
/// inline on wasm32.
#[derive(Clone, Debug)]
pub(super) struct Pcg64Mcg {
    state: u128,
}

/// `rand_pcg`'s multiplier for the 128-bit MCG.
const MULTIPLIER: u128 = 0x2360_ED05_1FC6_5DA4_4385_DF64_9FCC_F645;

impl SeedableRng for Pcg64Mcg {
    type Seed = [u8; 16];

    fn from_seed(seed: Self::Seed) -> Self {
        // As `rand_pcg`: the seed read as a little-endian u128, made odd.
        Self {
            state: u128::from_le_bytes(seed) | 1,
        }
    }
}

impl Pcg64Mcg {
    #[inline(always)]
    pub(super) fn next_u64(&mut self) -> u64 {
        self.state = mul_u128_wrapping(self.state, MULTIPLIER);
        // XSL RR: xor the halves, rotate by the top 6 bits.
        let rot = (self.state >> 122) as u32;
        let xsl = ((self.state >> 64) as u64) ^ (self.state as u64);
        xsl.rotate_right(rot)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use rand_core::Rng;

    fn samples() -> Vec<u64> {
        let mut v = vec![
            0,
            1,
            2,
            LOW32 - 1,
            LOW32,
            LOW32 + 1,
            1 << 32,
            (1 << 45) - 1,
            1 << 46,
            u64::MAX / 3,
            i64::MAX as u64,
            (i64::MAX as u64) + 1,
            u64::MAX - 1,
            u64::MAX,
        ];
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(99);
        for _ in 0..2_000 {
            let x = rng.next_u64();
            // Random widths too, not only full 64-bit numbers.
            v.push(x >> (x % 64));
        }
        v
    }

    #[test]
    fn split_widening_products_are_the_plain_ones() {
        let s = samples();
        for a in &s {
            for b in s.iter().step_by(7) {
                assert_eq!(
                    mul_u64_wide_split(*a, *b),
                    u128::from(*a) * u128::from(*b),
                    "{a} × {b}"
                );
                let (x, y) = (a.cast_signed(), b.cast_signed());
                assert_eq!(
                    mul_i64_wide_split(x, y),
                    i128::from(x) * i128::from(y),
                    "{x} × {y}"
                );
                let (p, q) = (
                    (u128::from(*a) << 64) | u128::from(*b),
                    (u128::from(*b) << 64) | u128::from(a.rotate_left(17)),
                );
                assert_eq!(mul_u128_wrapping_split(p, q), p.wrapping_mul(q));
            }
        }
        // A hand-checked product: (2⁶⁴ − 1)² = 2¹²⁸ − 2⁶⁵ + 1.
        assert_eq!(
            mul_u64_wide_split(u64::MAX, u64::MAX),
            u128::MAX - (1 << 65) + 2
        );
    }

    #[test]
    fn generator_is_rand_pcg_output_for_output() {
        for seed in [0, 1, 7, 42, u64::MAX] {
            let mut ours = Pcg64Mcg::seed_from_u64(seed);
            let mut theirs = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
            for i in 0..1_000 {
                assert_eq!(ours.next_u64(), theirs.next_u64(), "seed {seed}, draw {i}");
            }
        }
        // The step's split product is the one the generator uses on wasm32.
        let mut state: u128 = 0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3211;
        for _ in 0..1_000 {
            let next = mul_u128_wrapping_split(state, MULTIPLIER);
            assert_eq!(next, state.wrapping_mul(MULTIPLIER));
            state = next;
        }
    }
}
