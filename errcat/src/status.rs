//! HTTP statuses as `http::StatusCode`. Needs the `http` feature.

pub use http;

/// `status` as an `http::StatusCode`. A catalog's statuses are validated to be in
/// `100..=599`, so the fallback, 500, is only for a status read from the wire.
pub fn status_code(status: u16) -> http::StatusCode {
    http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}
