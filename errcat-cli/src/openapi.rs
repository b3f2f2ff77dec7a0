//! `errcat openapi`: writes the OpenAPI 3.1 document of the catalogs' error components, or
//! (`--check`) tells whether the committed one still matches the catalogs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::docs::{Output, sync};
use crate::load;

/// Where the document of the bundled catalogs goes, relative to the repository root.
pub const DEFAULT_OUT: &str = "docs/openapi/errors.json";

pub fn run(dir: &Path, out: &Path, check: bool) -> ExitCode {
    let Some(name) = out.file_name() else {
        eprintln!(
            "error: --out {} names no file: give the document's path, such as {DEFAULT_OUT}",
            out.display()
        );
        return ExitCode::FAILURE;
    };
    let Some(catalogs) = load(dir) else {
        return ExitCode::FAILURE;
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let output = Output {
        command: "openapi",
        dir,
        out: parent,
        out_arg: out,
        default_out: DEFAULT_OUT,
        label: out.display().to_string(),
        unit: "document",
        mismatch: format!(
            "the OpenAPI document {} does not match the catalogs in {}",
            out.display(),
            dir.display()
        ),
        files: vec![(
            PathBuf::from(name),
            errcat_build::generate_openapi(&catalogs),
        )],
        owns: None,
    };
    sync(&output, check)
}
