//! Stage 3b: the catalog's wire shape to Rust tokens: the `Code` and `Body` types of each
//! catalog module, and their optional integrations.
//!
//! Everything here is plain data unless a cargo feature of the generated crate asks for more:
//! - `serde`: `Serialize`/`Deserialize` for `Body`, `Code` and `Error`, and the client-side
//!   readers `Body::from_json` and `Body::from_http` (these need `serde_json` as well);
//! - `http`: `status_code()` as an `http::StatusCode`;
//! - `axum`: `IntoResponse` for `Error`, `Body` and `Problem` (through `axum-core`).
//!
//! A `Body` keeps every value it carries as it was received, so that a parsed body serializes
//! back to the same JSON; its values come from the catalog only when it is built from an
//! `Error`.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::model::{Catalog, CodeKind, ColumnType, Value, WireField, WireSource};

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn string(s: &str) -> Literal {
    Literal::string(s)
}

/// `#[doc]` attributes, one per line, prose wrapped at 90 columns (code blocks are kept).
fn doc(text: &str) -> TokenStream {
    let lines = wrap(text, 90);
    let lines = lines.iter().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// Splits `text` into lines of at most `width` characters at spaces, leaving the lines of
/// fenced code blocks as they are.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    let text = super::rust::doc_safe(text);
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            out.push(line.to_owned());
            continue;
        }
        if in_code || line.len() <= width {
            out.push(line.to_owned());
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.len() + 1 + word.len() > width {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out
}

/// Shared items of the generated file: the error of a response that is not an error body, and
/// the RFC 9457 wrapper.
///
/// They sit in a private module, re-exported, so that one `allow` covers their `cfg`s: a crate
/// that includes the generated code without declaring these features gets no
/// `unexpected_cfgs` warnings.
pub fn support() -> TokenStream {
    let items = support_items();
    quote! {
        #[allow(unexpected_cfgs)]
        mod errcat_wire_support {
            #items
        }
        #[allow(unused_imports)]
        pub use errcat_wire_support::*;
    }
}

fn support_items() -> TokenStream {
    quote! {
        /// A response body that is not an error body of the catalog: not JSON at all, or JSON
        /// that is not the catalog's documented shape. Made by each catalog's
        /// `Body::from_json` and `Body::from_http`.
        #[cfg(feature = "serde")]
        #[derive(Debug)]
        pub struct BodyError {
            catalog: &'static str,
            status: ::core::option::Option<u16>,
            kind: BodyErrorKind,
            source: ::serde_json::Error,
        }

        /// What is wrong with a body that is not an error body.
        #[cfg(feature = "serde")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum BodyErrorKind {
            /// The body is not JSON: empty, cut short, or something else (an HTML error page of
            /// a proxy, say).
            NotJson,
            /// The body is JSON, but not the documented shape: a field is missing, or has the
            /// wrong type, or a constant field has another value.
            Shape,
        }

        #[cfg(feature = "serde")]
        impl BodyError {
            /// Classifies a `serde_json` error met while reading a body of `catalog`, received
            /// with HTTP `status` where there was one.
            pub fn new(
                catalog: &'static str,
                status: ::core::option::Option<u16>,
                source: ::serde_json::Error,
            ) -> Self {
                let kind = match source.classify() {
                    ::serde_json::error::Category::Data => BodyErrorKind::Shape,
                    _ => BodyErrorKind::NotJson,
                };
                BodyError { catalog, status, kind, source }
            }

            /// The catalog (module) whose body was expected.
            pub fn catalog(&self) -> &'static str {
                self.catalog
            }

            /// The HTTP status of the response, where the body came with one.
            pub fn status(&self) -> ::core::option::Option<u16> {
                self.status
            }

            /// Whether the body is not JSON, or not the documented shape.
            pub fn kind(&self) -> BodyErrorKind {
                self.kind
            }
        }

        #[cfg(feature = "serde")]
        impl ::core::fmt::Display for BodyError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.catalog)?;
                f.write_str(": the ")?;
                if let ::core::option::Option::Some(status) = self.status {
                    ::core::write!(f, "HTTP {status} response ")?;
                }
                f.write_str(match self.kind {
                    BodyErrorKind::NotJson => "body is not JSON: ",
                    BodyErrorKind::Shape => "body is not the documented error body: ",
                })?;
                ::core::fmt::Display::fmt(&self.source, f)
            }
        }

        #[cfg(feature = "serde")]
        impl ::std::error::Error for BodyError {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                ::core::option::Option::Some(&self.source)
            }
        }

        /// An error rendered as an RFC 9457 problem document (`application/problem+json`)
        /// instead of the catalog's own body: `type` (`about:blank`), `title` (the status's
        /// reason phrase), `status`, `detail` (the message) and the extension member `code`,
        /// plus the minor code and run-time parameters the body carries.
        ///
        /// Wraps a catalog's `Error` or `Body`: `Problem(mixin::Error::InsufficientBalance)`.
        #[cfg(all(feature = "serde", feature = "http"))]
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct Problem<T>(pub T);
    }
}

/// A value of the body: its Rust field, type and what fills it.
struct BodyValue {
    source: WireSource,
    /// The field of `Body`.
    field: Ident,
    /// The type of the field.
    ty: TokenStream,
    /// Whether the field is an `Option`, absent from the wire when `None`.
    optional: bool,
    /// The JSON key, if the value is on the wire (`status` may be only on the status line).
    key: Option<String>,
    /// The field's documentation.
    doc: String,
    /// The field's value in `Body::new(error)`.
    init: TokenStream,
}

fn cow() -> TokenStream {
    quote!(::std::borrow::Cow<'static, str>)
}

fn base_type(kind: ColumnType) -> TokenStream {
    match kind {
        ColumnType::Bool => quote!(bool),
        ColumnType::Integer => quote!(i64),
        ColumnType::String => cow(),
    }
}

/// The values of `Body`, in the order of the wire's fields; `status` is always one of them.
fn values(catalog: &Catalog) -> Vec<BodyValue> {
    let wire = &catalog.wire;
    let mut values = Vec::new();
    if wire.field(&WireSource::Status).is_none() {
        values.push(BodyValue {
            source: WireSource::Status,
            field: ident("status"),
            ty: quote!(u16),
            optional: false,
            key: None,
            doc: "The HTTP status the body is sent with. It is not part of the body: it is the \
                  response's status line."
                .to_owned(),
            init: quote!(error.http_status()),
        });
    }
    for WireField { name, source } in &wire.fields {
        let on_wire = format!("On the wire as `{name}`.");
        let value = match source {
            WireSource::Status => BodyValue {
                source: source.clone(),
                field: ident("status"),
                ty: quote!(u16),
                optional: false,
                key: Some(name.clone()),
                doc: format!("The HTTP status the body is sent with. {on_wire}"),
                init: quote!(error.http_status()),
            },
            WireSource::Code => BodyValue {
                source: source.clone(),
                field: ident("code"),
                ty: quote!(Code),
                optional: false,
                key: Some(name.clone()),
                doc: format!("The code, listed by the catalog or not. {on_wire}"),
                init: quote!(Code::Known(error)),
            },
            WireSource::Name => BodyValue {
                source: source.clone(),
                field: ident("name"),
                ty: cow(),
                optional: false,
                key: Some(name.clone()),
                doc: format!("The documented name of the code. {on_wire}"),
                init: quote!(::std::borrow::Cow::Borrowed(error.name())),
            },
            WireSource::Message => BodyValue {
                source: source.clone(),
                field: ident("message"),
                ty: cow(),
                optional: false,
                key: Some(name.clone()),
                doc: format!(
                    "The message, placeholders filled in; a received body keeps the sender's \
                     text. {on_wire}"
                ),
                init: quote!(::std::borrow::Cow::Borrowed(error.message())),
            },
            WireSource::Minor => BodyValue {
                source: source.clone(),
                field: ident("minor"),
                ty: quote!(::core::option::Option<u32>),
                optional: true,
                key: Some(name.clone()),
                doc: format!("The minor code, if the body carries one. {on_wire}"),
                init: quote!(::core::option::Option::None),
            },
            WireSource::Column(c) => {
                let column = &catalog.columns[*c];
                let method = ident(&column.name);
                let base = base_type(column.kind);
                let optional = column.default.is_none();
                let (ty, init) = match (optional, column.kind) {
                    (false, ColumnType::String) => {
                        (base, quote!(::std::borrow::Cow::Borrowed(error.#method())))
                    }
                    (false, _) => (base, quote!(error.#method())),
                    (true, ColumnType::String) => (
                        quote!(::core::option::Option<#base>),
                        quote!(error.#method().map(::std::borrow::Cow::Borrowed)),
                    ),
                    (true, _) => (
                        quote!(::core::option::Option<#base>),
                        quote!(error.#method()),
                    ),
                };
                let about = column
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("The `{}` column.", column.name));
                BodyValue {
                    source: source.clone(),
                    field: method,
                    ty,
                    optional,
                    key: Some(name.clone()),
                    doc: format!(
                        "{about}\n\nThe catalog's value for the code, in a body built from an \
                         `Error`. {on_wire}"
                    ),
                    init,
                }
            }
            WireSource::Param { name: param, kind } => {
                let base = base_type(*kind);
                BodyValue {
                    source: source.clone(),
                    field: ident(param),
                    ty: quote!(::core::option::Option<#base>),
                    optional: true,
                    key: Some(name.clone()),
                    doc: format!(
                        "The `{param}` parameter, supplied at run time by the sender; absent \
                         from the wire when `None`. {on_wire}"
                    ),
                    init: quote!(::core::option::Option::None),
                }
            }
            WireSource::Constant(_) => continue,
        };
        values.push(value);
    }
    values
}

fn constant_literal(value: &Value) -> (TokenStream, TokenStream) {
    match value {
        Value::Bool(b) => (quote!(bool), quote!(#b)),
        Value::Integer(i) => {
            let i = Literal::i64_suffixed(*i);
            (quote!(i64), quote!(#i))
        }
        Value::String(s) => {
            let s = string(s);
            (quote!(::std::borrow::Cow<'static, str>), quote!(#s))
        }
    }
}

/// The items of one catalog module: `Code`, `Body` and their integrations.
pub fn module_items(catalog: &Catalog) -> TokenStream {
    let wire = &catalog.wire;
    let values = values(catalog);
    let sketch = wire.sketch(&catalog.columns);
    let status_on_wire = wire.field(&WireSource::Status).is_some();
    let has_minor_field = wire.field(&WireSource::Minor).is_some();
    let catalog_has_minors = catalog.minor_count() > 0;

    let code = code_type(catalog.code_kind);

    let fields = values.iter().map(|v| {
        let d = doc(&v.doc);
        let (field, ty) = (&v.field, &v.ty);
        quote!(#d pub #field: #ty,)
    });
    let inits = values.iter().map(|v| {
        let (field, init) = (&v.field, &v.init);
        quote!(#field: #init,)
    });
    let setters = values.iter().filter_map(|v| {
        let (what, base, is_string) = match &v.source {
            WireSource::Minor => ("the minor code".to_owned(), quote!(u32), false),
            WireSource::Param { name, kind } => (
                format!("the `{name}` parameter"),
                base_type(*kind),
                *kind == ColumnType::String,
            ),
            _ => return None,
        };
        let field = &v.field;
        let method = ident(&format!("with_{field}"));
        let d = doc(&format!("Sets {what}."));
        Some(match is_string {
            true => quote! {
                #d
                pub fn #method(mut self, #field: impl ::core::convert::Into<#base>) -> Self {
                    self.#field = ::core::option::Option::Some(#field.into());
                    self
                }
            },
            false => quote! {
                #d
                pub fn #method(mut self, #field: #base) -> Self {
                    self.#field = ::core::option::Option::Some(#field);
                    self
                }
            },
        })
    });
    let detailed = (has_minor_field && catalog_has_minors).then(|| {
        quote! {
            impl Body {
                /// The code with the body's minor code, if the code is known and the body
                /// carries a minor code.
                pub fn detailed(&self) -> ::core::option::Option<Detailed> {
                    match (self.code.error(), self.minor) {
                        (::core::option::Option::Some(error), ::core::option::Option::Some(minor)) => {
                            ::core::option::Option::Some(Detailed::new(error, minor))
                        }
                        _ => ::core::option::Option::None,
                    }
                }
            }

            impl ::core::convert::From<Detailed> for Body {
                fn from(detailed: Detailed) -> Self {
                    Body::new(detailed.error()).with_minor(detailed.minor_code())
                }
            }
        }
    });

    let body_doc = doc(&format!(
        "An error body of {title}, as it travels on the wire:\n\n\
         ```text\n{sketch}\n```\n\n\
         [`Body::new`] builds one from an [`Error`], with every value from the catalog; \
         [`Body::rendered`] fills the message's placeholders in. A body read from the wire \
         keeps every value as it was received, so that it serializes back to the same JSON; \
         a code the catalog does not list is kept as [`Code::Unknown`], not rejected. With \
         the `serde` feature it is `Serialize` and `Deserialize`, and \
         `Body::from_http` reads it from a response.",
        title = super::markdown::escape(&catalog.title)
    ));
    let status_doc = if status_on_wire {
        "The body's own status field is what counts: a status line that disagrees with it is \
         not kept, and not an error. The code decides the error in any case."
    } else {
        "The body has no status of its own, so the response's status is kept as \
         [`Body::status`], even where it disagrees with the code's documented status; the \
         code decides the error."
    };
    let from_http_doc = doc(&format!(
        "Reads an error response: its HTTP status and body bytes.\n\n{status_doc}\n\n\
         Fails with a [`BodyError`](super::BodyError) if the body is not JSON or not the \
         documented shape; fields the shape does not name are ignored."
    ));
    let (binding, keep_status) = if status_on_wire {
        (quote!(body), quote!(let _ = status;))
    } else {
        (quote!(mut body), quote!(body.status = status;))
    };

    let serde = serde_items(catalog, &values);
    let http = http_items();
    let axum = axum_items();

    quote! {
        #code

        #body_doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct Body {
            #(#fields)*
        }

        impl Body {
            /// `error`'s body, with every value from the catalog. The message is
            /// [`Error::message`], placeholders as `{name}`; see [`Body::rendered`].
            pub fn new(error: Error) -> Self {
                Body {
                    #(#inits)*
                }
            }

            /// `error`'s body with the placeholders of its message filled in from `args`, in
            /// the order [`Error::placeholders`] lists them.
            pub fn rendered(error: Error, args: &[&dyn ::core::fmt::Display]) -> Self {
                let mut body = Body::new(error);
                if !error.placeholders().is_empty() {
                    body.message = ::std::borrow::Cow::Owned(::std::string::ToString::to_string(&error.render(args)));
                }
                body
            }

            /// The error, if the catalog lists the body's code.
            pub fn error(&self) -> ::core::option::Option<Error> {
                self.code.error()
            }

            #(#setters)*
        }

        #detailed

        impl ::core::convert::From<Error> for Body {
            fn from(error: Error) -> Self {
                Body::new(error)
            }
        }

        impl ::core::fmt::Display for Body {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&self.message)
            }
        }

        impl ::std::error::Error for Body {}

        #[cfg(feature = "serde")]
        impl Body {
            /// Reads a body from JSON bytes. Fails with a [`BodyError`](super::BodyError) if
            /// they are not JSON or not the documented shape; fields the shape does not name
            /// are ignored.
            pub fn from_json(json: &[u8]) -> ::core::result::Result<Self, super::BodyError> {
                ::serde_json::from_slice(json).map_err(|e| super::BodyError::new(NAME, ::core::option::Option::None, e))
            }

            #from_http_doc
            pub fn from_http(status: u16, body: &[u8]) -> ::core::result::Result<Self, super::BodyError> {
                let #binding: Body = ::serde_json::from_slice(body)
                    .map_err(|e| super::BodyError::new(NAME, ::core::option::Option::Some(status), e))?;
                #keep_status
                ::core::result::Result::Ok(body)
            }
        }

        #serde
        #http
        #axum
    }
}

fn code_type(kind: CodeKind) -> TokenStream {
    let (unknown, derives, value_doc, accessor, from_wire, ser, de) = match kind {
        CodeKind::Integer => (
            quote!(i64),
            quote!(#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]),
            "A code the catalog does not list (from a newer version of the API, say), as received.",
            quote! {
                /// The code as an integer.
                pub fn value(&self) -> i64 {
                    match self {
                        Code::Known(error) => i64::from(error.code()),
                        Code::Unknown(code) => *code,
                    }
                }
            },
            quote! {
                /// The code read from the wire: known if the catalog lists it.
                pub fn from_wire(code: i64) -> Self {
                    match u32::try_from(code).ok().and_then(Error::from_code) {
                        ::core::option::Option::Some(error) => Code::Known(error),
                        ::core::option::Option::None => Code::Unknown(code),
                    }
                }
            },
            quote! {
                match self {
                    Code::Known(error) => serializer.serialize_u32(error.code()),
                    Code::Unknown(code) => serializer.serialize_i64(*code),
                }
            },
            quote! {
                struct CodeVisitor;
                impl ::serde::de::Visitor<'_> for CodeVisitor {
                    type Value = Code;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("an integer error code")
                    }
                    fn visit_i64<E: ::serde::de::Error>(self, v: i64) -> ::core::result::Result<Code, E> {
                        ::core::result::Result::Ok(Code::from_wire(v))
                    }
                    fn visit_u64<E: ::serde::de::Error>(self, v: u64) -> ::core::result::Result<Code, E> {
                        match i64::try_from(v) {
                            ::core::result::Result::Ok(v) => ::core::result::Result::Ok(Code::from_wire(v)),
                            ::core::result::Result::Err(_) => ::core::result::Result::Err(E::invalid_value(::serde::de::Unexpected::Unsigned(v), &self)),
                        }
                    }
                }
                deserializer.deserialize_i64(CodeVisitor)
            },
        ),
        CodeKind::String => (
            quote!(::std::borrow::Cow<'static, str>),
            quote!(#[derive(Clone, Debug, PartialEq, Eq, Hash)]),
            "A code the catalog does not list (from a newer version of the API, say), as received.",
            quote! {
                /// The code as a string.
                pub fn as_str(&self) -> &str {
                    match self {
                        Code::Known(error) => error.code(),
                        Code::Unknown(code) => code,
                    }
                }
            },
            quote! {
                /// The code read from the wire: known if the catalog lists it.
                pub fn from_wire(code: &str) -> Self {
                    match Error::from_code(code) {
                        ::core::option::Option::Some(error) => Code::Known(error),
                        ::core::option::Option::None => Code::Unknown(::std::borrow::Cow::Owned(::std::borrow::ToOwned::to_owned(code))),
                    }
                }
            },
            quote! {
                serializer.serialize_str(self.as_str())
            },
            quote! {
                struct CodeVisitor;
                impl ::serde::de::Visitor<'_> for CodeVisitor {
                    type Value = Code;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("a string error code")
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::core::result::Result<Code, E> {
                        ::core::result::Result::Ok(Code::from_wire(v))
                    }
                }
                deserializer.deserialize_str(CodeVisitor)
            },
        ),
    };
    let unknown_doc = doc(value_doc);
    let display = match kind {
        CodeKind::Integer => quote!(::core::write!(f, "{}", self.value())),
        CodeKind::String => quote!(f.write_str(self.as_str())),
    };
    quote! {
        /// The code of an error body: one the catalog lists, or one it does not, kept as it
        /// was received.
        #derives
        pub enum Code {
            /// A code the catalog lists.
            Known(Error),
            #unknown_doc
            Unknown(#unknown),
        }

        impl Code {
            /// The error, if the catalog lists the code.
            pub fn error(&self) -> ::core::option::Option<Error> {
                match self {
                    Code::Known(error) => ::core::option::Option::Some(*error),
                    Code::Unknown(_) => ::core::option::Option::None,
                }
            }

            #accessor
            #from_wire
        }

        impl ::core::convert::From<Error> for Code {
            fn from(error: Error) -> Self {
                Code::Known(error)
            }
        }

        impl ::core::fmt::Display for Code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display
            }
        }

        /// The code alone, as the wire writes it.
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for Code {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #ser
            }
        }

        /// The code alone; a code the catalog does not list becomes [`Code::Unknown`].
        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for Code {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #de
            }
        }
    }
}

/// `Serialize`/`Deserialize` for `Body` (the documented shape) and `Error` (its body).
fn serde_items(catalog: &Catalog, values: &[BodyValue]) -> TokenStream {
    let wire = &catalog.wire;
    let status_on_wire = wire.field(&WireSource::Status).is_some();
    let default_status = Literal::u16_unsuffixed(catalog.status);

    // Serialization, in the order of the wire's fields.
    let mut required = 0usize;
    let mut optional_counts = Vec::new();
    let mut writes = Vec::new();
    // Deserialization: one field of the private `Fields` struct per wire field.
    let mut in_fields = Vec::new();
    let mut checks = Vec::new();
    let mut takes = Vec::new();
    for (i, f) in wire.fields.iter().enumerate() {
        let key = string(&f.name);
        if let WireSource::Constant(value) = &f.source {
            required += 1;
            let (ty, lit) = constant_literal(value);
            let field = ident(&format!("constant_{i}"));
            writes.push(quote!(fields.serialize_field(#key, &#lit)?;));
            in_fields.push(quote! {
                #[serde(rename = #key)]
                #field: #ty,
            });
            let shown = match value {
                Value::String(s) => format!("{s:?}"),
                v => v.to_string(),
            };
            let message = string(&format!("field `{}` is not {shown}", f.name));
            checks.push(quote! {
                if fields.#field != #lit {
                    return ::core::result::Result::Err(<D::Error as ::serde::de::Error>::custom(#message));
                }
            });
            continue;
        }
        let Some(v) = values
            .iter()
            .find(|v| v.key.as_deref() == Some(f.name.as_str()))
        else {
            continue;
        };
        let (field, ty) = (&v.field, &v.ty);
        if v.optional {
            optional_counts.push(quote!(usize::from(body.#field.is_some())));
            writes.push(quote! {
                match &body.#field {
                    ::core::option::Option::Some(value) => fields.serialize_field(#key, value)?,
                    ::core::option::Option::None => fields.skip_field(#key)?,
                }
            });
            in_fields.push(quote! {
                #[serde(rename = #key, default)]
                #field: #ty,
            });
        } else {
            required += 1;
            writes.push(quote!(fields.serialize_field(#key, &body.#field)?;));
            in_fields.push(quote! {
                #[serde(rename = #key)]
                #field: #ty,
            });
        }
        takes.push(quote!(#field: fields.#field,));
    }
    if !status_on_wire {
        // Before `code` is moved out of `fields`.
        takes.insert(
            0,
            quote! {
                status: match fields.code.error() {
                    ::core::option::Option::Some(error) => error.http_status(),
                    ::core::option::Option::None => #default_status,
                },
            },
        );
    }
    let required = Literal::usize_unsuffixed(required);

    let (serialize_body, read_fields, envelope_in) = match &wire.envelope {
        Some(key) => {
            let key = string(key);
            (
                quote! {
                    let mut envelope = ::serde::Serializer::serialize_struct(serializer, "Envelope", 1)?;
                    envelope.serialize_field(#key, &Fields(self))?;
                    envelope.end()
                },
                quote!(
                    <Object<EnvelopeIn> as ::serde::Deserialize>::deserialize(deserializer)?
                        .0
                        .inner
                        .0
                ),
                quote! {
                    #[derive(::serde::Deserialize)]
                    struct EnvelopeIn {
                        #[serde(rename = #key)]
                        inner: Object<FieldsIn>,
                    }
                },
            )
        }
        None => (
            quote!(::serde::Serialize::serialize(&Fields(self), serializer)),
            quote!(<Object<FieldsIn> as ::serde::Deserialize>::deserialize(deserializer)?.0),
            quote!(),
        ),
    };

    let problem_extensions = values.iter().filter_map(|v| match &v.source {
        WireSource::Minor | WireSource::Param { .. } => {
            let field = &v.field;
            let key = string(&field.to_string());
            Some(quote! {
                match &body.#field {
                    ::core::option::Option::Some(value) => problem.serialize_field(#key, value)?,
                    ::core::option::Option::None => problem.skip_field(#key)?,
                }
            })
        }
        _ => None,
    });
    let problem_counts = values.iter().filter_map(|v| match &v.source {
        WireSource::Minor | WireSource::Param { .. } => {
            let field = &v.field;
            Some(quote!(usize::from(body.#field.is_some())))
        }
        _ => None,
    });

    quote! {
        #[cfg(feature = "serde")]
        const _: () = {
            use ::serde::ser::SerializeStruct as _;

            /// The body's fields, without the envelope.
            struct Fields<'a>(&'a Body);

            impl ::serde::Serialize for Fields<'_> {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    let body = self.0;
                    let len = #required #(+ #optional_counts)*;
                    let mut fields = serializer.serialize_struct("Body", len)?;
                    #(#writes)*
                    fields.end()
                }
            }

            /// The documented shape.
            impl ::serde::Serialize for Body {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    #serialize_body
                }
            }

            #[derive(::serde::Deserialize)]
            struct FieldsIn {
                #(#in_fields)*
            }

            #envelope_in

            /// A `T` read only from a JSON object: a derived `Deserialize` would take an array
            /// of the field values too, which is not the documented shape.
            struct Object<T>(T);

            impl<'de, T: ::serde::Deserialize<'de>> ::serde::Deserialize<'de> for Object<T> {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    struct ObjectVisitor<T>(::core::marker::PhantomData<T>);
                    impl<'de, T: ::serde::Deserialize<'de>> ::serde::de::Visitor<'de> for ObjectVisitor<T> {
                        type Value = T;
                        fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            f.write_str("a JSON object")
                        }
                        fn visit_map<A: ::serde::de::MapAccess<'de>>(self, map: A) -> ::core::result::Result<T, A::Error> {
                            T::deserialize(::serde::de::value::MapAccessDeserializer::new(map))
                        }
                    }
                    deserializer
                        .deserialize_map(ObjectVisitor(::core::marker::PhantomData))
                        .map(Object)
                }
            }

            /// The documented shape; fields it does not name are ignored.
            impl<'de> ::serde::Deserialize<'de> for Body {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    let fields = #read_fields;
                    #(#checks)*
                    ::core::result::Result::Ok(Body {
                        #(#takes)*
                    })
                }
            }

            /// The error's body, as [`Body::new`] makes it (placeholders in the message stay
            /// `{name}`).
            impl ::serde::Serialize for Error {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    ::serde::Serialize::serialize(&Body::new(*self), serializer)
                }
            }

            /// The error of a body; a code the catalog does not list is an error here (read a
            /// [`Body`] to keep it).
            impl<'de> ::serde::Deserialize<'de> for Error {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    let body = <Body as ::serde::Deserialize>::deserialize(deserializer)?;
                    match body.code {
                        Code::Known(error) => ::core::result::Result::Ok(error),
                        Code::Unknown(code) => ::core::result::Result::Err(<D::Error as ::serde::de::Error>::custom(
                            ::core::format_args!("error code {code} is not listed by catalog {NAME}"),
                        )),
                    }
                }
            }

            #[cfg(feature = "http")]
            impl ::serde::Serialize for super::Problem<Body> {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    let body = &self.0;
                    let status = body.status_code();
                    let title = status.canonical_reason();
                    let len = 4 + usize::from(title.is_some()) #(+ #problem_counts)*;
                    let mut problem = serializer.serialize_struct("Problem", len)?;
                    problem.serialize_field("type", "about:blank")?;
                    match title {
                        ::core::option::Option::Some(title) => problem.serialize_field("title", title)?,
                        ::core::option::Option::None => problem.skip_field("title")?,
                    }
                    problem.serialize_field("status", &status.as_u16())?;
                    problem.serialize_field("detail", &body.message)?;
                    problem.serialize_field("code", &body.code)?;
                    #(#problem_extensions)*
                    problem.end()
                }
            }

            #[cfg(feature = "http")]
            impl ::serde::Serialize for super::Problem<Error> {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    ::serde::Serialize::serialize(&super::Problem(Body::new(self.0)), serializer)
                }
            }
        };
    }
}

fn http_items() -> TokenStream {
    quote! {
        #[cfg(feature = "http")]
        impl Error {
            /// The HTTP status the error is returned with, as an `http::StatusCode`.
            pub fn status_code(self) -> ::http::StatusCode {
                status_code(self.http_status())
            }
        }

        #[cfg(feature = "http")]
        impl Body {
            /// [`Body::status`] as an `http::StatusCode`; 500 where a received status is not
            /// a valid one.
            pub fn status_code(&self) -> ::http::StatusCode {
                status_code(self.status)
            }
        }

        /// The catalog's statuses are validated to be in 100..=599, so the fallback is only
        /// for a status read from the wire.
        #[cfg(feature = "http")]
        fn status_code(status: u16) -> ::http::StatusCode {
            match ::http::StatusCode::from_u16(status) {
                ::core::result::Result::Ok(status) => status,
                ::core::result::Result::Err(_) => ::http::StatusCode::INTERNAL_SERVER_ERROR,
            }
        }
    }
}

fn axum_items() -> TokenStream {
    quote! {
        /// The documented status, `content-type: application/json` and the documented body.
        #[cfg(feature = "axum")]
        impl ::axum_core::response::IntoResponse for Body {
            fn into_response(self) -> ::axum_core::response::Response {
                json_response(self.status_code(), "application/json", ::serde_json::to_vec(&self))
            }
        }

        /// The documented status, `content-type: application/json` and the documented body.
        /// Placeholders in the message stay `{name}`: answer with [`Body::rendered`] to fill
        /// them in.
        #[cfg(feature = "axum")]
        impl ::axum_core::response::IntoResponse for Error {
            fn into_response(self) -> ::axum_core::response::Response {
                ::axum_core::response::IntoResponse::into_response(Body::new(self))
            }
        }

        /// The documented status, `content-type: application/problem+json` and the problem
        /// document.
        #[cfg(feature = "axum")]
        impl ::axum_core::response::IntoResponse for super::Problem<Body> {
            fn into_response(self) -> ::axum_core::response::Response {
                json_response(self.0.status_code(), "application/problem+json", ::serde_json::to_vec(&self))
            }
        }

        /// The documented status, `content-type: application/problem+json` and the problem
        /// document.
        #[cfg(feature = "axum")]
        impl ::axum_core::response::IntoResponse for super::Problem<Error> {
            fn into_response(self) -> ::axum_core::response::Response {
                ::axum_core::response::IntoResponse::into_response(super::Problem(Body::new(self.0)))
            }
        }

        /// A response with a JSON body; a body that cannot be serialized (which the generated
        /// types never produce) becomes a plain 500.
        #[cfg(feature = "axum")]
        fn json_response(
            status: ::http::StatusCode,
            content_type: &'static str,
            json: ::core::result::Result<::std::vec::Vec<u8>, ::serde_json::Error>,
        ) -> ::axum_core::response::Response {
            let (status, content_type, bytes) = match json {
                ::core::result::Result::Ok(bytes) => (status, content_type, bytes),
                ::core::result::Result::Err(_) => (
                    ::http::StatusCode::INTERNAL_SERVER_ERROR,
                    "text/plain; charset=utf-8",
                    ::std::vec::Vec::from(&b"the error body could not be serialized"[..]),
                ),
            };
            let mut response = ::axum_core::response::Response::new(::axum_core::body::Body::from(bytes));
            *response.status_mut() = status;
            response.headers_mut().insert(
                ::http::header::CONTENT_TYPE,
                ::http::HeaderValue::from_static(content_type),
            );
            response
        }
    }
}
