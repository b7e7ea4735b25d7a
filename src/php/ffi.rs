//! PHP API functions that ext-php-rs does not bind, resolved at run time.
//!
//! Every function here is looked up with `dlsym(RTLD_DEFAULT, ..)` on its first
//! call instead of being declared as a plain `extern "C"` item. A plain
//! declaration is bound eagerly through the GOT when the `.so` is loaded, so
//! the library could no longer be opened outside PHP (this breaks
//! `cargo php stubs`, which only provides ext-php-rs' own symbols). For the same
//! reason, never store the address of a PHP symbol in a `static`: call it from
//! a small Rust `extern "C"` trampoline instead.
//!
//! The [`php_api!`](crate::php_api) macro declares such functions; the block
//! at the end of this file holds the ones the `php` modules use.

use std::ffi::{c_char, c_int, c_void, CStr};

use ext_php_rs::ffi::{
    _zend_expected_type, zend_ini_entry, zend_long, zend_module_entry, zend_string, zval,
};

/// Returns the address of the PHP API symbol `name` in the running process, or
/// `None` when the process does not export it (e.g. a shared ext/session that
/// is not loaded).
#[must_use]
pub fn lookup(name: &CStr) -> Option<usize> {
    // SAFETY: `name` is NUL-terminated; RTLD_DEFAULT searches the global scope.
    let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
    (!p.is_null()).then_some(p as usize)
}

/// Declares PHP API functions resolved with `dlsym` on first use.
///
/// ```ignore
/// crate::php_api! {
///     fn zend_ini_long(name: *const c_char, len: usize, orig: c_int) -> zend_long;
/// }
/// ```
///
/// Each entry becomes a `pub unsafe fn` with the same name and signature that
/// caches the resolved address. `ZEND_FASTCALL` needs no annotation: it is the
/// plain C convention on x86-64 and aarch64. Calling a function that the
/// running PHP does not export panics with the symbol name.
#[macro_export]
macro_rules! php_api {
    ($( $(#[$meta:meta])* fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) $(-> $ret:ty)? ; )*) => {
        $(
            $(#[$meta])*
            #[doc = concat!(
                "Calls the PHP API function `", stringify!($name),
                "`, resolved with `dlsym` on first use.\n\n# Safety\n\n",
                "Same contract as the C function."
            )]
            #[allow(non_snake_case)]
            pub unsafe fn $name($($arg: $ty),*) $(-> $ret)? {
                static ADDR: ::std::sync::OnceLock<usize> = ::std::sync::OnceLock::new();
                let addr = *ADDR.get_or_init(|| {
                    let name = concat!(stringify!($name), "\0");
                    $crate::php::ffi::lookup(
                        ::std::ffi::CStr::from_bytes_with_nul(name.as_bytes())
                            .unwrap_or_default(),
                    )
                    .unwrap_or_else(|| panic!("PHP API symbol `{}` not found", stringify!($name)))
                });
                // SAFETY: `addr` is the address of the C function declared with this
                // exact signature in the PHP headers.
                let f: unsafe extern "C" fn($($ty),*) $(-> $ret)? =
                    unsafe { ::std::mem::transmute::<usize, _>(addr) };
                // SAFETY: forwarded to the caller.
                unsafe { f($($arg),*) }
            }
        )*
    };
}

/// `smart_str` from `Zend/zend_smart_str_public.h`.
#[repr(C)]
pub struct SmartStr {
    /// The buffer; null until something is appended.
    pub s: *mut zend_string,
    /// The allocated capacity.
    pub a: usize,
}

/// `php_serialize_data_t` (opaque pointer).
pub type SerializeData = *mut c_void;

/// `php_unserialize_data_t` (opaque pointer).
pub type UnserializeData = *mut c_void;

/// `ZEND_INI_MH` on_modify handler signature.
pub type IniOnModify = unsafe extern "C" fn(
    *mut zend_ini_entry,
    *mut zend_string,
    *mut c_void,
    *mut c_void,
    *mut c_void,
    c_int,
) -> c_int;

/// PHP's own `on_modify` handler `name` (`OnUpdateLong`, `OnUpdateBool`: `ZEND_INI_MH`s of
/// `Zend/zend_ini.h`), resolved with `dlsym` when a directive changes; `None` if PHP does not
/// export it.
pub fn php_on_modify(name: &CStr) -> Option<IniOnModify> {
    // SAFETY: the symbols asked for are ZEND_INI_MH functions, whose signature IniOnModify is.
    lookup(name).map(|address| unsafe { std::mem::transmute::<usize, IniOnModify>(address) })
}

crate::php_api! {
    // Zend/zend_API.h: weak-mode scalar parsing used by ZPP.
    fn zend_parse_arg_long_slow(arg: *mut zval, dest: *mut zend_long, arg_num: u32) -> bool;
    fn zend_parse_arg_bool_slow(arg: *mut zval, dest: *mut bool, arg_num: u32) -> bool;
    fn zend_parse_arg_double_slow(arg: *mut zval, dest: *mut f64, arg_num: u32) -> bool;
    fn zend_parse_arg_str_slow(arg: *mut zval, dest: *mut *mut zend_string, arg_num: u32) -> bool;
    fn zend_wrong_parameter_type_error(num: u32, expected: _zend_expected_type, arg: *mut zval);
    fn zend_wrong_parameter_class_error(num: u32, name: *const c_char, arg: *mut zval);
    // Frees `error` (emalloc'd by zend_is_callable_ex).
    fn zend_wrong_callback_error(num: u32, error: *mut c_char);
    // Zend/zend_execute.h
    fn get_active_function_or_method_name() -> *mut zend_string;
    fn get_active_function_arg_name(arg_num: u32) -> *const c_char;
    // Zend/zend_operators.h: (string) cast that returns NULL after throwing.
    fn zval_try_get_string_func(op: *mut zval) -> *mut zend_string;
    // Zend/zend.h
    fn zend_error_zstr(kind: c_int, message: *mut zend_string);
    // main/php.h: a line to PHP's error log (the `error_log` file, or the SAPI's log).
    fn php_log_err_with_severity(message: *const c_char, syslog_type: c_int);
    // Zend/zend_ini.h
    fn zend_ini_boolean_displayer_cb(entry: *mut zend_ini_entry, kind: c_int);
    fn display_ini_entries(module: *mut zend_module_entry);
    // ext/standard/php_var.h
    fn php_var_serialize_init() -> SerializeData;
    fn php_var_serialize(buf: *mut SmartStr, value: *mut zval, data: *mut SerializeData);
    fn php_var_serialize_destroy(data: SerializeData);
    fn php_var_unserialize_init() -> UnserializeData;
    fn php_var_unserialize(
        rval: *mut zval,
        p: *mut *const u8,
        max: *const u8,
        data: *mut UnserializeData,
    ) -> c_int;
    fn php_var_unserialize_destroy(data: UnserializeData);
    fn var_tmp_var(data: *mut UnserializeData) -> *mut zval;
}
