//! Micro-benchmarks of the parsers on the hot path of every call: the text protocol's reply
//! parser, the binary protocol's response parser, the meta commands' reply parser, and the
//! decoding of stored values. No
//! server, no PHP: pure functions over byte buffers, so the figures are the parsers' own cost.
//!
//!   cargo bench --no-default-features [--bench parsers] [-- FILTER]
//!
//! (also with the default `php` feature, given PHP and PHP_CONFIG as for `make build`).
//!
//! Each benchmark runs for about BENCH_MILLIS (200) ms in batches and prints the fastest
//! batch's time per iteration (other load on the machine only ever slows a batch down).

use std::hint::black_box;
use std::time::{Duration, Instant};

use memcache::protocol::{ascii, binary, meta, Parse, ProtocolError};
use memcache::value::{self, Compression, Value};

/// Runs `f` in batches for the time budget; prints nanoseconds per call of the best batch.
fn bench(name: &str, filter: Option<&str>, mut f: impl FnMut()) {
    if filter.is_some_and(|filter| !name.contains(filter)) {
        return;
    }
    let budget = Duration::from_millis(
        std::env::var("BENCH_MILLIS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200),
    );
    // Size a batch to about a millisecond.
    let mut batch: u32 = 1;
    loop {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        if start.elapsed() >= Duration::from_millis(1) || batch >= 1 << 24 {
            break;
        }
        batch *= 2;
    }
    let mut best = f64::INFINITY;
    let deadline = Instant::now() + budget;
    while Instant::now() < deadline {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        best = best.min(start.elapsed().as_nanos() as f64 / f64::from(batch));
    }
    println!("{name:<40} {best:>12.1} ns/iter");
}

/// The length of the complete reply `parsed` found (kept from the optimiser); panics on
/// anything else.
fn used<R>(parsed: Result<Parse<R>, ProtocolError>) -> usize {
    match parsed.expect("valid reply") {
        Parse::Done(reply, used) => {
            black_box(reply);
            used
        }
        Parse::Incomplete => panic!("incomplete reply"),
    }
}

/// How many replies `buf` holds, parsed in order with `parse` (bytes used by the first reply).
fn parse_all(buf: &[u8], parse: impl Fn(&[u8]) -> usize) -> usize {
    let mut at = 0;
    let mut replies = 0;
    while at < buf.len() {
        at += parse(&buf[at..]);
        replies += 1;
    }
    replies
}

/// A binary response header and body (magic 0x81).
fn binary_response(opcode: u8, extras: &[u8], key: &[u8], value: &[u8], opaque: u32) -> Vec<u8> {
    let body = extras.len() + key.len() + value.len();
    let mut out = vec![0x81, opcode];
    out.extend_from_slice(&(key.len() as u16).to_be_bytes());
    out.push(extras.len() as u8);
    out.extend_from_slice(&[0, 0, 0]); // data type, status OK
    out.extend_from_slice(&(body as u32).to_be_bytes());
    out.extend_from_slice(&opaque.to_be_bytes());
    out.extend_from_slice(&0u64.to_be_bytes());
    out.extend_from_slice(extras);
    out.extend_from_slice(key);
    out.extend_from_slice(value);
    out
}

/// About 100 KB of JSON-like rows, like the 100 KB workload of `make bench`.
fn json_rows() -> Vec<u8> {
    let mut rows = String::new();
    let mut i = 0u64;
    while rows.len() < 102_400 {
        rows += &format!(
            "{{\"id\":{i},\"name\":\"user{i}\",\"email\":\"user{i}@example.com\",\"score\":{}}},",
            i * 7919 % 1000
        );
        i += 1;
    }
    rows.truncate(102_400);
    rows.into_bytes()
}

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let filter = filter.as_deref();
    let small = [b'v'; 32];

    // Text protocol: one hit, a miss, a store reply, and a 100-key multi-get reply.
    let mut hit = b"VALUE bench:hit 0 32\r\n".to_vec();
    hit.extend_from_slice(&small);
    hit.extend_from_slice(b"\r\nEND\r\n");
    let mut multi = Vec::new();
    for i in 0..100 {
        multi.extend_from_slice(format!("VALUE bench:m:{i} 0 32\r\n").as_bytes());
        multi.extend_from_slice(&small);
        multi.extend_from_slice(b"\r\n");
    }
    multi.extend_from_slice(b"END\r\n");
    bench("ascii: get hit (VALUE + END)", filter, || {
        assert_eq!(
            parse_all(black_box(&hit), |b| used(ascii::parse_reply(b))),
            2
        );
    });
    bench("ascii: get miss (END)", filter, || {
        assert_eq!(
            parse_all(black_box(b"END\r\n"), |b| used(ascii::parse_reply(b))),
            1
        );
    });
    bench("ascii: STORED", filter, || {
        assert_eq!(
            parse_all(black_box(b"STORED\r\n"), |b| used(ascii::parse_line(b))),
            1
        );
    });
    bench("ascii: multi-get 100 values", filter, || {
        assert_eq!(
            parse_all(black_box(&multi), |b| used(ascii::parse_reply(b))),
            101
        );
    });

    // Binary protocol: a GET hit, a SET reply, and 100 quiet GETK hits ended by a NOOP.
    let flags = 0u32.to_be_bytes();
    let bin_hit = binary_response(0x00, &flags, b"", &small, 0);
    let bin_stored = binary_response(0x01, &[], b"", &[], 0);
    let mut bin_multi = Vec::new();
    for i in 0..100 {
        let key = format!("bench:m:{i}");
        bin_multi.extend(binary_response(0x0d, &flags, key.as_bytes(), &small, i));
    }
    bin_multi.extend(binary_response(0x0a, &[], b"", &[], 100));
    bench("binary: get hit", filter, || {
        assert_eq!(
            parse_all(black_box(&bin_hit), |b| used(binary::parse_response(b))),
            1
        );
    });
    bench("binary: set reply", filter, || {
        assert_eq!(
            parse_all(black_box(&bin_stored), |b| used(binary::parse_response(b))),
            1
        );
    });
    bench("binary: multi-get 100 values + noop", filter, || {
        assert_eq!(
            parse_all(black_box(&bin_multi), |b| used(binary::parse_response(b))),
            101
        );
    });

    // Meta commands: a hit with the flags a get asks for, a store reply, and 100 quiet hits
    // named by their opaques, ended by MN.
    let mut meta_hit = b"VA 32 f0 O0\r\n".to_vec();
    meta_hit.extend_from_slice(&small);
    meta_hit.extend_from_slice(b"\r\nMN\r\n");
    let mut meta_multi = Vec::new();
    for i in 0..100 {
        meta_multi.extend_from_slice(format!("VA 32 f0 O{i}\r\n").as_bytes());
        meta_multi.extend_from_slice(&small);
        meta_multi.extend_from_slice(b"\r\n");
    }
    meta_multi.extend_from_slice(b"MN\r\n");
    bench("meta: get hit (VA + MN)", filter, || {
        assert_eq!(
            parse_all(black_box(&meta_hit), |b| used(meta::parse_reply(b))),
            2
        );
    });
    bench("meta: HD", filter, || {
        assert_eq!(
            parse_all(black_box(b"HD O0\r\n"), |b| used(meta::parse_reply(b))),
            1
        );
    });
    bench("meta: multi-get 100 values + MN", filter, || {
        assert_eq!(
            parse_all(black_box(&meta_multi), |b| used(meta::parse_reply(b))),
            101
        );
    });

    // Stored values: a plain string, an int, and 100 KB of zlib (the 100 KB get).
    let rows = json_rows();
    let compressed =
        value::encode(Value::Str(&rows), 0, Compression::default()).expect("valid flags");
    assert_eq!(
        compressed.flags & value::flags::COMPRESSED,
        value::flags::COMPRESSED
    );
    bench("value: decode 32 B string", filter, || {
        black_box(
            value::decode(
                black_box(value::flags::TYPE_STRING),
                black_box(&small),
                usize::MAX,
            )
            .expect("plain"),
        );
    });
    bench("value: decode int", filter, || {
        black_box(
            value::decode(
                black_box(value::flags::TYPE_LONG),
                black_box(b"1234567"),
                usize::MAX,
            )
            .expect("int"),
        );
    });
    bench("value: decode 100 KB compressed", filter, || {
        black_box(
            value::decode(
                black_box(compressed.flags),
                black_box(&compressed.data),
                usize::MAX,
            )
            .expect("zlib"),
        );
    });
    bench("value: encode 100 KB (compresses)", filter, || {
        black_box(
            value::encode(Value::Str(black_box(&rows)), 0, Compression::default()).expect("ok"),
        );
    });
}
