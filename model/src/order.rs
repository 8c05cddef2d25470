//! A stable insertion sort for the short lists the page sorts (settings,
//! bars, steps, at most the 159 presets). The standard library's sort is
//! faster on long lists, but every place that uses it adds about 3 KB of
//! WebAssembly; this adds a few hundred bytes. The simulations' 10,000
//! values a year still use the standard sort.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `v` by `cmp`, keeping equal items in their order. Quadratic: for
/// short lists only.
pub fn sort_small_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` by a key, keeping equal items in their order.
pub fn sort_small_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_small_by(v, |a, b| key(a).cmp(&key(b)));
}

/// A map from pairs, inserted one by one (a later pair with the same key
/// wins, as with `collect()`). Collecting into a `BTreeMap` sorts the
/// pairs first, which brings in another copy of the standard sort for each
/// use.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in pairs {
        m.insert(k, v);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in 0..60 {
            let mut v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            sort_small_by_key(&mut v, |x| x.0);
            assert_eq!(v, want, "{len}");
        }
    }
}
