//! Failure management against real memcached processes: probe before rejoin, the failback
//! flush modes (no stale reads after a partition), restarted servers kept as they are, the
//! failback callback's veto, `failure_limit` and `failover_ttl`.

mod common;

use std::time::Duration;

use common::{failures, get_all, keys, new_pool, pool_of, set, Memcached};
use memcache::pool::recovery::FailbackFlush;
use memcache::pool::{Event, Outcome, Policy};
use memcache::protocol::ProtocolKind;

const TIMEOUT: Duration = Duration::from_millis(200);

fn policy(flush: FailbackFlush) -> Policy {
    Policy {
        failback_flush: flush,
        ..Policy::default()
    }
}

/// The stale-read scenario of a partition: v1 everywhere, one server hangs, v2 is written (the
/// hung server's keys land on the other one), the server comes back with its memory, the retry
/// interval passes, every key is read. Returns how many reads gave v1.
fn stale_reads_after_partition(flush: FailbackFlush, protocol: ProtocolKind) -> usize {
    let a = Memcached::start();
    let b = Memcached::start();
    if flush == FailbackFlush::Auto {
        // `auto` tells a server that kept its memory from a restarted one by its uptime: this
        // one must have been up for a few seconds before the outage (as a real one is).
        std::thread::sleep(Duration::from_secs(4));
    }
    let mut pool = new_pool();
    pool.protocol = protocol;
    // Retry interval 2 s: failure times are whole seconds, so 1 s could be due at once.
    pool.add_server(a.config(TIMEOUT, 2, false), 1, true);
    pool.add_server(b.config(TIMEOUT, 2, false), 1, true);
    let policy = policy(flush);
    let keys = keys(500, "stale");
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"v1", 0), Outcome::Done);
    }
    a.pause();
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"v2", 0), Outcome::Done);
    }
    assert_eq!(
        failures(&pool.take_events()),
        1,
        "one timeout, then skipped"
    );
    a.resume();
    std::thread::sleep(Duration::from_millis(3100));
    let values = get_all(&mut pool, &policy, &keys);
    assert!(pool.take_events().is_empty());
    assert!(pool.is_usable(0), "the server rejoined");
    values.iter().filter(|(_, v)| v == b"v1").count()
}

#[test]
fn auto_never_returns_a_value_overwritten_during_the_outage() {
    assert_eq!(
        stale_reads_after_partition(FailbackFlush::Auto, ProtocolKind::Ascii),
        0
    );
}

#[test]
fn auto_in_binary_reads_the_uptime_too() {
    assert_eq!(
        stale_reads_after_partition(FailbackFlush::Auto, ProtocolKind::Binary),
        0
    );
}

#[test]
fn always_never_returns_a_value_overwritten_during_the_outage() {
    assert_eq!(
        stale_reads_after_partition(FailbackFlush::Always, ProtocolKind::Ascii),
        0
    );
}

#[test]
fn never_brings_the_stale_values_back_as_the_c_extension_does() {
    let stale = stale_reads_after_partition(FailbackFlush::Never, ProtocolKind::Ascii);
    assert!(stale > 100, "{stale} of 500 reads gave v1");
}

#[test]
fn a_restarted_server_keeps_what_was_written_to_it_since() {
    let b = Memcached::start();
    let mut a = Memcached::start();
    let port = a.port;
    let mut pool = new_pool();
    pool.add_server(a.config(TIMEOUT, 1, false), 1, true);
    pool.add_server(b.config(TIMEOUT, 1, false), 1, true);
    let policy = policy(FailbackFlush::Auto);
    let keys = keys(40, "restart");
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"old", 0), Outcome::Done);
    }
    drop(a);
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"new", 0), Outcome::Done);
    }
    assert_eq!(failures(&pool.take_events()), 1);
    a = Memcached::start_on(port);
    // Another client writes to the restarted server meanwhile, a key that maps to it.
    let since = keys
        .iter()
        .find(|k| new_pool_find(&a, &b, k) == 0)
        .expect("a key of server a");
    let key = String::from_utf8_lossy(since);
    assert_eq!(
        a.command(&format!("set {key} 0 0 5\r\nfresh\r\n")),
        "STORED"
    );
    std::thread::sleep(Duration::from_millis(2100));
    let found = get_all(&mut pool, &policy, std::slice::from_ref(since));
    assert!(pool.is_usable(0));
    assert_eq!(found, [(since.clone(), b"fresh".to_vec())], "not flushed");
    assert_eq!(a.stat("cmd_flush"), 0);
}

/// The pool index `key` maps to in a pool of `a` and `b` where both are up.
fn new_pool_find(a: &Memcached, b: &Memcached, key: &[u8]) -> usize {
    let mut pool = new_pool();
    pool.add_server(a.config(TIMEOUT, 1, false), 1, true);
    pool.add_server(b.config(TIMEOUT, 1, false), 1, true);
    pool.find_server(key, &Policy::default()).expect("a server")
}

#[test]
fn a_failback_callback_decides_and_a_refusal_waits_another_interval() {
    let a = Memcached::start();
    let b = Memcached::start();
    let mut pool = new_pool();
    pool.failback_callback = true;
    pool.add_server(a.config(TIMEOUT, 2, false), 1, true);
    pool.add_server(b.config(TIMEOUT, 2, false), 1, true);
    let policy = policy(FailbackFlush::Never);
    let keys = keys(40, "callback");
    a.pause();
    for k in &keys {
        assert_eq!(set(&mut pool, &policy, k, b"v", 0), Outcome::Done);
    }
    assert_eq!(failures(&pool.take_events()), 1);
    a.resume();
    std::thread::sleep(Duration::from_millis(2100));
    // The probe passes; the server waits for the callback, which refuses.
    get_all(&mut pool, &policy, &keys);
    let ready: Vec<usize> = pool
        .take_events()
        .iter()
        .filter_map(|e| match e {
            Event::FailbackReady { index, .. } => Some(*index),
            _ => None,
        })
        .collect();
    assert_eq!(ready, vec![0]);
    assert!(!pool.is_usable(0));
    pool.finish_failback(0, false);
    get_all(&mut pool, &policy, &keys);
    assert!(pool.take_events().is_empty(), "not due again yet");
    std::thread::sleep(Duration::from_millis(2100));
    get_all(&mut pool, &policy, &keys);
    assert!(matches!(
        pool.take_events().as_slice(),
        [Event::FailbackReady { index: 0, .. }]
    ));
    pool.finish_failback(0, true);
    assert!(pool.is_usable(0));
}

#[test]
fn timeouts_fail_a_server_only_at_the_failure_limit() {
    let a = Memcached::start();
    let b = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Ascii, &[&a, &b], TIMEOUT);
    let limited = Policy {
        failure_limit: 3,
        ..Policy::default()
    };
    let keys = keys(60, "limit");
    let on_a: Vec<Vec<u8>> = keys
        .iter()
        .filter(|k| pool.find_server(k, &limited) == Some(0))
        .take(4)
        .cloned()
        .collect();
    a.pause();
    for (i, k) in on_a.iter().enumerate() {
        // Each set times out on a, then moves to b.
        assert_eq!(set(&mut pool, &limited, k, b"v", 0), Outcome::Done);
        let failed = i + 1 >= 3;
        assert_eq!(!pool.is_usable(0), failed, "after {} timeouts", i + 1);
        assert_eq!(failures(&pool.take_events()), usize::from(i + 1 == 3));
        if failed {
            break;
        }
    }
    a.resume();
}

#[test]
fn a_write_that_fails_over_gets_at_most_the_failover_ttl() {
    let b = Memcached::start();
    let mut pool = new_pool();
    pool.add_server(common::closed_port_config(TIMEOUT, 15), 1, true);
    pool.add_server(b.config(TIMEOUT, 15, false), 1, true);
    let bounded = Policy {
        failover_ttl: 30,
        ..Policy::default()
    };
    let keys = keys(60, "ttl");
    let (moved, home): (Vec<&Vec<u8>>, Vec<&Vec<u8>>) = keys
        .iter()
        .partition(|k| pool.find_server(k, &bounded) == Some(0));
    for k in &keys {
        assert_eq!(set(&mut pool, &bounded, k, b"v", 3600), Outcome::Done);
    }
    let ttl = |key: &[u8]| {
        let reply = b.command(&format!("mg {} t\r\n", String::from_utf8_lossy(key)));
        reply.trim_start_matches("HD t").parse::<i64>().unwrap()
    };
    assert!(!moved.is_empty() && !home.is_empty());
    for k in moved {
        assert!((1..=30).contains(&ttl(k)), "moved key keeps at most 30 s");
    }
    for k in home {
        assert!(ttl(k) > 3000, "keys on their own server keep their expiry");
    }
}
