//! `from_code`: how an integer code finds its variant. A dense slot table when the codes are
//! nearly contiguous, pages of slots when they come in runs with gaps, and a binary search
//! over the sorted codes otherwise (and for string codes). Measured with the `bench/` crate: a
//! slot table costs 0.5 to 0.9 ns a lookup, a binary search 7 to 13 ns, a `match` about 2 ns.

use std::collections::HashMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::tokens::{string, template};
use crate::model::{Code, CodeKind};

/// Everything the emitter needs to say about one catalog's codes.
pub(super) struct Codes {
    /// Type of `code()`.
    pub(super) ty: TokenStream,
    /// Type of a code in a `const` table (where `'static` is implied).
    pub(super) table_ty: TokenStream,
    /// Type of the argument of `from_code`.
    pub(super) param: TokenStream,
    /// `const` where the lookup can be a `const fn`.
    pub(super) constness: TokenStream,
}

impl Codes {
    pub(super) fn of(kind: CodeKind) -> Self {
        match kind {
            CodeKind::Integer => Codes {
                ty: quote!(u32),
                table_ty: quote!(u32),
                param: quote!(u32),
                constness: quote!(const),
            },
            CodeKind::String => Codes {
                ty: quote!(&'static str),
                table_ty: quote!(&str),
                param: quote!(&str),
                constness: quote!(),
            },
        }
    }
}

pub(super) fn code_literal(code: &Code) -> TokenStream {
    match code {
        Code::Integer(n) => {
            let n = Literal::u32_unsuffixed(*n);
            quote!(#n)
        }
        Code::String(s) => {
            let s = string(s);
            quote!(#s)
        }
    }
}
/// `from_code` and the table it reads, chosen by [`CodeIndex::of`]. `all` is the variants in
/// the order of the module's `ALL`.
pub(super) fn from_code(codes: &Codes, by_code: &[(&Code, &Ident)], all: &[Ident]) -> TokenStream {
    let Codes {
        table_ty,
        param,
        constness,
        ..
    } = codes;
    let doc = quote!(#[doc = " The code's variant, if the catalog lists it."]);
    // The slot tables hold positions in `ALL`, not variants: rustc checks an array of integers
    // in a sixth of the time of the same array of `Option<Error>`.
    let position: HashMap<&Ident, usize> = all.iter().enumerate().map(|(i, v)| (v, i)).collect();
    let slot_ty = if all.len() < usize::from(u16::MAX) {
        quote!(u16)
    } else {
        quote!(u32)
    };
    let slot = |v: &Option<&Ident>| Literal::usize_unsuffixed(v.map_or(0, |v| position[v] + 1));
    match CodeIndex::of(by_code) {
        CodeIndex::Dense { min, slots } => {
            let len = Literal::usize_unsuffixed(slots.len());
            let slots = slots.iter().map(slot);
            let offset = offset_from(min);
            let slots = quote!(#(#slots),*);
            template(
                r##"
                #doc
                #[inline]
                pub const fn from_code(code: u32) -> ::core::option::Option<Self> {
                    /// For each code from the lowest on, its variant's position in `ALL` plus
                    /// one; 0 where the catalog has no such code.
                    static BY_CODE: [#slot_ty; #len] = [#slots];
                    let i = #offset;
                    let slot = if i < BY_CODE.len() { BY_CODE[i] } else { 0 };
                    if slot == 0 { None } else { Some(ALL[slot as usize - 1]) }
                }
            "##,
                &[
                    ("doc", &doc),
                    ("slot_ty", &slot_ty),
                    ("len", &len),
                    ("slots", &slots),
                    ("offset", &offset),
                ],
            )
        }
        CodeIndex::Paged {
            min,
            bits,
            pages,
            slots,
        } => {
            let page_ty = if slots.len() >> bits <= usize::from(u16::MAX) + 1 {
                quote!(u16)
            } else {
                quote!(u32)
            };
            let pages_len = Literal::usize_unsuffixed(pages.len());
            let pages = pages.iter().map(|p| Literal::usize_unsuffixed(*p));
            let len = Literal::usize_unsuffixed(slots.len());
            let slots = slots.iter().map(slot);
            let bits = Literal::u32_unsuffixed(bits);
            let offset = offset_from(min);
            let pages = quote!(#(#pages),*);
            let slots = quote!(#(#slots),*);
            template(
                r##"
                #doc
                #[inline]
                pub const fn from_code(code: u32) -> ::core::option::Option<Self> {
                    /// For each page of codes from the lowest code on, where its slots start
                    /// in `BY_CODE`, in pages; page 0 is empty.
                    static PAGES: [#page_ty; #pages_len] = [#pages];
                    /// For each code of each page, its variant's position in `ALL` plus one; 0
                    /// where the catalog has no such code.
                    static BY_CODE: [#slot_ty; #len] = [#slots];
                    const BITS: u32 = #bits;
                    let i = #offset;
                    let page = i >> BITS;
                    let slot = if page < PAGES.len() {
                        BY_CODE[((PAGES[page] as usize) << BITS) | (i & ((1 << BITS) - 1))]
                    } else {
                        0
                    };
                    if slot == 0 { None } else { Some(ALL[slot as usize - 1]) }
                }
            "##,
                &[
                    ("doc", &doc),
                    ("page_ty", &page_ty),
                    ("pages_len", &pages_len),
                    ("pages", &pages),
                    ("slot_ty", &slot_ty),
                    ("len", &len),
                    ("slots", &slots),
                    ("bits", &bits),
                    ("offset", &offset),
                ],
            )
        }
        CodeIndex::Sorted => {
            let n = Literal::usize_unsuffixed(by_code.len());
            let by_code = by_code.iter().map(|(c, v)| {
                let c = code_literal(c);
                quote!((#c, Error::#v))
            });
            let by_code = quote!(#(#by_code),*);
            template(
                r##"
                #doc
                #[inline]
                pub #constness fn from_code(code: #param) -> ::core::option::Option<Self> {
                    /// Every code with its variant, sorted by code.
                    static BY_CODE: [(#table_ty, Error); #n] = [#by_code];
                    let mut lo = 0;
                    let mut hi = BY_CODE.len();
                    while lo < hi {
                        let mid = lo + (hi - lo) / 2;
                        let (c, error) = BY_CODE[mid];
                        if c == code {
                            return Some(error);
                        }
                        if c < code {
                            lo = mid + 1;
                        } else {
                            hi = mid;
                        }
                    }
                    None
                }
            "##,
                &[
                    ("doc", &doc),
                    ("constness", &constness),
                    ("param", &param),
                    ("table_ty", &table_ty),
                    ("n", &n),
                    ("by_code", &by_code),
                ],
            )
        }
    }
}

/// `code - min` as a `usize` (wrapping, so that codes below `min` land past every table).
fn offset_from(min: u32) -> TokenStream {
    if min == 0 {
        quote!(code as usize)
    } else {
        let min = Literal::u32_unsuffixed(min);
        quote!(code.wrapping_sub(#min) as usize)
    }
}

/// How `from_code` finds the variant of an integer code. Measured (see `bench/`): a direct
/// index is several times faster than a binary search, and a `match` compiles slower.
#[derive(Debug, PartialEq)]
enum CodeIndex<'a> {
    /// One slot per code from `min` to the highest code: for codes that are nearly contiguous.
    Dense {
        min: u32,
        slots: Vec<Option<&'a Ident>>,
    },
    /// Codes from `min` on, cut into pages of `1 << bits` codes; `pages[p]` is where page `p`'s
    /// slots start in `slots`, counted in pages, and page 0 is all empty. For codes in runs
    /// with gaps between them.
    Paged {
        min: u32,
        bits: u32,
        pages: Vec<usize>,
        slots: Vec<Option<&'a Ident>>,
    },
    /// Binary search over the codes: for string codes, and for codes too scattered for pages.
    Sorted,
}

impl<'a> CodeIndex<'a> {
    /// Slots allowed per code (plus a fixed allowance) before pages give way to a binary
    /// search.
    const SLOTS_PER_CODE: usize = 4;
    const SLOTS_EXTRA: usize = 256;

    /// The smallest index for `by_code` (sorted by code) within the memory allowance.
    fn of(by_code: &[(&Code, &'a Ident)]) -> Self {
        let mut codes = Vec::with_capacity(by_code.len());
        for (code, v) in by_code {
            match code {
                Code::Integer(c) => codes.push((*c, *v)),
                Code::String(_) => return CodeIndex::Sorted,
            }
        }
        let (Some(&(min, _)), Some(&(max, _))) = (codes.first(), codes.last()) else {
            return CodeIndex::Sorted;
        };
        let n = codes.len();
        let span = (max - min) as usize + 1;
        if span <= 2 * n + 64 {
            let mut slots = vec![None; span];
            for (c, v) in &codes {
                slots[(c - min) as usize] = Some(*v);
            }
            return CodeIndex::Dense { min, slots };
        }
        let budget = Self::SLOTS_PER_CODE * n + Self::SLOTS_EXTRA;
        let cost = |bits: u32| {
            let mut used: Vec<usize> = codes
                .iter()
                .map(|(c, _)| ((c - min) >> bits) as usize)
                .collect();
            used.dedup();
            (span >> bits) + 1 + ((used.len() + 1) << bits)
        };
        let Some(bits) = (2..=8).min_by_key(|&b| cost(b)) else {
            return CodeIndex::Sorted;
        };
        if cost(bits) > budget {
            return CodeIndex::Sorted;
        }
        let mut pages = vec![0; ((span - 1) >> bits) + 1];
        let mut slots = vec![None; 1 << bits];
        for (c, v) in &codes {
            let i = (c - min) as usize;
            let page = i >> bits;
            if pages[page] == 0 {
                pages[page] = slots.len() >> bits;
                slots.resize(slots.len() + (1 << bits), None);
            }
            slots[(pages[page] << bits) | (i & ((1 << bits) - 1))] = Some(*v);
        }
        CodeIndex::Paged {
            min,
            bits,
            pages,
            slots,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::tokens::ident;

    fn index_for(codes: &[u32]) -> (String, usize) {
        let codes: Vec<Code> = codes.iter().map(|c| Code::Integer(*c)).collect();
        let idents: Vec<Ident> = (0..codes.len()).map(|i| ident(&format!("V{i}"))).collect();
        let by_code: Vec<(&Code, &Ident)> = codes.iter().zip(&idents).collect();
        match CodeIndex::of(&by_code) {
            CodeIndex::Dense { min, slots } => {
                for (c, v) in &by_code {
                    let Code::Integer(c) = c else { unreachable!() };
                    assert_eq!(slots[(c - min) as usize], Some(*v));
                }
                ("dense".into(), slots.len())
            }
            CodeIndex::Paged {
                min,
                bits,
                pages,
                slots,
            } => {
                assert!(
                    slots[..1 << bits].iter().all(Option::is_none),
                    "page 0 is empty"
                );
                for (c, v) in &by_code {
                    let Code::Integer(c) = c else { unreachable!() };
                    let i = (c - min) as usize;
                    let at = (pages[i >> bits] << bits) | (i & ((1 << bits) - 1));
                    assert_eq!(slots[at], Some(*v), "code {c}");
                }
                let filled = slots.iter().filter(|s| s.is_some()).count();
                assert_eq!(filled, codes.len(), "every code once, nothing else");
                ("paged".into(), slots.len() + pages.len())
            }
            CodeIndex::Sorted => ("sorted".into(), codes.len()),
        }
    }

    #[test]
    fn contiguous_codes_get_a_dense_table() {
        let codes: Vec<u32> = (100..400).filter(|c| c % 10 != 9).collect();
        assert_eq!(index_for(&codes), ("dense".into(), 299));
    }

    #[test]
    fn codes_in_runs_get_pages_within_the_allowance() {
        // Runs of codes far apart, like the messenger catalog's 1xx, 2xx, 9xxx and 101xx.
        let mut codes: Vec<u32> = (1..=10).collect();
        codes.extend(100..=234);
        codes.extend(9000..=9016);
        codes.extend(10100..=10174);
        let (kind, size) = index_for(&codes);
        assert_eq!(kind, "paged");
        assert!(size <= CodeIndex::SLOTS_PER_CODE * codes.len() + CodeIndex::SLOTS_EXTRA);
    }

    #[test]
    fn scattered_and_string_codes_get_a_binary_search() {
        assert_eq!(index_for(&[400_000, 450_000, 500_001]).0, "sorted");
        assert_eq!(index_for(&[7, u32::MAX]).0, "sorted");
        let code = Code::String("E1".into());
        let v = ident("E1");
        assert_eq!(CodeIndex::of(&[(&code, &v)]), CodeIndex::Sorted);
    }
}
