//! The catalogs directory as it was at a git revision, read with `git` from the repository the
//! directory is in (`git ls-tree`, `git cat-file`), without touching the working tree.

use std::path::{Path, PathBuf};
use std::process::Command;

use errcat_build::Catalog;

/// Why the catalogs at a revision could not be read.
#[derive(Debug)]
pub enum Failure {
    /// git could not answer: not a repository, an unknown revision, git missing.
    Git(String),
    /// The catalogs at the revision do not load; each problem names the file as
    /// `dir/name.yaml`, read at the revision.
    Invalid(Vec<errcat_build::Diagnostic>),
}

/// Files larger than this are not read from git (the generator's own limit).
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Loads every catalog of `dir` as it was at `rev`. A directory the revision does not have
/// gives no catalogs.
pub fn load(dir: &Path, rev: &str) -> Result<Vec<Catalog>, Failure> {
    if rev.starts_with('-') || rev.is_empty() {
        return Err(Failure::Git(format!(
            "{rev:?} is not a revision: name a branch, a tag or a commit"
        )));
    }
    let root = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?.trim_end());
    let prefix = git(dir, &["rev-parse", "--show-prefix"])?
        .trim_end()
        .to_owned();
    let commit = git(
        dir,
        &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")],
    )
    .map_err(|_| {
        Failure::Git(format!(
            "unknown revision `{rev}` in the repository at {}: name a branch, a tag or a commit (in CI, fetch it first: `git fetch origin {rev}`)",
            root.display()
        ))
    })?;
    let commit = commit.trim();
    let mut args = vec!["ls-tree", "-z", "-l", commit];
    if !prefix.is_empty() {
        args.extend(["--", prefix.as_str()]);
    }
    let listing = git(&root, &args)?;
    let mut catalogs = Vec::new();
    let mut problems = Vec::new();
    let mut files: Vec<(String, u64)> = Vec::new();
    for record in listing.split('\0').filter(|r| !r.is_empty()) {
        // `<mode> <type> <object> <size>\t<path>`
        let Some((meta, path)) = record.split_once('\t') else {
            continue;
        };
        let meta: Vec<&str> = meta.split_whitespace().collect();
        let [mode, kind, _, size] = meta.as_slice() else {
            continue;
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        let is_yaml = matches!(
            Path::new(name).extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if *kind == "blob" && *mode != "120000" && is_yaml {
            files.push((path.to_owned(), size.parse().unwrap_or(u64::MAX)));
        }
    }
    files.sort();
    // Translations files (`shop.fa.yaml` beside `shop.yaml`) are not catalogs.
    let names: Vec<String> = files
        .iter()
        .map(|(path, _)| path.rsplit('/').next().unwrap_or(path).to_owned())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    files.retain(|(path, _)| {
        !errcat_build::is_translations_file(path.rsplit('/').next().unwrap_or(path), &names)
    });
    for (path, size) in files {
        let name = path.rsplit('/').next().unwrap_or(&path);
        let shown = dir.join(name);
        if size > MAX_FILE_BYTES {
            return Err(Failure::Git(format!(
                "{} at {rev} is {size} bytes, more than a catalog may have ({MAX_FILE_BYTES})",
                shown.display()
            )));
        }
        let bytes = git_bytes(&root, &["cat-file", "blob", &format!("{commit}:{path}")])?;
        let Ok(text) = String::from_utf8(bytes) else {
            return Err(Failure::Git(format!(
                "{} at {rev} is not UTF-8",
                shown.display()
            )));
        };
        match errcat_build::load_str(&shown, &text) {
            Ok(c) => catalogs.push(c),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(catalogs)
    } else {
        Err(Failure::Invalid(problems))
    }
}

fn git(cwd: &Path, args: &[&str]) -> Result<String, Failure> {
    let bytes = git_bytes(cwd, args)?;
    String::from_utf8(bytes).map_err(|_| Failure::Git(format!("git {} printed no UTF-8", args[0])))
}

fn git_bytes(cwd: &Path, args: &[&str]) -> Result<Vec<u8>, Failure> {
    let output = Command::new("git")
        .arg("-C")
        .arg(cwd)
        .args(args)
        .output()
        .map_err(|e| {
            Failure::Git(if e.kind() == std::io::ErrorKind::NotFound {
                "git is not installed (or not on PATH): --against reads the revision with git"
                    .to_owned()
            } else {
                format!("cannot run git: {e}")
            })
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let said = stderr.trim();
        return Err(Failure::Git(if said.is_empty() {
            format!("git {} failed in {}", args.join(" "), cwd.display())
        } else {
            format!("git {} failed in {}: {said}", args[0], cwd.display())
        }));
    }
    Ok(output.stdout)
}
