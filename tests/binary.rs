//! The pool speaking memcached's binary protocol against real memcached processes (and fake
//! servers for broken replies): what only binary does with version, flush and stats, SASL
//! against a server without it, and broken frames. What binary shares with the meta commands
//! is in `protocols.rs`.

mod common;

use std::time::Duration;

use common::{failure_messages, get_through_replies, new_pool, run, store, value, Memcached};
use memcache::pool::{Command, Outcome, Policy, Pool, Request, SaslCredentials};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;

const SECOND: Duration = Duration::from_secs(1);

fn binary_pool() -> Pool {
    let mut pool = new_pool();
    pool.protocol = ProtocolKind::Binary;
    pool
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
    assert_eq!(value(&mut pool, b"f"), None);
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

/// The answer of a fake server to a VERSION probe (what a failed server gets before it
/// rejoins): a 24-byte header with opcode 0x0b.
fn version_probe(request: &[u8]) -> Option<Vec<u8>> {
    (request.len() >= 24 && request[1] == 0x0b).then(|| response(0x0b, 0, 0, &[], b"1.6.18"))
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
    let (messages, last) = get_through_replies(ProtocolKind::Binary, replies, version_probe);
    assert_eq!(
        messages,
        vec![
            "Malformed server response".to_string(),
            "Unexpected binary response (opcode 0x00, opaque 7)".to_string(),
            "Malformed server response".to_string(),
            "Read failed (socket was unexpectedly closed)".to_string(),
        ]
    );
    assert_eq!(last, Some(b"hello".to_vec()));
}
