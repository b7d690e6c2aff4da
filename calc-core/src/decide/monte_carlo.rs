//! Monte Carlo percentile bands: fixed-point two-piece draws from a seeded PCG generator,
//! with each measure's effect drawn too and its tonnes run through the pools.
//!
//! Every uncertain input (emission and cost factor, yield, measure cost, effect) is drawn
//! from a *two-piece triangular* distribution around its central value `c`, with half the
//! probability on each side: below `c` a half-triangle from `low` up to `c`, above it a
//! half-triangle from `c` down to `high`. Its quantile function is
//!
//! ```text
//! u < ½:  x = low  + (c − low)  · √(2u)
//! u ≥ ½:  x = high − (high − c) · √(2(1 − u))
//! ```
//!
//! so its median is exactly `c` whatever the range's shape: a one-sided range (`c = high`)
//! puts half the draws at `c`, and the band holds the headline. (The triangular
//! distribution used before had its mode at `c` and its median wherever the range's
//! lopsidedness put it.)
//!
//! Effects: one quantile per measure per iteration, the same for every municipality (the
//! same evidence), each item taking that quantile of its own effect range. The pools are
//! then run again with the drawn shares, exactly as `evaluate` runs them: the measures on
//! one pool act in waste-hierarchy order on what is left in their routes, year by year with
//! their ramps (years with the same ramps are run once and counted as often as they occur).
//! Each item's tonnes out of each route over the plan period (in 10⁻⁶ t) go to its
//! measure, where they meet the drawn factors and yields: `Σ_r out_r × EF_r − Σ_t in_t ×
//! EF_t`, with `in_t = moved × target_t` split by the drawn yield. Nothing is approximated
//! beyond fixed-point rounding: a draw's tonnes per route are what the pool gives at those
//! effects, and a take is at most what is left in the route (rounded to the nearest, never
//! above the stock), so no draw moves a tonne that is not in the pool (tested). Shares (effects, reaches, ramps, target shares) are in units of 2⁻³².
//!
//! Fixed point throughout: factor values to 10⁻⁴, yields to 10⁻⁶, tonnes to 10⁻⁶; no float
//! reaches a result (a square root's first guess is the float root, and integer steps make
//! it the exact integer root).

use super::wide::{Pcg64Mcg, mul_i64_wide, mul_u64_wide};
use super::{FactorKind, LinearModel};
use crate::eval::{CalcError, NR, ramp};
use crate::model::{ByPayer, FactorId, MeasureId, Payer};
use crate::units::{KgCo2e, Sek};
use rand_core::{Rng, SeedableRng};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Scale of factor values in fixed point: 10⁻⁴ kg CO2e/t or SEK/t.
const FACTOR_DP: u32 = 4;
/// Scale of tonnes (and of coefficients) in fixed point: 10⁻⁶ t.
const COEFF_DP: u32 = 6;

/// Largest magnitude a fixed-point value may have (10²⁴), so that products of a value,
/// a 32-bit uniform and another value stay far inside i128.
const FIXED_LIMIT: i128 = 1_000_000_000_000_000_000_000_000;

/// 1 in binary fixed point (shares: effects, reaches, ramps, target shares).
const ONE: u64 = 1 << 32;

/// Largest tonnes per route of one pool in 10⁻⁶ t (2⁵⁵, 3.6 × 10¹⁰ t a year): a year's
/// take times the number of years (at most 100 < 2⁷) stays below 2⁶² in a u64.
const POOL_LIMIT: u64 = 1 << 55;

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

/// A share in 0–1 in units of 2⁻³², rounded to the nearest (1 is exactly [`ONE`]).
fn to_binary(d: Decimal) -> Option<u64> {
    let v = d.checked_mul(Decimal::from(ONE))?.round().mantissa();
    u64::try_from(v.clamp(0, i128::from(ONE))).ok()
}

/// 5th, 25th, 50th, 75th and 95th percentiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percentiles<T> {
    /// 5th percentile.
    pub p5: T,
    /// 25th percentile (lower quartile).
    pub p25: T,
    /// Median.
    pub p50: T,
    /// 75th percentile (upper quartile).
    pub p75: T,
    /// 95th percentile.
    pub p95: T,
}

/// Share of the draws in which each figure is a saving (above zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavingOdds {
    /// CO2e saved.
    pub co2e: Decimal,
    /// Society's net SEK (all payers).
    pub society: Decimal,
    /// The municipality's net SEK (waste fee and budget).
    pub municipality: Decimal,
    /// Each payer's net SEK.
    pub by_payer: ByPayer<Decimal>,
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
    /// Share of draws in which each figure is above zero.
    pub probability_saving: SavingOdds,
}

/// One measure's Monte Carlo figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McMeasure {
    /// The measure.
    pub measure: MeasureId,
    /// Its figures.
    pub figures: McFigures,
}

/// A figure of the scenario total the Monte Carlo checks against the all-central result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum McFigure {
    /// kg CO2e saved.
    Co2e,
    /// Society's net SEK (all payers).
    Society,
    /// The municipality's net SEK (waste fee and budget).
    Municipality,
    /// One payer's net SEK.
    Payer(Payer),
}

/// Why a figure's band does not hold its all-central result as it should.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disagreement {
    /// Inputs whose ranges reach further on one side of the central value than on the
    /// other pull the band to that side: each input's median is its central value, but a
    /// sum's median is not the sum of the medians when the parts are lopsided the same way.
    /// The inputs are those that pull the way the band lies, the strongest first (at most
    /// five), with the pull measured as `(result at low − central) + (result at high −
    /// central)`.
    Lopsided {
        /// Whether the band lies below the central result (else above).
        below: bool,
        /// The inputs' ids (factors, yields, measure costs, `effect.<measure>`).
        inputs: Vec<FactorId>,
    },
    /// No single input's range pulls that way: the band is moved by products of
    /// uncertain inputs (an effect times a factor, a yield times a factor) or by the
    /// sampling noise of the draws.
    Interaction {
        /// Whether the band lies below the central result (else above).
        below: bool,
    },
}

/// How one figure of the total relates to the all-central result (the headline).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    /// The figure.
    pub figure: McFigure,
    /// Its all-central value over the plan period (kg CO2e or SEK).
    pub central: Decimal,
    /// Whether the central value lies inside the band from the 25th to the 75th
    /// percentile (both ends included; a difference below a millionth of the value plus
    /// one kg or SEK is the draws' fixed-point rounding and does not count).
    pub central_in_iqr: bool,
    /// Whether a saving is at least as likely as not (half the draws or more above zero)
    /// where the central value is a saving (above zero); `true` where it is not.
    pub saving_at_least_even: bool,
    /// Why, when either of the two does not hold.
    pub reason: Option<Disagreement>,
}

/// The result of [`monte_carlo`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonteCarlo {
    /// Number of draws.
    pub draws: u32,
    /// The seed.
    pub seed: u64,
    /// Distribution used for every factor, yield, measure cost and effect.
    pub distribution: String,
    /// The scenario total.
    pub total: McFigures,
    /// Per measure, in order of first appearance.
    pub measures: Vec<McMeasure>,
    /// For each figure of the total (CO2e, society, the municipality, each payer): whether
    /// its band holds the all-central result, and why not where it does not.
    pub agreement: Vec<Agreement>,
}

/// The distribution every input is drawn from, as the results name it.
const DISTRIBUTION: &str = "two-piece triangular(low, central, high), median = central";

/// Draws from the two-piece triangular distribution (low `a`, median `c`, high `b`) in
/// fixed point, by its quantile function with a 32-bit uniform `u = r / 2³²`:
/// `a + (c − a)√(2u)` below one half, `b − (b − c)√(2(1 − u))` from one half on.
fn two_piece(a: i128, c: i128, b: i128, r: u64) -> i128 {
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

/// One input of a [`flat`] model (within ±2⁴⁵, so differences are below 2⁴⁶), with what
/// [`two_piece`] computes from its low, median and high alone worked out once per run.
/// [`FlatFactor::draw`] gives the same draw from 64-bit products: `(c − a)² × r` is below
/// 2⁹² × 2³¹ = 2¹²³, so no product in `two_piece` saturates and both compute the same
/// integers.
#[derive(Clone, Copy, Debug)]
struct FlatFactor {
    a: i64,
    c: i64,
    b: i64,
    /// `(c − a)²` and `(b − c)²`, below 2⁹².
    k_low: u128,
    k_high: u128,
    /// How to draw: 0 the median (no range), 1 by the formula, 2 through [`two_piece`] (an
    /// unordered triple, which an [`Estimate`](crate::model::Estimate) never gives).
    how: u8,
}

impl FlatFactor {
    fn new(a: i64, c: i64, b: i64) -> Self {
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
    fn varies(&self) -> bool {
        self.how != 0
    }

    #[inline(always)]
    fn draw(&self, r: u64) -> i64 {
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

/// The values at the given ranks (0-based, ascending), found by selection (no full sort):
/// the middle rank first, then those below it among the smaller values and those above
/// among the larger. Reorders `v`.
fn select_ranks(v: &mut [i128], ranks: &[usize], offset: usize, out: &mut [i128]) {
    let mid = ranks.len() / 2;
    let (Some(&r), Some(slot)) = (ranks.get(mid), out.get_mut(mid)) else {
        return;
    };
    let Some(k) = r.checked_sub(offset).filter(|k| *k < v.len()) else {
        return;
    };
    let (below, value, above) = v.select_nth_unstable(k);
    *slot = *value;
    let (lo_ranks, rest) = ranks.split_at(mid);
    let hi_ranks = rest.get(1..).unwrap_or(&[]);
    let (lo_out, rest_out) = out.split_at_mut(mid);
    let hi_out = rest_out.get_mut(1..).unwrap_or(&mut []);
    // Equal ranks (few draws) take the value already found.
    for (rr, o) in lo_ranks.iter().zip(lo_out.iter_mut()) {
        if *rr == r {
            *o = *value;
        }
    }
    for (rr, o) in hi_ranks.iter().zip(hi_out.iter_mut()) {
        if *rr == r {
            *o = *value;
        }
    }
    let value = *value;
    let lo: Vec<usize> = lo_ranks.iter().copied().filter(|x| *x < r).collect();
    let hi: Vec<usize> = hi_ranks.iter().copied().filter(|x| *x > r).collect();
    if !lo.is_empty() {
        let mut o = vec![value; lo.len()];
        select_ranks(below, &lo, offset, &mut o);
        let mut it = o.into_iter();
        for (rr, slot) in lo_ranks.iter().zip(lo_out.iter_mut()) {
            if *rr < r
                && let Some(x) = it.next()
            {
                *slot = x;
            }
        }
    }
    if !hi.is_empty() {
        let mut o = vec![value; hi.len()];
        select_ranks(above, &hi, offset + k + 1, &mut o);
        let mut it = o.into_iter();
        for (rr, slot) in hi_ranks.iter().zip(hi_out.iter_mut()) {
            if *rr > r
                && let Some(x) = it.next()
            {
                *slot = x;
            }
        }
    }
}

/// The values at the 5th, 25th, 50th, 75th and 95th percentile (nearest rank). Reorders
/// `v`.
fn percentiles(v: &mut [i128]) -> [i128; 5] {
    let n = v.len();
    let mut out = [0; 5];
    if n == 0 {
        return out;
    }
    let rank = |p: usize| ((n * p).div_ceil(100).max(1) - 1).min(n - 1);
    let ranks = [rank(5), rank(25), rank(50), rank(75), rank(95)];
    select_ranks(v, &ranks, 0, &mut out);
    out
}

fn pc<T>(v: &mut [i128], wrap: impl Fn(Decimal) -> T) -> Option<Percentiles<T>> {
    let dp = FACTOR_DP + COEFF_DP;
    let [a, b, c, d, e] = percentiles(v);
    let f = |x: i128| from_fixed(x, dp).map(|x| wrap(x.normalize()));
    Some(Percentiles {
        p5: f(a)?,
        p25: f(b)?,
        p50: f(c)?,
        p75: f(d)?,
        p95: f(e)?,
    })
}

/// Share of `v` above zero.
fn odds(v: &[i128]) -> Option<Decimal> {
    let positive = v.iter().filter(|x| **x > 0).count();
    Decimal::from(positive).checked_div(Decimal::from(v.len().max(1)))
}

/// Per draw: CO2e and SEK per payer (fixed point, 10⁻¹⁰ kg or SEK).
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

    fn set(&mut self, d: usize, co2e: i128, sek: &[i128; 3]) {
        if let Some(slot) = self.co2e.get_mut(d) {
            *slot = co2e;
        }
        for (col, s) in self.sek.iter_mut().zip(sek) {
            if let Some(slot) = col.get_mut(d) {
                *slot = *s;
            }
        }
    }

    fn figures(mut self) -> Option<McFigures> {
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
        let probability_saving = SavingOdds {
            co2e: odds(&self.co2e)?,
            society: odds(&society)?,
            municipality: odds(&municipality)?,
            by_payer: ByPayer {
                waste_fee: odds(wf)?,
                municipal_budget: odds(mb)?,
                households: odds(hh)?,
            },
        };
        Some(McFigures {
            co2e_saved_kg_cumulative: pc(&mut self.co2e, KgCo2e::new)?,
            net_sek_saved_cumulative: pc(&mut society, Sek::new)?,
            net_sek_saved_cumulative_municipality: pc(&mut municipality, Sek::new)?,
            net_sek_saved_cumulative_by_payer: ByPayer {
                waste_fee: pc(wf, Sek::new)?,
                municipal_budget: pc(mb, Sek::new)?,
                households: pc(hh, Sek::new)?,
            },
            probability_municipality_saves_money: probability_saving.municipality,
            probability_saving,
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

/// A route's emission factor, cost factor (indices into the inputs) and the payer slot
/// of its cost.
type RouteInputs = (usize, usize, usize);

/// Where a share of a measure's moved tonnes goes.
#[derive(Clone, Debug)]
struct SinkTarget {
    /// Share of the moved tonnes, in units of 2⁻³².
    share: u64,
    /// The target route's inputs, when the tonnes (or the yield's part) go there.
    to: Option<RouteInputs>,
    /// With a yield and a reject route: the yield's input index (`None`: everything goes
    /// to the reject route, as the linear model does when the target route has no
    /// factors) and the reject route's inputs.
    reject: Option<(Option<usize>, RouteInputs)>,
}

/// A measure's routes as the draws value them (one per measure and resolved spec; the
/// items of a measure share it).
#[derive(Clone, Debug)]
struct Sink {
    measure: usize,
    /// The inputs of each route tonnes can leave.
    routes: [Option<RouteInputs>; NR],
    targets: Vec<SinkTarget>,
}

/// One member of a pool group in the draws.
#[derive(Clone, Debug)]
struct DrawMember {
    /// Its effect range in units of 2⁻³².
    effect: FlatFactor,
    /// Which of the draw's effect uniforms it takes its quantile at.
    uniform: usize,
    /// Its effect's place among the engine's distinct effects (one draw each per
    /// iteration, shared by the members with the same uniform and range).
    slot: usize,
    /// The share of what is in its routes it reaches, in units of 2⁻³².
    reach: u64,
    acts_on: Vec<usize>,
    sink: usize,
}

/// One pool group: its tonnes per route (10⁻⁶ t), its members in the order they act, and
/// the distinct ramps of the plan period's years (one per member, in units of 2⁻³²) with
/// the number of years each holds.
#[derive(Clone, Debug)]
struct DrawGroup {
    initial: [u64; NR],
    members: Vec<DrawMember>,
    years: Vec<(Vec<u64>, u64)>,
}

/// The place of an effect (uniform, range) among the distinct ones, added if new.
fn slot_of(inputs: &mut Vec<(usize, FlatFactor)>, uniform: usize, f: FlatFactor) -> usize {
    let same = |(u, g): &(usize, FlatFactor)| *u == uniform && (g.a, g.c, g.b) == (f.a, f.c, f.b);
    inputs.iter().position(same).unwrap_or_else(|| {
        inputs.push((uniform, f));
        inputs.len() - 1
    })
}

/// Buffers for [`DrawGroup::run`], kept across draws.
#[derive(Default)]
struct Scratch {
    acc: Vec<[u64; NR]>,
    shares: Vec<u64>,
}

impl DrawGroup {
    /// Runs the pool at the members' effects (`effects`, units of 2⁻³²) and adds each
    /// member's tonnes out of each route over the plan period to its sink's.
    #[inline(always)]
    fn run(&self, effects: &[u64], scratch: &mut Scratch, out: &mut [[u128; NR]]) {
        let Scratch { acc: accs, shares } = scratch;
        accs.clear();
        accs.resize(self.members.len(), [0; NR]);
        // effect × reach, each at most 2³²: a product at most 2⁶⁴, rounded to the nearest
        // and shifted back to at most 2³², once per draw.
        shares.clear();
        shares.extend(
            self.members
                .iter()
                .zip(effects)
                .map(|(m, e)| shr32_round(mul_u64_wide(*e, m.reach)) as u64),
        );
        for (ramps, count) in &self.years {
            let mut stock = self.initial;
            for ((m, r), (share, acc)) in self
                .members
                .iter()
                .zip(ramps)
                .zip(shares.iter().zip(accs.iter_mut()))
            {
                // ramp × share, likewise.
                let k = (shr32_round(mul_u64_wide(*r, *share))) as u64;
                if k == 0 {
                    continue;
                }
                for s in &m.acts_on {
                    if let (Some(st), Some(a)) = (stock.get_mut(*s), acc.get_mut(*s)) {
                        // stock < 2⁵⁵ and k ≤ 2³²: the take, rounded to the nearest, is
                        // at most the stock ((st × 2³² + 2³¹) >> 32 = st).
                        let take = shr32_round(mul_u64_wide(*st, k)) as u64;
                        *st -= take;
                        // Below 2⁵⁵ × 100 < 2⁶² over the years.
                        *a += take * count;
                    }
                }
            }
        }
        for (m, acc) in self.members.iter().zip(accs.iter()) {
            if let Some(o) = out.get_mut(m.sink) {
                for (x, a) in o.iter_mut().zip(acc) {
                    *x = x.saturating_add(u128::from(*a));
                }
            }
        }
    }
}

/// `(x + 2³¹) >> 32`: a product of two numbers in units of 2⁻³², rounded to the nearest.
#[inline(always)]
fn shr32_round(x: u128) -> u128 {
    (x + (1 << 31)) >> 32
}

/// A measure's own costs: (input, payer slot, −inhabitant-years in 10⁻⁶) and the costs
/// the scenario fixes, per payer slot (10⁻¹⁰ SEK).
#[derive(Clone, Debug, Default)]
struct Costs {
    terms: Vec<(usize, usize, i128)>,
    fixed: [i128; 3],
}

/// Integer arithmetic of a draw loop: i64 values with widening products and wrapping i128
/// sums ([`flat`]: its bounds prove nothing wraps), or i128 values with saturating
/// arithmetic throughout (any model). The draw loop is written once over it.
trait Num: Copy {
    /// Tonnes (10⁻⁶ t, non-negative) as a value.
    fn tonnes(t: u128) -> Self;
    /// A coefficient (within [`flat`]'s bounds for i64).
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

impl Sink {
    /// CO2e and SEK per payer slot of these tonnes out of each route at the drawn values.
    #[inline(always)]
    fn values<N: Num>(&self, out: &[u128; NR], v: &[N], zero: N) -> (i128, [i128; 3]) {
        let val = |i: usize| v.get(i).copied().unwrap_or(zero);
        let mut co2e = 0_i128;
        let mut sek = [0_i128; 3];
        let mut moved = 0_u128;
        for (o, r) in out.iter().zip(&self.routes) {
            if *o == 0 {
                continue;
            }
            moved = moved.saturating_add(*o);
            if let Some((e, c, p)) = r {
                let t = N::tonnes(*o);
                co2e = N::add(co2e, N::mul(t, val(*e)));
                if let Some(s) = sek.get_mut(*p) {
                    *s = N::add(*s, N::mul(t, val(*c)));
                }
            }
        }
        if moved == 0 {
            return (co2e, sek);
        }
        let moved = N::tonnes(moved);
        let mut take = |t: N, (e, c, p): RouteInputs, co2e: &mut i128| {
            *co2e = N::sub(*co2e, N::mul(t, val(e)));
            if let Some(s) = sek.get_mut(p) {
                *s = N::sub(*s, N::mul(t, val(c)));
            }
        };
        for t in &self.targets {
            let tonnes = N::share(moved, t.share);
            match (t.to, t.reject) {
                (Some(to), Some((Some(y), reject))) => {
                    let (part, rest) = N::split(tonnes, val(y));
                    take(part, to, &mut co2e);
                    take(rest, reject, &mut co2e);
                }
                (_, Some((_, reject))) => take(tonnes, reject, &mut co2e),
                (Some(to), None) => take(tonnes, to, &mut co2e),
                (None, None) => {}
            }
        }
        (co2e, sek)
    }
}

/// Fixed-point scale of yields (10⁻⁶).
const YIELD_DP: u32 = 6;
/// 10^YIELD_DP.
const YIELD_SCALE_I64: i64 = 1_000_000;

/// The draws' model in fixed point: the inputs' ranges, the pool groups whose tonnes vary
/// with the effects, the tonnes of those that do not, and each measure's routes and costs.
struct Engine {
    /// Low, central and high of every input (factors 10⁻⁴, yields 10⁻⁶).
    inputs: Vec<[i128; 3]>,
    /// One uniform per measure whose effect has a range.
    uniforms: usize,
    /// The distinct effects of the members: (uniform, range).
    effect_inputs: Vec<(usize, FlatFactor)>,
    /// Pool groups with an effect range among their members.
    groups: Vec<DrawGroup>,
    /// Per sink: tonnes out of each route over the period from the groups that do not vary.
    base: Vec<[u128; NR]>,
    sinks: Vec<Sink>,
    /// Per measure.
    costs: Vec<Costs>,
    /// Per sink: a bound on its tonnes (10⁻⁶ t) over the plan period.
    sink_bounds: Vec<u128>,
}

impl Engine {
    fn new(model: &LinearModel) -> Option<Self> {
        let inputs: Vec<[i128; 3]> = model
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
            .collect::<Option<_>>()?;
        let index_of = |id: &FactorId| model.factors.iter().position(|f| &f.id == id);
        // Sinks: one per measure and resolved spec.
        let mut sinks: Vec<Sink> = Vec::new();
        let mut sink_specs: Vec<*const crate::eval::MeasureSpec> = Vec::new();
        let mut item_sink = Vec::with_capacity(model.specs.len());
        for (spec, m) in model.specs.iter().zip(&model.item_measure) {
            let key = Arc::as_ptr(spec);
            if let Some(i) = sinks
                .iter()
                .zip(&sink_specs)
                .position(|(s, k)| s.measure == *m && *k == key)
            {
                item_sink.push(i);
                continue;
            }
            let mut routes: [Option<RouteInputs>; NR] = [None; NR];
            for ((slot, f), payer) in routes.iter_mut().zip(&spec.factors).zip(&spec.payers) {
                if let Some(f) = f {
                    *slot = Some((index_of(&f.ef_id)?, index_of(&f.cf_id)?, payer_slot(*payer)));
                }
            }
            let route = |i: usize| routes.get(i).copied().flatten();
            let mut targets = Vec::with_capacity(spec.target.len());
            for (t, share) in &spec.target {
                let share = to_binary(*share)?;
                let target = match spec.yields.iter().find(|y| y.route == *t) {
                    Some(y) => match (route(t.index()), route(y.reject.index())) {
                        (Some(to), Some(rej)) => SinkTarget {
                            share,
                            to: Some(to),
                            reject: Some((Some(index_of(&y.id)?), rej)),
                        },
                        (_, Some(rej)) => SinkTarget {
                            share,
                            to: None,
                            reject: Some((None, rej)),
                        },
                        (_, None) => SinkTarget {
                            share,
                            to: None,
                            reject: None,
                        },
                    },
                    None => SinkTarget {
                        share,
                        to: route(t.index()),
                        reject: None,
                    },
                };
                targets.push(target);
            }
            item_sink.push(sinks.len());
            sinks.push(Sink {
                measure: *m,
                routes,
                targets,
            });
            sink_specs.push(key);
        }
        let uniform_of = |m: usize| model.effects.iter().position(|e| e.measure_index == m);
        let period = model.scenario.period;
        let mut groups = Vec::new();
        let mut effect_inputs: Vec<(usize, FlatFactor)> = Vec::new();
        let mut base = vec![[0_u128; NR]; sinks.len()];
        let mut sink_bounds = vec![0_u128; sinks.len()];
        let years = u128::try_from(period.len()).ok()?;
        let mut scratch = Scratch::default();
        for g in &model.groups {
            let mut initial = [0_u64; NR];
            for (slot, t) in initial.iter_mut().zip(&g.initial) {
                let v = to_fixed(*t, COEFF_DP)?;
                *slot = u64::try_from(v).ok().filter(|v| *v < POOL_LIMIT)?;
            }
            let mut members = Vec::with_capacity(g.members.len());
            for p in &g.members {
                let Some(item) = model.scenario.items.get(p.item) else {
                    // A legal duty of the reference path: it acts in its place at its own share,
                    // not drawn, and its tonnes are not the plan's (no sink).
                    let item = model.scenario.item_at(p.item)?;
                    let one = i64::try_from(to_binary(Decimal::ONE)?).ok()?;
                    members.push(DrawMember {
                        effect: FlatFactor::new(one, one, one),
                        uniform: 0,
                        slot: slot_of(&mut effect_inputs, 0, FlatFactor::new(one, one, one)),
                        reach: to_binary(p.share)?,
                        acts_on: item
                            .measure()
                            .acts_on
                            .iter()
                            .map(|r| r.index())
                            .filter(|s| initial.get(*s).is_some_and(|t| *t > 0))
                            .collect(),
                        sink: usize::MAX,
                    });
                    continue;
                };
                let r = model.item_effects.get(p.item)?;
                let e = |d: Decimal| to_binary(d).and_then(|v| i64::try_from(v).ok());
                let sink = *item_sink.get(p.item)?;
                let m = *model.item_measure.get(p.item)?;
                // A route without tonnes stays without: it is left out of the runs.
                let acts_on: Vec<usize> = item
                    .measure()
                    .acts_on
                    .iter()
                    .map(|r| r.index())
                    .filter(|s| initial.get(*s).is_some_and(|t| *t > 0))
                    .collect();
                let reachable: u128 = acts_on
                    .iter()
                    .map(|s| u128::from(initial.get(*s).copied().unwrap_or(0)))
                    .sum();
                let b = sink_bounds.get_mut(sink)?;
                *b = b.saturating_add(reachable.saturating_mul(years));
                members.push(DrawMember {
                    effect: FlatFactor::new(e(r.low())?, e(r.central())?, e(r.high())?),
                    uniform: uniform_of(m).unwrap_or(0),
                    slot: slot_of(
                        &mut effect_inputs,
                        uniform_of(m).unwrap_or(0),
                        FlatFactor::new(e(r.low())?, e(r.central())?, e(r.high())?),
                    ),
                    reach: to_binary(*model.reach.get(p.item)?)?,
                    acts_on,
                    sink,
                });
            }
            // The distinct ramps over the period, in order of first appearance.
            let mut classes: Vec<(Vec<u64>, u64)> = Vec::new();
            for year in period.years() {
                let ramps: Vec<u64> = g
                    .members
                    .iter()
                    .map(|p| {
                        let it = model.scenario.item_at(p.item)?;
                        to_binary(ramp(year, it.start_year(), it.full_effect_year()))
                    })
                    .collect::<Option<_>>()?;
                if ramps.iter().all(|r| *r == 0) {
                    continue;
                }
                match classes.iter_mut().find(|(r, _)| *r == ramps) {
                    Some((_, n)) => *n += 1,
                    None => classes.push((ramps, 1)),
                }
            }
            let group = DrawGroup {
                initial,
                members,
                years: classes,
            };
            if group.members.iter().any(|m| m.effect.varies()) {
                groups.push(group);
            } else {
                let effects: Vec<u64> = group
                    .members
                    .iter()
                    .map(|m| m.effect.c.unsigned_abs())
                    .collect();
                group.run(&effects, &mut scratch, &mut base);
            }
        }
        let fx = |d: Decimal| to_fixed(d, COEFF_DP);
        let costs = model
            .measures
            .iter()
            .map(|m| {
                Some(Costs {
                    terms: m
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
            .collect::<Option<_>>()?;
        Some(Self {
            inputs,
            uniforms: model.effects.len(),
            effect_inputs,
            groups,
            base,
            sinks,
            costs,
            sink_bounds,
        })
    }

    /// The draw loop: per iteration, every input's value (`draw`, one generator output
    /// each, in the inputs' order), then one uniform per measure with an effect range,
    /// the pools at the drawn effects, and each measure's CO2e and SEK per payer.
    fn run<N: Num>(
        &self,
        values: &mut [N],
        zero: N,
        mut next: impl FnMut() -> u64,
        draw: impl Fn(usize, u64) -> N,
        per_measure: &mut [Draws],
        total: &mut Draws,
    ) {
        let n = total.co2e.len();
        let mut uniforms = vec![0_u64; self.uniforms];
        let mut out = self.base.clone();
        let mut effects: Vec<u64> = Vec::new();
        let mut effect_values = vec![0_u64; self.effect_inputs.len()];
        let mut scratch = Scratch::default();
        let mut m_co2e = vec![0_i128; self.costs.len()];
        let mut m_sek = vec![[0_i128; 3]; self.costs.len()];
        for d in 0..n {
            for (i, v) in values.iter_mut().enumerate() {
                *v = draw(i, next());
            }
            for u in &mut uniforms {
                *u = next();
            }
            for (v, (u, f)) in effect_values.iter_mut().zip(&self.effect_inputs) {
                *v = f
                    .draw(uniforms.get(*u).copied().unwrap_or(1 << 63))
                    .unsigned_abs();
            }
            out.clone_from(&self.base);
            for g in &self.groups {
                effects.clear();
                effects.extend(
                    g.members
                        .iter()
                        .map(|m| effect_values.get(m.slot).copied().unwrap_or(0)),
                );
                g.run(&effects, &mut scratch, &mut out);
            }
            m_co2e.iter_mut().for_each(|x| *x = 0);
            m_sek.iter_mut().for_each(|x| *x = [0; 3]);
            for (sink, o) in self.sinks.iter().zip(&out) {
                let (c, s) = sink.values(o, values, zero);
                if let (Some(mc), Some(ms)) =
                    (m_co2e.get_mut(sink.measure), m_sek.get_mut(sink.measure))
                {
                    *mc = N::add(*mc, c);
                    for (a, b) in ms.iter_mut().zip(&s) {
                        *a = N::add(*a, *b);
                    }
                }
            }
            let mut t_co2e = 0_i128;
            let mut t_sek = [0_i128; 3];
            for (((costs, co2e), sek), draws) in self
                .costs
                .iter()
                .zip(&m_co2e)
                .zip(m_sek.iter_mut())
                .zip(per_measure.iter_mut())
            {
                for (i, p, c) in &costs.terms {
                    if let (Some(s), Some(v)) = (sek.get_mut(*p), values.get(*i)) {
                        *s = N::add(*s, N::mul(*v, N::from_wide(*c)));
                    }
                }
                for (s, f) in sek.iter_mut().zip(&costs.fixed) {
                    *s = N::sub(*s, *f);
                }
                draws.set(d, *co2e, sek);
                t_co2e = N::add(t_co2e, *co2e);
                for (t, s) in t_sek.iter_mut().zip(sek.iter()) {
                    *t = N::add(*t, *s);
                }
            }
            total.set(d, t_co2e, &t_sek);
        }
    }
}

/// Largest input magnitude for [`flat`]: 2⁴⁵ (3.5 × 10¹³ in units of 10⁻⁴), so a
/// difference squared times a 32-bit uniform stays below 2¹²⁷ in [`two_piece`] and none of
/// its saturating products saturates.
const FLAT_FACTOR_LIMIT: u128 = 1 << 45;
/// Largest bound on any sum for [`flat`]: far inside i128, with room for the payers' sums.
const FLAT_SUM_LIMIT: u128 = 1 << 120;
/// Largest bound on a sink's tonnes for [`flat`]: they are i64 values.
const FLAT_TONNES_LIMIT: u128 = 1 << 62;

/// Whether the usual, fast draw loop may run: every input's range below
/// [`FLAT_FACTOR_LIMIT`], every sink's tonnes below [`FLAT_TONNES_LIMIT`], every cost
/// coefficient an i64, and the sum of |input bound × tonnes or coefficient| over all terms
/// below [`FLAT_SUM_LIMIT`]. Then no sum or product comes near i128's limits, so i64 values
/// with widening products and unchecked i128 sums give exactly what the saturating loop
/// gives.
fn flat(engine: &Engine) -> Option<Vec<FlatFactor>> {
    let bounds: Vec<u128> = engine
        .inputs
        .iter()
        .map(|f| f.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0))
        .collect();
    if bounds.iter().any(|b| *b >= FLAT_FACTOR_LIMIT) {
        return None;
    }
    let bound = |i: usize| bounds.get(i).copied();
    let mut sum: u128 = 0;
    let mut add = |f: u128, c: u128| -> Option<()> {
        sum = sum.checked_add(f.checked_mul(c)?)?;
        (sum < FLAT_SUM_LIMIT).then_some(())
    };
    for (sink, t) in engine.sinks.iter().zip(&engine.sink_bounds) {
        if *t >= FLAT_TONNES_LIMIT {
            return None;
        }
        // Each route's and each target's tonnes are at most the sink's; a target with a
        // yield splits them in two parts.
        for (e, c, _) in sink.routes.iter().flatten() {
            add(bound(*e)?, *t)?;
            add(bound(*c)?, *t)?;
        }
        for target in &sink.targets {
            for (e, c, _) in target.to.iter().chain(target.reject.iter().map(|(_, r)| r)) {
                add(bound(*e)?, *t)?;
                add(bound(*c)?, *t)?;
            }
        }
    }
    for c in &engine.costs {
        for (i, _, k) in &c.terms {
            i64::try_from(*k).ok()?;
            add(bound(*i)?, k.unsigned_abs())?;
        }
        for f in &c.fixed {
            add(1, f.unsigned_abs())?;
        }
    }
    engine
        .inputs
        .iter()
        .map(|[a, c, b]| {
            let small = |v: &i128| i64::try_from(*v).ok();
            Some(FlatFactor::new(small(a)?, small(c)?, small(b)?))
        })
        .collect()
}

/// Monte Carlo over the ranges of every factor, yield, measure cost and effect: each drawn
/// from its two-piece triangular distribution (median = central), `draws` iterations from
/// `seed`, the effects run through the pools. Deterministic: the same model, draws and
/// seed give the same result on every platform. The figures are the plan's measures:
/// what the law requires acts first in every draw at its own share and is not counted.
/// The total's figures are checked against the plan's all-central result
/// ([`MonteCarlo::agreement`]).
///
/// A value too large for the fixed point (beyond ±10²⁰ kg or SEK per tonne, or a pool of
/// more than 3.6 × 10¹⁰ t a year) is [`CalcError::TotalOverflow`].
///
/// ```
/// use calc_core::{LinearModel, demo, monte_carlo};
/// # fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// let model = LinearModel::new(&demo::table()?, &demo::scenario()?)?;
/// let mc = monte_carlo(&model, 2_000, 7)?;
/// let band = mc.total.co2e_saved_kg_cumulative;
/// assert!(band.p5 < band.p50 && band.p50 < band.p95);
/// // The headline lies inside the band from the 25th to the 75th percentile.
/// assert!(mc.agreement.iter().all(|a| a.central_in_iqr));
/// // The same seed gives the same draws, natively and in the browser.
/// assert_eq!(monte_carlo(&model, 2_000, 7)?.total, mc.total);
/// # Ok(())
/// # }
/// ```
pub fn monte_carlo(model: &LinearModel, draws: u32, seed: u64) -> Result<MonteCarlo, CalcError> {
    monte_carlo_with(model, draws, seed, true)
}

/// [`monte_carlo`] on the saturating draw loop only: the same loop on saturating i128
/// arithmetic, which the tests hold the fast one ([`flat`]) against
/// (`factors/tests/fast_path.rs`). Not part of the API.
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
    fast: bool,
) -> Result<MonteCarlo, CalcError> {
    let too_big = || CalcError::TotalOverflow;
    let engine = Engine::new(model).ok_or_else(too_big)?;
    let n = draws as usize;
    let mut per_measure: Vec<Draws> = (0..engine.costs.len()).map(|_| Draws::new(n)).collect();
    let mut total = Draws::new(n);
    match flat(&engine).filter(|_| fast) {
        Some(factors) => {
            // The same generator, output for output, with its step inline on wasm32.
            let mut rng = Pcg64Mcg::seed_from_u64(seed);
            let mut values = vec![0_i64; factors.len()];
            engine.run(
                &mut values,
                0,
                || rng.next_u64(),
                |i, r| factors.get(i).map_or(0, |f| f.draw(r)),
                &mut per_measure,
                &mut total,
            );
        }
        None => {
            let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
            let mut values = vec![0_i128; engine.inputs.len()];
            let inputs = &engine.inputs;
            engine.run(
                &mut values,
                0,
                || rng.next_u64(),
                |i, r| {
                    inputs
                        .get(i)
                        .map_or(0, |[a, c, b]| two_piece(*a, *c, *b, r))
                },
                &mut per_measure,
                &mut total,
            );
        }
    }
    let mut out = Vec::with_capacity(per_measure.len());
    for (m, dr) in model.measures.iter().zip(per_measure) {
        out.push(McMeasure {
            measure: m.id.clone(),
            figures: dr.figures().ok_or_else(too_big)?,
        });
    }
    let total = total.figures().ok_or_else(too_big)?;
    let agreement = super::agreement::check(model, &total)?;
    Ok(MonteCarlo {
        draws,
        seed,
        distribution: DISTRIBUTION.into(),
        total,
        measures: out,
        agreement,
    })
}

/// One pool group in one draw: its tonnes per route over the plan period before any
/// measure, and the tonnes its measures moved out of each route (10⁻⁶ t).
#[doc(hidden)]
pub type PoolDraw = (Vec<u64>, Vec<u128>);

/// The pools' tonnes in the draws, for the tests: for each of `draws` iterations and each
/// pool group whose tonnes vary with the effects, the group's tonnes per route over the
/// plan period before any measure, and the tonnes its measures moved out of each route
/// (both in 10⁻⁶ t). Not part of the API.
#[doc(hidden)]
pub fn monte_carlo_pool_draws(
    model: &LinearModel,
    draws: u32,
    seed: u64,
) -> Result<Vec<PoolDraw>, CalcError> {
    let engine = Engine::new(model).ok_or(CalcError::TotalOverflow)?;
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for _ in 0..draws {
        let uniforms: Vec<u64> = (0..engine.uniforms).map(|_| rng.next_u64()).collect();
        for g in &engine.groups {
            let effects: Vec<u64> = g
                .members
                .iter()
                .map(|m| {
                    m.effect
                        .draw(uniforms.get(m.uniform).copied().unwrap_or(0))
                        .unsigned_abs()
                })
                .collect();
            let mut sinks = vec![[0_u128; NR]; engine.sinks.len()];
            g.run(&effects, &mut scratch, &mut sinks);
            let years = g.years.iter().map(|(_, n)| *n).sum::<u64>();
            let initial: Vec<u64> = g.initial.iter().map(|t| t * years).collect();
            let moved: Vec<u128> = (0..NR)
                .map(|s| sinks.iter().map(|o| o.get(s).copied().unwrap_or(0)).sum())
                .collect();
            out.push((initial, moved));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The 64-bit two-piece draw is the saturating one on every triple a [`flat`] model
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
    fn flat_two_piece_is_the_saturating_one() {
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
            for r in [
                0,
                1 << 32,
                (1 << 63) - 1,
                1 << 63,
                u64::MAX,
                rng.next_u64(),
                rng.next_u64(),
            ] {
                let flat = FlatFactor::new(a, c, b).draw(r);
                let slow = two_piece(i128::from(a), i128::from(c), i128::from(b), r);
                assert_eq!(i128::from(flat), slow, "{a} {c} {b} {r}");
                draws += 1;
            }
        }
        assert!(draws > 15_000);
    }

    /// The two-piece quantile by hand: low 0, central 20, high 100 (in fixed point). At
    /// u = ½ it is the central exactly; at u = 1/8, 0 + 20 × √(1/4) = 10; at u = 7/8,
    /// 100 − 80 × √(1/4) = 60; at u = 0 the low, at the last uniform just under the high.
    #[test]
    fn two_piece_quantiles_by_hand() {
        let u = |num: u64, den: u64| ((num << 32) / den) << 32;
        for f in [
            |r| FlatFactor::new(0, 20, 100).draw(r),
            |r| i64::try_from(two_piece(0, 20, 100, r)).unwrap(),
        ] {
            assert_eq!(f(u(1, 2)), 20);
            assert_eq!(f(u(1, 8)), 10);
            assert_eq!(f(u(7, 8)), 60);
            assert_eq!(f(0), 0);
            assert_eq!(f(u64::MAX), 100);
        }
        // One-sided: central = high. Half the draws are the central itself.
        let f = FlatFactor::new(-10_600, -2_019, -2_019);
        assert_eq!(f.draw(u(1, 2)), -2_019);
        assert_eq!(f.draw(u(3, 4)), -2_019);
        assert!(f.draw(u(1, 4)) < -2_019);
    }

    /// Whether a sampler's empirical median over 100 001 draws is the central value `c`
    /// (within the sampling error, 0.5 % of the range) and half its draws lie below `c`.
    fn median_is_central(draw: impl Fn(u64) -> i64, (a, c, b): (i64, i64, i64)) -> bool {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(11);
        let mut v: Vec<i128> = (0..100_001)
            .map(|_| i128::from(draw(rng.next_u64())))
            .collect();
        let below = v.iter().filter(|x| **x < i128::from(c)).count();
        let [_, _, median, _, _] = percentiles(&mut v);
        let tol = i128::from(b - a) / 200;
        let share = below as f64 / 100_001.0;
        (median - i128::from(c)).abs() <= tol && (a == c || (share - 0.5).abs() < 0.005)
    }

    /// Ranges as the data has them: balanced, lopsided, one-sided either way, none.
    const RANGES: [(i64, i64, i64); 5] = [
        (0, 200_000, 1_000_000),
        (0, 500_000, 1_000_000),
        (-106_000_000, -21_000_000, -20_190_000),
        (10_000_000, 10_000_000, 22_000_000),
        (7, 7, 7),
    ];

    /// The sampler's median is the central value, for lopsided ranges too, in both draw
    /// loops' arithmetic.
    #[test]
    fn sampler_median_is_the_central() {
        for (a, c, b) in RANGES {
            let f = FlatFactor::new(a, c, b);
            assert!(
                median_is_central(|r| f.draw(r), (a, c, b)),
                "({a}, {c}, {b})"
            );
            let slow = |r| i64::try_from(two_piece(a.into(), c.into(), b.into(), r)).unwrap();
            assert!(median_is_central(slow, (a, c, b)), "({a}, {c}, {b})");
        }
    }

    /// The check above catches a sampler whose median is off its central value: the
    /// triangular distribution the Monte Carlo drew from before (mode at the central), whose
    /// median for (0, 20, 100) is 100 − √(0.5 × 100 × 80) = 36.75, and a two-piece
    /// distribution with 60 % of its probability below the central.
    #[test]
    fn median_check_fails_when_the_median_moves() {
        let triangular = |(a, c, b): (i64, i64, i64)| {
            move |r: u64| {
                let (a, c, b) = (i128::from(a), i128::from(c), i128::from(b));
                let r = i128::from(r >> 32);
                let span = b - a;
                let x = if r * span < (c - a) << 32 {
                    a + isqrt((r * span * (c - a)) >> 32)
                } else {
                    b - isqrt((((1 << 32) - r) * span * (b - c)) >> 32)
                };
                i64::try_from(x).unwrap()
            }
        };
        let [balanced_off, balanced, metal, ..] = RANGES;
        assert!(!median_is_central(triangular(balanced_off), balanced_off));
        assert!(!median_is_central(triangular(metal), metal));
        // Symmetric: the triangular's median is its mode, and the check passes.
        assert!(median_is_central(triangular(balanced), balanced));
        let shifted = |(a, c, b): (i64, i64, i64)| {
            let f = FlatFactor::new(a, c, b);
            // u below 0.6 maps to the lower half: 60 % of the draws below the central.
            move |r: u64| f.draw(((r >> 32) * 5 / 6) << 32 | (r & 0xFFFF_FFFF))
        };
        assert!(!median_is_central(shifted(balanced), balanced));
    }

    /// Selection gives the sorted vector's values at the five ranks.
    #[test]
    fn percentiles_are_the_sorted_ranks() {
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(4);
        for n in [1_usize, 2, 3, 5, 19, 20, 21, 100, 1_001] {
            let v: Vec<i128> = (0..n).map(|_| i128::from(rng.next_u64() % 50)).collect();
            let mut sorted = v.clone();
            sorted.sort_unstable();
            let rank = |p: usize| ((n * p).div_ceil(100).max(1) - 1).min(n - 1);
            let want = [5, 25, 50, 75, 95].map(|p| sorted[rank(p)]);
            let mut w = v.clone();
            assert_eq!(percentiles(&mut w), want, "n = {n}");
        }
    }
}
