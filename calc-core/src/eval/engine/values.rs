//! A flow's values in integers: CO2e and SEK per payer at low, central and high factors and
//! yields, and widened over the effects' range.

use super::bands::{Bands, CENTRAL, HIGH, LOW, PAYERS, payer_index};
use super::pools::{Flow, Routes};
use crate::eval::factors::{MeasureSpec, NR};
use crate::fixed;

/// A yield on one target route, its rejects' route, and its low, central and high value.
#[derive(Clone, Debug)]
struct Yield {
    route: usize,
    reject: usize,
    value: Bands<u128>,
}

/// What a measure needs from the factor table, in integers (see [`MeasureSpec`]).
#[derive(Clone, Debug)]
pub(super) struct Spec {
    /// Emission factors per route (10⁻⁹ kg CO2e/t), low, central, high.
    ef: [Option<Bands<i128>>; NR],
    /// Cost factors per route (10⁻⁹ SEK/t).
    cf: [Option<Bands<i128>>; NR],
    /// Who saves each route's cost factor (index into [`crate::model::Payer::ALL`]).
    payer: [usize; NR],
    /// Target routes and their shares.
    target: Vec<(usize, u128)>,
    yields: Vec<Yield>,
}

fn bands<T: Copy>(
    e: &crate::model::Estimate<T>,
    f: impl Fn(T) -> Option<i128>,
) -> Option<Bands<i128>> {
    Some([f(e.low())?, f(e.central())?, f(e.high())?])
}

impl Spec {
    pub(super) fn new(spec: &MeasureSpec) -> Option<Self> {
        let mut ef = [None; NR];
        let mut cf = [None; NR];
        for ((e, c), f) in ef.iter_mut().zip(cf.iter_mut()).zip(&spec.factors) {
            if let Some(f) = f {
                *e = Some(bands(&f.ef, |v| fixed::rate(v.value()))?);
                *c = Some(bands(&f.cf, |v| fixed::rate(v.value()))?);
            }
        }
        let mut payer = [0; NR];
        for (slot, p) in payer.iter_mut().zip(&spec.payers) {
            *slot = payer_index(*p);
        }
        let target = spec
            .target
            .iter()
            .map(|(r, s)| Some((r.index(), fixed::share(*s)?)))
            .collect::<Option<Vec<_>>>()?;
        let yields = spec
            .yields
            .iter()
            .map(|y| {
                let v = &y.value;
                Some(Yield {
                    route: y.route.index(),
                    reject: y.reject.index(),
                    value: [
                        fixed::share(v.low().value())?,
                        fixed::share(v.central().value())?,
                        fixed::share(v.high().value())?,
                    ],
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            ef,
            cf,
            payer,
            target,
            yields,
        })
    }

    /// The central emission factor of each route (0 where the measure has none).
    pub(super) fn central_ef(&self) -> [i128; NR] {
        self.ef.map(|e| e.map_or(0, |b| b[CENTRAL]))
    }
}

/// CO2e (10⁻¹² kg) and SEK per payer (10⁻¹² SEK) of one flow, before measure costs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Values {
    pub(super) co2e: Bands<i128>,
    pub(super) sek: [Bands<i128>; PAYERS],
}

/// At most one yield per target route.
const MAX_YIELDS: usize = NR;

fn central_yields(spec: &Spec) -> [u128; MAX_YIELDS] {
    let mut ys = [0; MAX_YIELDS];
    for (slot, y) in ys.iter_mut().zip(&spec.yields) {
        *slot = y.value[CENTRAL];
    }
    ys
}

fn sub_at(w: &mut Routes, i: usize, v: i128) -> Option<()> {
    let slot = w.get_mut(i)?;
    *slot = slot.checked_sub(v)?;
    Some(())
}

impl Flow {
    /// Net tonnes per route (out − in) with the yields at `ys` (one per yield).
    pub(super) fn weights(&self, spec: &Spec, ys: &[u128]) -> Option<Routes> {
        let mut w = self.out;
        for (t, share) in &spec.target {
            let m = fixed::mul(self.moved, *share)?;
            match spec.yields.iter().zip(ys).find(|(y, _)| y.route == *t) {
                Some((y, v)) => {
                    let to_t = fixed::mul(m, *v)?;
                    sub_at(&mut w, *t, to_t)?;
                    sub_at(&mut w, y.reject, m.checked_sub(to_t)?)?;
                }
                None => sub_at(&mut w, *t, m)?,
            }
        }
        Some(w)
    }

    /// The central weights (central yields).
    pub(super) fn central_weights(&self, spec: &Spec) -> Option<Routes> {
        self.weights(spec, &central_yields(spec))
    }

    /// The flow's values: central at central factors and yields; low and high over the
    /// factor ranges and every corner of the yield ranges (the result is linear in each
    /// yield, so its extremes are at the corners).
    pub(super) fn values(&self, spec: &Spec) -> Option<Values> {
        let mut v = interval(&self.central_weights(spec)?, spec, true)?;
        let k = spec.yields.len().min(MAX_YIELDS);
        if k == 0 {
            return Some(v.rounded());
        }
        let mut ys = central_yields(spec);
        for mask in 0..(1_u32 << k) {
            for (i, (slot, y)) in ys.iter_mut().zip(&spec.yields).enumerate() {
                *slot = if mask & (1 << i) == 0 {
                    y.value[LOW]
                } else {
                    y.value[HIGH]
                };
            }
            let c = interval(&self.weights(spec, &ys)?, spec, false)?;
            widen(&mut v, &c);
        }
        // Rounding keeps the order, so the extremes are taken before it, once.
        Some(v.rounded())
    }
}

impl Values {
    /// Sums of products at 10⁻²⁴ rounded to figures at 10⁻¹².
    fn rounded(mut self) -> Self {
        let round = |b: &mut Bands<i128>| {
            for x in b.iter_mut() {
                *x = fixed::figure(*x);
            }
        };
        round(&mut self.co2e);
        self.sek.iter_mut().for_each(round);
        self
    }
}

fn widen(v: &mut Values, other: &Values) {
    let w = |a: &mut Bands<i128>, b: &Bands<i128>| {
        a[LOW] = a[LOW].min(b[LOW]);
        a[HIGH] = a[HIGH].max(b[HIGH]);
    };
    w(&mut v.co2e, &other.co2e);
    for (a, b) in v.sek.iter_mut().zip(&other.sek) {
        w(a, b);
    }
}

/// Adds `w × f` at the factor end that makes the sum smallest (low) or largest (high) for
/// the weight's sign, and at the central value when `central`.
fn accumulate(sum: &mut Bands<i128>, w: i128, f: &Bands<i128>, central: bool) -> Option<()> {
    let (lo, hi) = if w >= 0 {
        (f[LOW], f[HIGH])
    } else {
        (f[HIGH], f[LOW])
    };
    sum[LOW] = sum[LOW].checked_add(fixed::product(w, lo)?)?;
    if central {
        sum[CENTRAL] = sum[CENTRAL].checked_add(fixed::product(w, f[CENTRAL])?)?;
    }
    sum[HIGH] = sum[HIGH].checked_add(fixed::product(w, hi)?)?;
    Some(())
}

/// Interval arithmetic over one weight vector, summed at 10⁻²⁴ (not rounded).
fn interval(w: &Routes, spec: &Spec, central: bool) -> Option<Values> {
    let mut v = Values::default();
    for (((wr, ef), cf), payer) in w.iter().zip(&spec.ef).zip(&spec.cf).zip(&spec.payer) {
        if *wr == 0 {
            continue;
        }
        let (Some(ef), Some(cf)) = (ef, cf) else {
            continue;
        };
        accumulate(&mut v.co2e, *wr, ef, central)?;
        accumulate(v.sek.get_mut(*payer)?, *wr, cf, central)?;
    }
    Some(v)
}

/// Widens `v`, the values of the central flow `c`, over the effects' range: `ends` are the
/// same flow with every effect at its low and high end. Their values are `v`'s scaled by the
/// tonnes moved (exact for one measure on a pool; with stacked measures the tonnes are exact
/// and the mix of routes they come from is the central run's); a flow whose central moves
/// nothing is valued on its own.
pub(super) fn widen_effects(
    mut v: Values,
    c: &Flow,
    ends: Option<(&Flow, &Flow)>,
    spec: &Spec,
) -> Option<Values> {
    let Some((lo, hi)) = ends else {
        return Some(v);
    };
    for e in [lo, hi] {
        if e == c {
            continue;
        }
        let ve = if c.moved == 0 {
            if e.moved == 0 {
                continue;
            }
            e.values(spec)?
        } else {
            let r = fixed::ratio(u128::try_from(e.moved).ok()?, u128::try_from(c.moved).ok()?)?;
            let scale = |b: &Bands<i128>| -> Option<Bands<i128>> {
                Some([fixed::mul(b[LOW], r)?, b[CENTRAL], fixed::mul(b[HIGH], r)?])
            };
            let mut sek = v.sek;
            for s in &mut sek {
                *s = scale(s)?;
            }
            Values {
                co2e: scale(&v.co2e)?,
                sek,
            }
        };
        widen(&mut v, &ve);
    }
    Some(v)
}
