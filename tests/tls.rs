//! `tls://` servers against real memcached started with `-Z` (certificates made by
//! scripts/tls-certs.sh for this run): data over TLS under both protocols, read back through a
//! plain listener of the same memcached; every way the handshake can fail, each with its own
//! message and within the timeout; a hung TLS server; session resumption; the persistent key
//! and the ring.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use common::{failures, keys, new_pool, Memcached};
use memcache::net::tls::client_config;
use memcache::net::TlsSettings;
use memcache::pool::{Command, Event, Outcome, Policy, Pool, Request, ServerConfig, Store};
use memcache::protocol::ascii::StoreOp;
use memcache::protocol::ProtocolKind;

const SECOND: Duration = Duration::from_secs(1);

/// The directory of this run's certificates (made once per test binary).
fn certs() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tls-certs");
        let status = std::process::Command::new(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/tls-certs.sh"),
        )
        .arg(&dir)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run scripts/tls-certs.sh (needs openssl)");
        assert!(status.success(), "scripts/tls-certs.sh failed");
        dir
    })
}

fn cert(name: &str) -> PathBuf {
    certs().join(name)
}

/// `-o` options of a TLS memcached with the server certificate `chain`.
fn server_options(chain: &str) -> String {
    format!(
        "ssl_chain_cert={},ssl_key={}",
        cert(chain).display(),
        cert("server.key").display()
    )
}

/// A memcached with a valid certificate for localhost and 127.0.0.1.
fn tls_memcached() -> Memcached {
    Memcached::start_tls(&server_options("server.pem"))
}

/// Trusting the test CA, everything else by default.
fn trusting_test_ca() -> TlsSettings {
    TlsSettings {
        ca_file: Some(cert("ca.pem")),
        ..TlsSettings::default()
    }
}

fn tls_config(port: u16, tls: TlsSettings, timeout: Duration) -> ServerConfig {
    ServerConfig {
        host: "tls://127.0.0.1".into(),
        tcp_port: port,
        udp_port: 0,
        timeout,
        retry_interval: 15,
        persistent: false,
        sasl: None,
        tls,
    }
}

fn pool_with(protocol: ProtocolKind, configs: Vec<ServerConfig>) -> Pool {
    let mut pool = new_pool();
    pool.protocol = protocol;
    for config in configs {
        pool.add_server(config, 1, true);
    }
    pool
}

fn set(pool: &mut Pool, key: &[u8], value: &[u8]) -> Outcome {
    let command = Command::Store(Store {
        op: StoreOp::Set,
        flags: 0,
        exptime: 0,
        cas: 0,
        data: value,
    });
    let mut requests = [Request::for_key(key, command)];
    pool.execute(&mut requests, &Policy::default());
    requests[0].outcome.clone()
}

fn get_all(pool: &mut Pool, keys: &[Vec<u8>]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut requests: Vec<Request<'_>> = keys
        .iter()
        .map(|k| Request::for_key(k, Command::Get { with_cas: false }))
        .collect();
    let hits = pool.execute(&mut requests, &Policy::default());
    let mut found: Vec<_> = hits
        .hits
        .iter()
        .map(|h| (keys[h.request].clone(), hits.value(h).to_vec()))
        .collect();
    found.sort();
    found
}

/// The one failure `pool` reported, and how long the call that caused it took.
fn only_failure(pool: &mut Pool) -> String {
    let events = pool.take_events();
    assert_eq!(failures(&events), 1, "{events:?}");
    match &events[0] {
        Event::Failure(event) => event.message.clone(),
        other => panic!("not a failure: {other:?}"),
    }
}

#[test]
fn get_set_and_multi_get_over_tls_under_both_protocols_read_back_in_plain() {
    let server = tls_memcached();
    for protocol in [ProtocolKind::Ascii, ProtocolKind::Binary] {
        let tag = format!("tls-{protocol:?}");
        let mut tls = pool_with(
            protocol,
            vec![tls_config(server.tls_port, trusting_test_ca(), SECOND)],
        );
        let mut plain = pool_with(protocol, vec![server.config(SECOND, 15, false)]);
        let stored = keys(100, &tag);
        for k in &stored {
            assert_eq!(set(&mut tls, k, k), Outcome::Done);
        }
        // A value larger than TLS records and socket buffers: written and read in pieces.
        let big: Vec<u8> = (0..900_000u32).map(|i| (i % 251) as u8).collect();
        let big_key = format!("{tag}-big").into_bytes();
        assert_eq!(set(&mut tls, &big_key, &big), Outcome::Done);

        let mut asked = stored.clone();
        asked.extend(keys(100, &format!("{tag}-absent")));
        let expected: Vec<_> = {
            let mut e: Vec<_> = stored.iter().map(|k| (k.clone(), k.clone())).collect();
            e.sort();
            e
        };
        assert_eq!(get_all(&mut tls, &asked), expected, "multi-get over TLS");
        assert_eq!(get_all(&mut plain, &asked), expected, "read back in plain");
        assert_eq!(
            get_all(&mut plain, std::slice::from_ref(&big_key)),
            vec![(big_key.clone(), big.clone())]
        );
        assert_eq!(
            get_all(&mut tls, std::slice::from_ref(&big_key)),
            vec![(big_key, big)]
        );
        // Written in plain, read over TLS.
        assert_eq!(set(&mut plain, b"from-plain", b"hello"), Outcome::Done);
        assert_eq!(
            get_all(&mut tls, &[b"from-plain".to_vec()]),
            vec![(b"from-plain".to_vec(), b"hello".to_vec())]
        );
        assert!(tls.take_events().is_empty());
        assert!(plain.take_events().is_empty());
    }
    assert_eq!(server.stat("ssl_handshake_errors"), 0);
}

#[test]
fn one_connection_and_one_handshake_serve_many_requests() {
    let server = tls_memcached();
    let mut pool = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, trusting_test_ca(), SECOND)],
    );
    let before = server.stat("total_connections");
    for i in 0..20 {
        let key = format!("reuse-{i}").into_bytes();
        assert_eq!(set(&mut pool, &key, b"v"), Outcome::Done);
        assert_eq!(get_all(&mut pool, &[key]).len(), 1);
    }
    // One TLS connection, plus the one of this stats query.
    assert_eq!(server.stat("total_connections") - before, 2);
}

#[test]
fn a_new_connection_resumes_the_tls_session_of_an_earlier_one() {
    let server = tls_memcached();
    let settings = trusting_test_ca();
    let mut first = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, settings.clone(), SECOND)],
    );
    assert_eq!(set(&mut first, b"resume", b"1"), Outcome::Done);
    // A second pool, same settings: a new connection, sharing the cached configuration.
    let mut second = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, settings.clone(), SECOND)],
    );
    assert_eq!(get_all(&mut second, &[b"resume".to_vec()]).len(), 1);
    let resumed = |pool: &Pool| {
        pool.server(0)
            .borrow_mut()
            .existing_connection()
            .expect("connected")
            .is_resumed_tls()
    };
    assert!(
        !resumed(&first),
        "the first connection has nothing to resume"
    );
    assert!(
        resumed(&second),
        "the second connection resumed the session"
    );
    assert!(Arc::ptr_eq(
        &client_config(&settings).unwrap(),
        &client_config(&settings).unwrap()
    ));
}

#[test]
fn connect_waits_for_the_handshake() {
    let server = tls_memcached();
    let mut pool = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, trusting_test_ca(), SECOND)],
    );
    assert_eq!(pool.connect_server(0, &Policy::default()), Ok(()));
    let mut wrong = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(
            server.tls_port,
            TlsSettings {
                ca_file: Some(cert("other-ca.pem")),
                ..TlsSettings::default()
            },
            SECOND,
        )],
    );
    let error = wrong.connect_server(0, &Policy::default()).unwrap_err();
    assert!(
        error.to_string().contains("not signed by a trusted CA"),
        "{error}"
    );
    assert_eq!(failures(&wrong.take_events()), 1);
}

/// Runs one get against a single server and returns the failure message and how long the get
/// took; asserts the server is marked failed and the call took less than `timeout` plus slack.
fn failed_get(config: ServerConfig, protocol: ProtocolKind) -> (String, Duration) {
    let timeout = config.timeout;
    let mut pool = pool_with(protocol, vec![config]);
    let started = Instant::now();
    assert!(get_all(&mut pool, &[b"k".to_vec()]).is_empty());
    let elapsed = started.elapsed();
    assert!(
        elapsed < timeout + Duration::from_millis(500),
        "{elapsed:?}"
    );
    assert!(pool.server(0).borrow().health.is_failed());
    assert!(pool.server(0).borrow_mut().existing_connection().is_none());
    (only_failure(&mut pool), elapsed)
}

#[test]
fn each_failed_handshake_fails_the_server_with_its_own_message() {
    let server = tls_memcached();
    let expired = Memcached::start_tls(&server_options("server-expired.pem"));
    let mutual = Memcached::start_tls(&format!(
        "{},ssl_ca_cert={},ssl_verify_mode=3",
        server_options("server.pem"),
        cert("ca.pem").display()
    ));
    let plain = Memcached::start();
    let timeout = SECOND;
    let with = |port, tls| tls_config(port, tls, timeout);
    let cases: Vec<(&str, ServerConfig, &str)> = vec![
        (
            "unknown CA",
            with(
                server.tls_port,
                TlsSettings {
                    ca_file: Some(cert("other-ca.pem")),
                    ..TlsSettings::default()
                },
            ),
            "TLS handshake failed: the server's certificate is not signed by a trusted CA",
        ),
        (
            "name mismatch",
            with(
                server.tls_port,
                TlsSettings {
                    server_name: Some("cache.example".into()),
                    ..trusting_test_ca()
                },
            ),
            "TLS handshake failed: the server's certificate is not valid for the name \
             'cache.example' (it names localhost, 127.0.0.1, ::1;",
        ),
        (
            "expired",
            with(expired.tls_port, trusting_test_ca()),
            "TLS handshake failed: the server's certificate has expired",
        ),
        (
            "no client certificate",
            with(mutual.tls_port, trusting_test_ca()),
            "TLS handshake failed: the server requires a client certificate",
        ),
        (
            "plain server on tls://",
            with(plain.port, trusting_test_ca()),
            "TLS handshake failed: the server does not speak TLS",
        ),
        (
            "TLS server on a plain address",
            ServerConfig {
                host: "127.0.0.1".into(),
                ..with(server.tls_port, trusting_test_ca())
            },
            "Read failed (the server closed a new connection without answering: a TLS \
             listener needs tls://host; a proxy may not support the command)",
        ),
        (
            "unreadable CA file",
            with(
                server.tls_port,
                TlsSettings {
                    ca_file: Some(cert("missing.pem")),
                    ..TlsSettings::default()
                },
            ),
            "TLS setup failed: cannot read memcache.tls_ca_file '",
        ),
        (
            "CA file without a certificate",
            with(
                server.tls_port,
                TlsSettings {
                    ca_file: Some(cert("server.key")),
                    ..TlsSettings::default()
                },
            ),
            "holds no PEM certificate",
        ),
        (
            "key without certificate",
            with(
                mutual.tls_port,
                TlsSettings {
                    key_file: Some(cert("client.key")),
                    ..trusting_test_ca()
                },
            ),
            "TLS setup failed: memcache.tls_key_file is set but memcache.tls_cert_file is not",
        ),
        (
            "certificate file without its key",
            with(
                mutual.tls_port,
                TlsSettings {
                    cert_file: Some(cert("client.pem")),
                    ..trusting_test_ca()
                },
            ),
            "holds no PEM private key",
        ),
        (
            "server name that is no name",
            with(
                server.tls_port,
                TlsSettings {
                    server_name: Some("not a name".into()),
                    ..trusting_test_ca()
                },
            ),
            "TLS setup failed: 'not a name' is not a valid server name",
        ),
    ];
    for protocol in [ProtocolKind::Ascii, ProtocolKind::Binary] {
        for (case, config, expected) in &cases {
            let (message, elapsed) = failed_get(config.clone(), protocol);
            assert!(
                message.contains(expected),
                "{case} ({protocol:?}): {message:?} lacks {expected:?}"
            );
            println!("{case} ({protocol:?}, {elapsed:?}): {message}");
        }
    }
    // The server kept serving.
    let mut good = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, trusting_test_ca(), timeout)],
    );
    assert_eq!(set(&mut good, b"after-failures", b"v"), Outcome::Done);
}

#[test]
fn mutual_tls_with_a_client_certificate_and_without_verification() {
    let mutual = Memcached::start_tls(&format!(
        "{},ssl_ca_cert={},ssl_verify_mode=3",
        server_options("server.pem"),
        cert("ca.pem").display()
    ));
    let with_key_file = TlsSettings {
        cert_file: Some(cert("client.pem")),
        key_file: Some(cert("client.key")),
        ..trusting_test_ca()
    };
    // Certificate and key in one file: the key is found in the certificate file.
    let combined = certs().join("client-combined.pem");
    let mut both = std::fs::read(cert("client.pem")).unwrap();
    both.extend(std::fs::read(cert("client.key")).unwrap());
    std::fs::write(&combined, both).unwrap();
    let in_one_file = TlsSettings {
        cert_file: Some(combined),
        ..trusting_test_ca()
    };
    // Verification off: an unknown CA and a wrong name are accepted (still encrypted).
    let unverified = TlsSettings {
        ca_file: Some(cert("other-ca.pem")),
        verify_peer: false,
        server_name: Some("cache.example".into()),
        ..with_key_file.clone()
    };
    for (n, settings) in [with_key_file, in_one_file, unverified]
        .into_iter()
        .enumerate()
    {
        let mut pool = pool_with(
            ProtocolKind::Binary,
            vec![tls_config(mutual.tls_port, settings, SECOND)],
        );
        let key = format!("mutual-{n}").into_bytes();
        assert_eq!(set(&mut pool, &key, b"v"), Outcome::Done, "settings {n}");
        assert_eq!(get_all(&mut pool, &[key]).len(), 1);
        assert!(pool.take_events().is_empty());
    }
}

#[test]
fn a_hung_tls_server_fails_within_the_timeout() {
    let server = tls_memcached();
    let timeout = Duration::from_millis(300);
    // Hung before the handshake: TCP is accepted by the kernel, the ClientHello never answered.
    server.pause();
    let (message, elapsed) = failed_get(
        tls_config(server.tls_port, trusting_test_ca(), timeout),
        ProtocolKind::Ascii,
    );
    assert_eq!(
        message,
        "Connection failed: TLS handshake timed out (no TLS answer from the server)"
    );
    assert!(elapsed >= timeout, "{elapsed:?}");
    server.resume();
    // Hung after the handshake, mid-exchange on a kept connection: a network timeout.
    let mut pool = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, trusting_test_ca(), timeout)],
    );
    assert_eq!(set(&mut pool, b"hung", b"v"), Outcome::Done);
    server.pause();
    let started = Instant::now();
    assert!(get_all(&mut pool, &[b"hung".to_vec()]).is_empty());
    let elapsed = started.elapsed();
    assert!(elapsed >= timeout && elapsed < timeout * 2, "{elapsed:?}");
    assert_eq!(only_failure(&mut pool), "Network timeout");
    server.resume();
}

#[test]
fn a_kept_tls_connection_the_server_closed_is_reopened_silently() {
    let server = tls_memcached();
    let mut pool = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, trusting_test_ca(), SECOND)],
    );
    assert_eq!(set(&mut pool, b"stale", b"v"), Outcome::Done);
    // A restart closes the kept connection; the next request reconnects without a failure.
    let (port, tls_port) = (server.port, server.tls_port);
    drop(server);
    let _restarted = Memcached::start_tls_on(port, tls_port, &server_options("server.pem"));
    assert_eq!(set(&mut pool, b"stale", b"w"), Outcome::Done);
    assert!(pool.take_events().is_empty());
}

#[test]
fn tls_and_plain_servers_are_different_persistent_servers_on_the_same_ring_point() {
    let server = tls_memcached();
    let plain = |host: &str, port| ServerConfig {
        host: host.into(),
        persistent: true,
        ..tls_config(port, trusting_test_ca(), SECOND)
    };
    let tls_pool = pool_with(
        ProtocolKind::Ascii,
        vec![
            plain("tls://127.0.0.1", server.tls_port),
            plain("tls://127.0.0.1", server.port),
        ],
    );
    let plain_pool = pool_with(
        ProtocolKind::Ascii,
        vec![
            plain("127.0.0.1", server.tls_port),
            plain("127.0.0.1", server.port),
        ],
    );
    assert!(!std::rc::Rc::ptr_eq(
        tls_pool.server(0),
        plain_pool.server(0)
    ));
    // Every key maps to the same position in both pools.
    let policy = Policy::default();
    for key in keys(200, "ring") {
        assert_eq!(
            tls_pool.find_server(&key, &policy),
            plain_pool.find_server(&key, &policy)
        );
    }
}

#[test]
fn a_persistent_server_added_again_under_other_tls_settings_reconnects_under_them() {
    let server = tls_memcached();
    let persistent = |tls| ServerConfig {
        persistent: true,
        ..tls_config(server.tls_port, tls, SECOND)
    };
    let mut first = pool_with(ProtocolKind::Ascii, vec![persistent(trusting_test_ca())]);
    assert_eq!(set(&mut first, b"persistent", b"v"), Outcome::Done);
    // The same persistent server, now to be verified against a CA that did not sign it: its
    // open connection (verified under the old settings) must not be reused.
    let other_ca = TlsSettings {
        ca_file: Some(cert("other-ca.pem")),
        ..TlsSettings::default()
    };
    let mut second = pool_with(ProtocolKind::Ascii, vec![persistent(other_ca)]);
    assert!(std::rc::Rc::ptr_eq(first.server(0), second.server(0)));
    assert!(get_all(&mut second, &[b"persistent".to_vec()]).is_empty());
    assert!(
        only_failure(&mut second).contains("not signed by a trusted CA"),
        "the connection was reused"
    );
}

#[test]
fn the_configuration_is_built_once_per_settings_and_again_when_a_file_changes() {
    let server = tls_memcached();
    let ca_file = certs().join("rotating-ca.pem");
    std::fs::copy(cert("ca.pem"), &ca_file).unwrap();
    let settings = TlsSettings {
        ca_file: Some(ca_file.clone()),
        ..TlsSettings::default()
    };
    let built = client_config(&settings).unwrap();
    assert!(Arc::ptr_eq(&built, &client_config(&settings).unwrap()));
    let mut pool = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, settings.clone(), SECOND)],
    );
    assert_eq!(set(&mut pool, b"rotate", b"v"), Outcome::Done);
    // The file is replaced (another CA): the next new connection reads it.
    let replacement = certs().join("rotating-ca.pem.new");
    std::fs::copy(cert("other-ca.pem"), &replacement).unwrap();
    std::fs::rename(&replacement, &ca_file).unwrap();
    assert!(!Arc::ptr_eq(&built, &client_config(&settings).unwrap()));
    let mut fresh = pool_with(
        ProtocolKind::Ascii,
        vec![tls_config(server.tls_port, settings, SECOND)],
    );
    assert!(get_all(&mut fresh, &[b"rotate".to_vec()]).is_empty());
    assert!(only_failure(&mut fresh).contains("not signed by a trusted CA"));
}
