//! A `MemcachePool` / `Memcache` object (or user subclass) as the operations see it: its pool,
//! found through the `connection` property, and its failure callback, kept in the
//! `_failureCallback` property where the C extension keeps it.

use ext_php_rs::types::{ZendObject, Zval};

use crate::php::connection::{self, Connection, SharedPool};
use crate::php::{errors, ini, memory};
use crate::pool::{Policy, Pool, SaslCredentials};
use crate::value::Compression;

/// The property holding the failure callback.
const CALLBACK_PROPERTY: &str = "_failureCallback";

/// The property holding the failback callback.
const FAILBACK_PROPERTY: &str = "_failbackCallback";

/// An object the operations run on.
#[derive(Clone, Copy)]
pub struct PoolObject<'a>(pub &'a ZendObject);

impl PoolObject<'_> {
    /// The pool, or the C extension's warning and `None` (no pool, or an overwritten
    /// `connection` property).
    #[inline(always)]
    pub fn pool_or_warn(self) -> Option<SharedPool> {
        self.pool("Invalid MemcachePool->connection member variable", || {
            errors::warning("No servers added to memcache connection");
            None
        })
    }

    /// The pool if it has servers; otherwise the warning (no pool) or silence (emptied by
    /// `close()`), and `None`. Inlined into each data operation, which starts with it.
    #[inline(always)]
    pub fn usable_pool(self) -> Option<SharedPool> {
        self.pool_or_warn().filter(|pool| !pool.borrow().is_empty())
    }

    /// The pool servers are added to, created on first use with the INI settings of this
    /// moment; `None` with `Unknown connection identifier` when the property holds
    /// something else.
    pub fn pool_for_adding(self) -> Option<SharedPool> {
        self.pool("Unknown connection identifier", || {
            let pool = SharedPool::new(std::cell::RefCell::new(pool_from_ini()));
            connection::attach(self.0, pool.clone());
            Some(pool)
        })
    }

    /// The pool in the `connection` property; when there is none, what `missing` gives; when
    /// the property holds something else, the warning `invalid` and `None`.
    #[inline(always)]
    fn pool(
        self,
        invalid: &str,
        missing: impl FnOnce() -> Option<SharedPool>,
    ) -> Option<SharedPool> {
        match connection::lookup(self.0) {
            Connection::Pool(pool) => Some(pool),
            Connection::Missing => missing(),
            Connection::Invalid => {
                errors::warning(invalid);
                None
            }
        }
    }

    /// The failure callback, if one is set.
    pub fn failure_callback(self) -> Option<Zval> {
        connection::read_property(self.0, CALLBACK_PROPERTY)
    }

    /// `setSaslAuthData()`: stores the `username` and `password` properties where the C
    /// extension keeps them (used for SASL with the binary protocol); `false` if either is
    /// empty.
    pub fn set_sasl_auth_data(self, username: &[u8], password: &[u8]) -> bool {
        if username.is_empty() || password.is_empty() {
            return false;
        }
        for (name, value) in [("username", username), ("password", password)] {
            let mut value = crate::php::convert::bytes_zval(value);
            connection::write_property(self.0, name, &mut value);
        }
        true
    }

    /// The credentials `setSaslAuthData()` left in the `username` and `password` properties,
    /// if both are strings longer than one byte (the C extension's condition for
    /// authenticating the servers added afterwards).
    pub fn sasl_credentials(self) -> Option<SaslCredentials> {
        let read = |name| {
            connection::read_property(self.0, name)
                .and_then(|value| value.zend_str().map(|s| s.as_bytes().to_vec()))
                .filter(|bytes| bytes.len() > 1)
        };
        Some(SaslCredentials {
            username: read("username")?,
            password: read("password")?,
        })
    }

    /// The failback callback, if one is set.
    pub fn failback_callback(self) -> Option<Zval> {
        connection::read_property(self.0, FAILBACK_PROPERTY).filter(|cb| !cb.is_null())
    }

    /// Sets (or, with `None`, clears to null) the failback callback.
    pub fn set_failback_callback(self, callback: Option<Zval>) {
        let mut value = callback.unwrap_or_default();
        connection::write_property(self.0, FAILBACK_PROPERTY, &mut value);
    }

    /// Sets (or, with `None`, clears to null) the failure callback.
    pub fn set_failure_callback(self, callback: Option<Zval>) {
        let mut value = callback.unwrap_or_default();
        connection::write_property(self.0, CALLBACK_PROPERTY, &mut value);
    }
}

/// An empty pool with the INI settings of this moment (hashing, protocol, compression
/// threshold): an object's pool at its first `addServer`, a session's when it opens.
pub fn pool_from_ini() -> Pool {
    let compression = Compression {
        threshold: ini::compress_threshold(),
        ..Compression::default()
    };
    Pool::new(
        ini::hash_strategy(),
        ini::hash_function(),
        ini::protocol(),
        compression,
    )
}

/// The routing rules of this call, from the INI (read at every call, so `ini_set` applies).
pub fn policy() -> Policy {
    Policy {
        max_value_len: memory::value_budget(),
        ..ini::routing()
    }
}
