//! glibc's `sscanf(text, "%lg", &v)` (v preset to 0) against glibc's own, on the input up to
//! its first NUL and on the whole input: the same double, bit for bit (any NaN for a NaN).
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::compat::sscanf::sscanf_lg;

fuzz_target!(|data: &[u8]| {
    let c_len = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let text = std::ffi::CString::new(&data[..c_len]).unwrap();
    let mut value = 0.0f64;
    // SAFETY: a NUL-terminated string and format; `%lg` writes one double.
    unsafe { libc::sscanf(text.as_ptr(), c"%lg".as_ptr(), &mut value as *mut f64) };
    for ours in [sscanf_lg(&data[..c_len]), sscanf_lg(data)] {
        if value.is_nan() {
            assert!(ours.is_nan(), "{data:?}: ours {ours:e}, glibc NaN");
        } else {
            assert_eq!(
                ours.to_bits(),
                value.to_bits(),
                "{data:?}: ours {ours:e}, glibc {value:e}"
            );
        }
    }
});
