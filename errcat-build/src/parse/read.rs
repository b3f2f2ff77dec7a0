//! The raw document read from the positioned tree, by hand: each raw type implements
//! [`FromNode`] (the catalog's structs in `parse.rs`, the untyped values in `value.rs`, the
//! scalars and lists here), so that the file is parsed once and no deserialization framework
//! is compiled into build scripts.
//!
//! Scalars are read the way YAML 1.2's core schema reads them: a plain scalar is null (`~`,
//! `null`, nothing), a bool (`true`, `False`), an integer (`12`, `-3`, `0x1F`, `0o17`,
//! `0b101`; `012` is text), a float (`1.5`, `.inf`) or text; a quoted, block or tagged scalar
//! is text. A field of type string takes any scalar as its text. A mapping of the catalog is
//! read field by field in the order written: an unknown field, a field given twice or a value
//! of the wrong type stops the reading; after the last field, the first required field that
//! is missing does.
//!
//! Errors carry the place of the node they concern and its path (`sections[0].entries[2].code`),
//! which the diagnostics show, and say what was expected in the catalog's words:
//! `invalid type: string "x", expected an integer`, `missing field `title``,
//! `unknown field `x`, expected one of `a`, `b`, `c`` (the diagnostics suggest the nearest).
//!
//! Aliases are expanded here, within limits: a document expands to at most a hundred times its
//! own number of nodes, and nests at most [`MAX_DEPTH`] levels through aliases, so that an alias
//! bomb is refused at once.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

use super::tree::{Kind, MAX_DEPTH, Node};
use crate::diagnostic::Location;

/// What went wrong reading, where, and on which path.
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
    /// An error not yet placed: reading it out of a node gives it that node's place and path.
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            at: None,
            path: None,
            whole_file: false,
        }
    }

    /// The message with its path in front, as the diagnostics split it again.
    pub fn text(&self) -> String {
        match &self.path {
            Some(path) => format!("{path}: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// Gives the error the place and path of `node`, unless a node further in already did.
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

/// `missing field `name``, for a required field that a mapping does not have.
pub(crate) fn required<T>(value: Option<T>, field: &str) -> Result<T, Error> {
    value.ok_or_else(|| Error::new(format!("missing field `{field}`")))
}

/// A value that can be read from a node of the tree.
pub(crate) trait FromNode: Sized {
    /// Reads the value from `node`, never an alias: [`Cursor::read`] has followed it.
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error>;
}

/// Reads `T` from the document tree `root` of `nodes` nodes.
pub(crate) fn document<T: FromNode>(root: &Node, nodes: usize) -> Result<T, Error> {
    let mut anchors = HashMap::new();
    collect_anchors(root, &mut anchors);
    let ctx = Ctx {
        anchors,
        budget: Cell::new(nodes.saturating_mul(100).max(1000)),
    };
    Cursor {
        node: root,
        path: Path::Root,
        depth: 0,
        ctx: &ctx,
    }
    .read()
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
                ..Error::new(REPETITION_LIMIT)
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

/// A plain scalar's meaning under the core schema.
pub(crate) enum Resolved<'v> {
    Null,
    Bool(bool),
    Unsigned(u128),
    Signed(i128),
    Float(f64),
    Str(&'v str),
}

pub(crate) fn resolve(value: &str) -> Resolved<'_> {
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

/// A node being read: where it is, how deep the reading has gone, and the document's anchors
/// and expansion budget.
pub(crate) struct Cursor<'a, 'p> {
    node: &'a Node,
    path: Path<'p>,
    depth: usize,
    ctx: &'a Ctx<'a>,
}

impl<'a, 'p> Cursor<'a, 'p> {
    /// Reads a `T` from the node, or for an alias from the anchored node it names. An error
    /// gets the place of that node and the path of this one, unless it has a place already.
    pub fn read<T: FromNode>(&self) -> Result<T, Error> {
        // A `match`, not `map_err` with a closure: this is compiled once per type read, and
        // the less of it there is, the cheaper errcat-build is to build.
        let target = self.target()?;
        match T::from_node(&target) {
            Ok(value) => Ok(value),
            Err(e) => Err(target.place(e)),
        }
    }

    /// The node to read: this one, or for an alias the anchored node it names, with the
    /// errors of following it placed here.
    fn target(&self) -> Result<Cursor<'a, 'p>, Error> {
        self.follow().map_err(|e| self.place(e))
    }

    /// Gives `error` this node's place and path, unless it has a place already.
    fn place(&self, error: Error) -> Error {
        error.placed(self.node, &self.path)
    }

    /// The node itself, or for an alias the anchored node it names (the nearest before it).
    fn follow(&self) -> Result<Cursor<'a, 'p>, Error> {
        let Kind::Alias(name) = &self.node.kind else {
            return Ok(self.at(self.node, self.depth));
        };
        let before = self.ctx.anchors.get(name.as_str()).and_then(|nodes| {
            let i = nodes.partition_point(|n| n.at < self.node.at);
            i.checked_sub(1).map(|i| nodes[i])
        });
        let Some(target) = before else {
            return Err(Error::new(format!(
                "the alias `*{name}` names no anchor before it"
            )));
        };
        if self.depth >= MAX_DEPTH {
            return Err(Error::new(RECURSION_LIMIT));
        }
        self.ctx.spend()?;
        self.at(target, self.depth + 1).follow()
    }

    /// `node` at this cursor's path.
    fn at(&self, node: &'a Node, depth: usize) -> Cursor<'a, 'p> {
        Cursor {
            node,
            path: self.path,
            depth,
            ctx: self.ctx,
        }
    }

    /// A node inside this one, at `path`.
    fn child<'s>(&self, node: &'a Node, path: Path<'s>) -> Result<Cursor<'a, 's>, Error> {
        self.ctx.spend()?;
        if self.depth >= MAX_DEPTH {
            return Err(Error::new(RECURSION_LIMIT).placed(node, &path));
        }
        Ok(Cursor {
            node,
            path,
            depth: self.depth + 1,
            ctx: self.ctx,
        })
    }

    /// The item `index` of this list.
    pub fn item<'s>(&'s self, index: usize, item: &'a Node) -> Result<Cursor<'a, 's>, Error> {
        let path = Path::Seq {
            parent: &self.path,
            index,
        };
        self.child(item, path)
    }

    /// A key of this mapping, at the mapping's path.
    pub fn key(&self, key: &'a Node) -> Result<Cursor<'a, 'p>, Error> {
        self.child(key, self.path)
    }

    /// The value of `key` in this mapping, at the path of the key.
    pub fn value<'s>(&'s self, key: &'a Node, value: &'a Node) -> Result<Cursor<'a, 's>, Error> {
        let path = Path::Map {
            parent: &self.path,
            key: key.as_str().unwrap_or("?"),
        };
        self.child(value, path)
    }

    /// What the node is: a scalar, a list or a mapping (never an alias: see [`FromNode`]).
    pub fn kind(&self) -> &'a Kind {
        &self.node.kind
    }

    /// A plain scalar's meaning, if the node is one.
    pub fn plain(&self) -> Option<Resolved<'a>> {
        match &self.node.kind {
            Kind::Scalar { value, plain: true } => Some(resolve(value)),
            _ => None,
        }
    }

    /// `invalid type: list, expected a string`: the node is not what `expected` says.
    pub fn invalid<T>(&self, expected: &str) -> Result<T, Error> {
        Err(self.invalid_type(expected))
    }

    /// The error of [`Cursor::invalid`], written once rather than once per type read.
    fn invalid_type(&self, expected: &str) -> Error {
        Error::new(format!(
            "invalid type: {}, expected {expected}",
            self.found()
        ))
    }

    /// What the node is, for an "invalid type" error.
    fn found(&self) -> String {
        match &self.node.kind {
            Kind::Scalar { value, plain: true } => match resolve(value) {
                Resolved::Null => "null (an empty value)".to_owned(),
                Resolved::Bool(b) => format!("boolean `{b}`"),
                Resolved::Unsigned(n) if u64::try_from(n).is_ok() => format!("integer `{n}`"),
                Resolved::Signed(n) if i64::try_from(n).is_ok() => format!("integer `{n}`"),
                Resolved::Unsigned(_) | Resolved::Signed(_) => "a 128-bit integer".to_owned(),
                Resolved::Float(f) => format!("floating point `{}`", with_point(f)),
                Resolved::Str(s) => format!("string {s:?}"),
            },
            Kind::Scalar { value, .. } => format!("string {value:?}"),
            Kind::Seq(_) => "list".to_owned(),
            Kind::Map(_) => "mapping".to_owned(),
            Kind::Alias(_) => "an alias".to_owned(),
        }
    }

    /// Reads a mapping with the fields `names`, in the order written: `field` is called with
    /// each field's name (from `names`) and value. An unknown key or a key given twice is an
    /// error; which fields are required is for `field`'s caller to check afterwards.
    /// `field` is taken as `dyn`, so that this is compiled once rather than once per mapping.
    pub fn fields(
        &self,
        names: &'static [&'static str],
        field: &mut dyn FnMut(&'static str, &Cursor<'a, '_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let Kind::Map(pairs) = &self.node.kind else {
            return self.invalid("a mapping");
        };
        let mut seen = vec![false; names.len()];
        for (key, value) in pairs {
            let name = self.key(key)?.target()?;
            let i = match name.kind() {
                Kind::Scalar { value, .. } => match names.iter().position(|n| n == value) {
                    Some(i) => i,
                    None => return Err(name.place(unknown("field", value, names))),
                },
                _ => return Err(name.place(name.invalid_type("field identifier"))),
            };
            if std::mem::replace(&mut seen[i], true) {
                return Err(Error::new(format!("duplicate field `{}`", names[i])));
            }
            field(names[i], &self.value(key, value)?)?;
        }
        Ok(())
    }

    /// The variant the scalar names; a node that is not a scalar is told to be `what`.
    pub fn variant<T: Copy>(&self, variants: &[(&str, T)]) -> Result<T, Error> {
        let names: Vec<&str> = variants.iter().map(|(name, _)| *name).collect();
        let Kind::Scalar { value, .. } = &self.node.kind else {
            return self.invalid(&one_of(&names));
        };
        match variants.iter().find(|(name, _)| name == value) {
            Some((_, variant)) => Ok(*variant),
            None => Err(unknown("variant", value, &names)),
        }
    }
}

/// `unknown field `x`, expected one of `a`, `b`, `c``, from which the diagnostics take the
/// nearest name.
fn unknown(what: &str, name: &str, names: &[&str]) -> Error {
    Error::new(format!(
        "unknown {what} `{name}`, expected {}",
        one_of(names)
    ))
}

/// `` `a` ``, `` `a` or `b` ``, or `` one of `a`, `b`, `c` ``.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [a, b] => format!("{a} or {b}"),
        [a] => a.clone(),
        more => format!("one of {}", more.join(", ")),
    }
}

/// A float as the messages show it: `1.5`, `1000.0`, `inf`.
fn with_point(f: f64) -> String {
    let shown = f.to_string();
    if f.is_finite() && !shown.contains('.') {
        shown + ".0"
    } else {
        shown
    }
}

/// Any scalar is text to a string field, whatever it would be read as otherwise.
impl FromNode for String {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error> {
        match node.kind() {
            Kind::Scalar { value, .. } => Ok(value.clone()),
            _ => node.invalid("a string"),
        }
    }
}

impl FromNode for i64 {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error> {
        let n = match node.plain() {
            Some(Resolved::Unsigned(n)) => i64::try_from(n).ok(),
            Some(Resolved::Signed(n)) => i64::try_from(n).ok(),
            _ => None,
        };
        n.map_or_else(|| node.invalid("an integer"), Ok)
    }
}

impl FromNode for bool {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error> {
        match node.plain() {
            Some(Resolved::Bool(b)) => Ok(b),
            _ => node.invalid("a boolean"),
        }
    }
}

/// Null is `None`; anything else is read as `T`.
impl<T: FromNode> FromNode for Option<T> {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error> {
        match node.plain() {
            Some(Resolved::Null) => Ok(None),
            _ => T::from_node(node).map(Some),
        }
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    fn from_node(node: &Cursor<'_, '_>) -> Result<Self, Error> {
        let Kind::Seq(items) = node.kind() else {
            return node.invalid("a list");
        };
        // A loop, not an iterator collected into a `Result`: this is compiled once per type of
        // list, and the loop is a small part of what the iterator adapters would be.
        let mut list = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            list.push(node.item(index, item)?.read()?);
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::super::value::{Mapping, YamlValue};
    use super::super::{RawCode, RawColumnType, RawWire};
    use super::*;

    fn read<T: FromNode>(text: &str) -> Result<T, Error> {
        match super::super::tree::read(text) {
            super::super::tree::Read::Document { root, nodes, .. } => document(&root, nodes),
            other => panic!("{other:?}"),
        }
    }

    fn message<T: FromNode + fmt::Debug>(text: &str) -> String {
        read::<T>(text).unwrap_err().text()
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        let ints: Vec<i64> = read("[12, -3, 0x1F, 0o17, 0b101, +7, -0x10, -0]").unwrap();
        assert_eq!(ints, [12, -3, 31, 15, 5, 7, -16, 0]);
        let bools: Vec<bool> = read("[true, False, TRUE]").unwrap();
        assert_eq!(bools, [true, false, true]);
        let texts: Vec<String> = read("[012, '5', \"x\", ~, yes, 1.5, 0x, '', true]").unwrap();
        assert_eq!(
            texts,
            ["012", "5", "x", "~", "yes", "1.5", "0x", "", "true"]
        );
        let options: Vec<Option<i64>> = read("[~, null, 3, ]").unwrap();
        assert_eq!(options, [None, None, Some(3)]);
        let values: Vec<YamlValue> =
            read("[~, 007, 0o7, x, '1', {a: 1}, 1.5, .inf, 1e400, 340282366920938463463374607431768211455]")
                .unwrap();
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
                YamlValue::Float(1.5),
                YamlValue::Float(f64::INFINITY),
                // Out of a float's range: text, as the core schema leaves it.
                YamlValue::String("1e400".into()),
                YamlValue::Float(u128::MAX as f64),
            ]
        );
        let codes: Vec<RawCode> =
            read("[1001, -5, '1001', x, 170141183460469231731687303715884105727]").unwrap();
        assert_eq!(
            codes,
            [
                RawCode::Integer(1001),
                RawCode::Integer(-5),
                RawCode::String("1001".into()),
                RawCode::String("x".into()),
                RawCode::Integer(i128::MAX),
            ]
        );
    }

    /// Each kind of value the wrong type of node meets, in the words of the messages.
    #[test]
    fn a_node_of_the_wrong_type_is_named_with_what_was_expected() {
        let cases: &[(&str, String)] = &[
            ("['']", message::<Vec<Option<i64>>>("['']")),
            ("[1.5]", message::<Vec<i64>>("[1.5]")),
            ("[1e3]", message::<Vec<i64>>("[1e3]")),
            ("[.nan]", message::<Vec<bool>>("[.nan]")),
            (
                "[9223372036854775808]",
                message::<Vec<i64>>("[9223372036854775808]"),
            ),
            (
                "[-9223372036854775809]",
                message::<Vec<i64>>("[-9223372036854775809]"),
            ),
            ("[~]", message::<Vec<bool>>("[~]")),
            ("[[1]]", message::<Vec<String>>("[[1]]")),
            ("[{a: 1}]", message::<Vec<Vec<String>>>("[{a: 1}]")),
            ("[true]", message::<Vec<RawCode>>("[true]")),
            ("[[x]]", message::<Vec<Mapping>>("[[x]]")),
            ("[[x]]", message::<Vec<RawWire>>("[[x]]")),
            ("[[bool]]", message::<Vec<RawColumnType>>("[[bool]]")),
        ];
        let expected = [
            "[0]: invalid type: string \"\", expected an integer",
            "[0]: invalid type: floating point `1.5`, expected an integer",
            "[0]: invalid type: floating point `1000.0`, expected an integer",
            "[0]: invalid type: floating point `NaN`, expected a boolean",
            "[0]: invalid type: integer `9223372036854775808`, expected an integer",
            "[0]: invalid type: a 128-bit integer, expected an integer",
            "[0]: invalid type: null (an empty value), expected a boolean",
            "[0]: invalid type: list, expected a string",
            "[0]: invalid type: mapping, expected a list",
            "[0]: invalid type: boolean `true`, expected an integer or a string",
            "[0]: invalid type: list, expected a mapping",
            "[0]: invalid type: list, expected a mapping",
            "[0]: invalid type: list, expected one of `bool`, `integer`, `string`, `enum`",
        ];
        for ((text, got), want) in cases.iter().zip(expected) {
            assert_eq!(got, want, "{text}");
        }
        assert_eq!(cases.len(), expected.len());
    }

    #[test]
    fn codes_out_of_range_say_so() {
        assert_eq!(
            message::<RawCode>("340282366920938463463374607431768211455"),
            "code 340282366920938463463374607431768211455 is too large"
        );
        assert_eq!(
            message::<RawCode>("1e3"),
            "code 1000 is out of range: integer codes are 0..=4294967295"
        );
        assert_eq!(message::<RawCode>("1.5"), "code 1.5 is not an integer");
    }

    #[test]
    fn mappings_name_unknown_repeated_and_missing_fields() {
        assert_eq!(
            message::<RawWire>("fields: []\nenvelop: x\n"),
            "unknown field `envelop`, expected `envelope` or `fields`"
        );
        assert_eq!(
            message::<RawWire>("[x]: 1\n"),
            "invalid type: list, expected field identifier"
        );
        assert_eq!(
            message::<RawWire>("envelope: x\n"),
            "missing field `fields`"
        );
        assert_eq!(
            message::<Vec<RawColumnType>>("[bool, boolean]"),
            "[1]: unknown variant `boolean`, expected one of `bool`, `integer`, `string`, `enum`"
        );
        // A field read twice: the tree refuses repeated keys, but an alias can make one.
        let e = read::<RawWire>("&k fields: []\n*k : []\n").unwrap_err();
        assert_eq!(
            (e.text().as_str(), e.at.map(|l| l.line)),
            ("duplicate field `fields`", Some(1))
        );
        // The first problem in the order written stops the reading, before any missing field.
        assert_eq!(
            message::<RawWire>("envelope: [x]\nzz: 1\n"),
            "envelope: invalid type: list, expected a string"
        );
    }

    #[test]
    fn errors_carry_the_place_and_path_of_their_node() {
        let text = "fields:\n  - {name: a, from: code}\n  - {name: [b], from: code}\n";
        let e = read::<RawWire>(text).unwrap_err();
        assert_eq!(
            e.text(),
            "fields[1].name: invalid type: list, expected a string"
        );
        assert_eq!(
            e.at,
            Some(Location {
                line: 3,
                column: 12
            })
        );
        let e = read::<RawWire>("fields:\n  - {}\n").unwrap_err();
        assert_eq!(e.text(), "fields[0]: missing field `name`");
        assert_eq!(e.at, Some(Location { line: 2, column: 5 }));
        // Through an alias: the place of the anchored node, the path where it is used.
        let text = "envelope: &e [x]\nfields: *e\n";
        let e = read::<RawWire>(text).unwrap_err();
        assert_eq!(e.text(), "envelope: invalid type: list, expected a string");
        let text = "envelope: e\nfields: [&f {name: [a], from: code}, *f]\n";
        let e = read::<RawWire>(text).unwrap_err();
        assert_eq!(
            e.text(),
            "fields[0].name: invalid type: list, expected a string"
        );
        let text = "envelope: &n [x]\nfields: [{name: *n, from: code}]\n";
        let e = read::<RawWire>(text).unwrap_err();
        assert_eq!(e.text(), "envelope: invalid type: list, expected a string");
        assert_eq!(
            e.at,
            Some(Location {
                line: 1,
                column: 11
            })
        );
    }

    #[test]
    fn aliases_expand_within_limits() {
        let v: Vec<Vec<i64>> = read("- &a [1, 2]\n- *a\n- &a [3]\n- *a\n").unwrap();
        assert_eq!(v, [vec![1, 2], vec![1, 2], vec![3], vec![3]]);
        let e = read::<Vec<i64>>("[*nowhere]").unwrap_err();
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
