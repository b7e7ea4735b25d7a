//! PHP's URL parser and `urldecode()`: never panic; every part found is a piece of the URL, in
//! the order scheme, host, path, query, none overlapping; a port comes with a host; decoding
//! never grows the text and leaves text without `%` and `+` as it is.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::compat::php_url::{parse_url, url_decode};

/// The offset of `part` in `whole` (a subslice of it).
fn offset(whole: &str, part: &str) -> usize {
    let start = part.as_ptr() as usize - whole.as_ptr() as usize;
    assert!(start + part.len() <= whole.len());
    start
}

fuzz_target!(|data: &[u8]| {
    let decoded = url_decode(data);
    assert!(decoded.len() <= data.len());
    if !data.contains(&b'%') && !data.contains(&b'+') {
        assert_eq!(decoded, data);
    }
    let Ok(url) = std::str::from_utf8(data) else {
        return;
    };
    let Some(parsed) = parse_url(url) else {
        return;
    };
    let mut at = 0;
    for part in [parsed.scheme, parsed.host, parsed.path, parsed.query]
        .into_iter()
        .flatten()
    {
        let start = offset(url, part);
        assert!(start >= at, "{url:?}: {parsed:?}");
        at = start + part.len();
    }
    if parsed.port != 0 {
        assert!(parsed.host.is_some(), "{url:?}: {parsed:?}");
    }
});
