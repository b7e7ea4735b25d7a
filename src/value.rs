//! Value encoding on the wire: flags, scalar text formats and zlib compression (spec §5).
//!
//! C-extension workers and this extension share one cache during a rolling deploy, so a value
//! stored by either must read back identically in the other: the same flag bits, the same
//! `%.14g` float text, the same zlib stream (byte-identical to PHP's `gzcompress()`) and the
//! same minimum-savings rule. The PHP layer serializes arrays, objects and null first and hands
//! this module plain bytes; unserializing is also left to the PHP layer.

use std::borrow::Cow;
use std::io::Write as _;

use flate2::{Compress, Decompress, FlushCompress, FlushDecompress, Status};

/// Flag bits stored with every item (spec §5.1).
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

/// Encodes `value` for storage (spec §5.1, §5.2, §5.4).
///
/// `user_flags` must already be truncated to 32 bits by the caller.
///
/// # Errors
///
/// [`ReservedFlags`] if `user_flags` uses any bit of [`flags::RESERVED`]; nothing is encoded.
pub fn encode<'a>(
    value: Value<'a>,
    user_flags: u32,
    compression: Compression,
) -> Result<Encoded<'a>, ReservedFlags> {
    // The check also guarantees that `user_flags` carries no SERIALIZED or type bits.
    if user_flags & flags::RESERVED != 0 {
        return Err(ReservedFlags);
    }
    let encoded = match value {
        Value::Str(bytes) => encode_payload(bytes, user_flags | flags::TYPE_STRING, compression),
        Value::Serialized(bytes) => {
            encode_payload(bytes, user_flags | flags::SERIALIZED, compression)
        }
        Value::Long(number) => {
            let mut text = Vec::with_capacity(20);
            push_signed(&mut text, number);
            encode_scalar(Cow::Owned(text), user_flags, flags::TYPE_LONG)
        }
        Value::Double(number) => {
            let mut text = Vec::with_capacity(24);
            format_double(number, &mut text);
            encode_scalar(Cow::Owned(text), user_flags, flags::TYPE_DOUBLE)
        }
        Value::Bool(truth) => {
            let text: &'static [u8] = if truth { b"1" } else { b"0" };
            encode_scalar(Cow::Borrowed(text), user_flags, flags::TYPE_BOOL)
        }
    };
    Ok(encoded)
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

/// zlib-compresses `bytes` at the default level into a buffer of
/// `floor(len * (1 - min_savings))` bytes, as the C extension's `compress()` call does.
/// `None` if the stream does not fit.
fn compress_within_budget(bytes: &[u8], min_savings: f64) -> Option<Vec<u8>> {
    // Same double arithmetic and truncation as the C code; negative or NaN budgets become 0.
    let budget = (bytes.len() as f64 * (1.0 - min_savings)) as usize;
    let mut compressed = Vec::with_capacity(budget);
    // One zlib state per thread, reset between values: a fresh one costs a ~270 KB allocation
    // and its page faults on every value. `reset` gives the same state, so the same bytes.
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<Compress> =
            std::cell::RefCell::new(Compress::new(flate2::Compression::default(), true));
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

/// Decodes an item read from the server (spec §5.1, §5.3).
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
        flags::TYPE_LONG => Decoded::Long(parse_long_lenient(&data)),
        flags::TYPE_DOUBLE => Decoded::Double(parse_double_lenient(&data)),
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

/// Appends PHP's `%.14g` rendering of `v` (spec §5.3, Appendix A), which is how the C
/// extension stores floats: 14 significant digits rounded half to even, trailing zeros
/// removed, exponent form `d.ddde±X` (at least one fraction digit) when the decimal exponent is
/// below -4 or at least 14, and `INF`, `-INF`, `NAN`, `-0` for the special values.
pub fn format_double(v: f64, out: &mut Vec<u8>) {
    const SIGNIFICANT_DIGITS: usize = 14;
    if v.is_nan() {
        out.extend_from_slice(b"NAN");
        return;
    }
    if v.is_sign_negative() {
        out.push(b'-');
    }
    if v.is_infinite() {
        out.extend_from_slice(b"INF");
        return;
    }
    if v == 0.0 {
        out.push(b'0');
        return;
    }

    // Rust's `{:.13e}` is exactly rounded (half to even), like zend_dtoa's mode 2: it gives
    // "d.ddddddddddddde<exp>" with at most 20 bytes ("1.2345678901234e-308").
    let mut scientific = [0u8; 32];
    let unused = {
        let mut cursor = &mut scientific[..];
        write!(cursor, "{:.13e}", v.abs()).expect("`{:.13e}` of a finite f64 fits 32 bytes");
        cursor.len()
    };
    let scientific = &scientific[..scientific.len() - unused];
    let (mantissa, exponent) = scientific.split_at(SIGNIFICANT_DIGITS + 1);
    let exponent = parse_exponent(&exponent[1..]);

    let mut digits = [0u8; SIGNIFICANT_DIGITS];
    digits[0] = mantissa[0];
    digits[1..].copy_from_slice(&mantissa[2..]);
    let significant = if keeps_trailing_zeros(v.abs()) {
        SIGNIFICANT_DIGITS
    } else {
        digits
            .iter()
            .rposition(|&d| d != b'0')
            .map_or(1, |last| last + 1)
    };
    let digits = &digits[..significant];

    if !(-4..SIGNIFICANT_DIGITS as i32).contains(&exponent) {
        out.push(digits[0]);
        out.push(b'.');
        match &digits[1..] {
            [] => out.push(b'0'),
            fraction => out.extend_from_slice(fraction),
        }
        out.push(b'e');
        out.push(if exponent < 0 { b'-' } else { b'+' });
        push_unsigned(out, u64::from(exponent.unsigned_abs()));
    } else if exponent < 0 {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + (-exponent - 1) as usize, b'0');
        out.extend_from_slice(digits);
    } else {
        let integer_digits = exponent as usize + 1;
        if digits.len() <= integer_digits {
            out.extend_from_slice(digits);
            out.resize(out.len() + integer_digits - digits.len(), b'0');
        } else {
            out.extend_from_slice(&digits[..integer_digits]);
            out.push(b'.');
            out.extend_from_slice(&digits[integer_digits..]);
        }
    }
}

/// PHP quirk: `zend_dtoa`'s "small integer" path, taken for integers below 10^15 when the
/// 15th digit is an exact tie (5), rounds half to even but does not strip trailing zeros when
/// it rounds down, so `100000000000005.0` prints as `1.0000000000000e+14`, not `1.0e+14`.
/// Verified against PHP 8.2 `sprintf('%.14g')` on every mismatch of a 173k-value sweep.
fn keeps_trailing_zeros(magnitude: f64) -> bool {
    if !(1e14..1e15).contains(&magnitude) || magnitude.fract() != 0.0 {
        return false;
    }
    let integer = magnitude as u64;
    integer % 10 == 5 && (integer / 10).is_multiple_of(2)
}

/// Parses the exponent Rust's `{:e}` writes: optional `-`, then decimal digits.
fn parse_exponent(text: &[u8]) -> i32 {
    let (negative, digits) = match text {
        [b'-', digits @ ..] => (true, digits),
        digits => (false, digits),
    };
    let magnitude = digits
        .iter()
        .fold(0i32, |acc, &d| acc * 10 + i32::from(d - b'0'));
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

fn push_signed(out: &mut Vec<u8>, number: i64) {
    if number < 0 {
        out.push(b'-');
    }
    push_unsigned(out, number.unsigned_abs());
}

fn push_unsigned(out: &mut Vec<u8>, mut number: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

/// Decodes an int the way the C extension does, with C `strtol(data, NULL, 10)`: leading
/// C whitespace, optional sign, decimal digits up to the first non-digit, saturating at
/// `i64::MIN`/`i64::MAX`; nothing parseable gives 0.
pub fn parse_long_lenient(data: &[u8]) -> i64 {
    let (negative, body) = split_sign(skip_c_whitespace(data));
    let mut value: i64 = 0;
    for &byte in body.iter().take_while(|byte| byte.is_ascii_digit()) {
        let digit = i64::from(byte - b'0');
        let next = value.checked_mul(10).and_then(|shifted| {
            if negative {
                shifted.checked_sub(digit)
            } else {
                shifted.checked_add(digit)
            }
        });
        match next {
            Some(next) => value = next,
            None if negative => return i64::MIN,
            None => return i64::MAX,
        }
    }
    value
}

/// Decodes a float the way the C extension does, with glibc `sscanf(data, "%lg")`.
///
/// Leading C whitespace and an optional sign, then the longest valid prefix of: a decimal
/// number (`12`, `1.5`, `.5`, `1.`, with an optional exponent that needs at least one digit),
/// `inf`/`infinity`, `nan` (any case), or a hexadecimal float (`0x1.8p1`). Correctly rounded.
/// Nothing parseable gives 0.0; like glibc, so does a cut-off `infinity` such as `infin`.
pub fn parse_double_lenient(data: &[u8]) -> f64 {
    let (negative, body) = split_sign(skip_c_whitespace(data));
    let magnitude = if starts_with_ignore_case(body, b"inf") {
        let rest = &body[3..];
        if rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'i'))
            && !starts_with_ignore_case(rest, b"inity")
        {
            return 0.0;
        }
        f64::INFINITY
    } else if starts_with_ignore_case(body, b"nan") {
        f64::NAN
    } else if let [b'0', b'x' | b'X', hex @ ..] = body {
        match parse_hex_float(hex) {
            Some(magnitude) => magnitude,
            None => return 0.0,
        }
    } else {
        let length = decimal_prefix_len(body);
        if length == 0 {
            return 0.0;
        }
        std::str::from_utf8(&body[..length])
            .ok()
            .and_then(|text| text.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// C `isspace` in the C locale.
fn skip_c_whitespace(data: &[u8]) -> &[u8] {
    let start = data
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
        .unwrap_or(data.len());
    &data[start..]
}

fn split_sign(data: &[u8]) -> (bool, &[u8]) {
    match data {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, data),
    }
}

fn starts_with_ignore_case(data: &[u8], prefix: &[u8]) -> bool {
    data.len() >= prefix.len() && data[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Length of the longest prefix `digits [. digits] [e [sign] digits]` with at least one
/// mantissa digit; 0 if there is none.
fn decimal_prefix_len(data: &[u8]) -> usize {
    let count_digits = |from: usize| {
        data[from.min(data.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let integer_digits = count_digits(0);
    let mut end = integer_digits;
    let mut mantissa_digits = integer_digits;
    if data.get(end) == Some(&b'.') {
        let fraction_digits = count_digits(end + 1);
        mantissa_digits += fraction_digits;
        end += 1 + fraction_digits;
    }
    if mantissa_digits == 0 {
        return 0;
    }
    if matches!(data.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(data.get(end + 1), Some(b'+' | b'-')));
        let exponent_digits = count_digits(end + 1 + sign);
        if exponent_digits > 0 {
            end += 1 + sign + exponent_digits;
        }
    }
    end
}

/// Parses the part of a hexadecimal float after `0x`: `hexdigits [. hexdigits] [p [sign]
/// digits]`, correctly rounded to nearest-even. `None` if there is no hex digit.
fn parse_hex_float(data: &[u8]) -> Option<f64> {
    let mut mantissa: u64 = 0;
    // The value is (mantissa + a fraction below 1 if `sticky`) * 2^exponent.
    let mut exponent: i64 = 0;
    let mut sticky = false;
    let mut any_digit = false;
    let mut after_point = false;
    let mut position = 0;
    while let Some(&byte) = data.get(position) {
        if byte == b'.' && !after_point {
            after_point = true;
        } else if let Some(digit) = char::from(byte).to_digit(16) {
            any_digit = true;
            if mantissa >> 60 == 0 {
                mantissa = mantissa << 4 | u64::from(digit);
                if after_point {
                    exponent -= 4;
                }
            } else {
                sticky |= digit != 0;
                if !after_point {
                    exponent += 4;
                }
            }
        } else {
            break;
        }
        position += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'p' | b'P') = data.get(position) {
        let (negative, digits) = split_sign(&data[position + 1..]);
        let digits = &digits[..digits.iter().take_while(|b| b.is_ascii_digit()).count()];
        if !digits.is_empty() {
            // Anything beyond ±2^20 already overflows or underflows every f64.
            let magnitude = digits.iter().fold(0i64, |acc, &d| {
                (acc * 10 + i64::from(d - b'0')).min(1 << 20)
            });
            exponent += if negative { -magnitude } else { magnitude };
        }
    }
    Some(round_binary(mantissa, exponent, sticky))
}

/// Rounds `(mantissa + sticky fraction) * 2^exponent` to the nearest f64, ties to even.
fn round_binary(mantissa: u64, exponent: i64, sticky: bool) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let leading_zeros = mantissa.leading_zeros();
    let normalized = u128::from(mantissa << leading_zeros);
    // The value lies in [2^top, 2^(top + 1)).
    let top = exponent + 63 - i64::from(leading_zeros);
    if top > 1023 {
        return f64::INFINITY;
    }
    // Subnormals keep fewer bits: their unit is always 2^-1074.
    let kept_bits = if top >= -1022 { 53 } else { 1075 + top };
    if kept_bits < 0 {
        return 0.0;
    }
    let dropped = 64 - kept_bits as u32;
    let mut significand = normalized >> dropped;
    let remainder = normalized & ((1u128 << dropped) - 1);
    let half = 1u128 << (dropped - 1);
    if remainder > half || (remainder == half && (sticky || significand & 1 == 1)) {
        significand += 1;
    }
    if top < -1022 {
        // A carry into 2^52 yields exactly the smallest normal's bit pattern.
        return f64::from_bits(significand as u64);
    }
    let (significand, top) = if significand >> 53 != 0 {
        (significand >> 1, top + 1)
    } else {
        (significand, top)
    };
    if top > 1023 {
        return f64::INFINITY;
    }
    let biased_exponent = (top + 1023) as u64;
    f64::from_bits(biased_exponent << 52 | (significand as u64 & ((1 << 52) - 1)))
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

    fn formatted(v: f64) -> String {
        let mut out = Vec::new();
        format_double(v, &mut out);
        String::from_utf8(out).expect("ASCII")
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

    /// `gzcompress(str_repeat('a', 30000))` from PHP 8.2 (spec §5.2: flags 2, 53 bytes).
    const GZCOMPRESS_A_30000: &str = "789cedc13101000000c2a0aceb5fc2129e4001000000000000000000000000000000000000000000000000000000007c0c49ab69c5";
    /// `gzcompress(str_repeat('hello ', 100))` from PHP 8.2.
    const GZCOMPRESS_HELLO_100: &str = "789ccb48cdc9c957c818254749aa9200edd2dc51";
    /// `gzcompress(serialize([1, 2, 'a' => 'b']))` from PHP 8.2.
    const GZCOMPRESS_SERIALIZED_ARRAY: &str =
        "789c4bb432b6aaceb432b0ceb432846223eb622b432ba54425089da4645d0b00cae30a2e";
    const SERIALIZED_ARRAY: &[u8] = b"a:3:{i:0;i:1;i:1;i:2;s:1:\"a\";s:1:\"b\";}";
    const SERIALIZED_OBJECT: &[u8] = b"O:8:\"stdClass\":1:{s:1:\"x\";i:1;}";
    const QUICK_FOX: &[u8] = b"The quick brown fox jumps over the lazy dog. The quick brown fox.";

    /// `"<f64 bits> <PHP 8.2 sprintf('%.14g')>"`: a sample of a 268,585-value sweep (random bit
    /// patterns, decimals, exact ties at the 15th digit, the small-integer quirk, extremes) that
    /// matched completely.
    const PHP_G14_SAMPLE: [&str; 376] = [
        "440a055690d9db80 6.0e+19",
        "4019d752d442fb20 6.4602769056208",
        "06ffc86f13f90b00 5.7374393410891e-275",
        "c2c5cc42a06fdfc0 -47934070644672",
        "5538a8e6d5e7eca6 3.4519747054928e+102",
        "c2d391d75f80260d -86068418183320",
        "44f36165b15707a9 1.4643460013349e+24",
        "9896d9304c105f55 -3.2050765976283e-190",
        "bbc1a1a7ef30f319 -7.4672174591441e-21",
        "c1c135df1e9c015d -577486397.21879",
        "4326aa365fcf2000 3.1898e+15",
        "c30f0c27a8777810 -1.0923860934612e+15",
        "42cae0cb3a1379c0 59105569154804",
        "40fd549db9d3825f 120137.85786773",
        "42d1ef94ad4ea0e0 78882756967044",
        "434ba9f7e7ac5e82 1.5573413160074e+16",
        "1015216bbecc9371 3.4026254537282e-231",
        "447228aed64809d0 5.359566549426e+21",
        "42b89fcbbdc4b380 27074597078196",
        "c2fc94407582c150 -5.0276899488872e+14",
        "cb16fa1994039a7b -5.5018871400793e+53",
        "c476f3ccfe044fd4 -6.7743370426008e+21",
        "3e6952a783aabe0a 4.7167518298581e-8",
        "c70a5a1ce40a7e9b -1.7103428018757e+34",
        "b45663a9d342b2f0 -1.4267291512096e-56",
        "c272333d29e71400 -1250704924273.2",
        "1bed221de156fea1 3.6809653532613e-174",
        "c2bb0927a99a1180 -29726134082066",
        "bccab2c418324251 -7.4102681393489e-16",
        "d7dff2d6633d5b68 -1.9669348385878e+115",
        "c2eb25d54901a0e0 -2.3879444857166e+14",
        "d3681b0a0e532770 -6.285314513466e+93",
        "c2cbe28459e9a8c0 -61319394087762",
        "40c2f1c1919515c8 9699.5122553212",
        "47901fc514b4b20e 5.3581516025877e+36",
        "dec15690c2ddb42d -2.7712170664261e+148",
        "c4e27372622bb637 -6.9705771566768e+23",
        "c2d75c6c078a3540 -1.0274286745416e+14",
        "93c618e0c202fb44 -2.0512090648736e-213",
        "40233b6fffd62932 9.6160888623168",
        "3ed0bf5aca65dfc3 3.992910171717e-6",
        "3c169dc28413eb9a 3.0650733317976e-19",
        "42a7c525d5d5d100 13067755383528",
        "379765bf81fb1c5b 6.7147398257075e-41",
        "c3333dcbc08a986e -5.4159698754664e+15",
        "42df94082faa18c0 1.3888261184932e+14",
        "acd76b2dcc95490e -1.1226994924819e-92",
        "433cb94ce57f2c7e 8.0850392668684e+15",
        "42d18fbe25a3db60 77236272533358",
        "ac1e1ed536b007cd -3.5253538967197e-96",
        "42e9258f538a34a0 2.2119287280887e+14",
        "570fcca5e4074f54 2.3898323130597e+111",
        "5a7494cc628db72a 5.5727529866617e+127",
        "66586f6802801c56 1.0382762312948e+185",
        "3dd3a95458409c1e 7.1527913855e-11",
        "c2d426b2636fa520 -88625736695444",
        "b067030d4cf0d669 -1.5898786766424e-75",
        "c2fae4386513b590 -4.7308001622306e+14",
        "dcbe95c9d930ce2b -5.6909934632691e+138",
        "1920ce21aa5884e5 1.2069698629713e-187",
        "ac9ada125a31944f -8.0455447214155e-94",
        "7efb486e8b36295e 4.6774242515888e+303",
        "378bb67b11639390 3.9765939831419e-41",
        "42c298a5411f8c40 40893633675032",
        "41e9600c48000000 3405800000",
        "61faa86d53a4df2f 9.5945340715923e+163",
        "4030f36f032d1903 16.9509126649",
        "421f917a62f75df0 33896175805.842",
        "5adee7edae7ed1de 5.3557529829793e+129",
        "3428e451deda03c3 1.9827521756243e-57",
        "4343bd151b61956f 1.1111845817691e+16",
        "42cd19bf8f03b1c0 63992850417508",
        "3047c0dad4b07ace 4.1027568031194e-76",
        "3c5824097eba309d 5.2346950304456e-18",
        "c583e27d995485a0 -7.6925319326139e+26",
        "7b3536fc6d74a12d 3.1546750308044e+285",
        "432245d611ab3c74 2.5716676512722e+15",
        "3c4317e51662b6de 2.070104e-18",
        "4d870cb30358550c 3.0342586061949e+65",
        "4617aa56a208ac00 4.6874123057538e+29",
        "3f8992787c2ce5a6 0.012486401834041",
        "f5b963ac670d4e8c -1.2199101947114e+259",
        "3bf7e82fdcba7c91 8.1e-20",
        "c0e5bf146c420a5b -44536.638215084",
        "c33c35c3e8e96166 -7.9404148904022e+15",
        "44e32d78ac32de0c 7.2451009631e+23",
        "e9c76950183feebb -3.5840503411251e+201",
        "3fe3a1a2134cbd54 0.61348060388074",
        "430cc9bdc8e1b5b0 1.012889538017e+15",
        "e824c8da5f72804d -4.7414210808343e+193",
        "657e55324f9be60a 7.8666513391575e+180",
        "c2fd25920b3292b0 -5.1275521924536e+14",
        "fb43b150d4a947dd -5.8566576200943e+285",
        "430365d66f2e7a98 6.8249952752828e+14",
        "3c814b37f4b51f71 3.0e-17",
        "562388c8df243616 8.9603849100038e+106",
        "57bdf8085d0775ea 4.61263242772e+114",
        "08592dccd7e177a0 1.9064294954056e-268",
        "6f13ffe477765a61 1.1844524228456e+227",
        "4545e575fb6bfa05 5.294208104478e+25",
        "646f57cc401a399c 6.2016535761019e+175",
        "d7ea15050b19786b -3.2115230910287e+115",
        "3e6ec60035482102 5.732e-8",
        "25d79df02954430d 2.1805475579917e-126",
        "e799e5c671d095ff -1.1538679329057e+191",
        "c2f0134b90c95c30 -2.8280093124756e+14",
        "c1c3ab9651d94be8 -660024483.69763",
        "433a188b15054146 7.3453350266638e+15",
        "c4bf6a4ff47f344d -1.4835447721046e+23",
        "bdef800f03c85b24 -2.2919433182177e-10",
        "4801b326697f8ff4 7.528664369927e+38",
        "bb9068562cf6bfed -8.6860925530838e-22",
        "afd2a585b23736f7 -2.5161708226149e-78",
        "99e0de085f778fc1 -4.9620212545718e-184",
        "c2ca3f5abfc90bc0 -57718815560216",
        "41bdc0636d3ff272 499147629.24979",
        "5dbb2567904dd6a8 3.3102864938291e+143",
        "c33aa4992c1c7eae -7.4993271714936e+15",
        "2cbd13d870629466 3.4849675300819e-93",
        "beb0225f2097fd4f -9.6167707608327e-7",
        "36d6f61765ffd09c 1.6087813383146e-44",
        "c3e396c370cd9ab3 -1.1292243379844e+19",
        "3f3100e0f69753f5 0.0002594517924",
        "3a08c29f157f6bb3 3.9064770567486e-29",
        "45b2dd0fb458ad0f 5.83797694522e+27",
        "3db9b7b16dd509a4 2.338997647e-11",
        "4156788ea2e26d48 5890618.54507",
        "bd8876834f9fa545 -2.7811144204071e-12",
        "c30a88453f336018 -9.335225486162e+14",
        "5f4f8afb001a14a8 1.2906525991426e+151",
        "c072bf022de0e1b0 -299.93803203434",
        "cde6beb003388e9e -1.9162517795959e+67",
        "ba87c19e271834c2 -9.595101020645e-27",
        "412e848000000000 1000000",
        "3f82279bc53c750c 0.008864609677",
        "41c3beca5dbb4ed1 662541499.46334",
        "c0eab555b82a01e8 -54698.678730968",
        "59173c4d1a3630e8 1.5e+121",
        "dcdcad003169a493 -2.1342894492296e+139",
        "525922726dbaae39 5.0e+88",
        "be28d21ad56913cb -2.8895123336429e-9",
        "5bd152f98101d630 1.9674751577953e+134",
        "3d013bb6b23fea38 7.6531032507343e-15",
        "2e7c37bc7b861304 9.078271095841e-85",
        "bca832b18e9f7bd6 -1.6790750600082e-16",
        "4081e95b8bac710d 573.1697",
        "39a694884868c445 5.5664501783788e-31",
        "408a54748dc11e43 842.556911",
        "85bdeaeee827803c -5.1505354016006e-281",
        "4081a692cc6250f4 564.82167889413",
        "478850d2c1721559 4.040141284985e+36",
        "457f9d7b1417ebcd 6.1152611749232e+26",
        "77cad517c867f5ec 1.107453678538e+269",
        "c2d5f19c060fbf20 -96509795778300",
        "bb815b12e6c5d04f -4.5940306693388e-22",
        "c3f043fe80f7a3a8 -1.8752962526567e+19",
        "4308e7eaa4fa48c8 8.7629930216066e+14",
        "4359cea293551db5 2.9056288278476e+16",
        "572015aa99bffd99 4.8352574510547e+111",
        "3af0689de94bfbdf 8.4830781535706e-25",
        "3d9111f770f681d3 3.88131e-12",
        "4009ad042b661048 3.2094806089899",
        "408e08b08723f629 961.08619526",
        "735c9abd04725481 5.0e+247",
        "42c7e4d96b0e4ac0 52543335308438",
        "f826a6ef3bbc9379 -5.9834870811367e+270",
        "c1e3e3b4075c3081 -2669518906.8809",
        "c5d2b643d1ae54cc -2.3164299769759e+28",
        "c2d5d17a15962ce0 -95957762332852",
        "42af89f3202b3500 17338674976154",
        "3db07e1fe91b0b70 1.5e-11",
        "5d7a4eb7e3e1b6c0 2.0050141482552e+142",
        "3dd87676b80bdca5 8.8994962451128e-11",
        "bea2d7393dfbe1a0 -5.6149712787585e-7",
        "667b7b61903f4513 4.6709477500316e+185",
        "c01233bc4c0673ec -4.5505229834498",
        "b532b0c81b996d88 -1.9513848260648e-52",
        "3d695ea438efba23 7.2105005230816e-13",
        "41a5c5f800a25986 182647808.31709",
        "6a5708e316b579a3 1.8055101018021e+204",
        "e40d77e8b8bf85e3 -9.1105373960961e+173",
        "3faea27cd94507f8 0.059833432695555",
        "bf9f5cbb5eca8b87 -0.030627181683154",
        "6c8290ba9a38c7d1 5.0e+214",
        "449ce017253dc1aa 3.409e+22",
        "c3c1ef6da0b78825 -2.5847443102399e+18",
        "42ce77d399980000 67000000000000",
        "39e41b2967ee7f44 7.9304583422039e-30",
        "685b65ca37fd3a0d 5.0e+194",
        "3c011e5b291d3cc0 1.16e-19",
        "f4de45579938fc79 -8.877306646971e+254",
        "dce9ff01a44e2777 -3.8696930973266e+139",
        "4331a81dfd5bab2e 4.9699213622424e+15",
        "4293e4a48d852500 5468183552329.2",
        "29d6b6697320ecd9 3.8683644404227e-107",
        "99cfde30a09455f9 -2.3437242537003e-184",
        "c341a801a4599a39 -9.9395992197008e+15",
        "3c7561727a4e1a51 1.8544760381753e-17",
        "1dcd055ec857d8fd 3.9371723447115e-165",
        "c2c3886abbf40b40 -42953254365206",
        "45c6226e034b14c3 1.370058643e+28",
        "d06b27544ddeba51 -2.5153404504759e+79",
        "c28affba3181c13b -3710705348664.2",
        "3bfd83c94fb6d2ac 1.0e-19",
        "c2ca6ca7b1e59ac0 -58107944487734",
        "430bc2122e225268 9.7665096379860e+14",
        "42fe88f512e75370 5.3717721667718e+14",
        "42a569225bb88700 11770646092868",
        "42b5b76f47605580 23877590147158",
        "425e0931684a8d26 516013007146.21",
        "c2d1e181380567e0 -78640932984224",
        "bbe88461fc1f6730 -4.1533617044178e-20",
        "dff21df4d99a5ee9 -1.5181843068068e+154",
        "7d8992c004faf9c9 5.2265070792477e+296",
        "825a8f1c6063bdd6 -2.5381451162181e-297",
        "3e6de6ed946d11a7 5.5696932002697e-8",
        "855afd1dcc6d6f8e -7.2598329678276e-283",
        "c2f8e61e6ba5bb70 -4.3802611065542e+14",
        "0315ace965f39b33 8.4846140178595e-294",
        "1c915e0acfaca3c4 4.494031268375e-171",
        "41186a0000000000 400000",
        "bd86d6443692b7af -2.5962638517816e-12",
        "3b0d5580311d6111 3.0330631981848e-24",
        "42d4f4f5ce939ee0 92169314127484",
        "42ba223248c34980 28734174839626",
        "c29362e4485b8f00 -5328864417507.8",
        "c2f188d2d6258ad0 -3.0846960758596e+14",
        "bb8b9c533af0df1e -7.3084768761598e-22",
        "440654f46d98367d 5.1493750989454e+19",
        "1d6062e8ede5d6bf 3.4735622402815e-167",
        "4117dd6000000000 391000",
        "464bdeb200c33daf 4.4161625049259e+30",
        "d8d06048e5557a93 -6.6073771868496e+119",
        "45b12eaa2e0084a5 5.3176594055548e+27",
        "c2f6771747673e50 -3.9521195959600e+14",
        "bf13453f30cf672a -7.3511106350035e-5",
        "793f1f0321e5fd93 1.0774858224049e+276",
        "9b2bc0eeae0c27b2 -8.5611587971097e-178",
        "40b1e9999999999a 4585.6",
        "45a257441a6cf1fe 2.8381141657386e+27",
        "3e2427763a9b768e 2.3462516e-9",
        "432f04451b16b9fc 4.3652095658796e+15",
        "678c788ac06cdad1 6.3426094165809e+190",
        "3fefacc37bc7f126 0.98983930755597",
        "c4f6e0436eed64c0 -1.7284638780433e+24",
        "cf627480bacda10a -2.6085856230471e+74",
        "3b84e970fa6229d3 5.5353285884972e-22",
        "c32e3de5399b9be4 -4.256152012312e+15",
        "42a8b2e095c59f00 13578275578576",
        "42d6a64c456b0000 99614000000000",
        "922c8b4a34106ea4 -3.9482947384772e-221",
        "433a14df302b6d92 7.341298212892e+15",
        "c2d5d9064ce3dee0 -96087431155580",
        "42c4268344cc7b40 44311287273718",
        "c339d4a79b96a5ba -7.2706907527346e+15",
        "a436be2f1d5795c9 -3.1290168852869e-134",
        "e0a1b5e90c357d4c -3.0394899522203e+157",
        "4331dfcf76ea03c6 5.0311567503534e+15",
        "4119cdd809a0c79b 422774.00940239",
        "42c16ceddaa0f440 38319089336808",
        "42a674e79c5fe500 12345678901234",
        "c2a674e79c5fe500 -12345678901234",
        "3fd3333333333334 0.3",
        "bfd3333333333334 -0.3",
        "3fd5555555555555 0.33333333333333",
        "bfd5555555555555 -0.33333333333333",
        "54b249ad2594c37d 1.0e+100",
        "d4b249ad2594c37d -1.0e+100",
        "430c6bf526340000 1.0e+15",
        "c30c6bf526340000 -1.0e+15",
        "3f0a36e2eb1c432d 5.0e-5",
        "bf0a36e2eb1c432d -5.0e-5",
        "3e8421f5f40d8376 1.5e-7",
        "be8421f5f40d8376 -1.5e-7",
        "42d6bcc41e900000 1.0e+14",
        "c2d6bcc41e900000 -1.0e+14",
        "42d6bcc41e8fffe0 1.0e+14",
        "c2d6bcc41e8fffe0 -1.0e+14",
        "42d6bcc41e8fffda 99999999999999",
        "c2d6bcc41e8fffda -99999999999999",
        "3f1a36e2eb1c432d 0.0001",
        "bf1a36e2eb1c432d -0.0001",
        "3ee4f8b588e368f1 1.0e-5",
        "bee4f8b588e368f1 -1.0e-5",
        "437b69b4ba630f35 1.2345678901235e+17",
        "c37b69b4ba630f35 -1.2345678901235e+17",
        "3f1a36e2eb1c4308 0.0001",
        "bf1a36e2eb1c4308 -0.0001",
        "4059000000000000 100",
        "c059000000000000 -100",
        "4008000000000000 3",
        "c008000000000000 -3",
        "3fb999999999999a 0.1",
        "bfb999999999999a -0.1",
        "3ff8000000000000 1.5",
        "bff8000000000000 -1.5",
        "4340000000000000 9.007199254741e+15",
        "c340000000000000 -9.007199254741e+15",
        "43e0000000000000 9.2233720368548e+18",
        "c3e0000000000000 -9.2233720368548e+18",
        "4480f0cf064dd592 1.0e+22",
        "c480f0cf064dd592 -1.0e+22",
        "44b52d02c7e14af6 1.0e+23",
        "c4b52d02c7e14af6 -1.0e+23",
        "0000000000000001 4.9406564584125e-324",
        "8000000000000001 -4.9406564584125e-324",
        "4301adf5dd2ba628 6.2204326166240e+14",
        "42e58701fb0ba420 1.8935678398390e+14",
        "430b93293b4dede8 9.7020370863660e+14",
        "4301bb9647c41508 6.2391609095030e+14",
        "c30c40b0343412c8 -9.9405311026850e+14",
        "430c14b8447daca8 9.8801012544040e+14",
        "42ffbab0ffd60850 5.5818710295360e+14",
        "42ff24789410ced0 5.4786403605220e+14",
        "430666aba322dde8 7.8816710625580e+14",
        "42f9184d6cc6bc50 4.4147470214240e+14",
        "430b1bc864f2e848 9.5379648402970e+14",
        "42f0e5a273630590 2.9725534441890e+14",
        "42e0cc4886602420 1.4775660911030e+14",
        "42f38c3402a16cd0 3.4388622298900e+14",
        "42e60ec4b59f4220 1.9402148472270e+14",
        "430434393ae86668 7.1086499253780e+14",
        "42d9bcf1c0bd9740 1.1319720194620e+14",
        "43001c13dc09a828 5.6680890611840e+14",
        "42dd9939a054d040 1.3017573604230e+14",
        "430142982231bee8 6.0728697252860e+14",
        "42f47bce0fed1ad0 3.6035153093060e+14",
        "42f0e198e3c9d3d0 2.9697790001900e+14",
        "42f030908bec27d0 2.8481231301900e+14",
        "42e196076f922520 1.5468854015210e+14",
        "42edf945f29ecba0 2.6365166072380e+14",
        "42f62f3cf573e9d0 3.9027427188700e+14",
        "430913be392cc648 8.8232276771450e+14",
        "4306f5e2a5d67308 8.0785041016790e+14",
        "42fd833196b1ecd0 5.1918895809300e+14",
        "42f5540faffd2690 3.7521255404810e+14",
        "42f73b6214060e50 4.0870105582000e+14",
        "42fec5a5aa66d350 5.4134778877880e+14",
        "42fd0c602f80d2d0 5.1102384862340e+14",
        "42f94d6029998050 4.4512186424320e+14",
        "42e02050572e8920 1.4184778310970e+14",
        "42ff08f96a0f49d0 5.4597447483100e+14",
        "430c10d85cda2fa8 9.8747760058520e+14",
        "42deef444c79ca40 1.3605196751850e+14",
        "42e9e37cad9e7ba0 2.2771872018940e+14",
        "42fad5221ad631d0 4.7204324064540e+14",
        "42f5a3ebf89421a0 3.8070052462646e+14",
        "c2e450880efb3140 -1.7868890097908e+14",
        "42e31bbb5c1753e0 1.680786273553e+14",
        "c2e2559b4ae4fac0 -1.6127109517513e+14",
        "c303677a7eb94b90 -6.8272504590578e+14",
        "42ee720ca270ba80 2.6780149661845e+14",
        "c2fb6170c6f67970 -4.816850858413e+14",
        "4304baded7a97b28 7.2937072474096e+14",
        "c2e85dd0f6898a20 -2.1432973474517e+14",
        "c2e48609550bb7c0 -1.805273179335e+14",
        "42e5584bc8d4fea0 1.8775178206616e+14",
        "c30798c0827a4220 -8.3023463181728e+14",
        "c2e321b15a827dc0 -1.6828344277912e+14",
        "c2fcd27e55127b70 -5.0704621143033e+14",
        "42e90c816e7a6ce0 2.2033201442494e+14",
        "42fcd66ffed91a50 5.0731724082832e+14",
        "c2db98e6e49d3b00 -1.2137409088433e+14",
        "4307110b88ada078 8.1158321246722e+14",
        "c309b39fb4492880 -9.0429661545397e+14",
        "42fbfdce36dedc48 4.9243040605332e+14",
        "42f2f250f26b2f00 3.333111912005e+14",
        "42d88ce5685371c0 1.0797369323054e+14",
        "c304594c08c875d8 -7.1596032924435e+14",
        "42ea2d02ca0dd360 2.3024498117392e+14",
        "c2d9d5d1d54a10c0 -1.1362455657888e+14",
        "c2fc302320da19b0 -4.9588917381571e+14",
        "42fcbb0400c30c50 5.0543282593402e+14",
        "42fd4f781a57aa60 5.1563447382698e+14",
        "430664851c487e90 7.8787154444693e+14",
        "4309be306cb7acb8 9.0574870118134e+14",
    ];

    /// Every row of the spec §5.2 examples.
    #[test]
    fn spec_encoding_table() {
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

        let a_30000 = vec![b'a'; 30000];
        let (flags, data) = encoded(Value::Str(&a_30000), 0);
        assert_eq!(flags, 2);
        assert_eq!(data.len(), 53);
        assert_eq!(data, hex(GZCOMPRESS_A_30000));

        let random = pseudo_random_bytes(30000, 256);
        assert_eq!(encoded(Value::Str(&random), 0), (0, random.clone()));

        let hello = b"hello ".repeat(100);
        assert_eq!(
            encoded(Value::Str(&hello), flags::COMPRESSED),
            (2, hex(GZCOMPRESS_HELLO_100))
        );
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
        assert_eq!(stored.data, hex(GZCOMPRESS_SERIALIZED_ARRAY));
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

    /// Spec §5.4: data compressing to ~63 % stays compressed for min_savings 0, 0.2 and 0.3
    /// and is stored raw for 0.4. The zlib stream equals the C extension's `compress()` output
    /// (zlib 1.2.13, level 6, memLevel 8): 18738 bytes with CRC-32 3920197718. PHP's
    /// `gzcompress()` uses memLevel 9 and would give 18747 bytes here.
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
        assert_eq!(compressed.data.len(), 18738);
        assert_eq!(crate::hash::crc32(&compressed.data), 3920197718);
        for min_savings in [0.2, 0.3] {
            assert_eq!(with_savings(min_savings), compressed, "{min_savings}");
        }
        let raw = with_savings(0.4);
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
    fn format_double_spec_examples() {
        let cases: [(f64, &str); 27] = [
            (12345678901234.5, "12345678901234"),
            (0.1 + 0.2, "0.3"),
            (1.0 / 3.0, "0.33333333333333"),
            (1e100, "1.0e+100"),
            (1e15, "1.0e+15"),
            (1e14, "1.0e+14"),
            (99999999999999.5, "1.0e+14"),
            (10000000000000.0, "10000000000000"),
            (5e-5, "5.0e-5"),
            (1.5e-7, "1.5e-7"),
            (0.0001, "0.0001"),
            (0.00001, "1.0e-5"),
            (100.0, "100"),
            (-42.25, "-42.25"),
            (0.0, "0"),
            (-0.0, "-0"),
            (f64::INFINITY, "INF"),
            (f64::NEG_INFINITY, "-INF"),
            (f64::NAN, "NAN"),
            (5e-324, "4.9406564584125e-324"),
            (f64::MIN_POSITIVE, "2.2250738585072e-308"),
            (f64::MAX, "1.7976931348623e+308"),
            (f64::MIN, "-1.7976931348623e+308"),
            (100000000000005.0, "1.0000000000000e+14"),
            (100000000000015.0, "1.0000000000002e+14"),
            (123456789012005.0, "1.2345678901200e+14"),
            (999999999999995.0, "1.0e+15"),
        ];
        for (value, expected) in cases {
            assert_eq!(formatted(value), expected, "{value:e}");
        }
    }

    #[test]
    fn format_double_matches_php_sample() {
        for line in PHP_G14_SAMPLE {
            let (bits, expected) = line.split_once(' ').expect("two fields");
            let value = f64::from_bits(u64::from_str_radix(bits, 16).expect("hex bits"));
            assert_eq!(formatted(value), expected, "{bits}");
        }
    }

    #[test]
    fn format_double_appends() {
        let mut out = b"x=".to_vec();
        format_double(2.5, &mut out);
        format_double(-1e-300, &mut out);
        assert_eq!(out, b"x=2.5-1.0e-300");
    }

    /// Expected values from glibc `strtol(s, NULL, 10)`.
    #[test]
    fn parse_long_lenient_like_strtol() {
        let cases: [(&[u8], i64); 16] = [
            (b"42", 42),
            (b"  +42x", 42),
            (b"-42", -42),
            (b"\t\n\x0b\x0c\r 7", 7),
            (b"9223372036854775807", i64::MAX),
            (b"9223372036854775808", i64::MAX),
            (b"99999999999999999999", i64::MAX),
            (b"-9223372036854775808", i64::MIN),
            (b"-9223372036854775809", i64::MIN),
            (b"abc", 0),
            (b"", 0),
            (b"- 5", 0),
            (b"+-1", 0),
            (b"0x1f", 0),
            (b"12\x0034", 12),
            (b"1.9e3", 1),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_long_lenient(input), expected, "{input:?}");
        }
    }

    /// Expected values from glibc `sscanf(s, "%lg", &v)` with `v` preset to 0.
    #[test]
    fn parse_double_lenient_like_sscanf() {
        let cases: [(&[u8], f64); 44] = [
            (b"1.5", 1.5),
            (b"  -3.5abc", -3.5),
            (b"\t\n 7", 7.0),
            (b".5", 0.5),
            (b"1.", 1.0),
            (b"1.e5", 100000.0),
            (b"+.5e-1", 0.05),
            (b"00012", 12.0),
            (b"1e", 1.0),
            (b"1e+", 1.0),
            (b"1ex", 1.0),
            (b"1e+x", 1.0),
            (b"1.5e", 1.5),
            (b"100ergs", 100.0),
            (b"1..2", 1.0),
            (b"1e5e3", 100000.0),
            (b"+1.5e+3x", 1500.0),
            (b"1e400", f64::INFINITY),
            (b"1e-400", 0.0),
            (b"2.4703282292062328e-324", 5e-324),
            (b"2.4703282292062327e-324", 0.0),
            (b"12345678901234567890123", 1.2345678901234568e22),
            (b"0.33333333333333", 0.33333333333333),
            (b".", 0.0),
            (b"-", 0.0),
            (b".e5", 0.0),
            (b"-.e1", 0.0),
            (b"", 0.0),
            (b"inf", f64::INFINITY),
            (b"-Infinity", f64::NEG_INFINITY),
            (b"INFINITY", f64::INFINITY),
            (b"infinityx", f64::INFINITY),
            (b"infz", f64::INFINITY),
            (b"infi", 0.0),
            (b"infinitx", 0.0),
            (b"in", 0.0),
            (b"0x1p3", 8.0),
            (b"0x10", 16.0),
            (b"0x1.8p1", 3.0),
            (b"0X1P-2", 0.25),
            (b"0x1p", 1.0),
            (b"0x", 0.0),
            (b"0xg", 0.0),
            (b"0x1.000000000000080000001p0", 1.0000000000000002),
        ];
        for (input, expected) in cases {
            let parsed = parse_double_lenient(input);
            assert_eq!(
                parsed.to_bits(),
                expected.to_bits(),
                "{input:?} gave {parsed:e}"
            );
        }
        for nan in [&b"nan"[..], b"NAN", b"nanx", b"nan(123)", b"-nan", b"+nan"] {
            assert!(parse_double_lenient(nan).is_nan(), "{nan:?}");
        }
        assert!(parse_double_lenient(b"-0").is_sign_negative());
        assert!(parse_double_lenient(b"-0x").is_sign_positive());
    }

    /// Hexadecimal floats round to nearest-even like glibc, including subnormals.
    #[test]
    fn parse_double_lenient_hex_rounding() {
        let cases: [(&[u8], u64); 9] = [
            (b"0x0001p-1074", 1),
            (b"0x1p-1075", 0),
            (b"0x1.8p-1074", 2),
            (b"0x3p-1076", 1),
            (b"0x1.00000000000008p0", 0x3FF0_0000_0000_0000),
            (b"0x1.00000000000018p0", 0x3FF0_0000_0000_0002),
            (b"0x1.fffffffffffff8p1023", 0x7FF0_0000_0000_0000),
            (b"0x1P1024", 0x7FF0_0000_0000_0000),
            (b"0x.0000000000000000000000001p100", 0x3FF0_0000_0000_0000),
        ];
        for (input, expected_bits) in cases {
            assert_eq!(
                parse_double_lenient(input).to_bits(),
                expected_bits,
                "{input:?}"
            );
        }
        assert_eq!(
            parse_double_lenient(b"0x1.fffffffffffffp-1022").to_bits(),
            0x001F_FFFF_FFFF_FFFF
        );
        assert_eq!(
            parse_double_lenient(b"0x0.fffffffffffff8p-1022").to_bits(),
            0x0010_0000_0000_0000
        );
    }

    #[test]
    fn compression_default() {
        let default = Compression::default();
        assert_eq!(default.threshold, 20000);
        assert_eq!(default.min_savings, 0.2);
    }
}
