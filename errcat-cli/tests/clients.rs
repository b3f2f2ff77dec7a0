//! `errcat openapi` and `errcat typescript`, run as a user runs them: the committed outputs
//! match the bundled catalogs, and a catalog edit without regenerating fails their `--check`
//! (the drift check CI relies on, shared with `errcat docs`) until they are regenerated.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("errcat-cli is in the workspace root")
        .to_path_buf()
}

#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn errcat(cwd: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(cwd)
        .env_remove("CARGO_PKG_NAME")
        .output()
        .expect("run errcat");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A directory of its own under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "errcat-cli-clients-{}-{n}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies the files (not the subdirectories) of `rel` in the repository into `to`.
fn copy_files(rel: &str, to: &Path) {
    let to = to.join(rel);
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(repo().join(rel)).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// A temporary copy of the bundled catalogs and their committed OpenAPI and TypeScript outputs.
fn bundled_copy(name: &str) -> TempDir {
    let tmp = TempDir::new(name);
    for rel in ["catalogs", "docs/openapi", "clients/typescript/src"] {
        copy_files(rel, tmp.path());
    }
    tmp
}

fn change_a_message(dir: &Path) {
    let path = dir.join("catalogs/mixin.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (from, to) = (
        "message: Insufficient balance.",
        "message: Balance too low.",
    );
    assert_eq!(text.matches(from).count(), 1);
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

#[test]
fn the_committed_outputs_match_the_bundled_catalogs() {
    let run = errcat(&repo(), &["openapi", "--check"]);
    assert_eq!(
        run.code,
        Some(0),
        "docs/openapi is stale: run `cargo run -p errcat-cli -- openapi`\n{run:?}"
    );
    assert!(
        run.stdout
            .contains("docs/openapi/errors.json: 1 document up to date")
    );
    let run = errcat(&repo(), &["typescript", "--check"]);
    assert_eq!(
        run.code,
        Some(0),
        "clients/typescript/src is stale: run `cargo run -p errcat-cli -- typescript`\n{run:?}"
    );
    assert!(run.stdout.contains("5 modules up to date"), "{run:?}");
}

#[test]
fn openapi_check_fails_on_a_changed_message_until_the_document_is_regenerated() {
    let tmp = bundled_copy("openapi-drift");
    let dir = tmp.path();
    assert_eq!(errcat(dir, &["openapi", "--check"]).code, Some(0));
    change_a_message(dir);
    let run = errcat(dir, &["openapi", "--check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("stale: docs/openapi/errors.json\n"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("\n-          \"Insufficient balance.\",\n"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("\n+          \"Balance too low.\",\n"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(
            "the OpenAPI document docs/openapi/errors.json does not match the catalogs in catalogs"
        ),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("to regenerate them, run: errcat openapi\n"),
        "{run:?}"
    );
    let run = errcat(dir, &["openapi"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains("wrote docs/openapi/errors.json"),
        "{run:?}"
    );
    assert_eq!(errcat(dir, &["openapi", "--check"]).code, Some(0));
    let text = std::fs::read_to_string(dir.join("docs/openapi/errors.json")).unwrap();
    assert!(text.contains("Balance too low."));
}

#[test]
fn typescript_check_fails_on_a_changed_message_until_the_modules_are_regenerated() {
    let tmp = bundled_copy("ts-drift");
    let dir = tmp.path();
    assert_eq!(errcat(dir, &["typescript", "--check"]).code, Some(0));
    change_a_message(dir);
    let run = errcat(dir, &["typescript", "--check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    // Only the changed catalog's module is stale.
    assert_eq!(run.stderr.matches("stale: ").count(), 1, "{run:?}");
    assert!(
        run.stderr
            .contains("stale: clients/typescript/src/mixin.ts\n"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("message: \"Balance too low.\""),
        "{run:?}"
    );
    assert!(run.stderr.contains("errcat typescript\n"), "{run:?}");
    let run = errcat(dir, &["typescript"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("1 written"), "{run:?}");
    assert_eq!(errcat(dir, &["typescript", "--check"]).code, Some(0));
}

#[test]
fn typescript_names_missing_and_unexpected_modules() {
    let tmp = bundled_copy("ts-extra");
    let dir = tmp.path();
    let out = dir.join("clients/typescript/src");
    std::fs::remove_file(out.join("exchange.ts")).unwrap();
    let marker = errcat_build::emit::typescript::GENERATED_MARKER;
    std::fs::write(out.join("removed.ts"), format!("{marker}\n")).unwrap();
    std::fs::write(out.join("helpers.ts"), "export const x = 1;\n").unwrap();
    std::fs::write(out.join("notes.md"), "not a module\n").unwrap();
    let run = errcat(dir, &["typescript", "--check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    for line in [
        "missing: clients/typescript/src/exchange.ts",
        "unexpected: clients/typescript/src/helpers.ts",
        "unexpected: clients/typescript/src/removed.ts",
    ] {
        assert!(run.stderr.contains(line), "{line:?} in {run:?}");
    }
    assert!(!run.stderr.contains("notes.md"), "{run:?}");
    // Writing restores the missing module and removes the generated leftover, but keeps the
    // hand-written one (and fails because of it).
    let run = errcat(dir, &["typescript"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(out.join("exchange.ts").is_file());
    assert!(!out.join("removed.ts").exists());
    assert!(out.join("helpers.ts").is_file());
}

#[test]
fn outputs_go_where_out_says() {
    let tmp = bundled_copy("out");
    let dir = tmp.path();
    let run = errcat(dir, &["openapi", "catalogs", "--out", "api.json"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let written = std::fs::read_to_string(dir.join("api.json")).unwrap();
    let committed = std::fs::read_to_string(repo().join("docs/openapi/errors.json")).unwrap();
    assert_eq!(written, committed);
    let run = errcat(dir, &["typescript", "--out", "web/errors"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(dir.join("web/errors/messenger.ts").is_file());
    // A changed catalog names the command with the paths it was given.
    change_a_message(dir);
    let run = errcat(dir, &["openapi", "--out", "api.json", "--check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("errcat openapi --out api.json"),
        "{run:?}"
    );
    let run = errcat(dir, &["openapi", "--out", "/"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("names no file"), "{run:?}");
}

#[test]
fn the_readme_shows_lines_of_the_generated_typescript() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let module = std::fs::read_to_string(repo().join("clients/typescript/src/mixin.ts")).unwrap();
    for start in [
        "  20117: {",
        "export interface Body {",
        "} as const satisfies {",
    ] {
        let line = module
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{start:?} in mixin.ts"));
        assert!(readme.contains(line), "the README does not show {line:?}");
    }
}
