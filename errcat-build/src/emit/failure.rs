//! The owned error of a catalog module, `Failure`: a code with the values it carries (its
//! placeholders' values, the wire body's run-time parameters and the minor code), and the
//! typed values of each code whose message has placeholders (`values::*`), which are the only
//! way to build a `Failure` of such a code with its values.
//!
//! A code without placeholders is a variant of `Plain` (`Plain::Forbidden.into()`); a code with
//! placeholders is not, so that sending it without its values is the named choice
//! `Failure::unfilled`, never what a conversion does silently.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::Integrations;
use super::minors::MinorCodes;
use super::tokens::{Flat, doc, field_ident, ident, template};
use crate::ident;
use crate::model::{Catalog, CodeKind, ColumnType, Entry, PlaceholderType, WireSource};

/// A wire parameter of the catalog: its name and type.
struct Param<'a> {
    name: &'a str,
    kind: ColumnType,
}

/// The failure types and their impls, and apart the definition of `Plain` (see
/// [`plain_items`]).
pub(super) fn items(
    catalog: &Catalog,
    entries: &[(usize, &Entry)],
    variants: &[Ident],
    on: Integrations,
) -> (TokenStream, TokenStream) {
    let width = entries
        .iter()
        .map(|(_, e)| e.placeholders.len())
        .max()
        .unwrap_or(0);
    let width_lit = Literal::usize_unsuffixed(width);
    let absent_values = absent(width);
    let params: Vec<Param> = catalog
        .wire
        .fields
        .iter()
        .filter_map(|f| match &f.source {
            WireSource::Param { name, kind } => Some(Param { name, kind: *kind }),
            _ => None,
        })
        .collect();
    let params_lit = Literal::usize_unsuffixed(params.len());
    let absent_params = absent(params.len());
    let minor_on_wire = catalog.wire.field(&WireSource::Minor).is_some();

    let (plain, plain_enum) = plain_items(catalog, entries, variants);

    let kinds = Flat::of(entries.iter().map(|(_, e)| {
        e.placeholders.iter().map(|p| {
            let kind = value_kind(p.kind);
            quote!(::errcat::ValueKind::#kind)
        })
    }));
    let kinds_table = kinds.items_static("PLACEHOLDER_KINDS", &quote!(::errcat::ValueKind));

    let param_names = params.iter().map(|p| p.name);
    let param_methods = params.iter().enumerate().map(|(j, p)| {
        let field = field_ident(p.name);
        let with = ident(&format!("with_{}", p.name));
        let j = Literal::usize_unsuffixed(j);
        let (ty, arg, read) = match p.kind {
            ColumnType::Integer => (quote!(i64), quote!(#field), quote!(as_int())),
            ColumnType::Bool => (quote!(bool), quote!(#field), quote!(as_bool())),
            ColumnType::String => (
                quote!(impl ::core::convert::Into<::std::borrow::Cow<'static, str>>),
                quote!(#field.into()),
                quote!(as_str()),
            ),
        };
        let getter_ty = match p.kind {
            ColumnType::String => quote!(&str),
            _ => ty.clone(),
        };
        let set_doc = doc(&format!(
            "Sets the `{}` parameter, which the body carries on the wire.",
            p.name
        ));
        let get_doc = doc(&format!("The `{}` parameter, if it is set.", p.name));
        quote! {
            #set_doc
            #[inline]
            pub fn #with(mut self, #field: #ty) -> Self {
                self.params[#j] = ::errcat::Value::from(#arg);
                self
            }

            #get_doc
            #[inline]
            pub fn #field(&self) -> ::core::option::Option<#getter_ty> {
                self.params[#j].#read
            }
        }
    });
    // String minor codes (decline reasons) are held as received; integers are `Copy`.
    let minor = MinorCodes::of(catalog.minor_code_kind);
    let minor_owned = &minor.owned;
    let string_minors = catalog.minor_code_kind == CodeKind::String;
    let (minor_arg, minor_into, minor_copy, minor_get, minor_ref, minor_value) = if string_minors {
        (
            quote!(impl ::core::convert::Into<::std::borrow::Cow<'static, str>>),
            quote!(minor.into()),
            quote!(::core::clone::Clone::clone(&self.minor)),
            quote! {
                /// The minor code, if the error carries one.
                #[inline]
                pub fn minor_code(&self) -> ::core::option::Option<&str> {
                    self.minor.as_deref()
                }
            },
            quote!(self.minor.as_deref().map(::errcat::CodeRef::String)),
            quote!(
                ::core::clone::Clone::clone(&body.minor)
                    .map_or(::errcat::Value::Absent, ::errcat::Value::Str)
            ),
        )
    } else {
        (
            quote!(u32),
            quote!(minor),
            quote!(self.minor),
            quote! {
                /// The minor code, if the error carries one.
                #[inline]
                pub const fn minor_code(&self) -> ::core::option::Option<u32> {
                    self.minor
                }
            },
            quote!(self.minor.map(|m| ::errcat::CodeRef::Integer(i64::from(m)))),
            quote!(
                body.minor
                    .map_or(::errcat::Value::Absent, |m| ::errcat::Value::Int(
                        i64::from(m)
                    ))
            ),
        )
    };
    let minor_methods = minor_on_wire.then(|| {
        quote! {
            /// Sets the minor code, which the body carries on the wire.
            #[inline]
            pub fn with_minor(mut self, minor: #minor_arg) -> Self {
                self.minor = ::core::option::Option::Some(#minor_into);
                self
            }
        }
    });
    let body_minor = minor_on_wire.then(|| quote!(body.minor = #minor_copy;));
    let failure_minor = minor_on_wire.then(|| quote!(failure.minor = #minor_copy;));
    let body_params = params.iter().enumerate().map(|(j, p)| {
        let field = field_ident(p.name);
        let j = Literal::usize_unsuffixed(j);
        match p.kind {
            ColumnType::Integer => quote!(body.#field = self.params[#j].as_int();),
            ColumnType::Bool => quote!(body.#field = self.params[#j].as_bool();),
            ColumnType::String => quote! {
                body.#field = self.params[#j]
                    .as_str()
                    .map(|s| ::std::borrow::Cow::Owned(::std::borrow::ToOwned::to_owned(s)));
            },
        }
    });
    // The body's field as a `Value` (a string is cloned; the others are `Copy`).
    let param_value = |owner: TokenStream, p: &Param| {
        let field = field_ident(p.name);
        match p.kind {
            ColumnType::String => quote! {
                #owner.#field.clone().map_or(::errcat::Value::Absent, ::errcat::Value::from)
            },
            _ => quote!(#owner.#field.map_or(::errcat::Value::Absent, ::errcat::Value::from)),
        }
    };
    let failure_params = params.iter().enumerate().map(|(j, p)| {
        let j = Literal::usize_unsuffixed(j);
        let value = param_value(quote!(self), p);
        quote!(failure.params[#j] = #value;)
    });
    let mut extensions = Vec::new();
    if minor_on_wire {
        extensions.push(quote!(("minor", #minor_value)));
    }
    for p in &params {
        let name = p.name;
        let value = param_value(quote!(body), p);
        extensions.push(quote!((#name, #value)));
    }

    let body_param = if extensions.is_empty() {
        ident("_body")
    } else {
        ident("body")
    };
    let values_module = values_module(entries, variants, &params, width);
    let title = super::escape::escape(&catalog.title);
    let failure_doc = doc(&format!(
        "An error of {title} with the values it carries: what a service returns (`?` \
         converts the typed values of the `values` module into it) and what a client reads back from a \
         body ([`Body::failure`]).\n\n\
         Its `Display` is the message with the values filled in, written without allocating. \
         {plain}A code with placeholders is built from its typed values, so a missing, \
         misspelt or mistyped value does not compile. [`Failure::unfilled`] sends any code \
         without values, deliberately.",
        plain = entries
            .iter()
            .zip(variants)
            .find(|((_, e), _)| e.placeholders.is_empty() && e.deprecated.is_none())
            .map_or_else(String::new, |(_, v)| format!(
                "A code whose message has no placeholders converts from [`Plain`] \
                 (`Plain::{v}.into()`). "
            ))
    ));
    let integrations = integration_items(on);
    // What the catalog does not model stays in the body.
    let raw: Vec<String> = catalog
        .wire
        .fields
        .iter()
        .filter(|f| matches!(f.source, WireSource::Raw { .. }))
        .map(|f| format!("`{}`", f.name))
        .collect();
    let raw_doc = (on.serde && !raw.is_empty()).then(|| {
        doc(&format!(
            "\nThe failure carries the catalog's values only: the raw JSON of {} stays in \
             the body.",
            raw.join(", ")
        ))
    });
    // A shape that names the error has no code field: the problem document of a known error
    // carries its code, and of an unknown one the name it was received with.
    let body_code = if catalog.wire.field(&WireSource::Code).is_some() {
        quote!(self.code.code_ref())
    } else {
        quote! {
            match self.error() {
                ::core::option::Option::Some(error) => ::errcat::ErrorCode::code(error),
                ::core::option::Option::None => ::errcat::CodeRef::String(&self.name),
            }
        }
    };
    // The status and the problem document (an HTTP answer) of a catalog with HTTP statuses.
    let status_items = catalog.status.is_some().then(|| {
        quote! {
            impl Failure {
                /// The HTTP status the error is returned with.
                #[inline]
                pub const fn http_status(&self) -> u16 {
                    self.error.http_status()
                }
            }

            /// The extension members of the problem document of a body: the minor code and the
            /// run-time parameters.
            #[inline]
            fn problem_extensions(#body_param: &Body) -> ::std::vec::Vec<(&'static str, ::errcat::Value)> {
                ::std::vec![#(#extensions),*]
            }

            impl ::errcat::AsProblem for Body {
                #[inline]
                fn problem_fields(&self) -> ::errcat::ProblemFields<'_> {
                    ::errcat::ProblemFields {
                        status: self.status,
                        detail: ::std::borrow::Cow::Borrowed(&self.message),
                        code: #body_code,
                        extensions: problem_extensions(self),
                    }
                }
            }

            impl ::errcat::AsProblem for Failure {
                #[inline]
                fn problem_fields(&self) -> ::errcat::ProblemFields<'_> {
                    // The body's message is the filled one: rendered once, moved here.
                    let body = self.body();
                    let extensions = problem_extensions(&body);
                    ::errcat::ProblemFields {
                        status: body.status,
                        detail: body.message,
                        code: ::errcat::ErrorCode::code(self.error),
                        extensions,
                    }
                }
            }
        }
    });

    let items = quote! {
        #failure_doc
        #[derive(Clone, Debug, PartialEq)]
        pub struct Failure {
            error: Error,
            /// The values of the code's placeholders, by index; the rest stay absent.
            values: [::errcat::Value; #width_lit],
            /// The wire body's run-time parameters, in the order of `PARAM_NAMES`.
            params: [::errcat::Value; #params_lit],
            minor: ::core::option::Option<#minor_owned>,
        }

        #kinds_table
        /// The wire body's run-time parameters.
        static PARAM_NAMES: [&str; #params_lit] = [#(#param_names),*];

        #plain

        impl Failure {
            #[inline]
            const fn bare(error: Error) -> Self {
                Failure {
                    error,
                    values: #absent_values,
                    params: #absent_params,
                    minor: ::core::option::Option::None,
                }
            }

            /// `error` without values, whatever its message. For a code whose message has
            /// placeholders this is a deliberate choice: the client receives the catalog's
            /// message with each placeholder written `{name}` (as [`Error::message`] shows
            /// it), and reading that body back gives no values. Build such a code from its
            /// typed values in the `values` module instead.
            #[inline]
            pub const fn unfilled(error: Error) -> Self {
                Failure::bare(error)
            }

            /// `error` as a failure, if its message has no placeholders; `None` for a code that
            /// needs values (build it from its typed values in the `values` module).
            #[inline]
            pub const fn plain(error: Error) -> ::core::option::Option<Self> {
                if error.placeholders().is_empty() {
                    ::core::option::Option::Some(Failure::bare(error))
                } else {
                    ::core::option::Option::None
                }
            }

            /// The code.
            #[inline]
            pub const fn error(&self) -> Error {
                self.error
            }

            /// The values of the code's placeholders, in declaration order;
            /// [`Value::Absent`](::errcat::Value::Absent) where none was given.
            #[inline]
            pub fn values(&self) -> &[::errcat::Value] {
                &self.values[..self.error.placeholders().len()]
            }

            /// The value of the placeholder `name`, if the code has it and it was given.
            #[inline]
            pub fn value(&self, name: &str) -> ::core::option::Option<&::errcat::Value> {
                ::errcat::Raised::value(self, name)
            }

            /// The message with the values filled in; writing it allocates nothing.
            #[inline]
            pub fn message(&self) -> ::errcat::Filled<'_> {
                ::errcat::Filled::new(self.error.template(), &self.values)
            }

            #minor_get

            #minor_methods
            #(#param_methods)*

            /// The error's body, values filled in.
            #[inline]
            pub fn body(&self) -> Body {
                let mut body = Body::new(self.error);
                if !self.error.placeholders().is_empty() {
                    body.message = ::std::borrow::Cow::Owned(::std::string::ToString::to_string(&self.message()));
                }
                #body_minor
                #(#body_params)*
                body
            }
        }

        impl ::core::fmt::Display for Failure {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.message(), f)
            }
        }

        impl ::std::error::Error for Failure {}

        impl ::core::convert::From<Failure> for Body {
            #[inline]
            fn from(failure: Failure) -> Self {
                failure.body()
            }
        }

        impl ::errcat::Raised for Failure {
            type Code = Error;
            #[inline]
            fn error(&self) -> Error {
                self.error
            }
            #[inline]
            fn values(&self) -> &[::errcat::Value] {
                Failure::values(self)
            }
            #[inline]
            fn minor_code(&self) -> ::core::option::Option<::errcat::CodeRef<'_>> {
                #minor_ref
            }
            #[inline]
            fn param_names(&self) -> &'static [&'static str] {
                &PARAM_NAMES
            }
            #[inline]
            fn param_values(&self) -> &[::errcat::Value] {
                &self.params
            }
        }

        impl Body {
            /// The failure this body carries, with its values: the code's placeholders read
            /// back from the message, the parameters and the minor code from their fields.
            /// `None` if the catalog does not list the code, or if the code has placeholders
            /// and the message is not the catalog's with values filled in (a newer wording,
            /// say; the body keeps the text as received).
            #raw_doc
            #[inline]
            pub fn failure(&self) -> ::core::option::Option<Failure> {
                let error = self.error()?;
                let mut failure = Failure::bare(error);
                let kinds = part(&PLACEHOLDER_KINDS, &PLACEHOLDERS_AT, error as usize);
                if !kinds.is_empty()
                    && !::errcat::read_values(error.template(), kinds, &self.message, &mut failure.values)
                {
                    return ::core::option::Option::None;
                }
                #failure_minor
                #(#failure_params)*
                ::core::option::Option::Some(failure)
            }
        }

        #status_items

        #integrations

        #values_module
    };
    (items, plain_enum)
}

/// `n` absent values, as an array expression.
fn absent(n: usize) -> TokenStream {
    if n == 0 {
        quote!([])
    } else {
        let n = Literal::usize_unsuffixed(n);
        quote!([const { ::errcat::Value::Absent }; #n])
    }
}

fn value_kind(kind: PlaceholderType) -> Ident {
    ident(match kind {
        PlaceholderType::String => "String",
        PlaceholderType::Integer => "Integer",
        PlaceholderType::Float => "Float",
        PlaceholderType::Bool => "Bool",
        PlaceholderType::Display => "Display",
    })
}

/// The http and axum items of `Failure`.
fn integration_items(on: Integrations) -> TokenStream {
    let http = on.http.then(|| {
        quote! {
            impl Failure {
                /// The HTTP status the error is returned with, as an `http::StatusCode`.
                #[inline]
                pub fn status_code(&self) -> status::http::StatusCode {
                    status::status_code(self.http_status())
                }
            }
        }
    });
    let axum = on.axum.then(|| {
        quote! {
            /// The documented status, `content-type: application/json` and the documented
            /// body, values filled in.
            impl response::axum_core::response::IntoResponse for Failure {
                #[inline]
                fn into_response(self) -> response::axum_core::response::Response {
                    response::axum_core::response::IntoResponse::into_response(self.body())
                }
            }
        }
    });
    quote!(#http #axum)
}

/// `pub mod values`: a struct per code whose message has placeholders, one field per
/// placeholder, and its conversion into `Failure`.
fn values_module(
    entries: &[(usize, &Entry)],
    variants: &[Ident],
    params: &[Param],
    width: usize,
) -> TokenStream {
    let structs: Vec<TokenStream> = entries
        .iter()
        .zip(variants)
        .filter(|((_, e), _)| !e.placeholders.is_empty())
        .map(|((_, e), v)| values_struct(e, v, params, width))
        .collect();
    if structs.is_empty() {
        return quote!();
    }
    let width_lit = Literal::usize_unsuffixed(width);
    let absent_params = absent(params.len());
    quote! {
        /// The typed values of each code whose message has placeholders: one field per
        /// placeholder, named as in the catalog. `?` and `.into()` turn them into a
        /// [`Failure`], which is what to print or compare: the structs implement nothing else.
        #[allow(missing_debug_implementations)]
        pub mod values {
            impl super::Failure {
                /// `error` with its values, in the order of its placeholders (the rest
                /// absent): moved in whole, which rustc checks faster than assignments.
                #[inline]
                fn filled(error: super::Error, values: [::errcat::Value; #width_lit]) -> Self {
                    super::Failure {
                        error,
                        values,
                        params: #absent_params,
                        minor: ::core::option::Option::None,
                    }
                }
            }

            #(#structs)*
        }
    }
}

fn values_struct(e: &Entry, v: &Ident, params: &[Param], width: usize) -> TokenStream {
    let d = doc(&format!(
        "The values of [`Error::{v}`](super::Error::{v}) ({}): {}",
        super::rustdoc::code_and_name(e),
        super::escape::escape(&e.message.text(&e.placeholders))
    ));
    let mut generics = Vec::new();
    let mut fields = Vec::new();
    let mut values = Vec::new();
    let mut sets = Vec::new();
    for (i, p) in e.placeholders.iter().enumerate() {
        let field = field_ident(&p.name);
        let i_lit = Literal::usize_unsuffixed(i);
        let mut about = format!("`{{{}}}`", p.name);
        if let Some(d) = &p.description {
            about.push_str(&format!(": {}", super::escape::escape(d)));
        }
        if let Some(x) = &p.example {
            about.push_str(&format!(" Example: {}.", super::escape::escape(x)));
        }
        let about = doc(&about);
        let (ty, value) = match p.kind {
            PlaceholderType::String => (
                quote!(::std::borrow::Cow<'static, str>),
                quote!(::errcat::Value::Str(values.#field)),
            ),
            PlaceholderType::Integer => (quote!(i64), quote!(::errcat::Value::Int(values.#field))),
            PlaceholderType::Float => (quote!(f64), quote!(::errcat::Value::Float(values.#field))),
            PlaceholderType::Bool => (quote!(bool), quote!(::errcat::Value::Bool(values.#field))),
            PlaceholderType::Display => {
                let t = ident(&ident::type_name(&p.name.to_ascii_uppercase()));
                generics.push(t.clone());
                (
                    quote!(#t),
                    quote!(::errcat::Value::Str(::std::borrow::Cow::Owned(::std::string::ToString::to_string(&values.#field)))),
                )
            }
        };
        fields.push(quote!(#about pub #field: #ty,));
        values.push(value);
        if let Some(j) = params.iter().position(|q| q.name == p.name) {
            let j = Literal::usize_unsuffixed(j);
            sets.push(
                quote!(failure.params[#j] = ::core::clone::Clone::clone(&failure.values[#i_lit]);),
            );
        }
    }
    let (decl, usage) = if generics.is_empty() {
        (quote!(), quote!())
    } else {
        (
            quote!(<#(#generics: ::core::fmt::Display),*>),
            quote!(<#(#generics),*>),
        )
    };
    let bounds = &decl;
    values.resize_with(width, || quote!(::errcat::Value::Absent));
    let filled = quote!(super::Failure::filled(super::Error::#v, [#(#values),*]));
    let build = if sets.is_empty() {
        filled
    } else {
        quote! {
            let mut failure = #filled;
            #(#sets)*
            failure
        }
    };
    // A values struct is a constructor: it becomes a `Failure` (which is `Clone`, `Debug` and
    // `PartialEq`) at once, so it implements nothing but that conversion. Every impl costs
    // rustc about a million instructions whatever its body (`bench/instructions`, 1 000
    // codes): a hand-written `Debug` per struct was 464 M of 5 208 M, and hundreds of derives
    // had been a third of the generated code's compile time before that. Its one method is
    // `#[inline]`, so rustc generates machine code only for the structs a crate uses.
    quote! {
        #d
        pub struct #v #decl {
            #(#fields)*
        }

        impl #bounds ::core::convert::From<#v #usage> for super::Failure {
            #[inline]
            fn from(values: #v #usage) -> Self {
                #build
            }
        }
    }
}

/// `Plain`, the codes whose message has no placeholders: each converts into a `Failure` with
/// nothing left to fill. One enum rather than a `Failure` constant per code: a variant costs
/// rustc a fraction of what a constant's evaluation does (bench/scale: 7 % of the generated
/// code's compile time at 1 000 codes).
///
/// Returns the impls and tables of `Plain`, and its definition apart: the module places the
/// definition, whose docs hold the messages, with the catalog's other text (see
/// `rust::module`).
fn plain_items(
    catalog: &Catalog,
    entries: &[(usize, &Entry)],
    variants: &[Ident],
) -> (TokenStream, TokenStream) {
    let plain: Vec<(usize, &Entry, &Ident)> = entries
        .iter()
        .zip(variants)
        .enumerate()
        .filter(|(_, ((_, e), _))| e.placeholders.is_empty())
        .map(|(i, ((_, e), v))| (i, *e, v))
        .collect();
    let defs = plain.iter().map(|(_, e, v)| {
        let d = doc(&format!(
            "{}: {}",
            super::rustdoc::code_and_name(e),
            super::escape::escape(&e.message.text(&e.placeholders))
        ));
        let deprecated = e.deprecated.as_deref().map(|why| {
            let why = why.replace('[', "\\[").replace(']', "\\]");
            quote!(#[deprecated(note = #why)])
        });
        quote! {
            #d
            #deprecated
            #v,
        }
    });
    let enum_doc = doc(&format!(
        "The codes of {} whose message has no placeholders: each converts into a [`Failure`] \
         (`?`, `.into()`) with nothing left to fill. A code with placeholders is not here: its \
         typed values in the `values` module build its `Failure`.",
        super::escape::escape(&catalog.title)
    ));
    // An enum without variants has no discriminant to cast.
    let error = if plain.is_empty() {
        quote!(match self {})
    } else {
        quote!(ALL[PLAIN[self as usize] as usize])
    };
    let table = (!plain.is_empty()).then(|| {
        let n = Literal::usize_unsuffixed(plain.len());
        let at = plain.iter().map(|(i, _, _)| Literal::usize_unsuffixed(*i));
        let ty = if entries.len() <= usize::from(u16::MAX) {
            quote!(u16)
        } else {
            quote!(u32)
        };
        quote! {
            /// The position in `Error::ALL` of each code of `Plain`.
            static PLAIN: [#ty; #n] = [#(#at),*];
        }
    });
    let defs = quote!(#(#defs)*);
    let table = quote!(#table);
    let enum_def = template(
        r##"
        #enum_doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Plain {
            #defs
        }
    "##,
        &[("enum_doc", &enum_doc), ("defs", &defs)],
    );
    let items = template(
        r##"
        #table

        impl Plain {
            /// The code.
            #[inline]
            pub const fn error(self) -> Error {
                #error
            }
        }

        impl ::core::fmt::Debug for Plain {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.error(), f)
            }
        }

        impl ::core::convert::From<Plain> for Error {
            #[inline]
            fn from(plain: Plain) -> Self {
                plain.error()
            }
        }

        impl ::core::convert::From<Plain> for Failure {
            #[inline]
            fn from(plain: Plain) -> Self {
                Failure::bare(plain.error())
            }
        }
    "##,
        &[("table", &table), ("error", &error)],
    );
    (items, enum_def)
}
