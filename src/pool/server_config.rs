//! A server's parameters: what `addServer`, `connect`, `setServerParams` and a session save
//! path give, once checked, and what a [`Server`](crate::pool::Server) keeps; their defaults
//! and the rule that turns a timeout in seconds into a wait, each declared once.

use std::time::Duration;

use crate::pool::TlsSettings;

/// The parameters given to `addServer` / `setServerParams`. The server's weight on the ring and
/// whether it starts failed belong to its place in a pool, not to the server (a persistent
/// server is shared by pools that may weigh it differently): they are arguments of
/// [`Pool::add_server`](crate::pool::Pool::add_server).
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

/// The weight of a server added without one: its share of the ring (160 points per unit).
pub const DEFAULT_WEIGHT: u32 = 1;

impl ServerConfig {
    /// The timeout of a server added without one.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

    /// The retry interval (s) of a server added without one.
    pub const DEFAULT_RETRY_INTERVAL: i64 = 15;

    /// `host` on `tcp_port` with `addServer`'s defaults for everything else: no UDP port,
    /// [`Self::DEFAULT_TIMEOUT`], [`Self::DEFAULT_RETRY_INTERVAL`], persistent, no SASL
    /// credentials, default TLS settings.
    pub fn new(host: impl Into<String>, tcp_port: u16) -> Self {
        ServerConfig {
            host: host.into(),
            tcp_port,
            udp_port: 0,
            timeout: Self::DEFAULT_TIMEOUT,
            retry_interval: Self::DEFAULT_RETRY_INTERVAL,
            persistent: true,
            sasl: None,
            tls: TlsSettings::default(),
        }
    }
}

/// The longest wait a timeout gives: 10^9 s (31 years), as good as no limit for a request, and
/// well inside what [`Duration::from_secs_f64`] accepts.
const MAX_TIMEOUT_SECONDS: f64 = 1e9;

/// The wait a timeout of `seconds` (sub-second precision) means.
///
/// The C extension uses the number as it is: 0 fails every request at once, and a negative,
/// NaN or infinite timeout never ends a wait, so a hung server hangs the PHP process. Here a
/// value that is not a positive finite number means [`ServerConfig::DEFAULT_TIMEOUT`] (a zero
/// wait would fail every request, an endless one would hang), and a finite value above
/// 10^9 s means 10^9 s.
pub fn timeout_from_seconds(seconds: f64) -> Duration {
    if seconds.is_finite() && seconds > 0.0 {
        Duration::from_secs_f64(seconds.min(MAX_TIMEOUT_SECONDS))
    } else {
        ServerConfig::DEFAULT_TIMEOUT
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_is_its_seconds_when_positive_and_finite() {
        assert_eq!(timeout_from_seconds(0.25), Duration::from_millis(250));
        assert_eq!(timeout_from_seconds(3.0), Duration::from_secs(3));
        assert_eq!(timeout_from_seconds(1e-6), Duration::from_micros(1));
        assert_eq!(
            timeout_from_seconds(1e300),
            Duration::from_secs(1_000_000_000)
        );
    }

    #[test]
    fn a_timeout_that_is_no_positive_finite_number_is_the_default() {
        for seconds in [0.0, -0.0, -1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(
                timeout_from_seconds(seconds),
                ServerConfig::DEFAULT_TIMEOUT,
                "{seconds}"
            );
        }
    }
}
