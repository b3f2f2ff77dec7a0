//! What the fuzz targets share: the checks made on every loaded or rejected catalog, and the
//! builder of valid-looking catalogs for the structured target.

use std::path::Path;

use errcat_build::Diagnostic;
use errcat_build::emit::Integrations;

pub mod items;
pub mod structured;

/// The file name the catalogs are loaded under.
pub const FILE: &str = "fuzz.yaml";

/// Loads `text` as a catalog. A rejected catalog must have diagnostics that name the file and
/// a place inside it; an accepted one must generate Rust that parses (with `integrations`),
/// and Markdown. Returns whether the catalog was accepted.
pub fn check_catalog(text: &str, integrations: Integrations) -> bool {
    match check_load(text) {
        None => false,
        Some(catalog) => {
            check_generate(text, &catalog, integrations);
            true
        }
    }
}

/// Loads `text` as a catalog; a rejected catalog must have diagnostics that name the file and
/// a place inside it. Returns the catalog if it was accepted.
pub fn check_load(text: &str) -> Option<errcat_build::Catalog> {
    match errcat_build::load_str(Path::new(FILE), text) {
        Err(problems) => {
            check_diagnostics(Path::new(FILE), text, &problems);
            None
        }
        Ok(catalog) => Some(catalog),
    }
}

/// The diagnostics of a rejected file, `file` with `text`: at least one, each naming the file
/// and, if it has a place, a place inside the text, and each displayed as an error.
pub fn check_diagnostics(file: &Path, text: &str, problems: &[Diagnostic]) {
    assert!(!problems.is_empty(), "rejected without a diagnostic");
    let lines = line_lengths(text);
    for p in problems {
        assert_eq!(p.file, file, "{p}");
        if let Some(at) = p.location {
            // The place is in the file: on one of its lines, at most just after its last
            // character.
            assert!(at.line >= 1 && at.column >= 1, "{p}");
            assert!(
                at.line <= lines.len(),
                "{p}\nthe file has {} line(s)",
                lines.len()
            );
            let length = lines[at.line - 1];
            assert!(
                at.column <= length + 1,
                "{p}\nline {} has {length} character(s)",
                at.line
            );
        }
        assert!(p.to_string().starts_with("error: "), "{p}");
    }
}

/// Generates Rust and Markdown for an accepted catalog: the Rust must parse, and still parse
/// once formatted (checked item by item, see [`items`]), and every page must have text.
/// `text` is the input the catalog was read from (the catalog, or a translations file of it),
/// shown if the Rust does not parse.
pub fn check_generate(text: &str, catalog: &errcat_build::Catalog, integrations: Integrations) {
    let catalogs = std::slice::from_ref(catalog);
    // What `Config::generate` formats.
    let tokens = errcat_build::emit::rust::file(catalogs, integrations);
    if let Err(e) = items::check(&tokens) {
        panic!("{e}\n--- input ({integrations:?}) ---\n{text}\n--- code ---\n{tokens}");
    }
    let docs = errcat_build::generate_markdown(catalogs);
    assert!(docs.len() >= 2, "no page for the catalog");
    assert!(
        docs.iter().all(|(_, page)| !page.is_empty()),
        "an empty page"
    );
}

/// The length in characters of each line of `text`, with lines broken where YAML breaks them
/// (LF, CRLF, a lone CR, NEL, LS, PS); the last line need not end with a break.
fn line_lengths(text: &str) -> Vec<usize> {
    let mut lines = vec![0];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                lines.push(0);
            }
            _ => *lines.last_mut().expect("one line at least") += 1,
        }
    }
    lines
}
