//! Needs-research completeness (需求调研完整率) over the deals that left discovery in a period.

use super::{Dataset, Measure, Period, Unit};
use crate::domain::deal::{Deal, Status};
use crate::domain::playbook::StageKind;
use crate::domain::timeline::{DealEvent, EventKind};
use crate::domain::Timestamp;

/// Whether a stage comes after needs analysis in the process. Review runs across all stages
/// and an unknown stage cannot be placed, so neither counts.
fn after_discovery(stage: Option<StageKind>) -> bool {
    matches!(
        stage,
        Some(StageKind::QuoteAndContract | StageKind::Delivery | StageKind::AccountCare)
    )
}

/// When a deal now past discovery (in a stage after needs analysis, or converted) left it:
/// the first event that took it past (a stage change to a later stage, or a change of status
/// to converted), else its assignment time when its history does not tell. `None` for a deal
/// not past discovery now.
pub fn past_discovery_at(deal: &Deal, events: &[&DealEvent]) -> Option<Timestamp> {
    if !(after_discovery(deal.stage) || deal.status == Status::Converted) {
        return None;
    }
    let moved_on = events
        .iter()
        .filter(|e| match e.kind {
            EventKind::StageChanged { to, .. } => after_discovery(to),
            EventKind::StatusChanged { to, .. } => to == Status::Converted,
            _ => false,
        })
        .map(|e| e.at)
        .min();
    Some(moved_on.unwrap_or(deal.assigned_at))
}

/// Needs-research completeness: over the deals that left discovery in `period`
/// ([`past_discovery_at`]), required discovery items answered / required items, summed over
/// the deals (a deal with 20 items weighs more than one with 4). Answers beyond the required
/// count are capped at it. Standard ≥ 85%.
pub fn completeness(data: &Dataset, period: &Period) -> Measure {
    let (mut required, mut answered, mut deals) = (0i64, 0i64, Vec::new());
    for deal in data.deals() {
        let passed = past_discovery_at(deal, data.events(&deal.id));
        if !passed.is_some_and(|t| period.contains(t)) {
            continue;
        }
        let (r, a) = data.discovery(&deal.id);
        required += i64::from(r);
        answered += i64::from(a.min(r));
        deals.push(deal.id.clone());
    }
    Measure::new(Unit::BasisPoints, answered, required, deals)
}
