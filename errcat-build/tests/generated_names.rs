//! The names validation reserves are the names the generator uses: every method and associated
//! constant of the generated enums, read from generated code, is one that a column or an entry
//! name cannot take. If the generator gains a method, this fails until validation knows it.

use std::path::Path;

use errcat_build::ident::{RESERVED_ASSOCIATED, RESERVED_METHODS, RESERVED_TYPES};

const CATALOG: &str = "\
title: Shop
source: test
status: 400
columns:
  - {name: retry, type: bool, default: false}
sections:
  - name: CLIENT
    title: Client
    entries:
      - code: 1
        name: BAD
        message: \"Bad {what}.\"
        aliases: [WRONG]
        placeholders: [{name: what}]
        minors: [{code: 1, name: TOO_LONG}, {code: 2}]
";

/// The methods and constants of every inherent `impl` of the type `name` in `items`, in
/// nested modules too.
fn associated(items: &[syn::Item], name: &str, out: &mut Vec<(String, bool)>) {
    for item in items {
        match item {
            syn::Item::Impl(imp) if imp.trait_.is_none() => {
                let syn::Type::Path(ty) = &*imp.self_ty else {
                    continue;
                };
                if !ty.path.is_ident(name) {
                    continue;
                }
                for item in &imp.items {
                    match item {
                        syn::ImplItem::Fn(f) => out.push((f.sig.ident.to_string(), true)),
                        syn::ImplItem::Const(c) => out.push((c.ident.to_string(), false)),
                        _ => {}
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    associated(items, name, out);
                }
            }
            _ => {}
        }
    }
}

/// The associated constants that the generated `macro_rules!` define (the minor-code enums get
/// their methods from one macro per catalog): every `const NAME` in a macro body.
fn macro_consts(items: &[syn::Item], out: &mut Vec<(String, bool)>) {
    fn walk(tokens: proc_macro2::TokenStream, out: &mut Vec<(String, bool)>) {
        let mut after_const = false;
        for tt in tokens {
            match tt {
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), out),
                // `const fn` is a method, not a constant.
                proc_macro2::TokenTree::Ident(i) if after_const && i != "fn" => {
                    out.push((i.to_string(), false));
                    after_const = false;
                }
                proc_macro2::TokenTree::Ident(i) => after_const = i == "const",
                _ => after_const = false,
            }
        }
    }
    for item in items {
        match item {
            syn::Item::Macro(m) if m.mac.path.is_ident("macro_rules") => {
                walk(m.mac.tokens.clone(), out)
            }
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    macro_consts(items, out);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn every_generated_method_and_constant_is_reserved() {
    let catalog = errcat_build::load_str(Path::new("shop.yaml"), CATALOG).unwrap();
    let code = errcat_build::Config::new().axum(true).generate(&[catalog]);
    let file = syn::parse_file(&code).unwrap();

    let mut items = Vec::new();
    associated(&file.items, "Error", &mut items);
    let fns: Vec<&str> = items.iter().filter(|i| i.1).map(|i| i.0.as_str()).collect();
    assert!(
        fns.contains(&"code") && fns.contains(&"template"),
        "{fns:?}"
    );
    for (name, is_fn) in &items {
        if *is_fn {
            // The column's own method is the one allowed exception.
            if name != "retry" {
                assert!(
                    RESERVED_METHODS.contains(&name.as_str()),
                    "`Error::{name}()` is generated but a column may take its name"
                );
            }
        } else if name != "Wrong" {
            // `Wrong` is the alias's constant.
            assert!(
                RESERVED_ASSOCIATED.contains(&name.as_str()),
                "`Error::{name}` is generated but an entry name may become it"
            );
        }
    }

    // The constants of `Section` and of the minor-code enums.
    for ty in ["Section", "Bad"] {
        let mut items = Vec::new();
        associated(&file.items, ty, &mut items);
        if ty == "Bad" {
            macro_consts(&file.items, &mut items);
        }
        let consts: Vec<&str> = items
            .iter()
            .filter(|i| !i.1)
            .map(|i| i.0.as_str())
            .collect();
        assert!(!consts.is_empty(), "{ty}");
        for name in consts {
            assert!(
                RESERVED_ASSOCIATED.contains(&name),
                "`{ty}::{name}` is generated but a name may become it"
            );
        }
    }
}

#[test]
fn every_generated_type_is_reserved() {
    let catalog = errcat_build::load_str(Path::new("shop.yaml"), CATALOG).unwrap();
    let code = errcat_build::Config::new()
        .axum(true)
        .grpc(true)
        .generate(&[catalog]);
    let file = syn::parse_file(&code).unwrap();
    let module = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "shop" => m.content.as_ref().map(|(_, items)| items),
            _ => None,
        })
        .expect("the catalog's module");
    let mut types = Vec::new();
    for item in module {
        let (name, public) = match item {
            syn::Item::Enum(e) => (&e.ident, matches!(e.vis, syn::Visibility::Public(_))),
            syn::Item::Struct(s) => (&s.ident, matches!(s.vis, syn::Visibility::Public(_))),
            syn::Item::Type(t) => (&t.ident, matches!(t.vis, syn::Visibility::Public(_))),
            _ => continue,
        };
        if public {
            types.push(name.to_string());
        }
    }
    assert!(types.iter().any(|t| t == "Plain"), "{types:?}");
    for name in &types {
        // The enum column's own type is the one allowed exception (this catalog has none).
        assert!(
            RESERVED_TYPES.contains(&name.as_str()),
            "`{name}` is generated but an enum column may take its name"
        );
    }
}
