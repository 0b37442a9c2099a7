//! Browsing the playbook by industry: the text of the playbook home's filter, the proposal
//! templates browser and a template's preview, in English and 简体中文, and the made-up deal
//! that fills the preview (`crate::render::template` draws the page).

use crate::domain::Locale;

macro_rules! browse_texts {
    ($($name:ident: $en:expr, $zh:expr;)*) => {
        /// The browsing screens' text in one language.
        pub struct BrowseTexts { $(pub $name: &'static str,)* }
        const EN: BrowseTexts = BrowseTexts { $($name: $en,)* };
        const ZH: BrowseTexts = BrowseTexts { $($name: $zh,)* };
        /// Every string as (field, English, 简体中文), for checks over all of them.
        #[cfg(test)]
        const ALL: &[(&str, &str, &str)] = &[$((stringify!($name), $en, $zh)),*];
    };
}

browse_texts! {
    show_content_for: "Show content for", "显示适用于";
    templates_intro: "Standard proposals, one per industry, for quick and consistent proposals. Open one to preview it.",
        "按行业划分的标准方案，让方案写得快、风格统一。打开模板即可预览。";
    templates_none: "No template fits this industry. Choose All industries to see every template.",
        "没有适用于该行业的模板。选择“所有行业”可查看全部模板。";
    templates_empty: "This playbook has no proposal templates yet. Add one under Edit the playbook.",
        "此手册尚未包含方案模板，可在“编辑销售手册”中添加。";
    template_sections: "{n} sections", "{n} 个部分";
    template_missing: "This template is not in the playbook. It may have been removed.",
        "手册中没有这个模板，可能已被删除。";
    template_pricing: "Includes a pricing table: its lines are entered on each deal.",
        "包含报价表，报价明细在每个商机中填写。";
    template_view: "View", "查看方式";
    template_preview: "Preview with sample values", "用示例数据预览";
    template_source: "Show the template source", "查看模板原文";
    missing_values: "Missing values (no sample): {names}", "缺少的值（无示例数据）：{names}";
    shown_only_if: "Shown only when “{field}” has an answer.", "仅当“{field}”有答案时显示。";
    section_errors: "Fix these mistakes to preview this section:", "修正以下错误后才能预览本部分：";
}

/// The browsing screens' text for `locale`.
pub fn browse_texts(locale: Locale) -> &'static BrowseTexts {
    match locale.supported() {
        Locale::ZhCn => &ZH,
        _ => &EN,
    }
}

/// The made-up deal of the preview: (variable, English, 简体中文). Only what every default
/// template uses outside a condition, and the go-live date; the rest shows as missing or takes
/// the template's wording for an unanswered question, as it would for a real deal.
const SAMPLES: &[(&str, &str, &str)] = &[
    ("company", "Acme Manufacturing Ltd", "华东精密制造有限公司"),
    ("owner", "Li Ming", "李明"),
    ("today", "3 March 2025", "2025年3月3日"),
    (
        "pain",
        "Unplanned stops cost 40 hours a month.",
        "每月非计划停机约40小时。",
    ),
    (
        "metrics_target",
        "90% line availability",
        "产线可用率达到90%",
    ),
    (
        "must_haves",
        "- Downtime alerts\n- MES connection",
        "- 停机报警\n- 对接MES系统",
    ),
    ("go_live_date", "1 September 2025", "2025年9月1日"),
    ("next_step", "Site survey", "现场勘察"),
    ("next_step_date", "12 March 2025", "2025年3月12日"),
    (
        "pricing_table",
        "- Pilot line: CNY 180,000",
        "- 试点产线：18万元",
    ),
];

/// The sample value of `name` in `locale`, if the made-up deal has one.
pub(crate) fn sample(name: &str, locale: Locale) -> Option<String> {
    let zh = locale.supported() == Locale::ZhCn;
    SAMPLES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, en, cn)| if zh { cn } else { en }.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_field_names_filled_in_both_languages() {
        for (name, en, zh) in SAMPLES {
            assert!(crate::domain::field::is_field_name(name), "{name}");
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{name}");
        }
    }

    #[test]
    fn both_languages_keep_the_same_placeholders() {
        crate::i18n::check_translations(ALL);
    }
}
