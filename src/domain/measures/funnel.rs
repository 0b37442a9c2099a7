//! The sales funnel (销售漏斗) of the leads assigned in a period: how far each got, with its
//! value, and the conversion from each stage to the next.

use super::{add_amount, lead_to_won, ByCurrency, Dataset, Measure, Period};
use crate::domain::deal::Deal;
use crate::domain::playbook::StageKind;
use crate::domain::timeline::{DealEvent, EventKind};
use crate::domain::Id;

/// The stages a deal moves through, in order. Review runs across all stages and is no step.
pub const FUNNEL_STAGES: [StageKind; 5] = [
    StageKind::LeadDevelopment,
    StageKind::NeedsAnalysis,
    StageKind::QuoteAndContract,
    StageKind::Delivery,
    StageKind::AccountCare,
];

/// One step of the funnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelStage {
    pub stage: StageKind,
    /// The leads that reached this stage (now in it or further, or were once), in input order.
    pub reached: Vec<Id>,
    /// Their value by currency.
    pub value: ByCurrency,
    /// Reached this stage / reached the one before; `None` for the first stage.
    pub conversion: Option<Measure>,
}

/// The funnel of a period's leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funnel {
    /// One entry per [`FUNNEL_STAGES`] stage, in order.
    pub stages: Vec<FunnelStage>,
    /// Leads converted now / leads (销售漏斗转化率, standard 20%).
    pub lead_to_won: Measure,
}

/// The index in [`FUNNEL_STAGES`] of a stage, if it is a funnel step.
fn step(stage: Option<StageKind>) -> Option<usize> {
    FUNNEL_STAGES.iter().position(|s| Some(*s) == stage)
}

/// The furthest funnel step a deal has been at: its stage now or any stage in its history.
/// Every lead has been at the first step.
fn furthest_step(deal: &Deal, events: &[&DealEvent]) -> usize {
    let history = events.iter().flat_map(|e| match e.kind {
        EventKind::StageChanged { from, to } => [step(from), step(to)],
        _ => [None, None],
    });
    history
        .chain([step(deal.stage)])
        .flatten()
        .max()
        .unwrap_or(0)
}

/// The funnel of the leads assigned in `period`: for each stage the leads that reached it
/// (from the timeline and the current stage: a deal that skipped a stage counts as having
/// passed it) and their value in each currency; the conversion from each stage to the next is
/// reached(k + 1) / reached(k).
pub fn funnel(data: &Dataset, period: &Period) -> Funnel {
    let mut stages: Vec<FunnelStage> = FUNNEL_STAGES
        .iter()
        .map(|&stage| FunnelStage {
            stage,
            reached: Vec::new(),
            value: ByCurrency::new(),
            conversion: None,
        })
        .collect();
    for deal in data.deals() {
        if !period.contains(deal.assigned_at) {
            continue;
        }
        let furthest = furthest_step(deal, data.events(&deal.id));
        for s in &mut stages[..=furthest] {
            s.reached.push(deal.id.clone());
            add_amount(&mut s.value, &deal.currency, deal.value_minor);
        }
    }
    for k in 1..stages.len() {
        let conversion = Measure::share(stages[k - 1].reached.clone(), stages[k].reached.clone());
        stages[k].conversion = Some(conversion);
    }
    Funnel {
        stages,
        lead_to_won: lead_to_won(data, period),
    }
}
