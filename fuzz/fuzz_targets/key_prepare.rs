//! Feeds arbitrary keys, prefixes and server names (a request's `Host`, which a client chooses)
//! to key preparation: the bytes that are hashed, sent on the wire and echoed back.
//!
//! Checks: no panic; a prepared key is never longer than memcached's limit, holds no byte
//! that could end or split a command (control characters, NUL, space), and is the prefix and
//! key with exactly those bytes replaced, cut at the limit; an empty key is refused whatever
//! the prefix; a multi-key list holds the same keys; a host prefix is a suffix of the name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::key::{host_prefix, prepare, KeyList, MAX_KEY_LEN};

fuzz_target!(|data: &[u8]| {
    // Layout: [prefix length, flags, prefix and key bytes...]; the key is split in two.
    let [prefix_len, flags, rest @ ..] = data else {
        return;
    };
    let (prefix, keys) = rest.split_at(usize::from(*prefix_len).min(rest.len()));
    let (first, second) = keys.split_at(keys.len() / 2);
    let mut list = KeyList::with_capacity(2);
    for key in [first, second] {
        let prepared = prepare(prefix, key);
        assert_eq!(list.push(prefix, key), prepared.is_some());
        let Some(prepared) = prepared else {
            assert!(key.is_empty());
            continue;
        };
        let expected: Vec<u8> = prefix
            .iter()
            .chain(key)
            .take(MAX_KEY_LEN)
            .map(|&b| if b <= b' ' { b'_' } else { b })
            .collect();
        assert_eq!(&prepared[..], &expected[..]);
        assert!(prepared.len() <= MAX_KEY_LEN && !prepared.is_empty());
        assert!(prepared.iter().all(|&b| b > b' '));
        assert_eq!(list.get(list.len() - 1), &prepared[..]);
    }
    let host = host_prefix(prefix, flags & 1 != 0, flags & 2 != 0);
    assert!(prefix.ends_with(host));
});
