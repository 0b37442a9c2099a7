//! A walk through a script, as in practice mode and on a live call: where the rep is, how they
//! got there, and which word-for-word lines they ticked. Pure state, serializable, so a reload
//! resumes the call where it was.

use super::{Choice, Script, Step};
use crate::domain::playbook::Industry;
use crate::domain::Id;
use crate::json::Json;
use std::collections::BTreeSet;

/// A rep's way through one script for one industry.
///
/// The walk finishes at an `end` step: by itself when that step offers no way on, or when the
/// rep calls [`Walk::finish`] at an `end` step that still offers choices (e.g. "agreed a
/// demo" could also lead to more questions). A word-for-word line must be ticked first in
/// both cases.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Walk {
    script: Id,
    industry: Industry,
    /// The steps visited, in order; a loop visits a step again.
    path: Vec<Id>,
    /// Steps whose word-for-word line was said. Ticks stay when the rep goes back.
    #[json(default)]
    ticked: BTreeSet<Id>,
    /// The rep chose to finish at the current (`end`) step.
    #[json(default)]
    finished: bool,
}

/// Why the walk cannot move on from where it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WalkBlock {
    #[error("step `{step}` must be said word for word and ticked before moving on")]
    VerbatimNotTicked { step: Id },
    /// The walk belongs to another script, or its step was removed since (a stale resume).
    #[error("the walk is not on a step of this script")]
    OffScript,
}

/// Why a walk operation was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WalkError {
    #[error(transparent)]
    Blocked(#[from] WalkBlock),
    #[error("there is no choice {index}: the step offers {count}")]
    NoSuchChoice { index: usize, count: usize },
    #[error("the script cannot finish at step `{step}`")]
    NotAnEnd { step: Id },
    #[error("the walk is finished")]
    Finished,
}

impl Walk {
    /// A walk at the first step of `script` for `industry`, or `None` when the script has no
    /// start step for that industry. It does not check [`Script::applies_to`]: a trainer may
    /// practise any script with any industry.
    pub fn start(script: &Script, industry: Industry) -> Option<Walk> {
        let first = script.resolve(&script.start, industry)?;
        Some(Walk {
            script: script.id.clone(),
            industry,
            path: vec![first.id.clone()],
            ticked: BTreeSet::new(),
            finished: false,
        })
    }

    /// The script this walk goes through.
    pub fn script(&self) -> &Id {
        &self.script
    }

    pub fn industry(&self) -> Industry {
        self.industry
    }

    /// The step the rep is on (`None` only for a walk read from damaged storage).
    pub fn current(&self) -> Option<&Id> {
        self.path.last()
    }

    /// The steps visited so far, the current one last.
    pub fn breadcrumb(&self) -> &[Id] {
        &self.path
    }

    /// The current step in `script`, if the walk belongs to it and the step still exists.
    pub fn current_step<'s>(&self, script: &'s Script) -> Option<&'s Step> {
        self.here(script).ok()
    }

    /// The ways on from the current step, numbered as [`Walk::advance`] takes them.
    pub fn choices(&self, script: &Script) -> Vec<Choice> {
        match self.current() {
            Some(id) if script.id == self.script => script.choices(id, self.industry),
            _ => Vec::new(),
        }
    }

    /// Whether the current step lets the rep move on (or finish).
    pub fn can_advance(&self, script: &Script) -> Result<(), WalkBlock> {
        let step = self.here(script)?;
        if step.kind.is_verbatim() && !self.ticked.contains(&step.id) {
            return Err(WalkBlock::VerbatimNotTicked {
                step: step.id.clone(),
            });
        }
        Ok(())
    }

    /// Marks the current step's line as said.
    pub fn tick(&mut self) {
        if let Some(id) = self.path.last() {
            self.ticked.insert(id.clone());
        }
    }

    /// Takes back the tick of the current step.
    pub fn untick(&mut self) {
        if let Some(id) = self.path.last() {
            self.ticked.remove(id);
        }
    }

    pub fn is_ticked(&self, step: &Id) -> bool {
        self.ticked.contains(step)
    }

    /// Moves on by choice number `index` of [`Walk::choices`].
    pub fn advance(&mut self, script: &Script, index: usize) -> Result<(), WalkError> {
        if self.finished {
            return Err(WalkError::Finished);
        }
        self.can_advance(script)?;
        let mut choices = self.choices(script);
        let count = choices.len();
        if index >= count {
            return Err(WalkError::NoSuchChoice { index, count });
        }
        let to = choices.swap_remove(index).to().clone();
        self.path.push(to);
        Ok(())
    }

    /// Ends the call at the current step, which must be an `end` step.
    pub fn finish(&mut self, script: &Script) -> Result<(), WalkError> {
        self.can_advance(script)?;
        let step = self.here(script)?;
        if !step.end {
            return Err(WalkError::NotAnEnd {
                step: step.id.clone(),
            });
        }
        self.finished = true;
        Ok(())
    }

    /// Steps back: out of the finished state first, then to the previous step. The start
    /// step is never left behind. Returns whether anything changed.
    pub fn back(&mut self) -> bool {
        if self.finished {
            self.finished = false;
            return true;
        }
        if self.path.len() > 1 {
            self.path.pop();
            return true;
        }
        false
    }

    /// Whether the call is over: the current step is an `end` step, its word-for-word line
    /// (if any) is ticked, and either it offers no way on or the rep chose to finish.
    pub fn is_finished(&self, script: &Script) -> bool {
        let Ok(step) = self.here(script) else {
            return false;
        };
        step.end
            && self.can_advance(script).is_ok()
            && (self.finished || self.choices(script).is_empty())
    }

    /// The walk as text for the tab's session storage, so a reload resumes the call: the
    /// industry and whether the rep finished, the path, the ticked steps (ids have no spaces).
    pub fn encode(&self) -> String {
        let ids = |ids: Vec<&Id>| {
            ids.into_iter()
                .map(Id::as_str)
                .collect::<Vec<_>>()
                .join(" ")
        };
        format!(
            "{} {}\n{}\n{}",
            self.industry.code(),
            u8::from(self.finished),
            ids(self.path.iter().collect()),
            ids(self.ticked.iter().collect())
        )
    }

    /// The industry of [`Walk::encode`]'s `text`, read before the walk is resumed.
    pub fn encoded_industry(text: &str) -> Option<Industry> {
        Industry::from_code(text.split('\n').next()?.split(' ').next()?)
    }

    /// The walk of [`Walk::encode`]'s `text` on `script`, replayed move by move: only moves
    /// the script still allows are kept, so after the script was edited the walk resumes at
    /// the last step still reached the same way (at the start when even that changed).
    /// `None` when the text is not a walk or the script has no start for its industry.
    pub fn resume(script: &Script, text: &str) -> Option<Walk> {
        let mut lines = text.split('\n');
        let head = lines.next()?;
        let industry = Walk::encoded_industry(head)?;
        let finished = head.ends_with(" 1");
        let mut path = lines.next().unwrap_or("").split(' ');
        let mut walk = Walk::start(script, industry)?;
        walk.ticked = (lines.next().unwrap_or("").split(' '))
            .filter_map(|s| Id::parse(s).ok())
            .filter(|id| script.step(id).is_some())
            .collect();
        if path.next() != walk.current().map(Id::as_str) {
            return Some(walk);
        }
        for id in path {
            let choices = walk.choices(script);
            let Some(index) = choices.iter().position(|c| c.to().as_str() == id) else {
                return Some(walk);
            };
            if walk.advance(script, index).is_err() {
                return Some(walk);
            }
        }
        if finished {
            let _ = walk.finish(script);
        }
        Some(walk)
    }

    fn here<'s>(&self, script: &'s Script) -> Result<&'s Step, WalkBlock> {
        if script.id != self.script {
            return Err(WalkBlock::OffScript);
        }
        self.current()
            .and_then(|id| script.step(id))
            .ok_or(WalkBlock::OffScript)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{first_contact, id, step_mut};
    use super::*;

    fn names(walk: &Walk) -> Vec<&str> {
        walk.breadcrumb().iter().map(Id::as_str).collect()
    }

    /// A manufacturing walk already past the compliance line, at the need question.
    fn at_need(script: &Script) -> Walk {
        let mut walk = Walk::start(script, Industry::Manufacturing).unwrap();
        walk.advance(script, 0).unwrap();
        walk.tick();
        walk.advance(script, 0).unwrap();
        walk.advance(script, 0).unwrap();
        walk
    }

    #[test]
    fn walk_starts_at_the_start_step_for_the_industry() {
        let script = first_contact();
        let walk = Walk::start(&script, Industry::Retail).unwrap();
        assert_eq!(walk.current(), Some(&id("opening")));
        assert_eq!(walk.industry(), Industry::Retail);
        assert_eq!(walk.script(), &script.id);
        let mut broken = first_contact();
        broken.start = id("nowhere");
        assert!(Walk::start(&broken, Industry::Retail).is_none());
    }

    #[test]
    fn walk_start_skips_a_first_step_not_for_the_industry() {
        let mut script = first_contact();
        step_mut(&mut script, "opening").only_for = vec![Industry::Software];
        let walk = Walk::start(&script, Industry::Retail).unwrap();
        assert_eq!(walk.current(), Some(&id("compliance")));
    }

    #[test]
    fn a_verbatim_line_blocks_the_walk_until_ticked() {
        let script = first_contact();
        let mut walk = Walk::start(&script, Industry::Generic).unwrap();
        walk.advance(&script, 0).unwrap();
        let blocked = WalkBlock::VerbatimNotTicked {
            step: id("compliance"),
        };
        assert_eq!(walk.can_advance(&script), Err(blocked.clone()));
        assert_eq!(walk.advance(&script, 0), Err(WalkError::Blocked(blocked)));
        walk.tick();
        assert!(walk.is_ticked(&id("compliance")));
        walk.untick();
        assert!(walk.can_advance(&script).is_err());
        walk.tick();
        assert_eq!(walk.can_advance(&script), Ok(()));
        walk.advance(&script, 0).unwrap();
        assert_eq!(walk.current(), Some(&id("listen")));
    }

    #[test]
    fn walk_follows_the_chosen_branch_skipping_steps_for_other_industries() {
        let script = first_contact();
        let mut walk = at_need(&script);
        assert_eq!(walk.choices(&script).len(), 3);
        walk.advance(&script, 0).unwrap();
        assert_eq!(
            names(&walk),
            ["opening", "compliance", "listen", "ask-need", "value"]
        );
        let retail = first_contact();
        let mut walk = Walk::start(&retail, Industry::Retail).unwrap();
        walk.advance(&retail, 0).unwrap();
        walk.tick();
        walk.advance(&retail, 0).unwrap();
        walk.advance(&retail, 0).unwrap();
        walk.advance(&retail, 0).unwrap();
        assert_eq!(walk.current(), Some(&id("ask-stores")));
    }

    #[test]
    fn a_choice_that_does_not_exist_is_refused() {
        let script = first_contact();
        let mut walk = at_need(&script);
        assert_eq!(
            walk.advance(&script, 3),
            Err(WalkError::NoSuchChoice { index: 3, count: 3 })
        );
        assert_eq!(walk.current(), Some(&id("ask-need")));
    }

    #[test]
    fn back_returns_to_the_previous_step_but_never_before_the_start() {
        let script = first_contact();
        let mut walk = at_need(&script);
        walk.advance(&script, 2).unwrap();
        assert_eq!(walk.current(), Some(&id("answer-price")));
        assert!(walk.back());
        assert_eq!(walk.current(), Some(&id("ask-need")));
        while walk.back() {}
        assert_eq!(names(&walk), ["opening"]);
        assert!(
            walk.is_ticked(&id("compliance")),
            "ticks survive going back"
        );
    }

    #[test]
    fn a_loop_back_visits_the_step_again_in_the_breadcrumb() {
        let script = first_contact();
        let mut walk = at_need(&script);
        walk.advance(&script, 2).unwrap();
        walk.advance(&script, 1).unwrap();
        assert_eq!(names(&walk)[3..], ["ask-need", "answer-price", "ask-need"]);
    }

    #[test]
    fn walk_is_finished_at_an_end_step_with_no_way_on() {
        let script = first_contact();
        let mut walk = at_need(&script);
        walk.advance(&script, 0).unwrap();
        assert!(!walk.is_finished(&script));
        walk.advance(&script, 0).unwrap();
        assert_eq!(walk.current(), Some(&id("next-step")));
        assert!(walk.is_finished(&script));
        assert_eq!(
            walk.advance(&script, 0),
            Err(WalkError::NoSuchChoice { index: 0, count: 0 })
        );
    }

    #[test]
    fn rep_may_finish_at_an_end_step_that_still_offers_choices() {
        let mut script = first_contact();
        step_mut(&mut script, "value").end = true;
        let mut walk = at_need(&script);
        assert_eq!(
            walk.finish(&script),
            Err(WalkError::NotAnEnd {
                step: id("ask-need")
            })
        );
        walk.advance(&script, 0).unwrap();
        assert!(!walk.is_finished(&script), "value still leads on");
        walk.finish(&script).unwrap();
        assert!(walk.is_finished(&script));
        assert_eq!(walk.advance(&script, 0), Err(WalkError::Finished));
        assert!(walk.back(), "back first reopens the call");
        assert_eq!(walk.current(), Some(&id("value")));
        assert!(!walk.is_finished(&script));
        walk.advance(&script, 0).unwrap();
        assert_eq!(walk.current(), Some(&id("next-step")));
    }

    #[test]
    fn a_verbatim_end_step_is_not_finished_until_ticked() {
        let mut script = first_contact();
        step_mut(&mut script, "next-step").kind = super::super::StepKind::Say { verbatim: true };
        let mut walk = at_need(&script);
        walk.advance(&script, 0).unwrap();
        walk.advance(&script, 0).unwrap();
        assert!(!walk.is_finished(&script));
        assert!(walk.finish(&script).is_err());
        walk.tick();
        assert!(walk.is_finished(&script));
    }

    #[test]
    fn a_walk_on_another_or_edited_script_is_off_script_not_a_panic() {
        let script = first_contact();
        let mut walk = at_need(&script);
        let mut other = first_contact();
        other.id = id("other");
        assert_eq!(walk.can_advance(&other), Err(WalkBlock::OffScript));
        assert!(walk.choices(&other).is_empty());
        let mut edited = first_contact();
        edited.steps.retain(|s| s.id.as_str() != "ask-need");
        assert!(walk.current_step(&edited).is_none());
        assert!(walk.advance(&edited, 0).is_err());
        assert!(!walk.is_finished(&edited));
    }

    #[test]
    fn walk_round_trips_through_json_to_resume_after_a_reload() {
        let script = first_contact();
        let mut walk = at_need(&script);
        walk.advance(&script, 1).unwrap();
        walk.finish(&script).unwrap();
        let json = crate::json::to_string(&walk);
        let resumed: Walk = crate::json::from_str(&json).unwrap();
        assert_eq!(resumed, walk);
        assert!(resumed.is_finished(&script));
        let old: Walk = crate::json::from_str(
            r#"{"script":"first-contact","industry":"retail","path":["opening"]}"#,
        )
        .unwrap();
        assert_eq!(old.current(), Some(&id("opening")));
        assert!(!old.is_ticked(&id("compliance")));
    }

    #[test]
    fn a_walk_with_an_empty_path_from_damaged_storage_goes_nowhere() {
        let mut walk: Walk =
            crate::json::from_str(r#"{"script":"first-contact","industry":"retail","path":[]}"#)
                .unwrap();
        let script = first_contact();
        walk.tick();
        assert!(!walk.back());
        assert_eq!(walk.current(), None);
        assert!(walk.advance(&script, 0).is_err());
    }

    #[test]
    fn an_encoded_walk_resumes_where_it_was_with_its_ticks() {
        let script = first_contact();
        let mut walk = at_need(&script);
        walk.advance(&script, 1).unwrap();
        let text = walk.encode();
        assert_eq!(
            text,
            "manufacturing 0\nopening compliance listen ask-need nurture\ncompliance"
        );
        assert_eq!(Walk::resume(&script, &text), Some(walk));
        assert_eq!(Walk::encoded_industry(&text), Some(Industry::Manufacturing));
        assert_eq!(Walk::encoded_industry("mars 0"), None);
    }

    #[test]
    fn a_finished_walk_resumes_finished() {
        let script = first_contact();
        let mut walk = at_need(&script);
        walk.advance(&script, 0).unwrap();
        walk.advance(&script, 0).unwrap();
        assert_eq!(walk.current(), Some(&id("next-step")));
        walk.finish(&script).unwrap();
        let resumed = Walk::resume(&script, &walk.encode()).unwrap();
        assert!(resumed.is_finished(&script));
        assert_eq!(resumed, walk);
    }

    #[test]
    fn after_an_edit_the_walk_resumes_at_the_last_step_still_reached_the_same_way() {
        let script = first_contact();
        let mut walk = at_need(&script);
        walk.advance(&script, 1).unwrap();
        let text = walk.encode();
        let mut edited = first_contact();
        step_mut(&mut edited, "ask-need").branches.remove(1);
        let resumed = Walk::resume(&edited, &text).unwrap();
        assert_eq!(
            names(&resumed),
            ["opening", "compliance", "listen", "ask-need"]
        );
        let mut restarted = first_contact();
        step_mut(&mut restarted, "opening").only_for = vec![Industry::Software];
        let resumed = Walk::resume(&restarted, &text).unwrap();
        assert_eq!(
            names(&resumed),
            ["compliance"],
            "the start moved: from the start"
        );
    }

    #[test]
    fn a_move_past_an_unticked_word_for_word_line_is_not_replayed() {
        let script = first_contact();
        let text = "generic 0\nopening compliance listen ask-need\n";
        let resumed = Walk::resume(&script, text).unwrap();
        assert_eq!(names(&resumed), ["opening", "compliance"]);
    }

    #[test]
    fn text_that_is_not_a_walk_resumes_nothing_or_the_start() {
        let script = first_contact();
        assert_eq!(Walk::resume(&script, ""), None);
        assert_eq!(Walk::resume(&script, "mars 0\nopening"), None);
        let start = Walk::start(&script, Industry::Retail);
        assert_eq!(Walk::resume(&script, "retail"), start);
        assert_eq!(
            Walk::resume(&script, "retail 1\nopening <script> value\nBAD"),
            start
        );
        let mut broken = first_contact();
        broken.start = id("nowhere");
        assert_eq!(Walk::resume(&broken, "retail 0\nopening"), None);
    }
}
