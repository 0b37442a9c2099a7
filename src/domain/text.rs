//! Languages and text written in more than one of them.

use crate::json::Json;

/// A language the app speaks. Unknown codes read from storage fall back to English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Json)]
pub enum Locale {
    #[default]
    #[json(rename = "en")]
    En,
    #[json(rename = "zh-CN")]
    ZhCn,
    #[json(other)]
    Unknown,
}

impl Locale {
    /// Every locale the UI is written in, in the order the switcher lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag, for `<html lang>` and file names.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En | Locale::Unknown => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En | Locale::Unknown => "English",
            Locale::ZhCn => "简体中文",
        }
    }

    /// A locale the UI supports (never `Unknown`).
    pub fn supported(self) -> Locale {
        match self {
            Locale::Unknown => Locale::En,
            other => other,
        }
    }

    /// Picks the UI language from the browser's preferred languages, first match wins:
    /// any Chinese tag (`zh`, `zh-CN`, `zh-Hans-*`, even `zh-TW`) gives 简体中文, since that is
    /// the only Chinese we ship; English is the fallback.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        for tag in preferred {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "zh" => return Locale::ZhCn,
                "en" => return Locale::En,
                _ => {}
            }
        }
        Locale::En
    }

    /// Parses a tag written by [`Locale::tag`]; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }
}

/// Text written in both UI languages. A missing translation falls back to the other language,
/// so content authored in one language is still usable in the other.
#[derive(Clone, Debug, Default, PartialEq, Eq, Json)]
pub struct LocalizedText {
    #[json(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[json(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
}

impl LocalizedText {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        LocalizedText {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in `locale`, or in the other language when that one is missing.
    pub fn get(&self, locale: Locale) -> &str {
        let (first, second) = match locale.supported() {
            Locale::ZhCn => (&self.zh, &self.en),
            _ => (&self.en, &self.zh),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// Whether `locale` has its own text (used to mark missing translations).
    pub fn has(&self, locale: Locale) -> bool {
        match locale.supported() {
            Locale::ZhCn => !self.zh.trim().is_empty(),
            _ => !self.en.trim().is_empty(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_browser_gets_chinese_ui() {
        assert_eq!(Locale::from_browser(["zh-CN", "en-US"]), Locale::ZhCn);
        assert_eq!(Locale::from_browser(["zh"]), Locale::ZhCn);
        assert_eq!(Locale::from_browser(["zh_Hans_CN"]), Locale::ZhCn);
    }

    #[test]
    fn first_supported_browser_language_wins() {
        assert_eq!(
            Locale::from_browser(["fr-FR", "en-GB", "zh-CN"]),
            Locale::En
        );
        assert_eq!(Locale::from_browser(["de", "zh-TW"]), Locale::ZhCn);
    }

    #[test]
    fn unsupported_or_no_browser_language_falls_back_to_english() {
        assert_eq!(Locale::from_browser(["fr", "de"]), Locale::En);
        assert_eq!(Locale::from_browser(Vec::<&str>::new()), Locale::En);
    }

    #[test]
    fn unknown_stored_locale_reads_as_unknown_and_shows_english() {
        let l: Locale = crate::json::from_str("\"tlh\"").unwrap();
        assert_eq!(l, Locale::Unknown);
        assert_eq!(l.supported(), Locale::En);
        assert_eq!(crate::json::to_string(&Locale::ZhCn), "\"zh-CN\"");
    }

    #[test]
    fn localized_text_falls_back_to_the_other_language() {
        let only_en = LocalizedText::new("Opening", "");
        assert_eq!(only_en.get(Locale::ZhCn), "Opening");
        assert!(!only_en.has(Locale::ZhCn));
        let both = LocalizedText::new("Opening", "开场白");
        assert_eq!(both.get(Locale::ZhCn), "开场白");
        assert_eq!(both.get(Locale::En), "Opening");
        let only_zh = LocalizedText::new("  ", "开场白");
        assert_eq!(only_zh.get(Locale::En), "开场白");
    }

    #[test]
    fn locale_tags_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Locale::from_tag("xx"), None);
    }
}
