//! Snapshot tests, in the manner of prost-build's fixtures: each directory in `tests/fixtures`
//! holds `catalogs/` and `expected.rs`, the exact Rust the generator must produce from them.
//! A change to the output shows up in review as a diff of `expected.rs`.
//!
//! To accept a deliberate change: `ERRCAT_BLESS=1 cargo test -p errcat-build --test snapshots`.
//!
//! The expected files are formatted output, so these tests need the `format` feature (a
//! default one).
#![cfg(feature = "format")]

use std::path::Path;

fn check(case: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    let catalogs =
        errcat_build::load_dir(&dir.join("catalogs")).expect("fixture catalogs are valid");
    // With every integration, as the example crate that compiles this output asks for.
    let generated = errcat_build::Config::new().axum(true).generate(&catalogs);
    let expected_path = dir.join("expected.rs");
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        std::fs::write(&expected_path, &generated).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with ERRCAT_BLESS=1 to create it",
            expected_path.display()
        )
    });
    if generated != expected {
        let line = generated
            .lines()
            .zip(expected.lines())
            .position(|(g, e)| g != e)
            .unwrap_or_else(|| generated.lines().count().min(expected.lines().count()));
        panic!(
            "generated code for fixture `{case}` differs from expected.rs from line {}:\n  expected: {:?}\n  generated: {:?}\n\
             If the change is deliberate, rerun with ERRCAT_BLESS=1 and review the diff.",
            line + 1,
            expected.lines().nth(line),
            generated.lines().nth(line),
        );
    }
}

#[test]
fn basic_fixture_matches_expected_output() {
    check("basic");
}

/// Real error tables: no HTTP status, string minor codes, a shape keyed by name with a raw
/// `details` list.
#[test]
fn tables_fixture_matches_expected_output() {
    check("tables");
}

#[test]
fn generation_is_deterministic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic/catalogs");
    let first = errcat_build::Config::new()
        .axum(true)
        .generate(&errcat_build::load_dir(&dir).unwrap());
    let second = errcat_build::Config::new()
        .axum(true)
        .generate(&errcat_build::load_dir(&dir).unwrap());
    assert_eq!(first, second);
}
