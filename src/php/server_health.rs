//! `memcache_server_health()`: the machine-wide health table as a PHP array, for status pages;
//! and the rows `php --ri memcache` shows. One entry per server any process of the user has
//! used, sorted by host and port:
//!
//! ```text
//! ['host' => '127.0.0.1', 'port' => 11211,
//!  'state' => 'up' | 'failed' | 'probing',
//!  'failures' => consecutive failed exchanges,
//!  'last_errno' => errno of the last failure (0: timeout or protocol error),
//!  'failed_at' => unix time of the last failure, or null,
//!  'down_since' => unix time the outage began, or null while up (or set down by the operator),
//!  'timeouts_only' => failed by timeouts alone (what the cascade guard counts),
//!  'probe_in' => seconds until a probe may run (0: due), or null (up, or never retried),
//!  'recoveries' => probes that brought it back,
//!  'last_used' => unix time a process last used it (to the minute)]
//! ```
//!
//! An empty array when health is kept per process (`memcache.shared_health = 0`, or a table
//! file that failed its checks).

use ext_php_rs::types::{ZendHashTable, Zval};

use crate::php::{convert, shared_health};
use crate::pool::health_table::HealthTable;
use crate::pool::{unix_now, HealthSnapshot};

/// One server's row, as both displays show it.
pub struct HealthRow {
    /// Host as added.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// `up`, `failed` or `probing`.
    pub state: &'static str,
    /// The record.
    pub snapshot: HealthSnapshot,
    /// Seconds until a probe may run (0: due), `None` when up or never retried.
    pub probe_in: Option<i64>,
    /// Unix time a process last used it.
    pub last_used: i64,
}

/// The rows of `table` at this moment, sorted by host and port.
pub fn rows(table: &HealthTable) -> Vec<HealthRow> {
    let now = unix_now();
    let mut rows: Vec<HealthRow> = table
        .entries()
        .map(|(host, port, health)| {
            let snapshot = health.snapshot(now.saturating_mul(1000));
            let state = match (snapshot.failed, snapshot.probing) {
                (false, _) => "up",
                (true, true) => "probing",
                (true, false) => "failed",
            };
            HealthRow {
                host,
                port,
                state,
                snapshot,
                probe_in: snapshot.retry_at.map(|at| at.saturating_sub(now).max(0)),
                last_used: health.last_used(),
            }
        })
        .collect();
    rows.sort_by(|a, b| (&a.host, a.port).cmp(&(&b.host, b.port)));
    rows
}

/// The body of `memcache_server_health()`.
pub fn server_health() -> Zval {
    let mut list = ZendHashTable::new();
    for row in shared_health::attach().map(rows).unwrap_or_default() {
        let mut entry = ZendHashTable::new();
        let optional = |value: Option<i64>| value.map_or_else(Zval::new, convert::long_zval);
        let s = &row.snapshot;
        let fields: [(&str, Zval); 11] = [
            ("host", convert::bytes_zval(row.host.as_bytes())),
            ("port", convert::long_zval(i64::from(row.port))),
            ("state", convert::bytes_zval(row.state.as_bytes())),
            ("failures", convert::long_zval(i64::from(s.failures))),
            ("last_errno", convert::long_zval(i64::from(s.last_errno))),
            ("failed_at", optional(Some(s.failed_at).filter(|&t| t > 0))),
            ("down_since", optional(s.down_since)),
            ("timeouts_only", convert::bool_zval(s.soft)),
            ("probe_in", optional(row.probe_in)),
            (
                "recoveries",
                convert::long_zval(i64::try_from(s.recoveries).unwrap_or(i64::MAX)),
            ),
            ("last_used", convert::long_zval(row.last_used)),
        ];
        for (key, value) in fields {
            convert::insert(&mut entry, key.as_bytes(), value);
        }
        let _ = list.push(convert::array_zval(entry));
    }
    convert::array_zval(list)
}
