//! gRPC status codes: the canonical codes of `google.rpc.Code`, the mapping between them and
//! HTTP statuses, and the gRPC code of each entry of a catalog.
//!
//! An entry's gRPC code is declared (`grpc: ALREADY_EXISTS` on the entry, its section or the
//! catalog), or derived from its HTTP status by [`GrpcCode::from_http`], the mapping go-kratos
//! and grpc-gateway apply. The other direction, [`GrpcCode::http_status`], is the one
//! `google/rpc/code.proto` documents; the `errcat` runtime has the same two tables for statuses
//! received at run time.

use std::fmt;

use crate::diagnostic::{Diagnostic, Location};
use crate::model::Catalog;

/// A canonical gRPC status code (`google.rpc.Code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GrpcCode {
    Ok = 0,
    Cancelled = 1,
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    OutOfRange = 11,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
    Unauthenticated = 16,
}

/// Every code with its canonical name and, from `google/rpc/code.proto`, the HTTP status it
/// maps to; in the order of their numbers.
const CODES: [(GrpcCode, &str, u16); 17] = [
    (GrpcCode::Ok, "OK", 200),
    (GrpcCode::Cancelled, "CANCELLED", 499),
    (GrpcCode::Unknown, "UNKNOWN", 500),
    (GrpcCode::InvalidArgument, "INVALID_ARGUMENT", 400),
    (GrpcCode::DeadlineExceeded, "DEADLINE_EXCEEDED", 504),
    (GrpcCode::NotFound, "NOT_FOUND", 404),
    (GrpcCode::AlreadyExists, "ALREADY_EXISTS", 409),
    (GrpcCode::PermissionDenied, "PERMISSION_DENIED", 403),
    (GrpcCode::ResourceExhausted, "RESOURCE_EXHAUSTED", 429),
    (GrpcCode::FailedPrecondition, "FAILED_PRECONDITION", 400),
    (GrpcCode::Aborted, "ABORTED", 409),
    (GrpcCode::OutOfRange, "OUT_OF_RANGE", 400),
    (GrpcCode::Unimplemented, "UNIMPLEMENTED", 501),
    (GrpcCode::Internal, "INTERNAL", 500),
    (GrpcCode::Unavailable, "UNAVAILABLE", 503),
    (GrpcCode::DataLoss, "DATA_LOSS", 500),
    (GrpcCode::Unauthenticated, "UNAUTHENTICATED", 401),
];

/// HTTP status → gRPC code, as go-kratos and grpc-gateway map it; any other status is
/// [`GrpcCode::Unknown`].
const FROM_HTTP: [(u16, GrpcCode); 13] = [
    (200, GrpcCode::Ok),
    (400, GrpcCode::InvalidArgument),
    (401, GrpcCode::Unauthenticated),
    (403, GrpcCode::PermissionDenied),
    (404, GrpcCode::NotFound),
    (409, GrpcCode::Aborted),
    (412, GrpcCode::FailedPrecondition),
    (429, GrpcCode::ResourceExhausted),
    (499, GrpcCode::Cancelled),
    (500, GrpcCode::Internal),
    (501, GrpcCode::Unimplemented),
    (503, GrpcCode::Unavailable),
    (504, GrpcCode::DeadlineExceeded),
];

impl GrpcCode {
    /// Every code, in the order of their numbers.
    pub const ALL: [GrpcCode; 17] = {
        let mut all = [GrpcCode::Ok; 17];
        let mut i = 0;
        while i < 17 {
            all[i] = CODES[i].0;
            i += 1;
        }
        all
    };

    /// The canonical names, in the order of the codes' numbers.
    pub const NAMES: [&'static str; 17] = {
        let mut names = [""; 17];
        let mut i = 0;
        while i < 17 {
            names[i] = CODES[i].1;
            i += 1;
        }
        names
    };

    /// The code's number on the wire (`grpc-status`).
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The canonical name, such as `INVALID_ARGUMENT`.
    pub const fn name(self) -> &'static str {
        CODES[self as usize].1
    }

    /// The name of the code's variant in `tonic::Code`, such as `InvalidArgument`.
    pub fn tonic_name(self) -> String {
        crate::ident::type_name(self.name())
    }

    /// The code with this canonical name.
    pub fn from_name(name: &str) -> Option<GrpcCode> {
        CODES.iter().find(|(_, n, _)| *n == name).map(|c| c.0)
    }

    /// The HTTP status `google/rpc/code.proto` gives the code.
    pub const fn http_status(self) -> u16 {
        CODES[self as usize].2
    }

    /// The code an HTTP status maps to (go-kratos, grpc-gateway): [`GrpcCode::Unknown`] for a
    /// status the mapping does not list.
    pub fn from_http(status: u16) -> GrpcCode {
        FROM_HTTP
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(GrpcCode::Unknown, |m| m.1)
    }

    /// The gRPC code of an entry whose nearest `grpc:` or `status:` is `status` (`None` for a
    /// catalog without statuses): the code the status maps to, except that an error is never
    /// sent as `OK` (200 gives `UNKNOWN`), and `UNKNOWN` without a status.
    pub fn derived(status: Option<u16>) -> GrpcCode {
        match status.map(GrpcCode::from_http) {
            None | Some(GrpcCode::Ok) => GrpcCode::Unknown,
            Some(code) => code,
        }
    }

    /// Why the code derived from `status` is a guess that a catalog should confirm with a
    /// `grpc:` of its own; `None` where the mapping is unambiguous.
    pub fn guess(status: u16) -> Option<&'static str> {
        match status {
            409 => Some("409 is ABORTED or ALREADY_EXISTS, and the mapping takes ABORTED"),
            200 => Some(
                "200 maps to OK, which a gRPC client reads as success, so the error is sent as UNKNOWN",
            ),
            _ if !FROM_HTTP.iter().any(|(s, _)| *s == status) => {
                Some("the HTTP to gRPC mapping does not list it, so it becomes UNKNOWN")
            }
            _ => None,
        }
    }
}

impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An entry's gRPC code and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grpc {
    pub code: GrpcCode,
    pub origin: GrpcOrigin,
}

/// Where an entry's gRPC code comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GrpcOrigin {
    /// A `grpc:` of the entry, its section or the catalog, written here (never `OK`).
    Declared(Location),
    /// Derived from the HTTP status the `status:` written here gives ([`GrpcCode::from_http`],
    /// except that 200, `OK`, gives `UNKNOWN`: an error is never sent as a success).
    Derived { status: u16, at: Location },
    /// A catalog without HTTP statuses and without `grpc:`: [`GrpcCode::Unknown`].
    NoStatus,
}

impl Grpc {
    /// Whether the code was derived from an HTTP status rather than declared.
    pub fn is_derived(&self) -> bool {
        !matches!(self.origin, GrpcOrigin::Declared(_))
    }

    /// Whether the code is a guess the catalog should confirm (see [`warnings`]).
    pub fn is_guess(&self) -> bool {
        match self.origin {
            GrpcOrigin::Declared(_) => false,
            GrpcOrigin::Derived { status, .. } => GrpcCode::guess(status).is_some(),
            GrpcOrigin::NoStatus => true,
        }
    }

    /// The code and where it comes from, as `errcat explain` shows it: `NOT_FOUND (from HTTP
    /// status 404)`, `ALREADY_EXISTS (declared)`, with the reason a guess is one.
    pub fn describe(&self) -> String {
        match self.origin {
            GrpcOrigin::Declared(_) => format!("{} (declared)", self.code),
            GrpcOrigin::Derived { status, .. } => match GrpcCode::guess(status) {
                Some(why) => format!(
                    "{} (from HTTP status {status}; a guess to confirm with `grpc:`: {why})",
                    self.code
                ),
                None => format!("{} (from HTTP status {status})", self.code),
            },
            GrpcOrigin::NoStatus => format!(
                "{} (the catalog has no HTTP statuses and sets no `grpc:`)",
                self.code
            ),
        }
    }
}

/// The warnings of `errcat check` about gRPC codes that are guesses a catalog should confirm:
/// one per `status:` that gives entries such a code (409, 200, a status the mapping does not
/// list), and one for a catalog without statuses that sets no `grpc:`. They do not fail the
/// check, and a `grpc:` next to the status silences them.
pub fn warnings(catalog: &Catalog) -> Vec<Warning> {
    let mut by_place: Vec<(Location, u16, Vec<String>)> = Vec::new();
    let mut no_status = 0;
    for entry in catalog.entries() {
        match entry.grpc.origin {
            GrpcOrigin::Declared(_) => {}
            GrpcOrigin::NoStatus => no_status += 1,
            GrpcOrigin::Derived { status, at } => {
                if GrpcCode::guess(status).is_none() {
                    continue;
                }
                match by_place.iter_mut().find(|(l, _, _)| *l == at) {
                    Some((_, _, labels)) => labels.push(entry.label()),
                    None => by_place.push((at, status, vec![entry.label()])),
                }
            }
        }
    }
    let mut out = Vec::new();
    for (at, status, labels) in by_place {
        let code = match GrpcCode::from_http(status) {
            GrpcCode::Ok => GrpcCode::Unknown,
            code => code,
        };
        let why = GrpcCode::guess(status).unwrap_or_default();
        let whom = match labels.as_slice() {
            [one] => format!("`{one}`"),
            [first, rest @ ..] => format!(
                "{} entries (`{first}` and {} more)",
                labels.len(),
                rest.len()
            ),
            [] => continue,
        };
        let suggestion = match status {
            409 => "`grpc: ALREADY_EXISTS` or `grpc: ABORTED`".to_owned(),
            _ => format!(
                "`grpc: {code}` to keep it, or the code that fits (`grpc: FAILED_PRECONDITION`, say)"
            ),
        };
        let mut d = Diagnostic::new(
            &catalog.file,
            Some(at),
            format!("HTTP status {status} gives {whom} the gRPC code {code}, a guess: {why}"),
        )
        .with_hint(format!(
            "confirm the gRPC code with {suggestion} beside this `status`"
        ));
        if let [one] = labels.as_slice() {
            d = d.with_entry(one.clone());
        }
        out.push(Warning(d));
    }
    if no_status > 0 {
        let whom = if no_status == 1 {
            "its entry gets".to_owned()
        } else {
            format!("its {no_status} entries get")
        };
        out.push(Warning(
            Diagnostic::new(
                &catalog.file,
                None,
                format!("the catalog has no HTTP statuses and no `grpc:`, so {whom} the gRPC code UNKNOWN"),
            )
            .with_hint("set the gRPC code of the catalog, its sections or entries: `grpc: INTERNAL`, say (`grpc: UNKNOWN` confirms UNKNOWN)"),
        ));
    }
    out
}

/// A problem that does not fail a check: a [`Diagnostic`] shown as `warning:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning(pub Diagnostic);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string();
        f.write_str("warning")?;
        f.write_str(text.strip_prefix("error").unwrap_or(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_are_googles() {
        for (i, code) in GrpcCode::ALL.iter().enumerate() {
            assert_eq!(usize::from(code.number()), i);
            assert_eq!(GrpcCode::from_name(code.name()), Some(*code));
        }
        assert_eq!(GrpcCode::NotFound.name(), "NOT_FOUND");
        assert_eq!(GrpcCode::NotFound.tonic_name(), "NotFound");
        assert_eq!(GrpcCode::Unauthenticated.number(), 16);
        assert_eq!(GrpcCode::from_name("not_found"), None);
    }

    #[test]
    fn http_to_grpc_is_the_mapping_of_the_issue() {
        let table = [
            (200, "OK"),
            (400, "INVALID_ARGUMENT"),
            (401, "UNAUTHENTICATED"),
            (403, "PERMISSION_DENIED"),
            (404, "NOT_FOUND"),
            (409, "ABORTED"),
            (412, "FAILED_PRECONDITION"),
            (429, "RESOURCE_EXHAUSTED"),
            (499, "CANCELLED"),
            (500, "INTERNAL"),
            (501, "UNIMPLEMENTED"),
            (503, "UNAVAILABLE"),
            (504, "DEADLINE_EXCEEDED"),
            (202, "UNKNOWN"),
            (402, "UNKNOWN"),
            (502, "UNKNOWN"),
            (418, "UNKNOWN"),
        ];
        for (status, name) in table {
            assert_eq!(GrpcCode::from_http(status).name(), name, "{status}");
        }
    }

    #[test]
    fn grpc_to_http_is_code_proto() {
        let table = [
            ("OK", 200),
            ("CANCELLED", 499),
            ("UNKNOWN", 500),
            ("INVALID_ARGUMENT", 400),
            ("DEADLINE_EXCEEDED", 504),
            ("NOT_FOUND", 404),
            ("ALREADY_EXISTS", 409),
            ("PERMISSION_DENIED", 403),
            ("RESOURCE_EXHAUSTED", 429),
            ("FAILED_PRECONDITION", 400),
            ("ABORTED", 409),
            ("OUT_OF_RANGE", 400),
            ("UNIMPLEMENTED", 501),
            ("INTERNAL", 500),
            ("UNAVAILABLE", 503),
            ("DATA_LOSS", 500),
            ("UNAUTHENTICATED", 401),
        ];
        assert_eq!(table.len(), GrpcCode::ALL.len());
        for (name, status) in table {
            assert_eq!(
                GrpcCode::from_name(name).unwrap().http_status(),
                status,
                "{name}"
            );
        }
    }

    #[test]
    fn guesses_are_409_200_and_unlisted_statuses() {
        for status in [409, 200, 202, 402, 405, 502] {
            assert!(GrpcCode::guess(status).is_some(), "{status}");
        }
        for status in [400, 401, 403, 404, 412, 429, 499, 500, 501, 503, 504] {
            assert_eq!(GrpcCode::guess(status), None, "{status}");
        }
    }
}
