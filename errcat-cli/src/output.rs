//! How checks report what they find: as text for people (rustc's shape), as one JSON document
//! for tools, or as GitHub Actions annotations (`::error file=…,line=…::`).
//!
//! Every check (catalog validation, the lock file, the comparison with a revision, the docs
//! drift check) reports [`Finding`]s; this module alone decides how they look.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Value, json};

/// The output format of a check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings on stderr, as rustc prints errors; a summary on stdout.
    #[default]
    Text,
    /// One JSON document on stdout: `{"ok": .., "findings": [..], "summary": [..]}`.
    Json,
    /// GitHub Actions workflow commands on stdout, one `::error` line per finding, then the
    /// summary.
    Github,
}

/// A place in a file: a catalog now, a catalog at a revision, or a line of the lock file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The git revision the file was read at; `None` for the working tree.
    pub revision: Option<String>,
}

impl Place {
    pub fn new(file: &Path, line: usize, column: usize) -> Place {
        Place {
            file: file.to_path_buf(),
            line: Some(line),
            column: Some(column),
            revision: None,
        }
    }

    /// A place at a line, without a column (a line of the lock file).
    pub fn line(file: &Path, line: usize) -> Place {
        Place {
            file: file.to_path_buf(),
            line: Some(line),
            column: None,
            revision: None,
        }
    }

    /// The file as a whole.
    pub fn file(file: &Path) -> Place {
        Place {
            file: file.to_path_buf(),
            line: None,
            column: None,
            revision: None,
        }
    }

    pub fn at_revision(mut self, revision: &str) -> Place {
        self.revision = Some(revision.to_owned());
        self
    }

    pub fn of(file: &Path, location: errcat_build::Location) -> Place {
        Place::new(file, location.line, location.column)
    }
}

impl std::fmt::Display for Place {
    /// `file:line:column`, then ` at REV` for a file read at a revision.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(rev) = &self.revision {
            write!(f, " at {rev}")?;
        }
        Ok(())
    }
}

/// One thing a check found wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable name of the rule (`CODE_RENUMBERED`, `INVALID_CATALOG`, `LOCK_STALE`, ...).
    pub rule: &'static str,
    /// The rule's categories (`wire`, `source`), for compatibility rules.
    pub categories: Vec<&'static str>,
    /// The catalog concerned, where there is one.
    pub catalog: Option<String>,
    /// The entry concerned, as `code NAME`.
    pub entry: Option<String>,
    pub message: String,
    /// Where it is now.
    pub at: Option<Place>,
    /// Where it was: the catalog at the revision, or the lock file line.
    pub was: Option<Place>,
    pub hint: Option<String>,
}

impl Finding {
    pub fn new(rule: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            categories: Vec::new(),
            catalog: None,
            entry: None,
            message: message.into(),
            at: None,
            was: None,
            hint: None,
        }
    }

    /// A problem of a catalog file, as validation reports it.
    pub fn from_diagnostic(d: &errcat_build::Diagnostic) -> Finding {
        Finding {
            entry: d.entry.clone(),
            at: Some(match d.location {
                Some(loc) => Place::of(&d.file, loc),
                None => Place::file(&d.file),
            }),
            hint: d.hint.clone(),
            ..Finding::new("INVALID_CATALOG", d.message.clone())
        }
    }

    pub fn at(mut self, place: Place) -> Finding {
        self.at = Some(place);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Finding {
        self.hint = Some(hint.into());
        self
    }

    /// The rustc-like text of the finding.
    pub fn text(&self) -> String {
        self.text_as("error")
    }

    /// The rustc-like text of the finding at `level` (`error`, `warning`).
    fn text_as(&self, level: &str) -> String {
        let mut s = if self.rule == "INVALID_CATALOG" {
            format!("{level}: {}", self.message)
        } else {
            format!("{level}[{}]: {}", self.rule, self.message)
        };
        if let Some(at) = &self.at {
            let _ = write!(s, "\n  --> {at}");
        }
        if let Some(was) = &self.was {
            let _ = write!(s, "\n   = was: {was}");
        }
        if let Some(entry) = &self.entry {
            let _ = write!(s, "\n   = entry: {entry}");
        }
        if !self.categories.is_empty() {
            let _ = write!(s, "\n   = breaks: {}", self.categories.join(", "));
        }
        if let Some(hint) = &self.hint {
            let _ = write!(s, "\n   = hint: {hint}");
        }
        s
    }

    fn json(&self) -> Value {
        let place = |p: &Option<Place>| match p {
            None => Value::Null,
            Some(p) => json!({
                "file": p.file.display().to_string(),
                "line": p.line,
                "column": p.column,
                "revision": p.revision,
            }),
        };
        json!({
            "rule": self.rule,
            "categories": self.categories,
            "catalog": self.catalog,
            "entry": self.entry,
            "message": self.message,
            "at": place(&self.at),
            "was": place(&self.was),
            "hint": self.hint,
        })
    }

    /// The GitHub Actions annotation: `::error file=..,line=..,col=..,title=RULE::message`.
    fn github(&self) -> String {
        self.github_as("error")
    }

    /// The annotation at `level` (`error`, `warning`).
    fn github_as(&self, level: &str) -> String {
        let mut props = Vec::new();
        let place = self.at.as_ref().or(self.was.as_ref());
        if let Some(p) = place {
            props.push(format!("file={}", property(&p.file.display().to_string())));
            if let Some(line) = p.line {
                props.push(format!("line={line}"));
            }
            if let Some(col) = p.column {
                props.push(format!("col={col}"));
            }
        }
        props.push(format!("title={}", property(self.rule)));
        let mut message = self.message.clone();
        if let Some(entry) = &self.entry {
            let _ = write!(message, " (entry {entry})");
        }
        if let Some(was) = &self.was
            && self.at.is_some()
        {
            let _ = write!(message, "\nwas: {was}");
        }
        if let Some(hint) = &self.hint {
            let _ = write!(message, "\nhint: {hint}");
        }
        format!("::{level} {}::{}", props.join(","), data(&message))
    }
}

/// The escapes of a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escapes of a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// What a check prints: its findings and, for people, summary lines.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// What is worth a look but does not fail the check (a guessed gRPC code, say): printed
    /// before the findings, as `warning[RULE]`.
    pub warnings: Vec<Finding>,
    /// Lines that say what was checked (`mixin: 131 codes, ...`); printed whether or not
    /// something was found.
    pub summary: Vec<String>,
    /// Further text for people, printed after the findings in text format only (the diff of
    /// a stale page, say).
    pub details: String,
    /// How much of each catalog is translated, per locale: in the JSON document as
    /// `coverage`; the text formats show it in the summary.
    pub coverage: Vec<crate::coverage::Coverage>,
}

impl Report {
    /// Prints the report in `format`; exit status 0 without findings (warnings or not), else 1.
    pub fn print(&self, format: Format) -> ExitCode {
        let (out, err) = self.render(format);
        print!("{out}");
        eprint!("{err}");
        self.print_code()
    }

    /// The exit status of the report: 0 without findings, else 1.
    fn print_code(&self) -> ExitCode {
        if self.findings.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }

    /// The report's stdout and stderr text in `format`.
    pub fn render(&self, format: Format) -> (String, String) {
        let mut out = String::new();
        let mut err = String::new();
        match format {
            Format::Text => {
                for f in &self.warnings {
                    let _ = writeln!(err, "{}\n", f.text_as("warning"));
                }
                for f in &self.findings {
                    let _ = writeln!(err, "{}\n", f.text());
                }
                err.push_str(&self.details);
                for line in &self.summary {
                    let _ = writeln!(out, "{line}");
                }
            }
            Format::Json => {
                let doc = json!({
                    "ok": self.findings.is_empty(),
                    "findings": self.findings.iter().map(Finding::json).collect::<Vec<_>>(),
                    "warnings": self.warnings.iter().map(Finding::json).collect::<Vec<_>>(),
                    "summary": self.summary,
                    "coverage": self.coverage.iter().map(crate::coverage::Coverage::json).collect::<Vec<_>>(),
                });
                let _ = writeln!(out, "{doc:#}");
            }
            Format::Github => {
                for f in &self.warnings {
                    let _ = writeln!(out, "{}", f.github_as("warning"));
                }
                for f in &self.findings {
                    let _ = writeln!(out, "{}", f.github());
                }
                for line in &self.summary {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
        (out, err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding() -> Finding {
        Finding {
            rule: "CODE_RENUMBERED",
            categories: vec!["wire"],
            catalog: Some("shop".to_owned()),
            entry: Some("1005 BAD".to_owned()),
            message: "name `BAD` moved from code 1001 to 1005".to_owned(),
            at: Some(Place::new(Path::new("catalogs/shop.yaml"), 12, 9)),
            was: Some(Place::new(Path::new("catalogs/shop.yaml"), 8, 9).at_revision("main")),
            hint: Some("codes are never renumbered: 50%, a,b".to_owned()),
        }
    }

    #[test]
    fn text_is_shaped_like_a_compiler_error() {
        assert_eq!(
            finding().text(),
            "error[CODE_RENUMBERED]: name `BAD` moved from code 1001 to 1005\n  --> catalogs/shop.yaml:12:9\n   = was: catalogs/shop.yaml:8:9 at main\n   = entry: 1005 BAD\n   = breaks: wire\n   = hint: codes are never renumbered: 50%, a,b"
        );
    }

    #[test]
    fn github_annotations_escape_their_properties_and_message() {
        let mut f = finding();
        f.at = Some(Place::new(Path::new("cats/a,b:c.yaml"), 12, 9));
        assert_eq!(
            f.github(),
            "::error file=cats/a%2Cb%3Ac.yaml,line=12,col=9,title=CODE_RENUMBERED::name `BAD` moved from code 1001 to 1005 (entry 1005 BAD)%0Awas: catalogs/shop.yaml:8:9 at main%0Ahint: codes are never renumbered: 50%25, a,b"
        );
    }

    #[test]
    fn warnings_do_not_fail_and_are_shown_as_warnings() {
        let report = Report {
            warnings: vec![Finding {
                rule: "GRPC_CODE_GUESSED",
                categories: Vec::new(),
                ..finding()
            }],
            ..Report::default()
        };
        let (_, err) = report.render(Format::Text);
        assert!(
            err.starts_with("warning[GRPC_CODE_GUESSED]: name `BAD` moved"),
            "{err}"
        );
        let (out, _) = report.render(Format::Github);
        assert!(
            out.starts_with(
                "::warning file=catalogs/shop.yaml,line=12,col=9,title=GRPC_CODE_GUESSED::"
            ),
            "{out}"
        );
        let (out, _) = report.render(Format::Json);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["ok"], true);
        assert_eq!(v["warnings"][0]["rule"], "GRPC_CODE_GUESSED");
        assert_eq!(report.print_code(), ExitCode::SUCCESS);
    }

    #[test]
    fn json_carries_every_field() {
        let report = Report {
            findings: vec![finding()],
            warnings: Vec::new(),
            summary: vec!["shop: 2 codes".to_owned()],
            details: String::new(),
            coverage: Vec::new(),
        };
        let (out, err) = report.render(Format::Json);
        assert!(err.is_empty());
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["ok"], false);
        let f = &v["findings"][0];
        assert_eq!(f["rule"], "CODE_RENUMBERED");
        assert_eq!(f["categories"], json!(["wire"]));
        assert_eq!(f["at"]["line"], 12);
        assert_eq!(f["was"]["revision"], "main");
        assert_eq!(f["was"]["line"], 8);
        assert_eq!(v["summary"][0], "shop: 2 codes");
    }
}
