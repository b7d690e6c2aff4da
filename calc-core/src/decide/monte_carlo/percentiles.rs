//! From the draws to the figures: percentiles by selection and the odds of a saving.

use super::results::{McFigures, Percentiles, SavingOdds};
use super::scales::{COEFF_DP, FACTOR_DP, from_fixed};
use crate::model::ByPayer;
use crate::units::{KgCo2e, Sek};
use rust_decimal::Decimal;

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
pub(super) fn percentiles(v: &mut [i128]) -> [i128; 5] {
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
pub(super) struct Draws {
    pub(super) co2e: Vec<i128>,
    pub(super) sek: [Vec<i128>; 3],
}

impl Draws {
    pub(super) fn new(n: usize) -> Self {
        Self {
            co2e: vec![0; n],
            sek: [vec![0; n], vec![0; n], vec![0; n]],
        }
    }

    pub(super) fn set(&mut self, d: usize, co2e: i128, sek: &[i128; 3]) {
        if let Some(slot) = self.co2e.get_mut(d) {
            *slot = co2e;
        }
        for (col, s) in self.sek.iter_mut().zip(sek) {
            if let Some(slot) = col.get_mut(d) {
                *slot = *s;
            }
        }
    }

    pub(super) fn figures(mut self) -> Option<McFigures> {
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
