//! Wire protocols spoken to memcached, as pure functions over byte buffers (sans-I/O).
//!
//! Why this layer exists on its own: the network layer drives many sockets from one poll loop
//! and may stop after any `read`, so the protocol must be able to look at whatever has arrived
//! so far and answer either "a complete reply of `n` bytes" or "read more"
//! ([`Parse::Incomplete`]). Keeping sockets and PHP out of it lets the unit tests, the fuzzer
//! and the benchmarks feed it arbitrary bytes, and keeps every byte-exactness rule of the C
//! extension in one place.
//!
//! Every byte that comes from a server is treated as untrusted: a reply that cannot be
//! understood is a [`ProtocolError`] (and the connection must be closed), never a panic and never
//! an endless wait for data that can no longer make the reply valid.

pub mod ascii;
pub mod binary;
mod line;
pub mod meta;
pub(crate) mod number;

/// Wire protocol selected by `memcache.protocol`, fixed for a pool when it is created.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProtocolKind {
    /// memcached's text protocol (`memcache.protocol=ascii`, the default).
    #[default]
    Ascii,
    /// memcached's binary protocol (`memcache.protocol=binary`).
    Binary,
    /// memcached's meta commands (`memcache.protocol=meta`; memcached 1.6 and later).
    Meta,
}

impl ProtocolKind {
    /// True when the protocol has leases: a get that creates a placeholder on a miss and
    /// elects one client to recompute the value, and stale items served while it does (meta).
    /// Without them, the stampede guard takes a lock key instead.
    #[must_use]
    pub fn has_leases(self) -> bool {
        self == ProtocolKind::Meta
    }
}

/// A storage command's fields, as every protocol sends them (the key travels beside them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Store<'a> {
    /// Which storage command.
    pub op: ascii::StoreOp,
    /// Flags stored with the item.
    pub flags: u32,
    /// Expiry as sent on the wire.
    pub exptime: u32,
    /// CAS unique to compare: each protocol's `encode_store` says for which operations it is
    /// sent.
    pub cas: u64,
    /// The encoded value, sent raw.
    pub data: &'a [u8],
}

/// Result of trying to parse one reply from the front of a buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parse<T> {
    /// The buffer holds only the beginning of a reply: read more bytes, then parse the whole
    /// (grown) buffer again from the same position.
    Incomplete,
    /// One complete reply and the number of bytes it occupies at the front of the buffer; the
    /// caller drops exactly that many bytes before parsing the next reply.
    Done(T, usize),
}

/// A reply that cannot be understood: the connection must be closed.
///
/// The `Display` texts are the failure messages the C extension reports (errnum 0), so the
/// failure notice or callback can use them verbatim.
#[derive(Clone, Copy, Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProtocolError {
    /// A `VALUE` header that does not parse (missing or non-numeric fields, key longer than 250
    /// bytes, byte count above [`ascii::MAX_VALUE_LEN`]), or a data block that is not followed by
    /// CRLF exactly where the header's byte count says it ends.
    #[error("Malformed VALUE header")]
    MalformedValueHeader,
    /// An empty line, or a line feed that is not preceded by a carriage return.
    #[error("Malformed server response")]
    MalformedResponse,
    /// No line end within the first [`ascii::MAX_LINE_LEN`] bytes (the C extension's line
    /// buffer size); the C extension would hang until the network timeout instead.
    #[error("Malformed server response (line longer than {max} bytes)", max = ascii::MAX_LINE_LEN)]
    LineTooLong,
    /// A well-formed value header (ASCII `VALUE` line, binary response header) whose value is
    /// longer than the caller's limit (`parse_reply_within`, `parse_response_within`): the
    /// value is refused before any of it is buffered. Not a broken server (another client
    /// may have stored it), but the connection must be closed all the same.
    #[error("Value of {len} bytes is larger than the {limit} bytes memory_limit leaves")]
    ValueTooLarge {
        /// The value length the header declares.
        len: usize,
        /// The largest value length the caller accepts.
        limit: usize,
    },
}

/// Helpers of the parsers' unit tests, written once for every protocol.
#[cfg(test)]
pub(crate) mod testing {
    use super::ascii::StoreOp;
    use super::Store;

    /// What `encode` writes into an empty buffer.
    pub(crate) fn encoded(encode: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut out = Vec::new();
        encode(&mut out);
        out
    }

    /// A storage command of `op` with `data`, `flags`, `exptime` and `cas`.
    pub(crate) fn store(op: StoreOp, flags: u32, exptime: u32, cas: u64, data: &[u8]) -> Store<'_> {
        Store {
            op,
            flags,
            exptime,
            cas,
            data,
        }
    }

    /// xorshift64*: a small deterministic generator for the parsers' untrusted-input tests, so
    /// failures reproduce.
    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        /// The next number.
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        /// A number below `n`.
        pub(crate) fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Feeds `stream`, 200 times over, in random chunks of 1 to `max_step` bytes (as a socket
    /// may deliver it) to `parse`, which answers a complete reply at the front of what has
    /// arrived (as an `R`) with the bytes it occupies, or `None` while it is incomplete; asserts
    /// that the replies are `want` each time and that no byte is left over.
    pub(crate) fn assert_parsed_in_random_chunks<R: PartialEq + std::fmt::Debug>(
        stream: &[u8],
        max_step: usize,
        want: &[R],
        mut parse: impl FnMut(&[u8]) -> Option<(R, usize)>,
    ) {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..200 {
            let mut buf: Vec<u8> = Vec::new();
            let mut fed = 0;
            let mut got = Vec::new();
            while got.len() < want.len() {
                if let Some((reply, used)) = parse(&buf) {
                    got.push(reply);
                    buf.drain(..used);
                } else {
                    assert!(fed < stream.len(), "stuck with {buf:?}");
                    let step = 1 + rng.below(max_step);
                    let end = (fed + step).min(stream.len());
                    buf.extend_from_slice(&stream[fed..end]);
                    fed = end;
                }
            }
            assert_eq!(got, want);
            assert!(buf.is_empty());
        }
    }

    /// Defines, for the parser `$parse` of `$reply`s: `done(buf)`, the reply at the front of
    /// `buf` and its length; `$whole(buf)`, the reply that is the whole of `buf`; and
    /// `assert_incomplete_until_done(buf)`, which asserts that every strict prefix of `buf` is
    /// incomplete and `buf` itself one reply, and returns it.
    macro_rules! parse_helpers {
        ($parse:ident -> $reply:ident, $whole:ident) => {
            fn done(buf: &[u8]) -> ($reply<'_>, usize) {
                match $parse(buf) {
                    Ok(Parse::Done(reply, used)) => (reply, used),
                    other => panic!(
                        "expected a {} from {buf:?}, got {other:?}",
                        stringify!($whole)
                    ),
                }
            }

            fn $whole(buf: &[u8]) -> $reply<'_> {
                let (reply, used) = done(buf);
                assert_eq!(
                    used,
                    buf.len(),
                    "{} did not use the whole of {buf:?}",
                    stringify!($whole)
                );
                reply
            }

            fn assert_incomplete_until_done(buf: &[u8]) -> $reply<'_> {
                for cut in 0..buf.len() {
                    assert_eq!(
                        $parse(&buf[..cut]),
                        Ok(Parse::Incomplete),
                        "prefix of {cut} bytes of {buf:?}"
                    );
                }
                $whole(buf)
            }
        };
    }
    pub(crate) use parse_helpers;
}
