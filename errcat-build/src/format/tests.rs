//! The printer's tests: every fixture read back as its tokens, and the layout of the common
//! shapes.
use super::*;
use std::path::Path;
use std::str::FromStr;

/// The atoms rustc would read, compared exactly: words, literals (strings by their value,
/// so that a `///` comment equals the `#[doc]` it came from), operators as the jointness
/// of the punctuation makes them, and groups.
fn shape(tokens: TokenStream, out: &mut Vec<String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) => out.push(ident.to_string()),
            TokenTree::Literal(literal) => {
                let text = literal.to_string();
                out.push(unescape(&text).map_or(text, |value| format!("str {value:?}")));
            }
            TokenTree::Punct(punct) => {
                // Jointness matters where two characters make one operator (`::`, `->`,
                // `<=`); `?;` or `::<` mean the same spaced or not.
                let joint = punct.spacing() == Spacing::Joint
                    && matches!(tokens.get(i + 1), Some(TokenTree::Punct(next))
                    if OPERATORS.iter().any(|op| {
                        let pair = format!("{}{}", punct.as_char(), next.as_char());
                        op.len() > 1 && op[..2] == pair && pair != ">>" && pair != "<<"
                    }));
                out.push(format!(
                    "{}{}",
                    punct.as_char(),
                    if joint { "+" } else { "" }
                ));
            }
            TokenTree::Group(group) => {
                out.push(format!("{:?}", group.delimiter()));
                shape(group.stream(), out);
                out.push("end".into());
            }
        }
    }
}

/// The shape, without the trailing commas a list over several lines gains.
fn shape_of(tokens: TokenStream) -> Vec<String> {
    let mut out = Vec::new();
    shape(tokens, &mut out);
    let mut kept: Vec<String> = Vec::with_capacity(out.len());
    for atom in out {
        if atom == "end" && kept.last().is_some_and(|last| last == ",") {
            kept.pop();
        }
        kept.push(atom);
    }
    kept
}

/// Printing then reading back gives the same tokens, and printing is idempotent.
fn round_trip(tokens: TokenStream) -> String {
    let text = file("", tokens.clone());
    let read = TokenStream::from_str(&text).expect("printed text lexes");
    let (want, got) = (shape_of(tokens), shape_of(read.clone()));
    if let Some(at) = want.iter().zip(&got).position(|(a, b)| a != b) {
        let from = at.saturating_sub(8);
        panic!(
            "tokens differ at {at}:\n  want {:?}\n  got  {:?}\n{text}",
            &want[from..(at + 8).min(want.len())],
            &got[from..(at + 8).min(got.len())],
        );
    }
    assert_eq!(want.len(), got.len(), "{text}");
    assert_eq!(
        file("", read),
        text,
        "printing the printed text again changes it"
    );
    text
}

#[test]
fn every_fixture_prints_as_the_tokens_it_was_built_from() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut printed = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let catalogs = crate::load_dir(&entry.unwrap().path().join("catalogs")).unwrap();
        assert!(!catalogs.is_empty());
        let text = round_trip(crate::emit::rust::file(
            &catalogs,
            crate::Integrations {
                serde: true,
                http: true,
                axum: true,
                grpc: true,
            },
        ));
        assert!(
            text.lines().all(|line| !line.ends_with(' ')),
            "trailing spaces"
        );
        printed += 1;
    }
    assert!(printed >= 3, "the fixtures were not found");
}

#[test]
fn layout_follows_rustfmt_in_the_common_shapes() {
    let tokens = quote::quote! {
        /// A doc line.
        #[derive(Clone, Copy)]
        pub enum E { A, B }
        impl<'a> ::core::convert::TryFrom<&'a str> for E {
            type Error = ();
            fn try_from(code: &'a str) -> ::core::result::Result<Self, ()> {
                let n = code.len() as u32;
                if n < 2 && !code.is_empty() { return Ok(E::A); }
                match code { "b" => Ok(E::B), _ => Err(()) }
            }
        }
        macro_rules! m { ($($x:ident),*) => { $(const $x: u8 = 0;)* }; }
        static S: [&str; 2] = ["a", "b"];
        fn f(v: &[u8]) -> Option<usize> { v.iter().position(|b| *b == 0) }
    };
    let text = round_trip(tokens);
    let expected = "\
/// A doc line.
#[derive(Clone, Copy)]
pub enum E {
    A,
    B,
}
impl<'a> ::core::convert::TryFrom<&'a str> for E {
    type Error = ();
    fn try_from(code: &'a str) -> ::core::result::Result<Self, ()> {
        let n = code.len() as u32;
        if n < 2 && !code.is_empty() {
            return Ok(E::A);
        }
        match code {
            \"b\" => Ok(E::B),
            _ => Err(()),
        }
    }
}
macro_rules! m {
    ($($x:ident),*) => {
        $(const $x: u8 = 0;)*
    };
}
static S: [&str; 2] = [\"a\", \"b\"];
fn f(v: &[u8]) -> Option<usize> {
    v.iter().position(|b| *b == 0)
}
";
    assert_eq!(text, expected);
}

#[test]
fn long_lists_and_chains_break_one_element_per_line() {
    let names: Vec<String> = (0..12).map(|i| format!("name number {i}")).collect();
    let variants: Vec<proc_macro2::Ident> = (0..12)
        .map(|i| quote::format_ident!("VariantNumber{i}"))
        .collect();
    let tokens = quote::quote! {
        static NAMES: [&str; 12] = [#(#names),*];
        methods!(Major, 0, [#(#variants),*]);
        fn g() {
            let body = ::serde_json::from_slice(json).map_err(|e| ::errcat::BodyError::new(NAME, ::core::option::Option::None, e))?;
        }
    };
    let text = round_trip(tokens);
    assert!(
        text.contains("[\n    \"name number 0\",\n    \"name number 1\",\n"),
        "{text}"
    );
    assert!(text.contains("    \"name number 11\",\n];"), "{text}");
    // A macro's arguments get no comma that the tokens do not have.
    assert!(
        text.contains("        VariantNumber11\n    ]\n);"),
        "{text}"
    );
    assert!(
        text.contains("from_slice(json)\n        .map_err(|e| ::errcat::BodyError::new("),
        "{text}"
    );
    assert!(
        text.lines().all(|line| line.chars().count() <= WIDTH),
        "{text}"
    );
}

#[test]
fn the_operator_table_lists_longer_operators_first() {
    let (long, short) = OPERATORS.split_at(ONE_CHARACTER);
    assert!(long.iter().all(|op| op.len() > 1));
    assert!(short.iter().all(|op| op.len() == 1));
    assert!(long.windows(2).all(|w| w[0].len() >= w[1].len()));
}

#[test]
fn one_character_operators_are_those_of_the_table() {
    for op in &OPERATORS[ONE_CHARACTER..] {
        assert_eq!(one_character_operator(op.as_bytes()[0]), Some(*op));
    }
    let found = (0..=u8::MAX)
        .filter(|c| one_character_operator(*c).is_some())
        .count();
    assert_eq!(found, OPERATORS.len() - ONE_CHARACTER);
}

/// The word screens narrowed by first letter say yes to exactly their lists.
#[test]
fn keywords_and_block_words_are_recognized_exactly() {
    let keywords = [
        "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern",
        "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
        "ref", "return", "static", "struct", "trait", "type", "unsafe", "use", "where", "while",
        "yield",
    ];
    let block_words = [
        "fn",
        "impl",
        "mod",
        "enum",
        "struct",
        "union",
        "trait",
        "match",
        "if",
        "else",
        "while",
        "for",
        "loop",
        "unsafe",
        "macro_rules",
    ];
    let others = [
        "",
        "a",
        "asm",
        "self",
        "Self",
        "crate",
        "super",
        "u8",
        "str",
        "Impl",
        "matches",
        "f",
        "_",
        "r#type",
        "unions",
        "macro",
        "elsewhere",
    ];
    for word in keywords.iter().chain(&block_words).chain(&others) {
        assert_eq!(spacing::is_keyword(word), keywords.contains(word), "{word}");
        assert_eq!(opens_block(word), block_words.contains(word), "{word}");
    }
}

#[test]
fn doc_text_that_a_comment_cannot_hold_stays_an_attribute() {
    let tokens = quote::quote! {
        #[doc = "/ starts with a slash"]
        #[doc = "two\nlines"]
        #[doc = " fine"]
        #[doc = r" raw"]
        fn f() {}
    };
    let text = round_trip(tokens);
    assert!(
        text.contains("#[doc = \"/ starts with a slash\"]\n"),
        "{text}"
    );
    assert!(text.contains("#[doc = \"two\\nlines\"]\n"), "{text}");
    assert!(text.contains("/// fine\n/// raw\nfn f() {}"), "{text}");
}

#[test]
fn string_literals_are_read_as_their_values() {
    assert_eq!(
        unescape(r#""a \"b\" \\ \u{e9}\n""#).as_deref(),
        Some("a \"b\" \\ é\n")
    );
    assert_eq!(unescape(r#""""#).as_deref(), Some(""));
    assert_eq!(unescape(r#"r"raw \n""#).as_deref(), Some(r"raw \n"));
    assert_eq!(
        unescape(r###"r##"a "# b"##"###).as_deref(),
        Some(r##"a "# b"##)
    );
    assert_eq!(unescape(r#"r"""#).as_deref(), Some(""));
    for not_a_string in ["\"", "r\"", "r#\"a\"", "r#\"#", "12", "'a'", "b\"x\"", ""] {
        assert_eq!(unescape(not_a_string), None, "{not_a_string}");
    }
}
