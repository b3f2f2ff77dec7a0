//! The parts of the `errcat` command that other crates reach: the lock file's reader and
//! writer (`lock`), the published shape of a catalog it records (`compat`) and the findings it
//! reports (`output`). The command itself is the binary, `src/main.rs`; this library is not
//! meant for use outside the project.

pub mod compat;
pub mod coverage;
pub mod lock;
pub mod output;

use std::path::Path;

use errcat_build::Catalog;

/// Loads and validates the catalogs of `dir`, printing every problem on failure.
pub fn load(dir: &Path) -> Option<Vec<Catalog>> {
    match errcat_build::load_dir(dir) {
        Ok(catalogs) => Some(catalogs),
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}
