//! Markdown for long text fields (stage guides, coaching notes), rendered safely.
//!
//! A deliberate subset, written here rather than with pulldown-cmark, whose HTML-entity and
//! Unicode tables cost 55 KiB of brotli-compressed wasm, a fifth of the app's budget:
//! - blocks: `#`–`######` headings (shifted one level down, as guides sit under a page's
//!   `h2`), paragraphs, `-`/`*`/`+` and `1.` lists, `>` quotes, ```` ``` ```` code blocks, `---` rules;
//! - inline: `**bold**`, `*italic*` / `_italic_`, `` `code` ``, `[text](url)`; `![alt](url)`
//!   shows its alt text, so a playbook never makes the browser fetch anything.
//!
//! Safe by construction: every character of the source is HTML-escaped before any tag is
//! added, the only attribute ever written is a link's `href`, and links keep only safe
//! schemes (see [`is_safe_url`]).

/// Renders `src` to HTML that is safe to insert as-is.
pub fn to_html(src: &str) -> String {
    let mut out = String::with_capacity(src.len() * 3 / 2);
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Option<&'static str> = None;
    let mut quote: Vec<&str> = Vec::new();
    let mut code: Option<String> = None;

    let flush_paragraph = |out: &mut String, lines: &mut Vec<&str>| {
        if !lines.is_empty() {
            out.push_str("<p>");
            out.push_str(&inline(&lines.join(" ")));
            out.push_str("</p>");
            lines.clear();
        }
    };
    let close_list = |out: &mut String, list: &mut Option<&'static str>| {
        if let Some(tag) = list.take() {
            out.push_str(&format!("</{tag}>"));
        }
    };
    let flush_quote = |out: &mut String, lines: &mut Vec<&str>| {
        if !lines.is_empty() {
            out.push_str("<blockquote><p>");
            out.push_str(&inline(&lines.join(" ")));
            out.push_str("</p></blockquote>");
            lines.clear();
        }
    };

    for line in src.lines() {
        if let Some(block) = code.as_mut() {
            if line.trim_start().starts_with("```") {
                out.push_str(&format!(
                    "<pre><code>{}</code></pre>",
                    escape(block.trim_end_matches('\n'))
                ));
                code = None;
            } else {
                block.push_str(line);
                block.push('\n');
            }
            continue;
        }
        let trimmed = line.trim();
        let item = list_item(trimmed);
        if item.is_none() && !trimmed.starts_with('>') {
            flush_quote(&mut out, &mut quote);
        }
        if trimmed.is_empty() {
            flush_paragraph(&mut out, &mut paragraph);
            close_list(&mut out, &mut list);
        } else if trimmed.starts_with("```") {
            flush_paragraph(&mut out, &mut paragraph);
            close_list(&mut out, &mut list);
            code = Some(String::new());
        } else if let Some((level, text)) = heading(trimmed) {
            flush_paragraph(&mut out, &mut paragraph);
            close_list(&mut out, &mut list);
            let h = (level + 1).min(6);
            out.push_str(&format!("<h{h}>{}</h{h}>", inline(text)));
        } else if is_rule(trimmed) {
            flush_paragraph(&mut out, &mut paragraph);
            close_list(&mut out, &mut list);
            out.push_str("<hr>");
        } else if let Some(rest) = trimmed.strip_prefix('>') {
            flush_paragraph(&mut out, &mut paragraph);
            close_list(&mut out, &mut list);
            quote.push(rest.trim());
        } else if let Some((tag, text)) = item {
            flush_paragraph(&mut out, &mut paragraph);
            if list != Some(tag) {
                close_list(&mut out, &mut list);
                out.push_str(&format!("<{tag}>"));
                list = Some(tag);
            }
            out.push_str(&format!("<li>{}</li>", inline(text)));
        } else if list.is_some() && line.starts_with([' ', '\t']) {
            // A continuation line of the last list item.
            if out.ends_with("</li>") {
                out.truncate(out.len() - "</li>".len());
                out.push(' ');
                out.push_str(&inline(trimmed));
                out.push_str("</li>");
            }
        } else {
            close_list(&mut out, &mut list);
            paragraph.push(trimmed);
        }
    }
    if let Some(block) = code {
        out.push_str(&format!(
            "<pre><code>{}</code></pre>",
            escape(block.trim_end_matches('\n'))
        ));
    }
    flush_paragraph(&mut out, &mut paragraph);
    flush_quote(&mut out, &mut quote);
    close_list(&mut out, &mut list);
    out
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| (level, rest.trim()))
}

fn is_rule(line: &str) -> bool {
    let c = line.chars().next().unwrap_or(' ');
    matches!(c, '-' | '*' | '_')
        && line.chars().filter(|&x| x == c).count() >= 3
        && line.chars().all(|x| x == c || x == ' ')
}

/// `("ul" | "ol", item text)` for a list line.
fn list_item(line: &str) -> Option<(&'static str, &str)> {
    if let Some(rest) = line.strip_prefix(['-', '*', '+']) {
        return rest.starts_with(' ').then(|| ("ul", rest.trim()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && digits < 10 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then(|| ("ol", rest[2..].trim()))
}

/// Highlights each `[[name]]` of `names` in the text between the tags of `html` (rendered by
/// [`to_html`]), shown as `label(name)` inside `<mark class="missing">`. Never inside a tag: a
/// `[[name]]` in a link's `href` stays as it is, since a `<mark>` there would break the tag.
/// `to_html` escapes every `<` and `>` of the text, so each `<` opens a tag and the next `>`
/// closes it. Names are field names (`[a-z0-9_]`), safe in HTML as they are.
pub fn mark_missing<'a>(
    html: &str,
    names: impl Iterator<Item = &'a str> + Clone,
    label: fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        let (text, tag) = rest.split_at(rest.find('<').unwrap_or(rest.len()));
        let mut text = text.to_owned();
        for name in names.clone() {
            text = text.replace(
                &format!("[[{name}]]"),
                &format!("<mark class=\"missing\">{}</mark>", label(name)),
            );
        }
        out.push_str(&text);
        let end = tag.find('>').map_or(tag.len(), |i| i + 1);
        out.push_str(&tag[..end]);
        rest = &tag[end..];
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Inline formatting of one block's text. Works on characters of the raw text and escapes
/// each piece as it is written.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Each search resumes from the last one for the same thing: it finds the first match at
    // or after `from`, so a search from no earlier than a miss, or from no later than a hit,
    // has the same answer. Rescanning instead made a line of unclosed `[`, `[](` or `(_a`
    // quadratic (seconds of frozen page for a guide of 20,000 characters, a pack's limit).
    let last = std::cell::RefCell::new(Vec::<(String, usize, Option<usize>)>::new());
    let search = |what: &str, from: usize, hit: &dyn Fn(usize) -> bool| -> Option<usize> {
        let mut last = last.borrow_mut();
        let known = last.iter().find(|(w, start, found)| {
            w == what && *start <= from && found.is_none_or(|f| from <= f)
        });
        if let Some(&(_, _, found)) = known {
            return found;
        }
        let found = (from..chars.len()).find(|&j| hit(j));
        last.retain(|(w, _, _)| w != what);
        last.push((what.to_owned(), from, found));
        found
    };
    let find = |from: usize, pat: &[char]| -> Option<usize> {
        let what: String = pat.iter().collect();
        search(&what, from, &|j| chars[j..].starts_with(pat))
    };
    let text_of = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            out.push_str(&escape(&chars[i + 1].to_string()));
            i += 2;
            continue;
        }
        if c == '`' {
            if let Some(end) = find(i + 1, &['`']) {
                out.push_str(&format!("<code>{}</code>", escape(&text_of(i + 1, end))));
                i = end + 1;
                continue;
            }
        }
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            if let Some(end) = find(i + 2, &['*', '*']).filter(|&e| e > i + 2) {
                out.push_str(&format!(
                    "<strong>{}</strong>",
                    inline(&text_of(i + 2, end))
                ));
                i = end + 2;
                continue;
            }
        }
        // `_` emphasises only at word edges, so snake_case names stay as they are.
        let word_before = i > 0 && crate::domain::fold::is_word_char(chars[i - 1]);
        if (c == '*' || (c == '_' && !word_before))
            && chars.get(i + 1).is_some_and(|n| !n.is_whitespace())
        {
            let closes = |e: usize| {
                chars[e] == c
                    && (c == '*'
                        || !chars
                            .get(e + 1)
                            .is_some_and(|n| crate::domain::fold::is_word_char(*n)))
            };
            if let Some(end) = search(&format!("close {c}"), i + 2, &closes) {
                out.push_str(&format!("<em>{}</em>", inline(&text_of(i + 1, end))));
                i = end + 1;
                continue;
            }
        }
        let image = c == '!' && chars.get(i + 1) == Some(&'[');
        if c == '[' || image {
            let open = if image { i + 1 } else { i };
            if let Some(close) = find(open + 1, &[']']) {
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(paren) = find(close + 2, &[')']) {
                        let label = inline(&text_of(open + 1, close));
                        let url = text_of(close + 2, paren);
                        let url = url.trim();
                        // A URL with spaces or control characters inside is not a link.
                        let plain = !url.chars().any(|c| c.is_whitespace() || c.is_control());
                        if !image && plain && is_safe_url(url) {
                            out.push_str(&format!("<a href=\"{}\">{label}</a>", escape(url)));
                        } else {
                            out.push_str(&label);
                        }
                        i = paren + 1;
                        continue;
                    }
                }
            }
        }
        out.push_str(&escape(&c.to_string()));
        i += 1;
    }
    out
}

/// Relative links, fragments and `http`, `https`, `mailto` and `tel` are safe; any other
/// scheme (`javascript:`, `data:`, `vbscript:`, `file:` …) is not. Browsers ignore ASCII
/// whitespace and control characters inside a scheme, so those are removed before checking.
pub fn is_safe_url(url: &str) -> bool {
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
    fn guide_markdown_renders_headings_lists_and_paragraphs() {
        let html = to_html("## Why it matters\nA proposal is only as good\nas its discovery.\n\n- ask\n- listen\n\n1. one\n2. two\n");
        assert_eq!(
            html,
            "<h3>Why it matters</h3><p>A proposal is only as good as its discovery.</p>\
             <ul><li>ask</li><li>listen</li></ul><ol><li>one</li><li>two</li></ol>"
        );
    }

    #[test]
    fn inline_formatting_renders() {
        assert_eq!(
            to_html("**Follow up** within *24 h*, see `L-1`."),
            "<p><strong>Follow up</strong> within <em>24 h</em>, see <code>L-1</code>.</p>"
        );
        assert_eq!(
            to_html("snake_case_name stays, _this_ does not"),
            "<p>snake_case_name stays, <em>this</em> does not</p>"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text_never_as_markup() {
        let html =
            to_html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> \"there\"");
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &quot;there&quot;"));
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
    fn safe_links_are_kept_and_their_url_escaped() {
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
        assert_eq!(
            to_html("[x](a\"onmouseover=\"alert(1))"),
            "<p><a href=\"a&quot;onmouseover=&quot;alert(1\">x</a>)</p>"
        );
    }

    #[test]
    fn images_become_their_alt_text_so_nothing_is_fetched() {
        let html = to_html("![the chart](https://tracker.example/pixel.gif)");
        assert_eq!(html, "<p>the chart</p>");
    }

    #[test]
    fn code_blocks_quotes_and_rules() {
        assert_eq!(
            to_html("```\n<b>x</b>\n```"),
            "<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>"
        );
        assert_eq!(
            to_html("> keep it short\n> and kind"),
            "<blockquote><p>keep it short and kind</p></blockquote>"
        );
        assert_eq!(to_html("a\n\n---\n\nb"), "<p>a</p><hr><p>b</p>");
    }

    #[test]
    fn chinese_text_and_unclosed_markers_render_as_text() {
        assert_eq!(
            to_html("## 为什么重要\n- 先**倾听**"),
            "<h3>为什么重要</h3><ul><li>先<strong>倾听</strong></li></ul>"
        );
        assert_eq!(
            to_html("2 * 3 and [not a link and **open"),
            "<p>2 * 3 and [not a link and **open</p>"
        );
    }

    #[test]
    fn arbitrary_input_never_panics_and_never_emits_a_tag_from_the_source() {
        let mut seed = 0x9e37_79b9_u32;
        let alphabet: Vec<char> = "ab <>\"'&*_`[]()!#->\n\\:javascript中文".chars().collect();
        for _ in 0..2000 {
            let s: String = (0..40)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    alphabet[seed as usize % alphabet.len()]
                })
                .collect();
            let html = to_html(&s);
            assert!(
                !html.contains("<script") && !html.contains("javascript:"),
                "{s:?} → {html}"
            );
            let tags = [
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
            let mut rest = html.as_str();
            while let Some(pos) = rest.find('<') {
                rest = &rest[pos..];
                assert!(
                    tags.iter().any(|t| rest.starts_with(t)),
                    "unexpected tag in {html:?} from {s:?}"
                );
                rest = &rest[1..];
            }
        }
    }
}
