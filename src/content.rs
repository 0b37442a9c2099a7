//! The default playbook, embedded in the app so it works on first start with no set-up.
//! Its text lives in `content/default/*.json`, in the same format packs use.

use crate::domain::playbook::Playbook;

/// The built-in playbook. The files are checked by `tests/default_content.rs`, so a parse
/// failure here cannot ship; should one happen anyway, that part is left empty.
pub fn default_playbook() -> Playbook {
    Playbook {
        stages: serde_json::from_str(include_str!("../content/default/stages.json"))
            .unwrap_or_default(),
        objections: serde_json::from_str(include_str!("../content/default/objections.json"))
            .unwrap_or_default(),
        fields: serde_json::from_str(include_str!("../content/default/fields.json"))
            .unwrap_or_default(),
        ..Playbook::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_playbook_loads_every_part() {
        let p = default_playbook();
        assert_eq!(p.stages.len(), 6);
        assert!(p.objections.len() >= 24);
        assert!(p.fields.len() >= 40);
        assert!(p
            .fields
            .iter()
            .all(|f| crate::domain::field::is_field_name(&f.name)));
        assert!(p
            .fields
            .iter()
            .all(|f| f.kind != crate::domain::field::FieldKind::Unknown));
    }
}
