//! Lock files the coverage-guided fuzzer (`fuzz/`, target `lock_file`, see docs/fuzzing.md)
//! found to be mishandled, each with what it gets now. The property the target checks: a lock
//! file that reads is written back (as `errcat lock` writes it) to a text that reads to the
//! same catalogs.

use std::path::Path;

use errcat_cli::compat::Published;
use errcat_cli::lock;

/// The findings of a lock file that does not read, as `errcat check` prints them.
#[track_caller]
fn rejected(text: &str) -> Vec<String> {
    match lock::read(Path::new("errcat.lock"), text) {
        Ok(catalogs) => panic!("read: {catalogs:#?}"),
        Err(findings) => findings.iter().map(|f| f.text()).collect(),
    }
}

/// A lock file that reads, and the text it is written back as, which must read too.
#[track_caller]
fn round_trip(text: &str) -> (Vec<Published>, String) {
    let path = Path::new("errcat.lock");
    let read = lock::read(path, text).unwrap_or_else(|f| panic!("{}", f[0].text()));
    let written = lock::render(&read);
    let again = lock::read(path, &written)
        .unwrap_or_else(|f| panic!("the written lock does not read: {}\n{written}", f[0].text()));
    assert_eq!(lock::render(&again), written);
    (read, written)
}

const HINT: &str = "   = hint: the lock file is written by `errcat lock`: restore it from version \
                    control, or write it anew with `errcat lock --force`";

// A catalog without a `wire` line read, and was written back with `wire fields=`, which does
// not read ("a value is missing at the end of the line"). `errcat lock` writes a `wire` line
// for every catalog; one without it is now refused at its `catalog` line.
#[test]
fn a_catalog_without_a_wire_line_is_refused() {
    let text = "errcat-lock 1\n\ncatalog shop file=\"my shop.yaml\"\ncode 1 BAD status=400\n";
    assert_eq!(
        rejected(text),
        [format!(
            "error[LOCK_INVALID]: catalog `shop` has no `wire` line listing its body's fields\n  \
             --> errcat.lock:3\n{HINT}"
        )]
    );
    // With its wire line, it reads and is written back the same.
    let (read, written) = round_trip(
        "errcat-lock 1\n\ncatalog shop file=\"my shop.yaml\"\nwire fields=code,message\ncode 1 BAD status=400\n",
    );
    assert_eq!(read[0].wire_fields, ["code", "message"]);
    assert!(
        written.ends_with("\nwire fields=code,message\ncode 1 BAD status=400\n"),
        "{written}"
    );
    // Reported in line order among the other findings.
    let text =
        "errcat-lock 1\ncatalog a file=a.yaml\ncatalog b file=b.yaml\nwire fields=code\nfrob\n";
    let found = rejected(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].contains("catalog `a` has no `wire` line") && found[0].contains("errcat.lock:2"),
        "{found:#?}"
    );
    assert!(
        found[1].contains("unknown record `frob`") && found[1].contains("errcat.lock:5"),
        "{found:#?}"
    );
}

// A minor code's name was read bare only, while the writer quotes a name with other
// characters than letters, digits and `_-./+@` (here a tab and NULs, which a bare word may
// hold): `minors=1,2:"USERNAME_INVALI\t\u0000D"` was refused with "a minor code is `code` or
// `code:NAME`". A quoted name now reads, like every other word.
#[test]
fn a_quoted_minor_name_reads() {
    let text = "errcat-lock 1\ncatalog shop file=shop.yaml\nwire fields=code,message\n\
                code 4780 BAD status=400 minors=1,2:USERNAME_INVALI\t\0\0D\n";
    let (read, written) = round_trip(text);
    let minors = &read[0].entries[0].minors;
    assert_eq!(minors[1].name.as_deref(), Some("USERNAME_INVALI\t\0\0D"));
    assert!(
        written.ends_with(
            "code 4780 BAD status=400 minors=1,2:\"USERNAME_INVALI\\t\\u0000\\u0000D\"\n"
        ),
        "{written}"
    );
    // A third part is still refused.
    assert_eq!(
        rejected(
            "errcat-lock 1\ncatalog shop file=shop.yaml\nwire fields=code\ncode 1 BAD minors=1:A:B\n"
        ),
        [format!(
            "error[LOCK_INVALID]: a minor code is `code` or `code:NAME`\n  --> errcat.lock:4\n{HINT}"
        )]
    );
}

// `retired` ends a `code` line as a flag; a name, module or section called `retired` was
// written bare and then read as the flag: `code 1 "retired"` was written `code 1 retired` and
// read back as "the name is missing". The word `retired` is now quoted where it is a value.
#[test]
fn a_value_named_retired_is_quoted() {
    let text = "errcat-lock 1\ncatalog \"retired\" file=retired\nwire fields=retired,message\n\
                section \"retired\"\ncode 1 \"retired\" status=400 aliases=retired retired\n";
    let (read, written) = round_trip(text);
    let c = &read[0];
    assert_eq!(c.module, "retired");
    assert_eq!(c.file_name, "retired");
    assert_eq!(c.sections[0].name, "retired");
    assert_eq!(c.entries[0].name, "retired");
    assert_eq!(c.entries[0].aliases, ["retired"]);
    assert!(c.entries[0].retired);
    assert!(
        written.ends_with(
            "catalog \"retired\" file=\"retired\"\nwire fields=\"retired\",message\n\
             section \"retired\"\ncode 1 \"retired\" status=400 aliases=\"retired\" retired\n"
        ),
        "{written}"
    );
}
