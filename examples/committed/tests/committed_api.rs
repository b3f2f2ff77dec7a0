//! The committed file is the generated API, the same as a build script would give.

use errcat_example_committed::payments::{Error, minor};

#[test]
fn the_committed_errors_work_like_generated_ones() {
    assert_eq!(Error::ALL.len(), 3);
    let e = Error::from_code(1001).unwrap();
    assert_eq!(e, Error::AmountTooSmall);
    assert_eq!(e.name(), "AMOUNT_TOO_SMALL");
    assert_eq!(e.http_status(), 400);
    assert_eq!(Error::AccountFrozen.http_status(), 403);
    assert_eq!(e.placeholders(), ["minimum"]);
    assert_eq!(
        Error::from_name("CURRENCY_NOT_SUPPORTED"),
        Some(Error::CurrencyNotSupported)
    );
    assert_eq!(minor::CurrencyNotSupported::ALL.len(), 2);
}

#[test]
fn the_committed_file_is_what_the_build_script_would_write() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(dir.join("src/errors.rs")).unwrap();
    let catalogs = errcat_build::load_dir(&dir.join("catalogs")).unwrap();
    let generated = errcat_build::Config::new().generate(&catalogs);
    assert!(
        committed.replace("\r\n", "\n") == generated,
        "src/errors.rs is stale: run `cargo run -p errcat-cli -- generate \
         examples/committed/catalogs --out examples/committed/src/errors.rs`"
    );
    assert!(
        !dir.join("build.rs").exists(),
        "committed mode needs no build script"
    );
}
