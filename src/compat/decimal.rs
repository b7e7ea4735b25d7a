//! Integers in decimal text, the one writer every wire format and hash input uses (ASCII
//! commands, stored ints, the `%.14g` exponent, consistent-hashing points and failover keys).
//! Written without `fmt`: these run for every request and every ring point.

use std::mem::MaybeUninit;

/// The digits of `n` in decimal, written at the end of `buffer`.
pub fn digits(mut n: u64, buffer: &mut [u8; 20]) -> &[u8] {
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buffer[start..];
        }
    }
}

/// How many decimal digits `n` has (1 for 0).
#[inline]
pub fn digit_count(n: u64) -> usize {
    // A digit per division: the numbers of requests are short (flags, expiry, value lengths).
    let mut count = 1;
    let mut rest = n;
    while rest >= 10 {
        rest /= 10;
        count += 1;
    }
    count
}

/// The two digits of every number below 100, back to back: a number is written two digits
/// per division.
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// Writes `n` in decimal at the start of `out`, where an output buffer's spare capacity is
/// written in place, and returns how many bytes that took ([`digit_count`]).
///
/// # Panics
/// If `out` is shorter than that.
#[inline(always)]
pub fn write_unsigned(out: &mut [MaybeUninit<u8>], mut n: u64) -> usize {
    // One digit (the flags and expiry of most stores): no division.
    if n < 10 {
        out[0].write(b'0' + n as u8);
        return 1;
    }
    let len = digit_count(n);
    let out = &mut out[..len];
    let mut end = len;
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        end -= 2;
        out[end].write(PAIRS[pair]);
        out[end + 1].write(PAIRS[pair + 1]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        out[0].write(PAIRS[pair]);
        out[1].write(PAIRS[pair + 1]);
    } else {
        out[0].write(b'0' + n as u8);
    }
    len
}

/// Appends `n` in decimal.
pub fn push_unsigned(out: &mut Vec<u8>, n: u64) {
    // One digit (the flags and expiry of most stores): no division.
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    out.extend_from_slice(digits(n, &mut [0; 20]));
}

/// Appends `n` in decimal, with a leading `-` when negative.
pub fn push_signed(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    push_unsigned(out, n.unsigned_abs());
}

/// Numbers at both ends of every decimal width from 1 to 20 digits, and `u64::MAX`: where a
/// writer of decimal numbers changes its digit count, for the tests of every such writer.
#[cfg(test)]
pub(crate) fn width_edges() -> Vec<u64> {
    let mut edges = vec![0, 9, u64::MAX];
    for width in 1..20 {
        let power = 10u64.pow(width);
        edges.extend([power - 1, power, power + 1]);
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(n: i64) -> Vec<u8> {
        let mut out = Vec::new();
        push_signed(&mut out, n);
        out
    }

    #[test]
    fn writes_like_std() {
        for n in [
            0,
            7,
            9,
            10,
            11211,
            u64::from(u32::MAX),
            u64::MAX / 10,
            u64::MAX,
        ] {
            assert_eq!(digits(n, &mut [0; 20]), n.to_string().as_bytes(), "{n}");
        }
        for n in [0, -1, 1, -9, -10, i64::MIN, i64::MAX, i64::MIN + 1] {
            assert_eq!(signed(n), n.to_string().as_bytes(), "{n}");
        }
    }

    /// `write_unsigned` of `n` into a buffer just long enough.
    fn written(n: u64) -> Vec<u8> {
        let mut out = [MaybeUninit::new(b'x'); 20];
        let len = write_unsigned(&mut out, n);
        // SAFETY: every byte of `out` was initialised (to `x`, then maybe to a digit).
        out[..len]
            .iter()
            .map(|b| unsafe { b.assume_init() })
            .collect()
    }

    #[test]
    fn writes_every_width_in_place() {
        for n in width_edges() {
            assert_eq!(digit_count(n), n.to_string().len(), "{n}");
            assert_eq!(written(n), n.to_string().as_bytes(), "{n}");
        }
    }

    #[test]
    #[should_panic]
    fn writing_past_the_buffer_panics() {
        write_unsigned(&mut [MaybeUninit::uninit(); 2], 100);
    }

    #[test]
    fn appends() {
        let mut out = b"x=".to_vec();
        push_unsigned(&mut out, 42);
        push_signed(&mut out, -3);
        assert_eq!(out, b"x=42-3");
    }
}
