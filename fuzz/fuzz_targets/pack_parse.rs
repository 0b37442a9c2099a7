//! Playbook packs: `domain::pack::parse` never panics, and a pack it accepts
//! - exports (`to_json`) to text that parses back to the same pack;
//! - plans against the default playbook with local edits (one entity edited, one deleted, one
//!   imported earlier): one plan item per entity, counted by `Summary`;
//! - applied taking every entity, plans again as all unchanged; applied keeping local edits,
//!   leaves every conflicting local edit as it was;
//! - is audited, each finding put into words in both languages, and each of its proposal
//!   templates is shown as a page of safe HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sales_playbook::domain::audit::audit;
use sales_playbook::domain::overlay::{effective, entities, Overlay, Part};
use sales_playbook::domain::pack::{apply, parse, plan, to_json, Change, Summary};
use sales_playbook::domain::playbook::Playbook;
use sales_playbook::domain::Locale;
use sales_playbook::i18n::audit::describe;
use sales_playbook::render::template::template_html;
use std::sync::OnceLock;

/// Local edits on the default playbook, and the playbook they give.
fn local() -> &'static (Overlay, Playbook) {
    static LOCAL: OnceLock<(Overlay, Playbook)> = OnceLock::new();
    LOCAL.get_or_init(|| {
        let default = fuzz_common::default_playbook();
        let mut overlay = Overlay::default();
        if let Some(script) = entities(default, Part::Script).into_iter().next() {
            overlay.put(script);
        }
        if let Some(objection) = entities(default, Part::Objection).into_iter().next() {
            overlay.delete(Part::Objection, &objection.key());
        }
        if let Some(template) = entities(default, Part::Template).into_iter().next() {
            overlay.put_imported(template);
        }
        let current = effective(default, &overlay);
        (overlay, current)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = fuzz_common::text(data);
    let Ok(pack) = parse(text) else { return };

    let json = to_json(&pack);
    assert_eq!(
        parse(&json),
        Ok(pack.clone()),
        "an accepted pack does not export back\n{json}"
    );

    let (overlay, current) = local();
    let items = plan(&pack, current, overlay);
    let count: usize = Part::ALL
        .into_iter()
        .map(|part| entities(&pack.playbook, part).len())
        .sum();
    assert_eq!(items.len(), count, "a plan item per entity");
    let s = Summary::of(&items);
    assert_eq!(s.added + s.updated + s.conflicts + s.unchanged, count);

    let mut taken = overlay.clone();
    apply(&pack, &items, &|_, _| true, &mut taken);
    let after = effective(fuzz_common::default_playbook(), &taken);
    for item in plan(&pack, &after, &taken) {
        assert_eq!(
            item.change,
            Change::Unchanged,
            "{:?} {} after import",
            item.part,
            item.key
        );
    }

    let mut kept = overlay.clone();
    apply(&pack, &items, &|_, _| false, &mut kept);
    for item in items.iter().filter(|i| i.change == Change::Conflict) {
        assert_eq!(
            kept.get(item.part, &item.key),
            overlay.get(item.part, &item.key)
        );
    }

    for finding in audit(&pack.playbook) {
        for locale in [Locale::En, Locale::ZhCn] {
            let _ = describe(&finding, locale, &pack.playbook);
        }
    }
    for template in &pack.playbook.templates {
        for locale in [Locale::En, Locale::ZhCn] {
            let html = template_html(&after, template, locale);
            if let Err(e) = fuzz_common::check_html(&html, fuzz_common::TEMPLATE_PAGE_TAGS) {
                panic!("unsafe template page: {e}\nhtml: {html:?}");
            }
        }
    }
});
