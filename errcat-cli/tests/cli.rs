//! The `errcat` binary, run as a user runs it: exit statuses and output of `check`, `docs`
//! and `generate` (with the drift checks CI relies on) and `explain`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository root, where the bundled catalogs and their docs live.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("errcat-cli is in the workspace root")
        .to_path_buf()
}

/// Runs `errcat` with `args` in directory `cwd`.
fn errcat(cwd: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(cwd)
        // As a user runs it, not through `cargo run`.
        .env_remove("CARGO_PKG_NAME")
        .output()
        .expect("run errcat");
    Run::from(output)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code(),
            stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
        }
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// A directory of its own under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("errcat-cli-test-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// A temporary copy of the bundled catalogs (`catalogs/`) and their docs (`docs/catalogs/`).
fn bundled_copy(name: &str) -> TempDir {
    let tmp = TempDir::new(name);
    copy_dir(&repo().join("catalogs"), &tmp.path().join("catalogs"));
    copy_dir(
        &repo().join("docs/catalogs"),
        &tmp.path().join("docs/catalogs"),
    );
    tmp
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} in {}",
        path.display()
    );
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// A small catalog whose counts the tests know: 3 codes, 2 minor codes, 2 sections.
const TINY: &str = "\
title: Tiny API errors
source: https://example.com/errors
status: 400
sections:
  - name: CLIENT
    title: Client errors
    entries:
      - code: 1
        name: BAD_INPUT
        message: Bad input.
        minors:
          - { code: 1, detail: Too long }
          - { code: 2, detail: Too short }
      - code: 2
        name: NOT_FOUND
        message: Not found.
  - name: SERVER
    title: Server errors
    status: 500
    entries:
      - code: 3
        name: INTERNAL
        message: Internal error.
";

#[test]
fn check_prints_each_catalog_and_what_it_generates() {
    let tmp = TempDir::new("check-good");
    tmp.write("cats/tiny.yaml", TINY);
    tmp.write(
        "cats/other.yaml",
        &TINY.replace("Tiny API", "Other API").replace(
            "      - code: 2\n        name: NOT_FOUND\n        message: Not found.\n",
            "",
        ),
    );
    let run = errcat(tmp.path(), &["check", "cats"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "", "{run:?}");
    let file = |stem: &str| Path::new("cats").join(format!("{stem}.yaml"));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{run:?}");
    assert_eq!(
        lines[0],
        format!(
            "other: 2 codes, 2 minor codes, 2 sections ({})",
            file("other").display()
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "tiny: 3 codes, 2 minor codes, 2 sections ({})",
            file("tiny").display()
        )
    );
    // What each module holds, read from the generated code: the code enum, and the one
    // minor-code enum in `minor::`.
    for (line, module) in [(lines[1], "other"), (lines[3], "tiny")] {
        assert!(line.starts_with(&format!("  mod {module}: ")), "{run:?}");
        assert!(line.contains(" Error,"), "{run:?}");
        assert!(line.ends_with(", 1 type in minor::"), "{run:?}");
    }
    assert!(lines[4].starts_with("generated: 2 modules, "), "{run:?}");
    assert!(lines[4].contains(" KiB of Rust"), "{run:?}");
}

#[test]
fn generate_writes_what_the_build_script_writes_and_check_catches_drift() {
    let tmp = TempDir::new("generate");
    let catalog = tmp.write("cats/tiny.yaml", TINY);
    let run = errcat(tmp.path(), &["generate", "cats", "--out", "src/errors.rs"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("wrote "), "{run:?}");
    let written = std::fs::read_to_string(tmp.path().join("src/errors.rs")).unwrap();
    // The build script's function, byte for byte.
    let catalogs = errcat_build::load_dir(&tmp.path().join("cats")).unwrap();
    let want = errcat_build::Config::new().generate(&catalogs);
    assert_eq!(written, want);
    assert!(written.contains("pub mod tiny {"));
    // The integrations a build script turns on in `Config`, as flags.
    let run = errcat(
        tmp.path(),
        &["generate", "cats", "--out", "serde.rs", "--serde"],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let with_serde = std::fs::read_to_string(tmp.path().join("serde.rs")).unwrap();
    assert_eq!(
        with_serde,
        errcat_build::Config::new().serde(true).generate(&catalogs)
    );
    assert_ne!(with_serde, written);

    let run = errcat(
        tmp.path(),
        &["generate", "cats", "--out", "src/errors.rs", "--check"],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("up to date"), "{run:?}");

    replace_in(&catalog, "message: Not found.", "message: Nothing here.");
    let run = errcat(
        tmp.path(),
        &["generate", "cats", "--out", "src/errors.rs", "--check"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let out = Path::new("src").join("errors.rs");
    assert!(
        run.stderr.contains(&format!("stale: {}\n", out.display())),
        "{run:?}"
    );
    assert!(run.stderr.contains("Not found."), "{run:?}");
    assert!(run.stderr.contains("Nothing here."), "{run:?}");
    assert!(
        run.stderr
            .contains(&format!("errcat generate cats --out {}", out.display())),
        "{run:?}"
    );
    // A check writes nothing.
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("src/errors.rs")).unwrap(),
        written
    );
    let run = errcat(tmp.path(), &["generate", "cats", "--out", "src/errors.rs"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = errcat(
        tmp.path(),
        &["generate", "cats", "--out", "src/errors.rs", "--check"],
    );
    assert_eq!(run.code, Some(0), "{run:?}");

    let run = errcat(
        tmp.path(),
        &["generate", "cats", "--out", "missing.rs", "--check"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("missing: missing.rs"), "{run:?}");
}

#[test]
fn the_committed_example_matches_its_catalogs() {
    let run = errcat(
        &repo(),
        &[
            "generate",
            "examples/committed/catalogs",
            "--out",
            "examples/committed/src/errors.rs",
            "--check",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn check_warns_of_a_guessed_grpc_code_and_passes() {
    let tmp = TempDir::new("check-grpc");
    tmp.write(
        "cats/conflict.yaml",
        "title: Conflicts\nsource: test\nstatus: 409\nsections:\n  - name: CLIENT\n    title: Client\n    entries:\n      - { code: 1, name: TAKEN, message: Taken. }\n      - { code: 2, name: RACE, message: Race., grpc: ABORTED }\n",
    );
    let run = errcat(tmp.path(), &["check", "cats"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let file = Path::new("cats").join("conflict.yaml");
    assert_eq!(
        run.stderr,
        format!(
            "warning[GRPC_CODE_GUESSED]: HTTP status 409 gives `1 TAKEN` the gRPC code ABORTED, a guess: 409 is ABORTED or ALREADY_EXISTS, and the mapping takes ABORTED\n  --> {}:3:9\n   = entry: 1 TAKEN\n   = hint: confirm the gRPC code with `grpc: ALREADY_EXISTS` or `grpc: ABORTED` beside this `status`\n\n",
            file.display()
        ),
        "{run:?}"
    );
    let run = errcat(tmp.path(), &["check", "cats", "--format", "github"]);
    assert!(
        run.stdout.starts_with(&format!(
            "::warning file={},line=3,col=9,title=GRPC_CODE_GUESSED::",
            file.display()
        )),
        "{run:?}"
    );
}

#[test]
fn check_reports_every_problem_with_its_place_and_fails() {
    let tmp = TempDir::new("check-bad");
    tmp.write("cats/tiny.yaml", TINY);
    // Valid YAML, but code 1 twice.
    tmp.write(
        "cats/bad.yaml",
        &TINY.replace("      - code: 2\n", "      - code: 1\n"),
    );
    // A misspelt field on line 23, column 9.
    tmp.write(
        "cats/typo.yaml",
        &TINY.replace(
            "        message: Internal error.",
            "        mesage: Internal error.",
        ),
    );
    let run = errcat(tmp.path(), &["check", "cats"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    let file = |name: &str| Path::new("cats").join(name).display().to_string();
    let duplicate = run
        .stderr
        .find("error: duplicate code: `1 NOT_FOUND` repeats `1 BAD_INPUT`\n")
        .expect("the duplicate code");
    let duplicate_at = &run.stderr[duplicate..];
    assert!(
        duplicate_at.contains(&format!("\n  --> {}", file("bad.yaml"))),
        "{run:?}"
    );
    assert!(
        duplicate_at.contains("\n   = entry: 1 NOT_FOUND\n"),
        "{run:?}"
    );
    let typo = run
        .stderr
        .find(&format!("  --> {}:23:9\n", file("typo.yaml")))
        .expect("the misspelt field, with line and column");
    assert!(
        run.stderr[typo..].contains("did you mean `message`?"),
        "{run:?}"
    );
    // Sorted by file.
    assert!(duplicate < typo, "{run:?}");
    assert!(
        run.stderr
            .trim_end()
            .ends_with("error: the catalogs have 2 problems"),
        "{run:?}"
    );
    // The good catalog is not blamed.
    assert!(!run.stderr.contains("tiny.yaml"), "{run:?}");
}

#[test]
fn check_of_a_missing_directory_fails_cleanly() {
    let tmp = TempDir::new("check-missing");
    let run = errcat(tmp.path(), &["check", "no-such-dir"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("no-such-dir"), "{run:?}");
}

#[test]
fn the_committed_docs_match_the_bundled_catalogs() {
    let run = errcat(&repo(), &["docs", "--check"]);
    assert_eq!(
        run.code,
        Some(0),
        "docs/catalogs is stale: run `cargo run -p errcat-cli -- docs`\n{run:?}"
    );
    assert!(run.stdout.contains("pages up to date"), "{run:?}");
}

#[test]
fn docs_check_fails_on_a_changed_message_until_the_docs_are_regenerated() {
    let tmp = bundled_copy("drift");
    let dir = tmp.path();
    let run = errcat(dir, &["docs", "--check"]);
    assert_eq!(run.code, Some(0), "the copy starts up to date: {run:?}");

    replace_in(
        &dir.join("catalogs/mixin.yaml"),
        "message: Insufficient balance.",
        "message: Balance too low.",
    );
    let run = errcat(dir, &["docs", "--check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let page = Path::new("docs/catalogs").join("mixin.md");
    assert!(
        run.stderr.contains(&format!("stale: {}\n", page.display())),
        "{run:?}"
    );
    // Only the changed catalog's page is stale.
    assert_eq!(run.stderr.matches("stale: ").count(), 1, "{run:?}");
    assert!(
        run.stderr
            .contains("\n-| 20117 | `INSUFFICIENT_BALANCE` | 202 | `UNKNOWN` (guess) | Insufficient balance. |\n"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(
            "\n+| 20117 | `INSUFFICIENT_BALANCE` | 202 | `UNKNOWN` (guess) | Balance too low. |\n"
        ),
        "{run:?}"
    );
    assert!(run.stderr.contains("errcat docs"), "{run:?}");
    // A check writes nothing.
    let committed = std::fs::read_to_string(dir.join(&page)).unwrap();
    assert!(committed.contains("Insufficient balance."));

    let run = errcat(dir, &["docs"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout
            .lines()
            .filter(|l| l.starts_with("wrote "))
            .count(),
        1,
        "{run:?}"
    );
    assert!(
        run.stdout.contains(&format!("wrote {}", page.display())),
        "{run:?}"
    );
    let run = errcat(dir, &["docs", "--check"]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn docs_check_names_missing_and_unexpected_pages() {
    let tmp = bundled_copy("extra");
    let dir = tmp.path();
    std::fs::remove_file(dir.join("docs/catalogs/exchange.md")).unwrap();
    let marker = errcat_build::emit::markdown::GENERATED_MARKER;
    tmp.write("docs/catalogs/removed.md", &format!("{marker}\n\n# Old\n"));
    tmp.write("docs/catalogs/notes.md", "# Written by hand\n");
    tmp.write("docs/catalogs/keep.txt", "not a page\n");

    let run = errcat(dir, &["docs", "--check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let out = Path::new("docs/catalogs");
    for line in [
        format!("missing: {}", out.join("exchange.md").display()),
        format!("unexpected: {}", out.join("notes.md").display()),
        format!("unexpected: {}", out.join("removed.md").display()),
    ] {
        assert!(run.stderr.contains(&line), "{line:?} in {run:?}");
    }
    assert!(!run.stderr.contains("keep.txt"), "{run:?}");
    assert!(run.stderr.contains("(3 files)"), "{run:?}");

    // Writing restores the missing page and removes the generated leftover, but leaves the
    // hand-written page (and fails because of it).
    let run = errcat(dir, &["docs"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(dir.join("docs/catalogs/exchange.md").is_file());
    assert!(!dir.join("docs/catalogs/removed.md").exists());
    assert!(dir.join("docs/catalogs/notes.md").is_file());
    assert!(run.stderr.contains("notes.md"), "{run:?}");

    std::fs::remove_file(dir.join("docs/catalogs/notes.md")).unwrap();
    let run = errcat(dir, &["docs", "--check"]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn docs_writes_an_index_and_a_page_per_catalog_into_a_new_directory() {
    let tmp = TempDir::new("docs-new");
    tmp.write("cats/tiny.yaml", TINY);
    let run = errcat(tmp.path(), &["docs", "cats", "--out", "out/md"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let index = std::fs::read_to_string(tmp.path().join("out/md/README.md")).unwrap();
    assert!(index.contains("| [Tiny API errors](tiny.md) | `tiny` | 3 | 2 | 2 |"));
    let page = std::fs::read_to_string(tmp.path().join("out/md/tiny.md")).unwrap();
    assert!(
        page.contains("| [1](#code-1) | `BAD_INPUT` | 400 | `INVALID_ARGUMENT` | Bad input. |")
    );
    assert!(page.contains("| 3 | `INTERNAL` | 500 | `INTERNAL` | Internal error. |"));
    // A second run has nothing to write.
    let run = errcat(tmp.path(), &["docs", "cats", "--out", "out/md"]);
    assert!(run.stdout.contains("0 written"), "{run:?}");
    // The regenerate command names the directories it was given.
    tmp.write(
        "cats/tiny.yaml",
        &TINY.replace("Bad input.", "Wrong input."),
    );
    let run = errcat(tmp.path(), &["docs", "cats", "--out", "out/md", "--check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("errcat docs cats --out out/md"),
        "{run:?}"
    );
}

#[test]
fn explain_a_code_of_one_catalog() {
    let run = errcat(&repo(), &["explain", "20117"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let out = &run.stdout;
    assert!(
        out.starts_with("20117 INSUFFICIENT_BALANCE (mixin)\n"),
        "{run:?}"
    );
    assert!(out.contains("\n    Insufficient balance.\n"), "{run:?}");
    assert!(
        out.contains("Catalog:      mixin, Mixin API errors"),
        "{run:?}"
    );
    assert!(
        out.contains("Section:      ACCEPTED, Errors returned with status 202"),
        "{run:?}"
    );
    assert!(out.contains("HTTP status:  202\n"), "{run:?}");
    assert!(
        out.contains("gRPC code:    UNKNOWN (from HTTP status 202; a guess to confirm with `grpc:`: the HTTP to gRPC\n              mapping does not list it, so it becomes UNKNOWN)\n"),
        "{run:?}"
    );
    assert!(
        out.contains("gRPC reason:  INSUFFICIENT_BALANCE (ErrorInfo domain `mixin`)\n"),
        "{run:?}"
    );
    assert!(
        out.contains("Rust:         mixin::Error::InsufficientBalance\n"),
        "{run:?}"
    );
    // By name, in any case, the same account.
    let by_name = errcat(&repo(), &["explain", "insufficient_balance"]);
    assert_eq!(by_name.stdout, run.stdout);
}

#[test]
fn explain_shows_minor_codes_columns_and_reactions() {
    let run = errcat(&repo(), &["explain", "USER_REGISTER_BAD_PAYLOAD"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout
            .starts_with("100 USER_REGISTER_BAD_PAYLOAD (messenger)\n")
    );
    assert!(
        run.stdout
            .contains("\nMinor codes:\n  1: Country code is invalid\n")
    );
    assert!(run.stdout.contains("  request         100\n"), "{run:?}");
    let run = errcat(&repo(), &["explain", "2", "--catalog", "messenger"]);
    assert!(
        run.stdout.contains("Reaction:     Send message #102\n"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("\nNote:\n  The document writes"),
        "{run:?}"
    );
}

#[test]
fn explain_a_code_found_in_several_catalogs_lists_each() {
    let run = errcat(&repo(), &["explain", "403"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("`403` matches 2 codes: "), "{run:?}");
    let mixin = run
        .stdout
        .find("\n403 FORBIDDEN (mixin)\n")
        .expect("mixin's 403");
    let messenger = run
        .stdout
        .find("\n403 CHANNEL_ADD_MEMBER_INTERNAL_SERVER_ERROR (messenger)\n")
        .expect("messenger's 403");
    assert!(messenger < mixin, "catalogs in order: {run:?}");
    // --catalog narrows it to one.
    let run = errcat(&repo(), &["explain", "403", "--catalog", "mixin"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("403 FORBIDDEN (mixin)\n"), "{run:?}");
    assert!(!run.stdout.contains("messenger"), "{run:?}");
}

#[test]
fn explain_an_unknown_code_fails_with_a_suggestion() {
    let run = errcat(&repo(), &["explain", "987654"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("error: no catalog in catalogs has a code or name `987654`"),
        "{run:?}"
    );

    let run = errcat(&repo(), &["explain", "INSUFICIENT_BALANCE"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("help: a similar name exists: `INSUFFICIENT_BALANCE` (20117 INSUFFICIENT_BALANCE in mixin)"),
        "{run:?}"
    );

    let run = errcat(&repo(), &["explain", "20117", "--catalog", "nope"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("no catalog `nope`"), "{run:?}");
    assert!(run.stderr.contains("mixin"), "{run:?}");
}

#[test]
fn usage_errors_exit_with_2() {
    let run = errcat(&repo(), &["docs", "--frobnicate"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("--frobnicate"), "{run:?}");
    assert!(run.stderr.contains("Usage:"), "{run:?}");
    let run = errcat(&repo(), &["--help"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("explain"), "{run:?}");
    let run = errcat(&repo(), &["explain", "--help"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout
            .contains("Usage: errcat explain [OPTIONS] <CODE> [DIR]"),
        "{run:?}"
    );
    let run = errcat(&repo(), &["completions", "bash"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("explain"), "{run:?}");
}
