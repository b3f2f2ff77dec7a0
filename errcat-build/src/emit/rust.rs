//! Stage 3a: the validated model to Rust tokens.
//!
//! Per entry data lives in `const` tables indexed by the variant (`self as usize`), so every
//! accessor is a `const fn` that compiles to one load, and lookups by code or name are binary
//! searches over sorted static tables: nothing is built at run time and nothing allocates.

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
            pub const fn new(pieces: &'static [Piece], args: &'a [&'a dyn ::core::fmt::Display]) -> Self {
                Rendered { pieces, args }
            }
        }

        impl ::core::fmt::Display for Rendered<'_> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                for piece in self.pieces {
                    match *piece {
                        Piece::Text(text) => f.write_str(text)?,
                        Piece::Placeholder { index, name } => match self.args.get(index) {
                            ::core::option::Option::Some(arg) => ::core::fmt::Display::fmt(arg, f)?,
                            ::core::option::Option::None => {
                                f.write_str("{")?;
                                f.write_str(name)?;
                                f.write_str("}")?;
                            }
                        },
                    }
                }
                ::core::result::Result::Ok(())
            }
        }

        impl ::core::fmt::Debug for Rendered<'_> {
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
    let name_count = Literal::usize_unsuffixed(by_name_len(&entries));
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
        .map(|(_, e)| option_str(e.description.as_deref()));
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
        .map(|(_, e)| option_str(e.reaction.as_deref()));
    let deprecation_table = entries
        .iter()
        .map(|(_, e)| option_str(e.deprecated.as_deref()));
    let alias_table = entries.iter().map(|(_, e)| {
        let aliases = e.aliases.iter().map(|a| string(a));
        quote!(&[#(#aliases),*])
    });
    let placeholder_table = entries.iter().map(|(_, e)| {
        let names = e.placeholders.iter().map(|p| string(&p.name));
        quote!(&[#(#names),*])
    });
    let template_table = entries.iter().map(|(_, e)| {
        let pieces = e.message.segments.iter().map(|s| match s {
            Segment::Text(t) => {
                let t = string(t);
                quote!(Piece::Text(#t))
            }
            Segment::Placeholder(i) => {
                let index = Literal::usize_unsuffixed(*i);
                let name = string(&e.placeholders[*i].name);
                quote!(Piece::Placeholder { index: #index, name: #name })
            }
        });
        quote!(&[#(#pieces),*])
    });

    let mut by_code: Vec<(&Code, &Ident)> = entries
        .iter()
        .zip(&variants)
        .map(|((_, e), v)| (&e.code, v))
        .collect();
    by_code.sort_by(|a, b| a.0.cmp(b.0));
    let by_code = by_code.iter().map(|(c, v)| {
        let c = code_literal(c);
        quote!((#c, Error::#v))
    });

    let mut by_name: Vec<(&str, &Ident)> = Vec::new();
    for ((_, e), v) in entries.iter().zip(&variants) {
        by_name.push((&e.name, v));
        for a in &e.aliases {
            by_name.push((a, v));
        }
    }
    by_name.sort_by(|a, b| a.0.cmp(b.0));
    let by_name = by_name.iter().map(|(name, v)| {
        let name = string(name);
        quote!((#name, Error::#v))
    });

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
    let lookup = lookup(&codes);
    let columns = columns(catalog, &entries);
    let sections = sections(catalog, &entries, &section_idents, &variants);
    let minors = minors(&entries, &variants, &codes);
    let wire = super::wire::module_items(catalog);
    let try_from = match catalog.code_kind {
        CodeKind::Integer => quote! {
            impl ::core::convert::TryFrom<u32> for Error {
                type Error = UnknownCode;
                fn try_from(code: u32) -> ::core::result::Result<Self, UnknownCode> {
                    Error::from_code(code).ok_or(UnknownCode { catalog: NAME })
                }
            }

            impl ::core::convert::From<Error> for u32 {
                fn from(error: Error) -> u32 {
                    error.code()
                }
            }
        },
        CodeKind::String => quote! {
            impl<'a> ::core::convert::TryFrom<&'a str> for Error {
                type Error = UnknownCode;
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
            #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            pub enum Error {
                #(#variant_defs)*
            }

            const CODES: [#table_ty; #n] = [#(#code_table),*];
            const NAMES: [&str; #n] = [#(#name_table),*];
            const MESSAGES: [&str; #n] = [#(#message_table),*];
            const DESCRIPTIONS: [::core::option::Option<&str>; #n] = [#(#description_table),*];
            const STATUSES: [u16; #n] = [#(#status_table),*];
            const SECTIONS: [Section; #n] = [#(Section::#section_table),*];
            const REACTIONS: [::core::option::Option<&str>; #n] = [#(#reaction_table),*];
            const DEPRECATIONS: [::core::option::Option<&str>; #n] = [#(#deprecation_table),*];
            const ALIASES: [&[&str]; #n] = [#(#alias_table),*];
            const PLACEHOLDERS: [&[&str]; #n] = [#(#placeholder_table),*];
            const TEMPLATES: [&[Piece]; #n] = [#(#template_table),*];
            /// Every code with its variant, sorted by code.
            const BY_CODE: [(#table_ty, Error); #n] = [#(#by_code),*];
            /// Every name and alias with its variant, sorted by name.
            const BY_NAME: [(&str, Error); #name_count] = [#(#by_name),*];

            impl Error {
                /// Every code, in document order.
                pub const ALL: &'static [Error] = &[#(Error::#variants),*];

                #(#alias_consts)*

                /// The code on the wire.
                pub const fn code(self) -> #code_ty {
                    CODES[self as usize]
                }

                /// The documented name, such as `USER_NOT_FOUND`.
                pub const fn name(self) -> &'static str {
                    NAMES[self as usize]
                }

                /// The documented message; placeholders appear as `{name}`.
                pub const fn message(self) -> &'static str {
                    MESSAGES[self as usize]
                }

                /// The longer description, where the catalog gives one.
                pub const fn description(self) -> ::core::option::Option<&'static str> {
                    DESCRIPTIONS[self as usize]
                }

                /// The HTTP status the error is returned with.
                pub const fn http_status(self) -> u16 {
                    STATUSES[self as usize]
                }

                /// The section of the catalog the code belongs to.
                pub const fn section(self) -> Section {
                    SECTIONS[self as usize]
                }

                /// What a client should do, where the catalog says.
                pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                    REACTIONS[self as usize]
                }

                /// Why the code is deprecated, if it is.
                pub const fn deprecation(self) -> ::core::option::Option<&'static str> {
                    DEPRECATIONS[self as usize]
                }

                /// Whether the code is deprecated (no longer emitted).
                pub const fn is_deprecated(self) -> bool {
                    DEPRECATIONS[self as usize].is_some()
                }

                /// Other documented names of the code.
                pub const fn aliases(self) -> &'static [&'static str] {
                    ALIASES[self as usize]
                }

                /// The names of the message's placeholders, in the order `render` takes them.
                pub const fn placeholders(self) -> &'static [&'static str] {
                    PLACEHOLDERS[self as usize]
                }

                /// The message as pieces of text and placeholders.
                pub const fn template(self) -> &'static [Piece] {
                    TEMPLATES[self as usize]
                }

                /// The message with `args` in place of its placeholders, in declaration order.
                /// Writing it allocates nothing.
                pub const fn render<'a>(self, args: &'a [&'a dyn ::core::fmt::Display]) -> Rendered<'a> {
                    Rendered::new(TEMPLATES[self as usize], args)
                }

                #lookup

                /// The code with this documented name or alias.
                pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                    match BY_NAME.binary_search_by(|(n, _)| (*n).cmp(name)) {
                        ::core::result::Result::Ok(i) => ::core::option::Option::Some(BY_NAME[i].1),
                        ::core::result::Result::Err(_) => ::core::option::Option::None,
                    }
                }

                #columns
            }

            impl ::core::fmt::Display for Error {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.message())
                }
            }

            impl ::std::error::Error for Error {}

            impl ::core::str::FromStr for Error {
                type Err = UnknownName;
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

fn lookup(codes: &Codes) -> TokenStream {
    let Codes {
        param, constness, ..
    } = codes;
    quote! {
        /// The code's variant, if the catalog lists it.
        pub #constness fn from_code(code: #param) -> ::core::option::Option<Self> {
            let mut lo = 0;
            let mut hi = BY_CODE.len();
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                let (c, error) = BY_CODE[mid];
                if c == code {
                    return ::core::option::Option::Some(error);
                }
                if c < code {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            ::core::option::Option::None
        }
    }
}

fn by_name_len(entries: &[(usize, &Entry)]) -> usize {
    entries.iter().map(|(_, e)| 1 + e.aliases.len()).sum()
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
            pub const fn #method(self) -> #ty {
                const #table: [#table_ty; #n] = [#(#cells),*];
                #table[self as usize]
            }
        }
    });
    quote!(#(#items)*)
}

fn sections(
    catalog: &Catalog,
    entries: &[(usize, &Entry)],
    idents: &[Ident],
    variants: &[Ident],
) -> TokenStream {
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
    let members = catalog.sections.iter().enumerate().map(|(i, _)| {
        let vs = entries
            .iter()
            .zip(variants)
            .filter(|((s, _), _)| *s == i)
            .map(|(_, v)| v);
        quote!(&[#(Error::#vs),*])
    });
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
            pub const fn name(self) -> &'static str {
                const NAMES: [&str; #count] = [#(#names),*];
                NAMES[self as usize]
            }

            /// The section's title.
            pub const fn title(self) -> &'static str {
                const TITLES: [&str; #count] = [#(#titles),*];
                TITLES[self as usize]
            }

            /// The section's description, where the catalog gives one.
            pub const fn description(self) -> ::core::option::Option<&'static str> {
                const DESCRIPTIONS: [::core::option::Option<&str>; #count] = [#(#descriptions),*];
                DESCRIPTIONS[self as usize]
            }

            /// The section's codes, in document order.
            pub const fn errors(self) -> &'static [Error] {
                const MEMBERS: [&[Error]; #count] = [#(#members),*];
                MEMBERS[self as usize]
            }
        }

        impl ::core::fmt::Display for Section {
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
    let enums = with_minors.iter().map(|(e, v)| minor_enum(e, v));
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
        /// Minor-code enums, one for each code that has a minor-code table.
        pub mod minor {
            use super::Error;
            #(#enums)*
        }

        /// A known minor code of any code, as one value.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Minor {
            #(
                #major_docs
                #majors(minor::#majors),
            )*
        }

        impl Minor {
            /// The major code the minor belongs to.
            pub const fn error(self) -> Error {
                match self {
                    #(Minor::#majors(_) => Error::#majors,)*
                }
            }

            /// The minor code on the wire.
            pub const fn code(self) -> u32 {
                match self {
                    #(Minor::#majors(m) => m.code(),)*
                }
            }

            /// What the document says the minor code means, where it says.
            pub const fn detail(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Minor::#majors(m) => m.detail(),)*
                }
            }

            /// What a client should do: the minor's own reaction, else its code's.
            pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Minor::#majors(m) => m.reaction(),)*
                }
            }

            /// The documented minor `minor` of `error`, if there is one.
            pub const fn from_codes(error: Error, minor: u32) -> ::core::option::Option<Self> {
                match error {
                    #(
                        Error::#majors => match minor::#majors::from_code(minor) {
                            ::core::option::Option::Some(m) => ::core::option::Option::Some(Minor::#majors(m)),
                            ::core::option::Option::None => ::core::option::Option::None,
                        },
                    )*
                    _ => ::core::option::Option::None,
                }
            }
        }

        #(
            impl ::core::convert::From<minor::#majors> for Minor {
                fn from(m: minor::#majors) -> Self {
                    Minor::#majors(m)
                }
            }
        )*

        impl ::core::fmt::Display for Minor {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(Minor::#majors(m) => ::core::fmt::Display::fmt(m, f),)*
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
            pub const fn new(error: Error, minor: u32) -> Self {
                Detailed { error, minor }
            }

            /// Reads a (major, minor) pair from the wire. Fails only if the major code is unknown.
            pub #constness fn from_wire(major: #param, minor: u32) -> ::core::result::Result<Self, UnknownCode> {
                match Error::from_code(major) {
                    ::core::option::Option::Some(error) => ::core::result::Result::Ok(Detailed { error, minor }),
                    ::core::option::Option::None => ::core::result::Result::Err(UnknownCode { catalog: NAME }),
                }
            }

            /// The (major, minor) pair to put on the wire.
            pub const fn to_wire(self) -> (#code_ty, u32) {
                (self.error.code(), self.minor)
            }

            /// The major code.
            pub const fn error(self) -> Error {
                self.error
            }

            /// The minor code, documented or not.
            pub const fn minor_code(self) -> u32 {
                self.minor
            }

            /// The minor code as a typed value, if the catalog documents it.
            pub const fn minor(self) -> ::core::option::Option<Minor> {
                Minor::from_codes(self.error, self.minor)
            }

            /// The documented detail of the minor code, if any.
            pub const fn detail(self) -> ::core::option::Option<&'static str> {
                match self.minor() {
                    ::core::option::Option::Some(m) => m.detail(),
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }

            /// What a client should do: the minor's reaction, else the code's.
            pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                match self.minor() {
                    ::core::option::Option::Some(m) => m.reaction(),
                    ::core::option::Option::None => self.error.reaction(),
                }
            }
        }

        impl ::core::convert::From<Minor> for Detailed {
            fn from(m: Minor) -> Self {
                Detailed::new(m.error(), m.code())
            }
        }

        impl ::core::fmt::Display for Detailed {
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

fn minor_enum(entry: &Entry, major: &Ident) -> TokenStream {
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
    let codes: Vec<Literal> = entry
        .minors
        .iter()
        .map(|m| Literal::u32_unsuffixed(m.code))
        .collect();
    let details = entry.minors.iter().map(|m| option_str(m.detail.as_deref()));
    let reactions = entry
        .minors
        .iter()
        .map(|m| option_str(m.effective_reaction(entry)));
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

        impl #major {
            /// Every minor code, in document order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];
            /// The code these minor codes belong to.
            pub const ERROR: Error = Error::#major;

            /// The minor code on the wire.
            pub const fn code(self) -> u32 {
                match self {
                    #(Self::#variants => #codes,)*
                }
            }

            /// What the document says the minor code means, where it says.
            pub const fn detail(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#variants => #details,)*
                }
            }

            /// What a client should do: the minor's own reaction, else its code's.
            pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                match self {
                    #(Self::#variants => #reactions,)*
                }
            }

            /// The minor code's variant, if the catalog documents it.
            pub const fn from_code(code: u32) -> ::core::option::Option<Self> {
                match code {
                    #(#codes => ::core::option::Option::Some(Self::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl ::core::fmt::Display for #major {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.detail() {
                    ::core::option::Option::Some(detail) => f.write_str(detail),
                    ::core::option::Option::None => f.write_str(Error::#major.message()),
                }
            }
        }
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
