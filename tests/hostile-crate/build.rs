fn main() -> Result<(), errcat_build::Error> {
    errcat_build::Config::new().compile("catalogs")
}
