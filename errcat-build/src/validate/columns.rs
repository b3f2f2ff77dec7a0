//! The catalog's extra columns: their declarations, and the values entries and sections give them.

use std::collections::BTreeMap;

use super::{At, Case, First, Validator, why_not_snake};
use crate::diagnostic::quote;
use crate::ident;
use crate::model::{Column, ColumnType, Value};
use crate::parse::{RawColumn, RawColumnType};

impl Validator<'_> {
    pub(super) fn columns(&mut self, root: &At, raw: &[RawColumn]) -> Vec<Column> {
        let mut seen: BTreeMap<String, First> = BTreeMap::new();
        let mut columns = Vec::new();
        for (i, c) in raw.iter().enumerate() {
            let at = root.key("columns").index(i);
            let kind = match c.kind {
                RawColumnType::Bool => ColumnType::Bool,
                RawColumnType::Integer => ColumnType::Integer,
                RawColumnType::String => ColumnType::String,
            };
            if let Some(why) = why_not_snake(&c.name, Case::Lower) {
                let d = self
                    .diagnostic(
                        &at.key("name"),
                        format!("{} is not a valid column name: it {why}", quote(&c.name)),
                    )
                    .with_hint("a column becomes a method: use snake_case, such as `retry_after`");
                self.report(d);
            } else if ident::RESERVED_METHODS.contains(&c.name.as_str()) {
                let d = self
                    .diagnostic(
                        &at.key("name"),
                        format!(
                            "column `{}` clashes with the generated method `Error::{}`",
                            c.name, c.name
                        ),
                    )
                    .with_hint(format!(
                        "choose another name; the generated methods are {}",
                        ident::RESERVED_METHODS.join(", ")
                    ));
                self.report(d);
            }
            self.unique(
                &mut seen,
                c.name.clone(),
                &at.key("name"),
                c.name.clone(),
                "column",
                None,
            );
            self.optional_text(&at.key("description"), "description", &c.description, None);
            let default = c
                .default
                .as_ref()
                .and_then(|v| self.value(&at.key("default"), v, kind, &c.name, None));
            columns.push(Column {
                name: c.name.clone(),
                kind,
                description: c.description.clone(),
                default,
                location: self.locate(&at),
            });
        }
        columns
    }

    /// Resolves a `columns:` map against the declared columns, one slot per column.
    pub(super) fn column_values(
        &mut self,
        at: &At,
        raw: &serde_yaml::Mapping,
        columns: &[Column],
        label: Option<&str>,
    ) -> Vec<Option<Value>> {
        let mut values = vec![None; columns.len()];
        for (key, value) in raw {
            let Some(key) = key.as_str() else {
                self.error(at, "column names are strings");
                continue;
            };
            let Some(c) = columns.iter().position(|c| c.name == key) else {
                let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
                let mut d = self.diagnostic(&at.key(key), format!("unknown column {}", quote(key)));
                if let Some(label) = label {
                    d = d.with_entry(label);
                }
                d = d.with_hint(match ident::nearest(key, &names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if names.is_empty() => {
                        "declare it in the catalog's `columns:` list".to_owned()
                    }
                    None => format!("the catalog declares: {}", names.join(", ")),
                });
                self.report(d);
                continue;
            };
            values[c] = self.value(&at.key(key), value, columns[c].kind, key, label);
        }
        values
    }

    pub(super) fn value(
        &mut self,
        at: &At,
        value: &serde_yaml::Value,
        kind: ColumnType,
        column: &str,
        label: Option<&str>,
    ) -> Option<Value> {
        let typed = match (kind, value) {
            (ColumnType::Bool, serde_yaml::Value::Bool(b)) => Some(Value::Bool(*b)),
            (ColumnType::Integer, serde_yaml::Value::Number(n)) => n.as_i64().map(Value::Integer),
            (ColumnType::String, serde_yaml::Value::String(s)) => Some(Value::String(s.clone())),
            _ => None,
        };
        if typed.is_none() {
            let shown = serde_yaml::to_string(value).unwrap_or_default();
            let mut d = self.diagnostic(
                at,
                format!(
                    "column `{column}` is of type {kind}, but the value is {}",
                    quote(&shown.trim_end().replace('\n', " "))
                ),
            );
            if let Some(label) = label {
                d = d.with_entry(label);
            }
            self.report(d);
        }
        typed
    }
}
