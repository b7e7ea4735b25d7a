//! C's `strtol(text, &end, 10)` against glibc's own, on the input up to its first NUL (where a
//! C string ends) and on the whole input (the emulation must stop at the NUL by itself): same
//! value, same number of bytes read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::compat::strtol::strtol;

fuzz_target!(|data: &[u8]| {
    let c_len = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let text = std::ffi::CString::new(&data[..c_len]).unwrap();
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: a NUL-terminated string; `end` then points into it.
    let value = unsafe { libc::strtol(text.as_ptr(), &mut end, 10) };
    // SAFETY: `end` points into `text`.
    let used = unsafe { end.offset_from(text.as_ptr()) } as usize;
    assert_eq!(strtol(&data[..c_len]), (value, used), "{data:?}");
    assert_eq!(strtol(data), (value, used), "{data:?}");
});
