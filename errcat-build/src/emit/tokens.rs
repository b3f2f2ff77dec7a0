//! Token helpers shared by the Rust emitters: identifiers, literals, doc comments that any
//! catalog text is safe in, and lists stored flat.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// A field or parameter named after catalog text: a raw identifier (`r#type`) where the name
/// is a keyword. Validation rejects the names that cannot be raw (`self`, `super`, `crate`).
pub(super) fn field_ident(name: &str) -> Ident {
    if crate::ident::is_keyword(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

pub(super) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

pub(super) fn string(s: &str) -> Literal {
    Literal::string(s)
}

pub(super) fn option_str(s: Option<&str>) -> TokenStream {
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
pub(super) fn short_option_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => {
            let s = string(s);
            quote!(Some(#s))
        }
        None => quote!(None),
    }
}

/// The elements of a per-code table of optional texts (descriptions, reactions, deprecation
/// notes, minor-code details): `""` for "none", read through `errcat::optional`. Validation
/// refuses an empty text in each of these fields, so `""` means nothing else. rustc checks an
/// array of string literals in about a third of the time of the same `[Option<&str>]` (at
/// 1 000 codes, 42 M instead of 134 M instructions per table, a third of them `Some`).
pub(super) fn optional_texts<'a>(texts: impl IntoIterator<Item = Option<&'a str>>) -> Vec<Literal> {
    texts
        .into_iter()
        .map(|t| {
            debug_assert_ne!(t, Some(""), "validation refuses empty texts");
            string(t.unwrap_or_default())
        })
        .collect()
}

/// The doc comment of a table of [`optional_texts`].
pub(super) fn optional_texts_doc() -> TokenStream {
    doc("`\"\"` where there is none (read through `errcat::optional`).")
}

/// `#[doc]` attributes, one per line, which the printer writes as `///` comments.
///
/// Catalog text may hold anything, so: a lone carriage return also ends a line (Rust forbids
/// a bare CR in a doc comment); the characters that change the direction of text are shown
/// escaped (rustc denies them there); and no line opens a code block, indented or fenced,
/// which rustdoc would compile and run as a doctest.
pub(super) fn doc(text: &str) -> TokenStream {
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
    // Most text is ASCII with neither: copied whole, as build scripts run this unoptimized.
    if text.is_ascii() && !text.contains('\r') && !text.contains('\t') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' => out.push('\n'),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => out.extend(c.escape_unicode()),
            '\t' => out.push_str("    "),
            c => out.push(c),
        }
    }
    out
}

/// `#[doc]` attributes, one per line, prose wrapped at 90 columns (code blocks are kept).
pub(super) fn doc_wrapped(text: &str) -> TokenStream {
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
    let text = doc_safe(text);
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

/// A list per code, stored flat: every list's items in one array, and where each starts.
pub(super) struct Flat {
    items: Vec<TokenStream>,
    at: Vec<u32>,
}

impl Flat {
    pub(super) fn of<L: IntoIterator<Item = TokenStream>>(lists: impl Iterator<Item = L>) -> Self {
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

    /// `static NAME: [ty; _]` with the items alone, for a list that shares its starts with
    /// another list of the same lengths.
    pub(super) fn items_static(&self, name: &Ident, ty: &TokenStream) -> TokenStream {
        let items = &self.items;
        let len = Literal::usize_unsuffixed(items.len());
        quote!(static #name: [#ty; #len] = [#(#items),*];)
    }

    /// The items, and the starts as literals, for a struct that holds both.
    pub(super) fn parts(&self) -> (&[TokenStream], Vec<Literal>) {
        let at = self
            .at
            .iter()
            .map(|a| Literal::u32_unsuffixed(*a))
            .collect();
        (&self.items, at)
    }

    /// `static NAME: [ty; _]` with the items and `static NAME_AT: [u32; _]` with the starts.
    pub(super) fn statics(&self, name: &Ident, ty: &TokenStream) -> TokenStream {
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
