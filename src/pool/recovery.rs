//! Bringing a failed server back: probe before rejoin, the failback step, and the failback
//! callback's veto.
//!
//! The C extension sends live traffic to a failed server as soon as its retry interval has
//! passed, in every worker at once; if the server was only unreachable and kept its memory,
//! reads then return values that were overwritten on the failover servers meanwhile. Here a
//! failed server that is due is first claimed by exactly one process (the probe lease of its
//! [`HealthSlot`](crate::pool::HealthSlot), machine-wide when health is shared), which asks
//! for its `version` within the server's timeout and then runs the failback step of
//! `memcache.failback_flush`:
//!
//! - `never`: nothing (the C extension's behaviour);
//! - `always`: `flush_all`, so nothing written before the outage can be read again;
//! - `auto`: `stats` for its `uptime`; a server up since before the outage began (uptime
//!   longer than the outage, beyond [`UPTIME_SLACK`]) kept its memory and is flushed, a
//!   restarted one is empty already and keeps what other clients wrote since. Under the binary protocol, where stats are not read, `auto` flushes like
//!   `always`. A server the operator set down (no outage start known) is not flushed.
//!
//! Only then does the server rejoin, or, when a failback callback is registered, once the PHP
//! layer has run it ([`Event::FailbackReady`], [`Pool::finish_failback`]). Other processes
//! keep skipping the server all the while.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::pool::server_pool::server_event;
use crate::pool::{unix_now, Admission, Command, Event, Outcome, Policy, Pool, Request};

/// `memcache.failback_flush`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FailbackFlush {
    /// Rejoin as is (the C extension's behaviour).
    Never,
    /// Flush if the server kept its memory through the outage.
    #[default]
    Auto,
    /// Always flush before rejoining.
    Always,
}

/// Seconds by which a restarted memcached's `uptime` may exceed the outage: memcached starts
/// its clock two seconds in the past, and both figures are whole seconds. A server whose
/// uptime is larger was up before the outage began and kept its memory.
const UPTIME_SLACK: i64 = 3;

/// Unix time in milliseconds (probe lease deadlines).
fn unix_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// How long a probe lease lasts: the probe's connect and exchanges (version and uptime, then
/// the flush), each within the timeout, plus time for the failback callback. A process killed
/// meanwhile loses the lease when it runs out.
pub fn probe_lease(timeout: Duration) -> Duration {
    timeout.saturating_mul(4) + Duration::from_secs(5)
}

impl Pool {
    /// Probes failed server `index`, which a request is about to use, if this process wins
    /// its probe lease. True if the server is up afterwards: it passed and rejoined at once;
    /// with a failback callback it waits for the callback ([`Event::FailbackReady`]) and stays
    /// out of this call.
    pub(crate) fn probe_server(&mut self, index: usize, policy: &Policy) -> bool {
        let admission = {
            let server = self.server(index).borrow();
            let lease = probe_lease(server.config.timeout);
            server.health.admit(
                server.config.retry_interval,
                unix_now(),
                unix_now_ms(),
                i64::try_from(lease.as_millis()).unwrap_or(i64::MAX),
            )
        };
        match admission {
            Admission::Up => return true,
            Admission::Skip => return false,
            Admission::Probe => {}
        }
        if !self.probe(index, policy) {
            return false;
        }
        if self.failback_callback {
            let server = server_event(&self.server(index).borrow(), "", 0);
            self.events.push(Event::FailbackReady { index, server });
            false
        } else {
            self.finish_failback(index, true);
            true
        }
    }

    /// The probe of server `index` (whose lease this process holds): `version`, then the
    /// failback step. A failed exchange was recorded (and reported) as a failed probe.
    fn probe(&mut self, index: usize, policy: &Policy) -> bool {
        self.server(index).borrow_mut().disconnect();
        let flush = policy.failback_flush;
        let mut requests = vec![Request::probe(index, Command::Version)];
        if flush == FailbackFlush::Auto {
            requests.push(Request::probe(index, Command::Uptime));
        }
        self.execute(&mut requests, policy);
        if !matches!(requests[0].outcome, Outcome::Version(_)) {
            self.refuse_probe(index, "Probe failed: no version reply");
            return false;
        }
        let outage = self
            .server(index)
            .borrow()
            .health
            .outage_seconds(unix_now());
        let must_flush = match flush {
            FailbackFlush::Never => false,
            FailbackFlush::Always => true,
            FailbackFlush::Auto => match (outage, requests.get(1).map(|r| &r.outcome)) {
                (None, _) => false,
                (Some(outage), Some(Outcome::Counter(uptime))) => {
                    i64::try_from(*uptime).unwrap_or(i64::MAX) > outage.saturating_add(UPTIME_SLACK)
                }
                (Some(_), _) => true,
            },
        };
        if must_flush {
            let mut flush = [Request::probe(index, Command::Flush { delay: 0 })];
            self.execute(&mut flush, policy);
            if flush[0].outcome != Outcome::Done {
                self.refuse_probe(index, "Failback flush failed");
                return false;
            }
        }
        true
    }

    /// Ends a probe that got answers but cannot let the server back: failed again (with a
    /// failure event) unless the exchange already recorded that.
    fn refuse_probe(&mut self, index: usize, message: &str) {
        let server = self.server(index).clone();
        let server = server.borrow();
        if server.health.owns_probe() {
            server.health.probe_failed(unix_now(), 0);
            self.events
                .push(Event::Failure(server_event(&server, message, 0)));
        }
    }

    /// Lets server `index` rejoin after a successful probe (`approved`), or keeps it failed for
    /// another retry interval (the failback callback returned `false` or threw).
    pub fn finish_failback(&mut self, index: usize, approved: bool) {
        self.server(index)
            .borrow()
            .health
            .finish_probe(approved, unix_now());
    }
}
