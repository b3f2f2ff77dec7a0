//! Untyped YAML values, for the parts of a catalog whose type is known only after the column
//! declarations are read (column values and defaults, wire constants).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

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

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = YamlValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<YamlValue, E> {
        Ok(YamlValue::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<YamlValue, E> {
        Ok(YamlValue::Null)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<YamlValue, E> {
        Ok(YamlValue::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<YamlValue, E> {
        Ok(YamlValue::Integer(n.into()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<YamlValue, E> {
        Ok(YamlValue::Integer(n.into()))
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<YamlValue, E> {
        Ok(YamlValue::Integer(n))
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<YamlValue, E> {
        // Beyond i128 an integer is kept as its nearest float, as YAML readers do.
        Ok(i128::try_from(n).map_or(YamlValue::Float(n as f64), YamlValue::Integer))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<YamlValue, E> {
        Ok(YamlValue::Float(f))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<YamlValue, E> {
        Ok(YamlValue::String(s.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<YamlValue, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(YamlValue::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<YamlValue, A::Error> {
        MappingVisitor.visit_map(map).map(YamlValue::Mapping)
    }
}

struct MappingVisitor;

impl<'de> Visitor<'de> for MappingVisitor {
    type Value = Mapping;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Mapping, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(pair) = map.next_entry()? {
            pairs.push(pair);
        }
        Ok(Mapping(pairs))
    }
}

impl<'de> Deserialize<'de> for YamlValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

impl<'de> Deserialize<'de> for Mapping {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MappingVisitor)
    }
}
