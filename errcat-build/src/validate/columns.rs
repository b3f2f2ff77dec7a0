//! The catalog's extra columns: their declarations, and the values entries and sections give them.

use std::collections::BTreeMap;

use super::{At, Case, First, Validator, why_not_snake};
use crate::diagnostic::quote;
use crate::ident;
use crate::model::{Column, ColumnType, Value};
use crate::parse::{Mapping, RawColumn, RawColumnType, YamlValue};

impl Validator<'_> {
    pub(super) fn columns(&mut self, root: &At, raw: &[RawColumn]) -> Vec<Column> {
        let mut seen: BTreeMap<String, First> = BTreeMap::new();
        let mut columns = Vec::new();
        for (i, c) in raw.iter().enumerate() {
            let at = root.key("columns").index(i);
            let kind = match c.kind {
                RawColumnType::Bool => ColumnType::Bool,
                RawColumnType::Integer => ColumnType::Integer,
                RawColumnType::String | RawColumnType::Enum => ColumnType::String,
            };
            let values = self.enum_values(&at, c);
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
            let mut column = Column {
                name: c.name.clone(),
                kind,
                values,
                description: c.description.clone(),
                default: None,
                required: c.required,
                location: self.locate(&at),
            };
            column.default = c
                .default
                .as_ref()
                .and_then(|v| self.value(&at.key("default"), v, &column, None));
            if c.required && c.default.is_some() {
                let d = self
                    .diagnostic(
                        &at.key("required"),
                        format!("column `{}` is `required` and has a `default`", c.name),
                    )
                    .with_hint("the default already gives every entry a value: remove `required`");
                self.report(d);
            }
            columns.push(column);
        }
        columns
    }

    /// Resolves a `columns:` map against the declared columns, one slot per column.
    pub(super) fn column_values(
        &mut self,
        at: &At,
        raw: &Mapping,
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
            values[c] = self.value(&at.key(key), value, &columns[c], label);
        }
        values
    }

    /// An enum column's `values`: at least one, each a non-empty text given once. A column
    /// of another type may not have them.
    fn enum_values(&mut self, at: &At, c: &RawColumn) -> Vec<String> {
        let Some(values) = &c.values else {
            if c.kind == RawColumnType::Enum {
                let d = self
                    .diagnostic(at, format!("enum column `{}` has no `values`", c.name))
                    .with_hint("list the closed set of values: `values: [error, warning]`");
                self.report(d);
            }
            return Vec::new();
        };
        if c.kind != RawColumnType::Enum {
            let d = self
                .diagnostic(
                    &at.key("values"),
                    format!("column `{}` has `values`, but is not of type enum", c.name),
                )
                .with_hint("a closed set of values is a column of `type: enum`");
            self.report(d);
            return Vec::new();
        }
        if values.is_empty() {
            let d = self
                .diagnostic(
                    &at.key("values"),
                    format!("enum column `{}` has no values", c.name),
                )
                .with_hint("list the closed set of values: `values: [error, warning]`");
            self.report(d);
        }
        let mut seen: BTreeMap<String, First> = BTreeMap::new();
        for (k, v) in values.iter().enumerate() {
            let v_at = at.key("values").index(k);
            self.text_field(&v_at, "values", v, None);
            if !v.trim().is_empty() {
                let variant = ident::enum_value_name(v);
                self.unique(&mut seen, variant, &v_at, v.clone(), "enum value", None);
            }
        }
        let type_name = ident::type_name(&c.name);
        if ident::RESERVED_TYPES.contains(&type_name.as_str()) {
            let d = self
                .diagnostic(
                    &at.key("name"),
                    format!(
                        "enum column `{}` would make the type `{type_name}`, which the generated module already has",
                        c.name
                    ),
                )
                .with_hint(format!(
                    "choose another column name; the generated types are {}",
                    ident::RESERVED_TYPES.join(", ")
                ));
            self.report(d);
        }
        values.clone()
    }

    /// `value` as a value of `column`: of its type, and one of its values for an enum column.
    pub(super) fn value(
        &mut self,
        at: &At,
        value: &YamlValue,
        column: &Column,
        label: Option<&str>,
    ) -> Option<Value> {
        let (kind, name) = (column.kind, column.name.as_str());
        if column.is_enum() {
            let text = match value {
                YamlValue::String(s) => Some(s.clone()),
                YamlValue::Bool(_) | YamlValue::Integer(_) | YamlValue::Float(_) => {
                    Some(value.to_yaml())
                }
                _ => None,
            };
            if let Some(text) = &text
                && column.values.contains(text)
            {
                return Some(Value::String(text.clone()));
            }
            let shown = text.unwrap_or_else(|| value.to_yaml());
            let values: Vec<&str> = column.values.iter().map(String::as_str).collect();
            let listed = values
                .iter()
                .map(|v| quote(v))
                .collect::<Vec<_>>()
                .join(", ");
            let mut d = self
                .diagnostic(
                    at,
                    format!("column `{name}` has no value {}", quote(&shown)),
                )
                .with_hint(
                    match values
                        .iter()
                        .find(|v| v.eq_ignore_ascii_case(&shown))
                        .copied()
                        .or_else(|| {
                            (shown.len() > 2)
                                .then(|| ident::nearest(&shown, &values))
                                .flatten()
                        }) {
                        Some(near) => {
                            format!("did you mean {}? the values are {listed}", quote(near))
                        }
                        None => format!("the values are {listed}"),
                    },
                );
            if let Some(label) = label {
                d = d.with_entry(label);
            }
            self.report(d);
            return None;
        }
        let column = name;
        let typed = match (kind, value) {
            (ColumnType::Bool, YamlValue::Bool(b)) => Some(Value::Bool(*b)),
            (ColumnType::Integer, YamlValue::Integer(n)) => {
                i64::try_from(*n).ok().map(Value::Integer)
            }
            (ColumnType::String, YamlValue::String(s)) => Some(Value::String(s.clone())),
            _ => None,
        };
        if typed.is_none() {
            let shown = value.to_yaml();
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
