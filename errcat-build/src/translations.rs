//! Translations files: `NAME.LOCALE.yaml` beside the catalog `NAME.yaml` holds the catalog's
//! text in `LOCALE` (`shop.fa.yaml` is the Persian text of `shop.yaml`). Such a file is never
//! read as a catalog.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, quote};
use crate::model::{Catalog, Translation};
use crate::{parse, validate};

/// The catalog stem and the locale of a file named like a translations file,
/// `NAME.LOCALE.yaml` (or `.yml`) with `LOCALE` a well-formed language tag: `shop.fa.yaml`
/// gives `("shop", "fa")`. Whether it is one depends on its catalog being beside it
/// ([`catalog_files`](crate::catalog_files) decides).
pub fn translations_file_name(file_name: &str) -> Option<(&str, &str)> {
    let rest = file_name
        .strip_suffix(".yaml")
        .or_else(|| file_name.strip_suffix(".yml"))?;
    let (stem, tag) = rest.rsplit_once('.')?;
    (!stem.is_empty() && validate::tag_problem(tag).is_none()).then_some((stem, tag))
}

/// Whether `file_name` is the translations file of a catalog among `names` (the file names of
/// its directory): `shop.fa.yaml` beside `shop.yaml` or `shop.yml`.
pub fn is_translations_file(file_name: &str, names: &[&str]) -> bool {
    translations_file_name(file_name).is_some_and(|(stem, _)| {
        names
            .iter()
            .any(|n| *n == format!("{stem}.yaml") || *n == format!("{stem}.yml"))
    })
}

/// Parses and checks one translations file against its catalog: `file`'s name gives the
/// locale (`shop.fa.yaml` is Persian), which the catalog must declare in `locales`. The
/// result belongs in the catalog's [`Locales::translations`](crate::model::Locales); the
/// loaders of a directory put it there.
pub fn load_translations_str(
    catalog: &Catalog,
    file: &Path,
    text: &str,
) -> Result<Translation, Vec<Diagnostic>> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((_, tag)) = translations_file_name(&name) else {
        return Err(vec![
            Diagnostic::new(
                file,
                None,
                format!("the file name {} names no locale", quote(&name)),
            )
            .with_hint("name a translations file after its catalog and locale: `shop.fa.yaml`"),
        ]);
    };
    let raw = parse::translations::parse(file, text)?;
    validate::translation(catalog, file, tag, raw)
}

/// The translations files of `dir`, sorted by name.
pub(crate) fn files(dir: &Path) -> Result<Vec<PathBuf>, crate::Error> {
    let (_, translations) = crate::yaml_files(dir)?;
    Ok(translations)
}

/// Reads the translations files of `dir` into the catalogs they belong to. A file whose
/// catalog did not load is skipped: that catalog's problems are reported already.
pub(crate) fn load_into(
    dir: &Path,
    catalogs: &mut [Catalog],
    problems: &mut Vec<Diagnostic>,
) -> Result<(), crate::Error> {
    for file in files(dir)? {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((stem, _)) = translations_file_name(&name) else {
            continue;
        };
        let Some(catalog) = catalogs.iter_mut().find(|c| {
            c.file.parent() == Some(dir)
                && c.file.file_stem().and_then(|s| s.to_str()) == Some(stem)
        }) else {
            continue;
        };
        let text = match parse::read_file(&file) {
            Ok(text) => text,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        match load_translations_str(catalog, &file, &text) {
            Ok(t) => {
                if let Some(first) = catalog.locales.translation(&t.locale) {
                    problems.push(
                        Diagnostic::new(
                            &file,
                            None,
                            format!("a second translations file into `{}`", t.locale),
                        )
                        .with_hint(format!(
                            "{} translates into the same locale; keep one file",
                            first.file.display()
                        )),
                    );
                    continue;
                }
                catalog.locales.translations.push(t);
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    for catalog in catalogs.iter_mut() {
        let order = |t: &Translation| {
            catalog
                .locales
                .others
                .iter()
                .position(|l| *l == t.locale)
                .unwrap_or(usize::MAX)
        };
        let mut translations = std::mem::take(&mut catalog.locales.translations);
        translations.sort_by_key(order);
        catalog.locales.translations = translations;
    }
    Ok(())
}
