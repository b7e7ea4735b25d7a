//! Feeds arbitrary bytes, as a hostile or broken server would, to the meta-protocol reader of
//! a batch that mixes a store, a counter, a stale-marking delete, an uptime query (text
//! `STAT` lines on a meta connection), quiet gets and a lease matched by opaque, and the `MN`
//! that ends them.
//!
//! Checks: no panic; the reader never consumes more than it was shown; once it reports an
//! error or completion, it is not fed again (as in the poll loop); hits name requests of the
//! batch and their data lies in the hit buffer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::net::ReplyReader;
use memcache::pool::meta_exchange::MetaReader;
use memcache::pool::{Command, Request};
use memcache::protocol::ascii::StoreOp;

fuzz_target!(|data: &[u8]| {
    let requests = [
        Request::for_key(
            b"s",
            Command::Store {
                op: StoreOp::Cas,
                flags: 0,
                exptime: 0,
                cas: 7,
                data: b"v",
            },
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
    let mut reader = MetaReader::new(&requests, &indexes);
    let mut start = 0;
    // Grow the visible window in steps of 7 bytes, like partial reads.
    let mut end = 0;
    while end < data.len() {
        end = (end + 7).min(data.len());
        match reader.read(&data[start..end]) {
            Ok(progress) => {
                assert!(progress.consumed <= end - start);
                start += progress.consumed;
                if progress.done {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    let (outcomes, hits) = reader.finish();
    assert_eq!(outcomes.len(), 7);
    for hit in &hits.hits {
        assert!(hit.request >= 4 && hit.request < 7);
        let _ = hits.value(hit);
    }
});
