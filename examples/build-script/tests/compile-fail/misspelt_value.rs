// A placeholder's name misspelt.
use errcat_example_build_script::shop;

fn main() {
    let _ = shop::Failure::from(shop::values::Maintenance {
        time: "10:00".into(),
        zome: "UTC".into(),
    });
}
