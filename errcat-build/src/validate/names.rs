//! Names of entries, aliases and sections: their case, and their Rust forms, which must be unique.

use super::entries::CatalogState;
use super::{At, First, Validator};
use crate::diagnostic::quote;
use crate::ident;

impl Validator<'_> {
    /// Checks an entry's documented name or alias; returns its Rust name if it is valid.
    /// `rust_name` is the entry's own `rust_name`, already checked, with its place.
    pub(super) fn entry_name(
        &mut self,
        at: &At,
        name: &str,
        what: &str,
        label: &str,
        rust_name: Option<(&str, &At)>,
        state: &mut CatalogState,
    ) -> Option<String> {
        if let Some(why) = why_not_snake(name, Case::Documented) {
            let d = self
                .diagnostic(
                    at,
                    format!("{what} {} is not a valid name: it {why}", quote(name)),
                )
                .with_entry(label)
                .with_hint(NAME_HINT);
            self.report(d);
            return None;
        }
        if let Some(first) = state.documented.get(name) {
            let first_pos = self.position(&first.at);
            let d = self
                .diagnostic(
                    at,
                    format!(
                        "duplicate {what} `{name}`: entry `{}` already has it",
                        first.label
                    ),
                )
                .with_entry(label)
                .with_hint(format!(
                    "first defined at {first_pos} ({}); names and aliases are unique in a catalog",
                    first.label
                ));
            self.report(d);
            return None;
        }
        state.documented.insert(
            name.to_owned(),
            First {
                at: at.clone(),
                label: label.to_owned(),
                name: name.to_owned(),
            },
        );
        let (type_name, type_at, from) = match rust_name {
            Some((rust, rust_at)) => (
                rust.to_owned(),
                rust_at.clone(),
                format!("has the `rust_name` `{rust}`"),
            ),
            None => {
                let prefix = state.strip_prefix.as_deref();
                let stripped = ident::strip_name_prefix(name, prefix);
                if stripped.len() < name.len()
                    && !stripped.starts_with(|c: char| c.is_ascii_alphabetic())
                {
                    let d = self
                        .diagnostic(
                            at,
                            format!(
                                "{what} `{name}` without the catalog's `strip_prefix` is `{stripped}`, which does not start with a letter"
                            ),
                        )
                        .with_entry(label)
                        .with_hint(if what == "name" {
                            "set the entry's `rust_name` (such as `rust_name: Code2fa`)"
                        } else {
                            "a Rust name starts with a letter; give the alias its own entry, or shorten `strip_prefix`"
                        });
                    self.report(d);
                    return None;
                }
                let type_name = ident::type_name(stripped);
                let from = format!("becomes the Rust name `{type_name}`");
                (type_name, at.clone(), from)
            }
        };
        self.reserved(&type_at, name, &type_name, what, Some(label));
        match state.names.get(&type_name) {
            Some(first) => {
                let first_pos = self.position(&first.at);
                let message = format!(
                    "{what} `{name}` {from}, the same as `{}` of entry `{}`",
                    first.name, first.label
                );
                let d = self
                    .diagnostic(&type_at, message)
                    .with_entry(label)
                    .with_hint(format!(
                        "first defined at {first_pos} ({}); names and aliases are unique in a catalog, compared by their Rust form (an entry's `rust_name` gives it another)",
                        first.label
                    ));
                self.report(d);
                None
            }
            None => {
                state.names.insert(
                    type_name.clone(),
                    First {
                        at: type_at,
                        label: label.to_owned(),
                        name: name.to_owned(),
                    },
                );
                Some(type_name)
            }
        }
    }

    /// Checks an entry's `rust_name`: UpperCamel, and not `Self`.
    pub(super) fn rust_name(&mut self, at: &At, rust_name: &str, label: &str) -> bool {
        if ident::is_upper_camel(rust_name) {
            return true;
        }
        let d = self
            .diagnostic(
                at,
                format!("`rust_name` {} is not an UpperCamel Rust name", quote(rust_name)),
            )
            .with_entry(label)
            .with_hint("a Rust name is a capital, then ASCII letters and digits, such as `InvalidUrl`; not `Self`");
        self.report(d);
        false
    }

    /// Rejects a name whose Rust form is one of the generated enums' associated items.
    pub(super) fn reserved(
        &mut self,
        at: &At,
        name: &str,
        type_name: &str,
        what: &str,
        label: Option<&str>,
    ) {
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
}

pub(super) fn ident_reserved(type_name: &str) -> bool {
    ident::RESERVED_ASSOCIATED.contains(&type_name)
}

/// What a name of an entry, alias or minor code looks like.
pub(super) const NAME_HINT: &str = "names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter";

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Case {
    /// `snake_case`: module and column names.
    Lower,
    /// `UPPER_SNAKE`: section names.
    Upper,
    /// A documented name ([`ident::is_documented_name`]): entry, alias and minor names.
    Documented,
}

/// Why `name` is not a valid name of the given case (`None` if it is), as the end of a
/// sentence "it ...".
pub(super) fn why_not_snake(name: &str, case: Case) -> Option<String> {
    let valid = match case {
        Case::Lower => ident::is_lower_snake(name) && !ident::is_keyword(name),
        Case::Upper => ident::is_upper_snake(name),
        Case::Documented => ident::is_documented_name(name),
    };
    if valid {
        return None;
    }
    let wrong_case = |c: char| match case {
        Case::Lower => c.is_ascii_uppercase(),
        Case::Upper => c.is_ascii_lowercase(),
        Case::Documented => {
            name.chars().any(|c| c.is_ascii_uppercase())
                && name.chars().any(|c| c.is_ascii_lowercase())
                && c.is_ascii_lowercase()
        }
    };
    let separator = |c: char| match case {
        Case::Documented => ident::NAME_SEPARATORS.contains(&c),
        _ => c == '_',
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
            Case::Documented => "mixes capitals and lowercase letters".to_owned(),
        }
    } else if let Some(c) = name
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !separator(*c))
    {
        format!("contains {}", describe_char(c))
    } else if name.starts_with(separator) {
        format!("starts with {}", separator_word(name.chars().next()))
    } else if name.ends_with(separator) {
        format!("ends with {}", separator_word(name.chars().last()))
    } else if name.contains("__") {
        "has a double underscore".to_owned()
    } else if name
        .as_bytes()
        .windows(2)
        .any(|w| separator(char::from(w[0])) && separator(char::from(w[1])))
    {
        "has two separators in a row".to_owned()
    } else {
        "is a Rust keyword".to_owned()
    })
}

/// How a message names a separator: "an underscore".
fn separator_word(c: Option<char>) -> &'static str {
    match c {
        Some('-') => "a hyphen",
        Some('.') => "a dot",
        _ => "an underscore",
    }
}

/// `'é' (U+00E9)`, or just `U+200B` for a character that would not show.
pub(super) fn describe_char(c: char) -> String {
    let shown = c.escape_debug().to_string();
    if shown.starts_with('\\') {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}' (U+{:04X})", u32::from(c))
    }
}
