//! Preferences of this browser's user.

use super::clock::SlaSettings;
use super::grading::GradingRules;
use super::measures::Targets;
use super::Locale;
use crate::json::Json;

/// Settings kept in storage. `locale: None` means "follow the browser".
#[derive(Clone, Debug, Default, PartialEq, Json)]
pub struct Settings {
    #[json(default)]
    pub locale: Option<Locale>,
    /// Name shown as the owner of new deals.
    #[json(default)]
    pub user_name: String,
    /// The team's follow-up time standards (24 h, reminder at 2 h by default).
    #[json(default)]
    pub sla: SlaSettings,
    /// The team's targets for the dashboard's measures (follow-up ≥ 90% by default).
    #[json(default)]
    pub targets: Targets,
    /// The team's lead-grading rules (weights and what grades A and B need).
    #[json(default)]
    pub grading: GradingRules,
}

impl Settings {
    /// The language to show: the chosen one, else the browser's.
    pub fn effective_locale(&self, browser: Locale) -> Locale {
        self.locale
            .map(Locale::supported)
            .unwrap_or(browser.supported())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_language_overrides_the_browser() {
        let s = Settings {
            locale: Some(Locale::ZhCn),
            ..Default::default()
        };
        assert_eq!(s.effective_locale(Locale::En), Locale::ZhCn);
    }

    #[test]
    fn no_choice_follows_the_browser() {
        assert_eq!(
            Settings::default().effective_locale(Locale::ZhCn),
            Locale::ZhCn
        );
    }
}
