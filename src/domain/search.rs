//! Search everywhere: one query over the whole playbook, in both languages at once.

use super::playbook::Playbook;
use super::{Id, Locale, LocalizedText};
use crate::domain::fold::FoldCase;

/// What a search hit points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    Stage,
    Script,
    Checklist,
    Objection,
}

/// One search result: where it goes and what to show, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Id,
    pub title: String,
    /// The first matching passage, shortened, when the match is not in the title.
    pub snippet: Option<String>,
    /// Higher is better: a match in the title outranks one in the body.
    pub score: u32,
}

/// Longest snippet shown under a hit, in characters.
const SNIPPET_CHARS: usize = 90;

/// Finds the playbook items in which every word of `query` occurs (case-insensitive, in
/// either language), best first, at most `limit`. An empty query finds nothing.
pub fn search(playbook: &Playbook, query: &str, locale: Locale, limit: usize) -> Vec<Hit> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(crate::domain::fold::lower)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for stage in &playbook.stages {
        let mut body: Vec<&LocalizedText> = vec![&stage.goal, &stage.guide];
        body.extend(&stage.actions);
        body.extend(&stage.exit_criteria);
        body.extend(stage.time_standards.iter().map(|t| &t.what));
        hits.extend(score(
            HitKind::Stage,
            &stage.id,
            &stage.name,
            &body,
            &words,
            locale,
        ));
    }
    for script in &playbook.scripts {
        let mut body: Vec<&LocalizedText> = vec![&script.summary];
        for step in &script.steps {
            body.push(&step.text);
            body.extend(step.variants.iter().map(|v| &v.text));
            body.extend(step.branches.iter().map(|b| &b.label));
        }
        hits.extend(score(
            HitKind::Script,
            &script.id,
            &script.title,
            &body,
            &words,
            locale,
        ));
    }
    for checklist in &playbook.checklists {
        let mut body: Vec<&LocalizedText> = vec![&checklist.description];
        for item in &checklist.items {
            body.push(&item.question);
            body.push(&item.hint);
        }
        hits.extend(score(
            HitKind::Checklist,
            &checklist.id,
            &checklist.title,
            &body,
            &words,
            locale,
        ));
    }
    for objection in &playbook.objections {
        let mut body: Vec<&LocalizedText> = vec![&objection.insight, &objection.follow_up];
        body.extend(&objection.responses);
        hits.extend(score(
            HitKind::Objection,
            &objection.id,
            &objection.objection,
            &body,
            &words,
            locale,
        ));
    }
    super::sort_small_by(&mut hits, |a, b| {
        b.score.cmp(&a.score).then(a.kind.cmp(&b.kind))
    });
    hits.truncate(limit);
    hits
}

fn both(text: &LocalizedText) -> String {
    format!("{}\n{}", text.en, text.zh).fold_case()
}

/// Scores one item, or `None` when some word occurs nowhere in it.
fn score(
    kind: HitKind,
    id: &Id,
    title: &LocalizedText,
    body: &[&LocalizedText],
    words: &[String],
    locale: Locale,
) -> Option<Hit> {
    let title_text = both(title);
    let body_texts: Vec<String> = body.iter().map(|t| both(t)).collect();
    let mut score = 0;
    for word in words {
        if title_text.contains(word.as_str()) {
            score += 10;
        } else if body_texts.iter().any(|b| b.contains(word.as_str())) {
            score += 1;
        } else {
            return None;
        }
    }
    let in_title = words.iter().all(|w| title_text.contains(w.as_str()));
    let snippet = (!in_title)
        .then(|| {
            body.iter()
                .map(|t| t.get(locale))
                .find(|t| t.fold_case().contains(words[0].as_str()))
        })
        .flatten()
        .map(|t| shorten(t, &words[0]));
    Some(Hit {
        kind,
        id: id.clone(),
        title: title.get(locale).to_owned(),
        snippet,
        score,
    })
}

/// The passage of `text` around the first occurrence of `word`, on one line.
fn shorten(text: &str, word: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.fold_case().contains(word))
        .unwrap_or(text);
    let line = line.trim().trim_start_matches(['#', '-', '*', ' ']);
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= SNIPPET_CHARS {
        return line.to_owned();
    }
    let lower: Vec<char> = line.fold_case().chars().collect();
    let first = word.chars().next().unwrap_or(' ');
    let at = lower.iter().position(|&c| c == first).unwrap_or(0);
    let start = at
        .saturating_sub(SNIPPET_CHARS / 3)
        .min(chars.len() - SNIPPET_CHARS);
    let mut out: String = chars[start..start + SNIPPET_CHARS].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if start + SNIPPET_CHARS < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::objection::{Category, Objection};
    use crate::domain::playbook::{Stage, StageKind};

    fn playbook() -> Playbook {
        let lt = LocalizedText::new;
        Playbook {
            stages: vec![Stage {
                id: Id::parse("stage-quote").unwrap(),
                kind: StageKind::QuoteAndContract,
                name: lt("Quote and contract", "报价与合同管理"),
                goal: lt("A clear price, fast.", "快速给出清晰的报价。"),
                actions: vec![lt(
                    "Send the formal quote within 4 hours.",
                    "4 小时内发出正式报价。",
                )],
                exit_criteria: vec![],
                time_standards: vec![],
                guide: LocalizedText::default(),
            }],
            objections: vec![Objection {
                id: Id::parse("obj-price").unwrap(),
                category: Category::Price,
                objection: lt("Your price is too high.", "你们的价格太高了。"),
                insight: LocalizedText::default(),
                responses: vec![lt(
                    "Compare the cost over three years with the quote in hand.",
                    "拿着报价比较三年的总成本。",
                )],
                follow_up: LocalizedText::default(),
                industries: vec![],
            }],
            ..Playbook::default()
        }
    }

    #[test]
    fn finds_items_by_words_in_either_language() {
        let p = playbook();
        let ids = |q: &str| {
            search(&p, q, Locale::En, 10)
                .into_iter()
                .map(|h| h.id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("formal quote"), ["stage-quote"]);
        assert_eq!(ids("正式报价"), ["stage-quote"]);
        assert_eq!(ids("PRICE high"), ["obj-price"]);
        assert!(ids("nothing like this").is_empty());
        assert!(ids("   ").is_empty());
    }

    #[test]
    fn a_title_match_ranks_above_a_body_match() {
        let hits = search(&playbook(), "quote", Locale::En, 10);
        assert_eq!(
            hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            ["stage-quote", "obj-price"]
        );
        assert_eq!(hits[0].snippet, None);
        assert_eq!(
            hits[1].snippet.as_deref(),
            Some("Compare the cost over three years with the quote in hand.")
        );
    }

    #[test]
    fn hits_are_shown_in_the_readers_language() {
        let hits = search(&playbook(), "three years", Locale::ZhCn, 10);
        assert_eq!(hits[0].title, "你们的价格太高了。");
    }

    #[test]
    fn long_passages_are_shortened_around_the_match() {
        let long = format!("{} quote {}", "a ".repeat(80), "b ".repeat(80));
        let s = shorten(&long, "quote");
        assert!(
            s.chars().count() <= SNIPPET_CHARS + 2 && s.contains("quote") && s.starts_with('…'),
            "{s}"
        );
    }

    #[test]
    fn results_are_limited() {
        assert_eq!(search(&playbook(), "a", Locale::En, 1).len(), 1);
    }
}
