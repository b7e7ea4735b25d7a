//! The keys of a call, prepared for the wire and as the user gave them. A user's key string
//! that is its own prepared form (no prefix, nothing truncated or replaced) is used as it is:
//! its bytes go on the wire without a copy (the key of a single-key call as well as those of a
//! multi-key get), and a result array takes the string itself as the key of its value, neither
//! copied nor hashed again (PHP keeps a string's hash in it once computed).

use ext_php_rs::ffi::{self, zend_string, IS_STRING};
use ext_php_rs::types::{ZendHashTable, Zval};

use crate::compat::php_number::array_index;
use crate::key::KeyList;
use crate::php::args::{self, type_byte, ArgError};
use crate::php::{convert, errors, prefix};

/// The bytes of the key argument `zval` when they are their own prepared form, to go on the
/// wire as they are. Only a string held by the argument itself: one behind a PHP reference
/// could be replaced, and freed, by user code (an event callback) that runs while the call
/// still uses it.
#[inline]
pub fn as_prepared(zval: &Zval) -> Option<&[u8]> {
    if type_byte(zval) != IS_STRING {
        return None;
    }
    // SAFETY: a string zval holds a live zend_string.
    let bytes = unsafe { (*zval.value.str_).as_bytes() };
    prefix::is_prepared(bytes).then_some(bytes)
}

/// Where one key is.
enum Entry<'z> {
    /// The user's string, which is the prepared key.
    User {
        string: *mut zend_string,
        bytes: &'z [u8],
    },
    /// The prepared key at this index of [`UserKeys::changed`].
    Changed(usize),
}

/// The valid keys of a call, in the order they were given.
pub struct UserKeys<'z> {
    entries: Vec<Entry<'z>>,
    /// The keys that preparing changed.
    changed: KeyList,
}

impl<'z> UserKeys<'z> {
    /// An empty list with room for `keys` keys.
    pub fn with_capacity(keys: usize) -> Self {
        UserKeys {
            entries: Vec::with_capacity(keys),
            changed: KeyList::default(),
        }
    }

    /// Prepares the key argument `zval` (a string, or what converts to one) and appends it;
    /// an empty key gets the C extension's `Invalid key` warning and is left out.
    ///
    /// # Errors
    /// [`ArgError`] when converting the value to a string threw.
    pub fn push(&mut self, zval: &'z Zval) -> Result<(), ArgError> {
        if let Some(bytes) = as_prepared(zval) {
            self.entries.push(Entry::User {
                // SAFETY: `zval` is a string (`as_prepared`).
                string: unsafe { zval.value.str_ },
                bytes,
            });
            return Ok(());
        }
        let raw = args::key_bytes(zval)?;
        if !prefix::push(&mut self.changed, &raw) {
            errors::warning("Invalid key");
            return Ok(());
        }
        self.entries.push(Entry::Changed(self.changed.len() - 1));
        Ok(())
    }

    /// The `index`-th key, prepared.
    #[inline]
    pub fn get(&self, index: usize) -> &[u8] {
        match self.entries[index] {
            Entry::User { bytes, .. } => bytes,
            Entry::Changed(changed) => self.changed.get(changed),
        }
    }

    /// The keys, prepared, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.entries.len()).map(|index| self.get(index))
    }

    /// Inserts `value` into `table` under key `index`, by PHP's array-key rules as
    /// [`convert::insert`] does: under the user's string when there is one and the key is no
    /// canonical integer.
    pub fn insert(&self, table: &mut ZendHashTable, index: usize, value: Zval) {
        let key = self.get(index);
        let Entry::User { string, .. } = self.entries[index] else {
            convert::insert(table, key, value);
            return;
        };
        // Only a key that starts like a number can be an integer key.
        if key
            .first()
            .is_some_and(|&b| b.is_ascii_digit() || b == b'-')
            && array_index(key).is_some()
        {
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
