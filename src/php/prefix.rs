//! Key prefixes. `memcache.prefix_static_key` and `memcache.prefix_host_key*` are computed, as in
//! the C extension, at every `connect`/`pconnect`/`addServer` and apply to every key of every
//! pool of the process from then on; the `memcache.session_prefix_*` twins are computed at
//! request start and apply to session keys.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use ext_php_rs::types::ZendStr;
use ext_php_rs::zend::ProcessGlobals;

use crate::key::{self, KeyList, PreparedKey};
use crate::php::ini;

thread_local! {
    static KEY_PREFIX: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static SESSION_PREFIX: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// True once some thread computed a non-empty key prefix. Until then every thread's is empty,
/// and a call prepares its keys without looking up the thread-local. Never cleared: a thread
/// that set one and cleared it again only costs the look-up.
static KEY_PREFIX_SET: AtomicBool = AtomicBool::new(false);

/// Recomputes the key prefix (at `connect`/`addServer`).
pub fn refresh() {
    let prefix = compute(&ini::KEY_PREFIX);
    if !prefix.is_empty() {
        // Before this thread's own prefix changes, so that it never sees its prefix set and
        // the flag clear.
        KEY_PREFIX_SET.store(true, Ordering::Relaxed);
    }
    KEY_PREFIX.with(|current| *current.borrow_mut() = prefix);
}

/// Runs `run` on this thread's key prefix.
#[inline(always)]
fn with_key_prefix<R>(run: impl FnOnce(&[u8]) -> R) -> R {
    if !KEY_PREFIX_SET.load(Ordering::Relaxed) {
        return run(b"");
    }
    KEY_PREFIX.with(|prefix| run(&prefix.borrow()))
}

/// Recomputes the session key prefix (at request start).
pub fn refresh_session() {
    SESSION_PREFIX.with(|current| *current.borrow_mut() = compute(&ini::SESSION_PREFIX));
}

/// Prepares a user key with the current key prefix (`None`: invalid key).
pub fn prepare(raw: &[u8]) -> Option<PreparedKey> {
    with_key_prefix(|prefix| key::prepare(prefix, raw))
}

/// [`prepare`] into `out`, where the caller keeps it (false: invalid key).
pub fn prepare_in_place(out: &mut PreparedKey, raw: &[u8]) -> bool {
    with_key_prefix(|prefix| key::prepare_in_place(out, prefix, raw))
}

/// True when a user key is its own prepared form with the current key prefix.
#[inline]
pub fn is_prepared(raw: &[u8]) -> bool {
    with_key_prefix(|prefix| key::is_prepared(prefix, raw))
}

/// Appends a user key, prepared with the current key prefix, to `keys` (false: invalid key).
pub fn push(keys: &mut KeyList, raw: &[u8]) -> bool {
    with_key_prefix(|prefix| keys.push(prefix, raw))
}

/// Prepares a session id with the session prefix (`None`: empty id).
pub fn prepare_session(raw: &[u8]) -> Option<PreparedKey> {
    SESSION_PREFIX.with(|prefix| key::prepare(&prefix.borrow(), raw))
}

/// Static part followed by the host part, with no separator.
fn compute(directives: &ini::PrefixDirectives) -> Vec<u8> {
    let mut prefix = directives.static_key().unwrap_or_default();
    if let Some((remove_www, remove_subdomain)) = directives.host_key() {
        if let Some(name) = server_name() {
            prefix.extend_from_slice(key::host_prefix(&name, remove_www, remove_subdomain));
        }
    }
    prefix
}

/// `$_SERVER['SERVER_NAME']`, if the request has one.
fn server_name() -> Option<Vec<u8>> {
    // `$_SERVER` is created on first use. ext-php-rs' `http_server_vars()` arms it through the
    // engine but then re-reads the global through the same shared reference, which the
    // compiler may serve from before the call (the first call returns None). Arm it here and
    // read through a fresh reference afterwards.
    let mut name = ZendStr::new("_SERVER", false);
    // SAFETY: a live zend_string; the engine only reads it.
    unsafe { ext_php_rs::ffi::zend_is_auto_global(name.as_mut_ptr()) };
    let globals = ProcessGlobals::get();
    let server = globals.http_server_vars()?;
    let name = server.get("SERVER_NAME")?;
    name.zend_str().map(|s| s.as_bytes().to_vec())
}
