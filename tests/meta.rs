//! The pool speaking memcached's meta commands against real memcached processes (and fake
//! servers for broken replies): the classic commands on a meta connection, broken replies,
//! stale items and placeholders, and the stampede guard under all three protocols. What meta
//! shares with the binary protocol is in `protocols.rs`.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use common::{
    failure_messages, get_through_replies, loopback_config, new_pool, pool_of, run, store, value,
    with_fake_server, Memcached,
};
use memcache::pool::stampede::{self, Claim, Lookup};
use memcache::pool::{Command, Lease, Outcome, Policy, Pool, Request};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;

const SECOND: Duration = Duration::from_secs(1);

/// Marks `key` stale for 30 s, as `invalidate()` does under meta.
fn mark_stale(pool: &mut Pool, key: &[u8]) -> Outcome {
    let invalidate = Command::Invalidate {
        mark_stale: true,
        ttl: 30,
        cas: 0,
    };
    run(pool, key, invalidate)
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

/// The answer of a fake server to a `version` probe (what a failed server gets before it
/// rejoins).
fn version_probe(request: &[u8]) -> Option<Vec<u8>> {
    request
        .starts_with(b"version")
        .then(|| b"VERSION 1.6.18\r\n".to_vec())
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
    let (messages, last) = get_through_replies(ProtocolKind::Meta, replies, version_probe);
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
    assert_eq!(last, Some(b"hello".to_vec()));
}

#[test]
fn out_of_memory_is_an_error_reply_not_a_failure() {
    let oom = b"SERVER_ERROR out of memory storing object\r\n".to_vec();
    with_fake_server(
        ProtocolKind::Meta,
        vec![oom.clone(), oom],
        version_probe,
        15,
        |pool| {
            for _ in 0..2 {
                assert_eq!(
                    run(pool, b"k", store(StoreOp::Set, 0, 0, b"v")),
                    Outcome::ErrorReply {
                        message: "SERVER_ERROR out of memory storing object".into(),
                        code: 130
                    }
                );
                let events = pool.take_events();
                assert!(failure_messages(&events).is_empty(), "{events:?}");
            }
        },
    );
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

/// The protocols the stampede guard is tried under: with leases (meta) and with a lock key.
const GUARDED: [ProtocolKind; 3] = [
    ProtocolKind::Meta,
    ProtocolKind::Ascii,
    ProtocolKind::Binary,
];

/// The claim of a caller of the stampede guard (default policy) that must compute `key`, having
/// waited at most `wait` seconds; when it finds a value instead, panics with `why` it should
/// have computed.
fn must_compute(pool: &mut Pool, key: &[u8], wait: u32, why: &str) -> Claim {
    match stampede::lookup(pool, key, wait, &Policy::default()) {
        Lookup::Compute(claim) => claim,
        Lookup::Found { .. } => panic!("{why}"),
    }
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

/// Runs `test` under each protocol of [`GUARDED`], with a memcached of its own and a pool
/// of it.
fn under_each_protocol(mut test: impl FnMut(ProtocolKind, &Memcached, &mut Pool)) {
    for protocol in GUARDED {
        let server = Memcached::start();
        let mut pool = pool_of(protocol, &[&server], SECOND);
        test(protocol, &server, &mut pool);
    }
}

#[test]
fn one_caller_computes_a_missing_value_under_every_protocol() {
    under_each_protocol(|protocol, server, _| {
        let (computed, values) = stampede(server, protocol, 8, Duration::from_millis(200));
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
    });
}

#[test]
fn a_released_claim_goes_to_the_next_caller_at_once() {
    under_each_protocol(|protocol, _, pool| {
        let policy = Policy::default();
        let claim = must_compute(pool, b"k", 30, "a miss is computed");
        claim.release(pool, &policy);
        let started = Instant::now();
        let claim = must_compute(pool, b"k", 30, "the released claim is taken again");
        // Far below the 30 s wait: it was not waited out.
        assert!(started.elapsed() < Duration::from_secs(10), "{protocol:?}");
        claim.store(pool, 5, b"v", 60, &policy);
        assert!(matches!(
            stampede::lookup(pool, b"k", 30, &policy),
            Lookup::Found { flags: 5, data } if data == b"v"
        ));
    });
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
    under_each_protocol(|protocol, server, pool| {
        let policy = Policy::default();
        just_before_a_clock_tick(server);
        let claim = must_compute(pool, b"k", 1, "a miss is computed");
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
        claim.store(pool, 0, b"v", 60, &policy);
        assert_eq!(value(pool, b"k"), Some(b"v".to_vec()), "{protocol:?}");
    });
}

#[test]
fn a_lease_never_overwrites_a_newer_value_and_survives_its_placeholder() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let policy = Policy::default();
    let claim = must_compute(&mut pool, b"k", 30, "a miss is computed");
    assert_eq!(
        run(&mut pool, b"k", store(StoreOp::Set, 0, 0, b"newer")),
        Outcome::Done
    );
    claim.store(&mut pool, 0, b"older", 60, &policy);
    assert_eq!(value(&mut pool, b"k"), Some(b"newer".to_vec()));
    // A recompute that outlives its placeholder (a 1 s wait: 2 s) still stores its value.
    let claim = must_compute(&mut pool, b"slow", 1, "a miss is computed");
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(value(&mut pool, b"slow"), None, "the placeholder expired");
    claim.store(&mut pool, 0, b"late", 60, &policy);
    assert_eq!(value(&mut pool, b"slow"), Some(b"late".to_vec()));
}

/// `N` pools speaking meta to `server`: callers that race for the same keys.
fn meta_pools<const N: usize>(server: &Memcached) -> [Pool; N] {
    std::array::from_fn(|_| pool_of(ProtocolKind::Meta, &[server], SECOND))
}

#[test]
fn a_stale_value_is_served_while_one_caller_recomputes_it() {
    let server = Memcached::start();
    let [mut recomputer, mut reader] = meta_pools(&server);
    let policy = Policy::default();
    assert_eq!(
        run(&mut reader, b"k", store(StoreOp::Set, 3, 0, b"old")),
        Outcome::Done
    );
    assert_eq!(mark_stale(&mut reader, b"k"), Outcome::Done);
    let claim = must_compute(&mut recomputer, b"k", 30, "the first caller recomputes");
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
    let claim = must_compute(&mut reader, b"k", 30, "the next caller recomputes");
    claim.store(&mut reader, 0, b"new", 60, &policy);
    assert!(matches!(
        stampede::lookup(&mut recomputer, b"k", 30, &policy),
        Lookup::Found { data, .. } if data == b"new"
    ));
}

#[test]
fn a_placeholder_invalidated_during_its_recompute_is_never_served() {
    let server = Memcached::start();
    let [mut winner, mut other] = meta_pools(&server);
    let policy = Policy::default();
    let first = must_compute(&mut winner, b"k", 30, "a miss is computed");
    assert_eq!(mark_stale(&mut other, b"k"), Outcome::Done);
    // The stale placeholder's recompute goes to the next caller...
    let second = must_compute(
        &mut other,
        b"k",
        30,
        "the invalidated placeholder is recomputed",
    );
    // ... and a third one waits (1 s here) rather than being served the empty placeholder.
    let mut third = pool_of(ProtocolKind::Meta, &[&server], SECOND);
    let unguarded = must_compute(&mut third, b"k", 1, "nothing to serve");
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
        let claim = must_compute(&mut pool, b"k", 30, "nothing to find");
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{protocol:?}: no wait"
        );
        claim.store(&mut pool, 0, b"v", 60, &Policy::default());
        assert_eq!(failure_messages(&pool.take_events()).len(), 1);
    }
}
