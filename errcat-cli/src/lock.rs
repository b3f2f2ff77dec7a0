//! The lock file, `errcat.lock` in the catalogs directory: every code each catalog has
//! published, written by `errcat lock` and compared with the catalogs by `errcat check`.
//!
//! The format is line-oriented, so that a change of one code is a change of one line in a
//! diff, and the same catalogs always give the same bytes:
//!
//! ```text
//! errcat-lock 1
//!
//! catalog shop file=shop.yaml
//! wire fields=status,code,message envelope=error
//! column retryable type=bool
//! section CLIENT
//! reserved 1010 1019
//! code 1001 BAD_PAYLOAD status=400 minors=1,2:USERNAME_INVALID
//! code 1002 INSUFFICIENT_BALANCE status=400 placeholders=asset
//! code 1003 FORBIDDEN status=403 aliases=PERMISSION_DENIED
//! code 1004 OLD_TOKEN status=400 retired
//! code 1005 TAKEN status=409 grpc=ALREADY_EXISTS
//! ```
//!
//! A catalog's `domain=` (its gRPC ErrorInfo domain) is written only where it is not the module
//! name, and a code's `grpc=` only where it is not the code its status gives (see
//! `errcat_build::grpc::GrpcCode::derived`), so that a catalog that sets neither has the lines it
//! had before gRPC codes existed.
//!
//! A line is a record kind and its fields, separated by single spaces; a field is a value or
//! `key=value`, a value a list of items separated by `,`, an item a minor code and its name
//! separated by `:`. A word with other characters than letters, digits and `_-./+@` is written
//! as a JSON string; string codes always are, so that `"404"` stays a string. Catalogs are sorted
//! by module name, codes by code, reservations by their first code; sections, columns and
//! wire fields keep the catalog's order. Lines starting with `#` are comments.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use errcat_build::grpc::GrpcCode;
use errcat_build::ident;
use errcat_build::model::{Category, Code};

use crate::compat::{Column, Entry, Minor, Published, Reservation, Section};
use crate::output::{Finding, Place};

/// The lock file's name in the catalogs directory.
pub const FILE_NAME: &str = "errcat.lock";

/// The first line of every lock file: the format and its version.
const VERSION_LINE: &str = "errcat-lock 1";

const HEADER: &str = "\
# Every code each catalog of this directory has published. Written by `errcat lock`: do not
# edit. `errcat check` fails when a catalog breaks a compatibility rule against this file, and
# says to run `errcat lock` when the catalogs changed in an allowed way.
";

/// The lock file's text for these catalogs.
pub fn render(catalogs: &[Published]) -> String {
    let mut sorted: Vec<&Published> = catalogs.iter().collect();
    sorted.sort_by(|a, b| a.module.cmp(&b.module));
    let mut s = String::from(HEADER);
    s.push_str(VERSION_LINE);
    s.push('\n');
    for c in sorted {
        let _ = write!(
            s,
            "\ncatalog {} file={}",
            word(&c.module),
            word(&c.file_name)
        );
        // Written only where it is not the default, the module name.
        if c.domain != c.module {
            let _ = write!(s, " domain={}", word(&c.domain));
        }
        s.push('\n');
        let fields: Vec<String> = c.wire_fields.iter().map(|f| word(f)).collect();
        let _ = write!(s, "wire fields={}", fields.join(","));
        if let Some(envelope) = &c.envelope {
            let _ = write!(s, " envelope={}", word(envelope));
        }
        s.push('\n');
        for col in &c.columns {
            let _ = writeln!(s, "column {} type={}", word(&col.name), word(&col.kind));
        }
        for sec in &c.sections {
            let _ = writeln!(s, "section {}", word(&sec.name));
        }
        for r in &c.reserved {
            if r.first == r.last {
                let _ = writeln!(s, "reserved {}", code(&r.first));
            } else {
                let _ = writeln!(s, "reserved {} {}", code(&r.first), code(&r.last));
            }
        }
        for e in &c.entries {
            let _ = write!(s, "code {} {}", code(&e.code), word(&e.name));
            if let Some(status) = e.status {
                let _ = write!(s, " status={status}");
            }
            // Written only where it is not the code the status gives.
            if e.grpc != GrpcCode::derived(e.status) {
                let _ = write!(s, " grpc={}", e.grpc);
            }
            if e.variant != ident::type_name(&e.name) {
                let _ = write!(s, " variant={}", word(&e.variant));
            }
            let list =
                |items: &[String]| items.iter().map(|i| word(i)).collect::<Vec<_>>().join(",");
            if !e.aliases.is_empty() {
                let _ = write!(s, " aliases={}", list(&e.aliases));
            }
            if !e.placeholders.is_empty() {
                let _ = write!(s, " placeholders={}", list(&e.placeholders));
            }
            if !e.minors.is_empty() {
                let minors: Vec<String> = e
                    .minors
                    .iter()
                    .map(|m| match &m.name {
                        Some(name) => format!("{}:{}", code(&m.code), word(name)),
                        None => code(&m.code),
                    })
                    .collect();
                let _ = write!(s, " minors={}", minors.join(","));
            }
            if e.retired {
                s.push_str(" retired");
            }
            s.push('\n');
        }
    }
    s
}

/// `errcat lock`: writes the lock file of `dir` for its catalogs. Refuses, printing the
/// findings, when the catalogs break a rule against the lock file there, unless `force`.
pub fn run(dir: &Path, force: bool) -> ExitCode {
    let Some(catalogs) = crate::load(dir) else {
        return ExitCode::FAILURE;
    };
    let now: Vec<Published> = catalogs.iter().map(|c| Published::of(c, None)).collect();
    let path = dir.join(FILE_NAME);
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    if let Some(text) = &old
        && !force
    {
        let findings = match read(&path, text) {
            Ok(locked) => crate::compat::compare(&locked, &now),
            Err(problems) => problems,
        };
        if !findings.is_empty() {
            for f in &findings {
                eprintln!("{}\n", f.text());
            }
            eprintln!(
                "error: not writing {}: {} finding{} against it; fix the catalogs, or run `errcat lock --force` to accept a break on purpose",
                path.display(),
                findings.len(),
                if findings.len() == 1 { "" } else { "s" }
            );
            return ExitCode::FAILURE;
        }
    }
    let text = render(&now);
    let codes: usize = now.iter().map(|c| c.entries.len()).sum();
    if old
        .as_deref()
        .is_some_and(|o| o.replace("\r\n", "\n") == text)
    {
        println!(
            "{}: up to date ({} catalogs, {codes} codes)",
            path.display(),
            now.len()
        );
        return ExitCode::SUCCESS;
    }
    if let Err(e) = std::fs::write(&path, &text) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} catalogs, {codes} codes)",
        path.display(),
        now.len()
    );
    ExitCode::SUCCESS
}

/// A word as the lock file writes it: bare if it can be, else a JSON string.
fn word(s: &str) -> String {
    let bare = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | '+' | '@'));
    if bare {
        s.to_owned()
    } else {
        serde_json::to_string(s).expect("a string serializes")
    }
}

fn code(c: &Code) -> String {
    match c {
        Code::Integer(n) => n.to_string(),
        Code::String(s) => serde_json::to_string(s).expect("a string serializes"),
    }
}

/// One word of a line: its text, and whether it was quoted.
#[derive(Clone, Debug, PartialEq)]
struct Atom {
    text: String,
    quoted: bool,
}

/// One field of a line: `value` or `key=value`, the value a list of items of `:`-separated
/// atoms.
#[derive(Debug, PartialEq)]
struct Field {
    key: Option<String>,
    items: Vec<Vec<Atom>>,
}

fn fields(line: &str) -> Result<Vec<Field>, String> {
    let mut chars = line.char_indices().peekable();
    let mut out = Vec::new();
    loop {
        while chars.next_if(|(_, c)| *c == ' ').is_some() {}
        if chars.peek().is_none() {
            return Ok(out);
        }
        let mut key = None;
        let mut items = vec![vec![atom(line, &mut chars)?]];
        if chars.next_if(|(_, c)| *c == '=').is_some() {
            let k = items.pop().expect("one item").pop().expect("one atom");
            if k.quoted {
                return Err(format!("a key is a plain word, not {}", word(&k.text)));
            }
            key = Some(k.text);
            items.push(vec![atom(line, &mut chars)?]);
        }
        loop {
            match chars.peek().map(|(_, c)| *c) {
                Some(':') => {
                    chars.next();
                    let a = atom(line, &mut chars)?;
                    items.last_mut().expect("an item").push(a);
                }
                Some(',') => {
                    chars.next();
                    items.push(vec![atom(line, &mut chars)?]);
                }
                None | Some(' ') => break,
                Some(c) => return Err(format!("unexpected {c:?}")),
            }
        }
        out.push(Field { key, items });
    }
}

fn atom(
    line: &str,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Result<Atom, String> {
    let Some(&(start, first)) = chars.peek() else {
        return Err("a value is missing at the end of the line".to_owned());
    };
    if first == '"' {
        chars.next();
        let mut escaped = false;
        for (i, c) in chars.by_ref() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                let text: String = serde_json::from_str(&line[start..=i])
                    .map_err(|e| format!("a quoted word is not a valid JSON string: {e}"))?;
                return Ok(Atom { text, quoted: true });
            }
        }
        return Err("a quoted word is not closed".to_owned());
    }
    let mut end = start;
    while let Some(&(i, c)) = chars.peek() {
        if matches!(c, ' ' | ',' | ':' | '=' | '"') {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    if end == start {
        return Err(format!("a value is missing before {first:?}"));
    }
    Ok(Atom {
        text: line[start..end].to_owned(),
        quoted: false,
    })
}

/// Reads a lock file. `path` names it in findings; every line that cannot be read is reported.
pub fn read(path: &Path, text: &str) -> Result<Vec<Published>, Vec<Finding>> {
    let mut catalogs: Vec<Published> = Vec::new();
    let mut problems = Vec::new();
    let mut version_seen = false;
    // The codes of the catalog being read, to find one listed twice.
    let mut codes = std::collections::BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let problem = |message: String| {
            Finding::new("LOCK_INVALID", message)
                .at(Place::line(path, n))
                .hint("the lock file is written by `errcat lock`: restore it from version control, or write it anew with `errcat lock --force`")
        };
        if !version_seen {
            if line == VERSION_LINE {
                version_seen = true;
                continue;
            }
            problems.push(problem(format!(
                "this is not an errcat lock file of version 1: the first line is {}, not `{VERSION_LINE}`",
                word(line)
            )));
            return Err(problems);
        }
        match record(path, n, line, &mut catalogs, &mut codes) {
            Ok(()) => {}
            Err(message) => problems.push(problem(message)),
        }
    }
    if !version_seen {
        problems.push(
            Finding::new(
                "LOCK_INVALID",
                format!("the lock file is empty: it has no `{VERSION_LINE}` line"),
            )
            .at(Place::file(path))
            .hint("write it with `errcat lock --force`"),
        );
    }
    if problems.is_empty() {
        Ok(catalogs)
    } else {
        Err(problems)
    }
}

/// Reads one record line into the catalogs read so far.
fn record(
    path: &Path,
    n: usize,
    line: &str,
    catalogs: &mut Vec<Published>,
    codes: &mut std::collections::BTreeSet<Code>,
) -> Result<(), String> {
    let fields = fields(line)?;
    let place = Place::line(path, n);
    let (kind, rest) = fields
        .split_first()
        .expect("a line that is not blank has a field");
    let kind = single(kind).ok_or("a line starts with its record kind")?;
    let mut args = Args::new(rest)?;
    if kind.text == "catalog" {
        let module = args.word("the module name")?;
        let file_name = args.key("file")?.ok_or("`catalog` needs `file=`")?;
        let domain = match args.key("domain")? {
            Some(d) => one(&d, "domain")?,
            None => module.clone(),
        };
        args.done()?;
        if catalogs.iter().any(|c| c.module == module) {
            return Err(format!("catalog `{module}` is listed twice"));
        }
        codes.clear();
        catalogs.push(Published {
            module,
            file_name: one(&file_name, "file")?,
            place: place.clone(),
            categories: Category::ALL.to_vec(),
            domain,
            envelope: None,
            wire_fields: Vec::new(),
            wire_place: place,
            columns: Vec::new(),
            sections: Vec::new(),
            reserved: Vec::new(),
            entries: Vec::new(),
        });
        return Ok(());
    }
    let Some(c) = catalogs.last_mut() else {
        return Err(format!(
            "`{}` comes before the first `catalog` line",
            kind.text
        ));
    };
    match kind.text.as_str() {
        "wire" => {
            let fields = args.key("fields")?.ok_or("`wire` needs `fields=`")?;
            c.wire_fields = fields
                .iter()
                .map(|f| one(std::slice::from_ref(f), "fields"))
                .collect::<Result<_, _>>()?;
            c.envelope = args
                .key("envelope")?
                .map(|e| one(&e, "envelope"))
                .transpose()?;
            c.wire_place = place;
        }
        "column" => {
            let name = args.word("the column name")?;
            let kind = args.key("type")?.ok_or("`column` needs `type=`")?;
            let kind = one(&kind, "type")?;
            if !matches!(kind.as_str(), "bool" | "integer" | "string") {
                return Err(format!("unknown column type {}", word(&kind)));
            }
            c.columns.push(Column { name, kind, place });
        }
        "section" => {
            let name = args.word("the section name")?;
            c.sections.push(Section { name, place });
        }
        "reserved" => {
            let first = args.code()?;
            let last = args.optional_code()?.unwrap_or_else(|| first.clone());
            if last < first {
                return Err(format!("the reserved range {first}-{last} is empty"));
            }
            c.reserved.push(Reservation { first, last, place });
        }
        "code" => {
            let code = args.code()?;
            let name = args.word("the name")?;
            // Absent for a code of a catalog without HTTP statuses.
            let status = match args.key("status")? {
                Some(status) => Some(
                    one(&status, "status")?
                        .parse::<u16>()
                        .map_err(|_| "`status=` is an HTTP status".to_owned())?,
                ),
                None => None,
            };
            let grpc = match args.key("grpc")? {
                Some(g) => {
                    let g = one(&g, "grpc")?;
                    GrpcCode::from_name(&g)
                        .ok_or_else(|| format!("unknown gRPC code {}", word(&g)))?
                }
                None => GrpcCode::derived(status),
            };
            let variant = match args.key("variant")? {
                Some(v) => one(&v, "variant")?,
                None => ident::type_name(&name),
            };
            let list = |items: Option<Vec<Vec<Atom>>>, what: &str| -> Result<Vec<String>, String> {
                items
                    .unwrap_or_default()
                    .iter()
                    .map(|i| one(std::slice::from_ref(i), what))
                    .collect()
            };
            let aliases = list(args.key("aliases")?, "aliases")?;
            let placeholders = list(args.key("placeholders")?, "placeholders")?;
            let mut minors = Vec::new();
            for item in args.key("minors")?.unwrap_or_default() {
                minors.push(minor(&item)?);
            }
            let retired = args.flag("retired");
            args.done()?;
            if !codes.insert(code.clone()) {
                return Err(format!("code {code} is listed twice"));
            }
            c.entries.push(Entry {
                code,
                name,
                variant,
                aliases,
                status,
                grpc,
                retired,
                placeholders,
                minors,
                place,
            });
        }
        other => return Err(format!("unknown record `{other}`")),
    }
    args.done()
}

fn minor(item: &[Atom]) -> Result<Minor, String> {
    let (code, name) = match item {
        [code] => (code, None),
        [code, name] if !name.quoted => (code, Some(name.text.clone())),
        _ => return Err("a minor code is `code` or `code:NAME`".to_owned()),
    };
    let code = parse_code(code)?;
    Ok(Minor {
        variant: ident::minor_type_name(name.as_deref(), &code),
        code,
        name,
    })
}

fn parse_code(a: &Atom) -> Result<Code, String> {
    if a.quoted {
        return Ok(Code::String(a.text.clone()));
    }
    a.text.parse().map(Code::Integer).map_err(|_| {
        format!(
            "code {} is neither an integer code nor a quoted string",
            a.text
        )
    })
}

fn single(f: &Field) -> Option<&Atom> {
    match (&f.key, f.items.as_slice()) {
        (None, [item]) => match item.as_slice() {
            [a] => Some(a),
            _ => None,
        },
        _ => None,
    }
}

/// A value that is one word.
fn one(items: &[Vec<Atom>], what: &str) -> Result<String, String> {
    match items {
        [item] => match item.as_slice() {
            [a] => Ok(a.text.clone()),
            _ => Err(format!("`{what}=` holds a word, not a `:` pair")),
        },
        _ => Err(format!("`{what}=` holds one value")),
    }
}

/// The fields after the record kind: positional values first, then keys, in any order.
struct Args<'a> {
    positional: std::collections::VecDeque<&'a Atom>,
    keyed: Vec<(&'a str, &'a [Vec<Atom>])>,
    flags: Vec<&'a str>,
}

impl<'a> Args<'a> {
    fn new(fields: &'a [Field]) -> Result<Args<'a>, String> {
        let mut args = Args {
            positional: Default::default(),
            keyed: Vec::new(),
            flags: Vec::new(),
        };
        for f in fields {
            match &f.key {
                Some(k) => {
                    if args.keyed.iter().any(|(seen, _)| seen == k) {
                        return Err(format!("`{k}=` is given twice"));
                    }
                    args.keyed.push((k, &f.items));
                }
                None => {
                    let a = single(f).ok_or("a list where one value belongs")?;
                    if !a.quoted && a.text == "retired" {
                        if args.flags.contains(&"retired") {
                            return Err("`retired` is given twice".to_owned());
                        }
                        args.flags.push("retired");
                    } else {
                        args.positional.push_back(a);
                    }
                }
            }
        }
        Ok(args)
    }

    fn word(&mut self, what: &str) -> Result<String, String> {
        self.positional
            .pop_front()
            .map(|a| a.text.clone())
            .ok_or_else(|| format!("{what} is missing"))
    }

    fn code(&mut self) -> Result<Code, String> {
        let a = self.positional.pop_front().ok_or("the code is missing")?;
        parse_code(a)
    }

    fn optional_code(&mut self) -> Result<Option<Code>, String> {
        self.positional.pop_front().map(parse_code).transpose()
    }

    fn key(&mut self, key: &str) -> Result<Option<Vec<Vec<Atom>>>, String> {
        let Some(i) = self.keyed.iter().position(|(k, _)| *k == key) else {
            return Ok(None);
        };
        Ok(Some(self.keyed.remove(i).1.to_vec()))
    }

    fn flag(&mut self, flag: &str) -> bool {
        let had = self.flags.contains(&flag);
        self.flags.retain(|f| *f != flag);
        had
    }

    /// Fails if a field is left that the record does not take.
    fn done(&mut self) -> Result<(), String> {
        if let Some(a) = self.positional.pop_front() {
            return Err(format!("unexpected value {}", word(&a.text)));
        }
        if let Some((k, _)) = self.keyed.first() {
            return Err(format!("unknown field `{k}=`"));
        }
        if let Some(f) = self.flags.first() {
            return Err(format!("`{f}` belongs on a `code` line"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(text: &str) -> Vec<Published> {
        read(Path::new("errcat.lock"), text).unwrap_or_else(|p| {
            panic!(
                "{}",
                p.iter().map(Finding::text).collect::<Vec<_>>().join("\n")
            )
        })
    }

    const SAMPLE: &str = "errcat-lock 1\n\ncatalog shop file=\"my shop.yaml\" domain=shop.example.com\nwire fields=status,code,\"user message\" envelope=error\ncolumn retryable type=bool\nsection CLIENT\nsection SERVER\nreserved 1010 1019\nreserved 1030\ncode 1001 BAD status=400 minors=1,2:USERNAME_INVALID\ncode 1002 FORBIDDEN status=403 variant=Forbidden2 aliases=PERMISSION_DENIED,NO placeholders=who,what\ncode 1004 OLD status=400 retired\ncode 1005 TAKEN status=409 grpc=ALREADY_EXISTS\n\ncatalog strings file=s.yml\nwire fields=code,message\ncode \"404\" NOT_FOUND status=404\ncode \"a \\\"b\\\"\" ODD status=400\n";

    #[test]
    fn reads_every_record() {
        let c = published(SAMPLE);
        assert_eq!(c.len(), 2);
        let shop = &c[0];
        assert_eq!(shop.module, "shop");
        assert_eq!(shop.file_name, "my shop.yaml");
        assert_eq!(shop.wire_fields, ["status", "code", "user message"]);
        assert_eq!(shop.envelope.as_deref(), Some("error"));
        assert_eq!(shop.wire_place.line, Some(4));
        assert_eq!(shop.columns[0].kind, "bool");
        assert_eq!(shop.sections.len(), 2);
        assert_eq!(shop.reserved[0].first, Code::Integer(1010));
        assert_eq!(shop.reserved[0].last, Code::Integer(1019));
        assert_eq!(shop.reserved[1].last, Code::Integer(1030));
        let bad = &shop.entries[0];
        assert_eq!(bad.variant, "Bad");
        assert_eq!(bad.minors[0].variant, "Minor1");
        assert_eq!(bad.minors[1].name.as_deref(), Some("USERNAME_INVALID"));
        assert_eq!(bad.place.line, Some(10));
        let forbidden = &shop.entries[1];
        assert_eq!(forbidden.variant, "Forbidden2");
        assert_eq!(forbidden.aliases, ["PERMISSION_DENIED", "NO"]);
        assert_eq!(forbidden.placeholders, ["who", "what"]);
        assert_eq!(forbidden.status, Some(403));
        assert!(shop.entries[2].retired && !forbidden.retired);
        assert_eq!(shop.domain, "shop.example.com");
        assert_eq!(c[1].domain, "strings");
        // Without `grpc=`, the code the status gives; with it, the one it names.
        assert_eq!(forbidden.grpc, GrpcCode::PermissionDenied);
        assert_eq!(shop.entries[3].grpc, GrpcCode::AlreadyExists);
        assert_eq!(c[1].entries[0].code, Code::String("404".to_owned()));
        assert_eq!(c[1].entries[1].code, Code::String("a \"b\"".to_owned()));
    }

    #[test]
    fn render_then_read_gives_the_same_catalogs_and_the_same_text() {
        let read_once = published(SAMPLE);
        let text = render(&read_once);
        let again = published(&text);
        assert_eq!(render(&again), text);
        let strip = |c: &[Published]| -> Vec<Published> {
            c.iter()
                .map(|c| {
                    let mut c = c.clone();
                    let p = Place::file(Path::new("-"));
                    c.place = p.clone();
                    c.wire_place = p.clone();
                    c.columns.iter_mut().for_each(|x| x.place = p.clone());
                    c.sections.iter_mut().for_each(|x| x.place = p.clone());
                    c.reserved.iter_mut().for_each(|x| x.place = p.clone());
                    c.entries.iter_mut().for_each(|x| x.place = p.clone());
                    c
                })
                .collect()
        };
        assert_eq!(strip(&again), strip(&read_once));
        // Without the header's comment lines, the written text is the sample.
        let body: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(body, SAMPLE);
    }

    #[test]
    fn bad_lines_are_reported_with_their_line_numbers() {
        let text = "errcat-lock 1\ncode 1 A status=400\ncatalog shop file=s.yaml\ncode x A status=400\ncode 2 B status=four\ncode 3 C status=400 colour=red\nfrob 1\ncode 4 D status=400 aliases=\"X\ncode 5 E status=400 retired\ncode 6 F status=400 retired retired\nreserved 9 3\ncode 5 G status=400\n";
        let problems = read(Path::new("errcat.lock"), text).unwrap_err();
        let lines: Vec<(Option<usize>, &str)> = problems
            .iter()
            .map(|f| (f.at.as_ref().and_then(|p| p.line), f.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (Some(2), "`code` comes before the first `catalog` line"),
                (
                    Some(4),
                    "code x is neither an integer code nor a quoted string"
                ),
                (Some(5), "`status=` is an HTTP status"),
                (Some(6), "unknown field `colour=`"),
                (Some(7), "unknown record `frob`"),
                (Some(8), "a quoted word is not closed"),
                (Some(10), "`retired` is given twice"),
                (Some(11), "the reserved range 9-3 is empty"),
                (Some(12), "code 5 is listed twice"),
            ]
        );
        assert!(problems.iter().all(|f| f.rule == "LOCK_INVALID"));
        let not_lock = read(Path::new("errcat.lock"), "title: Shop\n").unwrap_err();
        assert!(
            not_lock[0].message.contains("not an errcat lock file"),
            "{not_lock:?}"
        );
    }

    #[test]
    fn words_are_quoted_only_when_needed() {
        assert_eq!(word("USER_NOT_FOUND"), "USER_NOT_FOUND");
        assert_eq!(word("my-api.yaml"), "my-api.yaml");
        assert_eq!(word("userMessage"), "userMessage");
        assert_eq!(word("a b"), "\"a b\"");
        assert_eq!(word("a,b"), "\"a,b\"");
        assert_eq!(word(""), "\"\"");
        assert_eq!(code(&Code::String("7".to_owned())), "\"7\"");
        assert_eq!(code(&Code::Integer(7)), "7");
    }
}
