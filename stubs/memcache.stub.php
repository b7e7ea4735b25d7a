<?php

/**
 * Stubs for the `memcache` extension: a drop-in replacement, written in Rust, for the PECL
 * memcache C extension (module version "8.2").
 *
 * This file is for IDEs and static analysers (PhpStorm, Psalm, PHPStan) only. Never include it
 * in code that runs with the extension loaded: the classes, functions and constants below are
 * provided by the extension and would be declared twice.
 *
 * What the extension provides:
 *  - classes MemcachePool and Memcache (Memcache extends MemcachePool). Neither has a
 *    constructor; the server pool is created by the first connect()/addServer() and kept in the
 *    public dynamic property `connection`. Methods are registered in lowercase (`addserver`,
 *    `getstats`, ...) except setSaslAuthData; PHP method names are case-insensitive anyway.
 *  - 24 procedural memcache_* functions taking the object as first argument, and this
 *    implementation's own: memcache_remember() and memcache_invalidate() (the stampede guard)
 *    and memcache_server_health() (the machine-wide server health table).
 *  - 6 constants: MEMCACHE_COMPRESSED, MEMCACHE_USER1..4, MEMCACHE_HAVE_SESSION.
 *  - a session save handler named "memcache": session.save_handler=memcache with
 *    session.save_path (or memcache.session_save_path) set to a comma/space separated list of
 *    server URLs such as "tcp://127.0.0.1:11211?persistent=1&weight=1&timeout=1&retry_interval=15,
 *    unix:///run/memcached.sock" (tls://host:port for TLS). Sessions are locked through a "<key>.lock" counter key and may
 *    be written to several servers (memcache.session_redundancy).
 *
 * Scalar parameters are parsed with PHP's coercive rules whatever the declared types say:
 * set($key, $value, false, 60) works, as with the C extension.
 *
 * INI directives (default in brackets; PHP_INI_ALL unless marked startup). Every one, with when it
 * is read and the values it accepts: memcache_rs.ini and docs/configuration.md.
 *   memcache.allow_failover [1]            re-route requests away from failed servers
 *   memcache.max_failover_attempts [20]    how many servers a failover may try
 *   memcache.default_port [11211]          default TCP port of connect()/addServer()/...
 *   memcache.chunk_size [32768]            accepted, no effect (the C extension's chunk size)
 *   memcache.protocol [ascii]              ascii | binary | meta (memcached's meta commands,
 *                                          memcached >= 1.6), read when a pool is created
 *   memcache.hash_strategy [consistent]    consistent | standard
 *   memcache.hash_function [crc32]         crc32 | fnv
 *   memcache.redundancy [1]                servers every write/delete/increment goes to
 *   memcache.session_redundancy [2]        servers every session is written to
 *   memcache.compress_threshold [20000]    values this long or longer are compressed (0: never)
 *   memcache.lock_timeout [15]             session lock lifetime in seconds (wait: twice that)
 *   memcache.select_api [select]           select | poll; accepted, no effect
 *   memcache.session_save_path [unset]     overrides session.save_path for this handler
 *   memcache.session_fail_on_lock_timeout [1]  fail session_start() instead of starting an
 *                                          empty session when the lock cannot be had
 *   memcache.prefix_static_key [unset]     static prefix of every key (no "." allowed)
 *   memcache.prefix_host_key [0]           add $_SERVER['SERVER_NAME'] to the key prefix
 *   memcache.prefix_host_key_remove_www [1]        ... without a leading "www."
 *   memcache.prefix_host_key_remove_subdomain [0]  ... keeping only the last two labels
 *   memcache.session_prefix_static_key [unset]     the same four, for session keys
 *   memcache.session_prefix_host_key [0]           (read at request start)
 *   memcache.session_prefix_host_key_remove_www [1]
 *   memcache.session_prefix_host_key_remove_subdomain [0]
 *   memcache.shared_health [1]             startup: server health shared by every PHP process of
 *                                          the user on the machine (0: per process)
 *   memcache.shared_health_file [unset]    startup: the shared table's file (unset:
 *                                          /dev/shm/memcache-rs-health-<euid>)
 *   memcache.failure_limit [1]             consecutive timeouts that fail a server
 *   memcache.max_failed_share [100]        percent of a pool's servers timeouts may fail at once
 *   memcache.failback_flush [auto]         never | auto | always: flush a recovered server
 *   memcache.failover_ttl [0]              longest expiry of a value written to a failover server
 *   memcache.health_log [0]                health steps of servers to PHP's error log
 *   memcache.tls_ca_file [unset]           for tls:// servers, read when a server is added: PEM
 *                                          file of the CAs to trust (unset: the system's store)
 *   memcache.tls_verify_peer [1]           check the server's certificate and name
 *   memcache.tls_server_name [unset]       the name the certificate must carry (unset: host)
 *   memcache.tls_cert_file [unset]         PEM client certificate (mutual TLS)
 *   memcache.tls_key_file [unset]          its PEM private key (unset: in tls_cert_file)
 *   memcache.remember_wait [3]             this implementation only: seconds remember() waits
 *                                          for another caller's recompute (its claim, and a
 *                                          value invalidate() marks stale, live a second more)
 *
 * Defaults written as 11211 below are really the value of memcache.default_port at call time.
 */

/** Flag for store commands: zlib-compress the value (strings and serialized values only). */
const MEMCACHE_COMPRESSED = 2;

/** Application flag bit 0x10000, stored with the item and returned in get()'s $flags. */
const MEMCACHE_USER1 = 65536;

/** Application flag bit 0x20000, stored with the item and returned in get()'s $flags. */
const MEMCACHE_USER2 = 131072;

/** Application flag bit 0x40000, stored with the item and returned in get()'s $flags. */
const MEMCACHE_USER3 = 262144;

/** Application flag bit 0x80000, stored with the item and returned in get()'s $flags. */
const MEMCACHE_USER4 = 524288;

/** 1: the "memcache" session save handler is available. */
const MEMCACHE_HAVE_SESSION = 1;

/**
 * A pool of memcached servers. Keys are spread over the servers by consistent (or standard)
 * hashing; a failed server is skipped (memcache.allow_failover) and retried after its
 * retry_interval.
 */
class MemcachePool
{
    /**
     * Adds a server to the pool (like addServer()) and opens its TCP connection right away.
     *
     * @param string $host host name, IP address, "tls://host" (TLS: memcache.tls_*), or "unix:///path/to.sock" (with port 0)
     * @param int $tcp_port TCP port; default memcache.default_port
     * @param int $udp_port UDP port, 0 for none
     * @param bool $persistent keep the connection open across requests
     * @param int $weight share of the keys this server gets, at least 1
     * @param float $timeout connect/read timeout in seconds
     * @param int $retry_interval seconds before a failed server is tried again, -1: never
     * @return bool false (with a warning) if the connection failed; the server stays in the pool
     */
    public function connect(
        string $host,
        int $tcp_port = 11211,
        int $udp_port = 0,
        bool $persistent = true,
        int $weight = 1,
        float $timeout = 1.0,
        int $retry_interval = 15,
    ): bool {}

    /**
     * Adds a server to the pool without connecting (the connection opens on first use).
     *
     * @param string $host host name, IP address, "tls://host" (TLS: memcache.tls_*), or "unix:///path/to.sock" (with port 0)
     * @param int $tcp_port TCP port; default memcache.default_port
     * @param int $udp_port UDP port, 0 for none (ignored with the binary protocol)
     * @param bool $persistent keep the connection open across requests
     * @param int $weight share of the keys this server gets, at least 1
     * @param float $timeout connect/read timeout in seconds
     * @param int $retry_interval seconds before a failed server is tried again, -1: never
     * @param bool $status false adds the server in the failed state
     * @return bool true even if the server is down; false for invalid arguments
     */
    public function addServer(
        string $host,
        int $tcp_port = 11211,
        int $udp_port = 0,
        bool $persistent = true,
        int $weight = 1,
        float $timeout = 1.0,
        int $retry_interval = 15,
        bool $status = true,
    ): bool {}

    /**
     * Changes the parameters of the first server in the pool with this host and TCP port.
     * Every omitted argument is reset to its default.
     *
     * @param callable|null $failure_callback pool-wide failure callback; null clears it, and
     *        omitting the argument leaves it unchanged. Called as
     *        fn(string $host, int $tcp_port, int $udp_port, ?string $error, int $errnum).
     * @return bool false if the server is not in the pool or the callback is not callable
     */
    public function setServerParams(
        string $host,
        int $tcp_port = 11211,
        float $timeout = 1.0,
        int $retry_interval = 15,
        bool $status = true,
        ?callable $failure_callback = null,
    ): bool {}

    /**
     * Sets (or, with null, clears) the pool-wide callback run instead of the E_NOTICE when a
     * server fails: fn(string $host, int $tcp_port, int $udp_port, ?string $error, int $errnum).
     * Needs a pool: call it after the first addServer()/connect().
     */
    public function setFailureCallback(?callable $failure_callback): bool {}

    /**
     * Sets (or, with null, clears) the callback run before a failed server rejoins:
     * fn(string $host, int $tcp_port, int $udp_port): bool. Only the one worker (of the machine,
     * with memcache.shared_health) whose probe brought the server back runs it, once per
     * recovery; returning false keeps the server down for another retry interval. Not in the C
     * extension. Needs a pool: call it after the first addServer()/connect().
     */
    public function setFailbackCallback(?callable $failback_callback): bool {}

    /**
     * Status of the first server in the pool with this host and TCP port.
     *
     * @return int|false 0 if the server is marked failed, 1 otherwise; false if not in the pool
     */
    public function getServerStatus(string $host, int $tcp_port = 11211): int|bool {}

    /**
     * The server a key maps to right now (after failover, if the primary is down).
     *
     * @return string|false "host:port" (port 0 for unix sockets); false for an invalid key
     */
    public function findServer(string $key): string|bool {}

    /**
     * The version of the first server that answers, e.g. "1.6.18".
     *
     * @return string|false false if no server answers
     */
    public function getVersion(): string|bool {}

    /**
     * Stores a value only if the key does not exist yet.
     *
     * @param array|string $key key, or an array of key => value (then $value is ignored)
     * @param mixed $value required with a string key; serialized unless a scalar
     * @param int $flags 0, MEMCACHE_COMPRESSED and/or MEMCACHE_USER1..4
     * @param int $exptime seconds (up to 2592000) or an absolute unix time; 0: never expires
     * @param int $cas unused
     */
    public function add(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Stores a value.
     *
     * @param array|string $key key, or an array of key => value (then $value is ignored)
     * @param mixed $value required with a string key; serialized unless a scalar
     * @param int $flags 0, MEMCACHE_COMPRESSED and/or MEMCACHE_USER1..4
     * @param int $exptime seconds (up to 2592000) or an absolute unix time; 0: never expires
     * @param int $cas binary protocol only: store only if the item's CAS value still matches
     * @return bool true if every item was stored
     */
    public function set(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Stores a value only if the key already exists.
     *
     * @param array|string $key key, or an array of key => value (then $value is ignored)
     * @param mixed $value required with a string key; serialized unless a scalar
     * @param int $flags 0, MEMCACHE_COMPRESSED and/or MEMCACHE_USER1..4
     * @param int $exptime seconds (up to 2592000) or an absolute unix time; 0: never expires
     * @param int $cas unused
     */
    public function replace(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Stores a value only if the item's CAS value is still $cas (as returned by get()).
     *
     * @param array|string $key key, or an array of key => value (then $value is ignored)
     * @param mixed $value required with a string key; serialized unless a scalar
     * @param int $flags 0, MEMCACHE_COMPRESSED and/or MEMCACHE_USER1..4
     * @param int $exptime seconds (up to 2592000) or an absolute unix time; 0: never expires
     * @param int $cas the CAS value from get($key, $flags, $cas); 0 always fails
     */
    public function cas(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Appends the value's bytes to an existing item (the item keeps its original flags).
     *
     * @param array|string $key key, or an array of key => value (then $value is ignored)
     * @param mixed $value required with a string key
     * @param int $flags sent, ignored by memcached
     * @param int $exptime sent, ignored by memcached
     * @param int $cas unused
     */
    public function append(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Prepends the value's bytes to an existing item (the item keeps its original flags).
     *
     * @param array|string $key key, or an array of key => value (then $value is ignored)
     * @param mixed $value required with a string key
     * @param int $flags sent, ignored by memcached
     * @param int $exptime sent, ignored by memcached
     * @param int $cas unused
     */
    public function prepend(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Fetches one item, or several in one round trip per server.
     *
     * @param array|string $key a key, or a list of keys
     * @param mixed $flags set on a hit to the item's flags (an array key => flags for a list)
     * @param mixed $cas passing it at all fetches CAS values ("gets"); set on a hit to the CAS
     *        value (an array key => cas for a list)
     * @return mixed the value, false on a miss; for a list of keys an array of the items found
     */
    public function get(array|string $key, mixed &$flags = null, mixed &$cas = null): mixed {}

    /**
     * Deletes one item, or every key of a list.
     *
     * @param array|string $key a key, or a list of keys
     * @param int $exptime ignored (never sent)
     * @return bool true if every key was deleted (declared array|bool, as in the C extension;
     *         never an array)
     */
    public function delete(array|string $key, int $exptime = 0): array|bool {}

    /**
     * Statistics of the first server that answers.
     *
     * @param string $type omit it for the general stats, or one of "reset", "malloc", "slabs",
     *        "cachedump", "items", "sizes"; anything else ("" passed explicitly included) is an
     *        "Invalid stats type" warning, and null is deprecated like any null given to a
     *        string parameter (the "" default here only makes the parameter optional)
     * @param int $slabid slab id for "cachedump"
     * @param int $limit item limit for "cachedump"
     * @return array|bool the stats (nested arrays for "a:b" names); true for "reset"; false on failure
     */
    public function getStats(string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

    /**
     * Statistics of every server in the pool.
     *
     * @param string $type as for getStats()
     * @param int $slabid slab id for "cachedump"
     * @param int $limit item limit for "cachedump"
     * @return array|false ["host:port" => stats array, or false for a server that failed]
     */
    public function getExtendedStats(string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

    /**
     * Sets the pool's automatic compression: values of $threshold bytes or more are compressed
     * if that saves at least $min_savings (a fraction). Needs a pool.
     *
     * @param int $threshold 0 disables automatic compression (MEMCACHE_COMPRESSED still works)
     * @param float $min_savings between 0 and 1
     */
    public function setCompressThreshold(int $threshold, float $min_savings = 0.2): bool {}

    /**
     * Adds $value to a numeric item (a negative $value decrements).
     *
     * @param array|string $key a key, or a list of keys
     * @param int $value the amount
     * @param int $defval binary protocol: created with this value if missing, when passed
     * @param int $exptime binary protocol: expiry of an item created from $defval
     * @return int|array|false the new value; false if missing or not numeric; for a list of
     *         keys an array of key => new value (key . "\0" => false for misses)
     */
    public function increment(array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): int|array|bool {}

    /**
     * Subtracts $value from a numeric item (memcached stops at 0).
     *
     * @param array|string $key a key, or a list of keys
     * @param int $value the amount
     * @param int $defval binary protocol: created with this value if missing, when passed
     * @param int $exptime binary protocol: expiry of an item created from $defval
     * @return int|array|false the new value; false if missing or not numeric; for a list of
     *         keys an array of key => new value (key . "\0" => false for misses)
     */
    public function decrement(array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): int|array|bool {}

    /**
     * Removes every server from the pool (persistent connections stay open for reuse).
     */
    public function close(): bool {}

    /**
     * Invalidates every item on every server.
     *
     * @param int $delay seconds to wait before invalidating (ASCII protocol only)
     * @return bool true if every server answered OK
     */
    public function flush(int $delay = 0): bool {}

    /**
     * Sets SASL PLAIN credentials (binary protocol) for the servers added afterwards.
     *
     * @return bool false if either string is empty
     */
    public function setSaslAuthData(string $username, string $password): bool {}

    /**
     * The cached value of $key; on a miss exactly one caller in the whole fleet runs
     * $compute($key) and stores what it returns (encoded as set() would) for $exptime, while
     * the others wait up to memcache.remember_wait seconds for it, then compute themselves
     * and store nothing (the claim lives a second longer, then the next caller takes it over).
     * A false result is returned but not cached; an exception from $compute gives the claim
     * back and propagates; with no server reachable $compute runs at once and nothing is
     * stored. With memcache.protocol=meta the claim is memcached's lease (a placeholder item,
     * which text-protocol readers see as an empty string while the value is recomputed) and a
     * value invalidate() marked stale is returned at once to everyone but the one caller that
     * recomputes it; with ascii and binary the claim is a lock key "<key>.remember". This
     * implementation only.
     *
     * @param string $key the key
     * @param int $exptime expiry of the stored result: seconds (up to 2592000) or an absolute
     *        unix time; 0: never expires
     * @param callable $compute fn(string $key): mixed, the value to cache; PHP code, which may
     *        use this object
     * @return mixed the cached or computed value; false (with a warning) for an invalid key
     */
    public function remember(string $key, int $exptime, callable $compute): mixed {}

    /**
     * Marks the value of $key stale (memcache.protocol=meta): for memcache.remember_wait + 1 s
     * remember() returns it at once to everyone but one caller, which recomputes it, and get()
     * misses it. With ascii and binary it is deleted. This implementation only.
     *
     * @return bool true if every server that answered had the key
     */
    public function invalidate(string $key): bool {}
}

/**
 * The classic memcache API: MemcachePool with a different connect()/addServer() argument
 * list and pconnect().
 */
class Memcache extends MemcachePool
{
    /**
     * Adds a non-persistent server and connects to it right away.
     *
     * @param string $host host name, IP address, "tls://host" (TLS: memcache.tls_*), or "unix:///path/to.sock"
     * @param int|null $port TCP port; default memcache.default_port; null or 0 for a unix socket
     * @param float $timeout connect/read timeout in seconds
     * @param mixed $unused4 not accepted: more than three arguments throw ArgumentCountError
     * @param mixed $unused5 not accepted
     * @param mixed $unused6 not accepted
     * @param mixed $unused7 not accepted
     * @param mixed $unugsed8 not accepted (the name's typo is the C extension's)
     */
    public function connect(
        string $host,
        ?int $port = 11211,
        $timeout = 1.0,
        $unused4 = null,
        $unused5 = null,
        $unused6 = null,
        $unused7 = null,
        $unugsed8 = null,
    ): bool {}

    /**
     * Like connect(), with a persistent connection.
     *
     * @param string $host host name, IP address, "tls://host" (TLS: memcache.tls_*), or "unix:///path/to.sock"
     * @param int|null $port TCP port; default memcache.default_port; null or 0 for a unix socket
     * @param float $timeout connect/read timeout in seconds
     * @param mixed $unused4 not accepted: more than three arguments throw ArgumentCountError
     * @param mixed $unused5 not accepted
     * @param mixed $unused6 not accepted
     * @param mixed $unused7 not accepted
     * @param mixed $unugsed8 not accepted (the name's typo is the C extension's)
     */
    public function pconnect(
        string $host,
        ?int $port = 11211,
        float $timeout = 1.0,
        $unused4 = null,
        $unused5 = null,
        $unused6 = null,
        $unused7 = null,
        $unugsed8 = null,
    ): bool {}

    /**
     * Adds a server to the pool without connecting. Unlike MemcachePool::addServer() there is
     * no UDP port: the third argument is $persistent.
     *
     * @param string $host host name, IP address, "tls://host" (TLS: memcache.tls_*), or "unix:///path/to.sock" (with port 0)
     * @param int $tcp_port TCP port; default memcache.default_port
     * @param bool $persistent keep the connection open across requests
     * @param int $weight share of the keys this server gets, at least 1
     * @param float $timeout connect/read timeout in seconds
     * @param int $retry_interval seconds before a failed server is tried again, -1: never
     * @param bool $status false adds the server in the failed state
     * @param callable|null $failure_callback becomes the pool-wide failure callback:
     *        fn(string $host, int $tcp_port, int $udp_port, ?string $error, int $errnum)
     * @return bool true even if the server is down; false for invalid arguments
     */
    public function addServer(
        string $host,
        int $tcp_port = 11211,
        $persistent = true,
        $weight = 1,
        $timeout = 1.0,
        $retry_interval = 15,
        $status = true,
        $failure_callback = null,
    ): bool {}
}

/**
 * Creates a Memcache object connected (non-persistently) to one server.
 *
 * @param string $host host name, IP address, "tls://host" (TLS: memcache.tls_*), or "unix:///path/to.sock"
 * @param int|null $port TCP port; default memcache.default_port; null or 0 for a unix socket
 * @param float $timeout connect/read timeout in seconds
 * @param mixed $unused4 not accepted: more than three arguments throw ArgumentCountError
 * @param mixed $unused5 not accepted
 * @param mixed $unused6 not accepted
 * @param mixed $unused7 not accepted
 * @param mixed $unugsed8 not accepted (the name's typo is the C extension's)
 * @return Memcache|false false (with a warning) if the connection failed
 */
function memcache_connect(
    string $host,
    ?int $port = 11211,
    float $timeout = 1.0,
    $unused4 = null,
    $unused5 = null,
    $unused6 = null,
    $unused7 = null,
    $unugsed8 = null,
): Memcache|false {}

/**
 * Like memcache_connect(), with a persistent connection.
 *
 * @param string $host host name, IP address, "tls://host" (TLS: memcache.tls_*), or "unix:///path/to.sock"
 * @param int|null $port TCP port; default memcache.default_port; null or 0 for a unix socket
 * @param float $timeout connect/read timeout in seconds
 * @param mixed $unused4 not accepted: more than three arguments throw ArgumentCountError
 * @param mixed $unused5 not accepted
 * @param mixed $unused6 not accepted
 * @param mixed $unused7 not accepted
 * @param mixed $unugsed8 not accepted (the name's typo is the C extension's)
 * @return Memcache|false false (with a warning) if the connection failed
 */
function memcache_pconnect(
    string $host,
    ?int $port = 11211,
    float $timeout = 1.0,
    $unused4 = null,
    $unused5 = null,
    $unused6 = null,
    $unused7 = null,
    $unugsed8 = null,
): Memcache|false {}

/**
 * Memcache::addServer() as a function (the object must be a Memcache, not a MemcachePool).
 *
 * The parameter names are the C extension's, off by one from the fourth parameter on: the
 * arguments are, in this order, the object, host, port, persistent, weight, timeout,
 * retry_interval, status and failure_callback (nine at most). Named arguments and argument
 * errors use the declared names, so pass the arguments by position.
 *
 * @param int $port TCP port; default memcache.default_port
 * @param bool $tcp_port is $persistent: keep the connection open across requests
 * @param int $persistent is $weight: share of the keys this server gets, at least 1
 * @param float $weight is $timeout: connect/read timeout in seconds
 * @param int $timeout is $retry_interval: seconds before a failed server is tried again
 * @param bool $retry_interval is $status: false adds the server in the failed state
 * @param Memcache $memcache declared MemcachePool, as in the C extension, but a MemcachePool
 *        is a TypeError: the object must be a Memcache
 * @param callable|null $status is $failure_callback: becomes the pool-wide failure callback
 * @param mixed $failure_callback not accepted: a tenth argument throws ArgumentCountError
 */
function memcache_add_server(
    MemcachePool $memcache,
    string $host,
    int $port = 11211,
    bool $tcp_port = true,
    int $persistent = 1,
    float $weight = 1.0,
    int $timeout = 15,
    bool $retry_interval = true,
    ?callable $status = null,
    $failure_callback = null,
): bool {}

/**
 * MemcachePool::setServerParams() as a function. Every omitted argument is reset to its
 * default; an omitted $failure_callback leaves the callback unchanged, null clears it.
 */
function memcache_set_server_params(
    MemcachePool $memcache,
    string $host,
    int $tcp_port = 11211,
    float $timeout = 1.0,
    int $retry_interval = 15,
    bool $status = true,
    ?callable $failure_callback = null,
): bool {}

/**
 * MemcachePool::setFailureCallback() as a function: sets, or with null clears, the pool-wide
 * failure callback.
 */
function memcache_set_failure_callback(MemcachePool $memcache, ?callable $failure_callback): bool {}

/**
 * MemcachePool::setFailbackCallback() as a function (not in the C extension).
 */
function memcache_set_failback_callback(MemcachePool $memcache, ?callable $failback_callback): bool {}

/**
 * MemcachePool::getServerStatus() as a function.
 *
 * @return int|false 0 if the server is marked failed, 1 otherwise; false if not in the pool
 */
function memcache_get_server_status(MemcachePool $memcache, string $host, int $tcp_port = 11211): int|bool {}

/**
 * MemcachePool::getVersion() as a function: the version of the first server that answers.
 *
 * @return string|false false if no server answers
 */
function memcache_get_version(MemcachePool $memcache): string|bool {}

/**
 * MemcachePool::add() as a function: stores a value only if the key does not exist yet.
 *
 * @param array|string $key key, or an array of key => value (then $value is ignored)
 */
function memcache_add(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/**
 * MemcachePool::set() as a function: stores a value.
 *
 * @param array|string $key key, or an array of key => value (then $value is ignored)
 */
function memcache_set(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/**
 * MemcachePool::replace() as a function: stores a value only if the key already exists.
 *
 * @param array|string $key key, or an array of key => value (then $value is ignored)
 */
function memcache_replace(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/**
 * MemcachePool::cas() as a function: stores a value only if the item's CAS value is $cas.
 *
 * @param array|string $key key, or an array of key => value (then $value is ignored)
 */
function memcache_cas(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/**
 * MemcachePool::append() as a function: appends the value's bytes to an existing item.
 *
 * @param array|string $key key, or an array of key => value (then $value is ignored)
 */
function memcache_append(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/**
 * MemcachePool::prepend() as a function: prepends the value's bytes to an existing item.
 *
 * @param array|string $key key, or an array of key => value (then $value is ignored)
 */
function memcache_prepend(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/**
 * MemcachePool::get() as a function: fetches one item, or several.
 *
 * @param array|string $key a key, or a list of keys
 * @param mixed $flags set on a hit to the item's flags (an array key => flags for a list)
 * @param mixed $cas passing it at all fetches CAS values; set on a hit
 * @return mixed the value, false on a miss; for a list of keys an array of the items found
 */
function memcache_get(MemcachePool $memcache, array|string $key, mixed &$flags = null, mixed &$cas = null): mixed {}

/**
 * MemcachePool::delete() as a function.
 *
 * @param array|string $key a key, or a list of keys
 * @param int $exptime ignored (never sent)
 * @return bool true if every key was deleted (declared array|bool; never an array)
 */
function memcache_delete(MemcachePool $memcache, array|string $key, int $exptime = 0): array|bool {}

/**
 * Deprecated and does nothing: always an E_WARNING ("memcache_debug() is deprecated, please use
 * a debugger (like Eclipse + CDT)") and false. Accepts any number of arguments, none included.
 */
function memcache_debug($on_off): bool {}

/**
 * MemcachePool::getStats() as a function: statistics of the first server that answers.
 *
 * @param string $type omit it for general stats, or one of "reset", "malloc", "slabs",
 *        "cachedump", "items", "sizes"
 * @return array|bool the stats; true for "reset"; false on failure
 */
function memcache_get_stats(MemcachePool $memcache, string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

/**
 * MemcachePool::getExtendedStats() as a function: statistics of every server.
 *
 * @param string $type as for memcache_get_stats()
 * @return array|false ["host:port" => stats array, or false for a server that failed]
 */
function memcache_get_extended_stats(MemcachePool $memcache, string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

/**
 * MemcachePool::setCompressThreshold() as a function: the pool's automatic compression.
 */
function memcache_set_compress_threshold(MemcachePool $memcache, int $threshold, float $min_savings = 0.2): bool {}

/**
 * MemcachePool::increment() as a function. $defval/$exptime count (binary protocol) only when
 * passed.
 *
 * @param array|string $key a key, or a list of keys
 * @return int|array|false the new value; false if missing or not numeric; an array for a list
 */
function memcache_increment(MemcachePool $memcache, array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): int|array|bool {}

/**
 * MemcachePool::decrement() as a function. $defval/$exptime count (binary protocol) only when
 * passed.
 *
 * @param array|string $key a key, or a list of keys
 * @return int|array|false the new value; false if missing or not numeric; an array for a list
 */
function memcache_decrement(MemcachePool $memcache, array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): int|array|bool {}

/**
 * MemcachePool::close() as a function: removes every server from the pool.
 */
function memcache_close(MemcachePool $memcache): bool {}

/**
 * MemcachePool::flush() as a function: invalidates every item on every server.
 *
 * @param int $delay seconds to wait before invalidating (ASCII protocol only)
 */
function memcache_flush(MemcachePool $memcache, int $delay = 0): bool {}

/**
 * MemcachePool::setSaslAuthData() as a function: SASL credentials for servers added afterwards.
 */
function memcache_set_sasl_auth_data(MemcachePool $memcache, string $username, string $password): bool {}

/**
 * MemcachePool::remember() as a function. This extension's own.
 */
function memcache_remember(MemcachePool $memcache, string $key, int $exptime, callable $compute): mixed {}

/**
 * MemcachePool::invalidate() as a function. This extension's own.
 */
function memcache_invalidate(MemcachePool $memcache, string $key): bool {}

/**
 * The machine-wide server health table (memcache.shared_health), for status pages: one entry
 * per server any PHP process of this user on the machine has used, sorted by host and port.
 * An empty array when health is kept per process. This extension's own; the C extension has
 * no such function.
 *
 * @return list<array{host: string, port: int, state: 'up'|'failed'|'probing', failures: int,
 *     last_errno: int, failed_at: int|null, down_since: int|null, timeouts_only: bool,
 *     probe_in: int|null, recoveries: int, last_used: int}>
 */
function memcache_server_health(): array {}
