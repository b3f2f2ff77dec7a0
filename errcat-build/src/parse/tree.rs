//! The YAML document as a tree of nodes that remember where they start.
//!
//! The file is parsed once: its YAML events (from libyaml, see `libyaml.rs`) become a small tree
//! of nodes that remember where they start. Validation reports every problem with its line and
//! column by a walk down the tree; the structure check (unknown, missing and duplicate keys)
//! reads it; and the raw document is read from it (`read.rs`), not from the text again.
//!
//! Aliases are kept as alias nodes, never expanded here, so an alias bomb costs no more than its
//! text; nesting is limited to [`MAX_DEPTH`] levels, so hostile input cannot exhaust the stack.

use super::libyaml::{Event, Parser, SyntaxError};
use crate::diagnostic::Location;

/// Nesting limit of the document, the one serde_yaml had. A catalog needs six levels.
pub(crate) const MAX_DEPTH: usize = 128;

/// One node of the document.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// Where the node starts (its first character, or its anchor or tag).
    pub at: Location,
    pub kind: Kind,
    /// The anchor (`&name`) the node carries, if any.
    pub anchor: Option<String>,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    /// A scalar: its value, and whether it was written plain (unquoted, without a tag), which
    /// is when YAML reads it as a number, a bool or null.
    Scalar {
        value: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// `*name`: a reference to an anchored node elsewhere, not expanded.
    Alias(String),
}

impl Node {
    /// The scalar's text, if the node is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The value of `key` in a mapping (the first, if the key is repeated).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(pairs) => pairs
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value of `key` in a mapping, to change it (the first, if the key is repeated).
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.kind {
            Kind::Map(pairs) => pairs
                .iter_mut()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether the node is YAML's null: `~`, `null`, or nothing at all.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { value, plain: true }
            if matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// What the node is, for messages: "a mapping", "a list", "the string \"x\"".
    pub fn describe(&self) -> String {
        match &self.kind {
            Kind::Seq(_) => "a list".to_owned(),
            Kind::Map(_) => "a mapping".to_owned(),
            Kind::Alias(_) => "an alias".to_owned(),
            Kind::Scalar { .. } if self.is_null() => "empty (null)".to_owned(),
            Kind::Scalar { value, plain } => {
                let mut shown: String = value.chars().take(40).collect();
                if shown.len() < value.len() {
                    shown.push('…');
                }
                if *plain {
                    format!("the value {shown:?}")
                } else {
                    format!("the string {shown:?}")
                }
            }
        }
    }
}

/// The first document of a file, or why it could not be read.
#[derive(Debug)]
pub(crate) enum Read {
    /// The stream has no document at all (an empty file, or only comments).
    Empty,
    /// The first document; `more` is where a second document starts, if there is one;
    /// `nodes` is how many nodes the tree has.
    Document {
        root: Node,
        more: Option<Location>,
        nodes: usize,
    },
    /// Nesting deeper than [`MAX_DEPTH`], at this place.
    TooDeep(Location),
    /// libyaml rejected the text.
    Syntax(SyntaxError),
}

/// Reads the first YAML document of `text` into a tree of positioned nodes.
pub(crate) fn read(text: &str) -> Read {
    let mut parser = Parser::new(text);
    // Open collections, innermost last: the node being built and, in a mapping, a key that
    // waits for its value.
    let mut stack: Vec<(Node, Option<Node>)> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut more = None;
    let mut nodes = 0;
    loop {
        let Some((event, at)) = parser.next() else {
            return match parser.into_error() {
                Some(e) => Read::Syntax(e),
                None => unreachable_end(),
            };
        };
        let node = |kind, anchor| Node { at, kind, anchor };
        let node = match event {
            Event::DocumentStart => {
                documents += 1;
                if documents == 2 {
                    // A second document: report where it starts and ignore it.
                    more = Some(at);
                    break;
                }
                continue;
            }
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::Scalar {
                value,
                plain,
                anchor,
            } => node(Kind::Scalar { value, plain }, anchor),
            Event::Alias(name) => node(Kind::Alias(name), None),
            Event::SequenceStart(_) | Event::MappingStart(_) if stack.len() >= MAX_DEPTH => {
                return Read::TooDeep(at);
            }
            Event::SequenceStart(anchor) => {
                stack.push((node(Kind::Seq(Vec::new()), anchor), None));
                continue;
            }
            Event::MappingStart(anchor) => {
                stack.push((node(Kind::Map(Vec::new()), anchor), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some((node, _)) => node,
                None => return Read::Syntax(unbalanced(at)),
            },
        };
        nodes += 1;
        match stack.last_mut() {
            None => root = Some(node),
            Some((parent, pending)) => match &mut parent.kind {
                Kind::Seq(items) => items.push(node),
                Kind::Map(pairs) => match pending.take() {
                    None => *pending = Some(node),
                    Some(key) => pairs.push((key, node)),
                },
                _ => return Read::Syntax(unbalanced(at)),
            },
        }
    }
    match root {
        None => Read::Empty,
        Some(root) => Read::Document { root, more, nodes },
    }
}

/// libyaml ends a stream with an event or an error; this is neither.
fn unreachable_end() -> Read {
    Read::Syntax(SyntaxError {
        problem: "the YAML stream ended without an end".to_owned(),
        at: None,
        offset: 0,
        context: None,
    })
}

/// libyaml balances its start and end events; this is what is reported if it ever did not.
fn unbalanced(at: Location) -> SyntaxError {
    SyntaxError {
        problem: "libyaml closed a collection that was not open".to_owned(),
        at: Some(at),
        offset: 0,
        context: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        match read(text) {
            Read::Document { root, .. } => root,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nodes_know_where_they_start() {
        let doc = root("a: 1\nb:\n  - x\n  - {c: \"d\"}\n");
        let b = doc.get("b").unwrap();
        assert_eq!((b.at.line, b.at.column), (3, 3));
        let Kind::Seq(items) = &b.kind else { panic!() };
        assert_eq!((items[1].at.line, items[1].at.column), (4, 5));
        let c = items[1].get("c").unwrap();
        assert_eq!(c.as_str(), Some("d"));
        assert!(matches!(c.kind, Kind::Scalar { plain: false, .. }));
        assert_eq!((c.at.line, c.at.column), (4, 9));
    }

    #[test]
    fn empty_streams_and_second_documents_are_told_apart() {
        assert!(matches!(read(""), Read::Empty));
        assert!(matches!(read("# only\n# comments\n"), Read::Empty));
        assert!(root("~").is_null());
        match read("a: 1\n---\nb: 2\n") {
            Read::Document { more: Some(at), .. } => assert_eq!(at.line, 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn aliases_are_not_expanded_and_depth_is_limited() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n\
                    c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        let doc = root(bomb);
        let Kind::Seq(items) = &doc.get("c").unwrap().kind else {
            panic!()
        };
        assert!(
            items
                .iter()
                .all(|n| matches!(&n.kind, Kind::Alias(a) if a == "b"))
        );
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(matches!(read(&deep), Read::TooDeep(at) if at.column == MAX_DEPTH + 1));
        assert!(matches!(read("a: [1, 2"), Read::Syntax(_)));
    }
}
