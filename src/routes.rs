//! Typed routes in the URL hash (`#/deals/<id>`), so deep links survive a reload on any static
//! host, at a domain root or under a sub-path, with no server rewrite rules.

use crate::domain::Id;

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Playbook,
    /// One stage of the process, by its id.
    Stage(Id),
    /// A call script: read mode and practice mode.
    Script(Id),
    /// The list of discovery checklists.
    Checklists,
    /// One discovery checklist.
    Checklist(Id),
    Objections,
    /// The objection finder showing one objection.
    Objection(Id),
    Templates,
    Template(Id),
    /// Authoring: the playbook's contents with edit, duplicate, reorder and delete; packs.
    Author,
    /// Editing one entity: its part code (`scripts`, …) and key.
    Edit(String, String),
    Deals,
    Deal(Id),
    Training,
    Dashboard,
    Settings,
    /// Anything else; keeps what was asked for.
    NotFound(String),
}

impl Route {
    /// Reads `location.hash` (`#/deals/abc`, `#deals`, `` …). An empty hash is the playbook.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        let mut parts = path.split('/');
        match (parts.next().unwrap_or(""), parts.next(), parts.next()) {
            ("" | "playbook", None, _) => Route::Playbook,
            ("playbook", Some("objections"), None) => Route::Objections,
            ("playbook", Some("checklists"), None) => Route::Checklists,
            ("playbook", Some("templates"), None) => Route::Templates,
            ("templates", Some(id), None) => match Id::parse(id) {
                Ok(id) => Route::Template(id),
                Err(_) => Route::NotFound(path.to_owned()),
            },
            ("author", None, _) => Route::Author,
            ("author", Some(part), Some(key))
                if crate::domain::overlay::Part::from_code(part).is_some()
                    && !key.is_empty()
                    && key.len() <= 64
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                match parts.next() {
                    None => Route::Edit(part.to_owned(), key.to_owned()),
                    Some(_) => Route::NotFound(path.to_owned()),
                }
            }
            ("checklists", Some(id), None) => match Id::parse(id) {
                Ok(id) => Route::Checklist(id),
                Err(_) => Route::NotFound(path.to_owned()),
            },
            ("scripts", Some(id), None) => match Id::parse(id) {
                Ok(id) => Route::Script(id),
                Err(_) => Route::NotFound(path.to_owned()),
            },
            ("objections", Some(id), None) => match Id::parse(id) {
                Ok(id) => Route::Objection(id),
                Err(_) => Route::NotFound(path.to_owned()),
            },
            ("stages", Some(id), None) => match Id::parse(id) {
                Ok(id) => Route::Stage(id),
                Err(_) => Route::NotFound(path.to_owned()),
            },
            ("deals", None, _) => Route::Deals,
            ("deals", Some(id), None) => match Id::parse(id) {
                Ok(id) => Route::Deal(id),
                Err(_) => Route::NotFound(path.to_owned()),
            },
            ("training", None, _) => Route::Training,
            ("dashboard", None, _) => Route::Dashboard,
            ("settings", None, _) => Route::Settings,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The link to this route, relative to the page, so it works under any sub-path.
    pub fn href(&self) -> String {
        match self {
            Route::Playbook => "#/playbook".into(),
            Route::Stage(id) => format!("#/stages/{id}"),
            Route::Script(id) => format!("#/scripts/{id}"),
            Route::Checklists => "#/playbook/checklists".into(),
            Route::Checklist(id) => format!("#/checklists/{id}"),
            Route::Objections => "#/playbook/objections".into(),
            Route::Objection(id) => format!("#/objections/{id}"),
            Route::Templates => "#/playbook/templates".into(),
            Route::Template(id) => format!("#/templates/{id}"),
            Route::Author => "#/author".into(),
            Route::Edit(part, key) => format!("#/author/{part}/{key}"),
            Route::Deals => "#/deals".into(),
            Route::Deal(id) => format!("#/deals/{id}"),
            Route::Training => "#/training".into(),
            Route::Dashboard => "#/dashboard".into(),
            Route::Settings => "#/settings".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The top-level area a route belongs to, for highlighting the navigation.
    pub fn area(&self) -> Option<Route> {
        match self {
            Route::Deal(_) => Some(Route::Deals),
            Route::Stage(_)
            | Route::Script(_)
            | Route::Checklists
            | Route::Checklist(_)
            | Route::Objections
            | Route::Objection(_)
            | Route::Templates
            | Route::Template(_)
            | Route::Author
            | Route::Edit(..) => Some(Route::Playbook),
            Route::NotFound(_) => None,
            other => Some(other.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_href() {
        let id = Id::parse("mb3k-00ab12cd").unwrap();
        for r in [
            Route::Playbook,
            Route::Templates,
            Route::Template(id.clone()),
            Route::Author,
            Route::Edit("scripts".into(), "script-first-contact".into()),
            Route::Edit("fields".into(), "budget_range".into()),
            Route::Deals,
            Route::Deal(id),
            Route::Training,
            Route::Dashboard,
            Route::Settings,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn empty_and_loose_hashes_are_understood() {
        assert_eq!(Route::parse(""), Route::Playbook);
        assert_eq!(Route::parse("#"), Route::Playbook);
        assert_eq!(Route::parse("#/"), Route::Playbook);
        assert_eq!(Route::parse("#deals/"), Route::Deals);
        assert_eq!(Route::parse("#/settings?x=1"), Route::Settings);
    }

    #[test]
    fn unknown_paths_and_bad_ids_are_not_found() {
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
        assert!(matches!(
            Route::parse("#/deals/<script>"),
            Route::NotFound(_)
        ));
        assert!(matches!(Route::parse("#/deals/a/b"), Route::NotFound(_)));
        assert!(matches!(
            Route::parse("#/author/nope/x"),
            Route::NotFound(_)
        ));
        assert!(matches!(
            Route::parse("#/author/scripts/a b"),
            Route::NotFound(_)
        ));
        assert!(matches!(
            Route::parse("#/author/scripts/x/y"),
            Route::NotFound(_)
        ));
    }

    #[test]
    fn a_deal_belongs_to_the_deals_area() {
        assert_eq!(
            Route::Deal(Id::parse("x").unwrap()).area(),
            Some(Route::Deals)
        );
    }
}
