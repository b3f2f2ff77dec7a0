//! Runtime support for the error types that `errcat-build` generates from YAML error catalogs.
//!
//! `errcat-build` writes, per catalog, only what differs between catalogs: the code enum
//! (`Error`), the owned error with its values (`Failure`), the typed values of each code whose
//! message has placeholders (`values::*`), the wire body (`Body`, `Code`) and their tables.
//! Everything else lives here, written and tested once:
//!
//! - [`ErrorCode`] and [`Raised`], the traits every generated code enum and owned error
//!   implement, for code that is generic over catalogs, and [`HttpStatus`], which the code
//!   enums of catalogs with HTTP statuses implement too;
//! - [`Value`], the values an error carries, and [`Piece`] / [`Filled`], messages with their
//!   placeholders filled in without allocating;
//! - [`UnknownCode`] and [`UnknownName`], the errors of the lookups, and [`UnknownValue`],
//!   that of parsing a value of an enum column;
//! - [`Problem`], the RFC 9457 rendering of any catalog's errors;
//! - [`locale`]: the text of catalogs that carry several locales ([`Translations`],
//!   [`Translated`]) and, under `axum`, answering in the language a request prefers;
//! - behind features, the integrations: `serde` ([`wire`]: reading and writing bodies),
//!   `http` ([`status`]), `axum` ([`response`], `IntoResponse`), `grpc` (the module `grpc`: a
//!   `tonic::Status` with a `google.rpc.ErrorInfo`, and back).
//!
//! A crate turns an integration on in two places that belong together: the feature of this
//! crate in its `Cargo.toml`, and the matching switch of `errcat_build::Config` in its
//! `build.rs` (`Config::new().axum(true)`). Generated code that uses an integration whose
//! feature is off fails to compile with an error that names the feature.
#![deny(missing_docs)]

mod catalog;
pub mod locale;
mod problem;
mod template;
mod value;

#[cfg(feature = "grpc")]
pub mod grpc;
#[cfg(feature = "axum")]
pub mod response;
#[cfg(feature = "http")]
pub mod status;
#[cfg(feature = "serde")]
pub mod wire;

pub use catalog::{
    CodeRef, ErrorCode, HttpStatus, Raised, UnknownCode, UnknownName, UnknownValue, optional,
};
pub use locale::{Translated, Translations, UnknownLocale};
pub use problem::{AsProblem, Problem, ProblemFields};
pub use template::{Filled, Piece, match_template, read_values};
pub use value::{Value, ValueKind};
