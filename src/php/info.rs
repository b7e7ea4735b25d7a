//! The `phpinfo()` / `php --ri memcache` section, laid out like the C
//! extension's: a `memcache support => enabled` header, the version, then the
//! `Directive => Local Value => Master Value` table of every `memcache.*` INI.

use std::ffi::c_char;

use ext_php_rs::ffi::{
    php_info_print_table_end, php_info_print_table_header, php_info_print_table_row,
    php_info_print_table_start,
};
use ext_php_rs::zend::ModuleEntry;

use super::ffi;

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
            php_info_print_table_end();
            ffi::display_ini_entries(module);
        }
    });
}
