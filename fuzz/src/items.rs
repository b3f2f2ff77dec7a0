//! Whether generated Rust parses, checked item by item with a memory of the items already
//! checked: the structured target's check, made cheap enough for millions of executions.
//!
//! A generated file is tens of kilobytes for a catalog of a few entries, most of it the same
//! from one catalog to the next (the impls every catalog module has), and parsing all of it
//! with syn, printing it and parsing the printed text took most of each execution. A file
//! parses if and only if each of its top-level items does, and each module's items in turn:
//! so the file is cut into items (descending into modules), and only the items not seen
//! before are parsed, printed by the generator's own printer (`errcat_build::format_rust`, as
//! it prints its output) and parsed again. If the cut goes wrong somewhere (an item that cannot be parsed alone), the
//! whole file is parsed as one, so that the cut can only cost time, never hide an error.

use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

/// How many checked items are remembered before the memory starts again.
const REMEMBERED: usize = 200_000;

thread_local! {
    static SEEN: RefCell<(RandomState, HashSet<u64>)> =
        RefCell::new((RandomState::new(), HashSet::new()));
}

/// Fails, with the reason, if `tokens` (a whole generated file) is not Rust that syn parses,
/// or if its formatted text is not.
pub fn check(tokens: &TokenStream) -> Result<(), String> {
    let mut leaves = Vec::new();
    if cut(tokens.clone(), &mut leaves) {
        let fresh: Vec<String> = SEEN.with(|seen| {
            let (state, set) = &*seen.borrow();
            leaves
                .iter()
                .map(ToString::to_string)
                .filter(|text| !set.contains(&state.hash_one(text)))
                .collect()
        });
        if fresh.iter().all(|text| parses_formatted(text).is_ok()) {
            SEEN.with(|seen| {
                let (state, set) = &mut *seen.borrow_mut();
                if set.len() > REMEMBERED {
                    set.clear();
                }
                set.extend(fresh.iter().map(|text| state.hash_one(text)));
            });
            return Ok(());
        }
    }
    // The items could not be checked one by one: the file as a whole decides.
    parses_formatted(&tokens.to_string())
}

/// Parses `text` as a file, prints it as the generator does and parses the printed text.
fn parses_formatted(text: &str) -> Result<(), String> {
    syn::parse_file(text).map_err(|e| format!("generated Rust does not parse: {e}"))?;
    let tokens: TokenStream = text
        .parse()
        .map_err(|e| format!("generated Rust does not lex: {e}"))?;
    let formatted = errcat_build::format_rust(tokens);
    syn::parse_file(&formatted)
        .map(drop)
        .map_err(|e| format!("formatted Rust does not parse: {e}\n--- formatted ---\n{formatted}"))
}

/// Cuts a sequence of items into the items that are not modules, each with its attributes,
/// and the head of each module (`pub mod name {}`, its body emptied) followed by the cut of its
/// body. Returns false where the cut is not sure to be right, so that the caller parses the
/// whole: an inner attribute (`#!`) after the first item, tokens after the last item.
fn cut(tokens: TokenStream, out: &mut Vec<TokenStream>) -> bool {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let punct =
        |i: usize, c: char| matches!(tokens.get(i), Some(TokenTree::Punct(p)) if p.as_char() == c);
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        // Inner attributes stay with the first item: a file has them only at its start.
        if start > 0 && punct(i, '#') && punct(i + 1, '!') {
            return false;
        }
        let end = match &tokens[i] {
            TokenTree::Punct(p) if p.as_char() == ';' => i + 1,
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => {
                if punct(i + 1, ';') {
                    i + 2
                } else {
                    i + 1
                }
            }
            _ => {
                i += 1;
                continue;
            }
        };
        if !module(&tokens[start..end], out) {
            out.push(tokens[start..end].iter().cloned().collect());
        }
        start = end;
        i = end;
    }
    start == tokens.len()
}

/// If `item` is `... mod name { body }`, adds its head with an empty body and the cut of its
/// body to `out`, and returns true (false, and nothing added, for any other item).
fn module(item: &[TokenTree], out: &mut Vec<TokenStream>) -> bool {
    let [
        ..,
        TokenTree::Ident(keyword),
        TokenTree::Ident(_),
        TokenTree::Group(body),
    ] = item
    else {
        return false;
    };
    if keyword != "mod" || body.delimiter() != Delimiter::Brace {
        return false;
    }
    let mut head = item[..item.len() - 1].to_vec();
    head.push(TokenTree::Group(Group::new(
        Delimiter::Brace,
        TokenStream::new(),
    )));
    out.push(head.into_iter().collect());
    // A module whose body cannot be cut is checked whole, as any other item.
    let mut inner = Vec::new();
    if cut(body.stream(), &mut inner) {
        out.extend(inner);
    } else {
        out.push(item.iter().cloned().collect());
    }
    true
}
