//! The `memcache.*` INI directives, as the C extension declares them.
//!
//! Every directive of the C extension is `PHP_INI_ALL` with its default, and is
//! validated by an `on_modify` handler with the C extension's warning text
//! (`ini_set()` then returns `false` and the old value stays). The handler
//! stores the parsed value in a process-wide static, like `MEMCACHE_G(..)` in
//! an NTS build; the engine calls it again on `ini_set`, `ini_restore` and at
//! request end, so the getters below always return the current value.
//!
//! The failure-management directives of this extension (`shared_health`,
//! `shared_health_file`, `failure_limit`, `failover_ttl`, `failback_flush`, `max_failed_share`,
//! `health_log`) follow the same rules; `shared_health` and `shared_health_file` are
//! `PHP_INI_SYSTEM`: a process maps one table for its whole life. The TLS directives
//! (`tls_ca_file`, `tls_verify_peer`, `tls_server_name`, `tls_cert_file`, `tls_key_file`) are
//! `PHP_INI_ALL` and read when a server is added, so one script can reach clusters with
//! different CAs or client certificates. `remember_wait` (the stampede guard's wait) is
//! `PHP_INI_ALL` too and read at every `remember()`.
//!
//! Numbers are checked like the C code (`strtol`, whole string, then PHP's
//! `OnUpdateLong`), string enums match case-insensitively (the INI keeps the
//! string as given), and booleans use PHP's `OnUpdateBool` and show On/Off in
//! phpinfo.

use std::ffi::{c_int, c_void, CStr};
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicU8, Ordering::Relaxed};

use ext_php_rs::ffi::{zend_ini_entry, zend_string};
use ext_php_rs::flags::IniEntryPermission;
use ext_php_rs::zend::{IniEntryDef, IniEntryDefs};
use parking_lot::Mutex;

use super::errors;
use super::ffi::{self, IniOnModify};
use crate::compat::strtol::strtol;
use crate::hash::HashFunction;
use crate::pool::{FailbackFlush, HashStrategy, Policy, ProtocolKind, TlsSettings, MAX_VALUE_LEN};

const SUCCESS: c_int = 0;
const FAILURE: c_int = -1;

/// Registers every directive; call it from the module startup function.
pub fn register(module_number: i32) {
    IniEntryDef::register(INI.as_slice(), module_number);
    refresh_routing();
}

/// The routing directives every call reads (`allow_failover`, `max_failover_attempts`,
/// `redundancy`, `failure_limit`, `failover_ttl`, `failback_flush`, `max_failed_share`),
/// converted to the pool's types when a directive changes instead of at every call: three
/// words, two fields each (see [`refresh_routing`]).
static ROUTING: [AtomicU64; 3] = [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)];

/// Recomputes [`ROUTING`]; the `on_modify` of every directive runs it after a change.
fn refresh_routing() {
    let pair = |low: u32, high: u32| u64::from(low) | (u64::from(high) << 32);
    let flush = match failback_flush() {
        FailbackFlush::Never => 0,
        FailbackFlush::Auto => 1,
        FailbackFlush::Always => 2,
    };
    let flags = u32::from(allow_failover()) | (flush << 1);
    ROUTING[0].store(pair(max_failover_attempts(), redundancy()), Relaxed);
    ROUTING[1].store(pair(failure_limit(), failover_ttl()), Relaxed);
    ROUTING[2].store(pair(max_failed_share(), flags), Relaxed);
}

/// The routing rules of the directives' current values, for a call to run under. Its
/// `max_value_len` is memcached's largest item: the caller narrows it to what the request
/// can still hold.
pub fn routing() -> Policy {
    let [first, second, third] = [0, 1, 2].map(|word| ROUTING[word].load(Relaxed));
    let low = |word: u64| word as u32;
    let high = |word: u64| (word >> 32) as u32;
    let flags = high(third);
    Policy {
        allow_failover: flags & 1 != 0,
        max_failover_attempts: low(first),
        redundancy: high(first),
        failure_limit: low(second),
        failover_ttl: high(second),
        failback_flush: match flags >> 1 {
            0 => FailbackFlush::Never,
            2 => FailbackFlush::Always,
            _ => FailbackFlush::Auto,
        },
        max_failed_share: low(third),
        max_value_len: MAX_VALUE_LEN,
    }
}

/// `memcache.allow_failover` (default 1): re-route requests to other servers.
fn allow_failover() -> bool {
    ALLOW_FAILOVER.load(Relaxed) != 0
}

/// `memcache.max_failover_attempts` (default 20).
fn max_failover_attempts() -> u32 {
    to_u32(MAX_FAILOVER_ATTEMPTS.load(Relaxed))
}

/// `memcache.default_port` (default 11211).
pub fn default_port() -> i64 {
    DEFAULT_PORT.load(Relaxed)
}

/// `memcache.protocol` (default ascii).
pub fn protocol() -> ProtocolKind {
    match PROTOCOL.load(Relaxed) {
        1 => ProtocolKind::Binary,
        2 => ProtocolKind::Meta,
        _ => ProtocolKind::Ascii,
    }
}

/// `memcache.remember_wait` (default 3): how long (s) `remember()` waits for another caller's
/// recompute; that caller's claim lives a second longer
/// ([`claim_ttl`](crate::pool::stampede::claim_ttl)).
pub fn remember_wait() -> u32 {
    to_u32(REMEMBER_WAIT.load(Relaxed))
}

/// `memcache.hash_strategy` (default consistent).
pub fn hash_strategy() -> HashStrategy {
    match HASH_STRATEGY.load(Relaxed) {
        0 => HashStrategy::Standard,
        _ => HashStrategy::Consistent,
    }
}

/// `memcache.hash_function` (default crc32).
pub fn hash_function() -> HashFunction {
    match HASH_FUNCTION.load(Relaxed) {
        1 => HashFunction::Fnv,
        _ => HashFunction::Crc32,
    }
}

/// `memcache.redundancy` (default 1).
fn redundancy() -> u32 {
    to_u32(REDUNDANCY.load(Relaxed))
}

/// `memcache.compress_threshold` (default 20000).
pub fn compress_threshold() -> usize {
    usize::try_from(COMPRESS_THRESHOLD.load(Relaxed)).unwrap_or(0)
}

/// `memcache.shared_health` (default On, startup only): server health shared by every process
/// of the user on the machine.
pub fn shared_health() -> bool {
    SHARED_HEALTH.load(Relaxed)
}

/// `memcache.shared_health_file` (default unset: `/dev/shm/memcache-rs-health-<euid>`,
/// startup only): the file of the shared health table.
pub fn shared_health_file() -> Option<Vec<u8>> {
    get_string(&SHARED_HEALTH_FILE).filter(|path| !path.is_empty())
}

/// `memcache.max_failed_share` (default 100): percentage of a pool's servers that timeouts may
/// fail at once.
fn max_failed_share() -> u32 {
    to_u32(MAX_FAILED_SHARE.load(Relaxed)).min(100)
}

/// `memcache.health_log` (default Off): health steps of servers go to PHP's error log.
pub fn health_log() -> bool {
    HEALTH_LOG.load(Relaxed)
}

/// `memcache.failure_limit` (default 1): consecutive timeouts that fail a server.
fn failure_limit() -> u32 {
    to_u32(FAILURE_LIMIT.load(Relaxed))
}

/// `memcache.failover_ttl` (default 0, off): longest expiry of a value written to a failover
/// server.
fn failover_ttl() -> u32 {
    u32::try_from(FAILOVER_TTL.load(Relaxed).max(0)).unwrap_or(u32::MAX)
}

/// `memcache.failback_flush` (default auto).
fn failback_flush() -> FailbackFlush {
    match FAILBACK_FLUSH.load(Relaxed) {
        0 => FailbackFlush::Never,
        2 => FailbackFlush::Always,
        _ => FailbackFlush::Auto,
    }
}

/// `memcache.session_redundancy` (default 2): session copies.
pub fn session_redundancy() -> u32 {
    to_u32(SESSION_REDUNDANCY.load(Relaxed))
}

/// `memcache.lock_timeout` (default 15): session lock expiry in seconds.
pub fn lock_timeout() -> u32 {
    to_u32(LOCK_TIMEOUT.load(Relaxed))
}

/// `memcache.session_fail_on_lock_timeout` (default On): a session whose lock cannot be
/// obtained within twice `lock_timeout` fails to start instead of starting empty.
pub fn session_fail_on_lock_timeout() -> bool {
    SESSION_FAIL_ON_LOCK_TIMEOUT.load(Relaxed)
}

/// `memcache.session_save_path` (default unset): overrides `session.save_path`.
pub fn session_save_path() -> Option<Vec<u8>> {
    get_string(&SESSION_SAVE_PATH)
}

/// The four directives of a key prefix: `memcache.prefix_static_key`,
/// `memcache.prefix_host_key`, `…_remove_www`, `…_remove_subdomain` ([`KEY_PREFIX`]), and their
/// `memcache.session_prefix_*` twins ([`SESSION_PREFIX`]).
pub struct PrefixDirectives {
    /// `…prefix_static_key` (default unset).
    static_key: Mutex<Option<Vec<u8>>>,
    /// `…prefix_host_key` (default Off).
    host_key: AtomicBool,
    /// `…prefix_host_key_remove_www` (default On).
    remove_www: AtomicBool,
    /// `…prefix_host_key_remove_subdomain` (default Off).
    remove_subdomain: AtomicBool,
}

impl PrefixDirectives {
    /// The defaults (overwritten at registration).
    const fn new() -> Self {
        PrefixDirectives {
            static_key: Mutex::new(None),
            host_key: AtomicBool::new(false),
            remove_www: AtomicBool::new(true),
            remove_subdomain: AtomicBool::new(false),
        }
    }

    /// The static part, if set.
    pub fn static_key(&self) -> Option<Vec<u8>> {
        get_string(&self.static_key)
    }

    /// If the request's host name is added: whether without `www.`, and without subdomains.
    pub fn host_key(&self) -> Option<(bool, bool)> {
        self.host_key.load(Relaxed).then(|| {
            (
                self.remove_www.load(Relaxed),
                self.remove_subdomain.load(Relaxed),
            )
        })
    }
}

/// `memcache.prefix_*`: the prefix of user keys.
pub static KEY_PREFIX: PrefixDirectives = PrefixDirectives::new();

/// `memcache.session_prefix_*`: the prefix of session keys.
pub static SESSION_PREFIX: PrefixDirectives = PrefixDirectives::new();

/// The `memcache.tls_*` settings in force now, for a `tls://` server added now. An empty
/// string means unset.
pub fn tls_settings() -> TlsSettings {
    use std::os::unix::ffi::OsStringExt;
    let path = |slot| {
        get_string(slot)
            .filter(|v| !v.is_empty())
            .map(|v| std::path::PathBuf::from(std::ffi::OsString::from_vec(v)))
    };
    TlsSettings {
        ca_file: path(&TLS_CA_FILE),
        verify_peer: TLS_VERIFY_PEER.load(Relaxed),
        server_name: get_string(&TLS_SERVER_NAME)
            .filter(|v| !v.is_empty())
            .map(|v| String::from_utf8_lossy(&v).into_owned()),
        cert_file: path(&TLS_CERT_FILE),
        key_file: path(&TLS_KEY_FILE),
    }
}

// Current values. The defaults here are overwritten at registration.
static ALLOW_FAILOVER: AtomicI64 = AtomicI64::new(1);
static MAX_FAILOVER_ATTEMPTS: AtomicI64 = AtomicI64::new(20);
static DEFAULT_PORT: AtomicI64 = AtomicI64::new(11211);
static CHUNK_SIZE: AtomicI64 = AtomicI64::new(32768);
static PROTOCOL: AtomicU8 = AtomicU8::new(0);
static HASH_STRATEGY: AtomicU8 = AtomicU8::new(1);
static HASH_FUNCTION: AtomicU8 = AtomicU8::new(0);
static REDUNDANCY: AtomicI64 = AtomicI64::new(1);
static SESSION_REDUNDANCY: AtomicI64 = AtomicI64::new(2);
static COMPRESS_THRESHOLD: AtomicI64 = AtomicI64::new(20000);
static LOCK_TIMEOUT: AtomicI64 = AtomicI64::new(15);
static SESSION_SAVE_PATH: Mutex<Option<Vec<u8>>> = Mutex::new(None);
static SESSION_FAIL_ON_LOCK_TIMEOUT: AtomicBool = AtomicBool::new(true);
static SHARED_HEALTH: AtomicBool = AtomicBool::new(true);
static SHARED_HEALTH_FILE: Mutex<Option<Vec<u8>>> = Mutex::new(None);
static MAX_FAILED_SHARE: AtomicI64 = AtomicI64::new(100);
static HEALTH_LOG: AtomicBool = AtomicBool::new(false);
static FAILURE_LIMIT: AtomicI64 = AtomicI64::new(1);
static FAILOVER_TTL: AtomicI64 = AtomicI64::new(0);
static FAILBACK_FLUSH: AtomicU8 = AtomicU8::new(1);
static TLS_CA_FILE: Mutex<Option<Vec<u8>>> = Mutex::new(None);
static TLS_VERIFY_PEER: AtomicBool = AtomicBool::new(true);
static TLS_SERVER_NAME: Mutex<Option<Vec<u8>>> = Mutex::new(None);
static TLS_CERT_FILE: Mutex<Option<Vec<u8>>> = Mutex::new(None);
static TLS_KEY_FILE: Mutex<Option<Vec<u8>>> = Mutex::new(None);
static REMEMBER_WAIT: AtomicI64 = AtomicI64::new(3);

/// Integer directive: `strtol` must consume the whole value and the result must
/// be at least `min` (and at most `max`); the message names `label` (the C validators are
/// shared, so `session_redundancy` reports `memcache.redundancy`).
struct IntRule {
    label: &'static str,
    min: i64,
    max: i64,
    /// What the warning says a valid value is.
    expected: &'static str,
}

/// A rule with no upper bound, worded as the C extension's.
const fn at_least(label: &'static str, min: i64) -> IntRule {
    IntRule {
        label,
        min,
        max: i64::MAX,
        expected: "must be a positive integer",
    }
}

static MAX_FAILOVER_ATTEMPTS_RULE: IntRule = at_least("memcache.max_failover_attempts", 1);
static CHUNK_SIZE_RULE: IntRule = at_least("memcache.chunk_size", 1);
static REDUNDANCY_RULE: IntRule = at_least("memcache.redundancy", 1);
static COMPRESS_THRESHOLD_RULE: IntRule = at_least("memcache.compress_threshold", 0);
static LOCK_TIMEOUT_RULE: IntRule = at_least("memcache.lock_timeout", 1);
static FAILURE_LIMIT_RULE: IntRule = at_least("memcache.failure_limit", 1);
static FAILOVER_TTL_RULE: IntRule = at_least("memcache.failover_ttl", 0);
/// At most memcached's longest relative expiry (30 days): the wait is also a TTL.
static REMEMBER_WAIT_RULE: IntRule = IntRule {
    label: "memcache.remember_wait",
    min: 1,
    max: 60 * 60 * 24 * 30,
    expected: "must be a number of seconds from 1 to 2592000",
};
static MAX_FAILED_SHARE_RULE: IntRule = IntRule {
    label: "memcache.max_failed_share",
    min: 1,
    max: 100,
    expected: "must be a percentage from 1 to 100",
};

/// String enum directive: the index of the matching choice is stored.
struct EnumRule {
    label: &'static str,
    choices: &'static [&'static str],
}

static PROTOCOL_RULE: EnumRule = EnumRule {
    label: "memcache.protocol",
    choices: &["ascii", "binary", "meta"],
};
static HASH_STRATEGY_RULE: EnumRule = EnumRule {
    label: "memcache.hash_strategy",
    choices: &["standard", "consistent"],
};
static HASH_FUNCTION_RULE: EnumRule = EnumRule {
    label: "memcache.hash_function",
    choices: &["crc32", "fnv"],
};
static FAILBACK_FLUSH_RULE: EnumRule = EnumRule {
    label: "memcache.failback_flush",
    choices: &["never", "auto", "always"],
};
static SELECT_API_RULE: EnumRule = EnumRule {
    label: "memcache.select_api",
    choices: &["select", "poll"],
};

const fn arg<T>(p: &'static T) -> *mut c_void {
    ptr::from_ref(p).cast_mut().cast()
}

const fn entry(
    name: &'static CStr,
    default: Option<&'static CStr>,
    on_modify: IniOnModify,
    storage: *mut c_void,
    rule: *mut c_void,
) -> IniEntryDef {
    let mut def = match default {
        Some(value) => IniEntryDef::new(name, value, IniEntryPermission::All),
        None => IniEntryDef::new(name, c"", IniEntryPermission::All),
    };
    if default.is_none() {
        def.value = ptr::null();
    }
    def.on_modify = Some(on_modify);
    def.mh_arg2 = storage;
    def.mh_arg3 = rule;
    def
}

const fn long(
    name: &'static CStr,
    default: &'static CStr,
    storage: &'static AtomicI64,
) -> IniEntryDef {
    entry(
        name,
        Some(default),
        on_modify::<Long>,
        arg(storage),
        ptr::null_mut(),
    )
}

const fn int(
    name: &'static CStr,
    default: &'static CStr,
    storage: &'static AtomicI64,
    rule: &'static IntRule,
) -> IniEntryDef {
    entry(
        name,
        Some(default),
        on_modify::<Int>,
        arg(storage),
        arg(rule),
    )
}

const fn choice(
    name: &'static CStr,
    default: &'static CStr,
    storage: *mut c_void,
    rule: &'static EnumRule,
) -> IniEntryDef {
    entry(name, Some(default), on_modify::<Enum>, storage, arg(rule))
}

const fn boolean(
    name: &'static CStr,
    default: &'static CStr,
    storage: &'static AtomicBool,
) -> IniEntryDef {
    let mut def = entry(
        name,
        Some(default),
        on_modify::<Bool>,
        arg(storage),
        ptr::null_mut(),
    );
    def.displayer = Some(bool_displayer);
    def
}

const fn string(
    name: &'static CStr,
    storage: &'static Mutex<Option<Vec<u8>>>,
    no_dot: bool,
) -> IniEntryDef {
    let handler: IniOnModify = if no_dot {
        on_modify::<PrefixKey>
    } else {
        on_modify::<Str>
    };
    entry(name, None, handler, arg(storage), ptr::null_mut())
}

/// `string`, settable only at startup (php.ini, `-d`).
const fn system_string(
    name: &'static CStr,
    storage: &'static Mutex<Option<Vec<u8>>>,
) -> IniEntryDef {
    let mut def = string(name, storage, false);
    def.modifiable = IniEntryPermission::System.bits() as u8;
    def
}

/// `boolean`, settable only at startup (php.ini, `-d`).
const fn system_boolean(
    name: &'static CStr,
    default: &'static CStr,
    storage: &'static AtomicBool,
) -> IniEntryDef {
    let mut def = boolean(name, default, storage);
    def.modifiable = IniEntryPermission::System.bits() as u8;
    def
}

/// The table, in the C extension's order (`display_ini_entries` keeps it), then this
/// extension's own directives.
static INI: IniEntryDefs<36> = IniEntryDefs::new([
    long(c"memcache.allow_failover", c"1", &ALLOW_FAILOVER),
    int(
        c"memcache.max_failover_attempts",
        c"20",
        &MAX_FAILOVER_ATTEMPTS,
        &MAX_FAILOVER_ATTEMPTS_RULE,
    ),
    long(c"memcache.default_port", c"11211", &DEFAULT_PORT),
    int(
        c"memcache.chunk_size",
        c"32768",
        &CHUNK_SIZE,
        &CHUNK_SIZE_RULE,
    ),
    choice(
        c"memcache.protocol",
        c"ascii",
        arg(&PROTOCOL),
        &PROTOCOL_RULE,
    ),
    choice(
        c"memcache.hash_strategy",
        c"consistent",
        arg(&HASH_STRATEGY),
        &HASH_STRATEGY_RULE,
    ),
    choice(
        c"memcache.hash_function",
        c"crc32",
        arg(&HASH_FUNCTION),
        &HASH_FUNCTION_RULE,
    ),
    int(c"memcache.redundancy", c"1", &REDUNDANCY, &REDUNDANCY_RULE),
    int(
        c"memcache.session_redundancy",
        c"2",
        &SESSION_REDUNDANCY,
        &REDUNDANCY_RULE,
    ),
    int(
        c"memcache.compress_threshold",
        c"20000",
        &COMPRESS_THRESHOLD,
        &COMPRESS_THRESHOLD_RULE,
    ),
    int(
        c"memcache.lock_timeout",
        c"15",
        &LOCK_TIMEOUT,
        &LOCK_TIMEOUT_RULE,
    ),
    choice(
        c"memcache.select_api",
        c"select",
        ptr::null_mut(),
        &SELECT_API_RULE,
    ),
    boolean(
        c"memcache.session_prefix_host_key",
        c"0",
        &SESSION_PREFIX.host_key,
    ),
    boolean(
        c"memcache.session_prefix_host_key_remove_www",
        c"1",
        &SESSION_PREFIX.remove_www,
    ),
    boolean(
        c"memcache.session_prefix_host_key_remove_subdomain",
        c"0",
        &SESSION_PREFIX.remove_subdomain,
    ),
    string(
        c"memcache.session_prefix_static_key",
        &SESSION_PREFIX.static_key,
        true,
    ),
    string(c"memcache.session_save_path", &SESSION_SAVE_PATH, false),
    boolean(
        c"memcache.session_fail_on_lock_timeout",
        c"1",
        &SESSION_FAIL_ON_LOCK_TIMEOUT,
    ),
    boolean(c"memcache.prefix_host_key", c"0", &KEY_PREFIX.host_key),
    boolean(
        c"memcache.prefix_host_key_remove_www",
        c"1",
        &KEY_PREFIX.remove_www,
    ),
    boolean(
        c"memcache.prefix_host_key_remove_subdomain",
        c"0",
        &KEY_PREFIX.remove_subdomain,
    ),
    string(c"memcache.prefix_static_key", &KEY_PREFIX.static_key, true),
    system_boolean(c"memcache.shared_health", c"1", &SHARED_HEALTH),
    int(
        c"memcache.failure_limit",
        c"1",
        &FAILURE_LIMIT,
        &FAILURE_LIMIT_RULE,
    ),
    int(
        c"memcache.failover_ttl",
        c"0",
        &FAILOVER_TTL,
        &FAILOVER_TTL_RULE,
    ),
    choice(
        c"memcache.failback_flush",
        c"auto",
        arg(&FAILBACK_FLUSH),
        &FAILBACK_FLUSH_RULE,
    ),
    system_string(c"memcache.shared_health_file", &SHARED_HEALTH_FILE),
    int(
        c"memcache.max_failed_share",
        c"100",
        &MAX_FAILED_SHARE,
        &MAX_FAILED_SHARE_RULE,
    ),
    boolean(c"memcache.health_log", c"0", &HEALTH_LOG),
    string(c"memcache.tls_ca_file", &TLS_CA_FILE, false),
    boolean(c"memcache.tls_verify_peer", c"1", &TLS_VERIFY_PEER),
    string(c"memcache.tls_server_name", &TLS_SERVER_NAME, false),
    string(c"memcache.tls_cert_file", &TLS_CERT_FILE, false),
    string(c"memcache.tls_key_file", &TLS_KEY_FILE, false),
    int(
        c"memcache.remember_wait",
        c"3",
        &REMEMBER_WAIT,
        &REMEMBER_WAIT_RULE,
    ),
    IniEntryDef::end(),
]);

fn to_u32(v: i64) -> u32 {
    u32::try_from(v.max(1)).unwrap_or(u32::MAX)
}

fn get_string(slot: &Mutex<Option<Vec<u8>>>) -> Option<Vec<u8>> {
    slot.lock().clone()
}

/// The whole value (`ZSTR_LEN`), or `None` for an unset (NULL) value.
///
/// # Safety
/// `s` is NULL or a valid zend_string.
unsafe fn full_value<'a>(s: *mut zend_string) -> Option<&'a [u8]> {
    unsafe { s.as_ref() }.map(|s| s.as_bytes())
}

/// The value as C code sees it through `ZSTR_VAL`: up to the first NUL.
fn c_value(bytes: &[u8]) -> &[u8] {
    bytes.split(|&b| b == 0).next().unwrap_or_default()
}

/// Runs an `on_modify` body; a panic must not unwind into the engine.
fn guarded(f: impl FnOnce() -> c_int) -> c_int {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or(FAILURE)
}

fn reject(label: &str, detail: &str, value: &[u8]) -> Verdict {
    let mut msg = format!("{label} {detail} ('").into_bytes();
    msg.extend_from_slice(value);
    msg.extend_from_slice(b"' given)");
    errors::warning_bytes(&msg);
    Verdict::Refused
}

/// The parts of an `on_modify` call (`ZEND_INI_MH`) a handler reads: the new value (NULL:
/// unset), and its table row's storage (`mh_arg2`) and rule (`mh_arg3`).
#[derive(Clone, Copy)]
struct Change {
    new_value: *mut zend_string,
    storage: *mut c_void,
    rule: *mut c_void,
}

impl Change {
    /// The value as C code sees it (up to the first NUL; empty when unset).
    ///
    /// # Safety
    /// `new_value` is what the engine passed.
    unsafe fn c_value<'a>(self) -> &'a [u8] {
        // SAFETY: guaranteed by the caller.
        c_value(unsafe { full_value(self.new_value) }.unwrap_or_default())
    }
}

/// What a handler made of a new value.
enum Verdict {
    /// Refused, after the C extension's warning: the old value stays.
    Refused,
    /// Stored by the handler.
    Stored,
    /// Valid; PHP's own handler of that name (`OnUpdateLong`, `OnUpdateBool`) stores it at
    /// `mh_arg2 + mh_arg1` (offset 0: the row's storage).
    StoreWith(&'static CStr),
}

/// How one kind of directive checks and stores a new value.
trait Handler {
    /// What to do with `change`.
    ///
    /// # Safety
    /// `change` is what the engine passed for a table row that chose this handler, with the
    /// storage and rule that row gives. [`Verdict::StoreWith`] names a PHP handler that writes
    /// the row's storage type (`OnUpdateLong` an `AtomicI64`'s `zend_long`, `OnUpdateBool` an
    /// `AtomicBool`, which has the layout of a C `bool`).
    unsafe fn check(change: Change) -> Verdict;
}

/// The `on_modify` function of handler `H`, with the engine's signature, written once. The
/// engine gets our function pointers, never the address of a PHP symbol (see `ffi`); a panic
/// must not unwind into the engine.
unsafe extern "C" fn on_modify<H: Handler>(
    entry: *mut zend_ini_entry,
    new_value: *mut zend_string,
    mh_arg1: *mut c_void,
    mh_arg2: *mut c_void,
    mh_arg3: *mut c_void,
    stage: c_int,
) -> c_int {
    guarded(|| {
        let change = Change {
            new_value,
            storage: mh_arg2,
            rule: mh_arg3,
        };
        // SAFETY: the engine calls it for an entry whose table row chose `H`.
        let result = match unsafe { H::check(change) } {
            Verdict::Refused => FAILURE,
            Verdict::Stored => SUCCESS,
            Verdict::StoreWith(name) => match ffi::php_on_modify(name) {
                // SAFETY: forwarded engine arguments, to the PHP handler the row's storage
                // suits (the handler's contract).
                Some(store) => unsafe { store(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage) },
                None => FAILURE,
            },
        };
        if result == SUCCESS {
            refresh_routing();
        }
        result
    })
}

/// PHP's `OnUpdateLong`, into an `AtomicI64`.
struct Long;

impl Handler for Long {
    unsafe fn check(_change: Change) -> Verdict {
        Verdict::StoreWith(c"OnUpdateLong")
    }
}

/// PHP's `OnUpdateBool`, into an `AtomicBool`.
struct Bool;

impl Handler for Bool {
    unsafe fn check(_change: Change) -> Verdict {
        Verdict::StoreWith(c"OnUpdateBool")
    }
}

unsafe extern "C" fn bool_displayer(entry: *mut zend_ini_entry, kind: c_int) {
    guarded(|| {
        // SAFETY: forwarded engine arguments.
        unsafe { ffi::zend_ini_boolean_displayer_cb(entry, kind) };
        SUCCESS
    });
}

/// The C extension's integer validators: `strtol(ZSTR_VAL, &end, 10)` must end
/// at the NUL and reach `rule.min`, then PHP's `OnUpdateLong` stores it.
struct Int;

impl Handler for Int {
    unsafe fn check(change: Change) -> Verdict {
        // SAFETY: the rule is a `&'static IntRule` from the table.
        let rule = unsafe { &*change.rule.cast::<IntRule>() };
        // SAFETY: engine-provided value.
        let value = unsafe { change.c_value() };
        if !parses_within(value, rule.min, rule.max) {
            return reject(rule.label, rule.expected, value);
        }
        Verdict::StoreWith(c"OnUpdateLong")
    }
}

/// `strtol(value, &end, 10)` consumed everything and the result is within `min..=max`.
fn parses_within(value: &[u8], min: i64, max: i64) -> bool {
    let (n, used) = strtol(value);
    used == value.len() && (min..=max).contains(&n)
}

/// The C extension's `{a, b}` validators: a case-insensitive match stores the
/// choice's index in the `AtomicU8` at mh_arg2 (if any).
struct Enum;

impl Handler for Enum {
    unsafe fn check(change: Change) -> Verdict {
        // SAFETY: the rule is a `&'static EnumRule`; the storage is NULL or a
        // `&'static AtomicU8` from the table.
        let (rule, storage) = unsafe {
            (
                &*change.rule.cast::<EnumRule>(),
                change.storage.cast::<AtomicU8>().as_ref(),
            )
        };
        // SAFETY: engine-provided value.
        let value = unsafe { change.c_value() };
        match rule
            .choices
            .iter()
            .position(|c| c.as_bytes().eq_ignore_ascii_case(value))
        {
            Some(i) => {
                if let Some(storage) = storage {
                    storage.store(u8::try_from(i).unwrap_or(u8::MAX), Relaxed);
                }
                Verdict::Stored
            }
            None => {
                let set = format!("must be in set {{{}}}", rule.choices.join(", "));
                reject(rule.label, &set, value)
            }
        }
    }
}

/// PHP's `OnUpdateString`: the value as a C string, or unset.
struct Str;

impl Handler for Str {
    unsafe fn check(change: Change) -> Verdict {
        // SAFETY: the storage is a `&'static Mutex<..>` from the table; the value is
        // engine-provided.
        let (slot, value) = unsafe {
            (
                &*change.storage.cast::<Mutex<Option<Vec<u8>>>>(),
                full_value(change.new_value),
            )
        };
        *slot.lock() = value.map(|v| c_value(v).to_vec());
        Verdict::Stored
    }
}

/// The C extension's `OnUpdatePrefixStaticKey` (used by both prefix keys, with
/// the session directive's name in the message): no `.` anywhere in the value.
struct PrefixKey;

impl Handler for PrefixKey {
    unsafe fn check(change: Change) -> Verdict {
        // SAFETY: engine-provided value.
        if unsafe { full_value(change.new_value) }.is_some_and(|v| v.contains(&b'.')) {
            errors::warning("memcache.session_prefix_static_key cannot have dot inside (.)");
            return Verdict::Refused;
        }
        // SAFETY: the same row as `Str`.
        unsafe { Str::check(change) }
    }
}
