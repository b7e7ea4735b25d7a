//! Batching as seen from the servers: a multi-key call costs one round trip per server (one
//! `get k1 k2 …` line, or in meta one write of quiet `mg` lines ended by one `mn`; all of a
//! server's sets sent before it has answered any), servers are
//! waited for together (two hung servers cost one timeout, not two), and pool sockets have
//! TCP_NODELAY set.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::RawFd;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{failures, keys, loopback_config, new_pool, pool_of, Memcached};
use memcache::pool::{Command, Outcome, Policy, Pool, Request, ServerConfig, Store};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;

const SECOND: Duration = Duration::from_secs(1);

/// How long the fake waits for more requests after the first bytes of a round, before it
/// answers: a client that waits for each reply before sending the next request shows up as
/// several rounds.
const QUIET: Duration = Duration::from_millis(100);

/// What a fake server saw.
#[derive(Debug, Default)]
struct Seen {
    /// Connections accepted.
    connections: usize,
    /// Per round (requests received before the fake answered them all at once): the command
    /// lines, without data blocks and line ends.
    rounds: Vec<Vec<String>>,
}

/// A fake memcached on a loopback port, in a thread: it answers `get`/`gets` (and meta's `mg`)
/// with a hit for every key (the value is the key itself), `mn` with `MN`, and storage
/// commands with `STORED`, and
/// records every command line, grouped in rounds. It serves connections one after the other
/// until none has arrived for 10 s or the test drops its pool; every wait is bounded.
struct FakeServer {
    port: u16,
    thread: JoinHandle<Seen>,
}

impl FakeServer {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let thread = std::thread::spawn(move || {
            let mut seen = Seen::default();
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        seen.connections += 1;
                        serve(stream, &mut seen);
                        // The pool was dropped (EOF): a connection opened meanwhile would
                        // still be counted, so give it a moment to show up.
                        std::thread::sleep(QUIET);
                        while let Ok((_stream, _)) = listener.accept() {
                            seen.connections += 1;
                        }
                        break;
                    }
                    Err(e) if e.kind() == ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(e) => panic!("accept: {e}"),
                }
            }
            seen
        });
        FakeServer { port, thread }
    }

    fn config(&self) -> ServerConfig {
        loopback_config(self.port, SECOND * 2, 15)
    }

    /// What it saw, once the pool using it is gone.
    fn finish(self) -> Seen {
        self.thread.join().expect("fake server thread")
    }
}

/// Serves one connection until EOF: each round starts with the first bytes that arrive and
/// ends after [`QUIET`] without more; then every complete request of the round is answered.
fn serve(mut stream: TcpStream, seen: &mut Seen) {
    stream.set_nonblocking(false).expect("blocking stream");
    let mut buf: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        // Wait (up to 10 s) for the first bytes of a round.
        stream.set_read_timeout(Some(SECOND * 10)).expect("timeout");
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        // Then take whatever else arrives before the client has had any answer.
        stream.set_read_timeout(Some(QUIET)).expect("timeout");
        loop {
            match stream.read(&mut chunk) {
                Ok(0) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => break,
                Err(_) => return,
            }
        }
        let mut reply = Vec::new();
        let mut round = Vec::new();
        while let Some((line, used)) = next_request(&buf) {
            answer(&line, &mut reply);
            round.push(line);
            buf.drain(..used);
        }
        if !round.is_empty() {
            seen.rounds.push(round);
        }
        if stream.write_all(&reply).is_err() {
            return;
        }
    }
}

/// The first complete request at the front of `buf`: its command line and how many bytes it
/// takes (a storage command includes its data block).
fn next_request(buf: &[u8]) -> Option<(String, usize)> {
    let end = buf.windows(2).position(|w| w == b"\r\n")?;
    let line = String::from_utf8_lossy(&buf[..end]).into_owned();
    let mut used = end + 2;
    let words: Vec<&str> = line.split(' ').collect();
    if matches!(
        words[0],
        "set" | "add" | "replace" | "append" | "prepend" | "cas"
    ) {
        let len: usize = words.get(4)?.parse().ok()?;
        if buf.len() < used + len + 2 {
            return None;
        }
        used += len + 2;
    }
    Some((line, used))
}

fn answer(line: &str, reply: &mut Vec<u8>) {
    let mut words = line.split(' ');
    match words.next() {
        Some("get" | "gets") => {
            for key in words {
                reply.extend_from_slice(
                    format!("VALUE {key} 0 {}\r\n{key}\r\n", key.len()).as_bytes(),
                );
            }
            reply.extend_from_slice(b"END\r\n");
        }
        Some("set") => reply.extend_from_slice(b"STORED\r\n"),
        Some("mg") => {
            let key = words.next().unwrap_or_default();
            let opaque = words.find(|w| w.starts_with('O')).unwrap_or("O?");
            reply
                .extend_from_slice(format!("VA {} f0 {opaque}\r\n{key}\r\n", key.len()).as_bytes());
        }
        Some("mn") => reply.extend_from_slice(b"MN\r\n"),
        _ => reply.extend_from_slice(b"ERROR\r\n"),
    }
}

fn set_request(key: &[u8]) -> Request<'_> {
    Request::for_key(
        key,
        Command::Store(Store {
            op: StoreOp::Set,
            flags: 0,
            exptime: 0,
            cas: 0,
            data: key,
        }),
    )
}

fn three_fakes() -> (Vec<FakeServer>, Pool) {
    three_fakes_speaking(ProtocolKind::Ascii)
}

fn three_fakes_speaking(protocol: ProtocolKind) -> (Vec<FakeServer>, Pool) {
    let fakes: Vec<FakeServer> = (0..3).map(|_| FakeServer::start()).collect();
    let mut pool = new_pool();
    pool.protocol = protocol;
    for fake in &fakes {
        pool.add_server(fake.config(), 1, true);
    }
    (fakes, pool)
}

/// A get of 100 keys tagged `tag` over three fakes speaking `protocol`, each key a hit with
/// its own value and no event: the one round of command lines each fake saw, and the keys.
fn get_over_three_fakes(protocol: ProtocolKind, tag: &str) -> (Vec<Vec<String>>, Vec<Vec<u8>>) {
    let (fakes, mut pool) = three_fakes_speaking(protocol);
    let keys = keys(100, tag);
    let mut requests: Vec<Request<'_>> = keys
        .iter()
        .map(|k| Request::for_key(k, Command::Get { with_cas: false }))
        .collect();
    let hits = pool.execute(&mut requests, &Policy::default());
    assert_eq!(hits.hits.len(), 100, "every key is a hit on the fake");
    assert!(hits
        .hits
        .iter()
        .all(|h| hits.value(h) == keys[h.request].as_slice()));
    assert!(pool.take_events().is_empty());
    drop(pool);
    (single_rounds(fakes), keys)
}

#[test]
fn a_100_key_get_over_3_servers_is_one_get_line_per_server() {
    let (rounds, keys) = get_over_three_fakes(ProtocolKind::Ascii, "batch-get");
    let mut all_keys: Vec<String> = Vec::new();
    for lines in rounds {
        let [line] = lines.as_slice() else {
            panic!("one request line per server: {lines:?}")
        };
        let mut words = line.split(' ');
        assert_eq!(words.next(), Some("get"), "{line}");
        let server_keys: Vec<String> = words.map(str::to_string).collect();
        // The ring spreads 100 keys over 3 servers: each gets a share.
        assert!(!server_keys.is_empty(), "{line}");
        all_keys.extend(server_keys);
    }
    all_keys.sort();
    let expected = sorted_names(&keys);
    assert_eq!(all_keys, expected, "each key asked once, from one server");
}

#[test]
fn a_100_key_meta_get_over_3_servers_is_one_write_of_quiet_gets_and_one_noop_per_server() {
    let (rounds, keys) = get_over_three_fakes(ProtocolKind::Meta, "meta-get");
    let mut all_keys: Vec<String> = Vec::new();
    for lines in rounds {
        let (noop, gets) = lines.split_last().expect("requests");
        assert_eq!(noop, "mn", "{lines:?}");
        assert!(!gets.is_empty(), "{lines:?}");
        for (position, line) in gets.iter().enumerate() {
            let words: Vec<&str> = line.split(' ').collect();
            let opaque = format!("O{position}");
            assert_eq!(
                (words[0], &words[2..]),
                ("mg", &["v", "f", "q", opaque.as_str()][..]),
                "{line}"
            );
            all_keys.push(words[1].to_string());
        }
    }
    all_keys.sort();
    let expected = sorted_names(&keys);
    assert_eq!(all_keys, expected, "each key asked once, from one server");
}

/// The request lines each fake received, checking that it saw one connection and one round:
/// every request arrived before it answered the first one.
fn single_rounds(fakes: Vec<FakeServer>) -> Vec<Vec<String>> {
    fakes
        .into_iter()
        .map(|fake| {
            let seen = fake.finish();
            assert_eq!(seen.connections, 1, "{seen:?}");
            assert_eq!(seen.rounds.len(), 1, "one round trip: {seen:?}");
            seen.rounds.into_iter().next().unwrap_or_default()
        })
        .collect()
}

/// The keys as strings, sorted: what the fakes must have seen, in any order.
fn sorted_names(keys: &[Vec<u8>]) -> Vec<String> {
    let mut names: Vec<String> = keys
        .iter()
        .map(|k| String::from_utf8(k.clone()).unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn a_multi_key_set_sends_all_of_a_servers_sets_before_any_reply() {
    let (fakes, mut pool) = three_fakes();
    let keys = keys(30, "batch-set");
    let mut requests: Vec<Request<'_>> = keys.iter().map(|k| set_request(k)).collect();
    pool.execute(&mut requests, &Policy::default());
    assert!(requests.iter().all(|r| r.outcome == Outcome::Done));
    assert!(pool.take_events().is_empty());
    drop(pool);

    let mut all_keys: Vec<String> = Vec::new();
    for lines in single_rounds(fakes) {
        for line in &lines {
            let words: Vec<&str> = line.split(' ').collect();
            assert_eq!(words[0], "set", "{line}");
            all_keys.push(words[1].to_string());
        }
    }
    all_keys.sort();
    let expected = sorted_names(&keys);
    assert_eq!(all_keys, expected, "each key set once, on one server");
}

#[test]
fn two_hung_servers_cost_one_timeout_in_a_multi_get() {
    let servers: Vec<Memcached> = (0..3).map(|_| Memcached::start()).collect();
    let timeout = Duration::from_millis(500);
    let mut pool = pool_of(
        ProtocolKind::Ascii,
        &servers.iter().collect::<Vec<_>>(),
        timeout,
    );
    let policy = Policy::default();
    // Store the keys first: every server is connected, so the hang happens mid-exchange.
    let keys = keys(100, "hung2");
    let mut sets: Vec<Request<'_>> = keys.iter().map(|k| set_request(k)).collect();
    pool.execute(&mut sets, &policy);
    assert!(sets.iter().all(|r| r.outcome == Outcome::Done));
    for server in &servers[..2] {
        server.pause();
    }
    let mut gets: Vec<Request<'_>> = keys
        .iter()
        .map(|k| Request::for_key(k, Command::Get { with_cas: false }))
        .collect();
    let started = Instant::now();
    let hits = pool.execute(&mut gets, &policy);
    let elapsed = started.elapsed();
    assert!(
        elapsed >= timeout,
        "the hung servers were waited for: {elapsed:?}"
    );
    // Both timeouts run in the same poll loop: not one after the other.
    assert!(elapsed < timeout * 2, "{elapsed:?}");
    assert_eq!(failures(&pool.take_events()), 2);
    assert!(hits.hits.len() < 100, "the hung servers' keys are misses");
    for server in &servers[..2] {
        server.resume();
    }
}

/// TCP_NODELAY of a socket, read back with getsockopt.
fn nodelay(fd: RawFd) -> bool {
    let mut value: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: a valid descriptor and an int-sized buffer with its length.
    let rc = unsafe {
        libc::getsockopt(
            fd,
            libc::IPPROTO_TCP,
            libc::TCP_NODELAY,
            (&mut value as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    assert_eq!(rc, 0, "getsockopt: {}", std::io::Error::last_os_error());
    value != 0
}

#[test]
fn pool_connections_have_tcp_nodelay() {
    let server = Memcached::start();
    let mut pool = pool_of(ProtocolKind::Ascii, &[&server], SECOND);
    let mut requests = [set_request(b"nodelay")];
    pool.execute(&mut requests, &Policy::default());
    assert_eq!(requests[0].outcome, Outcome::Done);
    let fd = pool
        .server(0)
        .borrow_mut()
        .existing_connection()
        .expect("the pool keeps its connection")
        .fd();
    assert!(nodelay(fd), "TCP_NODELAY is off on the pool's socket");
    // The same check on a plain socket sees the default (off): the probe itself works.
    let plain = TcpStream::connect(("127.0.0.1", server.port)).expect("plain connection");
    assert!(!nodelay(std::os::fd::AsRawFd::as_raw_fd(&plain)));
}
