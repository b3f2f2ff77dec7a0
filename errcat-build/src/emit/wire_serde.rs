//! The serde integration of a catalog module: `Serialize` and `Deserialize` for `Code`, `Body`
//! and `Failure` in the documented shape, and the readers `Body::from_json` and
//! `Body::from_http`. Reading goes through the runtime's `wire::Fields`, so each catalog
//! writes only which field is which.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{doc_wrapped as doc, string, template};
use super::wire::BodyValue;
use crate::model::{Catalog, CodeKind, Value, WireSource};

/// A constant field's value as a `serde_json::Value` expression and as a literal to write.
fn constant(value: &Value) -> (TokenStream, TokenStream) {
    match value {
        Value::Bool(b) => (quote!(wire::serde_json::Value::Bool(#b)), quote!(#b)),
        Value::Integer(i) => {
            let i = Literal::i64_suffixed(*i);
            (quote!(wire::serde_json::Value::from(#i)), quote!(#i))
        }
        Value::String(s) => {
            let s = string(s);
            (quote!(wire::serde_json::Value::from(#s)), quote!(#s))
        }
    }
}

pub(super) fn items(catalog: &Catalog, values: &[BodyValue]) -> TokenStream {
    let wire = &catalog.wire;
    let status_on_wire = wire.field(&WireSource::Status).is_some();
    let default_status = Literal::u16_unsuffixed(catalog.status.unwrap_or_default());

    // Serialization, in the order of the wire's fields; reading, field by field.
    let mut required = 0usize;
    let mut optional_counts = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut takes = Vec::new();
    for f in &wire.fields {
        let key = string(&f.name);
        if let WireSource::Constant(value) = &f.source {
            required += 1;
            let (json, lit) = constant(value);
            writes.push(quote!(fields.serialize_field(#key, &#lit)?;));
            reads.push(quote!(fields.constant(#key, #json)?;));
            continue;
        }
        let Some(v) = values
            .iter()
            .find(|v| v.key.as_deref() == Some(f.name.as_str()))
        else {
            continue;
        };
        let field = &v.field;
        if v.optional {
            optional_counts.push(quote!(usize::from(body.#field.is_some())));
            writes.push(quote! {
                match &body.#field {
                    ::core::option::Option::Some(value) => fields.serialize_field(#key, value)?,
                    ::core::option::Option::None => fields.skip_field(#key)?,
                }
            });
            if let WireSource::Raw { .. } = v.source {
                // Kept as received, `null` included.
                reads.push(quote!(let #field = fields.raw(#key);));
            } else {
                reads.push(quote!(let #field = fields.optional(#key)?;));
            }
        } else {
            required += 1;
            writes.push(quote!(fields.serialize_field(#key, &body.#field)?;));
            let ty = &v.ty;
            reads.push(quote!(let #field: #ty = fields.required(#key)?;));
        }
        takes.push(quote!(#field,));
    }
    let has_status = catalog.status.is_some();
    // The field that identifies the error, as read: the code, else the documented name.
    let by_code = wire.field(&WireSource::Code).is_some();
    let (read_error, key_shown) = if by_code {
        (quote!(code.error()), quote!(body.code))
    } else {
        (quote!(Error::from_name(&name)), quote!(body.name))
    };
    if !status_on_wire && has_status {
        takes.insert(
            0,
            quote! {
                status: match #read_error {
                    ::core::option::Option::Some(error) => error.http_status(),
                    ::core::option::Option::None => #default_status,
                },
            },
        );
    }
    let required = Literal::usize_unsuffixed(required);
    let envelope = match &wire.envelope {
        Some(key) => {
            let key = string(key);
            quote!(::core::option::Option::Some(#key))
        }
        None => quote!(::core::option::Option::None),
    };
    let serialize_body = match &wire.envelope {
        Some(key) => {
            let key = string(key);
            quote! {
                let mut envelope = serializer.serialize_struct("Envelope", 1)?;
                envelope.serialize_field(#key, &Fields(self))?;
                envelope.end()
            }
        }
        None => quote!(wire::serde::Serialize::serialize(&Fields(self), serializer)),
    };

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
         Fails with a [`BodyError`](::errcat::wire::BodyError) if the body is not JSON or not \
         the documented shape; fields the shape does not name are ignored."
    ));
    let (binding, keep_status) = if status_on_wire {
        (quote!(body), quote!(let _ = status;))
    } else {
        (quote!(mut body), quote!(body.status = status;))
    };
    // A catalog without HTTP statuses has no response to read a body from.
    let from_http = has_status.then(|| {
        quote! {
            #from_http_doc
            #[inline]
            pub fn from_http(status: u16, body: &[u8]) -> ::core::result::Result<Self, wire::BodyError> {
                let #binding: Body = wire::serde_json::from_slice(body)
                    .map_err(|e| wire::BodyError::new(NAME, ::core::option::Option::Some(status), e))?;
                #keep_status
                ::core::result::Result::Ok(body)
            }
        }
    });
    let code_serde = code_serde(catalog.code_kind);
    let not_listed = if by_code {
        "error code {} is not listed by catalog {NAME}, or its message is not the catalog's"
    } else {
        "error {} is not listed by catalog {NAME}, or its message is not the catalog's"
    };

    let optional_counts_list = quote!(#(+ #optional_counts)*);
    let writes = quote!(#(#writes)*);
    let reads = quote!(#(#reads)*);
    let takes = quote!(#(#takes)*);
    template(
        r##"
        #code_serde

        impl Body {
            /// Reads a body from JSON bytes. Fails with a
            /// [`BodyError`](::errcat::wire::BodyError) if they are not JSON or not the
            /// documented shape; fields the shape does not name are ignored.
            #[inline]
            pub fn from_json(json: &[u8]) -> ::core::result::Result<Self, wire::BodyError> {
                wire::serde_json::from_slice(json)
                    .map_err(|e| wire::BodyError::new(NAME, ::core::option::Option::None, e))
            }

            #from_http
        }

        /// The body's fields, without the envelope.
        struct Fields<'a>(&'a Body);

        impl wire::serde::Serialize for Fields<'_> {
            #[inline]
            fn serialize<S: wire::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<<S as wire::serde::Serializer>::Ok, <S as wire::serde::Serializer>::Error> {
                use wire::serde::ser::SerializeStruct as _;
                let body = self.0;
                let len = #required #optional_counts_list;
                let mut fields = serializer.serialize_struct("Body", len)?;
                #writes
                fields.end()
            }
        }

        /// The documented shape.
        impl wire::serde::Serialize for Body {
            #[inline]
            fn serialize<S: wire::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<<S as wire::serde::Serializer>::Ok, <S as wire::serde::Serializer>::Error> {
                #[allow(unused_imports)]
                use wire::serde::ser::SerializeStruct as _;
                #serialize_body
            }
        }

        /// The documented shape; fields it does not name are ignored.
        impl<'de> wire::serde::Deserialize<'de> for Body {
            #[inline]
            fn deserialize<D: wire::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, <D as wire::serde::Deserializer<'de>>::Error> {
                let mut fields = wire::Fields::read(deserializer, #envelope)?;
                #reads
                ::core::result::Result::Ok(Body {
                    #takes
                })
            }
        }

        /// The failure's body, values filled in.
        impl wire::serde::Serialize for Failure {
            #[inline]
            fn serialize<S: wire::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<<S as wire::serde::Serializer>::Ok, <S as wire::serde::Serializer>::Error> {
                wire::serde::Serialize::serialize(&self.body(), serializer)
            }
        }

        /// The failure of a body, with the values it carries; a code the catalog does not
        /// list, or a message that is not the catalog's with values filled in, is an error
        /// here (read a [`Body`] to keep it).
        impl<'de> wire::serde::Deserialize<'de> for Failure {
            #[inline]
            fn deserialize<D: wire::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, <D as wire::serde::Deserializer<'de>>::Error> {
                let body = <Body as wire::serde::Deserialize>::deserialize(deserializer)?;
                match body.failure() {
                    ::core::option::Option::Some(failure) => ::core::result::Result::Ok(failure),
                    ::core::option::Option::None => ::core::result::Result::Err(<<D as wire::serde::Deserializer<'de>>::Error as wire::serde::de::Error>::custom(
                        ::core::format_args!(#not_listed, #key_shown),
                    )),
                }
            }
        }
    "##,
        &[
            ("code_serde", &code_serde),
            ("from_http", &from_http),
            ("required", &required),
            ("optional_counts_list", &optional_counts_list),
            ("writes", &writes),
            ("serialize_body", &serialize_body),
            ("envelope", &envelope),
            ("reads", &reads),
            ("takes", &takes),
            ("not_listed", &not_listed),
            ("key_shown", &key_shown),
        ],
    )
}

/// `Serialize`/`Deserialize` for `Code`: the code alone, as the wire writes it.
fn code_serde(kind: CodeKind) -> TokenStream {
    let (ser, de) = match kind {
        CodeKind::Integer => (
            quote!(serializer.serialize_i64(self.value())),
            quote! {
                let code = <i64 as wire::serde::Deserialize>::deserialize(deserializer)?;
                ::core::result::Result::Ok(Code::from_wire(code))
            },
        ),
        CodeKind::String => (
            quote!(serializer.serialize_str(self.as_str())),
            quote! {
                let code = <::std::borrow::Cow<'de, str> as wire::serde::Deserialize>::deserialize(deserializer)?;
                ::core::result::Result::Ok(Code::from_wire(&code))
            },
        ),
    };
    template(
        r##"
        /// The code alone, as the wire writes it.
        impl wire::serde::Serialize for Code {
            #[inline]
            fn serialize<S: wire::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<<S as wire::serde::Serializer>::Ok, <S as wire::serde::Serializer>::Error> {
                #ser
            }
        }

        /// The code alone; a code the catalog does not list becomes [`Code::Unknown`].
        impl<'de> wire::serde::Deserialize<'de> for Code {
            #[inline]
            fn deserialize<D: wire::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, <D as wire::serde::Deserializer<'de>>::Error> {
                #de
            }
        }
    "##,
        &[("ser", &ser), ("de", &de)],
    )
}
