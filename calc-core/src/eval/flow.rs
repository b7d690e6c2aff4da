//! A measure's flow of tonnes out of and into routes, and its values at low, central and
//! high factors and yields.

use super::factors::{MeasureSpec, NR, PerRoute};
use super::results::Band;
use crate::model::{ByPayer, Payer};
use rust_decimal::Decimal;

/// Tonnes a measure moves out of each route, and their sum.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Flow {
    pub(crate) out: PerRoute,
    pub(crate) moved: Decimal,
}

impl Flow {
    /// `self + k × other`, or `None` on overflow.
    pub(crate) fn add_scaled(&mut self, other: &Flow, k: Decimal) -> Option<()> {
        for (a, b) in self.out.iter_mut().zip(&other.out) {
            *a = a.checked_add(scaled(*b, k)?)?;
        }
        self.moved = self.moved.checked_add(scaled(other.moved, k)?)?;
        Some(())
    }
}

/// `b × k`.
fn scaled(b: Decimal, k: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        Some(Decimal::ZERO)
    } else {
        b.checked_mul(k)
    }
}

impl Flow {
    /// Net tonnes per route (out − in) with the yields at `ys` (one per yield spec).
    pub(crate) fn weights(&self, spec: &MeasureSpec, ys: &[Decimal]) -> Option<PerRoute> {
        let mut w = self.out;
        for (t, share) in &spec.target {
            let m = self.moved.checked_mul(*share)?;
            match spec.yields.iter().zip(ys).find(|(y, _)| y.route == *t) {
                Some((y, v)) => {
                    let to_t = m.checked_mul(*v)?;
                    let rejected = m.checked_sub(to_t)?;
                    let wt = w.get_mut(t.index())?;
                    *wt = wt.checked_sub(to_t)?;
                    let wr = w.get_mut(y.reject.index())?;
                    *wr = wr.checked_sub(rejected)?;
                }
                None => {
                    let wt = w.get_mut(t.index())?;
                    *wt = wt.checked_sub(m)?;
                }
            }
        }
        Some(w)
    }
}

/// A measure has at most one yield per target route, so at most this many (2^7 corners).
pub(crate) const MAX_YIELDS: usize = NR;

/// One yield value per yield spec, on the stack.
pub(crate) type YieldValues = [Decimal; MAX_YIELDS];

/// The central value of each of a measure's yields.
pub(crate) fn central_yields(spec: &MeasureSpec) -> YieldValues {
    let mut ys = [Decimal::ZERO; MAX_YIELDS];
    for (slot, y) in ys.iter_mut().zip(&spec.yields) {
        *slot = y.value.central().value();
    }
    ys
}

impl Flow {
    /// Central kg CO2e saved by this flow (central factors and yields).
    pub(crate) fn central_co2e(&self, spec: &MeasureSpec) -> Option<Decimal> {
        let w = self.weights(spec, &central_yields(spec))?;
        let mut total = Decimal::ZERO;
        for (wr, f) in w.iter().zip(&spec.factors) {
            if let (false, Some(f)) = (wr.is_zero(), f) {
                total = total.checked_add(wr.checked_mul(f.ef.central().value())?)?;
            }
        }
        Some(total)
    }
}

/// CO2e and SEK of one flow: low/central/high, SEK per payer, before measure costs.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Values {
    pub(crate) co2e: Band<Decimal>,
    pub(crate) sek: ByPayer<Band<Decimal>>,
}

fn lo_hi(w: Decimal, low: Decimal, high: Decimal) -> (Decimal, Decimal) {
    if w >= Decimal::ZERO {
        (low, high)
    } else {
        (high, low)
    }
}

/// Interval arithmetic over one weight vector: each factor at the end that makes the
/// result smallest (low) or largest (high), respecting the sign of its weight.
/// With `central` false only low and high are computed (a yield corner widens the band
/// but does not set its central value).
fn interval(w: &PerRoute, spec: &MeasureSpec, central: bool) -> Option<Values> {
    let mut v = Values::default();
    for ((wr, f), payer) in w.iter().zip(&spec.factors).zip(&spec.payers) {
        if wr.is_zero() {
            continue;
        }
        let Some(f) = f else { continue };
        let (el, eh) = lo_hi(*wr, f.ef.low().value(), f.ef.high().value());
        v.co2e.low = v.co2e.low.checked_add(wr.checked_mul(el)?)?;
        if central {
            v.co2e.central = v
                .co2e
                .central
                .checked_add(wr.checked_mul(f.ef.central().value())?)?;
        }
        v.co2e.high = v.co2e.high.checked_add(wr.checked_mul(eh)?)?;
        let (cl, ch) = lo_hi(*wr, f.cf.low().value(), f.cf.high().value());
        let s = v.sek.get_mut(*payer);
        s.low = s.low.checked_add(wr.checked_mul(cl)?)?;
        if central {
            s.central = s
                .central
                .checked_add(wr.checked_mul(f.cf.central().value())?)?;
        }
        s.high = s.high.checked_add(wr.checked_mul(ch)?)?;
    }
    Some(v)
}

fn widen(b: &mut Band<Decimal>, other: &Band<Decimal>) {
    b.low = b.low.min(other.low);
    b.high = b.high.max(other.high);
}

impl Flow {
    /// The flow's values: central at central factors and yields; low and high over the
    /// factor ranges and every corner of the yield ranges (the result is linear in each
    /// yield, so its extremes are at the corners).
    pub(crate) fn values(&self, spec: &MeasureSpec) -> Option<Values> {
        let mut v = interval(&self.weights(spec, &central_yields(spec))?, spec, true)?;
        let k = spec.yields.len().min(MAX_YIELDS);
        if k == 0 {
            // No yields: the one corner is the central weights already evaluated.
            return Some(v);
        }
        let mut ys = central_yields(spec);
        for mask in 0..(1_u32 << k) {
            for (i, (slot, y)) in ys.iter_mut().zip(&spec.yields).enumerate() {
                *slot = if mask & (1 << i) == 0 {
                    y.value.low().value()
                } else {
                    y.value.high().value()
                };
            }
            let c = interval(&self.weights(spec, &ys)?, spec, false)?;
            widen(&mut v.co2e, &c.co2e);
            for p in Payer::ALL {
                widen(v.sek.get_mut(p), c.sek.get(p));
            }
        }
        Some(v)
    }
}
