//! The gRPC integration of a catalog module (`Config::grpc`): only the data that differs per
//! catalog (each code's gRPC code and ErrorInfo reason, the catalog's domain, the types of the
//! wire parameters) and the conversions into and out of `tonic::Status`, which call the
//! runtime's `errcat::grpc`, where the work is done once.
//!
//! [`unsupported`] lists what in a catalog cannot be sent as an ErrorInfo: a documented name
//! whose reason is not in ErrorInfo's format, two names with one reason, a metadata key that is
//! too long or that two values (or a value and the minor code) share.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{ident, string, template};
use crate::diagnostic::{Diagnostic, quote as quoted};
use crate::ident::{
    GRPC_REASON_MAX, METADATA_KEY_MAX, MINOR_CODE_KEY, grpc_reason, is_grpc_reason, metadata_key,
};
use crate::model::{Catalog, ColumnType, Entry, WireSource};

/// The items of `Config::grpc` in a catalog module.
pub(super) fn items(catalog: &Catalog, entries: &[(usize, &Entry)]) -> TokenStream {
    // The minor code as the metadata writes it: a string minor as itself, an integer one
    // parsed (a text that is not one makes the status unrecognized).
    let read_minor = if catalog.minor_code_kind == crate::model::CodeKind::String {
        quote!(::std::borrow::Cow::Owned(
            ::std::string::ToString::to_string(text)
        ))
    } else {
        quote!(text.parse::<u32>().ok()?)
    };
    let n = Literal::usize_unsuffixed(entries.len());
    let codes = entries.iter().map(|(_, e)| {
        let code = ident(&e.grpc.code.tonic_name());
        quote!(grpc::tonic::Code::#code)
    });
    let reasons_are_names = entries.iter().all(|(_, e)| grpc_reason(&e.name) == e.name);
    let (reason_table, reason_body, from_reason) = if reasons_are_names {
        (
            quote!(),
            quote!(self.name()),
            quote! {
                #[inline]
                fn from_reason(reason: &str) -> ::core::option::Option<Self> {
                    Error::from_name(reason).filter(|e| e.name() == reason)
                }
            },
        )
    } else {
        let reasons = entries.iter().map(|(_, e)| string(&grpc_reason(&e.name)));
        (
            quote!(static REASONS: [&str; #n] = [#(#reasons),*];),
            quote!(REASONS[self as usize]),
            quote!(),
        )
    };
    let params: Vec<(&str, ColumnType)> = catalog
        .wire
        .fields
        .iter()
        .filter_map(|f| match &f.source {
            WireSource::Param { name, kind } => Some((name.as_str(), *kind)),
            _ => None,
        })
        .collect();
    let params_n = Literal::usize_unsuffixed(params.len());
    let param_kinds = params.iter().map(|(_, kind)| match kind {
        ColumnType::Bool => quote!(::errcat::ValueKind::Bool),
        ColumnType::Integer => quote!(::errcat::ValueKind::Integer),
        ColumnType::String => quote!(::errcat::ValueKind::String),
    });
    let domain = string(&catalog.domain);

    let codes = quote!(#(#codes),*);
    let param_kinds = quote!(#(#param_kinds),*);
    template(
        r##"
        /// The domain of the catalog's errors in a gRPC `google.rpc.ErrorInfo`.
        pub const DOMAIN: &str = #domain;

        static GRPC_CODES: [grpc::tonic::Code; #n] = [#codes];
        #reason_table
        /// The types of the wire body's run-time parameters, in the order of `PARAM_NAMES`.
        static PARAM_KINDS: [::errcat::ValueKind; #params_n] = [#param_kinds];

        impl Error {
            /// The gRPC status code the error is returned with.
            #[inline]
            pub const fn grpc_code(self) -> grpc::tonic::Code {
                GRPC_CODES[self as usize]
            }

            /// The `reason` of the error's gRPC `ErrorInfo`: the documented name, in capitals
            /// with `_`.
            #[inline]
            pub const fn reason(self) -> &'static str {
                #reason_body
            }
        }

        impl grpc::GrpcCode for Error {
            const DOMAIN: &'static str = DOMAIN;
            #[inline]
            fn grpc_code(self) -> grpc::tonic::Code {
                Error::grpc_code(self)
            }
            #[inline]
            fn reason(self) -> &'static str {
                Error::reason(self)
            }
            #[inline]
            fn placeholder_kinds(self) -> &'static [::errcat::ValueKind] {
                part(&PLACEHOLDER_KINDS, &PLACEHOLDERS_AT, self as usize)
            }
            #from_reason
        }

        impl grpc::GrpcFailure for Failure {
            #[inline]
            fn params() -> &'static [&'static str] {
                &PARAM_NAMES
            }
            #[inline]
            fn param_kinds() -> &'static [::errcat::ValueKind] {
                &PARAM_KINDS
            }
            #[inline]
            fn from_parts(
                error: Error,
                values: ::std::vec::Vec<::errcat::Value>,
                params: ::std::vec::Vec<::errcat::Value>,
                minor: ::core::option::Option<&str>,
            ) -> ::core::option::Option<Self> {
                let mut failure = Failure::bare(error);
                for (slot, value) in failure.values.iter_mut().zip(values) {
                    *slot = value;
                }
                for (slot, value) in failure.params.iter_mut().zip(params) {
                    *slot = value;
                }
                failure.minor = match minor {
                    ::core::option::Option::None => ::core::option::Option::None,
                    ::core::option::Option::Some(text) => ::core::option::Option::Some(#read_minor),
                };
                ::core::option::Option::Some(failure)
            }
        }

        impl Failure {
            /// The error a received gRPC status carries, with its values (from the
            /// metadata of its `ErrorInfo`). A status that is not one of this catalog's errors
            /// (no ErrorInfo of its domain, or an unknown reason) is kept as
            /// `errcat::grpc::Unrecognized`, with what it carried.
            #[inline]
            pub fn from_status(
                status: &grpc::tonic::Status,
            ) -> ::core::result::Result<Failure, grpc::Unrecognized> {
                grpc::failure(status)
            }
        }

        /// The gRPC code, the message with the values filled in, and one `ErrorInfo` (reason,
        /// domain, the values as metadata).
        impl ::core::convert::From<Failure> for grpc::tonic::Status {
            #[inline]
            fn from(failure: Failure) -> Self {
                grpc::status(&failure)
            }
        }

        /// The status of a code without placeholders: its code and message, and one
        /// `ErrorInfo` without metadata.
        impl ::core::convert::From<Plain> for grpc::tonic::Status {
            #[inline]
            fn from(plain: Plain) -> Self {
                grpc::status(&Failure::from(plain))
            }
        }
    "##,
        &[
            ("domain", &domain),
            ("n", &n),
            ("codes", &codes),
            ("reason_table", &reason_table),
            ("params_n", &params_n),
            ("param_kinds", &param_kinds),
            ("reason_body", &reason_body),
            ("from_reason", &from_reason),
            ("read_minor", &read_minor),
        ],
    )
}

/// One diagnostic for each part of `catalog` that cannot be sent in a gRPC ErrorInfo.
pub(crate) fn unsupported(catalog: &Catalog) -> Vec<Diagnostic> {
    let file = &catalog.file;
    let mut out = Vec::new();
    // Each reason to the first entry that has it, by its (unique) name: a map type the
    // generator uses for the metadata keys too, so compiled once.
    let mut reasons: BTreeMap<String, String> = BTreeMap::new();
    let params: Vec<&str> = catalog
        .wire
        .fields
        .iter()
        .filter_map(|f| match &f.source {
            WireSource::Param { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let mut catalog_keys: BTreeMap<String, String> = BTreeMap::new();
    if catalog.minor_count() > 0 {
        catalog_keys.insert(MINOR_CODE_KEY.to_owned(), "the minor code".to_owned());
    }
    for param in &params {
        let this = format!("the wire parameter `{param}`");
        if let Some(d) = metadata_problem(catalog, None, &mut catalog_keys, param, this) {
            out.push(d);
        }
    }
    for entry in catalog.entries() {
        let reason = grpc_reason(&entry.name);
        if !is_grpc_reason(&reason) {
            let shown = if reason == entry.name {
                String::new()
            } else {
                format!(" (as `{reason}`)")
            };
            out.push(
                Diagnostic::new(
                    file,
                    Some(entry.location),
                    format!(
                        "the name {}{shown} is not a gRPC ErrorInfo reason, which has at least 3 and at most {GRPC_REASON_MAX} characters, capitals, digits and `_`, starting with a capital and not ending with `_`",
                        quoted(&entry.name)
                    ),
                )
                .with_entry(entry.label())
                .with_hint("rename the entry, or generate the catalog without `Config::grpc`"),
            );
        } else if let Some(first) = reasons
            .get(&reason)
            .and_then(|name| catalog.entries().find(|e| e.name == *name))
        {
            out.push(
                Diagnostic::new(
                    file,
                    Some(entry.location),
                    format!(
                        "the names {} and {} are one gRPC ErrorInfo reason, `{reason}`",
                        quoted(&first.name),
                        quoted(&entry.name)
                    ),
                )
                .with_entry(entry.label())
                .with_hint(format!(
                    "a reason is the name in capitals with `_`; rename one of the two (`{}` is at line {})",
                    first.name, first.location.line
                )),
            );
        } else {
            reasons.insert(reason, entry.name.clone());
        }
        let mut keys = catalog_keys.clone();
        for p in &entry.placeholders {
            if params.contains(&p.name.as_str()) {
                // Filled by the placeholder of its name: one value, one key.
                continue;
            }
            let this = format!("the placeholder `{}`", p.name);
            if let Some(d) = metadata_problem(catalog, Some(entry), &mut keys, &p.name, this) {
                out.push(d);
            }
        }
    }
    out
}

/// Records the metadata key of the value `name` (described as `this`) in `keys`; a problem if
/// the key is too long or taken.
fn metadata_problem(
    catalog: &Catalog,
    entry: Option<&Entry>,
    keys: &mut BTreeMap<String, String>,
    name: &str,
    this: String,
) -> Option<Diagnostic> {
    let key = metadata_key(name);
    let location = entry.map(|e| e.location).or(catalog.wire.location);
    let message = if key.len() > METADATA_KEY_MAX {
        format!(
            "the gRPC metadata key of {this}, `{key}`, is longer than {METADATA_KEY_MAX} characters"
        )
    } else if let Some(other) = keys.get(&key) {
        format!("{this} and {other} have one gRPC metadata key, `{key}`")
    } else {
        keys.insert(key, this);
        return None;
    };
    let mut d = Diagnostic::new(&catalog.file, location, message).with_hint(format!(
        "metadata keys are the names in lowerCamelCase, at most {METADATA_KEY_MAX} characters, and `{MINOR_CODE_KEY}` is the minor code's: rename the value"
    ));
    if let Some(entry) = entry {
        d = d.with_entry(entry.label());
    }
    Some(d)
}
