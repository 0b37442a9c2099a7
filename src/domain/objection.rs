//! The objection library: what customers push back with, by category, and how to answer.

use super::playbook::Industry;
use super::{Id, Locale, LocalizedText};
use crate::domain::fold::FoldCase;
use crate::json::Json;

/// Why the customer hesitates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Category {
    Price,
    Timing,
    Competitor,
    Authority,
    NoNeed,
    /// Trust and risk: "you're too small", "what if it fails".
    Trust,
    #[json(other)]
    Other,
}

impl Category {
    /// The categories in the order the library lists them.
    pub const ALL: [Category; 7] = [
        Category::Price,
        Category::Timing,
        Category::Competitor,
        Category::Authority,
        Category::NoNeed,
        Category::Trust,
        Category::Other,
    ];

    /// The stored code (`price`, `no_need`, …), also used as a form value.
    pub fn code(self) -> &'static str {
        match self {
            Category::Price => "price",
            Category::Timing => "timing",
            Category::Competitor => "competitor",
            Category::Authority => "authority",
            Category::NoNeed => "no_need",
            Category::Trust => "trust",
            Category::Other => "other",
        }
    }

    /// The category of a code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// One objection with the responses a rep can give.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct Objection {
    pub id: Id,
    pub category: Category,
    /// What the customer says.
    pub objection: LocalizedText,
    /// Why customers say it, and what to listen for.
    #[json(default)]
    pub insight: LocalizedText,
    /// Ways to answer, best first.
    #[json(default)]
    pub responses: Vec<LocalizedText>,
    /// The question to ask after answering, to move the conversation on.
    #[json(default)]
    pub follow_up: LocalizedText,
    /// Industries it is typical of; empty = every industry.
    #[json(default)]
    pub industries: Vec<Industry>,
}

impl Objection {
    pub fn applies_to(&self, industry: Industry) -> bool {
        self.industries.is_empty()
            || industry == Industry::Generic
            || self.industries.contains(&industry)
    }

    /// Whether every word of `query` occurs in the objection, its insight, responses or
    /// follow-up, in either language (case-insensitive). An empty query matches everything.
    pub fn matches(&self, query: &str) -> bool {
        let haystack = self.search_text();
        query
            .split_whitespace()
            .all(|word| haystack.contains(&word.fold_case()))
    }

    fn search_text(&self) -> String {
        let mut parts: Vec<&LocalizedText> = vec![&self.objection, &self.insight, &self.follow_up];
        parts.extend(self.responses.iter());
        parts
            .iter()
            .flat_map(|t| [t.get(Locale::En), t.get(Locale::ZhCn)])
            .collect::<Vec<_>>()
            .join("\n")
            .fold_case()
    }
}

/// Objections of `category` (or all) for `industry`, matching `query`, in library order.
pub fn find<'a>(
    library: &'a [Objection],
    category: Option<Category>,
    industry: Industry,
    query: &str,
) -> Vec<&'a Objection> {
    library
        .iter()
        .filter(|o| category.is_none_or(|c| o.category == c))
        .filter(|o| o.applies_to(industry))
        .filter(|o| o.matches(query))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objection(
        id: &str,
        category: Category,
        en: &str,
        zh: &str,
        industries: Vec<Industry>,
    ) -> Objection {
        Objection {
            id: Id::parse(id).unwrap(),
            category,
            objection: LocalizedText::new(en, zh),
            insight: LocalizedText::default(),
            responses: vec![],
            follow_up: LocalizedText::default(),
            industries,
        }
    }

    fn library() -> Vec<Objection> {
        let mut too_expensive = objection(
            "too-expensive",
            Category::Price,
            "It's too expensive.",
            "太贵了。",
            vec![],
        );
        too_expensive.responses = vec![LocalizedText::new(
            "Compare the total cost over three years.",
            "比较三年的总成本。",
        )];
        vec![
            too_expensive,
            objection(
                "next-quarter",
                Category::Timing,
                "Call me next quarter.",
                "下个季度再说吧。",
                vec![],
            ),
            objection(
                "line-stop",
                Category::Trust,
                "We can't risk stopping the line.",
                "我们不能冒停线的风险。",
                vec![Industry::Manufacturing],
            ),
        ]
    }

    #[test]
    fn finds_by_words_in_either_language() {
        let lib = library();
        let ids = |v: Vec<&Objection>| v.iter().map(|o| o.id.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ids(find(&lib, None, Industry::Generic, "expensive")),
            ["too-expensive"]
        );
        assert_eq!(
            ids(find(&lib, None, Industry::Generic, "太贵")),
            ["too-expensive"]
        );
        assert_eq!(
            ids(find(&lib, None, Industry::Generic, "THREE years")),
            ["too-expensive"]
        );
        assert_eq!(find(&lib, None, Industry::Generic, "").len(), 3);
    }

    #[test]
    fn filters_by_category_and_industry() {
        let lib = library();
        assert_eq!(
            find(&lib, Some(Category::Timing), Industry::Retail, "").len(),
            1
        );
        assert!(find(&lib, Some(Category::Trust), Industry::Retail, "").is_empty());
        assert_eq!(
            find(&lib, Some(Category::Trust), Industry::Manufacturing, "").len(),
            1
        );
    }

    #[test]
    fn category_codes_match_the_stored_form() {
        for c in Category::ALL {
            assert_eq!(crate::json::to_string(&c), format!("\"{}\"", c.code()));
            assert_eq!(Category::from_code(c.code()), Some(c));
        }
    }

    #[test]
    fn an_unknown_category_reads_as_other() {
        let c: Category = crate::json::from_str("\"budget_freeze\"").unwrap();
        assert_eq!(c, Category::Other);
    }
}
