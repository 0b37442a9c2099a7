//! The lead list: every lead, newest first, found as you type.
//!
//! The text to search is built once each time the leads change ([`rows`]); a keystroke then
//! only scans it ([`find`]) and the list draws at most [`SHOWN`] rows, so typing stays within
//! a frame with thousands of leads (measured by `make bench`).

use super::deal::{newest_first, Deal, Grade, Status};
use super::Id;

/// Most leads the list draws; typing more narrows it.
pub const SHOWN: usize = 100;

/// One lead as the list shows it, with its searchable text.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: Id,
    pub number: String,
    pub customer: String,
    pub grade: Grade,
    pub status: Status,
    /// Customer, number, contact, phone, email and owner, in lower case.
    text: String,
}

/// What a search found: the rows to draw and how many matched in all.
#[derive(Debug, PartialEq)]
pub struct Found<'a> {
    pub shown: Vec<&'a Row>,
    pub total: usize,
}

/// The list's rows, newest first.
pub fn rows<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<Row> {
    newest_first(deals)
        .into_iter()
        .map(|d| Row {
            id: d.id.clone(),
            number: d.number.clone(),
            customer: d.customer.clone(),
            grade: d.grade,
            status: d.status,
            text: [
                &d.customer,
                &d.number,
                &d.contact,
                &d.phone,
                &d.email,
                &d.owner,
            ]
            .map(|s| s.as_str())
            .join("\n")
            .to_lowercase(),
        })
        .collect()
}

/// The rows holding every word of `query` (any case, in any of the searched fields), in list
/// order, at most `limit` of them. An empty query matches every row.
pub fn find<'a>(rows: &'a [Row], query: &str, limit: usize) -> Found<'a> {
    let query = query.to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found = Found {
        shown: Vec::new(),
        total: 0,
    };
    for row in rows {
        if words.iter().all(|w| row.text.contains(w)) {
            found.total += 1;
            if found.shown.len() < limit {
                found.shown.push(row);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn deal(n: u32, customer: &str) -> Deal {
        let at =
            Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap() + chrono::Duration::hours(n.into());
        let mut d = Deal::new(Id::generate(n.into(), n.into()), customer, &[], at).unwrap();
        d.number = format!("L-{n:04}");
        d
    }

    fn customers(found: &Found) -> Vec<String> {
        found.shown.iter().map(|r| r.customer.clone()).collect()
    }

    #[test]
    fn an_empty_query_lists_every_lead_newest_first() {
        let deals = [
            deal(1, "Early Co"),
            deal(3, "Late Co"),
            deal(2, "Middle Co"),
        ];
        let rows = rows(&deals);
        let found = find(&rows, "  ", SHOWN);
        assert_eq!(customers(&found), ["Late Co", "Middle Co", "Early Co"]);
        assert_eq!(found.total, 3);
    }

    #[test]
    fn every_word_must_match_in_any_field_and_any_case() {
        let mut with_contact = deal(1, "Acme Tools");
        with_contact.contact = "Wang Fang".into();
        with_contact.phone = "+86 138 0000 1111".into();
        let deals = [
            with_contact,
            deal(2, "Acme Retail 零售"),
            deal(3, "Beta Works"),
        ];
        let rows = rows(&deals);
        assert_eq!(
            customers(&find(&rows, "ACME", SHOWN)),
            ["Acme Retail 零售", "Acme Tools"]
        );
        assert_eq!(customers(&find(&rows, "acme wang", SHOWN)), ["Acme Tools"]);
        assert_eq!(customers(&find(&rows, "1111", SHOWN)), ["Acme Tools"]);
        assert_eq!(customers(&find(&rows, "零售", SHOWN)), ["Acme Retail 零售"]);
        assert_eq!(customers(&find(&rows, "l-0003", SHOWN)), ["Beta Works"]);
        assert_eq!(find(&rows, "acme gamma", SHOWN).total, 0);
    }

    #[test]
    fn notes_are_not_searched() {
        let mut d = deal(1, "Acme");
        d.notes = "mentions Globex".into();
        assert_eq!(find(&rows(&[d]), "globex", SHOWN).total, 0);
    }

    #[test]
    fn at_most_the_limit_is_shown_but_every_match_is_counted() {
        let deals: Vec<Deal> = (1..=250)
            .map(|n| deal(n, &format!("Customer {n}")))
            .collect();
        let rows = rows(&deals);
        let found = find(&rows, "customer", SHOWN);
        assert_eq!(found.total, 250);
        assert_eq!(found.shown.len(), SHOWN);
        assert_eq!(found.shown[0].customer, "Customer 250", "newest first");
        let narrow = find(&rows, "customer 24", SHOWN);
        assert_eq!(
            narrow.total, 13,
            "24, 124, 224 and 240-249 (words match inside words)"
        );
    }
}
