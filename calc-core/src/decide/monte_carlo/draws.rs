//! Drawing one input: the two-piece triangular quantile in fixed point, and the integer
//! square roots it takes.

/// Draws from the two-piece triangular distribution (low `a`, median `c`, high `b`) in
/// fixed point, by its quantile function with a 32-bit uniform `u = r / 2³²`:
/// `a + (c − a)√(2u)` below one half, `b − (b − c)√(2(1 − u))` from one half on.
pub(super) fn two_piece(a: i128, c: i128, b: i128, r: u64) -> i128 {
    if b <= a {
        return c;
    }
    // All inputs are within ±10²⁴ (see FIXED_LIMIT), so a difference squared can exceed
    // i128; saturating products keep it panic-free (and exact within `flat`'s bounds).
    let r = i128::from(r >> 32);
    let half = 1_i128 << 31;
    if r < half {
        // (c − a)² × 2u = (c − a)² × r / 2³¹
        let d = c.saturating_sub(a);
        let n = d.saturating_mul(d).saturating_mul(r) >> 31;
        a.saturating_add(isqrt(n))
    } else {
        let d = b.saturating_sub(c);
        let n = d.saturating_mul(d).saturating_mul((1_i128 << 32) - r) >> 31;
        b.saturating_sub(isqrt(n))
    }
}

/// One input of a [`flat`](super::engine::flat) model (within ±2⁴⁵, so differences are below 2⁴⁶), with what
/// [`two_piece`] computes from its low, median and high alone worked out once per run.
/// [`FlatFactor::draw`] gives the same draw from 64-bit products: `(c − a)² × r` is below
/// 2⁹² × 2³¹ = 2¹²³, so no product in `two_piece` saturates and both compute the same
/// integers.
#[derive(Clone, Copy, Debug)]
pub(super) struct FlatFactor {
    pub(super) a: i64,
    pub(super) c: i64,
    pub(super) b: i64,
    /// `(c − a)²` and `(b − c)²`, below 2⁹².
    k_low: u128,
    k_high: u128,
    /// How to draw: 0 the median (no range), 1 by the formula, 2 through [`two_piece`] (an
    /// unordered triple, which an [`Estimate`](crate::model::Estimate) never gives).
    how: u8,
}

impl FlatFactor {
    pub(super) fn new(a: i64, c: i64, b: i64) -> Self {
        let mut f = Self {
            a,
            c,
            b,
            k_low: 0,
            k_high: 0,
            how: 0,
        };
        if b <= a {
            return f;
        }
        if c < a || b < c {
            f.how = 2;
            return f;
        }
        // b > a and a ≤ c ≤ b: the differences are non-negative and below 2⁴⁶.
        let (low, high) = (c.abs_diff(a), b.abs_diff(c));
        f.k_low = u128::from(low) * u128::from(low);
        f.k_high = u128::from(high) * u128::from(high);
        f.how = 1;
        f
    }

    /// Whether the input has a range (its draws vary).
    pub(super) fn varies(&self) -> bool {
        self.how != 0
    }

    #[inline(always)]
    pub(super) fn draw(&self, r: u64) -> i64 {
        if self.how == 1 {
            let r = r >> 32;
            if r < 1 << 31 {
                // x = a + sqrt((c − a)² × 2u), 2u = 2r / 2³² with 2r ≤ 2³²
                self.a
                    .wrapping_add(isqrt_u128(shr32_times(2 * r, self.k_low)).cast_signed())
            } else {
                // x = b − sqrt((b − c)² × 2(1 − u)), 2(2³² − r) ≤ 2³²
                self.b.wrapping_sub(
                    isqrt_u128(shr32_times(2 * ((1 << 32) - r), self.k_high)).cast_signed(),
                )
            }
        } else if self.how == 0 {
            self.c
        } else {
            let (a, c, b) = (i128::from(self.a), i128::from(self.c), i128::from(self.b));
            i64::try_from(two_piece(a, c, b, r)).unwrap_or(self.c)
        }
    }
}

/// `(r × k) >> 32` for `r ≤ 2³²` and `k` below 2⁹², from three 64-bit products of
/// `k`'s 32-bit pieces (each below 2⁶⁴): no 128-bit product.
#[inline(always)]
fn shr32_times(r: u64, k: u128) -> u128 {
    const LOW32: u128 = 0xFFFF_FFFF;
    let (kh, km, kl) = (
        (k >> 64) as u64,
        ((k >> 32) & LOW32) as u64,
        (k & LOW32) as u64,
    );
    // k = kh 2⁶⁴ + km 2³² + kl, so (r k) >> 32 = r kh 2³² + r km + (r kl) >> 32.
    (u128::from(r * kh) << 32) + u128::from(r * km) + u128::from((r * kl) >> 32)
}

/// The floor of the square root, as [`isqrt`]; the root of a number below 2¹²⁸ fits in 64
/// bits.
#[inline(always)]
fn isqrt_u128(n: u128) -> u64 {
    match u64::try_from(n) {
        Ok(small) => isqrt_u64(small),
        Err(_) => u64::try_from(n.isqrt()).unwrap_or(u64::MAX),
    }
}

/// The floor of the square root of `n`: the one `r` with `r² ≤ n < (r + 1)²`, as
/// `u64::isqrt` gives it (tested against it), at a fraction of its cost on wasm32, where
/// `isqrt` was a quarter of the draw loop's time. The float square root is only a first
/// guess, within one or two of the root; the integer steps after it move it to the root
/// and check both inequalities, so the result does not depend on how the float rounds
/// (and no float reaches a result).
#[inline(always)]
pub(super) fn isqrt_u64(n: u64) -> u64 {
    // The root of a u64 is below 2³²; `as` saturates, so the guess is in 0..2³².
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let mut r = ((n as f64).sqrt() as u64).min(u64::from(u32::MAX));
    // r ≤ 2³² − 1, so r² fits in u64, and so does (r + 1)² while r < 2³² − 1 (a checked
    // product would be a 128-bit library call on wasm32); (2³²)² is above every u64.
    while r * r > n {
        r -= 1;
    }
    while r < u64::from(u32::MAX) && (r + 1) * (r + 1) <= n {
        r += 1;
    }
    r
}

pub(super) fn isqrt(n: i128) -> i128 {
    if n <= 0 {
        0
    } else {
        // A non-negative i128 fits in u128, and its root fits back in i128. The floor of
        // the square root is one number: the 64-bit routine (much cheaper, and the usual
        // case: factor spans of 10⁹ give n ≈ 10¹⁸) gives it whenever n fits.
        match u64::try_from(n) {
            Ok(small) => i128::from(small.isqrt()),
            Err(_) => i128::try_from(n.unsigned_abs().isqrt()).unwrap_or(0),
        }
    }
}
