//! Locales: the tags a catalog declares (`locale:`, `locales:`), and each translations file
//! checked against its catalog, so that a translated message takes exactly the typed values the
//! default message takes.

use std::path::Path;

use super::messages::{Piece, split_message};
use super::{At, Validator};
use crate::diagnostic::{Diagnostic, Location, quote};
use crate::model::{
    Catalog, Code, CodeKind, Entry, Locales, Message, Segment, TranslatedEntry, Translation,
};
use crate::parse::translations::{RawStatus, RawTranslation, RawTranslations, Text};

/// The locale of a catalog that does not declare one.
pub(crate) const DEFAULT_LOCALE: &str = "en";

/// Why `tag` is not a language tag errcat accepts, if it is not one.
///
/// errcat accepts the well-formed BCP 47 tags (RFC 5646) made of a language and optional
/// script, region and variants: `en`, `fa`, `fa-IR`, `zh-Hant`, `es-419`, `sl-rozaj`. Extended
/// languages, extensions, private use and grandfathered tags are refused: no HTTP client sends
/// them for error text.
pub(crate) fn tag_problem(tag: &str) -> Option<String> {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    if tag.is_empty() {
        return Some("is empty".to_owned());
    }
    if !(alpha(language) && matches!(language.len(), 2 | 3 | 5..=8)) {
        return Some(format!(
            "starts with {}, which is not a language: a language is 2, 3 or 5 to 8 letters (`en`, `fa`)",
            quote(language)
        ));
    }
    // Script, region and variants, each at most once and in this order.
    let mut stage = 0;
    for part in parts {
        let script = part.len() == 4 && alpha(part);
        let region = (part.len() == 2 && alpha(part)) || (part.len() == 3 && digit(part));
        let variant = ((5..=8).contains(&part.len()) && alnum(part))
            || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit() && alnum(part));
        stage = if script && stage < 1 {
            1
        } else if region && stage < 2 {
            2
        } else if variant {
            3
        } else {
            return Some(format!(
                "has {}, which is not a script (4 letters), a region (2 letters or 3 digits) or a variant (5 to 8 letters or digits) in its place",
                quote(part)
            ));
        };
    }
    None
}

/// `tag` in the case BCP 47 recommends: language lowercase, script titlecase, region
/// uppercase (`fa-IR`, `zh-Hant`).
pub(crate) fn canonical(tag: &str) -> String {
    let parts: Vec<String> = tag
        .split('-')
        .enumerate()
        .map(|(i, p)| {
            if i > 0 && p.len() == 2 {
                p.to_ascii_uppercase()
            } else if i > 0 && p.len() == 4 && p.as_bytes()[0].is_ascii_alphabetic() {
                let mut s = p.to_ascii_lowercase();
                s[..1].make_ascii_uppercase();
                s
            } else {
                p.to_ascii_lowercase()
            }
        })
        .collect();
    parts.join("-")
}

impl Validator<'_> {
    /// The catalog's `locale` and `locales`: well-formed tags, in their canonical case, each
    /// once.
    pub(super) fn locales(
        &mut self,
        root: &At,
        locale: Option<&str>,
        others: Option<&[String]>,
    ) -> Locales {
        let default = locale.unwrap_or(DEFAULT_LOCALE).to_owned();
        if locale.is_some() {
            self.tag(&root.key("locale"), &default);
        }
        // The locales seen are the default and `list`: a few, searched in place.
        let mut list: Vec<String> = Vec::new();
        for (i, tag) in others.unwrap_or_default().iter().enumerate() {
            let at = root.key("locales").index(i);
            if !self.tag(&at, tag) {
                continue;
            }
            if *tag == default || list.contains(tag) {
                let d = if *tag == default {
                    self.diagnostic(
                        &at,
                        format!("{} is the catalog's own locale, not another one", quote(tag)),
                    )
                    .with_hint("`locales` lists the locales of the translations files; the catalog's own text is in `locale`")
                } else {
                    self.diagnostic(&at, format!("locale {} is listed twice", quote(tag)))
                        .with_hint("list each locale once")
                };
                self.report(d);
                continue;
            }
            list.push(tag.clone());
        }
        Locales {
            default,
            declared: locale.is_some() || others.is_some(),
            others: list,
            translations: Vec::new(),
        }
    }

    /// Reports `tag` if it is not a well-formed tag in its canonical case.
    fn tag(&mut self, at: &At, tag: &str) -> bool {
        if let Some(why) = tag_problem(tag) {
            let d = self
                .diagnostic(
                    at,
                    format!("{} is not a language tag: it {why}", quote(tag)),
                )
                .with_hint("a locale is a BCP 47 tag such as `en`, `fa`, `fa-IR` or `zh-Hant`");
            self.report(d);
            return false;
        }
        let want = canonical(tag);
        if want != tag {
            let d = self
                .diagnostic(at, format!("locale {} is not in the case BCP 47 recommends", quote(tag)))
                .with_hint(format!("write `{want}`: the language in lowercase, a script in titlecase, a region in capitals"));
            self.report(d);
            return false;
        }
        true
    }
}

/// `code NAME` of an entry, as the catalog's own diagnostics label it.
fn label(e: &Entry) -> String {
    let code = match &e.code {
        Code::Integer(n) => n.to_string(),
        Code::String(s) => format!("{s:?}"),
    };
    crate::parse::entry_label(&code, &e.name)
}

/// Checks the translations file `file` (into `locale`) against `catalog`, which must declare
/// the locale among its `locales`.
pub(crate) fn translation(
    catalog: &Catalog,
    file: &Path,
    locale: &str,
    raw: RawTranslations,
) -> Result<Translation, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    if !catalog.locales.others.iter().any(|l| l == locale) {
        let declared = catalog
            .locales
            .all()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>();
        let hint = if catalog.locales.default == locale {
            format!(
                "the catalog's own text is in `{locale}`; a translations file is for another locale"
            )
        } else if let Some(l) = catalog
            .locales
            .others
            .iter()
            .find(|l| l.eq_ignore_ascii_case(locale))
        {
            format!("the catalog declares `{l}`: name the file with that tag")
        } else {
            format!(
                "add `{locale}` to `locales:` of {}, or remove the file",
                catalog.file.display()
            )
        };
        problems.push(
            Diagnostic::new(
                file,
                None,
                format!(
                    "translations into {}, which the catalog `{}` does not declare (it declares {})",
                    quote(locale),
                    catalog.module,
                    declared.join(", ")
                ),
            )
            .with_hint(hint),
        );
        return Err(problems);
    }
    let entries: Vec<&Entry> = catalog.entries().collect();
    let mut translated: Vec<Option<TranslatedEntry>> = vec![None; entries.len()];
    // The first translation of each entry: two keys may name one code (`1001` and `+1001`).
    let mut first: Vec<Option<&RawTranslation>> = vec![None; entries.len()];
    for t in &raw.entries {
        let Some(i) = find(catalog, &entries, t) else {
            problems.push(
                Diagnostic::new(
                    file,
                    Some(t.at),
                    format!(
                        "code {} is not in the catalog `{}`",
                        shown_code(t),
                        catalog.module
                    ),
                )
                .with_hint(format!(
                    "translate the codes of {} only; correct the code or remove its translation",
                    catalog.file.display()
                )),
            );
            continue;
        };
        let entry = entries[i];
        let label = label(entry);
        if let Some(f) = first[i] {
            problems.push(
                Diagnostic::new(
                    file,
                    Some(t.at),
                    format!("code {} is translated twice", shown_code(t)),
                )
                .with_entry(&label)
                .with_hint(format!(
                    "it is first translated at line {} column {}, as {}; keep one translation",
                    f.at.line,
                    f.at.column,
                    shown_code(f)
                )),
            );
            continue;
        }
        first[i] = Some(t);
        let Some(text) = &t.message else { continue };
        let message = message(file, locale, entry, &label, text, &mut problems);
        let description = t.description.as_ref().and_then(|d| {
            if d.value.trim().is_empty() {
                problems.push(empty(file, locale, "description", d.at, &label));
                None
            } else {
                Some(d.value.clone())
            }
        });
        if let Some(message) = message {
            translated[i] = Some(TranslatedEntry {
                message,
                description,
            });
        }
    }
    // Sorted and without repeats, as a set would be; a `Vec` is less code to compile.
    let mut used: Vec<u16> = entries.iter().filter_map(|e| e.status).collect();
    used.sort();
    used.dedup();
    let mut statuses = Vec::new();
    // The first title of each status: two keys may name one status (`400` and `+400`).
    let mut titled: Vec<(u16, &RawStatus)> = Vec::new();
    for s in &raw.statuses {
        let status = s.status.parse::<u16>().ok().filter(|n| used.contains(n));
        let Some(status) = status else {
            let list: Vec<String> = used.iter().map(u16::to_string).collect();
            problems.push(
                Diagnostic::new(
                    file,
                    Some(s.at),
                    format!(
                        "{} is not an HTTP status of the catalog `{}`",
                        quote(&s.status),
                        catalog.module
                    ),
                )
                .with_hint(if list.is_empty() {
                    "the catalog has no HTTP statuses: remove `statuses`".to_owned()
                } else {
                    format!("its codes are sent with {}", list.join(", "))
                }),
            );
            continue;
        };
        if let Some((_, f)) = titled.iter().find(|(n, _)| *n == status) {
            problems.push(
                Diagnostic::new(
                    file,
                    Some(s.at),
                    format!("status {} is titled twice", quote(&s.status)),
                )
                .with_hint(format!(
                    "it is first titled at line {} column {}, as {}; keep one title",
                    f.at.line,
                    f.at.column,
                    quote(&f.status)
                )),
            );
            continue;
        }
        titled.push((status, s));
        if s.title.value.trim().is_empty() {
            problems.push(
                Diagnostic::new(
                    file,
                    Some(s.title.at),
                    format!("the `{locale}` title of status {status} is empty"),
                )
                .with_hint(
                    "give the title, or leave the status out to keep its English reason phrase",
                ),
            );
            continue;
        }
        statuses.push((status, s.title.value.clone()));
    }
    statuses.sort();
    if problems.is_empty() {
        Ok(Translation {
            locale: locale.to_owned(),
            file: file.to_path_buf(),
            entries: translated,
            statuses,
        })
    } else {
        crate::diagnostic::sort_by_location(&mut problems);
        Err(problems)
    }
}

fn shown_code(t: &RawTranslation) -> String {
    if t.plain {
        format!("`{}`", t.code)
    } else {
        format!("{:?}", t.code)
    }
}

/// The index of the entry that `t` translates.
fn find(catalog: &Catalog, entries: &[&Entry], t: &RawTranslation) -> Option<usize> {
    let code = match catalog.code_kind {
        CodeKind::Integer if t.plain => Code::Integer(t.code.parse().ok()?),
        CodeKind::Integer => return None,
        CodeKind::String => Code::String(t.code.clone()),
    };
    entries.iter().position(|e| e.code == code)
}

fn empty(file: &Path, locale: &str, field: &str, at: Location, label: &str) -> Diagnostic {
    Diagnostic::new(file, Some(at), format!("the `{locale}` {field} is empty"))
        .with_entry(label)
        .with_hint("give the text, or leave it out to keep the default locale's")
}

/// The translated message, its placeholders resolved to the entry's: every one it uses must be
/// declared by the entry, and every one the entry declares must be used.
fn message(
    file: &Path,
    locale: &str,
    entry: &Entry,
    label: &str,
    text: &Text,
    problems: &mut Vec<Diagnostic>,
) -> Option<Message> {
    if text.value.trim().is_empty() {
        problems.push(empty(file, locale, "message", text.at, label));
        return None;
    }
    let at = Some(text.at);
    let pieces = match split_message(&text.value) {
        Ok(pieces) => pieces,
        Err(problem) => {
            problems.push(
                Diagnostic::new(file, at, format!("the `{locale}` message: {problem}"))
                    .with_entry(label)
                    .with_hint(
                        "placeholders are written `{name}`; write `{{` and `}}` for literal braces",
                    ),
            );
            return None;
        }
    };
    let declared = || {
        if entry.placeholders.is_empty() {
            "the entry declares no placeholders".to_owned()
        } else {
            let names: Vec<String> = entry
                .placeholders
                .iter()
                .map(|p| format!("`{{{}}}`", p.name))
                .collect();
            format!("the entry declares {}", names.join(", "))
        }
    };
    let mut used = vec![false; entry.placeholders.len()];
    let mut segments = Vec::new();
    let mut ok = true;
    for piece in pieces {
        match piece {
            Piece::Text(t) => segments.push(Segment::Text(t)),
            Piece::Name(n) => match entry.placeholders.iter().position(|p| p.name == n) {
                Some(i) => {
                    used[i] = true;
                    segments.push(Segment::Placeholder(i));
                }
                None => {
                    ok = false;
                    problems.push(
                        Diagnostic::new(
                            file,
                            at,
                            format!(
                                "the `{locale}` message uses placeholder `{{{n}}}`, which the entry does not declare"
                            ),
                        )
                        .with_entry(label)
                        .with_hint(format!(
                            "{}; a translation takes the same values as the default message",
                            declared()
                        )),
                    );
                }
            },
        }
    }
    for (i, p) in entry.placeholders.iter().enumerate() {
        if !used[i] {
            ok = false;
            problems.push(
                Diagnostic::new(
                    file,
                    at,
                    format!(
                        "the `{locale}` message leaves out placeholder `{{{}}}`",
                        p.name
                    ),
                )
                .with_entry(label)
                .with_hint(format!(
                    "write `{{{}}}` where its value belongs in this locale: the same typed values fill every locale's message",
                    p.name
                )),
            );
        }
    }
    ok.then(|| Message {
        source: text.value.clone(),
        segments,
    })
}
