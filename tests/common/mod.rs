//! Real memcached processes for the core's integration tests: each test starts its own servers
//! on free loopback ports (or unix sockets) and they are killed when dropped.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use memcache::hash::HashFunction;
use memcache::pool::recovery::FailbackFlush;
use memcache::pool::ring::HashStrategy;
use memcache::pool::{
    Command as PoolCommand, Event, Outcome, Policy, Pool, Request, ServerConfig, Store,
};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;
use memcache::value::Compression;

/// A memcached child process.
pub struct Memcached {
    child: Child,
    /// TCP port (0 for a unix socket server); a plain listener also for a TLS server.
    pub port: u16,
    /// The TLS listener's port of a server started with [`Memcached::start_tls`] (else 0).
    pub tls_port: u16,
    /// Socket path of a unix socket server.
    pub socket: Option<PathBuf>,
}

fn memcached_command() -> Command {
    let mut cmd = Command::new("memcached");
    cmd.args(["-U", "0", "-t", "1", "-m", "64"]);
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        cmd.args(["-u", "root"]);
    }
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// A loopback port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("bind an ephemeral loopback port")
}

impl Memcached {
    /// Starts memcached on a free loopback TCP port and waits until it accepts.
    ///
    /// Tests run in parallel, so another test's memcached may win a race for the same free
    /// port; the server is only handed out once its own `pid` stat names our child, and a lost
    /// race is retried on a new port.
    pub fn start() -> Self {
        for _ in 0..20 {
            if let Some(server) = Self::try_start_on(free_port(), None) {
                return server;
            }
        }
        panic!("memcached did not start on any of 20 free ports")
    }

    /// Starts memcached with TLS (`-Z -o <tls_options>`, e.g. `ssl_chain_cert=…,ssl_key=…`)
    /// on a free loopback port ([`Memcached::tls_port`]), with a second, plain listener of the
    /// same server (`-l notls:…`) on [`Memcached::port`], which `stat` and `command` use.
    pub fn start_tls(tls_options: &str) -> Self {
        for _ in 0..20 {
            if let Some(server) = Self::try_start_on(free_port(), Some((free_port(), tls_options)))
            {
                return server;
            }
        }
        panic!("memcached with TLS did not start on any of 20 free ports")
    }

    /// Starts memcached with TLS on `tls_port` and a plain listener on `port` (to restart a
    /// server on the same addresses).
    pub fn start_tls_on(port: u16, tls_port: u16, tls_options: &str) -> Self {
        Self::try_start_on(port, Some((tls_port, tls_options)))
            .expect("memcached with TLS started on its ports")
    }

    /// Starts memcached on `port` (to restart a server on the same address).
    pub fn start_on(port: u16) -> Self {
        Self::try_start_on(port, None).expect("memcached started on its port")
    }

    fn try_start_on(port: u16, tls: Option<(u16, &str)>) -> Option<Self> {
        let mut command = memcached_command();
        match tls {
            None => command.args(["-l", "127.0.0.1", "-p", &port.to_string()]),
            Some((tls_port, options)) => command.args([
                "-Z",
                "-o",
                options,
                "-l",
                &format!("127.0.0.1:{tls_port}"),
                "-l",
                &format!("notls:127.0.0.1:{port}"),
            ]),
        };
        let child = command.spawn().expect("memcached is installed");
        let mut server = Memcached {
            child,
            port,
            tls_port: tls.map_or(0, |(tls_port, _)| tls_port),
            socket: None,
        };
        let pid = u64::from(server.child.id());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(server.child.try_wait(), Ok(Some(_))) {
                return None;
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return (server.try_stat("pid") == Ok(pid)).then_some(server);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// Starts memcached on a unix socket in a fresh temporary directory.
    pub fn start_unix() -> Self {
        let dir = std::env::temp_dir().join(format!(
            "memcache-rs-core-{}-{}",
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("mc.sock");
        let child = memcached_command()
            .args(["-s", path.to_str().expect("utf-8 path")])
            .spawn()
            .expect("memcached is installed");
        let server = Memcached {
            child,
            port: 0,
            tls_port: 0,
            socket: Some(path.clone()),
        };
        wait_until(|| std::os::unix::net::UnixStream::connect(&path).is_ok());
        server
    }

    /// Freezes the process (`kill -STOP`): it accepts nothing and answers nothing. Returns once
    /// the kernel reports it stopped (the signal is delivered asynchronously, and a request
    /// sent meanwhile could still be answered).
    pub fn pause(&self) {
        self.signal(libc::SIGSTOP);
        let stat = format!("/proc/{}/stat", self.child.id());
        wait_until(|| {
            std::fs::read_to_string(&stat)
                .ok()
                .and_then(|s| {
                    s.rsplit(')')
                        .next()
                        .map(|rest| rest.trim_start().starts_with('T'))
                })
                .unwrap_or(false)
        });
    }

    /// Thaws a paused process (`kill -CONT`).
    pub fn resume(&self) {
        self.signal(libc::SIGCONT);
    }

    fn signal(&self, signal: libc::c_int) {
        // SAFETY: signalling our own child.
        unsafe { libc::kill(self.child.id() as libc::pid_t, signal) };
    }

    /// The `host` to give `addServer`.
    pub fn host(&self) -> String {
        match &self.socket {
            Some(path) => format!("unix://{}", path.display()),
            None => "127.0.0.1".to_string(),
        }
    }

    /// Server parameters for this memcached.
    pub fn config(&self, timeout: Duration, retry_interval: i64, persistent: bool) -> ServerConfig {
        ServerConfig {
            host: self.host(),
            tcp_port: self.port,
            udp_port: 0,
            timeout,
            retry_interval,
            persistent,
            sasl: None,
            tls: Default::default(),
        }
    }
}

impl Drop for Memcached {
    fn drop(&mut self) {
        self.resume();
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(path) = &self.socket {
            let _ = std::fs::remove_file(path);
            if let Some(dir) = path.parent() {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

impl Memcached {
    /// Sends one raw ASCII command over a connection of its own and returns the first reply
    /// line, without its line end.
    pub fn command(&self, command: &str) -> String {
        use std::io::{BufRead, BufReader, Write};
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("command connection");
        stream
            .write_all(command.as_bytes())
            .expect("send the command");
        let mut line = String::new();
        BufReader::new(stream)
            .read_line(&mut line)
            .expect("reply line");
        line.trim_end().to_string()
    }

    /// One value of `stats` (read over a separate connection, which it counts itself).
    pub fn stat(&self, name: &str) -> u64 {
        self.try_stat(name)
            .unwrap_or_else(|e| panic!("stat {name}: {e}"))
    }

    /// One value of `stats`, or why it could not be read: the connection failed (at start-up
    /// the port may still belong to another test's server that is going away), or the reply
    /// has no such numeric stat.
    fn try_stat(&self, name: &str) -> Result<u64, String> {
        use std::io::{BufRead, BufReader, Write};
        let mut stream =
            TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| format!("connect: {e}"))?;
        stream
            .write_all(b"stats\r\n")
            .map_err(|e| format!("send: {e}"))?;
        for line in BufReader::new(stream).lines() {
            let line = line.map_err(|e| format!("reply: {e}"))?;
            if line == "END" {
                break;
            }
            let mut parts = line.split(' ');
            if parts.next() == Some("STAT") && parts.next() == Some(name) {
                return parts
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| format!("not numeric: {line}"));
            }
        }
        Err("no such stat".to_string())
    }
}

/// Polls `ready` every 10 ms for up to 5 s.
pub fn wait_until(mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !ready() {
        assert!(
            Instant::now() < deadline,
            "server did not come up within 5 s"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// An empty pool with the C extension's defaults.
pub fn new_pool() -> Pool {
    Pool::new(
        HashStrategy::Consistent,
        HashFunction::Crc32,
        ProtocolKind::Ascii,
        Compression {
            threshold: 20000,
            min_savings: 0.2,
        },
    )
}

/// Server parameters for 127.0.0.1:`port` (a fake server of the test).
pub fn loopback_config(port: u16, timeout: Duration, retry_interval: i64) -> ServerConfig {
    ServerConfig {
        host: "127.0.0.1".into(),
        tcp_port: port,
        udp_port: 0,
        timeout,
        retry_interval,
        persistent: false,
        sasl: None,
        tls: Default::default(),
    }
}

/// Server parameters for a loopback port nothing listens on.
pub fn closed_port_config(timeout: Duration, retry_interval: i64) -> ServerConfig {
    loopback_config(free_port(), timeout, retry_interval)
}

/// A pool ([`new_pool`], speaking `protocol`) of `servers`, each with weight 1, `timeout`, a
/// 15 s retry interval and no persistence.
pub fn pool_of(protocol: ProtocolKind, servers: &[&Memcached], timeout: Duration) -> Pool {
    let mut pool = new_pool();
    pool.protocol = protocol;
    for server in servers {
        pool.add_server(server.config(timeout, 15, false), 1, true);
    }
    pool
}

/// `n` distinct keys `tag-0`, `tag-1`, ...
pub fn keys(n: usize, tag: &str) -> Vec<Vec<u8>> {
    (0..n).map(|i| format!("{tag}-{i}").into_bytes()).collect()
}

/// How many of `events` are server failures.
pub fn failures(events: &[Event]) -> usize {
    events
        .iter()
        .filter(|e| matches!(e, Event::Failure(_)))
        .count()
}

/// Runs the one request `command` for `key`; its outcome.
pub fn execute_one(
    pool: &mut Pool,
    policy: &Policy,
    key: &[u8],
    command: PoolCommand<'_>,
) -> Outcome {
    let mut requests = [Request::for_key(key, command)];
    pool.execute(&mut requests, policy);
    requests[0].outcome.clone()
}

/// Runs the one request `command` for `key` under the default policy; its outcome.
pub fn run(pool: &mut Pool, key: &[u8], command: PoolCommand<'_>) -> Outcome {
    execute_one(pool, &Policy::default(), key, command)
}

/// The messages of the server failures among `events`.
pub fn failure_messages(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Failure(event) => Some(event.message.clone()),
            Event::ErrorReply(_) | Event::FailbackReady { .. } | Event::Health { .. } => None,
        })
        .collect()
}

/// A store command: `op` of `data` with `flags` and `cas`, no expiry.
pub fn store(op: StoreOp, flags: u32, cas: u64, data: &[u8]) -> PoolCommand<'_> {
    PoolCommand::Store(Store {
        op,
        flags,
        exptime: 0,
        cas,
        data,
    })
}

/// `set` of `value` under `key` (flags 0) expiring after `exptime`, run alone; its outcome.
pub fn set(pool: &mut Pool, policy: &Policy, key: &[u8], value: &[u8], exptime: u32) -> Outcome {
    let command = PoolCommand::Store(Store {
        op: StoreOp::Set,
        flags: 0,
        exptime,
        cas: 0,
        data: value,
    });
    execute_one(pool, policy, key, command)
}

/// One hit of a multi-get: key, flags, CAS unique (0 without `gets`) and value.
pub type Item = (Vec<u8>, u32, u64, Vec<u8>);

/// A multi-get of `keys` in one batch (`gets` when `with_cas`): the hits, as the pool reports
/// them, each with the index of its key.
fn get_hits(
    pool: &mut Pool,
    policy: &Policy,
    keys: &[Vec<u8>],
    with_cas: bool,
) -> Vec<(usize, u32, u64, Vec<u8>)> {
    let mut requests: Vec<Request<'_>> = keys
        .iter()
        .map(|k| Request::for_key(k, PoolCommand::Get { with_cas }))
        .collect();
    let hits = pool.execute(&mut requests, policy);
    hits.hits
        .iter()
        .map(|h| (h.request, h.flags, h.cas, hits.value(h).to_vec()))
        .collect()
}

/// A multi-get of `keys` in one batch (`gets` when `with_cas`): the hits, as the pool reports
/// them.
pub fn get_items(pool: &mut Pool, policy: &Policy, keys: &[Vec<u8>], with_cas: bool) -> Vec<Item> {
    get_hits(pool, policy, keys, with_cas)
        .into_iter()
        .map(|(index, flags, cas, value)| (keys[index].clone(), flags, cas, value))
        .collect()
}

/// A multi-get of `keys` in one batch with CAS uniques, under the default policy: `(key,
/// flags, cas, value)` of every hit.
pub fn get_with_cas(pool: &mut Pool, keys: &[Vec<u8>]) -> Vec<Item> {
    get_items(pool, &Policy::default(), keys, true)
}

/// The value of `key`, if a plain get finds it.
pub fn value(pool: &mut Pool, key: &[u8]) -> Option<Vec<u8>> {
    get_values(pool, &Policy::default(), &[key.to_vec()]).remove(0)
}

/// A multi-get of `keys` (plain `get`): each key's value, `None` for a miss.
pub fn get_values(pool: &mut Pool, policy: &Policy, keys: &[Vec<u8>]) -> Vec<Option<Vec<u8>>> {
    let mut values = vec![None; keys.len()];
    for (index, _, _, value) in get_hits(pool, policy, keys, false) {
        values[index] = Some(value);
    }
    values
}

/// A multi-get of `keys` (plain `get`): `(key, value)` of each hit.
pub fn get_all(pool: &mut Pool, policy: &Policy, keys: &[Vec<u8>]) -> Vec<(Vec<u8>, Vec<u8>)> {
    get_items(pool, policy, keys, false)
        .into_iter()
        .map(|(key, _, _, value)| (key, value))
        .collect()
}

/// Maps a machine-wide health table of this test process (a file of its own, removed at once:
/// the mapping stays), so servers added afterwards keep their health in it as under PHP with
/// `memcache.shared_health`. Every test of the process shares it; ports keep tests apart.
pub fn shared_health() {
    use std::sync::Once;
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let dir = std::env::temp_dir().join(format!("memcache-rs-health-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("health");
        let installed = memcache::pool::health_table::install(&path).is_ok();
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir(&dir);
        assert!(installed, "health table at {}", path.display());
    });
}

/// A fake server: on each of `replies.len()` connections, answers a version probe (what a
/// failed server gets before it rejoins) with what `probe_reply` makes of the request when it
/// recognises one, then the next request with the given bytes, and closes the connection.
pub fn fake_server(
    replies: Vec<Vec<u8>>,
    probe_reply: fn(&[u8]) -> Option<Vec<u8>>,
) -> (u16, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let thread = std::thread::spawn(move || {
        for reply in replies {
            let (mut conn, _) = listener.accept().unwrap();
            let mut buf = [0u8; 1024];
            let mut n = conn.read(&mut buf).unwrap_or(0);
            if let Some(version) = probe_reply(&buf[..n]) {
                let _ = conn.write_all(&version);
                n = conn.read(&mut buf).unwrap_or(0);
            }
            if n > 0 {
                let _ = conn.write_all(&reply);
            }
        }
    });
    (port, thread)
}

/// Runs `test` with a pool speaking `protocol` to a [`fake_server`] that serves `replies`
/// (answering probes with `probe_reply`; the server's retry interval is `retry_interval`), then
/// drops the pool and waits for the fake server to end; `test`'s result.
pub fn with_fake_server<R>(
    protocol: ProtocolKind,
    replies: Vec<Vec<u8>>,
    probe_reply: fn(&[u8]) -> Option<Vec<u8>>,
    retry_interval: i64,
    test: impl FnOnce(&mut Pool) -> R,
) -> R {
    let (port, fake) = fake_server(replies, probe_reply);
    let mut pool = new_pool();
    pool.protocol = protocol;
    let config = loopback_config(port, Duration::from_secs(1), retry_interval);
    pool.add_server(config, 1, true);
    let result = test(&mut pool);
    drop(pool);
    fake.join().unwrap();
    result
}

/// Serves `replies` from a [`fake_server`] to a pool speaking `protocol`, one plain get of
/// `k` per reply. The retry interval is 0 and there is no failback flush, so each get after a
/// failure probes the server first. Every get but the last must find nothing: returns the
/// failure messages they caused, and what the last get found.
pub fn get_through_replies(
    protocol: ProtocolKind,
    replies: Vec<Vec<u8>>,
    probe_reply: fn(&[u8]) -> Option<Vec<u8>>,
) -> (Vec<String>, Option<Vec<u8>>) {
    let gets = replies.len();
    let policy = Policy {
        failback_flush: FailbackFlush::Never,
        ..Policy::default()
    };
    let get = |pool: &mut Pool| get_values(pool, &policy, &[b"k".to_vec()]).remove(0);
    with_fake_server(protocol, replies, probe_reply, 0, |pool| {
        let mut messages = Vec::new();
        for _ in 1..gets {
            assert_eq!(get(pool), None);
            messages.extend(failure_messages(&pool.take_events()));
        }
        (messages, get(pool))
    })
}
