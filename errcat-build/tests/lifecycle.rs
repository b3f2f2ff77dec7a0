//! Retired entries, reserved codes and compatibility categories: what the model says of them,
//! how they are generated and documented, and the exact diagnostics of their mistakes.

use std::path::Path;

use errcat_build::model::{Category, Code};

/// A catalog of two sections; `client` and `server` are the sections' YAML after `entries:`
/// (list items indented by six spaces), `top` extra top-level lines.
fn catalog(top: &str, client: &str, server: &str) -> String {
    format!(
        "title: Shop\nsource: test\nstatus: 400\n{top}sections:\n  - name: CLIENT\n    title: Client errors\n    entries:\n{client}  - name: SERVER\n    title: Server errors\n    entries:\n{server}"
    )
}

fn load(yaml: &str) -> errcat_build::Catalog {
    errcat_build::load_str(Path::new("shop.yaml"), yaml).unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n\n")
        )
    })
}

fn problems(yaml: &str) -> Vec<String> {
    match errcat_build::load_str(Path::new("shop.yaml"), yaml) {
        Ok(c) => panic!("accepted: {c:#?}"),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

const CLIENT: &str = "      - code: 1001\n        name: BAD\n        message: Bad.\n      - code: 1002\n        name: OLD\n        message: Old.\n        retired: Replaced by 1001 in v2.\n";
const SERVER: &str = "      - code: 2000\n        name: INTERNAL\n        message: Internal.\n    reserved:\n      - { code: 2001, reason: Was INTERNAL_OLD. }\n      - { from: 2005, to: 2009 }\n";

#[test]
fn a_retired_entry_stays_deprecated_and_marked() {
    let c = load(&catalog("", CLIENT, SERVER));
    let old = c.find(&Code::Integer(1002)).unwrap();
    assert_eq!(old.retired.as_deref(), Some("Replaced by 1001 in v2."));
    assert_eq!(
        old.deprecated.as_deref(),
        Some("Retired, no longer sent: Replaced by 1001 in v2.")
    );
    assert_eq!((old.location.line, old.location.column), (11, 9));
    assert!(c.find(&Code::Integer(1001)).unwrap().retired.is_none());

    let rust = errcat_build::generate_rust(std::slice::from_ref(&c));
    assert!(
        rust.contains("#[deprecated(note = \"Retired, no longer sent: Replaced by 1001 in v2.\")]\n        Old,"),
        "{rust}"
    );
    let pages = errcat_build::generate_markdown(&[c]);
    let page = &pages
        .iter()
        .find(|(p, _)| p == Path::new("shop.md"))
        .unwrap()
        .1;
    assert!(page.contains("`OLD` (retired) |"), "{page}");
    assert!(
        page.contains("**Retired:** Replaced by 1001 in v2. No longer sent;"),
        "{page}"
    );
    assert!(!page.contains("`BAD` (retired)"), "{page}");
}

#[test]
fn reservations_are_in_the_model_and_block_their_codes() {
    let c = load(&catalog("", CLIENT, SERVER));
    let reserved: Vec<String> = c.reservations().map(ToString::to_string).collect();
    assert_eq!(reserved, ["2001", "2005-2009"]);
    let first = c.reservations().next().unwrap();
    assert_eq!(first.reason.as_deref(), Some("Was INTERNAL_OLD."));
    assert_eq!((first.location.line, first.location.column), (22, 9));
    for taken in [1002, 2001, 2005, 2007, 2009] {
        assert!(c.is_taken(&Code::Integer(taken)), "{taken}");
    }
    for free in [1003, 2002, 2004, 2010] {
        assert!(!c.is_taken(&Code::Integer(free)), "{free}");
    }
}

#[test]
fn the_next_free_code_skips_retired_and_reserved_codes() {
    let c = load(&catalog("", CLIENT, SERVER));
    // CLIENT: 1001 and the retired 1002 are used.
    assert_eq!(c.next_free_code(0), Some(1003));
    // SERVER: 2000 used, 2001 reserved; 2002 is free.
    assert_eq!(c.next_free_code(1), Some(2002));
    let packed = SERVER.replace(
        "{ code: 2001, reason: Was INTERNAL_OLD. }",
        "{ from: 2001, to: 2004 }",
    );
    let c = load(&catalog("", CLIENT, &packed));
    assert_eq!(c.next_free_code(1), Some(2010));
    assert_eq!(c.next_free_code(7), None);
}

#[test]
fn using_a_reserved_code_is_an_error_with_the_reservation_and_the_next_free_code() {
    let server = format!(
        "{}      - code: 2007\n        name: LATE\n        message: Late.\n",
        SERVER.split("    reserved:").next().unwrap()
    ) + "    reserved:\n      - { code: 2001, reason: Was INTERNAL_OLD. }\n      - { from: 2005, to: 2009 }\n";
    assert_eq!(
        problems(&catalog("", CLIENT, &server)),
        [
            "error: code 2007 is reserved (by the range 2005-2009)\n  --> shop.yaml:21:15\n   = entry: 2007 LATE\n   = hint: reserved at shop.yaml:26:9; a reserved code is never used again: the next free code in section `SERVER` is 2010"
        ]
    );
    let client =
        format!("{CLIENT}      - code: 2001\n        name: BACK\n        message: Back.\n");
    assert_eq!(
        problems(&catalog("", &client, SERVER)),
        [
            "error: code 2001 is reserved\n  --> shop.yaml:15:15\n   = entry: 2001 BACK\n   = hint: reserved at shop.yaml:25:9 (Was INTERNAL_OLD); a reserved code is never used again: the next free code in section `CLIENT` is 2002"
        ]
    );
}

#[test]
fn mistakes_in_reservations_and_retirements_are_located() {
    let server = "      - code: 2000\n        name: INTERNAL\n        message: Internal.\n    reserved:\n      - { from: 2009, to: 2005 }\n      - { code: 2001, from: 3 }\n      - { from: 7 }\n      - { code: BAD }\n      - { from: x, to: 9 }\n      - { code: 2002, reason: '' }\n";
    let client = "      - code: 1001\n        name: BAD\n        message: Bad.\n        retired: Gone.\n        deprecated: Gone too.\n      - code: 1002\n        name: EMPTY\n        message: Empty.\n        retired: ' '\n";
    assert_eq!(
        problems(&catalog("", client, server)),
        [
            "error: a retired entry is deprecated already: it takes `retired` or `deprecated`, not both\n  --> shop.yaml:12:21\n   = entry: 1001 BAD\n   = hint: keep the reason in `retired` and remove `deprecated`",
            "error: `retired` is empty\n  --> shop.yaml:16:18\n   = entry: 1002 EMPTY\n   = hint: remove `retired` rather than leave it empty",
            "error: the reserved range 2009-2005 is empty: `to` is below `from`\n  --> shop.yaml:24:27\n   = hint: write `from: 2005` and `to: 2009`",
            "error: a reservation is one code (`code: 1005`) or a range (`from: 1010` and `to: 1019`)\n  --> shop.yaml:25:9\n   = hint: write `code:` alone, or `from:` and `to:` together",
            "error: a reservation is one code (`code: 1005`) or a range (`from: 1010` and `to: 1019`)\n  --> shop.yaml:26:9\n   = hint: write `code:` alone, or `from:` and `to:` together",
            "error: the reserved code \"BAD\" is a string, but this catalog's codes are integers\n  --> shop.yaml:27:17\n   = hint: reserve codes of the kind the catalog's entries have; quote a number to make it a string",
            "error: the bound \"x\" of a reserved range is not an integer code in 0..=4294967295\n  --> shop.yaml:28:17\n   = hint: ranges reserve integer codes; reserve a string code with `code:`",
            "error: `reason` is empty\n  --> shop.yaml:29:31\n   = hint: remove `reason` rather than leave it empty",
        ]
    );
}

#[test]
fn compatibility_categories_default_to_both_and_are_checked() {
    assert_eq!(
        load(&catalog("", CLIENT, SERVER)).compatibility,
        [Category::Wire, Category::Source]
    );
    assert_eq!(
        load(&catalog("compatibility: [wire]\n", CLIENT, SERVER)).compatibility,
        [Category::Wire]
    );
    assert_eq!(
        load(&catalog("compatibility: [source, wire]\n", CLIENT, SERVER)).compatibility,
        [Category::Wire, Category::Source]
    );
    assert!(
        load(&catalog("compatibility: []\n", CLIENT, SERVER))
            .compatibility
            .is_empty()
    );
    assert_eq!(
        problems(&catalog(
            "compatibility: [wires, source, source, json]\n",
            CLIENT,
            SERVER
        )),
        [
            "error: unknown compatibility category `wires`\n  --> shop.yaml:4:17\n   = hint: did you mean `wire`?",
            "error: category `source` is listed twice\n  --> shop.yaml:4:32\n   = hint: list each category once",
            "error: unknown compatibility category `json`\n  --> shop.yaml:4:40\n   = hint: the categories are wire and source",
        ]
    );
}

#[test]
fn retired_and_reserved_fields_are_known_to_the_shape_check() {
    let server = SERVER.replace("reason:", "reasn:");
    let p = problems(&catalog("", CLIENT, &server));
    assert_eq!(
        p,
        [
            "error: unknown field `reasn` in a reservation\n  --> shop.yaml:22:23\n   = hint: did you mean `reason`?"
        ]
    );
}

/// The lock file `errcat lock` writes next to the catalogs is not a catalog.
#[test]
fn a_lock_file_in_the_catalogs_directory_is_not_read_as_a_catalog() {
    let dir = std::env::temp_dir().join(format!("errcat-lifecycle-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("shop.yaml"), catalog("", CLIENT, SERVER)).unwrap();
    std::fs::write(dir.join("errcat.lock"), "not: [a catalog\n").unwrap();
    let catalogs = errcat_build::load_dir(&dir).unwrap();
    assert_eq!(catalogs.len(), 1);
    assert_eq!(catalogs[0].module, "shop");
    let files = errcat_build::catalog_files(&dir).unwrap();
    assert_eq!(files, [dir.join("shop.yaml")]);
    std::fs::remove_dir_all(&dir).unwrap();
}
