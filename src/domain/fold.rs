//! Lower case for matching (search, duplicate checks): one character to one character, for
//! the scripts people write leads and playbooks in here: Latin (ASCII, Latin-1, Latin
//! Extended-A), Greek, Cyrillic and full-width Latin. Chinese has no case.
//!
//! `str::to_lowercase` covers all of Unicode with tables that were 6 KiB of the brotli
//! budget. A test checks this agrees with it on every character of the blocks above, and
//! leaves every other character as it is.

/// `c` in lower case, within the blocks above; any other character unchanged.
pub fn lower_char(c: char) -> char {
    let n = c as u32;
    let odd = n % 2 == 1;
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 32,
        0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F | 0xFF21..=0xFF3A => n + 32,
        0x400..=0x40F => n + 80,
        0x386 => 0x3AC,
        0x388..=0x38A => n + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => n + 63,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if !odd => n + 1,
        0x139..=0x148 | 0x179..=0x17E if odd => n + 1,
        // İ: the dotted capital I (Unicode lowers it to `i` and a combining dot).
        0x130 => 0x69,
        0x178 => 0xFF,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` in lower case, as [`lower_char`] does it: the same number of characters.
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// Whether `a` and `b` are the same text in any case, as [`lower`] compares them (without
/// writing either out lowered).
pub fn same_in_any_case(a: &str, b: &str) -> bool {
    a.chars().map(lower_char).eq(b.chars().map(lower_char))
}

/// Whether `c` is part of a word, for markdown's `_` and template names: ASCII letters and
/// digits, and any other character outside ASCII but for controls, spaces and general and CJK
/// punctuation. `char::is_alphanumeric` answers for all of Unicode with tables that are
/// 1.5 KiB of the brotli budget; the places that ask only need words and their edges.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && !c.is_whitespace()
            && !matches!(c as u32, 0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65))
}

/// [`lower`] as a method: `name.fold_case()`.
pub trait FoldCase {
    fn fold_case(&self) -> String;
}

impl FoldCase for str {
    fn fold_case(&self) -> String {
        lower(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks [`lower_char`] claims.
    const BLOCKS: [(u32, u32); 7] = [
        (0x0000, 0x007F),
        (0x0080, 0x00FF),
        (0x0100, 0x017F),
        (0x0370, 0x03FF),
        (0x0400, 0x042F),
        (0xFF00, 0xFF5E),
        (0x0130, 0x0130),
    ];

    #[test]
    fn agrees_with_unicode_in_its_blocks_and_leaves_the_rest_alone() {
        let mut lowered = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let n = c as u32;
            let ours = lower_char(c);
            let mut std = c.to_lowercase();
            let single = (std.len() == 1).then(|| std.next().unwrap());
            let claimed = BLOCKS.iter().any(|&(a, b)| (a..=b).contains(&n));
            // Greek's archaic and Coptic letters (U+0370–U+037F, U+03CF–U+03FF) are not
            // people's names or company names: they stay as they are, like any other text.
            let greek_extra = (0x370..=0x37F).contains(&n) || (0x3CF..=0x3FF).contains(&n);
            if claimed && !greek_extra {
                match single {
                    Some(s) => assert_eq!(ours, s, "U+{n:04X}"),
                    None => assert_eq!(ours, 'i', "U+{n:04X}"),
                }
            } else {
                assert_eq!(ours, c, "U+{n:04X} is not lowered");
            }
            lowered += usize::from(ours != c);
        }
        assert!(lowered > 200, "{lowered}");
    }

    #[test]
    fn words_are_letters_and_digits_in_any_script_and_not_spaces_or_punctuation() {
        for c in "aZ09éßΩжＡ精工の한".chars() {
            assert!(is_word_char(c), "{c}");
        }
        for c in " _-*.,!?\u{a0}\u{3000}，。、：；！？（）「」【】—…“”·×".chars()
        {
            assert!(!is_word_char(c), "{c:?}");
        }
        // Within ASCII and Latin-1 it is exactly `is_alphanumeric`, except ª, ² and the like.
        for c in (0..=0xFF).filter_map(char::from_u32) {
            if !matches!(c as u32, 0xA0..=0xBF) {
                assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn lowers_names_in_the_scripts_people_use_here() {
        assert_eq!(lower("ACME Ünïon ŁÓDŹ"), "acme ünïon łódź");
        assert_eq!(lower("ΑΘΗΝΑ Μόσχα МОСКВА Ёж"), "αθηνα μόσχα москва ёж");
        assert_eq!(lower("ＡＣＭＥ 精工 Ｌ-0007"), "ａｃｍｅ 精工 ｌ-0007");
        assert_eq!(lower("İSTANBUL").chars().count(), 8);
    }

    #[test]
    fn compares_names_in_any_case_and_nothing_else() {
        assert!(same_in_any_case("Li Wei", "LI WEI"));
        assert!(same_in_any_case("Ёж ŁÓDŹ", "ёж łódź"));
        assert!(same_in_any_case("", ""));
        assert!(!same_in_any_case("Li Wei", "Li Wei "), "spaces count");
        assert!(!same_in_any_case("Li Wei", "Li We"));
        assert!(!same_in_any_case("李伟", "李偉"));
    }
}
