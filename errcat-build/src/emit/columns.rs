//! The accessors of the catalog's extra columns: one `const fn` per column, reading a table.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{doc, ident, string, template};
use crate::ident;
use crate::model::{Catalog, ColumnType, Entry, Value};

pub(super) fn columns(catalog: &Catalog, entries: &[(usize, &Entry)]) -> TokenStream {
    let n = Literal::usize_unsuffixed(entries.len());
    let items = catalog.columns.iter().enumerate().map(|(c, column)| {
        let method = ident(&column.name);
        let table = ident(&ident::column_table_name(&column.name));
        let enum_type = column.is_enum().then(|| ident(&column.enum_type_name()));
        let base = match (&enum_type, column.kind) {
            (Some(t), _) => quote!(#t),
            (None, ColumnType::Bool) => quote!(bool),
            (None, ColumnType::Integer) => quote!(i64),
            (None, ColumnType::String) => quote!(&'static str),
        };
        // In a `const`, `'static` is implied (and clippy flags it written out).
        let table_base = match (&enum_type, column.kind) {
            (None, ColumnType::String) => quote!(&str),
            _ => base.clone(),
        };
        let value = |v: &Value| match (v, &enum_type) {
            (Value::String(s), Some(t)) => {
                let variant = ident(&ident::enum_value_name(s));
                quote!(#t::#variant)
            }
            (Value::Bool(b), _) => quote!(#b),
            (Value::Integer(i), _) => {
                let i = Literal::i64_unsuffixed(*i);
                quote!(#i)
            }
            (Value::String(s), None) => {
                let s = string(s);
                quote!(#s)
            }
        };
        // A column with a default, or required, has a value for every code: `T`, not
        // `Option<T>`.
        let (ty, cells): (TokenStream, Vec<TokenStream>) =
            if column.always_set() {
                let cells =
                    entries
                        .iter()
                        .map(|(_, e)| {
                            value(e.columns[c].as_ref().or(column.default.as_ref()).expect(
                                "validation gives a required column a value for every code",
                            ))
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
        let table_ty = if column.always_set() {
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

/// The type of each enum column: one variant per value, with `as_str`, `Display` and
/// `FromStr`.
pub(super) fn column_types(catalog: &Catalog) -> TokenStream {
    let items = catalog
        .columns
        .iter()
        .filter(|c| c.is_enum())
        .map(|column| {
            let ty = ident(&column.enum_type_name());
            let variants: Vec<_> = column
                .values
                .iter()
                .map(|v| ident(&ident::enum_value_name(v)))
                .collect();
            let texts: Vec<_> = column.values.iter().map(|v| string(v)).collect();
            let docs = column.values.iter().map(|v| doc(&format!("`{v}`")));
            let n = Literal::usize_unsuffixed(variants.len());
            let column_name = string(&column.name);
            let d = doc(&format!(
                "The values of the `{}` column{}",
                column.name,
                column
                    .description
                    .as_deref()
                    .map_or_else(|| ".".to_owned(), |d| format!(": {d}"))
            ));
            let docs_list = quote!(#(#docs #variants,)*);
            let ty_list = quote!(#(#ty::#variants),*);
            let ty_list2 = quote!(#(#ty::#variants => #texts,)*);
            let texts_list = quote!(#(#texts => ::core::result::Result::Ok(#ty::#variants),)*);
            template(
                r##"
                #d
                #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
                pub enum #ty {
                    #docs_list
                }

                impl #ty {
                    /// Every value, in the catalog's order.
                    pub const ALL: [#ty; #n] = [#ty_list];

                    /// The value as the catalog writes it.
                    #[inline]
                    pub const fn as_str(self) -> &'static str {
                        match self {
                            #ty_list2
                        }
                    }
                }

                impl ::core::fmt::Display for #ty {
                    #[inline]
                    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }

                impl ::core::str::FromStr for #ty {
                    type Err = ::errcat::UnknownValue;

                    /// The value written exactly as the catalog writes it.
                    #[inline]
                    fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                        match text {
                            #texts_list
                            _ => ::core::result::Result::Err(::errcat::UnknownValue {
                                catalog: NAME,
                                column: #column_name,
                            }),
                        }
                    }
                }
            "##,
                &[
                    ("d", &d),
                    ("ty", &ty),
                    ("docs_list", &docs_list),
                    ("n", &n),
                    ("ty_list", &ty_list),
                    ("ty_list2", &ty_list2),
                    ("texts_list", &texts_list),
                    ("column_name", &column_name),
                ],
            )
        });
    quote!(#(#items)*)
}
