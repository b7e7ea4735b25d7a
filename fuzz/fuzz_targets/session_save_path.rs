//! Feeds arbitrary text to the session save path parser (`session.save_path`, set by any
//! `ini_set()` or `.user.ini`), as the C extension reads it: PHP's URL parser, `urldecode()`
//! and PHP's string-to-number conversions.
//!
//! Checks: no panic; a parsed path names at least one server, each with a ring weight of at
//! least 1 and a host that is a piece of the text or a unix socket path; text with no
//! character but separators is `Empty`; an offset in an error points into the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::session::{parse_save_path, SavePathError};

fuzz_target!(|data: &[u8]| {
    let Ok(path) = std::str::from_utf8(data) else {
        return;
    };
    match parse_save_path(path) {
        Ok(servers) => {
            assert!(!servers.is_empty());
            for server in &servers {
                assert!(server.weight >= 1, "{path:?}: {server:?}");
                assert!(!server.config.host.is_empty(), "{path:?}: {server:?}");
            }
        }
        Err(SavePathError::Empty) => {
            assert!(
                path.chars().all(|c| c == ',' || c.is_whitespace()),
                "{path:?}"
            );
        }
        Err(SavePathError::Unparsable {
            offset,
            path: echoed,
        }) => {
            assert!(offset < path.len(), "{path:?}: offset {offset}");
            assert_eq!(echoed, path);
        }
        Err(SavePathError::Invalid) => {}
    }
});
