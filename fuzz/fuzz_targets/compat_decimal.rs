//! The decimal writer against std's formatting, for every `u64` and `i64` the input spells.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::compat::decimal;

fuzz_target!(|n: u64| {
    assert_eq!(decimal::digits(n, &mut [0; 20]), n.to_string().as_bytes());
    let mut out = b"x".to_vec();
    decimal::push_signed(&mut out, n as i64);
    assert_eq!(&out[1..], (n as i64).to_string().as_bytes());
});
