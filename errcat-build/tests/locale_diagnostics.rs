//! Locales and translations files: every problem gets a precise error pointing into the file
//! that has it (the catalog, or the translations file), with the entry concerned.

use std::path::{Path, PathBuf};

/// A catalog `shop.yaml` in English carrying `fa` and `de`, with a code without placeholders
/// (1) and one with two (2).
const SHOP: &str = "title: Shop\nsource: test\nstatus: 400\nlocale: en\nlocales: [fa, de]\nsections:\n  - name: CLIENT\n    title: Client errors\n    entries:\n      - code: 1\n        name: BAD\n        message: Bad.\n      - code: 2\n        name: SHORT\n        message: \"Short of {amount} {asset}.\"\n        status: 402\n        placeholders:\n          - name: amount\n            type: integer\n          - name: asset\n";

fn shop() -> errcat_build::Catalog {
    errcat_build::load_str(Path::new("catalogs/shop.yaml"), SHOP).unwrap()
}

/// The diagnostics of the translations file `file` of the shop catalog.
fn problems(file: &str, text: &str) -> Vec<String> {
    match errcat_build::load_translations_str(&shop(), Path::new(file), text) {
        Ok(t) => panic!("accepted: {t:#?}"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[track_caller]
fn check(file: &str, text: &str, expected: &[&str]) {
    let actual = problems(file, text);
    assert_eq!(
        actual,
        expected,
        "\n--- actual ---\n{}\n",
        actual.join("\n\n")
    );
}

/// The diagnostics of a catalog's own text.
#[track_caller]
fn check_catalog(yaml: &str, expected: &[&str]) {
    let actual: Vec<String> = match errcat_build::load_str(Path::new("shop.yaml"), yaml) {
        Ok(c) => panic!("accepted: {:?}", c.locales),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        actual,
        expected,
        "\n--- actual ---\n{}\n",
        actual.join("\n\n")
    );
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-locales-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_valid_translation_keeps_the_entries_placeholders_in_its_own_order() {
    let t = errcat_build::load_translations_str(
        &shop(),
        Path::new("catalogs/shop.fa.yaml"),
        "entries:\n  2: \"{asset} \u{200f}{amount} کم است.\"\nstatuses:\n  402: پرداخت لازم است\n",
    )
    .unwrap();
    assert_eq!(t.locale, "fa");
    assert!(t.entries[0].is_none());
    let message = &t.entries[1].as_ref().unwrap().message;
    assert_eq!(
        message.segments,
        [
            errcat_build::model::Segment::Placeholder(1),
            errcat_build::model::Segment::Text(" \u{200f}".to_owned()),
            errcat_build::model::Segment::Placeholder(0),
            errcat_build::model::Segment::Text(" کم است.".to_owned()),
        ]
    );
    assert_eq!(t.statuses, [(402, "پرداخت لازم است".to_owned())]);
}

#[test]
fn a_placeholder_the_entry_does_not_declare_is_an_error() {
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  2: \"{amount} {asset} {total} کم است.\"\n",
        &[
            "error: the `fa` message uses placeholder `{total}`, which the entry does not declare\n  --> catalogs/shop.fa.yaml:2:6\n   = entry: 2 SHORT\n   = hint: the entry declares `{amount}`, `{asset}`; a translation takes the same values as the default message",
        ],
    );
    check(
        "catalogs/shop.de.yaml",
        "entries:\n  1:\n    message: \"Schlecht: {why}.\"\n",
        &[
            "error: the `de` message uses placeholder `{why}`, which the entry does not declare\n  --> catalogs/shop.de.yaml:3:14\n   = entry: 1 BAD\n   = hint: the entry declares no placeholders; a translation takes the same values as the default message",
        ],
    );
}

#[test]
fn a_placeholder_left_out_is_an_error() {
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  2: \"{asset} کم است.\"\n",
        &[
            "error: the `fa` message leaves out placeholder `{amount}`\n  --> catalogs/shop.fa.yaml:2:6\n   = entry: 2 SHORT\n   = hint: write `{amount}` where its value belongs in this locale: the same typed values fill every locale's message",
        ],
    );
}

#[test]
fn a_code_the_catalog_does_not_have_is_an_error() {
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  1: بد.\n  3: ناشناخته.\n  \"2\": رشته.\n",
        &[
            "error: code `3` is not in the catalog `shop`\n  --> catalogs/shop.fa.yaml:3:3\n   = hint: translate the codes of catalogs/shop.yaml only; correct the code or remove its translation",
            "error: code \"2\" is not in the catalog `shop`\n  --> catalogs/shop.fa.yaml:4:3\n   = hint: translate the codes of catalogs/shop.yaml only; correct the code or remove its translation",
        ],
    );
}

#[test]
fn a_file_for_a_locale_the_catalog_does_not_declare_is_an_error() {
    check(
        "catalogs/shop.ar.yaml",
        "entries:\n  1: سيء.\n",
        &[
            "error: translations into `ar`, which the catalog `shop` does not declare (it declares `en`, `fa`, `de`)\n  --> catalogs/shop.ar.yaml\n   = hint: add `ar` to `locales:` of catalogs/shop.yaml, or remove the file",
        ],
    );
    check(
        "catalogs/shop.en.yaml",
        "entries:\n  1: Bad.\n",
        &[
            "error: translations into `en`, which the catalog `shop` does not declare (it declares `en`, `fa`, `de`)\n  --> catalogs/shop.en.yaml\n   = hint: the catalog's own text is in `en`; a translations file is for another locale",
        ],
    );
    check(
        "catalogs/shop.FA.yaml",
        "entries:\n  1: بد.\n",
        &[
            "error: translations into `FA`, which the catalog `shop` does not declare (it declares `en`, `fa`, `de`)\n  --> catalogs/shop.FA.yaml\n   = hint: the catalog declares `fa`: name the file with that tag",
        ],
    );
    check(
        "catalogs/shop.yaml",
        "entries: {}\n",
        &[
            "error: the file name `shop.yaml` names no locale\n  --> catalogs/shop.yaml\n   = hint: name a translations file after its catalog and locale: `shop.fa.yaml`",
        ],
    );
}

#[test]
fn empty_text_and_broken_placeholders() {
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  1: \" \"\n  2:\n    message: \"{amount {asset}\"\n    description: \"\"\n",
        &[
            "error: the `fa` message is empty\n  --> catalogs/shop.fa.yaml:2:6\n   = entry: 1 BAD\n   = hint: give the text, or leave it out to keep the default locale's",
            "error: the `fa` message: \"{amount {asset}\" is not a placeholder: a placeholder name is snake_case\n  --> catalogs/shop.fa.yaml:4:14\n   = entry: 2 SHORT\n   = hint: placeholders are written `{name}`; write `{{` and `}}` for literal braces",
            "error: the `fa` description is empty\n  --> catalogs/shop.fa.yaml:5:18\n   = entry: 2 SHORT\n   = hint: give the text, or leave it out to keep the default locale's",
        ],
    );
}

#[test]
fn the_files_shape_unknown_fields_repeated_codes_and_missing_messages() {
    check(
        "catalogs/shop.fa.yaml",
        "entrys:\n  1: بد.\n",
        &[
            "error: unknown field `entrys` in a translations file\n  --> catalogs/shop.fa.yaml:1:1\n   = hint: did you mean `entries`?",
        ],
    );
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  1: \"بد.\n  2: x\n",
        &[
            "error: this quoted text is not closed: the file ends before its closing quote\n  --> catalogs/shop.fa.yaml:2:6\n   = hint: close the text with the quote it opens with; inside double quotes, write a quote as `\\\"`, inside single quotes as `''`",
        ],
    );
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  1: بد.\n  1: بدتر.\n  2:\n    mesage: \"{amount} {asset}\"\n",
        &[
            "error: duplicate key `1`\n  --> catalogs/shop.fa.yaml:3:3\n   = hint: it is first set at line 2 column 3; a key may appear once in a mapping",
            "error: unknown field `mesage` in a translation\n  --> catalogs/shop.fa.yaml:5:5\n   = hint: did you mean `message`?",
        ],
    );
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  2:\n    description: x\n",
        &[
            "error: the translation of `2` has no `message`, which is required\n  --> catalogs/shop.fa.yaml:3:5\n   = hint: give the message in this locale; a code left out keeps the default locale's text",
        ],
    );
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  1: [بد]\n  2:\n    message: {a: b}\nstatuses: [400]\n",
        &[
            "error: the translation of `1` must be its message or a mapping with `message`, found a list\n  --> catalogs/shop.fa.yaml:2:6",
            "error: `message` must be text, found a mapping\n  --> catalogs/shop.fa.yaml:4:14\n   = hint: put the value in quotes to make it text",
            "error: expected a mapping (HTTP statuses and their titles), found a list\n  --> catalogs/shop.fa.yaml:5:11\n   = hint: write each status as a key under `statuses:`, such as `404: Not found`",
        ],
    );
}

#[test]
fn a_status_title_for_a_status_the_catalog_does_not_use() {
    check(
        "catalogs/shop.fa.yaml",
        "statuses:\n  400: درخواست نادرست\n  404: پیدا نشد\n  402: \" \"\n",
        &[
            "error: `404` is not an HTTP status of the catalog `shop`\n  --> catalogs/shop.fa.yaml:3:3\n   = hint: its codes are sent with 400, 402",
            "error: the `fa` title of status 402 is empty\n  --> catalogs/shop.fa.yaml:4:8\n   = hint: give the title, or leave the status out to keep its English reason phrase",
        ],
    );
}

// Found while writing the `translations` fuzz target (`fuzz/`, see docs/fuzzing.md), by reading
// the check against the target's properties (the fuzzer had not reached it): two keys may name
// one code or one status (`1` and `+1`, `400` and `0400`), and the last translation replaced
// the first without a word.
#[test]
fn a_code_or_a_status_translated_twice_under_two_spellings_is_an_error() {
    check(
        "catalogs/shop.fa.yaml",
        "entries:\n  1: بد.\n  +1: بد!\n  01: بد؟\nstatuses:\n  400: درخواست نادرست\n  0400: نادرست\n",
        &[
            "error: code `+1` is translated twice\n  --> catalogs/shop.fa.yaml:3:3\n   = entry: 1 BAD\n   = hint: it is first translated at line 2 column 3, as `1`; keep one translation",
            "error: code `01` is translated twice\n  --> catalogs/shop.fa.yaml:4:3\n   = entry: 1 BAD\n   = hint: it is first translated at line 2 column 3, as `1`; keep one translation",
            "error: status `0400` is titled twice\n  --> catalogs/shop.fa.yaml:7:3\n   = hint: it is first titled at line 6 column 3, as `400`; keep one title",
        ],
    );
}

#[test]
fn the_catalogs_locales_are_well_formed_tags_in_their_case_each_once() {
    let catalog = |locale: &str, locales: &str| {
        format!(
            "title: Shop\nsource: test\nstatus: 400\nlocale: {locale}\nlocales: {locales}\nsections:\n  - name: CLIENT\n    title: Client errors\n    entries:\n      - code: 1\n        name: BAD\n        message: Bad.\n"
        )
    };
    check_catalog(
        &catalog("EN", "[fa_IR, fa-ir, zh-Hant-TW, x-klingon]"),
        &[
            "error: locale `EN` is not in the case BCP 47 recommends\n  --> shop.yaml:4:9\n   = hint: write `en`: the language in lowercase, a script in titlecase, a region in capitals",
            "error: `fa_IR` is not a language tag: it starts with `fa_IR`, which is not a language: a language is 2, 3 or 5 to 8 letters (`en`, `fa`)\n  --> shop.yaml:5:11\n   = hint: a locale is a BCP 47 tag such as `en`, `fa`, `fa-IR` or `zh-Hant`",
            "error: locale `fa-ir` is not in the case BCP 47 recommends\n  --> shop.yaml:5:18\n   = hint: write `fa-IR`: the language in lowercase, a script in titlecase, a region in capitals",
            "error: `x-klingon` is not a language tag: it starts with `x`, which is not a language: a language is 2, 3 or 5 to 8 letters (`en`, `fa`)\n  --> shop.yaml:5:37\n   = hint: a locale is a BCP 47 tag such as `en`, `fa`, `fa-IR` or `zh-Hant`",
        ],
    );
    check_catalog(
        &catalog(
            "en",
            "[fa, en, fa, de-DE-1996, sr-Latn-RS, es-419, en-US-x-y]",
        ),
        &[
            "error: `en` is the catalog's own locale, not another one\n  --> shop.yaml:5:15\n   = hint: `locales` lists the locales of the translations files; the catalog's own text is in `locale`",
            "error: locale `fa` is listed twice\n  --> shop.yaml:5:19\n   = hint: list each locale once",
            "error: `en-US-x-y` is not a language tag: it has `x`, which is not a script (4 letters), a region (2 letters or 3 digits) or a variant (5 to 8 letters or digits) in its place\n  --> shop.yaml:5:55\n   = hint: a locale is a BCP 47 tag such as `en`, `fa`, `fa-IR` or `zh-Hant`",
        ],
    );
}

#[test]
fn translations_files_are_not_catalogs_and_their_problems_are_reported_with_the_catalogs() {
    let dir = temp_dir("dir");
    std::fs::write(dir.join("shop.yaml"), SHOP).unwrap();
    std::fs::write(
        dir.join("shop.fa.yaml"),
        "entries:\n  2: \"{asset} کم است.\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("shop.de.yml"), "entries:\n  1: Schlecht.\n").unwrap();
    // No catalog `orders.yaml` beside it: a catalog of its own, with a dotted file name.
    std::fs::write(
        dir.join("orders.fa.yaml"),
        SHOP.replace("title: Shop", "name: orders\ntitle: Orders"),
    )
    .unwrap();
    // Not a language tag: a catalog of its own.
    std::fs::write(
        dir.join("shop.v_2.yaml"),
        SHOP.replace("title: Shop", "name: shop2\ntitle: Shop 2"),
    )
    .unwrap();
    let files = errcat_build::catalog_files(&dir).unwrap();
    assert_eq!(
        files,
        [
            dir.join("orders.fa.yaml"),
            dir.join("shop.v_2.yaml"),
            dir.join("shop.yaml")
        ]
    );
    let rerun = errcat_build::rerun_if_changed(&dir).unwrap();
    assert_eq!(
        rerun,
        [
            format!("cargo:rerun-if-changed={}", dir.display()),
            format!(
                "cargo:rerun-if-changed={}",
                dir.join("orders.fa.yaml").display()
            ),
            format!(
                "cargo:rerun-if-changed={}",
                dir.join("shop.v_2.yaml").display()
            ),
            format!("cargo:rerun-if-changed={}", dir.join("shop.yaml").display()),
            format!(
                "cargo:rerun-if-changed={}",
                dir.join("shop.de.yml").display()
            ),
            format!(
                "cargo:rerun-if-changed={}",
                dir.join("shop.fa.yaml").display()
            ),
        ]
    );
    let report = errcat_build::load_dir(&dir)
        .unwrap_err()
        .to_string()
        .replace(&dir.display().to_string(), "catalogs");
    assert_eq!(
        report,
        "error: the `fa` message leaves out placeholder `{amount}`\n  --> catalogs/shop.fa.yaml:2:6\n   = entry: 2 SHORT\n   = hint: write `{amount}` where its value belongs in this locale: the same typed values fill every locale's message\n\n\
         error: the catalogs have 1 problem"
    );
    std::fs::write(
        dir.join("shop.fa.yaml"),
        "entries:\n  2: \"{asset} {amount} کم است.\"\n",
    )
    .unwrap();
    let catalogs = errcat_build::load_dir(&dir).unwrap();
    let shop = catalogs.iter().find(|c| c.module == "shop").unwrap();
    let locales: Vec<(&str, usize)> = shop
        .locales
        .translations
        .iter()
        .map(|t| (t.locale.as_str(), t.translated()))
        .collect();
    // In the catalog's order of `locales`, not the files' order.
    assert_eq!(locales, [("fa", 1), ("de", 1)]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn two_files_for_one_locale() {
    let dir = temp_dir("twice");
    std::fs::write(dir.join("shop.yaml"), SHOP).unwrap();
    std::fs::write(dir.join("shop.fa.yaml"), "entries:\n  1: بد.\n").unwrap();
    std::fs::write(dir.join("shop.fa.yml"), "entries:\n  1: بد.\n").unwrap();
    let report = errcat_build::load_dir(&dir)
        .unwrap_err()
        .to_string()
        .replace(&dir.display().to_string(), "catalogs");
    assert_eq!(
        report,
        "error: a second translations file into `fa`\n  --> catalogs/shop.fa.yml\n   = hint: catalogs/shop.fa.yaml translates into the same locale; keep one file\n\n\
         error: the catalogs have 1 problem"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
