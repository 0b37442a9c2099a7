//! What the fuzz targets share: the input as text, a fixed clock, the default playbook, and
//! an independent checker of the HTML the app builds from outside text.

use chrono::TimeZone;
use sales_playbook::domain::playbook::Playbook;
use sales_playbook::domain::Timestamp;
use std::sync::OnceLock;

/// The fuzzer's bytes as text: the longest valid UTF-8 prefix (the app only ever sees text,
/// a file read as UTF-8 or a textarea's value).
pub fn text(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(s) => s,
        // `valid_up_to` is a boundary, so this cannot fail.
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// "Now" for every target: the date of the long run, at whole minutes.
pub fn now() -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .single()
        .expect("a valid time")
}

/// The default playbook, assembled once from `content/default/*.json` as the app does.
pub fn default_playbook() -> &'static Playbook {
    static DEFAULT: OnceLock<Playbook> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        sales_playbook::content::assemble(|part| {
            Some(
                match part {
                    "stages" => include_str!("../../content/default/stages.json"),
                    "scripts" => include_str!("../../content/default/scripts.json"),
                    "objections" => include_str!("../../content/default/objections.json"),
                    "fields" => include_str!("../../content/default/fields.json"),
                    "checklists" => include_str!("../../content/default/checklists.json"),
                    "templates" => include_str!("../../content/default/templates.json"),
                    _ => return None,
                }
                .to_owned(),
            )
        })
        .expect("the default playbook assembles")
    })
}

/// Every tag `markdown::to_html` writes, except links (checked apart, with their `href`).
pub const MARKDOWN_TAGS: &[&str] = &[
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<h3>",
    "</h3>",
    "<h4>",
    "</h4>",
    "<h5>",
    "</h5>",
    "<h6>",
    "</h6>",
    "<ul>",
    "</ul>",
    "<ol>",
    "</ol>",
    "<li>",
    "</li>",
    "<strong>",
    "</strong>",
    "<em>",
    "</em>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    "</a>",
    "<blockquote>",
    "</blockquote>",
    "<hr>",
];

/// The tags `render::template::template_html` adds around its Markdown, written out in full
/// (attributes included): the only markup allowed besides [`MARKDOWN_TAGS`] on that page.
pub const TEMPLATE_PAGE_TAGS: &[&str] = &[
    "<section>",
    "</section>",
    "<h2>",
    "</h2>",
    "<div class=\"prose\">",
    "<div class=\"template-errors\">",
    "<div class=\"template-preview\" data-testid=\"template-preview\">",
    "<div class=\"template-source\" data-testid=\"template-source\">",
    "</div>",
    "<p class=\"hint\">",
    "<p class=\"note\" data-testid=\"pricing-note\">",
    "<p class=\"banner warning\" data-testid=\"missing-values\">",
    "<fieldset class=\"segmented template-toggle\">",
    "</fieldset>",
    "<legend class=\"visually-hidden\">",
    "</legend>",
    "<label>",
    "</label>",
    "<input type=\"radio\" name=\"template-view\" checked>",
    "<input type=\"radio\" name=\"template-view\" id=\"show-source\">",
    "<mark class=\"missing\">",
    "</mark>",
];

/// The only character references escaping writes.
const ENTITIES: [(&str, char); 5] = [
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
];

/// Link schemes the app allows; every other scheme must have lost its link.
const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Checks HTML built from outside text, independently of the renderer's own code:
/// - every `<` starts a tag from [`MARKDOWN_TAGS`] or `extra` exactly, or `<a href="…">`
///   with nothing else in the tag: so no `<script`, no `<img`, and no `on…=` attribute can
///   come from the input;
/// - `>`, `"` and `'` appear only inside those tags, and every `&` starts one of the five
///   references escaping writes (so no entity can hide a character);
/// - an `href` holds no markup, and read as a browser reads it (references decoded, leading
///   and trailing controls and spaces stripped, tabs and line breaks removed) its scheme, if
///   it has one, is `http`, `https`, `mailto` or `tel`: never `javascript:`, `data:` and the
///   like.
pub fn check_html(html: &str, extra: &[&str]) -> Result<(), String> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only ASCII bytes are matched, and an ASCII byte is always a char boundary.
        match bytes[i] {
            b'<' => {
                let rest = &html[i..];
                // A tag ends at the first `>`: allowed tags have none inside.
                let tag = rest.find('>').map(|end| &rest[..=end]);
                if let Some(tag) = tag.filter(|t| MARKDOWN_TAGS.contains(t) || extra.contains(t)) {
                    i += tag.len();
                    continue;
                }
                let Some(after) = rest.strip_prefix("<a href=\"") else {
                    return Err(format!("unexpected markup at byte {i}: {:?}", head(rest)));
                };
                let end = after
                    .find('"')
                    .ok_or_else(|| format!("unterminated href at byte {i}"))?;
                if !after[end..].starts_with("\">") {
                    return Err(format!("a link with more than an href: {:?}", head(rest)));
                }
                check_href(&after[..end]).map_err(|e| format!("{e} in {:?}", head(rest)))?;
                i += "<a href=\"".len() + end + "\">".len();
            }
            b'>' | b'"' | b'\'' => {
                return Err(format!(
                    "a raw {:?} outside any tag at byte {i}: {:?}",
                    bytes[i] as char,
                    head(&html[i..])
                ))
            }
            b'&' => {
                let rest = &html[i..];
                let Some((entity, _)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) else {
                    return Err(format!("a bare `&` at byte {i}: {:?}", head(rest)));
                };
                i += entity.len();
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// At most 80 characters of `s`, for messages.
fn head(s: &str) -> String {
    s.chars().take(80).collect()
}

/// See [`check_html`].
fn check_href(href: &str) -> Result<(), String> {
    if href.contains(['<', '>', '\'']) {
        return Err("markup inside an href".into());
    }
    // Decode the five references (the only ones escaping writes; a bare `&` is an error).
    let mut url = String::new();
    let mut rest = href;
    while let Some(at) = rest.find('&') {
        url.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some((entity, c)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) else {
            return Err("a bare `&` in an href".into());
        };
        url.push(*c);
        rest = &rest[entity.len()..];
    }
    url.push_str(rest);
    // As the WHATWG URL parser reads it.
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme_len = url
        .char_indices()
        .take_while(|&(i, c)| {
            if i == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')
            }
        })
        .count();
    if scheme_len > 0 && url[scheme_len..].starts_with(':') {
        let scheme = url[..scheme_len].to_ascii_lowercase();
        if !SAFE_SCHEMES.contains(&scheme.as_str()) {
            return Err(format!("an href with the scheme {scheme:?}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_catches_what_it_should() {
        assert!(check_html("<p>a &amp; b</p><a href=\"https://x\">x</a>", &[]).is_ok());
        for bad in [
            "<script>",
            "<a href=\"javascript:x\">",
            "<a href=\" JAVA\tSCRIPT:x\">",
            "<a href=\"x\" onclick=\"y\">",
            "<p onmouseover=x>",
            "a > b",
            "&#106;",
            "\"",
        ] {
            assert!(check_html(bad, &[]).is_err(), "{bad}");
        }
    }
}
