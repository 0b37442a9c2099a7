//! Checks shared by the default-content tests.

use sales_playbook::domain::{Locale, LocalizedText};

/// A CJK ideograph or CJK punctuation.
pub fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
}

/// Every text has both languages, the English has no Chinese in it and the Chinese is Chinese
/// (catches a paste into the wrong language). `at` says where each text is.
pub fn assert_bilingual(texts: &[(String, LocalizedText)]) {
    for (at, t) in texts {
        for locale in Locale::ALL {
            assert!(t.has(locale), "{at} has no {} text", locale.tag());
        }
        assert!(
            !t.en.chars().any(is_chinese),
            "{at}: the English text contains Chinese: {:?}",
            t.en
        );
        assert!(
            t.zh.chars().any(is_chinese),
            "{at}: the Chinese text is not Chinese: {:?}",
            t.zh
        );
    }
}
