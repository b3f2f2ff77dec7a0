//! Arbitrary bytes as a translations file (`shop.fa.yaml`) of a catalog that declares locales,
//! through `errcat_build::load_translations_str`: the YAML parsing, the positioned tree, the
//! file's shape and its check against the catalog. No input may panic, and a rejected one gets
//! diagnostics that name the file and a place inside it. An accepted translation holds only what
//! the catalog allows (each message the entry's placeholders, each status one the catalog
//! sends), reads the same a second time, and is generated, with its catalog, as Rust that parses
//! and as Markdown.
//!
//! The first byte picks the catalog (bit 0: the integer-code `fuzz/catalogs/shop.yaml` or the
//! string-code `fuzz/catalogs/cards.yaml`), the locale among the catalog's others (bit 1) and the
//! integrations (bits 2 to 5: serde, http, axum, grpc); the rest is the file.

#![no_main]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use errcat_build::Catalog;
use errcat_build::emit::Integrations;
use errcat_build::model::{Segment, Translation};
use libfuzzer_sys::fuzz_target;

/// The two catalogs, as committed beside the targets, with the file they are loaded as.
const CATALOGS: [(&str, &str); 2] = [
    ("catalogs/shop.yaml", include_str!("../catalogs/shop.yaml")),
    (
        "catalogs/cards.yaml",
        include_str!("../catalogs/cards.yaml"),
    ),
];

/// The catalogs, loaded once.
fn catalogs() -> &'static [Catalog; 2] {
    static LOADED: OnceLock<[Catalog; 2]> = OnceLock::new();
    LOADED.get_or_init(|| {
        CATALOGS.map(|(file, text)| {
            let catalog = errcat_build::load_str(Path::new(file), text)
                .unwrap_or_else(|p| panic!("{file} does not load: {p:?}"));
            assert!(catalog.locales.others.len() >= 2, "{file} declares locales");
            catalog
        })
    })
}

/// What an accepted translation must hold against its catalog.
fn check_translation(catalog: &Catalog, file: &Path, locale: &str, t: &Translation) {
    assert_eq!(t.locale, locale);
    assert_eq!(t.file, file);
    assert_eq!(t.entries.len(), catalog.entry_count(), "one slot per entry");
    for (entry, translated) in catalog.entries().zip(&t.entries) {
        let Some(translated) = translated else {
            continue;
        };
        let message = &translated.message;
        assert!(!message.source.trim().is_empty(), "an empty message");
        // Every placeholder of the translated message is one the entry declares, and each one
        // the entry declares is used: the entry's typed values fill every locale's message.
        let mut used = BTreeSet::new();
        for segment in &message.segments {
            if let Segment::Placeholder(i) = segment {
                assert!(
                    *i < entry.placeholders.len(),
                    "placeholder {i} of {} declaring {}",
                    entry.name,
                    entry.placeholders.len()
                );
                used.insert(*i);
            }
        }
        assert_eq!(
            used.len(),
            entry.placeholders.len(),
            "{}: {:?} leaves out a placeholder",
            entry.name,
            message.source
        );
        if let Some(d) = &translated.description {
            assert!(!d.trim().is_empty(), "an empty description");
        }
    }
    // Each status at most once (a second title would be dropped), sorted, and one the
    // catalog's codes are sent with.
    let sent: BTreeSet<u16> = catalog.entries().filter_map(|e| e.status).collect();
    assert!(
        t.statuses.windows(2).all(|w| w[0].0 < w[1].0),
        "statuses not sorted, or one given twice: {:?}",
        t.statuses
    );
    for (status, title) in &t.statuses {
        assert!(sent.contains(status), "status {status} is not sent");
        assert!(!title.trim().is_empty(), "an empty title");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, data)) = data.split_first() else {
        return;
    };
    let catalog = &catalogs()[usize::from(flags & 1)];
    let others = &catalog.locales.others;
    let locale = &others[usize::from(flags >> 1 & 1) % others.len()];
    // As `Config` sets them: axum needs serde and http.
    let axum = flags & 16 != 0;
    let integrations = Integrations {
        serde: flags & 4 != 0 || axum,
        http: flags & 8 != 0 || axum,
        axum,
        grpc: flags & 32 != 0,
    };
    let stem = catalog.file.file_stem().and_then(|s| s.to_str()).unwrap();
    let file = PathBuf::from(format!("catalogs/{stem}.{locale}.yaml"));
    // As in `catalog_bytes`: broken UTF-8 sequences replaced, so that no input is wasted.
    let text = String::from_utf8_lossy(data);
    let translation = match errcat_build::load_translations_str(catalog, &file, &text) {
        Err(problems) => {
            errcat_fuzz::check_diagnostics(&file, &text, &problems);
            return;
        }
        Ok(t) => t,
    };
    check_translation(catalog, &file, locale, &translation);
    let again = errcat_build::load_translations_str(catalog, &file, &text);
    assert!(
        again.is_ok_and(|again| again == translation),
        "a second load differs"
    );
    // What the generator makes of it: the catalog with this translation, as the loaders of a
    // directory put it there.
    let mut translated = catalog.clone();
    translated.locales.translations.push(translation);
    errcat_fuzz::check_generate(&text, &translated, integrations);
});
