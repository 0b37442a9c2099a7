//! The default playbook: its text lives in `content/default/*.json`, in the same format packs
//! use, and is served next to the app (`default/<part>.json`), so the wasm carries code and
//! not 100+ KiB of bilingual text. The app fetches the parts at start; with no set-up a first
//! visit is ready to use. Parsing is here, pure, so it is tested natively.

use crate::domain::playbook::Playbook;
use crate::json::FromJson;

/// The parts of the default playbook, by file name (without `.json`).
pub const PARTS: [&str; 6] = [
    "stages",
    "scripts",
    "objections",
    "fields",
    "checklists",
    "templates",
];

/// Where the parts are, relative to the page, so it works under any sub-path.
pub fn url(part: &str) -> String {
    format!("default/{part}.json")
}

/// Why the default playbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{part}.json: {reason}")]
pub struct ContentError {
    pub part: String,
    pub reason: String,
}

/// Builds the playbook from the text of each part; `text(part)` gives a part's file.
pub fn assemble(text: impl Fn(&str) -> Option<String>) -> Result<Playbook, ContentError> {
    fn read<T: FromJson>(
        part: &str,
        text: &impl Fn(&str) -> Option<String>,
    ) -> Result<T, ContentError> {
        let raw = text(part).ok_or_else(|| ContentError {
            part: part.into(),
            reason: "missing".into(),
        })?;
        crate::json::from_str(&raw).map_err(|e| ContentError {
            part: part.into(),
            reason: e.to_string(),
        })
    }
    Ok(Playbook {
        stages: read("stages", &text)?,
        scripts: read("scripts", &text)?,
        objections: read("objections", &text)?,
        fields: read("fields", &text)?,
        checklists: read("checklists", &text)?,
        templates: read("templates", &text)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(part: &str) -> Option<String> {
        Some(
            match part {
                "stages" => include_str!("../content/default/stages.json"),
                "scripts" => include_str!("../content/default/scripts.json"),
                "objections" => include_str!("../content/default/objections.json"),
                "fields" => include_str!("../content/default/fields.json"),
                "checklists" => include_str!("../content/default/checklists.json"),
                "templates" => include_str!("../content/default/templates.json"),
                _ => return None,
            }
            .to_owned(),
        )
    }

    #[test]
    fn the_default_playbook_assembles_from_every_part() {
        let p = assemble(file).unwrap();
        assert_eq!(p.stages.len(), 6);
        assert!(p.objections.len() >= 24);
        assert!(p.fields.len() >= 40);
        assert!(p.scripts.len() >= 6);
        assert_eq!(p.checklists.len(), 6);
        assert_eq!(p.templates.len(), 5);
        assert!(p
            .fields
            .iter()
            .all(|f| crate::domain::field::is_field_name(&f.name)));
        assert!(PARTS.iter().all(|part| file(part).is_some()));
    }

    #[test]
    fn a_missing_or_broken_part_is_an_error_naming_the_part() {
        let missing = assemble(|p| if p == "fields" { None } else { file(p) }).unwrap_err();
        assert_eq!(
            missing,
            ContentError {
                part: "fields".into(),
                reason: "missing".into()
            }
        );
        let broken = assemble(|p| {
            if p == "stages" {
                Some("[{".into())
            } else {
                file(p)
            }
        })
        .unwrap_err();
        assert_eq!(broken.part, "stages");
    }

    #[test]
    fn part_urls_are_relative_so_sub_paths_work() {
        assert_eq!(url("stages"), "default/stages.json");
    }
}
