//! Stage 3b: the catalog's wire shape to Rust tokens: the `Code` and `Body` types of each
//! catalog module. Their serde impls are in `wire_serde`, their http and axum impls in
//! `integrations`; each is generated only where `Config` turns it on.
//!
//! A `Body` keeps every value it carries as it was received, so that a parsed body serializes
//! back to the same JSON; its values come from the catalog only when it is built from an
//! `Error` or a `Failure`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Integrations;
use super::minors::MinorCodes;
use super::tokens::{doc_wrapped as doc, field_ident, ident, template};
use crate::model::{Catalog, CodeKind, ColumnType, WireField, WireSource};

pub(super) struct BodyValue {
    pub(super) source: WireSource,
    /// The field of `Body`.
    pub(super) field: Ident,
    /// The type of the field.
    pub(super) ty: TokenStream,
    /// Whether the field is an `Option`, absent from the wire when `None`.
    pub(super) optional: bool,
    /// The JSON key, if the value is on the wire (`status` may be only on the status line).
    pub(super) key: Option<String>,
    /// The field's documentation.
    pub(super) doc: String,
    /// The field's value in `Body::new(error)`.
    pub(super) init: TokenStream,
}

pub(super) fn cow() -> TokenStream {
    quote!(::std::borrow::Cow<'static, str>)
}

pub(super) fn base_type(kind: ColumnType) -> TokenStream {
    match kind {
        ColumnType::Bool => quote!(bool),
        ColumnType::Integer => quote!(i64),
        ColumnType::String => cow(),
    }
}

/// The values of `Body`, in the order of the wire's fields; `status` is one of them in a catalog
/// with HTTP statuses, on the wire or not. A raw field (JSON the catalog does not model) is a
/// `serde_json::Value`, so it is one only with the serde integration, which reads and writes it.
pub(super) fn values(catalog: &Catalog, serde: bool) -> Vec<BodyValue> {
    let wire = &catalog.wire;
    let mut values = Vec::new();
    if wire.field(&WireSource::Status).is_none() && catalog.status.is_some() {
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
                ty: {
                    let owned = MinorCodes::of(catalog.minor_code_kind).owned;
                    quote!(::core::option::Option<#owned>)
                },
                optional: true,
                key: Some(name.clone()),
                doc: format!("The minor code, if the body carries one. {on_wire}"),
                init: quote!(::core::option::Option::None),
            },
            WireSource::Column(c) => {
                let column = &catalog.columns[*c];
                let method = ident(&column.name);
                let base = base_type(column.kind);
                let optional = !column.always_set();
                // An enum column goes on the wire as its text, kept as received.
                let text = if column.is_enum() {
                    quote!(.as_str())
                } else {
                    quote!()
                };
                let (ty, init) = match (optional, column.kind) {
                    (false, ColumnType::String) => (
                        base,
                        quote!(::std::borrow::Cow::Borrowed(error.#method() #text)),
                    ),
                    (false, _) => (base, quote!(error.#method())),
                    (true, ColumnType::String) if column.is_enum() => (
                        quote!(::core::option::Option<#base>),
                        quote!(error.#method().map(|v| ::std::borrow::Cow::Borrowed(v.as_str()))),
                    ),
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
            WireSource::Raw { name: raw } if serde => BodyValue {
                source: source.clone(),
                field: field_ident(raw),
                ty: quote!(::core::option::Option<wire::serde_json::Value>),
                optional: true,
                key: Some(name.clone()),
                doc: format!(
                    "JSON the catalog does not model, kept as received (`null` included), so \
                     that it is sent back unchanged; `None` where the body has none. \
                     {on_wire}"
                ),
                init: quote!(::core::option::Option::None),
            },
            WireSource::Raw { .. } => continue,
        };
        values.push(value);
    }
    values
}

/// The items of one catalog module: `Code`, `Body` and their integrations.
pub fn module_items(catalog: &Catalog, on: Integrations) -> TokenStream {
    let wire = &catalog.wire;
    let values = values(catalog, on.serde);
    let sketch = wire.sketch(&catalog.columns);
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
            WireSource::Minor => (
                "the minor code".to_owned(),
                MinorCodes::of(catalog.minor_code_kind).owned,
                catalog.minor_code_kind == CodeKind::String,
            ),
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
                #[inline]
                pub fn #method(mut self, #field: impl ::core::convert::Into<#base>) -> Self {
                    self.#field = ::core::option::Option::Some(#field.into());
                    self
                }
            },
            false => quote! {
                #d
                #[inline]
                pub fn #method(mut self, #field: #base) -> Self {
                    self.#field = ::core::option::Option::Some(#field);
                    self
                }
            },
        })
    });
    // The field that identifies the error: its code, else its documented name.
    let (error_doc, key_error) = if wire.field(&WireSource::Code).is_some() {
        (
            doc("The error, if the catalog lists the body's code."),
            quote!(self.code.error()),
        )
    } else {
        (
            doc(
                "The error, if the catalog lists the body's name (or alias): the shape \
                 identifies the error by its name.",
            ),
            quote!(Error::from_name(&self.name)),
        )
    };
    let minor_copy = match catalog.minor_code_kind {
        CodeKind::Integer => quote!(*minor),
        CodeKind::String => quote!(::core::clone::Clone::clone(minor)),
    };
    let detailed = (has_minor_field && catalog_has_minors).then(|| {
        template(
            r##"
            impl Body {
                /// The code with the body's minor code, if the code is known and the body
                /// carries a minor code.
                #[inline]
                pub fn detailed(&self) -> ::core::option::Option<Detailed> {
                    match (self.error(), &self.minor) {
                        (::core::option::Option::Some(error), ::core::option::Option::Some(minor)) => {
                            ::core::option::Option::Some(Detailed::new(error, #minor_copy))
                        }
                        _ => ::core::option::Option::None,
                    }
                }
            }

            /// The body of a code with its minor code, and no values given at run time (as
            /// [`Body::new`]).
            impl ::core::convert::From<Detailed> for Body {
                #[inline]
                fn from(detailed: Detailed) -> Self {
                    Body::new(detailed.error).with_minor(detailed.minor)
                }
            }
        "##,
            &[("minor_copy", &minor_copy)],
        )
    });

    // `from_http` needs the HTTP status, which a catalog without statuses has not got.
    let serde_doc = match (on.serde, catalog.status.is_some()) {
        (true, true) => {
            " It is `Serialize` and `Deserialize` as that shape, and [`Body::from_http`] reads \
             it from a response."
        }
        (true, false) => {
            " It is `Serialize` and `Deserialize` as that shape, and [`Body::from_json`] reads \
             it."
        }
        (false, _) => "",
    };
    let unknown_doc = if wire.field(&WireSource::Code).is_some() {
        "a code the catalog does not list is kept as [`Code::Unknown`]"
    } else {
        "the body identifies the error by its name, and a name the catalog does not list is \
         kept in [`Body::name`]"
    };
    let body_doc = doc(&format!(
        "An error body of {title}, as it travels on the wire:\n\n\
         ```text\n{sketch}\n```\n\n\
         A [`Failure`] becomes one with its values filled in (`Body::from(failure)`); \
         [`Body::new`] builds the body of a bare code. A body read from the wire keeps every \
         value as it was received, so that it serializes back to the same JSON; \
         {unknown_doc}, not rejected, and [`Body::failure`] reads the values back.{serde_doc}",
        title = super::escape::escape(&catalog.title)
    ));

    let serde = on.serde.then(|| super::wire_serde::items(catalog, &values));
    let integrations = super::integrations::items(on);

    let fields = quote!(#(#fields)*);
    let inits = quote!(#(#inits)*);
    let setters = quote!(#(#setters)*);
    template(
        r##"
        #code

        #body_doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct Body {
            #fields
        }

        impl Body {
            /// The body of a bare code, with every value from the catalog and none given at
            /// run time: the message is [`Error::message`], with each placeholder as `{name}`.
            /// A service answers with a [`Failure`] instead, which carries the values.
            #[inline]
            pub fn new(error: Error) -> Self {
                Body {
                    #inits
                }
            }

            #error_doc
            #[inline]
            pub fn error(&self) -> ::core::option::Option<Error> {
                #key_error
            }

            #setters
        }

        #detailed

        impl ::core::fmt::Display for Body {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&self.message)
            }
        }

        impl ::std::error::Error for Body {}

        #serde
        #integrations
    "##,
        &[
            ("code", &code),
            ("body_doc", &body_doc),
            ("fields", &fields),
            ("inits", &inits),
            ("error_doc", &error_doc),
            ("key_error", &key_error),
            ("setters", &setters),
            ("detailed", &detailed),
            ("serde", &serde),
            ("integrations", &integrations),
        ],
    )
}

fn code_type(kind: CodeKind) -> TokenStream {
    let (unknown, derives, accessor, from_wire) = match kind {
        CodeKind::Integer => (
            quote!(i64),
            quote!(#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]),
            quote! {
                /// The code as an integer.
                #[inline]
                pub fn value(&self) -> i64 {
                    match self {
                        Code::Known(error) => i64::from(error.code()),
                        Code::Unknown(code) => *code,
                    }
                }

                /// The code as the runtime's generic code.
                #[inline]
                pub fn code_ref(&self) -> ::errcat::CodeRef<'_> {
                    ::errcat::CodeRef::Integer(self.value())
                }
            },
            quote! {
                /// The code read from the wire: known if the catalog lists it.
                #[inline]
                pub fn from_wire(code: i64) -> Self {
                    match u32::try_from(code).ok().and_then(Error::from_code) {
                        ::core::option::Option::Some(error) => Code::Known(error),
                        ::core::option::Option::None => Code::Unknown(code),
                    }
                }
            },
        ),
        CodeKind::String => (
            quote!(::std::borrow::Cow<'static, str>),
            quote!(#[derive(Clone, Debug, PartialEq, Eq, Hash)]),
            quote! {
                /// The code as a string.
                #[inline]
                pub fn as_str(&self) -> &str {
                    match self {
                        Code::Known(error) => error.code(),
                        Code::Unknown(code) => code,
                    }
                }

                /// The code as the runtime's generic code.
                #[inline]
                pub fn code_ref(&self) -> ::errcat::CodeRef<'_> {
                    ::errcat::CodeRef::String(self.as_str())
                }
            },
            quote! {
                /// The code read from the wire: known if the catalog lists it.
                #[inline]
                pub fn from_wire(code: &str) -> Self {
                    match Error::from_code(code) {
                        ::core::option::Option::Some(error) => Code::Known(error),
                        ::core::option::Option::None => Code::Unknown(::std::borrow::Cow::Owned(::std::borrow::ToOwned::to_owned(code))),
                    }
                }
            },
        ),
    };
    template(
        r##"
        /// The code of an error body: one the catalog lists, or one it does not, kept as it
        /// was received.
        #derives
        pub enum Code {
            /// A code the catalog lists.
            Known(Error),
            /// A code the catalog does not list (from a newer version of the API, say), as
            /// received.
            Unknown(#unknown),
        }

        impl Code {
            /// The error, if the catalog lists the code.
            #[inline]
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
            #[inline]
            fn from(error: Error) -> Self {
                Code::Known(error)
            }
        }

        impl ::core::fmt::Display for Code {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.code_ref(), f)
            }
        }
    "##,
        &[
            ("derives", &derives),
            ("unknown", &unknown),
            ("accessor", &accessor),
            ("from_wire", &from_wire),
        ],
    )
}
