// A value for a placeholder the message does not have.
use errcat_example_build_script::shop;

fn main() {
    let _ = shop::Failure::from(shop::values::LackOfPoints {
        asset: "POC".into(),
        amount: 12.5,
    });
}
