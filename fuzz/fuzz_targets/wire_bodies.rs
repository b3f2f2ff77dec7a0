//! Arbitrary bytes as an error body, into the readers of every bundled catalog. No input may
//! panic; a body that is read serializes, reads back to an equal value and serializes to the
//! same bytes again; the status line of a response does not decide whether its body reads.

#![no_main]

use errcat_catalogs::{exchange, game_account, item_market, messenger, mixin};
use libfuzzer_sys::fuzz_target;

macro_rules! round_trip {
    ($data:expr, $($module:ident),+) => {$({
        let name = stringify!($module);
        let read = $module::Body::from_json($data);
        assert_eq!(
            $module::Body::from_http(599, $data).is_ok(),
            read.is_ok(),
            "{name}: from_http and from_json disagree"
        );
        if let Ok(body) = read {
            let json = serde_json::to_vec(&body)
                .unwrap_or_else(|e| panic!("{name}: a body read does not serialize: {e}"));
            let shown = String::from_utf8_lossy(&json);
            let back = $module::Body::from_json(&json)
                .unwrap_or_else(|e| panic!("{name}: a serialized body does not read back: {e}\n{shown}"));
            assert_eq!(back, body, "{name}: {shown}");
            assert_eq!(serde_json::to_vec(&back).unwrap(), json, "{name}: {shown}");
        }
    })+};
}

fuzz_target!(|data: &[u8]| {
    round_trip!(data, exchange, game_account, item_market, messenger, mixin);
});
