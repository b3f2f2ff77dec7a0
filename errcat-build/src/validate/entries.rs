//! Sections and entries: codes (their kind, range and uniqueness), statuses and column values.

use std::collections::BTreeMap;

use super::{At, Case, First, Validator, why_not_snake};
use crate::diagnostic::quote;
use crate::ident;
use crate::model::{Code, CodeKind, Column, Entry, Section, Value};
use crate::parse::{RawCode, RawEntry, entry_label};

impl Validator<'_> {
    /// Whether a section or entry may set a status: only in a catalog with statuses (whose top
    /// level sets `status`). `default` is the status it would have without its own.
    fn status_allowed(
        &mut self,
        at: &At,
        default: Option<u16>,
        what: &str,
        label: Option<&str>,
    ) -> bool {
        if default.is_some() {
            return true;
        }
        let mut d = self
            .diagnostic(at, format!("{what} sets an HTTP status, but the catalog has none"))
            .with_hint("a catalog has HTTP statuses if its top level sets the default `status`; set it there, or remove this one");
        if let Some(label) = label {
            d = d.with_entry(label);
        }
        self.report(d);
        false
    }

    pub(super) fn section(
        &mut self,
        at: &At,
        raw: crate::parse::RawSection,
        catalog_status: Option<u16>,
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
        let status = raw.status.and_then(|s| {
            self.status_allowed(&at.key("status"), catalog_status, "a section", None)
                .then(|| self.status(&at.key("status"), s, None))
        });
        let shared = self.column_values(&at.key("columns"), &raw.columns, columns, None);
        state.grpc_section = super::grpc::GrpcLevel {
            grpc: self.grpc_code(&at.key("grpc"), raw.grpc.as_deref(), None),
            status: status.map(|s| (s, self.locate(&at.key("status")))),
        };
        if raw.entries.is_empty() {
            self.error(
                &at.key("entries"),
                format!("section {} has no entries", quote(&raw.name)),
            );
        }
        let mut entries = Vec::new();
        for (j, e) in raw.entries.into_iter().enumerate() {
            let entry_at = at.key("entries").index(j);
            let default_status = status.or(catalog_status);
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

    pub(super) fn entry(
        &mut self,
        at: &At,
        raw: RawEntry,
        default_status: Option<u16>,
        columns: &[Column],
        shared: &[Option<Value>],
        state: &mut CatalogState,
    ) -> Option<Entry> {
        let label = entry_label(
            &raw.code.to_string(),
            match (&raw.name, &raw.code) {
                (Some(name), _) => name,
                (None, RawCode::String(s)) if ident::is_documented_name(s) => s,
                (None, _) => "",
            },
        );
        let code = self.code(&at.key("code"), &raw.code, &label, state);
        let name = match (&raw.name, &raw.code) {
            (Some(name), _) => name.clone(),
            (None, RawCode::String(s)) if ident::is_documented_name(s) => s.clone(),
            (None, _) => {
                let d = self
                    .diagnostic(at, "entry has no `name`")
                    .with_entry(label.clone())
                    .with_hint(match raw.code {
                        RawCode::Integer(_) => "an entry with an integer code needs a `name`, such as `USER_NOT_FOUND` or `user_not_found`",
                        RawCode::String(_) => "this string code is not a valid name (such as `USER_NOT_FOUND` or `card_declined`), so it cannot be its own name: set `name`",
                    });
                self.report(d);
                String::new()
            }
        };
        let label = label.as_str();

        let rust_name_ok = match &raw.rust_name {
            Some(r) => self.rust_name(&at.key("rust_name"), r, label),
            None => true,
        };
        let own_rust = raw
            .rust_name
            .as_deref()
            .filter(|_| rust_name_ok)
            .map(|r| (r, at.key("rust_name")));
        // An empty name here is a missing one, already reported, unless the catalog wrote it.
        let rust_name = if name.is_empty() && raw.name.is_none() {
            None
        } else {
            let rust_name = self.entry_name(
                &at.key("name"),
                &name,
                "name",
                label,
                own_rust.as_ref().map(|(r, a)| (*r, a)),
                state,
            );
            if let Some(rust_name) = &rust_name
                && !raw.minors.is_empty()
                && rust_name == "Error"
            {
                let d = self
                    .diagnostic(
                        &at.key(if raw.rust_name.is_some() { "rust_name" } else { "name" }),
                        format!("the entry {} has minor codes, and its minor-code enum would be `minor::Error`, which clashes with the generated `Error` type", quote(&name)),
                    )
                    .with_entry(label)
                    .with_hint("give the entry another Rust name: `rust_name: SomethingElse`");
                self.report(d);
            }
            rust_name
        };
        let mut alias_rust_names = Vec::new();
        for (k, alias) in raw.aliases.iter().enumerate() {
            let rust = self.entry_name(
                &at.key("aliases").index(k),
                alias,
                "alias",
                label,
                None,
                state,
            );
            alias_rust_names.push(rust.unwrap_or_default());
        }
        if let Some(code) = &code {
            state.codes.push(CodeSite {
                code: code.clone(),
                name: name.clone(),
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
        let own_status = raw.status.and_then(|s| {
            self.status_allowed(&at.key("status"), default_status, "an entry", Some(label))
                .then(|| self.status(&at.key("status"), s, Some(label)))
        });
        let status = own_status.or(default_status);
        let grpc = super::grpc::resolve([
            super::grpc::GrpcLevel {
                grpc: self.grpc_code(&at.key("grpc"), raw.grpc.as_deref(), Some(label)),
                status: own_status.map(|s| (s, self.locate(&at.key("status")))),
            },
            state.grpc_section,
            state.grpc_catalog,
        ]);
        let own = self.column_values(&at.key("columns"), &raw.columns, columns, Some(label));
        let values: Vec<Option<Value>> = columns
            .iter()
            .enumerate()
            .map(|(c, column)| {
                own[c]
                    .clone()
                    .or_else(|| shared[c].clone())
                    .or_else(|| column.default.clone())
            })
            .collect();
        for (column, value) in columns.iter().zip(&values) {
            // A value given but wrong is reported as such, not as missing.
            let given = raw.columns.contains_key(column.name.as_str());
            if column.required && value.is_none() && !given {
                let d = self
                    .diagnostic(
                        at,
                        format!(
                            "the entry has no value for the required column `{}`",
                            column.name
                        ),
                    )
                    .with_entry(label)
                    .with_hint(format!(
                        "set it on the entry (`columns: {{ {}: ... }}`) or on its section",
                        column.name
                    ));
                self.report(d);
            }
        }
        let minors = self.minors(at, &raw.minors, label, state);

        Some(Entry {
            code: code?,
            rust_name: rust_name?,
            alias_rust_names,
            name,
            message: message?,
            description: raw.description,
            status,
            grpc,
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

    pub(super) fn code(
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
                let hint = match raw {
                    RawCode::String(s) if s.parse::<u32>().is_ok() => format!(
                        "remove the quotes: `code: {s}`; all codes of a catalog are integers, or all are strings"
                    ),
                    RawCode::String(_) => "all codes of a catalog are integers, or all are strings; a code that is not a number makes every code a string".to_owned(),
                    RawCode::Integer(n) => format!(
                        "quote it: `code: \"{n}\"`; all codes of a catalog are integers, or all are strings"
                    ),
                };
                let d = self
                    .diagnostic(
                        at,
                        format!("code {raw} is {got}, but this catalog's codes are {want}"),
                    )
                    .with_entry(label)
                    .with_hint(hint);
                self.report(d);
                return None;
            }
            Some(_) => {}
        }
        code
    }

    /// Reports every code defined twice, pointing at the first definition and suggesting the
    /// lowest free code of the duplicate's section (from the lowest code the section defines
    /// first, past every code in use, retired or not, and every reserved range: a code freed by
    /// the edit is proposed), or an alias where the two rows name one code twice.
    pub(super) fn duplicate_codes(&mut self, sections: &[Section], sites: &[CodeSite]) {
        let mut first: BTreeMap<&Code, &CodeSite> = BTreeMap::new();
        // Inserted one by one: `collect` would sort first, one more copy of the sort to compile.
        let mut used = std::collections::BTreeSet::new();
        used.extend(sites.iter().filter_map(|s| s.code.as_integer()));
        // The lowest integer code each section defines first (not as a duplicate of another
        // section's code).
        // Tables by section position, not maps: fewer generic types to compile.
        let section_count = sites.iter().map(|s| s.section.0 + 1).max().unwrap_or(0);
        let mut lowest: Vec<Option<u32>> = vec![None; section_count];
        let mut seen = std::collections::BTreeSet::new();
        for site in sites {
            if let Some(n) = site.code.as_integer()
                && seen.insert(n)
            {
                let min = lowest[site.section.0].get_or_insert(n);
                *min = (*min).min(n);
            }
        }
        // Computed once per section.
        let mut next_free: Vec<Option<Option<u32>>> = vec![None; section_count];
        let reserved = crate::model::reserved_ranges(sections);
        for site in sites {
            let Some(original) = first.get(&site.code) else {
                first.insert(&site.code, site);
                continue;
            };
            let first_pos = self.position(&original.at);
            let mut hint = format!("first defined at {first_pos} ({})", original.label);
            if let Code::Integer(_) = site.code {
                let free = *next_free[site.section.0].get_or_insert_with(|| {
                    let lowest = lowest[site.section.0]?;
                    // `lowest` is in use, so the first free code above it is the lowest.
                    crate::model::free_code_above(lowest, &used, &reserved)
                });
                if let Some(free) = free {
                    hint.push_str(&format!(
                        "; the lowest free code in section {} is {free}",
                        quote(&site.section.1)
                    ));
                }
            }
            if !site.name.is_empty() && !original.name.is_empty() && site.name != original.name {
                hint.push_str(&format!(
                    "; if the document gives code {} two names, keep one entry and list the other under `aliases:` (`aliases: [{}]`)",
                    site.code, site.name
                ));
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
}

#[derive(Default)]
pub(super) struct CatalogState {
    pub(super) code_kind: Option<CodeKind>,
    /// The kind of the catalog's first minor code.
    pub(super) minor_kind: Option<CodeKind>,
    /// Every valid code, in document order.
    pub(super) codes: Vec<CodeSite>,
    /// Entry names and aliases by their Rust name.
    pub(super) names: BTreeMap<String, First>,
    /// Entry names and aliases as documented.
    pub(super) documented: BTreeMap<String, First>,
    /// The catalog's `strip_prefix`, dropped from Rust names.
    pub(super) strip_prefix: Option<String>,
    pub(super) section_names: BTreeMap<String, First>,
    /// The section being read: its index and name.
    pub(super) section: (usize, String),
    /// What the catalog and the section being read say about the gRPC code.
    pub(super) grpc_catalog: super::grpc::GrpcLevel,
    pub(super) grpc_section: super::grpc::GrpcLevel,
}

pub(super) struct CodeSite {
    pub(super) code: Code,
    /// The entry's documented name, empty if it has none.
    pub(super) name: String,
    pub(super) at: At,
    pub(super) label: String,
    pub(super) section: (usize, String),
}
