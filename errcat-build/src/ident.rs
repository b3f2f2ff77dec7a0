//! Every naming rule in one place: which names a catalog may use, and the Rust names they
//! become. Nothing else in the generator converts names.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// `USER_NOT_FOUND`: section names, and one of the styles of [documented names](is_documented_name).
pub fn is_upper_snake(s: &str) -> bool {
    is_snake_of(
        s,
        |c| c.is_ascii_uppercase(),
        |c| c.is_ascii_uppercase() || c.is_ascii_digit(),
    )
}

/// `user_not_found`: catalog (module) and column (method) names.
pub fn is_lower_snake(s: &str) -> bool {
    is_snake_of(
        s,
        |c| c.is_ascii_lowercase(),
        |c| c.is_ascii_lowercase() || c.is_ascii_digit(),
    )
}

/// A name as an API documents it: entry, alias and minor names, and string codes that are
/// their own name. Words of ASCII letters and digits, starting with a letter, joined by single
/// `_`, `-` or `.`, with every letter a capital (`USER_NOT_FOUND`) or every letter lowercase
/// (`invalid_grant`, `invalid-token`, `user.not_found`). Mixed case (`User_Not_FOUND`,
/// `invalidGrant`) is refused: in a table of capitals or of lowercase names, a letter of the
/// other case is a typo far more often than a style.
pub fn is_documented_name(s: &str) -> bool {
    is_words(s, u8::is_ascii_uppercase) || is_words(s, u8::is_ascii_lowercase)
}

/// The separators between the words of a documented name.
pub const NAME_SEPARATORS: &[char] = &['_', '-', '.'];

fn is_words(s: &str, letter: fn(&u8) -> bool) -> bool {
    // Bytes, not characters: every byte allowed is ASCII, and no byte of a multi-byte
    // character is (unoptimized, as build scripts run this, decoding characters costs more).
    let bytes = s.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !letter(first) || is_separator(*last) {
        return false;
    }
    let mut after_separator = false;
    for c in bytes {
        if is_separator(*c) {
            if after_separator {
                return false;
            }
            after_separator = true;
        } else if letter(c) || c.is_ascii_digit() {
            after_separator = false;
        } else {
            return false;
        }
    }
    true
}

/// One of [`NAME_SEPARATORS`].
fn is_separator(c: u8) -> bool {
    matches!(c, b'_' | b'-' | b'.')
}

/// `UserNotFound`: a Rust type or variant name as a catalog may set it (`rust_name`): a
/// capital, then ASCII letters and digits; not `Self`.
pub fn is_upper_camel(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
        && s != "Self"
}

/// The Rust name of an entry or alias: its documented name without the catalog's
/// `strip_prefix` (where the name has it), in UpperCamel case.
pub fn entry_type_name(documented: &str, strip_prefix: Option<&str>) -> String {
    type_name(strip_name_prefix(documented, strip_prefix))
}

/// The documented name without `prefix`, where it starts with it and something is left.
pub fn strip_name_prefix<'a>(documented: &'a str, prefix: Option<&str>) -> &'a str {
    match prefix.and_then(|p| documented.strip_prefix(p)) {
        Some(rest) if !rest.is_empty() => rest,
        _ => documented,
    }
}

fn is_snake_of(s: &str, first: impl Fn(char) -> bool, rest: impl Fn(char) -> bool) -> bool {
    let mut chars = s.chars();
    let Some(c) = chars.next() else { return false };
    if !first(c) || s.ends_with('_') || s.contains("__") {
        return false;
    }
    chars.all(|c| c == '_' || rest(c))
}

/// The Rust type or variant name for a documented name: `USER_NOT_FOUND`, `user_not_found`,
/// `user-not-found` and `user.not_found` all become `UserNotFound`.
///
/// `SELF` would become the keyword `Self`, which cannot be escaped with `r#`; it gets a
/// trailing underscore.
pub fn type_name(documented: &str) -> String {
    let name = if documented.is_ascii() {
        let mut name = String::with_capacity(documented.len());
        ascii_words(documented, &mut |word| {
            for (i, c) in word.bytes().enumerate() {
                name.push(char::from(if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }));
            }
        });
        name
    } else {
        documented.to_upper_camel_case()
    };
    if name == "Self" {
        format!("{name}_")
    } else {
        name
    }
}

/// The words of ASCII text as heck splits them (its case conversions, unoptimized as build
/// scripts run them, were a twentieth of the generator): runs of letters and digits, split
/// where a lowercase letter, or digits after one, meet a capital, and before the last of a
/// run of capitals followed by a lowercase letter. Every word is non-empty.
fn ascii_words(s: &str, with_word: &mut dyn FnMut(&str)) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        /// No letter yet in the word.
        Boundary,
        /// The word's last letter is lowercase.
        Lowercase,
        /// The word's last letter is a capital.
        Uppercase,
    }
    let bytes = s.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let mut end = start;
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let run = &s[start..end];
        let (mut init, mut mode) = (0, Mode::Boundary);
        for i in 0..run.len() {
            let c = bytes[start + i];
            if i + 1 == run.len() {
                with_word(&run[init..]);
                break;
            }
            let next = bytes[start + i + 1];
            let next_mode = if c.is_ascii_lowercase() {
                Mode::Lowercase
            } else if c.is_ascii_uppercase() {
                Mode::Uppercase
            } else {
                mode
            };
            if next_mode == Mode::Lowercase && next.is_ascii_uppercase() {
                with_word(&run[init..=i]);
                (init, mode) = (i + 1, Mode::Boundary);
            } else if mode == Mode::Uppercase && c.is_ascii_uppercase() && next.is_ascii_lowercase()
            {
                with_word(&run[init..i]);
                (init, mode) = (i, Mode::Boundary);
            } else {
                mode = next_mode;
            }
        }
        start = end + 1;
    }
}

/// The identifier of a field named after a placeholder: the name itself, or a raw identifier
/// (`r#type`) where it is a keyword.
pub fn field_name(snake: &str) -> String {
    if is_keyword(snake) && !matches!(snake, "self" | "super" | "crate") {
        format!("r#{snake}")
    } else {
        snake.to_owned()
    }
}

/// The variant name of a minor code: its name's, else `Minor3` for an integer code and the
/// code's own for a string code (`insufficient_funds` → `InsufficientFunds`).
pub fn minor_type_name(name: Option<&str>, code: &crate::model::Code) -> String {
    match (name, code) {
        (Some(name), _) => type_name(name),
        (None, crate::model::Code::Integer(n)) => format!("Minor{n}"),
        (None, crate::model::Code::String(s)) => type_name(s),
    }
}

/// The module name for a catalog file stem: `my-api` → `my_api`; `None` if the stem does not
/// make a valid, non-keyword module name.
pub fn module_name(file_stem: &str) -> Option<String> {
    let name = file_stem.to_snake_case();
    (is_lower_snake(&name) && !is_keyword(&name)).then_some(name)
}

/// The name of the table constant behind a column method: `wait_parameter` → `WAIT_PARAMETER`.
pub fn column_table_name(column: &str) -> String {
    format!("COLUMN_{}", column.to_ascii_uppercase())
}

/// The variant of an enum column's value: `warning` → `Warning`, `E` → `E`; a value that is
/// not a documented name (`5xx`, `not found`) is made into one word by word, with a leading
/// `V` where it would start with a digit.
pub fn enum_value_name(value: &str) -> String {
    let words: String = value
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let name = type_name(words.trim());
    if name.is_empty() {
        "Empty".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else {
        name
    }
}

/// Types every generated catalog module has; an enum column's type may not take one of these
/// names.
pub const RESERVED_TYPES: &[&str] = &[
    "Body",
    "BodyError",
    "Code",
    "Detailed",
    "Error",
    "Failure",
    "Minor",
    "Plain",
    "Problem",
    "Rendered",
    "Section",
];

/// Rust keywords, strict and reserved, of every edition.
pub fn is_keyword(s: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
        "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];
    KEYWORDS.contains(&s)
}

/// Methods every generated error enum has; a column may not take one of these names.
pub const RESERVED_METHODS: &[&str] = &[
    "all",
    "aliases",
    "clone",
    "cmp",
    "code",
    "deprecation",
    "description",
    "eq",
    "fmt",
    "from",
    "from_code",
    "from_name",
    "from_str",
    "hash",
    "http_status",
    "index",
    "into",
    "is_deprecated",
    "message",
    "name",
    "partial_cmp",
    "placeholders",
    "reaction",
    "render",
    "section",
    "source",
    "status_code",
    "template",
    "to_string",
    "try_from",
    "try_into",
    "type_id",
];

/// Associated constants of the generated enums (`Error::ALL`, `Section::ALL`, and `ALL`,
/// `ERROR` and `AT` of each minor-code enum). A name whose Rust form is one of these (`A_L_L`
/// becomes `ALL`) would clash with them or hide them.
pub const RESERVED_ASSOCIATED: &[&str] = &["ALL", "AT", "ERROR"];

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// Edit distance where swapping two neighbouring letters (`titel`, `tpye`) counts as one edit,
/// like inserting, deleting or replacing one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut d = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                d = d.min(before[j - 1] + 1);
            }
            cur.push(d);
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// The variant of the generated `Locale` enum for a language tag: each subtag capitalized and
/// joined (`en` → `En`, `fa-IR` → `FaIr`, `zh-Hant` → `ZhHant`, `es-419` → `Es419`).
pub fn locale_variant(tag: &str) -> String {
    tag.split('-')
        .map(|part| {
            let lower = part.to_ascii_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// The `reason` of a gRPC `google.rpc.ErrorInfo` for a documented name: the name in capitals
/// with `-` and `.` written `_` (`invalid_grant` and `invalid-grant` give `INVALID_GRANT`,
/// `user.not_found` gives `USER_NOT_FOUND`). A name longer than the 63 characters a reason may
/// have keeps its first 54 and ends with `_` and 8 hexadecimal digits of its FNV-1a hash, so
/// that two long names with the same beginning stay apart. See [`is_grpc_reason`].
pub fn grpc_reason(documented: &str) -> String {
    let upper: String = documented
        .chars()
        .map(|c| match c {
            '-' | '.' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    if upper.len() <= GRPC_REASON_MAX {
        return upper;
    }
    let hash = documented.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let head = upper[..GRPC_REASON_MAX - 9].trim_end_matches('_');
    format!("{head}_{hash:08X}")
}

/// The longest `reason` ErrorInfo allows.
pub const GRPC_REASON_MAX: usize = 63;

/// Whether `reason` has ErrorInfo's reason format: `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63
/// characters.
pub fn is_grpc_reason(reason: &str) -> bool {
    let b = reason.as_bytes();
    b.len() >= 3
        && b.len() <= GRPC_REASON_MAX
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_')
        && b[b.len() - 1] != b'_'
}

/// The key of a value in a gRPC ErrorInfo's `metadata`, lowerCamelCase as AIP-193 asks:
/// `user_id` gives `userId`, `a_1` gives `a1`.
pub fn metadata_key(snake: &str) -> String {
    let mut key = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !key.is_empty();
        } else if upper {
            key.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            key.push(c);
        }
    }
    key
}

/// The longest metadata key AIP-193 allows.
pub const METADATA_KEY_MAX: usize = 64;

/// The metadata key of the minor code in a gRPC ErrorInfo.
pub const MINOR_CODE_KEY: &str = "minorCode";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_snake_accepts_documented_names_and_rejects_others() {
        assert!(is_upper_snake("USER_LOGIN_BAD_PAYLOAD"));
        assert!(is_upper_snake("QR2_CODE"));
        for bad in ["", "lower", "_X", "X_", "X__Y", "1X", "X-Y", "ÄX", "X Y"] {
            assert!(!is_upper_snake(bad), "{bad:?}");
        }
    }

    #[test]
    fn documented_names_are_one_case_with_single_separators() {
        for good in [
            "USER_NOT_FOUND",
            "invalid_grant",
            "invalid-token",
            "user.not_found",
            "QR2_CODE",
            "x",
            "ERRCODE_22012",
        ] {
            assert!(is_documented_name(good), "{good:?}");
        }
        for bad in [
            "",
            "User_Not_Found",
            "invalidGrant",
            "_x",
            "x_",
            "x__y",
            "x-_y",
            "1x",
            "x y",
            "ä",
            "x/y",
            "X.",
        ] {
            assert!(!is_documented_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn documented_names_of_every_style_become_one_rust_name() {
        for name in [
            "USER_NOT_FOUND",
            "user_not_found",
            "user-not-found",
            "user.not_found",
        ] {
            assert_eq!(type_name(name), "UserNotFound", "{name}");
        }
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(
            entry_type_name("ERRCODE_DIVISION_BY_ZERO", Some("ERRCODE_")),
            "DivisionByZero"
        );
        assert_eq!(entry_type_name("OTHER", Some("ERRCODE_")), "Other");
        assert_eq!(entry_type_name("ERRCODE_", Some("ERRCODE_")), "Errcode");
        assert!(is_upper_camel("Url2Fa"));
        for bad in ["url", "Self", "U_RL", "Ü", ""] {
            assert!(!is_upper_camel(bad), "{bad:?}");
        }
    }

    /// On ASCII names, type names agree with heck's upper camel case, on every string of up
    /// to five characters of each class that matters, and on longer ones mixing them.
    #[test]
    fn ascii_type_names_agree_with_heck() {
        let alphabet = ['A', 'B', 'a', 'b', '2', '_', '-', '.', ' '];
        let mut names = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            let mut longer = Vec::new();
            for name in &last {
                for c in alphabet {
                    longer.push(format!("{name}{c}"));
                }
            }
            names.extend(longer.iter().cloned());
            last = longer;
        }
        names.extend(
            [
                "USER_NOT_FOUND",
                "QR_CODE_2FA",
                "HTTPServerError",
                "UserNotFound2Fa",
                "ABCdefGHi",
                "a1B2c3D4",
                "__x__",
                "Self_",
                "Minor12",
                "invalid-token.v2",
            ]
            .map(String::from),
        );
        for name in &names {
            let camel = name.to_upper_camel_case();
            let expected = if camel == "Self" {
                "Self_".into()
            } else {
                camel
            };
            assert_eq!(type_name(name), expected, "{name:?}");
        }
    }

    #[test]
    fn type_names_are_upper_camel_and_escape_self() {
        assert_eq!(type_name("USER_NOT_FOUND"), "UserNotFound");
        assert_eq!(type_name("QR_CODE_2FA"), "QrCode2fa");
        assert_eq!(type_name("SELF"), "Self_");
        let seven = crate::model::Code::Integer(7);
        assert_eq!(minor_type_name(None, &seven), "Minor7");
        assert_eq!(minor_type_name(Some("TOO_LONG"), &seven), "TooLong");
        let funds = crate::model::Code::String("insufficient_funds".to_owned());
        assert_eq!(minor_type_name(None, &funds), "InsufficientFunds");
    }

    #[test]
    fn module_names_come_from_file_stems() {
        assert_eq!(module_name("my-api").as_deref(), Some("my_api"));
        assert_eq!(module_name("Mixin").as_deref(), Some("mixin"));
        assert_eq!(module_name("type"), None);
        assert_eq!(module_name("2fa"), None);
        assert_eq!(module_name("ünï"), None);
    }

    #[test]
    fn grpc_reasons_and_metadata_keys() {
        assert_eq!(grpc_reason("USER_NOT_FOUND"), "USER_NOT_FOUND");
        assert_eq!(grpc_reason("invalid_grant"), "INVALID_GRANT");
        assert_eq!(grpc_reason("invalid-token"), "INVALID_TOKEN");
        assert_eq!(grpc_reason("user.not_found"), "USER_NOT_FOUND");
        let long = "USER_TWO_STEP_VERIFICATION_GET_PASSWORD_DETAIL_INTERNAL_SERVER_ERROR";
        assert_eq!(
            grpc_reason(long),
            "USER_TWO_STEP_VERIFICATION_GET_PASSWORD_DETAIL_INTERNA_0B81156C"
        );
        assert_eq!(grpc_reason(long).len(), 63);
        assert!(is_grpc_reason(&grpc_reason(long)));
        let long_lower = "a_".repeat(40);
        assert!(is_grpc_reason(&grpc_reason(
            long_lower.trim_end_matches('_')
        )));
        assert!(is_grpc_reason("USER_NOT_FOUND"));
        assert!(is_grpc_reason("E42"));
        assert!(!is_grpc_reason("OK"));
        assert!(!is_grpc_reason("2FA_REQUIRED"));
        assert!(!is_grpc_reason(&"A".repeat(64)));
        assert!(is_grpc_reason(&"A".repeat(63)));
        assert_eq!(metadata_key("user_id"), "userId");
        assert_eq!(metadata_key("phone"), "phone");
        assert_eq!(metadata_key("retry_after_ms"), "retryAfterMs");
        assert_eq!(metadata_key("a_1"), "a1");
    }

    #[test]
    fn nearest_suggests_close_fields_only() {
        let fields = ["message", "minors", "name"];
        assert_eq!(nearest("mesage", &fields), Some("message"));
        assert_eq!(nearest("minor", &fields), Some("minors"));
        assert_eq!(nearest("zzzzzz", &fields), None);
        assert_eq!(nearest("mesasge", &fields), Some("message"));
        assert_eq!(nearest("tpye", &["type", "name"]), Some("type"));
        assert_eq!(nearest("titel", &["title", "status"]), Some("title"));
    }
}
