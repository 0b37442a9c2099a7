//! Local authoring: a trainer's edits kept as an overlay on top of the default playbook.
//!
//! The default playbook is fetched at start and never changed; every edit is one overlay entry
//! (an entity put in place of, or next to, the default one, or a tombstone hiding it), so the
//! playbook a team uses is always `effective(default, overlay)`. Restoring an entity removes its
//! entry, and a newer default shows through wherever nobody edited it.

use super::checklist::Checklist;
use super::field::{is_field_name, FieldDef};
use super::objection::Objection;
use super::playbook::{Playbook, Stage};
use super::proposal::ProposalTemplate;
use super::script::Script;
use super::{Id, LocalizedText};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A part of the playbook: the kind of an entity, and a list in [`Playbook`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Part {
    #[serde(rename = "stages")]
    Stage,
    #[serde(rename = "scripts")]
    Script,
    #[serde(rename = "checklists")]
    Checklist,
    #[serde(rename = "objections")]
    Objection,
    #[serde(rename = "templates")]
    Template,
    #[serde(rename = "fields")]
    Field,
}

impl Part {
    /// Every part, in the order [`Playbook`] lists them.
    pub const ALL: [Part; 6] = [
        Part::Stage,
        Part::Script,
        Part::Checklist,
        Part::Objection,
        Part::Template,
        Part::Field,
    ];

    /// The stored code, which is also the part's key in a [`Playbook`]'s JSON (`stages`, …).
    pub fn code(self) -> &'static str {
        match self {
            Part::Stage => "stages",
            Part::Script => "scripts",
            Part::Checklist => "checklists",
            Part::Objection => "objections",
            Part::Template => "templates",
            Part::Field => "fields",
        }
    }

    /// The part of a code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.code() == code)
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One entity of the playbook, of any part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Stage(Stage),
    Script(Script),
    Checklist(Checklist),
    Objection(Objection),
    Template(ProposalTemplate),
    Field(FieldDef),
}

impl Entity {
    pub fn part(&self) -> Part {
        match self {
            Entity::Stage(_) => Part::Stage,
            Entity::Script(_) => Part::Script,
            Entity::Checklist(_) => Part::Checklist,
            Entity::Objection(_) => Part::Objection,
            Entity::Template(_) => Part::Template,
            Entity::Field(_) => Part::Field,
        }
    }

    /// The key that identifies the entity within its part: its id, or a field's name.
    pub fn key(&self) -> String {
        match self {
            Entity::Stage(s) => s.id.to_string(),
            Entity::Script(s) => s.id.to_string(),
            Entity::Checklist(c) => c.id.to_string(),
            Entity::Objection(o) => o.id.to_string(),
            Entity::Template(t) => t.id.to_string(),
            Entity::Field(f) => f.name.clone(),
        }
    }

    /// What a list shows for the entity: a stage's name, a script's, checklist's or template's
    /// title, an objection's wording, a field's label.
    pub fn name(&self) -> LocalizedText {
        self.name_ref().clone()
    }

    fn name_ref(&self) -> &LocalizedText {
        match self {
            Entity::Stage(s) => &s.name,
            Entity::Script(s) => &s.title,
            Entity::Checklist(c) => &c.title,
            Entity::Objection(o) => &o.objection,
            Entity::Template(t) => &t.title,
            Entity::Field(f) => &f.label,
        }
    }

    fn name_mut(&mut self) -> &mut LocalizedText {
        match self {
            Entity::Stage(s) => &mut s.name,
            Entity::Script(s) => &mut s.title,
            Entity::Checklist(c) => &mut c.title,
            Entity::Objection(o) => &mut o.objection,
            Entity::Template(t) => &mut t.title,
            Entity::Field(f) => &mut f.label,
        }
    }

    /// Gives the entity a new key; an id that is not valid leaves it unchanged.
    fn set_key(&mut self, key: String) {
        if let Entity::Field(f) = self {
            f.name = key;
            return;
        }
        let Ok(id) = Id::parse(&key) else { return };
        match self {
            Entity::Stage(s) => s.id = id,
            Entity::Script(s) => s.id = id,
            Entity::Checklist(c) => c.id = id,
            Entity::Objection(o) => o.id = id,
            Entity::Template(t) => t.id = id,
            Entity::Field(_) => {}
        }
    }
}

/// The entities of one part of `playbook`, in playbook order.
pub fn entities(playbook: &Playbook, part: Part) -> Vec<Entity> {
    fn wrap<T: Clone>(items: &[T], f: fn(T) -> Entity) -> Vec<Entity> {
        items.iter().cloned().map(f).collect()
    }
    match part {
        Part::Stage => wrap(&playbook.stages, Entity::Stage),
        Part::Script => wrap(&playbook.scripts, Entity::Script),
        Part::Checklist => wrap(&playbook.checklists, Entity::Checklist),
        Part::Objection => wrap(&playbook.objections, Entity::Objection),
        Part::Template => wrap(&playbook.templates, Entity::Template),
        Part::Field => wrap(&playbook.fields, Entity::Field),
    }
}

/// The keys of one part of `playbook`, in playbook order (what [`Overlay::move_item`] takes).
pub fn keys(playbook: &Playbook, part: Part) -> Vec<String> {
    entities(playbook, part).iter().map(Entity::key).collect()
}

/// The entity of `part` with `key` in `playbook`.
pub fn find(playbook: &Playbook, part: Part, key: &str) -> Option<Entity> {
    entities(playbook, part)
        .into_iter()
        .find(|e| e.key() == key)
}

/// A playbook holding `entities`, each appended to its part in the order given.
pub fn playbook_of(entities: impl IntoIterator<Item = Entity>) -> Playbook {
    let mut playbook = Playbook::default();
    for entity in entities {
        match entity {
            Entity::Stage(s) => playbook.stages.push(s),
            Entity::Script(s) => playbook.scripts.push(s),
            Entity::Checklist(c) => playbook.checklists.push(c),
            Entity::Objection(o) => playbook.objections.push(o),
            Entity::Template(t) => playbook.templates.push(t),
            Entity::Field(f) => playbook.fields.push(f),
        }
    }
    playbook
}

/// What an overlay entry does to the default entity with its key.
// An overlay holds a few dozen entries and nearly all are `Put`: boxing the entity would save
// nothing and make every match and constructor noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edit {
    /// This entity replaces the default one, or is added when there is none.
    Put(Entity),
    /// The default entity is hidden.
    Deleted,
}

/// One stored edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverlayEntry {
    pub edit: Edit,
    /// Came from a pack import and has not been edited since, so a later import may replace
    /// it without asking.
    #[serde(default)]
    pub imported: bool,
}

/// The trainer's edits on top of the default playbook: one entry per edited entity, and the
/// order of each part the trainer rearranged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    pub entries: BTreeMap<(Part, String), OverlayEntry>,
    /// The full order of a part's keys, set by [`Overlay::move_item`].
    pub order: BTreeMap<Part, Vec<String>>,
}

impl Overlay {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.order.is_empty()
    }

    /// The entry of the entity `key` of `part`.
    pub fn get(&self, part: Part, key: &str) -> Option<&OverlayEntry> {
        self.entries.get(&(part, key.to_owned()))
    }

    /// Whether the entity has a local edit (changed, added or deleted).
    pub fn is_edited(&self, part: Part, key: &str) -> bool {
        self.get(part, key).is_some()
    }

    /// Saves an authored entity, replacing the default one with the same key or adding it.
    pub fn put(&mut self, entity: Entity) {
        self.insert(entity, false);
    }

    /// Saves an entity taken from a pack: like [`Overlay::put`], but marked as imported.
    pub fn put_imported(&mut self, entity: Entity) {
        self.insert(entity, true);
    }

    fn insert(&mut self, entity: Entity, imported: bool) {
        let key = (entity.part(), entity.key());
        let edit = Edit::Put(entity);
        self.entries.insert(key, OverlayEntry { edit, imported });
    }

    /// Hides the entity, whether it is a default one or was added locally.
    pub fn delete(&mut self, part: Part, key: &str) {
        let entry = OverlayEntry {
            edit: Edit::Deleted,
            imported: false,
        };
        self.entries.insert((part, key.to_owned()), entry);
    }

    /// Drops the local edit: the default entity is back (or, for an added one, it is gone).
    pub fn restore(&mut self, part: Part, key: &str) {
        self.entries.remove(&(part, key.to_owned()));
    }

    /// Drops the part's custom order: it is back in default order.
    pub fn restore_order(&mut self, part: Part) {
        self.order.remove(&part);
    }

    /// Removes every edit.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.order.clear();
    }

    /// Moves the entity `key` of `part` by `delta` places (negative = up), stopping at either
    /// end, and stores the part's full order. `base_order` is the part's keys as the default
    /// playbook or the effective one lists them: either gives the same result. Returns whether
    /// anything moved (nothing does for an unknown key or at an edge).
    pub fn move_item(
        &mut self,
        base_order: &[String],
        part: Part,
        key: &str,
        delta: isize,
    ) -> bool {
        let mut order = self.current_order(base_order, part);
        let Some(from) = order.iter().position(|k| k == key) else {
            return false;
        };
        let last = order.len().saturating_sub(1) as isize;
        let to = (from as isize).saturating_add(delta).clamp(0, last) as usize;
        if to == from {
            return false;
        }
        let moved = order.remove(from);
        order.insert(to, moved);
        self.order.insert(part, order);
        true
    }

    /// The keys of `part` as [`effective`] orders them, from the base keys.
    fn current_order(&self, base_order: &[String], part: Part) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut keys: Vec<String> = base_order
            .iter()
            .filter(|k| seen.insert(k.as_str()))
            .filter(|k| !matches!(self.get(part, k).map(|e| &e.edit), Some(Edit::Deleted)))
            .cloned()
            .collect();
        let added: Vec<String> = self
            .puts(part)
            .map(|(key, _)| key)
            .filter(|k| !seen.contains(k))
            .map(str::to_owned)
            .collect();
        keys.extend(added);
        arrange(&mut keys, |k| k.as_str(), self.order.get(&part));
        keys
    }

    /// The entities put into `part`, by key. An entry whose entity does not match its key
    /// (hand-edited storage) is skipped, so it cannot duplicate a key.
    fn puts(&self, part: Part) -> impl Iterator<Item = (&str, &Entity)> {
        self.entries
            .iter()
            .filter(move |((p, _), _)| *p == part)
            .filter_map(move |((_, key), entry)| match &entry.edit {
                Edit::Put(e) if e.part() == part && e.key() == *key => Some((key.as_str(), e)),
                _ => None,
            })
    }

    /// A copy of `entity` under a new key: `<key>-copy`, then `<key>-copy-2`, … (a field's
    /// `<name>_copy`, …), the first that `taken` says is free, always a valid id or field name.
    /// Its name gets "(copy)" / "（副本）" so the two are told apart in lists. Steps and items
    /// keep their ids: they are unique only within their script or checklist.
    pub fn duplicate(entity: &Entity, taken: &dyn Fn(&str) -> bool) -> Entity {
        let is_field = entity.part() == Part::Field;
        let mut copy = entity.clone();
        copy.set_key(copy_key(&entity.key(), is_field, taken));
        let name = copy.name_mut();
        if !name.en.trim().is_empty() {
            name.en.push_str(" (copy)");
        }
        if !name.zh.trim().is_empty() {
            name.zh.push_str("（副本）");
        }
        copy
    }
}

/// Longest id or field name: both are at most 64 characters.
const MAX_KEY_LEN: usize = 64;

fn copy_key(key: &str, is_field: bool, taken: &dyn Fn(&str) -> bool) -> String {
    let (sep, fallback) = if is_field {
        ('_', "field")
    } else {
        ('-', "item")
    };
    let valid = if is_field {
        is_field_name(key)
    } else {
        Id::parse(key).is_ok()
    };
    let stem = if valid {
        strip_copy_suffix(key, sep)
    } else {
        fallback
    };
    let mut candidate = String::new();
    for n in 1..=u32::MAX {
        let suffix = match n {
            1 => format!("{sep}copy"),
            n => format!("{sep}copy{sep}{n}"),
        };
        let room = MAX_KEY_LEN - suffix.len();
        let stem = stem.get(..room.min(stem.len())).unwrap_or(fallback);
        let stem = stem.trim_end_matches(sep);
        let stem = if stem.is_empty() { fallback } else { stem };
        candidate = format!("{stem}{suffix}");
        if !taken(&candidate) {
            break;
        }
    }
    candidate
}

/// `x-copy` and `x-copy-3` → `x`, so a copy of a copy is numbered rather than `x-copy-copy`.
fn strip_copy_suffix(key: &str, sep: char) -> &str {
    let copy = format!("{sep}copy");
    if let Some(stem) = key.strip_suffix(copy.as_str()) {
        return stem;
    }
    let numbered = format!("{sep}copy{sep}");
    match key.rfind(numbered.as_str()) {
        Some(at) => {
            let n = &key[at + numbered.len()..];
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                &key[..at]
            } else {
                key
            }
        }
        None => key,
    }
}

/// Sorts `items` by their key's place in `order`; keys not in it keep their relative order
/// after the listed ones.
fn arrange<T>(items: &mut [T], key: impl Fn(&T) -> &str, order: Option<&Vec<String>>) {
    let Some(order) = order else { return };
    let mut rank: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, k) in order.iter().enumerate() {
        rank.entry(k.as_str()).or_insert(i);
    }
    let rank_of = |item: &T| rank.get(key(item)).copied().unwrap_or(usize::MAX);
    super::sort_small_by(items, |a, b| rank_of(a).cmp(&rank_of(b)));
}

/// The playbook a team uses: `base` with the overlay's entities in place of the default ones,
/// its added entities after them (in key order), its deleted ones left out, and each part in
/// the overlay's order where it has one.
pub fn effective(base: &Playbook, overlay: &Overlay) -> Playbook {
    if overlay.is_empty() {
        return base.clone();
    }
    let mut all = Vec::new();
    for part in Part::ALL {
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        for entity in entities(base, part) {
            let key = entity.key();
            match overlay.get(part, &key).map(|e| &e.edit) {
                Some(Edit::Deleted) => {}
                Some(Edit::Put(put)) if put.part() == part && put.key() == key => {
                    items.push(put.clone())
                }
                _ => items.push(entity),
            }
            seen.insert(key);
        }
        items.extend(
            overlay
                .puts(part)
                .filter(|(key, _)| !seen.contains(*key))
                .map(|(_, e)| e.clone()),
        );
        let mut keyed: Vec<(String, Entity)> = items.into_iter().map(|e| (e.key(), e)).collect();
        arrange(&mut keyed, |(k, _)| k.as_str(), overlay.order.get(&part));
        all.extend(keyed.into_iter().map(|(_, e)| e));
    }
    playbook_of(all)
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! A small playbook with one or two entities of every part.

    use crate::domain::checklist::fixtures::bant;
    use crate::domain::objection::{Category, Objection};
    use crate::domain::playbook::{Industry, Playbook, Stage, StageKind};
    use crate::domain::proposal::ProposalTemplate;
    use crate::domain::script::fixtures::first_contact;
    use crate::domain::{Id, LocalizedText};

    pub(crate) fn id(s: &str) -> Id {
        Id::parse(s).unwrap()
    }

    pub(crate) fn stage(key: &str, kind: StageKind, en: &str, zh: &str) -> Stage {
        Stage {
            id: id(key),
            kind,
            name: LocalizedText::new(en, zh),
            goal: LocalizedText::default(),
            actions: Vec::new(),
            exit_criteria: Vec::new(),
            time_standards: Vec::new(),
            guide: LocalizedText::default(),
        }
    }

    pub(crate) fn objection(key: &str, en: &str, zh: &str) -> Objection {
        Objection {
            id: id(key),
            category: Category::Price,
            objection: LocalizedText::new(en, zh),
            insight: LocalizedText::default(),
            responses: vec![LocalizedText::new("Compare total cost.", "比较总成本。")],
            follow_up: LocalizedText::default(),
            industries: Vec::new(),
        }
    }

    pub(crate) fn template(key: &str, industry: Industry) -> ProposalTemplate {
        ProposalTemplate {
            id: id(key),
            title: LocalizedText::new(key, key),
            description: LocalizedText::default(),
            industry,
            sections: Vec::new(),
            pricing: true,
        }
    }

    /// Two stages, the first-contact script, the BANT checklist and its fields, two
    /// objections and a template: every part has something, keys in each part sorted.
    pub(crate) fn sample() -> Playbook {
        let (checklist, mut fields) = bant();
        fields.sort_by(|a, b| a.name.cmp(&b.name));
        Playbook {
            stages: vec![
                stage("leads", StageKind::LeadDevelopment, "Leads", "线索"),
                stage("needs", StageKind::NeedsAnalysis, "Needs", "需求"),
            ],
            scripts: vec![first_contact()],
            checklists: vec![checklist],
            objections: vec![
                objection("next-quarter", "Call me next quarter.", "下个季度再说。"),
                objection("too-expensive", "It's too expensive.", "太贵了。"),
            ],
            templates: vec![template("generic", Industry::Generic)],
            fields,
        }
    }
}

#[cfg(test)]
mod tests {
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
        let playbook = serde_json::to_value(sample()).unwrap();
        for part in Part::ALL {
            assert_eq!(
                serde_json::to_string(&part).unwrap(),
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
        let json = serde_json::to_string(&entry).unwrap();
        assert!(json.contains(r#""put":{"stage":{"#), "{json}");
        assert_eq!(serde_json::from_str::<OverlayEntry>(&json).unwrap(), entry);
        let deleted: OverlayEntry = serde_json::from_str(r#"{"edit":"deleted"}"#).unwrap();
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
}
