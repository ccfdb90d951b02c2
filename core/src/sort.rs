//! Sorting with one copy of the standard sort in the app.
//!
//! `slice::sort_by` is compiled afresh for every element type and every
//! comparison closure: 39 copies of about 3.5 KB each made 7% of the main
//! wasm. Here the standard sort only ever orders positions (`usize`) through a
//! `&dyn Fn`, so it is compiled once; what is left per call site is a small
//! closure and the walk that moves the items into that order. The sorts stay
//! stable and O(n log n), and give exactly what `sort_by` gives.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The positions `0..len` in the order `cmp` puts the items at them, equal
/// items keeping their order: `order(len, cmp)[i]` is where the item that
/// belongs at `i` is now.
pub fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    // The one use of the standard sort; clippy refuses the others.
    #[allow(clippy::disallowed_methods)]
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Sorts `items` by `cmp`, stably: the same result as `items.sort_by(cmp)`.
pub fn by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    rearrange(order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` by `key`, stably: the same result as `items.sort_by_key(key)`,
/// but each key is worked out once, not at every comparison.
pub fn by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = order(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    drop(keys);
    rearrange(order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` smallest first: the same result as `items.sort()`.
pub fn ascending<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// `pairs` as a map, built by inserting each (a later pair with the same key
/// wins, as with `collect`). `collect()` into a `BTreeMap` sorts the pairs
/// first with the standard sort: one more copy of it per key type.
pub fn into_map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// Moves items into `order` (as [`order`] gives it) by calling `swap` on
/// pairs of positions, following each cycle of the permutation once: at most
/// one swap per item.
fn rearrange(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        // A position already filled points at itself.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small, seeded pseudo-random source (xorshift64*), so the property
    /// test checks the same vectors on every run.
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Items with a key to sort on and a tag that shows where each started,
    /// so a test sees whether equal keys kept their order.
    fn tagged(keys: &[u8]) -> Vec<(u8, usize)> {
        keys.iter().copied().zip(0..).collect()
    }

    fn by_first(a: &(u8, usize), b: &(u8, usize)) -> Ordering {
        a.0.cmp(&b.0)
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = tagged(&[2, 1, 2, 1, 0, 2]);
        by(&mut items, by_first);
        assert_eq!(items, [(0, 4), (1, 1), (1, 3), (2, 0), (2, 2), (2, 5)]);
        let mut same = tagged(&[7; 5]);
        by(&mut same, by_first);
        assert_eq!(same, tagged(&[7; 5]));
    }

    #[test]
    fn empty_one_sorted_and_reversed_lists() {
        let mut empty: Vec<u32> = vec![];
        ascending(&mut empty);
        assert_eq!(empty, Vec::<u32>::new());
        let mut one = vec![5];
        ascending(&mut one);
        assert_eq!(one, [5]);
        let mut sorted: Vec<u32> = (0..50).collect();
        ascending(&mut sorted);
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        let mut reversed: Vec<u32> = (0..50).rev().collect();
        ascending(&mut reversed);
        assert_eq!(reversed, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn by_key_sorts_by_the_key_and_works_each_key_out_once() {
        let mut words = vec!["banana", "Apple", "cherry", "apple"];
        let calls = std::cell::Cell::new(0);
        by_key(&mut words, |w| {
            calls.set(calls.get() + 1);
            w.to_lowercase()
        });
        assert_eq!(words, ["Apple", "apple", "banana", "cherry"]);
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn the_order_of_positions_is_stable() {
        let values: [f64; 4] = [3.0, 1.0, 2.0, 1.0];
        let order = order(values.len(), &|a, b| values[a].total_cmp(&values[b]));
        assert_eq!(order, [1, 3, 2, 0]);
    }

    #[test]
    fn a_map_keeps_the_last_pair_of_a_key_as_collect_does() {
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        let collected: BTreeMap<&str, i32> = pairs.into_iter().collect();
        assert_eq!(into_map(pairs), collected);
        assert_eq!(into_map(pairs)["b"], 3);
    }

    /// Against the standard library's `sort_by` and `sort_by_key` on many
    /// random lists: short and long, few distinct keys (many ties) and many.
    #[test]
    fn agrees_with_the_standard_sort_on_random_lists() {
        let mut random = Random(0x5eed_2026);
        for round in 0..2_000 {
            let len = match round % 4 {
                0 => random.below(4),
                1 => random.below(40),
                2 => random.below(400),
                _ => random.below(3_000),
            } as usize;
            let spread = [2, 10, 256][round % 3];
            let keys: Vec<u8> = (0..len).map(|_| random.below(spread) as u8).collect();
            let mut ours = tagged(&keys);
            let mut theirs = ours.clone();
            by(&mut ours, by_first);
            theirs.sort_by(by_first);
            assert_eq!(ours, theirs, "sort by, round {round}");
            let mut ours = tagged(&keys);
            let mut theirs = ours.clone();
            by_key(&mut ours, |x| std::cmp::Reverse(x.0));
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, theirs, "sort by key, round {round}");
        }
    }

    #[test]
    fn twenty_thousand_items_take_n_log_n_comparisons() {
        // 1,000 indicators by 20 periods: about n log2 n = 286,000
        // comparisons; a quadratic sort would make some 200 million.
        let mut random = Random(20);
        let mut items: Vec<u64> = (0..20_000).map(|_| random.next()).collect();
        let comparisons = std::cell::Cell::new(0_u64);
        by(&mut items, |a, b| {
            comparisons.set(comparisons.get() + 1);
            a.cmp(b)
        });
        assert!(items.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            comparisons.get() < 600_000,
            "{} comparisons",
            comparisons.get()
        );
    }
}
