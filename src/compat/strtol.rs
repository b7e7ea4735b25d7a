//! C's `strtol(text, &end, 10)` in the C locale, as the C extension reads stored ints and INI
//! integers, and PHP's URL parser reads ports.

/// C's `strtol(text, &end, 10)`: the value and how many bytes it read (`end - text`). Leading
/// C whitespace, an optional sign, then decimal digits up to the first other byte (a NUL ends
/// the C string there), saturating at `i64::MIN`/`i64::MAX` (the digits are still read). No
/// digit: `(0, 0)`, as C leaves `end` at the start.
pub fn strtol(text: &[u8]) -> (i64, usize) {
    let (negative, body) = split_sign(skip_c_space(text));
    let digits = body.iter().take_while(|byte| byte.is_ascii_digit()).count();
    if digits == 0 {
        return (0, 0);
    }
    let end = text.len() - body.len() + digits;
    let mut value: i64 = 0;
    for &byte in &body[..digits] {
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
            None if negative => return (i64::MIN, end),
            None => return (i64::MAX, end),
        }
    }
    (value, end)
}

/// `text` after its leading C whitespace (`isspace` in the C locale, which is also PHP's set).
pub(super) fn skip_c_space(text: &[u8]) -> &[u8] {
    let start = text
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
        .unwrap_or(text.len());
    &text[start..]
}

/// An optional leading `-` or `+`: whether it was `-`, and the rest.
pub(super) fn split_sign(text: &[u8]) -> (bool, &[u8]) {
    match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Value and `end - text` from glibc's `strtol(s, &end, 10)`.
    #[test]
    fn like_glibc() {
        let cases: [(&[u8], i64, usize); 20] = [
            (b"42", 42, 2),
            (b"  +42x", 42, 5),
            (b"-42", -42, 3),
            (b"\t\n\x0b\x0c\r 7", 7, 7),
            (b"9223372036854775807", i64::MAX, 19),
            (b"9223372036854775808", i64::MAX, 19),
            (b"99999999999999999999x", i64::MAX, 20),
            (b"-9223372036854775808", i64::MIN, 20),
            (b"-9223372036854775809", i64::MIN, 20),
            (b"abc", 0, 0),
            (b"", 0, 0),
            (b"   ", 0, 0),
            (b"-", 0, 0),
            (b"- 5", 0, 0),
            (b"+-1", 0, 0),
            (b"0x1f", 0, 1),
            (b"12\x0034", 12, 2),
            (b"1.9e3", 1, 1),
            (b"\t-0", 0, 3),
            (b"007", 7, 3),
        ];
        for (input, value, used) in cases {
            assert_eq!(strtol(input), (value, used), "{input:?}");
        }
    }
}
