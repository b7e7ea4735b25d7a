//! PHP's weak-mode ("coercive typing") parameter parsing.
//!
//! The C extension parses its arguments with `zend_parse_parameters`, which accepts
//! `"11211"` for an int, `false` for an int, `null` (with a deprecation) and binary strings.
//! [`long`], [`bool_`], [`double`] and [`bytes`] do the same by calling the engine's own
//! `zend_parse_arg_*_slow` helpers, so conversions, `strict_types`, deprecations and
//! `TypeError` texts are the engine's, built from the running function's name and declared
//! parameters, e.g. `MemcachePool::set(): Argument #3 ($flags) must be of type int, string
//! given`. `null` for a scalar parameter is handled here, with the engine's deprecation text
//! and the plain type (`... of type int is deprecated`), as for the C extension's `l`.

use std::borrow::Cow;
use std::ffi::{c_char, CStr, CString};

use ext_php_rs::boxed::ZBox;
use ext_php_rs::exception::PhpException;
use ext_php_rs::ffi::{
    _zend_expected_type, _zend_expected_type_Z_EXPECTED_BOOL,
    _zend_expected_type_Z_EXPECTED_DOUBLE, _zend_expected_type_Z_EXPECTED_LONG,
    _zend_expected_type_Z_EXPECTED_STRING, zend_string, zval, E_DEPRECATED, IS_DOUBLE, IS_FALSE,
    IS_LONG, IS_TRUE, ZEND_ACC_STRICT_TYPES,
};
use ext_php_rs::types::{ZendStr, Zval};
use ext_php_rs::zend::ce;

use super::errors::exception_pending;
use super::ffi;

/// A `TypeError`/`ArgumentCountError` (or a deprecation turned into an
/// exception by an error handler) is pending: return to PHP at once.
#[derive(Debug)]
pub struct ArgError;

/// The scalar coercions: the value if the zval already has the type, `null` as for a scalar
/// parameter (below), else the engine's slow path, which converts or throws the `TypeError`.
macro_rules! scalar_coercion {
    ($(
        $(#[$doc:meta])*
        $name:ident -> $ty:ty, from $get:ident, zero $zero:expr,
        parsed by $slow:ident, expected $expected:ident, named $type_name:literal;
    )*) => {$(
        $(#[$doc])*
        ///
        /// # Errors
        /// [`ArgError`] when a `TypeError` or an exception from a deprecation handler is
        /// pending.
        ///
        /// Inlined into each parameter's parsing: an argument that has the type is taken
        /// there, any other (a reference, `null`, another type) is coerced out of line.
        #[inline(always)]
        pub fn $name(z: &Zval, arg_num: u32) -> Result<$ty, ArgError> {
            #[inline(never)]
            fn coerce(z: &Zval, arg_num: u32) -> Result<$ty, ArgError> {
                let z = z.dereference();
                if let Some(value) = $get(z) {
                    return Ok(value);
                }
                if z.is_null() {
                    return null_arg(z, arg_num, $expected, $type_name).map(|()| $zero);
                }
                let mut out = $zero;
                // SAFETY: `z` is a live zval; the parser only reads it.
                if unsafe { ffi::$slow(raw(z), &mut out, arg_num) } {
                    return Ok(out);
                }
                Err(wrong_type(z, arg_num, $expected))
            }
            match $get(z) {
                Some(value) => Ok(value),
                None => coerce(z, arg_num),
            }
        }
    )*};
}

scalar_coercion! {
    /// Coerces parameter `arg_num` (1-based) to `int` like `Z_PARAM_LONG`.
    long -> i64, from long_of, zero 0,
        parsed by zend_parse_arg_long_slow, expected _zend_expected_type_Z_EXPECTED_LONG,
        named "int";
    /// Coerces parameter `arg_num` to `bool` like `Z_PARAM_BOOL`.
    bool_ -> bool, from bool_of, zero false,
        parsed by zend_parse_arg_bool_slow, expected _zend_expected_type_Z_EXPECTED_BOOL,
        named "bool";
    /// Coerces parameter `arg_num` to `float` like `Z_PARAM_DOUBLE`.
    double -> f64, from double_of, zero 0.0,
        parsed by zend_parse_arg_double_slow, expected _zend_expected_type_Z_EXPECTED_DOUBLE,
        named "float";
}

/// The engine's type byte of `z` (`Z_TYPE`), compared directly: the argument of nearly every
/// call already has the parameter's type.
#[inline]
pub(crate) fn type_byte(z: &Zval) -> u32 {
    // SAFETY: every initialised zval has its type in the low byte of `u1`.
    u32::from(unsafe { z.u1.v.type_ })
}

/// `z` if it is an int.
#[inline(always)]
fn long_of(z: &Zval) -> Option<i64> {
    if type_byte(z) != IS_LONG {
        return None;
    }
    // SAFETY: an int zval holds `lval`.
    Some(unsafe { z.value.lval })
}

/// `z` if it is a bool.
#[inline(always)]
fn bool_of(z: &Zval) -> Option<bool> {
    match type_byte(z) {
        IS_TRUE => Some(true),
        IS_FALSE => Some(false),
        _ => None,
    }
}

/// `z` if it is a float.
#[inline(always)]
fn double_of(z: &Zval) -> Option<f64> {
    if type_byte(z) != IS_DOUBLE {
        return None;
    }
    // SAFETY: a float zval holds `dval`.
    Some(unsafe { z.value.dval })
}

/// Coerces parameter `arg_num` to a binary-safe string like `Z_PARAM_STR`:
/// int, float, bool and `Stringable` objects are converted.
///
/// As in ZPP, a converted value replaces the argument in its call-frame slot,
/// which owns the returned bytes; only use it on a by-value parameter. For
/// keys, which must not be converted in place, use [`key_bytes`].
///
/// # Errors
/// As [`long`].
pub fn bytes(z: &Zval, arg_num: u32) -> Result<&[u8], ArgError> {
    let z = z.dereference();
    if let Some(s) = z.zend_str() {
        return Ok(s.as_bytes());
    }
    if z.is_null() {
        return null_arg(z, arg_num, _zend_expected_type_Z_EXPECTED_STRING, "string")
            .map(|()| &b""[..]);
    }
    let mut out: *mut zend_string = std::ptr::null_mut();
    // SAFETY: `z` is the argument's call-frame slot (see above); on success the
    // slot holds and owns `out`, which lives as long as `z`.
    if unsafe { ffi::zend_parse_arg_str_slow(raw(z), &mut out, arg_num) } {
        if let Some(s) = unsafe { out.as_ref() } {
            return Ok(s.as_bytes());
        }
    }
    Err(wrong_type(
        z,
        arg_num,
        _zend_expected_type_Z_EXPECTED_STRING,
    ))
}

/// Converts a key to bytes with PHP's `(string)` rules on a copy, so the
/// caller's variable is never modified: strings as is, int as decimal, float
/// with PHP's float-to-string, `true` → `"1"`, `false`/`null` → `""`, arrays →
/// `"Array"` with the engine's "Array to string conversion" warning, objects
/// via `__toString` (or the engine's `Error` for others).
///
/// # Errors
/// [`ArgError`] when an exception is pending (no `__toString`, or thrown by it
/// or by an error handler).
pub fn key_bytes(z: &Zval) -> Result<Cow<'_, [u8]>, ArgError> {
    if let Some(s) = z.zend_str() {
        return Ok(Cow::Borrowed(s.as_bytes()));
    }
    // SAFETY: `zval_try_get_string_func` does not modify its argument and
    // returns a new reference, or NULL with an exception pending.
    let s = unsafe { ffi::zval_try_get_string_func(raw(z)) };
    if s.is_null() {
        return Err(ArgError);
    }
    // SAFETY: we own the reference returned above; dropping the box releases it.
    let s: ZBox<ZendStr> = unsafe { ZBox::from_raw(s) };
    Ok(Cow::Owned(s.as_bytes().to_vec()))
}

/// Checks parameter `arg_num` like `Z_PARAM_FUNC`: a value PHP can call, else the engine's
/// `TypeError` (`...(): Argument #3 ($compute) must be a valid callback, function "nope" not
/// found or invalid function name`).
///
/// # Errors
/// [`ArgError`] with the `TypeError` pending.
pub fn callable(z: &Zval, arg_num: u32) -> Result<&Zval, ArgError> {
    let mut error: *mut c_char = std::ptr::null_mut();
    // SAFETY: `z` is a live zval, only read; the other out-parameters are optional (NULL).
    let ok = unsafe {
        ext_php_rs::ffi::zend_is_callable_ex(
            raw(z),
            std::ptr::null_mut(),
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            &mut error,
        )
    };
    if ok {
        if !error.is_null() {
            // A deprecation note on a callable that works (e.g. "self::method"): ZPP drops it.
            // SAFETY: emalloc'd by zend_is_callable_ex, ours to free.
            unsafe { ext_php_rs::alloc::efree(error.cast()) };
        }
        return Ok(z);
    }
    // SAFETY: `error` is NULL or emalloc'd; the engine frees it.
    unsafe { ffi::zend_wrong_callback_error(arg_num, error) };
    Err(ArgError)
}

/// Throws the engine's `TypeError` for an object parameter of the wrong class
/// (`zend_wrong_parameter_class_error`), e.g. `memcache_get(): Argument #1
/// ($memcache) must be of type MemcachePool, string given`, and returns the
/// [`ArgError`] to propagate.
pub fn wrong_class(arg_num: u32, class_name: &str, z: &Zval) -> ArgError {
    let name = CString::new(class_name).unwrap_or_default();
    // SAFETY: NUL-terminated name; the zval is only read. No-op if an
    // exception is already pending.
    unsafe { ffi::zend_wrong_parameter_class_error(arg_num, name.as_ptr(), raw(z)) };
    ArgError
}

/// Throws `ArgumentCountError: Wrong parameter count for {function}()`, like the C
/// extension's `WRONG_PARAM_COUNT` (e.g. `MemcachePool::set()`, `memcache_set()`), and returns
/// the [`ArgError`] to propagate.
pub fn wrong_parameter_count() -> ArgError {
    // SAFETY: called from a running internal function; the result is a new string that the
    // box releases.
    let function: ZBox<ZendStr> =
        unsafe { ZBox::from_raw(ffi::get_active_function_or_method_name()) };
    let mut message = b"Wrong parameter count for ".to_vec();
    message.extend_from_slice(function.as_bytes());
    message.extend_from_slice(b"()");
    PhpException::new(
        String::from_utf8_lossy(&message).into_owned(),
        0,
        ce::argument_count_error(),
    )
    .throw();
    ArgError
}

/// Throws PHP's own `ArgumentCountError` for a call outside `min..=max` arguments, worded by
/// the engine from the running function (`Memcache::connect() expects at most 3 arguments, 5
/// given`).
pub fn wrong_argument_count(min: u32, max: u32) -> ArgError {
    // SAFETY: called from a running internal function, whose frame the engine reads.
    unsafe { ext_php_rs::ffi::zend_wrong_parameters_count_error(min, max) };
    ArgError
}

fn raw(z: &Zval) -> *mut zval {
    std::ptr::from_ref(z).cast_mut()
}

/// `zend_wrong_parameter_type_error` (a no-op if an exception is already
/// pending).
fn wrong_type(z: &Zval, arg_num: u32, expected: _zend_expected_type) -> ArgError {
    // SAFETY: `z` is a live zval; the function only reads it.
    unsafe { ffi::zend_wrong_parameter_type_error(arg_num, expected, raw(z)) };
    ArgError
}

/// `null` for a scalar parameter: a `TypeError` under `strict_types`, else the
/// engine's `zend_null_arg_deprecated()` message with the plain type name.
fn null_arg(
    z: &Zval,
    arg_num: u32,
    expected: _zend_expected_type,
    type_name: &str,
) -> Result<(), ArgError> {
    if caller_uses_strict_types() {
        return Err(wrong_type(z, arg_num, expected));
    }
    // SAFETY: called from a running internal function; the result is a new
    // string that the box releases.
    let func: ZBox<ZendStr> = unsafe { ZBox::from_raw(ffi::get_active_function_or_method_name()) };
    let mut msg = func.as_bytes().to_vec();
    msg.extend_from_slice(format!("(): Passing null to parameter #{arg_num}").as_bytes());
    // SAFETY: NULL or a NUL-terminated name owned by the function's arginfo.
    let name = unsafe { ffi::get_active_function_arg_name(arg_num) };
    if !name.is_null() {
        msg.extend_from_slice(b" ($");
        msg.extend_from_slice(unsafe { CStr::from_ptr(name) }.to_bytes());
        msg.push(b')');
    }
    msg.extend_from_slice(format!(" of type {type_name} is deprecated").as_bytes());
    let mut msg = ZendStr::new(&msg, false);
    // SAFETY: a valid string; `zend_error_zstr` does not take ownership.
    unsafe { ffi::zend_error_zstr(E_DEPRECATED as i32, &mut *msg) };
    if exception_pending() {
        Err(ArgError)
    } else {
        Ok(())
    }
}

/// `ZEND_ARG_USES_STRICT_TYPES()`: the caller's file declares `strict_types=1`.
fn caller_uses_strict_types() -> bool {
    // SAFETY: engine-owned frames, read while the current call is running.
    unsafe {
        let ex = (*ext_php_rs::ffi::ext_php_rs_executor_globals()).current_execute_data;
        let Some(prev) = ex.as_ref().and_then(|ex| ex.prev_execute_data.as_ref()) else {
            return false;
        };
        prev.func
            .as_ref()
            .is_some_and(|f| f.common.fn_flags & ZEND_ACC_STRICT_TYPES != 0)
    }
}
