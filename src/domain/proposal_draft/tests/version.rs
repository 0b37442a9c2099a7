//! Saved versions and their comparison.

use super::*;

fn version(number: u32, deal: &str, markdown: &str) -> ProposalVersion {
    ProposalVersion {
        id: id(&format!("v{number}-{deal}")),
        deal: id(deal),
        template: id("tpl-retail"),
        number,
        created_at: at(number),
        locale: Locale::En,
        markdown: markdown.into(),
        totals: None,
        sent_at: None,
    }
}

#[test]
fn a_second_version_is_number_2_and_other_deals_do_not_count() {
    assert_eq!(next_version_number(&[]), 1);
    let d = retail(&letter(), Locale::En);
    let first = ProposalVersion::from_draft(id("v1"), &id("deal-1"), &d, &[], at(2));
    assert_eq!(first.number, 1);
    let others = [first.clone(), version(7, "deal-2", "")];
    let second = ProposalVersion::from_draft(id("v2"), &id("deal-1"), &d, &others, at(3));
    assert_eq!(second.number, 2);
    assert_eq!(second.markdown, to_markdown(&d));
    assert_eq!(
        second.totals.as_ref().map(|t| t.grand_total),
        Some(45_980 * 100)
    );
    assert_eq!(
        second.sent_event(),
        crate::domain::timeline::EventKind::ProposalSent {
            template: "tpl-letter".into()
        }
    );
}

#[test]
fn a_version_round_trips_and_an_old_one_reads_with_defaults() {
    let d = retail(&letter(), Locale::ZhCn);
    let v = ProposalVersion::from_draft(id("v1"), &id("deal-1"), &d, &[], at(2));
    let json = crate::json::to_string(&v);
    assert!(
        json.contains(r#""created_at":"2026-03-02T09:00:00Z""#)
            && json.contains(r#""locale":"zh-CN""#)
    );
    assert_eq!(crate::json::from_str::<ProposalVersion>(&json).unwrap(), v);
    let old = r#"{"id":"v1","deal":"d","template":"t","created_at":"2026-03-02T09:00:00Z","x":1}"#;
    let old: ProposalVersion = crate::json::from_str(old).unwrap();
    assert_eq!((old.number, old.locale, old.totals), (0, Locale::En, None));
}

#[test]
fn compare_shows_added_and_removed_lines() {
    let a = version(1, "deal-1", "# Proposal\nPrice: 100\nValid 30 days\nThanks");
    let b = version(
        2,
        "deal-1",
        "# Proposal\nPrice: 90\nValid 30 days\nPilot first\nThanks",
    );
    let same = |s: &str| LineDiff::Same(s.into());
    assert_eq!(
        compare(&a, &b).unwrap(),
        [
            same("# Proposal"),
            LineDiff::Removed("Price: 100".into()),
            LineDiff::Added("Price: 90".into()),
            same("Valid 30 days"),
            LineDiff::Added("Pilot first".into()),
            same("Thanks"),
        ]
    );
    assert!(compare(&a, &a)
        .unwrap()
        .iter()
        .all(|l| matches!(l, LineDiff::Same(_))));
    assert_eq!(
        compare_text("", "x").unwrap(),
        [LineDiff::Added("x".into())]
    );
    assert_eq!(
        compare_text("x", "").unwrap(),
        [LineDiff::Removed("x".into())]
    );
}

#[test]
fn versions_too_long_to_compare_are_reported_not_compared() {
    let long = "line\n".repeat(MAX_COMPARE_LINES + 1);
    assert_eq!(
        compare_text(&long, "line"),
        Err(TooLongToCompare {
            lines: MAX_COMPARE_LINES + 1,
            limit: MAX_COMPARE_LINES
        })
    );
    // At the limit, with every line different, it still answers.
    let a: String = (0..MAX_COMPARE_LINES).map(|i| format!("a{i}\n")).collect();
    let b: String = (0..MAX_COMPARE_LINES).map(|i| format!("b{i}\n")).collect();
    assert_eq!(compare_text(&a, &b).unwrap().len(), 2 * MAX_COMPARE_LINES);
}
