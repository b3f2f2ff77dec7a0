//! A small JSON writer for the emitters that produce JSON (OpenAPI) or JavaScript literals
//! (TypeScript): a value tree that keeps the order of object keys, written with two-space
//! indentation, and the string escaper both use.
//!
//! Hand-written rather than `serde_json` so that build scripts, which depend on errcat-build,
//! do not compile a JSON library they never use.

use std::fmt::Write as _;

/// The width of a line of [`Json::pretty`], past which arrays and objects are broken up.
pub const WIDTH: usize = 100;

/// A JSON value. Objects keep their keys in the order given, so the output is deterministic.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Bool(bool),
    Int(i64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// A string value.
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// An object from `(key, value)` pairs, in that order.
    pub fn object<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The value written over several lines, two spaces per level, with a final newline. An
    /// array or object that fits on its line (of [`WIDTH`] characters) is written on it.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0, 0);
        out.push('\n');
        out
    }

    /// The value on one line, with a space after each `:` and `,`.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write_compact(&mut out);
        out
    }

    /// Writes the value at nesting `level`, where `used` characters of its line are taken.
    fn write(&self, out: &mut String, level: usize, used: usize) {
        let indent = |out: &mut String, level: usize| {
            for _ in 0..level {
                out.push_str("  ");
            }
        };
        if matches!(self, Json::Array(_) | Json::Object(_)) {
            let compact = self.compact();
            // The comma after it counts as well.
            if used + compact.chars().count() < WIDTH {
                out.push_str(&compact);
                return;
            }
        }
        match self {
            Json::Array(items) if !items.is_empty() => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    indent(out, level + 1);
                    item.write(out, level + 1, 2 * (level + 1));
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                indent(out, level);
                out.push(']');
            }
            Json::Object(pairs) if !pairs.is_empty() => {
                out.push_str("{\n");
                for (i, (key, value)) in pairs.iter().enumerate() {
                    indent(out, level + 1);
                    let key = string(key);
                    out.push_str(&key);
                    out.push_str(": ");
                    value.write(out, level + 1, 2 * (level + 1) + key.chars().count() + 2);
                    out.push_str(if i + 1 < pairs.len() { ",\n" } else { "\n" });
                }
                indent(out, level);
                out.push('}');
            }
            scalar => scalar.write_compact(out),
        }
    }

    fn write_compact(&self, out: &mut String) {
        match self {
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Str(s) => out.push_str(&string(s)),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_compact(out);
                }
                out.push(']');
            }
            Json::Object(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&string(key));
                    out.push_str(": ");
                    value.write_compact(out);
                }
                out.push('}');
            }
        }
    }
}

/// `s` as a quoted JSON string, which is also a valid JavaScript string literal: quotes,
/// backslashes and control characters are escaped, and so are the line and paragraph separators
/// (line ends in older JavaScript) and the characters that change the direction of text, so
/// that the source shows what the string holds. Other characters are written as they are.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{61c}'
            | '\u{feff}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_json_and_javascript_require() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("line\nnext\r\ttab"), r#""line\nnext\r\ttab""#);
        assert_eq!(string("\u{0}\u{1f}\u{7f}"), r#""\u0000\u001f\u007f""#);
        assert_eq!(string("a\u{2028}b\u{2029}"), r#""a\u2028b\u2029""#);
        assert_eq!(string("\u{202e}evil\u{2066}"), r#""\u202eevil\u2066""#);
        assert_eq!(string("can’t – ok 日本"), "\"can’t – ok 日本\"");
        assert_eq!(string(""), "\"\"");
    }

    #[test]
    fn pretty_output_indents_and_keeps_key_order() {
        let value = Json::object([
            ("z", Json::Int(-1)),
            ("a", Json::Array(vec![Json::Bool(true), Json::str("x")])),
            ("empty", Json::Object(Vec::new())),
            ("none", Json::Array(Vec::new())),
        ]);
        assert_eq!(
            value.compact(),
            r#"{"z": -1, "a": [true, "x"], "empty": {}, "none": []}"#
        );
        // Short enough for one line.
        assert_eq!(
            value.pretty(),
            "{\"z\": -1, \"a\": [true, \"x\"], \"empty\": {}, \"none\": []}\n"
        );
        let long = "x".repeat(90);
        let value = Json::object([
            ("z", Json::Int(-1)),
            ("a", Json::Array(vec![Json::Bool(true), Json::str(&long)])),
            ("b", Json::Array(vec![Json::Bool(false)])),
        ]);
        assert_eq!(
            value.pretty(),
            format!(
                "{{\n  \"z\": -1,\n  \"a\": [\n    true,\n    \"{long}\"\n  ],\n  \"b\": [false]\n}}\n"
            )
        );
    }
}
