//! The wire shape: the JSON body an error is sent in.

use std::collections::BTreeMap;

use super::{At, First, Validator};
use crate::ident;
use crate::model::{Column, ColumnType, Entry, PlaceholderType, Section, Value};
use crate::parse::{RawColumnType, YamlValue};

/// Names a body value may not take: the body's own fields, and the members of an RFC 9457
/// problem document, where parameters appear as extension members.
pub(super) const WIRE_RESERVED: &[&str] = &[
    "status", "code", "name", "message", "minor", "type", "title", "detail", "instance",
];

/// Every source a wire field may take its value from.
pub(super) const WIRE_SOURCES: &[&str] = &[
    "status", "code", "name", "message", "minor", "column", "param", "constant", "raw",
];

impl Validator<'_> {
    /// Resolves the `wire:` block against the catalog's columns; without one, the default
    /// `{"code": .., "message": ..}` shape.
    pub(super) fn wire(
        &mut self,
        root: &At,
        raw: Option<&crate::parse::RawWire>,
        columns: &[Column],
        sections: &[Section],
        has_status: bool,
    ) -> crate::model::Wire {
        use crate::model::{Wire, WireField, WireSource};
        let Some(raw) = raw else {
            return Wire::default_shape();
        };
        let at = root.key("wire");
        self.optional_text(&at.key("envelope"), "envelope", &raw.envelope, None);
        let mut keys: BTreeMap<String, First> = BTreeMap::new();
        let mut values: BTreeMap<String, First> = BTreeMap::new();
        let mut fields = Vec::new();
        let mut unresolved = false;
        for (i, f) in raw.fields.iter().enumerate() {
            let f_at = at.key("fields").index(i);
            let label = format!("wire field `{}`", f.name);
            self.text_field(&f_at.key("name"), "name", &f.name, None);
            self.unique(
                &mut keys,
                f.name.clone(),
                &f_at,
                f.name.clone(),
                "wire field",
                None,
            );
            for (key, present, owner) in [
                ("column", f.column.is_some(), "column"),
                ("param", f.param.is_some(), "param"),
                ("type", f.kind.is_some(), "param"),
                ("value", f.value.is_some(), "constant"),
            ] {
                // `param` also names the Rust field of a raw value.
                let owned = f.from == owner || (key == "param" && f.from == "raw");
                if present && !owned {
                    let d = self
                        .diagnostic(
                            &f_at.key(key),
                            format!(
                                "{label}: `{key}` goes with `from: {owner}`, but the field is `from: {}`",
                                f.from
                            ),
                        )
                        .with_hint(format!("remove `{key}`, or write `from: {owner}`"));
                    self.report(d);
                }
            }
            let source = match f.from.as_str() {
                "status" if !has_status => {
                    let d = self
                        .diagnostic(
                            &f_at.key("from"),
                            format!("{label}: `from: status`, but the catalog has no HTTP status"),
                        )
                        .with_hint("set the catalog's `status`, or remove the field");
                    self.report(d);
                    None
                }
                "status" => Some(WireSource::Status),
                "code" => Some(WireSource::Code),
                "name" => Some(WireSource::Name),
                "message" => Some(WireSource::Message),
                "minor" => Some(WireSource::Minor),
                "column" => self.wire_column(&f_at, f, &label, columns),
                "param" => self.wire_param(&f_at, f, &label, sections),
                "constant" => self.wire_constant(&f_at, f, &label),
                "raw" => self
                    .value_name(&f_at, f, &label)
                    .map(|name| WireSource::Raw { name }),
                other => {
                    let d = self
                        .diagnostic(
                            &f_at.key("from"),
                            format!("{label}: unknown source `{other}`"),
                        )
                        .with_hint(match ident::nearest(other, WIRE_SOURCES) {
                            Some(near) => format!("did you mean `{near}`?"),
                            None => format!("the sources are: {}", WIRE_SOURCES.join(", ")),
                        });
                    self.report(d);
                    None
                }
            };
            let Some(source) = source else {
                unresolved = true;
                continue;
            };
            // The name of the value in the generated body type: one field per value.
            let value = match &source {
                WireSource::Column(c) => Some(columns[*c].name.clone()),
                WireSource::Param { name, .. } | WireSource::Raw { name } => Some(name.clone()),
                WireSource::Constant(_) => None,
                _ => Some(f.from.clone()),
            };
            if let Some(value) = value {
                self.unique(&mut values, value.clone(), &f_at, value, "wire value", None);
            }
            fields.push(WireField {
                name: f.name.clone(),
                source,
            });
        }
        // A field whose source is wrong may be the missing one: report that mistake alone.
        let has = |source: &WireSource| fields.iter().any(|f: &WireField| &f.source == source);
        if !unresolved {
            let taken: Vec<&str> = raw.fields.iter().map(|f| f.name.as_str()).collect();
            let missing = [
                (
                    !has(&WireSource::Code) && !has(&WireSource::Name),
                    "no field `from: code` or `from: name`",
                    "every error body identifies its error, by code or by name",
                    "code",
                ),
                (
                    !has(&WireSource::Message),
                    "no field `from: message`",
                    "every error body carries its message",
                    "message",
                ),
            ];
            for (is_missing, what, why, source) in missing {
                if is_missing {
                    let key = free_key(source, &taken);
                    let d = self
                        .diagnostic(&at.key("fields"), format!("the wire shape has {what}"))
                        .with_hint(format!("{why}: add `- {{ name: {key}, from: {source} }}`"));
                    self.report(d);
                }
            }
        }
        Wire {
            envelope: raw.envelope.clone(),
            fields,
            location: Some(self.locate(&at)),
        }
    }

    pub(super) fn wire_column(
        &mut self,
        at: &At,
        f: &crate::parse::RawWireField,
        label: &str,
        columns: &[Column],
    ) -> Option<crate::model::WireSource> {
        let Some(name) = &f.column else {
            let d = self
                .diagnostic(at, format!("{label}: `from: column` needs `column`"))
                .with_hint("name the column: `column: my_column`");
            self.report(d);
            return None;
        };
        let Some(c) = columns.iter().position(|c| &c.name == name) else {
            let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
            let d = self
                .diagnostic(
                    &at.key("column"),
                    format!("{label}: column `{name}` is not declared"),
                )
                .with_hint(match ident::nearest(name, &names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if names.is_empty() => {
                        "declare it in the catalog's `columns:` list".to_owned()
                    }
                    None => format!("the catalog declares: {}", names.join(", ")),
                });
            self.report(d);
            return None;
        };
        if WIRE_RESERVED.contains(&name.as_str()) {
            let d = self
                .diagnostic(
                    &at.key("column"),
                    format!("{label}: column `{name}` cannot go on the wire under its name"),
                )
                .with_hint(format!(
                    "`{name}` is taken by the body type; rename the column (reserved: {})",
                    WIRE_RESERVED.join(", ")
                ));
            self.report(d);
            return None;
        }
        Some(crate::model::WireSource::Column(c))
    }

    pub(super) fn wire_param(
        &mut self,
        at: &At,
        f: &crate::parse::RawWireField,
        label: &str,
        sections: &[Section],
    ) -> Option<crate::model::WireSource> {
        let param_name = f.param.as_deref().unwrap_or(&f.name);
        // Placeholders of the same name fill the parameter, so they must agree on its type.
        let same_name: Vec<(&Entry, PlaceholderType)> = sections
            .iter()
            .flat_map(|s| &s.entries)
            .flat_map(|e| {
                e.placeholders
                    .iter()
                    .filter(|p| p.name == param_name)
                    .map(move |p| (e, p.kind))
            })
            .collect();
        let declared = match f.kind {
            None => None,
            Some(RawColumnType::Bool) => Some(ColumnType::Bool),
            Some(RawColumnType::Integer) => Some(ColumnType::Integer),
            Some(RawColumnType::String) => Some(ColumnType::String),
            Some(RawColumnType::Enum) => {
                let d = self
                    .diagnostic(
                        &at.key("type"),
                        format!("{label}: a parameter cannot be an enum"),
                    )
                    .with_hint("a parameter's type is `bool`, `integer` or `string`");
                self.report(d);
                return None;
            }
        };
        let inherited = same_name.first().and_then(|(_, k)| k.column_type());
        let Some(kind) = declared.or(inherited) else {
            let d = self
                .diagnostic(at, format!("{label}: `from: param` needs `type`"))
                .with_hint("give the value's type: `type: integer` (or `bool`, `string`)");
            self.report(d);
            return None;
        };
        for (e, k) in &same_name {
            if k.column_type() != Some(kind) {
                let d = self
                    .diagnostic(
                        at,
                        format!(
                            "{label}: parameter `{param_name}` is {kind}, but placeholder `{{{param_name}}}` of entry `{}` is {k}",
                            e.label()
                        ),
                    )
                    .with_hint(
                        "a placeholder fills the wire parameter of its name: give both the same type",
                    );
                self.report(d);
                return None;
            }
        }
        let name = self.value_name(at, f, label)?;
        Some(crate::model::WireSource::Param { name, kind })
    }

    /// The Rust name of a parameter's or raw field's value: `param`, else the JSON name.
    fn value_name(
        &mut self,
        at: &At,
        f: &crate::parse::RawWireField,
        label: &str,
    ) -> Option<String> {
        let (name, at) = match &f.param {
            Some(name) => (name, at.key("param")),
            None => (&f.name, at.key("name")),
        };
        if !ident::is_lower_snake(name) || ident::is_keyword(name) {
            let d = self
                .diagnostic(&at, format!("{label}: `{name}` is not a valid parameter name"))
                .with_hint(if f.param.is_some() {
                    "a parameter becomes a field of the body type: use snake_case, not a Rust keyword"
                } else {
                    "the parameter is named after the field unless `param` names it: set `param: snake_case_name`"
                });
            self.report(d);
            return None;
        }
        if WIRE_RESERVED.contains(&name.as_str()) {
            let d = self
                .diagnostic(&at, format!("{label}: parameter name `{name}` is reserved"))
                .with_hint(format!(
                    "choose another `param` name (reserved: {})",
                    WIRE_RESERVED.join(", ")
                ));
            self.report(d);
            return None;
        }
        Some(name.clone())
    }

    pub(super) fn wire_constant(
        &mut self,
        at: &At,
        f: &crate::parse::RawWireField,
        label: &str,
    ) -> Option<crate::model::WireSource> {
        let Some(value) = &f.value else {
            let d = self
                .diagnostic(at, format!("{label}: `from: constant` needs `value`"))
                .with_hint("give the value every body carries: `value: 1`");
            self.report(d);
            return None;
        };
        let value = match value {
            YamlValue::Bool(b) => Some(Value::Bool(*b)),
            YamlValue::Integer(n) => i64::try_from(*n).ok().map(Value::Integer),
            YamlValue::String(s) => Some(Value::String(s.clone())),
            _ => None,
        };
        if value.is_none() {
            let d = self
                .diagnostic(
                    &at.key("value"),
                    format!("{label}: a constant is a boolean, an integer or a string"),
                )
                .with_hint("write a scalar: `value: 0`, `value: true` or `value: text`");
            self.report(d);
        }
        value.map(crate::model::WireSource::Constant)
    }
}

/// A JSON key for a field the shape lacks: `preferred` if no field has it, else the first of
/// `error_<preferred>`, `<preferred>2`, `<preferred>3`, ... that none has.
fn free_key(preferred: &str, taken: &[&str]) -> String {
    std::iter::once(preferred.to_owned())
        .chain(std::iter::once(format!("error_{preferred}")))
        .chain((2..).map(|n| format!("{preferred}{n}")))
        .find(|k| !taken.contains(&k.as_str()))
        .unwrap_or_else(|| preferred.to_owned())
}
