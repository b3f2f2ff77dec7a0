//! The API generated from the fixture catalogs, one feature of the format at a time.

use errcat::{Piece, Value};
use errcat_example_build_script::{messenger_subset as m, shop};

#[test]
fn integer_codes_round_trip() {
    assert_eq!(m::Error::ALL.len(), 6);
    for &e in m::Error::ALL {
        assert_eq!(m::Error::from_code(e.code()), Some(e));
        assert_eq!(m::Error::from_name(e.name()), Some(e));
        assert_eq!(e.name().parse::<m::Error>(), Ok(e));
        assert_eq!(m::Error::try_from(e.code()), Ok(e));
        assert_eq!(u32::from(e), e.code());
    }
    assert_eq!(m::Error::from_code(3), None);
    assert_eq!(
        m::Error::try_from(3),
        Err(errcat::UnknownCode {
            catalog: "messenger_subset"
        })
    );
    assert!("NOPE".parse::<m::Error>().is_err());
}

#[test]
fn accessors_carry_the_catalog_values() {
    let e = m::Error::UserRegisterBadPayload;
    assert_eq!(e.code(), 100);
    assert_eq!(e.name(), "USER_REGISTER_BAD_PAYLOAD");
    assert_eq!(e.message(), "Bad payload for request #100");
    assert_eq!(e.to_string(), "Bad payload for request #100");
    assert_eq!(e.http_status(), 500);
    assert_eq!(e.section(), m::Section::User);
    assert_eq!(m::Section::User.title(), "User errors (1xx)");
    assert_eq!(
        m::Section::User.errors(),
        &[m::Error::UserRegisterBadPayload, m::Error::UserLoginFailed]
    );
    assert_eq!(m::Section::ALL.len(), 4);
}

#[test]
fn extra_columns_become_methods() {
    assert!(m::Error::FloodRequest.wait_parameter());
    assert!(!m::Error::LoginRequired.wait_parameter());
    assert!(m::Error::ClientUpdateMessageBadPayload.is_virtual());
    assert_eq!(m::Error::UserRegisterBadPayload.request(), Some(100));
    assert_eq!(m::Error::FloodRequest.request(), None);
    // Section values apply to the section's entries; defaults fill the rest.
    assert!(shop::Error::Maintenance.retryable());
    assert!(!shop::Error::Forbidden.retryable());
    assert_eq!(shop::Error::Maintenance.owner(), Some("platform"));
    assert_eq!(shop::Error::LackOfPoints.owner(), Some("storefront"));
}

#[test]
fn minor_codes_are_typed_and_unknown_minors_are_kept() {
    use m::minor::UserRegisterBadPayload as Minor100;
    assert_eq!(Minor100::ALL.len(), 3);
    assert_eq!(Minor100::from_code(2), Some(Minor100::Minor2));
    assert_eq!(Minor100::Minor2.detail(), Some("Username is invalid"));
    assert_eq!(
        m::Minor::from(Minor100::Minor2).to_string(),
        "Username is invalid"
    );
    assert_eq!(Minor100::ERROR, m::Error::UserRegisterBadPayload);
    assert_eq!(
        m::minor::MplGetTopupTokenBadPayload::from_code(1),
        Some(m::minor::MplGetTopupTokenBadPayload::ChargeMobileNumber)
    );

    let known = m::Detailed::from_wire(100, 2).unwrap();
    assert_eq!(
        known.minor(),
        Some(m::Minor::UserRegisterBadPayload(Minor100::Minor2))
    );
    assert_eq!(known.to_wire(), (100, 2));
    assert_eq!(
        known.to_string(),
        "Bad payload for request #100: Username is invalid"
    );

    let unknown = m::Detailed::from_wire(100, 99).unwrap();
    assert_eq!(unknown.minor(), None);
    assert_eq!(unknown.minor_code(), 99);
    assert_eq!(unknown.to_wire(), (100, 99));
    assert_eq!(
        unknown.to_string(),
        "Bad payload for request #100 (minor 99)"
    );

    assert!(m::Detailed::from_wire(3, 1).is_err());
    assert_eq!(
        m::Detailed::from(m::Minor::from(Minor100::Minor3)).to_wire(),
        (100, 3)
    );
}

#[test]
fn wildcard_reaction_applies_to_every_minor() {
    use m::minor::UserLoginFailed;
    assert_eq!(
        m::Error::UserLoginFailed.reaction(),
        Some("Go to registration page")
    );
    assert_eq!(
        UserLoginFailed::Minor4.detail(),
        Some("Your account is blocked")
    );
    assert_eq!(
        UserLoginFailed::Minor4.reaction(),
        Some("Go to registration page")
    );
    assert_eq!(
        m::Detailed::from_wire(111, 7).unwrap().reaction(),
        Some("Go to registration page")
    );
    assert_eq!(
        m::Minor::UserRegisterBadPayload(m::minor::UserRegisterBadPayload::Minor1).reaction(),
        None
    );
}

#[test]
#[allow(deprecated)] // uses the deprecated variant on purpose
fn string_codes_aliases_and_deprecation() {
    assert_eq!(
        shop::Error::from_code("old-token"),
        Some(shop::Error::OldToken)
    );
    assert_eq!(
        shop::Error::from_name("PERMISSION_DENIED"),
        Some(shop::Error::Forbidden)
    );
    assert_eq!(shop::Error::PermissionDenied, shop::Error::Forbidden);
    assert_eq!(shop::Error::Forbidden.aliases(), &["PERMISSION_DENIED"]);
    assert_eq!(shop::Error::Forbidden.http_status(), 403);
    assert_eq!(
        shop::Error::OldToken.deprecation(),
        Some("Replaced by FORBIDDEN in v2.")
    );
    assert!(!shop::Error::Forbidden.is_deprecated());
}

#[test]
fn placeholders_are_filled_from_typed_values() {
    let e = shop::Error::LackOfPoints;
    assert_eq!(e.message(), "Insufficient {asset} balance: {need more}.");
    assert_eq!(e.placeholders(), &["asset"]);
    assert_eq!(e.template()[0], Piece::Text("Insufficient "));
    let f = shop::Failure::from(shop::values::LackOfPoints {
        asset: "POC".into(),
    });
    assert_eq!(f.to_string(), "Insufficient POC balance: {need more}.");
    assert_eq!(f.error(), e);
    assert_eq!(f.value("asset"), Some(&Value::from("POC")));
    assert_eq!(f.value("nope"), None);
    let m = shop::Failure::from(shop::values::Maintenance {
        time: "10:00".into(),
        zone: "UTC".into(),
    });
    assert_eq!(m.to_string(), "Back at 10:00 (UTC).");
    assert_eq!(m.values(), &[Value::from("10:00"), Value::from("UTC")]);
    // Sending a code without its values is a named choice, and shows each placeholder.
    let bare = shop::Failure::unfilled(shop::Error::Maintenance);
    assert_eq!(bare.to_string(), "Back at {time} ({zone}).");
    assert_eq!(shop::Failure::plain(shop::Error::Maintenance), None);
    assert_eq!(
        shop::Failure::plain(shop::Error::Forbidden),
        Some(shop::Failure::from(shop::Plain::Forbidden))
    );
}

#[test]
#[allow(deprecated)]
fn plain_codes_convert_into_failures() {
    // Each variant names its own code, also past codes with placeholders (`OldToken` is the
    // fifth code of the catalog and the second without placeholders).
    assert_eq!(shop::Plain::Forbidden.error(), shop::Error::Forbidden);
    assert_eq!(shop::Plain::OldToken.error(), shop::Error::OldToken);
    assert_eq!(
        shop::Error::from(shop::Plain::OldToken),
        shop::Error::OldToken
    );
    assert_eq!(format!("{:?}", shop::Plain::OldToken), "OldToken");
    let f = shop::Failure::from(shop::Plain::OldToken);
    assert_eq!(f.error(), shop::Error::OldToken);
    assert_eq!(f.to_string(), "The token format is no longer accepted.");
    assert!(f.values().is_empty());
    // `?` converts a plain code into the owned error.
    fn handler() -> Result<(), shop::Failure> {
        Err(shop::Plain::Forbidden)?
    }
    assert_eq!(handler().unwrap_err().error(), shop::Error::Forbidden);
    // `Failure::plain` picks out the same codes at run time.
    for &e in shop::Error::ALL {
        assert_eq!(
            shop::Failure::plain(e).is_some(),
            e.placeholders().is_empty(),
            "{e:?}"
        );
    }
}

#[test]
fn typed_placeholders_take_their_types() {
    let f = shop::Failure::from(shop::values::InsufficientFunds {
        amount: 12.5,
        currency: "EUR".into(),
    });
    assert_eq!(f.to_string(), "Insufficient funds: 12.5 EUR requested.");
    assert_eq!(f.value("amount"), Some(&Value::Float(12.5)));
    let f = shop::Failure::from(shop::values::QuotaExceeded {
        used: 7,
        limit: 10,
        window: std::time::Duration::from_secs(3).as_secs(),
    });
    assert_eq!(f.to_string(), "Quota exceeded: 7 of 10 calls in 3.");
    assert_eq!(f.value("window"), Some(&Value::from("3".to_owned())));
    assert_eq!(f.value("used"), Some(&Value::Int(7)));
}

#[test]
fn names_are_matched_exactly_as_documented() {
    use errcat_example_build_script::names::Error;
    assert_eq!("invalid_grant".parse::<Error>(), Ok(Error::InvalidGrant));
    assert_eq!(Error::from_name("invalid_grant"), Some(Error::InvalidGrant));
    assert_eq!(Error::InvalidGrant.name(), "invalid_grant");
    assert_eq!(
        Error::from_code("invalid_client"),
        Some(Error::InvalidClient)
    );
    // Not in another case or style: the API sends the name as documented.
    assert!("INVALID_GRANT".parse::<Error>().is_err());
    assert!("invalid-grant".parse::<Error>().is_err());
    // Aliases, kebab-case or prefixed, and their constants (without the catalog's prefix).
    assert_eq!("bad-grant".parse::<Error>(), Ok(Error::InvalidGrant));
    assert_eq!(Error::BadGrant, Error::InvalidGrant);
    assert_eq!(Error::GrantInvalid, Error::InvalidGrant);
    // `strip_prefix` and `rust_name` change the Rust name only.
    assert_eq!(Error::ServerError.name(), "ERR_SERVER_ERROR");
    assert_eq!(Error::InvalidUrl.name(), "ERR_INVALIDURL");
    assert_eq!("ERR_INVALIDURL".parse::<Error>(), Ok(Error::InvalidUrl));
}

#[test]
fn enum_columns_have_their_own_type_and_required_ones_no_option() {
    use errcat_example_build_script::names::{Error, GrantKind, Retry};
    // Required: the method returns the value itself, not an `Option`.
    let kind: GrantKind = Error::InvalidGrant.grant_kind();
    assert_eq!(kind, GrantKind::Grant);
    assert_eq!(Error::InvalidClient.grant_kind(), GrantKind::Client);
    // Not required and without a default: `None` where a code has no value.
    assert_eq!(Error::InvalidGrant.retry(), Some(Retry::Never));
    assert_eq!(Error::InvalidUrl.retry(), None);
    // Display and FromStr as the catalog writes the values.
    assert_eq!(GrantKind::Server.to_string(), "server");
    assert_eq!("client".parse::<GrantKind>(), Ok(GrantKind::Client));
    let err = "Client".parse::<GrantKind>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown value of column `grant_kind` for catalog names"
    );
    assert_eq!(
        GrantKind::ALL,
        [GrantKind::Client, GrantKind::Grant, GrantKind::Server]
    );
}
