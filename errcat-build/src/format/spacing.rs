//! The spaces between atoms along a line: none inside paths, generics, calls and after unary
//! operators; one around binary operators, after commas and keywords.

use proc_macro2::Delimiter;

use super::Atom;

/// Keywords after which a parenthesis, a bracket or a `::` path is spaced off.
///
/// Unoptimized, as build scripts run it, a `match` on strings compares the word with each
/// pattern in turn; its first letter narrows the keywords to a few.
pub(super) fn is_keyword(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b'a') => matches!(word, "as" | "async" | "await"),
        Some(b'b') => word == "break",
        Some(b'c') => matches!(word, "const" | "continue"),
        Some(b'd') => word == "dyn",
        Some(b'e') => matches!(word, "else" | "enum" | "extern"),
        Some(b'f') => matches!(word, "fn" | "for"),
        Some(b'i') => matches!(word, "if" | "impl" | "in"),
        Some(b'l') => matches!(word, "let" | "loop"),
        Some(b'm') => matches!(word, "match" | "mod" | "move" | "mut"),
        Some(b'p') => word == "pub",
        Some(b'r') => matches!(word, "ref" | "return"),
        Some(b's') => matches!(word, "static" | "struct"),
        Some(b't') => matches!(word, "trait" | "type"),
        Some(b'u') => matches!(word, "unsafe" | "use"),
        Some(b'w') => matches!(word, "where" | "while"),
        Some(b'y') => word == "yield",
        _ => false,
    }
}

/// Words that make the braces later on their line a block, printed over several lines
/// (narrowed by their first letter, as [`is_keyword`]).
pub(super) fn opens_block(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b'e') => matches!(word, "else" | "enum"),
        Some(b'f') => matches!(word, "fn" | "for"),
        Some(b'i') => matches!(word, "if" | "impl"),
        Some(b'l') => word == "loop",
        Some(b'm') => matches!(word, "mod" | "match" | "macro_rules"),
        Some(b's') => word == "struct",
        Some(b't') => word == "trait",
        Some(b'u') => matches!(word, "union" | "unsafe"),
        Some(b'w') => word == "while",
        _ => false,
    }
}

/// What the last atom printed on a line was, as far as spacing goes.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Prev {
    /// The start of a line or of a group: no space.
    Start,
    /// A keyword such as `impl` or `return`; `tight` for `fn` and `pub`, which a
    /// parenthesis follows with no space (`fn(u8)`, `pub(crate)`).
    Keyword { tight: bool },
    /// A name, a literal, a closed group: an operand.
    Value { capitalized: bool, after_fn: bool },
    /// An operator after which nothing is spaced (`::`, `.`, a unary `&`, a generic's `<`).
    Tight,
    /// An operator after which the next atom is spaced (`,`, `=`, `=>`, a binary `+`).
    Spaced,
    /// A generic's closing `>`.
    GenericClose,
    /// A macro's `!`.
    Bang,
    /// A macro repetition's `$(...)`, which its `*`, `+` or `?` follows closely.
    Repetition,
    /// A macro's `$name`, which its `:fragment` follows closely.
    MacroVar,
}

pub(super) const VALUE: Prev = Prev::Value {
    capitalized: false,
    after_fn: false,
};

/// The spacing state along one line of one group.
pub(super) struct Spacer {
    pub(super) prev: Prev,
    /// How many `<` of generics are open.
    pub(super) generics: u32,
    /// Between a closure's `|`s.
    pub(super) closure: bool,
    /// The line has a word that makes its braces a block.
    pub(super) block_line: bool,
    /// The last atom was `$`.
    pub(super) after_dollar: bool,
    /// The last atom was `impl`.
    pub(super) after_impl: bool,
    /// The line defines a macro (`macro_rules!`).
    pub(super) macro_rules: bool,
    /// The depth of an `impl<...>`'s generics, whose `>` a type follows, spaced.
    pub(super) impl_generics: Option<u32>,
}

impl Spacer {
    pub(super) fn new() -> Self {
        Spacer {
            prev: Prev::Start,
            generics: 0,
            closure: false,
            block_line: false,
            after_dollar: false,
            after_impl: false,
            macro_rules: false,
            impl_generics: None,
        }
    }

    /// Whether the previous atom ends an operand, so that an operator after it is binary.
    fn after_value(&self) -> bool {
        matches!(
            self.prev,
            Prev::Value { .. } | Prev::GenericClose | Prev::Repetition | Prev::MacroVar
        )
    }

    /// Whether a space goes before `atom`, and the text of an operator; moves past it.
    pub(super) fn step(&mut self, atom: &Atom, next: Option<&Atom>) -> (bool, &'static str) {
        let prev = self.prev;
        let soft = !matches!(prev, Prev::Start | Prev::Tight);
        let after_dollar = std::mem::take(&mut self.after_dollar);
        let after_impl = std::mem::take(&mut self.after_impl);
        match atom {
            Atom::Word(word) => {
                let word = word.as_str();
                self.block_line |= opens_block(word);
                self.after_impl = word == "impl";
                self.macro_rules |= word == "macro_rules";
                self.prev = if after_dollar {
                    Prev::MacroVar
                } else if is_keyword(word) {
                    Prev::Keyword {
                        tight: matches!(word, "fn" | "pub"),
                    }
                } else {
                    Prev::Value {
                        capitalized: is_type_name(word),
                        after_fn: prev == (Prev::Keyword { tight: true }),
                    }
                };
                (soft, "")
            }
            Atom::Literal(_) => {
                self.prev = VALUE;
                (soft, "")
            }
            // `&'static [T]`, `'a: 'b`, `<'a>`: a type or a bound follows, spaced.
            Atom::Lifetime(_) => {
                self.prev = Prev::Keyword { tight: false };
                (soft, "")
            }
            Atom::Attr { .. } => {
                self.prev = Prev::Spaced;
                (soft, "")
            }
            Atom::Group { delimiter, .. } => {
                let space = match delimiter {
                    Delimiter::Brace | Delimiter::None => soft,
                    Delimiter::Parenthesis | Delimiter::Bracket => {
                        matches!(prev, Prev::Spaced | Prev::Keyword { tight: false })
                    }
                };
                self.prev = if after_dollar {
                    Prev::Repetition
                } else {
                    VALUE
                };
                (space, "")
            }
            Atom::Op(op, glued) => {
                if after_impl && *op == "<" {
                    self.impl_generics = Some(self.generics + 1);
                }
                let (space, after) = self.op(op, next);
                // An operator glued to the next in the source stays glued to it.
                self.prev = if *glued { Prev::Tight } else { after };
                (space, op)
            }
        }
    }

    fn op(&mut self, op: &'static str, next: Option<&Atom>) -> (bool, Prev) {
        let prev = self.prev;
        let soft = !matches!(prev, Prev::Start | Prev::Tight);
        let unary = !self.after_value();
        match op {
            ":" if prev == Prev::MacroVar && next.is_some_and(is_fragment) => (false, Prev::Tight),
            "," | ";" if prev == Prev::Repetition => (false, Prev::Repetition),
            "," | ";" | ":" => (false, Prev::Spaced),
            "." => (false, Prev::Tight),
            "?" => (false, VALUE),
            "*" | "+" if prev == Prev::Repetition => (false, VALUE),
            "::" => (
                matches!(prev, Prev::Spaced | Prev::Keyword { .. } | Prev::Bang),
                Prev::Tight,
            ),
            ".." | "..=" => (soft && unary, Prev::Tight),
            "$" => {
                self.after_dollar = true;
                (soft, Prev::Tight)
            }
            "#" => (soft, Prev::Tight),
            "!" if matches!(prev, Prev::Value { .. })
                && matches!(next, Some(Atom::Group { .. } | Atom::Word(_))) =>
            {
                (false, Prev::Bang)
            }
            "&" | "*" | "-" | "!" | "&&" if unary => (soft, Prev::Tight),
            "|" if self.closure => {
                self.closure = false;
                (false, Prev::Spaced)
            }
            "|" if unary => {
                self.closure = true;
                (soft, Prev::Tight)
            }
            "<" if self.opens_generics() => {
                self.generics += 1;
                (prev == Prev::Spaced, Prev::Tight)
            }
            // `Result<<S as Serializer>::Ok, ...>`: two generics open at once.
            "<<" if self.opens_generics() => {
                self.generics += 2;
                (prev == Prev::Spaced, Prev::Tight)
            }
            ">" if self.impl_generics == Some(self.generics) => {
                self.generics -= 1;
                self.impl_generics = None;
                (false, Prev::Keyword { tight: false })
            }
            ">" if self.generics > 0 => {
                self.generics -= 1;
                (false, Prev::GenericClose)
            }
            ">>" if self.generics > 1 => {
                self.generics -= 2;
                (false, Prev::GenericClose)
            }
            "=>" => {
                self.block_line = true;
                (soft, Prev::Spaced)
            }
            _ => (soft, Prev::Spaced),
        }
    }

    /// Whether a `<` here opens generics rather than compares.
    fn opens_generics(&self) -> bool {
        match self.prev {
            Prev::Value {
                capitalized,
                after_fn,
            } => capitalized || after_fn,
            Prev::GenericClose | Prev::Repetition | Prev::MacroVar => false,
            _ => true,
        }
    }
}

/// A macro fragment specifier, as in `$name:ident`.
fn is_fragment(atom: &Atom) -> bool {
    matches!(atom, Atom::Word(word) if matches!(
        word.as_str(),
        "block" | "expr" | "expr_2021" | "ident" | "item" | "lifetime" | "literal" | "meta"
            | "pat" | "pat_param" | "path" | "stmt" | "tt" | "ty" | "vis"
    ))
}

/// A name that reads as a type's (`Option`, `T`), not a constant's (`MAX`) or a value's.
fn is_type_name(word: &str) -> bool {
    // Bytes, not characters: no byte of a multi-byte character is ASCII.
    let bytes = word.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    if bytes.len() == 1 {
        return true;
    }
    for b in bytes {
        if b.is_ascii_lowercase() {
            return true;
        }
    }
    false
}

/// Whether the atom after a multi-line block continues its line (`} else {`, `};`, `}),`).
pub(super) fn continues_line(next: Option<&Atom>) -> bool {
    match next {
        Some(Atom::Op(op, _)) => matches!(*op, "," | ";" | "." | "?"),
        Some(Atom::Word(word)) => word == "else",
        _ => false,
    }
}
