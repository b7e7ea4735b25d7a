//! How much memory PHP can still give the values of a call, so that a reply is refused at its
//! header instead of being buffered beyond what the script could ever hold (the C extension
//! tries to allocate it and dies with "Allowed memory size exhausted", or worse).

use std::sync::OnceLock;

use ext_php_rs::ffi::_php_core_globals;

use crate::php::ffi;
use crate::pool::MAX_VALUE_LEN;

crate::php_api! {
    // Zend/zend_alloc.h
    fn zend_memory_usage(real_usage: bool) -> usize;
}

/// Bytes of values a call may read (and inflate): `memory_limit` minus what the request uses
/// now, at most memcached's largest item; that largest item when there is no limit (`-1`).
pub fn value_budget() -> usize {
    // Resolved at run time like every PHP symbol here (see `ffi`): the address of PHP's
    // `core_globals` (`PG()` in an NTS build).
    static CORE_GLOBALS: OnceLock<Option<usize>> = OnceLock::new();
    let Some(globals) = *CORE_GLOBALS.get_or_init(|| ffi::lookup(c"core_globals")) else {
        return MAX_VALUE_LEN;
    };
    // SAFETY: `core_globals` is PHP's `php_core_globals`, alive for the whole process; the
    // engine writes `memory_limit` only from `ini_set()`, never while this call runs.
    let limit = unsafe { (*(globals as *const _php_core_globals)).memory_limit };
    let Ok(limit) = usize::try_from(limit) else {
        return MAX_VALUE_LEN;
    };
    // SAFETY: reads the allocator's counters of this thread's request.
    let used = unsafe { zend_memory_usage(false) };
    limit.saturating_sub(used).min(MAX_VALUE_LEN)
}
