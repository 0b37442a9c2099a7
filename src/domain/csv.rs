//! CSV as RFC 4180 defines it, for tables that go in and out of spreadsheets.
//!
//! Written files start with a UTF-8 byte-order mark so Excel opens Chinese text correctly, and
//! end records with CRLF. Reading is tolerant of what spreadsheets and editors produce: the
//! mark is skipped, CRLF, LF and lone CR all end a record, and rows with no content are
//! skipped (they are still counted, so row numbers match what the spreadsheet shows).

use std::borrow::Cow;

/// The UTF-8 byte-order mark, which tells Excel the file is UTF-8.
pub const BOM: char = '\u{FEFF}';

/// Whether a field needs quotes: it holds a comma, a quote or a line break.
pub fn needs_quotes(field: &str) -> bool {
    field.contains([',', '"', '\r', '\n'])
}

/// Appends one record: fields joined by commas, quoted where needed with `"` doubled inside,
/// ended by CRLF.
pub fn write_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if needs_quotes(field) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell safe to open in a spreadsheet: one that would start a formula gets a leading
/// `'` (OWASP's advice against CSV injection), which [`unguard_formula`] removes on import.
pub fn guard_formula(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undoes [`guard_formula`].
pub fn unguard_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => text,
    }
}

/// One record read from CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The spreadsheet row, from 1 (a record spanning lines is one row).
    pub row: usize,
    /// The text line the record starts on, from 1.
    pub line: usize,
    pub fields: Vec<String>,
}

/// CSV text that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// The opening quote is at `line` and `column` (in characters, from 1).
    #[error("line {line}, column {column}: a quoted field is never closed")]
    UnterminatedQuote { line: usize, column: usize },
}

/// Reads CSV text into records. A field is quoted when it starts with `"`; inside quotes
/// `""` is a quote, and commas and line breaks are text (line breaks become `\n`). Text after
/// a closing quote, and a quote inside an unquoted field, are kept as they are.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut column, mut row, mut record_line) = (1, 0, 0, 1);
    // Where the open quote is, while inside one; whether the field was quoted at all.
    let mut open_quote: Option<(usize, usize)> = None;
    let mut quoted = false;
    let mut end_record = |fields: &mut Vec<String>, field: &mut String, start: usize| {
        fields.push(std::mem::take(field));
        row += 1;
        let done = std::mem::take(fields);
        if done.iter().any(|f| !f.is_empty()) {
            records.push(Record {
                row,
                line: start,
                fields: done,
            });
        }
    };
    while let Some(c) = chars.next() {
        column += 1;
        let line_break = c == '\n' || c == '\r';
        if line_break {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            line += 1;
            column = 0;
        }
        if open_quote.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    column += 1;
                    field.push('"');
                }
                '"' => open_quote = None,
                _ if line_break => field.push('\n'),
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => {
                open_quote = Some((line, column));
                quoted = true;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
            }
            _ if line_break => {
                end_record(&mut fields, &mut field, record_line);
                record_line = line;
                quoted = false;
            }
            _ => field.push(c),
        }
    }
    if let Some((line, column)) = open_quote {
        return Err(CsvError::UnterminatedQuote { line, column });
    }
    if !fields.is_empty() || !field.is_empty() {
        end_record(&mut fields, &mut field, record_line);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(rows: &[&[&str]]) -> String {
        let mut out = String::new();
        for r in rows {
            write_record(&mut out, r.iter().copied());
        }
        out
    }

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn plain_fields_are_written_as_they_are_with_crlf() {
        assert_eq!(
            write(&[&["a", "b c", ""], &["客户", "1"]]),
            "a,b c,\r\n客户,1\r\n"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_and_quotes_doubled() {
        assert_eq!(
            write(&[&["Acme, Inc.", "say \"hi\"", "two\nlines", "cr\r"]]),
            "\"Acme, Inc.\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\r\n"
        );
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let rows: &[&[&str]] = &[
            &["线索编号", "客户名称", "跟进记录"],
            &["L-0001", "华东机械, 有限公司", "第一行\n\"报价\"已发"],
            &["", "x", ""],
        ];
        let back = fields(&format!("{BOM}{}", write(rows)));
        assert_eq!(
            back,
            rows.iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_byte_order_mark_is_skipped_on_import() {
        assert_eq!(fields("\u{FEFF}name\r\nAcme\r\n"), [["name"], ["Acme"]]);
    }

    #[test]
    fn crlf_lf_and_lone_cr_all_end_a_record() {
        assert_eq!(
            fields("a,b\nc,d\r\ne,f\rg,h"),
            [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]
        );
    }

    #[test]
    fn line_breaks_inside_quotes_are_kept_as_newlines() {
        assert_eq!(fields("\"x\r\ny\",z\r\n"), [["x\ny", "z"]]);
        assert_eq!(fields("\"x\ry\""), [["x\ny"]]);
    }

    #[test]
    fn empty_fields_and_a_trailing_comma_are_kept() {
        assert_eq!(fields("a,,c,\n"), [["a", "", "c", ""]]);
        assert_eq!(fields("\"\",b"), [["", "b"]]);
    }

    #[test]
    fn blank_rows_are_skipped_but_counted_as_spreadsheet_rows() {
        let records = parse("h1,h2\n\n,\n\"a\nb\",c\nd,e\n").unwrap();
        let rows: Vec<_> = records.iter().map(|r| (r.row, r.line)).collect();
        assert_eq!(rows, [(1, 1), (4, 4), (5, 6)]);
    }

    #[test]
    fn stray_quotes_are_kept_the_way_spreadsheets_keep_them() {
        assert_eq!(fields("ab\"c,\"d\"e"), [["ab\"c", "de"]]);
    }

    #[test]
    fn an_unterminated_quote_reports_where_it_opened() {
        assert_eq!(
            parse("name,note\nAcme,\"never closed\nmore"),
            Err(CsvError::UnterminatedQuote { line: 2, column: 6 })
        );
        assert_eq!(
            parse("客户,\"x"),
            Err(CsvError::UnterminatedQuote { line: 1, column: 4 })
        );
    }

    #[test]
    fn empty_text_has_no_records() {
        assert!(parse("").unwrap().is_empty());
        assert!(parse("\u{FEFF}\r\n\r\n").unwrap().is_empty());
    }

    #[test]
    fn cells_that_would_run_as_formulas_are_guarded_and_restored() {
        for risky in ["=1+1", "+86 138 0000 0000", "-5", "@SUM(A1)"] {
            let guarded = guard_formula(risky);
            assert!(guarded.starts_with('\''), "{risky}");
            assert_eq!(unguard_formula(&guarded), risky);
        }
        assert_eq!(guard_formula("Acme"), "Acme");
        assert_eq!(unguard_formula("'quoted"), "'quoted");
    }
}
