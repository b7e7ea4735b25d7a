//! PHP's own `serialize()`/`unserialize()` format through the engine's
//! `php_var_serialize`/`php_var_unserialize`, byte-identical to userland.
//!
//! Both run user code (`__sleep`, `__serialize`, `Serializable`, `__wakeup`,
//! `__unserialize`, autoloaders), which may call back into this extension:
//! never hold a `RefCell` borrow or a lock across these calls.

use std::ptr;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::ffi::zval;
use ext_php_rs::types::{ZendStr, Zval};

use super::errors::exception_pending;
use super::ffi::{self, SmartStr};

/// Serializes `value` exactly like `serialize()`.
///
/// Returns `None` when serialization failed, e.g. `__sleep`/`__serialize`
/// threw or the value holds a `Closure`; the exception is then pending.
pub fn serialize(value: &Zval) -> Option<ZBox<ZendStr>> {
    let mut buf = SmartStr {
        s: ptr::null_mut(),
        a: 0,
    };
    // SAFETY: PHP_VAR_SERIALIZE_INIT / php_var_serialize / DESTROY, as in
    // `PHP_FUNCTION(serialize)`; the value is only read.
    unsafe {
        let mut data = ffi::php_var_serialize_init();
        ffi::php_var_serialize(
            &mut buf,
            ptr::from_ref(value).cast_mut().cast::<zval>(),
            &mut data,
        );
        ffi::php_var_serialize_destroy(data);
    }
    if buf.s.is_null() {
        return None;
    }
    // SAFETY: the smart_str buffer is a fresh zend_string we now own; dropping
    // the box releases it (also on the error path below).
    let out: ZBox<ZendStr> = unsafe { ZBox::from_raw(buf.s) };
    if exception_pending() {
        return None;
    }
    // smart_str_0(): smart_str always keeps room for the terminating NUL.
    // SAFETY: `len < a + 1`, inside the allocation.
    unsafe {
        let len = (*buf.s).len;
        *ptr::addr_of_mut!((*buf.s).val).cast::<u8>().add(len) = 0;
    }
    Some(out)
}

/// Unserializes `bytes` like `unserialize()` with no `allowed_classes`
/// restriction (unknown classes become `__PHP_Incomplete_Class`). Bytes after
/// the first complete value are ignored.
///
/// Returns `None` for invalid data (no notice is printed here) or when
/// `__wakeup`/`__unserialize` threw (the exception is then pending).
pub fn unserialize(bytes: &[u8]) -> Option<Zval> {
    if bytes.is_empty() {
        return None;
    }
    let mut p = bytes.as_ptr();
    let max = bytes.as_ptr_range().end;
    let mut local = Zval::new();
    // SAFETY: PHP_VAR_UNSERIALIZE_INIT / php_var_unserialize / DESTROY, as in
    // `php_unserialize_with_options`. The value is built in a slot owned by the
    // unserialize state (`var_tmp_var`), so back-references stay valid when
    // this runs nested inside another unserialize; we take our own reference
    // before DESTROY, which runs the delayed `__wakeup`/`__unserialize` calls.
    let value = unsafe {
        let mut data = ffi::php_var_unserialize_init();
        let mut slot = ffi::var_tmp_var(&mut data);
        if slot.is_null() {
            slot = ptr::from_mut(&mut local).cast::<zval>();
        }
        let ok = ffi::php_var_unserialize(slot, &mut p, max, &mut data) != 0;
        let value = ok.then(|| (*slot.cast::<Zval>()).shallow_clone());
        ffi::php_var_unserialize_destroy(data);
        value
    };
    if exception_pending() {
        return None;
    }
    // The top-level value becomes a reference if the data refers back to it.
    value.map(|v| {
        if v.is_reference() {
            v.dereference().shallow_clone()
        } else {
            v
        }
    })
}
