//! `from_name`: a hash table over the documented names and aliases, built by the generator and
//! probed at run time with the same hash.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::template;
use crate::model::Entry;

/// `from_name`: a hash table built here, probed with the same [`name_hash`] at run time. Its
/// slots point into the `NAMES` and `ALIASES` tables, so no name is written twice. Measured
/// (see `bench/`): several times faster than the binary search over names it replaced, and
/// than a `std` `HashMap`.
pub(super) fn from_name(entries: &[(usize, &Entry)]) -> TokenStream {
    let n = entries.len();
    // Slot values: `i + 1` for the name of code `i`, `n + 1 + j` for alias `j` (in the flat
    // `ALIASES` order), 0 for an empty slot.
    let mut keys: Vec<(&str, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, (_, e))| (e.name.as_str(), i + 1))
        .collect();
    let mut owners = Vec::new();
    for (i, (_, e)) in entries.iter().enumerate() {
        for a in &e.aliases {
            keys.push((a, n + 1 + owners.len()));
            owners.push(i);
        }
    }
    // At most half full, so that probes stay short and every probe sequence ends at an empty
    // slot.
    let len = (2 * keys.len()).next_power_of_two().max(2);
    let mut slots = vec![0usize; len];
    for (name, value) in &keys {
        let mut at = name_hash(name) as usize & (len - 1);
        while slots[at] != 0 {
            at = (at + 1) & (len - 1);
        }
        slots[at] = *value;
    }
    let slot_ty = if keys.len() < usize::from(u16::MAX) {
        quote!(u16)
    } else {
        quote!(u32)
    };
    let len_lit = Literal::usize_unsuffixed(len);
    let slots = slots.iter().map(|s| Literal::usize_unsuffixed(*s));
    let n_lit = Literal::usize_unsuffixed(n);
    let candidate = if owners.is_empty() {
        quote!((NAMES[slot - 1], ALL[slot - 1]))
    } else {
        let count = Literal::usize_unsuffixed(owners.len());
        let owners = owners.iter().map(|o| Literal::usize_unsuffixed(*o));
        quote! {{
            /// The code each alias of `ALIASES` belongs to.
            static ALIAS_OWNERS: [#slot_ty; #count] = [#(#owners),*];
            if slot <= #n_lit {
                (NAMES[slot - 1], ALL[slot - 1])
            } else {
                let alias = slot - #n_lit - 1;
                (ALIASES[alias], ALL[ALIAS_OWNERS[alias] as usize])
            }
        }}
    };
    let slots = quote!(#(#slots),*);
    template(
        r##"
        /// The code with this documented name or alias.
        #[inline]
        pub fn from_name(name: &str) -> ::core::option::Option<Self> {
            /// A hash table over the names and aliases (open addressing, linear probing):
            /// `i + 1` for the name of `ALL[i]`, `n + 1 + j` for `ALIASES[j]` (`n` codes), or
            /// 0 for an empty slot.
            static SLOTS: [#slot_ty; #len_lit] = [#slots];
            let mask = SLOTS.len() - 1;
            let mut at = name_hash(name) as usize & mask;
            loop {
                let slot = SLOTS[at] as usize;
                if slot == 0 {
                    return None;
                }
                let (candidate, error) = #candidate;
                if candidate == name {
                    return Some(error);
                }
                at = (at + 1) & mask;
            }
        }
    "##,
        &[
            ("slot_ty", &slot_ty),
            ("len_lit", &len_lit),
            ("slots", &slots),
            ("candidate", &candidate),
        ],
    )
}

/// The hash of a name for `from_name`'s table; the generated `name_hash` is the same function.
fn name_hash(name: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = name.len() as u64;
    let mut words = name.as_bytes().chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let mut last = 0;
    for (i, b) in words.remainder().iter().enumerate() {
        last |= u64::from(*b) << (8 * i);
    }
    (h.rotate_left(5) ^ last).wrapping_mul(K) >> 32
}
