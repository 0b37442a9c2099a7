//! Deals won in a period: the sales cycle (销售周期) and the average deal size (客单价).

use super::{add_amount, currency_key, ByCurrency, Dataset, Measure, Period, Unit};
use crate::domain::deal::{Deal, Status};
use crate::domain::timeline;
use crate::domain::{Id, Timestamp};
use std::collections::BTreeMap;

/// When a deal converted now was won: the first change of its status to converted. A deal
/// converted without that event (imported, or from before the timeline) has no won time and
/// is in no period's won deals; a deal reopened after winning is not won.
fn won_time(data: &Dataset, deal: &Deal) -> Option<Timestamp> {
    if deal.status != Status::Converted {
        return None;
    }
    timeline::won_at(data.events(&deal.id))
}

/// The deals won in `period`, in input order, with their won times.
pub fn won_in<'a>(data: &Dataset<'a>, period: &Period) -> Vec<(&'a Deal, Timestamp)> {
    data.deals()
        .iter()
        .filter_map(|&d| won_time(data, d).map(|t| (d, t)))
        .filter(|&(_, t)| period.contains(t))
        .collect()
}

/// Why a won deal is left out of the sales cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CycleGap {
    /// No contact is recorded at all.
    NoContact,
    /// Won before its first recorded contact: a data error, never a negative cycle.
    WonBeforeContact,
}

/// The sales cycle of the deals won in a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// The median in whole days; numerator / denominator is the exact median: the middle day
    /// count over 1, or the sum of the two middle ones over 2 (so 30.5 days shows as 31).
    pub median: Measure,
    /// The mean: total days / deals, shown rounded (halves up). Standard 30 days.
    pub mean: Measure,
    /// Won deals left out, and why.
    pub gaps: Vec<(Id, CycleGap)>,
}

/// The sales cycle: for each deal won in `period`, whole days from its first contact
/// ([`timeline::first_contact_at`]) to its won time, counted as elapsed 24-hour days rounded
/// down (contact Monday 17:00, won Tuesday 09:00 is 0 days), so no time zone enters.
pub fn sales_cycle(data: &Dataset, period: &Period) -> Cycle {
    let (mut days, mut deals, mut gaps) = (Vec::new(), Vec::new(), Vec::new());
    for (deal, won) in won_in(data, period) {
        match timeline::first_contact_at(deal, data.events(&deal.id)) {
            None => gaps.push((deal.id.clone(), CycleGap::NoContact)),
            Some(contact) if won < contact => {
                gaps.push((deal.id.clone(), CycleGap::WonBeforeContact))
            }
            Some(contact) => {
                days.push((won - contact).num_days());
                deals.push(deal.id.clone());
            }
        }
    }
    let total = days.iter().fold(0i64, |sum, &d| sum.saturating_add(d));
    let mean = Measure::new(Unit::Days, total, super::count(&days), deals.clone());
    days.sort_unstable();
    let n = days.len();
    let (middle, halves) = match n {
        0 => (0, 0),
        _ if n % 2 == 1 => (days[n / 2], 1),
        _ => (days[n / 2 - 1].saturating_add(days[n / 2]), 2),
    };
    Cycle {
        median: Measure::new(Unit::Days, middle, halves, deals),
        mean,
        gaps,
    }
}

/// Average deal size (客单价) of the deals won in `period`, per currency (won value / won
/// deals, in minor units, rounded halves away from zero). Currencies are never mixed.
pub fn deal_size(data: &Dataset, period: &Period) -> BTreeMap<String, Measure> {
    let mut sums = ByCurrency::new();
    let mut deals: BTreeMap<String, Vec<Id>> = BTreeMap::new();
    for (deal, _) in won_in(data, period) {
        add_amount(&mut sums, &deal.currency, deal.value_minor);
        deals
            .entry(currency_key(&deal.currency))
            .or_default()
            .push(deal.id.clone());
    }
    deals
        .into_iter()
        .map(|(currency, ids)| {
            let total = sums.get(&currency).copied().unwrap_or(0);
            let count = super::count(&ids);
            (currency, Measure::new(Unit::Minor, total, count, ids))
        })
        .collect()
}
