//! Where a server listens, parsed from the host string and port the user gave `addServer`.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;

use crate::net::NetError;

/// A server address: TCP host and port, or a unix socket path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `host` without scheme or IPv6 brackets; port 0 fails at connect time like the C extension.
    Tcp { host: String, port: u16 },
    /// `unix:///path/to.sock`: the path.
    Unix(PathBuf),
}

impl Endpoint {
    /// Interprets a host as the C extension does: `unix://` selects a unix socket (the port is
    /// ignored), `tcp://` and `udp://` prefixes are dropped (requests always go over TCP), and
    /// `[::1]` loses its brackets.
    pub fn new(host: &str, port: u16) -> Self {
        if let Some(path) = host.strip_prefix("unix://") {
            return Endpoint::Unix(PathBuf::from(path));
        }
        let bare = host
            .strip_prefix("tcp://")
            .or_else(|| host.strip_prefix("udp://"))
            .unwrap_or(host);
        let bare = bare
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(bare);
        Endpoint::Tcp {
            host: bare.to_string(),
            port,
        }
    }

    /// Resolves a TCP endpoint to its first socket address (blocking name lookup; an IP literal
    /// resolves without a lookup).
    pub fn resolve(&self) -> Result<SocketAddr, NetError> {
        let Endpoint::Tcp { host, port } = self else {
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
    fn port_zero_on_tcp_is_the_c_extensions_parse_error() {
        let err = Endpoint::new("127.0.0.1", 0).resolve().unwrap_err();
        assert_eq!(
            err.to_string(),
            "Connection failed: Failed to parse address \"127.0.0.1\""
        );
    }
}
