//! Fuzzes the value decoder with arbitrary flags and stored bytes, as any client (or a broken
//! server) may have written them: decoding must never panic, and what decompresses must stay
//! within the C extension's 2^15 expansion bound. (The number readers it uses have their own
//! targets, `compat_*`.)

#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::value::{self, Decoded};

fuzz_target!(|input: &[u8]| {
    let Some((flag_bytes, data)) = input.split_first_chunk::<4>() else {
        return;
    };
    let flags = u32::from_le_bytes(*flag_bytes);
    if let Ok(Decoded::Str(bytes) | Decoded::Serialized(bytes)) =
        value::decode(flags, data, usize::MAX)
    {
        assert!(bytes.len() <= data.len().max(1) * (1 << 15));
    }
});
