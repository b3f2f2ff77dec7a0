// The bundled catalogs, with each integration that a feature of this crate turns on: a library
// that makes its integrations optional reads its own features here.
fn main() -> Result<(), errcat_build::Error> {
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    errcat_build::Config::new()
        .serde(feature("SERDE"))
        .http(feature("HTTP"))
        .axum(feature("AXUM"))
        .compile("catalogs")
}
