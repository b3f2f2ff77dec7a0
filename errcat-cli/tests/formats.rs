//! `errcat schema`, and `errcat explain` on catalogs of every kind of code: string codes that
//! are all digits, lowercase names, aliases with their Rust constants.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The fixture catalogs of real tables, beside a catalog of integer codes that has code 0.
const TABLES: &str = "errcat-build/tests/fixtures/tables/catalogs";

/// Runs `errcat` in the repository root: exit code, stdout, stderr.
fn errcat(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn schema_prints_the_json_schema_of_the_format() {
    let (code, stdout, stderr) = errcat(&["schema"]);
    assert_eq!(code, Some(0), "{stderr}");
    let file = std::fs::read_to_string(repo().join("schema/catalog.schema.json")).unwrap();
    assert_eq!(stdout, file);
    assert!(stdout.contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\""));
    let (_, help, _) = errcat(&["schema", "--help"]);
    assert!(
        help.contains("# yaml-language-server: $schema=catalog.schema.json"),
        "{help}"
    );
}

#[test]
fn an_all_digit_code_is_matched_as_each_catalog_types_it() {
    // google_rpc has no code 0 listed, but the integer 0 must not match "00000" anyway, and
    // "00000" is sqlstate's string code.
    let (code, stdout, stderr) = errcat(&["explain", "00000", TABLES]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("00000 ERRCODE_SUCCESSFUL_COMPLETION (sqlstate)\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("HTTP status:"), "{stdout}");
    assert!(
        stdout.contains("Rust:         sqlstate::Error::SuccessfulCompletion\n"),
        "{stdout}"
    );
    let (code, stdout, _) = errcat(&["explain", "00000", "--catalog", "sqlstate", TABLES]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("00000 ERRCODE_SUCCESSFUL_COMPLETION (sqlstate)\n"));
    // An integer code is matched by its decimal form: `03` is not code 3.
    let (code, _, stderr) = errcat(&["explain", "03", "--catalog", "google_rpc", TABLES]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("error: catalog `google_rpc` has no code or name `03`"),
        "{stderr}"
    );
    let (code, stdout, _) = errcat(&["explain", "3", "--catalog", "google_rpc", TABLES]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.starts_with("3 INVALID_ARGUMENT (google_rpc)\n"),
        "{stdout}"
    );
}

#[test]
fn lowercase_names_are_found_as_written() {
    let (code, stdout, stderr) = errcat(&["explain", "invalid_grant", TABLES]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("invalid_grant (oauth)\n"), "{stdout}");
    assert!(stdout.contains("Rust:         oauth::Error::InvalidGrant\n"));
    // In another case too, when nothing matches as written.
    let (code, stdout, _) = errcat(&["explain", "INVALID_GRANT", TABLES]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("invalid_grant (oauth)\n"), "{stdout}");
    let (code, _, stderr) = errcat(&["explain", "invalid_grnt", TABLES]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("help: a similar name exists: `invalid_grant` (invalid_grant in oauth)"),
        "{stderr}"
    );
}

#[test]
fn explain_shows_the_rust_constant_of_each_alias() {
    let dir = "errcat-build/tests/fixtures/basic/catalogs";
    let (code, stdout, stderr) = errcat(&["explain", "PERMISSION_DENIED", dir]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("Aliases:      PERMISSION_DENIED (shop::Error::PermissionDenied)\n"),
        "{stdout}"
    );
}
