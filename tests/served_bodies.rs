//! What the example server really sends, checked against the generated OpenAPI document and
//! captured for the TypeScript test: every code of every catalog, as its body and as a problem
//! document, plus the routes with run-time values, over HTTP on 127.0.0.1 (an ephemeral port).
//!
//! - Each body validates against `<catalog>.Body` of the document, and each problem document
//!   against `<catalog>.Problem`; where the server raises a code with its placeholders'
//!   declared examples (or a code without placeholders), what it sends is the document's
//!   example of that code.
//! - The bodies are kept in `clients/typescript/test/served.json`, which the TypeScript test
//!   feeds through each catalog's guard and lookup. The file must be exactly what the server
//!   sends; to rewrite it after a deliberate change:
//!   `ERRCAT_BLESS=1 cargo test --features axum --test served_bodies`.

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

use client::Client;

const LIMIT: Duration = Duration::from_secs(120);

/// Where the captured bodies are kept, relative to the repository root.
const CAPTURE: &str = "clients/typescript/test/served.json";

/// The generated OpenAPI document of the bundled catalogs.
fn document() -> Value {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs");
    let catalogs = errcat_build::load_dir(std::path::Path::new(dir)).unwrap();
    serde_json::from_str(&errcat_build::generate_openapi(&catalogs)).unwrap()
}

/// A validator for one schema component of the document: the document itself, as a JSON
/// Schema (2020-12, OpenAPI 3.1's dialect) whose root refers to the component, so that the
/// component's own `$ref`s resolve.
fn validator(document: &Value, component: &str) -> jsonschema::Validator {
    assert!(
        document["components"]["schemas"].get(component).is_some(),
        "no schema {component}"
    );
    let mut root = document.clone();
    root["$ref"] = json!(format!("#/components/schemas/{component}"));
    jsonschema::draft202012::new(&root).unwrap()
}

/// What one request got.
struct Served {
    catalog: &'static str,
    path: String,
    status: u16,
    /// The body as sent.
    text: String,
    /// The body, parsed.
    body: Value,
}

async fn get(client: &mut Client, method: Method, catalog: &'static str, path: &str) -> Served {
    let reply = client.send(method, path).await.unwrap();
    let text = String::from_utf8(reply.body.to_vec()).unwrap();
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
    Served {
        catalog,
        path: path.to_owned(),
        status: reply.status.as_u16(),
        text,
        body,
    }
}

/// The body and the problem document of every code of one catalog module.
macro_rules! serve_catalog {
    ($client:expr, $module:ident, $bodies:expr, $problems:expr) => {{
        for &error in $module::Error::ALL {
            let path = format!("/errors/{}/{}", $module::NAME, error.code());
            $bodies.push(get($client, Method::GET, $module::NAME, &path).await);
            let path = format!("/problems/{}/{}", $module::NAME, error.code());
            $problems.push(get($client, Method::GET, $module::NAME, &path).await);
        }
    }};
}

/// Asks the example server for everything it serves.
async fn serve_all() -> (Vec<Served>, Vec<Served>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, server::router()).await });
    let client = &mut Client::connect(addr).await.unwrap();
    let (mut bodies, mut problems) = (Vec::new(), Vec::new());
    serve_catalog!(client, game_account, bodies, problems);
    serve_catalog!(client, item_market, bodies, problems);
    serve_catalog!(client, exchange, bodies, problems);
    serve_catalog!(client, mixin, bodies, problems);
    serve_catalog!(client, messenger, bodies, problems);
    // The routes with run-time values: a wait parameter, minor codes (documented and not), a
    // filled-in placeholder, and the README's handler.
    for (method, catalog, path) in [
        (Method::GET, "messenger", "/messenger/flood"),
        (Method::GET, "messenger", "/messenger/register/2"),
        (Method::GET, "messenger", "/messenger/register/99"),
        (Method::POST, "mixin", "/sms/+8613800138000"),
        (Method::POST, "mixin", "/withdraw"),
    ] {
        bodies.push(get(client, method, catalog, path).await);
    }
    (bodies, problems)
}

/// The captured bodies as the fixture file writes them: a JSON array, one request per line,
/// each body as the text the server sent.
fn capture_text(bodies: &[Served]) -> String {
    let lines: Vec<String> = bodies
        .iter()
        .map(|s| {
            json!({"catalog": s.catalog, "path": s.path, "status": s.status, "body": s.text})
                .to_string()
        })
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[tokio::test]
async fn every_served_body_validates_against_the_openapi_schema_of_its_catalog() {
    let (bodies, problems) = tokio::time::timeout(LIMIT, serve_all())
        .await
        .expect("the server took too long");
    assert!(bodies.len() > 600, "{}", bodies.len());
    assert_eq!(bodies.len(), problems.len() + 5);

    let document = document();
    let mut validators = std::collections::HashMap::new();
    for (served, kind) in bodies
        .iter()
        .map(|s| (s, "Body"))
        .chain(problems.iter().map(|s| (s, "Problem")))
    {
        let component = format!("{}.{kind}", served.catalog);
        let validator = validators
            .entry(component.clone())
            .or_insert_with(|| validator(&document, &component));
        let errors: Vec<String> = validator
            .iter_errors(&served.body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{} ({}): {} is not a {component}: {errors:?}",
            served.path,
            served.status,
            served.body
        );
    }
    // The document's examples are what the server sends, where it uses the declared examples.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs");
    let catalogs = errcat_build::load_dir(std::path::Path::new(dir)).unwrap();
    let mut compared = 0;
    for (served, kind) in bodies
        .iter()
        .filter(|s| s.path.starts_with("/errors/"))
        .map(|s| (s, "application/json"))
        .chain(problems.iter().map(|s| (s, "application/problem+json")))
    {
        let catalog = catalogs
            .iter()
            .find(|c| c.module == served.catalog)
            .unwrap();
        let code = served.path.rsplit('/').next().unwrap();
        let entry = catalog
            .entries()
            .find(|e| e.code.to_string() == code)
            .unwrap();
        let example = &document["components"]["responses"][format!(
            "{}.{}",
            served.catalog,
            entry.status.expect("bundled catalogs have statuses")
        )]["content"][kind]["examples"][&entry.name]["value"];
        if entry.placeholders.iter().all(|p| p.example.is_some()) {
            assert_eq!(&served.body, example, "{}", served.path);
            compared += 1;
        } else {
            assert_ne!(&served.body, example, "{}", served.path);
        }
    }
    assert!(compared > 1200, "{compared}");
    // The run-time values are in the schema too, and optional there.
    let flood = &bodies[bodies.len() - 5];
    assert_eq!(flood.body["wait"], 30);
    let minor = &bodies[bodies.len() - 4];
    assert_eq!(minor.body["minor_code"], 2);
}

#[tokio::test]
async fn the_captured_bodies_of_the_typescript_test_are_what_the_server_sends() {
    let (bodies, _) = tokio::time::timeout(LIMIT, serve_all())
        .await
        .expect("the server took too long");
    let text = capture_text(&bodies);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(CAPTURE);
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with ERRCAT_BLESS=1 to create it",
            path.display()
        )
    });
    if committed != text {
        let line = committed
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(text.lines().count()));
        panic!(
            "{CAPTURE} is not what the example server sends, from line {}:\n  committed: {:?}\n  served:    {:?}\n\
             If the change is deliberate, rerun with ERRCAT_BLESS=1 and review the diff.",
            line + 1,
            committed.lines().nth(line),
            text.lines().nth(line),
        );
    }
}
