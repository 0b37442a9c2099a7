use super::*;
use crate::domain::overlay::effective;
use crate::domain::overlay::fixtures::{objection, sample, stage};
use crate::domain::playbook::StageKind;
use chrono::TimeZone;

fn now() -> Timestamp {
    chrono::Utc.with_ymd_and_hms(2025, 3, 14, 9, 30, 0).unwrap()
}

fn pack_of(playbook: Playbook) -> Pack {
    export(&playbook, None, "Team pack", now())
}

/// A pack file with `playbook` as its (raw JSON) playbook.
fn file(playbook: &str) -> String {
    format!(
        r#"{{"format":"sales-playbook-pack","version":1,"name":"t",
                "exported_at":"2025-03-14T09:30:00Z","playbook":{playbook}}}"#
    )
}

fn one_stage() -> String {
    file(r#"{"stages":[{"id":"won","kind":"review","name":{"en":"Won"}}]}"#)
}

fn changes(plan: &[PlanItem]) -> Vec<(&str, Change)> {
    plan.iter().map(|i| (i.key.as_str(), i.change)).collect()
}

#[test]
fn an_exported_pack_parses_back_to_the_same_pack() {
    let pack = pack_of(sample());
    let json = to_json(&pack);
    assert!(
        json.contains("\n  \"format\": \"sales-playbook-pack\""),
        "{json}"
    );
    assert_eq!(parse(&json), Ok(pack.clone()));
    assert_eq!(to_json(&parse(&json).unwrap()), json);
    assert_eq!(pack.version, PACK_VERSION);
    assert_eq!(pack.exported_at, now());
}

#[test]
fn a_pack_saved_with_a_byte_order_mark_still_parses() {
    let pack = pack_of(sample());
    assert_eq!(parse(&format!("\u{feff}{}", to_json(&pack))), Ok(pack));
}

#[test]
fn the_default_playbook_exports_within_the_limits() {
    let default = crate::content::assemble(|part| {
        Some(
            match part {
                "stages" => include_str!("../../../content/default/stages.json"),
                "scripts" => include_str!("../../../content/default/scripts.json"),
                "objections" => include_str!("../../../content/default/objections.json"),
                "fields" => include_str!("../../../content/default/fields.json"),
                "checklists" => include_str!("../../../content/default/checklists.json"),
                "templates" => include_str!("../../../content/default/templates.json"),
                _ => return None,
            }
            .to_owned(),
        )
    })
    .unwrap();
    let pack = pack_of(default);
    assert_eq!(parse(&to_json(&pack)), Ok(pack));
}

#[test]
fn a_selection_exports_only_the_chosen_entities() {
    let selection: BTreeSet<(Part, String)> = [
        (Part::Script, "first-contact".to_string()),
        (Part::Field, "pain".to_string()),
        (Part::Stage, "not-there".to_string()),
    ]
    .into();
    let pack = export(&sample(), Some(&selection), "Calls", now());
    assert_eq!(pack.name, "Calls");
    assert_eq!(pack.playbook.scripts, sample().scripts);
    assert_eq!(pack.playbook.fields.len(), 1);
    assert_eq!(pack.playbook.fields[0].name, "pain");
    assert!(pack.playbook.stages.is_empty() && pack.playbook.checklists.is_empty());
}

#[test]
fn a_minimal_hand_written_pack_is_accepted() {
    let pack = parse(&one_stage()).unwrap();
    assert_eq!(pack.playbook.stages.len(), 1);
    assert_eq!(pack.playbook.stages[0].kind, StageKind::Review);
    let no_date = r#"{"format":"sales-playbook-pack","version":1,
            "playbook":{"fields":[{"name":"budget","kind":{"type":"text"},"label":{"en":"B"}}]}}"#;
    assert_eq!(parse(no_date).unwrap().playbook.fields[0].name, "budget");
}

#[test]
fn a_file_over_two_mebibytes_is_too_large() {
    let text = " ".repeat(MAX_PACK_BYTES + 1);
    assert_eq!(
        parse(&text),
        Err(PackError::TooLarge {
            bytes: MAX_PACK_BYTES + 1,
            max: MAX_PACK_BYTES
        })
    );
}

#[test]
fn truncated_json_is_not_json_with_its_position() {
    let json = to_json(&pack_of(sample()));
    let cut = &json[..json.len() / 2];
    let Err(PackError::NotJson { line, column }) = parse(cut) else {
        panic!("expected NotJson");
    };
    assert_eq!(line, cut.lines().count());
    assert!(column > 0);
    assert!(matches!(parse(""), Err(PackError::NotJson { .. })));
    assert!(matches!(
        parse("[".repeat(10_000).as_str()),
        Err(PackError::NotJson { .. })
    ));
}

#[test]
fn anything_without_the_pack_marker_or_a_version_is_not_a_pack() {
    let backup = one_stage().replace("sales-playbook-pack", "sales-playbook-backup");
    assert_eq!(parse(&backup), Err(PackError::NotAPack));
    for other in ["[]", "\"pack\"", "42", "null", "{}"] {
        assert_eq!(parse(other), Err(PackError::NotAPack), "{other}");
    }
    for version in ["0", "-1", "1.5", "\"1\"", "null"] {
        let text = one_stage().replace("\"version\":1", &format!("\"version\":{version}"));
        assert_eq!(parse(&text), Err(PackError::NotAPack), "{version}");
    }
    let no_version = one_stage().replace("\"version\":1,", "");
    assert_eq!(parse(&no_version), Err(PackError::NotAPack));
}

#[test]
fn a_pack_from_a_newer_version_says_so() {
    let text = one_stage().replace("\"version\":1", "\"version\":2");
    assert_eq!(
        parse(&text),
        Err(PackError::NewerVersion {
            found: 2,
            supported: 1
        })
    );
    let huge = one_stage().replace("\"version\":1", "\"version\":99999999999");
    assert_eq!(
        parse(&huge),
        Err(PackError::NewerVersion {
            found: u32::MAX,
            supported: 1
        })
    );
}

#[test]
fn a_script_of_the_wrong_shape_is_invalid_and_the_reason_names_the_place() {
    // `steps` must be a list, and a script needs a start step.
    let text = file(
        r#"{"scripts":[{"id":"call","title":{"en":"Call"},"stage":"delivery",
                "start":"open","steps":"open"}]}"#,
    );
    let Err(PackError::Invalid { reason }) = parse(&text) else {
        panic!("expected Invalid");
    };
    assert!(
        reason.ends_with("expected a sequence at playbook.scripts[0].steps"),
        "{reason}"
    );
    let bad_id = file(r#"{"stages":[{"id":"Won!","kind":"review","name":{}}]}"#);
    assert!(matches!(parse(&bad_id), Err(PackError::Invalid { .. })));
    let bad_field = file(r#"{"fields":[{"name":"Budget","kind":{"type":"text"},"label":{}}]}"#);
    assert!(matches!(parse(&bad_field), Err(PackError::Invalid { .. })));
    let not_a_playbook = file("\"everything\"");
    assert!(matches!(
        parse(&not_a_playbook),
        Err(PackError::Invalid { .. })
    ));
}

#[test]
fn two_entities_with_the_same_key_in_a_part_are_a_duplicate() {
    let mut playbook = sample();
    playbook
        .objections
        .push(objection("too-expensive", "Again", ""));
    // The same key in another part is fine.
    playbook
        .stages
        .push(stage("generic", StageKind::Review, "G", ""));
    assert_eq!(
        parse(&to_json(&pack_of(playbook))),
        Err(PackError::Duplicate {
            part: Part::Objection,
            key: "too-expensive".into()
        })
    );
}

#[test]
fn a_string_longer_than_the_limit_is_too_big_naming_the_entity() {
    let mut playbook = sample();
    playbook.objections[1].insight.zh = "长".repeat(MAX_STRING_CHARS + 1);
    assert_eq!(
        parse(&to_json(&pack_of(playbook.clone()))),
        Err(PackError::TooBig {
            part: Part::Objection,
            key: "too-expensive".into()
        })
    );
    // Exactly at the limit (in characters, not bytes) is accepted.
    playbook.objections[1].insight.zh = "长".repeat(MAX_STRING_CHARS);
    assert!(parse(&to_json(&pack_of(playbook))).is_ok());
    let long_name = pack_of(sample());
    let long_name = Pack {
        name: "n".repeat(MAX_STRING_CHARS + 1),
        ..long_name
    };
    assert!(matches!(
        parse(&to_json(&long_name)),
        Err(PackError::Invalid { .. })
    ));
}

#[test]
fn too_many_entities_in_a_part_is_too_big() {
    let items = vec![r#"{"id":"x"}"#; MAX_ENTITIES_PER_PART + 1].join(",");
    let text = file(&format!(r#"{{"objections":[{items}]}}"#));
    assert_eq!(
        parse(&text),
        Err(PackError::TooBig {
            part: Part::Objection,
            key: String::new()
        })
    );
}

#[test]
fn a_pack_with_nothing_in_it_is_empty() {
    assert_eq!(parse(&file("{}")), Err(PackError::Empty));
    let empty = file(r#"{"stages":[],"scripts":[],"fields":[]}"#);
    assert_eq!(parse(&empty), Err(PackError::Empty));
    let no_playbook = r#"{"format":"sales-playbook-pack","version":1}"#;
    assert_eq!(parse(no_playbook), Err(PackError::Empty));
    assert_eq!(
        parse(&to_json(&pack_of(Playbook::default()))),
        Err(PackError::Empty)
    );
}

#[test]
fn odd_input_gives_an_error_and_never_panics() {
    let samples = [
        "\u{feff}{}",
        "{\"format\":\"sales-playbook-pack\",\"version\":1,\"playbook\":{\"stages\":[1,2]}}",
        "{\"format\":\"sales-playbook-pack\",\"version\":1,\"playbook\":{\"stages\":{}}}",
        "{\"format\":\"sales-playbook-pack\",\"version\":1,\"name\":7}",
        "{\"format\":\"sales-playbook-pack\",\"version\":1,\"exported_at\":\"yesterday\"}",
        "\"\\ud800\"",
        "{\"format\":1}",
    ];
    for text in samples {
        assert!(parse(text).is_err(), "{text}");
    }
}

/// The pack changes the first objection, adds a stage, and keeps the rest as is.
fn team_pack() -> Pack {
    let mut theirs = sample();
    theirs.objections[0].insight.en = "They are not ready yet.".into();
    theirs
        .stages
        .push(stage("won", StageKind::Review, "Won", "赢单"));
    pack_of(theirs)
}

#[test]
fn the_plan_classifies_added_unchanged_and_updated_entities() {
    let plan = plan(&team_pack(), &sample(), &Overlay::default());
    let stages: Vec<_> = changes(&plan)
        .into_iter()
        .filter(|(k, _)| ["leads", "won"].contains(k))
        .collect();
    assert_eq!(
        stages,
        [("leads", Change::Unchanged), ("won", Change::Added)]
    );
    let objections: Vec<_> = plan.iter().filter(|i| i.part == Part::Objection).collect();
    assert_eq!(objections[0].key, "next-quarter");
    assert_eq!(objections[0].change, Change::Updated);
    assert_eq!(objections[0].name.en, "Call me next quarter.");
    assert_eq!(
        Summary::of(&plan),
        Summary {
            added: 1,
            updated: 1,
            conflicts: 0,
            unchanged: plan.len() - 2
        }
    );
}

#[test]
fn a_difference_from_a_local_edit_is_a_conflict_but_from_an_import_an_update() {
    let mut overlay = Overlay::default();
    let mut mine = sample().objections[0].clone();
    mine.responses
        .push(LocalizedText::new("Ask what changes then.", ""));
    overlay.put(Entity::Objection(mine));
    let current = effective(&sample(), &overlay);
    let plan = plan(&team_pack(), &current, &overlay);
    let item = plan.iter().find(|i| i.key == "next-quarter").unwrap();
    assert_eq!(item.change, Change::Conflict);
    assert_eq!(Summary::of(&plan).conflicts, 1);

    let earlier = overlay.entries.values_mut().next().unwrap();
    earlier.imported = true;
    let plan = super::plan(&team_pack(), &current, &overlay);
    let item = plan.iter().find(|i| i.key == "next-quarter").unwrap();
    assert_eq!(item.change, Change::Updated);
}

#[test]
fn an_entity_deleted_here_is_a_conflict_and_comes_back_only_when_taken() {
    let mut overlay = Overlay::default();
    overlay.delete(Part::Objection, "too-expensive");
    let current = effective(&sample(), &overlay);
    let pack = pack_of(sample());
    let plan = plan(&pack, &current, &overlay);
    let item = plan.iter().find(|i| i.key == "too-expensive").unwrap();
    assert_eq!(item.change, Change::Conflict);
    assert_eq!(Summary::of(&plan).conflicts, 1);
    assert!(apply(&pack, &plan, &|_, _| false, &mut overlay).is_empty());
    assert_eq!(effective(&sample(), &overlay).objections.len(), 1);
    let changed = apply(&pack, &plan, &|_, _| true, &mut overlay);
    assert_eq!(changed, [(Part::Objection, "too-expensive".to_string())]);
    assert_eq!(effective(&sample(), &overlay), sample());
}

#[test]
fn a_pack_equal_to_the_playbook_in_use_changes_nothing() {
    let plan = plan(&pack_of(sample()), &sample(), &Overlay::default());
    assert!(plan.iter().all(|i| i.change == Change::Unchanged));
    assert!(Summary::of(&plan).is_noop());
    let mut overlay = Overlay::default();
    let pack = pack_of(sample());
    assert!(apply(&pack, &plan, &|_, _| true, &mut overlay).is_empty());
    assert!(overlay.is_empty());
}

fn conflicted() -> (Overlay, Playbook, Pack, Vec<PlanItem>) {
    let mut overlay = Overlay::default();
    let mine = objection("next-quarter", "Not this quarter.", "");
    overlay.put(Entity::Objection(mine));
    let current = effective(&sample(), &overlay);
    let pack = team_pack();
    let plan = plan(&pack, &current, &overlay);
    (overlay, current, pack, plan)
}

#[test]
fn applying_with_keep_mine_leaves_the_local_edit_and_imports_the_rest() {
    let (mut overlay, _, pack, plan) = conflicted();
    let keep_mine = |_: Part, _: &str| Resolution::default() == Resolution::TakeTheirs;
    let changed = apply(&pack, &plan, &keep_mine, &mut overlay);
    assert_eq!(changed, [(Part::Stage, "won".to_string())]);
    let next_quarter = overlay.get(Part::Objection, "next-quarter").unwrap();
    assert!(!next_quarter.imported);
    assert!(overlay.get(Part::Stage, "won").unwrap().imported);
    let p = effective(&sample(), &overlay);
    assert_eq!(p.objections[0].objection.en, "Not this quarter.");
    assert_eq!(p.stages.last().unwrap().name.en, "Won");
}

#[test]
fn applying_with_take_theirs_replaces_the_local_edit() {
    let (mut overlay, _, pack, plan) = conflicted();
    let resolutions: BTreeMap<(Part, String), Resolution> = [(
        (Part::Objection, "next-quarter".to_string()),
        Resolution::TakeTheirs,
    )]
    .into();
    let take_theirs = |part: Part, key: &str| {
        resolutions.get(&(part, key.to_owned())) == Some(&Resolution::TakeTheirs)
    };
    let changed = apply(&pack, &plan, &take_theirs, &mut overlay);
    assert_eq!(
        changed,
        [
            (Part::Stage, "won".to_string()),
            (Part::Objection, "next-quarter".to_string())
        ]
    );
    assert!(
        overlay
            .get(Part::Objection, "next-quarter")
            .unwrap()
            .imported
    );
    let p = effective(&sample(), &overlay);
    assert_eq!(p.objections, team_pack().playbook.objections);
    // Importing the same pack again finds nothing to do.
    let again = super::plan(&pack, &p, &overlay);
    assert!(Summary::of(&again).is_noop());
    assert!(apply(&pack, &again, &|_, _| true, &mut overlay).is_empty());
}

#[test]
fn importing_an_exported_pack_onto_an_empty_base_gives_the_exported_playbook() {
    // New entities follow in key order, and the sample's keys are sorted in every part.
    let exported = sample();
    let pack = parse(&to_json(&pack_of(exported.clone()))).unwrap();
    let base = Playbook::default();
    let mut overlay = Overlay::default();
    let plan = plan(&pack, &base, &overlay);
    assert!(plan.iter().all(|i| i.change == Change::Added));
    let changed = apply(&pack, &plan, &|_, _| false, &mut overlay);
    assert_eq!(changed.len(), plan.len());
    assert_eq!(effective(&base, &overlay), exported);
}
