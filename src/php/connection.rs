//! The `connection` property: the pool lives in a `memcache connection` resource stored in the
//! object's public `connection` property, exactly as in the C extension. So `var_dump` shows it,
//! `clone` shares the pool (the property is copied), `serialize` writes `i:0`, and a user who
//! overwrites the property gets the C extension's warnings.

use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_void};
use std::rc::Rc;
use std::sync::atomic::{AtomicI32, AtomicPtr, Ordering};

use ext_php_rs::ffi::{zend_class_entry, zend_object, zend_resource, zend_string, zval, HashTable};
use ext_php_rs::ffi::{IS_INDIRECT, IS_NULL, IS_RESOURCE, IS_UNDEF};
use ext_php_rs::flags::ZvalTypeFlags;
use ext_php_rs::types::{ZendObject, Zval};

use crate::pool::Pool;

/// A pool shared by every object whose `connection` property holds the same resource.
pub type SharedPool = Rc<RefCell<Pool>>;

crate::php_api! {
    fn zend_register_list_destructors_ex(
        destructor: Option<unsafe extern "C" fn(*mut zend_resource)>,
        persistent_destructor: Option<unsafe extern "C" fn(*mut zend_resource)>,
        type_name: *const c_char,
        module_number: c_int,
    ) -> c_int;
    fn zend_register_resource(pointer: *mut c_void, kind: c_int) -> *mut zend_resource;
    fn zend_update_property(
        scope: *mut zend_class_entry,
        object: *mut zend_object,
        name: *const c_char,
        name_length: usize,
        value: *mut zval,
    );
    fn zend_update_property_ex(
        scope: *mut zend_class_entry,
        object: *mut zend_object,
        name: *mut zend_string,
        value: *mut zval,
    );
    fn zend_hash_find_known_hash(table: *const HashTable, key: *const zend_string) -> *mut zval;
}

/// The resource type id of `memcache connection`.
static RESOURCE_TYPE: AtomicI32 = AtomicI32::new(-1);

/// The name `connection` as a permanent interned string (hash computed), made at module
/// startup: `attach` stores the property under this very string, so the lookup every call
/// makes finds its key by pointer, without hashing or comparing the name.
static CONNECTION_NAME: AtomicPtr<zend_string> = AtomicPtr::new(std::ptr::null_mut());

/// Registers the `memcache connection` resource type and interns the property's name
/// (module startup, when interned strings are permanent).
pub fn register(module_number: i32) {
    // SAFETY: at module startup the engine's interning function makes permanent strings,
    // which live until the engine shuts down.
    let name = unsafe {
        ext_php_rs::ffi::zend_string_init_interned.map_or(std::ptr::null_mut(), |intern| {
            intern(c"connection".as_ptr(), 10, true)
        })
    };
    CONNECTION_NAME.store(name, Ordering::Release);
    // SAFETY: called once from module startup with a static, NUL-terminated name.
    let id = unsafe {
        zend_register_list_destructors_ex(
            Some(destroy),
            None,
            c"memcache connection".as_ptr(),
            module_number,
        )
    };
    RESOURCE_TYPE.store(id, Ordering::Release);
}

/// Frees the pool when the last reference to the resource goes.
unsafe extern "C" fn destroy(resource: *mut zend_resource) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the engine passes a live resource of our type; its pointer is the Box we
        // created in `attach` and nothing else frees it.
        unsafe {
            let pointer = (*resource).ptr.cast::<SharedPool>();
            if !pointer.is_null() {
                (*resource).ptr = std::ptr::null_mut();
                drop(Box::from_raw(pointer));
            }
        }
    });
}

/// What an object's `connection` property holds.
pub enum Connection {
    /// No property (or null): no server was ever added.
    Missing,
    /// Something that is not a pool resource.
    Invalid,
    /// The pool.
    Pool(SharedPool),
}

/// Reads a public property of `object` from its property table, as the C extension reads
/// `connection`, `username`, `password` and the callbacks (`Z_OBJPROP_P` lookups): a missing
/// property is `None`, never a call of the class's `__get`, which may throw.
pub fn read_property(object: &ZendObject, name: &str) -> Option<Zval> {
    table_property(object, name).map(Zval::shallow_clone)
}

/// Writes a public property of `object` (it takes its own reference to `value`).
pub fn write_property(object: &ZendObject, name: &str, value: &mut Zval) {
    let object_ptr = std::ptr::from_ref(object).cast_mut();
    // SAFETY: a live object; zend_update_property copies the value.
    unsafe {
        zend_update_property(
            (*object_ptr).ce,
            object_ptr,
            name.as_ptr().cast(),
            name.len(),
            std::ptr::from_mut(value).cast(),
        );
    }
}

/// `object`'s public property `name` in its property table (no `__get`, and no name string
/// built for a lookup that runs on every call); `None` when it is missing or null.
fn table_property<'o>(object: &'o ZendObject, name: &str) -> Option<&'o Zval> {
    // SAFETY: a valid table; the name is passed with its length.
    table_entry(object, |table| unsafe {
        ext_php_rs::ffi::zend_hash_str_find(table, name.as_ptr().cast(), name.len())
    })
}

/// The value `find` returns from `object`'s property table, through an indirect slot and a
/// reference; `None` when it is missing or null.
fn table_entry(
    object: &ZendObject,
    find: impl FnOnce(*mut HashTable) -> *mut zval,
) -> Option<&Zval> {
    let object_ptr = std::ptr::from_ref(object).cast_mut();
    // SAFETY: a live object; `get_properties` returns its property table, built on first use
    // and owned by the object.
    let table = unsafe { ((*(*object_ptr).handlers).get_properties?)(object_ptr) };
    if table.is_null() {
        return None;
    }
    let found = find(table);
    // SAFETY: NULL or a zval of the table, which lives as long as the object.
    let mut value = unsafe { found.cast::<Zval>().as_ref() }?;
    if type_byte(value) == IS_INDIRECT {
        // SAFETY: an indirect slot points at the declared property's zval in the object.
        value = unsafe { value.value.zv.cast::<Zval>().as_ref() }?;
    }
    let value = value.dereference();
    (!matches!(type_byte(value), IS_NULL | IS_UNDEF)).then_some(value)
}

/// The engine's type byte of `value` (`Z_TYPE`): compared directly, without the conversion to
/// a `DataType` that `get_type()` makes on each of the lookups every call runs.
fn type_byte(value: &Zval) -> u32 {
    // SAFETY: every initialised zval has its type in the low byte of `u1`.
    u32::from(unsafe { value.u1.v.type_ })
}

/// `HASH_FLAG_PACKED` (Zend/zend_types.h): the table is a plain list of zvals, no buckets.
const HASH_FLAG_PACKED: u32 = 1 << 2;

/// The entry of `table` under the interned string `name`, or NULL: the first bucket when it
/// holds `name` (where [`attach`] puts `connection` in an object with no other property yet,
/// the usual one), checked by pointer before the engine's hash lookup. Keys are unique, so a
/// live first bucket under `name` is the entry the lookup would find.
///
/// # Safety
/// `table` is a valid hashtable and `name` an interned string.
#[inline(always)]
unsafe fn find_interned(table: *mut HashTable, name: *mut zend_string) -> *mut zval {
    // SAFETY: a valid table; a table that is not packed has `nNumUsed` buckets at `arData`.
    unsafe {
        let header = &*table;
        if header.nNumUsed > 0 && header.u.flags & HASH_FLAG_PACKED == 0 {
            let first = header.__bindgen_anon_1.arData;
            if (*first).key == name && u32::from((*first).val.u1.v.type_) != IS_UNDEF {
                return std::ptr::addr_of_mut!((*first).val);
            }
        }
        zend_hash_find_known_hash(table, name)
    }
}

/// The pool behind `object`'s `connection` property. Inlined: every call of a data
/// operation starts with it.
#[inline(always)]
pub fn lookup(object: &ZendObject) -> Connection {
    let name = CONNECTION_NAME.load(Ordering::Acquire);
    let found = if name.is_null() {
        table_property(object, "connection")
    } else {
        // SAFETY: a valid table and an interned (so hashed) string.
        table_entry(object, |table| unsafe { find_interned(table, name) })
    };
    let Some(value) = found else {
        return Connection::Missing;
    };
    if type_byte(value) != IS_RESOURCE {
        return Connection::Invalid;
    }
    // SAFETY: a resource zval holds a valid zend_resource pointer.
    let resource = unsafe { &*value.value.res };
    if resource.type_ != RESOURCE_TYPE.load(Ordering::Acquire) || resource.ptr.is_null() {
        return Connection::Invalid;
    }
    // SAFETY: resources of our type point to a live SharedPool (see `attach`).
    let pool = unsafe { &*resource.ptr.cast::<SharedPool>() };
    Connection::Pool(pool.clone())
}

/// Creates a resource for `pool` and stores it in `object`'s `connection` property.
pub fn attach(object: &ZendObject, pool: SharedPool) {
    let pointer = Box::into_raw(Box::new(pool)).cast::<c_void>();
    // SAFETY: registers our own pointer under our resource type; `destroy` frees it.
    let resource =
        unsafe { zend_register_resource(pointer, RESOURCE_TYPE.load(Ordering::Acquire)) };
    let mut value = Zval::new();
    value.value.res = resource;
    value.u1.type_info = ZvalTypeFlags::ResourceEx.bits();
    let name = CONNECTION_NAME.load(Ordering::Acquire);
    if name.is_null() {
        write_property(object, "connection", &mut value);
        return;
    }
    let object_ptr = std::ptr::from_ref(object).cast_mut();
    // SAFETY: a live object and a live interned string; the engine copies the value.
    unsafe {
        zend_update_property_ex(
            (*object_ptr).ce,
            object_ptr,
            name,
            std::ptr::from_mut(&mut value).cast(),
        );
    }
}
