//! Valid-looking catalogs built from the fuzzer's bytes (see `structured.rs`), through the
//! load and both emitters: no catalog may panic; an accepted one is generated as Rust that
//! parses, and as Markdown.

#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(text) = errcat_fuzz::structured::catalog(&mut u) {
        errcat_fuzz::check_catalog(&text);
    }
});
