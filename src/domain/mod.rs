//! Pure domain: the types and rules of a sales playbook.
//!
//! Nothing in here touches the browser, storage or the clock: the current time is always a
//! parameter, so every rule is tested with plain `cargo test`.

pub mod audit;
pub mod call;
pub mod checklist;
pub mod clock;
pub mod csv;
pub mod deal;
pub mod deal_csv;
pub mod deal_list;
pub mod discovery;
pub mod field;
pub mod fold;
pub mod grading;
pub mod id;
pub mod lint;
pub mod measures;
pub mod money;
pub mod objection;
pub mod overlay;
pub mod pack;
pub mod playbook;
pub mod proposal;
pub mod proposal_draft;
pub mod script;
pub mod search;
pub mod settings;
pub mod template;
pub mod text;
pub mod time;
pub mod timeline;
pub mod training;

pub use id::Id;
pub use text::{Locale, LocalizedText};

/// Sorts `v` stably by `cmp`. An insertion sort: the domain's lists are short (findings,
/// search hits, a part's entities), and each use of the standard library's sort compiles
/// several KiB of sorting code into the wasm for its element type.
pub fn sort_small_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == std::cmp::Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A point in time as stored: UTC, serialized as RFC 3339.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

#[cfg(test)]
mod tests {
    #[test]
    fn the_small_sort_is_stable_and_sorts() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_small_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = vec![];
        super::sort_small_by(&mut empty, |a, b| a.cmp(b));
    }
}
