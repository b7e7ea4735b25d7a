//! The procedural API: `memcache_*` functions. Each takes the object first (a `MemcachePool`,
//! or a `Memcache` for `memcache_add_server`) and then behaves exactly like the method; their
//! warnings carry the function's name.

use ext_php_rs::builders::FunctionBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::flags::DataType;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::{run_handler, ClassEntry, ExecuteData};

use crate::php::args::{self, Arg, ArgError, Opt, OptRef, MIXED};
use crate::php::classes::{self, finish, stats_args};
use crate::php::commands::{self, ArgBase};
use crate::php::convert;
use crate::php::errors;
use crate::php::monitoring;
use crate::php::pool_object::PoolObject;
use crate::php::servers;
use crate::protocol::ascii::StoreOp;

/// Argument numbering of functions: the object is #1, so the first method argument is #2.
const FUNCTION: ArgBase = ArgBase(2);

/// The object argument, or PHP's TypeError (`must be of type MemcachePool, string given`).
fn object_arg<'a>(
    zval: &'a Zval,
    class: &ClassEntry,
    class_name: &str,
) -> Result<PoolObject<'a>, ArgError> {
    match zval.dereference().object().filter(|o| o.instance_of(class)) {
        Some(object) => Ok(PoolObject(object)),
        None => Err(args::wrong_class(1, class_name, zval)),
    }
}

/// The `MemcachePool` (or subclass) first argument.
fn pool_arg(zval: &Zval) -> Result<PoolObject<'_>, ArgError> {
    object_arg(zval, classes::pool_class(), "MemcachePool")
}

/// A new `Memcache` object connected to one server, or `false`.
fn connect_new(
    persistent: bool,
    host: &Zval,
    port: Option<&Zval>,
    timeout: Option<&Zval>,
    unused: [Option<&Zval>; 5],
) -> Zval {
    let Some(class) = classes::memcache_class() else {
        return convert::bool_zval(false);
    };
    let params = match classes::memcache_connect_args(1, persistent, host, port, timeout, unused) {
        Ok(params) => params,
        Err(ArgError) => return Zval::new(),
    };
    let object = ZendObject::new(class);
    match servers::connect(PoolObject(&object), &params) {
        Ok(true) => object.into_zval(false).unwrap_or_default(),
        Ok(false) => convert::bool_zval(false),
        Err(ArgError) => Zval::new(),
    }
}

/// Connects to a server and returns a `Memcache` object, or `false`. At most three arguments
/// (see [`classes::memcache_connect_args`] for the five unused parameters).
#[php_function]
#[php(optional = port)]
#[allow(clippy::too_many_arguments)]
pub fn memcache_connect(
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
    connect_new(false, host.0, port.0, timeout.0, unused)
}

/// Like `memcache_connect`, with a persistent connection.
#[php_function]
#[php(optional = port)]
#[allow(clippy::too_many_arguments)]
pub fn memcache_pconnect(
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
    connect_new(true, host.0, port.0, timeout.0, unused)
}

/// `Memcache::addServer` as a function (the object must be a `Memcache`).
///
/// The parameter names are the C extension's, which are off by one from the fourth on: it
/// declares `$port, $tcp_port, $persistent, …, $status, $failure_callback` (ten parameters) but
/// parses port, persistent, weight, timeout, retry_interval, status, failure_callback from the
/// third argument (nine at most). Argument errors and named arguments follow the declared
/// names, as there (`Argument #5 ($persistent) must be of type int` is about the weight).
#[php_function]
#[php(optional = port)]
#[allow(clippy::too_many_arguments)]
pub fn memcache_add_server(
    memcache: Arg<'_, MIXED>,
    host: Arg<'_, MIXED>,
    port: Opt<'_, MIXED>,
    tcp_port: Opt<'_, MIXED>,
    persistent: Opt<'_, MIXED>,
    weight: Opt<'_, MIXED>,
    timeout: Opt<'_, MIXED>,
    retry_interval: Opt<'_, MIXED>,
    status: Opt<'_, MIXED>,
    failure_callback: Opt<'_, MIXED>,
) -> Zval {
    finish((|| {
        if failure_callback.0.is_some() {
            return Err(args::too_many_arguments(2, 9));
        }
        let class = classes::memcache_class().unwrap_or_else(|| classes::pool_class());
        let object = object_arg(memcache.0, class, "Memcache")?;
        // What the C extension parses at each position (see above).
        let (params, callback) = classes::memcache_add_server_args(
            2,
            host.0,
            port.0,
            tcp_port.0,
            persistent.0,
            weight.0,
            timeout.0,
            retry_interval.0,
            status.0,
        )?;
        Ok(convert::bool_zval(classes::memcache_add_server(
            object, &params, callback,
        )))
    })())
}

/// `setServerParams` as a function.
#[php_function]
#[php(optional = tcp_port)]
pub fn memcache_set_server_params(
    memcache: Arg<'_, MIXED>,
    host: Arg<'_, MIXED>,
    tcp_port: Opt<'_, MIXED>,
    timeout: Opt<'_, MIXED>,
    retry_interval: Opt<'_, MIXED>,
    status: Opt<'_, MIXED>,
    failure_callback: Opt<'_, MIXED>,
) -> Zval {
    finish((|| {
        let object = pool_arg(memcache.0)?;
        let host = args::bytes(host.0, 2)?;
        let port = args::optional(tcp_port.0, 3, crate::php::ini::default_port(), args::long)?;
        let timeout = args::optional(timeout.0, 4, 1.0, args::double)?;
        let retry = args::optional(retry_interval.0, 5, 15, args::long)?;
        let status = args::optional(status.0, 6, true, args::bool_)?;
        Ok(convert::bool_zval(servers::set_server_params(
            object,
            host,
            port,
            timeout,
            retry,
            status,
            failure_callback.0,
        )))
    })())
}

/// `setFailureCallback` as a function.
#[php_function]
pub fn memcache_set_failure_callback(
    memcache: Arg<'_, MIXED>,
    failure_callback: Arg<'_, MIXED>,
) -> Zval {
    finish(
        pool_arg(memcache.0)
            .map(|o| convert::bool_zval(servers::set_failure_callback(o, failure_callback.0))),
    )
}

/// `setFailbackCallback` as a function.
#[php_function]
pub fn memcache_set_failback_callback(
    memcache: Arg<'_, MIXED>,
    failback_callback: Arg<'_, MIXED>,
) -> Zval {
    finish(
        pool_arg(memcache.0)
            .map(|o| convert::bool_zval(servers::set_failback_callback(o, failback_callback.0))),
    )
}

/// `getServerStatus` as a function.
#[php_function]
#[php(optional = tcp_port)]
pub fn memcache_get_server_status(
    memcache: Arg<'_, MIXED>,
    host: Arg<'_, MIXED>,
    tcp_port: Opt<'_, MIXED>,
) -> Zval {
    finish((|| {
        let object = pool_arg(memcache.0)?;
        let host = args::bytes(host.0, 2)?;
        let port = args::optional(tcp_port.0, 3, crate::php::ini::default_port(), args::long)?;
        Ok(servers::server_status(object, host, port))
    })())
}

/// `getVersion` as a function.
#[php_function]
pub fn memcache_get_version(memcache: Arg<'_, MIXED>) -> Zval {
    finish(pool_arg(memcache.0).and_then(monitoring::version))
}

/// Shared body of the storage functions.
#[allow(clippy::too_many_arguments)]
fn store_function(
    op: StoreOp,
    name: &str,
    memcache: &Zval,
    key: &Zval,
    value: Option<&Zval>,
    flags: Option<&Zval>,
    exptime: Option<&Zval>,
    cas: Option<&Zval>,
) -> Zval {
    finish(
        pool_arg(memcache)
            .and_then(|o| commands::store(o, op, name, FUNCTION, key, value, flags, exptime, cas)),
    )
}

/// `add` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_add(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    flags: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
    cas: Opt<'_, MIXED>,
) -> Zval {
    store_function(
        StoreOp::Add,
        "memcache_add",
        memcache.0,
        key.0,
        value.0,
        flags.0,
        exptime.0,
        cas.0,
    )
}

/// `set` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_set(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    flags: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
    cas: Opt<'_, MIXED>,
) -> Zval {
    store_function(
        StoreOp::Set,
        "memcache_set",
        memcache.0,
        key.0,
        value.0,
        flags.0,
        exptime.0,
        cas.0,
    )
}

/// `replace` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_replace(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    flags: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
    cas: Opt<'_, MIXED>,
) -> Zval {
    store_function(
        StoreOp::Replace,
        "memcache_replace",
        memcache.0,
        key.0,
        value.0,
        flags.0,
        exptime.0,
        cas.0,
    )
}

/// `cas` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_cas(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    flags: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
    cas: Opt<'_, MIXED>,
) -> Zval {
    store_function(
        StoreOp::Cas,
        "memcache_cas",
        memcache.0,
        key.0,
        value.0,
        flags.0,
        exptime.0,
        cas.0,
    )
}

/// `append` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_append(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    flags: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
    cas: Opt<'_, MIXED>,
) -> Zval {
    store_function(
        StoreOp::Append,
        "memcache_append",
        memcache.0,
        key.0,
        value.0,
        flags.0,
        exptime.0,
        cas.0,
    )
}

/// `prepend` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_prepend(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    flags: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
    cas: Opt<'_, MIXED>,
) -> Zval {
    store_function(
        StoreOp::Prepend,
        "memcache_prepend",
        memcache.0,
        key.0,
        value.0,
        flags.0,
        exptime.0,
        cas.0,
    )
}

/// `get` as a function.
#[php_function]
#[php(optional = flags)]
pub fn memcache_get(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    flags: OptRef<'_>,
    cas: OptRef<'_>,
) -> Zval {
    finish(pool_arg(memcache.0).and_then(|o| commands::get(o, key.0, flags.0, cas.0)))
}

/// `delete` as a function.
#[php_function]
#[php(optional = exptime)]
pub fn memcache_delete(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
) -> Zval {
    finish(pool_arg(memcache.0).and_then(|o| commands::delete(o, FUNCTION, key.0, exptime.0)))
}

/// `memcache_debug($on_off)`: deprecated since the C extension's debug mode was removed; always
/// a warning and `false`. Like the C function it parses no arguments, so it accepts any number
/// (none included) although `$on_off` is declared required: a hand-written handler, because the
/// argument parser of a `#[php_function]` would enforce the declared count.
extern "C" fn memcache_debug(_execute_data: &mut ExecuteData, retval: &mut Zval) {
    run_handler(|| {
        errors::warning(
            "memcache_debug() is deprecated, please use a debugger (like Eclipse + CDT)",
        );
    });
    retval.set_bool(false);
}

/// The `memcache_debug` function entry (its arginfo types are [`arginfo`](super::arginfo)'s).
fn memcache_debug_function() -> FunctionBuilder<'static> {
    FunctionBuilder::new("memcache_debug", memcache_debug)
        .arg(ext_php_rs::args::Arg::new("on_off", DataType::Mixed))
        .returns(DataType::Bool, false, false)
}

/// `getStats` as a function.
#[php_function]
#[php(optional = r#type)]
pub fn memcache_get_stats(
    memcache: Arg<'_, MIXED>,
    r#type: Opt<'_, MIXED>,
    slabid: Opt<'_, MIXED>,
    limit: Opt<'_, MIXED>,
) -> Zval {
    finish(pool_arg(memcache.0).and_then(|o| {
        stats_args(r#type.0, slabid.0, limit.0, 2).and_then(|a| monitoring::stats(o, a))
    }))
}

/// `getExtendedStats` as a function.
#[php_function]
#[php(optional = r#type)]
pub fn memcache_get_extended_stats(
    memcache: Arg<'_, MIXED>,
    r#type: Opt<'_, MIXED>,
    slabid: Opt<'_, MIXED>,
    limit: Opt<'_, MIXED>,
) -> Zval {
    finish(pool_arg(memcache.0).and_then(|o| {
        stats_args(r#type.0, slabid.0, limit.0, 2).and_then(|a| monitoring::extended_stats(o, a))
    }))
}

/// `setCompressThreshold` as a function.
#[php_function]
#[php(optional = min_savings)]
pub fn memcache_set_compress_threshold(
    memcache: Arg<'_, MIXED>,
    threshold: Arg<'_, MIXED>,
    min_savings: Opt<'_, MIXED>,
) -> Zval {
    finish((|| {
        let object = pool_arg(memcache.0)?;
        let threshold = args::long(threshold.0, 2)?;
        let min_savings = min_savings.0.map(|z| args::double(z, 3)).transpose()?;
        Ok(convert::bool_zval(monitoring::set_compress_threshold(
            object,
            threshold,
            min_savings,
        )))
    })())
}

/// `increment` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_increment(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    defval: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
) -> Zval {
    finish(
        pool_arg(memcache.0).and_then(|o| {
            commands::counter(o, false, FUNCTION, key.0, value.0, defval.0, exptime.0)
        }),
    )
}

/// `decrement` as a function.
#[php_function]
#[php(optional = value)]
pub fn memcache_decrement(
    memcache: Arg<'_, MIXED>,
    key: Arg<'_, MIXED>,
    value: Opt<'_, MIXED>,
    defval: Opt<'_, MIXED>,
    exptime: Opt<'_, MIXED>,
) -> Zval {
    finish(
        pool_arg(memcache.0).and_then(|o| {
            commands::counter(o, true, FUNCTION, key.0, value.0, defval.0, exptime.0)
        }),
    )
}

/// `close` as a function.
#[php_function]
pub fn memcache_close(memcache: Arg<'_, MIXED>) -> Zval {
    finish(pool_arg(memcache.0).map(|o| convert::bool_zval(servers::close(o))))
}

/// `flush` as a function.
#[php_function]
#[php(optional = delay)]
pub fn memcache_flush(memcache: Arg<'_, MIXED>, delay: Opt<'_, MIXED>) -> Zval {
    finish(pool_arg(memcache.0).and_then(|o| {
        args::optional(delay.0, 2, 0, args::long).and_then(|d| monitoring::flush(o, d))
    }))
}

/// `setSaslAuthData` as a function.
#[php_function]
pub fn memcache_set_sasl_auth_data(
    memcache: Arg<'_, MIXED>,
    username: Arg<'_, MIXED>,
    password: Arg<'_, MIXED>,
) -> Zval {
    finish((|| {
        let object = pool_arg(memcache.0)?;
        let username = args::bytes(username.0, 2)?;
        let password = args::bytes(password.0, 3)?;
        Ok(convert::bool_zval(
            object.set_sasl_auth_data(username, password),
        ))
    })())
}

/// The machine-wide server health table as an array (this extension's own function; see
/// [`server_health`](crate::php::server_health) for its shape).
#[php_function]
pub fn memcache_server_health() -> Zval {
    crate::php::server_health::server_health()
}

/// Every function, in the C extension's order, then this extension's own.
pub fn all() -> Vec<FunctionBuilder<'static>> {
    vec![
        wrap_function!(memcache_connect),
        wrap_function!(memcache_pconnect),
        wrap_function!(memcache_add_server),
        wrap_function!(memcache_set_server_params),
        wrap_function!(memcache_set_failure_callback),
        wrap_function!(memcache_set_failback_callback),
        wrap_function!(memcache_get_server_status),
        wrap_function!(memcache_get_version),
        wrap_function!(memcache_add),
        wrap_function!(memcache_set),
        wrap_function!(memcache_replace),
        wrap_function!(memcache_cas),
        wrap_function!(memcache_append),
        wrap_function!(memcache_prepend),
        wrap_function!(memcache_get),
        wrap_function!(memcache_delete),
        memcache_debug_function(),
        wrap_function!(memcache_get_stats),
        wrap_function!(memcache_get_extended_stats),
        wrap_function!(memcache_set_compress_threshold),
        wrap_function!(memcache_increment),
        wrap_function!(memcache_decrement),
        wrap_function!(memcache_close),
        wrap_function!(memcache_flush),
        wrap_function!(memcache_set_sasl_auth_data),
        wrap_function!(memcache_server_health),
    ]
}
