use crate::domain::checklist::fixtures::bant;
use crate::domain::field::{FieldDef, FieldKind};
use crate::domain::objection::{Category, Objection};
use crate::domain::playbook::{Playbook, Stage, StageKind};
use crate::domain::proposal::{ProposalSection, ProposalTemplate};
use crate::domain::script::fixtures::{first_contact, KNOWN_FIELDS};
use crate::domain::{Id, LocalizedText};

pub(crate) fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

pub(crate) fn text(en: &str, zh: &str) -> LocalizedText {
    LocalizedText::new(en, zh)
}

pub(crate) fn stage(stage_id: &str, kind: StageKind, en: &str, zh: &str) -> Stage {
    Stage {
        id: id(stage_id),
        kind,
        name: text(en, zh),
        goal: LocalizedText::default(),
        actions: Vec::new(),
        exit_criteria: Vec::new(),
        time_standards: Vec::new(),
        guide: LocalizedText::default(),
    }
}

pub(crate) fn section(section_id: &str, en: &str, zh: &str) -> ProposalSection {
    ProposalSection {
        id: id(section_id),
        title: text("Introduction", "引言"),
        body: text(en, zh),
        show_if: None,
    }
}

/// Lead development with the first-contact script, a BANT checklist (`list`, named
/// "Discovery"), one price objection, a proposal with an introduction, and the fields all
/// of them use; `need` is labelled "Customer need" / "客户需求".
pub(crate) fn playbook() -> Playbook {
    let (list, mut fields) = bant();
    fields.extend(KNOWN_FIELDS.iter().map(|name| FieldDef {
        name: (*name).into(),
        kind: FieldKind::Text,
        label: text(name, name),
    }));
    if let Some(need) = fields.iter_mut().find(|f| f.name == "need") {
        need.label = text("Customer need", "客户需求");
    }
    Playbook {
        stages: vec![stage(
            "stage-leads",
            StageKind::LeadDevelopment,
            "Lead development",
            "客户开发",
        )],
        scripts: vec![first_contact()],
        checklists: vec![list],
        objections: vec![Objection {
            id: id("too-expensive"),
            category: Category::Price,
            objection: text("It is too expensive", "太贵了"),
            insight: LocalizedText::default(),
            responses: vec![text(
                "Compare the cost of doing nothing",
                "算一算不改变的代价",
            )],
            follow_up: LocalizedText::default(),
            industries: Vec::new(),
        }],
        templates: vec![ProposalTemplate {
            id: id("tpl-basic"),
            title: text("Basic proposal", "基础方案"),
            description: LocalizedText::default(),
            industry: Default::default(),
            sections: vec![section(
                "intro",
                "Dear {{contact}},\nyou told us about {{need}}.",
                "{{contact}}您好：\n您提到了{{need}}。",
            )],
            pricing: false,
        }],
        fields,
    }
}
