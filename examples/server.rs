//! An axum service that answers with errors of the bundled catalogs, each in the body its API
//! documents.
//!
//! ```sh
//! cargo run --example server --features axum            # listens on 127.0.0.1:3000
//! cargo run --example client --features axum            # calls it, prints the typed errors
//! ```
//!
//! Routes:
//! - `POST /withdraw`: a handler that fails with `mixin::Error::InsufficientBalance`;
//! - `GET /errors/{catalog}/{code}`: the error with that code, in the catalog's documented body;
//! - `GET /problems/{catalog}/{code}`: the same error as an RFC 9457 problem document;
//! - `GET /messenger/flood`: a messenger error with its wait parameter;
//! - `GET /messenger/register/{minor}`: a messenger error with a minor code;
//! - `GET /mixin/sms/{phone}`: a mixin error whose message has a placeholder filled in.

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use errcat::{Problem, exchange, game_account, item_market, messenger, mixin};

/// The service's routes.
pub fn router() -> Router {
    Router::new()
        .route("/withdraw", post(withdraw))
        .route("/errors/{catalog}/{code}", get(error))
        .route("/problems/{catalog}/{code}", get(problem))
        .route("/messenger/flood", get(flood))
        .route("/messenger/register/{minor}", get(register))
        .route("/mixin/sms/{phone}", get(sms))
}

/// A handler that fails with a catalog error: the error is the response.
async fn withdraw() -> Result<String, mixin::Error> {
    Err(mixin::Error::InsufficientBalance)
}

async fn error(Path((catalog, code)): Path<(String, String)>) -> Response {
    respond(&catalog, &code, false)
}

async fn problem(Path((catalog, code)): Path<(String, String)>) -> Response {
    respond(&catalog, &code, true)
}

/// The error with `code` in `catalog`, as its documented body or as a problem document.
fn respond(catalog: &str, code: &str, as_problem: bool) -> Response {
    fn render<E>(error: E, as_problem: bool) -> Response
    where
        E: IntoResponse,
        Problem<E>: IntoResponse,
    {
        if as_problem {
            Problem(error).into_response()
        } else {
            error.into_response()
        }
    }
    let number = code.parse::<u32>().ok();
    let response = match catalog {
        "game_account" => game_account::Error::from_code(code).map(|e| render(e, as_problem)),
        "item_market" => item_market::Error::from_code(code).map(|e| render(e, as_problem)),
        "exchange" => number
            .and_then(exchange::Error::from_code)
            .map(|e| render(e, as_problem)),
        "mixin" => number
            .and_then(mixin::Error::from_code)
            .map(|e| render(e, as_problem)),
        "messenger" => number
            .and_then(messenger::Error::from_code)
            .map(|e| render(e, as_problem)),
        _ => None,
    };
    response.unwrap_or_else(|| (StatusCode::NOT_FOUND, "no such catalog or code\n").into_response())
}

/// A body with a run-time value: how long the client must wait.
async fn flood() -> messenger::Body {
    messenger::Body::new(messenger::Error::FloodRequest).with_wait(30)
}

/// A body with a minor code, documented or not.
async fn register(Path(minor): Path<u32>) -> messenger::Body {
    messenger::Detailed::new(messenger::Error::UserRegisterBadPayload, minor).into()
}

/// A body whose message has its placeholder filled in.
async fn sms(Path(phone): Path<String>) -> mixin::Body {
    mixin::Body::rendered(mixin::Error::SmsDeliveryFailed, &[&phone])
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router()).await
}
