//! Minor codes of an entry.

use std::collections::BTreeMap;

use super::{At, Case, First, Validator, why_not_snake};
use crate::diagnostic::quote;
use crate::ident;
use crate::model::Minor;
use crate::parse::{RawCode, RawMinor};

impl Validator<'_> {
    pub(super) fn minors(&mut self, at: &At, raw: &[RawMinor], label: &str) -> Vec<Minor> {
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
}

/// A code as the catalog writes it: `1001`, or a quoted string.
pub(super) fn show_code(code: &RawCode) -> String {
    code.to_string()
}
