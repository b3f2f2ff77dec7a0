// The whole build script of a crate that generates errors from its own catalogs. This one uses
// errcat-build's snapshot fixture, so that the checked-in expected output is also proven to
// compile under `#![deny(warnings)]` and clippy.
fn main() -> Result<(), errcat_build::Error> {
    errcat_build::Config::new().compile("../../errcat-build/tests/fixtures/basic/catalogs")
}
