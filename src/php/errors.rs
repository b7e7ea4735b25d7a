//! E_WARNING / E_NOTICE / E_DEPRECATED raised the way a C extension does.
//!
//! Messages go through `php_error_docref(NULL, type, "%s", msg)`, so the engine
//! adds the usual `Class::method(): `, `function(): `, `ini_set(): ` or
//! `PHP Startup: ` prefix, honours `@`, `error_reporting` and user error
//! handlers, and a `%` in the message is printed as is. A message is cut at
//! its first NUL byte, as the C extension's `%s` does.

use std::ffi::{c_int, CString};

use ext_php_rs::ffi::{php_error_docref, E_NOTICE, E_WARNING};

/// Raises an E_WARNING with `msg`.
pub fn warning(msg: &str) {
    warning_bytes(msg.as_bytes());
}

/// Raises an E_WARNING whose text holds raw bytes (e.g. a non-UTF-8 INI value).
pub fn warning_bytes(msg: &[u8]) {
    raise(E_WARNING, msg);
}

/// Raises an E_NOTICE with `msg`.
pub fn notice(msg: &str) {
    raise(E_NOTICE, msg.as_bytes());
}

/// True while an exception is pending (`EG(exception) != NULL`): the caller must
/// return to PHP at once, the engine throws it there.
#[must_use]
pub fn exception_pending() -> bool {
    // SAFETY: the executor globals are a static of the PHP binary. Reading one
    // pointer field needs no ext-php-rs globals lock (a lock could be left held
    // by a bailout).
    unsafe {
        !(*ext_php_rs::ffi::ext_php_rs_executor_globals())
            .exception
            .is_null()
    }
}

fn raise(kind: u32, msg: &[u8]) {
    let end = msg.iter().position(|&b| b == 0).unwrap_or(msg.len());
    let text = CString::new(&msg[..end]).unwrap_or_default();
    // SAFETY: both strings are NUL-terminated and outlive the call; the message
    // is passed as a `%s` argument, never as the format.
    unsafe {
        php_error_docref(
            std::ptr::null(),
            kind as c_int,
            c"%s".as_ptr(),
            text.as_ptr(),
        )
    };
}
