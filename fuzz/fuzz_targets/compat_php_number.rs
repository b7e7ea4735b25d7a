//! PHP's string-to-number conversions: never panic, and where std can read the same text the
//! answers agree. A string that is (after PHP's leading whitespace) a plain decimal integer in
//! range is that integer for `to_int`, `to_float` reads what std reads from a plain decimal
//! number, and an array key is an int key only if it is a canonical integer that round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::compat::php_number::{array_index, to_float, to_int};

fuzz_target!(|data: &[u8]| {
    let int = to_int(data);
    let float = to_float(data);
    if let Some(index) = array_index(data) {
        assert_eq!(index.to_string().as_bytes(), data);
        assert_eq!(int, index);
    }
    let trimmed = data
        .iter()
        .position(|b| !b" \t\n\r\x0b\x0c".contains(b))
        .map_or(&data[..0], |start| &data[start..]);
    let Ok(text) = std::str::from_utf8(trimmed) else {
        return;
    };
    let plain = !text.is_empty() && text.bytes().all(|b| b"0123456789+-.eE".contains(&b));
    if let (true, Ok(expected)) = (plain, text.parse::<i64>()) {
        assert_eq!(int, expected, "{text:?}");
    }
    if let (true, Ok(expected)) = (plain, text.parse::<f64>()) {
        assert_eq!(float.to_bits(), expected.to_bits(), "{text:?}");
        if expected.is_finite() && text.parse::<i64>().is_err() {
            assert_eq!(int, expected as i64, "{text:?}");
        }
    }
});
