//! The error bodies on the wire: the JSON examples of the source documents (`tests/wire/`)
//! parse into the typed bodies and serialize back to the same JSON; every code of every catalog
//! round-trips; unknown codes and fields are kept and ignored; broken bodies are told apart.

use errcat::Problem;
use errcat::status::http;
use errcat::wire::BodyErrorKind;
use errcat_catalogs::{exchange, game_account, item_market, messenger, mixin};
use serde_json::{Value, json};

fn fixture(name: &str) -> (Vec<u8>, Value) {
    let path = format!("{}/tests/wire/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    (bytes, value)
}

#[test]
fn game_account_example_parses_into_the_typed_error_and_back() {
    let (bytes, value) = fixture("game_account");
    let body = game_account::Body::from_json(&bytes).unwrap();
    assert_eq!(body.error(), Some(game_account::Error::LackOfPoc));
    assert_eq!(body.status, 400);
    assert_eq!(body.return_message.as_deref(), Some("BAD REQUEST"));
    assert_eq!(body.message, "Insufficient amount of POC.");
    assert_eq!(serde_json::to_value(&body).unwrap(), value);
    // The catalog alone produces the document's example: status, group message and message.
    assert_eq!(
        serde_json::to_value(game_account::Body::new(game_account::Error::LackOfPoc)).unwrap(),
        value
    );
}

#[test]
fn mixin_example_keeps_the_senders_text() {
    let (bytes, value) = fixture("mixin");
    let body = mixin::Body::from_json(&bytes).unwrap();
    assert_eq!(body.error(), Some(mixin::Error::InternalServerError));
    assert_eq!(body.status, 500);
    // The example's description has no final period; the catalog's message has one.
    assert_eq!(body.message, "Internal Server Error");
    assert_ne!(body.message, mixin::Error::InternalServerError.message());
    assert_eq!(serde_json::to_value(&body).unwrap(), value);
}

#[test]
fn item_market_example_has_an_unlisted_code_that_is_kept() {
    let (bytes, value) = fixture("item_market");
    let body = item_market::Body::from_http(500, &bytes).unwrap();
    assert_eq!(body.error(), None);
    assert_eq!(
        body.code,
        item_market::Code::Unknown("INVALID_APP_CREDENTIAL".into())
    );
    assert_eq!(body.code.as_str(), "INVALID_APP_CREDENTIAL");
    assert_eq!(body.message, "App id & secret is not valid");
    assert_eq!(body.status, 500);
    assert_eq!(serde_json::to_value(&body).unwrap(), value);
    // The strict reading, into the owned error, refuses it and names the code.
    let err = serde_json::from_slice::<item_market::Failure>(&bytes).unwrap_err();
    assert!(err.to_string().contains("INVALID_APP_CREDENTIAL"), "{err}");
}

#[test]
fn every_code_of_every_catalog_round_trips() {
    /// Each code's body, and each code as an owned error without values, which reads back as
    /// the same (its placeholders shown as `{name}` read as absent).
    macro_rules! check {
        ($module:ident) => {{
            let all = $module::Error::ALL;
            assert!(!all.is_empty());
            for &error in all {
                let body = $module::Body::new(error);
                let json = serde_json::to_vec(&body).unwrap();
                let back: $module::Body = serde_json::from_slice(&json).unwrap();
                assert_eq!(back, body);
                let failure = $module::Failure::unfilled(error);
                assert_eq!(serde_json::to_vec(&failure).unwrap(), json, "{error:?}");
                let read = serde_json::from_slice::<$module::Failure>(&json).unwrap();
                assert_eq!(read, failure);
                assert!(read.values().iter().all(|v| v.is_absent()), "{error:?}");
            }
        }};
    }
    check!(game_account);
    check!(item_market);
    check!(exchange);
    check!(mixin);
    check!(messenger);

    // Reading a response gives the same typed error and keeps the status.
    for &e in mixin::Error::ALL {
        let json = serde_json::to_vec(&mixin::Body::new(e)).unwrap();
        let body = mixin::Body::from_http(e.http_status(), &json).unwrap();
        assert_eq!((body.error(), body.status), (Some(e), e.http_status()));
    }
    for &e in exchange::Error::ALL {
        let json = serde_json::to_vec(&exchange::Body::new(e)).unwrap();
        let body = exchange::Body::from_http(e.http_status(), &json).unwrap();
        assert_eq!((body.error(), body.status), (Some(e), e.http_status()));
    }
}

#[test]
fn the_shapes_of_the_undocumented_bodies_are_the_catalogs_choice() {
    assert_eq!(
        serde_json::to_value(exchange::Failure::from(
            exchange::Plain::InsufficientBalanceError
        ))
        .unwrap(),
        json!({"code": 400014, "message": "Insufficient Balance Error"})
    );
    let body = messenger::Body::new(messenger::Error::FloodRequest).with_wait(30);
    assert!(messenger::Error::FloodRequest.wait_parameter());
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({
            "action": 0,
            "major_code": 10,
            "name": "FLOOD_REQUEST",
            "message": "You have exceeded the number of requests allowed",
            "wait": 30
        })
    );
    let minor = messenger::minor::UserRegisterBadPayload::ALL[1];
    let body = messenger::Body::from(messenger::Detailed::from(messenger::Minor::from(minor)));
    let value = serde_json::to_value(&body).unwrap();
    assert_eq!(value["major_code"], 100);
    assert_eq!(value["minor_code"], minor.code());
    assert!(value.get("wait").is_none(), "{value}");
    let back = messenger::Body::from_json(value.to_string().as_bytes()).unwrap();
    assert_eq!(back.detailed().and_then(|d| d.detail()), minor.detail());
}

#[test]
fn unknown_fields_are_ignored_and_unknown_codes_kept() {
    let (_, mut value) = fixture("game_account");
    value["traceId"] = json!("7f3a");
    value["detail"] = json!("SOMETHING_NEW");
    let body = game_account::Body::from_json(value.to_string().as_bytes()).unwrap();
    assert_eq!(body.error(), None);
    assert_eq!(body.code.to_string(), "SOMETHING_NEW");
    let back = serde_json::to_value(&body).unwrap();
    value.as_object_mut().unwrap().remove("traceId");
    assert_eq!(back, value);

    let json = br#"{"error": {"status": 202, "code": 99999, "description": "New.", "x": [1]}}"#;
    let body = mixin::Body::from_json(json).unwrap();
    assert_eq!(body.code, mixin::Code::Unknown(99999));
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"error": {"status": 202, "code": 99999, "description": "New."}})
    );

    let json =
        br#"{"action": 0, "major_code": 77777, "minor_code": 3, "name": "NEW", "message": "m"}"#;
    let body = messenger::Body::from_json(json).unwrap();
    assert_eq!(body.code.value(), 77777);
    assert_eq!(body.detailed(), None);
    // A code the catalog does not know gets the catalog's default status.
    assert_eq!(body.status, 500);
    let value: Value = serde_json::from_slice(json).unwrap();
    assert_eq!(serde_json::to_value(&body).unwrap(), value);
}

#[test]
fn broken_bodies_say_what_is_wrong() {
    for not_json in [&b""[..], b"<html>Bad Gateway</html>", b"{\"code\": "] {
        let err = item_market::Body::from_http(502, not_json).unwrap_err();
        assert_eq!(err.kind(), BodyErrorKind::NotJson, "{err}");
        assert_eq!(err.status(), Some(502));
        assert_eq!(err.catalog(), "item_market");
        assert!(
            err.to_string()
                .starts_with("item_market: the HTTP 502 response body is not JSON")
        );
    }
    let cases: &[(&[u8], &str)] = &[
        (br#"{"message": "no code"}"#, "missing field `code`"),
        (
            br#"{"code": 5, "message": "x"}"#,
            "field `code`: invalid type: integer `5`, expected a string",
        ),
        (br#"["code", "message"]"#, "expected a JSON object"),
    ];
    for (json, says) in cases {
        let err = item_market::Body::from_json(json).unwrap_err();
        assert_eq!(err.kind(), BodyErrorKind::Shape, "{err}");
        assert!(err.to_string().contains(says), "{err}");
        assert!(std::error::Error::source(&err).is_some());
    }
    // No envelope: the fields at the top level are not mixin's shape.
    let err = mixin::Body::from_json(br#"{"status": 202, "code": 20117, "description": "x"}"#)
        .unwrap_err();
    assert!(err.to_string().contains("missing field `error`"), "{err}");
    // A constant field with another value is another message, not an error body.
    let err = messenger::Body::from_json(
        br#"{"action": 5, "major_code": 1, "name": "BAD_REQUEST", "message": "m"}"#,
    )
    .unwrap_err();
    assert_eq!(err.kind(), BodyErrorKind::Shape);
    assert!(err.to_string().contains("field `action` is not 0"), "{err}");
}

#[test]
fn a_status_that_disagrees_with_the_code_is_kept_not_rejected() {
    // item_market's body has no status: the response's is kept.
    let json =
        serde_json::to_vec(&item_market::Failure::from(item_market::Plain::NotFound)).unwrap();
    let body = item_market::Body::from_http(500, &json).unwrap();
    assert_eq!(body.error(), Some(item_market::Error::NotFound));
    assert_eq!(item_market::Error::NotFound.http_status(), 406);
    assert_eq!(body.status, 500);
    // game_account's body says its status itself (`returncode`), which is what counts.
    let (bytes, _) = fixture("game_account");
    let body = game_account::Body::from_http(200, &bytes).unwrap();
    assert_eq!(
        (body.status, body.error()),
        (400, Some(game_account::Error::LackOfPoc))
    );
}

#[test]
fn filled_messages_and_their_values_go_on_the_wire_and_back() {
    let sms = mixin::Failure::from(mixin::values::SmsDeliveryFailed {
        phone: "+8613800138000".into(),
    });
    let value = serde_json::to_value(&sms).unwrap();
    assert_eq!(
        value,
        json!({"error": {"status": 202, "code": 10003, "description": "Failed to deliver SMS to +8613800138000."}})
    );
    // The client reads the values back out of the message.
    let back: mixin::Failure = serde_json::from_value(value).unwrap();
    assert_eq!(back, sms);
    assert_eq!(
        back.value("phone").and_then(|v| v.as_str()),
        Some("+8613800138000")
    );

    let state = item_market::Failure::from(item_market::values::IllegalState {
        error_message: "market closed".into(),
    });
    let body = item_market::Body::from(state.clone());
    assert_eq!(body.message, "Illegal state: market closed");
    assert_eq!(body.to_string(), "Illegal state: market closed");
    assert_eq!(body.failure(), Some(state));
    // A message the catalog's template does not give (a newer wording): the body keeps the
    // text, and there is no failure to read values from.
    let reworded = item_market::Body {
        message: "Illegal state now: market closed".into(),
        ..body
    };
    assert_eq!(reworded.failure(), None);
    // Without placeholders, the message stays the catalog's static text.
    let body = mixin::Failure::from(mixin::Plain::InsufficientBalance).body();
    assert!(matches!(
        body.message,
        std::borrow::Cow::Borrowed("Insufficient balance.")
    ));
    // Messenger's run-time wait parameter and minor code travel with the owned error.
    let flood = messenger::Failure::from(messenger::Plain::FloodRequest)
        .with_wait(30)
        .with_minor(1);
    let json = serde_json::to_vec(&flood).unwrap();
    let back = messenger::Body::from_json(&json)
        .unwrap()
        .failure()
        .unwrap();
    assert_eq!((back.wait(), back.minor_code()), (Some(30), Some(1)));
    assert_eq!(back, flood);
}

#[test]
fn codes_serialize_alone_as_the_wire_writes_them() {
    assert_eq!(
        serde_json::to_value(mixin::Code::from(mixin::Error::InsufficientBalance)).unwrap(),
        json!(20117)
    );
    assert_eq!(
        serde_json::from_value::<mixin::Code>(json!(20117)).unwrap(),
        mixin::Code::Known(mixin::Error::InsufficientBalance)
    );
    assert_eq!(
        serde_json::from_value::<mixin::Code>(json!(-1)).unwrap(),
        mixin::Code::Unknown(-1)
    );
    assert_eq!(
        serde_json::from_value::<game_account::Code>(json!("ETC")).unwrap(),
        game_account::Code::Known(game_account::Error::Etc)
    );
}

#[test]
fn status_codes_are_the_documented_ones() {
    let mut checked = 0;
    for &e in messenger::Error::ALL {
        assert_eq!(e.status_code().as_u16(), e.http_status());
        checked += 1;
    }
    for &e in game_account::Error::ALL {
        assert_eq!(e.status_code().as_u16(), e.http_status());
        checked += 1;
    }
    assert!(checked > 565);
    assert_eq!(
        game_account::Error::Unknown.status_code(),
        http::StatusCode::HTTP_VERSION_NOT_SUPPORTED
    );
    assert_eq!(
        mixin::Error::InsufficientBalance.status_code(),
        http::StatusCode::ACCEPTED
    );
    let mut body = mixin::Body::new(mixin::Error::InsufficientBalance);
    body.status = 42;
    assert_eq!(body.status_code(), http::StatusCode::INTERNAL_SERVER_ERROR);
}

#[test]
fn problem_documents_follow_rfc_9457() {
    assert_eq!(
        serde_json::to_value(Problem(mixin::Failure::from(
            mixin::Plain::InsufficientBalance
        )))
        .unwrap(),
        json!({
            "type": "about:blank",
            "title": "Accepted",
            "status": 202,
            "detail": "Insufficient balance.",
            "code": 20117
        })
    );
    let body = messenger::Body::new(messenger::Error::FloodRequest)
        .with_minor(2)
        .with_wait(30);
    assert_eq!(
        serde_json::to_value(Problem(body)).unwrap(),
        json!({
            "type": "about:blank",
            "title": "Internal Server Error",
            "status": 500,
            "detail": "You have exceeded the number of requests allowed",
            "code": 10,
            "minor": 2,
            "wait": 30
        })
    );
    let value = serde_json::to_value(Problem(game_account::Failure::from(
        game_account::Plain::LackOfPoc,
    )))
    .unwrap();
    assert_eq!(value["code"], "LACK_OF_POC");
    assert_eq!(value["title"], "Bad Request");
}
