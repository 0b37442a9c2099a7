//! Playbook packs: versioned JSON files a trainer exports and a team imports.
//!
//! A pack holds a [`Playbook`] (all of it or a selection) in the same format as the default
//! content. Importing one is planned first: every entity is classified against the playbook in
//! use and the local edits, the user settles conflicts, and only then is the overlay changed.
//! A pack comes from outside, so [`parse`] checks it thoroughly and never panics.

use super::field::is_field_name;
use super::overlay::{entities, playbook_of, Edit, Entity, Overlay, Part};
use super::playbook::Playbook;
use super::{LocalizedText, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The `format` marker of a pack file.
pub const PACK_FORMAT: &str = "sales-playbook-pack";

/// The pack version this build writes and the newest it reads.
pub const PACK_VERSION: u32 = 1;

/// Largest pack accepted: the whole default playbook is well under 1 MiB.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

/// Most entities accepted in one part of a pack.
pub const MAX_ENTITIES_PER_PART: usize = 2_000;

/// Longest string accepted anywhere in a pack, in characters.
pub const MAX_STRING_CHARS: usize = 20_000;

/// A pack file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub format: String,
    pub version: u32,
    /// What the trainer called the pack.
    #[serde(default)]
    pub name: String,
    #[serde(default, with = "super::time::rfc3339")]
    pub exported_at: Timestamp,
    #[serde(default)]
    pub playbook: Playbook,
}

/// Why a file is not a pack that can be imported. The view puts these into words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("the file is {bytes} bytes; a pack is at most {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the file is not valid JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("the file is not a Sales Playbook pack")]
    NotAPack,
    #[error(
        "the pack was made by a newer version (pack version {found}; this app reads {supported})"
    )]
    NewerVersion { found: u32, supported: u32 },
    #[error("the pack is invalid: {reason}")]
    Invalid { reason: String },
    #[error("{part} has {key} twice")]
    Duplicate { part: Part, key: String },
    /// `key` is empty when the part has more than [`MAX_ENTITIES_PER_PART`] entities;
    /// otherwise it names the entity holding a string longer than [`MAX_STRING_CHARS`].
    #[error("{part} is too big at {key:?}")]
    TooBig { part: Part, key: String },
    #[error("the pack is empty")]
    Empty,
}

/// A pack of `playbook`: everything, or only the entities in `selection`.
pub fn export(
    playbook: &Playbook,
    selection: Option<&BTreeSet<(Part, String)>>,
    name: &str,
    now: Timestamp,
) -> Pack {
    let chosen = Part::ALL
        .into_iter()
        .flat_map(|part| entities(playbook, part))
        .filter(|e| selection.is_none_or(|s| s.contains(&(e.part(), e.key()))));
    Pack {
        format: PACK_FORMAT.into(),
        version: PACK_VERSION,
        name: name.into(),
        exported_at: now,
        playbook: playbook_of(chosen),
    }
}

/// The pack as a file: pretty-printed, with fields in a fixed order, so exporting the same
/// playbook twice gives the same text.
pub fn to_json(pack: &Pack) -> String {
    // Serializing these types cannot fail: every map key is a string. Pretty-printed through
    // a Value: `to_string_pretty(pack)` would compile a second copy of every entity's
    // Serialize code (one per formatter) into the wasm.
    let compact = serde_json::to_string(pack).unwrap_or_default();
    serde_json::from_str::<serde_json::Value>(&compact)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or(compact)
}

/// Reads and checks a pack file. The checks run in order: size, JSON syntax, the format
/// marker, the version, the limits (entities per part, string length), the shape of every
/// entity, unique keys and valid field names, and finally that there is something to import.
pub fn parse(text: &str) -> Result<Pack, PackError> {
    if text.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            bytes: text.len(),
            max: MAX_PACK_BYTES,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| PackError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(PACK_FORMAT) {
        return Err(PackError::NotAPack);
    }
    match value.get("version").and_then(Value::as_u64) {
        None | Some(0) => return Err(PackError::NotAPack),
        Some(v) if v > u64::from(PACK_VERSION) => {
            return Err(PackError::NewerVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
                supported: PACK_VERSION,
            })
        }
        Some(_) => {}
    }
    check_limits(&value)?;
    let pack: Pack = serde_json::from_str(text).map_err(|e| PackError::Invalid {
        reason: e.to_string(),
    })?;
    for part in Part::ALL {
        let mut seen = BTreeSet::new();
        for entity in entities(&pack.playbook, part) {
            let key = entity.key();
            if part == Part::Field && !is_field_name(&key) {
                return Err(PackError::Invalid {
                    reason: format!("{key:?} is not a valid field name"),
                });
            }
            if !seen.insert(key.clone()) {
                return Err(PackError::Duplicate { part, key });
            }
        }
    }
    if Part::ALL
        .into_iter()
        .all(|part| entities(&pack.playbook, part).is_empty())
    {
        return Err(PackError::Empty);
    }
    Ok(pack)
}

/// Rejects hostile sizes before the typed parse: too many entities in a part, or a string (a
/// value or an object key) longer than [`MAX_STRING_CHARS`] in an entity or the pack's name.
fn check_limits(pack: &Value) -> Result<(), PackError> {
    if pack.get("name").is_some_and(|n| !strings_fit(n)) {
        return Err(PackError::Invalid {
            reason: format!("the pack name is longer than {MAX_STRING_CHARS} characters"),
        });
    }
    let Some(playbook) = pack.get("playbook") else {
        return Ok(());
    };
    for part in Part::ALL {
        let Some(Value::Array(items)) = playbook.get(part.code()) else {
            continue;
        };
        if items.len() > MAX_ENTITIES_PER_PART {
            return Err(PackError::TooBig {
                part,
                key: String::new(),
            });
        }
        for (i, item) in items.iter().enumerate() {
            if !strings_fit(item) {
                let key = ["id", "name"]
                    .iter()
                    .find_map(|k| item.get(k).and_then(Value::as_str))
                    .map(|k| k.chars().take(64).collect())
                    .unwrap_or_else(|| format!("#{}", i + 1));
                return Err(PackError::TooBig { part, key });
            }
        }
    }
    Ok(())
}

/// Whether every string in `value` is at most [`MAX_STRING_CHARS`] long. Walks with a stack:
/// the nesting depth is whatever the file says.
fn strings_fit(value: &Value) -> bool {
    let fits = |s: &str| s.len() <= MAX_STRING_CHARS || s.chars().count() <= MAX_STRING_CHARS;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if !fits(s) => return false,
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                for (k, v) in map {
                    if !fits(k) {
                        return false;
                    }
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
    true
}

/// What importing a pack entity would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// Not in the playbook in use.
    Added,
    /// Different from the playbook in use, which nobody here edited (or which came from an
    /// earlier import): taking it loses nothing local.
    Updated,
    /// Different from a local edit: the user decides.
    Conflict,
    /// The same as the playbook in use.
    Unchanged,
}

/// One pack entity in an import plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    pub part: Part,
    pub key: String,
    /// The entity's name in the pack.
    pub name: LocalizedText,
    pub change: Change,
}

/// How many of each change a plan holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub conflicts: usize,
    pub unchanged: usize,
}

impl Summary {
    pub fn of(plan: &[PlanItem]) -> Summary {
        let mut s = Summary::default();
        for item in plan {
            match item.change {
                Change::Added => s.added += 1,
                Change::Updated => s.updated += 1,
                Change::Conflict => s.conflicts += 1,
                Change::Unchanged => s.unchanged += 1,
            }
        }
        s
    }

    /// Whether importing would change nothing.
    pub fn is_noop(&self) -> bool {
        self.added + self.updated + self.conflicts == 0
    }
}

/// The user's answer to a [`Change::Conflict`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Keep the local edit (the safe default).
    #[default]
    KeepMine,
    /// Replace it with the pack's entity.
    TakeTheirs,
}

/// Classifies every entity of `pack` against `current` (the effective playbook) and the local
/// edits in `overlay`, in pack order. An entity the user deleted here is a conflict too, so an
/// import never brings back what someone removed on purpose without asking.
pub fn plan(pack: &Pack, current: &Playbook, overlay: &Overlay) -> Vec<PlanItem> {
    let mut items = Vec::new();
    for part in Part::ALL {
        let existing: BTreeMap<String, Entity> = entities(current, part)
            .into_iter()
            .map(|e| (e.key(), e))
            .collect();
        for theirs in entities(&pack.playbook, part) {
            let key = theirs.key();
            let edited_here = overlay.get(part, &key).is_some_and(|e| !e.imported);
            let change = match existing.get(&key) {
                None if edited_here => Change::Conflict,
                None => Change::Added,
                Some(mine) if *mine == theirs => Change::Unchanged,
                Some(_) if edited_here => Change::Conflict,
                Some(_) => Change::Updated,
            };
            items.push(PlanItem {
                part,
                name: theirs.name(),
                key,
                change,
            });
        }
    }
    items
}

/// Imports the pack as `plan` says: added and updated entities go into the overlay marked as
/// imported, a conflict only where `take_theirs` says so, unchanged ones not at all. Returns
/// the keys whose overlay entries changed, for the caller to save.
pub fn apply(
    pack: &Pack,
    plan: &[PlanItem],
    take_theirs: &dyn Fn(Part, &str) -> bool,
    overlay: &mut Overlay,
) -> Vec<(Part, String)> {
    let mut theirs: BTreeMap<(Part, String), Entity> = Part::ALL
        .into_iter()
        .flat_map(|part| entities(&pack.playbook, part))
        .map(|e| ((e.part(), e.key()), e))
        .collect();
    let mut changed = Vec::new();
    for item in plan {
        let take = match item.change {
            Change::Added | Change::Updated => true,
            Change::Conflict => take_theirs(item.part, &item.key),
            Change::Unchanged => false,
        };
        let key = (item.part, item.key.clone());
        if let Some(entity) = take.then(|| theirs.remove(&key)).flatten() {
            let already = overlay.get(item.part, &item.key).is_some_and(|e| {
                e.imported && matches!(&e.edit, Edit::Put(mine) if *mine == entity)
            });
            if !already {
                overlay.put_imported(entity);
                changed.push(key);
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
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
    fn the_default_playbook_exports_within_the_limits() {
        let default = crate::content::assemble(|part| {
            Some(
                match part {
                    "stages" => include_str!("../../content/default/stages.json"),
                    "scripts" => include_str!("../../content/default/scripts.json"),
                    "objections" => include_str!("../../content/default/objections.json"),
                    "fields" => include_str!("../../content/default/fields.json"),
                    "checklists" => include_str!("../../content/default/checklists.json"),
                    "templates" => include_str!("../../content/default/templates.json"),
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
    fn a_script_of_the_wrong_shape_is_invalid_with_serdes_position() {
        // `steps` must be a list, and a script needs a start step.
        let text = file(
            r#"{"scripts":[{"id":"call","title":{"en":"Call"},"stage":"delivery",
                "start":"open","steps":"open"}]}"#,
        );
        let Err(PackError::Invalid { reason }) = parse(&text) else {
            panic!("expected Invalid");
        };
        assert!(reason.contains("line 3"), "{reason}");
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
}
