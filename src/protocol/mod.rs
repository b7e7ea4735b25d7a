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
pub mod meta;

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
}
