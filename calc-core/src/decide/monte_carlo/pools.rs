//! The pool groups run again per draw at the drawn effects, in integers.

use super::draws::FlatFactor;
use crate::decide::wide::mul_u64_wide;
use crate::eval::NR;

/// One member of a pool group in the draws.
#[derive(Clone, Debug)]
pub(super) struct DrawMember {
    /// Its effect range in units of 2⁻³².
    pub(super) effect: FlatFactor,
    /// Which of the draw's effect uniforms it takes its quantile at.
    pub(super) uniform: usize,
    /// Its effect's place among the engine's distinct effects (one draw each per
    /// iteration, shared by the members with the same uniform and range).
    pub(super) slot: usize,
    /// The share of what is in its routes it reaches, in units of 2⁻³².
    pub(super) reach: u64,
    pub(super) acts_on: Vec<usize>,
    pub(super) sink: usize,
}

/// One pool group: its tonnes per route (10⁻⁶ t), its members in the order they act, and
/// the distinct ramps of the plan period's years (one per member, in units of 2⁻³²) with
/// the number of years each holds.
#[derive(Clone, Debug)]
pub(super) struct DrawGroup {
    pub(super) initial: [u64; NR],
    pub(super) members: Vec<DrawMember>,
    pub(super) years: Vec<(Vec<u64>, u64)>,
}

/// The place of an effect (uniform, range) among the distinct ones, added if new.
pub(super) fn slot_of(
    inputs: &mut Vec<(usize, FlatFactor)>,
    uniform: usize,
    f: FlatFactor,
) -> usize {
    let same = |(u, g): &(usize, FlatFactor)| *u == uniform && (g.a, g.c, g.b) == (f.a, f.c, f.b);
    inputs.iter().position(same).unwrap_or_else(|| {
        inputs.push((uniform, f));
        inputs.len() - 1
    })
}

/// Buffers for [`DrawGroup::run`], kept across draws.
#[derive(Default)]
pub(super) struct Scratch {
    pub(super) acc: Vec<[u64; NR]>,
    pub(super) shares: Vec<u64>,
}

impl DrawGroup {
    /// Runs the pool at the members' effects (`effects`, units of 2⁻³²) and adds each
    /// member's tonnes out of each route over the plan period to its sink's.
    #[inline(always)]
    pub(super) fn run(&self, effects: &[u64], scratch: &mut Scratch, out: &mut [[u128; NR]]) {
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
