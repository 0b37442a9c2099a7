//! Adversarial inputs and a small property-style run over generated strings: parsing never
//! panics, errors always point at a `{{`, and rendering a valid template always works.

use super::*;

/// A tiny deterministic xorshift generator, so runs repeat without a new crate.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that make tags, near-tags and text of every width.
const PIECES: [&str; 30] = [
    "{{",
    "}}",
    "{",
    "}",
    "\\",
    "\\{{",
    "#if ",
    "#unless ",
    "/if",
    "/unless",
    "else",
    "!",
    " ",
    "\t",
    "\n",
    "\r\n",
    "a",
    "b",
    "x_1",
    "Budget",
    "预算",
    "客户",
    "é",
    "🙂",
    "#each",
    ">",
    "{{#if a}}",
    "{{/if}}",
    "{{else}}",
    "{{b}}",
];

fn generate(rng: &mut XorShift) -> String {
    let len = rng.below(24);
    (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

/// The source's lines as characters, to look up positions (lines split at `\n`).
fn lines(src: &str) -> Vec<Vec<char>> {
    src.split('\n').map(|line| line.chars().collect()).collect()
}

/// Whether `lines` have `{{` at `position`.
fn braces_at(lines: &[Vec<char>], position: Position) -> bool {
    let Some(line) = lines.get(position.line.wrapping_sub(1)) else {
        return false;
    };
    let at = position.column.wrapping_sub(1);
    line.get(at..at.saturating_add(2)) == Some(&['{', '{'][..])
}

fn check(src: &str) {
    let lines = lines(src);
    match parse(src) {
        Ok(template) => {
            let all = template.render(&|_| Some("v".into()));
            assert!(all.missing.is_empty(), "{src:?}");
            let none = template.render(&|_| None);
            let mut names: Vec<_> = none.missing.iter().map(|(n, _)| n).collect();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{src:?}: a name listed twice");
            for (name, position) in template.variables() {
                assert!(crate::domain::field::is_field_name(&name), "{src:?}");
                assert!(braces_at(&lines, position), "{src:?}: {name} at {position}");
            }
            assert_eq!(
                template.check_known(&|_| false).len(),
                template.variables().len()
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "{src:?}");
            let positions: Vec<_> = errors.iter().map(TemplateError::position).collect();
            assert!(positions.is_sorted(), "{src:?}: {positions:?}");
            for error in &errors {
                assert!(braces_at(&lines, error.position()), "{src:?}: {error}");
            }
        }
    }
}

#[test]
fn generated_strings_never_panic_and_errors_point_at_braces() {
    let mut rng = XorShift(0x5EED_CAFE_F00D_D00D);
    for _ in 0..5_000 {
        check(&generate(&mut rng));
    }
}

#[test]
fn text_without_braces_always_comes_out_unchanged() {
    let mut rng = XorShift(42);
    let plain = [
        "a", " ", "\n", "}", "{", "\\", "预算", "*", "|", "#", "🙂", "}}", "{ {",
    ];
    for _ in 0..2_000 {
        let src: String = (0..rng.below(20))
            .map(|_| plain[rng.below(plain.len())])
            .collect();
        if src.contains("{{") {
            continue;
        }
        assert_eq!(filled(&src, &[]), src);
    }
}

#[test]
fn adversarial_inputs_never_panic() {
    let long_name = format!("{{{{{}}}}}", "a".repeat(10_000));
    for src in [
        "{{{{",
        "{{{{}}}}",
        "{{{x}}}",
        "}}{{",
        "{{#if}}",
        "{{/}}",
        "{{#if a}}{{else}}{{else}}{{else}}",
        "\\",
        "\\{",
        "{{\\}}",
        "{{!",
        "{{! }",
        "\u{0}{{\u{0}}}",
        "{{\u{FEFF}a}}",
        "\u{FEFF}{{a}}",
        "{{a}}\u{10FFFF}{{",
        &long_name,
    ] {
        check(src);
    }
}

#[test]
fn ten_thousand_open_sections_give_errors_without_panicking() {
    let src = "{{#if a}}".repeat(10_000);
    let errors = errors(&src);
    assert_eq!(
        errors[0],
        TemplateError::UnclosedSection {
            kind: SectionKind::If,
            position: at(1, 1),
        }
    );
    assert!(errors.contains(&TemplateError::NestingTooDeep {
        limit: MAX_DEPTH,
        position: at(1, 145),
    }));
    check(&format!("{src}x{}", "{{/if}}".repeat(10_000)));
    check(&"{{/if}}".repeat(10_000));
    check(&"{{".repeat(10_000));
}

#[test]
fn invalid_utf8_made_lossy_never_panics() {
    let mut rng = XorShift(7);
    for _ in 0..2_000 {
        let bytes: Vec<u8> = (0..rng.below(40))
            .map(|_| match rng.below(4) {
                0 => b'{',
                1 => b'}',
                _ => (rng.next() & 0xFF) as u8,
            })
            .collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}
