//! Property tests: no input makes the generator panic, and every catalog it accepts becomes
//! Rust that parses, the same bytes each time, and that the JSON Schema accepts too.
//!
//! Three sources of input: arbitrary bytes; YAML-like text made of catalog fragments; and
//! structured catalogs with random names, codes and messages drawn from hostile strings. The
//! case counts keep the whole file to a few seconds in a debug build; raise `ERRCAT_FUZZ_CASES`
//! for a longer run.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_yaml::{Mapping, Value};

fn config(default_cases: u32) -> Config {
    let cases = std::env::var("ERRCAT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog.schema.json");
        let schema = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::draft7::new(&schema).unwrap()
    })
}

/// Loads `text`; if it is accepted, generates Rust and checks it. Diagnostics must display.
/// Returns whether the catalog was accepted.
fn run(text: &str) -> Result<bool, TestCaseError> {
    match errcat_build::load_str(Path::new("fuzz.yaml"), text) {
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                let shown = p.to_string();
                prop_assert!(shown.starts_with("error: "), "{shown}");
            }
        }
        Ok(catalog) => {
            let code = errcat_build::Config::new()
                .axum(true)
                .generate(std::slice::from_ref(&catalog));
            if let Err(e) = syn::parse_file(&code) {
                return Err(TestCaseError::fail(format!(
                    "generated Rust does not parse: {e}\n--- catalog ---\n{text}\n--- code ---\n{code}"
                )));
            }
            prop_assert_eq!(
                &code,
                &errcat_build::Config::new().axum(true).generate(&[catalog])
            );
            let value: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
            let instance = serde_json::to_value(value).unwrap();
            let errors: Vec<String> = schema()
                .iter_errors(&instance)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            prop_assert!(
                errors.is_empty(),
                "the generator accepts what the schema rejects:\n{}\n--- catalog ---\n{text}",
                errors.join("\n")
            );
            return Ok(true);
        }
    }
    Ok(false)
}

/// Strings that have broken code generators and reports.
const HOSTILE: &[&str] = &[
    "plain text",
    "quote \" and 'single'",
    "back\\slash \\n \\u{0} \\\\",
    "brace {{ and }} escaped",
    "*/ /* comment */ end",
    "#[doc = \"x\"] #![deny(warnings)]",
    "new\nline",
    "crlf\r\nline",
    "lone\rcr",
    "tab\there",
    "emoji 🦀 👩\u{200d}👩\u{200d}👧",
    "موجودی کافی نیست",
    "\u{202e}override\u{202c}",
    "zero\u{200b}width\u{feff}",
    "nul \0 and del \u{7f}",
    "```rust\ncompile_error!(\"doctest\");\n```",
    "    indented code block",
    "r#\"raw\"# and \"#",
    "]]> <script> %s %n ${x}",
    "---",
    "...",
    "&anchor *alias !tag ? : - #",
    "line\u{2028}separator\u{2029}paragraph",
    "trailing space ",
    " ",
    "",
];

const NAMES: &[&str] = &[
    "BAD",
    "NOT_FOUND",
    "SELF",
    "ALL",
    "A_L_L",
    "ERROR",
    "E_R_R_O_R",
    "QR_2",
    "QR2",
    "MINOR1",
    "FOO__BAR",
    "2FA",
    "ÜBER",
    "CRATE",
    "SUPER",
    "TYPE",
    "OPTION",
    "RESULT",
    "NONE",
    "SOME",
    "OK",
    "ERR",
    "STR",
    "CLONE",
    "COPY",
    "DEBUG",
    "SIZED",
    "BOX",
    "STRING",
    "CORE",
    "STD",
    "SECTION",
    "MINOR",
    "DETAILED",
    "PIECE",
    "RENDERED",
    "UNKNOWN_CODE",
    "NAME",
    "CODES",
    "X",
    "A1_B2",
    "lower",
    "",
];

const COLUMNS: &[&str] = &[
    "retry",
    "all",
    "code",
    "template",
    "self",
    "type",
    "x_1",
    "errors",
    "column_retry",
    "Retry",
    "r#type",
    "",
];

const MODULES: &[&str] = &[
    "shop", "core", "std", "minor", "self", "crate", "errors", "piece", "my-api", "a", "Shop",
];

const PLACEHOLDERS: &[&str] = &["asset", "amount", "user", "Bad", "x y", ""];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
        1 => proptest::collection::vec(proptest::sample::select(HOSTILE), 2..4).prop_map(|v| v.concat()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(NAMES).prop_map(str::to_owned),
        2 => "[A-Z][A-Z0-9]{0,4}(_[A-Z0-9]{1,3}){0,2}",
    ]
}

fn message() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => text(),
            2 => proptest::sample::select(PLACEHOLDERS).prop_map(|p| format!("{{{p}}}")),
            1 => Just("{{".to_owned()),
            1 => Just("}}".to_owned()),
            1 => Just("{".to_owned()),
        ],
        1..4,
    )
    .prop_map(|v| v.concat())
}

fn integer_code() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (0u64..6).prop_map(Value::from),
        2 => any::<u32>().prop_map(Value::from),
        1 => (-3i64..0).prop_map(Value::from),
        1 => Just(Value::from(u64::from(u32::MAX) + 1)),
        1 => Just(Value::from(u64::MAX)),
    ]
}

fn string_code() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => name().prop_map(Value::from),
        1 => text().prop_map(Value::from),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<bool>().prop_map(Value::from),
        (-5i64..5).prop_map(Value::from),
        text().prop_map(Value::from),
    ]
}

fn status() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => (100i64..600).prop_map(Value::from),
        1 => (-1i64..100).prop_map(Value::from),
        1 => (600i64..70000).prop_map(Value::from),
    ]
}

/// Puts `key: value` into `map` when the value is there.
fn put(map: &mut Mapping, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(Value::from(key), value);
    }
}

fn column_values() -> impl Strategy<Value = Option<Value>> {
    proptest::option::weighted(
        0.3,
        proptest::collection::vec((proptest::sample::select(COLUMNS), scalar()), 0..3).prop_map(
            |pairs| {
                let mut map = Mapping::new();
                for (k, v) in pairs {
                    map.insert(Value::from(k), v);
                }
                Value::Mapping(map)
            },
        ),
    )
}

fn entry(code: BoxedStrategy<Value>) -> impl Strategy<Value = Value> {
    let placeholder = (
        proptest::sample::select(PLACEHOLDERS),
        proptest::option::weighted(0.3, text()),
        proptest::option::weighted(0.3, text()),
    )
        .prop_map(|(name, documented, example)| {
            let mut map = Mapping::new();
            put(&mut map, "name", Some(Value::from(name)));
            put(&mut map, "documented", documented.map(Value::from));
            put(&mut map, "example", example.map(Value::from));
            Value::Mapping(map)
        });
    let minor = (
        prop_oneof![4 => (0u64..4).prop_map(Value::from), 1 => Just(Value::from(-1)), 1 => Just(Value::from("*"))],
        proptest::option::weighted(0.4, name()),
        proptest::option::weighted(0.6, text()),
        proptest::option::weighted(0.3, text()),
    )
        .prop_map(|(code, name, detail, reaction)| {
            let mut map = Mapping::new();
            put(&mut map, "code", Some(code));
            put(&mut map, "name", name.map(Value::from));
            put(&mut map, "detail", detail.map(Value::from));
            put(&mut map, "reaction", reaction.map(Value::from));
            Value::Mapping(map)
        });
    (
        (
            code,
            proptest::option::weighted(0.9, name()),
            message(),
            proptest::option::weighted(0.3, text()),
            proptest::option::weighted(0.2, status()),
            proptest::collection::vec(name(), 0..2),
        ),
        (
            proptest::option::weighted(0.2, text()),
            proptest::option::weighted(0.2, text()),
            proptest::collection::vec(placeholder, 0..3),
            column_values(),
            proptest::collection::vec(minor, 0..3),
        ),
    )
        .prop_map(
            |(
                (code, name, message, description, status, aliases),
                (deprecated, reaction, placeholders, columns, minors),
            )| {
                let mut map = Mapping::new();
                put(&mut map, "code", Some(code));
                put(&mut map, "name", name.map(Value::from));
                put(&mut map, "message", Some(Value::from(message)));
                put(&mut map, "description", description.map(Value::from));
                put(&mut map, "status", status);
                if !aliases.is_empty() {
                    put(&mut map, "aliases", Some(Value::from(aliases)));
                }
                put(&mut map, "deprecated", deprecated.map(Value::from));
                put(&mut map, "reaction", reaction.map(Value::from));
                if !placeholders.is_empty() {
                    put(
                        &mut map,
                        "placeholders",
                        Some(Value::Sequence(placeholders)),
                    );
                }
                put(&mut map, "columns", columns);
                if !minors.is_empty() {
                    put(&mut map, "minors", Some(Value::Sequence(minors)));
                }
                Value::Mapping(map)
            },
        )
}

fn catalog() -> impl Strategy<Value = String> {
    let column = (
        proptest::sample::select(COLUMNS),
        proptest::sample::select(&["bool", "integer", "string", "boolean"][..]),
        proptest::option::weighted(0.3, text()),
        proptest::option::weighted(0.4, scalar()),
    )
        .prop_map(|(name, kind, description, default)| {
            let mut map = Mapping::new();
            put(&mut map, "name", Some(Value::from(name)));
            put(&mut map, "type", Some(Value::from(kind)));
            put(&mut map, "description", description.map(Value::from));
            put(&mut map, "default", default);
            Value::Mapping(map)
        });
    let codes = prop_oneof![
        4 => Just(integer_code().boxed()),
        1 => Just(string_code().boxed()),
        1 => Just(prop_oneof![integer_code(), string_code()].boxed()),
    ];
    let sections = codes.prop_flat_map(|code| {
        let section = (
            name(),
            text(),
            proptest::option::weighted(0.2, status()),
            column_values(),
            proptest::collection::vec(entry(code.clone()), 1..4),
        )
            .prop_map(|(name, title, status, columns, entries)| {
                let mut map = Mapping::new();
                put(&mut map, "name", Some(Value::from(name)));
                put(&mut map, "title", Some(Value::from(title)));
                put(&mut map, "status", status);
                put(&mut map, "columns", columns);
                put(&mut map, "entries", Some(Value::Sequence(entries)));
                Value::Mapping(map)
            });
        proptest::collection::vec(section, 1..3)
    });
    (
        proptest::option::weighted(0.3, proptest::sample::select(MODULES)),
        text(),
        text(),
        proptest::option::weighted(0.3, text()),
        status(),
        proptest::collection::vec(column, 0..3),
        sections,
    )
        .prop_map(
            |(module, title, source, description, status, columns, sections)| {
                let mut map = Mapping::new();
                put(&mut map, "name", module.map(Value::from));
                put(&mut map, "title", Some(Value::from(title)));
                put(&mut map, "source", Some(Value::from(source)));
                put(&mut map, "description", description.map(Value::from));
                put(&mut map, "status", Some(status));
                if !columns.is_empty() {
                    put(&mut map, "columns", Some(Value::Sequence(columns)));
                }
                put(&mut map, "sections", Some(Value::Sequence(sections)));
                serde_yaml::to_string(&Value::Mapping(map)).unwrap()
            },
        )
}

/// Names that are valid but may trouble generated code: keywords in another case, names of
/// prelude and generated types.
const VALID_NAMES: &[&str] = &[
    "SELF",
    "ALL",
    "ERROR",
    "QR2",
    "MINOR1",
    "CRATE",
    "SUPER",
    "TYPE",
    "OPTION",
    "RESULT",
    "NONE",
    "SOME",
    "OK",
    "ERR",
    "STR",
    "CLONE",
    "COPY",
    "DEBUG",
    "SIZED",
    "BOX",
    "STRING",
    "CORE",
    "STD",
    "SECTION",
    "MINOR",
    "DETAILED",
    "PIECE",
    "RENDERED",
    "UNKNOWN_CODE",
    "NAME",
    "CODES",
    "X",
    "R_TYPE",
    "ASYNC",
    "AWAIT",
    "DYN",
    "UNION",
    "MACRO_RULES",
];

/// Text that is not blank, with braces escaped: valid anywhere a catalog takes text.
fn valid_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        if t.trim().is_empty() {
            format!("text{t}x")
        } else {
            t
        }
    })
}

/// One entry's random ingredients, made valid by `valid_catalog`.
type Ingredients = (
    String,
    String,
    Vec<String>,
    u8,
    Vec<(u8, Option<String>, String)>,
    Option<String>,
    (bool, i64),
);

fn ingredients() -> impl Strategy<Value = Ingredients> {
    (
        prop_oneof![
            proptest::sample::select(VALID_NAMES).prop_map(str::to_owned),
            "[A-Z][A-Z0-9]{0,4}(_[A-Z0-9]{1,3}){0,2}"
        ],
        valid_text(),
        proptest::collection::vec(valid_text(), 0..3),
        0u8..3,
        proptest::collection::vec(
            (
                0u8..6,
                proptest::option::of(proptest::sample::select(VALID_NAMES).prop_map(str::to_owned)),
                valid_text(),
            ),
            0..3,
        ),
        proptest::option::weighted(0.3, valid_text()),
        (any::<bool>(), -5i64..5),
    )
}

/// Catalogs built to be valid, with hostile text everywhere text goes and troublesome but
/// valid names: these must all be accepted and generate Rust that parses.
fn valid_catalog() -> impl Strategy<Value = String> {
    (
        valid_text(),
        valid_text(),
        proptest::collection::vec(proptest::collection::vec(ingredients(), 1..5), 1..3),
        any::<bool>(),
    )
        .prop_map(|(title, source, sections, string_codes)| {
            // Names whose Rust form is a generated constant (`A_T` → `AT`) are rejected by
            // design: treat those forms as taken.
            let mut used: std::collections::BTreeSet<String> =
                errcat_build::ident::RESERVED_ASSOCIATED
                    .iter()
                    .map(|n| (*n).to_owned())
                    .collect();
            let mut unique = |name: &str| {
                let mut candidate = name.to_owned();
                let mut n = 0;
                while used.contains(&rust_name(&candidate)) {
                    n += 1;
                    candidate = format!("{name}_V{n}");
                }
                used.insert(rust_name(&candidate));
                candidate
            };
            let mut map = Mapping::new();
            put(&mut map, "title", Some(Value::from(title)));
            put(&mut map, "source", Some(Value::from(source)));
            put(&mut map, "status", Some(Value::from(400)));
            let column = |name: &str, kind: &str| {
                let mut c = Mapping::new();
                put(&mut c, "name", Some(Value::from(name)));
                put(&mut c, "type", Some(Value::from(kind)));
                Value::Mapping(c)
            };
            put(
                &mut map,
                "columns",
                Some(Value::Sequence(vec![
                    column("retry", "bool"),
                    column("wait_seconds", "integer"),
                ])),
            );
            let mut code = 0u32;
            let mut out_sections = Vec::new();
            for (i, entries) in sections.into_iter().enumerate() {
                let mut section = Mapping::new();
                put(
                    &mut section,
                    "name",
                    Some(Value::from(unique(&format!("SECTION_{i}")))),
                );
                put(
                    &mut section,
                    "title",
                    Some(Value::from(format!("Section {i}"))),
                );
                let mut out_entries = Vec::new();
                for (name, message, placeholders, used_ph, minors, note, (retry, wait)) in entries {
                    code += 1;
                    let mut e = Mapping::new();
                    let name = unique(&name);
                    let code_value = if string_codes {
                        Value::from(name.clone())
                    } else {
                        Value::from(code)
                    };
                    put(&mut e, "code", Some(code_value));
                    put(&mut e, "name", Some(Value::from(name.clone())));
                    let mut text = message.replace('{', "{{").replace('}', "}}");
                    let mut declared = Vec::new();
                    for (k, documented) in
                        placeholders.iter().enumerate().take(usize::from(used_ph))
                    {
                        text.push_str(&format!(" {{p{k}}}"));
                        let mut p = Mapping::new();
                        put(&mut p, "name", Some(Value::from(format!("p{k}"))));
                        put(&mut p, "documented", Some(Value::from(documented.clone())));
                        declared.push(Value::Mapping(p));
                    }
                    put(&mut e, "message", Some(Value::from(text)));
                    if !declared.is_empty() {
                        put(&mut e, "placeholders", Some(Value::Sequence(declared)));
                    }
                    put(&mut e, "description", note.clone().map(Value::from));
                    put(
                        &mut e,
                        "deprecated",
                        note.clone().filter(|_| retry).map(Value::from),
                    );
                    let mut cols = Mapping::new();
                    cols.insert(Value::from("retry"), Value::from(retry));
                    cols.insert(Value::from("wait_seconds"), Value::from(wait));
                    put(&mut e, "columns", Some(Value::Mapping(cols)));
                    let mut minor_codes = std::collections::BTreeSet::new();
                    let mut minor_names = std::collections::BTreeSet::new();
                    let mut out_minors = Vec::new();
                    for (mcode, mname, detail) in minors {
                        if !minor_codes.insert(mcode) {
                            continue;
                        }
                        // The minor's Rust name: its own, or `Minor<code>`; skip a clash.
                        let default = format!("Minor{mcode}");
                        let mname = mname.filter(|n| rust_name(n) != default);
                        let key = mname.as_deref().map_or(default, rust_name);
                        if !minor_names.insert(key) {
                            continue;
                        }
                        let mut m = Mapping::new();
                        put(&mut m, "code", Some(Value::from(mcode)));
                        put(&mut m, "name", mname.map(Value::from));
                        put(&mut m, "detail", Some(Value::from(detail)));
                        out_minors.push(Value::Mapping(m));
                    }
                    // `ERROR` cannot have minor codes (its minor enum would shadow `Error`).
                    if !out_minors.is_empty() && rust_name(&name) != "Error" {
                        put(&mut e, "minors", Some(Value::Sequence(out_minors)));
                    }
                    out_entries.push(Value::Mapping(e));
                }
                put(&mut section, "entries", Some(Value::Sequence(out_entries)));
                out_sections.push(Value::Mapping(section));
            }
            put(&mut map, "sections", Some(Value::Sequence(out_sections)));
            serde_yaml::to_string(&Value::Mapping(map)).unwrap()
        })
}

/// The Rust name the generator gives an UPPER_SNAKE name.
fn rust_name(name: &str) -> String {
    errcat_build::ident::type_name(name)
}

/// Lines that catalogs are made of, and some that break them.
const FRAGMENTS: &[&str] = &[
    "title: T",
    "source: S",
    "status: 400",
    "status: x",
    "name: shop",
    "sections:",
    "  - name: CLIENT",
    "    title: Client",
    "    entries:",
    "      - code: 1",
    "        name: BAD",
    "        message: Bad {x}.",
    "        placeholders: [{name: x}]",
    "        minors:",
    "          - code: 1",
    "columns:",
    "  - {name: retry, type: bool}",
    "        columns: {retry: true}",
    "      - {code: 2, name: B, message: b}",
    "&a [1, 2]",
    "*a",
    "<<: *a",
    "? complex",
    ": value",
    "- - -",
    "[",
    "]",
    "{",
    "}",
    "\"unclosed",
    "'",
    "|",
    ">-",
    "  \t",
    "---",
    "...",
    "%YAML 1.2",
    "!!binary aGk=",
    "!custom x",
    "# comment",
    "",
    "title: ~",
    "code: 99999999999999999999999999999999999999999999",
];

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        run(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn catalog_fragments_never_panic(lines in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..40)) {
        run(&lines.join("\n"))?;
    }
}

/// Structured catalogs: random ones with hostile names, codes and text (nearly all rejected,
/// which exercises validation), and ones built valid with hostile text and troublesome names
/// (all must be accepted, which exercises generation).
#[test]
fn structured_catalogs_generate_rust_that_parses() {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let start = std::time::Instant::now();
    let (accepted, rejected) = (AtomicUsize::new(0), AtomicUsize::new(0));
    proptest::test_runner::TestRunner::new(config(300))
        .run(&catalog(), |yaml| {
            let counter = if run(&yaml)? { &accepted } else { &rejected };
            counter.fetch_add(1, Relaxed);
            Ok(())
        })
        .unwrap();
    let valid = AtomicUsize::new(0);
    proptest::test_runner::TestRunner::new(config(300))
        .run(&valid_catalog(), |yaml| {
            prop_assert!(
                run(&yaml)?,
                "rejected: {:?}\n{}",
                errcat_build::load_str(Path::new("fuzz.yaml"), &yaml).err(),
                yaml
            );
            valid.fetch_add(1, Relaxed);
            Ok(())
        })
        .unwrap();
    println!(
        "structured catalogs: hostile {} accepted, {} rejected; valid {} accepted; {:?}",
        accepted.load(Relaxed),
        rejected.load(Relaxed),
        valid.load(Relaxed),
        start.elapsed()
    );
    assert!(rejected.load(Relaxed) > 0);
    assert!(valid.load(Relaxed) > 0);
}

/// Changes a valid catalog line by line: no change makes the generator panic, and whatever it
/// still accepts generates Rust that parses.
#[test]
fn mutated_catalogs_never_panic() {
    // The fixture's shop catalog: inside the crate, so that the test runs from the package too.
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic/catalogs/shop.yaml");
    let shop = std::fs::read_to_string(file).unwrap();
    let lines: Vec<&str> = shop.lines().collect();
    let mut runner = proptest::test_runner::TestRunner::new(config(150));
    runner
        .run(
            &(0..lines.len(), 0..4u8, proptest::sample::select(FRAGMENTS)),
            |(at, how, fragment)| {
                let mut changed: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
                match how {
                    0 => {
                        changed.remove(at);
                    }
                    1 => changed.insert(at, changed[at].clone()),
                    2 => changed.insert(at, fragment.to_owned()),
                    _ => changed[at] = changed[at].replacen(' ', "", 1),
                }
                run(&changed.join("\n")).map(|_| ())
            },
        )
        .unwrap();
}
