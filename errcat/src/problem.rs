//! RFC 9457 problem documents (`application/problem+json`) for the errors of any catalog.

use std::borrow::Cow;

use crate::{CodeRef, Value};

/// An error rendered as an RFC 9457 problem document instead of the catalog's own body:
/// `type` (`about:blank`), `title` (the status's reason phrase), `status`, `detail` (the
/// message, values filled in) and the extension member `code`, plus the minor code and the
/// run-time parameters the error carries.
///
/// Wraps anything that is [`AsProblem`]: a catalog's `Failure` or `Body`, as
/// `Problem(failure)`. With the `serde` and `http` features it is `Serialize`; with `axum`,
/// `IntoResponse`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Problem<T>(pub T);

/// What a problem document says about an error.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemFields<'a> {
    /// The HTTP status.
    pub status: u16,
    /// The message, with the values filled in.
    pub detail: Cow<'a, str>,
    /// The code.
    pub code: CodeRef<'a>,
    /// Extension members after `code`, in order; absent values are left out.
    pub extensions: Vec<(&'static str, Value)>,
}

/// An error that can be written as a problem document. Each catalog's `Failure` and `Body`
/// implement it.
pub trait AsProblem {
    /// The fields of the document.
    fn problem_fields(&self) -> ProblemFields<'_>;
}

#[cfg(all(feature = "serde", feature = "http"))]
impl<T: AsProblem> serde::Serialize for Problem<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let fields = self.0.problem_fields();
        let title = http::StatusCode::from_u16(fields.status)
            .ok()
            .and_then(|s| s.canonical_reason());
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", "about:blank")?;
        if let Some(title) = title {
            map.serialize_entry("title", title)?;
        }
        map.serialize_entry("status", &fields.status)?;
        map.serialize_entry("detail", &fields.detail)?;
        map.serialize_entry("code", &fields.code)?;
        for (key, value) in &fields.extensions {
            if !value.is_absent() {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}
