//! The API generated from real error tables (errcat-build's `tables` fixture, with every
//! integration on): a payment API's decline codes as string minor codes, Google's bodies that
//! name the error and carry a `details` list the catalog does not model, a database's SQLSTATE
//! codes without HTTP statuses, and OAuth 2.0's optional `error_uri`.

use errcat::{CodeRef, Raised};
use errcat_example_build_script::tables::{google_rpc as google, oauth, payments, sqlstate};
use serde_json::{Value as Json, json};

/// Reads `json` as a body, writes it back, and checks both that the JSON is the same value and
/// that the body read from what was written is the same body.
fn round_trip<B>(json: &Json) -> B
where
    B: errcat::wire::serde::Serialize
        + errcat::wire::serde::de::DeserializeOwned
        + PartialEq
        + std::fmt::Debug,
{
    let body: B = serde_json::from_value(json.clone()).unwrap();
    let written = serde_json::to_string(&body).unwrap();
    assert_eq!(&serde_json::from_str::<Json>(&written).unwrap(), json);
    assert_eq!(serde_json::from_str::<B>(&written).unwrap(), body);
    body
}

#[test]
fn string_minor_codes_are_typed_and_looked_up_by_their_text() {
    use payments::minor::CardDeclined;
    let m = CardDeclined::from_code("insufficient_funds").unwrap();
    assert_eq!(m, CardDeclined::InsufficientFunds);
    assert_eq!(m.code(), "insufficient_funds");
    assert_eq!(
        m.detail(),
        Some("The card has insufficient funds to complete the purchase.")
    );
    assert_eq!(
        payments::Minor::from(m).to_string(),
        "The card has insufficient funds to complete the purchase."
    );
    assert_eq!(CardDeclined::ERROR, payments::Error::CardDeclined);
    assert_eq!(CardDeclined::ALL.len(), 4);
    assert_eq!(CardDeclined::from_code("INSUFFICIENT_FUNDS"), None);
    assert_eq!(
        payments::Minor::from_codes(payments::Error::CardDeclined, "lost_card"),
        Some(payments::Minor::CardDeclined(CardDeclined::LostCard))
    );
    assert_eq!(
        payments::Minor::from_codes(payments::Error::ExpiredCard, "lost_card"),
        None
    );
    assert_eq!(
        payments::Minor::from(CardDeclined::StolenCard).code(),
        "stolen_card"
    );

    let known = payments::Detailed::from_wire("card_declined", "generic_decline").unwrap();
    assert_eq!(
        known.minor(),
        Some(payments::Minor::CardDeclined(CardDeclined::GenericDecline))
    );
    assert_eq!(known.to_wire(), ("card_declined", "generic_decline"));
    assert_eq!(
        known.to_string(),
        "The card has been declined.: The card was declined for an unknown reason."
    );
    // A decline code the catalog does not list is kept, not rejected.
    let unknown = payments::Detailed::from_wire("card_declined", "do_not_honor").unwrap();
    assert_eq!(unknown.minor(), None);
    assert_eq!(unknown.minor_code(), "do_not_honor");
    assert_eq!(
        unknown.to_string(),
        "The card has been declined. (minor do_not_honor)"
    );
    assert!(payments::Detailed::from_wire("card_stolen", "lost_card").is_err());
}

#[test]
fn string_minor_codes_travel_as_strings_and_read_back() {
    let failure =
        payments::Failure::from(payments::Plain::CardDeclined).with_minor("insufficient_funds");
    assert_eq!(failure.minor_code(), Some("insufficient_funds"));
    assert_eq!(
        Raised::minor_code(&failure),
        Some(CodeRef::String("insufficient_funds"))
    );
    let body = failure.body();
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"error": {
            "type": "card_error",
            "code": "card_declined",
            "decline_code": "insufficient_funds",
            "message": "The card has been declined."
        }})
    );
    let back: payments::Body = round_trip(&serde_json::to_value(&body).unwrap());
    assert_eq!(back, body);
    assert_eq!(back.failure(), Some(failure.clone()));
    assert_eq!(
        back.detailed().and_then(|d| d.minor()),
        Some(payments::Minor::CardDeclined(
            payments::minor::CardDeclined::InsufficientFunds
        ))
    );
    // The problem document carries the minor code as a string too.
    let problem = serde_json::to_value(errcat::Problem(failure)).unwrap();
    assert_eq!(problem["minor"], "insufficient_funds");
    assert_eq!(problem["code"], "card_declined");

    // A body as the API sends it: its own wording, fields the shape does not name, and an
    // unlisted decline code, all kept or ignored as documented.
    let sent = br#"{"error": {"code": "card_declined", "decline_code": "do_not_honor",
        "doc_url": "https://docs.stripe.com/error-codes#card-declined",
        "message": "Your card was declined.", "type": "card_error"}}"#;
    let body = payments::Body::from_http(402, sent).unwrap();
    assert_eq!(body.error(), Some(payments::Error::CardDeclined));
    assert_eq!(body.minor.as_deref(), Some("do_not_honor"));
    assert_eq!(body.detailed().unwrap().minor(), None);
    assert_eq!(body.message, "Your card was declined.");
    // Without the optional decline code the body reads all the same.
    let bare = payments::Body::from_json(
        br#"{"error": {"type": "card_error", "code": "expired_card", "message": "The card has expired."}}"#,
    )
    .unwrap();
    assert_eq!(bare.error(), Some(payments::Error::ExpiredCard));
    assert_eq!(bare.minor, None);
}

/// Bodies in the shape of Google's API error model (`google.rpc.Status` in an `error`
/// envelope): the HTTP status as `code`, the error's name as `status`, and `details`, a list of
/// `google.rpc` messages (`ErrorInfo`, `BadRequest`, `Help`) that the catalog does not model.
fn google_bodies() -> Vec<Json> {
    vec![
        json!({"error": {
            "code": 403,
            "message": "Cloud Pub/Sub API has not been used in project 123 before or it is disabled.",
            "status": "PERMISSION_DENIED",
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "API_DISABLED",
                    "domain": "googleapis.com",
                    "metadata": {"resource": "projects/123", "service": "pubsub.googleapis.com"}
                },
                {
                    "@type": "type.googleapis.com/google.rpc.Help",
                    "links": [{
                        "description": "Google developers console API activation",
                        "url": "https://console.developers.google.com/apis/api/pubsub.googleapis.com/overview?project=123"
                    }]
                }
            ]
        }}),
        json!({"error": {
            "code": 400,
            "message": "Invalid value at 'contact.email_addresses[0].email'.",
            "status": "INVALID_ARGUMENT",
            "details": [{
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [
                    {"field": "emailAddresses[0].email", "description": "Not an email address.", "reason": "INVALID_EMAIL"},
                    {"field": "fullName", "description": "Must not be empty."}
                ]
            }]
        }}),
        json!({"error": {
            "code": 429,
            "message": "Quota exceeded.",
            "status": "RESOURCE_EXHAUSTED",
            "details": [{
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "RATE_LIMIT_EXCEEDED",
                "domain": "googleapis.com",
                "metadata": {"quota_limit_value": "60", "consumer": "projects/123"}
            }, {
                "@type": "type.googleapis.com/google.rpc.RetryInfo",
                "retryDelay": "30s"
            }]
        }}),
        // No details at all: absent, and absent again when written back.
        json!({"error": {"code": 404, "message": "Book not found.", "status": "NOT_FOUND"}}),
        // Details that are present but `null` stay `null`.
        json!({"error": {"code": 503, "message": "Try again.", "status": "UNAVAILABLE", "details": null}}),
    ]
}

#[test]
fn name_keyed_bodies_read_back_to_the_typed_error_and_round_trip() {
    let expected = [
        (google::Error::PermissionDenied, 403),
        (google::Error::InvalidArgument, 400),
        (google::Error::ResourceExhausted, 429),
        (google::Error::NotFound, 404),
        (google::Error::Unavailable, 503),
    ];
    for (json, (error, status)) in google_bodies().iter().zip(expected) {
        let body: google::Body = round_trip(json);
        assert_eq!(body.error(), Some(error), "{json}");
        assert_eq!(body.status, status);
        assert_eq!(body.name, error.name());
        assert_eq!(
            body.details.as_ref(),
            json["error"].get("details"),
            "{json}"
        );
        // The typed error of the body: the code's failure, with the sender's status.
        let failure = body.failure().unwrap();
        assert_eq!(failure.error(), error);
        // Read through `from_http` and `Failure` too.
        let bytes = serde_json::to_vec(json).unwrap();
        assert_eq!(google::Body::from_http(status, &bytes).unwrap(), body);
        let failure: google::Failure = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(failure.error(), error);
    }
    let first: google::Body = serde_json::from_value(google_bodies().remove(0)).unwrap();
    assert_eq!(
        first.details.unwrap()[0]["metadata"]["service"],
        "pubsub.googleapis.com"
    );
}

#[test]
fn a_name_the_catalog_does_not_list_is_kept() {
    let json =
        json!({"error": {"code": 400, "message": "New.", "status": "NEW_STATUS", "details": []}});
    let body: google::Body = round_trip(&json);
    assert_eq!(body.error(), None);
    assert_eq!(body.failure(), None);
    assert_eq!(body.name, "NEW_STATUS");
    let e = serde_json::from_value::<google::Failure>(json).unwrap_err();
    assert_eq!(
        e.to_string(),
        "error NEW_STATUS is not listed by catalog google_rpc, or its message is not the catalog's"
    );
    // A body without the name is not the documented shape.
    let e = google::Body::from_json(br#"{"error": {"code": 400, "message": "x"}}"#).unwrap_err();
    assert_eq!(e.kind(), errcat::wire::BodyErrorKind::Shape);
}

#[test]
fn a_name_keyed_body_built_here_is_sent_in_the_same_shape() {
    let mut body = google::Body::from(google::Failure::from(google::Plain::NotFound));
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"error": {"code": 404, "message": "A specified resource is not found.", "status": "NOT_FOUND"}})
    );
    body.details = Some(
        json!([{"@type": "type.googleapis.com/google.rpc.ResourceInfo", "resourceName": "shelves/1/books/2"}]),
    );
    let back: google::Body = round_trip(&serde_json::to_value(&body).unwrap());
    assert_eq!(back, body);
    // The problem document of a known error carries its code.
    let problem = serde_json::to_value(errcat::Problem(body)).unwrap();
    assert_eq!(
        (problem["status"].clone(), problem["code"].clone()),
        (json!(404), json!(5))
    );
}

#[test]
fn sqlstate_codes_are_strings_without_status() {
    let e = sqlstate::Error::from_code("22012").unwrap();
    assert_eq!(e, sqlstate::Error::DivisionByZero);
    assert_eq!(e.name(), "ERRCODE_DIVISION_BY_ZERO");
    assert_eq!(e.severity(), sqlstate::Severity::E);
    assert_eq!(e.condition(), Some("division_by_zero"));
    assert_eq!(
        sqlstate::Error::from_code("00000"),
        Some(sqlstate::Error::SuccessfulCompletion)
    );
    let json = json!({"code": "22012", "message": "Division by zero."});
    let body: sqlstate::Body = round_trip(&json);
    assert_eq!(body.error(), Some(e));
    assert_eq!(body, sqlstate::Body::new(e));
}

#[test]
fn an_optional_field_is_absent_not_null_and_parses_both_ways() {
    let with = json!({"error": "invalid_grant", "error_description": "Expired.", "error_uri": "https://example.com/help"});
    let body: oauth::Body = round_trip(&with);
    assert_eq!(body.error_uri.as_deref(), Some("https://example.com/help"));
    let without = json!({"error": "invalid_grant", "error_description": "Expired."});
    let body: oauth::Body = round_trip(&without);
    assert_eq!(body.error_uri, None);
    assert_eq!(body.error(), Some(oauth::Error::InvalidGrant));
}
