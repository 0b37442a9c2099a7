//! Errors in words the user understands, in their language.

use crate::domain::pack::PACK_FORMAT;
use crate::domain::Locale;
use crate::storage::backup::{ImportError, FORMAT};
use crate::storage::StorageError;

/// Says what went wrong with storage, as a sentence ending in a full stop.
pub fn describe_storage_error(locale: Locale, error: &StorageError) -> String {
    let zh = locale.supported() == Locale::ZhCn;
    match (error, zh) {
        (StorageError::QuotaExceeded, false) => "the browser's storage for this app is full.".into(),
        (StorageError::QuotaExceeded, true) => "浏览器为本应用提供的存储空间已满。".into(),
        (StorageError::Unavailable(_), false) => "the browser does not allow storing data (private mode or a privacy setting).".into(),
        (StorageError::Unavailable(_), true) => "浏览器不允许保存数据（可能处于隐私模式或受隐私设置限制）。".into(),
        (StorageError::ReadOnly(schema), false) => format!("data from a newer version (schema {schema}) is present, so this version does not write."),
        (StorageError::ReadOnly(schema), true) => format!("存在更新版本写入的数据（数据版本 {schema}），当前版本不会写入。"),
        (StorageError::Other(detail), false) => format!("the browser reported an error ({detail})."),
        (StorageError::Other(detail), true) => format!("浏览器报告了错误（{detail}）。"),
    }
}

/// Says why a backup file was rejected.
pub fn describe_import_error(locale: Locale, error: &ImportError) -> String {
    let zh = locale.supported() == Locale::ZhCn;
    let mib = |b: usize| format!("{} MiB", super::format::decimal(b as f64 / 1_048_576.0, 1));
    match (error, zh) {
        (ImportError::TooLarge { bytes, max }, false) => format!(
            "the file is {}; a backup is at most {}.",
            mib(*bytes),
            mib(*max)
        ),
        (ImportError::TooLarge { bytes, max }, true) => {
            format!("文件大小为 {}，备份文件最大为 {}。", mib(*bytes), mib(*max))
        }
        (ImportError::NotJson { detail, .. }, false) => {
            format!("the file is not valid JSON ({detail}).")
        }
        (
            ImportError::NotJson {
                line,
                column,
                ends_early: true,
                ..
            },
            true,
        ) => format!(
            "文件不是有效的 JSON：在第 {line} 行第 {column} 列处提前结束，可能下载或复制不完整。"
        ),
        (ImportError::NotJson { line, column, .. }, true) => {
            format!("文件不是有效的 JSON：第 {line} 行第 {column} 列处格式有误。")
        }
        (ImportError::Unreadable(detail), false) => {
            format!("the file could not be read as text ({detail}).")
        }
        (ImportError::Unreadable(_), true) => "无法以文本方式读取该文件。".into(),
        (ImportError::NotABackup { format }, false) => match format.as_deref() {
            None => "the file is not a Sales Playbook backup: a backup is the file “Export all \
                     data” saves, marked \"format\": \"sales-playbook-backup\"."
                .into(),
            Some(FORMAT) => "the file is marked as a Sales Playbook backup, but its contents \
                             are damaged: the schema, the export time or the records are missing \
                             or of the wrong kind."
                .into(),
            Some(PACK_FORMAT) => {
                "the file is a playbook pack (shared content), not a backup of this browser's \
                 data."
                    .into()
            }
            Some(other) => {
                format!("the file is not a Sales Playbook backup: it is marked “{other}”.")
            }
        },
        (ImportError::NotABackup { format }, true) => match format.as_deref() {
            None => "该文件不是销售作战手册的备份文件：备份文件是“导出全部数据”保存的文件，\
                     其中标有 \"format\": \"sales-playbook-backup\"。"
                .into(),
            Some(FORMAT) => "该文件标记为销售作战手册的备份文件，但内容已损坏：数据版本、\
                             导出时间或记录缺失或类型不对。"
                .into(),
            Some(PACK_FORMAT) => {
                "该文件是手册内容包（共享的内容），不是本浏览器数据的备份文件。".into()
            }
            Some(other) => format!("该文件不是销售作战手册的备份文件：其标记为“{other}”。"),
        },
        (ImportError::Newer(schema), false) => format!(
            "the backup was made by a newer version (schema {schema}); update the app first."
        ),
        (ImportError::Newer(schema), true) => {
            format!("该备份由更新版本创建（数据版本 {schema}），请先更新应用。")
        }
        (ImportError::BadRecord { key, reason }, false) => {
            format!("record {key} is invalid ({reason}).")
        }
        (ImportError::BadRecord { key, reason }, true) => format!("记录 {key} 无效（{reason}）。"),
        (ImportError::Storage(e), _) => describe_storage_error(locale, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_errors_read_as_sentences_in_both_languages() {
        assert_eq!(
            describe_storage_error(Locale::En, &StorageError::QuotaExceeded),
            "the browser's storage for this app is full."
        );
        assert!(
            describe_storage_error(Locale::ZhCn, &StorageError::QuotaExceeded).contains("已满")
        );
    }

    #[test]
    fn import_errors_name_the_bad_record() {
        let e = ImportError::BadRecord {
            key: "sp:deal:x".into(),
            reason: "missing field".into(),
        };
        assert!(describe_import_error(Locale::En, &e).contains("sp:deal:x"));
        assert!(describe_import_error(Locale::ZhCn, &e).contains("sp:deal:x"));
        let big = ImportError::TooLarge {
            bytes: 10 * 1_048_576,
            max: 8 * 1_048_576,
        };
        assert_eq!(
            describe_import_error(Locale::En, &big),
            "the file is 10.0 MiB; a backup is at most 8.0 MiB."
        );
    }
}
