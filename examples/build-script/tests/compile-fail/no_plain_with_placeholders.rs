// A code whose message has placeholders is not a `Plain` code: it needs its values.
use errcat_example_build_script::shop;

fn main() {
    let _: shop::Failure = shop::Plain::Maintenance.into();
}
