//! The entities of a playbook addressed uniformly: a part (stages, scripts, …) and a key
//! (an id, or a field's name), so overlays, packs, checks and the editor treat all six kinds
//! alike.

use crate::domain::checklist::Checklist;
use crate::domain::field::FieldDef;
use crate::domain::objection::Objection;
use crate::domain::playbook::{Playbook, Stage};
use crate::domain::proposal::ProposalTemplate;
use crate::domain::script::Script;
use crate::domain::{Id, LocalizedText};
use crate::json::Json;
use std::fmt;

/// A part of the playbook: the kind of an entity, and a list in [`Playbook`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Json)]
pub enum Part {
    #[json(rename = "stages")]
    Stage,
    #[json(rename = "scripts")]
    Script,
    #[json(rename = "checklists")]
    Checklist,
    #[json(rename = "objections")]
    Objection,
    #[json(rename = "templates")]
    Template,
    #[json(rename = "fields")]
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
#[derive(Clone, Debug, PartialEq, Json)]
#[json(rename_all = "snake_case")]
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

    pub(super) fn name_mut(&mut self) -> &mut LocalizedText {
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
    pub(super) fn set_key(&mut self, key: String) {
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
