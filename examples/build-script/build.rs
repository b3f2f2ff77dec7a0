// The whole build script of a crate that generates errors from its own catalogs, with the axum
// integration (and so serde and http) switched on here, not by features of this crate. It uses
// errcat-build's snapshot fixtures, so that the checked-in expected output is also proven to
// compile under `#![deny(warnings)]` and clippy: `basic` as the crate's own errors, and the real
// error tables of `tables` in a file of their own, included as the module `tables`; and the
// locales fixture (a catalog with Persian and German translations files beside it) for the
// localized API, as the module `localized`.
fn main() {
    errcat_build::Config::new()
        .axum(true)
        .compile_or_exit("../../errcat-build/tests/fixtures/basic/catalogs");
    errcat_build::Config::new()
        .axum(true)
        .file_name("tables.rs")
        .compile_or_exit("../../errcat-build/tests/fixtures/tables/catalogs");
    errcat_build::Config::new()
        .axum(true)
        .file_name("localized.rs")
        .compile_or_exit("../../errcat-build/tests/fixtures/locales/catalogs");
}
