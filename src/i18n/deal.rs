//! Words for a lead: its grade, status, source, class, grading signals, deadlines and the
//! entries of its history.

use super::{fill, stage_name, Texts};
use crate::domain::clock::{DueKind, DueState};
use crate::domain::deal::{CustomerClass, Deal, Grade, Source, Status};
use crate::domain::deal_list::{Filter, Found, Sort};
use crate::domain::grading::{self, GradingRules, Level, Signal as GradingSignal};
use crate::domain::playbook::StageKind;
use crate::domain::timeline::EventKind;

/// The label of a lead grade.
pub fn grade_name(t: &Texts, grade: Grade) -> &'static str {
    match grade {
        Grade::A => t.grade_a,
        Grade::B => t.grade_b,
        Grade::C => t.grade_c,
    }
}

/// The CSS class and label of a deadline's badge; `None` when it needs no badge (not due yet,
/// or done).
pub fn due_badge(t: &Texts, state: DueState) -> Option<(&'static str, &'static str)> {
    match state {
        DueState::Overdue => Some(("due overdue", t.badge_overdue)),
        DueState::DueSoon => Some(("due soon", t.badge_due_soon)),
        DueState::NotDue | DueState::Done => None,
    }
}

/// What a deadline is for: the first follow-up or the next action.
pub fn due_kind_name(t: &Texts, kind: DueKind) -> &'static str {
    match kind {
        DueKind::FirstFollowUp => t.due_first_follow_up,
        DueKind::NextAction => t.next_action,
    }
}

/// The label of a lead status.
pub fn status_name(t: &Texts, status: Status) -> &'static str {
    match status {
        Status::ToFollowUp => t.status_to_follow_up,
        Status::Following => t.status_following,
        Status::Converted => t.status_converted,
        Status::Lost => t.status_lost,
    }
}

/// The line above the lead list: how many leads there are, or how many of `all` the search
/// `query` and the `filter` found (the list is narrowed when the query has more than spaces
/// or a filter is set), and whether only the first ones are drawn.
pub fn list_summary(t: &Texts, all: usize, found: &Found, query: &str, filter: &Filter) -> String {
    let filtered = filter.is_set();
    let narrowed = filtered || !query.trim().is_empty();
    let n = all.to_string();
    let mut summary = if !narrowed && all == 1 {
        t.deals_count_one.to_owned()
    } else if !narrowed {
        fill(t.deals_count, &[("n", &n)])
    } else if found.total == 0 && filtered {
        t.deals_none_filtered.to_owned()
    } else if found.total == 0 {
        t.deals_none_match.to_owned()
    } else {
        fill(
            t.deals_matching,
            &[("m", &found.total.to_string()), ("n", &n)],
        )
    };
    if found.total > found.shown.len() {
        summary.push(' ');
        summary.push_str(&fill(
            t.deals_shown,
            &[("shown", &found.shown.len().to_string())],
        ));
    }
    summary
}

/// What the toast says of leads given new numbers because an earlier lead had theirs, each
/// `(old number, customer, new number)` in the order the numbers were given: the lead itself
/// when there is one, else how many and the range of their new numbers.
pub fn renumbered(t: &Texts, leads: &[(String, String, String)]) -> Option<String> {
    match leads {
        [] => None,
        [(old, name, new)] => Some(fill(
            t.lead_renumbered,
            &[("old", old), ("name", name), ("new", new)],
        )),
        [(_, _, first), .., (_, _, last)] => Some(fill(
            t.leads_renumbered,
            &[
                ("n", &leads.len().to_string()),
                ("first", first),
                ("last", last),
            ],
        )),
    }
}

/// The name of an order of the lead list.
pub fn sort_name(t: &Texts, sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => t.sort_newest,
        Sort::Customer => t.sort_customer,
        Sort::Number => t.sort_number,
        Sort::Grade => t.grade,
        Sort::Stage => t.deal_stage,
        Sort::NextAction => t.sort_next_action,
    }
}

/// The name of a lead source.
pub fn source_name(t: &Texts, source: Source) -> &'static str {
    match source {
        Source::TradeShow => t.source_trade_show,
        Source::Website => t.source_website,
        Source::Referral => t.source_referral,
        Source::Other => t.source_other,
    }
}

pub fn signal_name(t: &Texts, signal: GradingSignal) -> &'static str {
    match signal {
        GradingSignal::Need => t.signal_need,
        GradingSignal::Intent => t.signal_intent,
        GradingSignal::Timeline => t.signal_timeline,
        GradingSignal::Budget => t.signal_budget,
        GradingSignal::Authority => t.signal_authority,
    }
}

pub fn level_name(t: &Texts, level: Level) -> &'static str {
    match level {
        Level::Unknown => t.level_unknown,
        Level::Low => t.level_low,
        Level::Medium => t.level_medium,
        Level::High => t.level_high,
    }
}

pub fn class_name(t: &Texts, class: CustomerClass) -> &'static str {
    match class {
        CustomerClass::HighValue => t.class_high_value,
        CustomerClass::Potential => t.class_potential,
        CustomerClass::General => t.class_general,
    }
}

/// What a history entry says happened, in one line; a call's or note's text is not part of it.
pub fn event_label(t: &Texts, kind: &EventKind) -> String {
    let stage = |s: Option<StageKind>| s.map_or(t.no_stage, |s| stage_name(t, s));
    let change = |text, from, to| fill(text, &[("from", from), ("to", to)]);
    match kind {
        EventKind::Created => t.event_created.into(),
        EventKind::Call { .. } => t.event_call.into(),
        EventKind::LiveCall {
            script, seconds, ..
        } => fill(
            t.event_live_call,
            &[
                ("script", script),
                ("duration", &crate::domain::call::duration_text(*seconds)),
            ],
        ),
        EventKind::Note { .. } => t.event_note.into(),
        EventKind::FollowUp => t.event_follow_up.into(),
        EventKind::StageChanged { from, to } => change(t.event_stage, stage(*from), stage(*to)),
        EventKind::StatusChanged { from, to } => {
            change(t.event_status, status_name(t, *from), status_name(t, *to))
        }
        EventKind::GradeChanged { from, to } => change(t.event_grade, from.code(), to.code()),
        EventKind::ProposalSent { template } => fill(t.event_proposal, &[("template", template)]),
        EventKind::DemoHeld { .. } => t.event_demo.into(),
        EventKind::Unknown => t.event_unknown.into(),
    }
}

/// What the grading rules make of a lead, and the rep's grade when it differs: "The rules
/// suggest A (18 of 22 points). Set by the rep: B."
pub fn grade_suggestion(t: &Texts, deal: &Deal, rules: &GradingRules) -> String {
    let points = rules.points(&deal.signals).to_string();
    let max = rules.max_points().to_string();
    let suggested = deal.suggested_grade(rules);
    let mut text = fill(
        t.grade_suggested,
        &[
            ("grade", suggested.code()),
            ("points", &points),
            ("max", &max),
        ],
    );
    if grading::is_overridden(suggested, deal.grade_override) {
        text.push(' ');
        text.push_str(&fill(t.grade_overridden, &[("grade", deal.grade.code())]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ZH};

    #[test]
    fn renumbered_leads_are_named_alone_and_counted_together() {
        let lead = |old: &str, name: &str, new: &str| (old.into(), name.into(), new.into());
        assert_eq!(renumbered(&EN, &[]), None);
        assert_eq!(
            renumbered(&EN, &[lead("L-0002", "Bolt Works", "L-0007")]).unwrap(),
            "An earlier lead has the number L-0002 too, so “Bolt Works” is now L-0007."
        );
        let three = [
            lead("L-0001", "A", "L-0031"),
            lead("L-0002", "B", "L-0032"),
            lead("L-0001", "C", "L-0033"),
        ];
        assert_eq!(
            renumbered(&EN, &three).unwrap(),
            "3 leads had numbers that earlier leads have, so they now have new numbers, L-0031 to L-0033."
        );
        assert_eq!(
            renumbered(&ZH, &three).unwrap(),
            "3 条线索的编号与更早的线索相同，已改用新编号 L-0031 至 L-0033。"
        );
    }

    #[test]
    fn the_list_summary_counts_matches_and_says_why_none_match() {
        let at = chrono::DateTime::UNIX_EPOCH;
        let deals: Vec<Deal> = ["Bolt Works", "Cedar Law"]
            .iter()
            .enumerate()
            .map(|(i, c)| Deal::new(crate::domain::Id::generate(i as i64, 1), c, &[], at).unwrap())
            .collect();
        let rows = crate::domain::deal_list::rows(&deals);
        let found = |total, shown| Found {
            shown: rows.iter().take(shown).collect(),
            total,
        };
        let (none, grade_a) = (
            Filter::default(),
            Filter {
                grade: Some(Grade::A),
                ..Filter::default()
            },
        );
        assert_eq!(list_summary(&EN, 1, &found(1, 1), "", &none), "1 lead.");
        assert_eq!(
            list_summary(&EN, 2, &found(2, 2), " ", &none),
            "2 leads.",
            "spaces narrow nothing"
        );
        assert_eq!(
            list_summary(&ZH, 2, &found(2, 2), "", &none),
            "共 2 条线索。"
        );
        assert_eq!(
            list_summary(&EN, 2, &found(1, 1), "", &grade_a),
            "1 of 2 leads match."
        );
        assert_eq!(
            list_summary(&EN, 2, &found(2, 2), "", &grade_a),
            "2 of 2 leads match.",
            "a filter that keeps every lead still says it is in use"
        );
        assert_eq!(
            list_summary(&EN, 2, &found(0, 0), "bolt", &grade_a),
            "No lead matches these filters."
        );
        assert!(list_summary(&EN, 2, &found(0, 0), "zz", &none).starts_with("No lead matches. Try"));
        assert_eq!(
            list_summary(&EN, 300, &found(250, 2), "cu", &none),
            "250 of 300 leads match. The first 2 are shown; type more to narrow the list."
        );
    }

    #[test]
    fn history_entries_name_what_changed_in_each_language() {
        let stage = EventKind::StageChanged {
            from: None,
            to: Some(StageKind::NeedsAnalysis),
        };
        assert_eq!(
            event_label(&EN, &stage),
            "Stage: No stage → Needs analysis and solution design"
        );
        assert_eq!(
            event_label(&ZH, &stage),
            "阶段：未设阶段 → 需求分析与方案定制"
        );
        let status = EventKind::StatusChanged {
            from: Status::Following,
            to: Status::Converted,
        };
        assert_eq!(event_label(&ZH, &status), "状态：跟进中 → 转化");
        let grade = EventKind::GradeChanged {
            from: Grade::C,
            to: Grade::A,
        };
        assert_eq!(event_label(&EN, &grade), "Grade: C → A");
        let sent = EventKind::ProposalSent {
            template: "SaaS".into(),
        };
        assert_eq!(event_label(&EN, &sent), "Proposal sent: SaaS");
        let call = EventKind::Call {
            note: "said yes".into(),
        };
        assert_eq!(event_label(&ZH, &call), "通话", "the note is shown apart");
    }

    #[test]
    fn the_grade_suggestion_names_the_points_and_an_override() {
        use crate::domain::Id;
        let rules = GradingRules::default();
        let at = chrono::DateTime::UNIX_EPOCH;
        let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at).unwrap();
        assert_eq!(
            grade_suggestion(&EN, &d, &rules),
            "The rules suggest C (0 of 22 points)."
        );
        for (s, l) in [
            (GradingSignal::Need, Level::High),
            (GradingSignal::Intent, Level::High),
            (GradingSignal::Timeline, Level::High),
            (GradingSignal::Budget, Level::Medium),
        ] {
            d.set_signal(s, l, &rules);
        }
        d.override_grade(Some(Grade::B), &rules);
        assert_eq!(
            grade_suggestion(&EN, &d, &rules),
            "The rules suggest A (18 of 22 points). Set by the rep: B."
        );
        d.override_grade(None, &rules);
        assert_eq!(
            grade_suggestion(&ZH, &d, &rules),
            "规则建议分级：A（18/22 分）。"
        );
    }
}
