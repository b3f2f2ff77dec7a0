//! Reading error bodies: the error of a body that is not one, and the field reader the
//! generated `Deserialize` impls use. Needs the `serde` feature.

use std::fmt;

pub use serde;
pub use serde_json;

use serde::de::{self, DeserializeOwned};
use serde_json::{Map, Value as Json};

/// A response body that is not an error body of the catalog: not JSON at all, or JSON that is
/// not the catalog's documented shape. Made by each catalog's `Body::from_json` and
/// `Body::from_http`.
#[derive(Debug)]
pub struct BodyError {
    catalog: &'static str,
    status: Option<u16>,
    kind: BodyErrorKind,
    source: serde_json::Error,
}

/// What is wrong with a body that is not an error body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyErrorKind {
    /// The body is not JSON: empty, cut short, or something else (an HTML error page of a
    /// proxy, say).
    NotJson,
    /// The body is JSON, but not the documented shape: a field is missing, or has the wrong
    /// type, or a constant field has another value.
    Shape,
}

impl BodyError {
    /// Classifies a `serde_json` error met while reading a body of `catalog`, received with
    /// HTTP `status` where there was one.
    pub fn new(catalog: &'static str, status: Option<u16>, source: serde_json::Error) -> Self {
        let kind = match source.classify() {
            serde_json::error::Category::Data => BodyErrorKind::Shape,
            _ => BodyErrorKind::NotJson,
        };
        BodyError {
            catalog,
            status,
            kind,
            source,
        }
    }

    /// The catalog (module) whose body was expected.
    pub fn catalog(&self) -> &'static str {
        self.catalog
    }

    /// The HTTP status of the response, where the body came with one.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Whether the body is not JSON, or not the documented shape.
    pub fn kind(&self) -> BodyErrorKind {
        self.kind
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.catalog)?;
        f.write_str(": the ")?;
        if let Some(status) = self.status {
            write!(f, "HTTP {status} response ")?;
        }
        f.write_str(match self.kind {
            BodyErrorKind::NotJson => "body is not JSON: ",
            BodyErrorKind::Shape => "body is not the documented error body: ",
        })?;
        fmt::Display::fmt(&self.source, f)
    }
}

impl std::error::Error for BodyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The fields of a body being read: the JSON object (inside its envelope, if the shape has
/// one), taken field by field. Fields the shape does not name are ignored.
#[derive(Debug)]
pub struct Fields {
    object: Map<String, Json>,
}

impl Fields {
    /// Reads a JSON object, and the object under `envelope` in it if there is one. Anything
    /// but an object (an array of the field values, say) is not the documented shape.
    pub fn read<'de, D: de::Deserializer<'de>>(
        deserializer: D,
        envelope: Option<&'static str>,
    ) -> Result<Fields, D::Error> {
        let outer = as_object::<D::Error>(<Json as de::Deserialize>::deserialize(deserializer)?)?;
        let object = match envelope {
            None => outer,
            Some(key) => {
                let mut outer = Fields { object: outer };
                as_object::<D::Error>(outer.take(key)?)?
            }
        };
        Ok(Fields { object })
    }

    fn take<E: de::Error>(&mut self, key: &'static str) -> Result<Json, E> {
        self.object.remove(key).ok_or_else(|| E::missing_field(key))
    }

    /// The field `key`, which the shape requires.
    pub fn required<T: DeserializeOwned, E: de::Error>(
        &mut self,
        key: &'static str,
    ) -> Result<T, E> {
        let json = self.take(key)?;
        typed(key, json)
    }

    /// The field `key`, absent (or `null`) when the body does not carry it.
    pub fn optional<T: DeserializeOwned, E: de::Error>(
        &mut self,
        key: &'static str,
    ) -> Result<Option<T>, E> {
        match self.object.remove(key) {
            None | Some(Json::Null) => Ok(None),
            Some(json) => typed(key, json).map(Some),
        }
    }

    /// The field `key` as received, any JSON (`null` included); `None` when the body does not
    /// carry it. For the fields the catalog does not model, which are sent back unchanged.
    pub fn raw(&mut self, key: &'static str) -> Option<Json> {
        self.object.remove(key)
    }

    /// The field `key`, which must hold `expected` in every body.
    pub fn constant<E: de::Error>(&mut self, key: &'static str, expected: Json) -> Result<(), E> {
        let json = self.take(key)?;
        if json == expected {
            Ok(())
        } else {
            Err(E::custom(format_args!("field `{key}` is not {expected}")))
        }
    }
}

fn as_object<E: de::Error>(json: Json) -> Result<Map<String, Json>, E> {
    match json {
        Json::Object(map) => Ok(map),
        other => Err(E::invalid_type(unexpected(&other), &"a JSON object")),
    }
}

fn typed<T: DeserializeOwned, E: de::Error>(key: &'static str, json: Json) -> Result<T, E> {
    serde_json::from_value(json).map_err(|e| E::custom(format_args!("field `{key}`: {e}")))
}

fn unexpected(json: &Json) -> de::Unexpected<'_> {
    match json {
        Json::Null => de::Unexpected::Unit,
        Json::Bool(b) => de::Unexpected::Bool(*b),
        Json::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => de::Unexpected::Signed(i),
            (_, Some(u), _) => de::Unexpected::Unsigned(u),
            (_, _, Some(f)) => de::Unexpected::Float(f),
            _ => de::Unexpected::Other("a number"),
        },
        Json::String(s) => de::Unexpected::Str(s),
        Json::Array(_) => de::Unexpected::Seq,
        Json::Object(_) => de::Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str, envelope: Option<&'static str>) -> Result<Fields, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        Fields::read(&mut de, envelope)
    }

    #[test]
    fn fields_are_taken_by_key_inside_the_envelope() {
        let mut f = read(r#"{"error": {"code": 7, "extra": [1]}}"#, Some("error")).unwrap();
        let code: i64 = f.required::<_, serde_json::Error>("code").unwrap();
        assert_eq!(code, 7);
        let minor: Option<u32> = f.optional::<_, serde_json::Error>("minor").unwrap();
        assert_eq!(minor, None);
    }

    #[test]
    fn raw_fields_are_kept_as_received_null_included() {
        let mut f = read(
            r#"{"details": [{"@type": "x", "n": 1.5}], "extra": null}"#,
            None,
        )
        .unwrap();
        assert_eq!(
            f.raw("details"),
            Some(serde_json::json!([{"@type": "x", "n": 1.5}]))
        );
        assert_eq!(f.raw("details"), None, "taken once");
        assert_eq!(f.raw("extra"), Some(Json::Null));
        assert_eq!(f.raw("missing"), None);
    }

    #[test]
    fn wrong_shapes_are_data_errors() {
        for (json, envelope, says) in [
            ("[1, 2]", None, "expected a JSON object"),
            (r#"{"code": 1}"#, Some("error"), "missing field `error`"),
            (r#"{"error": 3}"#, Some("error"), "expected a JSON object"),
        ] {
            let e = read(json, envelope).unwrap_err();
            assert!(e.to_string().contains(says), "{json}: {e}");
            assert_eq!(e.classify(), serde_json::error::Category::Data);
        }
        let mut f = read(r#"{"code": "x", "action": 1}"#, None).unwrap();
        let e = f.required::<i64, serde_json::Error>("code").unwrap_err();
        assert!(e.to_string().contains("field `code`"), "{e}");
        let e = f
            .constant::<serde_json::Error>("action", Json::from(0))
            .unwrap_err();
        assert_eq!(e.to_string(), "field `action` is not 0");
    }
}
