//! Value encoding on the wire: flags, scalar text formats and zlib compression.
//!
//! C-extension workers and this extension share one cache during a rolling deploy, so a value
//! stored by either must read back identically in the other: the same flag bits, the same
//! `%.14g` float text, zlib streams at the same level (not byte-identical: see
//! [`COMPRESSION_LEVEL`]) and the same minimum-savings rule. The PHP layer serializes arrays,
//! objects and null first and hands this module plain bytes; unserializing is also left to the
//! PHP layer.

use std::borrow::Cow;

use flate2::{Compress, Decompress, FlushCompress, FlushDecompress, Status};

use crate::compat::sscanf::sscanf_lg;
use crate::compat::strtol::strtol;
use crate::compat::{decimal, printf};

/// Flag bits stored with every item.
pub mod flags {
    /// The value is PHP-`serialize()`d.
    pub const SERIALIZED: u32 = 1;
    /// The value is a zlib stream (`MEMCACHE_COMPRESSED`).
    pub const COMPRESSED: u32 = 2;
    /// Type nibble of unserialized values.
    pub const TYPE_MASK: u32 = 0x0F00;
    /// Type nibble of a string (also used for unknown type nibbles on read).
    pub const TYPE_STRING: u32 = 0;
    /// Type nibble of a bool, stored as `1` or `0`.
    pub const TYPE_BOOL: u32 = 0x100;
    /// Type nibble of an int, stored in decimal.
    pub const TYPE_LONG: u32 = 0x300;
    /// Type nibble of a float, stored as `%.14g`.
    pub const TYPE_DOUBLE: u32 = 0x700;
    /// `MEMCACHE_USER1`
    pub const USER1: u32 = 0x10000;
    /// `MEMCACHE_USER2`
    pub const USER2: u32 = 0x20000;
    /// `MEMCACHE_USER3`
    pub const USER3: u32 = 0x40000;
    /// `MEMCACHE_USER4`
    pub const USER4: u32 = 0x80000;
    /// Low 16 bits a user may not set (all but COMPRESSED).
    pub const RESERVED: u32 = 0xFFFF & !COMPRESSED;
}

/// A PHP value reduced to what goes on the wire (the PHP layer serializes arrays/objects/null
/// first).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    /// A PHP string.
    Str(&'a [u8]),
    /// A PHP int.
    Long(i64),
    /// A PHP float.
    Double(f64),
    /// A PHP bool.
    Bool(bool),
    /// The `serialize()` output of any other PHP value.
    Serialized(&'a [u8]),
}

/// Per-pool compression settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Compression {
    /// Strings and serialized values at least this long are compressed; 0 disables automatic
    /// compression (an explicit `MEMCACHE_COMPRESSED` flag still compresses).
    pub threshold: usize,
    /// Compressed data is kept only if it is at most `1 - min_savings` of the original size.
    pub min_savings: f64,
}

impl Default for Compression {
    /// `memcache.compress_threshold` default 20000 and `setCompressThreshold`'s default 0.2.
    fn default() -> Self {
        Compression {
            threshold: 20000,
            min_savings: 0.2,
        }
    }
}

/// The user's flags use bits reserved for the extension.
#[derive(Debug, thiserror::Error)]
#[error("The lowest two bytes of the flags array is reserved for pecl/memcache internal use")]
pub struct ReservedFlags;

/// A value ready to be stored: the flags and bytes to send.
#[derive(Debug, PartialEq)]
pub struct Encoded<'a> {
    /// Flags to store with the item (user flags plus type/serialized/compressed bits).
    pub flags: u32,
    /// Bytes to store: borrowed from the input when stored as-is.
    pub data: Cow<'a, [u8]>,
}

/// Encodes `value` for storage.
///
/// `user_flags` must already be truncated to 32 bits by the caller.
///
/// # Errors
///
/// [`ReservedFlags`] if `user_flags` uses any bit of [`flags::RESERVED`]; nothing is encoded.
#[inline(always)]
pub fn encode<'a>(
    value: Value<'a>,
    user_flags: u32,
    compression: Compression,
) -> Result<Encoded<'a>, ReservedFlags> {
    // The check also guarantees that `user_flags` carries no SERIALIZED or type bits.
    if user_flags & flags::RESERVED != 0 {
        return Err(ReservedFlags);
    }
    // Inlined into the caller, as strings (what most stores store) are; the numbers' text
    // is written out of line.
    Ok(match value {
        Value::Str(bytes) => encode_payload(bytes, user_flags | flags::TYPE_STRING, compression),
        Value::Serialized(bytes) => {
            encode_payload(bytes, user_flags | flags::SERIALIZED, compression)
        }
        Value::Long(number) => encode_long(number, user_flags),
        Value::Double(number) => encode_double(number, user_flags),
        Value::Bool(truth) => {
            let text: &'static [u8] = if truth { b"1" } else { b"0" };
            encode_scalar(Cow::Borrowed(text), user_flags, flags::TYPE_BOOL)
        }
    })
}

/// An int, as its decimal text.
#[inline(never)]
fn encode_long(number: i64, user_flags: u32) -> Encoded<'static> {
    let mut text = Vec::with_capacity(20);
    decimal::push_signed(&mut text, number);
    encode_scalar(Cow::Owned(text), user_flags, flags::TYPE_LONG)
}

/// A float, as PHP's `%.14G` text.
#[inline(never)]
fn encode_double(number: f64, user_flags: u32) -> Encoded<'static> {
    let mut text = Vec::with_capacity(24);
    printf::push_g14(&mut text, number);
    encode_scalar(Cow::Owned(text), user_flags, flags::TYPE_DOUBLE)
}

/// Ints, floats and bools are never compressed.
fn encode_scalar(data: Cow<'_, [u8]>, user_flags: u32, type_bits: u32) -> Encoded<'_> {
    Encoded {
        flags: (user_flags & !flags::COMPRESSED) | type_bits,
        data,
    }
}

/// Strings and serialized values: compressed when asked for or over the threshold, and kept
/// compressed only if the zlib stream fits the minimum-savings budget.
#[inline]
fn encode_payload(bytes: &[u8], item_flags: u32, compression: Compression) -> Encoded<'_> {
    let wanted = item_flags & flags::COMPRESSED != 0
        || (compression.threshold > 0 && bytes.len() >= compression.threshold);
    if wanted {
        if let Some(compressed) = compress_within_budget(bytes, compression.min_savings) {
            return Encoded {
                flags: item_flags | flags::COMPRESSED,
                data: Cow::Owned(compressed),
            };
        }
    }
    Encoded {
        flags: item_flags & !flags::COMPRESSED,
        data: Cow::Borrowed(bytes),
    }
}

/// The zlib level values are compressed at: the C extension's (`compress()` uses 6). The
/// deflate implementation is zlib-rs, about twice as fast as the system zlib at this level; its
/// streams are not byte-identical to the C extension's but every zlib reader, the C extension
/// included, inflates them (docs/differences.md).
pub const COMPRESSION_LEVEL: u32 = 6;

/// zlib-compresses `bytes` at [`COMPRESSION_LEVEL`] into a buffer of
/// `floor(len * (1 - min_savings))` bytes, as the C extension's `compress()` call does.
/// `None` if the stream does not fit.
#[inline(never)]
fn compress_within_budget(bytes: &[u8], min_savings: f64) -> Option<Vec<u8>> {
    // Same double arithmetic and truncation as the C code; negative or NaN budgets become 0.
    let budget = (bytes.len() as f64 * (1.0 - min_savings)) as usize;
    let mut compressed = Vec::with_capacity(budget);
    // One zlib state per thread, reset between values: a fresh one costs a ~270 KB allocation
    // and its page faults on every value. `reset` gives the same state, so the same bytes.
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<Compress> = std::cell::RefCell::new(Compress::new(
            flate2::Compression::new(COMPRESSION_LEVEL),
            true,
        ));
    }
    let status = COMPRESSOR.with(|compressor| {
        let mut compressor = compressor.borrow_mut();
        compressor.reset();
        compressor.compress_vec(bytes, &mut compressed, FlushCompress::Finish)
    });
    let status = status.ok()?;
    // `with_capacity` may round the capacity up; the budget is what counts.
    (status == Status::StreamEnd && compressed.len() <= budget).then_some(compressed)
}

/// A stored value decoded from its flags and bytes.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded<'a> {
    /// A string.
    Str(Cow<'a, [u8]>),
    /// `serialize()` output for the PHP layer to unserialize.
    Serialized(Cow<'a, [u8]>),
    /// An int.
    Long(i64),
    /// A float.
    Double(f64),
    /// A bool.
    Bool(bool),
}

/// A stored value could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// The COMPRESSED bit is set but the data is not a complete zlib stream.
    #[error("Failed to uncompress data")]
    Uncompress,
}

/// True when [`decode`] gives data stored with `flags` back unchanged, as a string (neither
/// compressed nor serialized, and no scalar type): a caller may then take the bytes as they are.
pub fn is_plain_string(flags: u32) -> bool {
    flags & (flags::COMPRESSED | flags::SERIALIZED) == 0
        && !matches!(
            flags & flags::TYPE_MASK,
            flags::TYPE_BOOL | flags::TYPE_LONG | flags::TYPE_DOUBLE
        )
}

/// Decodes an item read from the server.
///
/// Bit 0x2 is handled first (zlib inflate), then bit 0x1 ([`Decoded::Serialized`]), then the
/// type nibble; unknown type nibbles decode as strings.
///
/// # Errors
///
/// [`DecodeError::Uncompress`] if the COMPRESSED bit is set and `data` is not a complete zlib
/// stream that inflates to at most 2^15 times its size and at most `max_len` bytes (what the
/// caller can hold: a small stream of zeros must not inflate into gigabytes). The C extension
/// then reports `Failed to uncompress data` and treats the key as a miss.
pub fn decode(flags: u32, data: &[u8], max_len: usize) -> Result<Decoded<'_>, DecodeError> {
    let data = if flags & flags::COMPRESSED != 0 {
        Cow::Owned(uncompress(data, max_len)?)
    } else {
        Cow::Borrowed(data)
    };
    if flags & flags::SERIALIZED != 0 {
        return Ok(Decoded::Serialized(data));
    }
    Ok(match flags & flags::TYPE_MASK {
        flags::TYPE_LONG => Decoded::Long(strtol(&data).0),
        flags::TYPE_DOUBLE => Decoded::Double(sscanf_lg(&data)),
        flags::TYPE_BOOL => Decoded::Bool(data.as_ref() == b"1"),
        _ => Decoded::Str(data),
    })
}

/// The C extension gives up once its output buffer reaches 2^15 times the compressed length.
const MAX_INFLATE_RATIO: usize = 1 << 15;

/// Inflates a zlib stream (any level; raw deflate is rejected) into at most `max_len` bytes.
/// Bytes after the end of the stream are ignored, as zlib's `uncompress()` does.
fn uncompress(data: &[u8], max_len: usize) -> Result<Vec<u8>, DecodeError> {
    let limit = data.len().saturating_mul(MAX_INFLATE_RATIO).min(max_len);
    let mut inflated = Vec::with_capacity(data.len().saturating_mul(4).min(limit));
    // One inflate state per thread, reset between values (see `compress_within_budget`).
    thread_local! {
        static DECOMPRESSOR: std::cell::RefCell<Decompress> =
            std::cell::RefCell::new(Decompress::new(true));
    }
    DECOMPRESSOR.with(|decompressor| {
        let mut decompressor = decompressor.borrow_mut();
        decompressor.reset(true);
        inflate_into(&mut decompressor, data, &mut inflated, limit)
    })?;
    Ok(inflated)
}

/// Inflates `data` into `inflated`, growing it up to `limit` bytes.
fn inflate_into(
    decompressor: &mut Decompress,
    data: &[u8],
    inflated: &mut Vec<u8>,
    limit: usize,
) -> Result<(), DecodeError> {
    loop {
        let consumed = decompressor.total_in() as usize;
        let status = decompressor
            .decompress_vec(&data[consumed..], inflated, FlushDecompress::Finish)
            .map_err(|_| DecodeError::Uncompress)?;
        if status == Status::StreamEnd {
            return Ok(());
        }
        // zlib stops early only when the output is full; with room left the input ended
        // before the stream did.
        if inflated.len() < inflated.capacity() || inflated.len() >= limit {
            return Err(DecodeError::Uncompress);
        }
        let grown = inflated.len().saturating_mul(2).min(limit);
        inflated.reserve_exact(grown - inflated.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
            .collect()
    }

    fn encoded(value: Value<'_>, user_flags: u32) -> (u32, Vec<u8>) {
        let encoded = encode(value, user_flags, Compression::default()).expect("valid flags");
        (encoded.flags, encoded.data.into_owned())
    }

    /// Deterministic bytes (splitmix64), drawn from the first `alphabet_size` letters of
    /// `abc…zABC…Z`, or any byte when `alphabet_size` is 256.
    fn pseudo_random_bytes(len: usize, alphabet_size: u64) -> Vec<u8> {
        const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let mut state: u64 = 0;
        (0..len)
            .map(|_| {
                state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = state;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                let random = z ^ (z >> 31);
                if alphabet_size == 256 {
                    random as u8
                } else {
                    LETTERS[(random % alphabet_size) as usize]
                }
            })
            .collect()
    }

    #[test]
    fn plain_strings_decode_to_their_bytes() {
        let data = b"1";
        for flag_bits in [
            0,
            1,
            2,
            3,
            0x100,
            0x200,
            0x300,
            0x301,
            0x700,
            0x800,
            0xF00,
            0x1_0000,
            0xFFFF_0000,
        ] {
            let plain = decode(flag_bits, data, 100).is_ok_and(
                |decoded| matches!(decoded, Decoded::Str(Cow::Borrowed(bytes)) if bytes == data),
            );
            assert_eq!(is_plain_string(flag_bits), plain, "{flag_bits:#x}");
        }
    }

    /// `gzcompress(str_repeat('a', 30000))` from PHP 8.2 (flags 2, 53 bytes).
    const GZCOMPRESS_A_30000: &str = "789cedc13101000000c2a0aceb5fc2129e4001000000000000000000000000000000000000000000000000000000007c0c49ab69c5";
    /// `gzcompress(str_repeat('hello ', 100))` from PHP 8.2.
    const GZCOMPRESS_HELLO_100: &str = "789ccb48cdc9c957c818254749aa9200edd2dc51";
    /// `gzcompress(serialize([1, 2, 'a' => 'b']))` from PHP 8.2.
    const GZCOMPRESS_SERIALIZED_ARRAY: &str =
        "789c4bb432b6aaceb432b0ceb432846223eb622b432ba54425089da4645d0b00cae30a2e";
    const SERIALIZED_ARRAY: &[u8] = b"a:3:{i:0;i:1;i:1;i:2;s:1:\"a\";s:1:\"b\";}";
    const SERIALIZED_OBJECT: &[u8] = b"O:8:\"stdClass\":1:{s:1:\"x\";i:1;}";
    const QUICK_FOX: &[u8] = b"The quick brown fox jumps over the lazy dog. The quick brown fox.";

    /// Every type's flags and bytes as the C extension stores them.
    #[test]
    fn c_extension_encoding_table() {
        assert_eq!(encoded(Value::Str(b"hello"), 0), (0, b"hello".to_vec()));
        assert_eq!(encoded(Value::Str(b""), 0), (0, b"".to_vec()));
        assert_eq!(encoded(Value::Str(b"123"), 0), (0, b"123".to_vec()));
        assert_eq!(encoded(Value::Long(123), 0), (768, b"123".to_vec()));
        assert_eq!(encoded(Value::Long(-42), 0), (768, b"-42".to_vec()));
        assert_eq!(
            encoded(Value::Long(i64::MAX), 0),
            (768, b"9223372036854775807".to_vec())
        );
        assert_eq!(
            encoded(Value::Long(i64::MIN), 0),
            (768, b"-9223372036854775808".to_vec())
        );
        assert_eq!(encoded(Value::Long(0), 0), (768, b"0".to_vec()));
        assert_eq!(encoded(Value::Double(1.5), 0), (1792, b"1.5".to_vec()));
        assert_eq!(encoded(Value::Double(0.1), 0), (1792, b"0.1".to_vec()));
        assert_eq!(
            encoded(Value::Double(1.0 / 3.0), 0),
            (1792, b"0.33333333333333".to_vec())
        );
        assert_eq!(
            encoded(Value::Double(1e100), 0),
            (1792, b"1.0e+100".to_vec())
        );
        assert_eq!(encoded(Value::Double(3.0), 0), (1792, b"3".to_vec()));
        assert_eq!(encoded(Value::Double(-0.0), 0), (1792, b"-0".to_vec()));
        assert_eq!(
            encoded(Value::Double(f64::INFINITY), 0),
            (1792, b"INF".to_vec())
        );
        assert_eq!(
            encoded(Value::Double(f64::NEG_INFINITY), 0),
            (1792, b"-INF".to_vec())
        );
        assert_eq!(encoded(Value::Double(f64::NAN), 0), (1792, b"NAN".to_vec()));
        assert_eq!(encoded(Value::Bool(true), 0), (256, b"1".to_vec()));
        assert_eq!(encoded(Value::Bool(false), 0), (256, b"0".to_vec()));
        assert_eq!(encoded(Value::Serialized(b"N;"), 0), (1, b"N;".to_vec()));
        assert_eq!(
            encoded(Value::Serialized(SERIALIZED_ARRAY), 0),
            (1, SERIALIZED_ARRAY.to_vec())
        );
        assert_eq!(SERIALIZED_ARRAY.len(), 38);
        assert_eq!(
            encoded(Value::Serialized(SERIALIZED_OBJECT), 0),
            (1, SERIALIZED_OBJECT.to_vec())
        );
        assert_eq!(SERIALIZED_OBJECT.len(), 31);
        assert_eq!(
            encoded(Value::Str(b"abc"), flags::USER1),
            (65536, b"abc".to_vec())
        );
        assert_eq!(
            encoded(Value::Long(5), flags::USER2),
            (131840, b"5".to_vec())
        );
        assert_eq!(
            encoded(Value::Str(b"abc"), flags::USER1 | flags::COMPRESSED),
            (65536, b"abc".to_vec())
        );
        assert_eq!(
            encoded(Value::Long(77), flags::COMPRESSED),
            (768, b"77".to_vec())
        );

        // Compressed values: a zlib stream at the C extension's level (the zlib header says
        // so), not byte-identical to the C extension's; both inflate to the value.
        let a_30000 = vec![b'a'; 30000];
        let (flags, data) = encoded(Value::Str(&a_30000), 0);
        assert_eq!(flags, 2);
        assert_eq!(&data[..2], b"\x78\x9c");
        assert!(data.len() < 100, "{}", data.len());
        assert_eq!(inflated(&data), a_30000);
        assert_eq!(inflated(&hex(GZCOMPRESS_A_30000)), a_30000);

        let random = pseudo_random_bytes(30000, 256);
        assert_eq!(encoded(Value::Str(&random), 0), (0, random.clone()));

        let hello = b"hello ".repeat(100);
        let (flags, data) = encoded(Value::Str(&hello), flags::COMPRESSED);
        assert_eq!(flags, 2);
        assert_eq!(inflated(&data), hello);
        assert_eq!(inflated(&hex(GZCOMPRESS_HELLO_100)), hello);
    }

    /// What a compressed string of this module or of the C extension reads back as.
    fn inflated(data: &[u8]) -> Vec<u8> {
        match decode(flags::COMPRESSED, data, usize::MAX).expect("a zlib stream") {
            Decoded::Str(bytes) => bytes.into_owned(),
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn bool_long_double_are_never_compressed() {
        let all = flags::COMPRESSED | flags::USER1 | flags::USER4;
        assert_eq!(
            encoded(Value::Bool(true), all).0,
            256 | flags::USER1 | flags::USER4
        );
        assert_eq!(
            encoded(Value::Long(1), all).0,
            768 | flags::USER1 | flags::USER4
        );
        assert_eq!(
            encoded(Value::Double(1.0), all).0,
            1792 | flags::USER1 | flags::USER4
        );
        let tiny = Compression {
            threshold: 1,
            min_savings: 0.0,
        };
        let long = encode(Value::Long(1_000_000_000_000_000_000), 0, tiny).expect("valid");
        assert_eq!(
            (long.flags, &*long.data),
            (768, &b"1000000000000000000"[..])
        );
    }

    #[test]
    fn serialized_values_compress_with_flags_3() {
        // 38 bytes compress to 36: too little for the default 20 % savings, enough for 0.
        let (flags, data) = encoded(Value::Serialized(SERIALIZED_ARRAY), flags::COMPRESSED);
        assert_eq!((flags, data), (1, SERIALIZED_ARRAY.to_vec()));
        let no_savings = Compression {
            threshold: 20000,
            min_savings: 0.0,
        };
        let stored = encode(
            Value::Serialized(SERIALIZED_ARRAY),
            flags::COMPRESSED,
            no_savings,
        )
        .expect("ok");
        assert_eq!(stored.flags, 3);
        assert_eq!(
            decode(3, &stored.data, usize::MAX).expect("ok"),
            Decoded::Serialized(Cow::Borrowed(SERIALIZED_ARRAY))
        );
        let big = b"i:1;".repeat(6000);
        assert_eq!(encoded(Value::Serialized(&big), 0).0, 3);
    }

    #[test]
    fn reserved_flags_are_rejected() {
        let values = [
            Value::Str(b"x"),
            Value::Long(1),
            Value::Double(1.0),
            Value::Bool(true),
            Value::Serialized(b"N;"),
        ];
        for bit in (0..16).map(|shift| 1u32 << shift) {
            for value in values {
                let result = encode(value, bit, Compression::default());
                assert_eq!(
                    result.is_err(),
                    bit != flags::COMPRESSED,
                    "{bit:#x} {value:?}"
                );
            }
        }
        // Test 055 uses 0x10.
        let error = encode(Value::Str(b"x"), 0x10, Compression::default()).expect_err("reserved");
        assert_eq!(
            error.to_string(),
            "The lowest two bytes of the flags array is reserved for pecl/memcache internal use"
        );
        assert!(encode(Value::Str(b"x"), 0xFFFF, Compression::default()).is_err());
        assert_eq!(flags::RESERVED, 0xFFFD);
    }

    #[test]
    fn user_bits_are_kept() {
        let user = 0xFFFF_0000;
        assert_eq!(encoded(Value::Str(b"x"), user).0, user);
        assert_eq!(encoded(Value::Serialized(b"N;"), user).0, user | 1);
        assert_eq!(
            flags::USER1 | flags::USER2 | flags::USER3 | flags::USER4,
            0xF0000
        );
    }

    #[test]
    fn compression_threshold_boundary() {
        let at_default = |len: usize| encoded(Value::Str(&vec![b'a'; len]), 0).0;
        assert_eq!(at_default(19999), 0);
        assert_eq!(at_default(20000), 2);

        let custom = Compression {
            threshold: 100,
            min_savings: 0.2,
        };
        let flags_at = |len: usize, user_flags: u32, compression: Compression| {
            encode(Value::Str(&vec![b'a'; len]), user_flags, compression)
                .expect("valid")
                .flags
        };
        assert_eq!(flags_at(99, 0, custom), 0);
        assert_eq!(flags_at(100, 0, custom), 2);

        // Threshold 0 disables automatic compression but not the explicit flag.
        let disabled = Compression {
            threshold: 0,
            min_savings: 0.2,
        };
        assert_eq!(flags_at(100_000, 0, disabled), 0);
        assert_eq!(flags_at(100_000, flags::COMPRESSED, disabled), 2);
        assert_eq!(flags_at(0, flags::COMPRESSED, disabled), 0);
    }

    /// Data compressing to 55-65 % (the C extension's zlib: 62.5 %) stays compressed for
    /// min_savings 0, 0.2 and 0.3 and is stored raw for 0.5; the budget's edge is exact.
    #[test]
    fn min_savings_rule() {
        let data = pseudo_random_bytes(30000, 24);
        let with_savings = |min_savings: f64| {
            let compression = Compression {
                threshold: 20000,
                min_savings,
            };
            encode(Value::Str(&data), 0, compression).expect("valid")
        };
        let compressed = with_savings(0.0);
        assert_eq!(compressed.flags, 2);
        let ratio = compressed.data.len() as f64 / data.len() as f64;
        assert!((0.55..0.65).contains(&ratio), "{ratio}");
        assert_eq!(inflated(&compressed.data), data);
        for min_savings in [0.2, 0.3] {
            assert_eq!(with_savings(min_savings), compressed, "{min_savings}");
        }
        let raw = with_savings(0.5);
        assert_eq!(raw.flags, 0);
        assert!(matches!(raw.data, Cow::Borrowed(bytes) if bytes == data.as_slice()));
        assert_eq!(with_savings(1.0).flags, 0);

        // The budget is floor(len * (1 - min_savings)); an exact fit is kept.
        let size = compressed.data.len() as f64;
        let len = data.len() as f64;
        assert_eq!(with_savings(1.0 - (size + 0.5) / len).flags, 2);
        assert_eq!(with_savings(1.0 - (size - 0.5) / len).flags, 0);

        // min_savings 0 keeps anything that does not grow.
        let incompressible = Compression {
            threshold: 1,
            min_savings: 0.0,
        };
        let tiny = encode(Value::Str(b"abc"), 0, incompressible).expect("valid");
        assert_eq!((tiny.flags, &*tiny.data), (0, &b"abc"[..]));
    }

    #[test]
    fn random_data_stays_raw() {
        for len in [20000, 30000, 100_000] {
            let random = pseudo_random_bytes(len, 256);
            let stored = encode(
                Value::Str(&random),
                flags::COMPRESSED,
                Compression::default(),
            )
            .expect("valid");
            assert_eq!(stored.flags, 0);
            assert!(matches!(stored.data, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn decode_types() {
        assert_eq!(
            decode(0, b"hello", usize::MAX).expect("ok"),
            Decoded::Str(Cow::Borrowed(b"hello"))
        );
        assert!(matches!(
            decode(0, b"hi", usize::MAX).expect("ok"),
            Decoded::Str(Cow::Borrowed(_))
        ));
        assert_eq!(
            decode(0, b"", usize::MAX).expect("ok"),
            Decoded::Str(Cow::Borrowed(b""))
        );
        assert_eq!(
            decode(768, b"-42", usize::MAX).expect("ok"),
            Decoded::Long(-42)
        );
        assert_eq!(
            decode(1792, b"1.5", usize::MAX).expect("ok"),
            Decoded::Double(1.5)
        );
        assert_eq!(
            decode(256, b"1", usize::MAX).expect("ok"),
            Decoded::Bool(true)
        );
        for not_true in [&b"0"[..], b"", b"11", b" 1", b"1 ", b"true", b"2"] {
            assert_eq!(
                decode(256, not_true, usize::MAX).expect("ok"),
                Decoded::Bool(false)
            );
        }
        assert_eq!(
            decode(1, b"N;", usize::MAX).expect("ok"),
            Decoded::Serialized(Cow::Borrowed(b"N;"))
        );
        // The serialized bit wins over the type nibble; user bits are ignored.
        assert_eq!(
            decode(1 | 0x300, b"N;", usize::MAX).expect("ok"),
            Decoded::Serialized(Cow::Borrowed(b"N;"))
        );
        assert_eq!(
            decode(0x20300, b"5", usize::MAX).expect("ok"),
            Decoded::Long(5)
        );
        // Reserved/unknown type nibbles decode as strings.
        for nibble in [0x200, 0x400, 0x500, 0x600, 0x800, 0xF00] {
            assert_eq!(
                decode(nibble, b"12", usize::MAX).expect("ok"),
                Decoded::Str(Cow::Borrowed(b"12")),
                "{nibble:#x}"
            );
        }
        assert!(matches!(
            decode(1792, b"NAN", usize::MAX).expect("ok"),
            Decoded::Double(v) if v.is_nan()
        ));
    }

    #[test]
    fn decode_round_trips_encode() {
        let a_30000 = vec![b'a'; 30000];
        let values = [
            Value::Str(b"hello"),
            Value::Str(&a_30000),
            Value::Long(i64::MIN),
            Value::Long(105),
            Value::Double(-2.5e-300),
            Value::Bool(true),
            Value::Bool(false),
            Value::Serialized(SERIALIZED_ARRAY),
        ];
        for value in values {
            for user_flags in [0, flags::COMPRESSED | flags::USER3] {
                let stored = encode(value, user_flags, Compression::default()).expect("valid");
                let decoded = decode(stored.flags, &stored.data, usize::MAX).expect("decodes");
                let expected = match value {
                    Value::Str(bytes) => Decoded::Str(Cow::Borrowed(bytes)),
                    Value::Serialized(bytes) => Decoded::Serialized(Cow::Borrowed(bytes)),
                    Value::Long(n) => Decoded::Long(n),
                    Value::Double(n) => Decoded::Double(n),
                    Value::Bool(b) => Decoded::Bool(b),
                };
                assert_eq!(decoded, expected, "{user_flags:#x}");
            }
        }
        // 14 significant digits lose precision on the round trip.
        let third = encode(Value::Double(1.0 / 3.0), 0, Compression::default()).expect("valid");
        assert_eq!(
            decode(third.flags, &third.data, usize::MAX).expect("ok"),
            Decoded::Double(0.33333333333333)
        );
    }

    #[test]
    fn decode_compressed() {
        assert_eq!(
            decode(2, &hex(GZCOMPRESS_HELLO_100), usize::MAX).expect("ok"),
            Decoded::Str(Cow::Owned(b"hello ".repeat(100)))
        );
        assert_eq!(
            decode(3, &hex(GZCOMPRESS_SERIALIZED_ARRAY), usize::MAX).expect("ok"),
            Decoded::Serialized(Cow::Owned(SERIALIZED_ARRAY.to_vec()))
        );
        assert_eq!(
            decode(2 | 0x300, &hex("789c33343236010001f800cb"), usize::MAX).expect("ok"),
            Decoded::Long(1234)
        );
        // Other clients' levels: PHP gzcompress($s, 9) and gzcompress($s, 1).
        let level_9 = "78da0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4e4a7eb2984602ad603000ba61769";
        let level_1 = "78010bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4e4a7eb2984602ad603000ba61769";
        for stream in [level_9, level_1] {
            assert_eq!(
                decode(2, &hex(stream), usize::MAX).expect("ok"),
                Decoded::Str(Cow::Owned(QUICK_FOX.to_vec()))
            );
        }
        // Bytes after the end of the zlib stream are ignored, like zlib's uncompress().
        let mut trailing = hex(GZCOMPRESS_HELLO_100);
        trailing.extend_from_slice(b"garbage");
        assert_eq!(
            decode(2, &trailing, usize::MAX).expect("ok"),
            Decoded::Str(Cow::Owned(b"hello ".repeat(100)))
        );
    }

    #[test]
    fn decode_large_ratio_grows_output() {
        let zeros = vec![0u8; 4 << 20];
        let stored = encode(Value::Str(&zeros), 0, Compression::default()).expect("valid");
        assert_eq!(stored.flags, 2);
        assert!(stored.data.len() * 500 < zeros.len());
        match decode(stored.flags, &stored.data, usize::MAX).expect("ok") {
            Decoded::Str(inflated) => assert!(inflated == zeros),
            other => panic!("decoded as {other:?}"),
        }
    }

    #[test]
    fn decode_rejects_bad_compressed_data() {
        let failures: [Vec<u8>; 7] = [
            // PHP gzdeflate(str_repeat('hello ', 100)): raw deflate, no zlib header.
            hex("cb48cdc9c957c818254749aa9200"),
            b"hello world, not zlib".to_vec(),
            Vec::new(),
            // Truncated stream.
            hex(&GZCOMPRESS_A_30000[..60]),
            // Header only.
            hex("789c"),
            // Corrupted Adler-32 trailer.
            hex("789ccb48cdc9c957c818254749aa9200edd2dc52"),
            // Valid header, garbage deflate data.
            hex("789cffffffffffff"),
        ];
        for data in failures {
            let result = decode(2, &data, usize::MAX);
            assert!(
                matches!(result, Err(DecodeError::Uncompress)),
                "{data:02x?} gave {result:?}"
            );
        }
        assert_eq!(
            DecodeError::Uncompress.to_string(),
            "Failed to uncompress data"
        );
    }

    #[test]
    fn inflating_stops_at_the_callers_limit() {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&[0; 1 << 20]).expect("compress");
        let bomb = encoder.finish().expect("compress");
        assert!(bomb.len() < 2048, "{} bytes", bomb.len());
        assert!(matches!(
            decode(2, &bomb, 1 << 20),
            Ok(Decoded::Str(data)) if data.len() == 1 << 20
        ));
        assert!(matches!(
            decode(2, &bomb, (1 << 20) - 1),
            Err(DecodeError::Uncompress)
        ));
    }

    #[test]
    fn compression_default() {
        let default = Compression::default();
        assert_eq!(default.threshold, 20000);
        assert_eq!(default.min_savings, 0.2);
    }
}
