//! Generates the synthetic catalog's errcat code, and the `match` baselines the benchmarks
//! compare the generated lookups with.

#[path = "src/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Codes in the synthetic catalog the benchmarks use (`errcat_bench::SYNTH_CODES`).
const SYNTH_CODES: usize = 3000;

fn main() -> Result<(), errcat_build::Error> {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/synth.rs");
    println!("cargo:rerun-if-changed=../catalogs/messenger.yaml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set for build scripts"));

    let spec = synth::Spec::new("synthetic", SYNTH_CODES);
    let dir = out.join("catalogs");
    std::fs::create_dir_all(&dir).expect("create the catalogs directory");
    std::fs::write(dir.join("synthetic.yaml"), spec.yaml()).expect("write the catalog");
    errcat_build::Config::new()
        .out_dir(&out)
        .file_name("synthetic.rs")
        .emit_rerun_if_changed(false)
        .compile(&dir)?;

    // A catalog in three locales (the generator's fixture), for the allocation test of
    // localized messages.
    errcat_build::Config::new()
        .out_dir(&out)
        .file_name("localized.rs")
        .compile(Path::new("../errcat-build/tests/fixtures/locales/catalogs"))?;

    let messenger = Path::new("../catalogs/messenger.yaml");
    let text = std::fs::read_to_string(messenger).expect("read the messenger catalog");
    let messenger = match errcat_build::load_str(messenger, &text) {
        Ok(catalog) => catalog,
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            std::process::exit(1);
        }
    };
    let mut messenger_codes = Vec::new();
    let mut messenger_names = Vec::new();
    for e in messenger.entries() {
        let errcat_build::model::Code::Integer(code) = e.code else {
            unreachable!("messenger codes are integers")
        };
        messenger_codes.push((code.to_string(), e.type_name()));
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            messenger_names.push((format!("{name:?}"), e.type_name()));
        }
    }
    let mut synthetic_codes = Vec::new();
    let mut synthetic_names = Vec::new();
    for e in spec.entries() {
        synthetic_codes.push((e.code.to_string(), e.variant()));
        for name in std::iter::once(&e.name).chain(&e.alias) {
            synthetic_names.push((format!("{name:?}"), e.variant()));
        }
    }

    let mut baseline = String::new();
    let messenger = "errcat_catalogs::messenger::Error";
    let synthetic = "crate::generated::synthetic::Error";
    match_fn(
        &mut baseline,
        "messenger_code",
        "u32",
        messenger,
        &messenger_codes,
    );
    match_fn(
        &mut baseline,
        "synthetic_code",
        "u32",
        synthetic,
        &synthetic_codes,
    );
    match_fn(
        &mut baseline,
        "messenger_name",
        "&str",
        messenger,
        &messenger_names,
    );
    match_fn(
        &mut baseline,
        "synthetic_name",
        "&str",
        synthetic,
        &synthetic_names,
    );
    std::fs::write(out.join("baseline.rs"), baseline).expect("write the baselines");
    Ok(())
}

/// A lookup written as one `match`, the way a hand-written one (or strum's `EnumString`)
/// usually is: `arms` are the patterns (Rust literals) with their variants.
fn match_fn(out: &mut String, name: &str, key: &str, ty: &str, arms: &[(String, String)]) {
    let _ = writeln!(out, "/// `{name}` lookup as a single `match`.");
    let _ = writeln!(out, "#[allow(deprecated)]");
    let _ = writeln!(out, "pub fn {name}_match(key: {key}) -> Option<{ty}> {{");
    let _ = writeln!(out, "    match key {{");
    for (pattern, variant) in arms {
        let _ = writeln!(out, "        {pattern} => Some({ty}::{variant}),");
    }
    let _ = writeln!(out, "        _ => None,\n    }}\n}}");
}
