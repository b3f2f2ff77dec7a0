//! Stage 2: the raw document to the validated model.
//!
//! Every rule of the format is checked here and nowhere else. All problems in a file are
//! collected, each with its place in the file and the entry it concerns; nothing is emitted
//! unless there are none.
//!
//! One file per part of the catalog: `entries` (sections, entries, codes), `names` (names,
//! aliases and their Rust forms), `messages` (messages and placeholders), `minors` (minor codes),
//! `columns` (column declarations and values), `wire` (the wire shape) and `set` (rules across
//! the catalogs of a run). This file holds the catalog's top level and the shared checks.

mod columns;
mod entries;
mod grpc;
mod lifecycle;
mod locales;
mod messages;
mod minors;
mod names;
mod set;
mod wire;

use std::collections::BTreeMap;
use std::path::Path;
use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Location, quote};
use crate::ident;
use crate::model::{Catalog, CodeKind};
use crate::parse::{Doc, RawCatalog, Step};

use entries::{CatalogState, CodeSite};
pub(crate) use locales::{tag_problem, translation};
use names::{Case, why_not_snake};
pub(crate) use set::validate_set;

/// Validates one parsed file. `doc` is the file's document tree, used to find the place of a
/// problem.
pub(crate) fn validate(
    file: &Path,
    doc: &Doc,
    raw: RawCatalog,
) -> Result<Catalog, Vec<Diagnostic>> {
    let mut v = Validator {
        file,
        doc,
        problems: Vec::new(),
    };
    let catalog = v.catalog(raw);
    if v.problems.is_empty() {
        Ok(catalog)
    } else {
        crate::diagnostic::sort_by_location(&mut v.problems);
        Err(v.problems)
    }
}

struct Validator<'a> {
    file: &'a Path,
    doc: &'a Doc,
    problems: Vec<Diagnostic>,
}

/// A path into the document, to be turned into a location only if a problem is reported.
///
/// Each path shares its parent's rather than copying it: validation makes one for every
/// field it looks at, and needs the steps as a list only to report a problem.
#[derive(Clone, Default)]
struct At(Option<Rc<Place>>);

/// The last step of a path, after the path to its parent.
struct Place {
    parent: At,
    step: Step,
}

impl At {
    fn key(&self, key: &str) -> At {
        self.then(Step::Key(key.to_owned()))
    }
    fn index(&self, i: usize) -> At {
        self.then(Step::Index(i))
    }
    fn then(&self, step: Step) -> At {
        At(Some(Rc::new(Place {
            parent: self.clone(),
            step,
        })))
    }
    /// The steps from the document's root.
    fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut at = self;
        while let Some(place) = &at.0 {
            steps.push(place.step.clone());
            at = &place.parent;
        }
        steps.reverse();
        steps
    }
}

/// The first place a name or code was defined, for "defined first at" hints.
///
/// One type for every such table (names too), so that the standard library's `BTreeMap` is
/// compiled for one value type rather than one per table.
struct First {
    at: At,
    label: String,
    /// The entry's documented name, for a table of entry names; empty in the others.
    name: String,
}

impl Validator<'_> {
    fn diagnostic(&self, at: &At, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.file, Some(self.doc.locate(&at.steps())), message)
    }

    fn report(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    fn error(&mut self, at: &At, message: impl Into<String>) {
        let d = self.diagnostic(at, message);
        self.report(d);
    }

    fn locate(&self, at: &At) -> Location {
        self.doc.locate(&at.steps())
    }

    fn position(&self, at: &At) -> String {
        let d = self.diagnostic(at, "");
        d.position()
    }

    fn catalog(&mut self, raw: RawCatalog) -> Catalog {
        let root = At::default();
        let module = match &raw.name {
            Some(name) => {
                if let Some(why) = why_not_snake(name, Case::Lower) {
                    let d = self
                        .diagnostic(
                            &root.key("name"),
                            format!("{} is not a valid module name: it {why}", quote(name)),
                        )
                        .with_hint("module names look like `my_api`: ASCII lowercase letters, digits and single underscores, starting with a letter");
                    self.report(d);
                }
                name.clone()
            }
            None => {
                let stem = self
                    .file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ident::module_name(&stem).unwrap_or_else(|| {
                    let d = Diagnostic::new(
                        self.file,
                        None,
                        format!(
                            "the file name {} does not make a valid Rust module name",
                            quote(&stem)
                        ),
                    )
                    .with_hint("rename the file, or set `name: some_module` in the catalog");
                    self.report(d);
                    stem
                })
            }
        };
        self.text_field(&root.key("title"), "title", &raw.title, None);
        self.text_field(&root.key("source"), "source", &raw.source, None);
        self.optional_text(
            &root.key("description"),
            "description",
            &raw.description,
            None,
        );
        self.optional_text(&root.key("note"), "note", &raw.note, None);
        let status = raw
            .status
            .map(|s| self.status(&root.key("status"), s, None));

        let columns = self.columns(&root, &raw.columns);
        if raw.sections.is_empty() {
            self.error(
                &root.key("sections"),
                "a catalog needs at least one section",
            );
        }

        let mut state = CatalogState {
            grpc_catalog: grpc::GrpcLevel {
                grpc: self.grpc_code(&root.key("grpc"), raw.grpc.as_deref(), None),
                status: status.map(|s| (s, self.locate(&root.key("status")))),
            },
            ..CatalogState::default()
        };
        let domain = self.domain(&root.key("domain"), raw.domain.as_deref(), &module);
        self.optional_text(
            &root.key("strip_prefix"),
            "strip_prefix",
            &raw.strip_prefix,
            None,
        );
        state.strip_prefix = raw.strip_prefix.clone().filter(|p| !p.trim().is_empty());
        let mut sections = Vec::new();
        for (i, s) in raw.sections.into_iter().enumerate() {
            let at = root.key("sections").index(i);
            state.section = (i, s.name.clone());
            sections.push(self.section(&at, s, status, &columns, &mut state));
        }
        self.duplicate_codes(&sections, &state.codes);
        self.reserved_codes_in_use(&sections, &state.codes);
        if let Some(prefix) = &state.strip_prefix
            && !state
                .documented
                .keys()
                .any(|n| n.starts_with(prefix.as_str()))
        {
            let d = self
                .diagnostic(
                    &root.key("strip_prefix"),
                    format!("no name of the catalog starts with the `strip_prefix` {}", quote(prefix)),
                )
                .with_hint("the prefix is dropped from the names that start with it; check its spelling and case, or remove it");
            self.report(d);
        }
        let wire = self.wire(
            &root,
            raw.wire.as_ref(),
            &columns,
            &sections,
            status.is_some(),
        );
        let locales = self.locales(&root, raw.locale.as_deref(), raw.locales.as_deref());
        Catalog {
            file: self.file.to_path_buf(),
            module,
            title: raw.title,
            source: raw.source,
            description: raw.description,
            status,
            note: raw.note,
            strip_prefix: state.strip_prefix.clone(),
            code_kind: state.code_kind.unwrap_or(CodeKind::Integer),
            minor_code_kind: state.minor_kind.unwrap_or(CodeKind::Integer),
            wire,
            compatibility: self.compatibility(&root, raw.compatibility.as_deref()),
            domain,
            columns,
            sections,
            locales,
        }
    }

    /// Records `key` (a name's Rust form, or a code) as defined at `at` with the text `shown`;
    /// reports a second definition with a pointer to the first.
    fn unique(
        &mut self,
        seen: &mut BTreeMap<String, First>,
        key: String,
        at: &At,
        shown: String,
        what: &str,
        entry: Option<&str>,
    ) {
        if let Some(first) = seen.get(&key) {
            let first_pos = self.position(&first.at);
            let message = if first.label == shown {
                format!("duplicate {what} {}", quote(&shown))
            } else {
                format!(
                    "{what} {} becomes the Rust name `{key}`, the same as {}",
                    quote(&shown),
                    quote(&first.label)
                )
            };
            let mut d = self
                .diagnostic(at, message)
                .with_hint(format!("first defined at {first_pos}"));
            if let Some(entry) = entry {
                d = d.with_entry(entry);
            }
            self.report(d);
        } else {
            seen.insert(
                key,
                First {
                    at: at.clone(),
                    label: shown,
                    name: String::new(),
                },
            );
        }
    }

    fn status(&mut self, at: &At, status: i64, label: Option<&str>) -> u16 {
        match u16::try_from(status) {
            Ok(s) if (100..=599).contains(&s) => s,
            _ => {
                let mut d = self
                    .diagnostic(at, format!("HTTP status {status} is outside 100..=599"))
                    .with_hint("use an HTTP status code, such as 400 or 500");
                if let Some(label) = label {
                    d = d.with_entry(label);
                }
                self.report(d);
                500
            }
        }
    }

    fn text_field(&mut self, at: &At, field: &str, value: &str, label: Option<&str>) {
        if value.trim().is_empty() {
            let mut d = self.diagnostic(at, format!("`{field}` is empty"));
            if let Some(label) = label {
                d = d.with_entry(label);
            }
            self.report(d);
        }
    }

    fn optional_text(&mut self, at: &At, field: &str, value: &Option<String>, label: Option<&str>) {
        if let Some(value) = value
            && value.trim().is_empty()
        {
            let mut d = self
                .diagnostic(at, format!("`{field}` is empty"))
                .with_hint(format!("remove `{field}` rather than leave it empty"));
            if let Some(label) = label {
                d = d.with_entry(label);
            }
            self.report(d);
        }
    }
}

fn at_parent(at: &At) -> At {
    match &at.0 {
        Some(place) => place.parent.clone(),
        None => At::default(),
    }
}
