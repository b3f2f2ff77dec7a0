//! Arbitrary bytes as a catalog file, through the whole load: YAML parsing, the positioned
//! tree, validation. No input may panic, and a rejected one gets diagnostics that name the
//! file and a place inside it. (Generation is the structured target's part: it costs a hundred
//! times a load, and would keep this target from its millions of executions.)

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The generator refuses a file that is not UTF-8 before parsing it (a unit test covers
    // that); bytes that are not UTF-8 still reach the parser, with their broken sequences
    // replaced, so that no input is wasted.
    let text = String::from_utf8_lossy(data);
    let _ = errcat_fuzz::check_load(&text);
});
