//! axum responses for catalog errors. Needs the `axum` feature.

pub use axum_core;
// The integrations `axum` builds on, reachable from here too, so that generated code that
// uses all three names the runtime once (and a missing feature is one error).
pub use crate::{status, wire};
// The `Accept-Language` support, for generated code that names the runtime through here.
pub use crate::locale::{AcceptLanguage, Localized, LocalizedProblem, RespondIn};

use axum_core::response::{IntoResponse, Response};
use http::{HeaderValue, header};

use crate::{AsProblem, Problem};

/// A response with `status`, `content-type: content_type` and `body` as JSON. A body that
/// cannot be serialized (which the generated types never produce) becomes a plain 500.
pub fn json<T: serde::Serialize + ?Sized>(
    status: u16,
    content_type: &'static str,
    body: &T,
) -> Response {
    let (status, content_type, bytes) = match serde_json::to_vec(body) {
        Ok(bytes) => (crate::status::status_code(status), content_type, bytes),
        Err(_) => (
            http::StatusCode::INTERNAL_SERVER_ERROR,
            "text/plain; charset=utf-8",
            b"the error body could not be serialized".to_vec(),
        ),
    };
    let mut response = Response::new(axum_core::body::Body::from(bytes));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// The error's status, `content-type: application/problem+json` and the problem document.
impl<T: AsProblem> IntoResponse for Problem<T> {
    fn into_response(self) -> Response {
        let status = self.0.problem_fields().status;
        json(status, "application/problem+json", &self)
    }
}
