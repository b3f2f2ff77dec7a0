//! Every class of bad catalog gets a precise error: the exact text of each diagnostic, with its
//! file, line, column, entry and hint. Catalogs are written inline; the ones that need a
//! directory (file names, encodings, several files) are written to a temporary one.

use std::path::{Path, PathBuf};

/// The diagnostics of one catalog file named `shop.yaml`, as the report prints them.
fn problems(yaml: &str) -> Vec<String> {
    match errcat_build::load_str(Path::new("shop.yaml"), yaml) {
        Ok(catalog) => panic!("accepted: {catalog:#?}"),
        Err(problems) => {
            assert!(!problems.is_empty());
            problems.iter().map(ToString::to_string).collect()
        }
    }
}

/// Asserts the exact diagnostics of `yaml`, in order.
#[track_caller]
fn check(yaml: &str, expected: &[&str]) {
    let actual = problems(yaml);
    assert_eq!(
        actual,
        expected,
        "\n--- actual ---\n{}\n",
        actual.join("\n\n")
    );
}

/// A valid catalog around `entries` (YAML list items indented by six spaces); the first entry
/// is on line 8.
fn with_entries(entries: &str) -> String {
    format!(
        "title: Shop\nsource: test\nstatus: 400\nsections:\n  - name: CLIENT\n    title: Client errors\n    entries:\n{entries}"
    )
}

/// A fresh empty directory under the system's temporary directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("errcat-diagnostics-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `load_dir`'s report for a directory, with the directory's path written as `catalogs`.
fn report(dir: &Path) -> String {
    let err = errcat_build::load_dir(dir).unwrap_err();
    err.to_string()
        .replace(&dir.display().to_string(), "catalogs")
}

const VALID: &str = "title: Shop\nsource: test\nstatus: 400\nsections:\n  - name: CLIENT\n    title: Client errors\n    entries:\n      - code: 1\n        name: BAD\n        message: Bad.\n";

// ---- YAML itself ----------------------------------------------------------------------------

#[test]
fn yaml_syntax_errors_give_the_place_and_libyaml_context() {
    check(
        "title: [unclosed\nsource: x\n",
        &[
            "error: this `[` is not closed: at line 2 column 7 YAML expected `,` or `]`\n  --> shop.yaml:1:8\n   = hint: close it with `]` where its last item ends",
        ],
    );
    check(
        "title: x\n  source: y\n",
        &[
            "error: invalid YAML: mapping values are not allowed in this context\n  --> shop.yaml:2:9\n   = hint: check the indentation, quotes and brackets at this place and just before it",
        ],
    );
    check(
        "title: x\n\tsource: y\n",
        &[
            "error: a tab in the indentation: YAML indents with spaces, never with tabs\n  --> shop.yaml:2:1\n   = hint: replace the tab at the start of line 2 with spaces, as many as the lines around it use",
        ],
    );
}

#[test]
fn wrong_types_name_the_field_and_what_was_found() {
    check(
        &VALID.replace("status: 400", "status: four hundred"),
        &[
            "error: status: invalid type: string \"four hundred\", expected an integer\n  --> shop.yaml:3:9",
        ],
    );
    check(
        &VALID.replace("message: Bad.", "message: [Bad]"),
        &[
            "error: sections[0].entries[0].message: invalid type: list, expected a string\n  --> shop.yaml:10:18\n   = entry: 1 BAD\n   = hint: put the value in quotes to make it text",
        ],
    );
    check(
        &VALID.replace(
            "sections:\n",
            "columns:\n  - name: retry\n    type: boolean\nsections:\n",
        ),
        &[
            "error: columns[0].type: unknown variant `boolean`, expected one of `bool`, `integer`, `string`, `enum`\n  --> shop.yaml:6:11\n   = hint: did you mean `bool`?",
        ],
    );
    check(
        "title: x\nsource: y\nstatus: 400\nsections:\n  name: CLIENT\n",
        &[
            "error: `sections` must be a list of sections, found a mapping\n  --> shop.yaml:5:3\n   = hint: write each section as a `- ` item under `sections:`",
        ],
    );
    check(
        &with_entries("      - just a string\n"),
        &[
            "error: expected a mapping (an entry), found the value \"just a string\"\n  --> shop.yaml:8:9\n   = entry: <no code>\n   = hint: an entry is written as `field: value` lines; its fields are `code`, `name`, `rust_name`, `message`, `description`, `status`, `aliases`, `deprecated`, `reaction`, `placeholders`, `columns`, `minors`, `note`, `retired`, `grpc`",
        ],
    );
    check(
        "- title: x\n",
        &[
            "error: expected a mapping (a catalog), found a list\n  --> shop.yaml:1:1\n   = hint: a catalog is written as `field: value` lines; its fields are `name`, `title`, `source`, `description`, `status`, `note`, `strip_prefix`, `columns`, `sections`, `wire`, `compatibility`, `locale`, `locales`, `grpc`, `domain`",
        ],
    );
}

#[test]
fn missing_required_fields_are_all_reported() {
    check(
        "title: Shop\nstatus: 400\n",
        &[
            "error: a catalog has no `source`, which is required\n  --> shop.yaml:1:1\n   = hint: the required fields of a catalog are `title`, `source`, `sections`",
            "error: a catalog has no `sections`, which is required\n  --> shop.yaml:1:1\n   = hint: the required fields of a catalog are `title`, `source`, `sections`",
        ],
    );
    check(
        &with_entries("      - code: 1\n        name: A\n      - name: B\n        message: b\n"),
        &[
            "error: an entry has no `message`, which is required\n  --> shop.yaml:8:9\n   = entry: 1 A\n   = hint: the required fields of an entry are `code`, `message`",
            "error: an entry has no `code`, which is required\n  --> shop.yaml:10:9\n   = entry: <no code> B\n   = hint: the required fields of an entry are `code`, `message`",
        ],
    );
}

#[test]
fn unknown_fields_of_every_mapping_suggest_the_nearest_field() {
    let yaml = "\
titel: Shop
title: Shop
source: test
status: 400
columns:
  - name: retry
    tpye: bool
    type: bool
sections:
  - name: CLIENT
    titel: Client
    title: Client
    entries:
      - code: 1
        name: A
        mesage: A.
        message: A {x}.
        placeholders:
          - name: x
            exmaple: y
        minors:
          - code: 1
            detial: d
";
    check(
        yaml,
        &[
            "error: unknown field `titel` in a catalog\n  --> shop.yaml:1:1\n   = hint: did you mean `title`?",
            "error: unknown field `tpye` in a column\n  --> shop.yaml:7:5\n   = hint: did you mean `type`?",
            "error: unknown field `titel` in a section\n  --> shop.yaml:11:5\n   = hint: did you mean `title`?",
            "error: unknown field `mesage` in an entry\n  --> shop.yaml:16:9\n   = entry: 1 A\n   = hint: did you mean `message`?",
            "error: unknown field `exmaple` in a placeholder\n  --> shop.yaml:20:13\n   = entry: 1 A\n   = hint: did you mean `example`?",
            "error: unknown field `detial` in a minor code\n  --> shop.yaml:23:13\n   = entry: 1 A\n   = hint: did you mean `detail`?",
        ],
    );
    // A misspelt required field is one problem, not also a missing one; an unknown field with
    // no near match lists the fields.
    check(
        &with_entries(
            "      - code: 1\n        name: A\n        mesage: A.\n        colour: red\n",
        ),
        &[
            "error: unknown field `mesage` in an entry\n  --> shop.yaml:10:9\n   = entry: 1 A\n   = hint: did you mean `message`?",
            "error: unknown field `colour` in an entry\n  --> shop.yaml:11:9\n   = entry: 1 A\n   = hint: the fields of an entry are `code`, `name`, `rust_name`, `message`, `description`, `status`, `aliases`, `deprecated`, `reaction`, `placeholders`, `columns`, `minors`, `note`, `retired`, `grpc`",
        ],
    );
    check(
        &with_entries("      - <<: {code: 1}\n        name: A\n        message: A.\n"),
        &[
            "error: unknown field `<<` in an entry\n  --> shop.yaml:8:9\n   = entry: <no code> A\n   = hint: merge keys (`<<`) are not supported: write the fields out",
            "error: an entry has no `code`, which is required\n  --> shop.yaml:8:9\n   = entry: <no code> A\n   = hint: the required fields of an entry are `code`, `message`",
        ],
    );
}

#[test]
fn duplicate_mapping_keys_are_all_reported_at_the_second_key() {
    check(
        &with_entries(
            "      - code: 1\n        name: A\n        message: A.\n        message: Again.\n      - code: 2\n        code: 3\n        name: B\n        message: B.\n",
        ),
        &[
            "error: duplicate key `message`\n  --> shop.yaml:11:9\n   = hint: it is first set at line 10 column 9; a key may appear once in a mapping",
            "error: duplicate key `code`\n  --> shop.yaml:13:9\n   = hint: it is first set at line 12 column 9; a key may appear once in a mapping",
        ],
    );
}

#[test]
fn empty_comment_only_null_and_multi_document_files() {
    let needs = ": a catalog needs at least `title`, `source` and `sections`\n  --> shop.yaml\n   = hint: see the complete example in docs/catalog-format.md";
    check("", &[&format!("error: the file is empty{needs}")]);
    check("\n  \n", &[&format!("error: the file is empty{needs}")]);
    check(
        "# yaml-language-server: $schema=../schema/catalog.schema.json\n# TODO\n",
        &[&format!("error: the file has only comments{needs}")],
    );
    check(
        "~\n",
        &[&format!(
            "error: the file's YAML document is empty (null){needs}"
        )],
    );
    check(
        &format!("{VALID}---\ntitle: Other\n"),
        &[
            "error: the file holds more than one YAML document\n  --> shop.yaml:11:1\n   = hint: a catalog is one document: remove this `---` and what follows, or move it to its own file",
        ],
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_with_the_place_of_the_bad_byte() {
    let dir = temp_dir("utf8");
    let mut bytes = VALID.replace("Bad.", "Caf").into_bytes();
    let at = bytes.len() - 1;
    bytes.insert(at, 0xE9); // "Café" in Latin-1
    std::fs::write(dir.join("latin1.yaml"), bytes).unwrap();
    std::fs::write(
        dir.join("utf16.yaml"),
        [0xFF, 0xFE, b't', 0, b'i', 0, b't', 0],
    )
    .unwrap();
    assert_eq!(
        report(&dir),
        "error: the file is not valid UTF-8: byte 0xE9 at offset 156 does not belong here\n  --> catalogs/latin1.yaml:10:21\n   = hint: save the catalog as UTF-8\n\n\
         error: the file is not valid UTF-8: byte 0xFF at offset 0 does not belong here\n  --> catalogs/utf16.yaml:1:1\n   = hint: save the catalog as UTF-8\n\n\
         error: the catalogs have 2 problems"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- codes, names and statuses --------------------------------------------------------------

#[test]
fn duplicate_codes_point_at_the_first_and_suggest_the_lowest_free_code_or_an_alias() {
    let yaml = "\
title: Shop
source: test
status: 400
sections:
  - name: CLIENT
    title: Client
    entries:
      - {code: 1001, name: A, message: a}
      - {code: 1002, name: B, message: b}
      - {code: 1001, name: C, message: c}
      - {code: 1004, name: G, message: g}
      - {code: 1004, name: G, message: g}
    reserved:
      - {from: 1005, to: 1009}
  - name: SERVER
    title: Server
    entries:
      - {code: 2001, name: D, message: d}
      - {code: 1002, name: E, message: e}
      - {code: 2001, name: F, message: f}
  - name: LEGACY
    title: Legacy
    entries:
      - {code: 2002, name: OLD, message: old, retired: Gone in v2.}
";
    // The lowest free code of the section from its lowest code: 1003 in CLIENT (the row that
    // had it now repeats 1004), not 1005 (reserved) nor above the highest; in SERVER, 2003,
    // past the retired 2002 of another section.
    check(
        yaml,
        &[
            "error: duplicate code: `1001 C` repeats `1001 A`\n  --> shop.yaml:10:9\n   = entry: 1001 C\n   = hint: first defined at shop.yaml:8:9 (1001 A); the lowest free code in section `CLIENT` is 1003; if the document gives code 1001 two names, keep one entry and list the other under `aliases:` (`aliases: [C]`)",
            "error: duplicate code: `1004 G` repeats `1004 G`\n  --> shop.yaml:12:9\n   = entry: 1004 G\n   = hint: first defined at shop.yaml:11:9 (1004 G); the lowest free code in section `CLIENT` is 1003",
            "error: duplicate name `G`: entry `1004 G` already has it\n  --> shop.yaml:12:28\n   = entry: 1004 G\n   = hint: first defined at shop.yaml:11:28 (1004 G); names and aliases are unique in a catalog",
            "error: duplicate code: `1002 E` repeats `1002 B`\n  --> shop.yaml:19:9\n   = entry: 1002 E\n   = hint: first defined at shop.yaml:9:9 (1002 B); the lowest free code in section `SERVER` is 2003; if the document gives code 1002 two names, keep one entry and list the other under `aliases:` (`aliases: [E]`)",
            "error: duplicate code: `2001 F` repeats `2001 D`\n  --> shop.yaml:20:9\n   = entry: 2001 F\n   = hint: first defined at shop.yaml:18:9 (2001 D); the lowest free code in section `SERVER` is 2003; if the document gives code 2001 two names, keep one entry and list the other under `aliases:` (`aliases: [F]`)",
        ],
    );
}

#[test]
fn duplicate_names_aliases_and_sections() {
    let yaml = "\
title: Shop
source: test
status: 400
sections:
  - name: CLIENT
    title: Client
    entries:
      - {code: 1, name: A, message: a}
      - {code: 2, name: A, message: b}
      - {code: 3, name: C, message: c, aliases: [A, D]}
  - name: CLIENT
    title: Again
    entries:
      - {code: 4, name: D, message: d}
";
    check(
        yaml,
        &[
            "error: duplicate name `A`: entry `1 A` already has it\n  --> shop.yaml:9:25\n   = entry: 2 A\n   = hint: first defined at shop.yaml:8:25 (1 A); names and aliases are unique in a catalog",
            "error: duplicate alias `A`: entry `1 A` already has it\n  --> shop.yaml:10:50\n   = entry: 3 C\n   = hint: first defined at shop.yaml:8:25 (1 A); names and aliases are unique in a catalog",
            "error: duplicate section name `CLIENT`\n  --> shop.yaml:11:11\n   = hint: first defined at shop.yaml:5:11",
            "error: duplicate name `D`: entry `3 C` already has it\n  --> shop.yaml:14:25\n   = entry: 4 D\n   = hint: first defined at shop.yaml:10:53 (3 C); names and aliases are unique in a catalog",
        ],
    );
}

#[test]
fn names_that_collide_after_case_conversion() {
    check(
        &with_entries(
            "      - {code: 1, name: QR_2, message: a}\n      - {code: 2, name: QR2, message: b}\n      - {code: 3, name: FOO_BAR, message: c}\n      - {code: 4, name: FOO__BAR, message: d}\n",
        ),
        &[
            "error: name `QR2` becomes the Rust name `Qr2`, the same as `QR_2` of entry `1 QR_2`\n  --> shop.yaml:9:25\n   = entry: 2 QR2\n   = hint: first defined at shop.yaml:8:25 (1 QR_2); names and aliases are unique in a catalog, compared by their Rust form (an entry's `rust_name` gives it another)",
            "error: name `FOO__BAR` is not a valid name: it has a double underscore\n  --> shop.yaml:11:25\n   = entry: 4 \"FOO__BAR\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
        ],
    );
}

#[test]
fn invalid_names_say_what_is_wrong_with_them() {
    check(
        &with_entries(
            "      - {code: 1, name: 2FA_REQUIRED, message: a}\n      - {code: 2, name: \"ÜBER\", message: b}\n      - {code: 3, name: \"ZERO\\u200bWIDTH\", message: c}\n      - {code: 4, name: Mixed_Case, message: d}\n      - {code: 5, name: \"WITH SPACE\", message: e}\n      - {code: 6, name: DASH-_ED, message: f}\n      - {code: 7, name: TRAILING_, message: g}\n",
        ),
        &[
            "error: name `2FA_REQUIRED` is not a valid name: it starts with a digit\n  --> shop.yaml:8:25\n   = entry: 1 \"2FA_REQUIRED\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
            "error: name \"ÜBER\" is not a valid name: it contains the non-ASCII character 'Ü' (U+00DC)\n  --> shop.yaml:9:25\n   = entry: 2 \"ÜBER\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
            "error: name \"ZERO\\u{200b}WIDTH\" is not a valid name: it contains the non-ASCII character U+200B\n  --> shop.yaml:10:25\n   = entry: 3 \"ZERO\\u{200b}WIDTH\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
            "error: name `Mixed_Case` is not a valid name: it mixes capitals and lowercase letters\n  --> shop.yaml:11:25\n   = entry: 4 \"Mixed_Case\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
            "error: name \"WITH SPACE\" is not a valid name: it contains whitespace (' ' (U+0020))\n  --> shop.yaml:12:25\n   = entry: 5 \"WITH SPACE\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
            "error: name `DASH-_ED` is not a valid name: it has two separators in a row\n  --> shop.yaml:13:25\n   = entry: 6 \"DASH-_ED\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
            "error: name `TRAILING_` is not a valid name: it ends with an underscore\n  --> shop.yaml:14:25\n   = entry: 7 \"TRAILING_\"\n   = hint: names look like `USER_NOT_FOUND` or `user_not_found` (`-` and `.` may join words too): ASCII letters of one case, digits and single separators, starting with a letter",
        ],
    );
}

#[test]
fn keywords_and_names_of_generated_items() {
    // `SELF` becomes the variant `Self_` (`Self` cannot be a variant); it is accepted and the
    // bundled test crate compiles it.
    let catalog = errcat_build::load_str(
        Path::new("shop.yaml"),
        &with_entries("      - {code: 1, name: SELF, message: a, aliases: [ALL]}\n"),
    )
    .unwrap();
    assert_eq!(catalog.sections[0].entries[0].type_name(), "Self_");

    let yaml = "\
name: type
title: Shop
source: test
status: 400
columns:
  - {name: fn, type: bool}
  - {name: all, type: bool}
  - {name: template, type: string}
sections:
  - name: A_L_L
    title: Client
    entries:
      - {code: 1, name: ERROR, message: a, minors: [{code: 1}]}
      - {code: 2, name: B, message: b, aliases: [A_L_L]}
      - {code: 3, name: C, message: c, minors: [{code: 1, name: E_R_R_O_R}]}
";
    let methods = errcat_build::ident::RESERVED_METHODS.join(", ");
    check(
        yaml,
        &[
            "error: `type` is not a valid module name: it is a Rust keyword\n  --> shop.yaml:1:7\n   = hint: module names look like `my_api`: ASCII lowercase letters, digits and single underscores, starting with a letter",
            "error: `fn` is not a valid column name: it is a Rust keyword\n  --> shop.yaml:6:12\n   = hint: a column becomes a method: use snake_case, such as `retry_after`",
            &format!(
                "error: column `all` clashes with the generated method `Error::all`\n  --> shop.yaml:7:12\n   = hint: choose another name; the generated methods are {methods}"
            ),
            &format!(
                "error: column `template` clashes with the generated method `Error::template`\n  --> shop.yaml:8:12\n   = hint: choose another name; the generated methods are {methods}"
            ),
            "error: section `A_L_L` becomes the Rust name `ALL`, which the generated code already uses\n  --> shop.yaml:10:11\n   = hint: `ALL` is an associated constant of the generated enums; choose another name",
            "error: the entry `ERROR` has minor codes, and its minor-code enum would be `minor::Error`, which clashes with the generated `Error` type\n  --> shop.yaml:13:25\n   = entry: 1 ERROR\n   = hint: give the entry another Rust name: `rust_name: SomethingElse`",
            "error: alias `A_L_L` becomes the Rust name `ALL`, which the generated code already uses\n  --> shop.yaml:14:50\n   = entry: 2 B\n   = hint: `ALL` is an associated constant of the generated enums; choose another name",
            "error: minor name `E_R_R_O_R` becomes the Rust name `ERROR`, which the generated code already uses\n  --> shop.yaml:15:65\n   = entry: 3 C\n   = hint: `ERROR` is an associated constant of the generated enums; choose another name",
        ],
    );
}

#[test]
fn codes_out_of_range_empty_or_of_mixed_kinds() {
    check(
        &with_entries(
            "      - {code: -1, name: A, message: a}\n      - {code: 4294967296, name: B, message: b}\n      - {code: \"\", name: C, message: c}\n      - {code: \" X \", name: D, message: d}\n",
        ),
        &[
            "error: code -1 is out of range\n  --> shop.yaml:8:16\n   = entry: -1 A\n   = hint: integer codes are 0..=4294967295; a code outside it can be written as a string, if every code of the catalog is",
            "error: code 4294967296 is out of range\n  --> shop.yaml:9:16\n   = entry: 4294967296 B\n   = hint: integer codes are 0..=4294967295; a code outside it can be written as a string, if every code of the catalog is",
            "error: code \"\" is empty\n  --> shop.yaml:10:16\n   = entry: \"\" C\n   = hint: write the code as the API sends it",
            "error: code \" X \" has surrounding spaces or control characters\n  --> shop.yaml:11:16\n   = entry: \" X \" D\n   = hint: write the code exactly as the API sends it, without spaces around it",
        ],
    );
    check(
        &with_entries(
            "      - {code: 1, name: A, message: a}\n      - {code: \"2\", name: B, message: b}\n",
        ),
        &[
            "error: code \"2\" is a string, but this catalog's codes are integers\n  --> shop.yaml:9:16\n   = entry: \"2\" B\n   = hint: remove the quotes: `code: 2`; all codes of a catalog are integers, or all are strings",
        ],
    );
    check(
        &with_entries(
            "      - {code: \"X1\", name: A, message: a}\n      - {code: 4007, name: B, message: b}\n      - {code: \"X2\", name: C, message: c}\n",
        ),
        &[
            "error: code 4007 is an integer, but this catalog's codes are strings\n  --> shop.yaml:9:16\n   = entry: 4007 B\n   = hint: quote it: `code: \"4007\"`; all codes of a catalog are integers, or all are strings",
        ],
    );
    check(
        &with_entries(
            "      - {code: 1, name: A, message: a}\n      - {code: 1.5, name: C, message: c}\n",
        ),
        &[
            "error: sections[0].entries[1].code: code 1.5 is not an integer\n  --> shop.yaml:9:16\n   = entry: \"1.5\" C",
        ],
    );
    check(
        &with_entries(
            "      - {code: 1, name: A, message: a}\n      - {code: 1000000000000000000000000000000000000000000, name: B, message: b}\n",
        ),
        &[
            "error: sections[0].entries[1].code: code 1000000000000000000000000000000000000000000 is out of range: integer codes are 0..=4294967295\n  --> shop.yaml:9:16\n   = entry: 1000000000000000000000000000000000000000000 B",
        ],
    );
    check(
        &with_entries("      - code: 1\n        message: a\n"),
        &[
            "error: entry has no `name`\n  --> shop.yaml:8:9\n   = entry: 1\n   = hint: an entry with an integer code needs a `name`, such as `USER_NOT_FOUND` or `user_not_found`",
        ],
    );
}

#[test]
fn statuses_outside_the_http_range() {
    check(
        &with_entries(
            "      - {code: 1, name: A, message: a, status: 99}\n      - {code: 2, name: B, message: b, status: 600}\n      - {code: 3, name: C, message: c, status: -200}\n",
        ),
        &[
            "error: HTTP status 99 is outside 100..=599\n  --> shop.yaml:8:48\n   = entry: 1 A\n   = hint: use an HTTP status code, such as 400 or 500",
            "error: HTTP status 600 is outside 100..=599\n  --> shop.yaml:9:48\n   = entry: 2 B\n   = hint: use an HTTP status code, such as 400 or 500",
            "error: HTTP status -200 is outside 100..=599\n  --> shop.yaml:10:48\n   = entry: 3 C\n   = hint: use an HTTP status code, such as 400 or 500",
        ],
    );
}

#[test]
fn duplicate_minor_codes_and_minor_names() {
    check(
        &with_entries(
            "      - code: 1\n        name: A\n        message: a\n        minors:\n          - code: 1\n          - code: 1\n          - code: 5\n            name: MINOR1\n",
        ),
        &[
            "error: duplicate minor code 1\n  --> shop.yaml:13:19\n   = entry: 1 A\n   = hint: first defined at shop.yaml:12:19; the lowest free minor code of this entry is 2",
            "error: minor name `MINOR1` gets the Rust name `Minor1`, the same as the unnamed minor code 1\n  --> shop.yaml:15:19\n   = entry: 1 A\n   = hint: first defined at shop.yaml:12:13; minor-code variants are unique within an entry",
        ],
    );
}

#[test]
fn placeholders_used_but_not_declared_or_declared_but_unused() {
    check(
        &with_entries(
            "      - code: 1\n        name: A\n        message: \"Insufficient {asset} balance for {user}.\"\n        placeholders:\n          - name: asset\n          - name: amount\n      - {code: 2, name: B, message: \"Open {brace\"}\n      - {code: 3, name: C, message: \"Lone } brace\"}\n      - {code: 4, name: D, message: \"Not a {Name}\"}\n",
        ),
        &[
            "error: message uses placeholder `{user}`, which is not declared\n  --> shop.yaml:10:18\n   = entry: 1 A\n   = hint: declare it under `placeholders:` as `- name: user`",
            "error: placeholder `amount` is declared but the message does not use it\n  --> shop.yaml:13:13\n   = entry: 1 A\n   = hint: write `{amount}` in the message, or remove the declaration",
            "error: message: `{brace` is not closed\n  --> shop.yaml:14:37\n   = entry: 2 B\n   = hint: placeholders are written `{name}`; write `{{` and `}}` for literal braces",
            "error: message: a lone `}`\n  --> shop.yaml:15:37\n   = entry: 3 C\n   = hint: placeholders are written `{name}`; write `{{` and `}}` for literal braces",
            "error: message: `{Name}` is not a placeholder: a placeholder name is snake_case\n  --> shop.yaml:16:37\n   = entry: 4 D\n   = hint: placeholders are written `{name}`; write `{{` and `}}` for literal braces",
        ],
    );
}

// ---- files and directories ------------------------------------------------------------------

#[test]
fn file_names_that_make_no_module_and_two_files_making_one() {
    let dir = temp_dir("modules");
    std::fs::write(dir.join("2fa.yaml"), VALID).unwrap();
    std::fs::write(dir.join("my-api.yaml"), VALID).unwrap();
    std::fs::write(dir.join("my_api.yml"), VALID).unwrap();
    std::fs::write(dir.join("named.yaml"), format!("name: My-Module\n{VALID}")).unwrap();
    assert_eq!(
        report(&dir),
        "error: the file name `2fa` does not make a valid Rust module name\n  --> catalogs/2fa.yaml\n   = hint: rename the file, or set `name: some_module` in the catalog\n\n\
         error: module `my_api` is already made by another catalog\n  --> catalogs/my_api.yml\n   = hint: catalogs/my-api.yaml makes the same module; set a different `name` in one of them\n\n\
         error: `My-Module` is not a valid module name: it contains capital letters\n  --> catalogs/named.yaml:1:7\n   = hint: module names look like `my_api`: ASCII lowercase letters, digits and single underscores, starting with a letter\n\n\
         error: the catalogs have 3 problems"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn files_other_than_yaml_are_ignored() {
    let dir = temp_dir("ignored");
    std::fs::write(dir.join("shop.yaml"), VALID).unwrap();
    std::fs::write(dir.join("README.md"), "# not a catalog: {{{").unwrap();
    std::fs::write(dir.join("shop.json"), "{\"title\": 1}").unwrap();
    std::fs::write(dir.join("shop.yaml.bak"), "title: [").unwrap();
    std::fs::write(dir.join("SHOP.YAML"), "title: [").unwrap();
    std::fs::create_dir(dir.join("nested")).unwrap();
    std::fs::write(dir.join("nested/other.yaml"), "title: [").unwrap();
    std::fs::create_dir(dir.join("folder.yaml")).unwrap();
    let catalogs = errcat_build::load_dir(&dir).unwrap();
    assert_eq!(catalogs.len(), 1);
    assert_eq!(catalogs[0].module, "shop");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_problem_of_every_file_in_one_report_sorted_by_file_and_line() {
    let dir = temp_dir("sorted");
    std::fs::write(
        dir.join("b.yaml"),
        with_entries("      - {code: 1, name: A, message: a, status: 1}\n      - {code: 1, name: B, message: b}\n"),
    )
    .unwrap();
    std::fs::write(dir.join("a.yaml"), "title: [").unwrap();
    let text = report(&dir);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("  --> ")).collect();
    assert_eq!(
        lines,
        [
            "  --> catalogs/a.yaml:1:9",
            "  --> catalogs/b.yaml:8:48",
            "  --> catalogs/b.yaml:9:9",
        ]
    );
    assert!(
        text.ends_with("\n\nerror: the catalogs have 3 problems"),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn debug_prints_the_report_so_a_build_script_fails_readably() {
    let dir = temp_dir("debug");
    std::fs::write(dir.join("shop.yaml"), "title: [").unwrap();
    let err = errcat_build::load_dir(&dir).unwrap_err();
    assert_eq!(format!("{err:?}"), format!("\n{err}"));
    assert!(!format!("{err:?}").contains("Diagnostic {"));
    std::fs::remove_dir_all(dir).unwrap();
}

// ---- hostile input --------------------------------------------------------------------------

#[test]
fn an_alias_bomb_is_refused_quickly() {
    // Nine levels of nine aliases: a billion strings if expanded.
    let mut yaml = String::from("title: x\nsource: y\nstatus: 400\ncolumns:\n");
    yaml.push_str("  - {name: c0, type: string, default: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n");
    for level in 1..9 {
        let prev = format!("*a{}", level - 1);
        let items = [prev.as_str(); 9].join(", ");
        yaml.push_str(&format!(
            "  - {{name: c{level}, type: string, default: &a{level} [{items}]}}\n"
        ));
    }
    yaml.push_str("sections:\n  - name: A\n    title: t\n    entries:\n      - {code: 1, name: X, message: *a8}\n");
    let start = std::time::Instant::now();
    check(
        &yaml,
        &[
            "error: the aliases (`*name`) of this file expand to more than a hundred times its size\n  --> shop.yaml\n   = hint: an alias bomb is not a catalog; write values out, or alias fewer of them",
        ],
    );
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}

#[test]
fn very_deep_nesting_is_refused_without_exhausting_the_stack() {
    let deep = format!("title: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    check(
        &deep,
        &[
            "error: the document is nested more than 128 levels deep\n  --> shop.yaml:1:135\n   = hint: a catalog needs six levels; this is not a catalog",
        ],
    );
    let deep_maps: String = (0..1000)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    check(
        &deep_maps,
        &[
            "error: the document is nested more than 128 levels deep\n  --> shop.yaml:129:257\n   = hint: a catalog needs six levels; this is not a catalog",
        ],
    );
}

#[test]
fn files_over_the_size_limit_are_refused_before_they_are_read() {
    let dir = temp_dir("large");
    // 50 MB, sparse where the file system allows: the size is refused from the metadata.
    let file = std::fs::File::create(dir.join("huge.yaml")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    drop(file);
    let start = std::time::Instant::now();
    assert_eq!(
        report(&dir),
        "error: the file is too large: 52428800 bytes, over the limit of 16777216 bytes (16 MiB)\n  --> catalogs/huge.yaml\n   = hint: a catalog describes one API's error table; split a larger one into several catalogs\n\n\
         error: the catalogs have 1 problem"
    );
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    std::fs::remove_dir_all(dir).unwrap();

    // Text given directly is held to the same limit.
    let text = format!("{VALID}{}", "#".repeat(16 * 1024 * 1024));
    check(
        &text,
        &[
            "error: the file is too large: 16777374 bytes, over the limit of 16777216 bytes (16 MiB)\n  --> shop.yaml\n   = hint: a catalog describes one API's error table; split a larger one into several catalogs",
        ],
    );
}

#[test]
fn a_large_file_full_of_problems_is_reported_in_linear_time() {
    // About 1.5 MiB and 40,000 entries, each with a bad name and (after the first) a
    // duplicate code: every problem is reported, in a time that does not grow with their
    // square (on one core of a small machine this takes a second or two).
    let mut yaml = with_entries("");
    let mut n = 0;
    while yaml.len() < 1_500_000 {
        yaml.push_str(&format!(
            "      - code: 7\n        name: e{n}E\n        message: m\n"
        ));
        n += 1;
    }
    let start = std::time::Instant::now();
    let problems = errcat_build::load_str(Path::new("shop.yaml"), &yaml).unwrap_err();
    assert_eq!(problems.len(), 2 * n - 1);
    assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
    // The structure check: one unknown field per entry, and the problems above, which an
    // unknown field does not hide.
    let yaml = yaml.replace("message: m\n", "message: m\n        colour: red\n");
    let problems = errcat_build::load_str(Path::new("shop.yaml"), &yaml).unwrap_err();
    assert_eq!(problems.len(), 3 * n - 1);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

#[test]
fn column_values_of_the_wrong_type_and_unknown_columns() {
    let yaml = "\
title: Shop
source: test
status: 400
columns:
  - {name: retryable, type: bool, default: maybe}
  - {name: wait, type: integer}
sections:
  - name: CLIENT
    title: Client
    columns: {retryable: true, wiat: 3}
    entries:
      - {code: 1, name: A, message: a, columns: {wait: soon}}
      - {code: 2, name: B, message: b, columns: {wait: {seconds: 3}}}
";
    check(
        yaml,
        &[
            "error: column `retryable` is of type bool, but the value is `maybe`\n  --> shop.yaml:5:44",
            "error: unknown column `wiat`\n  --> shop.yaml:10:38\n   = hint: did you mean `wait`?",
            "error: column `wait` is of type integer, but the value is `soon`\n  --> shop.yaml:12:56\n   = entry: 1 A",
            "error: column `wait` is of type integer, but the value is \"seconds: 3\"\n  --> shop.yaml:13:56\n   = entry: 2 B",
        ],
    );
}

// ---- Names as documented, and Rust names ------------------------------------------------------

#[test]
fn names_of_every_documented_style_are_kept_exactly() {
    let catalog = errcat_build::load_str(
        Path::new("shop.yaml"),
        &with_entries(
            "      - {code: 1, name: invalid_grant, message: a, aliases: [invalid-grant-type]}\n      - {code: 2, name: USER_NOT_FOUND, message: b, aliases: [user.missing]}\n      - {code: 3, name: INVALIDURL, rust_name: InvalidUrl, message: c}\n",
        ),
    )
    .unwrap();
    let entries = &catalog.sections[0].entries;
    let names: Vec<(&str, &str, &[String])> = entries
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.rust_name.as_str(),
                e.alias_rust_names.as_slice(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            (
                "invalid_grant",
                "InvalidGrant",
                &["InvalidGrantType".to_owned()][..]
            ),
            (
                "USER_NOT_FOUND",
                "UserNotFound",
                &["UserMissing".to_owned()][..]
            ),
            ("INVALIDURL", "InvalidUrl", &[][..]),
        ]
    );
    assert_eq!(entries[0].aliases, ["invalid-grant-type"]);
}

#[test]
fn one_name_in_two_cases_is_one_rust_name() {
    check(
        &with_entries(
            "      - {code: 1, name: invalid_grant, message: a}\n      - {code: 2, name: INVALID_GRANT, message: b}\n      - {code: 3, name: invalid_scope, rust_name: InvalidGrant, message: c}\n",
        ),
        &[
            "error: name `INVALID_GRANT` becomes the Rust name `InvalidGrant`, the same as `invalid_grant` of entry `1 invalid_grant`\n  --> shop.yaml:9:25\n   = entry: 2 INVALID_GRANT\n   = hint: first defined at shop.yaml:8:25 (1 invalid_grant); names and aliases are unique in a catalog, compared by their Rust form (an entry's `rust_name` gives it another)",
            "error: name `invalid_scope` has the `rust_name` `InvalidGrant`, the same as `invalid_grant` of entry `1 invalid_grant`\n  --> shop.yaml:10:51\n   = entry: 3 invalid_scope\n   = hint: first defined at shop.yaml:8:25 (1 invalid_grant); names and aliases are unique in a catalog, compared by their Rust form (an entry's `rust_name` gives it another)",
        ],
    );
}

#[test]
fn a_rust_name_is_upper_camel() {
    check(
        &with_entries(
            "      - {code: 1, name: A, rust_name: invalid_url, message: a}\n      - {code: 2, name: B, rust_name: Self, message: b}\n      - {code: 3, name: C, rust_name: ALL, message: c}\n",
        ),
        &[
            "error: `rust_name` `invalid_url` is not an UpperCamel Rust name\n  --> shop.yaml:8:39\n   = entry: 1 A\n   = hint: a Rust name is a capital, then ASCII letters and digits, such as `InvalidUrl`; not `Self`",
            "error: `rust_name` `Self` is not an UpperCamel Rust name\n  --> shop.yaml:9:39\n   = entry: 2 B\n   = hint: a Rust name is a capital, then ASCII letters and digits, such as `InvalidUrl`; not `Self`",
            "error: name `C` becomes the Rust name `ALL`, which the generated code already uses\n  --> shop.yaml:10:39\n   = entry: 3 C\n   = hint: `ALL` is an associated constant of the generated enums; choose another name",
        ],
    );
}

#[test]
fn a_prefix_to_drop_is_checked_against_the_names() {
    let yaml = "title: Db\nsource: test\nstatus: 500\nstrip_prefix: ERRCODE_\nsections:\n  - name: DATA\n    title: Data exceptions\n    entries:\n      - {code: \"22012\", name: ERRCODE_DIVISION_BY_ZERO, message: a}\n      - {code: \"22P02\", name: ERRCODE_2P02, message: b}\n      - {code: \"22000\", name: DIVISION_BY_ZERO, message: c}\n      - {code: \"22001\", name: ERRCODE_STRING_DATA_RIGHT_TRUNCATION, message: d, rust_name: Truncated}\n";
    check(
        yaml,
        &[
            "error: name `ERRCODE_2P02` without the catalog's `strip_prefix` is `2P02`, which does not start with a letter\n  --> shop.yaml:10:31\n   = entry: \"22P02\" ERRCODE_2P02\n   = hint: set the entry's `rust_name` (such as `rust_name: Code2fa`)",
            "error: name `DIVISION_BY_ZERO` becomes the Rust name `DivisionByZero`, the same as `ERRCODE_DIVISION_BY_ZERO` of entry `\"22012\" ERRCODE_DIVISION_BY_ZERO`\n  --> shop.yaml:11:31\n   = entry: \"22000\" DIVISION_BY_ZERO\n   = hint: first defined at shop.yaml:9:31 (\"22012\" ERRCODE_DIVISION_BY_ZERO); names and aliases are unique in a catalog, compared by their Rust form (an entry's `rust_name` gives it another)",
        ],
    );
    let loaded = errcat_build::load_str(
        Path::new("shop.yaml"),
        &yaml.replace("      - {code: \"22P02\", name: ERRCODE_2P02, message: b}\n      - {code: \"22000\", name: DIVISION_BY_ZERO, message: c}\n", ""),
    )
    .unwrap();
    let rust: Vec<&str> = loaded.entries().map(|e| e.rust_name.as_str()).collect();
    assert_eq!(rust, ["DivisionByZero", "Truncated"]);
    check(
        &yaml.replace("strip_prefix: ERRCODE_", "strip_prefix: ERRCOD_E"),
        &[
            "error: no name of the catalog starts with the `strip_prefix` `ERRCOD_E`\n  --> shop.yaml:4:15\n   = hint: the prefix is dropped from the names that start with it; check its spelling and case, or remove it",
        ],
    );
}

// ---- Syntax errors at their cause ---------------------------------------------------------------

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let mut yaml = with_entries("      - code: 1\n        name: A\n        message: \"Unclosed\n");
    for i in 2..40 {
        yaml.push_str(&format!(
            "      - code: {i}\n        name: E{i}\n        message: m\n"
        ));
    }
    // libyaml finds the problem at the end of the file (line 125), far from its cause.
    check(
        &yaml,
        &[
            "error: this quoted text is not closed: the file ends before its closing quote\n  --> shop.yaml:10:18\n   = hint: close the text with the quote it opens with; inside double quotes, write a quote as `\\\"`, inside single quotes as `''`",
        ],
    );
}

#[test]
fn an_unclosed_bracket_is_reported_where_it_opens() {
    let mut yaml = with_entries("      - {code: 1, name: A, message: a\n");
    for i in 2..10 {
        yaml.push_str(&format!(
            "      - code: {i}\n        name: E{i}\n        message: m\n"
        ));
    }
    check(
        &yaml,
        &[
            "error: this `{` is not closed: at line 9 column 13 YAML expected `,` or `}`\n  --> shop.yaml:8:9\n   = hint: close it with `}` where its last item ends",
        ],
    );
}

#[test]
fn a_tab_in_the_indentation_is_named() {
    check(
        &with_entries("      - code: 1\n\tname: A\n"),
        &[
            "error: a tab in the indentation: YAML indents with spaces, never with tabs\n  --> shop.yaml:9:1\n   = hint: replace the tab at the start of line 9 with spaces, as many as the lines around it use",
        ],
    );
    check(
        &with_entries("      - code: 1\n        name: A\n\t       message: m\n"),
        &[
            "error: a tab in the indentation: YAML indents with spaces, never with tabs\n  --> shop.yaml:10:1\n   = hint: replace the tab at the start of line 10 with spaces, as many as the lines around it use",
        ],
    );
}

// ---- Enum and required columns, statuses, string minor codes, wire keys ---------------------

const DB: &str = "title: Db\nsource: test\ncolumns:\n  - {name: severity, type: enum, values: [E, W, S], required: true}\nsections:\n  - name: DATA\n    title: Data\n    entries:\n";

#[test]
fn enum_and_required_columns() {
    check(
        &format!(
            "{DB}      - {{code: \"22012\", name: A, message: a, columns: {{severity: e}}}}\n      - {{code: \"22013\", name: B, message: b}}\n      - {{code: \"22014\", name: C, message: c, columns: {{severity: X}}}}\n"
        ),
        &[
            "error: column `severity` has no value `e`\n  --> shop.yaml:9:66\n   = entry: \"22012\" A\n   = hint: did you mean `E`? the values are `E`, `W`, `S`",
            "error: the entry has no value for the required column `severity`\n  --> shop.yaml:10:9\n   = entry: \"22013\" B\n   = hint: set it on the entry (`columns: { severity: ... }`) or on its section",
            "error: column `severity` has no value `X`\n  --> shop.yaml:11:66\n   = entry: \"22014\" C\n   = hint: the values are `E`, `W`, `S`",
        ],
    );
    check(
        &with_entries("      - {code: 1, name: A, message: a}\n").replace(
            "sections:",
            "columns:\n  - {name: level, type: enum}\n  - {name: retry, type: bool, values: [a], required: true, default: false}\n  - {name: body, type: enum, values: [x, X]}\nsections:",
        ),
        &[
            "error: enum column `level` has no `values`\n  --> shop.yaml:5:5\n   = hint: list the closed set of values: `values: [error, warning]`",
            "error: column `retry` has `values`, but is not of type enum\n  --> shop.yaml:6:39\n   = hint: a closed set of values is a column of `type: enum`",
            "error: column `retry` is `required` and has a `default`\n  --> shop.yaml:6:54\n   = hint: the default already gives every entry a value: remove `required`",
            "error: enum column `body` would make the type `Body`, which the generated module already has\n  --> shop.yaml:7:12\n   = hint: choose another column name; the generated types are Body, BodyError, Code, Detailed, Error, Failure, Minor, Plain, Problem, Rendered, Section",
            "error: enum value `X` becomes the Rust name `X`, the same as `x`\n  --> shop.yaml:7:42\n   = hint: first defined at shop.yaml:7:39",
        ],
    );
}

#[test]
fn a_catalog_without_http_status_has_none_anywhere() {
    check(
        &format!(
            "{DB}      - {{code: \"1\", name: A, message: a, status: 400, columns: {{severity: E}}}}\n"
        )
        .replace("    title: Data\n", "    title: Data\n    status: 500\n")
        .replace(
            "sections:",
            "wire:\n  fields:\n    - {name: status, from: status}\n    - {name: code, from: code}\n    - {name: message, from: message}\nsections:",
        ),
        &[
            "error: wire field `status`: `from: status`, but the catalog has no HTTP status\n  --> shop.yaml:7:28\n   = hint: set the catalog's `status`, or remove the field",
            "error: a section sets an HTTP status, but the catalog has none\n  --> shop.yaml:13:13\n   = hint: a catalog has HTTP statuses if its top level sets the default `status`; set it there, or remove this one",
            "error: an entry sets an HTTP status, but the catalog has none\n  --> shop.yaml:15:50\n   = entry: \"1\" A\n   = hint: a catalog has HTTP statuses if its top level sets the default `status`; set it there, or remove this one",
        ],
    );
}

#[test]
fn string_minor_codes() {
    check(
        &with_entries(
            "      - code: 1\n        name: DECLINED\n        message: a\n        minors:\n          - {code: insufficient_funds}\n          - {code: 2}\n          - {code: \"05\"}\n          - {code: \"*\"}\n          - {code: insufficient_funds}\n",
        ),
        &[
            "error: minor code 2 is an integer, but this catalog's minor codes are strings\n  --> shop.yaml:13:20\n   = entry: 1 DECLINED\n   = hint: quote it: `code: \"2\"`; all minor codes of a catalog are integers, or all are strings",
            "error: the minor code `05` has no `name` and is not a valid name itself\n  --> shop.yaml:14:20\n   = entry: 1 DECLINED\n   = hint: a string minor code such as `insufficient_funds` is its own name; give this one a `name`",
            "error: minor code \"*\" is the document's wildcard row, not a code\n  --> shop.yaml:15:20\n   = entry: 1 DECLINED\n   = hint: the document's wildcard row (`*`) is written as the entry's `reaction`",
            "error: duplicate minor code insufficient_funds\n  --> shop.yaml:16:20\n   = entry: 1 DECLINED\n   = hint: first defined at shop.yaml:12:20",
        ],
    );
}

#[test]
fn a_wire_shape_needs_a_key_and_the_hint_proposes_a_free_json_name() {
    let base = with_entries("      - {code: 1, name: A, message: a}\n");
    check(
        &base.replace(
            "sections:",
            "wire:\n  fields:\n    - {name: code, from: status}\n    - {name: message, from: message}\nsections:",
        ),
        &[
            "error: the wire shape has no field `from: code` or `from: name`\n  --> shop.yaml:6:5\n   = hint: every error body identifies its error, by code or by name: add `- { name: error_code, from: code }`",
        ],
    );
    check(
        &base.replace(
            "sections:",
            "wire:\n  fields:\n    - {name: message, from: code}\n    - {name: error_message, from: name}\nsections:",
        ),
        &[
            "error: the wire shape has no field `from: message`\n  --> shop.yaml:6:5\n   = hint: every error body carries its message: add `- { name: message2, from: message }`",
        ],
    );
    // Identified by name alone, with a raw field: accepted.
    let c = errcat_build::load_str(
        Path::new("shop.yaml"),
        &base.replace(
            "sections:",
            "wire:\n  fields:\n    - {name: code, from: status}\n    - {name: message, from: message}\n    - {name: status, from: name}\n    - {name: details, from: raw}\nsections:",
        ),
    )
    .unwrap();
    assert_eq!(c.wire.key().name, "status");
}

#[test]
fn a_typo_does_not_hide_the_other_problems_of_the_file() {
    let yaml = "title: Shop\nsource: test\nstatus: 400\ncolumns:\n  - {name: retry, type: bool, colour: red}\nsections:\n  - name: CLIENT\n    title: Client\n    entries:\n      - {code: 1, name: A, mesage: a}\n      - {code: 1, name: B, message: b, status: 99}\n      - {code: 2, name: C, message: \"{who}\", descripton: \"\"}\n";
    check(
        yaml,
        &[
            "error: unknown field `colour` in a column\n  --> shop.yaml:5:31\n   = hint: the fields of a column are `name`, `type`, `values`, `description`, `default`, `required`",
            "error: unknown field `mesage` in an entry\n  --> shop.yaml:10:28\n   = entry: 1 A\n   = hint: did you mean `message`?",
            "error: duplicate code: `1 B` repeats `1 A`\n  --> shop.yaml:11:9\n   = entry: 1 B\n   = hint: first defined at shop.yaml:10:9 (1 A); the lowest free code in section `CLIENT` is 3; if the document gives code 1 two names, keep one entry and list the other under `aliases:` (`aliases: [B]`)",
            "error: HTTP status 99 is outside 100..=599\n  --> shop.yaml:11:48\n   = entry: 1 B\n   = hint: use an HTTP status code, such as 400 or 500",
            "error: message uses placeholder `{who}`, which is not declared\n  --> shop.yaml:12:37\n   = entry: 2 C\n   = hint: declare it under `placeholders:` as `- name: who`",
            "error: unknown field `descripton` in an entry\n  --> shop.yaml:12:46\n   = entry: 2 C\n   = hint: did you mean `description`?",
            "error: `description` is empty\n  --> shop.yaml:12:58\n   = entry: 2 C\n   = hint: remove `description` rather than leave it empty",
        ],
    );
    // A required field missing stops the file at the shape check.
    check(
        &yaml.replace("{code: 2, name: C,", "{name: C,"),
        &[
            "error: unknown field `colour` in a column\n  --> shop.yaml:5:31\n   = hint: the fields of a column are `name`, `type`, `values`, `description`, `default`, `required`",
            "error: unknown field `mesage` in an entry\n  --> shop.yaml:10:28\n   = entry: 1 A\n   = hint: did you mean `message`?",
            "error: an entry has no `code`, which is required\n  --> shop.yaml:12:9\n   = entry: <no code> C\n   = hint: the required fields of an entry are `code`, `message`",
            "error: unknown field `descripton` in an entry\n  --> shop.yaml:12:37\n   = entry: <no code> C\n   = hint: did you mean `description`?",
        ],
    );
}
