//! Playbook packs: `domain::pack::parse`, its errors in words, and, for a pack it accepts,
//! the audit of what it holds and the HTML its text renders to.

use super::case::{check_both, variant, Case, Expect};
use super::markdown::{check_html, only_renderer_tags};
use super::playbook::check_findings;
use sales_playbook::domain::pack::parse;
use sales_playbook::domain::Locale;
use sales_playbook::i18n::pack_errors::describe_pack_error;
use sales_playbook::markdown::to_html;
use sales_playbook::render::template::template_html;

pub fn run(case: &Case, input: &str) -> Result<(), String> {
    let parsed = parse(input);
    match (&case.expect, parsed) {
        (Expect::Rejected { error, en, zh, .. }, Err(err)) => {
            let got = variant(&format!("{err:?}"));
            if &got != error {
                return Err(format!("rejected with {err:?}; expected {error}"));
            }
            check_both(
                &describe_pack_error(Locale::En, &err),
                &describe_pack_error(Locale::ZhCn, &err),
                en,
                zh,
            )
        }
        (Expect::Rejected { error, .. }, Ok(_)) => Err(format!("accepted; expected {error}")),
        (_, Err(err)) => Err(format!("rejected with {err:?}; expected it to be accepted")),
        (Expect::Findings { findings, more }, Ok(pack)) => {
            check_findings(&pack.playbook, findings, *more)
        }
        (
            Expect::Sanitised {
                absent,
                present,
                links,
            },
            Ok(pack),
        ) => {
            let playbook = &pack.playbook;
            let mut html = String::new();
            for locale in Locale::ALL {
                let guides = playbook.stages.iter().map(|s| s.guide.get(locale));
                let descriptions = playbook.templates.iter().map(|t| t.description.get(locale));
                for text in guides.chain(descriptions) {
                    let part = to_html(text);
                    only_renderer_tags(&part)?;
                    html.push_str(&part);
                }
                for template in &playbook.templates {
                    html.push_str(&template_html(playbook, template, locale));
                }
            }
            check_html(&html, absent, present, *links)
        }
        (other, Ok(_)) => Err(format!("{other:?} is not an outcome of a pack")),
    }
}
