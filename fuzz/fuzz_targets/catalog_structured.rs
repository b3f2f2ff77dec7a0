//! Valid-looking catalogs built from the fuzzer's bytes (see `structured.rs`), through the
//! load and both emitters, with the integrations the first byte picks (serde, http, axum, grpc): no catalog may panic;
//! an accepted one is generated as Rust that parses, formatted or not, and as Markdown.

#![no_main]

use arbitrary::Unstructured;
use errcat_build::emit::Integrations;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(flags) = u.arbitrary::<u8>() else {
        return;
    };
    // As `Config` sets them: axum needs serde and http.
    let axum = flags & 4 != 0;
    let integrations = Integrations {
        serde: flags & 1 != 0 || axum,
        http: flags & 2 != 0 || axum,
        axum,
        grpc: flags & 8 != 0,
    };
    if let Ok(text) = errcat_fuzz::structured::catalog(&mut u) {
        errcat_fuzz::check_catalog(&text, integrations);
    }
});
