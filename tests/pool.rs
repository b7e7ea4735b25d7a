//! The pool against real memcached processes: routing, batching, failover, timeouts, broken
//! replies and stale connections.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{
    closed_port_config, failures, get_all, keys, loopback_config, new_pool, pool_of, set, Memcached,
};
use memcache::pool::recovery::FailbackFlush;
use memcache::pool::{Event, Outcome, Policy, Pool};
use memcache::protocol::ProtocolKind;

const SECOND: Duration = Duration::from_secs(1);

#[test]
fn multi_get_spans_servers_in_one_batch() {
    let a = Memcached::start();
    let b = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Ascii, &[&a, &b], SECOND);
    let policy = Policy::default();
    let keys = keys(200, "multi");
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, k, 0), Outcome::Done);
    }
    let mut missing = keys.clone();
    missing.push(b"multi-absent".to_vec());
    let found = get_all(&mut pool, &policy, &missing);
    assert_eq!(found.len(), 200);
    assert!(found.iter().all(|(k, v)| k == v));
    // Both servers hold part of the keys.
    let mut only_a = Pool::new(
        Default::default(),
        Default::default(),
        Default::default(),
        Default::default(),
    );
    only_a.add_server(a.config(SECOND, 15, false), 1, true);
    let on_a = get_all(&mut only_a, &policy, &keys).len();
    assert!(on_a > 40 && on_a < 160, "{on_a} of 200 keys on server a");
    assert!(pool.take_events().is_empty());
}

#[test]
fn one_connection_serves_many_gets_and_sets() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Ascii, &[&server], SECOND);
    let policy = Policy::default();
    let before = server.stat("total_connections");
    for i in 0..20 {
        let key = format!("reuse-{i}").into_bytes();
        assert_eq!(set(&mut pool, &policy, &key, b"value", 0), Outcome::Done);
        assert_eq!(
            get_all(&mut pool, &policy, std::slice::from_ref(&key)).len(),
            1
        );
        assert!(get_all(&mut pool, &policy, &[b"reuse-missing".to_vec(), key]).len() == 1);
    }
    // One connection for the pool, one for each stats query.
    assert_eq!(server.stat("total_connections") - before, 2);
}

/// A pool of a loopback port that refuses connections (server 0) and `live` (server 1).
fn refused_then(live: &Memcached) -> Pool {
    let mut pool = new_pool();
    pool.add_server(closed_port_config(SECOND, 15), 1, true);
    pool.add_server(live.config(SECOND, 15, false), 1, true);
    pool
}

#[test]
fn refused_server_fails_over_with_one_event() {
    let live = Memcached::start();
    let mut pool = refused_then(&live);
    let policy = Policy::default();
    let keys = keys(50, "refused");
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"v", 0), Outcome::Done);
    }
    assert_eq!(get_all(&mut pool, &policy, &keys).len(), 50);
    let events = pool.take_events();
    assert_eq!(failures(&events), 1, "{events:?}");
    let Event::Failure(event) = &events[0] else {
        unreachable!()
    };
    assert_eq!(event.message, "Connection failed: Connection refused");
    assert_eq!(event.errnum, 111);
    assert!(pool.server(0).borrow().health.is_failed());
}

#[test]
fn without_failover_the_dead_servers_keys_fail() {
    let live = Memcached::start();
    let mut pool = refused_then(&live);
    let policy = Policy {
        allow_failover: false,
        ..Policy::default()
    };
    let keys = keys(50, "nofailover");
    let outcomes: Vec<Outcome> = keys
        .iter()
        .map(|k| set(&mut pool, &policy, k, b"v", 0))
        .collect();
    let failed = outcomes.iter().filter(|o| **o == Outcome::Failed).count();
    let stored = outcomes.iter().filter(|o| **o == Outcome::Done).count();
    assert_eq!(failed + stored, 50);
    assert!(failed > 5 && stored > 5, "failed {failed}, stored {stored}");
    assert_eq!(failures(&pool.take_events()), 1);
}

#[test]
fn hung_server_times_out_and_is_skipped_until_retry() {
    let hung = Memcached::start();
    let live = Memcached::start();
    let mut pool = new_pool();
    let timeout = Duration::from_millis(200);
    pool.add_server(hung.config(timeout, 2, false), 1, true);
    pool.add_server(live.config(timeout, 2, false), 1, true);
    let policy = Policy::default();
    // Connect both first so the hang happens mid-exchange, not at connect.
    let keys = keys(40, "hung");
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"v", 0), Outcome::Done);
    }
    hung.pause();
    let started = Instant::now();
    let found = get_all(&mut pool, &policy, &keys);
    let elapsed = started.elapsed();
    assert!(elapsed >= timeout, "{elapsed:?}");
    // One timeout: a hung server on a kept connection is not retried as a stale socket.
    assert!(elapsed < timeout * 2, "{elapsed:?}");
    assert!(
        found.len() < 40,
        "the hung server's keys are misses on failover"
    );
    let events = pool.take_events();
    assert_eq!(failures(&events), 1);
    let Event::Failure(event) = &events[0] else {
        unreachable!()
    };
    assert_eq!(event.message, "Network timeout");
    // Within the retry interval nothing waits on it.
    let started = Instant::now();
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"w", 0), Outcome::Done);
    }
    assert!(started.elapsed() < timeout, "{:?}", started.elapsed());
    assert!(pool.take_events().is_empty());
    hung.resume();
}

#[test]
fn value_too_large_is_an_error_reply_not_a_failure() {
    let server = Memcached::start();
    let mut pool = new_pool();
    pool.add_server(server.config(SECOND * 5, 15, false), 1, true);
    let policy = Policy::default();
    let big = vec![b'x'; 2 * 1024 * 1024];
    let outcome = set(&mut pool, &policy, b"big", &big, 0);
    assert!(
        matches!(&outcome, Outcome::ErrorReply { code: 3, message } if message.starts_with("SERVER_ERROR object too large")),
        "{outcome:?}"
    );
    let events = pool.take_events();
    assert!(
        matches!(events.as_slice(), [Event::ErrorReply(_)]),
        "{events:?}"
    );
    assert!(!pool.server(0).borrow().health.is_failed());
    assert_eq!(set(&mut pool, &policy, b"small", b"ok", 0), Outcome::Done);
    assert_eq!(
        get_all(&mut pool, &policy, &[b"small".to_vec()]),
        vec![(b"small".to_vec(), b"ok".to_vec())]
    );
}

#[test]
fn restarted_server_costs_no_failure_on_a_kept_connection() {
    let port;
    let mut pool = new_pool();
    let policy = Policy::default();
    {
        let server = Memcached::start();
        port = server.port;
        pool.add_server(server.config(SECOND, 15, false), 1, true);
        assert_eq!(set(&mut pool, &policy, b"k", b"v1", 0), Outcome::Done);
    }
    let _server = Memcached::start_on(port);
    assert_eq!(set(&mut pool, &policy, b"k", b"v2", 0), Outcome::Done);
    assert!(pool.take_events().is_empty());
    assert!(!pool.server(0).borrow().health.is_failed());
}

#[test]
fn a_round_over_several_servers_reopens_the_kept_connection_a_restart_closed() {
    let a = Memcached::start();
    let port_b;
    let mut pool;
    let policy = Policy::default();
    let keys = keys(60, "restart-round");
    {
        let b = Memcached::start();
        port_b = b.port;
        pool = pool_of(ProtocolKind::Ascii, &[&a, &b], SECOND);
        for k in &keys {
            assert_eq!(set(&mut pool, &policy, k, k, 0), Outcome::Done);
        }
        assert_eq!(get_all(&mut pool, &policy, &keys).len(), 60);
    }
    // Server b restarts empty: its kept connection is closed, a's is idle.
    let _b = Memcached::start_on(port_b);
    let found = get_all(&mut pool, &policy, &keys);
    let on_a = keys
        .iter()
        .filter(|k| pool.find_server(k, &policy) == Some(0))
        .count();
    assert!(on_a > 0 && on_a < 60, "{on_a} of 60 keys on server a");
    assert_eq!(
        found.len(),
        on_a,
        "a's values, none of b's (restarted empty)"
    );
    assert!(found.iter().all(|(k, v)| k == v));
    assert!(pool.take_events().is_empty(), "no failure");
    assert!(!pool.server(1).borrow().health.is_failed());
}

#[test]
fn bytes_a_server_sent_unasked_on_a_kept_connection_are_never_taken_for_a_reply_in_a_round_over_several_servers(
) {
    let real = Memcached::start();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let fake_port = listener.local_addr().unwrap().port();
    let mut pool = new_pool();
    pool.add_server(loopback_config(fake_port, SECOND, 15), 1, true);
    pool.add_server(real.config(SECOND, 15, false), 1, true);
    let policy = Policy::default();
    let keys = keys(40, "unasked");
    let (on_fake, on_real): (Vec<_>, Vec<_>) = keys
        .iter()
        .cloned()
        .partition(|k| pool.find_server(k, &policy) == Some(0));
    assert!(!on_fake.is_empty() && !on_real.is_empty());
    // What the fake sends unasked is a complete, well-formed answer to a get of one of its
    // keys: read as the reply to the next round's get, it would hand out its value.
    let stray = format!(
        "VALUE {} 0 5\r\nstray\r\nEND\r\n",
        String::from_utf8_lossy(&on_fake[0])
    );
    let fake = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let _ = conn.read(&mut buf).unwrap();
        conn.write_all(b"END\r\n").unwrap();
        std::thread::sleep(Duration::from_millis(50));
        conn.write_all(stray.as_bytes()).unwrap();
        // Ends once the client closes the connection.
        while conn.read(&mut buf).is_ok_and(|n| n > 0) {}
    });
    for k in &on_real {
        assert_eq!(set(&mut pool, &policy, k, b"real", 0), Outcome::Done);
    }
    // One exchange with the fake: its connection is kept, idle for the client.
    assert!(get_all(&mut pool, &policy, &on_fake[..1]).is_empty());
    assert!(pool.take_events().is_empty());
    std::thread::sleep(Duration::from_millis(300));

    let found = get_all(&mut pool, &policy, &keys);
    assert!(
        found.iter().all(|(_, v)| v == b"real"),
        "a value from the unasked bytes: {found:?}"
    );
    assert_eq!(found.len(), on_real.len());
    let events = pool.take_events();
    assert_eq!(failures(&events), 1, "{events:?}");
    assert!(
        format!("{events:?}").contains("Unsolicited data from the server before the request"),
        "{events:?}"
    );
    drop(pool);
    fake.join().unwrap();
}

#[test]
fn a_reply_cut_mid_value_fails_the_server_and_the_next_request_is_clean() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let fake = std::thread::spawn(move || {
        // First connection: half a VALUE block, then close.
        let (mut conn, _) = listener.accept().unwrap();
        let mut buf = [0u8; 256];
        let _ = conn.read(&mut buf);
        conn.write_all(b"VALUE k 0 10\r\nabc").unwrap();
        drop(conn);
        // Second connection: the probe's `version` (retry interval 0, no failback flush), then
        // a correct answer.
        let (mut conn, _) = listener.accept().unwrap();
        let n = conn.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"version\r\n");
        conn.write_all(b"VERSION 1.6.18\r\n").unwrap();
        let _ = conn.read(&mut buf);
        conn.write_all(b"VALUE k 0 5\r\nhello\r\nEND\r\n").unwrap();
        let _ = conn.read(&mut buf);
    });
    let mut pool = new_pool();
    pool.add_server(loopback_config(port, SECOND, 0), 1, true);
    let policy = Policy {
        failback_flush: FailbackFlush::Never,
        ..Policy::default()
    };
    assert!(get_all(&mut pool, &policy, &[b"k".to_vec()]).is_empty());
    let events = pool.take_events();
    assert_eq!(failures(&events), 1, "{events:?}");
    assert_eq!(
        get_all(&mut pool, &policy, &[b"k".to_vec()]),
        vec![(b"k".to_vec(), b"hello".to_vec())]
    );
    // The healthy connection is kept; the fake server ends when it is closed.
    drop(pool);
    fake.join().unwrap();
}

/// A pool with the one server listening on `listener`'s port (retry interval 15 s).
fn pool_on(listener: &TcpListener, timeout: Duration) -> Pool {
    let mut pool = new_pool();
    let port = listener.local_addr().unwrap().port();
    pool.add_server(loopback_config(port, timeout, 15), 1, true);
    pool
}

/// Answers a get of `k` with the header of a 100-byte value, then a byte of it every 100 ms:
/// progress well within a 300 ms timeout, forever (50 bytes, 5 s), unless the client goes away.
fn trickle(conn: &mut TcpStream) {
    conn.write_all(b"VALUE k 0 100\r\n").unwrap();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(100));
        if conn.write_all(b"x").is_err() {
            break;
        }
    }
}

/// Asserts that a get of `k` from `pool` (a 300 ms timeout) finds nothing within 600 ms and
/// fails the server once; then waits for the `fake` server, which ends once the pool is gone.
fn assert_get_times_out(mut pool: Pool, policy: &Policy, fake: JoinHandle<()>) {
    let start = Instant::now();
    assert!(get_all(&mut pool, policy, &[b"k".to_vec()]).is_empty());
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_millis(600), "{elapsed:?}");
    let events = pool.take_events();
    assert_eq!(failures(&events), 1, "{events:?}");
    drop(pool);
    fake.join().unwrap();
}

#[test]
fn a_reply_trickling_in_times_out_though_every_byte_comes_within_the_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let pool = pool_on(&listener, Duration::from_millis(300));
    let fake = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut buf = [0u8; 256];
        let _ = conn.read(&mut buf);
        trickle(&mut conn);
    });
    assert_get_times_out(pool, &Policy::default(), fake);
}

/// The same on a kept connection, whose replies are waited for in `recv` rather than `poll`.
#[test]
fn a_reply_trickling_in_on_a_kept_connection_times_out_too() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut pool = pool_on(&listener, Duration::from_millis(300));
    let fake = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut buf = [0u8; 256];
        let _ = conn.read(&mut buf);
        conn.write_all(b"VALUE k 0 2\r\nok\r\nEND\r\n").unwrap();
        let _ = conn.read(&mut buf);
        trickle(&mut conn);
    });
    let policy = Policy::default();
    assert_eq!(
        get_all(&mut pool, &policy, &[b"k".to_vec()]),
        vec![(b"k".to_vec(), b"ok".to_vec())]
    );
    assert_get_times_out(pool, &policy, fake);
}

#[test]
fn a_large_reply_may_take_many_timeouts_when_it_keeps_coming() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut pool = pool_on(&listener, Duration::from_millis(200));
    let value = vec![b'v'; 1 << 20];
    let sent = value.clone();
    let fake = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut buf = [0u8; 256];
        let _ = conn.read(&mut buf);
        conn.write_all(b"VALUE k 0 1048576\r\n").unwrap();
        // 16 chunks of 64 KiB, 60 ms apart: about 1 s in all, five timeouts, each pause within
        // one and the rate above 64 KiB per timeout.
        for chunk in sent.chunks(64 * 1024) {
            std::thread::sleep(Duration::from_millis(60));
            conn.write_all(chunk).unwrap();
        }
        conn.write_all(b"\r\nEND\r\n").unwrap();
        let _ = conn.read(&mut buf);
    });
    let start = Instant::now();
    let hits = get_all(&mut pool, &Policy::default(), &[b"k".to_vec()]);
    assert!(start.elapsed() > Duration::from_millis(800));
    assert_eq!(hits, vec![(b"k".to_vec(), value)]);
    assert_eq!(failures(&pool.take_events()), 0);
    drop(pool);
    fake.join().unwrap();
}

#[test]
fn unix_socket_server_works() {
    let server = Memcached::start_unix();
    let mut pool = pool_of(ProtocolKind::Ascii, &[&server], SECOND);
    let policy = Policy::default();
    assert_eq!(
        set(&mut pool, &policy, b"unix", b"socket", 0),
        Outcome::Done
    );
    assert_eq!(
        get_all(&mut pool, &policy, &[b"unix".to_vec()]),
        vec![(b"unix".to_vec(), b"socket".to_vec())]
    );
}

#[test]
fn a_server_added_down_with_no_retry_takes_no_traffic() {
    let down = Memcached::start();
    let live = Memcached::start();
    let mut pool = new_pool();
    pool.add_server(down.config(SECOND, -1, false), 1, false);
    pool.add_server(live.config(SECOND, -1, false), 1, true);
    let policy = Policy::default();
    for k in keys(30, "down") {
        assert_eq!(set(&mut pool, &policy, &k, b"v", 0), Outcome::Done);
    }
    let mut only_down = new_pool();
    only_down.add_server(down.config(SECOND, 15, false), 1, true);
    assert!(get_all(&mut only_down, &policy, &keys(30, "down")).is_empty());
    assert!(pool.take_events().is_empty());
}
