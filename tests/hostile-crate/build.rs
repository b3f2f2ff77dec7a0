fn main() {
    errcat_build::Config::new().compile_or_exit("catalogs");
}
