//! The `Section` enum of a catalog module.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::tokens::{doc, option_str, string, template};
use crate::model::{Catalog, Entry};

pub(super) fn sections(
    catalog: &Catalog,
    entries: &[(usize, &Entry)],
    idents: &[Ident],
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
    let defs = quote!(#(#defs)*);
    let idents_list = quote!(#(Section::#idents),*);
    let names = quote!(#(#names),*);
    let titles = quote!(#(#titles),*);
    let descriptions = quote!(#(#descriptions),*);
    let members_at = quote!(#(#members_at),*);
    template(
        r##"
        /// The sections of the catalog, in document order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Section {
            #defs
        }

        impl Section {
            /// Every section, in document order.
            pub const ALL: &'static [Section] = &[#idents_list];

            /// The section's UPPER_SNAKE name.
            #[inline]
            pub const fn name(self) -> &'static str {
                static NAMES: [&str; #count] = [#names];
                NAMES[self as usize]
            }

            /// The section's title.
            #[inline]
            pub const fn title(self) -> &'static str {
                static TITLES: [&str; #count] = [#titles];
                TITLES[self as usize]
            }

            /// The section's description, where the catalog gives one.
            #[inline]
            pub const fn description(self) -> ::core::option::Option<&'static str> {
                static DESCRIPTIONS: [::core::option::Option<&str>; #count] = [#descriptions];
                DESCRIPTIONS[self as usize]
            }

            /// The section's codes, in document order.
            #[inline]
            pub const fn errors(self) -> &'static [Error] {
                static MEMBERS_AT: [u32; #members_len] = [#members_at];
                part(&ALL, &MEMBERS_AT, self as usize)
            }
        }

        impl ::core::fmt::Display for Section {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.title())
            }
        }
    "##,
        &[
            ("defs", &defs),
            ("idents_list", &idents_list),
            ("count", &count),
            ("names", &names),
            ("titles", &titles),
            ("descriptions", &descriptions),
            ("members_len", &members_len),
            ("members_at", &members_at),
        ],
    )
}
