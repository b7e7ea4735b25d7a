//! Server management of the PECL API: `addServer`/`connect` in their two signatures,
//! `setServerParams`, `getServerStatus`, `findServer`, `setFailureCallback` and `close`.

use std::time::Duration;

use ext_php_rs::types::Zval;

use crate::php::args::{self, ArgError};
use crate::php::connection::SharedPool;
use crate::php::convert;
use crate::php::dispatch::OpResult;
use crate::php::errors;
use crate::php::events;
use crate::php::ini;
use crate::php::pool_object::{policy, PoolObject};
use crate::php::prefix;
use crate::php::shared_health;
use crate::pool::{timeout_from_seconds, ProtocolKind, ServerConfig, DEFAULT_WEIGHT};

/// The C extension's port limit: a typo for 65535 that it really enforces (larger ports wrap
/// modulo 65536).
const MAX_PORT: i64 = 65635;

/// The arguments of `addServer` and `connect` as passed; `None` for one omitted, which takes the
/// pool's default ([`ServerConfig::new`], [`DEFAULT_WEIGHT`]; the TCP port
/// `memcache.default_port`).
#[derive(Clone, Copy, Debug, Default)]
pub struct AddServer<'a> {
    /// Host as given.
    pub host: &'a [u8],
    /// TCP port (0: the host is a unix socket URL).
    pub tcp_port: Option<i64>,
    /// UDP port (stored and reported; requests use TCP).
    pub udp_port: Option<i64>,
    /// Keep it in the per-process registry.
    pub persistent: Option<bool>,
    /// Ring weight.
    pub weight: Option<i64>,
    /// Seconds, sub-second precision.
    pub timeout: Option<f64>,
    /// Seconds; -1 never retry, 0 every request.
    pub retry_interval: Option<i64>,
    /// `false` adds it failed.
    pub status: Option<bool>,
}

impl AddServer<'_> {
    /// The TCP port, `memcache.default_port` if omitted.
    fn tcp_port(&self) -> i64 {
        self.tcp_port.unwrap_or_else(ini::default_port)
    }
}

/// A port argument, if the C extension accepts it (it wraps modulo 65536 above 65535).
fn port_number(port: i64) -> Option<u16> {
    (0..=MAX_PORT).contains(&port).then_some(port as u16)
}

/// Adds a server to the object's pool (creating the pool). Returns the pool and the server's
/// index, or `None` after the validation warning.
pub fn add_server(object: PoolObject<'_>, args: &AddServer<'_>) -> Option<(SharedPool, usize)> {
    prefix::refresh();
    let weight = args.weight.unwrap_or(i64::from(DEFAULT_WEIGHT));
    if weight < 1 {
        errors::warning("weight must be a positive integer");
        return None;
    }
    let Some(tcp_port) = port_number(args.tcp_port()) else {
        errors::warning("invalid tcp port number");
        return None;
    };
    let defaults = ServerConfig::new(String::from_utf8_lossy(args.host), tcp_port);
    let Some(mut udp_port) = args.udp_port.map_or(Some(defaults.udp_port), port_number) else {
        errors::warning("invalid udp port number");
        return None;
    };
    let pool = object.pool_for_adding()?;
    shared_health::attach();
    if udp_port != 0 && pool.borrow().protocol == ProtocolKind::Binary {
        errors::notice("binary protocol isn't support over UDP, defaulting to TCP");
        udp_port = 0;
    }
    let config = ServerConfig {
        udp_port,
        timeout: args.timeout.map_or(defaults.timeout, timeout_from_seconds),
        retry_interval: args.retry_interval.unwrap_or(defaults.retry_interval),
        persistent: args.persistent.unwrap_or(defaults.persistent),
        sasl: object.sasl_credentials(),
        tls: ini::tls_settings(),
        ..defaults
    };
    let index = pool.borrow_mut().add_server(
        config,
        u32::try_from(weight).unwrap_or(u32::MAX),
        args.status.unwrap_or(true),
    );
    Some((pool, index))
}

/// `connect`: adds the server, then connects at once. On failure the failure is reported
/// (callback or notice), then the warning `Can't connect to host:port, MSG (ERRNO)`.
pub fn connect(object: PoolObject<'_>, args: &AddServer<'_>) -> Result<bool, ArgError> {
    let Some((pool, index)) = add_server(object, args) else {
        return Ok(false);
    };
    let result = pool.borrow_mut().connect_server(index, &policy());
    events::dispatch(object, &pool)?;
    match result {
        Ok(()) => Ok(true),
        Err(error) => {
            errors::warning(&format!(
                "Can't connect to {}:{}, {} ({})",
                String::from_utf8_lossy(args.host),
                args.tcp_port(),
                error,
                error.errnum()
            ));
            Ok(false)
        }
    }
}

/// Checks a failure callback argument: `Ok(None)` for null, the callable, or the warning
/// `Invalid failure callback` and `Err(())`.
pub fn checked_callback(callback: &Zval) -> Result<Option<Zval>, ()> {
    if callback.is_null() {
        return Ok(None);
    }
    if callback.is_callable() {
        return Ok(Some(callback.shallow_clone()));
    }
    errors::warning("Invalid failure callback");
    Err(())
}

/// `Memcache::addServer()`: validates the callback first (nothing is added when it is invalid),
/// then adds the server and makes the callback pool-wide.
pub fn add_memcache_server(
    object: PoolObject<'_>,
    args: &AddServer<'_>,
    failure_callback: Option<&Zval>,
) -> bool {
    let callback = match failure_callback.map(checked_callback) {
        Some(Err(())) => return false,
        Some(Ok(cb)) => cb,
        None => None,
    };
    if add_server(object, args).is_none() {
        return false;
    }
    if let Some(cb) = callback {
        object.set_failure_callback(Some(cb));
    }
    true
}

/// `setServerParams(host, port, timeout, retry_interval, status, callback)`: every omitted
/// argument resets to its default; an explicit null callback clears it.
#[allow(clippy::too_many_arguments)]
pub fn set_server_params(
    object: PoolObject<'_>,
    host: &[u8],
    port: i64,
    timeout: Duration,
    retry_interval: i64,
    status: bool,
    callback: Option<&Zval>,
) -> bool {
    let Some(pool) = object.pool_or_warn() else {
        return false;
    };
    let host = String::from_utf8_lossy(host);
    let Some(index) = u16::try_from(port)
        .ok()
        .and_then(|p| pool.borrow().find_by_address(&host, p))
    else {
        errors::warning("Server not found in pool");
        return false;
    };
    let new_callback = match callback.map(checked_callback) {
        Some(Err(())) => return false,
        Some(Ok(cb)) => Some(cb),
        None => None,
    };
    {
        let mut pool = pool.borrow_mut();
        pool.lower_io_timeout(timeout);
        let mut server = pool.server(index).borrow_mut();
        server.config.timeout = timeout;
        server.config.retry_interval = retry_interval;
        if status {
            if server.health.is_failed() {
                server.health.mark_up();
            }
        } else {
            server.health.mark_down();
        }
    }
    if let Some(cb) = new_callback {
        object.set_failure_callback(cb);
    }
    true
}

/// `getServerStatus(host, port)`: 0 when failed, 1 otherwise.
pub fn server_status(object: PoolObject<'_>, host: &[u8], port: i64) -> Zval {
    let Some(pool) = object.pool_or_warn() else {
        return convert::bool_zval(false);
    };
    let host = String::from_utf8_lossy(host);
    let pool = pool.borrow();
    match u16::try_from(port)
        .ok()
        .and_then(|p| pool.find_by_address(&host, p))
    {
        Some(index) => {
            let failed = pool.server(index).borrow().health.is_failed();
            convert::long_zval(i64::from(!failed))
        }
        None => {
            errors::warning("Server not found in pool");
            convert::bool_zval(false)
        }
    }
}

/// `findServer(key)`: `"host:port"` of the server the key maps to now.
pub fn find_server(object: PoolObject<'_>, key: &Zval) -> OpResult {
    let Some(pool) = object.usable_pool() else {
        return Ok(convert::bool_zval(false));
    };
    let raw = args::key_bytes(key)?;
    let Some(prepared) = prefix::prepare(&raw) else {
        errors::warning("Invalid key");
        return Ok(convert::bool_zval(false));
    };
    let pool = pool.borrow();
    Ok(match pool.find_server(&prepared, &policy()) {
        Some(index) => {
            let name = pool.server(index).borrow().display_name();
            convert::bytes_zval(name.as_bytes())
        }
        None => convert::bool_zval(false),
    })
}

/// `setFailureCallback(callable|null)`.
pub fn set_failure_callback(object: PoolObject<'_>, callback: &Zval) -> bool {
    if object.pool_or_warn().is_none() {
        return false;
    }
    match checked_callback(callback) {
        Ok(cb) => {
            object.set_failure_callback(cb);
            true
        }
        Err(()) => false,
    }
}

/// `setFailbackCallback(?callable)`: the callback a worker that brought a failed server back
/// runs before the server rejoins, with `(host, tcp_port, udp_port)`; `false` from it keeps the
/// server down for another retry interval. `null` clears it.
pub fn set_failback_callback(object: PoolObject<'_>, callback: &Zval) -> bool {
    let Some(pool) = object.pool_or_warn() else {
        return false;
    };
    if !callback.is_null() && !callback.is_callable() {
        errors::warning("Invalid failback callback");
        return false;
    }
    let callback = (!callback.is_null()).then(|| callback.shallow_clone());
    pool.borrow_mut().failback_callback = callback.is_some();
    object.set_failback_callback(callback);
    true
}

/// `close()`: removes every server; the hashing is re-read from the INI.
pub fn close(object: PoolObject<'_>) -> bool {
    let Some(pool) = object.pool_or_warn() else {
        return false;
    };
    pool.borrow_mut()
        .close(ini::hash_strategy(), ini::hash_function());
    true
}
