//! The failback policy: what a failed server goes through before it rejoins, decided here and
//! carried out by the probe ([`probe`](crate::pool::probe)).
//!
//! The C extension sends live traffic to a failed server as soon as its retry interval has
//! passed, in every worker at once; if the server was only unreachable and kept its memory,
//! reads then return values that were overwritten on the failover servers meanwhile. Here a
//! failed server that is due is first claimed by exactly one process (the probe lease of its
//! [`HealthSlot`](crate::pool::HealthSlot), machine-wide when health is shared, held for
//! [`probe_lease`]), which asks for its `version` within the server's timeout and then runs the
//! failback step of `memcache.failback_flush` ([`FailbackFlush`]):
//!
//! - `never`: nothing (the C extension's behaviour);
//! - `always`: `flush_all`, so nothing written before the outage can be read again;
//! - `auto`: `stats` for the server's `uptime` and `time`; the flush is skipped only when they
//!   prove that the server started after the outage began (it restarted and lost everything it
//!   held), see [`failback_decision`]. In every other case, including a reply without those
//!   figures, a server with per-process health and any doubt from the clocks, it flushes. A
//!   server the operator set down (no outage start known) is not flushed.
//!
//! Only then does the server rejoin, or, when a failback callback is registered, once the PHP
//! layer has run it ([`Event::FailbackReady`](crate::pool::Event::FailbackReady),
//! [`Pool::finish_failback`](crate::pool::Pool::finish_failback)). Other processes keep
//! skipping the server all the while.

use std::time::Duration;

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

/// What the failback step does with a server that passed its probe, and why (the health log
/// tells it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailbackDecision {
    /// `flush_all` before the server rejoins.
    pub flush: bool,
    /// Why, in a few words.
    pub reason: String,
}

/// The clock figures of a probed server's `stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerClock {
    /// `uptime` (s).
    pub uptime: u64,
    /// `time`: the server's unix time (s).
    pub time: u64,
}

/// Decides the failback step of a server whose probe passed.
///
/// `outage_start` is the whole second of the first failure of the run that failed the server
/// (`None`: set down by the operator); `shared`: that record is the machine-wide one;
/// `asked_at`: our whole second before the probe was sent; `clock`: its `stats` figures.
///
/// Under `auto` the flush is skipped only if both of these prove that the server started
/// after the outage began (so it lost what it held, and nobody sharing the table wrote to it
/// since):
///
/// 1. By our clock: memcached's `uptime` overstates its real age (its clock starts 2 s early,
///    which covers whole-second rounding and a clock tick up to 1 s late), so it started
///    after `asked_at - uptime`; the outage began before `outage_start + 1`. Proven if
///    `uptime + 1 <= asked_at - outage_start`.
/// 2. By its clock: `time - uptime` is the whole second it started at, minus 2 (both come from
///    the same tick, so a late tick cancels out). Proven if
///    `time - uptime + 2 >= outage_start + 1`. This catches the case the first one misses:
///    a server that was frozen and answers before its clock has caught up reports too small
///    an uptime; across hosts it needs clocks that agree (a server whose clock is behind
///    is flushed).
///
/// Per-process health is several views of one server: another process may have written to the
/// restarted server while this one still skipped it, so `auto` flushes.
pub fn failback_decision(
    mode: FailbackFlush,
    outage_start: Option<i64>,
    shared: bool,
    asked_at: i64,
    clock: Option<ServerClock>,
) -> FailbackDecision {
    let decide = |flush: bool, reason: String| FailbackDecision { flush, reason };
    let start = match (mode, outage_start) {
        (FailbackFlush::Never, _) => return decide(false, "failback_flush=never".into()),
        (FailbackFlush::Always, _) => return decide(true, "failback_flush=always".into()),
        (FailbackFlush::Auto, None) => {
            return decide(
                false,
                "set down by the operator: no outage to repair".into(),
            )
        }
        (FailbackFlush::Auto, Some(start)) => start,
    };
    if !shared {
        return decide(
            true,
            "health is kept per process: other processes may have written to it".into(),
        );
    }
    let Some(clock) = clock else {
        return decide(true, "no uptime in its stats".into());
    };
    let uptime = i64::try_from(clock.uptime).unwrap_or(i64::MAX);
    let time = i64::try_from(clock.time).unwrap_or(i64::MAX);
    let outage = asked_at.saturating_sub(start);
    let by_our_clock = uptime.saturating_add(1) <= outage;
    let by_its_clock = time.saturating_sub(uptime).saturating_add(2) > start;
    if by_our_clock && by_its_clock {
        decide(
            false,
            format!("restarted during the outage (uptime {uptime} s, outage {outage} s)"),
        )
    } else if by_our_clock {
        decide(
            true,
            format!("its clock does not confirm a restart (uptime {uptime} s, time {time})"),
        )
    } else {
        decide(
            true,
            format!("a restart after the outage began is not proven (uptime {uptime} s, outage {outage} s)"),
        )
    }
}

/// How long a probe lease lasts: the probe's connect and exchanges (version and uptime, then
/// the flush), each within the timeout, plus time for the failback callback. A process killed
/// meanwhile loses the lease when it runs out.
pub fn probe_lease(timeout: Duration) -> Duration {
    timeout.saturating_mul(4) + Duration::from_secs(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A memcached that started (its clock initialised) at unix second `started`, read at
    /// `asked_at` with its clock on time.
    fn clock(started: i64, asked_at: i64) -> Option<ServerClock> {
        let uptime = (asked_at - started + 2) as u64;
        Some(ServerClock {
            uptime,
            time: asked_at as u64,
        })
    }

    fn auto(outage_start: i64, asked_at: i64, clock: Option<ServerClock>) -> bool {
        failback_decision(
            FailbackFlush::Auto,
            Some(outage_start),
            true,
            asked_at,
            clock,
        )
        .flush
    }

    #[test]
    fn auto_keeps_only_a_server_whose_clock_proves_a_restart_after_the_outage_began() {
        // Outage from 1000; probe at 1010.
        // Up since long before: flushed.
        assert!(auto(1000, 1010, clock(500, 1010)));
        // Started in the very second the outage began, or the next two: not provable (the
        // rounding and the 2-s early clock), flushed.
        assert!(auto(1000, 1010, clock(1000, 1010)));
        assert!(auto(1000, 1010, clock(1001, 1010)));
        assert!(auto(1000, 1010, clock(1002, 1010)));
        // Three seconds after: its uptime (10 - 3 + 2 = 9) + 1 <= 10.
        assert!(!auto(1000, 1010, clock(1003, 1010)));
        // A clock tick a second late still proves it; the uptime understated by a frozen
        // clock is caught by the server's own time.
        let late = ServerClock {
            uptime: 8,
            time: 1009,
        };
        assert!(!auto(1000, 1010, Some(late)));
        let frozen = ServerClock {
            uptime: 5,
            time: 995 + 5 - 2,
        };
        assert!(
            auto(1000, 1010, Some(frozen)),
            "started at 995 by its own clock"
        );
        // No figures: flushed.
        assert!(auto(1000, 1010, None));
    }

    #[test]
    fn the_modes_and_what_auto_cannot_know() {
        let restarted = clock(1005, 1010);
        let decide =
            |mode, start, shared| failback_decision(mode, start, shared, 1010, restarted).flush;
        assert!(!decide(FailbackFlush::Auto, Some(1000), true));
        assert!(decide(FailbackFlush::Always, Some(1000), true));
        assert!(!decide(FailbackFlush::Never, Some(900), true));
        // Per-process health: other processes' writes are unknown.
        assert!(decide(FailbackFlush::Auto, Some(1000), false));
        // Set down by the operator: no outage.
        assert!(!decide(FailbackFlush::Auto, None, true));
        // Absurd figures (a damaged reply) never prove a restart.
        let absurd = Some(ServerClock {
            uptime: u64::MAX,
            time: 0,
        });
        assert!(failback_decision(FailbackFlush::Auto, Some(1000), true, 1010, absurd).flush);
    }
}
