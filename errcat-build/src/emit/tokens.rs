//! Token helpers shared by the Rust emitters: identifiers, literals, doc comments that any
//! catalog text is safe in, and lists stored flat.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use std::cell::RefCell;
use std::rc::Rc;

use quote::{ToTokens, quote};

use crate::format::OPERATORS;

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

/// A string literal, spelled exactly as `Literal::string` spells it.
///
/// proc-macro2 escapes a string one character at a time through `char::escape_debug`, which
/// build scripts run unoptimized: that was a tenth of the generator's time. The standard
/// library's `Debug` for `str`, compiled optimized with it, writes the same escapes, and
/// reading that back as a literal costs a third of escaping. The one difference, a NUL before
/// an octal digit (which `Literal::string` writes `\x00`), is left to proc-macro2.
pub(super) fn string(s: &str) -> Literal {
    // Below a few characters, lexing costs more than escaping.
    if s.len() > 4
        && !s.contains('\0')
        && let Ok(literal) = format!("{s:?}").parse()
    {
        return literal;
    }
    Literal::string(s)
}

/// `#[doc = "line"]`, as `quote!` writes it but for the literal, raw where it can be: the
/// printer writes its value as a `///` comment, and proc-macro2 lexes a raw string faster.
fn doc_attribute(doc: &Ident, line: &str, out: &mut Vec<TokenTree>) {
    let raw = match line.contains('"') {
        true => None,
        false => format!("r\"{line}\"").parse().ok(),
    };
    let body = [
        TokenTree::Ident(doc.clone()),
        TokenTree::Punct(Punct::new('=', Spacing::Alone)),
        TokenTree::Literal(raw.unwrap_or_else(|| string(line))),
    ];
    out.push(TokenTree::Punct(Punct::new('#', Spacing::Alone)));
    out.push(TokenTree::Group(Group::new(
        Delimiter::Bracket,
        body.into_iter().collect(),
    )));
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
pub(super) fn optional_texts(texts: &[Option<&str>]) -> Vec<Literal> {
    let mut literals = Vec::with_capacity(texts.len());
    for t in texts {
        debug_assert_ne!(*t, Some(""), "validation refuses empty texts");
        literals.push(string(t.unwrap_or_default()));
    }
    literals
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
    doc_lines(text.lines().map(str::trim_start), true)
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
    doc_lines(wrap(text, 90).iter().map(String::as_str), false)
}

/// One `#[doc]` attribute per line, each but an empty one after a space; with `fences`, a
/// line opening a code block gets a backslash, so that rustdoc shows it as text.
fn doc_lines<'a>(lines: impl Iterator<Item = &'a str>, fences: bool) -> TokenStream {
    // Cloned for each line: proc-macro2 checks every character of a new identifier.
    let name = ident("doc");
    let mut out = Vec::new();
    let mut line = String::new();
    for l in lines {
        line.clear();
        if !l.is_empty() {
            line.push(' ');
            if fences && (l.starts_with("```") || l.starts_with("~~~")) {
                line.push('\\');
            }
            line.push_str(l);
        }
        doc_attribute(&name, &line, &mut out);
    }
    out.into_iter().collect()
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
    /// No lists yet: fill with [`Flat::push`], ending each list with [`Flat::end_list`].
    pub(super) fn new() -> Self {
        Flat {
            items: Vec::new(),
            at: vec![0],
        }
    }

    /// Adds `item` to the list being filled.
    pub(super) fn push(&mut self, item: TokenStream) {
        self.items.push(item);
    }

    /// Ends the list being filled; the next item starts the next list.
    pub(super) fn end_list(&mut self) {
        self.at
            .push(u32::try_from(self.items.len()).expect("fewer than 2^32 items"));
    }

    pub(super) fn of<L: IntoIterator<Item = TokenStream>>(lists: impl Iterator<Item = L>) -> Self {
        let mut flat = Flat::new();
        for list in lists {
            flat.items.extend(list);
            flat.end_list();
        }
        flat
    }

    /// `static NAME: [ty; _]` with the items alone: the starts are [`Flat::starts_static`]'s,
    /// or those of another list of the same lengths.
    pub(super) fn items_static(&self, name: &str, ty: &TokenStream) -> TokenStream {
        let name = ident(name);
        let items = &self.items;
        let len = Literal::usize_unsuffixed(items.len());
        quote!(static #name: [#ty; #len] = [#(#items),*];)
    }

    /// The items, and the starts as literals, for a struct that holds both.
    pub(super) fn parts(&self) -> (&[TokenStream], Vec<Literal>) {
        (&self.items, self.starts())
    }

    /// `static NAME_AT: [u32; _]` with the starts of the lists of `static NAME` (see
    /// [`Flat::items_static`]).
    pub(super) fn starts_static(&self, name: &str) -> TokenStream {
        let at_name = ident(&format!("{name}_AT"));
        let at = self.starts();
        let at_len = Literal::usize_unsuffixed(at.len());
        quote!(static #at_name: [u32; #at_len] = [#(#at),*];)
    }

    /// The starts of the lists, as literals.
    fn starts(&self) -> Vec<Literal> {
        self.at
            .iter()
            .map(|a| Literal::u32_unsuffixed(*a))
            .collect()
    }
}

/// The tokens of the Rust code `text`, with each `#name` in it replaced by the tokens of the
/// argument `name`: what `quote!` would give for the same code, for the large blocks of the
/// output that are the same for every catalog but for a few names.
///
/// `quote!` expands each token of its input to a statement that rustc must type-check, borrow-
/// check and compile, so that those blocks were most of the cost of compiling errcat-build
/// (which every build script depending on it pays); parsed from text, a block is one string
/// constant. The tokens are exactly those `quote!` makes: doc comments become `#[doc = r"…"]`
/// attributes as rustc writes them, and punctuation is joined the way rustc joins it into
/// operators (`::`, `->`, `=>`, `..`…), every other punctuation mark standing alone. The tests
/// compare the two on every kind of token the templates use.
///
/// Repetitions (`#(…)*`) are not supported: pass the repeated tokens as one argument. Every
/// `#name` must have an argument; every argument must be used.
pub(super) fn template(text: &'static str, args: &[(&str, &dyn ToTokens)]) -> TokenStream {
    // A `&'static str` never changes, so its address and length are its identity (two
    // templates with the same text may share an address, and then share their parse).
    let key = (text.as_ptr(), text.len());
    let cached = PARSED.with_borrow(|parsed| {
        let found = parsed.iter().find(|(at, _)| *at == key);
        found.map(|(_, pieces)| Rc::clone(pieces))
    });
    let pieces = cached.unwrap_or_else(|| {
        let pieces = Rc::new(pieces(parse_template(text)).0);
        PARSED.with_borrow_mut(|parsed| parsed.push((key, Rc::clone(&pieces))));
        pieces
    });
    let mut used = vec![false; args.len()];
    let mut out = Vec::new();
    substitute(&pieces, args, &mut used, &mut out);
    if let Some(i) = used.iter().position(|u| !u) {
        panic!("template argument `{}` is not used", args[i].0);
    }
    out.into_iter().collect()
}

thread_local! {
    /// Each template as [`Piece`]s, by the address and length of its text: parsed once rather
    /// than once per catalog. (A `TokenStream` is not `Sync`, so one per thread.)
    static PARSED: RefCell<Vec<((*const u8, usize), Parsed)>> = const { RefCell::new(Vec::new()) };
}

/// A parsed template's pieces, shared with the cache.
type Parsed = Rc<Vec<Piece>>;

/// A parsed template: runs of tokens with no argument in them, copied as they are (a group
/// is one token, however large), arguments, and the groups that hold arguments.
enum Piece {
    Tokens(Vec<TokenTree>),
    Arg(Ident),
    Group(Delimiter, Vec<Piece>),
}

/// The tokens of `text`, operators joined as rustc joins them, `#name`s still in place.
fn parse_template(text: &str) -> TokenStream {
    let source = doc_attributes(text);
    join(
        source
            .parse()
            .unwrap_or_else(|e| panic!("a template is Rust tokens: {e}")),
    )
}

/// The pieces of joined template tokens, and whether an argument is among them.
fn pieces(tokens: TokenStream) -> (Vec<Piece>, bool) {
    let mut out = Vec::new();
    let mut run = Vec::new();
    let mut has_arg = false;
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(p)
                if p.as_char() == '#' && matches!(trees.peek(), Some(TokenTree::Ident(_))) =>
            {
                let Some(TokenTree::Ident(name)) = trees.next() else {
                    unreachable!("peeked")
                };
                out.push(Piece::Tokens(std::mem::take(&mut run)));
                out.push(Piece::Arg(name));
                has_arg = true;
            }
            TokenTree::Group(g) => {
                let (inner, inner_arg) = pieces(g.stream());
                if inner_arg {
                    out.push(Piece::Tokens(std::mem::take(&mut run)));
                    out.push(Piece::Group(g.delimiter(), inner));
                    has_arg = true;
                } else {
                    run.push(TokenTree::Group(g));
                }
            }
            tree => run.push(tree),
        }
    }
    out.push(Piece::Tokens(run));
    (out, has_arg)
}

/// `text` with each `///` and `//!` comment line written as the attribute rustc makes of it:
/// a raw string with as many `#` as the comment needs.
fn doc_attributes(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.lines() {
        let code = line.trim_start();
        let (attr, comment) = if let Some(c) = code.strip_prefix("///")
            && !c.starts_with('/')
        {
            ("#", c)
        } else if let Some(c) = code.strip_prefix("//!") {
            ("#!", c)
        } else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        // As rustc: enough `#` that no `"` followed by them ends the string early.
        let (mut hashes, mut run) = (0, 0);
        for c in comment.chars() {
            run = match c {
                '"' => 1,
                '#' if run > 0 => run + 1,
                _ => 0,
            };
            hashes = hashes.max(run);
        }
        let hashes = "#".repeat(hashes);
        out.push_str(&format!("{attr}[doc = r{hashes}\"{comment}\"{hashes}]\n"));
    }
    out
}

/// `tokens` with the punctuation joined into operators as rustc joins it, and every `#`
/// followed by a name (a template argument) standing alone.
fn join(tokens: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    // The marks written together so far (each but the last joined to the next by the parser).
    let mut marks = String::new();
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(p) if p.as_char() == '#' && marks.is_empty() => {
                out.push(TokenTree::Punct(Punct::new('#', Spacing::Alone)));
            }
            // A lifetime's quote, joined to its name.
            TokenTree::Punct(p) if p.as_char() == '\'' => out.push(TokenTree::Punct(p)),
            TokenTree::Punct(p) => {
                marks.push(p.as_char());
                let joined = p.spacing() == Spacing::Joint
                    && matches!(trees.peek(), Some(TokenTree::Punct(next)) if !matches!(next.as_char(), '\'' | '#'));
                if !joined {
                    push_operators(&marks, &mut out);
                    marks.clear();
                }
            }
            TokenTree::Group(g) => {
                let inner = join(g.stream());
                out.push(TokenTree::Group(Group::new(g.delimiter(), inner)));
            }
            tree => out.push(tree),
        }
    }
    out.into_iter().collect()
}

/// The template's `pieces` with each `#name` replaced by its argument's tokens.
fn substitute(
    pieces: &[Piece],
    args: &[(&str, &dyn ToTokens)],
    used: &mut [bool],
    out: &mut Vec<TokenTree>,
) {
    for piece in pieces {
        match piece {
            Piece::Tokens(tokens) => out.extend_from_slice(tokens),
            Piece::Arg(name) => {
                let Some(arg) = args.iter().position(|(n, _)| name == n) else {
                    panic!("template argument `{name}` is not given");
                };
                used[arg] = true;
                out.extend(args[arg].1.to_token_stream());
            }
            Piece::Group(delimiter, inner) => {
                let mut tokens = Vec::new();
                substitute(inner, args, used, &mut tokens);
                out.push(TokenTree::Group(Group::new(
                    *delimiter,
                    tokens.into_iter().collect(),
                )));
            }
        }
    }
}

/// The marks `marks`, split into operators as rustc lexes them (`format::OPERATORS`, longest
/// first): in each, every mark but the last is joined to the next.
fn push_operators(marks: &str, out: &mut Vec<TokenTree>) {
    let mut rest = marks;
    while !rest.is_empty() {
        let len = OPERATORS
            .iter()
            .find(|op| rest.starts_with(*op))
            .map_or(1, |op| op.len());
        for (k, c) in rest[..len].chars().enumerate() {
            let spacing = if k + 1 < len {
                Spacing::Joint
            } else {
                Spacing::Alone
            };
            out.push(TokenTree::Punct(Punct::new(c, spacing)));
        }
        rest = &rest[len..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same code written for `quote!` and as a template gives the same tokens, their
    /// joining and the literals' spelling included (which `to_string` shows).
    #[test]
    fn a_template_gives_the_tokens_quote_gives() {
        let ty = quote!(&'static str);
        let name = ident("Error");
        let n = Literal::usize_unsuffixed(3);
        let from_quote = quote! {
            //! A module's "own" doc, with a # and a "#.
            /// The item's doc: `code` and "quotes".
            // Not a doc comment.
            #[inline]
            #[allow(non_upper_case_globals)]
            pub const fn get<'a>(self, at: &'a [u32], v: &mut Vec<Vec<u8>>) -> ::core::option::Option<#ty> {
                let k = 0x517c_c1b7_2722_0a95u64 >> 32 << 1;
                let mut x = 1;
                x += 1; x -= 1; x *= 2; x /= 2; x %= 3; x ^= 1; x &= 1; x |= 1;
                if x == 1 && x != 2 || x <= 3 && x >= 0 { return None; }
                let f = |a: u32| -> bool { a > 0 };
                let r = &at[..]; let s = &at[1..=2]; let t = &at[..x];
                match v.split_first_chunk::<8>() { Some((w, _)) => f(*w), None => false };
                let e: &#ty = &#ty::default();
                let c = ('a', '\n', b'x', "{}", r"raw", #n, -1);
                format_args!("{}", #name::ALL[self as usize]);
                Some(*self)
            }
            macro_rules! m { ($a:ident, [$($b:ident),*]) => { $(impl $a for $b {})* }; }
            impl<'a> ::core::fmt::Debug for #name<'_> where T: ?Sized {}
        };
        let from_template = template(
            r##"
            //! A module's "own" doc, with a # and a "#.
            /// The item's doc: `code` and "quotes".
            // Not a doc comment.
            #[inline]
            #[allow(non_upper_case_globals)]
            pub const fn get<'a>(self, at: &'a [u32], v: &mut Vec<Vec<u8>>) -> ::core::option::Option<#ty> {
                let k = 0x517c_c1b7_2722_0a95u64 >> 32 << 1;
                let mut x = 1;
                x += 1; x -= 1; x *= 2; x /= 2; x %= 3; x ^= 1; x &= 1; x |= 1;
                if x == 1 && x != 2 || x <= 3 && x >= 0 { return None; }
                let f = |a: u32| -> bool { a > 0 };
                let r = &at[..]; let s = &at[1..=2]; let t = &at[..x];
                match v.split_first_chunk::<8>() { Some((w, _)) => f(*w), None => false };
                let e: &#ty = &#ty::default();
                let c = ('a', '\n', b'x', "{}", r"raw", #n, -1);
                format_args!("{}", #name::ALL[self as usize]);
                Some(*self)
            }
            macro_rules! m { ($a:ident, [$($b:ident),*]) => { $(impl $a for $b {})* }; }
            impl<'a> ::core::fmt::Debug for #name<'_> where T: ?Sized {}
            "##,
            &[("ty", &ty), ("name", &name), ("n", &n)],
        );
        assert_eq!(from_template.to_string(), from_quote.to_string());
    }

    /// `string` spells every literal as `Literal::string` does: quotes, backslashes, control
    /// characters, NULs before digits and not, characters Rust shows escaped (combining marks,
    /// unassigned and private code points, direction controls) and printable ones.
    #[test]
    fn string_literals_are_spelled_as_proc_macro2_spells_them() {
        let mut texts: Vec<String> = [
            "",
            "plain text",
            "it's \"quoted\" \\ and 'single'",
            "\0\x001\x00a\x007\x008\x00",
            "\t\r\n\u{7f}\u{1b}[0m",
            "e\u{301} \u{301}start \u{200b}\u{202e}\u{2066}\u{feff}",
            "\u{e000}\u{10ffff}\u{fffe} 日本語 🦀 Ω",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(
            (0..0x3100)
                .chain(0x1_0000..0x1_0200)
                .chain(0xe_0000..0xe_0080)
                .filter_map(char::from_u32)
                .map(|c| format!("{c}a{c}")),
        );
        for text in &texts {
            assert_eq!(
                string(text).to_string(),
                Literal::string(text).to_string(),
                "{text:?}"
            );
        }
    }

    #[test]
    #[should_panic(expected = "template argument `missing` is not given")]
    fn a_template_names_a_missing_argument() {
        template("fn f() -> #missing {}", &[]);
    }

    #[test]
    #[should_panic(expected = "template argument `extra` is not used")]
    fn a_template_names_an_unused_argument() {
        template("fn f() {}", &[("extra", &quote!(u8))]);
    }
}
