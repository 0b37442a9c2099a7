//! Native checks of the default needs-discovery checklists and proposal templates shipped with
//! the app, in `content/default/checklists.json` and `content/default/templates.json`.

mod common;

use sales_playbook::domain::checklist::{validate, Checklist, Framework};
use sales_playbook::domain::field::{FieldDef, FieldKind};
use sales_playbook::domain::playbook::{Industry, StageKind};
use sales_playbook::domain::proposal::{is_deal_variable, ProposalTemplate};
use sales_playbook::domain::template::{parse, Node, Template};
use sales_playbook::domain::{Id, Locale, LocalizedText};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};

const CHECKLISTS: &str = include_str!("../content/default/checklists.json");
const TEMPLATES: &str = include_str!("../content/default/templates.json");
const FIELDS: &str = include_str!("../content/default/fields.json");

fn checklists() -> Vec<Checklist> {
    sales_playbook::json::from_str(CHECKLISTS)
        .expect("content/default/checklists.json parses as checklists")
}

fn templates() -> Vec<ProposalTemplate> {
    sales_playbook::json::from_str(TEMPLATES)
        .expect("content/default/templates.json parses as proposal templates")
}

fn fields() -> Vec<FieldDef> {
    sales_playbook::json::from_str(FIELDS).expect("content/default/fields.json parses as fields")
}

fn is_field(name: &str) -> bool {
    fields().iter().any(|f| f.name == name)
}

/// A name a template may use: a discovery field or a deal variable.
fn is_known(name: &str) -> bool {
    is_deal_variable(name) || is_field(name)
}

fn checklist(framework: Framework) -> Checklist {
    checklists()
        .into_iter()
        .find(|c| c.framework == framework)
        .unwrap_or_else(|| panic!("no {framework:?} checklist"))
}

fn parsed(at: &str, src: &str) -> Template {
    parse(src).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{at} does not parse:\n{}", list.join("\n"))
    })
}

/// Every section body of every template, with where it is, in both languages.
fn bodies() -> Vec<(String, String, ProposalTemplate, usize)> {
    let mut out = Vec::new();
    for t in templates() {
        for (i, s) in t.sections.iter().enumerate() {
            for locale in Locale::ALL {
                let at = format!("{}.{}.body.{}", t.id, s.id, locale.tag());
                let src = match locale {
                    Locale::ZhCn => s.body.zh.clone(),
                    _ => s.body.en.clone(),
                };
                out.push((at, src, t.clone(), i));
            }
        }
    }
    out
}

/// Every text of both files, with where it is.
fn all_texts() -> Vec<(String, LocalizedText)> {
    let mut out = Vec::new();
    for c in checklists() {
        out.push((format!("{}.title", c.id), c.title.clone()));
        out.push((format!("{}.description", c.id), c.description.clone()));
        for i in &c.items {
            out.push((format!("{}.{}.question", c.id, i.id), i.question.clone()));
            out.push((format!("{}.{}.hint", c.id, i.id), i.hint.clone()));
        }
    }
    for t in templates() {
        out.push((format!("{}.title", t.id), t.title.clone()));
        out.push((format!("{}.description", t.id), t.description.clone()));
        for s in &t.sections {
            out.push((format!("{}.{}.title", t.id, s.id), s.title.clone()));
            out.push((format!("{}.{}.body", t.id, s.id), s.body.clone()));
        }
    }
    out
}

// ------------------------------------------------------------------------------ the files

/// Serde skips keys it does not know, so a misspelt key (`"requried"`, `"showif"`) would
/// silently fall back to its default. Every key must be one the model reads.
#[test]
fn the_files_use_only_the_keys_of_the_model() {
    fn keys(at: &str, v: &Value, allowed: &[&str]) {
        let obj = v
            .as_object()
            .unwrap_or_else(|| panic!("{at} is not an object"));
        for k in obj.keys() {
            assert!(allowed.contains(&k.as_str()), "{at}: unknown key `{k}`");
        }
    }
    let text = ["en", "zh"];
    let lists: Value = serde_json::from_str(CHECKLISTS).unwrap();
    for c in lists.as_array().unwrap() {
        let at = c["id"].as_str().unwrap_or("?").to_owned();
        keys(
            &at,
            c,
            &[
                "id",
                "framework",
                "title",
                "description",
                "stage",
                "industries",
                "items",
            ],
        );
        keys(&at, &c["title"], &text);
        keys(&at, &c["description"], &text);
        for i in c["items"].as_array().unwrap() {
            let at = format!("{at}.{}", i["id"].as_str().unwrap_or("?"));
            keys(
                &at,
                i,
                &["id", "field", "question", "hint", "required", "group"],
            );
            keys(&at, &i["question"], &text);
            keys(&at, &i["hint"], &text);
            assert!(i["required"].is_boolean(), "{at}: `required` is not set");
        }
    }
    let tpls: Value = serde_json::from_str(TEMPLATES).unwrap();
    for t in tpls.as_array().unwrap() {
        let at = t["id"].as_str().unwrap_or("?").to_owned();
        keys(
            &at,
            t,
            &[
                "id",
                "title",
                "description",
                "industry",
                "sections",
                "pricing",
            ],
        );
        keys(&at, &t["title"], &text);
        keys(&at, &t["description"], &text);
        for s in t["sections"].as_array().unwrap() {
            let at = format!("{at}.{}", s["id"].as_str().unwrap_or("?"));
            keys(&at, s, &["id", "title", "body", "show_if"]);
            keys(&at, &s["title"], &text);
            keys(&at, &s["body"], &text);
        }
    }
}

#[test]
fn every_text_is_written_in_both_languages() {
    let texts = all_texts();
    assert!(texts.len() > 200, "only {} texts", texts.len());
    common::assert_bilingual(&texts);
}

#[test]
fn ids_are_valid_and_unique() {
    let mut seen = HashSet::new();
    for c in checklists() {
        assert!(c.id.as_str().starts_with("cl-"), "checklist id {}", c.id);
        assert!(seen.insert(c.id.clone()), "duplicate id {}", c.id);
        let mut items = HashSet::new();
        for i in &c.items {
            assert!(items.insert(&i.id), "{}: duplicate item {}", c.id, i.id);
        }
    }
    for t in templates() {
        assert!(t.id.as_str().starts_with("tpl-"), "template id {}", t.id);
        assert!(seen.insert(t.id.clone()), "duplicate id {}", t.id);
        let mut sections = HashSet::new();
        for s in &t.sections {
            assert!(
                sections.insert(&s.id),
                "{}: duplicate section {}",
                t.id,
                s.id
            );
        }
    }
    for id in seen {
        assert_eq!(Id::parse(id.as_str()).as_ref(), Ok(&id));
    }
}

/// CommonMark does not close `**…**` right after punctuation when a letter follows
/// (`**问题：**痛点` stays literal), nor open it right before punctuation after a letter.
/// Chinese text hits this constantly, so punctuation goes outside the bold.
#[test]
fn bold_markers_sit_where_markdown_honours_them() {
    let is_punct = |c: Option<char>| {
        c.is_some_and(|c| {
            c.is_ascii_punctuation() || !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii()
        })
    };
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (at, src, _, _) in bodies() {
        let template = parsed(&at, &src);
        // Filled with word-like values, as a real proposal would be, and with none.
        for out in [
            template.render(&|_| Some("x1".into())).text,
            template.render(&|_| None).text,
        ] {
            for (n, line) in out.lines().enumerate() {
                let chars: Vec<char> = line.chars().collect();
                let mut opening = true;
                let mut i = 0;
                while i + 1 < chars.len() {
                    if chars[i] == '*' && chars[i + 1] == '*' {
                        let before = i.checked_sub(1).map(|b| chars[b]);
                        let after = chars.get(i + 2).copied();
                        let ok = if opening {
                            !(is_punct(after) && is_word(before))
                        } else {
                            !(is_punct(before) && is_word(after))
                        };
                        assert!(ok, "{at}, line {}: `**` will not render: {line}", n + 1);
                        opening = !opening;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                assert!(opening, "{at}, line {}: unpaired `**`: {line}", n + 1);
            }
        }
    }
}

// ------------------------------------------------------------------------------ checklists

#[test]
fn the_six_frameworks_are_each_present_once() {
    let lists = checklists();
    let frameworks: Vec<Framework> = lists.iter().map(|c| c.framework).collect();
    for f in Framework::ALL
        .into_iter()
        .filter(|f| *f != Framework::Custom)
    {
        let n = frameworks.iter().filter(|&&g| g == f).count();
        assert_eq!(n, 1, "{f:?} appears {n} times");
    }
    // An unknown framework name would read as Custom.
    assert!(!frameworks.contains(&Framework::Custom));
    assert_eq!(lists.len(), 6);
}

#[test]
fn every_checklist_validates_without_issues() {
    let fields = fields();
    for c in checklists() {
        let issues = validate(&c, &fields);
        let list: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert!(issues.is_empty(), "{}:\n{}", c.id, list.join("\n"));
    }
}

#[test]
fn every_item_names_a_known_field_and_has_a_hint() {
    for c in checklists() {
        for i in &c.items {
            assert!(is_field(&i.field), "{}.{}: field {}", c.id, i.id, i.field);
            assert!(!i.hint.is_empty(), "{}.{}: no hint", c.id, i.id);
            assert!(
                i.question.en.trim_end().ends_with('?') && i.question.zh.trim_end().ends_with('？')
                    || i.field.starts_with("score_"),
                "{}.{}: the question is not a question",
                c.id,
                i.id
            );
        }
    }
}

#[test]
fn checklists_serve_a_known_stage_and_every_industry() {
    for c in checklists() {
        assert!(
            c.stage.is_some_and(|s| s != StageKind::Unknown),
            "{}: stage {:?}",
            c.id,
            c.stage
        );
        assert!(c.industries.is_empty(), "{}: limited to industries", c.id);
    }
    assert_eq!(
        checklist(Framework::FirstContact).stage,
        Some(StageKind::LeadDevelopment)
    );
    assert_eq!(
        checklist(Framework::DecisionChain).stage,
        Some(StageKind::NeedsAnalysis)
    );
}

/// The completeness standard counts required items; every dimension of a framework must have
/// one, and no checklist may require everything (some questions are depth, not a gate).
#[test]
fn required_items_cover_every_dimension() {
    for c in checklists() {
        for group in c.groups() {
            assert!(
                c.items_in(group).any(|i| i.required),
                "{}: nothing required in `{group}`",
                c.id
            );
        }
        let required = c.items.iter().filter(|i| i.required).count();
        assert!(
            required >= 4 && required < c.items.len(),
            "{}: {required} of {} items required",
            c.id,
            c.items.len()
        );
    }
}

#[test]
fn bant_asks_what_each_dimension_needs() {
    let bant = checklist(Framework::Bant);
    let groups: BTreeMap<&str, &str> = bant
        .items
        .iter()
        .map(|i| (i.field.as_str(), i.group.as_str()))
        .collect();
    let expected = [
        ("budget_allocated", "budget"),
        ("budget_range", "budget"),
        ("budget_approval", "budget"),
        ("decision_maker", "authority"),
        ("influencers", "authority"),
        ("veto_holders", "authority"),
        ("approval_path", "authority"),
        ("pain", "need"),
        ("must_haves", "need"),
        ("nice_to_haves", "need"),
        ("priority", "need"),
        ("decision_date", "timeline"),
        ("go_live_date", "timeline"),
        ("compelling_event", "timeline"),
    ];
    for (field, group) in expected {
        assert_eq!(groups.get(field), Some(&group), "BANT `{field}`");
    }
    // The verdict fails Budget on a "no" to this yes/no question.
    let kind = fields()
        .into_iter()
        .find(|f| f.name == "budget_allocated")
        .map(|f| f.kind);
    assert_eq!(kind, Some(FieldKind::YesNo));
    assert!(bant
        .items
        .iter()
        .any(|i| i.field == "budget_allocated" && i.required));
}

#[test]
fn meddpicc_has_a_text_and_a_score_item_per_element_with_a_rubric() {
    let list = checklist(Framework::Meddpicc);
    for group in Framework::Meddpicc.groups().unwrap() {
        let items: Vec<_> = list.items_in(group).collect();
        let score = format!("score_{group}");
        let scored: Vec<_> = items.iter().filter(|i| i.field == score).collect();
        assert_eq!(scored.len(), 1, "`{group}` has no {score} item");
        assert!(scored[0].required, "{score} is not required");
        for text in [&scored[0].hint.en, &scored[0].hint.zh] {
            assert!(
                text.contains("1–3") && text.contains("9–10"),
                "{score}: the hint is not a 1–10 rubric"
            );
        }
        assert!(
            items
                .iter()
                .any(|i| !i.field.starts_with("score_") && i.required),
            "`{group}` has no required question"
        );
    }
}

#[test]
fn first_contact_ends_with_a_dated_next_step_and_grades_the_lead() {
    let list = checklist(Framework::FirstContact);
    for field in ["next_step", "next_step_date", "interest_level", "pain"] {
        assert!(
            list.items.iter().any(|i| i.field == field && i.required),
            "first contact does not require {field}"
        );
    }
    let last: Vec<&str> = list.items[list.items.len() - 2..]
        .iter()
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(last, ["next_step", "next_step_date"]);
}

#[test]
fn decision_chain_maps_technical_procurement_and_management_before_the_demo() {
    let list = checklist(Framework::DecisionChain);
    for (field, group) in [
        ("technical_evaluator", "technical"),
        ("procurement_contact", "procurement"),
        ("management_sponsor", "management"),
        ("economic_buyer", "management"),
        ("demo_date", "technical"),
    ] {
        assert!(
            list.items
                .iter()
                .any(|i| i.field == field && i.group == group && i.required),
            "decision chain: {field} in {group}"
        );
    }
    assert!(list.description.en.contains("60%") && list.description.zh.contains("80%"));
}

// ------------------------------------------------------------------------------ templates

#[test]
fn one_template_per_industry_and_a_generic_one() {
    let tpls = templates();
    assert_eq!(tpls.len(), Industry::ALL.len());
    for industry in Industry::ALL {
        let n = tpls.iter().filter(|t| t.industry == industry).count();
        assert_eq!(n, 1, "{industry:?}: {n} templates");
        assert_eq!(
            ProposalTemplate::suggest(&tpls, industry).map(|t| t.industry),
            Some(industry)
        );
    }
    for t in &tpls {
        assert!(t.pricing, "{}: no pricing table", t.id);
        assert!(
            (6..=10).contains(&t.sections.len()),
            "{}: {} sections",
            t.id,
            t.sections.len()
        );
    }
}

#[test]
fn every_body_parses_in_both_languages_and_uses_only_known_variables() {
    for (at, src, _, _) in bodies() {
        let errors = parsed(&at, &src).check_known(&is_known);
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{at}:\n{}", list.join("\n"));
    }
    for t in templates() {
        for s in &t.sections {
            if let Some(field) = &s.show_if {
                assert!(is_field(field), "{}.{}: show_if {field}", t.id, s.id);
            }
        }
    }
}

/// Both languages of a section say the same thing, so they use the same variables.
#[test]
fn both_languages_of_a_section_use_the_same_variables() {
    for t in templates() {
        for s in &t.sections {
            let names = |src: &str| -> BTreeSet<String> {
                parsed(&format!("{}.{}", t.id, s.id), src)
                    .variables()
                    .into_iter()
                    .map(|(name, _)| name)
                    .collect()
            };
            assert_eq!(
                names(&s.body.en),
                names(&s.body.zh),
                "{}.{}: the languages use different variables",
                t.id,
                s.id
            );
        }
    }
}

/// What a template may show as a visible `[[gap]]` when unanswered: deal variables, the core
/// discovery answers no proposal should go out without, and the section's own `show_if`.
/// Every other answer is optional and must sit inside an `{{#if}}` on itself.
const CORE: [&str; 5] = [
    "pain",
    "must_haves",
    "metrics_target",
    "next_step",
    "next_step_date",
];

#[test]
fn optional_answers_are_only_used_inside_an_if_on_themselves() {
    fn walk(at: &str, nodes: &[Node], guards: &mut Vec<String>, allowed: &dyn Fn(&str) -> bool) {
        for node in nodes {
            match node {
                Node::Text(_) => {}
                Node::Var(v) => assert!(
                    allowed(&v.name) || guards.contains(&v.name),
                    "{at}: `{}` at {} is used outside `{{{{#if {}}}}}`",
                    v.name,
                    v.position,
                    v.name
                ),
                Node::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    guards.push(cond.name.clone());
                    walk(at, then, guards, allowed);
                    guards.pop();
                    walk(at, otherwise, guards, allowed);
                }
                Node::Unless { body, .. } => walk(at, body, guards, allowed),
            }
        }
    }
    for (at, src, t, i) in bodies() {
        let show_if = t.sections[i].show_if.clone();
        let allowed = |name: &str| {
            is_deal_variable(name) || CORE.contains(&name) || show_if.as_deref() == Some(name)
        };
        walk(&at, parsed(&at, &src).nodes(), &mut Vec::new(), &allowed);
    }
}

#[test]
fn bodies_render_cleanly_with_every_answer_and_with_none() {
    for (at, src, t, i) in bodies() {
        let show_if = t.sections[i].show_if.clone();
        let template = parsed(&at, &src);
        let full = template.render(&|name| Some(format!("<{name}>")));
        assert!(full.missing.is_empty(), "{at}: missing {:?}", full.missing);
        let empty = template.render(&|_| None);
        for out in [&full.text, &empty.text] {
            assert!(
                !out.contains("{{") && !out.contains("}}"),
                "{at}: a tag shows"
            );
            assert!(
                !out.contains("\n\n\n"),
                "{at}: a run of blank lines:\n{out}"
            );
            assert!(!out.starts_with('\n'), "{at}: starts with a blank line");
            assert!(!out.trim().is_empty(), "{at}: renders to nothing");
            assert!(
                !out.contains(" ,") && !out.contains(" ."),
                "{at}: a stray space"
            );
        }
        for (name, _) in &empty.missing {
            assert!(
                is_deal_variable(name)
                    || CORE.contains(&name.as_str())
                    || show_if.as_ref() == Some(name),
                "{at}: `{name}` left as a gap"
            );
        }
    }
}

fn variables_of(t: &ProposalTemplate) -> BTreeSet<String> {
    t.sections
        .iter()
        .flat_map(|s| [s.body.en.clone(), s.body.zh.clone()])
        .flat_map(|src| parsed(t.id.as_str(), &src).variables())
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn every_template_carries_the_deal_from_situation_to_next_step() {
    for t in templates() {
        let vars = variables_of(&t);
        for name in [
            "company",
            "pain",
            "metrics_baseline",
            "metrics_target",
            "must_haves",
            "go_live_date",
            "pricing_table",
            "budget_range",
            "next_step",
            "next_step_date",
            "owner",
        ] {
            assert!(vars.contains(name), "{}: never uses {name}", t.id);
        }
        let ids: Vec<&str> = t.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"situation"), "{}", t.id);
        assert_eq!(ids.last(), Some(&"next-steps"), "{}", t.id);
        for id in ["objectives", "investment", "why-us"] {
            assert!(ids.contains(&id), "{}: no {id} section", t.id);
        }
        let investment = t.sections.iter().find(|s| s.id.as_str() == "investment");
        for src in investment.iter().flat_map(|s| [&s.body.en, &s.body.zh]) {
            assert!(src.contains("{{pricing_table}}"), "{}: price table", t.id);
            assert!(src.contains("{{#if budget_range}}"), "{}: budget", t.id);
        }
    }
}

#[test]
fn industry_templates_speak_to_their_industry() {
    let tpls = templates();
    let of = |industry: Industry| tpls.iter().find(|t| t.industry == industry).unwrap();
    let has_section =
        |t: &ProposalTemplate, id: &str| t.sections.iter().any(|s| s.id.as_str() == id);

    let mfg = of(Industry::Manufacturing);
    assert!(has_section(mfg, "pilot"));
    assert!(variables_of(mfg).contains("sites"));
    let text: String = mfg.sections.iter().map(|s| s.body.en.clone()).collect();
    assert!(text.contains("downtime") && text.contains("payback"));

    let retail = of(Industry::Retail);
    assert!(has_section(retail, "peak-season"));
    assert!(variables_of(retail).contains("sites"));

    let services = of(Industry::ProfessionalServices);
    assert!(has_section(services, "confidentiality"));
    let text: String = services
        .sections
        .iter()
        .map(|s| s.body.zh.clone())
        .collect();
    assert!(text.contains("利用率") && text.contains("保密"));

    let software = of(Industry::Software);
    assert!(has_section(software, "security"));
    let vars = variables_of(software);
    assert!(vars.contains("users") && vars.contains("current_vendor"));
    let migration = software
        .sections
        .iter()
        .find(|s| s.id.as_str() == "migration")
        .expect("software: no migration section");
    assert_eq!(migration.show_if.as_deref(), Some("current_vendor"));
}
