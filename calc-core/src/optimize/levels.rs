//! The effect levels the budget optimizer ([`candidates`](super::candidates)) and the gap
//! package ([`close_gap`](crate::targets::close_gap)) choose from, enumerated in one place:
//! each measure is left out or done at `k / steps` of its scenario effect, `k = 0..=steps`,
//! and measures that interact take every combination of their levels, at most
//! [`MAX_COMBINATIONS`] of them.

use super::MAX_COMBINATIONS;
use crate::eval::CalcError;

/// Every combination of the levels of a group of interacting members, some of them fixed
/// at the full level `steps` (a legal duty acts in full whatever the plan picks).
///
/// Combination `code` gives the free members the digits of `code` in base `steps + 1`, the
/// first free member the least significant: with two free members and `steps = 2` the
/// combinations are `[0, 0], [1, 0], [2, 0], [0, 1], …, [2, 2]`.
#[derive(Clone, Debug)]
pub(crate) struct Combinations {
    steps: u32,
    fixed: Vec<bool>,
    count: u64,
}

impl Combinations {
    /// The combinations of members whose `fixed` entry says whether they are fixed at the
    /// full level; [`CalcError::TooManyCombinations`] (naming the members by `names`) when
    /// there are more than [`MAX_COMBINATIONS`].
    pub(crate) fn new<'a>(
        steps: u32,
        fixed: Vec<bool>,
        names: impl FnOnce() -> Vec<&'a str>,
    ) -> Result<Self, CalcError> {
        let free = u32::try_from(fixed.iter().filter(|f| !**f).count()).unwrap_or(u32::MAX);
        let count = u64::from(steps)
            .saturating_add(1)
            .checked_pow(free)
            .unwrap_or(u64::MAX);
        if count > MAX_COMBINATIONS {
            return Err(CalcError::TooManyCombinations {
                measures: names().join(", "),
                combinations: count,
                limit: MAX_COMBINATIONS,
            });
        }
        Ok(Self {
            steps,
            fixed,
            count,
        })
    }

    /// How many combinations there are.
    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    /// Each member's level (`0..=steps`) in combination `code` (`0..count`).
    pub(crate) fn levels(&self, code: u64) -> Vec<u32> {
        let base = u64::from(self.steps).saturating_add(1);
        let mut rest = code;
        self.fixed
            .iter()
            .map(|fixed| {
                if *fixed {
                    return self.steps;
                }
                let level = u32::try_from(rest % base).unwrap_or(0);
                rest /= base;
                level
            })
            .collect()
    }

    /// Every combination's levels, in the order of their codes.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Vec<u32>> + '_ {
        (0..self.count).map(|code| self.levels(code))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn two_free_members_take_every_pair_of_levels_first_member_fastest() {
        let c = Combinations::new(2, vec![false, false], Vec::new).unwrap();
        assert_eq!(c.count(), 9);
        let all: Vec<Vec<u32>> = c.iter().collect();
        assert_eq!(
            all,
            [
                [0, 0],
                [1, 0],
                [2, 0],
                [0, 1],
                [1, 1],
                [2, 1],
                [0, 2],
                [1, 2],
                [2, 2]
            ]
        );
    }

    #[test]
    fn a_fixed_member_is_at_the_full_level_and_adds_no_combinations() {
        let c = Combinations::new(3, vec![false, true, false], Vec::new).unwrap();
        assert_eq!(c.count(), 16);
        assert_eq!(c.levels(0), [0, 3, 0]);
        assert_eq!(c.levels(5), [1, 3, 1]);
        assert_eq!(c.levels(15), [3, 3, 3]);
        assert!(c.iter().all(|l| l.get(1) == Some(&3)));
    }

    #[test]
    fn more_than_the_limit_is_refused_with_the_members_named() {
        // 17³ = 4 913 > 4 096; 16³ = 4 096 is allowed.
        let e = Combinations::new(16, vec![false; 3], || vec!["a", "b", "c"]).unwrap_err();
        assert_eq!(
            e,
            CalcError::TooManyCombinations {
                measures: "a, b, c".into(),
                combinations: 4913,
                limit: 4096,
            }
        );
        assert_eq!(
            Combinations::new(15, vec![false; 3], Vec::new)
                .unwrap()
                .count(),
            4096
        );
    }
}
