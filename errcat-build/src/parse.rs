//! Stage 1: YAML text to the raw document, exactly as written.
//!
//! The raw types mirror the catalog format field for field (an unknown field is an error), keep
//! numbers wide so that range problems are reported by validation with a clear message, and
//! hold column values untyped until the catalog's column declarations are known. Each is read
//! from the positioned tree by its `FromNode` impl below (`parse/read.rs` has the reader).

use std::fmt;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Location, quote};

#[allow(unsafe_code)]
mod libyaml;
mod read;
pub(crate) mod translations;
mod tree;
mod value;

use read::{Cursor, FromNode, Resolved};
use tree::{Kind, Node, Read};
pub(crate) use value::{Mapping, YamlValue};

/// The largest catalog file read, in bytes (16 MiB). The largest bundled catalog is about
/// 125 KiB and a catalog of 50 000 codes about 9 MiB; the limit keeps the time and memory of a
/// run bounded whatever the input.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Field names of each mapping, in the order of the format reference. They must match the
/// raw structs below (a unit test checks them against the reader) and the JSON Schema (a test
/// checks that too).
pub(crate) const CATALOG_FIELDS: &[&str] = &[
    "name",
    "title",
    "source",
    "description",
    "status",
    "note",
    "strip_prefix",
    "columns",
    "sections",
    "wire",
    "compatibility",
    "locale",
    "locales",
    "grpc",
    "domain",
];
pub(crate) const COLUMN_FIELDS: &[&str] = &[
    "name",
    "type",
    "values",
    "description",
    "default",
    "required",
];
pub(crate) const SECTION_FIELDS: &[&str] = &[
    "name",
    "title",
    "description",
    "status",
    "columns",
    "note",
    "entries",
    "reserved",
    "grpc",
];
pub(crate) const ENTRY_FIELDS: &[&str] = &[
    "code",
    "name",
    "rust_name",
    "message",
    "description",
    "status",
    "aliases",
    "deprecated",
    "reaction",
    "placeholders",
    "columns",
    "minors",
    "note",
    "retired",
    "grpc",
];
pub(crate) const PLACEHOLDER_FIELDS: &[&str] =
    &["name", "type", "documented", "example", "description"];
pub(crate) const MINOR_FIELDS: &[&str] = &["code", "name", "detail", "reaction", "note"];
pub(crate) const RESERVED_FIELDS: &[&str] = &["code", "from", "to", "reason"];
pub(crate) const WIRE_FIELDS: &[&str] = &["envelope", "fields"];
pub(crate) const WIRE_FIELD_FIELDS: &[&str] = &["name", "from", "column", "param", "type", "value"];

/// The fields each mapping must have.
pub(crate) const CATALOG_REQUIRED: &[&str] = &["title", "source", "sections"];
pub(crate) const COLUMN_REQUIRED: &[&str] = &["name", "type"];
pub(crate) const SECTION_REQUIRED: &[&str] = &["name", "title", "entries"];
pub(crate) const ENTRY_REQUIRED: &[&str] = &["code", "message"];
pub(crate) const PLACEHOLDER_REQUIRED: &[&str] = &["name"];
pub(crate) const MINOR_REQUIRED: &[&str] = &["code"];
pub(crate) const RESERVED_REQUIRED: &[&str] = &[];
pub(crate) const WIRE_REQUIRED: &[&str] = &["fields"];
pub(crate) const WIRE_FIELD_REQUIRED: &[&str] = &["name", "from"];

/// One kind of mapping in a catalog: its fields, and its lists of nested mappings.
pub(crate) struct Shape {
    /// What the mapping is called in messages.
    pub what: &'static str,
    pub fields: &'static [&'static str],
    pub required: &'static [&'static str],
    /// Fields holding a list of mappings of another shape.
    pub lists: &'static [(&'static str, &'static Shape)],
    /// Fields holding one mapping of another shape.
    pub maps: &'static [(&'static str, &'static Shape)],
}

pub(crate) const CATALOG: Shape = Shape {
    what: "catalog",
    fields: CATALOG_FIELDS,
    required: CATALOG_REQUIRED,
    lists: &[("columns", &COLUMN), ("sections", &SECTION)],
    maps: &[("wire", &WIRE)],
};
pub(crate) const WIRE: Shape = Shape {
    what: "wire shape",
    fields: WIRE_FIELDS,
    required: WIRE_REQUIRED,
    lists: &[("fields", &WIRE_FIELD)],
    maps: &[],
};
pub(crate) const WIRE_FIELD: Shape = Shape {
    what: "wire field",
    fields: WIRE_FIELD_FIELDS,
    required: WIRE_FIELD_REQUIRED,
    lists: &[],
    maps: &[],
};
pub(crate) const COLUMN: Shape = Shape {
    what: "column",
    fields: COLUMN_FIELDS,
    required: COLUMN_REQUIRED,
    lists: &[],
    maps: &[],
};
pub(crate) const SECTION: Shape = Shape {
    what: "section",
    fields: SECTION_FIELDS,
    required: SECTION_REQUIRED,
    lists: &[("entries", &ENTRY), ("reserved", &RESERVED)],
    maps: &[],
};
pub(crate) const ENTRY: Shape = Shape {
    what: "entry",
    fields: ENTRY_FIELDS,
    required: ENTRY_REQUIRED,
    lists: &[("placeholders", &PLACEHOLDER), ("minors", &MINOR)],
    maps: &[],
};
pub(crate) const RESERVED: Shape = Shape {
    what: "reservation",
    fields: RESERVED_FIELDS,
    required: RESERVED_REQUIRED,
    lists: &[],
    maps: &[],
};
pub(crate) const PLACEHOLDER: Shape = Shape {
    what: "placeholder",
    fields: PLACEHOLDER_FIELDS,
    required: PLACEHOLDER_REQUIRED,
    lists: &[],
    maps: &[],
};
pub(crate) const MINOR: Shape = Shape {
    what: "minor code",
    fields: MINOR_FIELDS,
    required: MINOR_REQUIRED,
    lists: &[],
    maps: &[],
};

#[derive(Debug)]
pub(crate) struct RawCatalog {
    pub name: Option<String>,
    pub title: String,
    pub source: String,
    pub description: Option<String>,
    pub status: Option<i64>,
    pub note: Option<String>,
    pub strip_prefix: Option<String>,
    pub columns: Vec<RawColumn>,
    pub sections: Vec<RawSection>,
    pub wire: Option<RawWire>,
    pub compatibility: Option<Vec<String>>,
    pub locale: Option<String>,
    pub locales: Option<Vec<String>>,
    /// The default gRPC code of every entry (`grpc: INTERNAL`).
    pub grpc: Option<String>,
    /// The ErrorInfo domain of the catalog's errors.
    pub domain: Option<String>,
}

#[derive(Debug)]
pub(crate) struct RawColumn {
    pub name: String,
    pub kind: RawColumnType,
    pub values: Option<Vec<String>>,
    pub description: Option<String>,
    pub default: Option<YamlValue>,
    pub required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawColumnType {
    Bool,
    Integer,
    String,
    /// One of the column's `values`.
    Enum,
}

#[derive(Debug)]
pub(crate) struct RawSection {
    pub name: String,
    pub title: String,
    pub description: Option<String>,
    pub status: Option<i64>,
    pub columns: Mapping,
    pub note: Option<String>,
    pub entries: Vec<RawEntry>,
    pub reserved: Vec<RawReserved>,
    pub grpc: Option<String>,
}

/// One reservation of a section: a single `code`, or the range `from`..=`to`.
#[derive(Debug)]
pub(crate) struct RawReserved {
    pub code: Option<RawCode>,
    pub from: Option<RawCode>,
    pub to: Option<RawCode>,
    pub reason: Option<String>,
}

#[derive(Debug)]
pub(crate) struct RawEntry {
    pub code: RawCode,
    pub name: Option<String>,
    pub rust_name: Option<String>,
    pub message: String,
    pub description: Option<String>,
    pub status: Option<i64>,
    pub aliases: Vec<String>,
    pub deprecated: Option<String>,
    pub reaction: Option<String>,
    pub placeholders: Vec<RawPlaceholder>,
    pub columns: Mapping,
    pub minors: Vec<RawMinor>,
    pub note: Option<String>,
    pub retired: Option<String>,
    pub grpc: Option<String>,
}

#[derive(Debug)]
pub(crate) struct RawPlaceholder {
    pub name: String,
    pub kind: Option<RawPlaceholderType>,
    pub documented: Option<String>,
    pub example: Option<String>,
    pub description: Option<String>,
}

/// The declared type of a placeholder's value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RawPlaceholderType {
    String,
    Integer,
    Float,
    Bool,
    Display,
}

#[derive(Debug)]
pub(crate) struct RawMinor {
    pub code: RawCode,
    pub name: Option<String>,
    pub detail: Option<String>,
    pub reaction: Option<String>,
    pub note: Option<String>,
}

/// The `wire:` block: the shape of an error body on the wire.
#[derive(Debug)]
pub(crate) struct RawWire {
    pub envelope: Option<String>,
    pub fields: Vec<RawWireField>,
}

/// One JSON field of the body. `from` stays a string so that an unknown source is reported
/// by validation, with the nearest known one.
#[derive(Debug)]
pub(crate) struct RawWireField {
    pub name: String,
    pub from: String,
    pub column: Option<String>,
    pub param: Option<String>,
    pub kind: Option<RawColumnType>,
    pub value: Option<YamlValue>,
}

/// A code as written: an integer of any size, or a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RawCode {
    Integer(i128),
    String(String),
}

impl fmt::Display for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawCode::Integer(n) => write!(f, "{n}"),
            RawCode::String(s) => write!(f, "{s:?}"),
        }
    }
}

/// A code: a plain integer, or text. A float is refused here, in words that say why.
impl FromNode for RawCode {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let text = match (node.plain(), node.kind()) {
            (Some(Resolved::Unsigned(n)), _) => {
                return i128::try_from(n)
                    .map(RawCode::Integer)
                    .map_err(|_| read::Error::new(format!("code {n} is too large")));
            }
            (Some(Resolved::Signed(n)), _) => return Ok(RawCode::Integer(n)),
            // YAML reads integers beyond 128 bits as floating point.
            (Some(Resolved::Float(f)), _) if f.is_finite() && f.fract() == 0.0 => {
                return Err(read::Error::new(format!(
                    "code {f} is out of range: integer codes are 0..={}",
                    u32::MAX
                )));
            }
            (Some(Resolved::Float(f)), _) => {
                return Err(read::Error::new(format!("code {f} is not an integer")));
            }
            (Some(Resolved::Str(s)), _) => s,
            (None, Kind::Scalar { value, .. }) => value,
            _ => return node.invalid("an integer or a string"),
        };
        Ok(RawCode::String(text.to_owned()))
    }
}

impl FromNode for RawColumnType {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        use RawColumnType::*;
        let variants = [
            ("bool", Bool),
            ("integer", Integer),
            ("string", String),
            ("enum", Enum),
        ];
        node.variant(&variants)
    }
}

impl FromNode for RawPlaceholderType {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        use RawPlaceholderType::*;
        let variants = [
            ("string", String),
            ("integer", Integer),
            ("float", Float),
            ("bool", Bool),
            ("display", Display),
        ];
        node.variant(&variants)
    }
}

// The mappings of the format, one reader each: a field that may be left out starts as `None`
// (or empty, for lists and column values) and a required one is checked after the last field,
// in the order of the fields. The arms cover the field lists above (a unit test reads every
// field of each).

impl FromNode for RawCatalog {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut name, mut title, mut source, mut description, mut status) =
            (None, None, None, None, None);
        let (mut note, mut strip_prefix, mut columns, mut sections, mut wire) =
            (None, None, Vec::new(), None, None);
        let (mut compatibility, mut locale, mut locales, mut grpc, mut domain) =
            (None, None, None, None, None);
        node.fields(CATALOG_FIELDS, &mut |field, value| {
            match field {
                "name" => name = value.read()?,
                "title" => title = Some(value.read()?),
                "source" => source = Some(value.read()?),
                "description" => description = value.read()?,
                "status" => status = value.read()?,
                "note" => note = value.read()?,
                "strip_prefix" => strip_prefix = value.read()?,
                "columns" => columns = value.read()?,
                "sections" => sections = Some(value.read()?),
                "wire" => wire = value.read()?,
                "compatibility" => compatibility = value.read()?,
                "locale" => locale = value.read()?,
                "locales" => locales = value.read()?,
                "grpc" => grpc = value.read()?,
                "domain" => domain = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawCatalog {
            name,
            title: read::required(title, "title")?,
            source: read::required(source, "source")?,
            description,
            status,
            note,
            strip_prefix,
            columns,
            sections: read::required(sections, "sections")?,
            wire,
            compatibility,
            locale,
            locales,
            grpc,
            domain,
        })
    }
}

impl FromNode for RawColumn {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut name, mut kind, mut values, mut description, mut default, mut required) =
            (None, None, None, None, None, false);
        node.fields(COLUMN_FIELDS, &mut |field, value| {
            match field {
                "name" => name = Some(value.read()?),
                "type" => kind = Some(value.read()?),
                "values" => values = value.read()?,
                "description" => description = value.read()?,
                "default" => default = value.read()?,
                "required" => required = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawColumn {
            name: read::required(name, "name")?,
            kind: read::required(kind, "type")?,
            values,
            description,
            default,
            required,
        })
    }
}

impl FromNode for RawSection {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut name, mut title, mut description, mut status, mut columns) =
            (None, None, None, None, Mapping::default());
        let (mut note, mut entries, mut reserved, mut grpc) = (None, None, Vec::new(), None);
        node.fields(SECTION_FIELDS, &mut |field, value| {
            match field {
                "name" => name = Some(value.read()?),
                "title" => title = Some(value.read()?),
                "description" => description = value.read()?,
                "status" => status = value.read()?,
                "columns" => columns = value.read()?,
                "note" => note = value.read()?,
                "entries" => entries = Some(value.read()?),
                "reserved" => reserved = value.read()?,
                "grpc" => grpc = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawSection {
            name: read::required(name, "name")?,
            title: read::required(title, "title")?,
            description,
            status,
            columns,
            note,
            entries: read::required(entries, "entries")?,
            reserved,
            grpc,
        })
    }
}

impl FromNode for RawReserved {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut code, mut from, mut to, mut reason) = (None, None, None, None);
        node.fields(RESERVED_FIELDS, &mut |field, value| {
            match field {
                "code" => code = value.read()?,
                "from" => from = value.read()?,
                "to" => to = value.read()?,
                "reason" => reason = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawReserved {
            code,
            from,
            to,
            reason,
        })
    }
}

impl FromNode for RawEntry {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut code, mut name, mut rust_name, mut message, mut description) =
            (None, None, None, None, None);
        let (mut status, mut aliases, mut deprecated, mut reaction, mut placeholders) =
            (None, Vec::new(), None, None, Vec::new());
        let (mut columns, mut minors, mut note, mut retired, mut grpc) =
            (Mapping::default(), Vec::new(), None, None, None);
        node.fields(ENTRY_FIELDS, &mut |field, value| {
            match field {
                "code" => code = Some(value.read()?),
                "name" => name = value.read()?,
                "rust_name" => rust_name = value.read()?,
                "message" => message = Some(value.read()?),
                "description" => description = value.read()?,
                "status" => status = value.read()?,
                "aliases" => aliases = value.read()?,
                "deprecated" => deprecated = value.read()?,
                "reaction" => reaction = value.read()?,
                "placeholders" => placeholders = value.read()?,
                "columns" => columns = value.read()?,
                "minors" => minors = value.read()?,
                "note" => note = value.read()?,
                "retired" => retired = value.read()?,
                "grpc" => grpc = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawEntry {
            code: read::required(code, "code")?,
            name,
            rust_name,
            message: read::required(message, "message")?,
            description,
            status,
            aliases,
            deprecated,
            reaction,
            placeholders,
            columns,
            minors,
            note,
            retired,
            grpc,
        })
    }
}

impl FromNode for RawPlaceholder {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut name, mut kind, mut documented, mut example, mut description) =
            (None, None, None, None, None);
        node.fields(PLACEHOLDER_FIELDS, &mut |field, value| {
            match field {
                "name" => name = Some(value.read()?),
                "type" => kind = value.read()?,
                "documented" => documented = value.read()?,
                "example" => example = value.read()?,
                "description" => description = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawPlaceholder {
            name: read::required(name, "name")?,
            kind,
            documented,
            example,
            description,
        })
    }
}

impl FromNode for RawMinor {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut code, mut name, mut detail, mut reaction, mut note) =
            (None, None, None, None, None);
        node.fields(MINOR_FIELDS, &mut |field, value| {
            match field {
                "code" => code = Some(value.read()?),
                "name" => name = value.read()?,
                "detail" => detail = value.read()?,
                "reaction" => reaction = value.read()?,
                "note" => note = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawMinor {
            code: read::required(code, "code")?,
            name,
            detail,
            reaction,
            note,
        })
    }
}

impl FromNode for RawWire {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut envelope, mut fields) = (None, None);
        node.fields(WIRE_FIELDS, &mut |field, value| {
            match field {
                "envelope" => envelope = value.read()?,
                "fields" => fields = Some(value.read()?),
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawWire {
            envelope,
            fields: read::required(fields, "fields")?,
        })
    }
}

impl FromNode for RawWireField {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, read::Error> {
        let (mut name, mut from, mut column, mut param, mut kind, mut constant) =
            (None, None, None, None, None, None);
        node.fields(WIRE_FIELD_FIELDS, &mut |field, value| {
            match field {
                "name" => name = Some(value.read()?),
                "from" => from = Some(value.read()?),
                "column" => column = value.read()?,
                "param" => param = value.read()?,
                "type" => kind = value.read()?,
                "value" => constant = value.read()?,
                _ => unreachable!("`{field}` is not read"),
            }
            Ok(())
        })?;
        Ok(RawWireField {
            name: read::required(name, "name")?,
            from: read::required(from, "from")?,
            column,
            param,
            kind,
            value: constant,
        })
    }
}

/// A parsed catalog: the raw document, and the positioned tree that locates its parts.
pub(crate) struct Parsed {
    pub raw: RawCatalog,
    pub doc: Doc,
    /// Problems of the document's shape that did not stop it from being read (unknown
    /// fields); validation adds its own.
    pub problems: Vec<Diagnostic>,
}

/// The document tree of a file, to turn paths into places for diagnostics.
pub(crate) struct Doc {
    root: Node,
    /// Unknown fields read as the field they most likely mean (`mesage` as `message`), so
    /// that a problem of that field points at the key as written.
    renames: Vec<Fix>,
}

/// One step of a path into a YAML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

impl Doc {
    /// Where the node at `path` starts; where the path leaves the document (a field that is
    /// not written), the place of the deepest node on it.
    pub fn locate(&self, path: &[Step]) -> Location {
        let mut node = &self.root;
        for (i, step) in path.iter().enumerate() {
            let next = child(node, step).or_else(|| {
                let Step::Key(k) = step else { return None };
                let fix = self
                    .renames
                    .iter()
                    .find(|f| f.rename == Some(k.as_str()) && f.mapping == path[..i])?;
                node.get(&fix.key)
            });
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node.at
    }

    /// The entry that `path` leads into, as `code NAME`, if it leads into one.
    pub fn entry_label(&self, path: &[Step]) -> Option<String> {
        let mut node = &self.root;
        let mut entry = None;
        for (i, step) in path.iter().enumerate() {
            node = child(node, step)?;
            if matches!(step, Step::Index(_)) && path[..i].last() == Some(&key("entries")) {
                entry = Some(node);
            }
        }
        entry.map(label_of)
    }
}

/// Where the node at `path` of `text` starts; `None` if the text is not YAML or the path
/// leaves the document.
#[cfg(test)]
pub(crate) fn locate(text: &str, path: &[Step]) -> Option<Location> {
    let Read::Document { root, .. } = tree::read(text) else {
        return None;
    };
    let mut node = &root;
    for step in path {
        node = child(node, step)?;
    }
    Some(node.at)
}

fn key(k: &str) -> Step {
    Step::Key(k.to_owned())
}

fn child<'n>(node: &'n Node, step: &Step) -> Option<&'n Node> {
    match (step, &node.kind) {
        (Step::Key(k), Kind::Map(_)) => node.get(k),
        (Step::Index(i), Kind::Seq(items)) => items.get(*i),
        _ => None,
    }
}

/// `code NAME` of an entry mapping, the way validation labels it.
fn label_of(entry: &Node) -> String {
    let code = match entry.get("code") {
        Some(
            n @ Node {
                kind: Kind::Scalar { value, plain },
                ..
            },
        ) if !n.is_null() => {
            let digits = value.strip_prefix('-').unwrap_or(value);
            if *plain && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                value.clone()
            } else {
                format!("{value:?}")
            }
        }
        Some(other) => format!("<{}>", other.describe()),
        None => "<no code>".to_owned(),
    };
    match entry.get("name").and_then(Node::as_str) {
        Some(name) => entry_label(&code, name),
        None => code,
    }
}

/// `code NAME` for diagnostics; a name that is not a plain identifier is shown quoted, so
/// that spaces, control and invisible characters are visible.
pub(crate) fn entry_label(code: &str, name: &str) -> String {
    if name.is_empty() {
        code.to_owned()
    } else if crate::ident::is_documented_name(name) {
        format!("{code} {name}")
    } else {
        format!("{code} {name:?}")
    }
}

/// Reads a catalog file: its size must be within [`MAX_FILE_BYTES`] and its text UTF-8.
pub(crate) fn read_file(file: &Path) -> Result<String, Diagnostic> {
    let io =
        |e: std::io::Error| Diagnostic::new(file, None, format!("cannot read the catalog: {e}"));
    let size = std::fs::metadata(file).map_err(io)?.len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(too_large(file, size));
    }
    let bytes = std::fs::read(file).map_err(io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| not_utf8(file, &e))
}

fn too_large(file: &Path, size: u64) -> Diagnostic {
    Diagnostic::new(
        file,
        None,
        format!(
            "the file is too large: {size} bytes, over the limit of {MAX_FILE_BYTES} bytes (16 MiB)"
        ),
    )
    .with_hint(
        "a catalog describes one API's error table; split a larger one into several catalogs",
    )
}

fn not_utf8(file: &Path, e: &std::string::FromUtf8Error) -> Diagnostic {
    let bytes = e.as_bytes();
    let at = e.utf8_error().valid_up_to();
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    // Columns count characters, like the positions of the YAML parser.
    let column = String::from_utf8_lossy(&bytes[line_start..at])
        .chars()
        .count()
        + 1;
    Diagnostic::new(
        file,
        Some(Location { line, column }),
        format!(
            "the file is not valid UTF-8: byte 0x{:02X} at offset {at} does not belong here",
            bytes[at]
        ),
    )
    .with_hint("save the catalog as UTF-8")
}

/// Reads a catalog file's text into the raw document and its positioned tree.
///
/// Problems of the document's shape (unknown, missing and repeated fields, a list where a
/// mapping belongs) are all reported; after that the reader reports the first value of a wrong
/// type, and validation everything else.
pub(crate) fn parse(file: &Path, text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(file, text.len() as u64)]);
    }
    let (root, nodes) = match tree::read(text) {
        Read::Syntax(err) => {
            return Err(vec![syntax_at_cause(file, text, &err).unwrap_or_else(
                || yaml_diagnostic(file, text, None, &syntax_error(&err)),
            )]);
        }
        Read::TooDeep(at) => {
            return Err(vec![
                Diagnostic::new(
                    file,
                    Some(at),
                    format!(
                        "the document is nested more than {} levels deep",
                        tree::MAX_DEPTH
                    ),
                )
                .with_hint("a catalog needs six levels; this is not a catalog"),
            ]);
        }
        Read::Empty => return Err(vec![empty(file, text)]),
        Read::Document { root, more, nodes } => {
            if let Some(at) = more {
                return Err(vec![
                    Diagnostic::new(file, Some(at), "the file holds more than one YAML document")
                        .with_hint("a catalog is one document: remove this `---` and what follows, or move it to its own file"),
                ]);
            }
            (root, nodes)
        }
    };
    if root.is_null() {
        return Err(vec![empty(file, text)]);
    }
    let mut doc = Doc {
        root,
        renames: Vec::new(),
    };
    let mut shaping = Shaping::default();
    duplicate_keys(file, &doc.root, &mut shaping.problems);
    shaping.fatal = !shaping.problems.is_empty();
    check_shape(file, &doc.root, &CATALOG, None, &mut shaping);
    let mut problems = shaping.problems;
    if !problems.is_empty() {
        crate::diagnostic::sort_by_location(&mut problems);
        // Unknown fields alone do not stop the file: the rest is still validated.
        if !shaping.fatal
            && let Some(raw) = recover(&doc.root, nodes, &shaping.fixes)
        {
            doc.renames = shaping.fixes;
            return Ok(Parsed { raw, doc, problems });
        }
        return Err(problems);
    }
    match read::document::<RawCatalog>(&doc.root, nodes) {
        Ok(raw) => Ok(Parsed { raw, doc, problems }),
        Err(err) => {
            let err = YamlError {
                location: err.at,
                text: err.text(),
            };
            Err(vec![yaml_diagnostic(file, text, Some(&doc), &err)])
        }
    }
}

fn empty(file: &Path, text: &str) -> Diagnostic {
    let what = if text.trim().is_empty() {
        "the file is empty"
    } else if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        "the file has only comments"
    } else {
        "the file's YAML document is empty (null)"
    };
    Diagnostic::new(
        file,
        None,
        format!("{what}: a catalog needs at least `title`, `source` and `sections`"),
    )
    .with_hint("see the complete example in docs/catalog-format.md")
}

/// Reports every key that a mapping repeats, anywhere in the document.
fn duplicate_keys(file: &Path, node: &Node, problems: &mut Vec<Diagnostic>) {
    match &node.kind {
        Kind::Map(pairs) => {
            for (i, (k, v)) in pairs.iter().enumerate() {
                if let Some(name) = k.as_str()
                    && let Some((first, _)) =
                        pairs[..i].iter().find(|(f, _)| f.as_str() == Some(name))
                {
                    problems.push(
                        Diagnostic::new(file, Some(k.at), format!("duplicate key {}", quote(name)))
                            .with_hint(format!(
                                "it is first set at line {} column {}; a key may appear once in a mapping",
                                first.at.line, first.at.column
                            )),
                    );
                }
                duplicate_keys(file, v, problems);
            }
        }
        Kind::Seq(items) => {
            for item in items {
                duplicate_keys(file, item, problems);
            }
        }
        Kind::Scalar { .. } | Kind::Alias(_) => {}
    }
}

/// What the shape check found: its problems, and how to read the document despite them.
#[derive(Default)]
struct Shaping {
    problems: Vec<Diagnostic>,
    /// The path of the mapping being checked.
    path: Vec<Step>,
    /// Unknown fields, to leave out (or read as the field they most likely mean) so that
    /// the rest of the file can still be validated.
    fixes: Vec<Fix>,
    /// A problem no fix gets around: a required field missing, a list where a mapping
    /// belongs, a merge key. The file is then not validated further.
    fatal: bool,
}

impl Shaping {
    fn push_fatal(&mut self, d: Diagnostic) {
        self.fatal = true;
        self.problems.push(d);
    }
}

/// An unknown field of the mapping at `mapping`: left out, or read as `rename`.
struct Fix {
    mapping: Vec<Step>,
    key: String,
    rename: Option<&'static str>,
}

/// The raw document read with the fixes applied: the unknown fields left out or renamed.
/// `None` if it still does not read (a value of a wrong type, say).
fn recover(root: &Node, nodes: usize, fixes: &[Fix]) -> Option<RawCatalog> {
    let mut root = root.clone();
    for fix in fixes {
        let mut node = &mut root;
        for step in &fix.mapping {
            node = match step {
                Step::Key(k) => node.get_mut(k)?,
                Step::Index(i) => match &mut node.kind {
                    Kind::Seq(items) => items.get_mut(*i)?,
                    _ => return None,
                },
            };
        }
        let Kind::Map(pairs) = &mut node.kind else {
            return None;
        };
        let i = pairs
            .iter()
            .position(|(k, _)| k.as_str() == Some(fix.key.as_str()))?;
        let (mut key, value) = pairs.remove(i);
        if let Some(name) = fix.rename {
            key.kind = Kind::Scalar {
                value: name.to_owned(),
                plain: true,
            };
            pairs.push((key, value));
        }
    }
    read::document(&root, nodes).ok()
}

/// Checks a mapping of the given shape and the mappings nested in it: every field known, every
/// required field present, nested lists being lists of mappings.
fn check_shape(file: &Path, node: &Node, shape: &Shape, entry: Option<&str>, out: &mut Shaping) {
    let own_label;
    let entry = if std::ptr::eq(shape, &ENTRY) {
        own_label = label_of(node);
        Some(own_label.as_str())
    } else {
        entry
    };
    let with_entry = |d: Diagnostic| match entry {
        Some(label) => d.with_entry(label),
        None => d,
    };
    let Kind::Map(pairs) = &node.kind else {
        if !matches!(node.kind, Kind::Alias(_)) {
            out.fatal = true;
            out.problems.push(with_entry(
                Diagnostic::new(
                    file,
                    Some(node.at),
                    format!(
                        "expected a mapping ({}), found {}",
                        a(shape.what),
                        node.describe()
                    ),
                )
                .with_hint(format!(
                    "{} is written as `field: value` lines; its fields are {}",
                    a(shape.what),
                    list(shape.fields)
                )),
            ));
        }
        return;
    };
    for (k, v) in pairs {
        let Some(name) = k.as_str() else {
            out.fatal = true;
            out.problems.push(with_entry(Diagnostic::new(
                file,
                Some(k.at),
                format!(
                    "a key of a {} must be a field name, found {}",
                    shape.what,
                    k.describe()
                ),
            )));
            continue;
        };
        if !shape.fields.contains(&name) {
            let near = crate::ident::nearest(name, shape.fields);
            // Recovery reads the field as the one it most likely means, if the mapping does
            // not have that one too, and otherwise leaves it out.
            out.fatal |= name == "<<";
            out.fixes.push(Fix {
                mapping: out.path.clone(),
                key: name.to_owned(),
                rename: near.filter(|n| node.get(n).is_none()),
            });
            let hint = if name == "<<" {
                "merge keys (`<<`) are not supported: write the fields out".to_owned()
            } else {
                match crate::ident::nearest(name, shape.fields) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the fields of {} are {}", a(shape.what), list(shape.fields)),
                }
            };
            out.problems.push(with_entry(
                Diagnostic::new(
                    file,
                    Some(k.at),
                    format!("unknown field {} in {}", quote(name), a(shape.what)),
                )
                .with_hint(hint),
            ));
            continue;
        }
        if let Some((_, inner)) = shape.maps.iter().find(|(field, _)| *field == name) {
            out.path.push(Step::Key(name.to_owned()));
            check_shape(file, v, inner, entry, out);
            out.path.pop();
            continue;
        }
        let Some((_, inner)) = shape.lists.iter().find(|(field, _)| *field == name) else {
            continue;
        };
        match &v.kind {
            Kind::Seq(items) => {
                out.path.push(Step::Key(name.to_owned()));
                for (i, item) in items.iter().enumerate() {
                    out.path.push(Step::Index(i));
                    check_shape(file, item, inner, entry, out);
                    out.path.pop();
                }
                out.path.pop();
            }
            Kind::Alias(_) => {}
            _ => out.push_fatal(with_entry(
                Diagnostic::new(
                    file,
                    Some(v.at),
                    format!(
                        "`{name}` must be a list of {}s, found {}",
                        inner.what,
                        v.describe()
                    ),
                )
                .with_hint(format!(
                    "write each {} as a `- ` item under `{name}:`",
                    inner.what
                )),
            )),
        }
    }
    // A misspelt required field is reported once, as the unknown field with its hint.
    let misspelt = |field: &str| {
        pairs.iter().any(|(k, _)| {
            k.as_str().is_some_and(|k| {
                !shape.fields.contains(&k) && crate::ident::nearest(k, shape.fields) == Some(field)
            })
        })
    };
    for field in shape.required {
        if node.get(field).is_none() && !misspelt(field) {
            out.fatal = true;
            out.problems.push(with_entry(
                Diagnostic::new(
                    file,
                    Some(node.at),
                    format!("{} has no `{field}`, which is required", a(shape.what)),
                )
                .with_hint(format!(
                    "the required fields of {} are {}",
                    a(shape.what),
                    list(shape.required)
                )),
            ));
        }
    }
}

fn a(what: &str) -> String {
    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {what}")
    } else {
        format!("a {what}")
    }
}

fn list(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    quoted.join(", ")
}

/// A YAML syntax error placed at its cause where libyaml stops elsewhere: an unclosed quote is
/// found only at the end of the file and an unclosed bracket at the next line, so both are
/// reported where they open; a tab in the indentation is said in words.
fn syntax_at_cause(file: &Path, text: &str, err: &libyaml::SyntaxError) -> Option<Diagnostic> {
    let found = err.at?;
    let message = &err.problem;
    let line = text.lines().nth(found.line - 1).unwrap_or("");
    let indentation: &str = &line[..line.len() - line.trim_start().len()];
    if message.contains("tab character") || indentation.contains('\t') {
        return Some(
            Diagnostic::new(
                file,
                Some(found),
                "a tab in the indentation: YAML indents with spaces, never with tabs",
            )
            .with_hint(format!(
                "replace the tab at the start of line {} with spaces, as many as the lines around it use",
                found.line
            )),
        );
    }
    // libyaml's context: "while scanning a quoted scalar", and where that began.
    let (context, opened) = err.context.as_ref()?;
    let opened = (*opened)?;
    let what = context.strip_prefix("while ").unwrap_or(context);
    let (message, hint) = match what {
        "scanning a quoted scalar" => (
            "this quoted text is not closed: the file ends before its closing quote".to_owned(),
            "close the text with the quote it opens with; inside double quotes, write a quote as `\\\"`, inside single quotes as `''`".to_owned(),
        ),
        "parsing a flow mapping" | "parsing a flow sequence" => {
            let (open, close) = if what.ends_with("mapping") {
                ('{', '}')
            } else {
                ('[', ']')
            };
            if !message.contains("did not find expected") && !message.contains("end of stream") {
                return None;
            }
            (
                format!(
                    "this `{open}` is not closed: at line {} column {} YAML expected `,` or `{close}`",
                    found.line, found.column
                ),
                format!("close it with `{close}` where its last item ends"),
            )
        }
        _ => return None,
    };
    Some(Diagnostic::new(file, Some(opened), message).with_hint(hint))
}

/// A problem reading the YAML: libyaml's syntax error, or a value of the wrong type.
struct YamlError {
    location: Option<Location>,
    /// `path: message`, or the message alone.
    text: String,
}

/// libyaml's problem, and what it was reading where, as one message: "did not find expected
/// key, while parsing a block mapping at line 3 column 1".
fn syntax_error(err: &libyaml::SyntaxError) -> YamlError {
    let mut text = err.problem.clone();
    if err.at == Some(Location { line: 1, column: 1 }) && err.offset != 0 {
        text.push_str(&format!(" at position {}", err.offset));
    }
    if let Some((context, at)) = &err.context {
        text.push_str(", ");
        text.push_str(context);
        if let Some(at) = at.filter(|at| Some(*at) != err.at) {
            text.push_str(&format!(" at line {} column {}", at.line, at.column));
        }
    }
    YamlError {
        location: err.at,
        text,
    }
}

/// A YAML error as a diagnostic: its message in the catalog's words, its place, the entry it
/// concerns and a hint where one helps.
fn yaml_diagnostic(file: &Path, source: &str, doc: Option<&Doc>, err: &YamlError) -> Diagnostic {
    let location = err.location;
    // At the end of a file whose last line has no line break, libyaml places the error on the
    // line after it, which the file does not have: point at the end of the last line instead.
    let location = location.map(|l| l.min(end_of(source)));
    // libyaml's context ("while parsing a block mapping at line 3 column 1") follows a comma.
    let text = err.text.replacen(", while ", " while ", 1);
    let (path, message) = split_path(&text);
    let steps = path.map(parse_path).unwrap_or_default();
    let mut hint = None;
    let mut shown = match path {
        Some(path) => format!("{path}: {message}"),
        None if err.location.is_some() => format!("invalid YAML: {message}"),
        None => message.to_owned(),
    };
    if message == read::REPETITION_LIMIT {
        shown = "the aliases (`*name`) of this file expand to more than a hundred times its size"
            .to_owned();
        hint = Some(
            "an alias bomb is not a catalog; write values out, or alias fewer of them".to_owned(),
        );
    } else if message == read::RECURSION_LIMIT {
        shown = format!(
            "the document is nested more than {} levels deep",
            tree::MAX_DEPTH
        );
    } else if message.contains("unknown variant `") || message.contains("unknown field `") {
        hint = did_you_mean(message);
    } else if message.ends_with("expected a string") {
        hint = Some("put the value in quotes to make it text".to_owned());
    } else if location.is_some() && path.is_none() {
        hint = Some(
            "check the indentation, quotes and brackets at this place and just before it"
                .to_owned(),
        );
    }
    let mut d = Diagnostic::new(file, location, shown);
    if let Some(label) = doc.and_then(|doc| doc.entry_label(&steps)) {
        d = d.with_entry(label);
    }
    if let Some(hint) = hint {
        d = d.with_hint(hint);
    }
    d
}

/// The place just after the last character of `text`, with lines broken where YAML breaks
/// them: at LF, CRLF, a lone CR, NEL, LS and PS.
fn end_of(text: &str) -> Location {
    // Bytes rather than characters (unoptimized, as build scripts run this, decoding every
    // character of the file cost more than all of validation's maps): a column is a
    // character, so every byte but a UTF-8 continuation byte counts.
    let bytes = text.as_bytes();
    let mut end = Location { line: 1, column: 1 };
    let mut i = 0;
    while i < bytes.len() {
        let line_break = match bytes[i] {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            // NEL
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            // LS and PS
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => 0,
        };
        if line_break > 0 {
            end = Location {
                line: end.line + 1,
                column: 1,
            };
            i += line_break;
        } else {
            if bytes[i] & 0xC0 != 0x80 {
                end.column += 1;
            }
            i += 1;
        }
    }
    end
}

/// Splits a reader's error `path: message` into its parts; a message without a path
/// is whole.
fn split_path(text: &str) -> (Option<&str>, &str) {
    if let Some((path, message)) = text.split_once(": ") {
        let is_path = !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'))
            && path.starts_with(|c: char| c.is_ascii_lowercase());
        if is_path && !matches!(path, "invalid type" | "invalid value" | "invalid length") {
            return (Some(path), message);
        }
    }
    (None, text)
}

/// `sections[0].entries[2].code` as steps.
fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let mut pieces = part.split('[');
        if let Some(k) = pieces.next()
            && !k.is_empty()
        {
            steps.push(Step::Key(k.to_owned()));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                steps.push(Step::Index(i));
            }
        }
    }
    steps
}

/// For the reader's "unknown variant `x`, expected one of `a`, `b`" (or field), the nearest
/// candidate, read from the message itself so that it fits whatever was being read.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.split_once("unknown ")?.1;
    let rest = rest.split_once('`')?.1;
    let (word, rest) = rest.split_once('`')?;
    let expected = rest.split_once("expected")?.1;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if candidates.is_empty() {
        return None;
    }
    let near = crate::ident::nearest(word, &candidates).or_else(|| {
        // `boolean` for `bool`: a candidate that the word starts with, or the reverse.
        candidates
            .iter()
            .copied()
            .find(|c| word.len() > 1 && (word.starts_with(c) || c.starts_with(word)))
    });
    match near {
        Some(near) => Some(format!("did you mean `{near}`?")),
        None => Some(format!("expected one of {}", list(&candidates))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `T` read from YAML text the way catalogs are, or the error's text.
    fn from_yaml<T: FromNode>(yaml: &str) -> Result<T, String> {
        match tree::read(yaml) {
            Read::Document { root, nodes, .. } => {
                read::document(&root, nodes).map_err(|e| e.text())
            }
            other => Err(format!("{other:?}")),
        }
    }

    /// The reader's list of a struct's fields, read from its unknown-field error.
    fn reader_fields<T: FromNode + fmt::Debug>(yaml: &str) -> Vec<String> {
        let err = from_yaml::<T>(yaml).unwrap_err();
        let expected = err.split_once("expected ").expect(&err).1;
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    /// The fields the reader requires: those reported missing from a mapping with every
    /// field but one, one at a time (so that each field is read, by one run or another).
    fn reader_required<T: FromNode + fmt::Debug>(fields: &[&str]) -> Vec<String> {
        // The catalog's `columns` is a list of declarations; elsewhere it is a map of values.
        let value_of = |f: &str| match f {
            "columns" if fields == CATALOG_FIELDS => "[]",
            f => value_of(f),
        };
        let mut required = Vec::new();
        for missing in fields {
            let yaml: String = fields
                .iter()
                .filter(|f| *f != missing)
                .map(|f| format!("{f}: {}\n", value_of(f)))
                .collect();
            match from_yaml::<T>(&yaml) {
                Ok(_) => {}
                Err(e) if e.contains(&format!("missing field `{missing}`")) => {
                    required.push((*missing).to_owned())
                }
                Err(e) => panic!("{missing}: {e}\n{yaml}"),
            }
        }
        required
    }

    /// A value each field accepts; null for fields added later, which are optional.
    fn value_of(field: &str) -> &'static str {
        match field {
            "status" | "code" => "1",
            "type" => "bool",
            "required" => "false",
            "columns" => "{}",
            "sections" | "entries" | "aliases" | "placeholders" | "minors" | "reserved"
            | "fields" => "[]",
            "name" | "title" | "source" | "description" | "note" | "message" | "deprecated"
            | "reaction" | "documented" | "example" | "detail" | "default" | "retired"
            | "reason" | "envelope" | "from" => "x",
            _ => "~",
        }
    }

    #[test]
    fn field_lists_match_the_raw_structs() {
        for (shape, fields, required) in [
            (
                &CATALOG,
                reader_fields::<RawCatalog>("zz: 1"),
                reader_required::<RawCatalog>(CATALOG_FIELDS),
            ),
            (
                &COLUMN,
                reader_fields::<RawColumn>("zz: 1"),
                reader_required::<RawColumn>(COLUMN_FIELDS),
            ),
            (
                &SECTION,
                reader_fields::<RawSection>("zz: 1"),
                reader_required::<RawSection>(SECTION_FIELDS),
            ),
            (
                &ENTRY,
                reader_fields::<RawEntry>("zz: 1"),
                reader_required::<RawEntry>(ENTRY_FIELDS),
            ),
            (
                &PLACEHOLDER,
                reader_fields::<RawPlaceholder>("zz: 1"),
                reader_required::<RawPlaceholder>(PLACEHOLDER_FIELDS),
            ),
            (
                &MINOR,
                reader_fields::<RawMinor>("zz: 1"),
                reader_required::<RawMinor>(MINOR_FIELDS),
            ),
            (
                &RESERVED,
                reader_fields::<RawReserved>("zz: 1"),
                reader_required::<RawReserved>(RESERVED_FIELDS),
            ),
            (
                &WIRE,
                reader_fields::<RawWire>("zz: 1"),
                reader_required::<RawWire>(WIRE_FIELDS),
            ),
            (
                &WIRE_FIELD,
                reader_fields::<RawWireField>("zz: 1"),
                reader_required::<RawWireField>(WIRE_FIELD_FIELDS),
            ),
        ] {
            assert_eq!(shape.fields, fields, "{}", shape.what);
            assert_eq!(shape.required, required, "{}", shape.what);
            for (field, _) in shape.lists.iter().chain(shape.maps) {
                assert!(shape.fields.contains(field), "{}: {field}", shape.what);
            }
        }
    }

    /// The JSON Schema lists the same fields, and the same required ones, as the structs.
    #[test]
    fn the_json_schema_matches_the_field_lists() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog.schema.json");
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let names = |v: &serde_json::Value| -> Vec<String> {
            let mut names: Vec<String> = match v {
                serde_json::Value::Object(map) => map.keys().cloned().collect(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().unwrap().to_owned())
                    .collect(),
                other => panic!("{other}"),
            };
            names.sort();
            names
        };
        let sorted = |fields: &[&str]| -> Vec<String> {
            let mut fields: Vec<String> = fields.iter().map(|f| (*f).to_owned()).collect();
            fields.sort();
            fields
        };
        let definitions = &schema["definitions"];
        for (shape, node) in [
            (&CATALOG, &schema),
            (&COLUMN, &definitions["column"]),
            (&SECTION, &definitions["section"]),
            (&ENTRY, &definitions["entry"]),
            (&PLACEHOLDER, &definitions["placeholder"]),
            (&MINOR, &definitions["minor"]),
            (&RESERVED, &definitions["reservation"]),
            (&WIRE, &definitions["wire"]),
            (&WIRE_FIELD, &definitions["wireField"]),
        ] {
            assert_eq!(
                names(&node["properties"]),
                sorted(shape.fields),
                "{}",
                shape.what
            );
            assert_eq!(
                names(&node["required"]),
                sorted(shape.required),
                "{}",
                shape.what
            );
            assert_eq!(node["additionalProperties"], false, "{}", shape.what);
            for (list, inner) in shape.lists {
                let items = node["properties"][list]["items"]["$ref"].as_str().unwrap();
                let inner_node = &definitions[items.trim_start_matches("#/definitions/")];
                assert_eq!(
                    names(&inner_node["properties"]),
                    sorted(inner.fields),
                    "{list}"
                );
            }
            for (map, inner) in shape.maps {
                let reference = node["properties"][map]["$ref"].as_str().unwrap();
                let inner_node = &definitions[reference.trim_start_matches("#/definitions/")];
                assert_eq!(
                    names(&inner_node["properties"]),
                    sorted(inner.fields),
                    "{map}"
                );
            }
        }
    }

    #[test]
    fn locate_finds_values_by_path() {
        let text = "a: 1\nb:\n  - x: 1\n  - x: 2\n    y: 3\n";
        let at = |path: &[Step]| locate(text, path).map(|l| (l.line, l.column));
        assert_eq!(at(&[key("a")]), Some((1, 4)));
        assert_eq!(at(&[key("b"), Step::Index(1)]), Some((4, 5)));
        assert_eq!(at(&[key("b"), Step::Index(1), key("y")]), Some((5, 8)));
        assert_eq!(at(&[key("b"), Step::Index(5)]), None);
        assert_eq!(at(&[key("zz")]), None);
        assert_eq!(locate("a: [", &[key("a")]), None);
    }

    #[test]
    fn paths_of_reader_errors_become_steps() {
        assert_eq!(
            parse_path("sections[0].entries[12].code"),
            vec![
                key("sections"),
                Step::Index(0),
                key("entries"),
                Step::Index(12),
                key("code")
            ]
        );
        assert_eq!(
            split_path("status: invalid type: x"),
            (Some("status"), "invalid type: x")
        );
        assert_eq!(
            split_path("invalid type: string \"a: b\""),
            (None, "invalid type: string \"a: b\"")
        );
    }

    /// A value quoted in a message is shown as written, whatever words it holds.
    #[test]
    fn values_in_messages_are_shown_as_written() {
        let text = "title: t\nsource: s\nstatus: unit value, expected i64\nsections: []\n";
        let Err(problems) = parse(Path::new("shop.yaml"), text) else {
            panic!("a string status is read");
        };
        assert_eq!(
            problems[0].message,
            "status: invalid type: string \"unit value, expected i64\", expected an integer"
        );
    }

    #[test]
    fn unknown_variants_and_fields_get_the_nearest_candidate() {
        assert_eq!(
            did_you_mean("unknown variant `boolean`, expected one of `bool`, `integer`, `string`")
                .as_deref(),
            Some("did you mean `bool`?")
        );
        assert_eq!(
            did_you_mean("unknown variant `zzzzzzzz`, expected one of `bool`, `integer`")
                .as_deref(),
            Some("expected one of `bool`, `integer`")
        );
    }
}

#[cfg(test)]
mod locate_tests {
    use super::*;

    /// The end of a text: lines broken at every break YAML knows, columns in characters.
    #[test]
    fn the_end_of_a_text_counts_lines_and_characters() {
        let end = |text: &str| {
            let end = end_of(text);
            (end.line, end.column)
        };
        assert_eq!(end(""), (1, 1));
        assert_eq!(end("ab"), (1, 3));
        assert_eq!(end("a\nb\r\ncd\re\n"), (5, 1));
        assert_eq!(end("a\r\n"), (2, 1));
        assert_eq!(end("a\n\r"), (3, 1));
        assert_eq!(end("x\u{85}y\u{2028}z\u{2029}é€"), (4, 3));
        assert_eq!(end("é€🦀\u{2027}\u{84}"), (1, 6));
    }

    #[test]
    fn locate_finds_nodes_by_path() {
        let text = "a: 1\nb:\n  - x: 1\n  - x: 2\n    y: 3\n";
        let at = |path: &[Step]| locate(text, path).map(|l| (l.line, l.column));
        assert_eq!(at(&[Step::Key("a".into())]), Some((1, 4)));
        assert_eq!(at(&[Step::Key("b".into()), Step::Index(1)]), Some((4, 5)));
        assert_eq!(
            at(&[Step::Key("b".into()), Step::Index(1), Step::Key("y".into())]),
            Some((5, 8))
        );
        assert_eq!(at(&[Step::Key("b".into()), Step::Index(5)]), None);
        assert_eq!(at(&[Step::Key("zz".into())]), None);
    }
}
