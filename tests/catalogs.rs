//! The generated modules of the four smaller catalogs (game_account, item_market, exchange,
//! mixin), entry by entry against the catalog models they were generated from (loaded here with
//! errcat-build): round trips through code and name, statuses, messages, `Display`, aliases,
//! placeholders and sections; then what each catalog has of its own.

use std::path::Path;
use std::sync::OnceLock;

use errcat::{Filled, Piece, UnknownCode, UnknownName, Value};
use errcat_build::model::{Catalog, Code, Entry, Segment};

fn model(module: &str) -> &'static Catalog {
    static MODELS: OnceLock<Vec<Catalog>> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs");
            errcat_build::load_dir(&dir)
                .unwrap_or_else(|e| panic!("the bundled catalogs do not load:\n{e}"))
        })
        .iter()
        .find(|c| c.module == module)
        .unwrap_or_else(|| panic!("no catalog {module}"))
}

fn integer(code: &'static Code) -> u32 {
    match code {
        Code::Integer(n) => *n,
        Code::String(s) => panic!("code {s} is not an integer"),
    }
}

fn string(code: &'static Code) -> &'static str {
    match code {
        Code::String(s) => s,
        Code::Integer(n) => panic!("code {n} is not a string"),
    }
}

/// A sample value for each placeholder: its example, else its documented form, else its name.
fn samples(e: &Entry) -> Vec<String> {
    e.placeholders
        .iter()
        .map(|p| {
            p.example
                .clone()
                .or_else(|| p.documented.clone())
                .unwrap_or_else(|| p.name.to_uppercase())
        })
        .collect()
}

/// The message with `args` in place of the placeholders, computed from the model.
fn expected_render(e: &Entry, args: &[String]) -> String {
    e.message
        .segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => t.clone(),
            Segment::Placeholder(i) => args[*i].clone(),
        })
        .collect()
}

/// The model's message as the generated template's pieces.
fn expected_template(e: &'static Entry) -> Vec<Piece> {
    e.message
        .segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => Piece::Text(t),
            Segment::Placeholder(i) => Piece::Placeholder {
                index: *i,
                name: &e.placeholders[*i].name,
            },
        })
        .collect()
}

/// Checks a generated module against its model: every entry, in order, round-trips through
/// its code (`from_code`, `TryFrom`) and names (`from_name`, `FromStr`, aliases included), and
/// states the model's name, message (`Display` too), description, status, section, reaction,
/// deprecation, aliases, placeholders and template; `render` fills in sample values. Sections
/// hold their entries in order. Unknown codes and names are rejected.
macro_rules! check_module {
    ($module:ident, code: $code:expr, unknown: $unknown:expr) => {{
        use errcat_catalogs::$module::{Error, Failure, NAME, Section};
        let cat = model(stringify!($module));
        assert_eq!(NAME, cat.module);
        assert!(cat.entry_count() > 0);
        assert_eq!(Error::ALL.len(), cat.entry_count());
        for ((s, e), &error) in cat.entries_with_section().zip(Error::ALL) {
            let label = format!("{} {}", NAME, e.label());
            let code = $code(&e.code);
            assert_eq!(error.code(), code, "{label}: ALL is in document order");
            assert_eq!(Error::from_code(code), Some(error), "{label}");
            assert_eq!(Error::try_from(code), Ok(error), "{label}");
            assert_eq!(error.name(), e.name, "{label}");
            assert_eq!(Error::from_name(&e.name), Some(error), "{label}");
            assert_eq!(e.name.parse::<Error>(), Ok(error), "{label}");
            assert_eq!(error.aliases(), e.aliases, "{label}");
            for alias in &e.aliases {
                assert_eq!(alias.parse::<Error>(), Ok(error), "{label}: alias {alias}");
                assert_eq!(
                    Error::from_name(alias),
                    Some(error),
                    "{label}: alias {alias}"
                );
            }
            assert_eq!(error.message(), e.message.text(&e.placeholders), "{label}");
            assert_eq!(error.to_string(), error.message(), "{label}");
            assert_eq!(error.description(), e.description.as_deref(), "{label}");
            assert_eq!(Some(error.http_status()), e.status, "{label}");
            assert_eq!(error.section().name(), cat.sections[s].name, "{label}");
            assert_eq!(error.reaction(), e.reaction.as_deref(), "{label}");
            assert_eq!(error.deprecation(), e.deprecated.as_deref(), "{label}");
            assert_eq!(error.is_deprecated(), e.deprecated.is_some(), "{label}");
            let names: Vec<&str> = e.placeholders.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(error.placeholders(), names, "{label}");
            assert_eq!(error.template(), expected_template(e), "{label}");
            let args = samples(e);
            let values: Vec<Value> = args.iter().map(|a| Value::from(a.clone())).collect();
            assert_eq!(
                Filled::new(error.template(), &values).to_string(),
                expected_render(e, &args),
                "{label}"
            );
            // Without values, placeholders show as `{name}`: the message itself.
            assert_eq!(
                Filled::new(error.template(), &[]).to_string(),
                error.message(),
                "{label}"
            );
            assert_eq!(
                Failure::unfilled(error).to_string(),
                error.message(),
                "{label}"
            );
        }
        assert_eq!(Section::ALL.len(), cat.sections.len());
        for (&section, s) in Section::ALL.iter().zip(&cat.sections) {
            assert_eq!(section.name(), s.name);
            assert_eq!(section.title(), s.title);
            assert_eq!(section.to_string(), s.title);
            assert_eq!(section.description(), s.description.as_deref());
            let members: Vec<_> = section.errors().iter().map(|e| e.code()).collect();
            let expected: Vec<_> = s.entries.iter().map(|e| $code(&e.code)).collect();
            assert_eq!(members, expected, "{NAME} section {}", s.name);
        }
        assert_eq!(Error::from_code($unknown), None);
        assert_eq!(
            Error::try_from($unknown),
            Err(UnknownCode { catalog: NAME })
        );
        assert_eq!(
            "NO_SUCH_ERROR".parse::<Error>(),
            Err(UnknownName { catalog: NAME })
        );
    }};
}

#[test]
fn game_account_matches_its_catalog() {
    check_module!(game_account, code: string, unknown: "NO_SUCH_DETAIL");
}

#[test]
fn item_market_matches_its_catalog() {
    check_module!(item_market, code: string, unknown: "NO_SUCH_CODE");
}

#[test]
fn exchange_matches_its_catalog() {
    check_module!(exchange, code: integer, unknown: 400999);
}

#[test]
fn mixin_matches_its_catalog() {
    check_module!(mixin, code: integer, unknown: 20124);
}

#[test]
fn exchange_alias_resolves_to_the_first_row() {
    use errcat_catalogs::exchange::Error;
    let forbidden = Error::from_code(400403).unwrap();
    assert_eq!(forbidden, Error::ForbiddenError);
    assert_eq!("PERMISSION_DENIED_ERROR".parse::<Error>(), Ok(forbidden));
    assert_eq!(Error::from_name("FORBIDDEN_ERROR"), Some(forbidden));
    assert_eq!(Error::PermissionDeniedError, forbidden);
    assert_eq!(forbidden.name(), "FORBIDDEN_ERROR");
    assert_eq!(forbidden.aliases(), ["PERMISSION_DENIED_ERROR"]);
    assert_eq!(forbidden.to_string(), "Forbidden Error");
    assert_eq!(forbidden.http_status(), 400);
    assert_eq!(u32::from(forbidden), 400403);
    // The first three digits of every code are its status.
    for e in Error::ALL {
        assert_eq!(u32::from(e.http_status()), e.code() / 1000, "{}", e.code());
    }
}

#[test]
fn mixin_placeholders_are_filled_from_typed_values() {
    use errcat_catalogs::mixin::{Error, Failure, Plain, Section, values};
    let sms = Error::from_code(10003).unwrap();
    assert_eq!(sms, Error::SmsDeliveryFailed);
    assert_eq!(sms.message(), "Failed to deliver SMS to {phone}.");
    assert_eq!(sms.placeholders(), ["phone"]);
    let filled = Failure::from(values::SmsDeliveryFailed {
        phone: "+8613800138000".into(),
    });
    assert_eq!(
        filled.to_string(),
        "Failed to deliver SMS to +8613800138000."
    );
    assert_eq!(filled.error(), sms);
    assert_eq!(
        Failure::from(values::InvalidPhoneNumber {
            phone: String::from("+4915100000000").into()
        })
        .to_string(),
        "Invalid phone number +4915100000000"
    );
    assert_eq!(
        Failure::from(values::PrivateKeyMissing {
            chain: "XYZ".into()
        })
        .to_string(),
        "Private key for XYZ missing."
    );
    let pool = Failure::from(values::InsufficientPool {
        asset_id: "c6d0c728-2624-429b-8e0d-d9d19b6592fa".into(),
    });
    assert_eq!(
        pool.to_string(),
        "Insufficient c6d0c728-2624-429b-8e0d-d9d19b6592fa pool"
    );
    // Sent without its values, deliberately: the placeholder shows as its name.
    assert_eq!(
        Failure::unfilled(Error::InsufficientPool).to_string(),
        "Insufficient {asset_id} pool"
    );
    assert_eq!(
        Failure::from(Plain::TooManyApps).to_string(),
        "You have created too many apps, the maximum is 10."
    );
    assert_eq!(Error::InsufficientBalance.http_status(), 202);
    assert_eq!(Error::BlazeServerError.http_status(), 500);
    assert_eq!(Error::BlazeServerError.section(), Section::ServerError);
}

#[test]
fn item_market_retryable_follows_the_section() {
    use errcat_catalogs::item_market::{Error, Section};
    for e in Error::ALL {
        let expected = match e.section() {
            Section::Retryable => Some(true),
            Section::NonRetryable => Some(false),
            Section::Http => None,
            other => panic!("unexpected section {other:?}"),
        };
        assert_eq!(e.retryable(), expected, "{}", e.code());
    }
    assert_eq!(Error::Maintenance.retryable(), Some(true));
    assert_eq!(Error::Maintenance.http_status(), 500);
    assert_eq!(Error::BadRequest.retryable(), Some(false));
    assert_eq!(Error::BadRequest.http_status(), 406);
    let http = Error::from_code("HTTP_BAD_REQUEST").unwrap();
    assert_eq!(http.retryable(), None);
    assert_eq!(http.http_status(), 400);
    assert_eq!(
        errcat_catalogs::item_market::Failure::from(
            errcat_catalogs::item_market::values::IllegalState {
                error_message: "market closed".into()
            }
        )
        .to_string(),
        "Illegal state: market closed"
    );
    assert_eq!(
        Error::IllegalState.message(),
        "Illegal state: {error_message}"
    );
}

#[test]
fn game_account_groups_and_relayed_message() {
    use errcat_catalogs::game_account::{Error, Section};
    let etc = Error::from_code("ETC").unwrap();
    assert_eq!(etc, Error::Etc);
    assert_eq!(etc.http_status(), 505);
    assert_eq!(
        errcat_catalogs::game_account::Failure::from(errcat_catalogs::game_account::values::Etc {
            relayed_message: "error on loadAccount".into()
        })
        .to_string(),
        "ETC : error on loadAccount"
    );
    assert_eq!(Error::MissingParameter.message(), "Bad request");
    assert_eq!(Error::MissingParameter.section(), Section::BadRequest);
    assert_eq!(Error::SessionExpired.http_status(), 401);
    assert_eq!(
        Error::Unknown.to_string(),
        "Unknown error has occurred.\nPlease try it later."
    );
    assert_eq!(
        Section::Unauthorized.errors(),
        [
            Error::UnknownUser,
            Error::DisabledAccount,
            Error::SessionExpired
        ]
    );
}
