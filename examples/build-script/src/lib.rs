//! A crate that generates its errors from its own catalogs: see `build.rs`.
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

/// Real error tables: a database's SQLSTATE codes (no HTTP status), OAuth 2.0's codes,
/// Google's name-keyed bodies with a `details` list, and a payment API's decline codes (string
/// minor codes).
pub mod tables {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// A catalog written in English that carries Persian and German: its `Locale` enum and its
/// module, generated from `payments.yaml` and the translations files beside it.
pub mod localized {
    include!(concat!(env!("OUT_DIR"), "/localized.rs"));
}
