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
