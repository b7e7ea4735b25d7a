//! Bringing a failed server back: the probe of a failed server that is due, under its probe
//! lease, then the failback step the policy of [`recovery`](crate::pool::recovery) decides, and
//! the failback callback's veto.

use crate::pool::clock::{unix_now, unix_now_ms};
use crate::pool::recovery::{failback_decision, probe_lease, FailbackFlush, ServerClock};
use crate::pool::server_pool::{server_event, HealthChange};
use crate::pool::{Admission, Command, Event, Outcome, Policy, Pool, Request};

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
            if self.finish_failback(index, true) {
                self.health_event(index, HealthChange::Rejoined);
            }
            true
        }
    }

    /// The probe of server `index` (whose lease this process holds): `version`, then the
    /// failback step. A failed exchange was recorded (and reported) as a failed probe.
    fn probe(&mut self, index: usize, policy: &Policy) -> bool {
        self.server(index).borrow_mut().disconnect();
        self.health_event(index, HealthChange::ProbeStarted);
        let mode = policy.failback_flush;
        let asked_at = unix_now();
        let mut requests = vec![Request::probe(index, Command::Version)];
        if mode == FailbackFlush::Auto {
            requests.push(Request::probe(index, Command::Uptime));
        }
        self.execute(&mut requests, policy);
        if !matches!(requests[0].outcome, Outcome::Version(_)) {
            self.refuse_probe(index, "Probe failed: no version reply");
            return false;
        }
        let clock = match requests.get(1).map(|r| &r.outcome) {
            Some(&Outcome::Clock { uptime, time }) => Some(ServerClock { uptime, time }),
            _ => None,
        };
        let (outage_start, shared) = {
            let server = self.server(index).borrow();
            (server.health.down_since(), server.health.is_shared())
        };
        let decision = failback_decision(mode, outage_start, shared, asked_at, clock);
        let flush = decision.flush;
        self.health_event(index, HealthChange::Failback(decision));
        if flush {
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
    /// Returns true if the server rejoined (this process still held the lease).
    pub fn finish_failback(&mut self, index: usize, approved: bool) -> bool {
        let server = self.server(index).borrow();
        let held = server.health.owns_probe();
        server.health.finish_probe(approved, unix_now());
        held && approved
    }
}
