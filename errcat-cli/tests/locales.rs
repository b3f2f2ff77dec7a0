//! `errcat check` on catalogs with translations: the coverage of each locale, in the text and
//! the JSON output, and translations problems reported like the catalogs' own.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../errcat-build/tests/fixtures/locales/catalogs")
}

fn errcat(args: &[&str]) -> (Option<i32>, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .output()
        .expect("run errcat");
    (
        o.status.code(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn check_reports_the_coverage_of_each_locale_in_text() {
    let dir = fixture();
    let dir = dir.to_str().unwrap();
    let (code, stdout, stderr) = errcat(&["check", dir]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("payments: 4 codes, 0 minor codes, 1 section ({dir}/payments.yaml)")
    );
    // After what the catalogs generate, one line per catalog and locale.
    assert_eq!(
        lines[lines.len() - 2..],
        [
            format!("payments: fa 3/4 codes translated ({dir}/payments.fa.yaml)"),
            format!("payments: de 2/4 codes translated ({dir}/payments.de.yaml)"),
        ]
    );
    assert_eq!(stdout.matches("codes translated").count(), 2);
}

#[test]
fn check_reports_the_coverage_of_each_locale_in_json() {
    let dir = fixture();
    let dir = dir.to_str().unwrap();
    let (code, stdout, _) = errcat(&["check", dir, "--format", "json"]);
    assert_eq!(code, Some(0));
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        doc["coverage"],
        serde_json::json!([
            {"catalog": "payments", "locale": "fa", "translated": 3, "total": 4, "file": format!("{dir}/payments.fa.yaml")},
            {"catalog": "payments", "locale": "de", "translated": 2, "total": 4, "file": format!("{dir}/payments.de.yaml")},
        ])
    );
    assert_eq!(doc["ok"], true);
}

#[test]
fn a_locale_without_a_file_is_covered_by_none_and_a_bad_translation_is_a_finding() {
    let dir = std::env::temp_dir().join(format!("errcat-cli-locales-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = std::fs::read_to_string(fixture().join("payments.yaml")).unwrap();
    std::fs::write(dir.join("payments.yaml"), &catalog).unwrap();
    let d = dir.to_str().unwrap();
    let (code, stdout, _) = errcat(&["check", d]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains(
            "payments: fa 0/4 codes translated (no translations file: every code falls back)\n"
        ),
        "{stdout}"
    );
    std::fs::write(
        dir.join("payments.fa.yaml"),
        "entries:\n  1001: \"{amount} کم است.\"\n",
    )
    .unwrap();
    let (code, _, stderr) = errcat(&["check", d, "--format", "text"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.replace(d, "catalogs"),
        "error: the `fa` message leaves out placeholder `{currency}`\n  --> catalogs/payments.fa.yaml:2:9\n   = entry: 1001 INSUFFICIENT_FUNDS\n   = hint: write `{currency}` where its value belongs in this locale: the same typed values fill every locale's message\n\nerror: the catalogs have 1 problem\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn schema_prints_the_translations_schema() {
    let (code, stdout, _) = errcat(&["schema", "--translations"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout, errcat_build::TRANSLATIONS_JSON_SCHEMA);
    let (_, catalog, _) = errcat(&["schema"]);
    assert_eq!(catalog, errcat_build::JSON_SCHEMA);
}
