//! Messages in several locales: a catalog's text in each locale it carries, the trait every
//! owned error of a localized catalog implements, and the choice of a locale from a client's
//! language preferences.
//!
//! A catalog is written in one locale and may carry others, each from a translations file
//! beside it (`payments.fa.yaml`). The generator checks that every translated message uses
//! exactly the placeholders of the catalog's message, so the typed values of a code fill its
//! message in every locale. Generated code holds only the text, as one [`Translations`] per
//! catalog and locale; the generated `Locale` enum (one for the file), `Error::message_in`,
//! `Failure::message_in` and the [`Translated`] impl read it. A code a locale does not
//! translate falls back to the catalog's own text.
//!
//! With the `axum` feature, `AcceptLanguage` reads a request's `Accept-Language` header and
//! `Localized` / `LocalizedProblem` answer in the language it prefers.

use core::fmt;

use crate::{Filled, Piece, Raised};

#[cfg(feature = "axum")]
mod http;
#[cfg(feature = "axum")]
pub use http::{AcceptLanguage, Localized, LocalizedProblem, RespondIn};

/// One locale's text of one catalog, by code index (the order of the catalog's `Error::ALL`).
/// Generated as a `static` per catalog and locale; read through the generated accessors.
#[derive(Debug)]
pub struct Translations {
    /// The locale's BCP 47 tag.
    pub tag: &'static str,
    /// Each code's message, placeholders as `{name}`; `None` where the locale does not
    /// translate the code.
    pub messages: &'static [Option<&'static str>],
    /// The translated messages as pieces, stored flat: code `i`'s are
    /// `templates[templates_at[i]..templates_at[i + 1]]`, empty where it is not translated.
    /// Placeholder indices are those of the catalog's own message.
    pub templates: &'static [Piece],
    /// Where each code's pieces start in `templates`, and where the last one's end.
    pub templates_at: &'static [u32],
    /// Each code's description; empty when the locale translates none.
    pub descriptions: &'static [Option<&'static str>],
    /// The title of each HTTP status in the locale, sorted by status.
    pub statuses: &'static [(u16, &'static str)],
}

impl Translations {
    /// Code `code`'s message in this locale, if it is translated.
    #[inline]
    pub const fn message(&self, code: usize) -> Option<&'static str> {
        if code < self.messages.len() {
            self.messages[code]
        } else {
            None
        }
    }

    /// Code `code`'s message as pieces, if it is translated.
    #[inline]
    pub const fn template(&self, code: usize) -> Option<&'static [Piece]> {
        if self.message(code).is_none() || code + 1 >= self.templates_at.len() {
            return None;
        }
        let (start, end) = (
            self.templates_at[code] as usize,
            self.templates_at[code + 1] as usize,
        );
        if start > end || end > self.templates.len() {
            return None;
        }
        Some(self.templates.split_at(end).0.split_at(start).1)
    }

    /// Code `code`'s description in this locale, if it is translated.
    #[inline]
    pub const fn description(&self, code: usize) -> Option<&'static str> {
        if code < self.descriptions.len() {
            self.descriptions[code]
        } else {
            None
        }
    }

    /// The title of `status` in this locale, if the translations give one.
    pub fn status_title(&self, status: u16) -> Option<&'static str> {
        self.statuses
            .binary_search_by_key(&status, |(s, _)| *s)
            .ok()
            .map(|i| self.statuses[i].1)
    }
}

/// An owned error of a catalog that carries several locales (each localized catalog module's
/// `Failure`), for code that is generic over catalogs. A locale is named by its index in
/// [`Translated::locale_tags`], where 0 is the catalog's own locale; the generated inherent
/// methods take the file's `Locale` enum instead.
pub trait Translated: Raised {
    /// The tags of the locales the catalog is written in, its own first.
    fn locale_tags(&self) -> &'static [&'static str];

    /// The message in the locale `locale_tags()[locale]` as pieces, with the tag of the locale
    /// it is written in: that locale where it translates the code, else the catalog's own (an
    /// index out of range is the catalog's own locale).
    fn template_at(&self, locale: usize) -> (&'static str, &'static [Piece]);

    /// The title of the error's HTTP status in the locale `locale_tags()[locale]`, if its
    /// translations give one.
    fn status_title_at(&self, locale: usize) -> Option<&'static str>;

    /// The message in the locale `locale_tags()[locale]` with the values filled in (written
    /// without allocating), and the tag of the locale it is written in.
    fn message_at(&self, locale: usize) -> (&'static str, Filled<'_>) {
        let (tag, pieces) = self.template_at(locale);
        (tag, Filled::new(pieces, self.values()))
    }
}

/// A tag that is not one of the file's locales (the error of the generated `Locale`'s
/// `FromStr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownLocale;

impl fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown locale")
    }
}

impl std::error::Error for UnknownLocale {}

/// The index in `tags` of the locale that best meets a client's language ranges (`fa-IR`,
/// `en`, `*`), each with its quality (`q`, 0 to 1); `None` when none is acceptable, where the
/// caller answers in its own locale (index 0).
///
/// The ranges are tried from the highest quality down (ties in the order given); a range of
/// quality 0 is never chosen. A range matches a tag that equals it, ignoring ASCII case; else,
/// as RFC 4647's lookup does, the range without its last subtag (`fa-IR` becomes `fa`), and so
/// on; else a tag that starts with the range (`fa` matches `fa-IR`). The wildcard `*` matches
/// the first tag, the catalog's own locale.
pub fn negotiate<'r>(
    ranges: impl IntoIterator<Item = (&'r str, f32)>,
    tags: &[&str],
) -> Option<usize> {
    let mut ranges: Vec<(&str, f32)> = ranges.into_iter().filter(|(_, q)| *q > 0.0).collect();
    // Stable: ranges of equal quality keep the client's order.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    let find = |range: &str| tags.iter().position(|t| t.eq_ignore_ascii_case(range));
    for (range, _) in ranges {
        if range == "*" {
            return (!tags.is_empty()).then_some(0);
        }
        let mut candidate = range;
        loop {
            if let Some(i) = find(candidate) {
                return Some(i);
            }
            let Some((shorter, _)) = candidate.rsplit_once('-') else {
                break;
            };
            // A single-character subtag (`x`, an extension's key) goes with the one after it.
            candidate = match shorter.rsplit_once('-') {
                Some((rest, last)) if last.len() == 1 => rest,
                _ => shorter,
            };
        }
        let longer = tags.iter().position(|t| {
            t.len() > range.len()
                && t.as_bytes()[range.len()] == b'-'
                && t[..range.len()].eq_ignore_ascii_case(range)
        });
        if longer.is_some() {
            return longer;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAGS: &[&str] = &["en", "fa", "de-CH"];

    fn pick(header: &[(&str, f32)]) -> Option<usize> {
        negotiate(header.iter().copied(), TAGS)
    }

    #[test]
    fn the_highest_quality_acceptable_range_wins() {
        assert_eq!(pick(&[("de-CH", 0.5), ("fa", 0.9)]), Some(1));
        assert_eq!(pick(&[("fa", 1.0), ("en", 1.0)]), Some(1));
        assert_eq!(pick(&[("en", 1.0), ("fa", 1.0)]), Some(0));
        assert_eq!(pick(&[("fa", 0.0), ("de-ch", 0.1)]), Some(2));
    }

    #[test]
    fn ranges_are_shortened_then_extended() {
        assert_eq!(pick(&[("fa-IR", 1.0)]), Some(1));
        assert_eq!(pick(&[("FA-ir-x-private", 1.0)]), Some(1));
        assert_eq!(pick(&[("de", 1.0)]), Some(2));
        assert_eq!(pick(&[("d", 1.0)]), None);
    }

    #[test]
    fn the_wildcard_is_the_own_locale_and_unknown_ranges_match_nothing() {
        assert_eq!(pick(&[("*", 1.0)]), Some(0));
        assert_eq!(pick(&[("ja", 1.0), ("*", 0.1)]), Some(0));
        assert_eq!(pick(&[("ja", 1.0), ("zh", 0.5)]), None);
        assert_eq!(pick(&[]), None);
        assert_eq!(negotiate([("*", 1.0)], &[]), None);
    }

    static PIECES: [Piece; 3] = [
        Piece::Text("کمبود "),
        Piece::Placeholder {
            index: 0,
            name: "amount",
        },
        Piece::Text("."),
    ];
    static FA: Translations = Translations {
        tag: "fa",
        messages: &[None, Some("کمبود {amount}.")],
        templates: &PIECES,
        templates_at: &[0, 0, 3],
        descriptions: &[],
        statuses: &[(400, "درخواست نادرست"), (402, "پرداخت لازم است")],
    };

    #[test]
    fn translations_are_read_by_code_index() {
        assert_eq!(FA.message(0), None);
        assert_eq!(FA.template(0), None);
        assert_eq!(FA.message(1), Some("کمبود {amount}."));
        assert_eq!(FA.template(1), Some(&PIECES[..]));
        assert_eq!(FA.message(7), None);
        assert_eq!(FA.template(7), None);
        assert_eq!(FA.description(1), None);
        assert_eq!(FA.status_title(402), Some("پرداخت لازم است"));
        assert_eq!(FA.status_title(403), None);
        let values = [crate::Value::Int(3)];
        assert_eq!(
            Filled::new(FA.template(1).unwrap(), &values).to_string(),
            "کمبود 3."
        );
    }
}
