//! Feeds arbitrary bytes, as a hostile or broken server would, to the text-protocol reader of
//! a batch that mixes a store, a delete, a counter, a `stats` query, an uptime query (the
//! server's clock, read from `STAT` lines), a version and three gets (one key asked twice),
//! under a small value budget.
//!
//! Checks: no panic; the reader never consumes more than it was shown, and is fed as the poll
//! loop feeds it ([`partial_reads::feed`]); every hit answers a get and
//! lies within the buffered values, which stay within the budget.
#![no_main]

mod partial_reads;

use libfuzzer_sys::fuzz_target;
use memcache::pool::ascii_exchange::AsciiReader;
use memcache::pool::{Command, Replies, Request, Store};
use memcache::protocol::ascii::StoreOp;

/// Most bytes of values the reader may buffer.
const BUDGET: usize = 1024;

fuzz_target!(|data: &[u8]| {
    let stats_args: &[&[u8]] = &[b"items"];
    let requests = [
        Request::for_key(
            b"s",
            Command::Store(Store {
                op: StoreOp::Cas,
                flags: 0,
                exptime: 0,
                cas: 7,
                data: b"v",
            }),
        ),
        Request::for_key(b"d", Command::Delete),
        Request::for_key(
            b"c",
            Command::Counter {
                delta: -1,
                initial: None,
            },
        ),
        Request::for_server(0, Command::Stats { args: stats_args }),
        Request::for_server(0, Command::Uptime),
        Request::for_server(0, Command::Version),
        Request::for_key(b"a", Command::Get { with_cas: true }),
        Request::for_key(b"b", Command::Get { with_cas: true }),
        Request::for_key(b"a", Command::Get { with_cas: true }),
    ];
    let indexes = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    let mut replies = Replies::new(indexes.len());
    let mut reader = AsciiReader::new(&requests, &indexes, BUDGET, &mut replies);
    // Partial reads of a size the first byte chooses.
    let step = usize::from(data.first().copied().unwrap_or(0) % 16) + 1;
    partial_reads::feed(&mut reader, data, step);
    let Replies { outcomes, hits } = replies;
    assert_eq!(outcomes.len(), indexes.len());
    assert!(hits.data.len() <= BUDGET);
    for hit in &hits.hits {
        assert!(matches!(requests[hit.request].command, Command::Get { .. }));
        assert!(hit.data.end <= hits.data.len());
        let _ = hits.value(hit);
    }
});
