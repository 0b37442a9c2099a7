//! The playbook audit in words: one line per finding, naming the place by the names the
//! trainer gave it (a script's title, a section's heading), ids only where nothing has a name
//! (steps, items) or the name is blank.

use super::{industry_name, stage_name, texts};
use crate::domain::audit::{Finding, FindingKind, Part, Place};
use crate::domain::checklist::ChecklistIssue;
use crate::domain::lint::LintKind;
use crate::domain::playbook::{Industry, Playbook, StageKind};
use crate::domain::template::{Position, SectionKind, TemplateError};
use crate::domain::{Locale, LocalizedText};

/// Longest objection text quoted as a name; longer ones are cut with "…".
const MAX_NAME: usize = 40;

/// Says what is wrong and where, on one line: "Script “First contact”, step “open-3”: this step
/// has no next step and is not an end".
pub fn describe(finding: &Finding, locale: Locale, playbook: &Playbook) -> String {
    let zh = locale.supported() == Locale::ZhCn;
    let place = place(&finding.place, zh, playbook);
    let message = message(finding, zh);
    if zh {
        format!("{place}：{message}")
    } else {
        format!("{place}: {message}")
    }
}

/// `text` in the reader's language, or `fallback` when it is blank in both.
fn name_or(text: Option<&LocalizedText>, zh: bool, fallback: &str) -> String {
    let locale = if zh { Locale::ZhCn } else { Locale::En };
    let name = text.map(|t| t.get(locale).trim()).unwrap_or("");
    let name = if name.is_empty() { fallback } else { name };
    if name.chars().count() > MAX_NAME {
        let cut: String = name.chars().take(MAX_NAME - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        name.to_owned()
    }
}

fn place(place: &Place, zh: bool, playbook: &Playbook) -> String {
    match place {
        Place::Stage { id } => {
            let name = name_or(playbook.stage(id).map(|s| &s.name), zh, id.as_str());
            if zh {
                format!("阶段“{name}”")
            } else {
                format!("Stage “{name}”")
            }
        }
        Place::Script { id, step, branch } => {
            let title = playbook.script(id).map(|s| &s.title);
            let name = name_or(title, zh, id.as_str());
            // People count branches from 1.
            match (step, branch.map(|b| b + 1), zh) {
                (None, _, false) => format!("Script “{name}”"),
                (None, _, true) => format!("话术“{name}”"),
                (Some(step), None, false) => format!("Script “{name}”, step “{step}”"),
                (Some(step), None, true) => format!("话术“{name}”的步骤“{step}”"),
                (Some(step), Some(b), false) => {
                    format!("Script “{name}”, step “{step}”, branch {b}")
                }
                (Some(step), Some(b), true) => format!("话术“{name}”步骤“{step}”的第 {b} 个分支"),
            }
        }
        Place::Checklist { id, item } => {
            let title = playbook.checklist(id).map(|c| &c.title);
            let name = name_or(title, zh, id.as_str());
            match (item, zh) {
                (None, false) => format!("Checklist “{name}”"),
                (None, true) => format!("清单“{name}”"),
                (Some(item), false) => format!("Checklist “{name}”, item “{item}”"),
                (Some(item), true) => format!("清单“{name}”的条目“{item}”"),
            }
        }
        Place::Objection { id } => {
            let found = playbook.objections.iter().find(|o| &o.id == id);
            let name = name_or(found.map(|o| &o.objection), zh, id.as_str());
            if zh {
                format!("异议“{name}”")
            } else {
                format!("Objection “{name}”")
            }
        }
        Place::Template {
            id,
            section,
            locale,
            position,
        } => template_place(
            playbook,
            zh,
            id.as_str(),
            section.as_ref(),
            *locale,
            *position,
        ),
        Place::Field { name } => {
            let label = playbook
                .fields
                .iter()
                .find(|f| &f.name == name)
                .map(|f| &f.label);
            let label = name_or(label, zh, name);
            match (label == *name, zh) {
                (true, false) => format!("Field “{name}”"),
                (true, true) => format!("字段“{name}”"),
                (false, false) => format!("Field “{label}” ({name})"),
                (false, true) => format!("字段“{label}”（{name}）"),
            }
        }
    }
}

fn template_place(
    playbook: &Playbook,
    zh: bool,
    id: &str,
    section: Option<&crate::domain::Id>,
    locale: Option<Locale>,
    position: Option<Position>,
) -> String {
    let template = playbook.templates.iter().find(|t| t.id.as_str() == id);
    let name = name_or(template.map(|t| &t.title), zh, id);
    let mut out = if zh {
        format!("模板“{name}”")
    } else {
        format!("Template “{name}”")
    };
    if let Some(section) = section {
        let found = template.and_then(|t| t.sections.iter().find(|s| &s.id == section));
        let heading = name_or(found.map(|s| &s.title), zh, section.as_str());
        if zh {
            out += &format!("的“{heading}”部分");
        } else {
            out += &format!(", section “{heading}”");
        }
    }
    if let Some(locale) = locale {
        let text = match (locale.supported(), zh) {
            (Locale::ZhCn, false) => "Chinese text",
            (_, false) => "English text",
            (Locale::ZhCn, true) => "中文正文",
            (_, true) => "英文正文",
        };
        if zh {
            out += &format!("，{text}");
        } else {
            out += &format!(", {text}");
        }
    }
    if let Some(Position { line, column }) = position {
        if zh {
            out += &format!("第 {line} 行第 {column} 列");
        } else {
            out += &format!(", line {line}, column {column}");
        }
    }
    out
}

fn language(locale: Locale, zh: bool) -> &'static str {
    match (locale.supported(), zh) {
        (Locale::ZhCn, false) => "Chinese",
        (_, false) => "English",
        (Locale::ZhCn, true) => "中文",
        (_, true) => "英文",
    }
}

fn message(finding: &Finding, zh: bool) -> String {
    let pick = |en: &str, cn: &str| if zh { cn } else { en }.to_owned();
    match &finding.kind {
        FindingKind::Script(kind) => script_message(kind, &finding.place, zh),
        FindingKind::Checklist(issue) => checklist_message(issue, zh),
        FindingKind::Template(error) => template_message(error, zh),
        FindingKind::DuplicateId { part } => duplicate_message(*part, zh),
        FindingKind::DuplicateSection => pick(
            "an earlier section of this template has the same id",
            "本模板前面已有部分使用了相同的 ID",
        ),
        FindingKind::UnknownSectionCondition { name } => pick(
            &format!(
                "the section shows only when “{name}” has an answer, but no field or deal \
                 variable has that name, so it never shows"
            ),
            &format!(
                "该部分设置为在“{name}”有答案时才显示，但手册中既没有这个字段，\
                 也没有同名的商机变量，所以它永远不会显示"
            ),
        ),
        FindingKind::InvalidFieldName => pick(
            "the name is not a valid field name (lowercase letters, digits and _, starting with \
             a letter), so nothing can use it",
            "字段名无效（只能使用小写字母、数字和 _，并以字母开头），\
             任何话术、清单或模板都无法引用它",
        ),
        FindingKind::FieldShadowsDealVariable => pick(
            "the name is also a deal variable, so a proposal using it cannot tell whether the \
             deal record or this field's answer is meant",
            "字段名与商机变量重名，方案模板里的同名变量无法确定该填商机记录里的值\
             还是这个字段的答案",
        ),
        FindingKind::UnusedField { .. } => pick(
            "no script, checklist or template uses this field",
            "没有任何话术、清单或模板使用此字段",
        ),
        FindingKind::StageMissingContent => {
            pick("no script serves this stage yet", "此阶段还没有任何话术")
        }
        FindingKind::NoSuchStage { stage } => no_such_stage_message(*stage, zh),
        FindingKind::BlankObjection => pick(
            "the objection is blank in both languages",
            "异议内容的中英文都为空",
        ),
        FindingKind::NoResponses => pick(
            "there is no response for reps to give",
            "还没有可供销售使用的应对话术",
        ),
    }
}

fn duplicate_message(part: Part, zh: bool) -> String {
    let (en, cn) = match part {
        Part::Stage => ("stage", "阶段"),
        Part::Script => ("script", "话术"),
        Part::Checklist => ("checklist", "清单"),
        Part::Objection => ("objection", "异议"),
        Part::Template => ("template", "模板"),
        Part::Field if zh => return "前面已有同名字段，只有第一个会生效".into(),
        Part::Field => return "an earlier field has the same name; only the first counts".into(),
    };
    if zh {
        format!("前面已有{cn}使用了相同的 ID，只有第一个会被使用")
    } else {
        format!("an earlier {en} has the same id; only the first is ever used")
    }
}

fn no_such_stage_message(stage: StageKind, zh: bool) -> String {
    if stage == StageKind::Unknown {
        return if zh {
            "所属阶段无法识别（可能来自更新的版本），任何阶段页面都不会列出它".into()
        } else {
            "its stage is not one this version knows, so no stage page lists it".into()
        };
    }
    let locale = if zh { Locale::ZhCn } else { Locale::En };
    let name = stage_name(texts(locale), stage);
    if zh {
        format!("所属阶段“{name}”不在本手册中，任何阶段页面都不会列出它")
    } else {
        format!(
            "it belongs to the stage “{name}”, which this playbook does not have, so no stage \
             page lists it"
        )
    }
}

fn script_message(kind: &LintKind, place: &Place, zh: bool) -> String {
    let (on_step, on_branch) = match place {
        Place::Script { step, branch, .. } => (step.is_some(), branch.is_some()),
        _ => (false, false),
    };
    match (kind, zh) {
        (LintKind::StartMissing { start }, false) => {
            format!("the start step “{start}” does not exist")
        }
        (LintKind::StartMissing { start }, true) => format!("起始步骤“{start}”不存在"),
        (LintKind::DuplicateStep, false) => {
            "an earlier step has the same id, so this one is never shown".into()
        }
        (LintKind::DuplicateStep, true) => "前面已有步骤使用了相同的 ID，此步骤永远不会显示".into(),
        (LintKind::NextToNothing { to }, false) => {
            format!("the next step “{to}” does not exist")
        }
        (LintKind::NextToNothing { to }, true) => format!("下一步“{to}”不存在"),
        (LintKind::BranchToNothing { to }, false) => {
            format!("it leads to step “{to}”, which does not exist")
        }
        (LintKind::BranchToNothing { to }, true) => format!("指向的步骤“{to}”不存在"),
        (LintKind::DeadEnd, false) => "this step has no next step and is not an end".into(),
        (LintKind::DeadEnd, true) => "此步骤没有下一步，也没有标记为结束".into(),
        (LintKind::Unreachable, false) => "no path from the start reaches this step".into(),
        (LintKind::Unreachable, true) => "从起始步骤出发，无法到达此步骤".into(),
        (LintKind::NoWayToEnd, false) => {
            "every way on from here loops without reaching an end".into()
        }
        (LintKind::NoWayToEnd, true) => "从这里往下只会兜圈子，永远走不到结束步骤".into(),
        (LintKind::InvalidField { field }, false) => format!(
            "the answer goes into “{field}”, which is not a valid field name (lowercase \
             letters, digits and _)"
        ),
        (LintKind::InvalidField { field }, true) => {
            format!("答案记录到“{field}”，但这不是有效的字段名（只能使用小写字母、数字和 _）")
        }
        (LintKind::UnknownField { field }, false) => {
            format!("the answer goes into “{field}”, which no field of the playbook defines")
        }
        (LintKind::UnknownField { field }, true) => {
            format!("答案记录到字段“{field}”，但手册中没有定义这个字段")
        }
        (LintKind::MissingText { locale }, _) => {
            let lang = language(*locale, zh);
            match (on_step, on_branch, zh) {
                (_, true, false) => format!("the label has no {lang} version"),
                (_, true, true) => format!("分支标签缺少{lang}版本"),
                (true, false, false) => format!(
                    "the text has no {lang} version for some of the industries it is shown to"
                ),
                (true, false, true) => format!("部分适用行业看不到此步骤的{lang}内容"),
                (false, false, false) => format!("the title has no {lang} version"),
                (false, false, true) => format!("标题缺少{lang}版本"),
            }
        }
        (LintKind::EmptyBranchLabel, false) => {
            "the branch has no label, so the rep cannot tell which answer it is for".into()
        }
        (LintKind::EmptyBranchLabel, true) => {
            "该分支没有标签，销售无法判断它对应客户的哪种回答".into()
        }
        (LintKind::NoStartFor { industries }, false) => format!(
            "a call for {} has no first step: the start and the steps after it are for other \
             industries only",
            industry_names(industries, zh)
        ),
        (LintKind::NoStartFor { industries }, true) => format!(
            "{}的通话没有第一步：起始步骤及其后续步骤都只适用于其他行业",
            industry_names(industries, zh)
        ),
        (LintKind::DeadEndFor { industries }, false) => format!(
            "a call for {} stops here: every way on is for other industries only",
            industry_names(industries, zh)
        ),
        (LintKind::DeadEndFor { industries }, true) => format!(
            "{}的通话会停在这里：后续步骤都只适用于其他行业",
            industry_names(industries, zh)
        ),
    }
}

/// "Manufacturing, Retail" / "制造业、零售业": industries by their names in the reader's
/// language.
fn industry_names(industries: &[Industry], zh: bool) -> String {
    let locale = if zh { Locale::ZhCn } else { Locale::En };
    let names: Vec<&str> = industries
        .iter()
        .map(|&i| industry_name(texts(locale), i))
        .collect();
    names.join(if zh { "、" } else { ", " })
}

fn checklist_message(issue: &ChecklistIssue, zh: bool) -> String {
    match (issue, zh) {
        (ChecklistIssue::BlankTitle, false) => {
            "the checklist has no title in either language".into()
        }
        (ChecklistIssue::BlankTitle, true) => "清单的中英文标题都为空".into(),
        (ChecklistIssue::DuplicateItem { .. }, false) => "an earlier item has the same id".into(),
        (ChecklistIssue::DuplicateItem { .. }, true) => "前面已有条目使用了相同的 ID".into(),
        (ChecklistIssue::DuplicateField { field, first, .. }, false) => {
            format!("item “{first}” already asks for “{field}”, so one answer would count twice")
        }
        (ChecklistIssue::DuplicateField { field, first, .. }, true) => {
            format!("条目“{first}”已经在问“{field}”，同一个答案会被重复计算")
        }
        (ChecklistIssue::InvalidField { field, .. }, false) => {
            format!("“{field}” is not a valid field name (lowercase letters, digits and _)")
        }
        (ChecklistIssue::InvalidField { field, .. }, true) => {
            format!("“{field}”不是有效的字段名（只能使用小写字母、数字和 _）")
        }
        (ChecklistIssue::UnknownField { field, .. }, false) => {
            format!("the answer goes into “{field}”, which no field of the playbook defines")
        }
        (ChecklistIssue::UnknownField { field, .. }, true) => {
            format!("答案记录到字段“{field}”，但手册中没有定义这个字段")
        }
        (ChecklistIssue::UnknownGroup { group, .. }, false) => {
            format!("“{group}” is not one of the framework's dimensions")
        }
        (ChecklistIssue::UnknownGroup { group, .. }, true) => {
            format!("“{group}”不是该框架的维度")
        }
        (ChecklistIssue::BlankQuestion { .. }, false) => {
            "the question is blank in both languages".into()
        }
        (ChecklistIssue::BlankQuestion { .. }, true) => "问题的中英文内容都为空".into(),
        (ChecklistIssue::ScoreScale { min, max, .. }, false) => format!(
            "it scores {min}–{max}, but MEDDPICC elements are scored 1–10, so the verdict \
             ignores it"
        ),
        (ChecklistIssue::ScoreScale { min, max, .. }, true) => {
            format!("评分范围是 {min}–{max}，而 MEDDPICC 要素按 1–10 分评分，结论会忽略这一项")
        }
        (ChecklistIssue::MissingGroup { group }, false) => {
            format!("no item covers the dimension “{group}”")
        }
        (ChecklistIssue::MissingGroup { group }, true) => {
            format!("没有任何条目覆盖“{group}”维度")
        }
        (ChecklistIssue::MissingScore { group }, false) => {
            format!("no item scores the MEDDPICC element “{group}”")
        }
        (ChecklistIssue::MissingScore { group }, true) => {
            format!("没有任何条目为 MEDDPICC 要素“{group}”打分")
        }
    }
}

fn at(position: Position, zh: bool) -> String {
    let Position { line, column } = position;
    if zh {
        format!("第 {line} 行第 {column} 列")
    } else {
        format!("line {line}, column {column}")
    }
}

fn template_message(error: &TemplateError, zh: bool) -> String {
    let open = |kind: SectionKind| format!("{{{{#{kind}}}}}");
    let close = |kind: SectionKind| format!("{{{{/{kind}}}}}");
    match (error, zh) {
        (TemplateError::UnclosedTag { .. }, false) => {
            "“{{” is not closed by “}}” on the same line".into()
        }
        (TemplateError::UnclosedTag { .. }, true) => "“{{”在同一行内没有对应的“}}”".into(),
        (TemplateError::EmptyTag { .. }, false) => "the tag “{{}}” is empty".into(),
        (TemplateError::EmptyTag { .. }, true) => "标签“{{}}”是空的".into(),
        (TemplateError::InvalidVariableName { name, .. }, false) => {
            format!("“{name}” is not a valid variable name (lowercase letters, digits and _)")
        }
        (TemplateError::InvalidVariableName { name, .. }, true) => {
            format!("“{name}”不是有效的变量名（只能使用小写字母、数字和 _）")
        }
        (TemplateError::MissingCondition { kind, .. }, false) => {
            format!("“{}” needs a field name", open(*kind))
        }
        (TemplateError::MissingCondition { kind, .. }, true) => {
            format!("“{}”后面缺少字段名", open(*kind))
        }
        (TemplateError::UnknownDirective { text, .. }, false) => {
            format!("“{{{{{text}}}}}” is not a tag the template language knows")
        }
        (TemplateError::UnknownDirective { text, .. }, true) => {
            format!("模板语言不支持标签“{{{{{text}}}}}”")
        }
        (TemplateError::ElseOutsideSection { .. }, false) => {
            "“{{else}}” is outside any “{{#if}}” section".into()
        }
        (TemplateError::ElseOutsideSection { .. }, true) => {
            "“{{else}}”不在任何“{{#if}}”段落之内".into()
        }
        (TemplateError::ElseInUnless { .. }, false) => {
            "“{{#unless}}” cannot have an “{{else}}”".into()
        }
        (TemplateError::ElseInUnless { .. }, true) => "“{{#unless}}”不能带“{{else}}”".into(),
        (TemplateError::DuplicateElse { first, .. }, false) => format!(
            "a second “{{{{else}}}}” in the same “{{{{#if}}}}” (the first is at {})",
            at(*first, zh)
        ),
        (TemplateError::DuplicateElse { first, .. }, true) => format!(
            "同一个“{{{{#if}}}}”里出现了第二个“{{{{else}}}}”（第一个在{}）",
            at(*first, zh)
        ),
        (TemplateError::CloseOutsideSection { kind, .. }, false) => {
            format!("“{}” closes no open section", close(*kind))
        }
        (TemplateError::CloseOutsideSection { kind, .. }, true) => {
            format!("“{}”前面没有可以结束的段落", close(*kind))
        }
        (
            TemplateError::MismatchedClose {
                open: kind,
                opened_at,
                close: closing,
                ..
            },
            false,
        ) => format!(
            "“{}” does not match the “{}” opened at {}",
            close(*closing),
            open(*kind),
            at(*opened_at, zh)
        ),
        (
            TemplateError::MismatchedClose {
                open: kind,
                opened_at,
                close: closing,
                ..
            },
            true,
        ) => format!(
            "“{}”与{}打开的“{}”不匹配",
            close(*closing),
            at(*opened_at, zh),
            open(*kind)
        ),
        (TemplateError::UnclosedSection { kind, .. }, false) => {
            format!("“{}” is never closed by “{}”", open(*kind), close(*kind))
        }
        (TemplateError::UnclosedSection { kind, .. }, true) => {
            format!("“{}”缺少对应的“{}”", open(*kind), close(*kind))
        }
        (TemplateError::NestingTooDeep { limit, .. }, false) => {
            format!("sections are nested more than {limit} deep")
        }
        (TemplateError::NestingTooDeep { limit, .. }, true) => {
            format!("段落嵌套超过了 {limit} 层")
        }
        (TemplateError::UnknownVariable { name, .. }, false) => format!(
            "“{name}” is neither a field of the playbook nor a deal variable, so the proposal \
             would show it as a gap"
        ),
        (TemplateError::UnknownVariable { name, .. }, true) => {
            format!("变量“{name}”既不是手册中的字段，也不是商机变量，生成的方案里会留下空缺")
        }
    }
}

#[cfg(test)]
mod tests;
