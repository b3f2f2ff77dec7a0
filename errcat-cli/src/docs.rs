//! `errcat docs`: writes the Markdown pages of the catalogs, or (`--check`) tells which
//! committed pages no longer match the catalogs. The writing and the check ([`sync`]) serve
//! `errcat openapi` and `errcat typescript` as well.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use errcat_build::emit::markdown::GENERATED_MARKER;

use crate::output::{Finding, Format, Place, Report};
use crate::{DEFAULT_DIR, DEFAULT_OUT, load};

/// Lines of a diff shown per side before the rest is summarised.
const DIFF_LINES: usize = 8;
/// Unchanged lines shown around a change.
const CONTEXT: usize = 2;

pub fn run(dir: &Path, out: &Path, check: bool, format: Format) -> ExitCode {
    if check && format != Format::Text {
        return check_report(dir, out).print(format);
    }
    let Some(catalogs) = load(dir) else {
        return ExitCode::FAILURE;
    };
    let output = Output {
        command: "docs",
        dir,
        out,
        out_arg: out,
        default_out: DEFAULT_OUT,
        label: out.display().to_string(),
        unit: "pages",
        mismatch: format!(
            "the docs in {} do not match the catalogs in {}",
            out.display(),
            dir.display()
        ),
        files: errcat_build::generate_markdown(&catalogs),
        owns: Some(("md", GENERATED_MARKER)),
    };
    sync(&output, check)
}

/// Generated files that belong in one directory, and what `errcat` says about them when it
/// writes or checks them: the docs pages, the OpenAPI document, the TypeScript modules.
pub struct Output<'a> {
    /// The subcommand that writes them (`docs`).
    pub command: &'static str,
    /// The catalogs directory they are generated from.
    pub dir: &'a Path,
    /// The directory they go in.
    pub out: &'a Path,
    /// `--out` as given, and its default, for the command that regenerates them.
    pub out_arg: &'a Path,
    pub default_out: &'static str,
    /// How the summary line names them (`docs/catalogs`), and what they are (`pages`).
    pub label: String,
    pub unit: &'static str,
    /// The sentence that says they are out of date.
    pub mismatch: String,
    /// The files, by name relative to `out`, and their contents.
    pub files: Vec<(PathBuf, String)>,
    /// The extension and first line of the files this output owns in `out`: any other such
    /// file is unexpected. `None` for a single file in a directory it shares with others.
    pub owns: Option<(&'static str, &'static str)>,
}

/// Writes the files of `output`, or (`check`) reports those that are missing, stale or
/// unexpected.
pub fn sync(output: &Output, check: bool) -> ExitCode {
    let extra = match output.owns {
        Some((extension, marker)) => {
            match extra_pages(output.out, &output.files, extension, marker) {
                Ok(extra) => extra,
                Err(message) => {
                    eprintln!("error: {message}");
                    return ExitCode::FAILURE;
                }
            }
        }
        None => Vec::new(),
    };
    if check {
        check_pages(output, &extra)
    } else {
        write_pages(output, &extra)
    }
}

fn write_pages(output: &Output, extra: &[Extra]) -> ExitCode {
    let (out, pages) = (output.out, &output.files);
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut written = 0;
    for (name, contents) in pages {
        let path = out.join(name);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == *contents) {
            continue;
        }
        if let Err(e) = std::fs::write(&path, contents) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
        written += 1;
    }
    let mut failed = false;
    let mut removed = 0;
    for e in extra {
        if e.generated {
            if let Err(err) = std::fs::remove_file(&e.path) {
                eprintln!("error: cannot remove {}: {err}", e.path.display());
                return ExitCode::FAILURE;
            }
            println!("removed {} (no catalog generates it)", e.path.display());
            removed += 1;
        } else {
            eprintln!(
                "error: {} was not generated from a catalog: move it out of {}",
                e.path.display(),
                out.display()
            );
            failed = true;
        }
    }
    println!(
        "{}: {} {}, {written} written, {removed} removed, {} unchanged",
        output.label,
        pages.len(),
        output.unit,
        pages.len() - written
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn check_pages(output: &Output, extra: &[Extra]) -> ExitCode {
    let (dir, out, pages) = (output.dir, output.out, &output.files);
    let mut report = String::new();
    let mut problems = 0;
    for (name, want) in pages {
        let path = out.join(name);
        match std::fs::read_to_string(&path) {
            Err(_) => {
                problems += 1;
                let _ = writeln!(report, "missing: {}", path.display());
            }
            // A checkout that turned line ends into CRLF still holds the same page.
            Ok(have) if have == *want || have.replace("\r\n", "\n") == *want => {}
            Ok(have) => {
                problems += 1;
                let _ = writeln!(report, "stale: {}", path.display());
                report.push_str(&diff(&path, &have, want));
            }
        }
    }
    for e in extra {
        problems += 1;
        let why = if e.generated {
            "no catalog generates it any more"
        } else {
            "it was not generated from a catalog: move it out of this directory"
        };
        let _ = writeln!(report, "unexpected: {} ({why})", e.path.display());
    }
    if problems == 0 {
        println!(
            "{}: {} {} up to date with {}",
            output.label,
            pages.len(),
            output.unit,
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    eprint!("{report}");
    eprintln!(
        "\nerror: {} ({problems} file{})",
        output.mismatch,
        if problems == 1 { "" } else { "s" }
    );
    eprintln!(
        "to regenerate them, run: {}",
        regenerate_command(output.command, dir, output.out_arg, output.default_out)
    );
    ExitCode::FAILURE
}

/// `docs --check` for tools: each stale, missing or unexpected page is a finding, located at
/// its first differing line; catalog problems are findings too.
fn check_report(dir: &Path, out: &Path) -> Report {
    let mut report = Report::default();
    let catalogs = match errcat_build::load_dir(dir) {
        Ok(catalogs) => catalogs,
        Err(e) => {
            report.findings = e
                .diagnostics()
                .iter()
                .map(Finding::from_diagnostic)
                .collect();
            return report;
        }
    };
    let pages = errcat_build::generate_markdown(&catalogs);
    let extra = match extra_pages(out, &pages, "md", GENERATED_MARKER) {
        Ok(extra) => extra,
        Err(message) => {
            report
                .findings
                .push(Finding::new("DOCS_UNREADABLE", message).at(Place::file(out)));
            return report;
        }
    };
    let regenerate = format!(
        "run `{}`",
        regenerate_command("docs", dir, out, DEFAULT_OUT)
    );
    for (name, want) in pages.iter() {
        let path = out.join(name);
        match std::fs::read_to_string(&path) {
            Err(_) => report.findings.push(
                Finding::new(
                    "DOCS_MISSING",
                    format!("the page {} is missing", path.display()),
                )
                .at(Place::file(&path))
                .hint(regenerate.clone()),
            ),
            Ok(have) if have == *want || have.replace("\r\n", "\n") == *want => {}
            Ok(have) => {
                let old: Vec<&str> = have.lines().collect();
                let new: Vec<&str> = want.lines().collect();
                let (start, _, _) = first_change(&old, &new);
                report.findings.push(
                    Finding::new(
                        "DOCS_STALE",
                        format!("the page {} does not match the catalogs", path.display()),
                    )
                    .at(Place::line(&path, start + 1))
                    .hint(regenerate.clone()),
                );
            }
        }
    }
    for e in extra {
        let (message, hint) = if e.generated {
            (
                "no catalog generates this page any more",
                regenerate.clone(),
            )
        } else {
            (
                "this page was not generated from a catalog",
                "move it out of the docs directory".to_owned(),
            )
        };
        report.findings.push(
            Finding::new("DOCS_UNEXPECTED", message)
                .at(Place::file(&e.path))
                .hint(hint),
        );
    }
    if report.findings.is_empty() {
        report.summary.push(format!(
            "{}: {} pages up to date with {}",
            out.display(),
            pages.len(),
            dir.display()
        ));
    }
    report
}

/// How to start this command again: the `cargo run` form when this binary was started by
/// `cargo run`.
pub(crate) fn command_prefix() -> &'static str {
    if std::env::var("CARGO_PKG_NAME").is_ok_and(|p| p == env!("CARGO_PKG_NAME")) {
        "cargo run -p errcat-cli --"
    } else {
        "errcat"
    }
}

/// The command (`docs`, ...) that writes the files for these directories.
fn regenerate_command(command: &str, dir: &Path, out: &Path, default_out: &str) -> String {
    let mut cmd = format!("{} {command}", command_prefix());
    if dir != Path::new(DEFAULT_DIR) {
        cmd.push(' ');
        cmd.push_str(&shell_word(dir));
    }
    if out != Path::new(default_out) {
        cmd.push_str(" --out ");
        cmd.push_str(&shell_word(out));
    }
    cmd
}

pub(crate) fn shell_word(path: &Path) -> String {
    let s = path.display().to_string();
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | ':' | '\\'));
    if plain {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// A file in the output directory, of the extension the output owns, that no catalog
/// generates.
struct Extra {
    path: PathBuf,
    /// Whether it starts with the generated marker (a page of a catalog since removed).
    generated: bool,
}

/// The files of `out` with `extension` that are not among `pages`, sorted; those that start
/// with `marker` were generated. A missing `out` has none.
fn extra_pages(
    out: &Path,
    pages: &[(PathBuf, String)],
    extension: &str,
    marker: &str,
) -> Result<Vec<Extra>, String> {
    let entries = match std::fs::read_dir(out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", out.display())),
    };
    let mut extra = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        let path = entry.path();
        let owned = path.extension().is_some_and(|e| e == extension) && path.is_file();
        let expected = pages
            .iter()
            .any(|(name, _)| path.file_name() == Some(name.as_os_str()));
        if owned && !expected {
            let generated =
                std::fs::read_to_string(&path).is_ok_and(|text| text.starts_with(marker));
            extra.push(Extra { path, generated });
        }
    }
    extra.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(extra)
}

/// A unified-style diff of the first change between the committed page (`have`) and the
/// generated one (`want`): the first run of differing lines, with a little context, cut to a
/// few lines per side.
pub(crate) fn diff(path: &Path, have: &str, want: &str) -> String {
    let old: Vec<&str> = have.lines().collect();
    let new: Vec<&str> = want.lines().collect();
    let mut s = String::new();
    let _ = writeln!(s, "--- {} (committed)", path.display());
    let _ = writeln!(s, "+++ {} (generated from the catalogs)", path.display());
    if old == new {
        let _ = writeln!(
            s,
            "(the lines are the same; the line ends or the final newline differ)"
        );
        return s;
    }
    let (start, removed, added) = first_change(&old, &new);
    let before = start.saturating_sub(CONTEXT);
    let after = (old.len() - start - removed).min(CONTEXT);
    let _ = writeln!(
        s,
        "@@ -{},{} +{},{} @@",
        before + 1,
        start - before + removed + after,
        before + 1,
        start - before + added + after
    );
    for line in &old[before..start] {
        let _ = writeln!(s, " {line}");
    }
    let side = |s: &mut String, sign: char, lines: &[&str]| {
        for line in lines.iter().take(DIFF_LINES) {
            let _ = writeln!(s, "{sign}{line}");
        }
        if lines.len() > DIFF_LINES {
            let _ = writeln!(s, "{sign}... {} more lines", lines.len() - DIFF_LINES);
        }
    };
    side(&mut s, '-', &old[start..start + removed]);
    side(&mut s, '+', &new[start..start + added]);
    let rest = start + removed;
    for line in &old[rest..rest + after] {
        let _ = writeln!(s, " {line}");
    }
    if old[rest..] != new[start + added..] {
        let _ = writeln!(s, "... and more differences further on");
    }
    s
}

/// The first change between two different line lists: where it starts, and how many lines it
/// removes and adds before the two agree again (on the next few lines, or at their ends).
fn first_change(old: &[&str], new: &[&str]) -> (usize, usize, usize) {
    /// How far to look for the point where the two agree again.
    const WINDOW: usize = 400;
    /// How many equal lines make an agreement.
    const AGREE: usize = 3;
    let start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let agree = |i: usize, j: usize| old[i..].iter().take(AGREE).eq(new[j..].iter().take(AGREE));
    for d in 1..=WINDOW {
        for removed in 0..=d {
            let added = d - removed;
            if start + removed <= old.len()
                && start + added <= new.len()
                && agree(start + removed, start + added)
            {
                return (start, removed, added);
            }
        }
    }
    (start, old.len() - start, new.len() - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_the_changed_lines_with_context() {
        let have = "a\nb\nc\nold\nd\ne\nf\n";
        let want = "a\nb\nc\nnew\nd\ne\nf\n";
        let d = diff(Path::new("p.md"), have, want);
        let body: Vec<&str> = d.lines().skip(2).collect();
        assert_eq!(
            body,
            ["@@ -2,5 +2,5 @@", " b", " c", "-old", "+new", " d", " e"]
        );
    }

    #[test]
    fn diff_of_added_lines_at_the_end() {
        let d = diff(Path::new("p.md"), "a\n", "a\nb\nc\n");
        let body: Vec<&str> = d.lines().skip(2).collect();
        assert_eq!(body, ["@@ -1,1 +1,3 @@", " a", "+b", "+c"]);
    }

    #[test]
    fn diff_shows_only_the_first_of_several_changes() {
        let mut have: Vec<String> = (0..40).map(|i| format!("line {i}")).collect();
        let mut want = have.clone();
        want[5] = "changed 5".to_owned();
        want.insert(6, "inserted".to_owned());
        want[31] = "changed 30".to_owned();
        have.push(String::new());
        want.push(String::new());
        let d = diff(Path::new("p.md"), &have.join("\n"), &want.join("\n"));
        let body: Vec<&str> = d.lines().skip(2).collect();
        assert_eq!(
            body,
            [
                "@@ -4,5 +4,6 @@",
                " line 3",
                " line 4",
                "-line 5",
                "+changed 5",
                "+inserted",
                " line 6",
                " line 7",
                "... and more differences further on"
            ]
        );
    }

    #[test]
    fn diff_of_line_ends_only() {
        let d = diff(Path::new("p.md"), "a\nb", "a\nb\n");
        assert!(d.contains("line ends or the final newline"), "{d}");
    }

    #[test]
    fn diff_cuts_long_changes() {
        let have: String = (0..20).map(|i| format!("x{i}\n")).collect();
        let want: String = (0..20).map(|i| format!("y{i}\n")).collect();
        let d = diff(Path::new("p.md"), &have, &want);
        assert!(d.contains("-x7\n-... 12 more lines\n"), "{d}");
        assert!(d.contains("+y7\n+... 12 more lines\n"), "{d}");
        assert!(!d.contains("x8"), "{d}");
    }

    #[test]
    fn regenerate_command_names_non_default_directories() {
        let cmd = regenerate_command("docs", Path::new("my cats"), Path::new("out"), DEFAULT_OUT);
        assert!(cmd.ends_with("docs 'my cats' --out out"), "{cmd}");
        let cmd = regenerate_command(
            "docs",
            Path::new(DEFAULT_DIR),
            Path::new(DEFAULT_OUT),
            DEFAULT_OUT,
        );
        assert!(cmd.ends_with(" docs"), "{cmd}");
        let cmd = regenerate_command(
            "openapi",
            Path::new(DEFAULT_DIR),
            Path::new("a.json"),
            "b.json",
        );
        assert!(cmd.ends_with(" openapi --out a.json"), "{cmd}");
    }
}
