//! A measure's routes as the draws value them: its tonnes out of each route at the drawn
//! factors and yields.

use super::num::Num;
use crate::eval::NR;
use crate::model::Payer;

pub(super) fn payer_slot(p: Payer) -> usize {
    match p {
        Payer::WasteFee => 0,
        Payer::MunicipalBudget => 1,
        Payer::Households => 2,
    }
}

/// A route's emission factor, cost factor (indices into the inputs) and the payer slot
/// of its cost.
pub(super) type RouteInputs = (usize, usize, usize);

/// Where a share of a measure's moved tonnes goes.
#[derive(Clone, Debug)]
pub(super) struct SinkTarget {
    /// Share of the moved tonnes, in units of 2⁻³².
    pub(super) share: u64,
    /// The target route's inputs, when the tonnes (or the yield's part) go there.
    pub(super) to: Option<RouteInputs>,
    /// With a yield and a reject route: the yield's input index (`None`: everything goes
    /// to the reject route, as the linear model does when the target route has no
    /// factors) and the reject route's inputs.
    pub(super) reject: Option<(Option<usize>, RouteInputs)>,
}

/// A measure's routes as the draws value them (one per measure and resolved spec; the
/// items of a measure share it).
#[derive(Clone, Debug)]
pub(super) struct Sink {
    pub(super) measure: usize,
    /// The inputs of each route tonnes can leave.
    pub(super) routes: [Option<RouteInputs>; NR],
    pub(super) targets: Vec<SinkTarget>,
}

impl Sink {
    /// CO2e and SEK per payer slot of these tonnes out of each route at the drawn values.
    #[inline(always)]
    pub(super) fn values<N: Num>(&self, out: &[u128; NR], v: &[N], zero: N) -> (i128, [i128; 3]) {
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
