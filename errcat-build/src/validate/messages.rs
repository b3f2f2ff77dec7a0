//! Messages and their placeholders.

use std::collections::BTreeMap;

use super::{At, Case, First, Validator, at_parent, why_not_snake};
use crate::diagnostic::quote;
use crate::ident;
use crate::model::{Message, Placeholder, PlaceholderType, Segment};
use crate::parse::{RawEntry, RawPlaceholderType};

impl Validator<'_> {
    pub(super) fn placeholders(
        &mut self,
        at: &At,
        raw: &RawEntry,
        label: &str,
    ) -> Vec<Placeholder> {
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

    pub(super) fn message(
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
}

pub(super) enum Piece {
    Text(String),
    Name(String),
}

/// Splits a message into text and `{name}` placeholders; `{{` and `}}` are literal braces.
pub(super) fn split_message(text: &str) -> Result<Vec<Piece>, String> {
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
