//! The leads of a period and how many were won, overall and by grade (线索分级) and source
//! (线索来源).

use super::{Dataset, Measure, Period};
use crate::domain::deal::{Deal, Grade, Source, Status};
use crate::domain::Id;

/// Leads assigned in `period` that `keep` accepts, and of those the ones converted now.
fn won_share(data: &Dataset, period: &Period, keep: impl Fn(&Deal) -> bool) -> Measure {
    let (mut leads, mut won): (Vec<Id>, Vec<Id>) = (Vec::new(), Vec::new());
    for deal in data.deals() {
        if period.contains(deal.assigned_at) && keep(deal) {
            if deal.status == Status::Converted {
                won.push(deal.id.clone());
            }
            leads.push(deal.id.clone());
        }
    }
    Measure::share(leads, won)
}

/// Lead → won (销售漏斗转化率): of the leads assigned in `period`, the share converted now.
/// A cohort measure: last month's figure still rises as its leads close. Standard 20%.
pub fn lead_to_won(data: &Dataset, period: &Period) -> Measure {
    won_share(data, period, |_| true)
}

/// Lead → won for each grade (current grade), A, B, C in order.
pub fn by_grade(data: &Dataset, period: &Period) -> Vec<(Grade, Measure)> {
    Grade::ALL
        .into_iter()
        .map(|g| (g, won_share(data, period, |d| d.grade == g)))
        .collect()
}

/// Lead → won for each source, in [`Source::ALL`] order.
pub fn by_source(data: &Dataset, period: &Period) -> Vec<(Source, Measure)> {
    Source::ALL
        .into_iter()
        .map(|s| (s, won_share(data, period, |d| d.source == s)))
        .collect()
}
