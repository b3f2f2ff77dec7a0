//! Problems found in catalogs, reported the way a compiler reports them.

use std::cmp::Ordering;
use std::fmt;
use std::path::{Path, PathBuf};

/// `text` for a message: in backticks when it is a plain word, else quoted with Rust's
/// escapes, so that spaces, control characters and invisible characters (a zero-width space,
/// a right-to-left mark) show.
pub(crate) fn quote(text: &str) -> String {
    let plain = !text.is_empty() && text.chars().all(|c| c.is_ascii_graphic() && c != '`');
    if plain {
        format!("`{text}`")
    } else {
        format!("{text:?}")
    }
}

/// A place in a catalog file: 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// One problem in one catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The catalog file, as it was given to the generator.
    pub file: PathBuf,
    /// Where in the file; `None` for problems with the file as a whole.
    pub location: Option<Location>,
    /// The entry concerned, as `code NAME`, where there is one.
    pub entry: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, where the generator knows.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub(crate) fn new(file: &Path, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            location,
            entry: None,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn with_entry(mut self, entry: impl Into<String>) -> Self {
        self.entry = Some(entry.into());
        self
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:column`, or just the file when there is no location.
    pub fn position(&self) -> String {
        match self.location {
            Some(loc) => format!("{}:{}:{}", self.file.display(), loc.line, loc.column),
            None => self.file.display().to_string(),
        }
    }

    fn sort_key(&self) -> (&Path, Option<Location>) {
        (&self.file, self.location)
    }
}

/// Sorts the problems of one file by where they are (stable: those of one place keep their
/// order).
pub(crate) fn sort_by_location(diagnostics: &mut [Diagnostic]) {
    sort(diagnostics, |a, b| a.location.cmp(&b.location));
}

/// Every sort of problems goes through this one `fn` pointer type, so that the standard
/// library's sort is compiled once for them, not once per closure.
fn sort(diagnostics: &mut [Diagnostic], order: fn(&Diagnostic, &Diagnostic) -> Ordering) {
    diagnostics.sort_by(order);
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        write!(f, "  --> {}", self.position())?;
        if let Some(entry) = &self.entry {
            write!(f, "\n   = entry: {entry}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n   = hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in one run, sorted by file and line.
///
/// `Debug` prints the same text as `Display`, so a build script whose `main` returns
/// `Result<(), errcat_build::Error>` fails with readable diagnostics and no backtrace.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub(crate) fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        sort(&mut diagnostics, |a, b| a.sort_key().cmp(&b.sort_key()));
        Error { diagnostics }
    }

    pub(crate) fn io(file: &Path, action: &str, err: &std::io::Error) -> Self {
        Error::new(vec![Diagnostic::new(
            file,
            None,
            format!("cannot {action}: {err}"),
        )])
    }

    /// The problems, sorted by file and location.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}\n")?;
        }
        let n = self.diagnostics.len();
        write!(
            f,
            "error: the catalogs have {n} problem{}",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shown by `fn main() -> Result<..>`: make it the human-readable report.
        writeln!(f)?;
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}
