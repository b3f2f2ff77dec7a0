//! Stage 2: the raw document to the validated model.
//!
//! Every rule of the format is checked here and nowhere else. All problems in a file are
//! collected, each with its place in the file and the entry it concerns; nothing is emitted
//! unless there are none.

use std::collections::BTreeMap;
use std::path::Path;

mod lifecycle;

use crate::diagnostic::{Diagnostic, Location, quote};
use crate::ident;
use crate::model::{
    Catalog, Code, CodeKind, Column, ColumnType, Entry, Message, Minor, Placeholder,
    PlaceholderType, Section, Segment, Value,
};
use crate::parse::{
    Doc, RawCatalog, RawCode, RawColumn, RawColumnType, RawEntry, RawMinor, RawPlaceholderType,
    Step, entry_label,
};

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
        v.problems.sort_by_key(|d| d.location);
        Err(v.problems)
    }
}

/// Checks rules that span catalogs: two files must not make the same module.
pub(crate) fn validate_set(catalogs: &[Catalog]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut problems = Vec::new();
    for c in catalogs {
        if let Some(first) = seen.insert(&c.module, &c.file) {
            problems.push(
                Diagnostic::new(
                    &c.file,
                    None,
                    format!(
                        "module {} is already made by another catalog",
                        quote(&c.module)
                    ),
                )
                .with_hint(format!(
                    "{} makes the same module; set a different `name` in one of them",
                    first.display()
                )),
            );
        }
    }
    problems
}

struct Validator<'a> {
    file: &'a Path,
    doc: &'a Doc,
    problems: Vec<Diagnostic>,
}

/// A path into the document, to be turned into a location only if a problem is reported.
#[derive(Clone, Default)]
struct At(Vec<Step>);

impl At {
    fn key(&self, key: &str) -> At {
        let mut p = self.0.clone();
        p.push(Step::Key(key.to_owned()));
        At(p)
    }
    fn index(&self, i: usize) -> At {
        let mut p = self.0.clone();
        p.push(Step::Index(i));
        At(p)
    }
}

/// The first place a name or code was defined, for "defined first at" hints.
struct First {
    at: At,
    label: String,
}

impl Validator<'_> {
    fn diagnostic(&self, at: &At, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.file, Some(self.doc.locate(&at.0)), message)
    }

    fn report(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    fn error(&mut self, at: &At, message: impl Into<String>) {
        let d = self.diagnostic(at, message);
        self.report(d);
    }

    fn locate(&self, at: &At) -> Location {
        self.doc.locate(&at.0)
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
        let status = self.status(&root.key("status"), raw.status, None);

        let columns = self.columns(&root, &raw.columns);
        if raw.sections.is_empty() {
            self.error(
                &root.key("sections"),
                "a catalog needs at least one section",
            );
        }

        let mut state = CatalogState::default();
        let mut sections = Vec::new();
        for (i, s) in raw.sections.into_iter().enumerate() {
            let at = root.key("sections").index(i);
            state.section = (i, s.name.clone());
            sections.push(self.section(&at, s, status, &columns, &mut state));
        }
        self.duplicate_codes(&state.codes);
        self.reserved_codes_in_use(&sections, &state.codes);
        let wire = self.wire(&root, raw.wire.as_ref(), &columns, &sections);
        Catalog {
            file: self.file.to_path_buf(),
            module,
            title: raw.title,
            source: raw.source,
            description: raw.description,
            status,
            note: raw.note,
            code_kind: state.code_kind.unwrap_or(CodeKind::Integer),
            wire,
            compatibility: self.compatibility(&root, raw.compatibility.as_deref()),
            columns,
            sections,
        }
    }

    fn columns(&mut self, root: &At, raw: &[RawColumn]) -> Vec<Column> {
        let mut seen: BTreeMap<String, First> = BTreeMap::new();
        let mut columns = Vec::new();
        for (i, c) in raw.iter().enumerate() {
            let at = root.key("columns").index(i);
            let kind = match c.kind {
                RawColumnType::Bool => ColumnType::Bool,
                RawColumnType::Integer => ColumnType::Integer,
                RawColumnType::String => ColumnType::String,
            };
            if let Some(why) = why_not_snake(&c.name, Case::Lower) {
                let d = self
                    .diagnostic(
                        &at.key("name"),
                        format!("{} is not a valid column name: it {why}", quote(&c.name)),
                    )
                    .with_hint("a column becomes a method: use snake_case, such as `retry_after`");
                self.report(d);
            } else if ident::RESERVED_METHODS.contains(&c.name.as_str()) {
                let d = self
                    .diagnostic(
                        &at.key("name"),
                        format!(
                            "column `{}` clashes with the generated method `Error::{}`",
                            c.name, c.name
                        ),
                    )
                    .with_hint(format!(
                        "choose another name; the generated methods are {}",
                        ident::RESERVED_METHODS.join(", ")
                    ));
                self.report(d);
            }
            self.unique(
                &mut seen,
                c.name.clone(),
                &at.key("name"),
                c.name.clone(),
                "column",
                None,
            );
            self.optional_text(&at.key("description"), "description", &c.description, None);
            let default = c
                .default
                .as_ref()
                .and_then(|v| self.value(&at.key("default"), v, kind, &c.name, None));
            columns.push(Column {
                name: c.name.clone(),
                kind,
                description: c.description.clone(),
                default,
                location: self.locate(&at),
            });
        }
        columns
    }

    fn section(
        &mut self,
        at: &At,
        raw: crate::parse::RawSection,
        catalog_status: u16,
        columns: &[Column],
        state: &mut CatalogState,
    ) -> Section {
        if let Some(why) = why_not_snake(&raw.name, Case::Upper) {
            let d = self
                .diagnostic(
                    &at.key("name"),
                    format!(
                        "section name {} is not UPPER_SNAKE: it {why}",
                        quote(&raw.name)
                    ),
                )
                .with_hint("section names look like `USER_ERRORS`");
            self.report(d);
        } else {
            let type_name = ident::type_name(&raw.name);
            self.reserved(&at.key("name"), &raw.name, &type_name, "section", None);
            self.unique(
                &mut state.section_names,
                type_name,
                &at.key("name"),
                raw.name.clone(),
                "section name",
                None,
            );
        }
        self.text_field(&at.key("title"), "title", &raw.title, None);
        self.optional_text(
            &at.key("description"),
            "description",
            &raw.description,
            None,
        );
        self.optional_text(&at.key("note"), "note", &raw.note, None);
        let status = raw.status.map(|s| self.status(&at.key("status"), s, None));
        let shared = self.column_values(&at.key("columns"), &raw.columns, columns, None);
        if raw.entries.is_empty() {
            self.error(
                &at.key("entries"),
                format!("section {} has no entries", quote(&raw.name)),
            );
        }
        let mut entries = Vec::new();
        for (j, e) in raw.entries.into_iter().enumerate() {
            let entry_at = at.key("entries").index(j);
            let default_status = status.unwrap_or(catalog_status);
            if let Some(entry) = self.entry(&entry_at, e, default_status, columns, &shared, state) {
                entries.push(entry);
            }
        }
        let reserved = self.reservations(at, &raw.reserved, state);
        Section {
            name: raw.name,
            title: raw.title,
            description: raw.description,
            status,
            note: raw.note,
            entries,
            reserved,
            location: self.locate(at),
        }
    }

    fn entry(
        &mut self,
        at: &At,
        raw: RawEntry,
        default_status: u16,
        columns: &[Column],
        shared: &[Option<Value>],
        state: &mut CatalogState,
    ) -> Option<Entry> {
        let label = entry_label(
            &raw.code.to_string(),
            match (&raw.name, &raw.code) {
                (Some(name), _) => name,
                (None, RawCode::String(s)) if ident::is_upper_snake(s) => s,
                (None, _) => "",
            },
        );
        let code = self.code(&at.key("code"), &raw.code, &label, state);
        let name = match (&raw.name, &raw.code) {
            (Some(name), _) => name.clone(),
            (None, RawCode::String(s)) if ident::is_upper_snake(s) => s.clone(),
            (None, _) => {
                let d = self
                    .diagnostic(at, "entry has no `name`")
                    .with_entry(label.clone())
                    .with_hint(match raw.code {
                        RawCode::Integer(_) => "an entry with an integer code needs an UPPER_SNAKE `name`",
                        RawCode::String(_) => "this string code is not UPPER_SNAKE, so it cannot be its own name: set `name`",
                    });
                self.report(d);
                String::new()
            }
        };
        let label = label.as_str();

        if !name.is_empty() {
            let valid = self.entry_name(&at.key("name"), &name, "name", label, state);
            if valid && !raw.minors.is_empty() && ident::type_name(&name) == "Error" {
                let d = self
                    .diagnostic(
                        &at.key("name"),
                        format!("the entry {} has minor codes, and its minor-code enum would be `minor::Error`, which clashes with the generated `Error` type", quote(&name)),
                    )
                    .with_entry(label)
                    .with_hint("give the entry another name and keep the documented one as an alias (`aliases: [ERROR]`)");
                self.report(d);
            }
        }
        for (k, alias) in raw.aliases.iter().enumerate() {
            self.entry_name(&at.key("aliases").index(k), alias, "alias", label, state);
        }
        if let Some(code) = &code {
            state.codes.push(CodeSite {
                code: code.clone(),
                at: at.clone(),
                label: label.to_owned(),
                section: state.section.clone(),
            });
        }

        let placeholders = self.placeholders(at, &raw, label);
        let message = self.message(&at.key("message"), &raw.message, &placeholders, label);
        self.optional_text(
            &at.key("description"),
            "description",
            &raw.description,
            Some(label),
        );
        self.optional_text(
            &at.key("deprecated"),
            "deprecated",
            &raw.deprecated,
            Some(label),
        );
        let deprecated = self.retirement(at, &raw, label);
        self.optional_text(&at.key("reaction"), "reaction", &raw.reaction, Some(label));
        self.optional_text(&at.key("note"), "note", &raw.note, Some(label));
        let status = match raw.status {
            Some(s) => self.status(&at.key("status"), s, Some(label)),
            None => default_status,
        };
        let own = self.column_values(&at.key("columns"), &raw.columns, columns, Some(label));
        let values = columns
            .iter()
            .enumerate()
            .map(|(c, column)| {
                own[c]
                    .clone()
                    .or_else(|| shared[c].clone())
                    .or_else(|| column.default.clone())
            })
            .collect();
        let minors = self.minors(at, &raw.minors, label);

        Some(Entry {
            code: code?,
            name,
            message: message?,
            description: raw.description,
            status,
            aliases: raw.aliases,
            deprecated,
            retired: raw.retired,
            reaction: raw.reaction,
            placeholders,
            columns: values,
            minors,
            note: raw.note,
            location: self.locate(at),
        })
    }

    fn code(
        &mut self,
        at: &At,
        raw: &RawCode,
        label: &str,
        state: &mut CatalogState,
    ) -> Option<Code> {
        let (kind, code) = match raw {
            RawCode::Integer(n) => match u32::try_from(*n) {
                Ok(n) => (CodeKind::Integer, Some(Code::Integer(n))),
                Err(_) => {
                    let d = self
                        .diagnostic(at, format!("code {n} is out of range"))
                        .with_entry(label)
                        .with_hint(format!(
                            "integer codes are 0..={}; a code outside it can be written as a string, if every code of the catalog is",
                            u32::MAX
                        ));
                    self.report(d);
                    (CodeKind::Integer, None)
                }
            },
            RawCode::String(s) => {
                if s.trim().is_empty() {
                    let d = self
                        .diagnostic(at, format!("code {s:?} is empty"))
                        .with_entry(label)
                        .with_hint("write the code as the API sends it");
                    self.report(d);
                    return None;
                } else if s.trim() != s || s.chars().any(char::is_control) {
                    let d = self
                        .diagnostic(
                            at,
                            format!("code {s:?} has surrounding spaces or control characters"),
                        )
                        .with_entry(label)
                        .with_hint(
                            "write the code exactly as the API sends it, without spaces around it",
                        );
                    self.report(d);
                    return None;
                } else {
                    (CodeKind::String, Some(Code::String(s.clone())))
                }
            }
        };
        match state.code_kind {
            None => state.code_kind = Some(kind),
            Some(first) if first != kind => {
                let (want, got) = match first {
                    CodeKind::Integer => ("integers", "a string"),
                    CodeKind::String => ("strings", "an integer"),
                };
                let d = self
                    .diagnostic(
                        at,
                        format!("code {raw} is {got}, but this catalog's codes are {want}"),
                    )
                    .with_entry(label)
                    .with_hint("all codes of a catalog are integers, or all are strings; quote a number to make it a string");
                self.report(d);
                return None;
            }
            Some(_) => {}
        }
        code
    }

    /// Checks an entry's name or alias; returns whether it is a valid name.
    fn entry_name(
        &mut self,
        at: &At,
        name: &str,
        what: &str,
        label: &str,
        state: &mut CatalogState,
    ) -> bool {
        if let Some(why) = why_not_snake(name, Case::Upper) {
            let d = self
                .diagnostic(at, format!("{what} {} is not UPPER_SNAKE: it {why}", quote(name)))
                .with_entry(label)
                .with_hint("names look like `USER_NOT_FOUND`: ASCII capitals, digits and single underscores, starting with a letter");
            self.report(d);
            return false;
        }
        let type_name = ident::type_name(name);
        self.reserved(at, name, &type_name, what, Some(label));
        match state.names.get(&type_name) {
            Some(first) => {
                let first_pos = self.position(&first.at);
                let message = if first.name == name {
                    format!(
                        "duplicate {what} `{name}`: entry `{}` already has it",
                        first.label
                    )
                } else {
                    format!(
                        "{what} `{name}` becomes the Rust name `{type_name}`, the same as `{}` of entry `{}`",
                        first.name, first.label
                    )
                };
                let d = self
                    .diagnostic(at, message)
                    .with_entry(label)
                    .with_hint(format!(
                        "first defined at {first_pos} ({}); names and aliases are unique in a catalog, compared by their Rust form",
                        first.label
                    ));
                self.report(d);
            }
            None => {
                state.names.insert(
                    type_name,
                    FirstName {
                        at: at.clone(),
                        label: label.to_owned(),
                        name: name.to_owned(),
                    },
                );
            }
        }
        true
    }

    /// Rejects a name whose Rust form is one of the generated enums' associated items.
    fn reserved(&mut self, at: &At, name: &str, type_name: &str, what: &str, label: Option<&str>) {
        if ident_reserved(type_name) {
            let mut d = self
                .diagnostic(
                    at,
                    format!(
                        "{what} `{name}` becomes the Rust name `{type_name}`, which the generated code already uses"
                    ),
                )
                .with_hint(format!(
                    "`{type_name}` is an associated constant of the generated enums; choose another name"
                ));
            if let Some(label) = label {
                d = d.with_entry(label);
            }
            self.report(d);
        }
    }

    /// Reports every code defined twice, pointing at the first definition and suggesting the
    /// next free code of the duplicate's section.
    fn duplicate_codes(&mut self, sites: &[CodeSite]) {
        let mut first: BTreeMap<&Code, &CodeSite> = BTreeMap::new();
        let used: std::collections::BTreeSet<&Code> = sites.iter().map(|s| &s.code).collect();
        // The highest integer code of each section, and (computed once) its next free code.
        let mut last: BTreeMap<usize, u32> = BTreeMap::new();
        for site in sites {
            if let Code::Integer(n) = site.code {
                let max = last.entry(site.section.0).or_insert(n);
                *max = (*max).max(n);
            }
        }
        let mut next_free: BTreeMap<usize, Option<u32>> = BTreeMap::new();
        for site in sites {
            let Some(original) = first.get(&site.code) else {
                first.insert(&site.code, site);
                continue;
            };
            let first_pos = self.position(&original.at);
            let mut hint = format!("first defined at {first_pos} ({})", original.label);
            if let Code::Integer(_) = site.code {
                let free = *next_free.entry(site.section.0).or_insert_with(|| {
                    let last = last.get(&site.section.0)?;
                    (last.checked_add(1)?..=u32::MAX)
                        .take(10_000)
                        .find(|n| !used.contains(&Code::Integer(*n)))
                });
                if let Some(free) = free {
                    hint.push_str(&format!(
                        "; the next free code in section {} is {free}",
                        quote(&site.section.1)
                    ));
                }
            }
            let d = self
                .diagnostic(
                    &site.at,
                    format!(
                        "duplicate code: `{}` repeats `{}`",
                        site.label, original.label
                    ),
                )
                .with_entry(site.label.clone())
                .with_hint(hint);
            self.report(d);
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
                },
            );
        }
    }

    fn placeholders(&mut self, at: &At, raw: &RawEntry, label: &str) -> Vec<Placeholder> {
        let mut seen: BTreeMap<String, First> = BTreeMap::new();
        for (k, p) in raw.placeholders.iter().enumerate() {
            let p_at = at.key("placeholders").index(k);
            if !ident::is_lower_snake(&p.name) {
                let why = why_not_snake(&p.name, Case::Lower).unwrap_or_default();
                let d = self
                    .diagnostic(
                        &p_at.key("name"),
                        format!(
                            "placeholder name {} is not snake_case: it {why}",
                            quote(&p.name)
                        ),
                    )
                    .with_entry(label)
                    .with_hint("placeholder names look like `asset_id`");
                self.report(d);
            }
            if matches!(p.name.as_str(), "self" | "super" | "crate") {
                let d = self
                    .diagnostic(
                        &p_at.key("name"),
                        format!("placeholder name {} is reserved in Rust", quote(&p.name)),
                    )
                    .with_entry(label)
                    .with_hint("a placeholder becomes a field of the code's typed values: choose another name");
                self.report(d);
            }
            self.unique(
                &mut seen,
                p.name.clone(),
                &p_at.key("name"),
                p.name.clone(),
                "placeholder",
                Some(label),
            );
            for (field, value) in [
                ("documented", &p.documented),
                ("example", &p.example),
                ("description", &p.description),
            ] {
                self.optional_text(&p_at.key(field), field, value, Some(label));
            }
        }
        raw.placeholders
            .iter()
            .map(|p| Placeholder {
                name: p.name.clone(),
                kind: match p.kind {
                    None | Some(RawPlaceholderType::String) => PlaceholderType::String,
                    Some(RawPlaceholderType::Integer) => PlaceholderType::Integer,
                    Some(RawPlaceholderType::Float) => PlaceholderType::Float,
                    Some(RawPlaceholderType::Bool) => PlaceholderType::Bool,
                    Some(RawPlaceholderType::Display) => PlaceholderType::Display,
                },
                documented: p.documented.clone(),
                example: p.example.clone(),
                description: p.description.clone(),
            })
            .collect()
    }

    fn message(
        &mut self,
        at: &At,
        text: &str,
        placeholders: &[Placeholder],
        label: &str,
    ) -> Option<Message> {
        if text.trim().is_empty() {
            let d = self
                .diagnostic(at, "message is empty")
                .with_entry(label)
                .with_hint(
                    "every code needs a message; say in `note` where the document gives none",
                );
            self.report(d);
            return None;
        }
        let segments = match split_message(text) {
            Ok(segments) => segments,
            Err(problem) => {
                let d = self
                    .diagnostic(at, format!("message: {problem}"))
                    .with_entry(label)
                    .with_hint(
                        "placeholders are written `{name}`; write `{{` and `}}` for literal braces",
                    );
                self.report(d);
                return None;
            }
        };
        let mut used = vec![false; placeholders.len()];
        let mut resolved = Vec::new();
        let mut ok = true;
        for s in segments {
            match s {
                Piece::Text(t) => resolved.push(Segment::Text(t)),
                Piece::Name(n) => match placeholders.iter().position(|p| p.name == n) {
                    Some(i) => {
                        used[i] = true;
                        resolved.push(Segment::Placeholder(i));
                    }
                    None => {
                        ok = false;
                        let d = self
                            .diagnostic(
                                at,
                                format!(
                                    "message uses placeholder `{{{n}}}`, which is not declared"
                                ),
                            )
                            .with_entry(label)
                            .with_hint(format!(
                                "declare it under `placeholders:` as `- name: {n}`"
                            ));
                        self.report(d);
                    }
                },
            }
        }
        for (i, p) in placeholders.iter().enumerate() {
            if !used[i] {
                ok = false;
                let d = self
                    .diagnostic(
                        &at_parent(at).key("placeholders").index(i),
                        format!(
                            "placeholder `{}` is declared but the message does not use it",
                            p.name
                        ),
                    )
                    .with_entry(label)
                    .with_hint(format!(
                        "write `{{{}}}` in the message, or remove the declaration",
                        p.name
                    ));
                self.report(d);
            }
        }
        ok.then(|| Message {
            source: text.to_owned(),
            segments: resolved,
        })
    }

    fn minors(&mut self, at: &At, raw: &[RawMinor], label: &str) -> Vec<Minor> {
        let mut codes: BTreeMap<String, First> = BTreeMap::new();
        let mut names: BTreeMap<String, First> = BTreeMap::new();
        let mut minors = Vec::new();
        let all: Vec<u32> = raw
            .iter()
            .filter_map(|m| match m.code {
                RawCode::Integer(n) => u32::try_from(n).ok(),
                RawCode::String(_) => None,
            })
            .collect();
        for (k, m) in raw.iter().enumerate() {
            let m_at = at.key("minors").index(k);
            let code = match m.code {
                RawCode::Integer(n) => u32::try_from(n).ok(),
                RawCode::String(_) => None,
            };
            let Some(code) = code else {
                let d = self
                    .diagnostic(
                        &m_at.key("code"),
                        format!(
                            "minor code {} is not an integer in 0..={}",
                            show_code(&m.code),
                            u32::MAX
                        ),
                    )
                    .with_entry(label)
                    .with_hint(
                        "the document's wildcard row (`*`) is written as the entry's `reaction`",
                    );
                self.report(d);
                continue;
            };
            let duplicate = codes.contains_key(&code.to_string());
            if duplicate {
                let first_pos = self.position(&codes[&code.to_string()].at);
                let mut hint = format!("first defined at {first_pos}");
                let max = all.iter().max().copied().unwrap_or(code);
                if let Some(free) = max.checked_add(1) {
                    hint.push_str(&format!(
                        "; the next free minor code of this entry is {free}"
                    ));
                }
                let d = self
                    .diagnostic(&m_at.key("code"), format!("duplicate minor code {code}"))
                    .with_entry(label)
                    .with_hint(hint);
                self.report(d);
            } else {
                codes.insert(
                    code.to_string(),
                    First {
                        at: m_at.key("code"),
                        label: code.to_string(),
                    },
                );
            }
            let named_ok = match &m.name {
                Some(name) => match why_not_snake(name, Case::Upper) {
                    Some(why) => {
                        let d = self
                            .diagnostic(
                                &m_at.key("name"),
                                format!("minor name {} is not UPPER_SNAKE: it {why}", quote(name)),
                            )
                            .with_entry(label)
                            .with_hint("minor names look like `USERNAME_INVALID`");
                        self.report(d);
                        false
                    }
                    None => true,
                },
                None => true,
            };
            // An unnamed minor with a duplicate code is reported once, as the duplicate code.
            if named_ok && !(duplicate && m.name.is_none()) {
                let type_name = ident::minor_type_name(m.name.as_deref(), code);
                let this = match &m.name {
                    Some(name) => format!("minor name `{name}`"),
                    None => format!("the unnamed minor code {code}"),
                };
                let name_at = if m.name.is_some() {
                    m_at.key("name")
                } else {
                    m_at.clone()
                };
                if let Some(name) = &m.name {
                    self.reserved(&name_at, name, &type_name, "minor name", Some(label));
                }
                match names.get(&type_name) {
                    Some(first) => {
                        let first_pos = self.position(&first.at);
                        let message = if first.label == this {
                            format!("duplicate {this}")
                        } else {
                            format!(
                                "{this} gets the Rust name `{type_name}`, the same as {}",
                                first.label
                            )
                        };
                        let d = self
                            .diagnostic(&name_at, message)
                            .with_entry(label)
                            .with_hint(format!("first defined at {first_pos}; minor-code variants are unique within an entry"));
                        self.report(d);
                    }
                    None => {
                        names.insert(
                            type_name,
                            First {
                                at: name_at,
                                label: this,
                            },
                        );
                    }
                }
            }
            for (field, value) in [
                ("detail", &m.detail),
                ("reaction", &m.reaction),
                ("note", &m.note),
            ] {
                self.optional_text(&m_at.key(field), field, value, Some(label));
            }
            minors.push(Minor {
                code,
                name: m.name.clone(),
                detail: m.detail.clone(),
                reaction: m.reaction.clone(),
                note: m.note.clone(),
                location: self.locate(&m_at),
            });
        }
        minors
    }

    /// Resolves a `columns:` map against the declared columns, one slot per column.
    fn column_values(
        &mut self,
        at: &At,
        raw: &serde_yaml::Mapping,
        columns: &[Column],
        label: Option<&str>,
    ) -> Vec<Option<Value>> {
        let mut values = vec![None; columns.len()];
        for (key, value) in raw {
            let Some(key) = key.as_str() else {
                self.error(at, "column names are strings");
                continue;
            };
            let Some(c) = columns.iter().position(|c| c.name == key) else {
                let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
                let mut d = self.diagnostic(&at.key(key), format!("unknown column {}", quote(key)));
                if let Some(label) = label {
                    d = d.with_entry(label);
                }
                d = d.with_hint(match ident::nearest(key, &names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if names.is_empty() => {
                        "declare it in the catalog's `columns:` list".to_owned()
                    }
                    None => format!("the catalog declares: {}", names.join(", ")),
                });
                self.report(d);
                continue;
            };
            values[c] = self.value(&at.key(key), value, columns[c].kind, key, label);
        }
        values
    }

    fn value(
        &mut self,
        at: &At,
        value: &serde_yaml::Value,
        kind: ColumnType,
        column: &str,
        label: Option<&str>,
    ) -> Option<Value> {
        let typed = match (kind, value) {
            (ColumnType::Bool, serde_yaml::Value::Bool(b)) => Some(Value::Bool(*b)),
            (ColumnType::Integer, serde_yaml::Value::Number(n)) => n.as_i64().map(Value::Integer),
            (ColumnType::String, serde_yaml::Value::String(s)) => Some(Value::String(s.clone())),
            _ => None,
        };
        if typed.is_none() {
            let shown = serde_yaml::to_string(value).unwrap_or_default();
            let mut d = self.diagnostic(
                at,
                format!(
                    "column `{column}` is of type {kind}, but the value is {}",
                    quote(&shown.trim_end().replace('\n', " "))
                ),
            );
            if let Some(label) = label {
                d = d.with_entry(label);
            }
            self.report(d);
        }
        typed
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

/// Names a body value may not take: the body's own fields, and the members of an RFC 9457
/// problem document, where parameters appear as extension members.
const WIRE_RESERVED: &[&str] = &[
    "status", "code", "name", "message", "minor", "type", "title", "detail", "instance",
];

/// Every source a wire field may take its value from.
const WIRE_SOURCES: &[&str] = &[
    "status", "code", "name", "message", "minor", "column", "param", "constant",
];

impl Validator<'_> {
    /// Resolves the `wire:` block against the catalog's columns; without one, the default
    /// `{"code": .., "message": ..}` shape.
    fn wire(
        &mut self,
        root: &At,
        raw: Option<&crate::parse::RawWire>,
        columns: &[Column],
        sections: &[Section],
    ) -> crate::model::Wire {
        use crate::model::{Wire, WireField, WireSource};
        let Some(raw) = raw else {
            return Wire::default_shape();
        };
        let at = root.key("wire");
        self.optional_text(&at.key("envelope"), "envelope", &raw.envelope, None);
        let mut keys: BTreeMap<String, First> = BTreeMap::new();
        let mut values: BTreeMap<String, First> = BTreeMap::new();
        let mut fields = Vec::new();
        let mut unresolved = false;
        for (i, f) in raw.fields.iter().enumerate() {
            let f_at = at.key("fields").index(i);
            let label = format!("wire field `{}`", f.name);
            self.text_field(&f_at.key("name"), "name", &f.name, None);
            self.unique(
                &mut keys,
                f.name.clone(),
                &f_at,
                f.name.clone(),
                "wire field",
                None,
            );
            for (key, present, owner) in [
                ("column", f.column.is_some(), "column"),
                ("param", f.param.is_some(), "param"),
                ("type", f.kind.is_some(), "param"),
                ("value", f.value.is_some(), "constant"),
            ] {
                if present && f.from != owner {
                    let d = self
                        .diagnostic(
                            &f_at.key(key),
                            format!(
                                "{label}: `{key}` goes with `from: {owner}`, but the field is `from: {}`",
                                f.from
                            ),
                        )
                        .with_hint(format!("remove `{key}`, or write `from: {owner}`"));
                    self.report(d);
                }
            }
            let source = match f.from.as_str() {
                "status" => Some(WireSource::Status),
                "code" => Some(WireSource::Code),
                "name" => Some(WireSource::Name),
                "message" => Some(WireSource::Message),
                "minor" => Some(WireSource::Minor),
                "column" => self.wire_column(&f_at, f, &label, columns),
                "param" => self.wire_param(&f_at, f, &label, sections),
                "constant" => self.wire_constant(&f_at, f, &label),
                other => {
                    let d = self
                        .diagnostic(
                            &f_at.key("from"),
                            format!("{label}: unknown source `{other}`"),
                        )
                        .with_hint(match ident::nearest(other, WIRE_SOURCES) {
                            Some(near) => format!("did you mean `{near}`?"),
                            None => format!("the sources are: {}", WIRE_SOURCES.join(", ")),
                        });
                    self.report(d);
                    None
                }
            };
            let Some(source) = source else {
                unresolved = true;
                continue;
            };
            // The name of the value in the generated body type: one field per value.
            let value = match &source {
                WireSource::Column(c) => Some(columns[*c].name.clone()),
                WireSource::Param { name, .. } => Some(name.clone()),
                WireSource::Constant(_) => None,
                _ => Some(f.from.clone()),
            };
            if let Some(value) = value {
                self.unique(&mut values, value.clone(), &f_at, value, "wire value", None);
            }
            fields.push(WireField {
                name: f.name.clone(),
                source,
            });
        }
        // A field whose source is wrong may be the missing one: report that mistake alone.
        for (source, what) in [(WireSource::Code, "code"), (WireSource::Message, "message")] {
            if !unresolved && !fields.iter().any(|f: &WireField| f.source == source) {
                let d = self
                    .diagnostic(
                        &at.key("fields"),
                        format!("the wire shape has no field `from: {what}`"),
                    )
                    .with_hint(format!(
                        "every error body carries its {what}: add `- {{ name: {what}, from: {what} }}`"
                    ));
                self.report(d);
            }
        }
        Wire {
            envelope: raw.envelope.clone(),
            fields,
            location: Some(self.locate(&at)),
        }
    }

    fn wire_column(
        &mut self,
        at: &At,
        f: &crate::parse::RawWireField,
        label: &str,
        columns: &[Column],
    ) -> Option<crate::model::WireSource> {
        let Some(name) = &f.column else {
            let d = self
                .diagnostic(at, format!("{label}: `from: column` needs `column`"))
                .with_hint("name the column: `column: my_column`");
            self.report(d);
            return None;
        };
        let Some(c) = columns.iter().position(|c| &c.name == name) else {
            let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
            let d = self
                .diagnostic(
                    &at.key("column"),
                    format!("{label}: column `{name}` is not declared"),
                )
                .with_hint(match ident::nearest(name, &names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if names.is_empty() => {
                        "declare it in the catalog's `columns:` list".to_owned()
                    }
                    None => format!("the catalog declares: {}", names.join(", ")),
                });
            self.report(d);
            return None;
        };
        if WIRE_RESERVED.contains(&name.as_str()) {
            let d = self
                .diagnostic(
                    &at.key("column"),
                    format!("{label}: column `{name}` cannot go on the wire under its name"),
                )
                .with_hint(format!(
                    "`{name}` is taken by the body type; rename the column (reserved: {})",
                    WIRE_RESERVED.join(", ")
                ));
            self.report(d);
            return None;
        }
        Some(crate::model::WireSource::Column(c))
    }

    fn wire_param(
        &mut self,
        at: &At,
        f: &crate::parse::RawWireField,
        label: &str,
        sections: &[Section],
    ) -> Option<crate::model::WireSource> {
        let param_name = f.param.as_deref().unwrap_or(&f.name);
        // Placeholders of the same name fill the parameter, so they must agree on its type.
        let same_name: Vec<(&Entry, PlaceholderType)> = sections
            .iter()
            .flat_map(|s| &s.entries)
            .flat_map(|e| {
                e.placeholders
                    .iter()
                    .filter(|p| p.name == param_name)
                    .map(move |p| (e, p.kind))
            })
            .collect();
        let declared = f.kind.map(|k| match k {
            RawColumnType::Bool => ColumnType::Bool,
            RawColumnType::Integer => ColumnType::Integer,
            RawColumnType::String => ColumnType::String,
        });
        let inherited = same_name.first().and_then(|(_, k)| k.column_type());
        let Some(kind) = declared.or(inherited) else {
            let d = self
                .diagnostic(at, format!("{label}: `from: param` needs `type`"))
                .with_hint("give the value's type: `type: integer` (or `bool`, `string`)");
            self.report(d);
            return None;
        };
        for (e, k) in &same_name {
            if k.column_type() != Some(kind) {
                let d = self
                    .diagnostic(
                        at,
                        format!(
                            "{label}: parameter `{param_name}` is {kind}, but placeholder `{{{param_name}}}` of entry `{}` is {k}",
                            e.label()
                        ),
                    )
                    .with_hint(
                        "a placeholder fills the wire parameter of its name: give both the same type",
                    );
                self.report(d);
                return None;
            }
        }
        let (name, at) = match &f.param {
            Some(name) => (name, at.key("param")),
            None => (&f.name, at.key("name")),
        };
        if !ident::is_lower_snake(name) || ident::is_keyword(name) {
            let d = self
                .diagnostic(&at, format!("{label}: `{name}` is not a valid parameter name"))
                .with_hint(if f.param.is_some() {
                    "a parameter becomes a field of the body type: use snake_case, not a Rust keyword"
                } else {
                    "the parameter is named after the field unless `param` names it: set `param: snake_case_name`"
                });
            self.report(d);
            return None;
        }
        if WIRE_RESERVED.contains(&name.as_str()) {
            let d = self
                .diagnostic(&at, format!("{label}: parameter name `{name}` is reserved"))
                .with_hint(format!(
                    "choose another `param` name (reserved: {})",
                    WIRE_RESERVED.join(", ")
                ));
            self.report(d);
            return None;
        }
        Some(crate::model::WireSource::Param {
            name: name.clone(),
            kind,
        })
    }

    fn wire_constant(
        &mut self,
        at: &At,
        f: &crate::parse::RawWireField,
        label: &str,
    ) -> Option<crate::model::WireSource> {
        let Some(value) = &f.value else {
            let d = self
                .diagnostic(at, format!("{label}: `from: constant` needs `value`"))
                .with_hint("give the value every body carries: `value: 1`");
            self.report(d);
            return None;
        };
        let value = match value {
            serde_yaml::Value::Bool(b) => Some(Value::Bool(*b)),
            serde_yaml::Value::Number(n) => n.as_i64().map(Value::Integer),
            serde_yaml::Value::String(s) => Some(Value::String(s.clone())),
            _ => None,
        };
        if value.is_none() {
            let d = self
                .diagnostic(
                    &at.key("value"),
                    format!("{label}: a constant is a boolean, an integer or a string"),
                )
                .with_hint("write a scalar: `value: 0`, `value: true` or `value: text`");
            self.report(d);
        }
        value.map(crate::model::WireSource::Constant)
    }
}

fn at_parent(at: &At) -> At {
    let mut p = at.0.clone();
    p.pop();
    At(p)
}

#[derive(Default)]
struct CatalogState {
    code_kind: Option<CodeKind>,
    /// Every valid code, in document order.
    codes: Vec<CodeSite>,
    /// Entry names and aliases by their Rust name.
    names: BTreeMap<String, FirstName>,
    section_names: BTreeMap<String, First>,
    /// The section being read: its index and name.
    section: (usize, String),
}

struct CodeSite {
    code: Code,
    at: At,
    label: String,
    section: (usize, String),
}

/// Where a name was first defined, with the entry it belongs to.
struct FirstName {
    at: At,
    label: String,
    name: String,
}

/// A code as the catalog writes it: `1001`, or a quoted string.
fn show_code(code: &RawCode) -> String {
    code.to_string()
}

fn ident_reserved(type_name: &str) -> bool {
    ident::RESERVED_ASSOCIATED.contains(&type_name)
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    /// `snake_case`: module and column names.
    Lower,
    /// `UPPER_SNAKE`: entry, alias, section and minor names.
    Upper,
}

/// Why `name` is not a valid name of the given case (`None` if it is), as the end of a
/// sentence "it ...".
fn why_not_snake(name: &str, case: Case) -> Option<String> {
    let valid = match case {
        Case::Lower => ident::is_lower_snake(name) && !ident::is_keyword(name),
        Case::Upper => ident::is_upper_snake(name),
    };
    if valid {
        return None;
    }
    let wrong_case = |c: char| match case {
        Case::Lower => c.is_ascii_uppercase(),
        Case::Upper => c.is_ascii_lowercase(),
    };
    Some(if name.is_empty() {
        "is empty".to_owned()
    } else if let Some(c) = name.chars().find(|c| !c.is_ascii()) {
        format!("contains the non-ASCII character {}", describe_char(c))
    } else if let Some(c) = name.chars().find(|c| c.is_ascii_whitespace()) {
        format!("contains whitespace ({})", describe_char(c))
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        "starts with a digit".to_owned()
    } else if name.chars().any(wrong_case) {
        match case {
            Case::Lower => "contains capital letters".to_owned(),
            Case::Upper => "contains lowercase letters".to_owned(),
        }
    } else if let Some(c) = name
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && *c != '_')
    {
        format!("contains {}", describe_char(c))
    } else if name.starts_with('_') {
        "starts with an underscore".to_owned()
    } else if name.ends_with('_') {
        "ends with an underscore".to_owned()
    } else if name.contains("__") {
        "has a double underscore".to_owned()
    } else {
        "is a Rust keyword".to_owned()
    })
}

/// `'é' (U+00E9)`, or just `U+200B` for a character that would not show.
fn describe_char(c: char) -> String {
    let shown = c.escape_debug().to_string();
    if shown.starts_with('\\') {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}' (U+{:04X})", u32::from(c))
    }
}

enum Piece {
    Text(String),
    Name(String),
}

/// Splits a message into text and `{name}` placeholders; `{{` and `}}` are literal braces.
fn split_message(text: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut buf = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                buf.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                buf.push('}');
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => name.push(c),
                        None => {
                            return Err(format!("{} is not closed", quote(&format!("{{{name}"))));
                        }
                    }
                }
                if !ident::is_lower_snake(&name) {
                    return Err(format!(
                        "{} is not a placeholder: a placeholder name is snake_case",
                        quote(&format!("{{{name}}}"))
                    ));
                }
                if !buf.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut buf)));
                }
                pieces.push(Piece::Name(name));
            }
            '}' => return Err("a lone `}`".to_owned()),
            c => buf.push(c),
        }
    }
    if !buf.is_empty() {
        pieces.push(Piece::Text(buf));
    }
    Ok(pieces)
}
