//! The example server's router on 127.0.0.1 (an ephemeral port), called with a real HTTP
//! client: every code of every catalog comes back with its documented status, content type and
//! body, and reads back into the same typed error. Bounded by a timeout; loopback only.

use std::time::Duration;

use errcat_catalogs::{exchange, game_account, item_market, messenger, mixin};
use hyper::Method;
use serde_json::{Value, json};

#[path = "../examples/client.rs"]
#[allow(dead_code)]
mod client;
#[path = "../examples/server.rs"]
#[allow(dead_code)]
mod server;

use client::{Client, Reply};

const LIMIT: Duration = Duration::from_secs(120);

/// Starts the example router on an ephemeral loopback port; the task ends with the runtime.
async fn start() -> Client {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, server::router()).await });
    Client::connect(addr).await.unwrap()
}

fn content_type(reply: &Reply) -> &str {
    reply
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn json(reply: &Reply) -> Value {
    serde_json::from_slice(&reply.body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&reply.body)))
}

/// Every code of one catalog module, over HTTP, as its body and as a problem document: the
/// message filled with the values the service raised it with, read back into the same typed
/// error with the same values. Returns (codes, codes with placeholders) served.
macro_rules! check_catalog {
    ($client:expr, $module:ident, $raise:expr) => {{
        let client: &mut Client = $client;
        let raise: fn($module::Error) -> $module::Failure = $raise;
        let (mut count, mut filled) = (0, 0);
        for &error in $module::Error::ALL {
            let raised = raise(error);
            let path = format!("/errors/{}/{}", $module::NAME, error.code());
            let reply = client.send(Method::GET, &path).await.unwrap();
            assert_eq!(reply.status.as_u16(), error.http_status(), "{path}");
            assert_eq!(content_type(&reply), "application/json", "{path}");
            assert_eq!(
                json(&reply),
                serde_json::to_value(&raised).unwrap(),
                "{path}"
            );
            // Client side: status and bytes back to the same typed error and values.
            let body = $module::Body::from_http(reply.status.as_u16(), &reply.body).unwrap();
            assert_eq!(body.error(), Some(error), "{path}");
            assert_eq!(body.code.to_string(), error.code().to_string());
            let back = body
                .failure()
                .unwrap_or_else(|| panic!("{path}: no failure in {body:?}"));
            assert_eq!(back, raised, "{path}");
            if !error.placeholders().is_empty() {
                filled += 1;
                assert!(!body.message.contains('{'), "{path}: {}", body.message);
                assert_eq!(back.values().len(), error.placeholders().len());
                assert!(back.values().iter().all(|v| !v.is_absent()), "{path}");
            }

            let path = format!("/problems/{}/{}", $module::NAME, error.code());
            let reply = client.send(Method::GET, &path).await.unwrap();
            assert_eq!(reply.status.as_u16(), error.http_status(), "{path}");
            assert_eq!(content_type(&reply), "application/problem+json", "{path}");
            let problem = json(&reply);
            assert_eq!(problem["type"], "about:blank");
            assert_eq!(problem["status"], error.http_status());
            assert_eq!(
                problem["title"],
                error.status_code().canonical_reason().unwrap()
            );
            assert_eq!(problem["detail"], raised.to_string());
            assert_eq!(problem["code"], serde_json::to_value(error.code()).unwrap());
            count += 1;
        }
        (count, filled)
    }};
}

#[tokio::test]
async fn every_code_of_every_catalog_is_served_as_documented() {
    tokio::time::timeout(LIMIT, async {
        let mut client = start().await;
        let counts = [
            check_catalog!(&mut client, game_account, server::game_account_failure),
            check_catalog!(&mut client, item_market, server::item_market_failure),
            check_catalog!(&mut client, exchange, |e| exchange::Failure::plain(e)
                .unwrap()),
            check_catalog!(&mut client, mixin, server::mixin_failure),
            check_catalog!(&mut client, messenger, |e| messenger::Failure::plain(e)
                .unwrap()),
        ];
        let total: usize = counts.iter().map(|c| c.0).sum();
        let filled: usize = counts.iter().map(|c| c.1).sum();
        assert!(total > 600, "{total}");
        // Every code with placeholders of the bundled catalogs: 1 + 2 + 0 + 4 + 0.
        assert_eq!(filled, 7, "{counts:?}");
    })
    .await
    .expect("the test took too long");
}

#[tokio::test]
async fn the_readme_handler_gives_the_readme_response() {
    tokio::time::timeout(LIMIT, async {
        let mut client = start().await;
        let reply = client.send(Method::POST, "/withdraw").await.unwrap();
        assert_eq!(reply.status, hyper::StatusCode::ACCEPTED);
        let text = r#"{"error":{"status":202,"code":20117,"description":"Insufficient balance."}}"#;
        assert_eq!(&reply.body[..], text.as_bytes());

        let reply = client
            .send(Method::POST, "/sms/+8613800138000")
            .await
            .unwrap();
        assert_eq!(reply.status, hyper::StatusCode::ACCEPTED);
        assert_eq!(content_type(&reply), "application/json");
        let text = r#"{"error":{"status":202,"code":10003,"description":"Failed to deliver SMS to +8613800138000."}}"#;
        assert_eq!(&reply.body[..], text.as_bytes());
        assert_eq!(
            reply.headers.get(hyper::header::CONTENT_LENGTH).unwrap(),
            &text.len().to_string()
        );
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        assert!(readme.contains(text), "README shows another body");
        assert!(readme.contains(&format!("content-length: {}", text.len())));
    })
    .await
    .expect("the test took too long");
}

#[tokio::test]
async fn run_time_values_and_rendered_messages_go_over_http() {
    tokio::time::timeout(LIMIT, async {
        let mut client = start().await;

        let reply = client.send(Method::GET, "/messenger/flood").await.unwrap();
        assert_eq!(reply.status.as_u16(), 500);
        assert_eq!(json(&reply)["wait"], 30);
        let body = messenger::Body::from_http(500, &reply.body).unwrap();
        assert_eq!(
            (body.error(), body.wait),
            (Some(messenger::Error::FloodRequest), Some(30))
        );
        assert_eq!(body.failure().unwrap().wait(), Some(30));

        // A documented minor code, and one the catalog does not list: both kept.
        for minor in [2, 99] {
            let path = format!("/messenger/register/{minor}");
            let reply = client.send(Method::GET, &path).await.unwrap();
            let body = messenger::Body::from_http(500, &reply.body).unwrap();
            let detailed = body.detailed().unwrap();
            assert_eq!(detailed.error(), messenger::Error::UserRegisterBadPayload);
            assert_eq!(detailed.minor_code(), minor);
            assert_eq!(detailed.minor().is_some(), minor == 2);
        }

        let reply = client
            .send(Method::POST, "/sms/+4915100000000")
            .await
            .unwrap();
        assert_eq!(
            json(&reply),
            json!({"error": {"status": 202, "code": 10003, "description": "Failed to deliver SMS to +4915100000000."}})
        );
        let failure = mixin::Body::from_http(202, &reply.body)
            .unwrap()
            .failure()
            .unwrap();
        assert_eq!(failure.error(), mixin::Error::SmsDeliveryFailed);
        assert_eq!(
            failure.value("phone").and_then(|v| v.as_str()),
            Some("+4915100000000")
        );

        let reply = client
            .send(Method::GET, "/errors/mixin/1")
            .await
            .unwrap();
        assert_eq!(reply.status.as_u16(), 404);
        let err = mixin::Body::from_http(404, &reply.body).unwrap_err();
        assert_eq!(err.kind(), errcat::wire::BodyErrorKind::NotJson);
    })
    .await
    .expect("the test took too long");
}
