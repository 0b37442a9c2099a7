//! Lead grading (线索分级): editable rules that suggest A, B or C from five signals.
//!
//! The toolkit grades on need, purchase intent and ability to pay, and a review added budget
//! (客户预算), so the rules are data a team edits in its monthly review, not code. A grade is
//! only suggested: the rep may override it, and the UI shows when they did.

use super::deal::Grade;
use super::field::Answer;
use crate::json::Json;

/// How strongly a signal is present, ordered `Unknown < Low < Medium < High`.
///
/// | signal    | High                          | Medium                       | Low                    |
/// |-----------|-------------------------------|------------------------------|------------------------|
/// | need      | specific pain, must-haves     | a potential need (潜在需求)  | no need now            |
/// | intent    | wants to move soon            | interested, no urgency       | just looking           |
/// | timeline  | decision within 3 months      | within 12 months             | none or later          |
/// | budget    | allocated                     | range known / being asked    | none                   |
/// | authority | talking to the decision maker | an influencer with access    | no access              |
///
/// `Unknown` means "not asked yet": it is what a new lead starts with and what an unknown
/// stored value reads as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
    #[default]
    #[json(other)]
    Unknown,
}

impl Ord for Level {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

impl PartialOrd for Level {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Unknown, Level::Low, Level::Medium, Level::High];

    fn rank(self) -> u8 {
        match self {
            Level::Unknown => 0,
            Level::Low => 1,
            Level::Medium => 2,
            Level::High => 3,
        }
    }

    /// The stored code, also used as a form value.
    pub fn code(self) -> &'static str {
        match self {
            Level::Unknown => "unknown",
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Points before weighting: a weak or unknown signal earns nothing, so a confirmed "no
    /// budget" never ranks above a budget nobody asked about.
    pub fn points(self) -> u16 {
        match self {
            Level::Unknown | Level::Low => 0,
            Level::Medium => 1,
            Level::High => 2,
        }
    }

    /// The level a captured answer suggests: yes/no gives high/low; a `high`/`medium`/`low`
    /// choice (the default `interest_level` and `priority` fields) gives that level; a 1–10
    /// score gives low (1–3), medium (4–6) or high (7–10); any other answered choice or text
    /// (a named decision maker) gives medium; numbers, dates and blanks say nothing.
    pub fn from_answer(answer: &Answer) -> Level {
        match answer {
            _ if !answer.is_answered() => Level::Unknown,
            Answer::YesNo(true) => Level::High,
            Answer::YesNo(false) => Level::Low,
            Answer::Choice(c) => Level::from_code(c.trim()).unwrap_or(Level::Medium),
            Answer::Score(0) => Level::Unknown,
            Answer::Score(1..=3) => Level::Low,
            Answer::Score(4..=6) => Level::Medium,
            Answer::Score(_) => Level::High,
            Answer::Text(_) => Level::Medium,
            _ => Level::Unknown,
        }
    }
}

/// One of the five grading signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signal {
    Need,
    Intent,
    Timeline,
    Budget,
    Authority,
}

impl Signal {
    pub const ALL: [Signal; 5] = [
        Signal::Need,
        Signal::Intent,
        Signal::Timeline,
        Signal::Budget,
        Signal::Authority,
    ];

    /// Its name in the rules' JSON (`need`, `intent`, …), for messages.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Need => "need",
            Signal::Intent => "intent",
            Signal::Timeline => "timeline",
            Signal::Budget => "budget",
            Signal::Authority => "authority",
        }
    }
}

/// One value per signal: the levels of a lead ([`Signals`]), the weights of the rules
/// ([`Weights`]) or the minimum levels of a grade.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Json)]
#[json(default)]
pub struct PerSignal<T> {
    /// Need clarity (需求明确度).
    pub need: T,
    /// Purchase intent (购买意向).
    pub intent: T,
    /// How near the decision is (时间计划).
    pub timeline: T,
    /// Budget (客户预算), added after the review.
    pub budget: T,
    /// Access to authority (决策权).
    pub authority: T,
}

impl<T: Copy> PerSignal<T> {
    pub fn get(&self, signal: Signal) -> T {
        match signal {
            Signal::Need => self.need,
            Signal::Intent => self.intent,
            Signal::Timeline => self.timeline,
            Signal::Budget => self.budget,
            Signal::Authority => self.authority,
        }
    }

    pub fn set(&mut self, signal: Signal, value: T) {
        let slot = match signal {
            Signal::Need => &mut self.need,
            Signal::Intent => &mut self.intent,
            Signal::Timeline => &mut self.timeline,
            Signal::Budget => &mut self.budget,
            Signal::Authority => &mut self.authority,
        };
        *slot = value;
    }
}

/// What a rep knows about a lead, one level per signal.
pub type Signals = PerSignal<Level>;

impl Signals {
    /// Whether nothing is known of any signal (what a new lead starts with).
    pub fn is_unknown(&self) -> bool {
        *self == Signals::default()
    }
}
/// How much each signal counts: a signal earns `weight × level points`.
pub type Weights = PerSignal<u8>;

/// What a lead needs for one grade: enough points and every signal at least its minimum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Json)]
#[json(default)]
pub struct GradeRule {
    pub min_points: u16,
    /// `Unknown` for a signal means no minimum.
    pub min_levels: Signals,
}

impl GradeRule {
    /// Whether a lead with these signals and points meets the rule.
    pub fn admits(&self, signals: &Signals, points: u16) -> bool {
        points >= self.min_points && self.short_of(signals).is_empty()
    }

    /// The signals below this rule's minimum: what to work on to reach the grade.
    pub fn short_of(&self, signals: &Signals) -> Vec<Signal> {
        Signal::ALL
            .into_iter()
            .filter(|&s| signals.get(s) < self.min_levels.get(s))
            .collect()
    }
}

/// The team's grading rules: A when rule `a` is met, else B when rule `b` is met, else C.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Json)]
#[json(default)]
pub struct GradingRules {
    pub weights: Weights,
    pub a: GradeRule,
    pub b: GradeRule,
}

impl Default for GradingRules {
    /// The toolkit's grading. Weights: need 3, intent 3, timeline 2, budget 2, authority 1
    /// (at most 22 points).
    /// - A (近期有明确需求): need high, timeline high (decision within 3 months), budget and
    ///   intent at least medium, and 16 points, i.e. one more strength on top of those minimums
    ///   (strong intent, allocated budget or access to authority);
    /// - B (潜在需求): need at least medium and 8 points;
    /// - C (长期培育): everything else.
    fn default() -> Self {
        let level = |need, intent, timeline, budget| Signals {
            need,
            intent,
            timeline,
            budget,
            authority: Level::Unknown,
        };
        GradingRules {
            weights: Weights {
                need: 3,
                intent: 3,
                timeline: 2,
                budget: 2,
                authority: 1,
            },
            a: GradeRule {
                min_points: 16,
                min_levels: level(Level::High, Level::Medium, Level::High, Level::Medium),
            },
            b: GradeRule {
                min_points: 8,
                min_levels: level(
                    Level::Medium,
                    Level::Unknown,
                    Level::Unknown,
                    Level::Unknown,
                ),
            },
        }
    }
}

/// Why edited grading rules cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GradingRulesError {
    #[error("grade A needs {a} points, fewer than grade B's {b}")]
    ThresholdsOutOfOrder { a: u16, b: u16 },
    #[error("grade A asks less of {} than grade B does", signal.name())]
    LevelsOutOfOrder { signal: Signal },
    #[error("grade {} needs {needed} points but at most {max} can be earned", grade.code())]
    Unreachable { grade: Grade, needed: u16, max: u16 },
}

impl GradingRules {
    /// The most points a lead can earn (every signal high).
    pub fn max_points(&self) -> u16 {
        Signal::ALL
            .into_iter()
            .map(|s| u16::from(self.weights.get(s)) * Level::High.points())
            .sum()
    }

    /// The points a lead's signals earn under these rules.
    pub fn points(&self, signals: &Signals) -> u16 {
        Signal::ALL
            .into_iter()
            .map(|s| u16::from(self.weights.get(s)) * signals.get(s).points())
            .sum()
    }

    /// Checks that A is at least as demanding as B and that both can be reached.
    pub fn validate(&self) -> Result<(), GradingRulesError> {
        let (a, b) = (self.a.min_points, self.b.min_points);
        if a < b {
            return Err(GradingRulesError::ThresholdsOutOfOrder { a, b });
        }
        if let Some(signal) = Signal::ALL
            .into_iter()
            .find(|&s| self.a.min_levels.get(s) < self.b.min_levels.get(s))
        {
            return Err(GradingRulesError::LevelsOutOfOrder { signal });
        }
        let max = self.max_points();
        for (grade, needed) in [(Grade::B, b), (Grade::A, a)] {
            if needed > max {
                return Err(GradingRulesError::Unreachable { grade, needed, max });
            }
        }
        Ok(())
    }
}

/// The grade the rules suggest for a lead.
pub fn suggest(rules: &GradingRules, signals: &Signals) -> Grade {
    let points = rules.points(signals);
    if rules.a.admits(signals, points) {
        Grade::A
    } else if rules.b.admits(signals, points) {
        Grade::B
    } else {
        Grade::C
    }
}

/// The grade that counts: the rep's override when there is one, else the suggestion.
pub fn effective(suggested: Grade, override_grade: Option<Grade>) -> Grade {
    override_grade.unwrap_or(suggested)
}

/// Whether the rep's override says something other than the rules (shown as "overridden").
pub fn is_overridden(suggested: Grade, override_grade: Option<Grade>) -> bool {
    override_grade.is_some_and(|g| g != suggested)
}

#[cfg(test)]
mod tests;
