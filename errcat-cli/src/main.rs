//! `errcat`: the command-line face of errcat-build. It checks catalogs, writes (or checks) their
//! Markdown docs and explains a code; every rule and every rendering lives in the library.

mod docs;
mod explain;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use errcat_build::Catalog;

/// Where the bundled catalogs live, relative to the repository root.
const DEFAULT_DIR: &str = "catalogs";
/// Where their docs go.
const DEFAULT_OUT: &str = "docs/catalogs";

const USAGE: &str = "\
errcat: check YAML error catalogs, generate their docs, explain a code

Usage:
  errcat check [DIR]                          validate the catalogs, print every problem
  errcat docs [DIR] [--out DIR] [--check]     write the Markdown docs (--check: only compare)
  errcat explain CODE [--catalog NAME] [DIR]  everything known about a code or name

DIR defaults to `catalogs`, --out to `docs/catalogs`.
Exit status: 0 on success, 1 if a check fails or a code is unknown, 2 on a usage error.";

#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Check {
        dir: PathBuf,
    },
    Docs {
        dir: PathBuf,
        out: PathBuf,
        check: bool,
    },
    Explain {
        query: String,
        catalog: Option<String>,
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args_os().skip(1)) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("errcat {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Check { dir } => check(&dir),
        Command::Docs { dir, out, check } => docs::run(&dir, &out, check),
        Command::Explain {
            query,
            catalog,
            dir,
        } => explain::run(&query, catalog.as_deref(), &dir),
    }
}

/// Parses the arguments after the program name. Options may come before or after the
/// positional arguments, as `--out DIR` or `--out=DIR`; `--` ends the options.
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args.into_iter().map(|a| {
        a.into_string()
            .map_err(|a| format!("argument {a:?} is not valid UTF-8"))
    });
    let Some(sub) = args.next().transpose()? else {
        return Ok(Command::Help);
    };
    let mut positional: Vec<String> = Vec::new();
    let mut out: Option<String> = None;
    let mut catalog: Option<String> = None;
    let mut check_flag = false;
    let mut options_done = false;
    while let Some(arg) = args.next().transpose()? {
        if options_done || !arg.starts_with('-') || arg == "-" {
            positional.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => args
                    .next()
                    .transpose()?
                    .ok_or_else(|| format!("`{name}` needs a {what}")),
            }
        };
        match (sub.as_str(), name.as_str()) {
            (_, "--") => options_done = true,
            (_, "-h" | "--help") => return Ok(Command::Help),
            ("docs", "--out") => out = Some(value("directory")?),
            ("docs", "--check") if inline.is_none() => check_flag = true,
            ("explain", "--catalog") => catalog = Some(value("catalog name")?),
            _ => return Err(format!("unknown option `{arg}` for `errcat {sub}`")),
        }
    }
    let mut positional = positional.into_iter();
    let dir = |positional: &mut std::vec::IntoIter<String>| {
        PathBuf::from(positional.next().unwrap_or_else(|| DEFAULT_DIR.to_owned()))
    };
    let command = match sub.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" => return Ok(Command::Version),
        "check" => Command::Check {
            dir: dir(&mut positional),
        },
        "docs" => Command::Docs {
            dir: dir(&mut positional),
            out: PathBuf::from(out.unwrap_or_else(|| DEFAULT_OUT.to_owned())),
            check: check_flag,
        },
        "explain" => {
            let query = positional
                .next()
                .ok_or("`errcat explain` needs a CODE (a code or a name)")?;
            Command::Explain {
                query,
                catalog,
                dir: dir(&mut positional),
            }
        }
        other => return Err(format!("unknown command `{other}`")),
    };
    if let Some(extra) = positional.next() {
        return Err(format!("unexpected argument `{extra}` for `errcat {sub}`"));
    }
    Ok(command)
}

/// Loads and validates the catalogs of `dir`, printing every problem on failure.
fn load(dir: &Path) -> Option<Vec<Catalog>> {
    match errcat_build::load_dir(dir) {
        Ok(catalogs) => Some(catalogs),
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

/// `errcat check`: one line per catalog, or every problem and exit status 1.
fn check(dir: &Path) -> ExitCode {
    let Some(catalogs) = load(dir) else {
        return ExitCode::FAILURE;
    };
    for c in &catalogs {
        println!("{}", summary(c));
    }
    ExitCode::SUCCESS
}

fn summary(c: &Catalog) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}: {}, {}, {} ({})",
        c.module,
        plural(c.entry_count(), "code", "codes"),
        plural(c.minor_count(), "minor code", "minor codes"),
        plural(c.sections.len(), "section", "sections"),
        c.file.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(OsString::from))
    }

    #[test]
    fn defaults_serve_the_bundled_catalogs() {
        assert_eq!(
            parse(&["check"]),
            Ok(Command::Check {
                dir: PathBuf::from("catalogs")
            })
        );
        assert_eq!(
            parse(&["docs", "--check"]),
            Ok(Command::Docs {
                dir: PathBuf::from("catalogs"),
                out: PathBuf::from("docs/catalogs"),
                check: true
            })
        );
    }

    #[test]
    fn options_go_anywhere_and_take_values_both_ways() {
        let want = Command::Docs {
            dir: PathBuf::from("cats"),
            out: PathBuf::from("o"),
            check: false,
        };
        assert_eq!(parse(&["docs", "--out", "o", "cats"]), Ok(want));
        assert!(matches!(
            parse(&["docs", "cats", "--out=o"]),
            Ok(Command::Docs { ref out, .. }) if out == Path::new("o")
        ));
        assert_eq!(
            parse(&["explain", "--catalog=mixin", "403"]),
            Ok(Command::Explain {
                query: "403".to_owned(),
                catalog: Some("mixin".to_owned()),
                dir: PathBuf::from("catalogs")
            })
        );
        assert!(matches!(
            parse(&["explain", "--", "-1"]),
            Ok(Command::Explain { ref query, .. }) if query == "-1"
        ));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(parse(&["docs", "--out"]).unwrap_err().contains("--out"));
        assert!(
            parse(&["check", "--check"])
                .unwrap_err()
                .contains("--check")
        );
        assert!(parse(&["check", "a", "b"]).unwrap_err().contains("`b`"));
        assert!(parse(&["explain"]).unwrap_err().contains("CODE"));
        assert!(parse(&["frobnicate"]).unwrap_err().contains("frobnicate"));
        assert_eq!(parse(&[]), Ok(Command::Help));
        assert_eq!(parse(&["docs", "-h"]), Ok(Command::Help));
    }
}
