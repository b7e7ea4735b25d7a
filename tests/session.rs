//! The session protocol against real memcached: wire format of data and lock, locking between
//! two requests, release without write, redundancy and failover of reads.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{new_pool, Memcached};
use memcache::pool::Policy;
use memcache::session::{SessionSettings, SessionStore};
use memcache::value::Compression;

const SECOND: Duration = Duration::from_secs(1);

fn settings(redundancy: u32, lock_timeout: u32, fail_on_lock_timeout: bool) -> SessionSettings {
    SessionSettings {
        redundancy,
        lock_timeout,
        fail_on_lock_timeout,
        policy: Policy::default(),
    }
}

fn store(servers: &[&Memcached], settings: SessionSettings) -> SessionStore {
    let mut pool = new_pool();
    for server in servers {
        pool.add_server(server.config(SECOND, 15, false), 1, true);
    }
    SessionStore::new(pool, settings)
}

/// `get key` straight from one server: `(flags, data)`.
fn raw_get(server: &Memcached, key: &str) -> Option<(u32, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .write_all(format!("get {key}\r\n").as_bytes())
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut header = String::new();
    reader.read_line(&mut header).unwrap();
    if header.starts_with("END") {
        return None;
    }
    let fields: Vec<&str> = header.trim_end().split(' ').collect();
    let flags = fields[2].parse().unwrap();
    let len: usize = fields[3].parse().unwrap();
    let mut data = vec![0u8; len + 2];
    std::io::Read::read_exact(&mut reader, &mut data).unwrap();
    data.truncate(len);
    Some((flags, data))
}

#[test]
fn write_then_read_with_the_c_extensions_wire_format() {
    let server = Memcached::start();
    let mut first = store(&[&server], settings(1, 15, true));
    assert_eq!(first.read(b"sess1").unwrap(), b"");
    assert_eq!(raw_get(&server, "sess1.lock"), Some((768, b"1".to_vec())));
    assert!(first.write(b"sess1", b"a|i:1;", 1440, Compression::default()));
    assert_eq!(raw_get(&server, "sess1"), Some((0, b"a|i:1;".to_vec())));
    assert_eq!(raw_get(&server, "sess1.lock"), Some((768, b"0".to_vec())));
    let mut second = store(&[&server], settings(1, 15, true));
    assert_eq!(second.read(b"sess1").unwrap(), b"a|i:1;");
    assert!(second.destroy(b"sess1"));
    assert_eq!(raw_get(&server, "sess1"), None);
    assert_eq!(raw_get(&server, "sess1.lock"), None);
}

#[test]
fn a_held_lock_is_waited_for_until_it_expires() {
    let server = Memcached::start();
    let mut holder = store(&[&server], settings(1, 1, true));
    holder.read(b"held").unwrap();
    let mut waiter = store(&[&server], settings(1, 1, true));
    let started = Instant::now();
    assert_eq!(waiter.read(b"held").unwrap(), b"");
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(900), "{waited:?}");
    assert!(waited < Duration::from_millis(1900), "{waited:?}");
}

#[test]
fn a_lock_that_never_expires_fails_the_read_after_the_budget() {
    let server = Memcached::start();
    assert_eq!(server.command("set stuck.lock 768 0 1\r\n1\r\n"), "STORED");
    let mut waiter = store(&[&server], settings(1, 1, true));
    let started = Instant::now();
    assert_eq!(waiter.read(b"stuck").unwrap_err().seconds, 2);
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(1900), "{waited:?}");
    assert!(waited < Duration::from_secs(4), "{waited:?}");
    // The C extension's behaviour, when asked for: an empty session, no error.
    let mut lenient = store(&[&server], settings(1, 1, false));
    assert_eq!(lenient.read(b"stuck").unwrap(), b"");
}

#[test]
fn releasing_without_writing_lets_the_next_reader_in_at_once() {
    let server = Memcached::start();
    let mut first = store(&[&server], settings(1, 15, true));
    first.read(b"abort").unwrap();
    first.release();
    assert_eq!(raw_get(&server, "abort.lock"), Some((768, b"0".to_vec())));
    let mut second = store(&[&server], settings(1, 15, true));
    let started = Instant::now();
    assert_eq!(second.read(b"abort").unwrap(), b"");
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[test]
fn redundant_copies_survive_losing_either_server() {
    let a = Memcached::start();
    let b = Memcached::start();
    let mut writer = store(&[&a, &b], settings(2, 15, true));
    writer.read(b"copies").unwrap();
    assert!(writer.write(b"copies", b"n|i:7;", 1440, Compression::default()));
    assert_eq!(raw_get(&a, "copies").unwrap().1, b"n|i:7;");
    assert_eq!(raw_get(&b, "copies").unwrap().1, b"n|i:7;");
    // Data gone from the first copy: the read falls over to the second.
    for server in [&a, &b] {
        assert_eq!(server.command("delete copies\r\n"), "DELETED");
        let mut reader = store(&[&a, &b], settings(2, 15, true));
        assert_eq!(reader.read(b"copies").unwrap(), b"n|i:7;");
        assert!(reader.write(b"copies", b"n|i:7;", 1440, Compression::default()));
    }
}

/// The first server of `key`'s session sequence (`key-0`) in a pool of `servers`, in order.
fn first_copy(servers: &[&Memcached], key: &[u8]) -> usize {
    let mut pool = new_pool();
    for server in servers {
        pool.add_server(server.config(SECOND, 15, false), 1, true);
    }
    pool.key_sequence(key, 1, &[], &Policy::default())[0]
}

#[test]
fn a_hung_copy_is_skipped_within_the_timeout() {
    let a = Memcached::start();
    let b = Memcached::start();
    // A key whose first copy is on `a`, the server that hangs.
    let key = (0..100)
        .map(|i| format!("hung{i}"))
        .find(|key| first_copy(&[&a, &b], key.as_bytes()) == 0)
        .expect("one of 100 keys has its first copy on a");
    let key = key.as_bytes();
    let mut writer = store(&[&a, &b], settings(2, 15, true));
    writer.read(key).unwrap();
    assert!(writer.write(key, b"x|s:1:\"y\";", 1440, Compression::default()));
    a.pause();
    let mut pool = new_pool();
    let timeout = Duration::from_millis(300);
    pool.add_server(a.config(timeout, 15, false), 1, true);
    pool.add_server(b.config(timeout, 15, false), 1, true);
    let mut reader = SessionStore::new(pool, settings(2, 15, true));
    let started = Instant::now();
    assert_eq!(reader.read(key).unwrap(), b"x|s:1:\"y\";");
    let elapsed = started.elapsed();
    a.resume();
    // The hung first copy cost its timeout once, then the second copy answered.
    assert!(elapsed >= timeout, "{elapsed:?}");
    assert!(
        elapsed < timeout + Duration::from_millis(300),
        "{elapsed:?}"
    );
}

#[test]
fn large_sessions_are_compressed() {
    let server = Memcached::start();
    let mut session = store(&[&server], settings(1, 15, true));
    session.read(b"big").unwrap();
    let data = vec![b'a'; 2 * 1024 * 1024];
    assert!(session.write(b"big", &data, 1440, Compression::default()));
    assert_eq!(raw_get(&server, "big").unwrap().0, 2);
    let mut again = store(&[&server], settings(1, 15, true));
    assert_eq!(again.read(b"big").unwrap(), data);
}
