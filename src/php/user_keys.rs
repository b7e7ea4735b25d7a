//! The keys of a multi-key get, prepared for the wire and as the user gave them. A result
//! array takes the user's own string as the key of a value whenever the prepared key is that
//! string unchanged (no prefix, nothing truncated or replaced): the key is then neither copied
//! nor hashed again, as PHP keeps a string's hash in it once computed.

use std::borrow::Cow;
use std::marker::PhantomData;

use ext_php_rs::ffi::{self, zend_string};
use ext_php_rs::types::{ZendHashTable, Zval};

use crate::compat::php_number::array_index;
use crate::key::KeyList;
use crate::php::args::{self, ArgError};
use crate::php::{convert, errors, prefix};

/// Prepared keys, each with the user's string when it is the prepared key byte for byte.
pub struct UserKeys<'z> {
    /// The prepared keys, in the order they were given (invalid ones left out).
    pub prepared: KeyList,
    /// Per prepared key, the user's string it equals, or null.
    strings: Vec<*mut zend_string>,
    /// The strings belong to the zvals the keys were read from.
    zvals: PhantomData<&'z Zval>,
}

impl<'z> UserKeys<'z> {
    /// An empty list with room for `keys` keys.
    pub fn with_capacity(keys: usize) -> Self {
        UserKeys {
            prepared: KeyList::with_capacity(keys),
            strings: Vec::with_capacity(keys),
            zvals: PhantomData,
        }
    }

    /// Prepares the key argument `zval` (a string, or what converts to one) and appends it;
    /// an empty key gets the C extension's `Invalid key` warning and is left out.
    ///
    /// # Errors
    /// [`ArgError`] when converting the value to a string threw.
    pub fn push(&mut self, zval: &'z Zval) -> Result<(), ArgError> {
        let raw = args::key_bytes(zval)?;
        if !prefix::push(&mut self.prepared, &raw) {
            errors::warning("Invalid key");
            return Ok(());
        }
        let last = self.prepared.get(self.prepared.len() - 1);
        // Only a string held by the argument itself: one behind a PHP reference could be
        // replaced, and freed, by user code that runs before the result is built.
        let string = match raw {
            Cow::Borrowed(bytes) if zval.is_string() && bytes == last => {
                // SAFETY: `zval` is a string.
                unsafe { zval.value.str_ }
            }
            _ => std::ptr::null_mut(),
        };
        self.strings.push(string);
        Ok(())
    }

    /// Inserts `value` into `table` under prepared key `index`, by PHP's array-key rules as
    /// [`convert::insert`] does: under the user's string when there is one and the key is no
    /// canonical integer.
    pub fn insert(&self, table: &mut ZendHashTable, index: usize, value: Zval) {
        let key = self.prepared.get(index);
        let string = self.strings[index];
        if string.is_null() || array_index(key).is_some() {
            convert::insert(table, key, value);
            return;
        }
        let mut value = value;
        // SAFETY: `table` is a live hashtable and `string` a live zend_string: the zvals the
        // keys were read from (an array argument, which the call holds) outlive `self`.
        // zend_hash_update takes a reference to the key and takes over `value`, so our copy is
        // forgotten without running its destructor.
        unsafe {
            ffi::zend_hash_update(table, string, std::ptr::from_mut(&mut value).cast());
        }
        std::mem::forget(value);
    }
}
