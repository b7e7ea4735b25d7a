//! Feeds arbitrary bytes to the machine-wide health table as the content of its file: any
//! process of the user can write that file, so its checks and every reader must hold against
//! anything in it.
//!
//! The bytes go through the file check as a whole file (refused unless a table's size with its
//! header), then as the table's memory: a header (the input's first bytes, or this layout's),
//! then the input repeated over every slot. A table that passes is then read and used as a
//! process would: its entries listed, servers looked up and claimed, health recorded.
//!
//! Checks: no panic; a lookup of the same server finds the same slot; what a lookup claimed
//! holds the server afterwards; the listing shows hosts of at most the kept length.
#![no_main]

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use memcache::pool::health_table::{
    check_content, header_bytes, HealthTable, FILE_SIZE, HEADER_SIZE, HOST_LEN,
};

/// The table's memory, one for the whole run (as a mapping, it is never given back).
fn memory() -> &'static [AtomicU64] {
    static MEMORY: OnceLock<&'static [AtomicU64]> = OnceLock::new();
    MEMORY.get_or_init(|| Box::leak((0..FILE_SIZE / 8).map(|_| AtomicU64::new(0)).collect()))
}

/// Lays `header` and then `slots` (repeated, or zeros if empty) over the table's memory.
fn fill(header: &[u8; HEADER_SIZE], slots: &[u8]) {
    let mut bytes = vec![0u8; FILE_SIZE];
    bytes[..HEADER_SIZE].copy_from_slice(header);
    if !slots.is_empty() {
        for chunk in bytes[HEADER_SIZE..].chunks_mut(slots.len()) {
            chunk.copy_from_slice(&slots[..chunk.len()]);
        }
    }
    for (word, chunk) in memory().iter().zip(bytes.chunks_exact(8)) {
        word.store(
            u64::from_ne_bytes(chunk.try_into().unwrap()),
            Ordering::Relaxed,
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let verdict = check_content(data, data.len() as u64);
    assert!(verdict.is_err() || data.len() == FILE_SIZE);
    let [mode, time, rest @ ..] = data else {
        return;
    };
    let header = match rest.get(..HEADER_SIZE) {
        Some(own) if mode & 1 != 0 => own.try_into().unwrap(),
        _ => header_bytes(),
    };
    fill(&header, rest);
    let Ok(table) = HealthTable::in_memory(memory()) else {
        assert_ne!(header, header_bytes());
        return;
    };
    let now = i64::from(*time) * 1_000_000_000 + 1;
    for (host, _port, health) in table.entries() {
        assert!(host.chars().count() <= HOST_LEN);
        let _ = health.snapshot(now * 1000);
    }
    let long_host = "h".repeat(HOST_LEN + 10);
    for (host, port) in [("127.0.0.1", 11211), (&long_host[..], 1), ("", 0)] {
        let Some(first) = table.slot(host, port, now) else {
            continue;
        };
        let again = table.slot(host, port, now).expect("claimed a moment ago");
        assert!(std::ptr::eq(first, again), "{host}:{port}");
        let _ = first.admit(i64::from(*mode), now, now * 1000, 5_000);
        first.record_failure(now, 111, mode & 2 != 0, u32::from(*mode >> 4), true);
        let _ = first.snapshot(now * 1000);
    }
    assert!(table
        .entries()
        .all(|(host, _, _)| host.chars().count() <= HOST_LEN));
});
