//! What of the format the Rust emitter generates. A catalog may use parts of the format that
//! the model, the checks and the Markdown docs already cover but the Rust emitter does not
//! generate yet; compiling such a catalog fails with these diagnostics rather than with Rust
//! that says less than the catalog (a string for an enum, a dropped field).

use crate::diagnostic::Diagnostic;
use crate::model::{Catalog, CodeKind, WireSource};

/// One diagnostic per part of `catalog` that the Rust emitter does not generate yet.
pub(crate) fn unsupported(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut parts = Vec::new();
    if catalog.minor_code_kind == CodeKind::String && catalog.minor_count() > 0 {
        parts.push("string minor codes".to_owned());
    }
    if catalog.wire.field(&WireSource::Code).is_none() {
        parts.push("a wire shape that identifies the error by name (no `from: code`)".to_owned());
    }
    for f in &catalog.wire.fields {
        if let WireSource::Raw { .. } = f.source {
            parts.push(format!("the raw wire field `{}`", f.name));
        }
    }
    parts
        .into_iter()
        .map(|part| {
            Diagnostic::new(
                &catalog.file,
                None,
                format!("the Rust generator does not support {part} yet"),
            )
            .with_hint("the catalog is valid and `errcat docs` documents it; generating Rust for it is not implemented")
        })
        .collect()
}
