//! Stage 3a: the validated model to Rust tokens.
//!
//! Per entry data lives in `static` tables indexed by the variant (`self as usize`), so every
//! accessor is a `const fn` that compiles to one load. `from_code` indexes a slot table (dense,
//! or in pages) where the codes allow it and binary-searches otherwise; `from_name` probes a
//! hash table the generator builds. Nothing is built at run time and nothing allocates. Small
//! functions are `#[inline]`, so that a crate compiles only the ones it calls. Each of these
//! choices was measured against the alternatives with the `bench/` crate of the repository
//! (`cargo bench -p errcat-bench` and `bench/scale`), for run time and for the time rustc takes
//! to compile the output.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::ident;
use crate::model::{Catalog, Code, CodeKind, ColumnType, Entry, Segment, Value};

/// The items of the generated file: shared support types, then one module per catalog.
pub fn file(catalogs: &[Catalog]) -> TokenStream {
    let support = support();
    let wire_support = super::wire::support();
    let modules = catalogs.iter().map(module);
    quote! {
        #support
        #wire_support
        #(#modules)*
    }
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn string(s: &str) -> Literal {
    Literal::string(s)
}

fn option_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => {
            let s = string(s);
            quote!(::core::option::Option::Some(#s))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// `option_str` for the per-code tables of a catalog module, where nothing shadows the
/// prelude's `Some` and `None` (every generated name but the module's own items is nested in a
/// type or in `minor`): a third of the tokens in tables that are mostly `None`.
fn short_option_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => {
            let s = string(s);
            quote!(Some(#s))
        }
        None => quote!(None),
    }
}

/// `#[doc]` attributes, one per line, so prettyplease prints them as `///` comments.
///
/// Catalog text may hold anything, so: a lone carriage return also ends a line (Rust forbids
/// a bare CR in a doc comment); the characters that change the direction of text are shown
/// escaped (rustc denies them there); and no line opens a code block, indented or fenced,
/// which rustdoc would compile and run as a doctest.
fn doc(text: &str) -> TokenStream {
    let text = doc_safe(text);
    let lines = text.lines().map(|l| {
        let l = l.trim_start();
        let fence = if l.starts_with("```") || l.starts_with("~~~") {
            "\\"
        } else {
            ""
        };
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {fence}{l}")
        };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// Catalog text made safe for doc comments: a lone carriage return becomes a line break, the
/// characters that change the direction of text are shown escaped, and tabs become spaces
/// (clippy flags tabs in doc comments).
pub(super) fn doc_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\r' => "\n".to_owned(),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => c.escape_unicode().to_string(),
            '\t' => "    ".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

fn support() -> TokenStream {
    quote! {
        /// One piece of a message template: literal text, or a named placeholder.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Piece {
            /// Text written as is.
            Text(&'static str),
            /// The `index`-th argument of `render`, declared as `name`.
            Placeholder {
                /// Position of the argument.
                index: usize,
                /// The placeholder's name in the catalog.
                name: &'static str,
            },
        }

        /// A message with its placeholders filled in. Its `Display` writes the pieces and
        /// arguments straight to the formatter, without allocating. A missing argument is
        /// written as `{name}`.
        #[derive(Clone, Copy)]
        pub struct Rendered<'a> {
            pieces: &'static [Piece],
            args: &'a [&'a dyn ::core::fmt::Display],
        }

        impl<'a> Rendered<'a> {
            /// Renders `pieces` with `args`, in the order the placeholders are declared.
            #[inline]
            pub const fn new(pieces: &'static [Piece], args: &'a [&'a dyn ::core::fmt::Display]) -> Self {
                Rendered { pieces, args }
            }
        }

        // Written with `while` and without `?`: iterator and `?` machinery are generic code
        // that every crate including this file compiles again (a fifth of the compile time of
        // a one-code catalog, measured).
        impl ::core::fmt::Display for Rendered<'_> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let mut written = ::core::result::Result::Ok(());
                let mut i = 0;
                while written.is_ok() && i < self.pieces.len() {
                    written = match self.pieces[i] {
                        Piece::Text(text) => f.write_str(text),
                        Piece::Placeholder { index, name } => {
                            if index < self.args.len() {
                                ::core::fmt::Display::fmt(self.args[index], f)
                            } else {
                                match f.write_str("{") {
                                    ::core::result::Result::Ok(()) => match f.write_str(name) {
                                        ::core::result::Result::Ok(()) => f.write_str("}"),
                                        error => error,
                                    },
                                    error => error,
                                }
                            }
                        }
                    };
                    i += 1;
                }
                written
            }
        }

        impl ::core::fmt::Debug for Rendered<'_> {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_tuple("Rendered").field(&::core::format_args!("{self}")).finish()
            }
        }

        /// A code that the catalog does not list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct UnknownCode {
            /// The catalog (module) that was asked.
            pub catalog: &'static str,
        }

        impl ::core::fmt::Display for UnknownCode {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("unknown error code for catalog ")?;
                f.write_str(self.catalog)
            }
        }

        impl ::std::error::Error for UnknownCode {}

        /// A name that is neither a documented name nor an alias in the catalog.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct UnknownName {
            /// The catalog (module) that was asked.
            pub catalog: &'static str,
        }

        impl ::core::fmt::Display for UnknownName {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("unknown error name for catalog ")?;
                f.write_str(self.catalog)
            }
        }

        impl ::std::error::Error for UnknownName {}
    }
}

/// Everything the emitter needs to say about one catalog's codes.
struct Codes {
    /// Type of `code()`.
    ty: TokenStream,
    /// Type of a code in a `const` table (where `'static` is implied).
    table_ty: TokenStream,
    /// Type of the argument of `from_code`.
    param: TokenStream,
    /// `const` where the lookup can be a `const fn`.
    constness: TokenStream,
}

impl Codes {
    fn of(kind: CodeKind) -> Self {
        match kind {
            CodeKind::Integer => Codes {
                ty: quote!(u32),
                table_ty: quote!(u32),
                param: quote!(u32),
                constness: quote!(const),
            },
            CodeKind::String => Codes {
                ty: quote!(&'static str),
                table_ty: quote!(&str),
                param: quote!(&str),
                constness: quote!(),
            },
        }
    }
}

fn code_literal(code: &Code) -> TokenStream {
    match code {
        Code::Integer(n) => {
            let n = Literal::u32_unsuffixed(*n);
            quote!(#n)
        }
        Code::String(s) => {
            let s = string(s);
            quote!(#s)
        }
    }
}

fn module(catalog: &Catalog) -> TokenStream {
    let module = ident(&catalog.module);
    let module_doc = doc(&module_doc(catalog));
    let catalog_name = string(&catalog.module);
    let title = string(&catalog.title);
    let source = string(&catalog.source);
    let codes = Codes::of(catalog.code_kind);
    let code_ty = &codes.ty;
    let table_ty = &codes.table_ty;
    let entries: Vec<(usize, &Entry)> = catalog.entries_with_section().collect();
    let n = Literal::usize_unsuffixed(entries.len());
    let variants: Vec<Ident> = entries.iter().map(|(_, e)| ident(&e.type_name())).collect();

    let variant_defs = entries.iter().zip(&variants).map(|((_, e), v)| {
        let doc = doc(&variant_doc(catalog, e));
        let deprecated = e.deprecated.as_deref().map(|why| {
            // rustdoc reads the note as Markdown: keep brackets from becoming links.
            let why = string(&why.replace('[', "\\[").replace(']', "\\]"));
            quote!(#[deprecated(note = #why)])
        });
        quote!(#doc #deprecated #v,)
    });

    let code_table = entries.iter().map(|(_, e)| code_literal(&e.code));
    let name_table = entries.iter().map(|(_, e)| string(&e.name));
    let message_table = entries
        .iter()
        .map(|(_, e)| string(&e.message.text(&e.placeholders)));
    let description_table = entries
        .iter()
        .map(|(_, e)| short_option_str(e.description.as_deref()));
    let status_table = entries
        .iter()
        .map(|(_, e)| Literal::u16_unsuffixed(e.status));
    let section_idents: Vec<Ident> = catalog
        .sections
        .iter()
        .map(|s| ident(&s.type_name()))
        .collect();
    let section_table = entries.iter().map(|(s, _)| &section_idents[*s]);
    let reaction_table = entries
        .iter()
        .map(|(_, e)| short_option_str(e.reaction.as_deref()));
    let deprecation_table = entries
        .iter()
        .map(|(_, e)| short_option_str(e.deprecated.as_deref()));
    let aliases = Flat::of(entries.iter().map(|(_, e)| {
        e.aliases.iter().map(|a| {
            let a = string(a);
            quote!(#a)
        })
    }));
    let placeholders = Flat::of(entries.iter().map(|(_, e)| {
        e.placeholders.iter().map(|p| {
            let name = string(&p.name);
            quote!(#name)
        })
    }));
    let templates = Flat::of(entries.iter().map(|(_, e)| {
        e.message.segments.iter().map(|s| match s {
            Segment::Text(t) => {
                let t = string(t);
                quote!(Piece::Text(#t))
            }
            Segment::Placeholder(i) => {
                let index = Literal::usize_unsuffixed(*i);
                let name = string(&e.placeholders[*i].name);
                quote!(Piece::Placeholder { index: #index, name: #name })
            }
        })
    }));
    let aliases = aliases.statics(&ident("ALIASES"), &quote!(&str));
    let placeholders = placeholders.statics(&ident("PLACEHOLDERS"), &quote!(&str));
    let templates = templates.statics(&ident("TEMPLATES"), &quote!(Piece));
    let variant_names = variants.iter().map(|v| string(&v.to_string()));

    let mut by_code: Vec<(&Code, &Ident)> = entries
        .iter()
        .zip(&variants)
        .map(|((_, e), v)| (&e.code, v))
        .collect();
    by_code.sort_by(|a, b| a.0.cmp(b.0));

    let from_name = name_lookup(&entries);

    let alias_consts = entries.iter().zip(&variants).flat_map(|((_, e), v)| {
        e.aliases.iter().map(move |a| {
            let alias = ident(&ident::type_name(a));
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
        super::markdown::escape(&catalog.title)
    ));
    let lookup = lookup(&codes, &by_code);
    let columns = columns(catalog, &entries);
    let sections = sections(catalog, &entries, &section_idents);
    let minors = minors(&entries, &variants, &codes);
    let wire = super::wire::module_items(catalog);
    let try_from = match catalog.code_kind {
        CodeKind::Integer => quote! {
            impl ::core::convert::TryFrom<u32> for Error {
                type Error = UnknownCode;
                #[inline]
                fn try_from(code: u32) -> ::core::result::Result<Self, UnknownCode> {
                    Error::from_code(code).ok_or(UnknownCode { catalog: NAME })
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
                type Error = UnknownCode;
                #[inline]
                fn try_from(code: &'a str) -> ::core::result::Result<Self, UnknownCode> {
                    Error::from_code(code).ok_or(UnknownCode { catalog: NAME })
                }
            }
        },
    };

    quote! {
        #module_doc
        #[allow(deprecated, unexpected_cfgs)]
        pub mod #module {
            use super::{Piece, Rendered, UnknownCode, UnknownName};

            /// The catalog's module name.
            pub const NAME: &str = #catalog_name;
            /// The catalog's title.
            pub const TITLE: &str = #title;
            /// Where the catalog's source document lives.
            pub const SOURCE: &str = #source;

            #enum_doc
            // `Debug` is written out below: the derived one is a `match` with an arm per code,
            // which took a quarter of the compile time of a large catalog.
            #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            pub enum Error {
                #(#variant_defs)*
            }

            // Statics, not consts: indexing a const array at run time copies the whole array
            // first in unoptimized builds.
            static CODES: [#table_ty; #n] = [#(#code_table),*];
            static NAMES: [&str; #n] = [#(#name_table),*];
            static MESSAGES: [&str; #n] = [#(#message_table),*];
            static DESCRIPTIONS: [Option<&str>; #n] = [#(#description_table),*];
            static STATUSES: [u16; #n] = [#(#status_table),*];
            static SECTIONS: [Section; #n] = [#(Section::#section_table),*];
            static REACTIONS: [Option<&str>; #n] = [#(#reaction_table),*];
            static DEPRECATIONS: [Option<&str>; #n] = [#(#deprecation_table),*];
            // Lists per code are stored flat, `X_AT[i]..X_AT[i + 1]` for code `i`: an array of
            // slices costs rustc much more to check than the same items in one array.
            #aliases
            #placeholders
            #templates
            static VARIANTS: [&str; #n] = [#(#variant_names),*];
            static ALL: [Error; #n] = [#(Error::#variants),*];

            /// The items `at[i]..at[i + 1]` of a list stored flat.
            const fn part<T>(items: &'static [T], at: &[u32], i: usize) -> &'static [T] {
                items.split_at(at[i + 1] as usize).0.split_at(at[i] as usize).1
            }

            /// The hash of `from_name`'s table (the generator computes the same). Eight bytes
            /// at a time; `while` loops rather than iterators, which would be generic code to
            /// compile in every crate.
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

                #(#alias_consts)*

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
                    DESCRIPTIONS[self as usize]
                }

                /// The HTTP status the error is returned with.
                #[inline]
                pub const fn http_status(self) -> u16 {
                    STATUSES[self as usize]
                }

                /// The section of the catalog the code belongs to.
                #[inline]
                pub const fn section(self) -> Section {
                    SECTIONS[self as usize]
                }

                /// What a client should do, where the catalog says.
                #[inline]
                pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                    REACTIONS[self as usize]
                }

                /// Why the code is deprecated, if it is.
                #[inline]
                pub const fn deprecation(self) -> ::core::option::Option<&'static str> {
                    DEPRECATIONS[self as usize]
                }

                /// Whether the code is deprecated (no longer emitted).
                #[inline]
                pub const fn is_deprecated(self) -> bool {
                    DEPRECATIONS[self as usize].is_some()
                }

                /// Other documented names of the code.
                #[inline]
                pub const fn aliases(self) -> &'static [&'static str] {
                    part(&ALIASES, &ALIASES_AT, self as usize)
                }

                /// The names of the message's placeholders, in the order `render` takes them.
                #[inline]
                pub const fn placeholders(self) -> &'static [&'static str] {
                    part(&PLACEHOLDERS, &PLACEHOLDERS_AT, self as usize)
                }

                /// The message as pieces of text and placeholders.
                #[inline]
                pub const fn template(self) -> &'static [Piece] {
                    part(&TEMPLATES, &TEMPLATES_AT, self as usize)
                }

                /// The message with `args` in place of its placeholders, in declaration order.
                /// Writing it allocates nothing.
                #[inline]
                pub const fn render<'a>(self, args: &'a [&'a dyn ::core::fmt::Display]) -> Rendered<'a> {
                    Rendered::new(self.template(), args)
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
                type Err = UnknownName;
                #[inline]
                fn from_str(name: &str) -> ::core::result::Result<Self, UnknownName> {
                    Error::from_name(name).ok_or(UnknownName { catalog: NAME })
                }
            }

            #try_from

            #sections

            #minors

            #wire
        }
    }
}

/// `from_code` and the table it reads, chosen by [`CodeIndex::of`].
fn lookup(codes: &Codes, by_code: &[(&Code, &Ident)]) -> TokenStream {
    let Codes {
        table_ty,
        param,
        constness,
        ..
    } = codes;
    let doc = quote!(#[doc = " The code's variant, if the catalog lists it."]);
    match CodeIndex::of(by_code) {
        CodeIndex::Dense { min, slots } => {
            let len = Literal::usize_unsuffixed(slots.len());
            let slots = slots.iter().map(|v| option_variant(*v));
            let offset = offset_from(min);
            quote! {
                #doc
                #[inline]
                pub const fn from_code(code: u32) -> ::core::option::Option<Self> {
                    /// The variant of each code, from the lowest code on.
                    static BY_CODE: [Option<Error>; #len] = [#(#slots),*];
                    let i = #offset;
                    if i < BY_CODE.len() { BY_CODE[i] } else { None }
                }
            }
        }
        CodeIndex::Paged {
            min,
            bits,
            pages,
            slots,
        } => {
            let page_ty = if slots.len() >> bits <= usize::from(u16::MAX) + 1 {
                quote!(u16)
            } else {
                quote!(u32)
            };
            let pages_len = Literal::usize_unsuffixed(pages.len());
            let pages = pages.iter().map(|p| Literal::usize_unsuffixed(*p));
            let len = Literal::usize_unsuffixed(slots.len());
            let slots = slots.iter().map(|v| option_variant(*v));
            let bits = Literal::u32_unsuffixed(bits);
            let offset = offset_from(min);
            quote! {
                #doc
                #[inline]
                pub const fn from_code(code: u32) -> ::core::option::Option<Self> {
                    /// For each page of codes from the lowest code on, where its slots start
                    /// in `BY_CODE`, in pages; page 0 is empty.
                    static PAGES: [#page_ty; #pages_len] = [#(#pages),*];
                    /// The variant of each code of each page.
                    static BY_CODE: [Option<Error>; #len] = [#(#slots),*];
                    const BITS: u32 = #bits;
                    let i = #offset;
                    let page = i >> BITS;
                    if page < PAGES.len() {
                        BY_CODE[((PAGES[page] as usize) << BITS) | (i & ((1 << BITS) - 1))]
                    } else {
                        None
                    }
                }
            }
        }
        CodeIndex::Sorted => {
            let n = Literal::usize_unsuffixed(by_code.len());
            let by_code = by_code.iter().map(|(c, v)| {
                let c = code_literal(c);
                quote!((#c, Error::#v))
            });
            quote! {
                #doc
                pub #constness fn from_code(code: #param) -> ::core::option::Option<Self> {
                    /// Every code with its variant, sorted by code.
                    static BY_CODE: [(#table_ty, Error); #n] = [#(#by_code),*];
                    let mut lo = 0;
                    let mut hi = BY_CODE.len();
                    while lo < hi {
                        let mid = lo + (hi - lo) / 2;
                        let (c, error) = BY_CODE[mid];
                        if c == code {
                            return Some(error);
                        }
                        if c < code {
                            lo = mid + 1;
                        } else {
                            hi = mid;
                        }
                    }
                    None
                }
            }
        }
    }
}

/// `code - min` as a `usize` (wrapping, so that codes below `min` land past every table).
fn offset_from(min: u32) -> TokenStream {
    if min == 0 {
        quote!(code as usize)
    } else {
        let min = Literal::u32_unsuffixed(min);
        quote!(code.wrapping_sub(#min) as usize)
    }
}

fn option_variant(v: Option<&Ident>) -> TokenStream {
    match v {
        Some(v) => quote!(Some(Error::#v)),
        None => quote!(None),
    }
}

/// How `from_code` finds the variant of an integer code. Measured (see `bench/`): a direct
/// index is several times faster than a binary search, and a `match` compiles slower.
#[derive(Debug, PartialEq)]
enum CodeIndex<'a> {
    /// One slot per code from `min` to the highest code: for codes that are nearly contiguous.
    Dense {
        min: u32,
        slots: Vec<Option<&'a Ident>>,
    },
    /// Codes from `min` on, cut into pages of `1 << bits` codes; `pages[p]` is where page `p`'s
    /// slots start in `slots`, counted in pages, and page 0 is all empty. For codes in runs
    /// with gaps between them.
    Paged {
        min: u32,
        bits: u32,
        pages: Vec<usize>,
        slots: Vec<Option<&'a Ident>>,
    },
    /// Binary search over the codes: for string codes, and for codes too scattered for pages.
    Sorted,
}

impl<'a> CodeIndex<'a> {
    /// Slots allowed per code (plus a fixed allowance) before pages give way to a binary
    /// search.
    const SLOTS_PER_CODE: usize = 4;
    const SLOTS_EXTRA: usize = 256;

    /// The smallest index for `by_code` (sorted by code) within the memory allowance.
    fn of(by_code: &[(&Code, &'a Ident)]) -> Self {
        let mut codes = Vec::with_capacity(by_code.len());
        for (code, v) in by_code {
            match code {
                Code::Integer(c) => codes.push((*c, *v)),
                Code::String(_) => return CodeIndex::Sorted,
            }
        }
        let (Some(&(min, _)), Some(&(max, _))) = (codes.first(), codes.last()) else {
            return CodeIndex::Sorted;
        };
        let n = codes.len();
        let span = (max - min) as usize + 1;
        if span <= 2 * n + 64 {
            let mut slots = vec![None; span];
            for (c, v) in &codes {
                slots[(c - min) as usize] = Some(*v);
            }
            return CodeIndex::Dense { min, slots };
        }
        let budget = Self::SLOTS_PER_CODE * n + Self::SLOTS_EXTRA;
        let cost = |bits: u32| {
            let mut used: Vec<usize> = codes
                .iter()
                .map(|(c, _)| ((c - min) >> bits) as usize)
                .collect();
            used.dedup();
            (span >> bits) + 1 + ((used.len() + 1) << bits)
        };
        let Some(bits) = (2..=8).min_by_key(|&b| cost(b)) else {
            return CodeIndex::Sorted;
        };
        if cost(bits) > budget {
            return CodeIndex::Sorted;
        }
        let mut pages = vec![0; ((span - 1) >> bits) + 1];
        let mut slots = vec![None; 1 << bits];
        for (c, v) in &codes {
            let i = (c - min) as usize;
            let page = i >> bits;
            if pages[page] == 0 {
                pages[page] = slots.len() >> bits;
                slots.resize(slots.len() + (1 << bits), None);
            }
            slots[(pages[page] << bits) | (i & ((1 << bits) - 1))] = Some(*v);
        }
        CodeIndex::Paged {
            min,
            bits,
            pages,
            slots,
        }
    }
}

/// A list per code, stored flat: every list's items in one array, and where each starts.
struct Flat {
    items: Vec<TokenStream>,
    at: Vec<u32>,
}

impl Flat {
    fn of<L: IntoIterator<Item = TokenStream>>(lists: impl Iterator<Item = L>) -> Self {
        let mut flat = Flat {
            items: Vec::new(),
            at: vec![0],
        };
        for list in lists {
            flat.items.extend(list);
            flat.at
                .push(u32::try_from(flat.items.len()).expect("fewer than 2^32 items"));
        }
        flat
    }

    /// `static NAME: [ty; _]` with the items and `static NAME_AT: [u32; _]` with the starts.
    fn statics(&self, name: &Ident, ty: &TokenStream) -> TokenStream {
        let at_name = ident(&format!("{name}_AT"));
        let (items, at) = (&self.items, &self.at);
        let (len, at_len) = (
            Literal::usize_unsuffixed(items.len()),
            Literal::usize_unsuffixed(at.len()),
        );
        let at = at.iter().map(|a| Literal::u32_unsuffixed(*a));
        quote! {
            static #name: [#ty; #len] = [#(#items),*];
            static #at_name: [u32; #at_len] = [#(#at),*];
        }
    }
}

/// `from_name`: a hash table built here, probed with the same [`name_hash`] at run time. Its
/// slots point into the `NAMES` and `ALIASES` tables, so no name is written twice. Measured
/// (see `bench/`): several times faster than the binary search over names it replaced, and
/// than a `std` `HashMap`.
fn name_lookup(entries: &[(usize, &Entry)]) -> TokenStream {
    let n = entries.len();
    // Slot values: `i + 1` for the name of code `i`, `n + 1 + j` for alias `j` (in the flat
    // `ALIASES` order), 0 for an empty slot.
    let mut keys: Vec<(&str, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, (_, e))| (e.name.as_str(), i + 1))
        .collect();
    let mut owners = Vec::new();
    for (i, (_, e)) in entries.iter().enumerate() {
        for a in &e.aliases {
            keys.push((a, n + 1 + owners.len()));
            owners.push(i);
        }
    }
    // At most half full, so that probes stay short and every probe sequence ends at an empty
    // slot.
    let len = (2 * keys.len()).next_power_of_two().max(2);
    let mut slots = vec![0usize; len];
    for (name, value) in &keys {
        let mut at = name_hash(name) as usize & (len - 1);
        while slots[at] != 0 {
            at = (at + 1) & (len - 1);
        }
        slots[at] = *value;
    }
    let slot_ty = if keys.len() < usize::from(u16::MAX) {
        quote!(u16)
    } else {
        quote!(u32)
    };
    let len_lit = Literal::usize_unsuffixed(len);
    let slots = slots.iter().map(|s| Literal::usize_unsuffixed(*s));
    let n_lit = Literal::usize_unsuffixed(n);
    let candidate = if owners.is_empty() {
        quote!((NAMES[slot - 1], ALL[slot - 1]))
    } else {
        let count = Literal::usize_unsuffixed(owners.len());
        let owners = owners.iter().map(|o| Literal::usize_unsuffixed(*o));
        quote! {{
            /// The code each alias of `ALIASES` belongs to.
            static ALIAS_OWNERS: [#slot_ty; #count] = [#(#owners),*];
            if slot <= #n_lit {
                (NAMES[slot - 1], ALL[slot - 1])
            } else {
                let alias = slot - #n_lit - 1;
                (ALIASES[alias], ALL[ALIAS_OWNERS[alias] as usize])
            }
        }}
    };
    quote! {
        /// The code with this documented name or alias.
        pub fn from_name(name: &str) -> ::core::option::Option<Self> {
            /// A hash table over the names and aliases (open addressing, linear probing):
            /// `i + 1` for the name of `ALL[i]`, `n + 1 + j` for `ALIASES[j]` (`n` codes), or
            /// 0 for an empty slot.
            static SLOTS: [#slot_ty; #len_lit] = [#(#slots),*];
            let mask = SLOTS.len() - 1;
            let mut at = name_hash(name) as usize & mask;
            loop {
                let slot = SLOTS[at] as usize;
                if slot == 0 {
                    return None;
                }
                let (candidate, error) = #candidate;
                if candidate == name {
                    return Some(error);
                }
                at = (at + 1) & mask;
            }
        }
    }
}

/// The hash of a name for `from_name`'s table; the generated `name_hash` is the same function.
fn name_hash(name: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = name.len() as u64;
    let mut words = name.as_bytes().chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let mut last = 0;
    for (i, b) in words.remainder().iter().enumerate() {
        last |= u64::from(*b) << (8 * i);
    }
    (h.rotate_left(5) ^ last).wrapping_mul(K) >> 32
}

fn columns(catalog: &Catalog, entries: &[(usize, &Entry)]) -> TokenStream {
    let n = Literal::usize_unsuffixed(entries.len());
    let items = catalog.columns.iter().enumerate().map(|(c, column)| {
        let method = ident(&column.name);
        let table = ident(&ident::column_table_name(&column.name));
        let base = match column.kind {
            ColumnType::Bool => quote!(bool),
            ColumnType::Integer => quote!(i64),
            ColumnType::String => quote!(&'static str),
        };
        // In a `const`, `'static` is implied (and clippy flags it written out).
        let table_base = match column.kind {
            ColumnType::String => quote!(&str),
            _ => base.clone(),
        };
        let value = |v: &Value| match v {
            Value::Bool(b) => quote!(#b),
            Value::Integer(i) => {
                let i = Literal::i64_unsuffixed(*i);
                quote!(#i)
            }
            Value::String(s) => {
                let s = string(s);
                quote!(#s)
            }
        };
        let (ty, cells): (TokenStream, Vec<TokenStream>) = if column.default.is_some() {
            let cells = entries
                .iter()
                .map(|(_, e)| {
                    value(
                        e.columns[c]
                            .as_ref()
                            .or(column.default.as_ref())
                            .expect("default"),
                    )
                })
                .collect();
            (base.clone(), cells)
        } else {
            let cells = entries
                .iter()
                .map(|(_, e)| match &e.columns[c] {
                    Some(v) => {
                        let v = value(v);
                        quote!(::core::option::Option::Some(#v))
                    }
                    None => quote!(::core::option::Option::None),
                })
                .collect();
            (quote!(::core::option::Option<#base>), cells)
        };
        let table_ty = if column.default.is_some() {
            table_base
        } else {
            quote!(::core::option::Option<#table_base>)
        };
        let d = doc(column
            .description
            .as_deref()
            .unwrap_or(&format!("The `{}` column.", column.name)));
        quote! {
            #d
            #[inline]
            pub const fn #method(self) -> #ty {
                static #table: [#table_ty; #n] = [#(#cells),*];
                #table[self as usize]
            }
        }
    });
    quote!(#(#items)*)
}

fn sections(catalog: &Catalog, entries: &[(usize, &Entry)], idents: &[Ident]) -> TokenStream {
    let defs = catalog.sections.iter().zip(idents).map(|(s, id)| {
        let d = doc(&s.title);
        quote!(#d #id,)
    });
    let names = catalog.sections.iter().map(|s| string(&s.name));
    let titles = catalog.sections.iter().map(|s| string(&s.title));
    let descriptions = catalog
        .sections
        .iter()
        .map(|s| option_str(s.description.as_deref()));
    // A section's codes are consecutive in `ALL` (document order): only where each starts.
    let mut members_at = vec![0u32; catalog.sections.len() + 1];
    for (s, _) in entries {
        members_at[s + 1] += 1;
    }
    for i in 1..members_at.len() {
        members_at[i] += members_at[i - 1];
    }
    let members_len = Literal::usize_unsuffixed(members_at.len());
    let members_at = members_at.iter().map(|a| Literal::u32_unsuffixed(*a));
    let count = Literal::usize_unsuffixed(catalog.sections.len());
    quote! {
        /// The sections of the catalog, in document order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Section {
            #(#defs)*
        }

        impl Section {
            /// Every section, in document order.
            pub const ALL: &'static [Section] = &[#(Section::#idents),*];

            /// The section's UPPER_SNAKE name.
            #[inline]
            pub const fn name(self) -> &'static str {
                static NAMES: [&str; #count] = [#(#names),*];
                NAMES[self as usize]
            }

            /// The section's title.
            #[inline]
            pub const fn title(self) -> &'static str {
                static TITLES: [&str; #count] = [#(#titles),*];
                TITLES[self as usize]
            }

            /// The section's description, where the catalog gives one.
            #[inline]
            pub const fn description(self) -> ::core::option::Option<&'static str> {
                static DESCRIPTIONS: [::core::option::Option<&str>; #count] = [#(#descriptions),*];
                DESCRIPTIONS[self as usize]
            }

            /// The section's codes, in document order.
            #[inline]
            pub const fn errors(self) -> &'static [Error] {
                static MEMBERS_AT: [u32; #members_len] = [#(#members_at),*];
                part(&ALL, &MEMBERS_AT, self as usize)
            }
        }

        impl ::core::fmt::Display for Section {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.title())
            }
        }
    }
}

fn minors(entries: &[(usize, &Entry)], variants: &[Ident], codes: &Codes) -> TokenStream {
    let with_minors: Vec<(&Entry, &Ident)> = entries
        .iter()
        .zip(variants)
        .filter(|((_, e), _)| !e.minors.is_empty())
        .map(|((_, e), v)| (*e, v))
        .collect();
    if with_minors.is_empty() {
        return quote!();
    }
    // Every minor code's data lives in flat tables of the catalog module, each minor enum's
    // at `AT` on: this keeps the per-enum code small, which the generator's formatting pass
    // and rustc both pay for.
    let mut at = 0;
    let enums = with_minors.iter().map(|(e, v)| {
        let tokens = minor_enum(e, v, at);
        at += e.minors.len();
        tokens
    });
    let minor_count =
        Literal::usize_unsuffixed(with_minors.iter().map(|(e, _)| e.minors.len()).sum());
    let minor_codes = with_minors
        .iter()
        .flat_map(|(e, _)| e.minors.iter().map(|m| Literal::u32_unsuffixed(m.code)));
    let minor_details = with_minors.iter().flat_map(|(e, _)| {
        e.minors
            .iter()
            .map(|m| short_option_str(m.detail.as_deref()))
    });
    let minor_reactions = with_minors.iter().flat_map(|(e, _)| {
        e.minors
            .iter()
            .map(|m| short_option_str(m.effective_reaction(e)))
    });
    let minor_variants = with_minors
        .iter()
        .flat_map(|(e, _)| e.minors.iter().map(|m| string(&m.type_name())));
    let majors: Vec<&Ident> = with_minors.iter().map(|(_, v)| *v).collect();
    let major_docs = majors
        .iter()
        .map(|v| doc(&format!("A minor code of [`Error::{v}`].")));
    let Codes {
        ty: code_ty,
        param,
        constness,
        ..
    } = codes;
    quote! {
        /// Every minor code of every code, in document order.
        static MINOR_CODES: [u32; #minor_count] = [#(#minor_codes),*];
        static MINOR_DETAILS: [Option<&str>; #minor_count] = [#(#minor_details),*];
        static MINOR_REACTIONS: [Option<&str>; #minor_count] = [#(#minor_reactions),*];
        static MINOR_VARIANTS: [&str; #minor_count] = [#(#minor_variants),*];

        /// Minor-code enums, one for each code that has a minor-code table.
        pub mod minor {
            use super::Error;

            // The methods are the same for every minor enum but for the data's position:
            // written once here, they cost the generator's formatting pass and rustc's parser
            // one copy instead of one per code with minor codes.
            macro_rules! minor_methods {
                ($major:ident, $at:literal, [$($minor:ident),*]) => {
                    impl $major {
                        /// Every minor code, in document order.
                        pub const ALL: &'static [Self] = &[$(Self::$minor),*];
                        /// The code these minor codes belong to.
                        pub const ERROR: Error = Error::$major;
                        /// Where these minor codes start in the catalog's `MINOR_*` tables.
                        pub(super) const AT: usize = $at;

                        /// The minor code on the wire.
                        #[inline]
                        pub const fn code(self) -> u32 {
                            super::MINOR_CODES[Self::AT + self as usize]
                        }

                        /// What the document says the minor code means, where it says.
                        #[inline]
                        pub const fn detail(self) -> ::core::option::Option<&'static str> {
                            super::MINOR_DETAILS[Self::AT + self as usize]
                        }

                        /// What a client should do: the minor's own reaction, else its code's.
                        #[inline]
                        pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                            super::MINOR_REACTIONS[Self::AT + self as usize]
                        }

                        /// The minor code's variant, if the catalog documents it.
                        #[inline]
                        pub const fn from_code(code: u32) -> ::core::option::Option<Self> {
                            let mut i = 0;
                            while i < Self::ALL.len() {
                                if super::MINOR_CODES[Self::AT + i] == code {
                                    return ::core::option::Option::Some(Self::ALL[i]);
                                }
                                i += 1;
                            }
                            ::core::option::Option::None
                        }
                    }

                    impl ::core::fmt::Display for $major {
                        #[inline]
                        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            match self.detail() {
                                ::core::option::Option::Some(detail) => f.write_str(detail),
                                ::core::option::Option::None => f.write_str(Self::ERROR.message()),
                            }
                        }
                    }
                };
            }

            #(#enums)*
        }

        /// A known minor code of any code, as one value.
        // `Debug` is written out below, from tables, like `Error`'s.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Minor {
            #(
                #major_docs
                #majors(minor::#majors),
            )*
        }

        // One arm per code with minor codes, in three methods and a `From` impl each: written
        // once as a macro, instantiated with the list of those codes.
        macro_rules! minor_dispatch {
            ($($major:ident),*) => {
                impl Minor {
                    /// The major code the minor belongs to.
                    pub const fn error(self) -> Error {
                        match self {
                            $(Minor::$major(_) => Error::$major,)*
                        }
                    }

                    /// Where the minor code is in the flat minor tables.
                    const fn index(self) -> usize {
                        match self {
                            $(Minor::$major(m) => minor::$major::AT + m as usize,)*
                        }
                    }

                    /// The documented minor `minor` of `error`, if there is one.
                    pub const fn from_codes(error: Error, minor: u32) -> ::core::option::Option<Self> {
                        match error {
                            $(
                                Error::$major => match minor::$major::from_code(minor) {
                                    Some(m) => Some(Minor::$major(m)),
                                    None => None,
                                },
                            )*
                            _ => None,
                        }
                    }
                }

                $(
                    impl ::core::convert::From<minor::$major> for Minor {
                        #[inline]
                        fn from(m: minor::$major) -> Self {
                            Minor::$major(m)
                        }
                    }
                )*
            };
        }

        minor_dispatch!(#(#majors),*);

        impl Minor {
            /// The minor code on the wire.
            #[inline]
            pub const fn code(self) -> u32 {
                MINOR_CODES[self.index()]
            }

            /// What the document says the minor code means, where it says.
            #[inline]
            pub const fn detail(self) -> ::core::option::Option<&'static str> {
                MINOR_DETAILS[self.index()]
            }

            /// What a client should do: the minor's own reaction, else its code's.
            #[inline]
            pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                MINOR_REACTIONS[self.index()]
            }
        }

        /// Writes `Major(Minor)`, as `#[derive(Debug)]` would.
        impl ::core::fmt::Debug for Minor {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_tuple(VARIANTS[self.error() as usize])
                    .field(&::core::format_args!("{}", MINOR_VARIANTS[self.index()]))
                    .finish()
            }
        }

        /// The detail, else the code's message, as each minor enum's `Display`.
        impl ::core::fmt::Display for Minor {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.detail() {
                    Some(detail) => f.write_str(detail),
                    None => f.write_str(self.error().message()),
                }
            }
        }

        /// A code with its minor code, as carried on the wire. A minor code that the catalog
        /// does not document is kept as it is, not rejected.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Detailed {
            error: Error,
            minor: u32,
        }

        impl Detailed {
            /// `error` with minor code `minor`, documented or not.
            #[inline]
            pub const fn new(error: Error, minor: u32) -> Self {
                Detailed { error, minor }
            }

            /// Reads a (major, minor) pair from the wire. Fails only if the major code is unknown.
            #[inline]
            pub #constness fn from_wire(major: #param, minor: u32) -> ::core::result::Result<Self, UnknownCode> {
                match Error::from_code(major) {
                    ::core::option::Option::Some(error) => ::core::result::Result::Ok(Detailed { error, minor }),
                    ::core::option::Option::None => ::core::result::Result::Err(UnknownCode { catalog: NAME }),
                }
            }

            /// The (major, minor) pair to put on the wire.
            #[inline]
            pub const fn to_wire(self) -> (#code_ty, u32) {
                (self.error.code(), self.minor)
            }

            /// The major code.
            #[inline]
            pub const fn error(self) -> Error {
                self.error
            }

            /// The minor code, documented or not.
            #[inline]
            pub const fn minor_code(self) -> u32 {
                self.minor
            }

            /// The minor code as a typed value, if the catalog documents it.
            #[inline]
            pub const fn minor(self) -> ::core::option::Option<Minor> {
                Minor::from_codes(self.error, self.minor)
            }

            /// The documented detail of the minor code, if any.
            #[inline]
            pub const fn detail(self) -> ::core::option::Option<&'static str> {
                match self.minor() {
                    ::core::option::Option::Some(m) => m.detail(),
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            /// What a client should do: the minor's reaction, else the code's.
            #[inline]
            pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                match self.minor() {
                    ::core::option::Option::Some(m) => m.reaction(),
                    ::core::option::Option::None => self.error.reaction(),
                }
            }
        }

        impl ::core::convert::From<Minor> for Detailed {
            #[inline]
            fn from(m: Minor) -> Self {
                Detailed::new(m.error(), m.code())
            }
        }

        impl ::core::fmt::Display for Detailed {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.error.message())?;
                match self.detail() {
                    ::core::option::Option::Some(detail) => {
                        f.write_str(": ")?;
                        f.write_str(detail)
                    }
                    ::core::option::Option::None => ::core::write!(f, " (minor {})", self.minor),
                }
            }
        }

        impl ::std::error::Error for Detailed {}
    }
}

/// The enum of `entry`'s minor codes, whose data is at `at` on in the catalog module's
/// `MINOR_*` tables.
fn minor_enum(entry: &Entry, major: &Ident, at: usize) -> TokenStream {
    let variants: Vec<Ident> = entry.minors.iter().map(|m| ident(&m.type_name())).collect();
    let defs = entry.minors.iter().zip(&variants).map(|(m, v)| {
        let mut text = format!("Minor code {}", m.code);
        if let Some(d) = &m.detail {
            text.push_str(&format!(": {d}"));
        }
        if let Some(r) = m.effective_reaction(entry) {
            text.push_str(&format!("\n\nReaction: {r}"));
        }
        let d = doc(&text);
        quote!(#d #v,)
    });
    let at = Literal::usize_unsuffixed(at);
    let d = doc(&format!(
        "The minor codes of [`Error::{major}`] (`{}`).",
        entry.name
    ));
    quote! {
        #d
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #major {
            #(#defs)*
        }

        minor_methods!(#major, #at, [#(#variants),*]);
    }
}

fn module_doc(catalog: &Catalog) -> String {
    use super::markdown::{code_span, escape, escape_prose, source};
    let mut s = format!(
        "{}\n\nSource: {}\n",
        escape_prose(&catalog.title),
        source(&catalog.source)
    );
    if let Some(d) = &catalog.description {
        s.push_str(&format!("\n{}\n", escape_prose(d)));
    }
    if let Some(n) = &catalog.note {
        s.push_str(&format!("\n**Note:** {}\n", escape_prose(n)));
    }
    s.push_str(&format!(
        "\n{} codes in {} sections; {} minor codes. Default HTTP status {}.\n",
        catalog.entry_count(),
        catalog.sections.len(),
        catalog.minor_count(),
        catalog.status
    ));
    for section in &catalog.sections {
        // The docs of a module are read in the scope the module is declared in.
        let (title, module, ty) = (escape(&section.title), &catalog.module, section.type_name());
        s.push_str(&format!(
            "\n## {title}\n\n[`Section::{ty}`]({module}::Section::{ty})\n"
        ));
        if let Some(d) = &section.description {
            s.push_str(&format!("\n{}\n", escape_prose(d)));
        }
        s.push_str("\n| Code | Name | Status | Message |\n| ---: | --- | ---: | --- |\n");
        for e in &section.entries {
            s.push_str(&format!(
                "| {} | [`{}`]({}::Error::{}){} | {} | {} |\n",
                code_span(&e.code.to_string()),
                e.name,
                catalog.module,
                e.type_name(),
                if e.deprecated.is_some() {
                    " (deprecated)"
                } else {
                    ""
                },
                e.status,
                escape(&e.message.text(&e.placeholders))
            ));
        }
    }
    s
}

fn variant_doc(catalog: &Catalog, e: &Entry) -> String {
    use super::markdown::{code_span, escape, escape_prose};
    let mut s = format!(
        "{} `{}`, HTTP {}: {}\n",
        code_span(&e.code.to_string()),
        e.name,
        e.status,
        escape(&e.message.text(&e.placeholders))
    );
    if let Some(d) = &e.description {
        s.push_str(&format!("\n{}\n", escape_prose(d)));
    }
    if !e.aliases.is_empty() {
        let aliases: Vec<String> = e.aliases.iter().map(|a| format!("`{a}`")).collect();
        s.push_str(&format!("\nAlso documented as {}.\n", aliases.join(", ")));
    }
    if !e.placeholders.is_empty() {
        s.push_str("\nPlaceholders, in the order [`Error::render`] takes them:\n\n");
        for p in &e.placeholders {
            s.push_str(&format!("- `{{{}}}`", p.name));
            if let Some(d) = &p.description {
                s.push_str(&format!(": {}", escape(d)));
            }
            if let Some(x) = &p.example {
                s.push_str(&format!(" Example: {}.", escape(x)));
            }
            if let Some(x) = &p.documented {
                s.push_str(&format!(" The document writes it {}.", escape(x)));
            }
            s.push('\n');
        }
    }
    let columns: Vec<String> = catalog
        .columns
        .iter()
        .zip(&e.columns)
        .filter_map(|(column, v)| {
            let v = v.as_ref()?;
            let v = match v {
                Value::String(text) => escape(text),
                v => format!("`{v}`"),
            };
            Some(format!("- `{}`: {v}\n", column.name))
        })
        .collect();
    if !columns.is_empty() {
        s.push('\n');
        s.push_str(&columns.concat());
    }
    if let Some(r) = &e.reaction {
        s.push_str(&format!("\n**Reaction:** {}\n", escape_prose(r)));
    }
    if !e.minors.is_empty() {
        s.push_str(&format!(
            "\nMinor codes ([`minor::{}`]):\n\n| Minor | Detail | Reaction |\n| ---: | --- | --- |\n",
            e.type_name()
        ));
        for m in &e.minors {
            s.push_str(&format!(
                "| {} | {} | {} |\n",
                m.code,
                m.detail.as_deref().map_or_else(String::new, escape),
                m.effective_reaction(e).map_or_else(String::new, escape)
            ));
        }
    }
    if let Some(n) = &e.note {
        s.push_str(&format!("\n**Note:** {}\n", escape_prose(n)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_for(codes: &[u32]) -> (String, usize) {
        let codes: Vec<Code> = codes.iter().map(|c| Code::Integer(*c)).collect();
        let idents: Vec<Ident> = (0..codes.len()).map(|i| ident(&format!("V{i}"))).collect();
        let by_code: Vec<(&Code, &Ident)> = codes.iter().zip(&idents).collect();
        match CodeIndex::of(&by_code) {
            CodeIndex::Dense { min, slots } => {
                for (c, v) in &by_code {
                    let Code::Integer(c) = c else { unreachable!() };
                    assert_eq!(slots[(c - min) as usize], Some(*v));
                }
                ("dense".into(), slots.len())
            }
            CodeIndex::Paged {
                min,
                bits,
                pages,
                slots,
            } => {
                assert!(
                    slots[..1 << bits].iter().all(Option::is_none),
                    "page 0 is empty"
                );
                for (c, v) in &by_code {
                    let Code::Integer(c) = c else { unreachable!() };
                    let i = (c - min) as usize;
                    let at = (pages[i >> bits] << bits) | (i & ((1 << bits) - 1));
                    assert_eq!(slots[at], Some(*v), "code {c}");
                }
                let filled = slots.iter().filter(|s| s.is_some()).count();
                assert_eq!(filled, codes.len(), "every code once, nothing else");
                ("paged".into(), slots.len() + pages.len())
            }
            CodeIndex::Sorted => ("sorted".into(), codes.len()),
        }
    }

    #[test]
    fn contiguous_codes_get_a_dense_table() {
        let codes: Vec<u32> = (100..400).filter(|c| c % 10 != 9).collect();
        assert_eq!(index_for(&codes), ("dense".into(), 299));
    }

    #[test]
    fn codes_in_runs_get_pages_within_the_allowance() {
        // Runs of codes far apart, like the messenger catalog's 1xx, 2xx, 9xxx and 101xx.
        let mut codes: Vec<u32> = (1..=10).collect();
        codes.extend(100..=234);
        codes.extend(9000..=9016);
        codes.extend(10100..=10174);
        let (kind, size) = index_for(&codes);
        assert_eq!(kind, "paged");
        assert!(size <= CodeIndex::SLOTS_PER_CODE * codes.len() + CodeIndex::SLOTS_EXTRA);
    }

    #[test]
    fn scattered_and_string_codes_get_a_binary_search() {
        assert_eq!(index_for(&[400_000, 450_000, 500_001]).0, "sorted");
        assert_eq!(index_for(&[7, u32::MAX]).0, "sorted");
        let code = Code::String("E1".into());
        let v = ident("E1");
        assert_eq!(CodeIndex::of(&[(&code, &v)]), CodeIndex::Sorted);
    }
}
