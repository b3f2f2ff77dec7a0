//! Run-time cost of the generated code, against what a user would write instead, measured in
//! the same run: `cargo bench -p errcat-bench`.
//!
//! Every benchmark walks a whole catalog (every code, every name, ...) per iteration, and
//! reports its throughput in elements, so `time / elements` is the cost of one operation.
//! Two catalogs: the bundled messenger catalog (565 codes in 14 runs spread over 1..=10174) and
//! a synthetic one of 3000 codes (runs of 90 codes, one run per hundred).
//!
//! Baselines, for lookups by code:
//! - `dense_floor`: the variant at a position of a dense array, the key being the position; no
//!   lookup can be cheaper.
//! - `match`: one `match` with an arm per code.
//! - `binary_search`: a sorted static table.
//! - `hashmap`: a `std` `HashMap` built once.
//! - `linear_scan`: a static table in document order, searched from the start.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// `n` codes that the catalog does not list: gaps between its runs, then codes past its end.
fn misses(codes: &[u32]) -> Vec<u32> {
    let mut sorted = codes.to_vec();
    sorted.sort_unstable();
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    let gaps: Vec<u32> = (min..=max)
        .filter(|c| sorted.binary_search(c).is_err())
        .collect();
    let want = codes.len();
    let step = (gaps.len() / (want / 2).max(1)).max(1);
    let mut out: Vec<u32> = gaps.into_iter().step_by(step).take(want / 2).collect();
    let mut past = max + 1;
    while out.len() < want {
        out.push(past);
        past += 7;
    }
    out
}

macro_rules! catalog_benches {
    ($c:expr, $label:literal, $cat:path, $code_match:path, $name_match:path) => {{
        use $cat as cat;
        let c: &mut Criterion = $c;
        let all: &'static [cat::Error] = cat::Error::ALL;
        let n = all.len();
        let codes: Vec<u32> = all.iter().map(|e| e.code()).collect();
        let missing = misses(&codes);
        assert_eq!(missing.len(), n);
        let positions: Vec<u32> = (0..n as u32).collect();
        let by_map: HashMap<u32, cat::Error> = all.iter().map(|e| (e.code(), *e)).collect();
        let table: &'static [(u32, cat::Error)] =
            leak(all.iter().map(|e| (e.code(), *e)).collect());
        let sorted: &'static [(u32, cat::Error)] = {
            let mut v = table.to_vec();
            v.sort_unstable_by_key(|(c, _)| *c);
            leak(v)
        };
        assert!(codes.iter().all(|c| cat::Error::from_code(*c).is_some()));
        assert!(missing.iter().all(|c| cat::Error::from_code(*c).is_none()));

        for (kind, keys) in [("hit", &codes), ("miss", &missing)] {
            let mut g = c.benchmark_group(format!("from_code/{}/{kind}", $label));
            g.throughput(Throughput::Elements(keys.len() as u64));
            g.bench_function("errcat", |b| {
                b.iter(|| {
                    for &k in keys.iter() {
                        black_box(cat::Error::from_code(black_box(k)));
                    }
                })
            });
            g.bench_function("match", |b| {
                b.iter(|| {
                    for &k in keys.iter() {
                        black_box($code_match(black_box(k)));
                    }
                })
            });
            g.bench_function("binary_search", |b| {
                b.iter(|| {
                    for &k in keys.iter() {
                        let found = sorted.binary_search_by_key(&black_box(k), |(c, _)| *c);
                        black_box(found.ok().map(|i| sorted[i].1));
                    }
                })
            });
            g.bench_function("hashmap", |b| {
                b.iter(|| {
                    for &k in keys.iter() {
                        black_box(by_map.get(&black_box(k)).copied());
                    }
                })
            });
            g.bench_function("linear_scan", |b| {
                b.iter(|| {
                    for &k in keys.iter() {
                        let k = black_box(k);
                        black_box(table.iter().find(|(c, _)| *c == k).map(|(_, e)| *e));
                    }
                })
            });
            g.bench_function("dense_floor", |b| {
                b.iter(|| {
                    // The same loop over a list of keys, each key a position in `ALL`.
                    for &p in positions.iter() {
                        black_box(all.get(black_box(p) as usize).copied());
                    }
                })
            });
            g.finish();
        }

        let names: Vec<&'static str> = all.iter().map(|e| e.name()).collect();
        let names_map: HashMap<&'static str, cat::Error> =
            all.iter().map(|e| (e.name(), *e)).collect();
        let mut g = c.benchmark_group(format!("from_str/{}", $label));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function("errcat", |b| {
            b.iter(|| {
                for &name in &names {
                    black_box(black_box(name).parse::<cat::Error>().ok());
                }
            })
        });
        g.bench_function("match", |b| {
            b.iter(|| {
                for &name in &names {
                    black_box($name_match(black_box(name)));
                }
            })
        });
        g.bench_function("hashmap", |b| {
            b.iter(|| {
                for &name in &names {
                    black_box(names_map.get(black_box(name)).copied());
                }
            })
        });
        g.finish();

        // Every documented (major, minor) pair, then as many undocumented minors.
        let mut pairs: Vec<(u32, u32)> = all
            .iter()
            .flat_map(|e| (0..64).map(move |m| (*e, m)))
            .filter(|(e, m)| cat::Minor::from_codes(*e, *m).is_some())
            .map(|(e, m)| (e.code(), m))
            .collect();
        assert!(!pairs.is_empty());
        let documented = pairs.len();
        for i in 0..documented {
            pairs.push((codes[i % n], 1000 + i as u32));
        }
        let mut g = c.benchmark_group(format!("from_wire/{}", $label));
        g.throughput(Throughput::Elements(pairs.len() as u64));
        g.bench_function("errcat", |b| {
            b.iter(|| {
                for &(major, minor) in &pairs {
                    black_box(cat::Detailed::from_wire(black_box(major), black_box(minor)).ok());
                }
            })
        });
        g.bench_function("errcat_typed_minor", |b| {
            b.iter(|| {
                for &(major, minor) in &pairs {
                    let d = cat::Detailed::from_wire(black_box(major), black_box(minor));
                    black_box(d.ok().and_then(|d| d.minor()));
                }
            })
        });
        g.finish();

        let mut g = c.benchmark_group(format!("display/{}", $label));
        g.throughput(Throughput::Elements(n as u64));
        let mut s = String::with_capacity(4096);
        g.bench_function("errcat", |b| {
            b.iter(|| {
                for e in all {
                    s.clear();
                    write!(s, "{e}").unwrap();
                    black_box(&s);
                }
            })
        });
        let values = [errcat::Value::from("abc"), errcat::Value::Int(42)];
        g.bench_function("errcat_render", |b| {
            b.iter(|| {
                for e in all {
                    s.clear();
                    write!(s, "{}", errcat::Filled::new(e.template(), &values)).unwrap();
                    black_box(&s);
                }
            })
        });
        g.bench_function("push_str_message", |b| {
            b.iter(|| {
                for e in all {
                    s.clear();
                    s.push_str(black_box(*e).message());
                    black_box(&s);
                }
            })
        });
        g.finish();

        let statuses: &'static [u16] = leak(all.iter().map(|e| e.http_status()).collect());
        let mut g = c.benchmark_group(format!("http_status/{}", $label));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function("errcat", |b| {
            b.iter(|| {
                for e in all {
                    black_box(black_box(*e).http_status());
                }
            })
        });
        g.bench_function("dense_floor", |b| {
            b.iter(|| {
                for &p in &positions {
                    black_box(statuses[black_box(p) as usize]);
                }
            })
        });
        g.finish();
    }};
}

fn messenger(c: &mut Criterion) {
    catalog_benches!(
        c,
        "messenger",
        errcat_catalogs::messenger,
        errcat_bench::baseline::messenger_code_match,
        errcat_bench::baseline::messenger_name_match
    );
}

fn synthetic(c: &mut Criterion) {
    catalog_benches!(
        c,
        "synthetic",
        errcat_bench::generated::synthetic,
        errcat_bench::baseline::synthetic_code_match,
        errcat_bench::baseline::synthetic_name_match
    );
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args()
}

criterion_group! {
    name = benches;
    config = config();
    targets = messenger, synthetic
}
criterion_main!(benches);
