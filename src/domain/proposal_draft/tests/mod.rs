use super::*;
use crate::domain::deal::Deal;
use crate::domain::field::Answer;
use crate::domain::money::{LineItem, LineProblem};
use crate::domain::proposal::ProposalSection;
use crate::domain::LocalizedText;
use chrono::TimeZone;

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn at(day: u32) -> crate::domain::Timestamp {
    chrono::Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn templates() -> Vec<ProposalTemplate> {
    crate::json::from_str(include_str!("../../../../content/default/templates.json")).unwrap()
}

fn fields() -> Vec<FieldDef> {
    crate::json::from_str(include_str!("../../../../content/default/fields.json")).unwrap()
}

fn retail_template() -> ProposalTemplate {
    templates()
        .into_iter()
        .find(|t| t.id.as_str() == "tpl-retail")
        .unwrap()
}

/// A small template: a greeting and a budget line.
fn letter() -> ProposalTemplate {
    let section = |sid: &str, en: &str, zh: &str| ProposalSection {
        id: id(sid),
        title: LocalizedText::new(sid, sid),
        body: LocalizedText::new(en, zh),
        show_if: None,
    };
    ProposalTemplate {
        id: id("tpl-letter"),
        title: LocalizedText::new("Proposal", "方案"),
        description: LocalizedText::default(),
        industry: Industry::Generic,
        sections: vec![
            section(
                "greeting",
                "Dear {{contact}} of {{company}},",
                "{{contact}}您好（{{company}}）：",
            ),
            section(
                "budget",
                "Budget: {{budget_range}}",
                "预算：{{budget_range}}",
            ),
        ],
        pricing: true,
    }
}

fn retail_deal() -> Deal {
    let mut d = Deal::new(id("deal-1"), "Huadong Retail Group", &[], at(1)).unwrap();
    d.contact = "Ms Chen".into();
    d.owner = "Li Ming".into();
    d.industry = Industry::Retail;
    d.value_minor = 45_980 * 100;
    d.currency = "CNY".into();
    d
}

fn retail_answers() -> Answers {
    [
        (
            "pain",
            Answer::Text("Stock-outs in a third of stores".into()),
        ),
        (
            "budget_range",
            Answer::Money {
                minor: 300_000 * 100,
                currency: "CNY".into(),
            },
        ),
        ("sites", Answer::Number(120.0)),
    ]
    .into_iter()
    .map(|(f, a)| (f.to_owned(), a))
    .collect()
}

fn line(description: &str, qty: i64, unit: i64, discount_bp: u32, tax_bp: u32) -> LineItem {
    LineItem {
        description: description.into(),
        quantity_milli: qty * 1000,
        unit_price_minor: unit,
        discount_bp,
        tax_bp,
    }
}

fn table(currency: &str) -> PricingTable {
    PricingTable {
        currency: currency.into(),
        items: vec![
            line("Store licences", 40, 1_000 * 100, 1000, 1300),
            line("Onboarding", 1, 5_000 * 100, 0, 600),
        ],
    }
}

/// Fills `template` for `deal` in `locale`.
fn fill(
    template: &ProposalTemplate,
    deal: &Deal,
    answers: &Answers,
    pricing: &PricingTable,
    locale: Locale,
    overrides: &Overrides,
) -> Draft {
    let fields = fields();
    draft(&DraftSource {
        template,
        deal,
        answers,
        fields: &fields,
        pricing,
        locale,
        today: today(),
        industry_name: None,
        overrides,
    })
    .unwrap()
}

/// Fills `template` for the retail deal with its answers, priced in CNY, in `locale`.
fn retail(template: &ProposalTemplate, locale: Locale) -> Draft {
    fill(
        template,
        &retail_deal(),
        &retail_answers(),
        &table("CNY"),
        locale,
        &Overrides::new(),
    )
}

fn body(draft: &Draft) -> String {
    draft
        .sections
        .iter()
        .map(|s| s.body.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn a_retail_proposal_fills_company_contact_and_budget() {
    let d = retail(&letter(), Locale::En);
    assert_eq!(d.sections[0].body, "Dear Ms Chen of Huadong Retail Group,");
    assert_eq!(d.sections[1].body, "Budget: CNY 300,000.00");
    assert!(d.missing.is_empty());
    let zh = retail(&letter(), Locale::ZhCn);
    assert_eq!(zh.sections[1].body, "预算：¥300,000.00", "yuan in Chinese");
}

#[test]
fn the_default_retail_proposal_lists_the_missing_variables_in_order() {
    let d = retail(&retail_template(), Locale::En);
    assert_eq!(
        d.missing,
        [
            "metrics_target",
            "must_haves",
            "next_step",
            "next_step_date"
        ]
    );
    let text = body(&d);
    assert!(text.contains("[[must_haves]]"), "shown, never blank");
    assert!(
        text.contains("about Huadong Retail Group and its 120 stores"),
        "{text}"
    );
    assert!(text.contains("budget range of CNY 300,000.00"), "{text}");
    assert!(text.contains("valid for 30 days from 2 March 2026 (reference L-0001)"));
    assert!(!text.contains("{{") && !text.contains("{{!"));
    assert_eq!(d.sections.len(), 8);
    assert_eq!(d.title, "Proposal for retail and chains");
    assert_eq!(d.sections[5].heading, "Investment");
}

#[test]
fn money_is_written_per_locale_cny_in_chinese_usd_in_english() {
    let zh = retail(&retail_template(), Locale::ZhCn);
    let text = body(&zh);
    assert!(text.contains("预算范围为¥300,000.00"), "{text}");
    assert!(text.contains("本报价自2026年3月2日起30天内有效"), "{text}");
    let mut deal = retail_deal();
    deal.currency = "USD".into();
    let en = fill(
        &letter(),
        &deal,
        &Answers::new(),
        &table("USD"),
        Locale::En,
        &Overrides::new(),
    );
    let totals = en.totals.unwrap();
    assert_eq!(
        (totals.currency.as_str(), totals.grand_total),
        ("USD", 45_980 * 100)
    );
    let mut o = Overrides::new();
    o.insert("budget_range".into(), "see pricing".into());
    let with_table = ProposalTemplate {
        sections: vec![ProposalSection {
            id: id("value"),
            title: LocalizedText::new("Value", "金额"),
            body: LocalizedText::new("Deal value: {{deal_value}}", "金额：{{deal_value}}"),
            show_if: None,
        }],
        ..letter()
    };
    let en = fill(
        &with_table,
        &deal,
        &Answers::new(),
        &table("USD"),
        Locale::En,
        &o,
    );
    assert_eq!(en.sections[0].body, "Deal value: USD 45,980.00");
}

#[test]
fn the_pricing_table_shows_each_line_and_the_totals() {
    let (deal, answers) = (retail_deal(), retail_answers());
    let d = fill(
        &retail_template(),
        &deal,
        &answers,
        &table("CNY"),
        Locale::ZhCn,
        &Overrides::new(),
    );
    let investment = &d.sections[5];
    assert_eq!(investment.heading, "投资与报价");
    let investment = &investment.body;
    let expected = "| 项目 | 数量 | 单价 | 折扣 | 税率 | 金额（不含税） |\n\
                    |---|---:|---:|---:|---:|---:|\n\
                    | Store licences | 40 | ¥1,000.00 | 10% | 13% | ¥36,000.00 |\n\
                    | Onboarding | 1 | ¥5,000.00 | 0% | 6% | ¥5,000.00 |\n\
                    | **小计（不含税）** | | | | | **¥41,000.00** |\n\
                    | **税额** | | | | | **¥4,980.00** |\n\
                    | **合计** | | | | | **¥45,980.00** |";
    assert!(investment.starts_with(expected), "{investment}");
    assert_eq!(
        d.totals,
        Some(PriceSummary {
            currency: "CNY".into(),
            subtotal: 41_000 * 100 + 4_000 * 100,
            discount: 4_000 * 100,
            net: 41_000 * 100,
            tax: 4_980 * 100,
            grand_total: 45_980 * 100,
        })
    );
}

#[test]
fn a_pricing_cell_cannot_break_the_table_and_quantities_keep_their_decimals() {
    let mut t = table("CNY");
    t.items[0].description = "Licences | annual\nper store".into();
    t.items[0].quantity_milli = 2_500;
    t.items[0].discount_bp = 1_250;
    let totals = t.totals().unwrap();
    let md = pricing_markdown(&t, &totals, Locale::En);
    assert!(
        md.contains("| Licences \\| annual per store | 2.5 | CNY 1,000.00 | 12.5% | 13% |"),
        "{md}"
    );
}

#[test]
fn an_empty_pricing_table_is_a_missing_value_and_a_broken_line_an_error() {
    let (deal, answers) = (retail_deal(), retail_answers());
    let empty = PricingTable {
        currency: "CNY".into(),
        items: Vec::new(),
    };
    let d = fill(
        &retail_template(),
        &deal,
        &answers,
        &empty,
        Locale::En,
        &Overrides::new(),
    );
    assert!(d.missing.contains(&"pricing_table".to_owned()));
    assert_eq!(d.totals, None);
    let mut broken = table("CNY");
    broken.items[1].discount_bp = 12_000;
    let fields = fields();
    let overrides = Overrides::new();
    let result = draft(&DraftSource {
        template: &retail_template(),
        deal: &deal,
        answers: &answers,
        fields: &fields,
        pricing: &broken,
        locale: Locale::En,
        today: today(),
        industry_name: None,
        overrides: &overrides,
    });
    assert_eq!(
        result,
        Err(DraftError::Pricing(crate::domain::money::PricingError {
            line: 2,
            problem: LineProblem::DiscountOutOfRange
        }))
    );
}

#[test]
fn overrides_fill_a_missing_variable_and_win_over_the_deal() {
    let (deal, answers) = (retail_deal(), retail_answers());
    let mut o = Overrides::new();
    o.insert("must_haves".into(), "- Store replenishment app".into());
    o.insert("company".into(), "Huadong Retail Group Co., Ltd.".into());
    o.insert("next_step".into(), "   ".into());
    let d = fill(
        &retail_template(),
        &deal,
        &answers,
        &table("CNY"),
        Locale::En,
        &o,
    );
    assert_eq!(d.missing, ["metrics_target", "next_step", "next_step_date"]);
    let text = body(&d);
    assert!(text.contains("- Store replenishment app"));
    assert!(
        text.contains("working with Huadong Retail Group Co., Ltd."),
        "{text}"
    );
}

#[test]
fn answers_are_written_per_kind_in_the_locale() {
    let f = fields();
    let def = |name: &str| f.iter().find(|d| d.name == name);
    let date = Answer::Date(NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
    assert_eq!(
        format_answer(&date, def("go_live_date"), Locale::En).unwrap(),
        "1 September 2026"
    );
    assert_eq!(
        format_answer(&date, def("go_live_date"), Locale::ZhCn).unwrap(),
        "2026年9月1日"
    );
    let high = Answer::Choice("high".into());
    assert_eq!(
        format_answer(&high, def("priority"), Locale::En).unwrap(),
        "High"
    );
    assert_eq!(
        format_answer(&high, def("priority"), Locale::ZhCn).unwrap(),
        "高"
    );
    assert_eq!(format_answer(&high, None, Locale::ZhCn).unwrap(), "high");
    let no = Answer::YesNo(false);
    assert_eq!(
        format_answer(&no, def("budget_allocated"), Locale::En).unwrap(),
        "No"
    );
    assert_eq!(
        format_answer(&Answer::YesNo(true), None, Locale::ZhCn).unwrap(),
        "是"
    );
    let score = Answer::Score(7);
    assert_eq!(
        format_answer(&score, def("score_champion"), Locale::En).unwrap(),
        "7/10"
    );
    assert_eq!(
        format_answer(&Answer::Number(1200.0), None, Locale::En).unwrap(),
        "1,200"
    );
    assert_eq!(
        format_answer(&Answer::Number(2.5), None, Locale::En).unwrap(),
        "2.5"
    );
    assert_eq!(
        format_answer(&Answer::Text(" ".into()), None, Locale::En),
        None
    );
}

#[test]
fn a_section_shown_only_if_a_field_is_answered_is_left_out_without_it() {
    let mut t = letter();
    t.sections[1].show_if = Some("budget_range".into());
    let deal = retail_deal();
    let d = fill(
        &t,
        &deal,
        &Answers::new(),
        &table("CNY"),
        Locale::En,
        &Overrides::new(),
    );
    assert_eq!(d.sections.len(), 1);
    assert!(d.missing.is_empty(), "a hidden section asks for nothing");
}

#[test]
fn the_industry_is_named_by_the_supplied_function_else_by_its_code() {
    let mut t = letter();
    t.sections[0].body.en = "For the {{industry}} team".into();
    let (deal, fields, overrides) = (retail_deal(), fields(), Overrides::new());
    let pricing = table("CNY");
    let name = |i: Industry, l: Locale| format!("{}:{}", i.code(), l.tag());
    let mut src = DraftSource {
        template: &t,
        deal: &deal,
        answers: &Answers::new(),
        fields: &fields,
        pricing: &pricing,
        locale: Locale::En,
        today: today(),
        industry_name: None,
        overrides: &overrides,
    };
    assert_eq!(draft(&src).unwrap().sections[0].body, "For the retail team");
    src.industry_name = Some(&name);
    assert_eq!(
        draft(&src).unwrap().sections[0].body,
        "For the retail:en team"
    );
}

#[test]
fn a_broken_template_section_is_a_typed_error_with_its_section() {
    let mut t = letter();
    t.sections[1].body.en = "{{#if budget_range}}open".into();
    let (deal, fields, overrides) = (retail_deal(), fields(), Overrides::new());
    let err = draft(&DraftSource {
        template: &t,
        deal: &deal,
        answers: &Answers::new(),
        fields: &fields,
        pricing: &table("CNY"),
        locale: Locale::En,
        today: today(),
        industry_name: None,
        overrides: &overrides,
    })
    .unwrap_err();
    assert!(
        matches!(err, DraftError::Template { section, errors } if section.as_str() == "budget" && errors.len() == 1)
    );
}

mod output;
mod version;
