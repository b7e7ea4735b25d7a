//! memcached's ASCII (text) protocol, exactly as pecl-memcache speaks it.
//!
//! Why this module exists: it is the byte-level contract with both memcached and the C
//! extension we replace. The `encode_*` functions produce the same bytes the C extension sends,
//! so a fleet can run both extensions against one cache, and [`parse_reply`]
//! classifies replies the way the C extension does, so the same replies succeed, fail softly or
//! mark a server failed.
//!
//! # Encoding
//! Each `encode_*` function appends one complete request to `out` and never clears it, so a
//! caller can batch several requests into one buffer and one `write`. Keys must already be
//! prepared by the key module (1..=250 bytes, no byte <= 0x20); the encoders do not escape them
//! (a space would split the command), which is only checked by a debug assertion.
//!
//! # Parsing
//! [`parse_reply`] looks at the front of a buffer and returns [`Parse::Incomplete`] or one
//! [`Reply`] plus the number of bytes it used. Replies borrow from the buffer: nothing is
//! allocated per reply. Decisions, all deliberate:
//! - **Context-free.** Every memcached reply line identifies itself, so one parser serves all
//!   commands; the caller decides whether a reply is expected for the command it sent (for
//!   example `NOT_FOUND` is a plain miss for `get`/`delete`/`incr` but a failure for ASCII
//!   `cas`). A line of only digits is the reply to `incr`/`decr` ([`Reply::Number`]).
//! - **Classification by prefix**, like the C extension: `OK…`, `STORED…`,
//!   `DELETED…`, `NOT_FOUND…`, `NOT_STORED…`, `EXISTS…`, `END…`, `RESET…`, `SERVER_ERROR out of
//!   memory…`, `SERVER_ERROR object too large…`, other `SERVER_ERROR…`, `ERROR…`,
//!   `CLIENT_ERROR…`; `VALUE`, `VERSION `, `STAT `, `ITEM ` lines carry data. Anything else,
//!   including `TOUCHED` (the extension never sends `touch`), is [`Reply::Unexpected`].
//! - **Lines** end at the first LF, which must be preceded by CR; a CR elsewhere is ordinary
//!   content (memcached accepts keys containing CR, and `stats cachedump` echoes them). A bare
//!   LF or an empty line is [`ProtocolError::MalformedResponse`]. A line, CRLF included, may be
//!   at most [`MAX_LINE_LEN`] bytes; with no LF in the first [`MAX_LINE_LEN`] bytes the reply is
//!   [`ProtocolError::LineTooLong`] at once instead of waiting for more data.
//! - **VALUE blocks**: any line starting with `VALUE` is a header (as in the C extension's get
//!   handler). It must be `VALUE <key> <flags> <bytes> [<cas>]` with single spaces, a key of at
//!   most [`MAX_KEY_LEN`] bytes, flags that fit `u32`, a byte count of at most
//!   [`MAX_VALUE_LEN`] and a cas that fits `u64`; anything else is
//!   [`ProtocolError::MalformedValueHeader`]. A caller that cannot hold values that large
//!   passes its own, lower limit to [`parse_reply_within`]: a longer value is
//!   [`ProtocolError::ValueTooLarge`] as soon as its header is in the buffer. The whole block (header, data, trailing CRLF)
//!   must be in the buffer before it is returned. Data not followed by CRLF exactly at the
//!   declared length is also `MalformedValueHeader` (the header's byte count is what is wrong),
//!   reported as soon as the first wrong byte is in the buffer.
//! - **`STAT` and `ITEM` lines** that do not have the expected shape are not errors but
//!   [`Reply::Unexpected`]: the stats code stores such lines in its odd "key plus NUL" form
//!   like the C extension.
//! - **Numbers** (`incr`/`decr` replies) saturate at `u64::MAX` instead of failing, mirroring
//!   the C extension's lenient parsing; the PHP layer then saturates to `PHP_INT_MAX`.

use std::borrow::Cow;

use super::line::Line;
use super::{Parse, ProtocolError, Store};
use crate::compat::decimal::push_unsigned;
use crate::key::first_control_or_space;
use crate::protocol::number::leading_number;

/// Longest reply line accepted, CRLF included: the size of the C extension's line buffer.
pub const MAX_LINE_LEN: usize = 4096;

/// Longest key memcached accepts, and the longest key a `VALUE` header may carry.
pub const MAX_KEY_LEN: usize = 250;

/// Largest `VALUE` byte count accepted (1 GiB); larger counts are treated as a malformed header
/// so that a corrupt reply cannot make the caller buffer without bound.
pub const MAX_VALUE_LEN: usize = 1 << 30;

/// The storage commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreOp {
    /// `set`: store unconditionally.
    Set,
    /// `add`: store only if the key is missing.
    Add,
    /// `replace`: store only if the key exists.
    Replace,
    /// `append`: add the data after the existing value.
    Append,
    /// `prepend`: add the data before the existing value.
    Prepend,
    /// `cas`: store only if the item's cas unique still matches.
    Cas,
}

impl StoreOp {
    /// The command word on the wire and the space after it, padded to eight bytes, and how
    /// many of them to send: copied whole, the word is one fixed-size copy.
    fn command(self) -> (&'static [u8; 8], usize) {
        match self {
            StoreOp::Set => (b"set     ", 4),
            StoreOp::Add => (b"add     ", 4),
            StoreOp::Replace => (b"replace ", 8),
            StoreOp::Append => (b"append  ", 7),
            StoreOp::Prepend => (b"prepend ", 8),
            StoreOp::Cas => (b"cas     ", 4),
        }
    }
}

/// Appends a storage command and its data block:
/// `<op> <key> <flags> <exptime> <bytes>[ <cas>]\r\n<data>\r\n`.
///
/// `cas` is sent only for [`StoreOp::Cas`]; the C extension ignores it for the other commands
/// in the ASCII protocol.
pub fn encode_store(out: &mut Vec<u8>, key: &[u8], store: Store<'_>) {
    debug_assert!(is_wire_key(key), "unprepared key");
    let (command, command_len) = store.op.command();
    // The padded command word, the key, four separators, two 10-digit and two 20-digit
    // numbers, two CRLFs and the data.
    let longest = command.len() + key.len() + 4 + 2 * 10 + 2 * 20 + 4 + store.data.len();
    let mut line = Line::new(out, longest);
    line.word(command, command_len);
    line.bytes(key);
    line.byte(b' ');
    line.number(u64::from(store.flags));
    line.byte(b' ');
    line.number(u64::from(store.exptime));
    line.byte(b' ');
    line.number(store.data.len() as u64);
    if store.op == StoreOp::Cas {
        line.byte(b' ');
        line.number(store.cas);
    }
    line.word(b"\r\n", 2);
    line.bytes(store.data);
    line.word(b"\r\n", 2);
    line.finish();
}

/// Appends `get <key>…\r\n`, or `gets <key>…\r\n` when the caller wants cas uniques.
///
/// All keys for one server go into one command; `keys` must not be empty. They are gone
/// through twice: for the line's length, then to write it.
#[inline]
pub fn encode_get<'k>(
    out: &mut Vec<u8>,
    keys: impl IntoIterator<Item = &'k [u8], IntoIter: Clone>,
    with_cas: bool,
) {
    let keys = keys.into_iter();
    debug_assert!(keys.clone().next().is_some(), "get without keys");
    let longest = 4 + keys.clone().map(|key| 1 + key.len()).sum::<usize>() + 2;
    let mut line = Line::new(out, longest);
    line.word(b"gets", if with_cas { 4 } else { 3 });
    for key in keys {
        debug_assert!(is_wire_key(key), "unprepared key");
        line.byte(b' ');
        line.bytes(key);
    }
    line.word(b"\r\n", 2);
    line.finish();
}

/// Appends `delete <key>\r\n`. The C extension never sends a time.
pub fn encode_delete(out: &mut Vec<u8>, key: &[u8]) {
    debug_assert!(is_wire_key(key), "unprepared key");
    let mut line = Line::new(out, 7 + key.len() + 2);
    line.word(b"delete ", 7);
    line.bytes(key);
    line.word(b"\r\n", 2);
    line.finish();
}

/// Appends `incr <key> <delta>\r\n` for `delta >= 0`, otherwise `decr <key> <|delta|>\r\n`
/// (`i64::MIN` becomes `decr <key> 9223372036854775808`).
pub fn encode_counter(out: &mut Vec<u8>, key: &[u8], delta: i64) {
    debug_assert!(is_wire_key(key), "unprepared key");
    let mut line = Line::new(out, 5 + key.len() + 1 + 20 + 2);
    line.word(if delta >= 0 { b"incr " } else { b"decr " }, 5);
    line.bytes(key);
    line.byte(b' ');
    line.number(delta.unsigned_abs());
    line.word(b"\r\n", 2);
    line.finish();
}

/// Appends `version\r\n`.
pub fn encode_version(out: &mut Vec<u8>) {
    out.extend_from_slice(b"version\r\n");
}

/// Appends `flush_all\r\n`, or `flush_all <delay>\r\n` when `delay` is not 0.
pub fn encode_flush(out: &mut Vec<u8>, delay: u32) {
    out.extend_from_slice(b"flush_all");
    if delay != 0 {
        out.push(b' ');
        push_unsigned(out, u64::from(delay));
    }
    out.extend_from_slice(b"\r\n");
}

/// Appends `stats` followed by each argument after a space, e.g. `stats\r\n`,
/// `stats items\r\n` or `stats cachedump 1 5\r\n`.
pub fn encode_stats(out: &mut Vec<u8>, args: &[&[u8]]) {
    out.extend_from_slice(b"stats");
    for arg in args {
        out.push(b' ');
        out.extend_from_slice(arg);
    }
    out.extend_from_slice(b"\r\n");
}

/// What kind of `SERVER_ERROR` a server sent; the C extension treats two of them as soft
/// errors with their own error numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServerErrorKind {
    /// `SERVER_ERROR out of memory…`: a soft error, errnum 130.
    OutOfMemory,
    /// `SERVER_ERROR object too large…`: a soft error, errnum 3.
    TooLarge,
    /// Any other `SERVER_ERROR…`: a server failure, errnum 0.
    Other,
}

/// One reply line (or `VALUE` block), classified like the C extension: by prefix.
///
/// Borrowed slices point into the parsed buffer and never include the line's CRLF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply<'a> {
    /// `STORED`: a storage command succeeded.
    Stored,
    /// `NOT_STORED`: `add` on an existing key, or `replace`/`append`/`prepend` on a missing key.
    NotStored,
    /// `EXISTS`: the item changed since the cas unique was read.
    Exists,
    /// `NOT_FOUND`: no such key (`delete`, `incr`/`decr`, `cas`).
    NotFound,
    /// `DELETED`: `delete` succeeded.
    Deleted,
    /// `OK`: `flush_all` succeeded.
    Ok,
    /// `END`: the end of a `get`/`gets` or `stats` reply.
    End,
    /// `RESET`: `stats reset` succeeded.
    Reset,
    /// A `VALUE` block with its data; the whole block, trailing CRLF included, was in the buffer.
    Value {
        /// The key as echoed by the server (already prepared, so it may differ from the
        /// caller's unprepared key).
        key: &'a [u8],
        /// The raw 32-bit flags stored with the item.
        flags: u32,
        /// The cas unique, present when the request was `gets`.
        cas: Option<u64>,
        /// The stored bytes, without the trailing CRLF.
        data: &'a [u8],
    },
    /// A line of decimal digits: the new value after `incr`/`decr`, saturated at `u64::MAX`.
    Number(u64),
    /// `VERSION <text>`: the text after `VERSION `, e.g. `1.6.18`.
    Version(&'a [u8]),
    /// `STAT <name> <value>`: `name` is the text up to the first space after `STAT `, `value`
    /// everything after that space (possibly empty or containing spaces).
    Stat {
        /// Statistic name, e.g. `pid` or `items:1:number`.
        name: &'a [u8],
        /// Statistic value as sent.
        value: &'a [u8],
    },
    /// `ITEM <key> [<bytes> b; <expiry> s]` from `stats cachedump`. The key may contain spaces;
    /// `bytes` and `expiry` are non-empty runs of decimal digits, kept as text because PHP
    /// returns them as strings.
    Item {
        /// The item's key.
        key: &'a [u8],
        /// The item's size in bytes, as decimal text.
        bytes: &'a [u8],
        /// The item's expiry time (unix seconds), as decimal text.
        expiry: &'a [u8],
    },
    /// `SERVER_ERROR <msg>`; `line` is the whole line without CRLF.
    ServerError {
        /// Which of the `SERVER_ERROR`s the C extension distinguishes this is.
        kind: ServerErrorKind,
        /// The whole line without CRLF, e.g. `SERVER_ERROR object too large for cache`.
        line: &'a [u8],
    },
    /// `CLIENT_ERROR <msg>`: the whole line without CRLF.
    ClientError(&'a [u8]),
    /// `ERROR` (unknown command): the whole line without CRLF.
    Error(&'a [u8]),
    /// Any other line, without CRLF. The C extension reports it as a failure with the line as
    /// its message.
    Unexpected(&'a [u8]),
}

impl<'a> Reply<'a> {
    /// The message the C extension puts in a failure notice or callback when this reply is a
    /// failure (or soft error) for the command that was sent: the reply line without CRLF.
    ///
    /// Borrowed for every line-carrying reply and for the keyword replies (which give their
    /// canonical keyword, e.g. `NOT_FOUND`). Replies parsed into fields (`Value` header,
    /// `Number`, `Version`, `Stat`, `Item`) are rebuilt into an owned line; that only happens
    /// on the failure path.
    #[must_use]
    pub fn message(&self) -> Cow<'a, [u8]> {
        match *self {
            Reply::Stored => Cow::Borrowed(b"STORED"),
            Reply::NotStored => Cow::Borrowed(b"NOT_STORED"),
            Reply::Exists => Cow::Borrowed(b"EXISTS"),
            Reply::NotFound => Cow::Borrowed(b"NOT_FOUND"),
            Reply::Deleted => Cow::Borrowed(b"DELETED"),
            Reply::Ok => Cow::Borrowed(b"OK"),
            Reply::End => Cow::Borrowed(b"END"),
            Reply::Reset => Cow::Borrowed(b"RESET"),
            Reply::ServerError { line, .. }
            | Reply::ClientError(line)
            | Reply::Error(line)
            | Reply::Unexpected(line) => Cow::Borrowed(line),
            Reply::Value {
                key,
                flags,
                cas,
                data,
            } => {
                let mut line = b"VALUE ".to_vec();
                line.extend_from_slice(key);
                line.push(b' ');
                push_unsigned(&mut line, u64::from(flags));
                line.push(b' ');
                push_unsigned(&mut line, data.len() as u64);
                if let Some(cas) = cas {
                    line.push(b' ');
                    push_unsigned(&mut line, cas);
                }
                Cow::Owned(line)
            }
            Reply::Number(n) => {
                let mut line = Vec::new();
                push_unsigned(&mut line, n);
                Cow::Owned(line)
            }
            Reply::Version(version) => Cow::Owned([b"VERSION ", version].concat()),
            Reply::Stat { name, value } => Cow::Owned([b"STAT ", name, b" ", value].concat()),
            Reply::Item { key, bytes, expiry } => {
                Cow::Owned([b"ITEM ", key, b" [", bytes, b" b; ", expiry, b" s]"].concat())
            }
        }
    }

    /// The error number the C extension reports with this reply: 3 for `SERVER_ERROR object
    /// too large`, 130 for `SERVER_ERROR out of memory`, 6 for `CLIENT_ERROR`, 0 otherwise.
    #[must_use]
    pub fn errnum(&self) -> i32 {
        match self {
            Reply::ServerError {
                kind: ServerErrorKind::TooLarge,
                ..
            } => 3,
            Reply::ServerError {
                kind: ServerErrorKind::OutOfMemory,
                ..
            } => 130,
            Reply::ClientError(_) => 6,
            _ => 0,
        }
    }
}

/// Parses one reply from the front of `buf`.
///
/// Returns [`Parse::Incomplete`] when `buf` may be the beginning of a valid reply (call again
/// with more bytes), or [`Parse::Done`] with the reply and the bytes it occupies. Never reads
/// past the reply, so `buf` may hold further replies. See the module docs for the rules.
///
/// # Errors
/// A [`ProtocolError`] when the bytes already in `buf` cannot begin a valid reply: an empty
/// line or a bare LF ([`ProtocolError::MalformedResponse`]), no line end within
/// [`MAX_LINE_LEN`] bytes ([`ProtocolError::LineTooLong`]), or a bad `VALUE` header or block
/// ([`ProtocolError::MalformedValueHeader`]). The connection must then be closed.
pub fn parse_reply(buf: &[u8]) -> Result<Parse<Reply<'_>>, ProtocolError> {
    parse_reply_within(buf, MAX_VALUE_LEN)
}

/// [`parse_reply`] for a caller that accepts values of at most `max_value_len` bytes (at most
/// [`MAX_VALUE_LEN`] counts).
///
/// # Errors
/// As [`parse_reply`], and [`ProtocolError::ValueTooLarge`] for a well-formed `VALUE` header
/// whose byte count is above `max_value_len` (but not above [`MAX_VALUE_LEN`]), before any of
/// its data is needed.
pub fn parse_reply_within(
    buf: &[u8],
    max_value_len: usize,
) -> Result<Parse<Reply<'_>>, ProtocolError> {
    if let Some((reply, used)) = common_line(buf) {
        return Ok(Parse::Done(reply, used));
    }
    if let Some(header) = plain_value_header(buf) {
        return value_reply(buf, header, max_value_len);
    }
    let Some(line_end) = find_line_end(buf)? else {
        return Ok(Parse::Incomplete);
    };
    if let Some(header) = buf[..line_end - 2].strip_prefix(b"VALUE") {
        return value_reply(buf, value_header(header, line_end)?, max_value_len);
    }
    line_reply(buf, line_end)
}

/// Parses one reply line of a command that returns no values, like [`parse_reply`] except that
/// a line starting with `VALUE` is [`Reply::Unexpected`] like any other stray line: the C
/// extension reports such a line itself when it answers a store, delete or stats command.
///
/// # Errors
/// As [`parse_reply`], without the `VALUE` block errors.
pub fn parse_line(buf: &[u8]) -> Result<Parse<Reply<'_>>, ProtocolError> {
    if let Some((reply, used)) = common_line(buf) {
        return Ok(Parse::Done(reply, used));
    }
    let Some(line_end) = find_line_end(buf)? else {
        return Ok(Parse::Incomplete);
    };
    line_reply(buf, line_end)
}

/// The reply and its length when `buf` starts with one of the lines memcached sends most,
/// `END`, `STORED`, `DELETED` or `NOT_FOUND` with its CRLF, each matched whole by one
/// comparison, or a number line; `None` for anything else, which the general parser reads (to
/// the same reply for these lines).
#[inline(always)]
pub(crate) fn common_line(buf: &[u8]) -> Option<(Reply<'static>, usize)> {
    match buf.first()? {
        b'E' => whole_line(buf, b"END\r\n", Reply::End),
        b'S' => whole_line(buf, b"STORED\r\n", Reply::Stored),
        b'D' => whole_line(buf, b"DELETED\r\n", Reply::Deleted),
        b'N' => whole_line(buf, b"NOT_FOUND\r\n", Reply::NotFound),
        b'0'..=b'9' => number_line(buf),
        _ => None,
    }
}

/// `reply` when `buf` starts with `line`: compared as an array of known length, a few word
/// comparisons rather than a call to `memcmp`.
#[inline(always)]
fn whole_line<const N: usize>(
    buf: &[u8],
    line: &[u8; N],
    reply: Reply<'static>,
) -> Option<(Reply<'static>, usize)> {
    (buf.first_chunk::<N>() == Some(line)).then_some((reply, N))
}

/// The number line (an `incr`/`decr` reply) at the front of `buf`, read as its digits are
/// met; `None` for anything else, which the general parser reads (a number too large for a
/// `u64` included: it saturates there).
#[inline]
fn number_line(buf: &[u8]) -> Option<(Reply<'static>, usize)> {
    let (n, rest) = leading_number(buf)?;
    let line_end = buf.len() - rest.len() + 2;
    (rest.starts_with(b"\r\n") && line_end <= MAX_LINE_LEN).then_some((Reply::Number(n), line_end))
}

/// The reply of the complete line that ends (CRLF included) at `line_end` of `buf`, found
/// once by the caller.
fn line_reply(buf: &[u8], line_end: usize) -> Result<Parse<Reply<'_>>, ProtocolError> {
    let line = &buf[..line_end - 2];
    if line.is_empty() {
        return Err(ProtocolError::MalformedResponse);
    }
    Ok(Parse::Done(classify(line), line_end))
}

/// The longest buffer [`find_line_end`] looks through byte by byte rather than with `memchr`,
/// which costs more to start than it saves on a short one.
const SHORT_LINE: usize = 16;

/// Returns the length of the first line including its CRLF, `None` if the line is not complete
/// yet, or an error if it can no longer become a valid line.
pub(super) fn find_line_end(buf: &[u8]) -> Result<Option<usize>, ProtocolError> {
    let window = &buf[..buf.len().min(MAX_LINE_LEN)];
    // The last line of a reply (or the only one) is usually a few bytes: looked through by
    // hand; anything longer by `memchr`.
    let lf = if window.len() <= SHORT_LINE {
        window.iter().position(|&b| b == b'\n')
    } else {
        memchr::memchr(b'\n', window)
    };
    match lf {
        Some(lf) if lf > 0 && window[lf - 1] == b'\r' => Ok(Some(lf + 1)),
        Some(_) => Err(ProtocolError::MalformedResponse),
        None if buf.len() >= MAX_LINE_LEN => Err(ProtocolError::LineTooLong),
        None => Ok(None),
    }
}

/// Reply keywords without payload, matched by prefix like the C extension. No keyword is a
/// prefix of another entry or of a payload-carrying prefix, so the order does not matter.
const KEYWORDS: [(&[u8], Reply<'static>); 8] = [
    (b"OK", Reply::Ok),
    (b"STORED", Reply::Stored),
    (b"DELETED", Reply::Deleted),
    (b"NOT_FOUND", Reply::NotFound),
    (b"NOT_STORED", Reply::NotStored),
    (b"EXISTS", Reply::Exists),
    (b"END", Reply::End),
    (b"RESET", Reply::Reset),
];

/// Classifies a complete, non-empty line (a `VALUE` line, which has no keyword here, is
/// [`Reply::Unexpected`]).
fn classify(line: &[u8]) -> Reply<'_> {
    // The lines memcached sends most were matched whole before (`common_line`).
    if let Some(&(_, reply)) = KEYWORDS.iter().find(|(kw, _)| line.starts_with(kw)) {
        return reply;
    }
    if let Some(rest) = line.strip_prefix(b"STAT ") {
        return parse_stat(rest).unwrap_or(Reply::Unexpected(line));
    }
    if let Some(rest) = line.strip_prefix(b"ITEM ") {
        return parse_item(rest).unwrap_or(Reply::Unexpected(line));
    }
    if let Some(version) = line.strip_prefix(b"VERSION ") {
        return Reply::Version(version);
    }
    if let Some(message) = line.strip_prefix(b"SERVER_ERROR") {
        let kind = if message.starts_with(b" out of memory") {
            ServerErrorKind::OutOfMemory
        } else if message.starts_with(b" object too large") {
            ServerErrorKind::TooLarge
        } else {
            ServerErrorKind::Other
        };
        return Reply::ServerError { kind, line };
    }
    if line.starts_with(b"CLIENT_ERROR") {
        return Reply::ClientError(line);
    }
    if line.starts_with(b"ERROR") {
        return Reply::Error(line);
    }
    if line.iter().all(u8::is_ascii_digit) {
        // Only a number too large for a `u64` gets here (`number_line` read the others):
        // saturated, like memcached's own counters cannot exceed it.
        return Reply::Number(leading_number(line).map_or(u64::MAX, |(n, _)| n));
    }
    Reply::Unexpected(line)
}

/// What a `VALUE` header line says.
struct ValueHeader<'a> {
    key: &'a [u8],
    flags: u32,
    /// Length of the data block.
    bytes: usize,
    cas: Option<u64>,
    /// Length of the header line, CRLF included.
    line_end: usize,
}

/// The header at the front of `buf` when it is a complete `VALUE` line in the form memcached
/// writes (a key without control bytes, single spaces, CRLF), read in a single pass; `None` for
/// anything else, which [`find_line_end`] and [`value_header`] then read (for a line accepted
/// here they find the same).
fn plain_value_header(buf: &[u8]) -> Option<ValueHeader<'_>> {
    let after = buf.strip_prefix(b"VALUE ")?;
    let (key, rest) = after.split_at(first_control_or_space(after)?);
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return None;
    }
    let (flags, rest) = leading_number(after_space(rest)?)?;
    let flags = u32::try_from(flags).ok()?;
    let (bytes, rest) = leading_number(after_space(rest)?)?;
    let bytes = usize::try_from(bytes)
        .ok()
        .filter(|&b| b <= MAX_VALUE_LEN)?;
    let (cas, rest) = match after_space(rest) {
        Some(field) => {
            let (cas, rest) = leading_number(field)?;
            (Some(cas), rest)
        }
        None => (None, rest),
    };
    let line_end = buf.len() - rest.len() + 2;
    match rest {
        // Leading zeros could make the line longer than a line may be.
        [b'\r', b'\n', ..] if line_end <= MAX_LINE_LEN => Some(ValueHeader {
            key,
            flags,
            bytes,
            cas,
            line_end,
        }),
        _ => None,
    }
}

/// What follows the single space at the front of `bytes`; `None` without one.
#[inline]
fn after_space(bytes: &[u8]) -> Option<&[u8]> {
    match bytes {
        [b' ', rest @ ..] => Some(rest),
        _ => None,
    }
}

/// Parses the text after `VALUE` (`header`) of a complete header line `line_end` bytes long.
fn value_header(header: &[u8], line_end: usize) -> Result<ValueHeader<'_>, ProtocolError> {
    let malformed = ProtocolError::MalformedValueHeader;
    let rest = header.strip_prefix(b" ").ok_or(malformed)?;
    let key_end = memchr::memchr(b' ', rest).ok_or(malformed)?;
    let key = &rest[..key_end];
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return Err(malformed);
    }
    let (flags, rest) = number_field(&rest[key_end + 1..]).ok_or(malformed)?;
    let flags = u32::try_from(flags).map_err(|_| malformed)?;
    let (bytes, rest) = number_field(rest.ok_or(malformed)?).ok_or(malformed)?;
    let bytes = usize::try_from(bytes)
        .ok()
        .filter(|&b| b <= MAX_VALUE_LEN)
        .ok_or(malformed)?;
    let cas = match rest {
        Some(field) => match number_field(field) {
            Some((cas, None)) => Some(cas),
            _ => return Err(malformed),
        },
        None => None,
    };
    Ok(ValueHeader {
        key,
        flags,
        bytes,
        cas,
        line_end,
    })
}

/// The value reply of `header` (at the front of `buf`) and its data block; values longer than
/// `max_value_len` are refused.
fn value_reply<'a>(
    buf: &'a [u8],
    header: ValueHeader<'a>,
    max_value_len: usize,
) -> Result<Parse<Reply<'a>>, ProtocolError> {
    if header.bytes > max_value_len {
        return Err(ProtocolError::ValueTooLarge {
            len: header.bytes,
            limit: max_value_len,
        });
    }
    Ok(match data_block(buf, header.line_end, header.bytes)? {
        Parse::Incomplete => Parse::Incomplete,
        Parse::Done(data, used) => Parse::Done(
            Reply::Value {
                key: header.key,
                flags: header.flags,
                cas: header.cas,
                data,
            },
            used,
        ),
    })
}

/// The data block of `bytes` bytes that follows a header line of `line_end` bytes (CRLF
/// included) at the front of `buf`, and the length of header, data and trailing CRLF together.
///
/// # Errors
/// [`ProtocolError::MalformedValueHeader`] as soon as a byte where the trailing CRLF belongs is
/// something else: the header's byte count is what is wrong.
pub(super) fn data_block(
    buf: &[u8],
    line_end: usize,
    bytes: usize,
) -> Result<Parse<&[u8]>, ProtocolError> {
    // Cannot overflow: line_end <= MAX_LINE_LEN and bytes <= MAX_VALUE_LEN.
    let data_end = line_end + bytes;
    // Byte by byte: a slice comparison would call memcmp for two bytes.
    match buf.get(data_end..).unwrap_or_default() {
        [b'\r', b'\n', ..] => Ok(Parse::Done(&buf[line_end..data_end], data_end + 2)),
        [] | [b'\r'] => Ok(Parse::Incomplete),
        _ => Err(ProtocolError::MalformedValueHeader),
    }
}

/// Parses `<name> <value>` after `STAT `.
fn parse_stat(rest: &[u8]) -> Option<Reply<'_>> {
    let space = rest.iter().position(|&b| b == b' ')?;
    let (name, value) = (&rest[..space], &rest[space + 1..]);
    (!name.is_empty()).then_some(Reply::Stat { name, value })
}

/// Parses `<key> [<bytes> b; <expiry> s]` after `ITEM `, from the right so that keys with
/// spaces (stored by other clients) survive.
fn parse_item(rest: &[u8]) -> Option<Reply<'_>> {
    let body = rest.strip_suffix(b" s]")?;
    let open = body.windows(2).rposition(|w| w == b" [")?;
    let (key, inner) = (&body[..open], &body[open + 2..]);
    let sep = inner.windows(4).position(|w| w == b" b; ")?;
    let (bytes, expiry) = (&inner[..sep], &inner[sep + 4..]);
    let is_number = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    (!key.is_empty() && is_number(bytes) && is_number(expiry)).then_some(Reply::Item {
        key,
        bytes,
        expiry,
    })
}

/// The decimal number at the front of `fields` (space-separated, each a whole number) and
/// the fields after its space, `None` after the last field.
fn number_field(fields: &[u8]) -> Option<(u64, Option<&[u8]>)> {
    match leading_number(fields)? {
        (value, []) => Some((value, None)),
        (value, [b' ', rest @ ..]) => Some((value, Some(rest))),
        _ => None,
    }
}

/// A key the encoders can put on the wire unescaped (what the key module produces).
pub(super) fn is_wire_key(key: &[u8]) -> bool {
    (1..=MAX_KEY_LEN).contains(&key.len()) && key.iter().all(|&b| b > b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::protocol::testing::{
        assert_parsed_in_random_chunks, encoded, parse_helpers, store, Rng,
    };

    parse_helpers!(parse_reply -> Reply, reply);

    // ---- encoders: the byte strings the C extension sends ----

    #[test]
    fn encode_store_commands() {
        let mut out = Vec::new();
        for (op, key, flags, exptime, cas, data) in [
            (StoreOp::Set, "w1", 65536, 100, 0, "val"),
            (StoreOp::Add, "w2", 768, u32::MAX, 0, "5"),
            (StoreOp::Replace, "w1", 1792, 0, 0, "1.5"),
            (StoreOp::Append, "w1", 0, 0, 0, "x"),
            (StoreOp::Prepend, "w1", 0, 0, 0, "y"),
            (StoreOp::Cas, "w1", 256, 0, 246639, "1"),
            (StoreOp::Cas, "k", u32::MAX, 0, u64::MAX, ""),
        ] {
            let store = store(op, flags, exptime, cas, data.as_bytes());
            encode_store(&mut out, key.as_bytes(), store);
        }
        assert_eq!(
            String::from_utf8_lossy(&out),
            "set w1 65536 100 3\r\nval\r\n\
             add w2 768 4294967295 1\r\n5\r\n\
             replace w1 1792 0 3\r\n1.5\r\n\
             append w1 0 0 1\r\nx\r\n\
             prepend w1 0 0 1\r\ny\r\n\
             cas w1 256 0 1 246639\r\n1\r\n\
             cas k 4294967295 0 0 18446744073709551615\r\n\r\n"
        );
    }

    #[test]
    fn encode_store_sends_cas_only_for_cas() {
        for (op, command) in [
            (StoreOp::Set, "set"),
            (StoreOp::Add, "add"),
            (StoreOp::Replace, "replace"),
            (StoreOp::Append, "append"),
            (StoreOp::Prepend, "prepend"),
        ] {
            let out = encoded(|out| encode_store(out, b"k", store(op, 0, 0, 99, b"v")));
            let expected = format!("{command} k 0 0 1\r\nv\r\n").into_bytes();
            assert_eq!(out, expected, "{op:?}");
        }
    }

    #[test]
    fn encode_store_writes_numbers_of_every_width() {
        // Each width from 1 to 20 digits at both of its ends, in every numeric field.
        for n in crate::compat::decimal::width_edges() {
            let small = u32::try_from(n).unwrap_or(u32::MAX);
            let data = vec![b'v'; (n % 1000) as usize];
            let out =
                encoded(|o| encode_store(o, b"key", store(StoreOp::Cas, small, small, n, &data)));
            let mut expected =
                format!("cas key {small} {small} {} {n}\r\n", data.len()).into_bytes();
            expected.extend_from_slice(&data);
            expected.extend_from_slice(b"\r\n");
            assert_eq!(out, expected, "{n}");
        }
    }

    #[test]
    fn encode_counter_writes_deltas_of_every_width() {
        for width in 0..19 {
            let n = 10i64.pow(width);
            for delta in [n - 1, n, n + 1, -n, 1 - n] {
                let out = encoded(|o| encode_counter(o, b"k", delta));
                let word = if delta >= 0 { "incr" } else { "decr" };
                let expected = format!("{word} k {}\r\n", delta.unsigned_abs());
                assert_eq!(out, expected.as_bytes(), "{delta}");
            }
        }
    }

    #[test]
    fn a_long_get_line_is_written_whole() {
        let keys: Vec<Vec<u8>> = (0..100)
            .map(|i| format!("{i:0>250}").into_bytes())
            .collect();
        let keys: Vec<&[u8]> = keys.iter().map(Vec::as_slice).collect();
        let out = encoded(|o| encode_get(o, keys.iter().copied(), true));
        let expected = format!(
            "gets {}\r\n",
            keys.iter()
                .map(|k| String::from_utf8_lossy(k))
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert_eq!(out, expected.as_bytes());
    }

    #[test]
    fn encode_store_data_is_sent_raw() {
        let out = encoded(|out| encode_store(out, b"k", store(StoreOp::Set, 0, 0, 0, b"a\r\nb\0")));
        assert_eq!(out, b"set k 0 0 5\r\na\r\nb\0\r\n");
        let out = encoded(|out| encode_store(out, b"k", store(StoreOp::Set, 0, 0, 0, b"")));
        assert_eq!(out, b"set k 0 0 0\r\n\r\n");
    }

    #[test]
    fn encode_get_commands() {
        assert_eq!(
            encoded(|o| encode_get(o, [b"w1".as_slice()], false)),
            b"get w1\r\n"
        );
        assert_eq!(
            encoded(|o| encode_get(o, [b"w1".as_slice()], true)),
            b"gets w1\r\n"
        );
        assert_eq!(
            encoded(|o| encode_get(o, [b"w1".as_slice(), b"w2", b"w3"], false)),
            b"get w1 w2 w3\r\n"
        );
        assert_eq!(
            encoded(|o| encode_get(o, [b"w1".as_slice(), b"w2"], true)),
            b"gets w1 w2\r\n"
        );
    }

    #[test]
    fn encode_delete_never_sends_a_time() {
        assert_eq!(encoded(|o| encode_delete(o, b"w2")), b"delete w2\r\n");
    }

    #[test]
    fn encode_counter_commands() {
        let counter = |delta| encoded(|o| encode_counter(o, b"w2", delta));
        assert_eq!(counter(1), b"incr w2 1\r\n");
        assert_eq!(counter(3), b"incr w2 3\r\n");
        assert_eq!(counter(-2), b"decr w2 2\r\n");
        assert_eq!(counter(-4), b"decr w2 4\r\n");
        assert_eq!(counter(0), b"incr w2 0\r\n");
        assert_eq!(counter(i64::MAX), b"incr w2 9223372036854775807\r\n");
        assert_eq!(counter(i64::MIN), b"decr w2 9223372036854775808\r\n");
    }

    #[test]
    fn encode_version_flush_stats() {
        assert_eq!(encoded(encode_version), b"version\r\n");
        assert_eq!(encoded(|o| encode_flush(o, 0)), b"flush_all\r\n");
        assert_eq!(encoded(|o| encode_flush(o, 10)), b"flush_all 10\r\n");
        assert_eq!(
            encoded(|o| encode_flush(o, u32::MAX)),
            b"flush_all 4294967295\r\n"
        );
        assert_eq!(encoded(|o| encode_stats(o, &[])), b"stats\r\n");
        assert_eq!(
            encoded(|o| encode_stats(o, &[b"items"])),
            b"stats items\r\n"
        );
        assert_eq!(
            encoded(|o| encode_stats(o, &[b"cachedump", b"1", b"5"])),
            b"stats cachedump 1 5\r\n"
        );
    }

    #[test]
    fn encoders_append_to_the_buffer() {
        let mut out = b"version\r\n".to_vec();
        encode_get(&mut out, [b"a".as_slice()], false);
        encode_delete(&mut out, b"b");
        encode_store(&mut out, b"c", store(StoreOp::Set, 1, 2, 0, b"d"));
        assert_eq!(
            out,
            b"version\r\nget a\r\ndelete b\r\nset c 1 2 1\r\nd\r\n".as_slice()
        );
    }

    // ---- every reply kind ----

    #[test]
    fn keyword_replies() {
        assert_eq!(reply(b"STORED\r\n"), Reply::Stored);
        assert_eq!(reply(b"NOT_STORED\r\n"), Reply::NotStored);
        assert_eq!(reply(b"EXISTS\r\n"), Reply::Exists);
        assert_eq!(reply(b"NOT_FOUND\r\n"), Reply::NotFound);
        assert_eq!(reply(b"DELETED\r\n"), Reply::Deleted);
        assert_eq!(reply(b"OK\r\n"), Reply::Ok);
        assert_eq!(reply(b"END\r\n"), Reply::End);
        assert_eq!(reply(b"RESET\r\n"), Reply::Reset);
    }

    #[test]
    fn keywords_match_by_prefix_like_the_c_extension() {
        assert_eq!(reply(b"OKAY\r\n"), Reply::Ok);
        assert_eq!(reply(b"STORED extra\r\n"), Reply::Stored);
        assert_eq!(reply(b"NOT_FOUNDx\r\n"), Reply::NotFound);
        assert_eq!(reply(b"ENDING\r\n"), Reply::End);
        assert_eq!(reply(b"ok\r\n"), Reply::Unexpected(b"ok"));
        assert_eq!(reply(b" STORED\r\n"), Reply::Unexpected(b" STORED"));
    }

    #[test]
    fn error_replies() {
        assert_eq!(reply(b"ERROR\r\n"), Reply::Error(b"ERROR"));
        assert_eq!(
            reply(b"ERROR unknown command\r\n"),
            Reply::Error(b"ERROR unknown command")
        );
        assert_eq!(
            reply(b"CLIENT_ERROR bad data chunk\r\n"),
            Reply::ClientError(b"CLIENT_ERROR bad data chunk")
        );
        let server_error = |kind, line| Reply::ServerError { kind, line };
        assert_eq!(
            reply(b"SERVER_ERROR out of memory storing object\r\n"),
            server_error(
                ServerErrorKind::OutOfMemory,
                b"SERVER_ERROR out of memory storing object"
            )
        );
        assert_eq!(
            reply(b"SERVER_ERROR object too large for cache\r\n"),
            server_error(
                ServerErrorKind::TooLarge,
                b"SERVER_ERROR object too large for cache"
            )
        );
        assert_eq!(
            reply(b"SERVER_ERROR busy\r\n"),
            server_error(ServerErrorKind::Other, b"SERVER_ERROR busy")
        );
        assert_eq!(
            reply(b"SERVER_ERROR\r\n"),
            server_error(ServerErrorKind::Other, b"SERVER_ERROR")
        );
        assert_eq!(
            reply(b"SERVER_ERROR out of mem\r\n"),
            server_error(ServerErrorKind::Other, b"SERVER_ERROR out of mem")
        );
    }

    #[test]
    fn unexpected_replies() {
        assert_eq!(reply(b"GARBAGE\r\n"), Reply::Unexpected(b"GARBAGE"));
        assert_eq!(reply(b"TOUCHED\r\n"), Reply::Unexpected(b"TOUCHED"));
        assert_eq!(reply(b"VERSION\r\n"), Reply::Unexpected(b"VERSION"));
        assert_eq!(reply(b"12a\r\n"), Reply::Unexpected(b"12a"));
        assert_eq!(reply(b"-1\r\n"), Reply::Unexpected(b"-1"));
        assert_eq!(reply(b"1 \r\n"), Reply::Unexpected(b"1 "));
        assert_eq!(reply(b" \r\n"), Reply::Unexpected(b" "));
        assert_eq!(reply(b"\xff\x00\r\n"), Reply::Unexpected(b"\xff\x00"));
    }

    #[test]
    fn number_replies() {
        assert_eq!(reply(b"0\r\n"), Reply::Number(0));
        assert_eq!(reply(b"42\r\n"), Reply::Number(42));
        assert_eq!(reply(b"007\r\n"), Reply::Number(7));
        assert_eq!(reply(b"18446744073709551615\r\n"), Reply::Number(u64::MAX));
        assert_eq!(reply(b"18446744073709551616\r\n"), Reply::Number(u64::MAX));
        assert_eq!(
            reply(b"99999999999999999999999999999\r\n"),
            Reply::Number(u64::MAX)
        );
    }

    #[test]
    fn common_lines_read_as_the_general_path_reads_them() {
        fn general(buf: &[u8]) -> Result<Parse<Reply<'_>>, ProtocolError> {
            match find_line_end(buf)? {
                Some(line_end) => line_reply(buf, line_end),
                None => Ok(Parse::Incomplete),
            }
        }
        // Leading zeros up to the longest line, and one byte over.
        let long_number = [&[b'0'; MAX_LINE_LEN - 2][..], b"\r\n"].concat();
        let too_long_number = [&[b'0'; MAX_LINE_LEN - 1][..], b"\r\n"].concat();
        for buf in [
            &b"END\r\n"[..],
            b"END\r\nEND\r\n",
            b"STORED\r\n",
            b"DELETED\r\nx",
            b"NOT_FOUND\r\n",
            b"0\r\n",
            b"42\r\n7\r\n",
            b"18446744073709551615\r\n",
            b"007\r\n",
            &long_number,
        ] {
            let fast = common_line(buf).map(|(reply, used)| Ok(Parse::Done(reply, used)));
            let shown = String::from_utf8_lossy(&buf[..buf.len().min(24)]);
            assert!(fast.is_some(), "{shown:?} not matched whole");
            assert_eq!(fast, Some(general(buf)), "{shown:?}");
        }
        // Anything else is left to the general path.
        for buf in [
            &b"END"[..],
            b"END\r",
            b"END\n",
            b"ENDING\r\n",
            b"STORED \r\n",
            b"NOT_FOUN\r\n",
            b"42",
            b"42\r",
            b"42\n",
            b"42x\r\n",
            b"18446744073709551616\r\n",
            &too_long_number,
            b"OK\r\n",
            b"",
        ] {
            let shown = String::from_utf8_lossy(&buf[..buf.len().min(24)]);
            assert_eq!(common_line(buf), None, "{shown:?}");
        }
    }

    #[test]
    fn version_reply() {
        assert_eq!(reply(b"VERSION 1.6.18\r\n"), Reply::Version(b"1.6.18"));
        assert_eq!(reply(b"VERSION \r\n"), Reply::Version(b""));
    }

    #[test]
    fn stat_replies() {
        let stat = |name, value| Reply::Stat { name, value };
        assert_eq!(reply(b"STAT pid 11837\r\n"), stat(b"pid", b"11837"));
        assert_eq!(
            reply(b"STAT items:1:number 2\r\n"),
            stat(b"items:1:number", b"2")
        );
        assert_eq!(
            reply(b"STAT version 1.6.18\r\n"),
            stat(b"version", b"1.6.18")
        );
        assert_eq!(reply(b"STAT a b c\r\n"), stat(b"a", b"b c"));
        assert_eq!(reply(b"STAT empty \r\n"), stat(b"empty", b""));
        assert_eq!(reply(b"STAT lonely\r\n"), Reply::Unexpected(b"STAT lonely"));
        assert_eq!(reply(b"STAT  x\r\n"), Reply::Unexpected(b"STAT  x"));
        assert_eq!(reply(b"STATS x y\r\n"), Reply::Unexpected(b"STATS x y"));
    }

    #[test]
    fn item_replies() {
        let item = |key, bytes, expiry| Reply::Item { key, bytes, expiry };
        assert_eq!(
            reply(b"ITEM foo [3 b; 1700000000 s]\r\n"),
            item(b"foo", b"3", b"1700000000")
        );
        assert_eq!(
            reply(b"ITEM a [b [1 b; 0 s]\r\n"),
            item(b"a [b", b"1", b"0")
        );
        for bad in [
            &b"ITEM foo\r\n"[..],
            b"ITEM  [3 b; 1 s]\r\n",
            b"ITEM foo [3 b; 1 s\r\n",
            b"ITEM foo [3b; 1 s]\r\n",
            b"ITEM foo [ b; 1 s]\r\n",
            b"ITEM foo [3 b;  s]\r\n",
            b"ITEM foo [x b; 1 s]\r\n",
            b"ITEM foo [3 b; 1x s]\r\n",
            b"ITEM foo 3 b; 1 s]\r\n",
        ] {
            assert_eq!(reply(bad), Reply::Unexpected(&bad[..bad.len() - 2]));
        }
    }

    #[test]
    fn value_replies() {
        assert_eq!(
            reply(b"VALUE k 0 3\r\nabc\r\n"),
            Reply::Value {
                key: b"k",
                flags: 0,
                cas: None,
                data: b"abc"
            }
        );
        assert_eq!(
            reply(b"VALUE w1 4294967295 2 18446744073709551615\r\n\r\n\r\n"),
            Reply::Value {
                key: b"w1",
                flags: u32::MAX,
                cas: Some(u64::MAX),
                data: b"\r\n"
            }
        );
        assert_eq!(
            reply(b"VALUE e 768 0 5\r\n\r\n"),
            Reply::Value {
                key: b"e",
                flags: 768,
                cas: Some(5),
                data: b""
            }
        );
        let key = [b'k'; MAX_KEY_LEN];
        let buf = [b"VALUE ", &key[..], b" 0 1\r\nx\r\n"].concat();
        assert!(matches!(reply(&buf), Reply::Value { key, .. } if key.len() == MAX_KEY_LEN));
    }

    #[test]
    fn value_is_not_returned_before_its_trailing_crlf() {
        let buf = b"VALUE k 1 4\r\n\r\n\r\n\r\n";
        assert!(matches!(
            assert_incomplete_until_done(buf),
            Reply::Value {
                data: b"\r\n\r\n",
                ..
            }
        ));
    }

    #[test]
    fn malformed_value_headers() {
        let long_key = [b"VALUE ", &[b'k'; MAX_KEY_LEN + 1][..], b" 0 1\r\nx\r\n"].concat();
        let too_big = format!("VALUE k 0 {}\r\n", MAX_VALUE_LEN + 1);
        for bad in [
            &b"VALUE\r\n"[..],
            b"VALUE \r\n",
            b"VALUE k\r\n",
            b"VALUE k 0\r\n",
            b"VALUE k 0 \r\n",
            b"VALUEk 0 1\r\nx\r\n",
            b"VALUE  k 0 1\r\nx\r\n",
            b"VALUE k  0 1\r\nx\r\n",
            b"VALUE k 0 1 \r\nx\r\n",
            b"VALUE k x 1\r\nx\r\n",
            b"VALUE k -1 1\r\nx\r\n",
            b"VALUE k +1 1\r\nx\r\n",
            b"VALUE k 4294967296 1\r\nx\r\n",
            b"VALUE k 0 x\r\nx\r\n",
            b"VALUE k 0 -1\r\nx\r\n",
            b"VALUE k 0 1x\r\nx\r\n",
            b"VALUE k 0 18446744073709551616\r\n",
            b"VALUE k 0 99999999999999999999999999\r\n",
            b"VALUE k 0 1 x\r\nx\r\n",
            b"VALUE k 0 1 18446744073709551616\r\nx\r\n",
            b"VALUE k 0 1 2 3\r\nx\r\n",
            b"VALUE k 0 1 2 \r\nx\r\n",
            b"VALUE k\t0 1\r\nx\r\n",
            &long_key,
            too_big.as_bytes(),
        ] {
            assert_eq!(
                parse_reply(bad),
                Err(ProtocolError::MalformedValueHeader),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn a_plain_header_reads_as_the_general_path_reads_it() {
        let zeros = "0".repeat(MAX_LINE_LEN);
        let long_key = "k".repeat(MAX_KEY_LEN);
        for line in [
            "VALUE k 0 1\r\n".to_string(),
            "VALUE k 4294967295 1 18446744073709551615\r\n".to_string(),
            "VALUE k\x7f\u{e9} 007 0001 00\r\n".to_string(),
            format!("VALUE {long_key} 1 2 3\r\n"),
            format!("VALUE k 0 {zeros}1\r\n"),
            format!("VALUE k 0 {}1\r\n", &zeros[..MAX_LINE_LEN - 16]),
        ] {
            let buf = [line.as_bytes(), b"x\r\n"].concat();
            let general = find_line_end(&buf).and_then(|end| {
                let end = end.expect("a complete line");
                value_header(&buf[b"VALUE".len()..end - 2], end)
            });
            match (plain_value_header(&buf), general) {
                (Some(plain), Ok(general)) => {
                    assert_eq!(
                        (
                            plain.key,
                            plain.flags,
                            plain.bytes,
                            plain.cas,
                            plain.line_end
                        ),
                        (
                            general.key,
                            general.flags,
                            general.bytes,
                            general.cas,
                            general.line_end
                        ),
                        "{line:?}"
                    );
                }
                (Some(_), Err(e)) => panic!("{line:?}: read plainly, but {e:?}"),
                (None, _) => assert!(line.len() > MAX_LINE_LEN, "{line:?} not read plainly"),
            }
        }
    }

    #[test]
    fn largest_value_count_waits_for_data() {
        let header = format!("VALUE k 0 {MAX_VALUE_LEN}\r\n");
        assert_eq!(parse_reply(header.as_bytes()), Ok(Parse::Incomplete));
    }

    #[test]
    fn a_value_above_the_callers_limit_is_refused_at_its_header() {
        let too_large = ProtocolError::ValueTooLarge { len: 11, limit: 10 };
        assert_eq!(parse_reply_within(b"VALUE k 0 11\r\n", 10), Err(too_large));
        assert_eq!(
            parse_reply_within(b"VALUE k 0 11 7\r\nx", 10),
            Err(too_large)
        );
        assert_eq!(
            parse_reply_within(b"VALUE k 0 10\r\n", 10),
            Ok(Parse::Incomplete)
        );
        let (reply, used) = match parse_reply_within(b"VALUE k 0 2\r\nab\r\n", 2) {
            Ok(Parse::Done(reply, used)) => (reply, used),
            other => panic!("{other:?}"),
        };
        assert!(matches!(reply, Reply::Value { data: b"ab", .. }) && used == 17);
        // A header that is malformed anyway stays malformed; other lines are unaffected.
        let above_max = format!("VALUE k 0 {}\r\n", MAX_VALUE_LEN + 1);
        assert_eq!(
            parse_reply_within(above_max.as_bytes(), 10),
            Err(ProtocolError::MalformedValueHeader)
        );
        assert_eq!(
            parse_reply_within(b"END\r\n", 0),
            Ok(Parse::Done(Reply::End, 5))
        );
    }

    #[test]
    fn value_data_must_end_with_crlf_at_the_declared_length() {
        for bad in [
            &b"VALUE k 0 3\r\nabcd"[..],
            b"VALUE k 0 3\r\nabc\rx",
            b"VALUE k 0 3\r\nabc\n\r",
            b"VALUE k 0 3\r\nabcd\r\n",
            b"VALUE k 0 3\r\nab\r\n",
            b"VALUE k 0 3\r\nab\r\nEND\r\n",
        ] {
            assert_eq!(
                parse_reply(bad),
                Err(ProtocolError::MalformedValueHeader),
                "{bad:?}"
            );
        }
        assert_eq!(parse_reply(b"VALUE k 0 3\r\nab\r"), Ok(Parse::Incomplete));
        assert_eq!(parse_reply(b"VALUE k 0 3\r\nabc\r"), Ok(Parse::Incomplete));
    }

    // ---- lines ----

    #[test]
    fn empty_line_and_bare_lf_are_malformed() {
        for bad in [
            &b"\r\n"[..],
            b"\r\nSTORED\r\n",
            b"\n",
            b"STORED\n",
            b"STORED\nEND\r\n",
            b"VALUE k 0 1\nx\r\n",
        ] {
            assert_eq!(
                parse_reply(bad),
                Err(ProtocolError::MalformedResponse),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn carriage_return_inside_a_line_is_content() {
        assert_eq!(
            reply(b"ITEM a\rb [1 b; 0 s]\r\n"),
            Reply::Item {
                key: b"a\rb",
                bytes: b"1",
                expiry: b"0"
            }
        );
        assert_eq!(parse_reply(b"STORED\r\r"), Ok(Parse::Incomplete));
        assert_eq!(reply(b"STORED\r\r\n"), Reply::Stored);
    }

    #[test]
    fn line_length_limit() {
        let line = |len: usize| {
            let mut buf = b"STAT x ".to_vec();
            buf.resize(len - 2, b'v');
            buf.extend_from_slice(b"\r\n");
            buf
        };
        let longest = line(MAX_LINE_LEN);
        assert!(matches!(reply(&longest), Reply::Stat { .. }));
        assert_eq!(
            parse_reply(&line(MAX_LINE_LEN + 1)),
            Err(ProtocolError::LineTooLong)
        );
        assert_eq!(
            parse_reply(&longest[..MAX_LINE_LEN - 1]),
            Ok(Parse::Incomplete)
        );
        assert_eq!(
            parse_reply(&vec![b'x'; MAX_LINE_LEN]),
            Err(ProtocolError::LineTooLong)
        );
        assert_eq!(
            parse_reply(&vec![b'x'; MAX_LINE_LEN - 1]),
            Ok(Parse::Incomplete)
        );
        let mut cr_at_limit = vec![b'x'; MAX_LINE_LEN - 1];
        cr_at_limit.push(b'\r');
        assert_eq!(parse_reply(&cr_at_limit), Err(ProtocolError::LineTooLong));
        let value_header = [b"VALUE ", &[b'k'; MAX_LINE_LEN][..]].concat();
        assert_eq!(parse_reply(&value_header), Err(ProtocolError::LineTooLong));
    }

    #[test]
    fn parsing_uses_only_the_first_reply() {
        let (first, used) = done(b"STORED\r\nVALUE k 0 1\r\nx\r\nEND\r\n");
        assert_eq!((first, used), (Reply::Stored, 8));
        let (value, used) = done(b"VALUE k 0 1\r\nx\r\nEND\r\n");
        assert!(matches!(value, Reply::Value { data: b"x", .. }));
        assert_eq!(used, 16);
        assert_eq!(done(b"END\r\ngarbage"), (Reply::End, 5));
    }

    // ---- incomplete at every split point ----

    fn sample_stream() -> (Vec<u8>, Vec<(Reply<'static>, usize)>) {
        let parts: Vec<(&'static [u8], Reply<'static>)> = vec![
            (b"STORED\r\n", Reply::Stored),
            (b"NOT_STORED\r\n", Reply::NotStored),
            (b"EXISTS\r\n", Reply::Exists),
            (b"NOT_FOUND\r\n", Reply::NotFound),
            (b"DELETED\r\n", Reply::Deleted),
            (b"OK\r\n", Reply::Ok),
            (b"RESET\r\n", Reply::Reset),
            (
                b"VALUE a 0 3\r\nabc\r\n",
                Reply::Value {
                    key: b"a",
                    flags: 0,
                    cas: None,
                    data: b"abc",
                },
            ),
            (
                b"VALUE bb 768 5 12345\r\nEND\r\n\r\n",
                Reply::Value {
                    key: b"bb",
                    flags: 768,
                    cas: Some(12345),
                    data: b"END\r\n",
                },
            ),
            (
                b"VALUE c 2 0\r\n\r\n",
                Reply::Value {
                    key: b"c",
                    flags: 2,
                    cas: None,
                    data: b"",
                },
            ),
            (b"END\r\n", Reply::End),
            (b"124\r\n", Reply::Number(124)),
            (b"VERSION 1.6.18\r\n", Reply::Version(b"1.6.18")),
            (
                b"STAT curr_items 2\r\n",
                Reply::Stat {
                    name: b"curr_items",
                    value: b"2",
                },
            ),
            (
                b"ITEM k [1 b; 0 s]\r\n",
                Reply::Item {
                    key: b"k",
                    bytes: b"1",
                    expiry: b"0",
                },
            ),
            (
                b"SERVER_ERROR object too large for cache\r\n",
                Reply::ServerError {
                    kind: ServerErrorKind::TooLarge,
                    line: b"SERVER_ERROR object too large for cache",
                },
            ),
            (
                b"CLIENT_ERROR bad command line format\r\n",
                Reply::ClientError(b"CLIENT_ERROR bad command line format"),
            ),
            (b"ERROR\r\n", Reply::Error(b"ERROR")),
            (b"GARBAGE\r\n", Reply::Unexpected(b"GARBAGE")),
        ];
        let mut stream = Vec::new();
        let mut expected = Vec::new();
        for (bytes, reply) in parts {
            stream.extend_from_slice(bytes);
            expected.push((reply, bytes.len()));
        }
        (stream, expected)
    }

    #[test]
    fn incomplete_at_every_split_point() {
        let (stream, expected) = sample_stream();
        let mut at = 0;
        for (want, len) in expected {
            let whole = &stream[at..at + len];
            assert_eq!(assert_incomplete_until_done(whole), want);
            assert_eq!(parse_reply(&stream[at..]), Ok(Parse::Done(want, len)));
            at += len;
        }
        assert_eq!(at, stream.len());
        assert_eq!(parse_reply(&stream[at..]), Ok(Parse::Incomplete));
    }

    #[test]
    fn streaming_in_random_chunks_gives_the_same_replies() {
        let (stream, expected) = sample_stream();
        let want: Vec<_> = expected
            .iter()
            .map(|(r, len)| (r.message().into_owned(), *len))
            .collect();
        assert_parsed_in_random_chunks(&stream, 7, &want, |buf| {
            match parse_reply(buf).expect("valid stream") {
                Parse::Done(reply, used) => Some(((reply.message().into_owned(), used), used)),
                Parse::Incomplete => None,
            }
        });
    }

    // ---- failure message and errnum ----

    #[test]
    fn failure_messages_and_errnums() {
        let cases: [(&[u8], &[u8], i32); 17] = [
            (
                b"SERVER_ERROR object too large for cache\r\n",
                b"SERVER_ERROR object too large for cache",
                3,
            ),
            (
                b"SERVER_ERROR out of memory storing object\r\n",
                b"SERVER_ERROR out of memory storing object",
                130,
            ),
            (
                b"CLIENT_ERROR cannot increment or decrement non-numeric value\r\n",
                b"CLIENT_ERROR cannot increment or decrement non-numeric value",
                6,
            ),
            (b"SERVER_ERROR busy\r\n", b"SERVER_ERROR busy", 0),
            (b"ERROR\r\n", b"ERROR", 0),
            (b"GARBAGE\r\n", b"GARBAGE", 0),
            (b"NOT_FOUND\r\n", b"NOT_FOUND", 0),
            (b"NOT_STORED\r\n", b"NOT_STORED", 0),
            (b"EXISTS\r\n", b"EXISTS", 0),
            (b"STORED\r\n", b"STORED", 0),
            (b"DELETED\r\n", b"DELETED", 0),
            (b"OK\r\n", b"OK", 0),
            (b"END\r\n", b"END", 0),
            (b"RESET\r\n", b"RESET", 0),
            (b"VERSION 1.6.18\r\n", b"VERSION 1.6.18", 0),
            (b"STAT pid 1\r\n", b"STAT pid 1", 0),
            (b"ITEM k [1 b; 0 s]\r\n", b"ITEM k [1 b; 0 s]", 0),
        ];
        for (buf, message, errnum) in cases {
            let r = reply(buf);
            assert_eq!(&*r.message(), message, "{r:?}");
            assert_eq!(r.errnum(), errnum, "{r:?}");
        }
        assert_eq!(&*reply(b"123\r\n").message(), b"123");
        assert_eq!(&*reply(b"VALUE k 1 2\r\nab\r\n").message(), b"VALUE k 1 2");
        assert_eq!(
            &*reply(b"VALUE k 1 2 3\r\nab\r\n").message(),
            b"VALUE k 1 2 3"
        );
        assert!(matches!(reply(b"ERROR\r\n").message(), Cow::Borrowed(_)));
    }

    #[test]
    fn protocol_error_messages_match_the_c_extension() {
        assert_eq!(
            ProtocolError::MalformedValueHeader.to_string(),
            "Malformed VALUE header"
        );
        assert_eq!(
            ProtocolError::MalformedResponse.to_string(),
            "Malformed server response"
        );
        assert_eq!(
            ProtocolError::LineTooLong.to_string(),
            "Malformed server response (line longer than 4096 bytes)"
        );
    }

    // ---- untrusted input ----

    /// Random bytes biased towards protocol fragments so the fuzzing reaches deep paths:
    /// either a string of fragments and noise, or valid replies with a few bytes mutated.
    fn random_input(rng: &mut Rng, valid: &[u8]) -> Vec<u8> {
        const FRAGMENTS: [&[u8]; 25] = [
            b"VALUE ",
            b"STAT ",
            b"ITEM ",
            b"VERSION ",
            b"END",
            b"STORED",
            b"OK",
            b"SERVER_ERROR ",
            b"CLIENT_ERROR ",
            b"ERROR",
            b"NOT_FOUND",
            b"\r\n",
            b"\r",
            b"\n",
            b" ",
            b"0",
            b"1",
            b"18446744073709551616",
            b"4294967296",
            b" [",
            b" b; ",
            b" s]",
            b"k",
            b"1073741824",
            b"VALUE k 0 2\r\n",
        ];
        if rng.below(2) == 0 {
            let start = rng.below(valid.len());
            let end = start + rng.below(valid.len() - start + 1);
            let mut buf = valid[start..end].to_vec();
            for _ in 0..rng.below(4) {
                let at = rng.below(buf.len() + 1);
                match rng.below(3) {
                    0 if at < buf.len() => buf[at] = rng.next() as u8,
                    1 if at < buf.len() => drop(buf.remove(at)),
                    _ => buf.insert(at, b"0 \r\n"[rng.below(4)]),
                }
            }
            return buf;
        }
        let mut buf = Vec::new();
        for _ in 0..rng.below(24) {
            if rng.below(3) == 0 {
                for _ in 0..1 + rng.below(4) {
                    buf.push(rng.next() as u8);
                }
            } else {
                buf.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            }
        }
        buf
    }

    /// Parses `buf` reply by reply, checking the invariants the network layer relies on.
    fn check_invariants(buf: &[u8]) {
        let mut rest = buf;
        while let Ok(Parse::Done(reply, used)) = parse_reply(rest) {
            assert!(used > 0 && used <= rest.len(), "{used} of {rest:?}");
            let _ = (reply.message(), reply.errnum());
            assert_eq!(parse_reply(&rest[..used]), Ok(Parse::Done(reply, used)));
            if used < 64 {
                for cut in 0..used {
                    assert_eq!(parse_reply(&rest[..cut]), Ok(Parse::Incomplete));
                }
            }
            rest = &rest[used..];
        }
    }

    #[test]
    fn random_input_never_panics() {
        let (valid, _) = sample_stream();
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..200_000 {
            check_invariants(&random_input(&mut rng, &valid));
        }
    }

    #[test]
    fn random_long_input_never_panics() {
        let mut rng = Rng(42);
        for _ in 0..200 {
            let len = rng.below(3 * MAX_LINE_LEN);
            let mut buf: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            if rng.below(2) == 0 {
                buf.retain(|&b| b != b'\n');
            }
            check_invariants(&buf);
        }
    }
}
