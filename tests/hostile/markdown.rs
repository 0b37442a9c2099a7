//! Guide text through the safe Markdown renderer, and the checks of any HTML the app builds
//! from outside text: no tag or attribute from the source, no link with an unsafe scheme,
//! however the scheme is disguised.

use super::case::{Case, Expect};
use sales_playbook::markdown::to_html;

/// The tags `to_html` writes; anything else starting with `<` came from the source.
const TAGS: [&str; 23] = [
    "<p>",
    "</p>",
    "<h",
    "</h",
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
    "<a href=",
    "</a>",
    "<blockquote>",
    "</blockquote>",
    "<hr>",
];

/// Markdown source rendered to HTML.
pub fn run(case: &Case, input: &str) -> Result<(), String> {
    let html = to_html(input);
    only_renderer_tags(&html)?;
    match &case.expect {
        Expect::Sanitised {
            absent,
            present,
            links,
        } => check_html(&html, absent, present, *links),
        other => Err(format!("{other:?} is not an outcome of Markdown")),
    }
}

/// Fails when `html` has a tag the renderer does not write, or open and close tags that do
/// not pair up.
pub fn only_renderer_tags(html: &str) -> Result<(), String> {
    let mut rest = html;
    let mut open: Vec<String> = Vec::new();
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if !TAGS.iter().any(|t| rest.starts_with(t)) {
            let shown: String = rest.chars().take(40).collect();
            return Err(format!(
                "the HTML has a tag the renderer never writes: {shown:?}"
            ));
        }
        let end = rest.find('>').ok_or("a tag is never closed with >")?;
        let tag = &rest[1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if let Some(closing) = tag.strip_prefix('/') {
            if open.pop().as_deref() != Some(closing) {
                return Err(format!(
                    "</{closing}> does not close the innermost open tag"
                ));
            }
        } else if name != "hr" {
            open.push(name);
        }
        rest = &rest[end..];
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("tags left open: {open:?}"))
    }
}

/// The universal checks on HTML built from outside text, then the case's own.
pub fn check_html(
    html: &str,
    absent: &[String],
    present: &[String],
    links: Option<usize>,
) -> Result<(), String> {
    if absent.is_empty() && present.is_empty() && links.is_none() {
        return Err("the case checks nothing of the HTML".into());
    }
    let lower = html.to_ascii_lowercase();
    for a in absent {
        if lower.contains(&a.to_ascii_lowercase()) {
            return Err(format!("the HTML contains {a:?}: {}", excerpt(html, a)));
        }
    }
    for p in present {
        if !html.contains(p.as_str()) {
            return Err(format!("the HTML lacks {p:?}: {}", excerpt(html, "")));
        }
    }
    let hrefs = hrefs(html);
    for href in &hrefs {
        if let Some(scheme) = unsafe_scheme(href) {
            return Err(format!("a link keeps the scheme {scheme:?}: href={href:?}"));
        }
    }
    match links {
        Some(n) if n != hrefs.len() => Err(format!(
            "{} links were kept ({hrefs:?}); expected {n}",
            hrefs.len()
        )),
        _ => Ok(()),
    }
}

fn excerpt(html: &str, near: &str) -> String {
    let at = html
        .to_ascii_lowercase()
        .find(&near.to_ascii_lowercase())
        .unwrap_or(0);
    let start = html.floor_char_boundary(at.saturating_sub(60));
    html[start..].chars().take(160).collect()
}

/// Every `href` value, with the escapes the renderer writes undone as a browser would.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(value, _)| value))
        .map(|v| {
            v.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// The scheme a browser would follow for `href`, when it is not one the app allows. Written
/// from the URL standard, independently of the renderer: leading and trailing spaces and
/// control characters are dropped, tabs and line breaks anywhere are ignored, and a scheme is
/// a letter followed by letters, digits, `+`, `-` or `.` before the first `:`.
fn unsafe_scheme(href: &str) -> Option<String> {
    let url: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = url.split_once(':')?;
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    let allowed = ["http", "https", "mailto", "tel"].contains(&scheme.as_str());
    (is_scheme && !allowed).then_some(scheme)
}

#[test]
fn the_scheme_check_sees_through_disguises() {
    for bad in [
        "javascript:alert(1)",
        " JaVaScRiPt:x",
        "java\tscript:x",
        "\u{1}javascript:x",
        "data:text/html,x",
    ] {
        assert!(unsafe_scheme(bad).is_some(), "{bad:?}");
    }
    for good in [
        "https://a.example",
        "#/deals",
        "packs/a.json",
        "a&#58;b",
        "mailto:x@y.cn",
    ] {
        assert_eq!(unsafe_scheme(good), None, "{good:?}");
    }
}
