//! `errcat`: the command-line face of errcat-build. It checks catalogs, writes (or checks) their
//! Markdown docs, OpenAPI document and TypeScript modules and their generated Rust, and
//! explains a code; every rule of the format and every rendering lives in the library. The
//! compatibility of a catalog with what it published before (the lock file, a git revision) is
//! checked here, on the library's validated catalogs, so that build scripts do not pay for it.

mod check;
mod docs;
mod explain;
mod generate;
mod next;
mod openapi;
mod revision;
mod summary;
mod typescript;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use errcat_build::Integrations;
// The lock file and what it records live in the library, for the fuzz target of its reader.
use errcat_cli::{compat, coverage, load, lock, output};

/// Where the bundled catalogs live, relative to the repository root.
const DEFAULT_DIR: &str = "catalogs";
/// Where their docs go.
const DEFAULT_OUT: &str = "docs/catalogs";

/// Check YAML error catalogs, generate their docs, explain a code.
///
/// Exit status: 0 on success; 1 if a check fails (a catalog problem, a breaking change, a stale
/// lock file or page) or a code is unknown; 2 on a usage error or when a check cannot run (an
/// unknown revision, git missing).
#[derive(Debug, Parser)]
#[command(name = "errcat", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, PartialEq, Subcommand)]
enum Command {
    /// Validate the catalogs and print every problem, or what each catalog generates; compare
    /// them with the lock file (`errcat.lock` in the directory) if there is one.
    ///
    /// Every problem of every file is printed in one run. A file whose shape cannot be read (a
    /// required field missing, a key repeated, a list where a mapping belongs) is checked no
    /// further than that: fix those problems first, then run it again.
    Check {
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
        /// Also compare with the catalogs at this git revision (a branch, tag or commit).
        #[arg(long, value_name = "REV")]
        against: Option<String>,
        /// How to print what is found.
        #[arg(long, value_enum, default_value_t)]
        format: output::Format,
    },
    /// Write the lock file (`errcat.lock` in the catalogs directory): every code published.
    Lock {
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
        /// Write it even if the catalogs break a compatibility rule against the current one.
        #[arg(long)]
        force: bool,
    },
    /// Print the next free code of each section (skipping retired, reserved and locked codes).
    Next {
        /// Only this catalog.
        #[arg(long, value_name = "NAME")]
        catalog: Option<String>,
        /// Only this section; with --catalog, only the code is printed.
        #[arg(long, value_name = "NAME")]
        section: Option<String>,
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
    },
    /// Write the Markdown docs of the catalogs (with --check, only compare).
    Docs {
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
        /// Where the pages go.
        #[arg(long, value_name = "DIR", default_value = DEFAULT_OUT)]
        out: PathBuf,
        /// Write nothing; fail, naming each stale page with a diff, if a page is out of date.
        #[arg(long)]
        check: bool,
        /// How --check prints what it finds.
        #[arg(long, value_enum, default_value_t, requires = "check")]
        format: output::Format,
    },
    /// Write the OpenAPI 3.1 document of the catalogs' error components (with --check, only
    /// compare).
    Openapi {
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
        /// The document's path.
        #[arg(long, value_name = "FILE", default_value = openapi::DEFAULT_OUT)]
        out: PathBuf,
        /// Write nothing; fail, with a diff, if the document is out of date.
        #[arg(long)]
        check: bool,
    },
    /// Write a TypeScript module per catalog (with --check, only compare).
    Typescript {
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
        /// Where the modules go.
        #[arg(long, value_name = "DIR", default_value = typescript::DEFAULT_OUT)]
        out: PathBuf,
        /// Write nothing; fail, naming each stale module with a diff, if a module is out of
        /// date.
        #[arg(long)]
        check: bool,
    },
    /// Write the Rust a build script would generate, for a crate that commits it (with
    /// --check, only compare).
    Generate {
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
        /// The file to write, such as src/errors.rs.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Write nothing; fail, with a diff, if the file is out of date.
        #[arg(long)]
        check: bool,
        /// Generate serde support, as `Config::serde(true)` in a build script.
        #[arg(long)]
        serde: bool,
        /// Generate `http::StatusCode`s, as `Config::http(true)`.
        #[arg(long)]
        http: bool,
        /// Generate axum responses (and serde and http), as `Config::axum(true)`.
        #[arg(long)]
        axum: bool,
        /// Generate tonic statuses with a gRPC ErrorInfo, as `Config::grpc(true)`.
        #[arg(long)]
        grpc: bool,
    },
    /// Everything the catalogs say about a code or a name.
    Explain {
        /// A code (`20117`) or a documented name or alias (`INSUFFICIENT_BALANCE`).
        #[arg(value_name = "CODE", allow_hyphen_values = true)]
        query: String,
        /// Look only in this catalog.
        #[arg(long, value_name = "NAME")]
        catalog: Option<String>,
        /// The catalogs directory.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
    },
    /// List the compatibility rules, their categories and what each forbids.
    Rules,
    /// Print the JSON Schema of the catalog format, for an editor to check catalogs against.
    ///
    /// Save it next to your catalogs (`errcat schema > catalog.schema.json`) and point each
    /// catalog at it with a first line `# yaml-language-server: $schema=catalog.schema.json`.
    Schema {
        /// Print the schema of translations files (`shop.fa.yaml`) instead.
        #[arg(long)]
        translations: bool,
    },
    /// Print a completion script for a shell.
    Completions {
        /// The shell: bash, elvish, fish, powershell or zsh.
        shell: clap_complete::Shell,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check {
            dir,
            against,
            format,
        } => check::run(&dir, against.as_deref(), format),
        Command::Lock { dir, force } => lock::run(&dir, force),
        Command::Next {
            catalog,
            section,
            dir,
        } => next::run(&dir, catalog.as_deref(), section.as_deref()),
        Command::Docs {
            dir,
            out,
            check,
            format,
        } => docs::run(&dir, &out, check, format),
        Command::Openapi { dir, out, check } => openapi::run(&dir, &out, check),
        Command::Typescript { dir, out, check } => typescript::run(&dir, &out, check),
        Command::Generate {
            dir,
            out,
            check,
            serde,
            http,
            axum,
            grpc,
        } => generate::run(
            &dir,
            &out,
            check,
            Integrations {
                serde,
                http,
                axum,
                grpc,
            },
        ),
        Command::Explain {
            query,
            catalog,
            dir,
        } => explain::run(&query, catalog.as_deref(), &dir),
        Command::Rules => {
            print!("{}", compat::rules_table());
            ExitCode::SUCCESS
        }
        Command::Schema { translations } => {
            print!(
                "{}",
                if translations {
                    errcat_build::TRANSLATIONS_JSON_SCHEMA
                } else {
                    errcat_build::JSON_SCHEMA
                }
            );
            ExitCode::SUCCESS
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "errcat", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        Cli::try_parse_from(std::iter::once("errcat").chain(args.iter().copied()))
            .map(|cli| cli.command)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_parser_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn defaults_serve_the_bundled_catalogs() {
        assert_eq!(
            parse(&["check"]),
            Ok(Command::Check {
                dir: PathBuf::from("catalogs"),
                against: None,
                format: output::Format::Text,
            })
        );
        assert_eq!(
            parse(&["docs", "--check"]),
            Ok(Command::Docs {
                dir: PathBuf::from("catalogs"),
                out: PathBuf::from("docs/catalogs"),
                check: true,
                format: output::Format::Text,
            })
        );
    }

    #[test]
    fn client_outputs_default_to_their_committed_places() {
        assert_eq!(
            parse(&["openapi", "--check"]),
            Ok(Command::Openapi {
                dir: PathBuf::from("catalogs"),
                out: PathBuf::from("docs/openapi/errors.json"),
                check: true
            })
        );
        assert_eq!(
            parse(&["typescript", "cats", "--out=web"]),
            Ok(Command::Typescript {
                dir: PathBuf::from("cats"),
                out: PathBuf::from("web"),
                check: false
            })
        );
    }

    #[test]
    fn generate_takes_a_directory_a_file_and_check() {
        assert_eq!(
            parse(&["generate", "--out", "src/errors.rs", "cats", "--check"]),
            Ok(Command::Generate {
                dir: PathBuf::from("cats"),
                out: PathBuf::from("src/errors.rs"),
                check: true,
                serde: false,
                http: false,
                axum: false,
                grpc: false,
            })
        );
    }

    #[test]
    fn options_go_anywhere_and_take_values_both_ways() {
        let want = Command::Docs {
            dir: PathBuf::from("cats"),
            out: PathBuf::from("o"),
            check: false,
            format: output::Format::Text,
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

    /// Every errcat command of the CI recipe is one this parser accepts.
    #[test]
    fn the_ci_recipe_runs_valid_commands() {
        let recipe = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/ci/errcat.yml"),
        )
        .unwrap();
        let commands: Vec<&str> = recipe
            .lines()
            .filter_map(|l| l.trim().strip_prefix("run: errcat "))
            .collect();
        assert_eq!(commands.len(), 3, "{recipe}");
        for command in commands {
            let command = command.replace("${{ github.base_ref }}", "main");
            let args: Vec<String> = command
                .split(' ')
                .map(|w| w.trim_matches('"').to_owned())
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let parsed = parse(&args).unwrap_or_else(|e| panic!("{command}: {e}"));
            assert!(
                matches!(
                    parsed,
                    Command::Check {
                        format: output::Format::Github,
                        ..
                    } | Command::Docs {
                        check: true,
                        format: output::Format::Github,
                        ..
                    }
                ),
                "{command}: {parsed:?}"
            );
        }
    }

    #[test]
    fn new_commands_and_options_parse() {
        assert_eq!(
            parse(&[
                "check",
                "cats",
                "--against",
                "origin/main",
                "--format",
                "json"
            ]),
            Ok(Command::Check {
                dir: PathBuf::from("cats"),
                against: Some("origin/main".to_owned()),
                format: output::Format::Json,
            })
        );
        assert_eq!(
            parse(&["lock", "--force"]),
            Ok(Command::Lock {
                dir: PathBuf::from("catalogs"),
                force: true
            })
        );
        assert_eq!(
            parse(&["next", "--catalog", "mixin", "--section=ACCEPTED"]),
            Ok(Command::Next {
                catalog: Some("mixin".to_owned()),
                section: Some("ACCEPTED".to_owned()),
                dir: PathBuf::from("catalogs")
            })
        );
        assert!(
            parse(&["check", "--format", "xml"])
                .unwrap_err()
                .contains("github")
        );
        assert!(
            parse(&["docs", "--format", "json"])
                .unwrap_err()
                .contains("--check")
        );
        assert!(parse(&["docs", "--check", "--format=github"]).is_ok());
        assert!(parse(&["check", "--against"]).unwrap_err().contains("REV"));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(parse(&["docs", "--out"]).unwrap_err().contains("--out"));
        assert!(
            parse(&["check", "--check"])
                .unwrap_err()
                .contains("--check")
        );
        assert!(parse(&["check", "a", "b"]).unwrap_err().contains("'b'"));
        assert!(parse(&["explain"]).unwrap_err().contains("CODE"));
        assert!(parse(&["generate"]).unwrap_err().contains("--out"));
        let typo = parse(&["explian"]).unwrap_err();
        assert!(
            typo.contains("explian") && typo.contains("explain"),
            "{typo}"
        );
        assert!(parse(&["docs", "--chek"]).unwrap_err().contains("--check"));
    }
}
