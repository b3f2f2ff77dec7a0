//! Fidelity of the bundled catalogs to the documents they transcribe.
//!
//! For each source document in `tests/sources/`, a small parser reads its tables the way the
//! document writes them, and every fact the document states is compared with the catalog:
//! codes, names, HTTP statuses, messages (with placeholders written the document's way),
//! descriptions, sections and their order, minor codes with their details and reactions, and the
//! messenger's wait-parameter flags, virtual markers and request numbers. The comparison runs in
//! both directions: every document row must be in the catalog, every catalog entry in the
//! document.
//!
//! Where a catalog deliberately differs from its document, `tests/sources/deviations.yaml` says
//! so, with the reason; the catalog says so in a `note`. Any other difference fails the test, and
//! so does a listed deviation that no longer occurs.
//!
//! How a cell's text is read (padding, markdown, HTML) is decided by the rules in [`rules`], the
//! same for every document.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use errcat_build::model::{Catalog, Entry, Segment};
use serde::Deserialize;

// ---------------------------------------------------------------------------------------------
// Normalisation rules

/// How the text of a document is read before it is compared. Each rule applies to every
/// document; none of them changes a word.
mod rules {
    /// Cell padding: tables pad their cells with spaces and tabs to line the columns up. The
    /// padding is layout, not text.
    pub fn trim_padding(s: &str) -> &str {
        s.trim()
    }

    /// Markdown links: `[#102](../proto/README.md#action_102)` reads as its text, `#102`; the
    /// target is where a renderer links to, not what it shows.
    pub fn links(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(open) = rest.find('[') {
            let after = &rest[open + 1..];
            let link = after.find("](").and_then(|close| {
                let target = &after[close + 2..];
                target.find(')').map(|end| (close, close + 2 + end + 1))
            });
            match link {
                Some((close, next)) => {
                    out.push_str(&rest[..open]);
                    out.push_str(&after[..close]);
                    rest = &after[next..];
                }
                None => {
                    out.push_str(&rest[..=open]);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Markdown emphasis and inline code: `**Message is too long**` and `` `401001` `` read as
    /// their text. Escaped characters are left to [`escapes`].
    pub fn emphasis(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    out.push(c);
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                }
                '*' if chars.peek() == Some(&'*') => {
                    chars.next();
                }
                '`' => {}
                _ => out.push(c),
            }
        }
        out
    }

    /// Markdown escapes: a backslash before ASCII punctuation writes that character
    /// (`SERVICE\_UNAVAILABLE` is `SERVICE_UNAVAILABLE`, `\{{Error Message\}}` is
    /// `{{Error Message}}`).
    pub fn escapes(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\'
                && let Some(&next) = chars.peek()
                && next.is_ascii_punctuation()
            {
                out.push(next);
                chars.next();
                continue;
            }
            out.push(c);
        }
        out
    }

    /// Line breaks: `<br>` in a table cell is a line break. The spaces written around it are
    /// layout, like cell padding.
    pub fn line_breaks(s: &str) -> String {
        s.split("<br>")
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// HTML entities: `&quot;`, `&#39;`, `&lt;`, `&gt;` and `&amp;` read as the characters they
    /// stand for. Applied last, so that an escaped `&lt;br&gt;` stays text.
    pub fn entities(s: &str) -> String {
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    /// Every rule above, in order: what a table cell says.
    pub fn cell(raw: &str) -> String {
        entities(&line_breaks(&escapes(&emphasis(&links(trim_padding(raw))))))
    }

    /// Empty cells: a cell with no text states nothing.
    pub fn stated(cell: String) -> Option<String> {
        (!cell.is_empty()).then_some(cell)
    }

    /// The wildcard: the messenger's minor-code tables write `*` for "any minor code" in the
    /// code column, and for "nothing specific" in the detail and reaction columns; like an
    /// empty cell, it states nothing.
    pub fn stated_or_wildcard(cell: String) -> Option<String> {
        stated(cell).filter(|c| c != "*")
    }

    /// Sentence case: titles are compared ignoring letter case. The catalogs write titles in
    /// sentence case ("Error codes"); the documents often in title case ("Error Codes").
    pub fn same_title(document: &str, catalog: &str) -> bool {
        document.to_lowercase() == catalog.to_lowercase()
    }

    #[test]
    fn each_rule_does_what_its_comment_says() {
        assert_eq!(trim_padding(" \t MODAL_CLOSED \t"), "MODAL_CLOSED");
        assert_eq!(
            links("Send message [#102](../proto/README.md#action_102) now"),
            "Send message #102 now"
        );
        assert_eq!(links("a [b] c"), "a [b] c");
        assert_eq!(emphasis("**Message is too long**"), "Message is too long");
        assert_eq!(emphasis("`401001`"), "401001");
        assert_eq!(emphasis(r"\*\* stays"), r"\*\* stays");
        assert_eq!(escapes(r"SERVICE\_UNAVAILABLE"), "SERVICE_UNAVAILABLE");
        assert_eq!(
            escapes(r"Illegal state: \{{Error Message\}}"),
            "Illegal state: {{Error Message}}"
        );
        assert_eq!(escapes(r"C:\dir"), r"C:\dir");
        assert_eq!(
            line_breaks("Unknown error has occurred.<br> Please try it later."),
            "Unknown error has occurred.\nPlease try it later."
        );
        assert_eq!(
            entities("&quot;App id &amp; secret&quot; &amp;lt;"),
            "\"App id & secret\" &lt;"
        );
        assert_eq!(cell(r" NOT\_ACCEPTABLE   "), "NOT_ACCEPTABLE");
        assert_eq!(stated(String::new()), None);
        assert_eq!(stated_or_wildcard("*".into()), None);
        assert_eq!(stated_or_wildcard("Go".into()), Some("Go".into()));
        assert!(same_title("Error Codes", "Error codes"));
        assert!(!same_title("Error Codes", "Error code"));
    }
}

// ---------------------------------------------------------------------------------------------
// What a document states

/// The facts a document states, parsed. Field values are text after the [`rules`]; `None`
/// means the document states that the entry has no such value (an empty cell, `*`).
struct Document {
    /// The document's file name in `tests/sources/`.
    file: &'static str,
    /// The document's sections in order, or `None` if it has one undivided table.
    sections: Option<Vec<SectionHead>>,
    rows: Vec<Row>,
}

struct SectionHead {
    line: usize,
    title: String,
    /// The section's description, where the document's shape gives one.
    description: Option<Option<String>>,
}

/// One row (entry) of a document.
struct Row {
    line: usize,
    /// Index into the document's sections (0 if it has none).
    section: usize,
    /// The code as written; `None` where the document gives none.
    code: Option<String>,
    /// Field name (see [`entry_value`]) and the document's value, for every fact the
    /// document's shape states.
    facts: Vec<(&'static str, Option<String>)>,
    /// The minor-code table; empty where the document has none.
    minors: Vec<MinorRow>,
}

struct MinorRow {
    line: usize,
    code: u32,
    detail: Option<String>,
    reaction: Option<String>,
}

/// The lines of a text, numbered from 1.
fn numbered(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l))
}

/// The cells of a markdown table row, after the rules. `outer_pipes`: whether the table writes
/// a pipe at the start and end of each row (seed 000's table does not).
fn cells(line: &str, outer_pipes: bool) -> Vec<String> {
    let mut s = line.trim();
    if outer_pipes {
        s = s.strip_prefix('|').unwrap_or(s);
        s = s.strip_suffix('|').unwrap_or(s);
    }
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                current.push(c);
                current.extend(chars.next());
            }
            '|' => out.push(rules::cell(&std::mem::take(&mut current))),
            _ => current.push(c),
        }
    }
    out.push(rules::cell(&current));
    out
}

/// A table's separator row: `|---|:---|`.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The body rows of a table: each row's line number and cells.
type Body = Vec<(usize, Vec<String>)>;

/// A markdown table starting at `lines[at]` (its header): the header cells and the body rows
/// with their line numbers. Returns the index of the first line after the table.
fn table(lines: &[(usize, &str)], at: usize, outer_pipes: bool) -> (Vec<String>, Body, usize) {
    let header = cells(lines[at].1, outer_pipes);
    let (sep_line, sep) = lines[at + 1];
    assert!(
        is_separator(sep),
        "line {sep_line}: expected a table separator"
    );
    let mut rows = Vec::new();
    let mut i = at + 2;
    while i < lines.len() && !lines[i].1.trim().is_empty() {
        let row = cells(lines[i].1, outer_pipes);
        assert_eq!(
            row.len(),
            header.len(),
            "line {}: a row with {} cells in a table of {} columns",
            lines[i].0,
            row.len(),
            header.len()
        );
        rows.push((lines[i].0, row));
        i += 1;
    }
    (header, rows, i)
}

/// The text between typographic or straight quotation marks (`“ETC : …”`), which quote a
/// format or an example in prose. The document closes one example with an opening quote
/// (`“…“`), so either mark closes.
fn quoted(s: &str) -> String {
    s.trim()
        .trim_matches(|c| matches!(c, '“' | '”' | '"'))
        .trim()
        .to_owned()
}

// Field names, shared by documents, the catalog side (`entry_value`) and deviations.yaml.
const NAME: &str = "name";
const MESSAGE: &str = "message";
const EXAMPLE: &str = "example";
const DESCRIPTION: &str = "description";
const STATUS: &str = "status";
const REACTION: &str = "reaction";
const WAIT_PARAMETER: &str = "wait_parameter";
const IS_VIRTUAL: &str = "is_virtual";
const REQUEST: &str = "request";
const RETRYABLE: &str = "retryable";

// ---------------------------------------------------------------------------------------------
// The five document shapes

/// Seed 000, the game account API: one table `returncode | message | detail | userMessage`
/// without outer pipes, its rows grouped by return code. A row with a return code starts a
/// group (a section): its message cell is the group's title, then, after `<br>`, its
/// description. Each row's detail cell is the code; its userMessage the message.
fn game_account(text: &str) -> Document {
    let lines: Vec<_> = numbered(text).collect();
    let at = lines
        .iter()
        .position(|(_, l)| l.starts_with("returncode |"))
        .expect("game_account.txt: the error table");
    let header = cells(lines[at].1, false);
    assert_eq!(header, ["returncode", "message", "detail", "userMessage"]);
    let (sep_line, sep) = lines[at + 1];
    assert!(is_separator(sep), "line {sep_line}: expected a separator");
    let mut sections: Vec<SectionHead> = Vec::new();
    let mut rows = Vec::new();
    let mut status = String::new();
    for &(line, raw) in lines[at + 2..]
        .iter()
        .take_while(|(_, l)| !l.trim().is_empty())
    {
        let row = cells(raw, false);
        // The last row (ETC) stops after its detail cell: no userMessage is written.
        assert!(
            (3..=4).contains(&row.len()),
            "game_account.txt:{line}: {} cells",
            row.len()
        );
        if !row[0].is_empty() {
            status = row[0].clone();
            let (title, description) = match row[1].split_once('\n') {
                Some((t, d)) => (t.to_owned(), Some(d.to_owned())),
                None => (row[1].clone(), None),
            };
            sections.push(SectionHead {
                line,
                title,
                description: Some(description),
            });
        } else {
            assert!(
                row[1].is_empty(),
                "game_account.txt:{line}: a message cell in a group"
            );
        }
        // The detail cell is the code; where it goes on after `<br>`, it describes the code,
        // gives the message's format (`Format : “…”`) and an example (`ex) “…“`).
        let mut detail_lines = row[2].lines();
        let code = detail_lines.next().map(str::to_owned);
        let (mut format, mut example, mut description) = (None, None, Vec::new());
        for l in detail_lines {
            if let Some(f) = l.strip_prefix("Format :") {
                format = Some(quoted(f));
            } else if let Some(e) = l.strip_prefix("ex)") {
                example = Some(quoted(e));
            } else {
                description.push(l);
            }
        }
        // The message is the userMessage; a code whose userMessage is empty but whose detail
        // cell gives the message's format has that format as its message.
        let user_message = row.get(3).cloned().and_then(rules::stated);
        let mut facts = vec![
            (STATUS, Some(status.clone())),
            (MESSAGE, user_message.or(format)),
            (
                DESCRIPTION,
                (!description.is_empty()).then(|| description.join(" ")),
            ),
        ];
        if example.is_some() {
            facts.push((EXAMPLE, example));
        }
        rows.push(Row {
            line,
            section: sections.len() - 1,
            code,
            facts,
            minors: Vec::new(),
        });
    }
    Document {
        file: "game_account.txt",
        sections: Some(sections),
        rows,
    }
}

/// Seed 001, the item market API: three tables under `###` headings. "Regular Error Response"
/// lists general HTTP statuses (`HTTP Status | HTTP Code | Description`); its rows whose code
/// is the link "Error Code" point at the detailed codes (the next two tables) and are not
/// codes themselves. "Retryable" and "Non Retryable Error Response" list the detailed codes
/// (`code | message | description`), returned with the status their prose names.
fn item_market(text: &str) -> Document {
    let lines: Vec<_> = numbered(text).collect();
    let mut sections = Vec::new();
    let mut rows = Vec::new();
    let mut heading: Option<(usize, String)> = None;
    let mut prose_status: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        let (n, l) = lines[i];
        if let Some(h) = l.strip_prefix("### ") {
            heading = Some((n, h.trim().to_owned()));
            prose_status = None;
            i += 1;
            continue;
        }
        if !l.trim_start().starts_with('|') {
            // The status of a table of detailed codes: `httpStatus : 406`, else the prose's
            // "A 500 error response".
            if let Some(s) = l.trim().strip_prefix("httpStatus :") {
                prose_status = Some(s.trim().to_owned());
            } else if prose_status.is_none()
                && let Some(p) = l.find("A ")
            {
                let s: String = l[p + 2..].chars().take(3).collect();
                if s.len() == 3
                    && s.chars().all(|c| c.is_ascii_digit())
                    && l[p + 5..].starts_with(" error")
                {
                    prose_status = Some(s);
                }
            }
            i += 1;
            continue;
        }
        let (line, title) = heading
            .clone()
            .expect("item_market.txt: a table under a heading");
        let (header, body, next) = table(&lines, i, true);
        i = next;
        let section = sections.len();
        sections.push(SectionHead {
            line,
            title: title.clone(),
            description: None,
        });
        if header == ["HTTP Status", "HTTP Code", "Description"] {
            for (line, c) in body {
                if c[1] == "Error Code" {
                    continue;
                }
                rows.push(Row {
                    line,
                    section,
                    code: rules::stated(c[1].clone()),
                    facts: vec![
                        (STATUS, Some(c[0].clone())),
                        // The table's one text column is what the catalog shows.
                        (MESSAGE, rules::stated(c[2].clone())),
                        (DESCRIPTION, None),
                        (RETRYABLE, None),
                    ],
                    minors: Vec::new(),
                });
            }
        } else {
            assert_eq!(header, ["code", "message", "description"], "line {line}");
            let retryable = match title.as_str() {
                "Retryable Error Response" => "true",
                "Non Retryable Error Response" => "false",
                other => panic!("item_market.txt:{line}: unknown table heading {other:?}"),
            };
            let status = prose_status
                .clone()
                .unwrap_or_else(|| panic!("item_market.txt:{line}: no status for {title:?}"));
            for (line, c) in body {
                rows.push(Row {
                    line,
                    section,
                    code: rules::stated(c[0].clone()),
                    facts: vec![
                        (STATUS, Some(status.clone())),
                        (MESSAGE, rules::stated(c[1].clone())),
                        (DESCRIPTION, rules::stated(c[2].clone())),
                        (RETRYABLE, Some(retryable.to_owned())),
                    ],
                    minors: Vec::new(),
                });
            }
        }
    }
    Document {
        file: "item_market.txt",
        sections: Some(sections),
        rows,
    }
}

/// The UPPER_SNAKE form of a description, the way the exchange catalog names its codes
/// ("Card Blocked Error" is `CARD_BLOCKED_ERROR`).
fn upper_snake(words: &str) -> String {
    words
        .split_whitespace()
        .map(str::to_uppercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// Seed 002, the exchange API: one table `Error Code | Description` under `# Error Codes`.
/// The document states codes and descriptions only. Two further facts are the catalog's
/// stated rules (its `note`), checked here for every row: the name is the description in
/// UPPER_SNAKE, the HTTP status the code's first three digits.
fn exchange(text: &str) -> Document {
    let lines: Vec<_> = numbered(text).collect();
    let head = lines
        .iter()
        .position(|(_, l)| l.starts_with("# "))
        .expect("exchange.txt: a heading");
    let at = head
        + lines[head..]
            .iter()
            .position(|(_, l)| l.starts_with('|'))
            .expect("exchange.txt: the table");
    let (header, body, _) = table(&lines, at, true);
    assert_eq!(header, ["Error Code", "Description"]);
    let rows = body
        .into_iter()
        .map(|(line, c)| Row {
            line,
            section: 0,
            code: Some(c[0].clone()),
            facts: vec![
                (NAME, Some(upper_snake(&c[1]))),
                (STATUS, Some(c[0].chars().take(3).collect())),
                (MESSAGE, rules::stated(c[1].clone())),
                (DESCRIPTION, None),
            ],
            minors: Vec::new(),
        })
        .collect();
    Document {
        file: "exchange.txt",
        sections: Some(vec![SectionHead {
            line: lines[head].0,
            title: lines[head].1[2..].trim().to_owned(),
            description: None,
        }]),
        rows,
    }
}

/// Seed 003, the Mixin API: one table `Status | Code | Description` inside the page's YAML
/// front matter (indented), without sections.
fn mixin(text: &str) -> Document {
    let lines: Vec<_> = numbered(text).collect();
    let at = lines
        .iter()
        .position(|(_, l)| l.trim_start().starts_with('|'))
        .expect("mixin.txt: the table");
    let (header, body, _) = table(&lines, at, true);
    assert_eq!(header, ["Status", "Code", "Description"]);
    let rows = body
        .into_iter()
        .map(|(line, c)| Row {
            line,
            section: 0,
            code: Some(c[1].clone()),
            facts: vec![
                (STATUS, Some(c[0].clone())),
                (MESSAGE, rules::stated(c[2].clone())),
                (DESCRIPTION, None),
            ],
            minors: Vec::new(),
        })
        .collect();
    Document {
        file: "mixin.txt",
        sections: None,
        rows,
    }
}

/// A messenger section title in the catalog's form "Topic errors (range)": the document writes
/// "User Errors(1xx)", "System Errors (xx)", "Signaling errors 9xx". Letter case is left to
/// [`rules::same_title`].
fn messenger_title(title: &str) -> String {
    let t = title.trim();
    let at = t
        .to_lowercase()
        .find("errors")
        .unwrap_or_else(|| panic!("messenger.txt: section title {t:?} without \"errors\""));
    let topic = t[..at].trim();
    let range = t[at + "errors".len()..]
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    format!("{topic} errors ({range})")
}

/// The marker of a code whose error message carries a wait parameter.
const WAIT_FLAG: &str = ":triangular_flag_on_post: :one:";

/// Seed 004, the messenger protocol. After the preamble (the title `# Errors`, `##` parts),
/// each `# ` heading is a section, each `### ` heading a code:
/// `### [WAIT_FLAG] Error N - NAME`. Under it, one line of text (the message, or
/// `Virtual Error` for a virtual code, which has no table) and a minor-code table
/// `Minor Code | Detail | Reaction`: its `*` row gives the code's reaction, numbered rows the
/// minor codes. The request a code belongs to is the protocol action its text links to.
fn messenger(text: &str) -> Document {
    struct Building {
        row: Row,
        text: bool,
        /// Lines of the minor-code table read so far (header, separator, rows).
        table_lines: usize,
        wildcard_seen: bool,
    }
    fn finish(b: Option<Building>, rows: &mut Vec<Row>) {
        if let Some(b) = b {
            assert!(
                b.text,
                "messenger.txt:{}: no text under the heading",
                b.row.line
            );
            rows.push(b.row);
        }
    }
    let mut sections: Vec<SectionHead> = Vec::new();
    let mut rows = Vec::new();
    let mut title_seen = false;
    let mut current: Option<Building> = None;
    for (n, line) in numbered(text) {
        if let Some(title) = line.strip_prefix("# ") {
            finish(current.take(), &mut rows);
            // The first `#` heading is the document's title, the others sections.
            if title_seen {
                sections.push(SectionHead {
                    line: n,
                    title: messenger_title(title),
                    description: None,
                });
            }
            title_seen = true;
            continue;
        }
        if let Some(heading) = line.strip_prefix("###") {
            finish(current.take(), &mut rows);
            assert!(
                !sections.is_empty(),
                "messenger.txt:{n}: a code before any section"
            );
            let heading = heading.trim();
            let (wait, heading) = match heading.strip_prefix(WAIT_FLAG) {
                Some(rest) => (true, rest.trim_start()),
                None => (false, heading),
            };
            // "Error" is written "error" in a few headings; the case is not a fact.
            let rest = heading
                .get(..6)
                .filter(|w| w.eq_ignore_ascii_case("error "))
                .map(|_| &heading[6..])
                .unwrap_or_else(|| panic!("messenger.txt:{n}: heading {line:?}"));
            let (code, name) = rest
                .split_once(" - ")
                .unwrap_or_else(|| panic!("messenger.txt:{n}: heading {line:?}"));
            current = Some(Building {
                row: Row {
                    line: n,
                    section: sections.len() - 1,
                    code: Some(code.trim().to_owned()),
                    facts: vec![
                        (NAME, Some(name.trim().to_owned())),
                        (WAIT_PARAMETER, Some(wait.to_string())),
                        (DESCRIPTION, None),
                    ],
                    minors: Vec::new(),
                },
                text: false,
                table_lines: 0,
                wildcard_seen: false,
            });
            continue;
        }
        if line.starts_with("##") {
            assert!(
                sections.is_empty(),
                "messenger.txt:{n}: a `##` part among the codes"
            );
            continue;
        }
        let Some(b) = current.as_mut() else {
            continue; // the preamble
        };
        if line.trim().is_empty() {
            continue;
        }
        if !line.trim_start().starts_with('|') {
            assert!(!b.text, "messenger.txt:{n}: a second line of text");
            assert!(
                b.table_lines == 0,
                "messenger.txt:{n}: text after the table"
            );
            b.text = true;
            let message = rules::cell(line);
            let is_virtual = message == "Virtual Error";
            // The link's text is `#N`, N the protocol action (the request).
            let request = line.find("[#").map(|at| {
                line[at + 2..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            });
            b.row.facts.extend([
                (MESSAGE, Some(message)),
                (IS_VIRTUAL, Some(is_virtual.to_string())),
                (REQUEST, request),
                (REACTION, None),
            ]);
            continue;
        }
        let row = cells(line, true);
        b.table_lines += 1;
        match b.table_lines {
            1 => {
                assert_eq!(
                    row,
                    ["Minor Code", "Detail", "Reaction"],
                    "messenger.txt:{n}"
                );
            }
            2 => {
                assert!(
                    is_separator(line),
                    "messenger.txt:{n}: expected a separator"
                );
            }
            _ => {
                assert_eq!(
                    row.len(),
                    3,
                    "messenger.txt:{n}: a row of {} cells",
                    row.len()
                );
                let [code, detail, reaction] = <[String; 3]>::try_from(row).unwrap();
                if code == "*" {
                    assert!(!b.wildcard_seen, "messenger.txt:{n}: a second `*` row");
                    assert_eq!(detail, "*", "messenger.txt:{n}: a `*` row with a detail");
                    b.wildcard_seen = true;
                    let reaction_fact = b
                        .row
                        .facts
                        .iter_mut()
                        .find(|(f, _)| *f == REACTION)
                        .expect("the text line comes first");
                    reaction_fact.1 = rules::stated_or_wildcard(reaction);
                } else {
                    let code = code
                        .parse()
                        .unwrap_or_else(|_| panic!("messenger.txt:{n}: minor code {code:?}"));
                    b.row.minors.push(MinorRow {
                        line: n,
                        code,
                        detail: rules::stated_or_wildcard(detail),
                        reaction: rules::stated_or_wildcard(reaction),
                    });
                }
            }
        }
    }
    finish(current, &mut rows);
    Document {
        file: "messenger.txt",
        sections: Some(sections),
        rows,
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing a document with its catalog

/// What a difference is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    /// The catalog as a whole.
    Catalog,
    /// A section, by its catalog name.
    Section(String),
    /// An entry, by its catalog code (the document's where the catalog has none).
    Entry(String),
    /// A minor code of an entry.
    Minor(String, u32),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Catalog => f.write_str("the catalog"),
            Target::Section(s) => write!(f, "section {s}"),
            Target::Entry(c) => write!(f, "code {c}"),
            Target::Minor(c, m) => write!(f, "code {c}, minor {m}"),
        }
    }
}

/// One place where the catalog says something other than its document.
#[derive(Debug)]
struct Difference {
    target: Target,
    field: &'static str,
    document: Option<String>,
    in_catalog: Option<String>,
    /// Where in the document (0: nowhere in particular).
    line: usize,
}

fn quote(v: &Option<String>) -> String {
    match v {
        Some(s) => format!("{s:?}"),
        None => "(nothing)".to_owned(),
    }
}

/// A YAML scalar for the ready-to-paste snippet.
fn yaml_scalar(v: &Option<String>) -> String {
    match v {
        Some(s) => format!("{s:?}"),
        None => "~".to_owned(),
    }
}

/// The text of a message with every placeholder replaced by its example (else its documented
/// form): how the document shows a sample of the message.
fn example_text(e: &Entry) -> String {
    e.message
        .segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => t.clone(),
            Segment::Placeholder(i) => {
                let p = &e.placeholders[*i];
                p.example
                    .clone()
                    .or_else(|| p.documented.clone())
                    .unwrap_or_else(|| format!("{{{}}}", p.name))
            }
        })
        .collect()
}

/// The catalog's value of an entry field, as text.
fn entry_value(cat: &Catalog, e: &Entry, field: &str) -> Option<String> {
    match field {
        NAME => Some(e.name.clone()),
        // The message with each placeholder written the document's way.
        MESSAGE => Some(e.message.documented_text(&e.placeholders)),
        EXAMPLE => Some(example_text(e)),
        DESCRIPTION => e.description.clone(),
        STATUS => e.status.map(|s| s.to_string()),
        REACTION => e.reaction.clone(),
        column => {
            let i = cat
                .columns
                .iter()
                .position(|c| c.name == column)
                .unwrap_or_else(|| panic!("catalog {} has no column {column}", cat.module));
            e.columns[i].as_ref().map(ToString::to_string)
        }
    }
}

/// Every difference between a document and its catalog.
fn compare(doc: &Document, cat: &Catalog) -> Vec<Difference> {
    let mut diffs = Vec::new();
    let mut differ = |target: Target,
                      field: &'static str,
                      document: Option<String>,
                      in_catalog: Option<String>,
                      line: usize| {
        if document != in_catalog {
            diffs.push(Difference {
                target,
                field,
                document,
                in_catalog,
                line,
            });
        }
    };

    // Sections, in order: titles and descriptions.
    if let Some(heads) = &doc.sections {
        differ(
            Target::Catalog,
            "sections",
            Some(heads.len().to_string()),
            Some(cat.sections.len().to_string()),
            0,
        );
        for (head, section) in heads.iter().zip(&cat.sections) {
            let target = Target::Section(section.name.clone());
            if !rules::same_title(&head.title, &section.title) {
                differ(
                    target.clone(),
                    "title",
                    Some(head.title.clone()),
                    Some(section.title.clone()),
                    head.line,
                );
            }
            if let Some(description) = &head.description {
                differ(
                    target,
                    DESCRIPTION,
                    description.clone(),
                    section.description.clone(),
                    head.line,
                );
            }
        }
    }

    // Pair document rows with catalog entries.
    let flat: Vec<(usize, &Entry)> = cat.entries_with_section().collect();
    let code_of = |i: usize| flat[i].1.code.to_string();
    let sectioned = doc.sections.is_some();
    let in_section = |row: &Row, i: usize| !sectioned || flat[i].0 == row.section;
    let mut pair: Vec<Option<usize>> = vec![None; doc.rows.len()];
    let mut duplicate = vec![false; doc.rows.len()];
    let mut taken = vec![false; flat.len()];
    // 1. The same code in the same section. A code the document lists again is a duplicate.
    for (r, row) in doc.rows.iter().enumerate() {
        let Some(code) = &row.code else { continue };
        let same = |i: &usize| code_of(*i) == *code && in_section(row, *i);
        if let Some(i) = (0..flat.len()).find(|i| same(i) && !taken[*i]) {
            pair[r] = Some(i);
            taken[i] = true;
        } else if let Some(i) = (0..flat.len()).find(same) {
            pair[r] = Some(i);
            duplicate[r] = true;
        }
    }
    // 2. The same code in another section (a membership difference).
    for (r, row) in doc.rows.iter().enumerate() {
        let Some(code) = row.code.as_ref().filter(|_| pair[r].is_none()) else {
            continue;
        };
        if let Some(i) = (0..flat.len()).find(|i| !taken[*i] && code_of(*i) == *code) {
            pair[r] = Some(i);
            taken[i] = true;
        }
    }
    // 3. In each section, the rows left and the entries left, in order: a renamed code.
    let section_count = doc.sections.as_ref().map_or(1, Vec::len);
    for s in 0..section_count {
        let rows_left: Vec<usize> = (0..doc.rows.len())
            .filter(|r| pair[*r].is_none() && doc.rows[*r].section == s)
            .collect();
        let entries_left: Vec<usize> = (0..flat.len())
            .filter(|i| !taken[*i] && (!sectioned || flat[*i].0 == s))
            .collect();
        for (r, i) in rows_left.into_iter().zip(entries_left) {
            pair[r] = Some(i);
            taken[i] = true;
            differ(
                Target::Entry(code_of(i)),
                "code",
                doc.rows[r].code.clone(),
                Some(code_of(i)),
                doc.rows[r].line,
            );
        }
    }
    // 4. What is left is in one of the two only.
    for (r, row) in doc.rows.iter().enumerate() {
        if pair[r].is_none() {
            let code = row.code.clone().unwrap_or_default();
            differ(
                Target::Entry(code.clone()),
                "entry",
                Some(code),
                None,
                row.line,
            );
        }
    }
    for i in (0..flat.len()).filter(|i| !taken[*i]) {
        differ(
            Target::Entry(code_of(i)),
            "entry",
            None,
            Some(flat[i].1.name.clone()),
            0,
        );
    }

    // The facts of each pair.
    for (r, row) in doc.rows.iter().enumerate() {
        let Some(i) = pair[r] else { continue };
        let (section, entry) = flat[i];
        let target = Target::Entry(code_of(i));
        if duplicate[r] {
            // The document lists the code again: the catalog keeps one entry, and records the
            // later row's text as aliases.
            differ(
                target,
                "duplicate",
                row.facts
                    .iter()
                    .find(|(f, _)| *f == MESSAGE)
                    .and_then(|(_, v)| v.clone()),
                Some(entry.aliases.join(", ")).filter(|a| !a.is_empty()),
                row.line,
            );
            continue;
        }
        for (field, value) in &row.facts {
            differ(
                target.clone(),
                field,
                value.clone(),
                entry_value(cat, entry, field),
                row.line,
            );
        }
        if sectioned && section != row.section {
            differ(
                target.clone(),
                "section",
                cat.sections.get(row.section).map(|s| s.name.clone()),
                Some(cat.sections[section].name.clone()),
                row.line,
            );
        }
        compare_minors(row, entry, &mut differ);
    }

    // Order: each entry follows, in the catalog, the entry it follows in the document.
    let sequence: Vec<(usize, usize)> = (0..doc.rows.len())
        .filter(|r| !duplicate[*r])
        .filter_map(|r| pair[r].map(|i| (r, i)))
        .collect();
    for (k, &(r, i)) in sequence.iter().enumerate() {
        let document = k.checked_sub(1).map(|p| code_of(sequence[p].1));
        let in_catalog = sequence
            .iter()
            .map(|&(_, j)| j)
            .filter(|&j| j < i)
            .max()
            .map(code_of);
        differ(
            Target::Entry(code_of(i)),
            "follows",
            document,
            in_catalog,
            doc.rows[r].line,
        );
    }
    diffs
}

/// The minor codes of a row against the entry's: each documented one, with its detail and
/// own reaction, in the document's order, and no others. Minor codes are paired like entries:
/// by code, then (a code the document repeats, say) the rows and minor codes left, in order.
fn compare_minors(
    row: &Row,
    entry: &Entry,
    differ: &mut impl FnMut(Target, &'static str, Option<String>, Option<String>, usize),
) {
    let code = entry.code.to_string();
    let listed = &entry.minors;
    let mut pair: Vec<Option<usize>> = vec![None; row.minors.len()];
    let mut taken = vec![false; listed.len()];
    for (r, m) in row.minors.iter().enumerate() {
        if let Some(i) =
            (0..listed.len()).find(|i| !taken[*i] && listed[*i].code.as_integer() == Some(m.code))
        {
            pair[r] = Some(i);
            taken[i] = true;
        }
    }
    let rows_left: Vec<usize> = (0..row.minors.len())
        .filter(|r| pair[*r].is_none())
        .collect();
    let listed_left: Vec<usize> = (0..listed.len()).filter(|i| !taken[*i]).collect();
    for (&r, &i) in rows_left.iter().zip(&listed_left) {
        pair[r] = Some(i);
        taken[i] = true;
        differ(
            Target::Minor(code.clone(), minor_code(&listed[i].code)),
            "minor",
            Some(row.minors[r].code.to_string()),
            Some(listed[i].code.to_string()),
            row.minors[r].line,
        );
    }
    for (r, m) in row.minors.iter().enumerate() {
        let Some(i) = pair[r] else {
            let t = Target::Minor(code.clone(), m.code);
            differ(t, "minor", Some(m.code.to_string()), None, m.line);
            continue;
        };
        let (t, c) = (
            Target::Minor(code.clone(), minor_code(&listed[i].code)),
            &listed[i],
        );
        differ(
            t.clone(),
            "detail",
            m.detail.clone(),
            c.detail.clone(),
            m.line,
        );
        differ(t, REACTION, m.reaction.clone(), c.reaction.clone(), m.line);
    }
    for i in (0..listed.len()).filter(|i| !taken[*i]) {
        let t = Target::Minor(code.clone(), minor_code(&listed[i].code));
        differ(t, "minor", None, Some(listed[i].code.to_string()), row.line);
    }
    // The paired minor codes, in the document's order and in the catalog's.
    let join = |codes: Vec<u32>| {
        codes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let documented: Vec<usize> = pair.iter().flatten().copied().collect();
    let mut in_catalog = documented.clone();
    in_catalog.sort_unstable();
    differ(
        Target::Entry(code),
        "minor order",
        Some(join(
            documented
                .iter()
                .map(|&i| minor_code(&listed[i].code))
                .collect(),
        )),
        Some(join(
            in_catalog
                .iter()
                .map(|&i| minor_code(&listed[i].code))
                .collect(),
        )),
        row.line,
    );
}

// ---------------------------------------------------------------------------------------------
// The deviations file

/// `tests/sources/deviations.yaml`: catalog name -> its deliberate differences.
type Deviations = BTreeMap<String, Vec<Deviation>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Deviation {
    /// The section, for a difference in a section's title or description.
    #[serde(default)]
    section: Option<String>,
    /// The entry's catalog code.
    #[serde(default)]
    code: Option<serde_yaml::Value>,
    /// The minor code, for a difference in a minor code.
    #[serde(default)]
    minor: Option<u32>,
    field: String,
    /// What the document says (`~`: nothing).
    document: serde_yaml::Value,
    /// What the catalog says (`~`: nothing).
    catalog: serde_yaml::Value,
    reason: String,
}

fn scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::Null => None,
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        other => panic!("deviations.yaml: {other:?} is not a scalar"),
    }
}

impl Deviation {
    fn target(&self) -> Target {
        match (&self.section, &self.code, self.minor) {
            (None, None, None) => Target::Catalog,
            (Some(s), None, None) => Target::Section(s.clone()),
            (None, Some(code), None) => Target::Entry(scalar(code).expect("a code")),
            (None, Some(code), Some(m)) => Target::Minor(scalar(code).expect("a code"), m),
            _ => panic!("deviations.yaml: {self:?} names both a section and a code"),
        }
    }

    fn matches(&self, d: &Difference) -> bool {
        self.target() == d.target
            && self.field == d.field
            && scalar(&self.document) == d.document
            && scalar(&self.catalog) == d.in_catalog
    }
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, field `{}`: document {}, catalog {}",
            self.target(),
            self.field,
            quote(&scalar(&self.document)),
            quote(&scalar(&self.catalog)),
        )
    }
}

/// Whether the catalog records the deviation in a `note` where it happens: on the entry or
/// the minor code, or on the section (or the catalog) for a section's title.
fn noted(cat: &Catalog, target: &Target) -> bool {
    let entry = |code: &str| cat.entries().find(|e| e.code.to_string() == code);
    match target {
        Target::Catalog => cat.note.is_some(),
        Target::Section(name) => {
            cat.note.is_some()
                || cat
                    .sections
                    .iter()
                    .any(|s| s.name == *name && s.note.is_some())
        }
        Target::Entry(code) => entry(code).is_some_and(|e| e.note.is_some()),
        Target::Minor(code, m) => entry(code).is_some_and(|e| {
            e.note.is_some()
                || e.minors
                    .iter()
                    .any(|c| c.code.as_integer() == Some(*m) && c.note.is_some())
        }),
    }
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalogs() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        errcat_build::load_dir(&manifest_dir().join(Path::new("catalogs")))
            .unwrap_or_else(|e| panic!("the bundled catalogs do not load:\n{e}"))
    })
}

fn deviations() -> &'static Deviations {
    static DEVIATIONS: OnceLock<Deviations> = OnceLock::new();
    DEVIATIONS.get_or_init(|| {
        let path = manifest_dir().join("tests/sources/deviations.yaml");
        let text = std::fs::read_to_string(&path).expect("tests/sources/deviations.yaml");
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("tests/sources/deviations.yaml: {e}"))
    })
}

fn source(file: &str) -> String {
    let path = manifest_dir().join("tests/sources").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses the catalog's document, compares, and fails with every unlisted difference and
/// every stale deviation.
fn check(module: &str, parse: fn(&str) -> Document, file: &str) {
    let cat = catalogs()
        .iter()
        .find(|c| c.module == module)
        .unwrap_or_else(|| panic!("no catalog {module}"));
    let doc = parse(&source(file));
    assert_eq!(doc.file, file);
    assert!(!doc.rows.is_empty(), "{file}: no rows parsed");
    let diffs = compare(&doc, cat);
    let listed: &[Deviation] = deviations().get(module).map_or(&[], Vec::as_slice);

    let mut report = String::new();
    for d in diffs
        .iter()
        .filter(|d| !listed.iter().any(|v| v.matches(d)))
    {
        let at = if d.line > 0 {
            format!(" (tests/sources/{}:{})", doc.file, d.line)
        } else {
            String::new()
        };
        report.push_str(&format!(
            "\n{module}, {}, field `{}`{at}:\n    document: {}\n    catalog:  {}\n",
            d.target,
            d.field,
            quote(&d.document),
            quote(&d.in_catalog),
        ));
        let key = match &d.target {
            Target::Catalog => String::new(),
            Target::Section(s) => format!("section: {s}\n      "),
            Target::Entry(c) => format!("code: {c}\n      "),
            Target::Minor(c, m) => format!("code: {c}\n      minor: {m}\n      "),
        };
        report.push_str(&format!(
            "    add to tests/sources/deviations.yaml if deliberate (and say so in a `note` of \
             the catalog), else fix catalogs/{module}.yaml:\n    - {key}field: {}\n      \
             document: {}\n      catalog: {}\n      reason: ...\n",
            d.field,
            yaml_scalar(&d.document),
            yaml_scalar(&d.in_catalog),
        ));
    }
    for v in listed
        .iter()
        .filter(|v| !diffs.iter().any(|d| v.matches(d)))
    {
        report.push_str(&format!(
            "\n{module}, {v}:\n    listed in tests/sources/deviations.yaml, but the catalog no \
             longer differs from the document so: remove the entry (or correct it)\n"
        ));
    }
    for v in listed {
        if v.reason.trim().is_empty() {
            report.push_str(&format!("\n{module}, {v}: the deviation gives no reason\n"));
        }
        if !noted(cat, &v.target()) {
            report.push_str(&format!(
                "\n{module}, {v}: catalogs/{module}.yaml records no `note` for this deviation; \
                 say there what was changed and why\n"
            ));
        }
    }
    assert!(
        report.is_empty(),
        "catalogs/{module}.yaml and tests/sources/{file} disagree:\n{report}"
    );
}

#[test]
fn game_account_states_what_its_document_states() {
    check("game_account", game_account, "game_account.txt");
}

#[test]
fn item_market_states_what_its_document_states() {
    check("item_market", item_market, "item_market.txt");
}

#[test]
fn exchange_states_what_its_document_states() {
    check("exchange", exchange, "exchange.txt");
}

#[test]
fn mixin_states_what_its_document_states() {
    check("mixin", mixin, "mixin.txt");
}

#[test]
fn messenger_states_what_its_document_states() {
    check("messenger", messenger, "messenger.txt");
}

#[test]
fn deviations_name_bundled_catalogs() {
    let modules: Vec<&str> = catalogs().iter().map(|c| c.module.as_str()).collect();
    for name in deviations().keys() {
        assert!(
            modules.contains(&name.as_str()),
            "tests/sources/deviations.yaml lists deviations of {name:?}, which is not a \
             bundled catalog ({modules:?})"
        );
    }
}

/// The parsers read the whole of each document: as many codes as the document has rows or
/// headings, counted here without the parsers.
#[test]
fn parsers_read_every_row() {
    let messenger_text = source("messenger.txt");
    let headings = messenger_text
        .lines()
        .filter(|l| l.starts_with("###"))
        .count();
    let doc = messenger(&messenger_text);
    assert_eq!(doc.rows.len(), headings);
    let minor_rows = messenger_text
        .lines()
        .filter(|l| {
            let first = l.trim().trim_start_matches('|').trim_start();
            l.trim_start().starts_with('|') && first.starts_with(|c: char| c.is_ascii_digit())
        })
        .count();
    assert_eq!(
        doc.rows.iter().map(|r| r.minors.len()).sum::<usize>(),
        minor_rows
    );
    let sections = messenger_text
        .lines()
        .filter(|l| l.starts_with("# "))
        .count();
    assert_eq!(doc.sections.as_ref().map(Vec::len), Some(sections - 1));

    // A table row is a line with a pipe after the table's header and separator.
    let table_rows = |text: &str| {
        let mut count = 0;
        let mut in_table = 0;
        for l in text.lines() {
            if l.contains('|') {
                in_table += 1;
                if in_table > 2 {
                    count += 1;
                }
            } else {
                in_table = 0;
            }
        }
        count
    };
    let game = source("game_account.txt");
    assert_eq!(game_account(&game).rows.len(), table_rows(&game));
    let market = source("item_market.txt");
    let pointers = market
        .lines()
        .filter(|l| l.contains("[Error Code]("))
        .count();
    assert_eq!(
        item_market(&market).rows.len(),
        table_rows(&market) - pointers
    );
    let exchange_text = source("exchange.txt");
    assert_eq!(
        exchange(&exchange_text).rows.len(),
        table_rows(&exchange_text)
    );
    let mixin_text = source("mixin.txt");
    assert_eq!(mixin(&mixin_text).rows.len(), table_rows(&mixin_text));
}

/// A minor code of a bundled catalog, all of which are integers as their documents write them.
fn minor_code(code: &errcat_build::model::Code) -> u32 {
    code.as_integer()
        .unwrap_or_else(|| panic!("minor code {code} of a bundled catalog is not an integer"))
}
