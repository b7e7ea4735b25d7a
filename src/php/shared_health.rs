//! Maps the machine-wide health table for this process on first use (`memcache.shared_health`,
//! `memcache.shared_health_file`).
//!
//! Not at module startup: a PHP-FPM master (or Apache parent) starts as root and its workers
//! run as the pool's user, whose table is the one to share with that user's CLI scripts. So
//! each process maps it itself, when it first adds a server or shows its health, with its own
//! effective uid. A file that cannot be used gives one warning per process, and the process
//! keeps server health to itself.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::php::{errors, ini};
use crate::pool::health_table::{self, HealthTable};

/// The table file this process uses (the INI's, or the user's default).
pub fn path() -> PathBuf {
    ini::shared_health_file()
        .map(|bytes| PathBuf::from(OsStr::from_bytes(&bytes)))
        .unwrap_or_else(health_table::default_path)
}

/// The shared table, mapped now if this is the first use; `None` when health is per process
/// (`memcache.shared_health = 0`, or a file that failed its checks: warned about once).
pub fn attach() -> Option<&'static HealthTable> {
    if !ini::shared_health() {
        return None;
    }
    static WARNED: AtomicBool = AtomicBool::new(false);
    let path = path();
    match health_table::install(&path) {
        Ok(table) => Some(table),
        Err(reason) => {
            if !WARNED.swap(true, Ordering::Relaxed) {
                errors::warning(&format!(
                    "memcache.shared_health_file {}: {reason}; server health is kept per process",
                    path.display()
                ));
            }
            None
        }
    }
}
