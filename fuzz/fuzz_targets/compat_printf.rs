//! PHP's `%.14g` against glibc's `snprintf("%.14g")` for every double the input spells. Both
//! round the exact binary value to 14 significant digits, so the texts differ only in layout
//! (PHP writes `1.0e+25`, keeps some trailing zeros, and says `INF`/`NAN`): read back, they
//! must be the same number. Also: never panics, ASCII only, at most 22 bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::compat::printf::push_g14;

fuzz_target!(|bits: u64| {
    let v = f64::from_bits(bits);
    let mut ours = Vec::new();
    push_g14(&mut ours, v);
    assert!(ours.len() <= 22 && ours.is_ascii(), "{ours:?}");
    let ours = std::str::from_utf8(&ours).unwrap();
    if v.is_nan() {
        assert_eq!(ours, "NAN");
        return;
    }
    let mut c = [0u8; 64];
    // SAFETY: a 64-byte buffer, a NUL-terminated format taking one double.
    let n = unsafe { libc::snprintf(c.as_mut_ptr().cast(), c.len(), c"%.14g".as_ptr(), v) };
    let c = std::str::from_utf8(&c[..n as usize]).unwrap();
    let read = |text: &str| -> f64 {
        match text {
            "INF" | "inf" => f64::INFINITY,
            "-INF" | "-inf" => f64::NEG_INFINITY,
            _ => text.parse().unwrap(),
        }
    };
    let (a, b) = (read(ours), read(c));
    assert_eq!(a.to_bits(), b.to_bits(), "{v:e}: ours {ours}, glibc {c}");
});
