//! Arbitrary text as a lock file (`errcat.lock`), into the reader `errcat check`, `errcat lock`
//! and `errcat next` use. No input may panic; a rejected file gets findings that each name a
//! line it has. A file that reads is written back as `errcat lock` writes it, and that text
//! reads to the same catalogs and is written again to the same bytes.

#![no_main]

use std::path::Path;

use errcat_cli::compat::{self, Published};
use errcat_cli::lock;
use errcat_cli::output::Place;
use libfuzzer_sys::fuzz_target;

/// The catalogs without the places they were read at, which differ between two texts.
fn placeless(catalogs: &[Published]) -> Vec<Published> {
    let p = Place::file(Path::new("-"));
    let mut out: Vec<Published> = catalogs
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.place = p.clone();
            c.wire_place = p.clone();
            c.columns.iter_mut().for_each(|x| x.place = p.clone());
            c.sections.iter_mut().for_each(|x| x.place = p.clone());
            c.reserved.iter_mut().for_each(|x| x.place = p.clone());
            c.entries.iter_mut().for_each(|x| x.place = p.clone());
            c
        })
        .collect();
    // The writer sorts the catalogs by module name.
    out.sort_by(|a, b| a.module.cmp(&b.module));
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new(lock::FILE_NAME);
    let catalogs = match lock::read(path, text) {
        Ok(catalogs) => catalogs,
        Err(findings) => {
            assert!(!findings.is_empty(), "rejected without a finding");
            let lines = text.lines().count();
            for f in &findings {
                assert_eq!(f.rule, "LOCK_INVALID", "{}", f.text());
                let at = f.at.as_ref().expect("a finding names its place");
                assert_eq!(at.file, path, "{}", f.text());
                if let Some(line) = at.line {
                    assert!(
                        line >= 1 && line <= lines,
                        "{}\nthe file has {lines} line(s)",
                        f.text()
                    );
                }
            }
            return;
        }
    };
    let written = lock::render(&catalogs);
    let again = match lock::read(path, &written) {
        Ok(again) => again,
        Err(findings) => {
            let shown: Vec<String> = findings.iter().map(|f| f.text()).collect();
            panic!(
                "a lock file as written does not read:\n{}\n--- read ---\n{text}\n--- written ---\n{written}",
                shown.join("\n")
            );
        }
    };
    assert_eq!(
        placeless(&again),
        placeless(&catalogs),
        "the written lock reads differently\n--- read ---\n{text}\n--- written ---\n{written}"
    );
    assert_eq!(lock::render(&again), written, "writing is not stable");
    // What `errcat check` does with it: compare it with catalogs (here, itself). A lock may
    // hold what no catalog can (a code inside a reserved range), and then breaks a rule
    // against itself, which is the right report; the comparison must not panic.
    let _ = compat::compare(&catalogs, &again);
});
