//! A catalog without HTTP statuses (`socket`, a socket protocol) in the same generated file as
//! catalogs with them, all generated with the axum integration: the statusless one has no
//! `http_status()`, no `status_code()`, no problem document and no `IntoResponse` (the
//! compile-fail test `no_status_without_http` proves they do not compile), and keeps
//! everything else; the others keep their statuses and HTTP integration.

use errcat::{ErrorCode, HttpStatus, Raised};
use errcat_example_build_script::{shop, socket};

#[test]
fn a_statusless_catalog_has_codes_minors_and_values() {
    let e = socket::Error::BadFrame;
    assert_eq!(e.code(), 1);
    assert_eq!(e.name(), "BAD_FRAME");
    assert!(e.fatal());
    assert_eq!(
        socket::Error::from_code(10),
        Some(socket::Error::NotAuthenticated)
    );
    assert_eq!(
        socket::Section::Session.errors(),
        &[socket::Error::NotAuthenticated]
    );
    assert_eq!(
        socket::minor::BadFrame::from_code(2).map(|m| socket::Minor::from(m).to_string()),
        Some("The checksum does not match".to_owned())
    );
    let f = socket::Failure::from(socket::values::UnknownCommand {
        command: "PNIG".into(),
    });
    assert_eq!(f.to_string(), "Unknown command PNIG.");
    assert_eq!(Raised::error(&f), socket::Error::UnknownCommand);
}

#[test]
fn generic_code_sees_the_status_only_where_there_is_one() {
    fn catalog_of<E: ErrorCode>(e: E) -> (&'static str, &'static str) {
        (E::CATALOG, e.name())
    }
    fn status_of<E: HttpStatus>(e: E) -> u16 {
        e.http_status()
    }
    assert_eq!(catalog_of(socket::Error::BadFrame), ("socket", "BAD_FRAME"));
    assert_eq!(status_of(shop::Error::Forbidden), 403);
    assert_eq!(shop::Error::Forbidden.status_code().as_u16(), 403);
    assert_eq!(
        shop::Failure::from(shop::Plain::Forbidden).http_status(),
        403
    );
}

#[test]
fn the_other_catalogs_of_the_file_keep_their_http_integration() {
    fn responds<T: axum::response::IntoResponse>(_: T) {}
    responds(shop::Failure::from(shop::Plain::Forbidden));
    responds(errcat::Problem(shop::Failure::from(shop::Plain::Forbidden)));
    let response =
        axum::response::IntoResponse::into_response(shop::Failure::from(shop::Plain::Forbidden));
    assert_eq!(response.status().as_u16(), 403);
}

#[test]
fn a_statusless_body_is_its_wire_shape_and_reads_back() {
    let f = socket::Failure::from(socket::Plain::BadFrame).with_minor(2);
    let body = f.body();
    let json = serde_json::to_string(&body).unwrap();
    assert_eq!(
        json,
        r#"{"error":{"code":1,"text":"The frame could not be decoded.","sub":2}}"#
    );
    let back = socket::Body::from_json(json.as_bytes()).unwrap();
    assert_eq!(back, body);
    assert_eq!(back.failure(), Some(f));
    assert_eq!(
        back.detailed().and_then(|d| d.detail()),
        Some("The checksum does not match")
    );
    // A body without the optional minor code reads all the same.
    let bare =
        socket::Body::from_json(br#"{"error":{"code":10,"text":"Authenticate first."}}"#).unwrap();
    assert_eq!(bare.error(), Some(socket::Error::NotAuthenticated));
    assert_eq!(bare.minor, None);
}
