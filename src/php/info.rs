//! The `phpinfo()` / `php --ri memcache` section, laid out like the C
//! extension's: a `memcache support => enabled` header, the version, the PHP the
//! module was built for (its module API, which PHP checks at load time, the PHP
//! version and thread safety), then the `Directive => Local Value => Master
//! Value` table of every `memcache.*` INI.
//! Before the directives comes the server health table every process of the user
//! shares, live (`php --ri memcache` from a shell maps it too): its file, then per server
//! the state, consecutive failures, last errno, seconds until a probe may run and
//! recoveries; or a line saying health is kept per process.

use std::ffi::{c_char, CString};

use ext_php_rs::ffi::{
    php_info_print_table_end, php_info_print_table_header, php_info_print_table_row,
    php_info_print_table_start, USING_ZTS, ZEND_MODULE_API_NO,
};
use ext_php_rs::zend::ModuleEntry;

use super::ffi;
use super::server_health;
use super::shared_health;

/// `PHP_MINFO_FUNCTION(memcache)`: pass it to `ModuleBuilder::info_function`.
/// The version row shows the module's version string (`phpversion('memcache')`).
#[allow(
    clippy::not_unsafe_ptr_arg_deref,
    reason = "engine hook: the signature is fixed by ModuleBuilder::info_function and the engine passes a valid module entry"
)]
pub extern "C" fn minfo(module: *mut ModuleEntry) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the engine passes our own module entry, whose version is NULL
        // or a NUL-terminated string owned by the module.
        let version: *const c_char = unsafe { module.as_ref() }
            .map(|m| m.version)
            .filter(|v| !v.is_null())
            .unwrap_or(c"".as_ptr());
        // SAFETY: NUL-terminated arguments matching the column counts;
        // display_ini_entries gets the engine's own module pointer.
        unsafe {
            php_info_print_table_start();
            php_info_print_table_header(2, c"memcache support".as_ptr(), c"enabled".as_ptr());
            php_info_print_table_row(2, c"Version".as_ptr(), version);
        }
        row(&["Built for PHP API".into(), built_for()]);
        // SAFETY: as above.
        unsafe {
            php_info_print_table_end();
            print_health();
            ffi::display_ini_entries(module);
        }
    });
}

/// The PHP the module was built for, e.g. `20240924 (PHP 8.4.28, NTS)`: the module API
/// number the engine compares with its own when it loads the module, then the version of
/// the PHP whose headers were used (build.rs) and its thread safety.
fn built_for() -> String {
    let version = option_env!("MEMCACHE_BUILD_PHP_VERSION").unwrap_or("unknown");
    let safety = if USING_ZTS == 0 { "NTS" } else { "ZTS" };
    format!("{ZEND_MODULE_API_NO} (PHP {version}, {safety})")
}

/// One table row of C strings (interior NULs cannot occur: names come from the table).
fn row(cells: &[String]) {
    let cells: Vec<CString> = cells
        .iter()
        .map(|c| CString::new(c.replace('\0', "")).unwrap_or_default())
        .collect();
    let pointers: Vec<*const c_char> = cells.iter().map(|c| c.as_ptr()).collect();
    // SAFETY: NUL-terminated strings that outlive the call; the count matches.
    unsafe {
        match pointers.as_slice() {
            [a, b] => php_info_print_table_row(2, *a, *b),
            [a, b, c, d, e, f] => php_info_print_table_row(6, *a, *b, *c, *d, *e, *f),
            _ => {}
        }
    }
}

/// The shared health table: one row per server any process of the user has used.
fn print_health() {
    // SAFETY: table calls with NUL-terminated literals.
    unsafe { php_info_print_table_start() };
    let Some(table) = shared_health::attach() else {
        row(&["Server health".into(), "per process (not shared)".into()]);
        // SAFETY: closes the table opened above.
        unsafe { php_info_print_table_end() };
        return;
    };
    row(&[
        "Server health (shared)".into(),
        table.path().display().to_string(),
    ]);
    row(&[
        "Server".into(),
        "State".into(),
        "Failures".into(),
        "Last errno".into(),
        "Probe in (s)".into(),
        "Recoveries".into(),
    ]);
    for entry in server_health::rows(table) {
        row(&[
            format!("{}:{}", entry.host, entry.port),
            entry.state.into(),
            entry.snapshot.failures.to_string(),
            entry.snapshot.last_errno.to_string(),
            entry.probe_in.map_or_else(|| "-".into(), |s| s.to_string()),
            entry.snapshot.recoveries.to_string(),
        ]);
    }
    // SAFETY: closes the table opened above.
    unsafe { php_info_print_table_end() };
}
