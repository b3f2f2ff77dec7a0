//! What the generated Rust holds, read from the generated file itself so that the summary of
//! `errcat check` and `errcat generate` can never disagree with what a build script writes.

use errcat_build::Catalog;

/// The public items of a generated file.
#[derive(Debug, Default, PartialEq)]
pub struct Items {
    /// Types outside the catalog modules, shared by all of them.
    pub shared: Vec<String>,
    /// Each catalog module and its public types, nested ones as `minor::Name`.
    pub modules: Vec<(String, Vec<String>)>,
}

/// The public types and modules of formatted generated Rust: items are found by their
/// indentation (four spaces per level), which the formatter makes regular.
pub fn items(code: &str) -> Items {
    let mut items = Items::default();
    // The open `pub mod`s, outermost first, with their indentation.
    let mut open: Vec<(usize, String)> = Vec::new();
    for line in code.lines() {
        let indent = line.len() - line.trim_start().len();
        let text = line.trim_start();
        while open
            .last()
            .is_some_and(|(at, _)| indent <= *at && !text.is_empty())
        {
            open.pop();
        }
        let Some(rest) = text.strip_prefix("pub ") else {
            continue;
        };
        let mut words = rest.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        let (Some(kind), Some(name)) = (words.next(), words.next()) else {
            continue;
        };
        match kind {
            "mod" if rest.ends_with('{') => {
                if open.is_empty() {
                    items.modules.push((name.to_owned(), Vec::new()));
                }
                open.push((indent, name.to_owned()));
            }
            "enum" | "struct" | "trait" | "type" => {
                let path: Vec<&str> = open.iter().skip(1).map(|(_, n)| n.as_str()).collect();
                let full = if path.is_empty() {
                    name.to_owned()
                } else {
                    format!("{}::{name}", path.join("::"))
                };
                match (open.first(), items.modules.last_mut()) {
                    (Some((_, m)), Some((last, types))) if m == last => types.push(full),
                    _ => items.shared.push(full),
                }
            }
            _ => {}
        }
    }
    items
}

/// `mod exchange: Error, Section, Code, Body, 3 enums in minor`
pub fn module_line(module: &str, types: &[String]) -> String {
    let mut direct = Vec::new();
    let mut nested: Vec<(&str, usize)> = Vec::new();
    for t in types {
        match t.rsplit_once("::") {
            Some((m, _)) => match nested.iter_mut().find(|(n, _)| *n == m) {
                Some((_, count)) => *count += 1,
                None => nested.push((m, 1)),
            },
            None => direct.push(t.as_str()),
        }
    }
    let mut parts: Vec<String> = direct.iter().map(|t| (*t).to_owned()).collect();
    for (m, n) in nested {
        parts.push(format!(
            "{n} {} in {m}::",
            if n == 1 { "type" } else { "types" }
        ));
    }
    format!("mod {module}: {}", parts.join(", "))
}

/// `5 modules, 34 types, 612 KiB of Rust`, with the number of types outside the catalog
/// modules if there are any.
pub fn totals(items: &Items, bytes: usize) -> String {
    let types: usize =
        items.shared.len() + items.modules.iter().map(|(_, t)| t.len()).sum::<usize>();
    let shared = match items.shared.len() {
        0 => String::new(),
        n => format!(" ({n} shared)"),
    };
    format!(
        "{} module{}, {types} types{shared}, {} KiB of Rust",
        items.modules.len(),
        if items.modules.len() == 1 { "" } else { "s" },
        bytes.div_ceil(1024)
    )
}

/// The lines of `errcat check`: per catalog its counts and what it generates, then the totals.
pub fn check_lines(catalogs: &[Catalog]) -> Vec<String> {
    let code = errcat_build::generate_rust(catalogs);
    let items = items(&code);
    let mut lines = Vec::new();
    for c in catalogs {
        lines.push(counts(c));
        if let Some((m, types)) = items.modules.iter().find(|(m, _)| *m == c.module) {
            lines.push(format!("  {}", module_line(m, types)));
        }
    }
    lines.push(format!(
        "generated: {}; see it with `errcat generate --out FILE`",
        totals(&items, code.len())
    ));
    lines
}

fn counts(c: &Catalog) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}: {}, {}, {} ({})",
        c.module,
        plural(c.entry_count(), "code", "codes"),
        plural(c.minor_count(), "minor code", "minor codes"),
        plural(c.sections.len(), "section", "sections"),
        c.file.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "\
pub enum Piece {
    Text,
}
pub mod wire {
    pub struct Problem<T>(pub T);
}
pub mod shop {
    pub enum Error {
        A,
    }
    pub mod minor {
        pub enum A {}
        pub enum B {}
    }
    pub struct Body {
        pub code: u32,
    }
}
";

    #[test]
    fn items_are_found_by_module() {
        let items = items(CODE);
        assert_eq!(items.shared, ["Piece"]);
        assert_eq!(
            items.modules,
            [
                ("wire".to_owned(), vec!["Problem".to_owned()]),
                (
                    "shop".to_owned(),
                    vec![
                        "Error".to_owned(),
                        "minor::A".to_owned(),
                        "minor::B".to_owned(),
                        "Body".to_owned()
                    ]
                )
            ]
        );
        let (m, types) = &items.modules[1];
        assert_eq!(
            module_line(m, types),
            "mod shop: Error, Body, 2 types in minor::"
        );
        assert_eq!(
            totals(&items, 3000),
            "2 modules, 6 types (1 shared), 3 KiB of Rust"
        );
    }
}
