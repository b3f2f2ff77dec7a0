//! The values an error carries: what fills its message's placeholders, and the run-time
//! parameters its wire body declares.

use std::borrow::Cow;
use std::fmt;

/// A value carried by an error. Text is `'static` or owned, so an error holding values is
/// `'static`, `Send` and `Sync`; numbers and booleans are held inline.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    /// No value (yet): a placeholder shows as `{name}`, a wire parameter is left out.
    #[default]
    Absent,
    /// Text.
    Str(Cow<'static, str>),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Value {
    /// Whether the value is [`Value::Absent`].
    #[inline]
    pub const fn is_absent(&self) -> bool {
        matches!(self, Value::Absent)
    }

    /// The text, if the value is text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, if the value is one.
    pub const fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The number, if the value is a float.
    pub const fn as_float(&self) -> Option<f64> {
        match self {
            Value::Float(x) => Some(*x),
            _ => None,
        }
    }

    /// The boolean, if the value is one.
    pub const fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// Writes the value as a message shows it; [`Value::Absent`] writes nothing.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Absent => Ok(()),
            Value::Str(s) => f.write_str(s),
            Value::Int(i) => fmt::Display::fmt(i, f),
            Value::Float(x) => fmt::Display::fmt(x, f),
            Value::Bool(b) => fmt::Display::fmt(b, f),
        }
    }
}

impl From<&'static str> for Value {
    #[inline]
    fn from(s: &'static str) -> Self {
        Value::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Value {
    #[inline]
    fn from(s: String) -> Self {
        Value::Str(Cow::Owned(s))
    }
}

impl From<Cow<'static, str>> for Value {
    #[inline]
    fn from(s: Cow<'static, str>) -> Self {
        Value::Str(s)
    }
}

impl From<i64> for Value {
    #[inline]
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    #[inline]
    fn from(x: f64) -> Self {
        Value::Float(x)
    }
}

impl From<bool> for Value {
    #[inline]
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// The declared type of a placeholder or wire parameter, as the catalog states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueKind {
    /// `type: string` (the default): text.
    String,
    /// `type: integer`: an `i64`.
    Integer,
    /// `type: float`: an `f64`.
    Float,
    /// `type: bool`.
    Bool,
    /// `type: display`: anything `Display`, held as its text.
    Display,
}

impl ValueKind {
    /// Reads a value of this kind from the text a message shows it as; `None` if the text is
    /// not such a value (`"12x"` for an integer).
    pub fn parse(self, text: &str) -> Option<Value> {
        match self {
            ValueKind::String | ValueKind::Display => Some(Value::Str(Cow::Owned(text.to_owned()))),
            ValueKind::Integer => text.parse().ok().map(Value::Int),
            ValueKind::Float => text.parse().ok().map(Value::Float),
            ValueKind::Bool => text.parse().ok().map(Value::Bool),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Absent => serializer.serialize_none(),
            Value::Str(s) => serializer.serialize_str(s),
            Value::Int(i) => serializer.serialize_i64(*i),
            Value::Float(x) => serializer.serialize_f64(*x),
            Value::Bool(b) => serializer.serialize_bool(*b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_show_as_messages_write_them() {
        assert_eq!(Value::from("EUR").to_string(), "EUR");
        assert_eq!(Value::from(12.5).to_string(), "12.5");
        assert_eq!(Value::from(-3_i64).to_string(), "-3");
        assert_eq!(Value::Absent.to_string(), "");
    }

    #[test]
    fn kinds_read_what_they_wrote() {
        for (kind, value) in [
            (ValueKind::Integer, Value::Int(42)),
            (ValueKind::Float, Value::Float(0.25)),
            (ValueKind::Bool, Value::Bool(true)),
            (ValueKind::String, Value::from("a b")),
        ] {
            assert_eq!(kind.parse(&value.to_string()), Some(value));
        }
        assert_eq!(ValueKind::Integer.parse("12x"), None);
    }
}
