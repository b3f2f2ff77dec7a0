//! Answering in the client's language under axum: [`AcceptLanguage`] is an extractor for the
//! request's `Accept-Language` header, and [`Localized`] (the catalog's own body) and
//! [`LocalizedProblem`] (RFC 9457) are responses in the locale it prefers, with
//! `Content-Language` (the locale the message is written in) and `Vary: Accept-Language`.
//!
//! `IntoResponse` cannot see the request, so a handler takes the extractor and hands it over:
//!
//! ```ignore
//! async fn pay(lang: AcceptLanguage) -> Result<String, Localized<payments::Failure>> {
//!     Err(payments::Failure::from(payments::values::InsufficientFunds { .. }).localized(&lang))
//! }
//! ```

use std::convert::Infallible;

use axum_core::extract::FromRequestParts;
use axum_core::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, header};

use super::{Translated, negotiate};
use crate::{AsProblem, Problem};

/// A request's language preferences, from its `Accept-Language` headers (parsed by the
/// `accept-language` crate: ranges with their quality values). A request without the header
/// prefers nothing, and is answered in the catalog's own locale.
///
/// As an axum extractor it never fails.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AcceptLanguage {
    ranges: Vec<(String, f32)>,
}

impl AcceptLanguage {
    /// The preferences of one header value, such as `fa-IR, fa;q=0.9, en;q=0.5, *;q=0.1`.
    pub fn parse(header: &str) -> Self {
        AcceptLanguage {
            ranges: accept_language::parse_with_quality(header),
        }
    }

    /// The preferences of every `Accept-Language` header of a request, in order; a value that
    /// is not text is ignored.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let values: Vec<&str> = headers
            .get_all(header::ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        Self::parse(&values.join(","))
    }

    /// The language ranges with their quality, highest first.
    pub fn ranges(&self) -> impl Iterator<Item = (&str, f32)> + '_ {
        self.ranges.iter().map(|(r, q)| (r.as_str(), *q))
    }

    /// The index in `tags` of the locale that best meets the preferences, or `None` (see
    /// [`negotiate`]).
    pub fn choose(&self, tags: &[&str]) -> Option<usize> {
        negotiate(self.ranges(), tags)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for AcceptLanguage {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(AcceptLanguage::from_headers(&parts.headers))
    }
}

/// The catalog's own response for an error (its body, the message in a locale), which each
/// localized catalog's `Failure` implements under axum.
pub trait RespondIn: Translated {
    /// The response with the message in the locale `locale_tags()[locale]` (see
    /// [`Translated::template_at`]).
    fn respond_in(&self, locale: usize) -> Response;
}

/// An error answered in the locale a request prefers, as the catalog's own body: built with
/// the generated `Failure::localized(&accept_language)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Localized<T> {
    value: T,
    locale: usize,
}

impl<T: Translated> Localized<T> {
    /// `value`, to be sent in the locale of the catalog that best meets `lang`.
    pub fn new(value: T, lang: &AcceptLanguage) -> Self {
        let locale = lang.choose(value.locale_tags()).unwrap_or(0);
        Localized { value, locale }
    }

    /// The chosen locale's index in [`Translated::locale_tags`].
    pub fn locale(&self) -> usize {
        self.locale
    }

    /// The tag of the locale the message is written in: the chosen one where the catalog
    /// translates the code, else the catalog's own.
    pub fn content_language(&self) -> &'static str {
        self.value.template_at(self.locale).0
    }

    /// The error.
    pub fn into_inner(self) -> T {
        self.value
    }
}

/// Sets `Content-Language` and adds `Accept-Language` to `Vary`.
fn with_language(mut response: Response, tag: &'static str) -> Response {
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(tag) {
        headers.insert(header::CONTENT_LANGUAGE, value);
    }
    headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

/// The catalog's response in the chosen locale, with `Content-Language` and
/// `Vary: Accept-Language`.
impl<T: RespondIn> IntoResponse for Localized<T> {
    fn into_response(self) -> Response {
        let tag = self.content_language();
        with_language(self.value.respond_in(self.locale), tag)
    }
}

/// An error answered in the locale a request prefers, as an RFC 9457 problem document:
/// `title` (the status's title in that locale where the translations give one, else its
/// English reason phrase) and `detail` (the message, values filled in) are localized, while
/// `type`, `status`, `code` and the other members stay the same in every locale (RFC 9457
/// section 3.1.3). Built with [`Problem::localized`].
#[derive(Clone, Debug, PartialEq)]
pub struct LocalizedProblem<T> {
    value: T,
    locale: usize,
}

impl<T: Translated + AsProblem> Problem<T> {
    /// The problem document in the locale of the catalog that best meets `lang`.
    pub fn localized(self, lang: &AcceptLanguage) -> LocalizedProblem<T> {
        let locale = lang.choose(self.0.locale_tags()).unwrap_or(0);
        LocalizedProblem {
            value: self.0,
            locale,
        }
    }
}

impl<T: Translated + AsProblem> LocalizedProblem<T> {
    /// The tag of the locale `detail` is written in.
    pub fn content_language(&self) -> &'static str {
        self.value.template_at(self.locale).0
    }
}

impl<T: Translated + AsProblem> serde::Serialize for LocalizedProblem<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let fields = self.value.problem_fields();
        let (tag, detail) = self.value.message_at(self.locale);
        // The reason phrase is English: the title is localized only where the catalog's
        // translations give the status a title in the same locale as the detail.
        let title = self
            .value
            .status_title_at(self.locale)
            .filter(|_| {
                tag == self
                    .value
                    .locale_tags()
                    .get(self.locale)
                    .copied()
                    .unwrap_or("")
            })
            .or_else(|| {
                http::StatusCode::from_u16(fields.status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
            });
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", "about:blank")?;
        if let Some(title) = title {
            map.serialize_entry("title", title)?;
        }
        map.serialize_entry("status", &fields.status)?;
        map.serialize_entry("detail", &format_args!("{detail}"))?;
        map.serialize_entry("code", &fields.code)?;
        for (key, value) in &fields.extensions {
            if !value.is_absent() {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// The error's status, `content-type: application/problem+json`, `Content-Language` and
/// `Vary: Accept-Language`.
impl<T: Translated + AsProblem> IntoResponse for LocalizedProblem<T> {
    fn into_response(self) -> Response {
        let status = self.value.problem_fields().status;
        let tag = self.content_language();
        let response = crate::response::json(status, "application/problem+json", &self);
        with_language(response, tag)
    }
}
