//! The pool speaking memcached's binary protocol against real memcached processes (and fake
//! servers for broken replies): quiet multi-gets, counters with an initial value, refused
//! stores, SASL against a server without it, sessions, and cross-protocol reads.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use common::{execute_one, get_items, loopback_config, new_pool, pool_of, store, Item, Memcached};
use memcache::pool::recovery::FailbackFlush;
use memcache::pool::{Command, Event, Outcome, Policy, Pool, Request, SaslCredentials};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;
use memcache::session::{SessionSettings, SessionStore};
use memcache::value::Compression;

const SECOND: Duration = Duration::from_secs(1);

fn binary_pool() -> Pool {
    let mut pool = new_pool();
    pool.protocol = ProtocolKind::Binary;
    pool
}

fn run(pool: &mut Pool, key: &[u8], command: Command<'_>) -> Outcome {
    execute_one(pool, &Policy::default(), key, command)
}

/// `(key, flags, cas, value)` of every hit of a multi-get.
fn get_all(pool: &mut Pool, keys: &[Vec<u8>]) -> Vec<Item> {
    get_items(pool, &Policy::default(), keys, true)
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
fn multi_get_over_quiet_gets_spans_servers_and_skips_misses() {
    let a = Memcached::start();
    let b = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Binary, &[&a, &b], SECOND);
    let keys: Vec<Vec<u8>> = (0..120).map(|i| format!("bin-{i}").into_bytes()).collect();
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
    assert!(pool.take_events().is_empty());
    for (key, flags, cas, value) in &found {
        assert_eq!(key, value);
        let index: u32 = std::str::from_utf8(&key[4..]).unwrap().parse().unwrap();
        assert_eq!(*flags, index);
        assert!(*cas > 0);
    }
    assert!(a.stat("curr_items") > 10 && b.stat("curr_items") > 10);
    assert!(pool.take_events().is_empty());
    // A lone get is a plain GET; its miss is no failure either.
    assert!(get_all(&mut pool, &[b"bin-1".to_vec()]).is_empty());
    assert_eq!(get_all(&mut pool, &[b"bin-2".to_vec()]).len(), 1);
}

#[test]
fn counters_create_a_missing_key_only_with_an_initial_value() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Binary, &[&server], SECOND);
    let counter = |delta, initial| Command::Counter { delta, initial };
    assert_eq!(run(&mut pool, b"cnt", counter(1, None)), Outcome::Rejected);
    assert_eq!(
        run(&mut pool, b"cnt", counter(1, Some((10, 0)))),
        Outcome::Counter(10)
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
        run(&mut pool, b"text", store(StoreOp::Set, 0, 0, b"abc")),
        Outcome::Done
    );
    assert_eq!(
        run(&mut pool, b"text", counter(1, None)),
        Outcome::ErrorReply {
            message: "Non-numeric server-side value for incr or decr".into(),
            code: 6
        }
    );
    let events = pool.take_events();
    assert!(failure_messages(&events).is_empty(), "{events:?}");
}

#[test]
fn refused_stores_are_rejections_not_failures() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Binary, &[&server], SECOND);
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
    // In binary a set with a CAS value is conditional too.
    assert_eq!(
        run(&mut pool, b"there", store(StoreOp::Set, 0, cas + 1, b"3")),
        Outcome::Rejected
    );
    assert_eq!(
        run(&mut pool, b"there", store(StoreOp::Cas, 0, cas, b"4")),
        Outcome::Done
    );
    assert_eq!(run(&mut pool, b"there", Command::Delete), Outcome::Done);
    assert_eq!(run(&mut pool, b"there", Command::Delete), Outcome::Rejected);
    let too_large = vec![b'x'; 2 * 1024 * 1024];
    assert_eq!(
        run(&mut pool, b"big", store(StoreOp::Set, 0, 0, &too_large)),
        Outcome::ErrorReply {
            message: "Too large.".into(),
            code: 3
        }
    );
    assert!(failure_messages(&pool.take_events()).is_empty());
    assert_eq!(
        run(&mut pool, b"after", store(StoreOp::Set, 0, 0, b"ok")),
        Outcome::Done
    );
}

#[test]
fn items_written_in_binary_read_the_same_in_ascii() {
    let server = Memcached::start();
    let mut binary = binary_pool();
    binary.add_server(server.config(SECOND, 15, false), 1, true);
    let mut ascii = new_pool();
    ascii.add_server(server.config(SECOND, 15, false), 1, true);
    let value = (0..=255u8).collect::<Vec<u8>>();
    assert_eq!(
        run(
            &mut binary,
            b"shared",
            store(StoreOp::Set, 0x0001_0300, 0, &value)
        ),
        Outcome::Done
    );
    let from_ascii = get_all(&mut ascii, &[b"shared".to_vec()]);
    let from_binary = get_all(&mut binary, &[b"shared".to_vec()]);
    assert_eq!(from_ascii[0].1, 0x0001_0300);
    assert_eq!(from_ascii[0].3, value);
    assert_eq!(
        from_ascii[0].2, from_binary[0].2,
        "same CAS unique both ways"
    );
    assert_eq!(from_binary[0].3, value);
}

#[test]
fn version_flush_and_stats() {
    let server = Memcached::start();
    let mut pool = binary_pool();
    let index = pool.add_server(server.config(SECOND, 15, false), 1, true);
    let mut version = [Request::for_server(index, Command::Version)];
    pool.execute(&mut version, &Policy::default());
    assert!(matches!(&version[0].outcome, Outcome::Version(v) if v.starts_with(b"1.")));
    assert_eq!(
        run(&mut pool, b"f", store(StoreOp::Set, 0, 0, b"v")),
        Outcome::Done
    );
    // The delay is not sent: the flush is immediate.
    let mut flush = [Request::for_server(index, Command::Flush { delay: 30 })];
    pool.execute(&mut flush, &Policy::default());
    assert_eq!(flush[0].outcome, Outcome::Done);
    assert!(get_all(&mut pool, &[b"f".to_vec()]).is_empty());
    // No stats in binary: a no-op is sent and the answer is a plain refusal.
    let mut stats = [Request::for_server(index, Command::Stats { args: &[] })];
    pool.execute(&mut stats, &Policy::default());
    assert_eq!(stats[0].outcome, Outcome::Rejected);
    assert!(pool.take_events().is_empty());
}

#[test]
fn sasl_against_a_server_without_sasl_fails_it_with_unknown_command() {
    let server = Memcached::start();
    let mut pool = binary_pool();
    let mut config = server.config(SECOND, 15, false);
    config.sasl = Some(SaslCredentials {
        username: b"user".to_vec(),
        password: b"secret".to_vec(),
    });
    pool.add_server(config, 1, true);
    assert_eq!(
        run(&mut pool, b"k", store(StoreOp::Set, 0, 0, b"v")),
        Outcome::Failed
    );
    assert_eq!(
        failure_messages(&pool.take_events()),
        vec!["Unknown command".to_string()]
    );
}

/// A fake server: on each of `replies.len()` connections, answers a `VERSION` probe (what
/// a failed server gets before it rejoins) properly, then the next request with the given
/// bytes, and closes the connection.
fn fake_server(replies: Vec<Vec<u8>>) -> (u16, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let thread = std::thread::spawn(move || {
        for reply in replies {
            let (mut conn, _) = listener.accept().unwrap();
            let mut buf = [0u8; 1024];
            let mut n = conn.read(&mut buf).unwrap_or(0);
            if n >= 24 && buf[1] == 0x0b {
                let _ = conn.write_all(&response(0x0b, 0, 0, &[], b"1.6.18"));
                n = conn.read(&mut buf).unwrap_or(0);
            }
            if n > 0 {
                let _ = conn.write_all(&reply);
            }
        }
    });
    (port, thread)
}

/// A binary response header plus body.
fn response(opcode: u8, status: u16, opaque: u32, extras: &[u8], value: &[u8]) -> Vec<u8> {
    let mut frame = vec![0x81, opcode, 0, 0, extras.len() as u8, 0];
    frame.extend_from_slice(&status.to_be_bytes());
    frame.extend_from_slice(&((extras.len() + value.len()) as u32).to_be_bytes());
    frame.extend_from_slice(&opaque.to_be_bytes());
    frame.extend_from_slice(&[0; 8]);
    frame.extend_from_slice(extras);
    frame.extend_from_slice(value);
    frame
}

#[test]
fn broken_binary_replies_fail_the_server_and_are_never_reused() {
    let hit = response(0x00, 0, 0, &[0, 0, 0, 0], b"hello");
    let replies = vec![
        // Text where a binary frame belongs.
        b"ERROR\r\n".to_vec(),
        // A frame for a request that was never sent.
        response(0x00, 0, 7, &[0, 0, 0, 0], b"x"),
        // A hit without its 4 bytes of flags.
        response(0x00, 0, 0, &[], b"x"),
        // Half a frame, then the connection closes.
        hit[..30].to_vec(),
        // Finally a good answer on a fresh connection.
        hit.clone(),
    ];
    let (port, fake) = fake_server(replies);
    let mut pool = binary_pool();
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
    for _ in 0..4 {
        assert_eq!(get(&mut pool), None);
        messages.extend(failure_messages(&pool.take_events()));
    }
    assert_eq!(
        messages,
        vec![
            "Malformed server response".to_string(),
            "Unexpected binary response (opcode 0x00, opaque 7)".to_string(),
            "Malformed server response".to_string(),
            "Read failed (socket was unexpectedly closed)".to_string(),
        ]
    );
    assert_eq!(get(&mut pool), Some(b"hello".to_vec()));
    drop(pool);
    fake.join().unwrap();
}

#[test]
fn sessions_lock_and_write_in_binary() {
    let server = Memcached::start();
    let pool = |protocol| {
        let mut pool = new_pool();
        pool.protocol = protocol;
        pool.add_server(server.config(SECOND, 15, false), 1, true);
        pool
    };
    let settings = SessionSettings {
        redundancy: 1,
        lock_timeout: 15,
        fail_on_lock_timeout: true,
        policy: Policy::default(),
    };
    let mut ascii = pool(ProtocolKind::Ascii);
    let lock = |ascii: &mut Pool| get_all(ascii, &[b"bsess.lock".to_vec()]);
    let mut first = SessionStore::new(pool(ProtocolKind::Binary), settings);
    assert_eq!(first.read(b"bsess").unwrap(), b"");
    // The binary incr created the lock itself: value 1, flags 0.
    let held = lock(&mut ascii);
    assert_eq!((held[0].1, held[0].3.as_slice()), (0, b"1".as_slice()));
    assert!(first.write(b"bsess", b"a|i:1;", 60, Compression::default()));
    let released = lock(&mut ascii);
    assert_eq!(
        (released[0].1, released[0].3.as_slice()),
        (768, b"0".as_slice())
    );
    let mut second = SessionStore::new(pool(ProtocolKind::Binary), settings);
    assert_eq!(second.read(b"bsess").unwrap(), b"a|i:1;");
    assert_eq!(lock(&mut ascii)[0].3, b"1");
}
