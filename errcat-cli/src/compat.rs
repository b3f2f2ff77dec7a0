//! Compatibility: what a catalog has published, and the rules a new version of it must keep.
//!
//! [`Published`] is what clients and Rust code can depend on: codes with their names, aliases,
//! statuses, placeholders and minor codes, retired and reserved codes, sections, columns and
//! the wire shape. It is read from a validated catalog (now, or at a git revision) or from the
//! lock file, and [`compare`] applies the same rules whatever the old version came from. Each
//! rule has a stable name and belongs to one or both categories, `wire` (what clients parsing
//! error bodies see) and `source` (what Rust code using the generated crate sees), as in
//! `buf breaking`; a catalog selects the categories it is checked against.

use std::collections::BTreeMap;

use errcat_build::Catalog;
use errcat_build::grpc::GrpcCode;
use errcat_build::ident;
use errcat_build::model::{Category, Code};

use crate::output::{Finding, Place};

/// One catalog as published.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    /// The module name, which identifies the catalog across versions.
    pub module: String,
    /// The catalog file's name in the catalogs directory.
    pub file_name: String,
    /// Where the catalog is: its file, or the lock file's `catalog` line.
    pub place: Place,
    /// The categories its changes are checked against.
    pub categories: Vec<Category>,
    /// The domain of its gRPC ErrorInfo.
    pub domain: String,
    pub envelope: Option<String>,
    /// The JSON keys of the error body.
    pub wire_fields: Vec<String>,
    pub wire_place: Place,
    pub columns: Vec<Column>,
    pub sections: Vec<Section>,
    pub reserved: Vec<Reservation>,
    /// Sorted by code.
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    /// `bool`, `integer` or `string`.
    pub kind: String,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub name: String,
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reservation {
    pub first: Code,
    pub last: Code,
    pub place: Place,
}

impl Reservation {
    fn contains(&self, code: &Code) -> bool {
        &self.first <= code && code <= &self.last
    }

    fn shown(&self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}-{}", self.first, self.last)
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub code: Code,
    pub name: String,
    /// The Rust variant.
    pub variant: String,
    pub aliases: Vec<String>,
    /// `None` in a catalog without HTTP statuses.
    pub status: Option<u16>,
    /// The gRPC code, by its canonical name.
    pub grpc: GrpcCode,
    pub retired: bool,
    pub placeholders: Vec<String>,
    /// Sorted by code.
    pub minors: Vec<Minor>,
    pub place: Place,
}

impl Entry {
    fn label(&self) -> String {
        format!("{} {}", self.code, self.name)
    }

    /// Whether `name` is this entry's documented name or one of its aliases.
    fn answers_to(&self, name: &str) -> bool {
        self.name == name || self.aliases.iter().any(|a| a == name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Minor {
    pub code: Code,
    pub name: Option<String>,
    /// The Rust variant of the minor-code enum.
    pub variant: String,
}

impl Published {
    /// What `catalog` publishes; `revision` is the git revision it was read at, if any.
    pub fn of(catalog: &Catalog, revision: Option<&str>) -> Published {
        let place = |location: errcat_build::Location| {
            let p = Place::of(&catalog.file, location);
            match revision {
                Some(rev) => p.at_revision(rev),
                None => p,
            }
        };
        let file_place = {
            let p = Place::file(&catalog.file);
            match revision {
                Some(rev) => p.at_revision(rev),
                None => p,
            }
        };
        let mut entries: Vec<Entry> = catalog
            .entries()
            .map(|e| {
                let mut minors: Vec<Minor> = e
                    .minors
                    .iter()
                    .map(|m| Minor {
                        code: m.code.clone(),
                        name: m.name.clone(),
                        variant: m.type_name(),
                    })
                    .collect();
                minors.sort_by(|a, b| a.code.cmp(&b.code));
                Entry {
                    code: e.code.clone(),
                    name: e.name.clone(),
                    variant: e.type_name(),
                    aliases: e.aliases.clone(),
                    status: e.status,
                    grpc: e.grpc.code,
                    retired: e.retired.is_some(),
                    placeholders: e.placeholders.iter().map(|p| p.name.clone()).collect(),
                    minors,
                    place: place(e.location),
                }
            })
            .collect();
        entries.sort_by(|a, b| a.code.cmp(&b.code));
        let mut reserved: Vec<Reservation> = catalog
            .reservations()
            .map(|r| Reservation {
                first: r.first.clone(),
                last: r.last.clone(),
                place: place(r.location),
            })
            .collect();
        reserved.sort_by(|a, b| (&a.first, &a.last).cmp(&(&b.first, &b.last)));
        Published {
            module: catalog.module.clone(),
            file_name: catalog
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            place: file_place.clone(),
            categories: catalog.compatibility.clone(),
            domain: catalog.domain.clone(),
            envelope: catalog.wire.envelope.clone(),
            wire_fields: catalog.wire.fields.iter().map(|f| f.name.clone()).collect(),
            wire_place: catalog.wire.location.map_or(file_place, place),
            columns: catalog
                .columns
                .iter()
                .map(|c| Column {
                    name: c.name.clone(),
                    kind: c.kind.to_string(),
                    place: place(c.location),
                })
                .collect(),
            sections: catalog
                .sections
                .iter()
                .map(|s| Section {
                    name: s.name.clone(),
                    place: place(s.location),
                })
                .collect(),
            reserved,
            entries,
        }
    }
}

/// A compatibility rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    CatalogRemoved,
    CodeRemoved,
    CodeRenumbered,
    NameChanged,
    AliasRemoved,
    RetiredReused,
    ReservationRemoved,
    StatusChanged,
    GrpcCodeChanged,
    DomainChanged,
    PlaceholderRemoved,
    WireFieldRemoved,
    WireEnvelopeChanged,
    MinorRemoved,
    MinorRenumbered,
    VariantRenamed,
    SectionRenamed,
    ColumnRemoved,
    ColumnTypeChanged,
}

impl Rule {
    pub const ALL: [Rule; 19] = [
        Rule::CatalogRemoved,
        Rule::CodeRemoved,
        Rule::CodeRenumbered,
        Rule::NameChanged,
        Rule::AliasRemoved,
        Rule::RetiredReused,
        Rule::ReservationRemoved,
        Rule::StatusChanged,
        Rule::GrpcCodeChanged,
        Rule::DomainChanged,
        Rule::PlaceholderRemoved,
        Rule::WireFieldRemoved,
        Rule::WireEnvelopeChanged,
        Rule::MinorRemoved,
        Rule::MinorRenumbered,
        Rule::VariantRenamed,
        Rule::SectionRenamed,
        Rule::ColumnRemoved,
        Rule::ColumnTypeChanged,
    ];

    /// The stable name printed with every finding.
    pub fn name(self) -> &'static str {
        match self {
            Rule::CatalogRemoved => "CATALOG_REMOVED",
            Rule::CodeRemoved => "CODE_REMOVED",
            Rule::CodeRenumbered => "CODE_RENUMBERED",
            Rule::NameChanged => "NAME_CHANGED",
            Rule::AliasRemoved => "ALIAS_REMOVED",
            Rule::RetiredReused => "RETIRED_REUSED",
            Rule::ReservationRemoved => "RESERVATION_REMOVED",
            Rule::StatusChanged => "STATUS_CHANGED",
            Rule::GrpcCodeChanged => "GRPC_CODE_CHANGED",
            Rule::DomainChanged => "DOMAIN_CHANGED",
            Rule::PlaceholderRemoved => "PLACEHOLDER_REMOVED",
            Rule::WireFieldRemoved => "WIRE_FIELD_REMOVED",
            Rule::WireEnvelopeChanged => "WIRE_ENVELOPE_CHANGED",
            Rule::MinorRemoved => "MINOR_REMOVED",
            Rule::MinorRenumbered => "MINOR_RENUMBERED",
            Rule::VariantRenamed => "VARIANT_RENAMED",
            Rule::SectionRenamed => "SECTION_RENAMED",
            Rule::ColumnRemoved => "COLUMN_REMOVED",
            Rule::ColumnTypeChanged => "COLUMN_TYPE_CHANGED",
        }
    }

    /// What the rule forbids, in one line.
    pub fn description(self) -> &'static str {
        match self {
            Rule::CatalogRemoved => "a catalog (a module name) is removed",
            Rule::CodeRemoved => {
                "a code is removed (retire it instead), or a retired entry is removed"
            }
            Rule::CodeRenumbered => "a name moves to another code",
            Rule::NameChanged => {
                "a code's documented name changes and the old one is not kept as an alias"
            }
            Rule::AliasRemoved => "an alias is removed",
            Rule::RetiredReused => "a retired code or name, or a reserved code, is used again",
            Rule::ReservationRemoved => "a reserved code is no longer reserved",
            Rule::StatusChanged => "a code's HTTP status changes",
            Rule::GrpcCodeChanged => "a code's gRPC code changes (and its HTTP status does not)",
            Rule::DomainChanged => "the domain of a catalog's gRPC ErrorInfo changes",
            Rule::PlaceholderRemoved => "a placeholder of a message is removed or renamed",
            Rule::WireFieldRemoved => "a field of the error body is removed or renamed",
            Rule::WireEnvelopeChanged => "the key wrapping the error body changes",
            Rule::MinorRemoved => "a minor code is removed",
            Rule::MinorRenumbered => "a minor code's name moves to another minor code",
            Rule::VariantRenamed => "the Rust variant of a code or minor code changes",
            Rule::SectionRenamed => "a section is renamed or removed",
            Rule::ColumnRemoved => "a column is removed",
            Rule::ColumnTypeChanged => "a column's type changes",
        }
    }

    /// The categories the rule belongs to: a catalog checked against any of them is checked
    /// against the rule.
    pub fn categories(self) -> &'static [Category] {
        use Category::{Source, Wire};
        match self {
            Rule::CatalogRemoved
            | Rule::CodeRemoved
            | Rule::NameChanged
            | Rule::AliasRemoved
            | Rule::RetiredReused
            | Rule::PlaceholderRemoved
            | Rule::WireFieldRemoved
            | Rule::MinorRemoved => &[Wire, Source],
            Rule::CodeRenumbered
            | Rule::ReservationRemoved
            | Rule::StatusChanged
            | Rule::GrpcCodeChanged
            | Rule::DomainChanged
            | Rule::WireEnvelopeChanged
            | Rule::MinorRenumbered => &[Wire],
            Rule::VariantRenamed
            | Rule::SectionRenamed
            | Rule::ColumnRemoved
            | Rule::ColumnTypeChanged => &[Source],
        }
    }
}

/// The findings of one rule, before they are filtered by the catalog's categories.
struct Findings {
    module: String,
    list: Vec<(Rule, Finding)>,
}

impl Findings {
    fn add(
        &mut self,
        rule: Rule,
        message: String,
        at: Place,
        was: &Place,
        hint: String,
    ) -> &mut Finding {
        let mut f = Finding::new(rule.name(), message).at(at).hint(hint);
        f.was = Some(was.clone());
        f.catalog = Some(self.module.clone());
        f.categories = rule.categories().iter().map(|c| c.name()).collect();
        self.list.push((rule, f));
        &mut self.list.last_mut().expect("just pushed").1
    }
}

/// Every way `new` breaks what `old` published, each finding located in both versions.
/// Catalogs are matched by module name; each is checked against the categories it selects
/// now (both, for a catalog that is gone).
pub fn compare(old: &[Published], new: &[Published]) -> Vec<Finding> {
    let mut all = Vec::new();
    for o in old {
        match new.iter().find(|n| n.module == o.module) {
            Some(n) => {
                let mut findings = Findings {
                    module: o.module.clone(),
                    list: Vec::new(),
                };
                compare_catalog(o, n, &mut findings);
                all.extend(
                    findings
                        .list
                        .into_iter()
                        .filter(|(rule, _)| {
                            rule.categories().iter().any(|c| n.categories.contains(c))
                        })
                        .map(|(_, f)| f),
                );
            }
            None => {
                let mut f = Finding::new(
                    Rule::CatalogRemoved.name(),
                    format!(
                        "catalog `{}` is gone: its {} codes were published",
                        o.module,
                        o.entries.len()
                    ),
                )
                .hint(format!(
                    "keep `{}` (renaming the file is fine, changing its module name is not); mark codes no longer sent `retired: <why>`",
                    o.file_name
                ));
                // Now: the same file, which is gone or makes another module.
                f.at = Some(Place::file(&o.place.file));
                f.was = Some(o.place.clone());
                f.catalog = Some(o.module.clone());
                f.categories = Rule::CatalogRemoved
                    .categories()
                    .iter()
                    .map(|c| c.name())
                    .collect();
                all.push(f);
            }
        }
    }
    all
}

fn compare_catalog(o: &Published, n: &Published, out: &mut Findings) {
    let by_code: BTreeMap<&Code, &Entry> = n.entries.iter().map(|e| (&e.code, e)).collect();
    let file = n.place.clone();
    // Where each name and alias is now (validation made them unique).
    let names: BTreeMap<&str, &Entry> = n
        .entries
        .iter()
        .flat_map(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(move |a| (a.as_str(), e))
        })
        .collect();
    let named = |name: &str| names.get(name).copied();

    for oe in &o.entries {
        let ne = by_code.get(&oe.code).copied();
        if oe.retired {
            match ne {
                None => {
                    out.add(
                        Rule::CodeRemoved,
                        format!("the retired code `{}` was removed", oe.label()),
                        file.clone(),
                        &oe.place,
                        "a retired entry keeps its code and name out of use for ever: put it back, with its `retired:` reason".to_owned(),
                    );
                }
                Some(ne) if !ne.retired => {
                    out.add(
                        Rule::RetiredReused,
                        format!("the retired code {} is in use again, as `{}`", oe.code, ne.name),
                        ne.place.clone(),
                        &oe.place,
                        format!("a retired code is never sent again: keep `{}` retired, and give the new entry a new code (`errcat next` prints one)", oe.label()),
                    )
                    .entry = Some(ne.label());
                }
                Some(_) => {}
            }
            for name in std::iter::once(&oe.name).chain(&oe.aliases) {
                if let Some(other) = named(name).filter(|e| e.code != oe.code) {
                    out.add(
                        Rule::RetiredReused,
                        format!("the retired name `{name}` is now code {}", other.code),
                        other.place.clone(),
                        &oe.place,
                        format!(
                            "a retired name is never used again (it was `{}`): choose another name",
                            oe.label()
                        ),
                    )
                    .entry = Some(other.label());
                }
            }
            // A retired entry that is still there (and still retired) may change freely
            // otherwise: nothing sends it.
            if ne.is_none_or(|ne| !ne.retired) {
                continue;
            }
        }
        let Some(ne) = ne else {
            match named(&oe.name) {
                Some(moved) => {
                    out.add(
                        Rule::CodeRenumbered,
                        format!("`{}` moved from code {} to {}", oe.name, oe.code, moved.code),
                        moved.place.clone(),
                        &oe.place,
                        format!("codes are never renumbered: give `{}` its code {} back; a new code needs a new entry with a new name (`errcat next` prints a free code)", oe.name, oe.code),
                    )
                    .entry = Some(moved.label());
                }
                None => {
                    out.add(
                        Rule::CodeRemoved,
                        format!("code `{}` was removed", oe.label()),
                        file.clone(),
                        &oe.place,
                        "codes are never removed: put the entry back and mark it `retired: <why>`; its variant stays, deprecated".to_owned(),
                    );
                }
            }
            continue;
        };
        compare_entry(oe, ne, &names, out);
    }

    // Reservations: each code reserved then is reserved or retired now, and unused.
    let mut kept: Vec<(Code, Code)> = n
        .reserved
        .iter()
        .map(|r| (r.first.clone(), r.last.clone()))
        .collect();
    kept.extend(
        n.entries
            .iter()
            .filter(|e| e.retired)
            .map(|e| (e.code.clone(), e.code.clone())),
    );
    for r in &o.reserved {
        let mut reused = false;
        for ne in n
            .entries
            .iter()
            .filter(|e| !e.retired && r.contains(&e.code))
        {
            reused = true;
            out.add(
                Rule::RetiredReused,
                format!("code {} was reserved ({}), and is now `{}`", ne.code, r.shown(), ne.name),
                ne.place.clone(),
                &r.place,
                "reserved codes are never used: give the entry a new code (`errcat next` prints one)".to_owned(),
            )
            .entry = Some(ne.label());
        }
        if !reused && !covered(r, &kept) {
            out.add(
                Rule::ReservationRemoved,
                format!("the reservation of {} was removed or narrowed", r.shown()),
                file.clone(),
                &r.place,
                "reservations are for ever: put it back in the section's `reserved:` list"
                    .to_owned(),
            );
        }
    }

    for s in &o.sections {
        if !n.sections.iter().any(|ns| ns.name == s.name) {
            out.add(
                Rule::SectionRenamed,
                format!("section `{}` is gone (renamed or removed)", s.name),
                file.clone(),
                &s.place,
                format!(
                    "code naming `Section::{}` no longer compiles: keep the section's name",
                    ident::type_name(&s.name)
                ),
            );
        }
    }
    for c in &o.columns {
        match n.columns.iter().find(|nc| nc.name == c.name) {
            None => {
                out.add(
                    Rule::ColumnRemoved,
                    format!("column `{}` was removed", c.name),
                    file.clone(),
                    &c.place,
                    format!(
                        "the method `Error::{}` is gone with it: keep the column",
                        c.name
                    ),
                );
            }
            Some(nc) if nc.kind != c.kind => {
                out.add(
                    Rule::ColumnTypeChanged,
                    format!("column `{}` changed its type from {} to {}", c.name, c.kind, nc.kind),
                    nc.place.clone(),
                    &c.place,
                    "code using the method's value no longer compiles: keep the type, and add a column of another name for the new one".to_owned(),
                );
            }
            Some(_) => {}
        }
    }
    if o.domain != n.domain {
        out.add(
            Rule::DomainChanged,
            format!(
                "the domain of the catalog's gRPC ErrorInfo changed from `{}` to `{}`",
                o.domain, n.domain
            ),
            file.clone(),
            &o.place,
            format!(
                "gRPC clients find the catalog's errors by their domain: keep `domain: {}`",
                o.domain
            ),
        );
    }
    if o.envelope != n.envelope {
        let shown = |e: &Option<String>| e.as_ref().map_or("none".to_owned(), |e| format!("`{e}`"));
        out.add(
            Rule::WireEnvelopeChanged,
            format!(
                "the error body's envelope changed from {} to {}",
                shown(&o.envelope),
                shown(&n.envelope)
            ),
            n.wire_place.clone(),
            &o.wire_place,
            "clients look for the fields inside the envelope: keep it".to_owned(),
        );
    }
    for field in &o.wire_fields {
        if !n.wire_fields.contains(field) {
            out.add(
                Rule::WireFieldRemoved,
                format!("the wire field `{field}` was removed (or renamed)"),
                n.wire_place.clone(),
                &o.wire_place,
                format!("clients read `{field}` from every error body: keep it in `wire.fields`"),
            );
        }
    }
}

fn compare_entry(oe: &Entry, ne: &Entry, names: &BTreeMap<&str, &Entry>, out: &mut Findings) {
    let label = Some(ne.label());
    if ne.name != oe.name {
        // A retired name given to another code is reported as reused, not as moved.
        let moved = names
            .get(oe.name.as_str())
            .filter(|e| !oe.retired && e.code != oe.code);
        if let Some(moved) = moved {
            out.add(
                Rule::CodeRenumbered,
                format!(
                    "`{}` moved from code {} to {}",
                    oe.name, oe.code, moved.code
                ),
                moved.place.clone(),
                &oe.place,
                format!(
                    "codes are never renumbered: give `{}` its code {} back",
                    oe.name, oe.code
                ),
            )
            .entry = Some(moved.label());
        } else if !ne.aliases.contains(&oe.name) {
            out.add(
                Rule::NameChanged,
                format!("code {} was `{}` and is now `{}`", oe.code, oe.name, ne.name),
                ne.place.clone(),
                &oe.place,
                format!("clients know it as `{}`: keep that name and add `{}` as an alias (`aliases: [{}]`), or at least keep `{}` as an alias", oe.name, ne.name, ne.name, oe.name),
            )
            .entry = label.clone();
        } else if ne.variant != oe.variant {
            variant_renamed(oe, ne, out);
        }
    } else if ne.variant != oe.variant {
        variant_renamed(oe, ne, out);
    }
    for alias in &oe.aliases {
        if !ne.answers_to(alias) {
            out.add(
                Rule::AliasRemoved,
                format!("the alias `{alias}` of code {} was removed", oe.code),
                ne.place.clone(),
                &oe.place,
                format!("clients may send or parse `{alias}`: put it back in `aliases`"),
            )
            .entry = label.clone();
        }
    }
    if ne.status == oe.status && ne.grpc != oe.grpc {
        out.add(
            Rule::GrpcCodeChanged,
            format!(
                "code {} changed its gRPC code from {} to {}",
                oe.code, oe.grpc, ne.grpc
            ),
            ne.place.clone(),
            &oe.place,
            format!(
                "gRPC clients switch on the code: keep `grpc: {}`, or add a new code and retire this one",
                oe.grpc
            ),
        )
        .entry = label.clone();
    }
    if ne.status != oe.status {
        out.add(
            Rule::StatusChanged,
            format!(
                "code {} changed its HTTP status from {} to {}",
                oe.code,
                show_status(oe.status),
                show_status(ne.status)
            ),
            ne.place.clone(),
            &oe.place,
            format!(
                "clients switch on the status: keep {}, or add a new code with status {} and retire this one",
                show_status(oe.status),
                show_status(ne.status)
            ),
        )
        .entry = label.clone();
    }
    for p in &oe.placeholders {
        if !ne.placeholders.contains(p) {
            out.add(
                Rule::PlaceholderRemoved,
                format!("the placeholder `{{{p}}}` of code {} was removed (or renamed)", oe.code),
                ne.place.clone(),
                &oe.place,
                format!("callers fill in `{{{p}}}` and clients may parse it: keep it in the message and in `placeholders`"),
            )
            .entry = label.clone();
        }
    }
    for om in &oe.minors {
        let now = ne.minors.iter().find(|m| m.code == om.code);
        let moved = om.name.as_ref().and_then(|name| {
            ne.minors
                .iter()
                .find(|m| m.code != om.code && m.name.as_ref() == Some(name))
        });
        if let Some(moved) = moved {
            out.add(
                Rule::MinorRenumbered,
                format!(
                    "minor `{}` of code {} moved from {} to {}",
                    om.name.as_deref().unwrap_or_default(),
                    oe.code,
                    om.code,
                    moved.code
                ),
                ne.place.clone(),
                &oe.place,
                format!(
                    "minor codes are never renumbered: give it its minor code {} back",
                    om.code
                ),
            )
            .entry = label.clone();
            continue;
        }
        match now {
            None => {
                out.add(
                    Rule::MinorRemoved,
                    format!("minor code {} of code {} was removed", om.code, oe.code),
                    ne.place.clone(),
                    &oe.place,
                    "minor codes are never removed: put it back (a `note` can say it is no longer sent)".to_owned(),
                )
                .entry = label.clone();
            }
            Some(nm) if nm.variant != om.variant => {
                out.add(
                    Rule::VariantRenamed,
                    format!(
                        "the Rust variant of minor code {} of code {} changed from `{}` to `{}`",
                        om.code, oe.code, om.variant, nm.variant
                    ),
                    ne.place.clone(),
                    &oe.place,
                    format!(
                        "code naming `{}` no longer compiles: keep the minor's name",
                        om.variant
                    ),
                )
                .entry = label.clone();
            }
            Some(_) => {}
        }
    }
}

fn variant_renamed(oe: &Entry, ne: &Entry, out: &mut Findings) {
    out.add(
        Rule::VariantRenamed,
        format!(
            "the Rust variant of code {} changed from `{}` to `{}`",
            oe.code, oe.variant, ne.variant
        ),
        ne.place.clone(),
        &oe.place,
        format!(
            "code naming `Error::{}` no longer compiles: keep `{}` as the name and list `{}` as an alias",
            oe.variant, oe.name, ne.name
        ),
    )
    .entry = Some(ne.label());
}

/// Whether every code of `r` lies in one of `ranges` (inclusive bounds, codes of one kind).
fn covered(r: &Reservation, ranges: &[(Code, Code)]) -> bool {
    match (&r.first, &r.last) {
        (Code::Integer(first), Code::Integer(last)) => {
            let mut spans: Vec<(u64, u64)> = ranges
                .iter()
                .filter_map(|(a, b)| match (a, b) {
                    (Code::Integer(a), Code::Integer(b)) => Some((u64::from(*a), u64::from(*b))),
                    _ => None,
                })
                .collect();
            spans.sort();
            let mut next = u64::from(*first);
            let last = u64::from(*last);
            for (a, b) in spans {
                if a > next {
                    break;
                }
                next = next.max(b + 1);
                if next > last {
                    return true;
                }
            }
            next > last
        }
        _ => ranges.iter().any(|(a, b)| a <= &r.first && &r.last <= b),
    }
}

/// `errcat rules`: every rule with its categories and what it forbids.
pub fn rules_table() -> String {
    let mut s = String::new();
    for r in Rule::ALL {
        let categories: Vec<&str> = r.categories().iter().map(|c| c.name()).collect();
        s.push_str(&format!(
            "{:<22} {:<12} {}\n",
            r.name(),
            categories.join(","),
            r.description()
        ));
    }
    s
}

/// A status as messages show it: the number, or `none` for a code of a catalog without
/// statuses.
fn show_status(status: Option<u16>) -> String {
    status.map_or_else(|| "none".to_owned(), |s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reservation(a: u32, b: u32) -> Reservation {
        Reservation {
            first: Code::Integer(a),
            last: Code::Integer(b),
            place: Place::file(std::path::Path::new("x")),
        }
    }

    #[test]
    fn a_reservation_is_covered_by_overlapping_ranges_and_retired_codes() {
        let r = reservation(10, 19);
        let i = |a: u32, b: u32| (Code::Integer(a), Code::Integer(b));
        assert!(covered(&r, &[i(10, 19)]));
        assert!(covered(&r, &[i(0, 100)]));
        assert!(covered(&r, &[i(15, 19), i(10, 14)]));
        assert!(covered(&r, &[i(10, 12), i(13, 13), i(14, 30)]));
        assert!(!covered(&r, &[i(10, 18)]));
        assert!(!covered(&r, &[i(11, 19)]));
        assert!(!covered(&r, &[i(10, 12), i(14, 19)]));
        assert!(!covered(&r, &[]));
        let top = reservation(u32::MAX - 1, u32::MAX);
        assert!(covered(&top, &[i(u32::MAX - 1, u32::MAX)]));
    }

    fn published(entries: &str) -> Published {
        let yaml = format!(
            "title: T\nsource: t\nstatus: 400\nsections:\n  - name: S\n    title: S\n    entries:\n{entries}"
        );
        let c = errcat_build::load_str(std::path::Path::new("t.yaml"), &yaml)
            .unwrap_or_else(|p| panic!("{p:?}"));
        Published::of(&c, None)
    }

    fn rules(old: &str, new: &str) -> Vec<&'static str> {
        compare(&[published(old)], &[published(new)])
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    fn entry(code: u32, name: &str, extra: &str) -> String {
        format!("      - code: {code}\n        name: {name}\n        message: M.\n{extra}")
    }

    #[test]
    fn one_finding_per_change_in_tricky_cases() {
        let a = entry(1, "A", "");
        let b = entry(2, "B", "");
        // Two names swapping their codes: both renumbered, nothing else.
        assert_eq!(
            rules(
                &format!("{a}{b}"),
                &format!("{}{}", entry(1, "B", ""), entry(2, "A", ""))
            ),
            ["CODE_RENUMBERED", "CODE_RENUMBERED"]
        );
        // A code renumbered, and its old code given to a new name.
        assert_eq!(
            rules(
                &format!("{a}{b}"),
                &format!(
                    "{}{}{}",
                    entry(1, "C", ""),
                    entry(2, "B", ""),
                    entry(3, "A", "")
                )
            ),
            ["CODE_RENUMBERED"]
        );
        // The documented name becomes the alias and the alias the name: only the variant changes.
        assert_eq!(
            rules(
                &entry(1, "A", "        aliases: [B]\n"),
                &entry(1, "B", "        aliases: [A]\n")
            ),
            ["VARIANT_RENAMED"]
        );
        // A retired entry renamed, its old name given to a new code.
        let retired = "        retired: Gone.\n";
        assert_eq!(
            rules(
                &entry(1, "A", retired),
                &format!("{}{}", entry(1, "OLD_A", retired), entry(2, "A", ""))
            ),
            ["RETIRED_REUSED", "NAME_CHANGED"]
        );
        // Retiring is allowed; un-retiring is not.
        assert!(rules(&a, &entry(1, "A", retired)).is_empty());
        assert_eq!(rules(&entry(1, "A", retired), &a), ["RETIRED_REUSED"]);
        // Unchanged: nothing.
        assert!(rules(&format!("{a}{b}"), &format!("{a}{b}")).is_empty());
    }

    /// The README's table of rules is the rules' own: names, categories and descriptions.
    #[test]
    fn the_readme_lists_every_rule() {
        let readme = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"),
        )
        .unwrap();
        let rows: Vec<&str> = readme
            .lines()
            .filter(|l| l.starts_with("| `") && l.contains("_") && l.matches(" | ").count() == 2)
            .filter(|l| {
                Rule::ALL
                    .iter()
                    .any(|r| l.starts_with(&format!("| `{}` |", r.name())))
            })
            .collect();
        let want: Vec<String> = Rule::ALL
            .iter()
            .map(|r| {
                let categories: Vec<&str> = r.categories().iter().map(|c| c.name()).collect();
                format!(
                    "| `{}` | {} | {} |",
                    r.name(),
                    categories.join(", "),
                    r.description()
                )
            })
            .collect();
        assert_eq!(rows, want);
    }

    #[test]
    fn rule_names_are_unique_and_every_rule_has_a_category() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
        for r in Rule::ALL {
            assert!(!r.categories().is_empty(), "{r:?}");
        }
    }
}
