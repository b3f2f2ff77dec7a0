//! Names of entries, aliases and sections: their case, and their Rust forms, which must be unique.

use super::entries::CatalogState;
use super::{At, Validator};
use crate::diagnostic::quote;
use crate::ident;

impl Validator<'_> {
    /// Checks an entry's name or alias; returns whether it is a valid name.
    pub(super) fn entry_name(
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

/// Where a name was first defined, with the entry it belongs to.
pub(super) struct FirstName {
    pub(super) at: At,
    pub(super) label: String,
    pub(super) name: String,
}

pub(super) fn ident_reserved(type_name: &str) -> bool {
    ident::RESERVED_ASSOCIATED.contains(&type_name)
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Case {
    /// `snake_case`: module and column names.
    Lower,
    /// `UPPER_SNAKE`: entry, alias, section and minor names.
    Upper,
}

/// Why `name` is not a valid name of the given case (`None` if it is), as the end of a
/// sentence "it ...".
pub(super) fn why_not_snake(name: &str, case: Case) -> Option<String> {
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
pub(super) fn describe_char(c: char) -> String {
    let shown = c.escape_debug().to_string();
    if shown.starts_with('\\') {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}' (U+{:04X})", u32::from(c))
    }
}
