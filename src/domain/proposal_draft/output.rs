//! A draft as a file: Markdown, or a standalone HTML page to send or print.
//!
//! The HTML is safe whatever the deal holds: every text goes through [`escape`] or the safe
//! Markdown renderer (which shows raw HTML as text and keeps only safe link schemes), and the
//! page has no script. The renderer has no tables, so the pricing table's rows are rendered
//! here, each cell through the same renderer.

use super::Draft;
use crate::markdown::{escape, mark_missing as mark_missing_in, to_html as markdown_html};

/// One line for a heading: line breaks inside a title would end the Markdown heading.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The draft as one Markdown document: the title, then each section under its heading.
/// Missing values stay as `[[name]]`.
pub fn to_markdown(draft: &Draft) -> String {
    let mut out = format!("# {}\n", one_line(&draft.title));
    for s in &draft.sections {
        out.push_str(&format!("\n## {}\n\n{}\n", one_line(&s.heading), s.body));
    }
    out
}

/// Print-friendly styles for the downloaded page.
const CSS: &str = "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",\
sans-serif;line-height:1.6;color:#1a1a1a;max-width:48rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ddd}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;\
padding:.3rem .5rem;vertical-align:top}th{background:#f4f4f4}.num{text-align:right}\
mark.missing{background:#ffe08a}@media print{body{margin:0;max-width:none}}";

/// The draft as a standalone HTML page in the draft's language, with inline styles and no
/// script. A missing value's `[[name]]` is highlighted.
pub fn to_html(draft: &Draft) -> String {
    let title = escape(&draft.title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{CSS}</style></head><body><main>{}</main></body></html>\n",
        draft.locale.tag(),
        to_html_fragment(draft)
    )
}

/// The draft's title and sections as HTML, for the page's preview and inside [`to_html`].
pub fn to_html_fragment(draft: &Draft) -> String {
    let mut out = format!("<h1>{}</h1>", escape(&draft.title));
    for s in &draft.sections {
        out.push_str("<section><h2>");
        out.push_str(&escape(&s.heading));
        out.push_str("</h2>");
        out.push_str(&mark_missing(&body_html(&s.body), &draft.missing));
        out.push_str("</section>");
    }
    out
}

/// Markdown to safe HTML, the runs of table lines (`| … |`) as tables. Lines inside a code
/// block are never a table.
fn body_html(md: &str) -> String {
    let mut out = String::new();
    let (mut text, mut table): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let mut in_code = false;
    for line in md.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && trimmed.starts_with('|') {
            if !text.is_empty() {
                out.push_str(&markdown_html(&text.join("\n")));
                text.clear();
            }
            table.push(trimmed);
        } else {
            if !table.is_empty() {
                out.push_str(&table_html(&table));
                table.clear();
            }
            text.push(line);
        }
    }
    if !table.is_empty() {
        out.push_str(&table_html(&table));
    }
    if !text.is_empty() {
        out.push_str(&markdown_html(&text.join("\n")));
    }
    out
}

/// The cells of a table line, `\|` read as a `|` inside a cell.
fn cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = line.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                if let Some(s) = cells.last_mut() {
                    s.push('|')
                }
            }
            '|' => cells.push(String::new()),
            c => {
                if let Some(s) = cells.last_mut() {
                    s.push(c)
                }
            }
        }
    }
    // The text before the first `|` and after the last one is not a cell.
    if cells.first().is_some_and(|c| c.trim().is_empty()) {
        cells.remove(0);
    }
    if cells.len() > 1 && cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

fn is_separator(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let dashes = c.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
        })
}

/// A cell's inline Markdown (`**Total**`) as safe HTML, without the paragraph around it;
/// text the renderer would read as a block (`# 1`, `- x`) is shown as escaped text.
fn cell_html(text: &str) -> String {
    let html = markdown_html(text);
    match html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => escape(text),
    }
}

fn table_html(lines: &[&str]) -> String {
    let rows: Vec<Vec<String>> = lines.iter().map(|l| cells(l)).collect();
    let header = rows.len() >= 2 && is_separator(&rows[1]);
    let right: Vec<bool> = match header {
        true => rows[1].iter().map(|c| c.ends_with(':')).collect(),
        false => Vec::new(),
    };
    let row_html = |row: &[String], tag: &str| {
        let mut out = String::from("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if right.get(i) == Some(&true) {
                " class=\"num\""
            } else {
                ""
            };
            out.push_str(&format!("<{tag}{class}>{}</{tag}>", cell_html(c)));
        }
        out + "</tr>"
    };
    let mut out = String::from("<table>");
    let body = if header {
        out.push_str(&format!("<thead>{}</thead>", row_html(&rows[0], "th")));
        &rows[2..]
    } else {
        &rows[..]
    };
    out.push_str("<tbody>");
    for row in body {
        out.push_str(&row_html(row, "td"));
    }
    out + "</tbody></table>"
}

/// Highlights each missing value's `[[name]]`, brackets kept (see [`mark_missing_in`]).
fn mark_missing(html: &str, missing: &[String]) -> String {
    if missing.is_empty() {
        return html.to_owned();
    }
    mark_missing_in(html, missing.iter().map(String::as_str), |name| {
        format!("[[{name}]]")
    })
}
