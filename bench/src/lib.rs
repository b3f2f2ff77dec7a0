//! Benchmarks and scale measurements of errcat; not published.
//!
//! - [`synth`]: synthetic catalogs of any size, as YAML and as the hand-written
//!   `thiserror` + `strum` alternative.
//! - [`generated`]: the errcat code of a synthetic catalog of [`SYNTH_CODES`] codes, generated
//!   by the build script.
//! - [`localized`]: the errcat code of a catalog in three locales.
//! - [`baseline`]: `from_code` written as a single `match`, for comparison.
//! - `benches/lookup.rs`: run-time benchmarks (`cargo bench -p errcat-bench`).
//! - `tests/alloc.rs`: proves that lookups and `Display` allocate nothing.
//! - `src/bin/scale.rs`: generator and compile times at scale (`bench/scale`).
//! - `src/bin/e2e.rs`: what a crate pays end to end, clean builds with every dependency
//!   (`bench/e2e`).
//! - [`cpu`]: CPU time of child processes, for both.

pub mod cpu;
pub mod synth;

/// Codes in the synthetic catalog of [`generated`].
pub const SYNTH_CODES: usize = 3000;

/// errcat's output for `synth::Spec::new("synthetic", SYNTH_CODES)`.
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/synthetic.rs"));
}

/// errcat's output for the generator's locales fixture: a catalog in English, Persian and
/// German.
pub mod localized {
    include!(concat!(env!("OUT_DIR"), "/localized.rs"));
}

/// Lookups by code written as one `match` per catalog.
pub mod baseline {
    include!(concat!(env!("OUT_DIR"), "/baseline.rs"));
}
