//! The unix time the pool keeps server health in: whole seconds (the resolution of the C
//! extension's retry bookkeeping) for failures and retry intervals, milliseconds for probe
//! lease deadlines.

use std::time::{SystemTime, UNIX_EPOCH};

/// Unix time in whole seconds.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Unix time in milliseconds (probe lease deadlines).
pub fn unix_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
