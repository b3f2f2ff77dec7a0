//! What the typed values of a code, and a catalog without HTTP statuses, make impossible: each
//! file of `tests/compile-fail` is a misuse that must not compile, with the error rustc gives
//! beside it (`*.stderr`). To accept a deliberate change of the messages:
//! `TRYBUILD=overwrite cargo test --test compile_fail`.

#[test]
fn misuses_of_typed_values_do_not_compile() {
    trybuild::TestCases::new().compile_fail("tests/compile-fail/*.rs");
}
