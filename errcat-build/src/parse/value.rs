//! Untyped YAML values, for the parts of a catalog whose type is known only after the column
//! declarations are read (column values and defaults, wire constants).

use super::read::{Cursor, Error, FromNode, Resolved};
use super::tree::Kind;

/// A YAML value as written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum YamlValue {
    Null,
    Bool(bool),
    Integer(i128),
    Float(f64),
    String(String),
    Sequence(Vec<YamlValue>),
    Mapping(Mapping),
}

/// A YAML mapping, its pairs in the order written (the parser has refused repeated keys).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Mapping(Vec<(YamlValue, YamlValue)>);

impl Mapping {
    /// Whether a key is the string `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k.as_str() == Some(key))
    }

    #[cfg(test)]
    pub fn push(&mut self, key: YamlValue, value: YamlValue) {
        self.0.push((key, value));
    }
}

impl<'a> IntoIterator for &'a Mapping {
    type Item = (&'a YamlValue, &'a YamlValue);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (YamlValue, YamlValue)>,
        fn(&'a (YamlValue, YamlValue)) -> (&'a YamlValue, &'a YamlValue),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl YamlValue {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            YamlValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value written out on one line, for messages: `maybe`, `[1, 2]`, `seconds: 3`.
    pub fn to_yaml(&self) -> String {
        match self {
            YamlValue::Mapping(m) => {
                m.0.iter()
                    .map(|(k, v)| format!("{}: {}", k.inline(), v.inline()))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            other => other.inline(),
        }
    }

    fn inline(&self) -> String {
        match self {
            YamlValue::Null => "null".to_owned(),
            YamlValue::Bool(b) => b.to_string(),
            YamlValue::Integer(n) => n.to_string(),
            YamlValue::Float(f) if f.is_nan() => ".nan".to_owned(),
            YamlValue::Float(f) if f.is_infinite() => {
                if *f > 0.0 { ".inf" } else { "-.inf" }.to_owned()
            }
            YamlValue::Float(f) => format!("{f:?}"),
            YamlValue::String(s) => s.clone(),
            YamlValue::Sequence(items) => {
                let items: Vec<String> = items.iter().map(YamlValue::inline).collect();
                format!("[{}]", items.join(", "))
            }
            YamlValue::Mapping(m) => format!("{{{}}}", YamlValue::Mapping(m.clone()).to_yaml()),
        }
    }
}

/// Any node, as written: a plain scalar by the core schema, any other scalar as text.
impl FromNode for YamlValue {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error> {
        Ok(match node.plain() {
            Some(Resolved::Null) => YamlValue::Null,
            Some(Resolved::Bool(b)) => YamlValue::Bool(b),
            // Beyond i128 an integer is kept as its nearest float, as YAML readers do.
            Some(Resolved::Unsigned(n)) => {
                i128::try_from(n).map_or(YamlValue::Float(n as f64), YamlValue::Integer)
            }
            Some(Resolved::Signed(n)) => YamlValue::Integer(n),
            Some(Resolved::Float(f)) => YamlValue::Float(f),
            Some(Resolved::Str(s)) => YamlValue::String(s.to_owned()),
            None => match node.kind() {
                Kind::Scalar { value, .. } => YamlValue::String(value.clone()),
                Kind::Seq(_) => YamlValue::Sequence(Vec::from_node(node)?),
                Kind::Map(_) => YamlValue::Mapping(Mapping::from_node(node)?),
                Kind::Alias(_) => return node.invalid("any YAML value"),
            },
        })
    }
}

impl FromNode for Mapping {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error> {
        let Kind::Map(pairs) = node.kind() else {
            return node.invalid("a mapping");
        };
        let read = |(key, value): &_| Ok((node.key(key)?.read()?, node.value(key, value)?.read()?));
        pairs
            .iter()
            .map(read)
            .collect::<Result<_, _>>()
            .map(Mapping)
    }
}
