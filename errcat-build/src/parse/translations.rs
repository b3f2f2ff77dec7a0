//! A translations file (`catalogs/shop.fa.yaml`): one locale's text for the entries of the
//! catalog beside it, read through the same positioned tree as catalogs so that every problem
//! points into the translations file.
//!
//! ```yaml
//! entries:
//!   1001: درخواست معتبر نیست.
//!   1002:
//!     message: "موجودی {asset} کافی نیست."
//!     description: ...
//! statuses:
//!   400: درخواست نادرست
//! ```
//!
//! This stage checks the file's shape only (known fields, strings where text belongs, no key
//! given twice); whether each code exists and each message uses the placeholders of the
//! catalog's is checked by validation (`validate/locales.rs`).

use std::path::Path;

use super::tree::{self, Kind, Node, Read};
use crate::diagnostic::{Diagnostic, Location, quote};

/// The fields of a translations file, in the order of the format reference.
pub(crate) const TRANSLATIONS_FIELDS: &[&str] = &["entries", "statuses"];
/// The fields of one entry's translation.
pub(crate) const TRANSLATION_FIELDS: &[&str] = &["message", "description"];

/// Text as written, with where it is written.
#[derive(Clone, Debug)]
pub(crate) struct Text {
    pub value: String,
    pub at: Location,
}

/// A translations file as written.
#[derive(Debug, Default)]
pub(crate) struct RawTranslations {
    pub entries: Vec<RawTranslation>,
    pub statuses: Vec<RawStatus>,
}

/// One entry's translation: the code as the key writes it, and its text.
#[derive(Debug)]
pub(crate) struct RawTranslation {
    /// The key's text (`1001`, `card_declined`).
    pub code: String,
    /// Whether the key is written plain (unquoted), as an integer code is.
    pub plain: bool,
    pub at: Location,
    pub message: Option<Text>,
    pub description: Option<Text>,
}

/// The title of an HTTP status in the locale.
#[derive(Debug)]
pub(crate) struct RawStatus {
    pub status: String,
    pub at: Location,
    pub title: Text,
}

/// Reads a translations file's text; `Err` holds every problem of its shape.
pub(crate) fn parse(file: &Path, text: &str) -> Result<RawTranslations, Vec<Diagnostic>> {
    if text.len() > super::MAX_FILE_BYTES {
        return Err(vec![super::too_large(file, text.len() as u64)]);
    }
    let root = match tree::read(text) {
        Read::Syntax(err) => {
            return Err(vec![
                super::syntax_at_cause(file, text, &err).unwrap_or_else(|| {
                    super::yaml_diagnostic(file, text, None, &super::syntax_error(&err))
                }),
            ]);
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
                .with_hint("a translations file needs three levels; this is not one"),
            ]);
        }
        // An empty translations file translates nothing: every code falls back.
        Read::Empty => return Ok(RawTranslations::default()),
        Read::Document { root, more, .. } => {
            if let Some(at) = more {
                return Err(vec![
                    Diagnostic::new(file, Some(at), "the file holds more than one YAML document")
                        .with_hint("a translations file is one document: remove this `---` and what follows"),
                ]);
            }
            root
        }
    };
    if root.is_null() {
        return Ok(RawTranslations::default());
    }
    let mut reader = Reader {
        file,
        problems: Vec::new(),
    };
    let raw = reader.document(&root);
    if reader.problems.is_empty() {
        Ok(raw)
    } else {
        crate::diagnostic::sort_by_location(&mut reader.problems);
        Err(reader.problems)
    }
}

struct Reader<'a> {
    file: &'a Path,
    problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn problem(&mut self, at: Location, message: String, hint: Option<String>) {
        let mut d = Diagnostic::new(self.file, Some(at), message);
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
        self.problems.push(d);
    }

    /// The pairs of a mapping, or a problem saying what was found instead.
    fn mapping<'n>(&mut self, node: &'n Node, what: &str, hint: &str) -> &'n [(Node, Node)] {
        match &node.kind {
            Kind::Map(pairs) => pairs,
            _ if node.is_null() => &[],
            _ => {
                self.problem(
                    node.at,
                    format!("expected a mapping ({what}), found {}", node.describe()),
                    Some(hint.to_owned()),
                );
                &[]
            }
        }
    }

    /// The keys of a mapping, each reported if it repeats an earlier one.
    fn keys<'n>(&mut self, pairs: &'n [(Node, Node)], what: &str) -> Vec<(&'n Node, &'n Node)> {
        let mut out: Vec<(&Node, &Node)> = Vec::new();
        for (k, v) in pairs {
            let Some(name) = k.as_str() else {
                self.problem(
                    k.at,
                    format!("a key of {what} must be text, found {}", k.describe()),
                    None,
                );
                continue;
            };
            if let Some((first, _)) = out.iter().find(|(f, _)| f.as_str() == Some(name)) {
                let first_at = first.at;
                self.problem(
                    k.at,
                    format!("duplicate key {}", quote(name)),
                    Some(format!(
                        "it is first set at line {} column {}; a key may appear once in a mapping",
                        first_at.line, first_at.column
                    )),
                );
                continue;
            }
            out.push((k, v));
        }
        out
    }

    fn text(&mut self, node: &Node, field: &str) -> Option<Text> {
        match &node.kind {
            Kind::Scalar { value, .. } if !node.is_null() => Some(Text {
                value: value.clone(),
                at: node.at,
            }),
            _ => {
                self.problem(
                    node.at,
                    format!("`{field}` must be text, found {}", node.describe()),
                    Some("put the value in quotes to make it text".to_owned()),
                );
                None
            }
        }
    }

    fn document(&mut self, root: &Node) -> RawTranslations {
        let mut raw = RawTranslations::default();
        let pairs = self.mapping(
            root,
            "a translations file",
            "a translations file is written as `entries:` (and `statuses:`) with the text under it; see docs/catalog-format.md",
        );
        for (k, v) in self.keys(pairs, "a translations file") {
            let name = k.as_str().unwrap_or_default();
            match name {
                "entries" => raw.entries = self.entries(v),
                "statuses" => raw.statuses = self.statuses(v),
                _ => self.unknown(k, name, "a translations file", TRANSLATIONS_FIELDS),
            }
        }
        raw
    }

    fn unknown(&mut self, key: &Node, name: &str, what: &str, fields: &[&str]) {
        let hint = match crate::ident::nearest(name, fields) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "the fields of {what} are {}",
                fields
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.problem(
            key.at,
            format!("unknown field {} in {what}", quote(name)),
            Some(hint),
        );
    }

    fn entries(&mut self, node: &Node) -> Vec<RawTranslation> {
        let pairs = self.mapping(
            node,
            "codes and their text",
            "write each translated code as a key under `entries:`, such as `1001: Text.`",
        );
        let mut out = Vec::new();
        for (k, v) in self.keys(pairs, "`entries`") {
            let plain = matches!(k.kind, Kind::Scalar { plain: true, .. });
            let mut t = RawTranslation {
                code: k.as_str().unwrap_or_default().to_owned(),
                plain,
                at: k.at,
                message: None,
                description: None,
            };
            match &v.kind {
                Kind::Scalar { .. } => t.message = self.text(v, "message"),
                Kind::Map(pairs) => {
                    for (fk, fv) in self.keys(pairs, "a translation") {
                        let name = fk.as_str().unwrap_or_default();
                        match name {
                            "message" => t.message = self.text(fv, "message"),
                            "description" => t.description = self.text(fv, "description"),
                            _ => self.unknown(fk, name, "a translation", TRANSLATION_FIELDS),
                        }
                    }
                    // A misspelt `message` is reported once, as the unknown field.
                    let misspelt = pairs.iter().any(|(fk, _)| {
                        fk.as_str().is_some_and(|k| {
                            k != "message"
                                && crate::ident::nearest(k, TRANSLATION_FIELDS) == Some("message")
                        })
                    });
                    if t.message.is_none() && v.get("message").is_none() && !misspelt {
                        self.problem(
                            v.at,
                            format!(
                                "the translation of {} has no `message`, which is required",
                                quote(&t.code)
                            ),
                            Some("give the message in this locale; a code left out keeps the default locale's text".to_owned()),
                        );
                    }
                }
                _ => self.problem(
                    v.at,
                    format!(
                        "the translation of {} must be its message or a mapping with `message`, found {}",
                        quote(&t.code),
                        v.describe()
                    ),
                    None,
                ),
            }
            out.push(t);
        }
        out
    }

    fn statuses(&mut self, node: &Node) -> Vec<RawStatus> {
        let pairs = self.mapping(
            node,
            "HTTP statuses and their titles",
            "write each status as a key under `statuses:`, such as `404: Not found`",
        );
        let mut out = Vec::new();
        for (k, v) in self.keys(pairs, "`statuses`") {
            if let Some(title) = self.text(v, "title") {
                out.push(RawStatus {
                    status: k.as_str().unwrap_or_default().to_owned(),
                    at: k.at,
                    title,
                });
            }
        }
        out
    }
}
