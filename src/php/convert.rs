//! Between PHP values and what is stored: zvals to wire bytes and flags (serializing what is
//! not a scalar), stored bytes back to zvals (unserializing, with the C extension's notices),
//! and binary-safe array keys.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::ffi;
use ext_php_rs::flags::ZvalTypeFlags;
use ext_php_rs::types::{ZendHashTable, ZendStr, Zval};

use crate::compat::php_number::array_index;
use crate::php::args::type_byte;
use crate::php::{errors, memory, serialize};
use crate::value::{self, Compression, Decoded, Value};

/// Why a value could not be stored.
#[derive(Debug)]
pub enum EncodeError {
    /// User flags touched the reserved low 16 bits (warning already emitted).
    ReservedFlags,
    /// `serialize()` failed or threw (warning emitted; an exception may be pending).
    Serialize,
}

/// Encodes `value` with `user_flags` and hands the flags and bytes to `store`. The bytes borrow
/// from the zval (or from the serialized buffer) when nothing needs compressing.
pub fn with_encoded<R>(
    value: &Zval,
    user_flags: u32,
    compression: Compression,
    store: impl FnOnce(u32, &[u8]) -> R,
) -> Result<R, EncodeError> {
    if user_flags & value::flags::RESERVED != 0 {
        errors::warning(
            "The lowest two bytes of the flags array is reserved for pecl/memcache internal use",
        );
        return Err(EncodeError::ReservedFlags);
    }
    let value = value.dereference();
    let serialized: ZBox<ZendStr>;
    // By the type byte itself: the value of nearly every store is a string.
    // SAFETY (each arm): the zval holds the member its type byte names.
    let wire = match type_byte(value) {
        ffi::IS_STRING => Value::Str(unsafe { (*value.value.str_).as_bytes() }),
        ffi::IS_LONG => Value::Long(unsafe { value.value.lval }),
        ffi::IS_DOUBLE => Value::Double(unsafe { value.value.dval }),
        ffi::IS_TRUE => Value::Bool(true),
        ffi::IS_FALSE => Value::Bool(false),
        _ => {
            let Some(s) = serialize::serialize(value) else {
                errors::warning("Failed to serialize value");
                return Err(EncodeError::Serialize);
            };
            serialized = s;
            Value::Serialized(serialized.as_bytes())
        }
    };
    let encoded = value::encode(wire, user_flags, compression).map_err(|_| {
        errors::warning(
            "The lowest two bytes of the flags array is reserved for pecl/memcache internal use",
        );
        EncodeError::ReservedFlags
    })?;
    Ok(store(encoded.flags, &encoded.data))
}

/// Decodes a stored value. `None` is a miss: undecodable data gets the C extension's notice.
/// Must be called with no pool borrow held: unserialize runs `__wakeup`, which may call back
/// into the same pool.
pub fn decode(flags: u32, data: &[u8]) -> Option<Zval> {
    if value::is_plain_string(flags) {
        return Some(bytes_zval(data));
    }
    let decoded = match value::decode(flags, data, memory::value_budget()) {
        Ok(decoded) => decoded,
        Err(_) => {
            errors::notice("Failed to uncompress data");
            return None;
        }
    };
    let mut zval = Zval::new();
    match decoded {
        Decoded::Str(bytes) => zval.set_zend_string(ZendStr::new(&bytes, false)),
        Decoded::Long(n) => zval.set_long(n),
        Decoded::Double(d) => zval.set_double(d),
        Decoded::Bool(b) => zval.set_bool(b),
        Decoded::Serialized(bytes) => match serialize::unserialize(&bytes) {
            Some(value) => return Some(value),
            None => {
                if !errors::exception_pending() {
                    errors::notice("Failed to unserialize data");
                }
                return None;
            }
        },
    }
    Some(zval)
}

/// A zval holding a binary string.
pub fn bytes_zval(bytes: &[u8]) -> Zval {
    let mut zval = Zval::new();
    zval.set_zend_string(ZendStr::new(bytes, false));
    zval
}

/// A zval holding a bool (written directly: most calls return one).
#[inline]
pub fn bool_zval(value: bool) -> Zval {
    let mut zval = Zval::new();
    zval.u1.type_info = if value {
        ZvalTypeFlags::True.bits()
    } else {
        ZvalTypeFlags::False.bits()
    };
    zval
}

/// A zval holding an int (written directly).
#[inline]
pub fn long_zval(value: i64) -> Zval {
    let mut zval = Zval::new();
    zval.value.lval = value;
    zval.u1.type_info = ZvalTypeFlags::Long.bits();
    zval
}

/// A zval holding an array.
pub fn array_zval(array: ZBox<ZendHashTable>) -> Zval {
    let mut zval = Zval::new();
    zval.set_hashtable(array);
    zval
}

/// Inserts under a binary-safe key with PHP's array-key rules: a canonical decimal integer
/// string (`"5"`, `"-3"`, not `"05"` or `"-0"`) becomes an int key, as `$a["5"]` would.
pub fn insert(array: &mut ZendHashTable, key: &[u8], value: Zval) {
    match array_index(key) {
        Some(index) => {
            let _ = array.insert_at_index(index, value);
        }
        None => {
            let mut value = value;
            // SAFETY: `array` is a live hashtable; zend_hash_str_update copies the key and
            // takes over `value`, so our copy is forgotten without running its destructor.
            unsafe {
                ffi::zend_hash_str_update(
                    array,
                    key.as_ptr().cast(),
                    key.len(),
                    std::ptr::from_mut(&mut value).cast(),
                );
            }
            std::mem::forget(value);
        }
    }
}
