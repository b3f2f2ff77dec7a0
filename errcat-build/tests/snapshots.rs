//! Snapshot tests, in the manner of prost-build's fixtures: each directory in `tests/fixtures`
//! holds `catalogs/` and `expected.rs`, the exact Rust the generator must produce from them.
//! A change to the output shows up in review as a diff of `expected.rs`.
//!
//! To accept a deliberate change: `ERRCAT_BLESS=1 cargo test -p errcat-build --test snapshots`.

use std::path::Path;

fn check(case: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    let catalogs =
        errcat_build::load_dir(&dir.join("catalogs")).expect("fixture catalogs are valid");
    // With every integration, as the example crate that compiles this output asks for.
    let generated = errcat_build::Config::new().axum(true).generate(&catalogs);
    let expected_path = dir.join("expected.rs");
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        std::fs::write(&expected_path, &generated).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with ERRCAT_BLESS=1 to create it",
            expected_path.display()
        )
    });
    if generated != expected {
        let line = generated
            .lines()
            .zip(expected.lines())
            .position(|(g, e)| g != e)
            .unwrap_or_else(|| generated.lines().count().min(expected.lines().count()));
        panic!(
            "generated code for fixture `{case}` differs from expected.rs from line {}:\n  expected: {:?}\n  generated: {:?}\n\
             If the change is deliberate, rerun with ERRCAT_BLESS=1 and review the diff.",
            line + 1,
            expected.lines().nth(line),
            generated.lines().nth(line),
        );
    }
}

#[test]
fn basic_fixture_matches_expected_output() {
    check("basic");
}

/// Real error tables: no HTTP status, string minor codes, a shape keyed by name with a raw
/// `details` list.
#[test]
fn tables_fixture_matches_expected_output() {
    check("tables");
}

#[test]
fn generation_is_deterministic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic/catalogs");
    let first = errcat_build::Config::new()
        .axum(true)
        .generate(&errcat_build::load_dir(&dir).unwrap());
    let second = errcat_build::Config::new()
        .axum(true)
        .generate(&errcat_build::load_dir(&dir).unwrap());
    assert_eq!(first, second);
}

/// Every function of the generated code is `#[inline]`, so that rustc generates machine code
/// only for the functions a crate uses, in the crate that uses them, instead of for every
/// function of every catalog in the crate that includes the file (a third of the compile time
/// of a 100-code catalog's module, measured with `bench/scale`).
#[test]
fn every_generated_function_is_inline() {
    /// Every function with a body in `items` and their modules: its path, and whether it is
    /// `#[inline]`.
    fn functions(items: &[syn::Item], path: &str, found: &mut Vec<(String, bool)>) {
        let mut add = |attrs: &[syn::Attribute], name: &syn::Ident| {
            let inline = attrs.iter().any(|a| a.path().is_ident("inline"));
            found.push((format!("{path}::{name}"), inline));
        };
        let mut modules = Vec::new();
        for item in items {
            match item {
                syn::Item::Fn(f) => add(&f.attrs, &f.sig.ident),
                syn::Item::Impl(i) => {
                    for item in &i.items {
                        if let syn::ImplItem::Fn(f) = item {
                            add(&f.attrs, &f.sig.ident);
                        }
                    }
                }
                syn::Item::Trait(t) => {
                    for item in &t.items {
                        if let syn::TraitItem::Fn(f) = item
                            && f.default.is_some()
                        {
                            add(&f.attrs, &f.sig.ident);
                        }
                    }
                }
                syn::Item::Mod(m) => modules.push(m),
                _ => {}
            }
        }
        for m in modules {
            if let Some((_, items)) = &m.content {
                functions(items, &format!("{path}::{}", m.ident), found);
            }
        }
    }
    for case in ["basic", "tables", "locales"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(case)
            .join("catalogs");
        let catalogs = errcat_build::load_dir(&dir).expect("fixture catalogs are valid");
        let generated = errcat_build::Config::new()
            .axum(true)
            .grpc(true)
            .generate(&catalogs);
        let file = syn::parse_file(&generated).expect("the generated code parses");
        let mut found = Vec::new();
        functions(&file.items, case, &mut found);
        assert!(
            found.len() > 50,
            "{case}: only {} functions found",
            found.len()
        );
        let missing: Vec<_> = found.iter().filter(|(_, inline)| !inline).collect();
        assert!(missing.is_empty(), "{case}: not #[inline]: {missing:?}");
    }
}

/// A table of optional texts is an array of `&str` with `""` for "none", which nothing else
/// can mean: each of these fields refuses the empty text.
#[test]
fn tables_of_optional_texts_write_none_as_the_empty_text() {
    let catalog = |field: &str, text: &str| {
        format!(
            "title: T\nsource: S\nstatus: 400\nsections:\n  - name: A\n    title: A\n    entries:\n\
             \x20     - {{ code: 1, name: ONE, message: One, {field}: {text}, minors: [{{ code: 1, detail: Bad }}] }}\n\
             \x20     - {{ code: 2, name: TWO, message: Two, reaction: Retry }}\n"
        )
    };
    let load = |text: &str| errcat_build::load_str(Path::new("t.yaml"), text);
    let c = load(&catalog("description", "Said once.")).expect("the catalog is valid");
    let generated = errcat_build::Config::new().generate(&[c]);
    for expected in [
        r#"static DESCRIPTIONS: [&str; 2] = ["Said once.", ""];"#,
        r#"static REACTIONS: [&str; 2] = ["", "Retry"];"#,
        r#"static MINOR_DETAILS: [&str; 1] = ["Bad"];"#,
        "::errcat::optional(DESCRIPTIONS[self as usize])",
    ] {
        assert!(generated.contains(expected), "{expected} in {generated}");
    }
    for field in ["description", "reaction", "deprecated"] {
        let problems = load(&catalog(field, "''")).expect_err(field);
        assert_eq!(problems[0].message, format!("`{field}` is empty"));
    }
    let minor = catalog("description", "D").replace("detail: Bad", "detail: ''");
    assert_eq!(
        load(&minor).expect_err("minor")[0].message,
        "`detail` is empty"
    );
}
