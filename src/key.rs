//! Key preparation.
//!
//! Every operation, `findServer` and the session handler turn the user's key into the bytes
//! that are hashed for server selection, sent on the wire and echoed back as array keys. The
//! C extension never rejects a key for its content: it prefixes, silently truncates and
//! sanitises it. Doing exactly the same keeps keys shared with C-extension workers.

use std::mem::MaybeUninit;

/// Longest key memcached accepts; longer prepared keys are truncated silently.
pub const MAX_KEY_LEN: usize = 250;

/// Byte that replaces every control character, NUL and space in a prepared key.
const REPLACEMENT: u8 = b'_';

/// Prepares `key` for the wire.
///
/// Returns `None` when `key` is empty (the prefix does not rescue an empty key). Otherwise
/// returns `prefix` followed by `key`, truncated silently to [`MAX_KEY_LEN`] bytes, with every
/// byte <= 0x20 replaced by `b'_'`. DEL and bytes >= 0x80 are kept.
pub fn prepare(prefix: &[u8], key: &[u8]) -> Option<PreparedKey> {
    let mut prepared = PreparedKey::empty();
    prepare_in_place(&mut prepared, prefix, key).then_some(prepared)
}

/// [`prepare`] into `out`, where the caller keeps it: a single-key call builds its key once
/// instead of moving its 250 bytes from frame to frame. False, leaving `out` empty, when `key`
/// is empty.
// A hint the compiler needs: out of line, the call and its register saving cost more than
// preparing a short key does.
#[inline]
pub fn prepare_in_place(out: &mut PreparedKey, prefix: &[u8], key: &[u8]) -> bool {
    out.len = 0;
    let Some((prefix, key)) = truncated(prefix, key) else {
        return false;
    };
    let len = prefix.len() + key.len();
    if !prefix.is_empty() {
        out.bytes[..prefix.len()].write_copy_of_slice(prefix);
    }
    out.bytes[prefix.len()..len].write_copy_of_slice(key);
    out.len = len;
    sanitise(out.bytes_mut());
    true
}

/// True when `key` is its own prepared form with `prefix` (see [`prepare`]): no prefix, not
/// empty, not too long, no byte to replace. A caller may then send the key as it is.
pub fn is_prepared(prefix: &[u8], key: &[u8]) -> bool {
    prefix.is_empty()
        && !key.is_empty()
        && key.len() <= MAX_KEY_LEN
        && first_control_or_space(key).is_none()
}

/// One prepared key, held inline (it is never longer than [`MAX_KEY_LEN`]): a single-key call
/// prepares its key without allocating, and without clearing the bytes it does not use.
/// Derefs to its bytes.
#[derive(Clone)]
pub struct PreparedKey {
    /// The key in the first `len` bytes (written); the others are never read.
    bytes: [MaybeUninit<u8>; MAX_KEY_LEN],
    len: usize,
}

impl PreparedKey {
    /// An empty key, for [`prepare_in_place`] to fill.
    pub fn empty() -> Self {
        PreparedKey {
            bytes: [const { MaybeUninit::uninit() }; MAX_KEY_LEN],
            len: 0,
        }
    }

    /// The key's bytes, to sanitise in place.
    fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: the first `len` bytes were written (see the field).
        unsafe { self.bytes[..self.len].assume_init_mut() }
    }
}

impl std::ops::Deref for PreparedKey {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were written (see the field).
        unsafe { self.bytes[..self.len].assume_init_ref() }
    }
}

impl PartialEq for PreparedKey {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for PreparedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PreparedKey({:?})", String::from_utf8_lossy(self))
    }
}

/// The parts of `prefix` and `key` that fit in [`MAX_KEY_LEN`] bytes, prefix first; `None`
/// when `key` is empty.
fn truncated<'p, 'k>(prefix: &'p [u8], key: &'k [u8]) -> Option<(&'p [u8], &'k [u8])> {
    if key.is_empty() {
        return None;
    }
    let prefix = &prefix[..prefix.len().min(MAX_KEY_LEN)];
    Some((prefix, &key[..key.len().min(MAX_KEY_LEN - prefix.len())]))
}

/// Replaces every byte <= 0x20 with [`REPLACEMENT`].
fn sanitise(bytes: &mut [u8]) {
    if let Some(first) = first_control_or_space(bytes) {
        replace_from(&mut bytes[first..]);
    }
}

/// Replaces every byte <= 0x20 of `bytes` with [`REPLACEMENT`]. Out of line: keys seldom have
/// one, and the key builders that call [`sanitise`] stay small enough to be inlined.
#[cold]
#[inline(never)]
fn replace_from(bytes: &mut [u8]) {
    for byte in bytes {
        if *byte <= b' ' {
            *byte = REPLACEMENT;
        }
    }
}

/// Position of the first byte of `bytes` that a prepared key may not hold, which is also where
/// the key of a reply's VALUE line ends: a control character below 0x20, or space (DEL and
/// bytes >= 0x80 are kept, see [`prepare`]). Keys seldom have one: eight bytes are tested at a
/// time (the last word overlapping the one before), a few instructions per word where a test
/// per byte costs that per byte.
pub(crate) fn first_control_or_space(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);
    // The position of the first byte below 0x21 in the word at `start`, if there is one. The
    // high bit is set of each such byte (not of bytes from 0x80 up), and maybe of bytes after
    // one, through the borrow: the lowest bit set marks the first.
    let find = |start: usize| {
        let word = u64::from_le_bytes(bytes[start..start + 8].try_into().unwrap_or_default());
        let low = word.wrapping_sub(ONES * 0x21) & !word & HIGH_BITS;
        (low != 0).then(|| start + low.trailing_zeros() as usize / 8)
    };
    let Some(last) = bytes.len().checked_sub(8) else {
        return bytes.iter().position(|&b| b <= b' ');
    };
    let mut start = 0;
    while start < last {
        if let Some(at) = find(start) {
            return Some(at);
        }
        start += 8;
    }
    // Its bytes shared with the word before hold no byte to find.
    find(last)
}

/// Appends the prepared form of `key` (see [`prepare`]) to `out`; false, appending nothing,
/// when `key` is empty.
fn prepare_into(prefix: &[u8], key: &[u8], out: &mut Vec<u8>) -> bool {
    let Some((prefix, key)) = truncated(prefix, key) else {
        return false;
    };
    let start = out.len();
    out.reserve(prefix.len() + key.len());
    out.extend_from_slice(prefix);
    out.extend_from_slice(key);
    sanitise(&mut out[start..]);
    true
}

/// The prepared keys of a multi-key call, back to back in one buffer: a 100-key call makes
/// two allocations instead of a hundred.
#[derive(Debug, Default)]
pub struct KeyList {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl KeyList {
    /// An empty list with room for `keys` keys of a typical length.
    pub fn with_capacity(keys: usize) -> Self {
        KeyList {
            bytes: Vec::with_capacity(keys * 32),
            ends: Vec::with_capacity(keys),
        }
    }

    /// Appends the prepared form of `key` (see [`prepare`]); false, adding nothing, when `key`
    /// is empty.
    pub fn push(&mut self, prefix: &[u8], key: &[u8]) -> bool {
        let added = prepare_into(prefix, key, &mut self.bytes);
        if added {
            self.ends.push(self.bytes.len());
        }
        added
    }

    /// Removes the last key added.
    pub fn pop(&mut self) {
        if self.ends.pop().is_some() {
            self.bytes.truncate(self.ends.last().copied().unwrap_or(0));
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when no key was added.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `index`-th key.
    pub fn get(&self, index: usize) -> &[u8] {
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.bytes[start..self.ends[index]]
    }

    /// The keys in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// The host part of a key prefix (`memcache.prefix_host_key`): the request's server name,
/// without a leading `www.` (any case) when `remove_www`, and reduced to its last two labels
/// (`shop.example.com` → `example.com`) when `remove_subdomain`.
pub fn host_prefix(server_name: &[u8], remove_www: bool, remove_subdomain: bool) -> &[u8] {
    let mut host = server_name;
    if remove_www && host.len() >= 4 && host[..4].eq_ignore_ascii_case(b"www.") {
        host = &host[4..];
    }
    if remove_subdomain {
        let dots: Vec<usize> = host
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'.')
            .map(|(i, _)| i)
            .collect();
        if dots.len() >= 2 {
            host = &host[dots[dots.len() - 2] + 1..];
        }
    }
    host
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`first_control_or_space`] finds, a byte at a time.
    fn first_control_or_space_plainly(bytes: &[u8]) -> Option<usize> {
        bytes.iter().position(|&b| b <= b' ')
    }

    #[test]
    fn forbidden_bytes_are_exactly_controls_below_0x20_and_space() {
        for byte in 0..=u8::MAX {
            let forbidden = byte <= 0x20;
            assert_eq!(
                first_control_or_space(&[byte]).is_some(),
                forbidden,
                "{byte:#x}"
            );
        }
        assert_eq!(first_control_or_space(b"\x7f"), None, "DEL is kept");
    }

    #[test]
    fn first_control_or_space_is_found_at_every_position_and_value() {
        for len in 1..=33 {
            for position in 0..len {
                for value in 0..=u8::MAX {
                    // Around it: plain key bytes, bytes from 0x80 up (which must not hide or
                    // fake it), and the same again with a forbidden byte after it.
                    for filler in [b'k', 0xff, 0x80, 0x21, 0x7f] {
                        let mut key = vec![filler; len];
                        key[position] = value;
                        let expected = (value <= b' ').then_some(position);
                        assert_eq!(first_control_or_space(&key), expected, "{key:?}");
                        for later in position + 1..len {
                            let mut key = key.clone();
                            key[later] = b' ';
                            let expected = Some(if value <= b' ' { position } else { later });
                            assert_eq!(first_control_or_space(&key), expected, "{key:?}");
                        }
                    }
                }
            }
        }
        assert_eq!(first_control_or_space(b""), None);
    }

    #[test]
    fn first_control_or_space_agrees_with_a_plain_loop() {
        // Keys of every length up to a long one, from bytes that are mostly allowed: a
        // forbidden byte now and then, borrows across words, bytes from 0x80 up.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in 0..=MAX_KEY_LEN + 10 {
            for _ in 0..200 {
                let key: Vec<u8> = (0..len)
                    .map(|_| match next() % 64 {
                        0 => (next() % 0x21) as u8,
                        1..=8 => 0x80 | next() as u8,
                        9 => 0x21,
                        _ => b'a' + (next() % 26) as u8,
                    })
                    .collect();
                assert_eq!(
                    first_control_or_space(&key),
                    first_control_or_space_plainly(&key),
                    "{key:?}"
                );
            }
        }
    }

    fn prepared(prefix: &[u8], key: &[u8]) -> Vec<u8> {
        prepare(prefix, key).expect("non-empty key").to_vec()
    }

    #[test]
    fn key_list_holds_prepared_keys_and_skips_empty_ones() {
        let mut list = KeyList::with_capacity(2);
        assert!(list.push(b"p_", b"a b"));
        assert!(!list.push(b"p_", b""));
        assert!(list.push(b"", &[b'x'; 300]));
        assert_eq!(list.len(), 2);
        assert_eq!(list.get(0), b"p_a_b");
        assert_eq!(list.get(1), &[b'x'; MAX_KEY_LEN][..]);
        let keys: Vec<&[u8]> = list.iter().collect();
        assert_eq!(keys, [&b"p_a_b"[..], &[b'x'; MAX_KEY_LEN][..]]);
        list.pop();
        assert!(list.push(b"", b"c"));
        assert_eq!(list.iter().collect::<Vec<_>>(), [&b"p_a_b"[..], b"c"]);
        list.pop();
        list.pop();
        list.pop();
        assert!(list.is_empty());
        assert!(list.push(b"", b"d"));
        assert_eq!(list.get(0), b"d");
    }

    #[test]
    fn a_key_is_prepared_when_preparing_keeps_it() {
        let long = [b'k'; MAX_KEY_LEN + 1];
        for (prefix, key) in [
            (&b""[..], &b"k"[..]),
            (b"", b"user:1\x7f\xff"),
            (b"", b""),
            (b"", b"a b"),
            (b"", b"a\x01b"),
            (b"", b" key"),
            (b"", b"key\0"),
            (b"", b"twelve bytes"),
            (b"", b"twelve_bytes"),
            (b"", b"twelve_byte\n"),
            (b"", &long[..MAX_KEY_LEN]),
            (b"", &long),
            (b"p_", b"k"),
        ] {
            let kept = prepare(prefix, key).is_some_and(|prepared| *prepared == *key);
            assert_eq!(is_prepared(prefix, key), kept, "{prefix:?} {key:?}");
        }
    }

    #[test]
    fn empty_key_is_invalid_even_with_prefix() {
        assert_eq!(prepare(b"", b""), None);
        assert_eq!(prepare(b"app_", b""), None);
    }

    #[test]
    fn plain_keys_are_unchanged() {
        assert_eq!(prepared(b"", b"foo"), b"foo");
        assert_eq!(prepared(b"", b"user:1"), b"user:1");
        assert_eq!(prepared(b"", b"cache:page:1"), b"cache:page:1");
    }

    #[test]
    fn whitespace_and_controls_become_underscore() {
        for key in [
            &b"a b"[..],
            b"a\tb",
            b"a\nb",
            b"a\0b",
            b"a\rb",
            b"a\x1fb",
            b"a\x0bb",
        ] {
            assert_eq!(prepared(b"", key), b"a_b", "{key:?}");
        }
        assert_eq!(prepared(b"", b"hello world"), b"hello_world");
        assert_eq!(
            prepared(b"", b"test\r\n\0 - really strange key"),
            b"test____-_really_strange_key"
        );
        assert_eq!(prepared(b"", b" "), b"_");
        assert_eq!(prepared(b"", b"\0"), b"_");
        let all_low: Vec<u8> = (0..=0x20).collect();
        assert_eq!(prepared(b"", &all_low), vec![b'_'; 0x21]);
    }

    #[test]
    fn every_byte_is_sanitised_at_every_position() {
        for len in 1..=20 {
            for position in 0..len {
                for byte in 0..=u8::MAX {
                    let mut key = vec![b'k'; len];
                    key[position] = byte;
                    let mut expected = key.clone();
                    if byte <= b' ' {
                        expected[position] = b'_';
                    }
                    assert_eq!(prepared(b"", &key), expected, "{key:?}");
                }
            }
        }
    }

    #[test]
    fn del_and_high_bytes_are_kept() {
        assert_eq!(prepared(b"", b"a\x7fb"), b"a\x7fb");
        assert_eq!(prepared(b"", "ключ ü".as_bytes()), "ключ_ü".as_bytes());
        let high: Vec<u8> = (0x21..=0xff).collect();
        assert_eq!(prepared(b"", &high), high);
    }

    #[test]
    fn prefix_is_prepended_and_sanitised() {
        assert_eq!(
            prepared(b"app2_shop.example.com", b"pk"),
            b"app2_shop.example.compk"
        );
        assert_eq!(prepared(b"my app ", b"k"), b"my_app_k");
    }

    #[test]
    fn truncates_silently_to_250_bytes() {
        let long_key = vec![b'x'; 260];
        let prepared_long = prepared(b"", &long_key);
        assert_eq!(prepared_long.len(), MAX_KEY_LEN);
        assert_eq!(prepared_long, prepared(b"", &long_key[..250]));
        assert_eq!(prepared(b"", &long_key[..249]).len(), 249);

        let mut prefixed = prepared(b"pre ", &long_key);
        assert_eq!(prefixed.len(), MAX_KEY_LEN);
        assert_eq!(&prefixed[..4], b"pre_");
        prefixed.drain(..4);
        assert_eq!(prefixed, vec![b'x'; 246]);

        // Truncation happens before sanitising, so a space beyond byte 250 never matters.
        let mut with_tail = vec![b'k'; 250];
        with_tail.extend_from_slice(b" tail");
        assert_eq!(prepared(b"", &with_tail), vec![b'k'; 250]);
    }

    #[test]
    fn prefix_longer_than_limit_leaves_only_prefix() {
        let prefix = vec![b'p'; 300];
        assert_eq!(prepared(&prefix, b"key"), vec![b'p'; 250]);
    }

    #[test]
    fn host_prefix_strips_www_and_subdomains_on_request() {
        assert_eq!(host_prefix(b"www.example.com", true, false), b"example.com");
        assert_eq!(host_prefix(b"WWW.Example.com", true, false), b"Example.com");
        assert_eq!(
            host_prefix(b"www.example.com", false, false),
            b"www.example.com"
        );
        assert_eq!(
            host_prefix(b"shop.example.com", false, true),
            b"example.com"
        );
        assert_eq!(
            host_prefix(b"a.b.shop.example.com", true, true),
            b"example.com"
        );
        assert_eq!(host_prefix(b"example.com", true, true), b"example.com");
        assert_eq!(host_prefix(b"localhost", true, true), b"localhost");
        assert_eq!(host_prefix(b"", true, true), b"");
    }
}
