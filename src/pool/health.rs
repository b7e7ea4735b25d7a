//! A server's failure state: plain integers, so the table can later move into memory shared by
//! all PHP-FPM workers without change (no pointers, no heap).

/// Whether a server may take requests, and since when it has been failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct Health {
    failed: bool,
    /// Unix time (seconds) of the failure; 0 for a server added or set down by the operator,
    /// which the C extension considers retryable at once unless `retry_interval` is -1.
    failed_at: i64,
}

impl Health {
    /// True while the server is in the failed state (what `getServerStatus` reports as 0).
    pub fn is_failed(&self) -> bool {
        self.failed
    }

    /// True if requests may be sent: the server is up, or failed and its retry interval has
    /// passed (`retry_interval` -1 never retries, 0 retries on every request).
    pub fn is_usable(&self, retry_interval: i64, now: i64) -> bool {
        !self.failed
            || (retry_interval >= 0 && now >= self.failed_at.saturating_add(retry_interval))
    }

    /// Records a failure observed at `now`.
    pub fn mark_failed(&mut self, now: i64) {
        self.failed = true;
        self.failed_at = now;
    }

    /// Puts the server down by the operator's choice (`status = false`): failed, with the C
    /// extension's failure time of 0.
    pub fn mark_down(&mut self) {
        self.failed = true;
        self.failed_at = 0;
    }

    /// Marks the server healthy (a successful exchange, or `status = true`).
    pub fn mark_up(&mut self) {
        self.failed = false;
        self.failed_at = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_interval_decides_when_a_failed_server_is_retried() {
        let mut h = Health::default();
        assert!(h.is_usable(15, 100));
        h.mark_failed(100);
        assert!(h.is_failed());
        assert!(!h.is_usable(15, 114));
        assert!(h.is_usable(15, 115));
        assert!(h.is_usable(0, 100));
        assert!(!h.is_usable(-1, i64::MAX));
        h.mark_down();
        assert!(h.is_usable(15, 1_700_000_000));
        assert!(!h.is_usable(-1, 1_700_000_000));
        h.mark_up();
        assert!(!h.is_failed());
    }
}
