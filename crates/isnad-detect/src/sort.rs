//! One stable sort for the whole crate. The standard library's sorts are faster, but every
//! element type and order they are used with adds 2–5 KB to the wasm (79 functions, 36 KB, for
//! ten call sites); Isnad sorts hundreds to tens of thousands of items, once per detection,
//! highlight or word list, where a merge sort of indices costs well under a millisecond.

/// Sorts `v` by `less` ("a goes before b"), keeping items that are not less than each other in
/// the order they were in.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let order = stable_order(v.len(), &mut |a, b| {
        v.get(a).zip(v.get(b)).is_some_and(|(x, y)| less(x, y))
    });
    permute(v, order);
}

/// Sorts `v` by the key of each item, keeping items of equal keys in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// The order of `n` items under `less` (a bottom-up merge sort of their indices): the same
/// code for every item type, which is the point.
fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for (lo, run) in (0..n).step_by(2 * width).zip(to.chunks_mut(2 * width)) {
            let left = from.get(lo..(lo + width).min(n)).unwrap_or_default();
            let right = from
                .get((lo + width).min(n)..(lo + 2 * width).min(n))
                .unwrap_or_default();
            let (mut i, mut j) = (0, 0);
            for slot in run {
                // The right item goes first only when it is less: equal items keep their order.
                let take_right = match (left.get(i), right.get(j)) {
                    (Some(&l), Some(&r)) => less(r, l),
                    (None, Some(_)) => true,
                    _ => false,
                };
                if take_right {
                    *slot = right.get(j).copied().unwrap_or_default();
                    j += 1;
                } else {
                    *slot = left.get(i).copied().unwrap_or_default();
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Puts `v` in `order` (`order[k]` is the index of the item that goes to position `k`), a
/// cycle at a time, by swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while let Some(next) = order.get_mut(at).map(|o| std::mem::replace(o, DONE)) {
            if next == DONE || next == start || next >= v.len() {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_librarys_stable_sort() {
        // Pairs sorted by the first number only: the second shows that equal keys keep their order.
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 5, 8, 17, 64, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "{n} items");
            let mut reversed = v.clone();
            sort_by(&mut reversed, |a, b| a.0 > b.0);
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(reversed, std, "{n} items, descending");
        }
    }

    #[test]
    fn sorts_items_that_are_not_copy() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "kiwi", "date"]
            .map(String::from)
            .to_vec();
        sort_by_key(&mut v, |s| s.len());
        assert_eq!(v, ["fig", "pear", "kiwi", "date", "apple"]);
    }
}
