//! The translations file's reference: the format doc's example loads against the doc's
//! complete catalog example, and `schema/translations.schema.json` accepts every translations
//! file of the repository and rejects what the generator rejects where a schema can say it.

use std::path::{Path, PathBuf};

/// The crate's directory: the format reference and the schema are linked into it, so that the
/// tests also run from the packaged crate.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The `n`-th yaml block of the format doc.
fn doc_yaml(n: usize) -> String {
    let doc = std::fs::read_to_string(root().join("catalog-format.md")).unwrap();
    let mut rest = doc.as_str();
    for _ in 0..n {
        rest = &rest[rest.find("```yaml\n").unwrap() + 8..];
    }
    let start = rest.find("```yaml\n").unwrap() + 8;
    let end = start + rest[start..].find("```").unwrap();
    rest[start..end].to_owned()
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("translations.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::meta::validate(&schema).expect("a valid draft-07 schema");
    jsonschema::draft7::new(&schema).unwrap()
}

fn errors(validator: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    let instance = serde_json::to_value(value).unwrap();
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_format_documents_translations_example_loads_against_its_catalog() {
    let catalog = errcat_build::load_str(Path::new("shop.yaml"), &doc_yaml(0)).unwrap();
    assert_eq!(catalog.locales.default, "en");
    assert_eq!(catalog.locales.others, ["fa"]);
    let example = doc_yaml(1);
    assert!(
        example.starts_with("# yaml-language-server: $schema=../schema/translations.schema.json")
    );
    let t = errcat_build::load_translations_str(&catalog, Path::new("shop.fa.yaml"), &example)
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(t.locale, "fa");
    assert_eq!(t.translated(), 2);
    assert_eq!(t.statuses, [(400, "درخواست نادرست".to_owned())]);
    let balance = t.entries[1].as_ref().unwrap();
    assert_eq!(balance.message.source, "موجودی {asset} کافی نیست.");
    assert!(balance.description.is_some());
    assert!(errors(&validator(), &example).is_empty());
}

#[test]
fn every_translations_file_of_the_repository_is_valid() {
    let validator = validator();
    let mut checked = 0;
    for dir in [root().join("tests/fixtures/locales/catalogs")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let catalogs = errcat_build::catalog_files(&dir).unwrap();
            let is_yaml = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            );
            if !is_yaml || catalogs.contains(&path) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let errors = errors(&validator, &text);
            assert!(
                errors.is_empty(),
                "{}:\n{}",
                path.display(),
                errors.join("\n")
            );
            checked += 1;
        }
    }
    // The fixture has Persian and German (the bundled catalogs are English only).
    assert_eq!(checked, 2);
}

#[test]
fn the_schema_rejects_what_the_generator_rejects() {
    let validator = validator();
    let example = doc_yaml(1);
    for (change, from, to) in [
        ("an unknown field", "entries:", "entrys:"),
        (
            "an unknown translation field",
            "    message:",
            "    mesage:",
        ),
        (
            "a translation without a message",
            "    message: \"موجودی {asset} کافی نیست.\"\n",
            "",
        ),
        (
            "an empty message",
            "1001: درخواست معتبر نیست.",
            "1001: \"\"",
        ),
        (
            "a status that is no status",
            "400: درخواست نادرست",
            "4000: درخواست نادرست",
        ),
    ] {
        assert!(example.contains(from), "{change}");
        let bad = example.replacen(from, to, 1);
        assert!(
            !errors(&validator, &bad).is_empty(),
            "the schema accepts {change}"
        );
        let catalog = errcat_build::load_str(Path::new("shop.yaml"), &doc_yaml(0)).unwrap();
        assert!(
            errcat_build::load_translations_str(&catalog, Path::new("shop.fa.yaml"), &bad).is_err(),
            "the generator accepts {change}"
        );
    }
}
