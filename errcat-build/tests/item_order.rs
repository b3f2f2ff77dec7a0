//! In a catalog module, the items that hold the catalog's per-code text come last, and no
//! item before them holds a message. rustc's incremental cache records where each item stands
//! in its module, so an edit that changes the length of a text makes it re-check every item
//! after the edit; with the text last, a reworded message re-checks only the items that hold
//! it (see `emit::rust::module`). If an item is added after the text, or a message reaches an
//! item before it, this fails.

use std::path::Path;

use quote::ToTokens;

const CATALOG: &str = "\
title: Shop
source: test
status: 400
sections:
  - name: CLIENT
    title: Client
    entries:
      - code: 1
        name: BAD
        message: \"Bad {what} given.\"
        description: The request named a thing that does not exist.
        aliases: [WRONG]
        placeholders: [{name: what}]
        minors: [{code: 1, name: TOO_LONG}, {code: 2}]
      - code: 2
        name: GONE
        message: Gone for good.
        deprecated: Replaced by BAD.
";

/// The texts that an edit of the catalog's messages changes.
const MESSAGES: [&str; 2] = ["Bad {what} given.", "Gone for good."];

/// The kind and name of an item, as `static NAMES` or `enum Error`.
fn label(item: &syn::Item) -> String {
    match item {
        syn::Item::Static(s) => format!("static {}", s.ident),
        syn::Item::Enum(e) => format!("enum {}", e.ident),
        syn::Item::Const(c) => format!("const {}", c.ident),
        syn::Item::Struct(s) => format!("struct {}", s.ident),
        syn::Item::Fn(f) => format!("fn {}", f.sig.ident),
        syn::Item::Mod(m) => format!("mod {}", m.ident),
        syn::Item::Impl(i) => format!("impl {}", i.self_ty.to_token_stream()),
        other => format!("item {}", other.to_token_stream()),
    }
}

#[test]
fn the_catalog_text_comes_last() {
    let catalog = errcat_build::load_str(Path::new("shop.yaml"), CATALOG).unwrap();
    let mut with_all = errcat_build::Config::new();
    with_all.axum(true).grpc(true);
    for (what, config) in [
        ("no integration", errcat_build::Config::new()),
        ("all", with_all),
    ] {
        let code = config.generate(std::slice::from_ref(&catalog));
        let file = syn::parse_file(&code).unwrap();
        let module = file
            .items
            .iter()
            .find_map(|item| match item {
                syn::Item::Mod(m) if m.ident == "shop" => m.content.as_ref(),
                _ => None,
            })
            .expect("the catalog's module");
        let items = &module.1;
        let labels: Vec<String> = items.iter().map(label).collect();
        let first_text = labels
            .iter()
            .position(|l| l == "static NAMES")
            .unwrap_or_else(|| panic!("{what}: no NAMES table in {labels:?}"));
        assert_eq!(
            labels[first_text..],
            [
                "static NAMES",
                "static DESCRIPTIONS",
                "static REACTIONS",
                "static DEPRECATIONS",
                "static ALIASES",
                "static PLACEHOLDERS",
                "enum Error",
                "static MESSAGES",
                "static TEMPLATES",
                "enum Plain",
            ],
            "{what}: the items after the first table of text"
        );
        // Code comes before the text: functions, impls and the other tables.
        for needed in ["impl Error", "static CODES", "static ALL", "mod values"] {
            assert!(
                labels[..first_text].iter().any(|l| l == needed),
                "{what}: no `{needed}` before the text in {labels:?}"
            );
        }
        // No item before the text holds a message, but the nested modules, whose items are
        // placed from their own start.
        for item in &items[..first_text] {
            if matches!(item, syn::Item::Mod(_)) {
                continue;
            }
            let tokens = item.to_token_stream().to_string();
            for message in MESSAGES {
                assert!(
                    !tokens.contains(message),
                    "{what}: `{}` holds the message {message:?}",
                    label(item)
                );
            }
        }
        // ...and the items that follow do hold them, so the check above looks at real text.
        let tail: String = items[first_text..]
            .iter()
            .map(|i| i.to_token_stream().to_string())
            .collect();
        for message in MESSAGES {
            assert!(
                tail.contains(message),
                "{what}: {message:?} not in the text"
            );
        }
    }
}
