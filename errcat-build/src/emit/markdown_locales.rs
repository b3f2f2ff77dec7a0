//! The "Locales" part of a catalog's Markdown page, for a catalog that declares locales: how
//! much each locale translates, and a table of every code's message with a column per locale.
//! A code a locale does not translate shows that it falls back to the catalog's own text.

use std::fmt::Write as _;

use super::escape::{code_span, escape};
use super::markdown::entry_anchor;
use crate::model::Catalog;

/// Appends the part to the page `s`; nothing for a catalog without locales.
pub(super) fn locales(s: &mut String, c: &Catalog) {
    let l = &c.locales;
    if !l.declared || l.others.is_empty() {
        return;
    }
    s.push_str("## Locales\n\n");
    let _ = writeln!(
        s,
        "Written in `{}`; translated into {}. A code a locale does not translate is sent in `{}`.\n",
        l.default,
        l.others
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", "),
        l.default
    );
    s.push_str("| Locale | Translated | File |\n| --- | ---: | --- |\n");
    let total = c.entry_count();
    for tag in &l.others {
        let (n, file) = match l.translation(tag) {
            Some(t) => (
                t.translated(),
                code_span(
                    &t.file
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                ),
            ),
            None => (0, "(none)".to_owned()),
        };
        let _ = writeln!(s, "| `{tag}` | {n} of {total} |  {file} |");
    }
    s.push('\n');
    let _ = write!(s, "| Code | `{}` |", l.default);
    for tag in &l.others {
        let _ = write!(s, " `{tag}` |");
    }
    s.push_str("\n| --- | --- |");
    for _ in &l.others {
        s.push_str(" --- |");
    }
    s.push('\n');
    for (i, e) in c.entries().enumerate() {
        let _ = write!(
            s,
            "| [{}](#{}) | {} |",
            code_span(&e.code.to_string()),
            entry_anchor(e),
            escape(&e.message.text(&e.placeholders))
        );
        for tag in &l.others {
            let text = l
                .translation(tag)
                .and_then(|t| t.entries.get(i))
                .and_then(Option::as_ref)
                .map_or_else(
                    || format!("*({} text)*", l.default),
                    |t| escape(&t.message.text(&e.placeholders)),
                );
            let _ = write!(s, " {text} |");
        }
        s.push('\n');
    }
    s.push('\n');
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_has_a_column_per_locale_and_shows_what_falls_back() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/locales/catalogs");
        let catalogs = crate::load_dir(&dir).unwrap();
        let page = super::super::markdown::catalog_page(&catalogs[0]);
        let start = page.find("## Locales\n").expect("a Locales part");
        let part = &page[start..];
        let part = &part[..part[12..].find("\n## ").map_or(part.len(), |e| e + 12)];
        let lines: Vec<&str> = part.lines().collect();
        assert_eq!(
            lines[..7],
            [
                "## Locales",
                "",
                "Written in `en`; translated into `fa`, `de`. A code a locale does not translate is sent in `en`.",
                "",
                "| Locale | Translated | File |",
                "| --- | ---: | --- |",
                "| `fa` | 3 of 4 |  `payments.fa.yaml` |",
            ]
        );
        assert_eq!(lines[9], "| Code | `en` | `fa` | `de` |");
        // The bidi controls and zero-width characters are kept (escaped where Markdown needs it).
        assert!(
            lines[11].contains("موجودی کافی نیست: \u{200f}{currency} {amount} درخواست شد."),
            "{}",
            lines[11]
        );
        assert!(
            lines[12].contains("کارت منقضی شده\u{200c}است."),
            "{}",
            lines[12]
        );
        assert!(lines[13].ends_with("| *(en text)* |"), "{}", lines[13]);
        assert!(
            lines[14].ends_with("| The account is frozen. | *(en text)* | *(en text)* |"),
            "{}",
            lines[14]
        );
    }
}
