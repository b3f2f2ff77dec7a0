//! Snapshot tests of the outputs for other clients, like `snapshots.rs` for the Rust: each
//! fixture directory holds `expected.openapi.json` and `expected_typescript/<catalog>.ts`, the
//! exact OpenAPI document and TypeScript modules the generator must produce from its catalogs.
//! A change to the output shows up in review as a diff of those files.
//!
//! To accept a deliberate change:
//! `ERRCAT_BLESS=1 cargo test -p errcat-build --test client_snapshots`.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

fn catalogs(case: &str) -> Vec<errcat_build::Catalog> {
    errcat_build::load_dir(&fixture(case).join("catalogs")).expect("fixture catalogs are valid")
}

/// Compares `generated` with the file at `path`, or writes it there under `ERRCAT_BLESS`.
fn compare(path: &Path, generated: &str) {
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with ERRCAT_BLESS=1 to create it",
            path.display()
        )
    });
    if generated != expected {
        let line = generated
            .lines()
            .zip(expected.lines())
            .position(|(g, e)| g != e)
            .unwrap_or_else(|| generated.lines().count().min(expected.lines().count()));
        panic!(
            "generated output differs from {} from line {}:\n  expected: {:?}\n  generated: {:?}\n\
             If the change is deliberate, rerun with ERRCAT_BLESS=1 and review the diff.",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            generated.lines().nth(line),
        );
    }
}

#[test]
fn basic_fixture_openapi_matches_expected_output() {
    let generated = errcat_build::generate_openapi(&catalogs("basic"));
    compare(&fixture("basic").join("expected.openapi.json"), &generated);
}

#[test]
fn basic_fixture_typescript_matches_expected_output() {
    let modules = errcat_build::generate_typescript(&catalogs("basic"));
    let names: Vec<String> = modules
        .iter()
        .map(|(name, _)| name.display().to_string())
        .collect();
    assert_eq!(
        names,
        ["messenger_subset.ts", "names.ts", "shop.ts", "socket.ts"]
    );
    let dir = fixture("basic").join("expected_typescript");
    for (name, text) in &modules {
        compare(&dir.join(name), text);
    }
    // No expected module that the generator no longer writes.
    let mut expected: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    expected.sort();
    assert_eq!(expected, names);
}

#[test]
fn the_openapi_document_is_json_that_keeps_the_catalogs_order() {
    let text = errcat_build::generate_openapi(&catalogs("basic"));
    let value: serde_json::Value = serde_json::from_str(&text).expect("the document is JSON");
    assert_eq!(value["openapi"], "3.1.0");
    let shop = &value["components"]["schemas"]["shop.Code"];
    assert_eq!(
        shop["enum"],
        serde_json::json!([
            "LACK_OF_POINTS",
            "FORBIDDEN",
            "INSUFFICIENT_FUNDS",
            "QUOTA_EXCEEDED",
            "old-token",
            "MAINTENANCE"
        ])
    );
    assert_eq!(
        shop["x-enum-varnames"],
        serde_json::json!([
            "LACK_OF_POINTS",
            "FORBIDDEN",
            "INSUFFICIENT_FUNDS",
            "QUOTA_EXCEEDED",
            "OLD_TOKEN",
            "MAINTENANCE"
        ])
    );
    // Literal braces are resolved in the template; a placeholder without an example stays
    // `{name}` in the example body, one with an example is filled in.
    assert_eq!(
        shop["x-enum-descriptions"][0],
        "Insufficient {asset} balance: {need more}."
    );
    let maintenance = &value["components"]["responses"]["shop.503"]["content"]["application/json"]
        ["examples"]["MAINTENANCE"]["value"];
    assert_eq!(maintenance["message"], "Back at {time} (UTC).");
    let funds = &value["components"]["responses"]["shop.400"]["content"]["application/json"]["examples"]
        ["INSUFFICIENT_FUNDS"]["value"];
    assert_eq!(funds["message"], "Insufficient funds: 12.5 EUR requested.");
    // Each status the catalog uses has its response, and no other.
    let responses: Vec<&String> = value["components"]["responses"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        responses,
        [
            "messenger_subset.500",
            "names.400",
            "names.401",
            "names.500",
            "shop.400",
            "shop.403",
            "shop.429",
            "shop.503"
        ]
    );
}

#[test]
fn generation_is_deterministic() {
    let first = catalogs("basic");
    let second = catalogs("basic");
    assert_eq!(
        errcat_build::generate_openapi(&first),
        errcat_build::generate_openapi(&second)
    );
    assert_eq!(
        errcat_build::generate_typescript(&first),
        errcat_build::generate_typescript(&second)
    );
}

proptest! {
    /// The hand-written JSON escaper agrees with a JSON parser for any text.
    #[test]
    fn escaped_strings_parse_back_to_themselves(s in any::<String>()) {
        let quoted = errcat_build::emit::json::string(&s);
        let back: String = serde_json::from_str(&quoted).unwrap();
        prop_assert_eq!(back, s);
        let one_line = !quoted.contains('\n') && !quoted.contains('\u{2028}');
        prop_assert!(one_line, "{}", quoted);
    }
}
