//! A test crate: its catalog's text carries quotes, backslashes, braces, comment markers,
//! attribute syntax, newlines, tabs, emoji, right-to-left script and invisible characters, and
//! its names are valid but troublesome (`SELF`, `OPTION`, `STR`). It must compile, and every
//! text must come back exactly (`tests/exact_text.rs`).
#![deny(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
