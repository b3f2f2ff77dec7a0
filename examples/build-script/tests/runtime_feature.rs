//! A crate whose build script turns an integration on, while its `errcat` dependency lacks the
//! matching feature, gets one compile error, which names the feature, and none from inside the
//! generated code.

use std::path::Path;
use std::process::Command;

/// Checks a scratch crate holding the basic fixture generated with `config`, depending on the
/// runtime without features, and returns cargo's error lines and its whole stderr.
fn check_without_features(name: &str, config: &errcat_build::Config) -> (Vec<String>, String) {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalogs = here.join("../../errcat-build/tests/fixtures/basic/catalogs");
    let catalogs = errcat_build::load_dir(&catalogs).expect("the fixture loads");
    let dir = std::env::temp_dir().join(format!("errcat-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let runtime = here.join("../../errcat").canonicalize().unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
             [dependencies]\nerrcat = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), config.generate(&catalogs)).unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["check", "--quiet", "--offline", "--color", "never"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!out.status.success(), "{stderr}");
    let errors = stderr
        .lines()
        .filter(|l| l.starts_with("error["))
        .map(str::to_owned)
        .collect();
    (errors, stderr)
}

#[test]
fn a_missing_runtime_feature_is_one_error_that_names_it() {
    let (errors, stderr) =
        check_without_features("missing-feature", errcat_build::Config::new().axum(true));
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("unresolved import `errcat::response`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the item is gated behind the `axum` feature"),
        "{stderr}"
    );
}

/// The same for `Config::grpc` without the runtime's `grpc` feature: one error, naming it.
#[test]
fn a_missing_grpc_feature_is_one_error_that_names_it() {
    let (errors, stderr) =
        check_without_features("missing-grpc", errcat_build::Config::new().grpc(true));
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("unresolved import `errcat::grpc`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the item is gated behind the `grpc` feature"),
        "{stderr}"
    );
}
