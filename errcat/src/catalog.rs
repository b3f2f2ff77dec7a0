//! What every generated catalog implements: [`ErrorCode`] for its code enum and [`Raised`] for
//! its owned error, so that code can be generic over catalogs (logging, metrics, middleware).

use std::fmt;
use std::hash::Hash;

use crate::{Piece, Value};

/// A code as the wire carries it: an integer or a string, as the catalog's codes are. Codes
/// read from the wire that the catalog does not list keep their value here too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeRef<'a> {
    /// An integer code.
    Integer(i64),
    /// A string code.
    String(&'a str),
}

impl fmt::Display for CodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeRef::Integer(i) => fmt::Display::fmt(i, f),
            CodeRef::String(s) => f.write_str(s),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CodeRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CodeRef::Integer(i) => serializer.serialize_i64(*i),
            CodeRef::String(s) => serializer.serialize_str(s),
        }
    }
}

/// The code enum of a catalog (each catalog module's `Error`): one variant per documented
/// code, with the catalog's data for it.
///
/// The generated type has inherent `const fn`s of the same names; this trait is for code that
/// is generic over catalogs.
pub trait ErrorCode:
    Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + Send + Sync + 'static
{
    /// The catalog's module name, such as `mixin`.
    const CATALOG: &'static str;

    /// Every code, in document order.
    fn all() -> &'static [Self];
    /// The code on the wire.
    fn code(self) -> CodeRef<'static>;
    /// The documented name, such as `INSUFFICIENT_BALANCE`.
    fn name(self) -> &'static str;
    /// The documented message; placeholders appear as `{name}`.
    fn message(self) -> &'static str;
    /// The message as pieces of text and placeholders.
    fn template(self) -> &'static [Piece];
    /// The names of the message's placeholders, in declaration order.
    fn placeholders(self) -> &'static [&'static str];
    /// The UPPER_SNAKE name of the code's section.
    fn section_name(self) -> &'static str;
    /// The title of the code's section.
    fn section_title(self) -> &'static str;
    /// Whether the code is deprecated (no longer sent).
    fn is_deprecated(self) -> bool;
    /// The code with this documented name or alias.
    fn from_name(name: &str) -> Option<Self>;
}

/// The code enum of a catalog with HTTP statuses: every catalog but those of protocols without
/// them (a database driver, a socket protocol), whose code enums implement [`ErrorCode`] alone,
/// so that asking one for a status does not compile.
pub trait HttpStatus: ErrorCode {
    /// The HTTP status the error is returned with.
    fn http_status(self) -> u16;
}

/// An error of a catalog with the values it carries (each catalog module's `Failure`): what a
/// service returns, and what a client reads back from a body.
pub trait Raised: fmt::Display + fmt::Debug + std::error::Error + Send + Sync + 'static {
    /// The catalog's code enum.
    type Code: ErrorCode;

    /// The code.
    fn error(&self) -> Self::Code;
    /// The values of the code's placeholders, by the index of
    /// [`ErrorCode::placeholders`]; [`Value::Absent`] where none was given.
    fn values(&self) -> &[Value];
    /// The minor code, if the error carries one: an integer, or a string (a decline reason
    /// such as `insufficient_funds`), as the catalog's minor codes are.
    fn minor_code(&self) -> Option<CodeRef<'_>>;
    /// The names of the run-time parameters the catalog's wire body declares (messenger's
    /// `wait`, say), in the order of [`Raised::param_values`].
    fn param_names(&self) -> &'static [&'static str];
    /// The values of those parameters; [`Value::Absent`] where none was given.
    fn param_values(&self) -> &[Value];

    /// The value of the placeholder `name`, if the code has it and it was given.
    fn value(&self, name: &str) -> Option<&Value> {
        let i = self
            .error()
            .placeholders()
            .iter()
            .position(|p| *p == name)?;
        self.values().get(i).filter(|v| !v.is_absent())
    }

    /// The value of the parameter `name`, if the catalog declares it and it was given.
    fn param(&self, name: &str) -> Option<&Value> {
        let i = self.param_names().iter().position(|p| *p == name)?;
        self.param_values().get(i).filter(|v| !v.is_absent())
    }
}

/// A code that the catalog does not list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    /// The catalog (module) that was asked.
    pub catalog: &'static str,
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown error code for catalog ")?;
        f.write_str(self.catalog)
    }
}

impl std::error::Error for UnknownCode {}

/// A name that is neither a documented name nor an alias in the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownName {
    /// The catalog (module) that was asked.
    pub catalog: &'static str,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown error name for catalog ")?;
        f.write_str(self.catalog)
    }
}

impl std::error::Error for UnknownName {}

/// The error of parsing a value of an enum column that the column does not list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    /// The catalog (module) that was asked.
    pub catalog: &'static str,
    /// The column.
    pub column: &'static str,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown value of column `{}` for catalog {}",
            self.column, self.catalog
        )
    }
}

impl std::error::Error for UnknownValue {}

/// A text of a generated table that writes "none" as `""`: `None` for the empty text, the text
/// otherwise. The generator writes a table of optional texts (descriptions, reactions,
/// deprecation notes, minor-code details) this way, because rustc checks an array of string
/// literals in a third of the time of the same array of `Option<&str>`; `""` means nothing
/// else, since a catalog may not give any of those texts empty.
///
/// ```
/// assert_eq!(errcat::optional(""), None);
/// assert_eq!(errcat::optional("Retry later."), Some("Retry later."));
/// ```
#[inline]
pub const fn optional(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}
