//! memcached's binary protocol, exactly as pecl-memcache speaks it (`memcache.protocol=binary`).
//!
//! Why this module exists: it is the byte-level contract with memcached and with the C
//! extension when the binary protocol is selected. The `encode_*` functions produce the frames
//! the C extension sends, and [`parse_response`] splits the server's byte stream
//! into response frames and classifies their status the way the C extension does.
//!
//! # Frames
//! Every frame is a 24-byte header followed by a body of `extras`, `key` and `value`, in that
//! order. All header fields are big-endian:
//!
//! | offset | size | request            | response           |
//! |--------|------|--------------------|--------------------|
//! | 0      | 1    | magic `0x80`       | magic `0x81`       |
//! | 1      | 1    | opcode             | opcode (echoed)    |
//! | 2      | 2    | key length         | key length         |
//! | 4      | 1    | extras length      | extras length      |
//! | 5      | 1    | data type (0)      | data type          |
//! | 6      | 2    | vbucket (0)        | status             |
//! | 8      | 4    | total body length  | total body length  |
//! | 12     | 4    | opaque             | opaque (echoed)    |
//! | 16     | 8    | CAS                | CAS                |
//!
//! # Encoding
//! Each `encode_*` function appends one complete request frame to `out` and never clears it,
//! so a caller can batch frames (for example a multi-get: one [`encode_get`] with
//! `quiet = true` and `opaque` = index per key, then [`encode_noop`] with `opaque` = count) into
//! one `write`. Keys must already be prepared by the key module (1..=250 bytes); that is only
//! checked by a debug assertion. A body that does not fit the 32-bit length field (a value of
//! about 4 GiB) has its value truncated so that the length field stays true and the stream stays
//! in sync; memcached's item size limit is at most 1 GiB, so such a store is answered with
//! [`Status::TooLarge`] rather than smuggling the rest of the value in as further requests.
//!
//! # Parsing
//! [`parse_response`] looks at the front of a buffer and returns [`Parse::Incomplete`] or one
//! [`Response`] plus the number of bytes it used; responses borrow from the buffer. It is
//! context-free: the caller matches `opcode`/`opaque` against what it sent. Quiet requests
//! (`GETQ`) get no response on a miss, so a multi-get ends at the `NOOP` response. Validation
//! of the untrusted header, all reported as [`ProtocolError::MalformedResponse`] as soon as
//! the offending bytes are in the buffer:
//! - the magic byte must be `0x81` (checked on the first byte alone);
//! - the total body length must be at most [`MAX_BODY_LEN`], so a corrupt header cannot make
//!   the caller buffer without bound;
//! - extras length plus key length must not exceed the total body length;
//! - with [`parse_response_within`], the value (the body after extras and key) must be at most
//!   the caller's limit, else [`ProtocolError::ValueTooLarge`] as soon as the header is there.
//!
//! The data type byte is not checked (memcached always sends 0 and the C extension ignores
//! it), nor is the opcode (the caller knows what it expects).

use super::ascii::StoreOp;
use super::line::Line;
use super::{Parse, ProtocolError, Store};

/// Size of the fixed frame header, requests and responses alike.
pub const HEADER_LEN: usize = 24;

/// Largest total body length accepted in a response: a 1 GiB value (memcached's largest
/// possible item size) plus 1 KiB for extras and key. Larger lengths are treated as a
/// malformed response.
pub const MAX_BODY_LEN: usize = (1 << 30) + 1024;

/// Magic byte of request frames.
const REQUEST_MAGIC: u8 = 0x80;

/// Magic byte of response frames.
const RESPONSE_MAGIC: u8 = 0x81;

/// Longest key the encoders expect (what the key module produces).
const MAX_KEY_LEN: usize = 250;

/// Binary opcodes used by the extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Opcode {
    /// `GET`: fetch one item; a miss is answered with status [`Status::NotFound`].
    Get = 0x00,
    /// `SET`: store unconditionally, or only if the CAS field matches when it is not 0.
    Set = 0x01,
    /// `ADD`: store only if the key is missing.
    Add = 0x02,
    /// `REPLACE`: store only if the key exists.
    Replace = 0x03,
    /// `DELETE`.
    Delete = 0x04,
    /// `INCREMENT`.
    Increment = 0x05,
    /// `DECREMENT` (clamps at 0).
    Decrement = 0x06,
    /// `FLUSH`.
    Flush = 0x08,
    /// `GETQ`: like `GET` but a miss sends no response at all.
    GetQ = 0x09,
    /// `NOOP`: answered in order, so it marks the end of a run of quiet requests.
    Noop = 0x0a,
    /// `VERSION`.
    Version = 0x0b,
    /// `APPEND`.
    Append = 0x0e,
    /// `PREPEND`.
    Prepend = 0x0f,
    /// `STAT`: one response per statistic (key = name), ended by one with an empty key.
    Stat = 0x10,
    /// `SASL_AUTH`.
    SaslAuth = 0x21,
}

impl Opcode {
    /// Every opcode the extension uses.
    pub const ALL: [Opcode; 15] = [
        Opcode::Get,
        Opcode::Set,
        Opcode::Add,
        Opcode::Replace,
        Opcode::Delete,
        Opcode::Increment,
        Opcode::Decrement,
        Opcode::Flush,
        Opcode::GetQ,
        Opcode::Noop,
        Opcode::Version,
        Opcode::Append,
        Opcode::Prepend,
        Opcode::Stat,
        Opcode::SaslAuth,
    ];

    /// The opcode byte on the wire.
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The opcode for a wire byte, if it is one the extension uses.
    #[must_use]
    pub fn from_code(code: u8) -> Option<Opcode> {
        Opcode::ALL.into_iter().find(|op| op.code() == code)
    }
}

/// Appends a `GET` frame, or a `GETQ` frame when `quiet` (no response on a miss).
///
/// The C extension sends a single get as `GET` with opaque 0, and a multi-get as one `GETQ`
/// per key with opaque = the key's index in the batch, followed by [`encode_noop`] with
/// opaque = the number of keys.
pub fn encode_get(out: &mut Vec<u8>, key: &[u8], quiet: bool, opaque: u32) {
    debug_assert!(is_wire_key(key), "unprepared key");
    let opcode = if quiet { Opcode::GetQ } else { Opcode::Get };
    push_frame(out, opcode, &[], key, &[], opaque, 0);
}

/// Appends a storage frame.
///
/// `Set`, `Add` and `Replace` carry 8 bytes of extras (flags, exptime) and put `cas` in the
/// header's CAS field, so a non-zero `cas` makes them conditional. `Cas` is sent
/// as `SET` with the CAS field. `Append` and `Prepend` are sent without extras (the server
/// keeps the item's flags and expiry); `cas` still goes into the CAS field.
pub fn encode_store(out: &mut Vec<u8>, key: &[u8], store: Store<'_>, opaque: u32) {
    debug_assert!(is_wire_key(key), "unprepared key");
    let mut extras = [0u8; 8];
    extras[..4].copy_from_slice(&store.flags.to_be_bytes());
    extras[4..].copy_from_slice(&store.exptime.to_be_bytes());
    let extras: &[u8] = match store.op {
        StoreOp::Append | StoreOp::Prepend => &[],
        _ => &extras,
    };
    let opcode = store_opcode(store.op);
    push_frame(out, opcode, extras, key, store.data, opaque, store.cas);
}

/// The opcode a storage command is sent with (`cas` is a `SET` with the CAS field).
#[must_use]
pub fn store_opcode(op: StoreOp) -> Opcode {
    match op {
        StoreOp::Set | StoreOp::Cas => Opcode::Set,
        StoreOp::Add => Opcode::Add,
        StoreOp::Replace => Opcode::Replace,
        StoreOp::Append => Opcode::Append,
        StoreOp::Prepend => Opcode::Prepend,
    }
}

/// Appends a `DELETE` frame (no extras: the C extension never sends an expiry).
pub fn encode_delete(out: &mut Vec<u8>, key: &[u8], opaque: u32) {
    debug_assert!(is_wire_key(key), "unprepared key");
    push_frame(out, Opcode::Delete, &[], key, &[], opaque, 0);
}

/// Expiration sent in counter extras when the item must not be created on a miss.
pub const COUNTER_NO_CREATE: u32 = 0xFFFF_FFFF;

/// Appends an `INCREMENT` frame for `delta >= 0`, otherwise a `DECREMENT` by `|delta|`
/// (`i64::MIN` becomes a decrement by 2^63).
///
/// The 20 bytes of extras are delta (u64), initial value (u64) and expiration (u32). With
/// `initial = Some((value, exptime))` a missing key is created with `value` and `exptime`
/// (what the C extension does when `$defval` was passed); with `None` the initial value is 0
/// and the expiration [`COUNTER_NO_CREATE`], so a miss is answered with
/// [`Status::NotFound`].
pub fn encode_counter(
    out: &mut Vec<u8>,
    key: &[u8],
    delta: i64,
    initial: Option<(u64, u32)>,
    opaque: u32,
) {
    debug_assert!(is_wire_key(key), "unprepared key");
    let opcode = if delta >= 0 {
        Opcode::Increment
    } else {
        Opcode::Decrement
    };
    let (initial, expiration) = initial.unwrap_or((0, COUNTER_NO_CREATE));
    let mut extras = [0u8; 20];
    extras[..8].copy_from_slice(&delta.unsigned_abs().to_be_bytes());
    extras[8..16].copy_from_slice(&initial.to_be_bytes());
    extras[16..].copy_from_slice(&expiration.to_be_bytes());
    push_frame(out, opcode, &extras, key, &[], opaque, 0);
}

/// Appends a `NOOP` frame (the end marker of a multi-get; also what the C extension sends
/// instead of `stats`, which it does not support in binary).
pub fn encode_noop(out: &mut Vec<u8>, opaque: u32) {
    push_frame(out, Opcode::Noop, &[], &[], &[], opaque, 0);
}

/// Appends a `VERSION` frame.
pub fn encode_version(out: &mut Vec<u8>, opaque: u32) {
    push_frame(out, Opcode::Version, &[], &[], &[], opaque, 0);
}

/// Appends a `FLUSH` frame without extras: the C extension ignores the flush delay in binary.
pub fn encode_flush(out: &mut Vec<u8>, opaque: u32) {
    push_frame(out, Opcode::Flush, &[], &[], &[], opaque, 0);
}

/// Appends a `STAT` frame without a key (the general statistics). Not what `getStats()` sends
/// (the C extension has no stats in binary): the failback probe reads `uptime` with it.
pub fn encode_stat(out: &mut Vec<u8>, opaque: u32) {
    push_frame(out, Opcode::Stat, &[], &[], &[], opaque, 0);
}

/// Appends a `SASL_AUTH` frame for mechanism `PLAIN`: key `PLAIN`, value `\0<user>\0<pass>`.
pub fn encode_sasl_plain(out: &mut Vec<u8>, user: &[u8], pass: &[u8], opaque: u32) {
    let mut value = Vec::with_capacity(2 + user.len() + pass.len());
    value.push(0);
    value.extend_from_slice(user);
    value.push(0);
    value.extend_from_slice(pass);
    push_frame(out, Opcode::SaslAuth, &[], b"PLAIN", &value, opaque, 0);
}

/// Appends one request frame. `extras` is at most 20 bytes; `key` and `value` are cut, if need
/// be, so that the header's length fields describe exactly the bytes that follow.
fn push_frame(
    out: &mut Vec<u8>,
    opcode: Opcode,
    extras: &[u8],
    key: &[u8],
    value: &[u8],
    opaque: u32,
    cas: u64,
) {
    debug_assert!(extras.len() <= 20, "extras longer than any opcode's");
    let (key_len, value_len) = fit_body(extras.len(), key.len(), value.len());
    let (key, value) = (&key[..key_len], &value[..value_len]);
    // All three fit their fields: fit_body guarantees it (extras are at most 20 bytes).
    let body_len = (extras.len() + key_len + value_len) as u32;
    let mut header = [0u8; HEADER_LEN];
    header[0] = REQUEST_MAGIC;
    header[1] = opcode.code();
    header[2..4].copy_from_slice(&(key_len as u16).to_be_bytes());
    header[4] = extras.len() as u8;
    // header[5]: data type, raw bytes; header[6..8]: vbucket 0.
    header[8..12].copy_from_slice(&body_len.to_be_bytes());
    header[12..16].copy_from_slice(&opaque.to_be_bytes());
    header[16..24].copy_from_slice(&cas.to_be_bytes());
    // The header built on the stack goes in as one fixed-size copy, the body in place.
    let mut frame = Line::new(out, HEADER_LEN + body_len as usize);
    frame.word(&header, HEADER_LEN);
    frame.bytes(extras);
    frame.bytes(key);
    frame.bytes(value);
    frame.finish();
}

/// The key and value lengths actually sent: the key is cut to 65535 bytes (the key length
/// field) and the value so that the whole body fits the 32-bit body length field.
fn fit_body(extras_len: usize, key_len: usize, value_len: usize) -> (usize, usize) {
    let key_len = key_len.min(usize::from(u16::MAX));
    let room = (u32::MAX as usize).saturating_sub(extras_len + key_len);
    (key_len, value_len.min(room))
}

/// A key the encoders expect (what the key module produces).
fn is_wire_key(key: &[u8]) -> bool {
    (1..=MAX_KEY_LEN).contains(&key.len())
}

/// The response status, classified like the C extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// `0x00`: success.
    Ok,
    /// `0x01`: no such key (get/delete/incr miss; also `replace` and `cas` on a missing key).
    NotFound,
    /// `0x02`: `add` on an existing key, or a CAS mismatch.
    Exists,
    /// `0x03`: value too large (errnum 3).
    TooLarge,
    /// `0x04`: invalid arguments; a client error for the C extension (errnum 6). memcached
    /// closes the connection after sending it.
    InvalidArguments,
    /// `0x05`: not stored (`append`/`prepend` on a missing key).
    NotStored,
    /// `0x06`: incr/decr on a non-numeric value; a client error for the C extension (errnum 6).
    NonNumeric,
    /// `0x81`: unknown command (e.g. SASL against a server without SASL).
    UnknownCommand,
    /// `0x82`: out of memory (errnum 130).
    OutOfMemory,
    /// Any other status code, e.g. `0x20` authentication error.
    Other(u16),
}

impl Status {
    /// The status for a wire code.
    #[must_use]
    pub fn from_code(code: u16) -> Status {
        match code {
            0x00 => Status::Ok,
            0x01 => Status::NotFound,
            0x02 => Status::Exists,
            0x03 => Status::TooLarge,
            0x04 => Status::InvalidArguments,
            0x05 => Status::NotStored,
            0x06 => Status::NonNumeric,
            0x81 => Status::UnknownCommand,
            0x82 => Status::OutOfMemory,
            other => Status::Other(other),
        }
    }

    /// The wire code of this status.
    #[must_use]
    pub fn code(self) -> u16 {
        match self {
            Status::Ok => 0x00,
            Status::NotFound => 0x01,
            Status::Exists => 0x02,
            Status::TooLarge => 0x03,
            Status::InvalidArguments => 0x04,
            Status::NotStored => 0x05,
            Status::NonNumeric => 0x06,
            Status::UnknownCommand => 0x81,
            Status::OutOfMemory => 0x82,
            Status::Other(code) => code,
        }
    }

    /// The text memcached 1.6.18 sends as the value of a response with this status (what
    /// [`Response::message`] falls back to when a server sends an empty one). Out of memory
    /// on a store is sent as `Out of memory allocating item`; other out-of-memory cases as
    /// `Out of memory`.
    #[must_use]
    pub fn default_message(self) -> String {
        let text = match self {
            Status::Ok => "",
            Status::NotFound => "Not found",
            Status::Exists => "Data exists for key.",
            Status::TooLarge => "Too large.",
            Status::InvalidArguments => "Invalid arguments",
            Status::NotStored => "Not stored.",
            Status::NonNumeric => "Non-numeric server-side value for incr or decr",
            Status::UnknownCommand => "Unknown command",
            Status::OutOfMemory => "Out of memory",
            Status::Other(0x20) => "Auth failure.",
            Status::Other(code) => return format!("Unknown status 0x{code:02x}"),
        };
        text.to_owned()
    }

    /// The error number the C extension reports with a failure of this status: 3 too large,
    /// 130 out of memory, 6 for the client errors (invalid arguments, non-numeric), else 0.
    #[must_use]
    pub fn errnum(self) -> i32 {
        match self {
            Status::TooLarge => 3,
            Status::OutOfMemory => 130,
            Status::InvalidArguments | Status::NonNumeric => 6,
            _ => 0,
        }
    }
}

/// A parsed response frame; `extras`, `key` and `value` borrow from the parsed buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Response<'a> {
    /// The opcode of the request this answers (see [`Opcode::from_code`]).
    pub opcode: u8,
    /// The raw status code (see [`Response::status_kind`]).
    pub status: u16,
    /// The opaque of the request this answers.
    pub opaque: u32,
    /// The item's CAS unique (for get hits and successful stores; 0 otherwise).
    pub cas: u64,
    /// Extras: 4 bytes of flags for get hits, empty otherwise.
    pub extras: &'a [u8],
    /// Key: empty for the opcodes the extension uses (only the `GETK` family echoes keys).
    pub key: &'a [u8],
    /// Value: the item's data for a get hit, 8 bytes for a counter, the version text, or the
    /// server's error message when the status is not [`Status::Ok`].
    pub value: &'a [u8],
}

impl Response<'_> {
    /// The item's flags: the 4 bytes of extras of a get hit, `None` when the extras are not
    /// exactly 4 bytes.
    #[must_use]
    pub fn flags(&self) -> Option<u32> {
        let extras: [u8; 4] = self.extras.try_into().ok()?;
        Some(u32::from_be_bytes(extras))
    }

    /// The new counter value of a successful increment/decrement: the 8-byte value. `None`
    /// when the status is not [`Status::Ok`] or the value is not exactly 8 bytes.
    #[must_use]
    pub fn counter(&self) -> Option<u64> {
        if self.status != 0 {
            return None;
        }
        let value: [u8; 8] = self.value.try_into().ok()?;
        Some(u64::from_be_bytes(value))
    }

    /// The classified status.
    #[must_use]
    pub fn status_kind(&self) -> Status {
        Status::from_code(self.status)
    }

    /// The failure text the C extension reports for this response: the server's message (the
    /// value of an error response, e.g. `Not found`, `Not stored.`, `Unknown command`,
    /// `Non-numeric server-side value for incr or decr`), decoded lossily as UTF-8. When the
    /// value is empty, [`Status::default_message`] (memcached's text for the status).
    #[must_use]
    pub fn message(&self) -> String {
        if self.value.is_empty() {
            self.status_kind().default_message()
        } else {
            String::from_utf8_lossy(self.value).into_owned()
        }
    }

    /// The error number the C extension reports with this response, see [`Status::errnum`].
    #[must_use]
    pub fn errnum(&self) -> i32 {
        self.status_kind().errnum()
    }
}

/// Parses one response frame from the front of `buf`.
///
/// Returns [`Parse::Incomplete`] when `buf` may be the beginning of a valid frame (call again
/// with more bytes), or [`Parse::Done`] with the response and the bytes it occupies. Never reads
/// past the frame, so `buf` may hold further frames.
///
/// # Errors
/// [`ProtocolError::MalformedResponse`] when the bytes already in `buf` cannot begin a valid
/// frame: a first byte other than `0x81`, a total body length above [`MAX_BODY_LEN`], or extras
/// plus key longer than the body. The connection must then be closed.
pub fn parse_response(buf: &[u8]) -> Result<Parse<Response<'_>>, ProtocolError> {
    parse_response_within(buf, MAX_BODY_LEN)
}

/// [`parse_response`] for a caller that accepts values of at most `max_value_len` bytes.
///
/// # Errors
/// As [`parse_response`], and [`ProtocolError::ValueTooLarge`] for a header whose value (body
/// minus extras and key) is longer than `max_value_len`, before any of the body is needed.
pub fn parse_response_within(
    buf: &[u8],
    max_value_len: usize,
) -> Result<Parse<Response<'_>>, ProtocolError> {
    let malformed = ProtocolError::MalformedResponse;
    match buf.first() {
        None => return Ok(Parse::Incomplete),
        Some(&RESPONSE_MAGIC) => {}
        Some(_) => return Err(malformed),
    }
    let Some(header) = buf.get(..HEADER_LEN) else {
        return Ok(Parse::Incomplete);
    };
    let be16 = |at: usize| u16::from_be_bytes([header[at], header[at + 1]]);
    let be32 = |at: usize| u32::from_be_bytes([0, 1, 2, 3].map(|i| header[at + i]));
    let opcode = header[1];
    let key_len = usize::from(be16(2));
    let extras_len = usize::from(header[4]);
    let status = be16(6);
    let body_len = usize::try_from(be32(8)).map_err(|_| malformed)?;
    let opaque = be32(12);
    let cas = u64::from_be_bytes([0, 1, 2, 3, 4, 5, 6, 7].map(|i| header[16 + i]));
    if body_len > MAX_BODY_LEN || extras_len + key_len > body_len {
        return Err(malformed);
    }
    let value_len = body_len - extras_len - key_len;
    if value_len > max_value_len {
        return Err(ProtocolError::ValueTooLarge {
            len: value_len,
            limit: max_value_len,
        });
    }
    let Some(body) = buf.get(HEADER_LEN..HEADER_LEN + body_len) else {
        return Ok(Parse::Incomplete);
    };
    let (extras, rest) = body.split_at(extras_len);
    let (key, value) = rest.split_at(key_len);
    Ok(Parse::Done(
        Response {
            opcode,
            status,
            opaque,
            cas,
            extras,
            key,
            value,
        },
        HEADER_LEN + body_len,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::protocol::testing::{
        assert_parsed_in_random_chunks, encoded, parse_helpers, store, Rng,
    };

    parse_helpers!(parse_response -> Response, response);

    /// A request header written out field by field, independently of `push_frame`.
    fn request_header(
        opcode: u8,
        key_len: u16,
        extras_len: u8,
        body_len: u32,
        opaque: u32,
        cas: u64,
    ) -> Vec<u8> {
        let mut h = vec![0x80, opcode];
        h.extend_from_slice(&key_len.to_be_bytes());
        h.push(extras_len);
        h.push(0);
        h.extend_from_slice(&[0, 0]);
        h.extend_from_slice(&body_len.to_be_bytes());
        h.extend_from_slice(&opaque.to_be_bytes());
        h.extend_from_slice(&cas.to_be_bytes());
        assert_eq!(h.len(), HEADER_LEN);
        h
    }

    /// A response frame built field by field.
    fn response_frame(
        opcode: u8,
        status: u16,
        opaque: u32,
        cas: u64,
        extras: &[u8],
        key: &[u8],
        value: &[u8],
    ) -> Vec<u8> {
        let mut f = vec![0x81, opcode];
        f.extend_from_slice(&(key.len() as u16).to_be_bytes());
        f.push(extras.len() as u8);
        f.push(0);
        f.extend_from_slice(&status.to_be_bytes());
        f.extend_from_slice(&((extras.len() + key.len() + value.len()) as u32).to_be_bytes());
        f.extend_from_slice(&opaque.to_be_bytes());
        f.extend_from_slice(&cas.to_be_bytes());
        f.extend_from_slice(extras);
        f.extend_from_slice(key);
        f.extend_from_slice(value);
        f
    }

    // ---- opcodes ----

    #[test]
    fn opcode_values() {
        let expected: [(Opcode, u8); 15] = [
            (Opcode::Get, 0x00),
            (Opcode::Set, 0x01),
            (Opcode::Add, 0x02),
            (Opcode::Replace, 0x03),
            (Opcode::Delete, 0x04),
            (Opcode::Increment, 0x05),
            (Opcode::Decrement, 0x06),
            (Opcode::Flush, 0x08),
            (Opcode::GetQ, 0x09),
            (Opcode::Noop, 0x0a),
            (Opcode::Version, 0x0b),
            (Opcode::Append, 0x0e),
            (Opcode::Prepend, 0x0f),
            (Opcode::Stat, 0x10),
            (Opcode::SaslAuth, 0x21),
        ];
        for (op, code) in expected {
            assert_eq!(op.code(), code, "{op:?}");
            assert_eq!(op as u8, code, "{op:?}");
            assert_eq!(Opcode::from_code(code), Some(op));
        }
        for code in [0x07, 0x0c, 0x0d, 0x11, 0x20, 0x22, 0x80, 0xff] {
            assert_eq!(Opcode::from_code(code), None, "{code:#x}");
        }
    }

    // ---- encoders: exact bytes ----

    #[test]
    fn encode_get_single_and_quiet() {
        assert_eq!(
            encoded(|o| encode_get(o, b"w1", false, 0)),
            [
                &[0x80, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00][..],
                &[0x00, 0x00, 0x00, 0x02],
                &[0x00, 0x00, 0x00, 0x00],
                &[0, 0, 0, 0, 0, 0, 0, 0],
                b"w1",
            ]
            .concat()
        );
        assert_eq!(
            encoded(|o| encode_get(o, b"key", true, 0x0102_0304)),
            [
                &[0x80, 0x09, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00][..],
                &[0x00, 0x00, 0x00, 0x03],
                &[0x01, 0x02, 0x03, 0x04],
                &[0, 0, 0, 0, 0, 0, 0, 0],
                b"key",
            ]
            .concat()
        );
    }

    #[test]
    fn encode_multi_get_batch() {
        let keys: [&[u8]; 3] = [b"a", b"bb", b"ccc"];
        let mut out = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            encode_get(&mut out, key, true, i as u32);
        }
        encode_noop(&mut out, keys.len() as u32);
        let mut expected = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            expected.extend(request_header(
                0x09,
                key.len() as u16,
                0,
                key.len() as u32,
                i as u32,
                0,
            ));
            expected.extend_from_slice(key);
        }
        expected.extend(request_header(0x0a, 0, 0, 0, 3, 0));
        assert_eq!(out, expected);
    }

    #[test]
    fn encode_set_exact_bytes() {
        let out = encoded(|o| {
            encode_store(
                o,
                b"w1",
                store(StoreOp::Set, 65536, 100, 0x1122_3344_5566_7788, b"val"),
                7,
            )
        });
        let expected: Vec<u8> = [
            &[0x80, 0x01, 0x00, 0x02, 0x08, 0x00, 0x00, 0x00][..],
            &[0x00, 0x00, 0x00, 0x0d], // 8 extras + 2 key + 3 value
            &[0x00, 0x00, 0x00, 0x07],
            &[0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88],
            &[0x00, 0x01, 0x00, 0x00], // flags 65536
            &[0x00, 0x00, 0x00, 0x64], // exptime 100
            b"w1",
            b"val",
        ]
        .concat();
        assert_eq!(out, expected);
    }

    #[test]
    fn encode_store_opcodes_extras_and_cas() {
        let extras =
            |flags: u32, exptime: u32| [flags.to_be_bytes(), exptime.to_be_bytes()].concat();
        let cases: [(StoreOp, u8, bool); 6] = [
            (StoreOp::Set, 0x01, true),
            (StoreOp::Add, 0x02, true),
            (StoreOp::Replace, 0x03, true),
            (StoreOp::Cas, 0x01, true),
            (StoreOp::Append, 0x0e, false),
            (StoreOp::Prepend, 0x0f, false),
        ];
        for (op, opcode, with_extras) in cases {
            for cas in [0, 246_639, u64::MAX] {
                let out = encoded(|o| {
                    encode_store(o, b"k", store(op, 768, u32::MAX, cas, b"data"), u32::MAX)
                });
                let ex = if with_extras {
                    extras(768, u32::MAX)
                } else {
                    Vec::new()
                };
                let mut expected = request_header(
                    opcode,
                    1,
                    ex.len() as u8,
                    (ex.len() + 1 + 4) as u32,
                    u32::MAX,
                    cas,
                );
                expected.extend(ex);
                expected.extend_from_slice(b"k");
                expected.extend_from_slice(b"data");
                assert_eq!(out, expected, "{op:?} cas {cas}");
            }
        }
    }

    #[test]
    fn encode_store_empty_and_raw_data() {
        let out = encoded(|o| encode_store(o, b"k", store(StoreOp::Set, 0, 0, 0, b""), 0));
        let mut expected = request_header(0x01, 1, 8, 9, 0, 0);
        expected.extend_from_slice(&[0; 8]);
        expected.extend_from_slice(b"k");
        assert_eq!(out, expected);

        let data = b"\x80\x81\r\n\0\xff";
        let out = encoded(|o| encode_store(o, b"k", store(StoreOp::Append, 1, 2, 0, data), 0));
        let mut expected = request_header(0x0e, 1, 0, 7, 0, 0);
        expected.extend_from_slice(b"k");
        expected.extend_from_slice(data);
        assert_eq!(out, expected);
    }

    #[test]
    fn encode_delete_exact_bytes() {
        assert_eq!(
            encoded(|o| encode_delete(o, b"w2", 0xdead_beef)),
            [
                &[0x80, 0x04, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00][..],
                &[0x00, 0x00, 0x00, 0x02],
                &[0xde, 0xad, 0xbe, 0xef],
                &[0; 8],
                b"w2",
            ]
            .concat()
        );
    }

    #[test]
    fn encode_counter_exact_bytes() {
        assert_eq!(
            encoded(|o| encode_counter(o, b"w2", 3, None, 1)),
            [
                &[0x80, 0x05, 0x00, 0x02, 0x14, 0x00, 0x00, 0x00][..],
                &[0x00, 0x00, 0x00, 0x16], // 20 extras + 2 key
                &[0x00, 0x00, 0x00, 0x01],
                &[0; 8],
                &[0, 0, 0, 0, 0, 0, 0, 3], // delta
                &[0; 8],                   // initial
                &[0xff, 0xff, 0xff, 0xff], // no create
                b"w2",
            ]
            .concat()
        );
        assert_eq!(
            encoded(|o| encode_counter(o, b"w2", -2, Some((100, 60)), 0)),
            [
                &[0x80, 0x06, 0x00, 0x02, 0x14, 0x00, 0x00, 0x00][..],
                &[0x00, 0x00, 0x00, 0x16],
                &[0; 4],
                &[0; 8],
                &[0, 0, 0, 0, 0, 0, 0, 2],
                &[0, 0, 0, 0, 0, 0, 0, 100],
                &[0, 0, 0, 60],
                b"w2",
            ]
            .concat()
        );
    }

    #[test]
    fn encode_counter_deltas_and_initials() {
        let extras_of = |out: &[u8]| out[HEADER_LEN..HEADER_LEN + 20].to_vec();
        // (delta, initial, opcode, delta on the wire, initial on the wire, expiration)
        type Case = (i64, Option<(u64, u32)>, u8, u64, u64, u32);
        let cases: [Case; 7] = [
            (0, None, 0x05, 0, 0, COUNTER_NO_CREATE),
            (1, None, 0x05, 1, 0, COUNTER_NO_CREATE),
            (-1, None, 0x06, 1, 0, COUNTER_NO_CREATE),
            (i64::MAX, None, 0x05, i64::MAX as u64, 0, COUNTER_NO_CREATE),
            (i64::MIN, None, 0x06, 1 << 63, 0, COUNTER_NO_CREATE),
            (5, Some((0, 0)), 0x05, 5, 0, 0),
            (
                5,
                Some((u64::MAX, 4_294_967_294)),
                0x05,
                5,
                u64::MAX,
                4_294_967_294,
            ),
        ];
        for (delta, initial, opcode, wire_delta, wire_initial, expiration) in cases {
            let out = encoded(|o| encode_counter(o, b"k", delta, initial, 9));
            assert_eq!(out[1], opcode, "{delta}");
            assert_eq!(out.len(), HEADER_LEN + 21);
            let expected = [
                &wire_delta.to_be_bytes()[..],
                &wire_initial.to_be_bytes(),
                &expiration.to_be_bytes(),
            ]
            .concat();
            assert_eq!(extras_of(&out), expected, "{delta} {initial:?}");
        }
    }

    #[test]
    fn encode_server_commands_exact_bytes() {
        assert_eq!(
            encoded(|o| encode_noop(o, 3)),
            request_header(0x0a, 0, 0, 0, 3, 0)
        );
        assert_eq!(
            encoded(|o| encode_version(o, 0)),
            request_header(0x0b, 0, 0, 0, 0, 0)
        );
        assert_eq!(
            encoded(|o| encode_flush(o, 0x0a0b_0c0d)),
            [
                &[0x80, 0x08, 0, 0, 0, 0, 0, 0][..],
                &[0, 0, 0, 0],
                &[0x0a, 0x0b, 0x0c, 0x0d],
                &[0; 8],
            ]
            .concat()
        );
    }

    #[test]
    fn encode_sasl_plain_exact_bytes() {
        assert_eq!(
            encoded(|o| encode_sasl_plain(o, b"user", b"pass", 0)),
            [
                &[0x80, 0x21, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00][..],
                &[0x00, 0x00, 0x00, 0x0f], // 5 key + 10 value
                &[0; 4],
                &[0; 8],
                b"PLAIN",
                b"\0user\0pass",
            ]
            .concat()
        );
        let mut expected = request_header(0x21, 5, 0, 7, 2, 0);
        expected.extend_from_slice(b"PLAIN\0\0");
        assert_eq!(encoded(|o| encode_sasl_plain(o, b"", b"", 2)), expected);
    }

    #[test]
    fn encoders_append_to_the_buffer() {
        let mut out = b"prefix".to_vec();
        encode_version(&mut out, 1);
        encode_delete(&mut out, b"d", 2);
        let mut expected = b"prefix".to_vec();
        expected.extend(request_header(0x0b, 0, 0, 0, 1, 0));
        expected.extend(request_header(0x04, 1, 0, 1, 2, 0));
        expected.extend_from_slice(b"d");
        assert_eq!(out, expected);
    }

    #[test]
    fn longest_key_is_encoded_whole() {
        let key = [b'k'; MAX_KEY_LEN];
        let out = encoded(|o| encode_get(o, &key, false, 0));
        assert_eq!(&out[2..4], &[0, 250]);
        assert_eq!(&out[8..12], &[0, 0, 0, 250]);
        assert_eq!(&out[HEADER_LEN..], &key[..]);
    }

    #[test]
    fn oversized_bodies_are_cut_to_fit_the_length_fields() {
        let max = u32::MAX as usize;
        assert_eq!(fit_body(8, 250, 1 << 20), (250, 1 << 20));
        assert_eq!(fit_body(8, 250, max - 258), (250, max - 258));
        assert_eq!(fit_body(8, 250, max - 257), (250, max - 258));
        assert_eq!(fit_body(8, 250, usize::MAX), (250, max - 258));
        assert_eq!(fit_body(20, 70_000, 10), (65_535, 10));
        assert_eq!(fit_body(0, 0, usize::MAX), (0, max));
    }

    // ---- parsing: every status ----

    #[test]
    fn status_codes_round_trip() {
        let cases: [(u16, Status); 10] = [
            (0x00, Status::Ok),
            (0x01, Status::NotFound),
            (0x02, Status::Exists),
            (0x03, Status::TooLarge),
            (0x04, Status::InvalidArguments),
            (0x05, Status::NotStored),
            (0x06, Status::NonNumeric),
            (0x81, Status::UnknownCommand),
            (0x82, Status::OutOfMemory),
            (0x20, Status::Other(0x20)),
        ];
        for (code, status) in cases {
            assert_eq!(Status::from_code(code), status);
            assert_eq!(status.code(), code);
        }
        for code in [0x07, 0x21, 0x80, 0x83, 0xffff] {
            assert_eq!(Status::from_code(code), Status::Other(code));
            assert_eq!(Status::Other(code).code(), code);
        }
    }

    #[test]
    fn every_status_with_the_servers_message() {
        // Values as memcached 1.6.18 sends them (checked against the real server).
        let cases: [(u16, &[u8], Status, i32); 10] = [
            (0x01, b"Not found", Status::NotFound, 0),
            (0x02, b"Data exists for key.", Status::Exists, 0),
            (0x03, b"Too large.", Status::TooLarge, 3),
            (0x04, b"Invalid arguments", Status::InvalidArguments, 6),
            (0x05, b"Not stored.", Status::NotStored, 0),
            (
                0x06,
                b"Non-numeric server-side value for incr or decr",
                Status::NonNumeric,
                6,
            ),
            (0x81, b"Unknown command", Status::UnknownCommand, 0),
            (
                0x82,
                b"Out of memory allocating item",
                Status::OutOfMemory,
                130,
            ),
            (0x20, b"Auth failure.", Status::Other(0x20), 0),
            (0x1234, b"Something else", Status::Other(0x1234), 0),
        ];
        for (code, text, status, errnum) in cases {
            let frame = response_frame(0x01, code, 5, 0, b"", b"", text);
            let r = response(&frame);
            assert_eq!(r.status, code);
            assert_eq!(r.status_kind(), status);
            assert_eq!(r.message().as_bytes(), text);
            assert_eq!(r.errnum(), errnum, "{status:?}");
            assert_eq!(r.counter(), None);
            assert_eq!(r.flags(), None);
        }
    }

    #[test]
    fn default_messages_when_the_value_is_empty() {
        let cases: [(u16, &str); 12] = [
            (0x00, ""),
            (0x01, "Not found"),
            (0x02, "Data exists for key."),
            (0x03, "Too large."),
            (0x04, "Invalid arguments"),
            (0x05, "Not stored."),
            (0x06, "Non-numeric server-side value for incr or decr"),
            (0x81, "Unknown command"),
            (0x82, "Out of memory"),
            (0x20, "Auth failure."),
            (0x07, "Unknown status 0x07"),
            (0xbeef, "Unknown status 0xbeef"),
        ];
        for (code, text) in cases {
            let frame = response_frame(0x00, code, 0, 0, b"", b"", b"");
            assert_eq!(response(&frame).message(), text, "{code:#x}");
            assert_eq!(Status::from_code(code).default_message(), text);
        }
    }

    #[test]
    fn message_is_lossy_utf8() {
        let frame = response_frame(0x01, 0x01, 0, 0, b"", b"", b"Not \xff found");
        assert_eq!(response(&frame).message(), "Not \u{fffd} found");
    }

    // ---- parsing: response shapes ----

    #[test]
    fn get_hit() {
        let frame = response_frame(0x00, 0, 0, 246_639, &768u32.to_be_bytes(), b"", b"12345");
        let r = response(&frame);
        assert_eq!(
            r,
            Response {
                opcode: 0x00,
                status: 0,
                opaque: 0,
                cas: 246_639,
                extras: &[0, 0, 3, 0],
                key: b"",
                value: b"12345",
            }
        );
        assert_eq!(r.flags(), Some(768));
        assert_eq!(r.status_kind(), Status::Ok);
        assert_eq!(r.errnum(), 0);
        assert_eq!(r.message(), "12345");
    }

    #[test]
    fn header_fields_are_big_endian() {
        let frame = response_frame(
            0x09,
            0,
            0x0102_0304,
            0x0102_0304_0506_0708,
            &0xa1b2_c3d4u32.to_be_bytes(),
            b"key",
            b"v",
        );
        let r = response(&frame);
        assert_eq!(r.opcode, 0x09);
        assert_eq!(r.opaque, 0x0102_0304);
        assert_eq!(r.cas, 0x0102_0304_0506_0708);
        assert_eq!(r.flags(), Some(0xa1b2_c3d4));
        assert_eq!(r.key, b"key");
        assert_eq!(r.value, b"v");
    }

    #[test]
    fn flags_need_exactly_four_bytes_of_extras() {
        for extras in [&b""[..], b"\x01\x02\x03", b"\x01\x02\x03\x04\x05"] {
            let frame = response_frame(0x00, 0, 0, 0, extras, b"", b"v");
            assert_eq!(response(&frame).flags(), None, "{extras:?}");
        }
    }

    #[test]
    fn counter_values() {
        for n in [0, 1, 100, u64::from(u32::MAX) + 1, u64::MAX] {
            let frame = response_frame(0x05, 0, 0, 9, b"", b"", &n.to_be_bytes());
            assert_eq!(response(&frame).counter(), Some(n));
        }
        for value in [&b""[..], b"\0\0\0\0\0\0\0", b"\0\0\0\0\0\0\0\0\0"] {
            let frame = response_frame(0x05, 0, 0, 0, b"", b"", value);
            assert_eq!(response(&frame).counter(), None, "{value:?}");
        }
        let frame = response_frame(0x05, 0x01, 0, 0, b"", b"", b"\0\0\0\0\0\0\0\x01");
        assert_eq!(response(&frame).counter(), None);
    }

    #[test]
    fn store_delete_flush_noop_version_replies() {
        let stored = response_frame(0x01, 0, 0, 77, b"", b"", b"");
        let r = response(&stored);
        assert_eq!(
            (r.status_kind(), r.cas, r.value),
            (Status::Ok, 77, &b""[..])
        );
        for opcode in [0x04, 0x08, 0x0a] {
            let frame = response_frame(opcode, 0, 4, 0, b"", b"", b"");
            let r = response(&frame);
            assert_eq!((r.opcode, r.opaque, r.status), (opcode, 4, 0));
        }
        let version = response_frame(0x0b, 0, 0, 0, b"", b"", b"1.6.18");
        assert_eq!(response(&version).value, b"1.6.18");
    }

    #[test]
    fn data_type_is_not_checked() {
        let mut frame = response_frame(0x00, 0, 0, 0, b"", b"", b"v");
        frame[5] = 1;
        assert_eq!(response(&frame).value, b"v");
    }

    // ---- malformed frames ----

    #[test]
    fn wrong_magic_is_malformed_on_the_first_byte() {
        for magic in [0x00, 0x80, 0x82, b'V', b'S', 0xff] {
            assert_eq!(
                parse_response(&[magic]),
                Err(ProtocolError::MalformedResponse),
                "{magic:#x}"
            );
            let mut frame = response_frame(0x00, 0, 0, 0, b"", b"", b"v");
            frame[0] = magic;
            assert_eq!(
                parse_response(&frame),
                Err(ProtocolError::MalformedResponse)
            );
        }
        assert_eq!(
            parse_response(b"VALUE k 0 1\r\nx\r\nEND\r\n"),
            Err(ProtocolError::MalformedResponse)
        );
    }

    /// A bare response header with the given lengths.
    fn header(key_len: u16, extras_len: u8, body_len: u32) -> Vec<u8> {
        let mut h = vec![0x81, 0x00];
        h.extend_from_slice(&key_len.to_be_bytes());
        h.push(extras_len);
        h.extend_from_slice(&[0, 0, 0]);
        h.extend_from_slice(&body_len.to_be_bytes());
        h.extend_from_slice(&[0; 12]);
        h
    }

    #[test]
    fn lengths_that_do_not_fit_the_body_are_malformed() {
        for (key_len, extras_len, body_len) in [
            (1, 0, 0),
            (0, 1, 0),
            (5, 4, 8),
            (u16::MAX, u8::MAX, 65_535 + 254),
            (u16::MAX, 0, 0),
            (0, u8::MAX, 10),
        ] {
            let h = header(key_len, extras_len, body_len);
            assert_eq!(
                parse_response(&h),
                Err(ProtocolError::MalformedResponse),
                "key {key_len} extras {extras_len} body {body_len}"
            );
        }
        // Exactly filled by extras and key: fine (and waits for the body).
        let h = header(5, 4, 9);
        assert_eq!(parse_response(&h), Ok(Parse::Incomplete));
        let h = header(u16::MAX, u8::MAX, 65_535 + 255);
        assert_eq!(parse_response(&h), Ok(Parse::Incomplete));
    }

    #[test]
    fn body_length_limit() {
        let largest = header(0, 0, MAX_BODY_LEN as u32);
        assert_eq!(parse_response(&largest), Ok(Parse::Incomplete));
        for body_len in [MAX_BODY_LEN as u32 + 1, 1 << 31, u32::MAX] {
            assert_eq!(
                parse_response(&header(0, 0, body_len)),
                Err(ProtocolError::MalformedResponse),
                "{body_len}"
            );
        }
    }

    #[test]
    fn a_value_above_the_callers_limit_is_refused_at_its_header() {
        // Extras 4 and key 3 do not count: 7 + 10 is a 10-byte value.
        assert_eq!(
            parse_response_within(&header(3, 4, 17), 10),
            Ok(Parse::Incomplete)
        );
        assert_eq!(
            parse_response_within(&header(3, 4, 18), 10),
            Err(ProtocolError::ValueTooLarge { len: 11, limit: 10 })
        );
        // Above the protocol's own maximum it is a malformed frame whatever the limit.
        assert_eq!(
            parse_response_within(&header(0, 0, u32::MAX), 10),
            Err(ProtocolError::MalformedResponse)
        );
    }

    #[test]
    fn parsing_uses_only_the_first_frame() {
        let first = response_frame(0x09, 0, 1, 2, &[0, 0, 0, 1], b"", b"abc");
        let second = response_frame(0x0a, 0, 2, 0, b"", b"", b"");
        let stream = [first.clone(), second.clone(), vec![0xff]].concat();
        let (r, used) = done(&stream);
        assert_eq!(used, first.len());
        assert_eq!((r.opcode, r.value), (0x09, &b"abc"[..]));
        let (r, used) = done(&stream[used..]);
        assert_eq!((r.opcode, used), (0x0a, second.len()));
        assert_eq!(
            parse_response(&stream[first.len() + second.len()..]),
            Err(ProtocolError::MalformedResponse)
        );
    }

    // ---- incomplete at every split point ----

    fn sample_frames() -> Vec<Vec<u8>> {
        vec![
            response_frame(0x00, 0, 0, 1, &[0, 0, 3, 0], b"", b"12345"),
            response_frame(0x00, 1, 0, 0, b"", b"", b"Not found"),
            response_frame(0x09, 0, 7, 2, &[0, 1, 0, 0], b"", b""),
            response_frame(0x0c, 0, 0, 3, &[0, 0, 0, 0], b"key", b"value"),
            response_frame(0x0a, 0, 3, 0, b"", b"", b""),
            response_frame(0x01, 0, 0, 99, b"", b"", b""),
            response_frame(0x02, 2, 0, 0, b"", b"", b"Data exists for key."),
            response_frame(0x0e, 5, 0, 0, b"", b"", b"Not stored."),
            response_frame(0x05, 0, 0, 4, b"", b"", &42u64.to_be_bytes()),
            response_frame(
                0x05,
                6,
                0,
                0,
                b"",
                b"",
                b"Non-numeric server-side value for incr or decr",
            ),
            response_frame(0x01, 3, 0, 0, b"", b"", b"Too large."),
            response_frame(0x01, 0x82, 0, 0, b"", b"", b"Out of memory allocating item"),
            response_frame(0x21, 0x81, 0, 0, b"", b"", b"Unknown command"),
            response_frame(0x0b, 0, 0, 0, b"", b"", b"1.6.18"),
            response_frame(0x08, 0, 0, 0, b"", b"", b""),
            response_frame(0x04, 0, 0, 0, b"", b"", b""),
            response_frame(0x00, 0, 0, 5, &[0; 4], b"", &[0x81; 300]),
        ]
    }

    #[test]
    fn incomplete_at_every_split_point() {
        let frames = sample_frames();
        let stream = frames.concat();
        let mut at = 0;
        for frame in &frames {
            let whole = &stream[at..at + frame.len()];
            let r = assert_incomplete_until_done(whole);
            assert_eq!(
                parse_response(&stream[at..]),
                Ok(Parse::Done(r, frame.len()))
            );
            at += frame.len();
        }
        assert_eq!(at, stream.len());
        assert_eq!(parse_response(&stream[at..]), Ok(Parse::Incomplete));
    }

    #[test]
    fn streaming_in_random_chunks_gives_the_same_frames() {
        let frames = sample_frames();
        let stream = frames.concat();
        assert_parsed_in_random_chunks(&stream, 40, &frames, |buf| {
            match parse_response(buf).expect("valid stream") {
                Parse::Done(_, used) => Some((buf[..used].to_vec(), used)),
                Parse::Incomplete => None,
            }
        });
    }

    #[test]
    fn encoded_requests_parse_as_frames_once_the_magic_is_flipped() {
        // The request and response headers share their layout, so the encoders' length fields
        // can be cross-checked with the parser.
        let mut out = Vec::new();
        encode_store(&mut out, b"key", store(StoreOp::Set, 1, 2, 3, b"value"), 4);
        encode_counter(&mut out, b"ctr", -5, Some((6, 7)), 8);
        encode_sasl_plain(&mut out, b"u", b"p", 9);
        let mut rest = &mut out[..];
        let mut seen = Vec::new();
        while !rest.is_empty() {
            rest[0] = 0x81;
            let (r, used) = done(rest);
            seen.push((
                r.opcode,
                r.extras.len(),
                r.key.to_vec(),
                r.value.to_vec(),
                r.opaque,
            ));
            rest = &mut rest[used..];
        }
        assert_eq!(
            seen,
            vec![
                (0x01, 8, b"key".to_vec(), b"value".to_vec(), 4),
                (0x06, 20, b"ctr".to_vec(), Vec::new(), 8),
                (0x21, 0, b"PLAIN".to_vec(), b"\0u\0p".to_vec(), 9),
            ]
        );
    }

    // ---- untrusted input ----

    /// Random bytes biased towards frames: valid frames with a few bytes mutated (often in
    /// the header), headers with random lengths, or plain noise.
    fn random_input(rng: &mut Rng, frames: &[Vec<u8>]) -> Vec<u8> {
        match rng.below(3) {
            0 => {
                let mut buf = Vec::new();
                for _ in 0..1 + rng.below(4) {
                    buf.extend_from_slice(&frames[rng.below(frames.len())]);
                }
                for _ in 0..rng.below(4) {
                    let limit = if rng.below(2) == 0 {
                        HEADER_LEN.min(buf.len())
                    } else {
                        buf.len()
                    };
                    let at = rng.below(limit);
                    buf[at] = rng.next() as u8;
                }
                let cut = rng.below(buf.len() + 1);
                buf.truncate(if rng.below(2) == 0 { buf.len() } else { cut });
                buf
            }
            1 => {
                let key_len = rng.below(300) as u16;
                let extras_len = rng.below(30) as u8;
                let body_len = match rng.below(3) {
                    0 => rng.below(400) as u32,
                    1 => rng.next() as u32,
                    _ => u32::from(key_len) + u32::from(extras_len) + rng.below(50) as u32,
                };
                let mut buf = header(key_len, extras_len, body_len);
                buf[6] = rng.next() as u8;
                buf[7] = rng.next() as u8;
                for _ in 0..rng.below(500) {
                    buf.push(rng.next() as u8);
                }
                buf
            }
            _ => {
                let mut buf: Vec<u8> = (0..rng.below(100)).map(|_| rng.next() as u8).collect();
                if !buf.is_empty() && rng.below(2) == 0 {
                    buf[0] = 0x81;
                }
                buf
            }
        }
    }

    /// Parses `buf` frame by frame, checking the invariants the network layer relies on.
    fn check_invariants(buf: &[u8]) {
        let mut rest = buf;
        loop {
            match parse_response(rest) {
                Ok(Parse::Done(r, used)) => {
                    assert!(
                        used >= HEADER_LEN && used <= rest.len(),
                        "{used} of {rest:?}"
                    );
                    assert_eq!(
                        used,
                        HEADER_LEN + r.extras.len() + r.key.len() + r.value.len()
                    );
                    let _ = (
                        r.flags(),
                        r.counter(),
                        r.message(),
                        r.errnum(),
                        r.status_kind(),
                    );
                    assert_eq!(parse_response(&rest[..used]), Ok(Parse::Done(r, used)));
                    for cut in 0..used.min(64) {
                        assert_eq!(parse_response(&rest[..cut]), Ok(Parse::Incomplete));
                    }
                    rest = &rest[used..];
                }
                Ok(Parse::Incomplete) => {
                    for cut in 0..rest.len() {
                        assert_eq!(parse_response(&rest[..cut]), Ok(Parse::Incomplete));
                    }
                    break;
                }
                Err(e) => {
                    assert_eq!(e, ProtocolError::MalformedResponse);
                    // Adding bytes never turns an error back into a frame.
                    let mut longer = rest.to_vec();
                    longer.extend_from_slice(&[0; 32]);
                    assert_eq!(parse_response(&longer), Err(e));
                    break;
                }
            }
        }
    }

    #[test]
    fn random_input_never_panics() {
        let frames = sample_frames();
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..100_000 {
            check_invariants(&random_input(&mut rng, &frames));
        }
    }
}
