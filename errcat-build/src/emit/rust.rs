//! Stage 3a: the validated model to Rust tokens: the generated file, and in each catalog
//! module the `Error` enum with its tables and accessors. The other parts of a module are
//! written by the sibling files (see the [`emit`](super) module).
//!
//! Per entry data lives in `static` tables indexed by the variant (`self as usize`), so every
//! accessor is a `const fn` that compiles to one load. Nothing is built at run time and nothing
//! allocates. Small functions are `#[inline]`, so that a crate compiles only the ones it calls.
//! Each of these choices was measured against the alternatives with the `bench/` crate of the
//! repository (`cargo bench -p errcat-bench` and `bench/scale`), for run time and for the time
//! rustc takes to compile the output.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::Integrations;
use super::code_index::{Codes, code_literal};
use super::tokens::{Flat, doc, ident, optional_texts, optional_texts_doc, string, template};
use crate::model::{Catalog, Code, CodeKind, Entry, Segment};

/// The items of the generated file: one module per catalog, and, where an integration is on,
/// the private module that names the runtime's integrations once (so that a runtime built
/// without the matching feature fails with one error, which names the feature).
pub fn file(catalogs: &[Catalog], integrations: Integrations) -> TokenStream {
    let locales = super::locales::file_locales(catalogs);
    let locale_items = super::locales::file_items(&locales);
    let modules = catalogs
        .iter()
        .map(|c| module(c, integrations.for_catalog(c), &locales));
    let uses = integrations_uses(integrations.used_by(catalogs));
    let integrations_module = (!uses.is_empty()).then(|| {
        quote! {
            /// The `errcat` runtime's integrations that this file uses, named once.
            mod errcat_integrations {
                #(#uses)*
            }
        }
    });
    quote! {
        #integrations_module
        #locale_items
        #(#modules)*
    }
}

/// The runtime modules the integrations use: `wire` for serde, `status` for http, `response`
/// for axum. Each catalog module imports these names from the file's `errcat_integrations`.
fn runtime_modules(on: Integrations) -> Vec<Ident> {
    let mut names = Vec::new();
    if on.serde {
        names.push(ident("wire"));
    }
    if on.http {
        names.push(ident("status"));
    }
    if on.axum {
        names.push(ident("response"));
    }
    if on.grpc {
        names.push(ident("grpc"));
    }
    names
}

/// The items of `errcat_integrations`: the runtime modules, named once.
fn integrations_uses(on: Integrations) -> Vec<TokenStream> {
    if on.axum {
        // `response` holds the other two: one import, so one error if the feature is off.
        let grpc = on.grpc.then(|| {
            quote!(
                pub use ::errcat::grpc;
            )
        });
        return vec![quote! {
            pub use ::errcat::response;
            pub use self::response::{status, wire};
            #grpc
        }];
    }
    runtime_modules(on)
        .into_iter()
        .map(|name| quote!(pub use ::errcat::#name;))
        .collect()
}

/// One catalog's module.
///
/// The items that hold the catalog's per-code text come last: the tables of names,
/// descriptions, reactions, deprecation notes, aliases and placeholder names, then `Error`
/// (whose docs give each code's message and description), `MESSAGES` and `TEMPLATES`, and
/// `Plain` (whose docs give the messages again). rustc's incremental cache records where each
/// item stands in its module, so an edit that changes the length of a text re-checks every
/// item after it in the module, whatever that item holds. With the text last, a reworded
/// message re-checks the few items that hold it and little else: at 1 000 codes, 2 036 M
/// instructions instead of 2 403 M (`bench/instructions`), the clean build unchanged.
/// `tests/item_order.rs` keeps it so.
fn module(catalog: &Catalog, integrations: Integrations, locales: &[String]) -> TokenStream {
    let module = ident(&catalog.module);
    let module_doc = doc(&super::rustdoc::module_doc(catalog));
    let catalog_name = string(&catalog.module);
    let title = string(&catalog.title);
    let source = string(&catalog.source);
    let codes = Codes::of(catalog.code_kind);
    let code_ty = &codes.ty;
    let table_ty = &codes.table_ty;
    let entries: Vec<(usize, &Entry)> = catalog.entries_with_section().collect();
    let n = Literal::usize_unsuffixed(entries.len());
    let variants: Vec<Ident> = entries.iter().map(|(_, e)| ident(&e.type_name())).collect();

    let variant_defs = entries
        .iter()
        .zip(&variants)
        .enumerate()
        .map(|(i, ((_, e), v))| {
            let doc = doc(&(super::rustdoc::variant_doc(catalog, e)
                + &super::locales::variant_doc(catalog, i, e)));
            let deprecated = e.deprecated.as_deref().map(|why| {
                // rustdoc reads the note as Markdown: keep brackets from becoming links.
                let why = string(&why.replace('[', "\\[").replace(']', "\\]"));
                quote!(#[deprecated(note = #why)])
            });
            quote!(#doc #deprecated #v,)
        });

    // The per-code tables, filled in one loop: iterator adapters over closures would each be
    // generic code for rustc to compile into errcat-build.
    let (mut code_table, mut name_table) = (Vec::new(), Vec::new());
    let (mut message_table, mut section_table) = (Vec::new(), Vec::new());
    let (mut descriptions, mut reactions, mut deprecations) = (Vec::new(), Vec::new(), Vec::new());
    let (mut aliases, mut placeholders, mut templates) = (Flat::new(), Flat::new(), Flat::new());
    for (s, e) in &entries {
        code_table.push(code_literal(&e.code));
        name_table.push(string(&e.name));
        message_table.push(string(&e.message.text(&e.placeholders)));
        section_table.push(Literal::usize_unsuffixed(*s));
        descriptions.push(e.description.as_deref());
        reactions.push(e.reaction.as_deref());
        deprecations.push(e.deprecated.as_deref());
        for a in &e.aliases {
            let a = string(a);
            aliases.push(quote!(#a));
        }
        aliases.end_list();
        for p in &e.placeholders {
            let name = string(&p.name);
            placeholders.push(quote!(#name));
        }
        placeholders.end_list();
        for segment in &e.message.segments {
            templates.push(match segment {
                Segment::Text(t) => {
                    let t = string(t);
                    quote!(::errcat::Piece::Text(#t))
                }
                Segment::Placeholder(i) => {
                    let index = Literal::usize_unsuffixed(*i);
                    let name = string(&e.placeholders[*i].name);
                    quote!(::errcat::Piece::Placeholder { index: #index, name: #name })
                }
            });
        }
        templates.end_list();
    }
    let description_table = optional_texts(&descriptions);
    let status = status_items(catalog, &entries, &n);
    let section_idents: Vec<Ident> = catalog
        .sections
        .iter()
        .map(|s| ident(&s.type_name()))
        .collect();
    // Positions, not variants: rustc checks an array of integers in a sixth of the time of
    // the same array of enum values.
    let section_ty = if section_idents.len() <= 256 {
        quote!(u8)
    } else {
        quote!(u16)
    };
    let reaction_table = optional_texts(&reactions);
    let deprecation_table = optional_texts(&deprecations);
    let optional_doc = optional_texts_doc();
    let aliases_at = aliases.starts_static("ALIASES");
    let aliases = aliases.items_static("ALIASES", &quote!(&str));
    let placeholders_at = placeholders.starts_static("PLACEHOLDERS");
    let placeholders = placeholders.items_static("PLACEHOLDERS", &quote!(&str));
    let templates_at = templates.starts_static("TEMPLATES");
    let templates = templates.items_static("TEMPLATES", &quote!(::errcat::Piece));
    let variant_names = variants.iter().map(|v| string(&v.to_string()));

    let mut by_code: Vec<(&Code, &Ident)> = entries
        .iter()
        .zip(&variants)
        .map(|((_, e), v)| (&e.code, v))
        .collect();
    by_code.sort_by(|a, b| a.0.cmp(b.0));

    let from_name = super::name_index::from_name(&entries);

    let alias_consts = entries.iter().zip(&variants).flat_map(|((_, e), v)| {
        e.aliases
            .iter()
            .zip(&e.alias_rust_names)
            .map(move |(a, rust)| {
                let alias = ident(rust);
                let d = doc(&format!(
                    "`{a}`: another documented name of [`Error::{v}`]."
                ));
                quote! {
                    #d
                    #[allow(non_upper_case_globals)]
                    pub const #alias: Error = Error::#v;
                }
            })
    });

    let enum_doc = doc(&format!(
        "The error codes of {}, one variant per documented code.",
        super::escape::escape(&catalog.title)
    ));
    let lookup = super::code_index::from_code(&codes, &by_code, &variants);
    let columns = super::columns::columns(catalog, &entries);
    let column_types = super::columns::column_types(catalog);
    let sections = super::sections::sections(catalog, &entries, &section_idents);
    let minors = super::minors::minors(&entries, &variants, &codes, catalog.minor_code_kind);
    let wire = super::wire::module_items(catalog, integrations);
    let (failure, plain) = super::failure::items(catalog, &entries, &variants, integrations);
    let localized = super::locales::module_items(catalog, locales, &entries, integrations);
    let grpc = integrations
        .grpc
        .then(|| super::grpc::items(catalog, &entries));
    let uses = runtime_modules(integrations)
        .into_iter()
        .map(|name| quote!(use super::errcat_integrations::#name;));
    let code_ref = match catalog.code_kind {
        CodeKind::Integer => quote!(::errcat::CodeRef::Integer(i64::from(Error::code(self)))),
        CodeKind::String => quote!(::errcat::CodeRef::String(Error::code(self))),
    };
    let try_from = match catalog.code_kind {
        CodeKind::Integer => quote! {
            impl ::core::convert::TryFrom<u32> for Error {
                type Error = ::errcat::UnknownCode;
                #[inline]
                fn try_from(code: u32) -> ::core::result::Result<Self, ::errcat::UnknownCode> {
                    Error::from_code(code).ok_or(::errcat::UnknownCode { catalog: NAME })
                }
            }

            impl ::core::convert::From<Error> for u32 {
                #[inline]
                fn from(error: Error) -> u32 {
                    error.code()
                }
            }
        },
        CodeKind::String => quote! {
            impl<'a> ::core::convert::TryFrom<&'a str> for Error {
                type Error = ::errcat::UnknownCode;
                #[inline]
                fn try_from(code: &'a str) -> ::core::result::Result<Self, ::errcat::UnknownCode> {
                    Error::from_code(code).ok_or(::errcat::UnknownCode { catalog: NAME })
                }
            }
        },
    };

    let uses = quote!(#(#uses)*);
    let variant_defs = quote!(#(#variant_defs)*);
    let code_table = quote!(#(#code_table),*);
    let name_table = quote!(#(#name_table),*);
    let message_table = quote!(#(#message_table),*);
    let description_table = quote!(#(#description_table),*);
    let section_table = quote!(#(#section_table),*);
    let reaction_table = quote!(#(#reaction_table),*);
    let deprecation_table = quote!(#(#deprecation_table),*);
    let variant_names = quote!(#(#variant_names),*);
    let all = quote!(#(Error::#variants),*);
    let alias_consts = quote!(#(#alias_consts)*);
    // The module is mostly the same for every catalog: a template, not `quote!` (see
    // `template`).
    template(
        r##"
        #module_doc
        #[allow(deprecated)]
        pub mod #module {
            #uses

            /// The catalog's module name.
            pub const NAME: &str = #catalog_name;
            /// The catalog's title.
            pub const TITLE: &str = #title;
            /// Where the catalog's source document lives.
            pub const SOURCE: &str = #source;

            // Statics, not consts: indexing a const array at run time copies the whole array
            // first in unoptimized builds. The tables of catalog text are at the end (see
            // `module`).
            static CODES: [#table_ty; #n] = [#code_table];
            /// The position in `Section::ALL` of each code's section.
            static SECTIONS: [#section_ty; #n] = [#section_table];
            // Lists per code are stored flat, `X_AT[i]..X_AT[i + 1]` for code `i`: an array of
            // slices costs rustc much more to check than the same items in one array.
            #aliases_at
            #placeholders_at
            #templates_at
            static VARIANTS: [&str; #n] = [#variant_names];
            static ALL: [Error; #n] = [#all];

            /// The items `at[i]..at[i + 1]` of a list stored flat.
            #[inline]
            const fn part<T>(items: &'static [T], at: &[u32], i: usize) -> &'static [T] {
                items.split_at(at[i + 1] as usize).0.split_at(at[i] as usize).1
            }

            /// The hash of `from_name`'s table (the generator computes the same). Eight bytes
            /// at a time; `while` loops rather than iterators, which would be generic code to
            /// compile in every crate.
            #[inline]
            fn name_hash(name: &str) -> u64 {
                const K: u64 = 0x517c_c1b7_2722_0a95;
                let mut rest = name.as_bytes();
                let mut h = rest.len() as u64;
                while let ::core::option::Option::Some((word, tail)) = rest.split_first_chunk::<8>() {
                    h = (h.rotate_left(5) ^ u64::from_le_bytes(*word)).wrapping_mul(K);
                    rest = tail;
                }
                let mut last = 0;
                let mut i = 0;
                while i < rest.len() {
                    last |= (rest[i] as u64) << (8 * i);
                    i += 1;
                }
                (h.rotate_left(5) ^ last).wrapping_mul(K) >> 32
            }

            impl Error {
                /// Every code, in document order.
                pub const ALL: &'static [Error] = &ALL;

                #alias_consts

                /// The code on the wire.
                #[inline]
                pub const fn code(self) -> #code_ty {
                    CODES[self as usize]
                }

                /// The documented name, such as `USER_NOT_FOUND`.
                #[inline]
                pub const fn name(self) -> &'static str {
                    NAMES[self as usize]
                }

                /// The documented message; placeholders appear as `{name}`.
                #[inline]
                pub const fn message(self) -> &'static str {
                    MESSAGES[self as usize]
                }

                /// The longer description, where the catalog gives one.
                #[inline]
                pub const fn description(self) -> ::core::option::Option<&'static str> {
                    ::errcat::optional(DESCRIPTIONS[self as usize])
                }

                /// The section of the catalog the code belongs to.
                #[inline]
                pub const fn section(self) -> Section {
                    Section::ALL[SECTIONS[self as usize] as usize]
                }

                /// What a client should do, where the catalog says.
                #[inline]
                pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                    ::errcat::optional(REACTIONS[self as usize])
                }

                /// Why the code is deprecated, if it is.
                #[inline]
                pub const fn deprecation(self) -> ::core::option::Option<&'static str> {
                    ::errcat::optional(DEPRECATIONS[self as usize])
                }

                /// Whether the code is deprecated (no longer emitted).
                #[inline]
                pub const fn is_deprecated(self) -> bool {
                    self.deprecation().is_some()
                }

                /// Other documented names of the code.
                #[inline]
                pub const fn aliases(self) -> &'static [&'static str] {
                    part(&ALIASES, &ALIASES_AT, self as usize)
                }

                /// The names of the message's placeholders, in declaration order.
                #[inline]
                pub const fn placeholders(self) -> &'static [&'static str] {
                    part(&PLACEHOLDERS, &PLACEHOLDERS_AT, self as usize)
                }

                /// The message as pieces of text and placeholders.
                #[inline]
                pub const fn template(self) -> &'static [::errcat::Piece] {
                    part(&TEMPLATES, &TEMPLATES_AT, self as usize)
                }

                #lookup

                #from_name

                #columns
            }

            impl ::core::fmt::Display for Error {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.message())
                }
            }

            /// Writes the variant's name, as `#[derive(Debug)]` would.
            impl ::core::fmt::Debug for Error {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(VARIANTS[*self as usize])
                }
            }

            impl ::std::error::Error for Error {}

            impl ::core::str::FromStr for Error {
                type Err = ::errcat::UnknownName;
                #[inline]
                fn from_str(name: &str) -> ::core::result::Result<Self, ::errcat::UnknownName> {
                    Error::from_name(name).ok_or(::errcat::UnknownName { catalog: NAME })
                }
            }

            impl ::errcat::ErrorCode for Error {
                const CATALOG: &'static str = NAME;
                #[inline]
                fn all() -> &'static [Self] {
                    &ALL
                }
                #[inline]
                fn code(self) -> ::errcat::CodeRef<'static> {
                    #code_ref
                }
                #[inline]
                fn name(self) -> &'static str {
                    Error::name(self)
                }
                #[inline]
                fn message(self) -> &'static str {
                    Error::message(self)
                }
                #[inline]
                fn template(self) -> &'static [::errcat::Piece] {
                    Error::template(self)
                }
                #[inline]
                fn placeholders(self) -> &'static [&'static str] {
                    Error::placeholders(self)
                }
                #[inline]
                fn section_name(self) -> &'static str {
                    Error::section(self).name()
                }
                #[inline]
                fn section_title(self) -> &'static str {
                    Error::section(self).title()
                }
                #[inline]
                fn is_deprecated(self) -> bool {
                    Error::is_deprecated(self)
                }
                #[inline]
                fn from_name(name: &str) -> ::core::option::Option<Self> {
                    Error::from_name(name)
                }
            }

            #status

            #try_from

            #column_types

            #sections

            #minors

            #wire

            #failure

            #localized
            #grpc

            static NAMES: [&str; #n] = [#name_table];
            #optional_doc
            static DESCRIPTIONS: [&str; #n] = [#description_table];
            #optional_doc
            static REACTIONS: [&str; #n] = [#reaction_table];
            #optional_doc
            static DEPRECATIONS: [&str; #n] = [#deprecation_table];
            #aliases
            #placeholders

            #enum_doc
            // `Debug` is written out above: the derived one is a `match` with an arm per code,
            // which took a quarter of the compile time of a large catalog.
            #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            pub enum Error {
                #variant_defs
            }

            static MESSAGES: [&str; #n] = [#message_table];
            #templates

            #plain
        }
        "##,
        &[
            ("alias_consts", &alias_consts),
            ("aliases", &aliases),
            ("aliases_at", &aliases_at),
            ("all", &all),
            ("catalog_name", &catalog_name),
            ("code_ref", &code_ref),
            ("code_table", &code_table),
            ("code_ty", &code_ty),
            ("column_types", &column_types),
            ("columns", &columns),
            ("deprecation_table", &deprecation_table),
            ("description_table", &description_table),
            ("enum_doc", &enum_doc),
            ("failure", &failure),
            ("from_name", &from_name),
            ("grpc", &grpc),
            ("localized", &localized),
            ("lookup", &lookup),
            ("message_table", &message_table),
            ("minors", &minors),
            ("module", &module),
            ("module_doc", &module_doc),
            ("n", &n),
            ("name_table", &name_table),
            ("optional_doc", &optional_doc),
            ("placeholders", &placeholders),
            ("placeholders_at", &placeholders_at),
            ("plain", &plain),
            ("reaction_table", &reaction_table),
            ("section_table", &section_table),
            ("section_ty", &section_ty),
            ("sections", &sections),
            ("source", &source),
            ("status", &status),
            ("table_ty", &table_ty),
            ("templates", &templates),
            ("templates_at", &templates_at),
            ("title", &title),
            ("try_from", &try_from),
            ("uses", &uses),
            ("variant_defs", &variant_defs),
            ("variant_names", &variant_names),
            ("wire", &wire),
        ],
    )
}

/// The statuses of a catalog with HTTP statuses: their table, `http_status()` and the
/// runtime's `HttpStatus`. A catalog without them gets none of these, so that asking one of its
/// codes for a status does not compile.
fn status_items(catalog: &Catalog, entries: &[(usize, &Entry)], n: &Literal) -> TokenStream {
    if catalog.status.is_none() {
        return quote!();
    }
    let statuses = entries
        .iter()
        .map(|(_, e)| Literal::u16_unsuffixed(e.status.unwrap_or_default()));
    quote! {
        static STATUSES: [u16; #n] = [#(#statuses),*];

        impl Error {
            /// The HTTP status the error is returned with.
            #[inline]
            pub const fn http_status(self) -> u16 {
                STATUSES[self as usize]
            }
        }

        impl ::errcat::HttpStatus for Error {
            #[inline]
            fn http_status(self) -> u16 {
                Error::http_status(self)
            }
        }
    }
}
