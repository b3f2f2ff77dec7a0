//! This crate turned the axum integration on in its `build.rs` alone (it declares no features):
//! a handler returns a filled, type-checked error, served on 127.0.0.1 (an ephemeral port), and
//! a client reads it back typed, with its values. Bounded by a timeout; loopback only.

use std::time::Duration;

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use errcat_example_build_script::shop;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

async fn quota(Path(used): Path<i64>) -> Result<String, shop::Failure> {
    if used >= 10 {
        Err(shop::values::QuotaExceeded {
            used,
            limit: 10,
            window: "24h",
        })?;
    }
    Ok("ok".to_owned())
}

async fn forbidden() -> Result<String, shop::Failure> {
    Err(shop::Failure::from(shop::Plain::Forbidden))
}

async fn get_body(addr: std::net::SocketAddr, path: &str) -> (u16, Vec<u8>) {
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(conn);
    let request = hyper::Request::get(path)
        .header(hyper::header::HOST, addr.to_string())
        .body(Empty::<Bytes>::new())
        .unwrap();
    let response = sender.send_request(request).await.unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, body.to_vec())
}

#[tokio::test]
async fn a_filled_error_goes_over_http_and_comes_back_typed() {
    tokio::time::timeout(Duration::from_secs(60), async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = Router::new()
            .route("/quota/{used}", get(quota))
            .route("/forbidden", get(forbidden));
        tokio::spawn(async move { axum::serve(listener, router).await });

        let (status, bytes) = get_body(addr, "/quota/12").await;
        assert_eq!(status, 429);
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["message"], "Quota exceeded: 12 of 10 calls in 24h.");
        let failure = shop::Body::from_http(status, &bytes)
            .unwrap()
            .failure()
            .unwrap();
        assert_eq!(failure.error(), shop::Error::QuotaExceeded);
        assert_eq!(failure.value("used"), Some(&errcat::Value::Int(12)));
        assert_eq!(failure.value("limit"), Some(&errcat::Value::Int(10)));
        assert_eq!(failure.value("window"), Some(&errcat::Value::from("24h")));

        let (status, bytes) = get_body(addr, "/forbidden").await;
        assert_eq!(status, 403);
        let body = shop::Body::from_http(status, &bytes).unwrap();
        assert_eq!(
            body.failure(),
            Some(shop::Failure::from(shop::Plain::Forbidden))
        );
    })
    .await
    .expect("the test took too long");
}
