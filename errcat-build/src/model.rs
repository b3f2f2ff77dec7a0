//! The validated catalog: what every emitter reads. Built only by validation ([`load_str`](crate::load_str), [`load_dir`](crate::load_dir)), so an
//! emitter may rely on every rule of the format holding (unique codes and names, statuses in
//! range, placeholders declared, column values of the declared type).

use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Location;
use crate::ident;

mod locales;
pub use locales::{Locales, TranslatedEntry, Translation};

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
    /// The default HTTP status; `None` for a catalog of a protocol without HTTP statuses (a
    /// database driver, a socket protocol), whose entries then have none either.
    pub status: Option<u16>,
    pub note: Option<String>,
    /// The prefix dropped from documented names to make Rust names (`ERRCODE_`).
    pub strip_prefix: Option<String>,
    /// Whether codes are integers or strings.
    pub code_kind: CodeKind,
    /// Whether minor codes are integers or strings (all of a catalog are one or the other);
    /// integers in a catalog without minor codes.
    pub minor_code_kind: CodeKind,
    pub columns: Vec<Column>,
    pub sections: Vec<Section>,
    /// The shape of an error body on the wire: as declared, else [`Wire::default_shape`].
    pub wire: Wire,
    /// The categories of compatibility rules the catalog's changes are checked against
    /// (`compatibility:`; both when not set), sorted, without repeats.
    pub compatibility: Vec<Category>,
    /// The locales the catalog is written in, and its translations.
    pub locales: Locales,
    /// The domain of its errors in a gRPC `google.rpc.ErrorInfo`: `domain:`, else the module
    /// name.
    pub domain: String,
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

    /// Every reservation of every section.
    pub fn reservations(&self) -> impl Iterator<Item = &Reserved> + '_ {
        self.sections.iter().flat_map(|s| s.reserved.iter())
    }

    /// The next free code of the section with this index; see [`next_free_code`].
    pub fn next_free_code(&self, section: usize) -> Option<u32> {
        next_free_code(&self.sections, section)
    }

    /// Whether `code` is taken for ever: used by an entry (retired or not) or reserved.
    pub fn is_taken(&self, code: &Code) -> bool {
        self.find(code).is_some() || self.reservations().any(|r| r.contains(code))
    }
}

/// The next free code of section `section`: the lowest integer code above the highest code of
/// its entries that no entry of any section uses (retired or not) and no section reserves.
/// `None` for string codes, for a section without entries and above `u32::MAX`. What `errcat
/// next` prints (which also skips the lock file's codes, [`next_free_code_skipping`]) and the
/// duplicate-code and reserved-code hints propose.
pub fn next_free_code(sections: &[Section], section: usize) -> Option<u32> {
    next_free_code_skipping(sections, section, &[], &[])
}

/// [`next_free_code`], also skipping the codes `published` and the inclusive ranges
/// `published_ranges` (what a lock file lists).
pub fn next_free_code_skipping(
    sections: &[Section],
    section: usize,
    published: &[u32],
    published_ranges: &[(u32, u32)],
) -> Option<u32> {
    let section_codes = sections.get(section)?.entries.iter().map(|e| &e.code);
    let used = sections
        .iter()
        .flat_map(|s| &s.entries)
        .filter_map(|e| e.code.as_integer())
        .chain(published.iter().copied());
    let mut ranges = reserved_ranges(sections);
    ranges.extend_from_slice(published_ranges);
    next_code_above(section_codes, used, &ranges)
}

/// The integer ranges (inclusive) that the sections reserve; a single code is a range of one.
pub fn reserved_ranges(sections: &[Section]) -> Vec<(u32, u32)> {
    sections
        .iter()
        .flat_map(|s| &s.reserved)
        .filter_map(|r| Some((r.first.as_integer()?, r.last.as_integer()?)))
        .collect()
}

/// The rule of [`next_free_code`] over codes: the lowest integer code above the highest of
/// `section_codes` that is not in `used` and in none of the inclusive `reserved` ranges.
/// Validation calls it with the codes read so far (a catalog with problems has no model yet).
pub fn next_code_above<'a>(
    section_codes: impl Iterator<Item = &'a Code>,
    used: impl Iterator<Item = u32>,
    reserved: &[(u32, u32)],
) -> Option<u32> {
    let highest = section_codes.filter_map(Code::as_integer).max()?;
    // Inserted one by one: `collect` would sort first, one more copy of the sort to compile.
    let mut set = std::collections::BTreeSet::new();
    set.extend(used);
    free_code_above(highest, &set, reserved)
}

/// The lowest code above `highest` that is not in `used` and in none of the inclusive
/// `ranges`; `None` above `u32::MAX`.
pub fn free_code_above(
    highest: u32,
    used: &std::collections::BTreeSet<u32>,
    ranges: &[(u32, u32)],
) -> Option<u32> {
    let mut n = highest.checked_add(1)?;
    loop {
        if let Some(&(_, last)) = ranges.iter().find(|(a, b)| (*a..=*b).contains(&n)) {
            n = last.checked_add(1)?;
        } else if used.contains(&n) {
            n = n.checked_add(1)?;
        } else {
            return Some(n);
        }
    }
}

/// A category of compatibility rules: what a change breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// What clients parsing error bodies see: codes, names, statuses, minor codes, fields.
    Wire,
    /// What Rust code depending on the generated crate sees: variants, methods, types.
    Source,
}

impl Category {
    /// Both categories, the default.
    pub const ALL: [Category; 2] = [Category::Wire, Category::Source];

    /// The name a catalog writes (`wire`, `source`).
    pub fn name(self) -> &'static str {
        match self {
            Category::Wire => "wire",
            Category::Source => "source",
        }
    }

    /// The category a catalog names, if it is one.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
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

impl Code {
    /// The integer, for an integer code.
    pub fn as_integer(&self) -> Option<u32> {
        match self {
            Code::Integer(n) => Some(*n),
            Code::String(_) => None,
        }
    }
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
    /// The type of its values; [`ColumnType::String`] for an enum column, whose values are
    /// also one of [`Column::values`].
    pub kind: ColumnType,
    /// An enum column's closed set of values, in the catalog's order; empty for other columns.
    pub values: Vec<String>,
    pub description: Option<String>,
    pub default: Option<Value>,
    /// Declared `required`: every entry has a value (its own, its section's or the default).
    pub required: bool,
    /// Where the declaration starts in the catalog file.
    pub location: Location,
}

impl Column {
    /// Whether the column's values are a closed set ([`Column::values`]).
    pub fn is_enum(&self) -> bool {
        !self.values.is_empty()
    }

    /// Whether every entry has a value: the column has a default or is required.
    pub fn always_set(&self) -> bool {
        self.default.is_some() || self.required
    }

    /// The Rust type name of an enum column's value: `severity` → `Severity`.
    pub fn enum_type_name(&self) -> String {
        ident::type_name(&self.name)
    }
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
    /// Codes kept out of use for ever (`reserved:`), besides those of retired entries.
    pub reserved: Vec<Reserved>,
    /// Where the section starts in the catalog file.
    pub location: Location,
}

/// Codes a section keeps out of use: one code, or a range of integer codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reserved {
    /// The first code (of the same kind as the catalog's codes).
    pub first: Code,
    /// The last code, inclusive; `first` itself for a single code.
    pub last: Code,
    pub reason: Option<String>,
    /// Where the reservation is written.
    pub location: Location,
}

impl Reserved {
    pub fn contains(&self, code: &Code) -> bool {
        &self.first <= code && code <= &self.last
    }
}

impl fmt::Display for Reserved {
    /// `1005`, or `1010-1019` for a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
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
    /// The documented name, exactly as written (`USER_NOT_FOUND`, `invalid_grant`).
    pub name: String,
    /// The Rust variant name: the entry's `rust_name`, else the documented name without the
    /// catalog's `strip_prefix`, in UpperCamel case.
    pub rust_name: String,
    pub message: Message,
    pub description: Option<String>,
    /// The resolved HTTP status (own, else the section's, else the catalog's); `None` in a
    /// catalog without statuses.
    pub status: Option<u16>,
    /// The gRPC code: declared (`grpc:`) or derived from the status.
    pub grpc: crate::grpc::Grpc,
    pub aliases: Vec<String>,
    /// The Rust name of each alias's associated constant, in the order of `aliases`.
    pub alias_rust_names: Vec<String>,
    /// Why the code is no longer emitted; for a retired entry, `Retired, no longer sent: ` and
    /// the reason.
    pub deprecated: Option<String>,
    /// Why the code was retired (`retired:`): it is never sent again, and its code and name
    /// are never given to another entry. A retired entry is also deprecated.
    pub retired: Option<String>,
    pub reaction: Option<String>,
    pub placeholders: Vec<Placeholder>,
    /// The resolved value of each catalog column, in the catalog's column order.
    pub columns: Vec<Option<Value>>,
    pub minors: Vec<Minor>,
    pub note: Option<String>,
    /// Where the entry starts in the catalog file.
    pub location: Location,
}

impl Entry {
    /// The Rust variant name: `USER_NOT_FOUND` → `UserNotFound` (see [`Entry::rust_name`]).
    pub fn type_name(&self) -> String {
        self.rust_name.clone()
    }

    /// `code NAME`, the way diagnostics and docs name an entry; just the code where it is
    /// its own name (`invalid_grant`).
    pub fn label(&self) -> String {
        if self.code.to_string() == self.name {
            self.name.clone()
        } else {
            format!("{} {}", self.code, self.name)
        }
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

    /// The text with each placeholder replaced by `value(placeholder)`, where that gives one,
    /// else written `{name}`.
    pub fn with_placeholders(
        &self,
        placeholders: &[Placeholder],
        value: impl Fn(&Placeholder) -> Option<String>,
    ) -> String {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Text(t) => t.clone(),
                Segment::Placeholder(i) => {
                    let p = &placeholders[*i];
                    value(p).unwrap_or_else(|| format!("{{{}}}", p.name))
                }
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
    /// The type of the value the typed constructor takes.
    pub kind: PlaceholderType,
    pub documented: Option<String>,
    pub example: Option<String>,
    pub description: Option<String>,
}

/// The declared type of a placeholder's value (`type:`; `string` unless declared).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PlaceholderType {
    /// Text: `Cow<'static, str>` in Rust.
    #[default]
    String,
    /// `i64`.
    Integer,
    /// `f64`.
    Float,
    /// `bool`.
    Bool,
    /// Any `Display` value, kept as its text.
    Display,
}

impl PlaceholderType {
    /// The type as the catalog writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceholderType::String => "string",
            PlaceholderType::Integer => "integer",
            PlaceholderType::Float => "float",
            PlaceholderType::Bool => "bool",
            PlaceholderType::Display => "display",
        }
    }

    /// The column type a wire parameter of this placeholder's name has, if there is one.
    pub fn column_type(self) -> Option<ColumnType> {
        match self {
            PlaceholderType::String | PlaceholderType::Display => Some(ColumnType::String),
            PlaceholderType::Integer => Some(ColumnType::Integer),
            PlaceholderType::Bool => Some(ColumnType::Bool),
            PlaceholderType::Float => None,
        }
    }
}

impl fmt::Display for PlaceholderType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minor {
    /// An integer, or a string such as a decline reason (`insufficient_funds`), as all minor
    /// codes of the catalog are.
    pub code: Code,
    pub name: Option<String>,
    pub detail: Option<String>,
    /// The minor's own reaction; see [`Minor::effective_reaction`].
    pub reaction: Option<String>,
    pub note: Option<String>,
    /// Where the minor code starts in the catalog file.
    pub location: Location,
}

impl Minor {
    /// The Rust variant name: its `name`, else `Minor<code>` for an integer code, the code
    /// itself for a string code.
    pub fn type_name(&self) -> String {
        ident::minor_type_name(self.name.as_deref(), &self.code)
    }

    /// Its own reaction, else the entry's (the document's wildcard row).
    pub fn effective_reaction<'a>(&'a self, entry: &'a Entry) -> Option<&'a str> {
        self.reaction.as_deref().or(entry.reaction.as_deref())
    }
}

/// The shape of a catalog's error body on the wire (JSON).
#[derive(Clone, Debug, PartialEq)]
pub struct Wire {
    /// The key of the object that wraps the fields, as in `{"error": {...}}`.
    pub envelope: Option<String>,
    /// The body's fields, in the order they are written. Exactly one is from
    /// [`WireSource::Code`] and one from [`WireSource::Message`].
    pub fields: Vec<WireField>,
    /// Where the `wire:` block is written; `None` for the default shape.
    pub location: Option<Location>,
}

impl Wire {
    /// The shape of a catalog that declares none: `{"code": <code>, "message": <message>}`.
    pub fn default_shape() -> Self {
        Wire {
            envelope: None,
            fields: vec![
                WireField {
                    name: "code".to_owned(),
                    source: WireSource::Code,
                },
                WireField {
                    name: "message".to_owned(),
                    source: WireSource::Message,
                },
            ],
            location: None,
        }
    }

    /// The field that takes its value from `source`, if there is one.
    pub fn field(&self, source: &WireSource) -> Option<&WireField> {
        self.fields.iter().find(|f| &f.source == source)
    }

    /// The shape as a one-line JSON sketch, such as
    /// `{"error": {"status": <status>, "code": <code>, "description": <message>}}`.
    pub fn sketch(&self, columns: &[Column]) -> String {
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|f| {
                let value = match &f.source {
                    WireSource::Status => "<status>".to_owned(),
                    WireSource::Code => "<code>".to_owned(),
                    WireSource::Name => "<name>".to_owned(),
                    WireSource::Message => "<message>".to_owned(),
                    WireSource::Minor => "<minor code>".to_owned(),
                    WireSource::Column(c) => format!("<{}>", columns[*c].name),
                    WireSource::Param { name, .. } => format!("<{name}>"),
                    WireSource::Raw { name } => format!("<{name}: any JSON>"),
                    WireSource::Constant(v) => match v {
                        Value::String(s) => format!("{s:?}"),
                        v => v.to_string(),
                    },
                };
                format!("{:?}: {value}", f.name)
            })
            .collect();
        let inner = format!("{{{}}}", fields.join(", "));
        match &self.envelope {
            Some(key) => format!("{{{key:?}: {inner}}}"),
            None => inner,
        }
    }
}

/// One JSON field of the error body.
#[derive(Clone, Debug, PartialEq)]
pub struct WireField {
    /// The JSON key.
    pub name: String,
    pub source: WireSource,
}

/// Where a body field takes its value from.
#[derive(Clone, Debug, PartialEq)]
pub enum WireSource {
    /// The HTTP status (an integer).
    Status,
    /// The code (an integer or a string, as the catalog's codes are).
    Code,
    /// The documented UPPER_SNAKE name.
    Name,
    /// The message, with its placeholders rendered.
    Message,
    /// The minor code (an integer); optional.
    Minor,
    /// The value of the catalog column with this index; optional where the column has no
    /// default.
    Column(usize),
    /// A value the caller supplies at run time (the messenger's wait parameter); optional.
    Param {
        /// The snake_case name of the value in Rust.
        name: String,
        kind: ColumnType,
    },
    /// The same value in every body.
    Constant(Value),
    /// Any JSON value (a nested object, a `details` array) that the catalog does not model:
    /// kept as received, so that it round-trips; optional.
    Raw {
        /// The snake_case name of the value in Rust.
        name: String,
    },
}

impl Wire {
    /// The field that identifies the error in a received body: the one `from: code`, else the
    /// one `from: name`.
    pub fn key(&self) -> &WireField {
        self.field(&WireSource::Code)
            .or_else(|| self.field(&WireSource::Name))
            .expect("validation ensures a field from code or name")
    }

    /// Whether a body may lack the field: minor codes, parameters and raw values are sent only
    /// where there is one, and a column only if every entry has a value.
    pub fn is_optional(&self, field: &WireField, columns: &[Column]) -> bool {
        match &field.source {
            WireSource::Minor | WireSource::Param { .. } | WireSource::Raw { .. } => true,
            WireSource::Column(c) => !columns[*c].always_set(),
            WireSource::Status
            | WireSource::Code
            | WireSource::Name
            | WireSource::Message
            | WireSource::Constant(_) => false,
        }
    }
}
