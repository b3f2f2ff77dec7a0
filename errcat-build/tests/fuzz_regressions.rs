//! Inputs the coverage-guided fuzzers (`fuzz/`, see docs/fuzzing.md) found to be mishandled,
//! each with the diagnostic it gets now. Every test names the target that found it.

use std::path::Path;

use errcat_build::{Diagnostic, Location};

fn problems(text: &str) -> Vec<Diagnostic> {
    match errcat_build::load_str(Path::new("shop.yaml"), text) {
        Ok(catalog) => panic!("accepted: {catalog:#?}"),
        Err(problems) => problems,
    }
}

fn at(line: usize, column: usize) -> Option<Location> {
    Some(Location { line, column })
}

/// The one diagnostic of `text`.
#[track_caller]
fn only(text: &str) -> Diagnostic {
    let mut problems = problems(text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.remove(0)
}

// catalog_bytes: a syntax error at the end of a file whose last line has no line break was
// placed on the line after it, which the file does not have (`{` gave line 2 of a one-line
// file). It is now the end of the last line.
#[test]
fn a_syntax_error_at_the_end_of_the_file_is_on_its_last_line() {
    let d = only("{");
    assert_eq!(
        d.to_string(),
        "error: invalid YAML: did not find expected node content while parsing a flow node\n  \
         --> shop.yaml:1:2\n   \
         = hint: check the indentation, quotes and brackets at this place and just before it"
    );
    assert_eq!(only("{ i").location, at(1, 4));
    // The shape of the input found: a catalog cut off in a key, here after 136 lines.
    let mut cut = "# comment\n".repeat(136);
    cut.push_str("title: Shop\nunfinished");
    let d = only(&cut);
    assert!(d.message.contains("could not find expected ':'"), "{d}");
    assert_eq!(d.location, at(138, 11), "{d}");
    // With a final line break the end of the file is the start of the (empty) next line, as
    // before.
    assert_eq!(only("{\n").location, at(2, 1));
    // Lines are counted as YAML counts them: a lone CR and the Unicode separators break lines.
    assert_eq!(only("a: 1\rb: [").location, at(2, 5));
    assert_eq!(only("a: 1\u{2028}b: [").location, at(2, 5));
}

/// `VALID` with one line replaced: the line that starts (after its indentation) like `from`.
fn edit(from: &str, to: &str) -> String {
    let mut done = false;
    let text: Vec<String> = VALID
        .lines()
        .map(|line| {
            if !done && line.trim_start().starts_with(from) {
                done = true;
                let indent = &line[..line.len() - line.trim_start().len()];
                format!("{indent}{to}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    assert!(done, "no line starts with {from:?}");
    text.join("\n") + "\n"
}

const VALID: &str = "\
name: shop
title: Shop
source: test
status: 400
columns:
  - { name: retryable, type: bool, default: false }
wire:
  envelope: error
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
    - { name: wait, from: param, param: wait, type: integer }
sections:
  - name: CLIENT
    title: Client errors
    entries:
      - code: 1
        name: BAD
        aliases: [WRONG]
        message: Bad {thing}.
        placeholders:
          - name: thing
        minors:
          - code: 1
            name: TOO_LONG
";

// catalog_structured: `name: ""` on an entry was taken for a missing name (already reported
// for entries without one), so the empty name went unchecked, and the generator panicked on
// an empty Rust identifier.
#[test]
fn an_empty_entry_name_is_reported_not_generated() {
    // The valid catalog loads and generates: the edits below are what makes each fail.
    let catalog = errcat_build::load_str(Path::new("shop.yaml"), VALID).unwrap();
    assert!(!errcat_build::generate_rust(&[catalog]).is_empty());

    let d = only(&edit("name: BAD", "name: \"\""));
    assert_eq!(
        d.to_string(),
        "error: name \"\" is not a valid name: it is empty\n  \
         --> shop.yaml:18:15\n   \
         = entry: 1\n   \
         = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join \
         words too): ASCII letters of one case, digits and single separators, starting with a \
         letter"
    );
}

// Every other name a catalog writes, empty: each is refused with a diagnostic at its line.
#[test]
fn every_empty_name_is_reported() {
    for (from, to, line) in [
        ("name: shop", "name: \"\"", 1),
        ("- { name: retryable", "- { name: \"\", type: bool }", 6),
        ("envelope: error", "envelope: \"\"", 8),
        (
            "- { name: wait",
            "- { name: wait, from: param, param: \"\", type: integer }",
            12,
        ),
        ("- name: CLIENT", "- name: \"\"", 14),
        ("aliases: [WRONG]", "aliases: [\"\"]", 19),
        ("- name: thing", "- name: \"\"", 22),
        ("name: TOO_LONG", "name: \"\"", 25),
    ] {
        let text = edit(from, to);
        let problems = problems(&text);
        assert!(
            problems
                .iter()
                .any(|d| d.location.map(|l| l.line) == Some(line)),
            "{to}: no diagnostic at line {line}: {problems:#?}"
        );
    }
}

// catalog_bytes: the same place past the end of the file, for a value left empty at the end
// of a file without a final line break (`? columns` with no value: "found empty (null)" at
// line 3 of a two-line file). Every node now starts at the latest at the end of the last line.
#[test]
fn an_empty_value_at_the_end_of_the_file_is_on_its_last_line() {
    let problems = problems("\n?  columns");
    let d = problems
        .iter()
        .find(|d| d.message.contains("`columns` must be a list"))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(d.location, at(2, 11), "{d}");
    // Every other diagnostic of the file is inside it too.
    assert!(
        problems.iter().all(|d| d.location <= at(2, 11)),
        "{problems:#?}"
    );
}
