//! An axum service that answers with errors of the bundled catalogs, each in the body its API
//! documents, with the values of its placeholders filled in.
//!
//! ```sh
//! cargo run --example server --features axum            # listens on 127.0.0.1:3000
//! cargo run --example client --features axum            # calls it, prints the typed errors
//! ```
//!
//! Routes:
//! - `POST /withdraw`: a handler that fails with `mixin::Plain::InsufficientBalance`;
//! - `POST /sms/{phone}`: a handler that fails with a filled placeholder;
//! - `GET /errors/{catalog}/{code}`: the error with that code, in the catalog's documented body;
//! - `GET /problems/{catalog}/{code}`: the same error as an RFC 9457 problem document;
//! - `GET /messenger/flood`: a messenger error with its wait parameter;
//! - `GET /messenger/register/{minor}`: a messenger error with a minor code.

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use errcat::Problem;
use errcat_catalogs::{exchange, game_account, item_market, messenger, mixin};

/// The service's routes.
pub fn router() -> Router {
    Router::new()
        .route("/withdraw", post(withdraw))
        .route("/sms/{phone}", post(send_sms))
        .route("/errors/{catalog}/{code}", get(error))
        .route("/problems/{catalog}/{code}", get(problem))
        .route("/messenger/flood", get(flood))
        .route("/messenger/register/{minor}", get(register))
}

/// A handler that fails with a catalog error whose message has no placeholders.
async fn withdraw() -> Result<String, mixin::Failure> {
    Err(mixin::Plain::InsufficientBalance.into())
}

/// A handler that fails with a code whose message has a placeholder: its typed values are the
/// only way to build it, and `?` turns them into the response.
async fn send_sms(Path(phone): Path<String>) -> Result<String, mixin::Failure> {
    Err(mixin::values::SmsDeliveryFailed {
        phone: phone.into(),
    })?
}

async fn error(Path((catalog, code)): Path<(String, String)>) -> Response {
    respond(&catalog, &code, false)
}

async fn problem(Path((catalog, code)): Path<(String, String)>) -> Response {
    respond(&catalog, &code, true)
}

/// The error with `code` in `catalog`, as its documented body or as a problem document.
fn respond(catalog: &str, code: &str, as_problem: bool) -> Response {
    fn render<F>(failure: F, as_problem: bool) -> Response
    where
        F: IntoResponse + errcat::AsProblem,
    {
        if as_problem {
            Problem(failure).into_response()
        } else {
            failure.into_response()
        }
    }
    let number = code.parse::<u32>().ok();
    let response = match catalog {
        "game_account" => game_account::Error::from_code(code)
            .map(|e| render(game_account_failure(e), as_problem)),
        "item_market" => {
            item_market::Error::from_code(code).map(|e| render(item_market_failure(e), as_problem))
        }
        // exchange and messenger have no codes with placeholders.
        "exchange" => number
            .and_then(exchange::Error::from_code)
            .and_then(exchange::Failure::plain)
            .map(|f| render(f, as_problem)),
        "mixin" => number
            .and_then(mixin::Error::from_code)
            .map(|e| render(mixin_failure(e), as_problem)),
        "messenger" => number
            .and_then(messenger::Error::from_code)
            .and_then(messenger::Failure::plain)
            .map(|f| render(f, as_problem)),
        _ => None,
    };
    response.unwrap_or_else(|| (StatusCode::NOT_FOUND, "no such catalog or code\n").into_response())
}

/// Each mixin code as the service raises it: the codes with placeholders from their typed
/// values (the catalog's examples here), the others as they are.
pub fn mixin_failure(error: mixin::Error) -> mixin::Failure {
    use mixin::{Error, Failure, values};
    match error {
        Error::SmsDeliveryFailed => values::SmsDeliveryFailed {
            phone: "+8613800138000".into(),
        }
        .into(),
        Error::InvalidPhoneNumber => values::InvalidPhoneNumber {
            phone: "+8613800138000".into(),
        }
        .into(),
        Error::PrivateKeyMissing => values::PrivateKeyMissing {
            chain: "XYZ".into(),
        }
        .into(),
        Error::InsufficientPool => values::InsufficientPool {
            asset_id: "c6d0c728-2624-429b-8e0d-d9d19b6592fa".into(),
        }
        .into(),
        // A code that gained placeholders since this was written would answer unfilled.
        other => Failure::plain(other).unwrap_or(Failure::unfilled(other)),
    }
}

/// Each game_account code as the service raises it.
pub fn game_account_failure(error: game_account::Error) -> game_account::Failure {
    use game_account::{Error, Failure, values};
    match error {
        Error::Etc => values::Etc {
            relayed_message: "error on loadAccount".into(),
        }
        .into(),
        other => Failure::plain(other).unwrap_or(Failure::unfilled(other)),
    }
}

/// Each item_market code as the service raises it.
pub fn item_market_failure(error: item_market::Error) -> item_market::Failure {
    use item_market::{Error, Failure, values};
    match error {
        Error::InternalServerError => values::InternalServerError {
            error_message: "database unavailable".into(),
        }
        .into(),
        Error::IllegalState => values::IllegalState {
            error_message: "market closed".into(),
        }
        .into(),
        other => Failure::plain(other).unwrap_or(Failure::unfilled(other)),
    }
}

/// An error with a run-time value: how long the client must wait.
async fn flood() -> messenger::Failure {
    messenger::Failure::from(messenger::Plain::FloodRequest).with_wait(30)
}

/// An error with a minor code, documented or not.
async fn register(Path(minor): Path<u32>) -> messenger::Failure {
    messenger::Failure::from(messenger::Plain::UserRegisterBadPayload).with_minor(minor)
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
