//! The `MemcachePool` and `Memcache` classes.
//!
//! One Rust state ([`MemcachePool`]) backs both. `MemcachePool` is registered by hand so its
//! `create_object` always initialises the state with the real class entry (user subclasses work
//! without calling a parent constructor) and so clones share the pool; `Memcache` is a plain
//! subclass that inherits those handlers and adds `connect`/`pconnect` and its own `addServer`
//! signature (persistent third, failure callback last).

use std::sync::atomic::{AtomicPtr, Ordering};

use ext_php_rs::args::ArgInfoTables;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::flags::MethodFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendObject, Zval};
use ext_php_rs::zend::{ClassEntry, ExecutorGlobals, ZendObjectHandlers};

use crate::php::arginfo;
use crate::php::args::{self, Arg, ArgError, Opt, OptRef, BOOL, DOUBLE, LONG, MIXED, STRING};
use crate::php::commands::{self, ArgBase, OpResult};
use crate::php::monitoring::{self, StatsArgs};
use crate::php::pool_object::{MemcachePool, PoolObject};
use crate::php::servers::{self, AddServer};
use crate::protocol::ascii::StoreOp;

/// Argument numbering of methods: the first PHP argument is #1.
const METHOD: ArgBase = ArgBase(1);

/// The PHP result of an operation: its value, or null while an exception is pending (the
/// engine throws it).
pub fn finish(result: OpResult) -> Zval {
    result.unwrap_or_default()
}

/// A bool as a zval.
fn bool_result(value: Result<bool, ArgError>) -> Zval {
    finish(value.map(crate::php::convert::bool_zval))
}

/// `MemcachePool::addServer`/`connect` arguments (udp port third). `base` is 1 for methods and
/// 2 for functions.
#[allow(clippy::too_many_arguments)]
pub fn pool_add_server_args(
    base: u32,
    host: &Zval,
    tcp_port: Option<&Zval>,
    udp_port: Option<&Zval>,
    persistent: Option<&Zval>,
    weight: Option<&Zval>,
    timeout: Option<&Zval>,
    retry_interval: Option<&Zval>,
    status: Option<&Zval>,
) -> Result<AddServer, ArgError> {
    let host = String::from_utf8_lossy(args::bytes(host, base)?).into_owned();
    let mut params = AddServer::new(host);
    params.tcp_port = args::optional(tcp_port, base + 1, params.tcp_port, args::long)?;
    params.udp_port = args::optional(udp_port, base + 2, params.udp_port, args::long)?;
    params.persistent = args::optional(persistent, base + 3, params.persistent, args::bool_)?;
    params.weight = args::optional(weight, base + 4, params.weight, args::long)?;
    params.timeout = args::optional(timeout, base + 5, params.timeout, args::double)?;
    params.retry_interval =
        args::optional(retry_interval, base + 6, params.retry_interval, args::long)?;
    params.status = args::optional(status, base + 7, params.status, args::bool_)?;
    Ok(params)
}

/// `Memcache::connect`/`pconnect` and `memcache_connect`/`memcache_pconnect` arguments: host,
/// port (null means 0: a unix socket URL), timeout; udp 0, weight 1, retry 15. They declare
/// five more parameters (`$unused4`…`$unugsed8`, as the C extension), but more than three
/// arguments are an `ArgumentCountError`, as there.
pub fn memcache_connect_args(
    base: u32,
    persistent: bool,
    host: &Zval,
    port: Option<&Zval>,
    timeout: Option<&Zval>,
    unused: [Option<&Zval>; 5],
) -> Result<AddServer, ArgError> {
    if unused.iter().any(Option::is_some) {
        return Err(args::too_many_arguments(1, 3));
    }
    let host = String::from_utf8_lossy(args::bytes(host, base)?).into_owned();
    let mut params = AddServer::new(host);
    params.persistent = persistent;
    params.tcp_port = match port {
        None => params.tcp_port,
        Some(z) if z.is_null() => 0,
        Some(z) => args::long(z, base + 1)?,
    };
    params.timeout = args::optional(timeout, base + 2, params.timeout, args::double)?;
    Ok(params)
}

/// `Memcache::addServer` arguments (persistent third, callback last). Returns the parameters
/// and the callback argument as given.
#[allow(clippy::too_many_arguments)]
pub fn memcache_add_server_args<'z>(
    base: u32,
    host: &Zval,
    port: Option<&Zval>,
    persistent: Option<&Zval>,
    weight: Option<&Zval>,
    timeout: Option<&Zval>,
    retry_interval: Option<&Zval>,
    status: Option<&Zval>,
    failure_callback: Option<&'z Zval>,
) -> Result<(AddServer, Option<&'z Zval>), ArgError> {
    let host = String::from_utf8_lossy(args::bytes(host, base)?).into_owned();
    let mut params = AddServer::new(host);
    params.tcp_port = args::optional(port, base + 1, params.tcp_port, args::long)?;
    params.persistent = args::optional(persistent, base + 2, params.persistent, args::bool_)?;
    params.weight = args::optional(weight, base + 3, params.weight, args::long)?;
    params.timeout = args::optional(timeout, base + 4, params.timeout, args::double)?;
    params.retry_interval =
        args::optional(retry_interval, base + 5, params.retry_interval, args::long)?;
    params.status = args::optional(status, base + 6, params.status, args::bool_)?;
    Ok((params, failure_callback.filter(|z| !z.is_null())))
}

/// `Memcache::addServer`: validates the callback first (nothing is added when it is invalid),
/// then adds the server and makes the callback pool-wide.
pub fn memcache_add_server(
    object: PoolObject<'_>,
    params: &AddServer,
    failure_callback: Option<&Zval>,
) -> bool {
    let callback = match failure_callback.map(servers::checked_callback) {
        Some(Err(())) => return false,
        Some(Ok(cb)) => cb,
        None => None,
    };
    if servers::add_server(object, params).is_none() {
        return false;
    }
    if let Some(cb) = callback {
        object.set_failure_callback(Some(cb));
    }
    true
}

#[php_impl]
impl MemcachePool {
    /// Adds a server and connects to it at once.
    #[php(name = "connect", optional = tcp_port)]
    #[allow(clippy::too_many_arguments)]
    pub fn connect(
        self_: &mut ZendClassObject<MemcachePool>,
        host: Arg<'_, MIXED>,
        tcp_port: Opt<'_, MIXED>,
        udp_port: Opt<'_, MIXED>,
        persistent: Opt<'_, MIXED>,
        weight: Opt<'_, MIXED>,
        timeout: Opt<'_, MIXED>,
        retry_interval: Opt<'_, MIXED>,
    ) -> Zval {
        let params = pool_add_server_args(
            1,
            host.0,
            tcp_port.0,
            udp_port.0,
            persistent.0,
            weight.0,
            timeout.0,
            retry_interval.0,
            None,
        );
        bool_result(params.and_then(|p| servers::connect(object(self_), &p)))
    }

    /// Adds a server (no network activity).
    #[php(name = "addserver", optional = tcp_port)]
    #[allow(clippy::too_many_arguments)]
    pub fn addserver(
        self_: &mut ZendClassObject<MemcachePool>,
        host: Arg<'_, MIXED>,
        tcp_port: Opt<'_, MIXED>,
        udp_port: Opt<'_, MIXED>,
        persistent: Opt<'_, MIXED>,
        weight: Opt<'_, MIXED>,
        timeout: Opt<'_, MIXED>,
        retry_interval: Opt<'_, MIXED>,
        status: Opt<'_, MIXED>,
    ) -> Zval {
        let params = pool_add_server_args(
            1,
            host.0,
            tcp_port.0,
            udp_port.0,
            persistent.0,
            weight.0,
            timeout.0,
            retry_interval.0,
            status.0,
        );
        bool_result(params.map(|p| servers::add_server(object(self_), &p).is_some()))
    }

    /// Changes a server's parameters; omitted arguments reset to their defaults.
    #[php(name = "setserverparams", optional = tcp_port)]
    pub fn setserverparams(
        self_: &mut ZendClassObject<MemcachePool>,
        host: Arg<'_, STRING>,
        tcp_port: Opt<'_, LONG>,
        timeout: Opt<'_, DOUBLE>,
        retry_interval: Opt<'_, LONG>,
        status: Opt<'_, BOOL>,
        failure_callback: Opt<'_, MIXED>,
    ) -> Zval {
        bool_result((|| {
            let host = args::bytes(host.0, 1)?;
            let port = args::optional(tcp_port.0, 2, crate::php::ini::default_port(), args::long)?;
            let timeout = args::optional(timeout.0, 3, 1.0, args::double)?;
            let retry = args::optional(retry_interval.0, 4, 15, args::long)?;
            let status = args::optional(status.0, 5, true, args::bool_)?;
            Ok(servers::set_server_params(
                object(self_),
                host,
                port,
                timeout,
                retry,
                status,
                failure_callback.0,
            ))
        })())
    }

    /// Sets or clears (null) the pool's failure callback.
    #[php(name = "setfailurecallback")]
    pub fn setfailurecallback(
        self_: &mut ZendClassObject<MemcachePool>,
        failure_callback: Arg<'_, MIXED>,
    ) -> bool {
        servers::set_failure_callback(object(self_), failure_callback.0)
    }

    /// Sets or clears (null) the pool's failback callback: run by the one worker whose probe
    /// brought a failed server back, before it rejoins; `false` keeps it down.
    #[php(name = "setfailbackcallback")]
    pub fn setfailbackcallback(
        self_: &mut ZendClassObject<MemcachePool>,
        failback_callback: Arg<'_, MIXED>,
    ) -> bool {
        servers::set_failback_callback(object(self_), failback_callback.0)
    }

    /// 0 when the server is failed, 1 otherwise.
    #[php(name = "getserverstatus", optional = tcp_port)]
    pub fn getserverstatus(
        self_: &mut ZendClassObject<MemcachePool>,
        host: Arg<'_, STRING>,
        tcp_port: Opt<'_, LONG>,
    ) -> Zval {
        finish((|| {
            let host = args::bytes(host.0, 1)?;
            let port = args::optional(tcp_port.0, 2, crate::php::ini::default_port(), args::long)?;
            Ok(servers::server_status(object(self_), host, port))
        })())
    }

    /// `"host:port"` of the server a key maps to.
    #[php(name = "findserver")]
    pub fn findserver(self_: &mut ZendClassObject<MemcachePool>, key: Arg<'_, MIXED>) -> Zval {
        finish(servers::find_server(object(self_), key.0))
    }

    /// Version of the first server that answers. Extra arguments are ignored, as by the C
    /// extension (the variadic parameter that takes them is hidden from Reflection).
    #[php(name = "getversion")]
    pub fn getversion(self_: &mut ZendClassObject<MemcachePool>, ignored: &[&Zval]) -> Zval {
        let _ = ignored;
        finish(monitoring::version(object(self_)))
    }

    /// Stores if the key does not exist.
    #[php(name = "add", optional = value)]
    pub fn add(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, MIXED>,
        flags: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
        cas: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::store(
            object(self_),
            StoreOp::Add,
            "MemcachePool::add",
            METHOD,
            key.0,
            value.0,
            flags.0,
            exptime.0,
            cas.0,
        ))
    }

    /// Stores unconditionally.
    #[php(name = "set", optional = value)]
    pub fn set(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, MIXED>,
        flags: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
        cas: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::store(
            object(self_),
            StoreOp::Set,
            "MemcachePool::set",
            METHOD,
            key.0,
            value.0,
            flags.0,
            exptime.0,
            cas.0,
        ))
    }

    /// Stores if the key exists.
    #[php(name = "replace", optional = value)]
    pub fn replace(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, MIXED>,
        flags: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
        cas: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::store(
            object(self_),
            StoreOp::Replace,
            "MemcachePool::replace",
            METHOD,
            key.0,
            value.0,
            flags.0,
            exptime.0,
            cas.0,
        ))
    }

    /// Stores if the item's CAS unique still equals `$cas`.
    #[php(name = "cas", optional = value)]
    pub fn cas(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, MIXED>,
        flags: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
        cas: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::store(
            object(self_),
            StoreOp::Cas,
            "MemcachePool::cas",
            METHOD,
            key.0,
            value.0,
            flags.0,
            exptime.0,
            cas.0,
        ))
    }

    /// Appends to an existing item.
    #[php(name = "append", optional = value)]
    pub fn append(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, MIXED>,
        flags: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
        cas: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::store(
            object(self_),
            StoreOp::Append,
            "MemcachePool::append",
            METHOD,
            key.0,
            value.0,
            flags.0,
            exptime.0,
            cas.0,
        ))
    }

    /// Prepends to an existing item.
    #[php(name = "prepend", optional = value)]
    pub fn prepend(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, MIXED>,
        flags: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
        cas: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::store(
            object(self_),
            StoreOp::Prepend,
            "MemcachePool::prepend",
            METHOD,
            key.0,
            value.0,
            flags.0,
            exptime.0,
            cas.0,
        ))
    }

    /// One value, or the found values of an array of keys.
    #[php(name = "get", optional = flags)]
    pub fn get(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        flags: OptRef<'_>,
        cas: OptRef<'_>,
    ) -> Zval {
        finish(commands::get(object(self_), key.0, flags.0, cas.0))
    }

    /// Deletes one key or an array of keys.
    #[php(name = "delete", optional = exptime)]
    pub fn delete(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        exptime: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::delete(object(self_), METHOD, key.0, exptime.0))
    }

    /// Statistics of the first server that answers.
    #[php(name = "getstats", optional = r#type)]
    pub fn getstats(
        self_: &mut ZendClassObject<MemcachePool>,
        r#type: Opt<'_, STRING>,
        slabid: Opt<'_, LONG>,
        limit: Opt<'_, LONG>,
    ) -> Zval {
        finish(
            stats_args(r#type.0, slabid.0, limit.0, 1)
                .and_then(|a| monitoring::stats(object(self_), a)),
        )
    }

    /// Statistics of every server, keyed `host:port`.
    #[php(name = "getextendedstats", optional = r#type)]
    pub fn getextendedstats(
        self_: &mut ZendClassObject<MemcachePool>,
        r#type: Opt<'_, STRING>,
        slabid: Opt<'_, LONG>,
        limit: Opt<'_, LONG>,
    ) -> Zval {
        finish(
            stats_args(r#type.0, slabid.0, limit.0, 1)
                .and_then(|a| monitoring::extended_stats(object(self_), a)),
        )
    }

    /// Sets the automatic compression threshold and minimum savings.
    #[php(name = "setcompressthreshold", optional = min_savings)]
    pub fn setcompressthreshold(
        self_: &mut ZendClassObject<MemcachePool>,
        threshold: Arg<'_, LONG>,
        min_savings: Opt<'_, DOUBLE>,
    ) -> Zval {
        bool_result((|| {
            let threshold = args::long(threshold.0, 1)?;
            let min_savings = min_savings.0.map(|z| args::double(z, 2)).transpose()?;
            Ok(monitoring::set_compress_threshold(
                object(self_),
                threshold,
                min_savings,
            ))
        })())
    }

    /// Increments a counter (or an array of counters).
    #[php(name = "increment", optional = value)]
    pub fn increment(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, LONG>,
        defval: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::counter(
            object(self_),
            false,
            METHOD,
            key.0,
            value.0,
            defval.0,
            exptime.0,
        ))
    }

    /// Decrements a counter (or an array of counters).
    #[php(name = "decrement", optional = value)]
    pub fn decrement(
        self_: &mut ZendClassObject<MemcachePool>,
        key: Arg<'_, MIXED>,
        value: Opt<'_, LONG>,
        defval: Opt<'_, LONG>,
        exptime: Opt<'_, LONG>,
    ) -> Zval {
        finish(commands::counter(
            object(self_),
            true,
            METHOD,
            key.0,
            value.0,
            defval.0,
            exptime.0,
        ))
    }

    /// Removes every server from the pool. Extra arguments are ignored, as by `getversion`.
    #[php(name = "close")]
    pub fn close(self_: &mut ZendClassObject<MemcachePool>, ignored: &[&Zval]) -> bool {
        let _ = ignored;
        servers::close(object(self_))
    }

    /// Invalidates every item on every server.
    #[php(name = "flush", optional = delay)]
    pub fn flush(self_: &mut ZendClassObject<MemcachePool>, delay: Opt<'_, LONG>) -> Zval {
        finish(
            args::optional(delay.0, 1, 0, args::long)
                .and_then(|d| monitoring::flush(object(self_), d)),
        )
    }

    /// Stores SASL credentials for servers added afterwards (binary protocol).
    #[php(name = "setSaslAuthData")]
    pub fn set_sasl_auth_data(
        self_: &mut ZendClassObject<MemcachePool>,
        username: Arg<'_, STRING>,
        password: Arg<'_, STRING>,
    ) -> Zval {
        bool_result((|| {
            let username = args::bytes(username.0, 1)?;
            let password = args::bytes(password.0, 2)?;
            Ok(object(self_).set_sasl_auth_data(username, password))
        })())
    }
}

/// Coerces `getStats`-style arguments (`base` = number of the type argument).
pub fn stats_args(
    kind: Option<&Zval>,
    slab_id: Option<&Zval>,
    limit: Option<&Zval>,
    base: u32,
) -> Result<Option<StatsArgs>, ArgError> {
    let kind = kind.map(|z| args::bytes(z, base)).transpose()?;
    let slab_id = args::optional(slab_id, base + 1, 0, args::long)?;
    let limit = args::optional(limit, base + 2, 100, args::long)?;
    Ok(StatsArgs::new(kind, slab_id, limit))
}

/// The operations' view of a method's `$this`.
fn object(this: &ZendClassObject<MemcachePool>) -> PoolObject<'_> {
    PoolObject(&this.std)
}

/// The object `$this` of the running method (for the `Memcache`-only methods, which are
/// registered as functions).
fn this_object<'a>() -> Option<PoolObject<'a>> {
    let execute_data = ExecutorGlobals::get().current_execute_data;
    // SAFETY: the engine's current frame is valid while the method runs.
    let this = unsafe { execute_data.as_mut()?.get_object::<MemcachePool>() }?;
    Some(PoolObject(&this.std))
}

/// The body of `Memcache::connect`/`pconnect`: at most three arguments, then add and connect.
fn memcache_connect_method(
    persistent: bool,
    host: &Zval,
    port: Option<&Zval>,
    timeout: Option<&Zval>,
    unused: [Option<&Zval>; 5],
) -> Zval {
    let Some(this) = this_object() else {
        return Zval::new();
    };
    let params = memcache_connect_args(1, persistent, host, port, timeout, unused);
    bool_result(params.and_then(|p| servers::connect(this, &p)))
}

/// `Memcache::connect(host, port, timeout)`: non-persistent. Declared with the parent's eight
/// parameters (PHP requires a compatible override; the C extension's reflection shows the same
/// `$unused4`…`$unugsed8`), but more than three arguments are an `ArgumentCountError`.
#[php_function]
#[php(name = "connect", optional = port)]
#[allow(clippy::too_many_arguments)]
pub fn memcache_method_connect(
    host: Arg<'_, MIXED>,
    port: Opt<'_, MIXED>,
    timeout: Opt<'_, MIXED>,
    unused4: Opt<'_, MIXED>,
    unused5: Opt<'_, MIXED>,
    unused6: Opt<'_, MIXED>,
    unused7: Opt<'_, MIXED>,
    unugsed8: Opt<'_, MIXED>,
) -> Zval {
    let unused = [unused4.0, unused5.0, unused6.0, unused7.0, unugsed8.0];
    memcache_connect_method(false, host.0, port.0, timeout.0, unused)
}

/// `Memcache::pconnect(host, port, timeout)`: persistent.
#[php_function]
#[php(name = "pconnect", optional = port)]
#[allow(clippy::too_many_arguments)]
pub fn memcache_method_pconnect(
    host: Arg<'_, MIXED>,
    port: Opt<'_, MIXED>,
    timeout: Opt<'_, MIXED>,
    unused4: Opt<'_, MIXED>,
    unused5: Opt<'_, MIXED>,
    unused6: Opt<'_, MIXED>,
    unused7: Opt<'_, MIXED>,
    unugsed8: Opt<'_, MIXED>,
) -> Zval {
    let unused = [unused4.0, unused5.0, unused6.0, unused7.0, unugsed8.0];
    memcache_connect_method(true, host.0, port.0, timeout.0, unused)
}

/// `Memcache::addServer(host, port, persistent, weight, timeout, retry_interval, status,
/// failure_callback)`. Declared `bool` (as the parent's, which it overrides): after an argument
/// error the `false` is discarded for the pending exception.
#[php_function]
#[php(name = "addserver", optional = tcp_port)]
#[allow(clippy::too_many_arguments)]
pub fn memcache_method_add_server(
    host: Arg<'_, MIXED>,
    tcp_port: Opt<'_, MIXED>,
    persistent: Opt<'_, MIXED>,
    weight: Opt<'_, MIXED>,
    timeout: Opt<'_, MIXED>,
    retry_interval: Opt<'_, MIXED>,
    status: Opt<'_, MIXED>,
    failure_callback: Opt<'_, MIXED>,
) -> bool {
    let Some(this) = this_object() else {
        return false;
    };
    let parsed = memcache_add_server_args(
        1,
        host.0,
        tcp_port.0,
        persistent.0,
        weight.0,
        timeout.0,
        retry_interval.0,
        status.0,
        failure_callback.0,
    );
    parsed.is_ok_and(|(p, cb)| memcache_add_server(this, &p, cb))
}

/// `ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES` (PHP 8.2): the classes keep their state in dynamic
/// properties (`connection`, `_failureCallback`) without a deprecation, as the C extension.
const ALLOW_DYNAMIC_PROPERTIES: u32 = 1 << 15;

/// The `Memcache` class entry, set at registration.
static MEMCACHE_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());

/// The arginfo tables of `Memcache`'s own methods, owned here for the life of the process:
/// the engine's method entries point into them (`MemcachePool`'s are kept by its ext-php-rs
/// metadata). Held by a static rather than leaked, so that nothing of ours is lost memory;
/// `#[used]`: it is only ever written, which the optimiser would otherwise drop.
#[used]
static MEMCACHE_ARG_INFO: AtomicPtr<ArgInfoTables> = AtomicPtr::new(std::ptr::null_mut());

/// The `Memcache` class entry.
pub fn memcache_class() -> Option<&'static ClassEntry> {
    // SAFETY: set once at startup to a class entry that lives for the process.
    unsafe { MEMCACHE_CE.load(Ordering::Acquire).as_ref() }
}

/// The `MemcachePool` class entry.
pub fn pool_class() -> &'static ClassEntry {
    MemcachePool::get_metadata().ce()
}

/// `create_object` for both classes and user subclasses: the object gets the class it was
/// created for and an initialised state, even if a subclass constructor skips the parent's.
unsafe extern "C" fn pool_create_object(ce: *mut ClassEntry) -> *mut ZendObject {
    let created = std::panic::catch_unwind(|| {
        // SAFETY: the engine passes a valid class entry.
        let mut object = unsafe { ZendClassObject::<MemcachePool>::new_uninit(ce.as_ref()) };
        object.initialize(MemcachePool::default());
        let raw = object.into_raw();
        // SAFETY: `raw` was just created and is owned by the engine from here on.
        unsafe { (*raw).get_mut_zend_obj() as *mut ZendObject }
    });
    created.unwrap_or_else(|_| std::process::abort())
}

/// `clone $memcache`: same class; the properties are copied, so the clone shares the pool
/// (the `connection` resource) and the failure callback.
unsafe extern "C" fn pool_clone_object(old: *mut ZendObject) -> *mut ZendObject {
    let cloned = std::panic::catch_unwind(|| {
        // SAFETY: the engine passes the live object being cloned.
        let old_ref = unsafe { &*old };
        // SAFETY: the class entry of a live object is valid.
        let mut object =
            unsafe { ZendClassObject::<MemcachePool>::new_uninit(old_ref.ce.as_ref()) };
        object.initialize(MemcachePool::default());
        let raw = object.into_raw();
        // SAFETY: both objects are valid; this copies the declared and dynamic properties.
        unsafe {
            ext_php_rs::ffi::zend_objects_clone_members(&mut (*raw).std, old);
            &mut (*raw).std as *mut ZendObject
        }
    });
    cloned.unwrap_or_else(|_| std::process::abort())
}

/// Registers `MemcachePool` like `ModuleBuilder::class` would, but from the startup hook and
/// without ext-php-rs' `object_override` (which would add a `__construct` the C extension does
/// not have and forbid serialization); `register_classes` installs the object handlers.
fn register_pool_class() -> ext_php_rs::error::Result<()> {
    let mut builder = ClassBuilder::new(MemcachePool::CLASS_NAME);
    for (method, flags) in MemcachePool::method_builders() {
        builder = builder.method(method, flags);
    }
    builder
        .flags(MemcachePool::FLAGS)
        .registration(|ce, arg_info| {
            MemcachePool::get_metadata().set_ce(ce);
            MemcachePool::get_metadata().set_arg_info(arg_info);
        })
        .register()
}

/// Why the classes could not be registered.
#[derive(Debug)]
pub enum RegisterError {
    /// ext-php-rs refused a class.
    Class(ext_php_rs::error::Error),
    /// A method does not fit its C signature in [`arginfo`].
    Arginfo(arginfo::Mismatch),
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Class(e) => write!(f, "cannot register the classes: {e}"),
            Self::Arginfo(e) => e.fmt(f),
        }
    }
}

impl From<ext_php_rs::error::Error> for RegisterError {
    fn from(e: ext_php_rs::error::Error) -> Self {
        Self::Class(e)
    }
}

impl From<arginfo::Mismatch> for RegisterError {
    fn from(e: arginfo::Mismatch) -> Self {
        Self::Arginfo(e)
    }
}

/// Registers both classes (called from module startup), with the C extension's arginfo.
/// `MemcachePool`'s is rewritten before `Memcache` inherits (copies) its methods and checks its
/// own `connect`/`addserver` against them.
pub fn register_classes() -> Result<(), RegisterError> {
    register_pool_class()?;
    arginfo::apply_to_class(pool_class(), arginfo::POOL_METHODS)?;
    let ce = pool_class() as *const ClassEntry as *mut ClassEntry;
    // SAFETY: startup runs once, before any object exists; the class entry and its handler
    // table live for the process.
    unsafe {
        (*ce).__bindgen_anon_2.create_object = Some(pool_create_object);
        (*ce).ce_flags |= ALLOW_DYNAMIC_PROPERTIES;
        let handlers = MemcachePool::get_metadata().handlers() as *const ZendObjectHandlers
            as *mut ZendObjectHandlers;
        (*handlers).clone_obj = Some(pool_clone_object);
    }
    ClassBuilder::new("Memcache")
        .extends((|| MemcachePool::get_metadata().ce(), "MemcachePool"))
        .method(wrap_function!(memcache_method_connect), MethodFlags::Public)
        .method(
            wrap_function!(memcache_method_pconnect),
            MethodFlags::Public,
        )
        .method(
            wrap_function!(memcache_method_add_server),
            MethodFlags::Public,
        )
        .registration(|ce, arg_info| {
            // SAFETY: the class entry was just registered and lives for the process.
            unsafe {
                (*(ce as *const ClassEntry as *mut ClassEntry)).ce_flags |= ALLOW_DYNAMIC_PROPERTIES
            };
            MEMCACHE_CE.store(ce as *mut ClassEntry, Ordering::Release);
            MEMCACHE_ARG_INFO.store(Box::into_raw(Box::new(arg_info)), Ordering::Release);
        })
        .register()?;
    let memcache = memcache_class().ok_or(ext_php_rs::error::Error::InvalidPointer)?;
    Ok(arginfo::apply_to_class(
        memcache,
        arginfo::MEMCACHE_METHODS,
    )?)
}
