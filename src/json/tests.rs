use super::*;
use crate::domain::deal::Grade;
use crate::domain::field::{Answer, FieldKind};
use crate::domain::script::StepKind;
use std::collections::BTreeMap;

/// serde_json's reading of a text, as our `Value` (through its compact text), or its error.
fn serde_reading(text: &str) -> Result<Value, String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| parse(&v.to_string()).expect("serde_json writes JSON"))
        .map_err(|e| e.to_string())
}

#[test]
fn reads_what_serde_json_reads_and_rejects_what_it_rejects() {
    let texts = [
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "12",
        "-7",
        "1.5",
        "-0.25e-3",
        "1E5",
        "2e+2",
        "9223372036854775807",
        "-9223372036854775808",
        "18446744073709551615",
        "123456789012345678901234567890",
        "\"\"",
        r#""a\"b\\c\/d\b\f\n\r\t""#,
        r#""\u00e9\u4e2d\ud83d\ude00""#,
        "\"中文 ✓\"",
        "[]",
        "[1, [2, [3]], {}]",
        r#"{"a": 1, "b": [true, null], "c": {"d": "e"}}"#,
        r#"{"a": 1, "a": 2}"#,
        "\n\t{ \"x\" :\r\n 1 }\n",
        "",
        " ",
        "nul",
        "tru",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\" 1}",
        "{1: 2}",
        "{\"a\":}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "[",
        "{",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"tab\there\"",
        "1 2",
        "[]]",
        "NaN",
        "Infinity",
        "\u{feff}1",
    ];
    for text in texts {
        let ours = parse(text);
        match (serde_reading(text), &ours) {
            (Ok(theirs), Ok(ours)) => assert!(same(ours, &theirs), "{text:?}: {ours:?}"),
            (Err(_), Err(_)) => {}
            (theirs, ours) => panic!("{text:?}: serde_json {theirs:?}, ours {ours:?}"),
        }
    }
}

/// Equal values, numbers with a fraction or exponent compared as the `f64` they read as
/// (ours keeps their text, serde_json's text of them is its own).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(Number::Float(_)), Value::Number(_))
        | (Value::Number(_), Value::Number(Number::Float(_))) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((k, a), (l, b))| k == l && same(a, b))
        }
        _ => a == b,
    }
}

#[test]
fn a_number_beyond_f64_is_json_but_not_an_f64() {
    for text in ["1e400", "-1e400"] {
        let value = parse(text).unwrap();
        assert_eq!(to_string(&value), text, "kept as written");
        assert_eq!(
            from_value::<f64>(&value).unwrap_err().to_string(),
            "number out of range"
        );
    }
    assert_eq!(from_str::<f64>("-0.25e-3"), Ok(-0.00025));
}

#[test]
fn syntax_errors_say_what_and_where_in_serde_json_words() {
    let cases = [
        ("", "EOF while parsing a value at line 1 column 0", true),
        (
            "{\"a\": 1,\n  \"b\": }",
            "expected value at line 2 column 8",
            false,
        ),
        ("[1, 2", "EOF while parsing a list at line 1 column 5", true),
        (
            "{\"a\"",
            "EOF while parsing an object at line 1 column 4",
            true,
        ),
        (
            "\"abc",
            "EOF while parsing a string at line 1 column 4",
            true,
        ),
        ("[1,]", "trailing comma at line 1 column 4", false),
        (
            "{\"a\":1} x",
            "trailing characters at line 1 column 9",
            false,
        ),
        ("{\"名字\": x}", "expected value at line 1 column 8", false),
        ("[", "EOF while parsing a list at line 1 column 1", true),
        (
            "\"\\ud800\\",
            "EOF while parsing a string at line 1 column 8",
            true,
        ),
        (
            "\"\\ud800x",
            "lone leading surrogate in hex escape at line 1 column 8",
            false,
        ),
        (
            "\"\\ude02",
            "invalid unicode code point at line 1 column 7",
            false,
        ),
    ];
    for (text, message, eof) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!(e.to_string(), message, "{text:?}");
        assert_eq!(e.is_eof(), eof, "{text:?}");
    }
    let e = parse("{\n\n   x").unwrap_err();
    assert_eq!((e.line(), e.column()), (3, 4));
}

#[test]
fn nesting_deeper_than_128_is_refused_not_a_stack_overflow() {
    let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(parse(&ok).is_ok());
    let e = parse(&format!("{}{}", "[".repeat(128), "]".repeat(128))).unwrap_err();
    assert_eq!(
        e.to_string(),
        "recursion limit exceeded at line 1 column 128"
    );
    let deep = "[".repeat(100_000);
    assert!(parse(&deep)
        .unwrap_err()
        .to_string()
        .starts_with("recursion limit exceeded"));
}

#[test]
fn writes_what_serde_json_writes() {
    let value = parse(r#"{"b":[1,-2,1.5,true,null,"x\"\\\n\u0001é"],"a":{},"c":[],"d":{"e":0.1}}"#)
        .unwrap();
    let theirs: serde_json::Value = serde_json::from_str(&to_string(&value)).unwrap();
    assert_eq!(to_string(&value), theirs.to_string());
    assert_eq!(
        to_string_pretty(&value),
        serde_json::to_string_pretty(&theirs).unwrap()
    );
    assert_eq!(to_string(&f64::NAN), "null");
    assert_eq!(to_string(&1.0f64), "1.0");
    assert_eq!(parse(&to_string(&1e300f64)).unwrap().as_f64(), Some(1e300));
    assert_eq!(parse(&to_string(&0.1f64)).unwrap().as_f64(), Some(0.1));
}

#[test]
fn floats_are_written_as_debug_writes_them_without_debug() {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let edges = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        1e-4,
        9.999e-5,
        1e16,
        9_999_999_999_999_998.0,
        1e21,
        1e300,
        -1.5e-7,
        123.456,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
    ];
    // Random bit patterns cover every exponent; the edges, the switch to exponents.
    let randoms = (0..200_000).map(|_| f64::from_bits(next()));
    for f in edges.into_iter().chain(randoms).filter(|f| f.is_finite()) {
        let text = to_string(&f);
        assert_eq!(text, format!("{f:?}"));
        assert_eq!(
            from_str::<f64>(&text).map(f64::to_bits),
            Ok(f.to_bits()),
            "{text}"
        );
    }
}

#[test]
fn a_record_with_a_key_twice_is_refused_but_a_plain_value_keeps_the_last() {
    let text = "{\"name\": \"a\",\n \"name\": \"b\"}";
    let e = from_str::<Record>(text).unwrap_err();
    assert_eq!(e.to_string(), "duplicate field `name` at line 2 column 2");
    assert_eq!(parse(text).unwrap().get("name"), Some(&Value::from("b")));
}

#[test]
fn numbers_must_fit_their_type() {
    assert_eq!(from_str::<u64>("18446744073709551615"), Ok(u64::MAX));
    assert_eq!(to_string(&u64::MAX), "18446744073709551615");
    assert_eq!(
        from_str::<u32>("18446744073709551615")
            .unwrap_err()
            .to_string(),
        "invalid value: integer `18446744073709551615`, expected u32"
    );
    assert_eq!(from_str::<u8>("255"), Ok(255));
    for (text, message) in [
        ("256", "invalid value: integer `256`, expected u8"),
        ("-1", "invalid value: integer `-1`, expected u8"),
        ("1.5", "invalid type: floating point `1.5`, expected u8"),
        ("\"5\"", "invalid type: string \"5\", expected u8"),
    ] {
        assert_eq!(from_str::<u8>(text).unwrap_err().to_string(), message);
    }
    assert_eq!(from_str::<f64>("3"), Ok(3.0));
    assert_eq!(from_str::<i64>("-9223372036854775808"), Ok(i64::MIN));
}

#[derive(Debug, Default, PartialEq, Json)]
struct Record {
    name: String,
    #[json(default)]
    tags: Vec<String>,
    maybe: Option<u32>,
    #[json(default = "seven")]
    count: u32,
    #[json(rename = "zh-CN", default, skip_serializing_if = "String::is_empty")]
    chinese: String,
}

fn seven() -> u32 {
    7
}

#[derive(Debug, PartialEq, Json)]
#[json(default)]
struct Defaults {
    a: u32,
    b: String,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            a: 42,
            b: "b".into(),
        }
    }
}

#[test]
fn missing_members_take_their_defaults_and_options_read_as_none() {
    let r: Record = from_str(r#"{"name":"x","unknown":[1,2]}"#).unwrap();
    assert_eq!(
        r,
        Record {
            name: "x".into(),
            tags: vec![],
            maybe: None,
            count: 7,
            chinese: String::new()
        }
    );
    assert_eq!(
        to_string(&r),
        r#"{"name":"x","tags":[],"maybe":null,"count":7}"#
    );
    let r: Record = from_str(r#"{"name":"x","zh-CN":"中","maybe":3}"#).unwrap();
    assert_eq!((r.maybe, r.chinese.as_str()), (Some(3), "中"));
    assert_eq!(from_str::<Record>(&to_string(&r)).unwrap(), r);
    assert_eq!(
        from_str::<Defaults>(r#"{"b":"set"}"#).unwrap(),
        Defaults {
            a: 42,
            b: "set".into()
        }
    );
}

#[test]
fn shape_errors_name_the_member_that_is_wrong() {
    let e = from_str::<Record>(r#"{"tags":[]}"#).unwrap_err();
    assert_eq!(e.to_string(), "missing field `name`");
    let e = from_str::<Record>(r#"{"name":"x","tags":["a",5]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: integer `5`, expected a string at tags[1]"
    );
    assert_eq!(e.line(), 0);
    let e = from_str::<Record>("[]").unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: sequence, expected struct Record"
    );
    let e = from_str::<BTreeMap<String, Vec<Record>>>(r#"{"k":[{"name":null}]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: null, expected a string at k[0].name"
    );
}

#[test]
fn enums_keep_serde_layouts_and_fall_back_on_unknown_names() {
    assert_eq!(to_string(&Grade::A), r#""A""#);
    assert_eq!(from_str::<Grade>(r#""B""#), Ok(Grade::B));
    assert_eq!(
        to_string(&StepKind::Say { verbatim: true }),
        r#"{"type":"say","verbatim":true}"#
    );
    assert_eq!(
        from_str::<StepKind>(r#"{"type":"ask"}"#),
        Ok(StepKind::Ask {
            field: String::new()
        })
    );
    assert_eq!(
        from_str::<StepKind>(r#"{"type":"sing"}"#),
        Ok(StepKind::Unknown)
    );
    assert_eq!(
        from_str::<StepKind>(r#"{"verbatim":true}"#)
            .unwrap_err()
            .to_string(),
        "missing field `type`"
    );
    assert_eq!(
        to_string(&FieldKind::Score { min: 1, max: 10 }),
        r#"{"type":"score","min":1,"max":10}"#
    );
    let money = Answer::Money {
        minor: 1250,
        currency: "CNY".into(),
    };
    let text = to_string(&money);
    assert_eq!(
        text,
        r#"{"type":"money","value":{"minor":1250,"currency":"CNY"}}"#
    );
    assert_eq!(from_str::<Answer>(&text), Ok(money));
    assert_eq!(
        to_string(&Answer::YesNo(true)),
        r#"{"type":"yes_no","value":true}"#
    );
    assert_eq!(
        from_str::<Answer>(r#"{"type":"guess","value":1}"#)
            .unwrap_err()
            .to_string(),
        "unknown variant `guess`, expected one of `text`, `number`, `money`, `date`, \
         `choice`, `yes_no`, `score`"
    );
}

#[test]
fn a_unit_variant_beside_data_variants_is_its_name_or_a_map_to_null() {
    use crate::domain::overlay::{Edit, OverlayEntry};
    let deleted = OverlayEntry {
        edit: Edit::Deleted,
        imported: false,
    };
    assert_eq!(
        to_string(&deleted),
        r#"{"edit":"deleted","imported":false}"#
    );
    assert_eq!(from_str(r#"{"edit":{"deleted":null}}"#), Ok(deleted));
    assert_eq!(
        from_str::<OverlayEntry>(r#"{"edit":{"deleted":5}}"#)
            .unwrap_err()
            .to_string(),
        "invalid type: integer `5`, expected null at edit"
    );
    assert!(from_str::<OverlayEntry>(r#"{"edit":{"put":null,"deleted":null}}"#).is_err());
}
