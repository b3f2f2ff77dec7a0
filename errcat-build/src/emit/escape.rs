//! Catalog text as Markdown: escaping for table cells, headings and prose, and autolinks.
//!
//! Catalog text is data, not Markdown: every string taken from a catalog goes through
//! [`escape`] (for table cells and other inline places) or [`escape_prose`] (for descriptions
//! and notes, which may use `code spans`), so that a pipe, an angle bracket or an asterisk in a
//! message shows as itself and never breaks a table. The Markdown pages (`markdown.rs`), the
//! rustdoc of the generated Rust and the OpenAPI descriptions all use it.

/// A catalog's `source`: an autolink when it is a URL, else escaped text.
pub fn source(text: &str) -> String {
    if is_url(text) {
        format!("<{text}>")
    } else {
        escape_prose(text)
    }
}

fn is_url(text: &str) -> bool {
    url_len(text) == text.len()
}

/// The length of the URL at the start of `text`, or 0: `http://` or `https://` followed by
/// characters up to whitespace, `<`, `>`, `|`, a backtick or a quote, less trailing
/// punctuation (and a closing parenthesis the URL does not open).
fn url_len(text: &str) -> usize {
    let scheme = if text.starts_with("https://") {
        8
    } else if text.starts_with("http://") {
        7
    } else {
        return 0;
    };
    let mut end = text[scheme..]
        .find(|c: char| {
            c.is_whitespace() || matches!(c, '<' | '>' | '|' | '`' | '"' | '\\' | '{' | '}')
        })
        .map_or(text.len(), |i| scheme + i);
    loop {
        let url = &text[..end];
        let last = url.chars().next_back();
        let strip = match last {
            Some('.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '~') => true,
            Some(')') => url.matches('(').count() < url.matches(')').count(),
            _ => false,
        };
        if !strip || end <= scheme {
            break;
        }
        end -= 1;
    }
    if end <= scheme { 0 } else { end }
}

/// Escapes catalog text for an inline place, one that does not start a line: a table cell, a
/// heading's text, a link text. Every character Markdown (CommonMark with GitHub's tables,
/// strikethrough and math) could read as inline syntax is escaped, HTML is turned into text,
/// line breaks become `<br>`, and URLs become autolinks. The result is one line that renders
/// as the text itself.
pub fn escape(text: &str) -> String {
    escape_inline(text, false, false)
}

/// Escapes catalog text for a paragraph (a description, a note, a reaction): as [`escape`],
/// except that `code spans` written with one or two backticks are kept, and that a blank line
/// separates paragraphs. Each paragraph is one line, so nothing in the text can start a
/// heading, a list, a quote or a code block.
pub fn escape_prose(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(escape_inline(&current.join("\n"), true, true));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(escape_inline(&current.join("\n"), true, true));
    }
    paragraphs.join("\n\n")
}

/// `code_spans`: keep `code spans`; `line_start`: the text starts a line, so escape what
/// would make that line a heading, a list item, a rule or a code block.
fn escape_inline(text: &str, code_spans: bool, line_start: bool) -> String {
    let text = text.trim();
    if reads_as_itself(text, line_start) {
        return text.to_owned();
    }
    escape_characters(text, code_spans, line_start)
}

/// [`escape_inline`] of trimmed text, character by character.
fn escape_characters(text: &str, code_spans: bool, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = if i == 0 { None } else { Some(chars[i - 1].1) };
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let word_start = prev.is_none_or(|p| !p.is_alphanumeric());
        if c == 'h' && word_start {
            let n = url_len(&text[at..]);
            if n > 0 {
                out.push('<');
                out.push_str(&text[at..at + n]);
                out.push('>');
                let end = at + n;
                while i < chars.len() && chars[i].0 < end {
                    i += 1;
                }
                continue;
            }
        }
        if c == '`' {
            let run = chars[i..].iter().take_while(|&&(_, c)| c == '`').count();
            if code_spans
                && run <= 2
                && let Some(len) = code_span_len(&chars[i..], run)
            {
                for &(_, c) in &chars[i..i + len] {
                    out.push(c);
                }
                i += len;
                continue;
            }
            for _ in 0..run {
                out.push_str("\\`");
            }
            i += run;
            continue;
        }
        match c {
            '\\' | '|' | '*' | '[' | ']' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '_' if word_start || next.is_none_or(|n| !n.is_alphanumeric()) => out.push_str("\\_"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            // Block syntax can only start a line, and the result is one line.
            '#' | '-' | '+' | '=' if line_start && i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if line_start && chars[..i].iter().all(|&(_, c)| c.is_ascii_digit()) => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Whether [`escape_inline`] would leave `text` as it is: it holds none of the characters
/// that are escaped or start a code span, nothing that may start a URL, and, at the start of
/// a line, nothing that opens a block. Most catalog text does, and reading its bytes costs a
/// tenth of walking its characters (unoptimized, as build scripts run this).
fn reads_as_itself(text: &str, line_start: bool) -> bool {
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\\' | b'|' | b'*' | b'[' | b']' | b'~' | b'$' | b'_' | b'<' | b'>' | b'&' | b'`'
            | b'\r' | b'\n' => return false,
            b'h' if bytes[i..].starts_with(b"http") => return false,
            _ => {}
        }
    }
    if line_start {
        if let Some(b'#' | b'-' | b'+' | b'=') = bytes.first() {
            return false;
        }
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if let Some(b'.' | b')') = bytes.get(digits) {
            return false;
        }
    }
    true
}

/// The length in characters of the code span opened by a run of `run` backticks at the start
/// of `chars`, if a run of exactly `run` backticks closes it before the end of the line.
fn code_span_len(chars: &[(usize, char)], run: usize) -> Option<usize> {
    let mut j = run;
    while j < chars.len() {
        match chars[j].1 {
            '\n' => return None,
            '`' => {
                let n = chars[j..].iter().take_while(|&&(_, c)| c == '`').count();
                if n == run {
                    // An empty span (` `` `) is not a span.
                    return (j > run).then_some(j + n);
                }
                j += n;
            }
            _ => j += 1,
        }
    }
    None
}

/// Text in a code span when it can be written as one (no backtick, no line break, no pipe),
/// else escaped text.
pub fn code_span(text: &str) -> String {
    if text.is_empty() || text.contains(['`', '\n', '\r', '|']) || text.trim() != text {
        escape(text)
    } else {
        format!("`{text}`")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The cells of a one-line table row, split the way GitHub splits them: on pipes that are
    /// not escaped with a backslash.
    pub(crate) fn cells(row: &str) -> Vec<String> {
        let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
        let mut cells = vec![String::new()];
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    cells.last_mut().unwrap().push(c);
                    if let Some(n) = chars.next() {
                        cells.last_mut().unwrap().push(n);
                    }
                }
                '|' => cells.push(String::new()),
                _ => cells.last_mut().unwrap().push(c),
            }
        }
        cells
    }

    /// Undoes [`escape`] the way a Markdown renderer shows the text: backslash escapes and
    /// the three entities, `<br>` as a line break, autolinks as their URL.
    fn unescape(s: &str) -> String {
        let s = s
            .replace("<br>", "\n")
            .replace("&lt;", "\u{1}")
            .replace("&gt;", "\u{2}");
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.extend(chars.next()),
                '<' | '>' => {}
                _ => out.push(c),
            }
        }
        out.replace("&amp;", "&")
            .replace('\u{1}', "<")
            .replace('\u{2}', ">")
    }

    const HOSTILE: &[&str] = &[
        "a | b || c |",
        "<script>alert(1)</script> & <br> &amp; &quot;",
        "`code` ``double`` ```fence``` `unclosed",
        "**bold** *em* _em_ __strong__ snake_case_name _leading trailing_",
        "[link](http://x) ![img](y) [[wiki]]",
        "~~strike~~ $x$ $$y$$ \\ backslash \\| escaped pipe",
        "line one\nline two\r\nline three",
        "# heading",
        "- item",
        "+ item",
        "1. ordered",
        "12) ordered",
        "=====",
        "> quote",
        "    indented code",
        "see https://example.com/a_b|c and http://x.org/(p). end",
        "{{Error Message}} %asset% #102 :one:",
        "ends with a backslash \\",
    ];

    /// The shortcut for text that needs no escape takes none that does: on every string of
    /// up to four characters from those that matter, and around them.
    #[test]
    fn text_taken_as_it_is_needs_no_escape() {
        let alphabet = [
            'a', 'h', ' ', '1', '.', ')', '#', '-', '+', '=', '_', '`', '*', '|', '\\', '<', '&',
            '\n', 'é',
        ];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            let mut longer = Vec::new();
            for text in &last {
                for c in alphabet {
                    longer.push(format!("{text}{c}"));
                }
            }
            texts.extend(longer.iter().cloned());
            last = longer;
        }
        texts.extend(
            [
                "http://x.io",
                "see https://x.io/a.",
                "12. x",
                "3) y",
                "h ttp",
                "a_b c",
            ]
            .map(String::from),
        );
        let mut plain = 0;
        for text in &texts {
            let text = text.trim();
            for line_start in [false, true] {
                if reads_as_itself(text, line_start) {
                    plain += 1;
                    for code_spans in [false, true] {
                        assert_eq!(escape_characters(text, code_spans, line_start), text);
                    }
                }
            }
        }
        assert!(plain > 1000, "{plain}");
    }

    #[test]
    fn escaped_text_never_breaks_a_table_row() {
        for text in HOSTILE {
            let escaped = escape(text);
            let row = format!("| {escaped} | next |");
            assert!(!escaped.contains('\n'), "{text:?} -> {escaped:?}");
            assert_eq!(cells(&row).len(), 2, "{text:?} -> {row:?}");
            assert_eq!(cells(&row)[1].trim(), "next", "{text:?} -> {row:?}");
        }
    }

    #[test]
    fn escaped_text_reads_as_the_original() {
        for text in HOSTILE {
            let want = text.trim().replace("\r\n", "\n");
            assert_eq!(
                unescape(&escape(text)),
                want,
                "{text:?} -> {:?}",
                escape(text)
            );
            // Prose keeps code spans, whose backticks the reader does not see.
            if !text.contains('`') {
                let prose = escape_prose(text);
                assert_eq!(unescape(&prose), want, "{text:?} -> {prose:?}");
                assert!(!prose.contains('\n'), "{text:?} -> {prose:?}");
            }
        }
    }

    #[test]
    fn escape_leaves_no_markup_unescaped() {
        let e = escape("<b>*a* _b_ `c` [d](e) ~~f~~ $g$ |h|</b>");
        assert_eq!(
            e,
            "&lt;b&gt;\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~\\~f\\~\\~ \\$g\\$ \\|h\\|&lt;/b&gt;"
        );
        // No raw HTML survives, whatever the input.
        for text in HOSTILE {
            let e = escape(text).replace("<br>", "");
            let outside_autolinks: String = e
                .split('<')
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part.to_owned()
                    } else {
                        assert!(part.starts_with("http"), "raw '<' in {e:?}");
                        part.split_once('>').map_or("", |(_, rest)| rest).to_owned()
                    }
                })
                .collect();
            assert!(!outside_autolinks.contains('>'), "raw '>' in {e:?}");
        }
    }

    #[test]
    fn underscores_inside_words_stay_readable() {
        assert_eq!(escape("RELATION_ERROR"), "RELATION_ERROR");
        assert_eq!(escape("_x_"), "\\_x\\_");
        assert_eq!(escape("a__b"), "a\\_\\_b");
    }

    #[test]
    fn block_syntax_at_the_start_of_a_paragraph_is_escaped() {
        assert_eq!(escape_prose("# no heading"), "\\# no heading");
        assert_eq!(escape_prose("- no item"), "\\- no item");
        assert_eq!(escape_prose("+ no item"), "\\+ no item");
        assert_eq!(escape_prose("3. no item"), "3\\. no item");
        assert_eq!(escape_prose("12) no item"), "12\\) no item");
        assert_eq!(escape_prose("===="), "\\====");
        assert_eq!(escape_prose("2024"), "2024");
        assert_eq!(escape_prose("a - b # c 1. d"), "a - b # c 1. d");
        // Indentation that would make a code block is dropped.
        assert_eq!(escape_prose("    x"), "x");
        // Inside a table cell none of that is block syntax, so a cell keeps it as it is.
        assert_eq!(escape("+8613800138000"), "+8613800138000");
        assert_eq!(escape("#102"), "#102");
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(
            escape("see https://example.com/a_b."),
            "see <https://example.com/a_b>."
        );
        assert_eq!(escape("(http://x.org/p)"), "(<http://x.org/p>)");
        assert_eq!(escape("xhttp://no"), "xhttp://no");
        assert_eq!(escape("http://"), "http://");
    }

    #[test]
    fn prose_keeps_code_spans_and_paragraphs() {
        let text = "Returned as `{\"error\": 1}` in the body.\n\nSecond <p> with ``a|b``.";
        assert_eq!(
            escape_prose(text),
            "Returned as `{\"error\": 1}` in the body.\n\nSecond &lt;p&gt; with ``a|b``."
        );
        // An unclosed backtick is escaped, and so is a fence.
        assert_eq!(escape_prose("a `b"), "a \\`b");
        assert_eq!(escape_prose("```rust"), "\\`\\`\\`rust");
        // A single line break stays in its paragraph.
        assert_eq!(
            escape_prose("ex) - one\n- two\n\n- three"),
            "ex) - one<br>- two\n\n\\- three"
        );
    }

    #[test]
    fn code_span_falls_back_to_escaping() {
        assert_eq!(code_span("E_1"), "`E_1`");
        assert_eq!(code_span("a`b"), "a\\`b");
        assert_eq!(code_span("a|b"), "a\\|b");
    }
}
