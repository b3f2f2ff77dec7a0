//! Minor codes: one enum per code that has a minor-code table, the `Minor` enum over all of
//! them, and `Detailed` (a code with its minor code, as the wire carries it).

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::code_index::{Codes, code_literal};
use super::tokens::{doc, ident, optional_texts, optional_texts_doc, string, template};
use crate::model::{CodeKind, Entry};

/// The Rust types of a catalog's minor codes: `u32`, or `&'static str` for string minor codes
/// (a decline reason such as `insufficient_funds`).
pub(super) struct MinorCodes {
    pub(super) kind: CodeKind,
    /// What `code()` returns.
    pub(super) ty: TokenStream,
    /// A minor code in a `static` table.
    pub(super) table_ty: TokenStream,
    /// The argument of `from_code`.
    pub(super) param: TokenStream,
    /// `const` where the lookups can be `const fn`s.
    pub(super) constness: TokenStream,
    /// A minor code as a body or a failure holds it: documented or not, as received.
    pub(super) owned: TokenStream,
}

impl MinorCodes {
    pub(super) fn of(kind: CodeKind) -> Self {
        match kind {
            CodeKind::Integer => MinorCodes {
                kind,
                ty: quote!(u32),
                table_ty: quote!(u32),
                param: quote!(u32),
                constness: quote!(const),
                owned: quote!(u32),
            },
            CodeKind::String => MinorCodes {
                kind,
                ty: quote!(&'static str),
                table_ty: quote!(&str),
                param: quote!(&str),
                constness: quote!(),
                owned: quote!(::std::borrow::Cow<'static, str>),
            },
        }
    }
}

pub(super) fn minors(
    entries: &[(usize, &Entry)],
    variants: &[Ident],
    codes: &Codes,
    minor_kind: CodeKind,
) -> TokenStream {
    let minor_codes_of = MinorCodes::of(minor_kind);
    let MinorCodes {
        ty: minor_ty,
        table_ty: minor_table_ty,
        param: minor_param,
        constness: minor_const,
        ..
    } = &minor_codes_of;
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
    // The flat tables, filled in one loop: iterator adapters over closures would each be
    // generic code for rustc to compile into errcat-build.
    let (mut minor_codes, mut minor_variants) = (Vec::new(), Vec::new());
    let (mut minor_details, mut minor_reactions) = (Vec::new(), Vec::new());
    for (e, _) in &with_minors {
        for m in &e.minors {
            minor_codes.push(code_literal(&m.code));
            minor_details.push(m.detail.as_deref());
            minor_reactions.push(m.effective_reaction(e));
            minor_variants.push(string(&m.type_name()));
        }
    }
    let minor_count = Literal::usize_unsuffixed(minor_codes.len());
    let minor_details = optional_texts(&minor_details);
    let minor_reactions = optional_texts(&minor_reactions);
    let optional_doc = optional_texts_doc();
    let majors: Vec<&Ident> = with_minors.iter().map(|(_, v)| *v).collect();
    let major_docs = majors
        .iter()
        .map(|v| doc(&format!("A minor code of [`Error::{v}`].")));
    let detailed = detailed(codes, &minor_codes_of);
    let minor_codes = quote!(#(#minor_codes),*);
    let minor_details = quote!(#(#minor_details),*);
    let minor_reactions = quote!(#(#minor_reactions),*);
    let minor_variants = quote!(#(#minor_variants),*);
    let enums = quote!(#(#enums)*);
    let major_docs_list = quote!(#( #major_docs #majors(minor::#majors), )*);
    let majors_list = quote!(#(#majors),*);
    template(
        r##"
        /// Every minor code of every code, in document order.
        static MINOR_CODES: [#minor_table_ty; #minor_count] = [#minor_codes];
        #optional_doc
        static MINOR_DETAILS: [&str; #minor_count] = [#minor_details];
        #optional_doc
        static MINOR_REACTIONS: [&str; #minor_count] = [#minor_reactions];
        static MINOR_VARIANTS: [&str; #minor_count] = [#minor_variants];

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
                        pub const fn code(self) -> #minor_ty {
                            super::MINOR_CODES[Self::AT + self as usize]
                        }

                        /// What the document says the minor code means, where it says.
                        #[inline]
                        pub const fn detail(self) -> ::core::option::Option<&'static str> {
                            ::errcat::optional(super::MINOR_DETAILS[Self::AT + self as usize])
                        }

                        /// What a client should do: the minor's own reaction, else its code's.
                        #[inline]
                        pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                            ::errcat::optional(super::MINOR_REACTIONS[Self::AT + self as usize])
                        }

                        /// The minor code's variant, if the catalog documents it.
                        #[inline]
                        pub #minor_const fn from_code(code: #minor_param) -> ::core::option::Option<Self> {
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

                    // Equality, hashing and `Debug` of a fieldless enum, as `#[derive]` would
                    // write them (by position, and the variant's name), here once: the derives
                    // on every minor enum were a fifth of a large catalog's compile time. Each
                    // impl costs: no ordering (7 % of the compile at 1 000 codes, counted by
                    // bench/instructions), for an order, the document's, that no protocol gives
                    // minor codes; and `Display` only on `Minor` (6 % more), which prints any.
                    impl ::core::fmt::Debug for $major {
                        #[inline]
                        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            f.write_str(super::MINOR_VARIANTS[Self::AT + *self as usize])
                        }
                    }

                    impl ::core::cmp::PartialEq for $major {
                        #[inline]
                        fn eq(&self, other: &Self) -> bool {
                            *self as usize == *other as usize
                        }
                    }

                    impl ::core::cmp::Eq for $major {}

                    impl ::core::hash::Hash for $major {
                        #[inline]
                        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                            ::core::hash::Hash::hash(&(*self as usize), state)
                        }
                    }
                };
            }

            #enums
        }

        /// A known minor code of any code, as one value.
        // `Debug` is written out below, from tables, like `Error`'s.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Minor {
            #major_docs_list
        }

        // One arm per code with minor codes, in three methods and a `From` impl each: written
        // once as a macro, instantiated with the list of those codes.
        macro_rules! minor_dispatch {
            ($($major:ident),*) => {
                impl Minor {
                    /// The major code the minor belongs to.
                    #[inline]
                    pub const fn error(self) -> Error {
                        match self {
                            $(Minor::$major(_) => Error::$major,)*
                        }
                    }

                    /// Where the minor code is in the flat minor tables.
                    #[inline]
                    const fn index(self) -> usize {
                        match self {
                            $(Minor::$major(m) => minor::$major::AT + m as usize,)*
                        }
                    }

                    /// The documented minor `minor` of `error`, if there is one.
                    #[inline]
                    pub #minor_const fn from_codes(error: Error, minor: #minor_param) -> ::core::option::Option<Self> {
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

        minor_dispatch!(#majors_list);

        impl Minor {
            /// The minor code on the wire.
            #[inline]
            pub const fn code(self) -> #minor_ty {
                MINOR_CODES[self.index()]
            }

            /// What the document says the minor code means, where it says.
            #[inline]
            pub const fn detail(self) -> ::core::option::Option<&'static str> {
                ::errcat::optional(MINOR_DETAILS[self.index()])
            }

            /// What a client should do: the minor's own reaction, else its code's.
            #[inline]
            pub const fn reaction(self) -> ::core::option::Option<&'static str> {
                ::errcat::optional(MINOR_REACTIONS[self.index()])
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

        /// The detail, else the code's message.
        impl ::core::fmt::Display for Minor {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.detail() {
                    Some(detail) => f.write_str(detail),
                    None => f.write_str(self.error().message()),
                }
            }
        }

        #detailed
    "##,
        &[
            ("minor_table_ty", &minor_table_ty),
            ("minor_count", &minor_count),
            ("minor_codes", &minor_codes),
            ("optional_doc", &optional_doc),
            ("minor_details", &minor_details),
            ("minor_reactions", &minor_reactions),
            ("minor_variants", &minor_variants),
            ("minor_ty", &minor_ty),
            ("minor_const", &minor_const),
            ("minor_param", &minor_param),
            ("enums", &enums),
            ("major_docs_list", &major_docs_list),
            ("majors_list", &majors_list),
            ("detailed", &detailed),
        ],
    )
}

/// `Detailed`, a code with its minor code (documented or not), as the wire carries it.
fn detailed(codes: &Codes, minors: &MinorCodes) -> TokenStream {
    // What `Detailed` has whatever the type of its minor codes.
    let shared = quote! {
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
    };
    let Codes {
        ty: code_ty,
        param,
        constness,
        ..
    } = codes;
    if minors.kind == CodeKind::Integer {
        return template(
            r##"
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
            pub #constness fn from_wire(major: #param, minor: u32) -> ::core::result::Result<Self, ::errcat::UnknownCode> {
                match Error::from_code(major) {
                    ::core::option::Option::Some(error) => ::core::result::Result::Ok(Detailed { error, minor }),
                    ::core::option::Option::None => ::core::result::Result::Err(::errcat::UnknownCode { catalog: NAME }),
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

        #shared
        "##,
            &[
                ("constness", &constness),
                ("param", &param),
                ("code_ty", &code_ty),
                ("shared", &shared),
            ],
        );
    }
    template(
        r##"
        /// A code with its minor code, as carried on the wire. A minor code that the catalog
        /// does not document is kept as it is, not rejected.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct Detailed {
            error: Error,
            minor: ::std::borrow::Cow<'static, str>,
        }

        impl Detailed {
            /// `error` with minor code `minor`, documented or not.
            #[inline]
            pub fn new(error: Error, minor: impl ::core::convert::Into<::std::borrow::Cow<'static, str>>) -> Self {
                Detailed { error, minor: minor.into() }
            }

            /// Reads a (major, minor) pair from the wire. Fails only if the major code is unknown.
            #[inline]
            pub #constness fn from_wire(major: #param, minor: &str) -> ::core::result::Result<Self, ::errcat::UnknownCode> {
                match Error::from_code(major) {
                    ::core::option::Option::Some(error) => ::core::result::Result::Ok(Detailed::new(error, ::std::borrow::ToOwned::to_owned(minor))),
                    ::core::option::Option::None => ::core::result::Result::Err(::errcat::UnknownCode { catalog: NAME }),
                }
            }

            /// The (major, minor) pair to put on the wire.
            #[inline]
            pub fn to_wire(&self) -> (#code_ty, &str) {
                (self.error.code(), &self.minor)
            }

            /// The major code.
            #[inline]
            pub const fn error(&self) -> Error {
                self.error
            }

            /// The minor code, documented or not.
            #[inline]
            pub fn minor_code(&self) -> &str {
                &self.minor
            }

            /// The minor code as a typed value, if the catalog documents it.
            #[inline]
            pub fn minor(&self) -> ::core::option::Option<Minor> {
                Minor::from_codes(self.error, &self.minor)
            }

            /// The documented detail of the minor code, if any.
            #[inline]
            pub fn detail(&self) -> ::core::option::Option<&'static str> {
                self.minor().and_then(Minor::detail)
            }

            /// What a client should do: the minor's reaction, else the code's.
            #[inline]
            pub fn reaction(&self) -> ::core::option::Option<&'static str> {
                match self.minor() {
                    ::core::option::Option::Some(m) => m.reaction(),
                    ::core::option::Option::None => self.error.reaction(),
                }
            }
        }

        #shared
    "##,
        &[
            ("constness", &constness),
            ("param", &param),
            ("code_ty", &code_ty),
            ("shared", &shared),
        ],
    )
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
        #[derive(Clone, Copy)]
        #[non_exhaustive]
        pub enum #major {
            #(#defs)*
        }

        minor_methods!(#major, #at, [#(#variants),*]);
    }
}
