//! Which checklists to attach to a deal, from the toolkit's rules for discovery.

use crate::domain::checklist::{Checklist, Framework};
use crate::domain::deal::{CustomerClass, Deal};
use crate::domain::money::minor_digits;
use crate::domain::playbook::Playbook;
use crate::domain::Id;

/// A deal in yuan worth at least ¥500,000 (50万) is treated as a high-value account.
pub const HIGH_VALUE_CNY: i64 = 500_000;
/// In any other currency (or none), at least 100,000 whole units (USD 100,000 is about
/// ¥700,000, the same order). Teams selling smaller deals mark big accounts high-value.
pub const HIGH_VALUE_OTHER: i64 = 100_000;

/// The deal value, in minor units of `currency`, from which a deal counts as high-value.
pub fn high_value_threshold_minor(currency: &str) -> i64 {
    let major = if currency.trim().eq_ignore_ascii_case("CNY") {
        HIGH_VALUE_CNY
    } else {
        HIGH_VALUE_OTHER
    };
    major.saturating_mul(10i64.pow(minor_digits(currency)))
}

/// Whether a deal gets the high-value discovery: a high-value customer (高价值客户), or a deal
/// value at or above [`high_value_threshold_minor`] of its currency.
fn is_high_value(deal: &Deal) -> bool {
    deal.class == CustomerClass::HighValue
        || deal.value_minor >= high_value_threshold_minor(&deal.currency)
}

/// The checklists to suggest for a deal, in this order:
/// 1. the first-contact needs questions (首次客户沟通), always;
/// 2. BANT, for any lead;
/// 3. MEDDPICC and the decision-chain map (决策链), for a high-value customer or a deal at or
///    above the high-value amount ([`HIGH_VALUE_CNY`], [`HIGH_VALUE_OTHER`]): mapping the
///    decision chain before the demo raised the demo pass rate from 60% to 80%.
///
/// For each framework, the playbook's first checklist written for the deal's industry, else
/// its first checklist for every industry; a framework the playbook has no checklist for is
/// left out. SPIN, GPCTBA and custom checklists are never suggested: they are a team's choice.
pub fn suggest_checklists(deal: &Deal, playbook: &Playbook) -> Vec<Id> {
    let mut frameworks = vec![Framework::FirstContact, Framework::Bant];
    if is_high_value(deal) {
        frameworks.extend([Framework::Meddpicc, Framework::DecisionChain]);
    }
    frameworks
        .into_iter()
        .filter_map(|f| best_for(deal, playbook, f))
        .map(|c| c.id.clone())
        .collect()
}

fn best_for<'p>(
    deal: &Deal,
    playbook: &'p Playbook,
    framework: Framework,
) -> Option<&'p Checklist> {
    let of_framework = || {
        playbook
            .checklists
            .iter()
            .filter(move |c| c.framework == framework)
    };
    of_framework()
        .find(|c| c.industries.contains(&deal.industry))
        .or_else(|| of_framework().find(|c| c.industries.is_empty()))
}
