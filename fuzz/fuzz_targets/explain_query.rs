//! The text of `errcat explain QUERY` where it reaches the library: the lookup of codes and
//! names lives in the command, and an unknown query goes to `ident::nearest` with every name,
//! alias and string code of the bundled catalogs. No query may panic; a suggestion is one of
//! the candidates, and a query that is a candidate is its own nearest.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use errcat_build::model::Code;
use libfuzzer_sys::fuzz_target;

fn candidates() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalogs");
        let catalogs = errcat_build::load_dir(&dir).expect("the bundled catalogs load");
        let mut names = Vec::new();
        for c in &catalogs {
            for e in c.entries() {
                names.push(e.name.clone());
                names.extend(e.aliases.iter().cloned());
                if let Code::String(code) = &e.code {
                    names.push(code.clone());
                }
            }
        }
        assert!(names.len() > 100);
        names
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let names = candidates();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let word = query.trim().to_ascii_uppercase();
    if let Some(near) = errcat_build::ident::nearest(&word, &refs) {
        assert!(refs.contains(&near));
        if refs.contains(&word.as_str()) {
            assert_eq!(near, word);
        }
    } else {
        assert!(!refs.contains(&word.as_str()), "{word:?} is a name");
    }
});
