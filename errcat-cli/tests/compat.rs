//! Compatibility checks as CI runs them: a git repository in a temporary directory, a catalog
//! committed, then one commit per change. Every breaking change fails `errcat check --against`
//! with its rule's name, located in both versions; every allowed change passes; the JSON output
//! carries the same findings as the text. The same rules hold against the lock file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A git repository of its own under the system's temporary directory, removed when dropped.
struct Repo(PathBuf);

impl Repo {
    fn new(name: &str) -> Repo {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "errcat-compat-test-{}-{n}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("catalogs")).unwrap();
        let repo = Repo(dir);
        repo.git(&["init", "-q"]);
        repo
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.0)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .output()
            .expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.0.join(rel), text).unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }

    fn errcat(&self, args: &[&str]) -> Run {
        let o = Command::new(env!("CARGO_BIN_EXE_errcat"))
            .args(args)
            .current_dir(&self.0)
            .env_remove("CARGO_PKG_NAME")
            .output()
            .expect("run errcat");
        Run {
            code: o.status.code(),
            stdout: String::from_utf8(o.stdout).unwrap(),
            stderr: String::from_utf8(o.stderr).unwrap(),
        }
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

const BASE: &str = "\
title: Shop
source: test
status: 400
columns:
  - name: retryable
    type: bool
    default: false
wire:
  envelope: error
  fields:
    - { name: code, from: code }
    - { name: message, from: message }
    - { name: retryAfter, from: param, param: retry_after, type: integer }
sections:
  - name: CLIENT
    title: Client errors
    entries:
      - code: 1001
        name: BAD_PAYLOAD
        message: The request body is not valid.
        minors:
          - code: 1
            name: COUNTRY_INVALID
          - code: 2
            name: USERNAME_INVALID
      - code: 1002
        name: INSUFFICIENT_BALANCE
        message: \"Insufficient {asset} balance.\"
        placeholders:
          - name: asset
      - code: 1003
        name: FORBIDDEN
        message: Forbidden.
        aliases: [PERMISSION_DENIED]
        status: 403
      - code: 1004
        name: OLD_TOKEN
        message: Old token.
        aliases: [LEGACY_TOKEN]
        retired: Tokens of the old format are rejected with 1001 since v2.
    reserved:
      - { from: 1010, to: 1019, reason: Kept for the v1 payment codes. }
  - name: SERVER
    title: Server errors
    status: 500
    entries:
      - code: 2000
        name: INTERNAL
        message: Internal server error.
";

/// One edit of the base catalog: each `(from, to)` replaces text that occurs exactly once.
fn edit(base: &str, edits: &[(&str, &str)]) -> String {
    let mut text = base.to_owned();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// The 1-based line of the only line of `text` containing `marker`.
fn line_of(text: &str, marker: &str) -> usize {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(marker))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "{marker:?} in\n{text}");
    lines[0]
}

/// A breaking change: the edits, and each finding expected as its rule, the marker of the line
/// it points at now (`None`: the file as a whole) and the marker of the line it pointed at in
/// the base catalog.
struct Breaking {
    what: &'static str,
    edits: &'static [(&'static str, &'static str)],
    findings: &'static [(&'static str, Option<&'static str>, &'static str)],
}

const BREAKING: &[Breaking] = &[
    Breaking {
        what: "a code removed",
        edits: &[(
            "      - code: 1003\n        name: FORBIDDEN\n        message: Forbidden.\n        aliases: [PERMISSION_DENIED]\n        status: 403\n",
            "",
        )],
        findings: &[("CODE_REMOVED", None, "- code: 1003")],
    },
    Breaking {
        what: "a retired code removed",
        edits: &[(
            "      - code: 1004\n        name: OLD_TOKEN\n        message: Old token.\n        aliases: [LEGACY_TOKEN]\n        retired: Tokens of the old format are rejected with 1001 since v2.\n",
            "",
        )],
        findings: &[("CODE_REMOVED", None, "- code: 1004")],
    },
    Breaking {
        what: "a code renumbered",
        edits: &[("code: 1002\n", "code: 1005\n")],
        findings: &[("CODE_RENUMBERED", Some("- code: 1005"), "- code: 1002")],
    },
    Breaking {
        what: "a name changed",
        edits: &[("name: INSUFFICIENT_BALANCE", "name: LOW_BALANCE")],
        findings: &[("NAME_CHANGED", Some("- code: 1002"), "- code: 1002")],
    },
    Breaking {
        what: "an alias removed",
        edits: &[("        aliases: [PERMISSION_DENIED]\n", "")],
        findings: &[("ALIAS_REMOVED", Some("- code: 1003"), "- code: 1003")],
    },
    Breaking {
        what: "a retired code brought back",
        edits: &[(
            "        retired: Tokens of the old format are rejected with 1001 since v2.\n",
            "",
        )],
        findings: &[("RETIRED_REUSED", Some("- code: 1004"), "- code: 1004")],
    },
    Breaking {
        what: "a retired name given to a new code",
        edits: &[
            ("        aliases: [LEGACY_TOKEN]\n", ""),
            (
                "    reserved:",
                "      - code: 1005\n        name: LEGACY_TOKEN\n        message: New token.\n    reserved:",
            ),
        ],
        findings: &[
            ("RETIRED_REUSED", Some("- code: 1005"), "- code: 1004"),
            ("ALIAS_REMOVED", Some("- code: 1004"), "- code: 1004"),
        ],
    },
    Breaking {
        what: "a reserved code used, its reservation narrowed",
        edits: &[
            ("from: 1010, to: 1019", "from: 1013, to: 1019"),
            (
                "    reserved:",
                "      - code: 1012\n        name: PAYMENT_LIMIT\n        message: Payment limit.\n    reserved:",
            ),
        ],
        findings: &[("RETIRED_REUSED", Some("- code: 1012"), "- { from: 1010")],
    },
    Breaking {
        what: "a reservation removed",
        edits: &[(
            "    reserved:\n      - { from: 1010, to: 1019, reason: Kept for the v1 payment codes. }\n",
            "",
        )],
        findings: &[("RESERVATION_REMOVED", None, "- { from: 1010")],
    },
    Breaking {
        what: "a status changed",
        edits: &[("status: 403", "status: 401")],
        findings: &[("STATUS_CHANGED", Some("- code: 1003"), "- code: 1003")],
    },
    Breaking {
        what: "a status changed through the section's default",
        edits: &[("    status: 500\n", "    status: 503\n")],
        findings: &[("STATUS_CHANGED", Some("- code: 2000"), "- code: 2000")],
    },
    Breaking {
        what: "a gRPC code changed, the status kept",
        edits: &[("status: 403", "status: 403\n        grpc: NOT_FOUND")],
        findings: &[("GRPC_CODE_CHANGED", Some("- code: 1003"), "- code: 1003")],
    },
    Breaking {
        what: "the ErrorInfo domain changed",
        edits: &[(
            "status: 400\ncolumns:",
            "status: 400\ndomain: shop.example.com\ncolumns:",
        )],
        findings: &[("DOMAIN_CHANGED", None, "")],
    },
    Breaking {
        what: "a placeholder renamed",
        edits: &[
            ("{asset} balance", "{currency} balance"),
            ("- name: asset", "- name: currency"),
        ],
        findings: &[("PLACEHOLDER_REMOVED", Some("- code: 1002"), "- code: 1002")],
    },
    Breaking {
        what: "a wire field renamed",
        edits: &[("name: retryAfter", "name: retry_after_s")],
        findings: &[(
            "WIRE_FIELD_REMOVED",
            Some("envelope: error"),
            "envelope: error",
        )],
    },
    Breaking {
        what: "the envelope changed",
        edits: &[("envelope: error", "envelope: err")],
        findings: &[(
            "WIRE_ENVELOPE_CHANGED",
            Some("envelope: err"),
            "envelope: error",
        )],
    },
    Breaking {
        what: "a minor code removed",
        edits: &[(
            "          - code: 1\n            name: COUNTRY_INVALID\n",
            "",
        )],
        findings: &[("MINOR_REMOVED", Some("- code: 1001"), "- code: 1001")],
    },
    Breaking {
        what: "a minor code renumbered",
        edits: &[(
            "- code: 2\n            name: USERNAME_INVALID",
            "- code: 3\n            name: USERNAME_INVALID",
        )],
        findings: &[("MINOR_RENUMBERED", Some("- code: 1001"), "- code: 1001")],
    },
    Breaking {
        what: "a variant renamed, the old name kept as an alias",
        edits: &[
            ("name: FORBIDDEN", "name: NOT_ALLOWED"),
            (
                "aliases: [PERMISSION_DENIED]",
                "aliases: [PERMISSION_DENIED, FORBIDDEN]",
            ),
        ],
        findings: &[("VARIANT_RENAMED", Some("- code: 1003"), "- code: 1003")],
    },
    Breaking {
        what: "a section renamed",
        edits: &[("name: SERVER", "name: BACKEND")],
        findings: &[("SECTION_RENAMED", None, "- name: SERVER")],
    },
    Breaking {
        what: "a column removed",
        edits: &[(
            "columns:\n  - name: retryable\n    type: bool\n    default: false\n",
            "",
        )],
        findings: &[("COLUMN_REMOVED", None, "- name: retryable")],
    },
    Breaking {
        what: "a column's type changed",
        edits: &[(
            "type: bool\n    default: false",
            "type: integer\n    default: 0",
        )],
        findings: &[(
            "COLUMN_TYPE_CHANGED",
            Some("- name: retryable"),
            "- name: retryable",
        )],
    },
    Breaking {
        what: "the catalog's module renamed",
        edits: &[("title: Shop\n", "name: store\ntitle: Shop\n")],
        findings: &[("CATALOG_REMOVED", None, "")],
    },
];

/// Allowed changes: each passes against the base.
const ALLOWED: &[(&str, &[(&str, &str)])] = &[
    (
        "the gRPC code a status gives, confirmed",
        &[(
            "status: 403",
            "status: 403\n        grpc: PERMISSION_DENIED",
        )],
    ),
    (
        "a code added",
        &[(
            "    reserved:",
            "      - code: 1005\n        name: PIN_LOCKED\n        message: PIN locked.\n    reserved:",
        )],
    ),
    (
        "a message and a description reworded",
        &[(
            "message: The request body is not valid.",
            "message: The request body is invalid.\n        description: A field is missing.",
        )],
    ),
    (
        "an alias added",
        &[(
            "message: Internal server error.",
            "message: Internal server error.\n        aliases: [SERVER_FAILURE]",
        )],
    ),
    (
        "a placeholder added",
        &[(
            "message: Internal server error.",
            "message: \"Internal server error {id}.\"\n        placeholders:\n          - name: id",
        )],
    ),
    (
        "a minor code added",
        &[(
            "            name: USERNAME_INVALID\n",
            "            name: USERNAME_INVALID\n          - code: 3\n",
        )],
    ),
    (
        "a column added",
        &[(
            "    default: false\n",
            "    default: false\n  - name: request\n    type: integer\n",
        )],
    ),
    (
        "a section added",
        &[(
            "        message: Internal server error.\n",
            "        message: Internal server error.\n  - name: LIMITS\n    title: Limits\n    entries:\n      - code: 3000\n        name: RATE_LIMITED\n        message: Slow down.\n",
        )],
    ),
    (
        "a code retired",
        &[(
            "          - name: asset\n",
            "          - name: asset\n        retired: Balances are no longer checked here.\n",
        )],
    ),
    (
        "a reservation widened and one added",
        &[(
            "      - { from: 1010, to: 1019, reason: Kept for the v1 payment codes. }\n",
            "      - { from: 1008, to: 1019, reason: Kept for the v1 payment codes. }\n      - { code: 2001 }\n",
        )],
    ),
    (
        "a wire field added",
        &[(
            "    - { name: message, from: message }\n",
            "    - { name: message, from: message }\n    - { name: name, from: name }\n",
        )],
    ),
    (
        "a variant renamed in a catalog checked for wire compatibility only",
        &[
            ("title: Shop\n", "title: Shop\ncompatibility: [wire]\n"),
            ("name: FORBIDDEN", "name: NOT_ALLOWED"),
            (
                "aliases: [PERMISSION_DENIED]",
                "aliases: [PERMISSION_DENIED, FORBIDDEN]",
            ),
        ],
    ),
    (
        "a status changed in a catalog checked for source compatibility only",
        &[
            ("title: Shop\n", "title: Shop\ncompatibility: [source]\n"),
            ("status: 403", "status: 401"),
        ],
    ),
    (
        "a column removed in a catalog checked for nothing",
        &[
            ("title: Shop\n", "title: Shop\ncompatibility: []\n"),
            (
                "columns:\n  - name: retryable\n    type: bool\n    default: false\n",
                "",
            ),
        ],
    ),
];

/// A finding of a JSON report: rule, line now, line then, revision then.
type Found = (String, Option<u64>, Option<u64>, Option<String>);

/// The findings of a JSON report.
fn json_findings(out: &str) -> Vec<Found> {
    let v: serde_json::Value = serde_json::from_str(out).expect("the JSON output parses");
    v["findings"]
        .as_array()
        .expect("findings is a list")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["at"]["line"].as_u64(),
                f["was"]["line"].as_u64(),
                f["was"]["revision"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn repo_with_base(name: &str) -> Repo {
    let repo = Repo::new(name);
    repo.write("catalogs/shop.yaml", BASE);
    repo.commit("base");
    repo.git(&["tag", "base"]);
    repo
}

#[test]
fn every_breaking_change_fails_against_the_previous_commit_with_its_rule_and_places() {
    let repo = repo_with_base("breaking");
    for case in BREAKING {
        repo.git(&["reset", "-q", "--hard", "base"]);
        let new = edit(BASE, case.edits);
        repo.write("catalogs/shop.yaml", &new);
        repo.commit(case.what);

        let text = repo.errcat(&["check", "--against", "HEAD~1"]);
        assert_eq!(text.code, Some(1), "{}: {text:?}", case.what);
        let json = repo.errcat(&["check", "--against", "HEAD~1", "--format", "json"]);
        assert_eq!(json.code, Some(1), "{}: {json:?}", case.what);
        let found = json_findings(&json.stdout);

        let expected: Vec<Found> = case
            .findings
            .iter()
            .map(|(rule, now, then)| {
                (
                    (*rule).to_owned(),
                    now.map(|m| line_of(&new, m) as u64),
                    (!then.is_empty()).then(|| line_of(BASE, then) as u64),
                    Some("HEAD~1".to_owned()),
                )
            })
            .collect();
        assert_eq!(found, expected, "{}:\n{}", case.what, json.stdout);

        // The text says the same: each rule, where it is now and where it was.
        for (rule, now, then, _) in &expected {
            assert!(
                text.stderr.contains(&format!("error[{rule}]: ")),
                "{}: {text:?}",
                case.what
            );
            let at = match now {
                Some(line) => format!("  --> catalogs/shop.yaml:{line}:"),
                None => "  --> catalogs/shop.yaml\n".to_owned(),
            };
            assert!(
                text.stderr.contains(&at),
                "{}: {at:?} in {text:?}",
                case.what
            );
            let was = match then {
                Some(line) => format!("   = was: catalogs/shop.yaml:{line}:"),
                None => "   = was: catalogs/shop.yaml at HEAD~1".to_owned(),
            };
            assert!(
                text.stderr.contains(&was),
                "{}: {was:?} in {text:?}",
                case.what
            );
        }
        assert!(text.stderr.contains("   = hint: "), "{text:?}");
        assert_eq!(
            text.stderr.matches("error[").count(),
            expected.len(),
            "{}: {text:?}",
            case.what
        );
    }
}

#[test]
fn every_allowed_change_passes_against_the_previous_commit() {
    let repo = repo_with_base("allowed");
    for (what, edits) in ALLOWED {
        repo.git(&["reset", "-q", "--hard", "base"]);
        repo.write("catalogs/shop.yaml", &edit(BASE, edits));
        repo.commit(what);
        let run = repo.errcat(&["check", "--against", "HEAD~1"]);
        assert_eq!(run.code, Some(0), "{what}: {run:?}");
        assert!(
            run.stdout.contains(
                "compatibility with catalogs at HEAD~1: 1 catalog compared, no breaking change"
            ),
            "{what}: {run:?}"
        );
        let json = repo.errcat(&["check", "--against", "HEAD~1", "--format", "json"]);
        assert_eq!(json.code, Some(0), "{what}: {json:?}");
        assert!(json_findings(&json.stdout).is_empty(), "{what}: {json:?}");
    }
}

#[test]
fn github_annotations_point_at_the_entry() {
    let repo = repo_with_base("github");
    let new = edit(BASE, &[("code: 1002\n", "code: 1005\n")]);
    repo.write("catalogs/shop.yaml", &new);
    repo.commit("renumber");
    let run = repo.errcat(&["check", "--against", "base", "--format", "github"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let line = line_of(&new, "- code: 1005");
    let was = line_of(BASE, "- code: 1002");
    let annotation = run
        .stdout
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("{run:?}"));
    assert_eq!(
        annotation,
        format!(
            "::error file=catalogs/shop.yaml,line={line},col=9,title=CODE_RENUMBERED::`INSUFFICIENT_BALANCE` moved from code 1002 to 1005 (entry 1005 INSUFFICIENT_BALANCE)%0Awas: catalogs/shop.yaml:{was}:9 at base%0Ahint: codes are never renumbered: give `INSUFFICIENT_BALANCE` its code 1002 back; a new code needs a new entry with a new name (`errcat next` prints a free code)"
        )
    );
}

#[test]
fn a_revision_without_the_directory_or_unknown_to_git() {
    let repo = Repo::new("revisions");
    repo.write("README", "x\n");
    repo.commit("before the catalogs");
    repo.git(&["tag", "empty"]);
    repo.write("catalogs/shop.yaml", BASE);
    repo.commit("catalogs");
    let run = repo.errcat(&["check", "--against", "empty"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains("no catalogs there, nothing to compare"),
        "{run:?}"
    );
    let run = repo.errcat(&["check", "--against", "no-such-branch"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("unknown revision `no-such-branch`"),
        "{run:?}"
    );
    let run = repo.errcat(&["check", "--against", "--all"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    // From a subdirectory, and with the catalogs directory given as a path.
    let sub = repo.path().join("catalogs");
    let o = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["check", ".", "--against", "HEAD"])
        .current_dir(&sub)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_lock_file_applies_the_same_rules_and_says_when_to_rerun_lock() {
    let repo = repo_with_base("lock");
    // No lock file: check passes and says nothing about compatibility.
    let run = repo.errcat(&["check"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(!run.stdout.contains("compatibility"), "{run:?}");

    let run = repo.errcat(&["lock"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout
            .contains("wrote catalogs/errcat.lock (1 catalogs, 5 codes)"),
        "{run:?}"
    );
    let lock = std::fs::read_to_string(repo.path().join("catalogs/errcat.lock")).unwrap();
    // Deterministic: a second run writes nothing, and the same catalogs give the same text.
    let run = repo.errcat(&["lock"]);
    assert!(run.stdout.contains("up to date"), "{run:?}");
    assert_eq!(
        std::fs::read_to_string(repo.path().join("catalogs/errcat.lock")).unwrap(),
        lock
    );
    assert!(
        lock.contains("\ncode 1004 OLD_TOKEN status=400 aliases=LEGACY_TOKEN retired\n"),
        "{lock}"
    );
    assert!(lock.contains("\nreserved 1010 1019\n"), "{lock}");
    assert!(
        lock.contains(
            "\ncode 1001 BAD_PAYLOAD status=400 minors=1:COUNTRY_INVALID,2:USERNAME_INVALID\n"
        ),
        "{lock}"
    );
    let run = repo.errcat(&["check"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("up to date"), "{run:?}");
    repo.commit("lock");

    // A breaking change: located in the catalog and on the lock file's line.
    let new = edit(BASE, &[("code: 1002\n", "code: 1005\n")]);
    repo.write("catalogs/shop.yaml", &new);
    let run = repo.errcat(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let lock_line = line_of(&lock, "code 1002 ") as u64;
    assert_eq!(
        json_findings(&run.stdout),
        [(
            "CODE_RENUMBERED".to_owned(),
            Some(line_of(&new, "- code: 1005") as u64),
            Some(lock_line),
            None
        )]
    );
    let run = repo.errcat(&["check"]);
    assert!(
        run.stderr
            .contains(&format!("   = was: catalogs/errcat.lock:{lock_line}\n")),
        "{run:?}"
    );
    // errcat lock refuses to record the break, unless forced.
    let run = repo.errcat(&["lock"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("error[CODE_RENUMBERED]"), "{run:?}");
    assert!(run.stderr.contains("errcat lock --force"), "{run:?}");
    assert_eq!(
        std::fs::read_to_string(repo.path().join("catalogs/errcat.lock")).unwrap(),
        lock
    );

    // An allowed change: the lock is stale, and check says to run errcat lock.
    let added = edit(
        BASE,
        &[(
            "    reserved:",
            "      - code: 1005\n        name: PIN_LOCKED\n        message: PIN locked.\n    reserved:",
        )],
    );
    repo.write("catalogs/shop.yaml", &added);
    let run = repo.errcat(&["check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("error[LOCK_STALE]: the lock file is out of date"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("`code 1005 PIN_LOCKED status=400`"),
        "{run:?}"
    );
    assert!(run.stderr.contains("= hint: run `errcat lock`"), "{run:?}");
    let run = repo.errcat(&["lock"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = repo.errcat(&["check"]);
    assert_eq!(run.code, Some(0), "{run:?}");

    // The lock file keeps a code deleted since (a break check reports): `next` skips it.
    repo.write("catalogs/shop.yaml", BASE);
    let next = repo.errcat(&["next", "--catalog", "shop", "--section", "CLIENT"]);
    assert_eq!(next.stdout, "1006\n", "{next:?}");

    // A damaged lock file is reported by line.
    let damaged = std::fs::read_to_string(repo.path().join("catalogs/errcat.lock"))
        .unwrap()
        .replace(
            "code 1005 PIN_LOCKED status=400",
            "code 1005 PIN_LOCKED stat=400",
        );
    repo.write("catalogs/errcat.lock", &damaged);
    let run = repo.errcat(&["check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let line = line_of(&damaged, "stat=400");
    assert!(
        run.stderr.contains(&format!(
            "error[LOCK_INVALID]: unknown field `stat=`\n  --> catalogs/errcat.lock:{line}\n"
        )),
        "{run:?}"
    );
}

#[test]
fn next_skips_retired_reserved_and_locked_codes() {
    let repo = repo_with_base("next");
    let next = |args: &[&str]| {
        let run = repo.errcat(args);
        assert_eq!(run.code, Some(0), "{run:?}");
        run.stdout
    };
    // 1004 is retired: the next CLIENT code is 1005.
    assert_eq!(
        next(&["next", "--catalog", "shop", "--section", "CLIENT"]),
        "1005\n"
    );
    let more: String = (1005..=1009)
        .map(|c| format!("      - code: {c}\n        name: E{c}\n        message: E.\n"))
        .collect();
    repo.write(
        "catalogs/shop.yaml",
        &edit(BASE, &[("    reserved:", &format!("{more}    reserved:"))]),
    );
    // 1010-1019 are reserved.
    assert_eq!(
        next(&["next", "--catalog", "shop", "--section", "CLIENT"]),
        "1020\n"
    );
    assert_eq!(next(&["next"]), "shop CLIENT  1020\nshop SERVER  2001\n");
    let run = repo.errcat(&["next", "--section", "NOPE"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("CLIENT (shop), SERVER (shop)"),
        "{run:?}"
    );
}

#[test]
fn the_duplicate_code_hint_skips_retired_and_reserved_codes_as_next_does() {
    let repo = repo_with_base("next-hint");
    let more: String = (1005..=1009)
        .map(|c| format!("      - code: {c}\n        name: E{c}\n        message: E.\n"))
        .collect();
    let valid = edit(BASE, &[("    reserved:", &format!("{more}    reserved:"))]);
    repo.write("catalogs/shop.yaml", &valid);
    let next = repo.errcat(&["next", "--catalog", "shop", "--section", "CLIENT"]);
    assert_eq!(next.stdout, "1020\n", "{next:?}");
    // A new row that takes a code in use: the section's codes run without a gap from 1001, so
    // its lowest free code is the one `next` prints, past the retired 1004 and the reserved
    // 1010-1019.
    let duplicate = edit(
        &valid,
        &[(
            "    reserved:",
            "      - code: 1002\n        name: PIN_LOCKED\n        message: PIN locked.\n    reserved:",
        )],
    );
    repo.write("catalogs/shop.yaml", &duplicate);
    let run = repo.errcat(&["check"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("; the lowest free code in section `CLIENT` is 1020;"),
        "{run:?}"
    );
}

#[test]
fn docs_check_reports_stale_pages_as_json_and_annotations() {
    let repo = repo_with_base("docs");
    let run = repo.errcat(&["docs"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = repo.errcat(&["docs", "--check", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(json_findings(&run.stdout).is_empty());
    repo.write(
        "catalogs/shop.yaml",
        &edit(BASE, &[("message: Forbidden.", "message: Not allowed.")]),
    );
    let run = repo.errcat(&["docs", "--check", "--format", "json"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "DOCS_STALE");
    assert_eq!(f["at"]["file"], "docs/catalogs/shop.md");
    let page = std::fs::read_to_string(repo.path().join("docs/catalogs/shop.md")).unwrap();
    assert_eq!(
        f["at"]["line"].as_u64(),
        Some(line_of(&page, "| Forbidden. |") as u64)
    );
    assert_eq!(f["hint"], "run `errcat docs`");
    let run = repo.errcat(&["docs", "--check", "--format", "github"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout
            .starts_with("::error file=docs/catalogs/shop.md,line="),
        "{run:?}"
    );
}

#[test]
fn check_reports_catalog_problems_as_json() {
    let repo = repo_with_base("invalid");
    repo.write(
        "catalogs/shop.yaml",
        &edit(BASE, &[("message: Forbidden.", "mesage: Forbidden.")]),
    );
    let run = repo.errcat(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "INVALID_CATALOG");
    assert_eq!(f["message"], "unknown field `mesage` in an entry");
    assert_eq!(f["entry"], "1003 FORBIDDEN");
    assert_eq!(f["hint"], "did you mean `message`?");
    assert_eq!(f["at"]["file"], "catalogs/shop.yaml");
    assert!(f["at"]["line"].as_u64().is_some());
    // The text format is what it always was.
    let run = repo.errcat(&["check"]);
    assert!(
        run.stderr
            .starts_with("error: unknown field `mesage` in an entry\n  --> catalogs/shop.yaml:"),
        "{run:?}"
    );
    assert!(
        run.stderr.ends_with("error: the catalogs have 1 problem\n"),
        "{run:?}"
    );
}

/// The bundled catalogs keep every code of their committed lock file, and it is up to date.
#[test]
fn the_bundled_catalogs_match_their_lock_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["check", "--format", "json"])
        .current_dir(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(
        o.status.success(),
        "{stdout}\nafter an allowed change, run `cargo run -p errcat-cli -- lock`"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let summary = v["summary"].to_string();
    assert!(
        summary.contains("compatibility with catalogs/errcat.lock: ")
            && summary.contains(" catalogs compared, no breaking change, up to date"),
        "{summary}"
    );
}
