//! Inputs too large to commit, made when the test runs: 10 MiB files, nesting 100,000 levels
//! deep, and text built to make a parser or renderer slow.

/// The input `name` makes.
pub fn make(name: &str) -> Result<String, String> {
    Ok(match name {
        "backup_ten_mib" => ten_mib(backup_around),
        "backup_deep_nesting" => backup_around(&nested(100_000)),
        "pack_ten_mib" => ten_mib(pack_around),
        "pack_deep_nesting" => pack_around(&nested(100_000)),
        "pack_long_string" => pack_around(&format!(
            r#"{{"stages":[{{"id":"won","kind":"review","name":{{"en":"Won"}},"guide":{{"en":"{}"}}}}]}}"#,
            "长".repeat(20_001)
        )),
        "pack_too_many_entities" => {
            let one = r#"{"id":"o","category":"price","objection":{"en":"Too dear"}}"#;
            let all = vec![one; 2_001].join(",");
            pack_around(&format!(r#"{{"objections":[{all}]}}"#))
        }
        "pack_huge_script" => pack_around(&long_script()),
        "csv_too_many_rows" => {
            let rows: String = (0..5_001).map(|i| format!("Customer {i}\r\n")).collect();
            format!("Customer\r\n{rows}")
        }
        "csv_ten_mib" => {
            let notes = "x".repeat(10 * 1024 * 1024 / 3);
            let rows: String = (1..=3).map(|i| format!("C{i},{notes}\r\n")).collect();
            format!("Customer,Follow-up record\r\n{rows}")
        }
        "csv_six_mib" => {
            let notes = "x".repeat(2 * 1024 * 1024);
            let rows: String = (1..=3).map(|i| format!("C{i},{notes}\r\n")).collect();
            format!("Customer,Follow-up record\r\n{rows}")
        }
        "template_deep_nesting" => "{{#if budget_range}}".repeat(100_000),
        "markdown_unmatched_brackets" => "[".repeat(200_000),
        "markdown_unclosed_link_targets" => "[](".repeat(70_000),
        "markdown_underscore_openers" => "(_a".repeat(70_000),
        "markdown_deep_nesting" => {
            format!("{}x\n\n{}y", "> ".repeat(100_000), "- ".repeat(100_000))
        }
        other => return Err(format!("no generator {other:?}")),
    })
}

/// `[[[…]]]`, `depth` levels deep.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// A well-formed file of exactly 10 MiB: `around` of a record padded to fit.
fn ten_mib(around: fn(&str) -> String) -> String {
    const SIZE: usize = 10 * 1024 * 1024;
    let shell = around("\"\"").len();
    let padded = format!("\"{}\"", "x".repeat(SIZE - shell));
    let file = around(&padded);
    assert_eq!(file.len(), SIZE);
    file
}

/// A backup whose one deal record is `record`.
fn backup_around(record: &str) -> String {
    format!(
        r#"{{"format":"sales-playbook-backup","schema":1,"exported_at":"2026-11-23T09:30:00Z","records":{{"sp:deal:k1-new00001":{record}}}}}"#
    )
}

/// A pack whose playbook is `playbook`.
fn pack_around(playbook: &str) -> String {
    format!(
        r#"{{"format":"sales-playbook-pack","version":1,"name":"Big","exported_at":"2026-11-23T09:30:00Z","playbook":{playbook}}}"#
    )
}

/// A playbook of one stage and one script whose steps run in a single line to an end, as many
/// as fit a pack of the largest size accepted (2 MiB).
fn long_script() -> String {
    const BUDGET: usize = 2 * 1024 * 1024 - 600;
    let mut steps = String::new();
    let mut i = 0;
    loop {
        let step = format!(
            r#"{{"id":"s{i}","text":{{"en":"Say {i}","zh":"说 {i}"}},"next":"s{}"}},"#,
            i + 1
        );
        if steps.len() + step.len() > BUDGET {
            break;
        }
        steps.push_str(&step);
        i += 1;
    }
    let end = format!(r#"{{"id":"s{i}","text":{{"en":"Bye","zh":"再见"}},"end":true}}"#);
    format!(
        r#"{{"stages":[{{"id":"stage-lead","kind":"lead_development","name":{{"en":"Leads","zh":"线索"}}}}],"scripts":[{{"id":"long-call","title":{{"en":"Long call","zh":"长话术"}},"stage":"lead_development","start":"s0","steps":[{steps}{end}]}}]}}"#
    )
}
