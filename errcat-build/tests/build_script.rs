//! What a user sees when a build script fails: the report alone, as cargo shows the script's
//! stderr, with no `Error: ` line before it and exit status 1.

use std::path::PathBuf;
use std::process::Command;

/// Set in the child run of this test binary to the catalogs directory to compile.
const CHILD: &str = "ERRCAT_BUILD_SCRIPT_TEST_DIR";

#[test]
fn a_failing_build_script_prints_the_report_alone() {
    if let Some(dir) = std::env::var_os(CHILD) {
        // The child: what a build script's `main` does.
        let dir = PathBuf::from(dir);
        errcat_build::Config::new()
            .emit_rerun_if_changed(false)
            .out_dir(&dir)
            .compile_or_exit(&dir);
        panic!("compile_or_exit returned on a bad catalog");
    }
    let dir = std::env::temp_dir().join(format!("errcat-build-script-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("shop.yaml"),
        "title: Shop\nsource: test\nstatus: 400\nsections:\n  - name: CLIENT\n    title: Client\n    entries:\n      - {code: 1, name: A, mesage: a}\n",
    )
    .unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_failing_build_script_prints_the_report_alone",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(CHILD, &dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let expected = format!(
        "error: unknown field `mesage` in an entry\n  --> {0}:8:28\n   = entry: 1 A\n   = hint: did you mean `message`?\n\nerror: the catalogs have 1 problem\n",
        dir.join("shop.yaml").display()
    );
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr, expected);
    assert!(!stderr.contains("Error: "));
    std::fs::remove_dir_all(dir).unwrap();
}
