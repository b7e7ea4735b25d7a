//! Binary-safe iteration over PHP arrays. ext-php-rs' own iterator converts string keys to
//! Rust `String`s and panics on keys that are not UTF-8; memcache keys are arbitrary bytes, so
//! the entries are read straight from the engine's hashtable layout (PHP 8.2).

use ext_php_rs::ffi::{zend_string, Bucket};
use ext_php_rs::types::{ZendHashTable, Zval};

/// `HASH_FLAG_PACKED`: a list without keys, stored as bare zvals.
const HASH_FLAG_PACKED: u32 = 1 << 2;

/// The key of an array entry.
pub enum EntryKey<'a> {
    /// An integer key.
    Index(i64),
    /// A string key, as bytes.
    Bytes(&'a [u8]),
}

impl EntryKey<'_> {
    /// The key as PHP would turn it into a string (integers in decimal).
    pub fn to_bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        match self {
            EntryKey::Index(i) => std::borrow::Cow::Owned(i.to_string().into_bytes()),
            EntryKey::Bytes(b) => std::borrow::Cow::Borrowed(b),
        }
    }
}

/// The entries of `array` in order, with their keys; references are not dereferenced.
pub fn entries(array: &ZendHashTable) -> impl Iterator<Item = (EntryKey<'_>, &Zval)> {
    // SAFETY: reading the layout of a live hashtable; `nNumUsed` slots are initialised and
    // holes are IS_UNDEF, which are skipped. The array outlives the iterator.
    let packed = unsafe { array.u.flags } & HASH_FLAG_PACKED != 0;
    let used = array.nNumUsed as usize;
    let data = unsafe { array.__bindgen_anon_1.arData };
    let values = unsafe { array.__bindgen_anon_1.arPacked };
    (0..used).filter_map(move |i| {
        if packed {
            // SAFETY: see above; packed arrays store zvals whose index is the key.
            let value = unsafe { &*values.add(i).cast::<Zval>() };
            (!is_undef(value)).then_some((EntryKey::Index(i as i64), value))
        } else {
            // SAFETY: see above.
            let bucket: &Bucket = unsafe { &*data.add(i) };
            let value = unsafe { &*std::ptr::from_ref(&bucket.val).cast::<Zval>() };
            if is_undef(value) {
                return None;
            }
            let key = if bucket.key.is_null() {
                EntryKey::Index(bucket.h as i64)
            } else {
                // SAFETY: a non-null bucket key is a live zend_string.
                EntryKey::Bytes(unsafe { zend_bytes(bucket.key) })
            };
            Some((key, value))
        }
    })
}

/// An empty slot (`IS_UNDEF`): a deleted entry.
fn is_undef(value: &Zval) -> bool {
    // SAFETY: every zval has an initialised type word.
    let type_info = unsafe { value.u1.type_info };
    type_info & 0xff == 0
}

/// The bytes of a zend_string.
///
/// # Safety
/// `s` is a live zend_string.
unsafe fn zend_bytes<'a>(s: *mut zend_string) -> &'a [u8] {
    // SAFETY: guaranteed by the caller; ZendStr is the ext-php-rs view of zend_string.
    unsafe { (*s.cast::<ext_php_rs::types::ZendStr>()).as_bytes() }
}
