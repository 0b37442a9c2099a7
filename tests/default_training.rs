//! Native checks of the default training content in `content/training/*.json`: the drill
//! rubric, the mock-sale scenarios and the "First 30 days" onboarding path. Each must parse,
//! validate, point only at content the default playbook really has, be written in both
//! languages, and teach the rules of the sales process correctly.

mod common;

use sales_playbook::domain::checklist::Checklist;
use sales_playbook::domain::objection::Objection;
use sales_playbook::domain::playbook::{Industry, Stage, StageKind};
use sales_playbook::domain::script::Script;
use sales_playbook::domain::training::path::{
    self, grade_quiz, Answer, Item, ItemKind, Path, Question, Quiz, Target,
};
use sales_playbook::domain::training::rubric::{self, Rubric, Verdict};
use sales_playbook::domain::training::scenario::{self, Difficulty, Scenario};
use sales_playbook::domain::training::CriterionScore;
use sales_playbook::domain::{Id, LocalizedText};
use std::collections::HashSet;

const RUBRIC: &str = include_str!("../content/training/rubric.json");
const SCENARIOS: &str = include_str!("../content/training/scenarios.json");
const PATH: &str = include_str!("../content/training/path.json");

const STAGES: &str = include_str!("../content/default/stages.json");
const SCRIPTS: &str = include_str!("../content/default/scripts.json");
const CHECKLISTS: &str = include_str!("../content/default/checklists.json");
const OBJECTIONS: &str = include_str!("../content/default/objections.json");

fn rubric() -> Rubric {
    sales_playbook::json::from_str(RUBRIC).expect("content/training/rubric.json parses as a rubric")
}

fn scenarios() -> Vec<Scenario> {
    sales_playbook::json::from_str(SCENARIOS)
        .expect("content/training/scenarios.json parses as scenarios")
}

fn onboarding() -> Path {
    sales_playbook::json::from_str(PATH).expect("content/training/path.json parses as a path")
}

fn stages() -> Vec<Stage> {
    sales_playbook::json::from_str(STAGES).expect("content/default/stages.json parses")
}

fn scripts() -> Vec<Script> {
    sales_playbook::json::from_str(SCRIPTS).expect("content/default/scripts.json parses")
}

fn checklists() -> Vec<Checklist> {
    sales_playbook::json::from_str(CHECKLISTS).expect("content/default/checklists.json parses")
}

fn objections() -> Vec<Objection> {
    sales_playbook::json::from_str(OBJECTIONS).expect("content/default/objections.json parses")
}

fn script_ids() -> Vec<Id> {
    scripts().into_iter().map(|s| s.id).collect()
}

fn objection_ids() -> Vec<Id> {
    objections().into_iter().map(|o| o.id).collect()
}

/// Every item of the path, in path order.
fn items() -> Vec<Item> {
    onboarding()
        .modules
        .into_iter()
        .flat_map(|m| m.items)
        .collect()
}

/// Every quiz of the path with its item id.
fn quizzes() -> Vec<(Id, Quiz)> {
    items()
        .into_iter()
        .filter_map(|i| match i.kind {
            ItemKind::Quiz(q) => Some((i.id, q)),
            _ => None,
        })
        .collect()
}

/// Every question of every quiz, with where it is for error messages.
fn questions() -> Vec<(String, Question)> {
    quizzes()
        .into_iter()
        .flat_map(|(item, quiz)| {
            quiz.questions
                .into_iter()
                .enumerate()
                .map(move |(n, q)| (format!("{item} question {}", n + 1), q))
        })
        .collect()
}

fn all_at(r: &Rubric, value: u8) -> Vec<CriterionScore> {
    r.criteria
        .iter()
        .map(|c| CriterionScore {
            criterion: c.key.clone(),
            score: value,
            note: String::new(),
        })
        .collect()
}

fn scored(r: &Rubric, value: u8, except: &[(&str, u8)]) -> Vec<CriterionScore> {
    let mut scores = all_at(r, value);
    for s in &mut scores {
        if let Some((_, v)) = except.iter().find(|(k, _)| *k == s.criterion) {
            s.score = *v;
        }
    }
    scores
}

/// The answer that gets `question` right: the correct options, or the first accepted text.
fn right_answer(question: &Question) -> Answer {
    match question {
        Question::Choice { correct, .. } => Answer::Choice(correct.clone()),
        Question::ShortAnswer { accepted, .. } => Answer::Text(accepted[0].en.clone()),
        Question::Unknown => panic!("a question of an unknown kind"),
    }
}

/// Answers that must be marked wrong: each single wrong option, the right options plus a
/// wrong one, the right options minus one, nothing picked; for a short answer, a near miss.
fn wrong_answers(question: &Question) -> Vec<Answer> {
    match question {
        Question::Choice {
            options, correct, ..
        } => {
            let wrong: Vec<u32> = (0..options.len() as u32)
                .filter(|i| !correct.contains(i))
                .collect();
            let mut answers: Vec<Answer> = wrong.iter().map(|&w| Answer::Choice(vec![w])).collect();
            answers.push(Answer::Choice(vec![]));
            if let Some(&w) = wrong.first() {
                let mut more = correct.clone();
                more.push(w);
                answers.push(Answer::Choice(more));
            }
            if correct.len() > 1 {
                answers.push(Answer::Choice(correct[1..].to_vec()));
            }
            answers
        }
        Question::ShortAnswer { .. } => ["I don't know", "48", "不知道", "12 hours", "D"]
            .into_iter()
            .map(|s| Answer::Text(s.into()))
            .collect(),
        Question::Unknown => vec![],
    }
}

/// A one-question quiz with the pass mark of the quiz it comes from.
fn alone(question: &Question, pass_mark: u8) -> Quiz {
    Quiz {
        questions: vec![question.clone()],
        pass_mark,
    }
}

/// The question whose English prompt contains `words`; there must be one.
fn question_about(words: &str) -> Question {
    let found: Vec<Question> = questions()
        .into_iter()
        .map(|(_, q)| q)
        .filter(|q| match q {
            Question::Choice { prompt, .. } | Question::ShortAnswer { prompt, .. } => {
                prompt.en.contains(words)
            }
            Question::Unknown => false,
        })
        .collect();
    assert!(!found.is_empty(), "no question about {words:?}");
    found[0].clone()
}

/// The options of a choice question, by English text.
fn option_index(question: &Question, starts_with: &str) -> u32 {
    let Question::Choice { options, .. } = question else {
        panic!("not a choice question");
    };
    options
        .iter()
        .position(|o| o.en.starts_with(starts_with))
        .unwrap_or_else(|| panic!("no option {starts_with:?}")) as u32
}

/// Every text of the training content, with where it is, for error messages.
fn all_texts() -> Vec<(String, LocalizedText)> {
    let mut out = Vec::new();
    let r = rubric();
    out.push(("rubric.name".to_owned(), r.name.clone()));
    for c in &r.criteria {
        out.push((format!("rubric.{}.name", c.key), c.name.clone()));
        for (i, level) in c.levels.iter().enumerate() {
            out.push((format!("rubric.{}.levels[{i}]", c.key), level.clone()));
        }
    }
    for s in scenarios() {
        for (field, text) in s.texts() {
            out.push((format!("{}.{field}", s.id), text.clone()));
        }
    }
    let p = onboarding();
    out.push(("path.name".to_owned(), p.name.clone()));
    for m in &p.modules {
        out.push((format!("{}.name", m.id), m.name.clone()));
        for i in &m.items {
            out.push((format!("{}.name", i.id), i.name.clone()));
        }
    }
    for (at, q) in questions() {
        match q {
            Question::Choice {
                prompt, options, ..
            } => {
                out.push((format!("{at}.prompt"), prompt));
                for (n, o) in options.into_iter().enumerate() {
                    out.push((format!("{at}.options[{n}]"), o));
                }
            }
            Question::ShortAnswer { prompt, accepted } => {
                out.push((format!("{at}.prompt"), prompt));
                for (n, a) in accepted.into_iter().enumerate() {
                    out.push((format!("{at}.accepted[{n}]"), a));
                }
            }
            Question::Unknown => {}
        }
    }
    out
}

#[test]
fn training_files_parse_into_their_types() {
    assert!(!rubric().criteria.is_empty());
    assert!(!scenarios().is_empty());
    assert!(!onboarding().modules.is_empty());
}

#[test]
fn every_training_text_is_written_in_both_languages() {
    let texts = all_texts();
    assert!(
        texts.len() > 300,
        "the walk found only {} texts",
        texts.len()
    );
    common::assert_bilingual(&texts);
}

#[test]
fn training_ids_are_unique_and_valid() {
    let p = onboarding();
    let ids: Vec<Id> = [rubric().id, p.id.clone()]
        .into_iter()
        .chain(scenarios().into_iter().map(|s| s.id))
        .chain(p.modules.iter().map(|m| m.id.clone()))
        .chain(items().into_iter().map(|i| i.id))
        .collect();
    let mut seen = HashSet::new();
    for id in &ids {
        assert_eq!(Id::parse(id.as_str()).as_ref(), Ok(id), "invalid id {id}");
        assert!(seen.insert(id.as_str()), "duplicate id {id}");
    }
    for s in scenarios() {
        assert!(s.id.as_str().starts_with("scn-"), "scenario id {}", s.id);
    }
}

// ---- the rubric ----

#[test]
fn the_default_rubric_has_the_six_drill_criteria_and_no_issues() {
    let r = rubric();
    assert_eq!(rubric::validate(&r), []);
    let keys: Vec<&str> = r.criteria.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "opening",
            "discovery_depth",
            "value",
            "objections",
            "next_step",
            "statements"
        ]
    );
    for c in &r.criteria {
        assert_eq!(c.levels.len(), 5, "{}: a description for each score", c.key);
        assert!(c.weight > 0, "{} weighs nothing", c.key);
        assert_eq!(c.required, c.key == "statements", "{} required?", c.key);
    }
    let heaviest = r.criteria.iter().max_by_key(|c| c.weight).unwrap();
    assert_eq!(heaviest.key, "discovery_depth");
    assert!(
        r.criteria
            .iter()
            .filter(|c| c.key != "discovery_depth")
            .all(|c| c.weight < heaviest.weight),
        "discovery depth is the single heaviest criterion"
    );
    assert_eq!(r.pass_mark, 70);
}

#[test]
fn the_default_rubric_scores_all_fives_100_and_passes_at_70() {
    let r = rubric();
    let card = |scores: &[CriterionScore]| rubric::score(&r, scores).unwrap();
    let top = card(&all_at(&r, 5));
    assert_eq!((top.percent, top.verdict), (Some(100), Verdict::Pass));
    let bottom = card(&all_at(&r, 1));
    assert_eq!((bottom.percent, bottom.verdict), (Some(0), Verdict::Fail));
    // 3 is "meets the standard" on every criterion: half marks, not a pass.
    let threes = card(&all_at(&r, 3));
    assert_eq!((threes.percent, threes.verdict), (Some(50), Verdict::Fail));
    let fours = card(&all_at(&r, 4));
    assert_eq!((fours.percent, fours.verdict), (Some(75), Verdict::Pass));
}

#[test]
fn the_default_rubric_weighs_discovery_most_and_knocks_out_missing_statements() {
    let r = rubric();
    let card = |scores: &[CriterionScore]| rubric::score(&r, scores).unwrap();
    let weak_opening = card(&scored(&r, 4, &[("opening", 2)]));
    let weak_discovery = card(&scored(&r, 4, &[("discovery_depth", 2)]));
    assert!(weak_discovery.percent < weak_opening.percent);
    assert_eq!(weak_discovery.verdict, Verdict::Fail);
    // Everything else exemplary, but the required statements left out: the drill fails.
    let no_statements = card(&scored(&r, 5, &[("statements", 2)]));
    assert_eq!(no_statements.verdict, Verdict::Fail);
    assert_eq!(no_statements.knocked_out, ["statements"]);
    assert!(no_statements.percent >= Some(r.pass_mark));
}

// ---- the scenarios ----

#[test]
fn every_scenario_validates_against_the_default_playbook() {
    let (scripts, objections, rubrics) = (script_ids(), objection_ids(), [rubric().id]);
    for s in scenarios() {
        assert_eq!(
            scenario::validate(&s, &scripts, &objections, &rubrics),
            [],
            "{}",
            s.id
        );
    }
}

#[test]
fn every_industry_has_a_scenario_and_every_difficulty_is_used() {
    let all = scenarios();
    for industry in Industry::ALL {
        assert!(
            all.iter().any(|s| s.industry == industry),
            "no scenario for {}",
            industry.code()
        );
    }
    for difficulty in Difficulty::ALL {
        assert!(
            all.iter().any(|s| s.difficulty == difficulty),
            "no {} scenario",
            difficulty.code()
        );
    }
    assert!(all.len() >= 7, "only {} scenarios", all.len());
}

#[test]
fn every_scenario_script_is_written_for_its_industry() {
    let scripts = scripts();
    for s in scenarios() {
        let script = scripts.iter().find(|x| x.id == s.script).unwrap();
        assert!(
            script.industries.is_empty() || script.industries.contains(&s.industry),
            "{}: script {} is not for {}",
            s.id,
            s.script,
            s.industry.code()
        );
    }
}

#[test]
fn every_scenario_hides_several_distinct_objections_of_its_industry() {
    let library = objections();
    for s in scenarios() {
        let hidden = &s.hidden.true_objections;
        assert!(
            (2..=5).contains(&hidden.len()),
            "{}: {} objections",
            s.id,
            hidden.len()
        );
        let distinct: HashSet<&Id> = hidden.iter().collect();
        assert_eq!(distinct.len(), hidden.len(), "{}: an objection twice", s.id);
        for id in hidden {
            let o = library.iter().find(|o| &o.id == id).unwrap();
            assert!(
                o.applies_to(s.industry),
                "{}: {id} is not an objection of {}",
                s.id,
                s.industry.code()
            );
        }
    }
}

#[test]
fn every_scenario_is_scored_on_the_default_rubric() {
    for s in scenarios() {
        assert_eq!(s.rubric, rubric().id, "{}", s.id);
    }
}

// ---- the onboarding path ----

#[test]
fn the_path_is_first_30_days_and_validates() {
    let p = onboarding();
    assert_eq!(p.name, LocalizedText::new("First 30 days", "入职前 30 天"));
    assert_eq!(path::validate(&p), []);
    for item in items() {
        assert!(
            item.counts(),
            "{}: a kind this version cannot show",
            item.id
        );
    }
    assert!(!p.certificate_eligible(&[]));
    let all: Vec<Id> = items().into_iter().map(|i| i.id).collect();
    assert!(p.certificate_eligible(&all));
}

#[test]
fn every_read_target_resolves_to_default_content() {
    let (stages, scripts, checklists, objections) =
        (stages(), scripts(), checklists(), objections());
    for item in items() {
        let ItemKind::Read { target } = &item.kind else {
            continue;
        };
        let found = match Target::parse(target) {
            Target::Stage(kind) => stages
                .iter()
                .any(|s| sales_playbook::json::to_value(&s.kind).as_str() == Some(kind)),
            Target::Script(id) => scripts.iter().any(|s| s.id.as_str() == id),
            Target::Checklist(id) => checklists.iter().any(|c| c.id.as_str() == id),
            Target::Objection(id) => objections.iter().any(|o| o.id.as_str() == id),
            Target::Other(_) => false,
        };
        assert!(
            found,
            "{}: {target:?} is not in the default playbook",
            item.id
        );
    }
}

#[test]
fn the_path_reads_all_six_stages_their_scripts_and_the_qualification_checklists() {
    let targets: Vec<String> = items()
        .into_iter()
        .filter_map(|i| match i.kind {
            ItemKind::Read { target } => Some(target),
            _ => None,
        })
        .collect();
    for kind in StageKind::ALL {
        let code = sales_playbook::json::to_value(&kind);
        let wanted = format!("stage:{}", code.as_str().unwrap());
        assert!(targets.contains(&wanted), "the path never reads {wanted}");
    }
    // At least one script of each stage, so every stage is also practised as a conversation.
    for kind in StageKind::ALL {
        let read = scripts()
            .iter()
            .filter(|s| s.stage == kind)
            .any(|s| targets.contains(&format!("script:{}", s.id)));
        assert!(read, "the path reads no script of the {kind:?} stage");
    }
    for id in [
        "cl-bant",
        "cl-meddpicc",
        "cl-first-contact",
        "cl-decision-chain",
    ] {
        let wanted = format!("checklist:{id}");
        assert!(targets.contains(&wanted), "the path never reads {wanted}");
    }
}

#[test]
fn the_path_practises_the_objection_library_and_drills_real_scenarios() {
    let library = objections().len() as u32;
    let scenario_ids: Vec<Id> = scenarios().into_iter().map(|s| s.id).collect();
    let (mut practice, mut drills) = (0, 0);
    for item in items() {
        match &item.kind {
            ItemKind::Practice { cards } => {
                practice += 1;
                assert!(
                    (1..=library).contains(cards),
                    "{}: {cards} cards from a library of {library}",
                    item.id
                );
            }
            ItemKind::Drill {
                scenario,
                pass_mark,
            } => {
                drills += 1;
                assert!(
                    scenario_ids.iter().any(|s| s.as_str() == scenario),
                    "{}: no scenario {scenario:?}",
                    item.id
                );
                assert!(
                    (rubric().pass_mark..=100).contains(pass_mark),
                    "{}: pass mark {pass_mark}",
                    item.id
                );
            }
            _ => {}
        }
    }
    assert!(practice >= 1, "no flashcard practice");
    assert!(drills >= 2, "only {drills} drills");
}

#[test]
fn every_module_ends_in_a_check_and_quizzes_mix_both_kinds_of_question() {
    for m in onboarding().modules {
        let last = m.items.last().unwrap();
        assert!(
            matches!(last.kind, ItemKind::Quiz(_) | ItemKind::Drill { .. }),
            "{}: ends without a quiz",
            m.id
        );
    }
    let all = questions();
    assert!(all.len() >= 20, "only {} questions", all.len());
    let short = all
        .iter()
        .filter(|(_, q)| matches!(q, Question::ShortAnswer { .. }))
        .count();
    assert!(short >= 5 && short < all.len(), "{short} short answers");
    for (item, quiz) in quizzes() {
        assert!(quiz.questions.len() >= 5, "{item}: a short quiz");
        assert!((70..=100).contains(&quiz.pass_mark), "{item}: pass mark");
    }
}

#[test]
fn every_quiz_question_passes_with_its_answer_and_fails_with_a_wrong_one() {
    for (item, quiz) in quizzes() {
        for (n, q) in quiz.questions.iter().enumerate() {
            let at = format!("{item} question {}", n + 1);
            let one = alone(q, quiz.pass_mark);
            assert!(
                grade_quiz(&one, &[Some(right_answer(q))]).passed,
                "{at}: the right answer fails"
            );
            if let Question::ShortAnswer { accepted, .. } = q {
                for a in accepted.iter().flat_map(|a| [&a.en, &a.zh]) {
                    let r = grade_quiz(&one, &[Some(Answer::Text(a.clone()))]);
                    assert!(r.passed, "{at}: the accepted answer {a:?} fails");
                }
            }
            for wrong in wrong_answers(q) {
                assert!(
                    !grade_quiz(&one, &[Some(wrong.clone())]).passed,
                    "{at}: the wrong answer {wrong:?} passes"
                );
            }
            assert!(!grade_quiz(&one, &[None]).passed, "{at}: no answer passes");
        }
        let right: Vec<Option<Answer>> = quiz
            .questions
            .iter()
            .map(|q| Some(right_answer(q)))
            .collect();
        let r = grade_quiz(&quiz, &right);
        assert_eq!((r.percent, r.passed), (100, true), "{item}");
        let wrong: Vec<Option<Answer>> = quiz
            .questions
            .iter()
            .map(|q| wrong_answers(q).into_iter().next())
            .collect();
        let r = grade_quiz(&quiz, &wrong);
        assert_eq!((r.correct, r.passed), (0, false), "{item}");
    }
}

#[test]
fn the_quizzes_teach_the_24_hour_first_follow_up() {
    let q = question_about("Within how many hours must your first follow-up happen");
    for right in ["24", "24 hours", "24小时"] {
        assert!(q.is_right(&Answer::Text(right.into())), "{right:?}");
    }
    for wrong in ["2", "4", "48", "72 hours"] {
        assert!(!q.is_right(&Answer::Text(wrong.into())), "{wrong:?}");
    }
    let reminder = question_about("when does its owner get a reminder");
    let two_hours = option_index(&reminder, "2 hours");
    assert!(reminder.is_right(&Answer::Choice(vec![two_hours])));
}

#[test]
fn the_quizzes_teach_bant_qualifies_at_3_of_4() {
    let q = question_about("how many of the four dimensions must be met");
    for right in ["3", "three", "三项"] {
        assert!(q.is_right(&Answer::Text(right.into())), "{right:?}");
    }
    for wrong in ["4", "2", "all four"] {
        assert!(!q.is_right(&Answer::Text(wrong.into())), "{wrong:?}");
    }
    let q = question_about("Does it qualify under BANT?");
    assert!(q.is_right(&Answer::Choice(vec![option_index(&q, "Yes: 3 of the 4")])));
}

#[test]
fn the_quizzes_teach_grade_a_is_a_clear_near_term_need() {
    let q = question_about("plans to decide within the next three months");
    assert!(q.is_right(&Answer::Choice(vec![option_index(
        &q,
        "A: a clear near-term need"
    )])));
    let q = question_about("has no date and no budget yet");
    assert!(q.is_right(&Answer::Choice(vec![option_index(&q, "B")])));
    let q = question_about("Which grade means long-term nurture?");
    assert!(q.is_right(&Answer::Text("c".into())));
}

#[test]
fn the_quizzes_teach_the_4_hour_written_quote_and_the_decision_chain() {
    let q = question_about("formal written quote. Within how many hours");
    assert!(q.is_right(&Answer::Text("4 hours".into())));
    assert!(!q.is_right(&Answer::Text("24 hours".into())));
    let q = question_about("which roles do you map in the decision chain");
    let roles: Vec<u32> = ["Technical", "Procurement", "Management"]
        .iter()
        .map(|r| option_index(&q, r))
        .collect();
    assert!(q.is_right(&Answer::Choice(roles)));
}
