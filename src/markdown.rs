//! Markdown for long text fields (stage guides, coaching notes), rendered safely: raw HTML is
//! shown as text, links keep only safe schemes, and images become their alt text so a playbook
//! can never make the browser fetch from elsewhere.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Renders `src` to HTML that is safe to insert as-is.
pub fn to_html(src: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Whether each open link was kept, so its end tag is kept or dropped with it.
    let mut links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(src, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = is_safe_url(&dest_url);
            links.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => links
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        // The alt text inside an image arrives as ordinary text events; the image goes.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Relative links, fragments and `http`, `https`, `mailto` and `tel` are safe; any other
/// scheme (`javascript:`, `data:`, `vbscript:`, `file:` …) is not. Browsers ignore ASCII
/// whitespace and control characters inside a scheme, so those are removed before checking.
pub fn is_safe_url(url: &CowStr) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    match cleaned.split_once(':') {
        None => true,
        // A colon after a path, query or fragment character is not a scheme.
        Some((before, _)) if before.contains(['/', '?', '#']) => true,
        Some((scheme, _)) => matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto" | "tel"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markdown_renders() {
        let html = to_html("# Goal\n\n**Follow up** within *24 h*.\n\n- call\n- email\n");
        assert!(html.contains("<h1>Goal</h1>"));
        assert!(html.contains("<strong>Follow up</strong>"));
        assert!(html.contains("<li>call</li>"));
    }

    #[test]
    fn raw_html_is_shown_as_text_never_as_markup() {
        let html = to_html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn unsafe_link_schemes_lose_the_link_but_keep_the_text() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
        ] {
            let html = to_html(&format!("[click]({url})"));
            assert!(!html.contains("<a"), "{url}: {html}");
            assert!(html.contains("click"), "{url}: {html}");
        }
    }

    #[test]
    fn safe_links_are_kept() {
        for url in [
            "https://example.com/a?b=c:d",
            "mailto:a@example.com",
            "#/deals",
            "packs/team.json",
            "tel:+861380000",
        ] {
            assert!(
                to_html(&format!("[x]({url})")).contains("<a href="),
                "{url}"
            );
        }
    }

    #[test]
    fn images_become_their_alt_text_so_nothing_is_fetched() {
        let html = to_html("![the chart](https://tracker.example/pixel.gif)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("the chart"));
    }

    #[test]
    fn nested_links_in_images_and_autolinks_stay_balanced() {
        let html =
            to_html("[![alt](x.png)](javascript:x) <https://ok.example> [a](b) [c](javascript:d)");
        assert_eq!(
            html.matches("<a ").count(),
            html.matches("</a>").count(),
            "{html}"
        );
        assert_eq!(html.matches("<a ").count(), 2, "{html}");
    }
}
