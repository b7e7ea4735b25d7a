//! Where a server listens, parsed from the host string and port the user gave `addServer`.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;

use crate::net::NetError;

/// The scheme that asks for an encrypted connection.
const TLS_SCHEME: &str = "tls://";

/// A server address: TCP host and port (in the clear or with TLS), or a unix socket path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `host` without scheme or IPv6 brackets; port 0 fails at connect time like the C extension.
    Tcp { host: String, port: u16 },
    /// `tls://host`: TCP, then a TLS handshake with `host` (without scheme or brackets) as the
    /// default name the server's certificate must carry.
    Tls { host: String, port: u16 },
    /// `unix:///path/to.sock`: the path.
    Unix(PathBuf),
}

impl Endpoint {
    /// Interprets a host as the C extension does: `unix://` selects a unix socket (the port is
    /// ignored), `tcp://` and `udp://` prefixes are dropped (requests always go over TCP), and
    /// `[::1]` loses its brackets. This extension adds `tls://`: TCP with TLS.
    pub fn new(host: &str, port: u16) -> Self {
        if let Some(path) = host.strip_prefix("unix://") {
            return Endpoint::Unix(PathBuf::from(path));
        }
        let (bare, tls) = match host.strip_prefix(TLS_SCHEME) {
            Some(rest) => (rest, true),
            None => (
                host.strip_prefix("tcp://")
                    .or_else(|| host.strip_prefix("udp://"))
                    .unwrap_or(host),
                false,
            ),
        };
        let host = bare
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(bare)
            .to_string();
        if tls {
            Endpoint::Tls { host, port }
        } else {
            Endpoint::Tcp { host, port }
        }
    }

    /// Resolves a TCP or TLS endpoint to its first socket address (blocking name lookup; an IP
    /// literal resolves without a lookup).
    pub fn resolve(&self) -> Result<SocketAddr, NetError> {
        let (Endpoint::Tcp { host, port } | Endpoint::Tls { host, port }) = self else {
            return Err(NetError::Connect {
                message: "not a TCP endpoint".into(),
                errno: 0,
            });
        };
        if *port == 0 {
            return Err(NetError::Connect {
                message: format!("Failed to parse address \"{host}\""),
                errno: 0,
            });
        }
        match (host.as_str(), *port).to_socket_addrs() {
            Ok(mut addrs) => addrs.next().ok_or_else(|| unresolvable(host)),
            Err(_) => Err(unresolvable(host)),
        }
    }
}

/// The name of a server on the hashing ring: its host as given, without a `tls://` scheme, so
/// that a fleet moving from plain TCP to TLS keeps every key on the same server. (The C
/// extension hashes the host exactly as given; it has no TLS, and `tcp://` does change the
/// ring position there, as it does here.)
pub fn ring_host(host: &str) -> &str {
    host.strip_prefix(TLS_SCHEME).unwrap_or(host)
}

fn unresolvable(host: &str) -> NetError {
    NetError::Connect {
        message: format!(
            "php_network_getaddresses: getaddrinfo for {host} failed: Name or service not known"
        ),
        errno: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_host_forms_the_c_extension_accepts() {
        assert_eq!(
            Endpoint::new("127.0.0.1", 11211),
            Endpoint::Tcp {
                host: "127.0.0.1".into(),
                port: 11211
            }
        );
        assert_eq!(
            Endpoint::new("tcp://localhost", 1),
            Endpoint::Tcp {
                host: "localhost".into(),
                port: 1
            }
        );
        assert_eq!(
            Endpoint::new("[::1]", 5),
            Endpoint::Tcp {
                host: "::1".into(),
                port: 5
            }
        );
        assert_eq!(
            Endpoint::new("unix:///tmp/x.sock", 0),
            Endpoint::Unix(PathBuf::from("/tmp/x.sock"))
        );
    }

    #[test]
    fn tls_scheme_selects_tls_and_keeps_the_ring_name_of_the_plain_host() {
        assert_eq!(
            Endpoint::new("tls://localhost", 7),
            Endpoint::Tls {
                host: "localhost".into(),
                port: 7
            }
        );
        assert_eq!(
            Endpoint::new("tls://[::1]", 7),
            Endpoint::Tls {
                host: "::1".into(),
                port: 7
            }
        );
        // unix:// never uses TLS; a tls:// inside another scheme is no scheme of ours.
        assert!(matches!(
            Endpoint::new("unix://tls://x", 0),
            Endpoint::Unix(_)
        ));
        assert_eq!(ring_host("tls://127.0.0.2"), "127.0.0.2");
        assert_eq!(ring_host("tcp://127.0.0.2"), "tcp://127.0.0.2");
        assert_eq!(ring_host("127.0.0.2"), "127.0.0.2");
    }

    #[test]
    fn port_zero_on_tcp_is_the_c_extensions_parse_error() {
        let err = Endpoint::new("127.0.0.1", 0).resolve().unwrap_err();
        assert_eq!(
            err.to_string(),
            "Connection failed: Failed to parse address \"127.0.0.1\""
        );
    }
}
