//! The shape of a failed run: every problem of a file at once, each with file, line, column
//! and entry, sorted by place.

use std::path::Path;

const TWO_PROBLEMS: &str = "\
title: T
source: S
status: 400
sections:
  - name: ONLY
    title: Only
    entries:
      - code: 1
        name: FIRST
        message: First.
      - code: 1
        name: SECOND
        message: Second.
      - code: 2
        name: THIRD
        message: Third.
        status: 999
";

#[test]
fn every_problem_is_reported_with_its_place_and_entry() {
    let problems = errcat_build::load_str(Path::new("catalogs/t.yaml"), TWO_PROBLEMS).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:#?}");

    let duplicate = &problems[0];
    assert_eq!(duplicate.position(), "catalogs/t.yaml:11:9");
    assert_eq!(duplicate.entry.as_deref(), Some("1 SECOND"));
    assert!(
        duplicate.message.contains("duplicate code"),
        "{}",
        duplicate.message
    );
    assert!(
        duplicate
            .hint
            .as_deref()
            .unwrap()
            .contains("catalogs/t.yaml:8:9"),
        "{:?}",
        duplicate.hint
    );

    let status = &problems[1];
    assert_eq!(status.position(), "catalogs/t.yaml:17:17");
    assert_eq!(status.entry.as_deref(), Some("2 THIRD"));
    assert!(status.message.contains("999"), "{}", status.message);
}

#[test]
fn the_report_reads_like_a_compiler_error() {
    let problems = errcat_build::load_str(Path::new("catalogs/t.yaml"), TWO_PROBLEMS).unwrap_err();
    let text = problems[0].to_string();
    assert!(text.starts_with("error: duplicate code"), "{text}");
    assert!(text.contains("--> catalogs/t.yaml:11:9"), "{text}");
    assert!(text.contains("= entry: 1 SECOND"), "{text}");
    assert!(
        text.contains("= hint: first defined at catalogs/t.yaml:8:9 (1 FIRST)"),
        "{text}"
    );
}
