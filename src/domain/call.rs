//! A live call (通话模式): the script walked with a deal on screen, its timer and notes, and the
//! record the call leaves on the deal's timeline.
//!
//! The answers a call captures are not held here: they belong to the deal's discovery fields,
//! the same ones the checklists ask, so [`Call::summary`] reads them from the deal's answers.

use super::deal::Deal;
use super::field::{Answer, Answers, FieldDef};
use super::playbook::{Playbook, StageKind};
use super::script::{Script, Walk};
use super::timeline::EventKind;
use super::{Id, Locale, Timestamp};
use crate::json::Json;

/// A call in progress, kept for the tab so a reload resumes it.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Call {
    pub deal: Id,
    pub walk: Walk,
    pub started_at: Timestamp,
    /// What the rep jotted down during the call.
    #[json(default)]
    pub notes: String,
    /// The rep is wrapping up: the summary and the next action are on screen.
    #[json(default)]
    pub closing: bool,
}

/// The script a call with `deal` starts with: one written for the deal's stage (lead
/// development when it has none) and its industry, preferring one written for that industry
/// alone; else the first script for the stage; else the playbook's first script.
pub fn suggest_script<'p>(playbook: &'p Playbook, deal: &Deal) -> Option<&'p Script> {
    let for_stage = || playbook.scripts_for(deal.stage.unwrap_or(StageKind::LeadDevelopment));
    let fits = |s: &&Script| s.applies_to(deal.industry);
    for_stage()
        .filter(fits)
        .find(|s| !s.industries.is_empty())
        .or_else(|| for_stage().find(fits))
        .or_else(|| for_stage().next())
        .or_else(|| playbook.scripts.first())
}

impl Call {
    /// A call with `deal` on `script`, started at `now`; `None` when the script has no step
    /// for the deal's industry.
    pub fn start(deal: &Deal, script: &Script, now: Timestamp) -> Option<Call> {
        Some(Call {
            deal: deal.id.clone(),
            walk: Walk::start(script, deal.industry)?,
            started_at: now,
            notes: String::new(),
            closing: false,
        })
    }

    /// Whole seconds since the call started (0 when the clock went back).
    pub fn seconds(&self, now: Timestamp) -> u32 {
        let s = (now - self.started_at).num_seconds();
        u32::try_from(s.max(0)).unwrap_or(u32::MAX)
    }

    /// The fields the questions on the path so far ask, each once, in the order first asked.
    pub fn asked_fields<'s>(&self, script: &'s Script) -> Vec<&'s str> {
        let mut fields: Vec<&str> = Vec::new();
        for step in self.walk.breadcrumb() {
            let field = script.step(step).and_then(|s| s.kind.field());
            if let Some(f) = field.filter(|f| !f.is_empty() && !fields.contains(f)) {
                fields.push(f);
            }
        }
        fields
    }

    /// The timeline record of the call, ended at `now`: the script's title, the duration,
    /// each step said (in `locale`, for the deal's industry), each answer given to a question
    /// on the path as `Label: value` (from `answers`, the deal's answers now), and the notes.
    pub fn summary(
        &self,
        script: &Script,
        fields: &[FieldDef],
        answers: &Answers,
        locale: Locale,
        now: Timestamp,
    ) -> EventKind {
        let industry = self.walk.industry();
        let path = self
            .walk
            .breadcrumb()
            .iter()
            .filter_map(|id| script.step(id))
            .map(|s| s.text_for(industry, locale).to_owned())
            .collect();
        let answers = self
            .asked_fields(script)
            .into_iter()
            .filter_map(|name| {
                let def = fields.iter().find(|f| f.name == name);
                let value = super::proposal_draft::format_answer(answers.get(name)?, def, locale)?;
                let label = def.map_or(name, |d| d.label.get(locale));
                Some(format!("{label}: {value}"))
            })
            .collect();
        EventKind::LiveCall {
            script: script.title.get(locale).to_owned(),
            seconds: self.seconds(now),
            path,
            answers,
            note: self.notes.trim().to_owned(),
        }
    }
}

/// The next action a call proposes from its answers: the agreed next step (`next_step`) as the
/// task and its date (`next_step_date`) at 09:00 as the due time, as a `datetime-local` input
/// writes it. Either is empty when the call did not capture it.
pub fn next_action_prefill(answers: &Answers) -> (String, String) {
    let task = match answers.get("next_step") {
        Some(a @ (Answer::Text(_) | Answer::Choice(_))) => a.input_text(),
        _ => String::new(),
    };
    let due = match answers.get("next_step_date") {
        Some(Answer::Date(d)) => format!("{d}T09:00"),
        _ => String::new(),
    };
    (task, due)
}

/// A duration as a call timer shows it: `4:05`, `1:02:03`.
pub fn duration_text(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests;
