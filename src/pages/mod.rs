//! One file per screen, named for what the user sees.

mod checklists;
mod dashboard;
mod deal;
mod deals;
mod not_found;
mod objections;
mod playbook;
mod script;
mod settings;
mod stage;
mod templates;
mod training;

pub use checklists::{ChecklistPage, ChecklistsPage};
pub use dashboard::DashboardPage;
pub use deal::DealPage;
pub use deals::DealsPage;
pub use not_found::NotFoundPage;
pub use objections::ObjectionsPage;
pub use playbook::PlaybookPage;
pub use script::ScriptPage;
pub use settings::SettingsPage;
pub use stage::StagePage;
pub use templates::{TemplatePage, TemplatesPage};
pub use training::TrainingPage;
