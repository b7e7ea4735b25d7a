//! Feeds arbitrary bytes, as a hostile or broken server would, to the meta-protocol reader of
//! a batch that mixes a store, a counter, a stale-marking delete, an uptime query (text
//! `STAT` lines on a meta connection), quiet gets and a lease matched by opaque, and the `MN`
//! that ends them. The first byte of the input is not a reply byte: its high four bits set the
//! value budget (0 to 120 bytes, so that values above it are short enough for the fuzzer to
//! complete), its low four bits the size of the partial reads; the rest is the reply stream.
//!
//! Checks: no panic; the reader never consumes more than it was shown, and is fed as the poll
//! loop feeds it ([`partial_reads::feed`]); hits name requests of the batch and their data
//! lies in the hit buffer, which stays within the budget (a reader that buffered a value
//! beyond it fails the seed `over-budget` at once).
#![no_main]

mod partial_reads;

use libfuzzer_sys::fuzz_target;
use memcache::pool::meta_exchange::MetaReader;
use memcache::pool::{Command, Replies, Request, Store};
use memcache::protocol::ascii::StoreOp;

fuzz_target!(|input: &[u8]| {
    let [knob, data @ ..] = input else {
        return;
    };
    let budget = usize::from(knob >> 4) * 8;
    let step = usize::from(knob & 15) + 1;
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
        Request::for_key(
            b"c",
            Command::Counter {
                delta: -1,
                initial: Some((1, 30)),
            },
        ),
        Request::for_key(
            b"d",
            Command::Invalidate {
                mark_stale: true,
                ttl: 30,
                cas: 0,
            },
        ),
        Request::for_server(0, Command::Uptime),
        Request::for_key(b"a", Command::Get { with_cas: true }),
        Request::for_key(b"b", Command::Get { with_cas: false }),
        Request::for_key(b"l", Command::Lease { ttl: 3 }),
    ];
    let indexes = [0, 1, 2, 3, 4, 5, 6];
    let mut replies = Replies::new(indexes.len());
    let mut reader = MetaReader::new(&requests, &indexes, budget, &mut replies);
    partial_reads::feed(&mut reader, data, step);
    let Replies { outcomes, hits } = replies;
    assert_eq!(outcomes.len(), indexes.len());
    assert!(hits.data.len() <= budget);
    for hit in &hits.hits {
        assert!(hit.request >= 4 && hit.request < 7);
        assert!(hit.data.end <= hits.data.len());
        let _ = hits.value(hit);
    }
});
