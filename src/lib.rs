//! Typed errors for the bundled API error catalogs, generated at build time from
//! `catalogs/*.yaml` by `errcat-build`.
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
