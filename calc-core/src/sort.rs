//! Stable sorting that is compiled once for the whole program.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site
//! carries its own copy of the standard library's sort (about 3.5 KB of wasm each). These
//! functions sort a list of positions with one shared, non-generic sort and then move the
//! elements into that order, so a call site costs only its comparator and the move. The
//! result is the same as `sort_by`'s: stable, equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        positions(
            items.len(),
            &mut |i, j| match (items.get(i), items.get(j)) {
                (Some(a), Some(b)) => compare(a, b),
                _ => Ordering::Equal,
            },
        )
    };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` by the key `f` gives, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, stably (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, Ord::cmp);
}

/// The positions `0..n` in the order `compare` gives them: the one instance of the
/// standard library's stable sort.
fn positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| compare(i, j));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(
            v,
            [(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(
            v,
            [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e'), (0, 'f')]
        );
        let mut w = vec!["pear", "apple", "fig"];
        sort(&mut w);
        assert_eq!(w, ["apple", "fig", "pear"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn matches_sort_by_on_many_lists() {
        // A fixed pseudo-random sequence (LCG), keys with many ties.
        let mut x: u64 = 12345;
        for len in 0..60 {
            let v: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((x >> 33) % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort_by_key(&mut ours, |p| p.0);
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted);
        }
    }
}
