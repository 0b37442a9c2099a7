//! A draft as Markdown and as a standalone HTML page.

use super::*;

#[test]
fn markdown_has_the_title_and_each_section_under_its_heading() {
    let d = retail(&letter(), Locale::En);
    assert_eq!(
        to_markdown(&d),
        "# Proposal\n\n## greeting\n\nDear Ms Chen of Huadong Retail Group,\n\n\
         ## budget\n\nBudget: CNY 300,000.00\n"
    );
}

#[test]
fn a_hostile_customer_name_is_escaped_in_the_html() {
    let mut deal = retail_deal();
    deal.customer = "<script>alert(1)</script> & Co".into();
    deal.owner = "<img src=x onerror=alert(1)>".into();
    let mut t = retail_template();
    t.title.en = "<b>Offer</b>".into();
    let mut pricing = table("CNY");
    pricing.items[0].description = "<script>x</script>".into();
    let d = fill(
        &t,
        &deal,
        &retail_answers(),
        &pricing,
        Locale::En,
        &Overrides::new(),
    );
    let html = to_html(&d);
    assert!(
        !html.contains("<script") && !html.contains("<img") && !html.contains("<b>"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(html.contains("<title>&lt;b&gt;Offer&lt;/b&gt;</title>"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

#[test]
fn the_html_page_renders_the_pricing_table_and_highlights_missing_values() {
    let d = retail(&retail_template(), Locale::ZhCn);
    let html = to_html(&d);
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(
        html.contains("<thead><tr><th>项目</th><th class=\"num\">数量</th>"),
        "{html}"
    );
    assert!(
        html.contains("<td><strong>合计</strong></td><td class=\"num\"></td>"),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"num\"><strong>¥45,980.00</strong></td></tr></tbody></table>")
    );
    assert!(
        html.contains("<mark class=\"missing\">[[must_haves]]</mark>"),
        "{html}"
    );
    assert!(!html.contains("| 项目"), "no raw Markdown table left");
}
