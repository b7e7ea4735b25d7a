//! Feeds arbitrary bytes, as a hostile or broken server would, to the binary-protocol reader of
//! a batch that mixes quiet gets, a store, a counter, an uptime query (many `STAT` responses
//! to one request) and a SASL authentication.
//!
//! Checks: no panic; the reader never consumes more than it was shown, and is fed as the poll
//! loop feeds it ([`partial_reads::feed`]).
#![no_main]

mod partial_reads;

use libfuzzer_sys::fuzz_target;
use memcache::pool::binary_exchange::BinaryReader;
use memcache::pool::{Command, Replies, Request, Store};
use memcache::protocol::ascii::StoreOp;

fuzz_target!(|data: &[u8]| {
    let requests = [
        Request::for_key(
            b"s",
            Command::Store(Store {
                op: StoreOp::Set,
                flags: 0,
                exptime: 0,
                cas: 0,
                data: b"v",
            }),
        ),
        Request::for_key(
            b"c",
            Command::Counter {
                delta: 1,
                initial: None,
            },
        ),
        Request::for_server(0, Command::Uptime),
        Request::for_key(b"a", Command::Get { with_cas: true }),
        Request::for_key(b"b", Command::Get { with_cas: true }),
    ];
    let indexes = [0, 1, 2, 3, 4];
    // A small value budget, so refused values are exercised too.
    let mut replies = Replies::new(indexes.len());
    let mut reader = BinaryReader::new(&requests, &indexes, data.first() == Some(&1), 1024, &mut replies);
    partial_reads::feed(&mut reader, data, 7);
    let Replies { outcomes, hits } = replies;
    assert_eq!(outcomes.len(), 5);
    for hit in &hits.hits {
        assert!(hit.request < 5);
        let _ = hits.value(hit);
    }
});
