//! A builder of valid-looking catalogs from the fuzzer's bytes: the shape of the format, with
//! names, codes, messages, placeholders, columns, minor codes and wire shapes drawn from the
//! bytes, mostly consistent with each other (so that most catalogs load and reach the
//! emitters) and now and then not (a duplicate code, an undeclared placeholder, a column of
//! the wrong type, a missing or unknown field).

use arbitrary::{Result, Unstructured};
use serde_yaml::{Mapping, Value};

/// Strings that have broken code generators and reports.
const HOSTILE: &[&str] = &[
    "plain text",
    "quote \" and 'single'",
    "back\\slash \\n \\u{0} \\\\",
    "*/ /* comment */ end",
    "#[doc = \"x\"] #![deny(warnings)]",
    "new\nline",
    "crlf\r\nline",
    "lone\rcr",
    "tab\there",
    "emoji 🦀 👩\u{200d}👩\u{200d}👧",
    "موجودی کافی نیست",
    "\u{202e}override\u{202c}",
    "zero\u{200b}width\u{feff}",
    "nul \0 and del \u{7f}",
    "```rust\ncompile_error!(\"doctest\");\n```",
    "    indented code block",
    "r#\"raw\"# and \"#",
    "]]> <script> %s %n ${x}",
    "| a | b |\n| --- | --- |",
    "<!-- comment --> [link](x) *em* _u_",
    "---",
    "&anchor *alias !tag ? : - #",
    "line\u{2028}separator\u{2029}paragraph",
    "trailing space ",
    " ",
    "",
];

/// Names for entries, sections and minors: documented-looking ones, ones that collide with
/// generated items or keywords, and a few invalid ones.
const NAMES: &[&str] = &[
    "BAD",
    "NOT_FOUND",
    "SELF",
    "ALL",
    "ERROR",
    "QR2",
    "MINOR1",
    "CRATE",
    "SUPER",
    "TYPE",
    "OPTION",
    "RESULT",
    "NONE",
    "SOME",
    "OK",
    "ERR",
    "STR",
    "DEBUG",
    "BOX",
    "STRING",
    "CORE",
    "STD",
    "SECTION",
    "MINOR",
    "DETAILED",
    "CODE",
    "BODY",
    "UNKNOWN",
    "NAME",
    "X",
    "A1_B2",
    "FOO__BAR",
    "2FA",
    "lower",
    "ÜBER",
    "",
];

const COLUMNS: &[&str] = &[
    "retry",
    "retryable",
    "request",
    "all",
    "code",
    "self",
    "type",
    "status",
    "x_1",
    "Retry",
    "",
];

const MODULES: &[&str] = &[
    "shop", "core", "std", "self", "crate", "errors", "my-api", "a", "Shop", "",
];

const PLACEHOLDERS: &[&str] = &["asset", "amount", "user", "wait", "type", "Bad", "x y", ""];

const SOURCES: &[&str] = &[
    "status", "code", "name", "message", "minor", "column", "param", "constant", "cod",
];

const FIELD_NAMES: &[&str] = &[
    "status",
    "code",
    "message",
    "description",
    "userMessage",
    "returncode",
    "detail",
    "wait",
    "retryAfter",
    "minor_code",
    "type",
    "title",
    "instance",
    "",
    "a b",
    "\"",
];

const TYPES: &[&str] = &["bool", "integer", "string", "boolean"];

fn one<'a>(u: &mut Unstructured, from: &[&'a str]) -> Result<&'a str> {
    u.choose(from).copied()
}

/// True with probability about `n` in 256.
fn odds(u: &mut Unstructured, n: u8) -> Result<bool> {
    Ok(u.arbitrary::<u8>()? < n)
}

fn text(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=7)? {
        0..=3 => one(u, HOSTILE)?.to_owned(),
        4 | 5 => {
            let s: String = u.arbitrary()?;
            s.chars().take(24).collect()
        }
        6 => format!("{}{}", one(u, HOSTILE)?, one(u, HOSTILE)?),
        _ => "A plain message.".to_owned(),
    })
}

/// A name, made unique by `n` most of the time.
fn name(u: &mut Unstructured, n: usize) -> Result<String> {
    let base = one(u, NAMES)?;
    Ok(match u.int_in_range(0..=7)? {
        0 => base.to_owned(),
        1 => {
            let s: String = u.arbitrary()?;
            s.chars().take(12).collect()
        }
        _ if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_uppercase()) => {
            format!("E{n}")
        }
        _ => format!("{base}_{n}"),
    })
}

fn status(u: &mut Unstructured) -> Result<Value> {
    Ok(Value::from(match u.int_in_range(0..=15)? {
        0 => i64::from(u.arbitrary::<i32>()?),
        1 => 99,
        2 => 600,
        _ => u.int_in_range(100..=599)?,
    }))
}

fn scalar_of(u: &mut Unstructured, kind: &str) -> Result<Value> {
    // Now and then a value of another type than the column's.
    let kind = if odds(u, 16)? { one(u, TYPES)? } else { kind };
    Ok(match kind {
        "bool" => Value::from(u.arbitrary::<bool>()?),
        "integer" => Value::from(match u.int_in_range(0..=3)? {
            0 => u.arbitrary::<i64>()?,
            _ => u.int_in_range(-5..=100)?,
        }),
        _ => Value::from(text(u)?),
    })
}

struct Column {
    name: String,
    kind: &'static str,
}

fn columns_map(u: &mut Unstructured, columns: &[Column]) -> Result<Option<Value>> {
    if columns.is_empty() || !odds(u, 96)? {
        return Ok(None);
    }
    let mut map = Mapping::new();
    for c in columns {
        if u.arbitrary()? {
            map.insert(Value::from(c.name.as_str()), scalar_of(u, c.kind)?);
        }
    }
    if odds(u, 8)? {
        map.insert(Value::from("undeclared"), Value::from(true));
    }
    Ok(Some(Value::Mapping(map)))
}

fn put(map: &mut Mapping, key: &str, value: impl Into<Value>) {
    map.insert(Value::from(key), value.into());
}

/// Leaves a required field out, or adds an unknown one, now and then.
fn spoil(u: &mut Unstructured, map: &mut Mapping) -> Result<()> {
    if odds(u, 4)? && !map.is_empty() {
        let i = u.choose_index(map.len())?;
        let key = map.keys().nth(i).cloned();
        if let Some(key) = key {
            map.remove(&key);
        }
    }
    if odds(u, 4)? {
        put(
            map,
            one(u, &["descripton", "nmae", "codes", "x"])?,
            "unknown",
        );
    }
    Ok(())
}

fn message(u: &mut Unstructured, placeholders: &[&str]) -> Result<String> {
    let mut s = String::new();
    for _ in 0..u.int_in_range(1..=3)? {
        match u.int_in_range(0..=9)? {
            0..=4 => s.push_str(&text(u)?),
            5 | 6 if !placeholders.is_empty() => {
                s.push('{');
                s.push_str(u.choose(placeholders)?);
                s.push('}');
            }
            7 => s.push_str(one(u, &["{{", "}}", "{", "}", "{}", "{ asset }"])?),
            8 => {
                s.push('{');
                s.push_str(one(u, PLACEHOLDERS)?);
                s.push('}');
            }
            _ => s.push_str("Something failed"),
        }
    }
    if !s.is_empty() || odds(u, 250)? {
        Ok(s)
    } else {
        Ok("Failed.".to_owned())
    }
}

fn entry(u: &mut Unstructured, n: usize, string_codes: bool, columns: &[Column]) -> Result<Value> {
    let mut map = Mapping::new();
    let entry_name = name(u, n)?;
    let code = if string_codes {
        match u.int_in_range(0..=7)? {
            0 => Value::from(text(u)?),
            1 => Value::from(n as u64),
            _ => Value::from(entry_name.as_str()),
        }
    } else {
        Value::from(match u.int_in_range(0..=15)? {
            0 => u.arbitrary::<u32>()?.into(),
            1 => u64::from(u32::MAX) + 1,
            2 => 0,
            _ => 1000 + n as u64,
        })
    };
    let code = if !string_codes && odds(u, 4)? {
        Value::from(-1)
    } else {
        code
    };
    put(&mut map, "code", code);
    if !string_codes || odds(u, 64)? {
        put(&mut map, "name", entry_name);
    }
    let used: Vec<&str> = (0..u.int_in_range(0..=2)?)
        .map(|_| one(u, PLACEHOLDERS))
        .collect::<Result<_>>()?;
    put(&mut map, "message", message(u, &used)?);
    if odds(u, 64)? {
        put(&mut map, "description", text(u)?);
    }
    if odds(u, 48)? {
        put(&mut map, "status", status(u)?);
    }
    if odds(u, 32)? {
        let aliases: Vec<Value> = (0..u.int_in_range(1..=2)?)
            .map(|i| name(u, n * 10 + i + 7000).map(Value::from))
            .collect::<Result<_>>()?;
        put(&mut map, "aliases", aliases);
    }
    if odds(u, 24)? {
        put(&mut map, "deprecated", text(u)?);
    }
    if odds(u, 48)? {
        put(&mut map, "reaction", text(u)?);
    }
    let mut declared = used.clone();
    declared.dedup();
    if odds(u, 12)? {
        declared.push(one(u, PLACEHOLDERS)?);
    }
    if odds(u, 12)? {
        declared.pop();
    }
    if !declared.is_empty() {
        let list: Vec<Value> = declared
            .iter()
            .map(|p| {
                let mut m = Mapping::new();
                put(&mut m, "name", *p);
                if odds(u, 64)? {
                    put(&mut m, "documented", format!("%{p}%"));
                }
                if odds(u, 64)? {
                    put(&mut m, "example", text(u)?);
                }
                if odds(u, 32)? {
                    put(&mut m, "description", text(u)?);
                }
                Ok(Value::Mapping(m))
            })
            .collect::<Result<_>>()?;
        put(&mut map, "placeholders", list);
    }
    if let Some(values) = columns_map(u, columns)? {
        put(&mut map, "columns", values);
    }
    if odds(u, 48)? {
        let minors: Vec<Value> = (0..u.int_in_range(1..=3)?)
            .map(|i| {
                let mut m = Mapping::new();
                let code: i64 = match u.int_in_range(0..=15)? {
                    0 => -1,
                    1 => 0,
                    _ => i + 1,
                };
                put(&mut m, "code", code);
                if u.arbitrary()? {
                    put(&mut m, "name", name(u, i as usize + 100)?);
                }
                if odds(u, 160)? {
                    put(&mut m, "detail", text(u)?);
                }
                if odds(u, 48)? {
                    put(&mut m, "reaction", text(u)?);
                }
                if odds(u, 24)? {
                    put(&mut m, "note", text(u)?);
                }
                Ok(Value::Mapping(m))
            })
            .collect::<Result<_>>()?;
        put(&mut map, "minors", minors);
    }
    if odds(u, 24)? {
        put(&mut map, "note", text(u)?);
    }
    spoil(u, &mut map)?;
    Ok(Value::Mapping(map))
}

fn wire(u: &mut Unstructured, columns: &[Column]) -> Result<Value> {
    let mut fields = Vec::new();
    let mut field = |name: String, from: &str, extra: &[(&str, Value)]| {
        let mut m = Mapping::new();
        put(&mut m, "name", name);
        put(&mut m, "from", from);
        for (k, v) in extra {
            put(&mut m, k, v.clone());
        }
        fields.push(Value::Mapping(m));
    };
    field("code".into(), "code", &[]);
    field("message".into(), "message", &[]);
    for _ in 0..u.int_in_range(0..=4)? {
        let source = one(u, SOURCES)?;
        let name = if odds(u, 200)? {
            format!("{source}_field")
        } else {
            one(u, FIELD_NAMES)?.to_owned()
        };
        match source {
            "column" => {
                let column = if columns.is_empty() || odds(u, 16)? {
                    "undeclared".to_owned()
                } else {
                    columns[u.choose_index(columns.len())?].name.clone()
                };
                field(name, source, &[("column", Value::from(column))]);
            }
            "param" => {
                let mut extra = vec![("type", Value::from(one(u, TYPES)?))];
                if u.arbitrary()? {
                    extra.push(("param", Value::from(one(u, PLACEHOLDERS)?)));
                }
                field(name, source, &extra);
            }
            "constant" => {
                let kind = one(u, TYPES)?;
                field(name, source, &[("value", scalar_of(u, kind)?)]);
            }
            _ => field(name, source, &[]),
        }
    }
    let mut order: Vec<Value> = Vec::new();
    while !fields.is_empty() {
        let i = u.choose_index(fields.len())?;
        order.push(fields.swap_remove(i));
    }
    if odds(u, 8)? {
        order.pop();
    }
    let mut map = Mapping::new();
    if odds(u, 96)? {
        put(
            &mut map,
            "envelope",
            one(u, &["error", "errors", "", "a b"])?,
        );
    }
    put(&mut map, "fields", order);
    Ok(Value::Mapping(map))
}

/// A catalog, as YAML text.
pub fn catalog(u: &mut Unstructured) -> Result<String> {
    let mut map = Mapping::new();
    if odds(u, 64)? {
        put(&mut map, "name", one(u, MODULES)?);
    }
    put(&mut map, "title", text(u)?);
    put(&mut map, "source", text(u)?);
    if odds(u, 96)? {
        put(&mut map, "description", text(u)?);
    }
    put(&mut map, "status", status(u)?);
    if odds(u, 32)? {
        put(&mut map, "note", text(u)?);
    }
    let mut columns = Vec::new();
    let mut declared = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let column = Column {
            name: one(u, COLUMNS)?.to_owned(),
            kind: one(u, &["bool", "integer", "string"])?,
        };
        let mut m = Mapping::new();
        put(&mut m, "name", column.name.as_str());
        put(
            &mut m,
            "type",
            if odds(u, 4)? { "boolean" } else { column.kind },
        );
        if odds(u, 64)? {
            put(&mut m, "description", text(u)?);
        }
        if u.arbitrary()? {
            put(&mut m, "default", scalar_of(u, column.kind)?);
        }
        declared.push(Value::Mapping(m));
        columns.push(column);
    }
    if !declared.is_empty() {
        put(&mut map, "columns", declared);
    }
    if u.arbitrary()? {
        put(&mut map, "wire", wire(u, &columns)?);
    }
    let string_codes = odds(u, 64)?;
    let mut n = 0;
    let mut sections = Vec::new();
    for s in 0..u.int_in_range(1..=3)? {
        let mut m = Mapping::new();
        put(&mut m, "name", name(u, 900 + s)?);
        put(&mut m, "title", text(u)?);
        if odds(u, 48)? {
            put(&mut m, "description", text(u)?);
        }
        if odds(u, 48)? {
            put(&mut m, "status", status(u)?);
        }
        if let Some(values) = columns_map(u, &columns)? {
            put(&mut m, "columns", values);
        }
        if odds(u, 16)? {
            put(&mut m, "note", text(u)?);
        }
        let mut entries = Vec::new();
        for _ in 0..u.int_in_range(1..=4)? {
            // Now and then two entries share a code or a name.
            if !odds(u, 8)? {
                n += 1;
            }
            entries.push(entry(u, n, string_codes, &columns)?);
        }
        put(&mut m, "entries", entries);
        spoil(u, &mut m)?;
        sections.push(Value::Mapping(m));
    }
    put(&mut map, "sections", sections);
    spoil(u, &mut map)?;
    Ok(serde_yaml::to_string(&Value::Mapping(map)).expect("a YAML value serializes"))
}
