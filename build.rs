fn main() {
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    errcat_build::Config::new()
        .serde(feature("SERDE"))
        .http(feature("HTTP"))
        .axum(feature("AXUM"))
        .grpc(feature("GRPC"))
        .compile_or_exit("catalogs");
}
