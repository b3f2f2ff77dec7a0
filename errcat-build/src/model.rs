//! The validated catalog: what every emitter reads. Built only by validation ([`load_str`](crate::load_str), [`load_dir`](crate::load_dir)), so an
//! emitter may rely on every rule of the format holding (unique codes and names, statuses in
//! range, placeholders declared, column values of the declared type).

use std::fmt;
use std::path::PathBuf;

use crate::ident;

/// One API's error table.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// The file it was read from.
    pub file: PathBuf,
    /// The Rust module name (snake_case).
    pub module: String,
    pub title: String,
    pub source: String,
    pub description: Option<String>,
    /// The default HTTP status.
    pub status: u16,
    pub note: Option<String>,
    /// Whether codes are integers or strings.
    pub code_kind: CodeKind,
    pub columns: Vec<Column>,
    pub sections: Vec<Section>,
}

impl Catalog {
    /// Every entry, in document order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.sections.iter().flat_map(|s| s.entries.iter())
    }

    /// Every entry with the index of its section, in document order.
    pub fn entries_with_section(&self) -> impl Iterator<Item = (usize, &Entry)> + '_ {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.entries.iter().map(move |e| (i, e)))
    }

    pub fn entry_count(&self) -> usize {
        self.sections.iter().map(|s| s.entries.len()).sum()
    }

    pub fn minor_count(&self) -> usize {
        self.entries().map(|e| e.minors.len()).sum()
    }

    /// The entry with this code, if any.
    pub fn find(&self, code: &Code) -> Option<&Entry> {
        self.entries().find(|e| &e.code == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Integer,
    String,
}

/// An entry's code on the wire.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    Integer(u32),
    String(String),
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Integer(n) => write!(f, "{n}"),
            Code::String(s) => f.write_str(s),
        }
    }
}

/// An extra typed column declared by the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnType,
    pub description: Option<String>,
    pub default: Option<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Bool,
    Integer,
    String,
}

impl fmt::Display for ColumnType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ColumnType::Bool => "bool",
            ColumnType::Integer => "integer",
            ColumnType::String => "string",
        })
    }
}

/// A column value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    Integer(i64),
    String(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Integer(n) => write!(f, "{n}"),
            Value::String(s) => f.write_str(s),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// UPPER_SNAKE name.
    pub name: String,
    pub title: String,
    pub description: Option<String>,
    /// The section's own default status, if it sets one.
    pub status: Option<u16>,
    pub note: Option<String>,
    pub entries: Vec<Entry>,
}

impl Section {
    /// The Rust variant name of the section.
    pub fn type_name(&self) -> String {
        ident::type_name(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub code: Code,
    /// The documented UPPER_SNAKE name.
    pub name: String,
    pub message: Message,
    pub description: Option<String>,
    /// The resolved HTTP status (own, else the section's, else the catalog's).
    pub status: u16,
    pub aliases: Vec<String>,
    pub deprecated: Option<String>,
    pub reaction: Option<String>,
    pub placeholders: Vec<Placeholder>,
    /// The resolved value of each catalog column, in the catalog's column order.
    pub columns: Vec<Option<Value>>,
    pub minors: Vec<Minor>,
    pub note: Option<String>,
}

impl Entry {
    /// The Rust variant name: `USER_NOT_FOUND` → `UserNotFound`.
    pub fn type_name(&self) -> String {
        ident::type_name(&self.name)
    }

    /// `code NAME`, the way diagnostics and docs name an entry.
    pub fn label(&self) -> String {
        format!("{} {}", self.code, self.name)
    }
}

/// A message with its placeholders split out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text as the catalog writes it, with `{name}` placeholders and `{{`/`}}` escapes.
    pub source: String,
    pub segments: Vec<Segment>,
}

impl Message {
    /// The text `message()` returns: escapes resolved, placeholders as `{name}`.
    pub fn text(&self, placeholders: &[Placeholder]) -> String {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Text(t) => t.clone(),
                Segment::Placeholder(i) => format!("{{{}}}", placeholders[*i].name),
            })
            .collect()
    }

    /// The text with each placeholder written as the source document writes it (its
    /// `documented` form, else its `example`, else `{name}`).
    pub fn documented_text(&self, placeholders: &[Placeholder]) -> String {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Text(t) => t.clone(),
                Segment::Placeholder(i) => {
                    let p = &placeholders[*i];
                    p.documented
                        .clone()
                        .or_else(|| p.example.clone())
                        .unwrap_or_else(|| format!("{{{}}}", p.name))
                }
            })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// Index into the entry's placeholders.
    Placeholder(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub name: String,
    pub documented: Option<String>,
    pub example: Option<String>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minor {
    pub code: u32,
    pub name: Option<String>,
    pub detail: Option<String>,
    /// The minor's own reaction; see [`Minor::effective_reaction`].
    pub reaction: Option<String>,
    pub note: Option<String>,
}

impl Minor {
    /// The Rust variant name: its `name`, else `Minor<code>`.
    pub fn type_name(&self) -> String {
        ident::minor_type_name(self.name.as_deref(), self.code)
    }

    /// Its own reaction, else the entry's (the document's wildcard row).
    pub fn effective_reaction<'a>(&'a self, entry: &'a Entry) -> Option<&'a str> {
        self.reaction.as_deref().or(entry.reaction.as_deref())
    }
}
