use super::fixtures::*;
use super::*;
use crate::domain::playbook::StageKind;

fn stage_entity(key: &str, en: &str) -> Entity {
    Entity::Stage(stage(key, StageKind::Delivery, en, ""))
}

fn stage_names(p: &Playbook) -> Vec<&str> {
    p.stages.iter().map(|s| s.name.en.as_str()).collect()
}

#[test]
fn part_codes_match_the_stored_form_and_the_playbook_keys() {
    let playbook = crate::json::to_value(&sample());
    for part in Part::ALL {
        assert_eq!(
            crate::json::to_string(&part),
            format!("\"{}\"", part.code())
        );
        assert_eq!(Part::from_code(part.code()), Some(part));
        assert!(playbook.get(part.code()).is_some(), "{part}");
        assert_eq!(entities(&sample(), part).len(), keys(&sample(), part).len());
        assert!(entities(&sample(), part).iter().all(|e| e.part() == part));
    }
    assert_eq!(Part::from_code("Stages"), None);
}

#[test]
fn entity_keys_and_names_come_from_the_entity() {
    let p = sample();
    let script = find(&p, Part::Script, "first-contact").unwrap();
    assert_eq!(script.name().zh, "首次客户沟通");
    let objection = find(&p, Part::Objection, "too-expensive").unwrap();
    assert_eq!(objection.name().en, "It's too expensive.");
    let field = find(&p, Part::Field, "budget_range").unwrap();
    assert_eq!(field.key(), "budget_range");
    assert!(find(&p, Part::Field, "first-contact").is_none());
}

#[test]
fn an_entry_round_trips_through_json_externally_tagged() {
    let entry = OverlayEntry {
        edit: Edit::Put(stage_entity("won", "Won")),
        imported: true,
    };
    let json = crate::json::to_string(&entry);
    assert!(json.contains(r#""put":{"stage":{"#), "{json}");
    assert_eq!(crate::json::from_str::<OverlayEntry>(&json).unwrap(), entry);
    let deleted: OverlayEntry = crate::json::from_str(r#"{"edit":"deleted"}"#).unwrap();
    assert_eq!(deleted.edit, Edit::Deleted);
    assert!(!deleted.imported);
}

#[test]
fn the_effective_playbook_of_an_empty_overlay_is_the_default() {
    assert_eq!(effective(&sample(), &Overlay::default()), sample());
}

#[test]
fn a_put_entity_replaces_the_default_one_in_place() {
    let mut overlay = Overlay::default();
    overlay.put(stage_entity("leads", "Prospecting"));
    let p = effective(&sample(), &overlay);
    assert_eq!(stage_names(&p), ["Prospecting", "Needs"]);
    assert!(overlay.is_edited(Part::Stage, "leads"));
    assert!(!overlay.get(Part::Stage, "leads").unwrap().imported);
    assert!(!overlay.is_edited(Part::Stage, "needs"));
    assert_eq!(p.scripts, sample().scripts);
}

#[test]
fn new_entities_are_appended_after_the_default_ones_in_key_order() {
    let mut overlay = Overlay::default();
    overlay.put(stage_entity("zeta", "Zeta"));
    overlay.put(stage_entity("alpha", "Alpha"));
    let p = effective(&sample(), &overlay);
    assert_eq!(stage_names(&p), ["Leads", "Needs", "Alpha", "Zeta"]);
}

#[test]
fn a_deleted_entity_is_hidden_and_restore_brings_the_default_back() {
    let mut overlay = Overlay::default();
    overlay.put(Entity::Objection(objection("too-expensive", "Edited", "")));
    overlay.delete(Part::Objection, "too-expensive");
    let p = effective(&sample(), &overlay);
    assert_eq!(p.objections.len(), 1);
    assert_eq!(p.objections[0].id.as_str(), "next-quarter");
    assert!(overlay.is_edited(Part::Objection, "too-expensive"));

    overlay.restore(Part::Objection, "too-expensive");
    assert!(!overlay.is_edited(Part::Objection, "too-expensive"));
    assert_eq!(effective(&sample(), &overlay), sample());
}

#[test]
fn restoring_an_added_entity_removes_it() {
    let mut overlay = Overlay::default();
    overlay.put(stage_entity("won", "Won"));
    overlay.restore(Part::Stage, "won");
    assert_eq!(effective(&sample(), &overlay), sample());
}

#[test]
fn an_entry_whose_entity_does_not_match_its_key_is_ignored() {
    let mut overlay = Overlay::default();
    let entry = OverlayEntry {
        edit: Edit::Put(stage_entity("other", "Other")),
        imported: false,
    };
    overlay.entries.insert((Part::Stage, "leads".into()), entry);
    assert_eq!(effective(&sample(), &overlay), sample());
}

#[test]
fn the_stored_order_is_applied_and_unlisted_keys_follow_in_their_own_order() {
    let mut overlay = Overlay::default();
    overlay.put(stage_entity("won", "Won"));
    overlay
        .order
        .insert(Part::Stage, vec!["needs".into(), "gone".into()]);
    let p = effective(&sample(), &overlay);
    assert_eq!(stage_names(&p), ["Needs", "Leads", "Won"]);
}

#[test]
fn moving_an_item_stores_the_full_order() {
    let mut overlay = Overlay::default();
    overlay.put(stage_entity("won", "Won"));
    let base = keys(&sample(), Part::Stage);
    assert!(overlay.move_item(&base, Part::Stage, "won", -1));
    assert_eq!(
        overlay.order[&Part::Stage],
        ["leads".to_string(), "won".into(), "needs".into()]
    );
    assert_eq!(
        stage_names(&effective(&sample(), &overlay)),
        ["Leads", "Won", "Needs"]
    );
    // From the effective order the result is the same.
    let shown = keys(&effective(&sample(), &overlay), Part::Stage);
    assert!(overlay.move_item(&shown, Part::Stage, "won", -1));
    assert_eq!(
        stage_names(&effective(&sample(), &overlay)),
        ["Won", "Leads", "Needs"]
    );
}

#[test]
fn moving_past_an_edge_stops_there_and_at_the_edge_does_nothing() {
    let mut overlay = Overlay::default();
    let base = keys(&sample(), Part::Stage);
    assert!(!overlay.move_item(&base, Part::Stage, "leads", -1));
    assert!(!overlay.move_item(&base, Part::Stage, "needs", 1));
    assert!(!overlay.move_item(&base, Part::Stage, "nowhere", 1));
    assert!(overlay.order.is_empty());
    assert!(overlay.move_item(&base, Part::Stage, "leads", isize::MAX));
    assert_eq!(
        stage_names(&effective(&sample(), &overlay)),
        ["Needs", "Leads"]
    );
    assert!(overlay.move_item(&base, Part::Stage, "leads", isize::MIN));
    assert_eq!(
        stage_names(&effective(&sample(), &overlay)),
        ["Leads", "Needs"]
    );
    overlay.restore_order(Part::Stage);
    assert!(overlay.is_empty());
}

#[test]
fn moving_skips_deleted_entities() {
    let mut overlay = Overlay::default();
    overlay.put(stage_entity("won", "Won"));
    overlay.delete(Part::Stage, "needs");
    let base = keys(&sample(), Part::Stage);
    assert!(overlay.move_item(&base, Part::Stage, "won", -1));
    assert_eq!(
        overlay.order[&Part::Stage],
        ["won".to_string(), "leads".into()]
    );
}

#[test]
fn a_duplicate_gets_the_first_free_copy_key_and_a_marked_name() {
    let script = find(&sample(), Part::Script, "first-contact").unwrap();
    let copy = Overlay::duplicate(&script, &|_| false);
    assert_eq!(copy.key(), "first-contact-copy");
    assert_eq!(copy.name().en, "First contact (copy)");
    assert_eq!(copy.name().zh, "首次客户沟通（副本）");
    let (Entity::Script(original), Entity::Script(copied)) = (&script, &copy) else {
        panic!("not scripts");
    };
    assert_eq!(original.steps, copied.steps);

    let taken = |k: &str| ["first-contact-copy", "first-contact-copy-2"].contains(&k);
    assert_eq!(
        Overlay::duplicate(&script, &taken).key(),
        "first-contact-copy-3"
    );
    // A copy of a copy is numbered, not `-copy-copy`.
    let again = Overlay::duplicate(&copy, &|k| k == "first-contact-copy");
    assert_eq!(again.key(), "first-contact-copy-2");
}

#[test]
fn duplicate_keys_stay_valid_ids_and_field_names_even_when_long() {
    let long = "a".repeat(63) + "b";
    let stage = Entity::Stage(stage(&long, StageKind::Review, "", "复盘"));
    let taken = |k: &str| !k.ends_with("-copy-12");
    let copy = Overlay::duplicate(&stage, &taken);
    assert!(Id::parse(&copy.key()).is_ok(), "{}", copy.key());
    assert!(copy.key().ends_with("-copy-12"));
    assert_eq!(copy.name().en, "");
    assert_eq!(copy.name().zh, "复盘（副本）");

    let field = find(&sample(), Part::Field, "budget_range").unwrap();
    let copy = Overlay::duplicate(&field, &|k| k == "budget_range_copy");
    assert_eq!(copy.key(), "budget_range_copy_2");
    assert!(is_field_name(&copy.key()));
    let mut bad = field.clone();
    bad.set_key("预算".into());
    assert!(is_field_name(&Overlay::duplicate(&bad, &|_| false).key()));
}

#[test]
fn clear_removes_every_edit() {
    let mut overlay = Overlay::default();
    overlay.put(stage_entity("won", "Won"));
    overlay.delete(Part::Field, "pain");
    overlay.move_item(&keys(&sample(), Part::Stage), Part::Stage, "needs", -1);
    assert!(!overlay.is_empty());
    overlay.clear();
    assert_eq!(overlay, Overlay::default());
}
