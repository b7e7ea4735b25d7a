//! `session.save_path` / `memcache.session_save_path`: a list of server URLs separated by
//! commas and/or whitespace, each with optional `?persistent=&weight=&timeout=&retry_interval=
//! &udp_port=` parameters, read as the C extension reads them: through PHP's URL parser,
//! `urldecode()` and string-to-number conversions ([`crate::compat`]).

use crate::compat::php_number::{to_float, to_int};
use crate::compat::php_url::{parse_url, url_decode};
use crate::pool::{timeout_from_seconds, ServerConfig, DEFAULT_WEIGHT};

/// One server of a session save path: its parameters and its weight on the ring.
#[derive(Clone, Debug, PartialEq)]
pub struct SavePathServer {
    /// Host as the C extension keys it on the ring: the URL host (IPv6 keeps its brackets), or
    /// `unix:///path` for a unix socket; a `tls://` URL keeps its scheme (`tls://host`), which
    /// asks for TLS and does not move the server on the ring. The TCP port is 0 for unix
    /// sockets (and for a TCP URL without port, which fails at connect). Not persistent unless
    /// `persistent` says so; TLS settings and SASL credentials are the caller's to add.
    pub config: ServerConfig,
    /// Ring weight (≥ 1).
    pub weight: u32,
}

/// Why a save path was rejected: the session cannot start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SavePathError {
    /// Nothing but separators.
    #[error("empty save path")]
    Empty,
    /// An item PHP's URL parser rejects (e.g. a non-numeric port): the C extension warns with
    /// the item's offset and the whole save path.
    #[error("Failed to parse memcache.save_path (error at offset {offset}, url was '{path}')")]
    Unparsable { offset: usize, path: String },
    /// An item in which PHP's URL parser finds no host (a bare path, a host without port,
    /// `mailto:x@y`), or a weight or timeout ≤ 0: no warning.
    #[error("unusable server in memcache.save_path")]
    Invalid,
}

/// Parses a save path into its servers, in order.
pub fn parse_save_path(path: &str) -> Result<Vec<SavePathServer>, SavePathError> {
    let mut servers = Vec::new();
    let mut offset = 0;
    for item in path.split(|c: char| c == ',' || c.is_whitespace()) {
        let item_offset = offset;
        offset += item.len() + 1;
        if item.is_empty() {
            continue;
        }
        servers.push(parse_item(item).map_err(|invalid| match invalid {
            ItemError::Syntax => SavePathError::Unparsable {
                offset: item_offset,
                path: path.to_string(),
            },
            ItemError::Unusable => SavePathError::Invalid,
        })?);
    }
    if servers.is_empty() {
        return Err(SavePathError::Empty);
    }
    Ok(servers)
}

enum ItemError {
    /// What PHP's URL parser rejects.
    Syntax,
    /// A parsed URL that names no usable server.
    Unusable,
}

/// One item, read the way the C extension reads it: a leading `unix:` becomes `file:`, the item
/// goes through PHP's URL parser ([`parse_url`]), a `file` URL with a path is a unix socket
/// (`unix://<path>`, a trailing `:0` dropped), anything else needs a host (kept as `tls://host`
/// for a `tls` URL, this extension's own). Query parameters are
/// url-decoded, the last of duplicates wins, and numbers are converted as PHP converts strings.
/// One deliberate extension: an item that starts with `[` is `[v6]` or `[v6]:port` (PHP's parser
/// finds no host in either, so the C extension refuses them).
fn parse_item(item: &str) -> Result<SavePathServer, ItemError> {
    let translated;
    let (host, port, query) = if item.starts_with('[') {
        let item = item.split_once('#').map_or(item, |(before, _)| before);
        let (address, rest) = item.split_once('?').unwrap_or((item, ""));
        let (host, port) = split_bracketed_host_port(address).ok_or(ItemError::Syntax)?;
        (host.to_string(), port, Some(rest))
    } else {
        let item = match item.strip_prefix("unix:") {
            Some(rest) => {
                translated = format!("file:{rest}");
                translated.as_str()
            }
            None => item,
        };
        let url = parse_url(item).ok_or(ItemError::Syntax)?;
        let (host, port) = match (url.scheme, url.path, url.host) {
            (Some("file"), Some(path), _) => {
                let path = path.strip_suffix(":0").unwrap_or(path);
                (format!("unix://{path}"), 0)
            }
            (Some(scheme), _, Some(host)) if scheme.eq_ignore_ascii_case("tls") => {
                (format!("tls://{host}"), url.port)
            }
            (_, _, Some(host)) => (host.to_string(), url.port),
            _ => return Err(ItemError::Unusable),
        };
        (host, port, url.query)
    };
    let mut parameters: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = url_decode(name.as_bytes());
        let value = url_decode(value.as_bytes());
        match parameters.iter_mut().find(|(n, _)| *n == name) {
            Some(existing) => existing.1 = value,
            None => parameters.push((name, value)),
        }
    }
    let mut config = ServerConfig {
        persistent: false,
        ..ServerConfig::new(host, port)
    };
    let mut weight = DEFAULT_WEIGHT;
    // The C extension keeps weight, retry_interval and udp_port in C `int`s: PHP's integer,
    // truncated to 32 bits (`weight=4294967297` is 1, `weight=2147483648` is negative).
    for (name, value) in &parameters {
        match name.as_slice() {
            b"persistent" => config.persistent = is_true(value),
            b"weight" => weight = u32::try_from(to_int(value) as i32).unwrap_or(0),
            b"timeout" => {
                let seconds = to_float(value);
                if seconds <= 0.0 {
                    return Err(ItemError::Unusable);
                }
                config.timeout = timeout_from_seconds(seconds);
            }
            b"retry_interval" => config.retry_interval = i64::from(to_int(value) as i32),
            b"udp_port" => config.udp_port = to_int(value) as u16,
            _ => {}
        }
    }
    if weight == 0 {
        return Err(ItemError::Unusable);
    }
    Ok(SavePathServer { config, weight })
}

/// `[v6]` (port 0) or `[v6]:port`.
fn split_bracketed_host_port(address: &str) -> Option<(&str, u16)> {
    let close = address.find(']')?;
    let host = &address[..=close];
    match &address[close + 1..] {
        "" => Some((host, 0)),
        port => Some((host, port.strip_prefix(':')?.parse().ok()?)),
    }
}

/// PHP's truthiness of a query-string value.
fn is_true(value: &[u8]) -> bool {
    !(value.is_empty() || value == b"0")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn parses_the_documented_forms() {
        let servers = parse_save_path(
            "tcp://127.0.0.1:11211?persistent=1&weight=2&timeout=0.5&retry_interval=3, \
             localhost:11212  udp://[::1]:11213?udp_port=9,unix:///tmp/m.sock:0?weight=1",
        )
        .unwrap();
        assert_eq!(servers.len(), 4);
        assert_eq!(servers[0].config.host, "127.0.0.1");
        assert_eq!(servers[0].config.tcp_port, 11211);
        assert!(servers[0].config.persistent);
        assert_eq!(servers[0].weight, 2);
        assert_eq!(servers[0].config.timeout, Duration::from_secs_f64(0.5));
        assert_eq!(servers[0].config.retry_interval, 3);
        assert_eq!(
            (servers[1].config.host.as_str(), servers[1].config.tcp_port),
            ("localhost", 11212)
        );
        assert_eq!(
            (servers[2].config.host.as_str(), servers[2].config.tcp_port),
            ("[::1]", 11213)
        );
        assert_eq!(servers[2].config.udp_port, 9);
        assert_eq!(
            (servers[3].config.host.as_str(), servers[3].config.tcp_port),
            ("unix:///tmp/m.sock", 0)
        );
        assert!(!servers[1].config.persistent);
    }

    #[test]
    fn a_tls_url_keeps_its_scheme_in_the_host() {
        let servers =
            parse_save_path("tls://mc.example:11211?persistent=1 TLS://[::1]:11212, tcp://h:1")
                .unwrap();
        assert_eq!(
            (servers[0].config.host.as_str(), servers[0].config.tcp_port),
            ("tls://mc.example", 11211)
        );
        assert!(servers[0].config.persistent);
        assert_eq!(
            (servers[1].config.host.as_str(), servers[1].config.tcp_port),
            ("tls://[::1]", 11212)
        );
        assert_eq!(servers[2].config.host, "h");
    }

    #[test]
    fn empty_items_are_ignored_but_an_empty_path_fails() {
        assert_eq!(
            parse_save_path(",  unix:///x.sock:0?weight=1, ")
                .unwrap()
                .len(),
            1
        );
        assert_eq!(parse_save_path(""), Err(SavePathError::Empty));
        assert_eq!(parse_save_path(" , ,"), Err(SavePathError::Empty));
    }

    #[test]
    fn bad_items_fail_the_whole_path() {
        assert_eq!(
            parse_save_path("127.0.0.1:11211, tcp://h:notaport"),
            Err(SavePathError::Unparsable {
                offset: 17,
                path: "127.0.0.1:11211, tcp://h:notaport".into()
            })
        );
        assert_eq!(
            parse_save_path("127.0.0.1:11211,/tmp/bare.sock"),
            Err(SavePathError::Invalid)
        );
        assert_eq!(
            parse_save_path("tcp://h:1?weight=0"),
            Err(SavePathError::Invalid)
        );
        assert_eq!(
            parse_save_path("tcp://h:1?timeout=-1"),
            Err(SavePathError::Invalid)
        );
        assert!(matches!(
            parse_save_path("tcp://:1"),
            Err(SavePathError::Unparsable { offset: 0, .. })
        ));
    }

    #[test]
    fn what_php_url_parsing_ignores_is_ignored() {
        for path in [
            "tcp://h:7/path",
            "tcp://h:7#fragment",
            "tcp://user:secret@h:7",
            "http://h:7",
            "tcp://h:7?weight=0&weight=2",
        ] {
            let server = &parse_save_path(path).unwrap()[0];
            assert_eq!(
                (server.config.host.as_str(), server.config.tcp_port),
                ("h", 7),
                "{path}"
            );
        }
    }

    #[test]
    fn parameters_are_read_like_the_c_extension() {
        let servers = parse_save_path(
            "tcp://h:1?timeout=0.5;weight=2,tcp://h:2?timeout=1s,tcp://h:3?weight=%32&timeout=2%20",
        )
        .unwrap();
        assert_eq!(servers[0].config.timeout, Duration::from_secs_f64(0.5));
        assert_eq!(servers[0].weight, 1);
        assert_eq!(servers[1].config.timeout, Duration::from_secs_f64(1.0));
        assert_eq!(servers[2].weight, 2);
        assert_eq!(servers[2].config.timeout, Duration::from_secs_f64(2.0));
    }

    #[test]
    fn a_url_without_port_gets_port_zero() {
        assert_eq!(
            parse_save_path("tcp://127.0.0.1").unwrap()[0]
                .config
                .tcp_port,
            0
        );
        let server = &parse_save_path("tcp://[::1]:").unwrap()[0];
        assert_eq!(
            (server.config.host.as_str(), server.config.tcp_port),
            ("[::1]", 0)
        );
    }

    /// The rows where an earlier parser differed from the C extension (php-tests/408).
    #[test]
    fn items_are_accepted_and_refused_as_by_the_c_extension() {
        let server = &parse_save_path("//127.0.0.1:11211").unwrap()[0];
        assert_eq!(
            (server.config.host.as_str(), server.config.tcp_port),
            ("127.0.0.1", 11211)
        );
        let server = &parse_save_path("127.0.0.1:11211/x").unwrap()[0];
        assert_eq!(
            (server.config.host.as_str(), server.config.tcp_port),
            ("127.0.0.1", 11211)
        );
        // No host: PHP's parser reads a path (and a scheme) only. No warning.
        for path in [
            "127.0.0.1",
            "mailto:x@y",
            "tcp:",
            "127.0.0.1:11211?weight=2",
            "FILE:///x.sock",
        ] {
            assert_eq!(parse_save_path(path), Err(SavePathError::Invalid), "{path}");
        }
        // `int` weights: 2^31 is negative, 2^32 + 1 is 1.
        assert_eq!(
            parse_save_path("tcp://h:1?weight=2147483648"),
            Err(SavePathError::Invalid)
        );
        assert_eq!(
            parse_save_path("tcp://h:1?weight=4294967297").unwrap()[0].weight,
            1
        );
        // PHP's string to float: inf, nan and hexadecimal are 0, 1e999 is infinite.
        for timeout in ["inf", "INF", "nan", "0x1p1"] {
            assert_eq!(
                parse_save_path(&format!("tcp://h:1?timeout={timeout}")),
                Err(SavePathError::Invalid),
                "{timeout}"
            );
        }
        assert_eq!(
            parse_save_path("tcp://h:1?timeout=1e999").unwrap()[0]
                .config
                .timeout,
            timeout_from_seconds(f64::INFINITY)
        );
        // A relative socket path is a host name, as for the C extension (the write fails).
        let server = &parse_save_path("unix://relative.sock").unwrap()[0];
        assert_eq!(
            (server.config.host.as_str(), server.config.tcp_port),
            ("relative.sock", 0)
        );
        let server = &parse_save_path("unix:/tmp/m.sock").unwrap()[0];
        assert_eq!(server.config.host, "unix:///tmp/m.sock");
    }

    /// Deliberately not as in the C extension, which finds no host in them (docs/differences.md).
    #[test]
    fn bracketed_ipv6_without_scheme_is_accepted() {
        let server = &parse_save_path("[::1]:11211?weight=2").unwrap()[0];
        assert_eq!(
            (
                server.config.host.as_str(),
                server.config.tcp_port,
                server.weight
            ),
            ("[::1]", 11211, 2)
        );
        assert_eq!(parse_save_path("[::1]").unwrap()[0].config.tcp_port, 0);
        assert!(matches!(
            parse_save_path("[::1]x"),
            Err(SavePathError::Unparsable { offset: 0, .. })
        ));
    }
}
