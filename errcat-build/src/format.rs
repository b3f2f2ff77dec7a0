//! The last stage: the emitters' tokens printed as Rust source that reads like hand-written
//! code, for whoever lands in the generated file after "go to definition".
//!
//! A small printer of the token stream rather than a full formatter: build scripts pay for
//! every dependency, and parsing the file into a syntax tree only to print it again cost more
//! than all the other stages together. It knows the shapes the emitters write and lays them
//! out as rustfmt would in the common cases: items, statements, match arms and fields one per
//! line, indented by block; `#[doc]` attributes as `///` comments; a list in parentheses or
//! brackets on one line when it fits in [`WIDTH`] columns, one element per line otherwise;
//! spaces around binary operators and none inside paths, generics or calls. Whatever it
//! prints, rustc reads back as the same tokens (a test checks every fixture's file so).

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};

mod spacing;

use spacing::{Prev, Spacer, continues_line, opens_block};

/// The column a line should not pass, as rustfmt's default.
const WIDTH: usize = 100;

/// The tokens as source text: `header`, then one item per line.
pub(crate) fn file(header: &str, tokens: TokenStream) -> String {
    let atoms = atoms(tokens);
    let mut printer = Printer {
        out: String::with_capacity(header.len() + atoms.len() * 16),
        indent: 0,
        in_macro: 0,
    };
    printer.out.push_str(header);
    printer.lines(&atoms);
    printer.trim_end();
    printer.out.push('\n');
    printer.out
}

/// A token as the printer sees it: operators made of several punctuation characters are one
/// atom, a lifetime is one atom, and so is an attribute.
#[derive(Debug)]
enum Atom {
    Word(String),
    Literal(String),
    Lifetime(String),
    /// An operator; `glued` when the next token followed it with no space in the source
    /// (`::<`, `,*` in a macro), so that the two are printed together.
    Op(&'static str, bool),
    Group {
        delimiter: Delimiter,
        inner: Vec<Atom>,
        /// Something inside must take several lines (see [`breaks`]).
        breaks: bool,
    },
    Attr {
        inner: bool,
        /// The text of a `#[doc = "..."]` that can be written as a `///` comment.
        doc: Option<String>,
        body: Vec<Atom>,
    },
}

/// Every operator of Rust, longest first, so that a run of joint punctuation splits into the
/// operators rustc would read. The templates (`emit::tokens::template`) join punctuation by the
/// same table.
pub(crate) const OPERATORS: &[&str] = &[
    "<<=", ">>=", "...", "..=", "::", "->", "<-", "=>", "==", "!=", "<=", ">=", "&&", "||", "..",
    "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", "=", "<", ">", "!", "~", "+", "-",
    "*", "/", "%", "^", "&", "|", "@", ".", ",", ";", ":", "#", "$", "?", "'",
];

/// Where the one-character operators start in [`OPERATORS`].
#[cfg(test)]
const ONE_CHARACTER: usize = 25;

/// The atoms of `tokens`. Each group's tokens are taken by value: a group shares its stream,
/// and proc-macro2 copies a shared stream to iterate it.
fn atoms(tokens: TokenStream) -> Vec<Atom> {
    let mut out = Vec::new();
    let mut tokens = Tokens {
        rest: tokens.into_iter().collect::<Vec<_>>().into_iter(),
    };
    let mut run = String::new();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Ident(ident) => out.push(Atom::Word(ident.to_string())),
            TokenTree::Literal(literal) => out.push(Atom::Literal(literal.to_string())),
            TokenTree::Group(group) => {
                let delimiter = group.delimiter();
                let inner = atoms(stream_of(group));
                let breaks = breaks(&inner, delimiter == Delimiter::Brace);
                out.push(Atom::Group {
                    delimiter,
                    inner,
                    breaks,
                });
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                if c == '\''
                    && let Some(TokenTree::Ident(name)) = tokens.peek()
                {
                    out.push(Atom::Lifetime(format!("'{name}")));
                    tokens.next();
                    continue;
                }
                if c == '#'
                    && let Some(attr) = attribute(&mut tokens, punct.spacing())
                {
                    out.push(attr);
                    continue;
                }
                run.clear();
                run.push(c);
                let mut spacing = punct.spacing();
                while spacing == Spacing::Joint {
                    match tokens.peek() {
                        Some(TokenTree::Punct(next)) if next.as_char() != '\'' => {
                            run.push(next.as_char());
                            spacing = next.spacing();
                            tokens.next();
                        }
                        _ => break,
                    }
                }
                let glued_after =
                    spacing == Spacing::Joint && matches!(tokens.peek(), Some(TokenTree::Punct(_)));
                split_operators(&run, glued_after, &mut out);
            }
        }
    }
    // A macro repetition's separator stays with its operator: `$(...),*`.
    for i in 3..out.len() {
        if let [
            Atom::Op("$", _),
            Atom::Group { .. },
            Atom::Op("," | ";", glued),
            Atom::Op("*" | "+" | "?", _),
        ] = &mut out[i - 3..=i]
        {
            *glued = true;
        }
    }
    out
}

/// A run of punctuation as the operators it holds, each glued to the next.
fn split_operators(mut run: &str, glued_after: bool, out: &mut Vec<Atom>) {
    // Most runs are one character: find it among the one-character operators at the end of
    // the table without trying every longer one.
    if let [c] = run.as_bytes()
        && let Some(op) = one_character_operator(*c)
    {
        out.push(Atom::Op(op, glued_after));
        return;
    }
    while !run.is_empty() {
        let op = OPERATORS
            .iter()
            .find(|op| run.starts_with(**op))
            .copied()
            // Every character quote can write is in the table; stay total all the same.
            .unwrap_or("");
        if op.is_empty() {
            out.push(Atom::Word(run.to_owned()));
            return;
        }
        run = &run[op.len()..];
        out.push(Atom::Op(op, !run.is_empty() || glued_after));
    }
}

/// The one-character operator `c` of [`OPERATORS`]: a `match` on a byte, where searching the
/// table compares strings one by one (unoptimized, as build scripts run this).
fn one_character_operator(c: u8) -> Option<&'static str> {
    Some(match c {
        b'=' => "=",
        b'<' => "<",
        b'>' => ">",
        b'!' => "!",
        b'~' => "~",
        b'+' => "+",
        b'-' => "-",
        b'*' => "*",
        b'/' => "/",
        b'%' => "%",
        b'^' => "^",
        b'&' => "&",
        b'|' => "|",
        b'@' => "@",
        b'.' => ".",
        b',' => ",",
        b';' => ";",
        b':' => ":",
        b'#' => "#",
        b'$' => "$",
        b'?' => "?",
        b'\'' => "'",
        _ => return None,
    })
}

/// The tokens of `group`, without sharing them with it.
fn stream_of(group: Group) -> TokenStream {
    let stream = group.stream();
    drop(group);
    stream
}

/// `#[...]` or `#![...]`, after its `#`.
fn attribute(tokens: &mut Tokens, spacing: Spacing) -> Option<Atom> {
    let inner = match tokens.peek()? {
        TokenTree::Punct(bang) if bang.as_char() == '!' && spacing == Spacing::Joint => true,
        TokenTree::Group(_) => false,
        _ => return None,
    };
    match tokens.rest.as_slice().get(usize::from(inner))? {
        TokenTree::Group(group) if group.delimiter() == Delimiter::Bracket => {}
        _ => return None,
    }
    if inner {
        tokens.next();
    }
    let Some(TokenTree::Group(group)) = tokens.next() else {
        unreachable!("a bracketed group, seen above")
    };
    let body: Vec<TokenTree> = stream_of(group).into_iter().collect();
    let doc = doc_text(&body).filter(|text| {
        // As a comment, a line break would end it, a bare carriage return is refused, and
        // `////` or `//!!`-like openings would read as something else.
        !text.contains('\n')
            && !text.contains('\r')
            && !text.starts_with('/')
            && !text.starts_with('!')
    });
    let body = match doc {
        Some(_) => Vec::new(),
        None => atoms(body.into_iter().collect()),
    };
    Some(Atom::Attr { inner, doc, body })
}

/// A cursor over one group's tokens, which it owns.
struct Tokens {
    rest: std::vec::IntoIter<TokenTree>,
}

impl Tokens {
    fn peek(&self) -> Option<&TokenTree> {
        self.rest.as_slice().first()
    }

    fn next(&mut self) -> Option<TokenTree> {
        self.rest.next()
    }
}

/// The text of `doc = "..."`, unescaped.
fn doc_text(tokens: &[TokenTree]) -> Option<String> {
    match tokens {
        [
            TokenTree::Ident(doc),
            TokenTree::Punct(eq),
            TokenTree::Literal(lit),
        ] if doc == "doc" && eq.as_char() == '=' => unescape(&lit.to_string()),
        _ => None,
    }
}

/// The value of a string literal as written in source (`"..."` or `r#"..."#`); `None` for any
/// other literal, or an escape this does not know.
fn unescape(literal: &str) -> Option<String> {
    // By bytes, as the quotes, `r` and `#` are one each (unoptimized, char patterns cost more).
    let bytes = literal.as_bytes();
    if bytes.first() == Some(&b'r') {
        let mut hashes = 0;
        while bytes.get(1 + hashes) == Some(&b'#') {
            hashes += 1;
        }
        let (open, close) = (1 + hashes, bytes.len().checked_sub(hashes)?);
        if close < open + 2 || bytes[open] != b'"' || bytes[close - 1] != b'"' {
            return None;
        }
        return Some(literal[open + 1..close - 1].to_owned());
    }
    if bytes.len() < 2 || bytes[0] != b'"' || bytes[bytes.len() - 1] != b'"' {
        return None;
    }
    let body = &literal[1..literal.len() - 1];
    if !body.contains('\\') {
        return Some(body.to_owned());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                char::from(u8::from_str_radix(&hex, 16).ok()?)
            }
            'u' => {
                let rest = chars.as_str();
                let close = rest.find('}')?;
                let code = u32::from_str_radix(rest.get(1..close)?, 16).ok()?;
                chars = rest[close + 1..].chars();
                char::from_u32(code)?
            }
            _ => return None,
        });
    }
    Some(out)
}

/// Whether the contents of a group must take several lines: an attribute anywhere, a nested
/// group that must, and in braces a statement, a match arm or an item.
fn breaks(atoms: &[Atom], in_braces: bool) -> bool {
    atoms.iter().any(|atom| match atom {
        Atom::Attr { .. } => true,
        Atom::Group { breaks, .. } => *breaks,
        Atom::Op(";" | "=>", _) => in_braces,
        Atom::Word(word) => in_braces && (opens_block(word) || word == "let"),
        _ => false,
    })
}

struct Printer {
    out: String,
    indent: usize,
    /// Inside a macro's arguments or definition, where a comma the tokens do not have could
    /// change what the macro matches: none is added.
    in_macro: usize,
}

impl Printer {
    fn trim_end(&mut self) {
        // Bytes: a space is one, and no other character holds one.
        let mut kept = self.out.len();
        while kept > 0 && self.out.as_bytes()[kept - 1] == b' ' {
            kept -= 1;
        }
        self.out.truncate(kept);
    }

    fn newline(&mut self) {
        /// The indentation of the deepest blocks the emitters write, in one piece.
        const SPACES: &str = "                                                ";
        self.trim_end();
        self.out.push('\n');
        let width = self.indent * 4;
        match SPACES.get(..width) {
            Some(spaces) => self.out.push_str(spaces),
            None => {
                for _ in 0..self.indent {
                    self.out.push_str("    ");
                }
            }
        }
    }

    fn column(&self) -> usize {
        let line = &self.out[self.out.rfind('\n').map_or(0, |at| at + 1)..];
        line.chars().count()
    }

    /// The contents of a block: items, statements, arms or fields, one per line.
    fn lines(&mut self, atoms: &[Atom]) {
        let mut spacer = Spacer::new();
        // The method calls of a statement too long for its line, each on a line of its own.
        let mut chain: Vec<usize> = Vec::new();
        let mut chained = false;
        for (i, atom) in atoms.iter().enumerate() {
            let next = atoms.get(i + 1);
            if matches!(atom, Atom::Attr { .. }) && spacer.prev != Prev::Start {
                self.newline();
                spacer = Spacer::new();
            }
            if spacer.prev == Prev::Start {
                chain = self.chain(&atoms[i..]);
                chain.iter_mut().for_each(|at| *at += i);
            }
            if chain.contains(&i) {
                if !chained {
                    self.indent += 1;
                    chained = true;
                }
                self.newline();
            }
            let reserve = match (atom, next) {
                (Atom::Group { .. }, Some(Atom::Op("->", _))) => signature_tail(&atoms[i + 1..]),
                _ => 0,
            };
            let block_line = spacer.block_line;
            let multiline = self.atom(atom, next, &mut spacer, true, reserve);
            let line_ends = match atom {
                Atom::Op(",", false) | Atom::Op(";", false) => spacer.generics == 0,
                Atom::Attr { .. } => true,
                Atom::Group {
                    delimiter: Delimiter::Brace,
                    ..
                } => (multiline || block_line) && !continues_line(next),
                _ => false,
            };
            if line_ends && chained {
                self.indent -= 1;
                chained = false;
                chain.clear();
            }
            if line_ends && next.is_some() {
                self.newline();
                spacer = Spacer::new();
            }
        }
        if chained {
            self.indent -= 1;
        }
    }

    /// Where the statement opening `atoms` breaks before its method calls: at each `.` after a
    /// call, if the statement does not fit on the line. Empty if it fits, or holds a block.
    fn chain(&self, atoms: &[Atom]) -> Vec<usize> {
        let end = atoms
            .iter()
            .position(|atom| {
                matches!(
                    atom,
                    Atom::Op(";" | ",", false)
                        | Atom::Attr { .. }
                        | Atom::Group {
                            delimiter: Delimiter::Brace,
                            ..
                        }
                )
            })
            .unwrap_or(atoms.len());
        let statement = &atoms[..end];
        let mut calls = Vec::new();
        for k in 1..end.saturating_sub(1) {
            if matches!(statement[k], Atom::Op(".", _))
                && matches!(statement[k - 1], Atom::Group { .. } | Atom::Op("?", _))
                && matches!(statement[k + 1], Atom::Word(_))
            {
                calls.push(k);
            }
        }
        // Most statements call no method on a result: no need to lay them out to know.
        if calls.is_empty() {
            return calls;
        }
        let room = WIDTH.saturating_sub(self.column() + 1);
        if breaks(statement, false) || flat(statement, room, false).is_some() {
            return Vec::new();
        }
        calls
    }

    /// Atoms along the current line, their groups laid out as they fit.
    fn inline(&mut self, atoms: &[Atom]) {
        let mut spacer = Spacer::new();
        for (i, atom) in atoms.iter().enumerate() {
            self.atom(atom, atoms.get(i + 1), &mut spacer, false, 0);
        }
    }

    /// Prints one atom after what the line holds; true if it took several lines.
    fn atom(
        &mut self,
        atom: &Atom,
        next: Option<&Atom>,
        spacer: &mut Spacer,
        own_line: bool,
        reserve: usize,
    ) -> bool {
        let block_line = spacer.block_line;
        let prev = spacer.prev;
        let macro_args = prev == Prev::Bang || spacer.macro_rules;
        let (space, op) = spacer.step(atom, next);
        if space && !matches!(self.out.as_bytes().last(), Some(b' ' | b'\n')) {
            self.out.push(' ');
        }
        match atom {
            Atom::Word(text) | Atom::Literal(text) | Atom::Lifetime(text) => {
                self.out.push_str(text);
            }
            Atom::Op(..) => self.out.push_str(op),
            Atom::Attr { inner, doc, body } => {
                match doc {
                    Some(text) => {
                        self.out.push_str(if *inner { "//!" } else { "///" });
                        self.out.push_str(text);
                    }
                    None => {
                        self.out.push_str(if *inner { "#![" } else { "#[" });
                        self.inline(body);
                        self.out.push(']');
                    }
                }
                // An attribute stands on its own line, and a comment must end there.
                if !own_line {
                    self.newline();
                }
            }
            Atom::Group {
                delimiter,
                inner,
                breaks,
            } => {
                let layout = Layout {
                    breaks: *breaks || block_line && *delimiter == Delimiter::Brace,
                    tight: self.out.as_bytes().ends_with(b"::"),
                    call: !space
                        && !macro_args
                        && matches!(
                            prev,
                            Prev::Value { .. } | Prev::GenericClose | Prev::MacroVar
                        ),
                    reserve,
                };
                self.in_macro += usize::from(macro_args);
                let multiline = self.group(*delimiter, inner, layout);
                self.in_macro -= usize::from(macro_args);
                return multiline;
            }
        }
        false
    }

    /// A group; true if it took several lines.
    fn group(&mut self, delimiter: Delimiter, inner: &[Atom], layout: Layout) -> bool {
        let Layout {
            breaks,
            tight,
            call,
            reserve,
        } = layout;
        let (open, close) = delimiters(delimiter, tight || inner.is_empty());
        // One column more for the `;` or `,` that usually follows.
        let room = WIDTH.saturating_sub(self.column() + open.len() + close.len() + reserve + 1);
        let one_line = match breaks && delimiter == Delimiter::Brace || inner.is_empty() {
            true => None,
            false => flat(inner, room, delimiter == Delimiter::Brace),
        };
        if inner.is_empty() || one_line.is_some() {
            self.out.push_str(open);
            self.out.push_str(one_line.as_deref().unwrap_or_default());
            self.out.push_str(close);
            return false;
        }
        let (open, close) = delimiters(delimiter, true);
        if delimiter == Delimiter::Brace {
            self.out.push_str(open);
            self.indent += 1;
            self.newline();
            self.lines(inner);
            if self.in_macro == 0 && wants_trailing_comma(inner) {
                self.out.push(',');
            }
            self.indent -= 1;
            self.newline();
            self.out.push_str(close);
            return true;
        }
        let items = split_commas(inner);
        if items.len() < 2 {
            // One element too long for the line: on a line of its own if it fits there,
            // else its own groups break.
            let own_room = WIDTH.saturating_sub((self.indent + 1) * 4 + 1);
            let far_right = self.column() > WIDTH / 2;
            if breaks || !far_right && flat(inner, own_room, false).is_none() {
                self.out.push_str(open);
                self.inline(inner);
                self.out.push_str(close);
                return self.out.ends_with(&format!("\n{close}")[..]);
            }
            self.out.push_str(open);
            self.indent += 1;
            self.newline();
            self.inline(items.first().copied().unwrap_or_default());
            // A call's arguments take a trailing comma; a parenthesized expression must not.
            if self.in_macro == 0 && call && delimiter == Delimiter::Parenthesis
                || ends_with_comma(inner)
            {
                self.out.push(',');
            }
            self.indent -= 1;
            self.newline();
            self.out.push_str(close);
            return true;
        }
        // A macro may not take a trailing comma, nor a rest pattern be followed by one.
        let trailing = self.in_macro == 0 && !matches!(items.last(), Some([Atom::Op("..", _)]));
        self.out.push_str(open);
        self.indent += 1;
        for (i, item) in items.iter().enumerate() {
            self.newline();
            self.inline(item);
            if trailing || i + 1 < items.len() || ends_with_comma(inner) {
                self.out.push(',');
            }
        }
        self.indent -= 1;
        self.newline();
        self.out.push_str(close);
        true
    }
}

/// The columns a signature's `-> Type` needs after its parameters, up to its block's `{`.
fn signature_tail(atoms: &[Atom]) -> usize {
    let end = atoms
        .iter()
        .position(|atom| {
            matches!(
                atom,
                Atom::Op(";", _)
                    | Atom::Group {
                        delimiter: Delimiter::Brace,
                        ..
                    }
            ) || matches!(atom, Atom::Word(word) if word == "where")
        })
        .unwrap_or(atoms.len());
    flat(&atoms[..end], WIDTH, false).map_or(0, |text| text.chars().count() + 3)
}

/// How a group is to be laid out, from what comes before and after it.
#[derive(Clone, Copy)]
struct Layout {
    /// Something inside must take several lines.
    breaks: bool,
    /// Braces after `::`, written without spaces inside: a `use` list.
    tight: bool,
    /// A call's arguments, which take one.
    call: bool,
    /// Columns that what follows on the line needs (a signature's return type).
    reserve: usize,
}

/// The delimiters of a group; braces spaced off their contents unless `tight`.
fn delimiters(delimiter: Delimiter, tight: bool) -> (&'static str, &'static str) {
    match delimiter {
        Delimiter::Parenthesis => ("(", ")"),
        Delimiter::Bracket => ("[", "]"),
        Delimiter::Brace if tight => ("{", "}"),
        Delimiter::Brace => ("{ ", " }"),
        Delimiter::None => ("", ""),
    }
}

/// Whether the contents of braces over several lines are a list (fields, variants, arms)
/// whose last element should end with a comma, as the others do. Not after a struct's `..base`,
/// which refuses one, nor in a macro's repetitions, where one would be repeated text.
fn wants_trailing_comma(atoms: &[Atom]) -> bool {
    let mut items = atoms.split(|atom| matches!(atom, Atom::Op(",", false)));
    let Some(last) = items.next_back() else {
        return false;
    };
    let list = atoms.len() > last.len();
    list && !last.is_empty()
        && !matches!(last.first(), Some(Atom::Op("..", _)))
        && !atoms
            .iter()
            .any(|atom| matches!(atom, Atom::Op(";" | "$", _)))
        && !matches!(
            last.last(),
            Some(Atom::Group {
                delimiter: Delimiter::Brace,
                ..
            })
        )
}

fn ends_with_comma(atoms: &[Atom]) -> bool {
    matches!(atoms.last(), Some(Atom::Op(",", false)))
}

/// The elements of a list: the atoms between its top-level commas, without them.
fn split_commas(atoms: &[Atom]) -> Vec<&[Atom]> {
    let mut items: Vec<&[Atom]> = atoms
        .split(|atom| matches!(atom, Atom::Op(",", false)))
        .collect();
    if items.last().is_some_and(|last| last.is_empty()) {
        items.pop();
    }
    items
}

/// The atoms on one line, if they fit in `room` columns and nothing in them must break.
fn flat(atoms: &[Atom], room: usize, braces: bool) -> Option<String> {
    let mut out = String::new();
    flat_into(atoms, room, braces, &mut out)?;
    Some(out)
}

fn flat_into(atoms: &[Atom], room: usize, braces: bool, out: &mut String) -> Option<()> {
    // `Foo { a, b }`: on one line, braces drop a list's last comma (but a macro's text stays
    // as written).
    let atoms = match atoms.split_last() {
        Some((Atom::Op(",", false), rest))
            if braces && !atoms.iter().any(|atom| matches!(atom, Atom::Op("$", _))) =>
        {
            rest
        }
        _ => atoms,
    };
    let mut spacer = Spacer::new();
    for (i, atom) in atoms.iter().enumerate() {
        let (space, op) = spacer.step(atom, atoms.get(i + 1));
        if space && !matches!(out.as_bytes().last(), None | Some(b' ')) {
            out.push(' ');
        }
        match atom {
            Atom::Word(text) | Atom::Literal(text) | Atom::Lifetime(text) => out.push_str(text),
            Atom::Op(..) => out.push_str(op),
            Atom::Attr { .. } => return None,
            Atom::Group {
                delimiter,
                inner,
                breaks,
            } => {
                if *breaks {
                    return None;
                }
                let tight = out.as_bytes().ends_with(b"::") || inner.is_empty();
                let (open, close) = delimiters(*delimiter, tight);
                out.push_str(open);
                flat_into(inner, room, *delimiter == Delimiter::Brace, out)?;
                out.push_str(close);
            }
        }
        if out.len() > room.saturating_mul(4) || out.len() > room && out.chars().count() > room {
            return None;
        }
    }
    Some(())
}

#[cfg(test)]
mod tests;
