//! How much of each catalog is translated: per catalog and locale, the codes its translations
//! file gives a message for, of all its codes. A code left out falls back to the catalog's
//! own text, so coverage is reported, never an error.

use std::path::PathBuf;

use errcat_build::Catalog;
use serde_json::{Value, json};

/// One locale of one catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub catalog: String,
    pub locale: String,
    pub translated: usize,
    pub total: usize,
    /// The translations file; `None` for a declared locale without one.
    pub file: Option<PathBuf>,
}

/// The coverage of every locale the catalogs declare besides their own, in catalog order.
pub fn of(catalogs: &[Catalog]) -> Vec<Coverage> {
    catalogs
        .iter()
        .flat_map(|c| {
            c.locales.others.iter().map(move |locale| {
                let t = c.locales.translation(locale);
                Coverage {
                    catalog: c.module.clone(),
                    locale: locale.clone(),
                    translated: t.map_or(0, |t| t.translated()),
                    total: c.entry_count(),
                    file: t.map(|t| t.file.clone()),
                }
            })
        })
        .collect()
}

impl Coverage {
    /// `payments: fa 3/4 codes translated (catalogs/payments.fa.yaml)`.
    pub fn line(&self) -> String {
        let place = match &self.file {
            Some(file) => format!("({})", file.display()),
            None => "(no translations file: every code falls back)".to_owned(),
        };
        format!(
            "{}: {} {}/{} codes translated {place}",
            self.catalog, self.locale, self.translated, self.total
        )
    }

    pub fn json(&self) -> Value {
        json!({
            "catalog": self.catalog,
            "locale": self.locale,
            "translated": self.translated,
            "total": self.total,
            "file": self.file.as_ref().map(|f| f.display().to_string()),
        })
    }
}
