//! glibc's `sscanf(text, "%lg")` in the C locale, as the C extension reads stored floats. Not
//! quite `strtod`: a cut-off `infinity` (`infin`) reads nothing.

use super::strtol::{skip_c_space, split_sign};

/// glibc's `sscanf(data, "%lg", &v)` with `v` preset to 0, as the C extension reads stored
/// floats.
///
/// Leading C whitespace and an optional sign, then the longest valid prefix of: a decimal
/// number (`12`, `1.5`, `.5`, `1.`, with an optional exponent that needs at least one digit),
/// `inf`/`infinity`, `nan` (any case), or a hexadecimal float (`0x1.8p1`). Correctly rounded.
/// Nothing parseable gives 0.0; like glibc, so does a cut-off `infinity` such as `infin`.
pub fn sscanf_lg(data: &[u8]) -> f64 {
    let (negative, body) = split_sign(skip_c_space(data));
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
/// digits]`, correctly rounded to nearest-even. `None` (nothing read) if it starts with neither
/// a hex digit nor a point; like glibc, a point alone (`0x.`) reads as zero.
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
    if !any_digit && !after_point {
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

    /// Expected values from glibc `sscanf(s, "%lg", &v)` with `v` preset to 0.
    #[test]
    fn values_like_glibc() {
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
            let parsed = sscanf_lg(input);
            assert_eq!(
                parsed.to_bits(),
                expected.to_bits(),
                "{input:?} gave {parsed:e}"
            );
        }
        for nan in [&b"nan"[..], b"NAN", b"nanx", b"nan(123)", b"-nan", b"+nan"] {
            assert!(sscanf_lg(nan).is_nan(), "{nan:?}");
        }
        assert!(sscanf_lg(b"-0").is_sign_negative());
        assert!(sscanf_lg(b"-0x").is_sign_positive());
        assert!(sscanf_lg(b"-0xg").is_sign_positive());
        // Found by fuzzing against glibc: after `0x`, a point is a conversion of zero.
        for zero in [&b"-0x."[..], b"-0X.\x86", b"-0x.p1", b"-0x.g", b"-0x.."] {
            assert_eq!(sscanf_lg(zero).to_bits(), (-0.0f64).to_bits(), "{zero:?}");
        }
        assert_eq!(sscanf_lg(b"-0x.1"), -0.0625);
    }

    /// Hexadecimal floats round to nearest-even like glibc, including subnormals.
    #[test]
    fn hex_rounding_like_glibc() {
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
            assert_eq!(sscanf_lg(input).to_bits(), expected_bits, "{input:?}");
        }
        assert_eq!(
            sscanf_lg(b"0x1.fffffffffffffp-1022").to_bits(),
            0x001F_FFFF_FFFF_FFFF
        );
        assert_eq!(
            sscanf_lg(b"0x0.fffffffffffff8p-1022").to_bits(),
            0x0010_0000_0000_0000
        );
    }
}
