// A bare code does not turn into the owned error by `?` or `.into()`: sending a code without
// its values is the named choice `Failure::unfilled`.
use errcat_example_build_script::shop;

fn bare() -> Result<(), shop::Error> {
    Err(shop::Error::Maintenance)
}

fn handler() -> Result<(), shop::Failure> {
    bare()?;
    Ok(())
}

fn main() {
    let _: shop::Failure = shop::Error::Maintenance.into();
    let _ = handler();
}
