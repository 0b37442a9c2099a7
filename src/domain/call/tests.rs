use super::*;
use crate::domain::deal::Deal;
use crate::domain::playbook::Industry;
use chrono::{Duration, NaiveDate, TimeZone};

fn at(h: u32, m: u32, s: u32) -> Timestamp {
    chrono::Utc.with_ymd_and_hms(2026, 3, 2, h, m, s).unwrap()
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// The default playbook's scripts and fields.
fn playbook() -> Playbook {
    use crate::json::from_str;
    Playbook {
        fields: from_str(include_str!("../../../content/default/fields.json")).unwrap(),
        scripts: from_str(include_str!("../../../content/default/scripts.json")).unwrap(),
        ..Playbook::default()
    }
}

fn lead(industry: Industry, stage: Option<StageKind>) -> Deal {
    let mut d = Deal::new(id("deal-1"), "Acme", &[], at(9, 0, 0)).unwrap();
    d.industry = industry;
    d.stage = stage;
    d
}

fn suggested(p: &Playbook, deal: &Deal) -> String {
    suggest_script(p, deal).unwrap().id.as_str().to_owned()
}

#[test]
fn the_suggested_script_serves_the_deals_stage() {
    let p = playbook();
    let new_lead = lead(Industry::Retail, Some(StageKind::LeadDevelopment));
    assert_eq!(suggested(&p, &new_lead), "script-first-contact");
    let discovery = lead(Industry::Retail, Some(StageKind::NeedsAnalysis));
    assert_eq!(suggested(&p, &discovery), "script-discovery-meeting");
    let quote = lead(Industry::Generic, Some(StageKind::QuoteAndContract));
    assert_eq!(suggested(&p, &quote), "script-quote-presentation");
    // A deal without a stage is a lead being developed.
    assert_eq!(
        suggested(&p, &lead(Industry::Generic, None)),
        "script-first-contact"
    );
}

#[test]
fn a_script_written_for_the_deals_industry_comes_before_a_general_one() {
    let mut p = playbook();
    let mut retail = p.scripts[0].clone();
    retail.id = id("script-retail-opening");
    retail.industries = vec![Industry::Retail];
    p.scripts.push(retail);
    let shop = lead(Industry::Retail, Some(StageKind::LeadDevelopment));
    assert_eq!(suggested(&p, &shop), "script-retail-opening");
    let plant = lead(Industry::Manufacturing, Some(StageKind::LeadDevelopment));
    assert_eq!(suggested(&p, &plant), "script-first-contact");
    // Only a script for another industry serves the stage: it is still offered.
    p.scripts
        .retain(|s| s.stage != StageKind::LeadDevelopment || !s.industries.is_empty());
    assert_eq!(suggested(&p, &plant), "script-retail-opening");
    // No script for the stage at all: the playbook's first.
    p.scripts.retain(|s| s.stage != StageKind::LeadDevelopment);
    assert_eq!(suggested(&p, &plant), p.scripts[0].id.as_str());
    assert!(suggest_script(&Playbook::default(), &plant).is_none());
}

/// A manufacturing call on the first-contact script up to the shutdown question: opening,
/// "go ahead" branch, current solution, pain, and the manufacturing-only question.
fn call_to_shutdown_question(p: &Playbook) -> (Call, Script) {
    let script = p.script(&id("script-first-contact")).unwrap().clone();
    let deal = lead(Industry::Manufacturing, None);
    let mut call = Call::start(&deal, &script, at(9, 0, 0)).unwrap();
    for choice in [0, 0, 0, 0, 0, 0] {
        call.walk.advance(&script, choice).unwrap();
    }
    assert_eq!(call.walk.current().unwrap().as_str(), "fc-mfg-shutdown");
    (call, script)
}

#[test]
fn the_fields_asked_are_those_of_the_questions_on_the_path_each_once() {
    let p = playbook();
    let (mut call, script) = call_to_shutdown_question(&p);
    let asked = ["current_solution", "pain", "compelling_event"];
    assert_eq!(call.asked_fields(&script), asked);
    // Back to the pain question and forward again: still each field once.
    call.walk.back();
    call.walk.back();
    call.walk.advance(&script, 0).unwrap();
    assert_eq!(call.asked_fields(&script), asked[..2]);
}

#[test]
fn the_summary_records_the_path_the_answers_on_it_the_notes_and_the_duration() {
    let p = playbook();
    let (mut call, script) = call_to_shutdown_question(&p);
    call.notes = "  Plant manager sounded keen.\n".into();
    let mut answers = Answers::new();
    answers.insert(
        "pain".into(),
        Answer::Text("Line stops cost 40 h a month".into()),
    );
    answers.insert(
        "compelling_event".into(),
        Answer::Date(NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()),
    );
    // Answered before, on no question of this call: not part of its summary.
    answers.insert("budget_allocated".into(), Answer::YesNo(true));
    let ended = at(9, 12, 5);
    let EventKind::LiveCall {
        script: title,
        seconds,
        path,
        answers: said,
        note,
    } = call.summary(&script, &p.fields, &answers, Locale::En, ended)
    else {
        panic!("not a live call");
    };
    assert_eq!(title, script.title.en);
    assert_eq!(seconds, 12 * 60 + 5);
    assert_eq!(path.len(), 7);
    let opening = script.step(&id("fc-open")).unwrap();
    assert_eq!(
        path[1],
        opening.text_for(Industry::Manufacturing, Locale::En)
    );
    assert_eq!(
        path[6],
        script.step(&id("fc-mfg-shutdown")).unwrap().text.en
    );
    let label = |name: &str| p.field_label(name, Locale::En);
    assert_eq!(
        said,
        [
            format!("{}: Line stops cost 40 h a month", label("pain")),
            format!("{}: 1 August 2026", label("compelling_event")),
        ]
    );
    assert_eq!(note, "Plant manager sounded keen.");
    // In Chinese, the same call reads in Chinese.
    let zh = call.summary(&script, &p.fields, &answers, Locale::ZhCn, ended);
    let EventKind::LiveCall { path, answers, .. } = zh else {
        panic!("not a live call");
    };
    assert_eq!(path[0], script.step(&id("fc-prepare")).unwrap().text.zh);
    assert!(answers[1].ends_with("2026年8月1日"), "{answers:?}");
}

#[test]
fn a_call_counts_its_seconds_and_never_below_zero() {
    let p = playbook();
    let (call, _) = call_to_shutdown_question(&p);
    assert_eq!(call.seconds(at(9, 0, 59)), 59);
    assert_eq!(call.seconds(at(8, 59, 0)), 0);
    assert_eq!(call.seconds(at(9, 0, 0) + Duration::hours(2)), 7200);
}

#[test]
fn a_call_resumes_from_what_the_tab_kept() {
    let p = playbook();
    let (mut call, _) = call_to_shutdown_question(&p);
    call.notes = "引用 \"quotes\"".into();
    call.closing = true;
    let text = crate::json::to_string(&call);
    assert_eq!(crate::json::from_str::<Call>(&text).unwrap(), call);
}

#[test]
fn the_next_action_is_prefilled_from_the_agreed_next_step_and_its_date() {
    let mut answers = Answers::new();
    assert_eq!(
        next_action_prefill(&answers),
        (String::new(), String::new())
    );
    answers.insert("next_step".into(), Answer::Text("Site visit".into()));
    answers.insert(
        "next_step_date".into(),
        Answer::Date(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()),
    );
    let filled = next_action_prefill(&answers);
    assert_eq!(filled, ("Site visit".into(), "2026-03-09T09:00".into()));
}

#[test]
fn durations_read_as_a_timer_shows_them() {
    assert_eq!(duration_text(0), "0:00");
    assert_eq!(duration_text(65), "1:05");
    assert_eq!(duration_text(3599), "59:59");
    assert_eq!(duration_text(3723), "1:02:03");
}
