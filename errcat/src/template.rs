//! Message templates: the pieces of a message, filling them with values, and reading values
//! back out of a filled message.

use core::fmt;

use crate::{Value, ValueKind};

/// One piece of a message template: literal text, or a named placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Piece {
    /// Text written as is.
    Text(&'static str),
    /// The `index`-th placeholder of the code, declared as `name`.
    Placeholder {
        /// Position of the placeholder among the code's placeholders.
        index: usize,
        /// The placeholder's name in the catalog.
        name: &'static str,
    },
}

/// A message with its placeholders filled in from `values` (by placeholder index). Its
/// `Display` writes the pieces and values straight to the formatter, without allocating. A
/// value that is missing or [`Value::Absent`] is written as `{name}`.
#[derive(Clone, Copy)]
pub struct Filled<'a> {
    pieces: &'static [Piece],
    values: &'a [Value],
}

impl<'a> Filled<'a> {
    /// `pieces` filled with `values`, in the order the placeholders are declared.
    #[inline]
    pub const fn new(pieces: &'static [Piece], values: &'a [Value]) -> Self {
        Filled { pieces, values }
    }
}

impl fmt::Display for Filled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for piece in self.pieces {
            match *piece {
                Piece::Text(text) => f.write_str(text)?,
                Piece::Placeholder { index, name } => match self.values.get(index) {
                    Some(value) if !matches!(value, Value::Absent) => fmt::Display::fmt(value, f)?,
                    _ => {
                        f.write_str("{")?;
                        f.write_str(name)?;
                        f.write_str("}")?;
                    }
                },
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Filled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Filled")
            .field(&format_args!("{self}"))
            .finish()
    }
}

/// The text of each placeholder in `text`, a message made from `pieces`: `out[i]` becomes the
/// text of placeholder `i`. Returns `false`, leaving `out` unspecified, when `text` is not
/// `pieces` with some values filled in (the sender worded the message differently, say).
///
/// Literal text is matched exactly; a placeholder takes the shortest text after which the rest
/// of the template still matches, so `"Back at {time} ({zone})."` reads
/// `"Back at 10:00 (UTC)."` as `10:00` and `UTC`.
pub fn match_template<'t>(pieces: &[Piece], text: &'t str, out: &mut [Option<&'t str>]) -> bool {
    fn go<'t>(pieces: &[Piece], text: &'t str, out: &mut [Option<&'t str>]) -> bool {
        match pieces.split_first() {
            None => text.is_empty(),
            Some((Piece::Text(t), rest)) => text
                .strip_prefix(t)
                .is_some_and(|after| go(rest, after, out)),
            Some((Piece::Placeholder { index, .. }, rest)) => {
                let index = *index;
                let next_text = rest.iter().find_map(|p| match p {
                    Piece::Text(t) if !t.is_empty() => Some(*t),
                    _ => None,
                });
                let Some(next) = next_text else {
                    // Only placeholders follow: this one takes the rest, the others nothing.
                    if let Some(slot) = out.get_mut(index) {
                        *slot = Some(text);
                    }
                    return rest.iter().all(|p| match p {
                        Piece::Placeholder { index, .. } => {
                            if let Some(slot) = out.get_mut(*index) {
                                *slot = Some("");
                            }
                            true
                        }
                        Piece::Text(t) => t.is_empty(),
                    });
                };
                let mut from = 0;
                while let Some(found) = text[from..].find(next) {
                    let end = from + found;
                    if let Some(slot) = out.get_mut(index) {
                        *slot = Some(&text[..end]);
                    }
                    if go(rest, &text[end..], out) {
                        return true;
                    }
                    from = end + text[end..].chars().next().map_or(1, char::len_utf8);
                    if from > text.len() {
                        break;
                    }
                }
                false
            }
        }
    }
    go(pieces, text, out)
}

/// Reads the values of a message made from `pieces` back into `out` (by placeholder index),
/// each as its declared kind in `kinds`. Returns `false` when `text` is not `pieces` filled
/// with values of those kinds. A placeholder shown as `{name}`, as an error sent without its
/// values shows it, reads as [`Value::Absent`].
pub fn read_values(pieces: &[Piece], kinds: &[ValueKind], text: &str, out: &mut [Value]) -> bool {
    // More placeholders than this in one message do not read back (`false`).
    const MAX: usize = 32;
    let mut texts = [None; MAX];
    if kinds.len() > MAX || !match_template(pieces, text, &mut texts[..kinds.len()]) {
        return false;
    }
    for piece in pieces {
        let Piece::Placeholder { index, name } = *piece else {
            continue;
        };
        let (Some(kind), Some(Some(shown)), Some(slot)) =
            (kinds.get(index), texts.get(index), out.get_mut(index))
        else {
            return false;
        };
        let unfilled = shown.len() == name.len() + 2
            && shown.starts_with('{')
            && shown.ends_with('}')
            && &shown[1..shown.len() - 1] == name;
        *slot = if unfilled {
            Value::Absent
        } else {
            match kind.parse(shown) {
                Some(value) => value,
                None => return false,
            }
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const BACK: &[Piece] = &[
        Piece::Text("Back at "),
        Piece::Placeholder {
            index: 0,
            name: "time",
        },
        Piece::Text(" ("),
        Piece::Placeholder {
            index: 1,
            name: "zone",
        },
        Piece::Text(")."),
    ];

    #[test]
    fn fills_values_and_marks_missing_ones() {
        let values = [Value::from("10:00")];
        assert_eq!(
            Filled::new(BACK, &values).to_string(),
            "Back at 10:00 ({zone})."
        );
        let values = [Value::from("10:00"), Value::from("UTC")];
        assert_eq!(
            Filled::new(BACK, &values).to_string(),
            "Back at 10:00 (UTC)."
        );
    }

    #[test]
    fn reads_values_back() {
        let mut out = [None; 2];
        assert!(match_template(BACK, "Back at 10:00 (UTC).", &mut out));
        assert_eq!(out, [Some("10:00"), Some("UTC")]);
        // A value holding the text that follows it: the later occurrence is tried too.
        assert!(match_template(BACK, "Back at 10 (x) 11 (UTC).", &mut out));
        assert_eq!(out, [Some("10"), Some("x) 11 (UTC")]);
        assert!(!match_template(BACK, "Back later.", &mut out));
        assert!(!match_template(BACK, "Back at 10:00 (UTC)!", &mut out));
        let mut none: [Option<&str>; 0] = [];
        assert!(match_template(
            &[Piece::Text("Forbidden.")],
            "Forbidden.",
            &mut none
        ));
        assert!(!match_template(
            &[Piece::Text("Forbidden.")],
            "Forbidden",
            &mut none
        ));
    }

    #[test]
    fn values_are_read_back_typed_and_unfilled_ones_stay_absent() {
        let kinds = [ValueKind::Integer, ValueKind::String];
        let mut out = [Value::Absent, Value::Absent];
        assert!(read_values(BACK, &kinds, "Back at 10 (UTC).", &mut out));
        assert_eq!(out, [Value::Int(10), Value::from("UTC")]);
        assert!(read_values(
            BACK,
            &kinds,
            "Back at {time} ({zone}).",
            &mut out
        ));
        assert_eq!(out, [Value::Absent, Value::Absent]);
        assert!(!read_values(BACK, &kinds, "Back at ten (UTC).", &mut out));
    }

    #[test]
    fn a_trailing_placeholder_takes_the_rest() {
        let pieces = [
            Piece::Text("ETC : "),
            Piece::Placeholder {
                index: 0,
                name: "relayed_message",
            },
        ];
        let mut out = [None];
        assert!(match_template(
            &pieces,
            "ETC : error on loadAccount",
            &mut out
        ));
        assert_eq!(out, [Some("error on loadAccount")]);
        assert!(match_template(&pieces, "ETC : ", &mut out));
        assert_eq!(out, [Some("")]);
    }

    #[test]
    fn non_ascii_text_is_matched_on_character_boundaries() {
        let pieces = [
            Piece::Placeholder {
                index: 0,
                name: "a",
            },
            Piece::Text("،"),
            Piece::Placeholder {
                index: 1,
                name: "b",
            },
        ];
        let mut out = [None; 2];
        assert!(match_template(&pieces, "سلام،دنیا", &mut out));
        assert_eq!(out, [Some("سلام"), Some("دنیا")]);
    }
}
