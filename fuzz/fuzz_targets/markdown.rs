//! `markdown::to_html`: never panics, and its HTML is safe whatever the text (see
//! `fuzz_common::check_html`: only the renderer's own tags, no `<script`, no `on…=` attribute,
//! no `javascript:` or other unsafe scheme in an `href`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sales_playbook::markdown::{escape, is_safe_url, to_html};

fuzz_target!(|data: &[u8]| {
    let src = fuzz_common::text(data);
    let html = to_html(src);
    if let Err(e) = fuzz_common::check_html(&html, &[]) {
        panic!("unsafe HTML: {e}\nsource: {src:?}\nhtml: {html:?}");
    }
    // Escaped text is inert anywhere, and the link filter agrees with the checker.
    let escaped = escape(src);
    if let Err(e) = fuzz_common::check_html(&escaped, &[]) {
        panic!("escape left markup: {e}\nsource: {src:?}");
    }
    let url = src.lines().next().unwrap_or_default().trim();
    if is_safe_url(url) && !url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        let link = format!("<a href=\"{}\">x</a>", escape(url));
        if let Err(e) = fuzz_common::check_html(&link, &[]) {
            panic!("is_safe_url accepted an unsafe URL: {e}\nurl: {url:?}");
        }
    }
});
