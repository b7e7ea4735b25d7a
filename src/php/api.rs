//! The PHP API: every method of `MemcachePool` and `Memcache` and every `memcache_*` function,
//! each command declared once, in registration order (which Reflection shows).
//!
//! An entry gives the command's PHP names, its parameters (how each is parsed, and the type the
//! C extension declares for it), its declared return type and its operation; see
//! [`commands!`](super::dispatch::commands) for the form. A command that is both a method and a
//! function is one entry, as in the C extension (one `PHP_FUNCTION` and an alias): the function
//! takes the object as argument #1 and numbers the others from #2; warnings name whichever was
//! called. Adding a command is one entry here, its operation, and its line in
//! `stubs/memcache.stub.php` (php-tests/270 compares the stub with what this table registers).
//!
//! Omitted arguments take their defaults in the operations: a server's parameters the pool's
//! ([`ServerConfig`](crate::pool::ServerConfig)), ports `memcache.default_port` at call time,
//! the others where they are visible next to the parameters below.

use crate::php::arginfo::{
    ARRAY, ARRAY_INT_OR_BOOL, ARRAY_OR_BOOL, BOOL, CALLABLE, CALLBACK, FLOAT, INT, INT_OR_BOOL,
    KEY, MIXED, NONE, STRING, STRING_OR_BOOL,
};
use crate::php::dispatch::{
    commands, creating_function, memcache_function, memcache_method, plain_function, pool_function,
    pool_method, pool_method_ignoring_extra_args, untyped_function, Bool, Bytes, Callable, Double,
    Ignored, Long, LongOrNull, Ref, Refused, Value,
};
use crate::php::monitoring::{self, StatsArgs};
use crate::php::servers::{self, AddServer};
use crate::php::{commands, errors, ini, stampede};
use crate::pool::{timeout_from_seconds, ServerConfig, StoreOp};

commands! {
    /// `Memcache::connect($host, $port, $timeout)` and `memcache_connect()`: a non-persistent
    /// server, connected at once; a null port means 0 (a unix socket URL). The function creates
    /// the `Memcache` object and returns it (`false` if the connection failed). The C extension
    /// declares five more parameters (sic `$unugsed8`) but takes at most three arguments.
    memcache_connect(
        host: Bytes as NONE,
        port: Option<LongOrNull> as NONE,
        timeout: Option<Double> as NONE,
        unused4: Option<Refused> as NONE,
        unused5: Option<Refused> as NONE,
        unused6: Option<Refused> as NONE,
        unused7: Option<Refused> as NONE,
        unugsed8: Option<Refused> as NONE,
    ) -> NONE {
        method: memcache_method("connect"),
        function: creating_function("memcache_connect"),
    } => |object| {
        let port = port.map(|port| port.unwrap_or(0));
        let args = AddServer {
            host,
            tcp_port: port,
            persistent: Some(false),
            timeout,
            ..AddServer::default()
        };
        servers::connect(object, &args)
    };

    /// `Memcache::pconnect()` and `memcache_pconnect()`: the same, persistent.
    memcache_pconnect(
        host: Bytes as NONE,
        port: Option<LongOrNull> as NONE,
        timeout: Option<Double> as NONE,
        unused4: Option<Refused> as NONE,
        unused5: Option<Refused> as NONE,
        unused6: Option<Refused> as NONE,
        unused7: Option<Refused> as NONE,
        unugsed8: Option<Refused> as NONE,
    ) -> NONE {
        method: memcache_method("pconnect"),
        function: creating_function("memcache_pconnect"),
    } => |object| {
        let port = port.map(|port| port.unwrap_or(0));
        let args = AddServer {
            host,
            tcp_port: port,
            persistent: Some(true),
            timeout,
            ..AddServer::default()
        };
        servers::connect(object, &args)
    };

    /// `MemcachePool::connect()`: adds a server and connects to it at once.
    pool_connect(
        host: Bytes as NONE,
        tcp_port: Option<Long> as NONE,
        udp_port: Option<Long> as NONE,
        persistent: Option<Bool> as NONE,
        weight: Option<Long> as NONE,
        timeout: Option<Double> as NONE,
        retry_interval: Option<Long> as NONE,
    ) -> NONE {
        method: pool_method("connect"),
    } => |object| {
        let args = AddServer {
            host,
            tcp_port,
            udp_port,
            persistent,
            weight,
            timeout,
            retry_interval,
            status: None,
        };
        servers::connect(object, &args)
    };

    /// `MemcachePool::addServer()`: adds a server (no network activity).
    pool_add_server(
        host: Bytes as NONE,
        tcp_port: Option<Long> as NONE,
        udp_port: Option<Long> as NONE,
        persistent: Option<Bool> as NONE,
        weight: Option<Long> as NONE,
        timeout: Option<Double> as NONE,
        retry_interval: Option<Long> as NONE,
        status: Option<Bool> as NONE,
    ) -> BOOL {
        method: pool_method("addserver"),
    } => |object| {
        let args = AddServer {
            host,
            tcp_port,
            udp_port,
            persistent,
            weight,
            timeout,
            retry_interval,
            status,
        };
        servers::add_server(object, &args).is_some()
    };

    /// `memcache_add_server()`: `Memcache::addServer()` as a function (the object must be a
    /// `Memcache`). The C extension's parameter names are off by one from the fourth on: it
    /// parses port, persistent, weight, timeout, retry_interval, status, failure_callback from
    /// the third argument, under the names `$port`, `$tcp_port`, ... `$status`, and declares a
    /// tenth `$failure_callback` it refuses. Argument errors and named arguments follow the
    /// declared names, as there (`Argument #5 ($persistent) must be of type int` is the weight).
    memcache_add_server(
        host: Bytes as NONE,
        port: Option<Long> as NONE,
        tcp_port: Option<Bool> as NONE,
        persistent: Option<Long> as NONE,
        weight: Option<Double> as NONE,
        timeout: Option<Long> as NONE,
        retry_interval: Option<Bool> as NONE,
        status: Option<Value> as NONE,
        failure_callback: Option<Refused> as NONE,
    ) -> BOOL {
        function: memcache_function("memcache_add_server"),
    } => |object| {
        let args = AddServer {
            host,
            tcp_port: port,
            udp_port: None,
            persistent: tcp_port,
            weight: persistent,
            timeout: weight,
            retry_interval: timeout,
            status: retry_interval,
        };
        servers::add_memcache_server(object, &args, status)
    };

    /// `Memcache::addServer($host, $port, $persistent, $weight, $timeout, $retry_interval,
    /// $status, $failure_callback)`: validates the callback first (nothing is added when it is
    /// invalid), then adds the server and makes the callback pool-wide.
    memcache_add_server_method(
        host: Bytes as NONE,
        tcp_port: Option<Long> as NONE,
        persistent: Option<Bool> as NONE,
        weight: Option<Long> as NONE,
        timeout: Option<Double> as NONE,
        retry_interval: Option<Long> as NONE,
        status: Option<Bool> as NONE,
        failure_callback: Option<Value> as NONE,
    ) -> BOOL {
        method: memcache_method("addserver"),
    } => |object| {
        let args = AddServer {
            host,
            tcp_port,
            udp_port: None,
            persistent,
            weight,
            timeout,
            retry_interval,
            status,
        };
        servers::add_memcache_server(object, &args, failure_callback)
    };

    /// `setServerParams()`: changes a server's parameters; omitted arguments reset to their
    /// defaults, an omitted callback is kept, a null one cleared.
    set_server_params(
        host: Bytes as STRING,
        tcp_port: Option<Long> as INT,
        timeout: Option<Double> as FLOAT,
        retry_interval: Option<Long> as INT,
        status: Option<Bool> as BOOL,
        failure_callback: Option<Value> as NONE,
    ) -> BOOL {
        method: pool_method("setserverparams"),
        function: pool_function("memcache_set_server_params"),
    } => |object| servers::set_server_params(
        object,
        host,
        tcp_port.unwrap_or_else(ini::default_port),
        timeout.map_or(ServerConfig::DEFAULT_TIMEOUT, timeout_from_seconds),
        retry_interval.unwrap_or(ServerConfig::DEFAULT_RETRY_INTERVAL),
        status.unwrap_or(true),
        failure_callback,
    );

    /// `setFailureCallback()`: sets or clears (null) the pool's failure callback.
    set_failure_callback(failure_callback: Value as CALLBACK) -> BOOL {
        method: pool_method("setfailurecallback"),
        function: pool_function("memcache_set_failure_callback"),
    } => |object| servers::set_failure_callback(object, failure_callback);

    /// `setFailbackCallback()`: sets or clears (null) the pool's failback callback, run by the
    /// one worker whose probe brought a failed server back, before it rejoins; `false` keeps it
    /// down.
    set_failback_callback(failback_callback: Value as CALLBACK) -> BOOL {
        method: pool_method("setfailbackcallback"),
        function: pool_function("memcache_set_failback_callback"),
    } => |object| servers::set_failback_callback(object, failback_callback);

    /// `getServerStatus()`: 0 when the server is failed, 1 otherwise.
    get_server_status(host: Bytes as STRING, tcp_port: Option<Long> as INT) -> INT_OR_BOOL {
        method: pool_method("getserverstatus"),
        function: pool_function("memcache_get_server_status"),
    } => |object| servers::server_status(object, host, tcp_port.unwrap_or_else(ini::default_port));

    /// `findServer()`: `"host:port"` of the server a key maps to. The key is converted only
    /// once the pool is found.
    find_server(key: Value as STRING) -> STRING_OR_BOOL {
        method: pool_method("findserver"),
    } => |object| servers::find_server(object, key);

    /// `getVersion()`: the version of the first server that answers.
    get_version() -> STRING_OR_BOOL {
        method: pool_method_ignoring_extra_args("getversion"),
        function: pool_function("memcache_get_version"),
    } => |object| monitoring::version(object);

    /// `add()`: stores if the key does not exist.
    add(
        key: Value as KEY,
        value: Option<Value> as MIXED,
        flags: Option<Long> as INT,
        exptime: Option<Long> as INT,
        cas: Option<Long> as INT,
    ) -> BOOL {
        method: pool_method("add"),
        function: pool_function("memcache_add"),
    } => |object| commands::store(object, StoreOp::Add, key, value, flags, exptime, cas);

    /// `set()`: stores unconditionally.
    set(
        key: Value as KEY,
        value: Option<Value> as MIXED,
        flags: Option<Long> as INT,
        exptime: Option<Long> as INT,
        cas: Option<Long> as INT,
    ) -> BOOL {
        method: pool_method("set"),
        function: pool_function("memcache_set"),
    } => |object| commands::store(object, StoreOp::Set, key, value, flags, exptime, cas);

    /// `replace()`: stores if the key exists.
    replace(
        key: Value as KEY,
        value: Option<Value> as MIXED,
        flags: Option<Long> as INT,
        exptime: Option<Long> as INT,
        cas: Option<Long> as INT,
    ) -> BOOL {
        method: pool_method("replace"),
        function: pool_function("memcache_replace"),
    } => |object| commands::store(object, StoreOp::Replace, key, value, flags, exptime, cas);

    /// `cas()`: stores if the item's CAS unique still equals `$cas`.
    cas(
        key: Value as KEY,
        value: Option<Value> as MIXED,
        flags: Option<Long> as INT,
        exptime: Option<Long> as INT,
        cas: Option<Long> as INT,
    ) -> BOOL {
        method: pool_method("cas"),
        function: pool_function("memcache_cas"),
    } => |object| commands::store(object, StoreOp::Cas, key, value, flags, exptime, cas);

    /// `append()`: appends to an existing item.
    append(
        key: Value as KEY,
        value: Option<Value> as MIXED,
        flags: Option<Long> as INT,
        exptime: Option<Long> as INT,
        cas: Option<Long> as INT,
    ) -> BOOL {
        method: pool_method("append"),
        function: pool_function("memcache_append"),
    } => |object| commands::store(object, StoreOp::Append, key, value, flags, exptime, cas);

    /// `prepend()`: prepends to an existing item.
    prepend(
        key: Value as KEY,
        value: Option<Value> as MIXED,
        flags: Option<Long> as INT,
        exptime: Option<Long> as INT,
        cas: Option<Long> as INT,
    ) -> BOOL {
        method: pool_method("prepend"),
        function: pool_function("memcache_prepend"),
    } => |object| commands::store(object, StoreOp::Prepend, key, value, flags, exptime, cas);

    /// `get()`: one value, or the found values of an array of keys; `$flags` and `$cas` are
    /// written on a hit, and passing `$cas` at all fetches CAS values.
    get(key: Value as KEY, flags: Option<Ref> as MIXED, cas: Option<Ref> as MIXED) -> MIXED {
        method: pool_method("get"),
        function: untyped_function("memcache_get"),
    } => |object| commands::get(object, key, flags, cas);

    /// `delete()`: one key or an array of keys. The expiry is parsed but never sent.
    delete(key: Value as KEY, exptime: Option<Long> as INT) -> ARRAY_OR_BOOL {
        method: pool_method("delete"),
        function: untyped_function("memcache_delete"),
    } => |object| commands::delete(object, key);

    /// `memcache_debug($on_off)`: deprecated since the C extension's debug mode was removed;
    /// always a warning and `false`. Like the C function it parses no arguments, so any number
    /// is accepted (none included) although `$on_off` is declared required.
    debug(on_off: Ignored as NONE) -> BOOL {
        function: plain_function("memcache_debug"),
        parses_arguments: false,
    } => |_| {
        errors::warning(
            "memcache_debug() is deprecated, please use a debugger (like Eclipse + CDT)",
        );
        false
    };

    /// `getStats()`: statistics of the first server that answers.
    get_stats(
        r#type: Option<Bytes> as STRING,
        slabid: Option<Long> as INT,
        limit: Option<Long> as INT,
    ) -> ARRAY_OR_BOOL {
        method: pool_method("getstats"),
        function: pool_function("memcache_get_stats"),
    } => |object| {
        let args = StatsArgs::new(r#type, slabid.unwrap_or(0), limit.unwrap_or(100));
        monitoring::stats(object, args)
    };

    /// `getExtendedStats()`: statistics of every server, keyed `host:port`.
    get_extended_stats(
        r#type: Option<Bytes> as STRING,
        slabid: Option<Long> as INT,
        limit: Option<Long> as INT,
    ) -> ARRAY_OR_BOOL {
        method: pool_method("getextendedstats"),
        function: pool_function("memcache_get_extended_stats"),
    } => |object| {
        let args = StatsArgs::new(r#type, slabid.unwrap_or(0), limit.unwrap_or(100));
        monitoring::extended_stats(object, args)
    };

    /// `setCompressThreshold()`: the pool's automatic compression threshold and minimum
    /// savings.
    set_compress_threshold(threshold: Long as INT, min_savings: Option<Double> as FLOAT) -> BOOL {
        method: pool_method("setcompressthreshold"),
        function: pool_function("memcache_set_compress_threshold"),
    } => |object| monitoring::set_compress_threshold(object, threshold, min_savings);

    /// `increment()`: increments a counter (or an array of counters).
    increment(
        key: Value as KEY,
        value: Option<Long> as INT,
        defval: Option<Long> as INT,
        exptime: Option<Long> as INT,
    ) -> ARRAY_INT_OR_BOOL {
        method: pool_method("increment"),
        function: pool_function("memcache_increment"),
    } => |object| {
        commands::counter(object, key, value.unwrap_or(1), defval, exptime.unwrap_or(0))
    };

    /// `decrement()`: decrements a counter (or an array of counters).
    decrement(
        key: Value as KEY,
        value: Option<Long> as INT,
        defval: Option<Long> as INT,
        exptime: Option<Long> as INT,
    ) -> ARRAY_INT_OR_BOOL {
        method: pool_method("decrement"),
        function: pool_function("memcache_decrement"),
    } => |object| {
        let delta = value.unwrap_or(1).wrapping_neg();
        commands::counter(object, key, delta, defval, exptime.unwrap_or(0))
    };

    /// `close()`: removes every server from the pool.
    close() -> BOOL {
        method: pool_method_ignoring_extra_args("close"),
        function: pool_function("memcache_close"),
    } => |object| servers::close(object);

    /// `flush()`: invalidates every item on every server.
    flush(delay: Option<Long> as INT) -> BOOL {
        method: pool_method("flush"),
        function: pool_function("memcache_flush"),
    } => |object| monitoring::flush(object, delay.unwrap_or(0));

    /// `setSaslAuthData()`: SASL credentials for the servers added afterwards (binary
    /// protocol).
    set_sasl_auth_data(username: Bytes as STRING, password: Bytes as STRING) -> BOOL {
        method: pool_method("setSaslAuthData"),
        function: pool_function("memcache_set_sasl_auth_data"),
    } => |object| object.set_sasl_auth_data(username, password);

    /// `remember()`: the cached value of `$key`; on a miss exactly one caller in the fleet runs
    /// `$compute($key)` and stores its result for `$exptime` while the others wait for it
    /// (this extension's own; see [`stampede`](crate::php::stampede)).
    remember(key: Bytes as STRING, exptime: Long as INT, compute: Callable as CALLABLE) -> MIXED {
        method: pool_method("remember"),
        function: pool_function("memcache_remember"),
    } => |object| stampede::remember(object, key, exptime, compute);

    /// `invalidate()`: marks the value of `$key` stale (meta; `remember()` serves it while one
    /// caller recomputes it), or deletes it (text, binary). This extension's own.
    invalidate(key: Bytes as STRING) -> BOOL {
        method: pool_method("invalidate"),
        function: pool_function("memcache_invalidate"),
    } => |object| stampede::invalidate(object, key);

    /// `memcache_server_health()`: the machine-wide server health table as an array (this
    /// extension's own function; see [`server_health`](crate::php::server_health) for its
    /// shape).
    server_health() -> ARRAY {
        function: plain_function("memcache_server_health"),
    } => |_| crate::php::server_health::server_health();
}
