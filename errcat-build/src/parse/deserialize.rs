//! The raw document deserialized from the positioned tree, so that the file is parsed once.
//!
//! Scalars are read the way YAML 1.2's core schema reads them (and serde_yaml did before this
//! module replaced it): a plain scalar is null (`~`, `null`, nothing), a bool (`true`, `False`),
//! an integer (`12`, `-3`, `0x1F`, `0o17`, `0b101`; `012` is text), a float (`1.5`, `.inf`) or
//! text; a quoted, block or tagged scalar is text. A field of type string takes any scalar as
//! its text. Errors carry the place of the node they concern and its path
//! (`sections[0].entries[2].code`), which the diagnostics show.
//!
//! Aliases are expanded here, within limits: a document expands to at most a hundred times its
//! own number of nodes, and nests at most [`MAX_DEPTH`] levels through aliases, so that an alias
//! bomb is refused at once.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};

use super::tree::{Kind, MAX_DEPTH, Node};
use crate::diagnostic::Location;

/// What went wrong deserializing, where, and on which path.
#[derive(Debug)]
pub(crate) struct Error {
    pub message: String,
    pub at: Option<Location>,
    /// `sections[0].entries[2].code`; `None` at the document's root.
    pub path: Option<String>,
    /// A problem of the file as a whole (the alias expansion limit), never given a place.
    whole_file: bool,
}

/// The message of the expansion limit, matched by the diagnostics.
pub(crate) const REPETITION_LIMIT: &str = "repetition limit exceeded";
/// The message of the nesting limit through aliases, matched by the diagnostics.
pub(crate) const RECURSION_LIMIT: &str = "recursion limit exceeded";

impl Error {
    /// The message with its path in front, as the diagnostics split it again.
    pub fn text(&self) -> String {
        match &self.path {
            Some(path) => format!("{path}: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// Gives an error raised by a visitor the place and path of the node being read, unless a
    /// node further in already did.
    fn placed(mut self, node: &Node, path: &Path<'_>) -> Self {
        if self.at.is_none() && !self.whole_file {
            self.at = Some(node.at);
            self.path = match path {
                Path::Root => None,
                path => Some(path.to_string()),
            };
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            at: None,
            path: None,
            whole_file: false,
        }
    }
}

/// Deserializes `T` from the document tree `root` of `nodes` nodes.
pub(crate) fn from_node<T: DeserializeOwned>(root: &Node, nodes: usize) -> Result<T, Error> {
    let mut anchors = HashMap::new();
    collect_anchors(root, &mut anchors);
    let ctx = Ctx {
        anchors,
        budget: Cell::new(nodes.saturating_mul(100).max(1000)),
    };
    T::deserialize(De {
        node: root,
        path: Path::Root,
        depth: 0,
        ctx: &ctx,
    })
}

/// Anchored nodes by name, in document order (a name may be anchored again further on).
type Anchors<'a> = HashMap<&'a str, Vec<&'a Node>>;

fn collect_anchors<'a>(node: &'a Node, anchors: &mut Anchors<'a>) {
    if let Some(name) = &node.anchor {
        anchors.entry(name.as_str()).or_default().push(node);
    }
    match &node.kind {
        Kind::Seq(items) => items.iter().for_each(|n| collect_anchors(n, anchors)),
        Kind::Map(pairs) => pairs.iter().for_each(|(k, v)| {
            collect_anchors(k, anchors);
            collect_anchors(v, anchors);
        }),
        Kind::Scalar { .. } | Kind::Alias(_) => {}
    }
}

struct Ctx<'a> {
    anchors: Anchors<'a>,
    /// How many more nodes may be read, counting each alias expansion again.
    budget: Cell<usize>,
}

impl Ctx<'_> {
    fn spend(&self) -> Result<(), Error> {
        match self.budget.get().checked_sub(1) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(Error {
                whole_file: true,
                ..de::Error::custom(REPETITION_LIMIT)
            }),
        }
    }
}

/// Where a node is, the way the diagnostics print it.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Seq { parent: &'p Path<'p>, index: usize },
    Map { parent: &'p Path<'p>, key: &'p str },
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Seq { parent, index } => write!(f, "{parent}[{index}]"),
            Path::Map {
                parent: Path::Root,
                key,
            } => f.write_str(key),
            Path::Map { parent, key } => write!(f, "{parent}.{key}"),
        }
    }
}

struct De<'a, 'p> {
    node: &'a Node,
    path: Path<'p>,
    depth: usize,
    ctx: &'a Ctx<'a>,
}

/// A plain scalar's meaning under the core schema.
enum Resolved<'v> {
    Null,
    Bool(bool),
    Unsigned(u128),
    Signed(i128),
    Float(f64),
    Str(&'v str),
}

fn resolve(value: &str) -> Resolved<'_> {
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Resolved::Null;
    }
    match value {
        "true" | "True" | "TRUE" => return Resolved::Bool(true),
        "false" | "False" | "FALSE" => return Resolved::Bool(false),
        _ => {}
    }
    if let Some(int) = integer(value) {
        return int;
    }
    if !leading_zero_digits(value)
        && let Some(f) = float(value)
    {
        return Resolved::Float(f);
    }
    Resolved::Str(value)
}

/// `012` and `-007` are text in YAML 1.2, not octal or decimal numbers.
fn leading_zero_digits(value: &str) -> bool {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

fn integer(value: &str) -> Option<Resolved<'_>> {
    let (negative, unsigned) = match value.as_bytes().first() {
        Some(b'-') => (true, &value[1..]),
        Some(b'+') => (false, &value[1..]),
        _ => (false, value),
    };
    let (radix, digits) = if let Some(d) = unsigned.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = unsigned.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = unsigned.strip_prefix("0b") {
        (2, d)
    } else if leading_zero_digits(value) {
        return None;
    } else {
        (10, unsigned)
    };
    // from_str_radix takes a sign of its own; YAML has one at most, before any prefix.
    if digits.is_empty() || digits.starts_with(['+', '-']) {
        return None;
    }
    let magnitude = u128::from_str_radix(digits, radix).ok()?;
    if !negative {
        return Some(Resolved::Unsigned(magnitude));
    }
    0i128.checked_sub_unsigned(magnitude).map(Resolved::Signed)
}

fn float(value: &str) -> Option<f64> {
    let unsigned = match value.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => value,
    };
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == value.len() => return Some(f64::NAN),
        _ => {}
    }
    unsigned.parse::<f64>().ok().filter(|f| f.is_finite())
}

impl<'a, 'p> De<'a, 'p> {
    /// The node itself, or for an alias the anchored node it names (the nearest before it).
    fn target(self) -> Result<Self, Error> {
        let Kind::Alias(name) = &self.node.kind else {
            return Ok(self);
        };
        let before = self.ctx.anchors.get(name.as_str()).and_then(|nodes| {
            let i = nodes.partition_point(|n| n.at < self.node.at);
            i.checked_sub(1).map(|i| nodes[i])
        });
        let Some(target) = before else {
            let e = de::Error::custom(format!("the alias `*{name}` names no anchor before it"));
            return Err(Error::placed(e, self.node, &self.path));
        };
        if self.depth >= MAX_DEPTH {
            return Err(Error::placed(
                de::Error::custom(RECURSION_LIMIT),
                self.node,
                &self.path,
            ));
        }
        self.ctx.spend()?;
        De {
            node: target,
            depth: self.depth + 1,
            ..self
        }
        .target()
    }

    fn child<'s>(&self, node: &'a Node, path: Path<'s>) -> Result<De<'a, 's>, Error> {
        self.ctx.spend()?;
        if self.depth >= MAX_DEPTH {
            return Err(Error::placed(
                de::Error::custom(RECURSION_LIMIT),
                node,
                &path,
            ));
        }
        Ok(De {
            node,
            path,
            depth: self.depth + 1,
            ctx: self.ctx,
        })
    }

    /// What the node is, in serde's words, for an "invalid type" error.
    fn unexpected(&self) -> Unexpected<'a> {
        match &self.node.kind {
            Kind::Scalar { value, plain: true } => match resolve(value) {
                Resolved::Null => Unexpected::Unit,
                Resolved::Bool(b) => Unexpected::Bool(b),
                Resolved::Unsigned(n) => match u64::try_from(n) {
                    Ok(n) => Unexpected::Unsigned(n),
                    Err(_) => Unexpected::Other("a 128-bit integer"),
                },
                Resolved::Signed(n) => match i64::try_from(n) {
                    Ok(n) => Unexpected::Signed(n),
                    Err(_) => Unexpected::Other("a 128-bit integer"),
                },
                Resolved::Float(f) => Unexpected::Float(f),
                Resolved::Str(s) => Unexpected::Str(s),
            },
            Kind::Scalar { value, .. } => Unexpected::Str(value),
            Kind::Seq(_) => Unexpected::Seq,
            Kind::Map(_) => Unexpected::Map,
            Kind::Alias(_) => Unexpected::Other("an alias"),
        }
    }

    /// A plain scalar's meaning, if the node is one.
    fn plain(&self) -> Option<Resolved<'a>> {
        match &self.node.kind {
            Kind::Scalar { value, plain: true } => Some(resolve(value)),
            _ => None,
        }
    }

    /// Runs `read` on the node an alias names, placing its errors at the node.
    fn read<T>(self, read: impl FnOnce(&De<'a, 'p>) -> Result<T, Error>) -> Result<T, Error> {
        let (node, path) = (self.node, self.path);
        let de = self.target().map_err(|e| e.placed(node, &path))?;
        read(&de).map_err(|e| e.placed(de.node, &de.path))
    }

    fn seq(&self) -> Option<Items<'a, 'p>> {
        match &self.node.kind {
            Kind::Seq(items) => Some(Items {
                de: self.copy(),
                items,
                index: 0,
            }),
            _ => None,
        }
    }

    fn map(&self) -> Option<Pairs<'a, 'p>> {
        match &self.node.kind {
            Kind::Map(pairs) => Some(Pairs {
                de: self.copy(),
                pairs,
                index: 0,
            }),
            _ => None,
        }
    }

    fn copy(&self) -> De<'a, 'p> {
        De {
            node: self.node,
            path: self.path,
            depth: self.depth,
            ctx: self.ctx,
        }
    }
}

fn invalid_type<T>(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Result<T, Error> {
    Err(de::Error::invalid_type(unexpected, expected))
}

macro_rules! forward_signed {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.read(|de| match de.plain() {
                Some(Resolved::Unsigned(n)) if i64::try_from(n).is_ok() => {
                    visitor.visit_i64(n as i64)
                }
                Some(Resolved::Signed(n)) if i64::try_from(n).is_ok() => visitor.visit_i64(n as i64),
                _ => invalid_type(de.unexpected(), &visitor),
            })
        }
    )*};
}

macro_rules! forward_unsigned {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.read(|de| match de.plain() {
                Some(Resolved::Unsigned(n)) if u64::try_from(n).is_ok() => {
                    visitor.visit_u64(n as u64)
                }
                _ => invalid_type(de.unexpected(), &visitor),
            })
        }
    )*};
}

impl<'de, 'a, 'p> de::Deserializer<'de> for De<'a, 'p> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| {
            if let Some(resolved) = de.plain() {
                return match resolved {
                    Resolved::Null => visitor.visit_unit(),
                    Resolved::Bool(b) => visitor.visit_bool(b),
                    Resolved::Unsigned(n) => match u64::try_from(n) {
                        Ok(n) => visitor.visit_u64(n),
                        Err(_) => visitor.visit_u128(n),
                    },
                    Resolved::Signed(n) => match i64::try_from(n) {
                        Ok(n) => visitor.visit_i64(n),
                        Err(_) => visitor.visit_i128(n),
                    },
                    Resolved::Float(f) => visitor.visit_f64(f),
                    Resolved::Str(s) => visitor.visit_str(s),
                };
            }
            match &de.node.kind {
                Kind::Scalar { value, .. } => visitor.visit_str(value),
                Kind::Seq(_) => visitor.visit_seq(de.seq().expect("a list")),
                Kind::Map(_) => visitor.visit_map(de.map().expect("a mapping")),
                Kind::Alias(_) => invalid_type(de.unexpected(), &visitor),
            }
        })
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match de.plain() {
            Some(Resolved::Bool(b)) => visitor.visit_bool(b),
            _ => invalid_type(de.unexpected(), &visitor),
        })
    }

    forward_signed!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64);
    forward_unsigned!(deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64);

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match de.plain() {
            Some(Resolved::Signed(n)) => visitor.visit_i128(n),
            Some(Resolved::Unsigned(n)) if i128::try_from(n).is_ok() => {
                visitor.visit_i128(n as i128)
            }
            _ => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match de.plain() {
            Some(Resolved::Unsigned(n)) => visitor.visit_u128(n),
            _ => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match de.plain() {
            Some(Resolved::Float(f)) => visitor.visit_f64(f),
            Some(Resolved::Unsigned(n)) => visitor.visit_f64(n as f64),
            Some(Resolved::Signed(n)) => visitor.visit_f64(n as f64),
            _ => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    /// Any scalar is text to a string field, whatever it would be read as otherwise.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match &de.node.kind {
            Kind::Scalar { value, .. } => visitor.visit_str(value),
            _ => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| invalid_type(de.unexpected(), &visitor))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (node, path) = (self.node, self.path);
        let de = self.target().map_err(|e| e.placed(node, &path))?;
        if matches!(de.plain(), Some(Resolved::Null)) {
            visitor.visit_none()
        } else {
            let (node, path) = (de.node, de.path);
            visitor.visit_some(de).map_err(|e| e.placed(node, &path))
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match de.plain() {
            Some(Resolved::Null) => visitor.visit_unit(),
            _ => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match de.seq() {
            Some(items) => visitor.visit_seq(items),
            None => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.read(|de| match de.map() {
            Some(pairs) => visitor.visit_map(pairs),
            None => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// Enums of the catalog format are unit variants written as scalars (`type: bool`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.read(|de| match &de.node.kind {
            Kind::Scalar { value, .. } => {
                visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(value.as_str()))
            }
            _ => invalid_type(de.unexpected(), &visitor),
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct Items<'a, 'p> {
    de: De<'a, 'p>,
    items: &'a [Node],
    index: usize,
}

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(node) = self.items.get(self.index) else {
            return Ok(None);
        };
        let path = Path::Seq {
            parent: &self.de.path,
            index: self.index,
        };
        self.index += 1;
        seed.deserialize(self.de.child(node, path)?).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.index)
    }
}

struct Pairs<'a, 'p> {
    de: De<'a, 'p>,
    pairs: &'a [(Node, Node)],
    index: usize,
}

impl<'de> MapAccess<'de> for Pairs<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, _)) = self.pairs.get(self.index) else {
            return Ok(None);
        };
        let path = self.de.path;
        seed.deserialize(self.de.child(key, path)?).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = &self.pairs[self.index];
        self.index += 1;
        let path = Path::Map {
            parent: &self.de.path,
            key: key.as_str().unwrap_or("?"),
        };
        seed.deserialize(self.de.child(value, path)?)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.pairs.len() - self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::super::value::{Mapping, YamlValue};
    use super::*;

    fn read<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
        match super::super::tree::read(text) {
            super::super::tree::Read::Document { root, nodes, .. } => from_node(&root, nodes),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        let ints: Vec<i128> = read("[12, -3, 0x1F, 0o17, 0b101, +7, -0x10, -0]").unwrap();
        assert_eq!(ints, [12, -3, 31, 15, 5, 7, -16, 0]);
        let bools: Vec<bool> = read("[true, False, TRUE]").unwrap();
        assert_eq!(bools, [true, false, true]);
        let texts: Vec<String> = read("[012, '5', \"x\", ~, yes, 1.5, 0x, '']").unwrap();
        assert_eq!(texts, ["012", "5", "x", "~", "yes", "1.5", "0x", ""]);
        let options: Vec<Option<u8>> = read("[~, null, 3, ]").unwrap();
        assert_eq!(options, [None, None, Some(3)]);
        let floats: Vec<f64> = read("[1.5, .inf, -2, 1e3]").unwrap();
        assert_eq!(floats, [1.5, f64::INFINITY, -2.0, 1000.0]);
        let values: Vec<YamlValue> = read("[~, 007, 0o7, x, '1', {a: 1}]").unwrap();
        let mut map = Mapping::default();
        map.push(YamlValue::String("a".into()), YamlValue::Integer(1));
        assert_eq!(
            values,
            [
                YamlValue::Null,
                YamlValue::String("007".into()),
                YamlValue::Integer(7),
                YamlValue::String("x".into()),
                YamlValue::String("1".into()),
                YamlValue::Mapping(map),
            ]
        );
        let e = read::<Vec<Option<u8>>>("['']").unwrap_err();
        assert_eq!(e.text(), "[0]: invalid type: string \"\", expected u8");
        let e = read::<u8>("300").unwrap_err();
        assert_eq!(e.text(), "invalid value: integer `300`, expected u8");
    }

    #[test]
    fn errors_carry_the_place_and_path_of_their_node() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            items: Vec<Inner>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            n: i64,
        }
        let e = read::<Outer>("items:\n  - n: 1\n  - n: [2]\n").unwrap_err();
        assert_eq!(e.text(), "items[1].n: invalid type: sequence, expected i64");
        assert_eq!(e.at, Some(Location { line: 3, column: 8 }));
        let e = read::<Outer>("items:\n  - {}\n").unwrap_err();
        assert_eq!(e.text(), "items[0]: missing field `n`");
        assert_eq!(e.at, Some(Location { line: 2, column: 5 }));
    }

    #[test]
    fn aliases_expand_within_limits() {
        let v: Vec<Vec<u8>> = read("- &a [1, 2]\n- *a\n- &a [3]\n- *a\n").unwrap();
        assert_eq!(v, [vec![1, 2], vec![1, 2], vec![3], vec![3]]);
        let e = read::<Vec<u8>>("[*nowhere]").unwrap_err();
        assert_eq!(
            e.text(),
            "[0]: the alias `*nowhere` names no anchor before it"
        );
        // Eight levels of ten aliases: a hundred million strings if expanded.
        let mut bomb = String::from("- &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..8 {
            let prev = format!("*a{}", level - 1);
            bomb.push_str(&format!("- &a{level} [{}]\n", vec![prev; 10].join(", ")));
        }
        let e = read::<YamlValue>(&bomb).unwrap_err();
        assert_eq!((e.message.as_str(), e.at), (REPETITION_LIMIT, None));
        let e = read::<YamlValue>("&a [*a]").unwrap_err();
        assert_eq!(e.message, RECURSION_LIMIT);
    }
}
