// A float placeholder given text, and an integer placeholder given a float.
use errcat_example_build_script::shop;

fn main() {
    let _ = shop::Failure::from(shop::values::InsufficientFunds {
        amount: "12.5",
        currency: "EUR".into(),
    });
    let _ = shop::Failure::from(shop::values::QuotaExceeded {
        used: 7.5,
        limit: 10,
        window: "24h",
    });
}
