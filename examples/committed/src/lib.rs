//! A crate that commits its generated errors (committed mode): `errors.rs` is written by
//! `errcat generate catalogs --out src/errors.rs` and checked in, so that building this crate
//! runs no generator and compiles no build dependency. CI runs the same command with
//! `--check`, which fails when the file no longer matches the catalogs.
#![deny(warnings, missing_docs)]

include!("errors.rs");
