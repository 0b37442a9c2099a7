//! The outline of a script for read mode: every step once, branches indented under the step
//! they leave from, loops shown as a revisit rather than expanded again.

use super::Script;
use crate::domain::playbook::Industry;
use crate::domain::Id;
use std::collections::BTreeSet;

/// One line of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    pub step: Id,
    /// Indent level: 0 for the main line, one more under each branch.
    pub depth: usize,
    /// The branch of the step above it that leads here (`None` when reached by `next` or
    /// as the start).
    pub via: Option<usize>,
    /// The step is already shown higher up (the conversation loops back to it); it is not
    /// expanded again.
    pub revisit: bool,
}

impl Script {
    /// The outline from `start`, depth first: a step, then each of its branches (one level
    /// deeper) with everything that follows from it, then the step's `next` on the same level.
    ///
    /// With an industry the steps not for it are skipped as in a walk; without one every step
    /// is shown. Links to missing steps are left out (the lint reports them), and steps that
    /// cannot be reached from `start` do not appear.
    pub fn outline(&self, industry: Option<Industry>) -> Vec<OutlineEntry> {
        let land = |id: &Id| -> Option<Id> {
            match industry {
                Some(industry) => self.resolve(id, industry).map(|s| s.id.clone()),
                None => self.step(id).map(|s| s.id.clone()),
            }
        };
        let mut entries = Vec::new();
        let mut shown = BTreeSet::new();
        // An explicit stack rather than recursion: a long imported script cannot overflow the
        // (small, in wasm) call stack. Pushed in reverse so the first branch comes out first.
        let mut stack: Vec<(Id, usize, Option<usize>)> = Vec::new();
        if let Some(start) = land(&self.start) {
            stack.push((start, 0, None));
        }
        while let Some((id, depth, via)) = stack.pop() {
            let revisit = !shown.insert(id.clone());
            entries.push(OutlineEntry {
                step: id.clone(),
                depth,
                via,
                revisit,
            });
            let Some(step) = self.step(&id).filter(|_| !revisit) else {
                continue;
            };
            if let Some(next) = step.next.as_ref().and_then(land) {
                stack.push((next, depth, None));
            }
            for (index, branch) in step.branches.iter().enumerate().rev() {
                if let Some(to) = land(&branch.to) {
                    stack.push((to, depth + 1, Some(index)));
                }
            }
        }
        entries
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{first_contact, id, step_mut};
    use super::*;

    fn lines(outline: &[OutlineEntry]) -> Vec<String> {
        outline
            .iter()
            .map(|e| {
                let via = e.via.map(|i| format!("[{i}] ")).unwrap_or_default();
                let again = if e.revisit { " (again)" } else { "" };
                format!("{}{via}{}{again}", "  ".repeat(e.depth), e.step)
            })
            .collect()
    }

    #[test]
    fn outline_shows_every_step_with_branches_indented_and_loops_as_revisits() {
        let outline = first_contact().outline(None);
        assert_eq!(
            lines(&outline),
            [
                "opening",
                "compliance",
                "listen",
                "ask-need",
                "  [0] ask-stores",
                "  ask-season",
                "  value",
                "  next-step",
                "  [1] nurture",
                "  [2] answer-price",
                "    [0] value (again)",
                "    [1] ask-need (again)",
            ]
        );
    }

    #[test]
    fn outline_for_an_industry_skips_the_steps_not_for_it() {
        let outline = first_contact().outline(Some(Industry::Manufacturing));
        assert_eq!(
            lines(&outline)[3..],
            [
                "ask-need",
                "  [0] value",
                "  next-step",
                "  [1] nurture",
                "  [2] answer-price",
                "    [0] value (again)",
                "    [1] ask-need (again)",
            ]
        );
        let retail = first_contact().outline(Some(Industry::Retail));
        assert_eq!(retail.len(), 12);
    }

    #[test]
    fn a_step_with_branches_and_next_shows_the_branches_before_carrying_on() {
        let mut script = first_contact();
        step_mut(&mut script, "listen")
            .branches
            .push(super::super::Branch {
                label: crate::domain::LocalizedText::new("Silent", "沉默"),
                to: id("nurture"),
            });
        let outline = lines(&script.outline(None));
        assert_eq!(outline[2..5], ["listen", "  [0] nurture", "ask-need"]);
        assert!(outline.contains(&"  [1] nurture (again)".to_string()));
    }

    #[test]
    fn outline_of_a_script_with_a_missing_start_or_broken_link_is_short_not_broken() {
        let mut script = first_contact();
        step_mut(&mut script, "opening").next = Some(id("nowhere"));
        assert_eq!(lines(&script.outline(None)), ["opening"]);
        script.start = id("nowhere");
        assert!(script.outline(None).is_empty());
    }
}
