//! What the measures read: the deals that pass the filter, each with its history and the
//! discovery counts, indexed once so every measure is a single pass.

use crate::domain::deal::Deal;
use crate::domain::fold::same_in_any_case;
use crate::domain::playbook::Industry;
use crate::domain::timeline::{self, DealEvent};
use crate::domain::Id;
use std::collections::BTreeMap;

/// Which deals a report covers; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this owner's deals (负责人), compared trimmed and in any case, as
    /// [`crate::domain::deal_list::owners`] lists them.
    pub owner: Option<String>,
    pub industry: Option<Industry>,
}

impl Filter {
    pub fn matches(&self, deal: &Deal) -> bool {
        self.owner
            .as_deref()
            .is_none_or(|o| same_in_any_case(o.trim(), deal.owner.trim()))
            && self.industry.is_none_or(|i| i == deal.industry)
    }
}

/// The deals behind a report, with their histories in time order.
#[derive(Clone, Debug)]
pub struct Dataset<'a> {
    deals: Vec<&'a Deal>,
    history: BTreeMap<&'a Id, Vec<&'a DealEvent>>,
    discovery: BTreeMap<&'a Id, (u32, u32)>,
}

impl<'a> Dataset<'a> {
    /// The deals that pass `filter`, with their histories.
    /// `discovery` maps a deal to its (required, answered) discovery items, which the app
    /// computes from the deal's checklists; a deal missing from it has nothing required.
    pub fn new(
        deals: impl IntoIterator<Item = &'a Deal>,
        discovery: &'a BTreeMap<Id, (u32, u32)>,
        filter: &Filter,
    ) -> Dataset<'a> {
        let deals: Vec<&Deal> = deals.into_iter().filter(|d| filter.matches(d)).collect();
        let history: BTreeMap<&Id, Vec<&DealEvent>> = deals
            .iter()
            .map(|d| (&d.id, timeline::in_order(&d.history)))
            .collect();
        let discovery = discovery
            .iter()
            .filter(|(id, _)| history.contains_key(id))
            .map(|(id, &counts)| (id, counts))
            .collect();
        Dataset {
            deals,
            history,
            discovery,
        }
    }

    /// The deals that passed the filter, in input order.
    pub fn deals(&self) -> &[&'a Deal] {
        &self.deals
    }

    /// A deal's events, oldest first; empty for a deal without history.
    pub fn events(&self, deal: &Id) -> &[&'a DealEvent] {
        self.history.get(deal).map_or(&[], Vec::as_slice)
    }

    /// A deal's (required, answered) discovery items; (0, 0) when none are known.
    pub fn discovery(&self, deal: &Id) -> (u32, u32) {
        self.discovery.get(deal).copied().unwrap_or((0, 0))
    }
}
