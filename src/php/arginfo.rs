//! The C extension's declared types (arginfo), put over the ones ext-php-rs generates.
//!
//! ext-php-rs' `FunctionBuilder` declares a parameter from a single `DataType` and cannot
//! express what the C extension declares: `array|string $key`, a plain `int $flags` without a
//! default, `MemcachePool $memcache`, untyped parameters, and return types such as `bool` or
//! `string|bool`. That shows in Reflection, in the engine's own errors (a skipped named
//! argument is `ArgumentCountError: ... must be passed explicitly, because the default value is
//! not known`, not a `null`), and in the inheritance check of user subclasses (a class written
//! for the C extension may narrow `int $flags`; against `?int` that is a fatal error).
//!
//! So the methods and functions are registered with `mixed` everywhere (names, count, optional
//! and by-reference markers already the C extension's, from the API table), and right after
//! registration [`declare`] rewrites, in the engine's copy of the arginfo, the type and default
//! of every parameter and the return type to the ones the table declares. A release build of
//! PHP does not check the types of internal functions at run time, so arguments are still
//! parsed by our code, with PHP's coercion; and every return value already has the declared
//! type (the only exception, `null` while an exception is pending, is discarded by the engine).

use std::ffi::c_char;

use ext_php_rs::ffi::{
    ext_php_rs_compiler_globals, zend_function, zend_internal_arg_info, HashTable,
    _ZEND_SEND_MODE_SHIFT, _ZEND_TYPE_NAME_BIT, IS_ARRAY, IS_CALLABLE, IS_DOUBLE, IS_LONG, IS_NULL,
    IS_STRING, MAY_BE_ANY, MAY_BE_BOOL, ZEND_ACC_HAS_RETURN_TYPE, ZEND_ACC_HAS_TYPE_HINTS,
};
use ext_php_rs::types::ZendStr;

/// A declared PHP type: `MAY_BE_*` bits, plus a class name for an object type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PhpType {
    mask: u32,
    class: Option<&'static str>,
}

const fn may_be(type_code: u32) -> u32 {
    1 << type_code
}

const fn mask(mask: u32) -> PhpType {
    PhpType { mask, class: None }
}

/// No type (an untyped parameter, or no return type).
pub const NONE: PhpType = mask(0);
/// `mixed`
pub const MIXED: PhpType = mask(MAY_BE_ANY);
/// `int`
pub const INT: PhpType = mask(may_be(IS_LONG));
/// `float`
pub const FLOAT: PhpType = mask(may_be(IS_DOUBLE));
/// `string`
pub const STRING: PhpType = mask(may_be(IS_STRING));
/// `bool`
pub const BOOL: PhpType = mask(MAY_BE_BOOL);
/// `array`
pub const ARRAY: PhpType = mask(may_be(IS_ARRAY));
/// `array|string`: a key or an array of keys.
pub const KEY: PhpType = mask(may_be(IS_ARRAY) | may_be(IS_STRING));
/// `callable`
pub const CALLABLE: PhpType = mask(may_be(IS_CALLABLE));
/// `?callable`
pub const CALLBACK: PhpType = mask(may_be(IS_CALLABLE) | may_be(IS_NULL));
/// `int|bool`
pub const INT_OR_BOOL: PhpType = mask(may_be(IS_LONG) | MAY_BE_BOOL);
/// `string|bool`
pub const STRING_OR_BOOL: PhpType = mask(may_be(IS_STRING) | MAY_BE_BOOL);
/// `array|bool`
pub const ARRAY_OR_BOOL: PhpType = mask(may_be(IS_ARRAY) | MAY_BE_BOOL);
/// `array|int|bool`
pub const ARRAY_INT_OR_BOOL: PhpType = mask(may_be(IS_ARRAY) | may_be(IS_LONG) | MAY_BE_BOOL);
/// `MemcachePool`: the object parameter of the functions.
pub const POOL: PhpType = PhpType {
    mask: 0,
    class: Some("MemcachePool"),
};

/// A registered function that does not fit its declaration: not found, or another number of
/// parameters (a programming error; module startup fails).
#[derive(Debug)]
pub struct Mismatch(pub String);

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: does not fit the C extension's signature", self.0)
    }
}

/// The bits of a `zend_type` mask that are the type; the others carry the send mode (by
/// reference) and the variadic marker, which are kept.
const TYPE_BITS: u32 = (1 << _ZEND_SEND_MODE_SHIFT) - 1;

/// The registered function `name` (lowercase) of `table`: a class's methods, or the global
/// functions ([`global_functions`]).
///
/// # Errors
/// [`Mismatch`] when there is none.
pub fn find(table: &HashTable, name: &str) -> Result<*mut zend_function, Mismatch> {
    // SAFETY: function tables hold `zend_function` pointers.
    table
        .get(name)
        .and_then(|zv| unsafe { zv.ptr::<zend_function>() })
        .ok_or_else(|| Mismatch(name.to_owned()))
}

/// The engine's table of global functions.
///
/// # Errors
/// [`Mismatch`] if it is not there yet.
pub fn global_functions() -> Result<&'static HashTable, Mismatch> {
    // SAFETY: module startup: the compiler globals and their function table are live.
    unsafe { (*ext_php_rs_compiler_globals()).function_table.as_ref() }
        .ok_or_else(|| Mismatch("function table".to_owned()))
}

/// Gives the registered `function` the declared parameter types `params` (in order) and return
/// type `returns`. Call it from module startup, right after registration and before a subclass
/// is registered (a subclass copies the inherited methods).
///
/// # Safety
/// `function` must be a registered internal function, at module startup.
///
/// # Errors
/// [`Mismatch`] when the function has another number of parameters.
pub unsafe fn declare(
    function: *mut zend_function,
    params: &[PhpType],
    returns: PhpType,
) -> Result<(), Mismatch> {
    // SAFETY: an internal function (the caller's contract).
    let f = unsafe { &mut (*function).internal_function };
    let mismatch = || {
        // SAFETY: a registered function has a name.
        let name = unsafe { f.function_name.as_ref() }
            .map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned());
        Mismatch(name.unwrap_or_default())
    };
    // The engine copies the arginfo (and frees the copy at shutdown) only for a function with a
    // type somewhere. Registration declares one (`mixed` at least); the flags below keep one of
    // the two bits set so that the copy is still freed.
    let typed = ZEND_ACC_HAS_TYPE_HINTS | ZEND_ACC_HAS_RETURN_TYPE;
    if f.num_args as usize != params.len() || f.fn_flags & typed == 0 {
        return Err(mismatch());
    }
    // SAFETY: `arg_info` points one past the return-type entry, followed by `num_args`
    // parameters (the engine's copy, owned by the function).
    let infos = unsafe { std::slice::from_raw_parts_mut(f.arg_info.sub(1), 1 + params.len()) };
    let (ret, infos) = infos.split_first_mut().ok_or_else(mismatch)?;
    set_type(ret, returns);
    for (info, &ty) in infos.iter_mut().zip(params) {
        set_type(info, ty);
        info.default_value = std::ptr::null::<c_char>();
    }
    if returns.mask == 0 && returns.class.is_none() {
        f.fn_flags = (f.fn_flags & !ZEND_ACC_HAS_RETURN_TYPE) | ZEND_ACC_HAS_TYPE_HINTS;
    } else {
        f.fn_flags |= ZEND_ACC_HAS_RETURN_TYPE;
    }
    Ok(())
}

/// Replaces the type of one arginfo entry, keeping its send mode and variadic marker. The old
/// type is a plain mask (registration declares no class types), so nothing is released.
fn set_type(info: &mut zend_internal_arg_info, ty: PhpType) {
    let flags = info.type_.type_mask & !TYPE_BITS;
    match ty.class {
        Some(class) => {
            // An interned, persistent name, as the engine makes at registration; never freed.
            info.type_.ptr = ZendStr::new_interned(class, true).into_raw().cast();
            info.type_.type_mask = flags | _ZEND_TYPE_NAME_BIT | ty.mask;
        }
        None => {
            info.type_.ptr = std::ptr::null_mut();
            info.type_.type_mask = flags | ty.mask;
        }
    }
}
