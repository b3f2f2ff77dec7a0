// The whole build script of a crate that generates errors from its own catalogs, with the axum
// integration (and so serde and http) switched on here, not by features of this crate. It uses
// errcat-build's snapshot fixture, so that the checked-in expected output is also proven to
// compile under `#![deny(warnings)]` and clippy.
fn main() {
    errcat_build::Config::new()
        .axum(true)
        .compile_or_exit("../../errcat-build/tests/fixtures/basic/catalogs");
}
