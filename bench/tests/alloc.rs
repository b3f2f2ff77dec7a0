//! The generated code allocates nothing: `Display` into a `String` with room to spare,
//! `message()`, `render`, and every lookup (by code, by name, by (major, minor) pair), checked
//! with a counting global allocator over every code of the messenger catalog and of a
//! synthetic catalog of 3000 codes; and the messages of a catalog in three locales, in each.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

/// Counts the allocations (and reallocations) made by the current thread.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    // `try_with`: the thread's counter may already be gone while the thread shuts down.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_counter_sees_allocations() {
    // Without this, a broken counter would make every other test pass.
    let n = allocations(|| {
        let v: Vec<u64> = std::hint::black_box(vec![1, 2, 3]);
        assert_eq!(v.len(), 3);
        let mut s = String::new();
        write!(s, "{}", errcat_catalogs::messenger::Error::BadRequest).unwrap();
        assert!(!s.is_empty());
    });
    assert!(n >= 2, "counted {n} allocations, expected at least 2");
}

/// Values for any message's first two placeholders.
const VALUES: [errcat::Value; 2] = [
    errcat::Value::Str(std::borrow::Cow::Borrowed("abc")),
    errcat::Value::Int(42),
];

/// The typed constructors take the caller's values as they are: a `&'static str`, an integer or
/// a `String` moved in, and nothing else is allocated, neither to build the owned error nor to
/// write its message.
#[test]
fn typed_constructors_allocate_nothing_beyond_the_callers_values() {
    use errcat_catalogs::{game_account, mixin};
    let mut out = String::with_capacity(1024);
    let phone = String::from("+8613800138000");
    let n = allocations(|| {
        let sms = mixin::Failure::from(mixin::values::SmsDeliveryFailed {
            phone: phone.clone().into(),
        });
        let _ = sms;
    });
    assert_eq!(n, 1, "only the clone of the caller's String: {n}");
    let n = allocations(|| {
        let sms = mixin::Failure::from(mixin::values::SmsDeliveryFailed {
            phone: "+8613800138000".into(),
        });
        out.clear();
        write!(out, "{sms}").unwrap();
        assert_eq!(out, "Failed to deliver SMS to +8613800138000.");
        let etc = game_account::Failure::from(game_account::values::Etc {
            relayed_message: "error on loadAccount".into(),
        });
        out.clear();
        write!(out, "{etc}").unwrap();
        assert_eq!(out, "ETC : error on loadAccount");
        let plain = mixin::Failure::from(mixin::Plain::InsufficientBalance);
        out.clear();
        write!(out, "{plain}").unwrap();
        assert_eq!(out, "Insufficient balance.");
    });
    assert_eq!(n, 0, "{n} allocations");
}

macro_rules! no_allocations {
    ($test:ident, $cat:path, has_aliases: $aliases:literal) => {
        #[test]
        fn $test() {
            use $cat as cat;
            let all = cat::Error::ALL;
            assert!(all.len() > 100, "the catalog has codes to check");
            let mut out = String::with_capacity(64 * 1024);
            let mut checked_minors = 0;
            let mut checked_aliases = 0;
            let n = allocations(|| {
                for &e in all {
                    out.clear();
                    write!(out, "{e}").unwrap();
                    assert_eq!(out, e.message());
                    assert!(!e.message().is_empty());

                    out.clear();
                    write!(out, "{}", errcat::Filled::new(e.template(), &VALUES)).unwrap();
                    if e.placeholders().is_empty() {
                        assert_eq!(out, e.message());
                    } else {
                        assert!(out.contains("abc"), "{out}");
                        assert_ne!(out, e.message());
                    }

                    // The owned error of a bare code: built and written without allocating.
                    let failure = cat::Failure::unfilled(e);
                    out.clear();
                    write!(out, "{failure}").unwrap();
                    assert_eq!(out, e.message());
                    assert_eq!(
                        cat::Failure::plain(e).is_some(),
                        e.placeholders().is_empty()
                    );

                    assert_eq!(cat::Error::from_code(e.code()), Some(e));
                    assert_eq!(cat::Error::from_name(e.name()), Some(e));
                    for alias in e.aliases() {
                        checked_aliases += 1;
                        assert_eq!(cat::Error::from_name(alias), Some(e));
                    }
                    assert_eq!(e.name().parse::<cat::Error>(), Ok(e));
                    assert_eq!(cat::Error::try_from(e.code()), Ok(e));
                    assert!(e.http_status() >= 100);

                    for m in 0..8 {
                        let d = cat::Detailed::from_wire(e.code(), m).unwrap();
                        assert_eq!(d.error(), e);
                        if let Some(minor) = d.minor() {
                            checked_minors += 1;
                            assert_eq!(minor.code(), m);
                            out.clear();
                            write!(out, "{d}").unwrap();
                            assert!(out.starts_with(e.message()));
                        }
                    }
                }
                assert_eq!(cat::Error::from_code(u32::MAX), None);
                assert_eq!(cat::Error::from_name("NO_SUCH_NAME"), None);
                assert!(cat::Detailed::from_wire(u32::MAX, 1).is_err());
            });
            assert!(checked_minors > 0, "the catalog has minor codes to check");
            assert_eq!(
                checked_aliases > 0,
                $aliases,
                "aliases checked: {checked_aliases}"
            );
            assert_eq!(n, 0, "{n} allocations");
        }
    };
}

no_allocations!(messenger_allocates_nothing, errcat_catalogs::messenger, has_aliases: false);
no_allocations!(
    synthetic_allocates_nothing,
    errcat_bench::generated::synthetic,
    has_aliases: true
);

/// Messages in every locale of a localized catalog, with and without values: the lookups and
/// the typed constructors allocate nothing beyond the caller's values, and writing a
/// translated message allocates nothing.
#[test]
fn localized_messages_allocate_nothing() {
    use errcat::Translated as _;
    use errcat_bench::localized::{Locale, payments};
    let mut out = String::with_capacity(4096);
    let mut translated = 0;
    let n = allocations(|| {
        for &locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
            for &e in payments::Error::ALL {
                let message = e.message_in(locale);
                assert!(!message.is_empty());
                if locale != Locale::En && message != e.message() {
                    translated += 1;
                }
                let _ = e.description_in(locale);
                let _ = e.locale_of(locale);
                out.clear();
                write!(
                    out,
                    "{}",
                    errcat::Filled::new(e.template_in(locale), &VALUES)
                )
                .unwrap();
                assert!(
                    !out.contains("{amount}") && !out.contains("{limit}"),
                    "{out}"
                );
                let failure = payments::Failure::unfilled(e);
                out.clear();
                write!(out, "{}", failure.message_in(locale)).unwrap();
                assert_eq!(out, e.message_in(locale));
            }
            let funds = payments::Failure::from(payments::values::InsufficientFunds {
                amount: 12,
                currency: "EUR".into(),
            });
            out.clear();
            write!(out, "{}", funds.message_in(locale)).unwrap();
            assert!(out.contains("12") && out.contains("EUR"), "{out}");
            let limit =
                payments::Failure::from(payments::values::LimitReached { limit: 5, hours: 3 });
            for i in 0..limit.locale_tags().len() {
                out.clear();
                let (_, message) = limit.message_at(i);
                write!(out, "{message}").unwrap();
                assert!(out.contains('5') && out.contains('3'), "{out}");
                let _ = limit.status_title_at(i);
            }
        }
    });
    assert_eq!(translated, 5, "the Persian and German messages were read");
    assert_eq!(n, 0, "{n} allocations");
}
