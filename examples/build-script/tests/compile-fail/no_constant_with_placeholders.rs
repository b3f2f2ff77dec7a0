// A code whose message has placeholders has no constant: it needs its values.
use errcat_example_build_script::shop;

fn main() {
    let _ = shop::Failure::MAINTENANCE;
}
