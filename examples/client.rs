//! Calls the example server (`examples/server.rs`) and prints the typed errors it answers with.
//!
//! ```sh
//! cargo run --example server --features axum &
//! cargo run --example client --features axum            # or: -- 127.0.0.1:PORT
//! ```
//!
//! The HTTP client is hyper's own HTTP/1.1 connection, which axum's server already brings in;
//! turning a response into a typed error needs only its status and body bytes
//! (`Body::from_http`), whatever the client.

use std::net::SocketAddr;

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header::{HOST, HeaderMap};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;

use errcat_catalogs::{exchange, game_account, item_market, messenger, mixin};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// One HTTP/1.1 connection to a server, for requests one after another.
pub struct Client {
    addr: SocketAddr,
    sender: hyper::client::conn::http1::SendRequest<Empty<Bytes>>,
}

/// A response, read to the end.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Client {
    /// Connects to `addr`; the connection is driven by a task on the current runtime.
    pub async fn connect(addr: SocketAddr) -> Result<Client, BoxError> {
        let stream = tokio::net::TcpStream::connect(addr).await?;
        let (sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(connection);
        Ok(Client { addr, sender })
    }

    /// Sends a request without a body and reads the whole response.
    pub async fn send(&mut self, method: Method, path: &str) -> Result<Reply, BoxError> {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header(HOST, self.addr.to_string())
            .body(Empty::new())?;
        self.sender.ready().await?;
        let response = self.sender.send_request(request).await?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await?.to_bytes();
        Ok(Reply {
            status: parts.status,
            headers: parts.headers,
            body,
        })
    }
}

/// A received error as the client reads it: its code, and its message with the values read
/// back (or the text as received, if the catalog does not give it).
fn describe<F: errcat::Raised, B: std::fmt::Display>(
    failure: Option<F>,
    body: &B,
) -> (String, String) {
    match failure {
        Some(f) => (format!("{:?}", f.error()), format!("{f} {:?}", f.values())),
        None => ("(not in the catalog)".to_owned(), body.to_string()),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), BoxError> {
    let addr: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned())
        .parse()?;
    let mut client = Client::connect(addr)
        .await
        .map_err(|e| format!("cannot reach the example server at {addr} ({e}); start it first"))?;

    let reply = client.send(Method::POST, "/withdraw").await?;
    let body = mixin::Body::from_http(reply.status.as_u16(), &reply.body)?;
    println!("POST /withdraw -> {}", reply.status);
    println!("  {:?}: {body}", body.error());

    // The filled message comes back with its value, typed.
    let reply = client.send(Method::POST, "/sms/+8613800138000").await?;
    let body = mixin::Body::from_http(reply.status.as_u16(), &reply.body)?;
    let failure = body.failure().ok_or("the body is not a mixin failure")?;
    println!("POST /sms/+8613800138000 -> {}", reply.status);
    println!(
        "  {:?}: {failure} (phone {:?})",
        failure.error(),
        failure.value("phone")
    );

    for path in [
        "/errors/game_account/LACK_OF_POC",
        "/errors/game_account/ETC",
        "/errors/item_market/NOT_ENOUGH_ASSET",
        "/errors/exchange/400014",
        "/errors/mixin/30101",
        "/errors/messenger/136",
    ] {
        let reply = client.send(Method::GET, path).await?;
        let status = reply.status.as_u16();
        let (error, message) = match path.split('/').nth(2) {
            Some("game_account") => {
                let body = game_account::Body::from_http(status, &reply.body)?;
                describe(body.failure(), &body)
            }
            Some("item_market") => {
                let body = item_market::Body::from_http(status, &reply.body)?;
                describe(body.failure(), &body)
            }
            Some("exchange") => {
                let body = exchange::Body::from_http(status, &reply.body)?;
                describe(body.failure(), &body)
            }
            Some("mixin") => {
                let body = mixin::Body::from_http(status, &reply.body)?;
                describe(body.failure(), &body)
            }
            _ => {
                let body = messenger::Body::from_http(status, &reply.body)?;
                describe(body.failure(), &body)
            }
        };
        println!("GET {path} -> {}", reply.status);
        println!("  {error}: {message}");
    }

    let reply = client.send(Method::GET, "/messenger/flood").await?;
    let body = messenger::Body::from_http(reply.status.as_u16(), &reply.body)?;
    println!("GET /messenger/flood -> {}", reply.status);
    let flood = body
        .failure()
        .ok_or("the body is not a messenger failure")?;
    println!("  {:?}: {flood} (wait {:?})", flood.error(), flood.wait());

    let reply = client.send(Method::GET, "/messenger/register/2").await?;
    let body = messenger::Body::from_http(reply.status.as_u16(), &reply.body)?;
    println!("GET /messenger/register/2 -> {}", reply.status);
    println!("  {:?}", body.detailed().and_then(|d| d.minor()));

    let reply = client.send(Method::GET, "/problems/mixin/20117").await?;
    println!("GET /problems/mixin/20117 -> {}", reply.status);
    println!(
        "  {:?}: {}",
        reply.headers.get(hyper::header::CONTENT_TYPE),
        String::from_utf8_lossy(&reply.body)
    );
    Ok(())
}
