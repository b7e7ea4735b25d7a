//! Key hash functions selected by `memcache.hash_function`.
//!
//! Server selection (the hash ring in `pool::ring`) must be bit-exact with the C
//! extension, otherwise every key would move to a different server when a fleet switches from
//! the C extension to this one. The two functions are IEEE CRC-32 and the C extension's
//! FNV-1a variant, which sign-extends bytes >= 0x80 as x86-64 `char` does.

use std::sync::OnceLock;

/// `memcache.hash_function`
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum HashFunction {
    /// IEEE CRC-32, identical to PHP's `crc32()` (`memcache.hash_function=crc32`, the default).
    #[default]
    Crc32,
    /// FNV-1a 32 with the C extension's x86-64 signed-char quirk (`memcache.hash_function=fnv`).
    Fnv,
}

impl HashFunction {
    /// Hash of `data`.
    #[inline]
    pub fn hash(self, data: &[u8]) -> u32 {
        match self {
            HashFunction::Crc32 => crc32(data),
            HashFunction::Fnv => fnv1a_x86(data),
        }
    }

    /// Hash of the concatenation of `parts`, computed without building the concatenation.
    ///
    /// Used for `"<key>-<n>"` failover probing and `"<host>:<port>-<i>"` ring points.
    #[inline]
    pub fn hash_parts(self, parts: &[&[u8]]) -> u32 {
        match self {
            HashFunction::Crc32 => {
                let mut hasher = crc32_hasher();
                for part in parts {
                    hasher.update(part);
                }
                hasher.finalize()
            }
            HashFunction::Fnv => parts.iter().fold(FNV_OFFSET_BASIS, |state, part| {
                fnv1a_x86_update(state, part)
            }),
        }
    }
}

/// IEEE CRC-32 (reflected polynomial 0xEDB88320), identical to zlib's and PHP's `crc32()`.
#[inline]
pub fn crc32(data: &[u8]) -> u32 {
    let mut hasher = crc32_hasher();
    hasher.update(data);
    hasher.finalize()
}

/// A fresh CRC-32 hasher. `crc32fast` detects the CPU's instructions in every constructor;
/// cloning a prototype made once skips that for each of the keys a multi-key call hashes.
fn crc32_hasher() -> crc32fast::Hasher {
    static PROTOTYPE: OnceLock<crc32fast::Hasher> = OnceLock::new();
    PROTOTYPE.get_or_init(crc32fast::Hasher::new).clone()
}

/// FNV-1a 32 as computed by the C extension on x86-64.
///
/// The C code XORs a plain `char`, which is signed on x86-64, so every byte >= 0x80 is
/// sign-extended (`0xFFFFFF00 | b`) before the XOR. ASCII input gives textbook FNV-1a.
#[inline]
pub fn fnv1a_x86(data: &[u8]) -> u32 {
    fnv1a_x86_update(FNV_OFFSET_BASIS, data)
}

const FNV_OFFSET_BASIS: u32 = 0x811C_9DC5;
const FNV_PRIME: u32 = 0x0100_0193;

#[inline]
fn fnv1a_x86_update(state: u32, data: &[u8]) -> u32 {
    data.iter().fold(state, |state, &byte| {
        // `as i8 as i32 as u32` is the C `(unsigned int)(char)byte` conversion on x86-64.
        (state ^ (byte as i8 as i32 as u32)).wrapping_mul(FNV_PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Textbook FNV-1a (unsigned bytes), to show where the C extension's variant differs.
    fn fnv1a_textbook(data: &[u8]) -> u32 {
        data.iter().fold(FNV_OFFSET_BASIS, |state, &byte| {
            (state ^ u32::from(byte)).wrapping_mul(FNV_PRIME)
        })
    }

    #[test]
    fn crc32_matches_php() {
        assert_eq!(crc32(b"foo"), 2356372769);
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"localhost:11211-0"), 1982953192);
        assert_eq!(crc32(b"localhost:11212-0"), 1954007217);
        // php -r 'echo crc32("caf\xc3\xa9");'
        assert_eq!(crc32("café".as_bytes()), 2561491637);
        assert_eq!(HashFunction::Crc32.hash(b"foo"), 2356372769);
    }

    #[test]
    fn fnv_matches_textbook_for_ascii() {
        assert_eq!(fnv1a_x86(b"foo"), 0xa9f37ed7);
        assert_eq!(fnv1a_x86(b""), FNV_OFFSET_BASIS);
        assert_eq!(HashFunction::Fnv.hash(b"foo"), 0xa9f37ed7);
        assert_eq!(fnv1a_x86(b"foo"), fnv1a_textbook(b"foo"));
    }

    /// Expected values from an independent Python model of the C extension's `fnv1a` and
    /// `crc32`.
    #[test]
    fn non_ascii_matches_python_model() {
        let high_bytes: Vec<u8> = (0x80..=0xff).collect();
        let cases: [(&[u8], u32, u32); 5] = [
            ("ключ".as_bytes(), 212833818, 0xafd617e1),
            ("日本語".as_bytes(), 2819314405, 0x125c3fe7),
            ("café".as_bytes(), 2561491637, 0x7572c049),
            (b"\xff", 4278190080, 0xf9f3a14e),
            (&high_bytes, 1179250845, 0x3f36c845),
        ];
        for (data, expected_crc32, expected_fnv) in cases {
            assert_eq!(crc32(data), expected_crc32, "crc32 {data:?}");
            assert_eq!(fnv1a_x86(data), expected_fnv, "fnv {data:?}");
            assert_ne!(fnv1a_x86(data), fnv1a_textbook(data), "quirk {data:?}");
        }
    }

    #[test]
    fn hash_parts_equals_hash_of_concatenation() {
        let parts: [&[u8]; 5] = [b"unix:///tmp/m\xc3\xa9.sock", b":", b"0", b"-", b"159"];
        let joined = parts.concat();
        for function in [HashFunction::Crc32, HashFunction::Fnv] {
            assert_eq!(function.hash_parts(&parts), function.hash(&joined));
            assert_eq!(function.hash_parts(&[]), function.hash(b""));
            assert_eq!(
                function.hash_parts(&[b"", b"foo", b""]),
                function.hash(b"foo")
            );
        }
        assert_eq!(
            HashFunction::Crc32.hash_parts(&[b"localhost", b":", b"11211", b"-", b"0"]),
            1982953192
        );
    }

    #[test]
    fn default_is_crc32() {
        assert_eq!(HashFunction::default(), HashFunction::Crc32);
    }
}
