//! The JSON parser (RFC 8259): strict, with a nesting limit, and errors that say where.

use super::value::{Map, Number, Value};
use super::Error;

/// Deepest nesting of arrays and objects accepted, as in `serde_json`: deeper input is
/// hostile, and recursing into it would overflow the stack.
const MAX_DEPTH: usize = 128;

/// Parses a whole document; only whitespace may surround the value. Of duplicate keys in an
/// object the last wins, unless `strict`, where a duplicate is an error (as serde's derive
/// rejects a record with a field twice).
pub fn parse(text: &str, strict: bool) -> Result<Value, Error> {
    let mut p = Parser {
        text: text.as_bytes(),
        at: 0,
        depth: 0,
        strict,
    };
    let value = p.value()?;
    p.skip_ws();
    if p.at < p.text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
    strict: bool,
}

impl Parser<'_> {
    /// An error at the current byte, or at the end of the text ("EOF while …").
    fn error(&self, message: &str) -> Error {
        let at = self.at.min(self.text.len());
        let eof = message.starts_with("EOF");
        let line_start = self.text[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + self.text[..line_start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        // Columns count characters, so a line of Chinese text points at the right one; at
        // the end of the text the column is that of the last character, as serde_json says.
        let chars = |s: &[u8]| s.iter().filter(|&&b| (b as i8) >= -0x40).count();
        let column = chars(&self.text[line_start..at]) + usize::from(at < self.text.len());
        Error::syntax(message, line, column, eof)
    }

    fn eof_or(&self, eof: &str, other: &str) -> Error {
        self.error(if self.at >= self.text.len() {
            eof
        } else {
            other
        })
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                None => return Err(self.error("EOF while parsing a value")),
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    /// After `[`.
    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek().is_none() {
            return Err(self.error("EOF while parsing a list"));
        }
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.eof_or("EOF while parsing a list", "expected `,` or `]`")),
            }
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Value, Error> {
        let mut map = Map::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.eof_or("EOF while parsing an object", "key must be a string"));
            }
            let key_at = self.at;
            let key = self.string()?;
            if self.strict && map.contains_key(&key) {
                self.at = key_at;
                return Err(self.error(&format!("duplicate field `{key}`")));
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.eof_or("EOF while parsing an object", "expected `:`"));
            }
            self.at += 1;
            let value = self.value()?;
            map.insert(key, value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.eof_or("EOF while parsing an object", "expected `,` or `}`")),
            }
        }
    }

    /// At the opening quote.
    fn string(&mut self) -> Result<String, Error> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a `str` and the run stops only at ASCII bytes: a whole UTF-8 run.
            out.push_str(std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// After a backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        out.push(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    match (self.peek(), self.text.get(self.at + 1)) {
                        (Some(b'\\'), Some(b'u')) => {}
                        (None, _) | (Some(b'\\'), None) => {
                            return Err(self.error("EOF while parsing a string"))
                        }
                        _ => return Err(self.error("lone leading surrogate in hex escape")),
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?
            }
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        });
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.error("invalid escape"))?,
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.peek() {
                p.at += 1;
            }
            p.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let lead_zero = self.peek() == Some(b'0');
        let whole = digits(self);
        if whole == 0 {
            return Err(self.eof_or("EOF while parsing a value", "invalid number"));
        }
        if lead_zero && whole > 1 {
            self.at = start + usize::from(self.text[start] == b'-') + 1;
            return Err(self.error("invalid number"));
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            float = true;
            if digits(self) == 0 {
                return Err(self.eof_or("EOF while parsing a value", "invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            float = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.eof_or("EOF while parsing a value", "invalid number"));
            }
        }
        // Only ASCII digits, signs, dots and exponents were consumed.
        let text = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        // `-0` is the float -0.0, as serde_json reads it.
        if !float && text != "-0" {
            if let Ok(n) = text.parse::<i64>() {
                return Ok(Value::Number(Number::Int(n)));
            }
            if let Ok(n) = text.parse::<u64>() {
                return Ok(Value::Number(Number::UInt(n)));
            }
        }
        // Whether it fits an f64 is checked when it is read as one (`f64::from_json`).
        Ok(Value::Number(Number::Float(text.into())))
    }
}
