//! Why a playbook pack (手册包) was rejected, in words the user understands, in their language.
//! Like the backup messages, each starts in lower case and ends with a full stop, to sit in a
//! sentence such as "The pack was not imported: {reason}".

use super::format::{decimal, integer};
use crate::domain::overlay::Part;
use crate::domain::pack::{
    PackError, MAX_ENTITIES_PER_PART, MAX_STEPS_PER_SCRIPT, MAX_STRING_CHARS,
};
use crate::domain::Locale;

/// Says why a pack file cannot be imported, naming the place or the limit concerned.
pub fn describe_pack_error(locale: Locale, error: &PackError) -> String {
    let zh = locale.supported() == Locale::ZhCn;
    let mib = |b: usize| format!("{} MiB", decimal(b as f64 / 1_048_576.0, 1));
    let count = |n: usize| integer(locale, i64::try_from(n).unwrap_or(i64::MAX));
    match (error, zh) {
        (PackError::TooLarge { bytes, max }, false) => format!(
            "the file is {}; a pack is at most {}.",
            mib(*bytes),
            mib(*max)
        ),
        (PackError::TooLarge { bytes, max }, true) => {
            format!("文件大小为 {}，手册包最大为 {}。", mib(*bytes), mib(*max))
        }
        (PackError::NotJson { line, column }, false) => format!(
            "the file is not valid JSON: it breaks off or goes wrong at line {line}, column \
             {column}."
        ),
        (PackError::NotJson { line, column }, true) => {
            format!("文件不是有效的 JSON：在第 {line} 行第 {column} 列处中断或出错。")
        }
        (PackError::NotAPack, false) => "the file is not a Sales Playbook pack.".into(),
        (PackError::NotAPack, true) => "该文件不是销售作战手册的手册包。".into(),
        (PackError::NewerVersion { found, supported }, false) => format!(
            "the pack was made by a newer version (pack version {found}; this app reads up to \
             version {supported}); update the app first."
        ),
        (PackError::NewerVersion { found, supported }, true) => format!(
            "该手册包由更新版本创建（手册包版本 {found}，当前应用最高支持版本 {supported}），\
             请先更新应用。"
        ),
        (PackError::Invalid { reason }, false) => {
            format!("the pack is damaged or incomplete ({reason}).")
        }
        (PackError::Invalid { reason }, true) => format!("手册包已损坏或不完整（{reason}）。"),
        (PackError::Duplicate { part, key }, false) => {
            format!("the {} “{key}” appears twice in the pack.", name(*part, zh))
        }
        (PackError::Duplicate { part, key }, true) => {
            format!("手册包中的{}“{key}”出现了两次。", name(*part, zh))
        }
        (PackError::TooBig { part, key }, false) if key.is_empty() => format!(
            "the pack holds more than {} {}s; that is the most one pack may hold.",
            count(MAX_ENTITIES_PER_PART),
            name(*part, zh)
        ),
        (PackError::TooBig { part, key }, true) if key.is_empty() => format!(
            "手册包中的{}超过 {} 个，超出了单个手册包的上限。",
            name(*part, zh),
            count(MAX_ENTITIES_PER_PART)
        ),
        (PackError::TooBig { part, key }, false) => format!(
            "the {} “{key}” holds a text longer than {} characters.",
            name(*part, zh),
            count(MAX_STRING_CHARS)
        ),
        (PackError::TooManySteps { key }, false) => format!(
            "the script “{key}” has more than {} steps; that is the most one script may have.",
            count(MAX_STEPS_PER_SCRIPT)
        ),
        (PackError::TooManySteps { key }, true) => format!(
            "话术“{key}”的步骤超过 {} 个，超出了单个话术的上限。",
            count(MAX_STEPS_PER_SCRIPT)
        ),
        (PackError::TooBig { part, key }, true) => format!(
            "{}“{key}”中有超过 {} 个字符的文本。",
            name(*part, zh),
            count(MAX_STRING_CHARS)
        ),
        (PackError::Empty, false) => "the pack holds nothing to import.".into(),
        (PackError::Empty, true) => "手册包中没有可导入的内容。".into(),
    }
}

/// One entity of `part`, as a noun: "stage", "阶段".
fn name(part: Part, zh: bool) -> &'static str {
    match (part, zh) {
        (Part::Stage, false) => "stage",
        (Part::Stage, true) => "阶段",
        (Part::Script, false) => "script",
        (Part::Script, true) => "话术",
        (Part::Checklist, false) => "checklist",
        (Part::Checklist, true) => "清单",
        (Part::Objection, false) => "objection",
        (Part::Objection, true) => "异议",
        (Part::Template, false) => "template",
        (Part::Template, true) => "模板",
        (Part::Field, false) => "field",
        (Part::Field, true) => "字段",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_pack_names_both_versions_in_both_languages() {
        let e = PackError::NewerVersion {
            found: 3,
            supported: 1,
        };
        assert_eq!(
            describe_pack_error(Locale::En, &e),
            "the pack was made by a newer version (pack version 3; this app reads up to \
             version 1); update the app first."
        );
        let zh = describe_pack_error(Locale::ZhCn, &e);
        assert!(zh.contains("版本 3") && zh.contains("版本 1"), "{zh}");
    }

    #[test]
    fn a_duplicate_names_the_part_and_the_key() {
        let e = PackError::Duplicate {
            part: Part::Script,
            key: "first-contact".into(),
        };
        assert_eq!(
            describe_pack_error(Locale::En, &e),
            "the script “first-contact” appears twice in the pack."
        );
        assert_eq!(
            describe_pack_error(Locale::ZhCn, &e),
            "手册包中的话术“first-contact”出现了两次。"
        );
    }

    #[test]
    fn too_many_entities_and_too_long_a_text_read_differently() {
        let many = PackError::TooBig {
            part: Part::Objection,
            key: String::new(),
        };
        assert!(describe_pack_error(Locale::En, &many).contains("more than 2,000 objections"));
        let long = PackError::TooBig {
            part: Part::Stage,
            key: "won".into(),
        };
        assert!(describe_pack_error(Locale::ZhCn, &long).contains("阶段“won”"));
    }
}
