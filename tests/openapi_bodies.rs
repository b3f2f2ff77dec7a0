//! The generated OpenAPI document against the Rust side: each response's examples are the
//! bodies and problem documents the Rust side sends for those codes (raised with each
//! placeholder's declared example); they validate against their catalog's schemas, which reject what is not
//! a body; the documents' own JSON examples (`tests/wire/`) validate, but for the one whose
//! code the catalog does not list; the problem titles are `http`'s reason phrases.

use std::path::Path;

use errcat::Problem;
use errcat::status::http;
use errcat_build::Catalog;
use errcat_catalogs::{exchange, game_account, item_market, messenger, mixin};
use serde_json::{Value, json};

fn catalogs() -> Vec<Catalog> {
    errcat_build::load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs"))).unwrap()
}

fn document() -> Value {
    serde_json::from_str(&errcat_build::generate_openapi(&catalogs())).unwrap()
}

/// A validator for one schema component: the document as a JSON Schema (2020-12, OpenAPI
/// 3.1's dialect) whose root refers to the component, so that its `$ref`s resolve.
fn validator(document: &Value, component: &str) -> jsonschema::Validator {
    assert!(
        document["components"]["schemas"].get(component).is_some(),
        "no schema {component}"
    );
    let mut root = document.clone();
    root["$ref"] = json!(format!("#/components/schemas/{component}"));
    jsonschema::draft202012::new(&root).unwrap()
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// For every code of a catalog module: the document's example of its body and problem
/// document, under the response of its status, is what the Rust side renders, and validates.
macro_rules! check_examples {
    ($document:expr, $catalogs:expr, $module:ident) => {{
        let document: &Value = $document;
        let catalog = $catalogs
            .iter()
            .find(|c| c.module == $module::NAME)
            .unwrap();
        let body_schema = validator(document, &format!("{}.Body", $module::NAME));
        let problem_schema = validator(document, &format!("{}.Problem", $module::NAME));
        let mut count = 0;
        for &error in $module::Error::ALL {
            let response = format!("{}.{}", $module::NAME, error.http_status());
            let content = &document["components"]["responses"][&response]["content"];
            let example = &content["application/json"]["examples"][error.name()];
            // The entry's label: a string code that is its own name is written once.
            let code = error.code().to_string();
            let label = if code == error.name() {
                code
            } else {
                format!("{code} {}", error.name())
            };
            assert_eq!(example["summary"], label);
            // The failure the example is the body of: the code itself where its message has no
            // placeholders, else the values read back from the example's message, which must
            // be the catalog's message with values filled in.
            let failure = match $module::Failure::plain(error) {
                Some(failure) => failure,
                None => {
                    let json = serde_json::to_vec(&example["value"]).unwrap();
                    $module::Body::from_json(&json)
                        .unwrap()
                        .failure()
                        .unwrap_or_else(|| panic!("{response} {}: no values", error.name()))
                }
            };
            assert_eq!(failure.error(), error);
            // The values are the placeholders' declared examples.
            let code = error.code().to_string();
            let entry = catalog
                .entries()
                .find(|e| e.code.to_string() == code)
                .unwrap();
            for p in &entry.placeholders {
                if let Some(example) = &p.example {
                    let value = failure.value(&p.name).map(|v| v.to_string());
                    assert_eq!(value.as_deref(), Some(example.as_str()), "{}", error.name());
                }
            }
            let value = serde_json::to_value(&failure).unwrap();
            assert_eq!(example["value"], value, "{response} {}", error.name());
            assert_eq!(
                errors(&body_schema, &value),
                Vec::<String>::new(),
                "{value}"
            );
            // The body without values, as `Failure::unfilled` sends it.
            let plain = serde_json::to_value($module::Failure::unfilled(error)).unwrap();
            assert_eq!(
                errors(&body_schema, &plain),
                Vec::<String>::new(),
                "{plain}"
            );

            let problem = serde_json::to_value(Problem(failure)).unwrap();
            let example = &content["application/problem+json"]["examples"][error.name()];
            assert_eq!(example["value"], problem, "{response} {}", error.name());
            assert_eq!(
                errors(&problem_schema, &problem),
                Vec::<String>::new(),
                "{problem}"
            );
            count += 1;
        }
        // No example of a code the catalog does not list, and none missing.
        let listed: usize = document["components"]["responses"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(name, _)| name.starts_with(&format!("{}.", $module::NAME)))
            .map(|(_, r)| {
                let bodies = r["content"]["application/json"]["examples"].as_object();
                let problems = r["content"]["application/problem+json"]["examples"].as_object();
                assert_eq!(bodies.unwrap().len(), problems.unwrap().len());
                bodies.unwrap().len()
            })
            .sum();
        assert_eq!(listed, count, "{}", $module::NAME);
        count
    }};
}

#[test]
fn every_example_is_what_the_rust_side_renders_and_validates() {
    let document = document();
    let catalogs = catalogs();
    let mut total = 0;
    total += check_examples!(&document, catalogs, game_account);
    total += check_examples!(&document, catalogs, item_market);
    total += check_examples!(&document, catalogs, exchange);
    total += check_examples!(&document, catalogs, mixin);
    total += check_examples!(&document, catalogs, messenger);
    assert!(total > 600, "{total}");
    // A placeholder's example is in the example's message.
    let sms = &document["components"]["responses"]["mixin.202"]["content"]["application/json"]["examples"]
        ["SMS_DELIVERY_FAILED"]["value"];
    assert_eq!(
        sms["error"]["description"],
        "Failed to deliver SMS to +8613800138000."
    );
}

#[test]
fn the_code_enums_name_and_describe_every_code() {
    let document = document();
    for catalog in catalogs() {
        let code = &document["components"]["schemas"][format!("{}.Code", catalog.module)];
        let values = code["enum"].as_array().unwrap();
        let names = code["x-enum-varnames"].as_array().unwrap();
        let descriptions = code["x-enum-descriptions"].as_array().unwrap();
        assert_eq!(values.len(), catalog.entry_count());
        for (i, entry) in catalog.entries().enumerate() {
            assert_eq!(
                values[i].to_string().trim_matches('"'),
                entry.code.to_string()
            );
            assert_eq!(names[i], entry.name.as_str());
            assert_eq!(descriptions[i], entry.message.text(&entry.placeholders));
        }
    }
    assert_eq!(
        document["components"]["schemas"]["mixin.Code"]["type"],
        "integer"
    );
    assert_eq!(
        document["components"]["schemas"]["game_account.Code"]["type"],
        "string"
    );
}

#[test]
fn the_documented_examples_validate_unless_their_code_is_not_listed() {
    let document = document();
    let fixture = |name: &str| -> Value {
        let path = format!("{}/tests/wire/{name}.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
    };
    for name in ["game_account", "mixin"] {
        let schema = validator(&document, &format!("{name}.Body"));
        assert_eq!(
            errors(&schema, &fixture(name)),
            Vec::<String>::new(),
            "{name}"
        );
    }
    // item_market's example carries a code that is in none of the document's tables: the
    // schema lists the catalog's codes, so only the code is refused.
    let schema = validator(&document, "item_market.Body");
    let example = fixture("item_market");
    let found = errors(&schema, &example);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].ends_with("at /code"), "{found:?}");
    let mut listed = example.clone();
    listed["code"] = json!("NOT_FOUND");
    assert_eq!(errors(&schema, &listed), Vec::<String>::new());
}

#[test]
fn the_schemas_refuse_what_is_not_the_documented_body() {
    let document = document();
    let mixin_body = validator(&document, "mixin.Body");
    let good =
        serde_json::to_value(mixin::Failure::from(mixin::Plain::InsufficientBalance)).unwrap();
    assert!(mixin_body.is_valid(&good));
    for bad in [
        // The fields without the envelope.
        good["error"].clone(),
        json!({"error": {"status": 202, "code": 20117}}),
        json!({"error": {"status": "202", "code": 20117, "description": "x"}}),
        json!({"error": {"status": 202, "code": 99999, "description": "x"}}),
        json!([good.clone()]),
    ] {
        assert!(!mixin_body.is_valid(&bad), "{bad}");
    }

    let messenger_body = validator(&document, "messenger.Body");
    let flood = messenger::Failure::from(messenger::Plain::FloodRequest)
        .with_minor(2)
        .with_wait(30);
    let good = serde_json::to_value(flood).unwrap();
    assert!(messenger_body.is_valid(&good));
    let mut changed = good.clone();
    changed["action"] = json!(5);
    assert!(!messenger_body.is_valid(&changed), "a constant field");
    let mut changed = good.clone();
    changed["wait"] = json!("30");
    assert!(!messenger_body.is_valid(&changed), "a parameter's type");
    let mut changed = good.clone();
    changed["name"] = json!("NO_SUCH_NAME");
    assert!(!messenger_body.is_valid(&changed), "a name");
    let mut changed = good.clone();
    changed.as_object_mut().unwrap().remove("major_code");
    assert!(!messenger_body.is_valid(&changed), "the code");

    // game_account's `message` comes from a column without a default: optional.
    let game_body = validator(&document, "game_account.Body");
    let mut body =
        serde_json::to_value(game_account::Body::new(game_account::Error::LackOfPoc)).unwrap();
    body.as_object_mut().unwrap().remove("message");
    assert!(game_body.is_valid(&body));
    body.as_object_mut().unwrap().remove("userMessage");
    assert!(!game_body.is_valid(&body));

    let problem = validator(&document, "messenger.Problem");
    let value = serde_json::to_value(Problem(
        messenger::Failure::from(messenger::Plain::FloodRequest).with_wait(30),
    ))
    .unwrap();
    assert!(problem.is_valid(&value));
    let mut changed = value.clone();
    changed["type"] = json!("https://example.com/other");
    assert!(!problem.is_valid(&changed));
    let mut changed = value;
    changed["wait"] = json!(true);
    assert!(!problem.is_valid(&changed));
    let exchange_problem = validator(&document, "exchange.Problem");
    let value = serde_json::to_value(Problem(exchange::Failure::from(
        exchange::Plain::ServerError,
    )))
    .unwrap();
    assert!(exchange_problem.is_valid(&value));
    let item_problem = validator(&document, "item_market.Problem");
    let value = serde_json::to_value(Problem(item_market::Failure::from(
        item_market::Plain::NotFound,
    )))
    .unwrap();
    assert!(item_problem.is_valid(&value));
    assert!(!exchange_problem.is_valid(&value), "another catalog's code");
}

#[test]
fn problem_titles_are_the_reason_phrases_of_http() {
    for status in 100..=599 {
        assert_eq!(
            errcat_build::emit::openapi::reason_phrase(status),
            http::StatusCode::from_u16(status)
                .unwrap()
                .canonical_reason(),
            "{status}"
        );
    }
}

#[test]
fn every_reference_points_at_a_component_of_the_document() {
    fn walk<'a>(value: &'a Value, refs: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    refs.push(r);
                }
                map.values().for_each(|v| walk(v, refs));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let document = document();
    let mut refs = Vec::new();
    walk(&document, &mut refs);
    // Per catalog: Body and Problem refer to Code, Body to Name where its shape has a name,
    // and each response to Body and Problem.
    assert!(refs.len() > 5 * 4, "{refs:?}");
    for r in refs {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{r} is not local"));
        assert!(document.pointer(pointer).is_some(), "{r} points at nothing");
    }
}

#[test]
fn the_readme_shows_the_schema_of_a_body_as_generated() {
    fn strip_descriptions(value: &mut Value) {
        match value {
            Value::Object(map) => {
                // The keyword, not a property named `description` (mixin's message).
                if map.get("description").is_some_and(Value::is_string) {
                    map.remove("description");
                }
                map.values_mut().for_each(strip_descriptions);
            }
            Value::Array(items) => items.iter_mut().for_each(strip_descriptions),
            _ => {}
        }
    }
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```json\n\"mixin.Body\": {")
        .expect("the README shows mixin.Body");
    let block = &readme[start + "```json\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let shown: Value = serde_json::from_str(&format!("{{{block}}}")).unwrap();
    let mut generated = document()["components"]["schemas"]["mixin.Body"].clone();
    strip_descriptions(&mut generated);
    assert_eq!(shown["mixin.Body"], generated);
}
