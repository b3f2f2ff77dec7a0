//! Rules that span the catalogs of a run.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, quote};
use crate::model::Catalog;

/// Checks rules that span catalogs: two files must not make the same module.
pub(crate) fn validate_set(catalogs: &[Catalog]) -> Vec<Diagnostic> {
    // Module to file, as `String`s: a map type the generator uses elsewhere too, so compiled
    // once.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut problems = Vec::new();
    for c in catalogs {
        if let Some(first) = seen.insert(c.module.clone(), c.file.display().to_string()) {
            problems.push(
                Diagnostic::new(
                    &c.file,
                    None,
                    format!(
                        "module {} is already made by another catalog",
                        quote(&c.module)
                    ),
                )
                .with_hint(format!(
                    "{} makes the same module; set a different `name` in one of them",
                    first
                )),
            );
        }
    }
    problems
}
