//! Spaced repetition of objection flashcards with Leitner boxes.
//!
//! A card is one objection of the library: the trainee sees the objection, answers aloud,
//! turns the card and rates their recall. Cards climb five boxes; each box waits twice as
//! long as the one before (1, 2, 4, 8, 16 days), so known answers come back rarely and
//! shaky ones often. Dates are local calendar days passed in by the caller.

use super::whole_percent;
use crate::domain::{sort_small_by, Id};
use crate::json::Json;
use chrono::{Days, NaiveDate};

/// The number of boxes; box 1 is where new and forgotten cards go.
pub const BOXES: u8 = 5;
/// Days until a card in box `b` is due again: `INTERVAL_DAYS[b - 1]`.
pub const INTERVAL_DAYS: [u64; BOXES as usize] = [1, 2, 4, 8, 16];
/// A card in this box or above counts as mastered.
pub const MASTERED_FROM_BOX: u8 = 4;

/// How well the trainee recalled the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Recall {
    /// Forgot: back to box 1 (a lapse).
    Again,
    /// Recalled with effort: stays in its box.
    Hard,
    /// Recalled: up one box.
    Good,
    /// Recalled at once: up two boxes.
    Easy,
}

/// Where one flashcard stands for one trainee.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct CardState {
    /// The objection the card asks about.
    pub card: Id,
    /// 1–5; a stored value outside that range is read as the nearest box.
    #[json(rename = "box", default = "first_box")]
    pub box_: u8,
    /// The first day the card is due.
    pub due: NaiveDate,
    #[json(default)]
    pub last_reviewed: Option<NaiveDate>,
    #[json(default)]
    pub reviews: u32,
    /// How many times the card was forgotten ([`Recall::Again`]).
    #[json(default)]
    pub lapses: u32,
}

fn first_box() -> u8 {
    1
}

fn after_days(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

impl CardState {
    /// A card never reviewed: box 1, due `today`.
    pub fn new(card: Id, today: NaiveDate) -> Self {
        CardState {
            card,
            box_: 1,
            due: today,
            last_reviewed: None,
            reviews: 0,
            lapses: 0,
        }
    }

    /// The box, within 1–5 whatever was stored.
    pub fn current_box(&self) -> u8 {
        self.box_.clamp(1, BOXES)
    }

    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.due <= today
    }

    pub fn is_mastered(&self) -> bool {
        self.current_box() >= MASTERED_FROM_BOX
    }
}

/// The card after a review on `today`: moved by `rating` (see [`Recall`]), due again after its
/// new box's interval, counted. A card reviewed before it is due moves the same way.
pub fn review(state: &CardState, rating: Recall, today: NaiveDate) -> CardState {
    let from = state.current_box();
    let to = match rating {
        Recall::Again => 1,
        Recall::Hard => from,
        Recall::Good => from + 1,
        Recall::Easy => from + 2,
    }
    .min(BOXES);
    CardState {
        card: state.card.clone(),
        box_: to,
        due: after_days(today, INTERVAL_DAYS[usize::from(to - 1)]),
        last_reviewed: Some(today),
        reviews: state.reviews.saturating_add(1),
        lapses: state
            .lapses
            .saturating_add(u32::from(rating == Recall::Again)),
    }
}

/// Adds a new card (box 1, due `today`) for each of `cards` that has no state yet.
pub fn add_new_cards<'a>(
    states: &mut Vec<CardState>,
    cards: impl IntoIterator<Item = &'a Id>,
    today: NaiveDate,
) {
    for card in cards {
        if !states.iter().any(|s| &s.card == card) {
            states.push(CardState::new(card.clone(), today));
        }
    }
}

/// The cards to review on `today`: overdue first (earliest due date), then lower boxes,
/// otherwise in stored order.
pub fn due_cards(states: &[CardState], today: NaiveDate) -> Vec<&CardState> {
    let mut due: Vec<&CardState> = states.iter().filter(|s| s.is_due(today)).collect();
    sort_small_by(&mut due, |a, b| {
        (a.due, a.current_box()).cmp(&(b.due, b.current_box()))
    });
    due
}

/// The share of cards in box [`MASTERED_FROM_BOX`] or above, as a whole percent rounded half
/// up; `None` with no cards.
pub fn mastery(states: &[CardState]) -> Option<u8> {
    let mastered = states.iter().filter(|s| s.is_mastered()).count();
    whole_percent(mastered as u64, states.len() as u64)
}

/// Days in a row with at least one review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Streak {
    /// The run ending today, or yesterday when today has no review yet: the day is not over,
    /// so yesterday's streak still stands. 0 once a whole day was missed.
    pub current: u32,
    /// The longest run ever.
    pub longest: u32,
    pub reviewed_today: bool,
}

/// The streak from the days reviews happened on (any order, repeats allowed). Days after
/// `today` (a clock set wrong on another laptop) are ignored. Review logs are appended in
/// date order, which is the cheap case of the small sort used here.
pub fn streak(review_days: &[NaiveDate], today: NaiveDate) -> Streak {
    let mut days: Vec<NaiveDate> = review_days
        .iter()
        .copied()
        .filter(|d| *d <= today)
        .collect();
    sort_small_by(&mut days, |a, b| a.cmp(b));
    days.dedup();
    let (mut run, mut longest) = (0u32, 0u32);
    for (i, day) in days.iter().enumerate() {
        let follows = i > 0 && days[i - 1].succ_opt() == Some(*day);
        run = if follows { run + 1 } else { 1 };
        longest = longest.max(run);
    }
    let last = days.last().copied();
    let reviewed_today = last == Some(today);
    let current = if reviewed_today || (last.is_some() && last == today.pred_opt()) {
        run
    } else {
        0
    };
    Streak {
        current,
        longest,
        reviewed_today,
    }
}

#[cfg(test)]
mod tests;
