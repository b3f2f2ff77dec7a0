//! The rules of a code's life after it is published: `retired:` entries, `reserved:` codes of
//! a section, and the catalog's `compatibility:` categories. Comparing a catalog with an
//! earlier version of itself is the `errcat` command's work; here each file is checked alone.

use crate::diagnostic::quote;
use crate::ident;
use crate::model::{Category, Code, CodeKind, Reserved, Section};
use crate::parse::{RawCode, RawEntry, RawReserved};

use super::{At, CatalogState, CodeSite, Validator};

impl Validator<'_> {
    /// The entry's deprecation: its `deprecated`, or `Retired, no longer sent: <reason>` for a
    /// retired entry.
    pub(super) fn retirement(&mut self, at: &At, raw: &RawEntry, label: &str) -> Option<String> {
        let Some(reason) = &raw.retired else {
            return raw.deprecated.clone();
        };
        self.optional_text(&at.key("retired"), "retired", &raw.retired, Some(label));
        if raw.deprecated.is_some() {
            let d = self
                .diagnostic(
                    &at.key("deprecated"),
                    "a retired entry is deprecated already: it takes `retired` or `deprecated`, not both",
                )
                .with_entry(label)
                .with_hint("keep the reason in `retired` and remove `deprecated`");
            self.report(d);
        }
        Some(format!("Retired, no longer sent: {reason}"))
    }

    /// The `reserved:` list of a section. Runs after the section's entries, so that the kind
    /// of the catalog's codes is known.
    pub(super) fn reservations(
        &mut self,
        at: &At,
        raw: &[RawReserved],
        state: &CatalogState,
    ) -> Vec<Reserved> {
        let mut reserved = Vec::new();
        for (k, r) in raw.iter().enumerate() {
            let r_at = at.key("reserved").index(k);
            self.optional_text(&r_at.key("reason"), "reason", &r.reason, None);
            let bounds = match (&r.code, &r.from, &r.to) {
                (Some(code), None, None) => self
                    .reserved_code(&r_at.key("code"), code, state)
                    .map(|c| (c.clone(), c)),
                (None, Some(from), Some(to)) => {
                    let first = self.reserved_integer(&r_at.key("from"), from);
                    let last = self.reserved_integer(&r_at.key("to"), to);
                    match (first, last) {
                        (Some(first), Some(last)) if first > last => {
                            let d = self
                                .diagnostic(
                                    &r_at.key("to"),
                                    format!("the reserved range {first}-{last} is empty: `to` is below `from`"),
                                )
                                .with_hint(format!("write `from: {last}` and `to: {first}`"));
                            self.report(d);
                            None
                        }
                        (Some(first), Some(last)) => {
                            if state.code_kind == Some(CodeKind::String) {
                                let d = self
                                    .diagnostic(&r_at, "a range of codes is reserved, but this catalog's codes are strings")
                                    .with_hint("reserve each string code with `code:`");
                                self.report(d);
                                None
                            } else {
                                Some((Code::Integer(first), Code::Integer(last)))
                            }
                        }
                        _ => None,
                    }
                }
                _ => {
                    let d = self
                        .diagnostic(
                            &r_at,
                            "a reservation is one code (`code: 1005`) or a range (`from: 1010` and `to: 1019`)",
                        )
                        .with_hint("write `code:` alone, or `from:` and `to:` together");
                    self.report(d);
                    None
                }
            };
            if let Some((first, last)) = bounds {
                reserved.push(Reserved {
                    first,
                    last,
                    reason: r.reason.clone(),
                    location: self.locate(&r_at),
                });
            }
        }
        reserved
    }

    fn reserved_integer(&mut self, at: &At, raw: &RawCode) -> Option<u32> {
        let n = match raw {
            RawCode::Integer(n) => u32::try_from(*n).ok(),
            RawCode::String(_) => None,
        };
        if n.is_none() {
            let d = self
                .diagnostic(
                    at,
                    format!(
                        "the bound {raw} of a reserved range is not an integer code in 0..={}",
                        u32::MAX
                    ),
                )
                .with_hint("ranges reserve integer codes; reserve a string code with `code:`");
            self.report(d);
        }
        n
    }

    fn reserved_code(&mut self, at: &At, raw: &RawCode, state: &CatalogState) -> Option<Code> {
        let code = match raw {
            RawCode::Integer(n) => match u32::try_from(*n) {
                Ok(n) => Code::Integer(n),
                Err(_) => {
                    let d = self.diagnostic(
                        at,
                        format!(
                            "the reserved code {n} is out of range: integer codes are 0..={}",
                            u32::MAX
                        ),
                    );
                    self.report(d);
                    return None;
                }
            },
            RawCode::String(s) if s.trim().is_empty() => {
                self.error(at, "the reserved code is empty");
                return None;
            }
            RawCode::String(s) => Code::String(s.clone()),
        };
        let kind = match code {
            Code::Integer(_) => CodeKind::Integer,
            Code::String(_) => CodeKind::String,
        };
        if let Some(want) = state.code_kind
            && want != kind
        {
            let d = self
                .diagnostic(
                    at,
                    format!(
                        "the reserved code {raw} is {}, but this catalog's codes are {}",
                        if kind == CodeKind::Integer { "an integer" } else { "a string" },
                        if want == CodeKind::Integer { "integers" } else { "strings" },
                    ),
                )
                .with_hint("reserve codes of the kind the catalog's entries have; quote a number to make it a string");
            self.report(d);
            return None;
        }
        Some(code)
    }

    /// Reports every entry whose code a section reserves.
    pub(super) fn reserved_codes_in_use(&mut self, sections: &[Section], codes: &[CodeSite]) {
        for site in codes {
            let Some(r) = sections
                .iter()
                .flat_map(|s| &s.reserved)
                .find(|r| r.contains(&site.code))
            else {
                continue;
            };
            let mut hint = format!(
                "reserved at {}:{}:{}",
                self.file.display(),
                r.location.line,
                r.location.column
            );
            if let Some(reason) = &r.reason {
                hint.push_str(&format!(" ({})", reason.trim_end_matches('.')));
            }
            hint.push_str("; a reserved code is never used again");
            // The rule of `errcat next`, over the codes read (as the duplicate-code hint).
            let section = codes
                .iter()
                .filter(|s| s.section.0 == site.section.0)
                .map(|s| &s.code);
            let used = codes.iter().filter_map(|s| s.code.as_integer());
            let reserved = crate::model::reserved_ranges(sections);
            if let Some(free) = crate::model::next_code_above(section, used, &reserved) {
                hint.push_str(&format!(
                    ": the next free code in section {} is {free}",
                    quote(&site.section.1)
                ));
            }
            let what = if r.first == r.last {
                format!("code {} is reserved", r.first)
            } else {
                format!("code {} is reserved (by the range {r})", site.code)
            };
            let d = self
                .diagnostic(&site.at.key("code"), what)
                .with_entry(site.label.clone())
                .with_hint(hint);
            self.report(d);
        }
    }

    /// The `compatibility:` categories, both when the catalog does not say.
    pub(super) fn compatibility(&mut self, root: &At, raw: Option<&[String]>) -> Vec<Category> {
        let Some(raw) = raw else {
            return Category::ALL.to_vec();
        };
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
        let mut categories = Vec::new();
        for (i, name) in raw.iter().enumerate() {
            let at = root.key("compatibility").index(i);
            match Category::from_name(name) {
                Some(c) if categories.contains(&c) => {
                    let d = self
                        .diagnostic(&at, format!("category {} is listed twice", quote(name)))
                        .with_hint("list each category once");
                    self.report(d);
                }
                Some(c) => categories.push(c),
                None => {
                    let d = self
                        .diagnostic(
                            &at,
                            format!("unknown compatibility category {}", quote(name)),
                        )
                        .with_hint(match ident::nearest(name, &names) {
                            Some(near) => format!("did you mean `{near}`?"),
                            None => format!("the categories are {}", names.join(" and ")),
                        });
                    self.report(d);
                }
            }
        }
        // In the order of `Category::ALL`, which is theirs: no sort to compile for it.
        Category::ALL
            .into_iter()
            .filter(|c| categories.contains(c))
            .collect()
    }
}
