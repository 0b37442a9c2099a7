//! Lead numbers (线索编号): `L-0001`, `L-0002`, …

use super::Deal;
use crate::domain::fold::lower;
use crate::domain::Id;
use std::collections::{BTreeMap, BTreeSet};

/// The longest lead number kept; a longer one in an imported file is refused.
pub const MAX_NUMBER_LEN: usize = 40;

/// Most digits (leading zeros aside) of a number [`next_number`] counts up from: the next
/// one, even after a carry (`…999` + 1), still fits [`MAX_NUMBER_LEN`] with its `L-`.
const MAX_COUNTED_DIGITS: usize = MAX_NUMBER_LEN - 3;

/// The next lead number, `L-` and four digits at least, one above the highest `L-n` in use.
/// Numbers are read as the duplicate rule compares them (trimmed, any case: `l-0009` is
/// `L-0009`) and counted as decimal text, so no number is too long to count up from and the
/// next one is never one in use. Numbers that do not follow the pattern (imported,
/// hand-typed) are ignored, and so are numbers too long to count up from within
/// [`MAX_NUMBER_LEN`] (the next number then skips any of them it would repeat).
pub fn next_number<'a>(existing: impl IntoIterator<Item = &'a str>) -> String {
    Counter::new(existing).next_number()
}

/// Gives [`next_number`] again and again without reading every number each time: each number
/// it gives is above every counted number in use, so only an uncounted (too long) number in
/// use can be the next one.
struct Counter<'a> {
    /// The last number given or, at first, the highest counted number in use.
    last: Vec<u8>,
    /// The numbers in use too long to count up from (almost always none).
    uncounted: Vec<&'a str>,
}

impl<'a> Counter<'a> {
    fn new(existing: impl IntoIterator<Item = &'a str>) -> Self {
        let mut max = "";
        let mut uncounted = Vec::new();
        for n in existing {
            let n = n.trim();
            let Some(digits) = n.strip_prefix("L-").or_else(|| n.strip_prefix("l-")) else {
                continue;
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let n = digits.trim_start_matches('0');
            if n.len() > MAX_COUNTED_DIGITS {
                uncounted.push(n);
            } else if (n.len(), n) > (max.len(), max) {
                max = n;
            }
        }
        Counter {
            last: max.as_bytes().to_vec(),
            uncounted,
        }
    }

    /// One above the last number given, digit by digit from the right; again while an
    /// uncounted number in use has it.
    fn next_number(&mut self) -> String {
        let next = &mut self.last;
        loop {
            let carried = next.iter_mut().rev().all(|d| {
                let nine = *d == b'9';
                *d = if nine { b'0' } else { *d + 1 };
                nine
            });
            if carried {
                next.insert(0, b'1');
            }
            if !self
                .uncounted
                .iter()
                .any(|n| n.as_bytes() == next.as_slice())
            {
                break;
            }
        }
        format!("L-{:0>4}", String::from_utf8_lossy(next))
    }
}

/// Two tabs adding a lead at the same moment both give it the next number. When a tab learns
/// of the other's lead, this says which of its own leads (`mine`, the ids it added) must take
/// a new number, and which: of two leads with one number (compared as the duplicate rule
/// compares them), the one assigned first (then the smaller id) keeps it. Both tabs see both
/// leads, so exactly one of them renumbers. The new numbers are given in turn, so they never
/// repeat each other or any number in `all`. With `mine` `None`, every lead counts (as at start
/// and after a backup import): it repairs numbers shared since (a tab closed before it heard of
/// the other lead; another laptop's backup).
pub fn renumber_clashes(all: &[&Deal], mine: Option<&BTreeSet<Id>>) -> Vec<(Id, String)> {
    // The first lead of each number (its place in `all`), in one pass: at start every lead is
    // checked, and comparing each with each would take 25 million steps for 5,000 leads. (The
    // place is an i64 as `BTreeMap<String, i64>` is in the wasm already: a new map type would
    // add 0.3–1.2 KiB.)
    let first = |i: usize| (all[i].assigned_at, &all[i].id);
    let mut firsts: BTreeMap<String, i64> = BTreeMap::new();
    for (i, d) in all.iter().enumerate() {
        let key = lower(d.number.trim());
        if !key.is_empty() {
            let f = firsts.entry(key).or_insert(i as i64);
            if first(i) < first(*f as usize) {
                *f = i as i64;
            }
        }
    }
    let mut is_first = vec![false; all.len()];
    for f in firsts.values() {
        is_first[*f as usize] = true;
    }
    // One count for all of them: reading every number again for each renumbered lead took
    // 5.3 s for a backup whose 5,000 leads all had numbers in use.
    let mut counter = Counter::new(all.iter().map(|d| d.number.as_str()));
    let mut out: Vec<(Id, String)> = Vec::new();
    for (i, d) in all.iter().enumerate() {
        let clash =
            !is_first[i] && !d.number.trim().is_empty() && mine.is_none_or(|m| m.contains(&d.id));
        if clash {
            out.push((d.id.clone(), counter.next_number()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_lead_is_numbered_after_the_highest_existing_number() {
        assert_eq!(next_number([]), "L-0001");
        assert_eq!(next_number(["L-0003", "L-0010", "X-99", "L-abc"]), "L-0011");
        assert_eq!(next_number(["L-9999"]), "L-10000");
    }

    #[test]
    fn the_next_number_is_never_one_in_use_in_any_case() {
        // Found by fuzzing the CSV import (fuzz/regressions/csv_import/): a row without a
        // number was given `L-0001` beside a row numbered `l-0001`, and `L-4294967295` twice.
        assert_eq!(next_number(["l-0001", " L-0002 "]), "L-0003");
        assert_eq!(next_number(["L-4294967295"]), "L-4294967296");
        assert_eq!(next_number(["L-0000", "L-0099", "L-+5"]), "L-0100");
        // A number too long to count up from within MAX_NUMBER_LEN is skipped (counting up
        // from it gave a number the CSV import refuses; found by the long fuzz run).
        let long = format!("L-{}", "9".repeat(60));
        assert_eq!(next_number([long.as_str(), "L-12"]), "L-0013");
    }

    #[test]
    fn a_number_too_long_to_count_up_from_is_skipped_and_the_next_one_always_fits() {
        let long = format!("L-{}", "8".repeat(39));
        assert_eq!(next_number([long.as_str(), "L-0007"]), "L-0008");
        let nines = format!("L-{}", "9".repeat(MAX_COUNTED_DIGITS));
        let next = next_number([nines.as_str()]);
        assert_eq!(next, format!("L-1{}", "0".repeat(MAX_COUNTED_DIGITS)));
        assert_eq!(next.len(), MAX_NUMBER_LEN);
        // That number is already used by an uncounted (longer) entry: the next one is taken.
        let used = next.clone();
        let again = next_number([nines.as_str(), used.as_str()]);
        assert_eq!(again, format!("L-1{}1", "0".repeat(MAX_COUNTED_DIGITS - 1)));
        assert!(again.len() <= MAX_NUMBER_LEN);
    }

    #[test]
    fn of_two_leads_given_one_number_in_two_tabs_the_later_one_takes_the_next() {
        use chrono::{TimeZone, Utc};
        let at = |s: i64| Utc.timestamp_opt(1_780_000_000 + s, 0).unwrap();
        let lead = |id: &str, number: &str, s: i64| {
            let mut d = Deal::new(Id::parse(id).unwrap(), id, &[], at(s)).unwrap();
            d.number = number.into();
            d
        };
        let (kept, ours, same_time, theirs) = (
            lead("a1", "L-0001", 0),
            lead("b2", "l-0001 ", 1),
            lead("a0", "L-0002", 1),
            lead("b1", "L-0002", 1),
        );
        let all = [&kept, &ours, &same_time, &theirs];
        let mine_b: BTreeSet<Id> = [ours.id.clone(), theirs.id.clone()].into();
        // Tab B added b2 (after a1, in any case) and b1 (at a0's moment, a larger id).
        assert_eq!(
            renumber_clashes(&all, Some(&mine_b)),
            [
                (ours.id.clone(), "L-0003".to_owned()),
                (theirs.id.clone(), "L-0004".to_owned())
            ]
        );
        // Tab A's leads came first: it changes nothing.
        let mine_a: BTreeSet<Id> = [kept.id.clone(), same_time.id.clone()].into();
        assert!(renumber_clashes(&all, Some(&mine_a)).is_empty());
        // Read at start (every lead counts as this tab's): the same two are renumbered.
        assert_eq!(
            renumber_clashes(&all, None),
            renumber_clashes(&all, Some(&mine_b))
        );
        assert!(renumber_clashes(&all, Some(&BTreeSet::new())).is_empty());
        // Leads without a number (older data) share nothing.
        let (blank, blank_too) = (lead("c1", "", 2), lead("c2", " ", 3));
        assert!(renumber_clashes(&[&blank, &blank_too], None).is_empty());
        // Renumbered, nothing clashes any more.
        let (mut ours, mut theirs) = (ours.clone(), theirs.clone());
        ours.number = "L-0003".into();
        theirs.number = "L-0004".into();
        assert!(renumber_clashes(&[&kept, &ours, &same_time, &theirs], Some(&mine_b)).is_empty());
    }

    #[test]
    fn the_one_pass_repair_agrees_with_comparing_every_lead_with_every_other() {
        use crate::domain::fold::same_in_any_case;
        use crate::domain::training::draw::XorShift32;
        use chrono::{TimeZone, Utc};
        let mut rng = XorShift32::new(7);
        let numbers = ["L-0001", "l-0001", " L-0002", "L-0003", "", "X-1"];
        let leads: Vec<Deal> = (0..300)
            .map(|i| {
                let at = Utc.timestamp_opt(1_780_000_000 + i64::from(rng.below(20)), 0);
                let id = Id::parse(&format!("d{}", rng.below(1000) * 1000 + i)).unwrap();
                let mut d = Deal::new(id, "Co", &[], at.unwrap()).unwrap();
                d.number = numbers[rng.below(6) as usize].into();
                d
            })
            .collect();
        let all: Vec<&Deal> = leads.iter().collect();
        let first = |d: &Deal| (d.assigned_at, d.id.clone());
        let pairwise: Vec<&Id> = all
            .iter()
            .filter(|d| {
                !d.number.trim().is_empty()
                    && all.iter().any(|o| {
                        same_in_any_case(o.number.trim(), d.number.trim()) && first(o) < first(d)
                    })
            })
            .map(|d| &d.id)
            .collect();
        let repaired = renumber_clashes(&all, None);
        assert!(pairwise.len() > 200, "most of them clash");
        assert_eq!(
            repaired.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            pairwise
        );
        let new: BTreeSet<&String> = repaired.iter().map(|(_, n)| n).collect();
        assert_eq!(new.len(), repaired.len(), "new numbers are distinct");
    }

    #[test]
    fn renumbered_leads_get_the_numbers_next_number_gives_one_after_another() {
        use chrono::{TimeZone, Utc};
        // Another laptop's backup: every lead's number is in use. Among the numbers, one too
        // long to count up from that the counting reaches, which it must skip.
        let nines = format!("L-{}", "9".repeat(MAX_COUNTED_DIGITS));
        let reached = format!("L-1{}1", "0".repeat(MAX_COUNTED_DIGITS - 1));
        let mut numbers = vec!["L-0007".to_owned(), "l-0007".to_owned()];
        numbers.extend([nines.clone(), nines.clone(), nines, reached]);
        let leads: Vec<Deal> = numbers
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let at = Utc.timestamp_opt(1_780_000_000 + i as i64, 0).unwrap();
                let id = Id::parse(&format!("d{i}")).unwrap();
                let mut d = Deal::new(id, "Co", &[], at).unwrap();
                d.number = n.clone();
                d
            })
            .collect();
        let all: Vec<&Deal> = leads.iter().collect();
        let repaired = renumber_clashes(&all, None);
        let mut in_use: Vec<String> = numbers.clone();
        let one_by_one: Vec<String> = repaired
            .iter()
            .map(|_| {
                let n = next_number(in_use.iter().map(String::as_str));
                in_use.push(n.clone());
                n
            })
            .collect();
        assert_eq!(repaired.len(), 3);
        assert_eq!(
            repaired.into_iter().map(|(_, n)| n).collect::<Vec<_>>(),
            one_by_one
        );
        assert!(one_by_one.iter().all(|n| n.len() <= MAX_NUMBER_LEN));
    }
}
