//! The localized API of a set of catalogs, where any catalog declares locales: the file's
//! `Locale` enum (every locale of every catalog), and in each catalog module its text per
//! locale as data (one `errcat::Translations` per locale it carries) with the accessors that
//! read it (`Error::message_in`, `Failure::message_in`, the `errcat::Translated` impl and,
//! under axum, `Failure::localized`). Everything else is in the runtime's `locale` module.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::Integrations;
use super::tokens::{Flat, doc, ident, short_option_str, string, template};
use crate::model::{Catalog, Entry, Message, Segment};

/// The locales of the file, each once, in the order the catalogs declare them; empty when no
/// catalog declares any, and then nothing of this module is generated.
pub(super) fn file_locales(catalogs: &[Catalog]) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    if !catalogs.iter().any(|c| c.locales.declared) {
        return all;
    }
    for c in catalogs {
        for tag in c.locales.all() {
            if !all.iter().any(|t| t == tag) {
                all.push(tag.to_owned());
            }
        }
    }
    all
}

fn variant(tag: &str) -> Ident {
    ident(&crate::ident::locale_variant(tag))
}

/// The file's `Locale` enum.
pub(super) fn file_items(locales: &[String]) -> TokenStream {
    if locales.is_empty() {
        return quote!();
    }
    let variants: Vec<Ident> = locales.iter().map(|t| variant(t)).collect();
    let tags = locales.iter().map(|t| string(t));
    let docs = locales.iter().map(|t| doc(&format!("`{t}`")));
    let list: Vec<String> = locales.iter().map(|t| format!("`{t}`")).collect();
    let enum_doc = doc(&format!(
        "The locales of the catalogs of this file: {}. Each catalog module has its `LOCALES`, \
         its own first; a code's message in a locale its catalog does not translate is its \
         catalog's own.",
        list.join(", ")
    ));
    let docs_list = quote!(#(#docs #variants,)*);
    let variants_list = quote!(#(Locale::#variants),*);
    let variants_list2 = quote!(#(Locale::#variants => #tags,)*);
    template(
        r##"
        #enum_doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Locale {
            #docs_list
        }

        impl Locale {
            /// Every locale of the file.
            pub const ALL: &'static [Locale] = &[#variants_list];

            /// The BCP 47 tag, such as `fa-IR`.
            #[inline]
            pub const fn tag(self) -> &'static str {
                match self {
                    #variants_list2
                }
            }

            /// The locale with this tag, compared ignoring ASCII case.
            #[inline]
            pub fn from_tag(tag: &str) -> ::core::option::Option<Locale> {
                Locale::ALL.iter().copied().find(|l| l.tag().eq_ignore_ascii_case(tag))
            }
        }

        impl ::core::fmt::Display for Locale {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.tag())
            }
        }

        impl ::core::str::FromStr for Locale {
            type Err = ::errcat::UnknownLocale;
            #[inline]
            fn from_str(tag: &str) -> ::core::result::Result<Self, ::errcat::UnknownLocale> {
                Locale::from_tag(tag).ok_or(::errcat::UnknownLocale)
            }
        }
    "##,
        &[
            ("enum_doc", &enum_doc),
            ("docs_list", &docs_list),
            ("variants_list", &variants_list),
            ("variants_list2", &variants_list2),
        ],
    )
}

/// A line of the variant's rustdoc: the code's message in each other locale of its catalog,
/// or that it falls back.
pub(super) fn variant_doc(catalog: &Catalog, index: usize, entry: &Entry) -> String {
    let l = &catalog.locales;
    if !l.declared {
        return String::new();
    }
    let mut s = format!("\nLocales: `{}` (the catalog's own)", l.default);
    let mut lines = Vec::new();
    let mut missing = Vec::new();
    for tag in &l.others {
        match l
            .translation(tag)
            .and_then(|t| t.entries.get(index))
            .and_then(Option::as_ref)
        {
            Some(t) => {
                s.push_str(&format!(", `{tag}`"));
                lines.push(format!(
                    "- `{tag}`: {}",
                    super::escape::escape(&t.message.text(&entry.placeholders))
                ));
            }
            None => missing.push(format!("`{tag}`")),
        }
    }
    s.push_str(".\n");
    if !missing.is_empty() {
        s.push_str(&format!(
            "Not translated into {}: the `{}` message is used.\n",
            missing.join(", "),
            l.default
        ));
    }
    if !lines.is_empty() {
        s.push('\n');
        s.push_str(&lines.join("\n"));
        s.push('\n');
    }
    s
}

fn pieces(message: &Message, entry: &Entry) -> Vec<TokenStream> {
    message
        .segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => {
                let t = string(t);
                quote!(::errcat::Piece::Text(#t))
            }
            Segment::Placeholder(i) => {
                let index = Literal::usize_unsuffixed(*i);
                let name = string(&entry.placeholders[*i].name);
                quote!(::errcat::Piece::Placeholder { index: #index, name: #name })
            }
        })
        .collect()
}

fn static_name(tag: &str) -> Ident {
    ident(&format!(
        "TRANSLATION_{}",
        tag.to_ascii_uppercase().replace('-', "_")
    ))
}

/// The items of a catalog module of a localized file.
pub(super) fn module_items(
    catalog: &Catalog,
    file_locales: &[String],
    entries: &[(usize, &Entry)],
    on: Integrations,
) -> TokenStream {
    if file_locales.is_empty() {
        return quote!();
    }
    let l = &catalog.locales;
    let own: Vec<&str> = l.all().collect();
    let own_variants: Vec<Ident> = own.iter().map(|t| variant(t)).collect();
    let own_tags = own.iter().map(|t| string(t));
    let n_own = Literal::usize_unsuffixed(own.len());
    let n_file = Literal::usize_unsuffixed(file_locales.len());
    let list: Vec<String> = own.iter().map(|t| format!("`{t}`")).collect();
    let locales_doc = doc(&format!(
        "The locales the catalog is written in, its own first: {}.",
        list.join(", ")
    ));

    let statics = l.translations.iter().map(|t| {
        let name = static_name(&t.locale);
        let tag = string(&t.locale);
        let messages = t.entries.iter().zip(entries).map(|(te, (_, e))| {
            short_option_str(
                te.as_ref()
                    .map(|te| te.message.text(&e.placeholders))
                    .as_deref(),
            )
        });
        let templates = Flat::of(t.entries.iter().zip(entries).map(|(te, (_, e))| match te {
            Some(te) => pieces(&te.message, e),
            None => Vec::new(),
        }));
        let (items, at) = templates.parts();
        let descriptions: Vec<TokenStream> = if t
            .entries
            .iter()
            .any(|te| te.as_ref().is_some_and(|te| te.description.is_some()))
        {
            t.entries
                .iter()
                .map(|te| short_option_str(te.as_ref().and_then(|te| te.description.as_deref())))
                .collect()
        } else {
            Vec::new()
        };
        let statuses = t.statuses.iter().map(|(s, title)| {
            let s = Literal::u16_unsuffixed(*s);
            let title = string(title);
            quote!((#s, #title))
        });
        let d = doc(&format!(
            "The catalog's text in `{}`, from `{}`.",
            t.locale,
            t.file
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        quote! {
            #d
            static #name: ::errcat::Translations = ::errcat::Translations {
                tag: #tag,
                messages: &[#(#messages),*],
                templates: &[#(#items),*],
                templates_at: &[#(#at),*],
                descriptions: &[#(#descriptions),*],
                statuses: &[#(#statuses),*],
            };
        }
    });
    let by_file_locale = file_locales.iter().map(|tag| match l.translation(tag) {
        Some(t) => {
            let name = static_name(&t.locale);
            quote!(Some(&#name))
        }
        None => quote!(None),
    });
    let own_default = &own_variants[0];
    // A catalog without HTTP statuses has no status to title.
    let status_title_at = if catalog.status.is_some() {
        quote! {
            #[inline]
            fn status_title_at(&self, locale: usize) -> ::core::option::Option<&'static str> {
                let locale = LOCALES.get(locale)?;
                TRANSLATIONS[*locale as usize]?.status_title(self.error.http_status())
            }
        }
    } else {
        quote! {
            #[inline]
            fn status_title_at(&self, _locale: usize) -> ::core::option::Option<&'static str> {
                ::core::option::Option::None
            }
        }
    };
    let axum = on.axum.then(|| {
        template(
            r##"
            impl Failure {
                /// The error answered in the locale of the catalog that best meets the
                /// request's `Accept-Language`, with `Content-Language` and
                /// `Vary: Accept-Language`; `errcat::Problem(failure).localized(&lang)` for a
                /// problem document.
                #[inline]
                pub fn localized(self, lang: &response::AcceptLanguage) -> response::Localized<Failure> {
                    response::Localized::new(self, lang)
                }
            }

            impl response::RespondIn for Failure {
                #[inline]
                fn respond_in(&self, locale: usize) -> response::axum_core::response::Response {
                    let mut body = self.body();
                    let (_, message) = ::errcat::Translated::message_at(self, locale);
                    body.message = ::std::borrow::Cow::Owned(::std::string::ToString::to_string(&message));
                    response::axum_core::response::IntoResponse::into_response(body)
                }
            }
        "##,
            &[],
        )
    });

    let own_variants_list = quote!(#(super::Locale::#own_variants),*);
    let own_tags = quote!(#(#own_tags),*);
    let statics = quote!(#(#statics)*);
    let by_file_locale = quote!(#(#by_file_locale),*);
    template(
        r##"
        #locales_doc
        pub const LOCALES: &[super::Locale] = &[#own_variants_list];
        static LOCALE_TAGS: [&str; #n_own] = [#own_tags];
        #statics
        /// This catalog's translations, by `Locale as usize`: `None` for its own locale and the
        /// locales it does not carry.
        static TRANSLATIONS: [::core::option::Option<&::errcat::Translations>; #n_file] = [#by_file_locale];

        impl Error {
            /// The message in `locale`, placeholders as `{name}`; the catalog's own where it
            /// does not translate the code.
            #[inline]
            pub const fn message_in(self, locale: super::Locale) -> &'static str {
                match TRANSLATIONS[locale as usize] {
                    Some(t) => match t.message(self as usize) {
                        Some(m) => m,
                        None => self.message(),
                    },
                    None => self.message(),
                }
            }

            /// The message in `locale` as pieces (placeholder indices as in
            /// [`Error::template`]); the catalog's own where it does not translate the code.
            #[inline]
            pub const fn template_in(self, locale: super::Locale) -> &'static [::errcat::Piece] {
                match TRANSLATIONS[locale as usize] {
                    Some(t) => match t.template(self as usize) {
                        Some(p) => p,
                        None => self.template(),
                    },
                    None => self.template(),
                }
            }

            /// The description in `locale`; the catalog's own where it does not translate it.
            #[inline]
            pub const fn description_in(self, locale: super::Locale) -> ::core::option::Option<&'static str> {
                match TRANSLATIONS[locale as usize] {
                    Some(t) => match t.description(self as usize) {
                        Some(d) => Some(d),
                        None => self.description(),
                    },
                    None => self.description(),
                }
            }

            /// The locale [`Error::message_in`] is written in for `locale`: `locale` itself
            /// where the catalog translates the code (or is written in it), else the
            /// catalog's own.
            #[inline]
            pub const fn locale_of(self, locale: super::Locale) -> super::Locale {
                match TRANSLATIONS[locale as usize] {
                    Some(t) if t.message(self as usize).is_some() => locale,
                    _ if locale as usize == super::Locale::#own_default as usize => locale,
                    _ => super::Locale::#own_default,
                }
            }
        }

        impl Failure {
            /// The message in `locale` with the values filled in, written without
            /// allocating; the catalog's own where it does not translate the code. `Display`
            /// writes the catalog's own locale.
            #[inline]
            pub fn message_in(&self, locale: super::Locale) -> ::errcat::Filled<'_> {
                ::errcat::Filled::new(self.error.template_in(locale), &self.values)
            }
        }

        impl Body {
            /// The failure this body carries, its message read in `locale` (a response's
            /// `Content-Language`): as [`Body::failure`], which reads the catalog's own
            /// wording. `None` where the message is not the code's message in `locale` with
            /// values filled in.
            #[inline]
            pub fn failure_in(&self, locale: super::Locale) -> ::core::option::Option<Failure> {
                let error = self.code.error()?;
                let kinds = part(&PLACEHOLDER_KINDS, &PLACEHOLDERS_AT, error as usize);
                if kinds.is_empty() || error.locale_of(locale) as usize != locale as usize {
                    return self.failure();
                }
                let mut values = [const { ::errcat::Value::Absent }; 32];
                if kinds.len() > values.len()
                    || !::errcat::read_values(error.template_in(locale), kinds, &self.message, &mut values[..kinds.len()])
                {
                    return ::core::option::Option::None;
                }
                // The same values in the catalog's own wording, read back as it is.
                let mut own = ::core::clone::Clone::clone(self);
                own.message = ::std::borrow::Cow::Owned(::std::string::ToString::to_string(
                    &::errcat::Filled::new(error.template(), &values[..kinds.len()]),
                ));
                own.failure()
            }
        }

        impl ::errcat::Translated for Failure {
            #[inline]
            fn locale_tags(&self) -> &'static [&'static str] {
                &LOCALE_TAGS
            }

            #[inline]
            fn template_at(&self, locale: usize) -> (&'static str, &'static [::errcat::Piece]) {
                let locale = match LOCALES.get(locale) {
                    Some(l) => *l,
                    None => LOCALES[0],
                };
                (self.error.locale_of(locale).tag(), self.error.template_in(locale))
            }

            #status_title_at
        }

        #axum
    "##,
        &[
            ("locales_doc", &locales_doc),
            ("own_variants_list", &own_variants_list),
            ("n_own", &n_own),
            ("own_tags", &own_tags),
            ("statics", &statics),
            ("n_file", &n_file),
            ("by_file_locale", &by_file_locale),
            ("own_default", &own_default),
            ("status_title_at", &status_title_at),
            ("axum", &axum),
        ],
    )
}
