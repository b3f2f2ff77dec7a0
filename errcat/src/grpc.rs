//! gRPC statuses for catalog errors: a `tonic::Status` with the code's gRPC code, the filled
//! message and one `google.rpc.ErrorInfo`, and the typed error read back from a received one.
//! Needs the `grpc` feature.
//!
//! The ErrorInfo of an error has:
//!
//! - `reason`: the code's documented name in ErrorInfo's format, `[A-Z][A-Z0-9_]+[A-Z0-9]`
//!   (a lowercase, kebab or dotted name is written in capitals with `_`: `invalid-grant` is
//!   `INVALID_GRANT`);
//! - `domain`: the catalog's `domain:`, else its module name;
//! - `metadata`: each value the error carries, under its name in lowerCamelCase (AIP-193:
//!   `user_id` is `userId`), written as its message shows it, and the minor code under
//!   [`MINOR_CODE_KEY`]. Absent values are left out.
//!
//! Each catalog generated with `Config::grpc` implements [`GrpcCode`] for its `Error` and
//! [`GrpcFailure`] for its `Failure`, and converts both into `tonic::Status` through
//! [`status`]; `Failure::from_status` is [`failure`].

use std::collections::HashMap;
use std::fmt;

pub use tonic;
pub use tonic_types;

use tonic::{Code, Status};
use tonic_types::{ErrorDetail, ErrorDetails, ErrorInfo, StatusExt};

use crate::{ErrorCode, Raised, Value, ValueKind};

/// The metadata key of the minor code in an ErrorInfo. No placeholder or parameter of a
/// catalog generated with `Config::grpc` has this key (the generator refuses one that would).
pub const MINOR_CODE_KEY: &str = "minorCode";

/// The gRPC side of a catalog's code enum (each catalog module's `Error`, generated with
/// `Config::grpc`): its gRPC code, its ErrorInfo reason and the catalog's domain.
pub trait GrpcCode: ErrorCode {
    /// The domain of the catalog's ErrorInfo.
    const DOMAIN: &'static str;

    /// The gRPC status code the error is returned with.
    fn grpc_code(self) -> Code;
    /// The ErrorInfo reason: the documented name, in capitals with `_`.
    fn reason(self) -> &'static str;
    /// The declared type of each placeholder, in the order of [`ErrorCode::placeholders`].
    fn placeholder_kinds(self) -> &'static [ValueKind];

    /// The code whose reason this is.
    fn from_reason(reason: &str) -> Option<Self> {
        Self::all().iter().copied().find(|e| e.reason() == reason)
    }
}

/// What rebuilding a catalog's owned error (`Failure`) from a received status needs; generated
/// with `Config::grpc`.
pub trait GrpcFailure: Raised<Code: GrpcCode> {
    /// The names of the run-time parameters the catalog's wire body declares, as
    /// [`Raised::param_names`] gives them.
    fn params() -> &'static [&'static str];
    /// The declared type of each run-time parameter, in the order of [`GrpcFailure::params`].
    fn param_kinds() -> &'static [ValueKind];
    /// The error `error` with the values of its placeholders (by index), its parameters and
    /// its minor code as the metadata writes it; `None` if that text is not a minor code of
    /// the catalog's type.
    fn from_parts(
        error: Self::Code,
        values: Vec<Value>,
        params: Vec<Value>,
        minor: Option<&str>,
    ) -> Option<Self>
    where
        Self: Sized;
}

/// The metadata key of a placeholder or parameter: its snake_case name in lowerCamelCase
/// (`user_id` is `userId`), as AIP-193 asks.
pub fn metadata_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = !key.is_empty();
        } else if upper {
            key.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            key.push(c);
        }
    }
    key
}

/// The status of `failure`: its gRPC code, its message with the values filled in, and one
/// ErrorInfo with its reason, the catalog's domain and its values as metadata.
pub fn status<F: GrpcFailure>(failure: &F) -> Status {
    let error = failure.error();
    let mut metadata = HashMap::new();
    let values = error.placeholders().iter().zip(failure.values());
    let params = failure.param_names().iter().zip(failure.param_values());
    for (name, value) in values.chain(params) {
        if !value.is_absent() {
            // A parameter filled by the placeholder of its name has its key already.
            metadata
                .entry(metadata_key(name))
                .or_insert_with(|| value.to_string());
        }
    }
    if let Some(minor) = failure.minor_code() {
        metadata.insert(MINOR_CODE_KEY.to_owned(), minor.to_string());
    }
    Status::with_error_details(
        error.grpc_code(),
        failure.to_string(),
        ErrorDetails::with_error_info(error.reason(), F::Code::DOMAIN, metadata),
    )
}

/// The error a received `status` carries, with its values: the code from the ErrorInfo of the
/// catalog's domain (by its reason), the placeholders, parameters and minor code from its
/// metadata. A status that is not one of the catalog's errors is kept, not lost: see
/// [`Unrecognized`].
pub fn failure<F: GrpcFailure>(status: &Status) -> Result<F, Unrecognized> {
    let mut infos: Vec<ErrorInfo> = status
        .get_error_details_vec()
        .into_iter()
        .filter_map(|d| match d {
            ErrorDetail::ErrorInfo(info) => Some(info),
            _ => None,
        })
        .collect();
    let unrecognized = |why: Why, info: Option<ErrorInfo>| Unrecognized {
        catalog: F::Code::CATALOG,
        code: status.code(),
        message: status.message().to_owned(),
        error_info: info.map(Box::new),
        why,
    };
    let Some(at) = infos.iter().position(|i| i.domain == F::Code::DOMAIN) else {
        let why = if infos.is_empty() {
            Why::NoErrorInfo
        } else {
            Why::OtherDomain
        };
        return Err(unrecognized(why, infos.into_iter().next()));
    };
    let info = infos.swap_remove(at);
    let Some(error) = F::Code::from_reason(&info.reason) else {
        return Err(unrecognized(Why::UnknownReason, Some(info)));
    };
    let read = |names: &[&str], kinds: &[ValueKind]| -> Result<Vec<Value>, String> {
        names
            .iter()
            .zip(kinds)
            .map(|(name, kind)| {
                let key = metadata_key(name);
                match info.metadata.get(&key) {
                    None => Ok(Value::Absent),
                    Some(text) => kind.parse(text).ok_or(key),
                }
            })
            .collect()
    };
    let values = read(error.placeholders(), error.placeholder_kinds());
    let params = read(F::params(), F::param_kinds());
    let minor = info.metadata.get(MINOR_CODE_KEY).map(String::as_str);
    let parts = match (values, params) {
        (Ok(values), Ok(params)) => {
            F::from_parts(error, values, params, minor).ok_or_else(|| MINOR_CODE_KEY.to_owned())
        }
        (Err(key), _) | (_, Err(key)) => Err(key),
    };
    parts.map_err(|key| unrecognized(Why::BadValue(key), Some(info)))
}

/// A received status that is not an error of the catalog that was asked: it has no ErrorInfo,
/// or none of the catalog's domain, or a reason the catalog does not list (a newer version of
/// the API), or a value that does not read as its declared type. It keeps what the status
/// carried.
#[derive(Clone, Debug)]
pub struct Unrecognized {
    catalog: &'static str,
    code: Code,
    message: String,
    // Boxed: a `Result` with this error stays small.
    error_info: Option<Box<ErrorInfo>>,
    why: Why,
}

/// Why a status is [`Unrecognized`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Why {
    /// The status has no ErrorInfo.
    NoErrorInfo,
    /// Its ErrorInfo is of another domain.
    OtherDomain,
    /// Its reason is not one of the catalog's.
    UnknownReason,
    /// The metadata value under this key does not read as its declared type.
    BadValue(String),
}

impl Unrecognized {
    /// The catalog (module) that was asked.
    pub fn catalog(&self) -> &'static str {
        self.catalog
    }

    /// The status's gRPC code.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The HTTP status that the status's gRPC code maps to (see [`http_status`]).
    pub fn http_status(&self) -> u16 {
        http_status(self.code)
    }

    /// The status's message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The status's ErrorInfo (the one of the catalog's domain where there is one), if it has
    /// one: its reason, domain and metadata as received.
    pub fn error_info(&self) -> Option<&ErrorInfo> {
        self.error_info.as_deref()
    }

    /// The reason of its ErrorInfo, if it has one.
    pub fn reason(&self) -> Option<&str> {
        self.error_info.as_ref().map(|i| i.reason.as_str())
    }

    /// Why it is not one of the catalog's errors.
    pub fn why(&self) -> &Why {
        &self.why
    }
}

impl fmt::Display for Unrecognized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: the gRPC status {:?} ", self.catalog, self.code)?;
        match &self.why {
            Why::NoErrorInfo => f.write_str("has no ErrorInfo"),
            Why::OtherDomain => f.write_str("has no ErrorInfo of the catalog's domain"),
            Why::UnknownReason => write!(
                f,
                "has the reason `{}`, which the catalog does not list",
                self.reason().unwrap_or_default()
            ),
            Why::BadValue(key) => write!(
                f,
                "has a metadata value `{key}` that is not of its declared type"
            ),
        }
    }
}

impl std::error::Error for Unrecognized {}

/// The HTTP status a gRPC code maps to, as `google/rpc/code.proto` documents it: for a status
/// received over gRPC that must be answered over HTTP.
pub const fn http_status(code: Code) -> u16 {
    match code {
        Code::Ok => 200,
        Code::Cancelled => 499,
        Code::Unknown => 500,
        Code::InvalidArgument => 400,
        Code::DeadlineExceeded => 504,
        Code::NotFound => 404,
        Code::AlreadyExists => 409,
        Code::PermissionDenied => 403,
        Code::ResourceExhausted => 429,
        Code::FailedPrecondition => 400,
        Code::Aborted => 409,
        Code::OutOfRange => 400,
        Code::Unimplemented => 501,
        Code::Internal => 500,
        Code::Unavailable => 503,
        Code::DataLoss => 500,
        Code::Unauthenticated => 401,
    }
}

/// The gRPC code of an HTTP status, as go-kratos and grpc-gateway map it (the mapping the
/// generator derives a code's gRPC code from when the catalog declares none): `UNKNOWN` for a
/// status the mapping does not list.
pub const fn from_http_status(status: u16) -> Code {
    match status {
        200 => Code::Ok,
        400 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 => Code::NotFound,
        409 => Code::Aborted,
        412 => Code::FailedPrecondition,
        429 => Code::ResourceExhausted,
        499 => Code::Cancelled,
        500 => Code::Internal,
        501 => Code::Unimplemented,
        503 => Code::Unavailable,
        504 => Code::DeadlineExceeded,
        _ => Code::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_to_grpc_every_row() {
        for (status, code) in [
            (200, Code::Ok),
            (400, Code::InvalidArgument),
            (401, Code::Unauthenticated),
            (403, Code::PermissionDenied),
            (404, Code::NotFound),
            (409, Code::Aborted),
            (412, Code::FailedPrecondition),
            (429, Code::ResourceExhausted),
            (499, Code::Cancelled),
            (500, Code::Internal),
            (501, Code::Unimplemented),
            (503, Code::Unavailable),
            (504, Code::DeadlineExceeded),
            (202, Code::Unknown),
            (402, Code::Unknown),
            (502, Code::Unknown),
        ] {
            assert_eq!(from_http_status(status), code, "{status}");
        }
    }

    #[test]
    fn grpc_to_http_every_code() {
        let table = [
            (Code::Ok, 200),
            (Code::Cancelled, 499),
            (Code::Unknown, 500),
            (Code::InvalidArgument, 400),
            (Code::DeadlineExceeded, 504),
            (Code::NotFound, 404),
            (Code::AlreadyExists, 409),
            (Code::PermissionDenied, 403),
            (Code::ResourceExhausted, 429),
            (Code::FailedPrecondition, 400),
            (Code::Aborted, 409),
            (Code::OutOfRange, 400),
            (Code::Unimplemented, 501),
            (Code::Internal, 500),
            (Code::Unavailable, 503),
            (Code::DataLoss, 500),
            (Code::Unauthenticated, 401),
        ];
        for (number, (code, status)) in table.into_iter().enumerate() {
            assert_eq!(code as usize, number);
            assert_eq!(http_status(code), status, "{code:?}");
        }
    }

    #[test]
    fn metadata_keys_are_lower_camel_case() {
        assert_eq!(metadata_key("user_id"), "userId");
        assert_eq!(metadata_key("phone"), "phone");
        assert_eq!(metadata_key("retry_after_ms"), "retryAfterMs");
        assert_eq!(metadata_key("a_1"), "a1");
    }
}
