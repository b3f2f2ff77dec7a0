//! Typed errors for the bundled API error catalogs, generated at build time from
//! `catalogs/*.yaml` by `errcat-build`.
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

/// The README's examples, compiled and run as doctests so that they stay true. Its gRPC example
/// needs the `grpc` feature (the tests of CI run with all features).
#[cfg(all(doctest, feature = "grpc"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
