//! The pool speaking memcached's meta commands against real memcached processes (and fake
//! servers for broken replies): multi-gets, counters with an initial value, refused stores,
//! cross-protocol items, the classic commands on a meta connection, stale items and
//! placeholders, sessions, and the stampede guard under all three protocols.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use common::{execute_one, get_items, loopback_config, new_pool, pool_of, store, Item, Memcached};
use memcache::pool::recovery::FailbackFlush;
use memcache::pool::stampede::{self, Lookup};
use memcache::pool::{Command, Event, Lease, Outcome, Policy, Pool, Request};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;
use memcache::session::{SessionSettings, SessionStore};
use memcache::value::Compression;

const SECOND: Duration = Duration::from_secs(1);

fn run(pool: &mut Pool, key: &[u8], command: Command<'_>) -> Outcome {
    execute_one(pool, &Policy::default(), key, command)
}

/// Marks `key` stale for 30 s, as `invalidate()` does under meta.
fn mark_stale(pool: &mut Pool, key: &[u8]) -> Outcome {
    let invalidate = Command::Invalidate {
        mark_stale: true,
        ttl: 30,
        cas: 0,
    };
    run(pool, key, invalidate)
}

/// `(key, flags, cas, value)` of every hit of a multi-get.
fn get_all(pool: &mut Pool, keys: &[Vec<u8>]) -> Vec<Item> {
    get_items(pool, &Policy::default(), keys, true)
}

/// The value of `key`, if a plain get finds it.
fn value(pool: &mut Pool, key: &[u8]) -> Option<Vec<u8>> {
    get_all(pool, &[key.to_vec()]).pop().map(|item| item.3)
}

fn failure_messages(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Failure(event) => Some(event.message.clone()),
            Event::ErrorReply(_) | Event::FailbackReady { .. } | Event::Health { .. } => None,
        })
        .collect()
}

#[test]
fn multi_get_spans_servers_and_skips_misses() {
    let a = Memcached::start();
    let b = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Meta, &[&a, &b], SECOND);
    let keys: Vec<Vec<u8>> = (0..120).map(|i| format!("meta-{i}").into_bytes()).collect();
    for (i, k) in keys.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
        assert_eq!(
            run(&mut pool, k, store(StoreOp::Set, i as u32, 0, k)),
            Outcome::Done
        );
    }
    let mut wanted = keys.clone();
    wanted.push(keys[0].clone());
    let found = get_all(&mut pool, &wanted);
    assert_eq!(found.len(), 61, "60 hits and the duplicate");
    for (key, flags, cas, value) in &found {
        assert_eq!(key, value);
        let index: u32 = std::str::from_utf8(&key[5..]).unwrap().parse().unwrap();
        assert_eq!(*flags, index);
        assert!(*cas > 0);
    }
    assert!(a.stat("curr_items") > 10 && b.stat("curr_items") > 10);
    assert!(pool.take_events().is_empty());
    assert_eq!(value(&mut pool, b"meta-1"), None);
    assert_eq!(value(&mut pool, b"meta-2"), Some(b"meta-2".to_vec()));
}

#[test]
fn counters_create_a_missing_key_only_with_an_initial_value() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let counter = |delta, initial| Command::Counter { delta, initial };
    assert_eq!(run(&mut pool, b"cnt", counter(1, None)), Outcome::Rejected);
    assert_eq!(
        run(&mut pool, b"cnt", counter(1, Some((10, 60)))),
        Outcome::Counter(10)
    );
    assert_eq!(server.command("mg cnt t f\r\n"), "HD t60 f0");
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
    assert_eq!(
        run(&mut pool, b"text", counter(1, None)),
        Outcome::ErrorReply {
            message: "CLIENT_ERROR cannot increment or decrement non-numeric value".into(),
            code: 6
        }
    );
    let events = pool.take_events();
    assert!(failure_messages(&events).is_empty(), "{events:?}");
    // The error reply closed the connection (as in the text protocol); the next call works.
    assert_eq!(
        run(&mut pool, b"cnt", counter(2, None)),
        Outcome::Counter(i64::MAX as u64 + 2)
    );
}

#[test]
fn refused_stores_are_rejections_not_failures() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Meta, &[&server], SECOND);
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
    let cas = get_all(&mut pool, &[b"there".to_vec()])[0].2;
    assert_eq!(
        run(&mut pool, b"there", store(StoreOp::Cas, 0, cas + 1, b"3")),
        Outcome::Rejected
    );
    // As in the text protocol, a set ignores the cas: only `cas` compares.
    assert_eq!(
        run(&mut pool, b"there", store(StoreOp::Set, 0, cas + 1, b"3")),
        Outcome::Done
    );
    let cas = get_all(&mut pool, &[b"there".to_vec()])[0].2;
    assert_eq!(
        run(&mut pool, b"there", store(StoreOp::Cas, 0, cas, b"4")),
        Outcome::Done
    );
    assert_eq!(
        run(&mut pool, b"there", store(StoreOp::Append, 7, 0, b"5")),
        Outcome::Done
    );
    let item = get_all(&mut pool, &[b"there".to_vec()]).remove(0);
    assert_eq!(
        (item.1, item.3),
        (0, b"45".to_vec()),
        "append keeps the flags"
    );
    assert_eq!(run(&mut pool, b"there", Command::Delete), Outcome::Done);
    assert_eq!(run(&mut pool, b"there", Command::Delete), Outcome::Rejected);
    let too_large = vec![b'x'; 2 * 1024 * 1024];
    assert_eq!(
        run(&mut pool, b"big", store(StoreOp::Set, 0, 0, &too_large)),
        Outcome::ErrorReply {
            message: "SERVER_ERROR object too large for cache".into(),
            code: 3
        }
    );
    assert!(failure_messages(&pool.take_events()).is_empty());
    assert_eq!(
        run(&mut pool, b"after", store(StoreOp::Set, 0, 0, b"ok")),
        Outcome::Done
    );
    assert_eq!(value(&mut pool, b"after"), Some(b"ok".to_vec()));
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
            .map(|pool| get_all(pool, std::slice::from_ref(&key)).remove(0))
            .collect();
        for item in &read {
            assert_eq!((item.1, &item.3), (flags, &value), "written by {writer}");
            assert_eq!(item.2, read[0].2, "the same cas unique every way");
        }
    }
}

#[test]
fn the_classic_commands_work_on_a_meta_connection() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let policy = Policy::default();
    let mut requests = [
        Request::for_key(b"f", store(StoreOp::Set, 0, 0, b"v")),
        Request::for_server(0, Command::Version),
        Request::for_server(0, Command::Stats { args: &[] }),
        Request::for_server(0, Command::Uptime),
        Request::for_key(b"f", Command::Get { with_cas: false }),
    ];
    let hits = pool.execute(&mut requests, &policy);
    assert_eq!(hits.hits.len(), 1);
    assert_eq!(requests[0].outcome, Outcome::Done);
    assert!(matches!(&requests[1].outcome, Outcome::Version(v) if v.starts_with(b"1.6")));
    assert!(matches!(&requests[2].outcome, Outcome::Stats(lines) if lines.len() > 20));
    assert!(matches!(requests[3].outcome, Outcome::Clock { time, .. } if time > 0));
    // The delay is sent: the items stay until it passes.
    let mut flush = [Request::for_server(0, Command::Flush { delay: 2 })];
    pool.execute(&mut flush, &policy);
    assert_eq!(flush[0].outcome, Outcome::Done);
    assert_eq!(value(&mut pool, b"f"), Some(b"v".to_vec()));
    let mut flush = [Request::for_server(0, Command::Flush { delay: 0 })];
    pool.execute(&mut flush, &policy);
    assert_eq!(value(&mut pool, b"f"), None);
    assert!(pool.take_events().is_empty());
}

/// A fake server: on each of `replies.len()` connections, answers a `version` probe (what a
/// failed server gets before it rejoins) properly, then the next request with the given
/// bytes, and closes the connection.
fn fake_server(replies: Vec<Vec<u8>>) -> (u16, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let thread = std::thread::spawn(move || {
        for reply in replies {
            let (mut conn, _) = listener.accept().unwrap();
            let mut buf = [0u8; 1024];
            let mut n = conn.read(&mut buf).unwrap_or(0);
            if buf[..n].starts_with(b"version") {
                let _ = conn.write_all(b"VERSION 1.6.18\r\n");
                n = conn.read(&mut buf).unwrap_or(0);
            }
            if n > 0 {
                let _ = conn.write_all(&reply);
            }
        }
    });
    (port, thread)
}

#[test]
fn broken_meta_replies_fail_the_server_and_are_never_reused() {
    let hit = b"VA 5 f0 O0\r\nhello\r\nMN\r\n".to_vec();
    let replies = vec![
        // A text reply where a meta one belongs.
        b"VALUE k 0 5\r\nhello\r\nEND\r\n".to_vec(),
        // A hit for a request that was never sent.
        b"VA 1 f0 O7\r\nx\r\nMN\r\n".to_vec(),
        // A hit without the client flags it was asked for.
        b"VA 1 O0\r\nx\r\nMN\r\n".to_vec(),
        // A data block longer than announced.
        b"VA 1 f0 O0\r\nxy\r\nMN\r\n".to_vec(),
        // Half a value, then the connection closes.
        hit[..15].to_vec(),
        // Finally a good answer on a fresh connection.
        hit.clone(),
    ];
    let (port, fake) = fake_server(replies);
    let mut pool = new_pool();
    pool.protocol = ProtocolKind::Meta;
    pool.add_server(loopback_config(port, SECOND, 0), 1, true);
    // Retry interval 0: each next call probes the failed server first (no failback flush).
    let policy = Policy {
        failback_flush: FailbackFlush::Never,
        ..Policy::default()
    };
    let get = |pool: &mut Pool| {
        let mut requests = [Request::for_key(b"k", Command::Get { with_cas: false })];
        let hits = pool.execute(&mut requests, &policy);
        hits.hits.first().map(|h| hits.value(h).to_vec())
    };
    let mut messages = Vec::new();
    for _ in 0..5 {
        assert_eq!(get(&mut pool), None);
        messages.extend(failure_messages(&pool.take_events()));
    }
    assert_eq!(
        messages,
        [
            "VALUE k 0 5",
            "Unexpected meta reply (Value, opaque 7)",
            "Malformed VALUE header",
            "Malformed VALUE header",
            "Read failed (socket was unexpectedly closed)",
        ]
    );
    assert_eq!(get(&mut pool), Some(b"hello".to_vec()));
    drop(pool);
    fake.join().unwrap();
}

#[test]
fn out_of_memory_is_an_error_reply_not_a_failure() {
    let oom = b"SERVER_ERROR out of memory storing object\r\n".to_vec();
    let (port, fake) = fake_server(vec![oom.clone(), oom]);
    let mut pool = new_pool();
    pool.protocol = ProtocolKind::Meta;
    pool.add_server(loopback_config(port, SECOND, 15), 1, true);
    for _ in 0..2 {
        assert_eq!(
            run(&mut pool, b"k", store(StoreOp::Set, 0, 0, b"v")),
            Outcome::ErrorReply {
                message: "SERVER_ERROR out of memory storing object".into(),
                code: 130
            }
        );
        let events = pool.take_events();
        assert!(failure_messages(&events).is_empty(), "{events:?}");
    }
    drop(pool);
    fake.join().unwrap();
}

#[test]
fn gets_miss_stale_items_and_placeholders_and_give_back_the_win() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let lease = |pool: &mut Pool, key: &[u8]| {
        let mut requests = [Request::for_key(key, Command::Lease { ttl: 30 })];
        let hits = pool.execute(&mut requests, &Policy::default());
        let data = hits.hits.first().map(|h| hits.value(h).to_vec());
        (requests[0].outcome.clone(), data)
    };
    // A placeholder: the lease wins, everyone else waits; a get misses it.
    assert_eq!(
        lease(&mut pool, b"ph"),
        (Outcome::Lease(Lease::Won), Some(vec![]))
    );
    assert_eq!(
        lease(&mut pool, b"ph"),
        (Outcome::Lease(Lease::Pending), Some(vec![]))
    );
    assert_eq!(value(&mut pool, b"ph"), None);
    // A stale item: a get misses it, and gives back the win it was handed...
    assert_eq!(
        run(&mut pool, b"st", store(StoreOp::Set, 0, 0, b"old")),
        Outcome::Done
    );
    assert_eq!(mark_stale(&mut pool, b"st"), Outcome::Done);
    assert_eq!(value(&mut pool, b"st"), None);
    // ... so that the next lease wins it, and the one after is served the stale value.
    assert_eq!(
        lease(&mut pool, b"st"),
        (Outcome::Lease(Lease::WonStale), Some(b"old".to_vec()))
    );
    assert_eq!(
        lease(&mut pool, b"st"),
        (Outcome::Lease(Lease::Stale), Some(b"old".to_vec()))
    );
    assert_eq!(value(&mut pool, b"st"), None);
    assert_eq!(mark_stale(&mut pool, b"nothing"), Outcome::Rejected);
    assert!(pool.take_events().is_empty());
}

#[test]
fn sessions_lock_and_write_in_meta_and_serialise_with_ascii_workers() {
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
    let lock = |ascii: &mut Pool| get_all(ascii, &[b"msess.lock".to_vec()]);
    let mut first = SessionStore::new(pool(ProtocolKind::Meta), holding);
    assert_eq!(first.read(b"msess").unwrap(), b"");
    // The meta counter created the lock itself: value 1, flags 0.
    let held = lock(&mut ascii);
    assert_eq!((held[0].1, held[0].3.as_slice()), (0, b"1".as_slice()));
    // An ascii worker (the C extension's pipeline) cannot take it meanwhile.
    let mut blocked = SessionStore::new(pool(ProtocolKind::Ascii), waiting);
    assert!(blocked.read(b"msess").is_err(), "the lock is held");
    assert!(first.write(b"msess", b"a|i:1;", 60, Compression::default()));
    let released = lock(&mut ascii);
    assert_eq!(
        (released[0].1, released[0].3.as_slice()),
        (768, b"0".as_slice())
    );
    // An ascii worker takes the released lock; a meta one then waits for it.
    let mut second = SessionStore::new(pool(ProtocolKind::Ascii), holding);
    assert_eq!(second.read(b"msess").unwrap(), b"a|i:1;");
    let mut third = SessionStore::new(pool(ProtocolKind::Meta), waiting);
    assert!(third.read(b"msess").is_err(), "the ascii worker holds it");
    assert!(second.write(b"msess", b"a|i:2;", 60, Compression::default()));
    assert_eq!(third.read(b"msess").unwrap(), b"a|i:2;");
}

/// `workers` threads, each with a pool of its own over `server`, call the stampede guard for
/// one missing key at once; the one that is told to compute sleeps `compute` and stores
/// "computed". Returns how many computed and what each got.
fn stampede(
    server: &Memcached,
    protocol: ProtocolKind,
    workers: usize,
    compute: Duration,
) -> (usize, Vec<Vec<u8>>) {
    let computed = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Barrier::new(workers));
    let threads: Vec<_> = (0..workers)
        .map(|_| {
            let config = server.config(SECOND, 15, false);
            let (computed, start) = (Arc::clone(&computed), Arc::clone(&start));
            std::thread::spawn(move || {
                let mut pool = new_pool();
                pool.protocol = protocol;
                pool.add_server(config, 1, true);
                let policy = Policy::default();
                start.wait();
                match stampede::lookup(&mut pool, b"hot", 5, &policy) {
                    Lookup::Found { data, .. } => data,
                    Lookup::Compute(claim) => {
                        computed.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(compute);
                        claim.store(&mut pool, 0, b"computed", 60, &policy);
                        b"computed".to_vec()
                    }
                }
            })
        })
        .collect();
    let values = threads.into_iter().map(|t| t.join().unwrap()).collect();
    (computed.load(Ordering::SeqCst), values)
}

#[test]
fn one_caller_computes_a_missing_value_under_every_protocol() {
    for protocol in [
        ProtocolKind::Meta,
        ProtocolKind::Ascii,
        ProtocolKind::Binary,
    ] {
        let server = Memcached::start();
        let (computed, values) = stampede(&server, protocol, 8, Duration::from_millis(200));
        assert_eq!(computed, 1, "{protocol:?}");
        assert!(
            values.iter().all(|v| v == b"computed"),
            "{protocol:?} {values:?}"
        );
        // The claim is gone: the lock key (text, binary) was deleted.
        assert_eq!(
            server.command("mg hot.remember v\r\n"),
            "EN",
            "{protocol:?}"
        );
    }
}

#[test]
fn a_released_claim_goes_to_the_next_caller_at_once() {
    for protocol in [
        ProtocolKind::Meta,
        ProtocolKind::Ascii,
        ProtocolKind::Binary,
    ] {
        let server = Memcached::start();
        let mut pool = pool_of(protocol, &[&server], SECOND);
        let policy = Policy::default();
        let Lookup::Compute(claim) = stampede::lookup(&mut pool, b"k", 30, &policy) else {
            panic!("a miss is computed");
        };
        claim.release(&mut pool, &policy);
        let started = Instant::now();
        let Lookup::Compute(claim) = stampede::lookup(&mut pool, b"k", 30, &policy) else {
            panic!("the released claim is taken again");
        };
        // Far below the 30 s wait: it was not waited out.
        assert!(started.elapsed() < Duration::from_secs(10), "{protocol:?}");
        claim.store(&mut pool, 5, b"v", 60, &policy);
        assert!(matches!(
            stampede::lookup(&mut pool, b"k", 30, &policy),
            Lookup::Found { flags: 5, data } if data == b"v"
        ));
    }
}

/// Returns just before memcached's clock ticks: it counts whole seconds, so an item given 1 s
/// now would be gone about 0.1 s later (seen: a probe item given 1 s expires at a tick).
fn just_before_a_clock_tick(server: &Memcached) {
    assert_eq!(server.command("ms tick 1 T1\r\nx\r\n"), "HD");
    let deadline = Instant::now() + 3 * SECOND;
    while server.command("mg tick\r\n") != "EN" {
        assert!(Instant::now() < deadline, "memcached's clock never ticked");
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(Duration::from_millis(900));
}

#[test]
fn a_claim_lives_as_long_as_the_callers_that_wait_for_it() {
    // A claim given only the wait as its TTL, taken just before memcached's clock ticks, is
    // gone a tenth of the wait later, and a waiting caller recomputes too.
    for protocol in [
        ProtocolKind::Meta,
        ProtocolKind::Ascii,
        ProtocolKind::Binary,
    ] {
        let server = Memcached::start();
        let mut pool = pool_of(protocol, &[&server], SECOND);
        let policy = Policy::default();
        just_before_a_clock_tick(&server);
        let Lookup::Compute(claim) = stampede::lookup(&mut pool, b"k", 1, &policy) else {
            panic!("a miss is computed");
        };
        let taken = Instant::now();
        // Just before a caller that started waiting with it gives up.
        std::thread::sleep(Duration::from_millis(950).saturating_sub(taken.elapsed()));
        let claim_item = match protocol {
            ProtocolKind::Meta => "mg k\r\n",
            _ => "mg k.remember\r\n",
        };
        let reply = server.command(claim_item);
        assert!(
            reply.starts_with("HD"),
            "{protocol:?}: the claim expired ({reply})"
        );
        claim.store(&mut pool, 0, b"v", 60, &policy);
        assert_eq!(value(&mut pool, b"k"), Some(b"v".to_vec()), "{protocol:?}");
    }
}

#[test]
fn a_lease_never_overwrites_a_newer_value_and_survives_its_placeholder() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let policy = Policy::default();
    let Lookup::Compute(claim) = stampede::lookup(&mut pool, b"k", 30, &policy) else {
        panic!("a miss is computed");
    };
    assert_eq!(
        run(&mut pool, b"k", store(StoreOp::Set, 0, 0, b"newer")),
        Outcome::Done
    );
    claim.store(&mut pool, 0, b"older", 60, &policy);
    assert_eq!(value(&mut pool, b"k"), Some(b"newer".to_vec()));
    // A recompute that outlives its placeholder (a 1 s wait: 2 s) still stores its value.
    let Lookup::Compute(claim) = stampede::lookup(&mut pool, b"slow", 1, &policy) else {
        panic!("a miss is computed");
    };
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(value(&mut pool, b"slow"), None, "the placeholder expired");
    claim.store(&mut pool, 0, b"late", 60, &policy);
    assert_eq!(value(&mut pool, b"slow"), Some(b"late".to_vec()));
}

#[test]
fn a_stale_value_is_served_while_one_caller_recomputes_it() {
    let server = Memcached::start();
    let mut recomputer = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let mut reader = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let policy = Policy::default();
    assert_eq!(
        run(&mut reader, b"k", store(StoreOp::Set, 3, 0, b"old")),
        Outcome::Done
    );
    assert_eq!(mark_stale(&mut reader, b"k"), Outcome::Done);
    let Lookup::Compute(claim) = stampede::lookup(&mut recomputer, b"k", 30, &policy) else {
        panic!("the first caller recomputes");
    };
    let started = Instant::now();
    assert!(matches!(
        stampede::lookup(&mut reader, b"k", 30, &policy),
        Lookup::Found { flags: 3, data } if data == b"old"
    ));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "served, not waited"
    );
    // A failed recompute hands the stale value back: the next caller recomputes.
    claim.release(&mut recomputer, &policy);
    let Lookup::Compute(claim) = stampede::lookup(&mut reader, b"k", 30, &policy) else {
        panic!("the next caller recomputes");
    };
    claim.store(&mut reader, 0, b"new", 60, &policy);
    assert!(matches!(
        stampede::lookup(&mut recomputer, b"k", 30, &policy),
        Lookup::Found { data, .. } if data == b"new"
    ));
}

#[test]
fn a_placeholder_invalidated_during_its_recompute_is_never_served() {
    let server = Memcached::start();
    let mut winner = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let mut other = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let policy = Policy::default();
    let Lookup::Compute(first) = stampede::lookup(&mut winner, b"k", 30, &policy) else {
        panic!("a miss is computed");
    };
    assert_eq!(mark_stale(&mut other, b"k"), Outcome::Done);
    // The stale placeholder's recompute goes to the next caller...
    let Lookup::Compute(second) = stampede::lookup(&mut other, b"k", 30, &policy) else {
        panic!("the invalidated placeholder is recomputed");
    };
    // ... and a third one waits (1 s here) rather than being served the empty placeholder.
    let mut third = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let Lookup::Compute(unguarded) = stampede::lookup(&mut third, b"k", 1, &policy) else {
        panic!("nothing to serve");
    };
    unguarded.store(&mut third, 0, b"unguarded", 60, &policy);
    // The first recompute started before the invalidation: its value is refused.
    first.store(&mut winner, 0, b"before", 60, &policy);
    second.store(&mut other, 0, b"after", 60, &policy);
    assert_eq!(value(&mut third, b"k"), Some(b"after".to_vec()));
}

#[test]
fn without_a_server_the_caller_computes_at_once() {
    for protocol in [ProtocolKind::Meta, ProtocolKind::Ascii] {
        let mut pool = new_pool();
        pool.protocol = protocol;
        pool.add_server(loopback_config(common::free_port(), SECOND, 15), 1, true);
        let started = Instant::now();
        let Lookup::Compute(claim) = stampede::lookup(&mut pool, b"k", 30, &Policy::default())
        else {
            panic!("nothing to find");
        };
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{protocol:?}: no wait"
        );
        claim.store(&mut pool, 0, b"v", 60, &Policy::default());
        assert_eq!(failure_messages(&pool.take_events()).len(), 1);
    }
}
