//! PHP's conversions of strings to numbers, as the C extension gets them from the engine: `(int)`
//! and `(float)` of a string (the session save path's parameters), and the integer keys of
//! arrays (`$a["5"]` is `$a[5]`).

use super::strtol::skip_c_space;

/// PHP's conversion of a string to an integer (`(int)"…"`, `convert_to_long()`): leading
/// whitespace, then the longest numeric prefix; a prefix with a fraction or an exponent, or too
/// large for 64 bits, goes through a float and saturates (`1e3` is 1000,
/// `99999999999999999999` is `PHP_INT_MAX`), except that an infinite one is 0 (`1e999`); no
/// number is 0.
pub fn to_int(text: &[u8]) -> i64 {
    let (prefix, integral) = numeric_prefix(text);
    let text = std::str::from_utf8(prefix).unwrap_or("");
    if integral {
        if let Ok(int) = text.parse::<i64>() {
            return int;
        }
    }
    match text.parse::<f64>() {
        Ok(float) if float.is_finite() => float as i64,
        _ => 0,
    }
}

/// PHP's conversion of a string to a float (`(float)"…"`, `convert_to_double()`, `zend_strtod`):
/// leading whitespace, then the longest decimal prefix; `inf`, `nan` and hexadecimal are not
/// numbers (0), `1e999` is infinity.
pub fn to_float(text: &[u8]) -> f64 {
    let (prefix, _) = numeric_prefix(text);
    std::str::from_utf8(prefix)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(0.0)
}

/// The numeric prefix PHP reads from a string: after leading `" \t\n\r\v\f"`, an optional sign,
/// digits with an optional `.` and fraction (at least one digit), and an optional exponent
/// (`e`, optional sign, at least one digit). Also whether it is an integer (no `.`, no exponent).
/// Empty when there is no number.
fn numeric_prefix(text: &[u8]) -> (&[u8], bool) {
    let text = skip_c_space(text);
    let digits_from = |at: usize| {
        text[at.min(text.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(matches!(text.first(), Some(b'+' | b'-')));
    let whole = digits_from(i);
    i += whole;
    let mut integral = true;
    if text.get(i) == Some(&b'.') {
        let fraction = digits_from(i + 1);
        if whole + fraction > 0 {
            i += 1 + fraction;
            integral = false;
        }
    }
    if whole == 0 && integral {
        return (&text[..0], true);
    }
    if matches!(text.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(text.get(i + 1), Some(b'+' | b'-')));
        let exponent = digits_from(i + 1 + sign);
        if exponent > 0 {
            i += 1 + sign + exponent;
            integral = false;
        }
    }
    (&text[..i], integral)
}

/// The integer a string array key stands for (`ZEND_HANDLE_NUMERIC_STR`): a canonical decimal
/// integer (`"5"`, `"-3"`; not `"05"`, `"-0"`, `" 5"` or one outside 64 bits) is that int key;
/// anything else stays a string key.
pub fn array_index(key: &[u8]) -> Option<i64> {
    let digits = key.strip_prefix(b"-").unwrap_or(key);
    let canonical = !digits.is_empty()
        && digits.len() <= 20
        && digits.iter().all(u8::is_ascii_digit)
        && (digits[0] != b'0' || digits.len() == 1)
        && key != b"-0";
    if !canonical {
        return None;
    }
    std::str::from_utf8(key).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_convert_as_php_converts_them() {
        assert_eq!(to_int(b"1e3"), 1000);
        assert_eq!(to_int(b" 12abc"), 12);
        assert_eq!(to_int(b"99999999999999999999"), i64::MAX);
        assert_eq!(to_int(b"-1e100"), i64::MIN);
        assert_eq!(to_int(b"0x1A"), 0);
        assert_eq!(to_int(b"-.5"), 0);
        assert_eq!(to_float(b"\t+1.5e1x"), 15.0);
        assert_eq!(to_float(b"1.e2"), 100.0);
        assert_eq!(to_float(b"1e+"), 1.0);
        assert_eq!(to_float(b"inf"), 0.0);
        assert_eq!(to_float(b"."), 0.0);
    }

    /// Values from PHP 8.2's `(int)` and `(float)`.
    #[test]
    fn edges_as_php() {
        assert_eq!(to_int(b"1e999"), 0);
        assert_eq!(to_int(b"-1e999"), 0);
        assert_eq!(to_int(b"1e19"), i64::MAX);
        assert_eq!(to_int(b"\x0b12"), 12);
        assert_eq!(to_int(b"\x0c12"), 12);
        assert_eq!(to_int(b"1.9"), 1);
        assert_eq!(to_int(b"-0"), 0);
        assert_eq!(to_float(b"1e999"), f64::INFINITY);
        assert_eq!(to_float(b".5e"), 0.5);
        assert_eq!(to_float(b"0x1A"), 0.0);
    }

    #[test]
    fn array_keys_as_php() {
        for (key, index) in [
            (&b"5"[..], Some(5)),
            (b"-3", Some(-3)),
            (b"0", Some(0)),
            (b"9223372036854775807", Some(i64::MAX)),
            (b"-9223372036854775808", Some(i64::MIN)),
            (b"9223372036854775808", None),
            (b"05", None),
            (b"-0", None),
            (b" 5", None),
            (b"5 ", None),
            (b"", None),
            (b"-", None),
            (b"1e3", None),
        ] {
            assert_eq!(array_index(key), index, "{key:?}");
        }
    }
}
