//! A server's health record and the state machine that moves it between up and failed.
//!
//! Why atomics: the same record lives either in this process (health kept per process: the
//! shared table is off, unusable or full) or in the table file every process of the user maps
//! ([`health_table`](crate::pool::health_table)). With atomics one implementation serves both;
//! the record holds plain integers only, so it can sit in a shared mapping.
//!
//! States: **up** takes traffic. **Failed** takes none until its retry interval has passed since
//! the last failure; then exactly one process claims the **probe** (a lease with a deadline,
//! so a process killed while probing never blocks recovery) and only that process's successful
//! probe and failback step bring the server **up** again. A success on an already open
//! connection never does: a worker that was lucky must not undo another worker's failure.

use std::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, AtomicU64, Ordering};
use std::sync::OnceLock;

const UP: u32 = 0;
const FAILED: u32 = 1;

/// One server's health. Every field is an atomic integer: no pointers, no heap. In the shared
/// table any bit pattern is a value some process may have written: every reader copes with
/// any value (an unknown state counts as up, a time in the future as "not yet").
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
    /// Unix time (s) the current outage began: the first failure of the run of failures that
    /// failed the server, the earliest moment a write may have gone elsewhere (0: set down by
    /// the operator).
    down_since: AtomicI64,
    /// Unix time (s) of the first failure of the current run of consecutive failures.
    run_started: AtomicI64,
    /// errno (or the C extension's code) of the last failure.
    last_errno: AtomicI32,
    /// 1 while the server is failed by timeouts alone (the cascade guard counts these).
    soft: AtomicU32,
    /// Lease token ([`lease_token`]) of the probe's owner, 0 when nobody probes.
    probe_owner: AtomicU64,
    /// Unix time (ms) when the probe's lease runs out.
    probe_deadline_ms: AtomicI64,
    /// Recoveries so far (each probe that brought the server back up).
    recoveries: AtomicU64,
    /// The retry interval (s) the last process that looked at the server uses (display).
    retry_interval: AtomicI64,
    /// Unix time (s) a process last used the server (kept to the minute): a slot of the
    /// shared table nobody used for a long time may be given to another server.
    last_used: AtomicI64,
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

/// What a failed exchange did to the server's record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureVerdict {
    /// Counted; the server stays up (a timeout below `failure_limit`).
    Counted,
    /// The server is failed now (and the failure must be reported).
    Failed,
    /// A timeout that would have failed the server, held back by the cascade guard: counted,
    /// the server stays up.
    Held,
}

/// A copy of a record for display (`getServerStatus`, `php --ri`, `memcache_server_health()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthSnapshot {
    /// True while failed.
    pub failed: bool,
    /// True while failed by timeouts alone.
    pub soft: bool,
    /// Consecutive failures.
    pub failures: u32,
    /// Unix time (s) of the last failure.
    pub failed_at: i64,
    /// Unix time (s) the outage began (`None`: up, or set down by the operator).
    pub down_since: Option<i64>,
    /// errno of the last failure.
    pub last_errno: i32,
    /// True while some process holds an unexpired probe lease.
    pub probing: bool,
    /// Recoveries so far.
    pub recoveries: u64,
    /// Unix time (s) from which a probe may run (`None`: up, or never retried).
    pub retry_at: Option<i64>,
}

/// The owner value of the leases this process takes: its pid in the high half, a random
/// number drawn once per process image in the low half. The pid alone could name two
/// processes at once when processes of different pid namespaces share the table; a forked
/// child inherits the random half but has its own pid. Never 0 (nobody).
fn lease_token() -> u64 {
    static NONCE: OnceLock<u32> = OnceLock::new();
    let nonce = *NONCE.get_or_init(|| {
        let mut bytes = [0u8; 4];
        // SAFETY: getrandom writes at most `bytes.len()` bytes into the buffer.
        let filled = unsafe { libc::getrandom(bytes.as_mut_ptr().cast(), bytes.len(), 0) };
        let random = if filled == 4 {
            u32::from_ne_bytes(bytes)
        } else {
            // No getrandom: the clock's nanoseconds differ between processes enough.
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.subsec_nanos())
        };
        random.max(1)
    });
    (u64::from(std::process::id()) << 32) | u64::from(nonce)
}

/// How often (s) [`HealthSlot::touch`] writes the time of use: once a minute is enough to
/// tell a server in use from one nobody has used for a day, without a shared write per request.
const TOUCH_EVERY: i64 = 60;

impl HealthSlot {
    /// True while the server is failed (what `getServerStatus` reports as 0).
    pub fn is_failed(&self) -> bool {
        self.state.load(Ordering::Acquire) == FAILED
    }

    /// True while the server is failed by timeouts alone.
    pub fn is_soft_failed(&self) -> bool {
        self.is_failed() && self.soft.load(Ordering::Acquire) == 1
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
        self.note_retry_interval(retry_interval);
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

    /// Keeps the retry interval (s) of the process that looks at the failed server, for the
    /// displays' "probe in".
    pub fn note_retry_interval(&self, retry_interval: i64) {
        self.retry_interval.store(retry_interval, Ordering::Relaxed);
    }

    /// Takes the probe lease if nobody holds an unexpired one.
    fn claim_probe(&self, now_ms: i64, lease_ms: i64) -> bool {
        let owner = self.probe_owner.load(Ordering::Acquire);
        if owner != 0 && now_ms < self.probe_deadline_ms.load(Ordering::Acquire) {
            return false;
        }
        if self
            .probe_owner
            .compare_exchange(owner, lease_token(), Ordering::AcqRel, Ordering::Acquire)
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
        self.probe_owner.load(Ordering::Acquire) == lease_token()
    }

    /// Gives the lease back (only if this process still holds it).
    fn release_probe(&self) {
        let _ = self.probe_owner.compare_exchange(
            lease_token(),
            0,
            Ordering::AcqRel,
            Ordering::Acquire,
        );
    }

    /// Records a failed exchange at `now`. A hard failure (refused, reset, broken reply) fails
    /// the server at once; a soft one (timeout) only as the `failure_limit`-th in a row, and
    /// only if `soft_allowed` (the cascade guard has room for another server failed by
    /// timeouts).
    pub fn record_failure(
        &self,
        now: i64,
        errno: i32,
        hard: bool,
        failure_limit: u32,
        soft_allowed: bool,
    ) -> FailureVerdict {
        let before = self.failures.fetch_add(1, Ordering::AcqRel);
        if before == 0 {
            self.run_started.store(now, Ordering::Release);
        }
        self.last_errno.store(errno, Ordering::Release);
        if !hard && before.saturating_add(1) < failure_limit.max(1) {
            return FailureVerdict::Counted;
        }
        if !hard && !soft_allowed && !self.is_failed() {
            return FailureVerdict::Held;
        }
        self.failed_at.store(now, Ordering::Release);
        if hard {
            self.soft.store(0, Ordering::Release);
        }
        if self.state.swap(FAILED, Ordering::AcqRel) != FAILED {
            self.soft.store(u32::from(!hard), Ordering::Release);
            // The outage began with the run's first failure, the first write that may have
            // gone elsewhere. A start that is missing or in the future (another process ended
            // the run meanwhile, or a damaged table) gives way to `now`: a later start only
            // makes a restart harder to prove, so the failback flushes.
            let started = self.run_started.load(Ordering::Acquire);
            let since = if started > 0 && started <= now {
                started
            } else {
                now
            };
            self.down_since.store(since, Ordering::Release);
        }
        FailureVerdict::Failed
    }

    /// Records a successful exchange at `now`: the run of consecutive failures ends. It does
    /// not bring a failed server back (only a probe or the operator does).
    pub fn record_success(&self, now: i64) {
        if self.failures.load(Ordering::Acquire) != 0 {
            self.failures.store(0, Ordering::Release);
        }
        self.touch(now);
    }

    /// Notes that a process uses the server at `now` (at most one shared write a minute).
    pub fn touch(&self, now: i64) {
        if self.last_used.load(Ordering::Relaxed) < now.saturating_sub(TOUCH_EVERY) {
            self.last_used.store(now, Ordering::Relaxed);
        }
    }

    /// Unix time (s) a process last used the server, to the minute (0: never).
    pub fn last_used(&self) -> i64 {
        self.last_used.load(Ordering::Relaxed)
    }

    /// Ends this process's probe: the server rejoins (`true`) or stays failed for another retry
    /// interval from `now` (a refusing failback callback). Ignored if the lease was lost.
    pub fn finish_probe(&self, rejoin: bool, now: i64) {
        if !self.owns_probe() {
            return;
        }
        if rejoin {
            self.failures.store(0, Ordering::Release);
            self.soft.store(0, Ordering::Release);
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

    /// Unix time (s) the current outage began (`None` for a server set down by the operator,
    /// whose outage has no known start).
    pub fn down_since(&self) -> Option<i64> {
        match self.down_since.load(Ordering::Acquire) {
            0 => None,
            since => Some(since),
        }
    }

    /// Puts the server down by the operator's choice (`status = false`): failed, with the C
    /// extension's failure time of 0.
    pub fn mark_down(&self) {
        self.failed_at.store(0, Ordering::Release);
        self.down_since.store(0, Ordering::Release);
        self.soft.store(0, Ordering::Release);
        self.state.store(FAILED, Ordering::Release);
    }

    /// Brings the server up by the operator's choice (`status = true`, an explicit `connect()`).
    pub fn mark_up(&self) {
        self.failures.store(0, Ordering::Release);
        self.soft.store(0, Ordering::Release);
        self.state.store(UP, Ordering::Release);
    }

    /// A copy of the record as of `now_ms`.
    pub fn snapshot(&self, now_ms: i64) -> HealthSnapshot {
        let failed = self.is_failed();
        HealthSnapshot {
            failed,
            soft: self.is_soft_failed(),
            failures: self.failures.load(Ordering::Acquire),
            failed_at: self.failed_at.load(Ordering::Acquire),
            down_since: self.down_since().filter(|_| failed),
            last_errno: self.last_errno.load(Ordering::Acquire),
            probing: self.probe_owner.load(Ordering::Acquire) != 0
                && now_ms < self.probe_deadline_ms.load(Ordering::Acquire),
            recoveries: self.recoveries.load(Ordering::Acquire),
            retry_at: match self.retry_interval.load(Ordering::Relaxed) {
                interval if interval >= 0 && failed => Some(
                    self.failed_at
                        .load(Ordering::Acquire)
                        .saturating_add(interval),
                ),
                _ => None,
            },
        }
    }

    /// Empties the record for another server (a reused slot of the shared table).
    pub(crate) fn reset(&self) {
        self.state.store(UP, Ordering::Release);
        self.failures.store(0, Ordering::Release);
        self.failed_at.store(0, Ordering::Release);
        self.down_since.store(0, Ordering::Release);
        self.run_started.store(0, Ordering::Release);
        self.last_errno.store(0, Ordering::Release);
        self.soft.store(0, Ordering::Release);
        self.probe_owner.store(0, Ordering::Release);
        self.probe_deadline_ms.store(0, Ordering::Release);
        self.recoveries.store(0, Ordering::Release);
        self.retry_interval.store(0, Ordering::Release);
    }

    /// Gives the lease to another owner value in tests.
    #[cfg(test)]
    fn set_probe_owner(&self, owner: u64, deadline_ms: i64) {
        self.probe_owner.store(owner, Ordering::Release);
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
        assert_eq!(
            h.record_failure(100, 111, true, 1, true),
            FailureVerdict::Failed
        );
        assert!(h.is_failed());
        assert_eq!(h.admit(15, 114, 114_000, LEASE), Admission::Skip);
        assert_eq!(h.admit(-1, i64::MAX / 2, 0, LEASE), Admission::Skip);
        assert_eq!(h.admit(15, 115, 115_000, LEASE), Admission::Probe);
        // The lease holder is this process; nobody else may probe meanwhile.
        h.set_probe_owner(u64::MAX, 120_000);
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
        h.record_failure(100, 110, true, 1, true);
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
        use FailureVerdict::{Counted, Failed};
        let h = HealthSlot::default();
        assert_eq!(h.record_failure(100, 0, false, 3, true), Counted);
        assert_eq!(h.record_failure(101, 0, false, 3, true), Counted);
        h.record_success(101);
        assert_eq!(h.record_failure(102, 0, false, 3, true), Counted);
        assert_eq!(h.record_failure(103, 0, false, 3, true), Counted);
        assert!(!h.is_failed());
        assert_eq!(h.record_failure(104, 0, false, 3, true), Failed);
        assert!(h.is_failed() && h.is_soft_failed());
        // The outage began with the first timeout of the run (its write went elsewhere), not
        // when the limit was reached.
        assert_eq!(h.down_since(), Some(102));
        // A success on a connection opened earlier does not bring it back.
        h.record_success(105);
        assert!(h.is_failed());
        // A hard failure needs no run, and is no soft failure.
        let refused = HealthSlot::default();
        assert_eq!(refused.record_failure(100, 111, true, 3, false), Failed);
        assert!(!refused.is_soft_failed());
        assert_eq!(refused.down_since(), Some(100));
    }

    #[test]
    fn the_cascade_guard_holds_a_timeout_back_but_never_a_refusal() {
        let h = HealthSlot::default();
        assert_eq!(
            h.record_failure(100, 0, false, 1, false),
            FailureVerdict::Held
        );
        assert!(!h.is_failed());
        assert_eq!(
            h.record_failure(101, 0, false, 1, true),
            FailureVerdict::Failed
        );
        assert_eq!(
            h.down_since(),
            Some(100),
            "the held timeout began the outage"
        );
        let refused = HealthSlot::default();
        assert_eq!(
            refused.record_failure(100, 111, true, 1, false),
            FailureVerdict::Failed
        );
    }

    #[test]
    fn a_damaged_run_start_gives_the_later_outage_start() {
        let h = HealthSlot::default();
        h.run_started.store(i64::MAX, Ordering::Relaxed);
        h.failures.store(1, Ordering::Relaxed);
        assert_eq!(
            h.record_failure(100, 0, true, 1, true),
            FailureVerdict::Failed
        );
        assert_eq!(h.down_since(), Some(100));
        // An unknown state counts as up and is failed normally.
        let odd = HealthSlot::default();
        odd.state.store(7, Ordering::Relaxed);
        assert!(!odd.is_failed());
        assert_eq!(
            odd.record_failure(100, 0, true, 1, true),
            FailureVerdict::Failed
        );
        assert!(odd.is_failed());
    }

    #[test]
    fn use_is_noted_once_a_minute() {
        let h = HealthSlot::default();
        h.touch(1000);
        assert_eq!(h.last_used(), 1000);
        h.touch(1059);
        assert_eq!(h.last_used(), 1000);
        h.record_success(1061);
        assert_eq!(h.last_used(), 1061);
    }

    #[test]
    fn operator_decisions() {
        let h = HealthSlot::default();
        h.mark_down();
        assert_eq!(h.down_since(), None);
        assert_eq!(h.admit(-1, 1_700_000_000, 0, LEASE), Admission::Skip);
        assert_eq!(h.admit(15, 1_700_000_000, 0, LEASE), Admission::Probe);
        h.mark_up();
        assert!(!h.is_failed());
    }

    #[test]
    fn only_the_lease_holder_finishes_a_probe() {
        let h = HealthSlot::default();
        h.record_failure(100, 0, true, 1, true);
        h.set_probe_owner(u64::MAX, i64::MAX);
        h.finish_probe(true, 200);
        assert!(h.is_failed());
    }
}
