//! `errcat generate`: writes the Rust a build script would generate into a file of the crate
//! (committed mode, for crates that publish their errors with no build script), or (`--check`)
//! tells whether the committed file still matches the catalogs.

use std::path::Path;
use std::process::ExitCode;

use errcat_build::{Config, Integrations};

use crate::docs::{command_prefix, diff, shell_word};
use crate::{DEFAULT_DIR, load, summary};

/// The configuration a build script with these integrations would use.
pub fn config(integrations: Integrations) -> Config {
    let mut config = Config::new();
    config
        .serde(integrations.serde)
        .http(integrations.http)
        .axum(integrations.axum)
        .grpc(integrations.grpc);
    config
}

pub fn run(dir: &Path, out: &Path, check: bool, integrations: Integrations) -> ExitCode {
    let Some(catalogs) = load(dir) else {
        return ExitCode::FAILURE;
    };
    // The same function as the build script's `Config::compile`, so the bytes are the same.
    let code = config(integrations).generate(&catalogs);
    let have = std::fs::read_to_string(out);
    // A checkout that turned line ends into CRLF still holds the same file.
    let current = have
        .as_ref()
        .is_ok_and(|have| *have == code || have.replace("\r\n", "\n") == code);
    if check {
        if current {
            println!("{}: up to date with {}", out.display(), dir.display());
            return ExitCode::SUCCESS;
        }
        match &have {
            Ok(have) => eprint!("stale: {}\n{}", out.display(), diff(out, have, &code)),
            Err(_) => eprintln!("missing: {}", out.display()),
        }
        eprintln!(
            "\nerror: {} does not match the catalogs in {}",
            out.display(),
            dir.display()
        );
        eprintln!(
            "to regenerate it, run: {}",
            regenerate_command(dir, out, integrations)
        );
        return ExitCode::FAILURE;
    }
    if !current {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            eprintln!("error: cannot create {}: {e}", parent.display());
            return ExitCode::FAILURE;
        }
        if let Err(e) = std::fs::write(out, &code) {
            eprintln!("error: cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "{} {}: {}",
        if current { "unchanged" } else { "wrote" },
        out.display(),
        summary::totals(&summary::items(&code), code.len())
    );
    ExitCode::SUCCESS
}

fn regenerate_command(dir: &Path, out: &Path, integrations: Integrations) -> String {
    let mut cmd = format!("{} generate", command_prefix());
    if dir != Path::new(DEFAULT_DIR) {
        cmd.push(' ');
        cmd.push_str(&shell_word(dir));
    }
    cmd.push_str(" --out ");
    cmd.push_str(&shell_word(out));
    if integrations.axum {
        cmd.push_str(" --axum");
    } else {
        for (on, flag) in [
            (integrations.serde, " --serde"),
            (integrations.http, " --http"),
        ] {
            if on {
                cmd.push_str(flag);
            }
        }
    }
    if integrations.grpc {
        cmd.push_str(" --grpc");
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regenerate_command_names_the_directories_and_integrations() {
        let none = Integrations::default();
        let cmd = regenerate_command(Path::new("my cats"), Path::new("src/errors.rs"), none);
        assert!(
            cmd.ends_with("generate 'my cats' --out src/errors.rs"),
            "{cmd}"
        );
        let cmd = regenerate_command(Path::new(DEFAULT_DIR), Path::new("e.rs"), none);
        assert!(cmd.ends_with(" generate --out e.rs"), "{cmd}");
        let serde = Integrations {
            serde: true,
            ..none
        };
        let cmd = regenerate_command(Path::new(DEFAULT_DIR), Path::new("e.rs"), serde);
        assert!(cmd.ends_with(" generate --out e.rs --serde"), "{cmd}");
        let axum = Integrations {
            serde: true,
            http: true,
            axum: true,
            grpc: false,
        };
        let cmd = regenerate_command(Path::new(DEFAULT_DIR), Path::new("e.rs"), axum);
        assert!(cmd.ends_with(" generate --out e.rs --axum"), "{cmd}");
        let grpc = Integrations { grpc: true, ..axum };
        let cmd = regenerate_command(Path::new(DEFAULT_DIR), Path::new("e.rs"), grpc);
        assert!(cmd.ends_with(" generate --out e.rs --axum --grpc"), "{cmd}");
    }
}
