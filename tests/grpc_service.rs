//! A real tonic server and client on 127.0.0.1 (an ephemeral port): one method that fails with
//! any code of any bundled catalog, raised with values for its placeholders, its wire
//! parameters and its first minor code. The client gets the gRPC code, the filled message and
//! exactly one ErrorInfo (reason, domain, metadata), and reads the same typed error with the
//! same values back. What the status must hold is computed from the catalogs by the generator's
//! model, not by the code under test. Bounded by a timeout; the server stops with the test.

use std::borrow::Cow;
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use errcat::grpc::{GrpcCode, GrpcFailure, Why};
use errcat::{ErrorCode, Value, ValueKind};
use errcat_build::model::Code;
use errcat_catalogs::{exchange, game_account, item_market, messenger, mixin};
use tonic::{Request, Response, Status};
use tonic_types::{ErrorDetail, StatusExt};

const LIMIT: Duration = Duration::from_secs(120);
const METHOD: &str = "/errcat.test.Catalogs/Fail";

/// The first minor code of each entry that has minor codes, by catalog and code.
fn minors() -> HashMap<(String, String), u32> {
    let catalogs = errcat_build::load_dir(Path::new("catalogs")).unwrap();
    let mut out = HashMap::new();
    for c in &catalogs {
        for e in c.entries() {
            if let Some(Code::Integer(m)) = e.minors.first().map(|m| &m.code) {
                out.insert((c.module.clone(), e.code.to_string()), *m);
            }
        }
    }
    out
}

/// A value of `kind` for the `i`-th value of code number `n`: text with a space, a non-ASCII
/// letter and braces, negative and fractional numbers, so that nothing round-trips by luck.
fn value(kind: ValueKind, n: usize, i: usize) -> Value {
    match kind {
        ValueKind::Integer => Value::Int(-(n as i64) * 10 - i as i64),
        ValueKind::Float => Value::Float(n as f64 + 0.25),
        ValueKind::Bool => Value::Bool(n.is_multiple_of(2)),
        _ => Value::Str(Cow::Owned(format!("v{n}.{i} ü {{x}}"))),
    }
}

/// The failure the service raises for code number `n` of its catalog.
fn raised<F: GrpcFailure>(n: usize, minor: Option<u32>) -> F {
    let error = F::Code::all()[n];
    let values = (error.placeholder_kinds().iter().enumerate())
        .map(|(i, k)| value(*k, n, i))
        .collect();
    let params = (F::param_kinds().iter().enumerate())
        .map(|(i, k)| value(*k, n, i + 100))
        .collect();
    F::from_parts(
        error,
        values,
        params,
        minor.map(|m| m.to_string()).as_deref(),
    )
    .expect("an integer minor code reads")
}

fn code_number<E: ErrorCode>(error: E) -> String {
    error.code().to_string()
}

/// The service's answer to `catalog n`.
fn answer(request: &str, minors: &HashMap<(String, String), u32>) -> Status {
    fn one<F: GrpcFailure>(n: usize, minors: &HashMap<(String, String), u32>) -> F {
        let error = F::Code::all()[n];
        let minor = minors
            .get(&(F::Code::CATALOG.to_owned(), code_number(error)))
            .copied();
        raised::<F>(n, minor)
    }
    let (catalog, n) = request.split_once(' ').unwrap();
    let n: usize = n.parse().unwrap();
    match catalog {
        "exchange" => one::<exchange::Failure>(n, minors).into(),
        "game_account" => one::<game_account::Failure>(n, minors).into(),
        "item_market" => one::<item_market::Failure>(n, minors).into(),
        "messenger" => one::<messenger::Failure>(n, minors).into(),
        "mixin" => one::<mixin::Failure>(n, minors).into(),
        _ => Status::invalid_argument(format!("no catalog {catalog}")),
    }
}

/// The gRPC service: one unary method, `Fail(string) -> Empty`, which always fails.
#[derive(Clone)]
struct Catalogs {
    minors: std::sync::Arc<HashMap<(String, String), u32>>,
}

struct Fail(std::sync::Arc<HashMap<(String, String), u32>>);

impl tonic::server::UnaryService<String> for Fail {
    type Response = ();
    type Future = std::future::Ready<Result<Response<()>, Status>>;
    fn call(&mut self, request: Request<String>) -> Self::Future {
        std::future::ready(Err(answer(request.get_ref(), &self.0)))
    }
}

impl tower_service::Service<http::Request<tonic::body::Body>> for Catalogs {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        let minors = self.minors.clone();
        Box::pin(async move {
            if request.uri().path() != METHOD {
                return Ok(Status::unimplemented(request.uri().path().to_owned()).into_http());
            }
            let codec = tonic_prost::ProstCodec::<(), String>::default();
            let mut grpc = tonic::server::Grpc::new(codec);
            Ok(grpc.unary(Fail(minors), request).await)
        })
    }
}

/// Starts the service on an ephemeral loopback port; it stops when `stop` is dropped.
async fn start(
    minors: HashMap<(String, String), u32>,
) -> (
    tonic::client::Grpc<tonic::transport::Channel>,
    tokio::sync::oneshot::Sender<()>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let service = Catalogs {
        minors: std::sync::Arc::new(minors),
    };
    tokio::spawn(
        tonic::transport::Server::builder().serve_with_incoming_shutdown(
            service,
            tonic::transport::server::TcpIncoming::from(listener),
            async move {
                let _ = stopped.await;
            },
        ),
    );
    let channel = tonic::transport::Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    (tonic::client::Grpc::new(channel), stop)
}

async fn call(
    client: &mut tonic::client::Grpc<tonic::transport::Channel>,
    request: String,
) -> Status {
    client.ready().await.unwrap();
    let codec = tonic_prost::ProstCodec::<String, ()>::default();
    let path = http::uri::PathAndQuery::from_static(METHOD);
    match client.unary(Request::new(request), path, codec).await {
        Ok(_) => panic!("the method always fails"),
        Err(status) => status,
    }
}

/// What one catalog served: codes, and codes with placeholder values, with wire parameters
/// and with a minor code.
#[derive(Default)]
struct Served {
    codes: usize,
    placeholders: usize,
    params: usize,
    minors: usize,
}

/// Every code of one catalog over gRPC.
async fn check_catalog<F>(
    client: &mut tonic::client::Grpc<tonic::transport::Channel>,
    catalog: &errcat_build::Catalog,
    minors: &HashMap<(String, String), u32>,
) -> Served
where
    F: GrpcFailure + PartialEq,
{
    let errors = F::Code::all();
    assert_eq!(errors.len(), catalog.entry_count());
    let mut served = Served {
        codes: errors.len(),
        ..Served::default()
    };
    for (n, (error, entry)) in errors.iter().zip(catalog.entries()).enumerate() {
        let label = format!("{} {}", catalog.module, entry.label());
        let minor = minors
            .get(&(catalog.module.clone(), code_number(*error)))
            .copied();
        let sent: F = raised(n, minor);
        let status = call(client, format!("{} {n}", catalog.module)).await;

        // What the model says the status holds.
        assert_eq!(
            status.code() as i32,
            i32::from(entry.grpc.code.number()),
            "{label}"
        );
        assert_eq!(status.message(), sent.to_string(), "{label}");
        let details = status.get_error_details_vec();
        assert_eq!(details.len(), 1, "{label}: {details:?}");
        let Some(ErrorDetail::ErrorInfo(info)) = details.into_iter().next() else {
            panic!("{label}: not an ErrorInfo");
        };
        assert_eq!(
            info.reason,
            errcat_build::ident::grpc_reason(&entry.name),
            "{label}"
        );
        assert!(errcat_build::ident::is_grpc_reason(&info.reason), "{label}");
        assert_eq!(info.domain, catalog.domain, "{label}");
        let mut expected = HashMap::new();
        for (p, v) in entry.placeholders.iter().zip(sent.values()) {
            expected.insert(errcat_build::ident::metadata_key(&p.name), v.to_string());
        }
        for (p, v) in sent.param_names().iter().zip(sent.param_values()) {
            expected
                .entry(errcat_build::ident::metadata_key(p))
                .or_insert_with(|| v.to_string());
        }
        if let Some(m) = minor {
            expected.insert("minorCode".to_owned(), m.to_string());
        }
        assert_eq!(info.metadata, expected, "{label}");

        // And the client reads the same typed error back.
        let back = errcat::grpc::failure::<F>(&status).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert!(back == sent, "{label}: {back:?} != {sent:?}");
        assert_eq!(
            back.minor_code(),
            minor.map(|m| errcat::CodeRef::Integer(m.into())),
            "{label}"
        );
        if !entry.placeholders.is_empty() {
            served.placeholders += 1;
            assert!(back.values().iter().all(|v| !v.is_absent()), "{label}");
        }
        if !sent.param_names().is_empty() {
            served.params += 1;
            assert!(
                back.param_values().iter().all(|v| !v.is_absent()),
                "{label}"
            );
        }
        served.minors += usize::from(minor.is_some());
    }
    served
}

#[tokio::test]
async fn every_code_of_every_catalog_round_trips_through_a_tonic_status() {
    let catalogs = errcat_build::load_dir(Path::new("catalogs")).unwrap();
    let catalog = |name: &str| catalogs.iter().find(|c| c.module == name).unwrap();
    let minors = minors();
    tokio::time::timeout(LIMIT, async {
        let (mut client, _stop) = start(minors.clone()).await;
        let mut served = Vec::new();
        served.push(
            check_catalog::<exchange::Failure>(&mut client, catalog("exchange"), &minors).await,
        );
        served.push(
            check_catalog::<game_account::Failure>(&mut client, catalog("game_account"), &minors)
                .await,
        );
        served.push(
            check_catalog::<item_market::Failure>(&mut client, catalog("item_market"), &minors)
                .await,
        );
        served.push(
            check_catalog::<messenger::Failure>(&mut client, catalog("messenger"), &minors).await,
        );
        served.push(check_catalog::<mixin::Failure>(&mut client, catalog("mixin"), &minors).await);
        let sum = |f: fn(&Served) -> usize| served.iter().map(f).sum::<usize>();
        let total: usize = catalogs.iter().map(|c| c.entry_count()).sum();
        assert_eq!(sum(|s| s.codes), total);
        assert!(sum(|s| s.placeholders) > 0 && sum(|s| s.params) > 0 && sum(|s| s.minors) > 0);
        eprintln!(
            "served {} codes of {} catalogs over gRPC: {} with placeholder values, {} with wire parameters, {} with a minor code",
            sum(|s| s.codes),
            served.len(),
            sum(|s| s.placeholders),
            sum(|s| s.params),
            sum(|s| s.minors)
        );
    })
    .await
    .expect("the gRPC round trip took too long");
}

#[tokio::test]
async fn typed_values_and_plain_codes_convert_into_statuses() {
    let status = Status::from(mixin::Failure::from(mixin::values::SmsDeliveryFailed {
        phone: "+8613800138000".into(),
    }));
    assert_eq!(status.code(), tonic::Code::Unknown); // 202 is not in the HTTP to gRPC table
    assert_eq!(status.message(), "Failed to deliver SMS to +8613800138000.");
    let info = status.get_details_error_info().unwrap();
    assert_eq!(info.reason, "SMS_DELIVERY_FAILED");
    assert_eq!(info.domain, "mixin");
    assert_eq!(info.metadata["phone"], "+8613800138000");
    let back = mixin::Failure::from_status(&status).unwrap();
    assert_eq!(back.error(), mixin::Error::SmsDeliveryFailed);
    assert_eq!(
        back.value("phone").and_then(Value::as_str),
        Some("+8613800138000")
    );

    // A code sent without its values, deliberately: the message keeps `{phone}`, the
    // metadata is empty. A bare `Error` does not convert (`not_a_status` below).
    let status = Status::from(mixin::Failure::unfilled(mixin::Error::SmsDeliveryFailed));
    assert_eq!(status.message(), "Failed to deliver SMS to {phone}.");
    assert!(status.get_details_error_info().unwrap().metadata.is_empty());
    let back = mixin::Failure::from_status(&status).unwrap();
    assert_eq!(
        back,
        mixin::Failure::unfilled(mixin::Error::SmsDeliveryFailed)
    );

    // A code without placeholders converts as it is, through `?` too.
    fn handler() -> Result<(), Status> {
        Err(item_market::Plain::HttpNotFound)?
    }
    let status = handler().unwrap_err();
    assert_eq!(status.code(), tonic::Code::NotFound);
    let via_failure = Status::from(item_market::Failure::from(item_market::Plain::HttpNotFound));
    assert_eq!(status.message(), via_failure.message());
    assert_eq!(status.details(), via_failure.details());
    let back = item_market::Failure::from_status(&status).unwrap();
    assert_eq!(back.error(), item_market::Error::HttpNotFound);

    // mixin answers FORBIDDEN with 202, which maps to UNKNOWN; its server errors are 500.
    assert_eq!(mixin::Error::Forbidden.grpc_code(), tonic::Code::Unknown);
    assert_eq!(
        mixin::Error::InternalServerError.grpc_code(),
        tonic::Code::Internal
    );
    assert_eq!(mixin::Error::Forbidden.reason(), "FORBIDDEN");
    assert_eq!(
        item_market::Error::HttpNotFound.grpc_code(),
        tonic::Code::NotFound
    );
    assert_eq!(<mixin::Error as GrpcCode>::DOMAIN, mixin::DOMAIN);
}

#[test]
fn statuses_of_other_services_are_kept_as_unrecognized() {
    let other = |reason: &str, domain: &str| {
        Status::with_error_details(
            tonic::Code::AlreadyExists,
            "taken",
            tonic_types::ErrorDetails::with_error_info(reason, domain, HashMap::new()),
        )
    };
    let e = mixin::Failure::from_status(&other("NO_SUCH_REASON", "mixin")).unwrap_err();
    assert_eq!(e.why(), &Why::UnknownReason);
    assert_eq!(e.reason(), Some("NO_SUCH_REASON"));
    assert_eq!(e.code(), tonic::Code::AlreadyExists);
    assert_eq!(e.http_status(), 409);
    assert_eq!(e.message(), "taken");
    assert_eq!(
        e.to_string(),
        "mixin: the gRPC status AlreadyExists has the reason `NO_SUCH_REASON`, which the catalog does not list"
    );

    let e = mixin::Failure::from_status(&other("FORBIDDEN", "pay.example.com")).unwrap_err();
    assert_eq!(e.why(), &Why::OtherDomain);
    assert_eq!(e.error_info().unwrap().domain, "pay.example.com");

    let e = mixin::Failure::from_status(&Status::not_found("gone")).unwrap_err();
    assert_eq!(e.why(), &Why::NoErrorInfo);
    assert_eq!(e.http_status(), 404);

    let mut metadata = HashMap::new();
    metadata.insert("phone".to_owned(), "+1".to_owned());
    metadata.insert("minorCode".to_owned(), "minus one".to_owned());
    let status = Status::with_error_details(
        tonic::Code::Unknown,
        "x",
        tonic_types::ErrorDetails::with_error_info("SMS_DELIVERY_FAILED", "mixin", metadata),
    );
    let e = mixin::Failure::from_status(&status).unwrap_err();
    assert_eq!(e.why(), &Why::BadValue("minorCode".to_owned()));
}

/// A bare code is no `Status`: `Err(Error::X)?` in a tonic handler would send a message with
/// its placeholders unfilled, so it does not compile. This function compiles only while
/// `mixin::Error: Into<Status>` does not hold: if it did, the `_` below would fit two impls
/// and be ambiguous.
#[allow(dead_code)]
fn not_a_status() {
    trait AmbiguousIfStatus<A> {
        fn check() {}
    }
    impl<T: ?Sized> AmbiguousIfStatus<()> for T {}
    struct IsStatus;
    impl<T: Into<Status>> AmbiguousIfStatus<IsStatus> for T {}
    <mixin::Error as AmbiguousIfStatus<_>>::check();
    // The check itself works: a `Failure` is a `Status`, so only the second impl could be
    // meant by this one, which names it.
    <mixin::Failure as AmbiguousIfStatus<IsStatus>>::check();
}
