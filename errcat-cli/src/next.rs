//! `errcat next`: the next free code of a section, the way rustc's tidy prints the next free
//! error code.
//!
//! The rule: the lowest integer code above the highest code of the section's entries that no
//! entry of the catalog uses (retired or not), no section reserves, and the lock file (if the
//! directory has one) does not list.

use std::path::Path;
use std::process::ExitCode;

use errcat_build::Catalog;
use errcat_build::model::{Code, Section};

use crate::compat::Published;
use crate::lock;

pub fn run(dir: &Path, catalog: Option<&str>, section: Option<&str>) -> ExitCode {
    let Some(catalogs) = crate::load(dir) else {
        return ExitCode::FAILURE;
    };
    let locked = match read_lock(dir) {
        Ok(locked) => locked,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let selected: Vec<&Catalog> = catalogs
        .iter()
        .filter(|c| catalog.is_none_or(|name| c.module == name))
        .collect();
    if selected.is_empty() {
        let names: Vec<&str> = catalogs.iter().map(|c| c.module.as_str()).collect();
        eprintln!(
            "error: there is no catalog `{}` in {}; the catalogs are: {}",
            catalog.unwrap_or_default(),
            dir.display(),
            names.join(", ")
        );
        return ExitCode::FAILURE;
    }
    let mut rows = Vec::new();
    for c in &selected {
        // A catalog of string codes has no next code: one row says so, unless a section is
        // asked for.
        if c.code_kind == errcat_build::model::CodeKind::String && section.is_none() {
            rows.push((c, &c.sections[0], None));
            continue;
        }
        for (i, s) in c.sections.iter().enumerate() {
            if section.is_none_or(|name| s.name == name) {
                let lock = locked.iter().find(|l| l.module == c.module);
                rows.push((c, s, next_code(c, i, lock)));
            }
        }
    }
    if rows.is_empty() {
        let names: Vec<String> = selected
            .iter()
            .flat_map(|c| {
                c.sections
                    .iter()
                    .map(|s| format!("{} ({})", s.name, c.module))
            })
            .collect();
        eprintln!(
            "error: there is no section `{}`; the sections are: {}",
            section.unwrap_or_default(),
            names.join(", ")
        );
        return ExitCode::FAILURE;
    }
    // One section named exactly: only the code, for scripts.
    if catalog.is_some()
        && section.is_some()
        && let [(c, s, next)] = rows.as_slice()
    {
        return match next {
            Some(n) => {
                println!("{n}");
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: {}", no_next(c, s));
                ExitCode::FAILURE
            }
        };
    }
    let width = rows
        .iter()
        .map(|(c, s, _)| c.module.len() + s.name.len() + 1)
        .max()
        .unwrap_or(0);
    for (c, s, next) in rows {
        let name = if next.is_none() && section.is_none() {
            c.module.clone()
        } else {
            format!("{} {}", c.module, s.name)
        };
        match next {
            Some(n) => println!("{name:width$}  {n}"),
            None => println!("{name:width$}  none: {}", no_next(c, s)),
        }
    }
    ExitCode::SUCCESS
}

fn no_next(c: &Catalog, s: &Section) -> String {
    match s.entries.first().map(|e| &e.code) {
        Some(Code::String(_)) => format!(
            "the codes of catalog `{}` are strings, so there is no next one",
            c.module
        ),
        _ => format!(
            "no integer code is free above those of section `{}`",
            s.name
        ),
    }
}

fn read_lock(dir: &Path) -> Result<Vec<Published>, String> {
    let path = dir.join(lock::FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => lock::read(&path, &text).map_err(|problems| {
            problems
                .iter()
                .map(|f| f.text())
                .collect::<Vec<_>>()
                .join("\n\n")
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("error: cannot read {}: {e}", path.display())),
    }
}

/// The next free code of section `section` of `c`, also skipping what the lock file lists: the
/// rule of the generator's hints ([`errcat_build::model::next_free_code`]), with the lock.
pub fn next_code(c: &Catalog, section: usize, lock: Option<&Published>) -> Option<u32> {
    let (published, ranges): (Vec<u32>, Vec<(u32, u32)>) = match lock {
        Some(lock) => (
            lock.entries
                .iter()
                .filter_map(|e| e.code.as_integer())
                .collect(),
            lock.reserved
                .iter()
                .filter_map(|r| Some((r.first.as_integer()?, r.last.as_integer()?)))
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    errcat_build::model::next_free_code_skipping(&c.sections, section, &published, &ranges)
}
