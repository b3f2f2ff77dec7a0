//! `errcat check`: validates the catalogs, compares them with the lock file when the directory
//! has one, and with the catalogs at a git revision when asked (`--against REV`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use errcat_build::Catalog;

use crate::compat::{self, Published};
use crate::lock;
use crate::output::{Finding, Format, Place, Report};
use crate::revision::{self, Failure};

/// Exit status when the check could not run (an unknown revision, git missing).
const CANNOT_RUN: u8 = 2;

pub fn run(dir: &Path, against: Option<&str>, format: Format) -> ExitCode {
    let mut report = Report::default();
    let catalogs = match errcat_build::load_dir(dir) {
        Ok(catalogs) => catalogs,
        Err(e) => {
            report.findings = e
                .diagnostics()
                .iter()
                .map(Finding::from_diagnostic)
                .collect();
            let n = report.findings.len();
            report.details = format!(
                "error: the catalogs have {n} problem{}\n",
                if n == 1 { "" } else { "s" }
            );
            return report.print(format);
        }
    };
    report.summary = crate::summary::check_lines(&catalogs);
    report.coverage = crate::coverage::of(&catalogs);
    report
        .summary
        .extend(report.coverage.iter().map(crate::coverage::Coverage::line));
    report.warnings = grpc_warnings(&catalogs);
    let now: Vec<Published> = catalogs.iter().map(|c| Published::of(c, None)).collect();

    check_lock(dir, &now, &mut report);

    if let Some(rev) = against {
        match revision::load(dir, rev) {
            Ok(old) => {
                let old: Vec<Published> = old.iter().map(|c| Published::of(c, Some(rev))).collect();
                let found = compat::compare(&old, &now);
                report.summary.push(format!(
                    "compatibility with {} at {rev}: {}",
                    dir.display(),
                    verdict(old.len(), found.len())
                ));
                report.findings.extend(found);
            }
            Err(Failure::Git(message)) => {
                eprintln!("error: {message}");
                return ExitCode::from(CANNOT_RUN);
            }
            Err(Failure::Invalid(problems)) => {
                for p in &problems {
                    eprintln!("{p}\n");
                }
                eprintln!(
                    "error: the catalogs in {} at {rev} do not load ({} problems), so there is nothing to compare with",
                    dir.display(),
                    problems.len()
                );
                return ExitCode::from(CANNOT_RUN);
            }
        }
    }
    report.print(format)
}

fn verdict(catalogs: usize, findings: usize) -> String {
    match (catalogs, findings) {
        (0, _) => "no catalogs there, nothing to compare".to_owned(),
        (n, 0) => format!("{n} catalog{} compared, no breaking change", plural(n)),
        (n, f) => format!(
            "{n} catalog{} compared, {f} breaking change{}",
            plural(n),
            plural(f)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Compares the catalogs with the directory's lock file, if it has one; a directory without
/// one is not checked for compatibility.
fn check_lock(dir: &Path, now: &[Published], report: &mut Report) {
    let path = dir.join(lock::FILE_NAME);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => {
            report.findings.push(
                Finding::new("LOCK_INVALID", format!("cannot read the lock file: {e}"))
                    .at(Place::file(&path)),
            );
            return;
        }
    };
    let locked = match lock::read(&path, &text) {
        Ok(locked) => locked,
        Err(problems) => {
            report.findings.extend(problems);
            return;
        }
    };
    let found = compat::compare(&locked, now);
    if !found.is_empty() {
        report.summary.push(format!(
            "compatibility with {}: {}",
            path.display(),
            verdict(locked.len(), found.len())
        ));
        report.findings.extend(found);
        return;
    }
    let want = lock::render(now);
    let have = text.replace("\r\n", "\n");
    if want == have {
        report.summary.push(format!(
            "compatibility with {}: {}, up to date",
            path.display(),
            verdict(locked.len(), 0)
        ));
        return;
    }
    let old: BTreeSet<&str> = have.lines().collect();
    let added: Vec<&str> = want.lines().filter(|l| !old.contains(l)).collect();
    let mut message =
        "the lock file is out of date: the catalogs changed in ways the compatibility rules allow"
            .to_owned();
    if let Some(first) = added.first() {
        message.push_str(&format!(
            " ({} new line{}, such as `{first}`)",
            added.len(),
            plural(added.len())
        ));
    }
    report.findings.push(
        Finding::new("LOCK_STALE", message)
            .at(Place::file(&path))
            .hint(format!(
                "run `{}` and commit {} with the catalogs",
                lock_command(dir),
                path.display()
            )),
    );
}

/// The command that writes the lock file of `dir`.
pub fn lock_command(dir: &Path) -> String {
    if dir == Path::new(crate::DEFAULT_DIR) {
        "errcat lock".to_owned()
    } else {
        format!("errcat lock {}", dir.display())
    }
}

/// The gRPC codes that are guesses a catalog should confirm (see `errcat_build::grpc::warnings`).
fn grpc_warnings(catalogs: &[Catalog]) -> Vec<Finding> {
    catalogs
        .iter()
        .flat_map(errcat_build::grpc::warnings)
        .map(|w| Finding {
            rule: "GRPC_CODE_GUESSED",
            ..Finding::from_diagnostic(&w.0)
        })
        .collect()
}
