//! Drawing objections for a drill: the trainer playing the buyer raises objections drawn at
//! random from the chosen categories, never the same one twice in a drill.
//!
//! The randomness is a small seeded generator the caller owns: the UI seeds it once per drill
//! (from `Math.random`), tests seed it with a constant, and the same seed replays the same
//! drill.

use crate::domain::objection::{Category, Objection};
use crate::domain::playbook::Industry;
use crate::domain::Id;

/// Marsaglia's xorshift32 (2003): tiny and fast, far from cryptographic, plenty to shuffle a
/// deck of objections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XorShift32 {
    state: u32,
}

impl XorShift32 {
    /// A generator from any seed; 0, which xorshift cannot leave, is replaced by a constant.
    pub fn new(seed: u64) -> Self {
        let folded = (seed ^ (seed >> 32)) as u32;
        XorShift32 {
            state: if folded == 0 { 0x9E37_79B9 } else { folded },
        }
    }

    pub fn next_u32(&mut self) -> u32 {
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.state = x;
        x
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift: the bias is below
    /// `n / 2³²`, nothing for a deck.
    pub fn below(&mut self, n: u32) -> u32 {
        ((u64::from(self.next_u32()) * u64::from(n)) >> 32) as u32
    }
}

/// The objections still to draw in one drill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deck {
    remaining: Vec<Id>,
    drawn: Vec<Id>,
}

impl Deck {
    /// The objections of `categories` (all when empty) that apply to `industry`
    /// ([`Industry::Generic`] takes every one), each once.
    pub fn new(library: &[Objection], categories: &[Category], industry: Industry) -> Self {
        Deck::from_ids(
            library
                .iter()
                .filter(|o| categories.is_empty() || categories.contains(&o.category))
                .filter(|o| o.applies_to(industry))
                .map(|o| o.id.clone()),
        )
    }

    /// A deck of these ids; a repeated id is kept once.
    pub fn from_ids(ids: impl IntoIterator<Item = Id>) -> Self {
        let mut remaining: Vec<Id> = Vec::new();
        for id in ids {
            if !remaining.contains(&id) {
                remaining.push(id);
            }
        }
        Deck {
            remaining,
            drawn: Vec::new(),
        }
    }

    /// The next objection, never one drawn before; `None` once the deck is exhausted.
    pub fn draw(&mut self, rng: &mut XorShift32) -> Option<Id> {
        if self.remaining.is_empty() {
            return None;
        }
        let i = rng.below(self.remaining.len() as u32) as usize;
        let id = self.remaining.swap_remove(i);
        self.drawn.push(id.clone());
        Some(id)
    }

    /// How many objections are left to draw.
    pub fn remaining(&self) -> usize {
        self.remaining.len()
    }

    /// The objections drawn so far, in draw order.
    pub fn drawn(&self) -> &[Id] {
        &self.drawn
    }

    /// Whether every objection has been drawn (or the filters left none).
    pub fn is_exhausted(&self) -> bool {
        self.remaining.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::training::fixtures::id;
    use crate::domain::LocalizedText;

    fn objection(name: &str, category: Category, industries: Vec<Industry>) -> Objection {
        Objection {
            id: id(name),
            category,
            objection: LocalizedText::new(name, name),
            insight: LocalizedText::default(),
            responses: vec![],
            follow_up: LocalizedText::default(),
            industries,
        }
    }

    fn library() -> Vec<Objection> {
        let mut lib: Vec<Objection> = (0..20)
            .map(|i| {
                let category = Category::ALL[i % Category::ALL.len()];
                objection(&format!("o{i}"), category, vec![])
            })
            .collect();
        lib.push(objection(
            "line-stop",
            Category::Trust,
            vec![Industry::Manufacturing],
        ));
        lib
    }

    fn draw_all(deck: &mut Deck, seed: u64) -> Vec<Id> {
        let mut rng = XorShift32::new(seed);
        std::iter::from_fn(|| deck.draw(&mut rng)).collect()
    }

    #[test]
    fn a_drill_never_repeats_an_objection_and_covers_them_all() {
        for seed in [0, 1, 42, u64::MAX] {
            let mut deck = Deck::new(&library(), &[], Industry::Generic);
            let got = draw_all(&mut deck, seed);
            assert_eq!(got.len(), 21, "seed {seed}");
            for o in library() {
                assert_eq!(got.iter().filter(|d| **d == o.id).count(), 1, "{}", o.id);
            }
            assert_eq!(deck.drawn(), got.as_slice());
        }
    }

    #[test]
    fn an_exhausted_deck_says_so_and_a_repeated_id_is_dealt_once() {
        let mut deck = Deck::from_ids([id("a"), id("b")]);
        let mut rng = XorShift32::new(7);
        assert!(deck.draw(&mut rng).is_some() && deck.draw(&mut rng).is_some());
        assert!(deck.is_exhausted());
        assert_eq!((deck.draw(&mut rng), deck.remaining()), (None, 0));
        assert!(Deck::from_ids([]).is_exhausted());
        assert_eq!(Deck::from_ids([id("a"), id("b"), id("a")]).remaining(), 2);
    }

    #[test]
    fn the_same_seed_replays_the_same_drill() {
        let lib = library();
        let first = draw_all(&mut Deck::new(&lib, &[], Industry::Generic), 2026);
        let again = draw_all(&mut Deck::new(&lib, &[], Industry::Generic), 2026);
        let other = draw_all(&mut Deck::new(&lib, &[], Industry::Generic), 2027);
        assert_eq!(first, again);
        assert_ne!(first, other);
    }

    #[test]
    fn only_the_chosen_categories_are_drawn() {
        let lib = library();
        let chosen = [Category::Price, Category::Competitor];
        let got = draw_all(&mut Deck::new(&lib, &chosen, Industry::Generic), 3);
        assert_eq!(got.len(), 6);
        for d in got {
            let o = lib.iter().find(|o| o.id == d).unwrap();
            assert!(chosen.contains(&o.category), "{d}");
        }
    }

    #[test]
    fn industry_objections_are_drawn_only_for_their_industry() {
        let lib = library();
        let trust = [Category::Trust];
        let retail = draw_all(&mut Deck::new(&lib, &trust, Industry::Retail), 1);
        let factory = draw_all(&mut Deck::new(&lib, &trust, Industry::Manufacturing), 1);
        assert!(!retail.contains(&id("line-stop")));
        assert!(factory.contains(&id("line-stop")));
        assert_eq!(factory.len(), retail.len() + 1);
    }

    #[test]
    fn the_generator_stays_in_range_and_never_sticks_at_zero() {
        let mut rng = XorShift32::new(0);
        assert_ne!(rng.next_u32(), 0);
        assert!((0..1000).all(|_| rng.below(7) < 7));
        assert_eq!(rng.below(0), 0);
    }
}
