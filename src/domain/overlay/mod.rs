//! Local authoring: a trainer's edits kept as an overlay on top of the default playbook.
//!
//! The default playbook is fetched at start and never changed; every edit is one overlay entry
//! (an entity put in place of, or next to, the default one, or a tombstone hiding it), so the
//! playbook a team uses is always `effective(default, overlay)`. Restoring an entity removes its
//! entry, and a newer default shows through wherever nobody edited it.

mod entity;

pub use entity::{entities, find, keys, playbook_of, Entity, Part};

use super::field::is_field_name;
use super::playbook::Playbook;
use super::Id;
use crate::json::Json;
use std::collections::{BTreeMap, BTreeSet};

/// What an overlay entry does to the default entity with its key.
// An overlay holds a few dozen entries and nearly all are `Put`: boxing the entity would save
// nothing and make every match and constructor noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Json)]
#[json(rename_all = "snake_case")]
pub enum Edit {
    /// This entity replaces the default one, or is added when there is none.
    Put(Entity),
    /// The default entity is hidden.
    Deleted,
}

/// One stored edit.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct OverlayEntry {
    pub edit: Edit,
    /// Came from a pack import and has not been edited since, so a later import may replace
    /// it without asking.
    #[json(default)]
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
pub(crate) mod fixtures;

#[cfg(test)]
mod tests;
