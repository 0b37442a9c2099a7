//! What is wrong with a lead table (CSV) being imported, in words the user understands, in
//! their language: why the whole file is refused, and what happens to each row that is not
//! imported, naming the spreadsheet row, the column and the cell as the user sees them.

use super::format::integer;
use crate::domain::csv::CsvError;
use crate::domain::deal::Deal;
use crate::domain::deal_csv::{
    Column, DuplicateOf, DuplicateRule, FieldError, ImportError, Problem, RowResult,
};
use crate::domain::Locale;

/// `10.0 MiB`.
fn mib(bytes: usize) -> String {
    format!(
        "{} MiB",
        super::format::decimal(bytes as f64 / 1_048_576.0, 1)
    )
}

/// Says why a CSV file cannot be imported at all, as a sentence in lower case ending with a
/// full stop (like the backup messages).
pub fn describe_csv_import_error(locale: Locale, error: &ImportError) -> String {
    let zh = locale.supported() == Locale::ZhCn;
    match (error, zh) {
        (ImportError::Csv(CsvError::UnterminatedQuote { line, column }), false) => format!(
            "the quoted cell that starts at line {line}, column {column} is never closed (a \
             closing \" is missing)."
        ),
        (ImportError::Csv(CsvError::UnterminatedQuote { line, column }), true) => {
            format!("从第 {line} 行第 {column} 列开始的带引号单元格没有结束（缺少结尾的英文双引号 \"）。")
        }
        (ImportError::Empty, false) => "the file is empty.".into(),
        (ImportError::Empty, true) => "文件是空的。".into(),
        (ImportError::NoCustomerColumn, false) => {
            "no column holds the customer name (a header such as “Customer” or “客户名称” is \
             needed); if the headers look garbled, save the file as “CSV UTF-8” and try again."
                .into()
        }
        (ImportError::NoCustomerColumn, true) => {
            "没有找到客户名称列（需要“客户名称”或“Customer”等表头）；如果表头显示为乱码，\
             请将文件另存为“CSV UTF-8”格式后重试。"
                .into()
        }
        (ImportError::TooManyRows { max }, false) => format!(
            "the file has more than {} rows; split it into smaller files.",
            count(locale, *max)
        ),
        (ImportError::TooManyRows { max }, true) => {
            format!(
                "文件超过 {} 行，请拆分成多个较小的文件。",
                count(locale, *max)
            )
        }
        (ImportError::TooLarge { bytes, max }, false) => format!(
            "the file is {}; one import takes at most {}: split it into smaller files.",
            mib(*bytes),
            mib(*max)
        ),
        (ImportError::TooLarge { bytes, max }, true) => {
            format!(
                "文件大小为 {}，一次最多导入 {}，请拆分成多个较小的文件。",
                mib(*bytes),
                mib(*max)
            )
        }
    }
}

/// Says why a row is not imported, as a whole sentence for a list under the preview; `None`
/// for a row that is. `existing` are the deals the duplicate rule compared against, so a
/// duplicate is named by its lead number and customer rather than an internal id.
pub fn describe_row(locale: Locale, row: &RowResult, existing: &[&Deal]) -> Option<String> {
    let zh = locale.supported() == Locale::ZhCn;
    Some(match row {
        RowResult::Valid { .. } => return None,
        RowResult::Invalid { row, errors } => {
            let problems: Vec<String> = errors.iter().map(|e| problem(locale, e)).collect();
            if zh {
                format!("第 {row} 行不会导入：{}。", problems.join("；"))
            } else {
                format!("Row {row} is not imported: {}.", problems.join("; "))
            }
        }
        RowResult::Duplicate { row, of, rule } => {
            let of = match (of, zh) {
                (DuplicateOf::Row(r), false) => format!("row {r} of this file"),
                (DuplicateOf::Row(r), true) => format!("本文件第 {r} 行"),
                (DuplicateOf::Existing(id), _) => {
                    let deal = existing.iter().find(|d| &d.id == id);
                    match (deal, zh) {
                        (Some(d), false) => {
                            format!("the existing lead {} “{}”", d.number, d.customer)
                        }
                        (Some(d), true) => format!("已有线索 {}“{}”", d.number, d.customer),
                        (None, false) => format!("the existing lead {id}"),
                        (None, true) => format!("已有线索 {id}"),
                    }
                }
            };
            let why = rule_text(*rule, zh);
            if zh {
                format!("第 {row} 行不会导入：与{of}重复（{why}）。")
            } else {
                format!("Row {row} is not imported: it repeats {of} ({why}).")
            }
        }
    })
}

fn count(locale: Locale, n: usize) -> String {
    integer(locale, i64::try_from(n).unwrap_or(i64::MAX))
}

/// One cell's problem: the column's header, the cell as written, and what is wrong.
fn problem(locale: Locale, e: &FieldError) -> String {
    let zh = locale.supported() == Locale::ZhCn;
    let column = e.column.label(locale);
    let value = &e.value;
    match (e.problem, zh) {
        (Problem::Missing, false) => format!("{column} is required"),
        (Problem::Missing, true) => format!("{column}为必填项"),
        (Problem::TooLong { max }, false) => {
            format!("{column} is longer than {} characters", count(locale, max))
        }
        (Problem::TooLong { max }, true) => {
            format!("{column}超过 {} 个字符", count(locale, max))
        }
        (Problem::NotAnOption, false) => {
            format!("{column} “{value}” is not one of {}", options(e.column, zh))
        }
        (Problem::NotAnOption, true) => {
            format!("{column}“{value}”不是可选值（{}）", options(e.column, zh))
        }
        (Problem::NotATime, false) => format!(
            "{column} “{value}” is not a date and time written year first (such as \
             2026-03-01 14:30)"
        ),
        (Problem::NotATime, true) => {
            format!("{column}“{value}”不是以年份开头的日期时间（例如 2026-03-01 14:30）")
        }
        (Problem::NotAnAmount, false) => format!("{column} “{value}” is not an amount"),
        (Problem::NotAnAmount, true) => format!("{column}“{value}”不是有效的金额"),
        (Problem::NotACurrency, false) => {
            format!("{column} “{value}” is not a three-letter currency code (such as CNY)")
        }
        (Problem::NotACurrency, true) => {
            format!("{column}“{value}”不是三个字母的币种代码（例如 CNY）")
        }
        (Problem::NotAnEmail, false) => format!("{column} “{value}” is not an email address"),
        (Problem::NotAnEmail, true) => format!("{column}“{value}”不是有效的邮箱地址"),
    }
}

/// The values a choice column takes, for the "not one of" message.
fn options(column: Column, zh: bool) -> &'static str {
    match (column, zh) {
        (Column::Grade, false) => "A, B or C",
        (Column::Grade, true) => "A、B、C",
        (Column::Status, false) => "To follow up, Following, Converted or Lost",
        (Column::Status, true) => "待跟进、跟进中、转化、流失",
        (_, false) => "the values this column takes",
        (_, true) => "此列允许的值",
    }
}

fn rule_text(rule: DuplicateRule, zh: bool) -> &'static str {
    match (rule, zh) {
        (DuplicateRule::SameNumber, false) => "the same lead number",
        (DuplicateRule::SameNumber, true) => "线索编号相同",
        (DuplicateRule::SameCustomerAndPhone, false) => "the same customer and phone",
        (DuplicateRule::SameCustomerAndPhone, true) => "客户名称和联系方式相同",
        (DuplicateRule::SameCustomerAndEmail, false) => "the same customer and email",
        (DuplicateRule::SameCustomerAndEmail, true) => "客户名称和电子邮箱相同",
        (DuplicateRule::SameCustomerWithoutContactDetails, false) => {
            "the same customer, and neither has a phone or an email to tell them apart"
        }
        (DuplicateRule::SameCustomerWithoutContactDetails, true) => {
            "客户名称相同，且都没有可用于区分的联系方式或邮箱"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_names_its_line_and_column_in_both_languages() {
        let e = ImportError::Csv(CsvError::UnterminatedQuote { line: 3, column: 7 });
        assert!(describe_csv_import_error(Locale::En, &e).contains("line 3, column 7"));
        assert!(describe_csv_import_error(Locale::ZhCn, &e).contains("第 3 行第 7 列"));
    }

    #[test]
    fn an_invalid_row_lists_each_cell_with_its_header_and_text() {
        let row = RowResult::Invalid {
            row: 4,
            errors: vec![
                FieldError {
                    column: Column::Email,
                    problem: Problem::NotAnEmail,
                    value: "wang at acme".into(),
                },
                FieldError {
                    column: Column::Grade,
                    problem: Problem::NotAnOption,
                    value: "Z".into(),
                },
            ],
        };
        assert_eq!(
            describe_row(Locale::En, &row, &[]).as_deref(),
            Some(
                "Row 4 is not imported: Email “wang at acme” is not an email address; \
                 Grade “Z” is not one of A, B or C."
            )
        );
        assert_eq!(
            describe_row(Locale::ZhCn, &row, &[]).as_deref(),
            Some("第 4 行不会导入：邮箱“wang at acme”不是有效的邮箱地址；分级“Z”不是可选值（A、B、C）。")
        );
    }

    #[test]
    fn a_duplicate_of_an_earlier_row_names_both_rows() {
        let row = RowResult::Duplicate {
            row: 5,
            of: DuplicateOf::Row(2),
            rule: DuplicateRule::SameCustomerAndPhone,
        };
        assert_eq!(
            describe_row(Locale::En, &row, &[]).as_deref(),
            Some("Row 5 is not imported: it repeats row 2 of this file (the same customer and phone).")
        );
    }
}
