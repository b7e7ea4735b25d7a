//! Feeds arbitrary bytes to the ASCII reply parser, as a hostile or broken server would.
//!
//! Checks, reply after reply: no panic; `Done` consumes at least one and at most the available
//! bytes; a reply parses identically from exactly its own bytes and is `Incomplete` from any
//! shorter prefix (so the network layer can never act on half a reply).
#![no_main]

use libfuzzer_sys::fuzz_target;
use memcache::protocol::ascii::parse_reply;
use memcache::protocol::Parse;

fuzz_target!(|data: &[u8]| {
    let mut rest = data;
    while let Ok(Parse::Done(reply, used)) = parse_reply(rest) {
        assert!(used > 0 && used <= rest.len());
        let _ = (reply.message(), reply.errnum());
        assert_eq!(parse_reply(&rest[..used]), Ok(Parse::Done(reply, used)));
        assert_eq!(parse_reply(&rest[..used - 1]), Ok(Parse::Incomplete));
        rest = &rest[used..];
    }
});
