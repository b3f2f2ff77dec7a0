//! Stage 3: outputs rendered from the validated model. Each output is its own module; none of
//! them reads YAML.
//!
//! The Rust output is written by several files, each named for the part of a catalog module it
//! writes: [`rust`] (the module and its `Error` enum), `code_index` (`from_code`),
//! `name_index` (`from_name`), `columns`, `sections`, `minors`, `rustdoc` (the module's and
//! variants' docs), `wire` (`Code` and `Body`), `wire_serde` (their serde impls), `failure`
//! (the owned error and the typed values of each code), `integrations` (http and axum) and
//! `grpc` (tonic).
//! Everything that does not vary per catalog is in the `errcat` runtime crate. Catalog text is
//! escaped for Markdown (in rustdoc and the pages) by [`escape`].
//!
//! The outputs for readers and other clients, which only the `errcat` command writes, are
//! behind the `docs` feature: `markdown` (the pages), `openapi` and `typescript`, the last two
//! written with the small JSON writer `json`.

mod code_index;
mod columns;
pub mod escape;
mod failure;
pub(crate) mod grpc;
mod integrations;
#[cfg(feature = "docs")]
pub mod json;
mod locales;
#[cfg(feature = "docs")]
pub mod markdown;
#[cfg(feature = "docs")]
mod markdown_locales;
mod minors;
mod name_index;
#[cfg(feature = "docs")]
pub mod openapi;
pub mod rust;
mod rustdoc;
mod sections;
mod tokens;
#[cfg(feature = "docs")]
pub mod typescript;
mod wire;
mod wire_serde;

/// Which integrations the generated code contains; each needs the feature of the same name of
/// the `errcat` runtime crate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Integrations {
    /// `Serialize`/`Deserialize` for the bodies, `Body::from_json` and `Body::from_http`.
    pub serde: bool,
    /// `status_code()` as an `http::StatusCode`.
    pub http: bool,
    /// `IntoResponse` for `Failure` and `Body` (needs `serde` and `http` too).
    pub axum: bool,
    /// `tonic::Status` with a `google.rpc.ErrorInfo` for `Failure` and `Error`, and
    /// `Failure::from_status` (module `grpc`).
    pub grpc: bool,
}

impl Integrations {
    /// The integrations `catalog`'s module gets: a catalog without HTTP statuses has no http or
    /// axum items, whatever `Config` turns on for the others.
    pub(crate) fn for_catalog(self, catalog: &crate::model::Catalog) -> Integrations {
        match catalog.status {
            Some(_) => self,
            None => Integrations {
                http: false,
                axum: false,
                ..self
            },
        }
    }

    /// The integrations any of `catalogs` uses.
    pub(crate) fn used_by(self, catalogs: &[crate::model::Catalog]) -> Integrations {
        catalogs
            .iter()
            .map(|c| self.for_catalog(c))
            .fold(Integrations::default(), |a, b| Integrations {
                serde: a.serde || b.serde,
                http: a.http || b.http,
                axum: a.axum || b.axum,
                grpc: a.grpc || b.grpc,
            })
    }
}
