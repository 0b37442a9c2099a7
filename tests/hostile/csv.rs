//! The lead table as CSV: the import plan row by row against deals already there (a duplicate
//! is never imported twice), and the export of what was imported, where a cell a spreadsheet
//! would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`) must be neutralised.

use super::case::{check_both, variant, Case, Expect, RowExpect};
use chrono::{TimeZone, Utc};
use sales_playbook::domain::csv::{parse as parse_csv, unguard_formula};
use sales_playbook::domain::deal::Deal;
use sales_playbook::domain::deal_csv::{
    export_deals, plan_import, Column, DuplicateOf, ImportPlan, RowResult,
};
use sales_playbook::domain::{Id, Locale, Timestamp};
use sales_playbook::i18n::csv_errors::{describe_csv_import_error, describe_row};
use serde::Deserialize;

/// China Standard Time, east of UTC.
const OFFSET_MINUTES: i32 = 480;

/// What a cell must not start with in an exported file (OWASP, CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

/// Ids for new deals, as the UI's generator makes them.
fn ids() -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id::generate(1_795_000_000_000, n)
    }
}

/// The leads already in this browser: `L-0001` Acme (with a phone) and `L-0002` 华东精密制造
/// (with an email).
fn existing() -> Vec<Deal> {
    let mut acme = Deal::new(Id::parse("k1-old00001").unwrap(), "Acme", &[], now()).unwrap();
    acme.number = "L-0001".into();
    acme.phone = "13800138000".into();
    let mut hd = Deal::new(
        Id::parse("k1-old00002").unwrap(),
        "华东精密制造",
        &[],
        now(),
    )
    .unwrap();
    hd.number = "L-0002".into();
    hd.email = "li@hd.cn".into();
    vec![acme, hd]
}

/// A CSV file planned against the existing leads.
pub fn import(case: &Case, input: &str) -> Result<(), String> {
    let existing = existing();
    let refs: Vec<&Deal> = existing.iter().collect();
    let planned = plan_import(input, &refs, now(), OFFSET_MINUTES, ids());
    if existing != self::existing() {
        return Err("planning changed the existing leads".into());
    }
    match (&case.expect, planned) {
        (Expect::Rejected { error, en, zh, .. }, Err(err)) => {
            let got = variant(&format!("{err:?}"));
            if &got != error {
                return Err(format!("rejected with {err:?}; expected {error}"));
            }
            check_both(
                &describe_csv_import_error(Locale::En, &err),
                &describe_csv_import_error(Locale::ZhCn, &err),
                en,
                zh,
            )
        }
        (Expect::Rejected { error, .. }, Ok(_)) => Err(format!("planned; expected {error}")),
        (_, Err(err)) => Err(format!("rejected with {err:?}; expected a plan")),
        (Expect::Rows { rows, exported }, Ok(plan)) => {
            check_rows(&plan, rows, &refs)?;
            imported_once(&plan, input, &existing, exported)
        }
        (other, Ok(_)) => Err(format!("{other:?} is not an outcome of a CSV import")),
    }
}

/// Each row of the plan against what the manifest expects, with its message.
fn check_rows(plan: &ImportPlan, want: &[RowExpect], existing: &[&Deal]) -> Result<(), String> {
    if plan.rows.len() != want.len() {
        let got: Vec<String> = plan.rows.iter().map(|r| format!("{r:?}")).collect();
        return Err(format!(
            "{} rows planned; expected {}: {got:#?}",
            got.len(),
            want.len()
        ));
    }
    for (got, want) in plan.rows.iter().zip(want) {
        let (row, result) = match got {
            RowResult::Valid { row, deal, .. } => {
                if want.customer.as_ref().is_some_and(|c| *c != deal.customer) {
                    return Err(format!("row {row} reads customer {:?}", deal.customer));
                }
                (*row, "valid".to_string())
            }
            RowResult::Invalid { row, errors } => {
                let problems: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{:?}:{}", e.column, variant(&format!("{:?}", e.problem))))
                    .collect();
                if problems != want.problems {
                    return Err(format!("row {row} has problems {problems:?}"));
                }
                (*row, "invalid".to_string())
            }
            RowResult::Duplicate { row, of, rule } => {
                let of = match of {
                    DuplicateOf::Row(r) => format!("row {r}"),
                    DuplicateOf::Existing(id) => {
                        let d = existing
                            .iter()
                            .find(|d| &d.id == id)
                            .ok_or("no such lead")?;
                        format!("existing {}", d.number)
                    }
                };
                let rule = format!("{rule:?}");
                if Some(&of) != want.of.as_ref() || Some(&rule) != want.rule.as_ref() {
                    return Err(format!("row {row} repeats {of} by {rule}"));
                }
                (*row, "duplicate".to_string())
            }
        };
        if (row, result.as_str()) != (want.row, want.result.as_str()) {
            return Err(format!(
                "row {row} is {result}; expected row {} {}",
                want.row, want.result
            ));
        }
        let en = describe_row(Locale::En, got, existing);
        let zh = describe_row(Locale::ZhCn, got, existing);
        match (en, zh) {
            (None, None) if result == "valid" => {}
            (Some(en), Some(zh)) if result != "valid" => {
                let row_en = format!("Row {row}");
                let row_zh = format!("第 {row} 行");
                check_both(&en, &zh, &want.en, &want.zh)?;
                if !en.contains(&row_en) || !zh.contains(&row_zh) {
                    return Err(format!("the messages {en:?} / {zh:?} do not name the row"));
                }
            }
            (en, zh) => return Err(format!("row {row} is {result} but reads {en:?} / {zh:?}")),
        }
    }
    Ok(())
}

/// Imports the plan's new leads, then checks that nothing is imported twice and that the export
/// of the new leads is neutralised and reads back to the same customers.
fn imported_once(
    plan: &ImportPlan,
    input: &str,
    existing: &[Deal],
    exported: &[String],
) -> Result<(), String> {
    let refs: Vec<&Deal> = existing.iter().collect();
    let valid = plan
        .rows
        .iter()
        .filter(|r| matches!(r, RowResult::Valid { .. }))
        .count();
    let new: Vec<Deal> = plan.new_deals(&refs).into_iter().map(|(d, _)| d).collect();
    if new.len() != valid {
        return Err(format!(
            "{} leads to add from {valid} valid rows",
            new.len()
        ));
    }
    let mut all: Vec<&Deal> = refs.clone();
    all.extend(new.iter());
    if !plan.new_deals(&all).is_empty() {
        return Err("applying the plan a second time would add leads again".into());
    }
    let again = plan_import(input, &all, now(), OFFSET_MINUTES, ids())
        .map_err(|e| format!("the second import failed: {e:?}"))?;
    if let Some(r) = again
        .rows
        .iter()
        .find(|r| matches!(r, RowResult::Valid { .. }))
    {
        return Err(format!("importing the file again would add {r:?}"));
    }
    let new_refs: Vec<&Deal> = new.iter().collect();
    check_export(&new_refs, exported)
}

/// The export of `deals` in both languages: every cell of `want` in it, no cell that would run
/// as a formula, and the customers read back as they were.
fn check_export(deals: &[&Deal], want: &[String]) -> Result<(), String> {
    for locale in Locale::ALL {
        let file = export_deals(deals, locale, OFFSET_MINUTES);
        let records = parse_csv(&file).map_err(|e| format!("the export does not read: {e}"))?;
        let value_column = Column::ALL.iter().position(|c| *c == Column::Value);
        for record in records.iter().skip(1) {
            for (i, cell) in record.fields.iter().enumerate() {
                if Some(i) != value_column && cell.starts_with(FORMULA_START) {
                    return Err(format!("the export has a formula cell {cell:?}"));
                }
            }
        }
        for cell in want {
            if !records.iter().any(|r| r.fields.contains(cell)) {
                return Err(format!("the export has no cell {cell:?}: {file:?}"));
            }
        }
        // The guard is undone on import: each customer reads back as it was.
        let header = &records.first().ok_or("the export has no header")?.fields;
        let label = Column::Customer.label(locale);
        let at = header.iter().position(|h| h.as_str() == label);
        let customers: Vec<&str> = records
            .iter()
            .skip(1)
            .filter_map(|r| r.fields.get(at?))
            .map(|cell| unguard_formula(cell.trim()))
            .collect();
        let originals: Vec<&str> = deals.iter().map(|d| d.customer.trim()).collect();
        if customers != originals {
            return Err(format!(
                "the export reads back as {customers:?}, not {originals:?}"
            ));
        }
    }
    Ok(())
}

/// Deals written as JSON (`customer` and any text fields), exported.
pub fn export(case: &Case, input: &str) -> Result<(), String> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Written {
        customer: String,
        #[serde(default)]
        number: String,
        #[serde(default)]
        contact: String,
        #[serde(default)]
        phone: String,
        #[serde(default)]
        email: String,
        #[serde(default)]
        owner: String,
        #[serde(default)]
        notes: String,
        #[serde(default)]
        currency: String,
    }
    let written: Vec<Written> = serde_json::from_str(input).map_err(|e| e.to_string())?;
    let mut next = ids();
    let deals: Vec<Deal> = written
        .into_iter()
        .map(|w| {
            let mut d = Deal::new(next(), &w.customer, &[], now()).map_err(|e| e.to_string())?;
            d.customer = w.customer;
            d.number = w.number;
            d.contact = w.contact;
            d.phone = w.phone;
            d.email = w.email;
            d.owner = w.owner;
            d.notes = w.notes;
            d.currency = w.currency;
            Ok(d)
        })
        .collect::<Result<_, String>>()?;
    let refs: Vec<&Deal> = deals.iter().collect();
    match &case.expect {
        Expect::Exported { cells } if !cells.is_empty() => check_export(&refs, cells),
        other => Err(format!("{other:?} is not an outcome of a CSV export")),
    }
}
