//! gRPC codes and ErrorInfo: how an entry's gRPC code is declared or derived, the checks of
//! `grpc:` and `domain:`, the warnings about guessed codes, and what `Config::grpc` refuses
//! (names that make no ErrorInfo reason, metadata keys that clash). Each diagnostic is asserted
//! whole, as in `diagnostics.rs`.

use std::path::{Path, PathBuf};

use errcat_build::grpc::{GrpcCode, GrpcOrigin};

fn load(yaml: &str) -> errcat_build::Catalog {
    errcat_build::load_str(Path::new("shop.yaml"), yaml).unwrap_or_else(|p| {
        panic!(
            "refused:\n{}",
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n\n")
        )
    })
}

#[track_caller]
fn problems(yaml: &str, expected: &[&str]) {
    let actual: Vec<String> = match errcat_build::load_str(Path::new("shop.yaml"), yaml) {
        Ok(c) => panic!("accepted: {c:#?}"),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        actual,
        expected,
        "\n--- actual ---\n{}\n",
        actual.join("\n\n")
    );
}

#[track_caller]
fn warnings(yaml: &str, expected: &[&str]) {
    let actual: Vec<String> = errcat_build::grpc::warnings(&load(yaml))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        actual,
        expected,
        "\n--- actual ---\n{}\n",
        actual.join("\n\n")
    );
}

/// `Config::grpc`'s report for the catalog `yaml`, compiled alone.
fn compile_report(name: &str, yaml: &str) -> String {
    let dir = std::env::temp_dir().join(format!("errcat-grpc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("catalogs")).unwrap();
    std::fs::write(dir.join("catalogs/shop.yaml"), yaml).unwrap();
    let result = errcat_build::Config::new()
        .grpc(true)
        .emit_rerun_if_changed(false)
        .out_dir(&dir)
        .compile(dir.join("catalogs"));
    let report = match result {
        Ok(()) => String::new(),
        Err(e) => e.to_string().replace(&dir.display().to_string(), "."),
    };
    let _ = std::fs::remove_dir_all(&dir);
    report
}

const HEAD: &str = "title: Shop\nsource: test\n";

#[test]
fn the_nearest_grpc_or_status_decides_the_code() {
    let c = load(&format!(
        "{HEAD}status: 400\nsections:
  - name: CLIENT
    title: Client
    grpc: FAILED_PRECONDITION
    entries:
      - {{ code: 1, name: A, message: a }}
      - {{ code: 2, name: B, message: b, status: 404 }}
      - {{ code: 3, name: C, message: c, status: 409, grpc: ALREADY_EXISTS }}
  - name: SERVER
    title: Server
    status: 503
    entries:
      - {{ code: 4, name: D, message: d }}
      - {{ code: 5, name: E, message: e, grpc: DATA_LOSS }}
  - name: OTHER
    title: Other
    entries:
      - {{ code: 6, name: F, message: f }}
      - {{ code: 7, name: G, message: g, status: 200 }}
"
    ));
    let codes: Vec<(GrpcCode, bool)> = c
        .entries()
        .map(|e| (e.grpc.code, e.grpc.is_derived()))
        .collect();
    assert_eq!(
        codes,
        [
            (GrpcCode::FailedPrecondition, false),
            (GrpcCode::NotFound, true),
            (GrpcCode::AlreadyExists, false),
            (GrpcCode::Unavailable, true),
            (GrpcCode::DataLoss, false),
            (GrpcCode::InvalidArgument, true),
            // 200 maps to OK, and an error is never sent as OK.
            (GrpcCode::Unknown, true),
        ]
    );
    assert_eq!(c.domain, "shop");
    let e = c.entries().nth(3).unwrap();
    assert!(matches!(e.grpc.origin, GrpcOrigin::Derived { status: 503, at } if at.line == 14));
}

#[test]
fn a_catalog_without_statuses_is_unknown_unless_it_says() {
    let yaml = format!(
        "{HEAD}sections:\n  - name: ALL_CODES\n    title: All\n    entries:\n      - {{ code: 1, name: A, message: a }}\n      - {{ code: 2, name: B, message: b, grpc: NOT_FOUND }}\n"
    );
    let c = load(&yaml);
    let codes: Vec<GrpcCode> = c.entries().map(|e| e.grpc.code).collect();
    assert_eq!(codes, [GrpcCode::Unknown, GrpcCode::NotFound]);
    warnings(
        &yaml,
        &[
            "warning: the catalog has no HTTP statuses and no `grpc:`, so its entry gets the gRPC code UNKNOWN\n  --> shop.yaml\n   = hint: set the gRPC code of the catalog, its sections or entries: `grpc: INTERNAL`, say (`grpc: UNKNOWN` confirms UNKNOWN)",
        ],
    );
    warnings(
        &yaml.replace("source: test\n", "source: test\ngrpc: INTERNAL\n"),
        &[],
    );
    let c = load(&yaml.replace("source: test\n", "source: test\ngrpc: INTERNAL\n"));
    assert_eq!(c.entries().next().unwrap().grpc.code, GrpcCode::Internal);
}

#[test]
fn guessed_codes_are_warned_once_per_status_with_a_hint() {
    warnings(
        &format!(
            "{HEAD}status: 409\nsections:
  - name: CLIENT
    title: Client
    entries:
      - {{ code: 1, name: A, message: a }}
      - {{ code: 2, name: B, message: b }}
      - {{ code: 3, name: C, message: c, status: 402 }}
      - {{ code: 4, name: D, message: d, status: 400 }}
      - {{ code: 5, name: E, message: e, grpc: ABORTED }}
      - {{ code: 6, name: F, message: f, status: 200 }}
"
        ),
        &[
            "warning: HTTP status 409 gives 2 entries (`1 A` and 1 more) the gRPC code ABORTED, a guess: 409 is ABORTED or ALREADY_EXISTS, and the mapping takes ABORTED\n  --> shop.yaml:3:9\n   = hint: confirm the gRPC code with `grpc: ALREADY_EXISTS` or `grpc: ABORTED` beside this `status`",
            "warning: HTTP status 402 gives `3 C` the gRPC code UNKNOWN, a guess: the HTTP to gRPC mapping does not list it, so it becomes UNKNOWN\n  --> shop.yaml:10:49\n   = entry: 3 C\n   = hint: confirm the gRPC code with `grpc: UNKNOWN` to keep it, or the code that fits (`grpc: FAILED_PRECONDITION`, say) beside this `status`",
            "warning: HTTP status 200 gives `6 F` the gRPC code UNKNOWN, a guess: 200 maps to OK, which a gRPC client reads as success, so the error is sent as UNKNOWN\n  --> shop.yaml:13:49\n   = entry: 6 F\n   = hint: confirm the gRPC code with `grpc: UNKNOWN` to keep it, or the code that fits (`grpc: FAILED_PRECONDITION`, say) beside this `status`",
        ],
    );
}

#[test]
fn unknown_grpc_codes_and_bad_domains_are_located_errors() {
    problems(
        &format!(
            "{HEAD}status: 400\ndomain: pay example\ngrpc: NOT_FOUN\nsections:
  - name: CLIENT
    title: Client
    grpc: not_found
    entries:
      - {{ code: 1, name: A, message: a, grpc: OK }}
      - {{ code: 2, name: B, message: b, grpc: TEAPOT }}
"
        ),
        &[
            "error: domain \"pay example\" is not a domain name\n  --> shop.yaml:4:9\n   = hint: the ErrorInfo domain names the service, such as `pay.example.com`: ASCII without spaces, at most 253 characters; leave it out to use the module name",
            "error: unknown gRPC code `NOT_FOUN`\n  --> shop.yaml:5:7\n   = hint: did you mean `NOT_FOUND`? gRPC codes are written as `google.rpc.Code` names them",
            "error: unknown gRPC code `not_found`\n  --> shop.yaml:9:11\n   = hint: did you mean `NOT_FOUND`? gRPC codes are written as `google.rpc.Code` names them",
            "error: the gRPC code `OK` is not an error: a gRPC client reads it as success\n  --> shop.yaml:11:47\n   = entry: 1 A\n   = hint: choose the code of an error, such as `FAILED_PRECONDITION`, or `UNKNOWN`",
            "error: unknown gRPC code `TEAPOT`\n  --> shop.yaml:12:47\n   = entry: 2 B\n   = hint: the gRPC codes are OK, CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS, UNAUTHENTICATED",
        ],
    );
}

#[test]
fn names_that_make_no_reason_or_one_reason_are_refused_with_grpc_on() {
    let yaml = format!(
        "{HEAD}status: 400\nsections:
  - name: CLIENT
    title: Client
    entries:
      - {{ code: 1, name: OK, message: a }}
      - {{ code: 2, name: invalid-grant, rust_name: InvalidGrantDash, message: b }}
      - {{ code: 3, name: invalid_grant, message: c }}
      - {{ code: 4, name: {long}, message: d }}
",
        long = "A_".repeat(40) + "Z"
    );
    assert_eq!(
        compile_report("reasons", &yaml),
        "error: the name `OK` is not a gRPC ErrorInfo reason, which has at least 3 and at most 63 characters, capitals, digits and `_`, starting with a capital and not ending with `_`
  --> ./catalogs/shop.yaml:8:9
   = entry: 1 OK
   = hint: rename the entry, or generate the catalog without `Config::grpc`

error: the names `invalid-grant` and `invalid_grant` are one gRPC ErrorInfo reason, `INVALID_GRANT`
  --> ./catalogs/shop.yaml:10:9
   = entry: 3 invalid_grant
   = hint: a reason is the name in capitals with `_`; rename one of the two (`invalid-grant` is at line 9)

error: the catalogs have 2 problems"
    );
    // The long name is cut and hashed into a valid reason rather than refused; without gRPC
    // the short name is fine.
    let long = "A_".repeat(40) + "Z";
    let reason = errcat_build::ident::grpc_reason(&long);
    assert!(errcat_build::ident::is_grpc_reason(&reason), "{reason}");
    assert!(reason.starts_with("A_A_A_"), "{reason}");
    assert_eq!(reason.len(), 62, "{reason}");
    load(&yaml);
}

#[test]
fn metadata_keys_that_clash_or_are_too_long_are_refused_with_grpc_on() {
    let long = "long_".repeat(16) + "name";
    let yaml = format!(
        "{HEAD}status: 400
wire:
  fields:
    - {{ name: code, from: code }}
    - {{ name: message, from: message }}
    - {{ name: minor, from: minor }}
    - {{ name: minorCode, from: param, param: minor_code, type: integer }}
    - {{ name: wait, from: param, type: integer }}
sections:
  - name: CLIENT
    title: Client
    entries:
      - code: 1
        name: BAD
        message: \"{{a_1}} {{a1}} {{wait}} {{{long}}}\"
        placeholders: [{{ name: a_1 }}, {{ name: a1 }}, {{ name: wait, type: integer }}, {{ name: {long} }}]
        minors: [{{ code: 1 }}]
"
    );
    assert_eq!(
        compile_report("keys", &yaml),
        "error: the wire parameter `minor_code` and the minor code have one gRPC metadata key, `minorCode`
  --> ./catalogs/shop.yaml:5:3
   = hint: metadata keys are the names in lowerCamelCase, at most 64 characters, and `minorCode` is the minor code's: rename the value

error: the placeholder `a1` and the placeholder `a_1` have one gRPC metadata key, `a1`
  --> ./catalogs/shop.yaml:15:9
   = entry: 1 BAD
   = hint: metadata keys are the names in lowerCamelCase, at most 64 characters, and `minorCode` is the minor code's: rename the value

error: the gRPC metadata key of the placeholder `long_long_long_long_long_long_long_long_long_long_long_long_long_long_long_long_name`, `longLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongName`, is longer than 64 characters
  --> ./catalogs/shop.yaml:15:9
   = entry: 1 BAD
   = hint: metadata keys are the names in lowerCamelCase, at most 64 characters, and `minorCode` is the minor code's: rename the value

error: the catalogs have 3 problems"
    );
}

#[test]
fn the_generated_module_names_the_grpc_feature() {
    let dir: PathBuf = std::env::temp_dir().join(format!("errcat-grpc-{}-gen", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("catalogs")).unwrap();
    std::fs::write(
        dir.join("catalogs/shop.yaml"),
        format!("{HEAD}status: 404\ndomain: shop.example.com\nsections:\n  - name: CLIENT\n    title: Client\n    entries:\n      - {{ code: 1, name: invalid_grant, message: a }}\n"),
    )
    .unwrap();
    let catalogs = errcat_build::load_dir(&dir.join("catalogs")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let code = errcat_build::Config::new().grpc(true).generate(&catalogs);
    for part in [
        "pub use ::errcat::grpc;",
        "use super::errcat_integrations::grpc;",
        "pub const DOMAIN: &str = \"shop.example.com\";",
        "static GRPC_CODES: [grpc::tonic::Code; 1] = [grpc::tonic::Code::NotFound];",
        "static REASONS: [&str; 1] = [\"INVALID_GRANT\"];",
        "impl ::core::convert::From<Failure> for grpc::tonic::Status",
    ] {
        assert!(code.contains(part), "{part} not in\n{code}");
    }
    let plain = errcat_build::Config::new().generate(&catalogs);
    assert!(!plain.contains("grpc"), "{plain}");
}
