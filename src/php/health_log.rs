//! `memcache.health_log`: one line in PHP's error log (the `error_log` file, or the SAPI's log:
//! stderr for the CLI, the FPM log) for each step of a server's health that this process saw
//! or took: failed (with errno and message), a timeout the cascade guard kept from failing it,
//! probe started, flushed or not and why, rejoined, kept down by the failback callback.
//! Off by default. Every line starts with `memcache: server HOST:PORT`.

use std::ffi::CString;

use crate::php::{ffi, ini};
use crate::pool::{HealthChange, ServerEvent};

/// syslog's `LOG_NOTICE`: what the lines are for syslog-backed error logs.
const LOG_NOTICE: i32 = 5;

/// A step of a server's health.
pub enum Step<'a> {
    /// It failed.
    Failed,
    /// A change the pool reported.
    Change(&'a HealthChange),
    /// The failback callback refused (or threw): it stays failed.
    Vetoed,
    /// It rejoined after the failback callback agreed.
    Rejoined,
}

/// Writes the line of `step` of `server` if `memcache.health_log` is on.
pub fn log(server: &ServerEvent, step: &Step<'_>) {
    if !ini::health_log() {
        return;
    }
    let line = format!(
        "memcache: server {}:{} {}",
        server.host,
        server.tcp_port,
        describe(server, step)
    );
    let line = CString::new(line.replace('\0', "")).unwrap_or_default();
    // SAFETY: a NUL-terminated message that outlives the call.
    unsafe { ffi::php_log_err_with_severity(line.as_ptr(), LOG_NOTICE) };
}

fn describe(server: &ServerEvent, step: &Step<'_>) -> String {
    match step {
        Step::Failed => format!("failed: {} ({})", server.message, server.errnum),
        Step::Vetoed => "stays failed: the failback callback refused".into(),
        Step::Rejoined | Step::Change(HealthChange::Rejoined) => "rejoined".into(),
        Step::Change(HealthChange::ProbeStarted) => "probe started".into(),
        Step::Change(HealthChange::Failback(decision)) => format!(
            "{}: {}",
            if decision.flush {
                "flushed"
            } else {
                "not flushed"
            },
            decision.reason
        ),
        Step::Change(HealthChange::Held {
            failed,
            servers,
            allowed,
        }) => format!(
            "timed out ({} ({})) but not marked failed: {failed} of {servers} servers are failed \
             by timeouts, memcache.max_failed_share allows {allowed}",
            server.message, server.errnum
        ),
    }
}
