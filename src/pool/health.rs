//! A server's health record and the state machine that moves it between up and failed.
//!
//! Why atomics: the same record lives either in this process (CLI, or when the shared table is
//! off or full) or in memory shared by every PHP-FPM worker of a machine
//! ([`health_table`](crate::pool::health_table)). With atomics one implementation serves both;
//! the record holds plain integers only, so it can sit in a shared mapping.
//!
//! States: **up** takes traffic. **Failed** takes none until its retry interval has passed since
//! the last failure; then exactly one process claims the **probe** (a lease with a deadline,
//! so a process killed while probing never blocks recovery) and only that process's successful
//! probe and failback step bring the server **up** again. A success on an already open
//! connection never does: a worker that was lucky must not undo another worker's failure.

use std::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, AtomicU64, Ordering};

const UP: u32 = 0;
const FAILED: u32 = 1;

/// One server's health. Every field is an atomic integer: no pointers, no heap.
#[derive(Debug, Default)]
#[repr(C)]
pub struct HealthSlot {
    /// [`UP`] or [`FAILED`].
    state: AtomicU32,
    /// Consecutive failed exchanges (timeouts count towards `memcache.failure_limit`).
    failures: AtomicU32,
    /// Unix time (s) of the last failure or failed probe; 0 for a server set down by the
    /// operator, which the C extension considers due for a retry at once.
    failed_at: AtomicI64,
    /// Unix time (s) the current outage began (0: set down by the operator).
    down_since: AtomicI64,
    /// errno (or the C extension's code) of the last failure.
    last_errno: AtomicI32,
    /// Process id of the probe's owner, 0 when nobody probes.
    probe_owner: AtomicU32,
    /// Unix time (ms) when the probe's lease runs out.
    probe_deadline_ms: AtomicI64,
    /// Recoveries so far (each probe that brought the server back up).
    recoveries: AtomicU64,
    /// The retry interval (s) the last process that looked at the server uses (display).
    retry_interval: AtomicI64,
}

/// What a process may do with a server right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// Up: send requests.
    Up,
    /// Failed and not due, or another process is probing it: skip it.
    Skip,
    /// Failed and due, and this process now holds the probe lease: probe it.
    Probe,
}

/// A copy of a record for display (`getServerStatus`, `php --ri`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthSnapshot {
    /// True while failed.
    pub failed: bool,
    /// Consecutive failures.
    pub failures: u32,
    /// Unix time (s) of the last failure.
    pub failed_at: i64,
    /// errno of the last failure.
    pub last_errno: i32,
    /// True while some process holds an unexpired probe lease.
    pub probing: bool,
    /// Recoveries so far.
    pub recoveries: u64,
    /// Unix time (s) from which a probe may run (`None`: up, or never retried).
    pub retry_at: Option<i64>,
}

/// This process's id, the owner value of the leases it takes.
fn own_pid() -> u32 {
    std::process::id()
}

impl HealthSlot {
    /// True while the server is failed (what `getServerStatus` reports as 0).
    pub fn is_failed(&self) -> bool {
        self.state.load(Ordering::Acquire) == FAILED
    }

    /// True if the server is up, or failed and due for its probe (where `findServer` says a
    /// key goes, as the C extension does, without probing).
    pub fn is_up_or_due(&self, retry_interval: i64, now: i64) -> bool {
        !self.is_failed()
            || (retry_interval >= 0
                && now
                    >= self
                        .failed_at
                        .load(Ordering::Acquire)
                        .saturating_add(retry_interval))
    }

    /// Decides what to do with the server at `now` (s) / `now_ms`: up, skip, or probe it
    /// (taking the probe lease until `now_ms + lease_ms`). `retry_interval` -1 never retries,
    /// 0 retries on every request.
    pub fn admit(&self, retry_interval: i64, now: i64, now_ms: i64, lease_ms: i64) -> Admission {
        if !self.is_failed() {
            return Admission::Up;
        }
        self.retry_interval.store(retry_interval, Ordering::Relaxed);
        let due = retry_interval >= 0
            && now
                >= self
                    .failed_at
                    .load(Ordering::Acquire)
                    .saturating_add(retry_interval);
        if due && self.claim_probe(now_ms, lease_ms) {
            Admission::Probe
        } else {
            Admission::Skip
        }
    }

    /// Takes the probe lease if nobody holds an unexpired one.
    fn claim_probe(&self, now_ms: i64, lease_ms: i64) -> bool {
        let owner = self.probe_owner.load(Ordering::Acquire);
        if owner != 0 && now_ms < self.probe_deadline_ms.load(Ordering::Acquire) {
            return false;
        }
        if self
            .probe_owner
            .compare_exchange(owner, own_pid(), Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return false;
        }
        self.probe_deadline_ms
            .store(now_ms.saturating_add(lease_ms), Ordering::Release);
        true
    }

    /// True if this process holds the probe lease.
    pub fn owns_probe(&self) -> bool {
        self.probe_owner.load(Ordering::Acquire) == own_pid()
    }

    /// Gives the lease back (only if this process still holds it).
    fn release_probe(&self) {
        let _ =
            self.probe_owner
                .compare_exchange(own_pid(), 0, Ordering::AcqRel, Ordering::Acquire);
    }

    /// Records a failed exchange at `now`. A hard failure (refused, reset, broken reply) fails
    /// the server at once; a soft one (timeout) only as the `failure_limit`-th in a row.
    /// Returns true if the server is failed now (and the failure must be reported).
    pub fn record_failure(&self, now: i64, errno: i32, hard: bool, failure_limit: u32) -> bool {
        let failures = self
            .failures
            .fetch_add(1, Ordering::AcqRel)
            .saturating_add(1);
        self.last_errno.store(errno, Ordering::Release);
        if !hard && failures < failure_limit.max(1) {
            return false;
        }
        self.failed_at.store(now, Ordering::Release);
        if self.state.swap(FAILED, Ordering::AcqRel) == UP {
            self.down_since.store(now, Ordering::Release);
        }
        true
    }

    /// Records a successful exchange: the run of consecutive failures ends. It does not bring a
    /// failed server back (only a probe or the operator does).
    pub fn record_success(&self) {
        if self.failures.load(Ordering::Acquire) != 0 {
            self.failures.store(0, Ordering::Release);
        }
    }

    /// Ends this process's probe: the server rejoins (`true`) or stays failed for another retry
    /// interval from `now` (a refusing failback callback). Ignored if the lease was lost.
    pub fn finish_probe(&self, rejoin: bool, now: i64) {
        if !self.owns_probe() {
            return;
        }
        if rejoin {
            self.failures.store(0, Ordering::Release);
            self.state.store(UP, Ordering::Release);
            self.recoveries.fetch_add(1, Ordering::AcqRel);
        } else {
            self.failed_at.store(now, Ordering::Release);
        }
        self.release_probe();
    }

    /// A failed probe: failed again from `now`, lease given back.
    pub fn probe_failed(&self, now: i64, errno: i32) {
        self.failures.fetch_add(1, Ordering::AcqRel);
        self.last_errno.store(errno, Ordering::Release);
        self.failed_at.store(now, Ordering::Release);
        self.release_probe();
    }

    /// Seconds the outage has lasted at `now` (`None` for a server set down by the operator,
    /// whose outage has no known start).
    pub fn outage_seconds(&self, now: i64) -> Option<i64> {
        match self.down_since.load(Ordering::Acquire) {
            0 => None,
            since => Some(now.saturating_sub(since)),
        }
    }

    /// Puts the server down by the operator's choice (`status = false`): failed, with the C
    /// extension's failure time of 0.
    pub fn mark_down(&self) {
        self.failed_at.store(0, Ordering::Release);
        self.down_since.store(0, Ordering::Release);
        self.state.store(FAILED, Ordering::Release);
    }

    /// Brings the server up by the operator's choice (`status = true`, an explicit `connect()`).
    pub fn mark_up(&self) {
        self.failures.store(0, Ordering::Release);
        self.state.store(UP, Ordering::Release);
    }

    /// A copy of the record as of `now_ms`.
    pub fn snapshot(&self, now_ms: i64) -> HealthSnapshot {
        HealthSnapshot {
            failed: self.is_failed(),
            failures: self.failures.load(Ordering::Acquire),
            failed_at: self.failed_at.load(Ordering::Acquire),
            last_errno: self.last_errno.load(Ordering::Acquire),
            probing: self.probe_owner.load(Ordering::Acquire) != 0
                && now_ms < self.probe_deadline_ms.load(Ordering::Acquire),
            recoveries: self.recoveries.load(Ordering::Acquire),
            retry_at: match self.retry_interval.load(Ordering::Relaxed) {
                interval if interval >= 0 && self.is_failed() => Some(
                    self.failed_at
                        .load(Ordering::Acquire)
                        .saturating_add(interval),
                ),
                _ => None,
            },
        }
    }

    /// Takes over a dead owner's lease in tests and tools: the owner value `pid`.
    #[cfg(test)]
    fn set_probe_owner(&self, pid: u32, deadline_ms: i64) {
        self.probe_owner.store(pid, Ordering::Release);
        self.probe_deadline_ms.store(deadline_ms, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEASE: i64 = 5_000;

    #[test]
    fn retry_interval_decides_when_a_failed_server_is_probed() {
        let h = HealthSlot::default();
        assert_eq!(h.admit(15, 100, 100_000, LEASE), Admission::Up);
        assert!(h.record_failure(100, 111, true, 1));
        assert!(h.is_failed());
        assert_eq!(h.admit(15, 114, 114_000, LEASE), Admission::Skip);
        assert_eq!(h.admit(-1, i64::MAX / 2, 0, LEASE), Admission::Skip);
        assert_eq!(h.admit(15, 115, 115_000, LEASE), Admission::Probe);
        // The lease holder is this process; nobody else may probe meanwhile.
        h.set_probe_owner(u32::MAX, 120_000);
        assert_eq!(h.admit(15, 116, 116_000, LEASE), Admission::Skip);
        // An expired lease (its owner died) is taken over.
        assert_eq!(h.admit(15, 121, 121_000, LEASE), Admission::Probe);
        h.finish_probe(true, 121);
        assert!(!h.is_failed());
        assert_eq!(h.snapshot(121_000).recoveries, 1);
        assert!(!h.snapshot(121_000).probing);
    }

    #[test]
    fn a_refused_probe_or_callback_waits_another_interval() {
        let h = HealthSlot::default();
        h.record_failure(100, 110, true, 1);
        assert_eq!(h.admit(10, 110, 110_000, LEASE), Admission::Probe);
        h.probe_failed(110, 110);
        assert_eq!(h.admit(10, 119, 119_000, LEASE), Admission::Skip);
        assert_eq!(h.admit(10, 120, 120_000, LEASE), Admission::Probe);
        h.finish_probe(false, 120);
        assert!(h.is_failed());
        assert_eq!(h.admit(10, 129, 129_000, LEASE), Admission::Skip);
        assert_eq!(h.snapshot(129_000).failures, 2);
    }

    #[test]
    fn timeouts_fail_the_server_only_at_the_failure_limit() {
        let h = HealthSlot::default();
        assert!(!h.record_failure(100, 0, false, 3));
        assert!(!h.record_failure(101, 0, false, 3));
        h.record_success();
        assert!(!h.record_failure(102, 0, false, 3));
        assert!(!h.record_failure(103, 0, false, 3));
        assert!(!h.is_failed());
        assert!(h.record_failure(104, 0, false, 3));
        assert!(h.is_failed());
        assert_eq!(h.outage_seconds(110), Some(6));
        // A success on a connection opened earlier does not bring it back.
        h.record_success();
        assert!(h.is_failed());
        // A hard failure needs no run.
        let refused = HealthSlot::default();
        assert!(refused.record_failure(100, 111, true, 3));
    }

    #[test]
    fn operator_decisions() {
        let h = HealthSlot::default();
        h.mark_down();
        assert_eq!(h.outage_seconds(1_700_000_000), None);
        assert_eq!(h.admit(-1, 1_700_000_000, 0, LEASE), Admission::Skip);
        assert_eq!(h.admit(15, 1_700_000_000, 0, LEASE), Admission::Probe);
        h.mark_up();
        assert!(!h.is_failed());
    }

    #[test]
    fn only_the_lease_holder_finishes_a_probe() {
        let h = HealthSlot::default();
        h.record_failure(100, 0, true, 1);
        h.set_probe_owner(u32::MAX, i64::MAX);
        h.finish_probe(true, 200);
        assert!(h.is_failed());
    }
}
