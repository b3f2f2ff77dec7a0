//! The YAML document as a tree of nodes that remember where they start.
//!
//! serde_yaml keeps no positions for the values it reads, but validation reports every problem
//! with its line and column. This module reads the file's YAML events once (with libyaml, the
//! parser under serde_yaml) into a small tree of positioned nodes, so that any path into the
//! document is located by a walk down the tree instead of another parse of the file. The tree is
//! also what the structure check (unknown, missing and duplicate keys) reads.
//!
//! Aliases are kept as alias nodes, never expanded, so an alias bomb costs no more than its
//! text; nesting is limited to [`MAX_DEPTH`] levels, so hostile input cannot exhaust the stack.

use std::mem::MaybeUninit;

use unsafe_libyaml as unsafe_sys;

use crate::diagnostic::Location;

/// Nesting limit of the document, the same as serde_yaml's own. A catalog needs six levels.
pub(crate) const MAX_DEPTH: usize = 128;

/// One node of the document.
#[derive(Debug)]
pub(crate) struct Node {
    /// Where the node starts (its first character, or its anchor or tag).
    pub at: Location,
    pub kind: Kind,
}

#[derive(Debug)]
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
    Alias,
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
            Kind::Alias => "an alias".to_owned(),
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
    /// The first document; `more` is where a second document starts, if there is one.
    Document { root: Node, more: Option<Location> },
    /// Nesting deeper than [`MAX_DEPTH`], at this place.
    TooDeep(Location),
    /// libyaml rejected the text; serde_yaml reports the same error with its context.
    Syntax,
}

/// Reads the first YAML document of `text` into a tree of positioned nodes.
pub(crate) fn read(text: &str) -> Read {
    let mut parser = Parser::new(text);
    // Open collections, innermost last: the node being built and, in a mapping, a key that
    // waits for its value.
    let mut stack: Vec<(Node, Option<Node>)> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let Some(event) = parser.next() else {
            return Read::Syntax;
        };
        let node = match event.kind {
            Event::StreamStart | Event::DocumentStart => {
                if root.is_some() {
                    // A second document: report where it starts and ignore it.
                    break;
                }
                continue;
            }
            Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::Scalar { value, plain } => Node {
                at: event.at,
                kind: Kind::Scalar { value, plain },
            },
            Event::Alias => Node {
                at: event.at,
                kind: Kind::Alias,
            },
            Event::SequenceStart | Event::MappingStart => {
                if stack.len() >= MAX_DEPTH {
                    return Read::TooDeep(event.at);
                }
                let kind = match event.kind {
                    Event::SequenceStart => Kind::Seq(Vec::new()),
                    _ => Kind::Map(Vec::new()),
                };
                stack.push((Node { at: event.at, kind }, None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some((node, _)) => node,
                None => return Read::Syntax,
            },
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some((parent, pending)) => match &mut parent.kind {
                Kind::Seq(items) => items.push(node),
                Kind::Map(pairs) => match pending.take() {
                    None => *pending = Some(node),
                    Some(key) => pairs.push((key, node)),
                },
                _ => return Read::Syntax,
            },
        }
    }
    match root {
        None => Read::Empty,
        Some(root) => Read::Document {
            root,
            more: parser.second_document,
        },
    }
}

enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias,
    Scalar { value: String, plain: bool },
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}

struct Positioned {
    kind: Event,
    at: Location,
}

/// A libyaml parser over a borrowed string; it lives in a box because libyaml keeps pointers
/// into it, and it frees what libyaml allocated when dropped.
struct Parser<'a> {
    sys: Box<MaybeUninit<unsafe_sys::yaml_parser_t>>,
    documents: usize,
    second_document: Option<Location>,
    failed: bool,
    initialized: bool,
    /// Just after the text's last character: no node starts later.
    end: Location,
    _text: &'a str,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        let mut sys = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
        let ptr = sys.as_mut_ptr();
        // SAFETY: `ptr` points to a boxed, properly aligned parser that libyaml initializes;
        // the input string outlives the parser (`'a`), and libyaml only reads it.
        let failed = unsafe {
            if unsafe_sys::yaml_parser_initialize(ptr).fail {
                true
            } else {
                unsafe_sys::yaml_parser_set_encoding(ptr, unsafe_sys::YAML_UTF8_ENCODING);
                unsafe_sys::yaml_parser_set_input_string(ptr, text.as_ptr(), text.len() as u64);
                false
            }
        };
        Parser {
            sys,
            documents: 0,
            second_document: None,
            failed,
            initialized: !failed,
            end: super::end_of(text),
            _text: text,
        }
    }

    /// The next event, or `None` after a syntax error.
    fn next(&mut self) -> Option<Positioned> {
        if self.failed {
            return None;
        }
        let parser = self.sys.as_mut_ptr();
        let mut event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialized in `new` (else `failed` is set), `event` is
        // written by `yaml_parser_parse` before it is read, and is deleted exactly once. The
        // scalar's bytes are copied out before the event is deleted.
        unsafe {
            if unsafe_sys::yaml_parser_parse(parser, event.as_mut_ptr()).fail {
                self.failed = true;
                return None;
            }
            let e = &*event.as_ptr();
            let mark = e.start_mark;
            let at = Location {
                line: usize::try_from(mark.line)
                    .unwrap_or(usize::MAX)
                    .saturating_add(1),
                column: usize::try_from(mark.column)
                    .unwrap_or(usize::MAX)
                    .saturating_add(1),
            };
            // An empty value at the end of a file without a final line break is placed by
            // libyaml on the line after the last one; keep it at the end of the last line.
            let at = at.min(self.end);
            let kind = match e.type_ {
                unsafe_sys::YAML_STREAM_START_EVENT => Event::StreamStart,
                unsafe_sys::YAML_STREAM_END_EVENT => Event::StreamEnd,
                unsafe_sys::YAML_DOCUMENT_START_EVENT => {
                    self.documents += 1;
                    if self.documents == 2 {
                        self.second_document = Some(at);
                    }
                    Event::DocumentStart
                }
                unsafe_sys::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
                unsafe_sys::YAML_ALIAS_EVENT => Event::Alias,
                unsafe_sys::YAML_SCALAR_EVENT => {
                    let s = e.data.scalar;
                    let bytes = if s.value.is_null() {
                        &[][..]
                    } else {
                        std::slice::from_raw_parts(s.value, usize::try_from(s.length).unwrap_or(0))
                    };
                    Event::Scalar {
                        value: String::from_utf8_lossy(bytes).into_owned(),
                        plain: s.style == unsafe_sys::YAML_PLAIN_SCALAR_STYLE && s.tag.is_null(),
                    }
                }
                unsafe_sys::YAML_SEQUENCE_START_EVENT => Event::SequenceStart,
                unsafe_sys::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
                unsafe_sys::YAML_MAPPING_START_EVENT => Event::MappingStart,
                unsafe_sys::YAML_MAPPING_END_EVENT => Event::MappingEnd,
                _ => {
                    unsafe_sys::yaml_event_delete(event.as_mut_ptr());
                    self.failed = true;
                    return None;
                }
            };
            unsafe_sys::yaml_event_delete(event.as_mut_ptr());
            Some(Positioned { kind, at })
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        if self.initialized {
            // SAFETY: initialized in `new`, and deleted only here, once.
            unsafe { unsafe_sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
        }
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
        assert!(items.iter().all(|n| matches!(n.kind, Kind::Alias)));
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(matches!(read(&deep), Read::TooDeep(at) if at.column == MAX_DEPTH + 1));
        assert!(matches!(read("a: [1, 2"), Read::Syntax));
    }
}
