//! The `wire:` block of a catalog: how it is read, the mistakes it reports (with file, line and
//! a hint), and what the generator makes of it.

use std::path::Path;

use errcat_build::model::{ColumnType, Value, Wire, WireSource};
use errcat_build::{Diagnostic, load_str};

const BASE: &str = "\
title: Shop API errors
source: https://example.com/errors
status: 400
columns:
  - name: retryable
    type: bool
    default: false
  - name: group
    type: string
sections:
  - name: CLIENT
    title: Client errors
    columns: { group: CLIENT ERROR }
    entries:
      - code: 1001
        name: BAD_PAYLOAD
        message: The request body is not valid.
        minors:
          - code: 1
            detail: Country code is invalid
";

fn catalog(wire: &str) -> String {
    format!("{BASE}{wire}")
}

fn load(text: &str) -> Result<errcat_build::Catalog, Vec<Diagnostic>> {
    load_str(Path::new("shop.yaml"), text)
}

fn problems(wire: &str) -> Vec<Diagnostic> {
    match load(&catalog(wire)) {
        Ok(_) => panic!("expected problems with:\n{wire}"),
        Err(problems) => problems,
    }
}

/// The one problem, with its line (1-based) in the catalog text.
fn one_problem(wire: &str) -> (usize, Diagnostic) {
    let mut all = problems(wire);
    assert_eq!(all.len(), 1, "{all:#?}");
    let d = all.remove(0);
    let line = d.location.expect("a located problem").line;
    (line, d)
}

fn line_of(wire: &str, needle: &str) -> usize {
    let text = catalog(wire);
    1 + text
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in the catalog"))
}

#[test]
fn every_source_is_read_into_the_model() {
    let text = catalog(
        "\
wire:
  envelope: error
  fields:
    - { name: status, from: status }
    - { name: code, from: code }
    - { name: name, from: name }
    - { name: detail, from: message }
    - { name: minor, from: minor }
    - { name: group, from: column, column: group }
    - { name: retry, from: column, column: retryable }
    - { name: waitSeconds, from: param, param: wait, type: integer }
    - { name: version, from: constant, value: 2 }
    - { name: kind, from: constant, value: shop }
",
    );
    let c = load(&text).unwrap();
    assert_eq!(c.wire.envelope.as_deref(), Some("error"));
    let sources: Vec<(&str, &WireSource)> = c
        .wire
        .fields
        .iter()
        .map(|f| (f.name.as_str(), &f.source))
        .collect();
    assert_eq!(
        sources,
        [
            ("status", &WireSource::Status),
            ("code", &WireSource::Code),
            ("name", &WireSource::Name),
            ("detail", &WireSource::Message),
            ("minor", &WireSource::Minor),
            ("group", &WireSource::Column(1)),
            ("retry", &WireSource::Column(0)),
            (
                "waitSeconds",
                &WireSource::Param {
                    name: "wait".to_owned(),
                    kind: ColumnType::Integer
                }
            ),
            ("version", &WireSource::Constant(Value::Integer(2))),
            (
                "kind",
                &WireSource::Constant(Value::String("shop".to_owned()))
            ),
        ]
    );
    assert_eq!(
        c.wire.sketch(&c.columns),
        r#"{"error": {"status": <status>, "code": <code>, "name": <name>, "detail": <message>, "minor": <minor code>, "group": <group>, "retry": <retryable>, "waitSeconds": <wait>, "version": 2, "kind": "shop"}}"#
    );

    // The generated code follows the declaration: keys, constants, envelope, setters.
    let rust = errcat_build::Config::new().axum(true).generate(&[c]);
    assert!(rust.starts_with(errcat_build::GENERATED_HEADER));
    for expected in [
        r#"serialize_field("waitSeconds", value)"#,
        r#"serialize_field("version", &2i64)"#,
        r#"serialize_field("kind", &"shop")"#,
        r#"envelope.serialize_field("error", &Fields(self))"#,
        "pub fn with_wait(mut self, wait: i64) -> Self",
        "pub fn with_minor(mut self, minor: u32) -> Self",
        "pub group: ::core::option::Option<::std::borrow::Cow<'static, str>>",
        "pub retryable: bool",
        "pub fn detailed(&self)",
        r#"fields.constant("version", wire::serde_json::Value::from(2i64))"#,
    ] {
        assert!(rust.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn a_catalog_without_wire_gets_code_and_message() {
    let c = load(BASE).unwrap();
    assert_eq!(c.wire, Wire::default_shape());
    assert_eq!(
        c.wire.sketch(&c.columns),
        r#"{"code": <code>, "message": <message>}"#
    );
}

#[test]
fn an_unknown_source_is_reported_with_the_nearest_one() {
    let wire = "\
wire:
  fields:
    - { name: code, from: code }
    - { name: message, from: mesage }
";
    let (line, d) = one_problem(wire);
    assert_eq!(line, line_of(wire, "from: mesage"));
    assert_eq!(d.file, Path::new("shop.yaml"));
    assert!(d.message.contains("unknown source `mesage`"), "{d}");
    assert_eq!(d.hint.as_deref(), Some("did you mean `message`?"));
}

#[test]
fn a_column_must_be_declared() {
    let wire = "\
wire:
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
    - { name: group, from: column, column: grup }
";
    let (line, d) = one_problem(wire);
    assert_eq!(line, line_of(wire, "column: grup"));
    assert!(d.message.contains("column `grup` is not declared"), "{d}");
    assert_eq!(d.hint.as_deref(), Some("did you mean `group`?"));

    let wire = "\
wire:
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
    - { name: group, from: column }
";
    let (_, d) = one_problem(wire);
    assert!(d.message.contains("`from: column` needs `column`"), "{d}");
}

#[test]
fn code_and_message_are_required() {
    let wire = "\
wire:
  fields:
    - { name: detail, from: minor }
";
    let all = problems(wire);
    let messages: Vec<&str> = all.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the wire shape has no field `from: code` or `from: name`",
            "the wire shape has no field `from: message`"
        ]
    );
    assert!(all.iter().all(|d| d.location.is_some()));
    // A shape may identify the error by its name instead of its code.
    let all = problems("wire:\n  fields:\n    - { name: detail, from: name }\n");
    let messages: Vec<&str> = all.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["the wire shape has no field `from: message`"]);
}

#[test]
fn names_and_values_are_unique() {
    let wire = "\
wire:
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
    - { name: code, from: name }
";
    let (line, d) = one_problem(wire);
    assert_eq!(line, line_of(wire, "name: code, from: name"));
    assert!(d.message.contains("duplicate wire field"), "{d}");
    assert!(
        d.hint.as_deref().unwrap_or("").contains("shop.yaml:"),
        "{d}"
    );

    let wire = "\
wire:
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
    - { name: code2, from: code }
";
    let (_, d) = one_problem(wire);
    assert!(d.message.contains("duplicate wire value"), "{d}");
}

#[test]
fn keys_belong_to_their_source() {
    let wire = "\
wire:
  fields:
    - { name: code, from: code, column: group }
    - { name: message, from: message, value: 1 }
";
    let all = problems(wire);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all[0]
            .message
            .contains("`column` goes with `from: column`, but the field is `from: code`"),
        "{}",
        all[0]
    );
    assert!(
        all[1]
            .message
            .contains("`value` goes with `from: constant`")
    );
}

#[test]
fn parameters_need_a_type_and_a_valid_name() {
    let base = "\
wire:
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
";
    let (_, d) = one_problem(&format!("{base}    - {{ name: wait, from: param }}\n"));
    assert!(d.message.contains("`from: param` needs `type`"), "{d}");

    let (_, d) = one_problem(&format!(
        "{base}    - {{ name: waitSeconds, from: param, type: integer }}\n"
    ));
    assert!(
        d.message
            .contains("`waitSeconds` is not a valid parameter name")
    );
    assert!(d.hint.as_deref().unwrap().contains("set `param:"), "{d}");

    let (_, d) = one_problem(&format!(
        "{base}    - {{ name: s, from: param, param: status, type: integer }}\n"
    ));
    assert!(
        d.message.contains("parameter name `status` is reserved"),
        "{d}"
    );

    let (_, d) = one_problem(&format!(
        "{base}    - {{ name: w, from: param, param: type, type: integer }}\n"
    ));
    assert!(
        d.message.contains("`type` is not a valid parameter name"),
        "{d}"
    );
}

#[test]
fn constants_are_scalars() {
    let base = "\
wire:
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
";
    let (_, d) = one_problem(&format!("{base}    - {{ name: v, from: constant }}\n"));
    assert!(d.message.contains("`from: constant` needs `value`"), "{d}");
    let (line, d) = one_problem(&format!(
        "{base}    - {{ name: v, from: constant, value: [1, 2] }}\n"
    ));
    assert_eq!(line, 1 + BASE.lines().count() + 4);
    assert!(
        d.message
            .contains("a constant is a boolean, an integer or a string")
    );
}

#[test]
fn misspelt_keys_get_a_hint() {
    let text = catalog(
        "\
wire:
  envelop: error
  fields: []
",
    );
    let d = load(&text).unwrap_err().remove(0);
    assert!(d.message.contains("unknown field `envelop`"), "{d}");
    assert_eq!(d.hint.as_deref(), Some("did you mean `envelope`?"));

    let text = catalog(
        "\
wire:
  fields:
    - { name: code, frm: code }
",
    );
    // The rest of the shape is still checked: read as `from`, the field leaves the message out.
    let all = load(&text).unwrap_err();
    let d = all
        .iter()
        .find(|d| d.message.contains("unknown field `frm`"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert!(
        all.iter()
            .any(|d| d.message == "the wire shape has no field `from: message`"),
        "{all:#?}"
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean `from`?"));
    assert!(d.location.is_some());
}

#[test]
fn an_empty_envelope_is_reported() {
    let wire = "\
wire:
  envelope: ' '
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
";
    let (line, d) = one_problem(wire);
    assert_eq!(line, line_of(wire, "envelope:"));
    assert!(d.message.contains("`envelope` is empty"), "{d}");
}

#[test]
fn the_format_documents_example_declares_a_wire_shape() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/catalog-format.md")).unwrap();
    let start = doc.find("```yaml\n").unwrap() + "```yaml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let c = load_str(Path::new("docs/shop.yaml"), &doc[start..end]).unwrap();
    assert_ne!(c.wire, Wire::default_shape());
    assert!(c.wire.fields.len() > 2);
}
