//! Quizzes on the onboarding path: multiple-choice and short-answer questions, graded here.

use crate::domain::fold::FoldCase;
use crate::domain::training::whole_percent;
use crate::domain::LocalizedText;
use crate::json::Json;

/// The quiz pass mark when the content gives none.
pub const DEFAULT_QUIZ_PASS_MARK: u8 = 80;

fn default_pass_mark() -> u8 {
    DEFAULT_QUIZ_PASS_MARK
}

/// A quiz: questions and the percent needed to pass.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Quiz {
    #[json(default)]
    pub questions: Vec<Question>,
    /// 0–100; exactly the mark passes.
    #[json(default = "default_pass_mark")]
    pub pass_mark: u8,
}

/// One quiz question.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
#[json(tag = "type", rename_all = "snake_case")]
pub enum Question {
    /// Pick from `options`; right when exactly the `correct` options (indices) are picked,
    /// one or several.
    Choice {
        #[json(default)]
        prompt: LocalizedText,
        #[json(default)]
        options: Vec<LocalizedText>,
        #[json(default)]
        correct: Vec<u32>,
    },
    /// Type the answer; right when it matches one of `accepted` in either language (see
    /// [`same_answer`]).
    ShortAnswer {
        #[json(default)]
        prompt: LocalizedText,
        #[json(default)]
        accepted: Vec<LocalizedText>,
    },
    /// A kind from a newer version: shown as not gradable and left out of the score.
    #[json(other)]
    Unknown,
}

/// What the trainee answered to one question.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
#[json(rename_all = "snake_case")]
pub enum Answer {
    /// The indices of the options picked.
    Choice(Vec<u32>),
    Text(String),
}

impl Question {
    /// Whether `answer` is right. An answer of the other kind is wrong.
    pub fn is_right(&self, answer: &Answer) -> bool {
        match (self, answer) {
            (Question::Choice { correct, .. }, Answer::Choice(picked)) => same_set(correct, picked),
            (Question::ShortAnswer { accepted, .. }, Answer::Text(text)) => accepted
                .iter()
                .flat_map(|a| [a.en.as_str(), a.zh.as_str()])
                .filter(|a| !a.trim().is_empty())
                .any(|a| same_answer(a, text)),
            _ => false,
        }
    }

    /// Whether the question can be answered right at all: a choice needs at least one correct
    /// option and only existing ones, a short answer at least one accepted text.
    pub fn is_answerable(&self) -> bool {
        match self {
            Question::Choice {
                options, correct, ..
            } => !correct.is_empty() && correct.iter().all(|&c| (c as usize) < options.len()),
            Question::ShortAnswer { accepted, .. } => accepted
                .iter()
                .any(|a| !a.en.trim().is_empty() || !a.zh.trim().is_empty()),
            Question::Unknown => true,
        }
    }
}

fn same_set(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

/// Whether two short answers are the same: compared without case, with leading and trailing
/// space trimmed and inner runs of space (the ideographic space too) read as one space.
pub fn same_answer(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .fold_case()
}

/// The result of a quiz attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizResult {
    pub correct: u32,
    /// Questions graded: questions of an unknown kind are left out.
    pub total: u32,
    /// `correct / total` rounded half up to a whole percent; 100 when nothing is graded.
    pub percent: u8,
    /// `percent ≥ pass_mark`, judged on the percent as shown.
    pub passed: bool,
}

/// Grades `answers`, given in question order; a question with no answer (`None`, or past the
/// end of `answers`) is wrong.
pub fn grade_quiz(quiz: &Quiz, answers: &[Option<Answer>]) -> QuizResult {
    let (mut correct, mut total) = (0u32, 0u32);
    for (i, q) in quiz.questions.iter().enumerate() {
        if *q == Question::Unknown {
            continue;
        }
        total += 1;
        if let Some(Some(a)) = answers.get(i) {
            correct += u32::from(q.is_right(a));
        }
    }
    let percent = whole_percent(u64::from(correct), u64::from(total)).unwrap_or(100);
    QuizResult {
        correct,
        total,
        percent,
        passed: percent >= quiz.pass_mark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(en: &str, zh: &str) -> LocalizedText {
        LocalizedText::new(en, zh)
    }

    fn choice(correct: &[u32]) -> Question {
        Question::Choice {
            prompt: t("Which are BANT?", "哪些属于BANT？"),
            options: vec![t("Budget", "预算"), t("Colour", "颜色"), t("Need", "需求")],
            correct: correct.to_vec(),
        }
    }

    fn short(accepted: &[(&str, &str)]) -> Question {
        Question::ShortAnswer {
            prompt: t(
                "First follow-up within how many hours?",
                "首次跟进需在多少小时内？",
            ),
            accepted: accepted.iter().map(|(en, zh)| t(en, zh)).collect(),
        }
    }

    fn quiz(questions: Vec<Question>, pass_mark: u8) -> Quiz {
        Quiz {
            questions,
            pass_mark,
        }
    }

    fn text(s: &str) -> Option<Answer> {
        Some(Answer::Text(s.into()))
    }

    fn picked(p: &[u32]) -> Option<Answer> {
        Some(Answer::Choice(p.to_vec()))
    }

    #[test]
    fn a_several_answer_choice_needs_exactly_the_correct_options() {
        let q = choice(&[0, 2]);
        assert!(q.is_right(&Answer::Choice(vec![2, 0])));
        assert!(!q.is_right(&Answer::Choice(vec![0])));
        assert!(!q.is_right(&Answer::Choice(vec![0, 1, 2])));
        assert!(choice(&[1]).is_right(&Answer::Choice(vec![1])));
    }

    #[test]
    fn short_answers_ignore_case_and_extra_space_in_both_languages() {
        let q = short(&[("24 hours", "24小时"), ("one day", "一天")]);
        for ok in [
            "24 hours",
            "  24   HOURS ",
            "One\tDay",
            "24小时",
            "\u{3000}一天\u{3000}",
        ] {
            assert!(q.is_right(&Answer::Text(ok.into())), "{ok:?}");
        }
        for wrong in ["24", "24hours", "", "48 hours"] {
            assert!(!q.is_right(&Answer::Text(wrong.into())), "{wrong:?}");
        }
    }

    #[test]
    fn an_answer_of_the_wrong_kind_is_wrong() {
        assert!(!choice(&[0]).is_right(&Answer::Text("Budget".into())));
        assert!(!short(&[("24", "")]).is_right(&Answer::Choice(vec![0])));
    }

    #[test]
    fn a_quiz_grades_to_a_rounded_percent_against_its_pass_mark() {
        let q = quiz(
            vec![choice(&[0, 2]), short(&[("24 hours", "")]), choice(&[0])],
            67,
        );
        let r = grade_quiz(&q, &[picked(&[0, 2]), text("24 Hours"), picked(&[1])]);
        assert_eq!(
            r,
            QuizResult {
                correct: 2,
                total: 3,
                percent: 67,
                passed: true
            }
        );
        let r = grade_quiz(
            &quiz(q.questions.clone(), 68),
            &[picked(&[0, 2]), text("24 Hours")],
        );
        assert!(!r.passed);
    }

    #[test]
    fn unanswered_questions_are_wrong() {
        let q = quiz(vec![choice(&[0]), choice(&[0])], 50);
        let r = grade_quiz(&q, &[None]);
        assert_eq!((r.correct, r.total, r.percent, r.passed), (0, 2, 0, false));
    }

    #[test]
    fn questions_from_a_newer_version_are_left_out_of_the_score() {
        let json = r#"{"questions":[{"type":"choice","options":[{"en":"a"}],"correct":[0]},
                       {"type":"drag_and_drop","pairs":[]}]}"#;
        let q: Quiz = crate::json::from_str(json).unwrap();
        assert_eq!(q.questions[1], Question::Unknown);
        assert_eq!(q.pass_mark, DEFAULT_QUIZ_PASS_MARK);
        let r = grade_quiz(&q, &[picked(&[0]), text("x")]);
        assert_eq!((r.correct, r.total, r.percent), (1, 1, 100));
        let empty = grade_quiz(&quiz(vec![], 80), &[]);
        assert_eq!((empty.total, empty.percent, empty.passed), (0, 100, true));
    }

    #[test]
    fn a_question_no_answer_can_satisfy_is_not_answerable() {
        assert!(choice(&[0, 2]).is_answerable());
        assert!(!choice(&[]).is_answerable());
        assert!(!choice(&[3]).is_answerable());
        assert!(!short(&[(" ", "")]).is_answerable());
        assert!(short(&[("", "一天")]).is_answerable());
    }
}
