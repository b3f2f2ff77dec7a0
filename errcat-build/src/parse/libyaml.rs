//! The YAML event stream of a string, read with libyaml (unsafe-libyaml, a Rust translation of
//! the C library). Every `unsafe` block of the crate is in this module.
//!
//! The safety argument, which each block below refers to:
//! - The parser lives in a `Box` that does not move while libyaml holds pointers into it, is
//!   initialized by `yaml_parser_initialize` before any other call, and is deleted exactly once,
//!   in `Drop`, and only if that initialization succeeded.
//! - The input is a `&'a str` that the parser borrows for `'a`; libyaml only reads it.
//! - An event is written by `yaml_parser_parse` before it is read, only the union field that
//!   matches its type is read, and it is deleted exactly once, after everything this module
//!   keeps (text, anchors, marks) has been copied out of it into owned values.
//! - After libyaml reports a failure the parser is not called again except to read its error
//!   fields (plain values and pointers to static C strings) and to delete it.

use std::ffi::CStr;
use std::mem::MaybeUninit;

use unsafe_libyaml as unsafe_sys;

use crate::diagnostic::Location;

/// One event of the stream, with owned data.
pub(crate) enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    /// `*name`.
    Alias(String),
    /// A scalar; `plain` when written without quotes, block style or a tag, which is when YAML
    /// reads it as a number, a bool or null.
    Scalar {
        value: String,
        plain: bool,
        anchor: Option<String>,
    },
    SequenceStart(Option<String>),
    SequenceEnd,
    MappingStart(Option<String>),
    MappingEnd,
}

/// libyaml's description of a syntax error.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    /// What is wrong ("did not find expected key").
    pub problem: String,
    /// Where.
    pub at: Option<Location>,
    /// The byte offset, shown when the place is the very start.
    pub offset: u64,
    /// What libyaml was reading ("while parsing a block mapping"), and where it started.
    pub context: Option<(String, Option<Location>)>,
}

/// A libyaml parser over a borrowed string.
pub(crate) struct Parser<'a> {
    sys: Box<MaybeUninit<unsafe_sys::yaml_parser_t>>,
    initialized: bool,
    error: Option<SyntaxError>,
    /// Just after the text's last character: no node starts later.
    end: Location,
    _text: &'a str,
}

fn location(mark: unsafe_sys::yaml_mark_t) -> Location {
    let one_based = |n: u64| usize::try_from(n).unwrap_or(usize::MAX).saturating_add(1);
    Location {
        line: one_based(mark.line),
        column: one_based(mark.column),
    }
}

/// An owned copy of a NUL-terminated string from libyaml, or `None` for a null pointer.
///
/// # Safety
/// `ptr` is null or points to a NUL-terminated string that stays valid for the call.
unsafe fn owned(ptr: *const u8) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: non-null and NUL-terminated, by this function's contract.
    let c = unsafe { CStr::from_ptr(ptr.cast()) };
    Some(String::from_utf8_lossy(c.to_bytes()).into_owned())
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut sys = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
        let ptr = sys.as_mut_ptr();
        // SAFETY: see the module's argument: `ptr` points into the box, which outlives the
        // parser's use, and `text` outlives the parser ('a).
        let initialized = unsafe {
            if unsafe_sys::yaml_parser_initialize(ptr).fail {
                false
            } else {
                unsafe_sys::yaml_parser_set_encoding(ptr, unsafe_sys::YAML_UTF8_ENCODING);
                unsafe_sys::yaml_parser_set_input_string(ptr, text.as_ptr(), text.len() as u64);
                true
            }
        };
        let error = (!initialized).then(|| SyntaxError {
            problem: "libyaml could not start (out of memory)".to_owned(),
            at: None,
            offset: 0,
            context: None,
        });
        Parser {
            sys,
            initialized,
            error,
            end: super::end_of(text),
            _text: text,
        }
    }

    /// The syntax error that ended the stream, if one did.
    pub fn into_error(mut self) -> Option<SyntaxError> {
        self.error.take()
    }

    /// The next event with the place it starts, or `None` after a syntax error.
    pub fn next(&mut self) -> Option<(Event, Location)> {
        if self.error.is_some() {
            return None;
        }
        let parser = self.sys.as_mut_ptr();
        let mut event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        // SAFETY: see the module's argument: the parser is initialized (else `error` is set),
        // the event is written before it is read, only the field of its type is read, strings
        // are copied out before the one `yaml_event_delete`.
        unsafe {
            if unsafe_sys::yaml_parser_parse(parser, event.as_mut_ptr()).fail {
                self.error = Some(Self::syntax_error(&*parser));
                return None;
            }
            let e = &*event.as_ptr();
            // An empty value at the end of a file without a final line break is placed by
            // libyaml on the line after the last one; keep it at the end of the last line.
            let at = location(e.start_mark).min(self.end);
            let kind = match e.type_ {
                unsafe_sys::YAML_STREAM_START_EVENT => Some(Event::StreamStart),
                unsafe_sys::YAML_STREAM_END_EVENT => Some(Event::StreamEnd),
                unsafe_sys::YAML_DOCUMENT_START_EVENT => Some(Event::DocumentStart),
                unsafe_sys::YAML_DOCUMENT_END_EVENT => Some(Event::DocumentEnd),
                unsafe_sys::YAML_ALIAS_EVENT => {
                    Some(Event::Alias(owned(e.data.alias.anchor).unwrap_or_default()))
                }
                unsafe_sys::YAML_SCALAR_EVENT => {
                    let s = e.data.scalar;
                    let bytes = if s.value.is_null() {
                        &[][..]
                    } else {
                        std::slice::from_raw_parts(s.value, usize::try_from(s.length).unwrap_or(0))
                    };
                    Some(Event::Scalar {
                        value: String::from_utf8_lossy(bytes).into_owned(),
                        plain: s.style == unsafe_sys::YAML_PLAIN_SCALAR_STYLE && s.tag.is_null(),
                        anchor: owned(s.anchor),
                    })
                }
                unsafe_sys::YAML_SEQUENCE_START_EVENT => {
                    Some(Event::SequenceStart(owned(e.data.sequence_start.anchor)))
                }
                unsafe_sys::YAML_SEQUENCE_END_EVENT => Some(Event::SequenceEnd),
                unsafe_sys::YAML_MAPPING_START_EVENT => {
                    Some(Event::MappingStart(owned(e.data.mapping_start.anchor)))
                }
                unsafe_sys::YAML_MAPPING_END_EVENT => Some(Event::MappingEnd),
                _ => None,
            };
            unsafe_sys::yaml_event_delete(event.as_mut_ptr());
            match kind {
                Some(kind) => Some((kind, at)),
                None => {
                    self.error = Some(SyntaxError {
                        problem: "libyaml returned an unknown event".to_owned(),
                        at: Some(at),
                        offset: 0,
                        context: None,
                    });
                    None
                }
            }
        }
    }

    /// The error fields of a parser whose last call failed.
    ///
    /// # Safety
    /// `parser` is initialized and its last `yaml_parser_parse` failed.
    unsafe fn syntax_error(parser: &unsafe_sys::yaml_parser_t) -> SyntaxError {
        let known = |mark: unsafe_sys::yaml_mark_t| {
            (mark.line != 0 || mark.column != 0).then(|| location(mark))
        };
        // SAFETY: libyaml sets `problem` and `context` to null or to static C strings.
        let (problem, context) =
            unsafe { (owned(parser.problem.cast()), owned(parser.context.cast())) };
        SyntaxError {
            problem: problem.unwrap_or_else(|| "libyaml failed without saying why".to_owned()),
            // Line 1 column 1 is a place too, unlike for the context below.
            at: Some(location(parser.problem_mark)),
            offset: parser.problem_offset,
            context: context.map(|c| (c, known(parser.context_mark))),
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        if self.initialized {
            // SAFETY: see the module's argument: initialized in `new`, deleted only here.
            unsafe { unsafe_sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
        }
    }
}
