//! The README's catalogs stay true: the smallest catalog of "Generating from your own
//! catalogs" loads and generates, the section on messages in several languages has a two-locale
//! catalog and translations file that load and check together, and its axum handlers are the
//! ones `tests/localized.rs` serves.

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap()
}

/// The code blocks of the README's section `## Messages in several languages`.
fn blocks() -> Vec<String> {
    blocks_of("## Messages in several languages")
}

/// The code blocks of the README's section with the heading `heading`.
fn blocks_of(heading: &str) -> Vec<String> {
    let readme = readme();
    let start = readme.find(&format!("{heading}\n")).unwrap();
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").unwrap() + 3];
    section
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|b| b.split_once('\n').unwrap().1.to_owned())
        .collect()
}

#[test]
fn the_readmes_smallest_catalog_loads_and_generates() {
    let blocks = blocks_of("## Generating from your own catalogs");
    let catalog = errcat_build::load_str(Path::new("catalogs/payments.yaml"), &blocks[0])
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(catalog.entry_count(), 2);
    let statuses: Vec<_> = catalog
        .entries()
        .map(|e| (e.name.as_str(), e.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("INSUFFICIENT_FUNDS", Some(400)),
            ("CARD_DECLINED", Some(402))
        ]
    );
    let code = errcat_build::Config::new().generate(&[catalog]);
    assert!(code.contains("pub struct InsufficientFunds {"), "{code}");
}

#[test]
fn the_readmes_catalog_and_translations_load_together() {
    let blocks = blocks();
    let catalog = errcat_build::load_str(Path::new("catalogs/payments.yaml"), &blocks[0])
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(catalog.locales.others, ["fa"]);
    let fa = errcat_build::load_translations_str(
        &catalog,
        Path::new("catalogs/payments.fa.yaml"),
        &blocks[1],
    )
    .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(fa.translated(), 1);
    assert_eq!(fa.statuses.len(), 1);
    // The README says what check prints for it.
    assert!(readme().contains("`payments: fa 1/2 codes translated`"));
}

#[test]
fn the_readmes_handlers_are_the_tested_ones() {
    let tested =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/localized.rs"))
            .unwrap();
    let a =
        tested.find("// README: handler begins\n").unwrap() + "// README: handler begins\n".len();
    let b = tested.find("// README: handler ends\n").unwrap();
    assert_eq!(
        blocks()[2],
        tested[a..b].trim_end_matches('\n').to_owned() + "\n"
    );
}
