//! Synthetic error catalogs of any size, for benchmarks and the scale measurement.
//!
//! A catalog of `n` codes is laid out the way real API tables are: sections of up to 90 codes,
//! each numbered from its own hundred (`100..190`, `200..290`, ...), so codes come in dense runs
//! with gaps between them. A share of the entries carry what the format offers besides a code,
//! a name and a message: minor codes (one entry in eight), placeholders, descriptions, aliases,
//! deprecations, per-entry statuses and a typed column. Everything is derived from the entry's
//! position, so the same `n` always gives the same catalog.
//!
//! The same [`Spec`] renders as a YAML catalog ([`Spec::yaml`]) and as the hand-written Rust a
//! user would write instead of generating it ([`Spec::alternative`]: one enum with `thiserror`
//! messages and `strum` derives), so that both sides describe exactly the same codes.
//!
//! This file is also compiled into the bench crate's build script (with `#[path]`), so it uses
//! nothing but `std`.

use std::fmt::Write as _;

/// Codes per section; each section starts at the next multiple of 100.
pub const SECTION_SIZE: usize = 90;

const OBJECTS: [&str; 15] = [
    "ACCOUNT", "ORDER", "PAYMENT", "SESSION", "TOKEN", "DEVICE", "MESSAGE", "CHANNEL", "INVOICE",
    "ASSET", "WALLET", "PROFILE", "CONTACT", "FILE", "THREAD",
];

const PROBLEMS: [(&str, &str); 10] = [
    ("NOT_FOUND", "was not found"),
    ("ALREADY_EXISTS", "already exists"),
    ("EXPIRED", "has expired"),
    ("LOCKED", "is locked"),
    ("INVALID", "is not valid"),
    ("FORBIDDEN", "may not be used by this caller"),
    ("LIMIT_EXCEEDED", "is over its limit"),
    ("CONFLICT", "was changed by another request"),
    ("UNAVAILABLE", "is unavailable right now"),
    ("TOO_LARGE", "is too large"),
];

const SECTION_STATUSES: [u16; 10] = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

/// One synthetic entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub code: u32,
    /// UPPER_SNAKE, unique (it ends with the code).
    pub name: String,
    /// With `{placeholder}`s as the catalog writes them.
    pub message: String,
    pub placeholders: Vec<&'static str>,
    pub description: Option<String>,
    /// A status of its own, overriding the section's.
    pub status: Option<u16>,
    pub alias: Option<String>,
    pub deprecated: Option<String>,
    /// Minor codes with their details.
    pub minors: Vec<(u32, String)>,
}

impl Entry {
    /// The Rust variant name, by the same rule as errcat's (`ORDER_NOT_FOUND_1` →
    /// `OrderNotFound1`).
    pub fn variant(&self) -> String {
        upper_camel(&self.name)
    }
}

/// One synthetic section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub title: String,
    pub status: u16,
    pub retryable: bool,
    pub entries: Vec<Entry>,
}

/// A synthetic catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The catalog's module name.
    pub module: String,
    pub sections: Vec<Section>,
}

/// `UPPER_SNAKE` to `UpperCamel`, as errcat names variants.
pub fn upper_camel(upper_snake: &str) -> String {
    let mut out = String::with_capacity(upper_snake.len());
    for word in upper_snake.split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    out
}

impl Spec {
    /// The catalog of `n` codes named `module`.
    pub fn new(module: &str, n: usize) -> Spec {
        let mut sections = Vec::new();
        let mut i = 0;
        while i < n {
            let s = sections.len();
            let count = SECTION_SIZE.min(n - i);
            let status = SECTION_STATUSES[s % SECTION_STATUSES.len()];
            let entries = (0..count).map(|k| entry(i + k, s, k)).collect();
            sections.push(Section {
                name: format!("GROUP_{}", s + 1),
                title: format!("Group {} errors ({}xx)", s + 1, s + 1),
                status,
                retryable: status >= 500,
                entries,
            });
            i += count;
        }
        Spec {
            module: module.to_owned(),
            sections,
        }
    }

    /// Every entry, in document order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.sections.iter().flat_map(|s| s.entries.iter())
    }

    pub fn len(&self) -> usize {
        self.sections.iter().map(|s| s.entries.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn minor_count(&self) -> usize {
        self.entries().map(|e| e.minors.len()).sum()
    }

    /// Rewords the message of an entry in the middle of the catalog, one without placeholders
    /// (a one-line edit, for measuring an incremental rebuild). `generation` makes each call's
    /// text different.
    pub fn edit_one_message(&mut self, generation: usize) {
        let n = self.len();
        let plain: Vec<bool> = self.entries().map(|e| e.placeholders.is_empty()).collect();
        // The first entry without placeholders from the middle on, else any entry.
        let at = (n / 2..n)
            .chain(0..n / 2)
            .find(|&i| plain[i])
            .unwrap_or(n / 2);
        let entry = self
            .sections
            .iter_mut()
            .flat_map(|s| s.entries.iter_mut())
            .nth(at)
            .expect("a catalog has entries");
        entry.message = format!("Edited message number {generation}.");
        entry.placeholders.clear();
    }

    /// The catalog as errcat YAML.
    pub fn yaml(&self) -> String {
        let mut y = String::with_capacity(self.len() * 160);
        let _ = writeln!(y, "name: {}", self.module);
        let _ = writeln!(y, "title: Synthetic API errors ({} codes)", self.len());
        y.push_str("source: Generated for the errcat benchmarks\n");
        y.push_str("status: 400\n");
        y.push_str("columns:\n");
        y.push_str("  - name: retryable\n    type: bool\n    default: false\n");
        y.push_str("    description: Retrying the same request may succeed.\n");
        y.push_str("sections:\n");
        for s in &self.sections {
            let _ = writeln!(y, "  - name: {}", s.name);
            let _ = writeln!(y, "    title: {}", s.title);
            let _ = writeln!(y, "    status: {}", s.status);
            if s.retryable {
                y.push_str("    columns: { retryable: true }\n");
            }
            y.push_str("    entries:\n");
            for e in &s.entries {
                let _ = writeln!(y, "      - code: {}", e.code);
                let _ = writeln!(y, "        name: {}", e.name);
                let _ = writeln!(y, "        message: \"{}\"", e.message);
                if let Some(d) = &e.description {
                    let _ = writeln!(y, "        description: \"{d}\"");
                }
                if let Some(status) = e.status {
                    let _ = writeln!(y, "        status: {status}");
                }
                if let Some(a) = &e.alias {
                    let _ = writeln!(y, "        aliases: [{a}]");
                }
                if let Some(d) = &e.deprecated {
                    let _ = writeln!(y, "        deprecated: \"{d}\"");
                }
                if !e.placeholders.is_empty() {
                    y.push_str("        placeholders:\n");
                    for p in &e.placeholders {
                        let _ = writeln!(y, "          - name: {p}");
                    }
                }
                if !e.minors.is_empty() {
                    y.push_str("        minors:\n");
                    for (code, detail) in &e.minors {
                        let _ = writeln!(y, "          - {{ code: {code}, detail: \"{detail}\" }}");
                    }
                }
            }
        }
        y
    }

    /// The same codes written by hand the usual way: an enum deriving `thiserror::Error` (one
    /// `#[error]` message per variant) and `strum`'s name, parsing, iteration and
    /// code-to-variant derives, a `match` for the status, and one such enum per minor-code
    /// table.
    pub fn alternative(&self) -> String {
        let mut r = String::with_capacity(self.len() * 200);
        r.push_str("//! The synthetic catalog written by hand with thiserror and strum.\n");
        r.push_str("#![allow(deprecated)]\n\n");
        r.push_str(
            "#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, thiserror::Error,\n\
             \x20   strum::EnumString, strum::IntoStaticStr, strum::EnumIter, strum::FromRepr)]\n\
             #[repr(u32)]\n#[non_exhaustive]\npub enum Error {\n",
        );
        for e in self.entries() {
            let _ = writeln!(r, "    /// `{}` {}", e.code, e.message);
            if let Some(d) = &e.deprecated {
                let _ = writeln!(r, "    #[deprecated(note = \"{d}\")]");
            }
            let _ = writeln!(r, "    #[error(\"{}\")]", format_escape(&e.message));
            match &e.alias {
                Some(a) => {
                    let _ = writeln!(
                        r,
                        "    #[strum(serialize = \"{}\", serialize = \"{a}\")]",
                        e.name
                    );
                }
                None => {
                    let _ = writeln!(r, "    #[strum(serialize = \"{}\")]", e.name);
                }
            }
            let _ = writeln!(r, "    {} = {},", e.variant(), e.code);
        }
        r.push_str("}\n\nimpl Error {\n");
        r.push_str("    /// The code on the wire.\n    pub const fn code(self) -> u32 {\n        self as u32\n    }\n\n");
        r.push_str("    /// The code's variant, if it has one.\n    pub const fn from_code(code: u32) -> Option<Self> {\n        Self::from_repr(code)\n    }\n\n");
        r.push_str("    /// The documented name.\n    pub fn name(self) -> &'static str {\n        self.into()\n    }\n\n");
        r.push_str("    /// The HTTP status.\n    pub const fn http_status(self) -> u16 {\n        match self {\n");
        let mut statuses: Vec<u16> = Vec::new();
        for s in &self.sections {
            for e in &s.entries {
                let st = e.status.unwrap_or(s.status);
                if !statuses.contains(&st) {
                    statuses.push(st);
                }
            }
        }
        for st in &statuses {
            let arms: Vec<String> = self
                .sections
                .iter()
                .flat_map(|s| s.entries.iter().map(move |e| (s, e)))
                .filter(|(s, e)| e.status.unwrap_or(s.status) == *st)
                .map(|(_, e)| format!("Self::{}", e.variant()))
                .collect();
            let _ = writeln!(r, "            {} => {st},", arms.join(" | "));
        }
        r.push_str("        }\n    }\n}\n\n");
        r.push_str("/// Minor-code enums, one for each code that has a minor-code table.\npub mod minor {\n");
        for e in self.entries().filter(|e| !e.minors.is_empty()) {
            let _ = writeln!(
                r,
                "    /// The minor codes of `{}`.\n    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error, strum::FromRepr, strum::EnumIter)]\n    #[repr(u32)]\n    pub enum {} {{",
                e.name,
                e.variant()
            );
            for (code, detail) in &e.minors {
                let _ = writeln!(r, "        #[error(\"{}\")]", format_escape(detail));
                let _ = writeln!(r, "        Minor{code} = {code},");
            }
            r.push_str("    }\n");
        }
        r.push_str("}\n");
        r
    }
}

fn entry(index: usize, section: usize, k: usize) -> Entry {
    let code = ((section + 1) * 100 + k) as u32;
    let object = OBJECTS[index % OBJECTS.len()];
    let (problem, says) = PROBLEMS[(index / OBJECTS.len()) % PROBLEMS.len()];
    let name = format!("{object}_{problem}_{code}");
    let noun = object.to_ascii_lowercase();
    let (message, placeholders) = if index.is_multiple_of(5) {
        (format!("The {noun} {{id}} {says}."), vec!["id"])
    } else if index.is_multiple_of(17) {
        (
            format!("The {noun} {says}: {{reason}} (limit {{limit}})."),
            vec!["reason", "limit"],
        )
    } else {
        (format!("The {noun} {says}."), Vec::new())
    };
    let description = index.is_multiple_of(4).then(|| {
        format!("Returned when the {noun} named in the request {says}; see the {noun} guide.")
    });
    let minors = if index % 8 == 3 {
        (1..=(2 + index % 3) as u32)
            .map(|m| (m, format!("Field {m} of the {noun} is invalid")))
            .collect()
    } else {
        Vec::new()
    };
    Entry {
        code,
        alias: (index % 50 == 7).then(|| format!("{name}_OLD")),
        deprecated: (index % 40 == 11).then(|| format!("Replaced by code {}.", code + 1)),
        status: (index % 13 == 5).then_some(400),
        name,
        message,
        placeholders,
        description,
        minors,
    }
}

/// A Rust string literal's contents.
fn rust_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A `format!` string that prints `s` as is (for a fieldless variant, placeholders are text).
fn format_escape(s: &str) -> String {
    rust_escape(s).replace('{', "{{").replace('}', "}}")
}
