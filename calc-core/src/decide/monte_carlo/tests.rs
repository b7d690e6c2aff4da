#![allow(clippy::unwrap_used)]
use super::draws::{FlatFactor, isqrt, isqrt_u64, two_piece};
use super::percentiles::percentiles;
use rand_core::{Rng, SeedableRng};

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
