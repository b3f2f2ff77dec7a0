//! Real error tables the format states as written (`tests/fixtures/tables`): a database's
//! SQLSTATE codes (no HTTP status, an enum column required on every code, a prefix dropped
//! from names), OAuth 2.0's lowercase codes, Google's name-keyed body with a `details` list,
//! and a payment API's string codes with string minor codes.

use std::path::{Path, PathBuf};

use errcat_build::Catalog;
use errcat_build::model::{Code, CodeKind, Value, WireSource};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tables/catalogs")
}

fn catalogs() -> Vec<Catalog> {
    errcat_build::load_dir(&dir()).unwrap_or_else(|e| panic!("{e}"))
}

fn catalog(module: &str) -> Catalog {
    catalogs().into_iter().find(|c| c.module == module).unwrap()
}

fn page(module: &str) -> String {
    let c = catalog(module);
    errcat_build::emit::markdown::catalog_page(&c)
}

#[test]
fn sqlstate_codes_have_no_http_status_and_a_required_enum_column() {
    let c = catalog("sqlstate");
    assert_eq!(c.status, None);
    assert!(c.entries().all(|e| e.status.is_none()));
    assert_eq!(c.code_kind, CodeKind::String);
    let severity = &c.columns[0];
    assert_eq!(severity.values, ["E", "W", "S"]);
    assert!(severity.required && severity.always_set());
    assert_eq!(severity.enum_type_name(), "Severity");
    let zero = c
        .find(&Code::String("22012".to_owned()))
        .expect("22012 is listed");
    assert_eq!(zero.name, "ERRCODE_DIVISION_BY_ZERO");
    assert_eq!(zero.rust_name, "DivisionByZero");
    assert_eq!(zero.columns[0], Some(Value::String("E".to_owned())));
    // The all-digit string code stays a string.
    assert!(c.find(&Code::String("00000".to_owned())).is_some());

    let page = page("sqlstate");
    assert!(
        page.contains("| Module | Codes | Minor codes | Sections | Catalog file |\n"),
        "{page}"
    );
    assert!(page.contains("The catalog's codes have no HTTP status: its protocol has none.\n"));
    assert!(
        page.contains("| `severity` | one of `E`, `W`, `S` | (required: every code has a value) |")
    );
    assert!(
        page.contains("| Code | Name | Message | severity | condition |\n"),
        "{page}"
    );
    assert!(
        page.contains(
            "| 22012 | `ERRCODE_DIVISION_BY_ZERO` | Division by zero. | E | division_by_zero |\n"
        ),
        "{page}"
    );
}

#[test]
fn oauth_codes_are_their_own_lowercase_names() {
    let c = catalog("oauth");
    let names: Vec<(&str, &str, Option<u16>)> = c
        .entries()
        .map(|e| (e.name.as_str(), e.rust_name.as_str(), e.status))
        .take(3)
        .collect();
    assert_eq!(
        names,
        [
            ("invalid_request", "InvalidRequest", Some(400)),
            ("invalid_client", "InvalidClient", Some(401)),
            ("invalid_grant", "InvalidGrant", Some(400)),
        ]
    );
    let page = page("oauth");
    assert!(page.contains("```json\n{\"error\": \"invalid_request\", \"error_description\": \"The request is missing a required parameter, includes an unsupported parameter value, repeats a parameter, or is otherwise malformed.\"}\n```\n"), "{page}");
    assert!(page.contains("Optional: `error_uri` (only when the sender gives one); a body without it is read all the same.\n"), "{page}");
}

#[test]
fn google_bodies_carry_the_status_as_code_and_name_the_error() {
    let c = catalog("google_rpc");
    assert_eq!(c.wire.key().name, "status");
    assert_eq!(c.wire.key().source, WireSource::Name);
    assert_eq!(c.wire.field(&WireSource::Code), None);
    let details = c.wire.fields.iter().find(|f| f.name == "details").unwrap();
    assert_eq!(
        details.source,
        WireSource::Raw {
            name: "details".to_owned()
        }
    );
    assert!(c.wire.is_optional(details, &c.columns));
    let page = page("google_rpc");
    assert!(page.contains("An error is sent as `{\"error\": {\"code\": <status>, \"message\": <message>, \"status\": <name>, \"details\": <details: any JSON>}}`. For `1 CANCELLED`:\n\n```json\n{\"error\": {\"code\": 499, \"message\": \"The request was cancelled by the client.\", \"status\": \"CANCELLED\"}}\n```\n"), "{page}");
}

#[test]
fn payment_decline_codes_are_string_minor_codes() {
    let c = catalog("payments");
    assert_eq!(c.minor_code_kind, CodeKind::String);
    let declined = c.find(&Code::String("card_declined".to_owned())).unwrap();
    let minors: Vec<(String, String)> = declined
        .minors
        .iter()
        .map(|m| (m.code.to_string(), m.type_name()))
        .collect();
    assert_eq!(
        minors[..2],
        [
            (
                "insufficient_funds".to_owned(),
                "InsufficientFunds".to_owned()
            ),
            ("lost_card".to_owned(), "LostCard".to_owned()),
        ]
    );
    let kind = &c.columns[0];
    assert!(kind.is_enum() && kind.required);
    let idempotent = c
        .find(&Code::String("idempotency_key_in_use".to_owned()))
        .unwrap();
    assert_eq!(idempotent.status, Some(409));
    assert_eq!(
        idempotent.columns[0],
        Some(Value::String("idempotency_error".to_owned()))
    );
    let page = page("payments");
    assert!(page.contains("```json\n{\"error\": {\"type\": \"card_error\", \"code\": \"card_declined\", \"decline_code\": \"insufficient_funds\", \"message\": \"The card has been declined.\"}}\n```\n"), "{page}");
    assert!(page.contains("Optional: `decline_code` (only when a minor code is given), `param` (only when the sender gives one); a body without them is read all the same.\n"), "{page}");
    // An example value is called an example, not what the document writes.
    assert!(
        page.contains("For example: A required parameter is missing: amount.\n"),
        "{page}"
    );
    assert!(!page.contains("The document writes it: A required parameter is missing: amount."));
}

/// The build-script entry point generates every table (the example crate compiles and tests
/// the output, `examples/build-script/tests/tables.rs`; `snapshots.rs` keeps it reviewed).
#[test]
fn the_rust_generator_compiles_every_table() {
    let out = std::env::temp_dir().join(format!("errcat-tables-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let mut config = errcat_build::Config::new();
    config.axum(true).emit_rerun_if_changed(false).out_dir(&out);
    config.compile(dir()).unwrap_or_else(|e| panic!("{e}"));
    let written = std::fs::read_to_string(out.join("errcat.rs")).unwrap();
    assert_eq!(written, config.generate(&catalogs()));
    // A statusless catalog has no status, the others keep theirs.
    let sqlstate = &written[written.find("pub mod sqlstate").unwrap()..];
    assert!(!sqlstate.contains("http_status"));
    let payments = &written[written.find("pub mod payments").unwrap()..];
    let payments = &payments[..payments.find("pub mod sqlstate").unwrap()];
    assert!(payments.contains("impl ::errcat::HttpStatus for Error"));
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn counts_and_defaults_read_as_written() {
    let one = [catalog("oauth")];
    let index = errcat_build::emit::markdown::index_page(&one);
    assert!(
        index.contains("| **Total: 1 catalog** | | 6 | 0 | 1 | |"),
        "{index}"
    );
    let basic = errcat_build::load_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic/catalogs"),
    )
    .unwrap();
    let shop = basic.iter().find(|c| c.module == "shop").unwrap();
    let page = errcat_build::emit::markdown::catalog_page(shop);
    assert!(page.contains("| `retryable` | bool | `false` |"), "{page}");
}

#[test]
fn string_minor_codes_are_strings_for_other_clients_too() {
    let payments = [catalog("payments")];
    let openapi = errcat_build::generate_openapi(&payments);
    assert!(
        openapi.contains(
            "\"decline_code\": {\n                \"description\": \"The minor code that narrows the code down; absent where there is none.\",\n                \"type\": \"string\"\n              }"
        ),
        "{openapi}"
    );
    let modules = errcat_build::generate_typescript(&payments);
    let ts = &modules[0].1;
    assert!(ts.contains("    readonly decline_code?: string;\n"), "{ts}");
    assert!(
        ts.contains("absentOr(field(fields, \"decline_code\"), isString)"),
        "{ts}"
    );
    assert!(!ts.contains("isMinor"), "{ts}");
}

#[test]
fn a_required_column_on_the_wire_is_required_for_other_clients_too() {
    // The Rust side reads `type` (the required column `kind`) as required: so do the others.
    let payments = [catalog("payments")];
    let openapi = errcat_build::generate_openapi(&payments);
    assert!(
        openapi.contains("\"required\": [\"type\", \"code\", \"message\"],"),
        "{openapi}"
    );
    let ts = &errcat_build::generate_typescript(&payments)[0].1;
    assert!(ts.contains("    readonly type: string;\n"), "{ts}");
    assert!(ts.contains("isString(field(fields, \"type\")) &&"), "{ts}");
}
