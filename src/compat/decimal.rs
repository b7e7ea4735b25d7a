//! Integers in decimal text, the one writer every wire format and hash input uses (ASCII
//! commands, stored ints, the `%.14g` exponent, consistent-hashing points and failover keys).
//! Written without `fmt`: these run for every request and every ring point.

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

    #[test]
    fn appends() {
        let mut out = b"x=".to_vec();
        push_unsigned(&mut out, 42);
        push_signed(&mut out, -3);
        assert_eq!(out, b"x=42-3");
    }
}
