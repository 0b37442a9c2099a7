//! The manifest (`cases.json`): what each case feeds to which importer and what must come out,
//! and the checks every user-facing message must pass.

use serde::Deserialize;
use std::path::PathBuf;

/// The importer or renderer a case goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A backup file: `Store::plan_import`, then `apply_import` when it plans.
    Backup,
    /// A raw value found in storage under `key`: `Store::load`.
    Stored,
    /// A playbook pack: `domain::pack::parse`, then the audit of what it holds.
    Pack,
    /// The lead table: `domain::deal_csv::plan_import`, then export of what it imports.
    CsvImport,
    /// Deals (as JSON) exported with `domain::deal_csv::export_deals`.
    CsvExport,
    /// A proposal template section: the playbook audit, or the rendered preview.
    Template,
    /// A call script (as JSON): the playbook audit.
    Script,
    /// Guide text: `markdown::to_html`.
    Markdown,
}

/// One hostile input and what must happen to it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The input, relative to `tests/hostile/`.
    #[serde(default)]
    pub file: Option<String>,
    /// Or the generator that makes it (see `generate.rs`).
    #[serde(default)]
    pub generate: Option<String>,
    pub target: Target,
    /// What makes the input hostile, for the reader and for failure messages.
    pub about: String,
    /// Storage conditions for backups and stored values (see `storage.rs`).
    #[serde(default)]
    pub setup: Option<String>,
    /// The storage key a `stored` value is found under.
    #[serde(default)]
    pub key: Option<String>,
    /// Read the file as a browser's `File.text()` does: invalid UTF-8 becomes U+FFFD.
    #[serde(default)]
    pub lossy: bool,
    /// The most the case may take, in milliseconds (for inputs built to be slow).
    #[serde(default)]
    pub within_ms: Option<u64>,
    pub expect: Expect,
}

/// What must come out.
#[derive(Debug, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum Expect {
    /// Refused with `error` (the variant, e.g. `NotJson` or `Storage(QuotaExceeded)`) when
    /// `during` the plan (default) or the apply; the message contains `en` / `zh`.
    Rejected {
        error: String,
        #[serde(default)]
        during: Option<String>,
        en: Vec<String>,
        zh: Vec<String>,
    },
    /// A backup imported with these counts; `customers` are stored verbatim afterwards.
    Imported {
        added: usize,
        #[serde(default)]
        updated: usize,
        #[serde(default)]
        unchanged: usize,
        #[serde(default)]
        customers: Vec<String>,
    },
    /// A stored value set aside (and `moved` to a quarantine key, or left where it was).
    Quarantined {
        reason: String,
        moved: bool,
        en: Vec<String>,
        zh: Vec<String>,
    },
    /// A stored value from a newer schema: the store turns read-only and writes nothing.
    ReadOnly {
        schema: u32,
        en: Vec<String>,
        zh: Vec<String>,
    },
    /// Accepted, and the audit reports exactly these errors (the first ones, with `more`).
    Findings {
        findings: Vec<FindingExpect>,
        #[serde(default)]
        more: bool,
    },
    /// A CSV file planned row by row; `exported` cells appear in the export of what imports.
    Rows {
        rows: Vec<RowExpect>,
        #[serde(default)]
        exported: Vec<String>,
    },
    /// Deals exported to CSV; these cells appear in the file.
    Exported { cells: Vec<String> },
    /// Rendered to HTML without any of `absent` and with all of `present`; `links` is the
    /// number of links kept.
    Sanitised {
        absent: Vec<String>,
        present: Vec<String>,
        #[serde(default)]
        links: Option<usize>,
    },
}

/// One audit error expected: its kind, where it is, and words of its message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingExpect {
    pub kind: String,
    #[serde(default)]
    pub step: Option<String>,
    #[serde(default)]
    pub branch: Option<usize>,
    #[serde(default)]
    pub line: Option<usize>,
    #[serde(default)]
    pub column: Option<usize>,
    pub en: Vec<String>,
    pub zh: Vec<String>,
}

/// What one spreadsheet row becomes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowExpect {
    pub row: usize,
    /// `valid`, `invalid` or `duplicate`.
    pub result: String,
    /// For a valid row: the customer name read.
    #[serde(default)]
    pub customer: Option<String>,
    /// For an invalid row: `Column:Problem` for each cell, in order.
    #[serde(default)]
    pub problems: Vec<String>,
    /// For a duplicate: `row N`, or `existing L-0001`, and the rule that matched.
    #[serde(default)]
    pub of: Option<String>,
    #[serde(default)]
    pub rule: Option<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub zh: Vec<String>,
}

impl Case {
    /// How failures name the case: its file (with its setup), or its generator.
    pub fn name(&self) -> String {
        let base = match (&self.file, &self.generate) {
            (Some(file), _) => format!("tests/hostile/{file}"),
            (None, Some(generator)) => format!("generated:{generator}"),
            (None, None) => "<a case with neither file nor generate>".into(),
        };
        match &self.setup {
            Some(setup) => format!("{base} [{setup}]"),
            None => base,
        }
    }

    /// The input text, read or generated.
    pub fn input(&self) -> Result<String, String> {
        match (&self.file, &self.generate) {
            (Some(file), None) => {
                let bytes = std::fs::read(dir().join(file)).map_err(|e| format!("{e}"))?;
                if self.lossy {
                    Ok(String::from_utf8_lossy(&bytes).into_owned())
                } else {
                    String::from_utf8(bytes).map_err(|_| "not UTF-8; mark it `lossy`".into())
                }
            }
            (None, Some(generator)) => super::generate::make(generator),
            _ => Err("a case needs exactly one of `file` and `generate`".into()),
        }
    }
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// Every case of the manifest. Panics on a manifest that does not read: that is a broken test,
/// not a failing case.
pub fn load() -> Vec<Case> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Manifest {
        cases: Vec<Case>,
    }
    let path = dir().join("cases.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let manifest: Manifest = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} does not read: {e}", path.display()));
    manifest.cases
}

/// The variant of an error from its `Debug` text, one level into a wrapped error:
/// `NotJson("…")` → `NotJson`, `Storage(QuotaExceeded)` → `Storage(QuotaExceeded)`,
/// `Csv(UnterminatedQuote { … })` → `Csv(UnterminatedQuote)`.
pub fn variant(debug: &str) -> String {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let outer = ident(debug);
    let rest = &debug[outer.len()..];
    match rest.strip_prefix('(') {
        Some(inner) if inner.starts_with(|c: char| c.is_ascii_uppercase()) => {
            format!("{outer}({})", ident(inner))
        }
        _ => outer,
    }
}

/// Checks a message the user sees in `lang` (`en` or `zh`): not blank, not a Rust `Debug`
/// dump, in the right language, and containing every one of `needles`.
pub fn check_message(lang: &str, message: &str, needles: &[String]) -> Result<(), String> {
    let fail = |why: &str| Err(format!("{lang} message {message:?} {why}"));
    if message.trim().is_empty() {
        return fail("is blank");
    }
    if needles.is_empty() {
        return fail("is not checked: the case lists no words it must contain");
    }
    if looks_like_debug(message) {
        return fail("looks like a Rust Debug dump");
    }
    let chinese = message.chars().any(is_chinese);
    if lang == "zh" && !chinese {
        return fail("has no Chinese in it");
    }
    if lang == "en" && !message.chars().any(|c| c.is_ascii_alphabetic()) {
        return fail("has no English in it");
    }
    for needle in needles {
        if !message.contains(needle.as_str()) {
            return fail(&format!("does not mention {needle:?}"));
        }
    }
    Ok(())
}

/// Checks the English and the Chinese message of one outcome.
pub fn check_both(
    en: &str,
    zh: &str,
    want_en: &[String],
    want_zh: &[String],
) -> Result<(), String> {
    check_message("en", en, want_en)?;
    check_message("zh", zh, want_zh)?;
    if en == zh {
        return Err(format!(
            "the English and Chinese messages are the same: {en:?}"
        ));
    }
    Ok(())
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
}

/// Whether `message` shows Rust syntax: `Some(`, `None`, a capitalised name followed at once
/// by `(` (a variant as `{:?}` prints it: `Storage(QuotaExceeded)`; prose leaves a space, and
/// an all-capitals `HYPERLINK(` quoted from a cell is not one), or a CamelCase name followed
/// by ` {` (a struct).
fn looks_like_debug(message: &str) -> bool {
    if ["Some(", "None", "Ok(", "Err(", "\\\"", "\\n"]
        .iter()
        .any(|s| message.contains(s))
    {
        return true;
    }
    let chars: Vec<char> = message.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if starts_word && chars[i].is_ascii_uppercase() {
            let end = (i..chars.len())
                .find(|&j| !chars[j].is_ascii_alphanumeric() && chars[j] != '_')
                .unwrap_or(chars.len());
            let word = &chars[i..end];
            let lower = word.iter().skip(1).any(char::is_ascii_lowercase);
            let camel = lower && word.iter().skip(1).any(char::is_ascii_uppercase);
            let call = lower && chars.get(end) == Some(&'(');
            let braces = chars.get(end) == Some(&' ') && chars.get(end + 1) == Some(&'{');
            if call || (camel && braces) {
                return true;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    false
}

#[test]
fn debug_dumps_are_told_apart_from_sentences() {
    for dump in [
        "NotJson(\"EOF\")",
        "BadRecord { key: \"x\" }",
        "Some(3)",
        "record x is invalid (Storage(QuotaExceeded))",
    ] {
        assert!(looks_like_debug(dump), "{dump}");
    }
    for sentence in [
        "the file is not valid JSON (EOF while parsing a value at line 1 column 0).",
        "no column holds the customer name (a header such as “Customer”).",
        "文件不是有效的 JSON（第 1 行）。",
        "the browser reported an error (SecurityError: access withdrawn).",
        "Row 2: Customer “=HYPERLINK(\"x\")” is required.",
    ] {
        assert!(!looks_like_debug(sentence), "{sentence}");
    }
    assert_eq!(variant("NotJson(\"x\")"), "NotJson");
    assert_eq!(
        variant("Storage(Unavailable(\"disabled\"))"),
        "Storage(Unavailable)"
    );
    assert_eq!(variant("Newer(2)"), "Newer");
    assert_eq!(variant("TooBig { part: Stage, key: \"\" }"), "TooBig");
}
