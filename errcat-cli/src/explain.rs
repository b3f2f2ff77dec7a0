//! `errcat explain`: everything the catalogs say about one code, in the manner of
//! `rustc --explain`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use errcat_build::Catalog;
use errcat_build::model::{Code, Entry, Value};

use crate::load;

/// Width that long text is wrapped to.
const WIDTH: usize = 96;
/// Width of the label column of the field lines.
const LABEL: usize = 14;

pub fn run(query: &str, catalog: Option<&str>, dir: &Path) -> ExitCode {
    let Some(catalogs) = load(dir) else {
        return ExitCode::FAILURE;
    };
    let selected: Vec<&Catalog> = match catalog {
        None => catalogs.iter().collect(),
        Some(name) => {
            let found: Vec<&Catalog> = catalogs.iter().filter(|c| c.module == name).collect();
            if found.is_empty() {
                let names: Vec<&str> = catalogs.iter().map(|c| c.module.as_str()).collect();
                eprintln!(
                    "error: there is no catalog `{name}` in {}; the catalogs are: {}",
                    dir.display(),
                    names.join(", ")
                );
                return ExitCode::FAILURE;
            }
            found
        }
    };
    let found = find(&selected, query);
    if found.is_empty() {
        eprintln!("{}", unknown(&selected, query, catalog, dir));
        return ExitCode::FAILURE;
    }
    let mut out = String::new();
    if found.len() > 1 {
        let places: Vec<String> = found
            .iter()
            .map(|f| format!("{} ({})", f.entry.label(), f.catalog.module))
            .collect();
        let _ = writeln!(
            out,
            "`{}` matches {} codes: {}\n",
            query.trim(),
            found.len(),
            places.join(", ")
        );
    }
    let blocks: Vec<String> = found.iter().map(explain).collect();
    out.push_str(&blocks.join(&format!("\n{}\n\n", "-".repeat(WIDTH))));
    print!("{out}");
    ExitCode::SUCCESS
}

/// An entry with its catalog and the index of its section.
struct Found<'a> {
    catalog: &'a Catalog,
    section: usize,
    entry: &'a Entry,
}

/// The entries that `query` names, in catalog order: by code, matched as each catalog types
/// its codes (an integer code by its decimal form, a string code as written, so `00000` is
/// the string code `"00000"` and not the integer 0), or by documented name or alias as
/// written. Only if nothing matches so, names are matched in any case.
fn find<'a>(catalogs: &[&'a Catalog], query: &str) -> Vec<Found<'a>> {
    let query = query.trim();
    let exact = matching(catalogs, |e| {
        code_is(&e.code, query) || e.name == query || e.aliases.iter().any(|a| a == query)
    });
    if !exact.is_empty() {
        return exact;
    }
    matching(catalogs, |e| {
        e.name.eq_ignore_ascii_case(query)
            || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(query))
    })
}

/// Whether `query` is the code as its catalog writes it.
fn code_is(code: &Code, query: &str) -> bool {
    match code {
        Code::Integer(n) => n.to_string() == query,
        Code::String(s) => s == query,
    }
}

fn matching<'a>(catalogs: &[&'a Catalog], hit: impl Fn(&Entry) -> bool) -> Vec<Found<'a>> {
    let mut found = Vec::new();
    for c in catalogs {
        for (section, e) in c.entries_with_section() {
            if hit(e) {
                found.push(Found {
                    catalog: c,
                    section,
                    entry: e,
                });
            }
        }
    }
    found
}

fn unknown(catalogs: &[&Catalog], query: &str, catalog: Option<&str>, dir: &Path) -> String {
    let mut s = match catalog {
        Some(name) => format!("error: catalog `{name}` has no code or name `{query}`"),
        None => format!(
            "error: no catalog in {} has a code or name `{query}`",
            dir.display()
        ),
    };
    let mut candidates: Vec<String> = Vec::new();
    for c in catalogs {
        for e in c.entries() {
            candidates.push(e.name.clone());
            candidates.extend(e.aliases.iter().cloned());
            if let Code::String(code) = &e.code {
                candidates.push(code.clone());
            }
        }
    }
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    let query = query.trim();
    let near = errcat_build::ident::nearest(query, &refs)
        .or_else(|| errcat_build::ident::nearest(&query.to_ascii_uppercase(), &refs))
        .or_else(|| errcat_build::ident::nearest(&query.to_ascii_lowercase(), &refs));
    if let Some(near) = near {
        let places: Vec<String> = find(catalogs, near)
            .iter()
            .map(|f| format!("{} in {}", f.entry.label(), f.catalog.module))
            .collect();
        let _ = write!(
            s,
            "\nhelp: a similar name exists: `{near}` ({})",
            places.join(", ")
        );
    }
    s
}

/// The full account of one entry.
fn explain(found: &Found<'_>) -> String {
    let (c, e) = (found.catalog, found.entry);
    let mut s = String::new();
    if e.code.to_string() == e.name {
        let _ = writeln!(s, "{} ({})", e.name, c.module);
    } else {
        let _ = writeln!(s, "{} {} ({})", e.code, e.name, c.module);
    }
    let _ = writeln!(s, "\n{}\n", wrap(&e.message.text(&e.placeholders), 4));
    let field = |s: &mut String, label: &str, value: &str| {
        let text = wrap(value, LABEL);
        let _ = writeln!(s, "{label:<LABEL$}{}", text.trim_start());
    };
    let section = &c.sections[found.section];
    field(
        &mut s,
        "Catalog:",
        &format!("{}, {} ({})", c.module, c.title, c.file.display()),
    );
    field(
        &mut s,
        "Section:",
        &format!("{}, {}", section.name, section.title),
    );
    if let Some(status) = e.status {
        field(&mut s, "HTTP status:", &status.to_string());
    }
    field(&mut s, "gRPC code:", &e.grpc.describe());
    field(
        &mut s,
        "gRPC reason:",
        &format!(
            "{} (ErrorInfo domain `{}`)",
            errcat_build::ident::grpc_reason(&e.name),
            c.domain
        ),
    );
    field(
        &mut s,
        "Rust:",
        &format!("{}::Error::{}", c.module, e.type_name()),
    );
    if !e.aliases.is_empty() {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .zip(&e.alias_rust_names)
            .map(|(a, rust)| format!("{a} ({}::Error::{rust})", c.module))
            .collect();
        field(&mut s, "Aliases:", &aliases.join(", "));
    }
    if let Some(why) = &e.deprecated {
        field(&mut s, "Deprecated:", why);
    }
    if !c.columns.is_empty() {
        let _ = writeln!(s, "Columns:");
        let width = c
            .columns
            .iter()
            .map(|col| col.name.len())
            .max()
            .unwrap_or(0)
            + 2;
        for (col, v) in c.columns.iter().zip(&e.columns) {
            let v = v.as_ref().or(col.default.as_ref());
            let value = match v {
                Some(Value::String(text)) => format!("{text:?}"),
                Some(v) => v.to_string(),
                None => "(not set)".to_owned(),
            };
            let _ = writeln!(s, "  {:<width$}{value}", col.name);
        }
    }
    if let Some(r) = &e.reaction {
        field(&mut s, "Reaction:", r);
    }
    if let Some(d) = &e.description {
        let _ = writeln!(s, "\nDescription:\n{}", wrap(d, 2));
    }
    if !e.placeholders.is_empty() {
        let _ = writeln!(s, "\nPlaceholders (in the order `render` takes them):");
        for p in &e.placeholders {
            let mut text = format!("{{{}}}", p.name);
            if let Some(d) = &p.description {
                let _ = write!(text, ": {d}");
            }
            if let Some(x) = &p.example {
                let _ = write!(text, " Example: {x}.");
            }
            if let Some(x) = &p.documented {
                let _ = write!(text, " The document writes it {x}.");
            }
            let _ = writeln!(s, "{}", wrap(&text, 2));
        }
    }
    if !e.minors.is_empty() {
        let _ = writeln!(s, "\nMinor codes:");
        for m in &e.minors {
            let mut text = m.code.to_string();
            if let Some(name) = &m.name {
                let _ = write!(text, " {name}");
            }
            let _ = write!(text, ": {}", m.detail.as_deref().unwrap_or("(no detail)"));
            let _ = writeln!(s, "{}", wrap(&text, 2));
            if let Some(r) = m.effective_reaction(e) {
                let _ = writeln!(s, "{}", wrap(&format!("reaction: {r}"), 6));
            }
            if let Some(n) = &m.note {
                let _ = writeln!(s, "{}", wrap(&format!("note: {n}"), 6));
            }
        }
    }
    if let Some(n) = &e.note {
        let _ = writeln!(s, "\nNote:\n{}", wrap(n, 2));
    }
    s
}

/// `text` wrapped to [`WIDTH`] columns, every line indented by `indent` spaces; the text's
/// own line breaks are kept.
fn wrap(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut lines: Vec<String> = Vec::new();
    for source_line in text.lines() {
        let mut line = pad.clone();
        let mut width = indent;
        for word in source_line.split_whitespace() {
            let w = word.chars().count();
            if width > indent && width + 1 + w > WIDTH {
                lines.push(std::mem::replace(&mut line, pad.clone()));
                width = indent;
            }
            if width > indent {
                line.push(' ');
                width += 1;
            }
            line.push_str(word);
            width += w;
        }
        lines.push(line);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole_and_indents() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text, 2);
        assert!(wrapped.lines().count() > 1);
        for line in wrapped.lines() {
            assert!(line.len() <= WIDTH, "{line:?}");
            assert!(line.starts_with("  word"), "{line:?}");
        }
        assert_eq!(wrapped.split_whitespace().count(), 40);
        assert_eq!(wrap("a\nb", 1), " a\n b");
        // Width counts characters, not bytes.
        let quotes = "“é” ".repeat(30);
        let wrapped = wrap(&quotes, 0);
        let lengths: Vec<usize> = wrapped.lines().map(|l| l.chars().count()).collect();
        assert_eq!(lengths, [95, 23]);
    }
}
