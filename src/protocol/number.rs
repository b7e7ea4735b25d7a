//! The decimal numbers of replies (a `VALUE` line's flags, length and cas unique, a meta
//! reply's size, flags, cas and opaque, a counter's new value): one reader for all of them,
//! so every reply refuses the same malformed numbers and none of them repeats the digit loop.

/// Numbers of up to this many digits always fit in a `u64` (`10^19 - 1 < u64::MAX`): their
/// digits are added up without overflow checks.
const SAFE_DIGITS: usize = 19;

/// The decimal number at the front of `bytes` and the bytes after its digits; `None` when
/// `bytes` does not start with a digit or the number does not fit in a `u64` (the caller
/// decides whether that is malformed or saturates).
#[inline(always)]
pub(crate) fn leading_number(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    let mut len = 0;
    while let Some(&byte) = bytes.get(len) {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        // Nineteen digits always fit: only a longer number is checked for overflow.
        value = if len < SAFE_DIGITS {
            value * 10 + u64::from(digit)
        } else {
            value.checked_mul(10)?.checked_add(u64::from(digit))?
        };
        len += 1;
    }
    (len > 0).then(|| (value, &bytes[len..]))
}

/// A field that is a decimal number and nothing else, fitting in a `u64`.
#[inline]
pub(crate) fn whole_number(field: &[u8]) -> Option<u64> {
    match leading_number(field)? {
        (value, []) => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_its_leading_digits() {
        assert_eq!(leading_number(b"0"), Some((0, &b""[..])));
        assert_eq!(leading_number(b"007 x"), Some((7, &b" x"[..])));
        assert_eq!(leading_number(b"42\r\n"), Some((42, &b"\r\n"[..])));
        assert_eq!(
            leading_number(b"18446744073709551615"),
            Some((u64::MAX, &b""[..]))
        );
        assert_eq!(
            leading_number(b"9999999999999999999 "),
            Some((9_999_999_999_999_999_999, &b" "[..]))
        );
        // Leading zeros count as digits, not as magnitude.
        assert_eq!(
            leading_number(b"000000000000000000000000042"),
            Some((42, &b""[..]))
        );
        for bad in [
            &b""[..],
            b" 1",
            b"-1",
            b"+1",
            b"x1",
            b"18446744073709551616",
            b"99999999999999999999",
            b"0000018446744073709551616",
        ] {
            assert_eq!(leading_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_whole_number_has_nothing_after_its_digits() {
        assert_eq!(whole_number(b"123"), Some(123));
        for bad in [&b""[..], b"12 ", b"1a", b"99999999999999999999"] {
            assert_eq!(whole_number(bad), None, "{bad:?}");
        }
    }
}
