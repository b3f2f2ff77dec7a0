//! Stage 1: YAML text to the raw document, exactly as written.
//!
//! The raw types mirror the catalog format field for field (`deny_unknown_fields`), keep
//! numbers wide so that range problems are reported by validation with a clear message, and
//! hold column values untyped until the catalog's column declarations are known.

use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::diagnostic::{Diagnostic, Location};

/// Field names of each mapping, for "did you mean" hints.
pub(crate) const CATALOG_FIELDS: &[&str] = &[
    "name",
    "title",
    "source",
    "description",
    "status",
    "note",
    "columns",
    "sections",
    "wire",
];
pub(crate) const COLUMN_FIELDS: &[&str] = &["name", "type", "description", "default"];
pub(crate) const SECTION_FIELDS: &[&str] = &[
    "name",
    "title",
    "description",
    "status",
    "columns",
    "note",
    "entries",
];
pub(crate) const ENTRY_FIELDS: &[&str] = &[
    "code",
    "name",
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
];
pub(crate) const PLACEHOLDER_FIELDS: &[&str] = &["name", "documented", "example", "description"];
pub(crate) const MINOR_FIELDS: &[&str] = &["code", "name", "detail", "reaction", "note"];
pub(crate) const WIRE_FIELDS: &[&str] = &["envelope", "fields"];
pub(crate) const WIRE_FIELD_FIELDS: &[&str] = &["name", "from", "column", "param", "type", "value"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCatalog {
    pub name: Option<String>,
    pub title: String,
    pub source: String,
    pub description: Option<String>,
    pub status: i64,
    pub note: Option<String>,
    #[serde(default)]
    pub columns: Vec<RawColumn>,
    pub sections: Vec<RawSection>,
    pub wire: Option<RawWire>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawColumn {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: RawColumnType,
    pub description: Option<String>,
    pub default: Option<serde_yaml::Value>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RawColumnType {
    Bool,
    Integer,
    String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSection {
    pub name: String,
    pub title: String,
    pub description: Option<String>,
    pub status: Option<i64>,
    #[serde(default)]
    pub columns: serde_yaml::Mapping,
    pub note: Option<String>,
    pub entries: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntry {
    pub code: RawCode,
    pub name: Option<String>,
    pub message: String,
    pub description: Option<String>,
    pub status: Option<i64>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub deprecated: Option<String>,
    pub reaction: Option<String>,
    #[serde(default)]
    pub placeholders: Vec<RawPlaceholder>,
    #[serde(default)]
    pub columns: serde_yaml::Mapping,
    #[serde(default)]
    pub minors: Vec<RawMinor>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlaceholder {
    pub name: String,
    pub documented: Option<String>,
    pub example: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMinor {
    pub code: RawCode,
    pub name: Option<String>,
    pub detail: Option<String>,
    pub reaction: Option<String>,
    pub note: Option<String>,
}

/// The `wire:` block: the shape of an error body on the wire.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWire {
    pub envelope: Option<String>,
    pub fields: Vec<RawWireField>,
}

/// One JSON field of the body. `from` stays a string so that an unknown source is reported
/// by validation, with the nearest known one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWireField {
    pub name: String,
    pub from: String,
    pub column: Option<String>,
    pub param: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<RawColumnType>,
    pub value: Option<serde_yaml::Value>,
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

impl<'de> Deserialize<'de> for RawCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl Visitor<'_> for CodeVisitor {
            type Value = RawCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer or a string")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawCode, E> {
                Ok(RawCode::Integer(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawCode, E> {
                Ok(RawCode::Integer(v.into()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawCode, E> {
                Ok(RawCode::Integer(v))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawCode, E> {
                i128::try_from(v)
                    .map(RawCode::Integer)
                    .map_err(|_| E::custom(format!("code {v} is too large")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawCode, E> {
                Err(E::custom(format!(
                    "code {v} is not an integer (or is too large to be one)"
                )))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCode, E> {
                Ok(RawCode::String(v.to_owned()))
            }
        }
        d.deserialize_any(CodeVisitor)
    }
}

/// Reads a catalog file's text into the raw document.
pub(crate) fn parse(file: &Path, text: &str) -> Result<RawCatalog, Diagnostic> {
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(serde_yaml::Value::Null) => {
            return Err(Diagnostic::new(
                file,
                None,
                "the file is empty: a catalog needs at least `title`, `source`, `status` and `sections`",
            ));
        }
        Ok(_) => {}
        Err(err) => return Err(yaml_diagnostic(file, &err)),
    }
    serde_yaml::from_str::<RawCatalog>(text).map_err(|err| yaml_diagnostic(file, &err))
}

fn yaml_diagnostic(file: &Path, err: &serde_yaml::Error) -> Diagnostic {
    let location = err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    let text = err.to_string();
    // serde_yaml appends " at line L column C"; the diagnostic shows the location itself.
    let message = match text.find(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    let mut diagnostic = Diagnostic::new(file, location, message.clone());
    if let Some(hint) = unknown_field_hint(&message) {
        diagnostic = diagnostic.with_hint(hint);
    }
    diagnostic
}

/// For serde's "unknown field `x`, expected one of ..." message, the nearest known field.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let field = &rest[..rest.find('`')?];
    let candidates: &[&str] = if message.contains("`envelope`") {
        WIRE_FIELDS
    } else if message.contains("`from`") {
        WIRE_FIELD_FIELDS
    } else if message.contains("`entries`") && message.contains("`title`") {
        SECTION_FIELDS
    } else if message.contains("`sections`") {
        CATALOG_FIELDS
    } else if message.contains("`message`") {
        ENTRY_FIELDS
    } else if message.contains("`documented`") {
        PLACEHOLDER_FIELDS
    } else if message.contains("`detail`") {
        MINOR_FIELDS
    } else if message.contains("`type`") {
        COLUMN_FIELDS
    } else {
        return None;
    };
    crate::ident::nearest(field, candidates).map(|near| format!("did you mean `{near}`?"))
}

/// One step of a path into a YAML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// Finds the line and column where the node at `path` starts.
///
/// serde_yaml keeps no positions for values it has read, but it stamps every error with the
/// position of the node being read. So this walks the document once more along `path` and
/// raises an error at the target node, then reads the position off that error. It is used
/// only to report problems, so its cost is paid only when a catalog is wrong.
pub(crate) fn locate(text: &str, path: &[Step]) -> Option<Location> {
    let err = match Seek(path).deserialize(serde_yaml::Deserializer::from_str(text)) {
        Ok(()) => return None,
        Err(err) => err,
    };
    // serde_yaml prefixes the message with the path it was at: `sections[2].entries[0]: ...`.
    if !err.to_string().contains(FOUND) {
        return None;
    }
    err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    })
}

const FOUND: &str = "errcat: found";

struct Seek<'p>(&'p [Step]);

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.scalar()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.scalar()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.scalar()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.scalar()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (want, rest) = match self.0.split_first() {
            None => return Err(de::Error::custom(FOUND)),
            Some((Step::Index(i), rest)) => (Some(*i), rest),
            Some((Step::Key(_), _)) => (None, &[][..]),
        };
        let mut index = 0;
        loop {
            let found = if want == Some(index) {
                seq.next_element_seed(Seek(rest))?
            } else {
                seq.next_element::<IgnoredAny>()?.map(|_| ())
            };
            if found.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (want, rest) = match self.0.split_first() {
            None => return Err(de::Error::custom(FOUND)),
            Some((Step::Key(k), rest)) => (Some(k.as_str()), rest),
            Some((Step::Index(_), _)) => (None, &[][..]),
        };
        while let Some(key) = map.next_key::<serde_yaml::Value>()? {
            if want.is_some() && key.as_str() == want {
                map.next_value_seed(Seek(rest))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

impl Seek<'_> {
    fn scalar<E: de::Error>(self) -> Result<(), E> {
        if self.0.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod locate_tests {
    use super::*;

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
