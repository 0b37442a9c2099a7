//! What the audit reports: a finding's kind, its severity and the place it is about.

use super::Part;
use crate::domain::checklist::ChecklistIssue;
use crate::domain::field::FieldName;
use crate::domain::lint::LintKind;
use crate::domain::playbook::StageKind;
use crate::domain::template::{Position, TemplateError};
use crate::domain::{Id, Locale};

/// Where a finding is: an entity of the playbook, or a place inside one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Stage {
        id: Id,
    },
    /// A script, one of its steps, or one branch of that step (`branch` counts from 0).
    Script {
        id: Id,
        step: Option<Id>,
        branch: Option<usize>,
    },
    /// A checklist or one of its items.
    Checklist {
        id: Id,
        item: Option<Id>,
    },
    Objection {
        id: Id,
    },
    /// A template, one of its sections, or a tag in the section's body in one language.
    Template {
        id: Id,
        section: Option<Id>,
        locale: Option<Locale>,
        position: Option<Position>,
    },
    Field {
        name: FieldName,
    },
}

impl Place {
    /// The part of the playbook the place is in.
    pub fn part(&self) -> Part {
        match self {
            Place::Stage { .. } => Part::Stage,
            Place::Script { .. } => Part::Script,
            Place::Checklist { .. } => Part::Checklist,
            Place::Objection { .. } => Part::Objection,
            Place::Template { .. } => Part::Template,
            Place::Field { .. } => Part::Field,
        }
    }

    /// The id of the stage, script, checklist, objection or template the place is in, or the
    /// field's name.
    pub fn key(&self) -> &str {
        match self {
            Place::Stage { id }
            | Place::Script { id, .. }
            | Place::Checklist { id, .. }
            | Place::Objection { id }
            | Place::Template { id, .. } => id.as_str(),
            Place::Field { name } => name,
        }
    }
}

/// How much a finding matters. Errors break something a rep or a customer would see; warnings
/// are loose ends worth a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// From the script lint (an `Ask` into a field no `FieldDef` defines is its `UnknownField`).
    Script(LintKind),
    /// From the checklist checks.
    Checklist(ChecklistIssue),
    /// A template syntax error, or a variable that is neither a field nor a deal variable.
    Template(TemplateError),
    /// An earlier stage, script, checklist, objection or template has the same id (or an
    /// earlier field the same name): lookups by id only ever find the first.
    DuplicateId { part: Part },
    /// An earlier section of the same template has the same id.
    DuplicateSection,
    /// A section's `show_if` names neither a field nor a deal variable, so it never shows.
    UnknownSectionCondition { name: String },
    /// A field definition whose name is not a valid field name: nothing can use it.
    InvalidFieldName,
    /// A field with the name of a deal variable: a template using the name is ambiguous.
    FieldShadowsDealVariable,
    /// A field no script, checklist or template uses.
    UnusedField { name: FieldName },
    /// A stage no script serves.
    StageMissingContent,
    /// A script or checklist filed under a stage the playbook does not have, so no stage page
    /// lists it.
    NoSuchStage { stage: StageKind },
    /// An objection with no text in either language.
    BlankObjection,
    /// An objection with no response to give.
    NoResponses,
}

impl FindingKind {
    /// Dead ends, broken links, syntax errors, unknown names and duplicate ids are errors;
    /// missing translations (the other language shows instead) and loose ends are warnings.
    pub fn severity(&self) -> Severity {
        match self {
            FindingKind::Script(LintKind::MissingText { .. })
            | FindingKind::FieldShadowsDealVariable
            | FindingKind::UnusedField { .. }
            | FindingKind::StageMissingContent
            | FindingKind::NoSuchStage { .. }
            | FindingKind::NoResponses => Severity::Warning,
            FindingKind::Script(_)
            | FindingKind::Checklist(_)
            | FindingKind::Template(_)
            | FindingKind::DuplicateId { .. }
            | FindingKind::DuplicateSection
            | FindingKind::UnknownSectionCondition { .. }
            | FindingKind::InvalidFieldName
            | FindingKind::BlankObjection => Severity::Error,
        }
    }
}

/// One problem of the playbook and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub place: Place,
    pub kind: FindingKind,
    pub severity: Severity,
}

impl Finding {
    /// A finding with the severity of its kind.
    pub fn new(place: Place, kind: FindingKind) -> Self {
        let severity = kind.severity();
        Finding {
            place,
            kind,
            severity,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
