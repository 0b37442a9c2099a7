//! What other tabs of the app do: their saves arrive as `storage` events and are applied here,
//! and lead numbers found shared (two tabs numbering at the same moment, or data read at start
//! or from a backup) are set apart.

use super::{AppState, Toast, Undo};
use crate::domain::deal::Deal;
use crate::routes::Route;
use crate::storage::Change;
use leptos::prelude::*;

impl AppState {
    /// Applies a change another tab made. A deal open here keeps its unsaved field edits;
    /// the page is told the record changed.
    pub fn apply_change(&self, key: Option<String>, new_value: Option<String>) {
        match self
            .store()
            .decode_change(key.as_deref(), new_value.as_deref())
        {
            Change::Settings(s) => self.settings.set(s),
            Change::Deal(id, deal) => {
                let (mut removed, mut added) = (None, false);
                self.deals.update(|m| match deal {
                    Some(d) => added = m.insert(id.clone(), d).is_none(),
                    None => removed = m.remove(&id),
                });
                match removed {
                    // The lead open here was deleted in another tab: say so, and offer it back
                    // (its page stays open, with what is being typed, until the notice goes).
                    Some(d) if matches!(self.route.get_untracked(), Route::Deal(r) if r == id) => {
                        let t = crate::i18n::texts(self.locale());
                        self.toast.set(Some(Toast {
                            message: crate::i18n::fill(
                                t.lead_deleted_elsewhere,
                                &[("name", &d.customer)],
                            ),
                            undo: Some(Undo::Deal(Box::new(d))),
                        }));
                    }
                    Some(_) => {}
                    None => self.changed_elsewhere.update(|c| {
                        c.insert(id);
                    }),
                }
                // Only a lead new to this tab can share a number with one it added.
                if added {
                    self.renumber_clashes(false);
                }
            }
            Change::Reload => self.reload(),
            Change::Newer(schema) => self.report.update(|r| r.newer_schema = Some(schema)),
            Change::Trainee(..) | Change::Drill(..) | Change::Unreadable(_) | Change::Ignored => {}
        }
    }

    /// Gives a lead the next free number if an earlier lead has its number
    /// (`deal::renumber_clashes` says which), and says so: any lead when `everyone`, else only
    /// leads this tab added (another tab may have given their number to a lead at the same
    /// moment).
    pub(super) fn renumber_clashes(&self, everyone: bool) {
        let clashes = self.added_here.with_value(|mine| {
            self.deals.with_untracked(|m| {
                let all: Vec<&Deal> = m.values().collect();
                crate::domain::deal::renumber_clashes(&all, (!everyone).then_some(mine))
                    .into_iter()
                    .filter_map(|(id, new)| {
                        let d = m.get(&id)?;
                        Some((id, (d.number.clone(), d.customer.clone(), new)))
                    })
                    .collect::<Vec<_>>()
            })
        });
        let mut leads = Vec::new();
        for (id, lead) in clashes {
            self.edit_deal(&id, |d| d.number = lead.2.clone());
            leads.push(lead);
        }
        let t = crate::i18n::texts(self.locale());
        if let Some(message) = crate::i18n::renumbered(t, &leads) {
            self.toast.set(Some(Toast {
                message,
                undo: None,
            }));
        }
    }
}
