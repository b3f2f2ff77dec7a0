// A `display` placeholder given a value that is not `Display`.
use errcat_example_build_script::shop;

fn main() {
    let _ = shop::Failure::from(shop::values::QuotaExceeded {
        used: 7,
        limit: 10,
        window: vec![24],
    });
}
