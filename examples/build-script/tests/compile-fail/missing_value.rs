// A code with two placeholders, given one value.
use errcat_example_build_script::shop;

fn main() {
    let _ = shop::Failure::from(shop::values::Maintenance {
        time: "10:00".into(),
    });
}
