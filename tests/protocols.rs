//! What the binary protocol and the meta commands must do alike, against real memcached
//! processes: multi-gets over quiet requests, counters with an initial value, refused stores,
//! the same items under all three protocols, and session locks shared with text-protocol
//! workers. Each scenario runs once per protocol; where the servers answer in words of their
//! own, the scenario names them per protocol.

mod common;

use std::time::Duration;

use common::{get_with_cas, pool_of, run, store, value, Item, Memcached};
use memcache::pool::{Command, Outcome, Policy};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;
use memcache::session::{SessionSettings, SessionStore};
use memcache::value::Compression;

const SECOND: Duration = Duration::from_secs(1);

/// The protocols whose requests carry an opaque and are pipelined without a reply each.
const PIPELINED: [ProtocolKind; 2] = [ProtocolKind::Binary, ProtocolKind::Meta];

#[test]
fn multi_get_over_quiet_gets_spans_servers_and_skips_misses() {
    for protocol in PIPELINED {
        let a = Memcached::start();
        let b = Memcached::start();
        let mut pool = pool_of(protocol, &[&a, &b], SECOND);
        let keys = common::keys(120, "multi");
        for (i, k) in keys.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
            assert_eq!(
                run(&mut pool, k, store(StoreOp::Set, i as u32, 0, k)),
                Outcome::Done
            );
        }
        let mut wanted = keys.clone();
        wanted.push(keys[0].clone());
        let found = get_with_cas(&mut pool, &wanted);
        assert_eq!(found.len(), 61, "{protocol:?}: 60 hits and the duplicate");
        for (key, flags, cas, value) in &found {
            assert_eq!(key, value);
            let index: u32 = std::str::from_utf8(&key[b"multi-".len()..])
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(*flags, index);
            assert!(*cas > 0);
        }
        assert!(a.stat("curr_items") > 10 && b.stat("curr_items") > 10);
        assert!(pool.take_events().is_empty());
        // A lone get's miss is no failure either.
        assert_eq!(value(&mut pool, b"multi-1"), None);
        assert_eq!(value(&mut pool, b"multi-2"), Some(b"multi-2".to_vec()));
        assert!(pool.take_events().is_empty(), "{protocol:?}");
    }
}

#[test]
fn counters_create_a_missing_key_only_with_an_initial_value() {
    for protocol in PIPELINED {
        let server = Memcached::start();
        let mut pool = pool_of(protocol, &[&server], SECOND);
        let counter = |delta, initial| Command::Counter { delta, initial };
        assert_eq!(run(&mut pool, b"cnt", counter(1, None)), Outcome::Rejected);
        assert_eq!(
            run(&mut pool, b"cnt", counter(1, Some((10, 60)))),
            Outcome::Counter(10)
        );
        assert_eq!(
            server.command("mg cnt t f\r\n"),
            "HD t60 f0",
            "{protocol:?}"
        );
        assert_eq!(
            run(&mut pool, b"cnt", counter(5, Some((10, 0)))),
            Outcome::Counter(15)
        );
        assert_eq!(
            run(&mut pool, b"cnt", counter(-20, None)),
            Outcome::Counter(0)
        );
        assert_eq!(
            run(&mut pool, b"cnt", counter(i64::MIN, None)),
            Outcome::Counter(0)
        );
        assert_eq!(
            run(&mut pool, b"cnt", counter(i64::MAX, None)),
            Outcome::Counter(i64::MAX as u64)
        );
        assert_eq!(
            run(&mut pool, b"text", store(StoreOp::Set, 0, 0, b"abc")),
            Outcome::Done
        );
        let non_numeric = match protocol {
            ProtocolKind::Binary => "Non-numeric server-side value for incr or decr",
            _ => "CLIENT_ERROR cannot increment or decrement non-numeric value",
        };
        assert_eq!(
            run(&mut pool, b"text", counter(1, None)),
            Outcome::ErrorReply {
                message: non_numeric.into(),
                code: 6
            }
        );
        let events = pool.take_events();
        assert!(common::failure_messages(&events).is_empty(), "{events:?}");
        // The error reply closed a meta connection (as in the text protocol); the next call
        // works all the same.
        assert_eq!(
            run(&mut pool, b"cnt", counter(2, None)),
            Outcome::Counter(i64::MAX as u64 + 2)
        );
    }
}

#[test]
fn refused_stores_are_rejections_not_failures() {
    for protocol in PIPELINED {
        let server = Memcached::start();
        let mut pool = pool_of(protocol, &[&server], SECOND);
        for op in [StoreOp::Replace, StoreOp::Append, StoreOp::Prepend] {
            assert_eq!(
                run(&mut pool, b"absent", store(op, 0, 0, b"x")),
                Outcome::Rejected
            );
        }
        assert_eq!(
            run(&mut pool, b"absent", store(StoreOp::Cas, 0, 99, b"x")),
            Outcome::Rejected
        );
        assert_eq!(
            run(&mut pool, b"there", store(StoreOp::Add, 0, 0, b"1")),
            Outcome::Done
        );
        assert_eq!(
            run(&mut pool, b"there", store(StoreOp::Add, 0, 0, b"2")),
            Outcome::Rejected
        );
        let cas = get_with_cas(&mut pool, &[b"there".to_vec()])[0].2;
        assert_eq!(
            run(&mut pool, b"there", store(StoreOp::Cas, 0, cas + 1, b"3")),
            Outcome::Rejected
        );
        // In binary a set with a CAS value is conditional too; in meta, as in the text
        // protocol, a set ignores the cas: only `cas` compares.
        let set_with_stale_cas = match protocol {
            ProtocolKind::Binary => Outcome::Rejected,
            _ => Outcome::Done,
        };
        assert_eq!(
            run(&mut pool, b"there", store(StoreOp::Set, 0, cas + 1, b"3")),
            set_with_stale_cas
        );
        let cas = get_with_cas(&mut pool, &[b"there".to_vec()])[0].2;
        assert_eq!(
            run(&mut pool, b"there", store(StoreOp::Cas, 0, cas, b"4")),
            Outcome::Done
        );
        assert_eq!(
            run(&mut pool, b"there", store(StoreOp::Append, 7, 0, b"5")),
            Outcome::Done
        );
        let item = get_with_cas(&mut pool, &[b"there".to_vec()]).remove(0);
        assert_eq!(
            (item.1, item.3),
            (0, b"45".to_vec()),
            "{protocol:?}: append keeps the flags"
        );
        assert_eq!(run(&mut pool, b"there", Command::Delete), Outcome::Done);
        assert_eq!(run(&mut pool, b"there", Command::Delete), Outcome::Rejected);
        let too_large = vec![b'x'; 2 * 1024 * 1024];
        let too_large_message = match protocol {
            ProtocolKind::Binary => "Too large.",
            _ => "SERVER_ERROR object too large for cache",
        };
        assert_eq!(
            run(&mut pool, b"big", store(StoreOp::Set, 0, 0, &too_large)),
            Outcome::ErrorReply {
                message: too_large_message.into(),
                code: 3
            }
        );
        assert!(common::failure_messages(&pool.take_events()).is_empty());
        assert_eq!(
            run(&mut pool, b"after", store(StoreOp::Set, 0, 0, b"ok")),
            Outcome::Done
        );
        assert_eq!(value(&mut pool, b"after"), Some(b"ok".to_vec()));
    }
}

#[test]
fn items_are_the_same_items_in_all_three_protocols() {
    let server = Memcached::start();
    let pool = |protocol| pool_of(protocol, &[&server], SECOND);
    let mut pools = [
        pool(ProtocolKind::Ascii),
        pool(ProtocolKind::Binary),
        pool(ProtocolKind::Meta),
    ];
    let value = (0..=255u8).collect::<Vec<u8>>();
    for writer in 0..3 {
        let key = format!("shared-{writer}").into_bytes();
        let flags = 0x0001_0300 + writer as u32;
        assert_eq!(
            run(
                &mut pools[writer],
                &key,
                store(StoreOp::Set, flags, 0, &value)
            ),
            Outcome::Done
        );
        let read: Vec<Item> = pools
            .iter_mut()
            .map(|pool| get_with_cas(pool, std::slice::from_ref(&key)).remove(0))
            .collect();
        for item in &read {
            assert_eq!((item.1, &item.3), (flags, &value), "written by {writer}");
            assert_eq!(item.2, read[0].2, "the same cas unique every way");
        }
    }
}

#[test]
fn sessions_lock_and_write_and_serialise_with_ascii_workers() {
    for protocol in PIPELINED {
        let server = Memcached::start();
        let pool = |protocol| pool_of(protocol, &[&server], SECOND);
        // Holders take the lock for 30 s; waiters give up after 2 s (twice their lock_timeout).
        let holding = SessionSettings {
            redundancy: 1,
            lock_timeout: 30,
            fail_on_lock_timeout: true,
            policy: Policy::default(),
        };
        let waiting = SessionSettings {
            lock_timeout: 1,
            ..holding
        };
        let mut ascii = pool(ProtocolKind::Ascii);
        let lock = |ascii: &mut _| get_with_cas(ascii, &[b"sess.lock".to_vec()]);
        let mut first = SessionStore::new(pool(protocol), holding);
        assert_eq!(first.read(b"sess").unwrap(), b"");
        // The binary incr or the meta counter created the lock itself: value 1, flags 0.
        let held = lock(&mut ascii);
        assert_eq!((held[0].1, held[0].3.as_slice()), (0, b"1".as_slice()));
        // An ascii worker (the C extension's pipeline) cannot take it meanwhile.
        let mut blocked = SessionStore::new(pool(ProtocolKind::Ascii), waiting);
        assert!(blocked.read(b"sess").is_err(), "the lock is held");
        assert!(first.write(b"sess", b"a|i:1;", 60, Compression::default()));
        let released = lock(&mut ascii);
        assert_eq!(
            (released[0].1, released[0].3.as_slice()),
            (768, b"0".as_slice())
        );
        // An ascii worker takes the released lock; one of `protocol` then waits for it.
        let mut second = SessionStore::new(pool(ProtocolKind::Ascii), holding);
        assert_eq!(second.read(b"sess").unwrap(), b"a|i:1;");
        assert_eq!(lock(&mut ascii)[0].3, b"1");
        let mut third = SessionStore::new(pool(protocol), waiting);
        assert!(third.read(b"sess").is_err(), "the ascii worker holds it");
        assert!(second.write(b"sess", b"a|i:2;", 60, Compression::default()));
        assert_eq!(third.read(b"sess").unwrap(), b"a|i:2;", "{protocol:?}");
    }
}
