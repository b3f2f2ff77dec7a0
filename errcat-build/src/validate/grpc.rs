//! gRPC: the `grpc:` code of a catalog, section or entry, the entry's resolved gRPC code, and
//! the catalog's ErrorInfo `domain:`.

use super::{At, Validator};
use crate::diagnostic::{Location, quote};
use crate::grpc::{Grpc, GrpcCode, GrpcOrigin};
use crate::ident;

/// What one level (the catalog, a section, an entry) says about its entries' gRPC code: its own
/// `grpc:` and its own `status:`, each with the place it is written.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct GrpcLevel {
    pub(super) grpc: Option<(GrpcCode, Location)>,
    pub(super) status: Option<(u16, Location)>,
}

/// The gRPC code of an entry from its own level, its section's and the catalog's, nearest
/// first: the first level that sets `grpc:` or `status:` decides, with its `grpc:` if it sets
/// one, else the code its status maps to (`UNKNOWN` for 200, which maps to `OK`: an error is
/// never sent as a success). So an entry's own `status: 404` gives `NOT_FOUND`
/// even in a section with `grpc: ALREADY_EXISTS`, and a catalog without statuses or `grpc:`
/// gives `UNKNOWN`.
pub(super) fn resolve(levels: [GrpcLevel; 3]) -> Grpc {
    for level in levels {
        if let Some((code, at)) = level.grpc {
            return Grpc {
                code,
                origin: GrpcOrigin::Declared(at),
            };
        }
        if let Some((status, at)) = level.status {
            return Grpc {
                code: GrpcCode::derived(Some(status)),
                origin: GrpcOrigin::Derived { status, at },
            };
        }
    }
    Grpc {
        code: GrpcCode::Unknown,
        origin: GrpcOrigin::NoStatus,
    }
}

impl Validator<'_> {
    /// A `grpc:` value: one of the canonical names of `google.rpc.Code`.
    pub(super) fn grpc_code(
        &mut self,
        at: &At,
        raw: Option<&str>,
        label: Option<&str>,
    ) -> Option<(GrpcCode, Location)> {
        let raw = raw?;
        if raw == "OK" {
            let mut d = self
                .diagnostic(
                    at,
                    "the gRPC code `OK` is not an error: a gRPC client reads it as success",
                )
                .with_hint(
                    "choose the code of an error, such as `FAILED_PRECONDITION`, or `UNKNOWN`",
                );
            if let Some(label) = label {
                d = d.with_entry(label);
            }
            self.report(d);
            return None;
        }
        if let Some(code) = GrpcCode::from_name(raw) {
            return Some((code, self.locate(at)));
        }
        let upper = raw.trim().to_ascii_uppercase().replace(['-', ' '], "_");
        let hint = match GrpcCode::from_name(&upper)
            .map(GrpcCode::name)
            .or_else(|| ident::nearest(&upper, &GrpcCode::NAMES))
        {
            Some(near) => format!(
                "did you mean `{near}`? gRPC codes are written as `google.rpc.Code` names them"
            ),
            None => format!("the gRPC codes are {}", GrpcCode::NAMES.join(", ")),
        };
        let mut d = self
            .diagnostic(at, format!("unknown gRPC code {}", quote(raw)))
            .with_hint(hint);
        if let Some(label) = label {
            d = d.with_entry(label);
        }
        self.report(d);
        None
    }

    /// The catalog's ErrorInfo domain: `domain:`, else the module name.
    pub(super) fn domain(&mut self, at: &At, raw: Option<&str>, module: &str) -> String {
        let Some(raw) = raw else {
            return module.to_owned();
        };
        let ok = !raw.is_empty() && raw.len() <= 253 && raw.bytes().all(|b| b.is_ascii_graphic());
        if !ok {
            let d = self
                .diagnostic(
                    at,
                    format!("domain {} is not a domain name", quote(raw)),
                )
                .with_hint("the ErrorInfo domain names the service, such as `pay.example.com`: ASCII without spaces, at most 253 characters; leave it out to use the module name");
            self.report(d);
        }
        raw.to_owned()
    }
}
