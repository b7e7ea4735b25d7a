//! The C extension's declared signatures (arginfo), put over the ones ext-php-rs generates.
//!
//! ext-php-rs derives a parameter's arginfo from its Rust type, and cannot express what the C
//! extension declares: our coercing [`Arg`](super::args::Arg)/[`Opt`](super::args::Opt)
//! parameters come out as `mixed $key` or `?int $flags = null`, and every `Zval` return as
//! `mixed`, where the C extension declares `array|string $key`, a plain `int $flags` without a
//! default, `MemcachePool $memcache`, untyped parameters, and return types such as `bool` or
//! `string|bool`. That shows in Reflection, in the engine's own errors (a skipped named
//! argument is `ArgumentCountError: ... must be passed explicitly, because the default value is
//! not known`, not a `null`), and in the inheritance check of user subclasses (a class written
//! for the C extension may narrow `int $flags`; against `?int` that is a fatal error).
//!
//! So after registration, [`apply_to_class`] and [`apply_to_functions`] rewrite, in the
//! engine's copy of the arginfo, the type and default of every parameter and the return type
//! of every method and function to the C extension's (the tables below). Names, counts,
//! optional and by-reference markers stay those of the Rust signatures, which already match,
//! except for a variadic `&[&Zval]` parameter: the C extension declares none, such a parameter
//! only takes the extra arguments a C function ignores (`getVersion(1)`), so it is hidden.
//! A release build of PHP does not check the types of internal functions at run time, so
//! arguments are still parsed by our code, with PHP's coercion; and every return value
//! already has the declared type (the only exception, `null` while an exception is pending,
//! is discarded by the engine).

use std::ffi::c_char;

use ext_php_rs::ffi::{
    ext_php_rs_compiler_globals, zend_function, zend_internal_arg_info, HashTable,
    _ZEND_SEND_MODE_SHIFT, _ZEND_TYPE_NAME_BIT, IS_ARRAY, IS_CALLABLE, IS_DOUBLE, IS_LONG, IS_NULL,
    IS_STRING, MAY_BE_ANY, MAY_BE_BOOL, ZEND_ACC_HAS_RETURN_TYPE, ZEND_ACC_HAS_TYPE_HINTS,
    ZEND_ACC_VARIADIC,
};
use ext_php_rs::types::ZendStr;
use ext_php_rs::zend::ClassEntry;

/// A declared PHP type: `MAY_BE_*` bits, plus a class name for an object type.
#[derive(Clone, Copy)]
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
const NONE: PhpType = mask(0);
/// `mixed`
const MIXED: PhpType = mask(MAY_BE_ANY);
/// `int`
const INT: PhpType = mask(may_be(IS_LONG));
/// `float`
const FLOAT: PhpType = mask(may_be(IS_DOUBLE));
/// `string`
const STRING: PhpType = mask(may_be(IS_STRING));
/// `bool`
const BOOL: PhpType = mask(MAY_BE_BOOL);
/// `array`
const ARRAY: PhpType = mask(may_be(IS_ARRAY));
/// `array|string`: a key or an array of keys.
const KEY: PhpType = mask(may_be(IS_ARRAY) | may_be(IS_STRING));
/// `?callable`
const CALLBACK: PhpType = mask(may_be(IS_CALLABLE) | may_be(IS_NULL));
/// `int|bool`
const INT_OR_BOOL: PhpType = mask(may_be(IS_LONG) | MAY_BE_BOOL);
/// `string|bool`
const STRING_OR_BOOL: PhpType = mask(may_be(IS_STRING) | MAY_BE_BOOL);
/// `array|bool`
const ARRAY_OR_BOOL: PhpType = mask(may_be(IS_ARRAY) | MAY_BE_BOOL);
/// `array|int|bool`
const ARRAY_INT_OR_BOOL: PhpType = mask(may_be(IS_ARRAY) | may_be(IS_LONG) | MAY_BE_BOOL);
/// `MemcachePool`: the object parameter of the functions.
const POOL: PhpType = PhpType {
    mask: 0,
    class: Some("MemcachePool"),
};

/// The C extension's declaration of one function or method: its name (lowercase for methods,
/// as in the class's function table), its parameters' types in order, and its return type.
pub struct Signature {
    name: &'static str,
    params: &'static [PhpType],
    returns: PhpType,
}

const fn sig(name: &'static str, params: &'static [PhpType], returns: PhpType) -> Signature {
    Signature {
        name,
        params,
        returns,
    }
}

/// `set`, `add`, ... `prepend`: key, value, flags, exptime, cas.
const STORE: &[PhpType] = &[KEY, MIXED, INT, INT, INT];
/// `increment`, `decrement`: key, value, defval, exptime.
const COUNTER: &[PhpType] = &[KEY, INT, INT, INT];
/// `getStats`, `getExtendedStats`: type, slabid, limit.
const STATS: &[PhpType] = &[STRING, INT, INT];
/// The functions' versions of those, after the object.
const FN_STORE: &[PhpType] = &[POOL, KEY, MIXED, INT, INT, INT];
const FN_COUNTER: &[PhpType] = &[POOL, KEY, INT, INT, INT];
const FN_STATS: &[PhpType] = &[POOL, STRING, INT, INT];
/// `connect`/`pconnect` of `Memcache` and as functions: eight untyped parameters.
const CONNECT: &[PhpType] = &[NONE; 8];

/// `MemcachePool`'s methods.
pub const POOL_METHODS: &[Signature] = &[
    sig("connect", &[NONE; 7], NONE),
    sig("addserver", &[NONE; 8], BOOL),
    sig(
        "setserverparams",
        &[STRING, INT, FLOAT, INT, BOOL, NONE],
        BOOL,
    ),
    sig("setfailurecallback", &[CALLBACK], BOOL),
    sig("setfailbackcallback", &[CALLBACK], BOOL),
    sig("getserverstatus", &[STRING, INT], INT_OR_BOOL),
    sig("findserver", &[STRING], STRING_OR_BOOL),
    sig("getversion", &[], STRING_OR_BOOL),
    sig("add", STORE, BOOL),
    sig("set", STORE, BOOL),
    sig("replace", STORE, BOOL),
    sig("cas", STORE, BOOL),
    sig("append", STORE, BOOL),
    sig("prepend", STORE, BOOL),
    sig("get", &[KEY, MIXED, MIXED], MIXED),
    sig("delete", &[KEY, INT], ARRAY_OR_BOOL),
    sig("getstats", STATS, ARRAY_OR_BOOL),
    sig("getextendedstats", STATS, ARRAY_OR_BOOL),
    sig("setcompressthreshold", &[INT, FLOAT], BOOL),
    sig("increment", COUNTER, ARRAY_INT_OR_BOOL),
    sig("decrement", COUNTER, ARRAY_INT_OR_BOOL),
    sig("close", &[], BOOL),
    sig("flush", &[INT], BOOL),
    sig("setsaslauthdata", &[STRING, STRING], BOOL),
];

/// The methods `Memcache` declares itself (the others it inherits, already rewritten).
pub const MEMCACHE_METHODS: &[Signature] = &[
    sig("connect", CONNECT, NONE),
    sig("pconnect", CONNECT, NONE),
    sig("addserver", &[NONE; 8], BOOL),
];

/// The `memcache_*` functions.
pub const FUNCTIONS: &[Signature] = &[
    sig("memcache_connect", CONNECT, NONE),
    sig("memcache_pconnect", CONNECT, NONE),
    sig(
        "memcache_add_server",
        &[POOL, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE],
        BOOL,
    ),
    sig(
        "memcache_set_server_params",
        &[POOL, STRING, INT, FLOAT, INT, BOOL, NONE],
        BOOL,
    ),
    sig("memcache_set_failure_callback", &[POOL, CALLBACK], BOOL),
    sig("memcache_set_failback_callback", &[POOL, CALLBACK], BOOL),
    sig(
        "memcache_get_server_status",
        &[POOL, STRING, INT],
        INT_OR_BOOL,
    ),
    sig("memcache_get_version", &[POOL], STRING_OR_BOOL),
    sig("memcache_add", FN_STORE, BOOL),
    sig("memcache_set", FN_STORE, BOOL),
    sig("memcache_replace", FN_STORE, BOOL),
    sig("memcache_cas", FN_STORE, BOOL),
    sig("memcache_append", FN_STORE, BOOL),
    sig("memcache_prepend", FN_STORE, BOOL),
    sig("memcache_get", &[POOL, NONE, NONE, NONE], MIXED),
    sig("memcache_delete", &[POOL, NONE, NONE], ARRAY_OR_BOOL),
    sig("memcache_debug", &[NONE], BOOL),
    sig("memcache_get_stats", FN_STATS, ARRAY_OR_BOOL),
    sig("memcache_get_extended_stats", FN_STATS, ARRAY_OR_BOOL),
    sig("memcache_set_compress_threshold", &[POOL, INT, FLOAT], BOOL),
    sig("memcache_increment", FN_COUNTER, ARRAY_INT_OR_BOOL),
    sig("memcache_decrement", FN_COUNTER, ARRAY_INT_OR_BOOL),
    sig("memcache_close", &[POOL], BOOL),
    sig("memcache_flush", &[POOL, INT], BOOL),
    sig("memcache_set_sasl_auth_data", &[POOL, STRING, STRING], BOOL),
    sig("memcache_server_health", &[], ARRAY),
];

/// A signature that does not fit the registered function: not found, or another number of
/// parameters than its Rust declaration (a programming error; module startup fails).
#[derive(Debug)]
pub struct Mismatch(pub &'static str);

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: does not fit the C extension's signature", self.0)
    }
}

/// The bits of a `zend_type` mask that are the type; the others carry the send mode (by
/// reference) and the variadic marker, which are kept.
const TYPE_BITS: u32 = (1 << _ZEND_SEND_MODE_SHIFT) - 1;

/// Rewrites the methods `signatures` of class `ce`. Call it from module startup, right after
/// the class is registered and before a subclass is: a subclass copies the inherited methods.
///
/// # Errors
/// [`Mismatch`] for a method that is missing or has another number of parameters.
pub fn apply_to_class(ce: &ClassEntry, signatures: &[Signature]) -> Result<(), Mismatch> {
    apply(&ce.function_table, signatures)
}

/// Rewrites the `memcache_*` functions (registered with the module, before its startup).
///
/// # Errors
/// As [`apply_to_class`].
pub fn apply_to_functions() -> Result<(), Mismatch> {
    // SAFETY: module startup: the compiler globals and their function table are live.
    let table = unsafe { (*ext_php_rs_compiler_globals()).function_table.as_ref() };
    apply(table.ok_or(Mismatch("function table"))?, FUNCTIONS)
}

fn apply(table: &HashTable, signatures: &[Signature]) -> Result<(), Mismatch> {
    for signature in signatures {
        // SAFETY: function tables hold `zend_function` pointers.
        let function = table
            .get(signature.name)
            .and_then(|zv| unsafe { zv.ptr::<zend_function>() })
            .ok_or(Mismatch(signature.name))?;
        // SAFETY: module startup runs alone; the function and its arginfo live for the process.
        unsafe { apply_one(function, signature) }?;
    }
    Ok(())
}

/// # Safety
/// `function` must be a registered internal function, at module startup.
unsafe fn apply_one(function: *mut zend_function, signature: &Signature) -> Result<(), Mismatch> {
    // SAFETY: an internal function (the caller's contract).
    let f = unsafe { &mut (*function).internal_function };
    // The engine copies the arginfo (and frees the copy at shutdown) only for a function with a
    // type somewhere. ext-php-rs always declares one (`mixed` at least); the flags below keep
    // one of the two bits set so that the copy is still freed.
    let typed = ZEND_ACC_HAS_TYPE_HINTS | ZEND_ACC_HAS_RETURN_TYPE;
    if f.num_args as usize != signature.params.len() || f.fn_flags & typed == 0 {
        return Err(Mismatch(signature.name));
    }
    // SAFETY: `arg_info` points one past the return-type entry, followed by `num_args`
    // parameters (the engine's copy, owned by the function).
    let infos =
        unsafe { std::slice::from_raw_parts_mut(f.arg_info.sub(1), 1 + signature.params.len()) };
    let (ret, params) = infos.split_first_mut().ok_or(Mismatch(signature.name))?;
    set_type(ret, signature.returns);
    for (info, &ty) in params.iter_mut().zip(signature.params) {
        set_type(info, ty);
        info.default_value = std::ptr::null::<c_char>();
    }
    // The variadic entry stays in the array (after the `num_args` parameters, untouched) but
    // the engine no longer looks at it: no Reflection parameter, unknown named arguments are
    // an `Error`; extra positional arguments still reach the handler.
    f.fn_flags &= !ZEND_ACC_VARIADIC;
    if signature.returns.mask == 0 && signature.returns.class.is_none() {
        f.fn_flags = (f.fn_flags & !ZEND_ACC_HAS_RETURN_TYPE) | ZEND_ACC_HAS_TYPE_HINTS;
    } else {
        f.fn_flags |= ZEND_ACC_HAS_RETURN_TYPE;
    }
    Ok(())
}

/// Replaces the type of one arginfo entry, keeping its send mode and variadic marker. The old
/// type is a plain mask (ext-php-rs declares no class types here), so nothing is released.
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
