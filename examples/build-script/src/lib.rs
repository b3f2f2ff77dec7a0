//! A crate that generates its errors from its own catalogs: see `build.rs`.
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
