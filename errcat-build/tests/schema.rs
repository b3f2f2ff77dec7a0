//! `schema/catalog.schema.json` accepts every catalog it is given (the fixtures, the format
//! reference's example and, in the repository, the bundled catalogs) and rejects what the
//! generator rejects where a schema can say it. That the schema lists the same fields as the
//! generator is checked by a unit test next to the field lists (in `src/parse.rs`).
//!
//! The schema and the format reference are files of this crate (links to `schema/` and `docs/`
//! in the repository), so that the tests also run from the packaged crate.

use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(crate_dir().join("catalog.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::meta::validate(&schema).expect("the schema is a valid draft-07 schema");
    jsonschema::draft7::new(&schema).unwrap()
}

/// YAML as the JSON an editor's schema support sees.
fn json(yaml: &str) -> serde_json::Value {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    serde_json::to_value(value).unwrap()
}

/// The schema's complaints about `yaml`, one line each.
fn errors(validator: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let instance = json(yaml);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The yaml example of the format reference.
fn format_doc_example() -> String {
    let doc = std::fs::read_to_string(crate_dir().join("catalog-format.md")).unwrap();
    let start = doc.find("```yaml\n").unwrap() + "```yaml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_owned()
}

#[test]
fn every_catalog_of_the_repository_is_valid() {
    let validator = validator();
    let mut files =
        errcat_build::catalog_files(&crate_dir().join("tests/fixtures/basic/catalogs")).unwrap();
    assert!(files.len() >= 2, "{files:?}");
    // The bundled catalogs, when the crate is built in the repository (not from its package).
    let bundled = crate_dir().join("../catalogs");
    if bundled.is_dir() {
        let found = errcat_build::catalog_files(&bundled).unwrap();
        assert!(found.len() >= 5, "{found:?}");
        for file in &found {
            let text = std::fs::read_to_string(file).unwrap();
            assert!(
                text.contains("# yaml-language-server: $schema=../schema/catalog.schema.json"),
                "{} does not point editors at the schema",
                file.display()
            );
        }
        files.extend(found);
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let errors = errors(&validator, &text);
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            file.display(),
            errors.join("\n")
        );
    }
    let errors = errors(&validator, &format_doc_example());
    assert!(
        errors.is_empty(),
        "the format doc's example:\n{}",
        errors.join("\n")
    );
}

#[test]
fn every_fixture_catalog_is_valid() {
    let validator = validator();
    let fixtures = crate_dir().join("tests/fixtures");
    let mut checked = 0;
    for case in std::fs::read_dir(&fixtures).unwrap() {
        let dir = case.unwrap().path().join("catalogs");
        for file in errcat_build::catalog_files(&dir).unwrap() {
            let text = std::fs::read_to_string(&file).unwrap();
            let errors = errors(&validator, &text);
            assert!(
                errors.is_empty(),
                "{}:\n{}",
                file.display(),
                errors.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "{checked}");
}

#[test]
fn the_schema_rejects_what_the_generator_rejects() {
    let validator = validator();
    let example = format_doc_example();
    assert!(errors(&validator, &example).is_empty());
    for (change, from, to) in [
        (
            "an unknown catalog field",
            "title: Shop",
            "titel: Shop\ntitle: Shop",
        ),
        ("a missing title", "title: Shop API errors\n", ""),
        ("a status out of range", "status: 400", "status: 99"),
        (
            "an entry name of mixed case",
            "name: BAD_PAYLOAD",
            "name: Bad_Payload",
        ),
        (
            "a rust_name that is not UpperCamel",
            "name: BAD_PAYLOAD",
            "name: BAD_PAYLOAD\n        rust_name: bad_payload",
        ),
        (
            "an enum column without values",
            "type: bool\n    description: Retrying",
            "type: enum\n    description: Retrying",
        ),
        (
            "values on a column that is not an enum",
            "type: bool\n    description: Retrying",
            "type: bool\n    values: [a]\n    description: Retrying",
        ),
        (
            "a required column with a default",
            "default: false",
            "default: false\n    required: true",
        ),
        ("an unknown wire source", "from: status }", "from: stat }"),
        ("a negative code", "code: 1001", "code: -1"),
        ("a code over u32", "code: 1001", "code: 4294967296"),
        (
            "an unknown entry field",
            "message: Forbidden.",
            "mesage: Forbidden.",
        ),
        ("an unknown column type", "type: bool", "type: boolean"),
        ("a blank message", "message: Forbidden.", "message: \" \""),
        (
            "an integer code without a name",
            "        name: FORBIDDEN\n",
            "",
        ),
        (
            "an empty section",
            "entries:\n      - code: 2000",
            "entries: []\n    x:\n      - code: 2000",
        ),
        (
            "a minor code that is the wildcard row",
            "- code: 1\n",
            "- code: \"*\"\n",
        ),
        (
            "a placeholder name in capitals",
            "- name: asset",
            "- name: Asset",
        ),
        ("a bad module name", "name: shop", "name: Shop"),
    ] {
        assert!(example.contains(from), "{change}: {from:?}");
        let bad = example.replacen(from, to, 1);
        assert!(
            !errors(&validator, &bad).is_empty(),
            "the schema accepts {change}"
        );
        assert!(
            errcat_build::load_str(Path::new("shop.yaml"), &bad).is_err(),
            "the generator accepts {change}"
        );
    }
}
