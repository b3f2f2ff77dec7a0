//! The accessors of the catalog's extra columns: one `const fn` per column, reading a table.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::{doc, ident, string};
use crate::ident;
use crate::model::{Catalog, ColumnType, Entry, Value};

pub(super) fn columns(catalog: &Catalog, entries: &[(usize, &Entry)]) -> TokenStream {
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
