//! Monte Carlo percentile bands: fixed-point triangular draws from a seeded PCG generator.

use super::wide::{Pcg64Mcg, mul_i64_wide};
use super::{FactorKind, LinearModel};
use crate::eval::CalcError;
use crate::model::{ByPayer, MeasureId, Payer};
use crate::units::{KgCo2e, Sek};
use rand_core::{Rng, SeedableRng};
use rust_decimal::Decimal;

/// Scale of factor values in fixed point: 10⁻⁴ kg CO2e/t or SEK/t.
const FACTOR_DP: u32 = 4;
/// Scale of coefficients (tonnes) in fixed point: 10⁻⁶ t.
const COEFF_DP: u32 = 6;

/// Largest magnitude a fixed-point value may have (10²⁴), so that products of a value,
/// a 32-bit uniform and another value stay far inside i128.
const FIXED_LIMIT: i128 = 1_000_000_000_000_000_000_000_000;

fn to_fixed(d: Decimal, dp: u32) -> Option<i128> {
    let scaled = d
        .checked_mul(Decimal::from(10_i64.checked_pow(dp)?))?
        .round();
    // A rounded Decimal with scale 0 is its mantissa.
    let v = scaled.mantissa();
    (v.abs() <= FIXED_LIMIT).then_some(v)
}

fn from_fixed(v: i128, dp: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(v, dp).ok()
}

/// 5th, 50th and 95th percentiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percentiles<T> {
    /// 5th percentile.
    pub p5: T,
    /// Median.
    pub p50: T,
    /// 95th percentile.
    pub p95: T,
}

/// Monte Carlo figures for one measure or the total, over the plan period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McFigures {
    /// kg CO2e saved over the plan period.
    pub co2e_saved_kg_cumulative: Percentiles<KgCo2e>,
    /// Net SEK saved over the plan period, after measure costs, all payers (society).
    pub net_sek_saved_cumulative: Percentiles<Sek>,
    /// The same, waste fee and municipal budget together (the municipality).
    pub net_sek_saved_cumulative_municipality: Percentiles<Sek>,
    /// The same, per payer.
    pub net_sek_saved_cumulative_by_payer: ByPayer<Percentiles<Sek>>,
    /// Share of draws in which the municipality's net SEK saved is above zero.
    pub probability_municipality_saves_money: Decimal,
}

/// One measure's Monte Carlo figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McMeasure {
    /// The measure.
    pub measure: MeasureId,
    /// Its figures.
    pub figures: McFigures,
}

/// The result of [`monte_carlo`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonteCarlo {
    /// Number of draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// Distribution used for every factor, yield and measure cost.
    pub distribution: String,
    /// The scenario total.
    pub total: McFigures,
    /// Per measure, in order of first appearance.
    pub measures: Vec<McMeasure>,
}

/// Draws from a triangular distribution (low `a`, mode `c`, high `b`) in fixed point, by the
/// inverse of its distribution function with a 32-bit uniform `r / 2³²`.
fn triangular(a: i128, c: i128, b: i128, r: u64) -> i128 {
    if b <= a {
        return c;
    }
    // All inputs are within ±10²⁴ (see FIXED_LIMIT), so spans fit in 2 × 10²⁴ and a span
    // times a 32-bit number fits in i128; saturating products keep the rest panic-free.
    let r = i128::from(r >> 32);
    let span = b.saturating_sub(a);
    let one = 1_i128 << 32;
    if r.saturating_mul(span) < c.saturating_sub(a).saturating_mul(one) {
        // x = a + sqrt(u (b − a)(c − a))
        let n = r.saturating_mul(span).saturating_mul(c.saturating_sub(a)) >> 32;
        a.saturating_add(isqrt(n))
    } else {
        // x = b − sqrt((1 − u)(b − a)(b − c))
        let n = (one - r)
            .saturating_mul(span)
            .saturating_mul(b.saturating_sub(c))
            >> 32;
        b.saturating_sub(isqrt(n))
    }
}

/// One factor of a [`Flat`] model (within ±2⁴⁵, so spans are below 2⁴⁶), with what
/// [`triangular`] computes from its low, mode and high alone worked out once per run.
/// [`FlatFactor::draw`] gives the same draw from 64-bit products: `r × span × (c − a)` is
/// below 2³² × 2⁴⁶ × 2⁴⁶ = 2¹²⁴, so no product in `triangular` saturates and both compute
/// the same integers.
#[derive(Clone, Copy, Debug)]
struct FlatFactor {
    a: i64,
    c: i64,
    b: i64,
    /// `r × (b − a) < (c − a) × 2³²` exactly when `r < below`: ⌈(c − a) × 2³² / (b − a)⌉.
    below: u64,
    /// `(b − a)(c − a)` and `(b − a)(b − c)`, below 2⁹².
    k_low: u128,
    k_high: u128,
    /// How to draw: 0 the mode (no range), 1 by the formula, 2 through [`triangular`] (an
    /// unordered triple, which an [`Estimate`](crate::model::Estimate) never gives).
    how: u8,
}

impl FlatFactor {
    fn new(a: i64, c: i64, b: i64) -> Self {
        let mut f = Self {
            a,
            c,
            b,
            below: 0,
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
        let span = b.abs_diff(a);
        let (low, high) = (c.abs_diff(a), b.abs_diff(c));
        // For an integer r, r × span < x ⟺ r < ⌈x / span⌉; at most 2³² as low ≤ span.
        let x = u128::from(low) << 32;
        f.below = u64::try_from(x.div_ceil(u128::from(span))).unwrap_or(u64::MAX);
        f.k_low = u128::from(span) * u128::from(low);
        f.k_high = u128::from(span) * u128::from(high);
        f.how = 1;
        f
    }

    #[inline(always)]
    fn draw(&self, r: u64) -> i64 {
        if self.how == 1 {
            let r = r >> 32;
            if r < self.below {
                // x = a + sqrt(u (b − a)(c − a)), with u = r / 2³²
                self.a
                    .wrapping_add(isqrt_u128(shr32_times(r, self.k_low)).cast_signed())
            } else {
                // x = b − sqrt((1 − u)(b − a)(b − c))
                self.b
                    .wrapping_sub(isqrt_u128(shr32_times((1 << 32) - r, self.k_high)).cast_signed())
            }
        } else if self.how == 0 {
            self.c
        } else {
            let (a, c, b) = (i128::from(self.a), i128::from(self.c), i128::from(self.b));
            i64::try_from(triangular(a, c, b, r)).unwrap_or(self.c)
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
fn isqrt_u64(n: u64) -> u64 {
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

fn isqrt(n: i128) -> i128 {
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

/// The values at the 5th, 50th and 95th percentile (nearest rank), found by selection
/// (no full sort). Reorders `v`.
fn percentiles(v: &mut [i128]) -> [i128; 3] {
    let n = v.len();
    if n == 0 {
        return [0; 3];
    }
    let rank = |p: usize| ((n * p).div_ceil(100).max(1) - 1).min(n - 1);
    let (r5, r50, r95) = (rank(5), rank(50), rank(95));
    // The k-th smallest value is one number however it is found: select the median, then
    // the 5th percentile among the values below it and the 95th among those above.
    let (below, median, above) = v.select_nth_unstable(r50);
    let median = *median;
    // `below` holds r50 values and `above` n − r50 − 1, so both selections are in range.
    let p5 = if r5 < below.len() {
        *below.select_nth_unstable(r5).1
    } else {
        median
    };
    let p95 = match r95.checked_sub(r50 + 1) {
        Some(k) if k < above.len() => *above.select_nth_unstable(k).1,
        _ => median,
    };
    [p5, median, p95]
}

fn pc_sek(v: &mut [i128]) -> Option<Percentiles<Sek>> {
    let dp = FACTOR_DP + COEFF_DP;
    let [a, b, c] = percentiles(v);
    Some(Percentiles {
        p5: Sek::new(from_fixed(a, dp)?.normalize()),
        p50: Sek::new(from_fixed(b, dp)?.normalize()),
        p95: Sek::new(from_fixed(c, dp)?.normalize()),
    })
}

/// Per draw: CO2e and SEK per payer (fixed point).
#[derive(Clone, Default)]
struct Draws {
    co2e: Vec<i128>,
    sek: [Vec<i128>; 3],
}

impl Draws {
    fn new(n: usize) -> Self {
        Self {
            co2e: vec![0; n],
            sek: [vec![0; n], vec![0; n], vec![0; n]],
        }
    }

    fn figures(mut self) -> Option<McFigures> {
        let n = self.co2e.len();
        let [wf, mb, hh] = &mut self.sek;
        let mut municipality: Vec<i128> = wf
            .iter()
            .zip(mb.iter())
            .map(|(a, b)| a.saturating_add(*b))
            .collect();
        let mut society: Vec<i128> = municipality
            .iter()
            .zip(hh.iter())
            .map(|(a, b)| a.saturating_add(*b))
            .collect();
        let positive = municipality.iter().filter(|v| **v > 0).count();
        let dp = FACTOR_DP + COEFF_DP;
        let [c5, c50, c95] = percentiles(&mut self.co2e);
        Some(McFigures {
            co2e_saved_kg_cumulative: Percentiles {
                p5: KgCo2e::new(from_fixed(c5, dp)?.normalize()),
                p50: KgCo2e::new(from_fixed(c50, dp)?.normalize()),
                p95: KgCo2e::new(from_fixed(c95, dp)?.normalize()),
            },
            net_sek_saved_cumulative: pc_sek(&mut society)?,
            net_sek_saved_cumulative_municipality: pc_sek(&mut municipality)?,
            net_sek_saved_cumulative_by_payer: ByPayer {
                waste_fee: pc_sek(wf)?,
                municipal_budget: pc_sek(mb)?,
                households: pc_sek(hh)?,
            },
            probability_municipality_saves_money: Decimal::from(positive)
                .checked_div(Decimal::from(n.max(1)))?,
        })
    }
}

fn payer_slot(p: Payer) -> usize {
    match p {
        Payer::WasteFee => 0,
        Payer::MunicipalBudget => 1,
        Payer::Households => 2,
    }
}

/// One measure's coefficients in fixed point: (factor index, [payer slot,] coefficient).
struct Fixed {
    co2e: Vec<(usize, i128)>,
    sek: Vec<(usize, usize, i128)>,
    /// (yield index, tonnes, [ef route, ef reject, cf route, cf reject], [payer route, reject])
    yields: Vec<(usize, i128, [usize; 4], [usize; 2])>,
    costs: Vec<(usize, usize, i128)>,
    fixed: [i128; 3],
}

/// The draw loop with saturating arithmetic, for models whose numbers could come near the
/// limits of i128 (see [`Flat`] for the usual case).
fn run_saturating(
    fixed_factors: &[[i128; 3]],
    measures: &[Fixed],
    rng: &mut rand_pcg::Pcg64Mcg,
    per_measure: &mut [Draws],
    total: &mut Draws,
) {
    let n = total.co2e.len();
    let mut sample = vec![0_i128; fixed_factors.len()];
    let yield_scale = 10_i128.pow(YIELD_DP);
    for d in 0..n {
        for (s, [a, c, b]) in sample.iter_mut().zip(fixed_factors) {
            *s = triangular(*a, *c, *b, rng.next_u64());
        }
        let v = |i: usize| sample.get(i).copied().unwrap_or(0);
        let mut t_co2e = 0_i128;
        let mut t_sek = [0_i128; 3];
        for (m, out) in measures.iter().zip(per_measure.iter_mut()) {
            let mut co2e = 0_i128;
            let mut sek = [0_i128; 3];
            for (i, c) in &m.co2e {
                co2e = co2e.saturating_add(v(*i).saturating_mul(*c));
            }
            for (i, p, c) in &m.sek {
                if let Some(s) = sek.get_mut(*p) {
                    *s = s.saturating_add(v(*i).saturating_mul(*c));
                }
            }
            for (y, t, [efr, efj, cfr, cfj], [pr, pj]) in &m.yields {
                // y (10⁻⁶) × tonnes (10⁻⁶) / 10⁶ = tonnes (10⁻⁶)
                let yt = v(*y).saturating_mul(*t) / yield_scale;
                co2e = co2e.saturating_add(yt.saturating_mul(v(*efj).saturating_sub(v(*efr))));
                if let Some(s) = sek.get_mut(*pj) {
                    *s = s.saturating_add(yt.saturating_mul(v(*cfj)));
                }
                if let Some(s) = sek.get_mut(*pr) {
                    *s = s.saturating_sub(yt.saturating_mul(v(*cfr)));
                }
            }
            for (i, p, c) in &m.costs {
                if let Some(s) = sek.get_mut(*p) {
                    *s = s.saturating_add(v(*i).saturating_mul(*c));
                }
            }
            for (s, f) in sek.iter_mut().zip(&m.fixed) {
                *s = s.saturating_sub(*f);
            }
            if let Some(slot) = out.co2e.get_mut(d) {
                *slot = co2e;
            }
            t_co2e = t_co2e.saturating_add(co2e);
            for ((col, s), t) in out.sek.iter_mut().zip(&sek).zip(t_sek.iter_mut()) {
                if let Some(slot) = col.get_mut(d) {
                    *slot = *s;
                }
                *t = t.saturating_add(*s);
            }
        }
        if let Some(slot) = total.co2e.get_mut(d) {
            *slot = t_co2e;
        }
        for (col, t) in total.sek.iter_mut().zip(&t_sek) {
            if let Some(slot) = col.get_mut(d) {
                *slot = *t;
            }
        }
    }
}

/// Largest factor magnitude for [`Flat`]: 2⁴⁵ (3.5 × 10¹³ in units of 10⁻⁴), so a span
/// times a 32-bit uniform times another span stays below 2¹²⁷ in [`triangular`] and none
/// of its saturating products saturates.
const FLAT_FACTOR_LIMIT: u128 = 1 << 45;
/// Largest bound on any sum for [`Flat`]: far inside i128, with room for the payers' sums.
const FLAT_SUM_LIMIT: u128 = 1 << 120;

/// The draw loop for the usual model: every factor's range below [`FLAT_FACTOR_LIMIT`],
/// every coefficient an i64, and the sum of |factor bound × coefficient| over all terms
/// below [`FLAT_SUM_LIMIT`]. Then no sum or product can come near i128's limits, so plain
/// arithmetic on i64 draws and i128 sums gives exactly what the saturating loop gives,
/// with one widening multiplication per term instead of a checked 128-bit one.
struct Flat {
    factors: Vec<FlatFactor>,
    measures: Vec<FlatMeasure>,
}

struct FlatMeasure {
    co2e: Vec<(usize, i64)>,
    /// SEK terms and measure costs per payer slot: (factor, coefficient).
    sek: [Vec<(usize, i64)>; 3],
    yields: Vec<(usize, i64, [usize; 4], [usize; 2])>,
    fixed: [i128; 3],
    /// Whether every product and partial sum of this measure fits in an i64 (the sum of
    /// |factor bound × coefficient| over its terms is below [`NARROW_LIMIT`]): then its
    /// sums run on plain i64 products, one instruction each on wasm32.
    narrow: bool,
}

/// Largest bound on a measure's sums for [`FlatMeasure::narrow`].
const NARROW_LIMIT: u128 = 1 << 62;

impl Flat {
    fn new(fixed_factors: &[[i128; 3]], measures: &[Fixed]) -> Option<Self> {
        let bounds: Vec<u128> = fixed_factors
            .iter()
            .map(|f| f.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0))
            .collect();
        if bounds.iter().any(|b| *b >= FLAT_FACTOR_LIMIT) {
            return None;
        }
        let bound = |i: usize| bounds.get(i).copied();
        let mut sum: u128 = 0;
        let mut add = |f: u128, c: i128| -> Option<()> {
            sum = sum.checked_add(f.checked_mul(c.unsigned_abs())?)?;
            (sum < FLAT_SUM_LIMIT).then_some(())
        };
        let small = |c: i128| i64::try_from(c).ok();
        let mut out = Vec::with_capacity(measures.len());
        for m in measures {
            let mut fm = FlatMeasure {
                co2e: Vec::with_capacity(m.co2e.len()),
                sek: Default::default(),
                yields: Vec::with_capacity(m.yields.len()),
                fixed: m.fixed,
                narrow: false,
            };
            // This measure's own bound, with the yields' tonnes after the division by 10⁶.
            let mut own: u128 = 0;
            let mut narrow = true;
            let mut add_own = |f: u128, c: u128| {
                own = own.saturating_add(f.saturating_mul(c));
            };
            for (i, c) in &m.co2e {
                add(bound(*i)?, *c)?;
                add_own(bound(*i)?, c.unsigned_abs());
                fm.co2e.push((*i, small(*c)?));
            }
            for (i, p, c) in m.sek.iter().chain(&m.costs) {
                add(bound(*i)?, *c)?;
                add_own(bound(*i)?, c.unsigned_abs());
                fm.sek.get_mut(*p)?.push((*i, small(*c)?));
            }
            for (y, t, f, p) in &m.yields {
                // |y × t / 10⁶| ≤ bound(y) × |t|, times at most two factors per term.
                let yt = bound(*y)?.checked_mul(t.unsigned_abs())?;
                let [efr, efj, cfr, cfj] = *f;
                for k in [efr, efj, cfr, cfj] {
                    add(bound(k)?, i128::try_from(yt).ok()?)?;
                    add_own(bound(k)?, yt / YIELD_SCALE_U128);
                }
                // The narrow path forms y × t itself in an i64.
                narrow &= yt < 1 << 63;
                fm.yields.push((*y, small(*t)?, *f, *p));
            }
            for v in &m.fixed {
                add(1, *v)?;
                add_own(1, v.unsigned_abs());
            }
            fm.narrow = narrow && own < NARROW_LIMIT;
            out.push(fm);
        }
        let factors = fixed_factors
            .iter()
            .map(|f| {
                let [a, c, b] = *f;
                Some(FlatFactor::new(small(a)?, small(c)?, small(b)?))
            })
            .collect::<Option<_>>()?;
        Some(Flat {
            factors,
            measures: out,
        })
    }

    fn run(&self, rng: &mut Pcg64Mcg, per_measure: &mut [Draws], total: &mut Draws) {
        let n = total.co2e.len();
        let mut sample = vec![0_i64; self.factors.len()];
        for d in 0..n {
            for (s, f) in sample.iter_mut().zip(&self.factors) {
                *s = f.draw(rng.next_u64());
            }
            let mut t_co2e = 0_i128;
            let mut t_sek = [0_i128; 3];
            for (m, out) in self.measures.iter().zip(per_measure.iter_mut()) {
                let (co2e, sek) = if m.narrow {
                    m.sums_narrow(&sample)
                } else {
                    m.sums_wide(&sample)
                };
                if let Some(slot) = out.co2e.get_mut(d) {
                    *slot = co2e;
                }
                t_co2e = t_co2e.wrapping_add(co2e);
                for ((col, s), t) in out.sek.iter_mut().zip(&sek).zip(t_sek.iter_mut()) {
                    if let Some(slot) = col.get_mut(d) {
                        *slot = *s;
                    }
                    *t = t.wrapping_add(*s);
                }
            }
            if let Some(slot) = total.co2e.get_mut(d) {
                *slot = t_co2e;
            }
            for (col, t) in total.sek.iter_mut().zip(&t_sek) {
                if let Some(slot) = col.get_mut(d) {
                    *slot = *t;
                }
            }
        }
    }
}

impl FlatMeasure {
    /// CO2e and SEK per payer of one draw, on i128 sums of widening products. Every
    /// product is of two i64 and every sum is bounded by FLAT_SUM_LIMIT (checked in
    /// [`Flat::new`]), so the wrapping operations never wrap.
    #[inline(always)]
    fn sums_wide(&self, sample: &[i64]) -> (i128, [i128; 3]) {
        let v = |i: usize| sample.get(i).copied().unwrap_or(0);
        let mul = mul_i64_wide;
        let mut co2e = 0_i128;
        for (i, c) in &self.co2e {
            co2e = co2e.wrapping_add(mul(v(*i), *c));
        }
        let mut sek = [0_i128; 3];
        for (s, terms) in sek.iter_mut().zip(&self.sek) {
            let mut acc = 0_i128;
            for (i, c) in terms {
                acc = acc.wrapping_add(mul(v(*i), *c));
            }
            *s = acc;
        }
        let yield_scale = 10_i128.pow(YIELD_DP);
        for (y, t, [efr, efj, cfr, cfj], [pr, pj]) in &self.yields {
            let p = mul(v(*y), *t);
            // Draws are within ±2⁴⁵, so their difference fits in i64; a quotient of an
            // i64 fits too, and then every product is a widening one. Truncating
            // division is the same in i64 and i128.
            let ef = v(*efj).wrapping_sub(v(*efr));
            let (cj, cr) = (v(*cfj), v(*cfr));
            let (dc, dj, dr) = match i64::try_from(p) {
                Ok(q) => {
                    let yt = q / YIELD_SCALE_I64;
                    (mul(yt, ef), mul(yt, cj), mul(yt, cr))
                }
                Err(_) => {
                    let yt = p / yield_scale;
                    (
                        yt.wrapping_mul(i128::from(ef)),
                        yt.wrapping_mul(i128::from(cj)),
                        yt.wrapping_mul(i128::from(cr)),
                    )
                }
            };
            co2e = co2e.wrapping_add(dc);
            if let Some(s) = sek.get_mut(*pj) {
                *s = s.wrapping_add(dj);
            }
            if let Some(s) = sek.get_mut(*pr) {
                *s = s.wrapping_sub(dr);
            }
        }
        for (s, f) in sek.iter_mut().zip(&self.fixed) {
            *s = s.wrapping_sub(*f);
        }
        (co2e, sek)
    }

    /// [`FlatMeasure::sums_wide`] for a [`FlatMeasure::narrow`] measure: every product and
    /// partial sum is below 2⁶² in magnitude, so i64 arithmetic gives the same integers.
    #[inline(always)]
    fn sums_narrow(&self, sample: &[i64]) -> (i128, [i128; 3]) {
        let v = |i: usize| sample.get(i).copied().unwrap_or(0);
        let mut co2e = 0_i64;
        for (i, c) in &self.co2e {
            co2e = co2e.wrapping_add(v(*i).wrapping_mul(*c));
        }
        let mut sek = [0_i64; 3];
        for (s, terms) in sek.iter_mut().zip(&self.sek) {
            let mut acc = 0_i64;
            for (i, c) in terms {
                acc = acc.wrapping_add(v(*i).wrapping_mul(*c));
            }
            *s = acc;
        }
        for (y, t, [efr, efj, cfr, cfj], [pr, pj]) in &self.yields {
            let yt = v(*y).wrapping_mul(*t) / YIELD_SCALE_I64;
            co2e = co2e.wrapping_add(yt.wrapping_mul(v(*efj).wrapping_sub(v(*efr))));
            if let Some(s) = sek.get_mut(*pj) {
                *s = s.wrapping_add(yt.wrapping_mul(v(*cfj)));
            }
            if let Some(s) = sek.get_mut(*pr) {
                *s = s.wrapping_sub(yt.wrapping_mul(v(*cfr)));
            }
        }
        let mut wide = [0_i128; 3];
        for ((w, s), f) in wide.iter_mut().zip(&sek).zip(&self.fixed) {
            *w = i128::from(*s).wrapping_sub(*f);
        }
        (i128::from(co2e), wide)
    }
}

/// Fixed-point scale of yields (10⁻⁶).
const YIELD_DP: u32 = 6;
/// 10^YIELD_DP.
const YIELD_SCALE_I64: i64 = 1_000_000;
/// 10^YIELD_DP.
const YIELD_SCALE_U128: u128 = 1_000_000;

/// Monte Carlo over the ranges of every factor, yield and measure cost: each
/// triangular(low, central, high), `draws` iterations from `seed`. Deterministic: the same
/// model, draws and seed give the same result on every platform.
///
/// ```
/// use calc_core::{LinearModel, demo, monte_carlo};
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let model = LinearModel::new(&demo::table()?, &demo::scenario()?)?;
/// let mc = monte_carlo(&model, 2_000, 7)?;
/// let band = mc.total.co2e_saved_kg_cumulative;
/// assert!(band.p5 < band.p50 && band.p50 < band.p95);
/// // The same seed gives the same draws, natively and in the browser.
/// assert_eq!(monte_carlo(&model, 2_000, 7)?.total, mc.total);
/// # Ok(())
/// # }
/// ```
pub fn monte_carlo(model: &LinearModel, draws: u32, seed: u64) -> Result<MonteCarlo, CalcError> {
    monte_carlo_with(model, draws, seed, true)
}

/// [`monte_carlo`] on the saturating draw loop only: the straightforward path the tests
/// hold the fast one ([`Flat`]) against (`factors/tests/fast_path.rs`). Not part of the API.
#[doc(hidden)]
pub fn monte_carlo_saturating(
    model: &LinearModel,
    draws: u32,
    seed: u64,
) -> Result<MonteCarlo, CalcError> {
    monte_carlo_with(model, draws, seed, false)
}

fn monte_carlo_with(
    model: &LinearModel,
    draws: u32,
    seed: u64,
    flat: bool,
) -> Result<MonteCarlo, CalcError> {
    let too_big = || CalcError::TotalOverflow;
    let fixed_factors: Vec<[i128; 3]> = model
        .factors
        .iter()
        .map(|f| {
            let dp = if f.kind == FactorKind::Yield {
                YIELD_DP
            } else {
                FACTOR_DP
            };
            Some([
                to_fixed(f.value.low(), dp)?,
                to_fixed(f.value.central(), dp)?,
                to_fixed(f.value.high(), dp)?,
            ])
        })
        .collect::<Option<_>>()
        .ok_or_else(too_big)?;
    let fx = |d: Decimal| to_fixed(d, COEFF_DP);
    let measures: Vec<Fixed> = model
        .measures
        .iter()
        .map(|m| {
            Some(Fixed {
                co2e: m
                    .co2e
                    .iter()
                    .map(|(i, c)| Some((*i, fx(*c)?)))
                    .collect::<Option<_>>()?,
                sek: m
                    .sek
                    .iter()
                    .map(|(i, p, c)| Some((*i, payer_slot(*p), fx(*c)?)))
                    .collect::<Option<_>>()?,
                yields: m
                    .yields
                    .iter()
                    .map(|t| {
                        Some((
                            t.y,
                            fx(t.tonnes)?,
                            [t.ef_route, t.ef_reject, t.cf_route, t.cf_reject],
                            [payer_slot(t.payer_route), payer_slot(t.payer_reject)],
                        ))
                    })
                    .collect::<Option<_>>()?,
                costs: m
                    .costs
                    .iter()
                    .map(|(i, p, c)| Some((*i, payer_slot(*p), fx(*c)?)))
                    .collect::<Option<_>>()?,
                fixed: [
                    to_fixed(m.fixed_costs.waste_fee, FACTOR_DP + COEFF_DP)?,
                    to_fixed(m.fixed_costs.municipal_budget, FACTOR_DP + COEFF_DP)?,
                    to_fixed(m.fixed_costs.households, FACTOR_DP + COEFF_DP)?,
                ],
            })
        })
        .collect::<Option<_>>()
        .ok_or_else(too_big)?;
    let n = draws as usize;
    let mut per_measure: Vec<Draws> = (0..measures.len()).map(|_| Draws::new(n)).collect();
    let mut total = Draws::new(n);
    match Flat::new(&fixed_factors, &measures).filter(|_| flat) {
        // The same generator, output for output, with its step inline on wasm32.
        Some(flat) => flat.run(
            &mut Pcg64Mcg::seed_from_u64(seed),
            &mut per_measure,
            &mut total,
        ),
        None => run_saturating(
            &fixed_factors,
            &measures,
            &mut rand_pcg::Pcg64Mcg::seed_from_u64(seed),
            &mut per_measure,
            &mut total,
        ),
    }
    let mut out = Vec::with_capacity(measures.len());
    for (m, dr) in model.measures.iter().zip(per_measure) {
        out.push(McMeasure {
            measure: m.id.clone(),
            figures: dr.figures().ok_or_else(too_big)?,
        });
    }
    Ok(MonteCarlo {
        draws,
        seed,
        distribution: "triangular(low, central, high)".into(),
        total: total.figures().ok_or_else(too_big)?,
        measures: out,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The 64-bit triangular draw is the saturating one on every triple a [`Flat`] model
    /// can hold (factors within ±2⁴⁵), at the edges and at random.
    #[test]
    fn square_root_is_the_integer_one() {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(3);
        let mut ns: Vec<u64> = vec![0, 1, 2, 3, 4, 5, u64::MAX, u64::MAX - 1];
        for k in [
            1_u64,
            2,
            3,
            1 << 16,
            94_906_265,
            4_294_967_295,
            3_037_000_499,
        ] {
            let sq = k.saturating_mul(k);
            ns.extend([sq.saturating_sub(1), sq, sq.saturating_add(1)]);
        }
        for b in 0..64 {
            ns.extend([(1 << b) - 1, 1 << b, (1 << b) + 1]);
        }
        for _ in 0..100_000 {
            let x = rng.next_u64();
            ns.push(x >> (x % 64));
        }
        for n in ns {
            assert_eq!(isqrt_u64(n), n.isqrt(), "{n}");
        }
        // Hand-checked: 10¹⁸ = (10⁹)², and 2⁶⁴ − 1 has root 2³² − 1.
        assert_eq!(isqrt_u64(1_000_000_000_000_000_000), 1_000_000_000);
        assert_eq!(isqrt_u64(u64::MAX), 4_294_967_295);
    }

    #[test]
    fn flat_triangular_is_the_saturating_one() {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(5);
        let lim = (1_i64 << 45) - 1;
        let mut triples = vec![
            [-lim, 0, lim],
            [-lim, -lim, lim],
            [-lim, lim, lim],
            [0, 0, 1],
            [0, 1, 1],
            [5, 5, 5],
            [7, 3, 9],
            [1, 9, 4],
        ];
        for _ in 0..3_000 {
            let bits = 1 + rng.next_u64() % 45;
            let mut t = [0_i64; 3];
            for x in &mut t {
                *x = (rng.next_u64() >> (64 - bits)).cast_signed()
                    * if rng.next_u64() % 2 == 0 { 1 } else { -1 };
            }
            t.sort_unstable();
            triples.push([t[0], t[1], t[2]]);
        }
        let mut draws = 0;
        for [a, c, b] in triples {
            for r in [0, 1 << 32, u64::MAX, rng.next_u64(), rng.next_u64()] {
                let flat = FlatFactor::new(a, c, b).draw(r);
                let slow = triangular(i128::from(a), i128::from(c), i128::from(b), r);
                assert_eq!(i128::from(flat), slow, "{a} {c} {b} {r}");
                draws += 1;
            }
        }
        assert!(draws > 15_000);
    }
}
