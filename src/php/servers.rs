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
use crate::pool::ServerConfig;
use crate::protocol::ProtocolKind;

/// The C extension's port limit (quirk Q7: a typo for 65535 that it really enforces; larger
/// ports wrap modulo 65536).
const MAX_PORT: i64 = 65635;

/// Parameters of `addServer`/`connect`, after coercion.
#[derive(Clone, Debug)]
pub struct AddServer {
    /// Host as given.
    pub host: String,
    /// TCP port (0: the host is a unix socket URL).
    pub tcp_port: i64,
    /// UDP port (stored and reported; requests use TCP).
    pub udp_port: i64,
    /// Keep it in the per-process registry.
    pub persistent: bool,
    /// Ring weight.
    pub weight: i64,
    /// Seconds, sub-second precision.
    pub timeout: f64,
    /// Seconds; -1 never retry, 0 every request.
    pub retry_interval: i64,
    /// `false` adds it failed.
    pub status: bool,
}

impl AddServer {
    /// The defaults of `addServer($host)`.
    pub fn new(host: &[u8]) -> Self {
        AddServer {
            host: String::from_utf8_lossy(host).into_owned(),
            tcp_port: ini::default_port(),
            udp_port: 0,
            persistent: true,
            weight: 1,
            timeout: 1.0,
            retry_interval: 15,
            status: true,
        }
    }

    /// The TCP port, if given.
    pub fn tcp_port(self, tcp_port: Option<i64>) -> Self {
        AddServer {
            tcp_port: tcp_port.unwrap_or(self.tcp_port),
            ..self
        }
    }

    /// The UDP port, if given.
    pub fn udp_port(self, udp_port: Option<i64>) -> Self {
        AddServer {
            udp_port: udp_port.unwrap_or(self.udp_port),
            ..self
        }
    }

    /// Persistence, if given.
    pub fn persistent(self, persistent: Option<bool>) -> Self {
        AddServer {
            persistent: persistent.unwrap_or(self.persistent),
            ..self
        }
    }

    /// The weight, if given.
    pub fn weight(self, weight: Option<i64>) -> Self {
        AddServer {
            weight: weight.unwrap_or(self.weight),
            ..self
        }
    }

    /// The timeout, if given.
    pub fn timeout(self, timeout: Option<f64>) -> Self {
        AddServer {
            timeout: timeout.unwrap_or(self.timeout),
            ..self
        }
    }

    /// The retry interval, if given.
    pub fn retry_interval(self, retry_interval: Option<i64>) -> Self {
        AddServer {
            retry_interval: retry_interval.unwrap_or(self.retry_interval),
            ..self
        }
    }

    /// The initial status, if given.
    pub fn status(self, status: Option<bool>) -> Self {
        AddServer {
            status: status.unwrap_or(self.status),
            ..self
        }
    }
}

/// Converts a timeout in seconds; a value that is not a positive number means the default
/// second (a zero wait would fail every request).
pub fn timeout_duration(seconds: f64) -> Duration {
    if seconds.is_finite() && seconds > 0.0 {
        Duration::from_secs_f64(seconds.min(1e9))
    } else {
        Duration::from_secs(1)
    }
}

/// Adds a server to the object's pool (creating the pool). Returns the pool and the server's
/// index, or `None` after the validation warning.
pub fn add_server(object: PoolObject<'_>, params: &AddServer) -> Option<(SharedPool, usize)> {
    prefix::refresh();
    if params.weight < 1 {
        errors::warning("weight must be a positive integer");
        return None;
    }
    if !(0..=MAX_PORT).contains(&params.tcp_port) {
        errors::warning("invalid tcp port number");
        return None;
    }
    if !(0..=MAX_PORT).contains(&params.udp_port) {
        errors::warning("invalid udp port number");
        return None;
    }
    let pool = object.pool_for_adding()?;
    shared_health::attach();
    let mut udp_port = params.udp_port as u16;
    if udp_port != 0 && pool.borrow().protocol == ProtocolKind::Binary {
        errors::notice("binary protocol isn't support over UDP, defaulting to TCP");
        udp_port = 0;
    }
    let config = ServerConfig {
        host: params.host.clone(),
        tcp_port: params.tcp_port as u16,
        udp_port,
        timeout: timeout_duration(params.timeout),
        retry_interval: params.retry_interval,
        persistent: params.persistent,
        sasl: object.sasl_credentials(),
        tls: ini::tls_settings(),
    };
    let index = pool.borrow_mut().add_server(
        config,
        u32::try_from(params.weight).unwrap_or(u32::MAX),
        params.status,
    );
    Some((pool, index))
}

/// `connect`: adds the server, then connects at once. On failure the failure is reported
/// (callback or notice), then the warning `Can't connect to host:port, MSG (ERRNO)`.
pub fn connect(object: PoolObject<'_>, params: &AddServer) -> Result<bool, ArgError> {
    let Some((pool, index)) = add_server(object, params) else {
        return Ok(false);
    };
    let result = pool.borrow_mut().connect_server(index, &policy());
    events::dispatch(object, &pool)?;
    match result {
        Ok(()) => Ok(true),
        Err(error) => {
            errors::warning(&format!(
                "Can't connect to {}:{}, {} ({})",
                params.host,
                params.tcp_port,
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
    params: &AddServer,
    failure_callback: Option<&Zval>,
) -> bool {
    let callback = match failure_callback.map(checked_callback) {
        Some(Err(())) => return false,
        Some(Ok(cb)) => cb,
        None => None,
    };
    if add_server(object, params).is_none() {
        return false;
    }
    if let Some(cb) = callback {
        object.set_failure_callback(Some(cb));
    }
    true
}

/// `setServerParams(host, port, timeout, retry_interval, status, callback)`: every omitted
/// argument resets to its default (spec §3.1); an explicit null callback clears it.
#[allow(clippy::too_many_arguments)]
pub fn set_server_params(
    object: PoolObject<'_>,
    host: &[u8],
    port: i64,
    timeout: f64,
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
        pool.lower_io_timeout(timeout_duration(timeout));
        let mut server = pool.server(index).borrow_mut();
        server.config.timeout = timeout_duration(timeout);
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
