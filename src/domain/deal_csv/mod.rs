//! The lead table (线索分级与跟进计划表) as CSV, so teams that live in spreadsheets can move
//! leads in and out: an export Excel opens correctly in Chinese, and an import planner that
//! shows what each row would become before anything is saved.
//!
//! Columns follow the toolkit's table, then the deal's other fields. Headers are written in
//! English or 简体中文; import recognises both and common alternatives, and ignores the rest.
//! Times are written as local `YYYY-MM-DD HH:MM`, which Excel reads as a date and time.

mod import;
#[cfg(test)]
mod tests;

pub use import::{
    map_columns, plan_import, ColumnMap, DuplicateOf, DuplicateRule, FieldError, ImportError,
    ImportPlan, Problem, RowResult, MAX_IMPORT_ROWS,
};

use super::clock::{from_local, to_local, NextAction};
use super::csv::{guard_formula, write_record, BOM};
use super::deal::{Deal, Source, Status};
use super::money::format_plain;
use super::playbook::Industry;
use super::{Locale, Timestamp};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// A column of the lead table, in the order it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Customer,
    Contact,
    Phone,
    Email,
    Source,
    Grade,
    AssignedAt,
    FirstFollowUpAt,
    /// Follow-up record (跟进记录): the deal's notes.
    FollowUpRecord,
    Status,
    NextAction,
    NextActionDue,
    Owner,
    Industry,
    Value,
    Currency,
}

impl Column {
    pub const ALL: [Column; 17] = [
        Column::Number,
        Column::Customer,
        Column::Contact,
        Column::Phone,
        Column::Email,
        Column::Source,
        Column::Grade,
        Column::AssignedAt,
        Column::FirstFollowUpAt,
        Column::FollowUpRecord,
        Column::Status,
        Column::NextAction,
        Column::NextActionDue,
        Column::Owner,
        Column::Industry,
        Column::Value,
        Column::Currency,
    ];

    /// Header names: the English and the Chinese label, then names other sheets use.
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Number => &[
                "Lead number",
                "线索编号",
                "lead no",
                "lead id",
                "number",
                "编号",
            ],
            Column::Customer => &[
                "Customer",
                "客户名称",
                "customer name",
                "company",
                "company name",
                "account",
                "客户",
                "公司",
                "公司名称",
                "企业名称",
            ],
            Column::Contact => &[
                "Contact",
                "联系人",
                "contact person",
                "contact name",
                "姓名",
            ],
            Column::Phone => &[
                "Phone",
                "联系方式",
                "phone number",
                "tel",
                "telephone",
                "mobile",
                "电话",
                "手机",
                "手机号",
                "联系电话",
            ],
            Column::Email => &["Email", "邮箱", "mail", "电子邮件", "电子邮箱"],
            Column::Source => &["Source", "线索来源", "lead source", "来源"],
            Column::Grade => &["Grade", "分级", "lead grade", "等级", "级别", "线索等级"],
            Column::AssignedAt => &["Assigned at", "分配时间", "assigned", "分配日期"],
            Column::FirstFollowUpAt => &[
                "First follow-up at",
                "首次跟进时间",
                "first follow-up",
                "first contact",
                "首次跟进",
                "首次联系时间",
            ],
            Column::FollowUpRecord => &[
                "Follow-up record",
                "跟进记录",
                "notes",
                "note",
                "needs and feedback",
                "备注",
                "需求与反馈",
            ],
            Column::Status => &["Status", "当前状态", "状态"],
            Column::NextAction => &["Next action", "下一步行动", "next step", "下一步"],
            Column::NextActionDue => &[
                "Next action due",
                "截止时间",
                "due",
                "due date",
                "deadline",
                "截止日期",
            ],
            Column::Owner => &[
                "Owner",
                "负责人",
                "sales rep",
                "rep",
                "assigned to",
                "跟进人",
            ],
            Column::Industry => &["Industry", "行业"],
            Column::Value => &[
                "Value",
                "金额",
                "deal value",
                "amount",
                "商机金额",
                "预计金额",
            ],
            Column::Currency => &["Currency", "币种", "货币"],
        }
    }

    /// The header written for this column.
    pub fn label(self, locale: Locale) -> &'static str {
        localized(self.names(), locale)
    }
}

/// The English or the Chinese name from a list that starts with both.
fn localized(names: &'static [&'static str], locale: Locale) -> &'static str {
    let i = usize::from(locale.supported() == Locale::ZhCn);
    names.get(i).copied().unwrap_or_default()
}

/// Names of a lead source in cells: English, Chinese, then the stored code.
fn source_names(s: Source) -> &'static [&'static str] {
    match s {
        Source::TradeShow => &["Trade show", "展会", "trade_show"],
        Source::Website => &["Website", "官网", "网站"],
        Source::Referral => &["Referral", "转介绍", "推荐"],
        Source::Other => &["Other", "其他"],
    }
}

fn status_names(s: Status) -> &'static [&'static str] {
    match s {
        Status::ToFollowUp => &["To follow up", "待跟进", "to_follow_up"],
        Status::Following => &["Following", "跟进中"],
        Status::Converted => &["Converted", "转化", "已转化", "won", "成交"],
        Status::Lost => &["Lost", "流失", "已流失"],
    }
}

fn industry_names(i: Industry) -> &'static [&'static str] {
    match i {
        Industry::Manufacturing => &[
            "Manufacturing and industrial equipment",
            "制造业与工业设备",
            "manufacturing",
            "制造业",
        ],
        Industry::Retail => &[
            "Retail and chains",
            "零售与连锁",
            "retail",
            "零售业",
            "零售",
        ],
        Industry::ProfessionalServices => &[
            "Professional services",
            "专业服务",
            "professional_services",
            "服务业",
        ],
        Industry::Software => &["Software / SaaS", "软件 / SaaS", "software", "saas", "软件"],
        Industry::Generic => &["All industries", "所有行业", "generic", "通用"],
    }
}

/// Lowercase without spaces and punctuation, so `First follow-up at` and `first_follow_up_at`
/// (and `E-mail`, `Email`) compare equal. Lazy: comparing against the ~90 known names never
/// builds a string per name (that was two thirds of an import's time).
fn normalized(s: &str) -> impl Iterator<Item = char> + Clone + '_ {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"\u{FEFF}_-.:：()（）/'".contains(*c))
        .map(crate::domain::fold::lower_char)
}

/// The value whose names include `text` (compared normalized).
fn find_named<T: Copy>(
    all: &[T],
    names: fn(T) -> &'static [&'static str],
    text: &str,
) -> Option<T> {
    let key = normalized(text);
    all.iter()
        .copied()
        .find(|&v| names(v).iter().any(|n| normalized(n).eq(key.clone())))
}

/// A time as a spreadsheet shows it: local `YYYY-MM-DD HH:MM`.
pub fn format_local_time(t: Timestamp, offset_minutes: i32) -> String {
    let l = to_local(t, offset_minutes);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        l.year(),
        l.month(),
        l.day(),
        l.hour(),
        l.minute()
    )
}

/// A time from a cell: RFC 3339 as it is; otherwise a local date written year first
/// (`2026-03-01`, `2026/3/1`, `2026.3.1`, `2026年3月1日`) with an optional `HH:MM[:SS]` after a
/// space or `T`; a date alone is local midnight. Month-first dates are refused: `3/1/2026`
/// could be either of two days.
pub fn parse_local_time(text: &str, offset_minutes: i32) -> Option<Timestamp> {
    let t = text.trim();
    // Storage writes times as RFC 3339, whose years have four digits: a time outside them in
    // UTC (`0000-01-01T00:00:00+00:01`, or `0000-01-01` east of UTC) could not be read back.
    // A leap second (`09:30:60`) reads as the second before it: the export writes minutes, and
    // chrono would round a leap second into the next minute there.
    let storable = |t: Timestamp| {
        let t = t.with_nanosecond(t.nanosecond() % 1_000_000_000)?;
        (0..=9999).contains(&t.year()).then_some(t)
    };
    if let Some(t) = crate::domain::time::parse(t) {
        return storable(t);
    }
    let t = t.replace(['年', '月'], "-").replace('日', " ");
    let (date, time) = t.trim().split_once([' ', 'T']).unwrap_or((t.trim(), ""));
    let mut d = date.split(['-', '/', '.']);
    let year = d.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month = d.next()?.parse().ok()?;
    let day = d.next()?.parse().ok()?;
    if d.next().is_some() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let time = match time.trim() {
        "" => NaiveTime::MIN,
        hms => {
            let mut p = hms.split(':').map(|n| n.parse::<u32>().ok());
            let (h, m, s) = (p.next()??, p.next()??, p.next().unwrap_or(Some(0))?);
            if p.next().is_some() {
                return None;
            }
            NaiveTime::from_hms_opt(h, m, s)?
        }
    };
    storable(from_local(date.and_time(time), offset_minutes))
}

/// The lead table as CSV: a byte-order mark, the header in `locale`, one row per deal, times
/// in the zone `offset_minutes` east of UTC, with each deal's own next action.
pub fn export_deals(deals: &[&Deal], locale: Locale, offset_minutes: i32) -> String {
    let rows: Vec<(&Deal, Option<&NextAction>)> =
        deals.iter().map(|&d| (d, d.next_action.as_ref())).collect();
    export_with_actions(&rows, locale, offset_minutes)
}

/// [`export_deals`] with the next actions given beside the deals.
pub fn export_with_actions(
    rows: &[(&Deal, Option<&NextAction>)],
    locale: Locale,
    offset_minutes: i32,
) -> String {
    let mut out = String::from(BOM);
    write_record(&mut out, Column::ALL.iter().map(|c| c.label(locale)));
    let time = |t: Timestamp| format_local_time(t, offset_minutes);
    for &(d, action) in rows {
        let cells: Vec<String> = Column::ALL
            .iter()
            .map(|c| match c {
                Column::Number => guard_formula(&d.number).into_owned(),
                Column::Customer => guard_formula(&d.customer).into_owned(),
                Column::Contact => guard_formula(&d.contact).into_owned(),
                Column::Phone => guard_formula(&d.phone).into_owned(),
                Column::Email => guard_formula(&d.email).into_owned(),
                Column::Source => localized(source_names(d.source), locale).into(),
                Column::Grade => d.grade.code().into(),
                Column::AssignedAt => time(d.assigned_at),
                Column::FirstFollowUpAt => d.first_follow_up_at.map(time).unwrap_or_default(),
                Column::FollowUpRecord => guard_formula(&d.notes).into_owned(),
                Column::Status => localized(status_names(d.status), locale).into(),
                Column::NextAction => action
                    .map(|a| guard_formula(&a.task).into_owned())
                    .unwrap_or_default(),
                Column::NextActionDue => action.map(|a| time(a.due)).unwrap_or_default(),
                Column::Owner => guard_formula(&d.owner).into_owned(),
                Column::Industry => localized(industry_names(d.industry), locale).into(),
                Column::Value if d.value_minor == 0 => String::new(),
                Column::Value => format_plain(d.value_minor, &d.currency),
                Column::Currency => guard_formula(&d.currency).into_owned(),
            })
            .collect();
        write_record(&mut out, cells.iter().map(String::as_str));
    }
    out
}
