//! Minor codes of an entry.

use std::collections::BTreeMap;

use super::entries::CatalogState;
use super::{At, Case, First, Validator, why_not_snake};
use crate::diagnostic::quote;
use crate::ident;
use crate::model::{Code, CodeKind, Minor};
use crate::parse::{RawCode, RawMinor};

impl Validator<'_> {
    pub(super) fn minors(
        &mut self,
        at: &At,
        raw: &[RawMinor],
        label: &str,
        state: &mut CatalogState,
    ) -> Vec<Minor> {
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
            let Some(code) = self.minor_code(&m_at.key("code"), m, label, state) else {
                continue;
            };
            let duplicate = codes.contains_key(&code.to_string());
            if duplicate {
                let first_pos = self.position(&codes[&code.to_string()].at);
                let mut hint = format!("first defined at {first_pos}");
                if let Code::Integer(n) = code {
                    let lowest = all.iter().min().copied().unwrap_or(n);
                    if let Some(free) = (lowest..=u32::MAX)
                        .take(all.len() + 1)
                        .find(|n| !all.contains(n))
                    {
                        hint.push_str(&format!(
                            "; the lowest free minor code of this entry is {free}"
                        ));
                    }
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
                        name: String::new(),
                    },
                );
            }
            let named_ok = match &m.name {
                Some(name) => match why_not_snake(name, Case::Documented) {
                    Some(why) => {
                        let d = self
                            .diagnostic(
                                &m_at.key("name"),
                                format!("minor name {} is not a valid name: it {why}", quote(name)),
                            )
                            .with_entry(label)
                            .with_hint(super::names::NAME_HINT);
                        self.report(d);
                        false
                    }
                    None => true,
                },
                None => true,
            };
            // An unnamed minor with a duplicate code is reported once, as the duplicate code.
            if named_ok && !(duplicate && m.name.is_none()) {
                let type_name = ident::minor_type_name(m.name.as_deref(), &code);
                let this = match &m.name {
                    Some(name) => format!("minor name `{name}`"),
                    None => match &code {
                        Code::Integer(n) => format!("the unnamed minor code {n}"),
                        Code::String(s) => format!("the unnamed minor code {}", quote(s)),
                    },
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
                                name: String::new(),
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

    /// The code of a minor: an integer in range or a plain string, of the kind all minor
    /// codes of the catalog have; a string code without a `name` must be a valid name.
    fn minor_code(
        &mut self,
        at: &At,
        m: &RawMinor,
        label: &str,
        state: &mut CatalogState,
    ) -> Option<Code> {
        let code = match &m.code {
            RawCode::Integer(n) => match u32::try_from(*n) {
                Ok(n) => Code::Integer(n),
                Err(_) => {
                    let d = self
                        .diagnostic(
                            at,
                            format!("minor code {n} is out of range: integer minor codes are 0..={}", u32::MAX),
                        )
                        .with_entry(label)
                        .with_hint("a minor code outside it can be written as a string, if every minor code of the catalog is");
                    self.report(d);
                    return None;
                }
            },
            RawCode::String(s) if s == "*" => {
                let d = self
                    .diagnostic(
                        at,
                        "minor code \"*\" is the document's wildcard row, not a code",
                    )
                    .with_entry(label)
                    .with_hint(
                        "the document's wildcard row (`*`) is written as the entry's `reaction`",
                    );
                self.report(d);
                return None;
            }
            RawCode::String(s)
                if s.trim().is_empty() || s.trim() != s || s.chars().any(char::is_control) =>
            {
                let d = self
                    .diagnostic(at, format!("minor code {s:?} is empty or has surrounding spaces or control characters"))
                    .with_entry(label)
                    .with_hint("write the minor code exactly as the API sends it");
                self.report(d);
                return None;
            }
            RawCode::String(s) => Code::String(s.clone()),
        };
        let kind = match code {
            Code::Integer(_) => CodeKind::Integer,
            Code::String(_) => CodeKind::String,
        };
        match state.minor_kind {
            None => state.minor_kind = Some(kind),
            Some(first) if first != kind => {
                let (want, got, hint) = match &code {
                    Code::String(s) if s.parse::<u32>().is_ok() => (
                        "integers",
                        "a string",
                        format!("remove the quotes: `code: {s}`"),
                    ),
                    Code::String(_) => ("integers", "a string", "a minor code that is not a number makes every minor code of the catalog a string".to_owned()),
                    Code::Integer(n) => ("strings", "an integer", format!("quote it: `code: \"{n}\"`")),
                };
                let d = self
                    .diagnostic(
                        at,
                        format!(
                            "minor code {} is {got}, but this catalog's minor codes are {want}",
                            m.code
                        ),
                    )
                    .with_entry(label)
                    .with_hint(format!(
                        "{hint}; all minor codes of a catalog are integers, or all are strings"
                    ));
                self.report(d);
                return None;
            }
            Some(_) => {}
        }
        if let Code::String(s) = &code
            && m.name.is_none()
            && !ident::is_documented_name(s)
        {
            let d = self
                .diagnostic(
                    at,
                    format!("the minor code {} has no `name` and is not a valid name itself", quote(s)),
                )
                .with_entry(label)
                .with_hint("a string minor code such as `insufficient_funds` is its own name; give this one a `name`");
            self.report(d);
            return None;
        }
        Some(code)
    }
}
