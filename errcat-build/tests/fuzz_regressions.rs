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
