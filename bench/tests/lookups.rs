//! Every code, name and alias of every bundled catalog and of the synthetic one is found by
//! the generated lookups, and nothing else is: the emitter picks a different code index per
//! catalog (a dense table, pages, or binary search for scattered and string codes) and builds
//! a hash table for names, so each catalog exercises its own path.

macro_rules! round_trip {
    ($test:ident, $cat:path) => {
        #[test]
        fn $test() {
            use $cat as cat;
            let all = cat::Error::ALL;
            assert!(!all.is_empty());
            for &e in all {
                assert_eq!(cat::Error::from_code(e.code()), Some(e), "{e:?}");
                assert_eq!(cat::Error::from_name(e.name()), Some(e), "{e:?}");
                for alias in e.aliases() {
                    assert_eq!(cat::Error::from_name(alias), Some(e), "{alias}");
                }
                // A name is matched exactly, not by prefix or case-insensitively.
                assert_eq!(cat::Error::from_name(&e.name()[1..]), None);
                assert_eq!(cat::Error::from_name(&e.name().to_lowercase()), None);
            }
            assert_eq!(cat::Error::from_name(""), None);
        }
    };
    ($test:ident, $cat:path, integer) => {
        round_trip!($test, $cat);

        mod $test {
            #[test]
            fn codes_not_listed_are_not_found() {
                use $cat as cat;
                let codes: Vec<u32> = cat::Error::ALL.iter().map(|e| e.code()).collect();
                let (min, max) = (*codes.iter().min().unwrap(), *codes.iter().max().unwrap());
                let mut misses = 0;
                for code in min.saturating_sub(300)..=max.saturating_add(300) {
                    if !codes.contains(&code) {
                        misses += 1;
                        assert_eq!(cat::Error::from_code(code), None, "{code}");
                    }
                }
                assert!(misses > 0);
                assert_eq!(cat::Error::from_code(u32::MAX), None);
                assert_eq!(cat::Error::from_code(0).is_some(), codes.contains(&0));
            }
        }
    };
}

round_trip!(exchange, errcat_catalogs::exchange, integer);
round_trip!(game_account, errcat_catalogs::game_account);
round_trip!(item_market, errcat_catalogs::item_market);
round_trip!(messenger, errcat_catalogs::messenger, integer);
round_trip!(mixin, errcat_catalogs::mixin, integer);
round_trip!(synthetic, errcat_bench::generated::synthetic, integer);

/// `Debug` of `Error` and `Minor` is written out from tables rather than derived; it prints
/// what the derive would.
#[test]
fn debug_prints_variant_names_as_derived() {
    use errcat_catalogs::messenger::{Error, Minor, minor};
    assert_eq!(format!("{:?}", Error::BadRequest), "BadRequest");
    let m = Minor::from(minor::UserRegisterBadPayload::Minor1);
    assert_eq!(format!("{m:?}"), "UserRegisterBadPayload(Minor1)");
    assert_eq!(format!("{m:#?}"), "UserRegisterBadPayload(\n    Minor1,\n)");
    assert_eq!(format!("{:?}", Some(Error::Forbidden)), "Some(Forbidden)");
    for &e in Error::ALL {
        for code in 0..16 {
            if let Some(m) = Minor::from_codes(e, code) {
                let debug = format!("{m:?}");
                assert!(debug.starts_with(&format!("{e:?}(")), "{debug}");
                assert_eq!(m.code(), code);
                assert_eq!(m.error(), e);
            }
        }
    }
}

/// The template filled with values writes each value in place of its placeholder, and a missing
/// one as `{name}`.
#[test]
fn templates_fill_placeholders_and_mark_missing_ones() {
    use errcat::{Filled, Value};
    use errcat_bench::generated::synthetic::Error;
    let render = |e: Error, values: &[Value]| Filled::new(e.template(), values).to_string();
    let mut with_two = 0;
    for &e in Error::ALL {
        let names = e.placeholders();
        if names.is_empty() {
            assert_eq!(render(e, &[Value::from("x")]), e.message());
            continue;
        }
        // No arguments: the message as documented, placeholders and all.
        assert_eq!(render(e, &[]), e.message());
        let all = render(e, &[Value::from("ARG0"), Value::Int(17)]);
        assert!(all.contains("ARG0"), "{all}");
        assert!(!all.contains('{'), "{all}");
        if names.len() == 2 {
            with_two += 1;
            assert!(all.contains("17"), "{all}");
            let one = render(e, &[Value::from("ARG0")]);
            assert!(
                one.contains("ARG0") && one.contains(&format!("{{{}}}", names[1])),
                "{one}"
            );
        }
    }
    assert!(with_two > 0);
}
