//! CSV import: the RFC 4180 reader (`domain::csv::parse`) and the lead-table import planner
//! (`domain::deal_csv::plan_import`) never panic, and what they accept survives the trip back:
//! - records written back with `write_record` read back the same;
//! - a plan's valid rows have a customer and distinct lead numbers (the duplicate rule's
//!   case-insensitive comparison), `new_deals` gives exactly them, a second time nothing;
//! - every deal it would add is kept by storage (encoded and decoded back unchanged);
//! - exported with `export_with_actions` and imported again, every valid row comes back valid
//!   with the same fields (times to the minute, which is what the table shows), wherever the
//!   export can write its times (local years 0–9999).
#![no_main]

use chrono::{Datelike, Timelike};
use libfuzzer_sys::fuzz_target;
use sales_playbook::domain::clock::{to_local, NextAction};
use sales_playbook::domain::csv::{parse, write_record, BOM};
use sales_playbook::domain::deal::Deal;
use sales_playbook::domain::deal_csv::{export_with_actions, plan_import, RowResult};
use sales_playbook::domain::{Id, Locale, Timestamp};
use sales_playbook::storage::envelope::{decode, encode, Decoded};
use sales_playbook::storage::keys::Kind;

/// Offsets east of UTC the import is run with (picked by the input's length).
const OFFSETS: [i32; 4] = [480, 0, -300, 345];

/// Deals already there, for the duplicate rule.
fn existing() -> Vec<Deal> {
    let now = fuzz_common::now();
    let mut a = Deal::new(Id::generate(1, 1), "Acme", &[], now).expect("valid");
    a.number = "L-0001".into();
    a.phone = "+86 138 0013 8000".into();
    let mut b = Deal::new(Id::generate(1, 2), "华东机械", &[], now).expect("valid");
    b.number = "L-0002".into();
    b.email = "wang@example.cn".into();
    vec![a, b]
}

/// An id generator like the UI's.
fn ids(salt: u64) -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id::generate(1_790_000_000_000, salt * 1_000_000 + n)
    }
}

fn minute(t: Timestamp) -> Timestamp {
    t.with_nanosecond(0)
        .and_then(|t| t.with_second(0))
        .unwrap_or(t)
}

/// Whether the export can write `t` in the zone `offset` (a four-digit local year).
fn writable(t: Timestamp, offset: i32) -> bool {
    (0..=9999).contains(&to_local(t, offset).year())
}

fn check_records(text: &str) {
    let Ok(records) = parse(text) else { return };
    let mut last = (0, 0);
    for r in &records {
        assert!(
            r.row > last.0 && r.line >= last.1.max(1),
            "rows out of order"
        );
        assert!(r.fields.iter().any(|f| !f.is_empty()), "a blank record");
        assert!(
            !r.fields.iter().any(|f| f.contains('\r')),
            "a CR in a field"
        );
        last = (r.row, r.line);
    }
    let mut out = String::from(BOM);
    for r in &records {
        write_record(&mut out, r.fields.iter().map(String::as_str));
    }
    let back = parse(&out).expect("written CSV reads back");
    let fields = |rs: &[sales_playbook::domain::csv::Record]| -> Vec<Vec<String>> {
        rs.iter().map(|r| r.fields.clone()).collect()
    };
    assert_eq!(
        fields(&back),
        fields(&records),
        "records changed on the way back"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = fuzz_common::text(data);
    check_records(text);

    let offset = OFFSETS[text.len() % OFFSETS.len()];
    let now = fuzz_common::now();
    let existing = existing();
    let existing_refs: Vec<&Deal> = existing.iter().collect();
    let Ok(plan) = plan_import(text, &existing_refs, now, offset, ids(1)) else {
        return;
    };
    let valid: Vec<(&Deal, Option<&NextAction>)> = plan
        .rows
        .iter()
        .filter_map(|r| match r {
            RowResult::Valid {
                deal, next_action, ..
            } => Some((&**deal, next_action.as_ref())),
            _ => None,
        })
        .collect();

    let mut numbers: Vec<String> = existing
        .iter()
        .map(|d| d.number.trim().to_lowercase())
        .collect();
    for (deal, _) in &valid {
        assert!(
            !deal.customer.trim().is_empty(),
            "a valid row with no customer"
        );
        let n = deal.number.trim().to_lowercase();
        assert!(
            !numbers.contains(&n),
            "lead number {:?} given twice\ninput: {text:?}",
            deal.number
        );
        numbers.push(n);
        // Storage keeps what the import adds.
        let raw = encode(*deal);
        match decode::<Deal>(Kind::Deal, &raw) {
            Ok(Decoded::Current(back)) => assert_eq!(&back, *deal, "stored deal changed"),
            other => panic!("an imported deal cannot be read back: {other:?}\nstored: {raw}"),
        }
    }

    let new = plan.new_deals(&existing_refs);
    let planned: Vec<(Deal, Option<NextAction>)> = valid
        .iter()
        .map(|(d, a)| ((*d).clone(), a.cloned()))
        .collect();
    assert_eq!(new, planned, "new_deals differs from the plan");
    let mut after = existing_refs.clone();
    after.extend(new.iter().map(|(d, _)| d));
    assert!(
        plan.new_deals(&after).is_empty(),
        "a second apply adds deals"
    );

    // The export and back.
    let round_trips = valid.iter().all(|(d, a)| {
        writable(d.assigned_at, offset)
            && d.first_follow_up_at.is_none_or(|t| writable(t, offset))
            && a.is_none_or(|a| writable(a.due, offset))
    });
    if valid.is_empty() || !round_trips {
        return;
    }
    let locale = if text.len() % 2 == 0 {
        Locale::En
    } else {
        Locale::ZhCn
    };
    let out = export_with_actions(&valid, locale, offset);
    let again = plan_import(&out, &[], now, offset, ids(2)).expect("an export imports");
    assert_eq!(again.rows.len(), valid.len(), "rows lost\nexport: {out:?}");
    for ((deal, action), row) in valid.iter().zip(&again.rows) {
        let RowResult::Valid {
            deal: back,
            next_action,
            ..
        } = row
        else {
            panic!("an exported row does not import: {row:?}\nexport: {out:?}\ninput: {text:?}");
        };
        let mut want = (*deal).clone();
        want.id = back.id.clone();
        want.assigned_at = minute(want.assigned_at);
        want.first_follow_up_at = want.first_follow_up_at.map(minute);
        assert_eq!(
            **back, want,
            "a deal changed on the way back\nexport: {out:?}"
        );
        let want_action = action.map(|a| NextAction {
            due: minute(a.due),
            ..a.clone()
        });
        assert_eq!(
            next_action, &want_action,
            "a next action changed on the way back"
        );
    }
});
