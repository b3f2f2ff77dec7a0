//! `errcat typescript`: writes a TypeScript module per catalog, or (`--check`) tells which
//! committed modules no longer match the catalogs.

use std::path::Path;
use std::process::ExitCode;

use errcat_build::emit::typescript::GENERATED_MARKER;

use crate::docs::{Output, sync};
use crate::load;

/// Where the modules of the bundled catalogs go, relative to the repository root.
pub const DEFAULT_OUT: &str = "clients/typescript/src";

pub fn run(dir: &Path, out: &Path, check: bool) -> ExitCode {
    let Some(catalogs) = load(dir) else {
        return ExitCode::FAILURE;
    };
    let output = Output {
        command: "typescript",
        dir,
        out,
        out_arg: out,
        default_out: DEFAULT_OUT,
        label: out.display().to_string(),
        unit: "modules",
        mismatch: format!(
            "the TypeScript modules in {} do not match the catalogs in {}",
            out.display(),
            dir.display()
        ),
        files: errcat_build::generate_typescript(&catalogs),
        owns: Some(("ts", GENERATED_MARKER)),
    };
    sync(&output, check)
}
