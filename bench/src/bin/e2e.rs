//! What a crate pays, end to end, to depend on generated errors; run it with `bench/e2e` (see
//! `--help`).
//!
//! Every measured build is a fresh crate in a temporary directory built the way a user builds
//! it the first time: `rm -rf target && cargo build`, every dependency included (errcat-build in
//! the build script, thiserror and strum, serde), dev profile. The figure is the CPU time (user
//! and system) of cargo and everything it runs, the median of several builds, errcat's and the
//! alternative's builds alternating so that both see the same machine.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use errcat_bench::cpu::children_cpu;
use errcat_bench::synth::Spec;

const HELP: &str = "\
bench/e2e: clean-build CPU time of a crate using errcat, against the same codes written with
thiserror + strum.

usage: bench/e2e [--codes N] [--large N] [--reps R] [--timings] [--keep]

  --codes N   the small catalog (default 100)
  --large N   the large catalog (default 1000)
  --reps R    builds per case; the median is reported (default 3)
  --timings   after the measured builds, build errcat's crates once more with
              `cargo build --timings` and print where the time goes
  --keep      keep the scratch crates (printed) instead of removing them";

/// The alternative's dependencies, as `bench/scale` writes them.
const THISERROR: &str = "thiserror = \"2\"";
const STRUM: &str = "strum = { version = \"0.28\", features = [\"derive\"] }";
const SERDE: &str = "serde = { version = \"1\", features = [\"derive\"] }";
/// A type that makes serde derive run in the crates "with serde derive already in the crate".
const SERDE_USE: &str = "\n/// The crate's own serde type.\n#[derive(Debug, serde::Serialize, serde::Deserialize)]\npub struct Settings {\n    pub name: String,\n    pub retries: u32,\n}\n";

struct Options {
    codes: usize,
    large: usize,
    reps: usize,
    timings: bool,
    keep: bool,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        codes: 100,
        large: 1000,
        reps: 3,
        timings: false,
        keep: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |what: &str| -> Result<usize, String> {
            let v = args.next().ok_or(format!("{what} needs a number"))?;
            match v.replace('_', "").parse() {
                Ok(0) | Err(_) => Err(format!("{what} {v}: not a positive number")),
                Ok(n) => Ok(n),
            }
        };
        match arg.as_str() {
            "--codes" => o.codes = number("--codes")?,
            "--large" => o.large = number("--large")?,
            "--reps" => o.reps = number("--reps")?,
            "--timings" => o.timings = true,
            "--keep" => o.keep = true,
            "-h" | "--help" => {
                println!("{HELP}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}\n\n{HELP}")),
        }
    }
    Ok(o)
}

/// A scratch crate: its own workspace, its own target directory.
struct Crate {
    dir: PathBuf,
}

impl Crate {
    fn write(&self, rel: &str, contents: &str) -> Result<(), String> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn cargo(&self, args: &[&str]) -> Command {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut c = Command::new(cargo);
        c.args(args)
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env_remove("CARGO_BUILD_TARGET_DIR")
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        c
    }

    /// Resolves and downloads the dependencies, untimed.
    fn prepare(&self) -> Result<(), String> {
        run(self.cargo(&["fetch", "--quiet"]), "cargo fetch")
    }

    /// `cargo build` with `args`: CPU time (user + system of cargo and all it ran) and wall time.
    fn build(&self, args: &[&str]) -> Result<Timing, String> {
        let before = children_cpu();
        let t = Instant::now();
        let mut cmd = self.cargo(&["build", "--quiet"]);
        cmd.args(args);
        run(cmd, &format!("cargo build in {}", self.dir.display()))?;
        let wall = t.elapsed();
        let cpu = match (before, children_cpu()) {
            (Some(b), Some(a)) => a.saturating_sub(b),
            _ => return Err("no CPU times on this platform (Linux /proc needed)".into()),
        };
        Ok(Timing { cpu, wall })
    }

    /// `rm -rf target && cargo build`.
    fn clean_build(&self, args: &[&str]) -> Result<Timing, String> {
        let target = self.dir.join("target");
        if target.exists() {
            std::fs::remove_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
        self.build(args)
    }
}

fn run(mut cmd: Command, what: &str) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

#[derive(Clone, Copy, Debug)]
struct Timing {
    cpu: Duration,
    wall: Duration,
}

fn median(mut runs: Vec<Timing>) -> Timing {
    runs.sort_by_key(|t| t.cpu);
    let cpu = runs[runs.len() / 2].cpu;
    runs.sort_by_key(|t| t.wall);
    Timing {
        cpu,
        wall: runs[runs.len() / 2].wall,
    }
}

fn manifest(name: &str, deps: &[&str], build_deps: &[&str]) -> String {
    let mut m = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n"
    );
    if build_deps.is_empty() {
        m.push_str("build = false\n");
    }
    let _ = write!(m, "\n[dependencies]\n{}\n", deps.join("\n"));
    if !build_deps.is_empty() {
        let _ = write!(m, "\n[build-dependencies]\n{}\n", build_deps.join("\n"));
    }
    // A workspace of its own, so that no enclosing workspace claims it.
    m.push_str("\n[workspace]\n");
    m
}

/// The errcat crates of this checkout, as path dependencies.
fn errcat_dep(workspace: &Path, name: &str) -> String {
    format!("{name} = {{ path = {:?} }}", workspace.join(name))
}

struct Bench {
    root: PathBuf,
    workspace: PathBuf,
    reps: usize,
}

/// Which crate a case builds, and how.
enum Kind {
    /// errcat-build in build.rs.
    BuildScript,
    /// The file `errcat generate` writes, committed; no build script.
    Committed,
    /// thiserror + strum, by hand.
    Alternative,
}

impl Bench {
    fn make(&self, name: &str, kind: Kind, spec: &Spec, serde: bool) -> Result<Crate, String> {
        let c = Crate {
            dir: self.root.join(name),
        };
        let mut deps: Vec<String> = Vec::new();
        let mut build_deps: Vec<String> = Vec::new();
        let mut lib = String::new();
        if !matches!(kind, Kind::Alternative) {
            // The runtime crate the generated code uses.
            deps.push(errcat_dep(&self.workspace, "errcat"));
        }
        match kind {
            Kind::BuildScript => {
                build_deps.push(errcat_dep(&self.workspace, "errcat-build"));
                c.write("catalogs/synthetic.yaml", &spec.yaml())?;
                c.write(
                    "build.rs",
                    "fn main() -> Result<(), errcat_build::Error> {\n    errcat_build::Config::new().compile(\"catalogs\")\n}\n",
                )?;
                lib.push_str("include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n");
            }
            Kind::Committed => {
                let catalogs = c.dir.join("catalogs");
                c.write("catalogs/synthetic.yaml", &spec.yaml())?;
                let catalogs = errcat_build::load_dir(&catalogs).map_err(|e| e.to_string())?;
                let code = errcat_build::Config::new().generate(&catalogs);
                c.write("src/errors.rs", &code)?;
                lib.push_str("include!(\"errors.rs\");\n");
            }
            Kind::Alternative => {
                deps.push(THISERROR.to_owned());
                deps.push(STRUM.to_owned());
                lib.push_str(&spec.alternative());
            }
        }
        if serde {
            deps.push(SERDE.to_owned());
            lib.push_str(SERDE_USE);
        }
        let deps: Vec<&str> = deps.iter().map(String::as_str).collect();
        let build_deps: Vec<&str> = build_deps.iter().map(String::as_str).collect();
        c.write("Cargo.toml", &manifest(name, &deps, &build_deps))?;
        c.write("src/lib.rs", &lib)?;
        c.prepare()?;
        Ok(c)
    }

    /// Clean builds of `a` and `b`, alternating, `reps` times each: their medians.
    fn clean_pair(&self, a: &Crate, b: &Crate) -> Result<(Timing, Timing), String> {
        let (mut ta, mut tb) = (Vec::new(), Vec::new());
        for rep in 0..self.reps {
            eprintln!(
                "  clean build {}/{}: {}",
                rep + 1,
                self.reps,
                a.dir.display()
            );
            ta.push(a.clean_build(&[])?);
            eprintln!(
                "  clean build {}/{}: {}",
                rep + 1,
                self.reps,
                b.dir.display()
            );
            tb.push(b.clean_build(&[])?);
        }
        Ok((median(ta), median(tb)))
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn ratio(a: Duration, b: Duration) -> String {
    format!("{:.2}", a.as_secs_f64() / b.as_secs_f64())
}

/// The units of a `cargo build --timings` report, longest first: (seconds, unit).
fn timing_units(report: &str) -> Vec<(f64, String)> {
    let Some(start) = report.find("const UNIT_DATA = [") else {
        return Vec::new();
    };
    let data = &report[start..];
    let data = &data[..data.find("];").unwrap_or(data.len())];
    let field = |obj: &str, key: &str| -> Option<String> {
        let at = obj.find(&format!("\"{key}\": "))? + key.len() + 4;
        let rest = &obj[at..];
        let end = if let Some(s) = rest.strip_prefix('"') {
            return s.find('"').map(|e| s[..e].to_owned());
        } else {
            rest.find([',', '\n', '}']).unwrap_or(rest.len())
        };
        Some(rest[..end].trim().to_owned())
    };
    let mut units = Vec::new();
    for obj in data.split("\n  {").skip(1) {
        let (Some(name), Some(duration)) = (field(obj, "name"), field(obj, "duration")) else {
            continue;
        };
        let target = field(obj, "target").unwrap_or_default();
        let mode = field(obj, "mode").unwrap_or_default();
        let what = match (target.trim(), mode.as_str()) {
            ("", _) => name,
            (_, "run-custom-build") => format!("{name} (build script run)"),
            (t, _) => format!("{name} ({t})"),
        };
        if let Ok(d) = duration.parse::<f64>() {
            units.push((d, what));
        }
    }
    units.sort_by(|a, b| b.0.total_cmp(&a.0));
    units
}

/// One more clean build of `c` with `--timings`: its longest units.
fn where_it_goes(c: &Crate) -> Result<String, String> {
    let reports = c.dir.join("target/cargo-timings");
    let _ = std::fs::remove_dir_all(&reports);
    let t = c.clean_build(&["--timings"])?;
    let report = std::fs::read_dir(&reports)
        .map_err(|e| format!("{}: {e}", reports.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("cargo-timing-"))
        })
        .ok_or("cargo wrote no timing report")?;
    let text = std::fs::read_to_string(&report).map_err(|e| e.to_string())?;
    let mut s = format!(
        "{} (this build: {} CPU, {} wall); longest units, seconds of wall time each:\n",
        c.dir.file_name().unwrap_or_default().to_string_lossy(),
        secs(t.cpu),
        secs(t.wall)
    );
    for (d, unit) in timing_units(&text).into_iter().take(10) {
        let _ = writeln!(s, "  {d:6.2}  {unit}");
    }
    Ok(s)
}

fn run_all(o: &Options) -> Result<(), String> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the bench crate is in the workspace")
        .to_path_buf();
    let root = std::env::temp_dir().join(format!("errcat-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    let bench = Bench {
        root: root.clone(),
        workspace: workspace.clone(),
        reps: o.reps,
    };
    eprintln!("scratch crates in {}", root.display());

    // The generator on the bundled catalogs, as built here (dev profile, as build scripts are).
    let bundled = workspace.join("catalogs");
    let mut generator = Duration::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let catalogs = errcat_build::load_dir(&bundled).map_err(|e| e.to_string())?;
        errcat_build::Config::new().generate(&catalogs);
        generator = generator.min(t.elapsed());
    }

    let small = Spec::new("synthetic", o.codes);
    let mut large = Spec::new("synthetic", o.large);
    let mut rows = Vec::new();
    let row = |case: String, a: Timing, b: Timing, target: &str| {
        format!(
            "| {case} | {} | {} | {} | {target} |",
            secs(a.cpu),
            secs(b.cpu),
            ratio(a.cpu, b.cpu)
        )
    };

    eprintln!("{} codes, clean", o.codes);
    let gen_small = bench.make("gen-small", Kind::BuildScript, &small, false)?;
    let alt_small = bench.make("alt-small", Kind::Alternative, &small, false)?;
    let (g, a) = bench.clean_pair(&gen_small, &alt_small)?;
    rows.push(row(format!("{} codes, clean", o.codes), g, a, "≤ 1.3"));
    let alt_small_clean = a;

    eprintln!("{} codes, clean, serde derive in the crate", o.codes);
    let gen_serde = bench.make("gen-small-serde", Kind::BuildScript, &small, true)?;
    let alt_serde = bench.make("alt-small-serde", Kind::Alternative, &small, true)?;
    let (g, a) = bench.clean_pair(&gen_serde, &alt_serde)?;
    rows.push(row(
        format!(
            "{} codes, clean, serde derive already in the crate",
            o.codes
        ),
        g,
        a,
        "≤ 1.0",
    ));

    eprintln!("{} codes, clean", o.large);
    let gen_large = bench.make("gen-large", Kind::BuildScript, &large, false)?;
    let alt_large = bench.make("alt-large", Kind::Alternative, &large, false)?;
    let (g, a) = bench.clean_pair(&gen_large, &alt_large)?;
    rows.push(row(
        format!("{} codes, clean", thousands(o.large)),
        g,
        a,
        "≤ 1.0",
    ));

    // Both crates are built now; each rep edits one message and rebuilds.
    eprintln!("{} codes, rebuild after one message edit", o.large);
    let (mut tg, mut ta) = (Vec::new(), Vec::new());
    for rep in 0..o.reps {
        large.edit_one_message(rep + 1);
        gen_large.write("catalogs/synthetic.yaml", &large.yaml())?;
        tg.push(gen_large.build(&[])?);
        alt_large.write("src/lib.rs", &large.alternative())?;
        ta.push(alt_large.build(&[])?);
    }
    rows.push(row(
        format!(
            "{} codes, rebuild after one YAML message edit",
            thousands(o.large)
        ),
        median(tg),
        median(ta),
        "≤ 0.5",
    ));

    eprintln!("{} codes, committed mode", o.codes);
    let committed = bench.make("committed-small", Kind::Committed, &small, false)?;
    let mut tc = Vec::new();
    for rep in 0..o.reps {
        eprintln!(
            "  clean build {}/{}: {}",
            rep + 1,
            o.reps,
            committed.dir.display()
        );
        tc.push(committed.clean_build(&[])?);
    }
    rows.push(row(
        format!(
            "{} codes, committed mode (no build script; the alternative as in the first row)",
            o.codes
        ),
        median(tc),
        alt_small_clean,
        "≤ 0.3",
    ));

    println!(
        "Clean builds are `rm -rf target && cargo build` of a fresh crate (dev profile, every \
         dependency included), CPU time (user + system of cargo and all it runs), median of {}.\n",
        o.reps
    );
    println!("| case | errcat | thiserror + strum | ratio | target |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for r in &rows {
        println!("{r}");
    }
    println!(
        "\nGenerator on the bundled catalogs, unoptimized as build scripts run it: {:.0} ms \
         (fastest of 5; target ≤ 100 ms).",
        generator.as_secs_f64() * 1000.0
    );

    if o.timings {
        println!();
        for c in [&gen_small, &gen_serde] {
            eprintln!("timings: {}", c.dir.display());
            println!("{}", where_it_goes(c)?);
        }
    }
    if o.keep {
        eprintln!("kept {}", root.display());
    } else {
        let _ = std::fs::remove_dir_all(&root);
    }
    Ok(())
}

fn thousands(n: usize) -> String {
    if n >= 1000 && n.is_multiple_of(1000) {
        format!("{} 000", n / 1000)
    } else {
        n.to_string()
    }
}

fn main() -> ExitCode {
    let result = options().and_then(|o| run_all(&o));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
