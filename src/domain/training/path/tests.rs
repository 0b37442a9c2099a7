use super::*;
use crate::domain::training::fixtures::{date, id};

const PATH_JSON: &str = r#"{
  "id": "new-rep",
  "name": {"en": "New rep onboarding", "zh": "新人上岗"},
  "modules": [
    {"id": "week-1", "items": [
      {"id": "read-stages", "kind": {"type": "read", "target": "stage:lead_development"}},
      {"id": "read-script", "kind": {"type": "read", "target": "script:first-call"}},
      {"id": "bant-quiz", "kind": {"type": "quiz", "pass_mark": 50, "questions": [
        {"type": "choice", "options": [{"en": "Budget"}, {"en": "Colour"}], "correct": [0]},
        {"type": "short_answer", "accepted": [{"en": "24 hours", "zh": "24小时"}]}
      ]}}
    ]},
    {"id": "week-2", "items": [
      {"id": "cards", "kind": {"type": "practice", "cards": 20}},
      {"id": "vr-hologram", "kind": {"type": "vr_roleplay", "room": 3}},
      {"id": "first-drill", "kind": {"type": "drill", "scenario": "price-objection"}}
    ]}
  ]
}"#;

fn path() -> Path {
    crate::json::from_str(PATH_JSON).unwrap()
}

fn ids(names: &[&str]) -> Vec<Id> {
    names.iter().map(|n| id(n)).collect()
}

#[test]
fn a_path_reads_every_item_kind_from_json() {
    let p = path();
    let kinds: Vec<&ItemKind> = p
        .modules
        .iter()
        .flat_map(|m| &m.items)
        .map(|i| &i.kind)
        .collect();
    assert_eq!(
        kinds[0],
        &ItemKind::Read {
            target: "stage:lead_development".into()
        }
    );
    let ItemKind::Quiz(quiz) = kinds[2] else {
        panic!("not a quiz: {:?}", kinds[2]);
    };
    assert_eq!((quiz.pass_mark, quiz.questions.len()), (50, 2));
    assert_eq!(kinds[3], &ItemKind::Practice { cards: 20 });
    assert_eq!(
        kinds[5],
        &ItemKind::Drill {
            scenario: "price-objection".into(),
            pass_mark: crate::domain::training::rubric::DEFAULT_PASS_MARK
        }
    );
    let again: Path = crate::json::from_str(&crate::json::to_string(&p)).unwrap();
    assert_eq!(again, p);
}

#[test]
fn an_item_kind_from_a_newer_version_reads_as_unknown() {
    let p = path();
    assert_eq!(p.modules[1].items[1].kind, ItemKind::Unknown);
    let bare: Item = crate::json::from_str(r#"{"id":"x"}"#).unwrap();
    assert_eq!(bare.kind, ItemKind::Unknown);
}

#[test]
fn progress_counts_done_items_per_module_and_for_the_path() {
    let p = path();
    let done = ids(&["read-stages", "bant-quiz", "cards", "not-in-path"]);
    assert_eq!(p.modules[0].progress(&done), Progress { done: 2, total: 3 });
    assert_eq!(p.modules[0].progress(&done).percent(), 67);
    // The unknown item is left out: 1 of 2, not 1 of 3.
    assert_eq!(p.modules[1].progress(&done), Progress { done: 1, total: 2 });
    assert_eq!(p.progress(&done), Progress { done: 3, total: 5 });
    assert_eq!(p.progress(&done).percent(), 60);
    assert_eq!(p.progress(&[]).percent(), 0);
}

#[test]
fn the_next_item_is_the_first_not_done_in_path_order() {
    let p = path();
    let next = |done: &[&str]| {
        p.next_item(&ids(done))
            .map(|(m, i)| (m.id.to_string(), i.id.to_string()))
    };
    assert_eq!(next(&[]), Some(("week-1".into(), "read-stages".into())));
    assert_eq!(
        next(&["read-stages", "bant-quiz"]),
        Some(("week-1".into(), "read-script".into()))
    );
    let week_1 = ["read-stages", "read-script", "bant-quiz", "cards"];
    assert_eq!(next(&week_1), Some(("week-2".into(), "first-drill".into())));
}

#[test]
fn the_certificate_needs_every_item_done() {
    let p = path();
    let mut done = ids(&["read-stages", "read-script", "bant-quiz", "cards"]);
    assert!(!p.certificate_eligible(&done));
    done.push(id("first-drill"));
    assert!(p.certificate_eligible(&done));
    assert_eq!(p.next_item(&done), None);
    let empty = Path {
        modules: vec![],
        ..path()
    };
    assert!(!empty.certificate_eligible(&[]));
}

#[test]
fn days_since_start_count_calendar_days() {
    assert_eq!(days_since_start(date(2026, 3, 2), date(2026, 3, 2)), 0);
    assert_eq!(days_since_start(date(2026, 1, 31), date(2026, 3, 1)), 29);
    assert_eq!(days_since_start(date(2028, 2, 28), date(2028, 3, 1)), 2);
    assert_eq!(
        days_since_start(date(2027, 12, 31), date(2028, 12, 31)),
        366
    );
    assert_eq!(days_since_start(date(2026, 3, 9), date(2026, 3, 2)), 0);
}

#[test]
fn read_references_name_the_part_of_the_playbook() {
    assert_eq!(
        Target::parse("stage:lead_development"),
        Target::Stage("lead_development")
    );
    assert_eq!(
        Target::parse("script: first-call "),
        Target::Script("first-call")
    );
    assert_eq!(Target::parse("checklist:bant"), Target::Checklist("bant"));
    assert_eq!(
        Target::parse("objection:too-expensive"),
        Target::Objection("too-expensive")
    );
    for other in ["video:intro", "stage:", "lead_development"] {
        assert_eq!(Target::parse(other), Target::Other(other));
    }
}

#[test]
fn the_sample_path_is_valid() {
    assert_eq!(validate(&path()), []);
}

#[test]
fn validation_names_what_a_trainer_must_fix() {
    let mut p = path();
    p.modules[1].id = id("week-1");
    p.modules[1].items[0].id = id("read-stages");
    p.modules[1].items[2].kind = ItemKind::Drill {
        scenario: String::new(),
        pass_mark: 120,
    };
    if let ItemKind::Quiz(q) = &mut p.modules[0].items[2].kind {
        q.questions.push(Question::Choice {
            prompt: LocalizedText::default(),
            options: vec![],
            correct: vec![0],
        });
    }
    p.modules.push(Module {
        id: id("week-3"),
        name: LocalizedText::default(),
        items: vec![Item {
            id: id("quiz-2"),
            name: LocalizedText::default(),
            kind: ItemKind::Quiz(Quiz {
                questions: vec![],
                pass_mark: 80,
            }),
        }],
    });
    p.modules.push(Module {
        id: id("week-4"),
        name: LocalizedText::default(),
        items: vec![],
    });
    assert_eq!(
        validate(&p),
        [
            PathIssue::DuplicateModule {
                module: id("week-1")
            },
            PathIssue::EmptyModule {
                module: id("week-4")
            },
            PathIssue::UnanswerableQuestion {
                item: id("bant-quiz"),
                question: 3
            },
            PathIssue::DuplicateItem {
                item: id("read-stages")
            },
            PathIssue::PassMarkAbove100 {
                item: id("first-drill"),
                pass_mark: 120
            },
            PathIssue::EmptyQuiz { item: id("quiz-2") },
        ]
    );
}
