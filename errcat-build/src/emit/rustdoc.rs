//! The rustdoc of a catalog module and of each variant: the code tables, columns and minor
//! codes, as the Markdown docs show them.

use crate::model::{Catalog, Entry, Value};

pub(super) fn module_doc(catalog: &Catalog) -> String {
    use super::escape::{code_span, escape, escape_prose, source};
    let mut s = format!(
        "{}\n\nSource: {}\n",
        escape_prose(&catalog.title),
        source(&catalog.source)
    );
    if let Some(d) = &catalog.description {
        s.push_str(&format!("\n{}\n", escape_prose(d)));
    }
    if let Some(n) = &catalog.note {
        s.push_str(&format!("\n**Note:** {}\n", escape_prose(n)));
    }
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    s.push_str(&format!(
        "\n{} in {}; {}.",
        count(catalog.entry_count(), "code", "codes"),
        count(catalog.sections.len(), "section", "sections"),
        count(catalog.minor_count(), "minor code", "minor codes"),
    ));
    if let Some(status) = catalog.status {
        s.push_str(&format!(" Default HTTP status {status}."));
    }
    s.push('\n');
    for section in &catalog.sections {
        // The docs of a module are read in the scope the module is declared in.
        let (title, module, ty) = (escape(&section.title), &catalog.module, section.type_name());
        s.push_str(&format!(
            "\n## {title}\n\n[`Section::{ty}`]({module}::Section::{ty})\n"
        ));
        if let Some(d) = &section.description {
            s.push_str(&format!("\n{}\n", escape_prose(d)));
        }
        match catalog.status {
            Some(_) => {
                s.push_str("\n| Code | Name | Status | Message |\n| ---: | --- | ---: | --- |\n")
            }
            None => s.push_str("\n| Code | Name | Message |\n| ---: | --- | --- |\n"),
        }
        for e in &section.entries {
            let status = e.status.map(|s| format!(" {s} |")).unwrap_or_default();
            s.push_str(&format!(
                "| {} | [`{}`]({}::Error::{}){} |{status} {} |\n",
                code_span(&e.code.to_string()),
                e.name,
                catalog.module,
                e.type_name(),
                if e.deprecated.is_some() {
                    " (deprecated)"
                } else {
                    ""
                },
                escape(&e.message.text(&e.placeholders))
            ));
        }
    }
    s
}

/// "`404` `NOT_FOUND`", or the name alone where it is the code ("`FORBIDDEN`"); a code that
/// cannot be a code span is escaped.
pub(super) fn code_and_name(e: &Entry) -> String {
    let code = e.code.to_string();
    if code == e.name {
        format!("`{code}`")
    } else {
        format!("{} `{}`", super::escape::code_span(&code), e.name)
    }
}

pub(super) fn variant_doc(catalog: &Catalog, e: &Entry) -> String {
    use super::escape::{escape, escape_prose};
    let status = e.status.map(|s| format!(", HTTP {s}")).unwrap_or_default();
    let mut s = format!(
        "{}{status}, gRPC `{}`: {}
",
        code_and_name(e),
        e.grpc.code,
        escape(&e.message.text(&e.placeholders))
    );
    if let Some(d) = &e.description {
        s.push_str(&format!("\n{}\n", escape_prose(d)));
    }
    if !e.aliases.is_empty() {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .zip(&e.alias_rust_names)
            .map(|(a, rust)| format!("`{a}` (the constant [`Error::{rust}`])"))
            .collect();
        s.push_str(&format!("\nAlso documented as {}.\n", aliases.join(", ")));
    }
    if !e.placeholders.is_empty() {
        s.push_str(&format!(
            "\nPlaceholders, the fields of [`values::{}`]:\n\n",
            e.type_name()
        ));
        for p in &e.placeholders {
            s.push_str(&format!("- `{{{}}}` ({})", p.name, p.kind));
            if let Some(d) = &p.description {
                s.push_str(&format!(": {}", escape(d)));
            }
            if let Some(x) = &p.example {
                s.push_str(&format!(" Example: {}.", escape(x)));
            }
            if let Some(x) = &p.documented {
                s.push_str(&format!(" The document writes it {}.", escape(x)));
            }
            s.push('\n');
        }
    }
    let columns: Vec<String> = catalog
        .columns
        .iter()
        .zip(&e.columns)
        .filter_map(|(column, v)| {
            let v = v.as_ref()?;
            let v = match v {
                Value::String(text) => escape(text),
                v => format!("`{v}`"),
            };
            Some(format!("- `{}`: {v}\n", column.name))
        })
        .collect();
    if !columns.is_empty() {
        s.push('\n');
        s.push_str(&columns.concat());
    }
    if let Some(r) = &e.reaction {
        s.push_str(&format!("\n**Reaction:** {}\n", escape_prose(r)));
    }
    if !e.minors.is_empty() {
        s.push_str(&format!(
            "\nMinor codes ([`minor::{}`]):\n\n| Minor | Detail | Reaction |\n| ---: | --- | --- |\n",
            e.type_name()
        ));
        for m in &e.minors {
            s.push_str(&format!(
                "| {} | {} | {} |\n",
                m.code,
                m.detail.as_deref().map_or_else(String::new, escape),
                m.effective_reaction(e).map_or_else(String::new, escape)
            ));
        }
    }
    if let Some(n) = &e.note {
        s.push_str(&format!("\n**Note:** {}\n", escape_prose(n)));
    }
    s
}
