//! Importing the lead table: which column is which, and what each row would become (a new
//! lead, a duplicate of one already there, or a list of problems) before anything is saved.
//!
//! Duplicate rule: a row is a duplicate of a deal (an existing one, or an earlier row of the
//! same file) when
//! 1. it carries the same lead number (trimmed, any case); or
//! 2. it names the same customer (trimmed, any case, runs of spaces as one) and
//!    - the same phone: the same digits, or, with 8 digits or more, one ending with the
//!      other (`+86 138 0013 8000` is `13800138000`); or
//!    - the same email, in any case; or
//!    - neither a phone nor an email, since nothing then tells the two apart.
//!
//! Two contacts at one company with different phones are two leads.

use super::Column;
use super::{find_named, industry_names, parse_local_time, source_names, status_names};
use crate::domain::clock::NextAction;
use crate::domain::csv::{self, unguard_formula, CsvError};
use crate::domain::deal::{
    next_number, validate_customer, Deal, DealError, Grade, Source, Status, MAX_NUMBER_LEN,
};
use crate::domain::fold::FoldCase;
use crate::domain::money::parse_amount;
use crate::domain::playbook::Industry;
use crate::domain::{Id, Timestamp};

/// Which field of the file each column holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap {
    columns: [Option<usize>; Column::ALL.len()],
    /// Positions of columns not recognised, which the import leaves alone.
    pub ignored: Vec<usize>,
}

impl ColumnMap {
    /// The file's position of `column`, if the file has it.
    pub fn get(&self, column: Column) -> Option<usize> {
        self.columns[column as usize]
    }

    /// The trimmed cell of `column` in a row, with a formula guard removed; empty if absent.
    fn cell<'a>(&self, fields: &'a [String], column: Column) -> &'a str {
        self.get(column)
            .and_then(|i| fields.get(i))
            .map_or("", |s| unguard_formula(s.trim()))
    }
}

/// Recognises English and Chinese header names; the first column with a name wins, and
/// unknown or repeated columns are ignored.
pub fn map_columns(header: &[String]) -> ColumnMap {
    let mut map = ColumnMap::default();
    for (i, name) in header.iter().enumerate() {
        match find_named(&Column::ALL, Column::names, name) {
            Some(c) if map.get(c).is_none() => map.columns[c as usize] = Some(i),
            _ => map.ignored.push(i),
        }
    }
    map
}

/// What is wrong with a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Required and empty (the customer, or half of a next action).
    Missing,
    TooLong {
        max: usize,
    },
    /// Not one of the values the column takes (a grade, a status).
    NotAnOption,
    NotATime,
    NotAnAmount,
    /// Not a three-letter currency code.
    NotACurrency,
    NotAnEmail,
}

/// A problem in one cell, with the cell's text (cut to 100 characters) to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub column: Column,
    pub problem: Problem,
    pub value: String,
}

/// Which deal a duplicate row repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuplicateOf {
    Existing(Id),
    /// An earlier row of the same file, by its spreadsheet row number.
    Row(usize),
}

/// Which part of the duplicate rule matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateRule {
    SameNumber,
    SameCustomerAndPhone,
    SameCustomerAndEmail,
    SameCustomerWithoutContactDetails,
}

/// What one row of the file would become. `row` is the spreadsheet row (the header is 1).
#[derive(Clone, Debug, PartialEq)]
pub enum RowResult {
    Valid {
        row: usize,
        deal: Box<Deal>,
        next_action: Option<NextAction>,
        /// Whether the lead number came from the file (else it was given the next one).
        number_from_file: bool,
    },
    Duplicate {
        row: usize,
        of: DuplicateOf,
        rule: DuplicateRule,
    },
    Invalid {
        row: usize,
        errors: Vec<FieldError>,
    },
}

/// A file that cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Csv(#[from] CsvError),
    #[error("the file is empty")]
    Empty,
    #[error("no column holds the customer name")]
    NoCustomerColumn,
    #[error("the file has more than {max} rows")]
    TooManyRows { max: usize },
    #[error("the file is {bytes} bytes; an import takes at most {max}")]
    TooLarge { bytes: usize, max: usize },
}

/// The most rows one import takes; the plan is shown row by row.
pub const MAX_IMPORT_ROWS: usize = 5000;

/// The largest file one import reads (as a backup): checked before anything is parsed. A
/// full 5,000-row lead table with notes is a few MiB.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// What an import would do, row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub rows: Vec<RowResult>,
    /// Header names of the columns left out.
    pub ignored_columns: Vec<String>,
    /// Lead numbers the file uses, kept free when numbering rows that have none.
    file_numbers: Vec<String>,
}

const MAX_SHORT: usize = 200;
const MAX_LONG: usize = 10_000;

/// What identifies a lead for the duplicate rule, normalized.
struct Key {
    number: String,
    customer: String,
    phone: String,
    email: String,
}

impl Key {
    /// `with_number: false` for a number the import made up, which identifies nothing.
    fn of(deal: &Deal, with_number: bool) -> Key {
        let number = if with_number {
            deal.number.trim().fold_case()
        } else {
            String::new()
        };
        Key {
            number,
            customer: deal
                .customer
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .fold_case(),
            phone: deal.phone.chars().filter(char::is_ascii_digit).collect(),
            email: deal.email.trim().fold_case(),
        }
    }

    /// Which rule, if any, makes a row with this key a duplicate of `other`.
    fn repeats(&self, other: &Key) -> Option<DuplicateRule> {
        if !self.number.is_empty() && self.number == other.number {
            return Some(DuplicateRule::SameNumber);
        }
        if self.customer != other.customer {
            return None;
        }
        let (a, b) = (&self.phone, &other.phone);
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if !a.is_empty() && (a == b || (short.len() >= 8 && long.ends_with(short.as_str()))) {
            Some(DuplicateRule::SameCustomerAndPhone)
        } else if !self.email.is_empty() && self.email == other.email {
            Some(DuplicateRule::SameCustomerAndEmail)
        } else if a.is_empty() && self.email.is_empty() {
            Some(DuplicateRule::SameCustomerWithoutContactDetails)
        } else {
            None
        }
    }
}

/// Reads `text` and plans the import against the `existing` deals. Times without an offset
/// are local to the zone `offset_minutes` east of UTC; a row without an assignment time is
/// assigned `now`. `new_id` makes the ids of new deals (the UI's id generator); it is called
/// once per row that reads without problems.
pub fn plan_import(
    text: &str,
    existing: &[&Deal],
    now: Timestamp,
    offset_minutes: i32,
    mut new_id: impl FnMut() -> Id,
) -> Result<ImportPlan, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    let records = csv::parse(text)?;
    let (header, records) = records.split_first().ok_or(ImportError::Empty)?;
    if records.len() > MAX_IMPORT_ROWS {
        return Err(ImportError::TooManyRows {
            max: MAX_IMPORT_ROWS,
        });
    }
    let map = map_columns(&header.fields);
    if map.get(Column::Customer).is_none() {
        return Err(ImportError::NoCustomerColumn);
    }
    let known: Vec<Key> = existing.iter().map(|d| Key::of(d, true)).collect();
    // Every number the file uses is taken, so a made-up number never repeats a later row's.
    let file_numbers: Vec<String> = records
        .iter()
        .map(|r| map.cell(&r.fields, Column::Number).to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    let mut numbers: Vec<String> = existing.iter().map(|d| d.number.clone()).collect();
    numbers.extend(file_numbers.iter().cloned());
    let mut accepted: Vec<(usize, Key)> = Vec::new();
    let mut rows = Vec::with_capacity(records.len());
    for r in records {
        let row = r.row;
        let (mut deal, next_action) =
            match read_row(&map, &r.fields, &mut new_id, now, offset_minutes) {
                Ok(read) => read,
                Err(errors) => {
                    rows.push(RowResult::Invalid { row, errors });
                    continue;
                }
            };
        let number_from_file = !deal.number.is_empty();
        let key = Key::of(&deal, number_from_file);
        let earlier = known
            .iter()
            .zip(existing)
            .find_map(|(k, d)| Some((DuplicateOf::Existing(d.id.clone()), key.repeats(k)?)))
            .or_else(|| {
                accepted
                    .iter()
                    .find_map(|(at, k)| Some((DuplicateOf::Row(*at), key.repeats(k)?)))
            });
        if let Some((of, rule)) = earlier {
            rows.push(RowResult::Duplicate { row, of, rule });
            continue;
        }
        if !number_from_file {
            deal.number = next_number(numbers.iter().map(String::as_str));
            numbers.push(deal.number.clone());
        }
        accepted.push((row, key));
        rows.push(RowResult::Valid {
            row,
            deal: Box::new(deal),
            next_action,
            number_from_file,
        });
    }
    let ignored_columns = map
        .ignored
        .iter()
        .filter_map(|&i| header.fields.get(i).cloned())
        .collect();
    Ok(ImportPlan {
        rows,
        ignored_columns,
        file_numbers,
    })
}

impl ImportPlan {
    /// The deals to add now, with their next actions: the valid rows that are not already
    /// among `existing` (by id, or by the duplicate rule). Numbers the import made up are given
    /// again after the existing ones, so they match the plan when nothing changed since.
    /// Applying a plan a second time adds nothing.
    pub fn new_deals(&self, existing: &[&Deal]) -> Vec<(Deal, Option<NextAction>)> {
        let known: Vec<Key> = existing.iter().map(|d| Key::of(d, true)).collect();
        let mut numbers: Vec<String> = existing.iter().map(|d| d.number.clone()).collect();
        numbers.extend(self.file_numbers.iter().cloned());
        let mut out = Vec::new();
        for r in &self.rows {
            let RowResult::Valid {
                deal,
                next_action,
                number_from_file,
                ..
            } = r
            else {
                continue;
            };
            let key = Key::of(deal, *number_from_file);
            let present = existing.iter().any(|d| d.id == deal.id)
                || known.iter().any(|k| key.repeats(k).is_some());
            if present {
                continue;
            }
            let mut deal = (**deal).clone();
            if !number_from_file {
                deal.number = next_number(numbers.iter().map(String::as_str));
                numbers.push(deal.number.clone());
            }
            out.push((deal, next_action.clone()));
        }
        out
    }
}

/// One row being read, collecting the problems of its cells.
struct RowReader<'a> {
    map: &'a ColumnMap,
    fields: &'a [String],
    errors: Vec<FieldError>,
}

impl<'a> RowReader<'a> {
    fn cell(&self, column: Column) -> &'a str {
        self.map.cell(self.fields, column)
    }

    fn fail(&mut self, column: Column, problem: Problem) {
        let value = self.cell(column).chars().take(100).collect();
        self.errors.push(FieldError {
            column,
            problem,
            value,
        });
    }

    /// The cell as text of at most `max` characters.
    fn text(&mut self, column: Column, max: usize) -> String {
        let t = self.cell(column);
        if t.chars().count() > max {
            self.fail(column, Problem::TooLong { max });
        }
        t.to_owned()
    }

    /// The cell as one of `all`, `default` when empty.
    fn choice<T: Copy>(&mut self, column: Column, all: &[T], names: Names<T>, default: T) -> T {
        match self.cell(column) {
            "" => default,
            t => find_named(all, names, t).unwrap_or_else(|| {
                self.fail(column, Problem::NotAnOption);
                default
            }),
        }
    }

    /// The cell as a time, `None` when empty.
    fn time(&mut self, column: Column, offset_minutes: i32) -> Option<Timestamp> {
        match self.cell(column) {
            "" => None,
            t => {
                let parsed = parse_local_time(t, offset_minutes);
                if parsed.is_none() {
                    self.fail(column, Problem::NotATime);
                }
                parsed
            }
        }
    }
}

type Names<T> = fn(T) -> &'static [&'static str];

fn grade_names(g: Grade) -> &'static [&'static str] {
    match g {
        Grade::A => &["A", "A类", "A级"],
        Grade::B => &["B", "B类", "B级"],
        Grade::C => &["C", "C类", "C级"],
    }
}

/// Reads one row into a new deal and its next action, or every problem it has, in column
/// order. Unknown sources and industries read as Other and Generic (harmless); an unknown
/// grade or status is a problem, since the follow-up plan depends on them.
fn read_row(
    map: &ColumnMap,
    fields: &[String],
    new_id: &mut impl FnMut() -> Id,
    now: Timestamp,
    offset_minutes: i32,
) -> Result<(Deal, Option<NextAction>), Vec<FieldError>> {
    let mut r = RowReader {
        map,
        fields,
        errors: Vec::new(),
    };
    let number = r.text(Column::Number, MAX_NUMBER_LEN);
    let customer = validate_customer(r.cell(Column::Customer)).unwrap_or_else(|e| {
        let problem = match e {
            DealError::CustomerMissing => Problem::Missing,
            DealError::CustomerTooLong { max } => Problem::TooLong { max },
        };
        r.fail(Column::Customer, problem);
        String::new()
    });
    let contact = r.text(Column::Contact, MAX_SHORT);
    let phone = r.text(Column::Phone, MAX_SHORT);
    let email = r.text(Column::Email, MAX_SHORT);
    if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
        r.fail(Column::Email, Problem::NotAnEmail);
    }
    let source = find_named(&Source::ALL, source_names, r.cell(Column::Source)).unwrap_or_default();
    let grade = r.choice(Column::Grade, &Grade::ALL, grade_names, Grade::default());
    let assigned_at = r.time(Column::AssignedAt, offset_minutes).unwrap_or(now);
    let first_follow_up_at = r.time(Column::FirstFollowUpAt, offset_minutes);
    let notes = r.text(Column::FollowUpRecord, MAX_LONG);
    let status = r.choice(
        Column::Status,
        &Status::ALL,
        status_names,
        Status::default(),
    );
    let task = r.text(Column::NextAction, MAX_LONG);
    let due = r.time(Column::NextActionDue, offset_minutes);
    match (task.is_empty(), r.cell(Column::NextActionDue).is_empty()) {
        (false, true) => r.fail(Column::NextActionDue, Problem::Missing),
        (true, false) => r.fail(Column::NextAction, Problem::Missing),
        _ => {}
    }
    let owner = r.text(Column::Owner, MAX_SHORT);
    let industry =
        find_named(&Industry::ALL, industry_names, r.cell(Column::Industry)).unwrap_or_default();
    let currency = r.cell(Column::Currency).to_ascii_uppercase();
    let value_minor = match r.cell(Column::Value) {
        "" => 0,
        v => parse_amount(v, &currency).unwrap_or_else(|| {
            r.fail(Column::Value, Problem::NotAnAmount);
            0
        }),
    };
    let code_like = currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase());
    if !currency.is_empty() && !code_like {
        r.fail(Column::Currency, Problem::NotACurrency);
    }
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let mut deal = Deal::new(new_id(), &customer, &[], now).map_err(|_| Vec::new())?;
    deal.number = number;
    deal.contact = contact;
    deal.phone = phone;
    deal.email = email;
    deal.source = source;
    deal.industry = industry;
    deal.grade = grade;
    deal.status = status;
    deal.owner = owner;
    deal.notes = notes;
    deal.value_minor = value_minor;
    deal.currency = currency;
    deal.assigned_at = assigned_at;
    deal.first_follow_up_at = first_follow_up_at;
    let next_action = due.map(|due| NextAction {
        task,
        due,
        done_at: None,
    });
    Ok((deal, next_action))
}
