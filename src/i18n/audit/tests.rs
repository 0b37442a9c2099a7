use super::*;
use crate::domain::audit::fixtures::{id, playbook};
use crate::domain::audit::{audit, Severity};
use crate::domain::playbook::Industry;
use crate::domain::script::fixtures::step_mut;

fn en(place: Place, kind: FindingKind) -> String {
    describe(&Finding::new(place, kind), Locale::En, &playbook())
}

fn zh(place: Place, kind: FindingKind) -> String {
    describe(&Finding::new(place, kind), Locale::ZhCn, &playbook())
}

fn script(step: Option<&str>, branch: Option<usize>) -> Place {
    Place::Script {
        id: id("first-contact"),
        step: step.map(id),
        branch,
    }
}

fn checklist(item: Option<&str>) -> Place {
    Place::Checklist {
        id: id("list"),
        item: item.map(id),
    }
}

fn template(position: Option<Position>) -> Place {
    Place::Template {
        id: id("tpl-basic"),
        section: Some(id("intro")),
        locale: position.map(|_| Locale::ZhCn),
        position,
    }
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Which variant of `FindingKind` a kind is: the match makes a new variant a compile error
/// here until it gets a case in [`every_kind`].
fn variant(kind: &FindingKind) -> usize {
    match kind {
        FindingKind::Script(_) => 0,
        FindingKind::Checklist(_) => 1,
        FindingKind::Template(_) => 2,
        FindingKind::DuplicateId { .. } => 3,
        FindingKind::DuplicateSection => 4,
        FindingKind::UnknownSectionCondition { .. } => 5,
        FindingKind::InvalidFieldName => 6,
        FindingKind::FieldShadowsDealVariable => 7,
        FindingKind::UnusedField { .. } => 8,
        FindingKind::StageMissingContent => 9,
        FindingKind::NoSuchStage { .. } => 10,
        FindingKind::BlankObjection => 11,
        FindingKind::NoResponses => 12,
    }
}
const VARIANTS: usize = 13;

/// Every kind, inner kinds included, at a place of the fixture playbook, with that place's
/// name in English and in Chinese.
fn every_kind() -> Vec<(Place, FindingKind, &'static str, &'static str)> {
    use ChecklistIssue as C;
    use FindingKind as F;
    use LintKind as L;
    use TemplateError as T;
    let to = || id("nowhere");
    let field = || "budjet".to_owned();
    let stage = Place::Stage {
        id: id("stage-leads"),
    };
    let objection = Place::Objection {
        id: id("too-expensive"),
    };
    let need = Place::Field {
        name: "need".into(),
    };
    let p = Position::new(2, 5);
    let whole = Place::Template {
        id: id("tpl-basic"),
        section: None,
        locale: None,
        position: None,
    };
    let if_ = SectionKind::If;
    let scripts = [
        (script(None, None), L::StartMissing { start: to() }),
        (script(None, None), L::MissingText { locale: Locale::En }),
        (script(Some("value"), None), L::DuplicateStep),
        (script(Some("value"), None), L::NextToNothing { to: to() }),
        (
            script(Some("value"), Some(1)),
            L::BranchToNothing { to: to() },
        ),
        (script(Some("value"), None), L::DeadEnd),
        (script(Some("value"), None), L::Unreachable),
        (script(Some("value"), None), L::NoWayToEnd),
        (
            script(Some("value"), None),
            L::InvalidField { field: field() },
        ),
        (
            script(Some("value"), None),
            L::UnknownField { field: field() },
        ),
        (
            script(Some("value"), None),
            L::MissingText {
                locale: Locale::ZhCn,
            },
        ),
        (
            script(Some("value"), Some(0)),
            L::MissingText {
                locale: Locale::ZhCn,
            },
        ),
        (script(Some("value"), Some(0)), L::EmptyBranchLabel),
        (
            script(None, None),
            L::NoStartFor {
                industries: vec![Industry::Software],
            },
        ),
        (
            script(Some("value"), None),
            L::DeadEndFor {
                industries: vec![Industry::Manufacturing, Industry::Retail],
            },
        ),
    ];
    let item = || id("budget-range");
    let checklists = [
        (checklist(None), C::BlankTitle),
        (checklist(Some("pain")), C::DuplicateItem { item: item() }),
        (
            checklist(Some("pain")),
            C::DuplicateField {
                item: id("pain"),
                field: "budget_range".into(),
                first: item(),
            },
        ),
        (
            checklist(Some("budget-range")),
            C::InvalidField {
                item: item(),
                field: field(),
            },
        ),
        (
            checklist(Some("budget-range")),
            C::UnknownField {
                item: item(),
                field: field(),
            },
        ),
        (
            checklist(Some("budget-range")),
            C::UnknownGroup {
                item: item(),
                group: "timing".into(),
            },
        ),
        (
            checklist(Some("budget-range")),
            C::BlankQuestion { item: item() },
        ),
        (
            checklist(Some("budget-range")),
            C::ScoreScale {
                item: item(),
                min: 0,
                max: 5,
            },
        ),
        (checklist(None), C::MissingGroup { group: "authority" }),
        (checklist(None), C::MissingScore { group: "champion" }),
    ];
    let templates = [
        T::UnclosedTag { position: p },
        T::EmptyTag { position: p },
        T::InvalidVariableName {
            name: "Budget".into(),
            position: p,
        },
        T::MissingCondition {
            kind: SectionKind::Unless,
            position: p,
        },
        T::UnknownDirective {
            text: "#each items".into(),
            position: p,
        },
        T::ElseOutsideSection { position: p },
        T::ElseInUnless { position: p },
        T::DuplicateElse {
            first: Position::new(1, 1),
            position: p,
        },
        T::CloseOutsideSection {
            kind: if_,
            position: p,
        },
        T::MismatchedClose {
            open: if_,
            opened_at: Position::new(1, 1),
            close: SectionKind::Unless,
            position: p,
        },
        T::UnclosedSection {
            kind: if_,
            position: p,
        },
        T::NestingTooDeep {
            limit: 16,
            position: p,
        },
        T::UnknownVariable {
            name: field(),
            position: p,
        },
    ];
    let duplicates = [
        (stage.clone(), Part::Stage),
        (script(None, None), Part::Script),
        (checklist(None), Part::Checklist),
        (objection.clone(), Part::Objection),
        (whole.clone(), Part::Template),
        (need.clone(), Part::Field),
    ];
    let mut all: Vec<(Place, FindingKind)> = Vec::new();
    all.extend(scripts.into_iter().map(|(p, k)| (p, F::Script(k))));
    all.extend(checklists.into_iter().map(|(p, k)| (p, F::Checklist(k))));
    all.extend(templates.into_iter().map(|e| {
        let position = Some(e.position());
        (template(position), F::Template(e))
    }));
    all.extend(
        duplicates
            .into_iter()
            .map(|(p, part)| (p, F::DuplicateId { part })),
    );
    all.extend([
        (template(None), F::DuplicateSection),
        (template(None), F::UnknownSectionCondition { name: field() }),
        (need.clone(), F::InvalidFieldName),
        (need.clone(), F::FieldShadowsDealVariable),
        (
            need,
            F::UnusedField {
                name: "need".into(),
            },
        ),
        (stage, F::StageMissingContent),
        (
            script(None, None),
            F::NoSuchStage {
                stage: StageKind::Delivery,
            },
        ),
        (
            checklist(None),
            F::NoSuchStage {
                stage: StageKind::Unknown,
            },
        ),
        (objection.clone(), F::BlankObjection),
        (objection, F::NoResponses),
    ]);
    all.into_iter()
        .map(|(place, kind)| {
            let (en, zh) = match place.part() {
                Part::Stage => ("Lead development", "客户开发"),
                Part::Script => ("First contact", "首次客户沟通"),
                Part::Checklist => ("Discovery", "需求调研"),
                Part::Objection => ("It is too expensive", "太贵了"),
                Part::Template => ("Basic proposal", "基础方案"),
                Part::Field => ("Customer need", "客户需求"),
            };
            (place, kind, en, zh)
        })
        .collect()
}

#[test]
fn every_kind_reads_in_both_languages_naming_its_place() {
    let all = every_kind();
    let mut covered = [false; VARIANTS];
    let mut lines = std::collections::BTreeSet::new();
    for (place, kind, en_name, zh_name) in all {
        covered[variant(&kind)] = true;
        let (en, zh) = (en(place.clone(), kind.clone()), zh(place, kind.clone()));
        assert!(en.contains(en_name), "{kind:?}: {en}");
        assert!(zh.contains(zh_name), "{kind:?}: {zh}");
        assert_ne!(en, zh, "{kind:?}");
        assert!(!en.chars().any(is_chinese), "{kind:?}: {en}");
        let message = zh.split_once('：').map_or("", |(_, m)| m);
        assert!(message.chars().any(is_chinese), "{kind:?}: {zh}");
        assert!(lines.insert(en), "two kinds read alike: {kind:?}");
    }
    assert!(covered.iter().all(|&c| c), "a variant has no case");
}

#[test]
fn a_dead_end_reads_as_a_sentence_naming_script_and_step() {
    let mut p = playbook();
    step_mut(&mut p.scripts[0], "nurture").end = false;
    let finding = &audit(&p)[0];
    assert_eq!(
        describe(finding, Locale::En, &p),
        "Script “First contact”, step “nurture”: this step has no next step and is not an end"
    );
    assert_eq!(
        describe(finding, Locale::ZhCn, &p),
        "话术“首次客户沟通”的步骤“nurture”：此步骤没有下一步，也没有标记为结束"
    );
}

#[test]
fn a_template_error_names_section_language_line_and_column() {
    let mut p = playbook();
    p.templates[0].sections[0].body.zh = "您好\n{{#if need}}需求".into();
    let finding = &audit(&p)[0];
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(
        describe(finding, Locale::En, &p),
        "Template “Basic proposal”, section “Introduction”, Chinese text, line 2, column 1: \
             “{{#if}}” is never closed by “{{/if}}”"
    );
    assert_eq!(
        describe(finding, Locale::ZhCn, &p),
        "模板“基础方案”的“引言”部分，中文正文第 2 行第 1 列：“{{#if}}”缺少对应的“{{/if}}”"
    );
}

#[test]
fn a_place_without_a_name_falls_back_to_its_id_and_a_long_name_is_cut() {
    let mut p = playbook();
    p.scripts[0].title = LocalizedText::default();
    p.objections[0].objection = LocalizedText::new("a".repeat(60), "");
    let dead_end = Finding::new(
        script(Some("value"), None),
        FindingKind::Script(LintKind::DeadEnd),
    );
    assert!(describe(&dead_end, Locale::ZhCn, &p).starts_with("话术“first-contact”的步骤“value”"));
    let objection = Place::Objection {
        id: id("too-expensive"),
    };
    let line = describe(
        &Finding::new(objection, FindingKind::NoResponses),
        Locale::ZhCn,
        &p,
    );
    assert!(
        line.starts_with(&format!("异议“{}…”", "a".repeat(MAX_NAME - 1))),
        "{line}"
    );
    let unknown = Place::Field {
        name: "competitor".into(),
    };
    let kind = FindingKind::UnusedField {
        name: "competitor".into(),
    };
    assert!(
        describe(&Finding::new(unknown, kind), Locale::En, &p).starts_with("Field “competitor”:")
    );
}

#[test]
fn a_field_reads_by_its_label_with_its_name() {
    let kind = FindingKind::UnusedField {
        name: "need".into(),
    };
    let need = || Place::Field {
        name: "need".into(),
    };
    assert_eq!(
        en(need(), kind.clone()),
        "Field “Customer need” (need): no script, checklist or template uses this field"
    );
    assert_eq!(
        zh(need(), kind),
        "字段“客户需求”（need）：没有任何话术、清单或模板使用此字段"
    );
}

#[test]
fn an_industry_dead_end_names_the_industries_in_the_readers_language() {
    let kind = FindingKind::Script(LintKind::DeadEndFor {
        industries: vec![Industry::Manufacturing, Industry::Retail],
    });
    let place = || script(Some("nurture"), None);
    let en = en(place(), kind.clone());
    assert!(en.contains("“nurture”"), "{en}");
    assert!(
        en.ends_with(
            "a call for Manufacturing and industrial equipment, Retail and chains stops here: \
             every way on is for other industries only"
        ),
        "{en}"
    );
    let zh = zh(place(), kind);
    assert!(
        zh.contains("制造业与工业设备、零售与连锁的通话会停在这里"),
        "{zh}"
    );
}
