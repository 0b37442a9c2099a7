//! Saved versions of a deal's proposal (1, 2, …) and a line-by-line comparison of two.

use super::{to_markdown, Draft, PriceSummary};
use crate::domain::timeline::EventKind;
use crate::domain::{Id, Locale, Timestamp};
use crate::json::Json;

/// A proposal as it was saved (or sent) for a deal: its Markdown and totals, frozen.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct ProposalVersion {
    pub id: Id,
    pub deal: Id,
    pub template: Id,
    /// 1 for the deal's first version, then one above the highest.
    #[json(default)]
    pub number: u32,
    pub created_at: Timestamp,
    #[json(default)]
    pub locale: Locale,
    #[json(default)]
    pub markdown: String,
    #[json(default)]
    pub totals: Option<PriceSummary>,
    /// When the rep marked it sent to the customer.
    #[json(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<Timestamp>,
}

/// The number of a deal's next version: one above the highest of `existing` (the deal's
/// versions), 1 for the first.
pub fn next_version_number<'a>(existing: impl IntoIterator<Item = &'a ProposalVersion>) -> u32 {
    existing
        .into_iter()
        .map(|v| v.number)
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

impl ProposalVersion {
    /// Freezes `draft` as the next version of `deal`; `existing` may hold every deal's
    /// versions, only `deal`'s count.
    pub fn from_draft(
        id: Id,
        deal: &Id,
        draft: &Draft,
        existing: &[ProposalVersion],
        now: Timestamp,
    ) -> ProposalVersion {
        ProposalVersion {
            id,
            deal: deal.clone(),
            template: draft.template.clone(),
            number: next_version_number(existing.iter().filter(|v| &v.deal == deal)),
            created_at: now,
            locale: draft.locale,
            markdown: to_markdown(draft),
            totals: draft.totals.clone(),
            sent_at: None,
        }
    }

    /// The timeline event recording that this version went out.
    pub fn sent_event(&self) -> EventKind {
        EventKind::ProposalSent {
            template: self.template.as_str().to_owned(),
        }
    }
}

/// One line of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineDiff {
    /// In both versions.
    Same(String),
    /// Only in the later version.
    Added(String),
    /// Only in the earlier version.
    Removed(String),
}

/// The longest text (in lines) compared: the comparison takes time and memory in proportion
/// to the product of the two lengths, and a proposal is a few hundred lines.
pub const MAX_COMPARE_LINES: usize = 2_000;

/// A comparison refused because a version is longer than [`MAX_COMPARE_LINES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("too long to compare: {lines} lines, at most {limit}")]
pub struct TooLongToCompare {
    pub lines: usize,
    pub limit: usize,
}

/// What changed from version `a` to version `b`, line by line.
pub fn compare(
    a: &ProposalVersion,
    b: &ProposalVersion,
) -> Result<Vec<LineDiff>, TooLongToCompare> {
    compare_text(&a.markdown, &b.markdown)
}

/// What changed from `a` to `b`, line by line: the lines of a longest common subsequence are
/// the same, the rest removed (from `a`) or added (in `b`), a removal before the addition that
/// replaces it. Lines in common at both ends are matched first, so a small edit of a long
/// text costs little.
pub fn compare_text(a: &str, b: &str) -> Result<Vec<LineDiff>, TooLongToCompare> {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let lines = a.len().max(b.len());
    if lines > MAX_COMPARE_LINES {
        return Err(TooLongToCompare {
            lines,
            limit: MAX_COMPARE_LINES,
        });
    }
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let same = |s: &[&str]| {
        s.iter()
            .map(|l| LineDiff::Same((*l).to_owned()))
            .collect::<Vec<_>>()
    };
    let mut out = same(&a[..head]);
    out.extend(lcs_diff(mid_a, mid_b));
    out.extend(same(&a[a.len() - tail..]));
    Ok(out)
}

/// The diff by a longest common subsequence table; `u16` lengths suffice under
/// [`MAX_COMPARE_LINES`].
fn lcs_diff(a: &[&str], b: &[&str]) -> Vec<LineDiff> {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // lcs[i * width + j]: the length of a longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![0u16; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let mut out = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(LineDiff::Same(a[i].to_owned()));
            (i, j) = (i + 1, j + 1);
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            out.push(LineDiff::Removed(a[i].to_owned()));
            i += 1;
        } else {
            out.push(LineDiff::Added(b[j].to_owned()));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|l| LineDiff::Removed((*l).to_owned())));
    out.extend(b[j..].iter().map(|l| LineDiff::Added((*l).to_owned())));
    out
}
