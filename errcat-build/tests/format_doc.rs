//! The complete example in docs/catalog-format.md must load, validate and generate, so that the
//! format's reference never shows something the generator rejects.

use std::path::Path;

use errcat_build::model::{Code, Value};

fn example() -> String {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog-format.md"))
            .unwrap();
    let start = doc
        .find("```yaml\n")
        .expect("the format doc has a yaml example")
        + "```yaml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_owned()
}

#[test]
fn the_format_documents_example_loads_and_generates() {
    let catalog = errcat_build::load_str(Path::new("shop.yaml"), &example())
        .unwrap_or_else(|problems| panic!("the example is rejected: {problems:#?}"));
    assert_eq!(catalog.module, "shop");
    assert_eq!(catalog.sections.len(), 2);
    assert_eq!(catalog.entry_count(), 6);
    assert_eq!(catalog.minor_count(), 2);

    let bad_payload = catalog.find(&Code::Integer(1001)).unwrap();
    assert_eq!(
        bad_payload.columns,
        vec![Some(Value::Bool(false)), Some(Value::Integer(7))]
    );
    assert_eq!(
        bad_payload.minors[1].effective_reaction(bad_payload),
        Some("Ask the user for another name.")
    );
    assert_eq!(
        bad_payload.minors[0].effective_reaction(bad_payload),
        Some("Fix the request.")
    );

    let balance = catalog.find(&Code::Integer(1002)).unwrap();
    assert_eq!(
        balance.message.text(&balance.placeholders),
        "Insufficient {asset} balance."
    );
    assert_eq!(
        balance.message.documented_text(&balance.placeholders),
        "Insufficient %asset% balance."
    );

    let retired = catalog.find(&Code::Integer(1005)).unwrap();
    assert!(retired.retired.is_some() && retired.deprecated.is_some());
    assert_eq!(catalog.next_free_code(0), Some(1006));
    assert!(catalog.is_taken(&Code::Integer(1015)));

    let internal = catalog.find(&Code::Integer(2000)).unwrap();
    assert_eq!(internal.status, Some(500));
    assert_eq!(internal.columns[0], Some(Value::Bool(true)));

    assert_eq!(catalog.domain, "shop.example.com");
    let grpc = |code| catalog.find(&Code::Integer(code)).unwrap().grpc.code.name();
    assert_eq!(grpc(1001), "INVALID_ARGUMENT");
    assert_eq!(grpc(1002), "FAILED_PRECONDITION");
    assert_eq!(grpc(1003), "PERMISSION_DENIED");
    assert_eq!(grpc(2000), "INTERNAL");

    let with_grpc = errcat_build::Config::new()
        .grpc(true)
        .generate(std::slice::from_ref(&catalog));
    syn::parse_file(&with_grpc).expect("generated Rust with gRPC parses");
    assert!(with_grpc.contains("pub const DOMAIN: &str = \"shop.example.com\";"));

    let rust = errcat_build::generate_rust(&[catalog]);
    syn::parse_file(&rust).expect("generated Rust parses");
    assert!(rust.contains("pub mod shop"));
}

#[test]
fn rerun_if_changed_names_the_directory_and_each_catalog_only() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic/catalogs");
    let lines = errcat_build::rerun_if_changed(&dir).unwrap();
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert_eq!(
        lines[0],
        format!("cargo:rerun-if-changed={}", dir.display())
    );
    assert!(lines[1].ends_with("messenger_subset.yaml"));
    assert!(lines[2].ends_with("names.yaml"));
    assert!(lines[3].ends_with("shop.yaml"));
    assert!(lines[4].ends_with("socket.yaml"));
}
