//! The locales of a catalog and its translations.

use std::path::PathBuf;

use super::Message;

/// The locales a catalog is written in: its default locale and the others it carries, with
/// the translations read for them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Locales {
    /// The BCP 47 tag of the catalog's own text (`locale:`; `en` when not set).
    pub default: String,
    /// Whether the catalog declares `locale:` or `locales:`; a set of catalogs none of which
    /// does gets no localized API.
    pub declared: bool,
    /// The tags of the other locales (`locales:`), in the catalog's order.
    pub others: Vec<String>,
    /// The translations read for the other locales, in the order of [`Locales::others`]; a
    /// locale without a translations file has none here, and every code falls back to the
    /// default locale's text.
    pub translations: Vec<Translation>,
}

impl Locales {
    /// Every locale of the catalog, the default first.
    pub fn all(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.default.as_str()).chain(self.others.iter().map(String::as_str))
    }

    /// The translation into `tag`, if one was read.
    pub fn translation(&self, tag: &str) -> Option<&Translation> {
        self.translations.iter().find(|t| t.locale == tag)
    }
}

/// One locale's text for the entries of a catalog, from its translations file.
#[derive(Clone, Debug, PartialEq)]
pub struct Translation {
    /// The BCP 47 tag.
    pub locale: String,
    /// The translations file it was read from.
    pub file: PathBuf,
    /// By entry, in document order: the entry's text in this locale, where the file gives it.
    pub entries: Vec<Option<TranslatedEntry>>,
    /// The title of each HTTP status in this locale (`statuses:`), sorted by status: what
    /// problem documents show as `title`.
    pub statuses: Vec<(u16, String)>,
}

impl Translation {
    /// How many entries the file translates.
    pub fn translated(&self) -> usize {
        self.entries.iter().filter(|e| e.is_some()).count()
    }
}

/// One entry's text in a locale.
#[derive(Clone, Debug, PartialEq)]
pub struct TranslatedEntry {
    /// The message, its placeholders those of the entry (by the entry's indices), so that the
    /// entry's typed values fill it.
    pub message: Message,
    pub description: Option<String>,
}
