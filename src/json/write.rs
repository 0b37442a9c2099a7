//! Writing JSON text, compact or indented by two spaces (`serde_json`'s pretty layout).

use std::fmt::Write as _;

/// Builds JSON text. Containers are opened and closed explicitly; [`Writer::key`] and
/// [`Writer::item`] put the commas and, when pretty, the line breaks.
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the open container has no member yet.
    empty: bool,
}

impl Writer {
    pub fn new(pretty: bool) -> Self {
        Writer {
            out: String::new(),
            pretty,
            depth: 0,
            empty: true,
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn separate(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an object member; its value is written next.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.string(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// Starts an array element; its value is written next.
    pub fn item(&mut self) {
        self.separate();
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    pub fn int(&mut self, n: i64) {
        let _ = write!(self.out, "{n}");
    }

    pub fn uint(&mut self, n: u64) {
        let _ = write!(self.out, "{n}");
    }

    /// Shortest text that reads back as the same number, as Rust's `{:?}` writes it (`1.0`,
    /// `1.5e-7`, `1e16`) without `Debug`, which the release build compiles out; JSON has no
    /// NaN or infinity, so those are written as `null`, as `serde_json` does.
    pub fn float(&mut self, f: f64) {
        let a = f.abs();
        if !f.is_finite() {
            self.null();
        } else if a != 0.0 && !(1e-4..1e16).contains(&a) {
            let _ = write!(self.out, "{f:e}");
        } else {
            let start = self.out.len();
            let _ = write!(self.out, "{f}");
            if !self.out[start..].contains('.') {
                self.out.push_str(".0");
            }
        }
    }

    /// A number's text as it was read (already valid JSON).
    pub(crate) fn raw(&mut self, number: &str) {
        self.out.push_str(number);
    }

    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut start = 0;
        for (i, c) in s.char_indices() {
            let escaped = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u{8}' => "\\b",
                '\u{c}' => "\\f",
                c if (c as u32) < 0x20 => "",
                _ => continue,
            };
            self.out.push_str(&s[start..i]);
            if escaped.is_empty() {
                let _ = write!(self.out, "\\u{:04x}", c as u32);
            } else {
                self.out.push_str(escaped);
            }
            start = i + 1;
        }
        self.out.push_str(&s[start..]);
        self.out.push('"');
    }
}
