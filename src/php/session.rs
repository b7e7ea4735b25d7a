//! The `memcache` session save handler: registers a `ps_module` with ext/session (which
//! ext-php-rs does not bind, so the struct mirrors `php_session.h`, unchanged since
//! PHP_SESSION_API 20161017) and drives [`crate::session::SessionStore`].
//!
//! Every callback is wrapped in `catch_unwind`: a panic must never cross into the engine.

use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use ext_php_rs::boxed::ZBox;
use ext_php_rs::ffi::{zend_long, zend_string};
use ext_php_rs::types::ZendStr;

use crate::php::{errors, ffi, ini, pool_object, prefix, shared_health};
use crate::pool::{Policy, ServerConfig};
use crate::session::{parse_save_path, SavePathError, SessionSettings, SessionStore};
use crate::value::Compression;

const SUCCESS: c_int = 0;
const FAILURE: c_int = -1;

/// `ps_module` of `php_session.h`.
#[repr(C)]
pub struct PsModule {
    s_name: *const c_char,
    s_open: unsafe extern "C" fn(*mut *mut c_void, *const c_char, *const c_char) -> c_int,
    s_close: unsafe extern "C" fn(*mut *mut c_void) -> c_int,
    s_read: unsafe extern "C" fn(
        *mut *mut c_void,
        *mut zend_string,
        *mut *mut zend_string,
        zend_long,
    ) -> c_int,
    s_write: unsafe extern "C" fn(
        *mut *mut c_void,
        *mut zend_string,
        *mut zend_string,
        zend_long,
    ) -> c_int,
    s_destroy: unsafe extern "C" fn(*mut *mut c_void, *mut zend_string) -> c_int,
    s_gc: unsafe extern "C" fn(*mut *mut c_void, zend_long, *mut zend_long) -> zend_long,
    s_create_sid: unsafe extern "C" fn(*mut *mut c_void) -> *mut zend_string,
    s_validate_sid: unsafe extern "C" fn(*mut *mut c_void, *mut zend_string) -> c_int,
    s_update_timestamp: unsafe extern "C" fn(
        *mut *mut c_void,
        *mut zend_string,
        *mut zend_string,
        zend_long,
    ) -> c_int,
}

// SAFETY: the module table is immutable and only read by the engine.
unsafe impl Sync for PsModule {}

static MODULE: PsModule = PsModule {
    s_name: c"memcache".as_ptr(),
    s_open: open,
    s_close: close,
    s_read: read,
    s_write: write,
    s_destroy: destroy,
    s_gc: gc,
    s_create_sid: create_sid,
    s_validate_sid: validate_sid,
    // The C handler's update_timestamp writes the data too, and the write releases the lock.
    s_update_timestamp: write,
};

crate::php_api! {
    fn php_session_register_module(module: *const PsModule) -> c_int;
    fn php_session_create_id(mod_data: *mut *mut c_void) -> *mut zend_string;
}

/// Registers the handler as `memcache` if ext/session is loaded; `false` otherwise.
pub fn register() -> bool {
    if ffi::lookup(c"php_session_register_module").is_none() {
        return false;
    }
    // SAFETY: MINIT, with a static module table.
    unsafe { php_session_register_module(&MODULE) == SUCCESS }
}

/// One request's handler state, kept in `PS(mod_data)`.
struct Handler {
    store: RefCell<SessionStore>,
    compression: Compression,
}

fn guard<R>(failed: R, body: impl FnOnce() -> R) -> R {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(failed)
}

/// The bytes of an engine string (empty for null).
///
/// # Safety
/// `s` is null or a live zend_string.
unsafe fn bytes<'a>(s: *mut zend_string) -> &'a [u8] {
    // SAFETY: guaranteed by the caller.
    unsafe { s.cast::<ZendStr>().as_ref() }.map_or(&[], ZendStr::as_bytes)
}

/// The handler of `mod_data`, if `open` succeeded.
///
/// # Safety
/// `mod_data` is the engine's `PS(mod_data)` slot.
unsafe fn handler<'a>(mod_data: *mut *mut c_void) -> Option<&'a Handler> {
    // SAFETY: the slot holds null or the Box created by `open`.
    unsafe { (*mod_data).cast::<Handler>().as_ref() }
}

/// The pool and settings for a save path: the INI of this moment decides
/// hashing, protocol, compression, redundancy and locking; no failure callback, no notices.
fn open_store(path: &str) -> Result<Handler, SavePathError> {
    let servers = parse_save_path(path)?;
    let mut pool = pool_object::pool_from_ini();
    let compression = pool.compression;
    shared_health::attach();
    for server in servers {
        let config = ServerConfig {
            tls: ini::tls_settings(),
            ..server.config
        };
        pool.add_server(config, server.weight, true);
    }
    let settings = SessionSettings {
        redundancy: ini::session_redundancy(),
        lock_timeout: ini::lock_timeout(),
        fail_on_lock_timeout: ini::session_fail_on_lock_timeout(),
        // Not memcache.allow_failover, redundancy or failover_ttl: a session chooses its servers
        // along the key's sequence itself (session_redundancy) and writes with its lifetime.
        policy: Policy {
            allow_failover: true,
            redundancy: 1,
            failover_ttl: 0,
            ..pool_object::policy()
        },
    };
    Ok(Handler {
        store: RefCell::new(SessionStore::new(pool, settings)),
        compression,
    })
}

unsafe extern "C" fn open(
    mod_data: *mut *mut c_void,
    save_path: *const c_char,
    _name: *const c_char,
) -> c_int {
    guard(FAILURE, || {
        let path = match ini::session_save_path() {
            Some(path) => String::from_utf8_lossy(&path).into_owned(),
            // SAFETY: the engine passes a NUL-terminated save path (possibly empty).
            None => unsafe { save_path.as_ref() }
                .map(|_| {
                    unsafe { CStr::from_ptr(save_path) }
                        .to_string_lossy()
                        .into_owned()
                })
                .unwrap_or_default(),
        };
        match open_store(&path) {
            Ok(handler) => {
                // SAFETY: the engine's mod_data slot; `close` frees it.
                unsafe { *mod_data = Box::into_raw(Box::new(handler)).cast() };
                SUCCESS
            }
            Err(error @ SavePathError::Unparsable { .. }) => {
                errors::warning(&error.to_string());
                FAILURE
            }
            Err(_) => FAILURE,
        }
    })
}

unsafe extern "C" fn close(mod_data: *mut *mut c_void) -> c_int {
    guard(FAILURE, || {
        // SAFETY: the slot holds null or our Box; it is cleared before the Box is dropped.
        let raw = unsafe { *mod_data }.cast::<Handler>();
        if raw.is_null() {
            return SUCCESS;
        }
        unsafe { *mod_data = std::ptr::null_mut() };
        let handler = unsafe { Box::from_raw(raw) };
        handler.store.borrow_mut().release();
        SUCCESS
    })
}

unsafe extern "C" fn read(
    mod_data: *mut *mut c_void,
    key: *mut zend_string,
    value: *mut *mut zend_string,
    _maxlifetime: zend_long,
) -> c_int {
    guard(FAILURE, || {
        // SAFETY: engine-provided pointers.
        let Some(handler) = (unsafe { handler(mod_data) }) else {
            return FAILURE;
        };
        let Some(key) = prefix::prepare_session(unsafe { bytes(key) }) else {
            return FAILURE;
        };
        let result = handler.store.borrow_mut().read(&key);
        match result {
            Ok(data) => {
                // SAFETY: the session extension takes ownership of the string.
                unsafe { *value = ZendStr::new(&data, false).into_raw() };
                SUCCESS
            }
            Err(failure) => {
                errors::warning(&failure.to_string());
                FAILURE
            }
        }
    })
}

/// Writes the data and releases the lock (also used for `update_timestamp`: the C handler
/// always writes, and the write is what releases the lock).
fn write_session(
    mod_data: *mut *mut c_void,
    key: *mut zend_string,
    value: *mut zend_string,
    maxlifetime: zend_long,
) -> c_int {
    // SAFETY: engine-provided pointers.
    let Some(handler) = (unsafe { handler(mod_data) }) else {
        return FAILURE;
    };
    let Some(key) = prefix::prepare_session(unsafe { bytes(key) }) else {
        return FAILURE;
    };
    let data = unsafe { bytes(value) };
    let written = handler
        .store
        .borrow_mut()
        .write(&key, data, maxlifetime, handler.compression);
    if written {
        SUCCESS
    } else {
        FAILURE
    }
}

unsafe extern "C" fn write(
    mod_data: *mut *mut c_void,
    key: *mut zend_string,
    value: *mut zend_string,
    maxlifetime: zend_long,
) -> c_int {
    guard(FAILURE, || write_session(mod_data, key, value, maxlifetime))
}

unsafe extern "C" fn destroy(mod_data: *mut *mut c_void, key: *mut zend_string) -> c_int {
    guard(FAILURE, || {
        // SAFETY: engine-provided pointers.
        let Some(handler) = (unsafe { handler(mod_data) }) else {
            return FAILURE;
        };
        let Some(key) = prefix::prepare_session(unsafe { bytes(key) }) else {
            return FAILURE;
        };
        if handler.store.borrow_mut().destroy(&key) {
            SUCCESS
        } else {
            FAILURE
        }
    })
}

/// Expiry on the server does the collecting.
unsafe extern "C" fn gc(
    _mod_data: *mut *mut c_void,
    _maxlifetime: zend_long,
    deleted: *mut zend_long,
) -> zend_long {
    guard(-1, || {
        // SAFETY: the engine passes null or a valid counter.
        if let Some(deleted) = unsafe { deleted.as_mut() } {
            *deleted = 0;
        }
        0
    })
}

/// PHP's own id generator, retried while the id is already taken (strict mode).
unsafe extern "C" fn create_sid(mod_data: *mut *mut c_void) -> *mut zend_string {
    guard(std::ptr::null_mut(), || {
        for _ in 0..3 {
            // SAFETY: the engine's generator, called from a session callback.
            let id = unsafe { php_session_create_id(mod_data) };
            if id.is_null() {
                return id;
            }
            // SAFETY: engine-provided pointers.
            let taken = unsafe { handler(mod_data) }.is_some_and(|handler| {
                prefix::prepare_session(unsafe { bytes(id) })
                    .is_some_and(|key| handler.store.borrow_mut().exists(&key))
            });
            if !taken {
                return id;
            }
            // SAFETY: we own the string the generator returned; release it.
            drop(unsafe { ZBox::from_raw(id.cast::<ZendStr>()) });
        }
        std::ptr::null_mut()
    })
}

/// Strict mode: an id is valid only if its session exists.
unsafe extern "C" fn validate_sid(mod_data: *mut *mut c_void, key: *mut zend_string) -> c_int {
    guard(FAILURE, || {
        // SAFETY: engine-provided pointers.
        let Some(handler) = (unsafe { handler(mod_data) }) else {
            return FAILURE;
        };
        let exists = prefix::prepare_session(unsafe { bytes(key) })
            .is_some_and(|key| handler.store.borrow_mut().exists(&key));
        if exists {
            SUCCESS
        } else {
            FAILURE
        }
    })
}
