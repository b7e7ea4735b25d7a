//! The unix time the pool keeps server health in: whole seconds (the resolution of the C
//! extension's retry bookkeeping) for failures and retry intervals, milliseconds for probe
//! lease deadlines.

use std::time::{SystemTime, UNIX_EPOCH};

/// Unix time in whole seconds: `time(2)`, which the C library answers without a system call
/// and for a fraction of what a `SystemTime` reading and its subtraction cost (every call of
/// the pool reads it).
#[allow(clippy::useless_conversion)] // time_t is i64 here, narrower on some targets
pub fn unix_now() -> i64 {
    // SAFETY: `time` with a null pointer only returns the time.
    i64::from(unsafe { libc::time(std::ptr::null_mut()) })
}

/// Unix time in milliseconds (probe lease deadlines).
pub fn unix_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
