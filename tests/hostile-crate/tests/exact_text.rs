//! Every text of the hostile catalog comes back exactly as the YAML wrote it.
// `STR` is deprecated on purpose: its deprecation note is hostile text too.
#![allow(deprecated)]

use errcat_hostile::hostile::{self, Error, Minor, Section, minor};

#[test]
fn catalog_texts_are_exact() {
    assert_eq!(hostile::TITLE, "Hostile \"catalog\" */ #[doc] \\ {braces}");
    assert_eq!(hostile::SOURCE, "file:///C:\\errors\\*.yaml */ /* ?");
    assert_eq!(Section::Self_.title(), "Section */ \"SELF\" #[");
    assert_eq!(
        Section::Self_.description(),
        Some(
            "```rust\ncompile_error!(\"a doctest must not run\");\n```\n    indented code block\n"
        )
    );
    assert_eq!(Section::Option.title(), "Second section");
}

#[test]
fn messages_display_exactly() {
    assert_eq!(
        Error::Self_.to_string(),
        "Quote \" backslash \\ braces { and } comment */ /* attr #[x] #![y]"
    );
    assert_eq!(
        Error::Option.message(),
        "Emoji 🦀 👩\u{200d}👩\u{200d}👧 and Persian: موجودی {asset} کافی نیست"
    );
    assert_eq!(
        hostile::Failure::from(hostile::values::Option {
            asset: "BTC".into()
        })
        .to_string(),
        "Emoji 🦀 👩\u{200d}👩\u{200d}👧 and Persian: موجودی BTC کافی نیست"
    );
    assert_eq!(
        Error::Str.to_string(),
        "New\nline, tab\there, CR\rhere, CRLF\r\nthere, NUL \0 and DEL \u{7f}"
    );
    assert_eq!(
        Error::Core.to_string(),
        "Max code; line separator \u{2028} and a trailing backslash \\"
    );
}

#[test]
fn other_texts_are_exact() {
    assert_eq!(
        Error::Option.description(),
        Some(
            "Right-to-left mark \u{200f} and override \u{202e} reversed \u{202c}, zero width \u{200b} joiner \u{200d} bom \u{feff}"
        )
    );
    assert_eq!(
        Error::Str.reaction(),
        Some("```\nfn main() { panic!() }\n```")
    );
    assert_eq!(
        Error::Str.deprecation(),
        Some("Deprecated \"because\" */ #[deprecated]")
    );
    assert_eq!(Error::Self_.hint(), "r#\"raw\"#");
    assert_eq!(Error::Option.hint(), "\"quoted\" \\ */");
    assert_eq!(
        minor::Str::Self_.detail(),
        Some("Minor */ \"detail\" {not a placeholder}")
    );
    assert_eq!(
        Minor::from(minor::Str::Minor2).to_string(),
        "\u{2028}line separator\u{2029}paragraph separator"
    );
}

#[test]
fn troublesome_names_work() {
    // `SELF` is the variant `Self_`; the alias `ALL` is the constant `All`, which does not
    // hide `Error::ALL`.
    assert_eq!(Error::Self_.name(), "SELF");
    assert_eq!(Error::All, Error::Self_);
    assert_eq!(Error::ALL.len(), 4);
    assert_eq!("ALL".parse::<Error>(), Ok(Error::Self_));
    assert_eq!("THIS".parse::<Error>(), Ok(Error::Self_));
    assert_eq!(Error::from_code(4_294_967_295), Some(Error::Core));
    assert_eq!(Error::Core.section(), Section::Option);
    assert_eq!(Section::ALL, &[Section::Self_, Section::Option]);
    assert_eq!(minor::Str::ALL, &[minor::Str::Self_, minor::Str::Minor2]);
    assert_eq!(minor::Str::ERROR, Error::Str);
}

#[test]
fn a_catalog_without_plain_codes_still_builds_its_failures() {
    use errcat_hostile::every_code_filled::{Error, Failure, values};
    // `Plain` has no variants: every code is built from its values, or sent unfilled.
    for &e in Error::ALL {
        assert_eq!(Failure::plain(e), None, "{e:?}");
    }
    let f = Failure::from(values::TooLong {
        field: "name".into(),
        max: 40,
    });
    assert_eq!(f.to_string(), "name is longer than 40 characters.");
    assert_eq!(
        Failure::unfilled(Error::BadField).to_string(),
        "Bad {field}."
    );
}
