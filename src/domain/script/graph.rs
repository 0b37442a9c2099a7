//! The steps of a script as a graph of positions in `steps`, for questions about the script as
//! a whole (which steps the start reaches, from which an end can be reached), asked by the lint.

use super::Script;
use std::collections::{BTreeMap, BTreeSet};

/// Links between steps, by position in `Script::steps`. Of several steps with one id only the
/// first counts (navigation never finds the others); links to missing steps are left out.
pub(crate) struct StepGraph {
    first: Vec<bool>,
    start: Option<usize>,
    edges: Vec<Vec<usize>>,
}

impl StepGraph {
    pub(crate) fn new(script: &Script) -> StepGraph {
        let mut index = BTreeMap::new();
        for (i, step) in script.steps.iter().enumerate() {
            index.entry(&step.id).or_insert(i);
        }
        let mut first = vec![false; script.steps.len()];
        let mut edges = vec![Vec::new(); script.steps.len()];
        for &i in index.values() {
            first[i] = true;
            let targets = script.steps[i].targets();
            edges[i] = targets.filter_map(|to| index.get(to).copied()).collect();
        }
        let start = index.get(&script.start).copied();
        StepGraph {
            first,
            start,
            edges,
        }
    }

    /// The position of the start step, if it exists.
    pub(crate) fn start(&self) -> Option<usize> {
        self.start
    }

    /// Whether the step at `i` is the first with its id (not a duplicate).
    pub(crate) fn is_first(&self, i: usize) -> bool {
        self.first.get(i).copied().unwrap_or(false)
    }

    /// Every step reachable from `seeds` by next steps and branches (seeds included).
    pub(crate) fn reachable_from(&self, seeds: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
        flood(&self.edges, seeds)
    }

    /// Every step from which one of `seeds` can be reached (seeds included).
    pub(crate) fn reaching(&self, seeds: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
        let mut reverse = vec![Vec::new(); self.edges.len()];
        for (from, targets) in self.edges.iter().enumerate() {
            for &to in targets {
                reverse[to].push(from);
            }
        }
        flood(&reverse, seeds)
    }
}

fn flood(edges: &[Vec<usize>], seeds: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<usize> = seeds.into_iter().collect();
    while let Some(n) = todo.pop() {
        if n < edges.len() && seen.insert(n) {
            todo.extend(edges[n].iter().copied());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{first_contact, say};
    use super::*;

    #[test]
    fn the_start_reaches_every_step_of_the_first_contact_script() {
        let script = first_contact();
        let graph = StepGraph::new(&script);
        let all: BTreeSet<usize> = (0..script.steps.len()).collect();
        assert_eq!(graph.reachable_from(graph.start()), all);
    }

    #[test]
    fn only_the_first_of_two_steps_with_one_id_counts() {
        let mut script = first_contact();
        script.steps.push(say("opening", "Again", "再次"));
        let graph = StepGraph::new(&script);
        let last = script.steps.len() - 1;
        assert!(graph.is_first(0) && !graph.is_first(last));
        assert!(!graph.reachable_from(graph.start()).contains(&last));
        assert_eq!(graph.reaching([last]), BTreeSet::from([last]));
    }
}
