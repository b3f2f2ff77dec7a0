//! Build-time cost of errcat at scale, against the hand-written alternative; run it with
//! `bench/scale` (see `--help`).
//!
//! For each size it writes a synthetic catalog, times the generator's stages in this process
//! (built with the dev profile, as build scripts are by default), then builds, in a scratch
//! workspace under `target/errcat-scale/`, a crate holding the generated code and a crate
//! holding the same codes written with `thiserror` and `strum`, each from scratch and again
//! after one message changed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use errcat_bench::cpu::children_cpu;
use errcat_bench::synth::Spec;

const DEFAULT_SIZES: [usize; 4] = [100, 1_000, 10_000, 50_000];
const QUICK_SIZES: [usize; 2] = [100, 1_000];
const THISERROR: &str = "thiserror = \"2\"";
const STRUM: &str = "strum = { version = \"0.28\", features = [\"derive\"] }";

const HELP: &str = "\
bench/scale: generator and compile times of errcat at scale, against thiserror + strum.

usage: bench/scale [--release] [--quick] [--sizes N,N,...] [--no-compile] [--errcat-only]
                   [--reps R]

  --quick        sizes 100 and 1000 only
  --sizes LIST   comma-separated catalog sizes (default 100,1000,10000,50000)
  --no-compile   time the generator only
  --errcat-only  build the generated crates, not the thiserror + strum ones
  --alternative-up-to N
                 build the thiserror + strum crate only up to N codes (default 20000:
                 at 50000 codes its rustc grew to 22 GiB of memory and was killed on a
                 24 GiB machine)
  --reps R       build each crate R times, keeping the fastest (default 3 up to 1000
                 codes, else 1)
  --release      (first argument, read by the script) time an optimized generator

Scratch crates go to target/errcat-scale/ (kept, so a second run reuses the prebuilt
dependencies).";

struct Options {
    sizes: Vec<usize>,
    compile: bool,
    alternative: bool,
    alternative_up_to: usize,
    reps: Option<usize>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        sizes: DEFAULT_SIZES.to_vec(),
        compile: true,
        alternative: true,
        alternative_up_to: 20_000,
        reps: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => o.sizes = QUICK_SIZES.to_vec(),
            "--no-compile" => o.compile = false,
            "--errcat-only" => o.alternative = false,
            "--alternative-up-to" => {
                let n = args
                    .next()
                    .ok_or("--alternative-up-to needs a number of codes")?;
                o.alternative_up_to = n
                    .replace('_', "")
                    .parse()
                    .map_err(|e| format!("--alternative-up-to {n}: {e}"))?;
            }
            "--reps" => {
                let r = args.next().ok_or("--reps needs a number")?;
                o.reps = Some(r.parse().map_err(|e| format!("--reps {r}: {e}"))?);
            }
            "--sizes" => {
                let list = args
                    .next()
                    .ok_or("--sizes needs a list, such as 100,1000")?;
                o.sizes = list
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("--sizes {list}: {e}"))?;
                if o.sizes.contains(&0) {
                    return Err("--sizes: a catalog has at least one code".into());
                }
            }
            "-h" | "--help" => {
                println!("{HELP}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}\n\n{HELP}")),
        }
    }
    Ok(o)
}

/// Generator stage times, and the generated source.
struct Generated {
    load: Duration,
    emit: Duration,
    format: Duration,
    code: String,
}

impl Generated {
    fn total(&self) -> Duration {
        self.load + self.emit + self.format
    }
}

/// Runs the generator on `(file, text)` catalogs `reps` times, keeping the fastest run of each
/// stage.
fn generate(files: &[(PathBuf, String)], reps: usize) -> Result<Generated, String> {
    let mut best: Option<Generated> = None;
    for _ in 0..reps {
        let t = Instant::now();
        let mut catalogs = Vec::new();
        for (file, text) in files {
            match errcat_build::load_str(file, text) {
                Ok(c) => catalogs.push(c),
                Err(problems) => {
                    return Err(problems
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join("\n"));
                }
            }
        }
        let load = t.elapsed();
        let t = Instant::now();
        let tokens =
            errcat_build::emit::rust::file(&catalogs, errcat_build::Integrations::default());
        let emit = t.elapsed();
        let t = Instant::now();
        let code = errcat_build::format_rust(tokens);
        let format = t.elapsed();
        let run = Generated {
            load,
            emit,
            format,
            code,
        };
        best = Some(match best {
            None => run,
            Some(b) => Generated {
                load: b.load.min(run.load),
                emit: b.emit.min(run.emit),
                format: b.format.min(run.format),
                code: run.code,
            },
        });
    }
    best.ok_or_else(|| "no run".to_owned())
}

/// The scratch workspace: one crate per measured build, plus `deps`, which only pulls in
/// thiserror and strum so that they are built before anything is timed.
struct Scratch {
    root: PathBuf,
}

impl Scratch {
    fn new(root: PathBuf, sizes: &[usize]) -> Result<Scratch, String> {
        let mut members = vec!["\"deps\"".to_owned()];
        for n in sizes {
            members.push(format!("\"gen-{n}\""));
            members.push(format!("\"alt-{n}\""));
        }
        let manifest = format!(
            "# Scratch workspace of bench/scale; rewritten on every run.\n[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        );
        let s = Scratch { root };
        s.write("Cargo.toml", &manifest)?;
        s.write_crate("deps", "", true)?;
        // Every member must exist before cargo runs at all; the sources come later.
        for n in sizes {
            for (name, with_deps) in [(format!("gen-{n}"), false), (format!("alt-{n}"), true)] {
                s.write_manifest(&name, with_deps)?;
                if !s.root.join(&name).join("src/lib.rs").exists() {
                    s.write(&format!("{name}/src/lib.rs"), "")?;
                }
            }
        }
        Ok(s)
    }

    fn write(&self, rel: &str, contents: &str) -> Result<(), String> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        // Leave an unchanged file alone, so that cargo's fingerprints stay valid.
        if std::fs::read_to_string(&path).is_ok_and(|old| old == contents) {
            return Ok(());
        }
        std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn write_crate(&self, name: &str, lib: &str, with_deps: bool) -> Result<(), String> {
        self.write_manifest(name, with_deps)?;
        self.write(&format!("{name}/src/lib.rs"), lib)
    }

    /// The alternative's crates depend on thiserror and strum; errcat's on its runtime crate
    /// (the `deps` crate builds all of them first, so that timings are of the crates alone).
    fn write_manifest(&self, name: &str, with_deps: bool) -> Result<(), String> {
        let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errcat");
        let runtime = format!(
            "errcat = {{ path = {:?} }}\n",
            runtime.display().to_string()
        );
        let deps = if name == "deps" {
            format!("{THISERROR}\n{STRUM}\n{runtime}")
        } else if with_deps {
            format!("{THISERROR}\n{STRUM}\n")
        } else {
            runtime
        };
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{deps}"
        );
        self.write(&format!("{name}/Cargo.toml"), &manifest)
    }

    /// `cargo build -p name`, timed.
    fn build(&self, name: &str) -> Result<Timing, String> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let cpu = children_cpu();
        let t = Instant::now();
        let out = Command::new(cargo)
            .args(["build", "--quiet", "-p", name])
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", self.root.join("target"))
            .output()
            .map_err(|e| format!("cargo: {e}"))?;
        let wall = t.elapsed();
        let cpu = match (cpu, children_cpu()) {
            (Some(before), Some(after)) => Some(after.saturating_sub(before)),
            _ => None,
        };
        if !out.status.success() {
            return Err(format!(
                "cargo build -p {name} failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(Timing { wall, cpu })
    }

    /// Builds `name` with `file` holding `original`, from scratch, then again after `file`
    /// changed to `edited`: (build, rebuild).
    fn measure(
        &self,
        name: &str,
        file: &str,
        original: &str,
        edited: &str,
    ) -> Result<(Timing, Timing), String> {
        self.write(file, original)?;
        self.forget(name)?;
        let build = self.build(name)?;
        self.write(file, edited)?;
        let rebuild = self.build(name)?;
        Ok((build, rebuild))
    }

    /// Removes the crate's build outputs, so that its next build starts from scratch.
    fn forget(&self, name: &str) -> Result<(), String> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let out = Command::new(cargo)
            .args(["clean", "--quiet", "-p", name])
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", self.root.join("target"))
            .output()
            .map_err(|e| format!("cargo: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }
}

/// How long a build took.
#[derive(Clone, Copy, Debug)]
struct Timing {
    wall: Duration,
    /// CPU time of cargo and rustc, where the platform tells (Linux).
    cpu: Option<Duration>,
}

impl Timing {
    const NONE: Timing = Timing {
        wall: Duration::MAX,
        cpu: None,
    };

    /// The fastest of two runs, by each measure.
    fn best(self, other: Timing) -> Timing {
        Timing {
            wall: self.wall.min(other.wall),
            cpu: match (self.cpu, other.cpu) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 10_000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
}

fn size(bytes: usize) -> String {
    if bytes < 1 << 20 {
        format!("{:.0} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn run() -> Result<(), String> {
    let o = options()?;
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the bench crate is in the workspace")
        .to_path_buf();
    let profile = if cfg!(debug_assertions) {
        "dev profile (unoptimized, as build scripts are by default)"
    } else {
        "release profile"
    };

    // The bundled catalogs, as `errcat`'s own build script sees them.
    let mut bundled = Vec::new();
    for file in
        errcat_build::catalog_files(&workspace.join("catalogs")).map_err(|e| e.to_string())?
    {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let name = file.file_name().map(PathBuf::from).unwrap_or_default();
        bundled.push((name, text));
    }
    let codes: usize = bundled
        .iter()
        .map(|(f, t)| errcat_build::load_str(f, t).map_or(0, |c| c.entry_count()))
        .sum();
    let g = generate(&bundled, 10)?;
    println!("Generator built with the {profile}.\n");
    println!(
        "Bundled catalogs ({} files, {} codes): parse+validate {}, emit {}, format {}, total {}; {} generated.\n",
        bundled.len(),
        codes,
        ms(g.load),
        ms(g.emit),
        ms(g.format),
        ms(g.total()),
        size(g.code.len()),
    );

    let scratch = if o.compile {
        let s = Scratch::new(workspace.join("target").join("errcat-scale"), &o.sizes)?;
        eprintln!("building thiserror and strum in {} ...", s.root.display());
        s.build("deps")?;
        Some(s)
    } else {
        None
    };

    let mut table = String::new();
    table.push_str("| codes | minor codes | YAML | parse+validate | emit | format | generator | generated | build | rebuild, 1 message changed | thiserror+strum build | its rebuild | build ratio | build ratio, CPU time | rebuild ratio |\n");
    table.push_str("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for &n in &o.sizes {
        let mut spec = Spec::new("synthetic", n);
        let yaml = spec.yaml();
        let file = PathBuf::from("synthetic.yaml");
        let reps = (20_000 / n).clamp(1, 10);
        eprintln!("{n} codes: generating ...");
        let g = generate(&[(file.clone(), yaml.clone())], reps)?;
        let mut row = format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            thousands(n),
            thousands(spec.minor_count()),
            size(yaml.len()),
            ms(g.load),
            ms(g.emit),
            ms(g.format),
            ms(g.total()),
            size(g.code.len()),
        );
        if let Some(s) = &scratch {
            let (gen_crate, alt_crate) = (format!("gen-{n}"), format!("alt-{n}"));
            s.write_crate(&gen_crate, "include!(\"errcat.rs\");\n", false)?;
            let alternative = spec.alternative();
            s.write_crate(&alt_crate, &alternative, true)?;
            spec.edit_one_message(1);
            let edited = generate(&[(file, spec.yaml())], 1)?;
            let gen_file = format!("{gen_crate}/src/errcat.rs");
            let alt_file = format!("{alt_crate}/src/lib.rs");
            let alt_edited = spec.alternative();
            // Small builds are short enough to be swayed by the machine's other work: repeat
            // them, alternating the two crates, and keep the fastest of each.
            let reps = o.reps.unwrap_or(if n <= 1_000 { 3 } else { 1 });
            let mut gen_times = (Timing::NONE, Timing::NONE);
            let mut alt_times = (Timing::NONE, Timing::NONE);
            let with_alternative = o.alternative && n <= o.alternative_up_to;
            let mut alt_failed = None;
            for _ in 0..reps {
                eprintln!("{n} codes: building the generated crate ...");
                let t = s.measure(&gen_crate, &gen_file, &g.code, &edited.code)?;
                gen_times = (gen_times.0.best(t.0), gen_times.1.best(t.1));
                if with_alternative && alt_failed.is_none() {
                    eprintln!("{n} codes: building the thiserror + strum crate ...");
                    match s.measure(&alt_crate, &alt_file, &alternative, &alt_edited) {
                        Ok(t) => alt_times = (alt_times.0.best(t.0), alt_times.1.best(t.1)),
                        // A failure is a result too (at 50 000 codes rustc ran out of memory).
                        Err(e) => {
                            eprintln!("{n} codes: the thiserror + strum crate failed: {e}");
                            alt_failed = Some(e);
                        }
                    }
                }
            }
            // Each crate keeps its catalog's code as built first, and the code after the edit
            // beside it, for `bench/instructions` to count the rebuild.
            s.write(&gen_file, &g.code)?;
            s.write(&format!("{gen_crate}/edited.rs"), &edited.code)?;
            s.write(&alt_file, &alternative)?;
            s.write(&format!("{alt_crate}/edited.rs"), &alt_edited)?;
            let (build, rebuild) = gen_times;
            let _ = write!(row, " {} | {} |", ms(build.wall), ms(rebuild.wall));
            if alt_failed.is_some() {
                row.push_str(" failed | | | | |");
            } else if with_alternative {
                let (alt_build, alt_rebuild) = alt_times;
                let cpu_ratio = match (build.cpu, alt_build.cpu) {
                    (Some(a), Some(b)) => format!("{:.2}", a.as_secs_f64() / b.as_secs_f64()),
                    _ => "n/a".to_owned(),
                };
                let _ = write!(
                    row,
                    " {} | {} | {:.2} | {} | {:.2} |",
                    ms(alt_build.wall),
                    ms(alt_rebuild.wall),
                    build.wall.as_secs_f64() / alt_build.wall.as_secs_f64(),
                    cpu_ratio,
                    rebuild.wall.as_secs_f64() / alt_rebuild.wall.as_secs_f64(),
                );
            } else if o.alternative {
                row.push_str(" not built (see --alternative-up-to) | | | | |");
            } else {
                row.push_str(" | | | | |");
            }
        } else {
            row.push_str(" | | | | | | |");
        }
        eprintln!("{row}");
        table.push_str(&row);
        table.push('\n');
    }
    println!("{table}");
    if scratch.is_some() {
        println!(
            "Builds are `cargo build` (dev profile) of the one crate, dependencies prebuilt, \
             wall time including cargo's own start-up; the CPU-time ratio (user + system time \
             of cargo and rustc) is less swayed by other work on the machine. A ratio below 1 \
             means errcat's generated code compiles faster than the hand-written thiserror + \
             strum enum."
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
