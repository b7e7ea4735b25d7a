//! The key prefix of `memcache.prefix_static_key` and `memcache.prefix_host_key*`: computed,
//! as in the C extension, at every `connect`/`pconnect`/`addServer`, and applied to every key of
//! every pool of the process from then on.

use std::cell::RefCell;

use ext_php_rs::zend::ProcessGlobals;

use crate::key;
use crate::php::ini;

thread_local! {
    static KEY_PREFIX: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Recomputes the prefix from the INI and the request's `$_SERVER['SERVER_NAME']`.
pub fn refresh() {
    let mut prefix = ini::prefix_static_key().unwrap_or_default();
    if ini::prefix_host_key() {
        if let Some(name) = server_name() {
            prefix.extend_from_slice(key::host_prefix(
                &name,
                ini::prefix_host_key_remove_www(),
                ini::prefix_host_key_remove_subdomain(),
            ));
        }
    }
    KEY_PREFIX.with(|current| *current.borrow_mut() = prefix);
}

/// Prepares a user key with the current prefix (`None`: invalid key).
pub fn prepare(raw: &[u8]) -> Option<Vec<u8>> {
    KEY_PREFIX.with(|prefix| key::prepare(&prefix.borrow(), raw))
}

/// `$_SERVER['SERVER_NAME']`, if the request has one.
fn server_name() -> Option<Vec<u8>> {
    let globals = ProcessGlobals::get();
    let server = globals.http_server_vars()?;
    let name = server.get("SERVER_NAME")?;
    name.zend_str().map(|s| s.as_bytes().to_vec())
}
