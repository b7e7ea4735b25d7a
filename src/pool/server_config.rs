//! A server's parameters: what `addServer`, `connect`, `setServerParams` and a session save
//! path give, once checked, and what a [`Server`](crate::pool::Server) keeps.

use std::time::Duration;

use crate::pool::TlsSettings;

/// The parameters given to `addServer` / `setServerParams`.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerConfig {
    /// Host exactly as the user passed it (also what the ring hashes).
    pub host: String,
    /// TCP port (0 for unix sockets).
    pub tcp_port: u16,
    /// UDP port: stored, reported in failure messages and part of the persistent key; requests
    /// always use TCP.
    pub udp_port: u16,
    /// Longest wait for a connect or for progress on an exchange.
    pub timeout: Duration,
    /// Seconds before a failed server is retried; -1 never, 0 on every request.
    pub retry_interval: i64,
    /// Kept open across requests in the per-process registry.
    pub persistent: bool,
    /// Credentials sent with SASL PLAIN on every new connection (binary protocol only;
    /// `setSaslAuthData` before `addServer`).
    pub sasl: Option<SaslCredentials>,
    /// How a `tls://` host sets up TLS (the `memcache.tls_*` settings when it was added);
    /// unused by other hosts.
    pub tls: TlsSettings,
}

/// A SASL PLAIN user name and password. `Debug` does not print the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SaslCredentials {
    /// Authentication identity.
    pub username: Vec<u8>,
    /// Password.
    pub password: Vec<u8>,
}

impl std::fmt::Debug for SaslCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaslCredentials")
            .field("username", &String::from_utf8_lossy(&self.username))
            .finish_non_exhaustive()
    }
}
