//! The two classes of the API, `MemcachePool` and `Memcache`, as the API table and the argument
//! checks name them: their PHP names, their class entries once registered
//! ([`classes`](super::classes) registers them), and the check that an argument is an instance.

use std::sync::atomic::{AtomicPtr, Ordering};

use ext_php_rs::types::Zval;
use ext_php_rs::zend::ClassEntry;

use crate::php::args::{self, ArgError};
use crate::php::pool_object::PoolObject;

/// One of the two classes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    /// `MemcachePool`.
    MemcachePool,
    /// `Memcache extends MemcachePool`.
    Memcache,
}

/// The class entries, set at registration (in [`Class`] order).
static ENTRIES: [AtomicPtr<ClassEntry>; 2] = [
    AtomicPtr::new(std::ptr::null_mut()),
    AtomicPtr::new(std::ptr::null_mut()),
];

impl Class {
    /// Both, in registration order (the parent first).
    pub const ALL: [Class; 2] = [Class::MemcachePool, Class::Memcache];

    /// The PHP name.
    pub fn name(self) -> &'static str {
        match self {
            Class::MemcachePool => "MemcachePool",
            Class::Memcache => "Memcache",
        }
    }

    /// Keeps the class entry the engine registered.
    pub fn set_entry(self, entry: &'static mut ClassEntry) {
        ENTRIES[self as usize].store(entry, Ordering::Release);
    }

    /// The class entry, once registered.
    pub fn entry(self) -> Option<&'static ClassEntry> {
        // SAFETY: set once at startup to a class entry that lives for the process.
        unsafe { ENTRIES[self as usize].load(Ordering::Acquire).as_ref() }
    }

    /// The object `zval` holds if it is an instance of this class, else PHP's `TypeError` for
    /// argument #1 (`memcache_get(): Argument #1 ($memcache) must be of type MemcachePool,
    /// string given`).
    ///
    /// # Errors
    /// [`ArgError`] with the `TypeError` pending.
    pub fn instance(self, zval: &Zval) -> Result<PoolObject<'_>, ArgError> {
        let object = self
            .entry()
            .and_then(|class| zval.dereference().object().filter(|o| o.instance_of(class)));
        match object {
            Some(object) => Ok(PoolObject(object)),
            None => Err(args::wrong_class(1, self.name(), zval)),
        }
    }
}
